package load

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/model"
)

// maxErrorsPerFile stops a file that is wrong on every line (the wrong
// file dropped in, say) from burying the other files' errors.
const maxErrorsPerFile = 50

// resultColumns are the columns of a results file, each with the names
// it may have in bokmål and nynorsk; numerator and denominator may be
// left out when no row needs them.
var resultColumns = []struct{ name, bokmål, nynorsk string }{
	{"period", "periode", "periode"}, {"unit", "enhet", "eining"}, {"goal", "mål", "mål"}, {"value", "verdi", "verdi"},
	{"numerator", "teller", "teljar"}, {"denominator", "nevner", "nemnar"},
}

const requiredColumns = 4

var headerHint = diag.P("period,unit,goal,value (numerator,denominator where a ratio is given; in Norwegian periode,enhet,mål,verdi,teller,nevner)")

// suppressionMarks are what NAV and Statistics Norway publish in a cell
// whose figure they hide.
var suppressionMarks = []string{"*", ":", "..", ".", "x", "X", "-"}

// unitRef is what a results file's unit column names: a unit, by its id
// or by one of its codes (code is 1 + the code's index, 0 for the id).
type unitRef struct {
	unit int32
	code int16
}

type resultReader struct {
	units   map[string]unitRef
	goals   map[string]int32
	goalIDs []string
	// misnamedUnits and misnamedGoals find the units and goals whose id
	// is not a slug by how a row would name them, so that such a row is
	// read, not an error of its own.
	misnamedUnits, misnamedGoals model.Misnamed
	// periodMonths are the months of each goal's period (see
	// model.Goal.PeriodMonths), which its rows' periods name.
	periodMonths []int
	// unitNames and unitHints are the texts a misspelt unit is compared
	// with (ids, codes, and names now and before, with "NAV " and
	// without, as NAV's tables name a county) and the ids they suggest.
	unitNames, unitHints []string
	// nynorsk is whether the site is written in nynorsk, whose names of
	// the columns an error gives.
	nynorsk bool
}

// newResultReader indexes the site's units by id and code, and the goals,
// for a site in language.
func newResultReader(site *model.Site, language string) resultReader {
	r := resultReader{units: map[string]unitRef{}, goals: map[string]int32{}, nynorsk: language == "nn"}
	add := func(unit int, id, name string, changes []model.Change, codes []string) {
		r.units[id] = unitRef{unit: int32(unit)}
		hint := model.IsSlug(id)
		if hint {
			r.unitNames = append(r.unitNames, id)
			r.unitHints = append(r.unitHints, id)
			names := []string{name}
			for _, c := range changes {
				if c.Name != "" {
					names = append(names, c.Name)
				}
			}
			for _, name := range names {
				r.unitNames = append(r.unitNames, name)
				r.unitHints = append(r.unitHints, id)
				if bare, ok := strings.CutPrefix(name, "NAV "); ok {
					r.unitNames = append(r.unitNames, bare)
					r.unitHints = append(r.unitHints, id)
				}
			}
		}
		for i, c := range codes {
			r.units[c] = unitRef{unit: int32(unit), code: int16(i + 1)}
			if trimmed := strings.TrimLeft(c, "0"); trimmed != c && trimmed != "" {
				// Excel drops the leading zero of 0301 Oslo.
				if _, taken := r.units[trimmed]; !taken {
					r.units[trimmed] = unitRef{unit: int32(unit), code: int16(i + 1)}
				}
			}
			if hint {
				r.unitNames = append(r.unitNames, c)
				r.unitHints = append(r.unitHints, id)
			}
		}
	}
	for i, o := range site.Offices {
		add(site.OfficeUnit(i), o.ID, o.Name, o.Changes, o.Codes)
	}
	for i, c := range site.Counties {
		add(site.CountyUnit(i), c.ID, c.Name, c.Changes, c.Codes)
	}
	var goalIDs []string
	for i, g := range site.Goals {
		r.goals[g.ID] = int32(i)
		goalIDs = append(goalIDs, g.ID)
		r.periodMonths = append(r.periodMonths, g.PeriodMonths())
	}
	r.goalIDs = model.Slugs(goalIDs)
	r.misnamedUnits, r.misnamedGoals = model.NewMisnamed(site.Units), model.NewMisnamed(goalIDs)
	return r
}

// records are the rows of a results table: a CSV file (csv.Reader is
// one) or a workbook's sheet.
type records interface {
	// Read returns the next record, and io.EOF after the last.
	Read() ([]string, error)
	// FieldPos is the line and column of field i of the record last read.
	FieldPos(i int) (line, col int)
}

// table is the state of one results table while it is read.
type table struct {
	recs  records
	path  string
	sheet string // the workbook's sheet, "" for a CSV file
	// sheetIndex is the rows' Sheet: 1 + the sheet's index among the
	// workbook's sheets of results, 0 for a CSV file.
	sheetIndex uint8
	errs       *diag.List
	nErrs      int
	// unreportedLine is the line of the first error past maxErrorsPerFile.
	unreportedLine int
	decimal        byte // '.' or ',' once a number has shown which one the file uses
	decLine        int
	// delim is a CSV file's delimiter; 0 for a sheet, whose cells no
	// delimiter can split.
	delim rune
	// marked counts the rows whose value is marked hidden but whose
	// numerator and denominator are given, the first at markedLine.
	marked, markedLine int
	// unknown are the units and goals the table names that the site does
	// not have, in the order first met: a national table in a county's
	// site names hundreds of units, each on every one of its rows, and one
	// error for each says more than its first rows over again.
	unknown      []unknownName
	unknownIndex map[unknownKey]int
	// A CSV number that reads either way ("1.500": 1500, or 1.5 with
	// three decimals) before the file has shown its decimal separator
	// waits for the end of the file: rowAmbiguous holds the current row's,
	// ambiguous those of the rows kept.
	rowAmbiguous, ambiguous []ambiguousNumber
}

