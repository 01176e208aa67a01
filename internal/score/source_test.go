package score

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/malekort/malekort/internal/model"
)

func countGoal(id string, persons bool) model.Goal {
	return model.Goal{ID: id, Unit: "count", Direction: "lower", Target: 100, Yellow: 120, Aggregate: "sum", Persons: persons}
}

func (f *fixture) hidden(p, unit, goal string) *fixture {
	f.site.Results = append(f.site.Results, model.Result{Period: period(p), Unit: f.unit(unit), Goal: f.goal(goal), Suppressed: true})
	return f
}

// withOffice adds an office to the fixture's organisation.
func (f *fixture) withOffice(id, county string) *fixture {
	f.site.Offices = append(f.site.Offices, model.Office{ID: id, Name: id, County: county})
	f.site.NumberUnits()
	return f
}

// TestSuppressedAtSource: a figure its publisher hid is suppressed, and so
// is a roll-up that would need it; a county row given beside it is shown,
// and the next smallest office hidden so that the county total minus the
// rest does not give it back (Vestland 2022-01: 8 253 − 8 250 = Fedje's 3).
func TestSuppressedAtSource(t *testing.T) {
	f := newFixture(countGoal("n", false)).withOffice("d", "vest")
	f.hidden("2026-01", "a", "n").value("2026-01", "b", "n", 40).value("2026-01", "d", "n", 30).value("2026-01", "c", "n", 9)
	f.hidden("2026-02", "a", "n").value("2026-02", "b", "n", 40).value("2026-02", "d", "n", 30).value("2026-02", "c", "n", 9)
	f.value("2026-02", "vest", "n", 73)
	s := Compute(f.site, period("2026-02"), Options{MinCoverage: 0.8}) // min_count 0: NAV's marks count all the same
	if got, want := statuses(s, "n", "2026-01", "a", "b", "d", "vest", "whole"), []Status{Suppressed, Green, Green, Suppressed, Suppressed}; !slices.Equal(got, want) {
		t.Errorf("without a county row: %v, want %v", got, want)
	}
	got := statuses(s, "n", "2026-02", "a", "b", "d", "vest", "c", "nord", "whole")
	want := []Status{Suppressed, Green, Suppressed, Green, Green, Green, Green}
	if !slices.Equal(got, want) {
		t.Errorf("with a county row: %v, want %v", got, want)
	}
	if c := s.cell("whole", "n", "2026-02"); c.Value != 82 {
		t.Errorf("the whole site sums the counties' figures, vest's own row among them: %+v, want 82", c)
	}
	if c := s.CoverageAt(s.unit("vest"), 0, period("2026-01")); c != (Coverage{3, 3}) {
		t.Errorf("a figure hidden at source counts as reported: coverage %+v", c)
	}
}

// TestCountsOfPeople: a persons goal's value below min_count is hidden,
// and so is what would give it back.
func TestCountsOfPeople(t *testing.T) {
	f := newFixture(countGoal("p", true), countGoal("q", false))
	for _, g := range []string{"p", "q"} {
		f.value("2026-01", "a", g, 3).value("2026-01", "b", g, 40).value("2026-01", "c", g, 50)
	}
	s := f.Compute5()
	if got, want := statuses(s, "p", "2026-01", "a", "b", "vest", "c", "nord", "whole"), []Status{Suppressed, Suppressed, Green, Green, Green, Green}; !slices.Equal(got, want) {
		t.Errorf("persons: %v, want %v", got, want)
	}
	if got := statuses(s, "q", "2026-01", "a", "b"); slices.Contains(got, Suppressed) {
		t.Errorf("a count that is not of people is shown: %v", got)
	}
}

// TestSuppressedTotalsDoNotComeBackFromTheirParts: a county hidden so
// that the whole site minus it does not give another county back must not
// be the sum of its shown offices either.
func TestSuppressedTotalsDoNotComeBackFromTheirParts(t *testing.T) {
	f := newFixture(percentGoal("r"))
	f.ratio("2026-01", "a", "r", 40, 100).ratio("2026-01", "b", "r", 45, 100).ratio("2026-01", "c", "r", 2, 3)
	s := f.Compute5()
	got := statuses(s, "r", "2026-01", "c", "nord", "vest", "a", "b", "whole")
	want := []Status{Suppressed, Suppressed, Suppressed, Suppressed, Green, Yellow}
	if !slices.Equal(got, want) {
		t.Errorf("%v, want %v (c small; nord is c; vest, else whole − vest = nord; a, else a + b = vest)", got, want)
	}
}

