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
	return s.effect(unit, &s.Site.Goals[goal], s.Series(unit, goal), int(start-s.First), int(now-s.First))
}

// effect is Effect over a unit's cells, start and now indexes into them.
// A change between two measures (see ChangeKind) is not judged, nor
// counted in the usual change before start.
func (s *Scores) effect(unit int, g *model.Goal, cells []Cell, start, now int) Change {
	after := start + 1
	judged := NoChange
	xmr.Walk(after+1, func(m int) (float64, bool) {
		if m == after {
			return cells[now].Value, cells[now].Has()
		}
		return cells[m].Value, cells[m].Has()
	}, func(m int) bool {
		if m == after {
			return s.KindOfChange(unit, g, cells[start], cells[now], s.Period(start), s.Period(now)).OneMeasure()
		}
		return s.KindOfChange(unit, g, cells[m-1], cells[m], s.Period(m-1), s.Period(m)).OneMeasure()
	}, func(st xmr.Step) {
		if st.Month == after {
			judged = judge(st, g.HigherIsBetter())
		}
	})
	return judged
}

// Outcome is what followed a measure for its office's goal: the results
// the office's scorecards showed in the month it began and in the
// reported month, the periods those results are of (a lagged goal's end
// before the months that show them), and the change between them judged
// (Effect), with whether the value is the same months later (no change
// to judge, but not for want of a value or of time). For an office that
// does not exist in the reported month (ended, or between two of its
// lives), Now is what its last month's scorecard showed, and OfficeEnded
// says so. For a goal that ended before then, Now is the result of its
// last scorecard, and Ended says so.
type Outcome struct {
	Start, Now     Cell
	StartOf, NowOf model.Period
	Judged         Change
	Unchanged      bool
	Ended          bool
	OfficeEnded    bool
}

// OutcomeAt is what followed a measure begun in month began (0 for one
// not begun: nothing has followed it) by month at (the reported month, or
// a tertial's last, for its report), or by the reported month if that is
// earlier. A lagged or yearly goal's result shown then may be of a period
// that ended before the measure began: then nothing that came of it is in
// it yet, and nothing is judged.
func (s *Scores) OutcomeAt(unit, goal int, began, at model.Period) Outcome {
	g := &s.Site.Goals[goal]
	at = min(at, s.reported)
	// The month its page shows then (model.Office.Nearest); not one to
	// come.
	last := min(s.Site.Offices[unit].Nearest(at), at)
	now, end := s.Shown(unit, goal, last)
	o := Outcome{Now: now, NowOf: end, OfficeEnded: last < at}
	if until := g.Life.Until; until != 0 && end > until {
		// No scorecard has the goal now (a lagged goal's stays on it
		// while its last periods come): what followed the measure is
		// what its last scorecard showed, its last period's result.
		end = until - model.Period(until.Month()%g.PeriodMonths())
		o.Now, o.NowOf, o.Ended = s.At(unit, goal, end), end, true
		now = o.Now
	}
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
