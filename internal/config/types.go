package config

import (
	"errors"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/malekort/malekort/internal/diag"
)

// libraryTypeError matches the toml package's error for a value of the
// wrong type ("incompatible types: …", "type mismatch for …"). The
// package returns it as a plain error, without ParseError's fields, so
// its key and line are read from this message (toml v1.6.0, MetaData.e).
// The line is that of the key's last assignment: in an array of tables,
// the last table's, whichever table holds the value.
var libraryTypeError = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key ("(?:[^"\\]|\\.)*")\): (?:incompatible types: |type mismatch for )`)

// errNotANumber is a Number's error for a value that is not a number;
// Decode reports it as any other value of the wrong type.
var errNotANumber = errors.New("not a number")

// wrongType reports whether err is a value of the wrong type, with its
// key and the line and column the error gives (0 where it gives none).
func wrongType(text string, err error) (key []string, line, col int, ok bool) {
	if pe, ok := parseError(err); ok {
		if pe.Message != errNotANumber.Error() {
			return nil, 0, 0, false
		}
		line, col := errorPosition(text, err)
		return strings.Split(pe.LastKey, "."), line, col, true
	}
	m := libraryTypeError.FindStringSubmatch(err.Error())
	if m == nil {
		return nil, 0, 0, false
	}
	k, uerr := strconv.Unquote(m[2])
	if uerr != nil {
		return nil, 0, 0, false
	}
	line, _ = strconv.Atoi(m[1])
	return strings.Split(k, "."), line, 0, true
}

// A kind is what a key's value must be, as a person who edits the file
// would name it.
type kind int

const (
	anything kind = iota // date and due: their values are checked later
	text
	number
	truth
	table
	texts  // a list of text
	tables // an array of tables
)

// kindAt is the kind of key in v, the value Decode fills.
func kindAt(v any, key []string) kind {
	t := reflect.TypeOf(v)
	for _, k := range key {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return anything
		}
		f, ok := field(t, k)
		if !ok {
			return anything
		}
		t = f.Type
	}
	return kindOf(t)
}

// field is the field of struct t that the toml package decodes key k
// into: the one its tag (or else its name) names, or failing that names
// in another case.
func field(t reflect.Type, k string) (reflect.StructField, bool) {
	var folded reflect.StructField
	found := false
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if name == "" {
			name = f.Name
		}
		if name == k {
			return f, true
		}
		if !found && strings.EqualFold(name, k) {
			folded, found = f, true
		}
	}
	return folded, found
}

func kindOf(t reflect.Type) kind {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == reflect.TypeFor[Number]():
		return number
	case t.Kind() == reflect.String:
		return text
	case t.Kind() == reflect.Bool:
		return truth
	case t.Kind() == reflect.Struct:
		return table
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String:
		return texts
	case t.Kind() == reflect.Slice && kindOf(t.Elem()) == table:
		return tables
	}
	return anything
}

// fits reports whether the toml package decodes x into a value of kind k.
func (k kind) fits(x any) bool {
	switch k {
	case text:
		_, ok := x.(string)
		return ok
	case number:
		switch x.(type) {
		case int64, float64:
			return true
		}
		return false
	case truth:
		_, ok := x.(bool)
		return ok
	case table:
		_, ok := x.(map[string]any)
		return ok
	case texts, tables:
		xs, ok := elements(x)
		for _, e := range xs {
			ok = ok && k.element().fits(e)
		}
		return ok
	}
	return true
}

// element is the kind of a list's values.
func (k kind) element() kind {
	switch k {
	case texts:
		return text
	case tables:
		return table
	}
	return anything
}

// elements are the values of a TOML array, or of an array of tables.
func elements(x any) ([]any, bool) {
	v := reflect.ValueOf(x)
	if v.Kind() != reflect.Slice {
		return nil, false
	}
	xs := make([]any, v.Len())
	for i := range xs {
		xs[i] = v.Index(i).Interface()
	}
	return xs, true
}

