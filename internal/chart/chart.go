// Package chart builds the ECharts options of the site's charts with
// go-echarts' typed options, as JSON for the page. It never uses
// go-echarts' own page rendering: that does not escape text and links a
// public CDN. The site's script draws the charts from the JSON.
//
// A page's charts with the same lines (and, on a county page, the same
// offices) differ only in their data, so their options are a Layout
// written once per page, and each chart's JSON carries the name of its
// layout and its values, so that a unit page, with a chart per goal, does
// not build and carry the same options once per goal.
//
// A chart's data is appended to its JSON here rather than marshalled by
// encoding/json: a site has thousands of charts of hundreds of numbers,
// and reflecting over each number, boxed where a month is a gap, and
// formatting it with strconv instead of package decimal is a noticeable
// part of a build. Text still goes through marshal, so it is escaped as
// encoding/json escapes it.
//
// Options carry no colours: the script picks them from the page's CSS so
// that charts follow light and dark mode. Series ids tell it which role a
// series has ("unit" the page's own, "county" an office's county beside
// it, "target", "whole", "offices").
package chart

import (
	"encoding/json"
	"slices"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
	"github.com/malekort/malekort/internal/decimal"
)

// Chart is one chart of a page.
type Chart struct {
	ID     string // unique in the page and derived from it, never random
	Height int    // pixels; so that the page does not jump as charts draw (the script adds a legend's rows past two)
	// JSON is {"layout": id, "data": [values of each series]}. Text in it
	// is escaped for a <script> element.
	JSON []byte
}

// Series is a named line over the months of a trend chart. Values hold nil
// for a month without a value. Marks are months marked on the line: where
// its unit began (its months before are recast from its predecessors),
// where a measure started or was done.
type Series struct {
	Line
	Values []*float64
	Marks  []Mark
}

// Mark is a month of a line marked with a label: a measure's start or end
// (Measure, drawn as a symbol on the line), or where the unit began.
type Mark struct {
	At      int // the month's index
	Label   string
	Measure bool
}

// Line is a trend line's role ("unit", "county", "target", …) and its name
// in the legend.
type Line struct{ ID, Name string }

// Layout is the options that a page's charts with the same lines (and
// bars) share: all of them but the data.
type Layout struct {
	ID   string
	JSON []byte
}

// Bar is one office in a county's comparison, with its own target.
type Bar struct {
	Name   string
	Value  *float64
	Status string
	Target float64
	Size   string // a ratio's numerator and denominator in words, for the tooltip
}

func lineSeries(l Line, months, xAxis, yAxis int, data any) charts.SingleSeries {
	ls := charts.SingleSeries{
		Id: l.ID, Name: l.Name, Type: types.ChartLine, Data: data,
		XAxisIndex: xAxis, YAxisIndex: yAxis,
		ShowSymbol: opts.Bool(months <= 24), ConnectNulls: opts.Bool(false),
	}
	switch l.ID {
	case "target":
		ls.ShowSymbol = opts.Bool(false)
		ls.LineStyle = &opts.LineStyle{Type: "dashed", Width: 2}
		ls.Symbol = "none"
		// A target holds for its periods and changes at once between
		// two of them, as the printed charts draw it: a slope would say
		// December's target lay between last year's and this year's.
		ls.Step = "middle"
	case "unit":
		ls.LineStyle = &opts.LineStyle{Width: 3}
	case "county":
		// Beside the office's own line, the county's is dotted, so that
		// the two differ by more than colour where a long line has no
		// symbols.
		ls.LineStyle = &opts.LineStyle{Type: "dotted", Width: 3}
	default:
		ls.LineStyle = &opts.LineStyle{Width: 2}
	}
	return ls
}

func base(months []string) *charts.Line {
	c := charts.NewLine()
	c.SetGlobalOptions(
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0", Type: "plain"}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "16", Top: "16", Bottom: "48", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Scale: opts.Bool(true)}),
	)
	c.SetXAxis(months)
	return c
}

func finish(c *charts.Line) map[string]any {
	c.Validate()
	opt := c.JSON()
	// go-echarts always emits these; the title is HTML and colours come
	// from the page's CSS, so here they would only cost bytes.
	for _, k := range []string{"title", "toolbox", "color"} {
		delete(opt, k)
	}
	return opt
}

// marshal writes v as JSON that is safe in a <script> element: < > & and
// the line separators are escaped, so no text can end the element.
func marshal(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		// Options are maps, slices, strings and finite numbers.
		panic(err)
	}
	return b
}

// TrendLayout is the options of trend charts over months with the given
// lines, the target dashed.
func TrendLayout(id string, months []string, lines []Line) Layout {
	c := base(months)
	for _, l := range lines {
		c.MultiSeries = append(c.MultiSeries, lineSeries(l, len(months), 0, 0, nil))
	}
	return Layout{ID: id, JSON: marshal(finish(c))}
}

