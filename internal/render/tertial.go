package render

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/malekort/malekort/internal/model"
	"github.com/malekort/malekort/internal/score"
)

// The tertial report: a unit's page for each tertial of the reported year
// and the year before (older tertials are in periods.csv), with the
// tertial's scorecard, its months charted, and the
// measures and commentary of its months. It is light on purpose: at NAV's
// size there are some 1,700 of them. Its charts are drawn here as SVG, so
// the page loads no script library and prints as it shows.

// TertialPage is a unit's tertial report: <unit folder>/<YYYY-Tn>.html.
type TertialPage struct {
	Common
	Name    string // the unit's
	Unit    Link   // the unit's page
	ToUnit  string // the words of a link to it: "Til siden for NAV Fana"
	Older   bool   // periods.csv has tertials older than those with reports
	Tertial string // "2. tertial 2018"
	Months  string // "mai–august 2018", or how far a tertial not over has come
	// Lived says in how many of the tertial's months the unit existed,
	// where not all: an office that ended or began in it.
	Lived   string
	Summary Summary
	Card    TertialCard
	// Matrix is a county's offices, or the whole site's counties, against
	// its goals over the tertial.
	Matrix SpanMatrix
	// Measures are an office's measures of the tertial; MeasureCounts a
	// county's or the whole site's offices' counted by goal.
	Measures      TertialMeasures
	MeasureCounts []string
	Commentary    []CommentaryView // an office's, of the tertial's months
	Office        bool             // the unit is an office
	Tertials      []Link           // the unit's tertial reports, this one without Href
}

// TertialCard is the tertial's scorecard: each goal's aggregate and its
// months.
type TertialCard struct {
	Months []string // the months' column heads
	Groups []TertialGroup
	// Missing says which goals of the unit's scorecard have no row, and
	// why: measured for the year, or their results for the tertial not
	// yet due.
	Missing []string
	// Summed says a row gives a ratio's numerators and denominators
	// summed over the months, which the card's note then explains.
	Summed bool
}

// TertialGroup is a perspective's rows of a TertialCard.
type TertialGroup struct {
	Perspective string
	Rows        []TertialRow
}

// TertialRow is a goal's aggregate over the tertial, the value of each of
// its months, and a small chart of those against the target.
type TertialRow struct {
	Goal   Link
	Result string
	Size   string // a ratio's numerator and denominator
	// Made says how its figure and target are made of its months: a
	// stock's are their mean, a sum's their sum (so far).
	Made   string
	Target string
	// Coverage says how much of the tertial the figure stands for, when
	// not all of it: "3 av 4 måneder", office-months for a county.
	Coverage string
	Status   Status
	Months   []string
	Chart    TertialChart
}

// TertialChart is a small chart of a tertial's months against the target
// in force each month: SVG paths in the chart's own pixels, drawn by
// tertialChartSVG. A row with no value in the tertial has none.
type TertialChart struct {
	Target, Line string
}

// SpanMatrix is units against goals over a span of months, a tertial or
// the year to date: a status symbol and value in each cell (a key above
// says what the symbols mean).
type SpanMatrix struct {
	// Heading heads its section where the caption, naming the unit and
	// months too, would say them twice; the caption names the table.
	Heading   string
	Caption   string
	Head      string // the units' column head: office or county
	Key       string // what the cells' symbols mean
	Goals     []GoalColumn
	Commented bool // the rows count the months each office commented
	// Unanswered, where not empty, heads a column counting each office's
	// red goals that no measure of the span answered.
	Unanswered string
	Rows       []SpanMatrixRow
}

// SpanMatrixRow is a unit's row of a SpanMatrix; a cell of a goal
// the unit does not have is empty.
type SpanMatrixRow struct {
	Unit       Link
	Cells      []SpanMatrixCell
	Commented  string // how many of the tertial's months the office commented
	Unanswered int
}

// spanRows are where a SpanMatrix's rows come from: for each k, its unit,
// its row's link, and, where not nil, its count of commented months and
// its measures of a goal that answer the span.
type spanRows struct {
	unit      func(k int) int
	link      func(k int) Link
	commented func(k int) string
	measures  func(k, goal int) int
}

