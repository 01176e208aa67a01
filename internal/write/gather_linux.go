package write

import (
	"os"

	"golang.org/x/sys/unix"
)

// iovMax is how many parts one writev takes (IOV_MAX).
const iovMax = 1024

// gather writes parts to f one after another with writev, straight from
// where they are: copying a CSV file's blocks into a buffer first moved
// 70 MB more at NAV's size.
func gather(f *os.File, parts [][]byte) error {
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	for len(parts) > 0 {
		batch := parts[:min(len(parts), iovMax)]
		var n int
		var werr error
		if err := rc.Write(func(fd uintptr) bool {
			n, werr = unix.Writev(int(fd), batch)
			return werr != unix.EAGAIN
		}); err != nil {
			return err
		}
		if werr == unix.EINTR {
			continue
		}
		if werr != nil {
			return &os.PathError{Op: "write", Path: f.Name(), Err: werr}
		}
		// A short write leaves the rest of its part and the parts after.
		for len(parts) > 0 && n >= len(parts[0]) {
			n -= len(parts[0])
			parts = parts[1:]
		}
		if n > 0 {
			parts = append([][]byte{parts[0][n:]}, parts[1:]...)
		}
	}
	return nil
}
