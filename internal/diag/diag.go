// Package diag owns input errors: a position in a site file and a message
// telling the reader what is wrong and what to do. Every stage reports into a
// List so that one run shows all errors at once, sorted by file and line.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Pos is a place in a site file. Path is slash-separated and relative to the
// site root; Line and Col are 1-based, 0 when unknown. In a workbook, Sheet
// names the sheet, and Line and Col are its row and column.
type Pos struct {
	Path  string
	Sheet string
	Line  int
	Col   int
}

func (p Pos) String() string {
	if p.Sheet != "" {
		// As a spreadsheet names a cell, 2026.xlsx:Resultater!C14, or a
		// row, Resultater!14:14; a sheet's name of more than letters,
		// digits and _ in quotes, '0. Om tabellene'!A1, as Excel writes
		// it, so that it is not read as a line.
		ref := p.Path + ":" + sheetName(p.Sheet) + "!"
		switch {
		case p.Line == 0:
			return ref[:len(ref)-1]
		case p.Col == 0:
			return ref + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Line)
		}
		return ref + columnName(p.Col) + strconv.Itoa(p.Line)
	}
	switch {
	case p.Line == 0:
		return p.Path
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.Path, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.Path, p.Line, p.Col)
}

// sheetName is a sheet's name as a spreadsheet's reference writes it:
// quoted, a quote in it doubled, unless it is letters, digits and _ that
// begin with a letter.
func sheetName(name string) string {
	plain := true
	for i, r := range name {
		if !(unicode.IsLetter(r) || r == '_' || i > 0 && unicode.IsDigit(r)) {
			plain = false
			break
		}
	}
	if plain {
		return name
	}
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// columnName is a spreadsheet's name of column col: A, B, …, Z, AA, ….
func columnName(col int) string {
	name := ""
	for ; col > 0; col = (col - 1) / 26 {
		name = string(rune('A'+(col-1)%26)) + name
	}
	return name
}

// Error is one input error.
type Error struct {
	Pos Pos
	Msg string // in English
	// Format and Args make Msg; In writes them in another language.
	Format string
	Args   []any
	// IO is set when a file could not be read at all (permission, a disk
	// failing): the machine's trouble, not the input's, and the command
	// exits with its own status.
	IO bool
	// Notice is something a person should know that does not stop the
	// build, carried in the same list as the errors of the stage that
	// found it.
	Notice bool
	// Unreported is the number of errors this line stands for: a stage
	// that stops reporting errors one by one still counts them, so that
	// the run says how many there are.
	Unreported int
}

func (e Error) Error() string {
	if e.Pos.Path == "" {
		return e.Msg
	}
	return e.Pos.String() + ": " + e.Msg
}

// List collects input errors.
type List []Error

// Add records an error at pos. format is English, and the key of its
// translations (see In).
func (l *List) Add(pos Pos, format string, args ...any) {
	*l = append(*l, Error{Pos: pos, Msg: fmt.Sprintf(format, args...), Format: format, Args: args})
}

// AddIO records that the file at pos could not be read.
func (l *List) AddIO(pos Pos, err error) {
	const format = "cannot read: %v"
	*l = append(*l, Error{Pos: pos, Msg: fmt.Sprintf(format, err), Format: format, Args: []any{err}, IO: true})
}

// AddUnreported records, at pos (where the first of them is, in the order
// they were found), that n more errors were found and not reported one by
// one.
func (l *List) AddUnreported(pos Pos, n int) {
	if n == 1 {
		l.Add(pos, "1 more error, not reported: fix those reported and check again")
	} else {
		l.Add(pos, "%s more errors, not reported one by one: fix those reported and check again", Number{V: float64(n)})
	}
	(*l)[len(*l)-1].Unreported = n
}

// Count is the number of errors in l, counting those a line stands for
// (see Error.Unreported); notices are not errors.
func (l List) Count() int {
	n := 0
	for _, e := range l {
		switch {
		case e.Notice:
		case e.Unreported > 0:
			n += e.Unreported
		default:
			n++
		}
	}
	return n
}

// AddNotice records a notice at pos.
func (l *List) AddNotice(pos Pos, format string, args ...any) {
	*l = append(*l, Error{Pos: pos, Msg: fmt.Sprintf(format, args...), Format: format, Args: args, Notice: true})
}

// Phrase is a part of a message that has words of its own to translate:
// a hint, a word chosen by the case. Given as an argument of a message, it
// is translated with it.
type Phrase struct {
	Format string
	Args   []any
}

// P is the phrase format makes of args.
func P(format string, args ...any) Phrase { return Phrase{format, args} }

func (p Phrase) String() string { return fmt.Sprintf(p.Format, p.Args...) }

// Error makes a phrase an error that the command line prints in the
// site's language (see Phrase.In); errors that wrap one say it.
func (p Phrase) Error() string { return p.String() }

// In is the phrase in the reader's language, its phrases among its
// arguments too (see List.In).
func (p Phrase) In(r Reader) string {
	return sprint(r, p.Format, p.Args)
}

// Reader is the language a message is printed in: Message gives the
// format in that language for an English format, or the format itself
// where it has none; Number writes a number as that language does.
type Reader interface {
	Message(format string) string
	Number(v float64, decimals int) string
}

// Number is a number in a message, written as the reader's language
// writes numbers ("9,3" in Norwegian) to the given decimals.
type Number struct {
	V        float64
	Decimals int
}

func (n Number) String() string { return strconv.FormatFloat(n.V, 'f', n.Decimals, 64) }

// In is the list with each message in the reader's language (see
// Reader). The phrases among a message's arguments are translated with
// it, and its Numbers written as that language writes them.
func (l List) In(r Reader) List {
	out := slices.Clone(l)
	for i := range out {
		if out[i].Format != "" {
			out[i].Msg = sprint(r, out[i].Format, out[i].Args)
		}
	}
	return out
}

func sprint(r Reader, format string, args []any) string {
	shown := make([]any, len(args))
	for i, a := range args {
		shown[i] = a
		switch a := a.(type) {
		case Phrase:
			shown[i] = sprint(r, a.Format, a.Args)
		case Number:
			shown[i] = r.Number(a.V, a.Decimals)
		}
	}
	return fmt.Sprintf(r.Message(format), shown...)
}

// Split separates the errors from the notices.
func (l List) Split() (errs, notices List) {
	for _, e := range l {
		if e.Notice {
			notices = append(notices, e)
		} else {
			errs = append(errs, e)
		}
	}
	return errs, notices
}

// HasIO reports whether any error is one of reading.
func (l List) HasIO() bool {
	return slices.ContainsFunc(l, func(e Error) bool { return e.IO })
}

// Append records all errors of another list.
func (l *List) Append(other List) { *l = append(*l, other...) }

// Sorted returns the errors ordered by file, line, column and message, with
// exact duplicates removed, so that output does not depend on the order in
// which stages ran.
func (l List) Sorted() List {
	s := slices.Clone(l)
	slices.SortFunc(s, func(a, b Error) int {
		return cmp.Or(
			cmp.Compare(a.Pos.Path, b.Pos.Path),
			cmp.Compare(a.Pos.Sheet, b.Pos.Sheet),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
	return slices.CompactFunc(s, func(a, b Error) bool {
		return a.Pos == b.Pos && a.Msg == b.Msg && a.IO == b.IO && a.Notice == b.Notice
	})
}

func (l List) Error() string {
	var b strings.Builder
	for i, e := range l.Sorted() {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Suggest returns a " (did you mean "x"?)" hint naming the candidate closest
// to name (see Nearest), or "" when none is close enough to be a likely
// typo.
func Suggest(name string, candidates []string) Phrase {
	best, ok := Nearest(name, candidates)
	if !ok {
		return Phrase{}
	}
	return P(" (did you mean %q?)", best)
}

// Nearest is the candidate closest to name, capitals aside, if one is
// close enough to be a likely typo. Among equally close candidates the
// first wins, so callers pass them in a stable order.
func Nearest(name string, candidates []string) (string, bool) {
	best, bestDist := "", len([]rune(name))/2+1
	lower := strings.ToLower(name)
	for _, c := range candidates {
		if d := distance(lower, strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best, best != ""
}

// SuggestAmong is Suggest for candidates that suggest something else:
// hints[i] is what candidates[i] suggests (a unit's id for its name). Where
// candidates of two hints are equally close it names both ("46219", a
// digit too many, is as near 4619 as 4629); of more, none: a code one
// digit off is as near to each of its neighbours ("4699" to 4619, 4629,
// 4639), and to name them would be noise.
func SuggestAmong(name string, candidates, hints []string) Phrase {
	var nearest []string // the hints of the nearest candidates, once each
	bestDist := len([]rune(name))/2 + 1
	for i, c := range candidates {
		switch d := distance(strings.ToLower(name), strings.ToLower(c)); {
		case d < bestDist:
			nearest, bestDist = []string{hints[i]}, d
		case d == bestDist && len(nearest) > 0 && !slices.Contains(nearest, hints[i]):
			nearest = append(nearest, hints[i])
		}
	}
	switch len(nearest) {
	case 1:
		return P(" (did you mean %q?)", nearest[0])
	case 2:
		return P(" (did you mean %q or %q?)", nearest[0], nearest[1])
	}
	return Phrase{}
}

// distance is the Levenshtein distance between a and b, counted in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// GitHub formats e as a GitHub Actions workflow command, which shows the
// error on its line in a pull request's changed files.
func (e Error) GitHub() string { return e.github("error") }

// GitHubNotice formats e as a notice rather than an error: something a
// reviewer should look at that does not stop the build.
func (e Error) GitHubNotice() string { return e.github("warning") }

func (e Error) github(kind string) string {
	var b strings.Builder
	b.WriteString("::" + kind)
	msg := e.Msg
	if e.Pos.Sheet != "" {
		// A workbook has no lines to annotate: its cell goes in the message.
		msg = e.Pos.String()[len(e.Pos.Path)+1:] + ": " + msg
	}
	if e.Pos.Path != "" {
		b.WriteString(" file=" + OneLine(escapeProperty(e.Pos.Path)))
		if e.Pos.Line > 0 && e.Pos.Sheet == "" {
			fmt.Fprintf(&b, ",line=%d", e.Pos.Line)
		}
		if e.Pos.Col > 0 && e.Pos.Sheet == "" {
			fmt.Fprintf(&b, ",col=%d", e.Pos.Col)
		}
	}
	b.WriteString("::")
	// Line ends are the command's own escapes; other control characters
	// would reach the workflow's log as they are (see OneLine).
	b.WriteString(OneLine(escapeData(msg)))
	return b.String()
}

// The escapes of GitHub's workflow commands.
var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }

// OneLine is s as one line of a terminal or a log: every control
// character but tab written as an escape ("\x1b", "\n"). A name or a
// file's name in a message, which an input may give anything, then
// neither moves the cursor, recolours or retitles the terminal, nor
// begins a line of its own that reads as another message.
func OneLine(s string) string {
	if !strings.ContainsFunc(s, escapedControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if escapedControl(r) {
			fmt.Fprintf(&b, `\x%02x`, r) // all are below U+0100
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func escapedControl(r rune) bool { return r != '\t' && unicode.IsControl(r) }
