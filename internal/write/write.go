// Package write publishes a built site into its output folder so that a
// failed build leaves the old site as it was: the new one is written into a
// hidden work folder inside the output folder and, once complete, moved in
// entry by entry in place of the old one's. The output folder itself stays
// (its permissions and group, a container's or a share's mount of it, a
// link to it), and it need be the only folder writable. It refuses to
// replace a folder holding files it did not write.
package write

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/malekort/malekort/internal/diag"
)

// Manifest names the file listing what malekort wrote into an output folder.
const Manifest = ".malekort-files"

// workPrefix begins the name of a build's work folder inside the output
// folder; a build killed before it ended leaves it, and a later one
// removes it (see removeWork). keptPrefix begins the name it is given
// where it holds what of an old site could not be put back (Stranded),
// which no build removes.
const workPrefix, keptPrefix = ".malekort.new-", ".malekort.kept-"

// Dir is an output folder being written.
type Dir struct {
	final  string
	work   string // the work folder: the new site in site/, the old one's entries moved to old/
	tmp    string // work/site
	unlock func()
	before manifest // the old site's, read under the lock
	// created says Begin made the output folder: a build that fails
	// leaves no empty folder where there was none.
	created bool
	mu      sync.Mutex
	files   []string
}

// Refused is an output folder that malekort will not replace; the message
// says which and what to do, in words the command line translates.
type Refused struct{ msg diag.Phrase }

func (r *Refused) Error() string { return r.msg.String() }
func (r *Refused) Unwrap() error { return r.msg }

// Begin prepares to write the site into folder out, creating it if need
// be. A link to a folder is written through.
func Begin(out string) (*Dir, error) {
	out = filepath.Clean(out)
	if real, err := filepath.EvalSymlinks(out); err == nil {
		out = real
	} else if link, lerr := os.Lstat(out); lerr == nil && link.Mode()&fs.ModeSymlink != 0 {
		return nil, &Refused{diag.P("%s: a link to a folder that is not there; make the folder, or choose another --out", out)}
	}
	info, err := os.Stat(out)
	created := errors.Is(err, fs.ErrNotExist)
	switch {
	case err == nil && !info.IsDir():
		return nil, &Refused{diag.P("%s: not a folder; choose another --out", out)}
	case err != nil && !created:
		return nil, err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	d := &Dir{final: out, unlock: func() {}, created: created}
	// Locked first, so that what is checked is no other build's half way.
	unlock, locked, err := lock(out)
	if err != nil {
		// Another build holds the folder: it may have made it.
		return nil, err
	}
	d.unlock = unlock
	if d.before, err = readManifest(out); err != nil {
		d.Abort()
		return nil, err
	}
	if err := checkOwned(out, d.before); err != nil {
		d.Abort()
		return nil, err
	}
	removeWork(out, locked)
	if d.work, err = os.MkdirTemp(out, workPrefix); err != nil {
		d.Abort()
		return nil, err
	}
	d.tmp = filepath.Join(d.work, "site")
	if err := os.Mkdir(d.tmp, 0o755); err != nil {
		d.Abort()
		return nil, err
	}
	return d, nil
}

// abandoned is how long a work folder lies unchanged before a build that
// could not lock the output folder takes it for a killed build's: no
// build takes an hour.
const abandoned = time.Hour

// removeWork removes the work folders in out that killed builds left:
// with the folder locked, every one; without a lock (Windows, a share
// without locks), where another build may be writing, those unchanged
// for longer than any build takes.
func removeWork(out string, locked bool) {
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if !isWork(e) {
			continue
		}
		if info, err := e.Info(); locked || err == nil && time.Since(info.ModTime()) > abandoned {
			os.RemoveAll(filepath.Join(out, e.Name()))
		}
	}
}

// isWork reports whether an entry of the output folder is a build's work
// folder.
func isWork(e fs.DirEntry) bool { return e.IsDir() && strings.HasPrefix(e.Name(), workPrefix) }

// isOurs reports whether an entry of the output folder is a build's work
// folder or one kept from a failed one: no part of the site.
func isOurs(e fs.DirEntry) bool {
	return isWork(e) || e.IsDir() && strings.HasPrefix(e.Name(), keptPrefix)
}

