package render

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strings"
	"unicode"

	"github.com/a-h/templ"

	"github.com/malekort/malekort/internal/chart"
	"github.com/malekort/malekort/internal/model"
)

// The views below are what templates see. Numbers arrive formatted: a
// template never formats or compares one, so a site's own templates cannot
// get a rule or a rounding wrong.

// Link is a relative link.
type Link struct {
	Href, Text string
}

// Common is what every page has.
type Common struct {
	Lang        string
	SiteTitle   string
	Title       string
	Root        string // "", "../" or "../../": the way back to the site root
	Period      string // the reported month in words
	PeriodID    string // the reported month as YYYY-MM
	Breadcrumbs []Link // from the front page to the page's parent
	CSV         string // the CSV file that holds this page's rows (an office's are in its county's)
	CSVLabel    string // the link's words, which say when the file holds more than the page
	// CSVColumns says, on a Norwegian site, that the columns have English
	// names, the same on every site: its odd parts are those names, which
	// a page marks as English so that a screen reader says them so.
	CSVColumns []string
	Accent     string
	Privacy    string // what ":" means, when small numbers are suppressed
	Canonical  string // the page's published address, when base_url is set
}

// description is the page's description for a search engine: the site,
// the page and the month, the site named once on its front page, whose
// title is the site's.
func (c *Common) description() string {
	if c.Title == c.SiteTitle {
		return c.Title + ", " + c.Period
	}
	return c.SiteTitle + ": " + c.Title + ", " + c.Period
}

// PrintMargins is the @page rule that names the site, the page and its
// period in the margins of every printed sheet. It is made here, not in
// the layout: html/template refuses a colon in a CSS string ("NAV Vest:
// målekort" printed as #ZgotmplZ), where a string escaped for CSS is safe.
func (c Common) PrintMargins() template.CSS {
	return template.CSS(`@page { @top-left { content: "` + cssString(c.SiteTitle) + `"; } @top-right { content: "` +
		cssString(c.Title+" · "+c.Period) + `"; } @bottom-right { content: counter(page) " / " counter(pages); } }`)
}

// cssString is s as the inside of a quoted CSS string: letters, digits
// and spaces as they are, every other character as a CSS escape, so that
// nothing in it can end the string, the rule or the <style> element.
func cssString(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == ' ' || unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			continue
		}
		fmt.Fprintf(&b, "\\%x ", r)
	}
	return b.String()
}

// Status is a status as words and a symbol, never colour alone.
type Status struct {
	Name   string // a score.Status's name, for CSS
	Label  string
	lower  string // Label within a sentence: "(ufullstendig)"
	Symbol string
	badge  templ.Component // drawn once, when the site's statuses are made
}

// Summary counts a unit's goals by status.
type Summary struct {
	Green, Yellow, Red, Missing, Suppressed, Incomplete, Uncomputable, Total int
}

// Parts are the units a county's or the whole site's figure is made of,
// named ("kontorene") and counted by status.
type Parts struct {
	Of      string
	Summary Summary
}

