package render

import (
	"bytes"
	"encoding/csv"
)

// csvFiles writes scorecard.csv with every unit, goal and month, and each
// page's slice of it beside the page. For Norwegian sites the file is what
// Norwegian Excel opens by double-click: UTF-8 with BOM, semicolons and
// decimal commas.
func (s *site) csvFiles(out Output) error {
	m := s.Site
	nGoals := len(m.Goals)
	blocks := make([][]byte, (len(m.Offices)+len(m.Counties))*nGoals)
	block := func(unit, gi int) []byte {
		i := unit*nGoals + gi
		if blocks[i] == nil && s.Scores.Thresholds(unit, gi).Applies {
			blocks[i] = s.csvBlock(unit, gi)
		}
		return blocks[i]
	}
	var all bytes.Buffer
	all.Write(s.csvHeader())
	for _, c := range s.counties {
		var county bytes.Buffer
		county.Write(s.csvHeader())
		units := []int{s.Scores.County(c)}
		for _, o := range s.officesOf[c] {
			units = append(units, s.Scores.Office(o))
		}
		for _, u := range units {
			var unit bytes.Buffer
			unit.Write(s.csvHeader())
			for _, gi := range s.goalOrder {
				b := block(u, gi)
				unit.Write(b)
				county.Write(b)
				all.Write(b)
			}
			if u < len(m.Offices) {
				o := &m.Offices[u]
				if err := out.Put(o.County+"/"+o.ID+"/scorecard.csv", unit.Bytes()); err != nil {
					return err
				}
			}
		}
		if err := out.Put(m.Counties[c].ID+"/scorecard.csv", county.Bytes()); err != nil {
			return err
		}
	}
	if err := out.Put("scorecard.csv", all.Bytes()); err != nil {
		return err
	}
	for gi, g := range m.Goals {
		var goal bytes.Buffer
		goal.Write(s.csvHeader())
		for _, c := range s.counties {
			goal.Write(block(s.Scores.County(c), gi))
			for _, o := range s.officesOf[c] {
				goal.Write(block(s.Scores.Office(o), gi))
			}
		}
		if err := out.Put("goals/"+g.ID+"/scorecard.csv", goal.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

func (s *site) csvWriter(b *bytes.Buffer) *csv.Writer {
	w := csv.NewWriter(b)
	if s.loc.Norwegian() {
		w.Comma = ';'
		w.UseCRLF = true
	}
	return w
}

func (s *site) csvHeader() []byte {
	var b bytes.Buffer
	if s.loc.Norwegian() {
		b.WriteString("\ufeff")
	}
	w := s.csvWriter(&b)
	w.Write([]string{"period", "unit", "goal", "value", "target", "yellow", "status"})
	w.Flush()
	return b.Bytes()
}

func (s *site) csvBlock(unit, gi int) []byte {
	g := &s.Site.Goals[gi]
	t := s.Scores.Thresholds(unit, gi)
	id := s.Site.Units[unit]
	target, yellow := s.loc.Plain(t.Target, g.Decimals), s.loc.Plain(t.Yellow, g.Decimals)
	var b bytes.Buffer
	w := s.csvWriter(&b)
	for i, c := range s.Scores.Series(unit, gi) {
		value := ""
		if c.Has() {
			value = s.loc.Plain(c.Value, g.Decimals)
		}
		w.Write([]string{s.Scores.Period(i).String(), id, g.ID, value, target, yellow, c.Status.String()})
	}
	w.Flush()
	return b.Bytes()
}
