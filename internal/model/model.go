package model

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/malekort/malekort/internal/diag"
)

// Period is a calendar month, counted as months since January of year 0 so
// that consecutive months are consecutive integers.
type Period int32

// FirstYear and LastYear bound the years of a period: a month outside
// them is a slip of the keyboard, and taken as it is (9999-12) it would
// make every series of the site thousands of years long.
const FirstYear, LastYear = 1900, 2199

// Largest bounds the size of a number malekort reads, a result or a
// target: beyond it a float64 no longer holds every whole number, and no
// office's figure comes near it.
const Largest = 1e15

// ThisMonth is the month it is now: results of a later one have not come.
func ThisMonth() Period {
	now := time.Now()
	return Period(now.Year()*12 + int(now.Month()) - 1)
}

// ParsePeriod reads "YYYY-MM", in the years FirstYear to LastYear.
func ParsePeriod(s string) (Period, bool) {
	if len(s) != 7 || s[4] != '-' {
		return 0, false
	}
	y, m := 0, 0
	for i, c := range []byte(s) {
		if i == 4 {
			continue
		}
		if c < '0' || c > '9' {
			return 0, false
		}
		if i < 4 {
			y = y*10 + int(c-'0')
		} else {
			m = m*10 + int(c-'0')
		}
	}
	if m < 1 || m > 12 || y < FirstYear || y > LastYear {
		return 0, false
	}
	return Period(y*12 + m - 1), true
}

// Year returns the period's year.
func (p Period) Year() int { return int(p) / 12 }

// Month returns the period's month, 1 to 12.
func (p Period) Month() int { return int(p)%12 + 1 }

