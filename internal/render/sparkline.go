package render

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/malekort/malekort/internal/model"
)

const sparkMonths = 12

// sparkline draws a unit's last twelve months of a goal as a small inline
// SVG: a trend at a glance in the scorecard row. It is decorative (hidden
// from screen readers): the numbers are in the goal's table.
func (s *site) sparkline(unit, gi int, p model.Period) template.HTML {
	const w, h, pad = 64.0, 20.0, 2.0
	var xs []int
	var ys []float64
	for i := range sparkMonths {
		c := s.Scores.At(unit, gi, p-model.Period(sparkMonths-1-i))
		if c.Has() {
			xs = append(xs, i)
			ys = append(ys, c.Value)
		}
	}
	if len(ys) < 2 {
		return ""
	}
	lo, hi := ys[0], ys[0]
	for _, y := range ys {
		lo, hi = min(lo, y), max(hi, y)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="spark" viewBox="0 0 %g %g" width="%g" height="%g" aria-hidden="true" focusable="false"><polyline points="`, w, h, w, h)
	var lastX, lastY float64
	for i, x := range xs {
		px := pad + float64(x)*(w-2*pad)/float64(sparkMonths-1)
		py := h / 2
		if hi > lo {
			py = h - pad - (ys[i]-lo)*(h-2*pad)/(hi-lo)
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%.1f,%.1f", px, py)
		lastX, lastY = px, py
	}
	fmt.Fprintf(&b, `"/><circle cx="%.1f" cy="%.1f" r="2"/></svg>`, lastX, lastY)
	// Only numbers computed here go into the markup.
	return template.HTML(b.String())
}
