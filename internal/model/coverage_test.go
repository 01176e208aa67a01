package model

import (
	"reflect"
	"slices"
	"testing"
)

// TestCoverageCountsMonthlyResults: where a site has a goal measured
// every month without a lag, only such goals' results make a month's
// coverage. A goal lagged a month, whose January results are due in
// February, makes February look reported where one office of two has
// February's own: it is not counted, and January is reported.
func TestCoverageCountsMonthlyResults(t *testing.T) {
	s := coverageSite([]Goal{{ID: "monthly"}, {ID: "lagged", Lag: 1}, {ID: "yearly", Frequency: "year"}},
		[]coverageRow{
			{"2026-01", 0, 0}, {"2026-01", 1, 0},
			{"2026-01", 0, 1}, {"2026-01", 1, 1},
			{"2026-02", 0, 0},
			{"2025-12", 0, 2}, {"2025-12", 1, 2},
		})
	if got, want := coverageOf(s), []string{"2025-12 0/2", "2026-01 2/2", "2026-02 1/2"}; !slices.Equal(got, want) {
		t.Errorf("coverage %v, want %v", got, want)
	}
	if reported, thinner := s.Reported(0, 0.8); reported != month("2026-01") || len(thinner) != 1 || thinner[0].Period != month("2026-02") {
		t.Errorf("reported %v, thinner %v: want 2026-01, then 2026-02", reported, thinner)
	}
}

// TestCoverageOfMonthsWithoutMonthlyResults: monthly results that stop in
// June 2025 (the goal not ended) leave the lagged goal's later months
// unreported, and in the list, so that the months after the reported one
// are named as thinner, not passed over without a word.
func TestCoverageOfMonthsWithoutMonthlyResults(t *testing.T) {
	s := coverageSite([]Goal{{ID: "monthly"}, {ID: "lagged", Lag: 1}},
		[]coverageRow{{"2025-06", 0, 0}, {"2025-06", 1, 0}, {"2025-12", 0, 1}, {"2025-12", 1, 1}})
	if reported, thinner := s.Reported(0, 0.8); reported != month("2025-06") || len(thinner) != 1 || thinner[0].Period != month("2026-01") || thinner[0].Reported != 0 {
		t.Errorf("reported %v, thinner %v: want 2025-06, then 2026-01 with none reported", reported, thinner)
	}
}

// TestCoverageFallsBackToEveryResult: a month no pacing goal is alive in
// counts every result due in it. A monthly goal that ended, one without
// results, and one of a single office's own do not pace: the lagged goal
// sets the coverage of 2026's months.
func TestCoverageFallsBackToEveryResult(t *testing.T) {
	lagged := []coverageRow{{"2025-12", 0, 1}, {"2025-12", 1, 1}, {"2026-01", 0, 1}, {"2026-01", 1, 1}}
	for name, monthly := range map[string]Goal{
		"ended":      {ID: "monthly", Life: Lifetime{Until: month("2025-06")}},
		"no results": {ID: "monthly"},
		"local":      {ID: "monthly", Owner: "a"},
	} {
		rows := lagged
		if name != "no results" {
			rows = append([]coverageRow{{"2025-06", 0, 0}, {"2025-06", 1, 0}, {"2026-02", 0, 0}}, lagged...)
		}
		s := coverageSite([]Goal{monthly, {ID: "lagged", Lag: 1}}, rows)
		if reported, _ := s.Reported(0, 0.8); reported != month("2026-02") {
			t.Errorf("%s monthly goal: reported %v, coverage %v; want 2026-02, when the lagged goal's January is due", name, reported, coverageOf(s))
		}
	}
}

// TestCoverageCountsResultsWhenDue: on a site of goals measured later or
// less often only, a goal lagged six months counts its result for July
// 2025 in January 2026, when it is due, and one for February 2026 in
// August; a yearly goal's 2025 counts in December 2025. The months a
// lagged or yearly result belongs to gain no coverage of their own.
func TestCoverageCountsResultsWhenDue(t *testing.T) {
	s := coverageSite([]Goal{{ID: "lagged", Lag: 6}, {ID: "yearly", Frequency: "year"}},
		[]coverageRow{
			{"2025-07", 0, 0}, {"2025-07", 1, 0},
			{"2026-02", 0, 0},
			{"2025-12", 0, 1},
		})
	if got, want := coverageOf(s), []string{"2025-12 1/2", "2026-01 2/2", "2026-08 1/2"}; !slices.Equal(got, want) {
		t.Errorf("coverage %v, want %v", got, want)
	}
	if reported, thinner := s.Reported(0, 0.8); reported != month("2026-01") || len(thinner) != 1 || thinner[0].Period != month("2026-08") {
		t.Errorf("reported %v, thinner %v: want 2026-01, then 2026-08", reported, thinner)
	}
}

