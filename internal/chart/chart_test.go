package chart

import (
	"bytes"
	"encoding/json"
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
	layout := CountyLayout("chart-layout-1", []string{"jan. 26"}, []Line{{ID: "county", Name: "NAV Vest"}, {ID: "target", Name: "Mål"}}, "Kontorer", "Kontorets målverdi")
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
		{Line: Line{ID: "county", Name: "NAV Vest"}, Values: []*float64{ptr(44)}},
		{Line: Line{ID: "target", Name: "Mål"}, Values: []*float64{ptr(45)}},
	}, []Bar{{Name: "NAV A", Value: ptr(50), Status: "green", Target: 45}, {Name: "NAV B", Status: "suppressed", Target: 40}})
	// A suppressed office is an empty bar that says so, never its value.
	if want := `{"layout":"chart-layout-1","data":[44,45,[{"value":50,"status":"green"},{"value":0,"status":"suppressed"}],[[45,0],[40,1]]],"offices":["NAV A","NAV B"]}`; string(c.JSON) != want {
		t.Errorf("chart JSON %s, want %s", c.JSON, want)
	}
	if c.Height < 300+2*28 {
		t.Errorf("height %d leaves no room for the bars", c.Height)
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
