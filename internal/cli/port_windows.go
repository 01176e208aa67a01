package cli

import (
	"errors"

	"golang.org/x/sys/windows"
)

// portInUse reports whether err, from listening on a port, says another
// program listens there: Windows Sockets' own error, which syscall's
// EADDRINUSE is not.
func portInUse(err error) bool { return errors.Is(err, windows.WSAEADDRINUSE) }

// portRefused reports whether err, from listening on a port, says the
// port needs rights the user does not have, or is reserved (as Hyper-V
// reserves ranges of ports).
func portRefused(err error) bool { return errors.Is(err, windows.WSAEACCES) }
