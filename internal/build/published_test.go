package build

import (
	"encoding/csv"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/encoding/charmap"
)

// publishedSite is a site made by hand from NAV's table HL060 (fully
// unemployed people per municipality), as NAV keys it: municipalities as
// offices with their numbers, the county's own total as a county row,
// NAV's "*" for values under 4, Norwegian headers, semicolons, decimal
// commas, Windows-1252, Excel's empty rows and no numerator or denominator
// columns. The figures are made up in the table's shape.
func publishedSite(t *testing.T) fstest.MapFS {
	t.Helper()
	results := "Periode;Enhet;Mål;Verdi;Kommunenavn\r\n" +
		"2022-01;4601;helt-ledige;4 470;Bergen\r\n" +
		"2022-01;4627;helt-ledige;512;Askøy\r\n" +
		"2022-01;4633;helt-ledige;*;Fedje\r\n" +
		"2022-01;4629;helt-ledige;6;Modalen\r\n" +
		"2022-01;4614;helt-ledige;301;Stord\r\n" +
		"2022-01;4640;helt-ledige;87;Sogndal\r\n" +
		"2022-01;4636;helt-ledige;12;Solund\r\n" +
		"2022-01;46;helt-ledige;5 391;Vestland\r\n" +
		"2022-02;4601;helt-ledige;4 023;Bergen\r\n" +
		"2022-02;4627;helt-ledige;480;Askøy\r\n" +
		"2022-02;4633;helt-ledige;*;Fedje\r\n" +
		"2022-02;4629;helt-ledige;5;Modalen\r\n" +
		"2022-02;4614;helt-ledige;290;Stord\r\n" +
		"2022-02;4640;helt-ledige;80;Sogndal\r\n" +
		"2022-02;4636;helt-ledige;4;Solund\r\n" +
		"2022-02;46;helt-ledige;4 885;Vestland\r\n" +
		"2022-01;4601;andel;2,9;Bergen\r\n" +
		"2022-01;4627;andel;3,1;Askøy\r\n" +
		"2022-01;4633;andel;*;Fedje\r\n" +
		"2022-01;4629;andel;*;Modalen\r\n" +
		"2022-01;4614;andel;2,5;Stord\r\n" +
		"2022-01;4640;andel;1,4;Sogndal\r\n" +
		"2022-01;4636;andel;1,9;Solund\r\n" +
		"2022-01;46;andel;2,4;Vestland\r\n" +
		";;;;\r\n;;;;\r\n"
	enc, err := charmap.Windows1252.NewEncoder().String(results)
	if err != nil {
		t.Fatal(err)
	}
	office := func(id, name, code string) string {
		return "[[office]]\nid = \"" + id + "\"\nname = \"NAV " + name + "\"\ncounty = \"vestland\"\ncode = \"" + code + "\"\n\n"
	}
	return fstest.MapFS{
		"site.toml": {Data: []byte("title = \"Helt ledige\"\nlanguage = \"nb\"\n")},
		"data/org.toml": {Data: []byte("[[county]]\nid = \"vestland\"\nname = \"NAV Vestland\"\ncode = \"46\"\n\n" +
			office("bergen", "Bergen", "4601") + office("askoy", "Askøy", "4627") + office("fedje", "Fedje", "4633") +
			office("modalen", "Modalen", "4629") + office("stord", "Stord", "4614") + office("sogndal", "Sogndal", "4640") +
			office("solund", "Solund", "4636"))},
		"data/goals.toml": {Data: []byte(`[[goal]]
id = "helt-ledige"
title = "Helt ledige"
perspective = "Arbeidsmarkedet"
unit = "count"
direction = "lower"
target = 5000
yellow = 5500
aggregate = "sum"
decimals = 0
persons = true

[[goal]]
id = "andel"
title = "Helt ledige i prosent av arbeidsstyrken"
perspective = "Arbeidsmarkedet"
unit = "percent"
direction = "lower"
target = 2.5
yellow = 3
aggregate = "ratio"
`)},
		"data/results/hl060.csv":                          {Data: []byte(enc)},
		"node_modules/echarts/dist/echarts.common.min.js": {Data: []byte("/* ECharts */")},
		"node_modules/minisearch/dist/umd/index.js":       {Data: []byte("/* MiniSearch */")},
	}
}

// TestPublishedStatistics builds the site as NAV publishes its figures:
// it loads as it is, shows ":" where NAV hid a figure, publishes no count
// of people below min_count, and no hidden figure can be worked out from
// what is published.
func TestPublishedStatistics(t *testing.T) {
	out := memOutput{}
	errs, err := Build(publishedSite(t), defaults, out)
	if errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	rows := readScorecard(t, out["scorecard.csv"])
	for key, why := range map[string]string{
		"2022-01/fedje/helt-ledige":   "as NAV published it",
		"2022-02/fedje/helt-ledige":   "as NAV published it",
		"2022-01/fedje/andel":         "as NAV published it",
		"2022-01/modalen/helt-ledige": "else 5 391 minus the rest gives Fedje's 3",
		"2022-02/solund/helt-ledige":  "4 people, fewer than min_count",
		"2022-02/modalen/helt-ledige": "else 4 885 minus the rest is 7, which Fedje (below 4) and Solund (below 5) only make as 3 + 4",
	} {
		if r := rows[key]; r.status != "suppressed" || r.value != "" {
			t.Errorf("%s: %+v, want suppressed: %s", key, r, why)
		}
	}
	for key, want := range map[string]string{
		"2022-01/vestland/helt-ledige": "5391", // the county's own row
		"2022-02/sogndal/helt-ledige":  "80",
		"2022-02/_site/helt-ledige":    "4885", // the whole site: its one county's figure
		"2022-01/vestland/andel":       "2,4",
	} {
		if r := rows[key]; r.value != want {
			t.Errorf("%s: %+v, want %s shown", key, r, want)
		}
	}
	for key, r := range rows {
		if n, err := strconv.Atoi(r.value); strings.HasSuffix(key, "/helt-ledige") && err == nil && n < 5 {
			t.Errorf("%s: a count of %d people is published", key, n)
		}
	}
	if page := string(out["vestland/fedje/index.html"]); !strings.Contains(page, `<span class="result">:</span>`) {
		t.Errorf("Fedje's page does not show \":\"")
	}
	noneDerivable(t, rows, map[string][]string{"vestland": {"bergen", "askoy", "fedje", "modalen", "stord", "sogndal", "solund"}, "_site": {"vestland"}})
}

