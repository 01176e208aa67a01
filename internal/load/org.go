package load

import (
	"github.com/BurntSushi/toml"
	"github.com/malekort/malekort/internal/config"
	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/model"
)

type orgFile struct {
	County []struct {
		ID    string   `toml:"id"`
		Name  string   `toml:"name"`
		Code  string   `toml:"code"`
		Codes []string `toml:"codes"`
	} `toml:"county"`
	Office []struct {
		ID     string   `toml:"id"`
		Name   string   `toml:"name"`
		County string   `toml:"county"`
		Code   string   `toml:"code"`
		Codes  []string `toml:"codes"`
	} `toml:"office"`
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
	md, ok := config.Decode(OrgPath, src, 1, &f, errs)
	lines := config.NewLines(src)
	reportUndecoded(OrgPath, md, lines, "county: id, name, code, codes; office: id, name, county, code, codes", errs)
	if !ok {
		return false
	}
	countyLines, officeLines := lines.Tables("county"), lines.Tables("office")
	for i, c := range f.County {
		site.Counties = append(site.Counties, model.County{ID: c.ID, Name: c.Name, Codes: codes(c.Code, c.Codes), Pos: diag.Pos{Path: OrgPath, Line: at(countyLines, i)}})
	}
	for i, o := range f.Office {
		site.Offices = append(site.Offices, model.Office{ID: o.ID, Name: o.Name, County: o.County, Codes: codes(o.Code, o.Codes), Pos: diag.Pos{Path: OrgPath, Line: at(officeLines, i)}})
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