// TestCoverage: a roll-up of too few of its offices is not judged, and a
// sum short of any office is not a total.
func TestCoverage(t *testing.T) {
	mean := model.Goal{ID: "m", Unit: "count", Direction: "higher", Target: 10, Yellow: 8, Aggregate: "mean"}
	f := newFixture(mean, countGoal("n", false)).withOffice("d", "vest").withOffice("e", "vest")
	for _, g := range []string{"m", "n"} {
		f.value("2026-01", "a", g, 10).value("2026-01", "b", g, 10).value("2026-01", "d", g, 10).value("2026-01", "e", g, 10).value("2026-01", "c", g, 10)
		f.value("2026-02", "a", g, 10).value("2026-02", "b", g, 10).value("2026-02", "d", g, 10).value("2026-02", "c", g, 10)
		f.value("2026-03", "a", g, 10).value("2026-03", "b", g, 10).value("2026-03", "c", g, 10)
	}
	s := Compute(f.site, period("2026-03"), Options{MinCoverage: 0.75})
	vest, whole := s.unit("vest"), s.unit("whole")
	for _, c := range []struct {
		month             string
		mean, sum         Status
		vest, siteWide    Coverage
		meanWhole, sumAll Status
	}{
		{"2026-01", Green, Green, Coverage{4, 4}, Coverage{5, 5}, Green, Green},
		{"2026-02", Green, Incomplete, Coverage{3, 4}, Coverage{4, 5}, Green, Incomplete},
		{"2026-03", Incomplete, Incomplete, Coverage{2, 4}, Coverage{3, 5}, Incomplete, Incomplete},
	} {
		if got := s.cell("vest", "m", c.month); got.Status != c.mean {
			t.Errorf("%s: vest's mean %v, want %v", c.month, got, c.mean)
		}
		if got := s.cell("vest", "n", c.month); got.Status != c.sum || c.sum == Incomplete && got != (Cell{Status: Incomplete}) {
			t.Errorf("%s: vest's sum %+v, want %v", c.month, got, c.sum)
		}
		if got := s.cell("whole", "m", c.month); got.Status != c.meanWhole {
			t.Errorf("%s: the site's mean %v, want %v", c.month, got, c.meanWhole)
		}
		if got := s.cell("whole", "n", c.month); got.Status != c.sumAll || c.sumAll == Incomplete && got != (Cell{Status: Incomplete}) {
			t.Errorf("%s: the site's sum %+v, want %v", c.month, got, c.sumAll)
		}
		if got := s.CoverageAt(vest, 1, period(c.month)); got != c.vest {
			t.Errorf("%s: vest's coverage %+v, want %+v", c.month, got, c.vest)
		}
		if got := s.CoverageAt(whole, 1, period(c.month)); got != c.siteWide {
			t.Errorf("%s: the site's coverage %+v, want %+v", c.month, got, c.siteWide)
		}
	}
	if c := s.cell("whole", "n", "2026-01"); c.Value != 50 {
		t.Errorf("every office in: the site's sum %+v, want 50", c)
	}
	// A sum of the offices that reported, 30 of a target of 400 for a
	// lower-is-better goal, would have been green: vest's February above
	// is incomplete with no value.
}

// TestOfficeOfSeveralMunicipalities: an office named by two codes has
// their rows combined where the aggregate makes that exact.
func TestOfficeOfSeveralMunicipalities(t *testing.T) {
	f := newFixture(countGoal("n", false), percentGoal("r"))
	for _, code := range []int16{1, 2} {
		f.site.Results = append(f.site.Results,
			model.Result{Period: period("2026-01"), Unit: f.unit("a"), Goal: f.goal("n"), Code: code, HasValue: true, Value: float64(10 * code)},
			model.Result{Period: period("2026-01"), Unit: f.unit("a"), Goal: f.goal("r"), Code: code, HasRatio: true, Numerator: float64(code), Denominator: 10})
	}
	s := f.scores("2026-01")
	if c := s.cell("a", "n", "2026-01"); c.Value != 30 {
		t.Errorf("sum of the codes: %+v, want 30", c)
	}
	if c := s.cell("a", "r", "2026-01"); c.Value != 15 {
		t.Errorf("ratio of the codes' sums: %+v, want 3/20 = 15 %%", c)
	}
}

