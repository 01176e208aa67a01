package load

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/malekort/malekort/internal/config"
	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/locale"
	"github.com/malekort/malekort/internal/model"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func TestSplitFrontMatter(t *testing.T) {
	for _, c := range []struct {
		name, src      string
		front, body    string
		fmLine, bodyAt int
		err            bool
	}{
		{"none", "Hei\n", "", "Hei\n", 0, 1, false},
		{"toml", "+++\nauthor = \"A\"\n+++\nHei\n", "author = \"A\"\n", "Hei\n", 2, 4, false},
		{"crlf and bom", "\ufeff+++\r\nauthor = \"A\"\r\n+++\r\nHei\r\n", "author = \"A\"\r\n", "Hei\r\n", 2, 4, false},
		{"empty front", "+++\n+++\n", "", "", 2, 3, false},
		{"closing at end without newline", "+++\nauthor = \"A\"\n+++", "author = \"A\"\n", "", 2, 4, false},
		{"unclosed", "+++\nauthor = \"A\"\n", "", "", 0, 1, true},
		{"only opener", "+++", "", "", 0, 1, true},
		{"yaml", "---\nauthor: Kari Nordmann\nmeasure:\n  - goal: sykefravaer\n---\nTekst\n", "", "", 0, 1, true},
		{"yaml, crlf", "---\r\nauthor:\r\n---\r\nTekst\r\n", "", "", 0, 1, true},
		{"yaml with a comment and a space before the colon", "---\n# fra Hugo\nauthor : Kari\n---\nTekst\n", "", "", 0, 1, true},
		{"a rule, then text", "---\nMerk: dette er tekst.\n", "", "---\nMerk: dette er tekst.\n", 0, 1, false},
		{"a note between rules", "---\nMerk: tallene for mars er foreløpige.\n---\n\nTekst.\n", "", "---\nMerk: tallene for mars er foreløpige.\n---\n\nTekst.\n", 0, 1, false},
		{"a rule, then a setext heading", "---\nOppsummering\n---\n", "", "---\nOppsummering\n---\n", 0, 1, false},
		{"a rule, then a list", "---\n- punkt\n---\n", "", "---\n- punkt\n---\n", 0, 1, false},
		// A blank line above the opener is a slip that publishes nothing.
		{"blank lines before the opener", "\n \r\n+++\nauthor = \"A\"\n+++\nHei\n", "author = \"A\"\n", "Hei\n", 4, 6, false},
		{"blank lines, unclosed", "\n+++\nauthor = \"A\"\n", "", "", 0, 2, true},
		// Front matter without its opener would be published as text.
		{"no opener", "author = \"A\"\n[[measure]]\ngoal = \"g\"\n+++\nHei\n", "", "", 0, 1, true},
		{"no opener, after a blank line", "\nAuthor=\"A\"\n+++\n", "", "", 0, 2, true},
		{"no opener, a measure first", "[[tiltak]]\ngoal = \"g\"\n+++\n", "", "", 0, 1, true},
		// An opener mistyped would publish the front matter as text.
		{"four plus signs", "++++\nauthor = \"A\"\n+++\nHei\n", "", "", 0, 1, true},
		{"two plus signs", "++\n\n[[measure]]\ngoal = \"g\"\n+++\n", "", "", 0, 1, true},
		{"three minus signs, TOML after", "---\ndate = 2026-11-05\n+++\nHei\n", "", "", 0, 1, true},
		{"a rule of four, then text", "----\nTekst.\n", "", "----\nTekst.\n", 0, 1, false},
		{"text that begins with a word of front matter", "Forfatteren av rapporten = NAV.\n", "", "Forfatteren av rapporten = NAV.\n", 0, 1, false},
		{"a link first", "[tiltak]: https://nav.no\n", "", "[tiltak]: https://nav.no\n", 0, 1, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			front, body, fmLine, bodyLine, err := SplitFrontMatter([]byte(c.src))
			if (err != nil) != c.err {
				t.Fatalf("err = %v, want error %v", err, c.err)
			}
			if c.err {
				if bodyLine != c.bodyAt {
					t.Errorf("error %q at line %d, want %d", err, bodyLine, c.bodyAt)
				}
				return
			}
			if string(front) != c.front || string(body) != c.body || fmLine != c.fmLine || bodyLine != c.bodyAt {
				t.Errorf("got front %q body %q lines %d,%d; want %q %q %d,%d", front, body, fmLine, bodyLine, c.front, c.body, c.fmLine, c.bodyAt)
			}
		})
	}
}

