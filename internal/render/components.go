package render

import (
	"bytes"
	stdhtml "html"
	"html/template"
	"strconv"
	"strings"

	"github.com/malekort/malekort/internal/locale"
)

// Components are the markup a page repeats for every goal, office and
// month: badges, status summaries, needs lists, scorecards, goal
// sections, commentary, rankings and commentary entries, and (in views.go)
// chart figures and their tables. They are written here, in Go, and
// nowhere else: a page calls them as template functions ({{scorecard
// .Groups}}), and a site restyles them with CSS (their classes are in
// templates/assets/site.css) while its own layout and page templates
// decide where they go. A unit page shows thousands of them; as
// templates, html/template's reflective call per printed value was a
// third of a build.
//
// Text is escaped with the standard library (html.EscapeString).
// Links are the site's own relative paths made from ids, or settings
// that config has checked to be http(s) URLs, so they need no filtering.
type components struct {
	loc *locale.Locale
}

// funcs are the components as template functions.
func (c components) funcs() template.FuncMap {
	return template.FuncMap{
		"badge":      html(c.badge),
		"summary":    html(c.summary),
		"needsList":  html(c.needsList),
		"scorecard":  html(c.scorecard),
		"sections":   html(c.sections),
		"section":    html(c.section),
		"commentary": html(c.commentary),
		"ranking":    html(c.ranking),
		"entries":    html(c.entries),
		"entry":      html(c.entry),
		"measures":   html(c.measures),
		"changes":    html(c.changes),
		"matrix":     html(c.matrix),
	}
}

// html makes a component a template function.
func html[T any](write func(*bytes.Buffer, T)) func(T) template.HTML {
	return func(v T) template.HTML { return written(func(b *bytes.Buffer) { write(b, v) }) }
}

// written is what write writes, made in a pooled buffer and copied out
// once: growing a new one for each of a build's thousands of components
// was 4 % of its processor time.
func written(write func(*bytes.Buffer)) template.HTML {
	b := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(b)
	b.Reset()
	write(b)
	return template.HTML(b.String())
}

// text writes s escaped for HTML text and quoted attribute values. Most
// of a page's text, its numbers and names, has nothing to escape, and one
// look at each byte tells so: escape's two passes over every cell of the
// chart tables were 4 % of a build's processor time.
func text(b *bytes.Buffer, s string) {
	for i := 0; i < len(s); i++ {
		if escaped[s[i]] {
			b.WriteString(escape(s))
			return
		}
	}
	b.WriteString(s)
}

// escaped are the bytes escape changes.
var escaped = [256]bool{'<': true, '>': true, '&': true, '\'': true, '"': true, 0: true}

// escape is s escaped for HTML text and quoted attribute values, as
// template.HTMLEscapeString does it (NUL becomes U+FFFD). html.EscapeString
// is the same but for NUL and several times faster on text with nothing
// to escape: the other tests its set of six characters anew on every
// call, 4 % of a build's processor time.
func escape(s string) string {
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "\uFFFD")
	}
	return stdhtml.EscapeString(s)
}

func (c components) t(b *bytes.Buffer, key string) { text(b, c.loc.T(key)) }

func (c components) badge(b *bytes.Buffer, s Status) {
	b.WriteString(`<span class="badge badge-`)
	text(b, s.Name)
	b.WriteString(`"><span class="sym" aria-hidden="true">`)
	text(b, s.Symbol)
	b.WriteString(`</span> `)
	text(b, s.Label)
	b.WriteString(`</span>`)
}

// target writes a target and where it comes from: "Målverdi 45,0 %
// (felles)".
func (c components) target(b *bytes.Buffer, target, source string) {
	c.t(b, "target")
	b.WriteString(" ")
	text(b, target)
	if source != "" {
		b.WriteString(` <span class="source">(`)
		text(b, source)
		b.WriteString(")</span>")
	}
}