// Trend is a trend chart drawn with layout, whose lines are the series'
// in order. The series' names are in the chart's JSON ("names"), not in
// its layout, so that one layout serves every page with lines of the same
// roles.
func Trend(id string, layout Layout, series []Series) Chart {
	b := append(appendLines(layoutJSON(layout), series), `],"names":[`...)
	for i, s := range series {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, marshal(s.Name)...)
	}
	b = append(b, ']')
	return Chart{ID: id, Height: 300, JSON: append(appendMarks(b, series), '}')}
}

// appendMarks appends the series' marks, if any, as
// ,"marks":[{"series": index, "at": month index, "label": text, "measure": true}].
func appendMarks(b []byte, series []Series) []byte {
	first := true
	for i, s := range series {
		for _, m := range s.Marks {
			if first {
				b = append(b, `,"marks":[`...)
				first = false
			} else {
				b = append(b, ',')
			}
			b = append(b, `{"series":`...)
			b = decimal.AppendShortest(b, float64(i))
			b = append(b, `,"at":`...)
			b = decimal.AppendShortest(b, float64(m.At))
			b = append(b, `,"label":`...)
			b = append(b, marshal(m.Label)...)
			if m.Measure {
				b = append(b, `,"measure":true`...)
			}
			b = append(b, '}')
		}
	}
	if !first {
		b = append(b, ']')
	}
	return b
}

// layoutJSON begins a chart's JSON: its layout, then its data.
func layoutJSON(layout Layout) []byte {
	return append(append([]byte(`{"layout":`), marshal(layout.ID)...), `,"data":[`...)
}

// appendLines appends each line's values: a month without a value is
// "-", a gap; a line with the same value every month (a target) is that
// value once.
func appendLines(b []byte, series []Series) []byte {
	for i, s := range series {
		if i > 0 {
			b = append(b, ',')
		}
		if Flat(s.Values) {
			b = decimal.AppendShortest(b, *s.Values[0])
			continue
		}
		b = append(b, '[')
		for j, v := range s.Values {
			if j > 0 {
				b = append(b, ',')
			}
			if v == nil {
				b = append(b, `"-"`...)
			} else {
				b = decimal.AppendShortest(b, *v)
			}
		}
		b = append(b, ']')
	}
	return b
}

// Flat reports whether a line has the same value in every month (a
// target): a chart gives it once, a table in its caption.
func Flat(values []*float64) bool {
	return len(values) > 0 && !slices.ContainsFunc(values, func(v *float64) bool { return v == nil || *v != *values[0] })
}

// A county chart's bars stand in a grid barsTop from its top and
// barsBottom from its bottom (the legend's row and a margin); the grid
// holds its value axis's labels too (containLabel).
const barsTop, barsBottom = 290, 48

// countyHeight is the height of a county chart with n bars: about a row of
// barHeight for each, under the trend (less what the value axis's labels
// take), and a row more for the legend, which on a phone wraps onto a
// second row that the script takes from the grids' bottom (malekort.js,
// theme). The box is sized here, before the chart is drawn, so that
// nothing on the page moves when it is (the script grows it for a legend
// of more rows).
func countyHeight(n int) int {
	const barHeight, legendRow = 28, 28
	return barsTop + barsBottom + legendRow + barHeight*n
}

// CountyLayout is the options of a county's charts for goals with the same
// lines: its trend against the target above, and its offices' values this
// month as bars below, each with its own target marked by a pin above
// its bar, clear of the bar's value label. The offices, in
// each chart's order, are in its JSON.
func CountyLayout(id string, months []string, lines []Line, barsName, targetsName string) Layout {
	c := base(months)
	c.GridList = []opts.Grid{
		{Left: "8", Right: "16", Top: "16", Height: "180", ContainLabel: opts.Bool(true)},
		{Left: "16", Right: "48", Top: strconv.Itoa(barsTop), Bottom: strconv.Itoa(barsBottom), ContainLabel: opts.Bool(true)},
	}
	c.XAxisList[0].GridIndex = 0
	c.ExtendXAxis(opts.XAxis{Type: "value", GridIndex: 1, Scale: opts.Bool(false)})
	c.ExtendYAxis(opts.YAxis{Type: "category", GridIndex: 1, Inverse: opts.Bool(true)})
	for _, l := range lines {
		c.MultiSeries = append(c.MultiSeries, lineSeries(l, len(months), 0, 0, nil))
	}
	c.MultiSeries = append(c.MultiSeries, charts.SingleSeries{
		Id: "offices", Name: barsName, Type: types.ChartBar,
		XAxisIndex: 1, YAxisIndex: 1, BarMaxWidth: "20",
	}, charts.SingleSeries{
		Id: "office-targets", Name: targetsName, Type: types.ChartScatter,
		XAxisIndex: 1, YAxisIndex: 1, Symbol: "triangle", SymbolSize: 9,
	})
	opt := finish(c)
	// The bars have their own axes, so the axis tooltip of the trend would
	// show nothing useful over them.
	opt["tooltip"] = map[string]any{"show": true, "trigger": "axis", "axisPointer": map[string]any{"type": "shadow"}}
	return Layout{ID: id, JSON: marshal(opt)}
}

