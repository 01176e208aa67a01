package build

import (
	"bytes"
	"io/fs"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// FuzzSite checks and renders whole sites made of a fuzzed site.toml,
// org.toml, goals.toml, results file and commentary, the rest taken from
// the base site, and edits the commentary as serve does: no input makes a
// build panic, and every error it reports is at a place in its input.
func FuzzSite(f *testing.F) {
	fsys, _ := siteFS(f, "testdata/sites/basic.txtar")
	const commentary = "content/vest/arstad/2026-02.md"
	// Every case of the tests, each a site the fuzzer starts from.
	cases, _ := filepath.Glob("testdata/*/*.txtar")
	for _, c := range cases {
		site, _ := siteFS(f, c)
		files := make([][]byte, 5)
		for i, name := range []string{"site.toml", "data/org.toml", "data/goals.toml", "data/results/2026.csv", commentary} {
			if file, ok := site[name]; ok {
				files[i] = file.Data
			}
		}
		f.Add(files[0], files[1], files[2], files[3], files[4])
	}
	// testdata/fuzz/FuzzSite holds the inputs that crashed a build, or
	// were written to start the fuzzer on a rule: a site of offices without
	// counties, nan and inf, formulas in a commentary, a count and a share
	// of the same people.
	f.Fuzz(func(t *testing.T, settings, org, goals, results, text []byte) {
		site := fstest.MapFS{}
		for name, f := range fsys {
			site[name] = f
		}
		inputs := map[string][]byte{"site.toml": settings, "data/org.toml": org, "data/goals.toml": goals, "data/results/2026.csv": results, commentary: text}
		for name, data := range inputs {
			site[name] = &fstest.MapFile{Data: data}
		}
		errs, err := Build(site, defaults, memOutput{})
		if err != nil {
			t.Fatalf("build failed without input errors: %v", err)
		}
		// serve's way: the site with the base commentary, then the
		// commentary edited and its offices' pages made again.
		before := fstest.MapFS{}
		for name, f := range site {
			before[name] = f
		}
		before[commentary] = fsys[commentary]
		if c, _ := Check(before, defaults); c != nil {
			next, edit, editErrs, ok := c.EditCommentary(site, []string{commentary})
			errs = append(errs, editErrs...)
			if ok && editErrs == nil {
				if _, err := next.RenderEdit(edit, memOutput{}, func(string) []byte { return nil }, func([]string) {}); err != nil {
					t.Fatalf("edited commentary failed to render without input errors: %v", err)
				}
			}
		}
		for _, e := range errs {
			if e.Pos.Path == "" {
				t.Errorf("error names no file: %v", e)
				continue
			}
			if _, err := fs.Stat(site, e.Pos.Path); err != nil {
				if _, err := fs.Stat(defaults, e.Pos.Path); err != nil {
					t.Errorf("error names a file that is not in the input: %v", e)
				}
			}
			if data, ok := inputs[e.Pos.Path]; ok {
				if lines := bytes.Count(data, []byte("\n")) + 1; e.Pos.Line < 0 || e.Pos.Line > lines {
					t.Errorf("error at line %d of a %d-line file: %v", e.Pos.Line, lines, e)
				}
			}
		}
	})
}
