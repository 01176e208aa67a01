package render

import (
	"html/template"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/a-h/templ"

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
	// The points are appended, not printed with fmt: a site has a
	// sparkline in every scorecard row.
	var line brokenLine
	var lastX, lastY float64
	for i, x := range xs {
		if i > 0 && xs[i-1] != x-1 {
			line.breakOff()
		}
		px := pad + float64(x)*(w-2*pad)/float64(sparkMonths-1)
		py := h / 2
		if hi > lo {
			py = h - pad - (ys[i]-lo)*(h-2*pad)/(hi-lo)
		}
		line.add(px, py)
		lastX, lastY = px, py
	}
	return svg(sparklineSVG(label, line.parts(), coord(lastX), coord(lastY)))
}

// brokenLine is a line through the months that have a value, broken
// where a month has none: drawn across, a hidden or missing month would
// look like a figure between its neighbours. A month alone between two
// breaks is its point twice, which the line's round cap draws as a dot.
type brokenLine struct {
	done   []linePart
	points []byte
	n      int // points in the part being drawn
}

// linePart is a polyline's points, and whether it is a month alone, a
// dot, which is drawn wider than a line to be seen.
type linePart struct {
	Points string
	Dot    bool
}

// add appends point x,y to the part being drawn.
func (l *brokenLine) add(x, y float64) {
	if l.n > 0 {
		l.points = append(l.points, ' ')
	}
	l.points = appendCoord(l.points, x, y)
	l.n++
}

// breakOff ends the part being drawn.
func (l *brokenLine) breakOff() {
	switch l.n {
	case 0:
		return
	case 1:
		l.points = append(append(l.points, ' '), l.points...)
	}
	l.done = append(l.done, linePart{Points: string(l.points), Dot: l.n == 1})
	l.points, l.n = l.points[:0], 0
}

// parts are the line's parts.
func (l *brokenLine) parts() []linePart {
	l.breakOff()
	return l.done
}