// fillSpanMatrix fills m with goals and a row for each of ks: each one's
// aggregate over sp of each goal. Like the month's matrix, the units with
// the most goals red or without a result come first, then those with the
// most yellow ones, by the order given within each (see mostFirst). Its key begins with the symbols' meanings,
// ∅'s only where a cell has it.
func (s *site) fillSpanMatrix(m *SpanMatrix, root string, goals []int, sp score.Span, ks []int, from spanRows) {
	uncomputable, partial := false, false
	for _, gi := range goals {
		g := &s.Site.Goals[gi]
		column := GoalColumn{Link: Link{Href: root + goalPath(g), Text: g.Title}}
		if covered := s.Scores.CoveredMonths(gi, sp); covered > 0 && covered < sp.Months() {
			// A lagged goal's last months are not yet due, a tertial
			// goal's last tertial not over.
			column.Period = s.loc.MonthRange(sp.First.Year(), sp.First.Month(), (sp.First + model.Period(covered-1)).Month())
		}
		m.Goals = append(m.Goals, column)
	}
	needs := make([]need, 0, len(ks))
	for _, k := range ks {
		u := from.unit(k)
		row := SpanMatrixRow{Unit: from.link(k), Cells: make([]SpanMatrixCell, 0, len(goals))}
		if from.commented != nil {
			row.Commented = from.commented(k)
		}
		needs = append(needs, need{})
		for _, gi := range goals {
			a := s.Scores.Over(u, gi, sp)
			if !a.Published() {
				row.Cells = append(row.Cells, SpanMatrixCell{})
				continue
			}
			needs[len(needs)-1].add(a.Status)
			if from.measures != nil && score.Unanswered(a.Status, from.measures(k, gi)) {
				row.Unanswered++
			}
			st := &s.statuses[a.Status]
			value := s.value(&s.Site.Goals[gi], a.Cell)
			if a.Recast && a.Has() {
				// Beside its predecessors' rows, the months they share.
				value += " (" + s.loc.T("recast") + ")"
			}
			if (a.Has() || a.Status == score.Incomplete) && a.Coverage.Expected > 0 && !a.Coverage.Complete() {
				// A figure of fewer months (office-months) than the span's
				// looks like any other, and one too short to judge says by
				// how much.
				value += " (" + s.coverageText("matrix.partial", a.Coverage) + ")"
				partial = true
			}
			row.Cells = append(row.Cells, SpanMatrixCell{Status: st, Value: value})
			uncomputable = uncomputable || a.Status == score.Uncomputable
		}
		m.Rows = append(m.Rows, row)
	}
	m.Rows = mostFirst(m.Rows, needs)
	key := s.loc.T("tertial.matrix.key")
	if uncomputable {
		key += " " + s.loc.T("matrix.key.uncomputable")
	}
	if partial {
		key += " " + s.loc.T("matrix.key.partial")
	}
	m.Key = strings.TrimSpace(key + " " + m.Key)
}

// SpanMatrixCell is a unit's aggregate for a goal.
type SpanMatrixCell struct {
	Status *Status // nil for a goal the unit does not have
	Value  string
}

// TertialMeasures are an office's measures of a tertial (see
// model.MeasuresIn): how many started in it, were open at its end (and
// overdue) and were done in it, in words; and those open at its end and
// those done in it, which hold every one that started in it.
type TertialMeasures struct {
	Count string
	// OpenHeading heads those open at the tertial's end, or at the end of
	// the reported month for a tertial not over.
	OpenHeading string
	MeasureList
}

// Any reports whether there is a measure to list.
func (m TertialMeasures) Any() bool { return len(m.Open)+len(m.Done) > 0 }

// cardNote is what a tertial card's note says: how to read its charts,
// and, where a row gives summed numerators and denominators, what they
// are.
func (c components) cardNote(summed bool) string {
	if summed {
		return c.loc.T("tertial.chart.note") + " " + c.loc.T("tertial.sum.note")
	}
	return c.loc.T("tertial.chart.note")
}

// tertialFile is a tertial report's file name, beside the unit's page.
func tertialFile(sp score.Span) string { return sp.Name() + ".html" }

