package load

import (
	"archive/zip"
	"bytes"
	"io"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/model"
	"github.com/xuri/excelize/v2"
)

// Limits on a results workbook: a results table of millions of rows is
// far below them, a zip bomb far above. excelize keeps a sheet above the
// XML limit in a temporary file and reads it row by row, but every other
// part whole in memory, and takes minutes over a table of texts of
// hundreds of megabytes that a file of one or two packs: those parts have
// a lower limit, far above the tens of kilobytes of NAV's workbooks.
const (
	maxWorkbookBytes     = 1 << 30
	maxWorkbookXMLBytes  = 64 << 20
	maxWorkbookPartBytes = 16 << 20
)

// readWorkbook reads every sheet of an Excel workbook whose first row is a
// results header as a table, and names the other sheets in a notice. A
// workbook with no such sheet is an error that says what header is
// expected. Cells are read as they are kept, not as they are formatted,
// so a number has its decimal point and no grouping.
func (r *resultReader) readWorkbook(path string, file int16, src io.Reader, rows []model.Result, sheets *[]string, errs *diag.List) []model.Result {
	// excelize keeps a sheet above the XML limit in a temporary file, and
	// where the workbook then turns out unreadable, returns no workbook to
	// close that would remove it: give it a folder that goes in any case.
	tmp, err := os.MkdirTemp("", "malekort-workbook-")
	if err == nil {
		defer os.RemoveAll(tmp)
	}
	data, err := io.ReadAll(src) // as excelize would
	if err != nil {
		errs.AddIO(diag.Pos{Path: path}, err)
		return rows
	}
	if part, size := largePart(data); part != "" {
		errs.Add(diag.Pos{Path: path}, "the workbook's part %s unpacks to %s MB, more than a results workbook holds (%s MB): save the results as CSV", part, diag.Number{V: float64(size) / (1 << 20), Decimals: 1}, diag.Number{V: maxWorkbookPartBytes >> 20})
		return rows
	}
	wb, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true, UnzipSizeLimit: maxWorkbookBytes, UnzipXMLSizeLimit: maxWorkbookXMLBytes, TmpDir: tmp})
	if err != nil {
		errs.Add(diag.Pos{Path: path}, "cannot read the workbook (%v): save it again from Excel as .xlsx, or as CSV", err)
		return rows
	}
	defer wb.Close()
	found := false
	var skipped []string // the sheets without a results header
	for _, sheet := range wb.GetSheetList() {
		it, err := wb.Rows(sheet)
		if err != nil {
			errs.Add(diag.Pos{Path: path, Sheet: sheet}, "cannot read the sheet (%v): save the workbook again from Excel", err)
			continue
		}
		recs := &sheetRecords{rows: it}
		header, err := recs.Read()
		if err == io.EOF {
			// An empty sheet, as a new workbook has: nothing to skip.
			it.Close()
			continue
		}
		cols, ok := resultHeader(header)
		if err != nil || !ok {
			skipped = append(skipped, sheet)
			it.Close()
			continue
		}
		found = true
		if len(*sheets) == math.MaxUint8 {
			errs.Add(diag.Pos{Path: path, Sheet: sheet}, "more than %d sheets of results in one workbook: split it in two", math.MaxUint8)
			it.Close()
			break
		}
		*sheets = append(*sheets, sheet)
		rows = r.readTable(&table{recs: recs, path: path, sheet: sheet, sheetIndex: uint8(len(*sheets)), errs: errs}, file, header, cols, rows)
		it.Close()
	}
	// Told once a workbook: NAV's have a sheet of notes beside each
	// table. Where none has a header, the error says it of them all.
	switch {
	case !found:
	case len(skipped) == 1:
		errs.AddNotice(diag.Pos{Path: path, Sheet: skipped[0]}, "sheet skipped: its first row is not a results header (%s)", headerHint)
	case len(skipped) > 1:
		errs.AddNotice(diag.Pos{Path: path}, "%s sheets skipped, %s: their first row is not a results header (%s)", diag.Number{V: float64(len(skipped))}, quotedList(skipped), headerHint)
	}
	if !found {
		errs.Add(diag.Pos{Path: path}, "no sheet of the workbook has a results header: the first row of a sheet must name %s, in any order; a table laid out for reading, as in NAV's workbooks (a title above it, a column for each month or figure), is to be given as rows instead, one for each month, unit and goal, with the figure in a value column", headerHint)
	}
	return rows
}

// worksheet matches the names of the parts excelize reads row by row.
var worksheet = regexp.MustCompile(`^xl/worksheets/sheet\d+\.xml$`)

// largePart is the name and unpacked size of a part of the workbook data,
// other than a sheet, that unpacks to more than maxWorkbookPartBytes, or
// "". The sizes are those the zip file gives, which reading it holds each
// part to. A file that is no zip is left for excelize to refuse.
func largePart(data []byte) (string, uint64) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", 0
	}
	for _, f := range z.File {
		if !worksheet.MatchString(f.Name) && f.UncompressedSize64 > maxWorkbookPartBytes {
			return f.Name, f.UncompressedSize64
		}
	}
	return "", 0
}

// sheetRecords are a sheet's rows as records; an empty row is an empty
// record, so that rows keep their numbers. A sheet leaves out a row's empty
// cells at its end: each record is filled out to the header's width.
type sheetRecords struct {
	rows  *excelize.Rows
	line  int
	width int
}

func (s *sheetRecords) Read() ([]string, error) {
	if !s.rows.Next() {
		if err := s.rows.Error(); err != nil {
			return nil, err
		}
		return nil, io.EOF
	}
	s.line++
	rec, err := s.rows.Columns(excelize.Options{RawCellValue: true})
	if s.line == 1 {
		s.width = len(rec)
	}
	for len(rec) < s.width {
		rec = append(rec, "")
	}
	return rec, err
}

func (s *sheetRecords) FieldPos(i int) (line, col int) { return s.line, i + 1 }

// quotedList is names, each quoted, one after another.
func quotedList(names []string) string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = strconv.Quote(n)
	}
	return strings.Join(quoted, ", ")
}
