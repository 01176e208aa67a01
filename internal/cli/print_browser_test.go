package cli

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/malekort/malekort/internal/render"
)

// TestPrintedChartsFitThePaper prints a goal page from a desktop's and a
// phone's window in dark mode, its charts drawn at that width and a line
// switched off in a legend: on paper each chart is drawn at the paper's
// width, not cut off at its edge with the latest months (nor the page
// shrunk to hold it) nor narrower, in the light colours, and the line
// stays off; after, the charts are the screen's again, in its dark colours.
func TestPrintedChartsFitThePaper(t *testing.T) {
	ctx := browser(t)
	out := buildExample(t)
	for _, width := range []int64{1280, 390} {
		t.Run(strconv.FormatInt(width, 10), func(t *testing.T) { printChartsFrom(t, ctx, out, width) })
	}
}

func printChartsFrom(t *testing.T, ctx context.Context, out string, width int64) {
	p := openPage(t, ctx, width, 900, true)
	if err := chromedp.Do(p.ctx, chromedp.Navigate(fileURL(out, "goals/overgang-arbeid/index.html"))); err != nil {
		t.Fatal(err)
	}
	if total, drawn := p.drawCharts(t); total < 2 || drawn != total {
		t.Fatalf("%d of %d charts drawn", drawn, total)
	}
	if _, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](`(() => {
		const chart = id => echarts.getInstanceByDom(document.getElementById(id));
		chart('chart-overgang-arbeid').dispatchAction({ type: 'legendUnSelect', name: 'NAV Hordaland' });
		window.state = () => [...document.querySelectorAll('[data-chart]')].map(el => {
			const o = echarts.getInstanceByDom(el).getOption();
			return { id: el.id, box: el.clientWidth, drawn: el.querySelector('canvas').getBoundingClientRect().width,
				text: o.textStyle.color, off: Object.keys(o.legend[0].selected || {}).filter(n => !o.legend[0].selected[n]).join() };
		});
		return true;
	})()`)); err != nil {
		t.Fatal(err)
	}
	type chartState struct {
		ID, Text, Off string
		Box, Drawn    float64
	}
	before, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]chartState](`state()`))
	if err != nil {
		t.Fatal(err)
	}
	printed := onPaper[[]chartState](t, p, `state()`)
	if len(printed) < 2 {
		t.Fatalf("%d charts seen as printed, want the goal page's 2", len(printed))
	}
	for _, c := range printed {
		// A4 less 12 mm margins is 703 px; a page with something wider
		// Chromium lays out wider and shrinks onto the paper, its text
		// with it.
		if c.Box > 710 {
			t.Errorf("%s: %.0f px wide on paper, wider than A4's 703 px of text", c.ID, c.Box)
		}
		if c.Drawn < c.Box-2 || c.Drawn > c.Box+1 {
			t.Errorf("%s: drawn %.0f px wide in a %.0f px box on paper", c.ID, c.Drawn, c.Box)
		}
		if c.Text != "#1b1d21" {
			t.Errorf("%s: text in %s on paper, want the light colours' #1b1d21", c.ID, c.Text)
		}
	}
	if printed[0].Off != "NAV Hordaland" {
		t.Errorf("on paper the lines switched off are %q, want NAV Hordaland", printed[0].Off)
	}
	// Drawn for the screen again: a task for each chart.
	if err := chromedp.Do(p.ctx, chromedp.Sleep(500*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	after, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]chartState](`state()`))
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range after {
		if c.Box != before[i].Box || c.Drawn != c.Box {
			t.Errorf("%s: after printing, drawn %.0f px wide in a %.0f px box, %.0f px before", c.ID, c.Drawn, c.Box, before[i].Box)
		}
		if c.Text != "#eceef1" {
			t.Errorf("%s: after printing, text in %s on the dark screen, want #eceef1", c.ID, c.Text)
		}
	}
	if after[0].Off != "NAV Hordaland" {
		t.Errorf("after printing the lines switched off are %q, want NAV Hordaland", after[0].Off)
	}
}

