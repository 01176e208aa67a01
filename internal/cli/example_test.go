package cli

import (
	"bytes"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/malekort/malekort/internal/build"
	"golang.org/x/net/html"
)

// repoRoot is the example site: the repository itself. It is found from
// this file, since script tests run the command in other folders.
var repoRoot = func() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}()

var defaults = os.DirFS(repoRoot)

// buildExample builds the example site into a new folder and returns it.
func buildExample(t *testing.T) string {
	t.Helper()
	for _, lib := range []string{build.EChartsPath, build.MiniSearchPath} {
		if _, err := os.Stat(filepath.Join(repoRoot, lib)); err != nil {
			t.Fatalf("%v: run npm ci in the repository first", err)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"build", "--source", repoRoot, "--out", out}, defaults, &stdout, &stderr); code != OK {
		t.Fatalf("malekort build: exit %d\n%s", code, stderr.String())
	}
	return out
}

// buildEdited builds a copy of the example site in which each file named
// in edits has its first occurrence of edit[0] replaced by edit[1], and
// returns the folder it was built into.
func buildEdited(t *testing.T, edits map[string][2]string) string {
	t.Helper()
	src := t.TempDir()
	for _, dir := range []string{"data", "content"} {
		if err := os.CopyFS(filepath.Join(src, dir), os.DirFS(filepath.Join(repoRoot, dir))); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"site.toml", "package.json", "package-lock.json"} {
		data, err := os.ReadFile(filepath.Join(repoRoot, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(src, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, edit := range edits {
		data, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte(edit[0])) {
			t.Fatalf("%s has no %s", name, edit[0])
		}
		if err := os.WriteFile(filepath.Join(src, name), bytes.Replace(data, []byte(edit[0]), []byte(edit[1]), 1), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(repoRoot, "node_modules"), filepath.Join(src, "node_modules")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"build", "--source", src, "--out", out}, defaults, &stdout, &stderr); code != OK {
		t.Fatalf("malekort build: exit %d\n%s", code, stderr.String())
	}
	return out
}

func TestExampleSiteBuildsAndEveryLinkResolves(t *testing.T) {
	out := buildExample(t)
	site := os.DirFS(out)
	ids := map[string]map[string]bool{} // page -> ids in it
	type ref struct{ page, target string }
	var refs []ref
	pages := 0
	err := fs.WalkDir(site, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		pages++
		data, err := fs.ReadFile(site, p)
		if err != nil {
			return err
		}
		doc, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			return err
		}
		ids[p] = map[string]bool{}
		for n := range doc.Descendants() {
			for _, a := range n.Attr {
				switch a.Key {
				case "id":
					ids[p][a.Val] = true
				case "href", "src":
					refs = append(refs, ref{p, a.Val})
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 30 {
		t.Fatalf("only %d pages", pages)
	}
	for _, r := range refs {
		u, err := url.Parse(r.target)
		if err != nil {
			t.Errorf("%s: bad URL %q", r.page, r.target)
			continue
		}
		if u.Scheme != "" || u.Host != "" || strings.HasPrefix(u.Path, "/") {
			t.Errorf("%s: %q leaves the site or breaks in a sub-folder", r.page, r.target)
			continue
		}
		target := r.page
		if u.Path != "" {
			if strings.HasSuffix(u.Path, "/") {
				t.Errorf("%s: %q names a folder, which a file share shows as a listing", r.page, r.target)
				continue
			}
			target = path.Join(path.Dir(r.page), u.Path)
			if strings.HasPrefix(target, "../") {
				t.Errorf("%s: %q leads above the site", r.page, r.target)
				continue
			}
			if _, err := fs.Stat(site, target); err != nil {
				t.Errorf("%s: %q: no such file", r.page, r.target)
				continue
			}
		}
		if u.Fragment != "" && strings.HasSuffix(target, ".html") && !ids[target][u.Fragment] {
			t.Errorf("%s: %q: no element with id %q", r.page, r.target, u.Fragment)
		}
	}
}

func TestExampleSiteBuildIsByteIdentical(t *testing.T) {
	a, b := buildExample(t), buildExample(t)
	files := 0
	err := filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(b, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files--
		}
		return err
	})
	if err != nil || files != 0 {
		t.Errorf("the builds have different files (%d)", files)
	}
}