// litter are the files that file browsers make in the folders they show
// (thumbnails, folder settings, Apple's resource forks): a share's readers
// make them by opening the site. malekort may delete them with its own.
func litter(name string) bool {
	switch name {
	case ".DS_Store", "Thumbs.db", "ehthumbs.db", "desktop.ini", "Desktop.ini", ".directory":
		return true
	}
	return strings.HasPrefix(name, "._")
}

// manifest is what an output folder's manifest says, read once a build
// holds the folder: the files malekort wrote there, the entries of the
// folder's top they lie in, and its text.
type manifest struct {
	files  map[string]bool
	tops   map[string]bool
	text   []byte
	listed bool // the folder has one
}

// readManifest reads out's manifest, if it has one.
func readManifest(out string) (manifest, error) {
	m := manifest{files: map[string]bool{Manifest: true}, tops: map[string]bool{Manifest: true}}
	text, err := os.ReadFile(filepath.Join(out, Manifest))
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return m, err
	}
	m.text, m.listed = text, true
	for _, f := range strings.FieldsFunc(string(text), func(r rune) bool { return r == '\n' }) {
		m.files[f] = true
		top, _, _ := strings.Cut(f, "/")
		m.tops[top] = true
	}
	return m, nil
}

// checkOwned refuses an output folder that holds files malekort did not
// write, by its manifest m: replacing it would delete them.
func checkOwned(out string, m manifest) error {
	var foreign []string
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			// A folder the builder may not read at the top of the output
			// folder, a share's or a disk's root (lost+found, System
			// Volume Information), is not the site's, and a build leaves
			// it be (see moveIn). Deeper, it would go with the site's
			// folder around it.
			if r, _ := filepath.Rel(out, p); d != nil && d.IsDir() && filepath.Dir(p) == out && errors.Is(err, fs.ErrPermission) && !m.tops[r] {
				return fs.SkipDir
			}
			return err
		}
		if d.IsDir() {
			if filepath.Dir(p) == out && isOurs(d) {
				return fs.SkipDir
			}
			return nil
		}
		r, _ := filepath.Rel(out, p)
		if r = filepath.ToSlash(r); !m.files[r] && !litter(d.Name()) {
			foreign = append(foreign, r)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(foreign) > 0 {
		slices.Sort(foreign)
		var more, unlisted diag.Phrase
		// A site malekort wrote, copied without its manifest.
		if !m.listed && slices.Contains(foreign, "index.html") && slices.Contains(foreign, "assets/malekort.js") {
			unlisted = diag.P(" (it has no %s, the list of the files malekort wrote there: if a copy of a site left it out, copy it too)", Manifest)
		}
		if len(foreign) > 5 {
			more = diag.P(" and %d more", len(foreign)-5)
			foreign = foreign[:5]
		}
		return &Refused{diag.P("%s holds files malekort did not write (%s%s)%s: building would delete them; choose another --out, or move them away", out, strings.Join(foreign, ", "), more, unlisted)}
	}
	return nil
}

// Put writes one file of the site. It may be called concurrently.
func (d *Dir) Put(name string, parts ...[]byte) error {
	return d.PutEach(name, slices.Values(parts))
}

// PutEach writes one file of the site from parts, as they come. It may be
// called concurrently.
func (d *Dir) PutEach(name string, parts iter.Seq[[]byte]) error {
	if !fs.ValidPath(name) || strings.Contains(name, "\\") {
		return fmt.Errorf("refusing to write %q: not a path inside the site", name)
	}
	p := filepath.Join(d.tmp, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return d.named(err)
	}
	d.mu.Lock()
	d.files = append(d.files, name)
	d.mu.Unlock()
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return d.named(err)
	}
	w := writers.Get().(*bufio.Writer)
	w.Reset(f)
	size := 0
	for part := range parts {
		if _, err = w.Write(part); err != nil {
			break
		}
		size += len(part)
	}
	if err == nil {
		err = w.Flush()
	}
	w.Reset(nil)
	writers.Put(w)
	if err == nil && size >= startWritingFrom {
		startWriting(f)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return d.named(err)
}

// named is err, a failure to write a file or folder in the work folder,
// naming it by its place in the output folder, where the user looks.
func (d *Dir) named(err error) error {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		if rel, relErr := filepath.Rel(d.tmp, pathErr.Path); relErr == nil && !strings.HasPrefix(rel, "..") {
			return &fs.PathError{Op: pathErr.Op, Path: filepath.Join(d.final, rel), Err: pathErr.Err}
		}
	}
	return err
}

