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

// TestSilentUnits: a unit that still exists but has had no results for a
// while, when the others have, is a notice asking whether it ended.
func TestSilentUnits(t *testing.T) {
	site := &model.Site{
		Counties:    []model.County{{ID: "vest", Pos: diag.Pos{Path: "data/org.toml", Line: 1}}},
		Offices:     []model.Office{{ID: "arstad", County: "vest", Pos: diag.Pos{Path: "data/org.toml", Line: 5}}, {ID: "fana", County: "vest", Pos: diag.Pos{Path: "data/org.toml", Line: 9}}},
		Goals:       []model.Goal{{ID: "g", Unit: "count", Aggregate: "sum"}},
		ResultFiles: []string{"data/results/2026.csv"},
	}
	site.NumberUnits()
	jan, _ := model.ParsePeriod("2026-01")
	for m := range 6 {
		site.Results = append(site.Results, model.Result{Period: jan + model.Period(m), Unit: 0, HasValue: true, Value: 1})
	}
	site.Results = append(site.Results, model.Result{Period: jan + 1, Unit: 1, HasValue: true, Value: 1})
	var errs diag.List
	silent(site, jan+5, &errs)
	if len(errs) != 1 || errs[0].Error() != `data/org.toml:9: fana has no results after 2026-02, though the site has results to 2026-06: if it ended, give it until = "2026-02" (and merged_into its successor)` {
		t.Errorf("notices %v", errs)
	}
	site.Offices[1].Lifetime.Until = jan + 1
	errs = nil
	silent(site, jan+5, &errs)
	if len(errs) != 0 {
		t.Errorf("an office that ended: %v", errs)
	}
}

// TestSilentOfficeWithoutCounties: a site of offices and no counties has
// nothing at the counties' first index to look at.
func TestSilentOfficeWithoutCounties(t *testing.T) {
	site := &model.Site{
		Offices: []model.Office{{ID: "arstad", Pos: diag.Pos{Path: "data/org.toml", Line: 1}}, {ID: "fana", Pos: diag.Pos{Path: "data/org.toml", Line: 4}}},
		Goals:   []model.Goal{{ID: "g", Unit: "count", Aggregate: "sum"}},
	}
	site.NumberUnits()
	jan, _ := model.ParsePeriod("2026-01")
	for m := range 6 {
		site.Results = append(site.Results, model.Result{Period: jan + model.Period(m), Unit: 0, HasValue: true, Value: 1})
	}
	site.Results = append(site.Results, model.Result{Period: jan + 1, Unit: 1, HasValue: true, Value: 1})
	var errs diag.List
	silent(site, jan+5, &errs)
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "data/org.toml:4: fana has no results after 2026-02") {
		t.Errorf("notices %v", errs)
	}
}
