// Package scaffold makes the files a person would otherwise type: an
// office's commentary for a month, with its open measures carried over,
// and a new site that builds at once. It returns files; write puts them on
// disk without overwriting any.
package scaffold

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/locale"
	"github.com/malekort/malekort/internal/model"
)

// File is a file to create, by slash-separated path.
type File struct {
	Path string
	Data []byte
}

// quote writes s as a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// Commentary returns the commentary file for office in period p. The
// measures still open (planned or started) in the office's latest earlier
// commentary are carried over, so that a leader updates them rather than
// types them again, with their ids; the author is carried over too, or
// asked for in a comment. A commented-out measure shows how to add one.
// Its words are in loc's language.
func Commentary(site *model.Site, office string, p model.Period, today time.Time, loc *locale.Locale) (File, error) {
	i := site.OfficeOfID(office)
	if i < 0 {
		var ids []string
		for i := range site.Offices {
			ids = append(ids, site.Offices[i].ID)
		}
		for _, c := range site.Counties {
			if c.ID != office {
				continue
			}
			var its []string
			for _, x := range site.Offices {
				if x.County == c.ID && x.Alive(p) {
					its = append(its, x.ID)
				}
			}
			if len(its) == 0 {
				return File{}, diag.P("%q is a county with no offices in %s: commentary is written for an office; the county's own text is content/%s/_index.md", office, p, c.ID)
			}
			return File{}, diag.P("%q is a county, not an office: commentary is written for an office, one of %s", office, strings.Join(its, ", "))
		}
		return File{}, diag.P("unknown office %q%s", office, diag.Suggest(office, ids))
	}
	o := &site.Offices[i]
	office = o.ID
	if l := o.Lifetime; !o.Alive(p) {
		switch {
		case l.Alive(p):
			return File{}, diag.P("office %q did not exist in %s, between its lifetimes", office, p)
		case l.Until != 0 && p > l.Until && o.MergedInto != "":
			return File{}, diag.P("office %q ended in %s and became part of %q: write the commentary for %s", office, l.Until, o.MergedInto, o.MergedInto)
		case l.Until != 0 && p > l.Until:
			return File{}, diag.P("office %q ended in %s", office, l.Until)
		default:
			return File{}, diag.P("office %q begins in %s", office, l.From)
		}
	}
	var latest *model.Commentary
	for i := range site.Commentary {
		c := &site.Commentary[i]
		if c.Office == office && c.Period < p && (latest == nil || c.Period > latest.Period) {
			latest = c
		}
	}
	var b strings.Builder
	b.WriteString("+++\n")
	if latest != nil && latest.Author != "" {
		fmt.Fprintf(&b, "author = %s\n", quote(latest.Author))
	} else {
		fmt.Fprintf(&b, "# %s\n# author = \"\"\n", loc.T("commentary.author.ask"))
	}
	if written := today.Format(time.DateOnly); p.WrittenLongAfter(written) {
		// A month long past, written up now: check would take today's
		// date for a slip of the year.
		fmt.Fprintf(&b, "# %s\n# date = YYYY-MM-DD\n", loc.T("commentary.date.past"))
	} else {
		fmt.Fprintf(&b, "date = %s\n", written)
	}
	if latest != nil {
		for _, m := range latest.Measures {
			if m.Status == "done" {
				continue
			}
			b.WriteString("\n")
			life := model.MeasureLife{Status: m.Status, Due: m.Due}
			if life.Overdue(p) {
				fmt.Fprintf(&b, "# %s\n", strings.ReplaceAll(loc.T("commentary.overdue"), "{due}", m.Due))
			}
			// The id keeps the measure the same one when its text changes.
			fmt.Fprintf(&b, "[[measure]]\nid = %s\ngoal = %s\ntext = %s\nstatus = %s\n", quote(model.MeasureID(&m)), quote(m.Goal), quote(m.Text), quote(loc.T("measure.write."+m.Status)))
			if m.Due != "" {
				fmt.Fprintf(&b, "due = %s\n", m.Due)
			}
		}
	}
	// The goals a measure of the office may serve that month (those its
	// goals' file gives it then), by id and title: a leader knows them by
	// their titles.
	var goals []*model.Goal
	for g := range site.Goals {
		if goal := &site.Goals[g]; goal.Life.Alive(p) && goal.AppliesTo(o.ID, site.CountyAt(i, p)) {
			goals = append(goals, goal)
		}
	}
	if len(goals) > 0 {
		// Due at the end of the month after next: a measure takes time.
		due := time.Date(p.Year(), time.Month(p.Month())+3, 0, 0, 0, 0, 0, time.UTC)
		fmt.Fprintf(&b, "\n# %s\n# %s\n", loc.T("commentary.measure.how"), loc.T("commentary.measure.goals"))
		for _, g := range goals {
			fmt.Fprintf(&b, "#   %s: %s\n", g.ID, strings.ReplaceAll(g.Title, "\n", " "))
		}
		fmt.Fprintf(&b, "# [[measure]]\n# goal = %s\n# text = %s\n# status = %s\n# due = %s\n",
			quote(goals[0].ID), quote(loc.T("commentary.measure.text")), quote(loc.T("measure.write.planned")), due.Format(time.DateOnly))
	}
	fmt.Fprintf(&b, "+++\n\n%s\n", loc.T("commentary.placeholder"))
	return File{Path: path.Join("content", o.County, o.ID, p.String()+".md"), Data: []byte(b.String())}, nil
}

