package cli

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/malekort/malekort/internal/serve"
)

// TestServeBrokenFromTheStartInChromium: a page of a site that has never
// built shows its errors in the overlay, and turns into the page once the
// error is fixed, without a reload by hand; an edit to its commentary
// then reloads it.
func TestServeBrokenFromTheStartInChromium(t *testing.T) {
	ctx := browser(t)
	site := smallSite(t)
	broken := filepath.Join(site, "data/results/extra.csv")
	os.WriteFile(broken, []byte("period,unit,goal,value,numerator,denominator\n2026-02,bergen-nrd,arbeid,,1,2\n"), 0o644)
	s := serve.New(site, defaults, &strings.Builder{})
	s.Build()
	t.Cleanup(s.Watch(t.Context(), 20*time.Millisecond))
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	p := openPage(t, ctx, 1280, 800, false)

	// text polls the page until js gives something that contains want.
	text := func(js, want string) string {
		t.Helper()
		var got string
		for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			got, _ = chromedp.Run(p.ctx, chromedp.Evaluate[string](js))
			if strings.Contains(got, want) {
				return got
			}
		}
		t.Fatalf("%s gives %q, never %q", js, got, want)
		return ""
	}
	if err := chromedp.Do(p.ctx, chromedp.Navigate(srv.URL+"/vest/arstad/index.html")); err != nil {
		t.Fatal(err)
	}
	overlay := `(document.getElementById('malekort-errors') || {}).textContent || ''`
	text(overlay, "nettstedet har 1 inndatafeil og er ikke bygget ennå")
	text(overlay, `ukjent enhet "bergen-nrd"`)
	os.Remove(broken)
	text(`document.body.innerText`, "Vi ser på tallene sammen.")
	if got, _ := chromedp.Run(p.ctx, chromedp.Evaluate[bool](`document.getElementById('malekort-errors') === null`)); !got {
		t.Error("the overlay stays after the fix")
	}
	// An edit to its commentary reloads the page: the page follows its
	// own changes, named by its path (location.pathname).
	commentary := filepath.Join(site, "content/vest/arstad/2026-02.md")
	src, _ := os.ReadFile(commentary)
	os.WriteFile(commentary, []byte(strings.Replace(string(src), "Vi ser på tallene sammen.", "Vi har endret planen.", 1)), 0o644)
	text(`document.body.innerText`, "Vi har endret planen.")
	if errs := p.consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}
