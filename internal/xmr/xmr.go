// Package xmr judges a series' month-to-month changes against its own
// natural variation, as a process behaviour chart of individuals and
// moving ranges (XmR) does. Scores mark a change beyond the chart's limit
// as a signal; validate asks about a change far beyond it as a likely
// slip. Both read a series through Walk, so that they agree on which
// changes count and how missing months are treated.
package xmr

import "math"

// RangeLimit is the XmR chart's upper range limit in mean moving ranges:
// a change larger than it is beyond the series' natural variation.
const RangeLimit = 3.27

// Months is how many months before a change its usual size is taken over,
// and MinChanges how few changes in them are too few to judge by.
const Months, MinChanges = 12, 6

// Step is one month's change from the month before and the usual size of
// the series' changes over the Months before it.
type Step struct {
	Month int
	// Change is this month's value minus the month before's.
	Change float64
	// Usual is the mean size of the changes over the Months before, and
	// Changes how many changes it is the mean of: a month without a value
	// gives no change into it or out of it, and the window still spans
	// Months months, so a gap thins the history rather than ending it.
	Usual   float64
	Changes int
}

// Judged reports whether there are enough changes before the step to
// judge it by.
func (s Step) Judged() bool { return s.Changes >= MinChanges }

// Beyond reports whether the change is larger than factor times the usual
// change, with enough changes before it to judge.
func (s Step) Beyond(factor float64) bool {
	return s.Judged() && math.Abs(s.Change) > factor*s.Usual
}

// Walk calls step for each of n months that has a value and a value the
// month before. value gives month m's value, or false where it has none;
// joined, if not nil, reports whether month m's value is of the same
// measure as the month before's: where it is not, there is no change into
// m, to judge or to count in the usual change.
func Walk(n int, value func(m int) (float64, bool), joined func(m int) bool, step func(Step)) {
	change := func(m int) (float64, bool) {
		if m < 1 || joined != nil && !joined(m) {
			return 0, false
		}
		v, ok := value(m)
		if !ok {
			return 0, false
		}
		prev, ok := value(m - 1)
		return v - prev, ok
	}
	sum, count := 0.0, 0
	for m := range n {
		d, ok := change(m)
		if ok {
			usual := 0.0
			if count > 0 {
				usual = sum / float64(count)
			}
			step(Step{Month: m, Change: d, Usual: usual, Changes: count})
			sum += math.Abs(d)
			count++
		}
		// The window moves on: the change Months before this month out.
		if old, ok := change(m - Months); ok {
			sum -= math.Abs(old)
			count--
		}
	}
}