// TestMarkChanges: the running window gives what the definition says, on
// series with gaps: a change above 3.27 times the mean of the (at least 6)
// changes of the 12 months before is a signal, for the better or the
// worse; with fewer changes before it, too few to judge.
func TestMarkChanges(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	seen := map[Change]int{}
	for range 200 {
		cells := make([]Cell, 40)
		for m := range cells {
			if rnd.IntN(10) > 0 {
				cells[m] = Cell{Value: math.Round(50 + 5*rnd.NormFloat64() + 30*float64(rnd.IntN(20)/19)), Status: Green}
			}
		}
		oneOrganisation(len(cells)).markChanges(0, &model.Goal{Direction: "higher"}, cells)
		for p := range cells {
			want := NoChange
			if p >= 1 && cells[p].Has() && cells[p-1].Has() && cells[p].Value != cells[p-1].Value {
				d := cells[p].Value - cells[p-1].Value
				sum, n := 0.0, 0
				for m := p - 1; m > p-1-12 && m >= 1; m-- {
					if cells[m].Has() && cells[m-1].Has() {
						sum += math.Abs(cells[m].Value - cells[m-1].Value)
						n++
					}
				}
				switch {
				case n < 6:
					want = TooFewMonths
				case d < 0 && -d > 3.27*sum/float64(n):
					want = SignalWorse
				case d > 0 && d > 3.27*sum/float64(n):
					want = SignalBetter
				default:
					want = Usual
				}
			}
			if cells[p].Change != want {
				t.Fatalf("month %d: change %v, want %v", p, cells[p].Change, want)
			}
			seen[want]++
		}
	}
	for _, c := range []Change{NoChange, TooFewMonths, Usual, SignalBetter, SignalWorse} {
		if seen[c] == 0 {
			t.Errorf("no month judged %v: the series do not try every case", c)
		}
	}
	// Lower is better: a rise is for the worse.
	cells := []Cell{{Value: 10, Status: Green}}
	for m := 1; m < 8; m++ {
		cells = append(cells, Cell{Value: cells[m-1].Value + 1, Status: Green})
	}
	cells = append(cells, Cell{Value: 30, Status: Green})
	oneOrganisation(len(cells)).markChanges(0, &model.Goal{Direction: "lower"}, cells)
	if c := cells[len(cells)-1].Change; c != SignalWorse {
		t.Errorf("a rise of 13 after rises of 1, lower better: %v, want a signal for the worse", c)
	}
}

// TestRatiosOfPeople: a ratio of people (persons = true) whose numerator
// is below min_count is hidden, though its denominator is not, and so is
// what would give it back; a ratio that is not of people shows it.
func TestRatiosOfPeople(t *testing.T) {
	people := percentGoal("p")
	people.Persons = true
	f := newFixture(people, percentGoal("q"))
	for _, g := range []string{"p", "q"} {
		f.ratio("2026-01", "a", g, 3, 100).ratio("2026-01", "b", g, 40, 100).ratio("2026-01", "c", g, 50, 100)
	}
	s := f.Compute5()
	got := statuses(s, "p", "2026-01", "a", "b", "vest", "c", "nord", "whole")
	if got[0] != Suppressed || got[1] != Suppressed || slices.Contains(got[2:], Suppressed) {
		t.Errorf("persons: %v, want a hidden (3 people), b too (else vest less b is a), the rest shown", got)
	}
	if got := statuses(s, "q", "2026-01", "a", "b"); slices.Contains(got, Suppressed) {
		t.Errorf("a ratio that is not of people is shown: %v", got)
	}
}

