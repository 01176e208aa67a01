// Package config reads site.toml, the site's settings.
package config

import (
	"errors"
	"fmt"
	"regexp"

	"github.com/BurntSushi/toml"
	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/model"
)

// Path is where the settings live, relative to the site root.
const Path = "site.toml"

// Site holds the settings of site.toml.
type Site struct {
	Title    string
	Language string // "nb", "nn" or "en"
	// Period is the reported month; zero means the latest month with results.
	Period  model.Period
	BaseURL string
	EditURL string
	// Accent is the site's accent colour as #rrggbb.
	Accent string
}

type file struct {
	Title    string `toml:"title"`
	Language string `toml:"language"`
	Period   string `toml:"period"`
	BaseURL  string `toml:"base_url"`
	EditURL  string `toml:"edit_url"`
	Accent   string `toml:"accent"`
}

var hexColour = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// DefaultAccent is NAV's red, dark enough for white text at WCAG AA.
const DefaultAccent = "#c30000"

// Parse reads site.toml's contents, reporting every problem into errs.
func Parse(src []byte, errs *diag.List) Site {
	var f file
	md, err := toml.Decode(string(src), &f)
	if err != nil {
		errs.Add(tomlErrorPos(Path, err), "%s", tomlErrorMessage(err))
		return Site{Language: "nb", Accent: DefaultAccent}
	}
	lines := NewLines(src)
	for _, k := range md.Undecoded() {
		errs.Add(diag.Pos{Path: Path, Line: lines.Key(0, k[len(k)-1])}, "unknown key %q (known: title, language, period, base_url, edit_url, accent)", k.String())
	}
	s := Site{Title: f.Title, Language: f.Language, BaseURL: f.BaseURL, EditURL: f.EditURL, Accent: f.Accent}
	if s.Title == "" {
		errs.Add(diag.Pos{Path: Path}, "title is missing: add title = \"…\"")
	}
	switch s.Language {
	case "nb", "nn", "en":
	case "":
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
		s.Period = p
	}
	if s.Accent == "" {
		s.Accent = DefaultAccent
	} else if !hexColour.MatchString(s.Accent) {
		errs.Add(diag.Pos{Path: Path, Line: lines.Key(0, "accent")}, "accent %q is not a colour: write it as #rrggbb", s.Accent)
		s.Accent = DefaultAccent
	}
	return s
}

// tomlErrorPos returns where a toml decode error happened in path.
func tomlErrorPos(path string, err error) diag.Pos {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return diag.Pos{Path: path, Line: pe.Position.Line, Col: pe.Position.Col}
	}
	return diag.Pos{Path: path}
}

// tomlErrorMessage is the toml error without the position, which the caller
// prints in its own format.
func tomlErrorMessage(err error) string {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		if pe.Usage != "" {
			return fmt.Sprintf("%s (%s)", pe.Message, firstLine(pe.Usage))
		}
		return pe.Message
	}
	return err.Error()
}

func firstLine(s string) string {
	for i, c := range s {
		if c == '\n' && i > 0 {
			return s[:i]
		}
	}
	return s
}

// TOMLError reports a toml.Decode error of the file at path into errs.
func TOMLError(path string, err error, errs *diag.List) {
	errs.Add(tomlErrorPos(path, err), "%s", tomlErrorMessage(err))
}
