package validate

import (
	"strings"
	"testing"

	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/model"
)

// TestJumps: a value far beyond its unit's usual month-to-month change is
// a notice at its row; an ordinary change, or one with too few months
// before it to judge by, is not.
func TestJumps(t *testing.T) {
	site := &model.Site{
		Counties:    []model.County{{ID: "vest"}},
		Offices:     []model.Office{{ID: "arstad", County: "vest"}, {ID: "fana", County: "vest"}},
		Goals:       []model.Goal{{ID: "tilfredshet", Unit: "score", Aggregate: "mean", Decimals: 1}},
		ResultFiles: []string{"data/results/2026.csv"},
	}
	site.NumberUnits()
	add := func(unit int32, values ...float64) {
		for m, v := range values {
			p, _ := model.ParsePeriod("2026-01")
			site.Results = append(site.Results, model.Result{Period: p + model.Period(m), Unit: unit, HasValue: true, Value: v, Line: int32(len(site.Results) + 2)})
		}
	}
	add(0, 4.4, 4.5, 4.6, 4.5, 4.4, 4.6, 4.5, 46, 4.5) // a decimal point lost in August
	add(1, 4.4, 4.5, 46, 4.5, 4.4, 4.6, 4.5, 4.7, 4.5) // too few months before March to judge
	p, _ := model.ParsePeriod("2026-09")
	var notices diag.List
	jumps(site, results(site, map[int32]bool{}, &notices), p, &notices)
	if len(notices) != 1 {
		t.Fatalf("%d notices, want 1: %v", len(notices), notices)
	}
	if got := notices[0].Error(); !strings.HasPrefix(got, "data/results/2026.csv:9: 2026-08, arstad, tilfredshet: 46 after 4.5 the month before") {
		t.Errorf("notice %q", got)
	}
}
