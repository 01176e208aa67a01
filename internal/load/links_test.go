package load

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/malekort/malekort/internal/diag"
)

// TestLinksOutOfTheSite: a symbolic link that leads out of the site, or
// round in a loop, is an error at the link, and hides none of the site's other errors: the site
// is read on, through no such link, also one reached through a link to a
// folder inside the site, and nothing of what they lead to is read.
func TestLinksOutOfTheSite(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(secret, []byte("HEMMELIG = [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	site := linkedSite(t, map[string]string{
		"data/results/a.csv": "period,unit,goal,value\n2026-01,arstad,arbeid,9\n",
		"content/vest/arstad/2026-01.md": "+++\nauthor = \"Kari\"\n+++\n![Passord](pw.png)\n\nSe [rapporten](mangler.pdf),\n![figur](figur.svg) og ![bilde](borte.png).\n\n" +
			"![Via en mappe](mappe/gjemt.png)\n",
		"elsewhere/gjemt.png": "",
	}, map[string]string{
		"content/vest/arstad/pw.png":     secret,
		"content/vest/arstad/2026-02.md": secret,
		"data/results/b.csv":             secret,
		"templates/assets/x.js":          secret,
		// A folder outside those checked, reached by a link inside the
		// site, holding a link out of it.
		"content/vest/arstad/mappe": "../../../elsewhere",
		"elsewhere/gjemt.png":       secret,
		// Two links that lead to each other.
		"data/results/loop.csv":  "loop2.csv",
		"data/results/loop2.csv": "loop.csv",
	})
	_, s, read, errs := Load(os.DirFS(site))
	var got []string
	for _, e := range errs.Sorted() {
		got = append(got, e.Error())
		if strings.Contains(e.Error(), "HEMMELIG") {
			t.Errorf("an error quotes the file a link leads out to: %s", e.Error())
		}
	}
	want := []string{
		`content/vest/arstad/2026-01.md:4: "pw.png" is a symbolic link to a file outside the site: copy the file into the site instead`,
		`content/vest/arstad/2026-01.md:6: "mangler.pdf": no such file in content/vest/arstad`,
		`content/vest/arstad/2026-01.md:7: "borte.png": no such file in content/vest/arstad`,
		`content/vest/arstad/2026-01.md:7: "figur.svg" cannot be published: link images (png, jpg, gif, webp) or PDF files`,
		`content/vest/arstad/2026-01.md:9: "mappe/gjemt.png" is a symbolic link to a file outside the site: copy the file into the site instead`,
		`content/vest/arstad/2026-02.md: is a symbolic link to a file outside the site: copy the file into the site instead`,
		`content/vest/arstad/mappe: is a symbolic link to a file outside content/, which would publish it: put the file itself in content/`,
		`content/vest/arstad/pw.png: is a symbolic link to a file outside the site: copy the file into the site instead`,
		`data/results/b.csv: is a symbolic link to a file outside the site: copy the file into the site instead`,
		`data/results/loop.csv: is a symbolic link that leads round in a loop of links: put the file or folder itself here`,
		`data/results/loop2.csv: is a symbolic link that leads round in a loop of links: put the file or folder itself here`,
		`templates/assets/x.js: is a symbolic link to a file outside the site: copy the file into the site instead`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("errors\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if s == nil {
		t.Fatal("the site is not read on past the links")
	}
	if len(s.Results) != 1 || len(s.Commentary) != 1 {
		t.Errorf("%d results and %d commentaries read, want 1 and 1", len(s.Results), len(s.Commentary))
	}
	if len(s.Files) != 0 {
		t.Errorf("files read through links: %v", s.Files)
	}
	// Templates are read after load, through what it returns.
	for _, name := range []string{"templates/assets/x.js", "content/vest/arstad/mappe/gjemt.png", "content/vest/arstad/pw.png"} {
		if b, err := fs.ReadFile(read, name); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s reads as %q, %v; want it missing", name, b, err)
		}
	}
	if _, err := fs.ReadFile(read, "data/org.toml"); err != nil {
		t.Errorf("a file with no link on its way: %v", err)
	}
}

