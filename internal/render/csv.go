package render

import (
	"bytes"
	"encoding/csv"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/malekort/malekort/internal/model"
	"github.com/malekort/malekort/internal/score"
	"github.com/malekort/malekort/internal/workers"
)

// writeScorecards writes scorecard.csv with every unit, goal and month,
// and each county's slice of it, the county's and its offices' rows, in
// the county's folder. For Norwegian sites the file is what Norwegian
// Excel opens by double-click: UTF-8 with BOM, semicolons and decimal
// commas.
func (s *site) writeScorecards(out Output) error {
	return s.writeSlices(out, "scorecard.csv", s.csvHeader(), s.csvBlock)
}

// writePeriods writes periods.csv, every unit's aggregates over the
// published spans, and each county's slice of it as writeScorecards
// does, in the Excel conventions of scorecard.csv.
func (s *site) writePeriods(out Output) error {
	spans := s.Scores.Spans()
	names := make([]string, len(spans))
	for k, sp := range spans {
		names[k] = sp.Name()
	}
	block := func(unit, gi int, in func(model.Period) bool) []byte { return s.periodBlock(unit, gi, names, in) }
	return s.writeSlices(out, "periods.csv", s.periodHeader(), block)
}

// writeSlices writes name at the site root, header and every unit's rows
// (the whole site's, then each county's followed by its offices'), and
// each county's slice of it, the same rows of the county and its offices,
// in the county's folder. An office's rows are in its county's slice,
// with its neighbours' to compare with, and its pages link that: a slice
// of its own as well wrote every row a third time, a third of the site's
// CSV bytes. A county's slice also has the rows, of the months it had
// them, of the offices it had that are under another county now
// (movedFrom), so that an ended county's file still has its offices.
// block formats a unit's rows for a goal, of the months in reports true
// of (all where in is nil). The rows are made county by county, each
// unit's rows for a goal once, in parallel, and written into the whole
// file and the slice before the next county's are made: the whole file
// grows with the site, too much to hold while it is written.
func (s *site) writeSlices(out Output, name string, header []byte, block func(unit, gi int, in func(model.Period) bool) []byte) error {
	m := s.Site
	blocks := make([][]byte, len(m.Goals))
	var units []int
	var ins []func(model.Period) bool // units' months, nil for all
	// rows formats units' rows into blocks, by unit and goal in goal order.
	rows := func() {
		blocks = slices.Grow(blocks[:0], len(units)*len(m.Goals))[:len(units)*len(m.Goals)]
		workers.Each(len(units), func(k int) {
			var in func(model.Period) bool
			if k < len(ins) {
				in = ins[k]
			}
			for j, gi := range s.goalOrder {
				blocks[k*len(m.Goals)+j] = nil
				if s.Scores.Thresholds(units[k], gi).Applies {
					blocks[k*len(m.Goals)+j] = block(units[k], gi, in)
				}
			}
		})
	}
	// unitBlocks are unit k's blocks (of units), without the empty ones.
	unitBlocks := func(list [][]byte, k int) [][]byte {
		for _, b := range blocks[k*len(m.Goals) : (k+1)*len(m.Goals)] {
			if len(b) > 0 {
				list = append(list, b)
			}
		}
		return list
	}
	var err error
	whole := func(yield func([]byte) bool) {
		if !yield(header) {
			return
		}
		units = []int{s.Scores.Whole()}
		rows()
		for _, b := range unitBlocks(nil, 0) {
			if !yield(b) {
				return
			}
		}
		for _, c := range s.allCounties {
			units = append(units[:0], s.Scores.County(c))
			for _, o := range s.officesOf[c] {
				units = append(units, s.Scores.Office(o))
			}
			listed := len(units)
			ins = ins[:0]
			if s.movedFrom != nil {
				ins = make([]func(model.Period) bool, listed, listed+len(s.movedFrom[c]))
				for _, o := range s.movedFrom[c] {
					units = append(units, s.Scores.Office(o))
					ins = append(ins, func(p model.Period) bool { return m.Offices[o].Alive(p) && s.Scores.CountyOf(o, p) == c })
				}
			}
			rows()
			all := [][]byte{header}
			for k := range listed {
				all = unitBlocks(all, k)
			}
			for _, b := range all[1:] {
				if !yield(b) {
					return
				}
			}
			for k := listed; k < len(units); k++ {
				all = unitBlocks(all, k)
			}
			// A file is its blocks written one after another, not copied
			// into one buffer.
			if err = out.Put(m.Counties[c].ID+"/"+name, all...); err != nil {
				return
			}
		}
	}
	if werr := out.PutEach(name, whole); err == nil {
		err = werr
	}
	return err
}