// TestRatiosOfPeopleLeftOut: a ratio of people tells about those its
// numerator leaves out as much as about those it counts: 97 of 100 is 3
// people who are not counted, hidden, and so is what would give it back;
// two hidden offices whose left-out people are fewer than min_count
// together hide their county too.
func TestRatiosOfPeopleLeftOut(t *testing.T) {
	people := percentGoal("p")
	people.Persons = true
	f := newFixture(people, percentGoal("q")).withOffice("d", "vest")
	for _, g := range []string{"p", "q"} {
		f.ratio("2026-01", "a", g, 97, 100).ratio("2026-01", "b", g, 40, 100).ratio("2026-01", "d", g, 60, 120).ratio("2026-01", "c", g, 50, 100)
		f.ratio("2026-02", "a", g, 98, 100).ratio("2026-02", "b", g, 99, 100).ratio("2026-02", "d", g, 50, 100).ratio("2026-02", "c", g, 50, 100)
	}
	s := f.Compute5()
	got := statuses(s, "p", "2026-01", "a", "b", "vest", "d", "c", "nord", "whole")
	if got[0] != Suppressed || got[1] != Suppressed || slices.Contains(got[2:], Suppressed) {
		t.Errorf("January: %v, want a hidden (3 left out), b too (else vest less b and d is a), the rest shown", got)
	}
	// a and b leave out 2 and 1: vest less d would give the 3 together.
	got = statuses(s, "p", "2026-02", "a", "b", "vest", "d")
	if got[0] != Suppressed || got[1] != Suppressed || got[2] == Suppressed && got[3] == Suppressed || got[2] != Suppressed && got[3] != Suppressed {
		t.Errorf("February: %v, want a and b hidden, and one of vest and d", got)
	}
	if got := statuses(s, "q", "2026-01", "a", "b"); slices.Contains(got, Suppressed) {
		t.Errorf("a ratio that is not of people is shown: %v", got)
	}
	// A numerator larger than its denominator leaves no one out.
	visits := model.Goal{ID: "v", Unit: "count", Direction: "higher", Target: 1, Yellow: 0.5, Aggregate: "ratio", Decimals: 1, Persons: true}
	f = newFixture(visits)
	f.ratio("2026-01", "a", "v", 150, 100).ratio("2026-01", "b", "v", 120, 100).ratio("2026-01", "c", "v", 90, 60)
	if got := statuses(f.Compute5(), "v", "2026-01", "a", "b", "vest", "c", "nord", "whole"); slices.Contains(got, Suppressed) {
		t.Errorf("more counted than the denominator: %v, want every figure shown", got)
	}
}

// TestRatioOfPeopleLeftOutAcrossBuilds: a's January to April are 2, 3,
// 98 and 99 of 100, each hidden. February's build published a's year to
// date, 5 of 200; April's, 202 of 400, would give March and April
// together, 197 of 200: 3 people left out, fewer than min_count, so it is
// hidden, and so is the current tertial, which is the same span.
func TestRatioOfPeopleLeftOutAcrossBuilds(t *testing.T) {
	people := percentGoal("p")
	people.Persons = true
	f := newFixture(people)
	for i, n := range []float64{2, 3, 98, 99} {
		p := period("2026-01") + model.Period(i)
		f.ratio(p.String(), "a", "p", n, 100).ratio(p.String(), "b", "p", 50, 100).ratio(p.String(), "c", "p", 40, 80)
	}
	s := Compute(f.site, period("2026-04"), Options{MinCount: 5, MinCoverage: 0.8})
	if a := s.over("a", "p", yearToDate(s.reported)); a.Status != Suppressed {
		t.Errorf("a's year to date: %+v, want hidden: less February's it gives March and April's 3 people left out", a)
	}
	if a := s.over("a", "p", Span{Kind: Tertial, First: period("2026-01"), Last: period("2026-04")}); a.Status != Suppressed {
		t.Errorf("a's first tertial: %+v, want hidden as the year to date", a)
	}
}

// TestRatioOfPeopleAcrossMonths: a's January and February have 2 and 1
// people behind their shares, out of 100 each: both are hidden, and the
// year to date of March less March would give the 3 of them together,
// fewer than min_count, so it is hidden too.
func TestRatioOfPeopleAcrossMonths(t *testing.T) {
	people := percentGoal("p")
	people.Persons = true
	f := newFixture(people)
	f.ratio("2026-01", "a", "p", 2, 100).ratio("2026-02", "a", "p", 1, 100).ratio("2026-03", "a", "p", 30, 100)
	for _, p := range []string{"2026-01", "2026-02", "2026-03"} {
		f.ratio(p, "b", "p", 50, 100).ratio(p, "c", "p", 40, 80)
	}
	s := Compute(f.site, period("2026-03"), Options{MinCount: 5, MinCoverage: 0.8})
	if got := statuses(s, "p", "2026-03", "a"); got[0] == Suppressed {
		t.Fatalf("a's March (30 people) is hidden: the test needs it shown")
	}
	if a := s.over("a", "p", yearToDate(s.reported)); a.Status != Suppressed {
		t.Errorf("a's year to date: %+v, want hidden: less March it gives January and February's 3 people", a)
	}
}