// TestFolderLinkedOut: a folder of the site that is a link out of it is
// one error, and what is out there (here a link, as /usr has thousands)
// is not listed.
func TestFolderLinkedOut(t *testing.T) {
	outside := t.TempDir()
	site := t.TempDir()
	if err := os.WriteFile(filepath.Join(site, "site.toml"), []byte("title = \"T\"\nlanguage = \"en\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "x"), filepath.Join(outside, "link")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if err := os.Symlink(outside, filepath.Join(site, "templates")); err != nil {
		t.Fatal(err)
	}
	var errs diag.List
	checkLinks(os.DirFS(site), &errs)
	want := "templates: is a symbolic link to a file outside the site: copy the file into the site instead"
	if len(errs) != 1 || errs[0].Error() != want {
		t.Errorf("errors %v, want only %q", errs, want)
	}
}

// TestFolderLinkedInside: a link to a folder inside the site that holds
// commentary or results is an error, since a walk of the site does not
// go into it and they would be left out without a word; a linked folder
// of images, which a text names its files through, is not.
func TestFolderLinkedInside(t *testing.T) {
	site := linkedSite(t, map[string]string{
		"content/delt/arstad/2026-01.md": "+++\nauthor = \"Kari\"\n+++\nTekst.\n",
		"archive/2025.csv":               "period,unit,goal,value\n",
		"content/bilder/graf.png":        "",
	}, map[string]string{
		"content/vest/arstad": "../delt/arstad",
		"data/results/old":    "../../archive",
		"content/vest/bilder": "../bilder",
	})
	_, _, _, errs := Load(os.DirFS(site))
	var got []string
	for _, e := range errs {
		if strings.Contains(e.Error(), "symbolic link to a folder") {
			got = append(got, e.Error())
		}
	}
	slices.Sort(got)
	want := []string{
		"content/vest/arstad: is a symbolic link to a folder, whose files are not read: put the folder itself here",
		"data/results/old: is a symbolic link to a folder, whose files are not read: put the folder itself here",
	}
	if !slices.Equal(got, want) {
		t.Errorf("errors\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestLinksInsideTheSite: a link in content/ or templates/ publishes what
// it leads to, so it must lead to a file in its folder: not to the raw
// results in data/, whose small numbers the site hides. No link leads into a hidden folder
// (.git/config holds a remote's token). Each is an error at the link and
// at the line that links it; a link from one file of content/ to another
// is read.
func TestLinksInsideTheSite(t *testing.T) {
	site := linkedSite(t, map[string]string{
		"data/results/a.csv":             "period,unit,goal,value\n2026-01,arstad,arbeid,9\n",
		".git/config":                    "HEMMELIG = [\n",
		"content/vest/arstad/ok.png":     "\x89PNG",
		"content/vest/arstad/2026-01.md": "+++\nauthor = \"Kari\"\n+++\n![Tall](tall.png)\n\nSe [oppsettet](config.pdf) og ![bilde](bilde.png).\n",
	}, map[string]string{
		"content/vest/arstad/tall.png":   "../../../data/results/a.csv",
		"content/vest/arstad/config.pdf": "../../../.git/config",
		"content/vest/arstad/bilde.png":  "ok.png",
		"data/results/c.csv":             "../../.git/config",
		"templates/assets/tall.css":      "../../data/results/a.csv",
	})
	_, s, read, errs := Load(os.DirFS(site))
	var got []string
	for _, e := range errs.Sorted() {
		got = append(got, e.Error())
	}
	want := []string{
		`content/vest/arstad/2026-01.md:4: "tall.png" is a symbolic link to a file outside content/, which would publish it: put the file itself in content/`,
		`content/vest/arstad/2026-01.md:6: "config.pdf" is a symbolic link to a hidden file or folder, which is never published: remove the link`,
		`content/vest/arstad/config.pdf: is a symbolic link to a hidden file or folder, which is never published: remove the link`,
		`content/vest/arstad/tall.png: is a symbolic link to a file outside content/, which would publish it: put the file itself in content/`,
		`data/results/c.csv: is a symbolic link to a hidden file or folder, which is never published: remove the link`,
		`templates/assets/tall.css: is a symbolic link to a file outside templates/, which would publish it: put the file itself in templates/`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("errors\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if s == nil {
		t.Fatal("the site is not read on past the links")
	}
	if _, ok := s.Files["vest/arstad/bilde.png"]; len(s.Results) != 1 || len(s.Files) != 1 || !ok {
		t.Errorf("%d results and the files %v read, want 1 and bilde.png", len(s.Results), slices.Collect(maps.Keys(s.Files)))
	}
	for _, name := range []string{"content/vest/arstad/tall.png", "content/vest/arstad/config.pdf", "data/results/c.csv", "templates/assets/tall.css"} {
		if b, err := fs.ReadFile(read, name); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s reads as %q, %v; want it missing", name, b, err)
		}
	}
}

// TestContentFolderLinkedInside: a site whose content/ is a link to a
// folder inside it (docs/content) is read through it, its links within
// that folder too.
func TestContentFolderLinkedInside(t *testing.T) {
	site := linkedSite(t, map[string]string{
		"data/results/a.csv":                  "period,unit,goal,value\n2026-01,arstad,arbeid,9\n",
		"docs/content/_index.md":              "Forsiden.\n",
		"docs/content/vest/arstad/2026-01.md": "+++\nauthor = \"Kari\"\n+++\n![Graf](graf.png)\n",
		"docs/content/bilder/graf.png":        "\x89PNG",
	}, map[string]string{
		"content":                           "docs/content",
		"docs/content/vest/arstad/graf.png": "../../bilder/graf.png",
	})
	_, s, _, errs := Load(os.DirFS(site))
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	if s.Front == nil || len(s.Commentary) != 1 || len(s.Files) != 1 {
		t.Errorf("front page text %v, %d commentaries, files %v; want all through the linked folder", s.Front != nil, len(s.Commentary), slices.Collect(maps.Keys(s.Files)))
	}
}

// linkedSite is a folder holding a site of one county, office and goal,
// the files given (by path and text) and the symbolic links given (by
// path and target, a link replacing a file of the same path); the test
// is skipped where the file system has no links.
func linkedSite(t *testing.T, files, links map[string]string) string {
	t.Helper()
	site := t.TempDir()
	all := map[string]string{
		"site.toml":     "title = \"T\"\nlanguage = \"en\"\n",
		"data/org.toml": "[[county]]\nid = \"vest\"\nname = \"Vest\"\n\n[[office]]\nid = \"arstad\"\nname = \"Årstad\"\ncounty = \"vest\"\n",
		"data/goals.toml": "[[goal]]\nid = \"arbeid\"\ntitle = \"Arbeid\"\nperspective = \"P\"\nunit = \"count\"\n" +
			"direction = \"higher\"\ntarget = 10\nyellow = 8\naggregate = \"sum\"\ndecimals = 0\n",
	}
	maps.Copy(all, files)
	for name, data := range all {
		p := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range links {
		p := filepath.Join(site, filepath.FromSlash(link))
		os.Remove(p)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	return site
}
