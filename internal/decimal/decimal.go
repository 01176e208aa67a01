// Package decimal writes float64 values in decimal as strconv does, faster
// for the values a scorecard has: ones already rounded to a few decimals.
// A site writes millions of them (tables, chart data, CSV), and strconv's
// algorithms, made for any float, do more than such a value needs: here it
// is scaled to a whole number and written with strconv.AppendUint. Any
// value the quick way cannot be sure of goes to strconv. It is not a copy
// of strconv's code; a test and a fuzz target hold it to strconv's output.
package decimal

import (
	"math"
	"strconv"
)

// maxDecimals is the most decimals the quick way handles.
const maxDecimals = 6

var pow10 = [maxDecimals + 1]float64{1, 10, 100, 1e3, 1e4, 1e5, 1e6}

// AppendFixed appends v with the given decimals, as
// strconv.AppendFloat(b, v, 'f', decimals, 64) does.
func AppendFixed(b []byte, v float64, decimals int) []byte {
	if decimals < 0 || decimals > maxDecimals || v == 0 || !(math.Abs(v) < 1e9) {
		return strconv.AppendFloat(b, v, 'f', decimals, 64)
	}
	// x carries v's digits to the last decimal. Rounding the product to a
	// float64 never carries it across a half (below 2^52 the halves are
	// float64s), so x rounds the way v does, unless it is a half: then
	// the exact binary value decides.
	x := math.Abs(v) * pow10[decimals]
	whole, frac := math.Modf(x)
	if math.Abs(frac-0.5) < 1e-6 {
		return strconv.AppendFloat(b, v, 'f', decimals, 64)
	}
	if frac > 0.5 {
		whole++
	}
	if v < 0 {
		b = append(b, '-')
	}
	return appendScaled(b, uint64(whole), decimals)
}

// AppendShortest appends v as strconv.AppendFloat(b, v, 'f', -1, 64) does:
// the fewest digits that read back as v.
func AppendShortest(b []byte, v float64) []byte {
	if v == 0 || !(math.Abs(v) < 1e9) {
		return strconv.AppendFloat(b, v, 'f', -1, 64)
	}
	a := math.Abs(v)
	for d := 0; d <= maxDecimals; d++ {
		n := math.Round(a * pow10[d])
		// n/10^d reads back as v, and with at most 15 significant digits
		// no other decimal as short does: it is the shortest.
		if n/pow10[d] == a && n < 1e15 {
			if v < 0 {
				b = append(b, '-')
			}
			return trimZeros(appendScaled(b, uint64(n), d), d)
		}
	}
	return strconv.AppendFloat(b, v, 'f', -1, 64)
}

// appendScaled appends n / 10^decimals with exactly that many decimals.
func appendScaled(b []byte, n uint64, decimals int) []byte {
	var digits [24]byte
	s := strconv.AppendUint(digits[:0], n, 10)
	for len(s) <= decimals {
		s = append(s[:1], s...)
		s[0] = '0'
	}
	point := len(s) - decimals
	b = append(b, s[:point]...)
	if decimals > 0 {
		b = append(b, '.')
		b = append(b, s[point:]...)
	}
	return b
}

// trimZeros drops the zeros that end the decimals of a number appended
// with the given decimals, and the point if none are left.
func trimZeros(b []byte, decimals int) []byte {
	for ; decimals > 0 && b[len(b)-1] == '0'; decimals-- {
		b = b[:len(b)-1]
	}
	if decimals == 0 && b[len(b)-1] == '.' {
		b = b[:len(b)-1]
	}
	return b
}
