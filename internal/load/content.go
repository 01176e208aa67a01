package load

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/malekort/malekort/internal/config"
	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/locale"
	"github.com/malekort/malekort/internal/markdown"
	"github.com/malekort/malekort/internal/model"
	"github.com/malekort/malekort/internal/workers"
	"golang.org/x/text/unicode/norm"
)

// loadContent reads content/: _index.md for the front page, <county>/_index.md
// for a county and <county>/<office>/<YYYY-MM>.md for an office's commentary.
// Files are read and parsed in parallel and taken in path order, so that
// the site and its errors are the same every time.
func isMarkdown(p string) bool { return strings.EqualFold(path.Ext(p), ".md") }

func loadContent(fsys fs.FS, site *model.Site, errs *diag.List) {
	org := newOrgIndex(site)
	var paths, others []string
	err := fs.WalkDir(fsys, ContentDir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case Hidden(p) && d.IsDir():
			return fs.SkipDir
		case linkedFolder(fsys, p, d, isMarkdown, errs):
		case !d.IsDir() && !Hidden(p) && isMarkdown(p):
			paths = append(paths, p)
		case !d.IsDir() && !Hidden(p):
			others = append(others, p)
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		errs.AddIO(diag.Pos{Path: ContentDir}, err)
	}
	unreadTexts(paths, others, errs)
	sameButCase(slices.Concat(paths, others), errs)
	files := make([]contentFile, len(paths))
	workers.Each(len(paths), func(i int) { files[i] = org.read(fsys, paths[i]) })
	site.Files = map[string][]byte{}
	var commentaryRefs [][]markdown.Ref
	for _, f := range files {
		errs.Append(f.errs)
		switch {
		case f.text != nil && f.county == "":
			site.Front = f.text
		case f.text != nil:
			site.CountyText[f.county] = f.text
		case f.commentary != nil:
			site.Commentary = append(site.Commentary, *f.commentary)
			commentaryRefs = append(commentaryRefs, f.refs)
		}
	}
	for _, f := range files {
		if f.text != nil {
			loadFiles(fsys, f.text, f.refs, site.Files, errs)
		}
	}
	for i := range site.Commentary {
		loadFiles(fsys, &site.Commentary[i].Text, commentaryRefs[i], site.Files, errs)
	}
}

// unreadTexts adds a notice for each of others, the files of content/
// that are not markdown, that is a text saved under another name than a
// text's (Notepad's 2026-10.txt, an editor's 2026-10.markdown, Word's
// 2026-10.docx), which would otherwise be left out without a word; texts
// are the markdown files read. A file beside the text of its name (a
// backup, 2026-10.md~) is not one, and images and PDF files are shown or
// linked by texts, whatever their names.
func unreadTexts(texts, others []string, errs *diag.List) {
	read := map[string]bool{}
	for _, p := range texts {
		read[strings.ToLower(p)] = true
	}
	for _, p := range others {
		m := textName.FindStringSubmatch(path.Base(p))
		ext := strings.ToLower(path.Ext(p))
		if m == nil || publishable[ext] {
			continue
		}
		name := path.Join(path.Dir(p), m[1]+".md")
		switch {
		case read[strings.ToLower(name)]:
		case wordProcessed[ext]:
			errs.AddNotice(diag.Pos{Path: p}, "the file is not read: a text is plain text in a file whose name ends in .md; save it as plain text named %s", name)
		default:
			errs.AddNotice(diag.Pos{Path: p}, "the file is not read: a text is a markdown file whose name ends in .md; rename it %s", name)
		}
	}
}

// sameButCase adds an error for each of paths, the files of content/,
// whose path is another's but for upper and lower case (2026-11.MD beside
// 2026-11.md), or for how a letter is composed (å as one character or
// as a and a ring): Windows and macOS take them for one file, so the
// site could not be edited or published there, and two texts of one
// month would be shown as one, one's author over the other's words.
func sameButCase(paths []string, errs *diag.List) {
	slices.Sort(paths)
	first := map[string]string{}
	for _, p := range paths {
		key := norm.NFC.String(strings.ToLower(p))
		if other, ok := first[key]; ok {
			errs.Add(diag.Pos{Path: p}, "has the name of %s but for upper and lower case, or how a letter is composed, which Windows or macOS take for one file: merge the two, or rename one", other)
			continue
		}
		first[key] = p
	}
}

// textName matches the name of a commentary or a county's or the front
// page's text, whatever follows it.
var textName = regexp.MustCompile(`^(\d{4}-\d{2}|_index)(?:\..*)?$`)

// wordProcessed are the endings of the files word processors and
// spreadsheets save, which renaming does not make text.
var wordProcessed = map[string]bool{".doc": true, ".docx": true, ".odt": true, ".rtf": true, ".pages": true, ".xls": true, ".xlsx": true, ".ods": true}

// contentFile is what one markdown file of content/ holds: the front
// page's text, a county's text or an office's commentary, with the
// files it refers to.
type contentFile struct {
	text       *model.Text // the front page's or a county's text
	county     string      // the county whose text it is; "" for the front page
	commentary *model.Commentary
	refs       []markdown.Ref
	errs       diag.List
}

