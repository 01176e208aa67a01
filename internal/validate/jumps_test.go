package validate

import (
	"fmt"
	"math"
	"math/rand/v2"
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
	// Seven months before August give six changes to judge by.
	if got := notices[0].Error(); !strings.HasPrefix(got, "data/results/2026.csv:9: 2026-08, arstad, tilfredshet: 46.0 after 4.5 the month before") || !strings.Contains(got, "over the 6 changes before") {
		t.Errorf("notice %q", got)
	}
}

// TestJumpsAreSlipsNotNoise: in realistic noisy series, small counts and
// small shares among them, the three slips a jump notice is for are each
// found at their row, and nothing else is: not one of the steps that
// binomial and Poisson variation make in small numbers.
func TestJumpsAreSlipsNotNoise(t *testing.T) {
	for seed := range uint64(4) {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) { slipsAndNoise(t, seed) })
	}
}

func slipsAndNoise(t *testing.T, seed uint64) {
	const offices, months = 240, 24
	site := &model.Site{
		Counties: []model.County{{ID: "vest"}},
		Goals: []model.Goal{
			{ID: "andel", Unit: "percent", Aggregate: "ratio", Decimals: 1}, // a share of people, with numerator and denominator
			{ID: "antall", Unit: "count", Aggregate: "sum"},                 // a count of cases
			{ID: "rate", Unit: "percent", Aggregate: "mean", Decimals: 1},   // a rate as NAV's tables give it, without its size
			{ID: "dager", Unit: "days", Aggregate: "mean"},
		},
		ResultFiles: []string{"data/results/2026.csv"},
	}
	for o := range offices {
		site.Offices = append(site.Offices, model.Office{ID: fmt.Sprintf("kontor-%d", o), County: "vest"})
	}
	site.NumberUnits()
	rnd := rand.New(rand.NewPCG(seed, 2))
	poisson := func(mean float64) float64 {
		k, p, limit := 0, 1.0, math.Exp(-mean)
		for p *= rnd.Float64(); p > limit; p *= rnd.Float64() {
			k++
		}
		return float64(k)
	}
	binomial := func(n int, p float64) float64 {
		k := 0
		for range n {
			if rnd.Float64() < p {
				k++
			}
		}
		return float64(k)
	}
	// Offices of every size: shares of 3 to 400 people, counts from a few
	// a year to hundreds a month.
	shares := []float64{0.02, 0.3, 0.6, 0.97}
	sizes := []int{3, 5, 8, 12, 20, 40, 100, 400}
	means := []float64{0.1, 0.3, 1, 2, 4, 8, 40, 400}
	jan, _ := model.ParsePeriod("2025-01")
	row := func(o, g, m int) *model.Result {
		site.Results = append(site.Results, model.Result{Period: jan + model.Period(m), Unit: int32(o), Goal: int32(g), Line: int32(len(site.Results) + 2)})
		return &site.Results[len(site.Results)-1]
	}
	rows := map[[3]int]int{} // office, goal, month: the row's line
	for o := range offices {
		share, size, mean := shares[o%len(shares)], sizes[o/len(shares)%len(sizes)], means[o%len(means)]
		rate, days := 20+60*rnd.Float64(), 5+30*rnd.Float64()
		for m := range months {
			r := row(o, 0, m)
			r.HasRatio, r.Denominator = true, float64(size)
			r.Numerator = binomial(size, share)
			rows[[3]int{o, 0, m}] = int(r.Line)
			r = row(o, 1, m)
			r.HasValue, r.Value = true, poisson(mean)
			rows[[3]int{o, 1, m}] = int(r.Line)
			r = row(o, 2, m)
			r.HasValue, r.Value = true, math.Round(10*(rate+rnd.NormFloat64()))/10
			rows[[3]int{o, 2, m}] = int(r.Line)
			r = row(o, 3, m)
			r.HasValue, r.Value = true, math.Max(1, math.Round(days+2*rnd.NormFloat64()))
			rows[[3]int{o, 3, m}] = int(r.Line)
		}
	}
	at := func(o, g, m int) *model.Result {
		return &site.Results[rows[[3]int{o, g, m}]-2]
	}
	// The slips, in the year the notices look at.
	slips := map[int]string{}
	plant := func(o, g, m int, what string, slip func(r *model.Result)) {
		slip(at(o, g, m))
		slips[rows[[3]int{o, g, m}]] = what
	}
	plant(10, 2, 20, "a decimal point lost", func(r *model.Result) { r.Value = math.Round(100*r.Value/10) / 100 })
	plant(22, 2, 14, "a decimal point lost", func(r *model.Result) { r.Value = math.Round(100*r.Value/10) / 100 })
	plant(6, 1, 17, "a count ten times its usual", func(r *model.Result) { r.Value *= 10 })               // about 40 a month
	plant(23, 1, 22, "a count ten times its usual", func(r *model.Result) { r.Value *= 10 })              // about 400 a month
	plant(2+4*6, 0, 19, "a share of 0 after months near 60 %", func(r *model.Result) { r.Numerator = 0 }) // of 100
	plant(2+4*5, 0, 21, "a share of 0 after months near 60 %", func(r *model.Result) { r.Numerator = 0 }) // of 40
	plant(2+4*4, 0, 23, "a share of 0 after months near 60 %", func(r *model.Result) { r.Numerator = 0 }) // of 20
	if at(6, 1, 16).Value < 20 || at(23, 1, 21).Value < 300 || at(26, 0, 18).Denominator != 100 || at(22, 0, 20).Denominator != 40 || at(18, 0, 22).Denominator != 20 {
		t.Fatal("the slips are not planted in the series they are meant for")
	}
	var notices diag.List
	jumps(site, results(site, map[int32]bool{}, &notices), jan+months-1, &notices)
	found := map[int]bool{}
	for _, n := range notices {
		if slips[n.Pos.Line] == "" {
			t.Errorf("a notice for noise: %v", n)
		}
		found[n.Pos.Line] = true
	}
	for line, what := range slips {
		if !found[line] {
			t.Errorf("line %d, %s: no notice", line, what)
		}
	}
}

