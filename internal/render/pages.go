package render

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/malekort/malekort/internal/chart"
	"github.com/malekort/malekort/internal/markdown"
	"github.com/malekort/malekort/internal/model"
	"github.com/malekort/malekort/internal/score"
)

// foldOfficesAbove is the most offices a front page lists unfolded: on a
// phone each is a row of about 48 px, so 40 are already five screens
// between the finder and the whole site's scorecard below it, and a
// national site's 350 would be 17,000 px. A county of fewer than
// foldAtLeast offices stays open: its fold would cost a tap and save
// little.
const (
	foldOfficesAbove = 40
	foldAtLeast      = 4
)

// foldListAbove is the most lines a list of former units, or of the
// offices that came and went, shows unfolded: a reform's 90 former units
// or 40 mergers would otherwise be thousands of pixels on a phone between
// a page's top and its scorecard, and in every month after for the
// former units.
const foldListAbove = 15

func (s *site) front(out Output) error {
	m := s.Site
	whole := s.Scores.Whole()
	v := FrontPage{Common: s.common("index.html", s.Config.Title, "", "scorecard.csv"), WholeName: s.wholeName}
	if m.Front != nil {
		v.Intro = s.markdown(m.Front.Body, markdown.Place{Heading: 2, Notes: "note-front-"})
		v.IntroBy = s.byline(m.Front)
	}
	v.Summary = s.summary(whole, s.Reported)
	rows := s.rowsOf(whole, s.Reported, "")
	v.Needs = s.needs(rows, "-")
	v.Changes = s.changes(rows, "-")
	v.Groups = s.scorecard(rows, "-")
	v.Tertials = s.tertialLinks(whole, "", nil)
	listed := 0
	for _, c := range s.counties {
		county := &m.Counties[c]
		e := CountyEntry{UnitSummary: s.summaryOf(s.Scores.County(c), Link{Href: countyPath(county), Text: county.Name})}
		for _, o := range s.officesOf[c] {
			if !s.current(o) {
				continue
			}
			office := &m.Offices[o]
			e.Offices = append(e.Offices, s.summaryOf(s.Scores.Office(o), Link{Href: officePath(office), Text: office.Name}))
		}
		v.Counties = append(v.Counties, e)
		listed += len(e.Offices)
	}
	for i := range v.Counties {
		e := &v.Counties[i]
		if e.Folded = listed > foldOfficesAbove && len(e.Offices) >= foldAtLeast; e.Folded {
			e.Count = s.loc.Count(len(e.Offices), "fold.office")
		}
	}
	for _, c := range s.formerCounties {
		v.Former = append(v.Former, Link{Href: countyPath(&m.Counties[c]), Text: m.Counties[c].Name})
	}
	for _, c := range s.allCounties {
		for _, o := range s.officesOf[c] {
			if s.former(o) {
				v.Former = append(v.Former, Link{Href: officePath(&m.Offices[o]), Text: m.Offices[o].Name})
			}
		}
	}
	return s.execute(out, "index.html", "front.html", v)
}

// standing is how unit, named name, stands in month p, with its rows then
// on its page; ended says how it ended, if it has, and an ended unit's page
// does not say that it has no results.
func (s *site) standing(unit int, name string, p model.Period, rows *rows, ended *Ended) Standing {
	root := rows.root
	st := Standing{
		Tertials: s.tertialLinks(unit, "", nil),
		Summary:  s.summary(unit, p),
		Needs:    s.needs(rows, ""),
		Changes:  s.changes(rows, ""),
		History:  s.history(unit, root),
		Ended:    ended,
		Groups:   s.scorecard(rows, ""),
	}
	st.PrintCharts, st.PrintLeft = s.printCharts(unit, st.Needs, p)
	if ended == nil {
		st.NoResults = s.noResults(unit, name, p)
	}
	return st
}

