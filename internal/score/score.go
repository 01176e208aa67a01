// Package score computes the scorecard from a validated site: each unit's
// thresholds per goal, the value and status of every unit, goal and month,
// and the roll-ups of offices to counties and to the whole site.
//
// The rules (see README, "The rules"):
//   - An office's target is its own override, else its county's, else the
//     goal's. For a sum goal a county's override is a county total, so
//     offices do not inherit it, and a county's target is the sum of its
//     offices' unless the county has its own.
//   - Roll-ups: ratio Σnumerator/Σdenominator, mean the mean of office
//     values, sum Σ. A county-level result replaces its county's roll-up.
//     A ratio roll-up needs every reporting office's numerator and
//     denominator; where one gave only a value the roll-up is missing
//     rather than wrong.
//   - Status compares the value rounded as displayed with the thresholds
//     rounded the same way.
package score

import (
	"math"
	"slices"
	"sync"

	"github.com/malekort/malekort/internal/model"
	"github.com/malekort/malekort/internal/workers"
	"github.com/malekort/malekort/internal/xmr"
)

// Status is a cell's standing against its goal.
type Status uint8

// Statuses, worst to best after Missing; Suppressed hides a value that
// would tell about too few people, or that its publisher hid; Incomplete
// is a roll-up of too few of its offices to judge; Uncomputable is a
// roll-up of known parts that the goal's aggregate cannot combine: shares
// given only as values, without the counts they are made of.
const (
	Missing Status = iota
	Red
	Yellow
	Green
	Suppressed
	Incomplete
	Uncomputable
)

// NStatus is the number of statuses, for counting by status.
const NStatus = 7

func (s Status) String() string {
	return [...]string{"missing", "red", "yellow", "green", "suppressed", "incomplete", "uncomputable"}[s]
}

// Thresholds are a unit's target and yellow bound for a goal, rounded to
// the goal's decimals. Applies is false when the goal is not on the unit's
// scorecard.
type Thresholds struct {
	Target, Yellow float64
	Applies        bool
	Source         Source
	// Since is the month a schedule or a dated override put the target
	// in force; 0 for a target without a beginning.
	Since model.Period
}

// Source is where a unit's target comes from.
type Source uint8

// Sources: the goal's own target, set above every unit; the unit's county's
// override; the unit's own override; the sum of its parts' targets.
const (
	FromGoal Source = iota
	FromCounty
	FromOwn
	FromSum
)

// Cell is a unit's result for a goal in one month, rounded as displayed.
// Recast is a successor's figure for a month before it existed, made of
// its predecessors'.
type Cell struct {
	Value float64
	// Num and Den are a ratio's numerator and denominator, where the
	// figure has them and its value is shown; 0 otherwise.
	Num, Den float64
	Status   Status
	Recast   bool
	// Own says the figure is a county's own row, not its offices' taken
	// together: a change between the two is between other measures.
	Own bool
	// HiddenAt says, of a figure hidden where the source hid one (NAV's
	// "*"), which: its own row's, or a part's it is made of. That the
	// source hid them is published with them; it tells nothing of a value.
	HiddenAt HiddenAt
	// Change judges the change from the month before against the unit's
	// natural variation (see markChanges).
	Change Change
}

// HiddenAt is what of a hidden figure the source hid.
type HiddenAt uint8

// HiddenAts: nothing; the unit's own row; a part of its roll-up.
const (
	NotAtSource HiddenAt = iota
	RowAtSource
	PartAtSource
)

// Change is how a cell's change from the month before compares with the
// unit's own month-to-month variation.
type Change uint8

// Changes: no change to judge (no value this month or the month before,
// or no change); too few months before it to judge; within the unit's
// natural variation; a signal, beyond it, for the better or the worse.
const (
	NoChange Change = iota
	TooFewMonths
	Usual
	SignalBetter
	SignalWorse
)

// Signal reports whether the change is beyond the unit's natural variation.
func (c Change) Signal() bool { return c == SignalBetter || c == SignalWorse }

// HasSize reports whether the cell has a ratio's numerator and denominator.
func (c Cell) HasSize() bool { return c.Has() && c.Den > 0 }

// Has reports whether the cell has a value that may be shown.
func (c Cell) Has() bool { return c.Status >= Red && c.Status <= Green }

// RecastFigure reports whether the cell is a figure recast from a
// successor's predecessors, hidden or not: one that could be made of
// them (not a mean, nor a share given as values), which stands for them.
func (c Cell) RecastFigure() bool { return c.Recast && c.Status != Uncomputable }

// Coverage is how many of the offices a roll-up stands for reported (a
// value hidden by its publisher or by malekort counts as reported). A
// county's own row stands for all its offices.
type Coverage struct {
	Reported, Expected int32
}

// Complete reports whether every office reported.
func (c Coverage) Complete() bool { return c.Reported >= c.Expected }

// judged reports whether a figure made of parts, c of them reported,
// stands for the whole it names. A sum of parts is the whole's total only
// with every part in: short of one office or month it is not a smaller
// total but no total, and judged against the whole's target it would look
// better or worse than it is. A ratio or a mean, and a stock's mean over
// months, holds as an estimate with min_coverage of the parts.
func judged(c Coverage, sumOfParts bool, opt Options) bool {
	if sumOfParts {
		return c.Complete()
	}
	return float64(c.Reported) >= opt.MinCoverage*float64(c.Expected)
}

// Options are the site's rules for what may be shown.
type Options struct {
	// MinCount suppresses a ratio whose denominator, a count of people,
	// and a ratio of people whose numerator or denominator less numerator,
	// is below it; 0 turns malekort's own suppression off.
	MinCount float64
	// MinCoverage is the share of its parts a roll-up or aggregate needs to
	// be judged, but for a sum, which needs them all (see judged).
	MinCoverage float64
}

// Scores is the computed scorecard, its units numbered as
// model.Site.OfficeUnit says.
type Scores struct {
	Site *model.Site
	// First is the first month with results; N months follow without gaps.
	First model.Period
	N     int

	nGoals int
	// people are the goals of people (persons = true), and peopleHidden
	// the months, by unit*N + month, that one of them hides (see
	// hidePeopleTogether).
	people       []int
	peopleHidden []bool
	// hiddenTogether are the counties' own rows that a goal of people
	// hid only beside the others, by goal (see hidePeopleTogether).
	hiddenTogether []model.HiddenTogether
	thresholds     []Thresholds // [(span*units + unit)*nGoals + goal]
	cells          []Cell       // [(unit*nGoals+goal)*N + month]
	coverage       []Coverage   // [((unit-first county)*nGoals+goal)*N + month], counties and the whole
	// The organisation changes from month to month only on a site with
	// lifetimes or changes: its stretches of months with one organisation
	// are its epochs. A site without has one.
	epochs  []model.Organisation
	epochOf []int // by month
	// sameOffices holds, for two months a and b of other epochs (key
	// a*N + b), which units' figures stand for the same offices in both
	// (see SameOffices).
	sameOffices sync.Map
	// Targets change from month to month where the organisation does, and
	// where a goal's schedule or dated override begins: the stretches of
	// months with the same targets are spans, and a site without
	// schedules has one for each epoch.
	spans  []span
	spanOf []int // by month
	// reported is the month the site reports, whose organisation the
	// pages show.
	reported model.Period
	// successors are the units that have a recast history: those that
	// others merged into, and the counties split out of another that have
	// offices; in the order they began.
	successors []successor
	// published are the spans aggregated (see PublishedSpans), and
	// aggregates their figures, [(unit*nGoals+goal)*len(published) + span].
	published  []Span
	aggregates []Aggregate
	// hiddenTotals and tiedTotals are by goal (see HiddenTotals and
	// TiedTotals).
	hiddenTotals [][]model.HiddenTotal
	tiedTotals   [][]model.TiedTotal
	// By goal: a ratio some of whose rows give only the value, and one
	// for which some county with offices has a row of its own (see
	// GivenAsValues and CountyRows).
	valueOnly, countyRows []bool
}