// unknownKey is a unit's or goal's name that the site does not have.
type unknownKey struct {
	goal bool
	name string
}

// unknownName is a unit or goal a table names that the site does not
// have, with the position of its first row and the count of its rows.
type unknownName struct {
	unknownKey
	line, col int
	rows      int
}

// noteUnknown counts a row naming a unit or goal the site does not have.
// Its first row counts as its error, in line order with the table's
// others; past those reported one by one, a name is not kept, and each
// of its rows is an error counted, so that a table of a million unknown
// names keeps none of them.
func (f *table) noteUnknown(key unknownKey, line int, col func() int) {
	if i, seen := f.unknownIndex[key]; seen {
		f.unknown[i].rows++
		return
	}
	if !f.count(line) {
		return
	}
	if f.unknownIndex == nil {
		f.unknownIndex = map[unknownKey]int{}
	}
	// The name is a slice of the whole line the CSV reader read.
	key.name = strings.Clone(key.name)
	f.unknownIndex[key] = len(f.unknown)
	f.unknown = append(f.unknown, unknownName{unknownKey: key, line: line, col: col(), rows: 1})
}

// ambiguousNumber is a number of rows[row] that reads either way.
type ambiguousNumber struct {
	row, line, col int
	field          int    // its column
	name           string // the column's name in the header
	s              string
	sep            byte    // its one separator, '.' or ','
	decimal        float64 // its value where sep is the decimal separator
}

// yearOf is the year a period that is not one begins with, as an example
// of how to write it: "2019" of "2019-01", else "2025".
func yearOf(period string) string {
	if y := strings.TrimSpace(period); len(y) >= 4 && strings.Trim(y[:4], "0123456789") == "" {
		return y[:4]
	}
	return "2025"
}

// col is the column of field i of the current record; asked only for an
// error, since looking it up for every field of millions of rows costs.
func (f *table) col(i int) int {
	_, c := f.recs.FieldPos(i)
	return c
}

func (f *table) add(line, col int, format string, args ...any) {
	if f.count(line) {
		f.errs.Add(diag.Pos{Path: f.path, Sheet: f.sheet, Line: line, Col: col}, format, args...)
	}
}

// count counts an error at line, and reports whether it is one of the
// table's first maxErrorsPerFile, which are reported one by one.
func (f *table) count(line int) bool {
	f.nErrs++
	if f.nErrs == maxErrorsPerFile+1 {
		f.unreportedLine = line
	}
	return f.nErrs <= maxErrorsPerFile
}

// addUnreported tells how many errors of the table were counted beyond
// those reported, at the line of the first of them.
func (f *table) addUnreported() {
	if n := f.nErrs - maxErrorsPerFile; n > 0 {
		f.errs.AddUnreported(diag.Pos{Path: f.path, Sheet: f.sheet, Line: f.unreportedLine}, n)
	}
}

// read parses one results file and appends its rows to rows. It accepts
// what spreadsheet programs write: comma or semicolon delimiters, decimal
// point or comma, UTF-8 with or without BOM or Windows-1252, CRLF, LF or
// CR.
// pointLine is the line that showed the file's decimals are written with
// a point, 0 where none did.
func (r *resultReader) read(path string, file int16, src io.Reader, rows []model.Result, errs *diag.List) (_ []model.Result, pointLine int) {
	f := &table{path: path, errs: errs}
	br := bufio.NewReaderSize(src, 64<<10)
	var in io.Reader = br
	head, err := br.Peek(64 << 10)
	// The file ends within head where err is set: no rune is cut off at
	// its end.
	enc, line, b, mixed := textEncoding(head, err != nil)
	switch {
	case mixed:
		f.add(line, 0, "the byte 0x%02X is not UTF-8, though the rest of the file is: the file mixes two encodings (a part pasted from another file?); save it as UTF-8", b)
	case enc != nil:
		in = enc.NewDecoder().Reader(br)
	}
	if enc == nil && bytes.HasPrefix(head, utf8BOM) {
		br.Discard(len(utf8BOM))
	}
	if bytes.IndexByte(head, '\r') >= 0 && bytes.IndexByte(head, '\n') < 0 {
		in = macLines{in}
	}
	in = bufio.NewReaderSize(in, 64<<10)
	delim := sniffDelimiter(in.(*bufio.Reader))

	cr := csv.NewReader(in)
	f.recs = cr
	cr.Comma = delim
	f.delim = delim
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		f.add(1, 0, "file is empty: the first line must be the header %s", headerHint)
		return rows, 0
	}
	if err != nil {
		f.addCSVError(err)
		return rows, 0
	}
	cols, ok := resultHeader(header)
	if !ok {
		r.headerError(f, header, cols)
		return rows, 0
	}
	rows = r.readTable(f, file, header, cols, rows)
	if f.decimal == '.' {
		pointLine = f.decLine
	}
	return rows, pointLine
}