func (s *site) county(c int, out Output) error {
	m := s.Site
	county := &m.Counties[c]
	unit := s.Scores.County(c)
	const root = countyRoot
	v := CountyPage{
		Common: s.common(countyPath(county), county.Name, root, county.ID+"/scorecard.csv", Link{Href: root + "index.html", Text: s.loc.T("home")}),
		Name:   county.Name,
	}
	v.Text = s.countyTexts[county.ID].html
	if t := s.Site.CountyText[county.ID]; t != nil {
		v.TextBy = s.byline(t)
	}
	// An ended county's page shows its last month, and says so.
	p := county.Nearest(s.Reported)
	s.ofMonth(&v.Common, p)
	rows := s.rowsOf(unit, p, root)
	v.Standing = s.standing(unit, county.Name, p, rows, s.ended(county.Name, county.Lifetime, county.MergedInto, county.SplitInto, root))
	v.FormerHeading = s.loc.T("former.offices")
	if p != s.Reported {
		// An ended county lists the offices of its last month, wherever
		// they are now.
		v.FormerHeading = strings.ReplaceAll(s.loc.T("former.offices.then"), "{month}", s.loc.Month(p.Year(), p.Month()))
		var then []int
		for o := range m.Offices {
			if m.Offices[o].Alive(p) && m.CountyAt(o, p) == county.ID {
				then = append(then, o)
			}
		}
		slices.SortStableFunc(then, func(a, b int) int { return cmp.Compare(s.nameRank[a], s.nameRank[b]) })
		for _, o := range then {
			v.Former = append(v.Former, Link{Href: s.officeHref(o, county, root), Text: s.nameAt(m.Offices[o].ID, m.Offices[o].Name, p)})
		}
	}
	for _, o := range s.officesOf[c] {
		office := &m.Offices[o]
		link := Link{Href: s.officeHref(o, county, root), Text: office.Name}
		if !s.current(o) {
			if p == s.Reported && s.former(o) {
				v.Former = append(v.Former, link)
			}
			continue
		}
		e := s.summaryOf(s.Scores.Office(o), link)
		e.Commented = s.commentaryFor(office.ID, s.Reported) != nil
		_, e.Unanswered = s.unanswered(o, s.goalOrder)
		v.Offices = append(v.Offices, e)
		if !e.Commented {
			e.NewLink = s.newLink(office)
			v.NotCommented = append(v.NotCommented, e)
		}
	}
	var counts []string
	for _, gi := range s.goalOrder {
		group := MeasureGroup{Goal: Link{Href: root + goalPath(&m.Goals[gi]), Text: m.Goals[gi].Title}}
		open := 0
		for _, o := range s.officesOf[c] {
			if !s.current(o) {
				continue
			}
			lives := s.measuresOf[m.Offices[o].ID]
			for i := range lives {
				if ms := &lives[i]; ms.Goal == m.Goals[gi].ID {
					group.Rows = append(group.Rows, s.peerMeasure(ms, root))
					if ms.Open() {
						open++
					}
				}
			}
		}
		if len(group.Rows) > 0 {
			v.Measures = append(v.Measures, group)
		}
		if open > 0 {
			counts = append(counts, group.Goal.Text+": "+s.openCount("action.offices", open))
		}
	}
	v.MeasureCounts = strings.Join(counts, "; ")
	ls := layouts{}
	funnels := map[bool]*chart.Layout{}
	v.Sections = make([]Section, 0, len(s.goalOrder))
	for _, gi := range s.goalOrder {
		// A county's offices are compared on a goal measured less often
		// even where the county did not exist when its period ended, if
		// any of them did.
		onScorecard := s.Scores.OnScorecard(unit, gi, p)
		if !onScorecard && !s.Scores.Follows(unit, gi, p) {
			continue
		}
		byName, offices := s.comparedOffices(c, gi)
		if !onScorecard && len(offices) == 0 {
			continue
		}
		g := &m.Goals[gi]
		trend := append([]line{s.unitLine("unit", county.Name, unit, gi)}, s.predecessorLines(county.ID, county.Lifetime, unit, gi)...)
		tm := s.monthsTo(gi, p)
		trend = tm.of(append(trend, s.targetLine(unit, gi)))
		// The period the offices' results are of: the reported month, or
		// a goal measured less often, or later, its shown period.
		month := s.periodName(g, g.DueBy(s.Reported))
		officeTable := Table{Caption: g.Title + ": " + s.loc.T("offices") + ", " + month,
			Head: []string{s.loc.T("office"), s.loc.T("result"), s.loc.T("target"), s.loc.T("status")}}
		bars := make([]chart.Bar, len(offices))
		for i, o := range offices {
			ou := s.Scores.Office(o)
			t := s.Scores.Thresholds(ou, gi)
			cell := s.shown(ou, gi, s.Reported)
			bars[i] = chart.Bar{Name: m.Offices[o].Name, Status: cell.Status.String(), Target: t.Target, Size: s.size(cell)}
			if cell.Has() {
				bars[i].Value = &cell.Value
			}
			officeTable.Rows = append(officeTable.Rows, []string{m.Offices[o].Name, s.value(g, cell), s.loc.WithUnit(t.Target, g.Decimals, g.Unit), s.status(cell.Status).Label})
		}
		// A ratio's denominators, where an office shown has one: a share
		// given only as values has none, and an empty column says nothing.
		if slices.ContainsFunc(bars, func(b chart.Bar) bool { return b.Size != "" }) {
			officeTable.Head = slices.Insert(officeTable.Head, 2, s.loc.T("funnel.n"))
			for i := range officeTable.Rows {
				officeTable.Rows[i] = slices.Insert(officeTable.Rows[i], 2, bars[i].Size)
			}
		}
		section := s.section(rows, gi)
		if !onScorecard {
			section.NotYet = strings.NewReplacer("{unit}", county.Name, "{period}", month).Replace(s.loc.T("section.not.yet"))
		}
		if score.FunnelGoal(g) && len(offices) > 0 {
			section.Funnel, section.FunnelNote = s.funnelChart("funnel-"+g.ID, gi, s.Scores.Thresholds(unit, gi).Target, byName, g.Title+": "+s.loc.T("offices")+", "+month, funnels)
		}
		// A county's figure hidden in every month leaves its line empty,
		// which must not read as a chart that failed to draw.
		empty := ""
		if !trend[0].hasValue() {
			empty = " " + s.loc.T("chart.county.empty")
		}
		if len(bars) == 0 {
			// A county without offices: its trend alone.
			ch, layout := s.trend(ls, "chart-"+g.ID, trend, tm)
			section.Chart = s.newChart(ch, layout, g, g.Title, s.loc.T("chart.county.trend")+". "+s.loc.T("chart.target")+empty,
				s.trendTable(g.Title+": "+county.Name, g, trend, tm))
			v.Sections = append(v.Sections, section)
			continue
		}
		// "offices" keeps a county layout apart from a trend's of the same lines.
		layout, first := ls.get(trend, tm.keys("offices"), func(id string, heads []chart.Line) chart.Layout {
			return chart.CountyLayout(id, tm.months(s.months), heads, s.loc.T("offices"), s.loc.T("target.office"))
		})
		ch := chart.County("chart-"+g.ID, layout, seriesOf(trend), bars)
		described := s.loc.T("chart.county")
		if g.Delayed() {
			described = strings.ReplaceAll(s.loc.T("chart.county.period"), "{period}", month)
		}
		section.Chart = s.newChart(ch, first, g, g.Title, described+". "+s.loc.T("chart.target")+empty+" "+s.loc.T("chart.bars")+" "+s.loc.T("chart.bars.order"),
			s.trendTable(g.Title+": "+county.Name, g, trend, tm), officeTable)
		v.Sections = append(v.Sections, section)
	}
	v.Matrix = s.matrix(c, root)
	v.YearMatrix = s.yearMatrix(c, root)
	return s.execute(out, countyPath(county), "county.html", v)
}

