package cli

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestTertialReportPrints prints an office's and a county's tertial
// report as a leader would, with Ctrl+P: at most three A4 pages, each
// naming the site, the unit and the tertial, with the tertial's
// scorecard, its charts drawn, and nothing wider than the paper.
func TestTertialReportPrints(t *testing.T) {
	ctx := browser(t)
	out := buildExample(t)
	for name, unit := range map[string]string{"hordaland/fana/2018-T3.html": "NAV Fana", "hordaland/2018-T2.html": "NAV Hordaland"} {
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
			tertial := map[bool]string{true: "3. tertial 2018", false: "2. tertial 2018"}[strings.HasSuffix(name, "T3.html")]
			pages := pdfText(t, res.Data)
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
			if _, err := chromedp.Call(p.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(703, 1000)); err != nil {
				t.Fatal(err)
			}
			shown, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]int](`[
				[...document.querySelectorAll('.tertial-card td svg')].filter(e => e.getBoundingClientRect().width > 30).length,
				document.querySelectorAll('.tertial-card tbody tr:not(:first-child)').length,
				[...document.querySelectorAll('.table-scroll')].filter(e => e.offsetHeight > 0 && e.scrollWidth > e.clientWidth + 1).length]`))
			if err != nil {
				t.Fatal(err)
			}
			if shown[0] == 0 || shown[0] != shown[1] {
				t.Errorf("%d charts of the months printed for %d goals", shown[0], shown[1])
			}
			if shown[2] != 0 {
				t.Errorf("%d tables on the printed page are wider than the paper", shown[2])
			}
		})
	}
}
