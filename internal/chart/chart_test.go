package chart

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

func ptr(v float64) *float64 { return &v }

func TestTrend(t *testing.T) {
	months := []string{"jan. 26", "feb. 26"}
	lines := []Line{{ID: "unit", Name: "NAV Fana"}, {ID: "target", Name: "Målverdi"}}
	layout := TrendLayout("chart-layout-1", months, lines)
	got := string(layout.JSON)
	for _, want := range []string{
		`"id":"unit"`,
		`"id":"target"`,
		`"type":"dashed"`,
		`"data":["jan. 26","feb. 26"]`,
		`"animation":false`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("layout lacks %s:\n%s", want, got)
		}
	}
	for _, unwanted := range []string{`"color"`, `"toolbox"`, `"title"`} {
		if strings.Contains(got, unwanted) {
			t.Errorf("layout has %s, which the page's CSS and HTML provide:\n%s", unwanted, got)
		}
	}
	if again := TrendLayout("chart-layout-1", months, lines); string(again.JSON) != got {
		t.Errorf("the same layout marshals differently")
	}

	c := Trend("chart-g", layout, []Series{
		{Line: lines[0], Values: []*float64{ptr(45.3), nil}},
		{Line: lines[1], Values: []*float64{ptr(45), ptr(45)}},
	})
	// A missing month is a gap, not a zero; a flat line is its value once.
	if want := `{"layout":"chart-layout-1","data":[[45.3,"-"],45],"names":["NAV Fana","Målverdi"]}`; string(c.JSON) != want {
		t.Errorf("chart JSON %s, want %s", c.JSON, want)
	}
	var v struct {
		Layout string
		Data   []any
	}
	if err := json.Unmarshal(c.JSON, &v); err != nil || v.Layout != layout.ID || len(v.Data) != 2 {
		t.Errorf("chart JSON does not parse as a layout and two lines: %v %+v", err, v)
	}
}

func TestChartJSONCannotEndTheScript(t *testing.T) {
	layout := TrendLayout("l", []string{"</script><script>alert(1)</script>"}, []Line{{ID: "unit", Name: "</script>&"}})
	if bytes.Contains(layout.JSON, []byte("</")) || bytes.Contains(layout.JSON, []byte("&")) {
		t.Errorf("layout JSON carries markup: %s", layout.JSON)
	}
}

