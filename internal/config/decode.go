package config

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/malekort/malekort/internal/diag"
)

// maxTOMLErrors caps the errors one file reports, each found by decoding
// it again without the line of the last.
const maxTOMLErrors = 20

// Decode decodes the TOML file at path into v and reports its errors into
// errs, lines counted from firstLine (1 for a whole file). On a syntax or
// type error it does not stop at the first: it blanks the line in error
// (all the lines of a value of the wrong type, and for a table header the
// table below it) and decodes again, so
// that one run shows every such error of the file. Then v and md hold what
// the rest of the file says, and unread says which lines that leaves out:
// good for finding unknown keys, and for checking the values of a table
// none of whose lines is unread, but not a table that lost a line, whose
// key is simply missing. A control of text direction in the file is an
// error too (see directionControls); it leaves no line unread, since the
// values read the same without it.
func Decode(path string, src []byte, firstLine int, v any, errs *diag.List) (md toml.MetaData, unread Unread) {
	directionControls(path, src, firstLine, errs)
	text := string(src)
	md, err := toml.Decode(text, v)
	if err == nil {
		return md, unread
	}
	lines := strings.SplitAfter(text, "\n")
	blanked := map[int]bool{}
	unread.Lines = map[int]bool{}
	for range maxTOMLErrors {
		line, col, first, last, msg := locate(text, lines, err, v)
		pos := diag.Pos{Path: path}
		if line > 0 {
			pos.Line, pos.Col = line+firstLine-1, col
		}
		errs.Add(pos, "%s", msg)
		if off, ok := controlOffset(text, err); ok {
			// Only the character goes: the rest of its line, a table's
			// header say, is read on.
			text = text[:off] + " " + text[off+1:]
			lines = strings.SplitAfter(text, "\n")
			unread.Lines[line] = true
		} else {
			if first == 0 || first > len(lines) || blanked[first] {
				unread.All = true
				return md, unread
			}
			blank(lines, first, last, blanked)
			maps.Copy(unread.Lines, blanked)
			text = strings.Join(lines, "")
		}
		reset(v)
		if md, err = toml.Decode(text, v); err == nil {
			return md, unread
		}
	}
	unread.All = true
	return md, unread
}

// Unread is what of a file Decode could not read for its errors.
type Unread struct {
	Lines map[int]bool // the lines (1-based) blanked or read without a character
	All   bool         // an error no line holds, or more errors than are told: trust no value
}

// OK reports whether the file was read whole, without an error.
func (u Unread) OK() bool { return !u.All && len(u.Lines) == 0 }

// locate finds err in the file: its line and column, the first and last
// line of what is to be blanked before the file is read again (an
// assignment may run over several), and what to say about it.
func locate(text string, lines []string, err error, v any) (line, col, first, last int, msg diag.Phrase) {
	if key, line, col, ok := wrongType(text, err); ok {
		k := kindAt(v, key)
		if first, last, at, c, x, ok := findValue(lines, key, func(x any) bool { return !k.fits(x) }); ok {
			return at, c, first, last, typeMessage(key, k, x)
		}
		// A value this reading of the lines does not find: the error's
		// own line, and the toml package's words.
		return line, col, line, line, diag.P("%s", err.Error())
	}
	line, col = errorPosition(text, err)
	if off, ok := controlOffset(text, err); ok {
		line, col = offsetPosition(text, off)
	}
	first, last = line, line
	if pe, ok := parseError(err); ok && pe.Message == errNotFinite.Error() {
		// The toml package puts a Number's error on the last assignment
		// of its key, in an array of tables the last table's.
		if f, l, at, c, _, ok := findValue(lines, strings.Split(pe.LastKey, "."), notFinite); ok {
			line, col, first, last = at, c, f, l
		}
	}
	lineText := ""
	if line > 0 && line <= len(lines) {
		lineText = lines[line-1]
	}
	return line, col, first, last, errorMessage(err, lineText)
}

