package score

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/malekort/malekort/internal/model"
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
	if f.Limits(25, 45, 1) != FunnelLimits(25, 45) {
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

// dispersionSite is a site of 20 offices of denominator 400 with 12 months
// of a ratio goal whose true rate is 30 %, each office's numerator drawn
// with its z-score spread by factor: 1 is chance alone.
func dispersionSite(factor float64) *Scores {
	f := newFixture(percentGoal("r"))
	f.site.Offices = nil
	for i := range 20 {
		f.site.Offices = append(f.site.Offices, model.Office{ID: fmt.Sprintf("o%02d", i), Name: fmt.Sprintf("O%02d", i), County: "vest"})
	}
	f.site.NumberUnits()
	rnd := rand.New(rand.NewPCG(5, 6))
	sd := math.Sqrt(400 * 0.3 * 0.7)
	for m := range 12 {
		for i := range 20 {
			num := math.Round(120 + factor*sd*rnd.NormFloat64())
			f.ratio(fmt.Sprintf("2026-%02d", m+1), fmt.Sprintf("o%02d", i), "r", num, 400)
		}
	}
	return f.scores("2026-12")
}

// TestDispersion: values spread as chance spreads them give φ 1, and so
// do values spread not clearly more; spread three times as wide, about 6 (9, less the third that winsorising at the
// 10th and 90th percentiles takes off a normal spread's mean square, as in
// Spiegelhalter's method), and the limits around the target are √φ times
// as far from it; too few values give 1.
func TestDispersion(t *testing.T) {
	if d := dispersionSite(1).Dispersion(0, period("2026-12")); d != 1 {
		t.Errorf("chance alone: dispersion %.2f, want 1", d)
	}
	// 1.5 times chance's spread gives φ̂ about 1.5 (2.25, less a third),
	// below Spiegelhalter's test for 20 offices, 1 + 2√(2/20) = 1.63.
	if d := dispersionSite(1.5).Dispersion(0, period("2026-12")); d != 1 {
		t.Errorf("a little more than chance: dispersion %.2f, want 1 (not clearly more than chance)", d)
	}
	wide := dispersionSite(3)
	d := wide.Dispersion(0, period("2026-12"))
	if d < 4.5 || d > 7.5 {
		t.Errorf("three times chance: dispersion %.2f, want about 6", d)
	}
	var f Funnel
	plain, widened := FunnelLimits(400, 30), f.Limits(400, 30, d)
	if got, want := widened.Upper95-30, math.Sqrt(d)*(plain.Upper95-30); math.Abs(got-want) > 1e-9 {
		t.Errorf("upper 95 %% limit %.3f from the target, want %.3f", got, want)
	}
	if f.Dispersion(wide, 0, period("2026-12")) != d {
		t.Error("the remembered dispersion differs from the computed one")
	}
	if d := wide.Dispersion(0, period("2026-01")); d < 2 {
		t.Errorf("one month of 20 offices (20 values less the pooled rate) is enough to tell: got %.2f", d)
	}
	few := newFixture(percentGoal("r"))
	few.ratio("2026-01", "a", "r", 10, 100).ratio("2026-01", "b", "r", 90, 100).ratio("2026-01", "c", "r", 50, 100)
	if d := few.scores("2026-01").Dispersion(0, period("2026-01")); d != 1 {
		t.Errorf("three offices' values in one month: dispersion %.2f, want 1 (too few to tell)", d)
	}
}
