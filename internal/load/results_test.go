package load

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/locale"
	"github.com/malekort/malekort/internal/model"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func testReader() *resultReader {
	r := newResultReader(&model.Site{
		Offices: []model.Office{
			{ID: "bergen-nord", Name: "NAV Bergen nord", County: "hordaland", Codes: []string{"4601"}},
			{ID: "årstad", Name: "NAV Årstad", County: "hordaland"},
			{ID: "oslo", Name: "NAV Oslo", County: "hordaland", Codes: []string{"0301"}},
			{ID: "sunnfjord", Name: "NAV Sunnfjord", County: "hordaland", Codes: []string{"4647", "4648"}},
		},
		Counties: []model.County{{ID: "hordaland", Name: "NAV Hordaland", Codes: []string{"12"}}},
		Goals:    []model.Goal{{ID: "g"}, {ID: "h"}},
	}, "nb")
	return &r
}

func readCSV(t *testing.T, src []byte) ([]model.Result, diag.List) {
	t.Helper()
	var errs diag.List
	rows, _ := testReader().read("data/results/test.csv", 0, bytes.NewReader(src), nil, &errs)
	return rows, errs
}

func TestCSVDialects(t *testing.T) {
	want := []model.Result{
		{Period: mustPeriod("2026-01"), Unit: 0, Goal: 0, Line: 2, HasValue: true, Value: 45.5},
		{Period: mustPeriod("2026-01"), Unit: 1, Goal: 1, Line: 3, HasRatio: true, Numerator: 1234, Denominator: 2000},
	}
	cases := map[string]string{
		"comma, point, LF":               "period,unit,goal,value,numerator,denominator\n2026-01,bergen-nord,g,45.5,,\n2026-01,årstad,h,,1234,2000\n",
		"semicolon, decimal comma, CRLF": "period;unit;goal;value;numerator;denominator\r\n2026-01;bergen-nord;g;45,5;;\r\n2026-01;årstad;h;;1234;2000\r\n",
		// Excel for Mac's "CSV (Macintosh)".
		"semicolon, decimal comma, CR": "period;unit;goal;value;numerator;denominator\r2026-01;bergen-nord;g;45,5;;\r2026-01;årstad;h;;1234;2000\r",
		"BOM, quoted, other order, extra columns": "\ufeff\"navn\";\"goal\";\"unit\";\"period\";\"denominator\";\"numerator\";\"value\"\r\n" +
			"\"NAV Bergen Nord; sentrum\";g;bergen-nord;2026-01;;;\"45,5\"\r\n\"Årstad\";h;årstad;2026-01;\"2 000\";\"1 234\";\r\n",
		"comma delimiter with quoted decimal comma": "period,unit,goal,value,numerator,denominator\n2026-01,bergen-nord,g,\"45,5\",,\n2026-01,årstad,h,,\"1.234\",\"2.000\"\n",
		"tab":                 "period\tunit\tgoal\tvalue\tnumerator\tdenominator\n2026-01\tbergen-nord\tg\t45.5\t\t\n2026-01\tårstad\th\t\t1234\t2000\n",
		"blank lines, spaces": "period, unit, goal, value, numerator, denominator\n\n 2026-01 , bergen-nord , g , 45.5 ,,\n2026-01,årstad,h,,1234,2000\n\n",
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			rows, errs := readCSV(t, []byte(src))
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			if len(rows) != 2 {
				t.Fatalf("got %d rows, want 2: %+v", len(rows), rows)
			}
			for i := range want {
				got := rows[i]
				got.Line = want[i].Line // blank lines shift lines; positions are tested below
				if got != want[i] {
					t.Errorf("row %d = %+v, want %+v", i, got, want[i])
				}
			}
		})
	}
}