// GivenAsValues reports whether some of a ratio goal's results scored
// (due by the reported month) give only the value, without numerator and
// denominator, so that a figure of several offices or months made from
// them cannot be computed.
func (s *Scores) GivenAsValues(goal int) bool {
	return s.Site.Goals[goal].Aggregate == "ratio" && s.valueOnly[goal]
}

// CountyRows reports whether, in some month, a county with offices has a
// result of its own for the goal, which is then its figure, not its
// offices' roll-up (as NAV publishes its counties' figures beside its
// municipalities').
func (s *Scores) CountyRows(goal int) bool { return s.countyRows[goal] }

// span is a stretch of months with one organisation and one set of
// targets, from its first month.
type span struct {
	epoch int
	first model.Period
}

// successor is a unit whose figures for the months from to until (0:
// from the first) are its parts' combined: for a merger, the units merged
// into it before it began; for a split, its offices before it did.
type successor struct {
	unit        int
	parts       []int
	from, until model.Period
}

// Office, County and Whole return unit numbers (see model.Site.OfficeUnit).
func (s *Scores) Office(i int) int { return s.Site.OfficeUnit(i) }
func (s *Scores) County(i int) int { return s.Site.CountyUnit(i) }
func (s *Scores) Whole() int       { return s.Site.WholeUnit() }

// Thresholds returns unit's thresholds for goal that the reported month's
// scorecard judges by (see Shown: for a goal measured less often, or
// later, those in force when its shown period ended), or those of the
// month nearest to it in the unit's lifetime.
func (s *Scores) Thresholds(unit, goal int) Thresholds {
	return s.ThresholdsAt(unit, goal, s.Site.Goals[goal].DueBy(s.reported))
}

// ThresholdsAt returns unit's thresholds for goal in month p. Outside the
// unit's lifetime (a successor's months before it existed, a county's
// years away) they are an override in force then, its own or its
// county's; for a sum recast from its predecessors, their targets' sum
// (see recastThresholds); else its own target, or its parts' sum, of the
// month nearest to p in its lifetime; else the goal's target then, as
// every unit is judged then.
func (s *Scores) ThresholdsAt(unit, goal int, p model.Period) Thresholds {
	n := s.Site.NUnits()
	if len(s.spans) == 1 {
		return s.thresholds[unit*s.nGoals+goal]
	}
	then := s.thresholds[(s.spanOf[min(max(int(p-s.First), 0), s.N-1)]*n+unit)*s.nGoals+goal]
	if s.Site.UnitAlive(unit, p) {
		return then
	}
	nearest := s.thresholds[(s.spanAt(unit, p)*n+unit)*s.nGoals+goal]
	if then.Source != FromGoal || !nearest.Applies {
		return then
	}
	if t, ok := s.recastThresholds(unit, goal, p); ok {
		return t
	}
	if nearest.Source != FromGoal {
		return nearest
	}
	return then
}

// recastThresholds are a successor's thresholds for a sum goal in month
// p before it existed, where its figure is its predecessors' combined
// (see recast): their targets' sum, as its figure is their figures' sum;
// one predecessor's own, where it alone has the goal.
func (s *Scores) recastThresholds(unit, goal int, p model.Period) (Thresholds, bool) {
	g := &s.Site.Goals[goal]
	if g.Aggregate != "sum" {
		return Thresholds{}, false
	}
	for _, succ := range s.successors {
		if succ.unit != unit || p < succ.from || p > succ.until {
			continue
		}
		var sum Thresholds
		for _, pu := range succ.parts {
			if !s.Site.UnitAlive(pu, p) && !s.recastable(g, pu, p) {
				continue
			}
			switch t := s.ThresholdsAt(pu, goal, p); {
			case !t.Applies:
			case !sum.Applies:
				sum = t
			default:
				sum.Target += t.Target
				sum.Yellow += t.Yellow
				sum.Source, sum.Since = FromSum, 0
			}
		}
		sum.Target, sum.Yellow = Round(sum.Target, g.Decimals), Round(sum.Yellow, g.Decimals)
		return sum, sum.Applies
	}
	return Thresholds{}, false
}

// spanAt is the span of month p, moved into unit's lifetime and into the
// months scored.
func (s *Scores) spanAt(unit int, p model.Period) int {
	if len(s.spans) == 1 {
		return 0
	}
	l, _ := s.Site.UnitLifetime(unit)
	if l.From != 0 && p < l.From {
		p = l.From
	}
	if l.Until != 0 && p > l.Until {
		p = l.Until
	}
	if !s.Site.UnitAlive(unit, p) {
		// Between two lifetimes: judged as the next one begins.
		for _, life := range s.Site.UnitLives(unit) {
			if life.From > p {
				p = life.From
				break
			}
		}
	}
	return s.spanOf[min(max(int(p-s.First), 0), s.N-1)]
}

// Exists reports whether unit exists in month p.
func (s *Scores) Exists(unit int, p model.Period) bool {
	return s.Site.UnitAlive(unit, p)
}

// CountsCounties reports whether unit's coverage of goal gi in a month
// from first to last counts a county that reports for itself, having no
// offices: the county itself, or the whole site with such a county that
// has the goal. The count is then of units, not offices.
func (s *Scores) CountsCounties(unit, gi int, first, last model.Period) bool {
	if unit < s.Site.CountyUnit(0) {
		return false
	}
	for m := max(0, int(first-s.First)); m <= min(s.N-1, int(last-s.First)); m++ {
		org := &s.epochs[s.epochOf[m]]
		for _, c := range org.Counties {
			if cu := s.Site.CountyUnit(c); len(org.OfficesOf[c]) == 0 && (unit == s.Site.WholeUnit() || unit == cu) && s.ThresholdsAt(cu, gi, s.Period(m)).Applies {
				return true
			}
		}
	}
	return false
}

// ReportsForItself reports whether unit is a county that had no
// offices in any month from first to last: its figures are its own rows,
// one a month, and its coverage counts months.
func (s *Scores) ReportsForItself(unit int, first, last model.Period) bool {
	c := unit - s.Site.CountyUnit(0)
	if c < 0 || unit >= s.Site.WholeUnit() {
		return false
	}
	for m := max(0, int(first-s.First)); m <= min(s.N-1, int(last-s.First)); m++ {
		if len(s.epochs[s.epochOf[m]].OfficesOf[c]) > 0 {
			return false
		}
	}
	return true
}

// CombinesPredecessors reports whether unit has, for goal gi in a month
// before from, a figure made of its predecessors' (a sum; a ratio of
// numerators and denominators), hidden or not, which stands for them;
// where none could be made (a mean, a share given as values) they are
// shown apart.
func (s *Scores) CombinesPredecessors(unit, gi int, from model.Period) bool {
	before := s.Series(unit, gi)[:max(0, min(int(from-s.First), s.N))]
	return slices.ContainsFunc(before, Cell.RecastFigure)
}

