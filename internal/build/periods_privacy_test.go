package build

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/malekort/malekort/internal/model"
)

const privacyGoalsTOML = `[[goal]]
id = "arbeid"
title = "Overgang til arbeid"
perspective = "Samfunn"
unit = "percent"
direction = "higher"
target = 45
yellow = 40
aggregate = "ratio"

[[goal]]
id = "ledige"
title = "Helt ledige"
perspective = "Samfunn"
unit = "count"
direction = "lower"
target = 20
yellow = 25
aggregate = "sum"
decimals = 0
persons = true

[[goal]]
id = "ledighet"
title = "Helt ledige i prosent av arbeidsstyrken"
perspective = "Samfunn"
unit = "percent"
direction = "lower"
target = 3
yellow = 4
aggregate = "ratio"
persons = true

[[goal]]
id = "aktivitetsplan"
title = "Brukere med aktivitetsplan"
perspective = "Brukere"
unit = "percent"
direction = "higher"
target = 90
yellow = 80
aggregate = "ratio"
persons = true

[[goal]]
id = "beholdning"
title = "Helt ledige ved utgangen av måneden"
perspective = "Samfunn"
unit = "count"
direction = "lower"
target = 20
yellow = 25
aggregate = "sum"
decimals = 0
persons = true
stock = true
`

// TestNoSuppressedMonthComesBack publishes a site, with min_count 5,
// whose small offices have months of fewer than five people behind a
// ratio, in a count of people (summed over months, or a stock averaged
// over them) or in a ratio of people's numerator, as it
// is built every month from January
// to October 2026 on the results up to that month (from July 2024): so
// the builds publish months, the tertials from 2024-T3 on (the current
// one up to its month), the whole of 2025 and each month's year to date.
// It reads back every figure scorecard.csv and periods.csv publish in any
// of the builds, for every office, county and the whole site, as sums of
// the offices' months: a month of an office is its own, a county's month
// its offices', a span's figure its months'. A figure some build hid
// comes back if some combination of published figures adds up to it (a
// difference of two, above all: year to date October less September, a
// year to date less the months shown in it, a tertial less its other
// months, a year less its tertials, a county less its other offices):
// that is, if it lies in the span of the published sums, which Gaussian
// elimination decides, for the numerators, the denominators and the
// counts alike (a ratio's numerator and denominator are published
// together, so the same figures are known of both).
func TestNoSuppressedMonthComesBack(t *testing.T) {
	noSuppressedMonthComesBack(t, privacyGoalsTOML, periodsOrg, nil, nil)
}

// TestNoSuppressedMonthComesBackWithALag is the same with the share of
// people, ledighet, a month later than the counts of the same people:
// each build publishes its months a month after theirs, and its year to
// date a month shorter.
func TestNoSuppressedMonthComesBackWithALag(t *testing.T) {
	lagged := strings.Replace(privacyGoalsTOML, "target = 3\nyellow = 4\naggregate = \"ratio\"\n", "target = 3\nyellow = 4\naggregate = \"ratio\"\nlag = 1\n", 1)
	if lagged == privacyGoalsTOML {
		t.Fatal("ledighet has no lag")
	}
	noSuppressedMonthComesBack(t, lagged, periodsOrg, nil, nil)
}

// TestNoSuppressedMonthComesBackAcrossAMove is the same with Årstad moved
// from Vest to Nord in June 2025: a county's months then hold other
// offices before and after, and the spans across the move (2025-T2, the
// year 2025) are not their offices' totals.
func TestNoSuppressedMonthComesBackAcrossAMove(t *testing.T) {
	moved, _ := model.ParsePeriod("2025-06")
	org := strings.Replace(periodsOrg, "name = \"NAV Årstad\"\ncounty = \"vest\"\n", "name = \"NAV Årstad\"\ncounty = \"vest\"\n\n[[office.change]]\nfrom = \"2025-06\"\ncounty = \"nord\"\n", 1)
	if org == periodsOrg {
		t.Fatal("the move is not in org.toml")
	}
	noSuppressedMonthComesBack(t, privacyGoalsTOML, org, func(office string, p model.Period) string {
		if office == "arstad" && p >= moved {
			return "nord"
		}
		return ""
	}, nil)
}