func (p Period) String() string {
	y, m := p.Year(), p.Month()
	return string([]byte{byte('0' + y/1000%10), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-', byte('0' + m/10), byte('0' + m%10)})
}

// WrittenLongAfter reports whether a text of month p dated date
// (YYYY-MM-DD) was written more than a year after the month: as often a
// slip of the year as a month written up long after.
func (p Period) WrittenLongAfter(date string) bool { return date >= (p+13).String()+"-01" }

// Lifetime is the months a unit exists: from From to Until, either open
// (0) at its end.
type Lifetime struct {
	From, Until Period
}

// Alive reports whether the unit exists in month p.
func (l Lifetime) Alive(p Period) bool {
	return (l.From == 0 || p >= l.From) && (l.Until == 0 || p <= l.Until)
}

// Life is one of the lifetimes of a unit that comes back, and what
// became of the unit after it: merged into one unit, split into several
// (each of which then exists the month after Until), or neither.
type Life struct {
	Lifetime
	MergedInto string
	SplitInto  []string
	Pos        diag.Pos
}

// aliveIn reports whether a unit of lifetime span, and lives when it has
// several, exists in month p: in the gap between two it does not.
func aliveIn(span Lifetime, lives []Life, p Period) bool {
	if !span.Alive(p) {
		return false
	}
	if lives == nil {
		return true
	}
	for i := range lives {
		if lives[i].Alive(p) {
			return true
		}
	}
	return false
}

// mergedBy is the unit that a unit merged into by month p, when it does
// not exist then: the merged_into of its latest lifetime that ended
// before p; "" when it exists, or ended otherwise.
func mergedBy(span Lifetime, mergedInto string, lives []Life, p Period) string {
	into, _ := endedBy(span, mergedInto, nil, lives, p)
	return into
}

// endedBy is how a unit that does not exist in month p last ended before
// it: the merged_into or split_into of its latest lifetime that ended
// before p; neither when it exists, or closed.
func endedBy(span Lifetime, mergedInto string, splitInto []string, lives []Life, p Period) (string, []string) {
	if lives == nil {
		if span.Until == 0 || p <= span.Until {
			return "", nil
		}
		return mergedInto, splitInto
	}
	into, split := "", []string(nil)
	for i := range lives {
		switch l := &lives[i]; {
		case l.Alive(p):
			return "", nil
		case l.Until != 0 && l.Until < p:
			into, split = l.MergedInto, l.SplitInto
		}
	}
	return into, split
}

// Change is a unit's new name, or an office's new county, from a month on.
type Change struct {
	From         Period
	County, Name string
	Pos          diag.Pos
}

// County is a county office (fylke) with its id and name. Codes are the
// numbers NAV's tables key it by (46 Vestland), if any. A county that
// ends is MergedInto its successor from the month after Until, and its
// offices follow it there unless their own changes say otherwise; or it
// is SplitInto several, and its offices say where they go. A county that
// comes back has Lives (see Office).
type County struct {
	ID, Name   string
	Codes      []string
	Lifetime   Lifetime
	MergedInto string
	SplitInto  []string
	Lives      []Life
	Changes    []Change // renames, oldest first
	Pos        diag.Pos
}

// Office is a local NAV office belonging to a county. Codes are the
// municipality numbers NAV's tables key it by (4601 Bergen): several for
// an office that serves several municipalities. County is the county it is
// listed under; Changes may move it to another from a month on. A unit
// that comes back has its lifetimes in Lives, oldest first; then
// Lifetime spans them, and MergedInto and SplitInto are the last one's.
// A unit of one lifetime has no Lives.
type Office struct {
	ID, Name, County string
	Codes            []string
	Lifetime         Lifetime
	MergedInto       string
	SplitInto        []string
	Lives            []Life
	Changes          []Change // moves and renames, oldest first
	Pos              diag.Pos
}

// Alive reports whether the county exists in month p.
func (c *County) Alive(p Period) bool { return aliveIn(c.Lifetime, c.Lives, p) }

// Alive reports whether the office exists in month p.
func (o *Office) Alive(p Period) bool { return aliveIn(o.Lifetime, o.Lives, p) }

// nearestIn is the month of a unit's lifetime l (spanning its lives,
// oldest first) nearest month p: p where it exists then, its last month
// where it ended before p, the last month of the life before where p
// lies between two, its first where it begins after p.
func nearestIn(l Lifetime, lives []Life, p Period) Period {
	if l.Until != 0 && p > l.Until {
		p = l.Until
	}
	if l.From != 0 && p < l.From {
		p = l.From
	}
	for i := len(lives) - 1; i >= 0; i-- {
		if lives[i].Alive(p) {
			break
		}
		if lives[i].Until != 0 && lives[i].Until < p {
			return lives[i].Until
		}
	}
	return p
}

// Nearest is the county's month nearest month p (see nearestIn): the
// organisation its page shows when p is reported.
func (c *County) Nearest(p Period) Period { return nearestIn(c.Lifetime, c.Lives, p) }

// Nearest is the office's month nearest month p (see nearestIn): the
// month its page and what followed its measures show when p is reported.
func (o *Office) Nearest(p Period) Period { return nearestIn(o.Lifetime, o.Lives, p) }

// nameAt is a unit's name in month p.
func nameAt(name string, changes []Change, p Period) string {
	for _, c := range changes {
		if c.Name != "" && c.From <= p {
			name = c.Name
		}
	}
	return name
}

// NameAt is the county's name in month p.
func (c *County) NameAt(p Period) string { return nameAt(c.Name, c.Changes, p) }

// NameAt is the office's name in month p.
func (o *Office) NameAt(p Period) string { return nameAt(o.Name, o.Changes, p) }

// Rename is a unit's change of name: it was called Before from Since (0
// where it had that name from the start) until Until, its last month
// under that name, and has its new name from At, after a gap between its
// lifetimes or not.
type Rename struct {
	Since, At, Until Period
	Before           string
}

// Renames are the county's changes of name, oldest first.
func (c *County) Renames() []Rename { return renames(c.Name, c.Changes, c.Lifetime, c.Lives) }

// Renames are the office's changes of name, oldest first.
func (o *Office) Renames() []Rename { return renames(o.Name, o.Changes, o.Lifetime, o.Lives) }

func renames(name string, changes []Change, span Lifetime, lives []Life) []Rename {
	var out []Rename
	var since Period
	for _, c := range changes {
		if c.Name == "" || c.Name == name {
			continue
		}
		var until Period // 0 where it never had the old name
		if aliveIn(span, lives, c.From-1) {
			until = c.From - 1
		}
		for _, l := range lives {
			if l.Until != 0 && l.Until < c.From {
				until = max(until, l.Until)
			}
		}
		if until != 0 {
			out = append(out, Rename{Since: since, At: c.From, Until: until, Before: name})
		}
		name, since = c.Name, c.From
	}
	return out
}

// Goal is a scorecard goal with its thresholds.
type Goal struct {
	ID          string
	Title       string
	Description string
	// DescriptionLinks are its description's links to the site's pages
	// and CSV files (see Text.PageLinks), read from the site's top folder.
	DescriptionLinks []PageLink
	Perspective      string
	Unit             string // "percent", "days", "count", "score" or "nok"
	Direction        string // "higher" or "lower": which is better
	Target           float64
	Yellow           float64
	Aggregate        string // "ratio", "mean" or "sum"
	Decimals         int
	Owner            string // a county or office id for a local goal, "" for all units
	// Persons says the value counts people, so a small one is suppressed.
	Persons bool
	// Stock says a sum goal's value is a level at a point in time (helt
	// ledige at the month's end), not a flow over the month: its units
	// add up, its months do not, so a span's figure is its months' mean.
	Stock bool
	// Min and Max bound a plausible value; nil for no bound.
	Min, Max *float64
	// Frequency is how often the goal is measured: "month", "tertial" or
	// "year". A result belongs to its period's last month, and Lag months
	// after it is when it is due.
	Frequency string
	Lag       int
	// Life is the months the goal is on the scorecard; open at either end
	// (0) by default.
	Life Lifetime
	// resultsFrom is where a goal without a from is followed from: where
	// the site's results of its kind of goal begin (see
	// Site.FollowGoalsFromResults); 0 for any other goal.
	resultsFrom Period
	// Schedule changes Target and Yellow from its steps' months on,
	// oldest first; before the first, Target and Yellow hold.
	Schedule  []Step
	Overrides []Override
	// Pos is its [[goal]] header, and KeyLines the line of each key
	// written in its table (see At).
	Pos      diag.Pos
	KeyLines map[string]int
}

// At is where the first of keys written in the goal's table is, for an
// error about its value; the table's header where none is.
func (g *Goal) At(keys ...string) diag.Pos {
	p := g.Pos
	for _, k := range keys {
		if line := g.KeyLines[k]; line > 0 {
			p.Line = line
			break
		}
	}
	return p
}

// PeriodMonths is how many months one of the goal's periods spans.
func (g *Goal) PeriodMonths() int {
	switch g.Frequency {
	case "tertial":
		return 4
	case "year":
		return 12
	}
	return 1
}

// EndsPeriod reports whether month p is the last of one of the goal's
// periods, the month its result belongs to: every month of a monthly
// goal, April, August and December of a tertial goal's, December of a
// yearly goal's.
func (g *Goal) EndsPeriod(p Period) bool { return p.Month()%g.PeriodMonths() == 0 }

// PeriodEndOf is the last month of the goal's period that month p is in:
// p for a monthly goal, April 2026 for a tertial goal's February 2026.
func (g *Goal) PeriodEndOf(p Period) Period {
	n := g.PeriodMonths()
	return p + Period((n-p.Month()%n)%n)
}

// DueBy is the last month of the goal's latest period whose result is
// due by month p: Lag months after the period ended. A month's scorecard
// shows that period's result.
func (g *Goal) DueBy(p Period) Period {
	q := p - Period(g.Lag)
	return q - Period(q.Month()%g.PeriodMonths())
}

// JudgedPeriod is the period whose result month p's scorecard shows (see
// DueBy), or, where that lies before the goal begins, the goal's first:
// the period whose target the goal is judged by.
func (g *Goal) JudgedPeriod(p Period) Period {
	end := g.DueBy(p)
	for end < g.Life.From {
		end += Period(g.PeriodMonths())
	}
	return end
}

// Followed reports whether the goal is followed in month p: p is in its
// life and, for a goal without a from, not before the site's results of
// its kind of goal begin.
func (g *Goal) Followed(p Period) bool { return g.Life.Alive(p) && p >= g.resultsFrom }

// FollowedFrom is the first month the goal is followed in (see
// Followed); 0 where it has no first.
func (g *Goal) FollowedFrom() Period { return max(g.Life.From, g.resultsFrom) }

// AggregatesSpanFrom reports whether the goal has an aggregate over a
// span of months that begins in month first: not over one that begins
// before the site's results of its kind of goal do, as the site publishes
// no span that begins before its first month, so that older results of a
// yearly goal leave the monthly goals' aggregates as they were. A goal
// begun by its from has one over the months of the span in its life.
func (g *Goal) AggregatesSpanFrom(first Period) bool { return first >= g.resultsFrom }

// FollowGoalsFromResults has each goal without a from followed from the
// first period its kind of goal (measured every month, by the tertial or
// by the year) has a result due in: where the site's results of such
// goals begin. Those of one kind begin the site's months earlier than
// another's (a yearly goal's results of earlier years, say); without
// this every goal of the other kind was missing in them, for every unit,
// though nobody had followed it there, and those months read as failures
// to report. A goal whose results begin after others' of its kind is
// missing until they do, as a goal is that someone forgot to give; no
// result is before its goal is followed. A kind without results is
// followed from where the site's results begin: a yearly goal added
// before its first result is not missing for the year before them.
func (s *Site) FollowGoalsFromResults() {
	// By the months of a kind's periods (1, 4, 12), and 0 for any kind;
	// no month is Period 0.
	var firstDue [13]Period
	earlier := func(k int, due Period) {
		if firstDue[k] == 0 || due < firstDue[k] {
			firstDue[k] = due
		}
	}
	for i := range s.Results {
		r := &s.Results[i]
		due := s.Due(r)
		earlier(s.Goals[r.Goal].PeriodMonths(), due)
		earlier(0, due)
	}
	for i := range s.Goals {
		g := &s.Goals[i]
		first := firstDue[g.PeriodMonths()]
		if first == 0 {
			first = firstDue[0]
		}
		if first != 0 && g.Life.From == 0 {
			// From the first month of the goal's period that was due then.
			end := first - Period(g.Lag)
			g.resultsFrom = end - end%Period(g.PeriodMonths())
		}
	}
}

// Pending reports whether the goal's result for month p is still to
// come as of month reported: p ends one of its periods while it is
// followed (see Followed), and the result is due after reported.
func (g *Goal) Pending(p, reported Period) bool {
	return g.Followed(p) && g.EndsPeriod(p) && p+Period(g.Lag) > reported
}

// ShownIn reports whether month p's scorecard shows the goal: the period
// whose result it would show (see DueBy) is one it is followed in. So a
// yearly goal that begins in 2025 is on the scorecard from December 2025,
// when its first result is due, and one lagged six months that ends in
// 2024 until June 2025, when its last is.
func (g *Goal) ShownIn(p Period) bool { return g.Followed(g.DueBy(p)) }

// Delayed reports whether a month's scorecard shows the goal's result of
// an earlier period: a goal measured less often than monthly, or later.
func (g *Goal) Delayed() bool { return g.PeriodMonths() > 1 || g.Lag > 0 }

// PeriodName names the goal's period that ends in month end: "2025",
// "2026-T2", "2026-04".
func (g *Goal) PeriodName(end Period) string {
	switch g.PeriodMonths() {
	case 12:
		return strconv.Itoa(end.Year())
	case 4:
		return strconv.Itoa(end.Year()) + "-T" + strconv.Itoa(end.Month()/4)
	}
	return end.String()
}

// ParseGoalPeriod reads a result's period for a goal measured every
// months months (see PeriodMonths) as the period's last month: a month
// "YYYY-MM"; a year "YYYY", or its December "YYYY-12"; a tertial
// "YYYY-Tn" or "YYYYTn".
func ParseGoalPeriod(s string, months int) (Period, bool) {
	switch months {
	case 12:
		if p, ok := ParsePeriod(s); ok {
			return p, p.Month() == 12
		}
		p, ok := ParsePeriod(s + "-12")
		return p, ok && len(s) == 4
	case 4:
		year, n, ok := strings.Cut(s, "T")
		year = strings.TrimSuffix(year, "-")
		if !ok || len(year) != 4 || len(n) != 1 || n < "1" || n > "3" {
			return 0, false
		}
		p, ok := ParsePeriod(year + "-01")
		return p + Period(4*int(n[0]-'0')-1), ok
	}
	return ParsePeriod(s)
}

// Step is a goal's target and yellow bound from a month on.
type Step struct {
	From           Period
	Target, Yellow float64
	Pos            diag.Pos
}

// TargetAt is the goal's own target and yellow bound in month p, and the
// month its schedule put them in force (0 for the goal's Target and
// Yellow, which have no beginning).
func (g *Goal) TargetAt(p Period) (target, yellow float64, since Period) {
	target, yellow = g.Target, g.Yellow
	for _, st := range g.Schedule {
		if st.From <= p {
			target, yellow, since = st.Target, st.Yellow, st.From
		}
	}
	return target, yellow, since
}

// OverrideAt is unit's own override in force in month p: of its
// overrides that began by then, the latest; nil for none.
func (g *Goal) OverrideAt(unit string, p Period) *Override {
	var in *Override
	for i := range g.Overrides {
		o := &g.Overrides[i]
		if o.Unit == unit && o.From <= p && (in == nil || o.From >= in.From) {
			in = o
		}
	}
	return in
}

// TargetChanges are the months in which a target of the goal changes:
// its schedule's steps and its dated overrides.
func (g *Goal) TargetChanges() []Period {
	var out []Period
	for _, st := range g.Schedule {
		out = append(out, st.From)
	}
	for _, o := range g.Overrides {
		if o.From != 0 {
			out = append(out, o.From)
		}
	}
	return out
}

// HigherIsBetter reports the goal's direction.
func (g *Goal) HigherIsBetter() bool { return g.Direction == "higher" }

// ChangeIsBetter reports whether a change of d, not 0, in the goal's
// value is for the better.
func (g *Goal) ChangeIsBetter(d float64) bool { return (d > 0) == g.HigherIsBetter() }

// DefaultBounds are the bounds a goal's unit gives its values: a percent
// lies from 0 to 100, counts, days and money are not negative.
func (g *Goal) DefaultBounds() (lo, hi *float64) {
	zero, hundred := 0.0, 100.0
	switch g.Unit {
	case "percent":
		return &zero, &hundred
	case "count", "days", "nok":
		return &zero, nil
	}
	return nil, nil
}

// Whole reports whether the goal's values are whole numbers: counts, and
// counts of people.
func (g *Goal) Whole() bool {
	return (g.Unit == "count" || g.Persons) && g.Aggregate == "sum"
}

// AppliesTo reports whether the goal is on the scorecard of unit, an
// office (with its county) or a county (county "").
func (g *Goal) AppliesTo(unit, county string) bool {
	return g.Owner == "" || g.Owner == unit || (county != "" && g.Owner == county)
}

// RatioValue is the value of a ratio: a percentage for percent goals.
func (g *Goal) RatioValue(num, den float64) float64 {
	if g.Unit == "percent" {
		return 100 * num / den
	}
	return num / den
}

// Override is a county's or office's own target for a goal, from month
// From on (0: from the start).
type Override struct {
	Unit           string
	From           Period
	Target, Yellow float64
	Pos            diag.Pos
}

// Result is one row of a results CSV. Unit and Goal index Site.Units and
// Site.Goals; the rows of a large site run to millions, so they hold no
// strings, and their fields are packed into 48 bytes.
type Result struct {
	Period Period
	Unit   int32
	Goal   int32
	Line   int32
	File   int16 // index into Site.ResultFiles, for error positions
	// Code is 1 + the index of the unit's code the row named it by, 0
	// when it named the unit's id.
	Code int16
	// Sheet is 1 + the index into Site.ResultSheets[File] of the
	// workbook's sheet the row is on, 0 for a CSV file's row.
	Sheet    uint8
	HasValue bool
	HasRatio bool
	// Suppressed is a row whose figure the publisher hid (NAV's "*"): it
	// was reported, but has no numbers.
	Suppressed  bool
	Value       float64
	Numerator   float64
	Denominator float64
}

// A HiddenTotal is a county's figure for a goal that a part hidden at
// source (NAV's "*") hid in some months, the county having no row of its
// own then: a row for the county, as NAV publishes its counties' figures,
// would show it.
type HiddenTotal struct {
	County, Goal int
	Months       []Period // oldest first, up to the reported month
	// Whole is whether the whole site's figure is hidden in one of them
	// too.
	Whole bool
	// Row is a row hidden at source of one of the county's offices in the
	// first of the months (an index into Site.Results).
	Row int
}

// TiedTotal is a county's own figure of a goal of people that score hid
// in Months, though a row of the county's own gives it, because Office,
// one of its offices then, has no figure of the goal while another goal
// of people hides the office's month: the county's figure less its other
// offices' would give that back. Row is the county's own row of the
// first month (an index into Site.Results).
type TiedTotal struct {
	County, Goal, Office, Row int
	Months                    []Period
}

// HiddenTogether is a county's own row of a goal of people that
// suppression hid in Months only because other goals of people hide the
// county's month, or a figure its row would give back: With is the goal
// that hid the first month by its own rules, or -1 where none did. Row is
// the county's own row of the first month (an index into Site.Results).
type HiddenTogether struct {
	County, Goal, With, Row int
	Months                  []Period
}

// ResultPos is where r is in its file, as errors and notices name it:
// the line of a CSV file, the sheet and row of a workbook.
func (s *Site) ResultPos(r *Result) diag.Pos {
	pos := diag.Pos{Path: s.ResultFiles[r.File], Line: int(r.Line)}
	if r.Sheet > 0 {
		pos.Sheet = s.ResultSheets[r.File][r.Sheet-1]
	}
	return pos
}

// Text is a markdown page written by a leader: the front page or a county's.
type Text struct {
	Path     string
	Body     []byte
	BodyLine int // the line of Path on which Body starts
	// Author and Date (YYYY-MM-DD) are who wrote it and when, as its front
	// matter says; "" where it does not.
	Author, Date string
	// Files are the files under content/ that the text shows or links, by
	// path relative to content/; they are published at that path.
	Files []string
	// PageLinks are its links to the site's pages and CSV files, which
	// only the built site can tell are there.
	PageLinks []PageLink
}

// PageLink is a link to a page or CSV file of the site, as written, and
// where it is written. Fragment is the place on the page it names, after
// its #, if any.
type PageLink struct {
	Target   string
	Fragment string
	Pos      diag.Pos
}

// Measure is a tiltak decided in a commentary. ID is the measure's own
// id, the same in every commentary of its office that names it; without
// one it is made from its goal and text (see MeasureID).
type Measure struct {
	ID     string
	Goal   string
	Text   string
	Status string   // one of MeasureStatuses
	Due    string   // YYYY-MM-DD or ""
	Pos    diag.Pos // its [[measure]] line
	// GoalPos and StatusPos are where its goal and status are written,
	// for what is said of them.
	GoalPos, StatusPos diag.Pos
}

// MeasureStatuses are how far a measure has come.
var MeasureStatuses = []string{"planned", "started", "done"}

// Commentary is an office's commentary for one period.
type Commentary struct {
	Office   string
	Period   Period
	Measures []Measure
	Text
}

// Said reports whether c has text. One of measures alone, as new
// commentary leaves it until its text is written, tells how the measures
// stand, and is no commentary of its month: its office is without one.
func (c *Commentary) Said() bool { return len(bytes.TrimSpace(c.Body)) > 0 }

// Empty reports whether c says nothing: no text and no measures.
func (c *Commentary) Empty() bool { return !c.Said() && len(c.Measures) == 0 }

// Site is everything read from a site's data and content folders.
type Site struct {
	Counties []County
	Offices  []Office
	Goals    []Goal

	// Units lists every office then every county, the ids that a result's
	// unit column may name, numbered as OfficeUnit and CountyUnit say.
	Units       []string
	ResultFiles []string
	// ResultSheets are, by file, a workbook's sheets that hold results.
	ResultSheets [][]string
	// ResultPointLines are, by file, the line on which a CSV file showed
	// that it writes decimals with a point, 0 where none did: it tells
	// why "4.470" there is 4.47, not 4 470.
	ResultPointLines []int
	Results          []Result

	Front      *Text
	CountyText map[string]*Text
	Commentary []Commentary
	// Files are the contents of every file a text uses, by path relative
	// to content/.
	Files map[string][]byte
}

// Units are numbered offices first, in the order of Site.Offices, then
// counties, then the whole site: results, scores and exports all index
// units so.

// NumberUnits fills Units from the offices and counties.
func (s *Site) NumberUnits() {
	s.Units = make([]string, 0, s.WholeUnit())
	for _, o := range s.Offices {
		s.Units = append(s.Units, o.ID)
	}
	for _, c := range s.Counties {
		s.Units = append(s.Units, c.ID)
	}
}

// OfficeUnit, CountyUnit and WholeUnit are the numbers of the i-th office,
// the i-th county and the whole site.
func (s *Site) OfficeUnit(i int) int { return i }
func (s *Site) CountyUnit(i int) int { return len(s.Offices) + i }
func (s *Site) WholeUnit() int       { return len(s.Offices) + len(s.Counties) }

// NUnits is the number of units, the whole site included.
func (s *Site) NUnits() int { return s.WholeUnit() + 1 }

// County returns the county with id, or nil.
func (s *Site) County(id string) (int, *County) {
	for i := range s.Counties {
		if s.Counties[i].ID == id {
			return i, &s.Counties[i]
		}
	}
	return -1, nil
}

// CountyAt is the id of the county office o belongs to in month p: the
// county it is listed under, moved by its changes, and followed through
// the mergers of counties that had ended by p. The office need not exist
// in p.
func (s *Site) CountyAt(o int, p Period) string {
	off := &s.Offices[o]
	county := off.County
	for _, c := range off.Changes {
		if c.County != "" && c.From <= p {
			county = c.County
		}
	}
	for range s.Counties {
		_, c := s.County(county)
		if c == nil {
			break
		}
		next := mergedBy(c.Lifetime, c.MergedInto, c.Lives, p)
		if next == "" {
			break
		}
		county = next
	}
	return county
}

// OfficeMoveKind is how an office came into a county's or the whole
// site's figures or left them.
type OfficeMoveKind int

const (
	CameFrom       OfficeMoveKind = iota // from another county
	CameInto                             // from another county, into one of its offices
	CamePartlyInto                       // split, in another county, partly into its offices
	Opened                               // an office that did not exist before
	MovedTo                              // to another county
	MergedInto                           // an office that went into another
	SplitInto                            // an office divided among others
	Closed                               // an office that no longer exists
)

// OfficeMove is a group of offices that came into a unit's figures or
// left them the same way, from or to the same county and offices.
type OfficeMove struct {
	Kind OfficeMoveKind
	// Other is the county they came from (CameFrom, CameInto,
	// CamePartlyInto) or went to (MovedTo), or, for a merger into an
	// office of another county, that county.
	Other string
	// Into are the offices they merged into or were split among: of the
	// unit's for CameInto.
	Into    []string
	Offices []int // indexes into Site.Offices, in their order
}

// OfficeMoves is how county's offices, or with county "" the whole
// site's, changed from the month before p to p, grouped by kind, other
// county and offices, in that order: its figures before and after are of
// other offices. A county that began in p with a merger compares with
// the counties merged into it; one that began with a split with the
// offices it began with, so none came or went.
func (s *Site) OfficeMoves(county string, p Period) []OfficeMove {
	was := []string{county} // the counties whose offices county's figure of p-1 was of
	if c, _ := s.County(county); c >= 0 && !s.UnitAlive(s.CountyUnit(c), p-1) {
		// Those that ended as it began, not before nor after.
		endedThen := func(id string) bool {
			u := slices.Index(s.Units, id)
			return s.UnitAlive(u, p-1) && !s.UnitAlive(u, p)
		}
		if slices.ContainsFunc(s.SplitFrom(county), endedThen) {
			return nil
		}
		was = slices.DeleteFunc(s.Predecessors(county), func(id string) bool { return !endedThen(id) })
	}
	var moves []OfficeMove
	add := func(kind OfficeMoveKind, other string, into []string, o int) {
		for i := range moves {
			if moves[i].Kind == kind && moves[i].Other == other && slices.Equal(moves[i].Into, into) {
				moves[i].Offices = append(moves[i].Offices, o)
				return
			}
		}
		moves = append(moves, OfficeMove{Kind: kind, Other: other, Into: into, Offices: []int{o}})
	}
	ours := func(c string) bool { return county == "" || c == county }
	for o := range s.Offices {
		off := &s.Offices[o]
		existed, exists := off.Alive(p-1), off.Alive(p)
		before, now := "", ""
		if existed {
			before = s.CountyAt(o, p-1)
		}
		if exists {
			now = s.CountyAt(o, p)
		}
		in, wasIn := exists && ours(now), existed && (county == "" || slices.Contains(was, before))
		switch {
		case in && wasIn:
		case in && existed:
			add(CameFrom, before, nil, o)
		case in:
			add(Opened, "", nil, o)
		case exists && wasIn:
			add(MovedTo, now, nil, o)
		case exists || !existed:
		default:
			// Ended in p: into offices, the unit's or another county's,
			// or closed.
			mergedInto, split := endedBy(off.Lifetime, off.MergedInto, off.SplitInto, off.Lives, p)
			kind, into := SplitInto, split
			if mergedInto != "" {
				kind, into = MergedInto, []string{mergedInto}
			}
			var ourInto, across []string // into's offices of the unit, and the other counties of the rest
			for _, id := range into {
				if c := s.CountyAt(s.officeIndex(id), p); ours(c) {
					ourInto = append(ourInto, id)
				} else if !slices.Contains(across, c) {
					across = append(across, c)
				}
			}
			switch {
			case into == nil && wasIn:
				add(Closed, "", nil, o)
			case wasIn && kind == MergedInto && across != nil:
				add(kind, across[0], into, o)
			case wasIn:
				add(kind, "", into, o)
			case ourInto != nil && kind == MergedInto:
				add(CameInto, before, ourInto, o)
			case ourInto != nil:
				add(CamePartlyInto, before, ourInto, o)
			}
		}
	}
	slices.SortStableFunc(moves, func(a, b OfficeMove) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Other, b.Other), slices.Compare(a.Into, b.Into))
	})
	return moves
}

