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
