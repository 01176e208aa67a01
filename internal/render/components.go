package render

import (
	"bytes"
	"context"
	"html/template"
	"io"
	"strconv"

	"github.com/a-h/templ"
	templruntime "github.com/a-h/templ/runtime"

	"github.com/malekort/malekort/internal/locale"
)

// components are the components of components.templ with the locale their
// words come from.
type components struct {
	loc *locale.Locale
}

// funcs are the components as template functions, so that the page
// templates a site overrides (html/template) call them: {{scorecard
// .Groups}}.
func (c components) funcs() template.FuncMap {
	return template.FuncMap{
		"badge":        htmlFunc(badge),
		"summary":      htmlFunc(c.summary),
		"miniSummary":  htmlFunc(c.miniSummary),
		"needsList":    htmlFunc(c.needsList),
		"scorecard":    htmlFunc(c.scorecard),
		"sections":     htmlFunc(c.sections),
		"section":      htmlFunc(func(s Section) templ.Component { return c.section(&s) }),
		"commentary":   htmlFunc(c.commentary),
		"byline":       htmlFunc(c.byline),
		"ranking":      htmlFunc(c.ranking),
		"entries":      htmlFunc(c.entries),
		"entry":        htmlFunc(func(e CommentaryEntry) templ.Component { return c.entry(&e) }),
		"links":        htmlFunc(links),
		"measures":     htmlFunc(c.measures),
		"effectNote":   htmlFunc(c.effectNote),
		"peerMeasures": htmlFunc(c.peerMeasures),
		"changes":      htmlFunc(c.changes),
		"matrix":       htmlFunc(c.matrix),
		// printMatrix is the matrix for paper (A4 has no room for values).
		"printMatrix": htmlFunc(c.printMatrix),
		// The tertial report's scorecard, and a matrix over a span of
		// months (a tertial report's, a county's year to date).
		"tertialCard":   htmlFunc(c.tertialCard),
		"spanMatrix":    htmlFunc(c.spanMatrix),
		"tertialReport": htmlFunc(c.tertialReport),
		// The frame of a page (frame.templ), from its Common.
		"head":     htmlFunc(func(p Common) templ.Component { return c.head(&p) }),
		"masthead": htmlFunc(func(p Common) templ.Component { return c.masthead(&p) }),
		"footer":   htmlFunc(func(p Common) templ.Component { return c.footer(&p) }),
	}
}

// htmlFunc makes a component a template function.
func htmlFunc[T any](component func(T) templ.Component) func(T) (template.HTML, error) {
	return func(v T) (template.HTML, error) { return markup(component(v)) }
}

// markup is what c writes, as HTML for a template. It is written into a
// pooled buffer and copied out once: a unit page has thousands of
// components, and a new buffer grown for each would be most of what they
// cost.
func markup(c templ.Component) (template.HTML, error) {
	b := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(b)
	b.Reset()
	if err := c.Render(context.Background(), b); err != nil {
		return "", err
	}
	// HTML does not allow NUL, which data can hold; html/template, which
	// writes the rest of a page, makes it U+FFFD, and so does this.
	if bytes.IndexByte(b.Bytes(), 0) >= 0 {
		return template.HTML(bytes.ReplaceAll(b.Bytes(), []byte{0}, []byte("\uFFFD"))), nil
	}
	return template.HTML(b.String()), nil
}

// badge is s's badge: the one drawn when the site's statuses were made,
// since a page has one in every row, or, for a Status made elsewhere,
// drawn now.
func badge(s Status) templ.Component {
	if s.badge != nil {
		return s.badge
	}
	return drawBadge(s)
}

// drawn is markup drawn once, written as it is wherever it is used.
type drawn string

func (d drawn) Render(_ context.Context, w io.Writer) error { return writeString(w, string(d)) }

// summaryItem is a status's count in a Summary.
type summaryItem struct {
	name, symbol string
	n            int
}

// items are the counts a summary shows: green, yellow and red always, the
// others when there are any.
func (s Summary) items() []summaryItem {
	items := []summaryItem{{"green", "✓", s.Green}, {"yellow", "!", s.Yellow}, {"red", "✕", s.Red}}
	if s.Missing != 0 {
		items = append(items, summaryItem{"missing", "–", s.Missing})
	}
	if s.Suppressed != 0 {
		items = append(items, summaryItem{"suppressed", ":", s.Suppressed})
	}
	if s.Incomplete != 0 {
		items = append(items, summaryItem{"incomplete", "…", s.Incomplete})
	}
	if s.Uncomputable != 0 {
		items = append(items, summaryItem{"uncomputable", "∅", s.Uncomputable})
	}
	return items
}