func notFinite(x any) bool {
	f, ok := x.(float64)
	return ok && (math.IsNaN(f) || math.IsInf(f, 0))
}

// blank empties lines line to last (1-based), keeping their newlines so
// that the lines below keep their numbers; a table header takes its table
// with it.
func blank(lines []string, line, last int, blanked map[int]bool) {
	header := strings.HasPrefix(strings.TrimSpace(lines[line-1]), "[")
	for i := line - 1; i < len(lines); i++ {
		if i > last-1 && (!header || strings.HasPrefix(strings.TrimSpace(lines[i]), "[")) {
			break
		}
		blanked[i+1] = true
		if strings.HasSuffix(lines[i], "\n") {
			lines[i] = "\n"
		} else {
			lines[i] = ""
		}
	}
}

func reset(v any) {
	p := reflect.ValueOf(v)
	if p.Kind() == reflect.Pointer && !p.IsNil() {
		p.Elem().SetZero()
	}
}

// parseError finds the toml package's error, which it returns both as a
// value and as a pointer.
func parseError(err error) (toml.ParseError, bool) {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return pe, true
	}
	var ppe *toml.ParseError
	if errors.As(err, &ppe) && ppe != nil {
		return *ppe, true
	}
	return pe, false
}

// errorPosition is the 1-based line and column of err in text, counted
// from the error's byte offset, Position.Start. Position's Line and Col
// are not used as they are: Line is the next line when the offending
// token is a line's end (an unclosed "[[office]"), and Col counts bytes,
// from the line before when the token begins a line.
func errorPosition(text string, err error) (line, col int) {
	pe, ok := parseError(err)
	if !ok {
		return 0, 0
	}
	if start := pe.Position.Start; start > 0 && start <= len(text) {
		return offsetPosition(text, start)
	}
	return pe.Position.Line, pe.Position.Col
}

// controlOffset is the offset in text of the control character err is
// about, if it is about one. The package's Start is the byte before the
// character: at the end of the line before for one that begins a line,
// -1 for one that begins the text.
func controlOffset(text string, err error) (int, bool) {
	pe, ok := parseError(err)
	if !ok || !strings.HasPrefix(pe.Message, "TOML files cannot contain control characters: ") {
		return 0, false
	}
	from := min(max(pe.Position.Start, 0), len(text))
	i := strings.IndexFunc(text[from:], forbiddenControl)
	return from + i, i >= 0
}

// offsetPosition is the 1-based line and column of byte offset in text.
func offsetPosition(text string, offset int) (line, col int) {
	before := text[:offset]
	nl := strings.LastIndexByte(before, '\n')
	return strings.Count(before, "\n") + 1, utf8.RuneCountInString(before[nl+1:]) + 1
}

// forbiddenControl reports the control characters TOML allows nowhere.
func forbiddenControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0x7f
}

// nonFinite finds the key and value of a TOML nan or inf in a line, also
// in an inline table.
var nonFinite = regexp.MustCompile(`([A-Za-z0-9_-]+)\s*=\s*([+-]?(?:nan|inf))\b`)

// keyOfMonth finds a key given a month without quotes, period = 2026-11.
var keyOfMonth = regexp.MustCompile(`^\s*([A-Za-z0-9_-]+)\s*=\s*(\d{4}-\d{2})\s*(?:#[^\n]*)?\s*$`)

