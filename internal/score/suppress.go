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
//   - if the suppressed parts have nothing together (a ratio's numerators,
//     or its denominators less numerators, or a count's values add up to
//     0), the next smallest shown part is suppressed too, or the total:
//     none is below 0, so each is 0.
//
// A part not shown that is the total of its own parts (a county of the
// whole site, suppressed or short of offices, whose figure is its
// offices' roll-up) is known to a reader down to its shown parts: only
// its suppressed parts are unknown. So each rule is also judged on those,
// the hidden offices of the counties not shown (and a hidden county's
// figure of its own), against everything shown below the total; where one
// tells too much, the smallest shown office of those counties is
// suppressed too (a shown county would tell nothing new until one of its
// offices was hidden as well). A hidden county whose shown offices make up
// the whole site's numerator leaves its hidden office and the other
// county's nothing.
//
// Two suppressed parts, not both small, and a shown total tell only what
// the two have together, and that is about min_count people or more.
//
// Across reorganisations: a successor's months before it began are its
// predecessors' total (recast), and hidden wherever one of them is: the
// predecessors are parts of their county's month too, and the recast
// total beside the county's and its other offices' would give back what
// the county's rules hid with them.
//
// Across goals: every goal of people hides a unit's month wherever
// another hides it, for whatever reason: a share's numerator may be a count goal's value, a share
// given only as its value (as NAV's own tables give the share of helt
// ledige) times the unit's size, published elsewhere (the labour force),
// is the count, and a count may be the sum of two others. Their own
// rules would hide different parts beside a hidden one (see
// hidePeopleTogether). A total without a part that has no figure of its
// goal but that another goal hides is hidden too: the other goal's total
// less it would give the part back.
//
// Across periods: an aggregate over a span with a hidden month is hidden
// (or uncomputable, a share's with a month given only as its value, and
// not shown either), so that every aggregate shown is the total (a
// stock's, the mean) of months shown, and no sum or difference of
// aggregates, of one build or of the builds month after month, gives
// back a month: a year less two of its tertials, a year to date less an
// earlier one. A county's month not
// shown for too few offices, whose figure its spans still count, is as
// good as shown: its parts are protected as a shown total's are. No
// aggregate hides a month, so a month one build showed is not hidden by
// the next for a span's sake, where it would no longer protect anything
// but tell on what it was hidden for.
//
// Roll-ups are always computed from the true numbers; only what is shown
// changes.

