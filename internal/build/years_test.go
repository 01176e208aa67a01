package build

import (
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
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
		"goals/arbeid/index.html":     "Målverdi: 47,0\u00a0% (fra februar 2026). Gul grense: 42,0\u00a0%.",
	} {
		if !strings.Contains(string(out[page]), want) {
			t.Errorf("%s lacks %s", page, want)
		}
	}
	goal := string(out["goals/arbeid/index.html"])
	if !strings.Contains(goal, "[45,47]") {
		t.Errorf("the goal chart's target line does not step from 45 to 47")
	}
	if !strings.Contains(goal, `<th>Målverdi (%)</th>`) {
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

// TestGoalLives: arbeid ended in January 2026 and ventetid begins in
// February. In February, the month reported, arbeid has no row, status or
// section on a unit's page, and is not missing; its goal page stays,
// saying it ended; scorecard.csv has its January rows and no others, and
// none of ventetid's before February. A row outside a goal's life is an
// error at the row.
func TestGoalLives(t *testing.T) {
	goals := strings.Replace(baseFile(t, "data/goals.toml"), `aggregate = "ratio"
`, `aggregate = "ratio"
until = "2026-01"
`, 1)
	goals = strings.Replace(goals, `owner = "vest"
`, `owner = "vest"
from = "2026-02"
`, 1)
	var results []string
	for _, row := range strings.Split(baseFile(t, "data/results/2026.csv"), "\n") {
		if !strings.HasPrefix(row, "2026-02,") || !strings.Contains(row, ",arbeid,") {
			if !strings.HasPrefix(row, "2026-01,") || !strings.Contains(row, ",ventetid,") {
				results = append(results, row)
			}
		}
	}
	overlay := map[string]string{"data/goals.toml": goals, "data/results/2026.csv": strings.Join(results, "\n")}
	out := buildBase(t, overlay)
	csv := string(out["scorecard.csv"])
	if !strings.Contains(csv, "2026-01;arstad;arbeid;") || strings.Contains(csv, "2026-02;arstad;arbeid;") || strings.Contains(csv, "2026-02;_site;arbeid;") {
		t.Errorf("scorecard.csv should have arbeid's rows for January and none after:\n%s", csv)
	}
	if strings.Contains(csv, "2026-01;arstad;ventetid;") || !strings.Contains(csv, "2026-02;arstad;ventetid;25;") {
		t.Errorf("scorecard.csv should have ventetid's rows from February and none before:\n%s", csv)
	}
	for _, page := range []string{"vest/arstad/index.html", "vest/index.html", "index.html"} {
		if html := string(out[page]); strings.Contains(html, "goal-arbeid") || strings.Contains(html, "Mangler") {
			t.Errorf("%s shows arbeid, or a goal missing, in a month after arbeid ended", page)
		}
	}
	if !strings.Contains(string(out["vest/arstad/index.html"]), `id="goal-ventetid"`) {
		t.Errorf("arstad's page lacks ventetid, which began in February")
	}
	goal := string(out["goals/arbeid/index.html"])
	if !strings.Contains(goal, "Målet ble avsluttet etter januar 2026.") || !strings.Contains(goal, `<th>januar 2026<td>45,0`) {
		t.Errorf("arbeid's page should say it ended and keep its history")
	}

	overlay["data/results/late.csv"] = "period,unit,goal,value,numerator,denominator\n2026-02,arstad,arbeid,,30,100\n2026-01,arstad,ventetid,20,,\n"
	fsys, _ := siteFS(t, "testdata/sites/basic.txtar")
	for name, data := range overlay {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	errs, _ := Build(fsys, defaults, memOutput{})
	for _, want := range []string{
		`data/results/late.csv:2: goal "arbeid" ended in 2026-01, before this row's 2026-02: remove the row, or move the goal's until`,
		`data/results/late.csv:3: goal "ventetid" begins in 2026-02, after this row's 2026-01: remove the row, or move the goal's from`,
	} {
		if errs == nil || !strings.Contains(errs.Error(), want) {
			t.Errorf("errors lack %q:\n%v", want, errs)
		}
	}
}

// lessOften are goals measured once a year, by tertial and six months
// late, with their results: arstad has them all, bergen-nord some,
// tromso none.
var lessOften = map[string]string{
	"data/results/less-often.csv": `period,unit,goal,value,numerator,denominator
2024,arstad,tilfredshet,4.1,,
2025,arstad,tilfredshet,4.6,,
2025-12,bergen-nord,tilfredshet,4.2,,
2025-T1,bergen-nord,tertial,,35,100
2025-T3,arstad,tertial,,50,100
2025T3,bergen-nord,tertial,,30,100
2025-07,arstad,overgang,,50,100
2025-08,arstad,overgang,,40,100
`,
}

// yearlyGoal is a goal measured once a year.
const yearlyGoal = `
[[goal]]
id = "tilfredshet"
title = "Brukertilfredshet"
perspective = "Brukere"
unit = "score"
direction = "higher"
target = 4.5
yellow = 4.0
aggregate = "mean"
frequency = "year"
`

const lessOftenGoals = yearlyGoal + `
  [[goal.schedule]]
  from = "2026-01"
  target = 4.8
  yellow = 4.3

[[goal]]
id = "tertial"
title = "Tertialmål"
perspective = "Brukere"
unit = "percent"
direction = "higher"
target = 45
yellow = 40
aggregate = "ratio"
frequency = "tertial"

[[goal]]
id = "overgang"
title = "Overgang seks måneder etter"
perspective = "Samfunn"
unit = "percent"
direction = "higher"
target = 45
yellow = 40
aggregate = "ratio"
# Followed from January 2025, before its first result: without from it
# would be followed from the site's first monthly result, its July.
from = "2025-01"
lag = 6
`

// TestGoalsMeasuredLessOften: in February 2026 a month's scorecard shows
// the yearly goal's 2025 result, judged against the target of December
// 2025 (4,5, not 2026's 4,8), the tertial goal's T3 2025 and the lagged
// goal's August 2025, each with its period; a unit whose due result has
// not come is missing. scorecard.csv says which period each value is as
// of, and every result counts in the coverage of the month it is due. A
// yearly goal's change is from the year before.
func TestGoalsMeasuredLessOften(t *testing.T) {
	overlay := map[string]string{"data/goals.toml": baseFile(t, "data/goals.toml") + lessOftenGoals}
	for name, data := range lessOften {
		overlay[name] = data
	}
	out := buildBase(t, overlay)
	chartAxesAgree(t, out)
	csv := string(out["scorecard.csv"])
	for _, row := range []string{
		"2026-02;arstad;tilfredshet;4,6;4,5;4,0;green;;;;;;2025\r\n",
		"2025-11;arstad;tilfredshet;4,1;4,5;4,0;yellow;;;;;;2024\r\n",
		// In the month its period ends, as_of is the period too.
		"2025-12;arstad;tilfredshet;4,6;4,5;4,0;green;;;;;;2025\r\n",
		"2025-12;arstad;tertial;50,0;45,0;40,0;green;;;;50;100;2025-T3\r\n",
		"2026-02;tromso;tilfredshet;;4,5;4,0;missing;;;;;;2025\r\n",
		"2026-02;vest;tilfredshet;4,4;4,5;4,0;yellow;2;2;;;;2025\r\n",
		"2026-02;arstad;tertial;50,0;45,0;40,0;green;;;;50;100;2025-T3\r\n",
		"2026-02;vest;tertial;40,0;45,0;40,0;yellow;2;2;;80;200;2025-T3\r\n",
		"2026-01;arstad;overgang;50,0;45,0;40,0;green;;;;50;100;2025-07\r\n",
		"2026-02;arstad;overgang;40,0;45,0;40,0;yellow;;;;40;100;2025-08\r\n",
		"2026-02;arstad;arbeid;30,0;45,0;40,0;red;;;;30;100;2026-02\r\n",
	} {
		if !strings.Contains(csv, row) {
			t.Errorf("scorecard.csv lacks %q", row)
		}
	}
	arstad := string(out["vest/arstad/index.html"])
	for _, want := range []string{
		`<span class="result">4,6</span><span class="target as-of">2025</span>`,
		`<span class="result">50,0` + "\u00a0" + `%</span><span class="target as-of">3. tertial 2025</span>`,
		`<span class="result">40,0` + "\u00a0" + `%</span><span class="target as-of">august 2025</span>`,
		"0,5 bedre enn 2024", "Endring fra 2024: ", "10,0 prosentpoeng dårligere enn juli 2025",
	} {
		if !strings.Contains(arstad, want) {
			t.Errorf("arstad's page lacks %q", want)
		}
	}
	// Beside each result, the year it belongs to: 2025 for the tertial
	// goal, whose latest is 2025's third tertial, counted in tertials, and
	// for the goal lagged six months, whose 2025 is not over; for the
	// yearly goal, whose year is its result, the year before, 2024, which
	// is before the site's first month.
	card := section(t, arstad, "card-h")
	for goal, want := range map[string]string{
		"Tertialmål":                  "Året 2025: – (ufullstendig, 1 av 3 tertialer)",
		"Overgang seks måneder etter": "Hittil i 2025: – (ufullstendig, 2 av 8 måneder, januar–august 2025)",
		"Brukertilfredshet":           "",
	} {
		row := scorecardRow(card, goal)
		if want == "" && strings.Contains(row, `class="target ytd"`) || want != "" && !strings.Contains(row, `<span class="target ytd">`+want+`</span>`) {
			t.Errorf("arstad's %s beside February 2026, want %q:\n%s", goal, want, row)
		}
	}
	// A yearly or tertial goal's trend table has a row per period, named
	// as the period, not a row per month with nothing in most.
	for id, want := range map[string]string{
		// Its target of 2026 is of no period shown: 4,5 in both, said once.
		"tilfredshet": "(Målverdi 4,5)</caption>\n<thead><tr><th>År</th><th>NAV Årstad</th><th>NAV Vest</th></tr></thead>\n<tbody>\n<tr><th>2025<td>4,6<td>4,4\n<tr><th>2024<td>4,1<td>",
		"tertial":     "<thead><tr><th>Tertial</th><th>NAV Årstad (%)</th><th>NAV Vest (%)</th></tr></thead>\n<tbody>\n<tr><th>3. tertial 2025<td>50,0<td>40,0\n<tr><th>2. tertial 2025<td>",
	} {
		if sec := arstad[strings.Index(arstad, `id="goal-`+id+`"`):]; !strings.Contains(sec[:strings.Index(sec, "</section>")], want) {
			t.Errorf("arstad's trend table of %s lacks %q", id, want)
		}
	}
	// Its chart has a point per period, on an axis of the periods, named
	// as its table names them: its lone points among months would be too
	// small to see on a phone.
	for _, axis := range []string{`"data":["2024","2025"]`, `"data":["1. tertial 2025","2. tertial 2025","3. tertial 2025"]`} {
		if !strings.Contains(arstad, axis) {
			t.Errorf("arstad's page lacks a chart axis %s", axis)
		}
	}
	if vest := section(t, string(out["vest/index.html"]), "card-h"); !strings.Contains(vest, "Året 2025: – (ufullstendig, 3 av 6 kontortertialer)") {
		t.Errorf("vest's tertial goal's 2025 is not counted in office-tertials:\n%s", vest)
	}
	// A section's result says its period too; a yearly goal's section
	// has no "same month last year", its change being from the year
	// before; a lagged goal's months not yet due say so in its trend
	// table; the county's table of offices is of the period shown.
	yearly := arstad[strings.Index(arstad, `id="goal-tilfredshet"`):]
	yearly = yearly[:strings.Index(yearly, "</section>")]
	if !strings.Contains(yearly, `<span class="result">4,6 · 2025</span>`) || strings.Contains(yearly, "Samme måned i fjor") {
		t.Errorf("arstad's section of the yearly goal:\n%s", yearly[:min(len(yearly), 1500)])
	}
	if !strings.Contains(arstad, "<tr><th>januar 2026<td>– (kommer senere)") {
		t.Error("arstad's trend table does not say the lagged goal's January is still to come")
	}
	if !strings.Contains(string(out["vest/index.html"]), "<caption>Brukertilfredshet: Kontorer, 2025</caption>") {
		t.Error("vest's table of offices for the yearly goal is not captioned with 2025")
	}
	// The goal page ranks the offices' 2025 results against 2025's target,
	// and says they are 2025's.
	goal := string(out["goals/tilfredshet/index.html"])
	if !strings.Contains(goal, "Målverdi: 4,5. Gul grense: 4,0.") || !strings.Contains(goal, `4,6<span class="target">Målverdi 4,5 <span class="source">(felles)</span>`) {
		t.Errorf("tilfredshet's page should give the target of December 2025, 4,5, not 2026's 4,8")
	}
	if strings.Contains(goal, "merkes som et signal") {
		t.Error("tilfredshet's page explains signals from month to month, which a yearly goal has none of")
	}
	if !strings.Contains(goal, "<caption>Brukertilfredshet, 2025</caption>") {
		t.Errorf("tilfredshet's ranking does not say its results are 2025's:\n%s", section(t, goal, "rank-h"))
	}
	overlay["data/results/tromso.csv"] = "period,unit,goal,value,numerator,denominator\n2025-T3,tromso,tertial,,45,100\n"
	head := string(buildBase(t, overlay)["goals/tertial/index.html"])
	if head = head[strings.Index(head, "<h1>"):]; !strings.Contains(head, `<span class="result">41,7`+"\u00a0"+`%</span> · 3. tertial 2025 <span class="muted">`) {
		t.Errorf("the tertial goal's page does not say its whole site's result is T3 2025's:\n%s", head[:600])
	}
	tromso := string(out["nord/tromso/index.html"])
	needs := tromso[strings.Index(tromso, `id="needs-h"`):]
	needs = needs[:strings.Index(needs, "</section>")]
	if !strings.Contains(needs, "Brukertilfredshet") || !strings.Contains(needs, "Overgang seks måneder etter") {
		t.Errorf("tromso's due results that have not come are not missing in needs attention:\n%s", needs)
	}
	if !strings.Contains(string(out["index.html"]), "februar 2026") {
		t.Errorf("the reported month is no longer February 2026")
	}

	overlay["data/results/wrong.csv"] = "period,unit,goal,value,numerator,denominator\n2024-06,arstad,tilfredshet,4,,\n2026-05,arstad,tertial,,1,2\n2026-T4,arstad,tertial,,1,2\n2025,arstad,overgang,,1,2\n"
	fsys, _ := siteFS(t, "testdata/sites/basic.txtar")
	for name, data := range overlay {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	errs, _ := Build(fsys, defaults, memOutput{})
	for _, want := range []string{
		`data/results/wrong.csv:2:1: period "2024-06" is not a year: goal "tilfredshet" is measured once a year: write the year alone, as 2024`,
		`data/results/wrong.csv:3:1: period "2026-05" is not a tertial: goal "tertial" is measured by tertial: write YYYY-T1, YYYY-T2 or YYYY-T3 (T1 is January to April)`,
		`data/results/wrong.csv:4:1: period "2026-T4" is not a tertial`,
		`data/results/wrong.csv:5:1: period "2025" is not a month`,
	} {
		if errs == nil || !strings.Contains(errs.Error(), want) {
			t.Errorf("errors lack %q:\n%v", want, errs)
		}
	}
}

// year2025 are results of every month of 2025 for the base site's goals
// arbeid and kontakter at its three offices, and its goals with arbeid
// lagged lag months.
func year2025(t *testing.T, lag int) (results, goals string) {
	t.Helper()
	var b strings.Builder
	b.WriteString("period,unit,goal,value,numerator,denominator\n")
	for m := 1; m <= 12; m++ {
		for _, office := range []string{"bergen-nord", "arstad", "tromso"} {
			fmt.Fprintf(&b, "2025-%02d,%s,arbeid,,45,100\n2025-%02d,%s,kontakter,10,,\n", m, office, m, office)
		}
	}
	lagged := fmt.Sprintf("aggregate = \"ratio\"\nlag = %d\n", lag)
	return b.String(), strings.Replace(baseFile(t, "data/goals.toml"), "aggregate = \"ratio\"\n", lagged, 1)
}

// scorecardRow is the row of a scorecard, card, whose goal is titled goal.
func scorecardRow(card, goal string) string {
	row := card[strings.Index(card, ">"+goal+"<"):]
	return row[:strings.Index(row, "</tr>")]
}

// TestLaggedGoalsYearIsNotOverInDecember: built for December 2025, a
// goal lagged a month has November's result as its latest, so its figure
// over 2025 is the year so far ("Hittil i 2025", naming its months), not
// the year ("Året 2025"), which a goal without a lag has.
func TestLaggedGoalsYearIsNotOverInDecember(t *testing.T) {
	results, goals := year2025(t, 1)
	out := buildBase(t, map[string]string{"data/results/2026.csv": results, "data/goals.toml": goals})
	card := section(t, string(out["vest/arstad/index.html"]), "card-h")
	arbeid, kontakter := scorecardRow(card, "Overgang til arbeid"), scorecardRow(card, "Kontakter med arbeidsgivere")
	if !strings.Contains(arbeid, "Hittil i 2025:") || !strings.Contains(arbeid, "januar–november 2025") || strings.Contains(arbeid, "Året 2025:") {
		t.Errorf("the lagged goal's 2025 in December, so far January to November:\n%s", arbeid)
	}
	if !strings.Contains(kontakter, "Året 2025:") {
		t.Errorf("the monthly goal's 2025 in December:\n%s", kontakter)
	}
	// periods.csv gives it 11 months of 2025, and the report of T3 says
	// its tertial is so far 3 of 4 months.
	if csv := string(out["periods.csv"]); !strings.Contains(csv, "\n2025;arstad;arbeid;45,0;495;1100;45,0;40,0;green;11;11;11;\r") ||
		!strings.Contains(csv, "\n2025;arstad;kontakter;120;;;120;96;green;12;12;12;\r") {
		t.Errorf("periods.csv's 2025 of arstad:\n%s", csv[:min(len(csv), 400)])
	}
	if matrix := section(t, string(out["vest/index.html"]), "ytd-matrix-h"); !strings.Contains(matrix, "Alle kontorer og mål for året") || !strings.Contains(matrix, "ikke er nådd i året") {
		t.Errorf("vest's matrix of the year in December:\n%s", matrix[:min(len(matrix), 800)])
	}
	if report := string(out["vest/arstad/2025-T3.html"]); !strings.Contains(report, "så langt 3 av 4 måneder") {
		t.Error("arstad's T3 2025 report does not say the lagged goal's tertial is so far 3 of 4 months")
	}
}

// TestLastYearBesideJanuary: built for January 2026, when the year to
// date would be January again, a unit's scorecard gives each goal's 2025
// beside the month ("Året 2025"; "Hittil i 2025" for a goal lagged two months,
// whose December is not due), and a county's page its offices against
// its goals over 2025.
func TestLastYearBesideJanuary(t *testing.T) {
	results, goals := year2025(t, 2)
	out := buildBase(t, map[string]string{
		"data/results/2025.csv": results,
		"data/goals.toml":       goals,
		"site.toml":             baseFile(t, "site.toml") + "period = \"2026-01\"\n",
	})
	card := section(t, string(out["vest/arstad/index.html"]), "card-h")
	if arbeid := scorecardRow(card, "Overgang til arbeid"); !strings.Contains(arbeid, "Hittil i 2025: 45,0 % (nådd, januar–november 2025)") {
		t.Errorf("the goal lagged two months in January 2026:\n%s", arbeid)
	}
	if kontakter := scorecardRow(card, "Kontakter med arbeidsgivere"); !strings.Contains(kontakter, "Året 2025: 120 (nådd, målverdi\u00a0120)") {
		t.Errorf("the monthly goal in January 2026:\n%s", kontakter)
	}
	if strings.Contains(card, "Hittil i 2026") {
		t.Errorf("the scorecard in January gives the year to date, January again:\n%s", card)
	}
	matrix := section(t, string(out["vest/index.html"]), "ytd-matrix-h")
	if !strings.Contains(matrix, ">Alle kontorer og mål for 2025</h2>") || !strings.Contains(matrix, "NAV Vest, januar–desember 2025") {
		t.Errorf("vest's matrix in January 2026:\n%s", matrix[:min(len(matrix), 800)])
	}
}

// TestPrintedChartsOfGoalsMeasuredLessOften: a yearly and a lagged goal
// in need of attention are drawn for paper too, up to the period the
// scorecard shows, a point for each of its periods: they had no result
// in the reported month, and were left out without a word.
func TestPrintedChartsOfGoalsMeasuredLessOften(t *testing.T) {
	overlay := map[string]string{"data/goals.toml": baseFile(t, "data/goals.toml") + lessOftenGoals}
	for name, data := range lessOften {
		data = strings.Replace(data, "2025,arstad,tilfredshet,4.6,,", "2025,arstad,tilfredshet,3.0,,", 1)
		data = strings.Replace(data, "2025-T3,arstad,tertial,,50,100", "2025-T3,arstad,tertial,,20,100", 1)
		overlay[name] = strings.Replace(data, "2025-08,arstad,overgang,,40,100", "2025-08,arstad,overgang,,20,100", 1)
	}
	page := string(buildBase(t, overlay)["vest/arstad/index.html"])
	charts := map[string]string{}
	for _, fig := range strings.Split(page, "<figure><figcaption>")[1:] {
		title, rest, _ := strings.Cut(fig, "</figcaption>")
		if chart, _, ok := strings.Cut(rest, "</svg>"); ok && strings.HasPrefix(chart, `<svg class="print-chart"`) {
			charts[title] = chart
		}
	}
	for title, labels := range map[string][]string{
		"Brukertilfredshet":           {`text-anchor="start">2024</text>`, `text-anchor="end">2025</text>`},
		"Overgang seks måneder etter": {`text-anchor="end">aug. 25</text>`},
		// A tertial named as the tables name it, not as in the CSV files.
		"Tertialmål": {`text-anchor="end">3. tertial 2025</text>`},
	} {
		chart, ok := charts[title]
		if !ok {
			t.Errorf("arstad's printed charts %v lack %s", slices.Collect(maps.Keys(charts)), title)
			continue
		}
		for _, l := range labels {
			if !strings.Contains(chart, l) {
				t.Errorf("the printed chart of %s lacks %s:\n%s", title, l, chart)
			}
		}
	}
}

// TestNoResultsDespiteAYearlyOne: Bergen nord has no February results of
// its monthly goals; its yearly goal's 2025 is on February's scorecard,
// but is no result for February, and the page says it has none.
func TestNoResultsDespiteAYearlyOne(t *testing.T) {
	overlay := map[string]string{"data/goals.toml": baseFile(t, "data/goals.toml") + lessOftenGoals}
	for name, data := range lessOften {
		overlay[name] = data
	}
	var kept []string
	for _, line := range strings.Split(baseFile(t, "data/results/2026.csv"), "\n") {
		if !strings.HasPrefix(line, "2026-02,bergen-nord,") {
			kept = append(kept, line)
		}
	}
	overlay["data/results/2026.csv"] = strings.Join(kept, "\n")
	overlay["site.toml"] = "title = \"Testside\"\nlanguage = \"nb\"\nperiod = \"2026-02\"\n"
	out := buildBase(t, overlay)
	if page := string(out["vest/bergen-nord/index.html"]); !strings.Contains(page, "NAV Bergen nord har ingen resultater for februar 2026.") {
		t.Error("Bergen nord's page does not say it has no results for February, which only its yearly goal's 2025 fills")
	}
	if page := string(out["vest/arstad/index.html"]); strings.Contains(page, "har ingen resultater for") {
		t.Error("Årstad's page says it has no results for February")
	}
}

// TestTertialReportSaysWhichGoalsAreNotInIt: built for February 2026,
// T1 2026 has no row for the yearly goal, nor for the lagged and the
// tertial goal, whose results for it have not come; the report says so
// rather than leaving them out without a word.
func TestTertialReportSaysWhichGoalsAreNotInIt(t *testing.T) {
	overlay := map[string]string{"data/goals.toml": baseFile(t, "data/goals.toml") + lessOftenGoals}
	for name, data := range lessOften {
		overlay[name] = data
	}
	report := string(buildBase(t, overlay)["vest/arstad/2026-T1.html"])
	for _, want := range []string{
		`<p class="note">Måles for året, ikke for tertialet: Brukertilfredshet.</p>`,
		`<p class="note">Kommer senere: Overgang seks måneder etter, Tertialmål. Resultatene deres kommer etter månedene de gjelder.</p>`,
	} {
		if !strings.Contains(report, want) {
			t.Errorf("arstad's T1 2026 report lacks %s", want)
		}
	}
}

// TestDelayedGoalsWords: a lagged goal's page gives the target of the
// month it shows and the one its newer results have (a tertial goal's
// its tertial's), and a lagged, yearly
// or tertial goal's page says so, and which period February's scorecard
// shows; a tertial goal's
// section compares with the same tertial last year, and a lagged goal's
// with the same month, each named (in February, "Samme tertial i fjor"
// would read as the first, "Samme måned i fjor" as February); the
// county's chart
// of offices names the period shown; only a lagged goal's months still
// to come say so in a trend table, not a yearly or tertial goal's months
// that end no period.
func TestDelayedGoalsWords(t *testing.T) {
	goals := strings.Replace(lessOftenGoals, "lag = 6\n", "lag = 6\n\n  [[goal.schedule]]\n  from = \"2026-01\"\n  target = 50\n  yellow = 45\n", 1)
	goals = strings.Replace(goals, "frequency = \"tertial\"\n", "frequency = \"tertial\"\n\n  [[goal.schedule]]\n  from = \"2026-01\"\n  target = 47\n  yellow = 42\n", 1)
	// Followed from 2024, so that its August 2025 has a month a year before.
	goals = strings.Replace(goals, "from = \"2025-01\"\nlag = 6", "from = \"2024-01\"\nlag = 6", 1)
	// The yearly goal's 2025 is due in February 2026, and its months
	// that end no year are never due.
	goals = strings.Replace(goals, "frequency = \"year\"\n", "frequency = \"year\"\nlag = 2\n", 1)
	overlay := map[string]string{"data/goals.toml": baseFile(t, "data/goals.toml") + goals}
	for name, data := range lessOften {
		overlay[name] = data + "2024-T3,arstad,tertial,,40,100\n2024-08,arstad,overgang,,35,100\n"
	}
	out := buildBase(t, overlay)
	if page := string(out["goals/overgang/index.html"]); !strings.Contains(page, "Målverdi: 45,0\u00a0%. Gul grense: 40,0\u00a0%.") ||
		!strings.Contains(page, "Resultatene fra januar 2026 har målverdi 50,0\u00a0% og gul grense 45,0\u00a0%.") {
		t.Error("the lagged goal's page does not give August 2025's target and then January 2026's")
	}
	if page := string(out["goals/tertial/index.html"]); !strings.Contains(page, "Målverdi: 45,0\u00a0%. Gul grense: 40,0\u00a0%.") ||
		!strings.Contains(page, "Resultatene fra 1. tertial 2026 har målverdi 47,0\u00a0% og gul grense 42,0\u00a0%.") {
		t.Error("the tertial goal's page does not give 3. tertial 2025's target and then 1. tertial 2026's")
	}
	for goal, want := range map[string]string{
		"overgang":    "<li>Resultatene kommer etter perioden de gjelder: målekortet for februar 2026 viser august 2025.</li>",
		"tilfredshet": "<li>Målet måles én gang i året.</li>",
		"tertial":     "<li>Resultatene kommer etter perioden de gjelder: målekortet for februar 2026 viser 3. tertial 2025.</li>",
		"arbeid":      "",
	} {
		page := string(out["goals/"+goal+"/index.html"])
		if want == "" && strings.Contains(page, "Resultatene kommer etter perioden") || want != "" && !strings.Contains(page, want) {
			t.Errorf("%s's page, facts:\n%s\nwant %q", goal, section(t, page, "def-h"), want)
		}
	}
	arstad := string(out["vest/arstad/index.html"])
	tertial := arstad[strings.Index(arstad, `id="goal-tertial"`):]
	if tertial = tertial[:strings.Index(tertial, "</section>")]; !strings.Contains(tertial, "3. tertial 2024: 40,0") {
		t.Errorf("arstad's section of the tertial goal does not compare with T3 2024:\n%s", tertial[:min(len(tertial), 1500)])
	}
	sectionOf := func(id string) string {
		sec := arstad[strings.Index(arstad, `id="goal-`+id+`"`):]
		return sec[:strings.Index(sec, "</section>")]
	}
	if !strings.Contains(sectionOf("overgang"), "august 2024: 35,0") {
		t.Errorf("arstad's section of the lagged goal does not compare with August 2024:\n%s", sectionOf("overgang"))
	}
	if strings.Contains(sectionOf("tertial"), "kommer senere") || strings.Contains(sectionOf("tilfredshet"), "kommer senere") || !strings.Contains(sectionOf("overgang"), "kommer senere") {
		t.Error("only the lagged goal's months should say their result is still to come, not a tertial or yearly goal's months that end no period")
	}
	if !strings.Contains(string(out["vest/index.html"]), "og kontorene for august 2025") {
		t.Error("vest's chart of offices for the lagged goal does not name August 2025")
	}
}

// TestYearlyGoalFollowedFromItsResults: the monthly results begin in
// January 2024, the yearly goal's with 2025: it is followed from 2025, so
// that 2024 is not missing for every unit, in scorecard.csv (the months
// of 2025 before December showing 2024), periods.csv or its chart; and a
// unit without 2025's result is missing, as before.
func TestYearlyGoalFollowedFromItsResults(t *testing.T) {
	out := buildBase(t, map[string]string{
		"data/goals.toml":         baseFile(t, "data/goals.toml") + yearlyGoal,
		"data/results/2024.csv":   "period,unit,goal,value,numerator,denominator\n2024-01,arstad,arbeid,,30,100\n",
		"data/results/yearly.csv": "period,unit,goal,value\n2025,arstad,tilfredshet,4.6\n2025,bergen-nord,tilfredshet,4.2\n",
	})
	chartAxesAgree(t, out)
	for _, file := range []string{"scorecard.csv", "periods.csv"} {
		for _, row := range strings.Split(string(out[file]), "\r\n") {
			if f := strings.Split(row, ";"); len(f) > 2 && f[2] == "tilfredshet" && (strings.HasPrefix(row, "2024") || strings.HasSuffix(row, ";2024")) {
				t.Errorf("%s has a row of the yearly goal for 2024, before its results begin: %s", file, row)
			}
		}
	}
	for _, row := range []string{"2026-02;arstad;tilfredshet;4,6;4,5;4,0;green;;;;;;2025\r\n", "2026-02;tromso;tilfredshet;;4,5;4,0;missing;;;;;;2025\r\n"} {
		if !strings.Contains(string(out["scorecard.csv"]), row) {
			t.Errorf("scorecard.csv lacks %q", row)
		}
	}
	if !strings.Contains(string(out["vest/arstad/index.html"]), `"data":["2025"]`) {
		t.Error("arstad's chart of the yearly goal lacks an axis of 2025 alone")
	}
}

// TestYearlyGoalWithoutResults: a yearly goal added before its first
// result is followed from where the site's results begin, January 2026,
// so 2025 is not missing for every unit; with its first result of 2026,
// its history will not change.
func TestYearlyGoalWithoutResults(t *testing.T) {
	out := buildBase(t, map[string]string{"data/goals.toml": baseFile(t, "data/goals.toml") + yearlyGoal})
	if strings.Contains(string(out["scorecard.csv"]), ";tilfredshet;") {
		t.Error("scorecard.csv has rows of a yearly goal without results, missing 2025")
	}
}

// TestMonthlyGoalsFollowedFromTheirResults: a yearly goal's results of
// two years before the monthly results begin make the site's months
// begin in December 2024, but the monthly goals are followed from their
// results, due from December 2025 (a goal lagged two months from
// October): every row of theirs in scorecard.csv and periods.csv is as
// without the yearly goal, none missing before then, none over a tertial
// or year that began before then, and no tertial has a report that no
// goal has a figure of.
func TestMonthlyGoalsFollowedFromTheirResults(t *testing.T) {
	// A goal lagged two months, whose results of October are due in
	// December.
	lagged := `
[[goal]]
id = "sen"
title = "Sen"
perspective = "Brukere"
unit = "count"
direction = "higher"
target = 10
yellow = 8
aggregate = "sum"
lag = 2
`
	// The monthly results are due from December 2025, within a tertial
	// and a year the site does not publish without the yearly goal.
	december := "period,unit,goal,value,numerator,denominator\n2025-12,arstad,arbeid,,40,100\n2025-12,tromso,arbeid,,9,20\n2025-10,arstad,sen,12,,\n"
	without := buildBase(t, map[string]string{"data/results/2025.csv": december, "data/goals.toml": baseFile(t, "data/goals.toml") + lagged})
	with := buildBase(t, map[string]string{
		"data/results/2025.csv":   december,
		"data/goals.toml":         baseFile(t, "data/goals.toml") + lagged + yearlyGoal,
		"data/results/yearly.csv": "period,unit,goal,value\n2024,arstad,tilfredshet,4.1\n2025,arstad,tilfredshet,4.6\n2024,bergen-nord,tilfredshet,4.4\n2025,bergen-nord,tilfredshet,4.2\n2024,tromso,tilfredshet,4.9\n2025,tromso,tilfredshet,4.7\n",
	})
	chartAxesAgree(t, with)
	monthly := func(csv []byte) []string {
		var rows []string
		for _, row := range strings.Split(string(csv), "\r\n") {
			if f := strings.Split(row, ";"); len(f) > 2 && f[2] != "tilfredshet" {
				rows = append(rows, row)
			}
		}
		return rows
	}
	for _, file := range []string{"scorecard.csv", "periods.csv"} {
		if got, want := monthly(with[file]), monthly(without[file]); !slices.Equal(got, want) {
			t.Errorf("%s's rows of monthly goals with the yearly goal's older results:\n%s\nwant, as without them:\n%s", file, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	for _, row := range []string{"2025-01;arstad;tilfredshet;4,1;4,5;4,0;yellow;;;;;;2024\r\n", "2025;arstad;tilfredshet;4,6;", "2025-12;arstad;sen;12,0;10,0;8,0;green;;;;;;2025-10\r\n"} {
		if !strings.Contains(string(with["scorecard.csv"])+string(with["periods.csv"]), row) {
			t.Errorf("the yearly and lagged goals' rows lack %q", row)
		}
	}
	// Followed from where their results are due, not from the lagged
	// goal's October.
	if csv := string(with["scorecard.csv"]); strings.Contains(csv, "2025-10;arstad;arbeid;") || strings.Contains(csv, "2025-11;vest;kontakter;") {
		t.Errorf("scorecard.csv has monthly goals' rows before their results are due, from the lagged goal's October")
	}
	// No tertial report where no goal has a tertial's figure: the yearly
	// goal's 2025 tertials, with the monthly goals followed from December.
	reports := func(out memOutput) (names []string) {
		for name := range out {
			if strings.Contains(name, "-T") && strings.HasSuffix(name, ".html") {
				names = append(names, name)
			}
		}
		slices.Sort(names)
		return names
	}
	if got, want := reports(with), reports(without); !slices.Equal(got, want) {
		t.Errorf("tertial reports with the yearly goal's older results %v, want those without them, %v", got, want)
	}
	// The monthly goals' charts and trend tables begin in December 2025,
	// with no months before it that would read as missing.
	arstad := string(with["vest/arstad/index.html"])
	arbeid := arstad[strings.Index(arstad, `id="goal-arbeid"`):]
	arbeid = arbeid[:strings.Index(arbeid, "</section>")]
	if !strings.Contains(arbeid, "<tr><th>desember 2025<td>40,0") || strings.Contains(arbeid, "november 2025") || strings.Contains(arbeid, "2024") {
		t.Errorf("arstad's trend table of arbeid does not begin in December 2025:\n%s", arbeid)
	}
	if layout := string(with["vest/arstad/index.html"]); !strings.Contains(layout, `"data":["des. 25","jan. 26","feb. 26"]`) {
		t.Errorf("arstad's charts lack a month axis from December 2025")
	}
	// Reporting November 2025, a monthly goal's page says when it is
	// followed from.
	november := buildBase(t, map[string]string{
		"site.toml":               baseFile(t, "site.toml") + "period = \"2025-11\"\n",
		"data/results/2025.csv":   december,
		"data/goals.toml":         baseFile(t, "data/goals.toml") + lagged + yearlyGoal,
		"data/results/yearly.csv": "period,unit,goal,value\n2024,arstad,tilfredshet,4.1\n",
	})
	if page := string(november["goals/kontakter/index.html"]); !strings.Contains(page, "Målet gjelder fra desember 2025.") {
		t.Errorf("kontakter's page, reporting November 2025, does not say it is followed from December 2025")
	}
}

// TestYearlyGoalWithNoYearYet: a yearly goal begun this year has no
// period in the site's months to chart; its pages are built all the same,
// with no month of it in the chart or its table.
func TestYearlyGoalWithNoYearYet(t *testing.T) {
	out := buildBase(t, map[string]string{"data/goals.toml": baseFile(t, "data/goals.toml") + yearlyGoal + "from = \"2026-01\"\n"})
	chartAxesAgree(t, out)
	page := string(out["goals/tilfredshet/index.html"])
	if page == "" || !strings.Contains(page, `"xAxis":[{"type":"category","data":[]}]`) || strings.Contains(page, "<tr><th>2026") || strings.Contains(page, "<tr><th>januar") {
		t.Errorf("the yearly goal's page, with no year of it in the site's months, has months in its chart or table:\n%s", page)
	}
}

// chartAxesAgree fails t unless every chart on every page of out has as
// many values in each line as its layout has months on its axis, and
// each mark in a month on it: a line longer or shorter than its axis
// draws its values against the wrong months.
func chartAxesAgree(t *testing.T, out memOutput) {
	t.Helper()
	script := regexp.MustCompile(`<script type="application/json" id="([^"]+)">(.*?)</script>`)
	for name, data := range out {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		months, lines := map[string]int{}, map[string]int{}
		type chartJSON struct {
			Layout string             `json:"layout"`
			Data   []json.RawMessage  `json:"data"`
			Marks  []struct{ At int } `json:"marks"`
			XAxis  []struct {
				Type string   `json:"type"`
				Data []string `json:"data"`
			} `json:"xAxis"`
			Series []struct {
				Type string `json:"type"`
			} `json:"series"`
		}
		var charts []chartJSON
		for _, m := range script.FindAllSubmatch(data, -1) {
			var c chartJSON
			if json.Unmarshal(m[2], &c) != nil {
				continue
			}
			if len(c.XAxis) > 0 && c.XAxis[0].Type == "category" {
				months[string(m[1])] = len(c.XAxis[0].Data)
				// The lines come first, a county chart's bars after them.
				for _, series := range c.Series {
					if series.Type == "line" {
						lines[string(m[1])]++
					}
				}
			}
			if c.Layout != "" {
				charts = append(charts, c)
			}
		}
		for _, c := range charts {
			n, ok := months[c.Layout]
			if !ok {
				continue // a funnel's, whose axis is of sizes
			}
			for i, line := range c.Data[:min(len(c.Data), lines[c.Layout])] {
				var values []any
				if json.Unmarshal(line, &values) == nil && len(values) != n {
					t.Errorf("%s: a chart's line %d has %d values on an axis of %d months", name, i, len(values), n)
				}
			}
			for _, m := range c.Marks {
				if m.At < 0 || m.At >= n {
					t.Errorf("%s: a chart's mark at %d, off an axis of %d months", name, m.At, n)
				}
			}
		}
	}
}

// TestAnEndedGoalsPage: a goal that ended in January keeps its page in
// February, with its months up to January and none after, which would
// read as months its results are missing, and its empty ranking says
// that no office has it for February; an office's changes say it left
// the scorecard.
func TestAnEndedGoalsPage(t *testing.T) {
	out := buildBase(t, map[string]string{
		"data/goals.toml":                     baseFile(t, "data/goals.toml") + countGoalTOML("gammel", "Gammelt mål", `until = "2026-01"`),
		"data/results/gammel.csv":             "period,unit,goal,value\n2026-01,arstad,gammel,12\n2026-01,bergen-nord,gammel,2\n2026-01,tromso,gammel,7\n",
		"content/vest/bergen-nord/2026-01.md": "Januar.\n",
	})
	page := string(out["goals/gammel/index.html"])
	if trend := section(t, page, "trend-h"); !strings.Contains(trend, "<th>januar 2026<") || strings.Contains(trend, "<th>februar 2026<") {
		t.Errorf("the ended goal's trend table should end in January 2026:\n%s", section(t, page, "trend-h"))
	}
	if ranked := section(t, page, "rank-h"); !strings.Contains(ranked, "Ingen kontorer har målet på målekortet for februar 2026.") || strings.Contains(ranked, "<table") {
		t.Errorf("the ended goal's ranking:\n%s", ranked)
	}
	if changes := section(t, string(out["vest/arstad/index.html"]), "changes-h"); !strings.Contains(changes, `<h3>Endringer på målekortet</h3>`) ||
		!strings.Contains(changes, `<a href="../../goals/gammel/index.html">Gammelt mål</a> <span class="muted">ikke lenger på målekortet</span>`) {
		t.Errorf("Årstad's changes do not say the goal left its scorecard:\n%s", changes)
	}
	// January's commentary of Bergen nord, whose goal was red then, links
	// the goal in what needed attention to its page: Bergen nord's page
	// has no section for it now.
	if page := string(out["vest/bergen-nord/commentary.html"]); !strings.Contains(page, `<a href="../../goals/gammel/index.html">Gammelt mål</a>`) || strings.Contains(page, "#goal-gammel") {
		t.Errorf("Bergen nord's commentary of January links the ended goal:\n%s", page)
	}
	// The front page says it of the whole site, linking goals to their
	// pages, since it has no sections of its own for them.
	if whole := section(t, string(out["index.html"]), "whole-h"); !strings.Contains(whole, `<a href="goals/gammel/index.html">Gammelt mål</a> <span class="muted">ikke lenger på målekortet</span>`) ||
		strings.Contains(whole, `href="#`) {
		t.Errorf("the front page's changes:\n%s", whole)
	}
}

// TestAMeasureOfAnEndedGoal: what followed a measure of a goal that ended
// in January is what January's scorecard showed, and every list of it
// says so, not "–" under "Nå".
func TestAMeasureOfAnEndedGoal(t *testing.T) {
	out := buildBase(t, map[string]string{
		"data/goals.toml":                baseFile(t, "data/goals.toml") + countGoalTOML("gammel", "Gammelt mål", `until = "2026-01"`),
		"data/results/gammel.csv":        "period,unit,goal,value\n2025-11,arstad,gammel,6\n2025-12,arstad,gammel,8\n2026-01,arstad,gammel,12\n",
		"content/vest/arstad/2025-11.md": "+++\n[[measure]]\ngoal = \"gammel\"\ntext = \"Ringe flere\"\nstatus = \"started\"\n+++\nVi ringer.\n",
	})
	if peers := section(t, string(out["goals/gammel/index.html"]), "measures-h"); !strings.Contains(peers, `<td class="num">6,0</td><td class="num">12,0 (januar 2026)</td>`) {
		t.Errorf("the ended goal's measures:\n%s", peers)
	}
	if own := section(t, string(out["vest/arstad/index.html"]), "measures-h"); !strings.Contains(own, "6,0 ved start, 12,0 i januar 2026, da målet ble avsluttet: ") {
		t.Errorf("Årstad's measures:\n%s", own)
	}
	if want := ";6,0;12,0;few;2025-11;2026-01\r\n"; !strings.Contains(string(out["vest/arstad/measures.csv"]), want) {
		t.Errorf("Årstad's measures.csv lacks %q:\n%s", want, out["vest/arstad/measures.csv"])
	}
}

// TestLastYearsFigureNamesItsTarget: in January 2026 a row gives the year
// 2025 beside the month, judged by 2025's target; where the target
// changed with the new year, the year's status names the target it was
// judged by, not leaving the new one beside it to be read as its; where
// it did not, or a ratio's year is judged by its last month's, the row's,
// it needs no word.
func TestLastYearsFigureNamesItsTarget(t *testing.T) {
	results, goals := year2025(t, 0)
	results += "2026-01,arstad,arbeid,,48,100\n2026-01,arstad,kontakter,10,,\n2026-01,bergen-nord,arbeid,,48,100\n2026-01,tromso,arbeid,,48,100\n2026-01,bergen-nord,kontakter,10,,\n2026-01,tromso,kontakter,10,,\n"
	goals = strings.Replace(goals, "  [[goal.override]]\n", "  [[goal.schedule]]\n  from = \"2026-01\"\n  target = 50\n  yellow = 46\n\n  [[goal.override]]\n", 1)
	out := buildBase(t, map[string]string{"data/results/2026.csv": results, "data/goals.toml": goals})
	card := section(t, string(out["vest/arstad/index.html"]), "card-h")
	arbeid, kontakter := scorecardRow(card, "Overgang til arbeid"), scorecardRow(card, "Kontakter med arbeidsgivere")
	if !strings.Contains(arbeid, "Året 2025: 45,0\u00a0% (nådd, målverdi\u00a045,0\u00a0%)") {
		t.Errorf("2025 beside January 2026's target of 50 %%:\n%s", arbeid)
	}
	if !strings.Contains(kontakter, "Året 2025: 120 (nådd, målverdi\u00a0120)") {
		t.Errorf("2025 of a sum, judged by its months' targets together:\n%s", kontakter)
	}

	// A ratio's year to date is judged by its last month's target, the
	// row's own, though January's was another: no word.
	out = buildBase(t, map[string]string{"data/goals.toml": strings.Replace(baseFile(t, "data/goals.toml"), "  [[goal.override]]\n", "  [[goal.schedule]]\n  from = \"2026-02\"\n  target = 50\n  yellow = 46\n\n  [[goal.override]]\n", 1)})
	if arbeid := scorecardRow(section(t, string(out["vest/arstad/index.html"]), "card-h"), "Overgang til arbeid"); !strings.Contains(arbeid, "Hittil i 2026:") || strings.Contains(arbeid, "målverdi") {
		t.Errorf("the year to date of a ratio whose target changed in its last month:\n%s", arbeid)
	}
}

// TestAGoalNotDueYet: a goal begun in February 2026 and measured two
// months late has no result on February's scorecard, and its page says
// when its first comes, not that the scorecard shows December 2025,
// before it began.
func TestAGoalNotDueYet(t *testing.T) {
	out := buildBase(t, map[string]string{
		"data/goals.toml": baseFile(t, "data/goals.toml") + countGoalTOML("ny", "Nytt mål", "from = \"2026-02\"\nlag = 2"),
	})
	page := string(out["goals/ny/index.html"])
	want := "Det første resultatet, for februar 2026, kommer på målekortet for april 2026."
	if !strings.Contains(section(t, page, "def-h"), want) || !strings.Contains(section(t, page, "rank-h"), want) || strings.Contains(page, "desember 2025") {
		t.Errorf("the page of a goal whose first result is not due:\n%s\n%s", section(t, page, "def-h"), section(t, page, "rank-h"))
	}
}

// countGoalTOML is a count goal of goals.toml with its id, title and
// more settings.
func countGoalTOML(id, title, more string) string {
	return "\n[[goal]]\nid = \"" + id + "\"\ntitle = \"" + title + "\"\nperspective = \"Samfunn\"\nunit = \"count\"\ndirection = \"higher\"\ntarget = 10\nyellow = 8\naggregate = \"sum\"\n" + more + "\n"
}
