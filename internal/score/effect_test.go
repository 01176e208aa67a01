package score

import (
	"fmt"
	"testing"

	"github.com/malekort/malekort/internal/model"
)

// TestEffect: a measure's change from its start month to now is judged by
// the signal rule against the office's usual change in the 12 months up
// to the start, and never where either month's figure is suppressed.
func TestEffect(t *testing.T) {
	// Twelve months moving by 1 a month (usual change 1), the measure
	// starting in the last of them (value 51), then months after it.
	series := func(now float64, status Status) []Cell {
		cells := make([]Cell, 0, 16)
		for m := range 12 {
			cells = append(cells, Cell{Value: 50 + float64(m%2), Status: Green})
		}
		cells = append(cells, Cell{Value: 90, Status: Green}, Cell{Value: 10, Status: Green}, Cell{Value: now, Status: status})
		return cells
	}
	const start, now = 11, 14
	for _, c := range []struct {
		name           string
		cells          []Cell
		higherIsBetter bool
		want           Change
	}{
		{"within 3.27 times the usual change", series(54, Green), true, Usual},
		{"higher beyond it, higher better", series(55, Green), true, SignalBetter},
		{"higher beyond it, lower better", series(55, Yellow), false, SignalWorse},
		{"lower beyond it, higher better", series(47, Red), true, SignalWorse},
		{"now suppressed", series(90, Suppressed), true, NoChange},
		{"now missing", series(90, Missing), true, NoChange},
		{"unchanged", series(51, Green), true, NoChange},
	} {
		if got := oneOrganisation(len(c.cells)).effect(0, goalOf(c.higherIsBetter), c.cells, start, now); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	cells := series(90, Green)
	cells[start].Status = Suppressed
	if got := oneOrganisation(len(cells)).effect(0, goalOf(true), cells, start, now); got != NoChange {
		t.Errorf("start suppressed: %v, want no judgement", got)
	}
	// The months after the start do not count towards the usual change:
	// the swings of 40 and 80 after it would hide any effect.
	if got := oneOrganisation(len(series(60, Green))).effect(0, goalOf(true), series(60, Green), start, now); got != SignalBetter {
		t.Errorf("9 up after usual changes of 1: %v, want a signal for the better", got)
	}
	if got := oneOrganisation(len(series(60, Green))).effect(0, goalOf(true), series(60, Green), 3, now); got != TooFewMonths {
		t.Errorf("3 changes before the start: %v, want too few months", got)
	}
}

// TestOutcomeAtALaggedGoal: a goal whose result comes two months late.
// June's scorecard shows April's result. A measure begun in May has had
// nothing of it in a result yet; one begun in March is judged from the
// result March's scorecard showed (January's) to April's.
func TestOutcomeAtALaggedGoal(t *testing.T) {
	g := percentGoal("r")
	g.Lag = 2
	f := newFixture(g)
	for m, num := range []float64{40, 42, 44, 50, 60, 70} {
		f.ratio(fmt.Sprintf("2026-%02d", m+1), "a", "r", num, 100)
	}
	s := Compute(f.site, period("2026-06"), Options{MinCoverage: 0})
	a := s.unit("a")
	if o := s.OutcomeAt(a, 0, period("2026-05"), s.reported); o.Start.Has() || o.Judged != NoChange || o.Now.Value != 50 {
		t.Errorf("begun in May: %+v, want April's 50 now and nothing judged", o)
	}
	if o := s.OutcomeAt(a, 0, period("2026-03"), s.reported); o.Start.Value != 40 || o.Now.Value != 50 || o.Judged == NoChange || o.StartOf != period("2026-01") || o.NowOf != period("2026-04") || o.Ended {
		t.Errorf("begun in March: %+v, want from January's 40 to April's 50, judged", o)
	}
	if o := s.OutcomeAt(a, 0, 0, s.reported); o.Start.Has() || o.Judged != NoChange {
		t.Errorf("not begun: %+v, want nothing judged", o)
	}
}

// TestOutcomeAtAnEndedGoal: a goal that ended in April has no result on
// June's scorecard; what followed a measure is what its last scorecard
// showed, April's, and the outcome says the goal ended.
func TestOutcomeAtAnEndedGoal(t *testing.T) {
	g := percentGoal("r")
	g.Life.Until = period("2026-04")
	f := newFixture(g)
	for m, num := range []float64{40, 42, 44, 50} {
		f.ratio(fmt.Sprintf("2026-%02d", m+1), "a", "r", num, 100)
	}
	s := Compute(f.site, period("2026-06"), Options{MinCoverage: 0})
	o := s.OutcomeAt(s.unit("a"), 0, period("2026-02"), s.reported)
	if o.Start.Value != 42 || o.Now.Value != 50 || o.NowOf != period("2026-04") || !o.Ended || o.Judged == NoChange {
		t.Errorf("begun in February: %+v, want from February's 42 to April's 50, ended, judged", o)
	}
	// Lagged two months, it is on June's scorecard still, with April's
	// result; from July it has ended, April's its last.
	f.site.Goals[0].Lag = 2
	for reported, ended := range map[string]bool{"2026-06": false, "2026-07": true} {
		s := Compute(f.site, period(reported), Options{MinCoverage: 0})
		if o := s.OutcomeAt(s.unit("a"), 0, period("2026-01"), s.reported); o.Now.Value != 50 || o.NowOf != period("2026-04") || o.Ended != ended {
			t.Errorf("lagged two months, reported %s: %+v, want April's 50, ended %v", reported, o, ended)
		}
	}
}

// TestOutcomeAtAnEndedOffice: an office that closed in April has no
// result on June's scorecard; what followed its measure is what its last
// scorecard showed, April's.
func TestOutcomeAtAnEndedOffice(t *testing.T) {
	f := newFixture(percentGoal("r"))
	f.site.Offices[0].Lifetime.Until = period("2026-04")
	f.site.NumberUnits()
	for m, num := range []float64{40, 42, 44, 50} {
		f.ratio(fmt.Sprintf("2026-%02d", m+1), "a", "r", num, 100)
	}
	s := Compute(f.site, period("2026-06"), Options{MinCoverage: 0})
	if o := s.OutcomeAt(s.unit("a"), 0, period("2026-02"), s.reported); o.Start.Value != 42 || o.Now.Value != 50 || o.NowOf != period("2026-04") || o.Ended || !o.OfficeEnded || o.Judged == NoChange {
		t.Errorf("begun in February: %+v, want from February's 42 to April's 50, office ended, judged", o)
	}
	// By March, a tertial report's last month say, the office had not
	// ended: March's 44 followed.
	if o := s.OutcomeAt(s.unit("a"), 0, period("2026-02"), period("2026-03")); o.Now.Value != 44 || o.NowOf != period("2026-03") || o.OfficeEnded {
		t.Errorf("begun in February, by March: %+v, want March's 44, office not ended", o)
	}
}

// goalOf is a goal that is better higher, or lower.
func goalOf(higherIsBetter bool) *model.Goal {
	if higherIsBetter {
		return &model.Goal{Direction: "higher"}
	}
	return &model.Goal{Direction: "lower"}
}
