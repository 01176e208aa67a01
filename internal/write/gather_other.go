//go:build !linux

package write

import (
	"bufio"
	"os"
	"sync"
)

// gather writes parts to f one after another. Many small parts (a CSV
// file's blocks) are gathered into fewer writes; each is a system call.
func gather(f *os.File, parts [][]byte) error {
	w := writers.Get().(*bufio.Writer)
	defer writers.Put(w)
	w.Reset(f)
	defer w.Reset(nil)
	for _, part := range parts {
		if _, err := w.Write(part); err != nil {
			return err
		}
	}
	return w.Flush()
}

var writers = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 256<<10) }}