// Series returns unit's cells for goal, one per month from First.
func (s *Scores) Series(unit, goal int) []Cell {
	i := (unit*s.nGoals + goal) * s.N
	return s.cells[i : i+s.N : i+s.N]
}

// At returns unit's cell for goal in month p, missing outside the range.
func (s *Scores) At(unit, goal int, p model.Period) Cell {
	i := int(p - s.First)
	if i < 0 || i >= s.N {
		return Cell{}
	}
	return s.Series(unit, goal)[i]
}

// CoverageAt is how many offices a county's or the whole site's figure
// for goal in month p stands for; an office's is empty.
func (s *Scores) CoverageAt(unit, goal int, p model.Period) Coverage {
	i := int(p - s.First)
	first := s.County(0)
	if unit < first || i < 0 || i >= s.N {
		return Coverage{}
	}
	return s.coverage[((unit-first)*s.nGoals+goal)*s.N+i]
}

// AnySuppressed reports whether any figure is suppressed.
func (s *Scores) AnySuppressed() bool {
	for i := range s.cells {
		if s.cells[i].Status == Suppressed {
			return true
		}
	}
	return false
}

// Period returns the i-th month of the range.
func (s *Scores) Period(i int) model.Period { return s.First + model.Period(i) }

// OnScorecard reports whether goal is on unit's scorecard for month p:
// the goal applies to the unit, is shown in p (see model.Goal.ShownIn),
// and where p shows an earlier period's result, the unit existed when
// that period ended or has a recast figure of it: a county begun in 2020
// has no yearly result of 2019 to miss.
func (s *Scores) OnScorecard(unit, goal int, p model.Period) bool {
	if !s.Follows(unit, goal, p) {
		return false
	}
	end := s.Site.Goals[goal].DueBy(p)
	return end == p || s.Site.UnitAlive(unit, end) || s.recastable(&s.Site.Goals[goal], unit, end)
}

// Follows reports whether goal is one of unit's goals in month p: it
// applies to the unit in the period p shows (an office's new county's own
// goal from the first period it shows of the office there) and is shown
// in p (see model.Goal.ShownIn), though that period may have ended before
// the unit existed (see OnScorecard): a county's page compares its
// offices' results of it.
func (s *Scores) Follows(unit, goal int, p model.Period) bool {
	g := &s.Site.Goals[goal]
	return s.ThresholdsAt(unit, goal, g.DueBy(p)).Applies && g.ShownIn(p)
}

// Shown is unit's cell for goal on month p's scorecard, and the last
// month of the period it belongs to: the goal's latest result that was
// due by p (see model.Goal.DueBy), judged against the target in force
// when its period ended. For a monthly goal without lag, p's own.
func (s *Scores) Shown(unit, goal int, p model.Period) (Cell, model.Period) {
	end := s.Site.Goals[goal].DueBy(p)
	return s.At(unit, goal, end), end
}

// Summary counts a unit's goals by status on month p's scorecard.
func (s *Scores) Summary(unit int, p model.Period) [NStatus]int {
	var n [NStatus]int
	for g := range s.nGoals {
		if s.OnScorecard(unit, g, p) {
			c, _ := s.Shown(unit, g, p)
			n[c.Status]++
		}
	}
	return n
}

// StatusOf decides the status of a rounded value against thresholds.
func StatusOf(v float64, t Thresholds, higherIsBetter bool) Status {
	if higherIsBetter {
		switch {
		case v >= t.Target:
			return Green
		case v >= t.Yellow:
			return Yellow
		}
		return Red
	}
	switch {
	case v <= t.Target:
		return Green
	case v <= t.Yellow:
		return Yellow
	}
	return Red
}

// figure is what is known of one unit, goal and month before rounding:
// the rows that gave it (several for an office named by several codes)
// or the roll-up of its parts.
type figure struct {
	value, num, den float64
	rows, ratios    int32 // rows, and of them rows with numerator and denominator
	hidden          bool  // suppressed at source, or rolled up from a part that was
	recast          bool  // a successor's, made of its predecessors' before it existed
	// uncomputable is a ratio's roll-up of several parts, one of them
	// given only as its value: no value, though its parts are known.
	uncomputable bool
}

func (f *figure) known() bool { return f.rows > 0 || f.hidden || f.uncomputable }

// ratio reports whether the figure has a numerator and denominator.
func (f *figure) ratio() bool { return f.rows > 0 && f.ratios == f.rows }

// add rolls part into f.
func (f *figure) add(part *figure) {
	if part.hidden {
		f.hidden = true
		return
	}
	f.uncomputable = f.uncomputable || part.uncomputable
	if part.rows == 0 {
		return
	}
	f.rows++
	f.value += part.value
	if part.ratio() {
		f.ratios++
		f.num += part.num
		f.den += part.den
	}
}

// Compute scores a validated site. reported is included in the month range
// even when it has no results, so that its page shows every goal missing.
// Goals are scored one at a time, on every processor: a goal's figures for
// all units and months are what its roll-ups and suppression need, and
// only one goal's at a time need be held, however many goals a site has.
func Compute(site *model.Site, reported model.Period, opt Options) *Scores {
	nCounty, nGoals := len(site.Counties), len(site.Goals)
	// The months after the reported one are not scored: a month too thin
	// to report, shown early, could give back what its later build hides.
	first := reported
	for _, r := range site.Results {
		first = min(first, r.Period)
	}
	s := &Scores{Site: site, First: first, N: int(reported-first) + 1, nGoals: nGoals, reported: reported, countyRows: make([]bool, nGoals)}
	s.organise()
	s.thresholds = make([]Thresholds, len(s.spans)*site.NUnits()*nGoals)
	for sp := range s.spans {
		s.computeThresholds(sp)
	}

	// The rows of each goal, in file order: a counting sort of their
	// indexes.
	start := make([]int32, nGoals+1)
	valueOnly := make([]bool, nGoals) // a ratio row scored gives only its value
	for i := range site.Results {
		r := &site.Results[i]
		start[r.Goal+1]++
		scored := r.Period+model.Period(site.Goals[r.Goal].Lag) <= reported
		valueOnly[r.Goal] = valueOnly[r.Goal] || scored && r.HasValue && !r.HasRatio
	}
	s.valueOnly = valueOnly
	for g := range nGoals {
		start[g+1] += start[g]
	}
	byGoal := make([]int32, len(site.Results))
	next := slices.Clone(start[:nGoals])
	for i := range site.Results {
		g := site.Results[i].Goal
		byGoal[next[g]] = int32(i)
		next[g]++
	}

	s.cells = make([]Cell, site.NUnits()*nGoals*s.N)
	// A span that no goal has an aggregate over (a tertial before the
	// monthly goals' results begin, of a site with a yearly goal's older
	// results) is not published: its report would have nothing to say.
	s.published = slices.DeleteFunc(PublishedSpans(first, reported), func(sp Span) bool {
		for gi := range site.Goals {
			if aggregatesOver(&site.Goals[gi], sp) {
				return false
			}
		}
		return true
	})
	s.aggregates = make([]Aggregate, site.NUnits()*nGoals*len(s.published))
	s.coverage = make([]Coverage, (nCounty+1)*nGoals*s.N)
	s.hiddenTotals = make([][]model.HiddenTotal, nGoals)
	s.tiedTotals = make([][]model.TiedTotal, nGoals)
	// Each processor works in one scratch from goal to goal.
	scratches := sync.Pool{New: func() any { return new(scratch) }}
	score := func(goals []int) {
		workers.Each(len(goals), func(i int) {
			gi := goals[i]
			sc := scratches.Get().(*scratch)
			s.computeGoal(gi, byGoal[start[gi]:start[gi+1]], opt, sc)
			scratches.Put(sc)
		})
	}
	for gi := range nGoals {
		if site.Goals[gi].Persons {
			s.people = append(s.people, gi)
		}
	}
	all := make([]int, nGoals)
	for gi := range all {
		all[gi] = gi
	}
	score(all)
	s.hidePeopleTogether(score, func(gi int) []int32 { return byGoal[start[gi]:start[gi+1]] })
	return s
}