// The fields are ids (slugs), months, numbers and statuses: none needs
// quoting, nor can begin a formula (see inertCell), so rows are written
// directly.
func (s *site) csvSeparators() (sep byte, eol string) {
	if s.loc.Norwegian() {
		return ';', "\r\n"
	}
	return ',', "\n"
}

func (s *site) csvHeader() []byte {
	return s.fieldsHeader("period", "unit", "goal", "value", "target", "yellow", "status", "reported", "expected", "recast", "numerator", "denominator", "as_of")
}

func (s *site) periodHeader() []byte {
	return s.fieldsHeader("period", "unit", "goal", "value", "numerator", "denominator", "target", "yellow", "status", "months", "reported", "expected", "recast")
}

func (s *site) fieldsHeader(fields ...string) []byte {
	sep, eol := s.csvSeparators()
	var b []byte
	if s.loc.Norwegian() {
		b = append(b, "\ufeff"...)
	}
	for i, f := range fields {
		if i > 0 {
			b = append(b, sep)
		}
		b = append(b, f...)
	}
	return append(b, eol...)
}

// csvBlock is unit's rows of scorecard.csv for goal gi, of the months in
// reports true of (every month where in is nil).
func (s *site) csvBlock(unit, gi int, in func(model.Period) bool) []byte {
	g := &s.Site.Goals[gi]
	t := s.Scores.Thresholds(unit, gi)
	sep, eol := s.csvSeparators()
	// Everything between the value and the status is the same on every
	// row of the block, but where the organisation changes.
	var lastT score.Thresholds
	lastTail := ""
	tailOf := func(t score.Thresholds) string {
		if t != lastT || lastTail == "" {
			lastT, lastTail = t, string(sep)+s.loc.Plain(t.Target, g.Decimals)+string(sep)+s.loc.Plain(t.Yellow, g.Decimals)+string(sep)
		}
		return lastTail
	}
	id := WholeID
	if unit < len(s.Site.Units) {
		id = s.Site.Units[unit]
	}
	head := string(sep) + id + string(sep) + g.ID + string(sep)
	b := make([]byte, 0, s.Scores.N*(len(head)+len(tailOf(t))+40))
	// Each month's row is what that month's scorecard shows (see
	// score.Scores.Shown), and as_of the period it belongs to.
	for i := range s.Scores.N {
		p := s.Scores.Period(i)
		c, end := s.Scores.Shown(unit, gi, p)
		if !c.Recast && !s.Scores.Exists(unit, p) || !s.Scores.OnScorecard(unit, gi, p) {
			continue // no figure for a unit that did not exist, nor for a goal
		}
		if in != nil && !in(p) {
			continue
		}
		b = append(b, s.periodIDs[i]...)
		b = append(b, head...)
		if c.Has() {
			b = s.loc.AppendPlain(b, c.Value, g.Decimals)
		}
		b = append(b, tailOf(s.Scores.ThresholdsAt(unit, gi, end))...)
		b = append(b, c.Status.String()...)
		b = append(b, sep)
		if cov := s.Scores.CoverageAt(unit, gi, end); cov.Expected > 0 {
			b = strconv.AppendInt(b, int64(cov.Reported), 10)
			b = append(b, sep)
			b = strconv.AppendInt(b, int64(cov.Expected), 10)
		} else {
			b = append(b, sep)
		}
		b = append(b, sep)
		if c.Recast {
			b = append(b, "recast"...)
		}
		b = append(b, sep)
		b = s.appendSize(b, sep, c.HasSize(), c.Num, c.Den)
		b = append(b, sep)
		if end == p && g.PeriodMonths() == 1 {
			b = append(b, s.periodIDs[i]...)
		} else {
			b = append(b, g.PeriodName(end)...)
		}
		b = append(b, eol...)
	}
	return b
}

