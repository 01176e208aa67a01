//go:build !linux

package write

import "errors"

var exchange = func(a, b string) error { return errors.ErrUnsupported }
