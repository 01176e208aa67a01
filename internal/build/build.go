// Package build is the pipeline: load the site, validate it, score it,
// render it and write it. check runs the same stages short of writing.
package build

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/malekort/malekort/internal/config"
	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/load"
	"github.com/malekort/malekort/internal/locale"
	"github.com/malekort/malekort/internal/model"
	"github.com/malekort/malekort/internal/render"
	"github.com/malekort/malekort/internal/score"
	"github.com/malekort/malekort/internal/validate"
)

// EChartsPath is where npm puts the ECharts build the site ships.
const EChartsPath = "node_modules/echarts/dist/echarts.common.min.js"

// MiniSearchPath is where npm puts the MiniSearch build (UMD: a classic
// script, which a page opened from file:// can load) the site ships.
const MiniSearchPath = "node_modules/minisearch/dist/umd/index.js"

// libraries are the JavaScript libraries the site ships, each with what
// to do when it is missing. A site made before search has no MiniSearch
// in its package.json: its message says how to add it.
var libraries = []struct {
	path    string
	missing diag.Phrase
}{
	{EChartsPath, diag.P("missing: run npm ci in the site folder to install the ECharts version package.json pins (the site's charts need it)")},
	{MiniSearchPath, diag.P("missing: run npm ci in the site folder to install the MiniSearch version package.json pins (the site's search needs it; if package.json has no minisearch, run npm install --save-exact minisearch)")},
}

// Checked is a site that passed every check, ready to render. Its rows of
// results are scored and gone: Scores holds them.
type Checked struct {
	render.Input
	// Notices are what a person should know that does not stop the build:
	// a newer month left out as too thin, say.
	Notices diag.List
	// Thinner are the months after the reported one that have results too
	// few to report, newest first; Configured is true when site.toml set
	// the month.
	Thinner    []model.MonthCoverage
	Configured bool
	// prepared is the site as Render worked it out for its pages, kept
	// for edits to its commentary; pages are the files it wrote, against
	// which an edit's links are checked, and ids the places on those a
	// text linked to a place on (see deadLinks).
	prepared *render.Prepared
	pages    map[string]bool
	ids      map[string][]string
	// edited are the commentary files EditCommentary re-read.
	edited []string
}

// Check loads and validates the site in src. defaults holds malekort's own
// templates, which the site's templates/ override file by file. The
// returned list holds every input error, then the notices found with them
// (diag.List.Split parts them): a person fixing the one may need the
// other. Checked is nil when there are errors, and the list nil when
// there are none.
func Check(src, defaults fs.FS) (*Checked, diag.List) {
	if gc.begin(checkingPercent) {
		defer gc.end(true)
	}
	cfg, site, read, all := load.Load(src)
	errs, loadNotices := all.Split()
	if site == nil {
		return nil, append(errs.Sorted(), loadNotices.Sorted()...)
	}
	loc := locale.New(cfg.Language)
	tmpl := render.LoadTemplates(read, defaults, loc, &errs)
	for _, lib := range libraries {
		if _, err := fs.Stat(src, lib.path); errors.Is(err, fs.ErrNotExist) {
			errs.Add(diag.Pos{Path: lib.path}, "%s", lib.missing)
		}
	}
	reported, thinner := site.Reported(cfg.Period, cfg.MinCoverage)
	var checks diag.List
	validate.Site(site, reported, &checks)
	// A results file that could not be read at all (its header, or a
	// sheet's) may hold the rows of a unit or goal that seems to have none;
	// a row in error names its unit, which is told of if it has no other.
	allRead := !slices.ContainsFunc(errs, func(e diag.Error) bool {
		return strings.HasPrefix(e.Pos.Path, load.ResultsDir+"/") && e.Pos.Line <= 1
	})
	validate.Unused(site, cfg, reported, allRead, &checks)
	checkErrs, jumps := checks.Split()
	errs.Append(checkErrs)
	if reported == 0 && len(errs) == 0 {
		errs.Add(diag.Pos{Path: config.Path}, "no results to report: add results under %s, or set period = \"YYYY-MM\"", load.ResultsDir)
	}
	notices := append(loadNotices, jumps...)
	for _, m := range thinner {
		if m.Period > model.ThisMonth() {
			continue // its results are errors, of a month that has not come
		}
		if m.Reported == 0 {
			// Only a yearly, tertial, lagged or office's own goal's result
			// is due then: "0 of 43 offices", at that result's row, would
			// deny it.
			notices.AddNotice(site.ResultPos(&site.Results[m.First]),
				"%s has results due only of goals measured by the year or the tertial, coming later, or an office's own, such as this row's, and none of a goal every unit gives every month: the site reports %s; to report %s anyway, set period = \"%s\" in %s",
				m.Period, reported, m.Period, m.Period, config.Path)
			continue
		}
		notices.AddNotice(site.ResultPos(&site.Results[m.First]),
			"%s has results for %d of %d %s (%.0f %%), fewer than min_coverage %.0f %%: the site reports %s; to report %s anyway, set period = \"%s\" in %s",
			m.Period, m.Reported, m.Units, unitsWord(site), 100*m.Share(), 100*cfg.MinCoverage, reported, m.Period, m.Period, config.Path)
	}
	if len(errs) > 0 {
		return nil, append(errs.Sorted(), notices.Sorted()...)
	}
	scores := score.Compute(site, reported, score.Options{MinCount: cfg.MinCount, MinCoverage: cfg.MinCoverage})
	validate.HiddenTotals(site, scores.HiddenTotals(), &notices)
	validate.TiedTotals(site, scores.TiedTotals(), &notices)
	validate.HiddenTogether(site, scores.HiddenTogether(), &notices)
	// The scores are all that pages show of the results, so the rows,
	// the bulk of a large site's memory, are let go before rendering.
	site.Results = nil
	return &Checked{Input: render.Input{
		Config: cfg, Site: site, Templates: tmpl, Reported: reported, Scores: scores,
	}, Notices: notices.Sorted(), Thinner: thinner, Configured: cfg.Period != 0}, nil
}

