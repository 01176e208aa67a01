package build

import (
	"iter"
	"path"
	"strings"
	"sync"

	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/markdown"
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
// (see markdown.Place). Only the rendered site knows every page it has.
func deadLinks(site *model.Site, has map[string]bool) diag.List {
	var notices diag.List
	text := func(t *model.Text) {
		if t == nil {
			return
		}
		folder := path.Dir(strings.TrimPrefix(t.Path, "content/"))
		for _, r := range markdown.References(t.Body).Pages {
			if to := path.Join(folder, r.Target); !has[to] {
				pos := diag.Pos{Path: t.Path}
				if r.Line > 0 {
					pos.Line = t.BodyLine + r.Line - 1
				}
				notices.AddNotice(pos, "%q leads to %s, which the site does not have: a link in a text is read from the folder of its page", r.Target, to)
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
	for i := range site.Goals {
		g := &site.Goals[i]
		for _, r := range markdown.References([]byte(g.Description)).Pages {
			if target := path.Clean(r.Target); !has[target] && !strings.HasPrefix(target, "../") {
				notices.AddNotice(g.DescriptionPos, "goal %q: its description links %q, which leads to no page or file of the site, read from the site's top folder", g.ID, r.Target)
			}
		}
	}
	return notices.Sorted()
}
