package score

import (
	"slices"
	"testing"

	"github.com/malekort/malekort/internal/model"
)

// TestAttention: red and yellow goals come first, furthest from their
// target (in yellow bands) first; then a green goal that got worse beyond
// its usual change; then those without a result. A goal with a
// suppressed figure is said to be hidden.
func TestAttention(t *testing.T) {
	goal := func(id string) model.Goal {
		return model.Goal{ID: id, Unit: "count", Direction: "higher", Target: 10, Yellow: 8, Aggregate: "sum"}
	}
	f := newFixture(goal("yellow"), goal("red"), goal("far"), goal("worse"), goal("none"), goal("fine"))
	for m, p := range []string{"2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08"} {
		f.value(p, "a", "worse", 30+float64(m%2)).value(p, "a", "fine", 12)
	}
	f.value("2026-09", "a", "yellow", 9).value("2026-09", "a", "red", 7).value("2026-09", "a", "far", 2).
		value("2026-09", "a", "worse", 12).value("2026-09", "a", "fine", 12)
	s := f.scores("2026-09")
	a := s.AttentionAt(s.unit("a"), period("2026-09"), []int{0, 1, 2, 3, 4, 5})
	if !slices.Equal(a.Off, []int{2, 1, 0}) || !slices.Equal(a.Worse, []int{3}) || !slices.Equal(a.Unknown, []int{4}) || a.Hidden {
		t.Errorf("attention %+v, want off [far red yellow], worse [worse], unknown [none]", a)
	}
}

// TestAttentionBehindAHiddenFigure: a county whose own figure of a goal
// is hidden, or cannot be made, while some of its offices miss the
// target has that goal to attend to, with its offices counted by status;
// one whose offices all meet it has not, and an office's own hidden
// figure is only hidden.
func TestAttentionBehindAHiddenFigure(t *testing.T) {
	f := newFixture(model.Goal{ID: "n", Unit: "count", Direction: "higher", Target: 10, Yellow: 8, Aggregate: "sum"},
		model.Goal{ID: "r", Unit: "percent", Direction: "higher", Target: 45, Yellow: 40, Aggregate: "ratio", Decimals: 1})
	f.hidden("2026-01", "a", "n").value("2026-01", "b", "n", 5).value("2026-01", "c", "n", 12)
	f.value("2026-01", "a", "r", 50).value("2026-01", "b", "r", 41).value("2026-01", "c", "r", 46)
	s := f.scores("2026-01")
	count := func(n map[Status]int) (c [NStatus]int) {
		for st, k := range n {
			c[st] = k
		}
		return c
	}
	for unit, want := range map[string][]Behind{
		"vest":  {{0, count(map[Status]int{Suppressed: 1, Red: 1}), true}, {1, count(map[Status]int{Green: 1, Yellow: 1}), true}},
		"whole": {{0, count(map[Status]int{Suppressed: 1, Red: 1, Green: 1}), true}, {1, count(map[Status]int{Green: 2, Yellow: 1}), true}},
		"nord":  nil,
		"a":     nil,
	} {
		a := s.AttentionAt(s.unit(unit), period("2026-01"), []int{0, 1})
		if !slices.Equal(a.Behind, want) {
			t.Errorf("%s: behind %+v, want %+v", unit, a.Behind, want)
		}
	}
	// A county that reports for itself is one of the whole site's units,
	// not an office.
	f.site.Counties = append(f.site.Counties, model.County{ID: "sor", Name: "Sør"})
	f.site.NumberUnits()
	f.value("2026-01", "sor", "n", 3)
	s = f.scores("2026-01")
	if a := s.AttentionAt(s.unit("whole"), period("2026-01"), []int{0}); len(a.Behind) != 1 || a.Behind[0].Offices || a.Behind[0].Reports[Red] != 2 {
		t.Errorf("whole, with a county of its own: behind %+v, want two red, not all offices", a.Behind)
	}
}

