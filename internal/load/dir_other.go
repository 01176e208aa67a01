//go:build !unix

package load

import "os"

func readWhole(path string) ([]byte, error) { return os.ReadFile(path) }
