package score

import (
	"slices"
	"testing"

	"github.com/malekort/malekort/internal/model"
)

// TestYearBeside: the year beside a result is the year to date, but the
// year before where the year to date would hold that result alone, and
// the result's own year where that is before the reported one.
func TestYearBeside(t *testing.T) {
	for _, c := range []struct {
		reported, latest, from string // from "": the goal has always been
		k                      int
		want                   string
	}{
		{"2026-03", "2026-03", "", 1, "2026 2026-01 2026-03"},
		{"2026-01", "2026-01", "", 1, "2025 2025-01 2025-12"},        // January alone
		{"2026-02", "2026-01", "", 1, "2025 2025-01 2025-12"},        // lagged a month
		{"2026-02", "2025-08", "", 1, "2025 2025-01 2025-12"},        // lagged six months
		{"2026-12", "2026-12", "", 1, "2026 2026-01 2026-12"},        // December: the whole year
		{"2026-05", "2026-04", "", 4, "2025 2025-01 2025-12"},        // the first tertial alone
		{"2026-09", "2026-08", "", 4, "2026 2026-01 2026-09"},        // two tertials
		{"2026-03", "2025-12", "", 4, "2025 2025-01 2025-12"},        // last year's third tertial
		{"2026-03", "2026-03", "2026-03", 1, "2025 2025-01 2025-12"}, // begun this month
		{"2026-04", "2026-04", "2026-03", 1, "2026 2026-01 2026-04"}, // begun last month
		{"2026-09", "2026-08", "2026-06", 4, "2025 2025-01 2025-12"}, // begun in the second tertial
		{"2027-02", "2026-02", "", 1, "2026 2026-01 2026-12"},        // lagged a year
	} {
		from := model.Period(0)
		if c.from != "" {
			from = period(c.from)
		}
		sp := yearBeside(period(c.reported), period(c.latest), from, c.k)
		if got := sp.Name() + " " + sp.First.String() + " " + sp.Last.String(); got != c.want {
			t.Errorf("reported %s, latest %s, from %q, every %d months: %s, want %s", c.reported, c.latest, c.from, c.k, got, c.want)
		}
	}
}

func TestPublishedSpans(t *testing.T) {
	var got []string
	for _, sp := range PublishedSpans(period("2024-03"), period("2026-10")) {
		got = append(got, sp.Name()+" "+sp.First.String()+" "+sp.Last.String())
	}
	// 2024 began before the results did: no year, nor its first tertial,
	// but its other two, as older tertials are in periods.csv.
	want := []string{
		"2024-T2 2024-05 2024-08", "2024-T3 2024-09 2024-12",
		"2025-T1 2025-01 2025-04", "2025-T2 2025-05 2025-08", "2025-T3 2025-09 2025-12", "2025 2025-01 2025-12",
		"2026-T1 2026-01 2026-04", "2026-T2 2026-05 2026-08", "2026-T3 2026-09 2026-10", "2026 2026-01 2026-10",
	}
	if !slices.Equal(got, want) {
		t.Errorf("spans:\n got %q\nwant %q", got, want)
	}
	spans := PublishedSpans(period("2023-01"), period("2026-12"))
	if last := spans[len(spans)-1]; last.Kind != Year || last.Partial() || spans[len(spans)-2].Kind != Tertial {
		t.Errorf("reported December: last spans %+v, want T3 then the whole year", spans[len(spans)-2:])
	}
	if spans[3] != (Span{Kind: Year, First: period("2023-01"), Last: period("2023-12")}) || spans[0].Kind != Tertial {
		t.Errorf("first spans %+v, want 2023's tertials, then the whole of 2023", spans[:4])
	}
}

// aggFixture is a site with a ratio, a sum and a mean goal over January
// to May 2026, reported in May.
func aggFixture() (*fixture, *Scores) {
	sum := model.Goal{ID: "s", Unit: "count", Direction: "higher", Target: 10, Yellow: 8, Aggregate: "sum"}
	sum.Schedule = []model.Step{{From: period("2026-03"), Target: 20, Yellow: 16}}
	mean := model.Goal{ID: "m", Unit: "days", Direction: "lower", Target: 5, Yellow: 6, Aggregate: "mean", Decimals: 1}
	f := newFixture(percentGoal("r"), sum, mean)
	for i, p := range []string{"2026-01", "2026-02", "2026-03", "2026-04", "2026-05"} {
		n := float64(i)
		f.ratio(p, "a", "r", 10+n, 20).ratio(p, "b", "r", 5, 20).ratio(p, "c", "r", 1+n, 10)
		f.value(p, "a", "s", 3+n).value(p, "b", "s", 4).value(p, "c", "s", 2*n)
		f.value(p, "a", "m", 4+n).value(p, "b", "m", 5).value(p, "c", "m", 6)
	}
	return f, f.scores("2026-05")
}