func TestCSVWindows1252(t *testing.T) {
	src := "period;unit;goal;value;numerator;denominator;merknad\r\n2026-01;årstad;g;12,5;;;Økt fra forrige måned\r\n"
	enc, err := charmap.Windows1252.NewEncoder().Bytes([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(enc, []byte(src)) {
		t.Fatal("test input is not Windows-1252")
	}
	rows, errs := readCSV(t, enc)
	if len(errs) > 0 || len(rows) != 1 || rows[0].Unit != 1 || rows[0].Value != 12.5 {
		t.Fatalf("rows %+v, errors %v", rows, errs)
	}
}

// TestResultsInUTF16: a results file saved as UTF-16 (Notepad's
// "Unicode", either byte order) is read as what it is, with its byte
// order mark or without.
func TestResultsInUTF16(t *testing.T) {
	const src = "period;unit;goal;value\n2026-01;årstad;g;12,5\n"
	for _, order := range []unicode.Endianness{unicode.LittleEndian, unicode.BigEndian} {
		for _, bom := range []unicode.BOMPolicy{unicode.UseBOM, unicode.IgnoreBOM} {
			b, _ := unicode.UTF16(order, bom).NewEncoder().Bytes([]byte(src))
			rows, errs := readCSV(t, b)
			if len(errs) != 0 || len(rows) != 1 || rows[0].Value != 12.5 {
				t.Errorf("byte order %v, byte order mark %v: rows %+v, errors %v", order, bom == unicode.UseBOM, rows, errs)
			}
		}
	}
}

// TestStrayByte: a file with Norwegian letters in UTF-8, in its header or
// further down, and a byte that is not UTF-8 is told so at that byte's
// line; a Windows-1252 file with the same header is read.
func TestStrayByte(t *testing.T) {
	for _, header := range []string{"periode;enhet;mål;verdi;merknad\n", "period;unit;goal;value;note\n"} {
		src := header + "2026-01;årstad;g;12,5;\n2026-02;årstad;g;13,5;Tr\xf8ndelag\n"
		_, errs := readCSV(t, []byte(src))
		if len(errs) != 1 || errs[0].Error() != "data/results/test.csv:3: the byte 0xF8 is not UTF-8, though the rest of the file is: the file mixes two encodings (a part pasted from another file?); save it as UTF-8" {
			t.Errorf("%s: errors: %v", header, errs)
		}
	}
	// A stray byte among the last three of a file, and one in a file
	// with a byte order mark.
	for name, c := range map[string]struct {
		src  string
		line int
	}{
		"at the end":  {"period,unit,goal,value,name\n2026-01,bergen-nord,g,20,NAV F\xc3\xb8rde\n2026-01,årstad,g,30,NAV S\xf8r\n", 3},
		"after a BOM": {"\xef\xbb\xbfperiod,unit,goal,value,note\n2026-01,bergen-nord,g,1,S\xf8r\n", 2},
	} {
		_, errs := readCSV(t, []byte(c.src))
		if len(errs) != 1 || errs[0].Pos.Line != c.line || !strings.Contains(errs[0].Msg, "is not UTF-8") {
			t.Errorf("%s: errors: %v, want one at line %d", name, errs, c.line)
		}
	}
	// Windows-1252 whose only letter beyond ASCII is among its last bytes.
	latin, err := charmap.Windows1252.NewEncoder().Bytes([]byte("period,goal,value,unit\n2026-01,g,1,Sør\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, errs := readCSV(t, latin); len(errs) != 1 || !strings.Contains(errs[0].Msg, `"Sør"`) {
		t.Errorf("Windows-1252 ending in ø: errors %v, want the unknown unit \"Sør\"", errs)
	}
	enc, err := charmap.Windows1252.NewEncoder().Bytes([]byte("periode;enhet;mål;verdi\n2026-01;årstad;g;12,5\n"))
	if err != nil {
		t.Fatal(err)
	}
	if rows, errs := readCSV(t, enc); len(errs) > 0 || len(rows) != 1 || rows[0].Unit != 1 {
		t.Errorf("Windows-1252 with mål in its header: rows %+v, errors %v", rows, errs)
	}
}

func TestCSVErrors(t *testing.T) {
	header := "period,unit,goal,value,numerator,denominator\n"
	for _, c := range []struct {
		name, src, want string
	}{
		{"unknown unit with hint", header + "2026-01,bergen-nrd,g,1,,\n", `data/results/test.csv:2:9: unknown unit "bergen-nrd" (did you mean "bergen-nord"?)`},
		{"unknown goal", header + "2026-01,bergen-nord,x,1,,\n", `data/results/test.csv:2:21: unknown goal "x"`},
		{"bad period", header + "2026/13,bergen-nord,g,1,,\n", `data/results/test.csv:2:1: period "2026/13" is not a month: its month, 13, is not from 01 to 12`},
		{"period made a date", header + "01.11.2026,bergen-nord,g,1,,\n", `data/results/test.csv:2:1: period "01.11.2026" is not a month: it looks like a date a spreadsheet made of the month: format the period column as text`},
		{"period made a month name", header + "nov.26,bergen-nord,g,1,,\n", `data/results/test.csv:2:1: period "nov.26" is not a month: it looks like a date`},
		{"period made a day", header + "2026-11-01,bergen-nord,g,1,,\n", `data/results/test.csv:2:1: period "2026-11-01" is not a month: it looks like a date`},
		{"period far in the future", header + "9999-12,bergen-nord,g,1,,\n", `data/results/test.csv:2:1: period "9999-12" is not a month: its year is not from 1900 to 2199: check the year`},
		{"unit by its name", header + "2026-01,NAV Bergen Nord,g,1,,\n", `data/results/test.csv:2:9: unknown unit "NAV Bergen Nord" (did you mean "bergen-nord"?)`},
		{"unit by a misspelt name", header + "2026-01,NAV Sunfjord,g,1,,\n", `data/results/test.csv:2:9: unknown unit "NAV Sunfjord" (did you mean "sunnfjord"?)`},
		{"unit by a misspelt code", header + "2026-01,46477,g,1,,\n", `data/results/test.csv:2:9: unknown unit "46477" (did you mean "sunnfjord"?)`},
		{"code written as a decimal number", header + "2026-01,4647.0,g,1,,\n", `data/results/test.csv:2:9: unknown unit "4647.0" (did you mean "sunnfjord", by its code 4647? write the code without decimals): units are`},
		{"code and name in one cell", header + "2026-01,4647 Sunnfjord,g,1,,\n", `data/results/test.csv:2:9: unknown unit "4647 Sunnfjord" (did you mean "sunnfjord", by its code 4647? give the code alone): units are`},
		{"code of a municipality not in the site", header + "2026-01,1147,g,1,,\n", `data/results/test.csv:2:9: unknown unit "1147": units are`},
		{"code of a county's municipality", header + "2026-01,1233,g,1,,\n", `data/results/test.csv:2:9: unknown unit "1233": units are`},
		{"not a number", header + "2026-01,bergen-nord,g,abc,,\n", `data/results/test.csv:2:23: value "abc" is not a number`},
		{"too many digits", header + "2026-01,bergen-nord,g,123456789012345678901234567890,,\n", `data/results/test.csv:2:23: value "123456789012345678901234567890" has 30 digits, more than a figure here may have (15): check the cell`},
		{"no value", header + "2026-01,bergen-nord,g,,,\n", `data/results/test.csv:2: row has no value`},
		{"half a ratio", header + "2026-01,bergen-nord,g,,3,\n", `data/results/test.csv:2: give both numerator and denominator, or neither`},
		{"missing column", "period,unit,goal,numerator,denominator\n2026-01,bergen-nord,g,1,2\n", `data/results/test.csv:1: header has no "value" column`},
		{"a column for a goal", "periode,enhet,g\n2026-01,bergen-nord,4\n", `data/results/test.csv:1: the header has a column of its own for the goal "g": give each row its goal in a goal column`},
		{"missing columns", "periode,mål\n2026-01,g\n", `data/results/test.csv:1: header lacks the columns "unit", "value" ("enhet", "verdi" in Norwegian): the header must name`},
		{"a column for each figure", "fylke,kommunenr,kommunenavn,periode,helt_ledige_antall,helt_ledige_pst_av_arbeidsstyrken\nVestland,4601,Bergen,2022-01,5013,3.2\n",
			`data/results/test.csv:1: header lacks the columns "unit", "goal", "value" ("enhet", "mål", "verdi" in Norwegian), and malekort does not read its columns "fylke", "kommunenr", "kommunenavn", "helt_ledige_antall", "helt_ledige_pst_av_arbeidsstyrken": give a table with a column for each figure`},
		{"a delimiter not recognised", "period|unit|goal|value\n2026-01|bergen-nord|g|1\n", `data/results/test.csv:1: the header is one column, "period|unit|goal|value": separate its columns with commas, semicolons or tabs`},
		{"a column for each of many figures", "periode,enhet," + strings.Repeat("a,", 20) + strings.Repeat("b", 100) + "\n",
			`data/results/test.csv:1: header lacks the columns "goal", "value" ("mål", "verdi" in Norwegian), and malekort does not read its columns "a", "a", "a", "a", "a", "a", "a", "a", …: give`},
		{"ratio without its columns", "period,unit,goal,value\n2026-01,bergen-nord,g,\n", `data/results/test.csv:2:23: row has no value: give a value (or add numerator and denominator columns for a ratio), or leave the row out where the figure is missing (* where its source hid it)`},
		{"short row", header + "2026-01,bergen-nord\n", `data/results/test.csv:2: row has 2 fields, the header 6`},
		{"long row", header + "2026-01,bergen-nord,g,1,,,x\n", `data/results/test.csv:2: row has 7 fields, the header 6: check the delimiter`},
		{"row one short of a six-column header", header + "2026-01,bergen-nord,g,1,\n", `data/results/test.csv:2: row has 5 fields, the header 6`},
		{"decimal comma split", "period,unit,goal,value\n2026-11,bergen-nord,g,12,5\n", `data/results/test.csv:2:23: row has 5 fields, the header 4: is 12,5 one number with a decimal comma? In a comma-separated file it splits in two: write 12.5, put it in quotes, or save the file with semicolons`},
		{"decimal comma split before empty fields", header + "2026-11,bergen-nord,g,12,5,,\n", `data/results/test.csv:2:23: is 12,5 one number with a decimal comma? In a comma-separated file it splits in two, and its second part fills the numerator`},
		{"decimal comma split into a column without a name", "period,unit,goal,value,\n2026-11,bergen-nord,g,12,5\n", `data/results/test.csv:2:23: 5 in a column without a name: is 12,5 one number with a decimal comma?`},
		{"decimal comma split in a ratio", header + "2026-11,bergen-nord,g,,12,5,40\n", `data/results/test.csv:2:24: row has 7 fields, the header 6: is 12,5 one number with a decimal comma?`},
		{"bad quote", header + "2026-01,\"bergen-nord,g,1,,\n", `data/results/test.csv:2:`},
		{"quote too many", header + "2026-01,\"bergen\"-nord\",g,1,,\n", `data/results/test.csv:2:16: a field in quotes has a quote too many, or lacks its closing one: check the quoting of this line`},
		{"bare quote", header + "2026-01,bergen\"nord,g,1,,\n", `data/results/test.csv:2:15: a field without quotes around it has a quote in it (write it in quotes, with the quote doubled: "NAV ""Sentrum""")`},
		{"empty", "", `data/results/test.csv:1: file is empty`},
		{"mixed decimals", header + "2026-01,bergen-nord,g,1.5,,\n2026-02,bergen-nord,g,\"1,5\",,\n", `data/results/test.csv:3:23: value "1,5" has a decimal comma, but line 2 has a decimal point: use one of them in the whole file`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, errs := readCSV(t, []byte(c.src))
			if len(errs) == 0 {
				t.Fatalf("no error, want %q", c.want)
			}
			if got := errs[0].Error(); !strings.HasPrefix(got, c.want) {
				t.Errorf("error = %q\nwant prefix %q", got, c.want)
			}
		})
	}
}

// TestExportsAsPublished: NAV's tables as they come: Norwegian headers,
// no numerator and denominator columns, units by municipality number
// (with Excel's lost leading zero), suppression marks, and a
// spreadsheet's empty rows.
func TestExportsAsPublished(t *testing.T) {
	src := "Periode;Enhet;Mål;Verdi;Kommunenavn\r\n" +
		"2022-01;4601;g;4 470;Bergen\r\n" +
		"2022-01;301;g;13613;Oslo\r\n" +
		"2022-01;4647;g;*;Sunnfjord (del)\r\n" +
		"2022-01;4648;g;12;Sunnfjord (del)\r\n" +
		"2022-01;12;g;..;Hordaland\r\n" +
		";;;;\r\n;;;;\r\n"
	for _, mark := range []string{"*", ":", "..", ".", "x", "-"} {
		src += "2022-02;årstad;g;" + mark + ";\r\n"
	}
	rows, errs := readCSV(t, []byte(src))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := []model.Result{
		{Period: mustPeriod("2022-01"), Unit: 0, Code: 1, Line: 2, HasValue: true, Value: 4470},
		{Period: mustPeriod("2022-01"), Unit: 2, Code: 1, Line: 3, HasValue: true, Value: 13613},
		{Period: mustPeriod("2022-01"), Unit: 3, Code: 1, Line: 4, Suppressed: true},
		{Period: mustPeriod("2022-01"), Unit: 3, Code: 2, Line: 5, HasValue: true, Value: 12},
		{Period: mustPeriod("2022-01"), Unit: 4, Code: 1, Line: 6, Suppressed: true},
	}
	for i := range 6 {
		want = append(want, model.Result{Period: mustPeriod("2022-02"), Unit: 1, Line: int32(9 + i), Suppressed: true})
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d: %+v", len(rows), len(want), rows)
	}
	for i := range want {
		if rows[i] != want[i] {
			t.Errorf("row %d: %+v, want %+v", i, rows[i], want[i])
		}
	}
	// A mark in the numerator or denominator suppresses the row too.
	rows, errs = readCSV(t, []byte("teller,nevner,periode,enhet,mål,verdi\n*,45,2026-01,årstad,h,\n3,:,2026-01,bergen-nord,h,\n"))
	if len(errs) > 0 || len(rows) != 2 || !rows[0].Suppressed || !rows[1].Suppressed {
		t.Errorf("rows %+v, errors %v", rows, errs)
	}
	// Nynorsk names the columns too; an error on a nynorsk site names its
	// missing column in nynorsk.
	rows, errs = readCSV(t, []byte("periode,eining,mål,verdi,teljar,nemnar\n2026-01,årstad,h,,4,8\n"))
	if len(errs) > 0 || len(rows) != 1 || rows[0].Numerator != 4 || rows[0].Denominator != 8 {
		t.Errorf("nynorsk header: rows %+v, errors %v", rows, errs)
	}
	nn := testReader()
	nn.nynorsk = true
	errs = nil
	nn.read("data/results/test.csv", 0, bytes.NewReader([]byte("periode,mål,verdi\n2026-01,h,1\n")), nil, &errs)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), `header has no "unit" column ("eining" in Norwegian)`) {
		t.Errorf("nynorsk site's header without its unit column: %v", errs)
	}
	// A value marked hidden beside the numbers that give it is taken as
	// hidden, and the file is told of once, at its first such row.
	rows, errs = readCSV(t, []byte("period,unit,goal,value,numerator,denominator\n2026-01,årstad,h,4,4,8\n2026-02,årstad,h,:,4,8\n2026-03,årstad,h,*,5,9\n"))
	if len(rows) != 3 || rows[0].Suppressed || !rows[1].Suppressed || !rows[2].Suppressed {
		t.Errorf("rows %+v", rows)
	}
	if len(errs) != 1 || !errs[0].Notice || errs[0].Pos.Line != 3 || !strings.Contains(errs[0].Error(), ": 2, the first here") {
		t.Errorf("notices %v, want one at line 3 counting 2 rows", errs)
	}
}

