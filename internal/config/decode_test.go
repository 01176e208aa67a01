package config

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/locale"
)

func TestDecodeReportsEveryError(t *testing.T) {
	src := "title = \"T\nlanguage = nb\n[privacy]\nmin_count = \"5\"\n"
	var errs diag.List
	Parse([]byte(src), &errs)
	want := `site.toml:1:11: the text in quotes does not end on this line: add the closing "
site.toml:2:12: nb is not a value: put text in quotes ("nb"); numbers, true and false go as they are
site.toml:4:13: min_count is text, not a number: write the number without quotes (min_count = 5)`
	if got := errs.Error(); got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}

// TestTextWithQuotesWithoutQuotes: text left unquoted that has quotes
// inside is told to go in quotes as TOML reads them, the inner ones
// escaped, not as text that would end at the first inner quote.
func TestTextWithQuotesWithoutQuotes(t *testing.T) {
	var errs diag.List
	Parse([]byte("title = Kari \"Voss\" Nordmann\n"), &errs)
	if got, want := errs.Error(), `site.toml:1:9: Kari "Voss" Nordmann is not a value: put text in quotes ("Kari \"Voss\" Nordmann"); numbers, true and false go as they are`; got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}

// TestMonthWithoutQuotes: a month written as a TOML date is told to go
// in quotes, as the key it was given to wants it, not to be a whole date.
func TestMonthWithoutQuotes(t *testing.T) {
	var errs diag.List
	Parse([]byte("title = \"T\"\nperiod = 2026-11 # the month\n"), &errs)
	if got, want := errs.Error(), `site.toml:2:10: 2026-11 is a month, which TOML reads only as text: write period = "2026-11"`; got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}

// TestSyntaxErrorsInTheReadersLanguage: a key written as YAML writes it,
// a control character (at its own place, also where it begins a line, and
// only it left out: a table's header after it is read),
// and what the toml package says in its own words, each once, in a
// sentence of the site's language.
func TestSyntaxErrorsInTheReadersLanguage(t *testing.T) {
	for src, want := range map[string]string{
		"[privacy]\nmin_count: 5\n":                     `site.toml:2:10: en nøkkel og verdien bindes sammen med =, ikke med kolon: skriv min_count = 5`,
		"author: Kari Nordmann\n":                       `site.toml:1:7: en nøkkel og verdien bindes sammen med =, ikke med kolon: skriv author = "Kari Nordmann"`,
		"title = \"T\"\x00\n":                           `site.toml:1:12: linjen har et kontrolltegn (0x00), som TOML ikke tillater`,
		"\x01title = \"T\"\n":                           "site.toml:1:1: linjen har et kontrolltegn (0x01), som TOML ikke tillater",
		"title = \"T\"\n\x01[privacy]\nmin_count = 5\n": "site.toml:2:1: linjen har et kontrolltegn (0x01), som TOML ikke tillater",
		"title = \"T\"\n\x01language = \"nb\"\n":        "site.toml:2:1: linjen har et kontrolltegn (0x01), som TOML ikke tillater",
		"title = \"T\"\n[a.]\n":                         `site.toml:2:4: dette er ikke TOML slik det må skrives: unexpected end of table name`,
		// A key of two words, or of letters TOML does not read, or
		// without its =; a value left out; a Windows path in quotes.
		"title  er = \"T\"\n":            `site.toml:1:8: "title  er" er ikke en nøkkel, som er ett ord av a–z, 0–9, - og _ foran =: skriv title = "T"`,
		"mål = \"T\"\n":                  `site.toml:1:2: "mål" er ikke en nøkkel, som er ett ord av a–z, 0–9, - og _ foran =`,
		"title \"T\"\n":                  `site.toml:1:7: en nøkkel og verdien bindes sammen med =: skriv title = "T"`,
		"title =\n":                      `site.toml:1:8: verdien til title mangler etter =: skriv den der, tekst i anførselstegn`,
		"title\n":                        `site.toml:1:6: en nøkkel og verdien bindes sammen med =: skriv title = "…"`,
		"title \"a = b\"\n":              `site.toml:1:7: en nøkkel og verdien bindes sammen med =: skriv title = "a = b"`,
		"title = \"G:\\Felles\" # sti\n": `site.toml:1:10: teksten har en omvendt skråstrek (\F), som innleder en spesialkode mellom doble anførselstegn: skriv teksten mellom enkle anførselstegn, title = 'G:\Felles', eller hver omvendte skråstrek to ganger`,
		"title = \"G:\\Felles\\x\"\n":    `site.toml:1:10: teksten har en omvendt skråstrek (\F), som innleder en spesialkode mellom doble anførselstegn: skriv teksten mellom enkle anførselstegn, title = 'G:\Felles\x', eller hver omvendte skråstrek to ganger`,
		"title = \"Kari's \\F\"\n":       `site.toml:1:10: teksten har en omvendt skråstrek (\F), som innleder en spesialkode mellom doble anførselstegn: skriv hver omvendte skråstrek to ganger`,
		"title = \"\\\\nav\\users\"\n":   `site.toml:1:10: teksten har en omvendt skråstrek (\u), som innleder en spesialkode mellom doble anførselstegn: skriv teksten mellom enkle anførselstegn, title = '\\nav\users', eller hver omvendte skråstrek to ganger`,
	} {
		var errs diag.List
		Parse([]byte(src), &errs)
		if got := errs.In(locale.New("nb")).Error(); len(errs) != 1 || !strings.HasPrefix(got, want) {
			t.Errorf("%q:\n%s\nwant one error:\n%s", src, got, want)
		}
	}
}

