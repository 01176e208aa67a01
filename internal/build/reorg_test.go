package build

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// countySeries is NAV's county series across the 2020 reform in its
// shape: Hordaland and Sogn og Fjordane until 2019-12, Vestland from
// 2020-01, figures measured at county level.
func countySeries(extra string) fstest.MapFS {
	return fstest.MapFS{
		"site.toml": {Data: []byte("title = \"Helt ledige\"\nlanguage = \"nb\"\n")},
		"data/org.toml": {Data: []byte(`[[county]]
id = "hordaland"
name = "NAV Hordaland"
until = "2019-12"
merged_into = "vestland"

[[county]]
id = "sogn-og-fjordane"
name = "NAV Sogn og Fjordane"
until = "2019-12"
merged_into = "vestland"

[[county]]
id = "vestland"
name = "NAV Vestland"
from = "2020-01"

[[county]]
id = "oslo"
name = "NAV Oslo"
`)},
		"data/goals.toml": {Data: []byte(`[[goal]]
id = "helt-ledige"
title = "Helt ledige"
perspective = "Arbeidsmarkedet"
unit = "count"
direction = "lower"
target = 10000
yellow = 12000
aggregate = "sum"
decimals = 0
persons = true
`)},
		"data/results/fylker.csv": {Data: []byte(`period,unit,goal,value
2019-01,hordaland,helt-ledige,7793
2019-01,sogn-og-fjordane,helt-ledige,1020
2019-01,oslo,helt-ledige,10000
2019-12,hordaland,helt-ledige,7000
2019-12,sogn-og-fjordane,helt-ledige,900
2019-12,oslo,helt-ledige,9000
2020-01,vestland,helt-ledige,9100
2020-01,oslo,helt-ledige,9500
2020-03,vestland,helt-ledige,34274
2020-03,oslo,helt-ledige,20000
` + extra)},
		"node_modules/echarts/dist/echarts.common.min.js": {Data: []byte("/* ECharts */")},
		"node_modules/minisearch/dist/umd/index.js":       {Data: []byte("/* MiniSearch */")},
	}
}

// TestCountyMerger: Vestland carries its predecessors' history, marked as
// recast; Hordaland publishes nothing after it ended; the whole site does
// not count a month twice; a row for Hordaland after it ended is an error
// that says where the row belongs.
func TestCountyMerger(t *testing.T) {
	out := memOutput{}
	errs, err := Build(countySeries(""), defaults, out)
	if errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	csv := string(out["scorecard.csv"])
	for _, row := range []string{
		// 7 793 + 1 020, against their targets' sum, as the whole site's
		// is: Vestland's own of 2020 is for one county's worth.
		"2019-01;vestland;helt-ledige;8813;20000;24000;green;2;2;recast",
		"2019-12;vestland;helt-ledige;7900;20000;24000;green;2;2;recast",
		"2020-01;vestland;helt-ledige;9100;",
		"2019-01;hordaland;helt-ledige;7793;",                    // an ended county keeps its history
		"2019-01;_site;helt-ledige;18813;30000;36000;green;3;3;", // Hordaland, Sogn og Fjordane and Oslo
		"2020-03;_site;helt-ledige;54274;20000;24000;",           // Vestland and Oslo
	} {
		if !strings.Contains(csv, row) {
			t.Errorf("scorecard.csv lacks %q", row)
		}
	}
	for _, m := range []string{"2020-01", "2020-02", "2020-03"} {
		if strings.Contains(csv, m+";hordaland;") {
			t.Errorf("scorecard.csv has a row for Hordaland in %s, after it ended", m)
		}
	}
	vestland := string(out["vestland/index.html"])
	if !strings.Contains(vestland, "<td>8\u00a0813 (omregnet)") || !strings.Contains(vestland, `"marks":[{"series":0,"at":12,"label":"omregnet før januar 2020"}]`) {
		t.Errorf("Vestland's page does not mark its recast months in the table and the chart")
	}
	// Red in March 2020 and reported as a whole, it has no offices whose
	// measures could answer: its row needing attention counts none.
	if !strings.Contains(vestland, `id="needs-h"`) || strings.Contains(vestland, "tiltak hos kontorene") {
		t.Errorf("Vestland's page needs no attention, or counts its offices' measures, which it has none of")
	}
	if !strings.Contains(vestland, `<p class="history"><a href="../hordaland/index.html">NAV Hordaland</a> og <a href="../sogn-og-fjordane/index.html">NAV Sogn og Fjordane</a> gikk inn i enheten i januar 2020.</p>`) {
		t.Errorf("Vestland's page does not link the counties merged into it")
	}
	if h := string(out["hordaland/index.html"]); !strings.Contains(h, `<p class="ended">Slått sammen med <a href="../vestland/index.html">NAV Vestland</a> fra januar 2020. Tallene under er fra desember 2019, den siste måneden.</p>`) {
		t.Errorf("Hordaland's page does not say what it became")
	}
	// Its last month's changes may say a goal was missing in November,
	// which the results leave out; no other part of it may.
	h := string(out["hordaland/index.html"])
	changes := strings.Index(h, `id="changes-h"`)
	if changes < 0 || strings.Contains(h[:changes], "Mangler") || strings.Contains(h[changes+strings.Index(h[changes:], "</section>"):], "Mangler") {
		t.Errorf("Hordaland's page shows goals missing in a month it did not exist")
	}
	front := string(out["index.html"])
	former := front[strings.Index(front, `id="former-h"`):]
	if strings.Contains(front[:strings.Index(front, `id="former-h"`)], "NAV Hordaland") || !strings.Contains(former, `<a href="hordaland/index.html">NAV Hordaland</a>`) {
		t.Errorf("the front page lists Hordaland among the counties of the reported month, or not among the former units")
	}

	_, errs = checkInput(countySeries("2020-03,hordaland,helt-ledige,20000\n"))
	if want := "data/results/fylker.csv:12: hordaland ended in 2019-12 (merged into vestland): give this row to vestland"; errs.Error() != want {
		t.Errorf("errors:\n%v\nwant:\n%s", errs, want)
	}
}

