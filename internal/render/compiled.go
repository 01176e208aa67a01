package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"text/template/parse"

	"github.com/malekort/malekort/internal/locale"
)

// Compiled partials. A unit page calls the badge, summary, needs-list,
// scorecard, sections and commentary partials for every goal and month it
// shows, a goal page ranking for every office and a commentary page
// entries for every month: thousands of template actions a page, and
// html/template spends about half a microsecond on each printed value (a
// reflective call of its escaper). At NAV's size that was a third of a
// build. So for each of these partials that a site has not changed, a page
// calls the Go copy below instead, which writes the same bytes: the
// template stays the definition, and TestCompiledPartials builds whole
// sites both ways and compares them. A site that changes a partial, or one
// it calls, gets its template run as written.

// compiledPartials are the Go copies by partial name.
type compiledPartials map[string]func(any) (template.HTML, error)

func newCompiledPartials(loc *locale.Locale) compiledPartials {
	c := &compiler{loc: loc}
	return compiledPartials{
		"badge":      typed(c.badge),
		"summary":    typed(c.summary),
		"needs-list": typed(c.needsList),
		"scorecard":  c.scorecard,
		"sections":   typed(c.sections),
		"commentary": c.commentary,
		"ranking":    typed(c.ranking),
		"entries":    typed(c.entries),
	}
}

// typed adapts a Go copy to the data a template passes it.
func typed[T any](f func(*bytes.Buffer, T)) func(any) (template.HTML, error) {
	return func(v any) (template.HTML, error) {
		data, ok := v.(T)
		if !ok {
			var want T
			return "", fmt.Errorf("the built-in partial needs a %T, not a %T", want, v)
		}
		return written(func(b *bytes.Buffer) { f(b, data) }), nil
	}
}

// written is what write writes, made in a pooled buffer and copied out
// once: growing a new one for each of a build's thousands of partials was
// 4 % of its processor time in the profile.
func written(write func(*bytes.Buffer)) template.HTML {
	b := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(b)
	b.Reset()
	write(b)
	return template.HTML(b.String())
}

// funcName is the template function that calls the Go copy of partial name.
func funcName(name string) string {
	return "compiled_" + strings.ReplaceAll(name, "-", "_")
}

// funcs are the template functions for the Go copies.
func (c compiledPartials) funcs() template.FuncMap {
	m := template.FuncMap{}
	for name, f := range c {
		m[funcName(name)] = f
	}
	return m
}

// use replaces, in page, each compiled partial that is as built in (the
// same parse tree as in builtin, and so are the partials it calls) by a
// call of its Go copy. It runs before page is first executed.
func (c compiledPartials) use(page, builtin *template.Template) error {
	var same []string
	for name := range c {
		if unchanged(page, builtin, name, map[string]bool{}) {
			same = append(same, name)
		}
	}
	for _, name := range same {
		if _, err := page.New(name).Parse("{{" + funcName(name) + " .}}"); err != nil {
			return err
		}
	}
	return nil
}

// unchanged reports whether the partial name, and every template it calls,
// parses in page as in builtin.
func unchanged(page, builtin *template.Template, name string, seen map[string]bool) bool {
	if seen[name] {
		return true
	}
	seen[name] = true
	mine, orig := page.Lookup(name), builtin.Lookup(name)
	if mine == nil || orig == nil || mine.Tree == nil || orig.Tree == nil ||
		mine.Tree.Root.String() != orig.Tree.Root.String() {
		return false
	}
	for _, called := range calls(orig.Tree.Root) {
		if !unchanged(page, builtin, called, seen) {
			return false
		}
	}
	return true
}

// calls lists the templates a template calls.
func calls(n parse.Node) []string {
	var names []string
	var walk func(parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c)
				}
			}
		case *parse.TemplateNode:
			names = append(names, n.Name)
		case *parse.IfNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.List)
			walk(n.ElseList)
		}
	}
	walk(n)
	return names
}