// County is a county chart drawn with layout: the trend's lines, then a
// bar per office, {"value", "status", "n"} (an office without a value has
// value 0 and its status, so that its bar can say "–" or ":"), then each
// office's target as [target, index]; the offices' names in the bars'
// order are "offices".
func County(id string, layout Layout, trend []Series, bars []Bar) Chart {
	b := append(appendLines(layoutJSON(layout), trend), ",["...)
	for i, bar := range bars {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"value":`...)
		if bar.Value == nil {
			b = append(b, '0')
		} else {
			b = decimal.AppendShortest(b, *bar.Value)
		}
		b = append(b, `,"status":`...)
		b = append(b, marshal(bar.Status)...)
		if bar.Size != "" {
			b = append(b, `,"n":`...)
			b = append(b, marshal(bar.Size)...)
		}
		b = append(b, '}')
	}
	b = append(b, "],["...)
	for i, bar := range bars {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = decimal.AppendShortest(b, bar.Target)
		b = append(b, ',')
		b = decimal.AppendShortest(b, float64(i))
		b = append(b, ']')
	}
	b = append(b, `]],"offices":[`...)
	for i, bar := range bars {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, marshal(bar.Name)...)
	}
	b = append(b, ']')
	return Chart{ID: id, Height: countyHeight(len(bars)), JSON: append(appendMarks(b, trend), '}')}
}

// Point is an office in a funnel plot: its denominator, its value and its
// status.
type Point struct {
	Name   string
	N      float64
	Value  float64
	Status string
}

// FunnelLines are the legend names of a funnel plot's lines.
type FunnelLines struct {
	Limit95, Limit998, Target, Offices, N string
}

// funnelSeries are a funnel plot's series in order: the limits below and
// above the target at 99.8 % and 95 %, the target, the offices.
var funnelSeries = []string{"limit998-lower", "limit95-lower", "limit95-upper", "limit998-upper", "target", "points"}

// FunnelLayout is the options of funnel plots: each office's value against
// its denominator, with the control limits around the target narrowing as
// the denominator grows. A wide range of denominators is drawn on a log
// axis, so that small offices are not crowded into one corner.
func FunnelLayout(id string, names FunnelLines, logX bool) Layout {
	c := charts.NewLine()
	xType := "value"
	if logX {
		xType = "log"
	}
	c.SetGlobalOptions(
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0"}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "24", Top: "24", Bottom: "64", ContainLabel: opts.Bool(true)}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Scale: opts.Bool(true)}),
	)
	for _, id := range funnelSeries {
		s := charts.SingleSeries{Id: id, Type: types.ChartLine, ShowSymbol: opts.Bool(false), Symbol: "none"}
		switch id {
		case "limit95-lower", "limit95-upper":
			s.Name, s.LineStyle = names.Limit95, &opts.LineStyle{Type: "dashed", Width: 1}
		case "limit998-lower", "limit998-upper":
			s.Name, s.LineStyle = names.Limit998, &opts.LineStyle{Type: "dotted", Width: 1}
		case "target":
			s.Name, s.LineStyle = names.Target, &opts.LineStyle{Type: "dashed", Width: 2}
		case "points":
			s = charts.SingleSeries{Id: id, Name: names.Offices, Type: types.ChartScatter, SymbolSize: 10}
		}
		c.MultiSeries = append(c.MultiSeries, s)
	}
	opt := finish(c)
	// go-echarts writes a category axis of months; this one is the
	// denominator's.
	opt["xAxis"] = []any{map[string]any{"id": "n", "type": xType, "name": names.N, "nameLocation": "middle", "nameGap": 28, "scale": true}}
	return Layout{ID: id, JSON: marshal(opt)}
}

// Funnel is a funnel plot drawn with layout: its limit lines, each as
// [n, limit] pairs at the denominators ns, the target, and the offices as
// {"value": [n, value], "name", "status"}.
func Funnel(id string, layout Layout, ns []float64, lower998, lower95, upper95, upper998 []float64, target float64, points []Point) Chart {
	b := layoutJSON(layout)
	for _, line := range [][]float64{lower998, lower95, upper95, upper998} {
		b = append(b, '[')
		for i, v := range line {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '[')
			b = decimal.AppendShortest(b, ns[i])
			b = append(b, ',')
			b = decimal.AppendShortest(b, v)
			b = append(b, ']')
		}
		b = append(b, "],"...)
	}
	b = append(b, "[["...)
	b = decimal.AppendShortest(b, ns[0])
	b = append(b, ',')
	b = decimal.AppendShortest(b, target)
	b = append(b, "],["...)
	b = decimal.AppendShortest(b, ns[len(ns)-1])
	b = append(b, ',')
	b = decimal.AppendShortest(b, target)
	b = append(b, "]],["...)
	for i, p := range points {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"value":[`...)
		b = decimal.AppendShortest(b, p.N)
		b = append(b, ',')
		b = decimal.AppendShortest(b, p.Value)
		b = append(b, `],"name":`...)
		b = append(b, marshal(p.Name)...)
		b = append(b, `,"status":`...)
		b = append(b, marshal(p.Status)...)
		b = append(b, '}')
	}
	b = append(b, "]]}"...)
	return Chart{ID: id, Height: 360, JSON: b}
}