// TestSilentUnits: a unit that still exists but has had no results for a
// while, when the others have, is a notice asking whether it ended; a
// county's offices' results are its own.
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
	// vest's own row for January alone, as NAV gives a county's figure
	// now and then: its office arstad reports every month, so vest has
	// not ended.
	site.Results = append(site.Results, model.Result{Period: jan, Unit: int32(site.CountyUnit(0)), HasValue: true, Value: 2})
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

// TestJumpsAllowForOverdispersion: a share of sick days varies several
// times as much as a binomial share of its size, since one absence is
// many days, and a count of cases that come in groups (a family, a
// workplace closing) more than a Poisson count. In such series, of
// offices of every size, a notice is rare (tested as binomial, one share
// in forty is one), and a figure typed ten times its usual among them is
// still found.
func TestJumpsAllowForOverdispersion(t *testing.T) {
	noise := 0
	for seed := range uint64(4) {
		found, n := overdispersedJumps(seed)
		if found != 4 {
			t.Errorf("seed %d: %d of 4 slips found", seed, found)
		}
		noise += n
	}
	// Each site has 4,800 months judged, some of small offices whose
	// months a single long absence makes: a handful of notices among them
	// is what a dozen months' estimate of a series' variation leaves.
	if noise > 32 {
		t.Errorf("%d notices for noise over 4 sites, want at most 32", noise)
	}
}