// tertialName names a tertial: "2. tertial 2018".
func (s *site) tertialName(sp score.Span) string {
	return strings.NewReplacer("{n}", strconv.Itoa(sp.TertialNumber()), "{year}", strconv.Itoa(sp.First.Year())).Replace(s.loc.T("tertial.name"))
}

// tertialMonths says which months a tertial holds: "mai–august 2018";
// one not over says how far it has come.
func (s *site) tertialMonths(sp score.Span) string {
	months := s.loc.MonthRange(sp.First.Year(), sp.First.Month(), (sp.First + 3).Month())
	if !sp.Partial() {
		return months
	}
	return strings.NewReplacer("{months}", months, "{n}", strconv.Itoa(sp.Months())).Replace(s.loc.T("tertial.so.far"))
}

// monthsLived counts the months of span sp in which unit existed.
func (s *site) monthsLived(unit int, sp score.Span) int {
	n := 0
	for p := sp.First; p <= sp.Last; p++ {
		if s.Scores.Exists(unit, p) {
			n++
		}
	}
	return n
}

// tertial is a tertial the site has reports of, with its name.
type tertial struct {
	score.Span
	name string // "2. tertial 2018"
}

// tertialsOf are the tertials with reports, those of the reported year
// and the year before, oldest first, and whether periods.csv has older
// ones: made once, since every report links every other.
func (s *site) tertialsOf() (reported []tertial, older bool) {
	for _, sp := range s.Scores.Spans() {
		switch {
		case sp.Kind != score.Tertial:
		case sp.First.Year() >= s.Reported.Year()-1:
			reported = append(reported, tertial{Span: sp, name: s.tertialName(sp)})
		default:
			older = true
		}
	}
	return reported, older
}

// hasTertial reports whether unit has a report of tertial sp: it existed
// in one of its months.
func (s *site) hasTertial(unit int, sp score.Span) bool { return s.monthsLived(unit, sp) > 0 }

// tertialLinks are unit's tertial reports, newest first, as seen from
// dir (the folder the linking page is in, relative to the unit's); the
// report of current has no Href.
func (s *site) tertialLinks(unit int, dir string, current *score.Span) []Link {
	var out []Link
	for i := len(s.tertials) - 1; i >= 0; i-- {
		sp := s.tertials[i].Span
		if !s.hasTertial(unit, sp) {
			continue
		}
		l := Link{Href: dir + tertialFile(sp), Text: s.tertials[i].name}
		if current != nil && sp == *current {
			l.Href = ""
		}
		out = append(out, l)
	}
	return out
}

// tertialUnits are every unit with tertial reports: the whole site, and
// each county followed by its offices.
func (s *site) tertialUnits() []int {
	units := []int{s.Scores.Whole()}
	for _, c := range s.allCounties {
		units = append(units, s.Scores.County(c))
		for _, o := range s.officesOf[c] {
			units = append(units, s.Scores.Office(o))
		}
	}
	return units
}

// spanOffices are county c's offices in span sp, by name: those it had
// in a month of it, as that month's organisation has them, so that a
// county's report of a tertial before a reform lists the offices it had
// then, wherever they are now.
func (s *site) spanOffices(c int, sp score.Span) []int {
	var out []int
	candidates := s.officesOf[c]
	if s.Site.Reorganised() {
		candidates = s.byName
	}
	for _, o := range candidates {
		if !s.hasTertial(s.Scores.Office(o), sp) {
			continue
		}
		for p := sp.First; p <= min(sp.Last, s.Reported); p++ {
			if s.Site.Offices[o].Alive(p) && s.Scores.CountyOf(o, p) == c {
				out = append(out, o)
				break
			}
		}
	}
	return out
}

// tertialJobs are the jobs that write units' tertial reports, and the
// pages those can be, written or not.
func (s *site) tertialJobs(out Output, units []int) (jobs []func() error, pages []string) {
	for _, t := range s.tertials {
		state := sync.OnceValue(func() *tertialState { return s.tertialState(t.Span) })
		for _, u := range units {
			pages = append(pages, s.tertialPath(u, t.Span))
			if s.hasTertial(u, t.Span) {
				jobs = append(jobs, func() error { return s.tertialPage(u, t, state(), out) })
			}
		}
	}
	return jobs, pages
}

