package write

import (
	"bytes"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
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

// TestCommitIsDurable: the new site, written in a work folder inside the
// output folder, is synced before it is moved in; the output folder is
// synced once its manifest lists both sites, and again after the moves;
// a site that cannot be synced is not moved in.
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
		manifest, _ := os.ReadFile(filepath.Join(p, "site", Manifest))
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
	want := []string{"tree public with index.html\n, site old", "folder " + out + ", site old", "folder " + out + ", site new"}
	if !slices.Equal(steps, want) || filepath.Dir(dir.work) != out || !strings.HasPrefix(filepath.Base(dir.work), ".malekort.new-") {
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

// publish builds a site of files into out.
func publish(t *testing.T, out string, files map[string]string) error {
	t.Helper()
	dir, err := Begin(out)
	if err != nil {
		return err
	}
	for name, text := range files {
		if err := dir.Put(name, []byte(text)); err != nil {
			t.Fatal(err)
		}
	}
	return dir.Commit()
}

// tree is every file under dir with its text, the manifest and work
// folders included.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestOutputFolderStays: a new site replaces the old one inside the same
// output folder, which keeps its permissions (a container's mount of it
// and a group's access to it stay), and what the new site lacks is gone;
// no work folder is left. A link to a folder is written through.
func TestOutputFolderStays(t *testing.T) {
	real := filepath.Join(t.TempDir(), "site")
	if err := publish(t, real, map[string]string{"index.html": "old", "gone.csv": "x", "vest/index.html": "old vest", "nord/index.html": "nord"}); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(real, 0o750); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(real)
	out := filepath.Join(filepath.Dir(real), "public")
	if err := os.Symlink(real, out); err != nil {
		t.Fatal(err)
	}
	if err := publish(t, out, map[string]string{"index.html": "new", "vest/index.html": "new vest", "vest/arstad/index.html": "arstad"}); err != nil {
		t.Fatal(err)
	}
	after, _ := os.Stat(real)
	if !os.SameFile(before, after) || after.Mode().Perm() != 0o750 {
		t.Errorf("output folder %v, mode %v after the build; want the same folder, mode 0750", after, after.Mode().Perm())
	}
	want := map[string]string{"index.html": "new", "vest/index.html": "new vest", "vest/arstad/index.html": "arstad", Manifest: "index.html\nvest/arstad/index.html\nvest/index.html\n"}
	if got := tree(t, real); !maps.Equal(got, want) {
		t.Errorf("output folder holds %q, want %q", got, want)
	}
	if link, err := os.Lstat(out); err != nil || link.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link to the output folder is no longer a link: %v %v", link, err)
	}
}

// TestFailedMoveIsUndone: where moving the new site in fails half way,
// the old site is put back as it was: exchanged entries exchanged back,
// moved ones moved back.
func TestFailedMoveIsUndone(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := publish(t, out, map[string]string{"a/index.html": "old a", "b/index.html": "old b", "c.html": "old c", "stale.html": "s"}); err != nil {
		t.Fatal(err)
	}
	before := tree(t, out)
	savedRename, savedExchange := rename, exchange
	t.Cleanup(func() { rename, exchange = savedRename, savedExchange })
	for _, c := range []struct {
		exchanges bool
		failAt    int
	}{
		// The renames: the manifest of both sites, stale.html aside, then
		// with exchanges a, b and c.html exchanged and d.html moved in
		// (the third), without them a aside, a in, b aside (the fifth).
		{exchanges: true, failAt: 3},
		{exchanges: false, failAt: 5},
	} {
		calls := 0
		rename = func(from, to string) error {
			if calls++; calls == c.failAt {
				return errors.New("the share went away")
			}
			return savedRename(from, to)
		}
		exchanges := 0
		exchange = func(a, b string) error {
			if !c.exchanges {
				return errors.ErrUnsupported
			}
			err := savedExchange(a, b)
			if err == nil {
				exchanges++
			}
			return err
		}
		err := publish(t, out, map[string]string{"a/index.html": "new a", "b/index.html": "new b", "c.html": "new c", "d.html": "new d"})
		rename, exchange = savedRename, savedExchange
		if err == nil {
			t.Fatal("a build whose move failed was committed")
		}
		if c.exchanges && exchanges > 0 && exchanges < 3 {
			t.Errorf("%d exchanges before the failure, want the three of a, b and c.html", exchanges)
		}
		if got := tree(t, out); !maps.Equal(got, before) {
			t.Errorf("exchanges %v: after a failed move the folder holds %q, want the old site %q", c.exchanges, got, before)
		}
	}
}

// TestFailedUndoKeepsTheOldSite: where a move fails and so does putting
// one back, the build says so and keeps its work folder under a name no
// build removes; the manifest still lists both sites, so that the next
// build goes through.
func TestFailedUndoKeepsTheOldSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := publish(t, out, map[string]string{"a/index.html": "old a", "b.html": "old b"}); err != nil {
		t.Fatal(err)
	}
	savedRename, savedExchange := rename, exchange
	t.Cleanup(func() { rename, exchange = savedRename, savedExchange })
	exchange = func(string, string) error { return errors.ErrUnsupported }
	calls := 0
	// The manifest of both, 0.html in, a aside, a in, b.html aside
	// (fails); then a back out and the old a back in, and 0.html back out
	// (fails): 0.html, new, stays.
	rename = func(from, to string) error {
		if calls++; calls == 5 || calls == 8 {
			return errors.New("the share went away")
		}
		return savedRename(from, to)
	}
	err := publish(t, out, map[string]string{"0.html": "new", "a/index.html": "new a", "b.html": "new b"})
	rename = savedRename
	if _, stranded := errors.AsType[*Stranded](err); !stranded || !strings.Contains(err.Error(), keptPrefix) {
		t.Fatalf("a failed undo: %v, want Stranded, naming the folder kept", err)
	}
	kept := func() bool {
		entries, _ := os.ReadDir(out)
		return slices.ContainsFunc(entries, func(e fs.DirEntry) bool { return strings.HasPrefix(e.Name(), keptPrefix) })
	}
	if got := tree(t, out); got["0.html"] != "new" || got["a/index.html"] != "old a" || !kept() {
		t.Errorf("after a failed undo the folder holds %q, want 0.html left, old a back and the work folder kept", got)
	}
	if err := publish(t, out, map[string]string{"a/index.html": "next a", "b.html": "next b"}); err != nil {
		t.Fatalf("the build after a failed undo: %v", err)
	}
	if !kept() {
		t.Errorf("the next build removed the folder kept")
	}
}

