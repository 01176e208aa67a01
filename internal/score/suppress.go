package score

import (
	"slices"

	"github.com/malekort/malekort/internal/model"
)

// Small numbers (prikking), as Statistics Norway does them.
//
// Primary: a ratio whose denominator is below min_count is suppressed, and
// so is a count of people (a goal with persons = true) below it, and a
// ratio of people (persons = true) whose numerator, or whose denominator
// less its numerator, is below it: each would tell about fewer people
// than that (196 of 200 tells about the 4 who are not counted as much as
// 4 of 200 tells about those who are). A figure its publisher hid
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
//     published with it, and its numerators: a ratio of people counts
//     those in its numerator and those not, each group on its own), the
//     next smallest shown part is suppressed too, or the total: that
//     difference is what the suppressed parts have together.
//
//   - if a month's total is shown and every suppressed part of it is
//     small (hidden at source, or below min_count), the next smallest
//     shown part is suppressed too, or the total: a reader knows each is
//     below a bound, and what they have together would bound each from
//     below as well (two parts below 4 with 6 together are 3 each); a
//     part hidden for another reason has no bound.
//
// Two suppressed parts, not both small, and a shown total tell only what
// the two have together, and that is about min_count people or more.
//
// The site is built every month, and a month one build showed must not be
// hidden by the next, where it would no longer protect anything but tell
// on what it was hidden for. A month's hidden parts follow from that
// month's figures, but a span's can reach down into its months: a span
// hidden with all its months shown would be their sum, and one of them is
// hidden with it. So a span hidden with all its parts' spans shown waits
// until every other rule has done all it will, the months' above all,
// which may have hidden one of those parts already; only then is the
// smallest part hidden.
//
// Roll-ups are always computed from the true numbers; only what is shown
// changes.

// suppress marks goal gi's suppressed cells, the months' and the
// aggregates' over the published spans, numbered as cells: unit*N + month
// for the months, then NUnits*N + unit*len(published) + span for the
// aggregates. sc.size holds, by cell, what is compared to choose the next
// part to hide: a ratio's denominator, else the value; sc.den the
// denominator where there is one. sc.rels are the totals the aggregates
// are (see aggregateGoal); the months' are added here. The rules run over every total, the months'
// and the spans', until nothing changes, since hiding a month for a span
// can expose it in its county's month, and the other way round.
func (s *Scores) suppress(gi int, sc *scratch, minCount float64) {
	size, den, num := sc.size, sc.den, sc.num
	site := s.Site
	g := &site.Goals[gi]
	nSpans := len(s.published)
	months := site.NUnits() * s.N
	cell := func(id int) *Cell {
		if id < months {
			return &s.cells[(id/s.N*s.nGoals+gi)*s.N+id%s.N]
		}
		id -= months
		return &s.aggregates[(id/nSpans*s.nGoals+gi)*nSpans+id%nSpans].Cell
	}
	// The successors' recast months, before suppression forgets them.
	var recast []bool
	for _, succ := range s.successors {
		for m := range s.N {
			recast = append(recast, cell(succ.unit*s.N+m).Recast)
		}
	}
	any := false
	primary := zeroed(sc.primary, len(size))
	for id := range size {
		c := cell(id)
		if minCount > 0 && c.Has() && small(g, size[id], den[id], num[id], minCount) {
			*c = Cell{Status: Suppressed}
		}
		primary[id] = c.Status == Suppressed
		any = any || primary[id]
	}
	sc.primary = primary
	if !any {
		return
	}
	rels := &sc.rels
	var parts []int32
	for m := range s.N {
		org := &s.epochs[s.epochOf[m]]
		at := func(unit int) int32 { return int32(unit*s.N + m) }
		var counties []int32
		for _, c := range org.Counties {
			parts = parts[:0]
			for _, o := range org.OfficesOf[c] {
				parts = append(parts, at(site.OfficeUnit(o)))
			}
			rels.add(at(s.County(c)), parts, false)
			counties = append(counties, at(s.County(c)))
		}
		rels.add(at(s.Whole()), counties, false)
		// A recast figure is its parts' total.
		for i, succ := range s.successors {
			if recast[i*s.N+m] {
				parts = parts[:0]
				for _, u := range succ.parts {
					parts = append(parts, at(u))
				}
				rels.add(at(succ.unit), parts, false)
			}
		}
	}
	// The groups of people a figure tells about, where known.
	var groups []func(id int) float64
	switch {
	case minCount == 0:
	case g.Aggregate == "ratio" && g.Persons:
		groups = []func(id int) float64{
			func(id int) float64 { return num[id] },
			func(id int) float64 { return max(den[id]-num[id], 0) },
		}
	case g.Aggregate == "ratio":
		groups = []func(id int) float64{func(id int) float64 { return den[id] }}
	case g.Persons:
		groups = []func(id int) float64{func(id int) float64 { return size[id] }}
	}
	p := protection{cell: cell, size: func(id int) float64 { return size[id] }, groups: groups, minCount: minCount,
		primary: primary, months: months, shown: sc.shown}
	sweep := func() (changed bool) {
		from := int32(0)
		for i, total := range rels.totals {
			parts := rels.parts[from:rels.ends[i]]
			from = rels.ends[i]
			changed = p.protect(int(total), parts, rels.growing[i]) || changed
			if rels.growing[i] {
				changed = p.protectGrowing(int(total), parts) || changed
			}
		}
		return changed
	}
	for changed := true; changed; {
		p.waiting = true
		for sweep() {
		}
		p.waiting = false
		changed = sweep()
	}
	sc.shown = p.shown
}

