package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/malekort/malekort/internal/render"
)

// TestPrintedChartsFitThePaper prints a goal page from a desktop's window,
// its charts drawn at that width: each is drawn anew at the paper's, not
// cut off at its edge with the latest months.
func TestPrintedChartsFitThePaper(t *testing.T) {
	ctx := browser(t)
	out := buildExample(t)
	p := openPage(t, ctx, 1280, 900, false)
	if err := chromedp.Do(p.ctx, chromedp.Navigate(fileURL(out, "goals/overgang-arbeid/index.html"))); err != nil {
		t.Fatal(err)
	}
	if total, drawn := p.drawCharts(t); total < 2 || drawn != total {
		t.Fatalf("%d of %d charts drawn", drawn, total)
	}
	// Listened for after the page's own script, so it sees the charts as
	// that left them for the paper.
	if _, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](`(() => {
		window.printed = [];
		matchMedia('print').addEventListener('change', e => {
			if (!e.matches) return;
			document.querySelectorAll('[data-chart]').forEach(el => {
				const canvas = el.querySelector('canvas');
				window.printed.push({ id: el.id, box: el.clientWidth, drawn: canvas ? canvas.getBoundingClientRect().width : 0 });
			});
		});
		return true;
	})()`)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(p.ctx, cdppage.PrintToPDF, cdppage.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69}); err != nil {
		t.Fatal(err)
	}
	type chartWidth struct {
		ID         string
		Box, Drawn float64
	}
	printed, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]chartWidth](`window.printed`))
	if err != nil {
		t.Fatal(err)
	}
	if len(printed) < 2 {
		t.Fatalf("%d charts seen as printed, want the goal page's 2", len(printed))
	}
	for _, c := range printed {
		if c.Box >= 1100 {
			t.Errorf("%s: %.0f px wide on paper, as wide as on the screen: the test prints nothing narrower", c.ID, c.Box)
		}
		if c.Drawn == 0 || c.Drawn > c.Box+1 {
			t.Errorf("%s: drawn %.0f px wide in a %.0f px box on paper", c.ID, c.Drawn, c.Box)
		}
	}
}

// TestPrintedBeforeTheChartsCame prints a goal page whose chart library
// never came: each chart's table is printed in its place, and closed again
// after.
func TestPrintedBeforeTheChartsCame(t *testing.T) {
	ctx := browser(t)
	out := buildExample(t)
	if err := os.Remove(filepath.Join(out, render.EChartsFile)); err != nil {
		t.Fatal(err)
	}
	p := openPage(t, ctx, 1280, 900, false)
	if err := chromedp.Do(p.ctx, chromedp.Navigate(fileURL(out, "goals/overgang-arbeid/index.html"))); err != nil {
		t.Fatal(err)
	}
	res, err := chromedp.Call(p.ctx, cdppage.PrintToPDF, cdppage.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(pdfText(t, res.Data), "\n")
	// The counties' chart's table has a row for each month.
	for _, want := range []string{"september 2018", "mars 2017"} {
		if !strings.Contains(text, want) {
			t.Errorf("the printed page lacks %q from the charts' tables", want)
		}
	}
	open, err := chromedp.Run(p.ctx, chromedp.Evaluate[int](`document.querySelectorAll('details.chart-data[open]').length`))
	if err != nil {
		t.Fatal(err)
	}
	if open != 0 {
		t.Errorf("%d charts' tables left open after printing", open)
	}
}
