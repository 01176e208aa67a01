package score

import (
	"github.com/malekort/malekort/internal/model"
	"github.com/malekort/malekort/internal/xmr"
)

// Effect judges the change in unit's value for goal from month start (a
// measure's) to month now against the unit's usual variation up to start,
// by the same signal rule as a month's change: as if now's value came the
// month after start. NoChange where either month has no value that may be
// shown (a suppressed figure is never compared) or now is not after start.
func (s *Scores) Effect(unit, goal int, start, now model.Period) Change {
	if start < s.First || now <= start || int(now-s.First) >= s.N {
		return NoChange
	}
	return effect(s.Series(unit, goal), int(start-s.First), int(now-s.First), s.Site.Goals[goal].HigherIsBetter())
}

// effect is Effect over a unit's cells, start and now indexes into them.
func effect(cells []Cell, start, now int, higherIsBetter bool) Change {
	after := start + 1
	judged := NoChange
	xmr.Walk(after+1, func(m int) (float64, bool) {
		if m == after {
			return cells[now].Value, cells[now].Has()
		}
		return cells[m].Value, cells[m].Has()
	}, func(st xmr.Step) {
		if st.Month == after {
			judged = judge(st, higherIsBetter)
		}
	})
	return judged
}

// Outcome is what followed a measure for its office's goal: the results
// the office's scorecards showed in the month it began and in the
// reported month, the periods those results are of (a lagged goal's end
// before the months that show them), and the change between them judged
// (Effect), with whether the value is the same months later (no change
// to judge, but not for want of a value or of time). For a goal that
// ended before the reported month, Now is the result of its last
// scorecard, and Ended says so.
type Outcome struct {
	Start, Now     Cell
	StartOf, NowOf model.Period
	Judged         Change
	Unchanged      bool
	Ended          bool
}

// OutcomeOf is what followed a measure begun in month began (0 for one
// not begun: nothing has followed it). A lagged or yearly goal's result
// now shown may be of a period that ended before the measure began: then
// nothing that came of it is in it yet, and nothing is judged.
func (s *Scores) OutcomeOf(unit, goal int, began model.Period) Outcome {
	last := s.reported
	ended := false
	if until := s.Site.Goals[goal].Life.Until; until != 0 && until < last {
		// No scorecard has the goal now: what followed the measure is
		// what followed until its last one.
		last, ended = until, true
	}
	now, end := s.Shown(unit, goal, last)
	o := Outcome{Now: now, NowOf: end, Ended: ended}
	if began == 0 || end < began {
		return o
	}
	var from model.Period
	o.Start, from = s.Shown(unit, goal, began)
	o.StartOf = from
	o.Judged = s.Effect(unit, goal, from, end)
	o.Unchanged = from < end && o.Start.Has() && now.Has() && o.Start.Value == now.Value
	return o
}