// headerError says what a header that lacks a column the rows need lacks.
// NAV's tables have a column for each figure, and their rows no goal and
// no value: such a header is named as one, by the columns malekort does
// not read. A header of one column is a delimiter not recognised.
func (r *resultReader) headerError(f *table, header []string, cols map[string]int) {
	var missing, missingNorwegian []string
	for _, c := range resultColumns[:requiredColumns] {
		if cols[c.name] < 0 {
			norwegian := c.bokmål
			if r.nynorsk {
				norwegian = c.nynorsk
			}
			missing, missingNorwegian = append(missing, strconv.Quote(c.name)), append(missingNorwegian, strconv.Quote(norwegian))
		}
	}
	read := map[int]bool{}
	for _, i := range cols {
		read[i] = true
	}
	// The columns not read, as many as an error can name.
	const named = 8
	var others []string
	for i, h := range header {
		if h = strings.TrimSpace(h); h != "" && !read[i] {
			if len(others) == named {
				others = append(others, "…")
				break
			}
			others = append(others, strconv.Quote(clip(h)))
		}
	}
	switch goal := r.goalColumn(header); {
	case goal != "" && (cols["goal"] < 0 || cols["value"] < 0):
		f.add(1, 0, "the header has a column of its own for the goal %q: give each row its goal in a goal column and its figure in a value column instead, a row for each month, unit and goal (the header must name %s)", goal, headerHint)
	case len(header) == 1:
		f.add(1, 0, "the header is one column, %q: separate its columns with commas, semicolons or tabs (the header must name %s)", clip(header[0]), headerHint)
	case cols["goal"] < 0 && cols["value"] < 0 && len(others) > 0:
		f.add(1, 0, "header lacks the columns %s (%s in Norwegian), and malekort does not read its columns %s: give a table with a column for each figure, as NAV's tables have, as rows instead, one for each month, unit and goal, with the goal in a goal column and the figure in a value column (the header must name %s)", strings.Join(missing, ", "), strings.Join(missingNorwegian, ", "), strings.Join(others, ", "), headerHint)
	case len(missing) == 1:
		f.add(1, 0, "header has no %s column (%s in Norwegian): the header must name %s, in any order; other columns are ignored", missing[0], missingNorwegian[0], headerHint)
	default:
		f.add(1, 0, "header lacks the columns %s (%s in Norwegian): the header must name %s, in any order; other columns are ignored", strings.Join(missing, ", "), strings.Join(missingNorwegian, ", "), headerHint)
	}
}

