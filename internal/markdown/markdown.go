// Package markdown renders leaders' commentary to HTML that cannot carry
// markup or script of its own: raw HTML is dropped (goldmark's default),
// links and images keep only relative, http(s) and mailto targets, and
// headings are moved below the page's own so the outline stays correct.
package markdown

import (
	"bytes"
	"html/template"
	"net/url"
	"path"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// Renderer turns markdown into safe HTML. It is safe for concurrent use.
type Renderer struct {
	md goldmark.Markdown
}

// New returns a renderer with GitHub-flavoured tables, strikethrough and
// task lists, as leaders know them from pull requests.
func New() *Renderer {
	return &Renderer{md: newGoldmark()}
}

// referenceReader parses for References. A goldmark parser is safe for
// concurrent use, and making one costs more than parsing a commentary.
var referenceReader = newGoldmark()

func newGoldmark() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList))
}

// Render renders src with its headings starting at level minHeading (a
// "# Title" in a commentary becomes <h3> on a page whose sections are <h2>).
func (r *Renderer) Render(src []byte, minHeading int) (template.HTML, error) {
	doc := r.md.Parser().Parse(text.NewReader(src))
	var unsafe []ast.Node
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			n.Level = min(n.Level+minHeading-1, 6)
		case *ast.Link:
			if !Linkable(string(n.Destination)) {
				unsafe = append(unsafe, n)
			}
		case *ast.Image:
			if !Linkable(string(n.Destination)) {
				unsafe = append(unsafe, n)
			}
		case *ast.AutoLink:
			if !Linkable(string(n.URL(src))) {
				unsafe = append(unsafe, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range unsafe {
		// Keep what the reader would have seen as the link's text.
		parent := n.Parent()
		for c := n.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, n, c)
			c = next
		}
		if al, ok := n.(*ast.AutoLink); ok {
			parent.InsertBefore(parent, n, ast.NewString(al.Label(src)))
		}
		parent.RemoveChild(parent, n)
	}
	var b bytes.Buffer
	if err := r.md.Renderer().Render(&b, src, doc); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

// Linkable reports whether a link or image target may appear on the site:
// a relative reference, or an http, https or mailto URL. The target is
// read by net/url, and refused when it cannot be: a browser would read
// it its own way ("java\tscript:"). A reference to another host without a
// scheme ("//host", "\\host") is refused too: opened from a file share,
// it names a Windows share.
func Linkable(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "http", "https", "mailto":
		return true
	case "":
		return u.Host == "" && !strings.HasPrefix(raw, "//") && !strings.HasPrefix(raw, `\`) && !strings.HasPrefix(raw, `/\`)
	}
	return false
}

// References returns the relative targets of src's links and images that
// are neither pages of the site nor anchors, in order of appearance: the
// files (a chart image, a PDF) a commentary needs published beside it.
func References(src []byte) []string {
	if bytes.IndexByte(src, '[') < 0 {
		// No link or image without a bracket (autolinks need a scheme and
		// raw HTML is not rendered), and most commentary has none, so
		// most of it is never parsed here.
		return nil
	}
	return references(src)
}

func references(src []byte) []string {
	doc := referenceReader.Parser().Parse(text.NewReader(src))
	var refs []string
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest string
		switch n := n.(type) {
		case *ast.Link:
			dest = string(n.Destination)
		case *ast.Image:
			dest = string(n.Destination)
		default:
			return ast.WalkContinue, nil
		}
		u, err := url.Parse(dest)
		if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" || strings.HasPrefix(u.Path, "/") {
			return ast.WalkContinue, nil
		}
		switch strings.ToLower(path.Ext(u.Path)) {
		case ".html", ".md", ".csv":
			return ast.WalkContinue, nil
		}
		refs = append(refs, u.Path)
		return ast.WalkContinue, nil
	})
	return refs
}

// PlainText is src's words as a reader reads them, for site search: the
// markup of emphasis, headings, lists, quotes, tables and code taken
// away, a link or image replaced by its text, raw HTML left out (as
// Render leaves it out), white space collapsed. It reads the markup in
// one pass without parsing it, and so only approximately: a second
// goldmark parse of every commentary was a large share of a build, where
// search needs the words and a snippet reads well without the rare markup
// this misses.
func PlainText(src []byte) string {
	b := &plain{text: make([]byte, 0, len(src))}
	fenced, html := false, false
	for line := range bytes.SplitSeq(src, []byte("\n")) {
		t := bytes.TrimSpace(line)
		switch {
		case bytes.HasPrefix(t, []byte("```")) || bytes.HasPrefix(t, []byte("~~~")):
			fenced = !fenced
			continue
		case fenced:
			b.write(t)
			b.blank = true
			continue
		case len(t) == 0:
			html = false
			continue
		case html || len(t) > 1 && t[0] == '<' && isTagStart(t[1]) && !isAutolink(t):
			// An HTML block lasts to the next blank line.
			html = true
			continue
		}
		writeInline(b, lineText(t))
		b.blank = true
	}
	return string(b.text)
}

