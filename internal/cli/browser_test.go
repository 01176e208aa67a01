package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/malekort/malekort/internal/synth"
)

var screenshots = flag.String("screenshots", "", "save phone and desktop screenshots of the example site into this `folder`")

const chromium = "/usr/bin/chromium"

// browser starts headless Chromium. Without it the tests are skipped,
// unless MALEKORT_BROWSER_TESTS=1 (CI) makes its absence a failure.
func browser(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromium); err != nil {
		if os.Getenv("MALEKORT_BROWSER_TESTS") == "1" {
			t.Fatalf("%s is missing: .ci/run installs it with apt-get install chromium", chromium)
		}
		t.Skipf("%s is missing; install chromium to run the browser tests", chromium)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.NoSandbox,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		// Each test opens its own tab; a tab in the background must still
		// paint, or charts that draw on animation frames never appear.
		chromedp.Flag("disable-background-timer-throttling", true),
		chromedp.Flag("disable-backgrounding-occluded-windows", true),
		chromedp.Flag("disable-renderer-backgrounding", true),
	)
	alloc, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(alloc)
	t.Cleanup(cancel2)
	// Closed gracefully, Chromium removes the folder it keeps its
	// singleton socket in under /tmp; killed, it leaves it behind.
	t.Cleanup(func() {
		closing, stopWaiting := context.WithTimeout(ctx, 10*time.Second)
		defer stopWaiting()
		if err := chromedp.Cancel(closing); err != nil {
			t.Logf("closing chromium: %v (its folder under /tmp may be left behind)", err)
		}
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return ctx
}

// paste puts text into the field sel as pasting it would, in one input
// event: SendKeys types only what a keyboard has keys for, and leaves out
// the invisible characters that text pasted from Word brings along.
func paste(sel, text string) chromedp.Action[chromedp.Void] {
	quoted := func(s string) string {
		b, err := json.Marshal(s)
		if err != nil {
			panic(err) // a string always marshals
		}
		return string(b)
	}
	return chromedp.Evaluate[chromedp.Void](`(() => { const f = document.querySelector(` + quoted(sel) + `); f.focus(); f.value = ` +
		quoted(text) + `; f.dispatchEvent(new Event('input', {bubbles: true})); })()`)
}

// page opens a tab that records console errors and uncaught exceptions.
type page struct {
	ctx    context.Context
	mu     sync.Mutex
	errors []string
}

func openPage(t *testing.T, parent context.Context, width, height int64, dark bool) *page {
	ctx, cancel := chromedp.NewContext(parent)
	t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(cancel)
	p := &page{ctx: ctx}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				p.mu.Lock()
				p.errors = append(p.errors, fmt.Sprintf("%s:%d %s", m.URL, m.Line+1, m))
				p.mu.Unlock()
			}
		}
	}()
	scheme := "light"
	if dark {
		scheme = "dark"
	}
	err := chromedp.Do(ctx, chromedp.EmulateViewport(width, height))
	if err == nil {
		_, err = chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
	}
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func (p *page) consoleErrors() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.errors...)
}

// drawCharts scrolls to each chart in turn, as a reader would, since charts
// draw as they come into view, and waits until it is drawn: the chart's
// series hold the page's data for it (its JSON, each flat line spread over
// the months), and the canvas holds pixels of the first series' own
// colour, not only axes and a legend. It returns how many charts the page
// has and how many drew so.
func (p *page) drawCharts(t *testing.T) (total, drawn int) {
	t.Helper()
	total, err := chromedp.Run(p.ctx, chromedp.Evaluate[int](`document.querySelectorAll('[data-chart]').length`))
	if err != nil {
		t.Fatal(err)
	}
	for i := range total {
		scroll := fmt.Sprintf(`document.querySelectorAll('[data-chart]')[%d].scrollIntoView()`, i)
		check := fmt.Sprintf(`(() => {
			const el = document.querySelectorAll('[data-chart]')[%d];
			const chart = window.echarts && echarts.getInstanceByDom(el);
			const c = el.querySelector('canvas');
			if (!chart || !c || !c.width || !c.height) {
				// Why, for a chart that never draws: a flake under load once.
				const r = el.getBoundingClientRect();
				return "not drawn (library " + (window.echarts ? "loaded" : "not loaded") + ", instance " + !!chart + ", canvas " + (c ? c.width + "x" + c.height : "none") +
					", box at " + Math.round(r.top) + " of " + innerHeight + " px, " + Math.round(r.width) + "x" + Math.round(r.height) + ", page " + document.visibilityState + ")";
			}
			const series = chart.getOption().series;
			const spec = JSON.parse(document.getElementById(el.id + '-data').textContent);
			const months = (JSON.parse(document.getElementById(spec.layout).textContent).xAxis[0].data || []).length;
			if (series.length !== spec.data.length) return "series " + series.length + ", data " + spec.data.length;
			for (let s = 0; s < series.length; s++) {
				const want = Array.isArray(spec.data[s]) ? spec.data[s] : new Array(months).fill(spec.data[s]);
				if (JSON.stringify(series[s].data) !== JSON.stringify(want)) return "series " + s + " holds other data";
			}
			// A funnel plot's points are coloured by status: its target line, then.
			const first = series.find(s => s.id === 'points') ? series.find(s => s.id === 'target') : series.find(s => s.id !== 'target' && s.id !== 'offices');
			const hex = first.color;
			const want = [1, 3, 5].map(k => parseInt(hex.slice(k, k + 2), 16));
			const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
			for (let k = 0; k < d.length; k += 4) {
				if (d[k + 3] > 250 && Math.abs(d[k] - want[0]) < 8 && Math.abs(d[k + 1] - want[1]) < 8 && Math.abs(d[k + 2] - want[2]) < 8) return "";
			}
			return "no pixel of " + first.name + "'s colour " + hex;
		})()`, i)
		if err := chromedp.Do(p.ctx, chromedp.Evaluate[chromedp.Void](scroll)); err != nil {
			t.Fatal(err)
		}
		var why string
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			why, err = chromedp.Run(p.ctx, chromedp.Evaluate[string](check))
			if err != nil {
				t.Fatal(err)
			}
			if why == "" {
				drawn++
				break
			}
		}
		if why != "" {
			t.Logf("chart %d: %s", i, why)
		}
	}
	if drawn != total {
		for _, e := range p.consoleErrors() {
			t.Logf("console: %s", e)
		}
	}
	return total, drawn
}

