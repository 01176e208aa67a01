package validate

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/malekort/malekort/internal/config"
	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/model"
)

// Unused adds notices of what is there but will not be seen as its author
// meant: commentary for a month without results or after the reported
// one, a period in site.toml after the newest month with results, an
// office without any results, a goal without any value, a ratio given
// only as values, two units of one name. reported is the month the site
// reports; allRead is false when a results file could not be read, so
// that an office or goal may have results there: it is not told of
// having none.
func Unused(s *model.Site, cfg config.Site, reported model.Period, allRead bool, notices *diag.List) {
	months := map[model.Period]bool{}
	newest, oldest := model.Period(0), model.Period(0)
	officeHas := make([]bool, len(s.Offices))
	countyHas := make([]bool, len(s.Counties))
	goalHas := make([]bool, len(s.Goals))
	valueOnly := make([]int, len(s.Goals)) // 1 + the first row giving a ratio goal only its value
	valueRows, ratioRows := make([]int, len(s.Goals)), make([]int, len(s.Goals))
	last := model.Period(0)
	for i := range s.Results {
		r := &s.Results[i]
		if r.Period != last { // rows come a month at a time
			months[r.Period], last = true, r.Period
		}
		newest = max(newest, r.Period)
		if oldest == 0 || r.Period < oldest {
			oldest = r.Period
		}
		if u := int(r.Unit); u < len(s.Offices) {
			officeHas[u] = true
		} else if c := u - s.CountyUnit(0); c < len(s.Counties) {
			countyHas[c] = true
		}
		if r.HasValue || r.HasRatio || r.Suppressed {
			goalHas[r.Goal] = true
		}
		switch {
		case s.Goals[r.Goal].Aggregate != "ratio":
		case r.HasRatio:
			ratioRows[r.Goal]++
		case r.HasValue:
			valueRows[r.Goal]++
			if valueOnly[r.Goal] == 0 {
				valueOnly[r.Goal] = i + 1
			}
		}
	}
	farFrom(s, notices)
	fractions(s, notices)
	alike(s, notices)
	carriedTargets(s, reported, notices)
	if cfg.Period != 0 {
		switch pos := (diag.Pos{Path: config.Path, Line: cfg.PeriodLine}); {
		case newest == 0:
			notices.AddNotice(pos, "period is %s, but there are no results: the site shows only empty goals", month(cfg.Period))
		case cfg.Period > newest:
			notices.AddNotice(pos, "period is %s, after the newest month with results (%s): pages show goals without values; remove period or set a month with results", month(cfg.Period), month(newest))
		case !months[cfg.Period] && allRead && slices.ContainsFunc(s.Goals, func(g model.Goal) bool { return !g.Delayed() && g.ShownIn(cfg.Period) }):
			// A month of lagged or less frequent goals alone shows
			// earlier results.
			notices.AddNotice(pos, "period is %s, a month without results: pages show goals without values; set a month with results, or add the month's rows", month(cfg.Period))
		}
	}
	toCome := map[string]*model.Office{}
	for i := range s.Offices {
		if o := &s.Offices[i]; o.Lifetime.From > reported {
			toCome[o.ID] = o
		}
	}
	for i := range s.Commentary {
		c := &s.Commentary[i]
		commentaryMonth(c.Path, c.Period, reported, months[c.Period], toCome[c.Office], notices)
	}
	for i := range s.Offices {
		// One to come (a reform entered in advance) has none yet.
		if o := &s.Offices[i]; !officeHas[i] && len(s.Results) > 0 && allRead && toCome[o.ID] == nil {
			notices.AddNotice(o.Pos, "%s has no results in any month: check its id or code in the results files", o.Name)
		}
	}
	if len(s.Results) > 0 && allRead && oldest <= reported {
		// A county without offices reports for itself; without results
		// too, every figure of the whole site lacks it.
		epochs, epochOf := s.Epochs(oldest, int(reported-oldest)+1)
		for i := range s.Counties {
			// Every month it exists in, as the notice says.
			alive := func(e int) bool { return slices.Contains(epochs[e].Counties, i) }
			if c := &s.Counties[i]; !countyHas[i] && slices.ContainsFunc(epochOf, alive) && !slices.ContainsFunc(epochOf, func(e int) bool { return alive(e) && len(epochs[e].OfficesOf[i]) > 0 }) {
				notices.AddNotice(c.Pos, "%s has no offices and no results in any month: every figure of the whole site counts it as a unit that did not report; check its id in the results files, give it offices, or remove it", c.Name)
			}
		}
	}
	for i := range s.Goals {
		if g := &s.Goals[i]; !goalHas[i] && len(s.Results) > 0 && allRead {
			notices.AddNotice(g.Pos, "the goal \"%s\" has no values in any month: check its id in the results files", g.Title)
		}
		// A share without its counts (NAV's tables give both) neither
		// rolls up nor tells how many people it stands for.
		if first := valueOnly[i]; first > 0 {
			rows := diag.P("%s of its rows", diag.Number{V: float64(valueRows[i])})
			if ratioRows[i] == 0 {
				rows = diag.P("all its rows")
			}
			notices.AddNotice(s.ResultPos(&s.Results[first-1]), "the goal \"%s\" is a ratio, but %s give only its value (the first is here): in those months it cannot be computed (∅) for a county of several offices without its own row, for the whole site, or for any unit's tertials, years or year to date, and min_count cannot judge such a value (with persons = true it is hidden wherever a count of people of its unit is); give numerator and denominator where the source has them", s.Goals[i].Title, rows)
		}
	}
}

