package load

import (
	"slices"

	"github.com/BurntSushi/toml"
	"github.com/malekort/malekort/internal/config"
	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/model"
)

type orgFile struct {
	County []struct {
		ID         string   `toml:"id"`
		Name       string   `toml:"name"`
		Code       string   `toml:"code"`
		Codes      []string `toml:"codes"`
		From       string   `toml:"from"`
		Until      string   `toml:"until"`
		MergedInto string   `toml:"merged_into"`
		SplitInto  []string `toml:"split_into"`
		Life       []life   `toml:"life"`
		Change     []change `toml:"change"`
	} `toml:"county"`
	Office []struct {
		ID         string   `toml:"id"`
		Name       string   `toml:"name"`
		County     string   `toml:"county"`
		Code       string   `toml:"code"`
		Codes      []string `toml:"codes"`
		From       string   `toml:"from"`
		Until      string   `toml:"until"`
		MergedInto string   `toml:"merged_into"`
		SplitInto  []string `toml:"split_into"`
		Life       []life   `toml:"life"`
		Change     []change `toml:"change"`
	} `toml:"office"`
}

type life struct {
	From       string   `toml:"from"`
	Until      string   `toml:"until"`
	MergedInto string   `toml:"merged_into"`
	SplitInto  []string `toml:"split_into"`
}

// unitLives reads a unit's lifetimes: its plain from, until, merged_into
// and split_into, or its [[….life]] tables (whose header lines are
// lines[*next:]), not both. span is the unit's Lifetime, MergedInto and
// SplitInto (those of its last lifetime); lives are its lifetimes when
// it has several.
func unitLives(kind, id string, plain life, in []life, pos diag.Pos, headers []int, next *int, lines config.Lines, errs *diag.List) (span model.Life, lives []model.Life) {
	if len(in) == 0 {
		span.Lifetime = model.Lifetime{From: month("from", plain.From, pos, lines, errs), Until: month("until", plain.Until, pos, lines, errs)}
		span.MergedInto, span.SplitInto = plain.MergedInto, plain.SplitInto
		return span, nil
	}
	for _, key := range []struct {
		name string
		set  bool
	}{{"from", plain.From != ""}, {"until", plain.Until != ""}, {"merged_into", plain.MergedInto != ""}, {"split_into", plain.SplitInto != nil}} {
		if key.set {
			errs.Add(diag.Pos{Path: OrgPath, Line: lines.Key(pos.Line, key.name)}, "%q has %s and [[%s.life]] tables: move %s into the [[%s.life]] it belongs to", id, key.name, kind, key.name, kind)
			break
		}
	}
	for _, l := range in {
		lpos := diag.Pos{Path: OrgPath, Line: at(headers, *next)}
		*next++
		lives = append(lives, model.Life{Lifetime: model.Lifetime{From: month("from", l.From, lpos, lines, errs), Until: month("until", l.Until, lpos, lines, errs)},
			MergedInto: l.MergedInto, SplitInto: l.SplitInto, Pos: lpos})
	}
	span = lives[len(lives)-1]
	span.From, span.Pos = lives[0].From, pos
	if len(lives) == 1 {
		lives = nil
	}
	return span, lives
}

type change struct {
	From   string `toml:"from"`
	County string `toml:"county"`
	Name   string `toml:"name"`
}

// month reads a "YYYY-MM" key; a wrong one is an error at its line.
func month(key, v string, pos diag.Pos, lines config.Lines, errs *diag.List) model.Period {
	if v == "" {
		return 0
	}
	p, ok := model.ParsePeriod(v)
	if !ok {
		errs.Add(diag.Pos{Path: pos.Path, Line: lines.Key(pos.Line, key)}, "%s %q is not a month: write it as YYYY-MM", key, v)
	}
	return p
}

