package config

import (
	"strings"
	"testing"

	"github.com/malekort/malekort/internal/diag"
)

// TestDirectionControls: a control of text direction is found at its line
// and column, written as itself anywhere in the file (a comment too: in a
// pull request it makes the line read otherwise) or as an escape in quoted
// text; an escape-like text where TOML has no escapes (a literal string, a
// comment, after an escaped backslash) is only text.
func TestDirectionControls(t *testing.T) {
	src := "title = \"Æ\u202eØ\"\n" + // a character, after a letter of two bytes
		"# a comment \u2067\n" +
		"name = 'NAV \\u202e' # \\u202e\n" +
		"path = \"C:\\\\u202e\"\n" +
		"text = \"\"\"\nfirst \"\" line\n  second \\u200E\"\"\"\n" +
		"lit = '''\n\\u202e ''''\n" +
		"after = \"\\U0000061c\" # \u200f\n"
	var errs diag.List
	directionControls("x.toml", []byte(src), 3, &errs)
	var got []string
	for _, e := range errs {
		got = append(got, e.Pos.String()+" "+strings.Fields(e.Msg)[0])
	}
	want := []string{
		"x.toml:3:11 U+202E",
		"x.toml:4:13 U+2067",
		`x.toml:9:10 \u200E`,
		`x.toml:12:10 \U0000061c`,
		"x.toml:12:24 U+200F",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("found\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
