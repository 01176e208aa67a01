package load

import (
	"bytes"
	"strings"
	"testing"

	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/model"
	"golang.org/x/text/encoding/charmap"
)

func testReader() *resultReader {
	return &resultReader{
		units:   map[string]int32{"bergen-nord": 0, "årstad": 1, "hordaland": 2},
		goals:   map[string]int32{"g": 0, "h": 1},
		unitIDs: []string{"bergen-nord", "årstad", "hordaland"},
		goalIDs: []string{"g", "h"},
	}
}

func readCSV(t *testing.T, src []byte) ([]model.Result, diag.List) {
	t.Helper()
	var errs diag.List
	rows := testReader().read("data/results/test.csv", 0, bytes.NewReader(src), nil, &errs)
	return rows, errs
}

func TestCSVDialects(t *testing.T) {
	want := []model.Result{
		{Period: mustPeriod("2026-01"), Unit: 0, Goal: 0, Line: 2, HasValue: true, Value: 45.5},
		{Period: mustPeriod("2026-01"), Unit: 1, Goal: 1, Line: 3, HasRatio: true, Numerator: 1234, Denominator: 2000},
	}
	cases := map[string]string{
		"comma, point, LF":               "period,unit,goal,value,numerator,denominator\n2026-01,bergen-nord,g,45.5,,\n2026-01,årstad,h,,1234,2000\n",
		"semicolon, decimal comma, CRLF": "period;unit;goal;value;numerator;denominator\r\n2026-01;bergen-nord;g;45,5;;\r\n2026-01;årstad;h;;1234;2000\r\n",
		"BOM, quoted, other order, extra columns": "\ufeff\"navn\";\"goal\";\"unit\";\"period\";\"denominator\";\"numerator\";\"value\"\r\n" +
			"\"NAV Bergen Nord; sentrum\";g;bergen-nord;2026-01;;;\"45,5\"\r\n\"Årstad\";h;årstad;2026-01;\"2 000\";\"1 234\";\r\n",
		"comma delimiter with quoted decimal comma": "period,unit,goal,value,numerator,denominator\n2026-01,bergen-nord,g,\"45,5\",,\n2026-01,årstad,h,,\"1.234\",\"2.000\"\n",
		"tab":                 "period\tunit\tgoal\tvalue\tnumerator\tdenominator\n2026-01\tbergen-nord\tg\t45.5\t\t\n2026-01\tårstad\th\t\t1234\t2000\n",
		"blank lines, spaces": "period, unit, goal, value, numerator, denominator\n\n 2026-01 , bergen-nord , g , 45.5 ,,\n2026-01,årstad,h,,1234,2000\n\n",
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			rows, errs := readCSV(t, []byte(src))
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			if len(rows) != 2 {
				t.Fatalf("got %d rows, want 2: %+v", len(rows), rows)
			}
			for i := range want {
				got := rows[i]
				got.Line = want[i].Line // blank lines shift lines; positions are tested below
				if got != want[i] {
					t.Errorf("row %d = %+v, want %+v", i, got, want[i])
				}
			}
		})
	}
}