type coverageRow struct {
	period     string
	unit, goal int32
}

// coverageSite is county vest with offices a and b, and the goals and
// results given.
func coverageSite(goals []Goal, rows []coverageRow) *Site {
	s := &Site{
		Counties: []County{{ID: "vest"}},
		Offices:  []Office{{ID: "a", County: "vest"}, {ID: "b", County: "vest"}},
		Goals:    goals,
	}
	s.NumberUnits()
	for _, r := range rows {
		s.Results = append(s.Results, Result{Period: month(r.period), Unit: r.unit, Goal: r.goal})
	}
	return s
}

// coverageOf is each month's coverage as "2026-01 2/2".
func coverageOf(s *Site) []string {
	var got []string
	for _, c := range s.Coverage() {
		got = append(got, c.Period.String()+" "+string(rune('0'+c.Reported))+"/"+string(rune('0'+c.Units)))
	}
	return got
}

func month(v string) Period {
	p, _ := ParsePeriod(v)
	return p
}

// TestGoalPeriods: the period a month's scorecard shows, and how a row
// names it.
func TestGoalPeriods(t *testing.T) {
	month := func(v string) Period {
		p, _ := ParsePeriod(v)
		return p
	}
	for _, c := range []struct {
		g          Goal
		p, due     string
		name       string
		row        string
		rowIsValid bool
	}{
		{Goal{}, "2026-02", "2026-02", "2026-02", "2026-02", true},
		{Goal{Lag: 6}, "2026-02", "2025-08", "2025-08", "2026-02", true},
		{Goal{Frequency: "year"}, "2026-02", "2025-12", "2025", "2025", true},
		{Goal{Frequency: "year"}, "2025-12", "2025-12", "2025", "2025-12", true},
		{Goal{Frequency: "year"}, "2025-11", "2024-12", "2024", "2025-11", false},
		{Goal{Frequency: "year", Lag: 3}, "2026-02", "2024-12", "2024", "202", false},
		{Goal{Frequency: "tertial"}, "2026-07", "2026-04", "2026-T1", "2026T1", true},
		{Goal{Frequency: "tertial"}, "2026-08", "2026-08", "2026-T2", "2026-T2", true},
		{Goal{Frequency: "tertial"}, "2026-01", "2025-12", "2025-T3", "2026-T4", false},
		{Goal{Frequency: "tertial"}, "2026-01", "2025-12", "2025-T3", "2026-04", false},
	} {
		due := c.g.DueBy(month(c.p))
		if due != month(c.due) || c.g.PeriodName(due) != c.name {
			t.Errorf("%+v in %s: shows %s (%s), want %s (%s)", c.g, c.p, due, c.g.PeriodName(due), c.due, c.name)
		}
		if _, ok := ParseGoalPeriod(c.row, c.g.PeriodMonths()); ok != c.rowIsValid {
			t.Errorf("%+v: row period %q read %v, want %v", c.g, c.row, ok, c.rowIsValid)
		}
	}
	// On the scorecard while the period it shows is in its life.
	yearly := Goal{Frequency: "year", Life: Lifetime{From: month("2025-01")}}
	lagged := Goal{Lag: 6, Life: Lifetime{Until: month("2024-12")}}
	for _, c := range []struct {
		g     Goal
		p     string
		shown bool
	}{
		{yearly, "2025-11", false}, {yearly, "2025-12", true}, {yearly, "2027-03", true},
		{lagged, "2024-01", true}, {lagged, "2025-06", true}, {lagged, "2025-07", false},
	} {
		if got := c.g.ShownIn(month(c.p)); got != c.shown {
			t.Errorf("%+v shown in %s: %v, want %v", c.g, c.p, got, c.shown)
		}
	}
	if p, _ := ParseGoalPeriod("2026T1", 4); p != month("2026-04") {
		t.Errorf("2026T1 is %s, want its last month 2026-04", p)
	}
	// The period a month is in ends with it, or after it.
	for _, c := range []struct {
		g      Goal
		p, end string
	}{
		{Goal{Lag: 2}, "2026-02", "2026-02"},
		{Goal{Frequency: "tertial"}, "2026-01", "2026-04"},
		{Goal{Frequency: "tertial"}, "2026-04", "2026-04"},
		{Goal{Frequency: "tertial"}, "2026-09", "2026-12"},
		{Goal{Frequency: "year"}, "2026-01", "2026-12"},
		{Goal{Frequency: "year"}, "2026-12", "2026-12"},
	} {
		if got := c.g.PeriodEndOf(month(c.p)); got != month(c.end) {
			t.Errorf("%+v: %s is in the period that ends %s, want %s", c.g, c.p, got, c.end)
		}
	}
}

