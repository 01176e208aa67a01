// Package validate checks the rules that span a site's files: ids that are
// slugs and unique, goals whose thresholds make sense, overrides and
// measures that name units and goals they apply to, and results that fit
// their goal. load has already reported what does not parse.
package validate

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/model"
)

// Reserved are folder names the built site uses at its root, so no county
// may be called that.
var Reserved = []string{"assets", "goals"}

// Site reports every rule the site breaks, and as notices the values of
// the year up to the reported month that jump (see jumps).
func Site(s *model.Site, reported model.Period, errs *diag.List) {
	org(s, errs)
	bad := goals(s, errs)
	seen := results(s, bad, errs)
	jumps(s, seen, reported, errs)
	silent(s, reported, errs)
	Commentary(s, errs)
	overdueFromTheStart(s, errs)
	measureChanges(s, reported, errs)
	openWhenTheOfficeEnded(s, reported, errs)
}

// maxIDLength is the longest id: an id names a folder of the site, and
// Windows, where a site is often copied to a share, allows paths of 260
// characters, the share's own and the site's pages' included.
const maxIDLength = 60

func checkID(kind diag.Phrase, id string, pos diag.Pos, errs *diag.List) {
	switch {
	case id == "":
		errs.Add(pos, "%s has no id: add id = \"…\" (lowercase letters, digits and hyphens)", kind)
	case !model.IsSlug(id):
		errs.Add(pos, "%s id %q is not a slug: use lowercase a–z, 0–9 and single hyphens, e.g. %q", kind, id, model.SlugOf(id))
	case len(id) > maxIDLength:
		errs.Add(pos, "%s id %q is %d characters long: keep it to %d, since it names a folder of the site and Windows allows paths of 260 characters", kind, id, len(id), maxIDLength)
	case windowsDevice.MatchString(id):
		errs.Add(pos, "%s id %q is a name Windows keeps for a device, which no folder of the site can have there: choose another", kind, id)
	}
}

// windowsDevice matches the names Windows gives its devices, which no
// file or folder can have (con, nul, com1).
var windowsDevice = regexp.MustCompile(`^(con|prn|aux|nul|com[1-9]|lpt[1-9])$`)

func org(s *model.Site, errs *diag.List) {
	seen := map[string]diag.Pos{}
	unique := func(kind diag.Phrase, id string, pos diag.Pos) {
		if first, dup := seen[id]; dup && id != "" {
			errs.Add(pos, "%s id %q is already used at %s: county and office ids must be unique together", kind, id, first)
			return
		}
		seen[id] = pos
	}
	var countyIDs []string
	counties := map[string]bool{}
	misnamed := model.NewMisnamed(s.Units)
	for _, c := range s.Counties {
		checkID(diag.P("county"), c.ID, c.Pos, errs)
		unique(diag.P("county"), c.ID, c.Pos)
		for _, r := range Reserved {
			if c.ID == r {
				errs.Add(c.Pos, "county id %q is reserved for the site's own folder: choose another", c.ID)
			}
		}
		if strings.TrimSpace(c.Name) == "" {
			errs.Add(c.Pos, "county %q has no name: add name = \"…\"", c.ID)
		}
		counties[c.ID] = true
		countyIDs = append(countyIDs, c.ID)
	}
	for _, o := range s.Offices {
		checkID(diag.P("office"), o.ID, o.Pos, errs)
		unique(diag.P("office"), o.ID, o.Pos)
		if strings.TrimSpace(o.Name) == "" {
			errs.Add(o.Pos, "office %q has no name: add name = \"…\"", o.ID)
		}
		if !counties[o.County] && !misnamed.Names(o.County) {
			errs.Add(o.Pos, "office %q names unknown county %q%s", o.ID, o.County, diag.Suggest(o.County, model.Slugs(countyIDs)))
		}
	}
	if len(s.Counties) == 0 {
		errs.Add(diag.Pos{Path: "data/org.toml"}, "no counties: add at least one [[county]] with id and name")
	}
	lifetimes(s, errs)
	// A results file names a unit by its id or one of its codes, so each
	// must name one unit only.
	named := map[string]string{}
	for _, id := range s.Units {
		named[id] = id
	}
	code := func(id string, c string, pos diag.Pos) {
		switch other, taken := named[c]; {
		case strings.TrimSpace(c) == "":
			errs.Add(pos, "%s has an empty code: remove it or give the number NAV's tables use", id)
		case taken && other == id:
			errs.Add(pos, "%s has the code %q twice: keep one", id, c)
		case taken:
			errs.Add(pos, "%s has the code %q, which names %s already: a code names one unit", id, c, other)
		}
		named[c] = id
	}
	for _, c := range s.Counties {
		for _, k := range c.Codes {
			code(c.ID, k, c.Pos)
		}
	}
	for _, o := range s.Offices {
		for _, k := range o.Codes {
			code(o.ID, k, o.Pos)
		}
	}
}