// TestChanges: the goals whose status changed, and the largest moves
// towards and away from their targets, three at most each way.
func TestChanges(t *testing.T) {
	goal := func(id string) model.Goal {
		return model.Goal{ID: id, Unit: "count", Direction: "higher", Target: 10, Yellow: 8, Aggregate: "sum"}
	}
	f := newFixture(goal("up1"), goal("up2"), goal("up3"), goal("up4"), goal("down"), goal("same"))
	for gi, v := range [][2]float64{{5, 6}, {5, 9}, {5, 12}, {5, 7}, {12, 7}, {9, 9}} {
		id := f.site.Goals[gi].ID
		f.value("2026-01", "a", id, v[0]).value("2026-02", "a", id, v[1])
	}
	s := f.scores("2026-02")
	ch := s.ChangesAt(s.unit("a"), period("2026-02"), []int{0, 1, 2, 3, 4, 5})
	if !slices.Equal(ch.Status, []int{1, 2, 4}) || !slices.Equal(ch.Better, []int{2, 1, 3}) || !slices.Equal(ch.Worse, []int{4}) {
		t.Errorf("changes %+v, want status [up2 up3 down], better [up3 up2 up4], worse [down]", ch)
	}
}

// TestChangesToAndFromNoFigure: a goal whose figure became hidden or
// missing, or came back, has a new status, so that a page does not say
// that nothing changed; one hidden or missing both months has not, and
// neither has any goal in the first month of the results.
func TestChangesToAndFromNoFigure(t *testing.T) {
	goal := func(id string) model.Goal {
		return model.Goal{ID: id, Unit: "count", Direction: "higher", Target: 10, Yellow: 8, Aggregate: "sum"}
	}
	f := newFixture(goal("hidden"), goal("back"), goal("gone"), goal("still"), goal("same"))
	f.value("2026-01", "a", "hidden", 12).hidden("2026-02", "a", "hidden")
	f.hidden("2026-01", "a", "back").value("2026-02", "a", "back", 12)
	f.value("2026-01", "a", "gone", 12)
	f.hidden("2026-01", "a", "still").hidden("2026-02", "a", "still")
	f.value("2026-01", "a", "same", 12).value("2026-02", "a", "same", 12)
	s := f.scores("2026-02")
	all := []int{0, 1, 2, 3, 4}
	if ch := s.ChangesAt(s.unit("a"), period("2026-02"), all); !slices.Equal(ch.Status, []int{0, 1, 2}) || len(ch.Better)+len(ch.Worse) > 0 {
		t.Errorf("changes %+v, want status [hidden back gone] and no moves", ch)
	}
	if ch := s.ChangesAt(s.unit("a"), period("2026-01"), all); len(ch.Status) > 0 {
		t.Errorf("changes in the first month %+v, want none", ch)
	}
}

// TestChangesUnderANewTarget: a result that rose from 46 to 47 % while
// its target rose from 45 to 50 % moved towards the target, not away
// from it; its new status says the target changed too.
func TestChangesUnderANewTarget(t *testing.T) {
	g := percentGoal("p")
	g.Schedule = []model.Step{{From: period("2026-02"), Target: 50, Yellow: 45}}
	f := newFixture(g)
	f.value("2026-01", "a", "p", 46).value("2026-02", "a", "p", 47)
	s := f.scores("2026-02")
	ch := s.ChangesAt(s.unit("a"), period("2026-02"), []int{0})
	if !slices.Equal(ch.Better, []int{0}) || len(ch.Worse) != 0 || !slices.Equal(ch.Status, []int{0}) || !slices.Equal(ch.StatusRetargeted, []int{0}) || len(ch.Retargeted) > 0 {
		t.Errorf("changes %+v, want better, a new status, retargeted with it", ch)
	}
}

