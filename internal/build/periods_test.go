package build

import (
	"encoding/csv"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/malekort/malekort/internal/model"
)

// periodsOrg is vest with bergen-nord and arstad, nord with tromso and
// alta.
const periodsOrg = `[[county]]
id = "vest"
name = "NAV Vest"

[[county]]
id = "nord"
name = "NAV Nord"

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

[[office]]
id = "alta"
name = "NAV Alta"
county = "nord"
`

// periodGoal is a goal of the periods test, as the test understands it.
type periodGoal struct {
	id, aggregate string
	decimals      int
	higher        bool
	lag           int
	yearly        bool
	stock         bool
	// target and yellow in force in month p.
	target, yellow func(p model.Period) float64
}

var periodsOffices = map[string][]string{"vest": {"bergen-nord", "arstad"}, "nord": {"tromso", "alta"}}

func step(from string, before, after float64) func(model.Period) float64 {
	p, _ := model.ParsePeriod(from)
	return func(q model.Period) float64 {
		if q >= p {
			return after
		}
		return before
	}
}

var periodsGoals = []periodGoal{
	{id: "arbeid", aggregate: "ratio", decimals: 1, higher: true, target: step("2026-01", 45, 50), yellow: step("2026-01", 40, 45)},
	{id: "kontakter", aggregate: "sum", higher: true, target: step("2025-09", 10, 12), yellow: step("2025-09", 8, 9)},
	{id: "ventetid", aggregate: "mean", decimals: 1, target: step("2000-01", 14, 14), yellow: step("2000-01", 21, 21)},
	{id: "overgang", aggregate: "ratio", decimals: 1, higher: true, lag: 2, target: step("2000-01", 30, 30), yellow: step("2000-01", 25, 25)},
	{id: "tilfredshet", aggregate: "mean", decimals: 1, higher: true, yearly: true, target: step("2000-01", 4.5, 4.5), yellow: step("2000-01", 4, 4)},
	{id: "ledige", aggregate: "sum", decimals: 1, stock: true, target: step("2026-02", 12, 10), yellow: step("2026-02", 15, 13)},
}

const periodsGoalsTOML = `[[goal]]
id = "arbeid"
title = "Overgang til arbeid"
perspective = "Samfunn"
unit = "percent"
direction = "higher"
target = 45
yellow = 40
aggregate = "ratio"

  [[goal.schedule]]
  from = "2026-01"
  target = 50
  yellow = 45

[[goal]]
id = "kontakter"
title = "Kontakter med arbeidsgivere"
perspective = "Samfunn"
unit = "count"
direction = "higher"
target = 10
yellow = 8
aggregate = "sum"
decimals = 0

  [[goal.schedule]]
  from = "2025-09"
  target = 12
  yellow = 9

[[goal]]
id = "ventetid"
title = "Ventetid"
perspective = "Brukere"
unit = "days"
direction = "lower"
target = 14
yellow = 21
aggregate = "mean"

[[goal]]
id = "overgang"
title = "Overgang seks måneder etter"
perspective = "Samfunn"
unit = "percent"
direction = "higher"
target = 30
yellow = 25
aggregate = "ratio"
lag = 2

[[goal]]
id = "tilfredshet"
title = "Brukertilfredshet"
perspective = "Brukere"
unit = "score"
direction = "higher"
target = 4.5
yellow = 4
aggregate = "mean"
frequency = "year"

[[goal]]
id = "ledige"
title = "Helt ledige"
perspective = "Samfunn"
unit = "count"
direction = "lower"
target = 12
yellow = 15
aggregate = "sum"
stock = true

  [[goal.schedule]]
  from = "2026-02"
  target = 10
  yellow = 13
`

// periodsFigure is one office's result in a month: a ratio's numerator
// and denominator, else a value.
type periodsFigure struct{ num, den, value float64 }