// TestUnknownNamesOncePerTable: a unit or goal the site does not have is
// one error at its first row, however many rows name it, as a national
// table in a county's site names each other municipality on all its rows.
func TestUnknownNamesOncePerTable(t *testing.T) {
	src := "period,unit,goal,value\n" +
		"2026-01,nowhere,g,1\n" +
		"2026-01,bergen-nord,x,1\n" +
		"2026-02,nowhere,g,1\n" +
		"2026-01,elsewhere,g,1\n" +
		"2026-02,bergen-nord,x,1\n" +
		"2026-03,nowhere,g,1\n"
	rows, errs := readCSV(t, []byte(src))
	var got []string
	for _, e := range errs.Sorted() {
		got = append(got, e.Error())
	}
	want := []string{
		`data/results/test.csv:2:9: unknown unit "nowhere" on 3 rows, the first here: units are the office and county ids in data/org.toml, or their codes`,
		`data/results/test.csv:3:21: unknown goal "x" on 2 rows, the first here: goals are the ids in data/goals.toml`,
		`data/results/test.csv:5:9: unknown unit "elsewhere": units are the office and county ids in data/org.toml, or their codes`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("errors\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(rows) != 0 {
		t.Errorf("kept %d rows, want none", len(rows))
	}

	// A hint stands by the name it is for.
	_, errs = readCSV(t, []byte("period,unit,goal,value\n2026-01,46477,g,1\n2026-02,46477,g,1\n"))
	if got, want := errs.Sorted()[0].Error(), `data/results/test.csv:2:9: unknown unit "46477" on 2 rows, the first here (did you mean "sunnfjord"?): units`; !strings.HasPrefix(got, want) {
		t.Errorf("error %q, want prefix %q", got, want)
	}

	// An unknown unit is an error of its first row among the file's
	// others, not one the cap leaves out because later rows had theirs.
	var b strings.Builder
	b.WriteString("period,unit,goal,value\n2026-01,nowhere,g,1\n")
	for range 60 {
		b.WriteString("2026-01,bergen-nord,g,ti\n")
	}
	_, errs = readCSV(t, []byte(b.String()))
	if sorted := errs.Sorted(); len(sorted) != maxErrorsPerFile+1 || !strings.HasPrefix(sorted[0].Error(), `data/results/test.csv:2:9: unknown unit "nowhere"`) || errs.Count() != 61 {
		t.Errorf("%d errors reported, %d counted, the first %v; want %d, 61, the unknown unit at line 2", len(sorted), errs.Count(), sorted[0], maxErrorsPerFile+1)
	}

	// Past the errors reported one by one, every row of a name not kept
	// is counted.
	b.Reset()
	b.WriteString("period,unit,goal,value\n")
	for i := range 120 {
		fmt.Fprintf(&b, "2026-01,nowhere-%d,g,1\n2026-02,nowhere-%d,g,1\n", i, i)
	}
	_, errs = readCSV(t, []byte(b.String()))
	if n := errs.Count(); len(errs) != maxErrorsPerFile+1 || n != maxErrorsPerFile+2*(120-maxErrorsPerFile) {
		t.Errorf("%d errors reported, %d counted; want %d and %d", len(errs), n, maxErrorsPerFile+1, maxErrorsPerFile+2*(120-maxErrorsPerFile))
	}
}

func TestCSVErrorCap(t *testing.T) {
	var b strings.Builder
	b.WriteString("period,unit,goal,value,numerator,denominator\n")
	for range 1000 {
		b.WriteString("2026-01,bergen-nord,g,ti,,\n")
	}
	// Every tenth row cannot be read as CSV, and those are counted too.
	for i := range 1000 {
		if i%10 == 0 {
			b.WriteString("2026-01,now\"here,g,1,,\n")
		} else {
			b.WriteString("2026-01,bergen-nord,g,ti,,\n")
		}
	}
	_, errs := readCSV(t, []byte(b.String()))
	last := errs[len(errs)-1]
	if len(errs) != maxErrorsPerFile+1 || last.Unreported != 2000-maxErrorsPerFile || last.Pos.Line != maxErrorsPerFile+2 {
		t.Errorf("got %d errors, the last %v (standing for %d), want %d and one standing for the rest, at line %d", len(errs), last, last.Unreported, maxErrorsPerFile, maxErrorsPerFile+2)
	}
	if n := errs.Count(); n != 2000 {
		t.Errorf("counted %d errors, want 2000", n)
	}
}

func TestParseNumber(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
		dec  byte
		ok   bool
	}{
		{"45", 45, 0, true},
		{"45.5", 45.5, '.', true},
		{"45,5", 45.5, ',', true},
		{"1 234,5", 1234.5, ',', true},
		{"1\u00a0234,5", 1234.5, ',', true},
		{"1.234,5", 1234.5, ',', true},
		{"1,234.5", 1234.5, '.', true},
		{"1.234.567", 1234567, 0, true},
		{"-3,25", -3.25, ',', true},
		{"\u22123,25", -3.25, ',', true},
		{"1,2,3", 0, 0, false},
		{"12.34.5", 0, 0, false},
		{"1.2,3", 0, 0, false},
		{"abc", 0, 0, false},
		{"1e5", 0, 0, false},
		{"NaN", 0, 0, false},
		{"--1", 0, 0, false},
		{"9999999999999999", 0, 0, false},
		// A space groups thousands, and nothing else: one slipped into
		// a figure would join its digits into another number.
		{"12 345", 12345, 0, true},
		{"1 234 567,25", 1234567.25, ',', true},
		{"-1 234", -1234, 0, true},
		{"1'234.5", 1234.5, '.', true},
		{"1\u202f234", 1234, 0, true},
		{"1 82", 0, 0, false},
		{"18 2", 0, 0, false},
		{"12 34", 0, 0, false},
		{"1 2345", 0, 0, false},
		{"1234 567", 0, 0, false},
		{"1  234", 0, 0, false},
		{"1,5 234", 0, 0, false},
		{"1 234,5 6", 0, 0, false},
		{"- 12", 0, 0, false},
		{"0 500", 0, 0, false},
		{"1'82", 0, 0, false},
	} {
		v, dec, ok := parseNumber(c.in)
		if ok != c.ok || (ok && (v != c.want || dec != c.dec)) {
			t.Errorf("parseNumber(%q) = %v, %q, %v; want %v, %q, %v", c.in, v, dec, ok, c.want, c.dec, c.ok)
		}
	}
}