func (s *Scores) over(unit, goal string, sp Span) Aggregate {
	return s.Over(s.unit(unit), s.goalIndex(goal), sp)
}

func TestAggregates(t *testing.T) {
	_, s := aggFixture()
	t1 := Span{Kind: Tertial, First: period("2026-01"), Last: period("2026-04")}
	ytd := yearToDate(s.reported)
	if ytd != (Span{Kind: YearToDate, First: period("2026-01"), Last: period("2026-05")}) || ytd.Name() != "2026" || !ytd.Partial() {
		t.Fatalf("year to date %+v", ytd)
	}
	for _, c := range []struct {
		unit, goal     string
		sp             Span
		value          float64
		num, den       float64
		target, yellow float64
		status         Status
		cov            Coverage
	}{
		// a: (10+11+12+13)/80 = 57.5 %, against May's target.
		{"a", "r", t1, 57.5, 46, 80, 45, 40, Green, Coverage{4, 4}},
		// vest: a and b, (46+20)/(80+80).
		{"vest", "r", t1, 41.3, 66, 160, 45, 40, Yellow, Coverage{8, 8}},
		{"whole", "r", ytd, 40, 60 + 25 + 15, 100 + 100 + 50, 45, 40, Yellow, Coverage{15, 15}},
		// Sums: the months' targets summed, 10 + 10 + 20 + 20 (+ 20).
		{"a", "s", t1, 3 + 4 + 5 + 6, 0, 0, 60, 48, Red, Coverage{4, 4}},
		{"nord", "s", ytd, 0 + 2 + 4 + 6 + 8, 0, 0, 80, 64, Red, Coverage{5, 5}},
		// Means: of the months' values; the whole site's months are means
		// of every office.
		{"a", "m", ytd, 6, 0, 0, 5, 6, Yellow, Coverage{5, 5}},
		{"whole", "m", t1, 5.5, 0, 0, 5, 6, Yellow, Coverage{12, 12}},
	} {
		a := s.over(c.unit, c.goal, c.sp)
		want := Aggregate{Cell: Cell{Value: c.value, Num: c.num, Den: c.den, Status: c.status}, Target: c.target, Yellow: c.yellow, Coverage: c.cov}
		if a != want {
			t.Errorf("%s %s %s: got %+v, want %+v", c.unit, c.goal, c.sp.Name(), a, want)
		}
	}
	if a := s.Over(s.unit("a"), s.goalIndex("r"), Span{Kind: Year, First: period("2025-01"), Last: period("2025-12")}); a.Published() {
		t.Errorf("a span the site does not publish: %+v", a)
	}
}

// TestAggregateOfRatioGivenAsValuesIsUncomputable: months given as a
// share's value do not add up, and their mean would be wrong, so a span
// of several has no value; every month of it is known, so it is not
// missing either. A span of one such month is that month's value.
func TestAggregateOfRatioGivenAsValuesIsUncomputable(t *testing.T) {
	f, _ := aggFixture()
	f.value("2026-06", "a", "r", 50)
	s := f.scores("2026-06")
	if a := s.over("a", "r", yearToDate(s.reported)); a.Status != Uncomputable || a.Has() || a.Coverage != (Coverage{6, 6}) {
		t.Errorf("a's year to date with a month given as a value: %+v, want uncomputable, 6 of 6 months", a)
	}
	if a := s.over("a", "r", Span{Kind: Tertial, First: period("2026-01"), Last: period("2026-04")}); a.Value != 57.5 {
		t.Errorf("T1, all of whose months have numerators: %+v", a)
	}
	f = newFixture(percentGoal("r"))
	f.value("2026-05", "a", "r", 50)
	s = f.scores("2026-05")
	if a := s.over("a", "r", Span{Kind: Tertial, First: period("2026-05"), Last: period("2026-05")}); a.Value != 50 || a.Status != Green {
		t.Errorf("a's T2 of its one month so far, given as a value: %+v, want 50, green", a)
	}
}