// Language is the language the site in src is written in, as its
// site.toml sets it (the default where it does not, or cannot be read):
// the language its editors read its errors and notices in.
func Language(src fs.FS) string {
	text, err := fs.ReadFile(src, config.Path)
	if err != nil {
		text = nil
	}
	return config.Parse(text, &diag.List{}).Language
}

// unitsWord names what a site's months are counted in.
func unitsWord(site *model.Site) diag.Phrase {
	if len(site.Offices) == 0 {
		return diag.P("counties")
	}
	return diag.P("offices")
}

// Build checks the site and renders it into out, and returns its input
// errors.
func Build(src, defaults fs.FS, out render.Output) (diag.List, error) {
	c, errs := Check(src, defaults)
	if errs != nil {
		errs, _ = errs.Split()
		return errs, nil
	}
	return c.Render(src, out)
}

// Render renders the checked site in src into out, and adds to c's
// notices those only the rendered site can tell (see deadLinks).
func (c *Checked) Render(src fs.FS, out render.Output) (diag.List, error) {
	if gc.begin(renderingPercent) {
		defer gc.end(false)
	}
	code := make([][]byte, len(libraries))
	var errs diag.List
	for i, lib := range libraries {
		data, err := fs.ReadFile(src, lib.path)
		if errors.Is(err, fs.ErrNotExist) {
			errs.Add(diag.Pos{Path: lib.path}, "%s", lib.missing)
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", lib.path, err)
		}
		code[i] = data
	}
	if len(errs) > 0 {
		return errs, nil
	}
	c.ECharts, c.MiniSearch = code[0], code[1]
	c.prepared = render.Prepare(c.Input)
	written := newNamed(out, anchoredPages(c.Site))
	err := c.prepared.Render(written)
	if te, ok := errors.AsType[*render.TemplateError](err); ok {
		return diag.List{te.Err}, nil
	}
	if err == nil {
		c.pages, c.ids = written.names, written.ids
		c.Notices = append(c.Notices, deadLinks(c.Site, written.names, written.ids)...).Sorted()
	}
	return nil, err
}

// EditCommentary checks c again after edits to the commentary files at
// paths (see load.IsCommentary), re-reading only those. It returns the
// site as edited and what the edits changed, or the edits' input errors
// with their notices after them, as Check returns them.
// ok is false when the edits need the whole site checked again (see
// load.ReloadCommentary).
func (c *Checked) EditCommentary(src fs.FS, paths []string) (next *Checked, edit render.Edit, errs diag.List, ok bool) {
	site, errs, ok := load.ReloadCommentary(src, c.Site, paths)
	if !ok {
		return nil, edit, nil, false
	}
	errs, notices := errs.Split()
	validate.Commentary(commentaryOf(site, func(cm *model.Commentary) bool { return slices.Contains(paths, cm.Path) }), &errs)
	if len(errs) > 0 {
		return nil, edit, append(errs.Sorted(), notices.Sorted()...), true
	}
	for _, p := range paths {
		edit.Offices = append(edit.Offices, officeOf(p))
	}
	slices.Sort(edit.Offices)
	edit.Offices = slices.Compact(edit.Offices)
	edited := func(cm *model.Commentary) bool {
		_, ok := slices.BinarySearch(edit.Offices, cm.Office)
		return ok
	}
	measures := commentaryOf(site, edited).Measures(c.Reported)
	edit.Goals = measuredGoals(commentaryOf(c.Site, edited).Measures(c.Reported), measures)
	// The edited files' notices are their own now, and their links are
	// checked again once their pages are written (RenderEdit).
	for _, n := range c.Notices {
		if !slices.Contains(paths, n.Pos.Path) {
			notices = append(notices, n)
		}
	}
	next = &Checked{Input: c.Input, Notices: notices.Sorted(), pages: c.pages, ids: c.ids, edited: paths}
	next.Site = site
	if c.prepared != nil {
		next.prepared = c.prepared.Edited(site, edit, measures)
	}
	return next, edit, nil, true
}