// hidePeopleTogether scores the goals of people again until each hides
// every month of a unit that one of them hides, for whatever reason.
// Goals of people may count the same people, or parts of them, in ways a
// site need not say: a share's numerator may be a count goal's value, a
// share given as its value alone (NAV's HL060) gives the count with the
// unit's labour force, published elsewhere, and a count may be the sum
// of two others. Each goal's rules choose the next part to hide by their
// own sizes (a count by its value, a ratio by its denominator), so a part
// that one goal hides to protect another, another goal would publish (of
// a county of 63 helt ledige, an office's 3 hidden, the count would hide
// the office of 10 and the share the one of 800 in the labour force,
// whose 20 the count shows: 63 − 10 − 20 − 30 = 3). Each goal is scored
// on its own first, and what it hides then stays hidden: a goal whose
// months become due later (one lagged beside one that is not) joins what
// the others hid in the builds before, and does not make them show what
// they hid then (a share that hid the office of 800 in February, before
// the count's February was due, would show it in March beside the
// count's choice, and the two builds together would give the 3 back).
// A goal measured by the tertial or the year hides its period where
// another hides one of its months, which add up to it; where it hides
// its period, the others hide its last month (a month of the period
// hidden, the others do not add up to it). The months hidden only grow
// from round to round, so it ends.
func (s *Scores) hidePeopleTogether(score func(goals []int), rowsOf func(gi int) []int32) {
	if len(s.people) < 2 {
		return
	}
	s.peopleHidden = make([]bool, s.Site.NUnits()*s.N)
	hiddenBy := make([]int32, s.Site.NUnits()*s.N) // the goal that first hid a month, +1
	// The counties' months each goal hides by its own rules, scored on
	// its own: the others it hides are hidden together.
	ownHidden := map[[2]int]bool{} // goal, unit*N + month
	for _, gi := range s.people {
		for unit := s.Site.CountyUnit(0); unit < s.Site.WholeUnit(); unit++ {
			for m, c := range s.Series(unit, gi) {
				if c.Status == Suppressed {
					ownHidden[[2]int{gi, unit*s.N + m}] = true
				}
			}
		}
	}
	for {
		grew := false
		for _, gi := range s.people {
			for unit := range s.Site.NUnits() {
				for m, c := range s.Series(unit, gi) {
					if id := unit*s.N + m; c.Status == Suppressed && !s.peopleHidden[id] {
						s.peopleHidden[id], grew = true, true
						hiddenBy[id] = int32(gi) + 1
					}
				}
			}
		}
		if !grew {
			s.findHiddenTogether(ownHidden, hiddenBy, rowsOf)
			return
		}
		for _, gi := range s.people {
			s.clearGoal(gi)
		}
		score(s.people)
	}
}

// findHiddenTogether finds the counties' own rows of goals of people
// that were hidden only beside the other goals (not among ownHidden), with
// the row of the first month (an index into Site.Results, of rowsOf the
// goal's), and, where another goal hid the county's first such month by
// its own rules (hiddenBy, +1), that goal. A county's month hidden for an
// office without a figure of a goal is a tied total, told as such with
// the county's other goals of people.
func (s *Scores) findHiddenTogether(ownHidden map[[2]int]bool, hiddenBy []int32, rowsOf func(gi int) []int32) {
	site := s.Site
	tied := func(c int, p model.Period) bool {
		for _, totals := range s.tiedTotals {
			for _, t := range totals {
				if t.County == c && slices.Contains(t.Months, p) {
					return true
				}
			}
		}
		return false
	}
	for _, gi := range s.people {
		for c := range site.Counties {
			unit := site.CountyUnit(c)
			var h *model.HiddenTogether
			for m, cell := range s.Series(unit, gi) {
				id := unit*s.N + m
				if cell.Status != Suppressed || !cell.Own || cell.Recast || ownHidden[[2]int{gi, id}] || tied(c, s.Period(m)) {
					continue
				}
				if h == nil {
					s.hiddenTogether = append(s.hiddenTogether, model.HiddenTogether{County: c, Goal: gi, With: -1,
						Row: ownRow(site, rowsOf(gi), unit, s.Period(m))})
					h = &s.hiddenTogether[len(s.hiddenTogether)-1]
					if by := int(hiddenBy[id]) - 1; by != gi && ownHidden[[2]int{by, id}] {
						h.With = by
					}
				}
				h.Months = append(h.Months, s.Period(m))
			}
		}
	}
}

// HiddenTogether are the counties' own rows of goals of people hidden
// only beside another goal of people (see hidePeopleTogether), by goal
// and county.
func (s *Scores) HiddenTogether() []model.HiddenTogether { return s.hiddenTogether }

// tiedHidden reports whether another goal of people hides goal gi's
// cell id (unit*N + month), or one of the months of its period.
func (s *Scores) tiedHidden(gi, id int) bool {
	if k := s.Site.Goals[gi].PeriodMonths(); k > 1 {
		m := id % s.N
		return slices.Contains(s.peopleHidden[id-min(m, k-1):id+1], true)
	}
	return s.peopleHidden[id]
}

// clearGoal forgets goal gi's figures, to score it again.
func (s *Scores) clearGoal(gi int) {
	nSpans := len(s.published)
	for unit := range s.Site.NUnits() {
		clear(s.Series(unit, gi))
		i := (unit*s.nGoals + gi) * nSpans
		clear(s.aggregates[i : i+nSpans])
	}
}

// scratch is what scoring a goal works in: its figures, what suppression
// compares and the totals it protects, each as large as the site's units
// times its months. Kept from goal to goal, they are allocated once per
// processor, not once per goal while every result row is still held.
type scratch struct {
	figs           []figure
	size, den, num []float64
	primary        []bool
	partial        []bool
	rels, spans    relations
	relOf          []int32
	own            []bool // by month's cell: a county's figure of its own, not its offices' roll-up
	protect        protectScratch
}

// zeroed is buf with length n and every element zero, in buf's own array
// where it is large enough.
func zeroed[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, n)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}

// organise finds the site's epochs (see model.Site.Epochs), its spans of
// months with the same targets, and its successors.
func (s *Scores) organise() {
	site := s.Site
	s.epochs, s.epochOf = site.Epochs(s.First, s.N)
	var changes []model.Period
	for gi := range site.Goals {
		changes = append(changes, site.Goals[gi].TargetChanges()...)
	}
	slices.Sort(changes)
	changes = slices.Compact(changes)
	s.spanOf = make([]int, s.N)
	seen := map[[2]int]int{}
	for m := range s.N {
		p := s.Period(m)
		// The number of target changes by p tells apart the spans of one
		// epoch.
		changed, _ := slices.BinarySearch(changes, p+1)
		key := [2]int{s.epochOf[m], changed}
		sp, ok := seen[key]
		if !ok {
			sp = len(s.spans)
			seen[key] = sp
			s.spans = append(s.spans, span{epoch: s.epochOf[m], first: p})
		}
		s.spanOf[m] = sp
	}
	index := map[string]int{}
	for u, id := range site.Units {
		index[id] = u
	}
	for u, id := range site.Units {
		if pred := site.Predecessors(id); len(pred) > 0 {
			l, _ := site.UnitLifetime(u)
			succ := successor{unit: u, until: l.From - 1}
			for _, p := range pred {
				succ.parts = append(succ.parts, index[p])
			}
			s.successors = append(s.successors, succ)
		}
	}
	for c := range site.Counties {
		if len(site.SplitFrom(site.Counties[c].ID)) > 0 {
			s.successors = append(s.successors, s.splitHistory(c)...)
		}
	}
	slices.SortStableFunc(s.successors, func(a, b successor) int { return int(a.until - b.until) })
}