// startWritingFrom is the size from which a file's writing to disk starts
// as soon as it is written. Starting it costs a call and a request to the
// disk per file; a page or a tertial report of a few dozen kilobytes is
// cheaper left to the sync before the moves, which sends many of them at
// once, while a large CSV file or county page is worth having on its way.
const startWritingFrom = 256 << 10

// writers gather a file's small parts into fewer writes: a CSV file is
// hundreds of blocks of a few kilobytes, shared with other files, and a
// write of each costs the system more than copying them together. A part
// that does not fit fills the buffer, which is written out, and a part
// larger than the buffer then goes straight to the file.
var writers = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 64<<10) }}

// Files are the names of the files written so far, in no order.
func (d *Dir) Files() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return slices.Clone(d.files)
}

// Commit puts the new site in place of the old one.
func (d *Dir) Commit() error {
	slices.Sort(d.files)
	if err := os.WriteFile(filepath.Join(d.tmp, Manifest), []byte(strings.Join(d.files, "\n")+"\n"), 0o644); err != nil {
		d.Abort()
		return err
	}
	// Check again: files may have arrived while the site was built.
	if err := checkOwned(d.final, d.before); err != nil {
		d.Abort()
		return err
	}
	// The new files must be on disk before a rename makes them the site:
	// after a power cut a journalling file system may otherwise keep the
	// renames but not the data, a site of empty files.
	if err := durable.tree(d.work); err != nil {
		d.Abort()
		return err
	}
	if err := d.moveIn(); err != nil {
		if _, stranded := errors.AsType[*Stranded](err); stranded {
			d.unlock() // the work folder holds what the user must see
			return err
		}
		d.Abort()
		return err
	}
	// The moves are changes to the output folder, durable once it is
	// synced.
	err := durable.folder(d.final)
	d.end() // the work folder now holds the old site
	return err
}

// Stranded is a new site that could not be wholly moved in, and an old
// one that could not be wholly put back: the output folder holds parts of
// both, and the work folder what of the old site is not in it.
type Stranded struct{ msg diag.Phrase }

func (s *Stranded) Error() string { return s.msg.String() }
func (s *Stranded) Unwrap() error { return s.msg }

// listBoth lists the old site's files and the new one's in the output
// folder's manifest, on disk before any entry moves, so that a build
// killed while they move leaves no file of either that the next build
// would refuse. It gives the step that puts back the manifest before.
func (d *Dir) listBoth() (undo func() error, err error) {
	p := filepath.Join(d.final, Manifest)
	both := make([]string, 0, len(d.before.files)+len(d.files))
	for f := range d.before.files {
		if f != Manifest {
			both = append(both, f)
		}
	}
	both = append(both, d.files...)
	slices.Sort(both)
	saved, union := filepath.Join(d.work, "manifest-before"), filepath.Join(d.work, Manifest)
	if d.before.listed {
		if err := os.WriteFile(saved, d.before.text, 0o644); err != nil {
			return nil, err
		}
	}
	if err := writeSynced(union, []byte(strings.Join(slices.Compact(both), "\n")+"\n")); err != nil {
		return nil, err
	}
	if err := rename(union, p); err != nil {
		return nil, err
	}
	undo = func() error { return os.Remove(p) }
	if d.before.listed {
		undo = func() error { return rename(saved, p) }
	}
	return undo, durable.folder(d.final)
}

