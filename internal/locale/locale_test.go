package locale

import (
	"math"
	"regexp"
	"slices"
	"testing"
)

func TestNumber(t *testing.T) {
	nb, en := New("nb"), New("en")
	for _, c := range []struct {
		l    *Locale
		v    float64
		d    int
		want string
	}{
		{nb, 45, 1, "45,0"},
		{nb, 1234567.5, 1, "1\u00a0234\u00a0567,5"},
		{nb, -3.25, 2, "\u22123,25"},
		{nb, math.Copysign(0, -1), 1, "0,0"}, // -0.0 is +0 in Go
		{nb, -0.04, 1, "0,0"},
		{nb, 999, 0, "999"},
		{en, 1234.5, 1, "1,234.5"},
		{en, -3.25, 2, "\u22123.25"},
	} {
		if got := c.l.Number(c.v, c.d); got != c.want {
			t.Errorf("%s Number(%v, %d) = %q, want %q", c.l.Lang, c.v, c.d, got, c.want)
		}
	}
	if got := nb.WithUnit(45.3, 1, "percent"); got != "45,3\u00a0%" {
		t.Errorf("percent: %q", got)
	}
	if got := New("nn").WithUnit(12, 0, "days"); got != "12\u00a0dagar" {
		t.Errorf("days in nynorsk: %q", got)
	}
	// One day is a day; 1,0 and 1,5 of them are days.
	for _, c := range []struct {
		v        float64
		decimals int
		want     string
	}{{1, 0, "1\u00a0dag"}, {-1, 0, "−1\u00a0dag"}, {1, 1, "1,0\u00a0dager"}, {1.5, 1, "1,5\u00a0dager"}, {2, 0, "2\u00a0dager"}, {0.5, 0, "0\u00a0dager"}, {1.4, 0, "1\u00a0dag"}} {
		if got := nb.WithUnit(c.v, c.decimals, "days"); got != c.want {
			t.Errorf("WithUnit(%v, %d, days) = %q, want %q", c.v, c.decimals, got, c.want)
		}
	}
	if got := nb.Plain(-1234.5, 1); got != "-1234,5" {
		t.Errorf("Plain: %q", got)
	}
	for _, v := range []float64{0, math.Copysign(0, -1), -0.04} {
		if got := en.Plain(v, 1); got != "0.0" {
			t.Errorf("Plain(%v, 1) = %q, want 0.0", v, got)
		}
	}
}

func TestNorwegianSortsÆØÅLast(t *testing.T) {
	names := []string{"NAV Åsane", "NAV Arna", "NAV Ørsta", "NAV Zeta", "NAV Ærøy", "NAV Bergenhus"}
	SortBy(New("nb"), names, func(s string) string { return s })
	want := []string{"NAV Arna", "NAV Bergenhus", "NAV Zeta", "NAV Ærøy", "NAV Ørsta", "NAV Åsane"}
	for i := range want {
		if names[i] != want[i] {
			t.Fatalf("sorted %v, want %v", names, want)
		}
	}
}

// TestNumbersInNamesSortByValue: "NAV Oslo 2" before "NAV Oslo 10", in
// every language, as a reader scans a list.
func TestNumbersInNamesSortByValue(t *testing.T) {
	for _, lang := range []string{"nb", "nn", "en"} {
		names := []string{"NAV Kontor 10", "Team 2 Øst", "NAV Kontor 2", "Team 0 Øst", "NAV Kontor 1", "NAV Kontor 266", "NAV Kontor 09", "Team 1 Øst"}
		SortBy(New(lang), names, func(s string) string { return s })
		if want := []string{"NAV Kontor 1", "NAV Kontor 2", "NAV Kontor 09", "NAV Kontor 10", "NAV Kontor 266", "Team 0 Øst", "Team 1 Øst", "Team 2 Øst"}; !slices.Equal(names, want) {
			t.Errorf("%s: sorted %v, want %v", lang, names, want)
		}
	}
}

