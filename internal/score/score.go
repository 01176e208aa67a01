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
	"github.com/malekort/malekort/internal/model"
)

// Status is a cell's standing against its goal.
type Status uint8

// Statuses, worst to best after Missing; Suppressed hides a value that
// would tell about too few people.
const (
	Missing Status = iota
	Red
	Yellow
	Green
	Suppressed
)

// NStatus is the number of statuses, for counting by status.
const NStatus = 5

func (s Status) String() string {
	return [...]string{"missing", "red", "yellow", "green", "suppressed"}[s]
}

// Thresholds are a unit's target and yellow bound for a goal, rounded to
// the goal's decimals. Applies is false when the goal is not on the unit's
// scorecard.
type Thresholds struct {
	Target, Yellow float64
	Applies        bool
}

// Cell is a unit's result for a goal in one month, rounded as displayed.
type Cell struct {
	Value  float64
	Status Status
}

// Has reports whether the cell has a value that may be shown.
func (c Cell) Has() bool { return c.Status != Missing && c.Status != Suppressed }

// Scores is the computed scorecard. Units are numbered offices first (in
// the order of Site.Offices), then counties, then the whole site.
type Scores struct {
	Site *model.Site
	// First is the first month with results; N months follow without gaps.
	First model.Period
	N     int

	nGoals     int
	thresholds []Thresholds // [unit*nGoals + goal]
	cells      []Cell       // [(unit*nGoals+goal)*N + month]
}

// Office, County and Whole return unit numbers (see model.Site.OfficeUnit).
func (s *Scores) Office(i int) int { return s.Site.OfficeUnit(i) }
func (s *Scores) County(i int) int { return s.Site.CountyUnit(i) }
func (s *Scores) Whole() int       { return s.Site.WholeUnit() }

// Thresholds returns unit's thresholds for goal.
func (s *Scores) Thresholds(unit, goal int) Thresholds { return s.thresholds[unit*s.nGoals+goal] }

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

// Period returns the i-th month of the range.
func (s *Scores) Period(i int) model.Period { return s.First + model.Period(i) }

