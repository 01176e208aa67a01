package load

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
)

// records reads CSV records as encoding/csv does (FieldsPerRecord -1, no
// lazy quotes, no comments), faster for the lines most exports are made
// of: a line without a quote is split where it stands, into one string.
// From the first line with a quote on, the rest of the file goes to
// encoding/csv, which knows quoted fields across lines, and its line
// numbers are carried on. At ten times NAV's size encoding/csv took a
// fifth of a build's processor time.
type records struct {
	br     *bufio.Reader
	delim  byte
	line   int // the number of the last line read
	long   []byte
	fields []string
	cols   []int // where each field of the last record starts, from 1

	cr     *csv.Reader // nil until a line has a quote
	crBase int         // the lines read before cr began
}

func newRecords(br *bufio.Reader, delim byte) *records {
	return &records{br: br, delim: delim}
}

// Read returns the next record, in a slice the next call reuses.
func (r *records) Read() ([]string, error) {
	if r.cr != nil {
		rec, err := r.cr.Read()
		return rec, r.fixError(err)
	}
	for {
		line, raw, err := r.readLine()
		if err != nil {
			return nil, err
		}
		if len(line) == 0 {
			continue // an empty line is no record
		}
		if bytes.IndexByte(line, '"') >= 0 {
			r.crBase = r.line - 1
			r.cr = csv.NewReader(io.MultiReader(bytes.NewReader(bytes.Clone(raw)), r.br))
			r.cr.Comma = rune(r.delim)
			r.cr.FieldsPerRecord = -1
			r.cr.ReuseRecord = true
			return r.Read()
		}
		s := string(line)
		r.fields, r.cols = r.fields[:0], r.cols[:0]
		for start := 0; ; {
			r.cols = append(r.cols, start+1)
			i := bytes.IndexByte(line[start:], r.delim)
			if i < 0 {
				r.fields = append(r.fields, s[start:])
				return r.fields, nil
			}
			r.fields = append(r.fields, s[start:start+i])
			start += i + 1
		}
	}
}

// FieldPos is where field i of the last record starts, as in encoding/csv.
func (r *records) FieldPos(i int) (line, column int) {
	if r.cr != nil {
		line, column = r.cr.FieldPos(i)
		return line + r.crBase, column
	}
	return r.line, r.cols[i]
}

func (r *records) fixError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		pe.StartLine += r.crBase
		pe.Line += r.crBase
	}
	return err
}

// readLine reads a line, returning it without its end ("\n", "\r\n", or a
// "\r" that ends the file, as encoding/csv drops them) and as read. err is
// io.EOF when there is no line left, or the reader's error.
func (r *records) readLine() (line, raw []byte, err error) {
	raw, err = r.br.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		r.long = append(r.long[:0], raw...)
		for errors.Is(err, bufio.ErrBufferFull) {
			raw, err = r.br.ReadSlice('\n')
			r.long = append(r.long, raw...)
		}
		raw = r.long
	}
	if err == io.EOF && len(raw) > 0 {
		err = nil // the last line, without an end
	}
	if err != nil {
		return nil, nil, err
	}
	r.line++
	line = raw
	if n := len(line); n > 0 && line[n-1] == '\n' {
		line = line[:n-1]
		if n := len(line); n > 0 && line[n-1] == '\r' {
			line = line[:n-1]
		}
	} else if n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return line, raw, err
}