// compiler holds what the Go copies share. Each writes what its partial in
// templates/partials.html writes, escaped as html/template escapes it there.
type compiler struct {
	loc *locale.Locale
}

func (c *compiler) t(b *bytes.Buffer, key string) { escapeHTML(b, c.loc.T(key)) }

// {{define "badge"}}
func (c *compiler) badge(b *bytes.Buffer, s Status) {
	b.WriteString(`<span class="badge badge-`)
	escapeHTML(b, s.Name)
	b.WriteString(`"><span class="sym" aria-hidden="true">`)
	escapeHTML(b, s.Symbol)
	b.WriteString(`</span> `)
	escapeHTML(b, s.Label)
	b.WriteString(`</span>`)
}

// {{define "summary"}}
func (c *compiler) summary(b *bytes.Buffer, s Summary) {
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
	b.WriteString("\n</ul>\n")
}

// {{define "needs-list"}}
func (c *compiler) needsList(b *bytes.Buffer, rows []Row) {
	if len(rows) == 0 {
		b.WriteString("\n<p>")
		c.t(b, "needs.none")
		b.WriteString("</p>\n")
		return
	}
	b.WriteString("\n<ul class=\"needs-list\">")
	for i := range rows {
		r := &rows[i]
		b.WriteString("\n  <li><a href=\"")
		escapeURL(b, r.Href)
		b.WriteString("\">")
		escapeHTML(b, r.Goal.Text)
		b.WriteString("</a> ")
		c.badge(b, r.Status)
		b.WriteString(` <span class="needs-value">`)
		escapeHTML(b, r.Result)
		b.WriteString(` <span class="muted">(`)
		c.t(b, "target")
		b.WriteString(" ")
		escapeHTML(b, r.Target)
		b.WriteString(")</span></span></li>")
	}
	b.WriteString("\n</ul>\n")
}

// {{define "scorecard"}}: called with a page.
func (c *compiler) scorecard(page any) (template.HTML, error) {
	var groups []Group
	switch p := page.(type) {
	case FrontPage:
		groups = p.Groups
	case CountyPage:
		groups = p.Groups
	case OfficePage:
		groups = p.Groups
	default:
		return "", fmt.Errorf("the built-in scorecard partial needs a front, county or office page, not a %T", page)
	}
	return written(func(b *bytes.Buffer) { c.writeScorecard(b, groups) }), nil
}

