package build

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// tertialSite is the base site reported in June 2026, with kontakter's
// results through June and Årstad's commentary of April, May and June: a
// measure started in February is done in May, another started in May is
// overdue by the end of June. The rows given as without are left out.
func tertialSite(t *testing.T, without ...string) memOutput {
	t.Helper()
	results := "period,unit,goal,value\n"
	for _, row := range []string{"03,bergen-nord,10", "03,arstad,9", "03,tromso,10", "04,bergen-nord,10", "04,arstad,11", "04,tromso,10",
		"05,bergen-nord,10", "05,arstad,7", "05,tromso,10", "06,bergen-nord,10", "06,arstad,6", "06,tromso,10"} {
		if slices.Contains(without, row) {
			continue
		}
		month, rest, _ := strings.Cut(row, ",")
		unit, value, _ := strings.Cut(rest, ",")
		results += "2026-" + month + "," + unit + ",kontakter," + value + "\n"
	}
	commentary := func(date, measures, text string) string {
		return "+++\nauthor = \"Leder\"\ndate = " + date + "\n" + measures + "+++\n" + text + "\n"
	}
	return buildBase(t, map[string]string{
		"data/results/2026-later.csv": results,
		"content/vest/arstad/2026-04.md": commentary("2026-05-03", `[[measure]]
goal = "arbeid"
text = "Flere samtaler"
status = "started"
due = 2026-04-30
`, "Aprilkommentaren."),
		"content/vest/arstad/2026-05.md": commentary("2026-06-03", `[[measure]]
goal = "arbeid"
text = "Flere samtaler"
status = "done"

[[measure]]
goal = "kontakter"
text = "Kurs for arbeidsgivere"
status = "started"
due = 2026-06-15
`, "Maikommentaren."),
		"content/vest/arstad/2026-06.md": commentary("2026-07-03", `[[measure]]
goal = "kontakter"
text = "Kurs for arbeidsgivere"
status = "started"
due = 2026-06-15
`, "Junikommentaren."),
	})
}

// section is the part of page from the element with id to the end of its
// section.
func section(t *testing.T, page, id string) string {
	t.Helper()
	i := strings.Index(page, `id="`+id+`"`)
	if i < 0 {
		t.Fatalf("no %s in the page", id)
	}
	s := page[i:]
	return s[:strings.Index(s, "</section>")]
}