// Row is a goal on a unit's scorecard.
type Row struct {
	GoalID string
	Goal   Link   // the goal's page
	Href   string // where the scorecard row links: the goal's section on a unit page, else its page
	Anchor string
	Local  string // the owning unit's name for a local goal
	Target string
	Source string // where the target comes from: "felles", "fylkets", "kontorets eget", …
	Yellow string
	Result string
	// AsOf is the period a result of a goal measured less often, or
	// later, belongs to: "2. tertial 2026", "2025", "august 2025".
	AsOf   string
	Size   string // a ratio's numerator and denominator, "67 av 120"
	Status Status
	// HiddenAt says, of a hidden result, what the source hid (see
	// score.Cell.HiddenAt): "skjult i kilden".
	HiddenAt string
	// Coverage says how many offices a county's or the whole site's
	// figure stands for, when not all reported ("12 av 17 kontorer").
	Coverage string
	// Parts counts by status the figures of a county's offices, or the
	// whole site's units, where its own is hidden or cannot be made and
	// some of theirs miss the target (score.Behind).
	Parts *Parts
	// YearToDate is the goal's figure for the year beside its result,
	// and its status, on a scorecard: "Hittil i år: 47,1 % (nesten)", or
	// in January "Året 2025: …" (score.GoalYearBeside).
	YearToDate string
	// Change is the change from last month as shown: "+2,9 p.p.".
	Change string
	// ChangeAmountSpoken is Change as a screen reader says it, where the
	// shown one has an abbreviation: "+2,9 prosentpoeng".
	ChangeAmountSpoken string
	ChangeWord         string // "better", "worse" or "unchanged", translated
	// ChangeFrom says what a change judged better or worse is from where
	// that is not the unit's own figure: "fra omregnet tall".
	ChangeFrom  string
	ChangeClass string
	ChangeArrow string // ▲ the value rose, ▼ it fell
	// ChangeSpoken is the change as a screen reader says it: "1,7
	// prosentpoeng bedre enn forrige måned".
	ChangeSpoken string
	// ChangeSince names what the change is from: "Endring fra forrige
	// måned", or for a goal measured by tertial or year the period
	// before: "Endring fra 2025".
	ChangeSince string
	// Signal judges the change against the unit's usual variation, in
	// words; Signalled is true when it is beyond it.
	Signal    string
	Signalled bool
	Note      string // in needs attention: why a green goal is there
	// Action says, in needs attention in the reported month, how many
	// measures are open for a red or yellow goal ("2 åpne tiltak");
	// Unanswered is true for a red goal with none.
	Action     string
	Unanswered bool
	Trend      template.HTML // a small inline SVG of the last months
}

// ResultAsOf is the result with the period it belongs to, where that is
// not the month's own: "4,6 · 2025".
func (r *Row) ResultAsOf() string {
	if r.AsOf == "" {
		return r.Result
	}
	return r.Result + " · " + r.AsOf
}

// Needs are the goals of a unit that need attention in a month: red,
// yellow, then those without a result to judge. Empty says why there are
// none: every goal met, or only hidden ones left.
type Needs struct {
	Rows  []Row
	Empty string
	// Unjudged names, below Rows or Empty, the goals whose figure is
	// hidden or cannot be made: nil where there are none, or where no
	// goal could be judged (Empty says so then).
	Unjudged Sentence
}

// Changes are what changed since last month on a unit's page: the goals
// whose status changed, and the largest moves either way.
type Changes struct {
	Status        []StatusChange
	Better, Worse []Row
	// None says why no status changed: none did, or the unit did not
	// exist the month before; "" where every goal is Uncompared.
	None string
	// Uncompared names the goals that had no status before to compare
	// with (see score.Changes.Uncompared), nil where there are none.
	Uncompared Sentence
	// Scorecard are the goals that came onto the scorecard, got a new
	// target without a new status, or left it.
	Scorecard []ScorecardChange
	// Offices says how a county's or the whole site's offices changed
	// (see officeMoves); Counties, on the whole site's, how its counties
	// did (see countyChanges).
	Offices  OfficeChanges
	Counties []Sentence
}

// OfficeChanges are how a unit's offices changed, a sentence each way,
// under a heading, with a note where its figures are of other offices.
type OfficeChanges struct {
	Heading, Note string
	Moves         []Sentence
	Count         string // "43 endringer" where the list is folded (see foldListAbove)
}

// ScorecardChange is a goal that changed on the scorecard, and how.
type ScorecardChange struct {
	Goal Link
	Text string
}

// StatusChange is a goal's status last month and now.
type StatusChange struct {
	Goal     Link
	From, To Status
	// Notes say what the status compares where a reader could not tell:
	// the periods of the two results where they are not the two months
	// ("fra oktober 2018 til november 2018" for a goal lagged two
	// months), where the two figures are not of one kind (see
	// changeOfKind), and how the target changed with the status.
	Notes []string
}

// Group is a perspective's rows.
type Group struct {
	Perspective string
	Rows        []Row
}

// Table is a chart's numbers for readers who cannot see the chart.
type Table struct {
	Caption string
	Head    []string
	Rows    [][]string // the first cell of a row is its header
}

