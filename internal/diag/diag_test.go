package diag

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

func TestSuggest(t *testing.T) {
	units := []string{"bergen-nord", "bergen-sor", "arstad"}
	for name, want := range map[string]string{
		"bergen-nrd": ` (did you mean "bergen-nord"?)`,
		"arsatd":     ` (did you mean "arstad"?)`,
		"oslo":       "",
		"":           "",
	} {
		if got := Suggest(name, units).String(); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestSuggestAmongNoGuess: a unit's code one digit off is as close to
// several codes; no one of them is suggested, but of two, both are. A
// name and its unit's id, equally close, suggest that unit.
func TestSuggestAmongNoGuess(t *testing.T) {
	candidates := []string{"eidfjord", "4619", "ulvik", "4629", "NAV Voss", "voss", "4637", "4639"}
	hints := []string{"eidfjord", "eidfjord", "ulvik", "ulvik", "voss", "voss", "voss", "voss"}
	for name, want := range map[string]string{
		"4699":   "",
		"46199":  ` (did you mean "eidfjord"?)`,
		"46219":  ` (did you mean "eidfjord" or "ulvik"?)`,
		"4639x":  ` (did you mean "voss"?)`,
		"4638":   ` (did you mean "voss"?)`, // as close to Voss's two codes
		"vosss":  ` (did you mean "voss"?)`,
		"ulvikk": ` (did you mean "ulvik"?)`,
	} {
		if got := SuggestAmong(name, candidates, hints).String(); got != want {
			t.Errorf("SuggestAmong(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestListSortsAndFormats(t *testing.T) {
	var l List
	l.Add(Pos{Path: "b.csv", Line: 2}, "second")
	l.Add(Pos{Path: "a.toml", Line: 10, Col: 3}, "first %q", "x")
	l.Add(Pos{Path: "b.csv", Line: 2}, "second")
	l.Add(Pos{Path: "a.toml"}, "whole file")
	want := "a.toml: whole file\na.toml:10:3: first \"x\"\nb.csv:2: second"
	if got := l.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// bokmal is a Reader with three messages in bokmål and a decimal comma.
type bokmal map[string]string

func (b bokmal) Message(format string) string {
	if t, ok := b[format]; ok {
		return t
	}
	return format
}

func (bokmal) Number(v float64, decimals int) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', decimals, 64), ".", ",", 1)
}

// In translates a message and the phrases among its arguments, writes its
// numbers as the reader's language does, and keeps a message it has no
// translation for.
func TestIn(t *testing.T) {
	var l List
	l.Add(Pos{Path: "data/org.toml", Line: 3}, "office %q names unknown county %q%s", "arna", "vestlnd", Suggest("vestlnd", []string{"vestland"}))
	l.Add(Pos{Path: "data/org.toml", Line: 9}, "not translated %d, %v", 7, Number{9.25, 1})
	l.AddIO(Pos{Path: "site.toml"}, errors.New("permission denied"))
	nb := bokmal{
		"office %q names unknown county %q%s": "kontoret %q viser til et ukjent fylke %q%s",
		" (did you mean %q?)":                 " (mente du %q?)",
		"cannot read: %v":                     "kan ikke lese: %v",
	}
	got := l.In(nb)
	for i, want := range []string{`kontoret "arna" viser til et ukjent fylke "vestlnd" (mente du "vestland"?)`, "not translated 7, 9,2", "kan ikke lese: permission denied"} {
		if got[i].Msg != want {
			t.Errorf("message %d = %q, want %q", i, got[i].Msg, want)
		}
	}
	if !strings.HasPrefix(l[0].Msg, "office ") {
		t.Errorf("In changed the list it was given: %q", l[0].Msg)
	}
}

func TestGitHub(t *testing.T) {
	for _, c := range []struct {
		e    Error
		want string
	}{
		{Error{Pos: Pos{Path: "data/results/2026.csv", Line: 14, Col: 9}, Msg: `unknown unit "x"`}, `::error file=data/results/2026.csv,line=14,col=9::unknown unit "x"`},
		{Error{Pos: Pos{Path: "data/a,b:c.csv", Line: 2}, Msg: "100% wrong\nreally"}, `::error file=data/a%2Cb%3Ac.csv,line=2::100%25 wrong%0Areally`},
		{Error{Pos: Pos{Path: "content/\x1b[2J.md"}, Msg: "\"\x1b[31m\" wrong"}, `::error file=content/\x1b[2J.md::"\x1b[31m" wrong`},
		{Error{Pos: Pos{Path: "templates/office.html", Line: 3, Col: 5}, Msg: "bad"}, `::error file=templates/office.html,line=3,col=5::bad`},
		{Error{Msg: "no position"}, `::error::no position`},
		{Error{Pos: Pos{Path: "data/results/2026.xlsx", Sheet: "Ark 1", Line: 14, Col: 28}, Msg: "bad"}, `::error file=data/results/2026.xlsx::'Ark 1'!AB14: bad`},
		{Error{Pos: Pos{Path: "data/results/2026.xlsx", Sheet: "Fylke", Line: 184}, Msg: "a row"}, `::error file=data/results/2026.xlsx::Fylke!184:184: a row`},
	} {
		if got := c.e.GitHub(); got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}

// TestCount: a run's count of errors takes in those a line stands for,
// and leaves out the notices.
func TestCount(t *testing.T) {
	var l List
	l.Add(Pos{Path: "a.csv", Line: 2}, "bad")
	l.AddNotice(Pos{Path: "a.csv", Line: 3}, "odd")
	l.AddUnreported(Pos{Path: "a.csv", Line: 4}, 3300)
	l.AddUnreported(Pos{Path: "b.csv", Line: 9}, 1)
	if n := l.Count(); n != 3302 {
		t.Errorf("Count = %d, want 3302", n)
	}
	if got := l[2].Error(); got != "a.csv:4: 3300 more errors, not reported one by one: fix those reported and check again" {
		t.Errorf("got %q", got)
	}
	if got := l[3].Error(); got != "b.csv:9: 1 more error, not reported: fix those reported and check again" {
		t.Errorf("got %q", got)
	}
}

// TestSheetNames: a sheet's name stands in a position as a spreadsheet's
// reference writes it, quoted where it is more than a name, so that
// "0. Om tabellene" is not read as line 0.
func TestSheetNames(t *testing.T) {
	for sheet, want := range map[string]string{
		"Resultater":      "a.xlsx:Resultater!3:3",
		"Ark_2":           "a.xlsx:Ark_2!3:3",
		"0. Om tabellene": "a.xlsx:'0. Om tabellene'!3:3",
		"Kari's":          "a.xlsx:'Kari''s'!3:3",
		"2026":            "a.xlsx:'2026'!3:3",
	} {
		if got := (Pos{Path: "a.xlsx", Sheet: sheet, Line: 3}).String(); got != want {
			t.Errorf("%q: %s, want %s", sheet, got, want)
		}
	}
	if got := (Pos{Path: "a.xlsx", Sheet: "0. Om tabellene"}).String(); got != "a.xlsx:'0. Om tabellene'" {
		t.Errorf("a whole sheet: %s", got)
	}
}