// TestSmallHiddenPartsDoNotCoverEachOther: two offices hidden at source
// (NAV's "*", below 4) beside a county row tell what they have together,
// and with it bounds on each (Vestfold og Telemark, October 2022: 6, so 3
// and 3); the next smallest office is hidden too. One hidden at source
// and one hidden beside it for its sake tell no such thing.
func TestSmallHiddenPartsDoNotCoverEachOther(t *testing.T) {
	f := newFixture(countGoal("n", false)).withOffice("d", "vest").withOffice("e", "vest")
	f.hidden("2026-01", "a", "n").hidden("2026-01", "b", "n").value("2026-01", "d", "n", 50).value("2026-01", "e", "n", 70)
	f.value("2026-01", "vest", "n", 126).value("2026-01", "c", "n", 9)
	f.hidden("2026-02", "a", "n").value("2026-02", "b", "n", 40).value("2026-02", "d", "n", 50).value("2026-02", "e", "n", 70)
	f.value("2026-02", "vest", "n", 163).value("2026-02", "c", "n", 9)
	s := Compute(f.site, period("2026-02"), Options{MinCoverage: 0.8})
	if got, want := statuses(s, "n", "2026-01", "a", "b", "d", "e", "vest"), []Status{Suppressed, Suppressed, Suppressed, Green, Green}; !slices.Equal(got, want) {
		t.Errorf("two hidden at source: %v, want %v", got, want)
	}
	if got, want := statuses(s, "n", "2026-02", "a", "b", "d", "e", "vest"), []Status{Suppressed, Suppressed, Green, Green, Green}; !slices.Equal(got, want) {
		t.Errorf("one hidden at source: %v, want %v", got, want)
	}
}

// TestShareOfPeopleHiddenWithItsCount: a share of people given only as its
// value is hidden wherever a count of people of the unit is hidden (at
// source or to protect another), since the unit's size, published
// elsewhere, would give the count back from the share (HL060: Modalen's
// 11 helt ledige hidden, its 6,4 % shown, 4,0 % of 275 in the labour
// force); where the count is shown, so is the share.
func TestShareOfPeopleHiddenWithItsCount(t *testing.T) {
	share := percentGoal("andel")
	share.Persons = true
	f := newFixture(countGoal("ledige", true), share).withOffice("d", "vest")
	f.hidden("2026-01", "a", "ledige").value("2026-01", "b", "ledige", 40).value("2026-01", "d", "ledige", 30).value("2026-01", "c", "ledige", 9)
	f.value("2026-01", "vest", "ledige", 73)
	for _, u := range []string{"a", "b", "d", "c"} {
		f.value("2026-01", u, "andel", 4.5)
	}
	s := Compute(f.site, period("2026-01"), Options{MinCoverage: 0.8})
	counts := statuses(s, "ledige", "2026-01", "a", "b", "d", "c")
	shares := statuses(s, "andel", "2026-01", "a", "b", "d", "c")
	for i, u := range []string{"a", "b", "d", "c"} {
		if (counts[i] == Suppressed) != (shares[i] == Suppressed) {
			t.Errorf("%s: its count %v, its share %v; want both hidden or both shown", u, counts[i], shares[i])
		}
	}
	if counts[0] != Suppressed || counts[1] == Suppressed && counts[2] == Suppressed {
		t.Fatalf("counts %v: the test has lost its case (a hidden at source, one of b and d hidden beside it)", counts)
	}
}