func TestDateMessage(t *testing.T) {
	for in, want := range map[string]string{
		"2026-31-12": "2026-31-12 is not a date: month 31 (",
		"2026-02-30": "2026-02-30 is not a date: 2026-02 has 28 days (",
		"2028-02-30": "2028-02-30 is not a date: 2028-02 has 29 days (",
		"2026-12-1":  "2026-12-1 is not a date: write dates as YYYY-MM-DD",
	} {
		if got := dateMessage(in).String(); !strings.HasPrefix(got, want) {
			t.Errorf("%s: %q, want %q…", in, got, want)
		}
	}
}

// TestNonFiniteNumbers: TOML's nan and inf pass every range check (NaN
// compares false), so each is an error naming its key.
func TestNonFiniteNumbers(t *testing.T) {
	src := "title = \"T\"\nmin_coverage = nan\n[privacy]\nmin_count = +inf # hide nothing\n"
	var errs diag.List
	s := Parse([]byte(src), &errs)
	want := `site.toml:2:16: min_coverage = nan is not a number: write a number (nan and inf are not numbers here)
site.toml:4:13: min_count = +inf is not a number: write a number (nan and inf are not numbers here)`
	if got := errs.Error(); got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
	if s.MinCoverage != s.MinCoverage {
		t.Errorf("min_coverage %v", s.MinCoverage)
	}
}

// TestNumberErrorsInArraysOfTables: the toml package puts an Unmarshaler's
// error on the last table's key of that name; each is on its own line.
func TestNumberErrorsInArraysOfTables(t *testing.T) {
	src := "[[goal]]\ntarget = \"45 %\"\nyellow = nan\n\n[[goal]]\ntarget = 14\nyellow = 3\n"
	var f struct {
		Goal []struct {
			Target Number `toml:"target"`
			Yellow Number `toml:"yellow"`
		} `toml:"goal"`
	}
	var errs diag.List
	Decode("data/goals.toml", []byte(src), 1, &f, &errs)
	want := `data/goals.toml:2:10: target is text, not a number: write the number without quotes (target = 45)
data/goals.toml:3:10: yellow = nan is not a number: write a number (nan and inf are not numbers here)`
	if got := errs.Sorted().Error(); got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}