// suppress marks goal gi's suppressed cells, the months' and the
// aggregates' over the published spans, numbered as cells: unit*N + month
// for the months, then NUnits*N + unit*len(published) + span for the
// aggregates. sc.size holds, by cell, what is compared to choose the next
// part to hide: a ratio's denominator, else the value; sc.den the
// denominator where there is one. sc.spans are the months each aggregate
// is made of (see aggregateGoal); the months' totals are added here. The
// months' rules run over every month's totals until nothing changes; then
// an aggregate with a hidden month is hidden.
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
	any := false
	primary := zeroed(sc.primary, len(size))
	for id := range size {
		c := cell(id)
		// A month not shown but counted in its spans is as good as shown.
		counted := c.Has() || id < months && sc.partial[id]
		switch {
		case minCount > 0 && counted && small(g, size[id], den[id], num[id], minCount):
			suppressCell(c)
		case g.Persons && id < months && counted && s.peopleHidden != nil && s.tiedHidden(gi, id):
			// Hidden with another goal of people, whose rules protect
			// it there: not known to be small here.
			suppressCell(c)
			any = true
			continue
		}
		primary[id] = c.Status == Suppressed
		any = any || primary[id]
	}
	sc.primary = primary
	if !any {
		return
	}
	rels := &sc.rels
	rels.reset(s.N*(len(site.Counties)+1), months)
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
			rels.add(at(s.County(c)), parts)
			counties = append(counties, at(s.County(c)))
		}
		rels.add(at(s.Whole()), counties)
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
	// The quantities no part has less than 0 of: where the hidden parts
	// have none together, each has none (two hidden numerators that add
	// up to 0 are both 0). A percentage's numerator is part of its
	// denominator; another ratio's may be larger.
	var floored []func(id int) float64
	switch {
	case g.Aggregate == "ratio" && g.Unit == "percent":
		floored = []func(id int) float64{
			func(id int) float64 { return num[id] },
			func(id int) float64 { return den[id] - num[id] },
		}
	case g.Aggregate == "ratio":
		floored = []func(id int) float64{func(id int) float64 { return num[id] }}
	case g.Aggregate == "sum" && g.Min != nil && *g.Min == 0:
		floored = []func(id int) float64{func(id int) float64 { return size[id] }}
	}
	// A ratio given as a value has no numerator and denominator to know.
	known := func(id int) bool { return g.Aggregate != "ratio" || den[id] > 0 }
	relOf := zeroed(sc.relOf, months)
	for i, total := range rels.totals {
		relOf[total] = int32(i + 1)
	}
	sc.relOf = relOf
	if g.Persons && s.peopleHidden != nil {
		// A total without a part that has no figure of this goal, but
		// that another goal of people hides, is that goal's total less
		// the part: the two totals would give it back (a county's 103
		// helt ledige, and its share's numerator of 100 without the
		// office whose 3 the count hides).
		from := int32(0)
		// Kept from round to round of hidePeopleTogether: once hidden for
		// the office, the county's figure is hidden by the other goals
		// in the rounds after, and the office is why.
		tied := s.tiedTotals[gi]
		for i, total := range rels.totals {
			parts := rels.parts[from:rels.ends[i]]
			from = rels.ends[i]
			c := cell(int(total))
			if !c.Has() && !sc.partial[total] {
				continue
			}
			if part := s.lacksTied(gi, parts, cell, rels, relOf, sc.own); part >= 0 {
				suppressCell(c)
				any = true
				// A recast figure is no row of the county's own.
				if unit := int(total) / s.N; sc.own[total] && !c.Recast && unit >= site.CountyUnit(0) && unit < site.WholeUnit() {
					tied = addTied(tied, unit-site.CountyUnit(0), part/s.N, s.Period(int(total)%s.N))
				}
			}
		}
		s.tiedTotals[gi] = tied
	}
	p := protection{cell: cell, size: func(id int) float64 { return size[id] }, groups: groups, floored: floored, known: known, minCount: minCount,
		primary: primary, partial: sc.partial, rels: rels, relOf: relOf, own: sc.own, scratch: sc.protect}
	for changed := true; changed; {
		changed = false
		from := int32(0)
		for i, total := range rels.totals {
			changed = p.protect(int(total), rels.parts[from:rels.ends[i]]) || changed
			from = rels.ends[i]
		}
	}
	sc.protect = p.scratch
	// A recast figure with a hidden part is hidden, shown or counted in
	// its spans: it overlaps the county's relation of the same month (two
	// offices that later merge are two of their county's), and beside the
	// county's total and its other offices' it would give back a third
	// office the county's rules hid with them. Hidden, it tells nothing,
	// and shown with every part shown, nothing new: so it needs no
	// relation of its own among the totals above. The successors are in
	// the order they began, so that a successor's recast parts (a county
	// recast from counties recast before it) are settled before it.
	for _, succ := range s.successors {
		for m := range s.N {
			id := succ.unit*s.N + m
			c := cell(id)
			if c.Recast && (c.Has() || sc.partial[id]) && c.Status != Suppressed && slices.ContainsFunc(succ.parts, func(u int) bool { return cell(u*s.N+m).Status == Suppressed }) {
				suppressCell(c)
			}
		}
	}
	from := int32(0)
	for i, total := range sc.spans.totals {
		if c := cell(int(total)); c.Has() && slices.ContainsFunc(sc.spans.parts[from:sc.spans.ends[i]], func(id int32) bool { return cell(int(id)).Status == Suppressed }) {
			suppressCell(c)
		}
		from = sc.spans.ends[i]
	}
}

