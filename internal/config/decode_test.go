package config

import (
	"strings"
	"testing"

	"github.com/malekort/malekort/internal/diag"
)

func TestDecodeReportsEveryError(t *testing.T) {
	src := "title = \"T\nlanguage = nb\n[privacy]\nmin_count = \"5\"\n"
	var errs diag.List
	Parse([]byte(src), &errs)
	want := `site.toml:1:11: the text in quotes does not end on this line: add the closing "
site.toml:2:12: nb is not a value: put text in quotes ("nb"); numbers, true and false go as they are
site.toml:4:14: "5" is text, not a number: write the number without quotes, with a decimal point (45.5)`
	if got := errs.Error(); got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}

func TestDateMessage(t *testing.T) {
	for in, want := range map[string]string{
		"2026-31-12": "2026-31-12 is not a date: month 31 (",
		"2026-02-30": "2026-02-30 is not a date: February 2026 has 28 days (",
		"2028-02-30": "2028-02-30 is not a date: February 2028 has 29 days (",
		"2026-12-1":  "2026-12-1 is not a date or time: write dates as YYYY-MM-DD",
	} {
		if got := dateMessage(in).String(); !strings.HasPrefix(got, want) {
			t.Errorf("%s: %q, want %q…", in, got, want)
		}
	}
}

// TestNonFiniteNumbers: TOML's nan and inf pass every range check (NaN
// compares false), so each is an error naming its key.
func TestNonFiniteNumbers(t *testing.T) {
	src := "title = \"T\"\nmin_coverage = nan\n[privacy]\nmin_count = +inf # hide nothing\n"
	var errs diag.List
	s := Parse([]byte(src), &errs)
	want := `site.toml:2:16: min_coverage = nan is not a number: write a number (nan and inf are not numbers here)
site.toml:4:13: min_count = +inf is not a number: write a number (nan and inf are not numbers here)`
	if got := errs.Error(); got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
	if s.MinCoverage != s.MinCoverage {
		t.Errorf("min_coverage %v", s.MinCoverage)
	}
}

// TestNumberErrorsInArraysOfTables: the toml package puts an Unmarshaler's
// error on the last table's key of that name; each is on its own line.
func TestNumberErrorsInArraysOfTables(t *testing.T) {
	src := "[[goal]]\ntarget = \"45 %\"\nyellow = nan\n\n[[goal]]\ntarget = 14\nyellow = 3\n"
	var f struct {
		Goal []struct {
			Target Number `toml:"target"`
			Yellow Number `toml:"yellow"`
		} `toml:"goal"`
	}
	var errs diag.List
	Decode("data/goals.toml", []byte(src), 1, &f, &errs)
	want := `data/goals.toml:2:10: "45 %" is text, not a number: write the number without quotes, with a decimal point (45.5)
data/goals.toml:3:10: yellow = nan is not a number: write a number (nan and inf are not numbers here)`
	if got := errs.Sorted().Error(); got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}

func TestBaseURLIsEscaped(t *testing.T) {
	var errs diag.List
	got := Parse([]byte("title = \"T\"\nlanguage = \"nb\"\nbase_url = \"https://intranett.example.no/mål kort\"\n"), &errs).BaseURL
	if errs != nil {
		t.Fatal(errs)
	}
	if want := "https://intranett.example.no/m%C3%A5l%20kort/"; got != want {
		t.Errorf("base_url %q, want %q", got, want)
	}
}