// CountyChange is a group of counties that changed the same way from the
// month before a month to it: merged into one (Into), split among others
// (Into), begun without a predecessor (Opened) or ended without a
// successor (Closed).
type CountyChange struct {
	Kind     OfficeMoveKind
	Into     []string
	Counties []int // indexes into Site.Counties, in their order
}

// CountyChanges are the site's counties' changes from the month before p
// to p, grouped by kind and the counties they went into, in the order of
// the counties.
// A county that begins in p as another's successor, or returns so after
// a gap, is told by its predecessor's change, not as one begun.
func (s *Site) CountyChanges(p Period) []CountyChange {
	var out []CountyChange
	add := func(kind OfficeMoveKind, c int, into []string) {
		for i := range out {
			if out[i].Kind == kind && slices.Equal(out[i].Into, into) {
				out[i].Counties = append(out[i].Counties, c)
				return
			}
		}
		out = append(out, CountyChange{Kind: kind, Into: into, Counties: []int{c}})
	}
	successor := map[string]bool{}
	for c := range s.Counties {
		for _, l := range s.UnitLives(s.CountyUnit(c)) {
			if l.Until == p-1 {
				successor[l.MergedInto] = true
				for _, id := range l.SplitInto {
					successor[id] = true
				}
			}
		}
	}
	for c := range s.Counties {
		for _, l := range s.UnitLives(s.CountyUnit(c)) {
			switch {
			case l.Until == p-1 && l.MergedInto != "":
				add(MergedInto, c, []string{l.MergedInto})
			case l.Until == p-1 && l.SplitInto != nil:
				add(SplitInto, c, l.SplitInto)
			case l.Until == p-1:
				add(Closed, c, nil)
			case l.From == p && !successor[s.Counties[c].ID]:
				add(Opened, c, nil)
			}
		}
	}
	return out
}