// onPaper prints p's page and returns what the expression state gave once
// the page was laid out for paper: listened for after the page's own
// script, it sees the charts as that drew them for the paper (null if the
// page was never laid out for it).
func onPaper[T any](t *testing.T, p *page, state string) T {
	t.Helper()
	if _, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](`(() => {
		window.onPaper = null;
		matchMedia('print').addEventListener('change', e => { if (e.matches) window.onPaper = (`+state+`); });
		return true;
	})()`)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(p.ctx, cdppage.PrintToPDF, cdppage.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69}); err != nil {
		t.Fatal(err)
	}
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](`window.onPaper`))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestPrintedBeforeTheChartsCame prints a goal page whose chart library
// never came: each chart's table is printed in its place, without its
// toggle, and closed again after.
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
	// The counties' chart's table has a row for each month, the funnel's
	// a column of each office's denominator.
	for _, want := range []string{"september 2018", "mars 2017", "Antall (nevner)"} {
		if !strings.Contains(text, want) {
			t.Errorf("the printed page lacks %q from the charts' tables", want)
		}
	}
	if strings.Contains(text, "Vis tallene i tabell") {
		t.Error("the printed page has a table's toggle, which is nothing on paper")
	}
	if _, err := chromedp.Call(p.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	blank, err := chromedp.Run(p.ctx, chromedp.Evaluate[int](`[...document.querySelectorAll('.chart')].filter(c => c.offsetHeight > 0).length`))
	if err != nil {
		t.Fatal(err)
	}
	if blank != 0 {
		t.Errorf("%d empty chart boxes on paper", blank)
	}
	open, err := chromedp.Run(p.ctx, chromedp.Evaluate[int](`document.querySelectorAll('details.chart-data[open]').length`))
	if err != nil {
		t.Fatal(err)
	}
	if open != 0 {
		t.Errorf("%d charts' tables left open after printing", open)
	}
}