// changes reads a unit's [[….change]] tables, whose header lines are
// lines[*next:].
func changes(in []change, headers []int, next *int, lines config.Lines, errs *diag.List) []model.Change {
	var out []model.Change
	for _, c := range in {
		pos := diag.Pos{Path: OrgPath, Line: at(headers, *next)}
		*next++
		if c.From == "" {
			// Told once: without a month, it changes nothing anyone
			// could check further.
			errs.Add(pos, "change has no from: add from = \"YYYY-MM\", the first month it holds")
			continue
		}
		out = append(out, model.Change{From: month("from", c.From, pos, lines, errs), County: c.County, Name: c.Name, Pos: pos})
	}
	slices.SortStableFunc(out, func(a, b model.Change) int { return int(a.From - b.From) })
	return out
}

// codes joins a unit's code and codes.
func codes(code string, more []string) []string {
	if code == "" {
		return more
	}
	return append([]string{code}, more...)
}

func parseOrg(src []byte, site *model.Site, errs *diag.List) bool {
	var f orgFile
	md, unread := config.Decode(OrgPath, src, 1, &f, errs)
	lines := config.NewLines(src)
	reportUndecoded(OrgPath, md, lines, "county: id, name, code, codes, from, until, merged_into, split_into, life (from, until, merged_into, split_into), change (from, name); office: id, name, county, code, codes, from, until, merged_into, split_into, life (from, until, merged_into, split_into), change (from, county, name)", errs)
	if !unread.OK() {
		return false
	}
	if len(f.County) == 0 && len(f.Office) == 0 {
		// Every result and content folder would name an unknown unit.
		errs.Add(diag.Pos{Path: OrgPath, Line: 1}, "there are no counties or offices: give each as a [[county]] or [[office]] table (see README, \"The input contract\")")
		return false
	}
	countyLines, officeLines := lines.Tables("county"), lines.Tables("office")
	countyChanges, officeChanges := lines.Tables("county.change"), lines.Tables("office.change")
	countyLives, officeLives := lines.Tables("county.life"), lines.Tables("office.life")
	nextCounty, nextOffice, nextCountyLife, nextOfficeLife := 0, 0, 0, 0
	for i, c := range f.County {
		pos := diag.Pos{Path: OrgPath, Line: at(countyLines, i)}
		county := model.County{ID: c.ID, Name: c.Name, Codes: codes(c.Code, c.Codes), Pos: pos,
			Changes: changes(c.Change, countyChanges, &nextCounty, lines, errs)}
		span, lives := unitLives("county", c.ID, life{c.From, c.Until, c.MergedInto, c.SplitInto}, c.Life, pos, countyLives, &nextCountyLife, lines, errs)
		county.Lifetime, county.MergedInto, county.SplitInto, county.Lives = span.Lifetime, span.MergedInto, span.SplitInto, lives
		site.Counties = append(site.Counties, county)
	}
	for i, o := range f.Office {
		pos := diag.Pos{Path: OrgPath, Line: at(officeLines, i)}
		office := model.Office{ID: o.ID, Name: o.Name, County: o.County, Codes: codes(o.Code, o.Codes), Pos: pos,
			Changes: changes(o.Change, officeChanges, &nextOffice, lines, errs)}
		span, lives := unitLives("office", o.ID, life{o.From, o.Until, o.MergedInto, o.SplitInto}, o.Life, pos, officeLives, &nextOfficeLife, lines, errs)
		office.Lifetime, office.MergedInto, office.SplitInto, office.Lives = span.Lifetime, span.MergedInto, span.SplitInto, lives
		site.Offices = append(site.Offices, office)
	}
	site.NumberUnits()
	return true
}

// at returns lines[i], or 0 when the index found fewer headers than the
// decoder did (a table written inline, say).
func at(lines []int, i int) int {
	if i < len(lines) {
		return lines[i]
	}
	return 0
}

func reportUndecoded(path string, md toml.MetaData, lines config.Lines, known string, errs *diag.List) {
	for _, k := range md.Undecoded() {
		errs.Add(diag.Pos{Path: path, Line: lines.Key(0, k[len(k)-1])}, "unknown key %q (known keys: %s)", k.String(), known)
	}
}
