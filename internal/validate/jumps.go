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

// Jumps returns a notice for each value of the year up to reported that
// jumps far beyond its unit's own month-to-month changes.
func Jumps(s *model.Site, reported model.Period) diag.List {
	if len(s.Results) == 0 {
		return nil
	}
	first, last := s.Results[0].Period, s.Results[0].Period
	for i := range s.Results {
		first, last = min(first, s.Results[i].Period), max(last, s.Results[i].Period)
	}
	n := int(last-first) + 1
	nGoals := len(s.Goals)
	if int64(len(s.Units))*int64(nGoals)*int64(n) > 8*int64(len(s.Results))+1<<20 {
		return nil // months decades apart: no series to speak of
	}
	rows := make([]int32, len(s.Units)*nGoals*n) // row index + 1 by unit, goal and month
	for i := range s.Results {
		r := &s.Results[i]
		if r.Suppressed || r.Code > 0 && len(codesOf(s, r.Unit)) > 1 {
			continue // no value, or a part of one
		}
		rows[(int(r.Unit)*nGoals+int(r.Goal))*n+int(r.Period-first)] = int32(i + 1)
	}
	var notices diag.List
	changes := make([]float64, 0, n)
	for cell := 0; cell < len(rows); cell += n {
		g := &s.Goals[(cell/n)%nGoals]
		changes = changes[:0]
		prev := math.NaN()
		for m := range n {
			ri := rows[cell+m]
			if ri == 0 {
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
			if len(changes) >= jumpMinMonths && first+model.Period(m) > reported-jumpMonths && first+model.Period(m) <= reported {
				window := changes[max(0, len(changes)-jumpMonths):]
				mean := 0.0
				for _, c := range window {
					mean += c
				}
				mean /= float64(len(window))
				if mean > 0 && change > jumpFactor*mean {
					notices.Add(diag.Pos{Path: s.ResultFiles[r.File], Line: int(r.Line)},
						"%s, %s, %s: %v after %v the month before, a change %.0f times its mean change over the %d months before: check the row",
						r.Period, s.Units[r.Unit], g.ID, roundTo(v, g.Decimals), roundTo(prev, g.Decimals), change/mean, len(window))
				}
			}
			changes = append(changes, change)
			prev = v
		}
	}
	return notices
}

func codesOf(s *model.Site, u int32) []string {
	if int(u) < s.CountyUnit(0) {
		return s.Offices[u].Codes
	}
	return s.Counties[int(u)-s.CountyUnit(0)].Codes
}
