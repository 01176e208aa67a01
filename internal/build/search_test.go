package build

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/malekort/malekort/internal/search"
)

// TestSearchIndex builds the basic site with a figure small enough to be
// suppressed and reads its search index: every unit (a county with its
// text), goal (with its description), commentary and measure with the
// page that shows it, and nothing else (no figure,
// so not the suppressed one), the same bytes from two builds.
func TestSearchIndex(t *testing.T) {
	build := func() memOutput {
		fsys, _ := siteFS(t, "testdata/sites/basic.txtar")
		csv := fsys["data/results/2026.csv"]
		// Tromsø's 3 of 4 (75,0 %), fewer people than min_count.
		small := bytes.Replace(csv.Data, []byte("2026-02,tromso,arbeid,,11,20"), []byte("2026-02,tromso,arbeid,,3,4"), 1)
		if bytes.Equal(small, csv.Data) {
			t.Fatal("the basic site has no row for Tromsø's arbeid in 2026-02")
		}
		csv.Data = small
		out := memOutput{}
		if errs, err := Build(fsys, defaults, out); errs != nil || err != nil {
			t.Fatalf("build: %v %v", errs, err)
		}
		return out
	}
	out := build()
	if !strings.Contains(string(out["scorecard.csv"]), "2026-02;tromso;arbeid;;50,0;45,0;suppressed;") {
		t.Fatal("Tromsø's 3 of 4 is not suppressed in scorecard.csv: the test would prove nothing")
	}
	script := out[search.File]
	if again := build()[search.File]; !bytes.Equal(script, again) {
		t.Errorf("two builds of one site give different indexes:\n%s\n%s", script, again)
	}
	if bytes.Contains(script, []byte("75")) {
		t.Errorf("the index holds the suppressed 75,0:\n%s", script)
	}
	const prefix, suffix = "window." + search.Global + "=", ";\n"
	text := string(script)
	if !strings.HasPrefix(text, prefix) || !strings.HasSuffix(text, suffix) {
		t.Fatalf("not a classic script setting window.%s:\n%s", search.Global, text)
	}
	var ix struct {
		Commentary string
		Units      [][2]string
		Goals      [][2]string
		Months     [][2]string
		Docs       []any
	}
	if err := json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimPrefix(text, prefix), suffix)), &ix); err != nil {
		t.Fatal(err)
	}
	want := struct {
		Commentary string
		Units      [][2]string
		Goals      [][2]string
		Months     [][2]string
		Docs       []any
	}{
		Commentary: "commentary.html",
		Units: [][2]string{{"NAV Nord", "nord/"}, {"NAV Tromsø", "nord/tromso/"}, {"NAV Vest", "vest/"},
			{"NAV Bergen nord", "vest/bergen-nord/"}, {"NAV Årstad", "vest/arstad/"}},
		Goals:  [][2]string{{"Overgang til arbeid", "goals/arbeid/"}, {"Kontakter med arbeidsgivere", "goals/kontakter/"}, {"Ventetid", "goals/ventetid/"}},
		Months: [][2]string{{"2026-02", "februar 2026"}},
		Docs: []any{
			// Vest's text is on its page, and arbeid's description on its.
			[]any{0.0, 0.0}, []any{0.0, 1.0}, []any{0.0, 2.0, "Fylkets kommentar."}, []any{0.0, 3.0}, []any{0.0, 4.0},
			[]any{1.0, 0.0, "Andel i arbeid."}, []any{1.0, 1.0}, []any{1.0, 2.0},
			[]any{2.0, 4.0, 0.0, "Vi ser på tallene sammen. På personalmøtet 3. mars."},
			[]any{3.0, 4.0, 0.0, "Flere samtaler", 0.0},
		},
	}
	if !reflect.DeepEqual(ix, want) {
		t.Errorf("index:\n%+v\nwant\n%+v", ix, want)
	}
	for _, f := range []string{search.File, search.LibraryFile} {
		if len(out[f]) == 0 {
			t.Errorf("%s is not in the site", f)
		}
	}
}
