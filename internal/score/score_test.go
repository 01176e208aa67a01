package score

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/malekort/malekort/internal/model"
)

func TestRound(t *testing.T) {
	for _, c := range []struct {
		v    float64
		d    int
		want float64
	}{
		{45.15, 1, 45.2}, // binary 45.149999…: rounds as the decimal it stands for
		{44.95, 1, 45.0},
		{44.94999, 1, 44.9},
		{2.675, 2, 2.68},
		{0.05, 1, 0.1},
		{-2.5, 0, -3}, // away from zero
		{-0.04, 1, 0},
		{2.5, 0, 3},
		{123456.785, 2, 123456.79},
		{(45.1 + 45.2) / 2, 1, 45.2},
		{100.0 * 9 / 20, 1, 45},
		{0, 2, 0},
		{1e-9, 1, 0},
		{99.96, 1, 100},
	} {
		if got := Round(c.v, c.d); got != c.want {
			t.Errorf("Round(%v, %d) = %v, want %v", c.v, c.d, got, c.want)
		}
	}
}

// TestRoundFastPath checks Round against writing each value out in
// decimal, bit for bit, on the values sites have: ratios of counts,
// percentages, means, halves and their neighbours.
func TestRoundFastPath(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	check := func(v float64, d int) {
		t.Helper()
		if v == 0 {
			return // Round returns zeros as they are, before either way
		}
		if got, want := Round(v, d), roundDecimal(v, d); math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("Round(%v, %d) = %v, writing it out gives %v", v, d, got, want)
		}
	}
	for range 500_000 {
		d := rng.IntN(4)
		num, den := float64(rng.IntN(100_000)), float64(1+rng.IntN(100_000))
		check(100*num/den, d)
		check(num/den, d)
		check(-num/den, d)
		half := (float64(rng.IntN(2_000_000)) + 0.5) / math.Pow10(d) // x.5 at the last decimal
		check(half, d)
		check(math.Nextafter(half, 0), d)
		check(math.Nextafter(half, math.Inf(1)), d)
		check((num+den)/3, d)
		check(rng.NormFloat64()*math.Pow10(rng.IntN(12)), d)
	}
}

func TestStatusOfEdges(t *testing.T) {
	higher := Thresholds{Target: 45, Yellow: 40, Applies: true}
	lower := Thresholds{Target: 6, Yellow: 7.5, Applies: true}
	for _, c := range []struct {
		v      float64
		t      Thresholds
		higher bool
		want   Status
	}{
		{45, higher, true, Green},
		{45.1, higher, true, Green},
		{44.9, higher, true, Yellow},
		{40, higher, true, Yellow},
		{39.9, higher, true, Red},
		{6, lower, false, Green},
		{5, lower, false, Green},
		{6.1, lower, false, Yellow},
		{7.5, lower, false, Yellow},
		{7.6, lower, false, Red},
	} {
		if got := StatusOf(c.v, c.t, c.higher); got != c.want {
			t.Errorf("StatusOf(%v, %+v, higher=%v) = %v, want %v", c.v, c.t, c.higher, got, c.want)
		}
	}
}

// fixture is a small organisation: county "vest" with offices a and b,
// county "nord" with office c.
type fixture struct {
	site *model.Site
}

func newFixture(goals ...model.Goal) *fixture {
	s := &model.Site{
		Counties: []model.County{{ID: "vest", Name: "Vest"}, {ID: "nord", Name: "Nord"}},
		Offices: []model.Office{
			{ID: "a", Name: "A", County: "vest"},
			{ID: "b", Name: "B", County: "vest"},
			{ID: "c", Name: "C", County: "nord"},
		},
		Goals: goals,
	}
	s.NumberUnits()
	s.ResultFiles = []string{"data/results/test.csv"}
	return &fixture{site: s}
}

func (f *fixture) unit(id string) int32 {
	for i, u := range f.site.Units {
		if u == id {
			return int32(i)
		}
	}
	panic(id)
}

func (f *fixture) goal(id string) int32 {
	for i, g := range f.site.Goals {
		if g.ID == id {
			return int32(i)
		}
	}
	panic(id)
}

func period(s string) model.Period {
	p, ok := model.ParsePeriod(s)
	if !ok {
		panic(s)
	}
	return p
}

func (f *fixture) value(p, unit, goal string, v float64) *fixture {
	f.site.Results = append(f.site.Results, model.Result{Period: period(p), Unit: f.unit(unit), Goal: f.goal(goal), HasValue: true, Value: v})
	return f
}

func (f *fixture) ratio(p, unit, goal string, n, d float64) *fixture {
	f.site.Results = append(f.site.Results, model.Result{Period: period(p), Unit: f.unit(unit), Goal: f.goal(goal), HasRatio: true, Numerator: n, Denominator: d})
	return f
}

func (f *fixture) scores(reported string) *Scores {
	return Compute(f.site, period(reported), Options{MinCoverage: 0.8})
}

func (s *Scores) unit(id string) int {
	for i, u := range s.Site.Units {
		if u == id {
			return i
		}
	}
	if id == "whole" {
		return s.Whole()
	}
	panic(id)
}

