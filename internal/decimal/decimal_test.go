package decimal

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

func check(t *testing.T, v float64, d int) {
	t.Helper()
	if got, want := string(AppendFixed(nil, v, d)), strconv.FormatFloat(v, 'f', d, 64); got != want {
		t.Fatalf("AppendFixed(%v, %d) = %s, strconv gives %s", v, d, got, want)
	}
	if got, want := string(AppendShortest(nil, v)), strconv.FormatFloat(v, 'f', -1, 64); got != want {
		t.Fatalf("AppendShortest(%v) = %s, strconv gives %s", v, got, want)
	}
}

// TestLikeStrconv compares with strconv on the values sites have (rounded
// results, ratios, halves and their neighbours) and on any float.
func TestLikeStrconv(t *testing.T) {
	for _, v := range []float64{0, math.Copysign(0, -1), 0.5, -0.5, 1.5, 2.5, 0.125, 45.15, 44.95, 99.96, 1e9, -1e9, 999999999.9999999,
		1e-7, 123456.785, math.NaN(), math.Inf(1), math.Inf(-1), math.MaxFloat64, math.SmallestNonzeroFloat64, 0.1 + 0.2} {
		for d := -1; d <= 8; d++ {
			check(t, v, d)
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 100_000 {
		d := rng.IntN(maxDecimals + 2)
		num, den := float64(rng.IntN(1_000_000)), float64(1+rng.IntN(100_000))
		rounded := math.Round(100*num/den*pow10[min(d, maxDecimals)]) / pow10[min(d, maxDecimals)]
		check(t, rounded, d)
		check(t, -rounded, d)
		check(t, 100*num/den, d)
		half := (float64(rng.IntN(2_000_000)) + 0.5) / pow10[min(d, maxDecimals)]
		check(t, half, d)
		check(t, math.Nextafter(half, 0), d)
		check(t, math.Nextafter(half, 1e300), d)
		check(t, math.Float64frombits(rng.Uint64()), d)
		check(t, rng.NormFloat64()*math.Pow10(rng.IntN(14)-4), d)
		big := (float64(rng.Int64N(1e14)) + 0.5) / 1e6 // a half where x's last place is 1/64
		for _, v := range []float64{big, math.Nextafter(big, 0), math.Nextafter(big, 1e300)} {
			check(t, v, 6)
		}
	}
}

func FuzzLikeStrconv(f *testing.F) {
	f.Add(45.15, 1)
	f.Add(-0.5, 0)
	f.Fuzz(func(t *testing.T, v float64, d int) {
		check(t, v, d%10)
	})
}