// yearMatrix is county c's current offices against the goals it has a
// figure for over the year beside the reported month (score.YearBeside:
// the year to date, or in January the year before): what a county leader
// follows up between the tertials. Where no goal has a figure for it (the
// results began after the January of its year), there is none.
func (s *site) yearMatrix(c int, root string) SpanMatrix {
	m := s.Site
	county := &m.Counties[c]
	ytd := s.Scores.YearBeside()
	heading, order := s.loc.T("ytd.matrix"), "ytd.matrix.order"
	switch {
	case ytd.Last < s.Reported:
		heading, order = strings.ReplaceAll(s.loc.T("lastyear.matrix"), "{year}", strconv.Itoa(ytd.Last.Year())), "year.matrix.order"
	case ytd.Kind == score.Year:
		heading, order = s.loc.T("year.matrix"), "year.matrix.order"
	}
	months := s.loc.MonthRange(ytd.Last.Year(), ytd.First.Month(), ytd.Last.Month())
	mx := SpanMatrix{Heading: heading, Caption: heading + ", " + county.Name + ", " + months, Head: s.loc.T("office"),
		Key: s.loc.T(order)}
	if ytd.Last == s.Reported {
		// "hittil i år" and "for året" say which months only with them.
		mx.Heading += ", " + months
	}
	for p := ytd.First; p <= ytd.Last; p++ {
		if !s.Scores.SameOffices(s.Scores.County(c), p, s.Reported) {
			// The rows are its offices now; its scorecard's figure for
			// the span is of those it had then.
			mx.Key += " " + s.loc.T("span.matrix.offices")
			break
		}
	}
	var goals []int
	for _, gi := range s.goalOrder {
		if s.Scores.Over(s.Scores.County(c), gi, ytd).Published() {
			goals = append(goals, gi)
		}
	}
	if len(goals) == 0 {
		return SpanMatrix{}
	}
	var offices []int
	for _, o := range s.officesOf[c] {
		if s.current(o) {
			offices = append(offices, o)
		}
	}
	link := func(o int) Link { return Link{Href: s.officeHref(o, county, root), Text: m.Offices[o].Name} }
	s.fillSpanMatrix(&mx, root, goals, ytd, offices, spanRows{unit: s.Scores.Office, link: link})
	return mx
}

// officeHref links office o from county's page: an office moved there
// keeps its page where it was.
func (s *site) officeHref(o int, county *model.County, root string) string {
	if office := &s.Site.Offices[o]; office.County != county.ID {
		return root + officePath(office)
	}
	return s.Site.Offices[o].ID + "/index.html"
}

