package build

import (
	"strings"
	"testing"
)

// TestHonestEmptyStates: what a page says when there is little to say
// must be true. "All met" only when every goal has a value and is green;
// goals without a result are listed as such; a unit without results says
// so; a county without offices has no list of them.
func TestHonestEmptyStates(t *testing.T) {
	out := buildBase(t, map[string]string{
		"site.toml": "title = \"Testside\"\nlanguage = \"nb\"\nwhole_name = \"Region Vest og Nord\"\n",
		"data/org.toml": `[[county]]
id = "vest"
name = "NAV Vest"
[[county]]
id = "nord"
name = "NAV Nord"
[[county]]
id = "tom"
name = "NAV Tom"
[[office]]
id = "bergen-nord"
name = "NAV Bergen nord"
county = "vest"
[[office]]
id = "arstad"
name = "NAV Årstad"
county = "vest"
[[office]]
id = "tromso"
name = "NAV Tromsø"
county = "nord"
`,
		// bergen-nord: every goal green; arstad: one goal without a result;
		// tromso: nothing this month.
		"data/results/2026.csv": `period,unit,goal,value,numerator,denominator
2026-01,tromso,kontakter,10,,
2026-02,bergen-nord,arbeid,,50,100
2026-02,bergen-nord,kontakter,12,,
2026-02,bergen-nord,ventetid,10,,
2026-02,arstad,arbeid,,50,100
2026-02,arstad,kontakter,12,,
`,
		"content/vest/arstad/2026-02.md": "Tekst.\n",
	})
	// A page that was never built contains nothing, and would pass every
	// check that it lacks a text.
	page := func(name string) string {
		data, ok := out[name]
		if !ok {
			t.Fatalf("%s was not built", name)
		}
		return string(data)
	}
	if p := page("vest/bergen-nord/index.html"); !strings.Contains(p, "Alle målene er nådd denne måneden.") {
		t.Errorf("bergen-nord meets every goal, and its page does not say so")
	}
	if p := page("vest/arstad/index.html"); strings.Contains(p, "Alle målene er nådd") || !strings.Contains(p, `<li><a href="#goal-ventetid">Ventetid</a> <span class="badge badge-missing">`) {
		t.Errorf("arstad has no result for ventetid: its needs list must name it, and not say all are met")
	}
	p := page("nord/tromso/index.html")
	if !strings.Contains(p, `<p class="no-results">NAV Tromsø har ingen resultater for februar 2026.</p>`) || strings.Contains(p, "Alle målene er nådd") {
		t.Errorf("tromso has no results this month, and its page does not say so")
	}
	if p := page("tom/index.html"); !strings.Contains(p, "<h1>NAV Tom</h1>") || strings.Contains(p, "Kontorer") || strings.Contains(p, "Alle kontorene har kommentert") {
		t.Errorf("a county without offices lists offices, charts or tables them, or says they have all commented")
	}
	if p := page("index.html"); !strings.Contains(p, `<h2 id="whole-h">Region Vest og Nord</h2>`) || strings.Contains(p, "Hele landet") {
		t.Errorf("the front page does not name the whole site by whole_name")
	}
}
