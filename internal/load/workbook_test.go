package load

import (
	"archive/zip"
	"bytes"
	"fmt"
	"hash/crc32"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/model"
	"github.com/xuri/excelize/v2"
)

// workbook makes an .xlsx file whose sheets hold the given rows.
func workbook(t testing.TB, sheets map[string][][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	first := true
	for name, rows := range sheets {
		if first {
			f.SetSheetName("Sheet1", name)
			first = false
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow(name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func readWorkbook(t testing.TB, data []byte) ([]any, diag.List) {
	var errs diag.List
	var sheets []string
	rows := testReader().readWorkbook("data/results/2026.xlsx", 0, bytes.NewReader(data), nil, &sheets, &errs)
	out := make([]any, len(rows))
	for i, r := range rows {
		out[i] = r
	}
	return out, errs
}

// TestWorkbook: a results sheet is read like a CSV file, numbers as the
// workbook keeps them; another sheet is skipped with a notice, an empty
// one without; errors name their sheet and cell.
func TestWorkbook(t *testing.T) {
	data := workbook(t, map[string][][]any{
		"Resultater": {
			{"Periode", "Enhet", "Mål", "Verdi", "Teller", "Nevner"},
			{"2022-01", 4601, "g", 4470.5},
			{},
			{"2022-01", "årstad", "h", nil, 12, 40},
			{"2022-01", "årstad", "g", "*"},
			{44562, "årstad", "g", 3},
			{"2022-02", "bergen-nrd", "g", "4 470"},
		},
		"Notater": {{"Tallene er hentet fra NAV."}},
		"Tom":     {},
	})
	rows, all := readWorkbook(t, data)
	errs, notices := all.Split()
	if len(rows) != 3 {
		t.Errorf("%d rows, want 3: %+v", len(rows), rows)
	}
	want := []string{
		`data/results/2026.xlsx:Resultater!A6: period "44562" is not a month: it is the date 2022-01-01, as a workbook keeps it, which a spreadsheet made of the month`,
		`data/results/2026.xlsx:Resultater!B7: unknown unit "bergen-nrd" (did you mean "bergen-nord"?)`,
	}
	if len(errs) != len(want) {
		t.Fatalf("errors %v, want %d", errs, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(errs[i].Error(), w) {
			t.Errorf("error %q, want %q…", errs[i].Error(), w)
		}
	}
	if len(notices) != 1 || !strings.HasPrefix(notices[0].Error(), "data/results/2026.xlsx:Notater: sheet skipped: its first row is not a results header") {
		t.Errorf("notices %v", notices)
	}
	if gh := errs[1].GitHub(); !strings.HasPrefix(gh, "::error file=data/results/2026.xlsx::Resultater!B7: unknown unit") {
		t.Errorf("annotation %q", gh)
	}
	// Several such sheets, as NAV's workbooks have beside their tables,
	// are one notice naming them.
	data = workbook(t, map[string][][]any{
		"Resultater":  {{"Periode", "Enhet", "Mål", "Verdi"}, {"2022-01", "årstad", "g", 3}},
		"Notater":     {{"Tallene er hentet fra NAV."}},
		"Om tabellen": {{"Kilde: NAV"}},
	})
	if _, all = readWorkbook(t, data); len(all) != 1 || !strings.HasPrefix(all[0].Error(), `data/results/2026.xlsx: 2 sheets skipped, "Notater", "Om tabellen": their first row is not a results header`) {
		t.Errorf("notices of two sheets skipped: %v", all)
	}
}

func TestWorkbookWithoutResults(t *testing.T) {
	_, errs := readWorkbook(t, workbook(t, map[string][][]any{"Ark1": {{"a", "b"}, {1, 2}}}))
	// NAV's own workbooks (HL060) have a title over a table with a column
	// for each month: the error says how to lay it out.
	errs, notices := errs.Split()
	if len(notices) != 0 {
		t.Errorf("notices of sheets skipped beside the error that none has a header: %v", notices)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "data/results/2026.xlsx: no sheet of the workbook has a results header: the first row of a sheet must name period,unit,goal,value") ||
		!strings.Contains(errs[0].Error(), "is to be given as rows instead, one for each month, unit and goal") {
		t.Errorf("errors %v", errs)
	}
	_, errs = readWorkbook(t, []byte("PK\x03\x04 not a workbook"))
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "data/results/2026.xlsx: cannot read the workbook") {
		t.Errorf("errors %v", errs)
	}
}

// FuzzReadWorkbook: whatever bytes a .xlsx file holds, malformed zip or
// XML, reading it gives rows or errors, never a panic.
func FuzzReadWorkbook(f *testing.F) {
	f.Add(workbook(f, map[string][][]any{"Resultater": {{"period", "unit", "goal", "value"}, {"2026-01", "årstad", "g", 1.5}}}))
	f.Add(workbook(f, map[string][][]any{"A": {{"x"}}}))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		readWorkbook(t, data)
	})
}

// TestWorkbookRowsKnowTheirSheet: a row from a workbook is placed by its
// sheet and row in what is said of it later (a notice, a duplicate), not
// by its row alone, which each sheet has.
func TestWorkbookRowsKnowTheirSheet(t *testing.T) {
	header := []any{"period", "unit", "goal", "value"}
	data := workbook(t, map[string][][]any{
		"Kontor": {header, {"2022-01", "årstad", "g", 3}},
		"Fylke":  {header, {}, {"2022-02", "årstad", "g", 4}},
	})
	var errs diag.List
	var sheets []string
	rows := testReader().readWorkbook("data/results/2026.xlsx", 0, bytes.NewReader(data), nil, &sheets, &errs)
	if len(errs) > 0 || len(rows) != 2 {
		t.Fatalf("rows %+v, errors %v", rows, errs)
	}
	site := &model.Site{ResultFiles: []string{"data/results/2026.xlsx"}, ResultSheets: [][]string{sheets}}
	want := map[string]string{"2022-01": "data/results/2026.xlsx:Kontor!2:2", "2022-02": "data/results/2026.xlsx:Fylke!3:3"}
	for i := range rows {
		if got := site.ResultPos(&rows[i]).String(); got != want[rows[i].Period.String()] {
			t.Errorf("row of %s is at %s, want %s", rows[i].Period, got, want[rows[i].Period.String()])
		}
	}
}

// TestWorkbookOfTooManySheets: a row keeps its sheet in a byte, so a
// workbook of more sheets of results than that counts is refused.
func TestWorkbookOfTooManySheets(t *testing.T) {
	sheets := map[string][][]any{}
	for i := range 256 {
		sheets[fmt.Sprintf("Ark %d", i)] = [][]any{{"period", "unit", "goal", "value"}, {"2022-01", "årstad", "g", 3}}
	}
	var errs diag.List
	var names []string
	rows := testReader().readWorkbook("data/results/2026.xlsx", 0, bytes.NewReader(workbook(t, sheets)), nil, &names, &errs)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "more than 255 sheets of results in one workbook") {
		t.Errorf("errors %v", errs)
	}
	if len(rows) != 255 || len(names) != 255 {
		t.Fatalf("%d rows from %d sheets, want 255 of each", len(rows), len(names))
	}
	for i := range rows {
		if rows[i].Sheet != uint8(i+1) {
			t.Errorf("row %d is on sheet %d, want %d", i, rows[i].Sheet, i+1)
		}
	}
}

// TestUnreadableWorkbookLeavesNoFileBehind: excelize keeps a sheet larger
// than the XML limit in a temporary file, and where the workbook then
// turns out unreadable it returns no workbook to close, so the file would
// stay behind on every build (serve builds on every save).
func TestUnreadableWorkbookLeavesNoFileBehind(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	body := []byte("<worksheet/>")
	// The header claims more than the limit; the body is short of it, so
	// copying it to the temporary file fails after the file is made.
	w, err := z.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Store,
		CRC32: crc32.ChecksumIEEE(body), CompressedSize64: uint64(len(body)), UncompressedSize64: maxWorkbookXMLBytes + 1})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(body)
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	_, errs := readWorkbook(t, b.Bytes())
	if e, _ := errs.Split(); len(e) == 0 {
		t.Fatal("the broken workbook was read without an error: the test has lost its case")
	}
	left, err := os.ReadDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range left {
		t.Errorf("left behind in the temporary folder: %s", e.Name())
	}
}

