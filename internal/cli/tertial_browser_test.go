package cli

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestTertialReportPrints prints an office's and a county's tertial
// report as a leader would, with Ctrl+P: at most three A4 pages, each
// naming the site, the unit and the tertial (and how far one not over has
// come), with the tertial's scorecard, its charts drawn, the offices'
// matrix on the page of its key, its cells' symbols without their
// values, and nothing wider than the paper.
func TestTertialReportPrints(t *testing.T) {
	ctx := browser(t)
	out := buildExample(t)
	for name, unit := range map[string]string{"hordaland/fana/2018-T3.html": "NAV Fana", "hordaland/2018-T2.html": "NAV Hordaland", "hordaland/2018-T3.html": "NAV Hordaland"} {
		t.Run(name, func(t *testing.T) {
			p := openPage(t, ctx, 1280, 900, false)
			if err := chromedp.Do(p.ctx, chromedp.Navigate(fileURL(out, name))); err != nil {
				t.Fatal(err)
			}
			res, err := chromedp.Call(p.ctx, cdppage.PrintToPDF, cdppage.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69})
			if err != nil {
				t.Fatal(err)
			}
			if n := len(pdfPage.FindAll(res.Data, -1)); n == 0 || n > 3 {
				t.Errorf("printed on %d A4 pages, want 1 to 3", n)
			}
			// The example's 3. tertial 2018 has September and October.
			tertial := map[bool]string{true: "3. tertial 2018 (så langt 2 av 4 måneder)", false: "2. tertial 2018"}[strings.HasSuffix(name, "T3.html")]
			pages := pdfText(t, res.Data)
			for i := range pages {
				// The running head may take two lines.
				pages[i] = strings.Join(strings.Fields(pages[i]), " ")
			}
			for i, text := range pages {
				for _, want := range []string{"Målekort for NAV Hordaland", unit, tertial, fmt.Sprintf("%d/%d", i+1, len(pages))} {
					if !strings.Contains(text, want) {
						t.Errorf("printed page %d does not say %q", i+1, want)
					}
				}
			}
			all := strings.Join(pages, "\n")
			for _, want := range []string{"Resultat for tertialet", "Tiltak i tertialet"} {
				if !strings.Contains(all, want) {
					t.Errorf("the printed report has no %q", want)
				}
			}
			if unit == "NAV Hordaland" && !strings.Contains(all, "NAV Årstad") {
				t.Errorf("the county's printed report does not show its offices")
			}
			keys := 0
			for i, text := range pages {
				key := strings.Index(text, "✓ nådd, ! nesten")
				if key < 0 {
					continue
				}
				keys++
				if !strings.Contains(text[key:], "så etter navn") || !strings.Contains(text[key:], "NAV Åsane") {
					t.Errorf("printed page %d has the matrix's key without all of it or without the matrix's first row:\n%s", i+1, text[key:])
				}
			}
			if want := map[bool]int{true: 1}[unit == "NAV Hordaland"]; keys != want {
				t.Errorf("the matrix's key is on %d printed pages, want %d", keys, want)
			}
			if _, err := chromedp.Call(p.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(703, 1000)); err != nil {
				t.Fatal(err)
			}
			shown, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]int](`[
				[...document.querySelectorAll('.tertial-card td svg')].filter(e => e.getBoundingClientRect().width > 30).length,
				document.querySelectorAll('.tertial-card tbody tr:not(:first-child)').length,
				[...document.querySelectorAll('.table-scroll')].filter(e => e.offsetHeight > 0 && e.scrollWidth > e.clientWidth + 1).length,
				[...document.querySelectorAll('.tertial-matrix td > .value')].filter(e => e.offsetHeight > 0).length,
				[...document.querySelectorAll('.tertial-matrix td > [aria-hidden]')].filter(e => e.offsetHeight > 0).length]`))
			if err != nil {
				t.Fatal(err)
			}
			if shown[0] == 0 || shown[0] != shown[1] {
				t.Errorf("%d charts of the months printed for %d goals", shown[0], shown[1])
			}
			if shown[2] != 0 {
				t.Errorf("%d tables on the printed page are wider than the paper", shown[2])
			}
			// The matrix prints each cell's symbol, not its value.
			if shown[3] != 0 || (unit == "NAV Hordaland") != (shown[4] > 0) {
				t.Errorf("the printed matrix shows %d values and %d symbols", shown[3], shown[4])
			}
		})
	}
}

// TestAPerspectivePrintsWithItsFirstGoal: printed, a tertial card's
// perspective does not end a page without its first goal below it
// (NAV Åsane's 2. tertial 2018 broke after "Medarbeidere").
func TestAPerspectivePrintsWithItsFirstGoal(t *testing.T) {
	ctx := browser(t)
	out := buildExample(t)
	p := openPage(t, ctx, 1280, 900, false)
	if err := chromedp.Do(p.ctx, chromedp.Navigate(fileURL(out, "hordaland/asane/2018-T2.html"))); err != nil {
		t.Fatal(err)
	}
	groups, err := chromedp.Run(p.ctx, chromedp.Evaluate[[][]string](`[...document.querySelectorAll('.tertial-card tbody')].map(b =>
		[b.querySelector('th.perspective').textContent.trim(), b.querySelector('tr:nth-child(2) th[scope="row"]').textContent.trim()])`))
	if err != nil {
		t.Fatal(err)
	}
	res, err := chromedp.Call(p.ctx, cdppage.PrintToPDF, cdppage.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69})
	if err != nil {
		t.Fatal(err)
	}
	for i, text := range pdfText(t, res.Data) {
		lines := strings.Split(text, "\n")
		for _, g := range groups {
			at := slices.IndexFunc(lines, func(l string) bool { return strings.TrimSpace(l) == g[0] })
			// The goal's name may wrap: its first words follow.
			first := strings.Fields(g[1])[0]
			if at >= 0 && !slices.ContainsFunc(lines[at+1:], func(l string) bool { return strings.HasPrefix(strings.TrimSpace(l), first) }) {
				t.Errorf("printed page %d ends with %q without its first goal, %q", i+1, g[0], g[1])
			}
		}
	}
}

