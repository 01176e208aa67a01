package chart

import (
	"encoding/json"
	"strings"
	"testing"
)

func ptr(v float64) *float64 { return &v }

func TestTrendOption(t *testing.T) {
	c := Trend("chart-g", []string{"jan. 26", "feb. 26"}, []Series{
		{ID: "unit", Name: "NAV Fana", Values: []*float64{ptr(45.3), nil}},
		{ID: "target", Name: "Målverdi", Values: []*float64{ptr(45), ptr(45)}},
	})
	b, err := json.Marshal(c.Option)
	if err != nil {
		t.Fatal(err)
	}
	got := string(b)
	for _, want := range []string{
		`"data":[45.3,"-"]`, // a missing month is a gap, not a zero
		`"id":"target"`,
		`"type":"dashed"`,
		`"data":["jan. 26","feb. 26"]`,
		`"animation":false`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("option lacks %s:\n%s", want, got)
		}
	}
	for _, unwanted := range []string{`"color"`, `"toolbox"`, `"title"`} {
		if strings.Contains(got, unwanted) {
			t.Errorf("option has %s, which the page's CSS and HTML provide:\n%s", unwanted, got)
		}
	}
	again, _ := json.Marshal(Trend("chart-g", []string{"jan. 26", "feb. 26"}, []Series{
		{ID: "unit", Name: "NAV Fana", Values: []*float64{ptr(45.3), nil}},
		{ID: "target", Name: "Målverdi", Values: []*float64{ptr(45), ptr(45)}},
	}).Option)
	if string(again) != got {
		t.Errorf("the same chart marshals differently")
	}
}

func TestCountyOptionHasBarsOnTheirOwnAxes(t *testing.T) {
	c := County("chart-g", []string{"jan. 26"}, []Series{{ID: "county", Name: "NAV Vest", Values: []*float64{ptr(44)}}},
		[]Bar{{Name: "NAV A", Value: ptr(50), Status: "green"}, {Name: "NAV B", Status: "suppressed"}}, "Kontorer")
	b, _ := json.Marshal(c.Option)
	got := string(b)
	for _, want := range []string{
		`"data":[{"status":"green","value":50},"-"]`,
		`"xAxisIndex":1,"yAxisIndex":1`,
		`"data":["NAV A","NAV B"]`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("option lacks %s:\n%s", want, got)
		}
	}
	if c.Height < 300+2*28 {
		t.Errorf("height %d leaves no room for the bars", c.Height)
	}
}