// TestTertialReportOfAnOffice: an office's report of a tertial lists the
// measures as the tertial ended (a measure done after it is open in it,
// overdue by its end) and the commentary of its months only; its
// scorecard has the tertial's sum and each month.
func TestTertialReportOfAnOffice(t *testing.T) {
	out := tertialSite(t)
	t1, t2 := string(out["vest/arstad/2026-T1.html"]), string(out["vest/arstad/2026-T2.html"])
	if t1 == "" || t2 == "" {
		t.Fatalf("arstad has no report of 2026-T1 or 2026-T2")
	}
	if !strings.Contains(t1, "<h1>NAV Årstad: 1. tertial 2026</h1>") || !strings.Contains(t2, "mai–august 2026 (så langt 2 av 4 måneder)") {
		t.Errorf("the reports do not name their tertial and months")
	}
	m1 := section(t, t1, "measures-h")
	if !strings.Contains(m1, "Åpne ved utgangen av tertialet") || !strings.Contains(m1, "Flere samtaler") || !strings.Contains(m1, `<strong class="overdue">forfalt</strong>`) || strings.Contains(m1, "Fullført i tertialet") {
		t.Errorf("T1 does not list Flere samtaler open and overdue at its end (it was done in May, after T1):\n%s", m1)
	}
	if !strings.Contains(m1, "1 nytt, 1 åpent ved utgangen (1 forfalt), 0 fullførte") {
		t.Errorf("T1 does not count its measures:\n%s", m1)
	}
	m2 := section(t, t2, "measures-h")
	open, done, _ := strings.Cut(m2, "Fullført i tertialet")
	if !strings.Contains(done, "Flere samtaler") || !strings.Contains(open, "Kurs for arbeidsgivere") || strings.Contains(open, "Flere samtaler") {
		t.Errorf("T2 does not list Flere samtaler done in it and Kurs open at its end:\n%s", m2)
	}
	// T2 is not over: what is open is so at the end of June, the
	// reported month.
	if !strings.Contains(m2, "1 nytt, 1 åpent ved utgangen av juni 2026 (1 forfalt), 1 fullført") || !strings.Contains(m2, "<h3>Åpne ved utgangen av juni 2026</h3>") {
		t.Errorf("T2 does not count its measures as of June:\n%s", m2)
	}
	c1, c2 := section(t, t1, "comm-h"), section(t, t2, "comm-h")
	for _, c := range []struct {
		page, text string
		want       bool
	}{{c1, "Vi ser på tallene", true}, {c1, "Aprilkommentaren", true}, {c1, "Maikommentaren", false},
		{c2, "Maikommentaren", true}, {c2, "Junikommentaren", true}, {c2, "Aprilkommentaren", false}} {
		if strings.Contains(c.page, c.text) != c.want {
			t.Errorf("a report's commentary has %q: %v, want %v", c.text, !c.want, c.want)
		}
	}
	// kontakter is a sum: 12 + 8 + 9 + 11 in T1 against 4 × 10.
	card := section(t, t1, "card-h")
	if !strings.Contains(card, `<span class="result">40</span><span class="target size">sum av månedene</span><span class="target">Målverdi 40</span>`) || !strings.Contains(card, "<td>12</td><td>8</td><td>9</td><td>11</td>") {
		t.Errorf("T1's scorecard does not give kontakter's sum and months:\n%s", card)
	}
	if page := string(out["vest/arstad/index.html"]); !strings.Contains(page, `<a href="2026-T2.html">2. tertial 2026</a>`) || !strings.Contains(page, `<a href="2026-T1.html">1. tertial 2026</a>`) {
		t.Errorf("arstad's page does not link its tertial reports")
	}
}

// TestWhatFollowedAMeasureByTheTertialsEnd: a tertial's report says
// what followed each measure by the tertial's end, a past one in its last
// month, with the note on how that is judged; the office's page says what
// followed it by now. Årstad's kontakter: 8 in February, when the
// measure began, 11 in April, 6 in June, the reported month.
func TestWhatFollowedAMeasureByTheTertialsEnd(t *testing.T) {
	out := buildBase(t, map[string]string{
		"data/results/2026-later.csv": "period,unit,goal,value\n2026-03,bergen-nord,kontakter,10\n2026-03,arstad,kontakter,9\n2026-03,tromso,kontakter,10\n" +
			"2026-04,bergen-nord,kontakter,10\n2026-04,arstad,kontakter,11\n2026-04,tromso,kontakter,10\n" +
			"2026-05,bergen-nord,kontakter,10\n2026-05,arstad,kontakter,7\n2026-05,tromso,kontakter,10\n" +
			"2026-06,bergen-nord,kontakter,10\n2026-06,arstad,kontakter,6\n2026-06,tromso,kontakter,10\n",
		"content/vest/arstad/2026-02.md": "+++\n[[measure]]\ngoal = \"kontakter\"\ntext = \"Ringe arbeidsgivere\"\nstatus = \"started\"\n+++\nTekst.\n",
	})
	const note = "En endring etter et tiltak er ikke bevis for at tiltaket førte til den."
	for page, want := range map[string]string{
		"vest/arstad/2026-T1.html": "8 ved start, 11 i april 2026: +3 bedre",
		"vest/arstad/2026-T2.html": "8 ved start, 6 nå: −2 dårligere",
		"vest/arstad/index.html":   "8 ved start, 6 nå: −2 dårligere",
	} {
		if m := section(t, string(out[page]), "measures-h"); !strings.Contains(m, want) || !strings.Contains(m, note) {
			t.Errorf("%s does not say %q of the measure, and how it is judged:\n%s", page, want, m)
		}
	}
}