func TestAggregateCoverage(t *testing.T) {
	f, _ := aggFixture()
	f.ratio("2026-06", "a", "r", 1, 2) // only a reports June
	f.hidden("2026-06", "c", "s")
	s := f.scores("2026-08")
	t2 := Span{Kind: Tertial, First: period("2026-05"), Last: period("2026-08")}
	if a := s.over("a", "r", t2); a.Status != Incomplete || a.Coverage != (Coverage{2, 4}) {
		t.Errorf("a in T2 with May and June of four months: %+v, want incomplete, 2 of 4", a)
	}
	if a := s.over("vest", "r", t2); a.Coverage != (Coverage{3, 8}) {
		t.Errorf("vest in T2: coverage %+v, want 3 of 8 office-months", a.Coverage)
	}
	if a := s.over("c", "s", t2); a.Status != Suppressed {
		t.Errorf("c's T2 with a month hidden at source: %+v, want suppressed", a)
	}
}

// TestSumShortOfAMonthIsNoTotal: a year to date summed over four of its
// five months is not judged against five months' targets, while a ratio
// and a stock's mean over the same four months are, at min_coverage 0.8.
func TestSumShortOfAMonthIsNoTotal(t *testing.T) {
	stock := model.Goal{ID: "k", Unit: "count", Direction: "lower", Target: 10, Yellow: 12, Aggregate: "sum", Stock: true}
	f, _ := aggFixture()
	f.site.Goals = append(f.site.Goals, stock)
	for _, p := range []string{"2026-01", "2026-02", "2026-03", "2026-04", "2026-05"} {
		f.value(p, "b", "k", 4).value(p, "c", "k", 4)
		if p != "2026-03" {
			f.value(p, "a", "k", 4)
		}
	}
	// a has no March for the sum and the ratio either.
	results := f.site.Results[:0]
	for _, r := range f.site.Results {
		if r.Period == period("2026-03") && r.Unit == f.unit("a") && (r.Goal == f.goal("s") || r.Goal == f.goal("r")) {
			continue
		}
		results = append(results, r)
	}
	f.site.Results = results
	s := Compute(f.site, period("2026-05"), Options{MinCoverage: 0.8})
	ytd := yearToDate(s.reported)
	for _, c := range []struct {
		unit, goal string
		status     Status
		cov        Coverage
	}{
		{"a", "s", Incomplete, Coverage{4, 5}},
		{"vest", "s", Incomplete, Coverage{9, 10}},
		{"whole", "s", Incomplete, Coverage{14, 15}},
		{"nord", "s", Red, Coverage{5, 5}},
		{"a", "r", Green, Coverage{4, 5}},
		{"vest", "r", Yellow, Coverage{9, 10}},
		{"a", "k", Green, Coverage{4, 5}},
		// A stock's coverage is of the months its mean is of: those with
		// a total, four of five.
		{"vest", "k", Green, Coverage{4, 5}},
	} {
		a := s.over(c.unit, c.goal, ytd)
		if a.Status != c.status || a.Coverage != c.cov || c.status == Incomplete && a.Cell != (Cell{Status: Incomplete}) {
			t.Errorf("%s %s year to date: %+v, want %v with coverage %+v", c.unit, c.goal, a, c.status, c.cov)
		}
	}
	// vest's stock in March is a's missing plus b's: no total, so its mean
	// is of the four months that have one, 8.
	if a := s.over("vest", "k", ytd); a.Value != 8 {
		t.Errorf("vest's stock over the year to date: %v, want 8", a.Value)
	}
	if c := s.cell("vest", "k", "2026-03"); c.Status != Incomplete {
		t.Errorf("vest's stock in March without a: %+v, want incomplete", c)
	}
	// The first tertial has a total in three of its four months: fewer
	// than min_coverage, though 7 of 8 office-months reported.
	t1 := Span{Kind: Tertial, First: period("2026-01"), Last: period("2026-04")}
	if a := s.over("vest", "k", t1); a.Status != Incomplete || a.Coverage != (Coverage{3, 4}) {
		t.Errorf("vest's stock over T1: %+v, want incomplete (3 of 4 months with a total)", a)
	}
}

