package model

import "testing"

func TestMisnamed(t *testing.T) {
	m := NewMisnamed([]string{"arstad", "Arna", "fyllings dalen", "Årstad Sør"})
	for _, c := range []struct {
		ref  string
		want int
		ok   bool
	}{
		{"arna", 1, true},
		{"ARNA", 1, true},
		{"Arna", 1, true},
		{"fyllingsdalen", 2, true},
		{"fyllings-dalen", 2, true},
		{"arstad-sor", 3, true},
		{"arnaa", 0, false},
		// A slug is found by its own name; it is no one's misspelling.
		{"arstad", 0, false},
		{"", 0, false},
	} {
		if got, ok := m.Find(c.ref); got != c.want || ok != c.ok {
			t.Errorf("Find(%q) = %d, %v, want %d, %v", c.ref, got, ok, c.want, c.ok)
		}
	}
}
