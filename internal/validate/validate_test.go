package validate

import (
	"strings"
	"testing"

	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/model"
)

// TestDuplicateResults finds a second row for the same unit, goal and
// month both where the rows fill a grid of months and where one row is
// dated a century away, which with many goals would make the grid
// enormous.
func TestDuplicateResults(t *testing.T) {
	period := func(s string) model.Period {
		p, ok := model.ParsePeriod(s)
		if !ok {
			t.Fatal(s)
		}
		return p
	}
	for name, far := range map[string]string{"grid": "2025-01", "far apart": "1900-01"} {
		s := &model.Site{
			Offices:     []model.Office{{ID: "a", County: "vest"}},
			Counties:    []model.County{{ID: "vest"}},
			Units:       []string{"a", "vest"},
			Goals:       make([]model.Goal, 1000),
			ResultFiles: []string{"data/results/x.csv"},
			Results: []model.Result{
				{Period: period(far), Line: 2, HasValue: true},
				{Period: period("2026-01"), Line: 3, HasValue: true},
				{Period: period("2026-01"), Line: 4, HasValue: true},
				{Period: period("2026-01"), Unit: 1, Line: 5, HasValue: true},
			},
		}
		for i := range s.Goals {
			s.Goals[i] = model.Goal{ID: "g", Aggregate: "mean", Direction: "higher"}
		}
		if x := newSeen(s); (x.rows == nil) != (name == "far apart") {
			t.Errorf("%s: grid %v", name, x.rows != nil)
		}
		var errs diag.List
		results(s, nil, &errs)
		want := "data/results/x.csv:4: second result for 2026-01, a, g (the first is at data/results/x.csv:3): keep one"
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), want) {
			t.Errorf("%s: %v, want %s", name, errs, want)
		}
	}
}
