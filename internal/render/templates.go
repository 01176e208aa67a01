package render

import (
	"bytes"
	"errors"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"text/template/parse"
	"unicode/utf8"

	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/locale"
)

// TemplateDir is where a site keeps its templates and assets.
const TemplateDir = "templates"

// pageTemplates are the page types; each is combined with layout.html and
// partials.html.
var pageTemplates = []string{"front.html", "county.html", "office.html", "goal.html", "commentary.html", "tertial.html"}

// Templates are a site's parsed page templates and its assets.
type Templates struct {
	pages  map[string]*template.Template
	assets map[string][]byte // file name under templates/assets -> contents
}

// overlay returns the file at name from the site if it has one, else from
// the defaults, so that a site overrides any template one file at a time.
func overlay(site, defaults fs.FS, name string) ([]byte, error) {
	if site != nil {
		b, err := fs.ReadFile(site, name)
		if err == nil || !errors.Is(err, fs.ErrNotExist) {
			return b, err
		}
	}
	return fs.ReadFile(defaults, name)
}

// LoadTemplates parses the templates. site is the site folder and defaults
// holds malekort's own templates/ (the example site's); both are rooted
// above templates/.
func LoadTemplates(site, defaults fs.FS, loc *locale.Locale, errs *diag.List) *Templates {
	t := &Templates{pages: map[string]*template.Template{}, assets: map[string][]byte{}}
	funcs := components{loc}.funcs()
	funcs["t"] = loc.T
	funcs["status"] = func(s string) string { return loc.T("status." + s) }
	funcs["former"] = func(heading string, links []Link) FormerList {
		f := FormerList{Heading: heading, Links: links}
		if len(links) > foldListAbove {
			f.Count = loc.Count(len(links), "fold.unit")
		}
		return f
	}
	sources := map[string]string{}
	read := func(name string) (string, bool) {
		b, err := overlay(site, defaults, path.Join(TemplateDir, name))
		if err != nil {
			errs.AddIO(diag.Pos{Path: path.Join(TemplateDir, name)}, err)
			return "", false
		}
		sources[path.Join(TemplateDir, name)] = string(b)
		return string(b), true
	}
	builtin, err := builtinPartials(defaults, funcs)
	if err != nil {
		errs.Add(diag.Pos{Path: path.Join(TemplateDir, "partials.html")}, "malekort's own partials: %v", err)
		return nil
	}
	// A site's partials.html replaces the built-in partials it defines and
	// keeps the others, so that a site made by an earlier malekort still
	// builds when a built-in page calls a partial added since.
	common := template.Must(builtin.Clone())
	for _, name := range []string{"layout.html", "partials.html"} {
		src, ok := read(name)
		if !ok {
			return nil
		}
		if _, err := common.New(path.Join(TemplateDir, name)).Parse(src); err != nil {
			templateError(err, sources, errs)
			return nil
		}
	}
	for _, name := range pageTemplates {
		src, ok := read(name)
		if !ok {
			continue
		}
		page := template.Must(common.Clone())
		if _, err := page.New(path.Join(TemplateDir, name)).Parse(src); err != nil {
			templateError(err, sources, errs)
			continue
		}
		t.pages[name] = page
	}
	for _, fsys := range []fs.FS{defaults, site} {
		if fsys == nil {
			continue
		}
		entries, err := fs.ReadDir(fsys, path.Join(TemplateDir, "assets"))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs.AddIO(diag.Pos{Path: path.Join(TemplateDir, "assets")}, err)
		}
		for _, e := range entries {
			if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
				// Hidden files are the system's or an editor's (.DS_Store).
				continue
			}
			b, err := fs.ReadFile(fsys, path.Join(TemplateDir, "assets", e.Name()))
			if errors.Is(err, fs.ErrNotExist) {
				// Gone since it was listed, or a link out of the site,
				// which load has refused and reported.
				continue
			}
			if err != nil {
				errs.AddIO(diag.Pos{Path: path.Join(TemplateDir, "assets", e.Name())}, err)
				continue
			}
			t.assets[e.Name()] = b
		}
	}
	return t
}

// builtinPartials parses malekort's own partials, which a site's
// partials.html adds to or overrides one by one.
func builtinPartials(defaults fs.FS, funcs template.FuncMap) (*template.Template, error) {
	src, err := fs.ReadFile(defaults, path.Join(TemplateDir, "partials.html"))
	if err != nil {
		return nil, err
	}
	return template.New("").Funcs(funcs).Parse(string(src))
}

// templateError reports a template error at its file, line and column.
func templateError(err error, sources map[string]string, errs *diag.List) {
	pos, msg := templateErrorPos(err, sources)
	errs.Add(pos, "%s", msg)
}

