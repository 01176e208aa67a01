package write

import (
	"os"

	"golang.org/x/sys/unix"
)

// syncTree puts every file and folder under dir on disk with one syncfs of
// the file system that holds it: one wait for the disk instead of one per
// file of a site of thousands.
func syncTree(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = unix.Syncfs(int(f.Fd()))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func syncFolder(dir string) error { return syncPath(dir) }

// startWriting asks the kernel to begin putting f's data on disk now,
// without waiting: by the time the site is synced, most of it is there,
// written while the rest of the site was made.
func startWriting(f *os.File) {
	unix.SyncFileRange(int(f.Fd()), 0, 0, unix.SYNC_FILE_RANGE_WRITE)
}
