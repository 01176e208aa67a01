package load

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDirReadsLikeOS(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"empty.md":         nil,
		"a/small.md":       []byte("+++\n+++\nhei"),
		"a/b/large.csv":    bytes.Repeat([]byte("2026-01,a,g,1,,\n"), 100_000),
		"a/æøå med rom.md": []byte("navn"),
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	site := Dir(dir)
	for name, want := range files {
		got, err := fs.ReadFile(site, name)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: read %d bytes, %v; want %d bytes", name, len(got), err, len(want))
		}
	}
	if _, err := fs.ReadFile(site, "a/missing.md"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %v, want not exist", err)
	}
	if _, err := fs.ReadFile(site, "../outside"); err == nil || !strings.Contains(err.Error(), "invalid") {
		t.Errorf("a path out of the site: %v, want invalid", err)
	}
	if _, err := fs.ReadFile(site, "a"); err == nil {
		t.Error("a folder read as a file")
	}
	// The rest is os.DirFS's: listing, stat and links.
	entries, err := fs.ReadDir(site, "a")
	if err != nil || len(entries) != 3 {
		t.Errorf("ReadDir: %v, %v", entries, err)
	}
}