func (c *compiler) writeScorecard(b *bytes.Buffer, groups []Group) {
	for _, g := range groups {
		b.WriteString("\n<table class=\"scorecard\">\n  <caption>")
		escapeHTML(b, g.Perspective)
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
			escapeURL(b, r.Href)
			b.WriteString("\">")
			escapeHTML(b, r.Goal.Text)
			b.WriteString("</a>")
			if r.Local != "" {
				b.WriteString(` <span class="tag">`)
				c.t(b, "local")
				b.WriteString(" ")
				escapeHTML(b, r.Local)
				b.WriteString("</span>")
			}
			b.WriteString("</th>\n      <td class=\"num\"><span class=\"result\">")
			escapeHTML(b, r.Result)
			b.WriteString(`</span><span class="target">`)
			c.t(b, "target")
			b.WriteString(" ")
			escapeHTML(b, r.Target)
			b.WriteString("</span>")
			if r.ChangeWord != "" {
				b.WriteString(`<span class="target phone-only change-`)
				escapeHTML(b, r.ChangeClass)
				b.WriteString(`">`)
				escapeHTML(b, r.Change)
				b.WriteString(` <span class="word">`)
				escapeHTML(b, r.ChangeWord)
				b.WriteString("</span></span>")
			}
			b.WriteString("</td>\n      <td class=\"num change change-")
			escapeHTML(b, r.ChangeClass)
			b.WriteString(` wide-only">`)
			escapeHTML(b, r.Change)
			if r.ChangeWord != "" {
				b.WriteString(`<span class="word">`)
				escapeHTML(b, r.ChangeWord)
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

// {{define "sections"}}
func (c *compiler) sections(b *bytes.Buffer, sections []Section) {
	size := 0
	for i := range sections {
		size += 1024
		if ch := sections[i].Chart; ch != nil {
			size += ch.size()
		}
	}
	b.Grow(size)
	for i := range sections {
		s := &sections[i]
		b.WriteString("\n<section class=\"goal\" id=\"")
		escapeHTML(b, s.Anchor)
		b.WriteString(`" aria-labelledby="`)
		escapeHTML(b, s.Anchor)
		b.WriteString("-h\">\n  <h3 id=\"")
		escapeHTML(b, s.Anchor)
		b.WriteString(`-h">`)
		escapeHTML(b, s.Title)
		b.WriteString("</h3>\n  <p class=\"goal-status\">")
		c.badge(b, s.Status)
		b.WriteString(` <span class="result">`)
		escapeHTML(b, s.Result)
		b.WriteString(`</span> <span class="muted">`)
		c.t(b, "target")
		b.WriteString(" ")
		escapeHTML(b, s.Target)
		b.WriteString(" · ")
		c.t(b, "yellow")
		b.WriteString(" ")
		escapeHTML(b, s.Yellow)
		if s.ChangeWord != "" {
			b.WriteString(" · ")
			c.t(b, "change.long")
			b.WriteString(": ")
			escapeHTML(b, s.Change)
			b.WriteString(" (")
			escapeHTML(b, s.ChangeWord)
			b.WriteString(")")
		}
		b.WriteString("</span></p>")
		if s.Description != "" {
			b.WriteString(`<div class="prose small">`)
			b.WriteString(string(s.Description))
			b.WriteString("</div>")
		}
		b.WriteString("\n  <p class=\"more\"><a href=\"")
		escapeURL(b, s.Goal.Href)
		b.WriteString("\">")
		c.t(b, "definition")
		b.WriteString(": ")
		escapeHTML(b, s.Title)
		b.WriteString("</a></p>\n  ")
		if s.Chart != nil {
			s.Chart.write(b)
		}
		b.WriteString("\n</section>")
	}
	b.WriteString("\n")
}

// {{define "commentary"}}: called with a *CommentaryView on office pages
// and a CommentaryView on commentary pages.
func (c *compiler) commentary(v any) (template.HTML, error) {
	var cv *CommentaryView
	switch v := v.(type) {
	case CommentaryView:
		cv = &v
	case *CommentaryView:
		cv = v
	}
	if cv == nil {
		return "", fmt.Errorf("the built-in commentary partial needs a commentary, not a %T", v)
	}
	return written(func(b *bytes.Buffer) { c.writeCommentary(b, cv) }), nil
}

func (c *compiler) writeCommentary(b *bytes.Buffer, cv *CommentaryView) {
	b.WriteString("\n<div class=\"commentary\">\n  <p class=\"byline\">")
	if cv.Author != "" {
		c.t(b, "commentary.by")
		b.WriteString(" ")
		escapeHTML(b, cv.Author)
	}
	if cv.Date != "" {
		if cv.Author != "" {
			b.WriteString(", ")
		}
		b.WriteString(`<time datetime="`)
		escapeHTML(b, cv.ISODate)
		b.WriteString(`">`)
		escapeHTML(b, cv.Date)
		b.WriteString("</time>")
	}
	if cv.EditURL != "" {
		b.WriteString(` · <a href="`)
		escapeURL(b, cv.EditURL)
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
		b.WriteString("</h3>\n  <ul class=\"measures\">")
		for i := range cv.Measures {
			m := &cv.Measures[i]
			b.WriteString("\n    <li class=\"measure measure-")
			escapeHTML(b, m.Status)
			b.WriteString("\">\n      <span class=\"mstatus\">")
			escapeHTML(b, m.Label)
			b.WriteString("</span>\n      <span class=\"mtext\">")
			escapeHTML(b, m.Text)
			b.WriteString("</span>\n      <span class=\"mmeta\"><a href=\"")
			escapeURL(b, m.Goal.Href)
			b.WriteString("\">")
			escapeHTML(b, m.Goal.Text)
			b.WriteString("</a>")
			if m.Due != "" {
				b.WriteString(" · ")
				c.t(b, "due")
				b.WriteString(" ")
				escapeHTML(b, m.Due)
			}
			b.WriteString("</span>\n    </li>")
		}
		b.WriteString("\n  </ul>")
	}
	b.WriteString("\n</div>\n")
}

// {{define "ranking"}}
func (c *compiler) ranking(b *bytes.Buffer, ranked []Ranked) {
	b.Grow(400 * len(ranked))
	for i := range ranked {
		r := &ranked[i]
		b.WriteString("\n      <tr><td class=\"num\">")
		escapeHTML(b, r.Rank)
		b.WriteString(`</td><th scope="row"><a href="`)
		escapeURL(b, r.Office.Href)
		b.WriteString(`">`)
		escapeHTML(b, r.Office.Text)
		b.WriteString(`</a></th><td class="opt">`)
		escapeHTML(b, r.County)
		b.WriteString(`</td><td class="num">`)
		escapeHTML(b, r.Result)
		b.WriteString(`<span class="target">`)
		c.t(b, "target")
		b.WriteString(" ")
		escapeHTML(b, r.Target)
		b.WriteString("</span></td><td>")
		c.badge(b, r.Status)
		b.WriteString("</td></tr>")
	}
	b.WriteString("\n")
}

// {{define "entries"}}
func (c *compiler) entries(b *bytes.Buffer, entries []CommentaryEntry) {
	for i := range entries {
		e := &entries[i]
		b.WriteString("\n<article class=\"entry\" aria-labelledby=\"")
		escapeHTML(b, e.ID)
		b.WriteString("\">\n  <h2 id=\"")
		escapeHTML(b, e.ID)
		b.WriteString(`">`)
		escapeHTML(b, e.Heading)
		b.WriteString("</h2>\n  ")
		c.writeCommentary(b, &e.Commentary)
		b.WriteString("\n  <h3>")
		c.t(b, "status")
		b.WriteString(", ")
		escapeHTML(b, e.Month)
		b.WriteString("</h3>\n  ")
		c.summary(b, e.Summary)
		b.WriteString("\n  <h4>")
		c.t(b, "needs")
		b.WriteString("</h4>\n  ")
		c.needsList(b, e.Needs)
		b.WriteString("\n</article>")
	}
	b.WriteString("\n")
}

// escapeHTML writes s as html/template writes a string in text or in a
// quoted attribute value.
func escapeHTML(b *bytes.Buffer, s string) {
	written := 0
	for i := 0; i < len(s); i++ {
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		b.WriteString(s[written:i])
		b.WriteString(repl)
		written = i + 1
	}
	b.WriteString(s[written:])
}

// escapeURL writes s as html/template writes a string in a quoted href:
// a URL with a scheme other than http, https or mailto is replaced, the
// rest is percent-encoded where a URL may not hold a byte as it is, and
// the result escaped for the attribute.
func escapeURL(b *bytes.Buffer, s string) {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") &&
		!strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
		b.WriteString("#ZgotmplZ")
		return
	}
	const hex = "0123456789abcdef"
	var u strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case 'a' <= ch && ch <= 'z', 'A' <= ch && ch <= 'Z', '0' <= ch && ch <= '9',
			strings.IndexByte("!#$&*+,/:;=?@[]-._~", ch) >= 0:
			continue
		case ch == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			continue
		}
		u.WriteString(s[written:i])
		u.WriteByte('%')
		u.WriteByte(hex[ch>>4])
		u.WriteByte(hex[ch&15])
		written = i + 1
	}
	if written == 0 {
		escapeHTML(b, s)
		return
	}
	u.WriteString(s[written:])
	escapeHTML(b, u.String())
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
