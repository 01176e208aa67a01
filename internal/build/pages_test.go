package build

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// notText is what must never reach a page's text or attributes: an escape
// sequence written as itself (\u00a0), a fmt error (%!d(string=…)), a
// template's braces.
var notText = regexp.MustCompile(`\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|%!|\{\{|\}\}`)

// doubleEscaped is an entity escaped twice (&amp;amp;, &amp;#39;): shown
// as the entity instead of its character.
var doubleEscaped = regexp.MustCompile(`&amp;(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);`)

// TestPagesHoldNoLeftovers reads every page of every golden site and of
// the example site for text that is a slip of the code, not the input.
func TestPagesHoldNoLeftovers(t *testing.T) {
	sites := map[string]memOutput{}
	cases, _ := filepath.Glob("testdata/sites/*.txtar")
	for _, file := range cases {
		fsys, _ := siteFS(t, file)
		out := memOutput{}
		if errs, err := Build(fsys, defaults, out); errs != nil || err != nil {
			t.Fatalf("%s: %v %v", file, errs, err)
		}
		sites[file] = out
	}
	example := memOutput{}
	if errs, err := Build(defaults, defaults, example); errs != nil || err != nil {
		t.Fatalf("the example site: %v %v", errs, err)
	}
	sites["the example site"] = example
	for site, out := range sites {
		pages := 0
		for name, data := range out {
			if !strings.HasSuffix(name, ".html") {
				continue
			}
			pages++
			if m := doubleEscaped.Find(data); m != nil {
				t.Errorf("%s %s: %q is escaped twice", site, name, m)
			}
			doc, err := html.Parse(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("%s %s: %v", site, name, err)
			}
			check := func(s string) {
				if m := notText.FindString(s); m != "" {
					t.Errorf("%s %s: %q in %q", site, name, m, s[max(0, strings.Index(s, m)-40):min(len(s), strings.Index(s, m)+40)])
				}
			}
			for n := range doc.Descendants() {
				switch {
				case n.Type == html.TextNode && n.Parent.Data != "script" && n.Parent.Data != "style":
					check(n.Data)
				case n.Type == html.ElementNode:
					for _, a := range n.Attr {
						check(a.Val)
					}
				}
			}
		}
		if pages < 5 {
			t.Errorf("%s: %d pages", site, pages)
		}
	}
}