func mustPeriod(s string) model.Period {
	p, ok := model.ParsePeriod(s)
	if !ok {
		panic(s)
	}
	return p
}

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("period,unit,goal,value,numerator,denominator\n2026-01,bergen-nord,g,45.5,,\n"))
	f.Add([]byte("period;unit;goal;value;numerator;denominator\r\n2026-01;årstad;h;;1 234;2000\r\n"))
	f.Add([]byte("\ufeffperiod,unit,goal,value,numerator,denominator\n\"2026-01\",\"x\ny\",g,\"1,5\",,\n"))
	f.Add([]byte("period\tunit\n\xff\xfe"))
	f.Add([]byte("Periode;Enhet;M\xe5l;Verdi\r\n2022-01;4601;g;*\r\n;;;\r\n01.11.2026;0301;h;4,5\r\n"))
	f.Add([]byte("teller,nevner,periode,enhet,mål,verdi\n..,45,2026-01,NAV Årstad,h,\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		rows, errs := readCSV(t, src)
		lines := bytes.Count(src, []byte("\n")) + 1
		if head := src[:min(len(src), 64<<10)]; bytes.IndexByte(head, '\r') >= 0 && bytes.IndexByte(head, '\n') < 0 {
			// Its lines end in a carriage return alone (see macLines).
			lines = bytes.Count(src, []byte("\r")) + 1
		}
		// However its errors fall, unknown names among them, a file
		// reports its first ones and a line that counts the rest.
		if reported, _ := errs.Split(); len(reported) > maxErrorsPerFile+1 {
			t.Errorf("%d errors reported one by one, more than %d and the rest's count", len(reported), maxErrorsPerFile)
		}
		for _, e := range errs {
			if e.Pos.Line < 0 || e.Pos.Line > lines {
				t.Errorf("error at line %d of a %d-line input: %v", e.Pos.Line, lines, e)
			}
		}
		for _, r := range rows {
			if r.Suppressed == (r.HasValue || r.HasRatio) || r.Suppressed && (r.Value != 0 || r.Numerator != 0 || r.Denominator != 0) {
				t.Errorf("a row is suppressed at source or has a value or ratio, never both or neither: %+v", r)
			}
			if r.Line < 2 || int(r.Line) > lines {
				t.Errorf("row at line %d of a %d-line input", r.Line, lines)
			}
		}
	})
}

