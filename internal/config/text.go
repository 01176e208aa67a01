package config

import "strings"

// A place is where a character of a TOML file stands: outside any text,
// in a comment or in one of TOML's four kinds of string. TOML's syntax
// means something only outside them, and an escape only in a basic
// string.
type place uint8

const (
	bare place = iota
	comment
	basic        // "…", where a backslash begins an escape
	multiBasic   // """…"""
	literal      // '…', where it is only text
	multiLiteral // '''…'''
)

// tomlText follows a TOML file through its places, a character or a byte
// at a time: every character TOML's syntax uses is a byte of its own.
type tomlText struct {
	place place
	skip  int // the characters of a delimiter or an escape still to pass
}

// step passes the character that rest begins with and returns the place
// it stands in, and whether it is a backslash that begins an escape. A
// string's quotes may count as in it or outside it, as comes easiest:
// neither caller looks for a quote.
func (t *tomlText) step(rest string) (in place, escape bool) {
	c, in := rest[0], t.place
	if c == '\n' && in != multiBasic && in != multiLiteral {
		t.place = bare
	}
	if t.skip > 0 {
		t.skip--
		return in, false
	}
	switch in {
	case bare:
		switch {
		case c == '#':
			t.place = comment
		case strings.HasPrefix(rest, `"""`):
			t.place, t.skip = multiBasic, 2
		case c == '"':
			t.place = basic
		case strings.HasPrefix(rest, `'''`):
			t.place, t.skip = multiLiteral, 2
		case c == '\'':
			t.place = literal
		}
	case basic, multiBasic:
		switch {
		case c == '\\' && len(rest) > 1:
			t.skip = 1
			return in, true
		case c == '"' && in == basic:
			t.place = bare
		case c == '"':
			if n := quotes(rest, '"'); n >= 3 {
				// Up to two quotes before the closing three are text.
				t.place, t.skip = bare, min(n, 5)-1
			}
		}
	case literal:
		if c == '\'' {
			t.place = bare
		}
	case multiLiteral:
		if n := quotes(rest, '\''); c == '\'' && n >= 3 {
			t.place, t.skip = bare, min(n, 5)-1
		}
	}
	return in, false
}

// open reports whether the text is in a string that may run on to the
// next line.
func (t *tomlText) open() bool { return t.place == multiBasic || t.place == multiLiteral }

// quotes counts the quote characters q that s begins with.
func quotes(s string, q byte) int {
	n := 0
	for n < len(s) && s[n] == q {
		n++
	}
	return n
}