func (c components) summary(b *bytes.Buffer, s Summary) {
	b.WriteString("\n<ul class=\"summary\" aria-label=\"")
	c.t(b, "summary")
	b.WriteString("\">")
	item := func(name, symbol string, n int) {
		b.WriteString("\n  <li class=\"badge badge-" + name + "\"><span class=\"sym\" aria-hidden=\"true\">" + symbol + "</span> <strong>")
		b.WriteString(strconv.Itoa(n))
		b.WriteString("</strong> ")
		c.t(b, "status."+name)
		b.WriteString("</li>")
	}
	item("green", "✓", s.Green)
	item("yellow", "!", s.Yellow)
	item("red", "✕", s.Red)
	if s.Missing != 0 {
		item("missing", "–", s.Missing)
	}
	if s.Suppressed != 0 {
		item("suppressed", ":", s.Suppressed)
	}
	if s.Incomplete != 0 {
		item("incomplete", "…", s.Incomplete)
	}
	b.WriteString("\n</ul>\n")
}

// needsList lists the goals that need attention, or says why none does.
func (c components) needsList(b *bytes.Buffer, needs Needs) {
	rows := needs.Rows
	if len(rows) == 0 {
		b.WriteString("\n<p>")
		text(b, needs.Empty)
		b.WriteString("</p>\n")
		return
	}
	b.WriteString("\n<ul class=\"needs-list\">")
	for i := range rows {
		r := &rows[i]
		b.WriteString("\n  <li><a href=\"")
		text(b, r.Href)
		b.WriteString("\">")
		text(b, r.Goal.Text)
		b.WriteString("</a> ")
		c.badge(b, r.Status)
		b.WriteString(` <span class="needs-value">`)
		text(b, r.Result)
		b.WriteString(` <span class="muted">`)
		c.target(b, r.Target, r.Source)
		if r.Coverage != "" {
			b.WriteString("; ")
			text(b, r.Coverage)
		}
		b.WriteString("</span>")
		if r.Note != "" {
			b.WriteString(` <span class="change-worse">`)
			c.amount(b, r)
			b.WriteString(", ")
			text(b, r.Note)
			b.WriteString("</span>")
		}
		b.WriteString("</span></li>")
	}
	b.WriteString("\n</ul>\n")
}

// scorecard is a table per perspective. On a phone the trend and change
// columns step back; the rest stays readable without scrolling.
func (c components) scorecard(b *bytes.Buffer, groups []Group) {
	for _, g := range groups {
		b.WriteString("\n<table class=\"scorecard\">\n  <caption>")
		text(b, g.Perspective)
		b.WriteString("</caption>\n  <thead>\n    <tr><th scope=\"col\">")
		c.t(b, "goal")
		b.WriteString("</th><th scope=\"col\" class=\"num\">")
		c.t(b, "result")
		b.WriteString("</th><th scope=\"col\" class=\"num wide-only\">")
		c.t(b, "change")
		b.WriteString("</th><th scope=\"col\">")
		c.t(b, "status")
		b.WriteString("</th><th scope=\"col\" class=\"opt\">")
		c.t(b, "trend")
		b.WriteString("</th></tr>\n  </thead>\n  <tbody>")
		for i := range g.Rows {
			r := &g.Rows[i]
			b.WriteString("\n    <tr>\n      <th scope=\"row\"><a href=\"")
			text(b, r.Href)
			b.WriteString("\">")
			text(b, r.Goal.Text)
			b.WriteString("</a>")
			if r.Local != "" {
				b.WriteString(` <span class="tag">`)
				c.t(b, "local")
				b.WriteString(" ")
				text(b, r.Local)
				b.WriteString("</span>")
			}
			b.WriteString("</th>\n      <td class=\"num\"><span class=\"result\">")
			text(b, r.Result)
			b.WriteString("</span>")
			if r.Size != "" {
				b.WriteString(`<span class="target size">`)
				text(b, r.Size)
				b.WriteString("</span>")
			}
			b.WriteString(`<span class="target">`)
			c.target(b, r.Target, r.Source)
			b.WriteString("</span>")
			if r.Coverage != "" {
				b.WriteString(`<span class="target coverage">`)
				text(b, r.Coverage)
				b.WriteString("</span>")
			}
			if r.ChangeWord != "" {
				b.WriteString(`<span class="target phone-only change-`)
				text(b, r.ChangeClass)
				b.WriteString(`">`)
				c.change(b, r)
				b.WriteString("</span>")
			}
			b.WriteString("</td>\n      <td class=\"num change change-")
			text(b, r.ChangeClass)
			b.WriteString(` wide-only">`)
			if r.ChangeWord != "" {
				c.change(b, r)
			} else {
				text(b, r.Change)
			}
			if r.Signalled {
				b.WriteString(`<span class="signal">`)
				text(b, r.Signal)
				b.WriteString("</span>")
			}
			b.WriteString("</td>\n      <td>")
			c.badge(b, r.Status)
			b.WriteString("</td>\n      <td class=\"opt\">")
			b.WriteString(string(r.Trend))
			b.WriteString("</td>\n    </tr>")
		}
		b.WriteString("\n  </tbody>\n</table>")
	}
	b.WriteString("\n")
}