// periodsResults makes the results of the periods test from July 2024 to
// May 2026: arithmetic that varies by office and month, with a few months
// missing, and returns them as CSV and by goal, office and month.
func periodsResults() (string, map[string]map[string]map[model.Period]periodsFigure) {
	first, _ := model.ParsePeriod("2024-07")
	last, _ := model.ParsePeriod("2026-05")
	missing := map[string]bool{"arbeid/arstad/2026-02": true, "arbeid/arstad/2025-03": true, "kontakter/tromso/2025-06": true,
		"ventetid/alta/2025-10": true, "ventetid/alta/2025-11": true, "ventetid/alta/2025-12": true, "arbeid/alta/2026-04": true,
		"ledige/arstad/2025-07": true}
	data := map[string]map[string]map[model.Period]periodsFigure{}
	var b strings.Builder
	b.WriteString("period,unit,goal,value,numerator,denominator\n")
	for gi, g := range periodsGoals {
		data[g.id] = map[string]map[model.Period]periodsFigure{}
		for ui, u := range []string{"bergen-nord", "arstad", "tromso", "alta"} {
			data[g.id][u] = map[model.Period]periodsFigure{}
			for p := first; p <= last; p++ {
				m := int(p-first) + 1
				if missing[g.id+"/"+u+"/"+p.String()] || g.yearly && p.Month() != 12 || p+model.Period(g.lag) > last {
					continue
				}
				var f periodsFigure
				switch {
				case g.aggregate == "ratio":
					f.den = float64(60 + (m*11+ui*17+gi*5)%70)
					f.num = float64(10 + (m*7+ui*13+gi)%40)
					fmt.Fprintf(&b, "%s,%s,%s,,%v,%v\n", p, u, g.id, f.num, f.den)
				case g.yearly:
					f.value = float64(35+(p.Year()+ui*3)%14) / 10
					fmt.Fprintf(&b, "%d,%s,%s,%v,,\n", p.Year(), u, g.id, f.value)
				default:
					f.value = float64(3 + (m*5+ui*7+gi*3)%19)
					fmt.Fprintf(&b, "%s,%s,%s,%v,,\n", p, u, g.id, f.value)
				}
				data[g.id][u][p] = f
			}
		}
	}
	return b.String(), data
}