// carriedTargets adds a notice for each goal whose target has changed by
// its schedule, but whose target in force for the results its scorecard
// now judges was set in an earlier year: a new year's scorecard usually
// comes with new targets, and a step forgotten in goals.toml would colour
// the whole year by an old one. It stands at the step in force.
func carriedTargets(s *model.Site, reported model.Period, notices *diag.List) {
	judged := make([]model.Period, len(s.Goals))
	hasResults := make([]bool, len(s.Goals))
	for i := range s.Goals {
		if g := &s.Goals[i]; len(g.Schedule) > 0 && g.ShownIn(reported) {
			judged[i] = g.JudgedPeriod(reported)
		}
	}
	for i := range s.Results {
		r := &s.Results[i]
		if p := judged[r.Goal]; p != 0 && r.Period <= p && r.Period.Year() == p.Year() {
			hasResults[r.Goal] = true
		}
	}
	for i := range s.Goals {
		g := &s.Goals[i]
		if !hasResults[i] {
			continue
		}
		year := judged[i].Year()
		target, yellow, since := g.TargetAt(judged[i])
		if since == 0 || since.Year() >= year {
			// The goal's own target, before its first step, or a step of
			// this year.
			continue
		}
		step := g.Schedule[slices.IndexFunc(g.Schedule, func(st model.Step) bool { return st.From == since })]
		notices.AddNotice(step.Pos, "the goal \"%s\" has no step in its schedule for %d: its results of %d are judged by the target in force since %s, %s (yellow limit %s); if this year's scorecard gives another, add a [[goal.schedule]] with from = \"%d-01\"",
			g.Title, year, year, month(since), written(target), written(yellow), year)
	}
}

// alike adds a notice for each unit that has, in a month it exists, the
// name another unit has then, in any case and spacing: rankings, tables
// and search name units only by their names, so the two could not be
// told apart. It stands at the later of the two in org.toml.
func alike(s *model.Site, notices *diag.List) {
	units := make([]int, s.WholeUnit())
	for u := range units {
		units[u] = u
	}
	pos := func(u int) diag.Pos {
		if u < s.CountyUnit(0) {
			return s.Offices[u].Pos
		}
		return s.Counties[u-s.CountyUnit(0)].Pos
	}
	name := func(u int, p model.Period) string {
		if u < s.CountyUnit(0) {
			return s.Offices[u].NameAt(p)
		}
		return s.Counties[u-s.CountyUnit(0)].NameAt(p)
	}
	slices.SortStableFunc(units, func(a, b int) int { return pos(a).Line - pos(b).Line })
	// Which units exist, and their names, change only in the turns; the
	// month before the first stands for those before it.
	months := turns(s)
	before := model.Period(1)
	if len(months) > 0 {
		before = months[0] - 1
	}
	months = append([]model.Period{before}, months...)
	told := make([]bool, len(units))
	for _, p := range months {
		first := map[string]int{}
		for _, u := range units {
			n := strings.ToLower(strings.Join(strings.Fields(name(u, p)), ""))
			if told[u] || n == "" || !s.UnitAlive(u, p) {
				continue
			}
			if f, seen := first[n]; seen {
				notices.AddNotice(pos(u), "%s is also the name of %s (%s) while both exist: rankings and tables could not tell them apart; give one a name of its own", name(u, p), s.Units[f], pos(f))
				told[u] = true
				continue
			}
			first[n] = u
		}
	}
}

