package score

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

// TestFunnelLimits checks the limits against values computed apart from
// this code and from gonum: with Python's exact fractions, P(R ≤ r) as
// the sum of C(n, k) θ^k (1−θ)^(n−k) for k ≤ r, r found by counting up
// from 0, and (r − α) / n as the definition gives it (see the note on
// issue 14). By hand for n = 10, θ = ½, q = 0.025: P(R ≤ 1) = 11/1024,
// P(R ≤ 2) = 56/1024, so r = 2, α = (56/1024 − 0.025) / (45/1024) =
// 0.6756 and the limit 13.24 %.
func TestFunnelLimits(t *testing.T) {
	for _, c := range []struct {
		n      int
		target float64
		want   Limits // lower 95, upper 95, lower 99.8, upper 99.8
	}{
		{10, 50, Limits{13.244444, 76.755556, 0.024, 89.976}},
		{20, 80, Limits{58.388452, 93.831596, 46.074587, 99.566319}},
		{25, 45, Limits{23.824228, 62.850782, 13.139525, 74.037934}},
		{100, 90, Limits{83.228139, 94.96194, 79.164328, 97.582113}},
		{500, 30, Limits{25.918957, 33.955602, 23.684106, 36.342986}},
		{1000, 2, Limits{1.126561, 2.864682, 0.723545, 3.45253}},
	} {
		got := FunnelLimits(c.n, c.target)
		for _, l := range []struct {
			name      string
			got, want float64
		}{{"lower 95", got.Lower95, c.want.Lower95}, {"upper 95", got.Upper95, c.want.Upper95},
			{"lower 99.8", got.Lower998, c.want.Lower998}, {"upper 99.8", got.Upper998, c.want.Upper998}} {
			if math.Abs(l.got-l.want) > 1e-5 {
				t.Errorf("n %d, target %v %%: %s limit %.6f, want %.6f", c.n, c.target, l.name, l.got, l.want)
			}
		}
	}
}

// TestFunnelLimitsAtTheEdges: a target of 0 or 100 % gives limits within
// 0 to 100, and the limits narrow as n grows.
func TestFunnelLimitsAtTheEdges(t *testing.T) {
	for _, target := range []float64{0, 100} {
		for _, n := range []int{1, 7, 1000} {
			l := FunnelLimits(n, target)
			for _, v := range []float64{l.Lower95, l.Upper95, l.Lower998, l.Upper998} {
				if v < 0 || v > 100 || math.IsNaN(v) {
					t.Errorf("n %d, target %v: limits %+v", n, target, l)
				}
			}
		}
	}
	prev := FunnelLimits(10, 60)
	for _, n := range []int{20, 50, 200, 5000} {
		l := FunnelLimits(n, 60)
		if l.Upper95-l.Lower95 >= prev.Upper95-prev.Lower95 || l.Upper998 < l.Upper95 || l.Lower998 > l.Lower95 {
			t.Errorf("n %d: limits %+v after %+v", n, l, prev)
		}
		prev = l
	}
	var f Funnel
	if f.Limits(25, 45) != FunnelLimits(25, 45) {
		t.Error("the remembered limits differ from the computed ones")
	}
}

// TestFunnelSearch: the walk from the normal approximation finds the same
// r as counting up from 0 would, for denominators from 1 to 5,000 and
// targets across 0–100 %.
func TestFunnelSearch(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	for range 300 {
		n := 1 + rnd.IntN(5000)
		theta := []float64{0, 0.001, 0.5, 0.999, 1, rnd.Float64()}[rnd.IntN(6)]
		b := distuv.Binomial{N: float64(n), P: theta}
		for _, q := range []float64{0.001, 0.025, 0.975, 0.999} {
			r := 0
			for b.CDF(float64(r)) < q && r < n {
				r++
			}
			at, below := b.CDF(float64(r)), b.CDF(float64(r-1))
			alpha := 0.0
			if at > below {
				alpha = (at - q) / (at - below)
			}
			want := 100 * min(max((float64(r)-alpha)/float64(n), 0), 1)
			if got := binomialLimit(b, n, q); math.Abs(got-want) > 1e-9 {
				t.Fatalf("n %d, θ %v, q %v: %v, counting up gives %v", n, theta, q, got, want)
			}
		}
	}
}
