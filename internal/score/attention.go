package score

import (
	"cmp"
	"slices"

	"github.com/malekort/malekort/internal/model"
)

// What a unit's page puts first (see README, "The rules"): the goals that
// need attention, what changed since the month before, and how offices
// rank on a goal.

// Attention is the goals of a unit that need attention in a month, each
// list in the order of the goals given.
type Attention struct {
	// Off are the red and yellow goals, furthest from their target (in
	// widths of their yellow band) first.
	Off []int
	// Worse are the green goals that got worse by more than their usual
	// month-to-month change (a signal).
	Worse []int
	// Unknown are the goals without a result to judge: missing, or too few
	// offices reported.
	Unknown []int
	// Hidden is whether any goal's figure is suppressed, so that "every
	// goal is met" cannot be said.
	Hidden bool
	// Uncomputable is whether any goal's figure cannot be made from its
	// parts, for the same reason.
	Uncomputable bool
	// Judged is whether any goal has a status against its target: where
	// none has, and none is missing, nothing could be judged at all.
	Judged bool
	// Unjudged are the goals whose figure is hidden or cannot be made and
	// that are not Behind: beside a list of others that need attention,
	// they are the goals nobody can say need none.
	Unjudged []int
	// Behind are the goals of a county or the whole site whose own figure
	// is hidden or cannot be made, yet whose offices' figures have some
	// red or yellow: "nothing needs attention" must not rest on a figure
	// nobody sees while most offices miss the target. Counting the
	// offices' shown statuses gives away no hidden figure.
	Behind []Behind
}

// Behind is a goal whose unit's figure is hidden or cannot be made, with
// its units' statuses counted: a county's offices, or every unit that
// reports for the whole site.
type Behind struct {
	Goal    int
	Reports [NStatus]int
	// Offices says every unit counted is an office: the whole site's
	// may count a county that reports for itself.
	Offices bool
}

// AttentionAt is what needs attention for unit in month p among goals,
// which are in the order the page shows them.
func (s *Scores) AttentionAt(unit int, p model.Period, goals []int) Attention {
	var a Attention
	var gaps []float64
	for _, gi := range goals {
		if !s.OnScorecard(unit, gi, p) {
			continue
		}
		c, end := s.Shown(unit, gi, p)
		switch c.Status {
		case Red, Yellow:
			a.Off = append(a.Off, gi)
			gaps = append(gaps, s.Gap(unit, gi, end))
			a.Judged = true
		case Green:
			a.Judged = true
			if c.Change == SignalWorse {
				a.Worse = append(a.Worse, gi)
			}
		case Missing, Incomplete:
			a.Unknown = append(a.Unknown, gi)
		case Suppressed, Uncomputable:
			a.Hidden = a.Hidden || c.Status == Suppressed
			a.Uncomputable = a.Uncomputable || c.Status == Uncomputable
			if b := s.behind(unit, gi, end); b.Reports[Red]+b.Reports[Yellow] > 0 {
				a.Behind = append(a.Behind, b)
			} else {
				a.Unjudged = append(a.Unjudged, gi)
			}
		}
	}
	order := make([]int, len(a.Off))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int { return cmp.Compare(gaps[y], gaps[x]) })
	off := make([]int, len(order))
	for i, j := range order {
		off[i] = a.Off[j]
	}
	a.Off = off
	return a
}

// behind counts by status the figures of goal gi in month end of the
// units a county or the whole site is made of in that month: the
// county's offices, or the site's reporting units. An office has none.
func (s *Scores) behind(unit, gi int, end model.Period) Behind {
	b := Behind{Goal: gi, Offices: true}
	m := int(end - s.First)
	if unit < s.County(0) || m < 0 || m >= s.N {
		return b
	}
	org := &s.epochs[s.epochOf[m]]
	var parts []int
	if unit == s.Whole() {
		parts = org.Reporting(s.Site)
	} else {
		for _, o := range org.OfficesOf[unit-s.County(0)] {
			parts = append(parts, s.Office(o))
		}
	}
	for _, u := range parts {
		b.Reports[s.At(u, gi, end).Status]++
		b.Offices = b.Offices && u < s.County(0)
	}
	return b
}