// splitHistory is county c's history before each of its lifetimes that
// began with a split, back to its lifetime before: the figures of the
// offices it has as it begins. Without offices, it has none.
func (s *Scores) splitHistory(c int) []successor {
	site := s.Site
	id, unit := site.Counties[c].ID, site.CountyUnit(c)
	var splits []model.Period // the months the units split into c ended in
	for _, from := range site.SplitFrom(id) {
		for _, l := range site.UnitLives(slices.Index(site.Units, from)) {
			if slices.Contains(l.SplitInto, id) {
				splits = append(splits, l.Until)
			}
		}
	}
	var out []successor
	lives := site.UnitLives(unit)
	for i, l := range lives {
		if l.From == 0 || !slices.Contains(splits, l.From-1) {
			continue
		}
		succ := successor{unit: unit, until: l.From - 1}
		if i > 0 {
			succ.from = lives[i-1].Until + 1
		}
		for o := range site.Offices {
			if site.Offices[o].Alive(l.From) && site.CountyAt(o, l.From) == id {
				succ.parts = append(succ.parts, site.OfficeUnit(o))
			}
		}
		if len(succ.parts) > 0 {
			out = append(out, succ)
		}
	}
	return out
}

// computeGoal scores goal gi for every unit and month from its rows.
func (s *Scores) computeGoal(gi int, rows []int32, opt Options, sc *scratch) {
	site := s.Site
	g := &site.Goals[gi]
	// The figures are kept unrounded for the roll-ups; rounding and
	// status come after.
	sc.figs = zeroed(sc.figs, site.NUnits()*s.N)
	figs := sc.figs
	sc.own = zeroed(sc.own, len(figs))
	at := func(unit, m int) int { return unit*s.N + m }
	for _, ri := range rows {
		r := &site.Results[ri]
		// A result not yet due is not shown early, for the reason the
		// months after the reported one are not scored.
		if r.Period+model.Period(g.Lag) > s.reported {
			continue
		}
		f := &figs[at(int(r.Unit), int(r.Period-s.First))]
		if r.Suppressed {
			f.hidden = true
			continue
		}
		f.rows++
		if r.HasRatio {
			f.ratios++
			f.num += r.Numerator
			f.den += r.Denominator
			f.value += g.RatioValue(r.Numerator, r.Denominator)
		} else {
			f.value += r.Value
		}
	}
	// An office named by several codes has a row for each, combined by
	// the goal's aggregate (validate allows it only where that is exact).
	for i := range figs {
		if f := &figs[i]; f.rows > 1 {
			if f.ratio() {
				f.value = g.RatioValue(f.num, f.den)
				f.ratios = 1
			}
			f.rows = 1
		}
	}

	cov := func(unit, m int) *Coverage {
		return &s.coverage[((unit-site.CountyUnit(0))*s.nGoals+gi)*s.N+m]
	}
	whole := site.WholeUnit()
	for m := range s.N {
		p := s.Period(m)
		org := &s.epochs[s.epochOf[m]]
		s.recast(g, gi, figs, nil, m, false)
		var all figure // every unit that reports, for a mean over the site
		var allCov Coverage
		for _, c := range org.Counties {
			unit := site.CountyUnit(c)
			if !s.ThresholdsAt(unit, gi, p).Applies {
				continue
			}
			var roll figure
			var rollCov Coverage
			for _, o := range org.OfficesOf[c] {
				if !s.ThresholdsAt(o, gi, p).Applies {
					continue
				}
				part := &figs[at(o, m)]
				rollCov.Expected++
				if part.known() {
					rollCov.Reported++
				}
				roll.add(part)
				all.add(part)
			}
			allCov.Expected += rollCov.Expected
			allCov.Reported += rollCov.Reported
			f := &figs[at(unit, m)]
			switch {
			case len(org.OfficesOf[c]) == 0:
				// A county without offices reports for itself, and is one
				// of the units the whole site's mean is over.
				sc.own[at(unit, m)] = true
				*cov(unit, m) = Coverage{Expected: 1}
				if f.known() {
					cov(unit, m).Reported = 1
				}
				all.add(f)
				allCov.Expected++
				allCov.Reported += cov(unit, m).Reported
			case f.known():
				// Measured at county level: it stands for every office.
				sc.own[at(unit, m)] = true
				s.countyRows[gi] = true
				*cov(unit, m) = Coverage{rollCov.Expected, rollCov.Expected}
			default:
				*f = rollUp(g, roll)
				*cov(unit, m) = rollCov
				if g.Aggregate == "sum" && !judged(rollCov, true, opt) {
					*f = figure{hidden: f.hidden}
				}
			}
		}
		s.recast(g, gi, figs, sc.own, m, true)
		if !s.ThresholdsAt(whole, gi, p).Applies {
			continue
		}
		if g.Aggregate == "mean" {
			figs[at(whole, m)] = rollUp(g, all)
			*cov(whole, m) = allCov
			continue
		}
		// Sums and ratios roll up the counties' figures, so that the whole
		// site agrees with the counties it shows.
		var counties figure
		var countiesCov Coverage
		for _, c := range org.Counties {
			unit := site.CountyUnit(c)
			if !s.ThresholdsAt(unit, gi, p).Applies {
				continue
			}
			countiesCov.Expected += cov(unit, m).Expected
			countiesCov.Reported += cov(unit, m).Reported
			counties.add(&figs[at(unit, m)])
		}
		figs[at(whole, m)] = rollUp(g, counties)
		*cov(whole, m) = countiesCov
		if g.Aggregate == "sum" && !judged(countiesCov, true, opt) {
			figs[at(whole, m)] = figure{hidden: counties.hidden}
		}
	}

	s.hiddenTotals[gi] = s.findHiddenTotals(gi, rows, figs, sc.own)

	// What suppression compares: a ratio's denominator where it is known
	// (den, with its numerator in num), else the value (size), by cell
	// (see suppress): the months', then the aggregates'.
	sc.size = zeroed(sc.size, len(figs)+site.NUnits()*len(s.published))
	sc.den = zeroed(sc.den, len(sc.size))
	sc.num = zeroed(sc.num, len(sc.size))
	sc.partial = zeroed(sc.partial, len(figs))
	size, den, num, partial := sc.size, sc.den, sc.num, sc.partial
	s.aggregateGoal(gi, figs, opt, size[len(figs):], den[len(figs):], num[len(figs):], &sc.spans)
	for unit := range site.NUnits() {
		if !s.Thresholds(unit, gi).Applies {
			continue
		}
		cells := s.Series(unit, gi)
		for m := range s.N {
			f := &figs[at(unit, m)]
			t := s.ThresholdsAt(unit, gi, s.Period(m))
			cells[m].Recast = f.recast
			i := at(unit, m)
			if f.rows > 0 {
				size[i] = math.Abs(f.value)
				if f.ratio() {
					size[i], den[i], num[i] = f.den, f.den, f.num
				}
			}
			switch {
			case f.hidden:
				cells[m].Status, cells[m].HiddenAt = Suppressed, PartAtSource
				if !f.recast && (unit < site.CountyUnit(0) || sc.own[i]) {
					cells[m].HiddenAt = RowAtSource
				}
			case unit >= site.CountyUnit(0) && cov(unit, m).Reported > 0 &&
				!judged(*cov(unit, m), g.Aggregate == "sum", opt):
				cells[m].Status = Incomplete
				// Not shown, but its figure counts in its spans'.
				partial[i] = f.rows > 0
			case f.uncomputable:
				cells[m].Status = Uncomputable
			case f.rows == 0:
			default:
				v := Round(f.value, g.Decimals)
				cells[m] = Cell{Value: v, Status: StatusOf(v, t, g.HigherIsBetter()), Recast: f.recast}
				if f.ratio() {
					cells[m].Num, cells[m].Den = f.num, f.den
				}
			}
			// A county without offices has only rows of its own: no
			// other kind of figure to tell them from. A recast one is
			// own where its parts' are (see recast).
			cells[m].Own = sc.own[i] && unit < site.WholeUnit() && (s.hasOffices(unit, m) || f.recast)
		}
	}
	s.suppress(gi, sc, opt.MinCount)
	for i := range s.tiedTotals[gi] {
		t := &s.tiedTotals[gi][i]
		t.Goal, t.Row = gi, ownRow(site, rows, site.CountyUnit(t.County), t.Months[0])
	}
	for unit := range site.NUnits() {
		if s.Thresholds(unit, gi).Applies {
			s.markChanges(unit, g, s.Series(unit, gi))
		}
	}
}