// PartOfAt is the index of the office that office o is part of in month
// b: o itself where it exists then, else the office it went into,
// followed through later mergers; -1 where it closed or split.
func (s *Site) PartOfAt(o int, b Period) int {
	for range s.Offices {
		off := &s.Offices[o]
		if off.Alive(b) {
			return o
		}
		into := mergedBy(off.Lifetime, off.MergedInto, off.Lives, b)
		if o = s.officeIndex(into); into == "" || o < 0 {
			return -1
		}
	}
	return -1
}

// SplitAmongAt are the offices that office o was split among, as they
// are in month b (each followed as PartOfAt follows it), where o was
// split before b; nil where it exists then, or ended otherwise, or where
// one of them has since closed or been split itself: o's users are then
// no longer all in offices of the site that can be named.
func (s *Site) SplitAmongAt(o int, b Period) []int {
	off := &s.Offices[o]
	_, split := endedBy(off.Lifetime, off.MergedInto, off.SplitInto, off.Lives, b)
	var among []int
	for _, id := range split {
		part := s.PartOfAt(s.officeIndex(id), b)
		if part < 0 {
			return nil
		}
		if !slices.Contains(among, part) {
			among = append(among, part)
		}
	}
	return among
}

// OfficeOfID is the index of the office a person names by id, in any
// case, as results may give it; -1 for none.
func (s *Site) OfficeOfID(id string) int {
	return slices.IndexFunc(s.Offices, func(o Office) bool { return strings.EqualFold(o.ID, id) })
}