// lifetimes checks the units' lifetimes, mergers, splits and changes.
func lifetimes(s *model.Site, errs *diag.List) {
	var countyIDs, unitIDs []string
	for _, c := range s.Counties {
		countyIDs = append(countyIDs, c.ID)
	}
	unitIDs = append(unitIDs, s.Units...)
	misnamed := model.NewMisnamed(s.Units)
	alive := func(id string, p model.Period) (bool, bool) {
		u := unitIndex(s, id)
		return u >= 0 && s.UnitAlive(u, p), u >= 0
	}
	// successor checks that next, which the life l of unit id ends into
	// (by key, merged_into or split_into), takes over the month after.
	successor := func(kind diag.Phrase, id string, l *model.Life, key, next string, county bool) {
		switch isAlive, known := alive(next, l.Until+1); {
		case !known && misnamed.Names(next): // org.toml's error names its id
		case !known:
			errs.Add(l.Pos, "%s %q: %s %q is not a county or office%s", kind, id, key, next, diag.Suggest(next, model.Slugs(unitIDs)))
		case county != slices.Contains(countyIDs, next):
			errs.Add(l.Pos, "%s %q: %s %q: a county merges into a county, an office into an office", kind, id, key, next)
		case !isAlive:
			errs.Add(l.Pos, "%s %q ends in %s, but its successor %q does not exist in %s: give %q from = \"%s\" or earlier", kind, id, l.Until, next, l.Until+1, next, l.Until+1)
		default:
			for _, nl := range s.UnitLives(unitIndex(s, next)) {
				if nl.Alive(l.Until+1) && nl.From != 0 && nl.From <= l.Until {
					errs.Add(l.Pos, "%s %q lasts until %s, but its successor %q begins in %s: the lifetimes overlap; let %q begin in %s", kind, id, l.Until, next, nl.From, next, l.Until+1)
				}
			}
		}
	}
	check := func(kind diag.Phrase, u int, ch []model.Change, county bool) {
		id := s.Units[u]
		lives := s.UnitLives(u)
		for i := range lives {
			l := &lives[i]
			if l.From != 0 && l.Until != 0 && l.Until < l.From {
				errs.Add(l.Pos, "%s %q: until %s is before from %s: the %s would never exist", kind, id, l.Until, l.From, kind)
			}
			if i > 0 {
				prev := &lives[i-1]
				switch {
				case prev.Until == 0:
					errs.Add(prev.Pos, "%s %q: a lifetime has no until, but another follows it: give it until = \"YYYY-MM\", its last month", kind, id)
				case l.From == 0:
					errs.Add(l.Pos, "%s %q: a lifetime after the first has no from: give it from = \"YYYY-MM\", its first month", kind, id)
				case l.From < prev.From:
					errs.Add(l.Pos, "%s %q: the lifetime from %s comes after the one from %s: write the lifetimes oldest first", kind, id, l.From, prev.From)
				case l.From <= prev.Until:
					errs.Add(l.Pos, "%s %q: the lifetime from %s begins before the one before it ends in %s: the lifetimes overlap; let it begin in %s or later", kind, id, l.From, prev.Until, prev.Until+1)
				}
			}
			ends := l.MergedInto != "" || l.SplitInto != nil
			switch {
			case l.MergedInto != "" && l.SplitInto != nil:
				errs.Add(l.Pos, "%s %q has both merged_into and split_into: a lifetime ends in one or the other", kind, id)
			case ends && l.Until == 0:
				key, into := "merged_into", l.MergedInto
				if l.SplitInto != nil {
					key, into = "split_into", strings.Join(l.SplitInto, ", ")
				}
				errs.Add(l.Pos, "%s %q is %s %q but has no until: add until = \"YYYY-MM\", its last month", kind, id, key, into)
			case l.SplitInto != nil && len(l.SplitInto) < 2:
				errs.Add(l.Pos, "%s %q: split_into names one unit: a unit that becomes one other is merged_into it", kind, id)
			case l.MergedInto != "":
				successor(kind, id, l, "merged_into", l.MergedInto, county)
			default:
				for _, next := range l.SplitInto {
					successor(kind, id, l, "split_into", next, county)
				}
			}
		}
		if len(lives) == 1 && lives[0].MergedInto != "" {
			// Follow the chain: a cycle never reaches a unit that lasts.
			// (A unit of several lifetimes may merge into a unit that
			// later merges back into it.)
			seen := map[string]bool{id: true}
			for next := lives[0].MergedInto; next != ""; {
				if seen[next] {
					errs.Add(lives[0].Pos, "%s %q: merged_into leads back to %q: a unit cannot merge into itself", kind, id, next)
					break
				}
				seen[next] = true
				succ := ""
				if _, c := s.County(next); c != nil {
					succ = c.MergedInto
				}
				for _, o := range s.Offices {
					if o.ID == next {
						succ = o.MergedInto
					}
				}
				next = succ
			}
		}
		from := map[model.Period]bool{}
		for _, c := range ch {
			switch {
			case from[c.From]:
				errs.Add(c.Pos, "%s %q has two changes from %s: make them one", kind, id, c.From)
			case c.County == "" && c.Name == "":
				errs.Add(c.Pos, "%s %q: the change from %s changes nothing: give it a new name%s", kind, id, c.From, map[bool]diag.Phrase{false: diag.P(" or county")}[county])
			case !s.UnitAlive(u, c.From):
				errs.Add(c.Pos, "%s %q: the change from %s is outside its lifetime", kind, id, c.From)
			}
			from[c.From] = true
			if c.County != "" {
				if isAlive, known := alive(c.County, c.From); (!known || !slices.Contains(countyIDs, c.County)) && !misnamed.Names(c.County) {
					errs.Add(c.Pos, "%s %q moves to unknown county %q%s", kind, id, c.County, diag.Suggest(c.County, model.Slugs(countyIDs)))
				} else if !isAlive {
					errs.Add(c.Pos, "%s %q moves to county %q in %s, when it does not exist", kind, id, c.County, c.From)
				}
			}
		}
	}
	for i, c := range s.Counties {
		for _, ch := range c.Changes {
			if ch.County != "" {
				errs.Add(ch.Pos, "county %q: a county's change can give it a new name, not a county", c.ID)
			}
		}
		check(diag.P("county"), s.CountyUnit(i), c.Changes, true)
	}
	for i, o := range s.Offices {
		check(diag.P("office"), s.OfficeUnit(i), o.Changes, false)
		// Every month of its life, the office's county must exist.
		var months []model.Period
		for _, c := range o.Changes {
			months = append(months, c.From)
		}
		for c := range s.Counties {
			for _, l := range s.UnitLives(s.CountyUnit(c)) {
				if l.Until != 0 {
					months = append(months, l.Until+1)
				}
				if l.From != 0 {
					months = append(months, l.From)
				}
			}
		}
		for _, l := range s.UnitLives(s.OfficeUnit(i)) {
			if l.From != 0 {
				months = append(months, l.From)
			}
		}
		for _, p := range months {
			if !o.Alive(p) {
				continue
			}
			id := s.CountyAt(i, p)
			if isAlive, known := alive(id, p); known && !isAlive {
				errs.Add(o.Pos, "office %q belongs to county %q in %s, when that county does not exist: give the office a [[office.change]] to its new county, or an until", o.ID, id, p)
				break
			}
		}
	}
}

var (
	units       = []string{"percent", "days", "count", "score", "nok"}
	directions  = []string{"higher", "lower"}
	aggregates  = []string{"ratio", "mean", "sum"}
	frequencies = []string{"month", "tertial", "year"}
)

// inNorwegian are the words a leader writing bokmål or nynorsk may give
// for the values goals.toml takes in English, as the results' headers
// take "enhet" for "unit".
var inNorwegian = map[string][]string{
	"prosent": {"percent"}, "andel": {"percent", "ratio"}, "dager": {"days"}, "dagar": {"days"},
	"antall": {"count"}, "antal": {"count"}, "tal": {"count"}, "poeng": {"score"}, "kroner": {"nok"}, "kr": {"nok"},
	"høyere": {"higher"}, "høgare": {"higher"}, "lavere": {"lower"}, "lågare": {"lower"},
	"brøk": {"ratio"}, "snitt": {"mean"}, "gjennomsnitt": {"mean"},
	"måned": {"month"}, "månad": {"month"}, "månedlig": {"month"}, "år": {"year"}, "årlig": {"year"},
}

func oneOf(kind, v string, allowed []string, goal string, pos diag.Pos, errs *diag.List) {
	for _, a := range allowed {
		if v == a {
			return
		}
	}
	hint := diag.Suggest(strings.ToLower(v), allowed)
	for _, en := range inNorwegian[strings.ToLower(v)] {
		if slices.Contains(allowed, en) {
			hint = diag.P(" (did you mean %q?)", en)
			break
		}
	}
	errs.Add(pos, "goal %q: %s %q is not one of %s%s", goal, kind, v, quoteAll(allowed), hint)
}

func quoteAll(s []string) string {
	q := make([]string, len(s))
	for i, v := range s {
		q[i] = fmt.Sprintf("%q", v)
	}
	return strings.Join(q, ", ")
}

