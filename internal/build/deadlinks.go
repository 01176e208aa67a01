package build

import (
	"iter"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/model"
	"github.com/malekort/malekort/internal/render"
)

// named is an Output that keeps the names of the files written to it.
type named struct {
	render.Output
	mu    sync.Mutex
	names map[string]bool
}

func (n *named) Put(name string, parts ...[]byte) error {
	n.add(name)
	return n.Output.Put(name, parts...)
}

func (n *named) PutEach(name string, parts iter.Seq[[]byte]) error {
	n.add(name)
	return n.Output.PutEach(name, parts)
}

func (n *named) add(name string) {
	n.mu.Lock()
	n.names[name] = true
	n.mu.Unlock()
}

// deadLinks are notices of the links in site's texts to pages and files
// of the site that the site, written as has, does not have: a leader's
// "../nabokontor/index.html" would otherwise be published leading
// nowhere. A text's links are read from the folder of its page, which is
// its folder under content/; a goal's description's from the site's top
// (see markdown.Place). Only the rendered site knows every page it has;
// load found the links. Each notice offers the page its author most
// likely meant (see meant).
func deadLinks(site *model.Site, has map[string]bool) diag.List {
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
	text := func(t *model.Text) {
		if t == nil {
			return
		}
		folder := path.Dir(strings.TrimPrefix(t.Path, "content/"))
		for _, l := range t.PageLinks {
			if to := path.Join(folder, l.Target); !has[to] {
				notices.AddNotice(l.Pos, "%q leads to %s, which the site does not have%s: a link in a text is read from the folder of its page", l.Target, to, meant(folder, to))
			}
		}
	}
	text(site.Front)
	for _, t := range site.CountyText {
		text(t)
	}
	for i := range site.Commentary {
		text(&site.Commentary[i].Text)
	}
	for _, g := range site.Goals {
		for _, l := range g.DescriptionLinks {
			// One that leads above the site's top is load's error.
			if target := path.Clean(l.Target); !has[target] && !strings.HasPrefix(target, "../") {
				notices.AddNotice(l.Pos, "goal %q: its description links %q, which leads to no page or file of the site, read from the site's top folder%s", g.ID, l.Target, meant(".", target))
			}
		}
	}
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
