package diag

import "testing"

func TestSuggest(t *testing.T) {
	units := []string{"bergen-nord", "bergen-sor", "arstad"}
	for name, want := range map[string]string{
		"bergen-nrd": ` (did you mean "bergen-nord"?)`,
		"arsatd":     ` (did you mean "arstad"?)`,
		"oslo":       "",
		"":           "",
	} {
		if got := Suggest(name, units); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", name, got, want)
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
	if (List{}).Err() != nil {
		t.Error("empty list is an error")
	}
}