// lacksTied is the cell of one of parts, or of the parts of one that is
// a total itself, that has no figure of goal gi in a month that another
// goal of people hides it (see suppress); -1 for none.
func (s *Scores) lacksTied(gi int, parts []int32, cell func(int) *Cell, rels *relations, relOf []int32, own []bool) int {
	for _, p32 := range parts {
		p := int(p32)
		if i := relOf[p]; i != 0 && !own[p] {
			if part := s.lacksTied(gi, rels.of(int(i-1)), cell, rels, relOf, own); part >= 0 {
				return part
			}
			continue
		}
		if s.tiedHidden(gi, p) && cell(p).Status == Missing {
			return p
		}
	}
	return -1
}

// addTied adds month p to tied, county c's own figure hidden for the
// office of unit part (see TiedTotal), which names the office of its
// first month; its row is found once suppression is done (see ownRows).
func addTied(tied []model.TiedTotal, c, part int, p model.Period) []model.TiedTotal {
	for i := range tied {
		if t := &tied[i]; t.County == c {
			j, found := slices.BinarySearch(t.Months, p)
			if !found {
				t.Months = slices.Insert(t.Months, j, p)
			}
			if j == 0 {
				t.Office = part
			}
			return tied
		}
	}
	return append(tied, model.TiedTotal{County: c, Office: part, Months: []model.Period{p}})
}

// relations are totals with their parts, by cell (see suppress): the
// parts of the i-th total are parts[ends[i-1]:ends[i]].
type relations struct {
	totals, ends, parts []int32
}

// reset empties r, with room for nTotals totals of nParts parts in all.
func (r *relations) reset(nTotals, nParts int) {
	r.totals = slices.Grow(r.totals[:0], nTotals)
	r.ends = slices.Grow(r.ends[:0], nTotals)
	r.parts = slices.Grow(r.parts[:0], nParts)
}

// of is the i-th total's parts.
func (r *relations) of(i int) []int32 {
	from := int32(0)
	if i > 0 {
		from = r.ends[i-1]
	}
	return r.parts[from:r.ends[i]]
}