// officeIndex is the index of the office of id, -1 for none.
func (s *Site) officeIndex(id string) int { return slices.Index(s.Units[:len(s.Offices)], id) }

// CountyMoves are office o's changes that moved it to another county
// while it existed: not one that gives its county in its first month.
func (s *Site) CountyMoves(o int) []Change {
	var moves []Change
	for _, c := range s.Offices[o].Changes {
		if c.County != "" && s.Offices[o].Alive(c.From-1) && s.CountyAt(o, c.From-1) != s.CountyAt(o, c.From) {
			moves = append(moves, c)
		}
	}
	return moves
}

// UnitLifetime is the lifetime of unit u (see OfficeUnit): the whole
// site always exists.
func (s *Site) UnitLifetime(u int) (Lifetime, string) {
	switch {
	case u < s.CountyUnit(0):
		return s.Offices[u].Lifetime, s.Offices[u].MergedInto
	case u < s.WholeUnit():
		c := &s.Counties[u-s.CountyUnit(0)]
		return c.Lifetime, c.MergedInto
	}
	return Lifetime{}, ""
}

// UnitAlive reports whether unit u exists in month p.
func (s *Site) UnitAlive(u int, p Period) bool {
	switch {
	case u < s.CountyUnit(0):
		return s.Offices[u].Alive(p)
	case u < s.WholeUnit():
		return s.Counties[u-s.CountyUnit(0)].Alive(p)
	}
	return true
}