// TestTertialReportOfACounty: a county's report shows its offices
// against its goals over the tertial, each linking its own report, how
// many of the months each commented, and its offices' measures counted
// by goal; the whole site's shows its counties. A cell's status is
// named for a screen reader, its symbol hidden from one.
func TestTertialReportOfACounty(t *testing.T) {
	out := tertialSite(t)
	page := string(out["vest/2026-T2.html"])
	matrix := section(t, page, "tmatrix-h")
	// Årstad's kontakter in T2: 7 + 6 against 2 × 10, red; Bergen nord
	// 10 + 10, green; Årstad commented May and June.
	for _, want := range []string{`<a href="arstad/2026-T2.html">NAV Årstad</a>`, `<td class="cell-red"><span aria-hidden="true">✕</span><span class="value"> 13</span><span class="sr-only"> Ikke nådd</span></td>`,
		`<a href="bergen-nord/2026-T2.html">NAV Bergen nord</a>`, `<td class="cell-green"><span aria-hidden="true">✓</span><span class="value"> 20</span><span class="sr-only"> Nådd</span></td>`, `<td class="num">2</td>`} {
		if !strings.Contains(matrix, want) {
			t.Errorf("vest's T2 matrix lacks %s:\n%s", want, matrix)
		}
	}
	if strings.Contains(matrix, "NAV Tromsø") {
		t.Errorf("vest's matrix has nord's office")
	}
	if m := section(t, page, "measures-h"); !strings.Contains(m, "Overgang til arbeid: 0 nye, 0 åpne ved utgangen av juni 2026 (0 forfalte), 1 fullført, hos NAV Årstad") ||
		!strings.Contains(m, "Kontakter med arbeidsgivere: 1 nytt, 1 åpent ved utgangen av juni 2026 (1 forfalt), 0 fullførte, hos NAV Årstad") {
		t.Errorf("vest's T2 does not count its offices' measures by goal:\n%s", m)
	}
	whole := section(t, string(out["2026-T2.html"]), "tmatrix-h")
	if !strings.Contains(whole, `<a href="vest/2026-T2.html">NAV Vest</a>`) || !strings.Contains(whole, `<a href="nord/2026-T2.html">NAV Nord</a>`) {
		t.Errorf("the whole site's T2 does not list its counties:\n%s", whole)
	}
}

// TestTertialRedWithoutMeasures: a county's tertial matrix counts each
// office's goals red over the tertial that no measure answered, open at
// its end or done in it; a measure done in an earlier tertial does not.
func TestTertialRedWithoutMeasures(t *testing.T) {
	unanswered := func(t *testing.T, measureGoal, status, month string) string {
		t.Helper()
		out := buildBase(t, map[string]string{
			"data/results/2026-later.csv":               "period,unit,goal,value\n2026-05,arstad,kontakter,7\n2026-06,arstad,kontakter,6\n2026-05,bergen-nord,kontakter,10\n2026-06,bergen-nord,kontakter,10\n2026-05,tromso,kontakter,10\n2026-06,tromso,kontakter,10\n",
			"content/vest/arstad/2026-" + month + ".md": "+++\nauthor = \"Leder\"\ndate = 2026-07-03\n[[measure]]\ngoal = \"" + measureGoal + "\"\ntext = \"Kurs\"\nstatus = \"" + status + "\"\n+++\nTekst.\n",
		})
		matrix := section(t, string(out["vest/2026-T2.html"]), "tmatrix-h")
		row := regexp.MustCompile(`NAV Årstad</a></th>.*?</tr>`).FindString(matrix)
		if row == "" {
			t.Fatalf("no Årstad in vest's T2 matrix:\n%s", matrix)
		}
		cells := regexp.MustCompile(`^NAV Årstad</a></th><td class="num">\d+</td><td class="num[^"]*">(\d+)</td>`).FindStringSubmatch(row)
		if cells == nil || !strings.Contains(row, `<td class="cell-red">`) {
			t.Fatalf("Årstad's row has no red cell or no count of red goals without measures: %s", row)
		}
		return cells[1]
	}
	for _, c := range []struct {
		name, goal, status, month, want string
	}{
		{"a measure for another goal", "arbeid", "started", "06", "1"},
		{"a measure open at the tertial's end", "kontakter", "started", "06", "0"},
		{"a measure done in the tertial", "kontakter", "done", "06", "0"},
		{"a measure done in the tertial before", "kontakter", "done", "04", "1"},
	} {
		if got := unanswered(t, c.goal, c.status, c.month); got != c.want {
			t.Errorf("%s: Årstad's red goals without measures in T2 = %s, want %s", c.name, got, c.want)
		}
	}
}

