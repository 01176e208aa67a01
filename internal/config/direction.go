package config

import (
	"bytes"
	"fmt"
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
		errs.Add(diag.Pos{Path: p, Line: line, Col: col}, "%s is an invisible character that changes the order in which the text around it is shown: remove it", what)
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
