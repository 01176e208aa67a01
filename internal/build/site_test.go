package build

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"iter"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/malekort/malekort/internal/locale"
	"github.com/rogpeppe/go-internal/txtar"
	"golang.org/x/net/html"
)

var update = flag.Bool("update", false, "rewrite the expected errors and golden sites in testdata")

// defaults are malekort's own templates: the example site's, at the repo root.
var defaults = os.DirFS("../..")

// memOutput collects a built site in memory.
type memOutput map[string][]byte

var memMu sync.Mutex

func (m memOutput) Put(name string, parts ...[]byte) error {
	return m.PutEach(name, slices.Values(parts))
}

func (m memOutput) PutEach(name string, parts iter.Seq[[]byte]) error {
	var data []byte
	for part := range parts {
		data = append(data, part...)
	}
	memMu.Lock()
	defer memMu.Unlock()
	if _, dup := m[name]; dup {
		return fmt.Errorf("%s written twice", name)
	}
	m[name] = data
	return nil
}

// siteFS returns the base site with a case's files laid over it. A case
// removes a base file by listing it in a "delete" section.
func siteFS(t testing.TB, caseFile string) (fstest.MapFS, *txtar.Archive) {
	t.Helper()
	base, err := txtar.ParseFile("testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	c, err := txtar.ParseFile(caseFile)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range base.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	for _, f := range c.Files {
		switch f.Name {
		case "want", "want-nb", "golden":
		case "delete":
			for _, name := range strings.Fields(string(f.Data)) {
				delete(fsys, name)
			}
		default:
			fsys[f.Name] = &fstest.MapFile{Data: f.Data}
		}
	}
	return fsys, c
}

// TestInputErrors builds each case in testdata/errors and compares the
// errors with its "want" section: every kind of input error, with its
// file, line and advice. A case with a "want-nb" section compares them in
// bokmål too, as check prints them for a site in that language.
func TestInputErrors(t *testing.T) {
	cases, _ := filepath.Glob("testdata/errors/*.txtar")
	if len(cases) == 0 {
		t.Fatal("no cases in testdata/errors")
	}
	for _, file := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			fsys, archive := siteFS(t, file)
			errs, err := Build(fsys, defaults, memOutput{})
			if err != nil {
				t.Fatalf("build failed without input errors: %v", err)
			}
			if errs == nil {
				t.Fatal("no input errors")
			}
			gots := map[string]string{"want": errs.Error() + "\n"}
			if slices.ContainsFunc(archive.Files, func(f txtar.File) bool { return f.Name == "want-nb" }) {
				gots["want-nb"] = errs.In(locale.New("nb")).Error() + "\n"
			}
			for section, got := range gots {
				i := slices.IndexFunc(archive.Files, func(f txtar.File) bool { return f.Name == section })
				switch {
				case *update && i < 0:
					archive.Files = append(archive.Files, txtar.File{Name: section, Data: []byte(got)})
				case *update:
					archive.Files[i].Data = []byte(got)
				case i < 0:
					t.Fatalf("no %s section; run go test ./internal/build -update", section)
				case got != string(archive.Files[i].Data):
					t.Errorf("errors:\n%s\n%s:\n%s", got, section, archive.Files[i].Data)
				}
			}
			if *update {
				if err := os.WriteFile(file, txtar.Format(archive), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// TestSites builds each case in testdata/sites and compares every file of
// the output with testdata/sites/<case>/, the golden site. The assets are
// copies of templates/assets and are left out.
func TestSites(t *testing.T) {
	cases, _ := filepath.Glob("testdata/sites/*.txtar")
	if len(cases) == 0 {
		t.Fatal("no cases in testdata/sites")
	}
	// A golden site whose case is gone would never be compared again.
	entries, err := os.ReadDir("testdata/sites")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() && !slices.Contains(cases, filepath.Join("testdata", "sites", e.Name()+".txtar")) {
			t.Errorf("testdata/sites/%s is a golden site without its case %s.txtar: add the case or delete the folder", e.Name(), e.Name())
		}
	}
	for _, file := range cases {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			fsys, _ := siteFS(t, file)
			out := memOutput{}
			errs, err := Build(fsys, defaults, out)
			if errs != nil || err != nil {
				t.Fatalf("build: %v %v", errs, err)
			}
			chartAxesAgree(t, out)
			linksResolve(t, out)
			for p := range out {
				if strings.HasPrefix(p, "assets/") {
					delete(out, p)
				}
			}
			golden := filepath.Join("testdata", "sites", name)
			if *update {
				os.RemoveAll(golden)
				for p, data := range out {
					dst := filepath.Join(golden, filepath.FromSlash(p))
					os.MkdirAll(filepath.Dir(dst), 0o755)
					if err := os.WriteFile(dst, data, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				return
			}
			want := map[string]bool{}
			err = filepath.WalkDir(golden, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				rel, _ := filepath.Rel(golden, p)
				rel = filepath.ToSlash(rel)
				want[rel] = true
				data, _ := os.ReadFile(p)
				if got, ok := out[rel]; !ok {
					t.Errorf("%s: not built", rel)
				} else if !bytes.Equal(got, data) {
					t.Errorf("%s differs from the golden file; run go test ./internal/build -update and review the diff", rel)
				}
				return nil
			})
			if err != nil {
				t.Fatalf("golden site: %v (run go test ./internal/build -update)", err)
			}
			for p := range out {
				if !want[p] {
					t.Errorf("%s: built, but not in the golden site", path.Clean(p))
				}
			}
		})
	}
}

// linksResolve checks a built site's links within it: every relative
// link leads to a file the site has, and its fragment, if any, to an
// element of that page (a page's own parts, a goal's section on another).
func linksResolve(t *testing.T, out memOutput) {
	t.Helper()
	ids := map[string]map[string]bool{}
	type link struct{ page, href string }
	var links []link
	for p, data := range out {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		doc, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		ids[p] = map[string]bool{}
		for n := range doc.Descendants() {
			for _, a := range n.Attr {
				switch {
				case a.Key == "id":
					ids[p][a.Val] = true
				case a.Key == "href" && n.Data == "a":
					links = append(links, link{p, a.Val})
				}
			}
		}
	}
	for _, l := range links {
		u, err := url.Parse(l.href)
		if err != nil || u.Scheme != "" || u.Host != "" {
			continue
		}
		target := l.page
		if u.Path != "" {
			target = path.Join(path.Dir(l.page), u.Path)
			if _, ok := out[target]; !ok {
				t.Errorf("%s: %q leads to no file of the site", l.page, l.href)
				continue
			}
		}
		if u.Fragment != "" && ids[target] != nil && !ids[target][u.Fragment] {
			t.Errorf("%s: %q: no element with id %q", l.page, l.href, u.Fragment)
		}
	}
}
