package cli

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// readCSV reads a Norwegian CSV file of a built site (BOM, semicolons) as
// records keyed by the header's column names.
func readCSV(t *testing.T, name string) []map[string]string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(data), "\ufeff")))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var records []map[string]string
	for _, row := range rows[1:] {
		rec := map[string]string{}
		for i, col := range rows[0] {
			rec[col] = row[i]
		}
		records = append(records, rec)
	}
	return records
}

// TestGoalPageListsWhatOthersTried: the example site's goal page for
// aktivitetsplan lists measures of at least two offices, each with the
// office's value for the goal in the month the measure started and in the
// reported month as scorecard.csv has them (":" where suppressed, "–"
// where missing), and measures.csv gives the same values.
func TestGoalPageListsWhatOthersTried(t *testing.T) {
	out := buildExample(t)
	const goal = "aktivitetsplan"
	values := map[[3]string]map[string]string{} // by unit, goal, period
	reported := ""
	for _, rec := range readCSV(t, filepath.Join(out, "scorecard.csv")) {
		values[[3]string{rec["unit"], rec["goal"], rec["period"]}] = rec
		reported = max(reported, rec["period"])
	}
	shown := func(unit, period string) (page, csv string) {
		rec, ok := values[[3]string{unit, goal, period}]
		switch {
		case !ok || rec["status"] == "missing" || rec["status"] == "incomplete":
			return "–", ""
		case rec["status"] == "suppressed":
			return ":", ""
		}
		return rec["value"], rec["value"]
	}
	measures := map[string]map[string]string{} // by text
	for _, rec := range readCSV(t, filepath.Join(out, "measures.csv")) {
		if rec["goal"] == goal {
			measures[rec["text"]] = rec
		}
	}

	f, err := os.Open(filepath.Join(out, "goals", goal, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	var offices []string
	for tr := range doc.Descendants() {
		if tr.Data != "tr" || !strings.HasPrefix(attr(tr, "class"), "measure-") {
			continue
		}
		var cells []string
		for c := range tr.ChildNodes() {
			if c.Type == html.ElementNode {
				cells = append(cells, nodeText(c))
			}
		}
		text, before, now := cells[1], cells[5], cells[6]
		m, ok := measures[text]
		if !ok {
			t.Errorf("the page lists %q, which measures.csv does not have for %s", text, goal)
			continue
		}
		offices = append(offices, m["office"])
		wantBefore, csvBefore := shown(m["office"], m["start"])
		wantNow, csvNow := shown(m["office"], reported)
		// The page adds the goal's unit: "82,8 %".
		if number, _, _ := strings.Cut(before, "\u00a0"); number != wantBefore {
			t.Errorf("%s, %q: value at start %q, scorecard.csv has %q for %s", m["office"], text, before, wantBefore, m["start"])
		}
		if number, _, _ := strings.Cut(now, "\u00a0"); number != wantNow {
			t.Errorf("%s, %q: value now %q, scorecard.csv has %q for %s", m["office"], text, now, wantNow, reported)
		}
		if m["start_value"] != csvBefore || m["now_value"] != csvNow {
			t.Errorf("%s, %q: measures.csv has %q and %q, scorecard.csv %q and %q", m["office"], text, m["start_value"], m["now_value"], csvBefore, csvNow)
		}
	}
	slices.Sort(offices)
	if len(slices.Compact(offices)) < 2 {
		t.Errorf("the goal page lists measures of %v, want at least two offices", offices)
	}
}

// attr is n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// nodeText is the text inside n.
func nodeText(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return strings.TrimSpace(b.String())
}