// HTML is the table's markup.
func (t Table) HTML() (template.HTML, error) {
	return markup(t.component())
}

// tableRows are a table's rows, each cell escaped. They are written here,
// not in views.templ, because they leave out the end tags HTML lets them
// leave out (</th>, </td>, </tr>), which templ always writes: these
// tables are much of a unit page's bytes, and those tags much of the
// tables'. A row's header needs no scope either: in a table of one header
// row and one header column, browsers make a first cell <th> its row's
// header themselves. They are appended to one buffer and written at once,
// since a unit page has thousands of cells.
type tableRows [][]string

func (rows tableRows) Render(_ context.Context, w io.Writer) error {
	b := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(b)
	b.Reset()
	for _, row := range rows {
		b.WriteString("<tr>")
		for i, cell := range row {
			if i == 0 {
				b.WriteString("<th>")
			} else {
				b.WriteString("<td>")
			}
			b.WriteString(templ.EscapeString(cell))
		}
		b.WriteByte('\n')
	}
	_, err := w.Write(b.Bytes())
	return err
}

// jsonScript is a <script> element of JSON data for the page's script,
// escaped for the element (json.HTMLEscape: no "<", ">" or "&" that could
// end it). templ writes a <script> element's content only through
// templ.JSONScript, which would encode the JSON package chart made once
// more; the charts' JSON is a large part of a unit page.
type jsonScript struct {
	id   string
	data []byte
}

func (s jsonScript) Render(_ context.Context, w io.Writer) error {
	b := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(b)
	b.Reset()
	b.WriteString(`<script type="application/json" id="`)
	b.WriteString(templ.EscapeString(s.id))
	b.WriteString(`">`)
	json.HTMLEscape(b, s.data)
	b.WriteString("</script>")
	_, err := w.Write(b.Bytes())
	return err
}

// Chart is a chart with its explanation and tables.
type Chart struct {
	ID          string
	Height      int
	Title       string
	Description string
	Decimals    int
	Unit        string
	// AxisUnit names the value axis's unit: "%", "dager", "av 6"; "" for a
	// count.
	AxisUnit string
	// JSON is what the script draws the chart from; Layout, when set,
	// holds options the page's later charts share, written with the first.
	JSON   []byte
	Layout *chart.Layout
	Tables []Table
	Show   string // the label that opens the tables
}

// newChart makes the view of c.
func (s *site) newChart(c chart.Chart, layout *chart.Layout, g *model.Goal, title, description string, tables ...Table) *Chart {
	return &Chart{ID: c.ID, Height: c.Height, Title: title, Description: description, Decimals: g.Decimals, Unit: g.Unit,
		AxisUnit: s.axisUnit(g), JSON: c.JSON, Layout: layout, Tables: tables, Show: s.loc.T("chart.show")}
}

// axisUnit is the unit a goal's values are in, as its charts' value axis
// names it.
func (s *site) axisUnit(g *model.Goal) string {
	if g.Unit == "score" && g.Max != nil {
		return strings.ReplaceAll(s.loc.T("axis.of"), "{max}", s.loc.Number(*g.Max, 0))
	}
	return s.loc.UnitLabel(g.Unit)
}

// HTML is the chart's figure (see figure in views.templ).
func (c *Chart) HTML() (template.HTML, error) {
	return markup(c.figure())
}

// Section is a goal's detail on a unit page: its status and chart, and on
// an office's page its measures for the goal.
type Section struct {
	Row
	Title       string
	Description template.HTML
	Chart       *Chart
	Funnel      *Chart
	FunnelNote  string
	Measures    []MeasureRow
	LastYear    string // the value the same month (or tertial) last year
	// LastYearLabel names it: "Samme måned i fjor", "Samme tertial i fjor".
	LastYearLabel string
	// NotYet says, instead of a status, that the unit did not exist in the
	// period shown, on a county's section that compares its offices then.
	NotYet string
}

// Ended says that a unit no longer exists: Before, the successor's Link
// (when it merged), After.
type Ended struct {
	Before string
	Link   *Link
	After  string
}