// HiddenTotals are the counties' figures that a part hidden at source
// hid, the county having no row of its own, by goal and county; a goal
// of an office's own has no county figure.
func (s *Scores) HiddenTotals() []model.HiddenTotal {
	var all []model.HiddenTotal
	for _, totals := range s.hiddenTotals {
		all = append(all, totals...)
	}
	return all
}

// TiedTotals are the counties' own figures that suppression hid for an
// office without a figure of their goal, which another goal hides (see
// suppress), by goal and county.
func (s *Scores) TiedTotals() []model.TiedTotal {
	var all []model.TiedTotal
	for _, totals := range s.tiedTotals {
		all = append(all, totals...)
	}
	return all
}

// findHiddenTotals finds goal gi's hidden totals in its figures, own
// telling a county's own figure from its offices' roll-up; rows are the
// goal's results.
func (s *Scores) findHiddenTotals(gi int, rows []int32, figs []figure, own []bool) []model.HiddenTotal {
	site := s.Site
	var totals []model.HiddenTotal
	whole := site.WholeUnit()
	for c := range site.Counties {
		unit := site.CountyUnit(c)
		var t model.HiddenTotal
		for m := range s.N {
			i := unit*s.N + m
			if !figs[i].hidden || own[i] || figs[i].recast || !s.ThresholdsAt(unit, gi, s.Period(m)).Applies {
				continue
			}
			t.Months = append(t.Months, s.Period(m))
			t.Whole = t.Whole || figs[whole*s.N+m].hidden
		}
		if t.Months == nil {
			continue
		}
		t.County, t.Goal, t.Row = c, gi, hiddenRow(site, rows, t.Months, s.epochs[s.epochOf[t.Months[0]-s.First]].OfficesOf[c])
		if t.Row >= 0 {
			totals = append(totals, t)
		}
	}
	return totals
}

// ownRow is the row of rows that unit has of its own in month p (an index
// into site.Results), -1 for none.
func ownRow(site *model.Site, rows []int32, unit int, p model.Period) int {
	for _, ri := range rows {
		if r := &site.Results[ri]; int(r.Unit) == unit && r.Period == p {
			return int(ri)
		}
	}
	return -1
}

// hiddenRow is the first of rows hidden at source of one of offices in
// the first of months (an index into site.Results), or -1 where the
// hidden part was recast from a predecessor's rows.
func hiddenRow(site *model.Site, rows []int32, months []model.Period, offices []int) int {
	for _, ri := range rows {
		if r := &site.Results[ri]; r.Suppressed && r.Period == months[0] && slices.Contains(offices, int(r.Unit)) {
			return int(ri)
		}
	}
	return -1
}

// recast gives each successor, for month m before it existed, its
// predecessors' figures combined as rollUp combines a county's offices,
// where the goal's aggregate makes that exact: a sum, or a ratio (of
// several predecessors given as values, uncomputable). Otherwise it has
// no figure then. Offices first
// (counties is false), before their counties are rolled up; counties
// after, before the whole site is. A county's recast month has the
// coverage of its parts, a county's offices' and an office itself, as a
// roll-up has, and none reported where it has no figure; and is its own
// (own, by unit and month) where each part's is the own row of a county
// that has offices, as a reform's counties with NAV's county totals have.
func (s *Scores) recast(g *model.Goal, gi int, figs []figure, own []bool, m int, counties bool) {
	site := s.Site
	p := s.Period(m)
	exact := g.Aggregate == "sum" || g.Aggregate == "ratio"
	for _, succ := range s.successors {
		u := succ.unit
		if (u >= site.CountyUnit(0)) != counties {
			continue
		}
		if !exact || p > succ.until || p < succ.from || !s.Thresholds(u, gi).Applies {
			continue
		}
		// A part that existed then, or had a recast figure of its own to
		// have, without a figure would leave the total short: then there
		// is none.
		var parts figure
		var cov Coverage
		complete, ownRows := true, counties
		for _, pu := range succ.parts {
			part := &figs[pu*s.N+m]
			expected := site.UnitAlive(pu, p) || s.recastable(g, pu, p)
			complete = complete && (part.known() || !expected)
			parts.add(part)
			// A split's parts are offices, whose figures are no row of
			// a county's own.
			ownRows = ownRows && pu >= site.CountyUnit(0) && own[pu*s.N+m] && s.hasOffices(pu, m)
			switch {
			case pu >= site.CountyUnit(0):
				c := s.coverage[((pu-site.CountyUnit(0))*s.nGoals+gi)*s.N+m]
				cov.Reported += c.Reported
				cov.Expected += c.Expected
			case expected:
				cov.Expected++
				if part.known() {
					cov.Reported++
				}
			}
		}
		f := rollUp(g, parts)
		if !complete || !f.known() {
			f, cov.Reported = figure{}, 0
		} else {
			f.recast = true
			if ownRows {
				own[u*s.N+m] = true
			}
		}
		figs[u*s.N+m] = f
		if counties {
			s.coverage[((u-site.CountyUnit(0))*s.nGoals+gi)*s.N+m] = cov
		}
	}
}

// hasOffices reports whether county unit has offices in month index m.
func (s *Scores) hasOffices(unit, m int) bool {
	return len(s.epochs[s.epochOf[m]].OfficesOf[unit-s.Site.CountyUnit(0)]) > 0
}