func TestBaseURLIsEscaped(t *testing.T) {
	var errs diag.List
	got := Parse([]byte("title = \"T\"\nlanguage = \"nb\"\nbase_url = \"https://intranett.example.no/mål kort\"\n"), &errs).BaseURL
	if errs != nil {
		t.Fatal(errs)
	}
	if want := "https://intranett.example.no/m%C3%A5l%20kort/"; got != want {
		t.Errorf("base_url %q, want %q", got, want)
	}
}

// TestRefusedURLIsEchoed: a refused address is quoted as it was written,
// without the "/" or escapes an accepted one is given.
func TestRefusedURLIsEchoed(t *testing.T) {
	var errs diag.List
	Parse([]byte("title = \"T\"\nbase_url = \"ftp://example.org/mål kort\"\n"), &errs)
	want := `site.toml:2: base_url "ftp://example.org/mål kort" must be an http(s) address`
	if got := errs.Error(); got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}

// TestWrongTypes: a value of the wrong type is one error at its own line,
// in an array of tables too, saying what it should be; the file's other
// errors are still found, and its other keys are still known.
func TestWrongTypes(t *testing.T) {
	src := `title = 2018
privacy = 5

[[office]]
name = "A"
codes = "0301"

[[office]]
name = ["B", 2]
persons = "ja"

[[office]]
name = [
  "C",
  "D",
]
missing = "x"

  [[office.change]]
  from = 2026-01-01

[measure]
status = "started"
`
	var f struct {
		Title   string `toml:"title"`
		Privacy struct {
			MinCount Number `toml:"min_count"`
		} `toml:"privacy"`
		Office []struct {
			Name    string   `toml:"name"`
			Codes   []string `toml:"codes"`
			Persons bool     `toml:"persons"`
			Change  []struct {
				From string `toml:"from"`
			} `toml:"change"`
		} `toml:"office"`
		Measure []struct {
			Status string `toml:"status"`
		} `toml:"measure"`
	}
	var errs diag.List
	md, unread := Decode("data/org.toml", []byte(src), 1, &f, &errs)
	if unread.OK() || unread.All {
		t.Errorf("read as %+v, want some lines unread and the rest read", unread)
	}
	// A value over several lines is unread on each, a table's header
	// with its table.
	if got, want := slices.Sorted(maps.Keys(unread.Lines)), []int{1, 2, 6, 9, 10, 13, 14, 15, 16, 20, 22, 23, 24}; !slices.Equal(got, want) {
		t.Errorf("unread lines %v, want %v", got, want)
	}
	var unknown []string
	for _, k := range md.Undecoded() {
		unknown = append(unknown, k.String())
	}
	if got := strings.Join(unknown, " "); got != "office.missing" {
		t.Errorf("unknown keys %q, want only office.missing", got)
	}
	want := `data/org.toml:1:9: title is a number, not text: put the text in quotes (title = "2018")
data/org.toml:2:11: privacy is a number, not a table: write it as a table: [privacy], with its keys on the lines below
data/org.toml:6:9: codes is text, not a list of text: put each text in quotes, in [ ] (codes = ["0301"])
data/org.toml:9:8: name is a list, not text: write one text, in quotes (name = "B, 2")
data/org.toml:10:11: persons is text, not true or false: write true or false, without quotes (persons = true)
data/org.toml:13:8: name is a list, not text: write one text, in quotes (name = "C, D")
data/org.toml:20:10: from is a date, not text: put the text in quotes (from = "…")
data/org.toml:22: measure is a table, not a list of tables: write each as a table: [[measure]], with its keys on the lines below`
	if got := errs.Sorted().Error(); got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
	nb := `data/org.toml:9:8: name er en liste, ikke tekst: skriv én tekst, i anførselstegn (name = "B, 2")`
	if got := errs.Sorted().In(locale.New("nb"))[3].Error(); got != nb {
		t.Errorf("in bokmål:\n%s\nwant:\n%s", got, nb)
	}
}