// Changes are what changed for a unit from the month before p to p.
type Changes struct {
	// Compared says the unit has a month before to compare with: it
	// existed then, or has figures recast from its predecessors'. A unit
	// new that month, or back from between two lifetimes, has none, and no
	// goal of it can have changed.
	Compared bool
	// Status are the goals whose status changed, in the order of the goals
	// given.
	Status []int
	// Uncompared are the goals on the scorecard, due a new figure, that
	// have no status before it to compare with, whatever they have now:
	// the unit did not exist then and its predecessors' figures could not
	// be recast into it (a mean, or no results), or the results began
	// later. AnyCompared says some goal due a new figure was compared,
	// changed or not.
	Uncompared  []int
	AnyCompared bool
	// StatusRetargeted are those of Status whose target or yellow limit
	// changed too: a new status may be their doing, not the result's.
	StatusRetargeted []int
	// Better and Worse are the goals that moved most towards and away from
	// their target, in widths of their yellow band: three at most each,
	// largest first. Both months are measured against the later one's
	// target, so that a result that rose under a target that rose more is
	// not a move away from it.
	Better, Worse []int
	// Added and Ended are the goals on the unit's scorecard that were not
	// on it the month before, and those that were and are not (a goal
	// begun or ended, at the turn of a year most often); Retargeted are
	// those whose target or yellow limit changed while their status did
	// not, which Status does not tell.
	Added, Ended, Retargeted []int
}

// changesShown is how many of the largest moves each way Changes keeps.
const changesShown = 3

// ChangesAt is what changed for unit from the month before p to p among
// goals, which are in the order the page shows them.
func (s *Scores) ChangesAt(unit int, p model.Period, goals []int) Changes {
	var ch Changes
	type move struct {
		gi   int
		size float64
	}
	var better, worse []move
	ch.Compared = p <= s.First || s.Exists(unit, p-1)
	// Goals come and go from a scorecard only for a unit that was there
	// the month before, or whose month before is its predecessors'
	// recast (a successor's first month).
	compared := p > s.First && ch.Compared
	for _, gi := range goals {
		compared = compared || p > s.First && s.At(unit, gi, p-1).Recast
	}
	for _, gi := range goals {
		on, was := s.OnScorecard(unit, gi, p), p > s.First && s.OnScorecard(unit, gi, p-1)
		switch {
		case compared && on && !was:
			ch.Added = append(ch.Added, gi)
		case compared && was && !on:
			ch.Ended = append(ch.Ended, gi)
		}
		if !on {
			continue
		}
		// A goal measured less often than monthly, or later, changes
		// only in the month a new period's result is due.
		cur, end := s.Shown(unit, gi, p)
		prevEnd := end - model.Period(s.Site.Goals[gi].PeriodMonths())
		prev := s.At(unit, gi, prevEnd)
		ch.Compared = ch.Compared || prev.RecastFigure()
		if _, before := s.Shown(unit, gi, p-1); before == end || !was {
			// Nothing new, or a goal new on the scorecard, which has no
			// status to change from.
			continue
		}
		t := s.ThresholdsAt(unit, gi, end)
		before := s.ThresholdsAt(unit, gi, prevEnd)
		retargeted := before.Target != t.Target || before.Yellow != t.Yellow
		// A figure that became hidden, missing or uncomputable, or came
		// back, is a new status too: without it a page would say no goal
		// changed when one can no longer be judged. Not so before the
		// results begin or before the unit was there. Its target's
		// change is told all the same.
		missing := !cur.Has() || !prev.Has()
		switch {
		case missing && (prevEnd < s.First || !s.Exists(unit, prevEnd) && !prev.RecastFigure()):
			ch.Uncompared = append(ch.Uncompared, gi)
			continue
		case cur.Status != prev.Status:
			ch.Status = append(ch.Status, gi)
			if retargeted {
				ch.StatusRetargeted = append(ch.StatusRetargeted, gi)
			}
		case retargeted:
			ch.Retargeted = append(ch.Retargeted, gi)
		}
		ch.AnyCompared = true
		if missing || !s.KindOfChange(unit, &s.Site.Goals[gi], prev, cur, prevEnd, end).OneMeasure() {
			// A change between two measures is no move.
			continue
		}
		higher := s.Site.Goals[gi].HigherIsBetter()
		switch size := gap(prev.Value, t, higher) - gap(cur.Value, t, higher); { // bands closer to the target
		case cur.Value == prev.Value:
		case size > 0:
			better = append(better, move{gi, size})
		case size < 0:
			worse = append(worse, move{gi, -size})
		}
	}
	top := func(moves []move) []int {
		slices.SortStableFunc(moves, func(a, b move) int { return cmp.Compare(b.size, a.size) })
		var goals []int
		for _, m := range moves[:min(changesShown, len(moves))] {
			goals = append(goals, m.gi)
		}
		return goals
	}
	ch.Better, ch.Worse = top(better), top(worse)
	return ch
}