// recastable reports whether unit, in month p before it began, should
// have a recast figure of goal g: g's aggregate makes one exact and a unit
// it is made of existed then, or should have had one itself.
// Stands reports whether unit is there in month p for goal g: it existed
// then, or, a successor before it began, g's figures recast from units
// that did (see recastable) stand for it, whether that month's could be
// made or not.
func (s *Scores) Stands(g *model.Goal, unit int, p model.Period) bool {
	return s.Exists(unit, p) || s.recastable(g, unit, p)
}

func (s *Scores) recastable(g *model.Goal, unit int, p model.Period) bool {
	if g.Aggregate != "sum" && g.Aggregate != "ratio" {
		return false
	}
	for _, succ := range s.successors {
		if succ.unit == unit && succ.from <= p && p <= succ.until &&
			slices.ContainsFunc(succ.parts, func(pu int) bool { return s.Site.UnitAlive(pu, p) || s.recastable(g, pu, p) }) {
			return true
		}
	}
	return false
}

// rollUp is a county's or the whole site's figure from its parts': ratio
// Σ numerator / Σ denominator, mean the mean of the values, sum the sum. A
// ratio of several parts needs every part's numerator and denominator,
// else it is uncomputable rather than wrong (one part given as its value
// is that value); a part hidden at source hides the roll-up, unless a
// part given as its value leaves a ratio uncomputable whatever the hidden
// parts hold: to call it hidden would say it could be shown but for them.
func rollUp(g *model.Goal, parts figure) figure {
	if parts.uncomputable || g.Aggregate == "ratio" && parts.ratios < parts.rows && (parts.rows > 1 || parts.hidden) {
		return figure{uncomputable: true}
	}
	if parts.hidden || parts.rows == 0 {
		return figure{hidden: parts.hidden}
	}
	f := figure{rows: 1}
	switch g.Aggregate {
	case "ratio":
		if parts.ratios == 0 {
			// A share given as its value stands for itself.
			f.value = parts.value
			break
		}
		if parts.den <= 0 {
			return figure{}
		}
		f.num, f.den, f.ratios = parts.num, parts.den, 1
		f.value = g.RatioValue(parts.num, parts.den)
	case "mean":
		f.value = parts.value / float64(parts.rows)
	case "sum":
		f.value = parts.value
	}
	return f
}

// computeThresholds sets every unit's thresholds in span sp, as its
// organisation has the offices in their counties and as the targets are
// in its first month.
func (s *Scores) computeThresholds(sp int) {
	site := s.Site
	org, p := &s.epochs[s.spans[sp].epoch], s.spans[sp].first
	th := s.thresholds[sp*site.NUnits()*s.nGoals : (sp+1)*site.NUnits()*s.nGoals]
	nCounty := len(site.Counties)
	for gi := range site.Goals {
		g := &site.Goals[gi]
		own := map[string]Thresholds{}
		for _, o := range g.Overrides {
			if in := g.OverrideAt(o.Unit, p); in != nil {
				own[o.Unit] = Thresholds{Target: in.Target, Yellow: in.Yellow, Applies: true, Source: FromOwn, Since: in.From}
			}
		}
		goalT := Thresholds{Applies: true}
		goalT.Target, goalT.Yellow, goalT.Since = g.TargetAt(p)
		countySum := make([]Thresholds, nCounty)
		for i, o := range site.Offices {
			county := site.Counties[org.OfficeCounty[i]].ID
			if !g.AppliesTo(o.ID, county) {
				continue
			}
			t, ok := own[o.ID]
			if !ok && g.Aggregate != "sum" {
				t, ok = own[county]
				t.Source = FromCounty
			}
			if !ok {
				t = goalT
				// A local goal's target is its owner's own.
				switch g.Owner {
				case o.ID:
					t.Source = FromOwn
				case county:
					t.Source = FromCounty
				}
			}
			th[i*s.nGoals+gi] = t
			if !org.Alive[site.OfficeUnit(i)] {
				continue
			}
			cs := &countySum[org.OfficeCounty[i]]
			cs.Target += t.Target
			cs.Yellow += t.Yellow
			cs.Applies = true
		}
		wholeSum := Thresholds{}
		for c, county := range site.Counties {
			if !g.AppliesTo(county.ID, "") {
				continue
			}
			t, ok := own[county.ID]
			if !ok && g.Aggregate == "sum" && countySum[c].Applies {
				t, ok = countySum[c], true
				t.Source = FromSum
			}
			if !ok {
				t = goalT
				if g.Owner == county.ID {
					t.Source = FromOwn
				}
			}
			th[s.County(c)*s.nGoals+gi] = t
			if org.Alive[s.County(c)] {
				wholeSum.Target += t.Target
				wholeSum.Yellow += t.Yellow
			}
		}
		if g.Owner == "" {
			t := goalT
			if g.Aggregate == "sum" {
				t = wholeSum
				t.Applies, t.Source = true, FromSum
			}
			th[s.Whole()*s.nGoals+gi] = t
		}
		for u := range site.NUnits() {
			t := &th[u*s.nGoals+gi]
			t.Target, t.Yellow = Round(t.Target, g.Decimals), Round(t.Yellow, g.Decimals)
		}
	}
}

// Gap is how far unit's value for goal in month p is from its target, in
// widths of its yellow band, positive on the wrong side: a red goal 2
// bands short is further off than a yellow one half a band short. It is 0
// for a cell without a value, and uses a band of 1 where the band is empty.
func (s *Scores) Gap(unit, goal int, p model.Period) float64 {
	c := s.At(unit, goal, p)
	if !c.Has() {
		return 0
	}
	return gap(c.Value, s.ThresholdsAt(unit, goal, p), s.Site.Goals[goal].HigherIsBetter())
}

// gap is how far v is from t's target, as Gap says.
func gap(v float64, t Thresholds, higherIsBetter bool) float64 {
	band := math.Abs(t.Target - t.Yellow)
	if band == 0 {
		band = 1
	}
	if higherIsBetter {
		return (t.Target - v) / band
	}
	return (v - t.Target) / band
}

// markChanges judges each month's change from the month before against
// the unit's natural variation (see xmr): beyond xmr.RangeLimit times its
// usual change is a signal, for the better or the worse. A change between
// two measures (see ChangeKind) is neither judged nor counted in the
// usual change.
func (s *Scores) markChanges(unit int, g *model.Goal, cells []Cell) {
	xmr.Walk(len(cells), func(m int) (float64, bool) { return cells[m].Value, cells[m].Has() }, func(m int) bool {
		return s.KindOfChange(unit, g, cells[m-1], cells[m], s.Period(m-1), s.Period(m)).OneMeasure()
	}, func(st xmr.Step) {
		cells[st.Month].Change = judge(st, g.HigherIsBetter())
	})
}

// ChangeKind is what a change of a unit's figure from one period to
// another is between.
type ChangeKind uint8

const (
	SameMeasure  ChangeKind = iota // two figures of one measure
	FromRecast                     // a successor's first from its predecessors' combined
	ToOwnRow                       // a county's own row from its offices' figure
	FromOwnRow                     // its offices' figure from its own row
	OtherOffices                   // figures of other offices
)

// OneMeasure reports whether a change of kind k is of one measure, to be
// judged better or worse: a successor's recast figure of the offices it
// begins with is (one of other offices is OtherOffices).
func (k ChangeKind) OneMeasure() bool { return k == SameMeasure || k == FromRecast }

