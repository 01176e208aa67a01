package render

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"iter"
	"maps"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/malekort/malekort/internal/chart"
	"github.com/malekort/malekort/internal/config"
	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/locale"
	"github.com/malekort/malekort/internal/markdown"
	"github.com/malekort/malekort/internal/model"
	"github.com/malekort/malekort/internal/score"
	"github.com/malekort/malekort/internal/search"
	"github.com/malekort/malekort/internal/workers"
)

// Output receives the site's files by slash-separated path: a file's
// contents are the parts one after another. Put is called from several
// goroutines at once, and must not keep the parts after it returns: the
// buffers are reused.
type Output interface {
	// Put writes the file name: its parts one after another.
	Put(name string, parts ...[]byte) error
	// PutEach writes the file name from parts, taking each part once
	// the one before is written, so that a file too big to hold at once
	// is made while it is written.
	PutEach(name string, parts iter.Seq[[]byte]) error
}

// Discard is an Output that keeps nothing: rendering into it tells only
// what rendering finds (a site's template failing on a page, say).
var Discard Output = discard{}

type discard struct{}

func (discard) Put(string, ...[]byte) error { return nil }

func (discard) PutEach(_ string, parts iter.Seq[[]byte]) error {
	for range parts {
	}
	return nil
}

// buffers hold pages and components while they are executed: a unit page
// is a few hundred kilobytes, too much to grow anew for each.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Input is everything a site's pages are made from.
type Input struct {
	Config    config.Site
	Site      *model.Site
	Scores    *score.Scores
	Reported  model.Period
	Templates *Templates
	// ECharts is the ECharts library, copied into the site so that no page
	// needs the internet.
	ECharts []byte
	// MiniSearch is the search library, copied in likewise.
	MiniSearch []byte
}

// TemplateError is a site's template failing while a page is made: an
// input error, at its place in the template.
type TemplateError struct{ Err diag.Error }

func (e *TemplateError) Error() string { return e.Err.Error() }

// EChartsFile is where the library is published.
const EChartsFile = "assets/echarts.min.js"

// site is the state shared by the page builders.
type site struct {
	Input
	loc        *locale.Locale
	md         *markdown.Renderer
	months     []string      // short labels of every month in the range
	monthNames []string      // and their full names
	periodIDs  []string      // and YYYY-MM
	goalMonths []trendMonths // the months each goal's trends show
	countyOf   map[string]int
	officeOf   map[string]int
	// officesOf are each county's offices, sorted by name: those it has in
	// the reported month, and those that ended in it; none that begins
	// later, which has no pages yet. officeCounty is each office's county
	// so.
	officesOf    [][]int
	officeCounty []int
	// movedFrom are each county's offices that it had in a month up to
	// the reported one and that are listed under another county now,
	// sorted by name; nil where the organisation never changed.
	movedFrom [][]int
	// nameRank is each office's place among all offices sorted by name
	// (the same for the same name), collated once: counties list their
	// offices by it, and a goal page sorts its offices by name twice, so
	// collating the names there again would be wasted.
	nameRank []int
	byName   []int // every office's index, sorted by name
	// allCounties, counties and formerCounties are county indexes sorted
	// by name: every county begun by the reported month, those of the
	// reported month, and the others.
	allCounties, counties, formerCounties []int
	// commentary is each office's commentary with text (see
	// model.Commentary.Said), newest first, by office id.
	commentary map[string][]*model.Commentary
	goalOrder  []int // goal indexes grouped by perspective in order of first appearance
	goalIndex  map[string]int
	privacy    string
	csvColumns []string // Common.CSVColumns
	wholeName  string
	// renames are the units' changes of name up to the reported month,
	// by id, taken before the units were named as in that month.
	renames map[string][]model.Rename
	// measuresOf are each office's measures as of the reported month.
	measuresOf map[string][]model.MeasureLife
	// bodies are each commentary's text as its pages show it and search
	// reads it, made once for both from one parse.
	bodies map[commentaryKey]body
	// open counts each office's open measures by goal, as of the reported
	// month.
	open         map[[2]string]int
	goalMeasures [][]*model.MeasureLife // by goal index
	trendLayouts *sync.Map              // the JSON of trend layouts by their lines' roles
	sources      [3][4]string
	sizeWords    phrase // "{num} av {den}"
	// sizeSpanWords are "{num} av {den} i sum".
	sizeSpanWords phrase
	changeSince   string // "Endring fra forrige måned"
	// tertials are the tertials the site has reports of, oldest first;
	// olderTertials says periods.csv has older ones too.
	tertials      []tertial
	olderTertials bool
	// spoken are "{amount} bedre enn forrige måned" and its like, by a
	// change's class; planned, started and done "planlagt siden
	// {month}", "startet {month}" and "fullført {month}": every row and
	// measure says one.
	spoken                 map[string]phrase
	planned, started, done phrase
	// sparkWords are "Siste 12 måneder: lavest {low}, høyest {high}, sist
	// {last}" cut at its blanks: every scorecard row names its sparkline.
	sparkWords [4]string
	funnel     *score.Funnel
	// funnelLayouts are the options of funnel plots on a linear and a log
	// axis: the same on every page, so made once (go-echarts is slow).
	funnelLayouts map[bool]func() []byte
	signals       [score.SignalWorse + 1]string // each change judgement in words
	// sectionDescription is each goal's description as its section on a
	// county's page and an office's shows it, by their way to the site's
	// top, its links read from there: rendered once, not once per page.
	sectionDescription map[string][]template.HTML
	// descriptionWords are each goal's description as plain words, and
	// countyTexts each county's text by its id, made once for its page
	// and for search.
	descriptionWords []string
	countyTexts      map[string]body
	// anchors are each goal's anchor on a unit page, and statuses each
	// status in words and symbol: made once, for every row has both.
	anchors  []string
	statuses [score.NStatus]Status
	hiddenAt [3]string // by score.HiddenAt: what the source hid of a hidden figure
	// shared are the trend-table cells of the whole site's and each
	// county's lines, by unit and goal, oldest first: each county's line
	// is in the table of every one of its offices' goals.
	shared [][]string
}

// Prepared is a site worked out once for all of its pages. serve keeps it
// between edits to commentary, which change only its commentary's part.
type Prepared struct{ s *site }

// Prepare works out in for its pages.
func Prepare(in Input) *Prepared { return &Prepared{newSite(in)} }

// Render builds every page and file of the site into out. Pages are built
// in parallel; each is a function of the input alone, so the output is the
// same whatever the order. out must accept concurrent Puts.
func (p *Prepared) Render(out Output) error {
	s, in := p.s, p.s.Input
	// The CSV files come first among the jobs: scorecard.csv, the longest
	// job, starts at once, and the other files' rows, which parallel lets
	// go with the job that wrote them, are not held while the pages are
	// made. The pages keep the other processor busy until it is written.
	measureJobs, _ := s.measureJobs(out, func(int) bool { return true })
	jobs := slices.Concat([]func() error{func() error { return s.writeScorecards(out) }, func() error { return s.writePeriods(out) }}, measureJobs, s.comparisonJobs(out))
	jobs = append(jobs,
		func() error { return out.Put(EChartsFile, in.ECharts) },
		func() error { return out.Put(search.LibraryFile, in.MiniSearch) },
		func() error { return out.Put(search.File, s.searchIndex()) },
		func() error { return s.front(out) },
	)
	for _, name := range slices.Sorted(maps.Keys(in.Site.Files)) {
		jobs = append(jobs, func() error { return out.Put(name, in.Site.Files[name]) })
	}
	for _, name := range in.Templates.Assets() {
		jobs = append(jobs, func() error { return out.Put("assets/"+name, in.Templates.assets[name]) })
	}
	for _, c := range s.allCounties {
		jobs = append(jobs, func() error { return s.county(c, out) })
		for _, o := range s.officesOf[c] {
			jobs = append(jobs, func() error { return s.office(o, out) })
			if len(s.commentary[in.Site.Offices[o].ID]) > 0 {
				jobs = append(jobs, func() error { return s.commentaryPage(&in.Site.Offices[o], out) })
			}
		}
	}
	for g := range in.Site.Goals {
		jobs = append(jobs, func() error { return s.goal(g, out) })
	}
	tertialJobs, _ := s.tertialJobs(out, s.tertialUnits())
	jobs = append(jobs, tertialJobs...)
	return parallel(jobs)
}

// Edit is what an edit to commentary changed: the offices whose
// commentary changed, and the goals whose measures at those offices did.
type Edit struct {
	Offices, Goals []string
}

// Edited is p with the commentary of site, which differs from p's site in
// the commentary of edit's offices alone; measures are those offices'
// measures as site tells them (model.Site.OfficeMeasures).
func (p *Prepared) Edited(site *model.Site, edit Edit, measures []model.MeasureLife) *Prepared {
	s := *p.s
	named := *s.Site // with its units named as p's are (see newSite)
	named.Commentary = site.Commentary
	s.Site = &named
	s.prepareCommentary(p.s, edit.Offices, measures)
	return &Prepared{&s}
}

// RenderEdit renders only the pages edit changes, in two rounds, calling
// done with the pages of each when its files are in out: first the edited
// offices' own pages, the ones their editors have open; then the front
// page, their counties' pages, the search index, the tertial reports of the offices,
// their counties and the whole site and, where measures changed, the
// pages of their goals and the measures.csv files that list them. A page
// named but not written is one the site no longer has.
func (p *Prepared) RenderEdit(edit Edit, out Output, done func(pages []string)) error {
	s, m := p.s, p.s.Site
	var offices []int
	for _, id := range edit.Offices {
		if o, ok := s.officeOf[id]; ok && s.begun(m.Offices[o].Lifetime) {
			offices = append(offices, o)
		}
	}
	var jobs []func() error
	var pages []string
	for _, o := range offices {
		office := &m.Offices[o]
		pages = append(pages, officePath(office), commentaryPath(office))
		jobs = append(jobs, func() error { return s.office(o, out) })
		if len(s.commentary[office.ID]) > 0 {
			jobs = append(jobs, func() error { return s.commentaryPage(office, out) })
		}
	}
	if err := parallel(jobs); err != nil {
		return err
	}
	done(pages)

	jobs, pages = nil, nil
	if len(edit.Goals) > 0 {
		jobs, pages = s.measureJobs(out, func(o int) bool { return slices.Contains(offices, o) })
	}
	for _, id := range edit.Goals {
		if g, ok := s.goalIndex[id]; ok {
			pages = append(pages, goalPath(&m.Goals[g]))
			jobs = append(jobs, func() error { return s.goal(g, out) })
		}
	}
	// Any office's commentary and measures are in the search index.
	pages = append(pages, search.File)
	jobs = append(jobs, func() error { return out.Put(search.File, s.searchIndex()) })
	// The front page's needs count the offices' open measures, as their
	// counties' do.
	pages = append(pages, "index.html")
	jobs = append(jobs, func() error { return s.front(out) })
	counties := map[int]bool{}
	for _, o := range offices {
		if c := s.officeCounty[o]; !counties[c] {
			counties[c] = true
			pages = append(pages, countyPath(&m.Counties[c]))
			jobs = append(jobs, func() error { return s.county(c, out) })
		}
	}
	// The offices' tertial reports list their measures and commentary, and
	// their counties' and the whole site's count them.
	ids := make([]string, len(offices))
	for i, o := range offices {
		ids[i] = m.Offices[o].ID
	}
	tertialJobs, tertialPages := s.tertialJobsOf(out, ids)
	jobs, pages = append(jobs, tertialJobs...), append(pages, tertialPages...)
	// One at a time, so that a processor is free to serve the pages the
	// first round changed, which their editor's browser is asking for.
	for _, job := range jobs {
		if err := job(); err != nil {
			return err
		}
	}
	done(pages)
	return nil
}