// FunnelGoal reports whether goal g is compared by funnel limits: a ratio
// in percent, whose values are proportions of people or cases.
func FunnelGoal(g *model.Goal) bool { return g.Aggregate == "ratio" && g.Unit == "percent" }

// Chance is how a unit's value lies against the funnel limits around its
// own target.
type Chance uint8

// Chances: no numerator and denominator, or not a funnel goal; beyond the
// 95 % limit on the good side; within the limits; beyond them on the bad
// side; and beyond the 99.8 % limit on either side. Of a goal's 17
// offices, about one lies beyond the 95 % limits by chance alone; beyond
// the 99.8 %, about one of 500.
const (
	ChanceUnknown Chance = iota
	ChanceBetter
	ChanceWithin
	ChanceWorse
	ChanceFarBetter
	ChanceFarWorse
)

// ChanceOf judges unit's value for goal gi on month p's scorecard (see
// Shown) against the 95 % limits around the unit's own target, with f's
// limits.
func (s *Scores) ChanceOf(f *Funnel, unit, gi int, p model.Period) (Chance, Limits) {
	return s.chanceAt(f, unit, gi, s.Site.Goals[gi].DueBy(p))
}

// chanceAt judges unit's value for goal gi in the period that ends in
// month p.
func (s *Scores) chanceAt(f *Funnel, unit, gi int, p model.Period) (Chance, Limits) {
	g := &s.Site.Goals[gi]
	c := s.At(unit, gi, p)
	n, ok := FunnelSize(c)
	if !FunnelGoal(g) || !ok {
		return ChanceUnknown, Limits{}
	}
	l := f.Limits(n, s.ThresholdsAt(unit, gi, p).Target, f.Dispersion(s, gi, p))
	far := !l.Within998(c.Value)
	switch {
	case l.Within95(c.Value):
		return ChanceWithin, l
	case (c.Value > l.Upper95) == g.HigherIsBetter() && far:
		return ChanceFarBetter, l
	case (c.Value > l.Upper95) == g.HigherIsBetter():
		return ChanceBetter, l
	case far:
		return ChanceFarWorse, l
	}
	return ChanceWorse, l
}

// BestFirst orders cells of goal g best value first, those without a
// value last.
func BestFirst(g *model.Goal, a, b Cell) int {
	switch {
	case a.Has() != b.Has():
		if a.Has() {
			return -1
		}
		return 1
	case g.HigherIsBetter():
		return cmp.Compare(b.Value, a.Value)
	}
	return cmp.Compare(a.Value, b.Value)
}