// KindOfChange is what unit's change of goal g from prev, of the period
// ending in month before, to cur, of the one ending in now, is between. A
// county's own row is checked first: against its recast offices' figure
// it is another measure too. A county's or the whole site's mean over
// its offices is of other offices where one merged into another, which
// leaves a sum of the same: the mean is then over fewer.
func (s *Scores) KindOfChange(unit int, g *model.Goal, prev, cur Cell, before, now model.Period) ChangeKind {
	switch {
	case cur.Own && !prev.Own:
		return ToOwnRow
	case prev.Own && !cur.Own:
		return FromOwnRow
	case !s.SameOffices(unit, before, now),
		g.Aggregate == "mean" && unit >= s.Site.CountyUnit(0) && !s.sameSet(unit, before, now):
		return OtherOffices
	case prev.Recast && !cur.Recast:
		return FromRecast
	}
	return SameMeasure
}

// CountyOf is the index of the county office o belongs to in month p
// (see model.Site.CountyAt), -1 for none.
func (s *Scores) CountyOf(o int, p model.Period) int {
	if i := int(p - s.First); i >= 0 && i < s.N {
		return s.epochs[s.epochOf[i]].OfficeCounty[o]
	}
	c, _ := s.Site.County(s.Site.CountyAt(o, p))
	return c
}

// SameOffices reports whether unit's figures of months a and b stand for
// the same offices. An office's do where no other office went into it
// between them; a county's where the offices it has in b stand for those
// it had in a, followed through mergers, and for no other county's; the
// whole site's where no office opened or closed. A unit that did not
// exist in one of them has there its recast figure: of the same offices
// where its parts' offices are its own in the other.
func (s *Scores) SameOffices(unit int, a, b model.Period) bool {
	ia, ib, apart := s.epochsApart(a, b)
	if !apart {
		return true
	}
	if ia > ib {
		ia, ib = ib, ia
	}
	key := ia*s.N + ib
	same, ok := s.sameOffices.Load(key)
	if !ok {
		same, _ = s.sameOffices.LoadOrStore(key, s.sameOfficesOf(ia, ib))
	}
	return same.([]bool)[unit]
}

// sameSet reports whether unit, a county or the whole site, has the very
// same offices in months a and b (see KindOfChange).
func (s *Scores) sameSet(unit int, a, b model.Period) bool {
	ia, ib, apart := s.epochsApart(a, b)
	if !apart {
		return true
	}
	ea, eb := &s.epochs[s.epochOf[ia]], &s.epochs[s.epochOf[ib]]
	if unit == s.Site.WholeUnit() {
		// Its offices, and its counties without offices, which report
		// for themselves.
		a, b := ea.Reporting(s.Site), eb.Reporting(s.Site)
		slices.Sort(a)
		slices.Sort(b)
		return slices.Equal(a, b)
	}
	c := unit - s.Site.CountyUnit(0)
	return slices.Equal(ea.OfficesOf[c], eb.OfficesOf[c])
}

// epochsApart are the indexes of months a and b, and whether both are
// months of the scores in other epochs: only then can a unit's offices
// differ between them.
func (s *Scores) epochsApart(a, b model.Period) (ia, ib int, apart bool) {
	ia, ib = int(a-s.First), int(b-s.First)
	return ia, ib, ia >= 0 && ib >= 0 && ia < s.N && ib < s.N && s.epochOf[ia] != s.epochOf[ib]
}

// sameOfficesOf is, by unit, whether its figures of the months of index
// ia and ib (ia before ib) stand for the same offices (see SameOffices).
func (s *Scores) sameOfficesOf(ia, ib int) []bool {
	site := s.Site
	ea, eb := &s.epochs[s.epochOf[ia]], &s.epochs[s.epochOf[ib]]
	same := make([]bool, site.NUnits())
	for u := range same {
		same[u] = true
	}
	differ := func(units ...int) {
		for _, u := range units {
			if ea.Alive[u] && eb.Alive[u] {
				same[u] = false
			}
		}
	}
	// Each office of a, by the offices it is in b: itself or the one it
	// went into, or those it was split among; none where it closed. How
	// many of a each office of b stands for.
	in := make([][]int, len(site.Offices))
	from := make([]int, len(site.Offices))
	for o := range site.Offices {
		if !ea.Alive[o] {
			continue
		}
		if into := site.PartOfAt(o, s.Period(ib)); into >= 0 {
			in[o] = []int{into}
		} else {
			in[o] = site.SplitAmongAt(o, s.Period(ib))
		}
		if in[o] == nil {
			// Gone from its county's and the whole site's figures.
			differ(site.CountyUnit(ea.OfficeCounty[o]), site.WholeUnit())
		}
		// An office it went into, or a share of it, is of other offices,
		// as their counties are where it leaves its own.
		for _, part := range in[o] {
			from[part]++
			if part != o {
				differ(part)
			}
			if ca, cb := ea.OfficeCounty[o], eb.OfficeCounty[part]; ca != cb {
				differ(site.CountyUnit(ca), site.CountyUnit(cb))
			}
		}
	}
	for o := range site.Offices {
		if eb.Alive[o] && from[o] == 0 {
			differ(site.CountyUnit(eb.OfficeCounty[o]), site.WholeUnit())
		}
	}
	// A successor has in a, before it began, its parts' figures combined
	// (see recast): of the same offices only where its parts' offices of
	// a are, in b, its own, all of them and nothing else. Not so where a
	// reform moved an office to another county as it merged the counties
	// (Hornindal from Sogn og Fjordane to Møre og Romsdal in 2020).
	p := s.Period(ia)
	for _, succ := range s.successors {
		u := succ.unit
		if ea.Alive[u] || !eb.Alive[u] || p < succ.from || p > succ.until {
			continue
		}
		recastOf := make([]bool, len(site.Offices))
		s.markRecastOffices(succ, p, ea, recastOf)
		own := func(o int) bool { return o == u || u >= site.CountyUnit(0) && site.CountyUnit(eb.OfficeCounty[o]) == u }
		fromRecast := make([]int, len(site.Offices))
		for o, of := range recastOf {
			if !of {
				continue
			}
			if in[o] == nil {
				same[u] = false
				break
			}
			for _, part := range in[o] {
				if !own(part) {
					same[u] = false
				}
				fromRecast[part]++
			}
		}
		for o := range site.Offices {
			if eb.Alive[o] && own(o) && (fromRecast[o] == 0 || fromRecast[o] != from[o]) {
				same[u] = false
			}
		}
	}
	return same
}

// markRecastOffices marks the offices whose figures of month p a
// successor's recast figure is made of: its parts that are offices, and
// its parts' offices, through parts that are themselves recast then.
func (s *Scores) markRecastOffices(succ successor, p model.Period, org *model.Organisation, marks []bool) {
	site := s.Site
	for _, pu := range succ.parts {
		switch {
		case org.Alive[pu] && pu < site.CountyUnit(0):
			marks[pu] = true
		case org.Alive[pu]:
			for _, o := range org.OfficesOf[pu-site.CountyUnit(0)] {
				marks[o] = true
			}
		default:
			for _, part := range s.successors {
				if part.unit == pu && part.from <= p && p <= part.until {
					s.markRecastOffices(part, p, org, marks)
				}
			}
		}
	}
}

// judge is the signal rule: a step's change beyond xmr.RangeLimit times
// its usual change is a signal, for the better or the worse.
func judge(st xmr.Step, higherIsBetter bool) Change {
	switch {
	case st.Change == 0:
		return NoChange
	case !st.Judged():
		return TooFewMonths
	case st.Beyond(xmr.RangeLimit):
		if (st.Change > 0) == higherIsBetter {
			return SignalBetter
		}
		return SignalWorse
	}
	return Usual
}