// readTable reads the rows of a table whose header has the columns cols.
func (r *resultReader) readTable(f *table, file int16, header []string, cols map[string]int, rows []model.Result) []model.Result {
	cPeriod, cUnit, cGoal := cols["period"], cols["unit"], cols["goal"]
	cValue, cNum, cDen := cols["value"], cols["numerator"], cols["denominator"]
	need := max(cPeriod, cUnit, cGoal, cValue, cNum, cDen) + 1
	// named are the columns the header names: a CSV reader reuses the
	// header's fields for the rows.
	named := make([]bool, len(header))
	for i, h := range header {
		named[i] = strings.TrimSpace(h) != ""
	}
	numbers := [3]int{cValue, cNum, cDen}
	// A number's error names its column as the header does ("verdi").
	valueName, numName, denName := columnName(header, cValue), columnName(header, cNum), columnName(header, cDen)
	unnamed := func(c int) bool { return c >= len(named) || !named[c] }
	anyField := func(int) bool { return true }
	// field is a row's cell in column c, "" for a column the file lacks.
	var rec []string
	field := func(c int) string {
		if c < 0 {
			return ""
		}
		return strings.TrimSpace(rec[c])
	}

	for {
		var err error
		rec, err = f.recs.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			if f.addCSVError(err) {
				continue
			}
			break
		}
		line, _ := f.recs.FieldPos(0)
		if blankRecord(rec) {
			// A blank line, or a spreadsheet's empty row (";;;;;").
			continue
		}
		if len(rec) < need || f.delim != 0 && !wholeRow(rec, len(header)) {
			// A field too many or too few shifts the fields after it into
			// the wrong columns: no value of the row can be trusted.
			if c, ok := f.splitDecimal(rec, numbers, anyField); ok {
				f.add(line, f.col(c), "row has %d fields, the header %d: is %s one number with a decimal comma? In a comma-separated file it splits in two: write %s, put it in quotes, or save the file with semicolons", len(rec), len(header), splitNumber(rec, c), strings.Replace(splitNumber(rec, c), ",", ".", 1))
			} else {
				f.add(line, 0, "row has %d fields, the header %d: check the delimiter and quoting of this line", len(rec), len(header))
			}
			continue
		}
		if c, ok := f.splitDecimal(rec, numbers, unnamed); ok {
			// A column without a name, as a spreadsheet writes in the
			// header when a cell further right was ever used, would hide
			// the split.
			f.add(line, f.col(c), "%s in a column without a name: is %s one number with a decimal comma? In a comma-separated file it splits in two: write %s, put it in quotes, or save the file with semicolons", strings.TrimSpace(rec[c+1]), splitNumber(rec, c), strings.Replace(splitNumber(rec, c), ",", ".", 1))
			continue
		}
		res := model.Result{File: file, Line: int32(line), Sheet: f.sheetIndex}
		ok := true

		g, goalFound := r.goals[field(cGoal)]
		if !goalFound {
			var i int
			i, goalFound = r.misnamedGoals.Find(field(cGoal))
			g = int32(i)
		}
		months := 1
		if goalFound {
			months = r.periodMonths[g]
		}
		if p, good := model.ParseGoalPeriod(field(cPeriod), months); good {
			res.Period = p
		} else {
			switch months {
			case 12:
				f.add(line, f.col(cPeriod), "period %q is not a year: goal %q is measured once a year: write the year alone, as %s", clip(field(cPeriod)), field(cGoal), yearOf(field(cPeriod)))
			case 4:
				f.add(line, f.col(cPeriod), "period %q is not a tertial: goal %q is measured by tertial: write YYYY-T1, YYYY-T2 or YYYY-T3 (T1 is January to April)", clip(field(cPeriod)), field(cGoal))
			default:
				f.add(line, f.col(cPeriod), "period %q is not a month: %s", clip(field(cPeriod)), PeriodHint(field(cPeriod)))
			}
			ok = false
		}
		if u, found := r.units[field(cUnit)]; found {
			res.Unit, res.Code = u.unit, u.code
		} else if u, found := r.misnamedUnits.Find(field(cUnit)); found {
			res.Unit = int32(u)
		} else {
			f.noteUnknown(unknownKey{name: field(cUnit)}, line, func() int { return f.col(cUnit) })
			ok = false
		}
		if goalFound {
			res.Goal = g
		} else {
			f.noteUnknown(unknownKey{goal: true, name: field(cGoal)}, line, func() int { return f.col(cGoal) })
			ok = false
		}
		if suppressed(field(cValue)) || suppressed(field(cNum)) || suppressed(field(cDen)) {
			// Hidden by whoever published it; its numbers are not to be had.
			res.Suppressed = true
			// A ratio's numbers give the value they say is hidden.
			if number := func(v string) bool { return v != "" && !suppressed(v) }; number(field(cNum)) && number(field(cDen)) {
				if f.marked++; f.marked == 1 {
					f.markedLine = line
				}
			}
			if ok {
				rows = append(rows, res)
			}
			continue
		}
		res.Value, res.HasValue, ok = f.number(field(cValue), valueName, line, cValue, ok)
		var hasNum, hasDen bool
		res.Numerator, hasNum, ok = f.number(field(cNum), numName, line, cNum, ok)
		res.Denominator, hasDen, ok = f.number(field(cDen), denName, line, cDen, ok)
		// One of the two left empty (a number that is not one has its
		// own error).
		if hasNum != hasDen && (field(cNum) == "") != (field(cDen) == "") {
			if c, split := f.splitDecimal(rec, numbers, anyField); split {
				// The row has its header's fields only thanks to the empty
				// ones a spreadsheet adds at its end.
				f.add(line, f.col(c), "is %s one number with a decimal comma? In a comma-separated file it splits in two, and its second part fills the numerator or denominator without the other: write %s, put it in quotes, or save the file with semicolons", splitNumber(rec, c), strings.Replace(splitNumber(rec, c), ",", ".", 1))
			} else {
				f.add(line, 0, "give both numerator and denominator, or neither")
			}
			ok = false
		}
		res.HasRatio = hasNum && hasDen
		if ok && !res.HasValue && !res.HasRatio {
			if cNum < 0 {
				f.add(line, f.col(cValue), "row has no value: give a value (or add numerator and denominator columns for a ratio), or leave the row out where the figure is missing (* where its source hid it)")
			} else {
				f.add(line, 0, "row has no value: give a value, or a numerator and a denominator, or leave the row out where the figure is missing (* where its source hid it)")
			}
			ok = false
		}
		if ok {
			rows = append(rows, res)
		}
		f.keep(len(rows)-1, ok)
	}
	f.resolveAmbiguous(rows, cValue, cNum)
	for _, u := range f.unknown {
		pos := diag.Pos{Path: f.path, Sheet: f.sheet, Line: u.line, Col: u.col}
		switch {
		case u.goal && u.rows == 1:
			f.errs.Add(pos, "unknown goal %q%s: goals are the ids in %s", clip(u.name), diag.Suggest(clip(u.name), r.goalIDs), GoalsPath)
		case u.goal:
			f.errs.Add(pos, "unknown goal %q on %d rows, the first here%s: goals are the ids in %s", clip(u.name), u.rows, diag.Suggest(clip(u.name), r.goalIDs), GoalsPath)
		case u.rows == 1:
			f.errs.Add(pos, "unknown unit %q%s: units are the office and county ids in %s, or their codes", clip(u.name), r.suggestUnit(u.name), OrgPath)
		default:
			f.errs.Add(pos, "unknown unit %q on %d rows, the first here%s: units are the office and county ids in %s, or their codes", clip(u.name), u.rows, r.suggestUnit(u.name), OrgPath)
		}
	}
	f.addUnreported()
	if f.marked > 0 {
		f.errs.AddNotice(diag.Pos{Path: f.path, Sheet: f.sheet, Line: f.markedLine}, "rows whose value is marked hidden (%s) but whose numerator and denominator are given: %d, the first here; each is taken as hidden and its numbers are not used: leave out the numbers, or the mark", strings.Join(suppressionMarks, " "), f.marked)
	}
	return rows
}

// resultHeader finds each column in a header, -1 where there is none;
// ok is false when a required column is missing.
func resultHeader(header []string) (cols map[string]int, ok bool) {
	cols = map[string]int{}
	for _, c := range resultColumns {
		cols[c.name] = -1
	}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		for _, c := range resultColumns {
			if (h == c.name || h == c.bokmål || h == c.nynorsk) && cols[c.name] < 0 {
				cols[c.name] = i
			}
		}
	}
	for _, c := range resultColumns[:requiredColumns] {
		if cols[c.name] < 0 {
			return cols, false
		}
	}
	return cols, true
}

// goalColumn is the first goal that header names as a column, or "".
func (r *resultReader) goalColumn(header []string) string {
	for _, h := range header {
		if _, ok := r.goals[strings.TrimSpace(h)]; ok {
			return strings.TrimSpace(h)
		}
	}
	return ""
}

// columnName is column c's name in header, "" where there is none.
func columnName(header []string, c int) string {
	if c < 0 {
		return ""
	}
	return strings.TrimSpace(header[c])
}

// wholeRow reports whether a CSV row has its header's number of fields,
// or more whose extra ones are empty, as a spreadsheet writes a row when a
// cell further right was ever used.
func wholeRow(rec []string, width int) bool {
	if len(rec) < width {
		return false
	}
	return blankRecord(rec[width:])
}

