package score

import (
	"math"
	"sync"

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

// Funnel computes limits once for each distinct denominator and target: a
// county page, a goal page and comparison.csv ask for the same ones.
type Funnel struct {
	mu    sync.Mutex
	known map[funnelKey]Limits
}

type funnelKey struct {
	n      int
	target float64
}

// Limits returns the limits around target (in percent) for denominator n.
func (f *Funnel) Limits(n int, target float64) Limits {
	k := funnelKey{n, target}
	f.mu.Lock()
	l, ok := f.known[k]
	f.mu.Unlock()
	if ok {
		return l
	}
	l = FunnelLimits(n, target)
	f.mu.Lock()
	if f.known == nil {
		f.known = map[funnelKey]Limits{}
	}
	f.known[k] = l
	f.mu.Unlock()
	return l
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
