package cli

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// searchResult is one result as the page lists it.
type searchResult struct {
	Where, Snippet, Href string
	Marks                []string
}

// search types query into the page's search field, as a reader would, and
// returns what the live region says once it has settled, and the results
// listed.
func (p *page) search(t *testing.T, query string) (string, []searchResult) {
	t.Helper()
	return p.searchBy(t, query, chromedp.SendKeys(chromedp.ID("search-input"), query))
}

// pasteSearch is search with query pasted into the field, invisible
// characters and all.
func (p *page) pasteSearch(t *testing.T, query string) (string, []searchResult) {
	t.Helper()
	return p.searchBy(t, query, paste("#search-input", query))
}

// searchBy is search with query put into the field by enter.
func (p *page) searchBy(t *testing.T, query string, enter chromedp.Action[chromedp.Void]) (string, []searchResult) {
	t.Helper()
	err := chromedp.Do(p.ctx,
		chromedp.WaitVisible(chromedp.ID("search-input")),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('search-input').value = ''; document.querySelector('.search-count').textContent = ''`),
		enter)
	if err != nil {
		t.Fatal(err)
	}
	var status, settled string
	var results []searchResult
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(300 * time.Millisecond) {
		var err error
		status, err = chromedp.Run(p.ctx, chromedp.Evaluate[string](`document.querySelector('.search-count').textContent`))
		if err == nil {
			results, err = chromedp.Run(p.ctx, chromedp.Evaluate[[]searchResult](`[...document.querySelectorAll('.search-results li a')].map(a => ({
				Where: a.querySelector('.search-where').textContent,
				Snippet: (a.querySelector('.search-snippet') || {}).textContent || '',
				Href: a.href,
				Marks: [...a.querySelectorAll('mark')].map(m => m.textContent)}))`))
		}
		if err != nil {
			t.Fatal(err)
		}
		// Results are shown once typing pauses: they are the query's
		// when they stay the same for longer than that pause.
		if status != "" && status == settled {
			return status, results
		}
		settled = status
	}
	t.Fatalf("searching %q: the live region says nothing", query)
	return "", nil
}

// TestSearch searches the example site from file:// and from a folder of
// a web server, from pages at every depth: a word with å in two offices'
// commentary finds both, marked, and a result leads to the month's
// commentary. Nothing of the search is loaded before the field is used.
func TestSearch(t *testing.T) {
	ctx := browser(t)
	out := buildExample(t)
	srv := httptest.NewServer(http.StripPrefix("/some/folder/", http.FileServer(http.Dir(out))))
	defer srv.Close()
	for name, start := range map[string]string{
		"file/index.html":                  fileURL(out, "index.html"),
		"file/hordaland/fana/commentary":   fileURL(out, "hordaland/fana/commentary.html"),
		"http/goals/overgang-arbeid/index": srv.URL + "/some/folder/goals/overgang-arbeid/index.html",
		"http/hordaland/index":             srv.URL + "/some/folder/hordaland/index.html",
	} {
		t.Run(name, func(t *testing.T) {
			p := openPage(t, ctx, 390, 844, false)
			if err := chromedp.Do(p.ctx, chromedp.Navigate(start), chromedp.WaitVisible(chromedp.ID("search-input"))); err != nil {
				t.Fatal(err)
			}
			before, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]string](`[typeof MiniSearch, typeof malekortSearch, ...performance.getEntriesByType('resource').map(e => e.name).filter(n => /assets\/(minisearch|search)/.test(n))]`))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(before, []string{"undefined", "undefined"}) {
				t.Errorf("before the field is used, the page has loaded %q", before)
			}
			// The field fills the room kept for it: showing it moves nothing.
			band, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]float64](`(() => { const b = document.querySelector('.search-band'); return [b.getBoundingClientRect().height, parseFloat(getComputedStyle(b).minHeight)]; })()`))
			if err != nil {
				t.Fatal(err)
			}
			if band[0] != band[1] {
				t.Errorf("the search field's band is %vpx high, %vpx kept for it", band[0], band[1])
			}
			status, results := p.search(t, "fått")
			var where []string
			for _, r := range results {
				where = append(where, r.Where)
				if !slices.Equal(r.Marks, []string{"fått"}) || !strings.Contains(r.Snippet, "fått") {
					t.Errorf("result %q marks %q in %q, want fått", r.Where, r.Marks, r.Snippet)
				}
			}
			if want := []string{"NAV Førde · oktober 2018 · Kommentar", "NAV Laksevåg · september 2018 · Kommentar"}; status != "2 treff" || !slices.Equal(where, want) {
				t.Fatalf(`"fått": %q, %q; want 2 treff, %q, the newer first`, status, where, want)
			}
			forde := results[0]
			if !strings.Contains(forde.Where, "Førde") {
				forde = results[1]
			}
			if !strings.HasSuffix(forde.Href, "sogn-og-fjordane/forde/commentary.html#2018-10") {
				t.Errorf("NAV Førde's result links to %s", forde.Href)
			}
			// The reader follows it with the keyboard alone: Tab from the
			// field reaches the results, Enter follows one.
			if err := chromedp.Do(p.ctx, chromedp.Focus(chromedp.ID("search-input"))); err != nil {
				t.Fatal(err)
			}
			for range results {
				if err := chromedp.Do(p.ctx, chromedp.KeyEvent("\t")); err != nil {
					t.Fatal(err)
				}
				focused, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](`document.activeElement.href || ''`))
				if err != nil {
					t.Fatal(err)
				}
				if focused == forde.Href {
					break
				}
			}
			if err := chromedp.Do(p.ctx, chromedp.KeyEvent("\r"), chromedp.WaitVisible(chromedp.CSS(`[id="2018-10"]`))); err != nil {
				t.Fatal(err)
			}
			landed, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](`location.href`))
			if err != nil {
				t.Fatal(err)
			}
			if landed != forde.Href {
				t.Errorf("following the result led to %s, want %s", landed, forde.Href)
			}
			if errs := p.consoleErrors(); len(errs) > 0 {
				t.Errorf("console errors: %v", errs)
			}
		})
	}
}

// TestSearchWords checks how the search reads Norwegian: å, æ and ø are
// letters of their own ("får" is not "far"; "bør" is not split at ø) and
// an inflected form finds its word ("kontorene" finds "kontor"); a
// county's text and a goal's description are found as well. An
// invisible format character inside a word, a soft hyphen pasted from
// Word, is no break in it, in the texts or in the query. A compound is
// found by the word it ends in.
func TestSearchWords(t *testing.T) {
	ctx := browser(t)
	out := buildEdited(t, map[string][2]string{
		"content/hordaland/fana/2018-10.md": {"de andre teamene.", "de andre teamene, og min far mener at vi bør spørre dem om arbeidsledigheten."},
		"data/goals.toml":                   {`title = "Sykefravær blant medarbeiderne"`, `title = "Syke\u00adfravær blant medarbeiderne"`},
	})
	p := openPage(t, ctx, 390, 844, false)
	if err := chromedp.Do(p.ctx, chromedp.Navigate(fileURL(out, "hordaland/fana/index.html"))); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		query, status, where, mark string
	}{
		{"far", "1 treff", "NAV Fana · oktober 2018", "far"},
		{"får", "1 treff", "Ungdom med første samtale innen 14 dager", "får"}, // its description, not Fana's "far"
		{"bør", "1 treff", "NAV Fana · oktober 2018", "bør"},
		{"kontorene voss", "1 treff", "NAV Voss · oktober 2018", "kontor"},
		{"KONTORET voss", "1 treff", "NAV Voss · oktober 2018", "kontor"},
		// A county's text, and a goal's description.
		{"bekymret", "1 treff", "NAV Hordaland", "bekymret"},
		{"legemeldt", "1 treff", "Syke\u00adfravær blant medarbeiderne", "Legemeldt"},
		{"kvantefysikk", "Ingen treff", "", ""},
	} {
		status, results := p.search(t, c.query)
		if c.where == "" {
			if status != c.status || len(results) != 0 {
				t.Errorf("%q: %q, %d results; want %q", c.query, status, len(results), c.status)
			}
			continue
		}
		if status != c.status || len(results) == 0 || !strings.HasPrefix(results[0].Where, c.where) || !slices.Contains(results[0].Marks, c.mark) {
			t.Errorf("%q: %q, %+v; want %q, %s with %q marked", c.query, status, results, c.status, c.where, c.mark)
		}
	}
	const goal = "Syke\u00adfravær blant medarbeiderne · Mål"
	for _, query := range []string{"sykefravær", "syke\u200bfravær", "sykefravær medarbeiderne"} {
		_, results := p.pasteSearch(t, query)
		if !slices.ContainsFunc(results, func(r searchResult) bool {
			return r.Where == goal && len(r.Marks) > 0 && r.Marks[0] == "Syke\u00adfravær"
		}) {
			t.Errorf("%q: %+v; want %q with Syke\u00adfravær marked", query, results, goal)
		}
	}
	// A compound is found by the word it ends in, where the word's term
	// has four letters or more, or the word six: "fravær" finds the goal's
	// "Syke\u00adfravær", marked whole, and "ledighet" (the term "led")
	// "arbeidsledigheten"; "vær" and "være" (the term "vær") do not find
	// the goal, no word of which begins with them.
	for _, c := range []struct {
		query, where, mark string
		found              bool
	}{
		{"fravær", goal, "Syke\u00adfravær", true},
		{"fraværet", goal, "Syke\u00adfravær", true},
		{"vær", goal, "", false},
		{"være", goal, "", false},
		{"ledighet", "NAV Fana · oktober 2018 · Kommentar", "arbeidsledigheten", true},
	} {
		_, results := p.search(t, c.query)
		found := slices.ContainsFunc(results, func(r searchResult) bool { return r.Where == c.where })
		marked := slices.ContainsFunc(results, func(r searchResult) bool { return r.Where == c.where && slices.Contains(r.Marks, c.mark) })
		if found != c.found || found && !marked {
			t.Errorf("%q: %+v; want %q found: %v, with %q marked", c.query, results, c.where, c.found, c.mark)
		}
	}
}