func (k kind) phrase() diag.Phrase {
	switch k {
	case text:
		return diag.P("text")
	case number:
		return diag.P("a number")
	case truth:
		return diag.P("true or false")
	case table:
		return diag.P("a table")
	case texts:
		return diag.P("a list of text")
	}
	return diag.P("a list of tables")
}

// called is what x is called in a message about a key of kind k.
func called(x any, k kind) diag.Phrase {
	switch x := x.(type) {
	case string:
		return diag.P("text")
	case int64, float64:
		return diag.P("a number")
	case bool:
		return diag.P("%t", x)
	case time.Time:
		return diag.P("a date")
	case map[string]any:
		return diag.P("a table")
	case []map[string]any:
		return diag.P("a list of tables")
	}
	xs, _ := elements(x)
	for _, e := range xs {
		if k.element() != anything && !k.element().fits(e) {
			return diag.P("a list with %s in it", called(e, anything))
		}
	}
	return diag.P("a list")
}

// typeMessage says that key (dotted) holds x, not a value of kind k, and
// how to write one.
func typeMessage(key []string, k kind, x any) diag.Phrase {
	name := key[len(key)-1]
	var how diag.Phrase
	switch k {
	case text:
		how = diag.P("put the text in quotes (%s = %q)", name, asText(x))
		_, list := elements(x)
		switch {
		case list && toml.Key(key).String() == "measure.goal":
			// One text of several ids would name no goal.
			how = diag.P("a measure is of one goal: write a [[measure]] for each goal, with an id of its own if it has one")
		case list:
			how = diag.P("write one text, in quotes (%s = %q)", name, asText(x))
		}
	case number:
		how = diag.P("write a number, with a decimal point (%s = 45.5)", name)
		if n, ok := asNumber(x); ok {
			how = diag.P("write the number without quotes (%s = %s)", name, n)
		}
	case truth:
		how = diag.P("write true or false, without quotes (%s = true)", name)
	case texts:
		xs, list := elements(x)
		if !list {
			xs = []any{x}
		}
		quoted := make([]string, len(xs))
		for i, e := range xs {
			quoted[i] = strconv.Quote(asText(e))
		}
		how = diag.P("put each text in quotes, in [ ] (%s = [%s])", name, strings.Join(quoted, ", "))
	case table:
		how = diag.P("write it as a table: [%s], with its keys on the lines below", toml.Key(key).String())
	case tables:
		how = diag.P("write each as a table: [[%s]], with its keys on the lines below", toml.Key(key).String())
	}
	return diag.P("%s is %s, not %s: %s", name, called(x, k), k.phrase(), how)
}

// asText is x written as text: a list's values joined, "…" for what has
// no short form as text (a table, a date).
func asText(x any) string {
	switch x := x.(type) {
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	}
	xs, ok := elements(x)
	if !ok || len(xs) == 0 {
		return "…"
	}
	parts := make([]string, len(xs))
	for i, e := range xs {
		parts[i] = asText(e)
	}
	return strings.Join(parts, ", ")
}

// asNumber is the number in text x as TOML writes it, from the way a
// person writes it in a document ("45 %", "4,5").
func asNumber(x any) (string, bool) {
	s, ok := x.(string)
	if !ok {
		return "", false
	}
	s = strings.ReplaceAll(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%")), ",", ".")
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return "", false
	}
	return strconv.FormatFloat(f, 'f', -1, 64), true
}

