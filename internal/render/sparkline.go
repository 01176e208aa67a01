package render

import (
	"html/template"
	"strconv"

	"github.com/malekort/malekort/internal/model"
	"github.com/malekort/malekort/internal/score"
)

const sparkMonths = 12

// sparkline draws a unit's last twelve months of a goal as a small inline
// SVG: a trend at a glance in the scorecard row. A screen reader hears it
// as its lowest, highest and latest value; the months are in the goal's
// table.
func (s *site) sparkline(unit, gi int, p model.Period) template.HTML {
	const w, h, pad = 64.0, 20.0, 2.0
	var xsAt [sparkMonths]int
	var ysAt [sparkMonths]float64
	xs, ys := xsAt[:0], ysAt[:0]
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
	g := &s.Site.Goals[gi]
	w3 := &s.sparkWords
	label := w3[0] + s.loc.WithUnit(lo, g.Decimals, g.Unit) + w3[1] + s.loc.WithUnit(hi, g.Decimals, g.Unit) + w3[2] +
		s.loc.WithUnit(ys[len(ys)-1], g.Decimals, g.Unit) + w3[3]
	// Appended, not printed with fmt: a site has a sparkline in every
	// scorecard row, and Fprintf's allocations for its points were a tenth
	// of a build's.
	b := make([]byte, 0, 320)
	b = append(b, `<svg class="spark" viewBox="0 0 64 20" width="64" height="20" role="img" aria-label="`...)
	b = append(b, escape(label)...)
	b = append(b, `" focusable="false"><polyline points="`...)
	var lastX, lastY float64
	for i, x := range xs {
		px := pad + float64(x)*(w-2*pad)/float64(sparkMonths-1)
		py := h / 2
		if hi > lo {
			py = h - pad - (ys[i]-lo)*(h-2*pad)/(hi-lo)
		}
		if i > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendFloat(b, px, 'f', 1, 64)
		b = append(b, ',')
		b = strconv.AppendFloat(b, py, 'f', 1, 64)
		lastX, lastY = px, py
	}
	b = append(b, `"/><circle cx="`...)
	b = strconv.AppendFloat(b, lastX, 'f', 1, 64)
	b = append(b, `" cy="`...)
	b = strconv.AppendFloat(b, lastY, 'f', 1, 64)
	b = append(b, `" r="2"/></svg>`...)
	// Only numbers computed here, and the label escaped, go into the markup.
	return template.HTML(b)
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
	// Appended, not printed with fmt: a site has one for every goal that
	// needs attention on every unit page.
	b := make([]byte, 0, 1024)
	num := func(v float64) { b = strconv.AppendFloat(b, v, 'f', 1, 64) }
	b = append(b, `<svg class="print-chart" viewBox="0 0 320 110" width="320" height="110" role="img" aria-label="`...)
	b = append(b, escape(g.Title)...)
	b = append(b, `"><line class="pc-target" x1="44" x2="312" y1="`...)
	num(y(t.Target))
	b = append(b, `" y2="`...)
	num(y(t.Target))
	b = append(b, `"/><polyline class="pc-line" points="`...)
	for i, c := range cells {
		if c.Has() {
			num(x(i))
			b = append(b, ',')
			num(y(c.Value))
			b = append(b, ' ')
		}
	}
	b = append(b, `"/>`...)
	text := func(x, y float64, anchor, s string) {
		b = append(b, `<text x="`...)
		num(x)
		b = append(b, `" y="`...)
		num(y)
		b = append(b, `" text-anchor="`...)
		b = append(b, anchor...)
		b = append(b, `">`...)
		b = append(b, escape(s)...)
		b = append(b, `</text>`...)
	}
	text(left-4, y(hi)+4, "end", s.loc.WithUnit(hi, g.Decimals, g.Unit))
	text(left-4, y(lo)+4, "end", s.loc.WithUnit(lo, g.Decimals, g.Unit))
	if first := int(p - s.Scores.First - model.Period(printMonths-1)); first >= 0 {
		text(left, h-4, "start", s.months[first])
	}
	if last := int(p - s.Scores.First); last >= 0 && last < len(s.months) {
		text(w-right, h-4, "end", s.months[last])
	}
	b = append(b, `</svg>`...)
	return template.HTML(b)
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