func (s *Scores) goalIndex(id string) int {
	for i, g := range s.Site.Goals {
		if g.ID == id {
			return i
		}
	}
	panic(id)
}

func (s *Scores) cell(unit, goal, p string) Cell {
	return s.At(s.unit(unit), s.goalIndex(goal), period(p))
}

func (s *Scores) th(unit, goal string) Thresholds {
	return s.Thresholds(s.unit(unit), s.goalIndex(goal))
}

func percentGoal(id string) model.Goal {
	return model.Goal{ID: id, Unit: "percent", Direction: "higher", Target: 45, Yellow: 40, Aggregate: "ratio", Decimals: 1}
}

// TestTheWholeSitesMeanHasCountiesWithoutOffices: a county without
// offices reports for itself, so the whole site's mean is over it and
// the offices; a site of such counties alone has a mean, not a missing
// figure.
func TestTheWholeSitesMeanHasCountiesWithoutOffices(t *testing.T) {
	f := newFixture(model.Goal{ID: "m", Unit: "score", Direction: "higher", Target: 4, Yellow: 3, Aggregate: "mean", Decimals: 1})
	f.site.Counties = append(f.site.Counties, model.County{ID: "sor", Name: "Sør"})
	f.site.NumberUnits()
	f.value("2026-01", "a", "m", 1).value("2026-01", "b", "m", 2).value("2026-01", "c", "m", 3).value("2026-01", "sor", "m", 6)
	s := f.scores("2026-01")
	if c, cov := s.cell("whole", "m", "2026-01"), s.CoverageAt(s.Whole(), 0, period("2026-01")); c.Value != 3 || c.Status != Yellow || cov != (Coverage{4, 4}) {
		t.Errorf("the whole site: %+v, %+v; want the mean 3 of four units, all reported", c, cov)
	}
	f = newFixture(model.Goal{ID: "m", Unit: "score", Direction: "higher", Target: 4, Yellow: 3, Aggregate: "mean", Decimals: 1})
	f.site.Offices = nil
	f.site.NumberUnits()
	f.value("2026-01", "vest", "m", 4).value("2026-01", "nord", "m", 5)
	if c := f.scores("2026-01").cell("whole", "m", "2026-01"); c.Value != 4.5 || c.Status != Green {
		t.Errorf("a site of counties alone: %+v, want their mean 4.5", c)
	}
}

// TestAWholeMeanWithACountyBegun: Sør, a county without offices, begins
// in February: the whole site's mean of February is over one unit more
// than January's, a change between other units, though no office came or
// went.
func TestAWholeMeanWithACountyBegun(t *testing.T) {
	f := newFixture(model.Goal{ID: "m", Unit: "score", Direction: "higher", Target: 4, Yellow: 3, Aggregate: "mean", Decimals: 1})
	f.site.Counties = append(f.site.Counties, model.County{ID: "sor", Name: "Sør", Lifetime: model.Lifetime{From: period("2026-02")}})
	f.site.NumberUnits()
	for _, m := range []string{"2026-01", "2026-02"} {
		f.value(m, "a", "m", 4).value(m, "b", "m", 4).value(m, "c", "m", 4)
	}
	f.value("2026-02", "sor", "m", 1)
	s := f.scores("2026-02")
	jan, feb := period("2026-01"), period("2026-02")
	if k := s.KindOfChange(s.Whole(), &f.site.Goals[0], s.At(s.Whole(), 0, jan), s.At(s.Whole(), 0, feb), jan, feb); k != OtherOffices {
		t.Errorf("the whole site's change: %v, want one between other units", k)
	}
}

// TestCountsCounties: the whole site's coverage counts a county without
// offices, and so is of units, where that county has the goal; of a goal
// local to Vest it counts offices alone.
func TestCountsCounties(t *testing.T) {
	for owner, want := range map[string]bool{"": true, "vest": false} {
		f := newFixture(model.Goal{ID: "m", Unit: "score", Direction: "higher", Target: 4, Yellow: 3, Aggregate: "mean", Decimals: 1, Owner: owner})
		f.site.Counties = append(f.site.Counties, model.County{ID: "sor", Name: "Sør"})
		f.site.NumberUnits()
		f.value("2026-01", "a", "m", 1)
		s := f.scores("2026-01")
		if got := s.CountsCounties(s.Whole(), 0, period("2026-01"), period("2026-01")); got != want {
			t.Errorf("a goal of owner %q: counts counties %v, want %v", owner, got, want)
		}
	}
}

