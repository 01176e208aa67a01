// Package config reads site.toml, the site's settings.
package config

import (
	"errors"
	"math"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/locale"
	"github.com/malekort/malekort/internal/model"
)

// Path is where the settings live, relative to the site root.
const Path = "site.toml"

// Site holds the settings of site.toml.
type Site struct {
	Title    string
	Language string // "nb", "nn" or "en"
	// Period is the reported month; zero means the latest month with
	// results. PeriodLine is its line in site.toml.
	Period     model.Period
	PeriodLine int
	BaseURL    string
	EditURL    string
	// NewURL is where to create a file: {dir} and {file} name it.
	NewURL string
	// Accent is the site's accent colour as #rrggbb.
	Accent string
	// MinCount is the smallest denominator whose ratio, and the smallest
	// count of people, that may be shown.
	MinCount float64
	// MinCoverage is the share of its offices that must have reported for
	// a roll-up of a ratio or mean to be judged (a sum needs them all), and
	// for a month to be reported by default.
	MinCoverage float64
	// WholeName names the whole site's figures ("Alle enheter samlet");
	// empty for the language's own words.
	WholeName string
}

type file struct {
	Title    string `toml:"title"`
	Language string `toml:"language"`
	Period   string `toml:"period"`
	BaseURL  string `toml:"base_url"`
	EditURL  string `toml:"edit_url"`
	NewURL   string `toml:"new_url"`
	Accent   string `toml:"accent"`
	// min_coverage governs the reported month: a [period] table cannot
	// stand beside period = "YYYY-MM" in TOML.
	MinCoverage *Number `toml:"min_coverage"`
	WholeName   string  `toml:"whole_name"`
	Privacy     struct {
		MinCount *Number `toml:"min_count"`
	} `toml:"privacy"`
}

// DefaultMinCount is Statistics Norway's usual threshold.
const DefaultMinCount = 5

// DefaultMinCoverage is four offices in five: with more missing, a county
// figure says more about who reported than about the county.
const DefaultMinCoverage = 0.8

var hexColour = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// DefaultAccent is NAV's red, dark enough for white text at WCAG AA.
const DefaultAccent = "#c30000"