func fileURL(out, page string) string {
	return "file://" + filepath.ToSlash(filepath.Join(out, page))
}

// TestExampleSiteInChromium opens the example site from file:// as a phone
// and a desktop: every chart draws, nothing logs an error and nothing
// scrolls sideways on the phone.
func TestExampleSiteInChromium(t *testing.T) {
	ctx := browser(t)
	out := buildExample(t)
	pages := []string{"index.html", "hordaland/index.html", "hordaland/fana/index.html", "sogn-og-fjordane/forde/commentary.html", "goals/overgang-arbeid/index.html"}
	for _, width := range []int64{390, 1280} {
		for _, name := range pages {
			t.Run(fmt.Sprintf("%s@%d", name, width), func(t *testing.T) {
				p := openPage(t, ctx, width, 844, false)
				if err := chromedp.Do(p.ctx, chromedp.Navigate(fileURL(out, name))); err != nil {
					t.Fatal(err)
				}
				total, drawn := p.drawCharts(t)
				if drawn != total {
					t.Errorf("%d of %d charts drawn", drawn, total)
				}
				if strings.HasSuffix(name, "index.html") && name != "index.html" && total == 0 {
					t.Errorf("no charts on a unit or goal page")
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
			})
		}
	}
}

// TestChartTablesHaveRowHeaders: the tables under the charts mark no
// scope, and Chromium still reads each row's first cell as its header,
// the month a screen reader names with every figure of the row, and the
// head's cells as the columns' headers, with their unit.
func TestChartTablesHaveRowHeaders(t *testing.T) {
	ctx := browser(t)
	out := buildExample(t)
	p := openPage(t, ctx, 1280, 844, false)
	if err := chromedp.Do(p.ctx, chromedp.Navigate(fileURL(out, "hordaland/fana/index.html"))); err != nil {
		t.Fatal(err)
	}
	// A closed <details> keeps its table out of the tree: open them, as a
	// reader does.
	if _, err := chromedp.Run(p.ctx, chromedp.Evaluate[int](`document.querySelectorAll("details.chart-data").forEach(d => d.open = true), 0`)); err != nil {
		t.Fatal(err)
	}
	tree, err := chromedp.Call(p.ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	if err != nil {
		t.Fatal(err)
	}
	months, heads := map[string]int{}, map[string]int{}
	for _, n := range tree.Nodes {
		if n.Role == nil || n.Name == nil {
			continue
		}
		role, name := strings.Trim(string(n.Role.Value), `"`), string(n.Name.Value)
		switch {
		case strings.Contains(name, "oktober 2018"):
			months[role]++
		case strings.Contains(name, "NAV Fana (%)"):
			heads[role]++
		}
	}
	if months["rowheader"] < 10 || months["cell"] > 0 {
		t.Errorf("cells named oktober 2018 by role: %v; want the chart tables' rows headed by their months", months)
	}
	if heads["columnheader"] < 3 || heads["cell"] > 0 {
		t.Errorf("cells named NAV Fana (%%) by role: %v; want the chart tables' columns headed by the office", heads)
	}
}

func TestOfficeFinder(t *testing.T) {
	ctx := browser(t)
	out := buildExample(t)
	p := openPage(t, ctx, 390, 844, false)
	const visible = `[...document.querySelectorAll('#finder-list [data-name]')].filter(li => li.checkVisibility()).map(li => li.dataset.name)`
	find := func(text string) []string {
		t.Helper()
		err := chromedp.Do(p.ctx,
			chromedp.Evaluate[chromedp.Void](`document.getElementById('finder-input').value = ''`),
			chromedp.SendKeys(chromedp.ID("finder-input"), text))
		if err != nil {
			t.Fatal(err)
		}
		shown, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]string](visible))
		if err != nil {
			t.Fatal(err)
		}
		return shown
	}
	if err := chromedp.Do(p.ctx, chromedp.Navigate(fileURL(out, "index.html")), chromedp.WaitVisible(chromedp.ID("finder-input"))); err != nil {
		t.Fatal(err)
	}
	// The status line, a live region, says how many offices match.
	status := func(want string) {
		t.Helper()
		got, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](`(s => s.getAttribute('role') + ': ' + s.textContent)(document.querySelector('.finder-none'))`))
		if err != nil || got != "status: "+want {
			t.Errorf("finder status %q (%v), want %q", got, err, "status: "+want)
		}
	}
	if shown := find("arstad"); len(shown) != 1 || shown[0] != "NAV Årstad" {
		t.Errorf(`typing "arstad" shows %v, want [NAV Årstad]`, shown)
	}
	status("1 kontor passer.")
	// A soft hyphen and a zero-width space, pasted along, are no letters.
	if err := chromedp.Do(p.ctx, paste("#finder-input", "år\u00ads\u200btad")); err != nil {
		t.Fatal(err)
	}
	if shown, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]string](visible)); err != nil || len(shown) != 1 || shown[0] != "NAV Årstad" {
		t.Errorf(`pasting "år-s-tad" with invisible characters shows %v (%v), want [NAV Årstad]`, shown, err)
	}
	if shown := find("sogn og"); len(shown) != 5 {
		t.Errorf(`typing a county's name shows %v, want its 5 offices`, shown)
	}
	status("5 kontorer passer.")
	if shown := find("zzz"); len(shown) != 0 {
		t.Errorf(`typing "zzz" shows %v`, shown)
	}
	status("Ingen kontorer passer.")
	// A county without offices is found by its card.
	withEmpty := buildEdited(t, map[string][2]string{"data/org.toml": {"[[county]]\n", "[[county]]\nid = \"tomt\"\nname = \"NAV Tomt\"\n\n[[county]]\n"}})
	if err := chromedp.Do(p.ctx, chromedp.Navigate(fileURL(withEmpty, "index.html")), chromedp.WaitVisible(chromedp.ID("finder-input"))); err != nil {
		t.Fatal(err)
	}
	find("tomt")
	status("Ingen kontorer passer, men et fylke gjør det.")

	// With more than 40 offices each county's are folded: typing opens
	// the counties with offices to show, and emptying the field leaves
	// each as the reader left it.
	var extra strings.Builder
	for i := range 30 {
		fmt.Fprintf(&extra, "[[office]]\nid = \"ekstra-%d\"\nname = \"NAV Ekstra %d\"\ncounty = \"sogn-og-fjordane\"\n\n", i, i)
	}
	many := buildEdited(t, map[string][2]string{"data/org.toml": {"[[office]]\n", extra.String() + "[[office]]\n"}})
	if err := chromedp.Do(p.ctx, chromedp.Navigate(fileURL(many, "index.html")), chromedp.WaitVisible(chromedp.ID("finder-input"))); err != nil {
		t.Fatal(err)
	}
	const open = `[...document.querySelectorAll('#finder-list details')].map(d => d.open)`
	opened := func(want ...bool) {
		t.Helper()
		got, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]bool](open))
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("counties open %v (%v), want %v", got, err, want)
		}
	}
	opened(false, false)
	if shown, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]string](visible)); err != nil || len(shown) != 0 {
		t.Errorf("offices shown while folded: %v (%v)", shown, err)
	}
	if err := chromedp.Do(p.ctx, chromedp.Click(chromedp.CSS("#finder-list details summary"))); err != nil {
		t.Fatal(err)
	}
	if shown := find("arstad"); len(shown) != 1 || shown[0] != "NAV Årstad" {
		t.Errorf(`typing "arstad" among folded counties shows %v, want [NAV Årstad]`, shown)
	}
	opened(true, false)
	if shown := find("ekstra 1"); len(shown) != 11 {
		t.Errorf(`typing "ekstra 1" shows %v, want its 11 offices`, shown)
	}
	status("11 kontorer passer.")
	opened(false, true)
	if err := chromedp.Do(p.ctx, chromedp.Evaluate[chromedp.Void](`(i => { i.value = ''; i.dispatchEvent(new Event('input')) })(document.getElementById('finder-input'))`)); err != nil {
		t.Fatal(err)
	}
	opened(true, false) // the first as the reader opened it
}