// splitDecimal finds the number column c (one of numbers) of a
// comma-separated row whose whole number is followed by a field of digits
// alone, where after reports that the field after c may be read: a number
// with a decimal comma (12,5) that the delimiter split in two.
func (f *table) splitDecimal(rec []string, numbers [3]int, after func(c int) bool) (c int, ok bool) {
	if f.delim != ',' {
		return 0, false
	}
	for _, c := range numbers {
		if c >= 0 && c+1 < len(rec) && after(c+1) && plainInteger(strings.TrimSpace(rec[c])) && digits(strings.TrimSpace(rec[c+1])) {
			return c, true
		}
	}
	return 0, false
}

// splitNumber is the number that fields c and c+1 were before the
// delimiter split it.
func splitNumber(rec []string, c int) string {
	return strings.TrimSpace(rec[c]) + "," + strings.TrimSpace(rec[c+1])
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func blankRecord(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func suppressed(s string) bool { return slices.Contains(suppressionMarks, s) }

// suggestUnit is the hint for an unknown unit: the id of a unit whose
// name it is, now or before (as "NAV Arna" and "Arna" are arna's), or
// whose code it begins with, else
// the nearest id, code or name.
// A code is compared only with codes a digit longer or shorter: a digit
// too many or too few is a slip, but a code of the same length a digit or
// two off is another municipality's (1133 Hjelmeland is not 4633 Fedje),
// as in a national table in a county's site, and a municipality's code
// begins with its county's, which is no slip either.
func (r *resultReader) suggestUnit(s string) diag.Phrase {
	for i, name := range r.unitNames {
		if strings.EqualFold(name, s) {
			return diag.P(" (did you mean %q?)", r.unitHints[i])
		}
	}
	// NAV's tables write a municipality as "4601 Bergen".
	if code, _, ok := strings.Cut(s, " "); ok && digits(code) {
		if i := slices.Index(r.unitNames, code); i >= 0 {
			return diag.P(" (did you mean %q, by its code %s? give the code alone)", r.unitHints[i], code)
		}
	}
	// A code column that a program read as numbers, and wrote "4633.0".
	if code, decimals, ok := strings.Cut(s, "."); ok && digits(code) && strings.Trim(decimals, "0") == "" {
		if i := slices.Index(r.unitNames, code); i >= 0 {
			return diag.P(" (did you mean %q, by its code %s? write the code without decimals)", r.unitHints[i], code)
		}
	}
	if digits(s) {
		var codes, hints []string
		for i, c := range r.unitNames {
			if digits(c) && (len(c) == len(s)+1 || len(c) == len(s)-1) {
				codes, hints = append(codes, c), append(hints, r.unitHints[i])
			}
		}
		return diag.SuggestAmong(s, codes, hints)
	}
	return diag.SuggestAmong(clip(s), r.unitNames, r.unitHints)
}

// excelDate is a period that a spreadsheet has turned into a date:
// 01.11.2026, 1/11/2026, 2026-11-01, nov.26, 26-nov.
var excelDate = regexp.MustCompile(`(?i)^(\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}([ t].*)?|[a-zæøå]{3,9}\.?[ ./-]?\d{2,4}|\d{1,2}[ ./-]?[a-zæøå]{3,9}\.?([ ./-]?\d{2,4})?)$`)

// excelSerial is a date as a workbook keeps it: days since 1900.
var excelSerial = regexp.MustCompile(`^[1-9][0-9]{4}(\.[0-9]+)?$`)

// monthOf finds the month a period written otherwise names: 2026-3,
// 2026/03, 2026-03-15, 15.03.2026, 03.2026.
var monthOf = []*regexp.Regexp{
	regexp.MustCompile(`^(?P<year>\d{4})[-/.](?P<month>\d{1,2})(?:[-/.]\d{1,2})?$`),
	regexp.MustCompile(`^\d{1,2}[./-](?P<month>\d{1,2})[./-](?P<year>\d{4})$`),
	regexp.MustCompile(`^(?P<month>\d{1,2})[./-](?P<year>\d{4})$`),
	// Statistics Norway's way: 2018M03.
	regexp.MustCompile(`^(?P<year>\d{4})[Mm](?P<month>\d{1,2})$`),
}

// namedMonth is a month written out with its year, "mars 2018" or
// Excel's "okt.18", and quarter a quarter, which Statistics Norway
// writes 2018K1.
var (
	namedMonth = regexp.MustCompile(`^(?i)(?P<name>\pL+)(?:\.\s*|\s+|-)(?P<year>\d{2}|\d{4})$`)
	quarter    = regexp.MustCompile(`^\d{4}[KkQq][1-4]$`)
)

// monthNames are the months' names and their short forms in Norwegian
// and English, as the first three letters.
var monthNames = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "mai": 5, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "okt": 10, "oct": 10, "nov": 11, "des": 12, "dec": 12}

// PeriodHint says how to write a period that is not a month, with the
// month it seems to name.
func PeriodHint(s string) diag.Phrase {
	month := ""
	if y, mo, ok := writtenMonth(s); ok {
		if mo < 1 || mo > 12 {
			return diag.P("its month, %d, is not from 01 to 12: check the month", mo)
		}
		month = fmt.Sprintf("%04d-%02d", y, mo)
	}
	// A month named in full with its year ("mars 2010", as NAV's tables
	// name them) is how a person writes it, not what a spreadsheet made.
	inFull := false
	if m := namedMonth.FindStringSubmatch(s); m != nil {
		name := []rune(strings.ToLower(m[1]))
		if mo, ok := monthNames[string(name[:min(3, len(name))])]; ok {
			year := m[2]
			if len(year) == 2 {
				// Excel's "okt.18".
				year = "20" + year
			}
			month = fmt.Sprintf("%s-%02d", year, mo)
			inFull = len(m[2]) == 4 && len(name) > 3 && !strings.Contains(s, ".")
		}
	}
	serial := excelSerial.MatchString(s)
	if serial {
		// Days since 1899-12-30, as a workbook counts them.
		days, _ := strconv.ParseFloat(s, 64)
		if d := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days)); d.Year() >= model.FirstYear && d.Year() <= model.LastYear {
			// The cell shows the date, not the number it keeps.
			return diag.P("it is the date %s, as a workbook keeps it, which a spreadsheet made of the month: format the period column as text and write the month as YYYY-MM (%s)", d.Format("2006-01-02"), d.Format("2006-01"))
		}
	}
	if quarter.MatchString(s) {
		return diag.P("a quarter is not a period malekort reads: give each month as YYYY-MM (%s-01), or, for a goal measured by tertial, YYYY-T1", s[:4])
	}
	if !inFull && (serial || excelDate.MatchString(s)) {
		if month == "" {
			return diag.P("it looks like a date a spreadsheet made of the month: format the period column as text and write the month as YYYY-MM")
		}
		return diag.P("it looks like a date a spreadsheet made of the month: format the period column as text and write the month as YYYY-MM (%s)", month)
	}
	if y, err := strconv.Atoi(s[:min(4, len(s))]); err == nil && len(s) == 7 && s[4] == '-' && (y < model.FirstYear || y > model.LastYear) {
		return diag.P("its year is not from %d to %d: check the year", model.FirstYear, model.LastYear)
	}
	if month == "" {
		return diag.P("write it as YYYY-MM, as 2026-11 for November 2026")
	}
	return diag.P("write it as YYYY-MM (%s)", month)
}