// errorMessage says what is wrong in words a person who edits the file
// understands, with what to do; the toml package's own message where it
// has no better one. line is the text of the line in error.
func errorMessage(err error, line string) diag.Phrase {
	pe, ok := parseError(err)
	if !ok {
		return diag.P("%s", err.Error())
	}
	// The toml package tells what kind of error it is only in its Message
	// (the typed causes behind some are unexported), so the message is
	// read; one worded otherwise than here falls through to the package's
	// own words.
	msg := pe.Message
	switch {
	case msg == errNotFinite.Error():
		if m := nonFinite.FindStringSubmatch(line); m != nil {
			return diag.P("%s = %s is not a number: write a number (nan and inf are not numbers here)", m[1], m[2])
		}
		return diag.P("nan and inf are not numbers here: write a number")
	case strings.HasPrefix(msg, "invalid datetime: "):
		value := strings.Trim(strings.TrimPrefix(msg, "invalid datetime: "), `"`)
		if m := keyOfMonth.FindStringSubmatch(line); m != nil && m[2] == value {
			return diag.P("%s is a month, which TOML reads only as text: write %s = \"%s\"", value, m[1], value)
		}
		return dateMessage(value)
	case msg == "strings cannot contain newlines":
		return diag.P(`the text in quotes does not end on this line: add the closing "`)
	case strings.HasPrefix(msg, "expected a top-level item to end with a newline, comment, or EOF, but got ") && strings.Count(line, `"`) > 2:
		// "Jobbmesse "Jobb i Fana" i kulturhuset": the inner quote ends
		// the text, and the rest follows it.
		return diag.P("the text has a quote inside it, which ends the text there: write the quotes inside as « » (\"Jobbmesse «Jobb i Fana»\"), or as \\\"")
	case strings.HasPrefix(msg, "expected a top-level item to end with a newline, comment, or EOF, but got "):
		got := strings.TrimSuffix(strings.TrimPrefix(msg, "expected a top-level item to end with a newline, comment, or EOF, but got "), " instead")
		return diag.P("%s after the value: put text in quotes (\"45 %%\") and write numbers with a decimal point (4.5)", got)
	case strings.HasSuffix(msg, `'\u00a0' instead`):
		return diag.P("the line has a non-breaking space (pasted from Word or a web page) where a plain space belongs: delete it and type a space")
	case strings.HasPrefix(msg, "Key '") && strings.HasSuffix(msg, "' has already been defined."):
		key := strings.TrimSuffix(strings.TrimPrefix(msg, "Key '"), "' has already been defined.")
		return diag.P("%q is set twice: keep one", key)
	case strings.HasPrefix(msg, "expected end of table array name delimiter"):
		return diag.P("a table header must end with ]], as in [[%s]]", strings.Trim(line, "[] \t\r\n"))
	case strings.HasPrefix(msg, "expected end of table name delimiter"):
		return diag.P("a table header must end with ], as in [%s]", strings.Trim(line, "[] \t\r\n"))
	case strings.HasPrefix(msg, "expected value but found ") && strings.ContainsAny(line, "“”«»„‘’"):
		key, value, _ := strings.Cut(line, "=")
		return diag.P("the text is in typographic quotes, which TOML does not read as quotes: write straight ones, %s = \"%s\"", strings.TrimSpace(key), strings.Trim(strings.TrimSpace(value), "“”«»„‘’\""))
	case strings.HasPrefix(msg, "expected value but found "):
		key, value, _ := strings.Cut(line, "=")
		if strings.TrimSpace(value) == "" {
			return diag.P("the value of %s is missing after the =: write it there, text in quotes", strings.TrimSpace(key))
		}
		// Quoted as TOML reads it: quotes inside the text escaped.
		return diag.P("%s is not a value: put text in quotes (%s); numbers, true and false go as they are", strings.TrimSpace(value), strconv.Quote(strings.Trim(strings.TrimSpace(value), `"`)))
	case msg == "expected '.' or '=', but got ':' instead":
		// YAML's way, as other site generators' front matter has it.
		key, value, _ := strings.Cut(strings.TrimSpace(line), ":")
		return diag.P("a key and its value are joined by =, not by a colon: write %s = %s", strings.TrimSpace(key), asTOML(strings.TrimSpace(value)))
	case strings.HasPrefix(msg, "expected '.' or '=', but got ") && strings.Contains(line, "=") && !strings.ContainsAny(before(line, "="), `"'`):
		// "status  er = …", "mål = …": what stands before the = is no key.
		key, value, _ := strings.Cut(line, "=")
		if word := strings.Fields(key); len(word) > 0 && bareKey.MatchString(word[0]) {
			return diag.P("%q is not a key, which is one word of a–z, 0–9, - and _ before the =: write %s = %s", strings.TrimSpace(key), word[0], strings.TrimSpace(value))
		}
		return diag.P("%q is not a key, which is one word of a–z, 0–9, - and _ before the =", strings.TrimSpace(key))
	case strings.HasPrefix(msg, "expected '.' or '=', but got "):
		// A key and its value without the = ("status started",
		// 'title "a = b"'), or a key alone.
		key, value, _ := strings.Cut(strings.TrimSpace(line), " ")
		if value = strings.TrimSpace(value); value == "" {
			value = `"…"`
		}
		return diag.P("a key and its value are joined by =: write %s = %s", key, asTOML(value))
	case strings.HasPrefix(msg, "invalid escape in string "), strings.Contains(msg, " hexadecimal digits after '\\"):
		// A Windows path in double quotes: G:\Felles\tiltak.docx,
		// \\server\users (\u begins a character's code, \x a byte's).
		escape := strings.Trim(strings.TrimPrefix(msg, "invalid escape in string "), "'")
		if _, code, ok := strings.Cut(msg, " hexadecimal digits after '"); ok {
			escape, _, _ = strings.Cut(code, "'")
		}
		key, value, _ := strings.Cut(line, "=")
		// The text between its quotes, without a comment after it; none
		// for a list, whose texts each need it.
		value = strings.TrimSpace(value)
		if first, last := strings.IndexByte(value, '"'), strings.LastIndexByte(value, '"'); first == 0 && last > first {
			if text := value[1:last]; !strings.Contains(text, "'") {
				return diag.P("the text has a backslash (%s), which begins an escape in double quotes: write it in single quotes, %s = '%s', or each backslash twice", escape, strings.TrimSpace(key), text)
			}
		}
		return diag.P("the text has a backslash (%s), which begins an escape in double quotes: write each backslash twice", escape)
	case strings.HasPrefix(msg, "TOML files cannot contain control characters: "):
		return diag.P("the line has a control character (%s), which TOML does not allow: delete it (it comes along when text is pasted from some programs)", strings.Trim(strings.TrimPrefix(msg, "TOML files cannot contain control characters: "), "'"))
	}
	// The package's own words, in English, within a sentence of the
	// reader's language.
	if pe.Usage != "" {
		return diag.P("this is not TOML as it must be written: %s (%s)", msg, firstLine(pe.Usage))
	}
	return diag.P("this is not TOML as it must be written: %s", msg)
}