// TestNoSuppressedMonthComesBackAcrossAMerger is the same with Vest
// merged into Vestland in June 2025: Vestland's months and spans before
// it began are Vest's recast, published beside Vest's own.
func TestNoSuppressedMonthComesBackAcrossAMerger(t *testing.T) {
	merged, _ := model.ParsePeriod("2025-06")
	org := strings.Replace(periodsOrg, "id = \"vest\"\nname = \"NAV Vest\"\n", "id = \"vest\"\nname = \"NAV Vest\"\nuntil = \"2025-05\"\nmerged_into = \"vestland\"\n\n[[county]]\nid = \"vestland\"\nname = \"NAV Vestland\"\nfrom = \"2025-06\"\n", 1)
	if org == periodsOrg {
		t.Fatal("the merger is not in org.toml")
	}
	noSuppressedMonthComesBack(t, privacyGoalsTOML, org, func(office string, p model.Period) string {
		if (office == "bergen-nord" || office == "arstad") && p >= merged {
			return "vestland"
		}
		return ""
	}, map[string]string{"vestland": "vest"})
}

// noSuppressedMonthComesBack is TestNoSuppressedMonthComesBack's test of
// goals on org, moved giving an office's county in month p where it is not the
// one it is listed under ("" where it is), and recastFrom a successor's
// predecessor, whose offices its months before it began are.
func noSuppressedMonthComesBack(t *testing.T, goals, org string, moved func(office string, p model.Period) string, recastFrom map[string]string) {
	first, _ := model.ParsePeriod("2024-07")
	last, _ := model.ParsePeriod("2026-10")
	offices := []string{"bergen-nord", "arstad", "tromso", "alta"}
	listed := map[string]string{"bergen-nord": "vest", "arstad": "vest", "tromso": "nord", "alta": "nord"}
	county := func(o string, p model.Period) string {
		if moved != nil {
			if c := moved(o, p); c != "" {
				return c
			}
		}
		return listed[o]
	}
	// Bergen nord misses a month now and then, too few offices for Vest's
	// month to be shown, while Vest's spans count Årstad's.
	missing := func(o string, p model.Period) bool { return o == "bergen-nord" && int(p-first)%9 == 4 }
	results := func(upTo model.Period) string {
		var b strings.Builder
		b.WriteString("period,unit,goal,value,numerator,denominator\n")
		// The month after: Alta's results are in early, too few to
		// report, so each build reports its own month.
		for p := first; p <= upTo+1; p++ {
			m := int(p - first)
			for i, o := range offices {
				if missing(o, p) || p > upTo && o != "alta" {
					continue
				}
				// Alta is small: a denominator of 2 to 9, a count of 1 to
				// 8; the others now and then have a small month.
				den := 40 + (m*13+i*7)%60
				count := 10 + (m*5+i*3)%30
				if o == "alta" {
					den, count = 2+(m*3)%8, 1+(m*5)%8
				} else if (m+i)%7 == 0 {
					den, count = 3, 2
				}
				fmt.Fprintf(&b, "%s,%s,arbeid,,%d,%d\n", p, o, den/2, den)
				fmt.Fprintf(&b, "%s,%s,ledige,%d,,\n", p, o, count)
				// A share of people: the labour force is never small, the
				// count of those out of work is where ledige's is.
				fmt.Fprintf(&b, "%s,%s,ledighet,,%d,%d\n", p, o, count, 400+(m*11+i*17)%300)
				// A share of people near 100 %: those it leaves out are
				// as few as ledige.
				users := 400 + (m*11+i*17)%300
				fmt.Fprintf(&b, "%s,%s,aktivitetsplan,,%d,%d\n", p, o, users-count, users)
				// The same count as a stock: a span's figure is its
				// months' mean, which, with the months it covers, gives
				// their total.
				fmt.Fprintf(&b, "%s,%s,beholdning,%d,,\n", p, o, count)
			}
		}
		return b.String()
	}
	n := int(last-first) + 1
	// The offices' months are the unknowns: office i's month m is
	// variable i*n + m.
	// A stock's span is the mean of the months that have a total: a
	// county's or the whole site's month short of an office has none.
	short := func(unit string, p model.Period) bool {
		for _, o := range offices {
			if c := county(o, p); missing(o, p) && (unit == "_site" || c == unit || c == recastFrom[unit]) {
				return true
			}
		}
		return false
	}
	sumOf := func(goal, unit string, from, to model.Period) []float64 {
		v := make([]float64, len(offices)*n)
		for i, o := range offices {
			for p := from; p <= to; p++ {
				if goal == "beholdning" && from != to && short(unit, p) {
					continue
				}
				if c := county(o, p); !missing(o, p) && (unit == "_site" || unit == o || c == unit || c == recastFrom[unit]) {
					v[i*n+int(p-first)] = 1
				}
			}
		}
		return v
	}
	shown := func(status string) bool { return status == "green" || status == "yellow" || status == "red" }
	type figures struct {
		published, suppressed     [][]float64
		names                     []string
		months, spans             int // shown
		hiddenMonths, hiddenSpans int
	}
	byGoal := map[string]*figures{"arbeid": {}, "ledige": {}, "ledighet": {}, "aktivitetsplan": {}, "beholdning": {}}
	// The goals of people count the same people: ledige, beholdning and
	// ledighet's numerator count them, and aktivitetsplan's denominator
	// less its numerator. Across goals, the unknowns are each office's
	// months of those people, of aktivitetsplan's users and of
	// ledighet's labour force, one after the other.
	var people figures
	part := func(i int, set []float64, sign float64) []float64 {
		v := make([]float64, 3*len(set))
		for j, x := range set {
			v[i*len(set)+j] = sign * x
		}
		return v
	}
	plus := func(a, b []float64) []float64 {
		for j := range a {
			a[j] += b[j]
		}
		return a
	}
	addPeople := func(goal string, set []float64, shown bool, name string) {
		if !shown {
			if goal != "arbeid" {
				people.suppressed = append(people.suppressed, part(0, set, 1))
				people.names = append(people.names, goal+": "+name)
			}
			return
		}
		switch goal {
		case "ledige", "beholdning":
			people.published = append(people.published, part(0, set, 1))
		case "ledighet":
			people.published = append(people.published, part(0, set, 1), part(2, set, 1))
		case "aktivitetsplan":
			people.published = append(people.published, plus(part(1, set, 1), part(0, set, -1)), part(1, set, 1))
		}
	}
	reportedFrom, _ := model.ParsePeriod("2026-01")
	for reported := reportedFrom; reported <= last; reported++ {
		out := buildBase(t, map[string]string{
			"site.toml":             "title = \"Testside\"\nlanguage = \"nb\"\nperiod = \"" + reported.String() + "\"\n",
			"data/org.toml":         org,
			"data/goals.toml":       goals,
			"data/results/2026.csv": results(reported),
		})
		for _, f := range readCSV(t, out["scorecard.csv"]) {
			fig := byGoal[f[2]]
			p, _ := model.ParsePeriod(f[0])
			if p > reported {
				// A thin month shown early might be hidden by its own build.
				t.Errorf("%s: the build of %s publishes %s's %s", f[2], reported, f[1], f[0])
				continue
			}
			fewPeople(t, f[2], f[10], f[11], f[0]+" "+f[1])
			// The month the figure is of: a lagged goal's row shows an
			// earlier month's.
			p, _ = model.ParsePeriod(f[12])
			switch {
			case shown(f[6]):
				fig.published = append(fig.published, sumOf(f[2], f[1], p, p))
				fig.months++
				addPeople(f[2], sumOf(f[2], f[1], p, p), true, "")
			case f[6] == "suppressed":
				fig.suppressed = append(fig.suppressed, sumOf(f[2], f[1], p, p))
				fig.names = append(fig.names, f[1]+"'s "+f[0]+" (reported "+reported.String()+")")
				fig.hiddenMonths++
				addPeople(f[2], sumOf(f[2], f[1], p, p), false, fig.names[len(fig.names)-1])
			}
		}
		for _, f := range readCSV(t, out["periods.csv"]) {
			fig := byGoal[f[2]]
			fewPeople(t, f[2], f[4], f[5], f[0]+" "+f[1])
			// A stock counts the same people month after month: a mean
			// below min_count tells about fewer than that.
			if n, err := strconv.Atoi(f[3]); f[2] == "beholdning" && err == nil && n < 5 {
				t.Errorf("beholdning: %s %s publishes a mean of %d people", f[0], f[1], n)
			}
			year, _ := strconv.Atoi(f[0][:4])
			from := model.Period(year * 12)
			if strings.Contains(f[0], "-T") {
				from += model.Period(4 * (int(f[0][6]-'0') - 1))
			}
			length, _ := strconv.Atoi(f[9])
			switch v := sumOf(f[2], f[1], from, from+model.Period(length-1)); {
			case shown(f[8]):
				fig.published = append(fig.published, v)
				fig.spans++
				addPeople(f[2], v, true, "")
			case f[8] == "suppressed":
				fig.suppressed = append(fig.suppressed, v)
				fig.names = append(fig.names, f[1]+"'s "+f[0]+" of "+f[9]+" months (reported "+reported.String()+")")
				fig.hiddenSpans++
				addPeople(f[2], v, false, fig.names[len(fig.names)-1])
			}
		}
	}
	for goal, fig := range byGoal {
		if fig.hiddenMonths < 100 || fig.hiddenSpans < 50 || fig.months < 1000 || fig.spans < 100 {
			t.Fatalf("%s: %d months shown and %d hidden, %d spans shown and %d hidden: the test has lost its cases", goal, fig.months, fig.hiddenMonths, fig.spans, fig.hiddenSpans)
		}
		basis := &rowSpace{}
		for _, v := range fig.published {
			basis.add(v)
		}
		for i, v := range fig.suppressed {
			if basis.contains(v) {
				t.Errorf("%s: %s, hidden, is a combination of published figures", goal, fig.names[i])
			}
		}
	}
	// Nor is a hidden figure of people a combination of all the goals'
	// published figures of people (README, "Across goals").
	basis := &rowSpace{}
	for _, v := range people.published {
		basis.add(v)
	}
	for i, v := range people.suppressed {
		if basis.contains(v) {
			t.Errorf("across goals of people: %s, hidden, is a combination of published figures", people.names[i])
		}
	}
}