// amount is a row's change from last month as shown; a screen reader
// hears its abbreviation ("p.p.") in words.
func (c components) amount(b *bytes.Buffer, r *Row) {
	if r.ChangeAmountSpoken == "" {
		text(b, r.Change)
		return
	}
	b.WriteString(`<span aria-hidden="true">`)
	text(b, r.Change)
	b.WriteString(`</span><span class="sr-only">`)
	text(b, r.ChangeAmountSpoken)
	b.WriteString("</span>")
}

// change is a row's change from last month: the arrow for where the value
// went, the amount, and the word for whether that is better or worse; a
// screen reader hears it as one sentence instead.
func (c components) change(b *bytes.Buffer, r *Row) {
	b.WriteString(`<span aria-hidden="true">`)
	if r.ChangeArrow != "" {
		b.WriteString(`<span class="arrow">`)
		text(b, r.ChangeArrow)
		b.WriteString("</span> ")
	}
	text(b, r.Change)
	b.WriteString(` <span class="word">`)
	text(b, r.ChangeWord)
	b.WriteString(`</span></span><span class="sr-only">`)
	text(b, r.ChangeSpoken)
	b.WriteString("</span>")
}

// sections are the goals' details on a unit page: status, description and
// chart.
func (c components) sections(b *bytes.Buffer, sections []Section) {
	size := 0
	for i := range sections {
		size += 1024
		if ch := sections[i].Chart; ch != nil {
			size += ch.size()
		}
	}
	b.Grow(size)
	for i := range sections {
		c.section(b, sections[i])
	}
	b.WriteString("\n")
}