// UnitLives are the lifetimes of unit u, oldest first: its Lives, or the
// one its Lifetime, MergedInto and SplitInto describe.
func (s *Site) UnitLives(u int) []Life {
	switch {
	case u < s.CountyUnit(0):
		o := &s.Offices[u]
		return livesOf(o.Lifetime, o.MergedInto, o.SplitInto, o.Lives, o.Pos)
	case u < s.WholeUnit():
		c := &s.Counties[u-s.CountyUnit(0)]
		return livesOf(c.Lifetime, c.MergedInto, c.SplitInto, c.Lives, c.Pos)
	}
	return []Life{{}}
}

func livesOf(span Lifetime, mergedInto string, splitInto []string, lives []Life, pos diag.Pos) []Life {
	if lives != nil {
		return lives
	}
	return []Life{{Lifetime: span, MergedInto: mergedInto, SplitInto: splitInto, Pos: pos}}
}

// Predecessors are the ids of the units merged into id, at the end of
// any of their lifetimes.
func (s *Site) Predecessors(id string) []string {
	return s.endedInto(func(mergedInto string, _ []string) bool { return mergedInto == id })
}

// SplitFrom are the ids of the units split into id, among others.
func (s *Site) SplitFrom(id string) []string {
	return s.endedInto(func(_ string, splitInto []string) bool { return slices.Contains(splitInto, id) })
}

// endedInto are the ids of the units whose lifetime, one of them, ended
// as into says.
func (s *Site) endedInto(into func(mergedInto string, splitInto []string) bool) []string {
	ended := func(mergedInto string, splitInto []string, lives []Life) bool {
		if lives == nil {
			return into(mergedInto, splitInto)
		}
		return slices.ContainsFunc(lives, func(l Life) bool { return into(l.MergedInto, l.SplitInto) })
	}
	var out []string
	for _, c := range s.Counties {
		if ended(c.MergedInto, c.SplitInto, c.Lives) {
			out = append(out, c.ID)
		}
	}
	for _, o := range s.Offices {
		if ended(o.MergedInto, o.SplitInto, o.Lives) {
			out = append(out, o.ID)
		}
	}
	return out
}

// Reorganised reports whether any unit has a lifetime or changes: a site
// without is one organisation throughout, and scores as it always did.
func (s *Site) Reorganised() bool {
	for _, c := range s.Counties {
		if c.Lifetime != (Lifetime{}) || len(c.Changes) > 0 {
			return true
		}
	}
	for _, o := range s.Offices {
		if o.Lifetime != (Lifetime{}) || len(o.Changes) > 0 {
			return true
		}
	}
	return false
}

// Organisation is the site's organisation in one month: which units
// exist and which county each office belongs to. Coverage, roll-ups,
// targets and the reported month all read it, so that every rule counts
// a month's units the same way.
type Organisation struct {
	OfficeCounty []int   // the county index of each office, alive or not
	OfficesOf    [][]int // by county, its offices that exist
	Counties     []int   // the counties that exist
	Alive        []bool  // by unit
}