func TestCSVWindows1252(t *testing.T) {
	src := "period;unit;goal;value;numerator;denominator;merknad\r\n2026-01;årstad;g;12,5;;;Økt fra forrige måned\r\n"
	enc, err := charmap.Windows1252.NewEncoder().Bytes([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(enc, []byte(src)) {
		t.Fatal("test input is not Windows-1252")
	}
	rows, errs := readCSV(t, enc)
	if len(errs) > 0 || len(rows) != 1 || rows[0].Unit != 1 || rows[0].Value != 12.5 {
		t.Fatalf("rows %+v, errors %v", rows, errs)
	}
}

func TestCSVErrors(t *testing.T) {
	header := "period,unit,goal,value,numerator,denominator\n"
	for _, c := range []struct {
		name, src, want string
	}{
		{"unknown unit with hint", header + "2026-01,bergen-nrd,g,1,,\n", `data/results/test.csv:2:9: unknown unit "bergen-nrd" (did you mean "bergen-nord"?)`},
		{"unknown goal", header + "2026-01,bergen-nord,x,1,,\n", `data/results/test.csv:2:21: unknown goal "x"`},
		{"bad period", header + "jan 2026,bergen-nord,g,1,,\n", `data/results/test.csv:2:1: period "jan 2026" is not a month: write it as YYYY-MM`},
		{"not a number", header + "2026-01,bergen-nord,g,abc,,\n", `data/results/test.csv:2:23: value "abc" is not a number`},
		{"no value", header + "2026-01,bergen-nord,g,,,\n", `data/results/test.csv:2: row has no value`},
		{"half a ratio", header + "2026-01,bergen-nord,g,,3,\n", `data/results/test.csv:2: give both numerator and denominator, or neither`},
		{"missing column", "period,unit,goal,value\n2026-01,bergen-nord,g,1\n", `data/results/test.csv:1: header has no "numerator" column`},
		{"short row", header + "2026-01,bergen-nord\n", `data/results/test.csv:2: row has 2 fields, the header 6`},
		{"bad quote", header + "2026-01,\"bergen-nord,g,1,,\n", `data/results/test.csv:2:`},
		{"empty", "", `data/results/test.csv:1: file is empty`},
		{"mixed decimals", header + "2026-01,bergen-nord,g,1.5,,\n2026-02,bergen-nord,g,\"1,5\",,\n", `data/results/test.csv:3:23: value "1,5" has a decimal comma, but line 2 has a decimal point: use one of them in the whole file`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, errs := readCSV(t, []byte(c.src))
			if len(errs) == 0 {
				t.Fatalf("no error, want %q", c.want)
			}
			if got := errs[0].Error(); !strings.HasPrefix(got, c.want) {
				t.Errorf("error = %q\nwant prefix %q", got, c.want)
			}
		})
	}
}

func TestCSVErrorCap(t *testing.T) {
	var b strings.Builder
	b.WriteString("period,unit,goal,value,numerator,denominator\n")
	for range 1000 {
		b.WriteString("2026-01,nowhere,g,1,,\n")
	}
	_, errs := readCSV(t, []byte(b.String()))
	if len(errs) != maxErrorsPerFile+1 || !strings.Contains(errs[len(errs)-1].Msg, "too many errors") {
		t.Errorf("got %d errors, want %d and a note", len(errs), maxErrorsPerFile+1)
	}
}

func TestParseNumber(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
		dec  byte
		ok   bool
	}{
		{"45", 45, 0, true},
		{"45.5", 45.5, '.', true},
		{"45,5", 45.5, ',', true},
		{"1 234,5", 1234.5, ',', true},
		{"1\u00a0234,5", 1234.5, ',', true},
		{"1.234,5", 1234.5, ',', true},
		{"1,234.5", 1234.5, '.', true},
		{"1.234.567", 1234567, 0, true},
		{"-3,25", -3.25, ',', true},
		{"\u22123,25", -3.25, ',', true},
		{"1,2,3", 0, 0, false},
		{"12.34.5", 0, 0, false},
		{"1.2,3", 0, 0, false},
		{"abc", 0, 0, false},
		{"1e5", 0, 0, false},
		{"NaN", 0, 0, false},
		{"--1", 0, 0, false},
		{"9999999999999999", 0, 0, false},
	} {
		v, dec, ok := parseNumber(c.in)
		if ok != c.ok || (ok && (v != c.want || dec != c.dec)) {
			t.Errorf("parseNumber(%q) = %v, %q, %v; want %v, %q, %v", c.in, v, dec, ok, c.want, c.dec, c.ok)
		}
	}
}

func mustPeriod(s string) model.Period {
	p, ok := model.ParsePeriod(s)
	if !ok {
		panic(s)
	}
	return p
}

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("period,unit,goal,value,numerator,denominator\n2026-01,bergen-nord,g,45.5,,\n"))
	f.Add([]byte("period;unit;goal;value;numerator;denominator\r\n2026-01;årstad;h;;1 234;2000\r\n"))
	f.Add([]byte("\ufeffperiod,unit,goal,value,numerator,denominator\n\"2026-01\",\"x\ny\",g,\"1,5\",,\n"))
	f.Add([]byte("period\tunit\n\xff\xfe"))
	f.Fuzz(func(t *testing.T, src []byte) {
		rows, errs := readCSV(t, src)
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, e := range errs {
			if e.Pos.Line < 0 || e.Pos.Line > lines {
				t.Errorf("error at line %d of a %d-line input: %v", e.Pos.Line, lines, e)
			}
		}
		for _, r := range rows {
			if !r.HasValue && !r.HasRatio {
				t.Errorf("row without a value: %+v", r)
			}
			if r.Line < 2 || int(r.Line) > lines {
				t.Errorf("row at line %d of a %d-line input", r.Line, lines)
			}
		}
	})
}

func TestLongFieldIsClippedInErrors(t *testing.T) {
	_, errs := readCSV(t, []byte("period,unit,goal,value,numerator,denominator\n2026-01,bergen-nord,g,"+strings.Repeat("x", 1<<20)+",,\n"))
	if len(errs) != 1 || len(errs[0].Msg) > 200 || !strings.Contains(errs[0].Msg, `"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" is not a number`) {
		t.Errorf("errors: %.300v", errs)
	}
}