// writtenMonth is the year and month of s where it names a month as a
// person writes it otherwise (see monthOf); the month may be out of
// range.
func writtenMonth(s string) (year, month int, ok bool) {
	for _, re := range monthOf {
		if m := re.FindStringSubmatch(s); m != nil {
			year, _ = strconv.Atoi(m[re.SubexpIndex("year")])
			month, _ = strconv.Atoi(m[re.SubexpIndex("month")])
			return year, month, true
		}
	}
	return 0, 0, false
}

// addCSVError records an error of reading a row, and reports whether the
// rows after it can be read: after a row that does not parse they can,
// while a reader that failed (the disk, a workbook's broken part) fails
// again at every row.
func (f *table) addCSVError(err error) (goOn bool) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		f.add(pe.Line, pe.Column, "%v: check the quoting of this line", quoteProblem(pe.Err))
		return true
	}
	f.errs.AddIO(diag.Pos{Path: f.path}, err)
	return false
}

// quoteProblem says what encoding/csv found wrong with a line's quotes,
// in a phrase to translate; another error keeps the package's words.
func quoteProblem(err error) any {
	switch {
	case errors.Is(err, csv.ErrQuote):
		return diag.P("a field in quotes has a quote too many, or lacks its closing one")
	case errors.Is(err, csv.ErrBareQuote):
		return diag.P("a field without quotes around it has a quote in it (write it in quotes, with the quote doubled: \"NAV \"\"Sentrum\"\"\")")
	}
	return err
}

// number parses a numeric field. It returns ok unchanged unless the field is
// not a number, so callers can chain the checks of one row.
func (f *table) number(s, name string, line, field int, ok bool) (float64, bool, bool) {
	if s == "" {
		return 0, false, ok
	}
	if f.sheet != "" {
		// A workbook keeps numbers as numbers, with a decimal point; a
		// number typed as text is read as a CSV field is, on its own.
		if v, err := strconv.ParseFloat(s, 64); err == nil && v == v && math.Abs(v) <= model.Largest {
			return v, true, ok
		}
		if v, _, good := parseNumber(s); good {
			return v, true, ok
		}
		f.notANumber(line, field, name, s)
		return 0, false, false
	}
	v, dec, good := parseNumber(s)
	if !good {
		f.notANumber(line, field, name, s)
		return 0, false, false
	}
	if dec == 0 {
		if group := groupSeparator(s); group != 0 {
			// "1.234.567" groups thousands with points: the file's
			// decimal separator is the comma.
			switch f.decimal {
			case 0:
				f.decimal, f.decLine = otherSeparator(group), line
			case group:
				f.add(line, f.col(field), "%s %q groups thousands with a %s, but line %d has a decimal %s: use one of them in the whole file", name, s, sepName(group), f.decLine, sepName(f.decimal))
				return 0, false, false
			}
		}
		return v, true, ok
	}
	if groupedThousands(strings.TrimSpace(s), dec) {
		switch f.decimal {
		case 0:
			f.rowAmbiguous = append(f.rowAmbiguous, ambiguousNumber{line: line, col: f.col(field), field: field, name: name, s: s, sep: dec, decimal: v})
		case dec:
		default:
			// "1.234" in a file of decimal commas groups thousands.
			v = withoutGrouping(s, dec)
		}
		return v, true, ok
	}
	if f.decimal == 0 {
		f.decimal, f.decLine = dec, line
	} else if dec != f.decimal {
		f.add(line, f.col(field), "%s %q has a decimal %s, but line %d has a decimal %s: use one of them in the whole file", name, s, sepName(dec), f.decLine, sepName(f.decimal))
		return 0, false, false
	}
	return v, true, ok
}