// TestGoalsOfPeopleHideTogether: a count of people and a share of the
// same people as a ratio, the count its numerator, each hide the months
// the other hides, as two counts do. Each goal's own rules would hide a different office
// beside the one of 3 (the count the one of 10, the smallest value; the
// share the one of 800 in the labour force, the smallest denominator),
// and the county's 63 less the share's 10 and the count's 20 and 30
// would be 3.
func TestGoalsOfPeopleHideTogether(t *testing.T) {
	share := percentGoal("andel")
	share.Persons = true
	f := newFixture(countGoal("ledige", true), share).withOffice("d", "vest").withOffice("e", "vest")
	for _, o := range []struct {
		unit           string
		count, workers float64
	}{{"a", 3, 1000}, {"b", 10, 5000}, {"d", 20, 800}, {"e", 30, 3000}, {"c", 40, 2000}} {
		f.value("2026-01", o.unit, "ledige", o.count).ratio("2026-01", o.unit, "andel", o.count, o.workers)
	}
	s := f.Compute5()
	units := []string{"a", "b", "d", "e", "vest", "c", "nord", "whole"}
	counts, shares := statuses(s, "ledige", "2026-01", units...), statuses(s, "andel", "2026-01", units...)
	for i, u := range units {
		if (counts[i] == Suppressed) != (shares[i] == Suppressed) {
			t.Errorf("%s: its count %v, its share %v; want both hidden or both shown", u, counts[i], shares[i])
		}
	}
	if counts[0] != Suppressed || counts[4] == Suppressed {
		t.Fatalf("counts %v: the test has lost its case (a hidden, vest shown)", counts)
	}

	// Two counts hide together too (one may be part of the other, or
	// two of a third): b is the smallest beside a of the first, d of the
	// second.
	f = newFixture(countGoal("ledige", true), countGoal("andre", true)).withOffice("d", "vest").withOffice("e", "vest")
	for _, o := range []struct {
		unit          string
		ledige, andre float64
	}{{"a", 3, 3}, {"b", 10, 30}, {"d", 20, 10}, {"e", 30, 20}, {"c", 40, 40}} {
		f.value("2026-01", o.unit, "ledige", o.ledige).value("2026-01", o.unit, "andre", o.andre)
	}
	s = f.Compute5()
	for _, goal := range []string{"ledige", "andre"} {
		if got, want := statuses(s, goal, "2026-01", "a", "b", "d", "e"), []Status{Suppressed, Suppressed, Suppressed, Green}; !slices.Equal(got, want) {
			t.Errorf("%s of a, b, d and e: %v, want %v", goal, got, want)
		}
	}
}

// TestShareWithoutTheHiddenOffice: the share has no row for the office
// whose 3 the count hides, so its county's numerator, of the other
// offices, is the count's county less those 3: it is hidden too.
func TestShareWithoutTheHiddenOffice(t *testing.T) {
	share := percentGoal("andel")
	share.Persons = true
	f := newFixture(countGoal("ledige", true), share).withOffice("d", "vest").withOffice("e", "vest").withOffice("g", "vest")
	for _, o := range []struct {
		unit  string
		count float64
	}{{"a", 3}, {"b", 10}, {"d", 20}, {"e", 30}, {"g", 40}, {"c", 40}} {
		f.value("2026-01", o.unit, "ledige", o.count)
		if o.unit != "a" {
			f.ratio("2026-01", o.unit, "andel", o.count, 1000)
		}
	}
	s := f.Compute5()
	counts, shares := statuses(s, "ledige", "2026-01", "a", "vest", "whole"), statuses(s, "andel", "2026-01", "a", "vest", "whole")
	if counts[0] != Suppressed || shares[0] != Missing {
		t.Fatalf("counts %v, shares %v of a, vest and the whole: the test has lost its case (a's count hidden, its share missing)", counts, shares)
	}
	for i, unit := range []string{"vest", "whole"} {
		if counts[i+1] != Suppressed && shares[i+1] != Suppressed {
			t.Errorf("%s's count and share both shown: %v and %v, whose numerators differ by a's hidden count", unit, counts[i+1], shares[i+1])
		}
	}
}