// tertialJobsOf are the jobs that write the tertial reports that show
// the commentary and measures of the offices ids: theirs, those of the
// counties they were in in the tertials reported, and the whole site's.
func (s *site) tertialJobsOf(out Output, ids []string) ([]func() error, []string) {
	units := []int{s.Scores.Whole()}
	seen := map[int]bool{}
	for _, id := range ids {
		o, ok := s.officeOf[id]
		if !ok {
			continue
		}
		units = append(units, s.Scores.Office(o))
		// Every county it was in in a tertial reported lists it there
		// (see spanOffices).
		counties := []int{s.officeCounty[o]}
		if len(s.tertials) > 0 && s.Site.Reorganised() {
			for p := s.tertials[0].Span.First; p <= s.Reported; p++ {
				if s.Site.Offices[o].Alive(p) {
					counties = append(counties, s.Scores.CountyOf(o, p))
				}
			}
		}
		for _, c := range counties {
			if u := s.Scores.County(c); c >= 0 && !seen[u] {
				seen[u] = true
				units = append(units, u)
			}
		}
	}
	return s.tertialJobs(out, units)
}

// tertialPath is where unit's report of tertial sp is: beside its page.
func (s *site) tertialPath(unit int, sp score.Span) string {
	m := s.Site
	switch {
	case unit < m.CountyUnit(0):
		return m.Offices[unit].County + "/" + m.Offices[unit].ID + "/" + tertialFile(sp)
	case unit < m.WholeUnit():
		return m.Counties[unit-m.CountyUnit(0)].ID + "/" + tertialFile(sp)
	}
	return tertialFile(sp)
}

// tertialState is what every report of one tertial reads: the measures as
// the commentary up to its end tells them, sorted by what they did in it,
// and each office's commentary of its months.
type tertialState struct {
	lives []model.MeasureLife
	// byOffice are each office's indexes into lives, by what they did.
	byOffice   map[string]*model.PeriodMeasures
	commentary map[string][]*model.Commentary
}

func (s *site) tertialState(sp score.Span) *tertialState {
	st := &tertialState{lives: s.Site.Measures(sp.Last), byOffice: map[string]*model.PeriodMeasures{}}
	pm := model.MeasuresIn(st.lives, sp.First, sp.Last)
	of := func(i int) *model.PeriodMeasures {
		id := st.lives[i].Office
		if st.byOffice[id] == nil {
			st.byOffice[id] = &model.PeriodMeasures{}
		}
		return st.byOffice[id]
	}
	for _, i := range pm.Started {
		of(i).Started = append(of(i).Started, i)
	}
	for _, i := range pm.Open {
		of(i).Open = append(of(i).Open, i)
	}
	for _, i := range pm.Overdue {
		of(i).Overdue = append(of(i).Overdue, i)
	}
	for _, i := range pm.Done {
		of(i).Done = append(of(i).Done, i)
	}
	st.commentary = s.Site.CommentaryIn(sp.First, sp.Last)
	return st
}

// answering counts office's measures of a goal open at the tertial's end
// or done in it: those that answer for the goal over the tertial.
func (st *tertialState) answering(office, goal string) int {
	pm := st.byOffice[office]
	if pm == nil {
		return 0
	}
	n := 0
	for _, idx := range [][]int{pm.Open, pm.Done} {
		for _, i := range idx {
			if st.lives[i].Goal == goal {
				n++
			}
		}
	}
	return n
}

