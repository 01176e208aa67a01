package render

import (
	"strings"

	"github.com/malekort/malekort/internal/model"
	"github.com/malekort/malekort/internal/search"
)

// searchIndex is the site's search index: every unit (a county with its
// text) and goal (with its description), and every office's commentary
// and measures, each linked to the page that shows it.
func (s *site) searchIndex() []byte {
	m := s.Site
	words := map[string]string{}
	for _, key := range search.Words {
		words[key] = s.loc.T(key)
	}
	ix := search.New(func(p model.Period) string { return s.loc.Month(p.Year(), p.Month()) }, words, commentaryFile)
	unitOf := map[string]int{}
	var offices []int
	for _, c := range s.allCounties {
		county := &m.Counties[c]
		ix.Unit(county.Name, strings.TrimSuffix(countyPath(county), "index.html"), s.formerNames(county.ID)+s.countyTexts[county.ID].words)
		for _, o := range s.officesOf[c] {
			office := &m.Offices[o]
			unitOf[office.ID] = ix.Unit(office.Name, strings.TrimSuffix(officePath(office), "index.html"), strings.TrimSpace(s.formerNames(office.ID)))
			offices = append(offices, o)
		}
	}
	goalOf := map[string]int{}
	for _, gi := range s.goalOrder {
		g := &m.Goals[gi]
		goalOf[g.ID] = ix.Goal(g.Title, strings.TrimSuffix(goalPath(g), "index.html"), s.descriptionWords[gi])
	}
	for _, o := range offices {
		id := m.Offices[o].ID
		for _, cm := range s.commentary[id] {
			ix.Commentary(unitOf[id], cm.Period, s.bodies[commentaryKey{cm.Office, cm.Period}].words)
		}
		lives := s.measuresOf[id]
		for i := range lives {
			me := &lives[i]
			ix.Measure(unitOf[id], goalOf[me.Goal], me.Start, me.Text)
		}
	}
	return ix.Script()
}

// formerNames are the sentences of a unit's page that name what it was
// called before, each followed by a space, so that a search for an old
// name finds it.
func (s *site) formerNames(id string) string {
	var b strings.Builder
	for _, r := range s.toldRenames(id) {
		b.WriteString(s.renamed(r))
		b.WriteByte(' ')
	}
	return b.String()
}
