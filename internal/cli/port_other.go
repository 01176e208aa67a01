//go:build !windows

package cli

import (
	"errors"
	"syscall"
)

// portInUse reports whether err, from listening on a port, says another
// program listens there.
func portInUse(err error) bool { return errors.Is(err, syscall.EADDRINUSE) }

// portRefused reports whether err, from listening on a port, says the
// port needs rights the user does not have.
func portRefused(err error) bool { return errors.Is(err, syscall.EACCES) }
