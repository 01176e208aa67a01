// Package write publishes a built site into its output folder so that the
// folder always holds one whole site: the new one is written beside it and
// swapped in when complete, and a failed build leaves the old one as it was.
// It refuses to replace a folder holding files it did not write.
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

	"github.com/malekort/malekort/internal/diag"
)

// Manifest names the file listing what malekort wrote into an output folder.
const Manifest = ".malekort-files"

// Dir is an output folder being written.
type Dir struct {
	final string
	tmp   string
	mu    sync.Mutex
	files []string
}

// Refused is an output folder that malekort will not replace; the message
// says which and what to do, in words the command line translates.
type Refused struct{ msg diag.Phrase }

func (r *Refused) Error() string { return r.msg.String() }
func (r *Refused) Unwrap() error { return r.msg }

// Begin prepares to write the site into folder out.
func Begin(out string) (*Dir, error) {
	out = filepath.Clean(out)
	if err := checkOwned(out); err != nil {
		return nil, err
	}
	parent, base := filepath.Split(out)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	return &Dir{final: out, tmp: tmp}, nil
}

// checkOwned refuses an output folder that holds files malekort did not
// write: replacing it would delete them.
func checkOwned(out string) error {
	info, err := os.Lstat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return &Refused{diag.P("%s: not a folder; choose another --out", out)}
	}
	owned := map[string]bool{Manifest: true}
	if f, err := os.Open(filepath.Join(out, Manifest)); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			owned[sc.Text()] = true
		}
		f.Close()
	}
	var foreign []string
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		r, _ := filepath.Rel(out, p)
		if r = filepath.ToSlash(r); !owned[r] {
			foreign = append(foreign, r)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(foreign) > 0 {
		slices.Sort(foreign)
		var more diag.Phrase
		if len(foreign) > 5 {
			more = diag.P(" and %d more", len(foreign)-5)
			foreign = foreign[:5]
		}
		return &Refused{diag.P("%s holds files malekort did not write (%s%s): building would delete them; choose another --out, or move them away", out, strings.Join(foreign, ", "), more)}
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
		return err
	}
	d.mu.Lock()
	d.files = append(d.files, name)
	d.mu.Unlock()
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
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
	return err
}

// startWritingFrom is the size from which a file's writing to disk starts
// as soon as it is written. Starting it costs a call and a request to the
// disk per file; a page or a tertial report of a few dozen kilobytes is
// cheaper left to the sync before the swap, which sends many of them at
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

// Commit swaps the new site in for the old one.
func (d *Dir) Commit() error {
	slices.Sort(d.files)
	if err := os.WriteFile(filepath.Join(d.tmp, Manifest), []byte(strings.Join(d.files, "\n")+"\n"), 0o644); err != nil {
		d.Abort()
		return err
	}
	// Check again: files may have arrived while the site was built.
	if err := checkOwned(d.final); err != nil {
		d.Abort()
		return err
	}
	// The new files must be on disk before a rename makes them the site:
	// after a power cut a journalling file system may otherwise keep the
	// renames but not the data, a site of empty files.
	if err := durable.tree(d.tmp); err != nil {
		d.Abort()
		return err
	}
	if err := swap(d.tmp, d.final); err != nil {
		d.Abort()
		return err
	}
	// The swap is itself a change to the parent folder, durable once the
	// folder is synced.
	return durable.folder(filepath.Dir(d.final))
}

// durable are the steps that put what was written on disk: tree for every
// file and folder under a folder, before the swap, and folder for the
// parent folder's entries after it. Tests replace them to watch the order.
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

// Abort throws the new site away, leaving the old one untouched.
func (d *Dir) Abort() { os.RemoveAll(d.tmp) }

// swap puts the folder at tmp in place of final. Where the system can
// exchange two paths in one step readers never see a missing site;
// elsewhere the old site is moved aside first.
func swap(tmp, final string) error {
	if _, err := os.Lstat(final); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(tmp, final)
	}
	if err := exchange(tmp, final); err == nil {
		return os.RemoveAll(tmp) // tmp now holds the old site
	}
	old := tmp + ".old"
	if err := os.Rename(final, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, final); err != nil {
		os.Rename(old, final)
		return err
	}
	return os.RemoveAll(old)
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