// fractions adds notices of a percent goal's values, given as values,
// that are about a hundredth of the same unit's in a month next to them
// (or in a run of such months next to it): a spreadsheet's percent
// column saved as fractions (0.018 for 1.8 %) would be published as
// 0,0 % and judged against the target. A month where nearly all (nine in
// ten, and three or more) are so is told at its first such row; other
// such rows each at its line. A share small in every month, as many a
// municipality's unemployment is, is told of neither.
func fractions(s *model.Site, notices *diag.List) {
	type key struct {
		goal, unit int32
	}
	units := map[key][]int{} // indexes into s.Results
	for i := range s.Results {
		r := &s.Results[i]
		if r.HasValue && !r.HasRatio && r.Value != 0 && s.Goals[r.Goal].Unit == "percent" {
			k := key{r.Goal, r.Unit}
			units[k] = append(units[k], i)
		}
	}
	value := func(i int) float64 { return s.Results[i].Value }
	// within reports whether results a and b are within a factor of lo to
	// hi of each other, b the larger.
	within := func(a, b int, lo, hi float64) bool {
		ratio := value(b) / value(a)
		return ratio >= lo && ratio <= hi
	}
	type goalMonth struct {
		goal   int32
		period model.Period
	}
	months := map[goalMonth]*[2]int{} // rows with a month beside them, and those a hundredth
	hit := make([]bool, len(s.Results))
	for _, rows := range units {
		if len(rows) < 2 {
			continue
		}
		// Files come in order of their names, not of their months.
		slices.SortStableFunc(rows, func(a, b int) int { return cmp.Compare(s.Results[a].Period, s.Results[b].Period) })
		small := func(k int) bool { return math.Abs(value(rows[k])) <= 1 }
		for k := range rows {
			hit[rows[k]] = small(k) && (k > 0 && within(rows[k], rows[k-1], 30, 300) || k+1 < len(rows) && within(rows[k], rows[k+1], 30, 300))
		}
		// A run of such months is of one kind with the one beside it
		// that a hundredth was found of.
		for k := 1; k < len(rows); k++ {
			hit[rows[k]] = hit[rows[k]] || hit[rows[k-1]] && small(k) && within(rows[k], rows[k-1], 1.0/3, 3)
		}
		for k := len(rows) - 2; k >= 0; k-- {
			hit[rows[k]] = hit[rows[k]] || hit[rows[k+1]] && small(k) && within(rows[k], rows[k+1], 1.0/3, 3)
		}
		for _, i := range rows {
			m := goalMonth{s.Results[i].Goal, s.Results[i].Period}
			if months[m] == nil {
				months[m] = &[2]int{}
			}
			months[m][0]++
			if hit[i] {
				months[m][1]++
			}
		}
	}
	told := map[goalMonth]bool{}
	for i := range s.Results {
		r := &s.Results[i]
		m := goalMonth{r.Goal, r.Period}
		if !hit[i] || told[m] {
			continue
		}
		switch c := months[m]; {
		case c[1] >= 3 && c[1]*10 >= c[0]*9:
			told[m] = true
			notices.AddNotice(s.ResultPos(r), "the goal \"%s\": %s of the %s values of %s are about a hundredth of the same units' values in other months: are they fractions, as a spreadsheet saves a percent (0.018 for 1.8 %%)? Write them in percent (1.8)",
				s.Goals[r.Goal].Title, diag.Number{V: float64(c[1])}, diag.Number{V: float64(c[0])}, month(r.Period))
		default:
			notices.AddNotice(s.ResultPos(r), "the goal \"%s\": %s is about a hundredth of the unit's values in other months: is it a fraction, as a spreadsheet saves a percent (0.018 for 1.8 %%)? Write it in percent (1.8)",
				s.Goals[r.Goal].Title, written(r.Value))
		}
	}
}

