package render

import (
	"bytes"
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/malekort/malekort/internal/chart"
	"github.com/malekort/malekort/internal/model"
	"github.com/malekort/malekort/internal/score"
)

// Fair comparison: how large a figure is (its numerator and denominator),
// and whether an office's distance from its target is more than chance
// would give one of its size (funnel limits).

// funnelGoal reports whether goal g is compared by funnel limits: a ratio
// in percent, whose values are proportions of people or cases.
func funnelGoal(g *model.Goal) bool { return g.Aggregate == "ratio" && g.Unit == "percent" }

// size is a ratio cell's numerator and denominator in words, "67 av 120",
// or "" where it has none to show.
func (s *site) size(c score.Cell) string {
	if !c.HasSize() {
		return ""
	}
	return s.sizeWords.Replace(s.loc.Number(c.Num, countDecimals(c.Num)), s.loc.Number(c.Den, countDecimals(c.Den)))
}

// chance is how an office's value lies against the funnel limits around
// its own target.
type chance uint8

const (
	chanceUnknown chance = iota // no numerator and denominator, or not a funnel goal
	chanceBetter                // beyond the 95 % limit on the good side
	chanceWithin
	chanceWorse
)

func (c chance) key() string {
	return [...]string{"chance.unknown", "chance.better", "chance.within", "chance.worse"}[c]
}

// chanceOf judges unit's value for goal gi in the reported month against
// the 95 % limits around the unit's own target.
func (s *site) chanceOf(unit, gi int) (chance, score.Limits) {
	g := &s.Site.Goals[gi]
	c := s.Scores.At(unit, gi, s.Reported)
	n, ok := score.FunnelSize(c)
	if !funnelGoal(g) || !ok {
		return chanceUnknown, score.Limits{}
	}
	l := s.funnel.Limits(n, s.Scores.Thresholds(unit, gi).Target)
	switch {
	case l.Within95(c.Value):
		return chanceWithin, l
	case (c.Value > l.Upper95) == g.HigherIsBetter():
		return chanceBetter, l
	}
	return chanceWorse, l
}

// funnelLadder are the denominators a funnel's limit lines are drawn at:
// 24 a decade, the same for every chart, so that each target's limits are
// computed once for the whole site.
func funnelLadder(lo, hi float64) []float64 {
	var ns []float64
	for k := 0; ; k++ {
		n := math.Round(math.Pow(10, float64(k)/24))
		if len(ns) > 0 && n == ns[len(ns)-1] {
			continue
		}
		if n >= lo {
			ns = append(ns, n)
		}
		if n >= hi {
			return ns
		}
	}
}

// funnelChart is the funnel plot of the offices' values for goal gi in the
// reported month around target, with a table of each office's size, value
// and assessment against its own target; nil, with why, when fewer than
// two offices have a numerator and denominator to plot.
func (s *site) funnelChart(id string, gi int, target float64, offices []int, caption string, ls map[bool]*chart.Layout) (*Chart, string) {
	g := &s.Site.Goals[gi]
	var points []chart.Point
	table := Table{Caption: caption, Head: []string{s.loc.T("office"), s.loc.T("result"), s.loc.T("funnel.n"), s.loc.T("target"), s.loc.T("chance")}}
	lo, hi := math.Inf(1), 0.0
	for _, o := range offices {
		u := s.Scores.Office(o)
		c := s.Scores.At(u, gi, s.Reported)
		ch, _ := s.chanceOf(u, gi)
		table.Rows = append(table.Rows, []string{s.Site.Offices[o].Name, s.value(g, c), s.size(c),
			s.loc.WithUnit(s.Scores.Thresholds(u, gi).Target, g.Decimals, g.Unit), s.loc.T(ch.key())})
		if n, ok := score.FunnelSize(c); ok {
			points = append(points, chart.Point{Name: s.Site.Offices[o].Name, N: float64(n), Value: c.Value, Status: c.Status.String()})
			lo, hi = min(lo, float64(n)), max(hi, float64(n))
		}
	}
	if len(points) < 2 {
		return nil, s.loc.T("funnel.none")
	}
	ns := funnelLadder(max(1, math.Floor(lo/1.25)), hi*1.25)
	lines := make([][]float64, 4)
	for _, n := range ns {
		l := s.funnel.Limits(int(n), target)
		for i, v := range []float64{l.Lower998, l.Lower95, l.Upper95, l.Upper998} {
			lines[i] = append(lines[i], score.Round(v, 2))
		}
	}
	logX := hi/lo >= 10
	layout, first := ls[logX], (*chart.Layout)(nil)
	if layout == nil {
		l := chart.Layout{ID: "funnel-layout-" + id, JSON: s.funnelLayouts[logX]()}
		layout, first = &l, &l
		ls[logX] = layout
	}
	ch := chart.Funnel(id, *layout, ns, lines[0], lines[1], lines[2], lines[3], target, points)
	description := strings.ReplaceAll(s.loc.T("funnel.chart"), "{target}", s.loc.WithUnit(target, g.Decimals, g.Unit))
	return s.newChart(ch, first, g.Title+": "+s.loc.T("funnel"), description, g.Decimals, g.Unit, table), ""
}