func TestCommentaryErrorsHaveFileLines(t *testing.T) {
	src := "+++\nauthor = \"A\"\ndate = \"4. november\"\ncolour = \"red\"\n\n[[measure]]\ngoal = \"g\"\ntext = \"x\"\nstatus = \"started\"\ndue = 2026-13-01\n+++\nBody\n"
	var errs diag.List
	readCommentary("content/vest/a/2026-10.md", []byte(src), &errs)
	got := errs.Sorted().Error()
	for _, want := range []string{
		`content/vest/a/2026-10.md:10:`, // the TOML error, counted in the file
	} {
		if !strings.Contains(got, want) {
			t.Errorf("errors:\n%s\nwant %q", got, want)
		}
	}
	errs = nil
	src = "+++\nauthor = \"A\"\ndate = \"4. november\"\ncolour = \"red\"\n+++\nBody\n"
	readCommentary("content/vest/a/2026-10.md", []byte(src), &errs)
	got = errs.Sorted().Error()
	for _, want := range []string{
		`content/vest/a/2026-10.md:3: date "4. november" is not a date: write it as YYYY-MM-DD`,
		`content/vest/a/2026-10.md:4: unknown key "colour" in front matter`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("errors:\n%s\nwant %q", got, want)
		}
	}
}

// TestMeasuresReadBesideErrors: a front matter with errors keeps for
// checking each measure that lost no line but due's, at its own line; a
// measure that lost another is left out.
func TestMeasuresReadBesideErrors(t *testing.T) {
	src := "+++\nauthor = A\n\n[[measure]]\ngoal = \"g\"\ntext = \"a\"\nstatus = \"started\"\ndue = 2027-13-01\n\n" +
		"[[measure]]\ngoal = g\ntext = \"b\"\n\n" +
		"[[measure]]\ngoal = \"g\"\ntext = \"c\"\n+++\n"
	var errs diag.List
	c, ok := readCommentary("content/vest/a/2026-10.md", []byte(src), &errs)
	if !ok || len(errs) != 3 {
		t.Fatalf("read %v, errors:\n%v\nwant the commentary read beside its three errors", ok, errs)
	}
	var got []string
	for _, m := range c.Measures {
		got = append(got, fmt.Sprintf("%d %s %s", m.Pos.Line, m.Text, m.Status))
	}
	if want := []string{"4 a started", "14 c "}; !slices.Equal(got, want) {
		t.Errorf("measures %q, want %q", got, want)
	}
	// A due line that holds another key too loses both.
	errs = nil
	src = "+++\n[[measure]]\ngoal = \"g\"\ntext = \"a\"\ndue = 2027-13-01 status = \"started\"\n+++\n"
	if c, _ := readCommentary("content/vest/a/2026-10.md", []byte(src), &errs); len(c.Measures) != 0 {
		t.Errorf("measures %+v, want none: its status went with its due", c.Measures)
	}
	// A header within a text of several lines is none, and one written
	// [measure] is read as [[measure]]: each measure keeps its own lines.
	errs = nil
	src = "+++\nauthor = A\n[measure]\ngoal = \"a\"\ntext = \"first\"\n\n[[measure]]\ngoal = \"b\"\ntext = \"\"\"Notat\n[[measure]]\n\"\"\"\nstatus = \"done\"\n+++\n"
	c, _ = readCommentary("content/vest/a/2026-10.md", []byte(src), &errs)
	got = nil
	for _, m := range c.Measures {
		got = append(got, fmt.Sprintf("%s %d %d", m.Goal, m.Pos.Line, m.GoalPos.Line))
	}
	if want := []string{"a 3 4", "b 7 8"}; !slices.Equal(got, want) {
		t.Errorf("measures %q, want %q", got, want)
	}
}

func FuzzFrontMatter(f *testing.F) {
	f.Add([]byte("+++\nauthor = \"A\"\ndate = 2026-11-04\n[[measure]]\ngoal = \"g\"\ntext = \"t\"\nstatus = \"done\"\ndue = 2027-01-31\n+++\n# Hei\n"))
	f.Add([]byte("+++\r\n+++\r\n"))
	f.Add([]byte("+++\nauthor = [1, 2]\n+++\n"))
	f.Add([]byte("no front matter"))
	f.Add([]byte("+++\ndate = 4.11.2026\n+++\n"))
	f.Add([]byte("+++\ndue = 31.1.2027 # frist\n+++\n"))
	f.Add([]byte("+++\ndue = 2027-01\r\ndate = 4. november 2026\n+++\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		var errs diag.List
		c, ok := readCommentary("content/vest/a/2026-10.md", src, &errs)
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, e := range errs {
			if e.Pos.Line < 0 || e.Pos.Line > lines {
				t.Errorf("error at line %d of a %d-line input: %v", e.Pos.Line, lines, e)
			}
		}
		if ok && (c.BodyLine < 1 || c.BodyLine > lines+1) {
			t.Errorf("body starts at line %d of %d", c.BodyLine, lines)
		}
		// The quick look must never pass by front matter that
		// quoteLooseDate would change.
		if !hasLooseDate(src) && !bytes.Equal(looseDate.ReplaceAllFunc(src, quoteLooseDate), src) {
			t.Errorf("hasLooseDate misses the date to quote in %q", src)
		}
	})
}

