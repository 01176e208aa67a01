package load

import (
	"errors"
	"io/fs"
	"path"
	"strings"

	"github.com/malekort/malekort/internal/config"
	"github.com/malekort/malekort/internal/diag"
)

// checkLinks refuses symbolic links that lead out of the site. A pull
// request could otherwise add content/x.md pointing at a file of the
// machine that builds, and publish it to the whole organisation.
func checkLinks(fsys fs.FS, errs *diag.List) {
	check := func(name string) {
		if outside(fsys, name) {
			errs.Add(diag.Pos{Path: name}, "is a symbolic link to a file outside the site: copy the file into the site instead")
		}
	}
	for _, name := range []string{config.Path, OrgPath, GoalsPath} {
		check(name)
	}
	for _, dir := range []string{"data", ContentDir, TemplateDir} {
		check(dir)
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
}

// outside reports whether name is a symbolic link whose target, followed
// link by link, lies outside fsys.
func outside(fsys fs.FS, name string) bool {
	for range 40 {
		info, err := fs.Lstat(fsys, name)
		if err != nil {
			// A missing file is reported where it is needed; a file system
			// that cannot tell links (testing's MapFS) has none.
			return false
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			return false
		}
		target, err := fs.ReadLink(fsys, name)
		if err != nil {
			return !errors.Is(err, errors.ErrUnsupported)
		}
		if path.IsAbs(target) || strings.HasPrefix(target, `\`) || (len(target) > 1 && target[1] == ':') {
			return true
		}
		name = path.Join(path.Dir(name), target)
		if name == ".." || strings.HasPrefix(name, "../") {
			return true
		}
	}
	return true // a loop
}