// TestWorkbookBomb: a workbook of a few kilobytes whose table of texts
// unpacks to megabytes past any results workbook's is refused before
// excelize reads it whole (680 MB from 1.6 MB took five minutes and
// 3.7 GB).
func TestWorkbookBomb(t *testing.T) {
	// The table of texts, and a part beside the sheets that is no sheet,
	// which excelize reads whole too.
	for _, part := range []string{"xl/sharedStrings.xml", "xl/worksheets/_rels/pad.xml.rels"} {
		var b bytes.Buffer
		z := zip.NewWriter(&b)
		w, err := z.Create(part)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(bytes.Repeat([]byte("<si><t>a</t></si>"), 4*maxWorkbookPartBytes/17))
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		_, errs := readWorkbook(t, b.Bytes())
		want := "data/results/2026.xlsx: the workbook's part " + part + " unpacks to 64.0 MB, more than a results workbook holds (16 MB): save the results as CSV"
		if len(errs) != 1 || errs[0].Error() != want {
			t.Errorf("%d bytes: errors %v, want %q", b.Len(), errs, want)
		}
	}
}

// TestWorkbookRowThatFailsStopsTheSheet: a row excelize cannot read (here
// past the last row a sheet may have) fails again at every read, so the
// sheet is read up to it, with the error, and no further.
func TestWorkbookRowThatFailsStopsTheSheet(t *testing.T) {
	rows := [][]any{{"period", "unit", "goal", "value"}}
	for range 60 {
		rows = append(rows, []any{"2026-01", "bergen-nord", "g", "ti"})
	}
	data := workbook(t, map[string][][]any{"Resultater": rows})
	// Add a row numbered past excelize's limit to the sheet.
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var content bytes.Buffer
		content.ReadFrom(r)
		r.Close()
		body := content.Bytes()
		if f.Name == "xl/worksheets/sheet1.xml" {
			body = bytes.Replace(body, []byte("</sheetData>"), []byte(`<row r="1048577"><c r="A1048577" t="inlineStr"><is><t>x</t></is></c></row></sheetData>`), 1)
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	done := make(chan diag.List)
	go func() {
		_, errs := readWorkbook(t, b.Bytes())
		done <- errs
	}()
	select {
	case errs := <-done:
		if !errs.HasIO() || errs.Count() < 60 {
			t.Errorf("errors %v (counted %d), want the 60 rows' and the failed read", errs, errs.Count())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("reading the sheet did not end")
	}
}