// TestRollUpOfSharesGivenAsValues: shares given only as values cannot
// be combined, so a county of several such offices, and the whole site
// above it, have no value and say why, not that the figure is missing; a
// county of one office has that office's share.
func TestRollUpOfSharesGivenAsValues(t *testing.T) {
	f := newFixture(percentGoal("r"))
	f.value("2026-01", "a", "r", 50).value("2026-01", "b", "r", 30).value("2026-01", "c", "r", 46)
	s := f.scores("2026-01")
	for unit, offices := range map[string]int32{"vest": 2, "whole": 3} {
		if c := s.cell(unit, "r", "2026-01"); c.Status != Uncomputable || c.Has() ||
			s.CoverageAt(s.unit(unit), 0, period("2026-01")) != (Coverage{offices, offices}) {
			t.Errorf("%s of shares given as values: %+v, want uncomputable with its %d offices reported", unit, c, offices)
		}
	}
	if c := s.cell("nord", "r", "2026-01"); c.Value != 46 || c.Status != Green {
		t.Errorf("nord of its one office: %+v, want c's 46, green", c)
	}
	if a := s.AttentionAt(s.unit("vest"), period("2026-01"), []int{0}); !a.Uncomputable || len(a.Unknown) != 0 {
		t.Errorf("vest's attention: %+v, want no goal to judge and uncomputable, so that it cannot say every goal is met", a)
	}
}

func TestTargetsOverrideOfficeThenCountyThenGoal(t *testing.T) {
	g := percentGoal("p")
	g.Overrides = []model.Override{
		{Unit: "a", Target: 47, Yellow: 42},
		{Unit: "nord", Target: 50, Yellow: 45},
	}
	s := newFixture(g).scores("2026-01")
	for _, c := range []struct {
		unit           string
		target, yellow float64
	}{
		{"a", 47, 42},     // its own
		{"b", 45, 40},     // the goal's: vest has none
		{"c", 50, 45},     // its county's
		{"vest", 45, 40},  // the goal's
		{"nord", 50, 45},  // its own
		{"whole", 45, 40}, // the goal's
	} {
		th := s.th(c.unit, "p")
		if !th.Applies || th.Target != c.target || th.Yellow != c.yellow {
			t.Errorf("%s: got %+v, want target %v yellow %v", c.unit, th, c.target, c.yellow)
		}
	}
}

func TestSumGoalCountyTargetIsSumOfOffices(t *testing.T) {
	g := model.Goal{ID: "s", Unit: "count", Direction: "higher", Target: 40, Yellow: 30, Aggregate: "sum", Decimals: 0,
		Overrides: []model.Override{
			{Unit: "a", Target: 10, Yellow: 5},
			{Unit: "nord", Target: 100, Yellow: 90}, // a county total: office c must not inherit it
		}}
	s := newFixture(g).scores("2026-01")
	check := func(unit string, target, yellow float64) {
		t.Helper()
		if th := s.th(unit, "s"); th.Target != target || th.Yellow != yellow {
			t.Errorf("%s: got %+v, want %v/%v", unit, th, target, yellow)
		}
	}
	check("a", 10, 5)
	check("b", 40, 30)
	check("c", 40, 30)
	check("vest", 50, 35)    // 10+40, 5+30
	check("nord", 100, 90)   // its own override
	check("whole", 150, 125) // the counties' sum
}

func TestRollUps(t *testing.T) {
	f := newFixture(
		percentGoal("r"),
		model.Goal{ID: "m", Unit: "score", Direction: "higher", Target: 4, Yellow: 3, Aggregate: "mean", Decimals: 2},
		model.Goal{ID: "s", Unit: "count", Direction: "higher", Target: 10, Yellow: 5, Aggregate: "sum", Decimals: 0},
	)
	f.ratio("2026-01", "a", "r", 10, 20). // 50 %
						ratio("2026-01", "b", "r", 30, 100). // 30 %
						ratio("2026-01", "c", "r", 9, 20)    // 45 %
	f.value("2026-01", "a", "m", 4.5).value("2026-01", "b", "m", 3.0).value("2026-01", "c", "m", 5)
	f.value("2026-01", "a", "s", 7).value("2026-01", "b", "s", 8).value("2026-01", "c", "s", 1)
	s := f.scores("2026-01")
	for _, c := range []struct {
		unit, goal string
		want       float64
		status     Status
	}{
		{"vest", "r", 33.3, Red},    // 40/120, not the mean of 50 and 30
		{"whole", "r", 35, Red},     // 49/140
		{"c", "r", 45, Green},       // exactly at the target
		{"vest", "m", 3.75, Yellow}, // mean of 4.5 and 3.0
		{"whole", "m", 4.17, Green}, // (4.5+3+5)/3 = 4.1666…
		{"vest", "s", 15, Yellow},   // 7+8 against 20 (10+10), yellow from 10
		{"whole", "s", 16, Yellow},  // against 30, yellow from 15
	} {
		got := s.cell(c.unit, c.goal, "2026-01")
		if !got.Has() || got.Value != c.want {
			t.Errorf("%s/%s = %+v, want %v", c.unit, c.goal, got, c.want)
		}
		if got.Status != c.status {
			t.Errorf("%s/%s status = %v, want %v", c.unit, c.goal, got.Status, c.status)
		}
	}
}