type csvRow struct{ value, status string }

// readScorecard reads a Norwegian scorecard.csv by period/unit/goal.
func readScorecard(t *testing.T, data []byte) map[string]csvRow {
	t.Helper()
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(data), "\ufeff")))
	r.Comma = ';'
	records, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]csvRow{}
	for _, f := range records[1:] {
		rows[f[0]+"/"+f[1]+"/"+f[2]] = csvRow{f[3], f[6]}
	}
	return rows
}

// noneDerivable checks, for every month and goal in rows, that no total
// (a county, or the whole site) and its parts give back a hidden figure:
// a shown total with exactly one hidden part would be that part plus the
// shown ones, and a hidden total whose parts are all shown their sum.
func noneDerivable(t *testing.T, rows map[string]csvRow, partsOf map[string][]string) {
	t.Helper()
	for key, total := range rows {
		f := strings.SplitN(key, "/", 3)
		parts, ok := partsOf[f[1]]
		if !ok {
			continue
		}
		hidden, shown := 0, 0
		for _, p := range parts {
			switch rows[f[0]+"/"+p+"/"+f[2]].status {
			case "suppressed":
				hidden++
			case "green", "yellow", "red":
				shown++
			}
		}
		switch {
		case total.status != "suppressed" && total.value != "" && hidden == 1:
			t.Errorf("%s %s: %s minus its shown parts gives its one hidden part", f[0], f[2], f[1])
		case total.status == "suppressed" && hidden == 0 && shown > 0:
			t.Errorf("%s %s: hidden %s is the sum of its shown parts", f[0], f[2], f[1])
		}
	}
}

// TestNothingToJudgeIsNotAllWell: an office whose every goal is hidden
// has nothing that could need attention, and its page says that no goal
// can be judged, not that none of those shown needs attention, which
// reads as all being well.
func TestNothingToJudgeIsNotAllWell(t *testing.T) {
	fsys, _ := siteFS(t, "testdata/base.txtar")
	delete(fsys, "content/vest/arstad/2026-02.md")
	fsys["data/goals.toml"] = &fstest.MapFile{Data: []byte(`[[goal]]
id = "ledige"
title = "Helt ledige"
perspective = "Arbeidsmarkedet"
unit = "count"
direction = "lower"
target = 40
yellow = 50
aggregate = "sum"
decimals = 0
persons = true
`)}
	fsys["data/results/2026.csv"] = &fstest.MapFile{Data: []byte("period,unit,goal,value\n2026-01,arstad,ledige,3\n2026-01,bergen-nord,ledige,20\n2026-01,tromso,ledige,30\n")}
	out := memOutput{}
	if errs, err := Build(fsys, defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	for page, want := range map[string]string{
		"vest/arstad/index.html": "Ingen av målene kan vurderes denne måneden: tallene er skjult («:») eller kan ikke regnes ut («∅»).",
		"nord/tromso/index.html": "Alle målene er nådd denne måneden.",
	} {
		if !strings.Contains(string(out[page]), want) {
			t.Errorf("%s lacks %q", page, want)
		}
	}
	// A county with a goal met, one hidden and one that cannot be
	// computed names them, and why.
	fsys["data/goals.toml"] = &fstest.MapFile{Data: []byte(`[[goal]]
id = "smaa"
title = "Små tall"
perspective = "P"
unit = "count"
direction = "lower"
target = 40
yellow = 50
aggregate = "sum"
decimals = 0
persons = true

[[goal]]
id = "kontakter"
title = "Kontakter"
perspective = "P"
unit = "count"
direction = "higher"
target = 5
yellow = 3
aggregate = "sum"
decimals = 0

[[goal]]
id = "andel"
title = "Andel"
perspective = "P"
unit = "percent"
direction = "higher"
target = 45
yellow = 40
aggregate = "ratio"
`)}
	fsys["data/results/2026.csv"] = &fstest.MapFile{Data: []byte(`period,unit,goal,value
2026-01,arstad,smaa,1
2026-01,bergen-nord,smaa,1
2026-01,tromso,smaa,30
2026-01,arstad,kontakter,10
2026-01,bergen-nord,kontakter,10
2026-01,tromso,kontakter,10
2026-01,arstad,andel,50
2026-01,bergen-nord,andel,50
2026-01,tromso,andel,50
`)}
	out = memOutput{}
	if errs, err := Build(fsys, defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	needs := section(t, string(out["vest/index.html"]), "needs-h")
	if want := `<p>Ingen av målene som kan vurderes, trenger oppmerksomhet.</p>
<p class="unjudged muted">Skjult («:») eller kan ikke regnes ut («∅»), og kan ikke vurderes: <a href="#goal-smaa">Små tall</a> og <a href="#goal-andel">Andel</a>.</p>`; !strings.Contains(needs, want) {
		t.Errorf("vest's needs lack %q:\n%s", want, needs)
	}
}
