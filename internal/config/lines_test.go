package config

import (
	"maps"
	"testing"
)

// TestKeysOf: each key of a table at its line, up to the next table, and
// nothing inside a string of several lines taken for a key.
func TestKeysOf(t *testing.T) {
	src := `title = "top"

[[goal]]
id = "a"
description = """
target = 1
[not a table]
"""
target = 45
yellow  =  40 # a comment
"quoted" = 1

[[goal]]
id = "b"
note = '''
x = 1'''
unit = "count"
`
	l := NewLines([]byte(src))
	tables := l.Tables("goal")
	if got, want := l.KeysOf(tables[0]), map[string]int{"id": 4, "description": 5, "target": 9, "yellow": 10}; !maps.Equal(got, want) {
		t.Errorf("first table: %v, want %v", got, want)
	}
	if got, want := l.KeysOf(tables[1]), map[string]int{"id": 14, "note": 15, "unit": 17}; !maps.Equal(got, want) {
		t.Errorf("second table: %v, want %v", got, want)
	}
	if got := l.KeysOf(0); got != nil {
		t.Errorf("no table: %v", got)
	}
}
