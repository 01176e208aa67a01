package load

import (
	"errors"
	"io/fs"
	"path"
	"strings"

	"github.com/malekort/malekort/internal/config"
	"github.com/malekort/malekort/internal/diag"
)

// checkLinks refuses symbolic links that lead out of the site, out of
// the folder they are in where its files are published (content/,
// templates/), or into a hidden file or folder. A pull request could
// otherwise add content/x.md pointing at a file of the machine that
// builds, or content/x.png or templates/assets/x.css at the raw results
// in data/ or the repository's .git/config, and publish it to the whole
// organisation. It returns fsys as the rest of the site is to be read:
// when the site has symbolic links, through them only to files inside it
// (see within), so that its other errors are found and reported with
// these without ever reading such a file.
func checkLinks(fsys fs.FS, errs *diag.List) fs.FS {
	links := false
	check := func(name string) (out bool) {
		link, to, refused := follow(fsys, name)
		links = links || link
		if link && refused == nil {
			refused = refusal(fsys, name, to)
		}
		if refused != nil {
			errs.Add(diag.Pos{Path: name}, "%s", refusedLink(refused))
		}
		return refused != nil
	}
	for _, name := range []string{config.Path, OrgPath, GoalsPath} {
		check(name)
	}
	for _, dir := range InputDirs {
		if check(dir) {
			continue // what is out there is not the site's to list
		}
		fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				check(p)
			}
			return nil
		})
	}
	if !links {
		// Without a link nothing can lead out, and reading stays as cheap
		// as the file system makes it.
		return fsys
	}
	return within{fsys}
}

// linkedFolder reports whether the entry d at p, met in a walk of the
// site for the files wanted picks, is a symbolic link to a folder inside
// it that holds such files, and if so says so: a walk does not go into
// it, so they would be left out without a word. (A folder of images
// that a text links through it is read as the text names it.)
func linkedFolder(fsys fs.FS, p string, d fs.DirEntry, wanted func(string) bool, errs *diag.List) bool {
	if d.Type()&fs.ModeSymlink == 0 {
		return false
	}
	if info, err := fs.Stat(fsys, p); err != nil || !info.IsDir() {
		return false
	}
	holds := false
	fs.WalkDir(fsys, p, func(q string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && wanted(q) {
			holds = true
			return fs.SkipAll
		}
		return nil
	})
	if holds {
		errs.Add(diag.Pos{Path: p}, "is a symbolic link to a folder, whose files are not read: put the folder itself here")
	}
	return holds
}

// follow reports whether name is a symbolic link, the path in fsys it
// leads to, and why its target, followed link by link, is refused:
// errOutside where it lies outside fsys, errLoop where it leads round in
// a loop, nil where neither.
func follow(fsys fs.FS, name string) (link bool, to string, refused error) {
	for i := range 40 {
		info, err := fs.Lstat(fsys, name)
		if err != nil {
			// A missing file is reported where it is needed; a file system
			// that cannot tell links (testing's MapFS) has none.
			return i > 0, name, nil
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			return i > 0, name, nil
		}
		target, err := fs.ReadLink(fsys, name)
		if err != nil {
			if errors.Is(err, errors.ErrUnsupported) {
				return true, name, nil
			}
			return true, "", errOutside
		}
		var ok bool
		if name, ok = join(path.Dir(name), target); !ok {
			return true, "", errOutside
		}
	}
	return true, "", errLoop
}

// refusal is why name, a path of the site that symbolic links lead to
// the path to inside it, is not read: errHidden where to is, or is in, a
// file or folder whose name begins with a dot (.git, .env); an
// outOfFolder where name is in content/ or templates/, whose files are
// published, and to is not in that folder (or where the folder itself
// is a link, in the folder it leads to); else nil.
func refusal(fsys fs.FS, name, to string) error {
	if Hidden(to) {
		return errHidden
	}
	top, _, _ := strings.Cut(name, "/")
	if top != ContentDir && top != TemplateDir {
		return nil
	}
	in := func(dir string) bool { return to == dir || strings.HasPrefix(to, dir+"/") }
	if in(top) {
		return nil
	}
	if _, root, refused := follow(fsys, top); refused == nil && in(root) {
		return nil
	}
	return outOfFolder{top}
}