func FuzzSiteConfig(f *testing.F) {
	f.Add([]byte("title = \"T\"\nlanguage = \"nn\"\nperiod = \"2026-10\"\naccent = \"#123456\"\n"))
	f.Add([]byte("title = 1\n"))
	f.Add([]byte("[privacy]\nmin_count = 5\n"))
	f.Add([]byte("\x01title = \"T\"\n")) // a control character the toml package places before the text
	f.Fuzz(func(t *testing.T, src []byte) {
		var errs diag.List
		s := config.Parse(src, &errs)
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, e := range errs {
			if e.Pos.Line < 0 || e.Pos.Line > lines {
				t.Errorf("error at line %d of a %d-line input: %v", e.Pos.Line, lines, e)
			}
		}
		switch s.Language {
		case "nb", "nn", "en":
		default:
			t.Errorf("language %q escaped validation", s.Language)
		}
	})
}

func FuzzOrgAndGoals(f *testing.F) {
	f.Add([]byte("[[county]]\nid = \"vest\"\nname = \"Vest\"\n\n[[office]]\nid = \"a\"\nname = \"A\"\ncounty = \"vest\"\n"),
		[]byte("[[goal]]\nid = \"g\"\ntitle = \"G\"\nperspective = \"P\"\nunit = \"percent\"\ndirection = \"higher\"\ntarget = 45\nyellow = 40\naggregate = \"ratio\"\n\n  [[goal.override]]\n  unit = \"a\"\n  target = 50\n  yellow = 45\n"))
	f.Add([]byte("[[county]]\nid = 1\n"), []byte("[[goal]]\ntarget = \"45 %\"\n"))
	f.Fuzz(func(t *testing.T, org, goals []byte) {
		var errs diag.List
		site := &model.Site{}
		parseOrg(org, site, &errs)
		parseGoals(goals, site, &errs)
		for _, e := range errs {
			src := org
			if e.Pos.Path == GoalsPath {
				src = goals
			}
			if lines := bytes.Count(src, []byte("\n")) + 1; e.Pos.Line < 0 || e.Pos.Line > lines {
				t.Errorf("error at line %d of a %d-line input: %v", e.Pos.Line, lines, e)
			}
		}
		if len(site.Units) != len(site.Offices)+len(site.Counties) {
			t.Errorf("%d units for %d offices and %d counties", len(site.Units), len(site.Offices), len(site.Counties))
		}
	})
}

func TestMarkdownLimits(t *testing.T) {
	for name, c := range map[string]struct {
		src  string
		want string
	}{
		"deep quotes":  {"Hei\n" + strings.Repeat(">", 21) + " x\n", "content/vest/a/2026-10.md:2: quotes or lists nested 21 deep; at most 20"},
		"deep lists":   {strings.Repeat("- ", 25) + "x\n", "content/vest/a/2026-10.md:1: quotes or lists nested 25 deep"},
		"mixed":        {strings.Repeat("> 1. ", 11) + "x\n", "nested 22 deep"},
		"huge":         {strings.Repeat("a", 2<<20), "file is 2.0 MB; a text may be at most 1 MB"},
		"fine nesting": {"> - 1. x\n\n- a\n  - b\n", ""},
	} {
		var errs diag.List
		readCommentary("content/vest/a/2026-10.md", []byte(c.src), &errs)
		got := errs.Error()
		if c.want == "" && got != "" || !strings.Contains(got, c.want) {
			t.Errorf("%s: errors %q, want %q", name, got, c.want)
		}
	}
}

func TestHiddenAndCommentaryPaths(t *testing.T) {
	for p, want := range map[string][2]bool{ // hidden, commentary
		"content/vest/arstad/2026-10.md":       {false, true},
		"content/vest/arstad/.#2026-10.md":     {true, false},
		"content/.drafts/vest/2026-10.md":      {true, false},
		"content/vest/arstad/2026-10.md~":      {false, false},
		"data/results/.~lock.2026.csv#":        {true, false},
		"content/vest/_index.md":               {false, false},
		"content/vest/arstad/notes/2026-10.md": {false, false},
		"templates/assets/.DS_Store":           {true, false},
	} {
		if got := [2]bool{Hidden(p), IsCommentary(p)}; got != want {
			t.Errorf("%s: hidden, commentary = %v, want %v", p, got, want)
		}
	}
}