// TestOfficeMoves: in February, Eid moves from Sogn og Fjordane to
// Hordaland, Nyby opens in Hordaland, Balestrand closes and Høyanger
// goes into Sogndal in Sogn og Fjordane; Hordaland's and Sogn og
// Fjordane's offices change, grouped by how and by the other unit, and
// the whole site's by the offices that opened, merged and closed;
// nothing changes in January or for a county no office left or joined.
func TestOfficeMoves(t *testing.T) {
	month := func(v string) Period {
		p, _ := ParsePeriod(v)
		return p
	}
	feb, mar := month("2026-02"), month("2026-03")
	s := &Site{
		Counties: []County{
			{ID: "hordaland", Lifetime: Lifetime{Until: feb}, MergedInto: "vestland"},
			{ID: "sogn", Lifetime: Lifetime{Until: feb}, MergedInto: "vestland"},
			{ID: "nord"}, {ID: "more"}, {ID: "trond"},
			{ID: "vestland", Lifetime: Lifetime{From: mar}},
			// Ny2 begins in March without a merger; Sen goes into it
			// later.
			{ID: "sen", Lifetime: Lifetime{Until: mar}, MergedInto: "ny2"},
			{ID: "ny2", Lifetime: Lifetime{From: mar}},
		},
		Offices: []Office{
			{ID: "fana", County: "hordaland"},
			{ID: "eid", County: "sogn", Changes: []Change{{From: feb, County: "hordaland"}}},
			{ID: "nyby", County: "hordaland", Lifetime: Lifetime{From: feb}},
			{ID: "balestrand", County: "sogn", Lifetime: Lifetime{Until: feb - 1}},
			{ID: "tromso", County: "nord"},
			{ID: "hoyanger", County: "sogn", Lifetime: Lifetime{Until: feb - 1}, MergedInto: "sogndal"},
			{ID: "sogndal", County: "sogn"},
			// The reform of March: Sogn's Hornindal into Møre's Volda,
			// Møre's Halsa into Trøndelag's new Heim, Tysfjord divided
			// among two of Nord's, Lunner from Nord to Vestland.
			{ID: "hornindal", County: "sogn", Lifetime: Lifetime{Until: feb}, MergedInto: "volda"},
			{ID: "volda", County: "more"},
			{ID: "tysfjord", County: "nord", Lifetime: Lifetime{Until: feb}, SplitInto: []string{"narvik", "hamaroy"}},
			{ID: "narvik", County: "nord"},
			{ID: "hamaroy", County: "nord"},
			{ID: "halsa", County: "more", Lifetime: Lifetime{Until: feb}, MergedInto: "heim"},
			{ID: "heim", County: "trond", Lifetime: Lifetime{From: mar}},
			{ID: "lunner", County: "nord", Changes: []Change{{From: mar, County: "vestland"}}},
			{ID: "q", County: "sen"},
			{ID: "r", County: "nord", Changes: []Change{{From: mar, County: "ny2"}}},
			// T2 is divided between Nord's Narvik and Møre's Volda.
			{ID: "t2", County: "nord", Lifetime: Lifetime{Until: feb}, SplitInto: []string{"narvik", "volda"}},
		},
	}
	s.NumberUnits()
	for _, c := range []struct {
		county string
		p      Period
		want   []OfficeMove
	}{
		{"hordaland", feb, []OfficeMove{{CameFrom, "sogn", nil, []int{1}}, {Opened, "", nil, []int{2}}}},
		{"sogn", feb, []OfficeMove{{MovedTo, "hordaland", nil, []int{1}}, {MergedInto, "", []string{"sogndal"}, []int{5}}, {Closed, "", nil, []int{3}}}},
		{"", feb, []OfficeMove{{Opened, "", nil, []int{2}}, {MergedInto, "", []string{"sogndal"}, []int{5}}, {Closed, "", nil, []int{3}}}},
		{"nord", feb, nil},
		{"hordaland", feb - 1, nil},
		// Vestland compares with Hordaland and Sogn, not with nothing.
		{"vestland", mar, []OfficeMove{{CameFrom, "nord", nil, []int{14}}, {MergedInto, "more", []string{"volda"}, []int{7}}}},
		{"more", mar, []OfficeMove{{CameInto, "sogn", []string{"volda"}, []int{7}}, {CamePartlyInto, "nord", []string{"volda"}, []int{17}}, {MergedInto, "trond", []string{"heim"}, []int{12}}}},
		{"trond", mar, []OfficeMove{{CameInto, "more", []string{"heim"}, []int{12}}, {Opened, "", nil, []int{13}}}},
		{"nord", mar, []OfficeMove{{MovedTo, "ny2", nil, []int{16}}, {MovedTo, "vestland", nil, []int{14}}, {SplitInto, "", []string{"narvik", "hamaroy"}, []int{9}}, {SplitInto, "", []string{"narvik", "volda"}, []int{17}}}},
		// Not compared with Sen, which goes into it only in April.
		{"ny2", mar, []OfficeMove{{CameFrom, "nord", nil, []int{16}}}},
		{"", mar, []OfficeMove{{Opened, "", nil, []int{13}}, {MergedInto, "", []string{"heim"}, []int{12}}, {MergedInto, "", []string{"volda"}, []int{7}}, {SplitInto, "", []string{"narvik", "hamaroy"}, []int{9}}, {SplitInto, "", []string{"narvik", "volda"}, []int{17}}}},
	} {
		if got := s.OfficeMoves(c.county, c.p); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q in %s: %v, want %v", c.county, c.p, got, c.want)
		}
	}
}