// TestTertialCardScrollsOnAPhone: on a 390 px phone the tertial card
// has each goal's status under its figure, wholly in view before it
// scrolls, a long one wrapped rather than widening the column, and a line
// above it says that the months are further right (but not on paper); it
// scrolls sideways in its box, and each perspective's name stays in view
// with the goals' names, not scrolled away to leave an empty band. On a
// wide screen and on paper, where the card fits, no line says it
// scrolls. Each goal has its status once.
func TestTertialCardScrollsOnAPhone(t *testing.T) {
	ctx := browser(t)
	out := buildExample(t)
	p := openPage(t, ctx, 390, 844, false)
	if err := chromedp.Do(p.ctx, chromedp.Navigate(fileURL(out, "hordaland/fana/2018-T3.html"))); err != nil {
		t.Fatal(err)
	}
	// The card's statuses shown, its goals, those cut off at its box's
	// right edge, the height of the line above it, and how much wider
	// than its box it is; measured once the page has laid itself out
	// again, two frames on.
	const measure = `new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {
		const box = document.querySelector('.tertial-card').closest('.table-scroll');
		const right = box.getBoundingClientRect().right;
		const badges = [...box.querySelectorAll('.badge')].filter(b => b.offsetHeight > 0);
		const hint = document.querySelector('.scroll-hint');
		done([badges.length, box.querySelectorAll('tbody tr:not(:first-child)').length,
			badges.filter(b => b.getBoundingClientRect().right > right).length,
			hint ? hint.offsetHeight : -1, box.scrollWidth - box.clientWidth]);
	})))`
	phone, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]float64](measure, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if phone[4] <= 0 {
		t.Fatalf("the card is not wider than a phone (%v px more): the test has lost its case", phone[4])
	}
	if phone[0] != phone[1] || phone[2] != 0 {
		t.Errorf("on a phone %v statuses shown for %v goals, %v of them cut off at the card's right edge; want each once, whole in view", phone[0], phone[1], phone[2])
	}
	if phone[3] <= 0 {
		t.Error("on a phone no line above the card says that its months are to the right")
	}
	got, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]float64](`(() => {
		const box = document.querySelector('.tertial-card').closest('.table-scroll');
		const wide = box.scrollWidth - box.clientWidth;
		box.scrollLeft = wide;
		const left = box.getBoundingClientRect().left;
		const names = [...box.querySelectorAll('th.perspective span')].map(s => s.getBoundingClientRect().left - left);
		box.scrollLeft = 0;
		return [names.length, Math.min(...names)];
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if got[0] == 0 || got[1] < 0 {
		t.Errorf("scrolled to its end, %v perspective names, the leftmost %v px from the box's left edge; want each in view", got[0], got[1])
	}
	// The longest status wraps under the figure rather than widen its
	// column, and push the months out of view.
	wider, err := chromedp.Run(p.ctx, chromedp.Evaluate[float64](`(() => {
		const badge = document.querySelector('.tertial-card .status-line .badge');
		const figure = badge.closest('td');
		const before = figure.getBoundingClientRect().width;
		badge.lastChild.textContent = ' Kan ikke regnes ut';
		return figure.getBoundingClientRect().width - before;
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if wider > 4 {
		t.Errorf("a status of 'Kan ikke regnes ut' widens the figure's column by %v px on a phone; want it to wrap", wider)
	}
	// Printed from a phone, where the script shows the line, the paper
	// does not have it.
	if _, err := chromedp.Call(p.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	printed, err := chromedp.Run(p.ctx, chromedp.Evaluate[float64](`(() => {
		const hint = document.querySelector('.scroll-hint');
		hint.hidden = false;
		return hint.offsetHeight;
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if printed != 0 {
		t.Error("printed from a phone, the page has the line saying that the card scrolls")
	}
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}
	for _, media := range []string{"screen", "print"} {
		if _, err := chromedp.Call(p.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media}); err != nil {
			t.Fatal(err)
		}
		wide, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]float64](measure, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		if wide[4] > 0 {
			t.Fatalf("the card is %v px wider than its box at 1280 px (%s): the test has lost its case", wide[4], media)
		}
		if wide[0] != wide[1] {
			t.Errorf("at 1280 px (%s) %v statuses shown for %v goals; want each once", media, wide[0], wide[1])
		}
		if wide[3] != 0 {
			t.Errorf("at 1280 px (%s), where the card fits, a line above it says that it scrolls", media)
		}
	}
}