// CIHosts are the hosts whose CI file a new site can get.
var CIHosts = []string{"github", "gitlab"}

// ciFiles are, by host, where a site keeps its CI file and the example in
// malekort's docs/ci that it is.
var ciFiles = map[string][2]string{
	"github": {".github/workflows/malekort.yml", "docs/ci/github-actions.yml"},
	"gitlab": {".gitlab-ci.yml", "docs/ci/gitlab-ci.yml"},
}

// Site returns the files of a new site in language: settings, a small
// organisation, two goals, a month of results, a front page, the ECharts
// pin, a .gitignore and the CI file for host ci. It has no templates: the
// built-in ones are used, and improve with malekort, until the site adds
// its own. files holds malekort's package files and docs/ci.
func Site(files fs.FS, title, language, ci string, today time.Time) ([]File, error) {
	p := model.Period(today.Year()*12 + int(today.Month()) - 2) // last month
	w := func(key string) string { return locale.Word(language, "starter."+key) }
	out := []File{
		// The settings' comments are in the site's language too.
		{"site.toml", []byte(fmt.Sprintf("title = %q\nlanguage = %q   # %s\n# period = \"YYYY-MM\"   # %s\n# edit_url = \"https://git.example.org/org/site/edit/main/{path}\"   # %s\n\n[privacy]\nmin_count = 5   # %s\n",
			title, language, w("language"), w("period"), w("edit"), w("min_count")))},
		{"data/org.toml", []byte(fmt.Sprintf(`[[county]]
id = %[4]q
name = %[1]q

[[office]]
id = %[5]q
name = %[2]q
county = %[4]q

[[office]]
id = %[6]q
name = %[3]q
county = %[4]q
`, w("county"), w("office"), w("neighbour"), w("id.county"), w("id.office"), w("id.neighbour")))},
		{"data/goals.toml", []byte(fmt.Sprintf(`[[goal]]
id = %[6]q
title = %[1]q
description = %[2]q
perspective = %[3]q
unit = "percent"
direction = "higher"
target = 45
yellow = 40
aggregate = "ratio"

[[goal]]
id = %[7]q
title = %[4]q
perspective = %[5]q
unit = "days"
direction = "lower"
target = 14
yellow = 21
aggregate = "mean"
decimals = 0
`, w("work"), w("work.description"), w("work.perspective"), w("time"), w("time.perspective"), w("id.work"), w("id.time")))},
		{fmt.Sprintf("data/results/%d.csv", p.Year()), []byte(fmt.Sprintf(`period,unit,goal,value,numerator,denominator
%[1]s,%[2]s,%[4]s,,46,100
%[1]s,%[3]s,%[4]s,,38,90
%[1]s,%[2]s,%[5]s,12,,
%[1]s,%[3]s,%[5]s,19,,
`, p, w("id.office"), w("id.neighbour"), w("id.work"), w("id.time")))},
		{"content/_index.md", []byte(w("front") + "\n")},
	}
	for _, name := range []string{"package.json", "package-lock.json"} {
		data, err := fs.ReadFile(files, name)
		if err != nil {
			return nil, err
		}
		out = append(out, File{Path: name, Data: data})
	}
	where, ok := ciFiles[ci]
	if !ok {
		return nil, diag.P("no CI file for %q: use one of %s", ci, strings.Join(CIHosts, ", "))
	}
	workflow, err := fs.ReadFile(files, where[1])
	if err != nil {
		return nil, err
	}
	// The example's first line says where to copy it; here it is there.
	if first, rest, ok := strings.Cut(string(workflow), "\n"); ok && strings.HasPrefix(first, "# Copy to ") {
		workflow = []byte(rest)
	}
	out = append(out,
		File{Path: where[0], Data: workflow},
		File{Path: ".gitignore", Data: []byte("/public/\n/node_modules/\n")},
	)
	slices.SortFunc(out, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return out, nil
}