// goals checks the goals and returns those with errors, whose results are
// not checked: each row would only repeat the goal's error.
func goals(s *model.Site, errs *diag.List) map[int32]bool {
	bad := map[int32]bool{}
	office := map[string]int{} // office id -> its index
	isUnit := map[string]bool{}
	for _, c := range s.Counties {
		isUnit[c.ID] = true
	}
	for i, o := range s.Offices {
		isUnit[o.ID] = true
		office[o.ID] = i
	}
	// A local goal applies to its county, and to an office in the months
	// the office is in it (see everApplied).
	appliesSome := func(g *model.Goal, unit string) bool {
		if o, ok := office[unit]; ok {
			return everApplied(s, g, o)
		}
		return g.AppliesTo(unit, "")
	}
	turnMonths := turns(s)
	misnamed := model.NewMisnamed(s.Units)
	seen := map[string]diag.Pos{}
	for i, g := range s.Goals {
		before := len(*errs)
		checkID(diag.P("goal"), g.ID, g.At("id"), errs)
		if first, dup := seen[g.ID]; dup && g.ID != "" {
			errs.Add(g.At("id"), "goal id %q is already used at %s", g.ID, first)
		}
		seen[g.ID] = g.At("id")
		if strings.TrimSpace(g.Title) == "" {
			errs.Add(g.Pos, "goal %q has no title: add title = \"…\"", g.ID)
		}
		if strings.TrimSpace(g.Perspective) == "" {
			errs.Add(g.Pos, "goal %q has no perspective: add perspective = \"…\" (it groups the scorecard)", g.ID)
		}
		for _, k := range []struct {
			key, value string
			allowed    []string
		}{{"unit", g.Unit, units}, {"direction", g.Direction, directions}, {"aggregate", g.Aggregate, aggregates}, {"frequency", g.Frequency, frequencies}} {
			oneOf(k.key, k.value, k.allowed, g.ID, g.At(k.key), errs)
		}
		if g.Stock && g.Aggregate != "sum" {
			errs.Add(g.At("stock"), "goal %q: stock = true is for a sum goal: a ratio's or a mean's tertials and years are made over their months already; remove it or use aggregate = \"sum\"", g.ID)
		}
		// A share of people given as its value is held to the counts of
		// its unit only as a ratio; as a mean it would be judged as a
		// count of fewer than min_count people wherever it is below that
		// many percent, and shown beside a hidden count.
		if g.Persons && g.Aggregate != "ratio" && g.Unit != "count" && slices.Contains(units, g.Unit) {
			errs.Add(g.At("persons"), "goal %q: persons = true says its value counts people, but a value with unit = %q does not: for a share of people given as its value, as NAV's table HL060 gives the percent of the labour force, use aggregate = \"ratio\" (it is then hidden wherever a count of people of its unit is); otherwise remove persons", g.ID, g.Unit)
		}
		if g.Lag < 0 || g.Lag > 60 {
			errs.Add(g.At("lag"), "goal %q: lag is out of range: give the whole months after its period that a result is known, 0 to 60", g.ID)
		}
		if g.Decimals < 0 || g.Decimals > 4 {
			errs.Add(g.At("decimals"), "goal %q: decimals %d is out of range: use 0 to 4", g.ID, g.Decimals)
		}
		thresholds(g, diag.Phrase{}, g.Target, g.Yellow, func(key string) diag.Pos { return g.At(key) }, errs)
		if g.Life.From != 0 && g.Life.Until != 0 && g.Life.Until < g.Life.From {
			errs.Add(g.At("until"), "goal %q ends in %s, before it begins in %s: fix from or until", g.ID, g.Life.Until, g.Life.From)
		}
		if g.Min != nil && g.Max != nil && *g.Min > *g.Max {
			// A bound not written is the unit's own.
			errs.Add(g.At("min", "max"), "goal %q: min %v is above max %v", g.ID, *g.Min, *g.Max)
		}
		switch {
		case g.Owner == "" || isUnit[g.Owner]:
		case misnamed.Names(g.Owner):
			// org.toml's error names the owner's id; checked against
			// it, every row of the goal would be for a unit it does not
			// apply to.
			bad[int32(i)] = true
		default:
			errs.Add(g.At("owner"), "goal %q: owner %q is not a county or office%s", g.ID, g.Owner, diag.Suggest(g.Owner, model.Slugs(s.Units)))
		}
		for k, st := range g.Schedule {
			switch {
			case k > 0 && st.From == g.Schedule[k-1].From:
				errs.Add(st.Pos, "goal %q: a second schedule step from %s: keep one", g.ID, st.From)
			case k > 0 && st.From != 0 && st.From < g.Schedule[k-1].From:
				errs.Add(st.Pos, "goal %q: the schedule step from %s comes after the one from %s: put the steps in order, oldest first", g.ID, st.From, g.Schedule[k-1].From)
			case g.Life.Until != 0 && st.From > g.Life.Until:
				errs.Add(st.Pos, "goal %q: the schedule step from %s begins after the goal ends in %s: it would never take effect; remove it, or move the goal's until", g.ID, st.From, g.Life.Until)
			case g.Life.From != 0 && st.From != 0 && k+1 < len(g.Schedule) && st.From < g.Schedule[k+1].From && g.Schedule[k+1].From <= g.Life.From:
				errs.Add(st.Pos, "goal %q: the schedule step from %s gives way to the one from %s before the goal begins in %s: it would never take effect; remove it", g.ID, st.From, g.Schedule[k+1].From, g.Life.From)
			}
			thresholds(g, diag.P(" from %s", st.From), st.Target, st.Yellow, func(string) diag.Pos { return st.Pos }, errs)
		}
		type dated struct {
			unit string
			from model.Period
		}
		overridden := map[dated]bool{}
		for _, o := range g.Overrides {
			next := nextOverride(g.Overrides, o)
			var from diag.Phrase
			if o.From != 0 {
				from = diag.P(" from %s", o.From)
			}
			switch {
			case !isUnit[o.Unit] && misnamed.Names(o.Unit): // org.toml's error names its id
			case !isUnit[o.Unit]:
				errs.Add(o.Pos, "goal %q: override for unknown unit %q%s", g.ID, o.Unit, diag.Suggest(o.Unit, model.Slugs(s.Units)))
			case overridden[dated{o.Unit, o.From}] && o.From == 0:
				errs.Add(o.Pos, "goal %q: a second override for %q: keep one", g.ID, o.Unit)
			case overridden[dated{o.Unit, o.From}]:
				errs.Add(o.Pos, "goal %q: a second override for %q from %s: keep one", g.ID, o.Unit, o.From)
			case !appliesSome(&g, o.Unit):
				errs.Add(o.Pos, "goal %q: override for %q, but the goal is local to %q and does not apply there", g.ID, o.Unit, g.Owner)
			case g.Life.Until != 0 && o.From > g.Life.Until:
				errs.Add(o.Pos, "goal %q: override for %q from %s, but the goal ends in %s: it would never take effect; remove it, or move the goal's until", g.ID, o.Unit, o.From, g.Life.Until)
			case g.Life.From != 0 && next != 0 && next <= g.Life.From:
				errs.Add(o.Pos, "goal %q: override for %q%s gives way to the one from %s before the goal begins in %s: it would never take effect; remove it", g.ID, o.Unit, from, next, g.Life.From)
			default:
				oi, isOffice := office[o.Unit]
				var effect, exists bool
				if isOffice {
					effect, exists = overrideMonths(&g, o.From, next, turnMonths, s.Offices[oi].Alive, func(p model.Period) bool {
						return g.AppliesTo(o.Unit, s.CountyAt(oi, p))
					})
				} else {
					_, c := s.County(o.Unit)
					effect, exists = overrideMonths(&g, o.From, next, turnMonths, c.Alive, func(model.Period) bool { return true })
				}
				switch {
				case !exists && isOffice:
					errs.Add(o.Pos, "goal %q: override for %q%s, but %q does not exist in any month it is in force: it would never take effect; set its from to a month when the office exists, or remove it", g.ID, o.Unit, from, o.Unit)
				case !exists:
					errs.Add(o.Pos, "goal %q: override for %q%s, but %q does not exist in any month it is in force: it would never take effect; set its from to a month when the county exists, or remove it", g.ID, o.Unit, from, o.Unit)
				case !effect:
					errs.Add(o.Pos, "goal %q: override for %q%s, but in none of the months it is in force is %q part of %q, which the goal is local to: it would never take effect; set its from to a month when the office is part of %q, or remove it", g.ID, o.Unit, from, o.Unit, g.Owner, g.Owner)
				}
			}
			overridden[dated{o.Unit, o.From}] = true
			thresholds(g, diag.P(" for %s", o.Unit), o.Target, o.Yellow, func(string) diag.Pos { return o.Pos }, errs)
		}
		if len(*errs) > before {
			bad[int32(i)] = true
		}
	}
	return bad
}