// notANumber adds the error of a field that is no number: one of digits
// alone that has too many of them is told so.
func (f *table) notANumber(line, field int, name, s string) {
	digits := 0
	for i, c := range s {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' || c == ',' || c == ' ' || (i == 0 && (c == '-' || c == '+')):
		default:
			digits = -1
		}
		if digits < 0 {
			break
		}
	}
	if digits > 15 {
		f.add(line, f.col(field), "%s %q has %d digits, more than a figure here may have (15): check the cell", name, clip(s), digits)
		return
	}
	if strings.IndexFunc(s, isGroupSpace) >= 0 {
		if _, _, ok := parseNumber(strings.Map(func(r rune) rune {
			if isGroupSpace(r) {
				return -1
			}
			return r
		}, s)); ok {
			f.add(line, f.col(field), "%s %q is not a number: a space or an apostrophe in a number may only group its thousands, as in 12 345; check the cell", name, clip(s))
			return
		}
	}
	f.add(line, f.col(field), "%s %q is not a number", name, clip(s))
}

// withoutGrouping is the value of s, whose separators sep group
// thousands.
func withoutGrouping(s string, sep byte) float64 {
	v, _, _ := parseNumber(strings.ReplaceAll(s, string(sep), ""))
	return v
}

// keep takes the current row's ambiguous numbers along with it, as
// rows[row] (ok false: the row is not kept, nor are they).
func (f *table) keep(row int, ok bool) {
	if ok {
		for _, a := range f.rowAmbiguous {
			a.row = row
			f.ambiguous = append(f.ambiguous, a)
		}
	}
	f.rowAmbiguous = f.rowAmbiguous[:0]
}

// resolveAmbiguous reads the numbers that read either way by the decimal
// separator the rest of the file showed, or, where it showed none, by
// its delimiter: a file separated by semicolons or tabs is what Excel on
// Norwegian Windows saves, with a decimal comma, so a point groups
// thousands; in a comma-separated file a comma can only be quoted, as the
// error of a split decimal comma advises, so either separator is a
// decimal one there, but not both in one file. Each separator read by
// the delimiter is a notice at its first number, where nothing tells it:
// all but a comma in a file that has decimal commas.
func (f *table) resolveAmbiguous(rows []model.Result, cValue, cNum int) {
	var guessed [2]int // by the separator: '.', ','
	var first [2]ambiguousNumber
	for _, a := range f.ambiguous {
		dec := f.decimal
		if dec == 0 {
			dec = ','
			if f.delim == ',' {
				dec = a.sep
			}
			k := strings.IndexByte(".,", a.sep)
			if guessed[k]++; guessed[k] == 1 {
				first[k] = a
			}
		}
		v := a.decimal
		if dec != a.sep {
			v = withoutGrouping(a.s, a.sep)
		}
		r := &rows[a.row]
		switch a.field {
		case cValue:
			r.Value = v
		case cNum:
			r.Numerator = v
		default:
			r.Denominator = v
		}
	}
	if f.delim == ',' && guessed[0] > 0 && guessed[1] > 0 {
		point, comma := first[0], first[1]
		later, earlier := comma, point
		if later.line < earlier.line {
			later, earlier = earlier, later
		}
		f.add(later.line, later.col, "%s %q has a decimal %s, but line %d has a decimal %s: use one of them in the whole file", later.name, later.s, sepName(later.sep), earlier.line, sepName(earlier.sep))
		return
	}
	delimiter := diag.P("semicolons")
	switch f.delim {
	case '\t':
		delimiter = diag.P("tabs")
	case ',':
		delimiter = diag.P("commas")
	}
	for k, sep := range []byte(".,") {
		if guessed[k] == 0 || (sep == ',' && f.delim != ',') {
			continue
		}
		a := first[k]
		how := diag.P("the file's only such number")
		if guessed[k] > 1 {
			how = diag.P("one of %d such numbers in the file, the first here", guessed[k])
		}
		var read any = diag.Number{V: a.decimal, Decimals: decimalsOf(a.s)}
		rule, other := diag.P("a %s is the decimal separator", sepName(sep)), strings.Replace(a.s, string(sep), "", 1)
		if f.delim != ',' {
			// A whole number without grouping, which English would
			// write 1,500, as the very number in question.
			read, rule, other = strconv.FormatFloat(withoutGrouping(a.s, sep), 'f', -1, 64), diag.P("a point groups thousands"), strings.Replace(a.s, ".", ",", 1)
		}
		f.errs.AddNotice(diag.Pos{Path: f.path, Line: a.line, Col: a.col}, "%s %q is read as %s (%s): nothing else in the file shows which decimal separator it uses, and in a file separated by %s %s; if that is wrong, write %s", a.name, a.s, read, how, delimiter, rule, other)
	}
}

// groupSeparator is the separator of a number that has only separators
// grouping thousands ("1.234.567"), 0 for one without.
func groupSeparator(s string) byte {
	switch {
	case strings.IndexByte(s, '.') >= 0:
		return '.'
	case strings.IndexByte(s, ',') >= 0:
		return ','
	}
	return 0
}

func otherSeparator(c byte) byte {
	if c == '.' {
		return ','
	}
	return '.'
}

// decimalsOf counts the digits of s after its last separator, not
// counting trailing zeros: "1.500" is written 1.5.
func decimalsOf(s string) int {
	frac := strings.TrimRight(s[strings.LastIndexAny(s, ".,")+1:], "0")
	return len(frac)
}

func sepName(c byte) diag.Phrase {
	if c == ',' {
		return diag.P("comma")
	}
	return diag.P("point")
}

