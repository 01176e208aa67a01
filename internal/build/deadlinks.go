package build

import (
	"iter"
	"path"
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
// load found the links.
func deadLinks(site *model.Site, has map[string]bool) diag.List {
	var notices diag.List
	text := func(t *model.Text) {
		if t == nil {
			return
		}
		folder := path.Dir(strings.TrimPrefix(t.Path, "content/"))
		for _, l := range t.PageLinks {
			if to := path.Join(folder, l.Target); !has[to] {
				notices.AddNotice(l.Pos, "%q leads to %s, which the site does not have: a link in a text is read from the folder of its page", l.Target, to)
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
				notices.AddNotice(l.Pos, "goal %q: its description links %q, which leads to no page or file of the site, read from the site's top folder", g.ID, l.Target)
			}
		}
	}
	return notices.Sorted()
}
