package config

import (
	"bytes"
	"strings"
)

// Lines finds the lines of tables and keys in a TOML file. The toml package
// reports positions only for syntax errors; errors found later (a yellow
// threshold on the wrong side, an unknown county) still need a line, so this
// index maps the n-th [[table]] header and the keys below it back to lines.
type Lines struct {
	lines []string
}

// NewLines indexes src.
func NewLines(src []byte) Lines {
	return Lines{lines: strings.Split(string(bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))), "\n")}
}

// Tables returns the 1-based lines of every "[[name]]" header, in order.
func (l Lines) Tables(name string) []int {
	var out []int
	header := "[[" + name + "]]"
	for i, line := range l.lines {
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "[") && strings.HasPrefix(strings.ReplaceAll(t, " ", ""), header) {
			out = append(out, i+1)
		}
	}
	return out
}

// Key returns the line of the first assignment to key at or after line from
// (1-based, 0 for the file start) and before the next table header, or from
// when there is none.
func (l Lines) Key(from int, key string) int {
	start := max(from, 1)
	for i := start - 1; i < len(l.lines); i++ {
		t := strings.TrimSpace(l.lines[i])
		if i >= start && strings.HasPrefix(t, "[") && from > 0 {
			break
		}
		if rest, ok := strings.CutPrefix(t, key); ok {
			if r := strings.TrimSpace(rest); strings.HasPrefix(r, "=") {
				return i + 1
			}
		}
	}
	return from
}

// KeysOf returns the line of each key assigned in the table whose header
// is on line table (1-based), up to the next table header; none for table
// 0, a header not found. Lines inside a string of several lines are not
// keys.
func (l Lines) KeysOf(table int) map[string]int {
	if table <= 0 {
		return nil
	}
	keys := map[string]int{}
	inString := "" // the quotes of the string of several lines being read
	for i := table; i < len(l.lines); i++ {
		t := strings.TrimSpace(l.lines[i])
		if inString == "" {
			if strings.HasPrefix(t, "[") {
				break
			}
			k, _, ok := strings.Cut(t, "=")
			if k = strings.TrimSpace(k); ok && k != "" && !strings.ContainsAny(k, " \t\"'#") && keys[k] == 0 {
				keys[k] = i + 1
			}
		}
		for _, q := range []string{`"""`, "'''"} {
			if strings.Count(t, q)%2 == 1 {
				switch inString {
				case "":
					inString = q
				case q:
					inString = ""
				}
			}
		}
	}
	return keys
}