func TestCountyLevelRowReplacesRollUp(t *testing.T) {
	f := newFixture(model.Goal{ID: "m", Unit: "score", Direction: "higher", Target: 4, Yellow: 3, Aggregate: "mean", Decimals: 1})
	f.value("2026-01", "a", "m", 2).value("2026-01", "b", "m", 2).value("2026-01", "c", "m", 2).value("2026-01", "vest", "m", 4.2)
	f.value("2026-02", "a", "m", 2).value("2026-02", "b", "m", 3)
	s := f.scores("2026-02")
	if c := s.cell("vest", "m", "2026-01"); c.Value != 4.2 || c.Status != Green {
		t.Errorf("county-level row: got %+v, want 4.2 green", c)
	}
	if c := s.cell("vest", "m", "2026-02"); c.Value != 2.5 {
		t.Errorf("month without county row: got %+v, want the roll-up 2.5", c)
	}
	// The whole site rolls up offices, so the county figure does not count twice.
	if c := s.cell("whole", "m", "2026-01"); c.Value != 2 {
		t.Errorf("whole: got %+v, want 2", c)
	}
}

func TestRatioRollUpWithValueOnlyRowIsMissing(t *testing.T) {
	f := newFixture(percentGoal("r"))
	f.ratio("2026-01", "a", "r", 10, 20)
	f.site.Results = append(f.site.Results, model.Result{Period: period("2026-01"), Unit: f.unit("b"), Goal: 0, HasValue: true, Value: 30})
	s := f.scores("2026-01")
	if c := s.cell("b", "r", "2026-01"); c.Value != 30 {
		t.Errorf("office value: got %+v", c)
	}
	if c := s.cell("vest", "r", "2026-01"); c.Has() {
		t.Errorf("county roll-up without every numerator and denominator: got %+v, want missing", c)
	}
}

func TestStatusDecidedOnDisplayedValue(t *testing.T) {
	// 899/2000 = 44.95 %, displayed "45,0": it must not show as below 45.
	f := newFixture(percentGoal("r"))
	f.ratio("2026-01", "a", "r", 899, 2000)
	// Lower is better: 6.04 displays as 6.0, at the target.
	f.site.Goals = append(f.site.Goals, model.Goal{ID: "l", Unit: "percent", Direction: "lower", Target: 6, Yellow: 7.5, Aggregate: "mean", Decimals: 1})
	f.value("2026-01", "a", "l", 6.04)
	s := f.scores("2026-01")
	if c := s.cell("a", "r", "2026-01"); c.Value != 45 || c.Status != Green {
		t.Errorf("44.95 against 45: got %+v, want 45 green", c)
	}
	if c := s.cell("a", "l", "2026-01"); c.Value != 6 || c.Status != Green {
		t.Errorf("6.04 against 6 (lower): got %+v, want 6 green", c)
	}
}

func TestThresholdsRoundedLikeValues(t *testing.T) {
	g := percentGoal("r")
	g.Target, g.Yellow = 45.04, 40 // displayed 45,0
	f := newFixture(g)
	f.ratio("2026-01", "a", "r", 45, 100)
	s := f.scores("2026-01")
	if c := s.cell("a", "r", "2026-01"); c.Status != Green {
		t.Errorf("45,0 against a target displayed as 45,0: got %v, want green", c.Status)
	}
}

func TestLocalGoals(t *testing.T) {
	county := percentGoal("county-local")
	county.Owner = "vest"
	office := percentGoal("office-local")
	office.Owner = "c"
	f := newFixture(county, office)
	f.ratio("2026-01", "a", "county-local", 1, 2).ratio("2026-01", "b", "county-local", 1, 2).ratio("2026-01", "c", "office-local", 1, 4)
	s := f.scores("2026-01")
	applies := map[string][2]bool{ // unit -> county-local, office-local
		"a": {true, false}, "b": {true, false}, "c": {false, true},
		"vest": {true, false}, "nord": {false, false}, "whole": {false, false},
	}
	for unit, want := range applies {
		got := [2]bool{s.th(unit, "county-local").Applies, s.th(unit, "office-local").Applies}
		if got != want {
			t.Errorf("%s: applies = %v, want %v", unit, got, want)
		}
	}
	// A local goal has no common target: its target is its owner's own,
	// and a county's for its offices.
	sources := map[string][2]Source{ // unit -> county-local, office-local
		"a": {FromCounty}, "b": {FromCounty}, "vest": {FromOwn}, "c": {1: FromOwn},
	}
	for unit, want := range sources {
		got := [2]Source{s.th(unit, "county-local").Source, s.th(unit, "office-local").Source}
		if got != want {
			t.Errorf("%s: target sources = %v, want %v", unit, got, want)
		}
	}
	if c := s.cell("vest", "county-local", "2026-01"); c.Value != 50 {
		t.Errorf("county roll-up of its local goal: got %+v", c)
	}
	if c := s.cell("whole", "county-local", "2026-01"); c.Has() {
		t.Errorf("a county's local goal has no site-wide value: got %+v", c)
	}
	sum := s.Summary(s.unit("nord"), period("2026-01"))
	if sum != [NStatus]int{} {
		t.Errorf("nord has no goals, summary = %v", sum)
	}
}

