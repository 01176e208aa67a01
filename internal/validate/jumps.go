package validate

import (
	"math"

	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/model"
)

// A jump is a value that moved from last month by far more than its unit
// ever moves: a decimal point lost in typing (46 for 4.6), say, or a row
// given to the wrong unit. It may be true, so it is a notice, not an
// error. "Far more" is three times the process behaviour (XmR) chart's limit
// for a month-to-month change, 3.27 times the mean change over the months
// before: noise alone passes that about never.
const (
	jumpMonths    = 12 // months of changes the mean is taken over
	jumpMinMonths = 6  // fewer changes than this are too few to judge by
	jumpFactor    = 3 * 3.27
)

// jumps adds a notice for each value of the year up to reported that
// jumps far beyond its unit's own month-to-month changes. It reads the
// rows by unit, goal and month from seen; a site whose rows seen holds
// sparsely (decades apart) has no series to speak of.
func jumps(s *model.Site, seen *seen, reported model.Period, errs *diag.List) {
	if seen.rows == nil {
		return
	}
	n := seen.n
	changes := make([]float64, 0, n)
	for cell := 0; cell < len(seen.rows); cell += n {
		g := &s.Goals[(cell/n)%seen.nGoals]
		changes = changes[:0]
		prev := math.NaN()
		for m := range n {
			ri := seen.rows[cell+m]
			if ri == 0 || s.Results[ri-1].Suppressed {
				prev = math.NaN()
				changes = changes[:0]
				continue
			}
			r := &s.Results[ri-1]
			v := r.Value
			if r.HasRatio {
				v = g.RatioValue(r.Numerator, r.Denominator)
			}
			if math.IsNaN(prev) {
				prev = v
				continue
			}
			change := math.Abs(v - prev)
			if p := seen.first + model.Period(m); len(changes) >= jumpMinMonths && p > reported-jumpMonths && p <= reported {
				window := changes[max(0, len(changes)-jumpMonths):]
				mean := 0.0
				for _, c := range window {
					mean += c
				}
				mean /= float64(len(window))
				if mean > 0 && change > jumpFactor*mean {
					errs.AddNotice(diag.Pos{Path: s.ResultFiles[r.File], Line: int(r.Line)},
						"%s, %s, %s: %v after %v the month before, a change %.0f times its mean change over the %d months before: check the row",
						r.Period, s.Units[r.Unit], g.ID, roundTo(v, g.Decimals), roundTo(prev, g.Decimals), change/mean, len(window))
				}
			}
			changes = append(changes, change)
			prev = v
		}
	}
}
