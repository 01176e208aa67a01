package validate

import (
	"slices"
	"strings"
	"testing"

	"github.com/malekort/malekort/internal/config"
	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/locale"
	"github.com/malekort/malekort/internal/model"
	"github.com/malekort/malekort/internal/score"
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

// TestHiddenTotals: an office's figure hidden at source hides its
// county's total: one notice for the county and goal, at the first such
// row of the earliest month (the office it names is hidden then), naming the months up to the reported one that have no county row
// of their own; for the county's own goal without the whole site; none
// for a goal of the office's own.
func TestHiddenTotals(t *testing.T) {
	s := vestSite(model.Goal{ID: "g", Title: "G", Aggregate: "sum"}, model.Goal{ID: "own", Title: "Own", Aggregate: "sum", Owner: "a"},
		model.Goal{ID: "county", Title: "C", Aggregate: "sum", Owner: "vest"})
	for i, r := range []struct {
		p          string
		unit, goal int32
		suppressed bool
	}{
		{"2026-03", 1, 0, true}, // first in the file, not in time
		{"2026-01", 0, 0, true}, {"2026-01", 1, 0, false},
		{"2026-02", 0, 0, true}, {"2026-02", 2, 0, false}, // the county's own row
		{"2026-04", 0, 0, true}, // after the reported month
		{"2026-01", 0, 1, true},
		{"2026-02", 1, 2, true},
	} {
		s.Results = append(s.Results, model.Result{Period: period(r.p), Unit: r.unit, Goal: r.goal, Line: int32(i + 2), Suppressed: r.suppressed, HasValue: !r.suppressed})
	}
	var notices diag.List
	hiddenTotals(s, period("2026-03"), &notices)
	want := []string{
		`data/results/x.csv:3: NAV Vest's "G", and the whole site's, are hidden in 2 of the 3 months from January 2026 to March 2026 as the total needs an office's figure hidden at source (*), here NAV A's: a row for NAV Vest itself (unit "vest"), as NAV publishes the county's figures, would show the county's figure`,
		`data/results/x.csv:9: NAV Vest's "C" is hidden in February 2026 as the total needs an office's figure hidden at source (*), here NAV B's: a row for NAV Vest itself (unit "vest"), as NAV publishes the county's figures, would show the county's figure`,
	}
	sameNotices(t, notices, want)
}

// TestHiddenTotalsOfSharesGivenAsValues: a share's total that an office
// given only as its value leaves uncomputable is not called hidden, the
// county's where one of its offices is given so, the whole site's where
// any unit is.
func TestHiddenTotalsOfSharesGivenAsValues(t *testing.T) {
	s := vestSite(model.Goal{ID: "s", Title: "S", Aggregate: "ratio"})
	s.Offices = append(s.Offices, model.Office{ID: "c", Name: "NAV C", County: "nord"})
	s.Counties = append(s.Counties, model.County{ID: "nord", Name: "NAV Nord"})
	s.NumberUnits()
	ratio := model.Result{HasValue: true, HasRatio: true, Value: 50, Numerator: 1, Denominator: 2}
	value := model.Result{HasValue: true, Value: 50}
	for i, r := range []struct {
		p    string
		unit int32
		row  model.Result
	}{
		{"2026-01", 0, model.Result{Suppressed: true}}, {"2026-01", 1, value}, // vest uncomputable
		{"2026-02", 0, model.Result{Suppressed: true}}, {"2026-02", 1, ratio}, {"2026-02", 2, value}, // vest hidden, the whole uncomputable
		{"2026-03", 0, model.Result{Suppressed: true}}, {"2026-03", 1, ratio}, {"2026-03", 2, ratio}, // both hidden
	} {
		row := r.row
		row.Period, row.Unit, row.Line = period(r.p), r.unit, int32(i+2)
		s.Results = append(s.Results, row)
	}
	var notices diag.List
	hiddenTotals(s, period("2026-02"), &notices)
	sameNotices(t, notices, []string{
		`data/results/x.csv:4: NAV Vest's "S" is hidden in February 2026 as the total needs an office's figure hidden at source (*), here NAV A's: a row for NAV Vest itself (unit "vest"), as NAV publishes the county's figures, would show the county's figure`,
	})
	notices = nil
	hiddenTotals(s, period("2026-03"), &notices)
	sameNotices(t, notices, []string{
		`data/results/x.csv:4: NAV Vest's "S", and the whole site's, are hidden in 2 months from February 2026 to March 2026 as the total needs an office's figure hidden at source (*), here NAV A's: a row for NAV Vest itself (unit "vest"), as NAV publishes the county's figures, would show the county's figure`,
	})
}

// TestHiddenTotalsAsScored: the notice tells of the totals as score hid
// them: the whole site's, though an office given as its value is in a
// county whose own row stands for it, and not a lagged goal's month whose
// results are not due.
func TestHiddenTotalsAsScored(t *testing.T) {
	s := vestSite(model.Goal{ID: "s", Title: "S", Aggregate: "ratio"}, model.Goal{ID: "l", Title: "L", Aggregate: "sum", Lag: 1})
	s.Offices = append(s.Offices, model.Office{ID: "c", Name: "NAV C", County: "nord"})
	s.Counties = append(s.Counties, model.County{ID: "nord", Name: "NAV Nord"})
	s.NumberUnits()
	ratio := model.Result{HasValue: true, HasRatio: true, Value: 50, Numerator: 1, Denominator: 2}
	value := model.Result{HasValue: true, Value: 50}
	nord := int32(s.CountyUnit(1))
	for i, r := range []struct {
		p          string
		unit, goal int32
		row        model.Result
	}{
		{"2026-01", 0, 0, model.Result{Suppressed: true}}, {"2026-01", 1, 0, ratio}, {"2026-01", 2, 0, value}, {"2026-01", nord, 0, ratio},
		{"2026-01", 0, 1, value}, {"2026-01", 1, 1, value},
		{"2026-02", 0, 1, model.Result{Suppressed: true}}, {"2026-02", 1, 1, value}, // not due
	} {
		row := r.row
		row.Period, row.Unit, row.Goal, row.Line = period(r.p), r.unit, r.goal, int32(i+2)
		s.Results = append(s.Results, row)
	}
	var notices diag.List
	hiddenTotals(s, period("2026-02"), &notices)
	sameNotices(t, notices, []string{
		`data/results/x.csv:2: NAV Vest's "S", and the whole site's, are hidden in January 2026 as the total needs an office's figure hidden at source (*), here NAV A's: a row for NAV Vest itself (unit "vest"), as NAV publishes the county's figures, would show the county's figure`,
	})
}

// hiddenTotals tells of the totals of s hidden when it reports month
// reported, as score finds them.
func hiddenTotals(s *model.Site, reported model.Period, notices *diag.List) {
	s.FollowGoalsFromResults()
	HiddenTotals(s, score.Compute(s, reported, score.Options{MinCoverage: 0.5}).HiddenTotals(), notices)
}

// TestRatioGivenAsValues: a ratio goal with rows that give only its value
// is named once, at the first such row; rows with numerator and
// denominator, rows hidden at source and other goals are not.
func TestRatioGivenAsValues(t *testing.T) {
	s := vestSite(model.Goal{ID: "share", Title: "Share", Aggregate: "ratio"}, model.Goal{ID: "full", Title: "Full", Aggregate: "ratio"},
		model.Goal{ID: "count", Title: "Count", Aggregate: "sum"})
	for i, r := range []model.Result{
		{Goal: 1, HasRatio: true, Numerator: 1, Denominator: 2},
		{Goal: 0, Suppressed: true},
		{Goal: 0, HasValue: true, Value: 1.5},
		{Goal: 0, HasValue: true, Value: 1.7},
		{Goal: 1, HasValue: true, Value: 50, HasRatio: true, Numerator: 1, Denominator: 2},
		{Goal: 2, HasValue: true, Value: 4},
	} {
		r.Period, r.Line = period("2026-01"), int32(i+2)
		s.Results = append(s.Results, r)
	}
	var notices diag.List
	Unused(s, config.Site{}, period("2026-01"), true, &notices)
	var got []string
	for _, n := range notices {
		if strings.Contains(n.Msg, "is a ratio") {
			got = append(got, n.Error())
		}
	}
	want := `data/results/x.csv:4: the goal "Share" is a ratio, but all its rows give only its value (the first is here): in those months it cannot be computed (∅) for a county of several offices without its own row, for the whole site, or for any unit's tertials, years or year to date, and min_count cannot judge such a value (with persons = true it is hidden wherever a count of people of its unit is); give numerator and denominator where the source has them`
	if len(got) != 1 || got[0] != want {
		t.Errorf("notices %q, want one: %s", got, want)
	}
	// With one row of numerator and denominator beside them, it counts
	// those that give only the value.
	s.Results = append(s.Results, model.Result{Goal: 0, HasRatio: true, Numerator: 1, Denominator: 4, Period: period("2026-02"), Line: 8})
	notices = nil
	Unused(s, config.Site{}, period("2026-02"), true, &notices)
	if n := notices.In(locale.New("nb")); !slices.ContainsFunc(n, func(e diag.Error) bool { return strings.Contains(e.Msg, "men 2 av radene gir bare verdien") }) {
		t.Errorf("notices %v, want one counting 2 rows of values", n)
	}
}

// TestFarApart: a month more than two years from every other month with
// results is named, at the first row of the side with fewer rows; a gap
// of two years is not.
func TestFarApart(t *testing.T) {
	s := vestSite(model.Goal{ID: "g", Title: "G", Aggregate: "sum"})
	for i, p := range []string{"1918-10", "2016-01", "2016-01", "2016-02", "2016-02", "2018-03", "2030-01"} {
		s.Results = append(s.Results, model.Result{Period: period(p), Unit: int32(i % 2), Line: int32(i + 2), HasValue: true})
	}
	var notices diag.List
	farFrom(s, &notices)
	want := []string{
		"data/results/x.csv:2: no month has results in the 1166 months between October 1918 and January 2016: is the year of October 1918 typed wrong? Every chart and table runs over the months between; fix or remove its rows",
		"data/results/x.csv:8: no month has results in the 141 months between March 2018 and January 2030: is the year of January 2030 typed wrong? Every chart and table runs over the months between; fix or remove its rows",
	}
	sameNotices(t, notices, want)
}

// TestFractionsForPercent: a month whose shares, given as values, are
// nearly all about a hundredth of the same units' in a month beside them,
// or in a run of such months beside it, is told at its first such row,
// in whatever order the files give the months, and a row alone such at
// its line; a goal whose shares are small in every month, or fall below
// 1 without being a hundredth, is not.
func TestFractionsForPercent(t *testing.T) {
	s := vestSite(model.Goal{ID: "g", Title: "Ledighet", Unit: "percent", Aggregate: "ratio"}, model.Goal{ID: "s", Title: "Sanksjoner", Unit: "percent", Aggregate: "ratio"})
	line := int32(1)
	add := func(goal int32, p string, values ...float64) {
		for i, v := range values {
			line++
			s.Results = append(s.Results, model.Result{Period: period(p), Unit: int32(i), Goal: goal, Line: line, HasValue: true, Value: v})
		}
	}
	// The newer file first, as a file named 2023.csv is read before one
	// named historikk.csv: two months of fractions before the percent.
	add(0, "2022-11", 1.9, 0.8, 2.9, 1.3)
	add(0, "2022-12", 1.9, 0.008, 2.9, 0.9)
	add(0, "2023-01", 2.0, 0.9, 3.0, 1.0)
	add(0, "2023-02", 2.0, 0.009, 3.0)
	add(0, "2022-09", 0.018, 0.021, 0.03, 0.012)
	add(0, "2022-10", 0.019, 0.02, 0.031, 0.013)
	add(1, "2022-09", 0.5, 0.4, 0.6, 0.2)
	add(1, "2022-10", 0.4, 0.5, 0.3, 0.1)
	var notices diag.List
	fractions(s, &notices)
	sameNotices(t, notices, []string{
		`data/results/x.csv:7: the goal "Ledighet": 0.008 is about a hundredth of the unit's values in other months: is it a fraction, as a spreadsheet saves a percent (0.018 for 1.8 %)? Write it in percent (1.8)`,
		`data/results/x.csv:15: the goal "Ledighet": 0.009 is about a hundredth of the unit's values in other months: is it a fraction, as a spreadsheet saves a percent (0.018 for 1.8 %)? Write it in percent (1.8)`,
		`data/results/x.csv:17: the goal "Ledighet": 4 of the 4 values of September 2022 are about a hundredth of the same units' values in other months: are they fractions, as a spreadsheet saves a percent (0.018 for 1.8 %)? Write them in percent (1.8)`,
		`data/results/x.csv:21: the goal "Ledighet": 4 of the 4 values of October 2022 are about a hundredth of the same units' values in other months: are they fractions, as a spreadsheet saves a percent (0.018 for 1.8 %)? Write them in percent (1.8)`,
	})
}

// TestWhen: a set of months named in a notice.
func TestWhen(t *testing.T) {
	months := func(ps ...string) []model.Period {
		var m []model.Period
		for _, s := range ps {
			m = append(m, period(s))
		}
		return m
	}
	for _, c := range []struct {
		months []model.Period
		want   string
	}{
		{months("2026-03"), "in March 2026"},
		{months("2025-12", "2026-01", "2026-02"), "in 3 months from December 2025 to February 2026"},
		{months("2025-12", "2026-02"), "in 2 of the 3 months from December 2025 to February 2026"},
	} {
		if got := when(c.months).String(); got != c.want {
			t.Errorf("%v: %q, want %q", c.months, got, c.want)
		}
	}
}

// vestSite is a site of NAV Vest with two offices, NAV A and NAV B, and
// the goals given, whose results are in data/results/x.csv.
func vestSite(goals ...model.Goal) *model.Site {
	s := &model.Site{
		Offices:     []model.Office{{ID: "a", Name: "NAV A", County: "vest"}, {ID: "b", Name: "NAV B", County: "vest"}},
		Counties:    []model.County{{ID: "vest", Name: "NAV Vest"}},
		Goals:       goals,
		ResultFiles: []string{"data/results/x.csv"},
	}
	s.NumberUnits()
	return s
}

func period(s string) model.Period {
	p, _ := model.ParsePeriod(s)
	return p
}

// sameNotices fails t unless notices say want, in order.
func sameNotices(t *testing.T, notices diag.List, want []string) {
	t.Helper()
	if len(notices) != len(want) {
		t.Fatalf("notices:\n%v\nwant:\n%s", notices, strings.Join(want, "\n"))
	}
	for i := range want {
		if notices[i].Error() != want[i] {
			t.Errorf("notice %d:\n%v\nwant:\n%s", i, notices[i], want[i])
		}
	}
}

// TestApart: a value beyond a bound is written to enough decimals to be
// seen to be beyond it, and no more.
func TestApart(t *testing.T) {
	for _, c := range []struct {
		v, bound float64
		decimals int
		want     diag.Number
	}{
		{-0.001, 0, 1, diag.Number{V: -0.001, Decimals: 3}},
		{9.99999, 10, 1, diag.Number{V: 9.99999, Decimals: 5}},
		{-3, 0, 1, diag.Number{V: -3}},
		{101.25, 100, 2, diag.Number{V: 101.25, Decimals: 2}},
		{146.54, 100, 1, diag.Number{V: 146.5, Decimals: 1}},
	} {
		if got := apart(c.v, c.bound, c.decimals); got != c.want {
			t.Errorf("apart(%v, %v, %d) = %+v, want %+v", c.v, c.bound, c.decimals, got, c.want)
		}
	}
}

// TestCarriedTargets: a goal whose target has steps is told when the
// year its scorecard now judges has none, at the step in force (also
// where a later year has one); a goal with a step in that year, a lagged
// goal still judged by last year's December, a yearly goal judged by last
// year, a goal without results in the new year and a goal without a
// schedule are not.
func TestCarriedTargets(t *testing.T) {
	step := func(from string, line int) []model.Step {
		return []model.Step{{From: period(from), Target: 85, Yellow: 80.5, Pos: diag.Pos{Path: "data/goals.toml", Line: line}}}
	}
	s := vestSite(
		model.Goal{ID: "carried", Title: "Carried", Aggregate: "sum", Schedule: step("2025-01", 7)},
		model.Goal{ID: "new", Title: "New", Aggregate: "sum", Schedule: step("2026-01", 17)},
		model.Goal{ID: "lagged", Title: "Lagged", Aggregate: "sum", Lag: 1, Schedule: step("2025-01", 27)},
		model.Goal{ID: "plain", Title: "Plain", Aggregate: "sum"},
		model.Goal{ID: "stopped", Title: "Stopped", Aggregate: "sum", Schedule: step("2025-01", 37)},
		model.Goal{ID: "later", Title: "Later", Aggregate: "sum", Schedule: append(step("2025-01", 47), step("2027-01", 50)...)},
		model.Goal{ID: "yearly", Title: "Yearly", Aggregate: "sum", Frequency: "year", Schedule: step("2025-01", 57)},
	)
	for _, g := range []int{0, 1, 2, 3, 5, 6} {
		for _, p := range []string{"2025-12", "2026-01"} {
			s.Results = append(s.Results, model.Result{Goal: int32(g), Period: period(p), HasValue: true, Line: 2})
		}
	}
	s.Results = append(s.Results, model.Result{Goal: 4, Period: period("2025-12"), HasValue: true, Line: 2})
	var notices diag.List
	carriedTargets(s, period("2026-01"), &notices)
	sameNotices(t, notices, []string{
		`data/goals.toml:7: the goal "Carried" has no step in its schedule for 2026: its results of 2026 are judged by the target in force since January 2025, 85 (yellow limit 80.5); if this year's scorecard gives another, add a [[goal.schedule]] with from = "2026-01"`,
		`data/goals.toml:47: the goal "Later" has no step in its schedule for 2026: its results of 2026 are judged by the target in force since January 2025, 85 (yellow limit 80.5); if this year's scorecard gives another, add a [[goal.schedule]] with from = "2026-01"`,
	})
	if got := notices.In(locale.New("nb"))[0].Msg; !strings.Contains(got, "siden januar 2025, 85 (gul grense 80,5)") {
		t.Errorf("in Norwegian: %s", got)
	}
	// In December the lagged goal's year has its results too, and the
	// carried goal's year 2025 its step.
	notices = nil
	carriedTargets(s, period("2025-12"), &notices)
	sameNotices(t, notices, nil)
}

// TestOverdueFromTheStart: a measure due before the month of the
// commentary that first names it is a notice at its line; not so in a
// later month, nor done, nor due within its month, nor in an office's
// first commentary, whose measures may have begun before the site.
func TestOverdueFromTheStart(t *testing.T) {
	oct, _ := model.ParsePeriod("2026-10")
	at := func(line int) diag.Pos { return diag.Pos{Path: "content/vest/a/2026-10.md", Line: line} }
	s := &model.Site{Commentary: []model.Commentary{
		{Office: "a", Period: oct + 1, Measures: []model.Measure{
			{Goal: "g", Text: "Samtaler", Status: "started", Due: "2025-12-31", Pos: at(30)},
			{Goal: "g", Text: "Møter", Status: "planned", Due: "2025-11-30", Pos: at(40)},
		}},
		{Office: "a", Period: oct, Measures: []model.Measure{
			{Goal: "g", Text: "Samtaler", Status: "planned", Due: "2025-12-31", Pos: at(3)},
			{Goal: "g", Text: "Kurs", Status: "done", Due: "2025-06-30", Pos: at(9)},
			{Goal: "g", Text: "Plan", Status: "planned", Due: "2026-10-15", Pos: at(15)},
		}},
		{Office: "a", Period: oct - 1, Measures: []model.Measure{
			{Goal: "g", Text: "Fra før", Status: "started", Due: "2026-06-30", Pos: at(2)},
		}},
		{Office: "b", Period: oct - 1, Measures: []model.Measure{
			{Goal: "g", Text: "Fra før", Status: "started", Due: "2026-06-30", Pos: at(4)},
		}},
		{Office: "b", Period: oct, Measures: []model.Measure{
			{Goal: "g", Text: "Samtaler", Status: "started", Due: "2026-09-30", Pos: at(5)},
		}},
	}}
	var notices diag.List
	overdueFromTheStart(s, &notices)
	got := notices.Sorted().Error()
	want := strings.Join([]string{
		"content/vest/a/2026-10.md:3: the measure is new in 2026-10, but due 2025-12-31, before that month: it is shown as overdue from the start; check the year",
		"content/vest/a/2026-10.md:5: the measure is new in 2026-10, but due 2026-09-30, before that month: it is shown as overdue from the start; check the year",
		"content/vest/a/2026-10.md:40: the measure is new in 2026-11, but due 2025-11-30, before that month: it is shown as overdue from the start; check the year",
	}, "\n")
	if got != want {
		t.Errorf("notices:\n%s\nwant\n%s", got, want)
	}
}

// TestAMeasureTakenForAnother: a measure without an id whose goal and
// first words are those of an earlier one of its office, with another
// text, is a notice (a new measure would take the old one's place and
// history); not one whose text is the same, nor one with an id, nor one
// of another office, nor one earlier in the same month.
func TestAMeasureTakenForAnother(t *testing.T) {
	sep := period("2018-09")
	at := func(month string, line int) diag.Pos {
		return diag.Pos{Path: "content/vest/a/" + month + ".md", Line: line}
	}
	old := "Veilederne setter av en time i uka til aktivitetsplaner"
	s := &model.Site{Commentary: []model.Commentary{
		{Office: "a", Period: sep + 1, Measures: []model.Measure{
			{Goal: "g", Text: "Veilederne setter av en time i måneden til opplæring", Status: "planned", Pos: at("2018-10", 5)},
			{Goal: "g", Text: "Samtaler", Status: "started", Pos: at("2018-10", 10)},
			{ID: "kurs", Goal: "g", Text: "Kurs for alle", Status: "started", Pos: at("2018-10", 15)},
		}},
		{Office: "a", Period: sep, Measures: []model.Measure{
			{Goal: "g", Text: old, Status: "started", Pos: at("2018-09", 3)},
			{Goal: "g", Text: "Samtaler", Status: "started", Pos: at("2018-09", 8)},
			{ID: "kurs", Goal: "g", Text: "Kurs", Status: "planned", Pos: at("2018-09", 13)},
		}},
		{Office: "b", Period: sep + 1, Measures: []model.Measure{
			{Goal: "g", Text: "Veilederne setter av en time hver dag", Status: "planned", Pos: at("2018-10", 20)},
		}},
	}}
	var notices diag.List
	measureChanges(s, sep+1, &notices)
	want := `content/vest/a/2018-10.md:5: the measure is taken for the one of 2018-09 (content/vest/a/2018-09.md:3) by its goal and first words, though its text is another: if it is a new measure, give it an id = "…" of its own; if it is the same, write id = "g-veilederne-setter-av-en-time"`
	if got := notices.Sorted().Error(); got != want {
		t.Errorf("notices:\n%s\nwant\n%s", got, want)
	}
}

// TestAMeasureLeftOutOfTheLatestCommentary: a measure open where an
// office's commentary last names it, before the office's latest, is a
// notice at the latest, which it was most often deleted or reworded from
// by mistake: the pages show it open for good. Not one done, nor one in
// the latest, nor one of an office that ended before the reported month
// (see TestAMeasureOpenWhenItsOfficeEnded); one of an office whose end
// is to come is.
func TestAMeasureLeftOutOfTheLatestCommentary(t *testing.T) {
	sep := period("2018-09")
	at := func(office, month string, line int) diag.Pos {
		return diag.Pos{Path: "content/vest/" + office + "/" + month + ".md", Line: line}
	}
	text := func(office, month string) model.Text {
		return model.Text{Path: "content/vest/" + office + "/" + month + ".md"}
	}
	s := &model.Site{
		Offices: []model.Office{{ID: "a"}, {ID: "b", Lifetime: model.Lifetime{Until: sep + 1}}, {ID: "c", Lifetime: model.Lifetime{Until: sep + 6}}},
		Commentary: []model.Commentary{
			{Office: "a", Period: sep + 1, Text: text("a", "2018-10"), Measures: []model.Measure{
				{ID: "samtaler", Goal: "g", Text: "Samtaler", Status: "done", Pos: at("a", "2018-10", 5)},
			}},
			{Office: "a", Period: sep, Text: text("a", "2018-09"), Measures: []model.Measure{
				{ID: "samtaler", Goal: "g", Text: "Samtaler", Status: "started", Pos: at("a", "2018-09", 3)},
				{ID: "frokost", Goal: "g", Text: "Fast frokostmøte", Status: "started", Pos: at("a", "2018-09", 8)},
				{ID: "kurs", Goal: "g", Text: "Kurs", Status: "done", Pos: at("a", "2018-09", 13)},
			}},
			{Office: "a", Period: sep - 1, Text: text("a", "2018-08"), Measures: []model.Measure{
				{ID: "plan", Goal: "g", Text: "Plan", Status: "planned", Pos: at("a", "2018-08", 4)},
			}},
			{Office: "b", Period: sep, Text: text("b", "2018-09"), Measures: []model.Measure{
				{ID: "messe", Goal: "g", Text: "Messe", Status: "started", Pos: at("b", "2018-09", 3)},
			}},
			{Office: "b", Period: sep + 1, Text: text("b", "2018-10")},
			// An office whose end is announced, after the reported month.
			{Office: "c", Period: sep, Text: text("c", "2018-09"), Measures: []model.Measure{
				{ID: "kurs", Goal: "g", Text: "Kurs", Status: "planned", Pos: at("c", "2018-09", 3)},
			}},
			{Office: "c", Period: sep + 1, Text: text("c", "2018-10")},
		},
	}
	var notices diag.List
	measureChanges(s, sep+3, &notices)
	want := strings.Join([]string{
		`content/vest/a/2018-10.md:1: the measure "Fast frokostmøte", open in 2018-09 (content/vest/a/2018-09.md:8), is not in the office's latest commentary: the pages show it open until a commentary names it; write it here as it stands, with status = "done" when it is done`,
		`content/vest/a/2018-10.md:1: the measure "Plan", open in 2018-08 (content/vest/a/2018-08.md:4), is not in the office's latest commentary: the pages show it open until a commentary names it; write it here as it stands, with status = "done" when it is done`,
		`content/vest/c/2018-10.md:1: the measure "Kurs", open in 2018-09 (content/vest/c/2018-09.md:3), is not in the office's latest commentary: the pages show it open until a commentary names it; write it here as it stands, with status = "done" when it is done`,
	}, "\n")
	if got := notices.Sorted().Error(); got != want {
		t.Errorf("notices:\n%s\nwant\n%s", got, want)
	}
}

// TestAMeasureDoneWrittenAgainAsOpen: a measure done in one commentary
// and written as not done in a later one of its office is open again, and
// is a notice at its status: most often a status copied from an older
// commentary. Not one done again, nor one of another office.
func TestAMeasureDoneWrittenAgainAsOpen(t *testing.T) {
	sep := period("2018-09")
	at := func(month string, line int) diag.Pos {
		return diag.Pos{Path: "content/vest/a/" + month + ".md", Line: line}
	}
	s := &model.Site{Commentary: []model.Commentary{
		{Office: "a", Period: sep, Measures: []model.Measure{
			{ID: "kartlegging", Goal: "g", Text: "Kartlegge", Status: "done", Pos: at("2018-09", 3), StatusPos: at("2018-09", 6)},
			{ID: "kurs", Goal: "g", Text: "Kurs", Status: "done", Pos: at("2018-09", 8), StatusPos: at("2018-09", 11)},
		}},
		{Office: "a", Period: sep + 1, Measures: []model.Measure{
			{ID: "kartlegging", Goal: "g", Text: "Kartlegge", Status: "planned", Pos: at("2018-10", 3), StatusPos: at("2018-10", 6)},
			{ID: "kurs", Goal: "g", Text: "Kurs", Status: "done", Pos: at("2018-10", 8), StatusPos: at("2018-10", 11)},
		}},
		{Office: "b", Period: sep + 1, Measures: []model.Measure{
			{ID: "kurs", Goal: "g", Text: "Kurs", Status: "started", Pos: at("2018-10", 20), StatusPos: at("2018-10", 23)},
		}},
	}}
	var notices diag.List
	measureChanges(s, sep+1, &notices)
	want := `content/vest/a/2018-10.md:6: the measure was done in 2018-09 (content/vest/a/2018-09.md:3), and is open again from 2018-10 as written here: if it is done, write status = "done"; if it is begun anew, give it an id = "…" of its own`
	if got := notices.Sorted().Error(); got != want {
		t.Errorf("notices:\n%s\nwant\n%s", got, want)
	}
}

// TestAMeasureThatFollowsItsGoal: a measure's id written again for
// another goal is an error while its goal is on the scorecard, and none
// once the goal has left it: the measure follows the goal that serves
// now, as the notice of a measure left open for a goal gone says.
func TestAMeasureThatFollowsItsGoal(t *testing.T) {
	jan, feb, mar := period("2026-01"), period("2026-02"), period("2026-03")
	at := func(line int) diag.Pos { return diag.Pos{Path: "content/vest/a/2026-02.md", Line: line} }
	for until, want := range map[model.Period]int{0: 1, jan: 0} {
		s := &model.Site{
			Goals: []model.Goal{{ID: "g", Life: model.Lifetime{Until: until}}, {ID: "h"}},
			Commentary: []model.Commentary{
				{Office: "a", Period: jan, Measures: []model.Measure{{ID: "x", Goal: "g", Text: "X", Status: "started", Pos: at(3)}}},
				{Office: "a", Period: feb, Measures: []model.Measure{{ID: "x", Goal: "h", Text: "X", Status: "started", Pos: at(3), GoalPos: at(4)}}},
				{Office: "a", Period: mar, Measures: []model.Measure{{ID: "x", Goal: "h", Text: "X", Status: "started", Pos: at(3), GoalPos: at(4)}}},
			},
		}
		var errs diag.List
		measureChanges(s, mar, &errs)
		if len(errs) != want {
			t.Errorf("goal g until %v: %d errors, want %d: %v", until, len(errs), want, errs)
		}
	}
}

// TestAMeasureOfAGoalGoneFromTheScorecard: a measure still open in a
// month whose scorecard no longer has its goal is a notice; not one done
// then, nor one of a goal lagged two months, whose scorecard still shows
// it, nor one of the goal's last month.
func TestAMeasureOfAGoalGoneFromTheScorecard(t *testing.T) {
	jan, feb := period("2026-01"), period("2026-02")
	at := func(line int) diag.Pos { return diag.Pos{Path: "content/vest/a/2026-02.md", Line: line} }
	s := &model.Site{
		Counties: []model.County{{ID: "vest", Name: "Vest"}},
		Offices:  []model.Office{{ID: "a", Name: "A", County: "vest"}},
		Goals: []model.Goal{
			{ID: "gammel", Life: model.Lifetime{Until: jan}},
			{ID: "sen", Lag: 2, Life: model.Lifetime{Until: jan}},
		},
		Commentary: []model.Commentary{
			{Office: "a", Period: feb, Measures: []model.Measure{
				{Goal: "gammel", Text: "Ringe", Status: "started", Pos: at(3)},
				{Goal: "gammel", Text: "Kurs", Status: "done", Pos: at(9)},
				{Goal: "sen", Text: "Møter", Status: "started", Pos: at(15)},
			}},
			{Office: "a", Period: jan, Measures: []model.Measure{
				{Goal: "gammel", Text: "Plan", Status: "planned", Pos: at(21)},
			}},
		},
	}
	s.NumberUnits()
	var notices diag.List
	Commentary(s, &notices)
	sameNotices(t, notices, []string{
		`content/vest/a/2026-02.md:3: the measure is still open in 2026-02, but its goal "gammel" left the scorecard after 2026-01: write status = "done", or name the goal it serves now`,
	})
}

// TestAMeasureOpenWhenItsOfficeEnded: Lindås, which went into Alver
// after December 2019, left its job fair open in December's commentary:
// a notice, in a site reported in January 2020. Not for one done, nor
// one a later commentary names, nor for an office that ends after the
// reported month, which can still close it, nor one an office it went
// into writes on, nor one of an office that came back.
func TestAMeasureOpenWhenItsOfficeEnded(t *testing.T) {
	nov, dec := period("2019-11"), period("2019-12")
	at := func(month string, line int) diag.Pos {
		return diag.Pos{Path: "content/vest/lindas/" + month + ".md", Line: line}
	}
	s := &model.Site{
		Counties: []model.County{{ID: "vest", Name: "Vest"}},
		Offices: []model.Office{
			{ID: "lindas", Name: "Lindås", County: "vest", Lifetime: model.Lifetime{Until: dec}, MergedInto: "alver"},
			{ID: "alver", Name: "Alver", County: "vest", Lifetime: model.Lifetime{From: dec + 1}},
			{ID: "voss", Name: "Voss", County: "vest", Lifetime: model.Lifetime{Until: dec + 2}},
			{ID: "bergen", Name: "Bergen", County: "vest", Lifetime: model.Lifetime{Until: dec}, MergedInto: "arna"},
			{ID: "arna", Name: "Arna", County: "vest"},
			{ID: "odda", Name: "Odda", County: "vest", Lifetime: model.Lifetime{Until: dec}},
			{ID: "os", Name: "Os", County: "vest", Lives: []model.Life{
				{Lifetime: model.Lifetime{Until: nov}}, {Lifetime: model.Lifetime{From: dec + 1}}}},
		},
		Commentary: []model.Commentary{
			{Office: "lindas", Period: nov, Measures: []model.Measure{
				{ID: "messe", Goal: "g", Text: "Jobbmesse", Status: "planned", Pos: at("2019-11", 3)},
				{ID: "kurs", Goal: "g", Text: "Kurs", Status: "started", Pos: at("2019-11", 9)},
			}},
			{Office: "lindas", Period: dec, Measures: []model.Measure{
				{ID: "messe", Goal: "g", Text: "Jobbmesse", Status: "started", Pos: at("2019-12", 3)},
				{ID: "kurs", Goal: "g", Text: "Kurs", Status: "done", Pos: at("2019-12", 9)},
			}},
			{Office: "voss", Period: dec, Measures: []model.Measure{
				{ID: "plan", Goal: "g", Text: "Plan", Status: "started", Pos: diag.Pos{Path: "content/vest/voss/2019-12.md", Line: 3}},
			}},
			// Bergen's open measure is carried on by Arna, which it went
			// into; Os came back.
			{Office: "bergen", Period: dec, Measures: []model.Measure{
				{ID: "samtaler", Goal: "g", Text: "Samtaler", Status: "started", Pos: diag.Pos{Path: "content/vest/bergen/2019-12.md", Line: 3}},
			}},
			{Office: "arna", Period: dec + 1, Measures: []model.Measure{
				{ID: "samtaler", Goal: "g", Text: "Samtaler", Status: "started", Pos: diag.Pos{Path: "content/vest/arna/2020-01.md", Line: 3}},
			}},
			{Office: "odda", Period: dec, Measures: []model.Measure{
				{ID: "kurs", Goal: "g", Text: "Kurs", Status: "started", Pos: diag.Pos{Path: "content/vest/odda/2019-12.md", Line: 3}},
			}},
			{Office: "os", Period: nov, Measures: []model.Measure{
				{ID: "kurs", Goal: "g", Text: "Kurs", Status: "started", Pos: diag.Pos{Path: "content/vest/os/2019-11.md", Line: 3}},
			}},
		},
	}
	s.NumberUnits()
	var notices diag.List
	openWhenTheOfficeEnded(s, dec+1, &notices)
	sameNotices(t, notices, []string{
		`content/vest/lindas/2019-12.md:3: the measure is still open in 2019-12, and "Lindås" ended after 2019-12: no later commentary can close it, and the page of Alver does not show it; write status = "done", or write the measure, with its id, in the commentary of Alver`,
		`content/vest/odda/2019-12.md:3: the measure is still open in 2019-12, and "Odda" closed after 2019-12: no later commentary can close it; write status = "done"`,
	})
}