// RenderEdit renders into out the pages that edit, made by
// EditCommentary, changed, calling done with each round's pages (see
// render.Prepared.RenderEdit). built gives a page of the site as built
// before, nil for none: a link the edit gained to a place on a page it
// did not write is looked for there.
// A site template that fails is an input error at its place, as in
// Render. The edited files' links are checked against the pages of the
// site as edited, where a whole site was rendered before to know them all.
func (c *Checked) RenderEdit(edit render.Edit, out render.Output, built func(page string) []byte, done func(pages []string)) (diag.List, error) {
	if c.prepared == nil {
		c.prepared = render.Prepare(c.Input)
	}
	edited := &model.Site{Commentary: commentaryOf(c.Site, func(cm *model.Commentary) bool { return slices.Contains(c.edited, cm.Path) }).Commentary}
	// A page a text linked a place on before is read again where the edit
	// writes it: the edit may add or take places from it.
	anchored := anchoredPages(edited)
	for page := range c.ids {
		anchored[page] = true
	}
	written := newNamed(out, anchored)
	maps.Copy(written.names, c.pages)
	maps.Copy(written.ids, c.ids)
	err := c.prepared.RenderEdit(edit, written, done)
	if te, ok := errors.AsType[*render.TemplateError](err); ok {
		return diag.List{te.Err}, nil
	}
	if err != nil || c.pages == nil {
		return nil, err
	}
	for page := range anchoredPages(edited) {
		if _, known := written.ids[page]; !known && written.names[page] {
			if data := built(page); data != nil {
				written.ids[page] = idsIn([][]byte{data})
			}
		}
	}
	c.pages, c.ids = written.names, written.ids
	c.Notices = append(c.Notices, deadLinks(edited, written.names, written.ids)...).Sorted()
	return nil, nil
}

// EditNotices are the notices of the files the edit re-read.
func (c *Checked) EditNotices() diag.List {
	var out diag.List
	for _, n := range c.Notices {
		if slices.Contains(c.edited, n.Pos.Path) {
			out = append(out, n)
		}
	}
	return out
}

// officeOf is the office of the commentary file at p,
// content/<county>/<office>/<month>.md.
func officeOf(p string) string { return strings.Split(p, "/")[2] }

// commentaryOf is site with only the commentary keep keeps: each text is
// checked and its measures gathered by itself, so an edit needs only its
// office's.
func commentaryOf(site *model.Site, keep func(*model.Commentary) bool) *model.Site {
	part := *site
	part.Commentary = nil
	for i := range site.Commentary {
		if keep(&site.Commentary[i]) {
			part.Commentary = append(part.Commentary, site.Commentary[i])
		}
	}
	return &part
}

// measuredGoals are the goals whose measures differ between before and
// after: the goals whose pages list them.
func measuredGoals(before, after []model.MeasureLife) []string {
	byGoal := func(lives []model.MeasureLife) map[string][]*model.MeasureLife {
		m := map[string][]*model.MeasureLife{}
		for i := range lives {
			m[lives[i].Goal] = append(m[lives[i].Goal], &lives[i])
		}
		return m
	}
	was, is := byGoal(before), byGoal(after)
	var goals []string
	for goal := range was {
		if _, ok := is[goal]; !ok {
			goals = append(goals, goal)
		}
	}
	for goal, lives := range is {
		if !slices.EqualFunc(was[goal], lives, sameLife) {
			goals = append(goals, goal)
		}
	}
	slices.Sort(goals)
	return goals
}

// sameLife compares every field, so that one added to MeasureLife for the
// goal pages to show re-renders them when it changes.
func sameLife(a, b *model.MeasureLife) bool {
	return reflect.DeepEqual(a, b)
}