// thresholds checks a target and yellow bound; where says whose they
// are (" for oslo", " from 2025-01"), empty for the goal's own.
func thresholds(g model.Goal, where diag.Phrase, target, yellow float64, at func(key string) diag.Pos, errs *diag.List) {
	if math.IsNaN(target) || math.IsInf(target, 0) || math.IsNaN(yellow) || math.IsInf(yellow, 0) {
		errs.Add(at("target"), "goal %q%s: target and yellow must be finite numbers", g.ID, where)
		return
	}
	// A bound is the goal's (set, or its unit's own: a percent from 0 to
	// 100); a target beyond it is a slip, a count's target on a percent
	// goal, say, and no result could ever meet it. Bounds that cross are
	// an error of their own.
	crossed := g.Min != nil && g.Max != nil && *g.Min > *g.Max
	for _, t := range []struct {
		key   string
		value float64
	}{{"target", target}, {"yellow", yellow}} {
		switch {
		case math.Abs(t.value) > model.Largest:
			errs.Add(at(t.key), "goal %q%s: %s %s is larger than any result can be (15 digits at most): check the number", g.ID, where, t.key, strconv.FormatFloat(t.value, 'g', -1, 64))
		case crossed:
		case g.Min != nil && t.value < *g.Min:
			errs.Add(at(t.key), "goal %q%s: %s %s is below the goal's min %s: no result can be that low; check the number, or set min", g.ID, where, t.key, written(t.value), written(*g.Min))
		case g.Max != nil && t.value > *g.Max:
			errs.Add(at(t.key), "goal %q%s: %s %s is above the goal's max %s: no result can be that high; check the number, or set max", g.ID, where, t.key, written(t.value), written(*g.Max))
		}
	}
	switch g.Direction {
	case "higher":
		if yellow > target {
			errs.Add(at("yellow"), "goal %q%s: yellow %v is above target %v, but higher is better: yellow is the lower bound of \"almost\", at or below the target", g.ID, where, yellow, target)
		}
	case "lower":
		if yellow < target {
			errs.Add(at("yellow"), "goal %q%s: yellow %v is below target %v, but lower is better: yellow is the upper bound of \"almost\", at or above the target", g.ID, where, yellow, target)
		}
	}
}

// maxResultErrors is how many errors in the results are reported one by
// one; the rest are counted and let go as they come, so that a file wrong
// on every one of millions of rows does not fill memory with its errors.
const maxResultErrors = 1000

// results checks every row, and returns which row gave each unit, goal
// and month.
func results(s *model.Site, bad map[int32]bool, errs *diag.List) *seen {
	start := len(*errs)
	var unreported int
	var unreportedAt diag.Pos
	// letGo counts the errors past maxResultErrors and drops them.
	letGo := func() {
		over := (*errs)[start+maxResultErrors:]
		if unreported == 0 {
			unreportedAt = over[0].Pos
		}
		unreported += len(over)
		*errs = (*errs)[:start+maxResultErrors]
	}
	defer func() {
		if len(*errs)-start > maxResultErrors {
			letGo()
		}
		if unreported > 0 {
			errs.AddUnreported(unreportedAt, unreported)
		}
	}()
	// An office's county is the one it is in in the row's month, as
	// score rolls it up: after a merger, a goal local to the county that
	// ended no longer applies to the offices it had.
	county := func(u int32, p model.Period) string {
		if int(u) < s.CountyUnit(0) {
			return s.CountyAt(int(u), p)
		}
		return ""
	}
	codes := func(u int32) []string {
		if int(u) < s.CountyUnit(0) {
			return s.Offices[u].Codes
		}
		return s.Counties[int(u)-s.CountyUnit(0)].Codes
	}
	seen := newSeen(s)
	// The rows one file or sheet repeats of another's, by the two.
	repeats := map[[2]fileOf][][2]int{}
	// The rows of a unit named by several codes, by unit, goal and month:
	// they are combined, so each code may give one row.
	parts := map[[3]int32][]int{}
	thisMonth := model.ThisMonth()
	future := map[[2]int32]bool{} // by file and month, told once
	for i := range s.Results {
		if len(*errs)-start > maxResultErrors {
			letGo()
		}
		r := &s.Results[i]
		pos := s.ResultPos(r)
		if r.Period > thisMonth {
			// Whatever its goal's errors: a wrong year is the row's own.
			if k := [2]int32{int32(r.File), int32(r.Period)}; !future[k] {
				future[k] = true
				errs.Add(pos, "%s has not come yet: results are of months that have been; check the year", month(r.Period))
			}
			continue
		}
		if bad[r.Goal] {
			continue
		}
		g := &s.Goals[r.Goal]
		unit := s.Units[r.Unit]
		if len(codes(r.Unit)) > 1 {
			k := [3]int32{int32(r.Period), r.Unit, r.Goal}
			for _, j := range parts[k] {
				if f := &s.Results[j]; f.Code == r.Code {
					errs.Add(pos, "second result for %s, %s, %s (the first is at %s): keep one", r.Period, nameOf(unit, codes(r.Unit), r.Code), g.ID, s.ResultPos(f))
				}
			}
			parts[k] = append(parts[k], i)
		} else if first, dup := seen.add(r, i); dup {
			if f := &s.Results[first]; f.File != r.File || f.Sheet != r.Sheet {
				// Told once a file at the end where it repeats many.
				k := [2]fileOf{{f.File, f.Sheet}, {r.File, r.Sheet}}
				repeats[k] = append(repeats[k], [2]int{first, i})
				continue
			}
			secondResult(s, r, &s.Results[first], errs)
			continue
		}
		if !g.Life.Alive(r.Period) {
			if r.Period < g.Life.From {
				errs.Add(pos, "goal %q begins in %s, after this row's %s: remove the row, or move the goal's from", g.ID, g.Life.From, r.Period)
			} else {
				errs.Add(pos, "goal %q ended in %s, before this row's %s: remove the row, or move the goal's until", g.ID, g.Life.Until, r.Period)
			}
			continue
		}
		if msg := outside(s, int(r.Unit), r.Period, false); msg.Format != "" {
			errs.Add(pos, "%s", msg)
			continue
		}
		// Only for a month the unit exists in, so that a row is not told
		// both to move to another unit and to go.
		if g.Owner != "" {
			if c := county(r.Unit, r.Period); !g.AppliesTo(unit, c) {
				_, known := s.County(c)
				switch {
				case int(r.Unit) >= s.CountyUnit(0) || !everApplied(s, g, int(r.Unit)):
					errs.Add(pos, "goal %q is local to %q and does not apply to %q: remove the row or fix the unit", g.ID, g.Owner, unit)
				case known != nil: // else org.toml's error names the county
					errs.Add(pos, "goal %q is local to %q, and in %s %q is part of %q, where it does not apply: remove the row", g.ID, g.Owner, r.Period, unit, c)
				}
			}
		}
		if r.Suppressed {
			continue
		}
		if r.HasRatio {
			switch {
			case g.Aggregate != "ratio":
				errs.Add(pos, "goal %q aggregates by %s: give a value, not a numerator and denominator", g.ID, g.Aggregate)
				continue
			case r.Denominator <= 0:
				errs.Add(pos, "denominator %v must be above zero", written(r.Denominator))
				continue
			case r.Numerator < 0:
				errs.Add(pos, "numerator %v must not be negative", written(r.Numerator))
				continue
			case g.Unit == "percent" && r.Numerator > r.Denominator:
				errs.Add(pos, "numerator %v is above denominator %v: a share cannot be more than 100 %%", written(r.Numerator), written(r.Denominator))
				continue
			case r.HasValue:
				want := g.RatioValue(r.Numerator, r.Denominator)
				if math.Abs(want-r.Value) > math.Pow(10, -float64(g.Decimals)) {
					errs.Add(pos, "value %v does not match numerator/denominator (%v): fix one, or leave value empty", written(r.Value), written(roundTo(want, g.Decimals+1)))
				}
			}
		}
		plausible(g, r, pos, pointLine(s, r), errs)
	}
	repeated(s, repeats, errs)
	// In the order of their first rows, so that which errors are told
	// one by one (and the output) does not change from run to run.
	combined := slices.SortedFunc(maps.Values(parts), func(a, b []int) int { return cmp.Compare(a[0], b[0]) })
	for _, rows := range combined {
		combinable(s, rows, codes, errs)
	}
	return seen
}

