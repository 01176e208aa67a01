package validate

import (
	"math"

	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/model"
	"github.com/malekort/malekort/internal/xmr"
	"gonum.org/v1/gonum/stat/distuv"
)

// A jump is a value that moved from the month before as a slip in typing
// moves it: a decimal point lost (4.52 for 45.2), a count ten times its
// usual, a share of 0 after months near 60 %. It may be true, so it is a
// notice, not an error, and a notice is read only if it is rare: a person
// stops reading one that fires on noise. So a jump must be all of
//   - a change of scale: at least half the larger of the two values. A
//     slipped decimal point or a fall to zero changes a value by 90 % or
//     more; the moves of a steady series, however unusual for it, do not;
//   - beyond chance where the value's size is known: a share of people
//     with its numerator and denominator varies as a binomial count, a
//     count of cases or people as a Poisson count, or as many times more
//     as the months before vary more (see dispersion). Against the months
//     before pooled with it, a value chance gives with a probability above
//     jumpChance is what small numbers do (2 after 0, 9 after 4);
//   - where the size is not known, far beyond the unit's own variation:
//     three times the XmR limit for a month-to-month change (see xmr),
//     which noise alone passes about never.
//
// Each is judged only with enough months before it (xmr.MinChanges).
const (
	jumpScale  = 0.75
	jumpChance = 1e-6
	jumpFactor = 3 * xmr.RangeLimit
)

// jumps adds a notice for each value of the year up to reported that
// jumps (see above). It reads the rows by unit, goal and month from seen;
// a site whose rows seen holds sparsely (decades apart) has no series to
// speak of.
func jumps(s *model.Site, seen *seen, reported model.Period, errs *diag.List) {
	if seen.rows == nil {
		return
	}
	n := seen.n
	for cell := 0; cell < len(seen.rows); cell += n {
		g := &s.Goals[(cell/n)%seen.nGoals]
		row := func(m int) *model.Result {
			ri := seen.rows[cell+m]
			if ri == 0 || s.Results[ri-1].Suppressed {
				return nil
			}
			return &s.Results[ri-1]
		}
		value := func(m int) (float64, bool) {
			r := row(m)
			if r == nil {
				return 0, false
			}
			if r.HasRatio {
				return g.RatioValue(r.Numerator, r.Denominator), true
			}
			return r.Value, true
		}
		noticed := -1
		xmr.Walk(n, value, nil, func(st xmr.Step) {
			p := seen.first + model.Period(st.Month)
			// The return from a jump is the same slip, said once.
			if p <= reported-xmr.Months || p > reported || st.Month == noticed+1 || !st.Judged() {
				return
			}
			r := row(st.Month)
			v, _ := value(st.Month)
			was, _ := value(st.Month - 1)
			if math.Abs(st.Change) <= jumpScale*max(math.Abs(v), math.Abs(was)) {
				return
			}
			var before []*model.Result
			for m := max(st.Month-xmr.Months, 0); m < st.Month; m++ {
				if r := row(m); r != nil {
					before = append(before, r)
				}
			}
			explained, sized := chance(g, r, before)
			why := diag.P("further from the %d months before than chance puts a figure of its size", len(before))
			switch {
			case explained || !sized && !st.Beyond(jumpFactor):
				return
			case !sized:
				why = diag.P("a change %.0f times its mean change over the %d changes before", math.Abs(st.Change)/st.Usual, st.Changes)
			}
			noticed = st.Month
			errs.AddNotice(s.ResultPos(r),
				"%s, %s, %s: %v after %v the month before, %s: check the row",
				r.Period, s.Units[r.Unit], g.ID, diag.Number{V: v, Decimals: g.Decimals}, diag.Number{V: was, Decimals: g.Decimals}, why)
		})
	}
}