// relations are totals with their parts, by cell (see suppress): the
// parts of the i-th total are parts[ends[i-1]:ends[i]]. A growing total
// is a span's aggregate, its parts its months in order (see
// protectGrowing).
type relations struct {
	totals, ends, parts []int32
	growing             []bool
}

// reset empties r, with room for nTotals totals of nParts parts in all.
func (r *relations) reset(nTotals, nParts int) {
	r.totals = slices.Grow(r.totals[:0], nTotals)
	r.ends = slices.Grow(r.ends[:0], nTotals)
	r.growing = slices.Grow(r.growing[:0], nTotals)
	r.parts = slices.Grow(r.parts[:0], nParts)
}

func (r *relations) add(total int32, parts []int32, growing bool) {
	r.totals = append(r.totals, total)
	r.parts = append(r.parts, parts...)
	r.ends = append(r.ends, int32(len(r.parts)))
	r.growing = append(r.growing, growing)
}

// small reports whether a shown figure of goal g would tell about fewer
// than minCount people: a ratio's denominator (a ratio given only as a
// value has none to judge by) and, where the ratio counts people, its
// numerator too, which is published beside it, and those the numerator
// leaves out where it is a part of the denominator; or a count of people.
func small(g *model.Goal, value, den, num, minCount float64) bool {
	switch {
	case g.Aggregate == "ratio":
		return den > 0 && (den < minCount || g.Persons && (num < minCount || num <= den && den-num < minCount))
	case g.Persons:
		return value < minCount
	}
	return false
}

// protection is what the secondary rules need of a goal: its cells, the
// size that chooses the next part to suppress, and, for a ratio or a count
// of people, the groups of people a figure tells about, each adding up
// from parts to total (a ratio's denominator; for a ratio of people its
// numerator and its denominator less the numerator, which is no group
// where the numerator is larger), known where not 0.
// shown is protect's list of a total's shown parts, kept from one total
// to the next.
type protection struct {
	cell     func(id int) *Cell
	size     func(id int) float64
	groups   []func(id int) float64
	minCount float64
	primary  []bool // hidden at source or for being small, by cell
	months   int    // the cells below it are months, the rest spans
	// waiting is set while the rules run that do not hide a part of a
	// hidden span whose parts are all shown (see suppress).
	waiting bool
	shown   []int
}