// periodBlock is unit's rows of periods.csv for goal gi: its aggregate
// over each published span (see score.Scores.Over) with a month that in
// reports true of (every span where in is nil), oldest first, a
// year after its tertials, names being the spans' names. months is how
// many of the span's months are due (see score.Scores.DueMonths), so a
// year to date is its year with fewer than 12, and so is a lagged goal's
// year in December; reported and expected count months for an office
// and office-months for a county and the whole site.
func (s *site) periodBlock(unit, gi int, names []string, in func(model.Period) bool) []byte {
	g := &s.Site.Goals[gi]
	sep, eol := s.csvSeparators()
	id := WholeID
	if unit < len(s.Site.Units) {
		id = s.Site.Units[unit]
	}
	spans := s.Scores.Spans()
	b := make([]byte, 0, len(spans)*(len(id)+len(g.ID)+64))
	for k, sp := range spans {
		a := s.Scores.Over(unit, gi, sp)
		if !a.Published() || in != nil && !anyMonth(sp, in) {
			continue
		}
		b = append(b, names[k]...)
		b = append(b, sep)
		b = append(b, id...)
		b = append(b, sep)
		b = append(b, g.ID...)
		b = append(b, sep)
		if a.Has() {
			b = s.loc.AppendPlain(b, a.Value, g.Decimals)
		}
		b = append(b, sep)
		b = s.appendSize(b, sep, a.HasSize(), a.Num, a.Den)
		b = append(b, sep)
		b = s.loc.AppendPlain(b, a.Target, g.Decimals)
		b = append(b, sep)
		b = s.loc.AppendPlain(b, a.Yellow, g.Decimals)
		b = append(b, sep)
		b = append(b, a.Status.String()...)
		b = append(b, sep)
		b = strconv.AppendInt(b, int64(s.Scores.DueMonths(gi, sp)), 10)
		b = append(b, sep)
		b = strconv.AppendInt(b, int64(a.Coverage.Reported), 10)
		b = append(b, sep)
		b = strconv.AppendInt(b, int64(a.Coverage.Expected), 10)
		b = append(b, sep)
		if a.Recast {
			b = append(b, "recast"...)
		}
		b = append(b, eol...)
	}
	return b
}

// anyMonth reports whether in is true of a month of span sp.
func anyMonth(sp score.Span, in func(model.Period) bool) bool {
	for p := sp.First; p <= sp.Last; p++ {
		if in(p) {
			return true
		}
	}
	return false
}

// quotedCSV writes CSV with fields quoted as they need (encoding/csv) into
// b, in the site's Excel conventions, beginning with header.
func (s *site) quotedCSV(b *bytes.Buffer, header ...string) *csv.Writer {
	sep, eol := s.csvSeparators()
	if s.loc.Norwegian() {
		b.WriteString("\ufeff")
	}
	w := csv.NewWriter(b)
	w.Comma, w.UseCRLF = rune(sep), eol == "\r\n"
	w.Write(header)
	return w
}

// inertCells makes each text cell of a row inert in a spreadsheet, and
// returns the row.
func inertCells(row []string) []string {
	for i, c := range row {
		row[i] = inertCell(c)
	}
	return row
}

// inertCell is text a spreadsheet shows as text: one that begins with
// what starts a formula (=, +, -, @, or a tab or carriage return before
// one) gets a leading apostrophe, as OWASP advises against CSV injection.
// A number stays as it is, so that a negative one stays a number.
func inertCell(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) || plainNumber(s) {
		return s
	}
	return "'" + s
}

// plainNumber reports whether s is a number and nothing else: a sign,
// digits and at most one decimal point or comma.
func plainNumber(s string) bool {
	if s[0] == '-' || s[0] == '+' {
		s = s[1:]
	}
	digits, seps := 0, 0
	for i := range len(s) {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' || c == ',':
			seps++
		default:
			return false
		}
	}
	return digits > 0 && seps <= 1
}

