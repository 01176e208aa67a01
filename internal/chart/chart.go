// Package chart builds the ECharts options of the site's charts with
// go-echarts' typed options. It never uses go-echarts' own page rendering:
// that does not escape text and links a public CDN. render marshals the
// options into the page as JSON, and the site's script draws them.
//
// Options carry no colours: the script picks them from the page's CSS so
// that charts follow light and dark mode. Series ids tell it which role a
// series has ("unit", "county", "target", "whole", "offices").
package chart

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
)

// Chart is one chart of a page.
type Chart struct {
	ID     string // unique in the page and derived from it, never random
	Height int    // pixels; fixed so the page does not jump as charts draw
	Option map[string]any
}

// Series is a named line over the months of a trend chart. Values hold nil
// for a month without a value.
type Series struct {
	ID, Name string
	Values   []*float64
}

// Bar is one office in a county's comparison.
type Bar struct {
	Name   string
	Value  *float64
	Status string
}

func data(values []*float64) []any {
	out := make([]any, len(values))
	for i, v := range values {
		if v == nil {
			out[i] = "-" // ECharts' gap
		} else {
			out[i] = *v
		}
	}
	return out
}

func lineSeries(s Series, xAxis, yAxis int) charts.SingleSeries {
	ls := charts.SingleSeries{
		Id: s.ID, Name: s.Name, Type: types.ChartLine, Data: data(s.Values),
		XAxisIndex: xAxis, YAxisIndex: yAxis,
		ShowSymbol: opts.Bool(len(s.Values) <= 24), ConnectNulls: opts.Bool(false),
	}
	if s.ID == "target" {
		ls.ShowSymbol = opts.Bool(false)
		ls.LineStyle = &opts.LineStyle{Type: "dashed", Width: 2}
		ls.Symbol = "none"
	}
	return ls
}

func base(months []string) *charts.Line {
	c := charts.NewLine()
	c.SetGlobalOptions(
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0", Type: "scroll"}),
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

// Trend is a line chart over months: the unit, its comparisons and the
// target.
func Trend(id string, months []string, series []Series) Chart {
	c := base(months)
	for _, s := range series {
		c.MultiSeries = append(c.MultiSeries, lineSeries(s, 0, 0))
	}
	return Chart{ID: id, Height: 300, Option: finish(c)}
}

// County is a county's chart for a goal: its trend against the target
// above, and its offices' values this month as bars below.
func County(id string, months []string, trend []Series, bars []Bar, barsName string) Chart {
	const trendHeight, barHeight = 220, 28
	height := trendHeight + 90 + barHeight*len(bars)
	c := base(months)
	c.GridList = []opts.Grid{
		{Left: "8", Right: "16", Top: "16", Height: "180", ContainLabel: opts.Bool(true)},
		{Left: "8", Right: "48", Top: "290", Bottom: "48", ContainLabel: opts.Bool(true)},
	}
	c.XAxisList[0].GridIndex = 0
	c.ExtendXAxis(opts.XAxis{Type: "value", GridIndex: 1, Scale: opts.Bool(false)})
	names := make([]string, len(bars))
	values := make([]any, len(bars))
	for i, b := range bars {
		names[i] = b.Name
		if b.Value == nil {
			values[i] = "-"
		} else {
			values[i] = map[string]any{"value": *b.Value, "status": b.Status}
		}
	}
	c.ExtendYAxis(opts.YAxis{Type: "category", GridIndex: 1, Data: names, Inverse: opts.Bool(true)})
	for _, s := range trend {
		c.MultiSeries = append(c.MultiSeries, lineSeries(s, 0, 0))
	}
	c.MultiSeries = append(c.MultiSeries, charts.SingleSeries{
		Id: "offices", Name: barsName, Type: types.ChartBar, Data: values,
		XAxisIndex: 1, YAxisIndex: 1, BarMaxWidth: "20",
	})
	opt := finish(c)
	// The bars have their own axes, so the axis tooltip of the trend would
	// show nothing useful over them.
	opt["tooltip"] = map[string]any{"show": true, "trigger": "axis", "axisPointer": map[string]any{"type": "shadow"}}
	return Chart{ID: id, Height: height, Option: opt}
}