// protect applies the secondary rules to a total and its parts, and
// reports whether it suppressed anything. A growing total that would give
// back a part is hidden itself, any other the next smallest shown part.
func (p *protection) protect(total int, parts []int32, growing bool) bool {
	shown := p.shown[:0]
	suppressed := 0
	for _, u32 := range parts {
		u := int(u32)
		switch c := *p.cell(u); {
		case c.Status == Suppressed:
			suppressed++
		case c.Has():
			shown = append(shown, u)
		}
	}
	p.shown = shown
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
	// together: one part's own figure, or too few people; in a month,
	// where every one of them is known to be small, bounds on each.
	exposed := suppressed == 1 || suppressed > 1 && t.Has() && total < p.months && p.allPrimary(parts)
	if suppressed > 1 && t.Has() {
		for _, people := range p.groups {
			rest := people(total)
			known := rest > 0
			for _, u := range shown {
				rest -= people(u)
				known = known && people(u) > 0
			}
			exposed = exposed || known && rest < p.minCount
		}
	}
	switch {
	case t.Has() && exposed && (len(shown) == 0 || growing):
		*p.cell(total) = Cell{Status: Suppressed}
	case t.Has() && exposed:
		*p.cell(smallest()) = Cell{Status: Suppressed}
	case t.Status == Suppressed && suppressed == 0 && len(shown) > 0 && p.waiting && total >= p.months && !growing:
		return false
	case t.Status == Suppressed && suppressed == 0 && len(shown) > 0:
		*p.cell(smallest()) = Cell{Status: Suppressed}
	default:
		return false
	}
	return true
}

// allPrimary reports whether every suppressed one of parts is primary.
func (p *protection) allPrimary(parts []int32) bool {
	for _, u := range parts {
		if p.cell(int(u)).Status == Suppressed && !p.primary[u] {
			return false
		}
	}
	return true
}

// protectGrowing hides a span's aggregate, total, that an earlier
// aggregate of the same span would give back a month with: the site is
// built every month, and each build published the span up to its month
// (October's year to date less September's is October). A month's
// months are months[:k], and its aggregate was shown unless the months
// since an earlier shown one held exactly one hidden month, or hidden
// months of fewer than min_count people (the rule for the whole span
// too, which protect applies); the empty span is shown. It reports
// whether it hid total.
func (p *protection) protectGrowing(total int, months []int32) bool {
	if !p.cell(total).Has() || !slices.ContainsFunc(months, func(id int32) bool { return p.cell(int(id)).Status == Suppressed }) {
		return false
	}
	// hidden[k] counts the hidden months of months[:k], and people[g][k]
	// the people of group g they tell about.
	hidden := make([]int, len(months)+1)
	people := make([][]float64, len(p.groups))
	for g := range people {
		people[g] = make([]float64, len(months)+1)
	}
	for k, id := range months {
		hid := p.cell(int(id)).Status == Suppressed
		hidden[k+1] = hidden[k]
		if hid {
			hidden[k+1]++
		}
		for g, group := range p.groups {
			people[g][k+1] = people[g][k]
			if hid {
				people[g][k+1] += group(int(id))
			}
		}
	}
	exposes := func(j, k int) bool {
		if n := hidden[k] - hidden[j]; n < 2 {
			return n == 1
		}
		for g := range people {
			if people[g][k]-people[g][j] < p.minCount {
				return true
			}
		}
		return false
	}
	shown := []int{0}
	for k := 1; k <= len(months); k++ {
		ok := true
		for _, j := range shown {
			if exposes(j, k) {
				ok = false
				break
			}
		}
		if k == len(months) {
			if ok {
				return false
			}
			*p.cell(total) = Cell{Status: Suppressed}
			return true
		}
		if ok {
			shown = append(shown, k)
		}
	}
	return false
}
