package score

import "github.com/malekort/malekort/internal/model"

// Small numbers (prikking), as Statistics Norway does them.
//
// Primary: a ratio whose denominator is below min_count is suppressed, and
// so is a count of people (a goal with persons = true) below it: either
// would tell about fewer people than that. A figure its publisher hid
// (NAV's "*") is suppressed already, whatever min_count says.
//
// Secondary: a published total and its other parts would let a reader
// subtract their way back to a lone suppressed part, and a suppressed
// total whose parts are all shown is their sum. So for every goal and
// month, for each county with its offices and then the whole site with
// its counties, until nothing changes:
//   - if exactly one part is suppressed and the total is shown, the shown
//     part with the next smallest size (a ratio's denominator, else its
//     value) is suppressed too, or, with no other part shown, the total,
//     which would be that part's own figure;
//   - if the total is suppressed and every part that reported is shown,
//     the smallest is suppressed, since the parts would add up to it.
//
// Two suppressed parts and a shown total tell only what the two have
// together.
//
// Roll-ups are always computed from the true numbers; only what is shown
// changes.

// suppress marks goal gi's suppressed cells. size holds, by unit and
// month, what is compared to choose the next part to hide: a ratio's
// denominator, else the value; den the denominator where there is one.
func (s *Scores) suppress(gi int, size, den []float64, minCount float64) {
	site := s.Site
	g := &site.Goals[gi]
	for m := range s.N {
		org := &s.epochs[s.epochOf[m]]
		counties := make([]int, len(org.counties))
		for i, c := range org.counties {
			counties[i] = s.County(c)
		}
		cell := func(unit int) *Cell { return &s.cells[(unit*s.nGoals+gi)*s.N+m] }
		part := func(unit int) int { return unit*s.N + m }
		any := false
		for u := range site.NUnits() {
			c := cell(u)
			if minCount > 0 && c.Has() && small(g, size[part(u)], den[part(u)], minCount) {
				*c = Cell{Status: Suppressed}
			}
			any = any || c.Status == Suppressed
		}
		for changed := any; changed; {
			changed = false
			for _, c := range org.counties {
				changed = s.protect(cell, func(u int) float64 { return size[part(u)] }, s.County(c), org.officesOf[c]) || changed
			}
			changed = s.protect(cell, func(u int) float64 { return size[part(u)] }, s.Whole(), counties) || changed
			// A recast figure is its predecessors' total.
			for _, succ := range s.successors {
				if cell(succ.unit).Recast {
					changed = s.protect(cell, func(u int) float64 { return size[part(u)] }, succ.unit, succ.predecessors) || changed
				}
			}
		}
	}
}

// small reports whether a shown figure of goal g would tell about fewer
// than minCount people: a ratio's denominator (a ratio given only as a
// value has none to judge by), or a count of people.
func small(g *model.Goal, value, den, minCount float64) bool {
	switch {
	case g.Aggregate == "ratio":
		return den > 0 && den < minCount
	case g.Persons:
		return value < minCount
	}
	return false
}

// protect applies the secondary rules to a total and its parts, and
// reports whether it suppressed anything.
func (s *Scores) protect(cell func(unit int) *Cell, size func(unit int) float64, total int, parts []int) bool {
	var shown []int
	suppressed := 0
	for _, p := range parts {
		switch c := *cell(p); {
		case c.Status == Suppressed:
			suppressed++
		case c.Has():
			shown = append(shown, p)
		}
	}
	smallest := func() int {
		next := shown[0]
		for _, p := range shown[1:] {
			if size(p) < size(next) {
				next = p
			}
		}
		return next
	}
	switch t := *cell(total); {
	case t.Has() && suppressed == 1 && len(shown) == 0:
		*cell(total) = Cell{Status: Suppressed}
	case t.Has() && suppressed == 1:
		*cell(smallest()) = Cell{Status: Suppressed}
	case t.Status == Suppressed && suppressed == 0 && len(shown) > 0:
		*cell(smallest()) = Cell{Status: Suppressed}
	default:
		return false
	}
	return true
}
