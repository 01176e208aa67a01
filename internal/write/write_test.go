package write

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestPutParts writes a file of more parts than one system call takes,
// empty ones among them, and reads back their bytes in order.
func TestPutParts(t *testing.T) {
	dir, err := Begin(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	var parts [][]byte
	var want []byte
	for i := range 3100 { // writev takes 1024 at a time
		part := []byte(strconv.Itoa(i) + ";")
		switch i % 5 {
		case 0:
			part = nil
		case 1:
			part = bytes.Repeat(part, 5000)
		}
		parts = append(parts, part)
		want = append(want, part...)
	}
	parts = append(parts, nil, nil)
	if err := dir.Put("a/scorecard.csv", parts...); err != nil {
		t.Fatal(err)
	}
	if err := dir.Put("b.csv", nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := dir.Commit(); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir.final, "a", "scorecard.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("read back %d bytes, want %d (first difference at %d)", len(got), len(want), firstDifference(got, want))
	}
	if empty, err := os.ReadFile(filepath.Join(dir.final, "b.csv")); err != nil || len(empty) != 0 {
		t.Errorf("b.csv of empty parts: %q, %v", empty, err)
	}
}

func firstDifference(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