// TestLanguageDespiteErrors: an English site whose title is a number is
// told so in English.
func TestLanguageDespiteErrors(t *testing.T) {
	var errs diag.List
	if got := Parse([]byte("title = 2018\nlanguage = \"en\"\n"), &errs).Language; got != "en" {
		t.Errorf("language %q, want en; errors:\n%v", got, errs)
	}
	errs = nil
	if got := Parse([]byte("title = \"T\"\nlanguage = nn\n"), &errs).Language; got != "nb" {
		t.Errorf("language %q from a line in error, want nb", got)
	}
}

// TestValueScan: a value's lines close where its strings and brackets
// do, whatever they hold.
func TestValueScan(t *testing.T) {
	for _, c := range []struct {
		lines []string
		end   int // the line the value may end on, -1 for none
	}{
		{[]string{`a = 1`}, 0},
		{[]string{`codes = [`, `  "4601", # ]`, `  "4602",`, `]`}, 3},
		{[]string{`text = """`, `a ] and a " and \"""`, `"""`}, 2},
		{[]string{`text = '''[`, `''' # [`}, 1},
		// Up to two quotes before the closing three are the string's.
		{[]string{`t = """a"""" [`, `]`}, 1},
		{[]string{`t = { a = "}", b = '{' }`}, 0},
		{[]string{`t = "[\"" # {`}, 0},
		{[]string{`change = [`, `  { from = "2020-01" },`}, -1},
	} {
		var v valueScan
		end := -1
		for i, l := range c.lines {
			if v.closes(l + "\n") {
				end = i
				break
			}
		}
		if end != c.end {
			t.Errorf("%q: ends on line %d, want %d", c.lines, end, c.end)
		}
	}
}

// TestWrongTypeInsideAValueOfSeveralLines: a wrong value inside a list or
// table written over several lines is told at its own line, and the
// lines after it are read on.
func TestWrongTypeInsideAValueOfSeveralLines(t *testing.T) {
	src := "[[office]]\nchange = [\n  { from = \"2020-01\" },\n  { from = 2021 },\n]\n\n[privacy]\nmin_count = \"5\"\nx = 1\n"
	var f struct {
		Office []struct {
			Change []struct {
				From string `toml:"from"`
			} `toml:"change"`
		} `toml:"office"`
		Privacy struct {
			MinCount Number `toml:"min_count"`
		} `toml:"privacy"`
	}
	var errs diag.List
	Decode("data/org.toml", []byte(src), 1, &f, &errs)
	want := `data/org.toml:4:12: from is a number, not text: put the text in quotes (from = "2021")
data/org.toml:8:13: min_count is text, not a number: write the number without quotes (min_count = 5)`
	if got := errs.Sorted().Error(); got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}

// TestTextPastedFromWord: what a word processor puts in a line is told
// as what it is, with the line to write: typographic quotes, a quote
// inside a text, a non-breaking space.
func TestTextPastedFromWord(t *testing.T) {
	for src, want := range map[string]string{
		"text = “Jobbmesse i januar”\n":             `x.toml:1:8: the text is in typographic quotes, which TOML does not read as quotes: write straight ones, text = "Jobbmesse i januar"`,
		"text = «Jobbmesse»\n":                      `x.toml:1:8: the text is in typographic quotes, which TOML does not read as quotes: write straight ones, text = "Jobbmesse"`,
		"text = \"Jobbmesse \"Jobb i Fana\" nå\"\n": `x.toml:1:20: the text has a quote inside it, which ends the text there: write the quotes inside as « » ("Jobbmesse «Jobb i Fana»"), or as \"`,
		"text\u00a0= \"Jobbmesse\"\n":               `x.toml:1:5: the line has a non-breaking space (pasted from Word or a web page) where a plain space belongs: delete it and type a space`,
	} {
		var v struct {
			Text string `toml:"text"`
		}
		var errs diag.List
		Decode("x.toml", []byte(src), 1, &v, &errs)
		if got := errs.Error(); got != want {
			t.Errorf("%q:\n%s\nwant\n%s", src, got, want)
		}
	}
}
