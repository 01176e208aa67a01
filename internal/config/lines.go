package config

import (
	"bytes"
	"regexp"
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

var (
	// tableHeader is a line that is a [table] or [[table]] header, as a
	// line of an array written over several lines is not.
	tableHeader = regexp.MustCompile(`^\[\[?\s*[\pL\pN_.\-" ]+\s*\]\]?\s*(#.*)?$`)
	// bareKey is a key written without quotes, dotted or not.
	bareKey = regexp.MustCompile(`^[A-Za-z0-9_.\-]+$`)
)

// Tables returns the 1-based lines of every "[[name]]" header, in order;
// not a line within a string of several lines, which reads as one.
func (l Lines) Tables(name string) []int {
	var out []int
	var in lexState
	header := "[[" + name + "]]"
	for i, line := range l.lines {
		t := strings.TrimSpace(line)
		if in.free() && tableHeader.MatchString(t) && strings.HasPrefix(strings.ReplaceAll(t, " ", ""), header) {
			out = append(out, i+1)
		}
		in.read(t)
	}
	return out
}

// Header returns the 1-based line of the first [name] or [[name]] header,
// or 0.
func (l Lines) Header(name string) int {
	for i, line := range l.lines {
		t := strings.TrimSpace(line)
		if !tableHeader.MatchString(t) {
			continue
		}
		h, _, _ := strings.Cut(strings.NewReplacer(" ", "", "\t", "").Replace(t), "]")
		if strings.TrimLeft(h, "[") == name {
			return i + 1
		}
	}
	return 0
}

// Key returns the line of the first assignment to key after line from
// (1-based) and before the next table header, or from when there is none;
// from 0 looks through the whole file.
func (l Lines) Key(from int, key string) int {
	line := from
	l.keys(from, func(k string, at int) bool {
		if k == key {
			line = at
			return false
		}
		return true
	})
	return line
}

// Text is line n (1-based) as written, "" past the end.
func (l Lines) Text(n int) string {
	if n < 1 || n > len(l.lines) {
		return ""
	}
	return l.lines[n-1]
}

// End returns the last line (1-based) of the table whose header is on
// line table: the line before the next table header, or the file's last.
func (l Lines) End(table int) int {
	var in lexState
	for i := table; i < len(l.lines); i++ {
		t := strings.TrimSpace(l.lines[i])
		if in.free() && tableHeader.MatchString(t) {
			return i
		}
		in.read(t)
	}
	return len(l.lines)
}

// KeysOf returns the line of each key assigned in the table whose header
// is on line table (1-based), up to the next table header; none for table
// 0, a header not found.
func (l Lines) KeysOf(table int) map[string]int {
	if table <= 0 {
		return nil
	}
	keys := map[string]int{}
	l.keys(table, func(k string, at int) bool {
		if keys[k] == 0 {
			keys[k] = at
		}
		return true
	})
	return keys
}

// keys calls found with each key assigned after line from and its line, in
// order, until found returns false. A table header ends the table of from;
// from 0 is the whole file. Lines inside a string or an array of several
// lines, and comments, are not keys or headers.
func (l Lines) keys(from int, found func(key string, line int) bool) {
	var in lexState
	for i := from; i < len(l.lines); i++ {
		t := strings.TrimSpace(l.lines[i])
		if in.free() {
			if tableHeader.MatchString(t) {
				if from > 0 {
					return
				}
				continue
			}
			if k, _, ok := strings.Cut(t, "="); ok && bareKey.MatchString(strings.TrimSpace(k)) && !found(strings.TrimSpace(k), i+1) {
				return
			}
		}
		in.read(t)
	}
}

// lexState is where a TOML file's reading stands at a line's end: inside
// a string of several lines (its quotes), or an array's brackets.
type lexState struct {
	quotes string
	depth  int
}

// free reports whether the next line starts outside any value.
func (s *lexState) free() bool { return s.quotes == "" && s.depth == 0 }

// read follows a line's strings, brackets and comment.
func (s *lexState) read(line string) {
	for i := 0; i < len(line); i++ {
		if s.quotes != "" {
			end := strings.Index(line[i:], s.quotes)
			if end < 0 {
				return
			}
			i += end + len(s.quotes) - 1
			s.quotes = ""
			continue
		}
		switch c := line[i]; c {
		case '#':
			return
		case '[':
			s.depth++
		case ']':
			s.depth = max(s.depth-1, 0)
		case '"', '\'':
			if strings.HasPrefix(line[i:], strings.Repeat(string(c), 3)) {
				s.quotes = strings.Repeat(string(c), 3)
				i += 2
				continue
			}
			// A string on one line: to its closing quote, past escapes in
			// a basic string.
			for i++; i < len(line) && line[i] != c; i++ {
				if c == '"' && line[i] == '\\' {
					i++
				}
			}
		}
	}
}