// tertialPage writes unit's report of tertial t.
func (s *site) tertialPage(unit int, t tertial, st *tertialState, out Output) error {
	m := s.Site
	sp := t.Span
	name := sp.Name()
	v := TertialPage{Tertial: t.name, Months: s.tertialMonths(sp)}
	page := s.tertialPath(unit, sp)
	var root, csv string
	var officeCounty *model.County // an office's, whose periods.csv holds its rows
	var crumbs []Link
	var offices []int // the units the matrix lists
	var from spanRows // the matrix's rows, for a county or the whole site
	var rowLink func(int, string) Link
	switch {
	case unit < m.CountyUnit(0):
		office := &m.Offices[unit]
		root = "../../"
		county := &m.Counties[s.officeCounty[unit]]
		officeCounty, v.Name, v.Office = county, office.Name, true
		crumbs = []Link{{Href: root + "index.html", Text: s.loc.T("home")}, {Href: root + countyPath(county), Text: county.Name}}
	case unit < m.WholeUnit():
		c := unit - m.CountyUnit(0)
		county := &m.Counties[c]
		root = "../"
		csv, v.Name = county.ID+"/periods.csv", county.Name
		crumbs = []Link{{Href: root + "index.html", Text: s.loc.T("home")}}
		offices = s.spanOffices(c, sp)
		rowLink = func(o int, file string) Link {
			return Link{Href: strings.TrimSuffix(s.officeHref(o, county, root), "index.html") + file, Text: m.Offices[o].Name}
		}
		from = spanRows{unit: s.Scores.Office,
			commented: func(o int) string { return strconv.Itoa(len(st.commentary[m.Offices[o].ID])) },
			measures:  func(o, gi int) int { return st.answering(m.Offices[o].ID, m.Goals[gi].ID) }}
		v.Matrix = SpanMatrix{Heading: s.loc.T("tertial.matrix.offices"), Caption: s.loc.T("tertial.matrix.offices"), Head: s.loc.T("office"),
			Commented: true, Unanswered: s.loc.T("matrix.unanswered"),
			Key: s.loc.T("tertial.matrix.commented") + " " + s.tertialWords("tertial.unanswered", sp)}
	default:
		csv, v.Name = "periods.csv", s.wholeName
		for _, c := range s.allCounties {
			if s.hasTertial(s.Scores.County(c), sp) {
				offices = append(offices, c)
			}
		}
		from.unit = s.Scores.County
		rowLink = func(c int, file string) Link {
			return Link{Href: m.Counties[c].ID + "/" + file, Text: m.Counties[c].Name}
		}
		v.Matrix = SpanMatrix{Heading: s.loc.T("tertial.matrix.counties"), Caption: s.loc.T("tertial.matrix.counties"), Head: s.loc.T("county")}
	}
	if unit == m.WholeUnit() {
		crumbs = []Link{{Href: "index.html", Text: s.loc.T("home")}}
	} else {
		crumbs = append(crumbs, Link{Href: "index.html", Text: v.Name})
		if lived := s.monthsLived(unit, sp); lived < sp.Months() {
			v.Lived = strings.NewReplacer("{unit}", v.Name, "{n}", strconv.Itoa(lived), "{of}", strconv.Itoa(sp.Months())).Replace(s.loc.T("tertial.lived"))
		}
	}
	// The title heads every printed page (Common.PrintMargins). The whole
	// site's name, a phrase rather than a unit's name, is quoted within
	// it, as in the site's other sentences.
	named := v.Name
	if unit == m.WholeUnit() {
		named = strings.ReplaceAll(s.loc.T("whole.quoted"), "{whole}", v.Name)
	}
	title := strings.ReplaceAll(s.loc.T("tertial.report.for"), "{unit}", named)
	if officeCounty != nil {
		v.Common = s.officeCommon(page, title, root, officeCounty, "periods.csv", crumbs...)
	} else {
		v.Common = s.common(page, title, root, csv, crumbs...)
	}
	v.Common.Period = v.Tertial
	if sp.Partial() {
		// The running head of every printed page says so too.
		v.Common.Period = strings.NewReplacer("{tertial}", v.Tertial, "{n}", strconv.Itoa(sp.Months())).Replace(s.loc.T("tertial.name.so.far"))
	}
	v.Unit = Link{Href: "index.html", Text: v.Name}
	v.ToUnit = strings.ReplaceAll(s.loc.T("tertial.to.unit"), "{unit}", named)
	v.Older = s.olderTertials
	v.Tertials = s.tertialLinks(unit, "", &sp)

	for p := sp.First; p <= sp.Last; p++ {
		v.Card.Months = append(v.Card.Months, s.months[p-s.Scores.First])
	}
	var goals []int
	// The rows of all groups, in one array: each group's are a part of it.
	rows := make([]TertialRow, 0, len(s.goalOrder))
	var yearly, later []string // goals on the unit's scorecard without a row, and why
	var byStatus [score.NStatus]int
	for _, gi := range s.goalOrder {
		a := s.Scores.Over(unit, gi, sp)
		g := &m.Goals[gi]
		if !a.Published() {
			switch whole := (score.Span{Kind: score.Tertial, First: sp.First, Last: sp.First + 3}); {
			case !s.Scores.Follows(unit, gi, sp.Last):
			case g.PeriodMonths() == 12:
				yearly = append(yearly, g.Title)
			case g.Delayed() && !s.Scores.AllDue(gi, whole):
				// Lagged, or a tertial goal's tertial not yet over.
				later = append(later, g.Title)
			}
			continue
		}
		goals = append(goals, gi)
		r := TertialRow{
			Goal:   Link{Href: root + goalPath(g), Text: g.Title},
			Result: s.value(g, a.Cell),
			Size:   s.spanSize(unit, gi, a.Cell, sp),
			Target: s.loc.WithUnit(a.Target, g.Decimals, g.Unit),
			Status: s.status(a.Status),
		}
		switch {
		case !a.Cell.Has():
		case g.Stock:
			r.Made = s.loc.T("tertial.mean")
		case g.Aggregate == "sum":
			r.Made = s.loc.T("tertial.sum")
		}
		r.Coverage = s.spanCoverage(unit, gi, sp, a.Coverage)
		if a.Recast && a.Has() {
			// Months before the unit began, its predecessors'.
			r.Coverage = strings.TrimPrefix(r.Coverage+"; "+s.loc.T("recast"), "; ")
		}
		if a.Has() && s.Scores.SpanMixesOwnRows(unit, gi, sp) {
			r.Coverage = strings.TrimPrefix(r.Coverage+"; "+s.loc.T("span.own.mixed"), "; ")
		}
		if covered := s.Scores.CoveredMonths(gi, sp); covered > 0 && covered < sp.Months() {
			// A lagged goal's last months are not yet due: its figure is of
			// the tertial so far, though the tertial is over.
			soFar := strings.NewReplacer("{n}", strconv.Itoa(covered), "{of}", strconv.Itoa(sp.Months())).Replace(s.loc.T("tertial.due"))
			r.Coverage = strings.TrimPrefix(r.Coverage+"; "+soFar, "; ")
		}
		v.Card.Summed = v.Card.Summed || r.Size != ""
		r.Months = make([]string, 0, sp.Months())
		for p := sp.First; p <= sp.Last; p++ {
			r.Months = append(r.Months, s.value(g, s.Scores.At(unit, gi, p)))
		}
		r.Chart = s.tertialChart(unit, gi, sp)
		if len(v.Card.Groups) == 0 || v.Card.Groups[len(v.Card.Groups)-1].Perspective != g.Perspective {
			v.Card.Groups = append(v.Card.Groups, TertialGroup{Perspective: g.Perspective, Rows: rows[len(rows):len(rows):len(rows)]})
		}
		rows = append(rows, r)
		// The group's rows end with its last: no room after it to append
		// over the next group's.
		group := &v.Card.Groups[len(v.Card.Groups)-1]
		group.Rows = rows[len(rows)-len(group.Rows)-1 : len(rows) : len(rows)]
		byStatus[a.Status]++
	}
	v.Summary = summaryOf(byStatus)
	if len(yearly) > 0 {
		v.Card.Missing = append(v.Card.Missing, strings.ReplaceAll(s.loc.T("tertial.yearly"), "{goals}", strings.Join(yearly, ", ")))
	}
	if len(later) > 0 {
		v.Card.Missing = append(v.Card.Missing, strings.ReplaceAll(s.loc.T("tertial.later"), "{goals}", strings.Join(later, ", ")))
	}

	if from.unit != nil {
		v.Matrix.Key = strings.TrimSpace(v.Matrix.Key + " " + s.loc.T("tertial.matrix.order"))
		from.link = func(k int) Link { return rowLink(k, name+".html") }
		s.fillSpanMatrix(&v.Matrix, root, goals, sp, offices, from)
	}

	if v.Office {
		office := &m.Offices[unit]
		if pm := st.byOffice[office.ID]; pm != nil {
			rows := func(idx []int) []MeasureRow {
				var out []MeasureRow
				for _, i := range idx {
					r := s.measureRowAt(&st.lives[i], root, false, sp.Last)
					r.Effect = s.officeEffect(&st.lives[i], sp.Last)
					out = append(out, r)
				}
				return out
			}
			v.Measures = TertialMeasures{MeasureList: MeasureList{Open: rows(pm.Open), Done: rows(pm.Done)},
				Count:       s.measureCount([4]int{len(pm.Started), len(pm.Open), len(pm.Overdue), len(pm.Done)}, sp),
				OpenHeading: s.tertialWords("tertial.measures.open", sp)}
		}
		for _, cm := range st.commentary[office.ID] {
			cv := s.commentaryView(cm, root)
			// The measures are listed once, above, as the tertial ended.
			cv.Measures = nil
			v.Commentary = append(v.Commentary, cv)
		}
	} else {
		measured := offices // a county's, as its matrix lists them
		if unit == m.WholeUnit() {
			measured = make([]int, len(m.Offices))
			for o := range measured {
				measured[o] = o
			}
		}
		v.MeasureCounts = s.tertialMeasureCounts(measured, st, sp)
	}
	return s.execute(out, page, "tertial.html", v)
}