// fewPeople fails the test where a ratio of people, ledighet or
// aktivitetsplan, publishes a numerator, or a denominator less its
// numerator, below min_count.
func fewPeople(t *testing.T, goal, numerator, denominator, where string) {
	t.Helper()
	n, errN := strconv.Atoi(numerator)
	d, errD := strconv.Atoi(denominator)
	if goal != "ledighet" && goal != "aktivitetsplan" || errN != nil || errD != nil {
		return
	}
	if n < 5 || d-n < 5 {
		t.Errorf("%s: %s publishes %d of %d people", goal, where, n, d)
	}
}

// readCSV reads a Norwegian CSV file's rows after its header.
func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	var rows [][]string
	for _, line := range strings.Split(strings.TrimPrefix(string(data), "\ufeff"), "\r\n")[1:] {
		if line != "" {
			rows = append(rows, strings.Split(line, ";"))
		}
	}
	return rows
}

// rowSpace is a basis in row echelon form of the vectors added: pivot
// columns with their rows.
type rowSpace struct {
	rows   [][]float64
	pivots []int
}

// reduce returns v less its projection on the basis, by elimination.
func (r *rowSpace) reduce(v []float64) []float64 {
	v = append([]float64(nil), v...)
	for i, row := range r.rows {
		if c := v[r.pivots[i]]; c != 0 {
			for j := range v {
				v[j] -= c * row[j]
			}
		}
	}
	return v
}