// A date written the Norwegian way, day first and unquoted, is told in
// the site's language with the form to write, and the file's other
// errors are still found.
func TestDayFirstDates(t *testing.T) {
	src := "+++\nauthor = \"A\"\ndate = 4.11.2026\ncolour = \"red\"\n\n[[measure]]\ngoal = \"g\"\ntext = \"x\"\nstatus = \"started\"\ndue = 31.01.2027\n\n[[measure]]\ngoal = \"g\"\ntext = \"y\"\nstatus = \"planned\"\ndue = 31.1.2027  # frist\r\n+++\nBody\n"
	var errs diag.List
	c, ok := readCommentary("content/vest/a/2026-10.md", []byte(src), &errs)
	if !ok || len(c.Measures) != 2 {
		t.Fatalf("ok %v, %d measures: the file's measures are lost; errors:\n%v", ok, len(c.Measures), errs)
	}
	got := errs.Sorted().In(locale.New("nb")).Error()
	want := strings.Join([]string{
		`content/vest/a/2026-10.md:3: date "4.11.2026" er skrevet med dagen først: skriv året først, date = 2026-11-04`,
		`content/vest/a/2026-10.md:4: ukjent nøkkel "colour" i toppfeltene (kjente nøkler: author, date, measure (id, goal, text, status, due))`,
		`content/vest/a/2026-10.md:10: due "31.01.2027" er skrevet med dagen først: skriv året først, due = 2027-01-31`,
		`content/vest/a/2026-10.md:16: due "31.1.2027" er skrevet med dagen først: skriv året først, due = 2027-01-31`,
	}, "\n")
	if got != want {
		t.Errorf("errors:\n%s\nwant\n%s", got, want)
	}
	// A day that no month has is no date either way.
	errs = nil
	readCommentary("content/vest/a/2026-10.md", []byte("+++\ndate = 31.13.2026\n+++\nTekst.\n"), &errs)
	if got := errs.Error(); got != `content/vest/a/2026-10.md:2: date "31.13.2026" is not a date: write it as YYYY-MM-DD` {
		t.Errorf("a day-first non-date: %s", got)
	}
}

// TestTextsInOtherEncodings: a text saved as Windows-1252 or UTF-16, as
// Windows editors save Norwegian text, with a byte order mark or
// without, is read as what it is, front matter and body; one that is
// UTF-8 but for a byte, or holds a NUL character, is an error at its
// line, not letters read wrong.
func TestTextsInOtherEncodings(t *testing.T) {
	const commentary = "+++\nauthor = \"Kåre Ørn\"\n[[measure]]\ngoal = \"g\"\ntext = \"Møte med alle\"\nstatus = \"started\"\n+++\nGjennomgått på allmøtet.\n"
	const text = "+++\nauthor = \"Kåre Ørn\"\n+++\nGjennomgått på allmøtet.\n"
	for _, enc := range []struct {
		name string
		enc  encoding.Encoding
	}{
		{"UTF-8", encoding.Nop},
		{"Windows-1252", charmap.Windows1252},
		{"UTF-16LE", unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)},
		{"UTF-16BE", unicode.UTF16(unicode.BigEndian, unicode.UseBOM)},
		{"UTF-16LE without a byte order mark", unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)},
		{"UTF-16BE without a byte order mark", unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)},
	} {
		src, _ := enc.enc.NewEncoder().Bytes([]byte(commentary))
		var errs diag.List
		c, ok := readCommentary("content/vest/a/2026-10.md", src, &errs)
		if !ok || len(errs) > 0 || c.Author != "Kåre Ørn" || len(c.Measures) != 1 || c.Measures[0].Text != "Møte med alle" || string(c.Body) != "Gjennomgått på allmøtet.\n" {
			t.Errorf("%s: ok %v, author %q, measures %+v, body %q, errors %v", enc.name, ok, c.Author, c.Measures, c.Body, errs)
		}
		src, _ = enc.enc.NewEncoder().Bytes([]byte(text))
		errs = nil
		if front := readText("content/_index.md", src, &errs); front == nil || front.Author != "Kåre Ørn" || string(front.Body) != "Gjennomgått på allmøtet.\n" || len(errs) > 0 {
			t.Errorf("%s: front page text %+v, errors %v", enc.name, front, errs)
		}
	}
	var errs diag.List
	mixed := strings.Replace(commentary, "allmøtet", "allm\xf8tet", 1)
	if _, ok := readCommentary("content/vest/a/2026-10.md", []byte(mixed), &errs); ok || errs.Error() != "content/vest/a/2026-10.md:8: the byte 0xF8 is not UTF-8, though the rest of the file is: the file mixes two encodings (a part pasted from another file?); save it as UTF-8" {
		t.Errorf("UTF-8 with a byte of Windows-1252: ok %v, errors %v", ok, errs)
	}
	errs = nil
	if _, ok := readCommentary("content/vest/a/2026-10.md", []byte(strings.Replace(commentary, "allmøtet", "allm\x00tet", 1)), &errs); ok || errs.Error() != "content/vest/a/2026-10.md:8: a NUL character (the byte 0), which no text has: remove it, or, if the file is not a text, take it out of content/" {
		t.Errorf("a NUL character: ok %v, errors %v", ok, errs)
	}
}