// fileOf is a results file, and its sheet where it is a workbook.
type fileOf struct {
	file  int16
	sheet uint8
}

// manyRepeats is how many of another file's results a file repeats for
// them to be told as one error: the same export dropped in twice, as a
// CSV file and as a workbook, would otherwise be hundreds.
const manyRepeats = 10

// repeated adds the errors of results that a file or sheet repeats of
// another's, given as pairs of rows (the first, the repeat) by the two:
// one for a file that repeats many, naming how many and where they
// begin, or one a row.
func repeated(s *model.Site, repeats map[[2]fileOf][][2]int, errs *diag.List) {
	for _, pairs := range slices.SortedFunc(maps.Values(repeats), func(a, b [][2]int) int { return cmp.Compare(a[0][1], b[0][1]) }) {
		first, again := &s.Results[pairs[0][0]], &s.Results[pairs[0][1]]
		if len(pairs) >= manyRepeats {
			firstFile := s.ResultPos(first)
			firstFile.Line = 0
			differ := 0
			for _, p := range pairs {
				if !sameFigures(&s.Results[p[0]], &s.Results[p[1]]) {
					differ++
				}
			}
			if differ == 0 {
				errs.Add(s.ResultPos(again), "%s results here and below repeat those of %s (the first is at %s): is one export in two files? keep one of them", diag.Number{V: float64(len(pairs))}, firstFile, s.ResultPos(first))
			} else {
				// One file may be the other corrected: which to keep is not
				// for the message to say.
				errs.Add(s.ResultPos(again), "%s results here and below are also in %s (the first is at %s), %s of them with other figures: keep the file whose figures are right", diag.Number{V: float64(len(pairs))}, firstFile, s.ResultPos(first), diag.Number{V: float64(differ)})
			}
			continue
		}
		for _, p := range pairs {
			secondResult(s, &s.Results[p[1]], &s.Results[p[0]], errs)
		}
	}
}

// secondResult adds the error of result r, which gives again the month,
// unit and goal of first.
func secondResult(s *model.Site, r, first *model.Result, errs *diag.List) {
	errs.Add(s.ResultPos(r), "second result for %s, %s, %s (the first is at %s): keep one", r.Period, s.Units[r.Unit], s.Goals[r.Goal].ID, s.ResultPos(first))
}

// sameFigures reports whether results a and b give the same figures.
func sameFigures(a, b *model.Result) bool {
	return a.HasValue == b.HasValue && a.Value == b.Value && a.HasRatio == b.HasRatio &&
		a.Numerator == b.Numerator && a.Denominator == b.Denominator && a.Suppressed == b.Suppressed
}

// unitIndex is the unit number of id, -1 if none.
func unitIndex(s *model.Site, id string) int {
	for u, unit := range s.Units {
		if unit == id {
			return u
		}
	}
	return -1
}

// silentMonths is how long a unit may go without results, while the
// others report, before check asks whether it has ended.
const silentMonths = 3

// silent adds a notice for each unit that exists in the reported month
// but has had no results for silentMonths while the site has: a unit that
// perhaps should have an until. A county's offices' results are its own:
// a county row given once, as NAV publishes some, does not make a county
// whose offices report every month look ended.
func silent(s *model.Site, reported model.Period, errs *diag.List) {
	if len(s.Results) == 0 {
		return
	}
	last := make([]model.Period, len(s.Units))
	newest := model.Period(0)
	for i := range s.Results {
		r := &s.Results[i]
		last[r.Unit] = max(last[r.Unit], r.Period)
		newest = max(newest, r.Period)
	}
	for o := range s.Offices {
		if last[o] == 0 {
			continue
		}
		if i, _ := s.County(s.CountyAt(o, last[o])); i >= 0 && last[s.CountyUnit(i)] != 0 {
			last[s.CountyUnit(i)] = max(last[s.CountyUnit(i)], last[o])
		}
	}
	newest = min(newest, reported)
	for u, id := range s.Units {
		if last[u] == 0 || newest-last[u] < silentMonths || !s.UnitAlive(u, reported) {
			continue
		}
		var pos diag.Pos
		if u < s.CountyUnit(0) {
			pos = s.Offices[u].Pos
		} else {
			pos = s.Counties[u-s.CountyUnit(0)].Pos
		}
		errs.AddNotice(pos, "%s has no results after %s, though the site has results to %s: if it ended, give it until = \"%s\" (and merged_into its successor)", id, last[u], newest, last[u])
	}
}

// outside says what to do with a figure for unit u in month p when the
// unit does not exist then, or nothing; file is true for a commentary
// file rather than a row of results.
func outside(s *model.Site, u int, p model.Period, file bool) diag.Phrase {
	if s.UnitAlive(u, p) {
		return diag.Phrase{}
	}
	id := s.Units[u]
	pick := func(row, commentary string, args ...any) diag.Phrase {
		if file {
			return diag.P(commentary, args...)
		}
		return diag.P(row, args...)
	}
	// before is the lifetime that ended last before p, after the first
	// that begins after it: p lies between them.
	var before, after *model.Life
	lives := s.UnitLives(u)
	for i := range lives {
		if l := &lives[i]; l.Until != 0 && l.Until < p {
			before = l
		} else if after == nil && l.From > p {
			after = l
		}
	}
	switch {
	case before != nil && after != nil && before.MergedInto != "":
		return pick("%s did not exist in %s (part of %s %s to %s): give this row to %s", "%s did not exist in %s (part of %s %s to %s): write it for %s", id, p, before.MergedInto, before.Until+1, after.From-1, before.MergedInto)
	case before != nil && before.SplitInto != nil:
		return pick("%s did not exist in %s (split into %s from %s): give this row to the one it belongs to", "%s did not exist in %s (split into %s from %s): write it for the one it belongs to", id, p, and(before.SplitInto), before.Until+1)
	case before != nil && after != nil:
		return pick("%s did not exist in %s (from %s to %s): remove the row, or change its lifetimes", "%s did not exist in %s (from %s to %s): remove the file, or change its lifetimes", id, p, before.Until+1, after.From-1)
	case before != nil && before.MergedInto != "":
		return pick("%s ended in %s (merged into %s): give this row to %s", "%s ended in %s (merged into %s): write it for %s", id, before.Until, before.MergedInto, before.MergedInto)
	case before != nil:
		return pick("%s ended in %s: remove the row, or move its until", "%s ended in %s: remove the file, or move its until", id, before.Until)
	}
	from := lives[0].From
	if pred := append(s.Predecessors(id), s.SplitFrom(id)...); len(pred) > 1 {
		// A row of the successor's before it began (NAV's recast figure)
		// cannot go to several units.
		return pick("%s begins in %s; before then there were %s: remove this row (the months before are recast from their rows where they can be), or give it to the one of them it is of", "%s begins in %s; before then there were %s: write it for the one of them it is of", id, from, and(pred))
	} else if len(pred) == 1 {
		return pick("%s begins in %s: give this row to %s, which existed then", "%s begins in %s: write it for %s, which existed then", id, from, pred[0])
	}
	return pick("%s begins in %s: remove the row, or move its from", "%s begins in %s: remove the file, or move its from", id, from)
}

