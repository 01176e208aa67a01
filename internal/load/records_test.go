package load

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"testing"
)

// FuzzRecordsLikeEncodingCSV checks that records reads every input as
// encoding/csv does: the same records, field positions and errors.
func FuzzRecordsLikeEncodingCSV(f *testing.F) {
	for _, s := range []string{
		"period,unit\n2026-01,a\n",
		"a;b\r\n\r\n1;2\r\n3;\"4\n5\";6\r\n7;8",
		"a,b\n\"x\"y,1\n2,3\n",
		"a\tb\n1\t2\r",
		"\n\n,\n,,\r\r\n\"",
		"x,\"\"\"\"\n",
	} {
		f.Add([]byte(s), byte(','))
		f.Add([]byte(s), byte(';'))
	}
	f.Fuzz(func(t *testing.T, src []byte, delim byte) {
		switch delim {
		case ',', ';', '\t':
		default:
			delim = ','
		}
		// A small buffer, so that long lines cross it.
		got := readAll(newRecords(bufio.NewReaderSize(bytes.NewReader(src), 16), delim))
		cr := csv.NewReader(bytes.NewReader(src))
		cr.Comma = rune(delim)
		cr.FieldsPerRecord = -1
		cr.ReuseRecord = true
		want := readAll(cr)
		if !slices.Equal(got, want) {
			t.Errorf("input %q, delimiter %q:\n got %q\nwant %q", src, delim, got, want)
		}
	})
}

type recordReader interface {
	Read() ([]string, error)
	FieldPos(int) (int, int)
}

// readAll describes every record and error of r, a line each.
func readAll(r recordReader) []string {
	var out []string
	for range 1000 {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			out = append(out, "error: "+err.Error())
			continue
		}
		s := ""
		for i, field := range rec {
			line, col := r.FieldPos(i)
			s += fmt.Sprintf("%d:%d %q ", line, col, field)
		}
		out = append(out, s)
	}
	return out
}