func TestMissingMonthsAndRange(t *testing.T) {
	f := newFixture(percentGoal("r"))
	f.ratio("2025-11", "a", "r", 1, 2).ratio("2026-01", "a", "r", 1, 4)
	s := f.scores("2026-03") // reported after the last result
	if s.First != period("2025-11") || s.N != 5 {
		t.Fatalf("range = %v + %d, want 2025-11 + 5", s.First, s.N)
	}
	if c := s.cell("a", "r", "2025-12"); c.Has() || c.Status != Missing {
		t.Errorf("month without a row: %+v, want missing", c)
	}
	if got := s.Summary(s.unit("a"), period("2026-03")); got[Missing] != 1 {
		t.Errorf("summary in reported month = %v, want one missing", got)
	}
}

func statuses(s *Scores, goal, p string, units ...string) []Status {
	var out []Status
	for _, u := range units {
		out = append(out, s.cell(u, goal, p).Status)
	}
	return out
}

func TestPrimarySuppression(t *testing.T) {
	f := newFixture(percentGoal("r"))
	f.ratio("2026-01", "a", "r", 2, 4).ratio("2026-01", "b", "r", 30, 100).ratio("2026-01", "c", "r", 40, 80)
	f.ratio("2026-02", "a", "r", 3, 5).ratio("2026-02", "b", "r", 30, 100) // 5 is not below 5
	s := f.Compute5()
	if c := s.cell("a", "r", "2026-01"); c.Status != Suppressed || c.Value != 0 || c.Has() {
		t.Errorf("denominator 4: got %+v, want suppressed with no value", c)
	}
	if c := s.cell("a", "r", "2026-02"); c.Status == Suppressed {
		t.Errorf("denominator 5 with min_count 5 is shown: got %+v", c)
	}
	// b is vest's only other office: shown, it and vest's value would give a.
	if c := s.cell("b", "r", "2026-01"); c.Status != Suppressed {
		t.Errorf("b, the lone suppressed office's only neighbour: %+v, want suppressed", c)
	}
	// The county still rolls up the true numbers: 32/104.
	if c := s.cell("vest", "r", "2026-01"); c.Value != 30.8 || c.Status != Red {
		t.Errorf("county: %+v, want 30.8 red", c)
	}
}

// Compute5 scores with min_count 5.
func (f *fixture) Compute5() *Scores {
	return Compute(f.site, period("2026-02"), Options{MinCount: 5, MinCoverage: 0.8})
}

func TestSecondarySuppressionProtectsALoneSuppressedOffice(t *testing.T) {
	f := newFixture(percentGoal("r"))
	f.site.Offices = append(f.site.Offices, model.Office{ID: "d", Name: "D", County: "vest"})
	f.site.NumberUnits()
	// a is primary; of b and d, d has the smaller denominator and goes too.
	f.ratio("2026-01", "a", "r", 1, 3).ratio("2026-01", "b", "r", 50, 100).ratio("2026-01", "d", "r", 10, 20)
	f.ratio("2026-01", "c", "r", 40, 80)
	s := f.Compute5()
	got := statuses(s, "r", "2026-01", "a", "b", "d", "vest")
	want := []Status{Suppressed, Green, Suppressed, Green} // vest: 61/123 = 49.6 %
	if !slices.Equal(got, want) {
		t.Errorf("statuses a, b, d, vest = %v, want %v", got, want)
	}
}

func TestCountySuppressedWhenItWouldEqualItsSuppressedOffice(t *testing.T) {
	f := newFixture(percentGoal("r"))
	// In nord only c reports, with 3 people: nord's roll-up is c's value.
	f.ratio("2026-01", "c", "r", 1, 3).ratio("2026-01", "a", "r", 50, 100).ratio("2026-01", "b", "r", 60, 100)
	s := f.Compute5()
	if got := statuses(s, "r", "2026-01", "c", "nord"); got[0] != Suppressed || got[1] != Suppressed {
		t.Errorf("c, nord = %v, want both suppressed", got)
	}
	// Then nord is a lone suppressed county under the whole: vest goes too,
	// or the whole minus vest would give nord.
	if got := statuses(s, "r", "2026-01", "vest", "whole"); got[0] != Suppressed || got[1] == Suppressed {
		t.Errorf("vest, whole = %v, want vest suppressed, whole shown", got)
	}
}

// TestSuppressionOnlyForRatioGoals: small numbers are a ratio's. A sum or
// mean goal's row carries no denominator once validated; here each carries
// one below min_count, so that only the rule itself keeps them shown.
func TestSuppressionOnlyForRatioGoals(t *testing.T) {
	f := newFixture(
		model.Goal{ID: "s", Unit: "count", Direction: "higher", Target: 1, Yellow: 0, Aggregate: "sum"},
		model.Goal{ID: "m", Unit: "percent", Direction: "higher", Target: 1, Yellow: 0, Aggregate: "mean"},
	)
	f.ratio("2026-01", "a", "s", 2, 3).ratio("2026-01", "a", "m", 2, 3)
	s := f.Compute5()
	for _, goal := range []string{"s", "m"} {
		if c := s.cell("a", goal, "2026-01"); c.Status == Suppressed || c.Status == Missing {
			t.Errorf("goal %s (%s): %+v, want shown", goal, f.site.Goals[f.goal(goal)].Aggregate, c)
		}
	}
}

