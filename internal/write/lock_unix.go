//go:build unix

package write

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"

	"github.com/malekort/malekort/internal/diag"
)

// lock takes the output folder for one build at a time, so that a build
// removing what a killed one left cannot remove another's work. A file
// system without locks (some shares) is written unlocked.
func lock(dir string) (unlock func(), locked bool, err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, false, err
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, unix.EWOULDBLOCK) {
			return nil, false, &Refused{diag.P("%s: another build is writing into it; wait for it to end, or choose another --out", dir)}
		}
		return func() {}, false, nil
	}
	return func() { f.Close() }, true, nil
}