// TestShareOfATertialHidesWithItsMonths: a count of every month and a
// share of people measured by the tertial, whose numerator is the
// tertial's count. Where the count hides a's January, the share hides
// a's tertial, which less February to April would give January back;
// where the share hides e's tertial (196 of 200 leave 4 people out), the
// count hides its last month, without which e's months do not add up to
// it.
func TestShareOfATertialHidesWithItsMonths(t *testing.T) {
	share := percentGoal("andel")
	share.Persons, share.Frequency = true, "tertial"
	f := newFixture(countGoal("ledige", true), share).withOffice("d", "vest").withOffice("e", "nord").withOffice("h", "nord")
	for _, o := range []struct {
		unit        string
		months      [4]float64
		labourForce float64
	}{
		{"a", [4]float64{2, 10, 10, 10}, 1000}, {"b", [4]float64{20, 20, 20, 20}, 2000}, {"d", [4]float64{30, 30, 30, 30}, 3000},
		// e's 196 of a labour force of 200 leave 4 out: its share is
		// small, its count is not.
		{"c", [4]float64{40, 40, 40, 40}, 4000}, {"e", [4]float64{49, 49, 49, 49}, 200}, {"h", [4]float64{10, 10, 10, 10}, 5000},
	} {
		sum := 0.0
		for m, v := range o.months {
			f.value(fmt.Sprintf("2026-%02d", m+1), o.unit, "ledige", v)
			sum += v
		}
		f.ratio("2026-04", o.unit, "andel", sum, o.labourForce)
	}
	s := Compute(f.site, period("2026-04"), Options{MinCount: 5, MinCoverage: 0.8})
	if got := s.cell("a", "ledige", "2026-01").Status; got != Suppressed {
		t.Fatalf("a's January count %v: the test has lost its case", got)
	}
	if got := s.cell("a", "andel", "2026-04").Status; got != Suppressed {
		t.Errorf("a's tertial share %v beside its January count hidden", got)
	}
	if got := s.cell("e", "andel", "2026-04").Status; got != Suppressed {
		t.Fatalf("e's tertial share %v: the test has lost its case", got)
	}
	if got := s.cell("e", "ledige", "2026-04").Status; got != Suppressed {
		t.Errorf("e's April count %v beside its tertial share hidden", got)
	}
}

// TestGoalsOfPeopleWithOtherLags: a share of every month and a count
// of the same people a month late. In February's build the count's
// February is not due, and the share hides the office of 800 in the
// labour force beside the office of 3; in March's, beside the count's
// choice, it must hide it still: it showed a and d together (23 of 1 800)
// in February, and d alone would give a back.
func TestGoalsOfPeopleWithOtherLags(t *testing.T) {
	share, count := percentGoal("andel"), countGoal("ledige", true)
	share.Persons, count.Lag = true, 1
	f := newFixture(count, share).withOffice("d", "vest").withOffice("e", "vest")
	for _, p := range []string{"2026-01", "2026-02", "2026-03"} {
		for _, o := range []struct {
			unit          string
			count, labour float64
		}{{"a", 3, 1000}, {"b", 10, 5000}, {"d", 20, 800}, {"e", 30, 3000}, {"c", 40, 2000}} {
			f.value(p, o.unit, "ledige", o.count).ratio(p, o.unit, "andel", o.count, o.labour)
		}
	}
	units := []string{"a", "b", "d", "e"}
	february := statuses(Compute(f.site, period("2026-02"), Options{MinCount: 5, MinCoverage: 0.8}), "andel", "2026-02", units...)
	march := statuses(Compute(f.site, period("2026-03"), Options{MinCount: 5, MinCoverage: 0.8}), "andel", "2026-02", units...)
	for i, unit := range units {
		if february[i] == Suppressed && march[i] != Suppressed {
			t.Errorf("%s's February share, hidden in February's build (%v), is shown in March's (%v)", unit, february, march)
		}
	}
	if february[0] != Suppressed {
		t.Fatalf("a's February share %v: the test has lost its case", february[0])
	}
}