// TestSuppressedPartsHaveEnoughPeopleTogether: a ratio's numerators and
// denominators are published, so a county's denominator less its shown
// offices' is what its suppressed offices have together; with fewer than
// min_count people that is a small number published, and the next
// smallest office goes too. So it does where the suppressed offices are
// all small: 7 people in two offices of at most 4 each is 3 or 4 each.
func TestSuppressedPartsHaveEnoughPeopleTogether(t *testing.T) {
	f := newFixture(percentGoal("r"))
	f.site.Offices = append(f.site.Offices,
		model.Office{ID: "d", Name: "D", County: "vest"}, model.Office{ID: "e", Name: "E", County: "vest"})
	f.site.NumberUnits()
	// a and b are primary, 1 + 2 people; e is the smaller of d and e.
	f.ratio("2026-01", "a", "r", 1, 1).ratio("2026-01", "b", "r", 1, 2).ratio("2026-01", "d", "r", 50, 100).ratio("2026-01", "e", "r", 20, 40)
	// 3 + 4 people: together 7, not too few, but both small.
	f.ratio("2026-02", "a", "r", 1, 3).ratio("2026-02", "b", "r", 1, 4).ratio("2026-02", "d", "r", 50, 100).ratio("2026-02", "e", "r", 20, 40)
	f.ratio("2026-01", "c", "r", 40, 80).ratio("2026-02", "c", "r", 40, 80)
	s := f.Compute5()
	if got, want := statuses(s, "r", "2026-01", "a", "b", "d", "e", "vest"), []Status{Suppressed, Suppressed, Green, Suppressed, Green}; !slices.Equal(got, want) {
		t.Errorf("2026-01: statuses a, b, d, e, vest = %v, want %v", got, want)
	}
	if got, want := statuses(s, "r", "2026-02", "a", "b", "d", "e", "vest"), []Status{Suppressed, Suppressed, Green, Suppressed, Green}; !slices.Equal(got, want) {
		t.Errorf("2026-02: statuses a, b, d, e, vest = %v, want %v", got, want)
	}
	if c := s.cell("vest", "r", "2026-01"); c.Num != 72 || c.Den != 143 {
		t.Errorf("vest's numerator and denominator: %+v, want 72 of 143", c)
	}
	if c := s.cell("e", "r", "2026-01"); c.Num != 0 || c.Den != 0 {
		t.Errorf("a suppressed office keeps its numerator and denominator: %+v", c)
	}
}

// TestASuccessorsRecastOfOwnRows: vest, merged into ny in February, has
// a row of its own in January, as NAV's county totals are, and ny has one
// in February: ny's recast January is then its own too, and the change
// is from a recast figure, not "from the offices' figure to its own". A
// county split out of vest, recast from its offices, has no own row.
func TestASuccessorsRecastOfOwnRows(t *testing.T) {
	jan, feb := period("2026-01"), period("2026-02")
	f := newFixture(countGoal("k", false))
	f.site.Counties[0].Lifetime.Until, f.site.Counties[0].MergedInto = jan, "ny"
	f.site.Counties = append(f.site.Counties, model.County{ID: "ny", Name: "Ny", Lifetime: model.Lifetime{From: feb}})
	for _, o := range []int{0, 1} {
		f.site.Offices[o].Changes = []model.Change{{From: feb, County: "ny"}}
	}
	f.site.NumberUnits()
	f.value("2026-01", "vest", "k", 5)
	f.value("2026-02", "ny", "k", 6)
	s := f.oneEachAlive("k", "2026-01", "2026-02")
	ny := s.unit("ny")
	cells := s.Series(ny, 0)
	if !cells[0].Recast || !cells[0].Own || !cells[1].Own {
		t.Fatalf("ny's January recast %v, own %v; February own %v: want all", cells[0].Recast, cells[0].Own, cells[1].Own)
	}
	if got := s.KindOfChange(ny, &s.Site.Goals[0], cells[0], cells[1], jan, feb); got != FromRecast {
		t.Errorf("ny's change from January to February is of kind %d, want %d", got, FromRecast)
	}
	// A county split out of another has its offices' figures recast,
	// which are no row of its own.
	f = newFixture(countGoal("k", false))
	f.site.Counties[0].Lifetime.Until, f.site.Counties[0].SplitInto = jan, []string{"x", "y"}
	f.site.Counties = append(f.site.Counties, model.County{ID: "x", Name: "X", Lifetime: model.Lifetime{From: feb}}, model.County{ID: "y", Name: "Y", Lifetime: model.Lifetime{From: feb}})
	f.site.Offices[0].Changes = []model.Change{{From: feb, County: "x"}}
	f.site.Offices[1].Changes = []model.Change{{From: feb, County: "y"}}
	s = f.oneEachAlive("k", "2026-01", "2026-02")
	x := s.unit("x")
	cells = s.Series(x, 0)
	if !cells[0].Recast || cells[0].Own || s.KindOfChange(x, &s.Site.Goals[0], cells[0], cells[1], jan, feb) != FromRecast {
		t.Errorf("x's recast January, own %v: the change to February is of kind %d, want %d", cells[0].Own, s.KindOfChange(x, &s.Site.Goals[0], cells[0], cells[1], jan, feb), FromRecast)
	}
}