// countDecimals is how many decimals a numerator or denominator is
// written with: none for a count of people, two for anything else.
func countDecimals(v float64) int {
	if v == math.Trunc(v) {
		return 0
	}
	return 2
}

// plainValue is a cell's value as a CSV cell: empty where it has none
// that may be shown.
func (s *site) plainValue(g *model.Goal, c score.Cell) string {
	if !c.Has() {
		return ""
	}
	return s.loc.Plain(c.Value, g.Decimals)
}

// code is the judged change in measures.csv: better, worse, usual, few
// (too few months before the start to judge), unchanged, or empty where a
// value is missing or suppressed, the measure began this month or has not
// begun.
func (e *effect) code() string {
	switch e.Judged {
	case score.SignalBetter:
		return "better"
	case score.SignalWorse:
		return "worse"
	case score.Usual:
		return "usual"
	case score.TooFewMonths:
		return "few"
	}
	if e.Unchanged {
		return "unchanged"
	}
	return ""
}

// WholeID is the unit of the whole site's rows in scorecard.csv: not a
// slug, so no county or office can have it.
const WholeID = "_site"

// measureJobs return the jobs that write measures.csv, every office's
// measures with their lives as of the reported month, and its slices
// beside the page of each county and office for which only reports true.
// Text is quoted as CSV needs (encoding/csv); Norwegian sites get what
// Norwegian Excel opens.
func (s *site) measureJobs(out Output, only func(office int) bool) (jobs []func() error, names []string) {
	m := s.Site
	file := func(name string, offices func(add func(o int))) func() error {
		names = append(names, name)
		return func() error {
			var b bytes.Buffer
			w := s.quotedCSV(&b, "office", "goal", "id", "text", "status", "start", "began", "due", "overdue", "done", "start_value", "now_value", "judgement", "start_as_of", "now_as_of")
			offices(func(o int) {
				lives := s.measuresOf[m.Offices[o].ID]
				for i := range lives {
					ml := &lives[i]
					began, done := "", ""
					if ml.Began != 0 {
						began = ml.Began.String()
					}
					if ml.Done != 0 {
						done = ml.Done.String()
					}
					e := s.measureEffect(ml, s.Reported)
					startAsOf := ""
					if e.StartOf != 0 {
						startAsOf = e.goal.PeriodName(e.StartOf)
					}
					w.Write(inertCells([]string{ml.Office, ml.Goal, ml.ID, ml.Text, ml.Status, ml.Start.String(), began, ml.Due, strconv.FormatBool(ml.Overdue(s.Reported)), done,
						s.plainValue(e.goal, e.Start), s.plainValue(e.goal, e.Now), e.code(), startAsOf, e.goal.PeriodName(e.NowOf)}))
				}
			})
			w.Flush()
			return out.Put(name, b.Bytes())
		}
	}
	all := func(add func(int)) {
		for _, c := range s.allCounties {
			for _, o := range s.officesOf[c] {
				add(o)
			}
		}
	}
	jobs = append(jobs, file("measures.csv", all))
	for _, c := range s.allCounties {
		if !slices.ContainsFunc(s.officesOf[c], only) {
			continue
		}
		jobs = append(jobs, file(m.Counties[c].ID+"/measures.csv", func(add func(int)) {
			for _, o := range s.officesOf[c] {
				add(o)
			}
		}))
		for _, o := range s.officesOf[c] {
			if only(o) {
				office := &m.Offices[o]
				jobs = append(jobs, file(office.County+"/"+office.ID+"/measures.csv", func(add func(int)) { add(o) }))
			}
		}
	}
	return jobs, names
}

// appendSize appends a row's numerator and denominator, separated by sep:
// both empty where the figure has none to show.
func (s *site) appendSize(b []byte, sep byte, has bool, num, den float64) []byte {
	if has {
		b = s.loc.AppendPlain(b, num, countDecimals(num))
	}
	b = append(b, sep)
	if has {
		b = s.loc.AppendPlain(b, den, countDecimals(den))
	}
	return b
}
