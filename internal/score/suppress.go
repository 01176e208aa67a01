package score

// Small numbers (prikking), as Statistics Norway does them.
//
// Primary: a unit's value of a ratio goal whose denominator is below
// min_count is suppressed: it would tell about fewer people than that.
//
// Secondary: a published county value and its other offices' values, with
// the denominators that NAV publishes elsewhere, would let a reader
// subtract their way back to a lone suppressed office. So in every county,
// goal and month:
//   - if exactly one office is suppressed, the office with the next
//     smallest denominator is suppressed too;
//   - if no office with a value is left shown, the county value is
//     suppressed, since it would be the suppressed offices' own.
//
// The same rules then apply to the counties within the whole site. Roll-ups
// are always computed from the true numbers; only what is shown changes.

// suppress marks the suppressed cells. den holds every unit's denominator
// (an office's from its row, a county's and the whole's summed), 0 where
// unknown.
func (s *Scores) suppress(den []float64, officeCounty []int, minCount float64) {
	site := s.Site
	nCounty := len(site.Counties)
	officesOf := make([][]int, nCounty)
	for o, c := range officeCounty {
		officesOf[c] = append(officesOf[c], o)
	}
	counties := make([]int, nCounty)
	for c := range counties {
		counties[c] = s.County(c)
	}
	for gi := range site.Goals {
		if site.Goals[gi].Aggregate != "ratio" {
			continue
		}
		for m := range s.N {
			at := func(unit int) int { return (unit*s.nGoals+gi)*s.N + m }
			for u := range s.Whole() {
				i := at(u)
				if s.cells[i].Status != Missing && den[i] > 0 && den[i] < minCount {
					s.cells[i] = Cell{Status: Suppressed}
				}
			}
			for c := range nCounty {
				s.protect(at, den, s.County(c), officesOf[c])
			}
			s.protect(at, den, s.Whole(), counties)
		}
	}
}

// protect applies the secondary rules to a total and its parts.
func (s *Scores) protect(at func(int) int, den []float64, total int, parts []int) {
	var shown []int
	suppressed := 0
	for _, p := range parts {
		switch s.cells[at(p)].Status {
		case Missing:
		case Suppressed:
			suppressed++
		default:
			shown = append(shown, p)
		}
	}
	if suppressed == 0 || !s.cells[at(total)].Has() {
		return
	}
	switch {
	case len(shown) == 0:
		s.cells[at(total)] = Cell{Status: Suppressed}
	case suppressed == 1:
		next := shown[0]
		for _, p := range shown[1:] {
			if den[at(p)] < den[at(next)] {
				next = p
			}
		}
		s.cells[at(next)] = Cell{Status: Suppressed}
	}
}
