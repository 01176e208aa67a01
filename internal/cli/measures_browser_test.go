package cli

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestMeasureFilter: on a phone, a county's list of its offices' measures
// shows its status buttons (they come with the script), each edged so
// that it can be seen as one, the done button
// shows only the done measures and hides the goals without one, says so
// to a screen reader, and "all" shows every measure again; the tables
// scroll inside their own boxes, not the page. With -screenshots, the
// goal page's list at 390 and 1280 px is saved for a look.
func TestMeasureFilter(t *testing.T) {
	ctx := browser(t)
	out := buildExample(t)
	p := openPage(t, ctx, 390, 844, false)
	if err := chromedp.Do(p.ctx, chromedp.Navigate(fileURL(out, "hordaland/index.html")), chromedp.WaitVisible(chromedp.CSS(".measure-filter"))); err != nil {
		t.Fatal(err)
	}
	type state struct {
		Rows, Shown, Tables, Headings int
		Pressed, Count                string
	}
	const look = `(() => {
		const s = document.querySelector('.measure-filter').parentNode;
		const seen = el => el.offsetParent !== null;
		return {
			rows: s.querySelectorAll('tr[class^="measure-"]').length,
			shown: [...s.querySelectorAll('tr[class^="measure-"]')].filter(seen).length,
			tables: [...s.querySelectorAll('.table-scroll')].filter(seen).length,
			headings: [...s.querySelectorAll('h3')].filter(seen).length,
			pressed: s.querySelector('.measure-filter [aria-pressed="true"]').textContent,
			count: s.querySelector('.measure-count[role="status"]').textContent,
		};
	})()`
	click := func(status string) state {
		t.Helper()
		err := chromedp.Do(p.ctx, chromedp.Click(chromedp.CSS(`.measure-filter button[data-status="`+status+`"]`)))
		if err != nil {
			t.Fatal(err)
		}
		st, err := chromedp.Run(p.ctx, chromedp.Evaluate[state](look))
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	before, err := chromedp.Run(p.ctx, chromedp.Evaluate[state](look))
	if err != nil {
		t.Fatal(err)
	}
	if before.Rows < 3 || before.Shown != before.Rows || before.Count != "" {
		t.Fatalf("before any button: %+v, want every measure shown and nothing announced", before)
	}
	// An unpressed button is known as one by its edge (WCAG 1.4.11).
	edge, err := chromedp.Run(p.ctx, chromedp.Evaluate[float64](`(() => {
		const lum = c => c.match(/[\d.]+/g).slice(0, 3).map(v => v / 255)
			.map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
			.reduce((sum, v, i) => sum + [0.2126, 0.7152, 0.0722][i] * v, 0);
		const b = getComputedStyle(document.querySelector('.measure-filter button[aria-pressed="false"]'));
		const [edge, fill] = [lum(b.borderTopColor), lum(b.backgroundColor)];
		return (Math.max(edge, fill) + 0.05) / (Math.min(edge, fill) + 0.05);
	})()`))
	if err != nil || edge < 3 {
		t.Errorf("an unpressed button's edge has a contrast of %.2f:1 to its fill, want at least 3:1 (%v)", edge, err)
	}
	done := click("done")
	if done.Shown == 0 || done.Shown >= done.Rows || done.Pressed != "Fullført" || done.Tables != done.Headings || done.Tables >= before.Tables {
		t.Errorf("after Fullført: %+v, want fewer measures, in fewer goals, each table with its heading", done)
	}
	if want := "2 av 8 tiltak vises"; done.Count != want || done.Shown != 2 || done.Rows != 8 {
		t.Errorf("after Fullført the status says %q with %d of %d shown, want %q", done.Count, done.Shown, done.Rows, want)
	}
	if all := click(""); all.Shown != all.Rows || all.Tables != before.Tables || all.Pressed != "Alle" {
		t.Errorf("after Alle: %+v, want every measure again", all)
	}
	overflow, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]int](`[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]`))
	if err != nil {
		t.Fatal(err)
	}
	if overflow[0] > overflow[1] {
		t.Errorf("content is %dpx wide in a %dpx window", overflow[0], overflow[1])
	}
	if errs := p.consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
	if *screenshots == "" {
		return
	}
	for _, width := range []int64{390, 1280} {
		p := openPage(t, ctx, width, 844, false)
		err := chromedp.Do(p.ctx, chromedp.Navigate(fileURL(out, "goals/aktivitetsplan/index.html")),
			chromedp.ScrollIntoView(chromedp.CSS("#measures-h")), chromedp.Sleep(300*time.Millisecond))
		if err != nil {
			t.Fatal(err)
		}
		png, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(*screenshots, "measures-"+map[int64]string{390: "phone", 1280: "desktop"}[width]+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
