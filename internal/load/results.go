package load

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/model"
	"golang.org/x/text/encoding/charmap"
)

// maxErrorsPerFile stops a file that is wrong on every line (the wrong
// file dropped in, say) from burying the other files' errors.
const maxErrorsPerFile = 50

var resultColumns = []string{"period", "unit", "goal", "value", "numerator", "denominator"}

type resultReader struct {
	units, goals     map[string]int32
	unitIDs, goalIDs []string
}

// csvFile is the state of one results file while it is read.
type csvFile struct {
	cr      *csv.Reader
	path    string
	errs    *diag.List
	nErrs   int
	decimal byte // '.' or ',' once a number has shown which one the file uses
	decLine int
}

// col is the column of field i of the current record; asked only for an
// error, since looking it up for every field of millions of rows costs.
func (f *csvFile) col(i int) int {
	_, c := f.cr.FieldPos(i)
	return c
}

func (f *csvFile) add(line, col int, format string, args ...any) {
	f.nErrs++
	if f.nErrs <= maxErrorsPerFile {
		f.errs.Add(diag.Pos{Path: f.path, Line: line, Col: col}, format, args...)
	} else if f.nErrs == maxErrorsPerFile+1 {
		f.errs.Add(diag.Pos{Path: f.path, Line: line}, "too many errors in this file; stopped reporting them here")
	}
}

// read parses one results file and appends its rows to rows. It accepts
// what spreadsheet programs write: comma or semicolon delimiters, decimal
// point or comma, UTF-8 with or without BOM or Windows-1252, CRLF or LF.
func (r *resultReader) read(path string, file int32, src io.Reader, rows []model.Result, errs *diag.List) []model.Result {
	f := &csvFile{path: path, errs: errs}
	br := bufio.NewReaderSize(src, 64<<10)
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	var in io.Reader = br
	head, _ := br.Peek(64 << 10)
	if !validUTF8Prefix(head) {
		// Excel on Norwegian Windows saves "CSV" as Windows-1252.
		in = charmap.Windows1252.NewDecoder().Reader(br)
	}
	in = bufio.NewReaderSize(in, 64<<10)
	delim := sniffDelimiter(in.(*bufio.Reader))

	cr := csv.NewReader(in)
	f.cr = cr
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		f.add(1, 0, "file is empty: the first line must be the header %s", strings.Join(resultColumns, ","))
		return rows
	}
	if err != nil {
		f.addCSVError(err)
		return rows
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	for _, name := range resultColumns {
		if _, ok := col[name]; !ok {
			f.add(1, 0, "header has no %q column: the header must name %s (in any order; other columns are ignored)", name, strings.Join(resultColumns, ","))
			return rows
		}
	}
	cPeriod, cUnit, cGoal := col["period"], col["unit"], col["goal"]
	cValue, cNum, cDen := col["value"], col["numerator"], col["denominator"]
	need := max(cPeriod, cUnit, cGoal, cValue, cNum, cDen) + 1

	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			f.addCSVError(err)
			if f.nErrs > maxErrorsPerFile {
				break
			}
			continue
		}
		line, _ := cr.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if len(rec) < need {
			f.add(line, 0, "row has %d fields, the header %d: check the delimiter and quoting of this line", len(rec), len(header))
			continue
		}
		res := model.Result{File: file, Line: int32(line)}
		ok := true
		field := func(c int) string { return strings.TrimSpace(rec[c]) }

		if p, good := model.ParsePeriod(field(cPeriod)); good {
			res.Period = p
		} else {
			f.add(line, f.col(cPeriod), "period %q is not a month: write it as YYYY-MM", clip(field(cPeriod)))
			ok = false
		}
		if u, found := r.units[field(cUnit)]; found {
			res.Unit = u
		} else {
			f.add(line, f.col(cUnit), "unknown unit %q%s: units are the office and county ids in %s", clip(field(cUnit)), diag.Suggest(clip(field(cUnit)), r.unitIDs), OrgPath)
			ok = false
		}
		if g, found := r.goals[field(cGoal)]; found {
			res.Goal = g
		} else {
			f.add(line, f.col(cGoal), "unknown goal %q%s: goals are the ids in %s", clip(field(cGoal)), diag.Suggest(clip(field(cGoal)), r.goalIDs), GoalsPath)
			ok = false
		}
		res.Value, res.HasValue, ok = f.number(field(cValue), "value", line, cValue, ok)
		var hasNum, hasDen bool
		res.Numerator, hasNum, ok = f.number(field(cNum), "numerator", line, cNum, ok)
		res.Denominator, hasDen, ok = f.number(field(cDen), "denominator", line, cDen, ok)
		if hasNum != hasDen {
			f.add(line, 0, "give both numerator and denominator, or neither")
			ok = false
		}
		res.HasRatio = hasNum && hasDen
		if ok && !res.HasValue && !res.HasRatio {
			f.add(line, 0, "row has no value: give a value, or a numerator and a denominator")
			ok = false
		}
		if ok {
			rows = append(rows, res)
		}
	}
	return rows
}

func (f *csvFile) addCSVError(err error) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		f.add(pe.Line, pe.Column, "%v: check the quoting of this line", pe.Err)
		return
	}
	f.errs.AddIO(diag.Pos{Path: f.path}, err)
}

// number parses a numeric field. It returns ok unchanged unless the field is
// not a number, so callers can chain the checks of one row.
func (f *csvFile) number(s, name string, line, field int, ok bool) (float64, bool, bool) {
	if s == "" {
		return 0, false, ok
	}
	v, dec, good := parseNumber(s)
	if !good {
		f.add(line, f.col(field), "%s %q is not a number", name, clip(s))
		return 0, false, false
	}
	if dec != 0 && dec != f.decimal && f.decimal != 0 && groupedThousands(strings.TrimSpace(s), dec) {
		// "1.234" in a file of decimal commas groups thousands.
		v, _, _ = parseNumber(strings.ReplaceAll(s, string(dec), ""))
		return v, true, ok
	}
	if dec != 0 {
		if f.decimal == 0 {
			f.decimal, f.decLine = dec, line
		} else if dec != f.decimal {
			f.add(line, f.col(field), "%s %q has a decimal %s, but line %d has a decimal %s: use one of them in the whole file", name, s, sepName(dec), f.decLine, sepName(f.decimal))
			return 0, false, false
		}
	}
	return v, true, ok
}

func sepName(c byte) string {
	if c == ',' {
		return "comma"
	}
	return "point"
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
		return v, 0, err == nil && v <= 1e15 && v >= -1e15
	}
	var b strings.Builder
	b.Grow(len(s))
	lastSep, nDot, nComma := -1, 0, 0
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
		case c == ' ' || c == '\u00a0' || c == '\u202f' || c == '\'':
			// thousands grouping
		default:
			return 0, 0, false
		}
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
	if err != nil || v != v || v > 1e15 || v < -1e15 {
		return 0, 0, false
	}
	return v, dec, true
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
	parts := strings.Split(strings.TrimLeft(s, "+-"), string(sep))
	if len(parts[0]) == 0 || len(parts[0]) > 3 {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 {
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

// validUTF8Prefix reports whether b is UTF-8, allowing a rune cut off at
// the end of the window.
func validUTF8Prefix(b []byte) bool {
	for i := 0; i < 3 && len(b) > 0 && !utf8.Valid(b); i++ {
		b = b[:len(b)-1]
	}
	return utf8.Valid(b)
}

// clip shortens a value quoted in an error: a field can be megabytes long.
func clip(s string) string {
	const max = 40
	if r := []rune(s); len(r) > max {
		return string(r[:max]) + "…"
	}
	return s
}
