package validate

import (
	"bytes"
	"strings"

	"github.com/malekort/malekort/internal/config"
	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/locale"
	"github.com/malekort/malekort/internal/model"
)

// Unused adds, in the site's language, notices of what is there but will
// not be seen as its author meant: commentary for a month without results
// or after the reported one, a period in site.toml after the newest
// month with results, an office without any results, a goal without any
// value. reported is the month the site reports.
func Unused(s *model.Site, cfg config.Site, reported model.Period, loc *locale.Locale, notices *diag.List) {
	months := map[model.Period]bool{}
	newest := model.Period(0)
	officeHas := make([]bool, len(s.Offices))
	goalHas := make([]bool, len(s.Goals))
	last := model.Period(0)
	for _, r := range s.Results {
		if r.Period != last { // rows come a month at a time: a map write each was most of this
			months[r.Period], last = true, r.Period
		}
		newest = max(newest, r.Period)
		if int(r.Unit) < len(s.Offices) {
			officeHas[r.Unit] = true
		}
		if r.HasValue || r.HasRatio || r.Suppressed {
			goalHas[r.Goal] = true
		}
	}
	say := func(pos diag.Pos, key string, words ...string) {
		notices.AddNotice(pos, "%s", strings.NewReplacer(words...).Replace(loc.T(key)))
	}
	month := func(p model.Period) string { return loc.Month(p.Year(), p.Month()) }
	if cfg.Period != 0 {
		switch pos := (diag.Pos{Path: config.Path, Line: cfg.PeriodLine}); {
		case newest == 0:
			say(pos, "notice.period.none", "{period}", month(cfg.Period))
		case cfg.Period > newest:
			say(pos, "notice.period.after", "{period}", month(cfg.Period), "{newest}", month(newest))
		}
	}
	for i := range s.Commentary {
		c := &s.Commentary[i]
		pos := diag.Pos{Path: c.Path, Line: 1}
		switch {
		case c.Period > reported && reported != 0:
			say(pos, "notice.commentary.after", "{month}", month(c.Period), "{reported}", month(reported))
		case !months[c.Period]:
			say(pos, "notice.commentary.none", "{month}", month(c.Period))
		}
	}
	for i := range s.Offices {
		if o := &s.Offices[i]; !officeHas[i] && len(s.Results) > 0 {
			say(o.Pos, "notice.office.none", "{office}", o.Name)
		}
	}
	for i := range s.Goals {
		if g := &s.Goals[i]; !goalHas[i] && len(s.Results) > 0 {
			say(g.Pos, "notice.goal.none", "{goal}", g.Title)
		}
	}
}

// Unwritten adds a notice for each commentary that still holds the
// placeholder new commentary wrote, and takes the placeholder out of it,
// so that it is never published.
func Unwritten(s *model.Site, loc *locale.Locale, notices *diag.List) {
	placeholders := make([][]byte, len(locale.Languages))
	for i, lang := range locale.Languages {
		placeholders[i] = []byte(locale.Word(lang, "commentary.placeholder"))
	}
	for i := range s.Commentary {
		c := &s.Commentary[i]
		for _, placeholder := range placeholders {
			at := bytes.Index(c.Body, placeholder)
			if at < 0 {
				continue
			}
			line := c.BodyLine + bytes.Count(c.Body[:at], []byte("\n"))
			notices.AddNotice(diag.Pos{Path: c.Path, Line: line}, "%s", loc.T("notice.placeholder"))
			c.Body = bytes.TrimSpace(append(c.Body[:at:at], c.Body[at+len(placeholder):]...))
			break
		}
	}
}