// TestKilledFirstBuild: a first build killed while its entries move in
// leaves an output folder whose every file its manifest lists, so that
// the next build goes through and removes the killed one's work.
func TestKilledFirstBuild(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("without flock a killed build's work folder stays for an hour")
	}
	out := filepath.Join(t.TempDir(), "public")
	dir, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"index.html", "a/index.html", "b/index.html"} {
		if err := dir.Put(name, []byte(name)); err != nil {
			t.Fatal(err)
		}
	}
	savedRename := rename
	t.Cleanup(func() { rename = savedRename })
	calls := 0
	rename = func(from, to string) error {
		// The manifest, then a moved in; killed before b.
		if calls++; calls == 3 {
			panic("killed")
		}
		return savedRename(from, to)
	}
	func() {
		defer func() { recover() }()
		dir.Commit()
	}()
	rename = savedRename
	dir.unlock() // as the killed process's end would
	if err := publish(t, out, map[string]string{"index.html": "next"}); err != nil {
		t.Fatalf("the build after a killed first one: %v", err)
	}
	if got, want := tree(t, out), map[string]string{"index.html": "next", Manifest: "index.html\n"}; !maps.Equal(got, want) {
		t.Errorf("output folder holds %q, want %q", got, want)
	}
}

// TestWhatIsNotForeign: the files that file browsers make in a share's
// folders, and the work folder of a build that was killed, do not stop a
// build; the killed build's work is removed, and a folder that is not
// the site's is left.
func TestWhatIsNotForeign(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := publish(t, out, map[string]string{"index.html": "old", "vest/index.html": "vest"}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{".DS_Store", "desktop.ini", "vest/Thumbs.db", "vest/._index.html", workPrefix + "123/site/index.html"} {
		p := filepath.Join(out, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A disk's or a share's own folder at its root is not the site's, and
	// stays.
	if err := os.Mkdir(filepath.Join(out, "lost+found"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := publish(t, out, map[string]string{"index.html": "new", "vest/index.html": "vest"}); err != nil {
		t.Fatal(err)
	}
	if got, want := tree(t, out), map[string]string{"index.html": "new", "vest/index.html": "vest", Manifest: "index.html\nvest/index.html\n"}; !maps.Equal(got, want) {
		t.Errorf("output folder holds %q, want %q", got, want)
	}
	if _, err := os.Stat(filepath.Join(out, "lost+found")); err != nil {
		t.Errorf("the disk's lost+found went with the old site: %v", err)
	}
}

// TestRefusals: a folder with a file malekort did not write is refused,
// saying which; a site copied without its manifest is told what it lacks;
// a link to nothing is told so; a folder another build is writing into is
// refused while it does.
func TestRefusals(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	os.MkdirAll(filepath.Join(out, "assets"), 0o755)
	os.WriteFile(filepath.Join(out, "index.html"), []byte("mine"), 0o644)
	_, err := Begin(out)
	if _, refused := errors.AsType[*Refused](err); !refused || !strings.Contains(err.Error(), "(index.html)") || strings.Contains(err.Error(), Manifest) {
		t.Errorf("a folder of someone's file: %v", err)
	}
	os.WriteFile(filepath.Join(out, "assets", "malekort.js"), []byte("copied"), 0o644)
	_, err = Begin(out)
	if _, refused := errors.AsType[*Refused](err); !refused || !strings.Contains(err.Error(), "it has no "+Manifest) {
		t.Errorf("a site copied without its manifest: %v", err)
	}
	os.RemoveAll(out)
	if runtime.GOOS != "windows" {
		if err := os.Symlink(filepath.Join(filepath.Dir(out), "gone"), out); err != nil {
			t.Fatal(err)
		}
		_, err = Begin(out)
		if _, refused := errors.AsType[*Refused](err); !refused || !strings.Contains(err.Error(), "a link to a folder that is not there") {
			t.Errorf("a link to nothing: %v", err)
		}
		os.Remove(out)
	}
	os.MkdirAll(out, 0o755)
	dir, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Begin(out)
	if _, refused := errors.AsType[*Refused](err); runtime.GOOS != "windows" && (!refused || !strings.Contains(err.Error(), "another build")) {
		t.Errorf("a second build into a folder being written: %v", err)
	}
	dir.Abort()
	if dir, err := Begin(out); err != nil {
		t.Errorf("after the first build ended: %v", err)
	} else {
		dir.Abort()
	}
	if _, err := os.Stat(out); err != nil {
		t.Errorf("a failed build removed the output folder it did not make: %v", err)
	}
}

// TestFailedFirstBuildLeavesNoFolder: a build that fails where there was
// no output folder leaves none.
func TestFailedFirstBuildLeavesNoFolder(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	dir, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := dir.Put("index.html", []byte("x")); err != nil {
		t.Fatal(err)
	}
	dir.Abort()
	if _, err := os.Lstat(out); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a failed first build left %s: %v", out, err)
	}
}

// TestFailureNamesTheOutputPath: a file that cannot be written is named
// by its place in the output folder, not in the hidden work folder.
func TestFailureNamesTheOutputPath(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	dir, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	defer dir.Abort()
	if err := dir.Put("vest", []byte("a file where a folder goes")); err != nil {
		t.Fatal(err)
	}
	err = dir.Put("vest/index.html", nil)
	var pathErr *fs.PathError
	if !errors.As(err, &pathErr) || pathErr.Path != filepath.Join(out, "vest") {
		t.Errorf("writing under a file: %v, want it to name %s", err, filepath.Join(out, "vest"))
	}
}
