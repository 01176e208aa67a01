package config

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
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
	report := func(line, col int, what string) {
		reportDirectionControl(diag.Pos{Path: p, Line: line, Col: col}, what, errs)
	}
	var text tomlText
	line, col := firstLine, 0
	all := string(src)
	for i := 0; i < len(all); {
		r, size := rune(all[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(all[i:])
		}
		rest := all[i:]
		i += size
		col++
		if isDirectionControl(r) {
			report(line, col, fmt.Sprintf("U+%04X", r))
		}
		if r == '\n' {
			line, col = line+1, 0
		}
		if _, escape := text.step(rest); escape {
			digits := 0
			switch rest[1] {
			case 'u':
				digits = 4
			case 'U':
				digits = 8
			}
			if digits > 0 && len(rest) >= 2+digits {
				if v, err := strconv.ParseUint(rest[2:2+digits], 16, 32); err == nil && isDirectionControl(rune(v)) {
					report(line, col, fmt.Sprintf(`%s (U+%04X)`, rest[:2+digits], v))
				}
			}
		}
	}
}

func reportDirectionControl(pos diag.Pos, what string, errs *diag.List) {
	errs.Add(pos, "%s is an invisible character that changes the order in which the text around it is shown: remove it", what)
}

// directionReference is a character reference that markdown, like HTML,
// turns into its character: &#x202E; &#8238; &rlm;.
var directionReference = regexp.MustCompile(`(?i)^&(?:#x0*([0-9a-f]{1,6})|#0*([0-9]{1,7})|((?-i:lrm|rlm)));`)

// MarkdownDirectionControls reports every control of text direction (see
// isDirectionControl) in body, the markdown of the file at p from its
// line firstLine on: written as itself, or as a character reference,
// which markdown shows as the character. Commentary is where a number is
// explained, and an override before "45" shows "54".
func MarkdownDirectionControls(p string, body []byte, firstLine int, errs *diag.List) {
	if bytes.IndexByte(body, '&') < 0 && bytes.IndexByte(body, 0xe2) < 0 && bytes.IndexByte(body, 0xd8) < 0 {
		return
	}
	line, col := firstLine, 0
	for i := 0; i < len(body); {
		r, size := rune(body[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(body[i:])
		}
		col++
		switch {
		case isDirectionControl(r):
			reportDirectionControl(diag.Pos{Path: p, Line: line, Col: col}, fmt.Sprintf("U+%04X", r), errs)
		case r == '&':
			if m := directionReference.FindSubmatch(body[i:]); m != nil {
				if r, ok := referencedRune(m); ok && isDirectionControl(r) {
					reportDirectionControl(diag.Pos{Path: p, Line: line, Col: col}, fmt.Sprintf("%s (U+%04X)", m[0], r), errs)
				}
			}
		case r == '\n':
			line, col = line+1, 0
		}
		i += size
	}
}

// referencedRune is the character a match of directionReference names.
func referencedRune(m [][]byte) (rune, bool) {
	switch {
	case m[1] != nil:
		v, err := strconv.ParseUint(string(m[1]), 16, 32)
		return rune(v), err == nil
	case m[2] != nil:
		v, err := strconv.ParseUint(string(m[2]), 10, 32)
		return rune(v), err == nil
	case string(m[3]) == "lrm":
		return 0x200e, true
	default:
		return 0x200f, true
	}
}