// Summary counts a unit's goals by status in month p.
func (s *Scores) Summary(unit int, p model.Period) [NStatus]int {
	var n [NStatus]int
	for g := range s.nGoals {
		if s.Thresholds(unit, g).Applies {
			n[s.At(unit, g, p).Status]++
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

// accumulator rolls office results up for one unit, goal and month.
type accumulator struct {
	num, den, sum float64
	n             int32
	valueOnly     bool // a ratio row without numerator and denominator
}

// Compute scores a validated site. reported is included in the month range
// even when it has no results, so that its page shows every goal missing.
// Ratio values resting on a denominator below minCount are suppressed (see
// suppress); 0 turns suppression off.
func Compute(site *model.Site, reported model.Period, minCount float64) *Scores {
	nOff, nCounty, nGoals := len(site.Offices), len(site.Counties), len(site.Goals)
	nUnits := site.NUnits()
	first, last := reported, reported
	for _, r := range site.Results {
		first, last = min(first, r.Period), max(last, r.Period)
	}
	s := &Scores{Site: site, First: first, N: int(last-first) + 1, nGoals: nGoals}
	countyIndex := map[string]int{}
	for i, c := range site.Counties {
		countyIndex[c.ID] = i
	}
	officeCounty := make([]int, nOff)
	for i, o := range site.Offices {
		officeCounty[i] = countyIndex[o.County]
	}
	s.computeThresholds(countyIndex, officeCounty)

	// Office values are kept unrounded for the roll-ups; county-level rows
	// are kept apart because they replace a roll-up rather than feed one.
	raw := make([]float64, nUnits*nGoals*s.N)
	has := make([]bool, nUnits*nGoals*s.N)
	// den holds each office's denominator and each county's and the
	// whole's sum of them, for suppression; 0 where unknown.
	den := make([]float64, nUnits*nGoals*s.N)
	rollup := make([]accumulator, (nCounty+1)*nGoals*s.N)
	idx := func(unit, goal int, p model.Period) int { return (unit*nGoals+goal)*s.N + int(p-first) }
	for i := range site.Results {
		r := &site.Results[i]
		g := &site.Goals[r.Goal]
		v := r.Value
		if r.HasRatio {
			v = g.RatioValue(r.Numerator, r.Denominator)
		}
		u := int(r.Unit)
		raw[idx(u, int(r.Goal), r.Period)] = v
		has[idx(u, int(r.Goal), r.Period)] = true
		if r.HasRatio {
			den[idx(u, int(r.Goal), r.Period)] = r.Denominator
		}
		if u >= site.CountyUnit(0) {
			continue // a county-level row replaces a roll-up, below
		}
		for _, c := range []int{officeCounty[u], nCounty} {
			a := &rollup[(c*nGoals+int(r.Goal))*s.N+int(r.Period-first)]
			a.n++
			a.sum += v
			if r.HasRatio {
				a.num += r.Numerator
				a.den += r.Denominator
			} else {
				a.valueOnly = true
			}
		}
	}
	for c := 0; c <= nCounty; c++ {
		unit := site.CountyUnit(c)
		for gi := range site.Goals {
			g := &site.Goals[gi]
			for m := range s.N {
				i := (unit*nGoals+gi)*s.N + m
				if has[i] {
					continue // measured at county level
				}
				a := rollup[(c*nGoals+gi)*s.N+m]
				if a.n == 0 {
					continue
				}
				switch g.Aggregate {
				case "ratio":
					if a.valueOnly || a.den <= 0 {
						continue
					}
					raw[i] = g.RatioValue(a.num, a.den)
					den[i] = a.den
				case "mean":
					raw[i] = a.sum / float64(a.n)
				case "sum":
					raw[i] = a.sum
				}
				has[i] = true
			}
		}
	}
	s.cells = make([]Cell, len(raw))
	for unit := range nUnits {
		for gi := range site.Goals {
			g := &site.Goals[gi]
			t := s.Thresholds(unit, gi)
			if !t.Applies {
				continue
			}
			for m := range s.N {
				i := (unit*nGoals+gi)*s.N + m
				if !has[i] {
					continue
				}
				v := Round(raw[i], g.Decimals)
				s.cells[i] = Cell{Value: v, Status: StatusOf(v, t, g.HigherIsBetter())}
			}
		}
	}
	if minCount > 0 {
		s.suppress(den, officeCounty, minCount)
	}
	return s
}

func (s *Scores) computeThresholds(countyIndex map[string]int, officeCounty []int) {
	site := s.Site
	nCounty := len(site.Counties)
	s.thresholds = make([]Thresholds, site.NUnits()*s.nGoals)
	for gi := range site.Goals {
		g := &site.Goals[gi]
		own := map[string]Thresholds{}
		for _, o := range g.Overrides {
			own[o.Unit] = Thresholds{Target: o.Target, Yellow: o.Yellow, Applies: true}
		}
		goalT := Thresholds{Target: g.Target, Yellow: g.Yellow, Applies: true}
		countySum := make([]Thresholds, nCounty)
		for i, o := range site.Offices {
			county := site.Counties[officeCounty[i]].ID
			if !g.AppliesTo(o.ID, county) {
				continue
			}
			t, ok := own[o.ID]
			if !ok && g.Aggregate != "sum" {
				t, ok = own[county]
			}
			if !ok {
				t = goalT
			}
			s.thresholds[i*s.nGoals+gi] = t
			cs := &countySum[officeCounty[i]]
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
			}
			if !ok {
				t = goalT
			}
			s.thresholds[s.County(c)*s.nGoals+gi] = t
			wholeSum.Target += t.Target
			wholeSum.Yellow += t.Yellow
		}
		if g.Owner == "" {
			t := goalT
			if g.Aggregate == "sum" {
				t = wholeSum
				t.Applies = true
			}
			s.thresholds[s.Whole()*s.nGoals+gi] = t
		}
		for u := range site.NUnits() {
			t := &s.thresholds[u*s.nGoals+gi]
			t.Target, t.Yellow = Round(t.Target, g.Decimals), Round(t.Yellow, g.Decimals)
		}
	}
}