// plain is text being written with a single space between its lines
// and parts; a run of blanks within a part is left as it is, as HTML
// shows it as one.
type plain struct {
	text  []byte
	blank bool // a space is due before the next text
}

func (p *plain) write(t []byte) {
	trimmed := bytes.TrimRight(bytes.TrimLeft(t, " "), " ")
	if len(trimmed) == 0 {
		p.blank = p.blank || len(t) > 0
		return
	}
	if (p.blank || trimmed[0] != t[0]) && len(p.text) > 0 {
		p.text = append(p.text, ' ')
	}
	p.text = append(p.text, trimmed...)
	p.blank = trimmed[len(trimmed)-1] != t[len(t)-1]
}

// lineText is a line without the markers that begin it (quote, heading,
// list item, task) or that make it up (a rule, a table's separator row).
func lineText(t []byte) []byte {
	if len(bytes.Trim(t, "-*_=|: ")) == 0 {
		return nil
	}
	for {
		rest := bytes.TrimLeft(t, " ")
		switch {
		case bytes.HasPrefix(rest, []byte(">")):
			rest = rest[1:]
		case bytes.HasPrefix(rest, []byte("#")):
			rest = bytes.TrimLeft(rest, "#")
		case len(rest) > 1 && bytes.IndexByte([]byte("-*+"), rest[0]) >= 0 && rest[1] == ' ':
			rest = rest[2:]
		case bytes.HasPrefix(rest, []byte("[ ] ")) || bytes.HasPrefix(rest, []byte("[x] ")) || bytes.HasPrefix(rest, []byte("[X] ")):
			rest = rest[4:]
		default:
			digits := len(rest) - len(bytes.TrimLeft(rest, "0123456789"))
			if digits > 0 && digits+1 < len(rest) && (rest[digits] == '.' || rest[digits] == ')') && rest[digits+1] == ' ' {
				rest = rest[digits+2:]
			}
		}
		if len(rest) == len(t) {
			return t
		}
		t = rest
	}
}

// inlineMarkup are the bytes that may begin inline markup: the text
// between them is written as it is.
var inlineMarkup = [256]bool{'\\': true, '*': true, '~': true, '`': true, '|': true, '_': true, '!': true, '[': true, '<': true}

// writeInline writes a line's text without its inline markup.
func writeInline(b *plain, t []byte) {
	for i := 0; i < len(t); i++ {
		start := i
		for i < len(t) && !inlineMarkup[t[i]] {
			i++
		}
		b.write(t[start:i])
		if i == len(t) {
			return
		}
		switch c := t[i]; {
		case c == '\\' && i+1 < len(t) && isPunct(t[i+1]):
			i++
			b.write(t[i : i+1])
		case c == '*' || c == '~' || c == '`':
		case c == '|':
			b.blank = true
		case c == '_' && (i == 0 || i == len(t)-1 || !isWordByte(t[i-1]) || !isWordByte(t[i+1])):
		case c == '!' && i+1 < len(t) && t[i+1] == '[':
		case c == '[':
			// [text](target): the text alone.
			end := bytes.IndexByte(t[i:], ']')
			if end > 0 && i+end+1 < len(t) && t[i+end+1] == '(' {
				if close := bytes.IndexByte(t[i+end:], ')'); close > 0 {
					writeInline(b, t[i+1:i+end])
					i += end + close
					continue
				}
			}
			b.write(t[i : i+1])
		case c == '<' && i+1 < len(t) && isTagStart(t[i+1]):
			end := bytes.IndexByte(t[i:], '>')
			if end < 0 {
				b.write(t[i : i+1])
				continue
			}
			if isAutolink(t[i : i+end+1]) {
				b.write(t[i+1 : i+end])
			}
			i += end
		default:
			b.write(t[i : i+1])
		}
	}
}

func isTagStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/' || c == '!' || c == '?'
}

// isAutolink reports whether t, from its "<", is an autolink such as
// <https://nav.no> or <kari@nav.no>, which Render shows as its text.
func isAutolink(t []byte) bool {
	end := bytes.IndexByte(t, '>')
	if end < 0 {
		return false
	}
	inner := t[1:end]
	return bytes.IndexByte(inner, ' ') < 0 && (bytes.Contains(inner, []byte("://")) || bytes.IndexByte(inner, '@') > 0)
}

func isPunct(c byte) bool {
	return c < 0x80 && c > ' ' && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')
}

// isWordByte reports whether c belongs to a word: an ASCII letter or
// digit, or a byte of a letter beyond ASCII (æ, ø, å).
func isWordByte(c byte) bool {
	return c >= 0x80 || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