// Reporting are the units expected to report in the month: the offices
// that exist, and each existing county without offices, which reports for
// itself.
func (o *Organisation) Reporting(s *Site) []int {
	var units []int
	for _, c := range o.Counties {
		if len(o.OfficesOf[c]) == 0 {
			units = append(units, s.CountyUnit(c))
			continue
		}
		for _, off := range o.OfficesOf[c] {
			units = append(units, s.OfficeUnit(off))
		}
	}
	return units
}

// Epochs are the site's organisations over the n months from first: the
// stretches of months in which each office belongs to one county and the
// same units exist are one epoch. epochOf gives each month's. A site
// without lifetimes or changes has one.
func (s *Site) Epochs(first Period, n int) (epochs []Organisation, epochOf []int) {
	nCounty := len(s.Counties)
	epochOf = make([]int, n)
	seen := map[string]int{}
	reorganised := s.Reorganised()
	for m := range n {
		p := first + Period(m)
		key := ""
		if reorganised {
			var b []byte
			for o := range s.Offices {
				b = fmt.Appendf(b, "%s %v;", s.CountyAt(o, p), s.Offices[o].Alive(p))
			}
			for c := range s.Counties {
				b = fmt.Appendf(b, "%v;", s.Counties[c].Alive(p))
			}
			key = string(b)
		}
		e, ok := seen[key]
		if !ok {
			e = len(epochs)
			seen[key] = e
			org := Organisation{OfficeCounty: make([]int, len(s.Offices)), OfficesOf: make([][]int, nCounty), Alive: make([]bool, s.NUnits())}
			for c := range s.Counties {
				if s.Counties[c].Alive(p) {
					org.Counties = append(org.Counties, c)
					org.Alive[s.CountyUnit(c)] = true
				}
			}
			for o := range s.Offices {
				c, _ := s.County(s.CountyAt(o, p))
				org.OfficeCounty[o] = max(c, 0)
				if s.Offices[o].Alive(p) && c >= 0 {
					org.OfficesOf[c] = append(org.OfficesOf[c], o)
					org.Alive[s.OfficeUnit(o)] = true
				}
			}
			org.Alive[s.WholeUnit()] = true
			epochs = append(epochs, org)
		}
		epochOf[m] = e
	}
	return epochs, epochOf
}

// MonthCoverage is how many of the units expected to report in a month
// (see Organisation.Reporting) have results for it.
type MonthCoverage struct {
	Period          Period
	Reported, Units int
	// First is the index in Results of the first row for the month.
	First int
}

// Share is the part of the units that reported.
func (c MonthCoverage) Share() float64 {
	if c.Units == 0 {
		return 0
	}
	return float64(c.Reported) / float64(c.Units)
}

// Reported is the month the site reports: the configured one, or else the
// latest month whose coverage reaches minCoverage (the latest with results
// when none does; 0 when there are none). thinner are the months after it
// with results, newest first, which a site reports only when told to.
func (s *Site) Reported(configured Period, minCoverage float64) (reported Period, thinner []MonthCoverage) {
	if configured != 0 {
		return configured, nil
	}
	months := s.Coverage()
	for i := len(months) - 1; i >= 0; i-- {
		if months[i].Share() >= minCoverage {
			thinner = slices.Clone(months[i+1:])
			slices.Reverse(thinner)
			return months[i].Period, thinner
		}
	}
	if len(months) == 0 {
		return 0, nil
	}
	return months[len(months)-1].Period, nil
}

// Coverage is the coverage of each month with results, oldest first, each
// month counted on its own organisation. A result counts in the month it
// is due (see Due). In a month that a pacing goal is alive in, a goal
// shared by every unit, measured every month without a lag and with
// results, only pacing goals' results count: a goal measured later, or
// for a year or a tertial, neither holds back the month its period ended
// in nor, with last month's results due now, makes a month of few
// monthly results look covered.
func (s *Site) Coverage() []MonthCoverage {
	if len(s.Results) == 0 {
		return nil
	}
	pacing := make([]bool, len(s.Goals))
	first, last := s.Due(&s.Results[0]), s.Due(&s.Results[0])
	for i := range s.Results {
		r := &s.Results[i]
		first, last = min(first, s.Due(r)), max(last, s.Due(r))
		if g := int(r.Goal); g < len(s.Goals) && !s.Goals[g].Delayed() && s.Goals[g].Owner == "" {
			pacing[g] = true
		}
	}
	n := int(last-first) + 1
	paced := make([]bool, n)
	for m := range n {
		for g := range s.Goals {
			paced[m] = paced[m] || pacing[g] && s.Goals[g].Life.Alive(first+Period(m))
		}
	}
	epochs, epochOf := s.Epochs(first, n)
	// reporting[e][unit] is whether unit reports in epoch e.
	reporting := make([][]bool, len(epochs))
	units := make([]int, len(epochs))
	for e := range epochs {
		reporting[e] = make([]bool, s.NUnits())
		for _, u := range epochs[e].Reporting(s) {
			reporting[e][u] = true
			units[e]++
		}
	}
	months := make([]MonthCoverage, n)
	seen := make([]bool, n*s.NUnits()) // [month*units + unit]
	for i := range s.Results {
		r := &s.Results[i]
		due := s.Due(r)
		m := int(due - first)
		mc := &months[m]
		if mc.Period == 0 {
			// A month of a paced goal's life with other results only is
			// in the list, 0 reported, so that a notice names it.
			e := epochOf[m]
			*mc = MonthCoverage{Period: due, Units: units[e], First: i}
		}
		if paced[m] && (int(r.Goal) >= len(s.Goals) || !pacing[r.Goal]) {
			continue
		}
		if k := m*s.NUnits() + int(r.Unit); int(r.Unit) < s.NUnits() && reporting[epochOf[m]][r.Unit] && !seen[k] {
			seen[k] = true
			mc.Reported++
		}
	}
	out := months[:0]
	for _, m := range months {
		if m.Period != 0 {
			out = append(out, m)
		}
	}
	return out
}

// Due is the month result r is due: its goal's lag after its period.
func (s *Site) Due(r *Result) Period {
	if int(r.Goal) < len(s.Goals) {
		return r.Period + Period(s.Goals[r.Goal].Lag)
	}
	return r.Period
}