func TestDarkMode(t *testing.T) {
	ctx := browser(t)
	out := buildExample(t)
	p := openPage(t, ctx, 1280, 900, true)
	if err := chromedp.Do(p.ctx, chromedp.Navigate(fileURL(out, "hordaland/fana/index.html"))); err != nil {
		t.Fatal(err)
	}
	if total, drawn := p.drawCharts(t); total == 0 || drawn != total {
		t.Fatalf("%d of %d charts drawn", drawn, total)
	}
	eval := func(js string) string {
		t.Helper()
		v, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	bg := eval(`getComputedStyle(document.body).backgroundColor`)
	cssText := eval(`getComputedStyle(document.documentElement).getPropertyValue('--text').trim()`)
	chartText := eval(`echarts.getInstanceByDom(document.querySelector('[data-chart]')).getOption().textStyle.color`)
	if bg != "rgb(20, 22, 26)" {
		t.Errorf("dark background = %s", bg)
	}
	if chartText != cssText || cssText != "#eceef1" {
		t.Errorf("chart text colour %q, page text colour %q: the chart does not follow dark mode", chartText, cssText)
	}
	// A month's tooltip is in the page's colours, and Escape hides it
	// (WCAG 1.4.13).
	tooltip := `[...document.querySelector('[data-chart]').querySelectorAll('div')].find(d => d.style.zIndex === '9999999')`
	if err := chromedp.Do(p.ctx, chromedp.Evaluate[chromedp.Void](`echarts.getInstanceByDom(document.querySelector('[data-chart]')).dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 0})`), chromedp.Sleep(300*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	if shown := eval(`(t => t ? getComputedStyle(t).visibility + ' ' + getComputedStyle(t).backgroundColor : 'none')(` + tooltip + `)`); shown != "visible "+bg {
		t.Errorf("tooltip: %s, want visible on %s", shown, bg)
	}
	if err := chromedp.Do(p.ctx, chromedp.KeyEvent(kb.Escape), chromedp.Sleep(600*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	if shown := eval(`(t => t ? getComputedStyle(t).visibility + ' ' + getComputedStyle(t).opacity + ' ' + getComputedStyle(t).display : 'none')(` + tooltip + `)`); strings.HasPrefix(shown, "visible 1 block") {
		t.Errorf("tooltip after Escape: %s, want hidden", shown)
	}
	if *screenshots != "" {
		saveScreenshots(t, ctx, out)
	}
}

// TestFunnelShapes: a funnel plot's offices are drawn in a shape of their
// status, so that it is told without colour (WCAG 1.4.1), and outlined.
func TestFunnelShapes(t *testing.T) {
	ctx := browser(t)
	out := buildExample(t)
	p := openPage(t, ctx, 1280, 900, false)
	shapes := map[string]string{}
	for _, goal := range []string{"overgang-arbeid", "sykefravaer"} {
		if err := chromedp.Do(p.ctx, chromedp.Navigate(fileURL(out, "goals/"+goal+"/index.html"))); err != nil {
			t.Fatal(err)
		}
		if total, drawn := p.drawCharts(t); total == 0 || drawn != total {
			t.Fatalf("%d of %d charts drawn", drawn, total)
		}
		got, err := chromedp.Run(p.ctx, chromedp.Evaluate[map[string]string](`(() => {
		const chart = echarts.getInstanceByDom(document.getElementById('funnel-`+goal+`'));
		const i = chart.getOption().series.findIndex(s => s.id === 'points');
		const data = chart.getModel().getSeriesByIndex(i).getData();
		const shapes = {};
		for (let k = 0; k < data.count(); k++) {
			const status = data.getRawDataItem(k).status, style = data.getItemVisual(k, 'style');
			const shape = data.getItemVisual(k, 'symbol') + (style.lineWidth > 0 ? ' outlined' : '');
			if (shapes[status] && shapes[status] !== shape) return {error: status + ' drawn as ' + shapes[status] + ' and ' + shape};
			shapes[status] = shape;
		}
		return shapes;
	})()`))
		if err != nil {
			t.Fatal(err)
		}
		maps.Copy(shapes, got)
	}
	want := map[string]string{"green": "circle outlined", "yellow": "triangle outlined", "red": "diamond outlined"}
	if !maps.Equal(shapes, want) {
		t.Errorf("the funnel's offices are drawn as %v, want %v", shapes, want)
	}
}

// saveScreenshots writes the README's pictures: go test ./internal/cli
// -run TestDarkMode -screenshots "$PWD/docs/screenshots" (the tests run in
// internal/cli, so the folder must be absolute).
func saveScreenshots(t *testing.T, ctx context.Context, out string) {
	for _, s := range []struct {
		file, page, anchor string
		w, h               int64
	}{
		{"phone.png", "hordaland/fana/index.html", "", 390, 844},
		{"desktop.png", "hordaland/index.html", "", 1280, 900},
		{"phone-chart.png", "hordaland/fana/index.html", "goal-sykefravaer", 390, 844},
		{"desktop-chart.png", "hordaland/index.html", "goal-overgang-arbeid", 1280, 900},
		{"phone-matrix.png", "hordaland/index.html", "matrix-h", 390, 844},
		{"desktop-funnel.png", "goals/overgang-arbeid/index.html", "funnel-h", 1280, 900},
	} {
		p := openPage(t, ctx, s.w, s.h, false)
		if err := chromedp.Do(p.ctx, chromedp.Navigate(fileURL(out, s.page))); err != nil {
			t.Fatal(err)
		}
		if s.anchor != "" {
			p.drawCharts(t)
			scroll := fmt.Sprintf(`document.getElementById(%q).scrollIntoView()`, s.anchor)
			if err := chromedp.Do(p.ctx, chromedp.Evaluate[chromedp.Void](scroll), chromedp.Sleep(500*time.Millisecond)); err != nil {
				t.Fatal(err)
			}
		}
		png, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(*screenshots, s.file), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestHandout prints an office's and a county's page as a leader would,
// with Ctrl+P and without scrolling first: at most three A4 pages, with
// the charts of the goals that need attention (drawn in the page, not by
// its script) and the open measures on them.
func TestHandout(t *testing.T) {
	ctx := browser(t)
	out := buildExample(t)
	for _, name := range []string{"hordaland/fana/index.html", "hordaland/index.html"} {
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
			// Every sheet says what it is, should it come loose from the
			// others: the site, the unit and the month.
			pages := pdfText(t, res.Data)
			unit := map[string]string{"hordaland/fana/index.html": "NAV Fana", "hordaland/index.html": "NAV Hordaland"}[name]
			for i, text := range pages {
				// pdftotext reads "1 / 3" as "1/3".
				for _, want := range []string{"Målekort for NAV Hordaland", unit, "oktober 2018", fmt.Sprintf("%d/%d", i+1, len(pages))} {
					if !strings.Contains(text, want) {
						t.Errorf("printed page %d does not say %q", i+1, want)
					}
				}
			}
			all := strings.Join(pages, "\n")
			if name == "hordaland/index.html" {
				for _, office := range []string{"NAV Arna", "NAV Fana", "NAV Laksevåg", "NAV Årstad", "NAV Fyllingsdalen"} {
					if !strings.Contains(all, office) {
						t.Errorf("the county's handout does not show %s", office)
					}
				}
				if !strings.Contains(all, "Røde mål uten") {
					t.Errorf("the county's handout does not count red goals without a measure")
				}
				// The matrix, all its offices and the key to its goals on one
				// sheet: 12 offices fit one.
				for i, text := range pages {
					if strings.Contains(text, "Alle kontorer og mål, NAV Hordaland") && (!strings.Contains(text, "NAV Fyllingsdalen") || !strings.Contains(text, "1. Arbeidssøkere som går over til arbeid")) {
						t.Errorf("the county's matrix on printed page %d goes on to another sheet, or its key does", i+1)
					}
				}
			}
			if strings.Contains(all, "Tidligere kommentarer") {
				t.Errorf("the handout prints the heading of a list it leaves out")
			}
			// What the paper shows: the page as the print stylesheet lays it
			// out, as wide as A4 within its 12 mm margins (186 mm, 703 px).
			if _, err := chromedp.Call(p.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(703, 1000)); err != nil {
				t.Fatal(err)
			}
			shown, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]int](`[
				[...document.querySelectorAll('.print-charts svg polyline')].filter(e => e.getBoundingClientRect().width > 50 && e.getAttribute('points').trim().split(' ').length > 12).length,
				document.querySelectorAll('.needs-list li').length,
				// An office's measures, or a county's count of its offices' by goal.
				[...document.querySelectorAll('#measures-h ~ .measures .measure, #measures-h ~ h3 + .measures .measure, #measures-h ~ p.print-only')].filter(e => e.offsetHeight > 0).length,
				[...document.querySelectorAll('[data-chart]')].filter(e => e.offsetHeight > 0).length,
				[...document.querySelectorAll('.table-scroll')].filter(e => e.offsetHeight > 0 && e.scrollWidth > e.clientWidth + 1).length,
				// A cell's text running on under its neighbour's.
				[...document.querySelectorAll('.scorecard td')].filter(e => e.offsetHeight > 0 && e.scrollWidth > e.clientWidth + 1).length]`))
			if err != nil {
				t.Fatal(err)
			}
			// Paper does not scroll: a table wider than its box is cut off.
			if shown[4] != 0 {
				t.Errorf("%d tables on the printed page are wider than the paper", shown[4])
			}
			if shown[0] == 0 || shown[0] != min(shown[1], 6) && name == "hordaland/fana/index.html" {
				t.Errorf("%d charts of a year or more drawn for print, %d goals need attention", shown[0], shown[1])
			}
			if shown[2] == 0 {
				t.Errorf("no measures on the printed page")
			}
			if shown[3] != 0 {
				t.Errorf("%d script-drawn charts on the printed page", shown[3])
			}
			if shown[5] != 0 {
				t.Errorf("%d scorecard cells on the printed page are wider than their column", shown[5])
			}
		})
	}
}

// pdfText is the text of each page of a PDF, as pdftotext reads it.
func pdfText(t *testing.T, pdf []byte) []string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("MALEKORT_BROWSER_TESTS") == "1" {
			t.Fatalf("pdftotext is missing: .ci/run installs it with apt-get install poppler-utils")
		}
		t.Skip("pdftotext is missing; install poppler-utils to read printed pages")
	}
	cmd := exec.Command("pdftotext", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
}

// pdfPage is a page object of a PDF as Chromium writes it.
var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// TestLongNamesFit builds the example site with a 60-character office
// name, an office named by "NAV" and one word of 110 letters, a goal title of
// long compound words, and a long county name, and opens the pages that
// show them at 390 and 1280 px: nothing scrolls the page sideways, every
// chart draws with its legend clear of its axis, and the
// county chart's axis shortens the name while its tooltip data keeps it
// whole.
func TestLongNamesFit(t *testing.T) {
	ctx := browser(t)
	long := "NAV Laksevåg og Fyllingsdalen og Loddefjord og Bjørndalsskogen" // 63 characters
	out := buildEdited(t, map[string][2]string{
		"data/org.toml":   {`name = "NAV Laksevåg"`, `name = "` + long + `"`},
		"data/goals.toml": {`title = "Saksbehandlingstid for økonomisk sosialhjelp"`, `title = "Saksbehandlingstidsoppfølgingsresultatsammenstilling for økonomisk sosialhjelp"`},
	})
	oneWord := buildEdited(t, map[string][2]string{"data/org.toml": {`name = "NAV Voss"`, `name = "NAV ` + strings.Repeat("Vossevangen", 10) + `"`}})
	// A goal page's legend has a name for every county and the whole: on
	// a phone 320 px wide (WCAG 1.4.10's) these take four rows.
	counties := buildEdited(t, map[string][2]string{
		"data/org.toml": {`name = "NAV Sogn og Fjordane"`, `name = "NAV Sogn og Fjordane og Hordaland vest og nord"`},
		"site.toml":     {`accent = "#b20000"`, `accent = "#b20000"` + "\nwhole_name = \"Alle fylker og kontorer samlet\""},
	})
	for _, width := range []int64{320, 390, 1280} {
		for _, name := range []string{"hordaland/index.html", "hordaland/laksevag/index.html", "goals/saksbehandlingstid/index.html", "goals/overgang-arbeid/index.html", "index.html", "hordaland/voss/commentary.html", "hordaland/voss/2018-T3.html"} {
			if width == 320 && name != "goals/overgang-arbeid/index.html" {
				continue
			}
			t.Run(fmt.Sprintf("%s@%d", name, width), func(t *testing.T) {
				p := openPage(t, ctx, width, 844, false)
				site, charted := out, true
				switch name {
				case "index.html", "hordaland/voss/commentary.html", "hordaland/voss/2018-T3.html":
					// The front page's office list and the breadcrumbs.
					site, charted = oneWord, false
				case "goals/overgang-arbeid/index.html":
					site = counties
				}
				if err := chromedp.Do(p.ctx, chromedp.Navigate(fileURL(site, name))); err != nil {
					t.Fatal(err)
				}
				if total, drawn := p.drawCharts(t); charted && (total == 0 || drawn != total) {
					t.Errorf("%d of %d charts drawn", drawn, total)
				}
				// A legend of more rows than the chart made room for is
				// drawn over the axis.
				if overlaps, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]string](overlappingTexts)); err != nil || len(overlaps) > 0 {
					t.Errorf("chart texts over each other or run together: %q %v", overlaps, err)
				}
				if outside, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]string](chartsOverflowing)); err != nil || len(outside) > 0 {
					t.Errorf("charts drawing past their edges: %q %v", outside, err)
				}
				// Every cell's text must fit its cell: a word running into
				// the next column is wider than its cell's content box.
				sizes, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]int](`[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth,
					[...document.querySelectorAll('td, th')].filter(c => c.offsetWidth > 0 && c.scrollWidth > c.clientWidth + 1).length,
					// A caption of a table wider than its box, cut off at the box's edge.
					[...document.querySelectorAll('.table-scroll > table > caption:not(.sr-only)')].filter(c => c.offsetWidth > 0 && c.getBoundingClientRect().right > c.closest('.table-scroll').getBoundingClientRect().right + 1).length]`))
				if err != nil {
					t.Fatal(err)
				}
				if sizes[0] > sizes[1] {
					t.Errorf("content is %dpx wide in a %dpx window", sizes[0], sizes[1])
				}
				if sizes[2] > 0 {
					t.Errorf("%d table cells hold text wider than themselves", sizes[2])
				}
				if sizes[3] > 0 {
					t.Errorf("%d captions run past the edge of their table's box", sizes[3])
				}
				if name == "hordaland/index.html" {
					label, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]string](`(() => {
						const el = document.getElementById('chart-overgang-arbeid');
						const o = echarts.getInstanceByDom(el).getOption();
						const names = o.yAxis[1].data;
						const i = names.indexOf(`+strconv.Quote(long)+`);
						return [i < 0 ? "" : names[i], i < 0 ? "" : o.yAxis[1].axisLabel.formatter(names[i])];
					})()`))
					if err != nil {
						t.Fatal(err)
					}
					if label[0] != long || len([]rune(label[1])) > 22 {
						t.Errorf("the bar chart names the office %q and labels it %q, want the whole name and a label of at most 22 characters", label[0], label[1])
					}
				}
			})
		}
	}
}