// TestAHiddenFigureStaysWhatItWas: a county's own row hidden for being
// small is still its own row, so the change to its next month's own row
// is of one measure; a successor's recast month hidden for its hidden
// part is still recast.
func TestAHiddenFigureStaysWhatItWas(t *testing.T) {
	jan, feb := period("2026-01"), period("2026-02")
	f := newFixture(countGoal("k", true))
	f.value("2026-01", "a", "k", 20).value("2026-01", "b", "k", 30).value("2026-01", "vest", "k", 3)
	f.value("2026-02", "a", "k", 20).value("2026-02", "b", "k", 30).value("2026-02", "vest", "k", 50)
	f.value("2026-01", "c", "k", 20).value("2026-02", "c", "k", 20)
	s := f.Compute5()
	vest := s.unit("vest")
	cells := s.Series(vest, 0)
	if cells[0].Status != Suppressed || !cells[0].Own || !cells[1].Own {
		t.Errorf("vest's January %+v, February %+v: want January hidden, both its own rows", cells[0], cells[1])
	}
	if got := s.KindOfChange(vest, &s.Site.Goals[0], cells[0], cells[1], jan, feb); got != SameMeasure {
		t.Errorf("vest's change from January to February is of kind %d, want %d", got, SameMeasure)
	}

	f = newFixture(countGoal("k", true))
	f.site.Counties[0].Lifetime.Until, f.site.Counties[0].MergedInto = jan, "ny"
	f.site.Counties = append(f.site.Counties, model.County{ID: "ny", Name: "Ny", Lifetime: model.Lifetime{From: feb}})
	for _, o := range []int{0, 1} {
		f.site.Offices[o].Changes = []model.Change{{From: feb, County: "ny"}}
	}
	f.site.NumberUnits()
	f.value("2026-01", "a", "k", 1).value("2026-01", "b", "k", 2).value("2026-01", "c", "k", 20)
	f.value("2026-02", "a", "k", 20).value("2026-02", "b", "k", 30).value("2026-02", "c", "k", 20)
	s = f.Compute5()
	if c := s.Series(s.unit("ny"), 0)[0]; c.Status != Suppressed || !c.Recast {
		t.Errorf("ny's January %+v: want hidden and recast", c)
	}
}

// oneEachAlive gives every office 1 of goal k in each of the months it
// is alive, after f's organisation has changed, and scores the last
// month.
func (f *fixture) oneEachAlive(k string, months ...string) *Scores {
	f.site.NumberUnits()
	for _, p := range months {
		for _, o := range f.site.Offices {
			if o.Alive(period(p)) {
				f.value(p, o.ID, k, 1)
			}
		}
	}
	return f.scores(months[len(months)-1])
}

// TestSameOffices: a unit's figures of January and February are of the
// same offices unless an office opened, closed, moved or went into
// another between them; a merger changes what the office it went into
// stands for, not its county's or the whole site's figure, unless it
// crosses counties.
func TestSameOffices(t *testing.T) {
	jan, feb := period("2026-01"), period("2026-02")
	for _, c := range []struct {
		name   string
		change func(s *model.Site)
		differ []string
	}{
		{"nothing", func(*model.Site) {}, nil},
		{"b into a", func(s *model.Site) { s.Offices[1].Lifetime.Until, s.Offices[1].MergedInto = jan, "a" }, []string{"a"}},
		{"b closes", func(s *model.Site) { s.Offices[1].Lifetime.Until = jan }, []string{"vest", "whole"}},
		{"c moves to vest", func(s *model.Site) { s.Offices[2].Changes = []model.Change{{From: feb, County: "vest"}} }, []string{"vest", "nord"}},
		{"d opens in nord", func(s *model.Site) {
			s.Offices = append(s.Offices, model.Office{ID: "d", Name: "D", County: "nord", Lifetime: model.Lifetime{From: feb}})
		}, []string{"nord", "whole"}},
		{"b into c across counties", func(s *model.Site) { s.Offices[1].Lifetime.Until, s.Offices[1].MergedInto = jan, "c" }, []string{"c", "vest", "nord"}},
		// A split leaves the whole site's figures of the same offices.
		{"b split in vest", func(s *model.Site) { s.Offices[1].Lifetime.Until, s.Offices[1].SplitInto = jan, []string{"a"} }, []string{"a"}},
		{"b split across counties", func(s *model.Site) { s.Offices[1].Lifetime.Until, s.Offices[1].SplitInto = jan, []string{"a", "c"} }, []string{"a", "c", "vest", "nord"}},
	} {
		f := newFixture(countGoal("k", false))
		c.change(f.site)
		s := f.oneEachAlive("k", "2026-01", "2026-02")
		for _, id := range []string{"a", "b", "c", "vest", "nord", "whole"} {
			want := !slices.Contains(c.differ, id)
			if got := s.SameOffices(s.unit(id), jan, feb); got != want || s.SameOffices(s.unit(id), feb, jan) != want {
				t.Errorf("%s: %s's January and February of the same offices: %v, want %v", c.name, id, got, want)
			}
		}
	}
}