// MeasureID is the id of measure m: its own, or one made from its goal and
// the first words of its text, which new commentary writes down when it
// carries the measure over, so that its text can change later.
func MeasureID(m *Measure) string {
	if m.ID != "" {
		return m.ID
	}
	// One pass: every commentary's measures are keyed by it whenever the
	// site's measures are gathered, which serve does on each edit.
	var b strings.Builder
	b.Grow(len(m.Goal) + len(m.Text))
	b.WriteString(m.Goal)
	words, inWord := 0, false
	for _, r := range m.Text {
		if r >= utf8.RuneSelf {
			r = unicode.ToLower(r)
		} else if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		letters, ok := "", r >= 'a' && r <= 'z' || r >= '0' && r <= '9'
		if !ok && r >= utf8.RuneSelf {
			letters, ok = norwegianLetters[r]
		}
		if !ok {
			inWord = false
			continue
		}
		if !inWord {
			if words == 5 {
				break
			}
			words++
			inWord = true
			b.WriteByte('-')
		}
		if letters == "" {
			b.WriteByte(byte(r))
		} else {
			b.WriteString(letters)
		}
	}
	return b.String()
}

var norwegianLetters = map[rune]string{'æ': "ae", 'ø': "o", 'å': "a"}

// MeasureLife is a measure over the months its office's commentary names
// it: when it started, how its status went, when it was done.
type MeasureLife struct {
	Office, ID, Goal string
	Text             string // as last written
	Status           string // the latest
	Due              string // the latest, YYYY-MM-DD or ""
	Start, Done      Period // the first month that names it; the first with status done, or 0
	// Began is the first month whose commentary has it started (or done,
	// if it went straight to done); 0 while it has only been planned.
	Began   Period
	History []Statused // month by month, oldest first
}

// Statused is a measure's status in one month's commentary.
type Statused struct {
	Period Period
	Status string
	Goal   string // the goal it served then: a measure may move to another
}

// Open reports whether the measure is planned or started.
func (m *MeasureLife) Open() bool { return m.Status != "done" }

// OpenFor reports whether the measure was planned or started for goal in
// month p, as the commentary up to then left it.
func (m *MeasureLife) OpenFor(goal string, p Period) bool {
	var then Statused
	for _, h := range m.History {
		if h.Period > p {
			break
		}
		then = h
	}
	return then.Goal == goal && (then.Status == "planned" || then.Status == "started")
}

// Begun is the month the measure began (see Began), or 0 while it is
// planned, again if it was started once: nothing follows a plan.
func (m *MeasureLife) Begun() Period {
	if m.Status == "planned" {
		return 0
	}
	return m.Began
}

// Overdue reports whether the measure is open and its due date is before
// the end of month p.
func (m *MeasureLife) Overdue(p Period) bool {
	next := p + 1
	return m.Open() && m.Due != "" && m.Due < next.String()+"-01"
}

// Measures are every office's measures with their lives, by office and
// then start, as the commentary up to month p tells them.
func (s *Site) Measures(p Period) []MeasureLife {
	return s.OfficeMeasures(p, func(string) bool { return true })
}

// OfficeMeasures are the measures of the offices keep keeps, as Measures
// gives them: an office's measures are told by its own commentary alone.
func (s *Site) OfficeMeasures(p Period, keep func(office string) bool) []MeasureLife {
	var out []MeasureLife
	var comm []*Commentary
	for i := range s.Commentary {
		if s.Commentary[i].Period <= p && keep(s.Commentary[i].Office) {
			comm = append(comm, &s.Commentary[i])
		}
	}
	slices.SortFunc(comm, func(a, b *Commentary) int {
		if a.Office != b.Office {
			return strings.Compare(a.Office, b.Office)
		}
		return int(a.Period - b.Period)
	})
	byID := map[string]int{} // of the office at hand
	for k, c := range comm {
		if k > 0 && c.Office != comm[k-1].Office {
			clear(byID)
		}
		for i := range c.Measures {
			m := &c.Measures[i]
			id := MeasureID(m)
			j, ok := byID[id]
			if !ok {
				j = len(out)
				byID[id] = j
				out = append(out, MeasureLife{Office: c.Office, ID: id, Goal: m.Goal, Start: c.Period})
			}
			life := &out[j]
			life.Text, life.Status, life.Goal = m.Text, m.Status, m.Goal
			if m.Due != "" {
				life.Due = m.Due
			}
			if m.Status != "planned" && life.Began == 0 {
				life.Began = c.Period
			}
			if m.Status == "done" && life.Done == 0 {
				life.Done = c.Period
			}
			if m.Status != "done" {
				life.Done = 0 // taken up again
			}
			life.History = append(life.History, Statused{c.Period, m.Status, m.Goal})
		}
	}
	return out
}

// PeriodMeasures are what an office's measures did in a stretch of months
// (a tertial, say), as indexes into the lives they were sorted from. A
// measure may be in several lists (started and done in it); one done
// before the stretch began is in none.
type PeriodMeasures struct {
	// Started are those whose first commentary is of a month in it; Open
	// those planned or started at its end, and Overdue those of these past
	// their due date then; Done those done in it.
	Started, Open, Overdue, Done []int
}

// Any reports whether any measure belongs to the stretch.
func (pm *PeriodMeasures) Any() bool {
	return len(pm.Started)+len(pm.Open)+len(pm.Done) > 0
}

// MeasuresIn sorts lives by what they did in the months first to last.
// lives must be as the commentary up to last tells them (Site.Measures of
// last): a measure's status at the stretch's end is its status then, not
// as later commentary tells it.
func MeasuresIn(lives []MeasureLife, first, last Period) PeriodMeasures {
	var pm PeriodMeasures
	for i := range lives {
		m := &lives[i]
		if m.Start >= first && m.Start <= last {
			pm.Started = append(pm.Started, i)
		}
		switch {
		case m.Open():
			pm.Open = append(pm.Open, i)
			if m.Overdue(last) {
				pm.Overdue = append(pm.Overdue, i)
			}
		case m.Done >= first && m.Done <= last:
			pm.Done = append(pm.Done, i)
		}
	}
	return pm
}

// CommentaryIn is each office's commentary of the months first to last
// that has text (see Commentary.Said), oldest first, by office id: what
// was written about those months.
func (s *Site) CommentaryIn(first, last Period) map[string][]*Commentary {
	out := map[string][]*Commentary{}
	for i := range s.Commentary {
		if c := &s.Commentary[i]; c.Period >= first && c.Period <= last && c.Said() {
			out[c.Office] = append(out[c.Office], c)
		}
	}
	for _, list := range out {
		slices.SortFunc(list, func(a, b *Commentary) int { return int(a.Period - b.Period) })
	}
	return out
}