// and lists ids as "a, b and c".
func and(ids []string) diag.Phrase {
	return diag.P("%s and %s", strings.Join(ids[:len(ids)-1], ", "), ids[len(ids)-1])
}

// plausible checks a row's value against its goal's bounds: min and max
// as the goal sets them, else as its unit has them. pointLine is the line
// that showed the row's file writes decimals with a point, 0 if none did.
func plausible(g *model.Goal, r *model.Result, pos diag.Pos, pointLine int, errs *diag.List) {
	v := r.Value
	if r.HasRatio {
		v = g.RatioValue(r.Numerator, r.Denominator)
	}
	switch {
	case g.Min != nil && v < *g.Min:
		errs.Add(pos, "value %v is below goal %q's min %v: check the row, or give the goal a lower min in %s", apart(v, *g.Min, g.Decimals+1), g.ID, written(*g.Min), goalsPath)
	case g.Max != nil && v > *g.Max:
		errs.Add(pos, "value %v is above goal %q's max %v: check the row (a score typed without its decimal point?), or give the goal a higher max in %s", apart(v, *g.Max, g.Decimals+1), g.ID, written(*g.Max), goalsPath)
	case g.Whole() && !r.HasRatio && v != math.Trunc(v):
		if pointLine > 0 && pointLine != int(r.Line) && v >= 1 && written(v).Decimals >= 2 && written(v).Decimals <= 3 {
			thousands := math.Round(v * 1000)
			// A count written with a point between its thousands.
			errs.Add(pos, "value %v is not a whole number, but goal %q counts: if it is %v written with a point between the thousands (%s), write %s, since line %d shows the file writes decimals with a point", written(v), g.ID, written(thousands), strconv.FormatFloat(v, 'f', 3, 64), strconv.FormatFloat(thousands, 'f', -1, 64), pointLine)
			return
		}
		errs.Add(pos, "value %v is not a whole number, but goal %q counts: check the row", written(v), g.ID)
	}
}

// pointLine is the line that showed r's file writes decimals with a
// point, 0 where none did (or the site was not read from files).
func pointLine(s *model.Site, r *model.Result) int {
	if int(r.File) < len(s.ResultPointLines) {
		return s.ResultPointLines[r.File]
	}
	return 0
}

const goalsPath = "data/goals.toml"

// combinable checks the rows of one unit, goal and month that a unit of
// several codes gave: one for each of its codes, or one by its id, and
// combined only where the goal's aggregate makes that exact.
func combinable(s *model.Site, rows []int, codes func(int32) []string, errs *diag.List) {
	first := &s.Results[rows[0]]
	pos := s.ResultPos(first)
	unit, all := s.Units[first.Unit], codes(first.Unit)
	g := &s.Goals[first.Goal]
	given := map[int16]bool{}
	valueOnly := false
	for _, i := range rows {
		given[s.Results[i].Code] = true
		valueOnly = valueOnly || (!s.Results[i].HasRatio && !s.Results[i].Suppressed)
	}
	if given[0] {
		if len(given) > 1 {
			errs.Add(pos, "%s, %s, %s has a row by its id and rows by its codes: give one or the other", first.Period, unit, g.ID)
		}
		return
	}
	var missing []string
	for i, c := range all {
		if !given[int16(i+1)] {
			missing = append(missing, c)
		}
	}
	switch {
	case len(missing) > 0:
		errs.Add(pos, "%s is named by codes %s, but %s has no row for %s for goal %q: give a row for each code, or one row by its id", unit, strings.Join(all, ", "), first.Period, strings.Join(missing, ", "), g.ID)
	case g.Aggregate == "mean":
		errs.Add(pos, "goal %q aggregates by mean, so the rows of %s's codes cannot be combined exactly: give one row by its id", g.ID, unit)
	case g.Aggregate == "ratio" && valueOnly:
		errs.Add(pos, "goal %q is a ratio given as a value, so the rows of %s's codes cannot be combined exactly: give numerators and denominators, or one row by its id", g.ID, unit)
	}
}

// nameOf is how a results row named a unit.
func nameOf(unit string, codes []string, code int16) string {
	if code == 0 {
		return unit
	}
	return codes[code-1]
}

// seen remembers which row first gave each unit, goal and month. Results
// fill most of that grid, so it is an array over it, which holds a row in
// four bytes where a map's entry takes several times that. A grid much
// larger than the rows (a row dated decades off) falls back to a map.
type seen struct {
	first     model.Period
	nGoals, n int
	rows      []int32 // row index + 1, 0 for none
	sparse    map[[3]int32]int
}

func newSeen(s *model.Site) *seen {
	if len(s.Results) == 0 {
		return &seen{sparse: map[[3]int32]int{}}
	}
	first, last := s.Results[0].Period, s.Results[0].Period
	for _, r := range s.Results {
		first, last = min(first, r.Period), max(last, r.Period)
	}
	n := int(last-first) + 1
	cells := len(s.Units) * len(s.Goals) * n
	if cells > 4*len(s.Results)+1<<20 || len(s.Results) >= math.MaxInt32 {
		return &seen{sparse: make(map[[3]int32]int, len(s.Results))}
	}
	return &seen{first: first, nGoals: len(s.Goals), n: n, rows: make([]int32, cells)}
}

// add records row i, r, or returns the row that came first.
func (x *seen) add(r *model.Result, i int) (first int, dup bool) {
	if x.rows == nil {
		k := [3]int32{int32(r.Period), r.Unit, r.Goal}
		if f, ok := x.sparse[k]; ok {
			return f, true
		}
		x.sparse[k] = i
		return 0, false
	}
	c := (int(r.Unit)*x.nGoals+int(r.Goal))*x.n + int(r.Period-x.first)
	if f := x.rows[c]; f != 0 {
		return int(f - 1), true
	}
	x.rows[c] = int32(i + 1)
	return 0, false
}

// written is v for a message, with as many decimals as it has, in the
// reader's way of writing numbers ("146,5" in Norwegian).
func written(v float64) diag.Number {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	decimals := 0
	if i := strings.IndexByte(s, '.'); i >= 0 {
		decimals = len(s) - i - 1
	}
	return diag.Number{V: v, Decimals: decimals}
}

// apart is v for a message that says it is beyond bound: to decimals, or
// to as many more as it takes to tell it from the bound (a value of
// -0.001 is not "0 below min 0"; a ratio of 9.99999 is not "10 below 10").
func apart(v, bound float64, decimals int) diag.Number {
	for d := decimals; d < 15; d++ {
		if r := roundTo(v, d); r != bound && r != 0 {
			return written(r)
		}
	}
	return written(v)
}

func roundTo(v float64, d int) float64 {
	p := math.Pow(10, float64(d))
	return math.Round(v*p) / p
}

