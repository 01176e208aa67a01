package load

import (
	"io/fs"
	"os"
)

// Dir is the site in the folder dir, as os.DirFS gives it, with a faster
// ReadFile: a site is thousands of small files (3,000 commentary files at
// NAV's size), and os.ReadFile spends more system calls on each than
// reading it takes (it readies the file for the network poller, and puts
// it back). The site's own files are read through this one.
func Dir(dir string) fs.FS {
	return siteDir{os.DirFS(dir).(osDirFS), dir}
}

// osDirFS is what os.DirFS gives.
type osDirFS interface {
	fs.ReadFileFS
	fs.ReadDirFS
	fs.StatFS
	fs.ReadLinkFS
}

type siteDir struct {
	osDirFS
	dir string
}

func (d siteDir) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrInvalid}
	}
	b, err := readWhole(d.dir + "/" + name)
	if err != nil {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: err}
	}
	return b, nil
}
