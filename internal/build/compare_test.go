package build

import (
	"encoding/csv"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/malekort/malekort/internal/score"
)

// TestComparisonCSV: each office of a ratio goal in percent, with its
// numerator, denominator, value, own target and the funnel limits around
// that target for its denominator, and the month they belong to; none
// for a goal of another kind.
func TestComparisonCSV(t *testing.T) {
	out := buildBase(t, nil)
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(out["goals/arbeid/comparison.csv"]), "\ufeff")))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "unit,numerator,denominator,value,target,lower95,upper95,lower998,upper998,dispersion,as_of" {
		t.Fatalf("header %s", got)
	}
	limits := func(n int, target float64) []string {
		l := score.FunnelLimits(n, target)
		var s []string
		for _, v := range []float64{l.Lower95, l.Upper95, l.Lower998, l.Upper998} {
			s = append(s, strings.Replace(strconv.FormatFloat(score.Round(v, 2), 'f', 2, 64), ".", ",", 1))
		}
		return append(s, "1,00", "2026-02") // three offices are too few to tell a dispersion
	}
	want := map[string][]string{
		"bergen-nord": append([]string{"bergen-nord", "899", "2000", "45,0", "45,0"}, limits(2000, 45)...),
		"arstad":      append([]string{"arstad", "30", "100", "30,0", "45,0"}, limits(100, 45)...),
		"tromso":      append([]string{"tromso", "11", "20", "55,0", "50,0"}, limits(20, 50)...), // nord's own target
	}
	if len(rows) != 1+len(want) {
		t.Errorf("%d rows, want %d", len(rows)-1, len(want))
	}
	for _, row := range rows[1:] {
		if w := want[row[0]]; strings.Join(row, ";") != strings.Join(w, ";") {
			t.Errorf("row %v, want %v", row, w)
		}
	}
	if _, ok := out["goals/kontakter/comparison.csv"]; ok {
		t.Error("a sum goal has comparison.csv")
	}
}