// TestYearToDateOnTheScorecard: every unit's scorecard gives the year to
// date beside the month: Årstad's kontakter is 12 + 8 + 9 + 11 + 7 + 6
// against 6 × 10, with its year named (in January the year beside a
// result is often the one before).
func TestYearToDateOnTheScorecard(t *testing.T) {
	out := tertialSite(t)
	card := section(t, string(out["vest/arstad/index.html"]), "card-h")
	if !strings.Contains(card, "<span class=\"target ytd\">Hittil i 2026: 53 (nesten, målverdi\u00a060)</span>") {
		t.Errorf("arstad's scorecard does not give kontakter's year to date:\n%s", card)
	}
	for _, name := range []string{"index.html", "vest/index.html", "nord/tromso/index.html"} {
		id := "card-h"
		if name == "index.html" {
			id = "whole-h"
		}
		if !strings.Contains(section(t, string(out[name]), id), "Hittil i 2026: ") {
			t.Errorf("%s's scorecard has no year to date", name)
		}
	}
}

// TestSpanCoverage: a span that stands for less than all of its months
// says how much, in months for an office and in office-months for a
// county, on the tertial report and in the year to date: Årstad's
// kontakter has no May.
func TestSpanCoverage(t *testing.T) {
	out := tertialSite(t, "05,arstad,7")
	if card := section(t, string(out["vest/arstad/index.html"]), "card-h"); !strings.Contains(card, "Hittil i 2026: – (ufullstendig, 5 av 6 måneder)") {
		t.Errorf("arstad's year to date does not say it has 5 of 6 months:\n%s", card)
	}
	if card := section(t, string(out["vest/index.html"]), "card-h"); !strings.Contains(card, "Hittil i 2026: – (ufullstendig, 11 av 12 kontormåneder)") {
		t.Errorf("vest's year to date does not say it has 11 of 12 office-months:\n%s", card)
	}
	if card := section(t, string(out["vest/2026-T2.html"]), "card-h"); !strings.Contains(card, `<span class="target coverage">3 av 4 kontormåneder</span>`) {
		t.Errorf("vest's T2 does not say it has 3 of 4 office-months:\n%s", card)
	}
	if card := section(t, string(out["vest/arstad/2026-T2.html"]), "card-h"); !strings.Contains(card, `<span class="target coverage">1 av 2 måneder</span>`) {
		t.Errorf("arstad's T2 does not say it has 1 of 2 months:\n%s", card)
	}
}

// TestFrontPageOfficeSummary: the front page's line for an office counts
// the goals without a judgement too, where it has any (the base site's
// arbeid and ventetid have no June), so that such an office does not
// read as all clear; the golden sites show the line without them.
func TestFrontPageOfficeSummary(t *testing.T) {
	front := string(tertialSite(t)["index.html"])
	i := strings.Index(front, `data-name="NAV Årstad"`)
	if i < 0 {
		t.Fatal("no NAV Årstad on the front page")
	}
	line := front[i : i+strings.Index(front[i:], "</li>")]
	if !strings.Contains(line, `<span class="dot-missing" aria-hidden="true">–2</span>`) || !strings.Contains(line, ", 2 Mangler</span>") {
		t.Errorf("Årstad's line does not count its missing goals:\n%s", line)
	}
}