// TestPrintingLeavesTheScreensCharts prints an office's page, whose goal
// sections are on screen only, so that the script does not draw their
// charts for paper: each is still drawn on screen after, once.
func TestPrintingLeavesTheScreensCharts(t *testing.T) {
	ctx := browser(t)
	out := buildExample(t)
	p := openPage(t, ctx, 1280, 900, false)
	if err := chromedp.Do(p.ctx, chromedp.Navigate(fileURL(out, "hordaland/fana/index.html"))); err != nil {
		t.Fatal(err)
	}
	total, drawn := p.drawCharts(t)
	if total == 0 || drawn != total {
		t.Fatalf("%d of %d charts drawn", drawn, total)
	}
	if _, err := chromedp.Call(p.ctx, cdppage.PrintToPDF, cdppage.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(p.ctx, chromedp.Sleep(500*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	shown, err := chromedp.Run(p.ctx, chromedp.Evaluate[int](`[...document.querySelectorAll('[data-chart]')].filter(el => {
		const c = echarts.getInstanceByDom(el), o = c && c.getOption();
		return o && o.series.length > 0 && el.querySelectorAll('canvas').length === 1;
	}).length`))
	if err != nil {
		t.Fatal(err)
	}
	if shown != total {
		t.Errorf("after printing, %d of %d charts drawn on screen", shown, total)
	}
}

// TestAChartThatFailsLeavesTheOthersOnPaper prints a goal page one of
// whose charts cannot be drawn (its data is broken): the other is still
// drawn for paper, and the error is in the console.
func TestAChartThatFailsLeavesTheOthersOnPaper(t *testing.T) {
	ctx := browser(t)
	out := buildExample(t)
	name := filepath.Join(out, "goals", "overgang-arbeid", "index.html")
	page, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	broken := regexp.MustCompile(`(<script type="application/json" id="chart-overgang-arbeid-data">)[^<]*`).ReplaceAll(page, []byte("${1}{"))
	if err := os.WriteFile(name, broken, 0o644); err != nil {
		t.Fatal(err)
	}
	p := openPage(t, ctx, 1280, 900, false)
	if err := chromedp.Do(p.ctx, chromedp.Navigate(fileURL(out, "goals/overgang-arbeid/index.html"))); err != nil {
		t.Fatal(err)
	}
	// The library, which the first chart in view fetches.
	for i := 0; ; i++ {
		if loaded, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](`!!window.echarts`)); err != nil || loaded {
			break
		}
		if i == 50 {
			t.Fatal("the chart library never came")
		}
		if err := chromedp.Do(p.ctx, chromedp.Sleep(100*time.Millisecond)); err != nil {
			t.Fatal(err)
		}
	}
	printed := onPaper[[]string](t, p, `[...document.querySelectorAll('[data-chart]')].filter(el => {
		const c = echarts.getInstanceByDom(el), o = c && c.getOption();
		return o && o.series.length > 0;
	}).map(el => el.id)`)
	if !slices.Equal(printed, []string{"funnel-overgang-arbeid"}) {
		t.Errorf("charts drawn on paper: %q, want the funnel's", printed)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.errors) == 0 {
		t.Error("the broken chart's error is not in the console")
	}
}

// TestAFoldedListOfChangesPrintsWhole prints the front page of a month in
// which sixteen offices went into new ones, whose list of the offices
// that came and went is folded on screen: paper has the list whole, and
// the screen has it folded again after.
func TestAFoldedListOfChangesPrintsWhole(t *testing.T) {
	ctx := browser(t)
	site := smallSite(t)
	org := "[[county]]\nid = \"vest\"\nname = \"NAV Vest\"\n\n[[county]]\nid = \"nord\"\nname = \"NAV Nord\"\n\n[[office]]\nid = \"tromso\"\nname = \"NAV Tromsø\"\ncounty = \"nord\"\n"
	results := "period,unit,goal,value\n2026-01,tromso,kontakter,10\n2026-02,tromso,kontakter,10\n"
	for i := range 16 {
		org += "\n[[office]]\nid = \"gammel" + strconv.Itoa(i) + "\"\nname = \"NAV Gammel " + strconv.Itoa(i) + "\"\ncounty = \"vest\"\nuntil = \"2026-01\"\nmerged_into = \"ny" + strconv.Itoa(i) + "\"\n"
		org += "\n[[office]]\nid = \"ny" + strconv.Itoa(i) + "\"\nname = \"NAV Ny " + strconv.Itoa(i) + "\"\ncounty = \"vest\"\nfrom = \"2026-02\"\n"
		results += "2026-01,gammel" + strconv.Itoa(i) + ",kontakter,10\n2026-02,ny" + strconv.Itoa(i) + ",kontakter,10\n"
	}
	if err := os.RemoveAll(filepath.Join(site, "content")); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{"data/org.toml": org, "data/results/2026.csv": results} {
		if err := os.WriteFile(filepath.Join(site, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := run("build", "--source", site, "--out", out); code != OK {
		t.Fatal(stderr)
	}
	p := openPage(t, ctx, 1280, 900, false)
	if err := chromedp.Do(p.ctx, chromedp.Navigate(fileURL(out, "index.html"))); err != nil {
		t.Fatal(err)
	}
	res, err := chromedp.Call(p.ctx, cdppage.PrintToPDF, cdppage.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69})
	if err != nil {
		t.Fatal(err)
	}
	if text := strings.Join(pdfText(t, res.Data), "\n"); !strings.Contains(text, "Gikk inn i NAV Ny 9") {
		t.Errorf("the printed front page lacks the folded list's lines:\n%s", text)
	}
	open, err := chromedp.Run(p.ctx, chromedp.Evaluate[int](`document.querySelectorAll('.changes details.office-fold[open]').length`))
	if err != nil {
		t.Fatal(err)
	}
	if open != 0 {
		t.Errorf("%d folded lists left open after printing", open)
	}
}

// TestAWideTableOfACommentaryPrintsWhole prints an office's page whose
// commentary has a table of fifteen columns: on screen it scrolls
// sideways in its box, which paper cannot, so on paper every column is
// there, the last one's words too.
func TestAWideTableOfACommentaryPrintsWhole(t *testing.T) {
	ctx := browser(t)
	site := smallSite(t)
	table := "| Team | Jan | Feb | Mar | Apr | Mai | Jun | Jul | Aug | Sep | Okt | Nov | Des | Totalt | Merknad |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n" +
		"| Team Nord | 12 | 14 | 13 | 15 | 16 | 12 | 9 | 11 | 14 | 15 | 13 | 12 | 156 | Stabilt gjennom hele året |\n"
	if err := os.MkdirAll(filepath.Join(site, "content/vest/bergen-nord"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, "content/vest/bergen-nord/2026-02.md"), []byte("+++\nauthor = \"Kari\"\n+++\nTallene per team.\n\n"+table), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := run("build", "--source", site, "--out", out); code != OK {
		t.Fatal(stderr)
	}
	p := openPage(t, ctx, 1280, 900, false)
	if err := chromedp.Do(p.ctx, chromedp.Navigate(fileURL(out, "vest/bergen-nord/index.html"))); err != nil {
		t.Fatal(err)
	}
	res, err := chromedp.Call(p.ctx, cdppage.PrintToPDF, cdppage.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(pdfText(t, res.Data), "\n")
	for _, want := range []string{"Totalt", "Merknad", "Stabilt gjennom hele året"} {
		if !strings.Contains(text, want) {
			t.Errorf("the printed page lacks %q of the table's last columns", want)
		}
	}
}