// TestShareBesideCountsHiddenAtSource: two offices' counts hidden at
// source, their shares given: the share hides them, and its county's
// shown share hides a third beside them or is hidden itself, since it
// has no row for the office the count hid beside them (its count and
// labour force give its share): the county less the rest would tell what
// the two have together, and with each below 4, what each has.
func TestShareBesideCountsHiddenAtSource(t *testing.T) {
	share := percentGoal("andel")
	share.Persons = true
	f := newFixture(countGoal("ledige", true), share).withOffice("d", "vest").withOffice("e", "vest")
	f.hidden("2026-01", "a", "ledige").hidden("2026-01", "b", "ledige")
	for _, o := range []struct {
		unit         string
		count, share float64
	}{{"d", 20, 0}, {"e", 30, 1.0}, {"vest", 56, 1.0}, {"c", 40, 2.0}, {"a", 0, 0.3}, {"b", 0, 0.3}} {
		if o.count > 0 {
			f.value("2026-01", o.unit, "ledige", o.count)
		}
		if o.share > 0 {
			f.value("2026-01", o.unit, "andel", o.share)
		}
	}
	s := f.Compute5()
	got := statuses(s, "andel", "2026-01", "a", "b", "e", "vest")
	if got[0] != Suppressed || got[1] != Suppressed {
		t.Fatalf("shares %v: a and b, hidden at source in the count, are shown", got)
	}
	if got[2] != Suppressed && got[3] != Suppressed {
		t.Errorf("shares of a, b, e and vest: %v; want e or vest hidden beside a and b", got)
	}
}

// TestHiddenPartOfSharesGivenAsValues: a share that a part given only as
// its value leaves uncomputable is uncomputable whatever a part hidden at
// source holds, so it says so and not that it is hidden (which the page
// explains by too few people), over offices and over months alike; a
// share whose parts all have numerators is hidden with its hidden part,
// and so is an office's stock's mean over months, which values alone
// make; a county's stock's mean over months with one it cannot compute is
// uncomputable, not the mean of the others.
func TestHiddenPartOfSharesGivenAsValues(t *testing.T) {
	stock, stock2 := percentGoal("k"), percentGoal("k2")
	stock.Stock, stock2.Stock = true, true
	f := newFixture(percentGoal("v"), percentGoal("n"), stock, stock2)
	f.hidden("2026-01", "a", "v").value("2026-01", "b", "v", 30).value("2026-01", "c", "v", 46)
	f.value("2026-02", "a", "v", 50).value("2026-02", "b", "v", 30).value("2026-02", "c", "v", 46)
	f.hidden("2026-01", "a", "n").ratio("2026-01", "b", "n", 30, 100).ratio("2026-01", "c", "n", 46, 100)
	f.ratio("2026-02", "a", "n", 50, 100).ratio("2026-02", "b", "n", 30, 100).ratio("2026-02", "c", "n", 46, 100)
	f.hidden("2026-01", "a", "k").value("2026-01", "b", "k", 30).ratio("2026-02", "a", "k", 50, 100).ratio("2026-02", "b", "k", 30, 100)
	f.value("2026-01", "a", "k2", 50).value("2026-01", "b", "k2", 30).ratio("2026-02", "a", "k2", 50, 100).ratio("2026-02", "b", "k2", 30, 100)
	s := f.scores("2026-02")
	if got, want := statuses(s, "v", "2026-01", "a", "vest", "whole", "nord"), []Status{Suppressed, Uncomputable, Uncomputable, Green}; !slices.Equal(got, want) {
		t.Errorf("values beside a hidden office: %v, want %v", got, want)
	}
	if got, want := statuses(s, "n", "2026-01", "a", "vest", "whole"), []Status{Suppressed, Suppressed, Suppressed}; !slices.Equal(got, want) {
		t.Errorf("numerators beside a hidden office: %v, want %v", got, want)
	}
	ytd := yearToDate(s.reported)
	for _, c := range []struct {
		goal string
		want Status
	}{{"v", Uncomputable}, {"n", Suppressed}, {"k", Suppressed}} {
		if a := s.over("a", c.goal, ytd); a.Status != c.want || a.Has() {
			t.Errorf("a's year to date of %s with a month hidden: %+v, want %v", c.goal, a, c.want)
		}
	}
	for _, goal := range []string{"k", "k2"} {
		if c := s.cell("vest", goal, "2026-02"); c.Value != 40 {
			t.Errorf("vest's %s in February: %+v, want 40", goal, c)
		}
		if a := s.over("vest", goal, ytd); a.Status != Uncomputable || a.Has() {
			t.Errorf("vest's year to date of stock %s with January uncomputable: %+v, want uncomputable, not February's 40", goal, a)
		}
	}
}

// oneOrganisation is the scores of n months of one organisation, for
// tests of a unit's series alone.
func oneOrganisation(n int) *Scores { return &Scores{N: n, epochOf: make([]int, n)} }