func (x orgIndex) read(fsys fs.FS, p string) (f contentFile) {
	src, err := fs.ReadFile(fsys, p)
	if errors.Is(err, errOutside) {
		f.errs.Add(diag.Pos{Path: p}, "%s", refusedLink(err))
		return f
	}
	if err != nil {
		f.errs.AddIO(diag.Pos{Path: p}, err)
		return f
	}
	parts := strings.Split(strings.TrimPrefix(p, ContentDir+"/"), "/")
	var text *model.Text
	switch {
	case len(parts) == 1 && parts[0] == "_index.md":
		f.text = readText(p, src, &f.errs)
		text = f.text
	case len(parts) == 2 && parts[1] == "_index.md":
		if !x.counties[parts[0]] {
			if !x.misnamed.Names(parts[0]) {
				f.errs.Add(diag.Pos{Path: p}, "folder %q is not a county%s: county folders are named by the county ids in %s", parts[0], diag.Suggest(parts[0], x.countyIDs), OrgPath)
			}
			return f
		}
		if f.text = readText(p, src, &f.errs); f.text != nil {
			f.county = parts[0]
			text = f.text
		}
	case len(parts) == 3:
		if c, ok := x.commentary(p, src, &f.errs); ok {
			f.commentary = &c
			text = &c.Text
		}
	case len(parts) == 2 && x.offices[parts[0]] != nil:
		// An office's folder put straight under content/.
		o := x.offices[parts[0]]
		f.errs.Add(diag.Pos{Path: p}, "an office's folder goes in its county's: move the file to content/%s/%s/%s", o.County, o.ID, parts[1])
	case len(parts) == 2 && x.counties[parts[0]] && monthNamed(parts[1]):
		f.errs.Add(diag.Pos{Path: p}, "a county's folder holds its text, _index.md, and its offices' folders: put an office's commentary in content/%s/<office>/%s, with the office's id from %s", parts[0], parts[1], OrgPath)
	default:
		f.errs.Add(diag.Pos{Path: p}, "unexpected markdown file: content/ holds _index.md, <county>/_index.md and <county>/<office>/<YYYY-MM>.md")
	}
	if text != nil {
		f.refs = referencedFiles(text, &f.errs)
	}
	return f
}

// referencedFiles are the files the text t shows or links, by path
// relative to its folder; it keeps t's links to pages in t.PageLinks.
// An image it shows from another website is an error: the site must work
// with no internet, and that website would learn who reads an internal
// page.
func referencedFiles(t *model.Text, errs *diag.List) []markdown.Ref {
	refs := markdown.References(t.Body)
	for _, r := range refs.Remote {
		errs.Add(refPos(t, r), "the image %q is on another website: the site must work with no internet, and that website would see who reads the page; put the image file beside the text and write its name, as in ![Fravær per uke](fravaer.png)", r.Target)
	}
	for _, r := range refs.Rooted {
		if page, ok := rootedPage(t.Path, r.Target); ok {
			errs.Add(refPos(t, r), "%q begins with /, which leads from the top of the web server, where the site need not be, and nowhere where it is opened as files: write the path from the text's folder, here %s", r.Target, page)
			continue
		}
		errs.Add(refPos(t, r), "%q begins with /, which leads from the top of the web server, where the site need not be, and nowhere where it is opened as files: write the path from the text's folder, a file beside it by its name alone (%s)", r.Target, path.Base(r.Target))
	}
	for _, r := range refs.Dropped {
		droppedLink(refPos(t, r), r, errs)
	}
	for _, r := range refs.HTML {
		leftOutHTML(refPos(t, r), r, errs)
	}
	for _, r := range refs.Spaced {
		spacedLink(refPos(t, r), r, errs)
	}
	unmetFootnotes(refs, func(r markdown.Ref) diag.Pos { return refPos(t, r) }, errs)
	for _, r := range refs.Pages {
		t.PageLinks = append(t.PageLinks, model.PageLink{Target: r.Target, Fragment: r.Fragment, Pos: refPos(t, r)})
	}
	return refs.Files
}

// rootedPage is the path from the folder of the page that shows the text
// at textPath (content/vest/arna/2026-11.md is shown in vest/arna/) to
// the page a link from the site's top names (/vest/index.html:
// ../index.html), for a link to a page or a folder (its index.html);
// false for one to a file, which lies beside the text.
func rootedPage(textPath, target string) (string, bool) {
	target, _, _ = strings.Cut(target, "#")
	target, _, _ = strings.Cut(target, "?")
	switch {
	case strings.HasSuffix(target, "/") || !strings.Contains(path.Base(target), "."):
		// A folder is no page where the site is opened as files.
		target = strings.TrimSuffix(target, "/") + "/index.html"
	case !strings.HasSuffix(target, ".html"):
		return "", false
	}
	from := strings.Split(path.Dir(strings.TrimPrefix(textPath, "content/")), "/")
	if from[0] == "." {
		from = nil
	}
	to := strings.Split(strings.TrimLeft(target, "/"), "/")
	same := 0
	for same < len(from) && same < len(to)-1 && from[same] == to[same] {
		same++
	}
	return strings.Repeat("../", len(from)-same) + strings.Join(to[same:], "/"), true
}

// unmetFootnotes tells the author of a text of each footnote reference
// and note that do not meet (see markdown.Refs), at where at puts it.
func unmetFootnotes(refs markdown.Refs, at func(markdown.Ref) diag.Pos, errs *diag.List) {
	for _, r := range refs.NoNote {
		errs.AddNotice(at(r), "[^%s] refers to no footnote and is shown as it is written: write its note on a line of its own beginning with [^%s]:, the label written the same way, capitals too", clip(r.Target), clip(r.Target))
	}
	for _, r := range refs.Unreferred {
		errs.AddNotice(at(r), "the footnote [^%s] is left out, since the text never refers to it: write [^%s] where it belongs", clip(r.Target), clip(r.Target))
	}
	for _, r := range refs.Again {
		errs.AddNotice(at(r), "the footnote [^%s] is left out, since a note before it has the same label: give it a label of its own", clip(r.Target))
	}
}

// droppedLink tells the author of a text that its link or image r is
// shown as its text alone (see markdown.Refs).
func droppedLink(pos diag.Pos, r markdown.Ref, errs *diag.List) {
	errs.AddNotice(pos, "\"%s\" is shown as text, not as a link: a link leads to a file beside the text, a page of the site, or an http(s) or mailto address", clip(r.Target))
}

// leftOutHTML tells the author of a text that its raw HTML, r, is left
// out of the page (see markdown.Refs).
func leftOutHTML(pos diag.Pos, r markdown.Ref, errs *diag.List) {
	if r.Target == "<br>" {
		errs.AddNotice(pos, "<br> is HTML, which is left out of the page: end a line with a backslash (\\) to break it there, or leave a blank line for a new paragraph (a table's cell has one line)")
		return
	}
	errs.AddNotice(pos, "%s is HTML, which is left out of the page: write it in markdown (a table as | Column | Column |, a new paragraph after a blank line)", r.Target)
}

// spacedLink tells the author of a text that r, a link or image whose
// target has a space, is shown as written (see markdown.Refs).
func spacedLink(pos diag.Pos, r markdown.Ref, errs *diag.List) {
	text, target, _ := strings.Cut(r.Target, "](")
	errs.AddNotice(pos, "%s is shown as written, not as a link: a target with spaces must be in angle brackets, %s](<%s>), or name the file without spaces", clip(r.Target), clip(text), clip(strings.TrimSuffix(target, ")")))
}

