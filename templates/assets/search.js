/* malekort search: finds the site's commentary, measures, goals and units
   in the index the build wrote (search-index.js), with MiniSearch. Both
   are classic scripts that malekort.js loads when the search field is
   first used, so search works from file:// and from any folder, and a
   page that is not searched loads neither. */
(function () {
  "use strict";
  var data = window.malekortSearch;
  var form = document.querySelector("[data-search]");
  if (!data || !window.MiniSearch || !form) return;
  var here = document.currentScript && document.currentScript.src;
  var root = here ? here.replace(/assets\/[^\/]*$/, "") : "";
  var input = form.querySelector("input");
  var status = form.querySelector(".search-count");
  var list = form.querySelector(".search-results");
  var words = data.words;
  var shownMax = 20;

  // A word is a run of letters, combining marks and digits, whatever the
  // alphabet: å, æ and ø are letters like a and e, never separators (as
  // an ASCII \w would make them: "bør" would be "b" and "r"). An å typed
  // as a and a combining ring (as some keyboards write it) stays one word.
  // An invisible format character (Unicode's Cf: a soft hyphen pasted from
  // Word, a zero-width space or joiner, a byte order mark) is no break in
  // a word, and term drops it: "Syke\u00adfravær" is "sykefravær", in the
  // texts and in the query alike, and is marked whole.
  var WORD = /[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}\p{Cf}]*[\p{L}\p{M}\p{N}])?/gu;
  var FORMAT = /\p{Cf}/gu;

  function tokenize(text) {
    return text.normalize("NFC").match(WORD) || [];
  }

  // stem strips a Norwegian inflection from a lower-case word, so that
  // "kontorene", "kontoret" and "kontor" are one term: step 1 to 3 of the
  // Snowball stemmer for Norwegian. It only ever removes endings, and
  // never from the first three letters, so "får" stays "får" and is never
  // "far", and no letter is ever replaced by another.
  var VOWEL = /[aeiouyæøå]/;
  var ENDINGS = ["hetenes", "hetene", "hetens", "endes", "heten", "heter", "ande", "edes", "ende", "enes", "erte",
    "ane", "ede", "ene", "ens", "ers", "ets", "het", "ast", "ert", "en", "ar", "er", "as", "es", "et", "a", "e", "s"];
  var S_ENDING = /[bcdfghjlmnoprtvyz]$|[^aeiouyæøå]k$/;
  var DERIVED = ["hetslov", "eleg", "elig", "elov", "slov", "leg", "eig", "lig", "els", "lov", "ig"];

  function region(w) {
    for (var i = 1; i < w.length; i++) {
      if (VOWEL.test(w[i - 1]) && !VOWEL.test(w[i])) return Math.max(i + 1, 3);
    }
    return w.length;
  }

  function stem(w) {
    var r = region(w);
    var i, e;
    for (i = 0; i < ENDINGS.length; i++) {
      e = ENDINGS[i];
      if (w.length - e.length >= r && w.slice(-e.length) === e) {
        if (e === "erte" || e === "ert") w = w.slice(0, -e.length) + "er";
        else if (e !== "s" || S_ENDING.test(w.slice(0, -1))) w = w.slice(0, -e.length);
        break;
      }
    }
    if (w.length - 2 >= r && /[dv]t$/.test(w)) w = w.slice(0, -1);
    for (i = 0; i < DERIVED.length; i++) {
      e = DERIVED[i];
      if (w.length - e.length >= r && w.slice(-e.length) === e) {
        w = w.slice(0, -e.length);
        break;
      }
    }
    return w;
  }

  // term is a word as the index holds it. A site's texts use a few
  // thousand words many times over: each is stemmed once.
  var terms = new Map();
  function term(word) {
    var t = terms.get(word);
    if (t === undefined) {
      t = stem(word.replace(FORMAT, "").toLowerCase());
      terms.set(word, t);
    }
    return t;
  }

  function place(doc) {
    var unit = data.units[doc[1]];
    switch (doc[0]) {
      // A county's text, a goal's description, where it has one.
      case 0: return { name: unit[0], kind: words["search.kind.unit"], href: unit[1] + "index.html", text: doc[2] || "" };
      case 1:
        var goal = data.goals[doc[1]];
        return { name: goal[0], kind: words["search.kind.goal"], href: goal[1] + "index.html", text: doc[2] || "" };
      default:
        var month = data.months[doc[2]];
        var measure = doc[0] === 3;
        return {
          name: unit[0], month: month[1], monthID: month[0], text: doc[3],
          kind: measure ? words["search.kind.measure"] + " · " + data.goals[doc[4]][0] : words["search.kind.commentary"],
          // A measure is shown with the commentary that decided it.
          href: unit[1] + data.commentary + "#" + month[0]
        };
    }
  }

  // A Norwegian compound ends in the word it is a kind of: "sykefravær"
  // is a fravær, "arbeidsledighet" a ledighet. So every term is indexed
  // reversed as well, in fields of its own, and a query word also finds
  // the words whose term its term ends, as a prefix of the reversed
  // terms: where its term has four letters or more, or the word itself
  // six ("ledighet" is the term "led", as "arbeidsledighet" is
  // "arbeidsled"). A shorter one would find a great many words: "være" is
  // "vær", the end of "sykefravær".
  var ENDS = { nameEnds: "name", textEnds: "text" };
  function findsEndings(word) {
    return Array.from(term(word)).length >= 4 || Array.from(word.replace(FORMAT, "")).length >= 6;
  }
  function reversed(t) {
    return Array.from(t).reverse().join("");
  }
  function endingTerm(word) {
    return reversed(term(word));
  }

  var places = data.docs.map(place);
  // A reader looks for what is being done now: of commentary and measures
  // found as well, the newer come first, up to half as much again for the
  // newest month as for the oldest. A unit's or a goal's own text is
  // always current.
  var ages = new Map(data.months.map(function (m) { return m[0]; }).sort().map(function (id, i, all) {
    return [id, 1 + 0.5 * (i + 1) / all.length];
  }));
  function recency(id) {
    var p = places[id];
    return p.monthID ? ages.get(p.monthID) : 1.5;
  }
  var index = new window.MiniSearch({
    fields: ["name", "text", "nameEnds", "textEnds"],
    extractField: function (doc, field) { return doc[ENDS[field] || field]; },
    tokenize: tokenize,
    processTerm: function (word, field) { return ENDS[field] ? endingTerm(word) : term(word); },
    searchOptions: {
      boost: { name: 2 },
      boostDocument: recency,
      combineWith: "AND",
      prefix: true,
      // A typo in a long word is forgiven; a short word is matched as
      // written, since one letter apart is another word ("får", "far").
      fuzzy: function (t) { return t.length >= 6 ? 1 : false; }
    }
  });
  index.addAll(places.map(function (p, i) {
    // A measure is found by its goal as well as its text.
    return { id: i, name: p.name + (p.month ? " " + p.kind : ""), text: p.text };
  }));

  // query is what the reader typed as MiniSearch's query: every word, each
  // at the start of a word or, long enough, at the end of one.
  function query(q) {
    return {
      combineWith: "AND",
      queries: tokenize(q).map(function (w) {
        var either = { combineWith: "OR", queries: [{ queries: [w], fields: ["name", "text"] }] };
        if (findsEndings(w)) {
          either.queries.push({ queries: [w], fields: ["nameEnds", "textEnds"], processTerm: endingTerm, fuzzy: false, boost: { nameEnds: 1, textEnds: 0.5 } });
        }
        return either;
      })
    };
  }

  // matches reports whether word's term matched, from the start or the end.
  function matches(matched, word) {
    var t = term(word.normalize("NFC"));
    return matched[t] || matched[reversed(t)];
  }

  // mark appends text to el with the words whose terms matched in <mark>.
  function mark(el, text, matched) {
    var last = 0;
    text.replace(WORD, function (w, at) {
      if (matches(matched, w)) {
        el.appendChild(document.createTextNode(text.slice(last, at)));
        var m = document.createElement("mark");
        m.textContent = w;
        el.appendChild(m);
        last = at + w.length;
      }
      return w;
    });
    el.appendChild(document.createTextNode(text.slice(last)));
  }

  // snippet is about 160 characters of text around its first match,
  // cut at spaces.
  function snippet(text, matched) {
    var first = -1;
    text.replace(WORD, function (w, at) {
      if (first < 0 && matches(matched, w)) first = at;
      return w;
    });
    var from = Math.max(0, first - 50);
    var to = Math.min(text.length, from + 160);
    if (from > 0) from = text.indexOf(" ", from) + 1 || from;
    if (to < text.length) to = text.lastIndexOf(" ", to) > from ? text.lastIndexOf(" ", to) : to;
    return (from > 0 ? "… " : "") + text.slice(from, to) + (to < text.length ? " …" : "");
  }

  function render(results, query) {
    list.textContent = "";
    if (!query) {
      status.textContent = "";
      list.hidden = true;
      return;
    }
    var n = results.length;
    status.textContent = n === 0 ? words["search.none"] : n === 1 ? words["search.count.one"] :
      words["search.count"].replace("{n}", n) + (n > shownMax ? ", " + words["search.shown"].replace("{n}", shownMax) : "");
    results.slice(0, shownMax).forEach(function (r) {
      var p = places[r.id];
      var matched = {};
      r.terms.forEach(function (t) { matched[t] = true; });
      var a = document.createElement("a");
      a.href = root + p.href;
      var where = document.createElement("span");
      where.className = "search-where";
      mark(where, p.name, matched);
      if (p.month) where.appendChild(document.createTextNode(" · " + p.month));
      var kind = document.createElement("span");
      kind.className = "search-kind";
      kind.textContent = " · " + p.kind;
      where.appendChild(kind);
      a.appendChild(where);
      if (p.text) {
        var snip = document.createElement("span");
        snip.className = "search-snippet";
        mark(snip, snippet(p.text, matched), matched);
        a.appendChild(snip);
      }
      var li = document.createElement("li");
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = n === 0;
  }

  function run() {
    var q = input.value.trim();
    render(q ? index.search(query(q)) : [], q);
  }

  // The count is announced once typing pauses, not at every key.
  var timer;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });

  function links() {
    return [].slice.call(list.querySelectorAll("a"));
  }

  // Escape clears the search; the arrow keys move between the field and
  // the results (Tab does too).
  form.addEventListener("keydown", function (e) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (e.key === "Escape") {
      e.preventDefault();
      input.value = "";
      run();
      input.focus();
    } else if (e.key === "ArrowDown" && at < all.length - 1 && (at >= 0 || document.activeElement === input)) {
      e.preventDefault();
      all[at + 1].focus();
    } else if (e.key === "ArrowUp" && at >= 0) {
      e.preventDefault();
      (at === 0 ? input : all[at - 1]).focus();
    }
  });

  run();
})();