// TestChangesToTheScorecard: at the turn of the year a goal begins, one
// ends and one gets a new target without a new status; each is a change
// of the scorecard, which a unit new that month does not have.
func TestChangesToTheScorecard(t *testing.T) {
	begun, ended, retargeted, same := percentGoal("ny"), percentGoal("gammel"), percentGoal("ny-malverdi"), percentGoal("lik")
	begun.Life.From, ended.Life.Until = period("2026-01"), period("2025-12")
	retargeted.Schedule = []model.Step{{From: period("2026-01"), Target: 47, Yellow: 42}}
	f := newFixture(begun, ended, retargeted, same).withOffice("d", "vest")
	f.site.Offices[len(f.site.Offices)-1].Lifetime.From = period("2026-01")
	f.site.NumberUnits()
	f.value("2025-12", "a", "gammel", 50).value("2025-12", "a", "ny-malverdi", 50).value("2025-12", "a", "lik", 50)
	f.value("2026-01", "a", "ny", 50).value("2026-01", "a", "ny-malverdi", 50).value("2026-01", "a", "lik", 50).value("2026-01", "d", "lik", 50)
	s := f.scores("2026-01")
	all := []int{0, 1, 2, 3}
	ch := s.ChangesAt(s.unit("a"), period("2026-01"), all)
	if !slices.Equal(ch.Added, []int{0}) || !slices.Equal(ch.Ended, []int{1}) || !slices.Equal(ch.Retargeted, []int{2}) || len(ch.Status) > 0 {
		t.Errorf("a's changes %+v, want added [0], ended [1], retargeted [2], no status", ch)
	}
	if ch := s.ChangesAt(s.unit("d"), period("2026-01"), all); len(ch.Added)+len(ch.Ended)+len(ch.Retargeted) > 0 {
		t.Errorf("changes of d, new in January: %+v, want none", ch)
	}
}

// TestRankByChance: with numerators and denominators from two offices or
// more, offices rank better than chance beyond the 99.8 % limits, beyond
// the 95 %, within them, worse, then unknown, by name within each;
// without, by value, ties sharing a rank.
func TestRankByChance(t *testing.T) {
	f := newFixture(percentGoal("andel"))
	f.site.Offices = append(f.site.Offices, model.Office{ID: "d", Name: "D", County: "nord"},
		model.Office{ID: "e", Name: "E", County: "nord"}, model.Office{ID: "f", Name: "F", County: "nord"})
	f.site.NumberUnits()
	f.ratio("2026-01", "a", "andel", 90, 100). // far above 45 %
							ratio("2026-01", "b", "andel", 40, 100). // within chance
							value("2026-01", "c", "andel", 10).      // no size to judge
							ratio("2026-01", "d", "andel", 55, 100). // beyond 95 %, within 99.8 %
							ratio("2026-01", "e", "andel", 10, 100). // far below
							ratio("2026-01", "f", "andel", 33, 100)  // below 95 %, within 99.8 %
	s := f.scores("2026-01")
	units := []int{s.unit("c"), s.unit("b"), s.unit("a"), s.unit("d"), s.unit("e"), s.unit("f")}
	r := s.Rank(&Funnel{}, 0, period("2026-01"), units, []int{2, 1, 0, 3, 4, 5})
	if !r.ByChance || !slices.Equal(r.Order, []int{2, 3, 1, 5, 4, 0}) ||
		!slices.Equal(r.Chances, []Chance{ChanceFarBetter, ChanceBetter, ChanceWithin, ChanceWorse, ChanceFarWorse, ChanceUnknown}) {
		t.Errorf("by chance: %+v", r)
	}

	f = newFixture(percentGoal("andel"))
	f.value("2026-01", "a", "andel", 50).value("2026-01", "b", "andel", 60).value("2026-01", "c", "andel", 50)
	s = f.scores("2026-01")
	r = s.Rank(&Funnel{}, 0, period("2026-01"), []int{s.unit("a"), s.unit("b"), s.unit("c")}, []int{0, 1, 2})
	if r.ByChance || !slices.Equal(r.Order, []int{1, 0, 2}) || !slices.Equal(r.Rank, []int{1, 2, 2}) {
		t.Errorf("by value: %+v", r)
	}
}