// TestRankingByChance: Tromsø (55 % of 20, target 50) and Bergen nord
// (45 % of 2000, target 45) are both within chance of their targets, so
// they are ranked together, by name, not by value; Årstad (30 % of 100)
// is below its target beyond the 95 % limits, within the 99.8 %: probably
// beyond chance, and last.
func TestRankingByChance(t *testing.T) {
	out := buildBase(t, nil)
	page := string(out["goals/arbeid/index.html"])
	rows := regexp.MustCompile(`<tr><td class="chance">([^<]*)</td><th scope="row"><a [^>]*>([^<]*)</a>`).FindAllStringSubmatch(page, -1)
	var got []string
	for _, r := range rows {
		got = append(got, r[2]+": "+r[1])
	}
	want := []string{"NAV Bergen nord: innenfor tilfeldig variasjon", "NAV Tromsø: innenfor tilfeldig variasjon", "NAV Årstad: dårligere enn målet, trolig mer enn tilfeldig"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("ranking:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, size := range []string{"899 av 2\u00a0000", "11 av 20"} {
		if !strings.Contains(page, size) {
			t.Errorf("the ranking does not show the size %q", size)
		}
	}
	if !strings.Contains(page, `id="funnel-arbeid"`) {
		t.Error("the goal page has no funnel plot")
	}
}

// TestChanceOfAnOfficeWithoutAValue: an office with no value to judge is
// told why by its status, missing or hidden, in the ranking and in the
// funnel's table: not for want of a numerator and denominator, which it
// was never given the chance to have. Årstad has no row for February.
func TestChanceOfAnOfficeWithoutAValue(t *testing.T) {
	results := strings.Replace(baseFile(t, "data/results/2026.csv"), "2026-02,arstad,arbeid,,30,100\n", "", 1)
	out := buildBase(t, map[string]string{"data/results/2026.csv": results})
	page := string(out["goals/arbeid/index.html"])
	if !strings.Contains(page, `<tr><td class="chance">mangler</td><th scope="row"><a href="../../vest/arstad/index.html">NAV Årstad</a>`) {
		t.Errorf("the ranking does not say Årstad's value is missing:\n%s", page)
	}
	if !strings.Contains(page, "<tr><th>NAV Årstad<td>–<td><td>45,0\u00a0%<td>mangler\n") {
		t.Errorf("the funnel's table does not say Årstad's value is missing:\n%s", page)
	}
	if strings.Contains(page, "uten teller og nevner") {
		t.Error("a missing value is said to want a numerator and denominator")
	}
}

// TestCountyMatrixAndBars: the matrix lists Årstad (two goals red) before
// Bergen nord, and the bar chart orders offices by value, best first,
// each with its own target.
func TestCountyMatrixAndBars(t *testing.T) {
	out := buildBase(t, map[string]string{
		"data/goals.toml": strings.Replace(baseFile(t, "data/goals.toml"), "  [[goal.override]]\n", "  [[goal.override]]\n  unit = \"bergen-nord\"\n  target = 60\n  yellow = 50\n\n  [[goal.override]]\n", 1),
	})
	page := string(out["vest/index.html"])
	matrix := page[strings.Index(page, `class="data matrix"`):]
	if b, a := strings.Index(matrix, ">NAV Bergen nord<"), strings.Index(matrix, ">NAV Årstad<"); a < 0 || b < a {
		t.Errorf("matrix: Årstad at %d, Bergen nord at %d; want Årstad first", a, b)
	}
	chartJSON := regexp.MustCompile(`id="chart-arbeid-data"[^>]*>([^<]*)<`).FindStringSubmatch(page)
	if chartJSON == nil {
		t.Fatal("no chart data for arbeid")
	}
	if !strings.Contains(chartJSON[1], `"offices":["NAV Bergen nord","NAV Årstad"]`) {
		t.Errorf("bars not ordered by value: %s", chartJSON[1])
	}
	if !strings.Contains(chartJSON[1], `[[60,0],[45,1]]`) {
		t.Errorf("bars without each office's own target (Bergen nord 60, Årstad 45): %s", chartJSON[1])
	}
}

// TestRankingWithoutSizes: rates given as values only, as NAV's own tables
// give them, cannot be judged against chance: the goal page ranks them by
// value and says why there is no funnel plot.
func TestRankingWithoutSizes(t *testing.T) {
	out := buildBase(t, map[string]string{"data/results/2026.csv": `period,unit,goal,value
2026-02,bergen-nord,arbeid,45
2026-02,arstad,arbeid,30
2026-02,tromso,arbeid,55
`})
	page := string(out["goals/arbeid/index.html"])
	if !strings.Contains(page, `<tr><td class="num">1</td><th scope="row"><a href="../../nord/tromso/index.html">NAV Tromsø</a>`) {
		t.Error("Tromsø, the highest value, is not ranked first")
	}
	if strings.Contains(page, "innenfor tilfeldig variasjon") || !strings.Contains(page, "Ingen kontorer har oppgitt teller og nevner for februar 2026") {
		t.Error("the page judges chance without numerators and denominators, or does not say why it cannot")
	}
}

// TestFunnelCountsOwnTargets: a funnel's lines are drawn around the
// common target, and its text says how many offices are judged against
// targets of their own: NAV Tromsø (its county's) and NAV Årstad.
func TestFunnelCountsOwnTargets(t *testing.T) {
	fsys, _ := siteFS(t, "testdata/sites/basic.txtar")
	goals := strings.Replace(string(fsys["data/goals.toml"].Data), "  [[goal.override]]\n  unit = \"nord\"", "  [[goal.override]]\n  unit = \"arstad\"\n  target = 48\n  yellow = 43\n\n  [[goal.override]]\n  unit = \"nord\"", 1)
	page := string(buildBase(t, map[string]string{"data/goals.toml": goals})["goals/arbeid/index.html"])
	if !strings.Contains(page, "2 kontorer har andre målverdier og vurderes mot grenser rundt sin egen, i tabellen under.") {
		t.Error("the funnel does not say that two offices have targets of their own")
	}
	if strings.Contains(page, "Ett kontor har en annen målverdi") {
		t.Error("the funnel says one office has a target of its own")
	}
}

// TestFunnelAllowsForOverdispersion: twelve offices whose results spread
// far more than chance would spread them. NAV O01's 37,5 % of 400 is below
// the plain binomial limit around 45 % (40,1 %), but not below limits
// widened for how much the offices vary, and the goal's page says the
// lines were widened; comparison.csv gives the dispersion.
func TestFunnelAllowsForOverdispersion(t *testing.T) {
	fsys, _ := siteFS(t, "testdata/sites/basic.txtar")
	delete(fsys, "content/vest/arstad/2026-02.md")
	org := "[[county]]\nid = \"vest\"\nname = \"NAV Vest\"\n[[county]]\nid = \"nord\"\nname = \"NAV Nord\"\n"
	results := "period,unit,goal,value,numerator,denominator\n"
	for i, num := range []int{150, 100, 260, 120, 240, 140, 220, 160, 250, 110, 230, 200} {
		id := fmt.Sprintf("o%02d", i+1)
		org += fmt.Sprintf("[[office]]\nid = %q\nname = \"NAV O%02d\"\ncounty = \"vest\"\n", id, i+1)
		results += fmt.Sprintf("2026-01,%s,arbeid,,%d,400\n2026-02,%s,arbeid,,%d,400\n", id, 390-num, id, num)
	}
	goals, _ := fsys["data/goals.toml"]
	fsys["data/org.toml"] = &fstest.MapFile{Data: []byte(org)}
	fsys["data/goals.toml"] = &fstest.MapFile{Data: goals.Data[:strings.Index(string(goals.Data), "[[goal]]\nid = \"kontakter\"")]}
	fsys["data/results/2026.csv"] = &fstest.MapFile{Data: []byte(results)}
	out := memOutput{}
	if errs, err := Build(fsys, defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	if l := score.FunnelLimits(400, 45); l.Lower95 < 37.5 {
		t.Fatalf("37,5 %% of 400 is within the plain limits (%+v): the case tests nothing", l)
	}
	page := string(out["goals/arbeid/index.html"])
	if !strings.Contains(page, `<td class="chance">innenfor tilfeldig variasjon</td><th scope="row"><a href="../../vest/o01/index.html">NAV O01</a>`) {
		t.Error("NAV O01 is not within the limits widened for the offices' spread")
	}
	if !regexp.MustCompile(`så linjene er trukket \d+,\d\d ganger så langt fra målverdien`).MatchString(page) {
		t.Error("the funnel's description does not say its lines were widened")
	}
	csv := string(out["goals/arbeid/comparison.csv"])
	m := regexp.MustCompile(`\n"?o01"?;150;400;37,5;45,0;[^\n]*;(\d+,\d\d);2026-02\r?\n`).FindStringSubmatch(csv)
	if m == nil {
		t.Fatalf("comparison.csv has no row with a dispersion for o01:\n%s", csv)
	}
	if d, _ := strconv.ParseFloat(strings.Replace(m[1], ",", ".", 1), 64); d <= 1 {
		t.Errorf("comparison.csv gives the dispersion %s, want above 1", m[1])
	}
}

// TestALaggedGoalNamesItsMonth: a goal measured a month late compares
// January's figures in February, and its funnel, its table and
// comparison.csv say January, not the reported month; so do its columns
// in the county's matrices of February and of the year to date, whose
// other columns are of their months.
func TestALaggedGoalNamesItsMonth(t *testing.T) {
	fsys, _ := siteFS(t, "testdata/sites/basic.txtar")
	goals := strings.Replace(string(fsys["data/goals.toml"].Data), `aggregate = "ratio"`, "aggregate = \"ratio\"\nlag = 1", 1)
	out := buildBase(t, map[string]string{"data/goals.toml": goals})
	rows := readCSV(t, out["goals/arbeid/comparison.csv"])
	i := slices.IndexFunc(rows, func(row []string) bool { return row[0] == "arstad" })
	if i < 0 {
		t.Fatalf("comparison.csv has no row for Årstad: %v", rows)
	}
	if row := rows[i]; row[3] != "45,0" || row[len(row)-1] != "2026-01" {
		t.Errorf("Årstad's row %v, want January's 45,0 as of 2026-01", row)
	}
	page := string(out["goals/arbeid/index.html"])
	if !strings.Contains(page, "Overgang til arbeid: Kontorer, januar 2026") || strings.Contains(page, "Kontorer, februar 2026") {
		t.Errorf("the funnel's table does not name January:\n%s", section(t, page, "funnel-arbeid"))
	}
	county := string(out["vest/index.html"])
	for _, id := range []string{"matrix-h", "ytd-matrix-h"} {
		heads := regexp.MustCompile(`<thead>.*?</thead>`).FindString(section(t, county, id))
		if !strings.Contains(heads, `Overgang til arbeid</a> (januar 2026)</th>`) || !strings.Contains(heads, `Ventetid</a></th>`) {
			t.Errorf("%s's columns: %s; want the lagged goal's of January, the others of the matrix's months", id, heads)
		}
	}
}

// TestALaggedStatusChangeNamesItsMonths: under "Ny status siden forrige
// måned", a goal lagged two months changes from November to December
// 2025 in a February 2026 report, and says so, in one parenthesis with
// the target's change.
func TestALaggedStatusChangeNamesItsMonths(t *testing.T) {
	results, goals := year2025(t, 2)
	results = strings.Replace(results, "2025-12,arstad,arbeid,,45,100", "2025-12,arstad,arbeid,,30,100", 1)
	out := buildBase(t, map[string]string{"data/results/2025.csv": results, "data/goals.toml": goals})
	changes := section(t, string(out["vest/arstad/index.html"]), "changes-h")
	if !strings.Contains(changes, `Ikke nådd</span> <span class="muted">(fra november 2025 til desember 2025)</span>`) {
		t.Errorf("Årstad's lagged status change does not name its months:\n%s", changes)
	}
	if strings.Count(changes, `<span class="muted">(fra `) != 1 {
		t.Errorf("a goal without lag names months beside its status change:\n%s", changes)
	}
	// With a new target too, one parenthesis says both.
	retargeted := strings.Replace(goals, "  [[goal.override]]\n  unit = \"nord\"",
		"  [[goal.schedule]]\n  from = \"2025-12\"\n  target = 46\n  yellow = 41\n\n  [[goal.override]]\n  unit = \"nord\"", 1)
	out = buildBase(t, map[string]string{"data/results/2025.csv": results, "data/goals.toml": retargeted})
	changes = section(t, string(out["vest/arstad/index.html"]), "changes-h")
	if !strings.Contains(changes, "Ikke nådd</span> <span class=\"muted\">(fra november 2025 til desember 2025; målverdien gikk fra 45,0\u00a0% til 46,0\u00a0%)</span></li>") {
		t.Errorf("Årstad's lagged status change with a new target:\n%s", changes)
	}
}