// section is one goal's section. Pages call it once per goal, not
// sections once for all: text/template prints a function's result
// through a buffer of fmt's that is dropped, not reused, when it is over
// 64 KB, and a unit page's sections together are several times that.
func (c components) section(b *bytes.Buffer, s Section) {
	if s.Chart != nil {
		b.Grow(1024 + s.Chart.size())
	}
	b.WriteString("\n<section class=\"goal\" id=\"")
	text(b, s.Anchor)
	b.WriteString(`" aria-labelledby="`)
	text(b, s.Anchor)
	b.WriteString("-h\">\n  <h3 id=\"")
	text(b, s.Anchor)
	b.WriteString(`-h">`)
	text(b, s.Title)
	b.WriteString("</h3>\n  <p class=\"goal-status\">")
	c.badge(b, s.Status)
	b.WriteString(` <span class="result">`)
	text(b, s.Result)
	b.WriteString(`</span> <span class="muted">`)
	if s.Size != "" {
		text(b, s.Size)
		b.WriteString("\u00a0· ")
	}
	c.target(b, s.Target, s.Source)
	b.WriteString("\u00a0· ")
	c.t(b, "yellow")
	b.WriteString(" ")
	text(b, s.Yellow)
	if s.Coverage != "" {
		b.WriteString("\u00a0· ")
		text(b, s.Coverage)
	}
	if s.LastYear != "" {
		b.WriteString("\u00a0· ")
		c.t(b, "last.year")
		b.WriteString(": ")
		text(b, s.LastYear)
	}
	if s.ChangeWord != "" {
		b.WriteString("\u00a0· ")
		c.t(b, "change.long")
		b.WriteString(": ")
		c.amount(b, &s.Row)
		b.WriteString(" (")
		text(b, s.ChangeWord)
		if s.Signal != "" {
			b.WriteString("; ")
			text(b, s.Signal)
		}
		b.WriteString(")")
	}
	b.WriteString("</span></p>")
	if s.Description != "" {
		b.WriteString(`<div class="prose small">`)
		b.WriteString(string(s.Description))
		b.WriteString("</div>")
	}
	if len(s.Measures) > 0 {
		b.WriteString("\n  <h4>")
		c.t(b, "measures.goal")
		b.WriteString("</h4>")
		c.measures(b, s.Measures)
	}
	b.WriteString("\n  <p class=\"more\"><a href=\"")
	text(b, s.Goal.Href)
	b.WriteString("\">")
	c.t(b, "definition")
	b.WriteString(": ")
	text(b, s.Title)
	b.WriteString("</a></p>\n  ")
	if s.Chart != nil {
		s.Chart.write(b)
	}
	if s.Funnel != nil {
		s.Funnel.write(b)
	}
	if s.FunnelNote != "" {
		b.WriteString("\n  <p class=\"note\">")
		text(b, s.FunnelNote)
		b.WriteString("</p>")
	}
	b.WriteString("\n</section>")
}

// commentary is an office's commentary for a month with its measures.
func (c components) commentary(b *bytes.Buffer, cv *CommentaryView) {
	b.WriteString("\n<div class=\"commentary\">\n  <p class=\"byline\">")
	if cv.Author != "" {
		c.t(b, "commentary.by")
		b.WriteString(" ")
		text(b, cv.Author)
	}
	if cv.Date != "" {
		if cv.Author != "" {
			b.WriteString(", ")
		}
		b.WriteString(`<time datetime="`)
		text(b, cv.ISODate)
		b.WriteString(`">`)
		text(b, cv.Date)
		b.WriteString("</time>")
	}
	if cv.EditURL != "" {
		b.WriteString("\u00a0· <a href=\"")
		text(b, cv.EditURL)
		b.WriteString(`">`)
		c.t(b, "edit")
		b.WriteString("</a>")
	}
	b.WriteString("</p>\n  <div class=\"prose\">")
	b.WriteString(string(cv.Body))
	b.WriteString("</div>")
	if len(cv.Measures) > 0 {
		b.WriteString("\n  <h3>")
		c.t(b, "measures")
		b.WriteString("</h3>")
		c.measures(b, cv.Measures)
	}
	b.WriteString("\n</div>\n")
}

