package score

import (
	"math"
	"strconv"

	"github.com/malekort/malekort/internal/model"
)

// Aggregates over periods (see README, "The rules"): each tertial, each
// whole year and the year to date, made from the months by the goal's
// aggregate: ratio Σ numerator / Σ denominator (a ratio given only as
// values is uncomputable over several months), sum Σ (a stock's the
// mean), mean the mean of the
// months' values. A goal measured by the tertial or the year aggregates
// its own results that lie in the span, not months. A month counts when
// its result was due by the reported month, the goal was alive and on the
// unit's scorecard, and the unit existed (or has a recast figure).
// Aggregates are made from the true figures, like roll-ups; a month
// hidden at source hides the aggregate, unless it is uncomputable anyway
// (a ratio with a month given only as its value, a stock's mean with a
// month that is uncomputable).

// SpanKind is what a span of months stands for.
type SpanKind uint8

// Span kinds: a tertial (T1 January–April, T2 May–August, T3
// September–December), a whole year, and the year to date of the
// reported month.
const (
	Tertial SpanKind = iota
	Year
	YearToDate
)

// Span is a stretch of months the site publishes aggregates for. A
// tertial not over by the reported month ends at it.
type Span struct {
	Kind        SpanKind
	First, Last model.Period
}

// Months is how many months the span has.
func (sp Span) Months() int { return int(sp.Last-sp.First) + 1 }

// Partial reports whether the span ends before its tertial or year does.
func (sp Span) Partial() bool {
	if sp.Kind == Tertial {
		return sp.Last.Month()%4 != 0
	}
	return sp.Last.Month() != 12
}

// TertialNumber is a tertial's number, 1 to 3.
func (sp Span) TertialNumber() int { return (sp.First.Month()-1)/4 + 1 }

// Name is the span as periods.csv writes it: "2026-T1" for a tertial,
// "2025" for a year and for a year to date (which has fewer months).
func (sp Span) Name() string {
	y := strconv.Itoa(sp.First.Year())
	if sp.Kind == Tertial {
		return y + "-T" + strconv.Itoa(sp.TertialNumber())
	}
	return y
}

// PublishedSpans are the spans a site reporting month reported publishes,
// of the months from first on: each tertial, the current one up to the
// reported month; each whole year before the reported year; and the year
// to date, a whole year when the reported month is December. Only spans
// whose months all lie from first on: a year the results begin in midway
// has no aggregate, nor have its tertials before first. Oldest first, a
// year after its tertials.
func PublishedSpans(first, reported model.Period) []Span {
	var out []Span
	add := func(sp Span) {
		if sp.First >= first {
			out = append(out, sp)
		}
	}
	january := func(y int) model.Period { return model.Period(y * 12) }
	for y := first.Year(); y <= reported.Year(); y++ {
		for t := range 3 {
			sp := Span{Kind: Tertial, First: january(y) + model.Period(4*t), Last: january(y) + model.Period(4*t+3)}
			if sp.First > reported {
				break
			}
			sp.Last = min(sp.Last, reported)
			add(sp)
		}
		switch {
		case y < reported.Year() || reported.Month() == 12:
			add(Span{Kind: Year, First: january(y), Last: january(y) + 11})
		default:
			add(Span{Kind: YearToDate, First: january(y), Last: reported})
		}
	}
	return out
}

// Aggregate is a unit's figure for a goal over a span, rounded as
// displayed, with the thresholds it is judged by: for ratio and mean
// goals and stocks those in force in the span's last month, for other sum
// goals the sums of its months' targets and yellow bounds. Coverage
// counts, for an office, the months (or a tertial or yearly goal's
// periods) with a result of those expected; for a county or the whole
// site, the offices that reported summed over those months
// (office-months). Status is Incomplete where the aggregate is not
// judged (see judged): below min_coverage, or for a sum that is not a
// stock, short of any month or office.
type Aggregate struct {
	Cell
	Target, Yellow float64
	Coverage       Coverage
}

// Published reports whether the unit has the aggregate: some month of
// the span was expected of it.
func (a Aggregate) Published() bool { return a.Coverage.Expected > 0 }

// Spans are the spans the site publishes (see PublishedSpans).
func (s *Scores) Spans() []Span { return s.published }

// yearToDate is the span of the reported month's year up to it: a whole
// year in December.
func yearToDate(reported model.Period) Span {
	kind := YearToDate
	if reported.Month() == 12 {
		kind = Year
	}
	return Span{Kind: kind, First: reported - model.Period(reported.Month()-1), Last: reported}
}

// YearBeside is the year the reported month is followed up beside, as a
// county's matrix of the year shows it: the year to date (a whole year in
// December) or, in January, when the year to date would be that month
// again, the whole year before, whose final figures a January meeting
// follows up.
func (s *Scores) YearBeside() Span { return yearBeside(s.reported, s.reported, 0, 1) }