// matrix is county c's offices of the reported month against its goals,
// the offices with the most red goals first, then the most yellow (see
// mostFirst).
func (s *site) matrix(c int, root string) Matrix {
	m := s.Site
	county := &m.Counties[c]
	mx := Matrix{Caption: s.loc.T("matrix") + ", " + county.Name + ", " + s.loc.Month(s.Reported.Year(), s.Reported.Month()), Order: s.loc.T("matrix.order"), Unanswered: s.loc.T("matrix.unanswered")}
	var goals []int
	for _, gi := range s.goalOrder {
		// A column is a goal some office has on its scorecard: one of the
		// county's own, or of a period before its offices existed, would
		// be a column of empty cells.
		if s.Scores.Follows(s.Scores.County(c), gi, s.Reported) && slices.ContainsFunc(s.officesOf[c], func(o int) bool { return s.compared(o, gi) }) {
			goals = append(goals, gi)
			g := &m.Goals[gi]
			column := GoalColumn{Link: Link{Href: root + goalPath(g), Text: g.Title}}
			if shown := g.DueBy(s.Reported); shown != s.Reported || g.PeriodMonths() != 1 {
				column.Period = s.periodName(g, shown)
			}
			mx.Goals = append(mx.Goals, column)
		}
	}
	var attention []need
	for _, o := range s.officesOf[c] {
		if !s.current(o) {
			continue
		}
		u := s.Scores.Office(o)
		row := MatrixRow{Office: Link{Href: s.officeHref(o, county, root), Text: m.Offices[o].Name}}
		for _, gi := range goals {
			if !s.compared(o, gi) {
				row.Cells = append(row.Cells, nil)
				continue
			}
			cell := s.shown(u, gi, s.Reported)
			mc := &MatrixCell{Status: s.status(cell.Status), Value: s.value(&m.Goals[gi], cell)}
			switch cell.Change {
			case score.SignalBetter:
				mc.Signal = s.loc.T("signal.better")
			case score.SignalWorse:
				mc.Signal = s.loc.T("signal.worse")
			}
			row.Cells = append(row.Cells, mc)
		}
		row.Unanswered, _ = s.unanswered(o, goals)
		mx.Rows = append(mx.Rows, row)
		var n need
		for _, gi := range goals {
			n.add(s.shown(u, gi, s.Reported).Status)
		}
		attention = append(attention, n)
	}
	mx.Rows = mostFirst(mx.Rows, attention)
	return mx
}

// need is how many goals of a matrix's row are red and how many yellow:
// what orders the rows.
type need struct{ red, unreported, yellow int }

// add counts a goal in status st.
func (n *need) add(st score.Status) {
	switch st {
	case score.Red:
		n.red++
	case score.Missing, score.Incomplete:
		n.unreported++
	case score.Yellow:
		n.yellow++
	}
}

// mostFirst is rows by their needs, the most goals red or without a
// result (missing, or short of offices) first, then the most yellow, in
// their order within a need: a matrix's units with the most to follow up
// first, among them one that did not report, whose goals judged none
// would otherwise put it with the green.
func mostFirst[T any](rows []T, needs []need) []T {
	idx := make([]int, len(rows))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		return cmp.Or(cmp.Compare(needs[b].red+needs[b].unreported, needs[a].red+needs[a].unreported), cmp.Compare(needs[b].yellow, needs[a].yellow))
	})
	sorted := make([]T, len(idx))
	for i, j := range idx {
		sorted[i] = rows[j]
	}
	return sorted
}

// compared reports whether office o is compared with others on goal gi:
// it is an office of the reported month with the goal on its scorecard,
// not one begun after the goal's period shown. A county's page, its
// matrix, the goal's ranking and funnel and comparison.csv all ask it.
func (s *site) compared(o, gi int) bool {
	return s.current(o) && s.Scores.OnScorecard(s.Scores.Office(o), gi, s.Reported)
}

// comparedOffices are county c's offices compared on goal gi, by name,
// and by value: best first, those without a value last, ties by name.
func (s *site) comparedOffices(c, gi int) (byName, byValue []int) {
	for _, o := range s.officesOf[c] {
		if s.compared(o, gi) {
			byName = append(byName, o)
		}
	}
	byValue = slices.Clone(byName)
	slices.SortStableFunc(byValue, func(a, b int) int {
		return score.BestFirst(&s.Site.Goals[gi], s.shown(s.Scores.Office(a), gi, s.Reported), s.shown(s.Scores.Office(b), gi, s.Reported))
	})
	return byName, byValue
}

// newLink is where a leader creates the office's commentary for the
// reported month, when new_url is set.
func (s *site) newLink(o *model.Office) string {
	if s.Config.NewURL == "" {
		return ""
	}
	r := strings.NewReplacer("{dir}", "content/"+o.County+"/"+o.ID, "{file}", s.Reported.String()+".md")
	return r.Replace(s.Config.NewURL)
}

func (s *site) commentaryFor(office string, p model.Period) *model.Commentary {
	for _, c := range s.commentary[office] {
		if c.Period == p {
			return c
		}
	}
	return nil
}

// predecessorLines are the lines of the units merged into unit, for a
// goal whose figures cannot be combined into the unit's before it began
// (a mean, a ratio given as values): there the predecessors speak for
// themselves.
func (s *site) predecessorLines(id string, l model.Lifetime, unit, gi int) []line {
	if l.From == 0 || l.From <= s.Scores.First {
		return nil
	}
	// Where its predecessors' figures combine, the unit's own line has
	// them; where they cannot, they are lines of their own.
	if s.Scores.CombinesPredecessors(unit, gi, l.From) {
		return nil
	}
	var lines []line
	for _, p := range s.Site.Predecessors(id) {
		u, name := -1, ""
		if o, ok := s.officeOf[p]; ok {
			u, name = s.Scores.Office(o), s.Site.Offices[o].Name
		} else if c, ok := s.countyOf[p]; ok {
			u, name = s.Scores.County(c), s.Site.Counties[c].Name
		}
		// Series ids are unique in a chart (ECharts refuses it otherwise).
		if u >= 0 && s.Scores.Thresholds(u, gi).Applies {
			lines = append(lines, s.unitLine("predecessor-"+p, name, u, gi))
		}
	}
	return lines
}

