package score

import (
	"math"
	"slices"
	"sync"

	"github.com/malekort/malekort/internal/model"

	"gonum.org/v1/gonum/stat/distuv"
)

// Limits are a funnel plot's control limits for a proportion with a
// target θ and a denominator n, in percent: where 95 % and 99.8 % of
// values would fall if the unit's true rate were its target and only
// chance moved it (Spiegelhalter, "Funnel plots for comparing
// institutional performance", Statistics in Medicine 2005).
type Limits struct {
	Lower95, Upper95, Lower998, Upper998 float64
}

// Within95 reports whether a value in percent lies within the 95 % limits.
func (l Limits) Within95(v float64) bool { return v >= l.Lower95 && v <= l.Upper95 }

// Within998 reports whether v lies within the 99.8 % limits.
func (l Limits) Within998(v float64) bool { return v >= l.Lower998 && v <= l.Upper998 }

// Funnel computes limits once for each distinct denominator, target and
// dispersion, and each goal's dispersion once for each month: a county
// page, a goal page and comparison.csv ask for the same ones.
type Funnel struct {
	mu         sync.Mutex
	known      map[funnelKey]Limits
	dispersion map[dispersionKey]float64
}

type funnelKey struct {
	n              int
	target, spread float64
}

type dispersionKey struct {
	goal int
	end  model.Period
}

// Limits returns the limits around target (in percent) for denominator n,
// widened for a dispersion φ above 1 (see Scores.Dispersion).
func (f *Funnel) Limits(n int, target, dispersion float64) Limits {
	return remembered(&f.mu, &f.known, funnelKey{n, target, dispersion}, func() Limits {
		return FunnelLimits(n, target).widened(target, math.Sqrt(dispersion))
	})
}

// Dispersion is s.Dispersion(goal, end), worked out once.
func (f *Funnel) Dispersion(s *Scores, goal int, end model.Period) float64 {
	return remembered(&f.mu, &f.dispersion, dispersionKey{goal, end}, func() float64 { return s.Dispersion(goal, end) })
}

// remembered is (*m)[k], made by build the first time it is asked for; mu
// guards m, and is not held while build works.
func remembered[K comparable, V any](mu *sync.Mutex, m *map[K]V, k K, build func() V) V {
	mu.Lock()
	v, ok := (*m)[k]
	mu.Unlock()
	if ok {
		return v
	}
	v = build()
	mu.Lock()
	if *m == nil {
		*m = map[K]V{}
	}
	(*m)[k] = v
	mu.Unlock()
	return v
}

// widened moves each limit away from target by factor: the multiplicative
// allowance for overdispersion, limits at θ ± z·√(φ·θ(1−θ)/n)
// (Spiegelhalter 2005, section 5), taken to the exact limits.
func (l Limits) widened(target, factor float64) Limits {
	if factor <= 1 {
		return l
	}
	w := func(v float64) float64 { return min(max(target+(v-target)*factor, 0), 100) }
	return Limits{Lower95: w(l.Lower95), Upper95: w(l.Upper95), Lower998: w(l.Lower998), Upper998: w(l.Upper998)}
}

// dispersionMonths are the months, up to the one judged, whose offices'
// spread estimates a goal's dispersion: enough values on a site of a few
// offices, and a year, so that every season is in it.
const dispersionMonths = 12

// minDispersionValues is the fewest values, less one for each month's
// pooled rate, from which a dispersion is estimated: winsorising a tenth
// at each end needs ten.
const minDispersionValues = 10

// Dispersion is φ, how much more goal gi's shown office values spread
// around each month's pooled rate than chance alone would spread them, in
// the year of months up to end; 1 where that is not clearly more than
// chance, or where too few values are shown to tell. Binomial limits take
// every case for independent. Days of sick leave come in runs of one
// person's absence, and offices differ in what no figure here measures
// (their labour markets, their users): such values spread more, and
// limits that took them for chance would call ordinary offices better or
// worse beyond it. The estimate is Spiegelhalter's (2005): the offices'
// z-scores, winsorised at their 10th and 90th percentiles, their mean
// square (less one degree of freedom for each month's pooled rate). It
// counts only above 1 + 2√(2/I), I the offices with values, his test of
// whether the spread is more than chance: the offices, not their months,
// since an office's months are not independent of each other. Only
// values the site shows go in, so that the limits tell nothing of a
// hidden one.
func (s *Scores) Dispersion(gi int, end model.Period) float64 {
	type share struct {
		rate, n float64
		office  int
	}
	var zs []float64
	var month []share
	months := 0
	offices := map[int]bool{} // those whose values go in
	for p := end - dispersionMonths + 1; p <= end; p++ {
		month = month[:0]
		var num, den float64
		for o := range s.Site.Offices {
			c := s.At(s.Office(o), gi, p)
			if _, ok := FunnelSize(c); ok {
				month = append(month, share{c.Num / c.Den, c.Den, o})
				num, den = num+c.Num, den+c.Den
			}
		}
		pooled := num / den
		if len(month) < 2 || pooled <= 0 || pooled >= 1 {
			continue
		}
		months++
		for _, v := range month {
			zs = append(zs, (v.rate-pooled)/math.Sqrt(pooled*(1-pooled)/v.n))
			offices[v.office] = true
		}
	}
	if len(zs)-months < minDispersionValues {
		return 1
	}
	sorted := slices.Sorted(slices.Values(zs))
	lo, hi := sorted[len(sorted)/10], sorted[len(sorted)-1-len(sorted)/10]
	sum := 0.0
	for _, z := range zs {
		z = min(max(z, lo), hi)
		sum += z * z
	}
	phi := sum / float64(len(zs)-months)
	if phi <= 1+2*math.Sqrt(2/float64(len(offices))) {
		return 1
	}
	return phi
}

// FunnelLimits are the interpolated exact binomial limits around target
// (in percent, 0 to 100) for denominator n > 0.
func FunnelLimits(n int, target float64) Limits {
	b := distuv.Binomial{N: float64(n), P: min(max(target/100, 0), 1)}
	return Limits{
		Lower95: binomialLimit(b, n, 0.025), Upper95: binomialLimit(b, n, 0.975),
		Lower998: binomialLimit(b, n, 0.001), Upper998: binomialLimit(b, n, 0.999),
	}
}

// binomialLimit is the limit at probability q: with r the smallest whole
// number with P(R ≤ r) ≥ q, α = (P(R ≤ r) − q) / (P(R ≤ r) − P(R ≤ r−1))
// and the limit (r − α) / n, in percent and within 0 to 100.
func binomialLimit(b distuv.Binomial, n int, q float64) float64 {
	// r is found by walking from the normal approximation's guess, which
	// is a step or two away, so the distribution is evaluated a few times
	// rather than across 0…n.
	guess := b.N*b.P + distuv.UnitNormal.Quantile(q)*math.Sqrt(b.N*b.P*(1-b.P))
	r := min(max(math.Floor(guess), 0), float64(n))
	at := b.CDF(r)
	for r > 0 && at >= q {
		below := b.CDF(r - 1)
		if below < q {
			break
		}
		r, at = r-1, below
	}
	for at < q && r < float64(n) {
		r++
		at = b.CDF(r)
	}
	below := b.CDF(r - 1)
	alpha := 0.0
	if at > below {
		alpha = (at - q) / (at - below)
	}
	return 100 * min(max((r-alpha)/float64(n), 0), 1)
}

// FunnelSize is a denominator as the limits take it, a whole number of
// people, and whether there is one.
func FunnelSize(c Cell) (int, bool) {
	n := int(math.Round(c.Den))
	return n, c.HasSize() && n > 0
}