func (r *rowSpace) add(v []float64) {
	v = r.reduce(v)
	pivot := -1
	for j, x := range v {
		if math.Abs(x) > 1e-9 && (pivot < 0 || math.Abs(x) > math.Abs(v[pivot])) {
			pivot = j
		}
	}
	if pivot < 0 {
		return
	}
	scale := v[pivot]
	for j := range v {
		v[j] /= scale
	}
	// Keep the basis reduced: clear the new pivot from the rows before.
	for i, row := range r.rows {
		if c := row[pivot]; c != 0 {
			for j := range row {
				row[j] -= c * v[j]
			}
			r.rows[i] = row
		}
	}
	r.rows = append(r.rows, v)
	r.pivots = append(r.pivots, pivot)
}

// contains reports whether v is a combination of the vectors added.
func (r *rowSpace) contains(v []float64) bool {
	for _, x := range r.reduce(v) {
		if math.Abs(x) > 1e-9 {
			return false
		}
	}
	return true
}

// TestNoHiddenOfficeComesBackThroughARecast: two offices of a county
// merge; the successor's months before it began are their total, shown
// beside the county's and its other offices'. Flora's 3 is hidden, and
// Eid and Høyanger with it; were Nordfjord's recast January shown, the
// county less Førde, Sogndal and Nordfjord would be Flora.
func TestNoHiddenOfficeComesBackThroughARecast(t *testing.T) {
	org := `[[county]]
id = "vest"
name = "NAV Vest"

[[county]]
id = "nord"
name = "NAV Nord"
` + func() string {
		var b strings.Builder
		for _, o := range []string{"forde", "sogndal", "flora", "eid", "hoyanger", "nordfjord"} {
			fmt.Fprintf(&b, "\n[[office]]\nid = %q\nname = %q\ncounty = \"vest\"\n", o, "NAV "+o)
			switch o {
			case "eid", "hoyanger":
				b.WriteString("until = \"2026-01\"\nmerged_into = \"nordfjord\"\n")
			case "nordfjord":
				b.WriteString("from = \"2026-02\"\n")
			}
		}
		return b.String() + "\n[[office]]\nid = \"tromso\"\nname = \"NAV Tromsø\"\ncounty = \"nord\"\n"
	}()
	results := `period,unit,goal,value
2026-01,forde,ledige,12
2026-01,sogndal,ledige,10
2026-01,flora,ledige,3
2026-01,eid,ledige,9
2026-01,hoyanger,ledige,11
2026-01,tromso,ledige,40
2026-02,forde,ledige,13
2026-02,sogndal,ledige,11
2026-02,flora,ledige,8
2026-02,nordfjord,ledige,21
2026-02,tromso,ledige,41
`
	jan, _ := model.ParsePeriod("2026-01")
	var members func(unit string, p model.Period) []string
	members = func(unit string, p model.Period) []string {
		switch {
		case unit == "_site":
			return slices.Concat(members("vest", p), []string{"tromso"})
		case unit == "nord":
			return []string{"tromso"}
		case unit == "vest" && p == jan:
			return []string{"forde", "sogndal", "flora", "eid", "hoyanger"}
		case unit == "vest":
			return []string{"forde", "sogndal", "flora", "nordfjord"}
		case unit == "nordfjord" && p == jan:
			return []string{"eid", "hoyanger"}
		}
		return []string{unit}
	}
	noHiddenComesBack(t, org, results, "ledige", []string{"forde", "sogndal", "flora", "eid", "hoyanger", "nordfjord", "tromso"}, members, "flora's 2026-01")
}