func TestLongFieldIsClippedInErrors(t *testing.T) {
	_, errs := readCSV(t, []byte("period,unit,goal,value,numerator,denominator\n2026-01,bergen-nord,g,"+strings.Repeat("x", 1<<20)+",,\n"))
	if len(errs) != 1 || len(errs[0].Msg) > 200 || !strings.Contains(errs[0].Msg, `"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" is not a number`) {
		t.Errorf("errors: %.300v", errs)
	}
}

// TestTrailingEmptyFields: a spreadsheet writes a row with empty fields at
// its end when a cell further right was ever used; the row is whole.
func TestTrailingEmptyFields(t *testing.T) {
	rows, errs := readCSV(t, []byte("period,unit,goal,value\n2026-01,bergen-nord,g,12,,\n2026-01,årstad,g,7,\n"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(rows) != 2 || rows[0].Value != 12 || rows[1].Value != 7 {
		t.Errorf("rows = %+v, want values 12 and 7", rows)
	}
}

// TestPeriodHint: a period written otherwise is told the month it names,
// where it names one.
func TestPeriodHint(t *testing.T) {
	for in, want := range map[string]string{
		"2026-3":       "write it as YYYY-MM (2026-03)",
		"2026/03":      "write it as YYYY-MM (2026-03)",
		"03.2026":      "write it as YYYY-MM (2026-03)",
		"01.01.2026":   "it looks like a date a spreadsheet made of the month: format the period column as text and write the month as YYYY-MM (2026-01)",
		"2026-01-15":   "it looks like a date a spreadsheet made of the month: format the period column as text and write the month as YYYY-MM (2026-01)",
		"2026-13":      "its month, 13, is not from 01 to 12: check the month",
		"januar":       "write it as YYYY-MM, as 2026-11 for November 2026",
		"2018M03":      "write it as YYYY-MM (2018-03)",
		"mars 2018":    "write it as YYYY-MM (2018-03)",
		"okt.18":       "it looks like a date a spreadsheet made of the month: format the period column as text and write the month as YYYY-MM (2018-10)",
		"Oktober 2018": "write it as YYYY-MM (2018-10)",
		"44593":        "it is the date 2022-02-01, as a workbook keeps it, which a spreadsheet made of the month: format the period column as text and write the month as YYYY-MM (2022-02)",
		"44593.5":      "it is the date 2022-02-01, as a workbook keeps it, which a spreadsheet made of the month: format the period column as text and write the month as YYYY-MM (2022-02)",
		"15 mars":      "it looks like a date a spreadsheet made of the month: format the period column as text and write the month as YYYY-MM",
		"2018K1":       "a quarter is not a period malekort reads: give each month as YYYY-MM (2018-01), or, for a goal measured by tertial, YYYY-T1",
	} {
		if got := PeriodHint(in).String(); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

// TestNumbersThatReadEitherWay: "1.500" is 1500 or 1.5. It is read by the
// decimal separator the rest of the file shows, wherever in the file that
// is; where the file shows none, by its delimiter (a semicolon file has
// decimal commas), with a notice when a point was read so.
func TestNumbersThatReadEitherWay(t *testing.T) {
	semi := "periode;enhet;mål;verdi;teller;nevner\n"
	for _, c := range []struct {
		name, src string
		want      []float64 // the rows' values, or numerator and denominator
		notice    string
	}{
		{"decimal comma further down", semi + "2026-01;årstad;h;;255;1.291\n2026-01;bergen-nord;g;4,62;;\n", []float64{255, 1291, 4.62}, ""},
		{"decimal point further down", semi + "2026-01;årstad;h;;255;1.291\n2026-01;bergen-nord;g;0.5;;\n", []float64{255, 1.291, 0.5}, ""},
		{"a comma in a semicolon file", semi + "2026-01;bergen-nord;g;1,500;;\n", []float64{1.5}, ""},
		{"a point in a semicolon file", semi + "2026-01;bergen-nord;g;1.500;;\n2026-02;bergen-nord;g;2.250;;\n", []float64{1500, 2250},
			`data/results/test.csv:2:23: verdi "1.500" is read as 1500 (one of 2 such numbers in the file, the first here): nothing else in the file shows which decimal separator it uses, and in a file separated by semicolons a point groups thousands; if that is wrong, write 1,500`},
		{"a point in a comma file", "period,unit,goal,value\n2026-01,bergen-nord,g,1.500\n", []float64{1.5},
			`data/results/test.csv:2:23: value "1.500" is read as 1.5 (the file's only such number): nothing else in the file shows which decimal separator it uses, and in a file separated by commas a point is the decimal separator; if that is wrong, write 1500`},
		{"a leading zero is no thousand", semi + "2026-01;bergen-nord;g;0.500;;\n2026-02;bergen-nord;g;1.500;;\n", []float64{0.5, 1.5}, ""},
		{"points grouping thousands further down", "period,unit,goal,value\n2026-01,bergen-nord,g,1.500\n2026-02,bergen-nord,g,1.234.567\n", []float64{1500, 1234567}, ""},
		{"a quoted comma in a comma file", "period,unit,goal,value\n2026-01,bergen-nord,g,\"1,500\"\n", []float64{1.5},
			`data/results/test.csv:2:23: value "1,500" is read as 1.5 (the file's only such number): nothing else in the file shows which decimal separator it uses, and in a file separated by commas a comma is the decimal separator; if that is wrong, write 1500`},
		{"a point in a tab file", "period\tunit\tgoal\tvalue\n2026-01\tbergen-nord\tg\t1.500\n", []float64{1500},
			`data/results/test.csv:2:23: value "1.500" is read as 1500 (the file's only such number): nothing else in the file shows which decimal separator it uses, and in a file separated by tabs a point groups thousands; if that is wrong, write 1,500`},
		{"minus signs", semi + "2026-01;bergen-nord;g;\u22121.500;;\n2026-02;bergen-nord;g;-1.500;;\n", []float64{-1500, -1500},
			`data/results/test.csv:2:23: verdi "−1.500" is read as -1500 (one of 2 such numbers in the file, the first here): nothing else in the file shows which decimal separator it uses, and in a file separated by semicolons a point groups thousands; if that is wrong, write −1,500`},
	} {
		t.Run(c.name, func(t *testing.T) {
			rows, errs := readCSV(t, []byte(c.src))
			var got []float64
			for _, r := range rows {
				if r.HasRatio {
					got = append(got, r.Numerator, r.Denominator)
				} else {
					got = append(got, r.Value)
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("read %v, want %v", got, c.want)
			}
			var notices []string
			for _, e := range errs {
				if !e.Notice {
					t.Errorf("error: %v", e)
				}
				notices = append(notices, e.Error())
			}
			if (c.notice == "") != (len(notices) == 0) || len(notices) > 1 || c.notice != "" && notices[0] != c.notice {
				t.Errorf("notices %q, want %q", notices, c.notice)
			}
		})
	}
}

// TestNumeratorThatIsNoNumber: a numerator that is not a number is one
// error; the row gave both numbers, so it is not told to give both.
// TestSeparatorsThatDisagree: a file that uses one separator both ways is
// an error, whichever number shows it first.
func TestSeparatorsThatDisagree(t *testing.T) {
	for name, c := range map[string]struct{ src, want string }{
		"either way, both":      {"period,unit,goal,value\n2026-01,bergen-nord,g,1.500\n2026-02,bergen-nord,g,\"2,250\"\n", `data/results/test.csv:3:23: value "2,250" has a decimal comma, but line 2 has a decimal point`},
		"grouping and decimals": {"period,unit,goal,value\n2026-01,bergen-nord,g,0.5\n2026-02,bergen-nord,g,1.234.567\n", `data/results/test.csv:3:23: value "1.234.567" groups thousands with a point, but line 2 has a decimal point`},
	} {
		_, errs := readCSV(t, []byte(c.src))
		if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), c.want) {
			t.Errorf("%s: errors %v, want %s", name, errs, c.want)
		}
	}
}

func TestNumeratorThatIsNoNumber(t *testing.T) {
	_, errs := readCSV(t, []byte("period,unit,goal,value,numerator,denominator\n2026-01,bergen-nord,g,,abc,193\n"))
	if len(errs) != 1 || !strings.Contains(errs[0].Msg, "is not a number") {
		t.Errorf("errors: %v, want one that the numerator is not a number", errs)
	}
}

// TestReadAsInEnglish: English groups thousands with commas, so the
// notice writes a whole number read so without grouping: "1,500" would
// be the very number in question.
func TestReadAsInEnglish(t *testing.T) {
	_, errs := readCSV(t, []byte("periode;enhet;mål;verdi\n2026-01;bergen-nord;g;1.500\n"))
	if len(errs) != 1 || !strings.Contains(errs.In(locale.New("en"))[0].Msg, `"1.500" is read as 1500 `) {
		t.Errorf("notices: %v", errs.In(locale.New("en")))
	}
}