// spanCoverage says how much of span sp goal gi's aggregate c stands
// for, when not all of it: months (a tertial goal's tertials) where it
// counts them (see score.CoversMonths) or is a county without offices,
// else office-months (-tertials), or unit-months where it counts a
// county that reports for itself beside offices. A yearly
// goal's aggregates are shown nowhere with it: it has none in a tertial,
// nor one beside its result (score.GoalYearBeside).
func (s *site) spanCoverage(unit, gi int, sp score.Span, c score.Coverage) string {
	if c.Complete() {
		return ""
	}
	periods := "months"
	if s.Site.Goals[gi].PeriodMonths() == 4 {
		periods = "tertials"
	}
	switch {
	case s.Scores.CoversMonths(unit, gi), s.Scores.ReportsForItself(unit, sp.First, sp.Last):
		words := s.loc.T("tertial." + periods)
		if c.Expected == 1 {
			words = s.loc.T("tertial." + periods + ".one")
		}
		return strings.NewReplacer("{n}", s.loc.Number(float64(c.Reported), 0), "{of}", s.loc.Number(float64(c.Expected), 0)).Replace(words)
	case s.Scores.CountsCounties(unit, gi, sp.First, sp.Last):
		return s.coverageText("coverage.unit."+periods, c)
	}
	return s.coverageText("coverage.office."+periods, c)
}

