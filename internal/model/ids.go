package model

import (
	"regexp"
	"strings"
)

var slug = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// IsSlug reports whether id is a slug: lowercase a–z, 0–9 and single
// hyphens, as ids must be.
func IsSlug(id string) bool { return slug.MatchString(id) }

// SlugOf is the slug nearest to id, to suggest for an id that is not one.
func SlugOf(id string) string {
	r := strings.NewReplacer("æ", "ae", "ø", "o", "å", "a", "Æ", "ae", "Ø", "o", "Å", "a", " ", "-", "_", "-")
	s := strings.ToLower(r.Replace(id))
	var b strings.Builder
	for _, c := range s {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' {
			b.WriteRune(c)
		}
	}
	return strings.Trim(b.String(), "-")
}

// Slugs are those of ids that are slugs: what a "did you mean" may
// offer, since an id that is not one is an error of its own.
func Slugs(ids []string) []string {
	var out []string
	for _, id := range ids {
		if IsSlug(id) {
			out = append(out, id)
		}
	}
	return out
}

// Misnamed finds an id that is not a slug by a reference that names it
// as the id would be written as one: in any case, with or without its
// spaces and hyphens ("arna" or "ARNA" for "Arna", "fyllingsdalen" for
// "fyllings dalen"). Such a reference is not an error of its own: the
// id's error at its line is the one to fix, and the hundreds of rows
// that name the unit would bury it.
type Misnamed map[string]int

// NewMisnamed indexes the ids, by their index, that are not slugs.
func NewMisnamed(ids []string) Misnamed {
	m := Misnamed{}
	for i, id := range ids {
		if !IsSlug(id) {
			if k := loose(id); k != "" {
				m[k] = i
			}
		}
	}
	return m
}

// Find is the index of the id that is not a slug which ref names.
func (m Misnamed) Find(ref string) (int, bool) {
	if len(m) == 0 {
		return 0, false
	}
	i, ok := m[loose(ref)]
	return i, ok
}

// Names reports whether ref names an id that is not a slug.
func (m Misnamed) Names(ref string) bool {
	_, ok := m.Find(ref)
	return ok
}

func loose(id string) string { return strings.ReplaceAll(SlugOf(id), "-", "") }