// TestLinesBreakAtAGap: the small charts drawn on the server (sparkline,
// printed chart, tertial report's row chart) never join the months on
// either side of one without a value, which would look like a figure
// for it; a month alone is drawn as a dot. Årstad's kontakter has no
// May 2026.
func TestLinesBreakAtAGap(t *testing.T) {
	out := tertialSite(t, "05,arstad,7")
	office := string(out["vest/arstad/index.html"])
	for _, want := range []string{
		`<polyline points="34.7,2.0 40.2,12.7 45.6,10.0 51.1,4.7"></polyline><polyline class="dot" points="62.0,18.0 62.0,18.0"></polyline><circle cx="62.0" cy="18.0" r="2">`,
		`<polyline class="pc-line" points="253.7,8.0 265.4,64.0 277.0,50.0 288.7,22.0"></polyline><polyline class="pc-line dot" points="312.0,92.0 312.0,92.0"></polyline>`,
	} {
		if !strings.Contains(office, want) {
			t.Errorf("arstad's page lacks %s", want)
		}
	}
	if tertial := string(out["vest/arstad/2026-T2.html"]); !strings.Contains(tertial, `<path class="tc-line" d="M22,21h0">`) {
		t.Errorf("arstad's T2 does not draw June alone")
	}
	if tertial := string(out["vest/arstad/2026-T1.html"]); !strings.Contains(tertial, `<path class="tc-line" d="M3,3L22,21L42,17L61,8">`) {
		t.Errorf("arstad's T1 does not draw its four months as one line")
	}
	tertial := string(tertialSite(t, "03,arstad,9")["vest/arstad/2026-T1.html"])
	if !regexp.MustCompile(`<path class="tc-line" d="M3,\d+L22,\d+M61,\d+h0">`).MatchString(tertial) {
		t.Errorf("arstad's T1 without March does not break its line there")
	}
}

// TestTertialSizeOfOneMonth: a tertial's size is "i sum" of its months;
// where only one month has one (Årstad's January left out, and
// min_coverage low enough to judge the tertial on February), it is that
// month's, as a month shows it.
func TestTertialSizeOfOneMonth(t *testing.T) {
	base, _ := siteFS(t, "testdata/sites/basic.txtar")
	out := buildBase(t, map[string]string{
		"site.toml":             string(base["site.toml"].Data) + "min_coverage = 0.5\n",
		"data/results/2026.csv": strings.Replace(string(base["data/results/2026.csv"].Data), "2026-01,arstad,arbeid,,45,100\n", "", 1),
	})
	if page := string(out["vest/arstad/2026-T1.html"]); !strings.Contains(page, `<span class="target size">30 av 100</span>`) {
		t.Error("Årstad's tertial of one month's result does not give that month's size")
	}
	if page := string(out["vest/bergen-nord/2026-T1.html"]); !strings.Contains(page, `<span class="target size">939 av 2`+"\u00a0"+`100 i sum</span>`) {
		t.Error("Bergen nord's tertial of two months does not give their size summed")
	}
}

// TestTertialReportPointsToOlderTertials: a report says periods.csv holds
// older tertials only where it does.
func TestTertialReportPointsToOlderTertials(t *testing.T) {
	out := buildBase(t, nil)
	if page := string(out["vest/2026-T1.html"]); strings.Contains(page, "Eldre tertialer") {
		t.Errorf("a site of one year says older tertials are in periods.csv")
	}
	out = buildBase(t, map[string]string{"data/results/2024.csv": "period,unit,goal,value\n2024-06,arstad,kontakter,7\n"})
	if page := string(out["vest/2026-T1.html"]); !strings.Contains(page, `Eldre tertialer står i <a href="../vest/periods.csv" download>periods.csv</a>.`) {
		t.Errorf("a site with 2024's results does not say its tertials are in periods.csv")
	}
}

