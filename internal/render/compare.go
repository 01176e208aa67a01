package render

import (
	"bytes"
	"math"
	"strconv"
	"strings"

	"github.com/malekort/malekort/internal/chart"
	"github.com/malekort/malekort/internal/score"
)

// Fair comparison: how large a figure is (its numerator and denominator),
// and whether an office's distance from its target is more than chance
// would give one of its size (funnel limits).

// size is a ratio cell's numerator and denominator in words, "67 av 120",
// or "" where it has none to show.
func (s *site) size(c score.Cell) string {
	if !c.HasSize() {
		return ""
	}
	return s.sizeWords.Replace(s.loc.Number(c.Num, countDecimals(c.Num)), s.loc.Number(c.Den, countDecimals(c.Den)))
}

// spanSize is the size of unit's aggregate c of goal gi over span sp,
// "63 av 88 i sum": the numerators and denominators of its months summed,
// which for a share of staff counts each person once a month, and would
// otherwise be read as a headcount (the tertial card's note says so). Of
// one month with a size, it is that month's.
func (s *site) spanSize(unit, gi int, c score.Cell, sp score.Span) string {
	months := 0
	for p := sp.First; p <= sp.Last && months < 2; p++ {
		if s.Scores.At(unit, gi, p).HasSize() {
			months++
		}
	}
	if !c.HasSize() || months < 2 {
		return s.size(c)
	}
	return s.sizeSpanWords.Replace(s.loc.Number(c.Num, countDecimals(c.Num)), s.loc.Number(c.Den, countDecimals(c.Den)))
}

// chanceWords say how chance judged an office's cell c: ch, or, for a
// cell without a value to judge, its status (missing, hidden, …) rather
// than the want of a numerator and denominator, which only a value
// without them lacks.
func (s *site) chanceWords(c score.Cell, ch score.Chance) string {
	if ch == score.ChanceUnknown && !c.Has() {
		return s.statuses[c.Status].lower
	}
	return s.loc.T([...]string{"chance.unknown", "chance.better", "chance.within", "chance.worse", "chance.far.better", "chance.far.worse"}[ch])
}

// chanceOf judges unit's value for goal gi in the reported month (see
// score.ChanceOf).
func (s *site) chanceOf(unit, gi int) (score.Chance, score.Limits) {
	return s.Scores.ChanceOf(s.funnel, unit, gi, s.Reported)
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
	own := 0 // offices judged against a target of their own
	for _, o := range offices {
		u := s.Scores.Office(o)
		c := s.shown(u, gi, s.Reported)
		ch, _ := s.chanceOf(u, gi)
		if s.Scores.Thresholds(u, gi).Target != target {
			own++
		}
		table.Rows = append(table.Rows, []string{s.Site.Offices[o].Name, s.value(g, c), s.size(c),
			s.loc.WithUnit(s.Scores.Thresholds(u, gi).Target, g.Decimals, g.Unit), s.chanceWords(c, ch)})
		if n, ok := score.FunnelSize(c); ok {
			points = append(points, chart.Point{Name: s.Site.Offices[o].Name, N: float64(n), Value: c.Value, Status: c.Status.String()})
			lo, hi = min(lo, float64(n)), max(hi, float64(n))
		}
	}
	if len(points) < 2 {
		// "Fewer than two" where none gave them would make the reader
		// look for the one.
		key := "funnel.none"
		if len(points) == 0 {
			key = "funnel.none.any"
		}
		return nil, strings.ReplaceAll(s.loc.T(key), "{period}", s.periodName(g, g.DueBy(s.Reported)))
	}
	ns := funnelLadder(max(1, math.Floor(lo/1.25)), hi*1.25)
	lines := make([][]float64, 4)
	dispersion := s.funnel.Dispersion(s.Scores, gi, g.DueBy(s.Reported))
	for _, n := range ns {
		l := s.funnel.Limits(int(n), target, dispersion)
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
	description := strings.ReplaceAll(s.loc.T("funnel.chart"), "{target}", s.loc.WithUnit(target, g.Decimals, g.Unit)) + " " + strings.NewReplacer("{green}", s.loc.T("status.green"), "{yellow}", s.loc.T("status.yellow"), "{red}", s.loc.T("status.red")).Replace(s.loc.T("funnel.shapes"))
	switch {
	case own == 1:
		description += " " + s.loc.T("funnel.own.one")
	case own > 1:
		description += " " + strings.ReplaceAll(s.loc.T("funnel.own.many"), "{n}", strconv.Itoa(own))
	}
	if dispersion > 1 {
		// Two decimals, as comparison.csv gives φ: a factor just above 1
		// is not "1,0 ganger".
		description += " " + strings.ReplaceAll(s.loc.T("funnel.dispersion"), "{factor}", s.loc.Number(math.Sqrt(dispersion), 2))
	}
	return s.newChart(ch, first, g, g.Title+": "+s.loc.T("funnel"), description, table), ""
}

// comparisonJobs write comparison.csv into each funnel goal's folder: one
// row per office of the reported month, its numerator, denominator and
// value, its own target and the funnel limits around it for its size,
// and the period the value belongs to (a lagged goal's is earlier).
// A suppressed value has neither its size nor its limits, which would
// give the size away.
func (s *site) comparisonJobs(out Output) []func() error {
	m := s.Site
	var jobs []func() error
	for gi := range m.Goals {
		g := &m.Goals[gi]
		if !score.FunnelGoal(g) {
			continue
		}
		jobs = append(jobs, func() error {
			var b bytes.Buffer
			shown := g.DueBy(s.Reported)
			dispersion := s.loc.Plain(score.Round(s.funnel.Dispersion(s.Scores, gi, shown), 2), 2)
			w := s.quotedCSV(&b, "unit", "numerator", "denominator", "value", "target", "lower95", "upper95", "lower998", "upper998", "dispersion", "as_of")
			for _, c := range s.counties {
				for _, o := range s.officesOf[c] {
					if !s.compared(o, gi) {
						continue
					}
					u := s.Scores.Office(o)
					t := s.Scores.Thresholds(u, gi)
					cell := s.shown(u, gi, s.Reported)
					row := []string{inertCell(m.Offices[o].ID), "", "", "", s.loc.Plain(t.Target, g.Decimals), "", "", "", "", dispersion, g.PeriodName(shown)}
					if cell.Has() {
						row[3] = s.loc.Plain(cell.Value, g.Decimals)
					}
					if cell.HasSize() {
						row[1], row[2] = s.loc.Plain(cell.Num, countDecimals(cell.Num)), s.loc.Plain(cell.Den, countDecimals(cell.Den))
					}
					if ch, l := s.chanceOf(u, gi); ch != score.ChanceUnknown {
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