// isPlace reports whether a ranked office's rank is its place (a number,
// or none) rather than a funnel goal's assessment in words.
func (r *Ranked) isPlace() bool {
	_, err := strconv.Atoi(r.Rank)
	return err == nil || r.Rank == ""
}

// class is a measure's CSS classes in a list of measures.
func (m *MeasureRow) class() string { return "measure " + m.statusClass() }

// statusClass is a measure's status and whether it is overdue, as CSS
// classes: a row of a table of measures has its table's layout.
func (m *MeasureRow) statusClass() string {
	if m.Overdue != "" {
		return "measure-" + m.Status + " measure-overdue"
	}
	return "measure-" + m.Status
}

// measureFilters are the statuses a list of measures can be shown by,
// all ("") first, and peerColumns the columns of a table of several
// offices' measures.
var (
	measureFilters = []string{"", "planned", "started", "done"}
	peerColumns    = []string{"office", "text", "status", "started", "ended", "before", "now", "judged"}
)

// filterLabel is the label of the button that shows a list's measures of
// a status, or all of them.
func (c components) filterLabel(status string) string {
	if status == "" {
		return c.loc.T("measures.filter.all")
	}
	return c.loc.T("measure." + status)
}

// orNone is s, or none where s is empty.
func orNone(s, none string) string {
	if s == "" {
		return none
	}
	return s
}

// link is where a measure links: its office on a goal's page, else its
// goal.
func (m *MeasureRow) link() Link {
	if m.Office.Text != "" {
		return m.Office
	}
	return m.Goal
}

// Line breaks, indentation and spaces of the pages' markup where they
// follow a component call: templ writes a space between a call and text
// after it on the next line, and nothing between two calls.
const (
	sp  = whitespace(" ")
	nl  = whitespace("\n")
	nl2 = whitespace("\n  ")
	nl4 = whitespace("\n    ")
	nl6 = whitespace("\n      ")
)

// whitespace is whitespace between elements, as a component.
type whitespace string

func (ws whitespace) Render(_ context.Context, w io.Writer) error {
	return writeString(w, string(ws))
}

// sectionFacts are what a section's status line says after the target:
// the yellow limit, and the coverage and last year's value when it has
// them.
func (c components) sectionFacts(s *Section) string {
	facts := sep + c.loc.T("yellow") + " " + s.Yellow
	if s.Coverage != "" {
		facts += sep + s.Coverage
	}
	if s.LastYear != "" {
		facts += sep + s.LastYearLabel + ": " + s.LastYear
	}
	return facts
}

// changeWords are what a section's status line says after the amount of
// its change: better or worse, and whether it is a signal.
func (c components) changeWords(s *Section) string {
	if s.Signal != "" {
		return " (" + s.ChangeWord + "; " + s.Signal + ")"
	}
	return " (" + s.ChangeWord + ")"
}

// sepIf is the separator of a byline's parts where one comes before.
func sepIf(after bool) string {
	if after {
		return sep
	}
	return ""
}

// writtenBy is who wrote a text, and a comma before its date.
func (c components) writtenBy(b Byline) string {
	if b.Author == "" {
		return ""
	}
	if b.Date != "" {
		return c.loc.T("commentary.by") + " " + b.Author + ", "
	}
	return c.loc.T("commentary.by") + " " + b.Author
}

// printWholeRows are the most offices a printed matrix keeps on one
// sheet: about half of one, so that moving it whole to the next sheet
// leaves at most that much blank.
const printWholeRows = 30

// measureParts are a measure's life, due date and effect, those it has.
func (c components) measureParts(m *MeasureRow) []string {
	parts := make([]string, 0, 3)
	if m.Life != "" {
		parts = append(parts, m.Life)
	}
	if m.Due != "" {
		parts = append(parts, c.loc.T("due")+" "+m.Due)
	}
	if m.Effect != "" {
		parts = append(parts, m.Effect)
	}
	return parts
}

// text is a text of a page, escaped, as a component. templ's own
// { expression } prints a value through fmt.Sprint, two allocations for
// every value a page shows; a unit page shows tens of thousands.
type text string

func (t text) Render(_ context.Context, w io.Writer) error {
	return writeString(w, templ.EscapeString(string(t)))
}

// writeString writes s to w. templ renders into its own buffer type, and
// asserting that is cheaper than io.WriteString's look for an
// io.StringWriter, on every text of a page.
func writeString(w io.Writer, s string) error {
	if b, ok := w.(*templruntime.Buffer); ok {
		_, err := b.WriteString(s)
		return err
	}
	_, err := io.WriteString(w, s)
	return err
}

// spaced is a text after a space.
type spaced string

func (t spaced) Render(_ context.Context, w io.Writer) error {
	if err := writeString(w, " "); err != nil {
		return err
	}
	return writeString(w, templ.EscapeString(string(t)))
}
