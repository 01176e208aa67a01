package config

import (
	"strings"
	"testing"
	"unicode/utf8"

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
	want := []string{
		"x.toml:3:11 U+202E",
		"x.toml:4:13 U+2067",
		`x.toml:9:10 \u200E`,
		`x.toml:12:10 \U0000061c`,
		"x.toml:12:24 U+200F",
	}
	wantReports(t, errs, want)
}

// wantReports checks that errs are reports at the positions of want, each
// naming the control as its message's first word does.
func wantReports(t *testing.T, errs diag.List, want []string) {
	t.Helper()
	var got []string
	for _, e := range errs {
		got = append(got, e.Pos.String()+" "+strings.Fields(e.Msg)[0])
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("found\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestMarkdownDirectionControls: in commentary a control of direction is
// found written as itself or as a character reference, which markdown
// shows as the character; other references (&LRM; is not one: names
// are case-sensitive; nor is one of more than six hexadecimal digits),
// ampersands and references after a backslash are text.
func TestMarkdownDirectionControls(t *testing.T) {
	body := "Sykefraværet er \u202e45 % nå.\n" +
		"Tall & fakta: &amp; &#x41; &#8238;54 og &#X202d; og &rlm;\n" +
		"&#x0200E; &#xd800; &#99999999; &LRM; \\&#8238; \\\\&#8238; &#x0000202E;"
	var errs diag.List
	MarkdownDirectionControls("c.md", []byte(body), 4, &errs)
	want := []string{
		"c.md:4:17 U+202E",
		"c.md:5:28 &#8238;",
		"c.md:5:41 &#X202d;",
		"c.md:5:53 &rlm;",
		"c.md:6:1 &#x0200E;",
		"c.md:6:49 &#8238;",
	}
	wantReports(t, errs, want)
}

// FuzzMarkdownDirectionControls: any text is read to its end, each
// control written as itself is reported once, and every report is at a
// line and column of the text.
func FuzzMarkdownDirectionControls(f *testing.F) {
	f.Add("Tall & fakta: &amp; &#8238;54 og \u202e45\n&rlm;&#x")
	f.Fuzz(func(t *testing.T, body string) {
		var errs diag.List
		MarkdownDirectionControls("c.md", []byte(body), 2, &errs)
		raw := 0
		for _, r := range body {
			if isDirectionControl(r) {
				raw++
			}
		}
		reported := 0
		for _, e := range errs {
			if strings.HasPrefix(e.Msg, "U+") {
				reported++
			}
		}
		if reported != raw {
			t.Errorf("%d reports for %d controls in %q", reported, raw, body)
		}
		lines := strings.Split(body, "\n")
		for _, e := range errs {
			if i := e.Pos.Line - 2; i < 0 || i >= len(lines) || e.Pos.Col < 1 || e.Pos.Col > utf8.RuneCountInString(lines[i]) {
				t.Errorf("a report at %s, outside %q", e.Pos, body)
			}
		}
	})
}