// chance reports whether chance explains r, given the months before it
// (explained), where the value's size is known (sized). A share of people
// with numerator and denominator is a binomial count at the share of
// those months and r's pooled; a count is, of the months' total with r's,
// the part that fell in r's month, binomial with 1 in months+1 for each
// if the months share one Poisson rate. Either is explained when a count
// as far from the expected one, or further, has a probability above
// jumpChance, once the counts are scaled to the months' own variation
// (see dispersion).
func chance(g *model.Goal, r *model.Result, before []*model.Result) (explained, sized bool) {
	var b distuv.Binomial
	var x float64
	var phi float64
	switch {
	case g.Unit == "percent" && r.HasRatio && r.Denominator > 0 && r.Numerator <= r.Denominator:
		x, b.N = math.Round(r.Numerator), math.Round(r.Denominator)
		var num, den float64 // the months before's
		for _, p := range before {
			if p.HasRatio {
				num += math.Round(p.Numerator)
				den += math.Round(p.Denominator)
			}
		}
		b.P = (num + x) / (den + b.N)
		// The months' variation is measured about their own share, so that
		// the month judged does not move the yardstick.
		share := num / den
		phi = dispersion(before, func(p *model.Result) (float64, bool) {
			if !p.HasRatio || p.Denominator <= 0 || !(share > 0 && share < 1) {
				return 0, false
			}
			return (p.Numerator/p.Denominator - share) / math.Sqrt(share*(1-share)/p.Denominator), true
		})
	case g.Whole() && !r.HasRatio && r.Value >= 0:
		x, b.N = math.Round(r.Value), math.Round(r.Value)
		var total, months float64 // the months before's
		for _, p := range before {
			if !p.HasRatio && p.Value >= 0 {
				total += math.Round(p.Value)
				months++
			}
		}
		b.N += total
		b.P = 1 / (months + 1)
		mean := total / months
		phi = dispersion(before, func(p *model.Result) (float64, bool) {
			if p.HasRatio || p.Value < 0 || !(mean > 0) {
				return 0, false
			}
			return (p.Value - mean) / math.Sqrt(mean), true
		})
	default:
		return false, false
	}
	x, b.N = math.Round(x/phi), math.Round(b.N/phi)
	if b.N == 0 {
		return true, true
	}
	tail := 1 - b.CDF(x-1) // as many or more
	if x < b.N*b.P {
		tail = b.CDF(x) // as few or fewer
	}
	return tail > jumpChance, true
}

// dispersion is how many times more the months before vary than a
// binomial or Poisson count of their size would, as a factor of the
// variance: the square of Laney's sigma-z, the mean moving range of the
// months' z-scores (z gives each, about the months' own share or mean)
// over 1.128, the range's mean for a normal variable of sigma 1. The
// ranges above the XmR upper range limit of their mean are left out
// first, and again of the mean of those left, until none is (Wheeler's
// screening): a jump among the months before, a slip or a true change,
// makes two such ranges, and would otherwise take the next slip for
// ordinary variation for a year. A slip's ranges stay in where they are
// not far above the rest, and always with 6 ranges, whose mean they
// raise above themselves. (A limit of the median range, which a slip does
// not move, would leave out more of chance's ranges and so find more
// noise.) A share of sick days is not of independent
// days (one absence is many of them), so it varies several times as much
// as the binomial says, and tested as binomial every few months would be
// "beyond chance". Dividing the counts by the factor makes the test one
// of the series' own variation. Sigma-z is itself an estimate from a
// dozen months: chance alone puts it above 1 half the time, and 2.4/√k
// above it once in a hundred series of k ranges (by simulation of normal
// z-scores). Below that the series is taken to vary as its size says, so
// that a share of 0 of 20 after months near 60 % is still beyond chance
// in a series that only happened to vary a little more; so are months
// too few to tell.
func dispersion(before []*model.Result, z func(*model.Result) (float64, bool)) float64 {
	var ranges []float64
	prev, has := 0.0, false
	for _, p := range before {
		v, ok := z(p)
		if !ok {
			continue
		}
		if has {
			ranges = append(ranges, math.Abs(v-prev))
		}
		prev, has = v, true
	}
	if len(ranges) < xmr.MinChanges {
		return 1
	}
	sum, kept := 0.0, len(ranges)
	for _, d := range ranges {
		sum += d
	}
	// Screen until nothing more is left out: two earlier jumps make four
	// large ranges, and the first mean is far above the rest.
	for before := 0; kept != before; {
		before = kept
		limit := xmr.RangeLimit * sum / float64(kept)
		sum, kept = 0, 0
		for _, d := range ranges {
			if d <= limit {
				sum += d
				kept++
			}
		}
	}
	if kept < xmr.MinChanges {
		return 1
	}
	sigma := sum / float64(kept) / 1.128
	if !(sigma > 1+2.4/math.Sqrt(float64(kept))) {
		return 1
	}
	return sigma * sigma
}