// GoalYearBeside is the year goal gi's scorecard row of month p (the
// reported month, or an ended unit's last) shows beside its result, as
// YearBeside but from that result's period (model.Goal.DueBy): the year
// to date, or the whole year before where the year to date would be that
// result alone (January's, a lagged goal's February, a tertial goal's
// first tertial, the first month of a goal begun midyear), or the year of
// a result of a year before the reported one. A goal measured by the year
// has none: the year before its result is its previous result, which its
// change is from.
func (s *Scores) GoalYearBeside(gi int, p model.Period) (Span, bool) {
	g := &s.Site.Goals[gi]
	if g.PeriodMonths() == 12 {
		return Span{}, false
	}
	return yearBeside(s.reported, g.DueBy(p), g.FollowedFrom(), g.PeriodMonths()), true
}

// yearBeside is the year beside a result of a goal measured every k
// months and alive from month from (0: always), whose period ends in
// month latest, reported in month reported.
func yearBeside(reported, latest, from model.Period, k int) Span {
	year := latest.Year()
	if latest-model.Period(k) < max(model.Period(year*12), from) { // the year's first result
		year--
	}
	if year < reported.Year() {
		january := model.Period(year * 12)
		return Span{Kind: Year, First: january, Last: january + 11}
	}
	return yearToDate(reported)
}

// DueMonths is how many of sp's months have goal gi's results due by the
// reported month: all but a lagged goal's last ones, so that a goal
// lagged a month has had 11 of its year by December.
func (s *Scores) DueMonths(gi int, sp Span) int {
	last := min(sp.Last, s.reported-model.Period(s.Site.Goals[gi].Lag))
	return max(0, int(last-sp.First)+1)
}

// CoveredMonths is how many of sp's months, from its first, goal gi's
// figure over sp is of: those whose results are due (see DueMonths), and
// of a goal measured by the tertial or the year, those of its periods
// that ended in them (a tertial goal's year to date in October is of
// January to August).
func (s *Scores) CoveredMonths(gi int, sp Span) int {
	due := s.DueMonths(gi, sp)
	if k := s.Site.Goals[gi].PeriodMonths(); k > 1 && due > 0 {
		last := sp.First + model.Period(due-1)
		return max(0, int(last-model.Period(last.Month()%k)-sp.First)+1)
	}
	return due
}

// AllDue reports whether the results of goal gi for every month of sp are
// due by the reported month (see DueMonths).
func (s *Scores) AllDue(gi int, sp Span) bool { return s.DueMonths(gi, sp) == sp.Months() }

// SpanOfOtherOffices reports whether unit's figure of goal gi over span
// sp stands, in some month of it with a figure, for other offices than
// its figure of month p does (see KindOfChange): a year recast of offices
// that are not all, or not only, its own in p.
func (s *Scores) SpanOfOtherOffices(unit, gi int, sp Span, p model.Period) bool {
	g := &s.Site.Goals[gi]
	for m := sp.First; m <= min(sp.Last, s.reported); m++ {
		if c := s.At(unit, gi, m); c.Status != Missing && s.KindOfChange(unit, g, Cell{}, Cell{}, m, p) == OtherOffices {
			return true
		}
	}
	return false
}

// SpanMixesOwnRows reports whether a county's figure of goal gi over
// span sp takes some months from its own rows and others from its
// offices' figures: two measures, whose sum or mean is neither (see
// KindOfChange).
func (s *Scores) SpanMixesOwnRows(unit, gi int, sp Span) bool {
	own, offices := false, false
	for m := sp.First; m <= min(sp.Last, s.reported); m++ {
		if c := s.At(unit, gi, m); c.Status != Missing {
			own, offices = own || c.Own, offices || !c.Own
		}
	}
	return own && offices
}

// Over is unit's aggregate for goal over span sp; empty (not Published)
// for a span the site does not publish.
func (s *Scores) Over(unit, goal int, sp Span) Aggregate {
	for k, p := range s.published {
		if p == sp {
			return s.aggregates[(unit*s.nGoals+goal)*len(s.published)+k]
		}
	}
	return Aggregate{}
}

// CoversMonths reports whether unit's aggregates of goal gi count, in
// their coverage, months with a figure (an office's; a stock's for every
// unit, whose figure is the mean of its months that have a total: 64 of
// 65 office-months would hide that a month of five is not in the mean)
// rather than the offices that reported, summed over the months.
func (s *Scores) CoversMonths(unit, gi int) bool {
	return unit < s.Site.CountyUnit(0) || s.Site.Goals[gi].Stock
}

// overTime is a span's figure made of its months': a stock's is their
// mean, since a level at the end of each month has no total over them;
// any other goal's is made as its units' roll-up is.
func overTime(g *model.Goal, months figure) figure {
	switch {
	case g.Stock && months.uncomputable:
		// A mean of levels needs every month's: one that can never be
		// had leaves none, and a mean of the others would be of fewer.
		return figure{uncomputable: true}
	case g.Stock && months.hidden:
		// Given as values or not, the months' levels make the mean.
		return figure{hidden: true}
	case g.Stock && months.rows > 0:
		return figure{value: months.value / float64(months.rows), rows: 1}
	}
	return rollUp(g, months)
}

