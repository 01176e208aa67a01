package load

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// TestResultsBeyondTheGuess: a results file whose first 64 kB has long
// lines holds more rows than rowsIn guesses from them; every row is still
// read, in file and line order.
func TestResultsBeyondTheGuess(t *testing.T) {
	var a strings.Builder
	a.WriteString("period,unit,goal,value,numerator,denominator,note\n")
	rows := 0
	for a.Len() < 64<<10 {
		fmt.Fprintf(&a, "2026-01,arstad,arbeid,%d,,,%s\n", rows, strings.Repeat("x", 300))
		rows++
	}
	long := rows
	for range 5000 {
		fmt.Fprintf(&a, "2026-02,arstad,arbeid,%d,,,\n", rows)
		rows++
	}
	if guess := rowsIn(fstest.MapFS{"a.csv": {Data: []byte(a.String())}}, "a.csv"); guess >= rows {
		t.Fatalf("rowsIn guessed %d rows of %d: the test needs a file with more than the guess", guess, rows)
	}
	site := fstest.MapFS{
		"site.toml":     {Data: []byte("title = \"T\"\nlanguage = \"nb\"\n")},
		"data/org.toml": {Data: []byte("[[county]]\nid = \"vest\"\nname = \"Vest\"\n\n[[office]]\nid = \"arstad\"\nname = \"Årstad\"\ncounty = \"vest\"\n")},
		"data/goals.toml": {Data: []byte("[[goal]]\nid = \"arbeid\"\ntitle = \"Arbeid\"\nperspective = \"P\"\nunit = \"count\"\n" +
			"direction = \"higher\"\ntarget = 10\nyellow = 8\naggregate = \"sum\"\ndecimals = 0\n")},
		"data/results/a.csv": {Data: []byte(a.String())},
		"data/results/b.csv": {Data: []byte("period,unit,goal,value,numerator,denominator\n2026-03,arstad,arbeid,-1,,\n")},
	}
	_, s, errs := Load(site)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(s.Results) != rows+1 {
		t.Fatalf("%d rows read, want %d (%d of them long)", len(s.Results), rows+1, long)
	}
	for i, r := range s.Results[:rows] {
		if r.Value != float64(i) || r.Line != int32(i+2) || r.File != 0 {
			t.Fatalf("row %d: value %v, line %d, file %d", i, r.Value, r.Line, r.File)
		}
	}
	if last := s.Results[rows]; last.Value != -1 || last.File != 1 {
		t.Errorf("the second file's row: %+v", last)
	}
}
