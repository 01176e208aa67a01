package load

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/malekort/malekort/internal/diag"
)

// growing is a site whose results file a.csv has more rows each time it is
// opened: a file written to while malekort reads it.
type growing struct {
	fstest.MapFS
	opens int
}

func (g *growing) Open(name string) (fs.File, error) {
	if name == "data/results/a.csv" {
		g.opens++
		g.MapFS[name] = &fstest.MapFile{Data: []byte(resultsOf(1000 * g.opens))}
	}
	return g.MapFS.Open(name)
}

func resultsOf(n int) string {
	var b strings.Builder
	b.WriteString("period,unit,goal,value,numerator,denominator\n")
	for i := range n {
		fmt.Fprintf(&b, "2026-01,arstad,arbeid,%d,,\n", i)
	}
	return b.String()
}

// TestResultsInFileAndLineOrder: every row of every results file is read,
// in file and line order, also from a file that grew between being counted
// and being read.
func TestResultsInFileAndLineOrder(t *testing.T) {
	site := &growing{MapFS: fstest.MapFS{
		"site.toml":     {Data: []byte("title = \"T\"\nlanguage = \"nb\"\n")},
		"data/org.toml": {Data: []byte("[[county]]\nid = \"vest\"\nname = \"Vest\"\n\n[[office]]\nid = \"arstad\"\nname = \"Årstad\"\ncounty = \"vest\"\n")},
		"data/goals.toml": {Data: []byte("[[goal]]\nid = \"arbeid\"\ntitle = \"Arbeid\"\nperspective = \"P\"\nunit = \"count\"\n" +
			"direction = \"higher\"\ntarget = 10\nyellow = 8\naggregate = \"sum\"\ndecimals = 0\n")},
		"data/results/a.csv": {},
		"data/results/b.csv": {Data: []byte("period,unit,goal,value,numerator,denominator\r\n2026-03,arstad,arbeid,-1,,")},
	}}
	_, s, _, errs := Load(site)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	rows := 1000 * site.opens
	if site.opens < 2 || len(s.Results) != rows+1 {
		t.Fatalf("%d rows read, want %d (a.csv opened %d times)", len(s.Results), rows+1, site.opens)
	}
	for i, r := range s.Results[:rows] {
		if r.Value != float64(i) || r.Line != int32(i+2) || r.File != 0 {
			t.Fatalf("row %d: value %v, line %d, file %d", i, r.Value, r.Line, r.File)
		}
	}
	if last := s.Results[rows]; last.Value != -1 || last.File != 1 || last.Line != 2 {
		t.Errorf("the second file's row: %+v", last)
	}
}

// TestUnreadOrgSaysMoreMayFollow: with data/org.toml unread, nothing
// named by it is checked, and a notice says so, so that the one error
// shown is not taken for all there are.
func TestUnreadOrgSaysMoreMayFollow(t *testing.T) {
	_, s, _, errs := Load(fstest.MapFS{
		"site.toml":          {Data: []byte("title = \"T\"\n")},
		"data/org.toml":      {Data: []byte("[[county]]\nid = \"vest\nname = \"Vest\"\n")},
		"data/goals.toml":    {Data: []byte("[[goal]]\nid = \"arbeid\"\n")},
		"data/results/a.csv": {Data: []byte("period,unit,goal,value\n2026-01,arstad,arbeid,1\n")},
	})
	errors, notices := errs.Split()
	orgErr := slices.ContainsFunc(errors, func(e diag.Error) bool { return e.Pos.Path == OrgPath })
	if s != nil || !orgErr || len(notices) != 1 || notices[0].Pos.Path != OrgPath || !strings.Contains(notices[0].Msg, "checked once data/org.toml can be read") {
		t.Errorf("errors %v, notices %v: want org.toml's error and a notice that more may follow", errors, notices)
	}
}