// rankByChance orders ranked offices as chance allows: better than their
// target beyond chance, within chance, worse beyond chance, then those
// that cannot be judged; by name within each (names are the offices'
// places in name order).
func rankByChance(ranked []Ranked, chances []chance, names []int) {
	order := map[chance]int{chanceBetter: 0, chanceWithin: 1, chanceWorse: 2, chanceUnknown: 3}
	idx := make([]int, len(ranked))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		return cmp.Or(cmp.Compare(order[chances[a]], order[chances[b]]), cmp.Compare(names[a], names[b]))
	})
	sorted := make([]Ranked, len(ranked))
	for i, j := range idx {
		sorted[i] = ranked[j]
	}
	copy(ranked, sorted)
}

// comparisonJobs write comparison.csv into each funnel goal's folder: one
// row per office of the reported month, its numerator, denominator and
// value, its own target and the funnel limits around it for its size.
// A suppressed value has neither its size nor its limits, which would
// give the size away.
func (s *site) comparisonJobs(out Output) []func() error {
	m := s.Site
	var jobs []func() error
	for gi := range m.Goals {
		g := &m.Goals[gi]
		if !funnelGoal(g) {
			continue
		}
		jobs = append(jobs, func() error {
			var b bytes.Buffer
			w := s.quotedCSV(&b, "unit", "numerator", "denominator", "value", "target", "lower95", "upper95", "lower998", "upper998")
			for _, c := range s.counties {
				for _, o := range s.officesOf[c] {
					u := s.Scores.Office(o)
					t := s.Scores.Thresholds(u, gi)
					if !s.current(o) || !t.Applies {
						continue
					}
					cell := s.Scores.At(u, gi, s.Reported)
					row := []string{inertCell(m.Offices[o].ID), "", "", "", s.loc.Plain(t.Target, g.Decimals), "", "", "", ""}
					if cell.Has() {
						row[3] = s.loc.Plain(cell.Value, g.Decimals)
					}
					if cell.HasSize() {
						row[1], row[2] = s.loc.Plain(cell.Num, countDecimals(cell.Num)), s.loc.Plain(cell.Den, countDecimals(cell.Den))
					}
					if ch, l := s.chanceOf(u, gi); ch != chanceUnknown {
						for i, v := range []float64{l.Lower95, l.Upper95, l.Lower998, l.Upper998} {
							row[5+i] = s.loc.Plain(score.Round(v, 2), 2)
						}
					}
					w.Write(row)
				}
			}
			w.Flush()
			return out.Put("goals/"+g.ID+"/comparison.csv", b.Bytes())
		})
	}
	return jobs
}
