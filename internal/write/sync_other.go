//go:build !linux

package write

import (
	"os"
	"runtime"
)

// syncTree fsyncs every file and folder under dir.
func syncTree(dir string) error {
	if runtime.GOOS == "windows" {
		// Windows cannot open a folder to sync it; NTFS journals its
		// folders' entries itself.
		return syncEach(dir, func(p string) error {
			if info, err := os.Stat(p); err == nil && info.IsDir() {
				return nil
			}
			return syncPath(p)
		})
	}
	return syncEach(dir, syncPath)
}

func syncFolder(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	return syncPath(dir)
}

// startWriting does nothing where there is no way to start the writing
// of a file's data without waiting for it.
func startWriting(*os.File) {}