// TestNoHiddenOfficeComesBackThroughARecastCounty: three counties merge
// into Vestland in February. Sogn's January is not shown, too few of its
// offices having reported, but counts in its spans, and so does
// Vestland's recast January: Vestland's tertial less its February would
// be their January, and the whole site less Oslo and that would be
// Rogaland's one office, hidden for its 4 people.
func TestNoHiddenOfficeComesBackThroughARecastCounty(t *testing.T) {
	var b strings.Builder
	for _, c := range []string{"sogn", "hord", "sunn", "rog", "oslo", "vestland"} {
		fmt.Fprintf(&b, "[[county]]\nid = %q\nname = %q\n", c, "NAV "+c)
		switch c {
		case "sogn", "hord", "sunn":
			b.WriteString("until = \"2026-01\"\nmerged_into = \"vestland\"\n")
		case "vestland":
			b.WriteString("from = \"2026-02\"\n")
		}
		b.WriteString("\n")
	}
	county := map[string]string{"s1": "sogn", "s2": "sogn", "s3": "sogn", "h1": "hord", "u1": "sunn", "r1": "rog", "o1": "oslo"}
	offices := []string{"s1", "s2", "s3", "h1", "u1", "r1", "o1"}
	for _, o := range offices {
		fmt.Fprintf(&b, "[[office]]\nid = %q\nname = %q\ncounty = %q\n", o, "NAV "+o, county[o])
		if c := county[o]; c == "sogn" || c == "hord" || c == "sunn" {
			b.WriteString("\n[[office.change]]\nfrom = \"2026-02\"\ncounty = \"vestland\"\n")
		}
		b.WriteString("\n")
	}
	results := `period,unit,goal,value,numerator,denominator
2026-01,s1,arbeid,,30,60
2026-01,h1,arbeid,,70,140
2026-01,u1,arbeid,,65,130
2026-01,r1,arbeid,,2,4
2026-01,o1,arbeid,,460,800
2026-02,s1,arbeid,,40,80
2026-02,s2,arbeid,,41,82
2026-02,s3,arbeid,,42,84
2026-02,h1,arbeid,,56,104
2026-02,u1,arbeid,,55,100
2026-02,r1,arbeid,,20,40
2026-02,o1,arbeid,,470,810
`
	jan, _ := model.ParsePeriod("2026-01")
	var members func(unit string, p model.Period) []string
	members = func(unit string, p model.Period) []string {
		switch {
		case unit == "_site":
			return offices
		case unit == "vestland" || unit == "sogn" && p > jan:
			return offices[:5]
		}
		var in []string
		for _, o := range offices {
			if county[o] == unit {
				in = append(in, o)
			}
		}
		if in == nil {
			return []string{unit}
		}
		return in
	}
	noHiddenComesBack(t, b.String(), results, "arbeid", offices, members, "r1's 2026-01")
}

