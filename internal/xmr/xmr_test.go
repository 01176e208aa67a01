package xmr

import (
	"math"
	"testing"
)

// TestWalk: each month with a value and one the month before is a step;
// its usual change is the mean size of the changes in the Months before,
// a gap giving no change into or out of it but not ending the window.
func TestWalk(t *testing.T) {
	nan := math.NaN()
	values := []float64{10, 11, 10, 11, nan, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 30}
	var steps []Step
	Walk(len(values), func(m int) (float64, bool) { return values[m], !math.IsNaN(values[m]) }, nil, func(s Step) { steps = append(steps, s) })
	if len(steps) != 13 { // 15 changes, less the two into and out of the gap
		t.Fatalf("%d steps, want 13: %+v", len(steps), steps)
	}
	if s := steps[3]; s.Month != 6 || s.Changes != 3 || s.Usual != 1 {
		t.Errorf("the step after the gap: %+v, want month 6 after 3 changes of 1", s)
	}
	last := steps[len(steps)-1]
	// The 12 months before month 15 are months 3 to 14: 11 changes, less
	// the one out of the gap (month 5's; month 4 is outside).
	if last.Month != 15 || last.Change != 20 || last.Changes != 10 || last.Usual != 1 || !last.Beyond(3*RangeLimit) {
		t.Errorf("the last step: %+v, want a change of 20 after 10 changes of 1, beyond the limit", last)
	}
	if steps[2].Judged() {
		t.Errorf("a step after 2 changes is judged")
	}
}

// TestWalkAcrossAnotherMeasure: where a month's value is of another
// measure than the month before's (joined false), there is no step into
// it, and its jump does not count in the usual change after it: a drop
// of 6 after changes of 1 is beyond the limit.
func TestWalkAcrossAnotherMeasure(t *testing.T) {
	values := []float64{10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 50, 51, 45}
	var steps []Step
	Walk(len(values), func(m int) (float64, bool) { return values[m], true }, func(m int) bool { return m != 12 }, func(s Step) { steps = append(steps, s) })
	for _, s := range steps {
		if s.Month == 12 {
			t.Errorf("a step into a month of another measure: %+v", s)
		}
	}
	if last := steps[len(steps)-1]; last.Month != 14 || last.Usual != 1 || !last.Beyond(RangeLimit) {
		t.Errorf("the last step: %+v, want a drop of 6 after changes of 1, beyond the limit", last)
	}
}