// findValue finds the first value of key (dotted) for which bad is true:
// the first and last line of its assignment (1-based; a value may run
// over several lines), the line and column of the value itself (in an
// assignment over several lines, the line it is on where that can be
// told), and the value. The file has
// parsed when a value's type is checked, so each assignment is decoded on
// its own, with the lines its value runs over; the table headers above
// it give its key's first parts.
func findValue(lines []string, key []string, bad func(any) bool) (first, last, line, col int, x any, ok bool) {
	var in []string
	for i := 0; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		if t == "" || t[0] == '#' {
			continue
		}
		if t[0] == '[' {
			var x any = map[string]any{}
			if strings.HasPrefix(t, "[[") {
				x = []map[string]any{{}}
			}
			name, _, _ := strings.Cut(strings.TrimLeft(t, "["), "]")
			in = strings.Split(name, ".")
			for j := range in {
				in[j] = strings.Trim(strings.TrimSpace(in[j]), `"'`)
			}
			if slices.Equal(in, key) && bad(x) {
				return i + 1, i + 1, i + 1, 0, x, true
			}
			continue
		}
		var m map[string]any
		j := i
		var scan valueScan
		for ; j < len(lines); j++ {
			// Decoded only where the lines so far close every string
			// and bracket: trying each line of a long value would take
			// as many decodes as it has lines, each of them all.
			if !scan.closes(lines[j]) {
				continue
			}
			if _, err := toml.Decode(strings.Join(lines[i:j+1], ""), &m); err == nil {
				break
			}
		}
		if j == len(lines) {
			continue
		}
		if x, ok := lookup(m, in, key, bad); ok {
			_, value, _ := strings.Cut(lines[i], "=")
			at := len(lines[i]) - len(strings.TrimLeft(value, " \t"))
			line, col := i+1, utf8.RuneCountInString(lines[i][:at])+1
			if j > i {
				line, col = innerValue(lines[i:j+1], key[len(key)-1], x, line, col)
			}
			return i + 1, j + 1, line, col, x, true
		}
		i = j
	}
	return 0, 0, 0, 0, nil, false
}

// innerValue is the line and column, within an assignment over the given
// lines whose first is line, of name's value x, written name = x on a
// line of its own or in an inline table ({ from = 2021 }); line and col
// where no line has it so.
func innerValue(lines []string, name string, x any, line, col int) (int, int) {
	assign := regexp.MustCompile(`(?:^|[\s{,])"?` + regexp.QuoteMeta(name) + `"?\s*=\s*`)
	for k, l := range lines {
		for _, m := range assign.FindAllStringIndex(l, -1) {
			rest := strings.TrimRight(l[m[1]:], " \t\r\n")
			for _, cut := range []string{rest, strings.TrimRight(rest, ",}] \t")} {
				var v map[string]any
				if _, err := toml.Decode("v = "+cut, &v); err == nil && reflect.DeepEqual(v["v"], x) {
					return line + k, utf8.RuneCountInString(l[:m[1]]) + 1
				}
			}
		}
	}
	return line, col
}

// valueScan follows a TOML value over its lines: the places its text is
// in, and how many brackets ([ and {) it has open.
type valueScan struct {
	text  tomlText
	depth int
}

// closes reads line, the next of the value, and reports whether the
// value may end with it: no multi-line string or bracket left open.
func (v *valueScan) closes(line string) bool {
	for i := range len(line) {
		if in, _ := v.text.step(line[i:]); in != bare {
			continue
		}
		switch line[i] {
		case '[', '{':
			v.depth++
		case ']', '}':
			v.depth--
		}
	}
	return !v.text.open() && v.depth <= 0
}

// lookup finds the value of key in m, an assignment decoded on its own
// in table in, when bad is true of it; in an inline array of tables, the
// first such.
func lookup(m map[string]any, in, key []string, bad func(any) bool) (any, bool) {
	if len(key) <= len(in) || !slices.Equal(in, key[:len(in)]) {
		return nil, false
	}
	var find func(x any, rest []string) (any, bool)
	find = func(x any, rest []string) (any, bool) {
		if len(rest) == 0 {
			return x, bad(x)
		}
		if t, ok := x.(map[string]any); ok {
			if y, ok := t[rest[0]]; ok {
				return find(y, rest[1:])
			}
			return nil, false
		}
		xs, _ := elements(x)
		for _, e := range xs {
			if y, ok := find(e, rest); ok {
				return y, true
			}
		}
		return nil, false
	}
	return find(m, key[len(in):])
}
