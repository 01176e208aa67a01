package build

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"testing/fstest"

	"github.com/malekort/malekort/internal/synth"
)

// TestCompiledPartials builds sites twice: as they are, where pages call
// the Go copies of malekort's partials, and with partials.html changed in
// a way that shows nothing (an empty string printed at the start of each
// partial), which makes every page run the partials' templates. The two
// sites must be the same byte for byte.
func TestCompiledPartials(t *testing.T) {
	partials, err := os.ReadFile("../../templates/partials.html")
	if err != nil {
		t.Fatal(err)
	}
	interpreted := regexp.MustCompile(`\{\{define "[a-z-]+"\}\}`).ReplaceAllString(string(partials), `$0{{""}}`)
	if interpreted == string(partials) {
		t.Fatal("partials.html defines no partials")
	}

	sites := map[string]fstest.MapFS{}
	for _, file := range []string{"testdata/sites/basic.txtar", "testdata/sites/english.txtar"} {
		sites[file], _ = siteFS(t, file)
	}
	// Input that every escaper has to handle, and a site with small
	// numbers suppressed and months missing.
	sites["hostile"], _ = siteFS(t, "testdata/sites/basic.txtar")
	for name, data := range hostile {
		sites["hostile"][name] = &fstest.MapFile{Data: []byte(data)}
	}
	sites["hostile"]["site.toml"] = &fstest.MapFile{Data: []byte(`title = "T"
language = "nb"
edit_url = "https://git.example.org/a b/'ø'+&<>/edit/{path}?x=1&y=%41%zz"
`)}
	sites["privacy"], _ = siteFS(t, "testdata/sites/basic.txtar")
	sites["privacy"]["data/results/2026.csv"] = &fstest.MapFile{Data: []byte(`period,unit,goal,value,numerator,denominator
2026-01,bergen-nord,arbeid,,1,3
2026-01,arstad,arbeid,,45,100
2026-02,bergen-nord,arbeid,,40,100
2026-02,tromso,arbeid,,1,4
2026-02,arstad,kontakter,8,,
`)}
	dir := t.TempDir()
	if err := synth.Write(dir, synth.Small, 1, ""); err != nil {
		t.Fatal(err)
	}
	sites["synth"] = fstest.MapFS{}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		sites["synth"][filepath.ToSlash(rel)] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sites["synth"]["node_modules/echarts/dist/echarts.common.min.js"] = &fstest.MapFile{Data: []byte("/* echarts */")}

	for name, site := range sites {
		t.Run(name, func(t *testing.T) {
			compiled := memOutput{}
			if errs, err := Build(site, defaults, compiled); errs != nil || err != nil {
				t.Fatal(errs, err)
			}
			site["templates/partials.html"] = &fstest.MapFile{Data: []byte(interpreted)}
			asWritten := memOutput{}
			if errs, err := Build(site, defaults, asWritten); errs != nil || err != nil {
				t.Fatal(errs, err)
			}
			for file, want := range asWritten {
				if got := compiled[file]; !bytes.Equal(got, want) {
					t.Errorf("%s differs when partials are compiled:\n%s", file, firstDifference(got, want))
				}
			}
			if len(compiled) != len(asWritten) {
				t.Errorf("%d files compiled, %d as written", len(compiled), len(asWritten))
			}
		})
	}
}

// firstDifference shows where two files part.
func firstDifference(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-80)
	return "compiled:    …" + string(got[from:min(len(got), i+80)]) + "\nas written:  …" + string(want[from:min(len(want), i+80)])
}