// countyHref links an office's page to its county's: the folder above,
// unless the office has moved to another county.
func (s *site) countyHref(o int, root string) string {
	county := &s.Site.Counties[s.officeCounty[o]]
	if county.ID == s.Site.Offices[o].County {
		return "../index.html"
	}
	return root + countyPath(county)
}

func (s *site) office(o int, out Output) error {
	m := s.Site
	office := &m.Offices[o]
	c := s.officeCounty[o]
	county := &m.Counties[c]
	unit, countyUnit := s.Scores.Office(o), s.Scores.County(c)
	const root = officeRoot
	countyLink := Link{Href: s.countyHref(o, root), Text: county.Name}
	crumbs := []Link{{Href: root + "index.html", Text: s.loc.T("home")}, countyLink}
	v := OfficePage{
		Common: s.officeCommon(officePath(office), office.Name, root, county, "scorecard.csv", crumbs...),
		Name:   office.Name,
		County: countyLink,
	}
	// An ended office's page shows its last month, and says so.
	p := office.Nearest(s.Reported)
	s.ofMonth(&v.Common, p)
	rows := s.rowsOf(unit, p, root)
	v.Standing = s.standing(unit, office.Name, p, rows, s.ended(office.Name, office.Lifetime, office.MergedInto, office.SplitInto, root))
	// The office's measures, each made once for the page.
	mine := s.measuresOf[office.ID]
	measureRows := make([]MeasureRow, len(mine))
	for j := range mine {
		measureRows[j] = s.measureRow(&mine[j], root, false)
		measureRows[j].Effect = s.officeEffect(&mine[j], s.Reported)
	}
	ls := layouts{}
	v.Sections = make([]Section, 0, len(s.goalOrder))
	for _, gi := range s.goalOrder {
		if !s.Scores.OnScorecard(unit, gi, p) {
			continue
		}
		g := &m.Goals[gi]
		series := []line{s.unitLine("unit", office.Name, unit, gi)}
		// "Did it work?": the measures for the goal, marked on the line.
		for i := range mine {
			m := &mine[i]
			if m.Goal != g.ID {
				continue
			}
			for _, mark := range []struct {
				p   model.Period
				key string
			}{{m.Began, "mark.started"}, {m.Done, "mark.done"}} {
				if i := int(mark.p - s.Scores.First); mark.p != 0 && i >= 0 && i < s.Scores.N {
					series[0].Marks = append(series[0].Marks, chart.Mark{At: i, Label: strings.ReplaceAll(s.loc.T(mark.key), "{text}", m.Text), Measure: true})
				}
			}
		}
		series = append(series, s.predecessorLines(office.ID, office.Lifetime, unit, gi)...)
		caption := s.loc.T("chart.office.own") + "."
		// A sum goal's county figure is a total of many offices: on one
		// axis with it, the office's own line would lie flat at the foot.
		if s.Scores.Thresholds(countyUnit, gi).Applies && g.Aggregate != "sum" {
			series = append(series, s.unitLine("county", county.Name, countyUnit, gi))
			caption = s.loc.T("chart.office") + ". " + s.loc.T("chart.county.dotted")
		}
		tm := s.monthsTo(gi, p)
		series = tm.of(append(series, s.targetLine(unit, gi)))
		ch, layout := s.trend(ls, "chart-"+g.ID, series, tm)
		caption += " " + s.loc.T("chart.target")
		if !series[0].hasValue() {
			caption += " " + s.loc.T("chart.office.empty")
		}
		if slices.ContainsFunc(series[0].Marks, func(m chart.Mark) bool { return m.Measure }) {
			caption += " " + s.loc.T("chart.marks")
		}
		var measures []MeasureRow
		for j := range mine {
			if mine[j].Goal == g.ID {
				measures = append(measures, measureRows[j])
			}
		}
		section := s.section(rows, gi)
		section.Measures = measures
		section.Chart = s.newChart(ch, layout, g, g.Title, caption, s.trendTable(g.Title+": "+office.Name, g, series, tm))
		v.Sections = append(v.Sections, section)
	}
	// Every open measure, whether or not this month has commentary, and
	// those done in the last three months.
	for j := range mine {
		m := &mine[j]
		switch {
		case m.Open():
			v.Measures.Open = append(v.Measures.Open, measureRows[j])
		case m.Done > p-3:
			v.Measures.Done = append(v.Measures.Done, measureRows[j])
		}
	}
	switch cm := s.commentaryFor(office.ID, p); {
	case cm != nil:
		cv := s.commentaryView(cm, root)
		v.Commentary = &cv
	case p == s.Reported:
		v.NewLink = s.newLink(office)
	default:
		v.NoCommentary = s.loc.T("commentary.none.ended")
	}
	if len(s.commentary[office.ID]) > 0 {
		v.All = commentaryFile
	}
	for _, cm := range s.commentary[office.ID] {
		link := Link{Href: commentaryFile + "#" + cm.Period.String(), Text: s.loc.Month(cm.Period.Year(), cm.Period.Month())}
		switch {
		case cm.Period > p:
			// Written ahead of the month's results (see validate's notice).
			v.Later = append(v.Later, link)
		case cm.Period < p:
			v.Other = append(v.Other, link)
		}
	}
	return s.execute(out, officePath(office), "office.html", v)
}