// overdispersedJumps makes a site of 200 offices' sick days, a share that
// varies several times as much as a binomial one, and cases, which come
// in groups, over 24 months, with two slips planted in a share and two in
// a count, each ten times the series' mean: the later five months after
// the earlier, which is among the months it is judged against. It
// returns how many of the slips were noticed, and how many notices were
// for other months.
func overdispersedJumps(seed uint64) (found, noise int) {
	const offices, months = 200, 24
	site := &model.Site{
		Counties: []model.County{{ID: "vest"}},
		Goals: []model.Goal{
			{ID: "sykefravaer", Unit: "percent", Aggregate: "ratio", Decimals: 1},
			{ID: "saker", Unit: "count", Aggregate: "sum"},
		},
		ResultFiles: []string{"data/results/2026.csv"},
	}
	for o := range offices {
		site.Offices = append(site.Offices, model.Office{ID: fmt.Sprintf("kontor-%d", o), County: "vest"})
	}
	site.NumberUnits()
	rnd := rand.New(rand.NewPCG(7+seed, 11))
	poisson := func(mean float64) int {
		k, p, limit := 0, 1.0, math.Exp(-mean)
		for p *= rnd.Float64(); p > limit; p *= rnd.Float64() {
			k++
		}
		return k
	}
	jan, _ := model.ParsePeriod("2025-01")
	for o := range offices {
		people := 10 + o%10*10
		for m := range months {
			// Each person's absences begin at a rate of one in four months
			// and last a week on average, within the month's 21 days.
			days := 0
			for range poisson(0.25 * float64(people)) {
				days += min(21, 1+int(rnd.ExpFloat64()*6))
			}
			site.Results = append(site.Results, model.Result{Period: jan + model.Period(m), Unit: int32(o),
				HasRatio: true, Numerator: float64(min(days, 21*people)), Denominator: float64(21 * people), Line: int32(len(site.Results) + 2)})
			// Cases come in groups of two on average.
			cases := 0
			for range poisson(0.1 * float64(people)) {
				cases += 1 + int(rnd.ExpFloat64()*1.5)
			}
			site.Results = append(site.Results, model.Result{Period: jan + model.Period(m), Unit: int32(o), Goal: 1,
				HasValue: true, Value: float64(cases), Line: int32(len(site.Results) + 2)})
		}
	}
	row := func(office, month, goal int) *model.Result { return &site.Results[2*(office*months+month)+goal] }
	mean := func(office, goal int, of func(*model.Result) float64) float64 {
		sum := 0.0
		for m := range months {
			sum += of(row(office, m, goal))
		}
		return sum / months
	}
	slips := map[int]bool{}
	days := mean(57, 0, func(r *model.Result) float64 { return r.Numerator }) // an office of 80 people
	cases := mean(88, 1, func(r *model.Result) float64 { return r.Value })    // of 90
	for _, m := range []int{15, 20} {
		r := row(57, m, 0)
		r.Numerator = min(10*days, r.Denominator)
		slips[int(r.Line)] = true
	}
	for _, m := range []int{12, 17} {
		r := row(88, m, 1)
		r.Value = math.Round(10 * cases)
		slips[int(r.Line)] = true
	}
	var notices diag.List
	jumps(site, results(site, map[int32]bool{}, &notices), jan+months-1, &notices)
	for _, n := range notices {
		if slips[n.Pos.Line] {
			found++
		} else {
			noise++
		}
	}
	return found, noise
}

// TestChanceOfSharesOfNoOne: shares whose denominators round to no
// person (fractions of a full-time equivalent, say) have no count to
// judge by: chance explains them, rather than a NaN that nothing passes.
func TestChanceOfSharesOfNoOne(t *testing.T) {
	g := &model.Goal{ID: "andel", Unit: "percent", Aggregate: "ratio", Decimals: 1}
	var before []*model.Result
	for range 12 {
		before = append(before, &model.Result{HasRatio: true, Numerator: 0.1, Denominator: 0.4})
	}
	r := &model.Result{HasRatio: true, Numerator: 0.3, Denominator: 0.3}
	if explained, sized := chance(g, r, before); !explained || !sized {
		t.Errorf("chance(%v of %v after %d months of 0.1 of 0.4) = %v, %v; want explained", r.Numerator, r.Denominator, len(before), explained, sized)
	}
}