// TestReadingPolish checks at 390 px what a phone reader and a screen
// reader meet: status pills on one line with their symbol inside, every
// sparkline and change with words of its own, each goal's status in its
// result's cell, and chart legends that show
// every line instead of paging.
func TestReadingPolish(t *testing.T) {
	ctx := browser(t)
	out := buildExample(t)
	p := openPage(t, ctx, 390, 844, false)
	if err := chromedp.Do(p.ctx, chromedp.Navigate(fileURL(out, "hordaland/index.html"))); err != nil {
		t.Fatal(err)
	}
	pills, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('.unit-list .summary .badge')].filter(b => {
		const line = parseFloat(getComputedStyle(b).lineHeight) * 1.8; // two lines are wrapped
		const sym = b.querySelector('.sym').getBoundingClientRect(), box = b.getBoundingClientRect();
		return b.offsetHeight > line || sym.left - box.left < 7;
	}).map(b => b.textContent)`))
	if err != nil {
		t.Fatal(err)
	}
	if len(pills) > 0 {
		t.Errorf("%d status pills wrap or hold their symbol on the edge: %q", len(pills), pills)
	}
	if err := chromedp.Do(p.ctx, chromedp.Navigate(fileURL(out, "hordaland/fana/index.html"))); err != nil {
		t.Fatal(err)
	}
	if total, drawn := p.drawCharts(t); total == 0 || drawn != total {
		t.Fatalf("%d of %d charts drawn", drawn, total)
	}
	named, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]int](`[
		document.querySelectorAll('.scorecard svg.spark').length,
		[...document.querySelectorAll('.scorecard svg.spark')].filter(s => s.getAttribute('role') === 'img' && /lavest .+, høyest .+, sist .+/.test(s.getAttribute('aria-label'))).length,
		document.querySelectorAll('.scorecard .phone-only[class*="change-"]').length,
		[...document.querySelectorAll('.scorecard .phone-only[class*="change-"]')].filter(c => c.offsetParent !== null && /^(\d[\d ,]*\s(prosentpoeng\s|dager?\s)?(bedre|dårligere) enn forrige måned|uendret fra forrige måned)$/.test(c.querySelector('.sr-only').textContent) && c.querySelector('[aria-hidden="true"]')).length]`))
	if err != nil {
		t.Fatal(err)
	}
	if named[0] == 0 || named[1] != named[0] {
		t.Errorf("%d of %d sparklines have a name of lowest, highest and latest", named[1], named[0])
	}
	if named[2] == 0 || named[3] != named[2] {
		t.Errorf("%d of %d changes on the phone say their change as a sentence", named[3], named[2])
	}
	// A goal's status stands in its result's cell, once, leaving the
	// name the width to be read (TestScorecardNamesHaveRoom).
	statuses, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('.scorecard tbody tr')].map(r => {
		const shown = [...r.querySelectorAll('.badge')].filter(b => b.offsetParent !== null);
		const name = r.querySelector('th').textContent;
		if (shown.length !== 1) return name + ': ' + shown.length + ' statuses shown';
		return shown[0].closest('td.num') ? '' : name + ': its status is not in the result\'s cell';
	}).filter(Boolean)`))
	if err != nil {
		t.Fatal(err)
	}
	if len(statuses) > 0 {
		t.Errorf("the scorecard on a phone: %q", statuses)
	}
	legends, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-chart]')].map(el => {
		const o = echarts.getInstanceByDom(el).getOption();
		const lines = [...new Set(o.series.filter(s => s.type === 'line').map(s => s.name))];
		const shown = o.legend[0].data.map(d => d.name || d);
		return o.legend[0].type !== 'plain' ? el.id + ': a ' + o.legend[0].type + ' legend' :
			lines.filter(n => !shown.includes(n)).map(n => el.id + ': ' + n + ' not in the legend').join('; ');
	}).filter(Boolean)`))
	if err != nil {
		t.Fatal(err)
	}
	if len(legends) > 0 {
		t.Errorf("legends: %q", legends)
	}
	// A measure's text has the phone's width, under its status.
	beside, err := chromedp.Run(p.ctx, chromedp.Evaluate[int](`[...document.querySelectorAll('li.measure')].filter(m =>
		m.querySelector('.mtext').getBoundingClientRect().left !== m.querySelector('.mstatus').getBoundingClientRect().left).length`))
	measures, err2 := chromedp.Run(p.ctx, chromedp.Evaluate[int](`document.querySelectorAll('li.measure').length`))
	if err != nil || err2 != nil || beside > 0 || measures == 0 {
		t.Errorf("%d of %d measures have their text beside their status on a phone (%v, %v)", beside, measures, err, err2)
	}
}

// TestHandoutOfSeventeenOffices prints a county of 17 offices and 20 goals,
// as NAV's larger counties are, and one of its offices: each fits three
// A4 pages, and the county's lists all its offices.
func TestHandoutOfSeventeenOffices(t *testing.T) {
	ctx := browser(t)
	src := filepath.Join(t.TempDir(), "site")
	if err := synth.Write(src, synth.Size{Counties: 1, Offices: 17, Goals: 20, Months: 24, Commentary: 0.5}, 1, filepath.Join(repoRoot, "node_modules")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"build", "--source", src, "--out", out, "--quiet"}, defaults, &stdout, &stderr); code != OK {
		t.Fatalf("malekort build: exit %d\n%s", code, stderr.String())
	}
	counties, _ := filepath.Glob(filepath.Join(out, "*", "index.html"))
	offices, _ := filepath.Glob(filepath.Join(out, "*", "*", "index.html"))
	var county, office string
	for _, c := range counties {
		if filepath.Base(filepath.Dir(c)) != "goals" {
			county = c
		}
	}
	for _, o := range offices {
		if filepath.Base(filepath.Dir(filepath.Dir(o))) != "goals" && filepath.Dir(filepath.Dir(o)) == filepath.Dir(county) {
			office = o
			break
		}
	}
	if county == "" || office == "" {
		t.Fatalf("no county or office page in %s", out)
	}
	for _, page := range []string{county, office} {
		p := openPage(t, ctx, 1280, 900, false)
		if err := chromedp.Do(p.ctx, chromedp.Navigate("file://"+filepath.ToSlash(page))); err != nil {
			t.Fatal(err)
		}
		res, err := chromedp.Call(p.ctx, cdppage.PrintToPDF, cdppage.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69})
		if err != nil {
			t.Fatal(err)
		}
		pages := pdfText(t, res.Data)
		if len(pages) > 3 {
			t.Errorf("%s printed on %d A4 pages, want at most 3", page, len(pages))
		}
		if page == county {
			// The synthetic offices are NAV Kontor 1 to 17; the printed
			// matrix names each on a line of its own.
			lines := strings.Split(strings.Join(pages, "\n"), "\n")
			for n := 1; n <= 17; n++ {
				if office := fmt.Sprintf("NAV Kontor %d", n); !slices.Contains(lines, office) {
					t.Errorf("the county's handout does not name %s", office)
				}
			}
		}
	}
}

// TestTargetOfAFirstMonth: a new site has one month of results, so each
// trend is a point, and a target line of one point draws nothing; the
// target is drawn across the chart instead, as the chart's words say
// ("Den stiplede linjen er målverdien").
func TestTargetOfAFirstMonth(t *testing.T) {
	ctx := browser(t)
	site := filepath.Join(t.TempDir(), "site")
	if code, _, stderr := run("new", "site", site); code != OK {
		t.Fatal(stderr)
	}
	p := openBuilt(t, ctx, site, "mitt-fylke/mitt-kontor/index.html")
	// The target's colour in the first chart's plot: right of the axis's
	// labels, above the month's and the legend (the point of a line of
	// one month is marked only where a line shows its points).
	pixels, err := chromedp.Run(p.ctx, chromedp.Evaluate[int](`(() => {
		const el = document.querySelector('[data-chart]');
		const hex = echarts.getInstanceByDom(el).getOption().series.find(s => s.id === 'target').color;
		const want = [1, 3, 5].map(k => parseInt(hex.slice(k, k + 2), 16));
		const c = el.querySelector('canvas');
		const x0 = Math.round(c.width * 0.1), h = Math.round(c.height * 0.75);
		const d = c.getContext('2d').getImageData(x0, 0, c.width - x0, h).data;
		let n = 0;
		for (let k = 0; k < d.length; k += 4) {
			if (d[k + 3] > 100 && Math.abs(d[k] - want[0]) < 40 && Math.abs(d[k + 1] - want[1]) < 40 && Math.abs(d[k + 2] - want[2]) < 40) n++;
		}
		return n;
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if pixels < 200 {
		t.Errorf("%d pixels of the target's colour in the plot: no target line", pixels)
	}
}

// TestAMonthAloneOnALongChart: past 24 months a chart's lines show no
// points, so a month between two gaps, a new office's first, would not
// be drawn at all: it is marked with a dot, and a line's months beside
// others are not.
func TestAMonthAloneOnALongChart(t *testing.T) {
	ctx := browser(t)
	site := t.TempDir()
	files := map[string]string{
		"site.toml":     "title = \"Test\"\nlanguage = \"nb\"\n",
		"data/org.toml": "[[county]]\nid = \"vest\"\nname = \"NAV Vest\"\n\n[[office]]\nid = \"gammel\"\nname = \"NAV Gammel\"\ncounty = \"vest\"\n\n[[office]]\nid = \"ny\"\nname = \"NAV Ny\"\ncounty = \"vest\"\nfrom = \"2026-06\"\n",
		"data/goals.toml": "[[goal]]\nid = \"arbeid\"\ntitle = \"Overgang til arbeid\"\nperspective = \"Samfunn\"\nunit = \"percent\"\ndirection = \"higher\"\n" +
			"target = 45\nyellow = 40\naggregate = \"ratio\"\n",
	}
	var b strings.Builder
	b.WriteString("period,unit,goal,value,numerator,denominator\n")
	for p := 2024*12 + 0; p <= 2026*12+5; p++ {
		fmt.Fprintf(&b, "%d-%02d,gammel,arbeid,,%d,100\n", p/12, p%12+1, 40+p%7)
	}
	b.WriteString("2026-06,ny,arbeid,,47,100\n")
	files["data/results/arbeid.csv"] = b.String()
	for name, data := range files {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(site, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(site, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p := openBuilt(t, ctx, site, "vest/ny/index.html")
	marked, err := chromedp.Run(p.ctx, chromedp.Evaluate[map[string]int](`(() => {
		const got = {};
		for (const s of echarts.getInstanceByDom(document.querySelector('[data-chart]')).getOption().series) {
			got[s.id] = ((s.markPoint || {}).data || []).filter(d => d.symbol === 'circle').length;
		}
		return got;
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if marked["unit"] != 1 || marked["county"] != 0 || marked["target"] != 0 {
		t.Errorf("dots by line %v, want the office's June alone", marked)
	}
}

// openBuilt builds the site in folder site, with the repository's
// node_modules, and opens its page at 1280 px with every chart drawn.
func openBuilt(t *testing.T, ctx context.Context, site, page string) *page {
	t.Helper()
	if err := os.Symlink(filepath.Join(repoRoot, "node_modules"), filepath.Join(site, "node_modules")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := run("build", "--source", site, "--out", out); code != OK {
		t.Fatal(stderr)
	}
	p := openPage(t, ctx, 1280, 900, false)
	if err := chromedp.Do(p.ctx, chromedp.Navigate(fileURL(out, page))); err != nil {
		t.Fatal(err)
	}
	if total, drawn := p.drawCharts(t); total == 0 || drawn != total {
		t.Fatalf("%d of %d charts drawn", drawn, total)
	}
	return p
}