// byline is who wrote t and when, and where to edit it.
func (s *site) byline(t *model.Text) Byline {
	b := Byline{Author: t.Author}
	if t.Date != "" {
		b.Date, b.ISODate = s.loc.Date(t.Date), t.Date
	}
	if s.Config.EditURL != "" {
		b.EditURL = strings.ReplaceAll(s.Config.EditURL, "{path}", t.Path)
	}
	return b
}

func (s *site) commentaryView(cm *model.Commentary, root string) CommentaryView {
	v := CommentaryView{
		Period: s.loc.Month(cm.Period.Year(), cm.Period.Month()),
		Byline: s.byline(&cm.Text),
		Body:   s.bodies[commentaryKey{cm.Office, cm.Period}].html,
	}
	for _, ms := range cm.Measures {
		mv := MeasureRow{MeasureView: MeasureView{Text: ms.Text, Status: ms.Status, Label: s.loc.T("measure." + ms.Status)}}
		if gi, ok := s.goalIndex[ms.Goal]; ok {
			g := &s.Site.Goals[gi]
			mv.Goal = Link{Href: root + goalPath(g), Text: g.Title}
		}
		if ms.Due != "" {
			mv.Due = s.loc.Date(ms.Due)
		}
		v.Measures = append(v.Measures, mv)
	}
	return v
}

func (s *site) commentaryPage(office *model.Office, out Output) error {
	county := &s.Site.Counties[s.officeCounty[s.officeOf[office.ID]]]
	const root = "../../"
	crumbs := []Link{{Href: root + "index.html", Text: s.loc.T("home")}, {Href: s.countyHref(s.officeOf[office.ID], root), Text: county.Name}, {Href: "index.html", Text: office.Name}}
	v := CommentaryPage{
		Common: s.officeCommon(commentaryPath(office), office.Name+": "+s.loc.T("commentary.all"), root, county, "scorecard.csv", crumbs...),
		Name:   office.Name,
		Office: Link{Href: "index.html", Text: office.Name},
	}
	// Each month with how the office stood then, not its whole scorecard:
	// a leader reading an old commentary wants to know what it answered.
	unit := s.Scores.Office(s.officeOf[office.ID])
	for _, cm := range s.commentary[office.ID] {
		month := s.loc.Month(cm.Period.Year(), cm.Period.Month())
		first, size := utf8.DecodeRuneInString(month)
		e := CommentaryEntry{
			ID:         cm.Period.String(),
			Heading:    string(unicode.ToUpper(first)) + month[size:],
			Month:      month,
			Commentary: s.commentaryView(cm, root),
		}
		if cm.Period > s.Reported {
			e.Later = strings.NewReplacer("{month}", month, "{reported}", s.loc.Month(s.Reported.Year(), s.Reported.Month())).Replace(s.loc.T("commentary.later"))
		} else {
			e.Summary, e.Needs = s.summary(unit, cm.Period), s.needs(s.rowsOf(unit, cm.Period, root), "index.html")
		}
		v.Entries = append(v.Entries, e)
	}
	return s.execute(out, commentaryPath(office), "commentary.html", v)
}