// Parse reads site.toml's contents, reporting every problem into errs.
func Parse(src []byte, errs *diag.List) Site {
	var f file
	md, unread := Decode(Path, src, 1, &f, errs)
	lines := NewLines(src)
	for _, k := range md.Undecoded() {
		errs.Add(diag.Pos{Path: Path, Line: lines.Key(0, k[len(k)-1])}, "unknown key %q (known: title, language, period, min_coverage, whole_name, base_url, edit_url, new_url, accent, [privacy] min_count)", k.String())
	}
	if !unread.OK() {
		s := Site{Language: "nb", Accent: DefaultAccent, MinCount: DefaultMinCount, MinCoverage: DefaultMinCoverage}
		// The file's errors, and the others of the run, are written in
		// the site's language when its own line is not one of them.
		if slices.Contains(locale.Languages, f.Language) {
			s.Language = f.Language
		}
		return s
	}
	s := Site{Title: f.Title, Language: f.Language, BaseURL: f.BaseURL, EditURL: f.EditURL, NewURL: f.NewURL, Accent: f.Accent,
		MinCount: DefaultMinCount, MinCoverage: DefaultMinCoverage, WholeName: strings.TrimSpace(f.WholeName)}
	if n := f.MinCoverage; n != nil {
		s.MinCoverage = n.Value
		if n.Value < 0 || n.Value > 1 {
			errs.Add(diag.Pos{Path: Path, Line: lines.Key(0, "min_coverage")}, "min_coverage %v is not a share: write it from 0 to 1 (0.8 for four offices in five)", n.Value)
			s.MinCoverage = DefaultMinCoverage
		}
	}
	if n := f.Privacy.MinCount; n != nil {
		s.MinCount = n.Value
		if n.Value < 0 || n.Value != float64(int(n.Value)) {
			errs.Add(diag.Pos{Path: Path, Line: lines.Key(0, "min_count")}, "min_count %v must be a whole number, 0 or more (0 shows every value)", n.Value)
			s.MinCount = DefaultMinCount
		}
	}
	if s.Title == "" {
		errs.Add(diag.Pos{Path: Path}, "title is missing: add title = \"…\"")
	}
	switch {
	case slices.Contains(locale.Languages, s.Language):
	case s.Language == "":
		s.Language = "nb"
	default:
		errs.Add(diag.Pos{Path: Path, Line: lines.Key(0, "language")}, "language %q is not supported: use \"nb\", \"nn\" or \"en\"", s.Language)
		s.Language = "nb"
	}
	if f.Period != "" {
		p, ok := model.ParsePeriod(f.Period)
		if !ok {
			errs.Add(diag.Pos{Path: Path, Line: lines.Key(0, "period")}, "period %q is not a month: write it as YYYY-MM", f.Period)
		}
		s.Period, s.PeriodLine = p, lines.Key(0, "period")
	}
	for _, u := range []struct {
		key, value string
		// placeholders are what a link fills in: without them every
		// page's link would lead to the same place.
		placeholders []string
		example      string
	}{
		{"base_url", f.BaseURL, nil, ""},
		{"edit_url", f.EditURL, []string{"{path}"}, "https://…/edit/main/{path}"},
		{"new_url", f.NewURL, []string{"{dir}", "{file}"}, "https://…/new/main/{dir}?filename={file}"},
	} {
		if u.value == "" {
			continue
		}
		pos := diag.Pos{Path: Path, Line: lines.Key(0, u.key)}
		switch i := strings.IndexAny(u.value, "?#"); {
		case !strings.HasPrefix(u.value, "https://") && !strings.HasPrefix(u.value, "http://"):
			errs.Add(pos, "%s %q must be an http(s) address", u.key, u.value)
		case u.key == "base_url" && i >= 0:
			errs.Add(pos, "base_url %q has a query or fragment, from %q on: pages add their paths after the address, which would put them in it; give the address of the site's folder only (%q)", u.value, u.value[i:i+1], u.value[:i])
			s.BaseURL = ""
		default:
			for _, p := range u.placeholders {
				if !strings.Contains(u.value, p) {
					errs.Add(pos, "%s %q has no %s: every link would lead to the same page; write the address as %s", u.key, u.value, p, u.example)
					break
				}
			}
		}
	}
	if s.BaseURL != "" && !strings.HasSuffix(s.BaseURL, "/") {
		s.BaseURL += "/"
	}
	// Pages join the address to their own paths and publish it in
	// attributes as it is: a space or a letter outside ASCII is escaped
	// here, once, so that the address is a valid URL.
	if u, err := url.Parse(s.BaseURL); err == nil {
		s.BaseURL = u.String()
	}
	if s.Accent == "" {
		s.Accent = DefaultAccent
	} else if !hexColour.MatchString(s.Accent) {
		errs.Add(diag.Pos{Path: Path, Line: lines.Key(0, "accent")}, "accent %q is not a colour: write it as #rrggbb", s.Accent)
		s.Accent = DefaultAccent
	}
	return s
}

// Number is a TOML number, integer or float, that says whether it was
// set; nan and inf are errors, since they pass every range check (NaN
// compares false) and would switch off the rule the number sets.
type Number struct {
	Value float64
	Set   bool
}

// errNotFinite is a Number's error for nan or inf; Decode names the key.
var errNotFinite = errors.New("not a finite number")

// UnmarshalTOML accepts integers and floats, but not nan or inf.
func (n *Number) UnmarshalTOML(v any) error {
	switch x := v.(type) {
	case int64:
		n.Value, n.Set = float64(x), true
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return errNotFinite
		}
		n.Value, n.Set = x, true
	default:
		return errNotANumber
	}
	return nil
}
