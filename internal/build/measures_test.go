package build

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/malekort/malekort/internal/model"
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
	// Its value in the month it started, none now (so no judgement), and
	// the months the two are of.
	want := "arstad;arbeid;arbeid-flere-samtaler;Flere samtaler;started;2026-02;2026-02;2026-04-30;true;;30,0;;;2026-02;2026-05\r\n"
	for _, name := range []string{"measures.csv", "vest/measures.csv", "vest/arstad/measures.csv"} {
		if !strings.Contains(string(out[name]), want) {
			t.Errorf("%s lacks %q:\n%s", name, want, out[name])
		}
	}
	if strings.Contains(string(out["nord/measures.csv"]), "arstad") {
		t.Errorf("nord's measures.csv has arstad's measure")
	}
	county := string(out["vest/index.html"])
	if !strings.Contains(county, `<a href="../vest/arstad/index.html">NAV Årstad</a>`) || !strings.Contains(county, "Kontorenes tiltak") {
		t.Errorf("vest's page does not list its offices' measures")
	}
	if goal := string(out["goals/arbeid/index.html"]); !strings.Contains(goal, "<td class=\"num\">30,0\u00a0%</td><td class=\"num\">–</td><td>–</td>") {
		t.Errorf("the goal page does not give arstad's measure with its results at the start and now (none, so no judgement)")
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
	if !strings.Contains(arbeid[:strings.Index(arbeid, "</section>")], "<th>NAV Vest (%)</th>") {
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
	// A sum's county target is its offices' together: an office's chain
	// leaves it out.
	goals = strings.Replace(goals, "aggregate = \"sum\"\ndecimals = 0\n", "aggregate = \"sum\"\ndecimals = 0\n\n[[goal.override]]\nunit = \"arstad\"\ntarget = 12\nyellow = 9\n", 1)
	out := buildBase(t, map[string]string{"data/goals.toml": goals})
	for page, want := range map[string]string{
		"nord/tromso/index.html":      "Målverdi 50,0\u00a0% <span class=\"source\">(fylkets)</span>",
		"nord/index.html":             "Målverdi 50,0\u00a0% <span class=\"source\">(fylkets eget)</span>",
		"vest/arstad/index.html":      "Målverdi 55,0\u00a0% <span class=\"source\">(kontorets eget)</span>",
		"vest/index.html":             "Målverdi 22 <span class=\"source\">(sum av kontorene)</span>",
		"index.html":                  "Målverdi 32 <span class=\"source\">(sum av fylkene)</span>",
		"vest/bergen-nord/index.html": "Målverdi 45,0\u00a0% <span class=\"source\">(felles)</span>",
		"goals/arbeid/index.html":     "Målverdi 55,0\u00a0% <span class=\"source\">(kontorets eget; fylket 45,0\u00a0%, felles 45,0\u00a0%)</span>",
		"goals/kontakter/index.html":  "Målverdi 12 <span class=\"source\">(kontorets eget; felles 10)</span>",
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

// TestWhatChanged: a unit's page says which goals changed status, the
// largest moves, each goal's value a year ago; needs attention puts the
// goal furthest off first and names a green goal that got worse by more
// than usual.
func TestWhatChanged(t *testing.T) {
	history := "period,unit,goal,value\n"
	for m := 2; m <= 12; m++ {
		history += fmt.Sprintf("2025-%02d,bergen-nord,kontakter,%d\n", m, 30+m%2)
	}
	results := strings.Replace(baseFile(t, "data/results/2026.csv"), "2026-01,bergen-nord,kontakter,9,,", "2026-01,bergen-nord,kontakter,30,,", 1)
	results = strings.Replace(results, "2026-02,bergen-nord,kontakter,11,,", "2026-02,bergen-nord,kontakter,15,,", 1)
	out := buildBase(t, map[string]string{"data/results/2025.csv": history, "data/results/2026.csv": results})
	arstad := string(out["vest/arstad/index.html"])
	needs := arstad[strings.Index(arstad, `<ul class="needs-list">`):]
	needs = needs[:strings.Index(needs, "</ul>")]
	a, v, k := strings.Index(needs, "Overgang til arbeid"), strings.Index(needs, "Ventetid"), strings.Index(needs, "Kontakter")
	if !(a >= 0 && a < v && v < k) {
		t.Errorf("arstad's needs are not furthest off first (arbeid 3 bands, ventetid 1.6, kontakter 1):\n%s", needs)
	}
	if !strings.Contains(arstad, `<a href="#goal-ventetid">Ventetid</a> <span class="badge badge-yellow">`) {
		t.Errorf("arstad's page does not give ventetid's change of status")
	}
	bn := string(out["vest/bergen-nord/index.html"])
	if !strings.Contains(bn, "−15, forverret mer enn vanlig") {
		n := bn[strings.Index(bn, `id="needs-h"`):]
		t.Errorf("bergen-nord's kontakter is green but fell 15 after months of ±1: needs attention does not say so:\n%s", n[:strings.Index(n, "</section>")])
	}
	if !strings.Contains(bn, "Samme måned i fjor: 30") {
		t.Errorf("bergen-nord's kontakter section does not give February 2025")
	}
}

// TestPlannedMeasureSaysPlanned: a planned measure (its status written in
// the site's bokmål) says since when it has been planned, not that it
// started; a percent goal's change is shown in percentage points,
// abbreviated, and spoken in words.
func TestPlannedMeasureSaysPlanned(t *testing.T) {
	commentary := strings.Replace(baseFile(t, "content/vest/arstad/2026-02.md"), `status = "started"`, `status = "planlagt"`, 1)
	out := buildBase(t, map[string]string{"content/vest/arstad/2026-02.md": commentary})
	page := string(out["vest/arstad/index.html"])
	open := page[strings.Index(page, `id="measures-h"`):]
	open = open[:strings.Index(open, "</section>")]
	if !strings.Contains(open, `<li class="measure measure-planned">`) || !strings.Contains(open, `<span class="mpart">planlagt siden februar 2026</span>`) || strings.Contains(open, "startet") {
		t.Errorf("arstad's planned measure:\n%s", open)
	}
	if !strings.Contains(page, "Endring fra forrige måned: <span aria-hidden=\"true\">−15,0\u00a0p.p.</span><span class=\"sr-only\">−15,0 prosentpoeng</span>") {
		t.Errorf("arstad's arbeid section does not give its change in percentage points")
	}
}

// TestAttentionWithAction: each red or yellow goal in needs attention says
// whether a measure is open for it, and a red one that none answers stands
// out; the county page counts each office's red goals without an open
// measure, in its office list and in its matrix.
func TestAttentionWithAction(t *testing.T) {
	out := buildBase(t, nil)
	needs := func(page string) string {
		t.Helper()
		p := string(out[page])
		i := strings.Index(p, `<ul class="needs-list">`)
		if i < 0 {
			t.Fatalf("%s has no needs list", page)
		}
		return p[i : i+strings.Index(p[i:], "</ul>")]
	}
	office := needs("vest/arstad/index.html")
	for goal, want := range map[string]string{
		"arbeid":    `<span class="need-action">1 åpent tiltak</span>`,
		"ventetid":  `<strong class="need-action unanswered">Ingen åpne tiltak</strong>`,
		"kontakter": `<span class="need-action">Ingen åpne tiltak</span>`,
	} {
		item := office[strings.Index(office, `href="#goal-`+goal+`"`):]
		if item = item[:strings.Index(item, "</li>")]; !strings.Contains(item, want) {
			t.Errorf("arstad's %s in needs attention: want %s in\n%s", goal, want, item)
		}
	}
	if county := needs("vest/index.html"); !strings.Contains(county, `1 åpent tiltak hos kontorene`) {
		t.Errorf("vest's needs attention does not count its offices' open measures:\n%s", county)
	}
	page := string(out["vest/index.html"])
	list := page[strings.Index(page, `<ul class="unit-list">`):]
	list = list[:strings.Index(list, "</section>")]
	arstad := list[strings.Index(list, "NAV Årstad"):]
	if end := strings.Index(arstad, "\n    <li>"); end >= 0 {
		arstad = arstad[:end]
	}
	if !strings.Contains(arstad, `<p class="unanswered">1 rødt mål uten åpne tiltak</p>`) {
		t.Errorf("vest's office list does not count arstad's red goal without a measure:\n%s", arstad)
	}
	if strings.Count(list, "uten åpne tiltak") != 1 {
		t.Errorf("vest's office list counts red goals without a measure for other offices too:\n%s", list)
	}
	matrix := page[strings.Index(page, `<table class="data matrix">`):]
	matrix = matrix[:strings.Index(matrix, "</table>")]
	if !strings.Contains(matrix, `<th scope="col" class="num">Røde mål uten tiltak</th>`) {
		t.Errorf("the matrix has no column of red goals without a measure")
	}
	// The count stands right after the office's name, in view however
	// many goals the matrix scrolls through.
	for office, want := range map[string]string{"NAV Årstad": rowHead("NAV Årstad") + `<td class="num unanswered">1</td>`, "NAV Bergen nord": rowHead("NAV Bergen nord") + `<td class="num">0</td>`} {
		row := matrix[strings.Index(matrix, office):]
		if row = row[:strings.Index(row, "</tr>")+5]; !strings.HasPrefix(row, want) {
			t.Errorf("the matrix row of %s does not begin with %s:\n%s", office, want, row)
		}
	}
}

// TestAttentionAtTheOfficesInRed: a measure at an office on target does
// not answer for one in red. Bergen nord (45 %, green) has the open
// measure for arbeid and Årstad (30 %, red) none; the county's row says
// so.
func TestAttentionAtTheOfficesInRed(t *testing.T) {
	out := buildBase(t, map[string]string{
		"content/vest/arstad/2026-02.md":      "+++\nauthor = \"Leder\"\n+++\nVi ser på tallene.\n",
		"content/vest/bergen-nord/2026-02.md": "+++\nauthor = \"Leder\"\n\n[[measure]]\ngoal = \"arbeid\"\ntext = \"Flere samtaler\"\nstatus = \"started\"\n+++\nVi ser på tallene.\n",
	})
	if p := string(out["vest/index.html"]); !strings.Contains(p, `<span class="need-action">1 åpent tiltak hos kontorene, men ikke hos kontoret i rødt</span>`) {
		t.Error("vest's needs attention does not say that its office in red has no measure")
	}
	// With a third office, Fana (20 %, red): none at both, or at one of
	// the two, in red.
	base, _ := siteFS(t, "testdata/sites/basic.txtar")
	org := string(base["data/org.toml"].Data) + "\n[[office]]\nid = \"fana\"\nname = \"NAV Fana\"\ncounty = \"vest\"\n"
	results := string(base["data/results/2026.csv"].Data) + "2026-01,fana,arbeid,,20,100\n2026-02,fana,arbeid,,20,100\n"
	measure := "+++\nauthor = \"Leder\"\n\n[[measure]]\ngoal = \"arbeid\"\ntext = \"Flere samtaler\"\nstatus = \"started\"\n+++\nVi ser på tallene.\n"
	for _, c := range []struct {
		fana, want string
	}{
		{"+++\nauthor = \"Leder\"\n+++\nVi ser på tallene.\n", "1 åpent tiltak hos kontorene, men ingen hos de 2 kontorene i rødt"},
		{measure, "2 åpne tiltak hos kontorene, men ingen hos 1 av de 2 kontorene i rødt"},
	} {
		out := buildBase(t, map[string]string{
			"data/org.toml":                       org,
			"data/results/2026.csv":               results,
			"content/vest/arstad/2026-02.md":      "+++\nauthor = \"Leder\"\n+++\nVi ser på tallene.\n",
			"content/vest/bergen-nord/2026-02.md": measure,
			"content/vest/fana/2026-02.md":        c.fana,
		})
		if p := string(out["vest/index.html"]); !strings.Contains(p, c.want+"</") {
			t.Errorf("vest's needs attention does not say %q", c.want)
		}
	}

	// Vest is red when Årstad's 25 % of 1 000 weighs in: then its row stands out
	// as unanswered, as an office's red goal without a measure does.
	out = buildBase(t, map[string]string{
		"content/vest/arstad/2026-02.md":      "+++\nauthor = \"Leder\"\n+++\nVi ser på tallene.\n",
		"content/vest/bergen-nord/2026-02.md": "+++\nauthor = \"Leder\"\n\n[[measure]]\ngoal = \"arbeid\"\ntext = \"Flere samtaler\"\nstatus = \"started\"\n+++\nVi ser på tallene.\n",
		"data/results/2026.csv":               strings.Replace(string(base["data/results/2026.csv"].Data), "2026-02,arstad,arbeid,,30,100", "2026-02,arstad,arbeid,,250,1000", 1),
	})
	if p := string(out["vest/index.html"]); !strings.Contains(p, `<strong class="need-action unanswered">1 åpent tiltak hos kontorene, men ikke hos kontoret i rødt</strong>`) {
		t.Error("vest's red goal, answered only at an office on target, does not stand out as unanswered")
	}
}

// TestEarlierMonthsCountTheirMeasures: an office's commentary page gives
// each month's needs with the measures open then, as the reported month's
// has them now: January's red goal had one planned, done by February. Of
// an earlier month, a goal that had none is told only where it was red.
func TestEarlierMonthsCountTheirMeasures(t *testing.T) {
	out := buildBase(t, map[string]string{
		"data/results/2026.csv":          strings.Replace(baseFile(t, "data/results/2026.csv"), "2026-01,arstad,arbeid,,45,100", "2026-01,arstad,arbeid,,30,100", 1),
		"content/vest/arstad/2026-01.md": "+++\nauthor = \"Leder\"\n\n[[measure]]\ngoal = \"arbeid\"\ntext = \"Flere samtaler\"\nstatus = \"planned\"\n+++\nVi planlegger.\n",
		"content/vest/arstad/2026-02.md": "+++\nauthor = \"Leder\"\n\n[[measure]]\ngoal = \"arbeid\"\ntext = \"Flere samtaler\"\nstatus = \"done\"\n+++\nFerdig.\n",
	})
	page := string(out["vest/arstad/commentary.html"])
	february, january, _ := strings.Cut(page, `<h2 id="2026-01">`)
	const arbeid = `<a href="index.html#goal-arbeid">Overgang til arbeid</a>`
	if row := lineWith(january, arbeid); !strings.Contains(row, `<span class="need-action">1 åpent tiltak</span>`) {
		t.Errorf("January's red goal, with a measure planned then:\n%s", row)
	}
	if row := lineWith(february, arbeid); !strings.Contains(row, `<strong class="need-action unanswered">Ingen åpne tiltak</strong>`) {
		t.Errorf("February's red goal, its measure done:\n%s", row)
	}
	// An earlier month's yellow goal without one is not told so.
	if row := lineWith(january, `<a href="index.html#goal-ventetid">Ventetid</a>`); row == "" || strings.Contains(row, "need-action") {
		t.Errorf("January's yellow goal without a measure:\n%s", row)
	}
}

// lineWith is the line of page that holds mark.
func lineWith(page, mark string) string {
	for line := range strings.Lines(page) {
		if strings.Contains(line, mark) {
			return line
		}
	}
	return ""
}

// TestWhatFollowedAMeasure: Årstad's measure for arbeid began in February
// at 30 %; in March the office is at 40 %. Its own page says so beside the
// measure, and the goal's table of every office's measures gives the
// change signed, which way and judged; neither judges a measure still only
// planned, and one done months before says how long after.
func TestWhatFollowedAMeasure(t *testing.T) {
	const march = "period,unit,goal,value,numerator,denominator\n2026-03,bergen-nord,arbeid,,900,2000\n2026-03,arstad,arbeid,,40,100\n2026-03,tromso,arbeid,,10,20\n"
	out := buildBase(t, map[string]string{"data/results/2026-03.csv": march})
	want := "30,0\u00a0% ved start, 40,0\u00a0% nå: +10,0\u00a0p.p. bedre; for få måneder til å vurdere"
	if page := string(out["vest/arstad/index.html"]); !strings.Contains(page, `<span class="mpart">`+want+`</span>`) {
		t.Errorf("arstad's page does not say what followed its measure: want %q", want)
	}
	if page := string(out["goals/arbeid/index.html"]); !strings.Contains(page, "<td>+10,0\u00a0p.p. bedre; for få måneder til å vurdere</td>") {
		t.Error("the goal's table of measures does not give the change signed and judged")
	}

	// A measure still only planned has had nothing follow it.
	out = buildBase(t, map[string]string{
		"data/results/2026-03.csv":       march,
		"content/vest/arstad/2026-02.md": "+++\nauthor = \"Leder\"\n\n[[measure]]\ngoal = \"arbeid\"\ntext = \"Flere samtaler\"\nstatus = \"planned\"\n+++\nVi ser på tallene.\n",
	})
	if page := string(out["vest/arstad/index.html"]); strings.Contains(page, "ved start") {
		t.Error("arstad's page says what followed a measure that is only planned")
	}
	if page := string(out["goals/arbeid/index.html"]); strings.Contains(page, "bedre; for få måneder") {
		t.Error("the goal's table judges what followed a measure that is only planned")
	}

	// Planned in January (45 %), begun in February (30 %): what followed
	// it is from February.
	out = buildBase(t, map[string]string{
		"data/results/2026-03.csv":       march,
		"content/vest/arstad/2026-01.md": "+++\nauthor = \"Leder\"\n\n[[measure]]\ngoal = \"arbeid\"\ntext = \"Flere samtaler\"\nstatus = \"planned\"\n+++\nVi planlegger.\n",
	})
	if page := string(out["vest/arstad/index.html"]); !strings.Contains(page, `<span class="mpart">startet februar 2026</span>`) || !strings.Contains(page, want) {
		t.Errorf("a measure planned in January and started in February: want \"startet februar 2026\" and %q", want)
	}

	// Done in March, it is read in May by a result two months after:
	// the page says how long after, so the change is not read as its own.
	out = buildBase(t, map[string]string{
		"data/results/2026-03.csv":       march + "2026-04,bergen-nord,arbeid,,900,2000\n2026-04,arstad,arbeid,,42,100\n2026-04,tromso,arbeid,,10,20\n2026-05,bergen-nord,arbeid,,900,2000\n2026-05,arstad,arbeid,,44,100\n2026-05,tromso,arbeid,,10,20\n",
		"content/vest/arstad/2026-03.md": "+++\nauthor = \"Leder\"\n\n[[measure]]\ngoal = \"arbeid\"\ntext = \"Flere samtaler\"\nstatus = \"done\"\n+++\nFerdig.\n",
	})
	if page := string(out["vest/arstad/index.html"]); !strings.Contains(page, "30,0\u00a0% ved start, 44,0\u00a0% nå, 2 måneder etter at tiltaket ble fullført: +14,0\u00a0p.p. bedre") {
		t.Errorf("a measure done two months before does not say so:\n%s", section(t, page, "measures-h"))
	}

	// A goal whose result comes a month late: March's result is due in
	// April, the month the site is told to report, whose scorecard shows
	// it (40 %); the measure begun in February is judged from the result
	// February's scorecard showed, January's 45 %.
	base, _ := siteFS(t, "testdata/sites/basic.txtar")
	out = buildBase(t, map[string]string{
		"site.toml":                aprilSite,
		"data/results/2026-03.csv": march,
		"data/goals.toml":          strings.Replace(string(base["data/goals.toml"].Data), "aggregate = \"ratio\"\n", "aggregate = \"ratio\"\nlag = 1\n", 1),
	})
	if page := string(out["vest/arstad/index.html"]); !strings.Contains(page, "45,0\u00a0% ved start, 40,0\u00a0% nå: −5,0\u00a0p.p. dårligere") {
		t.Error("a lagged goal's measure is not judged from the results its scorecards showed")
	}
}

// aprilSite is the base site told to report April 2026.
const aprilSite = "title = \"Testside\"\nlanguage = \"nb\"\nperiod = \"2026-04\"\n"

// TestAttentionToALaggedGoal: a goal whose result comes a month late is
// red or not by the result its scorecard shows. Årstad's March result,
// 30 %, is due in April, the reported month; it has no measure for it, so
// the county's matrix counts it as a red goal without one, and the
// county's own row for the goal (also red) names Årstad's.
func TestAttentionToALaggedGoal(t *testing.T) {
	base, _ := siteFS(t, "testdata/sites/basic.txtar")
	out := buildBase(t, map[string]string{
		"site.toml":                      aprilSite,
		"data/results/2026-03.csv":       "period,unit,goal,value,numerator,denominator\n2026-03,bergen-nord,arbeid,,800,2000\n2026-03,arstad,arbeid,,30,100\n2026-03,tromso,arbeid,,10,20\n",
		"data/goals.toml":                strings.Replace(string(base["data/goals.toml"].Data), "aggregate = \"ratio\"\n", "aggregate = \"ratio\"\nlag = 1\n", 1),
		"content/vest/arstad/2026-02.md": "+++\nauthor = \"Leder\"\n+++\nVi ser på tallene.\n",
	})
	page := string(out["vest/index.html"])
	matrix := page[strings.Index(page, `<table class="data matrix">`):]
	row := matrix[strings.Index(matrix, "NAV Årstad"):]
	if row = row[:strings.Index(row, "</tr>")+5]; !strings.HasPrefix(row, rowHead("NAV Årstad")+`<td class="num unanswered">1</td>`) {
		t.Errorf("the matrix does not count Årstad's lagged red goal as without a measure:\n%s", row)
	}
	if !strings.Contains(page, `<strong class="need-action unanswered">Ingen åpne tiltak hos kontorene</strong>`) {
		t.Error("vest's lagged red goal, with no measure at its office in red, does not stand out")
	}
}

// TestMeasuredGoalsSeeEveryField: a measure that differs in any one field
// re-renders its goal's page after an edit, including a field added to
// MeasureLife later.
func TestMeasuredGoalsSeeEveryField(t *testing.T) {
	base := model.MeasureLife{Office: "arstad", ID: "arbeid-mote", Goal: "arbeid", Text: "Møte", Status: "started",
		Due: "2026-04-30", Start: 2, Done: 0, History: []model.Statused{{Period: 2, Status: "started", Goal: "arbeid"}}}
	typ := reflect.TypeFor[model.MeasureLife]()
	for i := range typ.NumField() {
		changed := base
		changed.History = slices.Clone(base.History)
		f := reflect.ValueOf(&changed).Elem().Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString(f.String() + "x")
		case reflect.Int, reflect.Int32, reflect.Int64:
			f.SetInt(f.Int() + 1)
		case reflect.Bool:
			f.SetBool(!f.Bool())
		case reflect.Slice:
			f.Set(reflect.Append(f, reflect.New(f.Type().Elem()).Elem()))
		default:
			t.Fatalf("MeasureLife.%s is a %s: teach this test to change one", typ.Field(i).Name, f.Kind())
		}
		if goals := measuredGoals([]model.MeasureLife{base}, []model.MeasureLife{changed}); len(goals) == 0 {
			t.Errorf("a measure whose %s changed re-renders no goal page", typ.Field(i).Name)
		}
	}
	if goals := measuredGoals([]model.MeasureLife{base}, []model.MeasureLife{base}); goals != nil {
		t.Errorf("an unchanged measure re-renders %q", goals)
	}
}

// rowHead is how a matrix row's head, its office's name, ends, the cell after it
// following.
func rowHead(name string) string { return name + "</a></th>" }