func (s *site) goal(gi int, out Output) error {
	m := s.Site
	g := &m.Goals[gi]
	const root = "../../"
	v := GoalPage{
		// A goal's rows are the whole site's file filtered on the goal: a
		// copy of them beside the page was a quarter of the site's bytes.
		Common:      s.common(goalPath(g), g.Title, root, "scorecard.csv", Link{Href: root + "index.html", Text: s.loc.T("home")}),
		WholeName:   s.wholeName,
		Title:       g.Title,
		Description: s.markdown([]byte(g.Description), markdown.Place{Heading: 3, Notes: "note-goal-" + g.ID + "-", Base: root}),
		Shown:       s.periodName(g, g.DueBy(s.Reported)),
	}
	whole := s.Scores.Whole()
	if s.Scores.OnScorecard(whole, gi, s.Reported) {
		v.Row = s.row(whole, gi, s.Reported, root)
	}
	// A goal outside its life in the reported month keeps its page and
	// history, and says why it has no figures now.
	switch life, from := g.Life, g.FollowedFrom(); {
	case g.ShownIn(s.Reported):
	case life.Until != 0 && s.Reported > life.Until:
		v.Facts = append(v.Facts, strings.ReplaceAll(s.loc.T("goal.ended"), "{month}", s.loc.Month(life.Until.Year(), life.Until.Month())))
	case s.Reported < from:
		v.Facts = append(v.Facts, strings.ReplaceAll(s.loc.T("goal.begins"), "{month}", s.loc.Month(from.Year(), from.Month())))
	}
	v.Facts = append(v.Facts, s.loc.T("direction."+g.Direction))
	// How the figures above an office's are made: a county's and the
	// whole site's, a county's own goal its county's, an office's none.
	if _, office := s.officeOf[g.Owner]; !office {
		key, rows := "aggregate."+g.Aggregate, "aggregate.rows"
		switch {
		case g.Owner != "":
			key, rows = key+".county", rows+".county"
		case len(s.Site.Offices) == 0:
			// A site of counties alone: only the whole site is made.
			key = key + ".whole"
		}
		v.Facts = append(v.Facts, strings.ReplaceAll(s.loc.T(key), "{whole}", s.wholeName))
		if s.Scores.CountyRows(gi) && len(s.Site.Offices) > 0 {
			v.Facts = append(v.Facts, s.loc.T(rows))
		}
	}
	if g.Frequency == "month" {
		over := g.Aggregate
		if g.Stock {
			over = "stock"
		}
		v.Facts = append(v.Facts, s.loc.T("time."+over))
	}
	switch g.PeriodMonths() {
	case 12:
		v.Facts = append(v.Facts, s.loc.T("goal.yearly"))
	case 4:
		v.Facts = append(v.Facts, s.loc.T("goal.tertial"))
	}
	switch shown, first := g.DueBy(s.Reported), g.JudgedPeriod(s.Reported); {
	case first > shown:
		// Begun, but its first period's result is not due yet: no
		// period before the goal began is the one its scorecard shows.
		due := first + model.Period(g.Lag)
		v.Shown = s.periodName(g, first)
		v.NoneRanked = strings.NewReplacer("{period}", v.Shown, "{month}", s.loc.Month(due.Year(), due.Month())).Replace(s.loc.T("goal.first"))
		v.Facts = append(v.Facts, v.NoneRanked)
	case shown != s.Reported && g.ShownIn(s.Reported):
		// Measured late or less often: which period a month's scorecard
		// shows, in the tool's words, not only the goal's description.
		v.Facts = append(v.Facts, strings.NewReplacer("{month}", s.loc.Month(s.Reported.Year(), s.Reported.Month()), "{shown}", v.Shown).Replace(s.loc.T("goal.shows")))
	}
	if s.Scores.GivenAsValues(gi) {
		v.Facts = append(v.Facts, s.loc.T("aggregate.values"))
	}
	if g.PeriodMonths() == 1 {
		// A change is judged from month to month (xmr.Walk): a goal
		// measured by the tertial or the year has no signals.
		v.Facts = append(v.Facts, s.loc.T("signal.explain"))
	}
	if g.Owner != "" {
		v.Facts = append(v.Facts, s.loc.T("local")+" "+s.unitName(g.Owner)+".")
	}
	shown := g.JudgedPeriod(s.Reported)
	goalTarget, goalYellow, inForce := g.TargetAt(shown)
	goalTarget, goalYellow = score.Round(goalTarget, g.Decimals), score.Round(goalYellow, g.Decimals)
	targetFact := s.loc.WithUnit(goalTarget, g.Decimals, g.Unit)
	if inForce != 0 {
		targetFact += " (" + s.since(inForce) + ")"
	}
	v.Facts = append(v.Facts, s.loc.T("target")+": "+targetFact+". "+s.loc.T("yellow")+": "+s.loc.WithUnit(goalYellow, g.Decimals, g.Unit)+".")
	// A goal measured a month or more late, or by the tertial or the
	// year, shows an earlier period's result, judged by its target; the
	// period the reported month is in may have another already.
	if next, nextYellow, nextSince := g.TargetAt(g.PeriodEndOf(s.Reported)); shown != s.Reported &&
		(score.Round(next, g.Decimals) != goalTarget || score.Round(nextYellow, g.Decimals) != goalYellow) {
		v.Facts = append(v.Facts, strings.NewReplacer("{period}", s.periodName(g, g.PeriodEndOf(nextSince)),
			"{target}", s.loc.WithUnit(score.Round(next, g.Decimals), g.Decimals, g.Unit),
			"{yellow}", s.loc.WithUnit(score.Round(nextYellow, g.Decimals), g.Decimals, g.Unit)).Replace(s.loc.T("target.next")))
	}

	var offices, units, names []int // the goal's current offices, by county and name
	for _, c := range s.counties {
		for _, o := range s.officesOf[c] {
			if s.compared(o, gi) {
				offices = append(offices, o)
				units = append(units, s.Scores.Office(o))
				names = append(names, s.nameRank[o])
			}
		}
	}
	ranking := s.Scores.Rank(s.funnel, gi, s.Reported, units, names)
	// The period the ranking shows, whose targets judged it.
	due := g.DueBy(s.Reported)
	for i, k := range ranking.Order {
		office, u := &m.Offices[offices[k]], units[k]
		cell := s.shown(u, gi, s.Reported)
		rank := ""
		switch {
		case ranking.ByChance:
			rank = s.chanceWords(cell, ranking.Chances[i])
		case ranking.Rank[i] > 0:
			rank = strconv.Itoa(ranking.Rank[i])
		}
		t := s.Scores.Thresholds(u, gi)
		v.Ranked = append(v.Ranked, Ranked{
			Rank:   rank,
			Office: Link{Href: root + officePath(office), Text: office.Name},
			County: m.Counties[s.officeCounty[offices[k]]].Name,
			Result: s.value(g, cell),
			Size:   s.size(cell),
			Target: s.loc.WithUnit(t.Target, g.Decimals, g.Unit),
			Source: s.source(u, t, due, s.Reported),
			Status: s.status(cell.Status),
		})
		if t.Source != score.FromGoal && g.Owner == "" {
			// The whole chain: the county's target and the common one,
			// which a local goal does not have. A sum's county target is
			// for the county's offices together, not one office's, so its
			// chain is the common target alone.
			chain := "source.chain"
			if g.Aggregate == "sum" {
				chain = "source.chain.goal"
			}
			// The county whose target judged the office's shown period:
			// the one it was in then.
			ct := s.Scores.ThresholdsAt(s.Scores.County(s.Scores.CountyOf(offices[k], due)), gi, due)
			r := &v.Ranked[len(v.Ranked)-1]
			r.Source += "; " + strings.NewReplacer("{county}", s.loc.WithUnit(ct.Target, g.Decimals, g.Unit),
				"{goal}", s.loc.WithUnit(goalTarget, g.Decimals, g.Unit)).Replace(s.loc.T(chain))
		}
	}
	if len(v.Ranked) == 0 && v.NoneRanked == "" {
		v.NoneRanked = strings.ReplaceAll(s.loc.T("ranked.none"), "{month}", s.loc.Month(s.Reported.Year(), s.Reported.Month()))
	}
	if ranking.ByChance {
		v.ByChance = s.loc.T("chance.order")
	}
	if ranking.AgainstTarget {
		v.ByTarget = s.loc.T("rank.against.target")
	}
	if score.FunnelGoal(g) && len(offices) > 0 {
		offices := slices.Clone(offices)
		slices.SortStableFunc(offices, func(a, b int) int { return cmp.Compare(s.nameRank[a], s.nameRank[b]) })
		v.Funnel, v.FunnelNote = s.funnelChart("funnel-"+g.ID, gi, goalTarget, offices, g.Title+": "+s.loc.T("offices")+", "+v.Shown, map[bool]*chart.Layout{})
	}
	if len(s.goalMeasures[gi]) > 0 {
		all := MeasureGroup{Goal: Link{Text: s.loc.T("measures.all")}}
		for _, ml := range s.goalMeasures[gi] {
			all.Rows = append(all.Rows, s.peerMeasure(ml, root))
		}
		v.Measures = []MeasureGroup{all}
	}
	var series []line
	for _, c := range s.allCounties {
		if u := s.Scores.County(c); s.Scores.Thresholds(u, gi).Applies {
			series = append(series, s.unitLine("county-"+m.Counties[c].ID, m.Counties[c].Name, u, gi))
		}
	}
	target := s.loc.T("chart.target")
	if wt := s.Scores.Thresholds(whole, gi); wt.Applies {
		// A county's own target, or its offices' sum: the dashed line is
		// the whole site's alone.
		ownTarget := slices.ContainsFunc(s.allCounties, func(c int) bool {
			ct := s.Scores.Thresholds(s.Scores.County(c), gi)
			return ct.Applies && ct.Target != wt.Target
		})
		if ownTarget {
			target = strings.ReplaceAll(s.loc.T("chart.target.whole"), "{whole}", s.wholeName)
		}
		// The one county's line, where it is the whole site's in every
		// month and has the whole site's target, would hide the whole
		// site's line under it.
		if wholeLine := s.unitLine("whole", s.wholeName, whole, gi); ownTarget || len(series) != 1 || !sameValues(series[0].Values, wholeLine.Values) {
			series = append(series, wholeLine)
		}
		series = append(series, s.targetLine(whole, gi))
	}
	description := s.loc.T("chart.goal")
	if o, ok := s.officeOf[g.Owner]; ok {
		// An office's own goal: its trend is the only one there is.
		u := s.Scores.Office(o)
		series = append(series, s.unitLine("unit", m.Offices[o].Name, u, gi), s.targetLine(u, gi))
		description = s.loc.T("chart.office.own")
	}
	tm := s.goalMonths[gi]
	series = tm.of(series)
	caption := description + ". " + target
	if !slices.ContainsFunc(series, func(l line) bool { return l.ID != "target" && l.hasValue() }) {
		caption += " " + s.loc.T("chart.lines.empty")
	}
	ch, layout := s.trend(layouts{}, "chart-"+g.ID, series, tm)
	v.Chart = s.newChart(ch, layout, g, g.Title, caption, s.trendTable(g.Title, g, series, tm))
	return s.execute(out, goalPath(g), "goal.html", v)
}

// sameValues reports whether two lines have the same value, or none,
// in every month.
func sameValues(a, b []*float64) bool {
	return slices.EqualFunc(a, b, func(x, y *float64) bool { return x == nil && y == nil || x != nil && y != nil && *x == *y })
}