// refPos is where in t's file the reference r is.
func refPos(t *model.Text, r markdown.Ref) diag.Pos {
	pos := diag.Pos{Path: t.Path}
	if r.Line > 0 {
		pos.Line = t.BodyLine + r.Line - 1
	}
	return pos
}

// orgIndex looks up the counties and offices that content folders name.
type orgIndex struct {
	site      *model.Site
	offices   map[string]*model.Office
	counties  map[string]bool
	countyIDs []string
	// misnamed are the units whose id is not a slug, whose folders are
	// not errors of their own (see model.Misnamed).
	misnamed model.Misnamed
}

func newOrgIndex(site *model.Site) orgIndex {
	x := orgIndex{site: site, offices: map[string]*model.Office{}, counties: map[string]bool{}}
	for i := range site.Offices {
		x.offices[site.Offices[i].ID] = &site.Offices[i]
	}
	for _, c := range site.Counties {
		x.counties[c.ID] = true
		x.countyIDs = append(x.countyIDs, c.ID)
	}
	x.countyIDs = model.Slugs(x.countyIDs)
	x.misnamed = model.NewMisnamed(site.Units)
	return x
}

// commentary reads the commentary at p, content/<county>/<office>/<YYYY-MM>.md.
func (x orgIndex) commentary(p string, src []byte, errs *diag.List) (model.Commentary, bool) {
	c, ok := readCommentary(p, src, errs)
	if !ok {
		return c, false
	}
	parts := strings.Split(strings.TrimPrefix(p, ContentDir+"/"), "/")
	c.Office = parts[1]
	o := x.offices[parts[1]]
	switch {
	case o == nil && x.misnamed.Names(parts[1]): // org.toml's error names the office
	case o == nil:
		errs.Add(diag.Pos{Path: p}, "folder %q is not an office%s: commentary goes in content/<county>/<office>/<YYYY-MM>.md with the ids in %s", parts[1], diag.Suggest(parts[1], model.Slugs(x.site.Units[:len(x.site.Offices)])), OrgPath)
	case o.County != parts[0] && x.counties[o.County] && !x.misnames(parts[0], o.County):
		errs.Add(diag.Pos{Path: p}, "office %q belongs to county %q: move the file to content/%s/%s/", o.ID, o.County, o.County, o.ID)
	case o.County == parts[0]:
		// An empty commentary is told of, and is none: published, it
		// would count its office as commented.
		return c, !c.Empty()
	}
	return c, false
}

// misnames reports whether folder names county, whose id is not a slug.
func (x orgIndex) misnames(folder, county string) bool {
	u, ok := x.misnamed.Find(folder)
	return ok && x.site.Units[u] == county
}

// IsCommentary reports whether p, a slash-separated path in a site, is
// where an office's commentary is kept.
func IsCommentary(p string) bool {
	parts := strings.Split(p, "/")
	return len(parts) == 4 && parts[0] == ContentDir && strings.EqualFold(path.Ext(p), ".md") && !Hidden(p)
}

// Hidden reports whether the file or folder at p, a slash-separated path
// in a site, is hidden or in a hidden folder: a name on its way starts
// with a dot. Editors keep their lock, swap and backup files so (emacs's
// .#2026-10.md, vim's .2026-10.md.swp, LibreOffice's .~lock.2026.csv#);
// they are never part of the site.
func Hidden(p string) bool {
	for name := range strings.SplitSeq(p, "/") {
		if strings.HasPrefix(name, ".") && name != "." {
			return true
		}
	}
	return false
}

// ReloadCommentary re-reads the commentary files at paths, which have
// changed, been added or been removed since Load returned site. The site
// it returns shares everything else with site, which it leaves unchanged.
// ok is false when a changed text now shows or links other files than
// before: which files are published depends on every text, so the whole
// content folder must be read again.
func ReloadCommentary(fsys fs.FS, site *model.Site, paths []string) (next *model.Site, errs diag.List, ok bool) {
	org := newOrgIndex(site)
	paths = slices.Sorted(slices.Values(paths))
	changed := map[string]bool{}
	for _, p := range paths {
		changed[p] = true
	}
	old := map[string]*model.Commentary{}
	var kept []model.Commentary
	for i, c := range site.Commentary {
		if changed[c.Path] {
			old[c.Path] = &site.Commentary[i]
		} else {
			kept = append(kept, c)
		}
	}
	for _, p := range paths {
		if info, err := fs.Stat(fsys, p); err == nil && info.IsDir() {
			// A folder named like a text: Load passes it by, and so must this.
			return nil, nil, false
		}
		src, err := fs.ReadFile(within{fsys}, p)
		if errors.Is(err, errOutside) {
			// Load refuses it, and reads the rest of the site on.
			return nil, nil, false
		}
		if errors.Is(err, fs.ErrNotExist) {
			if prev := old[p]; prev != nil && len(prev.Files) > 0 {
				return nil, nil, false
			}
			continue
		}
		if err != nil {
			errs.AddIO(diag.Pos{Path: p}, err)
			continue
		}
		c, good := org.commentary(p, src, &errs)
		if !good {
			continue
		}
		var refs []string
		for _, ref := range referencedFiles(&c.Text, &errs) {
			refs = append(refs, path.Join(path.Dir(p), ref.Target))
		}
		var before []string
		if prev := old[p]; prev != nil {
			for _, f := range prev.Files {
				before = append(before, path.Join(ContentDir, f))
			}
		}
		if !slices.Equal(slices.Compact(slices.Sorted(slices.Values(refs))), slices.Compact(slices.Sorted(slices.Values(before)))) {
			return nil, nil, false
		}
		if prev := old[p]; prev != nil {
			c.Files = prev.Files
		}
		kept = append(kept, c)
	}
	n := *site
	n.Commentary = kept
	return &n, errs, true
}

