package load

import (
	"path"
	"reflect"
	"strings"

	"github.com/malekort/malekort/internal/config"
	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/markdown"
	"github.com/malekort/malekort/internal/model"
)

type goalsFile struct {
	Goal []struct {
		ID          string         `toml:"id"`
		Title       string         `toml:"title"`
		Description string         `toml:"description"`
		Perspective string         `toml:"perspective"`
		Unit        string         `toml:"unit"`
		Direction   string         `toml:"direction"`
		Target      config.Number  `toml:"target"`
		Yellow      config.Number  `toml:"yellow"`
		Aggregate   string         `toml:"aggregate"`
		Decimals    config.Number  `toml:"decimals"`
		Owner       string         `toml:"owner"`
		Persons     bool           `toml:"persons"`
		Stock       bool           `toml:"stock"`
		Frequency   string         `toml:"frequency"`
		Lag         config.Number  `toml:"lag"`
		From        string         `toml:"from"`
		Until       string         `toml:"until"`
		Min         *config.Number `toml:"min"`
		Max         *config.Number `toml:"max"`
		Schedule    []struct {
			From   string        `toml:"from"`
			Target config.Number `toml:"target"`
			Yellow config.Number `toml:"yellow"`
		} `toml:"schedule"`
		Override []struct {
			Unit   string        `toml:"unit"`
			From   string        `toml:"from"`
			Target config.Number `toml:"target"`
			Yellow config.Number `toml:"yellow"`
		} `toml:"override"`
	} `toml:"goal"`
}

// goalKeys are the keys a goal may have, for an unknown key's hint: read
// from goalsFile, so that a key added there is never left out.
var goalKeys = tableKeys(reflect.TypeFor[goalsFile]().Field(0).Type.Elem())

// tableKeys lists the keys of a TOML table decoded into the struct t,
// an array of tables in it with its own keys in parentheses.
func tableKeys(t reflect.Type) string {
	keys := make([]string, t.NumField())
	for i := range keys {
		f := t.Field(i)
		keys[i] = f.Tag.Get("toml")
		if f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.Struct {
			keys[i] += " (" + tableKeys(f.Type.Elem()) + ")"
		}
	}
	return strings.Join(keys, ", ")
}