// writeSynced writes a file and puts it on disk.
func writeSynced(name string, data []byte) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// moveIn moves each entry of the new site in place of the old site's entry
// of that name, the manifest last, and the old site's entries that the new
// one lacks out of the way into the work folder (only the site's own: a
// folder of the system's at a disk's root stays); where a step fails,
// every step before it is undone. Where the system can exchange two paths
// in one step a reader never finds an entry missing; elsewhere the old
// entry is moved aside first.
func (d *Dir) moveIn() error {
	old := filepath.Join(d.work, "old")
	if err := os.Mkdir(old, 0o700); err != nil {
		return err
	}
	newEntries, err := os.ReadDir(d.tmp)
	if err != nil {
		return err
	}
	oldEntries, err := os.ReadDir(d.final)
	if err != nil {
		return err
	}
	putBack, err := d.listBoth()
	if err != nil {
		if putBack != nil {
			putBack()
		}
		return err
	}
	undo := []func() error{putBack}
	move := func(from, to string) error {
		if err := rename(from, to); err != nil {
			return err
		}
		undo = append(undo, func() error { return rename(to, from) })
		return nil
	}
	err = func() error {
		var names []string
		for _, e := range newEntries {
			if e.Name() != Manifest {
				names = append(names, e.Name())
			}
		}
		for _, e := range oldEntries {
			n := e.Name()
			if isOurs(e) || n == Manifest || slices.Contains(names, n) || !d.before.tops[n] && !litter(n) {
				continue
			}
			if err := move(filepath.Join(d.final, n), filepath.Join(old, n)); err != nil {
				return err
			}
		}
		for _, n := range append(names, Manifest) {
			from, to := filepath.Join(d.tmp, n), filepath.Join(d.final, n)
			if _, err := os.Lstat(to); err == nil {
				if exchange(from, to) == nil {
					undo = append(undo, func() error { return exchange(from, to) })
					continue
				}
				if err := move(to, filepath.Join(old, n)); err != nil {
					return err
				}
			}
			if err := move(from, to); err != nil {
				return err
			}
		}
		return nil
	}()
	if err == nil {
		return nil
	}
	// The manifest is put back last, and only where every entry was: else
	// the one that lists both sites stays, so that the next build may
	// replace what is there.
	var failed error
	for _, u := range slices.Backward(undo[1:]) {
		if uerr := u(); uerr != nil && failed == nil {
			failed = uerr
		}
	}
	if failed == nil {
		undo[0]()
		return err
	}
	kept := filepath.Join(d.final, keptPrefix+strings.TrimPrefix(filepath.Base(d.work), workPrefix))
	if os.Rename(d.work, kept) != nil {
		kept = d.work
	}
	return &Stranded{diag.P("%s: the new site could not be moved in (%v), nor the old one wholly put back (%v): the folder holds parts of both until a build succeeds; what of the old site is not in it is in %s, which no build removes", d.final, err, failed, kept)}
}

// rename is os.Rename; tests make it fail.
var rename = os.Rename

// durable are the steps that put what was written on disk: tree for every
// file and folder under a folder, before the moves, and folder for the
// output folder's entries, once its manifest lists both sites and again
// after the moves. Tests replace them to watch the order.
var durable = struct{ tree, folder func(string) error }{syncTree, syncFolder}

// syncEach syncs every file and folder under dir, dir itself last, with
// sync.
func syncEach(dir string, sync func(path string) error) error {
	var folders []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			folders = append(folders, p)
			return nil
		}
		return sync(p)
	})
	if err != nil {
		return err
	}
	// Deepest first, so that each folder's entries are on disk before
	// the entry that names the folder.
	for _, f := range slices.Backward(folders) {
		if err := sync(f); err != nil {
			return err
		}
	}
	return nil
}

// syncPath fsyncs the file or folder at p.
func syncPath(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// Abort removes the work folder, leaving the site in the output folder as
// it is, and lets other builds write there.
func (d *Dir) Abort() {
	d.end()
	if d.created {
		os.Remove(d.final) // only if empty
	}
}

// end removes the work folder and lets other builds write in the output
// folder.
func (d *Dir) end() {
	os.RemoveAll(d.work)
	d.unlock()
	d.unlock = func() {}
}

// exists is a file Create will not replace; it is an fs.ErrExist.
type exists string

func (e exists) Error() string { return e.Unwrap().Error() }
func (e exists) Unwrap() error {
	return diag.P("%s exists already; malekort does not overwrite it", string(e))
}
func (exists) Is(target error) bool { return target == fs.ErrExist }

// Create writes new files into dir, creating folders as needed. It never
// replaces a file: if one exists, nothing is written.
func Create(dir string, files map[string][]byte) error {
	names := make([]string, 0, len(files))
	for name := range files {
		if !fs.ValidPath(name) {
			return fmt.Errorf("refusing to write %q: not a path inside %s", name, dir)
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if _, err := os.Lstat(p); err == nil {
			return exists(p)
		}
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		_, err = f.Write(files[name])
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}
