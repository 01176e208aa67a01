package model

import (
	"slices"
	"strings"
	"testing"
)

func TestMeasureID(t *testing.T) {
	for _, c := range []struct {
		m    Measure
		want string
	}{
		{Measure{Goal: "sykefravaer", Text: "Samtaler med alle som har hatt mer enn to fraværsperioder"}, "sykefravaer-samtaler-med-alle-som-har"},
		{Measure{Goal: "g", Text: "Økt kontakt, på tvers!"}, "g-okt-kontakt-pa-tvers"},
		{Measure{ID: "egen", Goal: "g", Text: "x"}, "egen"},
		{Measure{Goal: "g", Text: "ÆRLIG talt: én, to; tre 4 fem seks"}, "g-aerlig-talt-n-to-tre"},
		{Measure{Goal: "g", Text: "  --  "}, "g"},
	} {
		if got := MeasureID(&c.m); got != c.want {
			t.Errorf("%q: %q, want %q", c.m.Text, got, c.want)
		}
	}
}

// FuzzMeasureID: the id is the goal and the first five words of the text,
// lowercased with æ, ø and å spelt out and anything but a–z and 0–9
// between words, as the plain string functions say it.
func FuzzMeasureID(f *testing.F) {
	f.Add("g", "Økt kontakt, på tvers!")
	f.Add("sykefravaer", "Samtaler med alle som har hatt mer enn to fraværsperioder")
	f.Add("g", "İ\xffK Å")
	f.Fuzz(func(t *testing.T, goal, text string) {
		lower := strings.NewReplacer("æ", "ae", "ø", "o", "å", "a").Replace(strings.ToLower(text))
		words := strings.FieldsFunc(lower, func(r rune) bool { return (r < 'a' || r > 'z') && (r < '0' || r > '9') })
		want := strings.Join(append([]string{goal}, words[:min(len(words), 5)]...), "-")
		if got := MeasureID(&Measure{Goal: goal, Text: text}); got != want {
			t.Errorf("MeasureID(%q, %q) = %q, want %q", goal, text, got, want)
		}
	})
}

// TestMeasureLives: a measure named in several months is one measure,
// named first in the first, begun in the first month it is started, done
// in the first month it says so.
func TestMeasureLives(t *testing.T) {
	p := func(s string) Period { v, _ := ParsePeriod(s); return v }
	site := &Site{Commentary: []Commentary{
		{Office: "fana", Period: p("2026-09"), Measures: []Measure{{Goal: "g", Text: "Samtaler", Status: "done"}}},
		{Office: "fana", Period: p("2026-07"), Measures: []Measure{{Goal: "g", Text: "Samtaler", Status: "planned", Due: "2026-08-15"}, {ID: "m2", Goal: "h", Text: "Møter", Status: "started", Due: "2026-09-30"}}},
		{Office: "fana", Period: p("2026-08"), Measures: []Measure{{Goal: "g", Text: "Samtaler", Status: "started"}, {ID: "m2", Goal: "h", Text: "Ukentlige møter", Status: "started"}}},
		{Office: "arna", Period: p("2026-08"), Measures: []Measure{{Goal: "g", Text: "Samtaler", Status: "started"}}},
	}}
	lives := site.Measures(p("2026-10"))
	if len(lives) != 3 {
		t.Fatalf("%d measures: %+v", len(lives), lives)
	}
	fana := lives[1]
	if fana.Office != "fana" || fana.ID != "g-samtaler" || fana.Start != p("2026-07") || fana.Done != p("2026-09") || fana.Open() || fana.Due != "2026-08-15" {
		t.Errorf("fana's first measure: %+v", fana)
	}
	if got := []string{fana.History[0].Status, fana.History[1].Status, fana.History[2].Status}; !slices.Equal(got, []string{"planned", "started", "done"}) {
		t.Errorf("history %v", got)
	}
	// Planned in July, it began in August, when it was started.
	if fana.Began != p("2026-08") {
		t.Errorf("fana's first measure began %v, want 2026-08", fana.Began)
	}
	if planned := site.Measures(p("2026-07"))[0]; planned.ID != "g-samtaler" || planned.Began != 0 || planned.Begun() != 0 {
		t.Errorf("up to July, fana's first measure is only planned: %+v", planned)
	}
	// Started in August, planned again in September: it began in August,
	// and is not begun now.
	again := &Site{Commentary: []Commentary{
		{Office: "fana", Period: p("2026-08"), Measures: []Measure{{Goal: "g", Text: "Samtaler", Status: "started"}}},
		{Office: "fana", Period: p("2026-09"), Measures: []Measure{{Goal: "g", Text: "Samtaler", Status: "planned"}}},
	}}
	if m := again.Measures(p("2026-09"))[0]; m.Began != p("2026-08") || m.Begun() != 0 {
		t.Errorf("planned again: began %v, begun %v; want 2026-08 and 0", m.Began, m.Begun())
	}
	m2 := lives[2]
	if m2.Text != "Ukentlige møter" || !m2.Overdue(p("2026-10")) || m2.Overdue(p("2026-08")) {
		t.Errorf("m2: %+v, overdue in October %v", m2, m2.Overdue(p("2026-10")))
	}
	if n := len(site.Measures(p("2026-07"))); n != 2 {
		t.Errorf("up to July: %d measures, want 2", n)
	}
}