// ranking is the rows of a goal's table of offices, best first.
func (c components) ranking(b *bytes.Buffer, ranked []Ranked) {
	b.Grow(400 * len(ranked))
	for i := range ranked {
		r := &ranked[i]
		// A place is a number; a funnel goal's assessment is words.
		if _, err := strconv.Atoi(r.Rank); err == nil || r.Rank == "" {
			b.WriteString("\n      <tr><td class=\"num\">")
		} else {
			b.WriteString("\n      <tr><td class=\"chance\">")
		}
		text(b, r.Rank)
		b.WriteString(`</td><th scope="row"><a href="`)
		text(b, r.Office.Href)
		b.WriteString(`">`)
		text(b, r.Office.Text)
		b.WriteString(`</a></th><td class="opt">`)
		text(b, r.County)
		b.WriteString(`</td><td class="num">`)
		text(b, r.Result)
		if r.Size != "" {
			b.WriteString(`<span class="target size">`)
			text(b, r.Size)
			b.WriteString("</span>")
		}
		b.WriteString(`<span class="target">`)
		c.target(b, r.Target, r.Source)
		b.WriteString("</span></td><td>")
		c.badge(b, r.Status)
		b.WriteString("</td></tr>")
	}
	b.WriteString("\n")
}

// entries are an office's commentary, a month each, with how it stood.
func (c components) entries(b *bytes.Buffer, entries []CommentaryEntry) {
	for i := range entries {
		c.entry(b, entries[i])
	}
	b.WriteString("\n")
}

// entry is one month's commentary entry (see section for why pages call
// it once per entry).
func (c components) entry(b *bytes.Buffer, e CommentaryEntry) {
	b.WriteString("\n<article class=\"entry\" aria-labelledby=\"")
	text(b, e.ID)
	b.WriteString("\">\n  <h2 id=\"")
	text(b, e.ID)
	b.WriteString(`">`)
	text(b, e.Heading)
	b.WriteString("</h2>\n  ")
	c.commentary(b, &e.Commentary)
	b.WriteString("\n  <h3>")
	c.t(b, "status")
	b.WriteString(", ")
	text(b, e.Month)
	b.WriteString("</h3>\n  ")
	c.summary(b, e.Summary)
	b.WriteString("\n  <h4>")
	c.t(b, "needs")
	b.WriteString("</h4>\n  ")
	c.needsList(b, e.Needs)
	b.WriteString("\n</article>")
}

// measures lists measures with their lives: status, text, goal (or
// office), due date, overdue in words as well as by style, start and done.
func (c components) measures(b *bytes.Buffer, rows []MeasureRow) {
	b.WriteString("\n<ul class=\"measures\">")
	for i := range rows {
		m := &rows[i]
		b.WriteString("\n  <li class=\"measure measure-")
		text(b, m.Status)
		if m.Overdue != "" {
			b.WriteString(" measure-overdue")
		}
		b.WriteString("\">\n    <span class=\"mstatus\">")
		text(b, m.Label)
		if m.Overdue != "" {
			b.WriteString(` <strong class="overdue">`)
			text(b, m.Overdue)
			b.WriteString("</strong>")
		}
		b.WriteString("</span>\n    <span class=\"mtext\">")
		text(b, m.Text)
		b.WriteString("</span>\n    <span class=\"mmeta\">")
		link := m.Goal
		if m.Office.Text != "" {
			link = m.Office
		}
		b.WriteString(`<a href="`)
		text(b, link.Href)
		b.WriteString(`">`)
		text(b, link.Text)
		b.WriteString("</a>")
		for _, part := range []string{m.Life, m.Due, m.Effect} {
			if part == "" {
				continue
			}
			b.WriteString(`<span class="mpart">`)
			if part == m.Due {
				c.t(b, "due")
				b.WriteString(" ")
			}
			text(b, part)
			b.WriteString("</span>")
		}
		b.WriteString("</span>\n  </li>")
	}
	b.WriteString("\n</ul>\n")
}