func TestAggregatesOfYearlyAndLaggedGoals(t *testing.T) {
	yearly := model.Goal{ID: "y", Unit: "score", Direction: "higher", Target: 4.5, Yellow: 4, Aggregate: "mean", Decimals: 1, Frequency: "year"}
	lagged := percentGoal("l")
	lagged.Lag = 2
	f := newFixture(yearly, lagged)
	f.value("2025-12", "a", "y", 4.6).value("2025-12", "b", "y", 4.2).value("2025-12", "c", "y", 3)
	for _, p := range []string{"2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"} {
		f.ratio(p, "a", "l", 1, 2)
	}
	f.ratio("2026-02", "a", "l", 3, 4)
	s := f.scores("2026-03")
	y2025 := Span{Kind: Year, First: period("2025-01"), Last: period("2025-12")}
	if a := s.over("a", "y", y2025); a.Value != 4.6 || a.Status != Green || a.Coverage != (Coverage{1, 1}) {
		t.Errorf("a yearly goal's year is its own result: %+v", a)
	}
	if a := s.over("a", "y", Span{Kind: Tertial, First: period("2025-09"), Last: period("2025-12")}); a.Published() {
		t.Errorf("a yearly goal has no tertial: %+v", a)
	}
	// Reported in March, a goal lagged two months has January due.
	if a := s.over("a", "l", yearToDate(s.reported)); a.Coverage != (Coverage{1, 1}) || a.Value != 50 {
		t.Errorf("lagged goal's year to date: %+v, want January alone", a)
	}
	// Its February and March, not yet due, are not shown early: the
	// build of the month they are due in could hide them to protect a
	// neighbour, and the two builds together would give it away.
	for _, p := range []string{"2026-02", "2026-03"} {
		if c := s.cell("a", "l", p); c.Status != Missing || c.Has() {
			t.Errorf("lagged goal's %s, due after the reported month: %+v, want no figure", p, c)
		}
	}
	if c := s.cell("a", "l", "2026-01"); c.Value != 50 {
		t.Errorf("lagged goal's January, due in March: %+v, want 50", c)
	}
}

// TestAggregateHiddenRatherThanItsMonths: a's January has 3 people; its
// T1 less its February would give January back, so T1 is hidden, not
// February. vest's T1 is its offices' total, of which a's is hidden: b's
// goes too.
func TestAggregateHiddenRatherThanItsMonths(t *testing.T) {
	f := newFixture(percentGoal("r"))
	f.ratio("2026-01", "a", "r", 1, 3).ratio("2026-01", "b", "r", 50, 100).ratio("2026-01", "c", "r", 40, 80)
	f.ratio("2026-02", "a", "r", 30, 60).ratio("2026-02", "b", "r", 50, 100).ratio("2026-02", "c", "r", 40, 80)
	s := f.Compute5()
	t1 := yearToDate(s.reported)
	if c := s.cell("a", "r", "2026-02"); c.Status != Green {
		t.Errorf("a's February: %+v, want shown", c)
	}
	for unit, want := range map[string]Status{"a": Suppressed, "b": Suppressed, "vest": Green, "c": Green} {
		if a := s.over(unit, "r", t1); a.Status != want {
			t.Errorf("%s's year to date: %+v, want %v", unit, a, want)
		}
	}
}

// TestAggregateWithAHiddenMonthIsHidden: a's January and February have 3
// people each: each is hidden, and so is every aggregate over them, the
// year to date of February as of March, though its hidden months have 6
// or 9 people: a shown aggregate is the total of shown months, so no sum
// or difference of aggregates, of one build or of several, gives a month
// back. c's, all shown, is shown.
func TestAggregateWithAHiddenMonthIsHidden(t *testing.T) {
	f := newFixture(percentGoal("r"))
	for _, p := range []string{"2026-01", "2026-02", "2026-03"} {
		f.ratio(p, "a", "r", 1, 3).ratio(p, "b", "r", 50, 100).ratio(p, "c", "r", 40, 80)
	}
	for _, reported := range []string{"2026-02", "2026-03"} {
		s := Compute(f.site, period(reported), Options{MinCount: 5, MinCoverage: 0.8})
		if a := s.over("a", "r", yearToDate(s.reported)); a.Status != Suppressed {
			t.Errorf("a's year to date reported %s: %+v, want it hidden", reported, a)
		}
		if c := s.over("c", "r", yearToDate(s.reported)); !c.Has() {
			t.Errorf("c's year to date reported %s: %+v, want it shown", reported, c)
		}
	}
}