// join is the path target leads to from the folder dir, and false when
// that is outside the site.
func join(dir, target string) (string, bool) {
	if path.IsAbs(target) || strings.HasPrefix(target, `\`) || (len(target) > 1 && target[1] == ':') {
		return "", false
	}
	name := path.Join(dir, target)
	return name, name != ".." && !strings.HasPrefix(name, "../")
}

// within is a site with symbolic links, read only where they lead inside
// it. A path in data/, content/ or templates/ is followed folder by
// folder, so that a link to a folder inside the site cannot lead on to a
// link out of it that checkLinks never walked; a path led out gives
// errOutside, which reads as a missing file. Other paths (node_modules,
// where npm may link a package from elsewhere) are read as they are.
type within struct{ fsys fs.FS }

// errOutside is the error of reading through a link out of the site.
// It is a missing file to whoever reads it: checkLinks has said why, and
// the site's files are read on without it.
var errOutside error = outsideError{}

type outsideError struct{}

func (outsideError) Error() string        { return "leads out of the site through a symbolic link" }
func (outsideError) Is(target error) bool { return target == fs.ErrNotExist }

// errLoop is the error of reading through links that lead round in a
// loop: refused as a link out is, and told otherwise.
var errLoop error = loopError{}

type loopError struct{}

func (loopError) Error() string        { return "leads round in a loop of symbolic links" }
func (loopError) Is(target error) bool { return target == errOutside || target == fs.ErrNotExist }

// errHidden and outOfFolder are the errors of reading through links that
// lead inside the site where nothing is to be read (see refusal):
// refused as a link out is, and told otherwise.
var errHidden error = hiddenError{}

type hiddenError struct{}

func (hiddenError) Error() string        { return "leads to a hidden file or folder through a symbolic link" }
func (hiddenError) Is(target error) bool { return target == errOutside || target == fs.ErrNotExist }

// outOfFolder is a link in folder (content, templates) out of it.
type outOfFolder struct{ folder string }

func (e outOfFolder) Error() string      { return "leads out of " + e.folder + "/ through a symbolic link" }
func (outOfFolder) Is(target error) bool { return target == errOutside || target == fs.ErrNotExist }

// refusedLink is what a reader says of a file that err refused.
func refusedLink(err error) diag.Phrase {
	switch {
	case errors.Is(err, errLoop):
		return diag.P("is a symbolic link that leads round in a loop of links: put the file or folder itself here")
	case errors.Is(err, errHidden):
		return diag.P("is a symbolic link to a hidden file or folder, which is never published: remove the link")
	}
	if out := (outOfFolder{}); errors.As(err, &out) {
		return diag.P("is a symbolic link to a file outside %s, which would publish it: put the file itself in %s", out.folder+"/", out.folder+"/")
	}
	return diag.P("is a symbolic link to a file outside the site: copy the file into the site instead")
}

func (w within) Open(name string) (fs.File, error) {
	name, err := w.resolve("open", name)
	if err != nil {
		return nil, err
	}
	return w.fsys.Open(name)
}

func (w within) ReadFile(name string) ([]byte, error) {
	name, err := w.resolve("read", name)
	if err != nil {
		return nil, err
	}
	return fs.ReadFile(w.fsys, name)
}

func (w within) ReadDir(name string) ([]fs.DirEntry, error) {
	name, err := w.resolve("readdir", name)
	if err != nil {
		return nil, err
	}
	return fs.ReadDir(w.fsys, name)
}

func (w within) Stat(name string) (fs.FileInfo, error) {
	name, err := w.resolve("stat", name)
	if err != nil {
		return nil, err
	}
	return fs.Stat(w.fsys, name)
}

// resolve is the path in the site that name leads to, every link on the
// way followed, so that opening it follows none.
func (w within) resolve(op, name string) (string, error) {
	if !fs.ValidPath(name) {
		return "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	top, _, _ := strings.Cut(name, "/")
	switch top {
	case config.Path, DataDir, ContentDir, TemplateDir:
	default:
		return name, nil
	}
	done, rest, links := "", name, 0
	for rest != "" {
		var elem string
		elem, rest, _ = strings.Cut(rest, "/")
		next := path.Join(done, elem)
		info, err := fs.Lstat(w.fsys, next)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			// A missing file is missing wherever it is looked for.
			done = next
			continue
		}
		target, err := fs.ReadLink(w.fsys, next)
		if links++; links > 40 {
			return "", &fs.PathError{Op: op, Path: name, Err: errLoop}
		}
		if err != nil {
			return "", &fs.PathError{Op: op, Path: name, Err: errOutside}
		}
		to, ok := join(done, target)
		if !ok {
			return "", &fs.PathError{Op: op, Path: name, Err: errOutside}
		}
		// The target may pass through links of its own: it is followed
		// from the top.
		done, rest = "", path.Join(to, rest)
	}
	if links > 0 {
		if err := refusal(w.fsys, name, done); err != nil {
			return "", &fs.PathError{Op: op, Path: name, Err: err}
		}
	}
	return done, nil
}