func TestCountyChartHasBarsOnTheirOwnAxes(t *testing.T) {
	layout := CountyLayout("chart-layout-1", []string{"jan. 26"}, []Line{{ID: "unit", Name: "NAV Vest"}, {ID: "target", Name: "Mål"}}, "Kontorer", "Kontorets målverdi")
	got := string(layout.JSON)
	for _, want := range []string{
		`"xAxisIndex":1,"yAxisIndex":1`,
		`"id":"offices"`,
		`"id":"office-targets"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("layout lacks %s:\n%s", want, got)
		}
	}
	c := County("chart-g", layout, []Series{
		{Line: Line{ID: "unit", Name: "NAV Vest"}, Values: []*float64{ptr(44)}},
		{Line: Line{ID: "target", Name: "Mål"}, Values: []*float64{ptr(45)}},
	}, []Bar{{Name: "NAV A", Value: ptr(50), Status: "green", Target: 45}, {Name: "NAV B", Status: "suppressed", Target: 40}})
	// A suppressed office is an empty bar that says so, never its value.
	if want := `{"layout":"chart-layout-1","data":[44,45,[{"value":50,"status":"green"},{"value":0,"status":"suppressed"}],[[45,0],[40,1]]],"offices":["NAV A","NAV B"]}`; string(c.JSON) != want {
		t.Errorf("chart JSON %s, want %s", c.JSON, want)
	}
	// Each bar has a row of its own in the bars' grid, which the chart's
	// height less the grid's distances from its top and bottom leaves, on
	// a phone too, whose legend takes 28 px more from the bottom.
	var opt struct {
		Grid []struct{ Top, Bottom string }
	}
	if err := json.Unmarshal(layout.JSON, &opt); err != nil || len(opt.Grid) != 2 {
		t.Fatalf("layout's grids: %v %s", err, layout.JSON)
	}
	top, _ := strconv.Atoi(opt.Grid[1].Top)
	bottom, _ := strconv.Atoi(opt.Grid[1].Bottom)
	if room := c.Height - top - bottom - 28; room < 2*28 {
		t.Errorf("height %d leaves %d px for 2 bars", c.Height, room)
	}
}

// TestFunnel: a funnel plot's JSON holds its four limit lines at the
// given denominators, the target from the first to the last, and each
// office as {"value": [n, value], "name", "status"}, names escaped for a
// <script> element.
func TestFunnel(t *testing.T) {
	layout := FunnelLayout("funnel-layout-1", FunnelLines{Limit95: "95 %", Limit998: "99,8 %", Target: "Mål", Offices: "Kontorer", N: "n"}, false)
	if !strings.Contains(string(layout.JSON), `"name":"Kontorer","type":"scatter","id":"points"`) {
		t.Errorf("layout has no scatter series of offices: %s", layout.JSON)
	}
	c := Funnel("funnel-g", layout, []float64{10, 20}, []float64{1, 2}, []float64{3, 4}, []float64{7, 6}, []float64{9, 8}, 5,
		[]Point{{Name: "NAV </script>", N: 12, Value: 4.5, Status: "yellow"}})
	want := `{"layout":"funnel-layout-1","data":[[[10,1],[20,2]],[[10,3],[20,4]],[[10,7],[20,6]],[[10,9],[20,8]],[[10,5],[20,5]],[{"value":[12,4.5],"name":"NAV \u003c/script\u003e","status":"yellow"}]]}`
	if string(c.JSON) != want {
		t.Errorf("funnel JSON\n%s\nwant\n%s", c.JSON, want)
	}
}

// TestDataIsWhatEncodingJSONWrites holds the charts' hand-appended data to
// what encoding/json writes for the same values: gaps, flat lines, marks,
// bars without a value and text to escape.
func TestDataIsWhatEncodingJSONWrites(t *testing.T) {
	layout := Layout{ID: "chart-layout-<1>"}
	series := []Series{
		{Line: Line{ID: "unit", Name: "NAV Fana & \"Ytre\" </script>"}, Values: []*float64{ptr(45.3), nil, ptr(-0.25), ptr(1234567.5)},
			Marks: []Mark{{At: 1, Label: "Tiltak <startet>", Measure: true}}},
		{Line: Line{ID: "county", Name: "NAV Vest\u2028"}, Values: []*float64{nil, nil, ptr(40), ptr(41)}},
		{Line: Line{ID: "target", Name: "Mål"}, Values: []*float64{ptr(45), ptr(45), ptr(45), ptr(45)},
			Marks: []Mark{{At: 0, Label: "Ny"}, {At: 3, Label: "Ferdig"}}},
	}
	line := func(s Series) any {
		if Flat(s.Values) {
			return *s.Values[0]
		}
		values := make([]any, len(s.Values))
		for i, v := range s.Values {
			values[i] = "-"
			if v != nil {
				values[i] = *v
			}
		}
		return values
	}
	type mark struct {
		Series  int    `json:"series"`
		At      int    `json:"at"`
		Label   string `json:"label"`
		Measure bool   `json:"measure,omitempty"`
	}
	var data, marks []any
	var names []string
	for i, s := range series {
		data, names = append(data, line(s)), append(names, s.Name)
		for _, m := range s.Marks {
			marks = append(marks, mark{i, m.At, m.Label, m.Measure})
		}
	}
	check := func(what string, got []byte, want any) {
		t.Helper()
		if w := marshal(want); !bytes.Equal(got, w) {
			t.Errorf("%s:\n%s\nencoding/json:\n%s", what, got, w)
		}
	}
	check("trend", Trend("c", layout, series).JSON, struct {
		Layout string   `json:"layout"`
		Data   []any    `json:"data"`
		Names  []string `json:"names"`
		Marks  []any    `json:"marks"`
	}{layout.ID, data, names, marks})

	bars := []Bar{{Name: "NAV A", Value: ptr(50.5), Status: "green", Target: 45, Size: "5 av 10"}, {Name: "NAV <B>", Status: "suppressed", Target: 40.25}}
	type bar struct {
		Value  float64 `json:"value"`
		Status string  `json:"status"`
		N      string  `json:"n,omitempty"`
	}
	county := append([]any(nil), data...)
	county = append(county, []bar{{50.5, "green", "5 av 10"}, {0, "suppressed", ""}}, [][2]float64{{45, 0}, {40.25, 1}})
	check("county", County("c", layout, series, bars).JSON, struct {
		Layout  string   `json:"layout"`
		Data    []any    `json:"data"`
		Offices []string `json:"offices"`
		Marks   []any    `json:"marks"`
	}{layout.ID, county, []string{"NAV A", "NAV <B>"}, marks})

	type point struct {
		Value  [2]float64 `json:"value"`
		Name   string     `json:"name"`
		Status string     `json:"status"`
	}
	ns := []float64{10, 100}
	check("funnel", Funnel("f", layout, ns, []float64{0.5, 2}, []float64{1, 3}, []float64{9, 7}, []float64{9.5, 8}, 5,
		[]Point{{Name: "NAV </script>", N: 12, Value: 4.5, Status: "yellow"}}).JSON, struct {
		Layout string `json:"layout"`
		Data   []any  `json:"data"`
	}{layout.ID, []any{
		[][2]float64{{10, 0.5}, {100, 2}}, [][2]float64{{10, 1}, {100, 3}}, [][2]float64{{10, 9}, {100, 7}}, [][2]float64{{10, 9.5}, {100, 8}},
		[][2]float64{{10, 5}, {100, 5}}, []point{{[2]float64{12, 4.5}, "NAV </script>", "yellow"}},
	}})
}

// TestLinesDifferBeyondColour: an office's chart has its own line, its
// county's and the target; past 24 months no line has symbols, so each
// must be drawn its own way (WCAG 1.4.1) and not by colour alone.
func TestLinesDifferBeyondColour(t *testing.T) {
	months := make([]string, 36)
	lines := []Line{{ID: "unit", Name: "NAV Fana"}, {ID: "county", Name: "NAV Vestland"}, {ID: "target", Name: "Målverdi"}}
	var layout struct {
		Series []struct {
			ID         string `json:"id"`
			ShowSymbol bool   `json:"showSymbol"`
			LineStyle  struct {
				Type string `json:"type"`
			} `json:"lineStyle"`
		} `json:"series"`
	}
	if err := json.Unmarshal(TrendLayout("l", months, lines).JSON, &layout); err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for _, s := range layout.Series {
		style := s.LineStyle.Type
		if style == "" {
			style = "solid"
		}
		if s.ShowSymbol {
			t.Errorf("%s shows a symbol on each of 36 months", s.ID)
		}
		if other, ok := seen[style]; ok {
			t.Errorf("%s and %s are both drawn %s", other, s.ID, style)
		}
		seen[style] = s.ID
	}
	if len(seen) != len(lines) {
		t.Errorf("%d line styles for %d lines: %v", len(seen), len(lines), seen)
	}
}

// TestTargetSteps: the target's line steps halfway between two periods
// of different targets instead of sloping from one to the other; the
// results' lines run straight from point to point.
func TestTargetSteps(t *testing.T) {
	lines := []Line{{ID: "unit", Name: "NAV Fana"}, {ID: "county", Name: "NAV Vestland"}, {ID: "target", Name: "Målverdi"}}
	var layout struct {
		Series []struct {
			ID   string `json:"id"`
			Step string `json:"step"`
		} `json:"series"`
	}
	if err := json.Unmarshal(TrendLayout("l", make([]string, 12), lines).JSON, &layout); err != nil {
		t.Fatal(err)
	}
	for _, s := range layout.Series {
		if want := map[bool]string{true: "middle"}[s.ID == "target"]; s.Step != want {
			t.Errorf("%s's line has step %q, want %q", s.ID, s.Step, want)
		}
	}
}