// Commentary checks that every measure names a goal of its office's
// scorecard and says what it is and how far it has come.
func Commentary(s *model.Site, errs *diag.List) {
	goalByID := map[string]*model.Goal{}
	var goalIDs []string
	for i := range s.Goals {
		goalByID[s.Goals[i].ID] = &s.Goals[i]
		goalIDs = append(goalIDs, s.Goals[i].ID)
	}
	misnamedGoals := model.NewMisnamed(goalIDs)
	// A leader sees the goals' titles, and may write one for its id.
	var goalNames, goalHints []string
	for _, g := range s.Goals {
		if model.IsSlug(g.ID) {
			goalNames, goalHints = append(goalNames, g.ID, g.Title), append(goalHints, g.ID, g.ID)
		}
	}
	officeIndex := map[string]int{}
	for i, o := range s.Offices {
		officeIndex[o.ID] = i
	}
	for _, c := range s.Commentary {
		alive := true
		if i, ok := officeIndex[c.Office]; ok {
			if msg := outside(s, s.OfficeUnit(i), c.Period, true); msg.Format != "" {
				errs.Add(diag.Pos{Path: c.Path}, "commentary for %s: %s", c.Period, msg)
				alive = false
			}
		}
		ids := map[string]diag.Pos{}
		for _, m := range c.Measures {
			id := model.MeasureID(&m)
			first, twice := ids[id]
			switch {
			case m.ID != "" && !model.IsSlug(m.ID):
				errs.Add(m.Pos, "measure id %q is not a slug: use lowercase a–z, 0–9 and single hyphens, e.g. %q", m.ID, model.SlugOf(m.ID))
			case twice && m.ID == "":
				// The id is made of the goal and the first words, and the
				// leader wrote none.
				errs.Add(m.Pos, "this measure has the goal and the first words of the one at line %d, so it is taken for the same: write it once, or give one of them an id = \"…\" of its own", first.Line)
			case twice:
				errs.Add(m.Pos, "a second measure with id %q in this commentary: give one of them id = \"…\" of its own", id)
			}
			if !twice {
				ids[id] = m.Pos
			}
			g := goalByID[m.Goal]
			switch {
			case m.Goal == "":
				errs.Add(m.Pos, "measure has no goal: add goal = \"<goal id>\"")
			case g == nil && misnamedGoals.Names(m.Goal): // goals.toml's error names its id
			case g == nil:
				errs.Add(m.GoalPos, "measure names unknown goal %q%s: the goals' ids are in %s", m.Goal, diag.SuggestAmong(m.Goal, goalNames, goalHints), goalsPath)
			// A commentary outside its office's life is told that, once.
			case alive && !appliesInMonth(s, g, officeIndex, c.Office, c.Period):
				if o := officeIndex[c.Office]; everApplied(s, g, o) {
					errs.Add(m.GoalPos, "measure names goal %q, which is local to %q, and in %s %q is part of %q, where it does not apply: remove the measure or name another goal", m.Goal, g.Owner, c.Period, c.Office, s.CountyAt(o, c.Period))
				} else {
					errs.Add(m.GoalPos, "measure names goal %q, which is local to %q and not on this office's scorecard: name a goal on its scorecard, or remove the measure", m.Goal, g.Owner)
				}
			}
			if g != nil && m.Status != "done" && g.Life.Until != 0 && c.Period > g.Life.Until && !g.ShownIn(c.Period) {
				// Shown with the goal's last result, an open measure of
				// a goal gone from the scorecard is most often one to
				// close or to move to the goal that took its place.
				errs.AddNotice(m.Pos, "the measure is still open in %s, but its goal %q left the scorecard after %s: write status = \"done\", or name the goal it serves now", c.Period, m.Goal, g.Life.Until)
			}
			if strings.TrimSpace(m.Text) == "" {
				errs.Add(m.Pos, "measure has no text: add text = \"…\" saying what will be done")
			}
			valid := false
			for _, st := range model.MeasureStatuses {
				valid = valid || m.Status == st
			}
			switch {
			case valid:
			case m.Status == "":
				errs.Add(m.Pos, "measure has no status: add status = \"planned\", \"started\" or \"done\"")
			default:
				// The words to write are the site's language's, named in
				// the message's translation; a "did you mean" would offer
				// English ones.
				errs.Add(m.StatusPos, "measure status %q is not planned, started or done: write status = \"planned\", \"started\" or \"done\"", m.Status)
			}
		}
	}
}

// measureChanges reads each office's commentary in month order for a
// measure that is not what it was: one whose id names, in an earlier
// commentary, a measure of another goal still on the scorecard (an
// error: its before and after would be of a goal it did not serve then),
// and one without an id taken
// for an earlier one by its goal and first words (see model.MeasureID)
// whose text is another (a notice: a new measure begun with the same
// words takes the earlier one's place and history without a word). One
// done and written again as not done is a notice too. A measure left
// open in an earlier commentary and not in the office's latest is a
// notice at the latest: it stays open on the pages for good, and most
// often it was deleted or reworded there by mistake (new commentary
// carries every open measure into the new month's file).
func measureChanges(s *model.Site, reported model.Period, errs *diag.List) {
	comm := make([]*model.Commentary, len(s.Commentary))
	for i := range s.Commentary {
		comm[i] = &s.Commentary[i]
	}
	slices.SortStableFunc(comm, func(a, b *model.Commentary) int {
		return cmp.Or(strings.Compare(a.Office, b.Office), cmp.Compare(a.Period, b.Period))
	})
	office := map[string]*model.Office{}
	for i := range s.Offices {
		office[s.Offices[i].ID] = &s.Offices[i]
	}
	type seen struct {
		goal, text, status string
		period             model.Period
		pos                diag.Pos
	}
	var last map[string]seen // the office's measures by id, as last written
	var ids []string         // last's keys, in the order first written
	for k, c := range comm {
		if k == 0 || c.Office != comm[k-1].Office {
			last, ids = map[string]seen{}, nil
		}
		for i := range c.Measures {
			m := &c.Measures[i]
			id := model.MeasureID(m)
			before, ok := last[id]
			switch {
			case !ok:
				ids = append(ids, id)
			case before.period == c.Period:
			case m.ID != "" && m.Goal != before.goal && m.Goal != "" && stillShown(s, before.goal, c.Period):
				// A measure may follow its goal's successor, as the notice
				// of a measure left open for a goal gone says.
				errs.Add(m.GoalPos, "measure %q served goal %q in %s (%s): its before and after would be of a goal it did not serve then; give this one an id of its own, or name goal %q", id, before.goal, before.period, before.pos, before.goal)
			case m.ID == "" && m.Text != before.text:
				errs.AddNotice(m.Pos, "the measure is taken for the one of %s (%s) by its goal and first words, though its text is another: if it is a new measure, give it an id = \"…\" of its own; if it is the same, write id = %q", before.period, before.pos, id)
			case before.status == "done" && m.Status != "done" && m.Status != "":
				// Most often a status copied from an older commentary.
				errs.AddNotice(m.StatusPos, "the measure was done in %s (%s), and is open again from %s as written here: if it is done, write status = \"done\"; if it is begun anew, give it an id = \"…\" of its own", before.period, before.pos, c.Period)
			}
			last[id] = seen{m.Goal, m.Text, m.Status, c.Period, m.Pos}
		}
		if latest := k == len(comm)-1 || comm[k+1].Office != c.Office; !latest {
			continue
		}
		if off := office[c.Office]; off != nil {
			// Its open measures are openWhenTheOfficeEnded's to tell.
			if _, _, ended := endedAfter(off, c.Period, reported); ended {
				continue
			}
		}
		for _, id := range ids {
			if m := last[id]; m.period < c.Period && m.status != "done" {
				// At the front matter's closing line, where it would go.
				errs.AddNotice(diag.Pos{Path: c.Path, Line: max(c.BodyLine-1, 1)}, "the measure %q, open in %s (%s), is not in the office's latest commentary: the pages show it open until a commentary names it; write it here as it stands, with status = \"done\" when it is done", m.text, m.period, m.pos)
			}
		}
	}
}

// stillShown reports whether month p's scorecard shows the goal of id.
func stillShown(s *model.Site, id string, p model.Period) bool {
	i := slices.IndexFunc(s.Goals, func(g model.Goal) bool { return g.ID == id })
	return i >= 0 && s.Goals[i].ShownIn(p)
}