// TestAMeanOverFewerOffices: b goes into a in February, inside Vest. A
// sum of Vest's offices is of the same offices still; a mean is over two
// offices in January and one in February: another measure, for Vest and
// the whole site, not for Nord.
func TestAMeanOverFewerOffices(t *testing.T) {
	jan, feb := period("2026-01"), period("2026-02")
	mean := model.Goal{ID: "m", Unit: "days", Direction: "lower", Target: 14, Yellow: 21, Aggregate: "mean"}
	f := newFixture(countGoal("k", false), mean)
	f.site.Offices[1].Lifetime.Until, f.site.Offices[1].MergedInto = jan, "a"
	for _, p := range []string{"2026-01", "2026-02"} {
		for _, o := range f.site.Offices {
			if o.Alive(period(p)) {
				f.value(p, o.ID, "m", 10)
			}
		}
	}
	s := f.oneEachAlive("k", "2026-01", "2026-02")
	for _, c := range []struct {
		unit string
		goal int
		want ChangeKind
	}{{"vest", 0, SameMeasure}, {"vest", 1, OtherOffices}, {"whole", 1, OtherOffices}, {"nord", 1, SameMeasure}} {
		u := s.unit(c.unit)
		cells := s.Series(u, c.goal)
		if got := s.KindOfChange(u, &s.Site.Goals[c.goal], cells[0], cells[1], jan, feb); got != c.want {
			t.Errorf("%s's change of %s from January to February is of kind %d, want %d", c.unit, s.Site.Goals[c.goal].ID, got, c.want)
		}
	}
}

// TestASplitOfficesPartCloses: b is split into d and e in February, and
// e closes after February. Vest's and the whole site's January (a, b)
// and March (a, d) are not of the same offices: e's users are gone.
func TestASplitOfficesPartCloses(t *testing.T) {
	jan, feb, mar := period("2026-01"), period("2026-02"), period("2026-03")
	f := newFixture(countGoal("k", false))
	f.site.Offices[1].Lifetime.Until, f.site.Offices[1].SplitInto = jan, []string{"d", "e"}
	f.site.Offices = append(f.site.Offices,
		model.Office{ID: "d", Name: "D", County: "vest", Lifetime: model.Lifetime{From: feb}},
		model.Office{ID: "e", Name: "E", County: "vest", Lifetime: model.Lifetime{From: feb, Until: feb}})
	s := f.oneEachAlive("k", "2026-01", "2026-02", "2026-03")
	for _, id := range []string{"vest", "whole"} {
		if s.SameOffices(s.unit(id), jan, mar) {
			t.Errorf("%s: January (a, b) and March (a, d; e closed) said to be of the same offices", id)
		}
		if !s.SameOffices(s.unit(id), jan, feb) {
			t.Errorf("%s: January (a, b) and February (a, d, e) said to be of other offices", id)
		}
	}
}

// TestASuccessorsRecastOfOtherOffices: vest merges into a new county,
// ny, in February. Its January is vest's figure recast, of the same
// offices only where all of vest's offices are ny's: not where b went
// into nord's c as the counties merged (Hornindal went from Sogn og
// Fjordane to Møre og Romsdal's Volda in 2020). Its first month's change
// is then of other offices, not from a recast of the same.
func TestASuccessorsRecastOfOtherOffices(t *testing.T) {
	jan, feb := period("2026-01"), period("2026-02")
	for _, c := range []struct {
		name   string
		change func(s *model.Site)
		same   bool
	}{
		{"vest's offices to ny", func(*model.Site) {}, true},
		{"b into c", func(s *model.Site) { s.Offices[1].Lifetime.Until, s.Offices[1].MergedInto = jan, "c" }, false},
		{"c to ny too", func(s *model.Site) { s.Offices[2].Changes = []model.Change{{From: feb, County: "ny"}} }, false},
	} {
		f := newFixture(countGoal("k", false))
		f.site.Counties[0].Lifetime.Until, f.site.Counties[0].MergedInto = jan, "ny"
		f.site.Counties = append(f.site.Counties, model.County{ID: "ny", Name: "Ny", Lifetime: model.Lifetime{From: feb}})
		for _, o := range []int{0, 1} {
			f.site.Offices[o].Changes = []model.Change{{From: feb, County: "ny"}}
		}
		c.change(f.site)
		s := f.oneEachAlive("k", "2026-01", "2026-02")
		ny := s.unit("ny")
		if got := s.SameOffices(ny, jan, feb); got != c.same || s.SameOffices(ny, feb, jan) != c.same {
			t.Errorf("%s: ny's recast January and its February of the same offices: %v, want %v", c.name, got, c.same)
		}
		cells := s.Series(ny, 0)
		want := FromRecast
		if !c.same {
			want = OtherOffices
		}
		if got := s.KindOfChange(ny, &s.Site.Goals[0], cells[0], cells[1], jan, feb); !cells[0].Recast || got != want {
			t.Errorf("%s: ny's change from January (recast: %v) to February is of kind %d, want %d", c.name, cells[0].Recast, got, want)
		}
	}
}