// TestSuccessorsSpansBeforeItBegan: Vestland's tertials and year before
// 2020 are its predecessors' months recast, each month whole or missing:
// 2019-T3 has all four, 2019 five of twelve, so it is no total; its
// coverage counts the predecessors' reports, and periods.csv says they
// are recast.
func TestSuccessorsSpansBeforeItBegan(t *testing.T) {
	out := memOutput{}
	extra := "2019-09,hordaland,helt-ledige,7100\n2019-09,sogn-og-fjordane,helt-ledige,910\n" +
		"2019-10,hordaland,helt-ledige,7200\n2019-10,sogn-og-fjordane,helt-ledige,920\n" +
		"2019-11,hordaland,helt-ledige,7300\n2019-11,sogn-og-fjordane,helt-ledige,930\n"
	if errs, err := Build(countySeries(extra), defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	periods := string(out["periods.csv"])
	for _, row := range []string{
		// 8 010 + 8 120 + 8 230 + 7 900; its coverage is its two
		// predecessors' each month, as a county's is its offices', and
		// its target their targets' sum.
		"2019-T3;vestland;helt-ledige;32260;;;80000;96000;green;4;8;8;recast",
		"2019;vestland;helt-ledige;;;;240000;288000;incomplete;12;10;24;recast",
		"2019;hordaland;helt-ledige;;;;120000;144000;incomplete;12;5;12;",
	} {
		if !strings.Contains(periods, row+"\r\n") {
			t.Errorf("periods.csv lacks %q", row)
		}
	}
}

// TestRecastJudgedByTheTargetsThen: Vestland's share of 2019, its
// predecessors' recast, is judged by the target every county had then,
// 3,0 %, not by Vestland's first month's, 2,0 % from 2020.
func TestRecastJudgedByTheTargetsThen(t *testing.T) {
	fsys := countySeries("")
	fsys["data/goals.toml"] = &fstest.MapFile{Data: []byte(`[[goal]]
id = "andel"
title = "Andel"
perspective = "P"
unit = "percent"
direction = "lower"
target = 3.0
yellow = 3.5
aggregate = "ratio"

  [[goal.schedule]]
  from = "2020-01"
  target = 2.0
  yellow = 2.5
`)}
	fsys["data/results/fylker.csv"] = &fstest.MapFile{Data: []byte("period,unit,goal,value,numerator,denominator\n" +
		"2019-12,hordaland,andel,,28,1000\n2019-12,sogn-og-fjordane,andel,,6,200\n2019-12,oslo,andel,,30,1000\n" +
		"2020-01,vestland,andel,,30,1200\n2020-01,oslo,andel,,20,1000\n")}
	out := memOutput{}
	if errs, err := Build(fsys, defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	for _, row := range []string{"2019-12;vestland;andel;2,8;3,0;3,5;green;2;2;recast;34;1200;", "2020-01;vestland;andel;2,5;2,0;2,5;yellow;"} {
		if !strings.Contains(string(out["scorecard.csv"]), row) {
			t.Errorf("scorecard.csv lacks %q", row)
		}
	}
}

// TestTheTargetLineFollowsTheOrganisation: a sum goal's target of a
// successor's recast months is its predecessors' together, and the whole
// site's the sum of the counties it had: the chart's target line and the
// trend table step where it changed, as scorecard.csv judged each month,
// though no target of the goal is dated.
func TestTheTargetLineFollowsTheOrganisation(t *testing.T) {
	out := memOutput{}
	if errs, err := Build(countySeries(""), defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	for page, rows := range map[string][]string{
		"vestland/index.html":          {"<tr><th>januar 2020<td>9\u00a0100<td>10\u00a0000\n", "<tr><th>desember 2019<td>7\u00a0900 (omregnet)<td>20\u00a0000\n"},
		"goals/helt-ledige/index.html": {"<tr><th>januar 2020<td>– (fantes ikke)<td>9\u00a0500<td>– (fantes ikke)<td>9\u00a0100<td>18\u00a0600<td>20\u00a0000\n", "<tr><th>desember 2019<td>7\u00a0000<td>9\u00a0000<td>900<td>7\u00a0900 (omregnet)<td>16\u00a0900<td>30\u00a0000\n"},
	} {
		for _, row := range rows {
			if !strings.Contains(string(out[page]), row) {
				t.Errorf("%s: the trend table lacks the row %q", page, row)
			}
		}
	}
	for _, row := range []string{"2019-12;vestland;helt-ledige;7900;20000;", "2020-01;vestland;helt-ledige;9100;10000;", "2019-12;_site;helt-ledige;16900;30000;"} {
		if !strings.Contains(string(out["scorecard.csv"]), row) {
			t.Errorf("scorecard.csv lacks %q", row)
		}
	}
	if data := string(out["vestland/index.html"]); !strings.Contains(data, "[20000,20000,20000,20000,20000,20000,20000,20000,20000,20000,20000,20000,10000,10000,10000]") {
		t.Errorf("Vestland's chart lacks its target line of 20 000 then 10 000:\n%s", data)
	}
}

// TestASiteOfCountiesAlone: where no county has offices, a goal's page
// says how the whole site's figure is made of the counties, and a county
// missing its month is not said to be 0 of 1 unit of itself.
func TestASiteOfCountiesAlone(t *testing.T) {
	fsys := countySeries("")
	fsys["site.toml"] = &fstest.MapFile{Data: []byte("title = \"Helt ledige\"\nlanguage = \"nb\"\nperiod = \"2020-02\"\n")}
	out := memOutput{}
	if errs, err := Build(fsys, defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	if goal := string(out["goals/helt-ledige/index.html"]); !strings.Contains(goal, "Tallet for «Alle enheter samlet» regnes som summen av fylkene.") || strings.Contains(goal, "kontorene") {
		t.Errorf("the goal's page of a site without offices:\n%s", section(t, goal, "main"))
	}
	if card := section(t, string(out["vestland/index.html"]), "card-h"); !strings.Contains(card, "Mangler") || strings.Contains(card, "0 av 1") {
		t.Errorf("Vestland's scorecard of a month without its row:\n%s", card)
	}
}

// TestNoYearlyResultToMissBeforeAUnitBegan: Vestland, begun in 2020, has
// no 2019 of a yearly mean goal to miss (its predecessors' means cannot
// be combined): January to November 2020's scorecards do not show the goal
// for it, as for a goal begun in 2020, while Oslo's shows its 2019.
func TestNoYearlyResultToMissBeforeAUnitBegan(t *testing.T) {
	fsys := countySeries("")
	goals := string(fsys["data/goals.toml"].Data) + `
[[goal]]
id = "snitt"
title = "Årssnitt"
perspective = "P"
unit = "score"
direction = "higher"
target = 4
yellow = 3
aggregate = "mean"
frequency = "year"
`
	fsys["data/goals.toml"] = &fstest.MapFile{Data: []byte(goals)}
	fsys["data/results/aar.csv"] = &fstest.MapFile{Data: []byte("period,unit,goal,value\n2019,hordaland,snitt,4.5\n2019,sogn-og-fjordane,snitt,3.5\n2019,oslo,snitt,4.2\n")}
	out := memOutput{}
	if errs, err := Build(fsys, defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	csv := string(out["scorecard.csv"])
	if strings.Contains(csv, ";vestland;snitt;") || !strings.Contains(csv, "2020-03;oslo;snitt;4,2;") {
		t.Errorf("scorecard.csv has a row of 2019's yearly goal for Vestland, or none for Oslo")
	}
	if v := string(out["vestland/index.html"]); strings.Contains(v, "goal-snitt") {
		t.Error("Vestland's page shows 2019's yearly goal, missing")
	}
	if o := string(out["oslo/index.html"]); !strings.Contains(o, `href="#goal-snitt"`) {
		t.Error("Oslo's page does not show its 2019 of the yearly goal")
	}
}

// TestSuccessorOfOneOffice: Kinn, Flora's alone from 2020, has Flora's
// 2019 of a shared yearly count, against Flora's target and its word
// ("felles", not a sum of several); not Flora's own goal, which it does
// not inherit.
func TestSuccessorOfOneOffice(t *testing.T) {
	// Vågsøy stays out of it.
	org := strings.Replace(kinnOrg, `[[office]]
id = "vagsoy"
name = "NAV Vågsøy"
county = "vest"
until = "2019-12"
merged_into = "kinn"

`, "", 1)
	fsys := reorgSite(t, org, "period,unit,goal,value\n2019,flora,aarlig,12\n2019,tromso,aarlig,9\n2019,flora,lokal,12\n2020-01,kinn,kontakter,12\n2020-01,tromso,kontakter,8\n2020-02,kinn,kontakter,11\n2020-02,tromso,kontakter,9\n", "2020-02")
	yearly := func(id, owner string) string {
		return "\n[[goal]]\nid = \"" + id + "\"\ntitle = \"" + id + "\"\nperspective = \"P\"\nunit = \"count\"\ndirection = \"higher\"\ntarget = 10\nyellow = 8\naggregate = \"sum\"\nfrequency = \"year\"\n" + owner
	}
	fsys["data/goals.toml"] = &fstest.MapFile{Data: []byte(baseFile(t, "data/goals.toml") + yearly("aarlig", "") + yearly("lokal", "owner = \"flora\"\n"))}
	out := memOutput{}
	if errs, err := Build(fsys, defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	csv := string(out["scorecard.csv"])
	if !strings.Contains(csv, "2020-02;kinn;aarlig;12,0;10,0;8,0;green;;;recast;;;2019") || strings.Contains(csv, ";kinn;lokal;") {
		t.Errorf("scorecard.csv lacks Kinn's recast 2019 of aarlig, or has Flora's own goal for Kinn")
	}
	if page := string(out["vest/kinn/index.html"]); !strings.Contains(page, `Målverdi 10,0 <span class="source">(felles)</span>`) || strings.Contains(page, "sum av") {
		t.Error("Kinn's page does not give Flora's target of aarlig as the shared one")
	}
}

// TestRecastYearlyMissingAndOverridden: Vestland's yearly count of 2019,
// lagged three months, is missing where Sogn og Fjordane's is, as it was
// before it began, not left off every scorecard; and an override of
// Vestland's from 2019 judges its recast months.
func TestRecastYearlyMissingAndOverridden(t *testing.T) {
	fsys := countySeries("2019,hordaland,aarlig,7000\n2019,oslo,aarlig,9000\n")
	fsys["data/goals.toml"] = &fstest.MapFile{Data: append(fsys["data/goals.toml"].Data, []byte(`
  [[goal.override]]
  unit = "vestland"
  from = "2019-01"
  target = 9000
  yellow = 11000

[[goal]]
id = "aarlig"
title = "Årlig"
perspective = "P"
unit = "count"
direction = "lower"
target = 10000
yellow = 12000
aggregate = "sum"
frequency = "year"
lag = 3
`)...)}
	out := memOutput{}
	if errs, err := Build(fsys, defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	csv := string(out["scorecard.csv"])
	for _, row := range []string{"2020-03;vestland;aarlig;;20000,0;24000,0;missing;", "2019-01;vestland;helt-ledige;8813;9000;11000;green;2;2;recast"} {
		if !strings.Contains(csv, row) {
			t.Errorf("scorecard.csv lacks %q", row)
		}
	}
}

// TestNewCountyComparesItsOfficesOfTheYearBefore: Vestland, begun in
// 2020 of Hordaland, has no 2019 of a yearly mean goal of its own, but
// its page still compares its offices' 2019, which they have.
func TestNewCountyComparesItsOfficesOfTheYearBefore(t *testing.T) {
	out := buildWithYearlyMean(t, `[[county]]
id = "hordaland"
name = "NAV Hordaland"
until = "2019-12"
merged_into = "vestland"

[[county]]
id = "vestland"
name = "NAV Vestland"
from = "2020-01"

[[county]]
id = "nord"
name = "NAV Nord"

[[office]]
id = "fana"
name = "NAV Fana"
county = "hordaland"

  [[office.change]]
  from = "2020-01"
  county = "vestland"

[[office]]
id = "tromso"
name = "NAV Tromsø"
county = "nord"
`, "period,unit,goal,value\n2019,fana,snitt,4.5\n2019,tromso,snitt,3.5\n2020-01,fana,kontakter,9\n2020-01,tromso,kontakter,8\n", "")
	if strings.Contains(string(out["scorecard.csv"]), ";vestland;snitt;") {
		t.Error("scorecard.csv has a row of 2019's yearly goal for Vestland")
	}
	page := string(out["vestland/index.html"])
	if !strings.Contains(page, `id="goal-snitt"`) {
		t.Fatal("Vestland's page does not compare its offices' 2019 of the yearly goal")
	}
	section := page[strings.Index(page, `id="goal-snitt"`):]
	section = section[:strings.Index(section, "</section>")]
	status, _, _ := strings.Cut(section[max(0, strings.Index(section, `<p class="goal-status">`)):], "</p>")
	if !strings.HasPrefix(status, `<p class="goal-status">`) || !strings.Contains(status, "NAV Vestland fantes ikke i 2019.") || strings.Contains(status, "Mangler") {
		t.Errorf("Vestland's section of 2019 does not say that it did not exist then:\n%s", status)
	}
}

// TestNewOfficeNotComparedOnAYearBeforeIt: Kinn, begun in 2020 of Flora
// and Vågsøy, has no 2019 of a yearly mean goal, and Ny, begun in 2020 of
// nothing, has no 2019 of any: their county's page, which shows 2019 on
// those goals, neither lists them among the offices compared nor calls
// their matrix cells missing, as if they had not reported, and the
// funnel's comparison.csv has no row of Ny. Kinn's 2019 of a yearly
// ratio, its predecessors' added up, is compared everywhere.
func TestNewOfficeNotComparedOnAYearBeforeIt(t *testing.T) {
	org := kinnOrg + "\n[[office]]\nid = \"ny\"\nname = \"NAV Ny\"\ncounty = \"vest\"\nfrom = \"2020-01\"\n"
	out := buildWithYearlyMean(t, org, `period,unit,goal,value,numerator,denominator
2019,flora,snitt,4.5,,
2019,vagsoy,snitt,3.9,,
2019,tromso,snitt,3.5,,
2019,flora,andel,,20,100
2019,vagsoy,andel,,30,100
2019,tromso,andel,,40,100
2020-01,kinn,kontakter,9,,
2020-01,ny,kontakter,7,,
2020-01,tromso,kontakter,8,,
2020-01,kinn,arbeid,,40,100
2020-01,ny,arbeid,,45,100
2020-01,tromso,arbeid,,50,100
`, "\n[[goal]]\nid = \"andel\"\ntitle = \"Andel\"\nperspective = \"P\"\nunit = \"percent\"\ndirection = \"higher\"\ntarget = 30\nyellow = 25\naggregate = \"ratio\"\nfrequency = \"year\"\n")
	page := string(out["vest/index.html"])
	section := func(id string) string {
		at := strings.Index(page, `id="goal-`+id+`"`)
		if at < 0 {
			t.Fatalf("Vest's page has no section of %s's 2019: the test has lost its case", id)
		}
		sec, _, _ := strings.Cut(page[at:], "</section>")
		return sec
	}
	if snitt := section("snitt"); strings.Contains(snitt, "NAV Kinn") || strings.Contains(snitt, "NAV Ny") {
		t.Error("Vest's section of the yearly mean's 2019 compares Kinn or Ny, begun in 2020")
	}
	if andel := section("andel"); !strings.Contains(andel, "NAV Kinn") || strings.Contains(andel, "NAV Ny") {
		t.Error("Vest's section of the yearly ratio's 2019 does not compare Kinn, whose predecessors' figures it has, or compares Ny, begun in 2020 of nothing")
	}
	at := strings.Index(page, `class="data matrix"`)
	if at < 0 {
		t.Fatal("Vest's page has no matrix")
	}
	matrix, _, _ := strings.Cut(page[at:], "</table>")
	for _, office := range []string{"NAV Kinn", "NAV Ny"} {
		row, _, _ := strings.Cut(matrix[max(0, strings.Index(matrix, office)):], "</tr>")
		if !strings.HasPrefix(row, office) || strings.Contains(row, "missing") {
			t.Errorf("%s's row of Vest's matrix is not there or calls a goal missing:\n%s", office, row)
		}
	}
	if row, _, _ := strings.Cut(matrix[max(0, strings.Index(matrix, "NAV Kinn")):], "</tr>"); !strings.Contains(row, "25,0") {
		t.Errorf("Kinn's row of Vest's matrix lacks its 2019 of the yearly ratio, 25,0 %%:\n%s", row)
	}
	comparison := string(out["goals/andel/comparison.csv"])
	if !strings.Contains(comparison, "\nkinn;") || strings.Contains(comparison, "\nny;") {
		t.Errorf("comparison.csv of the yearly ratio's 2019 lacks Kinn or has Ny:\n%s", comparison)
	}
}

// TestNewCountyOfNewOfficesHasNoSectionOfTheYearBefore: Vestland and its
// one office, Kinn, both begun in 2020, have no 2019 of a yearly mean goal
// to show or compare, so Vestland's page has no section of it, rather
// than one saying its offices are compared where none are.
func TestNewCountyOfNewOfficesHasNoSectionOfTheYearBefore(t *testing.T) {
	out := buildWithYearlyMean(t, `[[county]]
id = "sogn"
name = "NAV Sogn"
until = "2019-12"
merged_into = "vestland"

[[county]]
id = "vestland"
name = "NAV Vestland"
from = "2020-01"

[[county]]
id = "nord"
name = "NAV Nord"

[[office]]
id = "flora"
name = "NAV Flora"
county = "sogn"
until = "2019-12"
merged_into = "kinn"

[[office]]
id = "kinn"
name = "NAV Kinn"
county = "vestland"
from = "2020-01"

[[office]]
id = "tromso"
name = "NAV Tromsø"
county = "nord"
`, "period,unit,goal,value\n2019,flora,snitt,4.5\n2019,tromso,snitt,3.5\n2020-01,kinn,kontakter,9\n2020-01,tromso,kontakter,8\n", "")
	page := string(out["vestland/index.html"])
	if page == "" {
		t.Fatal("no page of Vestland")
	}
	if strings.Contains(page, `id="goal-snitt"`) {
		t.Error("Vestland's page has a section of 2019's yearly goal, which neither it nor its offices have")
	}
}

// buildWithYearlyMean builds reorgSite of org and results, whose goals
// are the base site's before ventetid, a yearly mean goal, snitt, and
// moreGoals.
func buildWithYearlyMean(t *testing.T, org, results, moreGoals string) memOutput {
	t.Helper()
	fsys := reorgSite(t, org, results, "")
	goals := strings.ReplaceAll(baseFile(t, "data/goals.toml"), "unit = \"nord\"", "unit = \"tromso\"")
	goals = goals[:strings.Index(goals, "[[goal]]\nid = \"ventetid\"")] + "[[goal]]\nid = \"snitt\"\ntitle = \"Snitt\"\nperspective = \"P\"\nunit = \"score\"\ndirection = \"higher\"\ntarget = 4\nyellow = 3\naggregate = \"mean\"\nfrequency = \"year\"\n" + moreGoals
	fsys["data/goals.toml"] = &fstest.MapFile{Data: []byte(goals)}
	out := memOutput{}
	if errs, err := Build(fsys, defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	return out
}

// kinnOrg is Vest, where Flora and Vågsøy merge into Kinn in 2020, and
// Nord with Tromsø.
const kinnOrg = `[[county]]
id = "vest"
name = "NAV Vest"

[[county]]
id = "nord"
name = "NAV Nord"

[[office]]
id = "flora"
name = "NAV Flora"
county = "vest"
until = "2019-12"
merged_into = "kinn"

[[office]]
id = "vagsoy"
name = "NAV Vågsøy"
county = "vest"
until = "2019-12"
merged_into = "kinn"

[[office]]
id = "kinn"
name = "NAV Kinn"
county = "vest"
from = "2020-01"

[[office]]
id = "tromso"
name = "NAV Tromsø"
county = "nord"
`

// reorgSite is the basic site with an organisation and results of its
// own, and no commentary, reporting period ("": its newest month).
func reorgSite(t *testing.T, org, results, period string) fstest.MapFS {
	t.Helper()
	fsys, _ := siteFS(t, "testdata/sites/basic.txtar")
	for name := range fsys {
		if strings.HasPrefix(name, "content/") || strings.HasPrefix(name, "data/results/") {
			delete(fsys, name)
		}
	}
	if period != "" {
		fsys["site.toml"] = &fstest.MapFile{Data: []byte("title = \"T\"\nlanguage = \"nb\"\nperiod = \"" + period + "\"\n")}
	}
	fsys["data/org.toml"] = &fstest.MapFile{Data: []byte(org)}
	fsys["data/results/r.csv"] = &fstest.MapFile{Data: []byte(results)}
	return fsys
}

// recastSite is a site of counties without offices, or with, under org,
// with one goal of unit and aggregate and results, reported in January
// 2024.
func recastSite(t *testing.T, org, unit, aggregate, results string) string {
	t.Helper()
	fsys := countySeries("")
	for name, data := range map[string]string{
		"site.toml":     "title = \"Test\"\nlanguage = \"nb\"\nperiod = \"2024-01\"\n",
		"data/org.toml": org,
		"data/goals.toml": `[[goal]]
id = "n"
title = "N"
perspective = "P"
unit = "` + unit + `"
direction = "lower"
target = 50
yellow = 60
aggregate = "` + aggregate + `"
`,
		"data/results/fylker.csv": "period,unit,goal,value,numerator,denominator\n" + results,
	} {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	out := memOutput{}
	if errs, err := Build(fsys, defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	return string(out["scorecard.csv"])
}

// TestRecastThroughTwoMergers: A and B became Y in 2020, and Y and W
// became Z in 2024. Z's 2019 is A's, B's and W's; in February 2019, when
// A has no figure, Y has none and so neither has Z, rather than W's
// alone (which its coverage would show as incomplete).
func TestRecastThroughTwoMergers(t *testing.T) {
	org := `[[county]]
id = "a"
name = "A"
until = "2019-12"
merged_into = "y"

[[county]]
id = "b"
name = "B"
until = "2019-12"
merged_into = "y"

[[county]]
id = "y"
name = "Y"
from = "2020-01"
until = "2023-12"
merged_into = "z"

[[county]]
id = "w"
name = "W"
until = "2023-12"
merged_into = "z"

[[county]]
id = "z"
name = "Z"
from = "2024-01"
`
	csv := recastSite(t, org, "count", "sum", `2019-01,a,n,10,,
2019-01,b,n,20,,
2019-01,w,n,30,,
2019-02,b,n,20,,
2019-02,w,n,30,,
2024-01,z,n,70,,
`)
	if !strings.Contains(csv, "2019-01;z;n;60,0;") {
		t.Errorf("Z's January 2019 is not A's, B's and W's 60:\n%s", csv)
	}
	for _, line := range strings.Split(csv, "\r\n") {
		if strings.HasPrefix(line, "2019-02;z;") {
			t.Errorf("Z has a row for February 2019, when A had no figure: %s", line)
		}
	}
}

// TestRecastCoverage: H has five offices and S one; both became V in
// 2020. In January 2019 three of H's offices reported, so H's share is
// not judged, and nor is V's recast from it: 4 of 6 offices.
func TestRecastCoverage(t *testing.T) {
	org := `[[county]]
id = "h"
name = "H"
until = "2019-12"
merged_into = "v"

[[county]]
id = "s"
name = "S"
until = "2019-12"
merged_into = "v"

[[county]]
id = "v"
name = "V"
from = "2020-01"
`
	for _, o := range []string{"h1", "h2", "h3", "h4", "h5", "s1"} {
		org += "\n[[office]]\nid = \"" + o + "\"\nname = \"" + o + "\"\ncounty = \"" + o[:1] + "\"\n"
	}
	csv := recastSite(t, org, "percent", "ratio", `2019-01,h1,n,,40,100
2019-01,h2,n,,40,100
2019-01,h3,n,,40,100
2019-01,s1,n,,40,100
2024-01,h1,n,,40,100
2024-01,h2,n,,40,100
2024-01,h3,n,,40,100
2024-01,h4,n,,40,100
2024-01,h5,n,,40,100
2024-01,s1,n,,40,100
`)
	for _, row := range []string{"2019-01;h;n;;50,0;60,0;incomplete;3;5;", "2019-01;v;n;;50,0;60,0;incomplete;4;6;recast;"} {
		if !strings.Contains(csv, row) {
			t.Errorf("scorecard.csv lacks %q:\n%s", row, csv)
		}
	}
}

// TestOfficeMerger: Flora and Vågsøy end in 2019-12 and Kinn takes over
// from 2020-01. Kinn's history before is theirs combined for the sum and
// the ratio goal, and none for the mean goal, whose predecessors are shown
// as lines of their own; the county rolls up Kinn from 2020.
func TestOfficeMerger(t *testing.T) {
	fsys := reorgSite(t, kinnOrg, `period,unit,goal,value,numerator,denominator
2019-12,flora,kontakter,6,,
2019-12,vagsoy,kontakter,5,,
2019-12,tromso,kontakter,9,,
2019-12,flora,arbeid,,40,100
2019-12,vagsoy,arbeid,,20,60
2019-12,tromso,arbeid,,9,20
2019-12,flora,ventetid,12,,
2019-12,vagsoy,ventetid,16,,
2020-01,kinn,kontakter,12,,
2020-01,tromso,kontakter,8,,
2020-01,kinn,arbeid,,70,160
2020-01,tromso,arbeid,,10,20
2020-01,kinn,ventetid,13,,
`, "")
	fsys["content/vest/kinn/2020-01.md"] = &fstest.MapFile{Data: []byte("Kinn er i gang.\n")}
	out := memOutput{}
	if errs, err := Build(fsys, defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	rows := readScorecard(t, out["scorecard.csv"])
	for key, want := range map[string]csvRow{
		"2019-12/kinn/kontakter": {"11", "red"},      // 6 + 5, against Flora's and Vågsøy's targets' sum 20, as vest's
		"2019-12/kinn/arbeid":    {"37,5", "red"},    // 60/160
		"2019-12/vest/kontakter": {"11", "red"},      // Flora and Vågsøy, against their targets' sum 20
		"2020-01/vest/kontakter": {"12", "green"},    // Kinn alone, against its own target 10
		"2020-01/vest/arbeid":    {"43,8", "yellow"}, // 70/160
	} {
		if got := rows[key]; got != want {
			t.Errorf("%s: %+v, want %+v", key, got, want)
		}
	}
	if _, ok := rows["2019-12/kinn/ventetid"]; ok {
		t.Errorf("a mean goal has a recast figure for Kinn")
	}
	if !strings.Contains(string(out["scorecard.csv"]), "2019-12;kinn;kontakter;11;20;16;red;;;recast") {
		t.Errorf("Kinn's recast row is not marked")
	}
	if strings.Contains(string(out["scorecard.csv"]), "2020-01;flora;") {
		t.Errorf("Flora has a row after it ended")
	}
	page := string(out["vest/kinn/index.html"])
	if !strings.Contains(page, `"type":"line","id":"predecessor-flora"`) || !strings.Contains(page, `"type":"line","id":"predecessor-vagsoy"`) || !strings.Contains(page, `"names":["NAV Kinn","NAV Flora","NAV Vågsøy"`) {
		t.Errorf("Kinn's ventetid chart does not show its predecessors as lines of their own, each with its own id")
	}
}

// TestReportedMonthAfterMerger: the reported month counts each month's
// own counties. Four steady counties and Vestland report for 2020-03,
// every county of that month, so the site reports 2020-03; counted over
// every county that ever existed, five of eight fell short of
// min_coverage and an older month was reported instead.
func TestReportedMonthAfterMerger(t *testing.T) {
	fsys := countySeries("")
	fsys["site.toml"] = &fstest.MapFile{Data: []byte("title = \"Helt ledige\"\nlanguage = \"nb\"\nmin_coverage = 0.75\n")}
	org := string(fsys["data/org.toml"].Data)
	results := "period,unit,goal,value\n"
	for _, id := range []string{"rogaland", "agder", "nordland"} {
		org += "\n[[county]]\nid = \"" + id + "\"\nname = \"NAV " + id + "\"\n"
	}
	for _, row := range []string{
		"2019-01,hordaland,7793", "2019-01,sogn-og-fjordane,1020",
		"2019-12,hordaland,7000", "2019-12,sogn-og-fjordane,900",
		"2020-01,vestland,9100", "2020-01,oslo,9500",
		"2020-03,vestland,9000",
	} {
		f := strings.Split(row, ",")
		results += f[0] + "," + f[1] + ",helt-ledige," + f[2] + "\n"
	}
	for _, month := range []string{"2019-01", "2019-12", "2020-03"} {
		for _, id := range []string{"oslo", "rogaland", "agder", "nordland"} {
			results += month + "," + id + ",helt-ledige,1000\n"
		}
	}
	fsys["data/org.toml"] = &fstest.MapFile{Data: []byte(org)}
	fsys["data/results/fylker.csv"] = &fstest.MapFile{Data: []byte(results)}
	out := memOutput{}
	c, errs := checkInput(fsys)
	if errs != nil {
		t.Fatalf("check: %v", errs)
	}
	if got := c.Reported.String(); got != "2020-03" || len(c.Thinner) != 0 {
		t.Errorf("reports %s, with thinner months %v; want 2020-03, none thinner", got, c.Thinner)
	}
	if _, err := c.Render(fsys, out); err != nil {
		t.Fatal(err)
	}
	if csv := string(out["scorecard.csv"]); !strings.Contains(csv, "2020-03;_site;helt-ledige;13000;50000;60000;green;5;5;") {
		t.Errorf("the whole site's 2020-03 row does not stand for the five counties of that month")
	}
}

// TestLocalGoalEndsWithItsCounty: a goal local to NAV Vest applies to
// Årstad while Årstad is in Vest. Vest merges into Vestland, and from then
// on a result or a measure for the goal at Årstad is an error that says
// why, not a row that scoring, which follows the office into Vestland,
// would drop without a word.
func TestLocalGoalEndsWithItsCounty(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml": {Data: []byte("title = \"T\"\nlanguage = \"en\"\n")},
		"data/org.toml": {Data: []byte(`[[county]]
id = "vest"
name = "NAV Vest"
until = "2019-12"
merged_into = "vestland"

[[county]]
id = "vestland"
name = "NAV Vestland"
from = "2020-01"

[[office]]
id = "arstad"
name = "NAV Årstad"
county = "vest"
`)},
		"data/goals.toml": {Data: []byte(`[[goal]]
id = "kontakter"
title = "Kontakter"
perspective = "Brukere"
unit = "count"
direction = "higher"
target = 10
yellow = 8
aggregate = "sum"

[[goal]]
id = "ventetid"
title = "Ventetid"
perspective = "Brukere"
unit = "days"
direction = "lower"
target = 10
yellow = 12
aggregate = "mean"
owner = "vest"
`)},
		"data/results/r.csv": {Data: []byte(`period,unit,goal,value
2019-11,arstad,kontakter,9
2019-12,arstad,kontakter,11
2020-01,arstad,kontakter,12
2019-11,arstad,ventetid,9
2019-12,arstad,ventetid,11
`)},
		"node_modules/echarts/dist/echarts.common.min.js": {Data: []byte("/* ECharts */")},
		"node_modules/minisearch/dist/umd/index.js":       {Data: []byte("/* MiniSearch */")},
	}
	if _, errs := checkInput(fsys); errs != nil {
		t.Fatalf("the goal's months in Vest: %v", errs)
	}
	// Årstad is in Vestland when the site reports: its rows are in
	// Vestland's CSV files, which its pages link.
	out := memOutput{}
	if errs, err := Build(fsys, defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	if page := string(out["vest/arstad/index.html"]); !strings.Contains(page, `<a href="../../vestland/scorecard.csv" download>`) {
		t.Error("Årstad's page does not download Vestland's scorecard.csv")
	}
	if csv := string(out["vestland/scorecard.csv"]); !strings.Contains(csv, "2020-01,arstad,kontakter,12.0,") {
		t.Errorf("vestland/scorecard.csv lacks Årstad's rows:\n%s", csv)
	}
	fsys["data/results/r.csv"].Data = append(fsys["data/results/r.csv"].Data, "2020-01,arstad,ventetid,13\n"...)
	fsys["content/vest/arstad/2020-01.md"] = &fstest.MapFile{Data: []byte("+++\n[[measure]]\ngoal = \"ventetid\"\ntext = \"Kortere ventetid\"\nstatus = \"planned\"\n+++\n")}
	_, errs := checkInput(fsys)
	want := `content/vest/arstad/2020-01.md:3: measure names goal "ventetid", which is local to "vest", and in 2020-01 "arstad" is part of "vestland", where it does not apply: remove the measure or name another goal
data/results/r.csv:7: goal "ventetid" is local to "vest", and in 2020-01 "arstad" is part of "vestland", where it does not apply: remove the row`
	if errs.Error() != want {
		t.Errorf("errors:\n%v\nwant:\n%s", errs, want)
	}

	// An office listed under another county that moved into Vest, and
	// back out before the merger, had the goal in its months in Vest only;
	// the error for a later month says where it was then.
	org := string(fsys["data/org.toml"].Data) + `
[[county]]
id = "hordaland"
name = "NAV Hordaland"

[[office]]
id = "fana"
name = "NAV Fana"
county = "hordaland"

[[office.change]]
from = "2019-06"
county = "vest"

[[office.change]]
from = "2019-10"
county = "hordaland"
`
	fsys["data/org.toml"] = &fstest.MapFile{Data: []byte(org)}
	// Its own target for the goal is for its months in Vest.
	fsys["data/goals.toml"] = &fstest.MapFile{Data: append(slices.Clone(fsys["data/goals.toml"].Data), "\n  [[goal.override]]\n  unit = \"fana\"\n  target = 8\n  yellow = 10\n"...)}
	delete(fsys, "content/vest/arstad/2020-01.md")
	fsys["data/results/r.csv"] = &fstest.MapFile{Data: []byte("period,unit,goal,value\n2019-07,fana,ventetid,9\n2019-11,fana,ventetid,9\n")}
	_, errs = checkInput(fsys)
	want = `data/results/r.csv:3: goal "ventetid" is local to "vest", and in 2019-11 "fana" is part of "hordaland", where it does not apply: remove the row`
	if errs.Error() != want {
		t.Errorf("errors:\n%v\nwant:\n%s", errs, want)
	}

	// An override dated from a month after Fana went back to Hordaland
	// would never take effect; one from a month it was in Vest does.
	goals := fsys["data/goals.toml"].Data
	dated := func(from string) {
		fsys["data/goals.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(string(goals), "unit = \"fana\"\n", "unit = \"fana\"\n  from = \""+from+"\"\n", 1))}
	}
	fsys["data/results/r.csv"] = &fstest.MapFile{Data: []byte("period,unit,goal,value\n2019-07,fana,ventetid,9\n")}
	dated("2019-10")
	_, errs = checkInput(fsys)
	want = `data/goals.toml:22: goal "ventetid": override for "fana" from 2019-10, but in none of the months it is in force is "fana" part of "vest", which the goal is local to: it would never take effect; set its from to a month when the office is part of "vest", or remove it`
	if errs.Error() != want {
		t.Errorf("errors:\n%v\nwant:\n%s", errs, want)
	}
	dated("2019-09")
	if _, errs = checkInput(fsys); errs != nil {
		t.Errorf("an override from 2019-09, when Fana is in Vest: %v", errs)
	}
	// One from 2019-05, before Fana moved to Vest, is in force only until
	// the next one takes over in 2019-06: it too would never take effect,
	// and so would one from the start.
	next := "\n  [[goal.override]]\n  unit = \"fana\"\n  from = \"2019-06\"\n  target = 8\n  yellow = 10\n"
	dated("2019-05")
	fsys["data/goals.toml"].Data = append(fsys["data/goals.toml"].Data, next...)
	_, errs = checkInput(fsys)
	if want := strings.Replace(want, "2019-10", "2019-05", 1); errs.Error() != want {
		t.Errorf("errors:\n%v\nwant:\n%s", errs, want)
	}
	fsys["data/goals.toml"] = &fstest.MapFile{Data: append(slices.Clone(goals), next...)}
	_, errs = checkInput(fsys)
	if want := strings.Replace(want, ` from 2019-10`, "", 1); errs.Error() != want {
		t.Errorf("errors:\n%v\nwant:\n%s", errs, want)
	}
	// Fana ends in 2019-08: an override from 2019-09 is for months it does
	// not exist in.
	fsys["data/org.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(org, "county = \"hordaland\"\n\n[[office.change]]", "county = \"hordaland\"\nuntil = \"2019-08\"\n\n[[office.change]]", 1))}
	dated("2019-09")
	_, errs = checkInput(fsys)
	want = `data/goals.toml:22: goal "ventetid": override for "fana" from 2019-09, but "fana" does not exist in any month it is in force: it would never take effect; set its from to a month when the office exists, or remove it`
	if !strings.Contains(errs.Error(), want) {
		t.Errorf("errors:\n%v\nwant among them:\n%s", errs, want)
	}
	fsys["data/org.toml"] = &fstest.MapFile{Data: []byte(org)}
	fsys["data/goals.toml"] = &fstest.MapFile{Data: goals}

	// A goal local to Vestland applies to Vest's offices from the merger,
	// which takes them along: Årstad may have its own target for it. (Fana
	// left Vest before the merger: its override goes.)
	vestland := strings.Replace(string(goals), "\n  [[goal.override]]\n  unit = \"fana\"\n  target = 8\n  yellow = 10\n", "", 1)
	fsys["data/goals.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(vestland, `owner = "vest"`, `owner = "vestland"`, 1) + "\n  [[goal.override]]\n  unit = \"arstad\"\n  target = 8\n  yellow = 10\n")}
	fsys["data/results/r.csv"] = &fstest.MapFile{Data: []byte("period,unit,goal,value\n2019-12,arstad,ventetid,9\n2020-01,arstad,ventetid,9\n")}
	_, errs = checkInput(fsys)
	want = `data/results/r.csv:2: goal "ventetid" is local to "vestland", and in 2019-12 "arstad" is part of "vest", where it does not apply: remove the row`
	if errs.Error() != want {
		t.Errorf("errors:\n%v\nwant:\n%s", errs, want)
	}

	// A commentary from before Årstad began is told so, and not also that
	// its measure's goal did not apply then.
	fsys["data/org.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(org, "name = \"NAV Årstad\"\n", "name = \"NAV Årstad\"\nfrom = \"2019-01\"\n", 1))}
	fsys["data/results/r.csv"] = &fstest.MapFile{Data: []byte("period,unit,goal,value\n2020-01,arstad,ventetid,9\n")}
	fsys["content/vest/arstad/2018-12.md"] = &fstest.MapFile{Data: []byte("+++\n[[measure]]\ngoal = \"ventetid\"\ntext = \"Kortere ventetid\"\nstatus = \"planned\"\n+++\n")}
	_, errs = checkInput(fsys)
	if len(errs) != 1 || !strings.Contains(errs.Error(), "content/vest/arstad/2018-12.md: commentary for 2018-12") {
		t.Errorf("errors:\n%v\nwant the commentary's month outside Årstad's life, once", errs)
	}
}

// TestRecastFiguresSayTheyAre: on Vestland's page of January 2020 the
// figures made of its predecessors' say so, not only its tables: the same
// month last year, the change from December (on the scorecard too, to the
// eye and not only to a screen reader), and the year 2019 beside the
// month; Oslo's, of its own, do not.
func TestRecastFiguresSayTheyAre(t *testing.T) {
	var extra strings.Builder
	for m := 2; m <= 11; m++ {
		fmt.Fprintf(&extra, "2019-%02d,hordaland,helt-ledige,7000\n2019-%02d,sogn-og-fjordane,helt-ledige,900\n2019-%02d,oslo,helt-ledige,9000\n", m, m, m)
	}
	fsys := countySeries(extra.String())
	fsys["site.toml"] = &fstest.MapFile{Data: []byte("title = \"Helt ledige\"\nlanguage = \"nb\"\nperiod = \"2020-01\"\n")}
	out := memOutput{}
	if errs, err := Build(fsys, defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	page := string(out["vestland/index.html"])
	for _, want := range []string{
		"Samme måned i fjor: 8\u00a0813 (omregnet)",
		"Endring fra forrige måned (fra omregnet tall): ",
		"(nådd, omregnet, målverdi\u00a0240\u00a0000)",
		// The scorecard's change, seen, not only heard.
		"</span> (fra omregnet tall)</span><span class=\"sr-only\">",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("vestland/index.html lacks %q", want)
		}
	}
	if oslo := string(out["oslo/index.html"]); strings.Contains(oslo, "omregnet") {
		t.Error("oslo/index.html says a figure of its own is recast")
	}
}

// TestMergerOfSharesGivenAsValues: a share given only as its value has no
// figure made of its predecessors' (it cannot be computed), so, as for a
// mean, the successor's chart shows them as lines of their own, with no
// mark of a recast figure that is not there.
func TestMergerOfSharesGivenAsValues(t *testing.T) {
	results := "period,unit,goal,value\n"
	for m := 1; m <= 12; m++ {
		results += fmt.Sprintf("2019-%02d,flora,arbeid,%d\n2019-%02d,vagsoy,arbeid,%d\n2019-%02d,tromso,arbeid,45\n", m, 29+m, m, 19+m, m)
	}
	fsys := reorgSite(t, kinnOrg, results+"2020-01,kinn,arbeid,38\n2020-01,tromso,arbeid,47\n", "")
	out := memOutput{}
	if errs, err := Build(fsys, defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	page := string(out["vest/kinn/index.html"])
	_, data, _ := strings.Cut(page, `id="chart-arbeid-data">`)
	data, _, _ = strings.Cut(data, "</script>")
	if !strings.Contains(data, `"names":["NAV Kinn","NAV Flora","NAV Vågsøy"`) || strings.Contains(data, "omregnet") {
		t.Errorf("Kinn's chart of a share given as values: %s", data)
	}
	// Nor does its year 2019, which cannot be computed, say it is recast.
	if !strings.Contains(page, "Året 2019: – (kan\u00a0ikke\u00a0regnes\u00a0ut)") || strings.Contains(page, "kan ikke regnes ut, omregnet") || strings.Contains(page, "(kan ikke regnes ut) (omregnet)") {
		t.Error("Kinn's page lacks its year 2019, or calls a figure that could not be made recast")
	}
}

// TestCountysOwnGoalOfAnOfficeMovedIn: Årstad moves into Nord in
// February, and Nord's own goal, whose target changes then, is on its
// scorecard from February: its rows of scorecard.csv and its target in
// its trend table begin then, with no target of 0 in the months before.
func TestCountysOwnGoalOfAnOfficeMovedIn(t *testing.T) {
	org := strings.Replace(baseFile(t, "data/org.toml"), "name = \"NAV Årstad\"\ncounty = \"vest\"\n", "name = \"NAV Årstad\"\ncounty = \"vest\"\n\n[[office.change]]\nfrom = \"2026-02\"\ncounty = \"nord\"\n", 1)
	out := buildBase(t, map[string]string{
		"data/org.toml": org,
		// Vest's own goal is not Årstad's in Nord.
		"data/results/2026.csv": strings.Replace(baseFile(t, "data/results/2026.csv"), "2026-02,arstad,ventetid,25,,\n", "", 1),
		"data/goals.toml": baseFile(t, "data/goals.toml") + `
[[goal]]
id = "nord-eget"
title = "Nords eget mål"
perspective = "Samfunn"
unit = "percent"
direction = "higher"
target = 50
yellow = 40
aggregate = "ratio"
owner = "nord"

  [[goal.schedule]]
  from = "2026-02"
  target = 55
  yellow = 45
`,
		"data/results/nord.csv": "period,unit,goal,value,numerator,denominator\n2026-01,tromso,nord-eget,,5,10\n2026-02,tromso,nord-eget,,6,10\n2026-02,arstad,nord-eget,,7,10\n",
	})
	for _, row := range readCSV(t, out["scorecard.csv"]) {
		if row[1] == "arstad" && row[2] == "nord-eget" && row[0] != "2026-02" {
			t.Errorf("Årstad has Nord's goal before it moved there: %v", row)
		}
	}
	page := string(out["vest/arstad/index.html"])
	if sec := section(t, page, "goal-nord-eget"); strings.Contains(sec, "<td>0,0") || !strings.Contains(sec, "<td>55,0") {
		t.Errorf("Årstad's section of Nord's goal:\n%s", sec)
	}
}

// TestAReformsOfficeMoves: in January 2020 Vest and Sogn merge into
// Vestland, Sogn's NAV B goes into Møre's NAV Volda, and Møre's NAV T is
// divided between Volda and Vestland's NAV C. Each county's page, the new one's
// too, says how its offices changed, and the front page the whole site's.
func TestAReformsOfficeMoves(t *testing.T) {
	org := `[[county]]
id = "vest"
name = "NAV Vest"
until = "2019-12"
merged_into = "vestland"

[[county]]
id = "sogn"
name = "NAV Sogn"
until = "2019-12"
merged_into = "vestland"

[[county]]
id = "vestland"
name = "NAV Vestland"
from = "2020-01"

[[county]]
id = "more"
name = "NAV Møre"

[[office]]
id = "a"
name = "NAV A"
county = "vest"

[[office]]
id = "b"
name = "NAV B"
county = "sogn"
until = "2019-12"
merged_into = "volda"

[[office]]
id = "c"
name = "NAV C"
county = "sogn"

[[office]]
id = "volda"
name = "NAV Volda"
county = "more"

[[office]]
id = "t"
name = "NAV T"
county = "more"
until = "2019-12"
split_into = ["volda", "c"]

[[office]]
id = "v2"
name = "NAV V2"
county = "more"
`
	var results strings.Builder
	results.WriteString("period,unit,goal,value\n")
	for m := 1; m <= 12; m++ {
		for _, office := range []string{"a", "b", "c", "volda", "t", "v2"} {
			fmt.Fprintf(&results, "2019-%02d,%s,kontakter,10\n", m, office)
		}
	}
	for _, office := range []string{"a", "c", "volda", "v2"} {
		results.WriteString("2020-01," + office + ",kontakter,10\n")
	}
	fsys := reorgSite(t, org, results.String(), "2020-01")
	fsys["data/goals.toml"] = &fstest.MapFile{Data: []byte(strings.NewReplacer("owner = \"vest\"\n", "", "unit = \"nord\"", "unit = \"more\"").Replace(baseFile(t, "data/goals.toml")))}
	out := memOutput{}
	if errs, err := Build(fsys, defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	// Vestland's offices are those of the counties merged into it: it
	// is no county without offices.
	if c, errs := Check(fsys, defaults); errs != nil || strings.Contains(c.Notices.Error(), "no offices") {
		t.Errorf("check: %v\n%v", errs, c.Notices)
	}
	for _, c := range []struct{ page, want string }{
		{"vestland/index.html", "<li>Gikk inn i NAV Volda i NAV Møre: <a href=\"../sogn/b/index.html\">NAV B</a>.</li>"},
		{"vestland/index.html", "Fylkets tall for desember 2019 og januar 2020 gjelder ikke de samme kontorene."},
		{"more/index.html", "<li>Fra NAV Sogn inn i NAV Volda: <a href=\"../sogn/b/index.html\">NAV B</a>.</li>"},
		{"more/index.html", "<li>Delt i NAV Volda og NAV C (NAV Vestland): <a href=\"../more/t/index.html\">NAV T</a>.</li>"},
		{"vestland/index.html", "<li>Fra NAV Møre, delvis inn i NAV C: <a href=\"../more/t/index.html\">NAV T</a>.</li>"},
		{"index.html", "<li>Gikk inn i NAV Volda: <a href=\"sogn/b/index.html\">NAV B</a>.</li>"},
		{"index.html", "<li>Delt i NAV Volda og NAV C: <a href=\"more/t/index.html\">NAV T</a>.</li>"},
		{"index.html", "<h3>Endringer i fylkene</h3>\n<ul class=\"office-changes\">\n  <li>Gikk inn i NAV Vestland: <a href=\"sogn/index.html\">NAV Sogn</a> og <a href=\"vest/index.html\">NAV Vest</a>.</li>\n</ul>"},
	} {
		id := "changes-h"
		if c.page == "index.html" {
			id = "whole-h"
		}
		if changes := section(t, string(out[c.page]), id); !strings.Contains(changes, c.want) {
			t.Errorf("%s's changes lack %q:\n%s", c.page, c.want, changes)
		}
	}
	// Volda, which existed before, got a part of T.
	if want := `<p class="history">Fikk en del av <a href="../../more/t/index.html">NAV T</a> i januar 2020.</p>`; !strings.Contains(string(out["more/volda/index.html"]), want) {
		t.Errorf("Volda's page lacks %q", want)
	}
	// Vestland's January of last year, its predecessors' recast, had
	// NAV B, which went to Møre.
	if sec := section(t, string(out["vestland/index.html"]), "goal-kontakter"); !strings.Contains(sec, "Samme måned i fjor: 30 (omregnet; ikke de samme kontorene)") {
		t.Errorf("Vestland's same month last year:\n%s", sec)
	}
	// Beside January, the year before: Vestland's, recast, had NAV B;
	// Volda's and Møre's lacked NAV B and a part of NAV T. A's was of A.
	for _, c := range []struct{ page, want string }{
		{"vestland/index.html", "Året 2019: 360 (nådd, omregnet, ikke de samme kontorene, målverdi\u00a0360)"},
		{"more/index.html", "Året 2019: 360 (nådd, ikke de samme kontorene, målverdi\u00a0360)"},
		{"more/volda/index.html", "Året 2019: 120 (nådd, ikke de samme kontorene, målverdi\u00a0120)"},
		{"vest/a/index.html", "Året 2019: 120 (nådd, målverdi\u00a0120)"},
		{"index.html", "Året 2019: 720 (nådd, målverdi\u00a0720)"},
	} {
		if !strings.Contains(string(out[c.page]), c.want) {
			t.Errorf("%s lacks %q", c.page, c.want)
		}
	}
	// An ended county's files have the rows of the offices it had, of
	// the months it had them: Sogn's C, now in Vestland, and Vest's A.
	for _, c := range []struct{ file, has, lacks string }{
		{"sogn/scorecard.csv", "\n2019-12;c;kontakter;10;", "\n2020-01;c;"},
		{"vest/scorecard.csv", "\n2019-01;a;kontakter;10;", "\n2020-01;a;"},
		{"sogn/periods.csv", "\n2019-T3;c;kontakter;40;", "\n2020-T1;c;"},
		{"vestland/scorecard.csv", "\n2020-01;c;kontakter;10;", "\n2020-01;b;"},
	} {
		if file := string(out[c.file]); !strings.Contains(file, c.has) || strings.Contains(file, c.lacks) {
			t.Errorf("%s lacks %q or has %q:\n%s", c.file, c.has, c.lacks, file)
		}
	}
	// Sogn's page shows December, its last month, and its tables end
	// there.
	if sogn := string(out["sogn/index.html"]); strings.Contains(sogn, "<tr><th>januar 2020<td>") || !strings.Contains(sogn, "<tr><th>desember 2019<td>") {
		t.Error("Sogn's tables do not end with December 2019, its last month")
	}
	// Sogn's last page lists its offices of December, C too, now in
	// Vestland.
	if former := section(t, string(out["sogn/index.html"]), "former-h"); !strings.Contains(former, "Kontorene i desember 2019</h2>") ||
		!strings.Contains(former, `<a href="b/index.html">NAV B</a>`) || !strings.Contains(former, `<a href="c/index.html">NAV C</a>`) {
		t.Errorf("Sogn's offices of its last month:\n%s", former)
	}
	// No office closed or opened: the whole site's figures are of the
	// same offices.
	if front := section(t, string(out["index.html"]), "whole-h"); strings.Contains(front, "Nedlagt") || strings.Contains(front, "gjelder ikke de samme kontorene") {
		t.Errorf("the front page says an office closed, or its figures are of other offices:\n%s", front)
	}
}

// TestALongReformFolds: sixteen offices of Vest each go into a new one in
// January 2020. The front page's list of the offices that came and went
// (17 lines with the new ones), and its list of former units, are folded,
// so that a phone reaches the scorecard; a list as long as the fold
// allows is not.
func TestALongReformFolds(t *testing.T) {
	build := func(n int) map[string][]byte {
		var org, results strings.Builder
		org.WriteString("[[county]]\nid = \"vest\"\nname = \"NAV Vest\"\n\n[[county]]\nid = \"nord\"\nname = \"NAV Nord\"\n")
		results.WriteString("period,unit,goal,value\n")
		for i := range n {
			fmt.Fprintf(&org, "\n[[office]]\nid = \"gammel%d\"\nname = \"NAV Gammel %d\"\ncounty = \"vest\"\nuntil = \"2019-12\"\nmerged_into = \"ny%d\"\n", i, i, i)
			fmt.Fprintf(&org, "\n[[office]]\nid = \"ny%d\"\nname = \"NAV Ny %d\"\ncounty = \"vest\"\nfrom = \"2020-01\"\n", i, i)
			fmt.Fprintf(&results, "2019-12,gammel%d,kontakter,10\n2020-01,ny%d,kontakter,10\n", i, i)
		}
		org.WriteString("\n[[office]]\nid = \"tromso\"\nname = \"NAV Tromsø\"\ncounty = \"nord\"\n")
		results.WriteString("2019-12,tromso,kontakter,10\n2020-01,tromso,kontakter,10\n")
		fsys := reorgSite(t, org.String(), results.String(), "2020-01")
		out := memOutput{}
		if errs, err := Build(fsys, defaults, out); errs != nil || err != nil {
			t.Fatalf("build: %v %v", errs, err)
		}
		return out
	}
	front := string(build(16)["index.html"])
	if changes := section(t, front, "whole-h"); !strings.Contains(changes, `<details class="office-fold"><summary>17 endringer</summary>`) || !strings.Contains(changes, "Gikk inn i NAV Ny 9: ") {
		t.Errorf("the front page's 16 mergers are not folded:\n%s", changes)
	}
	if former := section(t, front, "former-h"); !strings.Contains(former, `<details class="office-fold"><summary>16 enheter<span class="sr-only">: Tidligere enheter</span></summary>`) {
		t.Errorf("the front page's 16 former units are not folded:\n%s", former)
	}
	// Fourteen: 15 changes with the new offices, 14 former units.
	if front := string(build(14)["index.html"]); strings.Contains(front, "office-fold") {
		t.Error("the front page folds a list of 15")
	}
}

// TestAUnitToComeIsNoFormerUnit: built for December 2019 with the
// organisation of 2020 known already, Kinn, which begins in January, is
// listed among neither the front page's nor Vest's former units.
func TestAUnitToComeIsNoFormerUnit(t *testing.T) {
	fsys := reorgSite(t, kinnOrg, "period,unit,goal,value\n2019-12,flora,kontakter,12\n2019-12,vagsoy,kontakter,8\n2019-12,tromso,kontakter,9\n", "2019-12")
	out := memOutput{}
	if errs, err := Build(fsys, defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	for _, page := range []string{"index.html", "vest/index.html"} {
		if strings.Contains(string(out[page]), `id="former-h"`) {
			t.Errorf("%s lists former units:\n%s", page, section(t, string(out[page]), "former-h"))
		}
	}
}

// seljeOrg is kinnOrg with NAV Selje split between Kinn and Tromsø in
// January 2020, and Tromsø moved to Vest in February.
func seljeOrg() string {
	org := kinnOrg + `
[[office]]
id = "selje"
name = "NAV Selje"
county = "vest"
until = "2019-12"
split_into = ["kinn", "tromso"]
`
	return strings.Replace(org, "name = \"NAV Tromsø\"\ncounty = \"nord\"\n", "name = \"NAV Tromsø\"\ncounty = \"nord\"\n\n[[office.change]]\nfrom = \"2020-02\"\ncounty = \"vest\"\n", 1)
}

// TestAPartOfASplitOfficeIsTold: in January 2020 Kinn, new, and
// Tromsø, which existed, each got a part of Selje, which their pages
// say; Kinn was not split out of Selje alone, Flora and Vågsøy went into
// it too.
func TestAPartOfASplitOfficeIsTold(t *testing.T) {
	out := memOutput{}
	if errs, err := Build(reorgSite(t, seljeOrg(), "period,unit,goal,value\n2019-12,flora,kontakter,12\n2019-12,vagsoy,kontakter,8\n2019-12,selje,kontakter,5\n2019-12,tromso,kontakter,9\n2020-01,kinn,kontakter,22\n2020-01,tromso,kontakter,11\n", "2020-01"), defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	for _, page := range []string{"vest/kinn/index.html", "nord/tromso/index.html"} {
		if want := `Fikk en del av <a href="../../vest/selje/index.html">NAV Selje</a> i januar 2020.`; !strings.Contains(string(out[page]), want) {
			t.Errorf("%s lacks %q", page, want)
		}
	}
	if page := string(out["vest/kinn/index.html"]); strings.Contains(page, "Skilt ut") {
		t.Error("Kinn's page says it was split out of Selje")
	}
}

// TestAUnitToComeHasNoPageYet: built for December 2019 with January's
// reform entered in advance, Kinn, which begins in January, has no page,
// no row in a CSV file and no place in the search index, and no page
// tells as done the split of Selje in January or Tromsø's move in
// February. Check says so of Kinn's commentary written ahead, and does
// not call it an office without results.
func TestAUnitToComeHasNoPageYet(t *testing.T) {
	fsys := reorgSite(t, seljeOrg(), "period,unit,goal,value\n2019-12,flora,kontakter,12\n2019-12,vagsoy,kontakter,8\n2019-12,selje,kontakter,5\n2019-12,tromso,kontakter,9\n", "2019-12")
	// Its first commentary, written before it begins, is not promised a
	// place on a page it does not have.
	fsys["content/vest/kinn/2020-01.md"] = &fstest.MapFile{Data: []byte("Første måned.\n")}
	c, errs := Check(fsys, defaults)
	if errs != nil {
		t.Fatal(errs)
	}
	if n := c.Notices.Error(); !strings.Contains(n, `content/vest/kinn/2020-01.md:1: NAV Kinn begins in January 2020, after the month the site reports (December 2019): it has no page until then, and the commentary is published when January 2020 is reported`) || strings.Contains(n, "NAV Kinn has no results") {
		t.Errorf("notices:\n%v", c.Notices)
	}
	delete(fsys, "content/vest/kinn/2020-01.md")
	out := memOutput{}
	if errs, err := Build(fsys, defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	for _, page := range []string{"vest/selje/index.html", "nord/tromso/index.html"} {
		if _, ok := out[page]; !ok {
			t.Fatalf("%s, of December, is not written", page)
		}
	}
	for name, data := range out {
		if strings.Contains(name, "kinn") || strings.Contains(string(data), "kinn") || strings.Contains(string(data), "Kinn") {
			t.Errorf("%s names Kinn, which begins after the reported month", name)
		}
	}
	for _, page := range []string{"vest/selje/index.html", "nord/tromso/index.html"} {
		if strings.Contains(string(out[page]), "2020") {
			t.Errorf("%s tells of 2020:\n%s", page, out[page][strings.Index(string(out[page]), "<main"):])
		}
	}
}

// TestAGoalWithoutAStatusBeforeIsNotSaidUnchanged: in Kinn's first
// month, kontakter (a sum) is recast from Flora's and Vågsøy's December;
// ventetid (a mean of values) cannot be, and arbeid has no results:
// "no goal changed status" would speak for those two too, so the page
// names them as having nothing to compare with.
func TestAGoalWithoutAStatusBeforeIsNotSaidUnchanged(t *testing.T) {
	results := "period,unit,goal,value\n"
	for _, row := range []string{"2019-12,flora,kontakter,12", "2019-12,vagsoy,kontakter,8", "2019-12,flora,ventetid,11", "2019-12,vagsoy,ventetid,15", "2019-12,tromso,kontakter,9",
		"2020-01,kinn,kontakter,20", "2020-01,kinn,ventetid,13", "2020-01,tromso,kontakter,9",
		// Shares given as values, which no recast can combine.
		"2019-12,flora,arbeid,40", "2019-12,vagsoy,arbeid,50", "2020-01,kinn,arbeid,45"} {
		results += row + "\n"
	}
	out := memOutput{}
	if errs, err := Build(reorgSite(t, kinnOrg, results, "2020-01"), defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	changes := section(t, string(out["vest/kinn/index.html"]), "changes-h")
	if strings.Contains(changes, "Ingen mål har endret status") || strings.Contains(changes, "omregnet") || !strings.Contains(changes, "Ingen mål med status fra før har endret status siden forrige måned.") || !strings.Contains(changes, "Uten status fra før å sammenligne med: <a href=\"#goal-arbeid\">Overgang til arbeid</a> og <a href=\"#goal-ventetid\">Ventetid</a>.") {
		t.Errorf("Kinn's changes:\n%s", changes)
	}
	if changes := section(t, string(out["nord/tromso/index.html"]), "changes-h"); !strings.Contains(changes, "Ingen mål har endret status siden forrige måned.") || strings.Contains(changes, "Uten status") {
		t.Errorf("Tromsø's changes:\n%s", changes)
	}
}

// TestARenameIsTold: Tromsø is NAV Ishavsbyen from January 2020 and
// its county NAV Troms: their pages say what they were called, a search
// for the old name finds them, and a build of December 2019, before the
// renames, tells of neither.
func TestARenameIsTold(t *testing.T) {
	org := strings.Replace(kinnOrg, "name = \"NAV Tromsø\"\ncounty = \"nord\"\n", "name = \"NAV Tromsø\"\ncounty = \"nord\"\n\n[[office.change]]\nfrom = \"2020-01\"\nname = \"NAV Ishavsbyen\"\n", 1)
	org = strings.Replace(org, "name = \"NAV Nord\"\n", "name = \"NAV Nord\"\n\n[[county.change]]\nfrom = \"2020-01\"\nname = \"NAV Troms\"\n", 1)
	results := "period,unit,goal,value\n2019-12,flora,kontakter,12\n2019-12,vagsoy,kontakter,8\n2019-12,tromso,kontakter,9\n2020-01,kinn,kontakter,20\n2020-01,tromso,kontakter,9\n"
	for _, c := range []struct {
		period string
		told   bool
	}{{"2020-01", true}, {"2019-12", false}} {
		out := memOutput{}
		if errs, err := Build(reorgSite(t, org, results, c.period), defaults, out); errs != nil || err != nil {
			t.Fatalf("build: %v %v", errs, err)
		}
		for page, want := range map[string]string{
			"nord/tromso/index.html": `Het NAV Tromsø til desember 2019.`,
			"nord/index.html":        `Het NAV Nord til desember 2019.`,
			"assets/search-index.js": `Het NAV Tromsø til desember 2019.`,
		} {
			if strings.Contains(string(out[page]), want) != c.told {
				t.Errorf("built for %s, %s has %q: %v, want %v", c.period, page, want, !c.told, c.told)
			}
		}
	}
}

// TestANameHadForAWhile: Tromsø was NAV Ishavsbyen in November and
// December 2019, and is NAV Tromsø again; Nesna went into it in December.
// Built for January 2020, its page tells the name it had for a while,
// from when to when, before the merger, not that it was called NAV
// Tromsø, its name now; built for December, that it was called NAV
// Tromsø until October. The search index says the same.
func TestANameHadForAWhile(t *testing.T) {
	org := strings.Replace(kinnOrg, "name = \"NAV Tromsø\"\ncounty = \"nord\"\n", "name = \"NAV Tromsø\"\ncounty = \"nord\"\n\n[[office.change]]\nfrom = \"2019-11\"\nname = \"NAV Ishavsbyen\"\n\n[[office.change]]\nfrom = \"2020-01\"\nname = \"NAV Tromsø\"\n", 1)
	// Nesna went into it in December, between its renames.
	org += "\n[[office]]\nid = \"nesna\"\nname = \"NAV Nesna\"\ncounty = \"nord\"\nuntil = \"2019-11\"\nmerged_into = \"tromso\"\n"
	results := "period,unit,goal,value\n2019-10,tromso,kontakter,9\n2019-11,tromso,kontakter,9\n2019-12,tromso,kontakter,9\n2020-01,tromso,kontakter,9\n"
	for period, want := range map[string]string{
		"2020-01": `<p class="history">Het NAV Ishavsbyen fra november 2019 til desember 2019.</p>`,
		"2019-12": `<p class="history">Het NAV Tromsø til oktober 2019.</p>`,
	} {
		out := memOutput{}
		if errs, err := Build(reorgSite(t, org, results, period), defaults, out); errs != nil || err != nil {
			t.Fatalf("build: %v %v", errs, err)
		}
		page := string(out["nord/tromso/index.html"])
		if !strings.Contains(page, want) || period == "2020-01" && strings.Contains(page, "Het NAV Tromsø") {
			t.Errorf("built for %s, Tromsø's page lacks %q, or says it was called what it is called:\n%s", period, want, page[strings.Index(page, "<h1"):][:600])
		}
		// The name of November is told before the merger of December.
		if merged := strings.Index(page, "gikk inn i enheten i desember 2019"); merged < 0 || strings.Index(page, want) > merged {
			t.Errorf("built for %s, Tromsø's history is out of order:\n%s", period, page[strings.Index(page, "<h1"):][:800])
		}
		if index := string(out["assets/search-index.js"]); !strings.Contains(index, strings.TrimSuffix(strings.TrimPrefix(want, `<p class="history">`), "</p>")) || period == "2020-01" && strings.Contains(index, "Het NAV Tromsø") {
			t.Errorf("built for %s, the search index lacks %q, or has what Tromsø is called", period, want)
		}
	}
}

// TestAHistoryOfGapsSplitsAndNames: X went into A in July 2019 and
// comes back in March 2020, named NAV Y from a return in September 2019
// before that; P and Q were each split between N, new, and A in January
// 2020. Built for December 2019, X's page tells its gap as open and names
// no later month; built for January 2020, N got parts of P and Q and was
// split out of neither alone, and Y's page names its former name.
func TestAHistoryOfGapsSplitsAndNames(t *testing.T) {
	org := `[[county]]
id = "vest"
name = "NAV Vest"

[[county]]
id = "nord"
name = "NAV Nord"

[[office]]
id = "a"
name = "NAV A"
county = "vest"

[[office]]
id = "x"
name = "NAV X"
county = "vest"

[[office.life]]
until = "2019-06"
merged_into = "a"

[[office.life]]
from = "2020-03"

[[office]]
id = "y"
name = "NAV X2"
county = "vest"

[[office.life]]
until = "2019-06"

[[office.life]]
from = "2019-09"

[[office.change]]
from = "2019-09"
name = "NAV Y"

[[office]]
id = "p"
name = "NAV P"
county = "vest"
until = "2019-12"
split_into = ["n", "a"]

[[office]]
id = "q"
name = "NAV Q"
county = "vest"
until = "2019-12"
split_into = ["n", "a"]

[[office]]
id = "n"
name = "NAV N"
county = "vest"
from = "2020-01"

[[office]]
id = "tromso"
name = "NAV Tromsø"
county = "nord"
`
	results := "period,unit,goal,value\n"
	for _, row := range []string{"2019-06,x", "2019-06,y", "2019-06,a", "2019-06,tromso", "2019-09,y", "2019-12,y", "2019-12,a", "2019-12,p", "2019-12,q", "2019-12,tromso", "2020-01,y", "2020-01,a", "2020-01,n", "2020-01,tromso"} {
		results += row + ",kontakter,10\n"
	}
	build := func(period string) memOutput {
		out := memOutput{}
		if errs, err := Build(reorgSite(t, org, results, period), defaults, out); errs != nil || err != nil {
			t.Fatalf("build: %v %v", errs, err)
		}
		return out
	}
	out := build("2019-12")
	if page := string(out["vest/x/index.html"]); !strings.Contains(page, `Del av <a href="../../vest/a/index.html">NAV A</a> fra juli 2019.`) || strings.Contains(page, "2020") {
		t.Errorf("X's page, in its gap:\n%s", page[strings.Index(page, "<main"):])
	}
	out = build("2020-01")
	for page, want := range map[string]string{
		"vest/n/index.html": `Fikk en del av <a href="../../vest/p/index.html">NAV P</a> og <a href="../../vest/q/index.html">NAV Q</a> i januar 2020.`,
		"vest/a/index.html": `Fikk en del av <a href="../../vest/p/index.html">NAV P</a> og <a href="../../vest/q/index.html">NAV Q</a> i januar 2020.`,
		"vest/y/index.html": `Het NAV X2 til juni 2019.`,
	} {
		if !strings.Contains(string(out[page]), want) {
			t.Errorf("%s lacks %q", page, want)
		}
	}
	if strings.Contains(string(out["vest/n/index.html"]), "Skilt ut") {
		t.Error("N's page says it was split out of P or Q")
	}
}

// TestAPastTertialListsItsOfficesThen: Gamle went into Vest in January
// 2020 with its office A, which goes on in Vest. Built for January 2020,
// Gamle's report of the last tertial of 2019 lists A, which it had then,
// and links it; Vest's report of that tertial does not, nor counts its
// measure.
func TestAPastTertialListsItsOfficesThen(t *testing.T) {
	org := "[[county]]\nid = \"vest\"\nname = \"NAV Vest\"\n\n[[county]]\nid = \"gamle\"\nname = \"NAV Gamle\"\nuntil = \"2019-12\"\nmerged_into = \"vest\"\n\n[[county]]\nid = \"nord\"\nname = \"NAV Nord\"\n\n" +
		"[[office]]\nid = \"a\"\nname = \"NAV A\"\ncounty = \"gamle\"\n\n[[office]]\nid = \"b\"\nname = \"NAV B\"\ncounty = \"vest\"\n\n[[office]]\nid = \"tromso\"\nname = \"NAV Tromsø\"\ncounty = \"nord\"\n"
	results := "period,unit,goal,value\n"
	for _, month := range []string{"2019-09", "2019-10", "2019-11", "2019-12", "2020-01"} {
		for _, o := range []string{"a", "b", "tromso"} {
			results += month + "," + o + ",kontakter,10\n"
		}
	}
	fsys := reorgSite(t, org, results, "2020-01")
	fsys["content/gamle/a/2019-10.md"] = &fstest.MapFile{Data: []byte("+++\n[[measure]]\ngoal = \"kontakter\"\ntext = \"Ringe bedrifter\"\nstatus = \"started\"\n+++\nTekst.\n")}
	out := memOutput{}
	if errs, err := Build(fsys, defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	gamle, vest := string(out["gamle/2019-T3.html"]), string(out["vest/2019-T3.html"])
	if !strings.Contains(gamle, `<a href="a/2019-T3.html">NAV A</a>`) || !strings.Contains(gamle, "Ringe bedrifter") && !strings.Contains(gamle, "hos NAV A") {
		t.Errorf("Gamle's report of 2019-T3 lacks NAV A or its measure:\n%s", gamle[strings.Index(gamle, "<main"):])
	}
	if strings.Contains(vest, "NAV A<") || strings.Contains(vest, "hos NAV A") {
		t.Errorf("Vest's report of 2019-T3 lists NAV A, which was Gamle's then")
	}
}

// TestAnEndedCountyNamesItsOfficesAsThen: Nord went into Vest in
// January 2020, when Tromsø became NAV Ishavsbyen: Nord's last page lists
// the office by the name it had in December.
func TestAnEndedCountyNamesItsOfficesAsThen(t *testing.T) {
	org := strings.Replace(kinnOrg, "name = \"NAV Tromsø\"\ncounty = \"nord\"\n", "name = \"NAV Tromsø\"\ncounty = \"nord\"\n\n[[office.change]]\nfrom = \"2020-01\"\nname = \"NAV Ishavsbyen\"\n", 1)
	org = strings.Replace(org, "name = \"NAV Nord\"\n", "name = \"NAV Nord\"\nuntil = \"2019-12\"\nmerged_into = \"vest\"\n", 1)
	results := "period,unit,goal,value\n2019-12,flora,kontakter,12\n2019-12,vagsoy,kontakter,8\n2019-12,tromso,kontakter,9\n2020-01,kinn,kontakter,20\n2020-01,tromso,kontakter,9\n"
	out := memOutput{}
	if errs, err := Build(reorgSite(t, org, results, "2020-01"), defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	if former := section(t, string(out["nord/index.html"]), "former-h"); !strings.Contains(former, `<a href="tromso/index.html">NAV Tromsø</a>`) {
		t.Errorf("Nord's offices of December:\n%s", former)
	}
}

// TestAnEndedOfficesPageIsOfItsLastMonth: built for January 2020, the
// page of Flora, which went into Kinn then, is of December 2019: its
// title and headings say so, it shows December's commentary, and where
// there is none it invites none, since Flora can write no more.
func TestAnEndedOfficesPageIsOfItsLastMonth(t *testing.T) {
	results := "period,unit,goal,value\n2019-12,flora,kontakter,12\n2019-12,vagsoy,kontakter,8\n2019-12,tromso,kontakter,9\n2020-01,kinn,kontakter,20\n2020-01,tromso,kontakter,9\n"
	fsys := reorgSite(t, kinnOrg, results, "2020-01")
	fsys["content/vest/flora/2019-12.md"] = &fstest.MapFile{Data: []byte("+++\nauthor = \"Kari\"\n+++\nSiste måned før Kinn.\n")}
	out := memOutput{}
	if errs, err := Build(fsys, defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	flora, vagsoy := string(out["vest/flora/index.html"]), string(out["vest/vagsoy/index.html"])
	for _, want := range []string{"<title>NAV Flora, desember 2019", "Målekort, desember 2019</h2>", "Kommentar, desember 2019</h2>", "Siste måned før Kinn."} {
		if !strings.Contains(flora, want) {
			t.Errorf("Flora's page lacks %q", want)
		}
	}
	if strings.Contains(flora, "januar 2020</h2>") {
		t.Error("Flora's page has a heading of January 2020")
	}
	if !strings.Contains(vagsoy, "Kontoret skrev ikke kommentar for denne måneden.") || strings.Contains(vagsoy, "ennå") {
		t.Errorf("Vågsøy's page, without commentary, says:\n%s", section(t, vagsoy, "comm-h"))
	}
}

// TestAnOfficesHistoryInItsOrder: Kinn, into which Flora and Vågsøy went
// in January 2020, moved to Nord in March: its page tells the two in
// that order.
func TestAnOfficesHistoryInItsOrder(t *testing.T) {
	org := strings.Replace(kinnOrg, "county = \"vest\"\nfrom = \"2020-01\"\n", "county = \"vest\"\nfrom = \"2020-01\"\n\n[[office.change]]\nfrom = \"2020-03\"\ncounty = \"nord\"\n", 1)
	fsys := reorgSite(t, org, "period,unit,goal,value\n2020-01,kinn,kontakter,12\n2020-01,tromso,kontakter,8\n2020-03,kinn,kontakter,11\n2020-03,tromso,kontakter,9\n", "2020-03")
	out := memOutput{}
	if errs, err := Build(fsys, defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	page := string(out["vest/kinn/index.html"])
	merged, moved := strings.Index(page, "gikk inn i enheten i januar 2020."), strings.Index(page, "Gikk over fra NAV Vest til")
	if merged < 0 || moved < 0 || moved < merged {
		t.Errorf("Kinn's history, its merger at %d and its move at %d:\n%s", merged, moved, page[:min(len(page), 4000)])
	}
}

// TestAnOfficeMovesCounty: Årstad moves from Vest to Nord in February.
// Both counties' "what changed" say so, and that their figures before
// and after are of other offices; the counties' sum targets moved with
// it, and say they are sums of other offices; a change across the move
// is no move of the month nor a signal, and says it is of other offices;
// Årstad's goal lagged a month shows January, judged by Vest's target,
// and names Vest, not "fylkets"; Årstad's page says it moved.
func TestAnOfficeMovesCounty(t *testing.T) {
	org := strings.Replace(baseFile(t, "data/org.toml"), "name = \"NAV Årstad\"\ncounty = \"vest\"\n", "name = \"NAV Årstad\"\ncounty = \"vest\"\n\n[[office.change]]\nfrom = \"2026-02\"\ncounty = \"nord\"\n", 1)
	goals := strings.Replace(baseFile(t, "data/goals.toml"), "aggregate = \"ratio\"\n\n  [[goal.override]]\n  unit = \"nord\"", "aggregate = \"ratio\"\nlag = 1\n\n  [[goal.override]]\n  unit = \"vest\"", 1)
	results2025, _ := year2025(t, 0)
	out := buildBase(t, map[string]string{
		"data/org.toml":         org,
		"data/goals.toml":       goals,
		"data/results/2025.csv": results2025,
		"data/results/2026.csv": strings.Replace(baseFile(t, "data/results/2026.csv"), "2026-02,arstad,ventetid,25,,\n", "", 1),
	})
	nord, vest := section(t, string(out["nord/index.html"]), "changes-h"), section(t, string(out["vest/index.html"]), "changes-h")
	for _, c := range []struct{ name, changes, move, target string }{
		{"Nord", nord, `<li>Fra NAV Vest: <a href="../vest/arstad/index.html">NAV Årstad</a>.</li>`, "(målverdien, sum av kontorene, gikk fra 10 til 20; ikke de samme kontorene)"},
		{"Vest", vest, `<li>Til NAV Nord: <a href="../vest/arstad/index.html">NAV Årstad</a>.</li>`, "(målverdien, sum av kontorene, gikk fra 20 til 10; ikke de samme kontorene)"},
	} {
		if !strings.Contains(c.changes, `<h3>Endringer i fylkets kontorer</h3>`) || !strings.Contains(c.changes, c.move) ||
			!strings.Contains(c.changes, "Fylkets tall for januar 2026 og februar 2026 gjelder ikke de samme kontorene.") || !strings.Contains(c.changes, c.target) {
			t.Errorf("%s's changes:\n%s", c.name, c.changes)
		}
	}
	// Nord's kontakter rose from Tromsø's 7 to Tromsø's and Årstad's 18,
	// no move of the month nor a signal after a steady year: it says
	// its figures are of other offices.
	if moves := movesIn(nord); strings.Contains(moves, "#goal-kontakter") {
		t.Errorf("Nord's kontakter of other offices is among the month's moves:\n%s", moves)
	}
	if sec := section(t, string(out["nord/index.html"]), "goal-kontakter"); !strings.Contains(sec, "Endring fra forrige måned: +11 (ikke de samme kontorene)") || strings.Contains(sec, "⚑") || strings.Contains(sec, "bedre") {
		t.Errorf("Nord's kontakter:\n%s", sec)
	}
	if row := scorecardRow(section(t, string(out["vest/arstad/index.html"]), "card-h"), "Overgang til arbeid"); !strings.Contains(row, "Målverdi 50,0\u00a0% <span class=\"source\">(satt av NAV Vest)</span>") {
		t.Errorf("Årstad's January under Vest's target:\n%s", row)
	}
	// The goal page's ranking gives the chain of targets of the county
	// that judged it.
	if rank := section(t, string(out["goals/arbeid/index.html"]), "rank-h"); !strings.Contains(rank, "(satt av NAV Vest; fylket 50,0\u00a0%, felles 45,0\u00a0%)") {
		t.Errorf("the goal page's ranking of Årstad:\n%s", rank)
	}
	if page := string(out["vest/arstad/index.html"]); !strings.Contains(page, `<p class="history">Gikk over fra NAV Vest til <a href="../../nord/index.html">NAV Nord</a> i februar 2026.</p>`) {
		t.Errorf("Årstad's page does not say it moved:\n%s", page[:min(len(page), 3000)])
	}
	// Nord's matrix of the year to date has its offices now, Årstad
	// with its January in Vest, which Nord's own January is not of.
	if mx := section(t, string(out["nord/index.html"]), "ytd-matrix-h"); !strings.Contains(mx, "Tallene for fylket på målekortet gjelder kontorene det hadde i perioden, ikke de samme som i tabellen.") {
		t.Errorf("Nord's year to date:\n%s", mx)
	}
	// Nothing moved in January, nor in Vest's offices the month a
	// county without moves is built.
	if page := string(buildBase(t, nil)["vest/index.html"]); strings.Contains(page, "Endringer i fylkets kontorer") || strings.Contains(page, "Tallene for fylket på målekortet") {
		t.Error("Vest's page says its offices changed when none did")
	}
}

// TestASuccessorsNewGoal: Vest merges into Vestland in February, whose
// January is Vest's recast, and a goal begins in February: Vestland's
// first month says the goal is new on its scorecard, as Vest's would
// have, and not that its offices changed, since its January is theirs.
func TestASuccessorsNewGoal(t *testing.T) {
	org := strings.Replace(baseFile(t, "data/org.toml"), "id = \"vest\"\nname = \"NAV Vest\"\n", "id = \"vest\"\nname = \"NAV Vest\"\nuntil = \"2026-01\"\nmerged_into = \"vestland\"\n\n[[county]]\nid = \"vestland\"\nname = \"NAV Vestland\"\nfrom = \"2026-02\"\n", 1)
	out := buildBase(t, map[string]string{
		"data/org.toml":         org,
		"data/goals.toml":       baseFile(t, "data/goals.toml") + countGoalTOML("ny", "Nytt mål", `from = "2026-02"`),
		"data/results/ny.csv":   "period,unit,goal,value\n2026-02,arstad,ny,12\n2026-02,bergen-nord,ny,9\n2026-02,tromso,ny,7\n",
		"data/results/2026.csv": strings.Replace(baseFile(t, "data/results/2026.csv"), "2026-02,bergen-nord,ventetid,15,,\n2026-02,arstad,ventetid,25,,\n", "", 1),
	})
	changes := section(t, string(out["vestland/index.html"]), "changes-h")
	if !strings.Contains(changes, `Nytt mål</a> <span class="muted">nytt på målekortet</span>`) {
		t.Errorf("Vestland's first month does not say the goal is new:\n%s", changes)
	}
	// Its January is Vest's offices' recast: no other offices than
	// February's.
	if strings.Contains(changes, "Endringer i fylkets kontorer") {
		t.Errorf("Vestland's first month says its offices changed:\n%s", changes)
	}
}

// movesIn is the lists of the largest moves in a page's changes.
func movesIn(changes string) string {
	var moves strings.Builder
	for _, part := range strings.Split(changes, "<h3>Størst")[1:] {
		moves.WriteString(part[:strings.Index(part, "</ul>")])
	}
	return moves.String()
}

// TestOfficesOpenAndMerge: in February NAV Ny and NAV Ny to open in
// Vest and Bergen nord goes into Årstad. The front page says so of the whole site, and
// that its figures of January and February are not of the same offices,
// as Vest's page does of Vest.
func TestOfficesOpenAndMerge(t *testing.T) {
	merger := strings.Replace(baseFile(t, "data/org.toml"), "name = \"NAV Bergen nord\"\ncounty = \"vest\"\n", "name = \"NAV Bergen nord\"\ncounty = \"vest\"\nuntil = \"2026-01\"\nmerged_into = \"arstad\"\n", 1)
	org := merger +
		"\n[[office]]\nid = \"ny\"\nname = \"NAV Ny\"\ncounty = \"vest\"\nfrom = \"2026-02\"\n" +
		"\n[[office]]\nid = \"ny-to\"\nname = \"NAV Ny to\"\ncounty = \"vest\"\nfrom = \"2026-02\"\n"
	results, merged := baseFile(t, "data/results/2026.csv"), baseFile(t, "data/results/2026.csv")
	for _, row := range []string{"2026-02,bergen-nord,arbeid,,899,2000\n", "2026-02,bergen-nord,kontakter,11,,\n", "2026-02,bergen-nord,ventetid,15,,\n"} {
		if !strings.Contains(results, row) {
			t.Fatalf("the base has no row %q", row)
		}
		results = strings.Replace(results, row, strings.Replace(row, "bergen-nord", "ny", 1), 1)
		merged = strings.Replace(merged, row, "", 1)
	}
	results += "2026-02,ny-to,arbeid,,40,100\n2026-02,ny-to,kontakter,9,,\n2026-02,ny-to,ventetid,12,,\n"
	out := buildBase(t, map[string]string{"data/org.toml": org, "data/results/2026.csv": results})
	whole := section(t, string(out["index.html"]), "whole-h")
	for _, want := range []string{
		"<h3>Endringer i kontorene</h3>",
		`<li>Nye kontorer: <a href="vest/ny/index.html">NAV Ny</a> og <a href="vest/ny-to/index.html">NAV Ny to</a>.</li>`,
		`<li>Gikk inn i NAV Årstad: <a href="vest/bergen-nord/index.html">NAV Bergen nord</a>.</li>`,
		"Tallene for januar 2026 og februar 2026 gjelder ikke de samme kontorene.",
	} {
		if !strings.Contains(whole, want) {
			t.Errorf("the front page lacks %s:\n%s", want, whole)
		}
	}
	if vest := section(t, string(out["vest/index.html"]), "changes-h"); !strings.Contains(vest, "Fylkets tall for januar 2026 og februar 2026 gjelder ikke de samme kontorene.") {
		t.Errorf("Vest's changes:\n%s", vest)
	}
	// With the merger alone, Vest's and the whole site's figures are of
	// the same offices: the merger is told, without the note.
	alone := buildBase(t, map[string]string{"data/org.toml": merger, "data/results/2026.csv": merged})
	for _, name := range []string{"index.html", "vest/index.html"} {
		if page := string(alone[name]); !strings.Contains(page, "Gikk inn i NAV Årstad: ") || strings.Contains(page, "gjelder ikke de samme kontorene") {
			t.Errorf("%s after the merger alone:\n%s", name, page)
		}
	}
	// Nord's offices did not change: it says nothing of them, and its
	// moves stand.
	if nord := section(t, string(out["nord/index.html"]), "changes-h"); strings.Contains(nord, "kontorer</h3>") || strings.Contains(nord, "ikke de samme kontorene") {
		t.Errorf("Nord's changes:\n%s", nord)
	}
}

// TestAnEndedUnitsChartsEndWithIt: built for February 2020, the page of
// Flora, which went into Kinn in January, shows December 2019, its last
// month, and its charts and tables end there too, not in two months it
// did not exist in (rows of "fantes ikke" under a target it never had).
// What followed its measure is what December showed.
func TestAnEndedUnitsChartsEndWithIt(t *testing.T) {
	results := "period,unit,goal,value\n"
	for _, row := range []string{"2019-11,flora", "2019-12,flora", "2019-11,vagsoy", "2019-12,vagsoy", "2019-11,tromso", "2019-12,tromso", "2020-01,kinn", "2020-01,tromso", "2020-02,kinn", "2020-02,tromso"} {
		results += row + ",kontakter,10\n"
	}
	fsys := reorgSite(t, kinnOrg, results, "2020-02")
	fsys["content/vest/flora/2019-11.md"] = &fstest.MapFile{Data: []byte("+++\nauthor = \"Leder\"\ndate = 2019-12-02\n\n[[measure]]\ngoal = \"kontakter\"\ntext = \"Ringe rundt\"\nstatus = \"started\"\n+++\nTekst.\n")}
	out := memOutput{}
	if errs, err := Build(fsys, defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	flora := string(out["vest/flora/index.html"])
	// What followed its measure is what December showed, and says so.
	if want := "10 ved start, 10 i desember 2019, den siste måneden kontoret fantes: uendret"; !strings.Contains(flora, want) {
		t.Errorf("Flora's measure lacks %q:\n%s", want, section(t, flora, "measures-h"))
	}
	if measures := string(out["vest/flora/measures.csv"]); !strings.Contains(measures, ";10;10;unchanged;2019-11;2019-12\r\n") {
		t.Errorf("Flora's measures.csv:\n%s", measures)
	}
	for _, month := range []string{"<tr><th>januar 2020<td>", "<tr><th>februar 2020<td>", `"jan. 20"`, `"feb. 20"`} {
		if strings.Contains(flora, month) {
			t.Errorf("Flora's page has %s, after it ended", month)
		}
	}
	if !strings.Contains(flora, `"data":["nov. 19","des. 19"]`) || !strings.Contains(flora, "<tr><th>desember 2019<td>") {
		t.Error("Flora's charts or tables lack its months")
	}
	// Kinn's go on to February.
	if kinn := string(out["vest/kinn/index.html"]); !strings.Contains(kinn, "<tr><th>februar 2020<td>") {
		t.Error("Kinn's tables lack February")
	}
}

// TestARowOfASuccessorBeforeItBegan: a row for Kinn in December 2019,
// before it began (NAV's recast figure), cannot go to the two offices it
// was made of: the error says to remove it, or give it to the one of
// them it is of; a commentary for then is written for one of them.
func TestARowOfASuccessorBeforeItBegan(t *testing.T) {
	fsys := reorgSite(t, kinnOrg, "period,unit,goal,value\n2019-12,flora,kontakter,12\n2019-12,vagsoy,kontakter,8\n2019-12,kinn,kontakter,20\n2020-01,kinn,kontakter,20\n", "")
	fsys["content/vest/kinn/2019-12.md"] = &fstest.MapFile{Data: []byte("+++\nauthor = \"Leder\"\n+++\nTekst.\n")}
	errs, _ := Build(fsys, defaults, memOutput{})
	for _, want := range []string{
		`data/results/r.csv:4: kinn begins in 2020-01; before then there were flora and vagsoy: remove this row (the months before are recast from their rows where they can be), or give it to the one of them it is of`,
		`content/vest/kinn/2019-12.md: commentary for 2019-12: kinn begins in 2020-01; before then there were flora and vagsoy: write it for the one of them it is of`,
	} {
		if errs == nil || !strings.Contains(errs.Error(), want) {
			t.Errorf("errors lack %q:\n%v", want, errs)
		}
	}
}

// TestASuccessorWithoutRecastFiguresIsNew: Kinn's predecessors gave
// their shares as values, which no recast can combine, and nothing else:
// Kinn has no figure of December to compare with, so its changes say it
// did not exist then, rather than list every goal as without a status.
func TestASuccessorWithoutRecastFiguresIsNew(t *testing.T) {
	fsys := reorgSite(t, kinnOrg, "period,unit,goal,value\n2019-12,flora,arbeid,40\n2019-12,vagsoy,arbeid,50\n2019-12,tromso,arbeid,50\n2020-01,kinn,arbeid,45\n2020-01,tromso,arbeid,50\n", "2020-01")
	out := memOutput{}
	if errs, err := Build(fsys, defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	if changes := section(t, string(out["vest/kinn/index.html"]), "changes-h"); !strings.Contains(changes, "<p>NAV Kinn fantes ikke i desember 2019, så ingen status å sammenligne med.</p>") || strings.Contains(changes, "Uten status") {
		t.Errorf("Kinn's changes:\n%s", changes)
	}
}

// TestAYearOfTheSameOfficesWhereItHasFigures: A went into B in March
// 2019, and B has results only from then: B's 2019 beside January 2020
// is of the same offices in every month it has a figure, so it does not
// say "ikke de samme kontorene", as a year whose months with figures are
// of other offices does.
func TestAYearOfTheSameOfficesWhereItHasFigures(t *testing.T) {
	org := "[[county]]\nid = \"vest\"\nname = \"NAV Vest\"\n\n[[county]]\nid = \"nord\"\nname = \"NAV Nord\"\n\n[[office]]\nid = \"a\"\nname = \"NAV A\"\ncounty = \"vest\"\nuntil = \"2019-02\"\nmerged_into = \"b\"\n\n[[office]]\nid = \"b\"\nname = \"NAV B\"\ncounty = \"vest\"\n\n[[office]]\nid = \"tromso\"\nname = \"NAV Tromsø\"\ncounty = \"nord\"\n"
	results := "period,unit,goal,value\n2019-01,tromso,kontakter,10\n2019-02,tromso,kontakter,10\n"
	for m := 3; m <= 12; m++ {
		results += fmt.Sprintf("2019-%02d,b,ventetid,10\n2019-%02d,tromso,kontakter,10\n", m, m)
	}
	results += "2020-01,b,ventetid,10\n2020-01,tromso,kontakter,10\n"
	out := memOutput{}
	if errs, err := Build(reorgSite(t, org, results, "2020-01"), defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	if page, want := string(out["vest/b/index.html"]), "Året 2019: 10\u00a0dager (nådd, 10 av 12 måneder)"; !strings.Contains(page, want) {
		t.Errorf("B's page lacks %q", want)
	}
}

// TestNoticesOfMonthsAndCountiesWithout: a reported month without rows
// is no notice where no goal measured every month without a lag is on
// its scorecard (the monthly goal ended in June; the tertial goal's
// August is shown); a county that has offices in some months is no
// county without offices and results.
func TestNoticesOfMonthsAndCountiesWithout(t *testing.T) {
	goals := "[[goal]]\nid = \"m\"\ntitle = \"M\"\nperspective = \"P\"\nunit = \"count\"\ndirection = \"higher\"\ntarget = 5\nyellow = 3\naggregate = \"sum\"\nuntil = \"2019-06\"\n\n" +
		"[[goal]]\nid = \"t\"\ntitle = \"T\"\nperspective = \"P\"\nunit = \"count\"\ndirection = \"higher\"\ntarget = 5\nyellow = 3\naggregate = \"sum\"\nfrequency = \"tertial\"\n"
	results := "period,unit,goal,value\n2019-T1,tromso,t,5\n2019-T2,tromso,t,5\n"
	for m := 1; m <= 6; m++ {
		results += fmt.Sprintf("2019-%02d,tromso,m,5\n", m)
	}
	org := kinnOrg + "\n[[county]]\nid = \"sor\"\nname = \"NAV Sør\"\n\n[[office]]\nid = \"x\"\nname = \"NAV X\"\ncounty = \"sor\"\nfrom = \"2019-03\"\n"
	fsys := reorgSite(t, org, results+"2019-03,x,m,5\n", "2019-07")
	fsys["data/goals.toml"] = &fstest.MapFile{Data: []byte(goals)}
	c, errs := Check(fsys, defaults)
	if errs != nil {
		t.Fatal(errs)
	}
	for _, notice := range []string{"a month without results", "NAV Sør has no offices"} {
		if strings.Contains(c.Notices.Error(), notice) {
			t.Errorf("notices have %q:\n%v", notice, c.Notices)
		}
	}
}

// TestAnEndedUnitsYear: an ended office's page, which shows its last
// month, gives beside its result that month's year, as a current unit's
// does beside the reported month's; one that ended in June, its months.
func TestAnEndedUnitsYear(t *testing.T) {
	results := "period,unit,goal,value\n"
	for m := 1; m <= 12; m++ {
		for _, unit := range []string{"flora", "vagsoy", "tromso"} {
			results += fmt.Sprintf("2019-%02d,%s,kontakter,10\n", m, unit)
		}
	}
	results += "2020-01,kinn,kontakter,20\n2020-01,tromso,kontakter,10\n2020-02,kinn,kontakter,20\n2020-02,tromso,kontakter,10\n"
	out := memOutput{}
	if errs, err := Build(reorgSite(t, kinnOrg, results, "2020-02"), defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	if flora, want := scorecardRow(section(t, string(out["vest/flora/index.html"]), "card-h"), "Kontakter med arbeidsgivere"), "Året 2019: 120 (nådd, målverdi\u00a0120)"; !strings.Contains(flora, want) {
		t.Errorf("Flora's row lacks %q:\n%s", want, flora)
	}
	results = "period,unit,goal,value\n"
	for m := 1; m <= 6; m++ {
		results += fmt.Sprintf("2019-%02d,flora,kontakter,10\n2019-%02d,vagsoy,kontakter,10\n", m, m)
	}
	for m := 7; m <= 12; m++ {
		results += fmt.Sprintf("2019-%02d,kinn,kontakter,20\n", m)
	}
	for m := 1; m <= 12; m++ {
		results += fmt.Sprintf("2019-%02d,tromso,kontakter,10\n", m)
	}
	results += "2020-01,kinn,kontakter,20\n2020-01,tromso,kontakter,10\n2020-02,kinn,kontakter,20\n2020-02,tromso,kontakter,10\n"
	june := strings.NewReplacer(`until = "2019-12"`, `until = "2019-06"`, `from = "2020-01"`, `from = "2019-07"`).Replace(kinnOrg)
	out = memOutput{}
	if errs, err := Build(reorgSite(t, june, results, "2020-02"), defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	if flora, want := scorecardRow(section(t, string(out["vest/flora/index.html"]), "card-h"), "Kontakter med arbeidsgivere"), "Året 2019: 60 (nådd, januar–juni 2019, målverdi\u00a060)"; !strings.Contains(flora, want) {
		t.Errorf("Flora's row, ended in June, lacks %q:\n%s", want, flora)
	}
	// A goal whose results come a month late: Flora's row shows May, and
	// its year, with June's result come in July, is of January to June, not
	// of the whole site's due months, January to September.
	fsys := reorgSite(t, june, results, "2019-10")
	fsys["data/goals.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys["data/goals.toml"].Data), "id = \"kontakter\"\n", "id = \"kontakter\"\nlag = 1\n", 1))}
	out = memOutput{}
	if errs, err := Build(fsys, defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	if flora, want := scorecardRow(section(t, string(out["vest/flora/index.html"]), "card-h"), "Kontakter med arbeidsgivere"), "Hittil i 2019: 60 (nådd, januar–juni 2019, målverdi\u00a060)"; !strings.Contains(flora, want) {
		t.Errorf("Flora's row, of a lagged goal, lacks %q:\n%s", want, flora)
	}
}
