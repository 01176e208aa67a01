package load

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// utf8BOM is UTF-8's byte order mark, which Excel and Notepad write first.
var utf8BOM = []byte("\xef\xbb\xbf")

// textEncoding is the encoding of a text file (a results file, a
// commentary) that begins with head, whole saying head is all of it: nil
// for UTF-8, with or without its byte order mark; UTF-16 where its byte
// order mark says so (Notepad's "Unicode"), or its zeros without one (see
// bomlessUTF16); and Windows-1252, which Excel and older editors on
// Norwegian Windows save, where head is not UTF-8.
// A byte order mark, or letters in UTF-8 ("mål", "Årstad"), make a file
// UTF-8: one with a byte that is not is mixed, and line and b are where
// that byte is and what it is, an error to tell where it stands rather
// than a reason to read "mål" as "mÃ¥l".
func textEncoding(head []byte, whole bool) (enc encoding.Encoding, line int, b byte, mixed bool) {
	if bytes.HasPrefix(head, []byte("\xff\xfe")) || bytes.HasPrefix(head, []byte("\xfe\xff")) {
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), 0, 0, false
	}
	if order, ok := bomlessUTF16(head); ok {
		return unicode.UTF16(order, unicode.IgnoreBOM), 0, 0, false
	}
	if validUTF8(head, whole) {
		return nil, 0, 0, false
	}
	if line, b, ok := strayByte(head, whole, bytes.HasPrefix(head, utf8BOM)); ok {
		return nil, line, b, true
	}
	return charmap.Windows1252, 0, 0, false
}

// strayByte finds, in a file that is not all UTF-8, the first byte that
// is not, and its line, where the file has a byte order mark or letters
// beyond ASCII in UTF-8 too: ok is false for a file without, which
// Windows-1252 reads (its letters æ, ø and å are never followed by the
// bytes that would make them UTF-8). whole says that head is the whole
// file; otherwise a rune cut off at its end is no stray byte.
func strayByte(head []byte, whole, bom bool) (line int, b byte, ok bool) {
	utf8Letters, stray := bom, -1
	line, strayLine := 1, 0
	for i := 0; i < len(head); {
		r, size := utf8.DecodeRune(head[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			if stray < 0 && (whole || i+utf8.UTFMax < len(head)) {
				stray, strayLine = i, line
			}
		case size > 1:
			utf8Letters = true
		case r == '\n':
			line++
		}
		i += size
	}
	if stray < 0 || !utf8Letters {
		return 0, 0, false
	}
	return strayLine, head[stray], true
}

// validUTF8 reports whether head is UTF-8, allowing, where it is not the
// whole file, a rune cut off at its end.
func validUTF8(head []byte, whole bool) bool {
	for i := 0; i < 3 && !whole && len(head) > 0 && !utf8.Valid(head); i++ {
		head = head[:len(head)-1]
	}
	return utf8.Valid(head)
}

// bomlessUTF16 tells UTF-16 saved without its byte order mark, as some
// exports are, and its byte order: in its first characters, Latin
// letters and digits, every other byte is 0, the high byte of each.
func bomlessUTF16(head []byte) (unicode.Endianness, bool) {
	n := min(len(head), 1024) &^ 1
	if n < 4 {
		return unicode.LittleEndian, false
	}
	zeros := [2]int{} // at even and odd offsets
	for i := range n {
		if head[i] == 0 {
			zeros[i%2]++
		}
	}
	chars := n / 2
	switch {
	case zeros[1]*2 >= chars && zeros[0]*8 < chars:
		return unicode.LittleEndian, true
	case zeros[0]*2 >= chars && zeros[1]*8 < chars:
		return unicode.BigEndian, true
	}
	return unicode.LittleEndian, false
}