// changes shows what changed since last month: status changes, and the
// largest moves for the better and the worse.
func (c components) changes(b *bytes.Buffer, ch Changes) {
	b.WriteString("\n<div class=\"changes\">\n<h3>")
	c.t(b, "changes.status")
	b.WriteString("</h3>")
	if len(ch.Status) == 0 {
		b.WriteString("\n<p>")
		c.t(b, "changes.status.none")
		b.WriteString("</p>")
	} else {
		b.WriteString("\n<ul class=\"status-changes\">")
		for _, s := range ch.Status {
			b.WriteString("\n  <li><a href=\"")
			text(b, s.Goal.Href)
			b.WriteString("\">")
			text(b, s.Goal.Text)
			b.WriteString("</a> ")
			c.badge(b, s.From)
			b.WriteString(` <span aria-hidden="true">→</span><span class="sr-only">`)
			c.t(b, "changes.to")
			b.WriteString("</span> ")
			c.badge(b, s.To)
			b.WriteString("</li>")
		}
		b.WriteString("\n</ul>")
	}
	for _, part := range []struct {
		key  string
		rows []Row
	}{{"changes.better", ch.Better}, {"changes.worse", ch.Worse}} {
		if len(part.rows) == 0 {
			continue
		}
		b.WriteString("\n<h3>")
		c.t(b, part.key)
		b.WriteString("</h3>\n<ul class=\"moves\">")
		for i := range part.rows {
			r := &part.rows[i]
			b.WriteString("\n  <li><a href=\"")
			text(b, r.Href)
			b.WriteString("\">")
			text(b, r.Goal.Text)
			b.WriteString("</a> <span class=\"change-")
			text(b, r.ChangeClass)
			b.WriteString("\">")
			c.change(b, r)
			b.WriteString("</span> <span class=\"muted\">(")
			text(b, r.Result)
			if r.Signal != "" {
				b.WriteString("; ")
				text(b, r.Signal)
			}
			b.WriteString(")</span></li>")
		}
		b.WriteString("\n</ul>")
	}
	b.WriteString("\n</div>\n")
}

// matrix is a county's offices against its goals: a status symbol and
// value in each cell. It scrolls sideways inside itself, with the office
// names kept in view.
func (c components) matrix(b *bytes.Buffer, m Matrix) {
	if len(m.Rows) == 0 {
		return
	}
	b.Grow(256 * len(m.Rows) * (1 + len(m.Goals)))
	b.WriteString("\n<p>")
	text(b, m.Order)
	b.WriteString("</p>\n<div class=\"table-scroll matrix-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"")
	text(b, m.Caption)
	b.WriteString("\"><table class=\"data matrix\"><caption>")
	text(b, m.Caption)
	b.WriteString("</caption>\n<thead><tr><th scope=\"col\">")
	c.t(b, "office")
	b.WriteString("</th>")
	for _, g := range m.Goals {
		b.WriteString(`<th scope="col"><a href="`)
		text(b, g.Href)
		b.WriteString(`">`)
		text(b, g.Text)
		b.WriteString("</a></th>")
	}
	b.WriteString("</tr></thead>\n<tbody>")
	for _, r := range m.Rows {
		b.WriteString("\n<tr><th scope=\"row\"><a href=\"")
		text(b, r.Office.Href)
		b.WriteString(`">`)
		text(b, r.Office.Text)
		b.WriteString("</a></th>")
		for _, cell := range r.Cells {
			if cell == nil {
				b.WriteString(`<td class="none"></td>`)
				continue
			}
			b.WriteString(`<td class="cell-`)
			text(b, cell.Status.Name)
			b.WriteString(`"><span class="sym" aria-hidden="true">`)
			text(b, cell.Status.Symbol)
			b.WriteString(`</span> `)
			text(b, cell.Value)
			b.WriteString(`<span class="sr-only"> `)
			text(b, cell.Status.Label)
			b.WriteString("</span>")
			if cell.Signal != "" {
				b.WriteString(` <span class="signal" title="`)
				text(b, cell.Signal)
				b.WriteString(`"><span aria-hidden="true">⚑</span><span class="sr-only">`)
				text(b, cell.Signal)
				b.WriteString("</span></span>")
			}
			b.WriteString("</td>")
		}
		b.WriteString("</tr>")
	}
	b.WriteString("\n</tbody></table></div>\n")
}
