package build

import (
	"strings"
	"testing"
)

// TestTargetSchedules: the common target changes in February 2026, nord's
// own target and arstad's (of a sum goal) too. January is judged against
// January's targets and February against February's, in scorecard.csv,
// on the pages, in the chart's target line and in the trend table; the
// target says from when it holds.
func TestTargetSchedules(t *testing.T) {
	goals := strings.Replace(baseFile(t, "data/goals.toml"), `aggregate = "ratio"
`, `aggregate = "ratio"

  [[goal.schedule]]
  from = "2026-02"
  target = 47
  yellow = 42

  [[goal.override]]
  unit = "nord"
  from = "2026-02"
  target = 52
  yellow = 47
`, 1)
	goals = strings.Replace(goals, `aggregate = "sum"
decimals = 0
`, `aggregate = "sum"
decimals = 0

  [[goal.override]]
  unit = "arstad"
  from = "2026-02"
  target = 12
  yellow = 10
`, 1)
	out := buildBase(t, map[string]string{"data/goals.toml": goals})
	csv := string(out["scorecard.csv"])
	for _, row := range []string{
		"2026-01;bergen-nord;arbeid;40,0;45,0;40,0;yellow;",
		"2026-02;bergen-nord;arbeid;45,0;47,0;42,0;yellow;", // met in January's target, not February's
		"2026-01;tromso;arbeid;45,0;50,0;45,0;yellow;",      // nord's undated override
		"2026-02;tromso;arbeid;55,0;52,0;47,0;green;",       // nord's from February
		"2026-01;vest;kontakter;21;20;16;green;",
		"2026-02;vest;kontakter;19;22;18;yellow;", // arstad's 12 from February, summed month by month
		"2026-02;_site;arbeid;44,3;47,0;42,0;yellow;",
	} {
		if !strings.Contains(csv, row) {
			t.Errorf("scorecard.csv lacks %q", row)
		}
	}
	for page, want := range map[string]string{
		"vest/bergen-nord/index.html": "Målverdi 47,0\u00a0% <span class=\"source\">(felles, fra februar 2026)</span>",
		"nord/tromso/index.html":      "Målverdi 52,0\u00a0% <span class=\"source\">(fylkets, fra februar 2026)</span>",
		"vest/arstad/index.html":      "Målverdi 12 <span class=\"source\">(kontorets eget, fra februar 2026)</span>",
		"vest/index.html":             "Målverdi 22 <span class=\"source\">(sum av kontorene)</span>",
		"goals/arbeid/index.html":     "Målverdi: 47,0\u00a0%. Gul grense: 42,0\u00a0%.",
	} {
		if !strings.Contains(string(out[page]), want) {
			t.Errorf("%s lacks %s", page, want)
		}
	}
	goal := string(out["goals/arbeid/index.html"])
	if !strings.Contains(goal, "[45,47]") {
		t.Errorf("the goal chart's target line does not step from 45 to 47")
	}
	if !strings.Contains(goal, `<th scope="col">Målverdi</th>`) {
		t.Errorf("the goal's trend table has no column for a target that changes")
	}
	if page := string(out["goals/kontakter/index.html"]); !strings.Contains(page, "[30,32]") {
		t.Errorf("kontakter's whole-site target, the sum of the counties', does not follow arstad's override from February")
	}
	// A goal whose target never changes keeps it in the caption.
	if page := string(out["vest/arstad/index.html"]); !strings.Contains(page, "<caption>Ventetid: NAV Årstad (Målverdi 14\u00a0dager)</caption>") {
		t.Errorf("ventetid's target, the same every month, is not in the trend table's caption")
	}
}