// TestMeasuresInTertial sorts an office's measures by what they did in
// the second tertial of 2026 (May to August), as the commentary up to
// August tells it: later commentary does not change what the tertial was.
func TestMeasuresInTertial(t *testing.T) {
	p := func(s string) Period { v, _ := ParsePeriod(s); return v }
	site := &Site{Commentary: []Commentary{
		// Done in the tertial before: in none of the lists.
		{Office: "fana", Period: p("2026-02"), Measures: []Measure{{ID: "early", Goal: "g", Text: "Tidlig", Status: "started"}, {ID: "carried", Goal: "g", Text: "Videreført", Status: "started", Due: "2026-06-30"}}},
		{Office: "fana", Period: p("2026-04"), Measures: []Measure{{ID: "early", Goal: "g", Text: "Tidlig", Status: "done"}, {ID: "carried", Goal: "g", Text: "Videreført", Status: "started", Due: "2026-06-30"}}},
		// Started in the tertial and done in it; started and still open.
		{Office: "fana", Period: p("2026-05"), Text: Text{Body: []byte("Mai.")}, Measures: []Measure{{ID: "quick", Goal: "g", Text: "Rask", Status: "started"}, {ID: "carried", Goal: "g", Text: "Videreført", Status: "started", Due: "2026-06-30"}}},
		// Measures alone, without text: no commentary of June.
		{Office: "fana", Period: p("2026-06"), Measures: []Measure{{ID: "quick", Goal: "g", Text: "Rask", Status: "started"}}},
		{Office: "fana", Period: p("2026-07"), Text: Text{Body: []byte("Juli.")}, Measures: []Measure{{ID: "quick", Goal: "g", Text: "Rask", Status: "done"}, {ID: "new", Goal: "g", Text: "Ny", Status: "planned", Due: "2026-12-01"}}},
		// After the tertial: the carried measure is done in September,
		// which the tertial does not know.
		{Office: "fana", Period: p("2026-09"), Measures: []Measure{{ID: "carried", Goal: "g", Text: "Videreført", Status: "done"}}},
	}}
	first, last := p("2026-05"), p("2026-08")
	lives := site.Measures(last)
	ids := func(idx []int) []string {
		var out []string
		for _, i := range idx {
			out = append(out, lives[i].ID)
		}
		slices.Sort(out)
		return out
	}
	pm := MeasuresIn(lives, first, last)
	for _, c := range []struct {
		name      string
		got, want []string
	}{
		{"started", ids(pm.Started), []string{"new", "quick"}},
		{"open", ids(pm.Open), []string{"carried", "new"}},
		{"overdue", ids(pm.Overdue), []string{"carried"}},
		{"done", ids(pm.Done), []string{"quick"}},
	} {
		if !slices.Equal(c.got, c.want) {
			t.Errorf("%s in 2026-T2: %v, want %v", c.name, c.got, c.want)
		}
	}
	var months []string
	for _, c := range site.CommentaryIn(first, last)["fana"] {
		months = append(months, c.Period.String())
	}
	if !slices.Equal(months, []string{"2026-05", "2026-07"}) {
		t.Errorf("commentary of 2026-T2: %v, want 2026-05 and 2026-07", months)
	}
}