// before is what stands before sep in s, or s without one.
func before(s, sep string) string {
	b, _, _ := strings.Cut(s, sep)
	return b
}

// asTOML is value as TOML writes it: as it is where it is a number, a
// truth value, a date or in quotes already, in quotes where it is text.
func asTOML(value string) string {
	var v map[string]any
	if _, err := toml.Decode("v = "+value, &v); err == nil {
		return value
	}
	return strconv.Quote(value)
}

// dateMessage explains why s is not a date.
func dateMessage(s string) diag.Phrase {
	how := diag.P("write dates as YYYY-MM-DD, e.g. 2026-12-31")
	var y, m, d int
	if n, _ := fmt.Sscanf(s, "%4d-%2d-%2d", &y, &m, &d); n == 3 && len(s) >= 10 {
		switch {
		case m < 1 || m > 12:
			return diag.P("%s is not a date: month %d (%s)", s, m, how)
		case d < 1 || d > daysIn(y, m):
			return diag.P("%s is not a date: %04d-%02d has %d days (%s)", s, y, m, daysIn(y, m), how)
		}
	}
	return diag.P("%s is not a date: %s", s, how)
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func firstLine(s string) string {
	if i := bytes.IndexByte([]byte(s), '\n'); i > 0 {
		return s[:i]
	}
	return s
}