func newSite(in Input) *site {
	// The units' renames up to the reported month, which their pages
	// tell and search finds them by, taken before the units are named
	// as in that month below.
	renames := map[string][]model.Rename{}
	keep := func(id string, all []model.Rename) {
		for _, r := range all {
			if r.At <= in.Reported {
				renames[id] = append(renames[id], r)
			}
		}
	}
	for i := range in.Site.Counties {
		keep(in.Site.Counties[i].ID, in.Site.Counties[i].Renames())
	}
	for i := range in.Site.Offices {
		keep(in.Site.Offices[i].ID, in.Site.Offices[i].Renames())
	}
	if in.Site.Reorganised() {
		// Units are named as in the reported month, or their last.
		site := *in.Site
		site.Counties, site.Offices = slices.Clone(site.Counties), slices.Clone(site.Offices)
		for i := range site.Counties {
			c := &site.Counties[i]
			c.Name = c.NameAt(c.Nearest(in.Reported))
		}
		for i := range site.Offices {
			o := &site.Offices[i]
			o.Name = o.NameAt(o.Nearest(in.Reported))
		}
		in.Site = &site
	}
	loc := locale.New(in.Config.Language)
	s := &site{Input: in, loc: loc, md: markdown.New(loc.T("text.table"), loc.T("text.footnote.back")), trendLayouts: &sync.Map{}, funnel: &score.Funnel{}, renames: renames}
	s.prepare()
	return s
}