// TestCountyChanges: in March Hordaland and Sogn went into Vestland, new,
// Nord was split among Troms, new, and Finnmark, which comes back after a
// gap, Ny begins without a predecessor and Gammel ends without a
// successor; in February nothing changed.
func TestCountyChanges(t *testing.T) {
	month := func(v string) Period {
		p, _ := ParsePeriod(v)
		return p
	}
	jan, feb, mar := month("2026-01"), month("2026-02"), month("2026-03")
	s := &Site{
		Counties: []County{
			{ID: "hordaland", Lifetime: Lifetime{Until: feb}, MergedInto: "vestland"},
			{ID: "sogn", Lifetime: Lifetime{Until: feb}, MergedInto: "vestland"},
			{ID: "vestland", Lifetime: Lifetime{From: mar}},
			{ID: "nord", Lifetime: Lifetime{Until: feb}, SplitInto: []string{"troms", "finnmark"}},
			{ID: "troms", Lifetime: Lifetime{From: mar}},
			{ID: "finnmark", Lives: []Life{{Lifetime: Lifetime{Until: jan - 1}, MergedInto: "nord"}, {Lifetime: Lifetime{From: mar}}}},
			{ID: "ny", Lifetime: Lifetime{From: mar}},
			{ID: "gammel", Lifetime: Lifetime{Until: feb}},
		},
	}
	s.NumberUnits()
	want := []CountyChange{{MergedInto, []string{"vestland"}, []int{0, 1}}, {SplitInto, []string{"troms", "finnmark"}, []int{3}}, {Opened, nil, []int{6}}, {Closed, nil, []int{7}}}
	if got := s.CountyChanges(mar); !reflect.DeepEqual(got, want) {
		t.Errorf("March: %v, want %v", got, want)
	}
	if got := s.CountyChanges(feb); got != nil {
		t.Errorf("February: %v, want none", got)
	}
}

// TestCountyMoves: an office's moves to another county while it existed;
// a change that gives its county in its first month is none.
func TestCountyMoves(t *testing.T) {
	month := func(v string) Period {
		p, _ := ParsePeriod(v)
		return p
	}
	s := &Site{
		Counties: []County{{ID: "vest"}, {ID: "nord"}},
		Offices: []Office{
			{ID: "a", County: "vest", Changes: []Change{{From: month("2026-02"), County: "nord"}, {From: month("2026-05"), Name: "A2"}}},
			{ID: "b", County: "vest", Lifetime: Lifetime{From: month("2026-03")}, Changes: []Change{{From: month("2026-03"), County: "nord"}}},
		},
	}
	if got := s.CountyMoves(0); len(got) != 1 || got[0].From != month("2026-02") {
		t.Errorf("a's moves: %v, want February's", got)
	}
	if got := s.CountyMoves(1); got != nil {
		t.Errorf("b's moves: %v, want none: it began in nord", got)
	}
}
