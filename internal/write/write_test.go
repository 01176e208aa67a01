package write

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestPutParts writes a file of thousands of parts, empty ones among them,
// and reads back their bytes in order.
func TestPutParts(t *testing.T) {
	dir, err := Begin(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	var parts [][]byte
	var want []byte
	for i := range 3100 {
		part := []byte(strconv.Itoa(i) + ";")
		switch i % 5 {
		case 0:
			part = nil
		case 1:
			part = bytes.Repeat(part, 5000)
		}
		parts = append(parts, part)
		want = append(want, part...)
	}
	parts = append(parts, nil, nil)
	if err := dir.Put("a/scorecard.csv", parts...); err != nil {
		t.Fatal(err)
	}
	if err := dir.Put("b.csv", nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := dir.Commit(); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir.final, "a", "scorecard.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("read back %d bytes, want %d (first difference at %d)", len(got), len(want), firstDifference(got, want))
	}
	if empty, err := os.ReadFile(filepath.Join(dir.final, "b.csv")); err != nil || len(empty) != 0 {
		t.Errorf("b.csv of empty parts: %q, %v", empty, err)
	}
}

func firstDifference(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestCommitIsDurable: the new site is synced before the swap makes it the
// site, and the parent folder after; a site that cannot be synced is not
// swapped in.
func TestCommitIsDurable(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	publish := func(text string) (*Dir, error) {
		dir, err := Begin(out)
		if err != nil {
			t.Fatal(err)
		}
		if err := dir.Put("index.html", []byte(text)); err != nil {
			t.Fatal(err)
		}
		return dir, dir.Commit()
	}
	if _, err := publish("old"); err != nil {
		t.Fatal(err)
	}
	saved := durable
	t.Cleanup(func() { durable = saved })
	var steps []string
	durable.tree = func(p string) error {
		page, _ := os.ReadFile(filepath.Join(out, "index.html"))
		manifest, _ := os.ReadFile(filepath.Join(p, Manifest))
		steps = append(steps, "tree "+filepath.Base(filepath.Dir(p))+" with "+string(manifest)+", site "+string(page))
		return nil
	}
	durable.folder = func(p string) error {
		page, _ := os.ReadFile(filepath.Join(out, "index.html"))
		steps = append(steps, "folder "+p+", site "+string(page))
		return nil
	}
	dir, err := publish("new")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"tree " + filepath.Base(filepath.Dir(out)) + " with index.html\n, site old", "folder " + filepath.Dir(out) + ", site new"}
	if !slices.Equal(steps, want) || !strings.HasPrefix(filepath.Base(dir.tmp), ".public.new-") {
		t.Errorf("steps %q, want %q", steps, want)
	}

	durable.tree = func(string) error { return errors.New("disk full") }
	if _, err := publish("lost"); err == nil {
		t.Error("a site that could not be synced was committed")
	}
	if page, _ := os.ReadFile(filepath.Join(out, "index.html")); string(page) != "new" {
		t.Errorf("site %q after a failed sync, want the one before", page)
	}
}

// TestSyncEach: where one call cannot sync a whole file system, every file
// and folder is synced, each folder after what it holds.
func TestSyncEach(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"index.html", "vest/index.html", "vest/arstad/index.html", "vest/arstad/scorecard.csv"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, nil, 0o644)
	}
	var synced []string
	err := syncEach(dir, func(p string) error {
		rel, _ := filepath.Rel(dir, p)
		synced = append(synced, filepath.ToSlash(rel))
		return syncPath(p)
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"index.html", "vest/arstad/index.html", "vest/arstad/scorecard.csv", "vest/index.html", "vest/arstad", "vest", "."}
	if !slices.Equal(synced, want) {
		t.Errorf("synced %q, want %q", synced, want)
	}
	if err := syncTree(dir); err != nil {
		t.Errorf("syncTree: %v", err)
	}
	if err := syncFolder(dir); err != nil {
		t.Errorf("syncFolder: %v", err)
	}
}