// Sentence is a sentence with links in it: its parts in order, those
// without Href plain text.
type Sentence []Link

// FormerList is a list of units that no longer exist, under a heading.
type FormerList struct {
	Heading string
	Links   []Link
	Count   string // "92 enheter" where the list is folded (see foldListAbove)
}

// UnitSummary is a county or office in a list, with its status summary.
type UnitSummary struct {
	Link
	Summary   Summary
	Commented bool
	NewLink   string // where to create the missing commentary, if new_url is set
	// Unanswered counts an office's red goals that no open measure
	// answers, in words ("2 røde mål uten tiltak"), or "".
	Unanswered string
}

// MeasureRow is a measure with its life, as of the reported month.
type MeasureRow struct {
	MeasureView
	ID      string
	Office  Link
	Overdue string // "forfalt" when overdue, else ""
	Life    string // "startet juli 2026", "fullført september 2026"
	// On its office's page: its goal's value when it began and now, and
	// the change judged (see officeEffect).
	Effect string
	// In a list of several offices' measures: the month it started, the
	// month it was done or its due date, the office's value for the goal
	// in the month it started and now, and the change judged.
	Started, Ended, Before, Now, Judged string
}

// MeasureGroup is a goal's measures in a list of several offices'.
type MeasureGroup struct {
	Goal Link
	Rows []MeasureRow
}

// MeasureList is an office's measures on its page: the open ones, and
// those done in the last three months.
type MeasureList struct {
	Open, Done []MeasureRow
}

// Judged reports whether a measure of the list says what followed it.
func (l MeasureList) Judged() bool {
	for _, rows := range [][]MeasureRow{l.Open, l.Done} {
		for i := range rows {
			if rows[i].Effect != "" {
				return true
			}
		}
	}
	return false
}

// MeasureView is a measure in a commentary.
type MeasureView struct {
	Goal   Link
	Text   string
	Status string // planned, started, done: for CSS
	Label  string
	Due    string
}

// CommentaryView is an office's commentary for a month.
type CommentaryView struct {
	Period string
	Byline
	Body     template.HTML
	Measures []MeasureRow
}

// Byline is who wrote a text and when, and where to edit it, those the
// site knows.
type Byline struct {
	Author  string
	Date    string // in words
	ISODate string
	EditURL string
}

// FrontPage is index.html.
type FrontPage struct {
	Common
	Tertials  []Link // the unit's tertial reports, newest first
	WholeName string // the whole site's figures' name
	Intro     template.HTML
	IntroBy   Byline // the front page text's author and date, and where to edit it
	Summary   Summary
	Needs     Needs   // what needs attention for the whole site
	Changes   Changes // the whole site's, since last month
	Counties  []CountyEntry
	Groups    []Group
	Former    []Link // the counties and offices that no longer exist
}

// CountyEntry is a county on the front page, with its offices for the finder.
type CountyEntry struct {
	UnitSummary
	Offices []UnitSummary
	// Folded: the offices are folded under their number ("31 kontorer"),
	// the front page having too many to scroll past to the whole site's
	// scorecard.
	Folded bool
	Count  string
}

// Standing is how a county or an office stands on its page, in the month
// the page shows: the reported month, or an ended unit's last.
type Standing struct {
	Tertials    []Link // the unit's tertial reports, newest first
	Summary     Summary
	Needs       Needs
	Changes     Changes
	PrintCharts []PrintChart // the printed page's charts of the goals that need attention
	PrintLeft   string       // how many of them the handout leaves out, when any
	NoResults   string       // said at the top when the unit has no results for the month
	History     []Sentence   // its gaps and splits (see site.history)
	Ended       *Ended
	Groups      []Group
}

// CountyPage is <county>/index.html.
type CountyPage struct {
	Common
	Standing
	Name   string
	Text   template.HTML
	TextBy Byline // the text's author and date, and where to edit it
	Former []Link // offices that ended in the county; an ended county's offices of its last month
	// FormerHeading is Former's: "Tidligere kontorer", or for an ended
	// county "Kontorene i desember 2019".
	FormerHeading string
	Sections      []Section
	Offices       []UnitSummary
	NotCommented  []UnitSummary
	Measures      []MeasureGroup // the offices' measures by goal
	// MeasureCounts are how many of them are open by goal, in words
	// ("Overgang til arbeid: 3 åpne tiltak hos kontorene"): what the
	// handout prints instead of the lists.
	MeasureCounts string
	Matrix        Matrix
	// YearMatrix is the offices against the goals over the year to date
	// (the whole year in December), as a tertial report's matrix is.
	YearMatrix SpanMatrix
}