// publishable are the kinds of file a text may show or link. SVG is not
// among them: opened by itself it can run script.
var publishable = map[string]bool{".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".pdf": true}

// pageNamedFolder is the first folder of rel, a file's path under
// content/ and in the built site, named as the site names its pages and
// files (2018-T3.html, scorecard.csv, site.css), or "": published there,
// the file's folder would stand where the site writes a file, and the
// build would fail after check had passed.
func pageNamedFolder(rel string) string {
	for folder := range strings.SplitSeq(path.Dir(rel), "/") {
		switch strings.ToLower(path.Ext(folder)) {
		case ".html", ".csv", ".js", ".css", ".svg":
			return folder
		}
	}
	return ""
}

// isFolder reports whether a text's link target, at name in fsys, names
// a folder: one written with a slash at its end, or whose last part has
// no extension, as an office's folder "../fana" has, and that is no file.
func isFolder(fsys fs.FS, target, name string) bool {
	base := path.Base(target)
	if !strings.HasSuffix(target, "/") && base != "." && base != ".." && path.Ext(base) != "" {
		return false
	}
	info, err := fs.Stat(fsys, name)
	return err != nil || info.IsDir()
}

// loadFiles reads the files a text uses, so that they, and only they, are
// published from content/.
func loadFiles(fsys fs.FS, t *model.Text, refs []markdown.Ref, files map[string][]byte, errs *diag.List) {
	dir := path.Dir(t.Path)
	for _, r := range refs {
		ref := r.Target
		name := path.Join(dir, ref)
		pos := refPos(t, r)
		switch {
		case strings.Contains(ref, `\`):
			// A folder written the Windows way, or a name Windows cannot
			// have: found on one machine and not on another.
			errs.Add(pos, "%q has a backslash: write / between a folder and a file, and rename a file with a backslash in its name", ref)
			continue
		case isFolder(fsys, ref, name) && strings.HasPrefix(name+"/", ContentDir+"/"):
			errs.Add(pos, "%q is a folder, which is no page where the site is opened as files: link its page, %s", ref, path.Join(ref, "index.html"))
			continue
		case !strings.HasPrefix(name, ContentDir+"/"):
			errs.Add(pos, "%q is outside content/: put the file beside the text", ref)
			continue
		case !publishable[strings.ToLower(path.Ext(name))]:
			errs.Add(pos, "%q cannot be published: link images (png, jpg, gif, webp) or PDF files", ref)
			continue
		}
		rel := strings.TrimPrefix(name, ContentDir+"/")
		if folder := pageNamedFolder(rel); folder != "" {
			errs.Add(pos, "%q is in a folder named %q, as the site's own pages and files are, which it would be published among: rename the folder", ref, folder)
			continue
		}
		if _, done := files[rel]; done {
			t.Files = append(t.Files, rel)
			continue
		}
		data, err := fs.ReadFile(fsys, name)
		if errors.Is(err, errOutside) {
			errs.Add(pos, "%q %s", ref, refusedLink(err))
			continue
		}
		if err != nil {
			errs.Add(pos, "%q: no such file in %s", ref, dir)
			continue
		}
		files[rel] = data
		t.Files = append(t.Files, rel)
	}
}

// FrontMatter is the TOML between the +++ lines of a content file.
type FrontMatter struct {
	Author  string         `toml:"author"`
	Date    any            `toml:"date"`
	Measure []measureFront `toml:"measure"`
}

// measureFront is a [[measure]] table of front matter.
type measureFront struct {
	ID     string `toml:"id"`
	Goal   string `toml:"goal"`
	Text   string `toml:"text"`
	Status string `toml:"status"`
	Due    any    `toml:"due"`
}

const frontMatterKeys = "author, date, measure (id, goal, text, status, due)"

// notClosed is the error of front matter without its closing +++ line.
var notClosed = diag.P("front matter is not closed: add a line with +++ after it")

// SplitFrontMatter separates a content file into its TOML front matter and
// its markdown body. fmLine is the line on which the TOML starts, bodyLine
// the line on which the body starts. A file without a leading +++ line has
// no front matter (blank lines before it are passed by). One that begins
// with YAML's front matter, as Hugo's and Jekyll's do, or with a line of
// front matter and no +++ above it, is an error, since its lines would be
// published as text; bodyLine is then the line in error.
func SplitFrontMatter(src []byte) (front []byte, body []byte, fmLine, bodyLine int, err error) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	blank := 0
	for {
		first, rest, found := bytes.Cut(src[blank:], []byte("\n"))
		if !found || len(bytes.TrimSpace(first)) > 0 {
			break
		}
		blank = len(src) - len(rest)
	}
	first, rest, found := bytes.Cut(src[blank:], []byte("\n"))
	opening := 1 + bytes.Count(src[:blank], []byte("\n"))
	if string(bytes.TrimRight(first, " \t\r")) == "---" && yamlFrontMatter(rest) {
		return nil, nil, 0, opening, diag.P("front matter between --- lines is YAML, which malekort does not read: write it as TOML between +++ lines, with = for : and text in quotes (author = \"Kari Nordmann\")")
	}
	if fence := bytes.TrimSpace(first); string(fence) != "+++" {
		if isRule(fence) && frontMatterLine.Match(firstLine(rest)) {
			return nil, nil, 0, opening, diag.P("the front matter opens with %q: write +++, three plus signs, on this line (as it is, the front matter would be published as text)", string(fence))
		}
		if frontMatterLine.Match(first) {
			return nil, nil, 0, opening, diag.P("the file begins with front matter but has no line of +++ above it: add a line with +++ before this one (without it the front matter would be published as text)")
		}
		return nil, src, 0, 1, nil
	}
	if !found {
		return nil, nil, 0, opening, notClosed
	}
	line := opening + 1
	for off := 0; off <= len(rest); line++ {
		end := bytes.IndexByte(rest[off:], '\n')
		next := len(rest)
		if end >= 0 {
			next = off + end + 1
		}
		l := rest[off:min(next, len(rest))]
		if string(bytes.TrimRight(l, " \t\r\n")) == "+++" {
			return rest[:off], rest[next:], opening + 1, line + 1, nil
		}
		if end < 0 {
			break
		}
		off = next
	}
	return nil, nil, 0, opening, notClosed
}

// isRule reports whether line is two or more plus or minus signs alone:
// a slip of the front matter's +++.
func isRule(line []byte) bool {
	return len(line) >= 2 && (len(bytes.Trim(line, "+")) == 0 || len(bytes.Trim(line, "-")) == 0)
}

// firstLine is the first line of text that is not blank.
func firstLine(text []byte) []byte {
	for line := range bytes.Lines(text) {
		if line = bytes.TrimSpace(line); len(line) > 0 {
			return line
		}
	}
	return nil
}

// frontMatterLine matches a line that only front matter has: one of its
// keys given a value (author = "Kari Nordmann"), or a measure's table
// header, as the Norwegian words a leader may write them too.
var frontMatterLine = regexp.MustCompile(`(?i)^[ \t]*(?:(?:author|date|title|forfatter|dato)[ \t]*=|\[\[?[ \t]*(?:measure|tiltak)[ \t]*\]\]?[ \t\r]*$)`)

// yamlFrontMatter reports whether text, after a first line of ---, is
// YAML front matter: lines of YAML up to a line of ---, one of them a key
// front matter has. A rule of markdown is followed by text, which may
// hold a colon ("Merk: tallene er foreløpige."), not by such lines alone.
func yamlFrontMatter(text []byte) bool {
	known := false
	for line := range bytes.Lines(text) {
		line = bytes.TrimRight(line, " \t\r\n")
		switch {
		case string(line) == "---":
			return known
		case len(line) == 0, line[0] == ' ', line[0] == '\t', line[0] == '#', line[0] == '-':
			// Blank, nested, a comment or an item of a list.
		default:
			m := yamlKey.FindSubmatch(line)
			if m == nil {
				return false
			}
			known = known || slices.Contains(frontMatterKeyNames, strings.ToLower(string(m[1])))
		}
	}
	return false
}

// yamlKey matches a line of YAML that gives a key.
var yamlKey = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:([ \t]|$)`)

// frontMatterKeyNames are the keys of malekort's front matter, and the
// title other site generators' front matter has.
var frontMatterKeyNames = []string{"author", "date", "measure", "title"}

// ParseFrontMatter decodes a content file's front matter, reporting errors
// at their line in the file, and says which of its lines are unread for
// them (see config.Decode).
func ParseFrontMatter(p string, front []byte, fmLine int, errs *diag.List) (FrontMatter, config.Unread) {
	var fm FrontMatter
	if front == nil {
		return fm, config.Unread{}
	}
	// Quoted, a date written otherwise than as TOML's (day first, a
	// month, a month's name) is a string that date explains, instead of
	// a broken value that stops the file being read and hides its other
	// errors.
	if hasLooseDate(front) {
		front = looseDate.ReplaceAllFunc(front, quoteLooseDate)
	}
	// A measure's header with one bracket a side makes the measures a
	// table given twice, which TOML tells as a key set twice: told what
	// it is, and read as meant, the file's other errors are told too.
	if bytes.Contains(front, []byte("measure")) {
		for _, m := range singleBracketMeasure.FindAllIndex(front, -1) {
			errs.Add(diag.Pos{Path: p, Line: fmLine + bytes.Count(front[:m[0]], []byte("\n"))}, "a measure begins with [[measure]], two brackets on each side")
		}
		front = singleBracketMeasure.ReplaceAll(front, []byte("$1[[measure]]"))
	}
	md, unread := config.Decode(p, front, fmLine, &fm, errs)
	escapedBreaks(p, front, fmLine, fm, errs)
	undecoded := md.Undecoded()
	if len(undecoded) == 0 {
		return fm, unread
	}
	// Lines are indexed only to place an unknown key: most files have none.
	lines := config.NewLines(front)
	told := map[string]bool{}
	for _, k := range undecoded {
		// A table front matter does not have ([[tiltak]]) is told once,
		// at its header, not again for each of its keys.
		key, l := k.String(), lines.Key(0, k[len(k)-1])
		name, known := k[len(k)-1], []string{"id", "goal", "text", "status", "due"}
		if len(k) == 2 {
			// A measure's key, in the first measure that has it: the
			// front matter may have one of that name above them.
			for _, h := range lines.Tables(k[0]) {
				if at := lines.Key(h, name); at != h {
					l = at
					break
				}
			}
		}
		if len(k) == 1 || !slices.Contains(frontMatterKeyNames, k[0]) {
			if told[k[0]] {
				continue
			}
			told[k[0]] = true
			name, known = k[0], []string{"author", "date", "measure"}
			key, l = k[0], lines.Header(k[0])
			if l == 0 {
				l = lines.Key(0, k[0])
			}
		}
		if l > 0 {
			l += fmLine - 1
		}
		if known, ok := norwegianKeys[strings.ToLower(key)]; ok {
			errs.Add(diag.Pos{Path: p, Line: l}, "unknown key %q in front matter: write %s (known keys: %s)", key, known, frontMatterKeys)
			continue
		}
		if len(k) == 2 && name == "author" {
			// TOML reads every key below a table's header as the table's.
			// (A date there is most often a measure's due, which the
			// hint below offers.)
			errs.Add(diag.Pos{Path: p, Line: l}, "%s is below a [[measure]], which makes it one of the measure's keys: move it above the first [[measure]]", name)
			continue
		}
		if near, ok := diag.Nearest(name, known); ok {
			errs.Add(diag.Pos{Path: p, Line: l}, "unknown key %q in front matter: did you mean %q? (known keys: %s)", key, near, frontMatterKeys)
			continue
		}
		errs.Add(diag.Pos{Path: p, Line: l}, "unknown key %q in front matter (known keys: %s)", key, frontMatterKeys)
	}
	return fm, unread
}

// escapedBreaks adds a notice for each text of the front matter fm that
// holds a tab or a line break written as an escape in double quotes,
// "G:\tiltak" or "C:\Users\nina": TOML reads it so, and a Windows path
// is not what the page shows. An escape that is no escape ("G:\Felles")
// is the syntax error config tells.
func escapedBreaks(p string, front []byte, fmLine int, fm FrontMatter, errs *diag.List) {
	type broken struct {
		measure int // the measure's index, -1 for a key of its own
		key     string
	}
	var found []broken
	check := func(measure int, key, value string) {
		if strings.ContainsAny(value, "\t\n\r\b\f") {
			found = append(found, broken{measure, key})
		}
	}
	check(-1, "author", fm.Author)
	for i, m := range fm.Measure {
		check(i, "id", m.ID)
		check(i, "goal", m.Goal)
		check(i, "text", m.Text)
		check(i, "status", m.Status)
	}
	if len(found) == 0 {
		return
	}
	lines := config.NewLines(front)
	headers := lines.Tables("measure")
	for _, f := range found {
		// The measure's own line of the key; an inline table's measures
		// have none of their own, and are told at the first.
		table := 0
		if f.measure >= 0 && f.measure < len(headers) {
			table = headers[f.measure]
		}
		l := lines.Key(table, f.key)
		if !strings.Contains(lines.Text(l), `\`) {
			continue // typed as it is, a tab in the text
		}
		errs.AddNotice(diag.Pos{Path: p, Line: fmLine + l - 1}, "%s has a backslash before a letter that TOML reads in double quotes as a tab or a line break (\\t, \\n): where a backslash is meant, as in a Windows path, write the text in single quotes", f.key)
	}
}

// singleBracketMeasure is a measure's table header written [measure].
var singleBracketMeasure = regexp.MustCompile(`(?m)^([ \t]*)\[[ \t]*measure[ \t]*\]`)

// norwegianKeys are front matter's keys as a leader may write them in
// Norwegian, with the key to write.
var norwegianKeys = map[string]string{
	"tiltak": "[[measure]]", "forfatter": "author", "dato": "date",
	"measure.tekst": "text", "measure.frist": "due", "measure.mål": "goal", "measure.maal": "goal",
}

// Limits on a markdown file. Commentary is a page of text; beyond these a
// file is a mistake or an attack, and markdown parsing of deep nesting
// grows faster than the file, so a small file could stall the build.
const (
	maxMarkdownBytes = 1 << 20
	maxNesting       = 20
)

// tooBig reports a content file that breaks the limits.
func tooBig(p string, src []byte, errs *diag.List) bool {
	if len(src) > maxMarkdownBytes {
		errs.Add(diag.Pos{Path: p}, "file is %.1f MB; a text may be at most 1 MB: put large material in a linked PDF", float64(len(src))/(1<<20))
		return true
	}
	line := 1
	for rest := src; len(rest) > 0; line++ {
		l := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			l, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		if depth := nesting(l); depth > maxNesting {
			errs.Add(diag.Pos{Path: p, Line: line}, "quotes or lists nested %d deep; at most %d", depth, maxNesting)
			return true
		}
	}
	return false
}

// utf8Text is the text of the content file p as UTF-8, read as
// textEncoding tells; a file that is UTF-8 but for a byte is an error at
// that byte's line, since its letters would otherwise be read wrong, and
// so is a NUL character.
func utf8Text(p string, src []byte, errs *diag.List) ([]byte, bool) {
	enc, line, b, mixed := textEncoding(src, true)
	switch {
	case mixed:
		errs.Add(diag.Pos{Path: p, Line: line}, "the byte 0x%02X is not UTF-8, though the rest of the file is: the file mixes two encodings (a part pasted from another file?); save it as UTF-8", b)
		return nil, false
	case enc == nil:
	default:
		// Neither decoder fails: what it cannot read, it writes as U+FFFD.
		src, _ = enc.NewDecoder().Bytes(src)
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		// Shown as U+FFFD, it would hide where the text was broken.
		errs.Add(diag.Pos{Path: p, Line: 1 + bytes.Count(src[:i], []byte("\n"))}, "a NUL character (the byte 0), which no text has: remove it, or, if the file is not a text, take it out of content/")
		return nil, false
	}
	return src, true
}

// nesting counts the block quote and list markers that open a line.
func nesting(line []byte) int {
	depth := 0
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == ' ' || c == '\t':
		case c == '>':
			depth++
		case (c == '-' || c == '*' || c == '+') && (i+1 == len(line) || line[i+1] == ' '):
			depth++
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j < len(line) && (line[j] == '.' || line[j] == ')') && (j+1 == len(line) || line[j+1] == ' ') {
				depth++
				i = j
				continue
			}
			return depth
		default:
			return depth
		}
	}
	return depth
}

func readText(p string, src []byte, errs *diag.List) *model.Text {
	src, ok := utf8Text(p, src, errs)
	if !ok || tooBig(p, src, errs) {
		return nil
	}
	front, body, fmLine, bodyLine, err := SplitFrontMatter(src)
	if err != nil {
		errs.Add(diag.Pos{Path: p, Line: bodyLine}, "%v", err)
		return nil
	}
	t := &model.Text{Path: p, Body: body, BodyLine: bodyLine}
	config.MarkdownDirectionControls(p, body, bodyLine, errs)
	if fm, unread := ParseFrontMatter(p, front, fmLine, errs); !unread.All {
		lines := config.NewLines(front)
		if len(fm.Measure) > 0 {
			errs.Add(diag.Pos{Path: p, Line: fmLine + max(at(lines.Tables("measure"), 0), 1) - 1}, "measures belong in an office's commentary, not in %s", path.Base(p))
		}
		t.Author, t.Date = fm.Author, frontDate(p, fm, lines, fmLine, errs)
	}
	return t
}

func readCommentary(p string, src []byte, errs *diag.List) (model.Commentary, bool) {
	src, ok := utf8Text(p, src, errs)
	if !ok || tooBig(p, src, errs) {
		return model.Commentary{}, false
	}
	name := strings.TrimSuffix(path.Base(p), path.Ext(p))
	period, isMonth := model.ParsePeriod(name)
	if !isMonth {
		if y, m, ok := fileMonth(name); ok && m >= 1 && m <= 12 {
			errs.Add(diag.Pos{Path: p}, "file name %q is not a month as malekort reads it: name it %04d-%02d.md", path.Base(p), y, m)
		} else {
			errs.Add(diag.Pos{Path: p}, "file name %q is not a month: name commentary <YYYY-MM>.md", path.Base(p))
		}
		return model.Commentary{}, false
	}
	front, body, fmLine, bodyLine, err := SplitFrontMatter(src)
	if err != nil {
		errs.Add(diag.Pos{Path: p, Line: bodyLine}, "%v", err)
		return model.Commentary{}, false
	}
	config.MarkdownDirectionControls(p, body, bodyLine, errs)
	fm, unread := ParseFrontMatter(p, front, fmLine, errs)
	if unread.All {
		return model.Commentary{}, false
	}
	c := model.Commentary{Period: period, Text: model.Text{Path: p, Body: body, BodyLine: bodyLine, Author: fm.Author}}
	placeholder := withoutPlaceholder(&c, errs)
	// The lines of the measures as they were read, a [measure] header as
	// [[measure]] (see ParseFrontMatter).
	lines := config.NewLines(singleBracketMeasure.ReplaceAll(front, []byte("$1[[measure]]")))
	measureLines := lines.Tables("measure")
	if !unread.OK() {
		// The file's errors are told; the rest of it is checked in the
		// same run, each measure none of whose lines is in error.
		fm.Measure, measureLines = wholeMeasures(fm.Measure, measureLines, lines, unread)
	}
	c.Date = frontDate(p, fm, lines, fmLine, errs)
	commentaryDate(c.Date, period, diag.Pos{Path: p, Line: fmLine + lines.Key(0, "date") - 1}, errs)
	for i, m := range fm.Measure {
		l := at(measureLines, i)
		pos := diag.Pos{Path: p, Line: fmLine + l - 1}
		if l == 0 {
			pos.Line = fmLine
		}
		key := func(k string) diag.Pos {
			if l == 0 { // an inline table has no line of its own to read keys below
				return pos
			}
			return diag.Pos{Path: p, Line: fmLine + lines.Key(l, k) - 1}
		}
		c.Measures = append(c.Measures, model.Measure{
			ID: m.ID, Goal: m.Goal, Text: m.Text, Status: measureStatus(m.Status),
			Due: date(m.Due, "due", key("due"), errs),
			Pos: pos, GoalPos: key("goal"), StatusPos: key("status"),
		})
	}
	if c.Empty() && !placeholder {
		// At the front matter's closing line: an empty body may have no
		// line of its own.
		errs.AddNotice(diag.Pos{Path: p, Line: max(bodyLine-1, 1)}, "the commentary is empty: write it, or delete the file (until then the office is without commentary for the month)")
	}
	return c, true
}

// monthNamed reports whether a file's name is a month's, as commentary
// is named, or as fileMonth reads one.
func monthNamed(file string) bool {
	name := strings.TrimSuffix(file, path.Ext(file))
	if _, ok := model.ParsePeriod(name); ok {
		return true
	}
	_, month, ok := fileMonth(name)
	return ok && month >= 1 && month <= 12
}

// fileMonth is the month a commentary file's name means, written another
// way than YYYY-MM (see writtenMonth): also with more after it, as a copy
// or a doubled ending names it ("2026-10 (1)", "2026-10.md"), and by
// the month's name before its year ("okt2026", "oktober 2026").
func fileMonth(name string) (year, month int, ok bool) {
	if year, month, ok = writtenMonth(name); ok {
		return year, month, true
	}
	if m := monthThenMore.FindStringSubmatch(name); m != nil {
		year, _ = strconv.Atoi(m[1])
		month, _ = strconv.Atoi(m[2])
		return year, month, true
	}
	if m := namedMonthOfYear.FindStringSubmatch(name); m != nil {
		word := strings.ToLower(m[1])
		for i, full := range monthsInFull {
			// "okt", "oktober", "october"; not "julemøte".
			if len(word) >= 3 && strings.HasPrefix(full, word) {
				year, _ = strconv.Atoi(m[2])
				return year, i%12 + 1, true
			}
		}
	}
	return 0, 0, false
}

// monthsInFull are the months' names in Norwegian and English.
var monthsInFull = []string{
	"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember",
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
}

var (
	// monthThenMore is a month as YYYY-MM with more after it.
	monthThenMore = regexp.MustCompile(`^(\d{4})-(\d{2})[^\d]`)
	// namedMonthOfYear is a month's name and its year, with or without
	// something between.
	namedMonthOfYear = regexp.MustCompile(`^(\pL+)[\s._-]*(\d{4})$`)
)

// wholeMeasures are the measures of a front matter read with errors whose
// lines in error, if any, are of a key a measure may go without (due),
// with their headers' lines. A header in error took its measure out of
// what was read; a measure that lost another line would be checked for a
// key it has. Where the headers cannot be told apart (a measure written
// as an inline table), none is.
func wholeMeasures(read []measureFront, headers []int, lines config.Lines, unread config.Unread) ([]measureFront, []int) {
	var readHeaders []int
	for _, h := range headers {
		if !unread.Lines[h] {
			readHeaders = append(readHeaders, h)
		}
	}
	if len(readHeaders) != len(read) {
		return nil, nil
	}
	var whole []measureFront
	var wholeHeaders []int
	for i, h := range readHeaders {
		due := lines.KeysOf(h)["due"]
		if strings.Count(lines.Text(due), "=") > 1 {
			// Another key on its line went with it.
			due = 0
		}
		lost := false
		for l := h; l <= lines.End(h); l++ {
			lost = lost || unread.Lines[l] && l != due
		}
		if !lost {
			whole, wholeHeaders = append(whole, read[i]), append(wholeHeaders, h)
		}
	}
	return whole, wholeHeaders
}

// frontDate is the date front matter gives, as YYYY-MM-DD; "" where it
// gives none or one that is an error.
func frontDate(p string, fm FrontMatter, lines config.Lines, fmLine int, errs *diag.List) string {
	return date(fm.Date, "date", diag.Pos{Path: p, Line: fmLine + lines.Key(0, "date") - 1}, errs)
}

// commentaryDate tells of a commentary on month p dated before that month
// began, or more than a year after it ended: a date the byline prints as
// written, most often a year typed wrong.
func commentaryDate(date string, p model.Period, pos diag.Pos, errs *diag.List) {
	switch {
	case date == "":
	case date < p.String()+"-01":
		errs.AddNotice(pos, "the commentary on %s is dated %s, before that month began: check the year", p, date)
	case p.WrittenLongAfter(date):
		errs.AddNotice(pos, "the commentary on %s is dated %s, more than a year after that month: check the year", p, date)
	}
}

// looseDate is a line of front matter giving date or due a value that
// begins with a digit and has no quotes, as a date written day first
// (31.01.2027, 31/1/2027), a month (2027-01) or with a month's name
// (31. januar 2027) has; a TOML date (2027-01-31) among them is kept as
// it is (see quoteLooseDate).
var looseDate = regexp.MustCompile(`(?m)^([ \t]*(?:date|due)[ \t]*=[ \t]*)([0-9][0-9\pL. /-]*?)([ \t\r]*(?:#.*)?)$`)

// quoteLooseDate puts the value of a looseDate match in quotes, unless it
// is a TOML date.
func quoteLooseDate(line []byte) []byte {
	m := looseDate.FindSubmatchIndex(line)
	if m == nil || tomlDate(line[m[4]:m[5]]) {
		return line
	}
	return slices.Concat(line[:m[4]], []byte(`"`), line[m[4]:m[5]], []byte(`"`), line[m[5]:])
}

// hasLooseDate reports whether front has a line that looseDate matches
// and quoteLooseDate would change, without the regular expression, which
// most front matter, whose dates are TOML's, need not pay for.
func hasLooseDate(front []byte) bool {
	for line := range bytes.Lines(front) {
		line = bytes.TrimLeft(line, " \t")
		key, value, ok := bytes.Cut(line, []byte("="))
		if k := string(bytes.TrimRight(key, " \t")); !ok || k != "date" && k != "due" {
			continue
		}
		value, _, _ = bytes.Cut(value, []byte("#"))
		value = bytes.TrimSpace(value)
		if len(value) > 0 && isASCIIDigit(value[0]) && !tomlDate(value) {
			return true
		}
	}
	return false
}

// tomlDate reports whether value begins as a TOML date does, 2027-01-31.
func tomlDate(value []byte) bool {
	if len(value) < 10 || value[4] != '-' || value[7] != '-' {
		return false
	}
	for _, i := range []int{0, 1, 2, 3, 5, 6, 8, 9} {
		if !isASCIIDigit(value[i]) {
			return false
		}
	}
	return len(value) == 10 || value[10] == 'T' || value[10] == 't' || value[10] == ' '
}

func isASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }

// placeholders are the texts new commentary writes for a leader to
// replace, in every language.
var placeholders = func() [][]byte {
	var out [][]byte
	for _, lang := range locale.Languages {
		out = append(out, []byte(locale.Word(lang, "commentary.placeholder")))
	}
	return out
}()

// withoutPlaceholder takes out of c the placeholder new commentary wrote,
// so that it is never published, and adds a notice at its line asking for
// the commentary to be written. It reports whether c held one.
func withoutPlaceholder(c *model.Commentary, errs *diag.List) bool {
	for _, placeholder := range placeholders {
		at := bytes.Index(c.Body, placeholder)
		if at < 0 {
			continue
		}
		line := c.BodyLine + bytes.Count(c.Body[:at], []byte("\n"))
		errs.AddNotice(diag.Pos{Path: c.Path, Line: line}, "the commentary still holds the text \"malekort new commentary\" wrote: write the commentary (that text is not published; what you wrote yourself is)")
		c.Body = bytes.TrimSpace(append(c.Body[:at:at], c.Body[at+len(placeholder):]...))
		return true
	}
	return false
}

// date accepts a TOML date (2026-10-15) or the same as a string.
func date(v any, key string, pos diag.Pos, errs *diag.List) string {
	switch d := v.(type) {
	case nil:
		return ""
	case time.Time:
		if zone, _ := d.Zone(); zone == "time-local" {
			// TOML's 07:32:00 is a time on no day, which the library
			// gives as year 0 in a zone of this name (its internal
			// package's LocalTime, which cannot be imported).
			errs.Add(pos, "%s %s is a time of day, not a date: write it as YYYY-MM-DD", key, d.Format(time.TimeOnly))
			return ""
		}
		return d.Format(time.DateOnly)
	case string:
		if t, err := time.Parse(time.DateOnly, d); err == nil {
			return t.Format(time.DateOnly)
		}
		if t, ok := dayFirst(d); ok {
			errs.Add(pos, "%s %q is written day first: write it year first, %s = %s", key, d, key, t.Format(time.DateOnly))
			return ""
		}
		for _, layout := range []string{"2006.1.2", "2006/1/2"} {
			if t, err := time.Parse(layout, d); err == nil {
				errs.Add(pos, "%s %q: write a date with hyphens, %s = %s", key, d, key, t.Format(time.DateOnly))
				return ""
			}
		}
		if t, err := time.Parse("2006-01", d); err == nil {
			// A due date within the month is at latest its last day.
			errs.Add(pos, "%s %q is a month: give the day too, as %s = %s", key, d, key, t.AddDate(0, 1, -1).Format(time.DateOnly))
			return ""
		}
	}
	errs.Add(pos, "%s %s is not a date: write it as YYYY-MM-DD", key, quoteValue(v))
	return ""
}

// dayFirst reads a date written day first, as Norwegians write it:
// 31.1.2027, 31/01/2027, 31-01-2027, 31. januar 2027, 31 jan. 2027.
func dayFirst(s string) (time.Time, bool) {
	for _, layout := range []string{"2.1.2006", "2/1/2006", "2-1-2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	m := dayAndMonthName.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	name := []rune(strings.ToLower(m[2]))
	month, ok := monthNames[string(name[:min(3, len(name))])]
	if !ok {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-1-2", m[3]+"-"+strconv.Itoa(month)+"-"+m[1])
	return t, err == nil
}

// dayAndMonthName is a date with its month's name: 31. januar 2027.
var dayAndMonthName = regexp.MustCompile(`^(\d{1,2})\.?\s*(\pL+)\.?\s+(\d{4})$`)

// measureStatus is a measure's status as the model names it (planned,
// started, done), written in English, bokmål or nynorsk, as a text says it
// ("startet", "starta") or as the pages name it ("Fullført"): a leader
// writes what the site showed, and a site may change its language.
func measureStatus(written string) string {
	for _, status := range model.MeasureStatuses {
		for _, lang := range []string{"nb", "nn"} {
			if strings.EqualFold(written, locale.Word(lang, "measure.write."+status)) || strings.EqualFold(written, locale.Word(lang, "measure."+status)) {
				return status
			}
		}
	}
	return written
}

func quoteValue(v any) string {
	if s, ok := v.(string); ok {
		return fmt.Sprintf("%q", s)
	}
	return fmt.Sprint(v)
}
