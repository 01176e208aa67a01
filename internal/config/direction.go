package config

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/malekort/malekort/internal/diag"
)

// isDirectionControl reports whether r is one of the invisible characters
// that change the order in which the text around them is shown: the
// embeddings and overrides (U+202A–U+202E), the isolates (U+2066–U+2069)
// and the marks (U+200E, U+200F, U+061C). An override left open in an
// office's name shows everything after the name mirrored, in a table's
// caption, a page's title, a search result; a mark moves the brackets
// and numbers beside it. A site in Norwegian or English needs none of
// them, and in a pull request they make a line read otherwise than it
// does.
func isDirectionControl(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c
}

// directionControls reports every control of text direction (see
// isDirectionControl) in src, a TOML file whose first line is firstLine of
// the file at p, at its line and column: written as itself anywhere, or
// as an escape in quoted text ("NAV Fana\u202e"), which reads the same to
// the toml package. Every name, title and author of a site is a TOML
// value, so one look at each file covers them all.
func directionControls(p string, src []byte, firstLine int, errs *diag.List) {
	// In UTF-8 each of them starts with byte E2 or D8, and an escape with
	// a backslash: most files have none of the three.
	if bytes.IndexByte(src, '\\') < 0 && bytes.IndexByte(src, 0xe2) < 0 && bytes.IndexByte(src, 0xd8) < 0 {
		return
	}
	var text tomlText
	escape := func(rest string) (string, rune, bool) {
		if _, escape := text.step(rest); !escape {
			return "", 0, false
		}
		digits := 0
		switch rest[1] {
		case 'u':
			digits = 4
		case 'U':
			digits = 8
		}
		if digits == 0 || len(rest) < 2+digits {
			return "", 0, false
		}
		v, err := strconv.ParseUint(rest[2:2+digits], 16, 32)
		return rest[:2+digits], rune(v), err == nil
	}
	scanDirection(string(src), firstLine, true, false, escape, func(line, col int, what string) {
		reportDirectionControl(diag.Pos{Path: p, Line: line, Col: col}, what, errs)
	})
}

// MarkdownDirectionControls reports every control of text direction (see
// isDirectionControl) in body, the markdown of the file at p from its
// line firstLine on, at its line and column: written as itself, or as a
// character reference, which markdown shows as the character. Commentary
// is where a number is explained, and an override before "45" shows "54".
func MarkdownDirectionControls(p string, body []byte, firstLine int, errs *diag.List) {
	if bytes.IndexByte(body, '&') < 0 && bytes.IndexByte(body, 0xe2) < 0 && bytes.IndexByte(body, 0xd8) < 0 {
		return
	}
	scanDirection(string(body), firstLine, true, true, nil, func(line, col int, what string) {
		reportDirectionControl(diag.Pos{Path: p, Line: line, Col: col}, what, errs)
	})
}

// MarkdownValueDirectionReferences reports, at pos, the character
// references to a control of text direction in text, markdown written as
// a TOML value (a goal's description): its file's check finds the
// controls written as themselves or as escapes, but only markdown turns
// a reference into its character.
func MarkdownValueDirectionReferences(pos diag.Pos, text string, errs *diag.List) {
	if strings.IndexByte(text, '&') < 0 {
		return
	}
	scanDirection(text, 1, false, true, nil, func(_, _ int, what string) { reportDirectionControl(pos, what, errs) })
}

// scanDirection calls found with the line (counted from firstLine), the
// column (in characters) and the written form of each control of text
// direction in src: written as itself, when chars is set; as a character
// reference, when references is set (see directionReference); and as
// what escape, when set, reads at a character.
func scanDirection(src string, firstLine int, chars, references bool, escape func(rest string) (string, rune, bool), found func(line, col int, what string)) {
	line, col := firstLine, 0
	for i := 0; i < len(src); {
		r, size := rune(src[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(src[i:])
		}
		rest := src[i:]
		col++
		switch {
		case chars && isDirectionControl(r):
			found(line, col, fmt.Sprintf("U+%04X", r))
		case references && r == '&' && !escaped(src[:i]):
			if m := directionReference.FindStringSubmatch(rest); m != nil {
				if r, ok := referencedRune(m); ok && isDirectionControl(r) {
					found(line, col, fmt.Sprintf("%s (U+%04X)", m[0], r))
				}
			}
		case r == '\n':
			line, col = line+1, 0
		}
		if escape != nil {
			if written, r, ok := escape(rest); ok && isDirectionControl(r) {
				found(line, col, fmt.Sprintf("%s (U+%04X)", written, r))
			}
		}
		i += size
	}
}

// escaped reports whether markdown takes what follows before as a
// character: an odd number of backslashes ends before.
func escaped(before string) bool {
	n := len(before) - len(strings.TrimRight(before, `\`))
	return n%2 == 1
}

// reportDirectionControl is the one error every check of direction
// gives, what naming the control as it is written.
func reportDirectionControl(pos diag.Pos, what string, errs *diag.List) {
	errs.Add(pos, "%s is an invisible character that changes the order in which the text around it is shown: remove it", what)
}

// directionReference is a character reference as markdown reads one
// (CommonMark: at most six hexadecimal or seven decimal digits, names as
// HTML spells them): &#x202E; &#8238; &rlm;. A backslash before it, or a
// code span around it, keeps it text; the first is told apart here, the
// second is not, so a reference shown as code is reported too.
var directionReference = regexp.MustCompile(`^&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(lrm|rlm));`)

// referencedRune is the character a match of directionReference names.
func referencedRune(m []string) (rune, bool) {
	switch {
	case m[1] != "":
		v, err := strconv.ParseUint(m[1], 16, 32)
		return rune(v), err == nil
	case m[2] != "":
		v, err := strconv.ParseUint(m[2], 10, 32)
		return rune(v), err == nil
	case m[3] == "lrm":
		return 0x200e, true
	default:
		return 0x200f, true
	}
}