// TestTextSavedUnderAnotherName: a commentary or text saved with another
// ending than .md is not read, and a notice says what to rename it (a
// word processor's file, to save it as text); images and PDF files, shown
// or linked by texts, are not texts, nor is a file beside the text of its
// month (a backup).
func TestTextSavedUnderAnotherName(t *testing.T) {
	site := fstest.MapFS{
		"site.toml":                        {Data: []byte("title = \"T\"\n")},
		"data/org.toml":                    {Data: []byte("[[county]]\nid = \"vest\"\nname = \"Vest\"\n\n[[office]]\nid = \"a\"\nname = \"A\"\ncounty = \"vest\"\n")},
		"data/goals.toml":                  {Data: []byte("[[goal]]\nid = \"g\"\ntitle = \"G\"\nperspective = \"P\"\nunit = \"count\"\ndirection = \"higher\"\ntarget = 2\nyellow = 1\naggregate = \"sum\"\n")},
		"data/results/a.csv":               {Data: []byte("period,unit,goal,value\n2026-10,a,g,1\n")},
		"content/vest/a/2026-10.txt":       {Data: []byte("Tekst.\n")},
		"content/vest/a/2026-09.md.bak":    {Data: []byte("Tekst.\n")},
		"content/vest/a/2026-08":           {Data: []byte("Tekst.\n")},
		"content/vest/_index.markdown":     {Data: []byte("Tekst.\n")},
		"content/vest/a/2026-10.pdf":       {Data: []byte("%PDF-1.4\n")},
		"content/vest/a/2026-10-bilde.png": {Data: []byte("\x89PNG\r\n")},
		"content/vest/a/notater.txt":       {Data: []byte("Tekst.\n")},
		"content/vest/a/2026-07.docx":      {Data: []byte("PK\x03\x04")},
		"content/vest/a/2026-06.md":        {Data: []byte("Tekst.\n")},
		"content/vest/a/2026-06.md~":       {Data: []byte("Tekst.\n")},
		"content/vest/a/2026-06.txt":       {Data: []byte("Tekst.\n")},
	}
	_, _, _, errs := Load(site)
	errors, notices := errs.Split()
	var got []string
	for _, n := range notices {
		got = append(got, n.Error())
	}
	want := []string{
		"content/vest/_index.markdown: the file is not read: a text is a markdown file whose name ends in .md; rename it content/vest/_index.md",
		"content/vest/a/2026-07.docx: the file is not read: a text is plain text in a file whose name ends in .md; save it as plain text named content/vest/a/2026-07.md",
		"content/vest/a/2026-08: the file is not read: a text is a markdown file whose name ends in .md; rename it content/vest/a/2026-08.md",
		"content/vest/a/2026-09.md.bak: the file is not read: a text is a markdown file whose name ends in .md; rename it content/vest/a/2026-09.md",
		"content/vest/a/2026-10.txt: the file is not read: a text is a markdown file whose name ends in .md; rename it content/vest/a/2026-10.md",
	}
	if len(errors) > 0 || !slices.Equal(got, want) {
		t.Errorf("errors %v, notices:\n%s\nwant\n%s", errors, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestNamesTheSameButForCase: two texts of one month whose names differ
// only in case, or two images, are one file on Windows and macOS: an
// error, not two commentaries with one's author over the other's words.
func TestNamesTheSameButForCase(t *testing.T) {
	site := fstest.MapFS{
		"site.toml":                    {Data: []byte("title = \"T\"\n")},
		"data/org.toml":                {Data: []byte("[[county]]\nid = \"vest\"\nname = \"Vest\"\n\n[[office]]\nid = \"a\"\nname = \"A\"\ncounty = \"vest\"\n")},
		"data/goals.toml":              {Data: []byte("[[goal]]\nid = \"g\"\ntitle = \"G\"\nperspective = \"P\"\nunit = \"count\"\ndirection = \"higher\"\ntarget = 2\nyellow = 1\naggregate = \"sum\"\n")},
		"data/results/a.csv":           {Data: []byte("period,unit,goal,value\n2026-10,a,g,1\n")},
		"content/vest/a/2026-10.md":    {Data: []byte("+++\nauthor = \"Kari\"\n+++\n![Graf](graf.png)\n")},
		"content/vest/a/2026-10.MD":    {Data: []byte("+++\nauthor = \"Ola\"\n+++\n![Graf](Graf.png)\n")},
		"content/vest/a/graf.png":      {Data: []byte("\x89PNG\r\n")},
		"content/vest/a/Graf.png":      {Data: []byte("\x89PNG\r\n")},
		"content/vest/a/2026-09.md":    {Data: []byte("Tekst.\n![Vår](vår.png) ![Vår](va\u030ar.png)\n")},
		"content/vest/a/2026-09.png":   {Data: []byte("\x89PNG\r\n")},
		"content/vest/a/vår.png":       {Data: []byte("\x89PNG\r\n")},
		"content/vest/a/va\u030ar.png": {Data: []byte("\x89PNG\r\n")},
	}
	_, _, _, errs := Load(site)
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	want := []string{
		"content/vest/a/2026-10.md: has the name of content/vest/a/2026-10.MD but for upper and lower case, or how a letter is composed, which Windows or macOS take for one file: merge the two, or rename one",
		"content/vest/a/graf.png: has the name of content/vest/a/Graf.png but for upper and lower case, or how a letter is composed, which Windows or macOS take for one file: merge the two, or rename one",
		"content/vest/a/vår.png: has the name of content/vest/a/va\u030ar.png but for upper and lower case, or how a letter is composed, which Windows or macOS take for one file: merge the two, or rename one",
	}
	if !slices.Equal(got, want) {
		t.Errorf("errors:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestDatesWrittenOtherwise: a date or due written as people write dates
// (day first, with a month's name, with dots or slashes, or a month with
// no day), or a time of day, is an error that gives the date to write,
// not the TOML parser's words, and the file's other errors are reported
// with it.
func TestDatesWrittenOtherwise(t *testing.T) {
	for written, want := range map[string]string{
		"15. mars 2026":    `due "15. mars 2026" is written day first: write it year first, due = 2026-03-15`,
		"15 mars 2026":     `due "15 mars 2026" is written day first: write it year first, due = 2026-03-15`,
		"5. des. 2026":     `due "5. des. 2026" is written day first: write it year first, due = 2026-12-05`,
		"15/03/2026":       `due "15/03/2026" is written day first: write it year first, due = 2026-03-15`,
		"15-03-2026":       `due "15-03-2026" is written day first: write it year first, due = 2026-03-15`,
		"2026.03.15":       `due "2026.03.15": write a date with hyphens, due = 2026-03-15`,
		"2026/3/15":        `due "2026/3/15": write a date with hyphens, due = 2026-03-15`,
		"2019-02":          `due "2019-02" is a month: give the day too, as due = 2019-02-28`,
		`"2019-02"`:        `due "2019-02" is a month: give the day too, as due = 2019-02-28`,
		"2019-02 # frist":  `due "2019-02" is a month: give the day too, as due = 2019-02-28`,
		"30. februar 2026": `due "30. februar 2026" is not a date: write it as YYYY-MM-DD`,
		"07:32:00":         `due 07:32:00 is a time of day, not a date: write it as YYYY-MM-DD`,
	} {
		src := "+++\n[[measure]]\ngoal = \"g\"\ntext = \"x\"\nstatus = \"begun\"\ndue = " + written + "\n+++\n"
		var errs diag.List
		c, ok := readCommentary("content/vest/a/2026-10.md", []byte(src), &errs)
		if got := errs.Error(); !ok || len(c.Measures) != 1 || got != "content/vest/a/2026-10.md:6: "+want {
			t.Errorf("due = %s: ok %v, %d measures, errors:\n%s\nwant %s", written, ok, len(c.Measures), got, want)
		}
	}
	// A TOML date, with a time or a comment, is left to TOML.
	for _, written := range []string{"2026-03-15", "2026-03-15 # frist", "2026-03-15T10:00:00"} {
		var errs diag.List
		c, ok := readCommentary("content/vest/a/2026-03.md", []byte("+++\ndate = "+written+"\n+++\nTekst.\n"), &errs)
		if !ok || c.Date != "2026-03-15" || len(errs) > 0 {
			t.Errorf("date = %s: ok %v, date %q, errors %v", written, ok, c.Date, errs)
		}
	}
}

// TestLeftOutHTMLIsANotice: raw HTML in a text, left out of its page, is
// a notice at its line in the file, in the site's language.
func TestLeftOutHTMLIsANotice(t *testing.T) {
	src := "+++\nauthor = \"A\"\n+++\nTall:\n\n<table><tr><td>4</td></tr></table>\n\nFørste linje<br>andre.\n"
	// A line break is told how markdown writes one.
	if got, want := textNotices(t, src), "content/vest/a/2026-10.md:6: <table> er HTML, som blir utelatt fra siden: skriv det i markdown (en tabell som | Kolonne | Kolonne |, et nytt avsnitt etter en tom linje)\n"+
		`content/vest/a/2026-10.md:8: <br> er HTML, som blir utelatt fra siden: avslutt en linje med en omvendt skråstrek (\) for å bryte den der, eller la en tom linje skille avsnitt (en celle i en tabell har én linje)`; got != want {
		t.Errorf("notices:\n%s\nwant\n%s", got, want)
	}
}

// TestMeasureTablesWrittenOtherwise: a [[tiltak]] table is told once, at
// its header, with the table to write, not at the lines of another
// measure's keys; a measure's header with one bracket a side is told at
// its line, and read as meant, so that the file's other errors come with
// it; a key in Norwegian gets the key to write.
func TestMeasureTablesWrittenOtherwise(t *testing.T) {
	src := "+++\nauthor = \"A\"\n\n[[measure]]\ngoal = \"g\"\ntext = \"a\"\nstatus = \"started\"\n\n" +
		"[[tiltak]]\ngoal = \"g\"\ntext = \"b\"\nstatus = \"planned\"\n\n" +
		"[measure]\ngoal = \"g\"\ntext = \"c\"\nstatus = \"planned\"\nfrist = 2027-01-31\n+++\n"
	var errs diag.List
	c, _ := readCommentary("content/vest/a/2026-10.md", []byte(src), &errs)
	got := errs.Sorted().Error()
	want := strings.Join([]string{
		`content/vest/a/2026-10.md:9: unknown key "tiltak" in front matter: write [[measure]] (known keys: author, date, measure (id, goal, text, status, due))`,
		`content/vest/a/2026-10.md:14: a measure begins with [[measure]], two brackets on each side`,
		`content/vest/a/2026-10.md:18: unknown key "measure.frist" in front matter: write due (known keys: author, date, measure (id, goal, text, status, due))`,
	}, "\n")
	if got != want {
		t.Errorf("errors:\n%s\nwant\n%s", got, want)
	}
	if len(c.Measures) != 2 || c.Measures[1].Text != "c" {
		t.Errorf("measures %+v: the one written [measure] is not read", c.Measures)
	}
}

// TestMeasureStatusInNorwegian: a measure's status may be written in
// bokmål or nynorsk, as a text says it or as the pages name it, on a site
// of any language; the model holds it in English. Another word is still
// an error to report (validate does), so it is kept as written.
func TestMeasureStatusInNorwegian(t *testing.T) {
	for _, c := range []struct {
		written, want string
	}{
		{"startet", "started"},
		{"Planlagt", "planned"},
		{"ferdig", "done"},
		{"done", "done"},
		{"starta", "started"},
		{"planlagd", "planned"},
		{"Fullført", "done"},
		{"started", "started"},
		{"begun", "begun"},
	} {
		src := "+++\n[[measure]]\ngoal = \"g\"\ntext = \"x\"\nstatus = \"" + c.written + "\"\n+++\n"
		var errs diag.List
		m, _ := readCommentary("content/vest/a/2026-10.md", []byte(src), &errs)
		if len(m.Measures) != 1 || m.Measures[0].Status != c.want {
			t.Errorf("%q: measures %+v, want status %q", c.written, m.Measures, c.want)
		}
	}
}

// TestDescriptionLinks: a goal's description may link the site's pages,
// from the site's top folder, and other websites, not show or link a file
// of its own, which it has no folder to publish from; a link it keeps as
// text is a notice, and so is a reference to no footnote.
func TestDescriptionLinks(t *testing.T) {
	goals := "[[goal]]\nid = \"g\"\ntitle = \"G\"\nperspective = \"P\"\nunit = \"count\"\ndirection = \"higher\"\n" +
		"target = 10\nyellow = 8\naggregate = \"sum\"\ndescription = \"\"\"\n" +
		"Se [forsiden](index.html), [Fana](vest/fana/index.html), [NAV](https://nav.no), ![graf](graf.png) og [klikk](javascript:alert(1)).[^x]\n" +
		"Delt: [mappe](\\\\\\\\server\\\\del).\n" +
		"Ikke [hit](../../index.html) eller [dit](/vest/index.html).\n\"\"\"\n"
	var errs diag.List
	parseGoals([]byte(goals), &model.Site{}, &errs)
	errors, notices := errs.Split()
	if len(errors) != 3 || !strings.HasPrefix(errors[0].Error(), `data/goals.toml:10: goal "g": its description links "../../index.html", which leads out of the site`) ||
		errors[1].Error() != `data/goals.toml:10: goal "g": its description links "/vest/index.html", which begins with /, which leads from the top of the web server, where the site need not be: a description's links are read from the site's top folder, as in vest/index.html` ||
		!strings.HasPrefix(errors[2].Error(), `data/goals.toml:10: goal "g": its description shows or links the file "graf.png"`) {
		t.Errorf("errors %v", errors)
	}
	// A target is quoted as written, a share's backslashes single.
	if len(notices) != 3 || !strings.HasPrefix(notices[0].Error(), `data/goals.toml:10: "javascript:alert(1)" is shown as text`) ||
		!strings.HasPrefix(notices[1].Error(), `data/goals.toml:10: "\\server\del" is shown as text`) ||
		!strings.HasPrefix(notices[2].Error(), `data/goals.toml:10: [^x] refers to no footnote`) {
		t.Errorf("notices %v", notices)
	}
}

// TestCommentaryDate: a commentary on October 2018 dated before October
// began, or after October 2019 ended, is a notice; one dated in the year
// after the month, or none, is not.
func TestCommentaryDate(t *testing.T) {
	oct, _ := model.ParsePeriod("2018-10")
	for date, told := range map[string]bool{
		"":           false,
		"2018-09-30": true,
		"2018-10-01": false,
		"2018-11-08": false,
		"2019-10-31": false,
		"2019-11-01": true,
		"2031-01-01": true,
	} {
		var errs diag.List
		commentaryDate(date, oct, diag.Pos{Path: "c.md", Line: 3}, &errs)
		if got := len(errs) > 0; got != told {
			t.Errorf("dated %q: told %v, want %v (%v)", date, got, told, errs.Error())
		}
	}
}

// TestALinkWithSpacesIsANotice: a link or an image whose target has a
// space is shown as written, and is a notice at its line that gives it
// in angle brackets; one in code, escaped, or with a title, is not.
func TestALinkWithSpacesIsANotice(t *testing.T) {
	src := "+++\nauthor = \"A\"\n+++\nSe grafen:\n\n![Graf](Graf Uke 42.PNG) og\n[rapporten](Rapport mars.pdf), ikke `[a](b c)`, \\[c](d e) eller [t](t.pdf \"Tittel\").\n"
	want := strings.Join([]string{
		"content/vest/a/2026-10.md:6: ![Graf](Graf Uke 42.PNG) vises som skrevet, ikke som en lenke: en adresse med mellomrom må stå i vinkelparenteser, ![Graf](<Graf Uke 42.PNG>), ellers må filen få et navn uten mellomrom",
		"content/vest/a/2026-10.md:7: [rapporten](Rapport mars.pdf) vises som skrevet, ikke som en lenke: en adresse med mellomrom må stå i vinkelparenteser, [rapporten](<Rapport mars.pdf>), ellers må filen få et navn uten mellomrom",
	}, "\n")
	if got := textNotices(t, src); got != want {
		t.Errorf("notices:\n%s\nwant\n%s", got, want)
	}
}

// textNotices are the notices, in bokmål, of the commentary src and of
// what its text refers to.
func textNotices(t *testing.T, src string) string {
	t.Helper()
	var errs diag.List
	c, ok := readCommentary("content/vest/a/2026-10.md", []byte(src), &errs)
	if !ok {
		t.Fatal(errs)
	}
	referencedFiles(&c.Text, &errs)
	_, notices := errs.Split()
	return notices.In(locale.New("nb")).Error()
}

// TestEscapedBreaksAreNotices: a text of the front matter in double
// quotes with a backslash before t or n, as a Windows path has it, holds
// a tab or a line break as TOML reads it, and is a notice at its line;
// in single quotes, or with a tab typed as it is, it is not.
func TestEscapedBreaksAreNotices(t *testing.T) {
	src := "+++\nauthor = \"Nina, C:\\temp\"\n\n[[measure]]\ngoal = \"g\"\ntext = \"Se G:\\tiltak\\notat.docx\"\nstatus = \"started\"\n\n" +
		"[[measure]]\ngoal = \"g\"\ntext = 'Se G:\\tiltak'\nstatus = \"started\"\n\n[[measure]]\ngoal = \"g\"\ntext = \"Med\ttabulator\"\nstatus = \"started\"\n+++\nTekst.\n"
	var errs diag.List
	if _, ok := readCommentary("content/vest/a/2026-10.md", []byte(src), &errs); !ok {
		t.Fatal(errs)
	}
	_, notices := errs.Split()
	want := strings.Join([]string{
		`content/vest/a/2026-10.md:2: author has a backslash before a letter that TOML reads in double quotes as a tab or a line break (\t, \n): where a backslash is meant, as in a Windows path, write the text in single quotes`,
		`content/vest/a/2026-10.md:6: text has a backslash before a letter that TOML reads in double quotes as a tab or a line break (\t, \n): where a backslash is meant, as in a Windows path, write the text in single quotes`,
	}, "\n")
	if got := notices.Sorted().Error(); got != want {
		t.Errorf("notices:\n%s\nwant\n%s", got, want)
	}
}