// TestTertialNoteOfSums: the card's note explains "i sum" only where a row
// gives a ratio's summed numerator and denominator.
func TestTertialNoteOfSums(t *testing.T) {
	if page := string(buildBase(t, nil)["vest/arstad/2026-T1.html"]); !strings.Contains(page, "«I sum» er månedenes tellere og nevnere") {
		t.Errorf("a report with ratios does not explain its sums")
	}
	counts := "period,unit,goal,value\n2026-01,arstad,kontakter,7\n2026-02,arstad,kontakter,8\n2026-01,bergen-nord,kontakter,9\n2026-02,bergen-nord,kontakter,9\n2026-01,tromso,kontakter,3\n2026-02,tromso,kontakter,4\n"
	page := string(buildBase(t, map[string]string{"data/results/2026.csv": counts})["vest/arstad/2026-T1.html"])
	if !strings.Contains(page, "Diagrammet i hver rad") || strings.Contains(page, "«I sum»") {
		t.Errorf("a report of counts alone explains sums it does not have:\n%s", section(t, page, "card-h"))
	}
}

// TestTertialAcrossAMerger: Årstad and Bergen nord merge into Bergen in
// June; the tertial report of each says in how many of its months the
// office existed, and Bergen's tertial figures, its predecessors' May
// with its own months, are marked recast, on its report and in its
// county's matrix.
func TestTertialAcrossAMerger(t *testing.T) {
	org := `[[county]]
id = "vest"
name = "NAV Vest"

[[office]]
id = "bergen-nord"
name = "NAV Bergen nord"
county = "vest"
until = "2026-05"
merged_into = "bergen"

[[office]]
id = "arstad"
name = "NAV Årstad"
county = "vest"
until = "2026-05"
merged_into = "bergen"

[[office]]
id = "bergen"
name = "NAV Bergen"
county = "vest"
from = "2026-06"

[[county]]
id = "nord"
name = "NAV Nord"

[[office]]
id = "tromso"
name = "NAV Tromsø"
county = "nord"
`
	results := "period,unit,goal,value\n2026-05,bergen-nord,kontakter,6\n2026-05,arstad,kontakter,5\n" +
		"2026-06,bergen,kontakter,12\n2026-07,bergen,kontakter,11\n2026-08,bergen,kontakter,13\n"
	out := memOutput{}
	if errs, err := Build(reorgSite(t, org, results, "2026-08"), defaults, out); errs != nil || err != nil {
		t.Fatal(errs, err)
	}
	for page, want := range map[string]string{
		"vest/arstad/2026-T2.html": "NAV Årstad fantes 1 av 4 måneder av tertialet.",
		"vest/bergen/2026-T2.html": "NAV Bergen fantes 3 av 4 måneder av tertialet.",
	} {
		if !strings.Contains(string(out[page]), want) {
			t.Errorf("%s does not say %q", page, want)
		}
	}
	if card := section(t, string(out["vest/bergen/2026-T2.html"]), "card-h"); !strings.Contains(card, "omregnet") {
		t.Errorf("Bergen's tertial of its predecessors' May and its own months is not marked recast:\n%s", card)
	}
	page := string(out["vest/2026-T2.html"])
	if strings.Contains(page, "fantes") {
		t.Errorf("Vest, there all the tertial, is said to have existed in part of it")
	}
	if matrix := section(t, page, "tmatrix-h"); !strings.Contains(matrix, "(omregnet)") {
		t.Errorf("Vest's matrix does not mark Bergen's figures, its predecessors' May with its own months, recast:\n%s", matrix)
	}
}
