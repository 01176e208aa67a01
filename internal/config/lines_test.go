package config

import (
	"maps"
	"strings"
	"testing"
)

// TestKeysOf: each key of a table at its line, up to the next table;
// nothing inside a string of several lines, a comment (quotes in it
// included) or an array of several lines (an array of arrays included)
// taken for a key or a table; CRLF line ends alike.
func TestKeysOf(t *testing.T) {
	src := `title = "top"

[[goal]]
id = "a"
description = """
target = 1
[not a table]
"""
# a comment with """ in it
target = 45
yellow  =  40 # a comment
"quoted" = 1
codes = [
  ["4601"],
  ["4602"]
]
max = 9 # was """
min = 1

[[goal]] # the second
id = "b"
note = '''
x = 1'''
unit = "count"
`
	for name, src := range map[string]string{"LF": src, "CRLF": strings.ReplaceAll(src, "\n", "\r\n")} {
		l := NewLines([]byte(src))
		tables := l.Tables("goal")
		if len(tables) != 2 || tables[1] != 20 {
			t.Fatalf("%s: tables at %v, want 3 and 20", name, tables)
		}
		if got, want := l.KeysOf(tables[0]), map[string]int{"id": 4, "description": 5, "target": 10, "yellow": 11, "codes": 13, "max": 17, "min": 18}; !maps.Equal(got, want) {
			t.Errorf("%s: first table: %v, want %v", name, got, want)
		}
		if got, want := l.KeysOf(tables[1]), map[string]int{"id": 21, "note": 22, "unit": 24}; !maps.Equal(got, want) {
			t.Errorf("%s: second table: %v, want %v", name, got, want)
		}
		if got := l.Key(tables[0], "unit"); got != tables[0] {
			t.Errorf("%s: the first table's unit at %d, want its header's line %d", name, got, tables[0])
		}
		if got := l.Key(0, "unit"); got != 24 {
			t.Errorf("%s: the file's first unit at %d, want 24", name, got)
		}
	}
	if got := NewLines([]byte(src)).KeysOf(0); got != nil {
		t.Errorf("no table: %v", got)
	}
}

// FuzzKeysOf: any text is scanned without a panic, and every key found is
// on a line of the text, after its table's header.
func FuzzKeysOf(f *testing.F) {
	f.Add("[[goal]]\nid = \"a\"\ndescription = \"\"\"\nx = 1\n\"\"\"\ncodes = [\n [\"1\"]\n]\n")
	f.Add("a = 'b' # \"\"\"\n[[goal]]\nc = [[1], [2]]\n")
	f.Fuzz(func(t *testing.T, src string) {
		l := NewLines([]byte(src))
		for _, table := range append(l.Tables("goal"), 0) {
			for k, line := range l.KeysOf(table) {
				if line <= table || line > len(l.lines) {
					t.Errorf("key %q at line %d, outside the table at %d of %d lines", k, line, table, len(l.lines))
				}
			}
		}
	})
}