// TestYearIsNotItsTertialsLessOne: a's August alone is small. Before, T2
// was hidden for it, but the year and T1 and T3 were shown: the year less
// T1 and T3 was T2, and T2 less May, June and July was August. Now the
// year and T2, which hold August, are hidden, and T1 and T3 shown.
func TestYearIsNotItsTertialsLessOne(t *testing.T) {
	f := newFixture(countGoal("n", true))
	for p := period("2025-01"); p <= period("2025-12"); p++ {
		v := 10.0
		if p == period("2025-08") {
			v = 2
		}
		f.value(p.String(), "a", "n", v).value(p.String(), "b", "n", 20).value(p.String(), "c", "n", 30)
	}
	s := Compute(f.site, period("2025-12"), Options{MinCount: 5, MinCoverage: 0.8})
	for _, sp := range s.Spans() {
		want := sp.Kind == Year || sp.TertialNumber() == 2
		if got := s.over("a", "n", sp).Status == Suppressed; got != want {
			t.Errorf("a's %s hidden: %v, want %v", sp.Name(), got, want)
		}
	}
}

// TestPartialMonthProtectsItsParts: in March three of vest's five offices
// reported, too few for its month to be shown; but its T1 counts them, so
// T1 less January and February is their total, and a's small March
// would be that less b's and f's. b's, the next smallest, is hidden with
// it, as in a month shown.
func TestPartialMonthProtectsItsParts(t *testing.T) {
	f := newFixture(percentGoal("r")).withOffice("d", "vest").withOffice("e", "vest").withOffice("f", "vest")
	for _, p := range []string{"2026-01", "2026-02"} {
		for _, o := range []string{"a", "b", "d", "e", "f"} {
			f.ratio(p, o, "r", 20, 40)
		}
	}
	f.ratio("2026-03", "a", "r", 1, 3).ratio("2026-03", "b", "r", 22, 40).ratio("2026-03", "f", "r", 23, 50)
	for _, p := range []string{"2026-01", "2026-02", "2026-03"} {
		f.ratio(p, "c", "r", 40, 80)
	}
	s := Compute(f.site, period("2026-03"), Options{MinCount: 5, MinCoverage: 0.8})
	if st := s.At(s.unit("vest"), 0, period("2026-03")).Status; st != Incomplete {
		t.Fatalf("vest's March: %v, want incomplete", st)
	}
	if !s.over("vest", "r", yearToDate(s.reported)).Has() {
		t.Fatalf("vest's year to date is not shown: the test has lost its case")
	}
	if st := s.At(s.unit("b"), 0, period("2026-03")).Status; st != Suppressed {
		t.Errorf("b's March: %v, want it hidden with a's", st)
	}
	if !s.At(s.unit("f"), 0, period("2026-03")).Has() {
		t.Errorf("f's March is hidden too")
	}
}

// TestRelationsResetForTheNextGoal: the relations are kept from goal to
// goal (see scratch), and a goal's must not carry the totals of the goal
// scored before it in the same scratch.
func TestRelationsResetForTheNextGoal(t *testing.T) {
	var r relations
	r.reset(1, 2)
	r.add(7, []int32{1, 2})
	r.reset(1, 1)
	r.add(9, []int32{3})
	if !slices.Equal(r.totals, []int32{9}) || !slices.Equal(r.parts, []int32{3}) || !slices.Equal(r.ends, []int32{1}) {
		t.Fatalf("after reset: %+v", r)
	}
}

// TestHiddenPartsOfNothingAreProtected: a's small month is hidden, and b's,
// the next smallest, with it; vest's 17 of 36 less d's 7 of 7 and e's 10
// of 20 leaves a's and b's numerators 0 together, so each is 0: d is
// hidden with them. Where they have 1 together, neither is known, and d
// is shown.
func TestHiddenPartsOfNothingAreProtected(t *testing.T) {
	for _, c := range []struct {
		a      float64
		dShown bool
	}{{0, false}, {1, true}} {
		f := newFixture(percentGoal("r")).withOffice("d", "vest").withOffice("e", "vest")
		f.ratio("2026-01", "a", "r", c.a, 3).ratio("2026-01", "b", "r", 0, 6).ratio("2026-01", "d", "r", 7, 7).ratio("2026-01", "e", "r", 10, 20).ratio("2026-01", "c", "r", 40, 80)
		s := Compute(f.site, period("2026-01"), Options{MinCount: 5, MinCoverage: 0.8})
		if !s.At(s.unit("vest"), 0, period("2026-01")).Has() || s.At(s.unit("b"), 0, period("2026-01")).Has() {
			t.Fatalf("a = %v: vest's month is hidden, or b's shown: the test has lost its case", c.a)
		}
		if got := s.At(s.unit("d"), 0, period("2026-01")).Has(); got != c.dShown {
			t.Errorf("a = %v: d's month shown: %v, want %v", c.a, got, c.dShown)
		}
	}
}

