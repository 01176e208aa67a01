package render

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/malekort/malekort/internal/model"
	"github.com/malekort/malekort/internal/score"
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

// printMonths is how many months a printed chart shows.
const printMonths = 24

// PrintChart is a goal's small chart for the printed page: an SVG made
// here, so that it prints without the page's script having run.
type PrintChart struct {
	Title string
	SVG   template.HTML
}

// printChart draws unit's last two years of goal gi up to month p, with
// its target dashed, the first and last month and the highest and lowest
// value labelled. Only numbers and formatted values go into the markup,
// escaped.
func (s *site) printChart(unit, gi int, p model.Period) template.HTML {
	const w, h, left, right, top, bottom = 320.0, 110.0, 44.0, 8.0, 8.0, 18.0
	g := &s.Site.Goals[gi]
	t := s.Scores.ThresholdsAt(unit, gi, p)
	lo, hi := t.Target, t.Target
	var cells []score.Cell
	for i := range printMonths {
		c := s.Scores.At(unit, gi, p-model.Period(printMonths-1-i))
		cells = append(cells, c)
		if c.Has() {
			lo, hi = min(lo, c.Value), max(hi, c.Value)
		}
	}
	if hi == lo {
		hi, lo = hi+1, lo-1
	}
	x := func(i int) float64 { return left + float64(i)*(w-left-right)/float64(printMonths-1) }
	y := func(v float64) float64 { return top + (hi-v)*(h-top-bottom)/(hi-lo) }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="print-chart" viewBox="0 0 %g %g" width="%g" height="%g" role="img" aria-label="%s">`, w, h, w, h,
		template.HTMLEscapeString(g.Title))
	fmt.Fprintf(&b, `<line class="pc-target" x1="%g" x2="%g" y1="%.1f" y2="%.1f"/>`, left, w-right, y(t.Target), y(t.Target))
	b.WriteString(`<polyline class="pc-line" points="`)
	var pt []byte
	for i, c := range cells {
		if c.Has() {
			pt = strconv.AppendFloat(pt[:0], x(i), 'f', 1, 64)
			pt = append(pt, ',')
			pt = strconv.AppendFloat(pt, y(c.Value), 'f', 1, 64)
			pt = append(pt, ' ')
			b.Write(pt)
		}
	}
	b.WriteString(`"/>`)
	label := func(v float64) string { return template.HTMLEscapeString(s.loc.WithUnit(v, g.Decimals, g.Unit)) }
	fmt.Fprintf(&b, `<text x="%g" y="%.1f" text-anchor="end">%s</text>`, left-4, y(hi)+4, label(hi))
	fmt.Fprintf(&b, `<text x="%g" y="%.1f" text-anchor="end">%s</text>`, left-4, y(lo)+4, label(lo))
	first, last := p-model.Period(printMonths-1), p
	fmt.Fprintf(&b, `<text x="%g" y="%g">%s</text>`, left, h-4, template.HTMLEscapeString(s.loc.ShortMonth(first.Year(), first.Month())))
	fmt.Fprintf(&b, `<text x="%g" y="%g" text-anchor="end">%s</text>`, w-right, h-4, template.HTMLEscapeString(s.loc.ShortMonth(last.Year(), last.Month())))
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// printCharts are the small charts of the goals that need attention.
func (s *site) printCharts(unit int, needs Needs, p model.Period) []PrintChart {
	var out []PrintChart
	for _, r := range needs.Rows {
		gi, ok := s.goalIndex[r.GoalID]
		if !ok || !s.Scores.At(unit, gi, p).Has() {
			continue
		}
		out = append(out, PrintChart{Title: r.Goal.Text, SVG: s.printChart(unit, gi, p)})
		if len(out) == 6 {
			break
		}
	}
	return out
}