// aggregatesOver reports whether goal g has an aggregate over span sp:
// one of its periods fits in a span of sp's kind, and sp begins where g
// has aggregates (see model.Goal.AggregatesSpanFrom).
func aggregatesOver(g *model.Goal, sp Span) bool {
	months := 12
	if sp.Kind == Tertial {
		months = 4
	}
	return g.PeriodMonths() <= months && g.AggregatesSpanFrom(sp.First)
}

// counted reports whether month p counts in unit's aggregates of goal g
// (see the rules above), f being its figure then.
func (s *Scores) counted(g *model.Goal, unit, gi int, p model.Period, f *figure) bool {
	return g.EndsPeriod(p) && p+model.Period(g.Lag) <= s.reported && g.Followed(p) &&
		(f.recast || s.Exists(unit, p) || s.recastable(g, unit, p)) && s.ThresholdsAt(unit, gi, p).Applies
}

// aggregateGoal sets goal gi's aggregates for every unit from the
// months' true figures, and what suppression compares of each, by unit
// and span: a ratio's denominator where it is known (den), else the value
// (size). It sets spans to the months each aggregate is made of, by cell
// (see suppress): an aggregate with a hidden month is hidden, so that
// every aggregate shown is the total of months shown, and no span, nor
// any sum or difference of spans, gives back what a month hides.
func (s *Scores) aggregateGoal(gi int, figs []figure, opt Options, size, den, num []float64, spans *relations) {
	site := s.Site
	g := &site.Goals[gi]
	nSpans := len(s.published)
	nParts := 0
	for _, sp := range s.published {
		nParts += site.NUnits() * sp.Months()
	}
	spans.reset(site.NUnits()*nSpans, nParts)
	month := func(unit int, p model.Period) int32 { return int32(unit*s.N + int(p-s.First)) }
	aggregate := func(unit, k int) int32 { return int32(site.NUnits()*s.N + unit*nSpans + k) }
	var parts []int32
	periodMonths := model.Period(g.PeriodMonths())
	for unit := range site.NUnits() {
		if !s.Thresholds(unit, gi).Applies {
			continue
		}
		for k, sp := range s.published {
			if !aggregatesOver(g, sp) {
				continue
			}
			var acc figure
			var totals Coverage // the months with a figure, of those counted
			var cov Coverage
			var target, yellow float64
			recast := false
			parts = parts[:0]
			// A goal measured by the tertial or the year counts its periods
			// that lie wholly in the span.
			for p := sp.First + periodMonths - 1; p <= sp.Last; p++ {
				f := &figs[unit*s.N+int(p-s.First)]
				if !s.counted(g, unit, gi, p, f) {
					continue
				}
				if unit >= site.CountyUnit(0) {
					c := s.CoverageAt(unit, gi, p)
					cov.Reported += c.Reported
					cov.Expected += c.Expected
				} else {
					cov.Expected++
					if f.known() {
						cov.Reported++
					}
				}
				t := s.ThresholdsAt(unit, gi, p)
				target += t.Target
				yellow += t.Yellow
				recast = recast || f.recast
				acc.add(f)
				totals.Expected++
				if f.known() {
					totals.Reported++
				}
				parts = append(parts, month(unit, p))
			}
			if cov.Expected == 0 {
				continue
			}
			spans.add(aggregate(unit, k), parts)
			a := &s.aggregates[(unit*s.nGoals+gi)*nSpans+k]
			a.Coverage = cov
			if s.CoversMonths(unit, gi) {
				a.Coverage = totals
			}
			if g.Aggregate == "sum" && !g.Stock {
				a.Target, a.Yellow = Round(target, g.Decimals), Round(yellow, g.Decimals)
			} else {
				t := s.ThresholdsAt(unit, gi, sp.Last)
				a.Target, a.Yellow = t.Target, t.Yellow
			}
			f := overTime(g, acc)
			a.Recast = recast
			switch {
			case f.hidden:
				a.Status = Suppressed
			// A stock's mean is of the months that have a total: a county's
			// month short of an office has none, however many reported.
			case cov.Reported > 0 && (!judged(cov, g.Aggregate == "sum" && !g.Stock, opt) || g.Stock && !judged(totals, false, opt)):
				a.Status = Incomplete
			case f.uncomputable:
				a.Status = Uncomputable
			case f.rows == 0:
			default:
				v := Round(f.value, g.Decimals)
				a.Value = v
				a.Status = StatusOf(v, Thresholds{Target: a.Target, Yellow: a.Yellow}, g.HigherIsBetter())
				i := unit*nSpans + k
				size[i] = math.Abs(f.value)
				if f.ratio() {
					size[i], den[i], num[i] = f.den, f.den, f.num
					a.Num, a.Den = f.num, f.den
				}
			}
		}
	}
}