// parseNumber reads a number written either way round: "1234.5",
// "1 234,5", "1.234,5", "1,234.5". dec is the decimal separator it used,
// or 0 when the number had none. A lone separator is read as the decimal
// separator; csvFile.number reads it as grouping instead where the file
// has shown the other one as its decimal separator.
func parseNumber(s string) (v float64, dec byte, ok bool) {
	if plainInteger(s) {
		// Most fields of a large export: counts with nothing to undo.
		v, err := strconv.ParseFloat(s, 64)
		return v, 0, err == nil && math.Abs(v) <= model.Largest
	}
	var b strings.Builder
	b.Grow(len(s))
	lastSep, nDot, nComma, spaced := -1, 0, 0, false
	for i, c := range s {
		switch {
		case c >= '0' && c <= '9', c == '-' && i == 0, c == '+' && i == 0:
			b.WriteRune(c)
		case c == '\u2212' && i == 0:
			b.WriteByte('-')
		case c == '.' || c == ',':
			if c == '.' {
				nDot++
			} else {
				nComma++
			}
			lastSep = b.Len()
			b.WriteRune(c)
		case isGroupSpace(c):
			spaced = true
		default:
			return 0, 0, false
		}
	}
	if spaced && !groupedBySpaces(s) {
		return 0, 0, false
	}
	t := b.String()
	switch {
	case nDot == 0 && nComma == 0:
	case nDot+nComma == 1:
		dec = t[lastSep]
	case nDot > 0 && nComma > 0:
		dec = t[lastSep]
		if (dec == '.' && nDot > 1) || (dec == ',' && nComma > 1) {
			return 0, 0, false
		}
	default:
		// Several of the same separator and no other: it groups thousands.
		if !groupedThousands(t, t[lastSep]) {
			return 0, 0, false
		}
	}
	if dec != 0 {
		group := byte(',')
		if dec == ',' {
			group = '.'
		}
		intPart := t[:lastSep]
		if strings.IndexByte(intPart, group) >= 0 && !groupedThousands(intPart, group) {
			return 0, 0, false
		}
		t = strings.ReplaceAll(intPart, string(group), "") + "." + t[lastSep+1:]
	} else {
		t = strings.Map(func(r rune) rune {
			if r == '.' || r == ',' {
				return -1
			}
			return r
		}, t)
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || v != v || math.Abs(v) > model.Largest {
		return 0, 0, false
	}
	return v, dec, true
}

// isGroupSpace reports whether c may group a number's thousands: a
// space, a no-break space, a narrow one, or an apostrophe.
func isGroupSpace(c rune) bool {
	return c == ' ' || c == '\u00a0' || c == '\u202f' || c == '\''
}

// groupedBySpaces reports whether the spaces (see isGroupSpace) in s, a
// number, group its whole part in thousands ("12 345", "1 234,5"). A
// space slipped into a figure ("1 82", "12 34") would otherwise join its
// digits into another number without a word.
func groupedBySpaces(s string) bool {
	s = strings.TrimLeft(strings.TrimPrefix(s, "\u2212"), "+-")
	for group := 0; ; group++ {
		digits := len(s) - len(strings.TrimLeft(s, "0123456789"))
		switch {
		case group == 0 && (digits < 1 || digits > 3 || s[0] == '0'):
			// "0 500" no more groups thousands than "0.500" does.
			return false
		case group > 0 && digits != 3:
			return false
		}
		s = s[digits:]
		space, size := utf8.DecodeRuneInString(s)
		switch {
		case s == "":
			return true
		case isGroupSpace(space):
			s = s[size:]
		default:
			// Only the last group may have decimals after it.
			return decimals(s)
		}
	}
}

// decimals reports whether s is a decimal separator and digits after it.
func decimals(s string) bool {
	return len(s) > 1 && (s[0] == '.' || s[0] == ',') && strings.Trim(s[1:], "0123456789") == ""
}

func plainInteger(s string) bool {
	if len(s) == 0 || len(s) > 15 {
		return false
	}
	for i := range len(s) {
		if c := s[i]; (c < '0' || c > '9') && !(i == 0 && c == '-' && len(s) > 1) {
			return false
		}
	}
	return true
}

// groupedThousands reports whether the separators in s split it into
// groups of three digits after the first.
func groupedThousands(s string, sep byte) bool {
	// Read group by group, not split: every number of a file with
	// decimals passes through here.
	first, rest, grouped := strings.Cut(strings.TrimLeft(s, "+-\u2212"), string(sep))
	if len(first) == 0 || len(first) > 3 || first[0] == '0' {
		// "0.500" is no number of thousands.
		return false
	}
	for grouped {
		var group string
		group, rest, grouped = strings.Cut(rest, string(sep))
		if len(group) != 3 {
			return false
		}
	}
	return true
}

// sniffDelimiter picks the delimiter from the header line, whose column
// names contain neither, so a semicolon there means a semicolon file.
func sniffDelimiter(r *bufio.Reader) rune {
	head, _ := r.Peek(4096)
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	switch {
	case bytes.IndexByte(head, ';') >= 0:
		return ';'
	case bytes.IndexByte(head, '\t') >= 0:
		return '\t'
	}
	return ','
}

// clip shortens a value quoted in an error: a field can be megabytes long.
func clip(s string) string {
	const max = 40
	if r := []rune(s); len(r) > max {
		return string(r[:max]) + "…"
	}
	return s
}

// macLines reads text whose lines end in a carriage return alone, as
// Excel for Mac's "CSV (Macintosh)" writes it, with line feeds instead:
// encoding/csv reads a lone carriage return as part of a field, so the
// whole file would be one header line.
type macLines struct{ r io.Reader }

func (m macLines) Read(p []byte) (int, error) {
	n, err := m.r.Read(p)
	for i, b := range p[:n] {
		if b == '\r' {
			p[i] = '\n'
		}
	}
	return n, err
}
