package score

import (
	"math"
	"strconv"
)

// Round rounds v half away from zero to the given number of decimals, as
// the value will be displayed. It rounds the decimal number v stands for,
// not its binary approximation: 45.15 (stored as 45.1499999…) and a mean
// that float arithmetic leaves at 45.149999999999999 both round to 45.2.
// Noise below the twelfth significant digit is dropped first; results,
// targets and ratios of counts never carry meaning that deep.
func Round(v float64, decimals int) float64 {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	// Most values are nowhere near a half: then the twelve digits cannot
	// change which way v rounds, and the scaled value rounds as it is,
	// without writing v out in decimal, which every value would otherwise
	// pay for.
	if decimals >= 0 && decimals <= 6 {
		pow := math.Pow10(decimals)
		x := math.Abs(v) * pow
		if x >= 0.1 && x < 1e9 {
			whole, frac := math.Modf(x)
			if math.Abs(frac-0.5) > max(1e-6, x*1e-10) {
				if frac > 0.5 {
					whole++
				}
				return math.Copysign(whole, v) / pow
			}
		}
	}
	return roundDecimal(v, decimals)
}

// roundDecimal is Round by writing v out to twelve significant digits.
func roundDecimal(v float64, decimals int) float64 {
	sign := 1.0
	if v < 0 {
		sign, v = -1, -v
	}
	s := strconv.FormatFloat(v, 'e', 11, 64) // d.ddddddddddde±XX
	digits := s[:1] + s[2:13]
	exp, _ := strconv.Atoi(s[14:])
	keep := exp + 1 + decimals
	if keep >= len(digits) {
		r, _ := strconv.ParseFloat(s, 64)
		return sign * r
	}
	if keep < 0 {
		return 0
	}
	kept, _ := strconv.ParseInt("0"+digits[:keep], 10, 64)
	if digits[keep] >= '5' {
		kept++
	}
	return sign * float64(kept) / math.Pow10(decimals)
}
