/* malekort: draws the page's charts as they scroll into view, in the
   colours of the current light or dark theme, runs the office finder and
   shows the search field, whose scripts it loads when it is first used.
   ECharts itself is loaded only once a chart is about to be seen, so pages
   open fast; everything is relative, so it works from file:// too. */
(function () {
  "use strict";
  var root = document.documentElement;
  var here = document.currentScript && document.currentScript.src;
  var base = here ? here.replace(/[^\/]*$/, "") : "assets/";
  var drawn = [];
  var waiting = [];
  var loading = false;

  function css(name) {
    return getComputedStyle(root).getPropertyValue(name).trim();
  }

  function formatter(decimals) {
    var nf = new Intl.NumberFormat(root.lang === "en" ? "en-GB" : "nb-NO", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals
    });
    return function (v) {
      // + 0 makes -0 (an axis beginning at zero) 0.
      return typeof v === "number" && isFinite(v) ? nf.format(v + 0) : "–";
    };
  }

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  }

  function axisStyle(axis, text, line) {
    (Array.isArray(axis) ? axis : [axis]).forEach(function (a) {
      a.axisLabel = Object.assign({}, a.axisLabel, { color: text, hideOverlap: true });
      // Numbers closer than this run together ("20,040,0"); a category's
      // names (the offices by their bars) are each wanted, and are kept
      // apart by the room each is given.
      if (a.type === "value" || a.type === "log") a.axisLabel.minMargin = 10;
      a.axisLine = { lineStyle: { color: line } };
      a.splitLine = { lineStyle: { color: line } };
    });
  }

  // legendRows is how many rows names take in a legend as wide as width,
  // laid out as ECharts lays them: a 25 px swatch, 5 px and the name in
  // 12 px text (cut short at legendText(width), see theme), 10 px between
  // them, 5 px padding each side.
  var legendRowHeight = 24, measure;
  function legendText(width) { return width - 50; }
  function legendRows(names, width) {
    measure = measure || document.createElement("canvas").getContext("2d");
    measure.font = "12px " + getComputedStyle(document.body).fontFamily;
    var rows = 1, x = 0;
    names.forEach(function (name) {
      var w = 30 + Math.min(measure.measureText(name).width, legendText(width));
      if (x > 0 && x + w > width - 10) {
        rows++;
        x = 0;
      }
      x += w + 10;
    });
    return rows;
  }

  // theme applies the page's colours and number format to an option for
  // a chart width px wide.
  function theme(option, el, width) {
    var text = css("--text"), muted = css("--muted"), line = css("--line");
    var palette = ["--c1", "--c2", "--c3", "--c4", "--c5", "--c6", "--c7"].map(css);
    var status = { green: css("--chart-green"), yellow: css("--chart-yellow"), red: css("--chart-red") };
    var signs = { green: "✓", yellow: "!", red: "✕" };
    var shapes = { green: "circle", yellow: "triangle", red: "diamond" };
    var fmt = formatter(parseInt(el.getAttribute("data-decimals"), 10) || 0);
    option.color = palette;
    option.backgroundColor = "transparent";
    option.textStyle = { color: text, fontFamily: getComputedStyle(document.body).fontFamily };
    // The bars are coloured by status, so a legend swatch for them would
    // mislead. A line drawn without symbols (a target, a funnel's limits,
    // any line past 24 months) has a swatch without the dot ECharts would
    // put on it: its line alone, dashed or dotted as it is. The offices'
    // targets are pins pointing down at their bars, in the legend too.
    var lines = [], named = Object.create(null);
    option.series.forEach(function (s) {
      if ((s.type !== "line" && s.id !== "office-targets") || named[s.name]) return;
      named[s.name] = true;
      var item = { name: s.name };
      if (s.id === "office-targets") item.icon = "path://M0,0h10l-5,9z";
      else if (s.symbol === "none" || s.showSymbol === false) item.itemStyle = { opacity: 0 };
      lines.push(item);
    });
    // A line switched off in the legend is greyed, swatch and name, in
    // the page's own muted colour: ECharts' light grey is the text's
    // colour in dark mode. A name wider than the chart is cut short, and
    // shown whole on hover.
    option.legend = Object.assign({}, option.legend, {
      data: lines, selected: el.legendSelected, inactiveColor: muted, inactiveBorderColor: muted, lineStyle: { inactiveColor: muted },
      textStyle: { color: text, width: legendText(width), overflow: "truncate" }, tooltip: { show: true }
    });
    // The legend wraps onto more rows rather than paging ("1/3" would hide
    // the target and the county). A second row is taken from the plot,
    // as the box was sized for (chart.countyHeight); beyond that the box
    // grows by the rows the names take at its width (a goal page has a
    // line for every county), so that the plot keeps its height.
    el.legendNames = lines.map(function (l) { return l.name; });
    el.legendRows = legendRows(el.legendNames, width);
    el.baseHeight = el.baseHeight || el.offsetHeight;
    var extra = (el.legendRows - 1) * legendRowHeight;
    el.style.height = el.baseHeight + Math.max(0, el.legendRows - 2) * legendRowHeight + "px";
    [].concat(option.grid || []).forEach(function (g) {
      if (g.bottom !== undefined) g.bottom = String(parseInt(g.bottom, 10) + extra);
    });
    // An office without a value has an empty bar that says why: "–" for
    // no value, ":" for a hidden one, "∅" for one that cannot be computed.
    var barText = function (d) {
      if (!d || d.status === "missing" || d.status === "incomplete") return "–";
      if (d.status === "suppressed") return ":";
      if (d.status === "uncomputable") return "∅";
      return fmt(d.value);
    };
    // The tooltip is in the page's colours (in dark mode a white box hid
    // the target's light marker), and the pointer may move onto it
    // without its going (WCAG 1.4.13; Escape hides it, see start).
    option.tooltip = Object.assign({}, option.tooltip, {
      valueFormatter: fmt, confine: true, enterable: true,
      backgroundColor: css("--bg"), borderColor: line, textStyle: { color: text }
    });
    if (el.notes) {
      // The month's values, then what was marked in it.
      option.tooltip.formatter = function (ps) {
        ps = [].concat(ps);
        return esc(ps[0].name) + ps.map(function (p) {
          return "<br>" + p.marker + esc(p.seriesName) + ": " + fmt(p.value);
        }).join("") + (el.notes[ps[0].dataIndex] || []).map(function (note) {
          return "<br>◆ " + esc(note);
        }).join("");
      };
    }
    if (el.hasAttribute("data-bars")) {
      option.tooltip.formatter = function (ps) {
        ps = [].concat(ps);
        return esc(ps[0].name) + ps.map(function (p) {
          var v = p.seriesId === "offices" ? barText(p.data) + (p.data.n ? " (" + esc(p.data.n) + ")" : "") :
            p.seriesId === "office-targets" ? fmt(p.value[0]) : fmt(p.value);
          return "<br>" + p.marker + esc(p.seriesName) + ": " + v;
        }).join("");
      };
    }
    axisStyle(option.xAxis, muted, line);
    axisStyle(option.yAxis, muted, line);
    var whole = formatter(0);
    var step = Math.pow(10, -(parseInt(el.getAttribute("data-decimals"), 10) || 0));
    var unit = el.getAttribute("data-axis-unit");
    [].concat(option.xAxis, option.yAxis).forEach(function (a) {
      if (a.type !== "value" && a.type !== "log") return;
      // A horizontal axis on a phone has room for about four labels:
      // ECharts' five steps would have every other label hidden, and the
      // ones left an uneven step (0, 500, 1 500, 2 500).
      if (a.type === "value" && width < 600 && [].concat(option.xAxis).indexOf(a) >= 0) a.splitNumber = 3;
      // A funnel plot's denominators are whole numbers.
      if (a.id === "n") {
        a.axisLabel.formatter = whole;
        return;
      }
      a.axisLabel.formatter = fmt;
      // Ticks closer than the goal's decimals would print one label twice
      // ("4,8 4,8 4,7"): no step below the last decimal shown.
      if (a.type === "value") a.minInterval = step;
      // A line at the extreme of its values (a target that stepped down
      // to the lowest figure) would lie on the axis, read as none: a
      // vertical axis leaves room around them before it rounds.
      if (a.type === "value" && [].concat(option.yAxis).indexOf(a) >= 0) a.boundaryGap = ["5%", "5%"];
      if (unit) {
        a.name = unit;
        a.nameGap = 8;
        a.nameTextStyle = { color: muted, align: "left" };
      }
    });
    // A vertical axis's unit stands above its top label: its grid makes
    // room for it.
    if (unit) {
      [].concat(option.yAxis).forEach(function (a) {
        var g = [].concat(option.grid || [])[a.gridIndex || 0];
        if (a.type === "value" && g && g.top !== undefined) {
          a.nameTextStyle.align = "center";
          g.top = String(parseInt(g.top, 10) + 16);
        }
      });
    }
    var next = 0;
    option.series.forEach(function (s) {
      if (s.id === "target") {
        s.color = css("--target");
      } else if (s.id.indexOf("limit") === 0) {
        s.color = muted;
      } else if (s.id === "points") {
        // A funnel plot's offices: coloured, shaped and named by status
        // (the shapes tell it without colour, and the outline lifts the
        // light yellow off the background), their size in the tooltip.
        s.symbol = function (v, p) { return shapes[p.data && p.data.status] || "circle"; };
        s.itemStyle = { color: function (p) { return status[p.data && p.data.status] || muted; }, borderColor: text, borderWidth: 1 };
        s.tooltip = {
          formatter: function (p) {
            return esc(p.name) + "<br>" + fmt(p.value[1]) + " " + (signs[p.data.status] || "") + " · n = " + p.value[0];
          }
        };
      } else if (s.id === "offices") {
        s.itemStyle = { color: function (p) { return status[p.data && p.data.status] || muted; } };
        s.label = {
          show: true, position: "right", color: text,
          formatter: function (p) { return barText(p.data) + " " + (signs[p.data && p.data.status] || ""); }
        };
      } else if (s.id === "office-targets") {
        // A pin pointing down at the target, just above the bar.
        s.color = css("--target");
        s.symbolRotate = 180;
        s.symbolOffset = [0, -13];
      } else {
        s.color = palette[next++ % palette.length];
      }
    });
    return option;
  }

  // A chart is claimed (initialised) as soon as it is seen, and its
  // option set one chart per task, so that a page of twenty charts never
  // holds the main thread long enough for a tap to feel slow. A chart
  // drawn for paper is given the paper's width (see print); on screen it
  // takes its box's.
  function claim(el, width) {
    if (window.echarts.getInstanceByDom(el)) return; // drawn for paper before it was seen
    var chart = window.echarts.init(el, null, { renderer: "canvas", width: width });
    var d = { el: el, chart: chart, width: width };
    drawn.push(d);
    waiting.push(d);
    schedule();
  }

  // schedule draws the next waiting chart in a task of its own: one at a
  // time, however many were claimed or drawn at once in between.
  var drawTimer = null;
  function schedule() {
    if (drawTimer === null) drawTimer = setTimeout(function () {
      drawTimer = null;
      drawNext();
    }, 0);
  }

  // option reads a chart's options: its page's layout for charts with the
  // same lines, filled with the chart's values. A single number is a flat
  // line (a target).
  function option(el) {
    var spec = JSON.parse(document.getElementById(el.id + "-data").textContent);
    var o = JSON.parse(document.getElementById(spec.layout).textContent);
    var months = (o.xAxis[0].data || []).length;
    o.series.forEach(function (s, i) {
      var d = spec.data[i];
      s.data = Array.isArray(d) ? d : new Array(months).fill(d);
      if (spec.names) s.name = spec.names[i];
      // A line without its points (past 24 months) draws nothing of a
      // month alone between gaps, a new office's first, say: it is
      // marked with a dot.
      if (s.showSymbol === false && s.id !== "target") {
        s.data.forEach(function (v, m) {
          if (typeof v === "number" && typeof s.data[m - 1] !== "number" && typeof s.data[m + 1] !== "number") {
            markPoints(s).data.push({ coord: [o.xAxis[0].data[m], v], symbol: "circle", symbolSize: 8 });
          }
        });
      }
      // A line of one month is a point, which a target line does not
      // mark: it is drawn across the chart instead, dashed as the line is.
      if (months === 1 && s.id === "target" && typeof s.data[0] === "number") {
        s.markLine = {
          silent: true, symbol: "none", label: { show: false },
          lineStyle: { type: "dashed", width: 2 }, data: [{ yAxis: s.data[0] }]
        };
      }
    });
    // A county chart's offices, in its bars' order. Long names are
    // shortened on the axis; the tooltip and the table have them whole.
    if (spec.offices) {
      el.setAttribute("data-bars", "");
      o.yAxis[1].data = spec.offices;
      o.yAxis[1].axisLabel = {
        formatter: function (name) { return name.length > 22 ? name.slice(0, 21) + "…" : name; }
      };
    }
    // Marked months: where a unit began (its months before recast from its
    // predecessors), where a measure started or was done. A measure is a
    // symbol on the line and a unit's beginning a thin upright line (not
    // dotted: an office's county line is), neither
    // with a label of its own, which would overlap the line, the axes and
    // each other: their words are in the month's tooltip, and the
    // measures' in the list under the chart.
    var notes = {};
    (spec.marks || []).forEach(function (m) {
      var s = o.series[m.series];
      var month = o.xAxis[0].data[m.at];
      (notes[m.at] = notes[m.at] || []).push(m.label);
      if (m.measure) {
        if (typeof s.data[m.at] !== "number") return;
        markPoints(s).data.push({ coord: [month, s.data[m.at]] });
      } else {
        s.markLine = s.markLine || { symbol: "none", silent: true, label: { show: false }, lineStyle: { type: "solid", width: 1 }, data: [] };
        s.markLine.data.push({ xAxis: month });
      }
    });
    if (spec.marks) el.notes = notes;
    return o;
  }

  // markPoints are a line's marked points: a measure's diamond, unless
  // a point says otherwise.
  function markPoints(s) {
    return s.markPoint = s.markPoint || { symbol: "diamond", symbolSize: 12, silent: true, label: { show: false }, data: [] };
  }

  function drawNext() {
    var next = waiting.shift();
    if (!next) return;
    try {
      var o = theme(option(next.el), next.el, next.width || next.el.clientWidth);
      next.chart.resize({ width: next.width }); // the legend's rows may have made the box taller
      next.chart.setOption(o);
    } catch (e) {
      console.error(e); // the other charts are still drawn, for paper too
    } finally {
      if (waiting.length) schedule();
    }
  }

  var unseen = [];

  function request(el) {
    if (window.echarts) return claim(el);
    unseen.push(el);
    if (loading) return;
    loading = true;
    var s = document.createElement("script");
    s.src = base + "echarts.min.js";
    s.onload = function () {
      if (!printing) unseen.splice(0).forEach(function (el) { claim(el); }); // else when printed
    };
    document.head.appendChild(s);
  }

  // fit lays each drawn chart out at its box's width: anew where its
  // legend takes other rows at that width, else resized.
  function fit() {
    if (printing) return; // drawn for paper until printed
    drawn.slice().forEach(function (d) {
      if (d.el.legendRows === undefined) return; // not drawn yet: drawNext sizes it
      if (legendRows(d.el.legendNames, d.el.clientWidth) !== d.el.legendRows) {
        drawn.splice(drawn.indexOf(d), 1);
        release(d);
        claim(d.el);
      } else {
        d.chart.resize();
      }
    });
  }

  // print draws every chart on paper for it, before the page is printed:
  // those not yet seen too, in the light colours (html.paper), at once (a
  // resize would paint only at the next frame, after the paper is made),
  // and as wide as the paper's text (.paper-width), which a chart drawn at
  // a desktop's width would be cut off at, its latest months with it.
  // Every browser prints after beforeprint; not all say when the page is
  // laid out for print. A chart in a part of the page left off paper
  // (.screen-only) is not drawn for it. Without the library (printed
  // before it came), each chart's table is printed instead, and print CSS
  // hides the empty box. printed draws them for the screen again, or
  // closes the tables and draws those the library came for meanwhile.
  var opened = [], printing = false;
  function print() {
    printing = true;
    // A folded list of what changed is part of the page's news: paper
    // has it whole. (Former units' folds are on screen only.)
    document.querySelectorAll(".changes details.office-fold:not([open])").forEach(function (d) {
      d.open = true;
      opened.push(d);
    });
    if (!window.echarts) {
      document.querySelectorAll(".chart:not([_echarts_instance_]) ~ details.chart-data:not([open])").forEach(function (d) {
        d.open = true;
        opened.push(d);
      });
      return;
    }
    var probe = document.createElement("div");
    probe.className = "paper-width";
    document.body.appendChild(probe);
    var paper = Math.floor(probe.getBoundingClientRect().width);
    document.body.removeChild(probe);
    root.classList.add("paper");
    waiting.length = 0; // those on screen only are drawn when printed
    drawn = drawn.filter(function (d) {
      if (d.el.closest(".screen-only")) return true;
      release(d);
      return false;
    });
    document.querySelectorAll("[data-chart]").forEach(function (el) {
      if (!el.closest(".screen-only")) claim(el, paper);
    });
    while (waiting.length) drawNext();
  }

  function printed() {
    printing = false;
    opened.splice(0).forEach(function (d) { d.open = false; });
    if (root.classList.contains("paper")) {
      root.classList.remove("paper");
      redrawAll();
    }
    if (window.echarts) unseen.splice(0).forEach(function (el) { claim(el); });
  }

  // release disposes of a drawn chart, keeping on its element the lines
  // the reader switched off in its legend, which theme switches off again
  // when it is drawn anew.
  function release(d) {
    var o = d.chart.getOption(); // none while it waits to be drawn
    if (o && o.legend && o.legend[0]) d.el.legendSelected = o.legend[0].selected;
    d.chart.dispose();
  }

  function redrawAll() {
    waiting.length = 0;
    drawn.splice(0).forEach(function (d) {
      release(d);
      claim(d.el);
    });
  }

  // observeCharts starts drawing charts as they come into view. It waits
  // for the page to load and the browser to be idle, so the text is read
  // before the chart library is fetched and parsed.
  function observeCharts() {
    var charts = document.querySelectorAll("[data-chart]");
    if ("IntersectionObserver" in window) {
      var io = new IntersectionObserver(function (entries) {
        entries.forEach(function (e) {
          if (e.isIntersecting) {
            io.unobserve(e.target);
            request(e.target);
          }
        });
      // Only once it is in view: a chart just below a phone's first
      // screen (a goal page's, 80 px below) would otherwise fetch the
      // library, whose parse is the page's one long task, before the
      // reader scrolls. The chart's box is sized, so nothing moves (but
      // for a legend of more than two rows, see theme).
      }, { rootMargin: "0px" });
      charts.forEach(function (el) { io.observe(el); });
    } else {
      charts.forEach(request);
    }
  }

  function start() {
    var idle = window.requestIdleCallback || function (f) { setTimeout(f, 200); };
    var begin = function () { idle(observeCharts, { timeout: 300 }); };
    if (document.readyState === "complete") begin();
    else window.addEventListener("load", begin);

    var timer;
    window.addEventListener("resize", function () {
      clearTimeout(timer);
      timer = setTimeout(fit, 100);
    });
    // Escape hides a chart's tooltip, which covers the points around it.
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape") drawn.forEach(function (d) { d.chart.dispatchAction({ type: "hideTip" }); });
    });
    var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)");
    if (dark && dark.addEventListener) dark.addEventListener("change", redrawAll);
    window.addEventListener("beforeprint", print);
    window.addEventListener("afterprint", printed);

    finder();
    search();
    measureFilters();
    scrollHints();
  }

  // A line above a table says that it scrolls sideways while it does,
  // which only the page can tell: how wide it is depends on the screen
  // and on how many months the table has.
  function scrollHints() {
    if (!window.ResizeObserver) return;
    document.querySelectorAll(".scroll-hint").forEach(function (hint) {
      var box = hint.nextElementSibling;
      if (!box || !box.firstElementChild) return;
      var watch = new ResizeObserver(function () {
        hint.hidden = box.scrollWidth <= box.clientWidth + 1;
      });
      watch.observe(box);
      watch.observe(box.firstElementChild);
    });
  }

  // A list of several offices' measures can be shown by status: the
  // buttons come with this script (the list is complete without it), and
  // how many measures are shown is announced. A goal's table with none of
  // them shown is hidden with its heading. A row's status is its class,
  // "measure-started": a county's page lists hundreds of measures, and an
  // attribute saying the same again was some 20 KB of the heaviest page.
  function measureFilters() {
    document.querySelectorAll(".measure-filter").forEach(function (group) {
      var section = group.parentNode;
      var count = section.querySelector(".measure-count");
      var boxes = [].slice.call(section.querySelectorAll(".table-scroll"));
      var buttons = [].slice.call(group.querySelectorAll("button"));
      var total = section.querySelectorAll("tr[class^='measure-']").length;
      group.hidden = false;
      buttons.forEach(function (button) {
        button.addEventListener("click", function () {
          var status = button.getAttribute("data-status");
          var shown = 0;
          buttons.forEach(function (b) { b.setAttribute("aria-pressed", String(b === button)); });
          boxes.forEach(function (box) {
            var inBox = 0;
            box.querySelectorAll("tr[class^='measure-']").forEach(function (tr) {
              tr.hidden = status !== "" && !tr.classList.contains("measure-" + status);
              if (!tr.hidden) inBox++;
            });
            shown += inBox;
            box.hidden = inBox === 0;
            var heading = box.previousElementSibling;
            if (heading && heading.tagName === "H3") heading.hidden = inBox === 0;
          });
          count.textContent = count.getAttribute("data-shown")
            .replace("{n}", shown).replace("{total}", total);
        });
      });
    });
  }

  // make is a new element with attributes attrs and text.
  function make(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) e.textContent = text;
    return e;
  }

  // search makes the search field, which needs this script, in the band
  // the page keeps for it (so nothing moves when it appears), from the
  // band's words: a field only this script can use is not written into
  // every page. Its status is a live region from the start, so what it
  // says later is read out. It loads the search (MiniSearch, the site's
  // index and search.js, classic scripts run in this order) only when the
  // field is first used, so a page that is not searched loads nothing
  // more.
  function search() {
    var band = document.querySelector("[data-search-label]");
    if (!band) return;
    var hint = band.getAttribute("data-search-hint");
    var form = make("form", { "class": "search wrap", role: "search", "data-search": "" });
    var row = make("div", { "class": "search-row" });
    row.appendChild(make("label", { "for": "search-input" }, band.getAttribute("data-search-label")));
    var input = make("input", {
      id: "search-input", type: "search", autocomplete: "off", spellcheck: "false",
      enterkeyhint: "search", "aria-describedby": "search-hint", placeholder: hint
    });
    row.appendChild(input);
    form.appendChild(row);
    form.appendChild(make("p", { id: "search-hint", "class": "sr-only" }, hint));
    form.appendChild(make("p", { "class": "search-count", role: "status", "aria-live": "polite" }));
    form.appendChild(make("ol", { "class": "search-results", hidden: "" }));
    band.appendChild(form);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    var loaded = false;
    var load = function () {
      if (loaded) return;
      loaded = true;
      ["minisearch.js", "search-index.js", "search.js"].forEach(function (name) {
        var s = document.createElement("script");
        s.src = base + name;
        s.async = false;
        document.head.appendChild(s);
      });
    };
    input.addEventListener("focus", load);
    input.addEventListener("input", load);
  }

  // The finder filters the front page's office list as the reader types.
  // Letters are compared without accents, and æ ø å also match ae o a, so
  // "arstad" finds Årstad on a keyboard without Norwegian letters; an
  // invisible format character (a soft hyphen pasted into a name) is left
  // out, as search.js leaves it out of a word.
  function fold(s) {
    return s.toLowerCase().replace(/æ/g, "ae").replace(/ø/g, "o").replace(/å/g, "a")
      .normalize("NFD").replace(/[\u0300-\u036f]|\p{Cf}/gu, "");
  }

  // Its status line says how many offices a name matches, so that a
  // screen reader tells it as the list changes (WCAG 4.1.3); a front
  // page copied before it had one shows or hides its no-match line. On
  // a front page whose counties' offices are folded, a county opens
  // while it has offices to show, each the reader is told of, and each
  // is as it was before typing once the field is empty again.
  function finder() {
    var input = document.querySelector("[data-finder]");
    if (!input) return;
    var box = input.closest(".finder-box");
    var list = document.querySelector(input.getAttribute("data-finder"));
    var status = box.querySelector(".finder-none");
    box.hidden = false;
    var cards = [].slice.call(list.querySelectorAll("[data-county]")).map(function (card) {
      return {
        card: card,
        fold: card.querySelector("details"),
        name: fold(card.querySelector("h3").textContent),
        items: [].slice.call(card.querySelectorAll("[data-name]")).map(function (li) {
          return { li: li, name: fold(li.getAttribute("data-name")) };
        })
      };
    });
    var leftOpen = null; // each fold as it was before typing
    input.addEventListener("input", function () {
      var q = fold(input.value.trim());
      var any = false, offices = 0;
      if (q !== "" && leftOpen === null) {
        leftOpen = cards.map(function (c) { return c.fold && c.fold.open; });
      }
      cards.forEach(function (c, i) {
        var countyHit = q === "" || c.name.indexOf(q) >= 0;
        var shown = 0;
        c.items.forEach(function (it) {
          var hit = countyHit || it.name.indexOf(q) >= 0;
          it.li.hidden = !hit;
          if (hit) shown++;
        });
        c.card.hidden = shown === 0 && !countyHit;
        if (c.fold && q !== "") c.fold.open = shown > 0;
        else if (c.fold && leftOpen !== null) c.fold.open = leftOpen[i];
        any = any || !c.card.hidden;
        offices += shown;
      });
      if (q === "") leftOpen = null;
      if (!status.hasAttribute("data-none")) {
        status.hidden = any;
        return;
      }
      // A county without offices shown is named by its card alone.
      status.textContent = q === "" ? "" : !any ? status.getAttribute("data-none") :
        offices === 0 ? status.getAttribute("data-counties") :
        offices === 1 ? status.getAttribute("data-single") : status.getAttribute("data-several").replace("{n}", offices);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