// TestRatioAboveOneIsNotFloored: a ratio that is no percentage may have
// its numerator above its denominator (days per case): their difference
// has no floor, and hidden parts below it pin nothing.
func TestRatioAboveOneIsNotFloored(t *testing.T) {
	g := percentGoal("r")
	g.Unit = "days"
	f := newFixture(g).withOffice("d", "vest").withOffice("e", "vest")
	f.ratio("2026-01", "a", "r", 12, 3).ratio("2026-01", "b", "r", 30, 6).ratio("2026-01", "d", "r", 14, 7).ratio("2026-01", "e", "r", 40, 20).ratio("2026-01", "c", "r", 40, 80)
	s := Compute(f.site, period("2026-01"), Options{MinCount: 5, MinCoverage: 0.8})
	if s.At(s.unit("b"), 0, period("2026-01")).Has() || !s.At(s.unit("d"), 0, period("2026-01")).Has() {
		t.Errorf("b's month shown: %v, d's: %v; want b hidden with a, d shown", s.At(s.unit("b"), 0, period("2026-01")).Has(), s.At(s.unit("d"), 0, period("2026-01")).Has())
	}
}

// TestHiddenPartsOfNothingBelowAreProtected: a hidden county's shown
// offices are parts of the whole site too. Where they add up to the whole
// site's numerator, the county's hidden office and the other county have
// nothing together, so each is 0, though the hidden counties' own
// figures, the whole site's parts, add up to more than 0.
func TestHiddenPartsOfNothingBelowAreProtected(t *testing.T) {
	for _, c := range []struct {
		a      float64
		dShown bool
	}{{0, false}, {1, true}} {
		f := newFixture(percentGoal("r")).withOffice("d", "vest").withOffice("e", "vest")
		f.ratio("2026-01", "a", "r", c.a, 6).ratio("2026-01", "b", "r", 20, 40).ratio("2026-01", "d", "r", 10, 20).ratio("2026-01", "e", "r", 6, 30).ratio("2026-01", "c", "r", 0, 2)
		s := Compute(f.site, period("2026-01"), Options{MinCount: 5, MinCoverage: 0.8})
		at := func(unit string) bool { return s.At(s.unit(unit), 0, period("2026-01")).Has() }
		if !at("whole") || at("vest") || at("nord") || at("a") || !at("b") || !at("e") {
			t.Fatalf("a = %v: the whole site's month hidden, a county's or a's shown, or b's or e's hidden: the test has lost its case", c.a)
		}
		if got := at("d"); got != c.dShown {
			t.Errorf("a = %v: d's month shown: %v, want %v", c.a, got, c.dShown)
		}
	}
}