// farApart is how many months in a row without any result, between two
// months with results, make a notice: a year typed wrong (1918 for 2018)
// spreads every chart and table over the years between.
const farApart = 24

// farFrom adds a notice for each gap of more than farApart months
// between months with results, at the first row of the month beside it on
// the side with fewer rows, which is where a year is likely typed wrong.
func farFrom(s *model.Site, notices *diag.List) {
	type rowsOf struct {
		first *model.Result
		n     int
	}
	byMonth := map[model.Period]*rowsOf{}
	for i := range s.Results {
		r := &s.Results[i]
		if m := byMonth[r.Period]; m != nil {
			m.n++
		} else {
			byMonth[r.Period] = &rowsOf{r, 1}
		}
	}
	months := slices.Sorted(maps.Keys(byMonth))
	rowsBefore := make([]int, len(months)+1)
	for i, p := range months {
		rowsBefore[i+1] = rowsBefore[i] + byMonth[p].n
	}
	for i := 1; i < len(months); i++ {
		gap := int(months[i]-months[i-1]) - 1
		if gap <= farApart {
			continue
		}
		far := months[i-1]
		if before, after := rowsBefore[i], rowsBefore[len(months)]-rowsBefore[i]; after < before {
			far = months[i]
		}
		r := byMonth[far].first
		notices.AddNotice(s.ResultPos(r),
			"no month has results in the %d months between %s and %s: is the year of %s typed wrong? Every chart and table runs over the months between; fix or remove its rows",
			gap, month(months[i-1]), month(months[i]), month(far))
	}
}

// month names p in a message, translated with it.
func month(p model.Period) diag.Phrase {
	switch p.Month() {
	case 1:
		return diag.P("January %d", p.Year())
	case 2:
		return diag.P("February %d", p.Year())
	case 3:
		return diag.P("March %d", p.Year())
	case 4:
		return diag.P("April %d", p.Year())
	case 5:
		return diag.P("May %d", p.Year())
	case 6:
		return diag.P("June %d", p.Year())
	case 7:
		return diag.P("July %d", p.Year())
	case 8:
		return diag.P("August %d", p.Year())
	case 9:
		return diag.P("September %d", p.Year())
	case 10:
		return diag.P("October %d", p.Year())
	case 11:
		return diag.P("November %d", p.Year())
	}
	return diag.P("December %d", p.Year())
}

// HiddenTotals adds a notice for each of totals, the counties' figures
// that score hid because an office's figure was hidden at source (NAV's
// "*"), though NAV publishes the county's figure in tables of its own.
// The notice stands at the office's row and names the months.
func HiddenTotals(s *model.Site, totals []model.HiddenTotal, notices *diag.List) {
	for _, t := range totals {
		r, county, g := &s.Results[t.Row], &s.Counties[t.County], &s.Goals[t.Goal]
		hidden := diag.P("%s's \"%s\" is", county.Name, g.Title)
		if t.Whole {
			hidden = diag.P("%s's \"%s\", and the whole site's, are", county.Name, g.Title)
		}
		notices.AddNotice(s.ResultPos(r),
			"%s hidden %s as the total needs an office's figure hidden at source (*), here %s's: a row for %s itself (unit \"%s\"), as NAV publishes the county's figures, would show the county's figure",
			hidden, when(t.Months), s.Offices[r.Unit].Name, county.Name, county.ID)
	}
}