// Ranking is how a goal's page ranks offices.
type Ranking struct {
	// Order are the indexes of the units given, in the order shown.
	Order []int
	// Rank is each place's rank by value, by place in Order: ties share
	// the first place's rank; 0 without a value.
	Rank []int
	// ByChance is whether chance orders them: better than their target
	// beyond chance, within chance, worse beyond chance, then those that
	// cannot be judged, by name within each. Chances are by place in
	// Order. Offices are ranked by chance where it can be judged: a funnel
	// goal with numerators and denominators from at least two offices.
	// Rates given without them (as NAV's own tables give them) keep their
	// order by value.
	ByChance bool
	Chances  []Chance
	// AgainstTarget is whether a sum's offices are ranked by their value
	// over their own target, not by the value: a count grows with the
	// office, and each office's target says what is expected of it. So
	// where every office's target is above 0.
	AgainstTarget bool
}

// Rank ranks units for goal gi on month p's scorecard (see Shown), best
// value first and ties in the order given, or by chance where it can be
// judged (see Ranking). names are the units' places in name order.
func (s *Scores) Rank(f *Funnel, gi int, p model.Period, units, names []int) Ranking {
	g := &s.Site.Goals[gi]
	end := g.DueBy(p)
	cells := make([]Cell, len(units))
	for i, u := range units {
		cells[i] = s.At(u, gi, end)
	}
	r := Ranking{Order: make([]int, len(units)), Rank: make([]int, len(units))}
	for i := range r.Order {
		r.Order[i] = i
	}
	if g.Aggregate == "sum" && len(units) > 0 {
		targets := make([]float64, len(units))
		r.AgainstTarget = true
		for i, u := range units {
			targets[i] = s.ThresholdsAt(u, gi, end).Target
			r.AgainstTarget = r.AgainstTarget && targets[i] > 0
		}
		if r.AgainstTarget {
			// The cells ranked are the values over the targets; ties
			// are of those.
			for i := range cells {
				cells[i].Value /= targets[i]
			}
		}
	}
	slices.SortStableFunc(r.Order, func(a, b int) int { return BestFirst(g, cells[a], cells[b]) })
	judged := 0
	for i, k := range r.Order {
		c := cells[k]
		if c.Has() {
			r.Rank[i] = i + 1
			if prev := cells[r.Order[max(i-1, 0)]]; i > 0 && prev.Has() && prev.Value == c.Value {
				r.Rank[i] = r.Rank[i-1]
			}
		}
		if _, ok := FunnelSize(c); ok && FunnelGoal(g) {
			judged++
		}
	}
	if judged < 2 {
		return r
	}
	r.ByChance = true
	chances := make([]Chance, len(units))
	for k, u := range units {
		chances[k], _ = s.chanceAt(f, u, gi, end)
	}
	place := make([]int, len(units)) // by index, its place by value
	for i, k := range r.Order {
		place[k] = i
	}
	order := map[Chance]int{ChanceFarBetter: 0, ChanceBetter: 1, ChanceWithin: 2, ChanceWorse: 3, ChanceFarWorse: 4, ChanceUnknown: 5}
	slices.SortStableFunc(r.Order, func(a, b int) int {
		return cmp.Or(cmp.Compare(order[chances[a]], order[chances[b]]), cmp.Compare(names[a], names[b]))
	})
	rank := r.Rank
	r.Rank = make([]int, len(units))
	r.Chances = make([]Chance, len(units))
	for i, k := range r.Order {
		r.Rank[i], r.Chances[i] = rank[place[k]], chances[k]
	}
	return r
}

// Unanswered reports whether a goal in status st, with open measures for
// it, stands out among the goals that need attention: a red goal that no
// open measure answers (see README, "needs attention").
func Unanswered(st Status, open int) bool { return st == Red && open == 0 }

// Answering is how many of a county's offices' open measures for a goal
// answer for the county's: those at its offices in red, or, where none
// is red, at those in yellow; where none is either, all of them. statuses
// and open are each office's status for the goal and its open measures.
// Measures at offices on target do not answer for those off it.
func Answering(statuses []Status, open []int) int {
	at := func(want Status) (n int, any bool) {
		for i, st := range statuses {
			if st == want {
				n, any = n+open[i], true
			}
		}
		return n, any
	}
	if n, any := at(Red); any {
		return n
	}
	if n, any := at(Yellow); any {
		return n
	}
	all := 0
	for _, n := range open {
		all += n
	}
	return all
}
