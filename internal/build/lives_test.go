package build

import (
	"encoding/csv"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/malekort/malekort/internal/locale"
)

// splitSite is the 2020 and 2024 reforms in small: Vestfold and Telemark
// merge into Vestfold og Telemark in 2020, which splits into them again
// in 2024. Vestfold has an office, NAV Larvik, that follows it; Telemark
// and Oslo report at county level, and so does Vestfold og Telemark.
func splitSite(org, results string) fstest.MapFS {
	return fstest.MapFS{
		"site.toml": {Data: []byte("title = \"Helt ledige\"\nlanguage = \"nb\"\n")},
		"data/org.toml": {Data: []byte(`[[county]]
id = "vestfold"
name = "NAV Vestfold"

[[county.life]]
until = "2019-12"
merged_into = "vestfold-og-telemark"

[[county.life]]
from = "2024-01"

[[county]]
id = "telemark"
name = "NAV Telemark"

[[county.life]]
until = "2019-12"
merged_into = "vestfold-og-telemark"

[[county.life]]
from = "2024-01"

[[county]]
id = "vestfold-og-telemark"
name = "NAV Vestfold og Telemark"
from = "2020-01"
until = "2023-12"
split_into = ["vestfold", "telemark"]

[[county]]
id = "oslo"
name = "NAV Oslo"

[[office]]
id = "larvik"
name = "NAV Larvik"
county = "vestfold"
` + org)},
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
`)},
		"data/results/fylker.csv": {Data: []byte(`period,unit,goal,value
2019-12,larvik,helt-ledige,100
2019-12,telemark,helt-ledige,200
2019-12,oslo,helt-ledige,1000
2020-01,larvik,helt-ledige,110
2020-01,vestfold-og-telemark,helt-ledige,320
2020-01,oslo,helt-ledige,1000
2023-12,larvik,helt-ledige,120
2023-12,vestfold-og-telemark,helt-ledige,330
2023-12,oslo,helt-ledige,1000
2024-01,larvik,helt-ledige,130
2024-01,telemark,helt-ledige,210
2024-01,oslo,helt-ledige,1000
` + results)},
		"node_modules/echarts/dist/echarts.common.min.js": {Data: []byte("/* ECharts */")},
		"node_modules/minisearch/dist/umd/index.js":       {Data: []byte("/* MiniSearch */")},
	}
}

// TestSplitAndComeBack: Vestfold and Telemark end in 2019, merged into
// Vestfold og Telemark, and come back in 2024 when it splits. Each has
// one page with its whole history and the gap linked to the county it was
// part of; Vestfold og Telemark links the two merged into it, then its
// successors. Vestfold's gap is
// its office's figures, recast; Telemark has no office, so its gap has
// no figure. The whole site each month is the sum of the counties that
// existed then, never a gap's recast figure.
func TestSplitAndComeBack(t *testing.T) {
	out := memOutput{}
	if errs, err := Build(splitSite("", ""), defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	scorecard := string(out["scorecard.csv"])
	for _, row := range []string{
		"2020-01;vestfold;helt-ledige;110;10000;12000;green;1;1;recast", // Larvik, before Vestfold came back
		"2023-12;vestfold;helt-ledige;120;10000;12000;green;1;1;recast",
		"2024-01;vestfold;helt-ledige;130;10000;12000;green;1;1;;",
		"2019-12;vestfold-og-telemark;helt-ledige;300;",          // recast from Vestfold and Telemark
		"2019-12;_site;helt-ledige;1300;30000;36000;green;3;3;;", // Vestfold, Telemark and Oslo
		"2020-01;_site;helt-ledige;1320;20000;24000;green;2;2;;", // Vestfold og Telemark and Oslo
		"2024-01;_site;helt-ledige;1340;30000;36000;green;3;3;;", // Vestfold, Telemark and Oslo again
	} {
		if !strings.Contains(scorecard, row) {
			t.Errorf("scorecard.csv lacks %q", row)
		}
	}
	for _, row := range []string{"2020-01;telemark;", "2023-12;telemark;", "2024-01;vestfold-og-telemark;"} {
		if strings.Contains(scorecard, row) {
			t.Errorf("scorecard.csv has a row %q for a month the county did not exist and has no offices to recast it from", row)
		}
	}
	wholeIsSumOfAlive(t, scorecard, "_site")

	for page, want := range map[string]string{
		"vestfold/index.html": `<p class="history">Del av <a href="../vestfold-og-telemark/index.html">NAV Vestfold og Telemark</a> fra januar 2020 til desember 2023.</p>`,
		"telemark/index.html": `<p class="history">Del av <a href="../vestfold-og-telemark/index.html">NAV Vestfold og Telemark</a> fra januar 2020 til desember 2023.</p>`,
		"vestfold-og-telemark/index.html": `<p class="history"><a href="../vestfold/index.html">NAV Vestfold</a> og <a href="../telemark/index.html">NAV Telemark</a> gikk inn i enheten i januar 2020.</p>
<p class="history">Delt i <a href="../vestfold/index.html">NAV Vestfold</a> og <a href="../telemark/index.html">NAV Telemark</a> fra januar 2024.</p>`,
	} {
		if !strings.Contains(string(out[page]), want) {
			t.Errorf("%s lacks %s", page, want)
		}
	}
	if p := string(out["vestfold-og-telemark/index.html"]); !strings.Contains(p, `<p class="ended">Tallene under er fra desember 2023, den siste måneden.</p>`) || strings.Contains(p, "Nedlagt") {
		t.Errorf("Vestfold og Telemark's page does not say which month it shows, or calls it closed")
	}
	// One page for Telemark: its chart has 2019-12 and 2024-01, and no
	// figure in the 48 months between.
	if want := `"data":[[200,` + strings.Repeat(`"-",`, 48) + `210],`; !strings.Contains(string(out["telemark/index.html"]), want) {
		t.Errorf("Telemark's chart is not its months before the merger and after the split with a gap between")
	}
	// Its table says so of the months between: not a result missing.
	// Vestfold's office stands for it then: a month Larvik did not
	// report is a result missing.
	if tel := string(out["telemark/index.html"]); !strings.Contains(tel, "<tr><th>desember 2023<td>– (fantes ikke)") || !strings.Contains(tel, "<tr><th>desember 2019<td>200\n") {
		t.Error("Telemark's table does not say it did not exist in December 2023, or lacks its December 2019")
	}
	if vf := string(out["vestfold/index.html"]); !strings.Contains(vf, "<tr><th>november 2023<td>–\n") || !strings.Contains(vf, "<tr><th>desember 2023<td>120 (omregnet)\n") {
		t.Error("Vestfold's table does not have November 2023, when its office did not report, as missing")
	}
	// Back in January 2024, Telemark has no December to compare with;
	// Vestfold has its office's, recast, and Oslo its own.
	for page, want := range map[string]string{
		"telemark/index.html": "<p>NAV Telemark fantes ikke i desember 2023, så ingen status å sammenligne med.</p>",
		"vestfold/index.html": "<p>Ingen mål har endret status siden forrige måned.</p>",
		"oslo/index.html":     "<p>Ingen mål har endret status siden forrige måned.</p>",
	} {
		if !strings.Contains(string(out[page]), want) {
			t.Errorf("%s lacks %s", page, want)
		}
	}
	front := string(out["index.html"])
	if former := front[strings.Index(front, `id="former-h"`):]; !strings.Contains(former, "NAV Vestfold og Telemark") || strings.Contains(former, ">NAV Telemark<") {
		t.Errorf("the front page does not list Vestfold og Telemark as former, or lists Telemark so")
	}
}

// TestSplitOutOfAnother: a county that did not exist before its split
// links the county it was split out of.
func TestSplitOutOfAnother(t *testing.T) {
	fsys := splitSite("", "")
	org := strings.Replace(string(fsys["data/org.toml"].Data), `id = "telemark"
name = "NAV Telemark"

[[county.life]]
until = "2019-12"
merged_into = "vestfold-og-telemark"

[[county.life]]
from = "2024-01"`, `id = "telemark"
name = "NAV Telemark"
from = "2024-01"`, 1)
	fsys["data/org.toml"] = &fstest.MapFile{Data: []byte(org)}
	fsys["data/results/fylker.csv"] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys["data/results/fylker.csv"].Data), "2019-12,telemark,helt-ledige,200\n", "", 1))}
	out := memOutput{}
	if errs, err := Build(fsys, defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	if want := `<p class="history">Skilt ut fra <a href="../vestfold-og-telemark/index.html">NAV Vestfold og Telemark</a> i januar 2024.</p>`; !strings.Contains(string(out["telemark/index.html"]), want) {
		t.Errorf("Telemark's page lacks %s", want)
	}
}

// wholeIsSumOfAlive checks that each month's figure of the whole site in
// a scorecard.csv is the sum of the counties' that existed that month:
// their rows that are not recast.
func wholeIsSumOfAlive(t *testing.T, scorecard, whole string) {
	t.Helper()
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(scorecard, "\ufeff")))
	r.Comma = ';'
	records, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	wholes, sums := map[string]float64{}, map[string]float64{}
	for _, f := range records[1:] {
		if f[3] == "" {
			continue
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(strings.ReplaceAll(f[3], "\u00a0", ""), ",", "."), 64)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case f[1] == whole:
			wholes[f[0]+"/"+f[2]] = v
		case f[9] == "" && f[8] != "":
			// A county's row says how many offices it stands for;
			// an office's does not.
			sums[f[0]+"/"+f[2]] += v
		}
	}
	for k, v := range wholes {
		if sums[k] != v {
			t.Errorf("%s: the whole site is %v, the counties that existed %v", k, v, sums[k])
		}
	}
}

// TestLifetimeErrors: each lifetime is checked on its own, and each error
// names its line and what to do.
func TestLifetimeErrors(t *testing.T) {
	for _, tc := range []struct {
		name, org, results, language, want string
	}{
		// splitSite's org.toml has 37 lines; tc.org follows.
		{name: "both forms", org: `
[[county]]
id = "agder"
name = "NAV Agder"
from = "2020-01"

[[county.life]]
from = "2021-01"
`, want: `data/org.toml:42: "agder" has from and [[county.life]] tables: move from into the [[county.life]] it belongs to`},
		{name: "overlap", org: `
[[county]]
id = "agder"
name = "NAV Agder"

[[county.life]]
until = "2019-12"

[[county.life]]
from = "2019-06"
`, want: `data/org.toml:46: county "agder": the lifetime from 2019-06 begins before the one before it ends in 2019-12: the lifetimes overlap; let it begin in 2020-01 or later`},
		{name: "out of order", org: `
[[county]]
id = "agder"
name = "NAV Agder"

[[county.life]]
from = "2024-01"
until = "2024-06"

[[county.life]]
from = "2010-01"
until = "2019-12"
`, language: "nn", want: `data/org.toml:47: fylke "agder": levetida frå 2010-01 står etter den frå 2024-01: skriv levetidene eldste først`},
		{name: "successor missing the month after", org: `
[[county]]
id = "agder"
name = "NAV Agder"
from = "2024-02"
`, results: "", want: `data/org.toml:23: county "vestfold-og-telemark" ends in 2023-12, but its successor "agder" does not exist in 2024-01: give "agder" from = "2024-01" or earlier`},
		{name: "row in the gap", results: "2021-06,telemark,helt-ledige,150\n", language: "nb",
			want: "data/results/fylker.csv:14: telemark fantes ikke i 2021-06 (del av vestfold-og-telemark 2020-01 til 2023-12): flytt raden til vestfold-og-telemark"},
		{name: "row in the gap, in English", results: "2021-06,telemark,helt-ledige,150\n", language: "en",
			want: "data/results/fylker.csv:14: telemark did not exist in 2021-06 (part of vestfold-og-telemark 2020-01 to 2023-12): give this row to vestfold-og-telemark"},
		{name: "row after the split", results: "2024-01,vestfold-og-telemark,helt-ledige,150\n", language: "nb",
			want: "data/results/fylker.csv:14: vestfold-og-telemark fantes ikke i 2024-01 (delt i vestfold og telemark fra 2024-01): flytt raden til den den hører til"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := splitSite(tc.org, tc.results)
			if tc.name == "successor missing the month after" {
				org := strings.Replace(string(fsys["data/org.toml"].Data), `split_into = ["vestfold", "telemark"]`, `split_into = ["vestfold", "telemark", "agder"]`, 1)
				fsys["data/org.toml"] = &fstest.MapFile{Data: []byte(org)}
			}
			_, errs := checkInput(fsys)
			if got := errs.In(locale.New(tc.language)).Error(); got != tc.want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

// TestRecastNeedsEveryPart: in 2019-11 only Larvik reported, so
// Vestfold og Telemark, recast from Vestfold and Telemark, has no figure
// then rather than Vestfold's alone.
func TestRecastNeedsEveryPart(t *testing.T) {
	out := memOutput{}
	if errs, err := Build(splitSite("", "2019-11,larvik,helt-ledige,90\n"), defaults, out); errs != nil || err != nil {
		t.Fatalf("build: %v %v", errs, err)
	}
	scorecard := string(out["scorecard.csv"])
	if !strings.Contains(scorecard, "2019-11;vestfold;helt-ledige;90;") || strings.Contains(scorecard, "2019-11;vestfold-og-telemark;helt-ledige;90;") {
		t.Errorf("Vestfold og Telemark's 2019-11 is Vestfold's figure alone, or Vestfold has none")
	}
}
