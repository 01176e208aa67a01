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
//   - for a ratio or a count of people, if the total less its shown parts
//     leaves fewer than min_count people (a ratio's denominators are
//     published with it), the next smallest shown part is suppressed too,
//     or the total: that difference is what the suppressed parts have
//     together.
//
// Two suppressed parts and a shown total tell only what the two have
// together, and that is about min_count people or more.
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
		counties := make([]int, len(org.Counties))
		for i, c := range org.Counties {
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
		// The people a figure tells about, where known.
		var people func(u int) float64
		switch {
		case minCount == 0:
		case g.Aggregate == "ratio":
			people = func(u int) float64 { return den[part(u)] }
		case g.Persons:
			people = func(u int) float64 { return size[part(u)] }
		}
		p := protection{cell: cell, size: func(u int) float64 { return size[part(u)] }, people: people, minCount: minCount}
		for changed := any; changed; {
			changed = false
			for _, c := range org.Counties {
				changed = p.protect(s.County(c), org.OfficesOf[c]) || changed
			}
			changed = p.protect(s.Whole(), counties) || changed
			// A recast figure is its parts' total.
			for _, succ := range s.successors {
				if cell(succ.unit).Recast {
					changed = p.protect(succ.unit, succ.parts) || changed
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

// protection is what the secondary rules need of a goal's month: its
// cells by unit, the size that chooses the next part to suppress, and,
// for a ratio or a count of people, how many people a figure tells about
// (a ratio's denominator, known where it is not 0).
type protection struct {
	cell     func(unit int) *Cell
	size     func(unit int) float64
	people   func(unit int) float64
	minCount float64
}

// protect applies the secondary rules to a total and its parts, and
// reports whether it suppressed anything.
func (p *protection) protect(total int, parts []int) bool {
	var shown []int
	suppressed := 0
	for _, u := range parts {
		switch c := *p.cell(u); {
		case c.Status == Suppressed:
			suppressed++
		case c.Has():
			shown = append(shown, u)
		}
	}
	smallest := func() int {
		next := shown[0]
		for _, u := range shown[1:] {
			if p.size(u) < p.size(next) {
				next = u
			}
		}
		return next
	}
	t := *p.cell(total)
	// The total less the shown parts is what the suppressed ones have
	// together: one part's own figure, or too few people.
	exposed := suppressed == 1
	if suppressed > 1 && t.Has() && p.people != nil {
		rest := p.people(total)
		known := rest > 0
		for _, u := range shown {
			rest -= p.people(u)
			known = known && p.people(u) > 0
		}
		exposed = known && rest < p.minCount
	}
	switch {
	case t.Has() && exposed && len(shown) == 0:
		*p.cell(total) = Cell{Status: Suppressed}
	case t.Has() && exposed:
		*p.cell(smallest()) = Cell{Status: Suppressed}
	case t.Status == Suppressed && suppressed == 0 && len(shown) > 0:
		*p.cell(smallest()) = Cell{Status: Suppressed}
	default:
		return false
	}
	return true
}