// templateErrorPos finds where in the templates err happened. Templates
// are named by their path, so a template's name is a file of the site.
func templateErrorPos(err error, sources map[string]string) (diag.Pos, string) {
	var he *template.Error
	if errors.As(err, &he) {
		// An escaping error's node, where it has one, is where it
		// happened; Name is the page being escaped, which may have
		// reached the node through a template of another file.
		if he.Node != nil {
			// The parse package tells a node's file and line only as
			// ErrorContext's location, "NAME:LINE:COL".
			loc, _ := (*parse.Tree)(nil).ErrorContext(he.Node)
			if pos, rest, ok := location(loc); ok && rest == "" {
				return pos, he.Description
			}
		}
		if he.Name != "" {
			return diag.Pos{Path: he.Name, Line: he.Line}, he.Description
		}
	}
	// text/template gives no position in an error's fields: a parse error
	// is a plain error, "template: NAME:LINE: message", and an execution
	// error (ExecError) names the template that was running, not the file
	// and line of the action that failed, which only its message holds:
	// "template: NAME:LINE:COL: message". So the message is read.
	msg := err.Error()
	for _, prefix := range []string{"template: ", "html/template:"} {
		msg = strings.TrimPrefix(msg, prefix)
	}
	pos, rest, ok := location(msg)
	if !ok {
		if name, rest, ok := strings.Cut(msg, ":"); ok && strings.HasPrefix(name, TemplateDir+"/") {
			return diag.Pos{Path: name}, strings.TrimSpace(rest)
		}
		return diag.Pos{}, msg
	}
	msg = strings.TrimSpace(rest)
	if pos.Col == 0 {
		pos.Col = parseErrorColumn(sources[pos.Path], pos.Line, msg)
	}
	return pos, msg
}

// location reads a template location, "NAME:LINE" or "NAME:LINE:COL",
// where NAME is a file under templates/, from the start of s; rest is
// what follows it and its colon.
func location(s string) (pos diag.Pos, rest string, ok bool) {
	name, rest, _ := strings.Cut(s, ":")
	if !strings.HasPrefix(name, TemplateDir+"/") {
		return diag.Pos{}, s, false
	}
	pos.Path = name
	if pos.Line, rest = leadingNumber(rest); pos.Line == 0 {
		return diag.Pos{}, s, false
	}
	if col, after := leadingNumber(rest); col > 0 {
		pos.Col, rest = col, after
	}
	return pos, rest, true
}

// leadingNumber reads the digits s starts with, up to the next colon or
// the end of s.
func leadingNumber(s string) (int, string) {
	digits, rest, _ := strings.Cut(s, ":")
	n, err := strconv.Atoi(digits)
	if err != nil || n <= 0 {
		return 0, s
	}
	return n, rest
}

// parseErrorColumn is where on its line a parse error is, which
// text/template does not say: the column of the name the message quotes,
// where the line holds it, else of the line's first action.
func parseErrorColumn(src string, line int, msg string) int {
	lines := strings.Split(src, "\n")
	if line > len(lines) {
		return 0
	}
	text := lines[line-1]
	action := strings.Index(text, "{{")
	if action < 0 {
		return 0
	}
	if _, quoted, ok := strings.Cut(msg, `"`); ok {
		if name, _, ok := strings.Cut(quoted, `"`); ok && name != "" {
			if i := strings.Index(text[action:], name); i >= 0 {
				return utf8.RuneCountInString(text[:action+i]) + 1
			}
		}
	}
	return utf8.RuneCountInString(text[:action]) + 1
}

// Assets lists the asset file names in order.
func (t *Templates) Assets() []string {
	names := make([]string, 0, len(t.assets))
	for n := range t.assets {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// OwnTemplates returns a notice for each file in the site's templates/.
// Templates are the one place a site holds code (a template can add a
// script or an outside link), so check calls out each one that is not
// malekort's own for review as code; a copy of a built-in one is called
// out too, since it keeps the site from getting malekort's later fixes.
func OwnTemplates(site, defaults fs.FS) (diag.List, error) {
	var out diag.List
	if mod, err := fs.ReadFile(site, "go.mod"); err == nil && bytes.HasPrefix(mod, []byte("module github.com/malekort/malekort\n")) {
		// malekort's own checkout, the example site, holds the built-in
		// templates themselves.
		return nil, nil
	}
	err := fs.WalkDir(site, TemplateDir, func(name string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && name == TemplateDir {
			return fs.SkipDir
		}
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return err
		}
		mine, err := fs.ReadFile(site, name)
		if err != nil {
			return err
		}
		msg := diag.P("differs from malekort's built-in template: templates are code (they can add scripts and outside links), so review this file as code")
		if builtin, err := fs.ReadFile(defaults, name); err == nil && bytes.Equal(mine, builtin) {
			msg = diag.P("is a copy of malekort's built-in template: delete it, and the site gets malekort's own, with its later fixes")
		} else if err != nil {
			msg = diag.P("is not one of malekort's templates: templates are code (they can add scripts and outside links), so review this file as code")
		}
		out.AddNotice(diag.Pos{Path: name}, "%s", msg)
		return nil
	})
	return out, err
}