// noHiddenComesBack builds a site of org and results reported in
// February 2026 and checks that no hidden month or span of goal, in
// scorecard.csv and periods.csv, lies in the span of the published ones
// (see TestNoSuppressedMonthComesBack), the offices' January and
// February being the unknowns and members giving the offices whose
// figures a unit's month adds up; mustHide is a figure the case hides.
func noHiddenComesBack(t *testing.T, org, results, goal string, offices []string, members func(unit string, p model.Period) []string, mustHide string) {
	t.Helper()
	fsys := reorgSite(t, org, results, "2026-02")
	fsys["data/goals.toml"] = &fstest.MapFile{Data: []byte(privacyGoalsTOML)}
	out := memOutput{}
	if errs, err := Build(fsys, defaults, out); errs != nil || err != nil {
		t.Fatal(errs, err)
	}
	jan, _ := model.ParsePeriod("2026-01")
	sumOf := func(unit string, from, to model.Period) []float64 {
		v := make([]float64, len(offices)*2)
		for p := from; p <= to; p++ {
			for _, o := range members(unit, p) {
				i := slices.Index(offices, o)
				if i < 0 {
					t.Fatalf("no office %q of %s", o, unit)
				}
				v[i*2+int(p-jan)] = 1
			}
		}
		return v
	}
	basis := &rowSpace{}
	var hidden [][]float64
	var names []string
	shown := func(status string) bool { return status == "green" || status == "yellow" || status == "red" }
	for _, f := range readCSV(t, out["scorecard.csv"]) {
		p, _ := model.ParsePeriod(f[0])
		switch {
		case f[2] != goal:
		case shown(f[6]):
			basis.add(sumOf(f[1], p, p))
		case f[6] == "suppressed":
			hidden, names = append(hidden, sumOf(f[1], p, p)), append(names, f[1]+"'s "+f[0])
		}
	}
	for _, f := range readCSV(t, out["periods.csv"]) {
		length, _ := strconv.Atoi(f[9])
		switch {
		case f[2] != goal:
		case shown(f[8]):
			basis.add(sumOf(f[1], jan, jan+model.Period(length-1)))
		case f[8] == "suppressed":
			hidden, names = append(hidden, sumOf(f[1], jan, jan+model.Period(length-1))), append(names, f[1]+"'s "+f[0])
		}
	}
	if !slices.Contains(names, mustHide) {
		t.Fatalf("%s is not hidden: the test has lost its case (hidden: %v)", mustHide, names)
	}
	for i, v := range hidden {
		if basis.contains(v) {
			t.Errorf("%s, hidden, is a combination of published figures", names[i])
		}
	}
}
