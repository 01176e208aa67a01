package build

import (
	"bytes"
	"io"
	"iter"
	"path"
	"slices"
	"strings"
	"sync"

	"golang.org/x/net/html"

	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/model"
	"github.com/malekort/malekort/internal/render"
)

// named is an Output that keeps the names of the files written to it,
// and the ids of the places on those of its pages that are anchored, that
// a text links to a place on (see anchoredPages).
type named struct {
	render.Output
	anchored map[string]bool
	mu       sync.Mutex
	names    map[string]bool
	ids      map[string][]string
}

func newNamed(out render.Output, anchored map[string]bool) *named {
	return &named{Output: out, anchored: anchored, names: map[string]bool{}, ids: map[string][]string{}}
}

func (n *named) Put(name string, parts ...[]byte) error {
	n.add(name, parts)
	return n.Output.Put(name, parts...)
}

func (n *named) PutEach(name string, parts iter.Seq[[]byte]) error {
	if !n.readsPlaces(name) {
		n.add(name, nil)
		return n.Output.PutEach(name, parts)
	}
	var page [][]byte
	err := n.Output.PutEach(name, func(yield func([]byte) bool) {
		for part := range parts {
			page = append(page, bytes.Clone(part))
			if !yield(part) {
				return
			}
		}
	})
	n.add(name, page)
	return err
}

func (n *named) add(name string, page [][]byte) {
	var ids []string
	reads := n.readsPlaces(name)
	if reads {
		ids = idsIn(page)
	}
	n.mu.Lock()
	n.names[name] = true
	if reads {
		n.ids[name] = ids
	}
	n.mu.Unlock()
}

// readsPlaces reports whether the places on the file name are kept: a
// page a text links a place on. A CSV file so linked has none, and is
// not held to look.
func (n *named) readsPlaces(name string) bool {
	return n.anchored[name] && strings.HasSuffix(name, ".html")
}

// idsIn are the places on the page written in parts that a link can name
// after its #: its elements' ids and its anchors' names, sorted.
func idsIn(parts [][]byte) []string {
	readers := make([]io.Reader, len(parts))
	for i, p := range parts {
		readers[i] = bytes.NewReader(p)
	}
	z := html.NewTokenizer(io.MultiReader(readers...))
	var ids []string
	for {
		switch z.Next() {
		case html.ErrorToken:
			slices.Sort(ids)
			return slices.Compact(ids)
		case html.StartTagToken, html.SelfClosingTagToken:
			tag, more := z.TagName()
			anchor := string(tag) == "a"
			for more {
				var key, value []byte
				key, value, more = z.TagAttr()
				if string(key) == "id" || anchor && string(key) == "name" {
					ids = append(ids, string(value))
				}
			}
		}
	}
}

// anchoredPages are the pages of the site, by path from its top, that
// site's texts link to a place on: a link's # is checked against the
// page as written (see named).
func anchoredPages(site *model.Site) map[string]bool {
	pages := map[string]bool{}
	eachPageLink(site, func(folder string, l model.PageLink, _ *model.Goal) {
		if l.Fragment != "" {
			pages[path.Join(folder, l.Target)] = true
		}
	})
	return pages
}

// eachPageLink calls see with each link of site's texts to a page or file
// of the site and the folder it is read from (see deadLinks); with the
// goal whose description it is in, if it is.
func eachPageLink(site *model.Site, see func(folder string, l model.PageLink, of *model.Goal)) {
	text := func(t *model.Text) {
		if t == nil {
			return
		}
		folder := path.Dir(strings.TrimPrefix(t.Path, "content/"))
		for _, l := range t.PageLinks {
			see(folder, l, nil)
		}
	}
	text(site.Front)
	for _, t := range site.CountyText {
		text(t)
	}
	for i := range site.Commentary {
		text(&site.Commentary[i].Text)
	}
	for i := range site.Goals {
		for _, l := range site.Goals[i].DescriptionLinks {
			// One that leads above the site's top is load's error.
			if !strings.HasPrefix(path.Clean(l.Target), "../") {
				see(".", l, &site.Goals[i])
			}
		}
	}
}