// TestRankAgainstTarget: a sum's offices rank by their value over their
// own target, where every target is above 0 (a count grows with its
// office); otherwise by value.
func TestRankAgainstTarget(t *testing.T) {
	g := countGoal("kontakter", false)
	g.Direction, g.Target, g.Yellow = "higher", 40, 30
	g.Overrides = []model.Override{{Unit: "b", Target: 10, Yellow: 8}, {Unit: "c", Target: 100, Yellow: 80}}
	f := newFixture(g)
	f.value("2026-01", "a", "kontakter", 20).value("2026-01", "b", "kontakter", 9).value("2026-01", "c", "kontakter", 30)
	s := f.scores("2026-01")
	units := []int{s.unit("a"), s.unit("b"), s.unit("c")}
	r := s.Rank(&Funnel{}, 0, period("2026-01"), units, []int{0, 1, 2})
	// 20 of 40, 9 of 10, 30 of 100: b, a, c.
	if !r.AgainstTarget || !slices.Equal(r.Order, []int{1, 0, 2}) || !slices.Equal(r.Rank, []int{1, 2, 3}) {
		t.Errorf("against their targets: %+v, want b, a, c", r)
	}
	g.Overrides[0].Target, g.Overrides[0].Yellow = 0, 0
	f.site.Goals[0] = g
	s = f.scores("2026-01")
	if r := s.Rank(&Funnel{}, 0, period("2026-01"), units, []int{0, 1, 2}); r.AgainstTarget || !slices.Equal(r.Order, []int{2, 0, 1}) {
		t.Errorf("with a target of 0: %+v, want by value, c, a, b", r)
	}
}

// TestAnswering: of a county's offices' open measures, those at its
// offices in red answer for it; where none is red, those in yellow; where
// none is either, all.
func TestAnswering(t *testing.T) {
	for _, c := range []struct {
		statuses []Status
		open     []int
		want     int
	}{
		{[]Status{Red, Green, Red}, []int{0, 3, 1}, 1},
		{[]Status{Yellow, Green, Suppressed}, []int{0, 3, 2}, 0},
		{[]Status{Yellow, Yellow, Green}, []int{1, 2, 3}, 3},
		{[]Status{Green, Missing}, []int{1, 2}, 3},
	} {
		if got := Answering(c.statuses, c.open); got != c.want {
			t.Errorf("Answering(%v, %v) = %d, want %d", c.statuses, c.open, got, c.want)
		}
	}
}

// TestMovedOfficeGetsItsNewCountysGoal: an office that moves into a
// county in February has the county's own goal on its scorecard from
// February, not in the months before, when it was not its county's: the
// goal is new on its scorecard, not a status come from "missing". A
// target that changed while the value went missing is told too.
func TestMovedOfficeGetsItsNewCountysGoal(t *testing.T) {
	local, retargeted := percentGoal("vest-eget"), percentGoal("ny-malverdi")
	local.Owner = "vest"
	retargeted.Schedule = []model.Step{{From: period("2026-02"), Target: 47, Yellow: 42}}
	f := newFixture(local, retargeted)
	f.site.Offices[2].Changes = []model.Change{{From: period("2026-02"), County: "vest"}} // c, from nord
	f.site.NumberUnits()
	f.value("2026-01", "a", "vest-eget", 50).value("2026-02", "a", "vest-eget", 50).value("2026-02", "c", "vest-eget", 50)
	f.value("2026-01", "c", "ny-malverdi", 50).value("2026-02", "a", "ny-malverdi", 50)
	s := f.scores("2026-02")
	c := s.unit("c")
	if s.OnScorecard(c, 0, period("2026-01")) || !s.OnScorecard(c, 0, period("2026-02")) {
		t.Errorf("vest's own goal on c's scorecard in January %v and February %v, want only February", s.OnScorecard(c, 0, period("2026-01")), s.OnScorecard(c, 0, period("2026-02")))
	}
	ch := s.ChangesAt(c, period("2026-02"), []int{0, 1})
	if !slices.Equal(ch.Added, []int{0}) || !slices.Equal(ch.Status, []int{1}) || !slices.Equal(ch.StatusRetargeted, []int{1}) {
		t.Errorf("c's changes %+v, want vest's goal added, and the other's status (now missing) with its new target", ch)
	}
}