// parallel runs jobs on every processor and returns the first error in job
// order, so that a failing build reports the same error every time. A job
// is let go once it has run, and with it what it alone holds.
func parallel(jobs []func() error) error {
	errs := make([]error, len(jobs))
	workers.Each(len(jobs), func(i int) {
		errs[i] = jobs[i]()
		jobs[i] = nil
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func (s *site) prepare() {
	m := s.Site
	switch {
	case s.Config.MinCount > 0:
		s.privacy = strings.ReplaceAll(s.loc.T("privacy.note"), "{n}", strconv.FormatFloat(s.Config.MinCount, 'f', -1, 64))
	case s.Scores.AnySuppressed():
		s.privacy = s.loc.T("privacy.source")
	}
	if columns := s.loc.T("download.columns"); columns != "" {
		s.csvColumns = strings.Split(columns, "`")
	}
	s.sources = sourceWords(s.loc)
	s.sizeWords = newPhrase(s.loc.T("size"), "{num}", "{den}")
	s.sizeSpanWords = newPhrase(s.loc.T("size.span"), "{num}", "{den}")
	s.changeSince = s.loc.T("change.long")
	s.tertials, s.olderTertials = s.tertialsOf()
	s.spoken = map[string]phrase{}
	for _, class := range []string{"better", "worse"} {
		s.spoken[class] = newPhrase(s.loc.T("change.spoken."+class), "{amount}", "")
	}
	s.started, s.done = newPhrase(s.loc.T("started.in"), "{month}", ""), newPhrase(s.loc.T("done.in"), "{month}", "")
	s.planned = newPhrase(s.loc.T("planned.in"), "{month}", "")
	lines := chart.FunnelLines{Limit95: s.loc.T("funnel.limit95"), Limit998: s.loc.T("funnel.limit998"),
		Target: s.loc.T("target"), Offices: s.loc.T("offices"), N: s.loc.T("funnel.n")}
	s.funnelLayouts = map[bool]func() []byte{}
	for _, logX := range []bool{false, true} {
		s.funnelLayouts[logX] = sync.OnceValue(func() []byte { return chart.FunnelLayout("", lines, logX).JSON })
	}
	low, rest, _ := strings.Cut(s.loc.T("spark"), "{low}")
	high, rest, _ := strings.Cut(rest, "{high}")
	last, tail, _ := strings.Cut(rest, "{last}")
	s.sparkWords = [4]string{low, high, last, tail}
	symbols := [score.NStatus]string{"–", "✕", "!", "✓", ":", "…", "∅"}
	for st := range score.Status(score.NStatus) {
		label := s.loc.T("status." + st.String())
		status := Status{Name: st.String(), Label: label, lower: strings.ToLower(label), Symbol: symbols[st]}
		h, err := markup(drawBadge(status))
		if err != nil {
			// A component rendered into a buffer fails only if its writer does.
			panic(err)
		}
		status.badge = drawn(h)
		s.statuses[st] = status
	}
	s.hiddenAt = [...]string{score.RowAtSource: s.loc.T("hidden.at.source"), score.PartAtSource: s.loc.T("hidden.part.at.source")}
	s.signals = [...]string{score.TooFewMonths: s.loc.T("signal.few"), score.Usual: s.loc.T("signal.usual"),
		score.SignalBetter: "⚑ " + s.loc.T("signal.better"), score.SignalWorse: "⚑ " + s.loc.T("signal.worse")}
	s.wholeName = s.Config.WholeName
	if s.wholeName == "" {
		s.wholeName = s.loc.T("whole")
	}
	for i := range s.Scores.N {
		p := s.Scores.Period(i)
		s.months = append(s.months, s.loc.ShortMonth(p.Year(), p.Month()))
		s.monthNames = append(s.monthNames, s.loc.Month(p.Year(), p.Month()))
		s.periodIDs = append(s.periodIDs, p.String())
	}
	for gi := range m.Goals {
		s.goalMonths = append(s.goalMonths, s.trendMonths(gi, s.Scores.N))
	}
	s.countyOf = map[string]int{}
	for i, c := range m.Counties {
		s.countyOf[c.ID] = i
		if !s.begun(c.Lifetime) {
			continue
		}
		s.allCounties = append(s.allCounties, i)
		if c.Alive(s.Reported) {
			s.counties = append(s.counties, i)
		} else {
			s.formerCounties = append(s.formerCounties, i)
		}
	}
	for _, list := range [][]int{s.allCounties, s.counties, s.formerCounties} {
		locale.SortBy(s.loc, list, func(i int) string { return m.Counties[i].Name })
	}
	s.officesOf = make([][]int, len(m.Counties))
	s.officeOf = map[string]int{}
	s.officeCounty = make([]int, len(m.Offices))
	for i, o := range m.Offices {
		s.officeOf[o.ID] = i
		c := s.countyOf[m.CountyAt(i, o.Nearest(s.Reported))]
		s.officeCounty[i] = c
		if s.begun(o.Lifetime) {
			s.officesOf[c] = append(s.officesOf[c], i)
		}
	}
	byName := make([]int, len(m.Offices))
	for i := range byName {
		byName[i] = i
	}
	locale.SortBy(s.loc, byName, func(i int) string { return m.Offices[i].Name })
	s.byName = byName
	s.nameRank = make([]int, len(m.Offices))
	for r, o := range byName {
		s.nameRank[o] = r
		if r > 0 && m.Offices[byName[r-1]].Name == m.Offices[o].Name {
			s.nameRank[o] = s.nameRank[byName[r-1]]
		}
	}
	for c := range s.officesOf {
		slices.SortStableFunc(s.officesOf[c], func(a, b int) int { return cmp.Compare(s.nameRank[a], s.nameRank[b]) })
	}
	if m.Reorganised() {
		s.movedFrom = make([][]int, len(m.Counties))
		for _, o := range byName {
			for p := s.Scores.First; p <= s.Reported; p++ {
				if c := s.Scores.CountyOf(o, p); m.Offices[o].Alive(p) && c >= 0 && c != s.officeCounty[o] && !slices.Contains(s.movedFrom[c], o) {
					s.movedFrom[c] = append(s.movedFrom[c], o)
				}
			}
		}
	}
	s.shared = make([][]string, m.NUnits()*len(m.Goals))
	totals := []int{s.Scores.Whole()}
	for _, c := range s.allCounties {
		totals = append(totals, s.Scores.County(c))
	}
	for _, u := range totals {
		for gi := range m.Goals {
			if s.Scores.Thresholds(u, gi).Applies {
				s.shared[u*len(m.Goals)+gi] = s.column(gi, u, s.Scores.Series(u, gi))
			}
		}
	}
	s.goalIndex = map[string]int{}
	s.sectionDescription = map[string][]template.HTML{}
	for i, g := range m.Goals {
		s.goalIndex[g.ID] = i
		place := markdown.Place{Heading: 4, Notes: "note-goal-" + g.ID + "-", Base: countyRoot}
		h, words := s.markdownWords([]byte(g.Description), place)
		s.sectionDescription[countyRoot] = append(s.sectionDescription[countyRoot], h)
		s.descriptionWords = append(s.descriptionWords, words)
		place.Base = officeRoot
		s.sectionDescription[officeRoot] = append(s.sectionDescription[officeRoot], s.markdown([]byte(g.Description), place))
		s.anchors = append(s.anchors, "goal-"+g.ID)
	}
	s.countyTexts = map[string]body{}
	for id, t := range m.CountyText {
		h, words := s.markdownWords(t.Body, markdown.Place{Heading: 3, Notes: "note-text-"})
		s.countyTexts[id] = body{h, words}
	}
	s.prepareCommentary(nil, nil, s.Site.Measures(s.Reported))
	var perspectives []string
	for _, g := range m.Goals {
		if !slices.Contains(perspectives, g.Perspective) {
			perspectives = append(perspectives, g.Perspective)
		}
	}
	for _, p := range perspectives {
		for i, g := range m.Goals {
			if g.Perspective == p {
				s.goalOrder = append(s.goalOrder, i)
			}
		}
	}
}

// prepareCommentary works out what the pages show of commentary: all
// that an edit to commentary changes. lives are the measures of every
// office, or with before, the site as it was before an edit to the
// commentary of the offices edited, of those offices alone.
func (s *site) prepareCommentary(before *site, edited []string, lives []model.MeasureLife) {
	m := s.Site
	s.commentary = map[string][]*model.Commentary{}
	for i := range m.Commentary {
		if c := &m.Commentary[i]; c.Said() {
			s.commentary[c.Office] = append(s.commentary[c.Office], c)
		}
	}
	for _, list := range s.commentary {
		slices.SortFunc(list, func(a, b *model.Commentary) int { return int(b.Period - a.Period) })
	}
	redo := func(office string) bool { return before == nil || slices.Contains(edited, office) }
	if before == nil {
		s.measuresOf, s.bodies = map[string][]model.MeasureLife{}, map[commentaryKey]body{}
	} else {
		s.measuresOf, s.bodies = maps.Clone(before.measuresOf), maps.Clone(before.bodies)
		for _, id := range edited {
			delete(s.measuresOf, id)
		}
		maps.DeleteFunc(s.bodies, func(k commentaryKey, _ body) bool { return redo(k.office) })
	}
	var texts []*model.Commentary
	for i := range m.Commentary {
		if redo(m.Commentary[i].Office) {
			texts = append(texts, &m.Commentary[i])
		}
	}
	made := make([]body, len(texts))
	workers.Each(len(texts), func(i int) {
		h, words := s.markdownWords(texts[i].Body, markdown.Place{Heading: 3, Notes: "note-office-" + texts[i].Office + "-" + texts[i].Period.String() + "-"})
		made[i] = body{h, words}
	})
	for i, cm := range texts {
		s.bodies[commentaryKey{cm.Office, cm.Period}] = made[i]
	}
	for start := 0; start < len(lives); {
		end := start + 1
		for end < len(lives) && lives[end].Office == lives[start].Office {
			end++
		}
		s.measuresOf[lives[start].Office] = lives[start:end:end]
		start = end
	}
	// Each goal's measures, of the offices of the reported month, in
	// county and office order: what its page lists; and the open ones
	// by office and goal.
	s.open = map[[2]string]int{}
	s.goalMeasures = make([][]*model.MeasureLife, len(m.Goals))
	for _, c := range s.counties {
		for _, o := range s.officesOf[c] {
			if !s.current(o) {
				continue
			}
			lives := s.measuresOf[m.Offices[o].ID]
			for i := range lives {
				if gi, ok := s.goalIndex[lives[i].Goal]; ok {
					s.goalMeasures[gi] = append(s.goalMeasures[gi], &lives[i])
				}
			}
		}
	}
	for _, lives := range s.measuresOf {
		for i := range lives {
			if lives[i].Open() {
				s.open[[2]string{lives[i].Office, lives[i].Goal}]++
			}
		}
	}
}

// commentaryKey names an office's commentary of a month: the same text
// before and after an edit to another office's.
type commentaryKey struct {
	office string
	period model.Period
}

// body is a commentary's text as HTML and as words.
type body struct {
	html  template.HTML
	words string
}

// Page paths, relative to the site root.
func countyPath(c *model.County) string     { return c.ID + "/index.html" }
func officePath(o *model.Office) string     { return o.County + "/" + o.ID + "/index.html" }
func goalPath(g *model.Goal) string         { return "goals/" + g.ID + "/index.html" }
func commentaryPath(o *model.Office) string { return o.County + "/" + o.ID + "/" + commentaryFile }

// commentaryFile holds all of an office's commentary. One page per office,
// not per month: at NAV's size a page per month was 3,000 more files, and
// creating files is most of what writing a site costs.
const commentaryFile = "commentary.html"

func (s *site) common(page, title, root, csv string, crumbs ...Link) Common {
	p := s.Reported
	canonical := ""
	if s.Config.BaseURL != "" {
		canonical = s.Config.BaseURL + page
	}
	return Common{
		Canonical: canonical,
		Lang:      s.Config.Language, SiteTitle: s.Config.Title, Title: title, Root: root,
		Period: s.loc.Month(p.Year(), p.Month()), PeriodID: p.String(),
		Breadcrumbs: crumbs, CSV: root + csv, CSVLabel: s.loc.T("download"), CSVColumns: s.csvColumns,
		Accent: s.Config.Accent, Privacy: s.privacy,
	}
}

// ofMonth makes c a page of month p, where that is not the reported one:
// an ended unit's last month, which its title, its scorecard and its
// commentary are of.
func (s *site) ofMonth(c *Common, p model.Period) {
	c.Period, c.PeriodID = s.loc.Month(p.Year(), p.Month()), p.String()
}

// officeCommon is common for an office's page, whose rows of file
// (scorecard.csv or periods.csv) are in its county's: the page links that,
// and its words say it holds the county's other offices too.
func (s *site) officeCommon(page, title, root string, county *model.County, file string, crumbs ...Link) Common {
	c := s.common(page, title, root, county.ID+"/"+file, crumbs...)
	c.CSVLabel = s.loc.T("download.county")
	return c
}

func (s *site) execute(out Output, name, file string, view any) error {
	t := s.Templates.pages[file]
	if t == nil {
		return fmt.Errorf("templates/%s is missing", file)
	}
	b := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(b)
	b.Reset()
	if err := t.ExecuteTemplate(b, path.Join(TemplateDir, file), view); err != nil {
		pos, msg := templateErrorPos(err, nil)
		var errs diag.List
		errs.Add(pos, "%s (making %s)", msg, name)
		return &TemplateError{Err: errs[0]}
	}
	return out.Put(name, b.Bytes())
}

// markdown renders src for its place on a page.
func (s *site) markdown(src []byte, at markdown.Place) template.HTML {
	h, err := s.md.Render(src, at)
	if err != nil {
		// goldmark reports only writer errors, and the writer is a buffer.
		panic(err)
	}
	return h
}

// markdownWords is src as markdown renders it, and its plain words.
func (s *site) markdownWords(src []byte, at markdown.Place) (template.HTML, string) {
	h, words, err := s.md.RenderWords(src, at)
	if err != nil {
		// goldmark reports only writer errors, and the writer is a buffer.
		panic(err)
	}
	return h, words
}

func (s *site) status(st score.Status) Status {
	return s.statuses[st]
}

func (s *site) summary(unit int, p model.Period) Summary {
	return summaryOf(s.Scores.Summary(unit, p))
}

// summaryOf lays out counts of goals by status.
func summaryOf(n [score.NStatus]int) Summary {
	total := 0
	for _, k := range n {
		total += k
	}
	return Summary{
		Missing: n[score.Missing], Red: n[score.Red], Yellow: n[score.Yellow], Green: n[score.Green],
		Suppressed: n[score.Suppressed], Incomplete: n[score.Incomplete], Uncomputable: n[score.Uncomputable],
		Total: total,
	}
}

func (s *site) value(g *model.Goal, c score.Cell) string {
	switch c.Status {
	case score.Missing, score.Incomplete, score.Uncomputable:
		return s.loc.T("no.value")
	case score.Suppressed:
		return ":"
	}
	return s.loc.WithUnit(c.Value, g.Decimals, g.Unit)
}

// appendNumber appends what value returns to b, without the unit: a
// trend table's column heading names it once for all its months.
func (s *site) appendNumber(b []byte, g *model.Goal, c score.Cell) []byte {
	switch c.Status {
	case score.Missing, score.Incomplete, score.Uncomputable:
		return append(b, s.loc.T("no.value")...)
	case score.Suppressed:
		return append(b, ':')
	}
	return s.loc.AppendNumber(b, c.Value, g.Decimals)
}

// The way to the site's top from a county's page and from an office's.
const countyRoot, officeRoot = "../", "../../"

// rows are one unit's scorecard rows for month p on one page, each made
// when first asked for: the scorecard, what needs attention, what changed
// and the goals' sections show the same rows, and making one is most of
// the work of a row.
type rows struct {
	s    *site
	unit int
	p    model.Period
	root string // the page's way back to the site root
	made []*Row // by goal index
}

func (s *site) rowsOf(unit int, p model.Period, root string) *rows {
	return &rows{s: s, unit: unit, p: p, root: root, made: make([]*Row, len(s.Site.Goals))}
}

// of is goal gi's row.
func (rs *rows) of(gi int) Row {
	if rs.made[gi] == nil {
		r := rs.s.row(rs.unit, gi, rs.p, rs.root)
		rs.made[gi] = &r
	}
	return *rs.made[gi]
}

// row builds a goal's scorecard row for a unit in month p. root is the
// page's way back to the site root.
func (s *site) row(unit, gi int, p model.Period, root string) Row {
	g := &s.Site.Goals[gi]
	cur, end := s.Scores.Shown(unit, gi, p)
	t := s.Scores.ThresholdsAt(unit, gi, end)
	prev := s.Scores.At(unit, gi, end-model.Period(g.PeriodMonths()))
	r := Row{
		GoalID:    g.ID,
		Goal:      Link{Href: root + goalPath(g), Text: g.Title},
		Anchor:    s.anchors[gi],
		Target:    s.loc.WithUnit(t.Target, g.Decimals, g.Unit),
		Source:    s.source(unit, t, end, p),
		Yellow:    s.loc.WithUnit(t.Yellow, g.Decimals, g.Unit),
		Result:    s.value(g, cur),
		Size:      s.size(cur),
		Status:    s.status(cur.Status),
		Signal:    s.signals[cur.Change],
		Signalled: cur.Change.Signal(),
		Coverage:  s.coverage(unit, gi, end),
		Change:    s.loc.T("no.value"),
	}
	if g.Delayed() && cur.Has() {
		r.AsOf = s.periodName(g, end)
	}
	if g.Owner != "" {
		r.Local = s.unitName(g.Owner)
	}
	if cur.Status == score.Suppressed {
		// Of the three reasons the key gives, the one the source's "*"
		// shows anyway.
		r.HiddenAt = s.hiddenAt[cur.HiddenAt]
	}
	if cur.Has() && prev.Has() {
		d := score.Round(cur.Value-prev.Value, g.Decimals)
		switch {
		case d == 0:
			r.Change, r.ChangeWord, r.ChangeClass = s.loc.Number(0, g.Decimals), s.loc.T("unchanged"), "same"
		case g.ChangeIsBetter(d):
			r.ChangeWord, r.ChangeClass = s.loc.T("better"), "better"
		default:
			r.ChangeWord, r.ChangeClass = s.loc.T("worse"), "worse"
		}
		if d != 0 {
			r.ChangeArrow = "▲"
			if d < 0 {
				r.ChangeArrow = "▼"
			}
		}
		r.Change = s.shownChange(g, d)
		if g.Unit == "percent" {
			r.ChangeAmountSpoken = s.signed(g, d) + " " + s.loc.T("points")
		}
		r.ChangeSpoken, r.ChangeSince = s.spokenChange(g, d, r.ChangeClass), s.changeSince
		if g.Delayed() {
			// Measured by tertial or year, or later, it changed from the
			// period before the one shown, which is not last month.
			before := end - model.Period(g.PeriodMonths())
			r.ChangeSpoken = s.spokenPeriodChange(g, d, r.ChangeClass, before)
			r.ChangeSince = strings.ReplaceAll(s.loc.T("change.since"), "{period}", s.periodName(g, before))
		}
		switch kind, words := s.changeOfKind(unit, g, prev, cur, end-model.Period(g.PeriodMonths()), end); {
		case kind.OneMeasure() && words != "":
			// A successor's first period against its recast one, of the
			// same offices: better or worse, from what.
			r.ChangeSince += " (" + words + ")"
			r.ChangeSpoken += " (" + words + ")"
			r.ChangeFrom = words
		case !kind.OneMeasure():
			// Between two measures a change is neither better nor worse.
			sign := ""
			if d > 0 {
				sign = "+"
			}
			r.ChangeWord, r.ChangeClass = words, "other"
			r.ChangeSpoken = sign + s.amount(g, d) + " (" + words + ")"
		}
	}
	return r
}

// changeKindWords are the words for what a change is between, by
// score.ChangeKind.
var changeKindWords = [...]string{
	score.FromRecast:   "recast.from",
	score.ToOwnRow:     "change.own",
	score.FromOwnRow:   "change.offices",
	score.OtherOffices: "change.parts",
}

// changeOfKind is what unit's change from prev, of the period ending in
// month before, to cur, of the one ending in now, is between
// (score.KindOfChange), and its words: "" for one of one measure.
func (s *site) changeOfKind(unit int, g *model.Goal, prev, cur score.Cell, before, now model.Period) (score.ChangeKind, string) {
	kind := s.Scores.KindOfChange(unit, g, prev, cur, before, now)
	if kind == score.SameMeasure {
		return kind, ""
	}
	return kind, s.loc.T(changeKindWords[kind])
}

// shownChange is a change of d in goal g's value as a page shows it:
// signed, and a share's in percentage points ("+1,7 p.p."), not percent.
func (s *site) shownChange(g *model.Goal, d float64) string {
	if g.Unit == "percent" {
		return s.signed(g, d) + "\u00a0" + s.loc.T("points.short")
	}
	return s.signed(g, d)
}

// signed is a change of d in goal g's value, with its sign: "+1,7",
// "−0,4", "0".
func (s *site) signed(g *model.Goal, d float64) string {
	if d > 0 {
		return "+" + s.loc.Number(d, g.Decimals)
	}
	return s.loc.Number(d, g.Decimals)
}

// shown is unit's cell for goal gi on month p's scorecard (see
// score.Scores.Shown).
func (s *site) shown(unit, gi int, p model.Period) score.Cell {
	c, _ := s.Scores.Shown(unit, gi, p)
	return c
}

// periodName names goal g's period that ends in month end as a page
// shows it: "2025", "2. tertial 2026", "april 2026".
func (s *site) periodName(g *model.Goal, end model.Period) string {
	switch g.PeriodMonths() {
	case 1:
		return s.loc.Month(end.Year(), end.Month())
	case 4:
		return s.tertialName(score.Span{Kind: score.Tertial, First: end - 3, Last: end})
	}
	return strconv.Itoa(end.Year())
}

// spokenChange is a change of d as a sentence: "1,7 prosentpoeng bedre
// enn forrige måned", "uendret fra forrige måned".
func (s *site) spokenChange(g *model.Goal, d float64, class string) string {
	if d == 0 {
		return s.loc.T("change.spoken.same")
	}
	return s.spoken[class].Replace(s.amount(g, d), "")
}

// spokenPeriodChange is a change of d from goal g's period that ends in
// month before: "0,1 bedre enn 2024".
func (s *site) spokenPeriodChange(g *model.Goal, d float64, class string, before model.Period) string {
	if d == 0 {
		class = "same"
	}
	return strings.NewReplacer("{amount}", s.amount(g, d), "{period}", s.periodName(g, before)).Replace(s.loc.T("change.spoken.period." + class))
}

// amount is the size of a change of d in goal g's unit: "1,7
// prosentpoeng".
func (s *site) amount(g *model.Goal, d float64) string {
	if g.Unit == "percent" {
		return s.loc.Number(math.Abs(d), g.Decimals) + " " + s.loc.T("points")
	}
	return s.loc.WithUnit(math.Abs(d), g.Decimals, g.Unit)
}

// section is goal gi's section on unit's page for month p: its row, with
// the value of the same month, or tertial, last year, named by its period
// where the row's is not p; a yearly goal's is its change's.
func (s *site) section(rs *rows, gi int) Section {
	g := &s.Site.Goals[gi]
	sec := Section{Row: rs.of(gi), Title: g.Title, Description: s.sectionDescription[rs.root][gi]}
	_, end := s.Scores.Shown(rs.unit, gi, rs.p)
	if ly := s.Scores.At(rs.unit, gi, end-12); ly.Status != score.Missing && g.PeriodMonths() < 12 {
		sec.LastYear, sec.LastYearLabel = s.value(g, ly), s.loc.T("last.year")
		cur, _ := s.Scores.Shown(rs.unit, gi, rs.p)
		switch kind, words := s.changeOfKind(rs.unit, g, ly, cur, end-12, end); {
		case ly.Recast && ly.Has() && !kind.OneMeasure():
			// Recast of offices that are not all, or not only, its own
			// now.
			sec.LastYear += " (" + s.loc.T("recast") + "; " + words + ")"
		case ly.Recast && ly.Has():
			sec.LastYear += " (" + s.loc.T("recast") + ")"
		case ly.Has() && !kind.OneMeasure():
			// Of other offices, or the county's own row against its
			// offices': not the same measure as the month shown.
			sec.LastYear += " (" + words + ")"
		case !ly.Has():
			// After "Samme måned i fjor:", a ":" would read as a slip
			// and a "–" as nothing at all: the status says why.
			sec.LastYear = s.loc.T("no.value") + " (" + s.statuses[ly.Status].lower + ")"
		}
		switch {
		case end != rs.p:
			// A month or tertial before the reported one: "Samme måned
			// i fjor" beside January's scorecard would read as January.
			sec.LastYearLabel = s.periodName(g, end-12)
		case g.PeriodMonths() == 4:
			sec.LastYearLabel = s.loc.T("last.year.tertial")
		}
	}
	return sec
}

// source names where unit's target t, for the period ending in month end
// on month p's scorecard, comes from, and from which month when a
// schedule or a dated override put it in force: "felles, fra januar
// 2025". An office that has moved since end was judged by the county it
// was in then, which is named: "satt av NAV Sogn og Fjordane".
func (s *site) source(unit int, t score.Thresholds, end, p model.Period) string {
	kind := s.unitKind(unit)
	text := s.sources[kind][t.Source]
	if t.Source == score.FromCounty && kind == 0 {
		if then := s.Scores.CountyOf(unit, end); then >= 0 && then != s.Scores.CountyOf(unit, p) {
			text = strings.ReplaceAll(s.loc.T("source.county.then"), "{county}", s.Site.Counties[then].Name)
		}
	}
	if t.Since != 0 {
		return text + ", " + s.since(t.Since)
	}
	return text
}

// unitKind is 0 for an office, 1 for a county, 2 for the whole site, as
// sourceWords index them.
func (s *site) unitKind(unit int) int {
	switch {
	case unit == s.Scores.Whole():
		return 2
	case unit >= s.Scores.County(0):
		return 1
	}
	return 0
}

// since says from which month a target is in force: "fra januar 2025".
func (s *site) since(month model.Period) string {
	return strings.ReplaceAll(s.loc.T("source.since"), "{month}", s.loc.Month(month.Year(), month.Month()))
}

// phrase is a sentence with two blanks, split once: a goal page fills one
// for every office's every measure. Made with second "", it has one blank,
// and Replace's b is "".
type phrase struct{ head, mid, tail string }

func newPhrase(text, first, second string) phrase {
	head, rest, _ := strings.Cut(text, first)
	mid, tail, _ := strings.Cut(rest, second)
	return phrase{head, mid, tail}
}

// Replace fills the blanks with a and b.
func (p phrase) Replace(a, b string) string { return p.head + a + p.mid + b + p.tail }

// sourceWords are the words for where a target comes from, by kind of
// unit (office, county, the whole site) and source: made once, since
// every row of every page says one.
func sourceWords(loc *locale.Locale) (w [3][4]string) {
	for kind := range w {
		w[kind][score.FromGoal] = loc.T("source.goal")
		w[kind][score.FromCounty] = loc.T("source.county")
		w[kind][score.FromOwn] = loc.T([]string{"source.own.office", "source.own.county", "source.own.county"}[kind])
		w[kind][score.FromSum] = loc.T([]string{"source.sum", "source.sum", "source.sum.whole"}[kind])
	}
	return w
}

// coverage says how many offices a county's or the whole site's figure
// stands for, when not all reported, or units where it counts a county
// that reports for itself; "" for an office or a full count.
func (s *site) coverage(unit, gi int, p model.Period) string {
	c := s.Scores.CoverageAt(unit, gi, p)
	if c.Expected == 0 || c.Complete() || s.Scores.ReportsForItself(unit, p, p) {
		// A county without offices has its own row or none: "0 av 1
		// enhet" would count it a part of itself.
		return ""
	}
	key := "coverage"
	if s.Scores.CountsCounties(unit, gi, p, p) {
		key = "coverage.units"
	}
	return s.coverageText(key, c)
}

// coverageText is c in the words of key, its counts grouped as the
// site's other numbers are.
func (s *site) coverageText(key string, c score.Coverage) string {
	if c.Expected == 1 {
		key += ".one"
	}
	return strings.NewReplacer("{r}", s.loc.Number(float64(c.Reported), 0), "{e}", s.loc.Number(float64(c.Expected), 0)).Replace(s.loc.T(key))
}

// measureRow is measure m as the reported month sees it, linking to its
// goal or, with office set, to its office; root leads to the site root.
func (s *site) measureRow(m *model.MeasureLife, root string, office bool) MeasureRow {
	return s.measureRowAt(m, root, office, s.Reported)
}

// measureRowAt is measure m as month p sees it: overdue by then or not.
func (s *site) measureRowAt(m *model.MeasureLife, root string, office bool, p model.Period) MeasureRow {
	r := MeasureRow{ID: m.ID, MeasureView: MeasureView{Text: m.Text, Status: m.Status, Label: s.loc.T("measure." + m.Status)}}
	if gi, ok := s.goalIndex[m.Goal]; ok {
		g := &s.Site.Goals[gi]
		r.Goal = Link{Href: root + goalPath(g), Text: g.Title}
	}
	if o, ok := s.officeOf[m.Office]; ok && office {
		r.Office = Link{Href: root + officePath(&s.Site.Offices[o]), Text: s.Site.Offices[o].Name}
	}
	if m.Due != "" {
		r.Due = s.loc.Date(m.Due)
	}
	if m.Overdue(p) {
		r.Overdue = s.loc.T("overdue")
	}
	switch {
	case m.Done != 0:
		r.Life = s.done.Replace(s.loc.Month(m.Done.Year(), m.Done.Month()), "")
	case m.Status == "planned" || m.Began == 0:
		r.Life = s.planned.Replace(s.loc.Month(m.Start.Year(), m.Start.Month()), "")
	default:
		r.Life = s.started.Replace(s.loc.Month(m.Began.Year(), m.Began.Month()), "")
	}
	return r
}

// peerMeasure is a measure in a list of several offices' measures: with
// the office's value for its goal in the month it started and now, and
// the change between them as score judges it, so that one office can see
// what another tried and what followed.
func (s *site) peerMeasure(m *model.MeasureLife, root string) MeasureRow {
	r := s.measureRow(m, root, true)
	r.Started = s.loc.T("no.value")
	if m.Began != 0 {
		r.Started = s.loc.Month(m.Began.Year(), m.Began.Month())
	}
	switch {
	case m.Done != 0:
		r.Ended = s.loc.Month(m.Done.Year(), m.Done.Month())
	case m.Due != "":
		r.Ended = s.loc.T("due") + " " + s.loc.Date(m.Due)
	}
	e := s.measureEffect(m, s.Reported)
	r.Before, r.Now = s.value(e.goal, e.Start), s.value(e.goal, e.Now)
	if e.Ended {
		// Under "Nå", a result from before the goal ended says when.
		r.Now += " (" + s.periodName(e.goal, e.NowOf) + ")"
	}
	r.Judged = s.effectChange(e)
	if r.Judged == "" {
		r.Judged = s.loc.T("no.value")
	}
	return r
}

// effectChange is the change that followed a measure, signed, in words and
// judged: "+2,9 p.p. dårligere; innenfor vanlig variasjon", "+4,4 p.p.; ⚑
// bedre enn vanlig variasjon", "uendret", or "" where a value is missing,
// the measure began this month or is still only planned: nothing has
// followed it yet (see measureEffect).
func (s *site) effectChange(e effect) string {
	switch {
	case e.Unchanged:
		return s.loc.T("unchanged")
	case s.signals[e.Judged] == "":
		return ""
	}
	d := score.Round(e.Now.Value-e.Start.Value, e.goal.Decimals)
	amount := s.shownChange(e.goal, d)
	if e.Judged.Signal() {
		// The signal's words say which way.
		return amount + "; " + s.signals[e.Judged]
	}
	word := s.loc.T("worse")
	if e.goal.ChangeIsBetter(d) {
		word = s.loc.T("better")
	}
	return amount + " " + word + "; " + s.signals[e.Judged]
}

// officeEffect is, for an office's own list of its measures, its goal's
// value when the measure began and by month at and the change judged:
// "3,1 % ved start, 6,0 % nå: +2,9 p.p. dårligere; innenfor vanlig
// variasjon" by the reported month, "…, 6,0 % i juni 2026: …" by an
// earlier one (a tertial report's), or "…, 6,0 % i desember 2018, da
// målet ble avsluttet: …", or "…, 6,0 % i desember 2019, den siste
// måneden kontoret fantes: …", or, for one done before, "…, 6,0 % nå, 14
// måneder etter at tiltaket ble fullført: …"; "" for one begun that month
// or without both values.
func (s *site) officeEffect(m *model.MeasureLife, at model.Period) string {
	e := s.measureEffect(m, at)
	change := s.effectChange(e)
	if change == "" || !e.Start.Has() || !e.Now.Has() {
		return ""
	}
	key, after := "measure.effect", ""
	switch {
	case e.Ended:
		key = "measure.effect.ended"
	case e.OfficeEnded:
		key = "measure.effect.office.ended"
	case m.Done != 0 && e.NowOf > m.Done:
		// Months or years after it was done, the change since its start
		// is not its own: the reader is told how long after.
		key, after = "measure.effect.done", s.loc.Count(int(e.NowOf-m.Done), "month.count")
		if at < s.Reported {
			key += ".at"
		}
	case at < s.Reported:
		key = "measure.effect.at"
	}
	return strings.NewReplacer("{before}", s.value(e.goal, e.Start), "{now}", s.value(e.goal, e.Now), "{period}", s.periodName(e.goal, e.NowOf), "{months}", after, "{change}", change).Replace(s.loc.T(key))
}

// effect is what followed a measure (score.Outcome), with its goal.
type effect struct {
	score.Outcome
	goal *model.Goal
}

// measureEffect is what followed measure m by month at (see
// score.Scores.OutcomeAt).
func (s *site) measureEffect(m *model.MeasureLife, at model.Period) effect {
	gi, u := s.goalIndex[m.Goal], s.Scores.Office(s.officeOf[m.Office])
	return effect{Outcome: s.Scores.OutcomeAt(u, gi, m.Begun(), at), goal: &s.Site.Goals[gi]}
}

// current reports whether office o exists in the reported month.
func (s *site) current(o int) bool { return s.Site.Offices[o].Alive(s.Reported) }

// begun reports whether a unit of lifetime l (which spans its lives)
// began by the reported month: one that begins later, in a month built
// before the organisation of a reform that is known already, is no
// former unit.
func (s *site) begun(l model.Lifetime) bool { return l.From <= s.Reported }

// former reports whether office o existed before the reported month and
// no longer does.
func (s *site) former(o int) bool { return !s.current(o) && s.begun(s.Site.Offices[o].Lifetime) }

// ended says that a unit with lifetime l no longer exists in the reported
// month, and what became of it; nil for a unit that exists. A unit split
// into several says so in its history (see history).
func (s *site) ended(name string, l model.Lifetime, successor string, split []string, root string) *Ended {
	if l.Alive(s.Reported) || l.Until == 0 || s.Reported <= l.Until {
		return nil
	}
	next := l.Until + 1
	month := s.loc.Month(next.Year(), next.Month())
	last := s.loc.Month(l.Until.Year(), l.Until.Month())
	shown := strings.ReplaceAll(s.loc.T("ended.shown"), "{month}", last)
	if split != nil {
		return &Ended{Before: shown}
	}
	if successor == "" {
		return &Ended{Before: strings.NewReplacer("{unit}", name, "{month}", last).Replace(s.loc.T("ended")) + " " + shown}
	}
	e := &Ended{}
	text := strings.NewReplacer("{unit}", name, "{month}", month).Replace(s.loc.T("merged"))
	before, after, _ := strings.Cut(text, "{successor}")
	e.Before, e.After = before, after+" "+shown
	if link, ok := s.unitLink(successor, root); ok {
		e.Link = &link
	}
	return e
}

// unitLink links the page of the county or office id, if it has one: a
// unit that begins after the reported month has none yet.
func (s *site) unitLink(id, root string) (Link, bool) {
	if c, ok := s.countyOf[id]; ok && s.begun(s.Site.Counties[c].Lifetime) {
		return Link{Href: root + countyPath(&s.Site.Counties[c]), Text: s.Site.Counties[c].Name}, true
	} else if o, ok := s.officeOf[id]; ok && s.begun(s.Site.Offices[o].Lifetime) {
		return Link{Href: root + officePath(&s.Site.Offices[o]), Text: s.Site.Offices[o].Name}, true
	}
	return Link{}, false
}

// history tells what unit u's figures leave out of its past, linked: each
// gap between its lifetimes, and the unit it was part of then ("Del av
// NAV Viken fra januar 2020 til desember 2023."); the units merged into
// it, by month ("NAV Hordaland og NAV Sogn og Fjordane gikk inn i
// enheten i januar 2020."), whose pages hold their own commentary and
// measures; the unit it was split out of, or got a part of; the units it
// was split into; an office's moves to another county; its former names;
// all up to the reported month, oldest first. Nil for a unit of one
// lifetime that no merger, split, move or rename began, changed or
// ended.
func (s *site) history(u int, root string) []Sentence {
	m := s.Site
	id := m.Units[u]
	splitFrom := m.SplitFrom(id)
	lives := m.UnitLives(u)
	var mergedAt []model.Period // the months units were merged into u, oldest first
	mergedFrom := map[model.Period][]string{}
	for _, from := range m.Predecessors(id) {
		for _, fl := range m.UnitLives(slices.Index(m.Units, from)) {
			if at := fl.Until + 1; fl.MergedInto == id {
				if mergedFrom[at] == nil {
					mergedAt = append(mergedAt, at)
				}
				mergedFrom[at] = append(mergedFrom[at], from)
			}
		}
	}
	slices.Sort(mergedAt)
	var moves []model.Change // an office's moves to another county
	if u < len(m.Offices) {
		moves = m.CountyMoves(u)
	}
	renames := s.toldRenames(id)
	if len(lives) == 1 && lives[0].SplitInto == nil && splitFrom == nil && mergedAt == nil && moves == nil && renames == nil {
		return nil
	}
	month := func(p model.Period) string { return s.loc.Month(p.Year(), p.Month()) }
	// Each sentence by the month it tells of, oldest first.
	type dated struct {
		at   model.Period
		text Sentence
	}
	var told []dated
	tell := func(at model.Period, text Sentence) {
		// A change of a reorganisation entered in advance has not
		// happened by the reported month.
		if at <= s.Reported {
			told = append(told, dated{at, text})
		}
	}
	for _, c := range moves {
		words := strings.NewReplacer("{from}", s.unitName(m.CountyAt(u, c.From-1)), "{month}", month(c.From)).Replace(s.loc.T("history.moved"))
		tell(c.From, s.sentence(words, []string{m.CountyAt(u, c.From)}, root))
	}
	for _, r := range renames {
		at := r.At
		if r.Since != 0 {
			at = r.Since
		}
		tell(at, Sentence{{Text: s.renamed(r)}})
	}
	for i, l := range lives {
		var partOf string
		if i > 0 {
			prev := lives[i-1]
			from, until := month(prev.Until+1), month(l.From-1)
			part, gap := "history.part", "history.gap"
			if l.From > s.Reported {
				// Its return is still to come.
				part, gap = "history.part.since", "history.gap.since"
			}
			if partOf = prev.MergedInto; partOf != "" {
				tell(prev.Until+1, s.sentence(strings.NewReplacer("{from}", from, "{until}", until).Replace(s.loc.T(part)), []string{partOf}, root))
			} else {
				tell(prev.Until+1, Sentence{{Text: strings.NewReplacer("{from}", from, "{until}", until).Replace(s.loc.T(gap))}})
			}
		}
		for _, at := range mergedAt {
			if at >= l.From && (l.Until == 0 || at <= l.Until) {
				tell(at, s.sentence(strings.ReplaceAll(s.loc.T("history.merged.from"), "{month}", month(at)), mergedFrom[at], root))
			}
		}
		// The units it got a part of, by month: split out of one where it
		// began with that part alone, else beside what it had or what
		// merged into it.
		var splitAt []model.Period
		partsFrom := map[model.Period][]string{}
		for _, from := range splitFrom {
			for _, fl := range m.UnitLives(slices.Index(m.Units, from)) {
				at := fl.Until + 1
				if fl.Until == 0 || !slices.Contains(fl.SplitInto, id) || at < l.From || l.Until != 0 && at > l.Until {
					continue
				}
				if partsFrom[at] == nil {
					splitAt = append(splitAt, at)
				}
				partsFrom[at] = append(partsFrom[at], from)
			}
		}
		for _, at := range splitAt {
			words := "history.split.part"
			if from := partsFrom[at]; at == l.From && mergedFrom[at] == nil && len(from) == 1 {
				if from[0] == partOf {
					continue // "Del av …" says it
				}
				words = "history.split.from"
			}
			tell(at, s.sentence(strings.ReplaceAll(s.loc.T(words), "{month}", month(at)), partsFrom[at], root))
		}
		if l.SplitInto != nil {
			tell(l.Until+1, s.sentence(strings.ReplaceAll(s.loc.T("history.split.into"), "{month}", month(l.Until+1)), l.SplitInto, root))
		}
	}
	slices.SortStableFunc(told, func(a, b dated) int { return cmp.Compare(a.at, b.at) })
	out := make([]Sentence, len(told))
	for i, d := range told {
		out[i] = d.text
	}
	return out
}

// nameAt is what the unit of id, named name in the reported month, was
// called in month p.
func (s *site) nameAt(id, name string, p model.Period) string {
	for _, r := range s.renames[id] {
		if r.At > p {
			return r.Before
		}
	}
	return name
}

// toldRenames are the renames of the unit of id that its page and the
// search index tell: not one from the name it has again, since the
// rename from that one says when it had another.
func (s *site) toldRenames(id string) []model.Rename {
	var out []model.Rename
	for _, r := range s.renames[id] {
		if r.Before != s.unitName(id) {
			out = append(out, r)
		}
	}
	return out
}

// renamed says what a unit was called before r: "Het NAV Nes (Buskerud)
// til desember 2019.", or, a name it had since an earlier rename, "Het
// NAV Troms Romsa fra januar 2018 til desember 2019."
func (s *site) renamed(r model.Rename) string {
	key := "history.renamed"
	if r.Since != 0 {
		key = "history.renamed.since"
	}
	return strings.NewReplacer("{name}", r.Before, "{since}", s.loc.Month(r.Since.Year(), r.Since.Month()), "{month}", s.loc.Month(r.Until.Year(), r.Until.Month())).Replace(s.loc.T(key))
}

// sentence is text with the units ids linked in place of {unit}: "A",
// "A og B", "A, B og C".
func (s *site) sentence(text string, ids []string, root string) Sentence {
	links := make([]Link, len(ids))
	for i, id := range ids {
		link, ok := s.unitLink(id, root)
		if !ok {
			link = Link{Text: s.unitName(id)}
		}
		links[i] = link
	}
	return s.linked(text, "{unit}", links)
}

// linked is text with links in place of its placeholder, as a sentence
// lists them.
func (s *site) linked(text, placeholder string, links []Link) Sentence {
	before, after, _ := strings.Cut(text, placeholder)
	out := Sentence{{Text: before}}
	for i, link := range links {
		if i > 0 {
			out = append(out, Link{Text: s.separator(i, len(links))})
		}
		out = append(out, link)
	}
	return append(out, Link{Text: after})
}

// names are units' names, as a sentence lists them: "A", "A og B", "A,
// B og C".
func (s *site) names(ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = s.unitName(id)
	}
	return s.list(names)
}

// list is words as a sentence lists them: "A", "A og B", "A, B og C".
func (s *site) list(words []string) string {
	var b strings.Builder
	for i, w := range words {
		b.WriteString(s.separator(i, len(words)))
		b.WriteString(w)
	}
	return b.String()
}

// separator is what a list of n puts before its item i: nothing before
// the first, " og " before the last, else ", ".
func (s *site) separator(i, n int) string {
	switch {
	case i == 0:
		return ""
	case i == n-1:
		return " " + s.loc.T("and") + " "
	}
	return ", "
}

func (s *site) unitName(id string) string {
	if c, ok := s.countyOf[id]; ok {
		return s.Site.Counties[c].Name
	}
	if o, ok := s.officeOf[id]; ok {
		return s.Site.Offices[o].Name
	}
	return id
}

// scorecard returns a unit's rows grouped by perspective. Rows link to the
// goal's section on page sections (the unit's page: "" for the page
// itself), or to the goal's own page when sections is "-".
func (s *site) scorecard(rs *rows, sections string) []Group {
	var groups []Group
	for _, gi := range s.goalOrder {
		if !s.Scores.OnScorecard(rs.unit, gi, rs.p) {
			continue
		}
		r := rs.of(gi)
		r.Trend = s.sparkline(rs.unit, gi, rs.p)
		r.YearToDate = s.yearToDate(rs.unit, gi, rs.p)
		r.Href = r.Goal.Href
		if sections != "-" {
			r.Href = sections + "#" + r.Anchor
		}
		persp := s.Site.Goals[gi].Perspective
		if len(groups) == 0 || groups[len(groups)-1].Perspective != persp {
			groups = append(groups, Group{Perspective: persp})
		}
		groups[len(groups)-1].Rows = append(groups[len(groups)-1].Rows, r)
	}
	return groups
}

// yearToDate is unit's figure for goal gi over the year its row of month
// p (the reported month, or an ended unit's last) shows beside its result
// (score.GoalYearBeside: up to the reported month, or a year before it),
// its status and, when it stands for less than all of the year so far,
// how much, in words; "" where it has none (a goal measured by the year,
// a year before the site's results begin).
func (s *site) yearToDate(unit, gi int, p model.Period) string {
	year, ok := s.Scores.GoalYearBeside(gi, p)
	if !ok {
		return ""
	}
	a := s.Scores.Over(unit, gi, year)
	if !a.Published() {
		return ""
	}
	g := &s.Site.Goals[gi]
	over := year.Kind == score.Year && s.Scores.AllDue(gi, year)
	// "Hittil i 2026: …", or "Året 2026: …" when all of it is due: the
	// year is named, since in January the year a row gives beside its
	// result is often the one before.
	key := "ytd.sofar"
	if over {
		key = "ytd.year"
	}
	if g.Stock {
		key += ".mean"
	}
	words := newPhrase(strings.ReplaceAll(s.loc.T(key), "{year}", strconv.Itoa(year.First.Year())), "{value}", "{status}")
	// In a narrow column the line wraps between its parts, not inside
	// "ikke nådd".
	status := strings.ReplaceAll(s.statuses[a.Status].lower, " ", "\u00a0")
	if c := s.spanCoverage(unit, gi, year, a.Coverage); c != "" {
		status += ", " + c
	}
	// A lagged goal's last months are not yet due, a tertial goal's last
	// tertial not over: "hittil i år" beside a matrix of January to
	// October would read as those. An ended unit's year has its months up
	// to its last (p), whose result may come later than its row's.
	last := year.Last
	if covered := s.Scores.CoveredMonths(gi, year); covered > 0 && covered < year.Months() {
		last = year.First + model.Period(covered-1)
	}
	if p < s.Reported {
		last = min(last, p)
	}
	if last < year.Last {
		status += ", " + s.loc.MonthRange(year.First.Year(), year.First.Month(), last.Month())
	}
	if a.Recast && a.Has() {
		status += ", " + s.loc.T("recast")
	}
	if _, shown := s.Scores.Shown(unit, gi, p); a.Has() && s.Scores.SpanOfOtherOffices(unit, gi, year, shown) {
		status += ", " + s.loc.T("change.parts")
	}
	if a.Has() && s.Scores.SpanMixesOwnRows(unit, gi, year) {
		status += ", " + s.loc.T("span.own.mixed")
	}
	if a.Has() && s.judgedByOther(unit, gi, p, a) {
		// Judged by the span's own target, not by the one its row gives
		// beside it: a sum's months' together, last year's in January
		// after a new year's target.
		status += ", " + strings.ReplaceAll(s.loc.T("ytd.target"), "{target}", s.loc.WithUnit(score.Round(a.Target, g.Decimals), g.Decimals, g.Unit))
	}
	value := s.value(g, a.Cell)
	if a.Status == score.Suppressed {
		// After "Hittil i år:", a ":" would read as a slip; the status
		// says it is hidden.
		value = s.loc.T("no.value")
	}
	return words.Replace(value, status)
}

// judgedByOther reports whether unit's aggregate a of goal gi was judged
// by another target or yellow limit than its row of month p shows: a
// sum's by its months' together (a year's target is twelve months'), a
// ratio's or a mean's by its last month's, which a new year's target
// changes.
func (s *site) judgedByOther(unit, gi int, p model.Period, a score.Aggregate) bool {
	g := &s.Site.Goals[gi]
	_, end := s.Scores.Shown(unit, gi, p)
	shown := s.Scores.ThresholdsAt(unit, gi, end)
	return score.Round(a.Target, g.Decimals) != score.Round(shown.Target, g.Decimals) || score.Round(a.Yellow, g.Decimals) != score.Round(shown.Yellow, g.Decimals)
}

// needs lays out what needs attention for a unit in month p (see
// score.AttentionAt), linked to the goals' sections on page sections, or,
// with sections "-", to their own pages. With none, it says all are met
// only when every goal has a value and is green.
func (s *site) needs(rs *rows, sections string) Needs {
	a := s.Scores.AttentionAt(rs.unit, rs.p, s.goalOrder)
	needs := Needs{Rows: make([]Row, 0, len(a.Off)+len(a.Worse)+len(a.Behind)+len(a.Unknown)), Empty: s.loc.T("needs.none")}
	// A goal's link: to its section on page sections, or to its own page
	// with sections "-", and for an earlier month's goal that has since
	// left the scorecard, which has no section on the unit's page.
	href := func(r *Row, gi int) string {
		if sections == "-" || sections != "" && !s.Scores.OnScorecard(rs.unit, gi, s.Reported) {
			return r.Goal.Href
		}
		return sections + "#" + r.Anchor
	}
	add := func(gi int, note string) {
		r := rs.of(gi)
		r.Note = note
		r.Href = href(&r, gi)
		needs.Rows = append(needs.Rows, r)
	}
	// An office's earlier month (its commentary page's) counts the
	// measures open then; a county's or the whole site's, only now.
	answered := rs.p == s.Reported || rs.unit < len(s.Site.Offices)
	for _, gi := range a.Off {
		add(gi, "")
		if answered {
			s.answer(&needs.Rows[len(needs.Rows)-1], rs.unit, gi, rs.p)
		}
	}
	for _, gi := range a.Worse {
		add(gi, s.loc.T("unusual"))
	}
	for _, b := range a.Behind {
		add(b.Goal, "")
		r := &needs.Rows[len(needs.Rows)-1]
		of := s.loc.T("parts.offices")
		if !b.Offices {
			of = s.loc.T("parts.units")
		}
		r.Parts = &Parts{Of: of, Summary: summaryOf(b.Reports)}
		if answered {
			s.answer(r, rs.unit, b.Goal, rs.p)
		}
	}
	for _, gi := range a.Unknown {
		add(gi, "")
	}
	if len(a.Unjudged) > 0 && a.Judged {
		goals := make([]Link, len(a.Unjudged))
		hidden, uncomputable := false, false
		for i, gi := range a.Unjudged {
			r := rs.of(gi)
			goals[i] = Link{Href: href(&r, gi), Text: r.Goal.Text}
			c, _ := s.Scores.Shown(rs.unit, gi, rs.p)
			hidden, uncomputable = hidden || c.Status == score.Suppressed, uncomputable || c.Status == score.Uncomputable
		}
		key := "needs.unjudged"
		switch {
		case !uncomputable:
			key += ".hidden"
		case !hidden:
			key += ".uncomputable"
		}
		needs.Unjudged = s.linked(s.loc.T(key), "{goals}", goals)
	}
	switch {
	case !a.Judged && (a.Hidden || a.Uncomputable):
		// No goal could be judged: "none of those that can be shown
		// needs attention" would read as all being well.
		needs.Empty = s.loc.T("needs.none.judged")
	case needs.Unjudged != nil:
		// The goals that cannot be judged are named below it.
		needs.Empty = s.loc.T("needs.none.judgeable")
	}
	return needs
}

// answer says on a row that needs attention in the reported month how
// many measures are open for its goal: the office's own, or a county's or
// the whole site's offices' together.
// For a county or the whole site it adds how many of the offices in red
// have none: measures at offices on target do not answer for those off it.
func (s *site) answer(r *Row, unit, gi int, p model.Period) {
	goal := s.Site.Goals[gi].ID
	if p != s.Reported {
		// Of an office's earlier month, the measures open then, and a red
		// goal that had none: "none" beside each of its other goals, month
		// after month, would weigh a commentary page down.
		if unit < len(s.Site.Offices) {
			total := s.openAt(s.Site.Offices[unit].ID, goal, p)
			if r.Unanswered = score.Unanswered(s.shown(unit, gi, p).Status, total); r.Unanswered || total > 0 {
				r.Action = s.openCount("action", total)
			}
		}
		return
	}
	offices := s.officesIn(unit)
	statuses, open := make([]score.Status, len(offices)), make([]int, len(offices))
	total, red, unanswered := 0, 0, 0
	for k, o := range offices {
		statuses[k], open[k] = s.shown(s.Scores.Office(o), gi, s.Reported).Status, s.open[[2]string{s.Site.Offices[o].ID, goal}]
		total += open[k]
		if statuses[k] == score.Red {
			red++
			if score.Unanswered(statuses[k], open[k]) {
				unanswered++
			}
		}
	}
	st := s.shown(unit, gi, s.Reported).Status
	switch {
	case unit < len(s.Site.Offices):
		r.Action, r.Unanswered = s.openCount("action", total), score.Unanswered(st, total)
		return
	case len(offices) == 0:
		// A county reported as a whole has no offices to take measures:
		// "no open measures at the offices" would read as a gap.
		return
	}
	r.Action = s.openCount("action.offices", total)
	if unanswered > 0 && total > 0 {
		which := "action.offices.red"
		switch {
		case red == 1:
			which += ".one"
		case unanswered == red:
			which += ".all"
		}
		r.Action += strings.NewReplacer("{n}", strconv.Itoa(unanswered), "{red}", strconv.Itoa(red)).Replace(s.loc.T(which))
	}
	r.Unanswered = score.Unanswered(st, score.Answering(statuses, open))
}

// openAt is how many of office's measures were open for goal in month p
// (see model.MeasureLife.OpenFor).
func (s *site) openAt(office, goal string, p model.Period) int {
	n := 0
	for i := range s.measuresOf[office] {
		if s.measuresOf[office][i].OpenFor(goal, p) {
			n++
		}
	}
	return n
}

// openCount is n open measures in words: key is "action" for an office's
// own, "action.offices" for its offices'.
func (s *site) openCount(key string, n int) string {
	switch n {
	case 0:
		return s.loc.T(key + ".none")
	case 1:
		return s.loc.T(key + ".one")
	}
	return strings.ReplaceAll(s.loc.T(key+".many"), "{n}", strconv.Itoa(n))
}

// officesIn are the offices whose measures answer for a unit in the
// reported month: an office itself, a county's current offices, or every
// current office for the whole site (units number the offices, then the
// counties, then the whole; see model.Site.OfficeUnit).
func (s *site) officesIn(unit int) []int {
	m := s.Site
	if unit < len(m.Offices) {
		return []int{unit}
	}
	var out []int
	if c := unit - len(m.Offices); c < len(m.Counties) {
		for _, o := range s.officesOf[c] {
			if s.current(o) {
				out = append(out, o)
			}
		}
		return out
	}
	for o := range m.Offices {
		if s.current(o) {
			out = append(out, o)
		}
	}
	return out
}

// unanswered counts an office's red goals that no open measure answers,
// in words ("2 røde mål uten tiltak"), or "" when there are none.
func (s *site) unanswered(o int, goals []int) (int, string) {
	u := s.Scores.Office(o)
	n := 0
	for _, gi := range goals {
		if s.Scores.Thresholds(u, gi).Applies && score.Unanswered(s.shown(u, gi, s.Reported).Status, s.open[[2]string{s.Site.Offices[o].ID, s.Site.Goals[gi].ID}]) {
			n++
		}
	}
	switch n {
	case 0:
		return 0, ""
	case 1:
		return 1, s.loc.T("unanswered.one")
	}
	return n, strings.ReplaceAll(s.loc.T("unanswered.many"), "{n}", strconv.Itoa(n))
}

// changes lays out what changed for a unit from the month before to its
// month (see score.ChangesAt). Goals link to their sections on the unit's
// page, or, with sections "-", to their own pages, as the scorecard's rows
// do.
func (s *site) changes(rs *rows, sections string) Changes {
	unit, p := rs.unit, rs.p
	href := func(gi int) string {
		if sections == "-" {
			return rs.root + goalPath(&s.Site.Goals[gi])
		}
		return sections + "#" + s.anchors[gi]
	}
	sc := s.Scores.ChangesAt(unit, p, s.goalOrder)
	ch := Changes{None: s.loc.T("changes.status.none")}
	switch {
	case !sc.Compared:
		ch.None = strings.NewReplacer("{unit}", s.unitName(s.Site.Units[unit]), "{month}", s.loc.Month((p-1).Year(), (p-1).Month())).Replace(s.loc.T("changes.status.new"))
	case sc.Uncompared != nil:
		// "No goal changed" would speak for these too.
		ch.None = ""
		if sc.AnyCompared {
			ch.None = s.loc.T("changes.status.none.compared")
		}
		goals := make([]Link, len(sc.Uncompared))
		for i, gi := range sc.Uncompared {
			goals[i] = Link{Href: href(gi), Text: s.Site.Goals[gi].Title}
		}
		ch.Uncompared = s.linked(s.loc.T("changes.status.uncompared"), "{goals}", goals)
	}
	for _, gi := range sc.Status {
		g := &s.Site.Goals[gi]
		before, from := s.Scores.Shown(unit, gi, p-1)
		now, to := s.Scores.Shown(unit, gi, p)
		change := StatusChange{Goal: Link{Href: href(gi), Text: g.Title}, From: s.status(before.Status), To: s.status(now.Status)}
		if to != p || g.PeriodMonths() > 1 {
			// Under "since last month", a lagged goal's change is of
			// two months before them, a tertial's of two tertials.
			change.Notes = append(change.Notes, strings.NewReplacer("{from}", s.periodName(g, from), "{to}", s.periodName(g, to)).Replace(s.loc.T("changes.periods")))
		}
		kind, kinds := s.changeOfKind(unit, g, before, now, from, to)
		target, saysParts := "", false
		if slices.Contains(sc.StatusRetargeted, gi) {
			target, saysParts = s.targetChange(unit, gi, p)
		}
		if kinds != "" && !(kind == score.OtherOffices && saysParts) { // else the target's change says it
			change.Notes = append(change.Notes, kinds)
		}
		if target != "" {
			change.Notes = append(change.Notes, target)
		}
		ch.Status = append(ch.Status, change)
	}
	rows := func(goals []int) []Row {
		var out []Row
		for _, gi := range goals {
			r := rs.of(gi)
			r.Href = href(gi)
			out = append(out, r)
		}
		return out
	}
	ch.Better, ch.Worse = rows(sc.Better), rows(sc.Worse)
	for _, gi := range sc.Added {
		g := &s.Site.Goals[gi]
		ch.Scorecard = append(ch.Scorecard, ScorecardChange{Goal: Link{Href: href(gi), Text: g.Title}, Text: s.loc.T("changes.added")})
	}
	for _, gi := range sc.Retargeted {
		g := &s.Site.Goals[gi]
		text, _ := s.targetChange(unit, gi, p)
		ch.Scorecard = append(ch.Scorecard, ScorecardChange{Goal: Link{Href: href(gi), Text: g.Title}, Text: "(" + text + ")"})
	}
	for _, gi := range sc.Ended {
		// Off the scorecard, it has no section here: its own page.
		g := &s.Site.Goals[gi]
		ch.Scorecard = append(ch.Scorecard, ScorecardChange{Goal: Link{Href: rs.root + goalPath(g), Text: g.Title}, Text: s.loc.T("changes.ended")})
	}
	if unit >= s.Scores.County(0) && p > s.Scores.First {
		ch.Offices = s.officeMoves(unit, p, rs.root)
	}
	if unit == s.Scores.Whole() && p > s.Scores.First {
		ch.Counties = s.countyChanges(p, rs.root)
	}
	return ch
}

// countyChanges says how the site's counties changed from the month
// before p to p, a sentence for each way: "Gikk inn i NAV Vestland: NAV
// Hordaland og NAV Sogn og Fjordane."
func (s *site) countyChanges(p model.Period, root string) []Sentence {
	var out []Sentence
	found := s.Site.CountyChanges(p)
	locale.SortBy(s.loc, found, func(ch model.CountyChange) string { return s.names(ch.Into) })
	slices.SortStableFunc(found, func(a, b model.CountyChange) int { return cmp.Compare(a.Kind, b.Kind) })
	for _, ch := range found {
		locale.SortBy(s.loc, ch.Counties, func(c int) string { return s.Site.Counties[c].Name })
		ids := make([]string, len(ch.Counties))
		for i, c := range ch.Counties {
			ids[i] = s.Site.Counties[c].ID
		}
		words := countyChangeWords[ch.Kind]
		if ch.Kind == model.Opened && len(ids) > 1 {
			words += ".many"
		}
		into := make([]string, len(ch.Into))
		for i, id := range ch.Into {
			into[i] = s.unitName(id)
		}
		out = append(out, s.sentence(strings.ReplaceAll(s.loc.T(words), "{into}", s.list(into)), ids, root))
	}
	return out
}

// countyChangeWords are the words for each kind of model.CountyChange.
var countyChangeWords = map[model.OfficeMoveKind]string{
	model.MergedInto: "changes.offices.merged",
	model.SplitInto:  "changes.offices.split",
	model.Opened:     "changes.counties.opened",
	model.Closed:     "changes.offices.closed",
}

// officeMoveWords are the words for each kind of model.OfficeMove.
var officeMoveWords = [...]string{
	model.CameFrom:       "changes.offices.came",
	model.CameInto:       "changes.offices.camein",
	model.CamePartlyInto: "changes.offices.camepart",
	model.Opened:         "changes.offices.opened",
	model.MovedTo:        "changes.offices.moved",
	model.MergedInto:     "changes.offices.merged",
	model.SplitInto:      "changes.offices.split",
	model.Closed:         "changes.offices.closed",
}

// officeMoves says how a county's or the whole site's offices changed
// from the month before p to p, a sentence for each way, the offices
// linked, by name within each kind: "Fra NAV Sogn og Fjordane: NAV Eid."
func (s *site) officeMoves(unit int, p model.Period, root string) OfficeChanges {
	county, heading, note := "", "changes.offices.whole", "changes.offices.note.whole"
	if unit != s.Scores.Whole() {
		county, heading, note = s.Site.Units[unit], "changes.offices", "changes.offices.note"
	}
	found := s.Site.OfficeMoves(county, p)
	locale.SortBy(s.loc, found, func(m model.OfficeMove) string { return s.unitName(m.Other) + " " + s.names(m.Into) })
	slices.SortStableFunc(found, func(a, b model.OfficeMove) int { return cmp.Compare(a.Kind, b.Kind) })
	var moves []Sentence
	for _, m := range found {
		slices.SortStableFunc(m.Offices, func(a, b int) int { return cmp.Compare(s.nameRank[a], s.nameRank[b]) })
		ids := make([]string, len(m.Offices))
		for i, o := range m.Offices {
			ids[i] = s.Site.Offices[o].ID
		}
		words := officeMoveWords[m.Kind]
		switch {
		case m.Kind == model.Opened && len(ids) > 1:
			words += ".many"
		case m.Kind == model.MergedInto && m.Other != "":
			words += ".across"
		}
		into := make([]string, len(m.Into))
		for i, id := range m.Into {
			into[i] = s.unitName(id)
			if m.Kind != model.SplitInto || county == "" {
				continue
			}
			// Divided among offices of this county and others: each of
			// another says which.
			if c := s.Site.CountyAt(s.officeOf[id], p); c != county {
				into[i] += " (" + s.unitName(c) + ")"
			}
		}
		text := strings.NewReplacer("{other}", s.unitName(m.Other), "{into}", s.list(into)).Replace(s.loc.T(words))
		moves = append(moves, s.sentence(text, ids, root))
	}
	if moves == nil {
		return OfficeChanges{}
	}
	ch := OfficeChanges{Heading: s.loc.T(heading), Moves: moves}
	if len(moves) > foldListAbove {
		ch.Count = s.loc.Count(len(moves), "fold.change")
	}
	if !s.Scores.SameOffices(unit, p-1, p) {
		// Not for a merger of two of its offices: its figures are of the
		// same offices still.
		ch.Note = strings.NewReplacer("{before}", s.loc.Month((p-1).Year(), (p-1).Month()), "{month}", s.loc.Month(p.Year(), p.Month())).Replace(s.loc.T(note))
	}
	return ch
}

// targetChange says how unit's target for goal gi, or else its yellow
// limit, moved from month p-1's scorecard to p's: "målverdien gikk fra
// 45,0 % til 47,0 %".
func (s *site) targetChange(unit, gi int, p model.Period) (text string, saysParts bool) {
	g := &s.Site.Goals[gi]
	_, before := s.Scores.Shown(unit, gi, p-1)
	_, now := s.Scores.Shown(unit, gi, p)
	from, to := s.Scores.ThresholdsAt(unit, gi, before), s.Scores.ThresholdsAt(unit, gi, now)
	words, parts := "changes.target", ""
	switch {
	case from.Target == to.Target:
		words, from.Target, to.Target = "changes.yellow", from.Yellow, to.Yellow
	case to.Source == score.FromSum:
		// A sum's target moves with its parts' targets, and with the
		// parts themselves when offices move.
		words = "changes.target.sum"
		if saysParts = !s.Scores.SameOffices(unit, before, now); saysParts {
			parts = "; " + s.loc.T("change.parts")
		}
	}
	return strings.NewReplacer(
		"{from}", s.loc.WithUnit(from.Target, g.Decimals, g.Unit),
		"{to}", s.loc.WithUnit(to.Target, g.Decimals, g.Unit),
		"{source}", s.sources[s.unitKind(unit)][score.FromSum],
		"{parts}", parts).Replace(s.loc.T(words)), saysParts
}

// noResults says that a unit has no results at all for month p, or "".
// Where its scorecard has goals measured every month without a lag, only
// theirs count: a yearly or lagged goal's result, of an earlier period,
// is no result for p.
func (s *site) noResults(unit int, name string, p model.Period) string {
	monthly := false
	for gi := range s.Site.Goals {
		monthly = monthly || s.Scores.OnScorecard(unit, gi, p) && !s.Site.Goals[gi].Delayed()
	}
	for gi := range s.Site.Goals {
		if s.Scores.OnScorecard(unit, gi, p) && (!monthly || !s.Site.Goals[gi].Delayed()) && s.shown(unit, gi, p).Status != score.Missing {
			return ""
		}
	}
	return strings.NewReplacer("{unit}", name, "{month}", s.loc.Month(p.Year(), p.Month())).Replace(s.loc.T("no.results"))
}

// line is a trend: a unit's cells for a goal over all months, or, with no
// cells, its flat target.
type line struct {
	chart.Series
	unit  int // whose cells
	cells []score.Cell
	texts []string // the cells as a trend table shows them, when made already
}

// hasValue reports whether the line has a value in any month.
func (l *line) hasValue() bool {
	return slices.ContainsFunc(l.Values, func(v *float64) bool { return v != nil })
}

// unitLine is unit's trend for goal gi. A suppressed or missing month is a
// gap in the chart.
func (s *site) unitLine(id, name string, unit, gi int) line {
	cells := s.Scores.Series(unit, gi)
	values := make([]*float64, len(cells))
	brk, recast := 0, false
	for i := range cells {
		if cells[i].Has() {
			values[i] = &cells[i].Value
			recast = recast || cells[i].Recast
		}
		if i > 0 && cells[i-1].Recast && !cells[i].Recast {
			brk = i
		}
	}
	series := chart.Series{Line: chart.Line{ID: id, Name: name}, Values: values}
	// Marked where the line has recast figures to tell apart, not where
	// none could be made (a share given as values).
	if brk > 0 && recast {
		series.Marks = append(series.Marks, chart.Mark{At: brk, Label: strings.ReplaceAll(s.loc.T("recast.before"), "{month}", s.monthNames[brk])})
	}
	return line{Series: series, unit: unit, cells: cells, texts: s.shared[unit*len(s.Site.Goals)+gi]}
}

// targetLine is unit's target in force each month, dashed in the chart,
// where it changes: by a goal's dated targets, or by the organisation (a
// sum goal's county or whole site before and after a reorganisation, a
// successor's recast months judged by its predecessors' targets). Where
// it does not, the reported month's target, flat.
func (s *site) targetLine(unit, gi int) line {
	g := &s.Site.Goals[gi]
	values := make([]*float64, s.Scores.N)
	targets := make([]float64, s.Scores.N)
	reported := s.Scores.Thresholds(unit, gi).Target
	changes := len(g.TargetChanges()) > 0
	for i := range values {
		// None in a month the goal was not the unit's (an office's new
		// county's own goal before it moved there).
		if t := s.Scores.ThresholdsAt(unit, gi, s.Scores.Period(i)); t.Applies {
			targets[i] = t.Target
			values[i] = &targets[i]
			// As shown: a sum of targets added in another order may
			// differ in its last bit.
			changes = changes || score.Round(t.Target, g.Decimals) != score.Round(reported, g.Decimals)
		}
	}
	if !changes {
		for i := range values {
			values[i] = &reported
		}
	}
	return line{Series: chart.Series{Line: chart.Line{ID: "target", Name: s.loc.T("target")}, Values: values}}
}

// layouts are the chart layouts of one page, by their lines and bars.
type layouts map[string]chart.Layout

// get returns the page's layout for charts of the given lines and bars,
// made by build the first time; the chart that uses a layout first carries
// it for the others (first is then not nil).
func (ls layouts) get(lines []line, bars []string, build func(id string, heads []chart.Line) chart.Layout) (layout chart.Layout, first *chart.Layout) {
	// Quoted, names cannot run into each other, whatever they hold.
	var key []byte
	heads := make([]chart.Line, len(lines))
	for i, l := range lines {
		heads[i] = l.Line
		key = strconv.AppendQuote(strconv.AppendQuote(key, l.ID), l.Name)
	}
	key = append(key, '|')
	for _, b := range bars {
		key = strconv.AppendQuote(key, b)
	}
	layout, seen := ls[string(key)]
	if seen {
		return layout, nil
	}
	layout = build("chart-layout-"+strconv.Itoa(len(ls)+1), heads)
	ls[string(key)] = layout
	return layout, &layout
}

// trendMonths are the months that a goal's charts and trend tables
// show, as indexes from the site's first, oldest first; all of them where
// at is nil. They begin with the month the goal is followed from, where
// that is after the site's first (a goal with a later from, or a monthly
// goal whose results begin after a yearly goal's), and end with the
// month it ended in, so that they do not open or close with months it
// was not followed in, which read as months its results are missing. A
// goal measured by the tertial or the year has
// only the months its periods end in, named as the periods: its other
// months have no result of their own, and on a chart its results would
// be points with nothing between, too small to see on a phone.
type trendMonths struct {
	at    []int
	from  int      // the month the goal is followed from
	names []string // the chart's month axis, where at is not nil
	key   string   // keeps the layouts of different months apart
}

// trendMonths are goal gi's trend months before month index end.
func (s *site) trendMonths(gi, end int) trendMonths {
	g := &s.Site.Goals[gi]
	from := max(0, int(g.FollowedFrom()-s.Scores.First))
	if until := g.Life.Until; until != 0 {
		end = max(0, min(end, int(until-s.Scores.First)+1))
	}
	k := g.PeriodMonths()
	if from == 0 && end == s.Scores.N && k == 1 {
		return trendMonths{}
	}
	// Not nil even where no month is shown: a goal followed from after
	// the site's last month, or one no period of which ends in them.
	tm := trendMonths{at: []int{}, names: []string{}, from: from, key: "from " + strconv.Itoa(from) + " to " + strconv.Itoa(end) + " every " + strconv.Itoa(k)}
	for i := from; i < end; i++ {
		p := s.Scores.Period(i)
		if !g.EndsPeriod(p) {
			continue
		}
		tm.at = append(tm.at, i)
		if k == 1 {
			tm.names = append(tm.names, s.months[i])
		} else {
			tm.names = append(tm.names, s.periodName(g, p))
		}
	}
	return tm
}

// monthsTo are goal gi's trend months up to month p: the page of a unit
// that ended, which shows its last month, ends its charts and tables
// there, not in months it did not exist in.
func (s *site) monthsTo(gi int, p model.Period) trendMonths {
	if end := int(p-s.Scores.First) + 1; end < s.Scores.N {
		return s.trendMonths(gi, end)
	}
	return s.goalMonths[gi]
}

// months is the chart's month axis.
func (tm trendMonths) months(all []string) []string {
	if tm.at == nil {
		return all
	}
	return tm.names
}

// keys are what keeps a chart's layout apart from others of the same
// lines, more (see layouts.get) and its months.
func (tm trendMonths) keys(more ...string) []string {
	if tm.at == nil {
		return more
	}
	return append(more, tm.key)
}

// of is lines in the months tm shows; a mark in a month not shown moves
// to the next shown, the end of the period it falls in, and one before
// the goal is followed is left out.
func (tm trendMonths) of(lines []line) []line {
	if tm.at == nil {
		return lines
	}
	out := make([]line, len(lines))
	for i, l := range lines {
		l.Values = pick(l.Values, tm.at)
		l.cells = pick(l.cells, tm.at)
		l.texts = pick(l.texts, tm.at)
		var marks []chart.Mark
		for _, m := range l.Marks {
			if j, _ := slices.BinarySearch(tm.at, m.At); m.At >= tm.from && j < len(tm.at) {
				m.At = j
				marks = append(marks, m)
			}
		}
		l.Marks = marks
		out[i] = l
	}
	return out
}

// pick is the items of all at the indexes at; nil for nil.
func pick[T any](all []T, at []int) []T {
	if all == nil {
		return nil
	}
	out := make([]T, len(at))
	for j, i := range at {
		out[j] = all[i]
	}
	return out
}

// trend is a page's trend chart of lines in months tm. Its layout depends
// only on the lines' roles and the months, so it is made once for the
// whole site rather than with go-echarts for every page.
func (s *site) trend(ls layouts, id string, lines []line, tm trendMonths) (chart.Chart, *chart.Layout) {
	roles := make([]line, len(lines))
	for i, l := range lines {
		roles[i] = line{Series: chart.Series{Line: chart.Line{ID: l.ID}}}
	}
	layout, first := ls.get(roles, tm.keys(), func(id string, heads []chart.Line) chart.Layout {
		key := []byte(tm.key)
		for _, h := range heads {
			key = strconv.AppendQuote(key, h.ID)
		}
		if json, ok := s.trendLayouts.Load(string(key)); ok {
			return chart.Layout{ID: id, JSON: json.([]byte)}
		}
		layout := chart.TrendLayout(id, tm.months(s.months), heads)
		s.trendLayouts.Store(string(key), layout.JSON)
		return layout
	})
	return chart.Trend(id, layout, seriesOf(lines)), first
}

func seriesOf(lines []line) []chart.Series {
	out := make([]chart.Series, len(lines))
	for i, l := range lines {
		out[i] = l.Series
	}
	return out
}

// trendTable is a trend chart's numbers: a row per month of tm, newest
// first, each named as its month or, for a goal measured by the tertial
// or the year, as its period. A target that is the same every month is
// said once, in the caption, not repeated in a column: the tables are
// most of a unit page's bytes. One that changes has a column.
func (s *site) trendTable(caption string, g *model.Goal, lines []line, tm trendMonths) Table {
	t := Table{Caption: caption, Head: []string{s.loc.T("period")}}
	unit := ""
	if u := s.loc.UnitLabel(g.Unit); u != "" {
		unit = " (" + u + ")"
	}
	var shown []line
	for _, l := range lines {
		if l.cells == nil && chart.Flat(l.Values) {
			t.Caption += " (" + s.loc.T("target") + " " + s.loc.WithUnit(*l.Values[0], g.Decimals, g.Unit) + ")"
			continue
		}
		if l.cells == nil {
			l.texts = make([]string, len(l.Values))
			for i, v := range l.Values {
				l.texts[i] = s.loc.T("no.value")
				if v != nil {
					l.texts[i] = s.loc.Number(*v, g.Decimals)
				}
			}
		}
		shown = append(shown, l)
		t.Head = append(t.Head, l.Name+unit)
	}
	k := g.PeriodMonths()
	switch k {
	case 4:
		t.Head[0] = s.loc.T("period.tertial")
	case 12:
		t.Head[0] = s.loc.T("period.year")
	}
	// The cells are slices of one string and the rows of one array: a unit
	// page has thousands of cells, too many to allocate one by one. The
	// lines hold the months of tm, the j-th of them at month at(j).
	n, cols := s.Scores.N, 1+len(shown)
	at := func(j int) int { return j }
	if tm.at != nil {
		n, at = len(tm.at), func(j int) int { return tm.at[j] }
	}
	var text []byte
	gi := s.goalIndex[g.ID]
	ends := make([]int, 0, n*len(shown))
	for j := n - 1; j >= 0; j-- {
		for _, l := range shown {
			if l.texts == nil {
				text = s.appendCell(text, gi, l.unit, l.cells[j], s.Scores.Period(at(j)))
				ends = append(ends, len(text))
			}
		}
	}
	all := string(text)
	cells := make([]string, n*cols)
	t.Rows = make([][]string, n)
	start, next := 0, 0
	for r := range n {
		j := n - 1 - r
		row := cells[r*cols : (r+1)*cols]
		row[0] = s.monthNames[at(j)]
		if k > 1 {
			row[0] = s.periodName(g, s.Scores.Period(at(j)))
		}
		for c, l := range shown {
			if l.texts != nil {
				row[1+c] = l.texts[j]
				continue
			}
			row[1+c] = all[start:ends[next]]
			start = ends[next]
			next++
		}
		t.Rows[r] = row
	}
	return t
}

// column is a line's trend-table cells, oldest first.
func (s *site) column(gi, unit int, cells []score.Cell) []string {
	var text []byte
	ends := make([]int, len(cells))
	for i := range cells {
		text = s.appendCell(text, gi, unit, cells[i], s.Scores.Period(i))
		ends[i] = len(text)
	}
	all := string(text)
	out := make([]string, len(cells))
	start := 0
	for i, end := range ends {
		out[i], start = all[start:end], end
	}
	return out
}

// appendCell appends month p's trend-table cell of goal gi: its value,
// how many of its offices a roll-up's stands for when not all ("2,65 (22
// av 23 kontorer)"), why it has none where that is not that it is missing
// or hidden ("– (ufullstendig, 18 av 19 kontorer)", "– (kommer senere)" for a lagged goal's
// month not yet due, "– (fantes ikke)" for a month the unit did not
// exist), and whether it is recast from a successor's predecessors.
func (s *site) appendCell(b []byte, gi, unit int, c score.Cell, p model.Period) []byte {
	g := &s.Site.Goals[gi]
	b = s.appendNumber(b, g, c)
	switch {
	case c.Has():
		if cov := s.coverage(unit, gi, p); cov != "" {
			b = append(b, " ("...)
			b = append(b, cov...)
			b = append(b, ')')
		}
	case c.Status == score.Incomplete || c.Status == score.Uncomputable:
		b = append(b, " ("...)
		b = append(b, s.statuses[c.Status].lower...)
		if cov := s.coverage(unit, gi, p); cov != "" && c.Status == score.Incomplete {
			b = append(b, ", "...)
			b = append(b, cov...)
		}
		b = append(b, ')')
	case c.Status == score.Missing && !c.Recast && !s.Scores.Stands(g, unit, p):
		// A month before the unit began, after it ended or between two
		// of its lifetimes is not a result missing, unless figures of
		// the units it was made of stand for it then.
		b = append(b, " ("...)
		b = append(b, s.loc.T("not.existing")...)
		b = append(b, ')')
	case c.Status == score.Missing && g.Pending(p, s.Reported):
		b = append(b, " ("...)
		b = append(b, s.loc.T("not.due")...)
		b = append(b, ')')
	case c.Status == score.Suppressed && c.HiddenAt != score.NotAtSource:
		b = append(b, " ("...)
		b = append(b, s.hiddenAt[c.HiddenAt]...)
		b = append(b, ')')
	}
	// None was made of a share given as values: nothing to call recast.
	if c.Recast && c.Status != score.Uncomputable {
		b = append(b, " ("...)
		b = append(b, s.loc.T("recast")...)
		b = append(b, ')')
	}
	return b
}

func (s *site) summaryOf(unit int, link Link) UnitSummary {
	return UnitSummary{Link: link, Summary: s.summary(unit, s.Reported)}
}