// coord is an SVG coordinate: one decimal is finer than a pixel at the
// size the charts are drawn.
func coord(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// appendCoord appends the point x,y.
func appendCoord(b []byte, x, y float64) []byte {
	b = strconv.AppendFloat(b, x, 'f', 1, 64)
	b = append(b, ',')
	return strconv.AppendFloat(b, y, 'f', 1, 64)
}

// svg is the markup of a drawing made here. Its component writes only
// into a buffer and has nothing that can fail.
func svg(c templ.Component) template.HTML {
	h, err := markup(c)
	if err != nil {
		panic(err)
	}
	return h
}

// printMonths is how many months a printed chart shows.
const printMonths = 24

// PrintChart is a goal's small chart for the printed page: an SVG made
// here, so that it prints without the page's script having run.
type PrintChart struct {
	Title string
	SVG   template.HTML
}

// printChart draws unit's last two years of goal gi up to end, the month
// its shown period ends, a point for each of its periods (months,
// tertials or years), with its target then dashed and named with its
// value, the first and last period and the highest and lowest value
// labelled.
func (s *site) printChart(unit, gi int, end model.Period) template.HTML {
	const w, h, right, top, bottom = 320.0, 110.0, 8.0, 8.0, 18.0
	g := &s.Site.Goals[gi]
	t := s.Scores.ThresholdsAt(unit, gi, end)
	lo, hi := t.Target, t.Target
	step := model.Period(g.PeriodMonths())
	n := printMonths / int(step)
	ends := make([]model.Period, n)
	cells := make([]score.Cell, n)
	// Each period's target, as the values are judged: a year's steps are
	// steps of the line.
	targets := make([]float64, n)
	for i := range n {
		ends[i] = end - model.Period(n-1-i)*step
		c := s.Scores.At(unit, gi, ends[i])
		cells[i] = c
		if c.Has() {
			lo, hi = min(lo, c.Value), max(hi, c.Value)
		}
		targets[i] = t.Target
		if then := s.Scores.ThresholdsAt(unit, gi, ends[i]); then.Applies {
			targets[i] = then.Target
			lo, hi = min(lo, then.Target), max(hi, then.Target)
		}
	}
	if hi == lo {
		hi, lo = hi+1, lo-1
	}
	// The plot begins right of its highest and lowest values' labels:
	// "17,1 dager" is wider than "45 %", and paper cuts off what is left
	// of the drawing.
	hiText, loText := s.loc.WithUnit(hi, g.Decimals, g.Unit), s.loc.WithUnit(lo, g.Decimals, g.Unit)
	left := max(44, 6+max(labelWidth(hiText), labelWidth(loText)))
	x := func(i int) float64 { return left + float64(i)*(w-left-right)/float64(n-1) }
	y := func(v float64) float64 { return top + (hi-v)*(h-top-bottom)/(hi-lo) }
	var line brokenLine
	var segments []segment
	for i, c := range cells {
		if c.Has() {
			line.add(x(i), y(c.Value))
			if i > 0 && cells[i-1].Has() {
				segments = append(segments, segment{x(i - 1), y(cells[i-1].Value), x(i), y(c.Value)})
			}
		} else {
			line.breakOff()
		}
	}
	labels := make([]svgLabel, 0, 5)
	label := func(x, y float64, anchor, text string) {
		labels = append(labels, svgLabel{x: coord(x), y: coord(y), anchor: anchor, text: text})
	}
	// The target's line steps halfway between two periods of different
	// targets; its last step is named.
	target := appendCoord(nil, left, y(targets[0]))
	lastStep := left
	for i := 1; i < n; i++ {
		if targets[i] != targets[i-1] {
			lastStep = (x(i-1) + x(i)) / 2
			target = appendCoord(append(appendCoord(append(target, ' '), lastStep, y(targets[i-1])), ' '), lastStep, y(targets[i]))
		}
	}
	target = appendCoord(append(target, ' '), w-right, y(t.Target))
	// Paper has no legend: the dashed line is named, with its value, by
	// its last step; where that is too short for the name, the name ends
	// where the step does, at its height, clear of the step before.
	name := s.loc.T("target") + " " + s.loc.WithUnit(t.Target, g.Decimals, g.Unit)
	named := targetLabel(name, y(t.Target), lastStep+2, w-right, h-bottom+2, segments)
	if lastStep+2+labelWidth(name) > w-right {
		// Above the line where the step before runs below it and there
		// is room, else below.
		ty := y(t.Target)
		named = svgLabel{x: coord(w - right), y: coord(ty + 10), anchor: "end", text: name}
		if ty <= y(targets[n-2]) && ty-3 >= 8 || ty+10 > h-bottom+2 {
			named.y = coord(ty - 3)
		}
	}
	labels = append(labels, named)
	label(left-4, y(hi)+4, "end", hiText)
	label(left-4, y(lo)+4, "end", loText)
	periodLabel := func(p model.Period) string {
		if step == 1 {
			return s.months[p-s.Scores.First]
		}
		return s.periodName(g, p)
	}
	if ends[0] >= s.Scores.First {
		label(left, h-4, "start", periodLabel(ends[0]))
	}
	if end >= s.Scores.First && int(end-s.Scores.First) < len(s.months) {
		label(w-right, h-4, "end", periodLabel(end))
	}
	return svg(printChartSVG(g.Title, string(target), line.parts(), labels))
}

// targetLabel places name, in a printed chart's 9 px text, just above or
// below the target's line at height targetY, somewhere from x from to to,
// its baseline no lower than lowest (the month labels are below): where
// the values' segments cross it least, counting the white edge of the
// text and the line's width around it (of equals, the leftmost, above).
func targetLabel(name string, targetY, from, to, lowest float64, segments []segment) svgLabel {
	const margin = 2.5
	width := labelWidth(name)
	best := svgLabel{x: coord(from), y: coord(max(targetY-3, 8)), anchor: "start", text: name}
	fewest := -1
	for x0 := from; x0+width <= to; x0 += 8 {
		for _, y0 := range []float64{targetY - 3, targetY + 10} {
			if y0-8 < 0 || y0 > lowest {
				continue
			}
			if n := crossings(segments, x0-margin, y0-8-margin, x0+width+margin, y0+2+margin); fewest < 0 || n < fewest {
				best, fewest = svgLabel{x: coord(x0), y: coord(y0), anchor: "start", text: name}, n
			}
		}
	}
	return best
}

// segment is a straight part of a drawn line, from x0,y0 to x1,y1.
type segment struct{ x0, y0, x1, y1 float64 }

// crossings counts the points, of sixteen along each segment, that lie in
// the box from x0,y0 to x1,y1: how much of a line a label there covers.
func crossings(segments []segment, x0, y0, x1, y1 float64) int {
	n := 0
	for _, s := range segments {
		if max(s.x0, s.x1) < x0 || min(s.x0, s.x1) > x1 || max(s.y0, s.y1) < y0 || min(s.y0, s.y1) > y1 {
			continue
		}
		for i := range 17 {
			f := float64(i) / 16
			if x, y := s.x0+f*(s.x1-s.x0), s.y0+f*(s.y1-s.y0); x >= x0 && x <= x1 && y >= y0 && y <= y1 {
				n++
			}
		}
	}
	return n
}

// labelWidth is about how wide text is in a printed chart's 9 px text.
func labelWidth(text string) float64 { return 5.2 * float64(utf8.RuneCountInString(text)) }

// svgLabel is a text placed in a drawing, anchored at x,y.
type svgLabel struct {
	x, y, anchor, text string
}

// printCharts are the small charts of the goals that need attention.
func (s *site) printCharts(unit int, needs Needs, p model.Period) (charts []PrintChart, left string) {
	drawn := 0
	for _, r := range needs.Rows {
		gi, ok := s.goalIndex[r.GoalID]
		if !ok {
			continue
		}
		// Of the period the scorecard shows: a goal measured by the
		// year, or later, has no result of month p.
		c, end := s.Scores.Shown(unit, gi, p)
		if !c.Has() {
			continue
		}
		if len(charts) < printChartsMax {
			charts = append(charts, PrintChart{Title: r.Goal.Text, SVG: s.printChart(unit, gi, end)})
		}
		drawn++
	}
	if drawn > len(charts) {
		left = strings.NewReplacer("{n}", strconv.Itoa(len(charts)), "{of}", strconv.Itoa(drawn)).Replace(s.loc.T("print.left"))
	}
	return charts, left
}

// printChartsMax is how many charts a handout prints: two rows of three
// leave room on its first page for the summary and needs attention.
const printChartsMax = 6
