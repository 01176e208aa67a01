package score

import "testing"

// TestEffect: a measure's change from its start month to now is judged by
// the signal rule against the office's usual change in the 12 months up
// to the start, and never where either month's figure is suppressed.
func TestEffect(t *testing.T) {
	// Twelve months moving by 1 a month (usual change 1), the measure
	// starting in the last of them (value 51), then months after it.
	series := func(now float64, status Status) []Cell {
		cells := make([]Cell, 0, 16)
		for m := range 12 {
			cells = append(cells, Cell{Value: 50 + float64(m%2), Status: Green})
		}
		cells = append(cells, Cell{Value: 90, Status: Green}, Cell{Value: 10, Status: Green}, Cell{Value: now, Status: status})
		return cells
	}
	const start, now = 11, 14
	for _, c := range []struct {
		name           string
		cells          []Cell
		higherIsBetter bool
		want           Change
	}{
		{"within 3.27 times the usual change", series(54, Green), true, Usual},
		{"higher beyond it, higher better", series(55, Green), true, SignalBetter},
		{"higher beyond it, lower better", series(55, Yellow), false, SignalWorse},
		{"lower beyond it, higher better", series(47, Red), true, SignalWorse},
		{"now suppressed", series(90, Suppressed), true, NoChange},
		{"now missing", series(90, Missing), true, NoChange},
		{"unchanged", series(51, Green), true, NoChange},
	} {
		if got := effect(c.cells, start, now, c.higherIsBetter); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	cells := series(90, Green)
	cells[start].Status = Suppressed
	if got := effect(cells, start, now, true); got != NoChange {
		t.Errorf("start suppressed: %v, want no judgement", got)
	}
	// The months after the start do not count towards the usual change:
	// the swings of 40 and 80 after it would hide any effect.
	if got := effect(series(60, Green), start, now, true); got != SignalBetter {
		t.Errorf("9 up after usual changes of 1: %v, want a signal for the better", got)
	}
	if got := effect(series(60, Green), 3, now, true); got != TooFewMonths {
		t.Errorf("3 changes before the start: %v, want too few months", got)
	}
}
