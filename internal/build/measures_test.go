package build

import (
	"strings"
	"testing"
)

// TestMeasuresLiveOn: next month's results are in and the office has not
// written its commentary yet. Its page still lists its open measure, marked
// overdue in words, and measures.csv says the same.
func TestMeasuresLiveOn(t *testing.T) {
	out := buildBase(t, map[string]string{
		"data/results/2026-05.csv": "period,unit,goal,value\n2026-05,bergen-nord,kontakter,9\n2026-05,arstad,kontakter,9\n2026-05,tromso,kontakter,9\n",
	})
	page := string(out["vest/arstad/index.html"])
	open := page[strings.Index(page, `id="measures-h"`):]
	open = open[:strings.Index(open, "</section>")]
	if !strings.Contains(open, `<li class="measure measure-started measure-overdue">`) || !strings.Contains(open, `<strong class="overdue">forfalt</strong>`) || !strings.Contains(open, "Flere samtaler") {
		t.Errorf("arstad's page does not list its open, overdue measure:\n%s", open)
	}
	if !strings.Contains(page, "Kontoret har ikke skrevet kommentar") {
		t.Errorf("the test needs a month without commentary")
	}
	want := "arstad;arbeid;arbeid-flere-samtaler;Flere samtaler;started;2026-02;2026-04-30;true;\r\n"
	for _, name := range []string{"measures.csv", "vest/measures.csv", "vest/arstad/measures.csv"} {
		if !strings.Contains(string(out[name]), want) {
			t.Errorf("%s lacks %q:\n%s", name, want, out[name])
		}
	}
	if strings.Contains(string(out["nord/measures.csv"]), "arstad") {
		t.Errorf("nord's measures.csv has arstad's measure")
	}
	county := string(out["vest/index.html"])
	if !strings.Contains(county, `<a href="../vest/arstad/index.html">NAV Årstad</a>`) || !strings.Contains(county, "Kontorenes åpne tiltak") {
		t.Errorf("vest's page does not list its offices' open measures")
	}
	if goal := string(out["goals/arbeid/index.html"]); !strings.Contains(goal, "<span class=\"mpart\">45,0\u00a0% før, – nå</span>") {
		t.Errorf("the goal page does not give arstad's measure with its results before and now")
	}
	if !strings.Contains(page, `"label":"Tiltak startet: Flere samtaler"`) {
		t.Errorf("arstad's chart does not mark when its measure started")
	}
}

// TestSumGoalOnOfficePage: an office's chart of a sum goal shows the
// office against its own target, not the county's total on the same axis;
// the county page keeps its total.
func TestSumGoalOnOfficePage(t *testing.T) {
	out := buildBase(t, nil)
	office := string(out["vest/arstad/index.html"])
	section := office[strings.Index(office, `id="goal-kontakter"`):]
	section = section[:strings.Index(section, "</section>")]
	if strings.Contains(section, `"id":"county"`) || strings.Contains(section, "NAV Vest</th>") {
		t.Errorf("arstad's kontakter chart draws the county total:\n%s", section)
	}
	arbeid := office[strings.Index(office, `id="goal-arbeid"`):]
	if !strings.Contains(arbeid[:strings.Index(arbeid, "</section>")], "<th scope=\"col\">NAV Vest</th>") {
		t.Errorf("arstad's ratio goal chart no longer shows the county")
	}
}

// TestTargetSources: every target says where it comes from, and the goal
// page gives the chain above an office's own.
func TestTargetSources(t *testing.T) {
	goals := strings.Replace(baseFile(t, "data/goals.toml"), `  [[goal.override]]
  unit = "nord"`, `  [[goal.override]]
  unit = "arstad"
  target = 55
  yellow = 50

  [[goal.override]]
  unit = "nord"`, 1)
	out := buildBase(t, map[string]string{"data/goals.toml": goals})
	for page, want := range map[string]string{
		"nord/tromso/index.html":      "Målverdi 50,0\u00a0% <span class=\"source\">(fylkets)</span>",
		"nord/index.html":             "Målverdi 50,0\u00a0% <span class=\"source\">(fylkets eget)</span>",
		"vest/arstad/index.html":      "Målverdi 55,0\u00a0% <span class=\"source\">(kontorets eget)</span>",
		"vest/index.html":             "Målverdi 20 <span class=\"source\">(sum av kontorene)</span>",
		"index.html":                  "Målverdi 30 <span class=\"source\">(sum av fylkene)</span>",
		"vest/bergen-nord/index.html": "Målverdi 45,0\u00a0% <span class=\"source\">(felles)</span>",
		"goals/arbeid/index.html":     "Målverdi 55,0\u00a0% <span class=\"source\">(kontorets eget; fylket 45,0\u00a0%, felles 45,0\u00a0%)</span>",
	} {
		if !strings.Contains(string(out[page]), want) {
			t.Errorf("%s lacks %s", page, want)
		}
	}
}

// baseFile is a file of testdata/base.txtar.
func baseFile(t *testing.T, name string) string {
	t.Helper()
	fsys, _ := siteFS(t, "testdata/sites/basic.txtar")
	f, ok := fsys[name]
	if !ok {
		t.Fatalf("no %s in the base site", name)
	}
	return string(f.Data)
}