// overdueFromTheStart adds a notice for each measure due before the month
// of the commentary that first names it, and not done there: it is shown
// as overdue from the start, most often for last year's number typed in
// December. It reads every commentary of an office, to know which
// measures are new; those of an office's first commentary may have begun
// before the site did, overdue already, and are not told.
func overdueFromTheStart(s *model.Site, notices *diag.List) {
	latest := model.Period(0)
	first := map[string]model.Period{} // each office's first commentary
	for _, c := range s.Commentary {
		latest = max(latest, c.Period)
		if p, ok := first[c.Office]; !ok || c.Period < p {
			first[c.Office] = c.Period
		}
	}
	start := map[[2]string]model.Period{}
	for _, life := range s.Measures(latest) {
		start[[2]string{life.Office, life.ID}] = life.Start
	}
	for _, c := range s.Commentary {
		if c.Period == first[c.Office] {
			continue
		}
		for i := range c.Measures {
			m := &c.Measures[i]
			if start[[2]string{c.Office, model.MeasureID(m)}] == c.Period && m.Due != "" && m.Status != "done" && m.Due < c.Period.String()+"-01" {
				notices.AddNotice(m.Pos, "the measure is new in %s, but due %s, before that month: it is shown as overdue from the start; check the year", c.Period, m.Due)
			}
		}
	}
}

// endedAfter reports whether office off, alive in month p, ended after
// it and before the reported month, without coming back by then: no
// later commentary of it can close a measure open in p. It gives the
// month the life ended in and the offices that took its place.
func endedAfter(off *model.Office, p, reported model.Period) (until model.Period, into []string, ended bool) {
	until, into, back := off.Lifetime.Until, append([]string{off.MergedInto}, off.SplitInto...), false
	for _, l := range off.Lives {
		if l.Alive(p) {
			until, into = l.Until, append([]string{l.MergedInto}, l.SplitInto...)
		}
		back = back || l.From > p && l.From <= reported
	}
	return until, into, until != 0 && until >= p && until < reported && !back
}

// openWhenTheOfficeEnded adds a notice for each measure still open where
// an office's commentary last names it, when the office ended after
// that and before the reported month: no later commentary of the office
// can close it, and the page of the office that took its place does not
// show it (NAV Lindås's joint job fair, open in December 2019, before
// Lindås went into Alver). Not where the office came back, nor where an
// office it went into writes the measure, with its id, on.
func openWhenTheOfficeEnded(s *model.Site, reported model.Period, notices *diag.List) {
	office := map[string]*model.Office{}
	for i := range s.Offices {
		office[s.Offices[i].ID] = &s.Offices[i]
	}
	type said struct {
		m *model.Measure
		p model.Period
	}
	last := map[[2]string]said{}
	for _, c := range s.Commentary {
		for i := range c.Measures {
			key := [2]string{c.Office, model.MeasureID(&c.Measures[i])}
			if c.Period >= last[key].p {
				last[key] = said{&c.Measures[i], c.Period}
			}
		}
	}
	for _, c := range s.Commentary {
		off := office[c.Office]
		if off == nil {
			continue
		}
		until, into, ended := endedAfter(off, c.Period, reported)
		if !ended {
			continue
		}
		for i := range c.Measures {
			m := &c.Measures[i]
			id := model.MeasureID(m)
			// Written again in the commentary of an office that took
			// its place, it is carried on there.
			carried := slices.ContainsFunc(into, func(o string) bool { return o != "" && last[[2]string{o, id}].m != nil })
			if m.Status != "done" && last[[2]string{c.Office, id}].m == m && !carried {
				var names []string // of the offices that took its place
				for _, o := range into {
					if next := office[o]; next != nil {
						names = append(names, next.Name)
					}
				}
				if names == nil {
					notices.AddNotice(m.Pos, "the measure is still open in %s, and %q closed after %s: no later commentary can close it; write status = \"done\"", c.Period, off.Name, until)
					continue
				}
				notices.AddNotice(m.Pos, "the measure is still open in %s, and %q ended after %s: no later commentary can close it, and the page of %s does not show it; write status = \"done\", or write the measure, with its id, in the commentary of %s", c.Period, off.Name, until, strings.Join(names, ", "), strings.Join(names, ", "))
			}
		}
	}
}

// appliesInMonth reports whether goal g is on office's scorecard in month
// p, with the office in the county it is in then (see model.CountyAt). An
// office the site does not have is left to the error that names it.
func appliesInMonth(s *model.Site, g *model.Goal, officeIndex map[string]int, office string, p model.Period) bool {
	o, ok := officeIndex[office]
	if !ok || g.Owner == "" {
		return true
	}
	return g.AppliesTo(office, s.CountyAt(o, p))
}

// turns are the months in which an office's county, a unit's name, or
// whether it exists, can change: the offices' moves and lives, the
// counties' lives, after which they merge, and the units' renamings.
// Between two turns all stay the same.
func turns(s *model.Site) []model.Period {
	var t []model.Period
	span := func(l model.Lifetime) {
		if l.From != 0 {
			t = append(t, l.From)
		}
		if l.Until != 0 {
			t = append(t, l.Until+1)
		}
	}
	for i := range s.Offices {
		o := &s.Offices[i]
		span(o.Lifetime)
		for _, l := range o.Lives {
			span(l.Lifetime)
		}
		for _, c := range o.Changes {
			t = append(t, c.From)
		}
	}
	for i := range s.Counties {
		c := &s.Counties[i]
		span(c.Lifetime)
		for _, l := range c.Lives {
			span(l.Lifetime)
		}
		for _, ch := range c.Changes {
			t = append(t, ch.From)
		}
	}
	slices.Sort(t)
	return slices.Compact(t)
}

// nextOverride is the month the next dated override for o's unit takes
// over from o, 0 when none does.
func nextOverride(overrides []model.Override, o model.Override) model.Period {
	var next model.Period
	for _, later := range overrides {
		if later.Unit == o.Unit && later.From > o.From && (next == 0 || later.From < next) {
			next = later.From
		}
	}
	return next
}

// overrideMonths reports, of an override of goal g in force from month
// from (0: from the start) until the month before next (0: no end) while
// the goal is on the scorecard, whether its unit exists (alive) in any of
// its months, and whether the goal applies to the unit in any (effect).
// Looking at from, the goal's first month and each turn after from is
// looking at every month.
func overrideMonths(g *model.Goal, from, next model.Period, turns []model.Period, alive, applies func(model.Period) bool) (effect, exists bool) {
	for k := -2; k < len(turns); k++ {
		p := from
		switch {
		case k == -1:
			p = g.Life.From
		case k >= 0:
			p = turns[k]
		}
		if k >= -1 && (p <= from || next != 0 && p >= next) || !g.Life.Alive(p) || !alive(p) {
			continue
		}
		exists = true
		if applies(p) {
			return true, true
		}
	}
	return false, exists
}

// everApplied reports whether local goal g may have applied to office o
// in some month: o was listed under the goal's county, moved into it, or
// was in a county that merged into it (taking its offices along). It may
// say so of an office that left before the merger: it chooses which
// error to give (an override's own months are checked by
// overrideMonths).
func everApplied(s *model.Site, g *model.Goal, o int) bool {
	office := &s.Offices[o]
	counties := []string{office.County}
	for _, c := range office.Changes {
		if c.County != "" {
			counties = append(counties, c.County)
		}
	}
	seen := map[string]bool{}
	for len(counties) > 0 {
		id := counties[len(counties)-1]
		counties = counties[:len(counties)-1]
		if seen[id] {
			continue
		}
		seen[id] = true
		if g.AppliesTo(office.ID, id) {
			return true
		}
		if _, c := s.County(id); c != nil {
			counties = append(counties, c.MergedInto)
			for _, l := range c.Lives {
				counties = append(counties, l.MergedInto)
			}
		}
	}
	return false
}