// Matrix is a county's offices against its goals in the reported month.
type Matrix struct {
	Caption string
	// Unanswered heads the column of each office's red goals without an
	// open measure.
	Unanswered string
	Order      string // how the rows are ordered, in words
	Goals      []GoalColumn
	Rows       []MatrixRow
}

// GoalColumn heads a matrix's column of a goal: a link to its page, and
// the period its figures belong to where that is not the matrix's (a
// goal measured late, or once a year).
type GoalColumn struct {
	Link
	Period string
}

// Named is the column's goal with its period, where it has one of its
// own: "Overgang til arbeid (november 2018)".
func (g GoalColumn) Named() string { return g.Text + g.After() }

// After is what follows the goal's name: its period in brackets, or
// nothing.
func (g GoalColumn) After() string {
	if g.Period == "" {
		return ""
	}
	return " (" + g.Period + ")"
}

// MatrixRow is an office's row of the matrix; a cell of a goal the office
// does not have is nil.
type MatrixRow struct {
	Office Link
	Cells  []*MatrixCell
	// Unanswered is how many of the office's red goals no open measure
	// answers.
	Unanswered int
}

// MatrixCell is an office's status and value for a goal, and whether its
// change from last month is a signal.
type MatrixCell struct {
	Status Status
	Value  string
	Signal string
}

// OfficePage is <county>/<office>/index.html.
type OfficePage struct {
	Common
	Standing
	Name       string
	County     Link
	Sections   []Section
	Commentary *CommentaryView
	Measures   MeasureList
	NewLink    string
	// NoCommentary says, for an ended office without commentary of its
	// last month, that none was written: no invitation to write it.
	NoCommentary string
	Later        []Link // commentary of months after the page's
	Other        []Link // commentary of months before it
	All          string // the office's commentary page, when it has one
}

// CommentaryPage is <county>/<office>/commentary.html: all of an office's
// commentary, newest first, each with how the office stood that month.
type CommentaryPage struct {
	Common
	Name    string
	Office  Link
	Entries []CommentaryEntry
}

// CommentaryEntry is one month on a CommentaryPage. ID is the month
// (YYYY-MM), the fragment the office page links to; Heading is the month
// as a heading ("September 2026"), Month as in a sentence.
type CommentaryEntry struct {
	ID, Heading, Month string
	Commentary         CommentaryView
	Summary            Summary
	Needs              Needs
	// Later, for a month after the reported one, says its results are
	// not in the site yet, in place of Summary and Needs.
	Later string
}

// GoalPage is goals/<goal>/index.html.
type GoalPage struct {
	Common
	WholeName string
	Row
	Title       string
	Description template.HTML
	Facts       []string
	Ranked      []Ranked
	// Shown is the period the ranked results belong to: the reported
	// month, or the period a goal measured less often, or later, shows.
	Shown    string
	ByChance string // how offices are ordered when chance orders them
	ByTarget string // how a sum's offices are ordered: by value over their own target
	// NoneRanked says why Ranked is empty: no office has the goal on its
	// scorecard for Shown.
	NoneRanked string
	Chart      *Chart
	Funnel     *Chart
	FunnelNote string         // why there is no funnel plot
	Measures   []MeasureGroup // every office's measures for the goal, one unheaded group
}

// Ranked is an office on a goal's ranking.
type Ranked struct {
	Rank   string // its place, or for a funnel goal its assessment against chance
	Office Link
	County string
	Result string
	Size   string
	Target string
	// Source is where the target comes from, with the chain above it when
	// it is not the common one ("kontorets eget; fylket 80,0 %, felles 75,0 %").
	Source string
	Status Status
}