// tertialMeasureCounts counts the measures of tertial sp at offices (a
// county's or the whole site's) by goal, in words, and names the offices
// they are at: "Overgang til arbeid: 2 nye, 3 åpne ved utgangen (1
// forfalt), 1 fullført, hos NAV Arna, NAV Fana".
func (s *site) tertialMeasureCounts(offices []int, st *tertialState, sp score.Span) []string {
	m := s.Site
	counts := make([][4]int, len(m.Goals))
	at := make([][]string, len(m.Goals)) // the offices with measures for each goal
	for _, o := range offices {
		pm := st.byOffice[m.Offices[o].ID]
		if pm == nil {
			continue
		}
		for k, idx := range [][]int{pm.Started, pm.Open, pm.Overdue, pm.Done} {
			for _, i := range idx {
				if gi, ok := s.goalIndex[st.lives[i].Goal]; ok {
					counts[gi][k]++
					if name := m.Offices[o].Name; !slices.Contains(at[gi], name) {
						at[gi] = append(at[gi], name)
					}
				}
			}
		}
	}
	var out []string
	for _, gi := range s.goalOrder {
		n := counts[gi]
		if n[0]+n[1]+n[3] == 0 {
			continue
		}
		out = append(out, m.Goals[gi].Title+": "+s.measureCount(n, sp)+strings.ReplaceAll(s.loc.T("tertial.measures.at"), "{offices}", strings.Join(at[gi], ", ")))
	}
	return out
}