func (r *relations) add(total int32, parts []int32) {
	r.totals = append(r.totals, total)
	r.parts = append(r.parts, parts...)
	r.ends = append(r.ends, int32(len(r.parts)))
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
type protection struct {
	cell     func(id int) *Cell
	size     func(id int) float64
	groups   []func(id int) float64
	floored  []func(id int) float64 // quantities no part has less than 0 of (see suppress)
	known    func(id int) bool      // whether floored's are known of a figure
	minCount float64
	primary  []bool // hidden at source or for being small, by cell
	// partial are the months whose totals are not shown, short of parts,
	// but count in their spans' shown figures: a reader can subtract
	// their way to them as to a shown total.
	partial []bool
	rels    *relations
	relOf   []int32 // by month's cell, 1 + the index in rels of the relation it is the total of, or 0
	own     []bool  // by month's cell: a county's figure of its own, which its offices do not add up to
	scratch protectScratch
}

// protectScratch is protect's working state for one total, its lists kept
// from one total to the next for their room.
type protectScratch struct {
	shown, hidden, below, unknown []int
	opened                        bool // whether a part not shown was opened into its parts
}

// protect applies the secondary rules to a month's total and its parts,
// and reports whether it suppressed anything.
//
// A part not shown that is a total itself (a county of the whole site,
// suppressed or short of offices) is as good as its own parts to a reader:
// its shown parts are known, and only the others are not. So the rules
// run twice: on the parts, and on what the total less everything shown
// below it leaves unknown.
func (p *protection) protect(total int, parts []int32) bool {
	sc := &p.scratch
	sc.shown, sc.hidden, sc.below, sc.unknown = sc.shown[:0], sc.hidden[:0], sc.below[:0], sc.unknown[:0]
	sc.opened = false
	for _, u32 := range parts {
		u := int(u32)
		switch c := *p.cell(u); {
		case c.Status == Suppressed:
			sc.hidden = append(sc.hidden, u)
			p.open(u)
		case c.Has():
			sc.shown = append(sc.shown, u)
		default:
			// A county not shown for too few offices is known down to
			// its shown offices as well.
			p.open(u)
		}
	}
	t := *p.cell(total)
	known := t.Has() || p.partial[total] && t.Status != Suppressed
	hide := func(shown []int) {
		if len(shown) == 0 {
			suppressCell(p.cell(total))
			return
		}
		next := shown[0]
		for _, u := range shown[1:] {
			if p.size(u) < p.size(next) {
				next = u
			}
		}
		suppressCell(p.cell(next))
	}
	// Everything shown below the total, on which the unknown are judged;
	// hiding one of the opened parts' own adds to the unknown at once,
	// where a shown part opened would have to hide one of its parts next.
	opened := len(sc.below)
	sc.below = append(sc.below, sc.shown...)
	switch {
	case known && p.exposes(total, sc.hidden, sc.shown):
		hide(sc.shown)
	case known && sc.opened && p.exposes(total, sc.unknown, sc.below):
		if opened == 0 {
			opened = len(sc.below)
		}
		hide(sc.below[:opened])
	case t.Status == Suppressed && len(sc.hidden) == 0 && len(sc.shown) > 0:
		hide(sc.shown)
	default:
		return false
	}
	return true
}

// open adds what a reader does not know of part u, which is not shown, to
// the scratch's unknown: u itself where it is suppressed, or, where u is
// the total of its parts, what they leave unknown, with its shown parts
// added to below. A county's figure of its own (it has no offices, or its
// row stands for them) is not its offices' total, so it is unknown itself.
func (p *protection) open(u int) {
	sc := &p.scratch
	i := p.relOf[u]
	if i == 0 || p.own[u] {
		if p.cell(u).Status == Suppressed {
			sc.unknown = append(sc.unknown, u)
		}
		return
	}
	sc.opened = true
	for _, v32 := range p.rels.of(int(i - 1)) {
		if v := int(v32); p.cell(v).Has() {
			sc.below = append(sc.below, v)
		} else {
			p.open(v)
		}
	}
}

// exposes reports whether a known total less its shown parts tells too
// much of its hidden ones: one part's own figure; or, where every hidden
// one is known to be small, bounds on each; or that they have nothing
// together, or too few people.
func (p *protection) exposes(total int, hidden, shown []int) bool {
	if len(hidden) == 1 {
		return true
	}
	if len(hidden) == 0 {
		return false
	}
	if p.allPrimary(hidden) {
		return true
	}
	for _, q := range p.floored {
		rest, known := q(total), p.known(total)
		for _, u := range shown {
			rest -= q(u)
			known = known && p.known(u)
		}
		if known && rest < 1e-9 {
			return true
		}
	}
	for _, people := range p.groups {
		rest := people(total)
		known := rest > 0
		for _, u := range shown {
			rest -= people(u)
			known = known && people(u) > 0
		}
		if known && rest < p.minCount {
			return true
		}
	}
	return false
}

// allPrimary reports whether every one of hidden is hidden at source or
// for being small.
func (p *protection) allPrimary(hidden []int) bool {
	for _, u := range hidden {
		if !p.primary[u] {
			return false
		}
	}
	return true
}

// suppressCell hides c's figure. It stays what it was a figure of:
// recast, or a county's own row, so that hidden months beside shown ones
// say the same of it, and a change across it is told between the right
// measures.
func suppressCell(c *Cell) {
	*c = Cell{Status: Suppressed, Recast: c.Recast, Own: c.Own, HiddenAt: c.HiddenAt}
}