// TiedTotals adds a notice for each of totals, the counties' own figures
// that score hid though their rows give them, for an office without a
// figure of the goal while another goal of people hides the office's
// (see score.Scores.TiedTotals). The notice stands at the county's row.
func TiedTotals(s *model.Site, totals []model.TiedTotal, notices *diag.List) {
	for _, t := range totals {
		county, g, office := &s.Counties[t.County], &s.Goals[t.Goal], s.Offices[t.Office].Name
		pos := county.Pos
		if t.Row >= 0 {
			pos = s.ResultPos(&s.Results[t.Row])
		}
		notices.AddNotice(pos,
			"%s hidden %s, though the county's own row gives it: %s has no row of it while another goal of people hides %s's figure, which the county's figure less its other offices' would give back (the county's other goals of people are hidden with it); give %s a row of \"%s\", or leave out the county's own rows of it",
			diag.P("%s's \"%s\" is", county.Name, g.Title), when(t.Months), office, office, office, g.Title)
	}
}

// HiddenTogether adds a notice for each of rows, the counties' own rows
// of goals of people that score hid only beside other goals of people
// (see score.Scores.HiddenTogether): a county's figure the source
// publishes, hidden with no word why where the goal's own notices say
// nothing of it. The notice stands at the county's row of the first
// month, and names the goal that hid the county then, where one did.
func HiddenTogether(s *model.Site, rows []model.HiddenTogether, notices *diag.List) {
	for _, h := range rows {
		county, g := &s.Counties[h.County], &s.Goals[h.Goal]
		pos := county.Pos
		if h.Row >= 0 {
			pos = s.ResultPos(&s.Results[h.Row])
		}
		hidden := diag.P("%s's \"%s\" is", county.Name, g.Title)
		if h.With >= 0 {
			notices.AddNotice(pos,
				"%s hidden %s, though the county's own row gives it: \"%s\" hides the county's figure in %s, and the goals of people hide a unit's month together, since one may count the people of another",
				hidden, when(h.Months), s.Goals[h.With].Title, month(h.Months[0]))
			continue
		}
		notices.AddNotice(pos,
			"%s hidden %s, though the county's own row gives it: beside the figures other goals of people hide then, it would give one of them back (the goals of people hide a unit's month together, since one may count the people of another)",
			hidden, when(h.Months))
	}
}

// when names a set of months in a message: the month, or how many from
// the first to the last, and of how many when some between are not in it.
func when(months []model.Period) diag.Phrase {
	first, last := months[0], months[len(months)-1]
	switch n := int(last-first) + 1; {
	case len(months) == 1:
		return diag.P("in %s", month(first))
	case len(months) < n:
		return diag.P("in %d of the %d months from %s to %s", len(months), n, month(first), month(last))
	}
	return diag.P("in %d months from %s to %s", len(months), month(first), month(last))
}

// CommentaryMonth tells of the commentary at path, of office for month p,
// if it will not show as that month's: as Unused does, for a file just
// written.
func CommentaryMonth(s *model.Site, office, path string, p, reported model.Period, notices *diag.List) {
	hasResults := slices.ContainsFunc(s.Results, func(r model.Result) bool { return r.Period == p })
	var toCome *model.Office
	if o := s.OfficeOfID(office); o >= 0 && s.Offices[o].Lifetime.From > reported {
		toCome = &s.Offices[o]
	}
	commentaryMonth(path, p, reported, hasResults, toCome, notices)
}

func commentaryMonth(path string, p, reported model.Period, hasResults bool, toCome *model.Office, notices *diag.List) {
	pos := diag.Pos{Path: path, Line: 1}
	switch {
	case toCome != nil && reported != 0:
		notices.AddNotice(pos, "%s begins in %s, after the month the site reports (%s): it has no page until then, and the commentary is published when %s is reported", toCome.Name, month(toCome.Lifetime.From), month(reported), month(max(p, toCome.Lifetime.From)))
	case p > reported && reported != 0:
		notices.AddNotice(pos, "the commentary is for %s, after the month the site reports (%s): it shows under \"Later commentary\" until %s is reported", month(p), month(reported), month(p))
	case !hasResults:
		notices.AddNotice(pos, "the commentary is for %s, which has no results: check the month in the file's name", month(p))
	}
}