// tertialWords is the words of key for tertial sp: of its end, or, for
// one not over, of the end of the reported month ("key.sofar", its
// {month} the month's name).
func (s *site) tertialWords(key string, sp score.Span) string {
	if !sp.Partial() {
		return s.loc.T(key)
	}
	return strings.ReplaceAll(s.loc.T(key+".sofar"), "{month}", s.loc.Month(sp.Last.Year(), sp.Last.Month()))
}

// measureCount says how many measures were first written down in tertial
// sp (planned or started), were open at its end (of the reported month,
// for one not over), overdue then, and done in it: "2 nye, 1 åpent ved
// utgangen (0 forfalte), 1 fullført".
func (s *site) measureCount(n [4]int, sp score.Span) string {
	return strings.NewReplacer("{new}", s.loc.Count(n[0], "tertial.measures.new"), "{open}", s.loc.Count(n[1], "tertial.measures.opened"),
		"{overdue}", s.loc.Count(n[2], "tertial.measures.overdue"), "{done}", s.loc.Count(n[3], "tertial.measures.finished")).Replace(s.tertialWords("tertial.measures.count", sp))
}

// tertialChart draws unit's months of tertial sp for goal gi against the
// target in force each month (dashed): a small SVG whose numbers are in
// its row, so a screen reader skips it. A tertial not over leaves room for
// its months to come.
func (s *site) tertialChart(unit, gi int, sp score.Span) TertialChart {
	const w, h, pad = 64.0, 24.0, 3.0
	var targets, values [4]float64
	var has [4]bool
	lo, hi, any := math.Inf(1), math.Inf(-1), false
	for i := range sp.Months() {
		p := sp.First + model.Period(i)
		targets[i] = s.Scores.ThresholdsAt(unit, gi, p).Target
		lo, hi = min(lo, targets[i]), max(hi, targets[i])
		if c := s.Scores.At(unit, gi, p); c.Has() {
			values[i], has[i], any = c.Value, true, true
			lo, hi = min(lo, c.Value), max(hi, c.Value)
		}
	}
	if !any {
		return TertialChart{}
	}
	if hi == lo {
		hi, lo = hi+1, lo-1
	}
	// Whole pixels: the chart is drawn at its own size.
	x := func(i int) int { return int(math.Round(pad + float64(i)*(w-2*pad)/3)) }
	y := func(v float64) int { return int(math.Round(pad + (hi-v)*(h-2*pad)/(hi-lo))) }
	last := sp.Months() - 1
	var target, line []byte
	if slices.Min(targets[:last+1]) == slices.Max(targets[:last+1]) {
		// A target that holds is a level line: "M3,12H61".
		target = append(appendPathPoint(nil, x(0), y(targets[0])), 'H')
		target = strconv.AppendInt(target, int64(x(last)), 10)
	} else {
		for i := range last + 1 {
			target = appendPathPoint(target, x(i), y(targets[i]))
		}
	}
	// The line breaks off where a month has no value, as the sparklines
	// do (see brokenLine); a part of one point has no vertex to mark
	// without a stroke, so it is drawn as a line of no length.
	for i := range last + 1 {
		switch {
		case !has[i]:
		case i == 0 || !has[i-1]:
			line = append(line, 'M')
			line = appendCoords(line, x(i), y(values[i]))
			if i == last || !has[i+1] {
				line = append(line, "h0"...)
			}
		default:
			line = append(line, 'L')
			line = appendCoords(line, x(i), y(values[i]))
		}
	}
	return TertialChart{Target: string(target), Line: string(line)}
}

// appendPathPoint appends point x,y to an SVG path: a move to it when
// the path is empty, else a line to it.
func appendPathPoint(b []byte, x, y int) []byte {
	if len(b) == 0 {
		b = append(b, 'M')
	} else {
		b = append(b, 'L')
	}
	return appendCoords(b, x, y)
}

// appendCoords appends x,y.
func appendCoords(b []byte, x, y int) []byte {
	b = strconv.AppendInt(b, int64(x), 10)
	b = append(b, ',')
	return strconv.AppendInt(b, int64(y), 10)
}