// TestHiddenPartsOfNothingBelowAnIncompleteCounty: a county not shown for
// too few offices is known down to its shown offices as well; where they
// make up the whole site's numerator, the hidden counties have nothing.
// Vest's smallest office, d, is hidden then (and a with it, for Vest's
// own figure counts in its spans), not Øst, a smaller county shown:
// hiding it would tell nothing new until one of its offices was hidden.
func TestHiddenPartsOfNothingBelowAnIncompleteCounty(t *testing.T) {
	for _, k := range []struct {
		c      float64
		hidden []string
	}{{0, []string{"a", "d"}}, {1, nil}} {
		f := newFixture(percentGoal("r"))
		f.site.Counties = append(f.site.Counties, model.County{ID: "sor", Name: "Sør"}, model.County{ID: "ost", Name: "Øst"})
		f.withOffice("d", "vest").withOffice("e", "vest").withOffice("g", "vest").withOffice("s1", "sor").withOffice("s2", "sor").withOffice("o1", "ost")
		f.ratio("2026-01", "a", "r", 0, 25).ratio("2026-01", "b", "r", 20, 40).ratio("2026-01", "d", "r", 10, 20).ratio("2026-01", "e", "r", 6, 30)
		f.ratio("2026-01", "c", "r", k.c, 2).ratio("2026-01", "s1", "r", 0, 3).ratio("2026-01", "s2", "r", 0, 8).ratio("2026-01", "o1", "r", 3, 12)
		s := Compute(f.site, period("2026-01"), Options{MinCount: 5, MinCoverage: 0.85})
		at := func(unit string) Cell { return s.At(s.unit(unit), 0, period("2026-01")) }
		if !at("whole").Has() || at("vest").Has() || at("vest").Status == Suppressed || at("nord").Status != Suppressed || at("sor").Status != Suppressed {
			t.Fatalf("c = %v: the whole site's month hidden, Vest's shown or suppressed, or Nord's or Sør's not suppressed: the test has lost its case", k.c)
		}
		for _, u := range []string{"a", "b", "d", "e", "ost", "o1"} {
			if want := !slices.Contains(k.hidden, u); at(u).Has() != want {
				t.Errorf("c = %v: %s's month shown: %v, want %v", k.c, u, at(u).Has(), want)
			}
		}
	}
}

// TestOwnCountyFigureIsUnknown: a county's figure of its own (it has no
// offices, or its row stands for them) is no total of offices a reader
// can see into. Hidden, it is unknown itself, so the whole site less its
// shown counties leaves two unknown, Nord's office and it, and the
// offices of Vest, all shown, stay shown.
func TestOwnCountyFigureIsUnknown(t *testing.T) {
	for _, c := range []struct {
		name  string
		setup func(f *fixture)
	}{
		{"a county without offices", func(f *fixture) {
			f.site.Counties = append(f.site.Counties, model.County{ID: "ost", Name: "Øst"})
			f.site.NumberUnits()
			f.ratio("2026-01", "ost", "r", 10, 20)
		}},
		{"a county measured at county level", func(f *fixture) {
			f.site.Counties = append(f.site.Counties, model.County{ID: "ost", Name: "Øst"})
			f.withOffice("o1", "ost")
			f.ratio("2026-01", "ost", "r", 10, 20)
		}},
	} {
		f := newFixture(percentGoal("r"))
		f.ratio("2026-01", "a", "r", 20, 40).ratio("2026-01", "b", "r", 20, 40).ratio("2026-01", "c", "r", 1, 3)
		c.setup(f)
		s := Compute(f.site, period("2026-01"), Options{MinCount: 5, MinCoverage: 0.8})
		at := func(unit string) Cell { return s.At(s.unit(unit), 0, period("2026-01")) }
		if at("c").Status != Suppressed || at("nord").Status != Suppressed || at("ost").Status != Suppressed || !at("whole").Has() {
			t.Fatalf("%s: c, Nord and Øst %v, %v, %v, the whole site shown %v: the test has lost its case", c.name, at("c").Status, at("nord").Status, at("ost").Status, at("whole").Has())
		}
		for _, u := range []string{"a", "b", "vest"} {
			if !at(u).Has() {
				t.Errorf("%s: %s hidden, want shown", c.name, u)
			}
		}
	}
}

// TestCoveredMonths: of the year to date in October, a monthly goal's
// figure is of all ten months, one lagged two months of eight, and a
// tertial goal's of its two tertials over (January to August); of a
// tertial not yet over, a tertial goal's is of none.
func TestCoveredMonths(t *testing.T) {
	monthly, lagged, tertial := percentGoal("m"), percentGoal("l"), percentGoal("t")
	lagged.Lag, tertial.Frequency = 2, "tertial"
	f := newFixture(monthly, lagged, tertial)
	f.ratio("2026-01", "a", "m", 1, 2).ratio("2026-10", "a", "m", 1, 2)
	s := f.scores("2026-10")
	ytd := yearToDate(s.reported)
	t3 := Span{Kind: Tertial, First: period("2026-09"), Last: period("2026-12")}
	for gi, want := range []int{10, 8, 8} {
		if got := s.CoveredMonths(gi, ytd); got != want {
			t.Errorf("goal %s covers %d months of the year to date, want %d", f.site.Goals[gi].ID, got, want)
		}
	}
	if got := s.CoveredMonths(2, t3); got != 0 {
		t.Errorf("the tertial goal covers %d months of a tertial not over, want 0", got)
	}
}