// deadLinks are notices of the links in site's texts to pages and files
// of the site that the site, written as has, does not have: a leader's
// "../nabokontor/index.html" would otherwise be published leading
// nowhere. A link to a place on a page (commentary.html#2026-13) is
// checked against the page's places, where ids holds them: a browser
// opens the page at its top when the place is not there. A text's links
// are read from the folder of its page, which is its folder under
// content/; a goal's description's from the site's top (see
// markdown.Place). Only the rendered site knows every page it has; load
// found the links. Each notice offers the page its author most likely
// meant (see meant).
func deadLinks(site *model.Site, has map[string]bool, ids map[string][]string) diag.List {
	var notices diag.List
	var pages *sitePages // made at the first dead link: most builds have none
	meant := func(folder, to string) diag.Phrase {
		if pages == nil {
			pages = newSitePages(site, has)
		}
		if page := pages.meant(to); page != "" {
			return diag.P(" (did you mean %q?)", relativeTo(folder, page))
		}
		return diag.Phrase{}
	}
	eachPageLink(site, func(folder string, l model.PageLink, goal *model.Goal) {
		to := path.Join(folder, l.Target)
		switch {
		case !has[to] && goal != nil:
			notices.AddNotice(l.Pos, "goal %q: its description links %q, which leads to no page or file of the site, read from the site's top folder%s", goal.ID, l.Target, meant(".", to))
		case !has[to]:
			notices.AddNotice(l.Pos, "%q leads to %s, which the site does not have%s: a link in a text is read from the folder of its page", l.Target, to, meant(folder, to))
		case l.Fragment == "":
		default:
			places, known := ids[to]
			if !known || slices.Contains(places, l.Fragment) || strings.EqualFold(l.Fragment, "top") {
				return
			}
			var near diag.Phrase
			if place, ok := diag.Nearest(l.Fragment, places); ok {
				near = diag.P(" (did you mean %q?)", l.Target+"#"+place)
			}
			notices.AddNotice(l.Pos, "%q leads to %s, which has no place marked #%s%s: the link opens the page at its top", l.Target+"#"+l.Fragment, to, l.Fragment, near)
		}
	})
	return notices.Sorted()
}

// sitePages are the built site's files, by path from its top, laid out to
// find the one a dead link meant.
type sitePages struct {
	has map[string]bool
	// children are the names in each folder ("" the top), sorted.
	children map[string][]string
	// officeFolders are the offices' folders by id.
	officeFolders map[string]string
	// sources are the commentary files, by path from content/.
	sources map[string]bool
}

func newSitePages(site *model.Site, has map[string]bool) *sitePages {
	p := &sitePages{has: has, children: map[string][]string{}, officeFolders: map[string]string{}, sources: map[string]bool{}}
	seen := map[string]bool{}
	for name := range has {
		for dir := name; dir != "."; {
			parent := path.Dir(dir)
			if seen[dir] {
				break
			}
			seen[dir] = true
			key := strings.TrimPrefix(parent, ".")
			p.children[key] = append(p.children[key], path.Base(dir))
			dir = parent
		}
	}
	for _, names := range p.children {
		slices.Sort(names)
	}
	for _, o := range site.Offices {
		if folder := o.County + "/" + o.ID; has[folder+"/index.html"] {
			p.officeFolders[o.ID] = folder
		}
	}
	for _, c := range site.Commentary {
		p.sources[strings.TrimPrefix(c.Path, "content/")] = true
	}
	return p
}

// meant is the page or file of the site that a link leading to the
// missing to most likely meant, by path from the site's top, or "": one
// so named in the folder of the office the link names, where it was
// written beside the wrong county, or one named nearly so (see named).
func (p *sitePages) meant(to string) string {
	// An office's id written out is a surer sign than a name near
	// another's beside it.
	segs := strings.Split(to, "/")
	for i, seg := range segs {
		if folder, ok := p.officeFolders[seg]; ok {
			if moved := path.Join(append([]string{folder}, segs[i+1:]...)...); moved != to {
				if page := p.named(moved); page != "" {
					return page
				}
			}
			break
		}
	}
	return p.named(to)
}

// named is the page or file of the site named nearly as to: a page's
// source its page (a month's commentary its section of commentary.html),
// a misspelt folder or file the nearest beside it ("INDEX.HTML"
// index.html, see diag.Nearest); or "".
func (p *sitePages) named(to string) string {
	dir, base := path.Dir(to), path.Base(to)
	switch {
	case strings.EqualFold(base, "_index.md"):
		return p.existing(path.Join(dir, "index.html"), "")
	case strings.EqualFold(path.Ext(base), ".md"):
		month, ok := model.ParsePeriod(strings.TrimSuffix(base, path.Ext(base)))
		switch {
		case ok && p.sources[to]:
			return p.existing(path.Join(dir, "commentary.html"), "#"+month.String())
		case ok:
			return p.existing(path.Join(dir, "commentary.html"), "")
		}
	}
	segs := strings.Split(to, "/")
	for i, seg := range segs {
		folder := strings.Join(segs[:i], "/")
		if slices.Contains(p.children[folder], seg) {
			continue
		}
		near, ok := diag.Nearest(seg, p.children[folder])
		if !ok {
			break
		}
		segs[i] = near
	}
	if fixed := strings.Join(segs, "/"); p.has[fixed] {
		return fixed
	}
	return ""
}

// existing is page with anchor where the site has the page, or "".
func (p *sitePages) existing(page, anchor string) string {
	if p.has[page] {
		return page + anchor
	}
	return ""
}

// relativeTo is the link from a page in folder (from the site's top, "."
// the top) to page.
func relativeTo(folder, page string) string {
	from := strings.Split(folder, "/")
	if folder == "." {
		from = nil
	}
	to := strings.Split(page, "/")
	common := 0
	for common < len(from) && common < len(to)-1 && from[common] == to[common] {
		common++
	}
	return strings.Repeat("../", len(from)-common) + strings.Join(to[common:], "/")
}