// TestPeriodsCSV builds a site reported in May 2026 with results from July
// 2024 and compares periods.csv, every row and column, with aggregates
// the test works out on its own from the results it wrote, for offices,
// counties and the whole site: the tertials of 2025 and 2026 (May alone
// of T2), the whole of 2025, and 2026's year to date; none of 2024, which
// the results begin midway. It does not call the scoring code: a
// county's month is its offices' rows summed (ratio: numerators and
// denominators; sum: values) or averaged (mean), the whole site's all
// offices', and a span's figure is its months' summed or averaged the
// same way, a stock's averaged; a target is the schedule's in the span's
// last month (for a stock, summed over the unit's offices), or for a sum
// the schedule's summed over the span's months and the units' offices;
// a goal lagged two months counts the months due by May, and the yearly
// goal its December in a whole year.
func TestPeriodsCSV(t *testing.T) {
	results, data := periodsResults()
	out := buildBase(t, map[string]string{
		"site.toml":             "title = \"Testside\"\nlanguage = \"nb\"\n\n[privacy]\nmin_count = 0\n",
		"data/org.toml":         periodsOrg,
		"data/goals.toml":       periodsGoalsTOML,
		"data/results/2026.csv": results,
	})
	got := readPeriods(t, out["periods.csv"])
	// The stock's page says its tertials and years are means.
	if !strings.Contains(string(out["goals/ledige/index.html"]), "beholdning ved utgangen av måneden, så tertialer og år regnes som gjennomsnittet") {
		t.Error("goals/ledige/index.html does not say the stock's tertials and years are its months' mean")
	}
	// A stock's year to date is a mean of its months, and says so; the
	// other goals' are plain.
	rows := 0
	for _, row := range strings.Split(string(out["vest/arstad/index.html"]), "<tr") {
		if !strings.Contains(row, "Hittil i 2026") {
			continue
		}
		rows++
		if stock := strings.Contains(row, ">Helt ledige<"); stock != strings.Contains(row, "Hittil i 2026, snitt per måned: ") {
			t.Errorf("vest/arstad/index.html: a scorecard row's year to date (stock %v): %s", stock, row)
		}
	}
	if rows < 4 {
		t.Errorf("vest/arstad/index.html: %d scorecard rows with a year to date", rows)
	}
	// And so is its tertial's, in the tertial report.
	rows = 0
	for _, row := range strings.Split(string(out["vest/arstad/2026-T1.html"]), "<tr><th scope=\"row\">")[1:] {
		rows++
		if stock := strings.Contains(row, ">Helt ledige<"); stock != strings.Contains(row, ">snitt per måned<") {
			t.Errorf("vest/arstad/2026-T1.html: a row's tertial (stock %v): %s", stock, row)
		}
	}
	if rows < 4 {
		t.Errorf("vest/arstad/2026-T1.html: %d rows", rows)
	}
	// A county's stock is the mean of its months that have a total, and
	// its coverage counts those: vest's May 2025 has none.
	for _, row := range strings.Split(string(out["vest/2025-T2.html"]), "<tr><th scope=\"row\">")[1:] {
		row, _, _ = strings.Cut(row, "</tr>")
		if strings.Contains(row, ">Helt ledige<") && !strings.Contains(row, "3 av 4 måneder") {
			t.Errorf("vest/2025-T2.html: the stock's coverage is not of its months: %s", row)
		}
	}
	// A yearly goal's year is its own result, made of no months.
	if strings.Contains(string(out["goals/tilfredshet/index.html"]), "Tertialer og år") {
		t.Error("goals/tilfredshet/index.html says how a yearly goal's years are made of months")
	}
	reported, _ := model.ParsePeriod("2026-05")
	type span struct {
		name        string
		first, last string
	}
	spans := []span{{"2024-T3", "2024-09", "2024-12"}, {"2025-T1", "2025-01", "2025-04"}, {"2025-T2", "2025-05", "2025-08"}, {"2025-T3", "2025-09", "2025-12"}, {"2025", "2025-01", "2025-12"},
		{"2026-T1", "2026-01", "2026-04"}, {"2026-T2", "2026-05", "2026-05"}, {"2026", "2026-01", "2026-05"}}
	want := map[string][]string{}
	for _, g := range periodsGoals {
		// month figures by unit: the offices', the counties', the whole
		// site's, each with its coverage (offices reporting, expected).
		type monthFig struct {
			num, den, sum float64
			n, expected   int
		}
		units := map[string][]string{"_site": {"bergen-nord", "arstad", "tromso", "alta"}, "vest": periodsOffices["vest"], "nord": periodsOffices["nord"]}
		for _, o := range units["_site"] {
			units[o] = []string{o}
		}
		for unit, offices := range units {
			for _, sp := range spans {
				first, _ := model.ParsePeriod(sp.first)
				last, _ := model.ParsePeriod(sp.last)
				var num, den, sum, target, yellow float64
				reportedN, expected, months, counted := 0, 0, 0, 0
				for p := first; p <= last; p++ {
					// A yearly result counts in a span that holds its whole year.
					if g.yearly && (p.Month() != 12 || p-11 < first) || p+model.Period(g.lag) > reported {
						continue
					}
					counted++
					var mf monthFig
					for _, o := range offices {
						mf.expected++
						f, ok := data[g.id][o][p]
						if !ok {
							continue
						}
						mf.n++
						mf.num += f.num
						mf.den += f.den
						mf.sum += f.value
					}
					reportedN += mf.n
					expected += mf.expected
					target += g.target(p) * float64(len(offices))
					yellow += g.yellow(p) * float64(len(offices))
					// A sum short of an office is no total for the month.
					if mf.n == 0 || g.aggregate == "sum" && mf.n < mf.expected {
						continue
					}
					months++
					num += mf.num
					den += mf.den
					if g.aggregate == "mean" {
						sum += mf.sum / float64(mf.n)
					} else {
						sum += mf.sum
					}
				}
				if expected == 0 {
					continue
				}
				switch {
				case g.stock:
					target, yellow = g.target(last)*float64(len(offices)), g.yellow(last)*float64(len(offices))
				case g.aggregate != "sum":
					target, yellow = g.target(last), g.yellow(last)
				}
				var value float64
				switch g.aggregate {
				case "ratio":
					value = 100 * num / den
				case "mean":
					value = sum / float64(months)
				case "sum":
					value = sum
					if g.stock {
						value = sum / float64(months)
					}
				}
				pow := math.Pow10(g.decimals)
				rounded := math.Round(value*pow) / pow
				status := "red"
				switch {
				// A sum short of a month or office is no total; a ratio,
				// a mean or a stock's mean of months is judged with four
				// in five of them, a stock's with four in five of its
				// months having a total.
				case reportedN > 0 && g.aggregate == "sum" && !g.stock && reportedN < expected,
					reportedN > 0 && float64(reportedN) < 0.8*float64(expected),
					reportedN > 0 && g.stock && float64(months) < 0.8*float64(counted):
					status = "incomplete"
				case months == 0:
					status = "missing"
				case g.higher && rounded >= target || !g.higher && rounded <= target:
					status = "green"
				case g.higher && rounded >= yellow || !g.higher && rounded <= yellow:
					status = "yellow"
				}
				// months is how many of the span's months are due: a lagged
				// goal's last ones are not.
				due := int(min(last, reported-model.Period(g.lag))-first) + 1
				// A stock's coverage is of the months its mean is of, those
				// with a total, for a county too.
				covered, of := reportedN, expected
				if g.stock {
					covered, of = months, counted
				}
				row := []string{fmtValue(value, status, g.decimals), "", "", fmtValue(target, "", g.decimals), fmtValue(yellow, "", g.decimals), status,
					strconv.Itoa(due), strconv.Itoa(covered), strconv.Itoa(of), ""}
				if g.aggregate == "ratio" && row[0] != "" {
					row[1], row[2] = strconv.Itoa(int(num)), strconv.Itoa(int(den))
				}
				want[sp.name+"/"+unit+"/"+g.id] = row
			}
		}
	}
	for key, w := range want {
		if g, ok := got[key]; !ok {
			t.Errorf("%s: no row, want %q", key, w)
		} else if strings.Join(g, ";") != strings.Join(w, ";") {
			t.Errorf("%s:\n got %q\nwant %q", key, g, w)
		}
	}
	for key := range got {
		if _, ok := want[key]; !ok {
			t.Errorf("%s: a row the test does not expect", key)
		}
	}
	if len(want) < 150 {
		t.Errorf("only %d rows expected: the test has lost its cases", len(want))
	}
	// Each county's slice is its own rows and its offices', and an office
	// has none of its own.
	for file, units := range map[string][]string{"nord/periods.csv": {"nord", "tromso", "alta"}, "vest/periods.csv": {"vest", "bergen-nord", "arstad"}} {
		rows := readPeriods(t, out[file])
		n := 0
		for key, r := range got {
			if slices.Contains(units, strings.Split(key, "/")[1]) {
				n++
				if strings.Join(rows[key], ";") != strings.Join(r, ";") {
					t.Errorf("%s: %s is %q, periods.csv %q", file, key, rows[key], r)
				}
			}
		}
		if n == 0 || len(rows) != n {
			t.Errorf("%s has %d rows, want %d of %v", file, len(rows), n, units)
		}
	}
	if _, ok := out["nord/alta/periods.csv"]; ok {
		t.Error("an office has a periods.csv of its own; its rows are in its county's")
	}
}

// fmtValue writes v as periods.csv does on a Norwegian site: to the
// goal's decimals, with a decimal comma; empty where status has none.
func fmtValue(v float64, status string, decimals int) string {
	if status == "missing" || status == "incomplete" || status == "suppressed" {
		return ""
	}
	pow := math.Pow10(decimals)
	return strings.Replace(strconv.FormatFloat(math.Round(v*pow)/pow, 'f', decimals, 64), ".", ",", 1)
}

// readPeriods reads a Norwegian periods.csv by period/unit/goal, each row
// its columns from value on.
func readPeriods(t *testing.T, data []byte) map[string][]string {
	t.Helper()
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(data), "\ufeff")))
	r.Comma = ';'
	records, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if want := "period;unit;goal;value;numerator;denominator;target;yellow;status;months;reported;expected;recast"; strings.Join(records[0], ";") != want {
		t.Fatalf("header %q, want %q", records[0], want)
	}
	rows := map[string][]string{}
	for _, f := range records[1:] {
		rows[f[0]+"/"+f[1]+"/"+f[2]] = f[3:]
	}
	return rows
}