func TestMonthsAndDates(t *testing.T) {
	nb, en := New("nb"), New("en")
	if got := nb.Month(2026, 10); got != "oktober 2026" {
		t.Errorf("%q", got)
	}
	if got := nb.ShortMonth(2026, 5); got != "mai 26" {
		t.Errorf("%q", got)
	}
	if got := nb.ShortMonth(2026, 9); got != "sep. 26" {
		t.Errorf("%q", got)
	}
	if got := nb.Date("2026-11-04"); got != "4. november 2026" {
		t.Errorf("%q", got)
	}
	if got := en.Date("2026-11-04"); got != "4 November 2026" {
		t.Errorf("%q", got)
	}
	if got := nb.MonthRange(2018, 5, 8); got != "mai–august 2018" {
		t.Errorf("%q", got)
	}
	if got := nb.MonthRange(2018, 1, 1); got != "januar 2018" {
		t.Errorf("a range of one month: %q", got)
	}
}

func TestEveryLanguageHasEveryWord(t *testing.T) {
	for key := range dictionary["nb"] {
		for _, lang := range []string{"nn", "en"} {
			if _, ok := dictionary[lang][key]; !ok {
				t.Errorf("%s lacks %q", lang, key)
			}
		}
	}
	for _, lang := range []string{"nn", "en"} {
		if len(dictionary[lang]) != len(dictionary["nb"]) {
			t.Errorf("%s has %d words, nb %d", lang, len(dictionary[lang]), len(dictionary["nb"]))
		}
	}
}

// TestUnitLabel: a table's heading labels a unit's numbers as each
// number written with its unit does.
func TestUnitLabel(t *testing.T) {
	for _, c := range []struct{ lang, unit, label, withUnit string }{
		{"nb", "percent", "%", "12\u00a0%"},
		{"en", "percent", "%", "12%"},
		{"nb", "days", "dager", "12\u00a0dager"},
		{"nn", "days", "dagar", "12\u00a0dagar"},
		{"en", "days", "days", "12\u00a0days"},
		{"nb", "nok", "kr", "12\u00a0kr"},
		{"en", "nok", "NOK", "12\u00a0NOK"},
		{"nb", "count", "", "12"},
		{"nn", "score", "", "12"},
	} {
		l := New(c.lang)
		if got := l.UnitLabel(c.unit); got != c.label {
			t.Errorf("%s UnitLabel(%q) = %q, want %q", c.lang, c.unit, got, c.label)
		}
		if got := l.WithUnit(12, 0, c.unit); got != c.withUnit {
			t.Errorf("%s WithUnit(12, 0, %q) = %q, want %q", c.lang, c.unit, got, c.withUnit)
		}
	}
}

// TestEachNorwegianInItsOwnForm: a word that only the other written
// form of Norwegian has, in a page's words or a message, is a slip of
// the translator (an nb message once spoke nynorsk). The header's hint
// names the columns in both.
func TestEachNorwegianInItsOwnForm(t *testing.T) {
	bothForms := "period,unit,goal,value (numerator,denominator where a ratio is given; in Norwegian periode,enhet,mål,verdi,teller,nevner)"
	only := map[string]*regexp.Regexp{
		"nb": regexp.MustCompile(`(?i)(?:^|\PL)(ikke|hva|hvor|hvilke[tn]?|bare|fra|teller|nevner|enhet|enheten|kontorer|noen|nå)(?:\PL|$)`),
		"nn": regexp.MustCompile(`(?i)(?:^|\PL)(ikkje|kva|kvar|kvifor|berre|frå|teljar|nemnar|eining|eininga|nokon|nokre|no)(?:\PL|$)`),
	}
	for lang, other := range map[string]string{"nb": "nn", "nn": "nb"} {
		check := func(key, text string) {
			if key == bothForms {
				return
			}
			if m := only[other].FindStringSubmatch(text); m != nil {
				t.Errorf("%s %q has %q, a word of %s: %s", lang, key, m[1], other, text)
			}
		}
		for key, text := range dictionary[lang] {
			check(key, text)
		}
		for key, text := range messages[lang] {
			check(key, text)
		}
	}
}