func parseGoals(src []byte, site *model.Site, errs *diag.List) bool {
	var f goalsFile
	md, unread := config.Decode(GoalsPath, src, 1, &f, errs)
	lines := config.NewLines(src)
	reportUndecoded(GoalsPath, md, lines, goalKeys, errs)
	if !unread.OK() {
		return false
	}
	if len(f.Goal) == 0 {
		// Every result and measure would name an unknown goal.
		errs.Add(diag.Pos{Path: GoalsPath, Line: 1}, "there are no goals: give each as a [[goal]] table with id, title, unit, direction, target and yellow (see README, \"The input contract\")")
		return false
	}
	goalLines, scheduleLines, overrideLines := lines.Tables("goal"), lines.Tables("goal.schedule"), lines.Tables("goal.override")
	nSchedule, nOverride := 0, 0
	for i, fg := range f.Goal {
		line := at(goalLines, i)
		pos := diag.Pos{Path: GoalsPath, Line: line}
		g := model.Goal{
			ID: fg.ID, Title: fg.Title, Description: fg.Description, Perspective: fg.Perspective,
			Unit: fg.Unit, Direction: fg.Direction, Aggregate: fg.Aggregate, Owner: fg.Owner,
			Persons: fg.Persons, Stock: fg.Stock, Decimals: 1, Frequency: fg.Frequency, Pos: pos, KeyLines: lines.KeysOf(line),
		}
		if g.Frequency == "" {
			g.Frequency = "month"
		}
		if fg.Lag.Set {
			g.Lag = int(fg.Lag.Value)
			if float64(g.Lag) != fg.Lag.Value {
				g.Lag = -1 // reported by validate as out of range
			}
		}
		g.Life = model.Lifetime{From: month("from", fg.From, pos, lines, errs), Until: month("until", fg.Until, pos, lines, errs)}
		g.Min, g.Max = g.DefaultBounds()
		if fg.Min != nil {
			g.Min = &fg.Min.Value
		}
		if fg.Max != nil {
			g.Max = &fg.Max.Value
		}
		if fg.Decimals.Set {
			g.Decimals = int(fg.Decimals.Value)
			if float64(g.Decimals) != fg.Decimals.Value {
				g.Decimals = -1 // reported by validate as out of range
			}
		}
		g.Target = required(fg.Target, "target", pos, fg.ID, errs)
		g.Yellow = required(fg.Yellow, "yellow", pos, fg.ID, errs)
		for _, fs := range fg.Schedule {
			spos := diag.Pos{Path: GoalsPath, Line: at(scheduleLines, nSchedule)}
			nSchedule++
			if fs.From == "" {
				errs.Add(spos, "goal %q: a schedule step has no from: add from = \"YYYY-MM\", the first month it holds", fg.ID)
			}
			g.Schedule = append(g.Schedule, model.Step{
				From:   month("from", fs.From, spos, lines, errs),
				Target: required(fs.Target, "target", spos, fg.ID, errs),
				Yellow: required(fs.Yellow, "yellow", spos, fg.ID, errs),
				Pos:    spos,
			})
		}
		for _, fo := range fg.Override {
			opos := diag.Pos{Path: GoalsPath, Line: at(overrideLines, nOverride)}
			nOverride++
			g.Overrides = append(g.Overrides, model.Override{
				Unit:   fo.Unit,
				From:   month("from", fo.From, opos, lines, errs),
				Target: required(fo.Target, "target", opos, fg.ID, errs),
				Yellow: required(fo.Yellow, "yellow", opos, fg.ID, errs),
				Pos:    opos,
			})
		}
		config.MarkdownValueDirectionReferences(g.At("description"), fg.Description, errs)
		// An image from another website is refused here for the reasons
		// it is in content/ (see referencedFiles); a file beside the
		// description, since it has no folder to be published from.
		if refs := markdown.References([]byte(fg.Description)); !refs.Empty() {
			dpos := g.At("description")
			for _, r := range refs.Remote {
				errs.Add(dpos, "goal %q: its description shows the image %q from another website: the site must work with no internet, and that website would see who reads the page; take the image out (a commentary can show it, with the image file beside it)", fg.ID, r.Target)
			}
			for _, r := range refs.Pages {
				g.DescriptionLinks = append(g.DescriptionLinks, model.PageLink{Target: r.Target, Fragment: r.Fragment, Pos: dpos})
				if strings.HasPrefix(path.Clean(r.Target), "../") {
					errs.Add(dpos, "goal %q: its description links %q, which leads out of the site: a description is shown on pages in several folders, so its links are read from the site's top folder, as in [NAV Fana](hordaland/fana/index.html)", fg.ID, r.Target)
				}
			}
			for _, r := range refs.Rooted {
				errs.Add(dpos, "goal %q: its description links %q, which begins with /, which leads from the top of the web server, where the site need not be: a description's links are read from the site's top folder, as in %s", fg.ID, r.Target, strings.TrimLeft(r.Target, "/"))
			}
			for _, r := range refs.Files {
				errs.Add(dpos, "goal %q: its description shows or links the file %q, but a description has no folder to publish files from: take it out (a commentary can show it, with the file beside it)", fg.ID, r.Target)
			}
			for _, r := range refs.Dropped {
				droppedLink(dpos, r, errs)
			}
			for _, r := range refs.HTML {
				leftOutHTML(dpos, r, errs)
			}
			for _, r := range refs.Spaced {
				spacedLink(dpos, r, errs)
			}
			unmetFootnotes(refs, func(markdown.Ref) diag.Pos { return dpos }, errs)
		}
		site.Goals = append(site.Goals, g)
	}
	return true
}

func required(v config.Number, key string, pos diag.Pos, goal string, errs *diag.List) float64 {
	if !v.Set {
		errs.Add(pos, "goal %q has no %s: add %s = <number>", goal, key, key)
	}
	return v.Value
}
