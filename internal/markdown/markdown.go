// Package markdown renders leaders' commentary to HTML that cannot carry
// markup or script of its own: raw HTML is dropped (goldmark's default),
// links and images keep only relative, http(s) and mailto targets (an
// image from another website is the loader's error: see References), and
// headings are moved below the page's own so the outline stays correct.
// A table scrolls sideways in a box of its own, so that a wide one does
// not widen the whole page on a phone (WCAG 1.4.10, reflow).
package markdown

import (
	"bufio"
	"bytes"
	"html"
	"html/template"
	"net/url"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Renderer turns markdown into safe HTML. It is safe for concurrent use.
type Renderer struct {
	md goldmark.Markdown
}

// New returns a renderer with GitHub-flavoured tables, strikethrough,
// task lists and footnotes, as leaders know them from pull requests.
// tableName, in the site's language, names each table's scrolling box to a
// screen reader, as the site's own tables' boxes are named; backlink names
// a footnote's link back to where it is referred to, {n} in it standing for
// the note's number.
func New(tableName, backlink string) *Renderer {
	// goldmark writes HTML as it walks the document, so the box's tags
	// are written here around the table it renders, as render's tables
	// have them (render.Table.component), and a footnote's way back is
	// written by goldmark's footnote renderer from this fragment: the
	// arrow alone would be read as "left arrow with hook".
	open := tableScroll(`<div class="table-scroll" tabindex="0" role="region" aria-label="` + html.EscapeString(tableName) + `">` + "\n")
	// goldmark writes a note's number where ^^ stands.
	back := `<span aria-hidden="true">&#x21a9;&#xfe0e;</span><span class="sr-only">` + strings.ReplaceAll(html.EscapeString(backlink), "{n}", "^^") + `</span>`
	footnotes := extension.NewFootnote(extension.WithFootnoteIDPrefixFunction(notesPrefix), extension.WithFootnoteBacklinkHTML(back))
	return &Renderer{md: newGoldmark(footnotes, goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(open, 500))))}
}

// notesAttribute holds, on a parsed document, the prefix of its footnotes'
// ids (see Render).
var notesAttribute = []byte("notes")

func notesPrefix(n ast.Node) []byte {
	prefix, _ := n.OwnerDocument().Attribute(notesAttribute)
	return prefix.([]byte)
}

// referenceReader parses for References. A goldmark parser is safe for
// concurrent use, and making one costs more than parsing a commentary.
var referenceReader = newGoldmark(findingNotes{})

// findingNotes is the footnote extension for References: the extension's
// own parsers, at its priorities so that the parse is the page's, its
// block parser wrapped to record the notes it opens, since the extension
// drops a note nothing refers to before the parse ends. Nothing is
// rendered from this parse.
type findingNotes struct{}

func (findingNotes) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(noteFinder{extension.NewFootnoteBlockParser()}, 999)),
		parser.WithInlineParsers(util.Prioritized(extension.NewFootnoteParser(), 101)),
		parser.WithASTTransformers(util.Prioritized(extension.NewFootnoteASTTransformer(), 999)),
	)
}

// notesKey holds, in a parse's context, the notes noteFinder found there,
// in order.
var notesKey = parser.NewContextKey()

// foundNote is a note of a text, with the offset of its first line.
type foundNote struct {
	note *east.Footnote
	line int
}

// noteFinder is a footnote block parser that records each note it opens.
type noteFinder struct{ parser.BlockParser }

func (f noteFinder) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	_, line := reader.PeekLine()
	n, state := f.BlockParser.Open(parent, reader, pc)
	if note, ok := n.(*east.Footnote); ok {
		found, _ := pc.Get(notesKey).([]foundNote)
		pc.Set(notesKey, append(found, foundNote{note, line.Start}))
	}
	return n, state
}

func newGoldmark(footnotes goldmark.Extender, opts ...goldmark.Option) goldmark.Markdown {
	return goldmark.New(append(opts, goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList, extension.Linkify, footnotes))...)
}

// rebase puts base, a page's way to the folder a text's relative links
// are read from, before the link dest, which names target (see
// destination). A link to the page itself (an anchor, a query), from the
// top of the web server, or to another website or an address is left as
// it is.
func rebase(base string, dest []byte, target string) []byte {
	if base == "" || target == "" || target[0] == '#' || target[0] == '?' || target[0] == '/' {
		return dest
	}
	if u, err := url.Parse(target); err != nil || u.Scheme != "" || u.Host != "" {
		return dest
	}
	return append([]byte(base), dest...)
}

// scrollBox holds a table in the box it scrolls in. It is a node of its
// own around the table because goldmark renders each kind of node with
// one renderer, and the table's is the extension's.
type scrollBox struct{ ast.BaseBlock }

var kindScrollBox = ast.NewNodeKind("ScrollBox")

func (b *scrollBox) Kind() ast.NodeKind { return kindScrollBox }

func (b *scrollBox) Dump(src []byte, level int) { ast.DumpHelper(b, src, level, nil, nil) }

// tableScroll renders a scrollBox: it is the box's opening tag.
type tableScroll string

func (t tableScroll) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(kindScrollBox, func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			w.WriteString(string(t))
		} else {
			w.WriteString("</div>\n")
		}
		return ast.WalkContinue, nil
	})
}

// Place is where a text stands on a page, which its HTML depends on.
type Place struct {
	// Heading is the level its top headings take: a "# Title" in a
	// commentary is <h3> on a page whose sections are <h2>, and so is a
	// "## Title" in one whose headings all have two #, which many write
	// first.
	Heading int
	// Notes begins its footnotes' ids, keeping them apart from another
	// text's on the page; it must be a valid id of its own.
	Notes string
	// Base is the way from the page to the folder its relative links are
	// read from: "" for the page's own folder, "../" for the one above.
	Base string
}

// Render renders src for its place on a page.
func (r *Renderer) Render(src []byte, at Place) (template.HTML, error) {
	h, _, err := r.render(src, at, false)
	return h, err
}

// RenderWords renders src as Render does, and gives its words as a reader
// reads them, for site search: the text of its paragraphs, headings,
// lists, tables and code, a link or image by its text, raw HTML left out
// as Render leaves it out, white space collapsed. Both come from one
// parse.
func (r *Renderer) RenderWords(src []byte, at Place) (template.HTML, string, error) {
	return r.render(src, at, true)
}

func (r *Renderer) render(src []byte, at Place, words bool) (template.HTML, string, error) {
	doc := r.md.Parser().Parse(text.NewReader(src))
	if bare, ok := withoutTags(src, doc); ok {
		src, doc = bare, r.md.Parser().Parse(text.NewReader(bare))
	}
	doc.SetAttribute(notesAttribute, []byte(at.Notes))
	var unsafe, tables []ast.Node
	var headings []*ast.Heading
	top := 6 // the level of the text's top headings
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *east.Table:
			tables = append(tables, n)
		case *ast.Heading:
			headings, top = append(headings, n), min(top, n.Level)
		case *ast.Link:
			target := destination(n.Destination)
			if !Linkable(target) {
				unsafe = append(unsafe, n)
			}
			n.Destination = rebase(at.Base, n.Destination, target)
		case *ast.Image:
			target := destination(n.Destination)
			if !Linkable(target) {
				unsafe = append(unsafe, n)
			}
			n.Destination = rebase(at.Base, n.Destination, target)
		case *ast.AutoLink:
			if !Linkable(string(n.URL(src))) {
				unsafe = append(unsafe, n)
			}
		}
		return ast.WalkContinue, nil
	})
	// A page's headings go down one level at a time: the text's top ones
	// take the place's level, the others theirs below it.
	for _, h := range headings {
		h.Level = min(h.Level-top+at.Heading, 6)
	}
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
	for _, t := range tables {
		box := &scrollBox{}
		t.Parent().ReplaceChild(t.Parent(), t, box)
		box.AppendChild(box, t)
	}
	var b bytes.Buffer
	if err := r.md.Renderer().Render(&b, src, doc); err != nil {
		return "", "", err
	}
	var plain string
	if words {
		plain = wordsOf(doc, src)
	}
	return template.HTML(b.String()), plain, nil
}

// wordsOf is the text of the parsed document doc of src, as RenderWords
// gives it.
func wordsOf(doc ast.Node, src []byte) string {
	// Raw HTML is in nodes of its own, with no text among their children:
	// it is left out here as Render leaves it out.
	var b []byte
	space := func() { b = append(b, ' ') }
	// A text with escapes or references is written as the page writes
	// it, resolved in one pass ("\&amp;" is "&amp;" on the page, not
	// "&"), and then read back from its HTML.
	var page bytes.Buffer
	w := bufio.NewWriterSize(&page, 256)
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() == ast.TypeBlock {
			space() // blocks are apart, whether or not markup marks it
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			v := n.Value(src)
			if n.IsRaw() || bytes.IndexAny(v, "\\&\x00") < 0 {
				b = append(b, v...)
			} else {
				page.Reset()
				gmhtml.DefaultWriter.Write(w, v)
				w.Flush()
				b = append(b, html.UnescapeString(page.String())...)
			}
			if n.SoftLineBreak() || n.HardLineBreak() {
				space()
			}
		case *ast.String:
			b = append(b, n.Value...)
		case *ast.AutoLink:
			b = append(b, n.Label(src)...)
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := n.Lines()
			for i := range lines.Len() {
				line := lines.At(i)
				b = append(b, line.Value(src)...)
				space()
			}
		}
		return ast.WalkContinue, nil
	})
	return strings.Join(strings.Fields(string(b)), " ")
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

// destination is the target a link's or image's destination names, as
// goldmark writes it into the page: with its backslash escapes and
// character references resolved ("jav&#x61;script:" is "javascript:",
// "a&amp;b.png" the file a&b.png), so that what is checked is what a
// browser follows.
func destination(raw []byte) string {
	return string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(raw))))
}

// Ref is a link's or image's target and the line of src it is on
// (1-based; 0 when goldmark gives no position), so that an error about
// it can name its line.
type Ref struct {
	Target string
	// Fragment is the place on a page that a link to it names, after
	// its #, as a browser reads it ("2026-01" in commentary.html#2026-01).
	Fragment string
	Line     int
}

// Refs are the targets of a text's links and images that load checks,
// each with its line, in order of appearance.
type Refs struct {
	// Files are the relative targets that are neither pages of the site
	// nor anchors: the files (a chart image, a PDF) a commentary needs
	// published beside it.
	Files []Ref
	// Pages are the relative targets that name a page (.html), a CSV file
	// or a markdown file (.md, which is a page's source and never
	// published): what only the built site can tell is there or not.
	Pages []Ref
	// Rooted are the targets that begin with a single "/": read from the
	// top of the web server, where the site need not be, and from nothing
	// at all where the site is opened as files.
	Rooted []Ref
	// Remote are the images shown from another website (http, https or
	// "//host"): the site must work with no internet, and such an image
	// would tell its website who reads the page.
	Remote []Ref
	// Dropped are the links and images Render shows as their text alone,
	// their targets being neither relative nor http(s) or mailto (see
	// Linkable): the author meant a link and should hear it is none.
	Dropped []Ref
	// HTML are the tags of raw HTML, which Render leaves out (a table
	// pasted from a web page, a <br>): the author meant it shown. Each tag
	// is given once, at its first line, as "<table>"; comments, which an
	// author writes to be left out, are not among them.
	HTML []Ref
	// Footnotes that do not meet, which the author should hear of, since
	// the page is not what a pull request's preview shows: references to
	// no note, shown as written ("[^A]": a reference meets its note only
	// where their labels are the same letter for letter, capitals too);
	// notes nothing refers to; and notes of a label given to a note
	// before. The notes are left out. Target is the label.
	NoNote, Unreferred, Again []Ref
	// Spaced are links and images shown as written, their targets having
	// a space ("![Graf](Graf uke 42.png)"), which markdown reads only in
	// angle brackets: the author meant a link. Target is the whole.
	Spaced []Ref
}

// Empty reports whether r holds nothing.
func (r Refs) Empty() bool {
	return len(r.Files)+len(r.Pages)+len(r.Rooted)+len(r.Remote)+len(r.Dropped)+len(r.HTML)+len(r.NoNote)+len(r.Unreferred)+len(r.Again)+len(r.Spaced) == 0
}

// References returns what src's links and images refer to, and its
// footnotes that do not meet (see Refs).
func References(src []byte) Refs {
	if bytes.IndexByte(src, '[') < 0 && bytes.IndexByte(src, '<') < 0 {
		// No link or image without a bracket, nor an autolink without an
		// angle bracket, and most commentary has neither, so most of it
		// is never parsed here.
		return Refs{}
	}
	return references(src)
}

func references(src []byte) (refs Refs) {
	found := parser.NewContext()
	doc := referenceReader.Parser().Parse(text.NewReader(src), parser.WithContext(found))
	if bare, ok := withoutTags(src, doc); ok {
		// The tags are told of as written; the rest is read as the page
		// has it, without them.
		for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
			ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if b, ok := n.(*ast.HTMLBlock); ok && entering && tagBlock(b) {
					refs.block(src, b)
				}
				return ast.WalkContinue, nil
			})
		}
		found = parser.NewContext()
		src, doc = bare, referenceReader.Parser().Parse(text.NewReader(bare), parser.WithContext(found))
		defer func() {
			slices.SortStableFunc(refs.HTML, func(a, b Ref) int { return a.Line - b.Line })
		}()
	}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.Kind() == ast.KindCodeSpan {
			return ast.WalkSkipChildren, nil
		}
		noNote, spaced := textRefs(src, n)
		refs.NoNote, refs.Spaced = append(refs.NoNote, noNote...), append(refs.Spaced, spaced...)
		// What is checked is the target as the page has it; a link that is
		// dropped, or an image from another website, is quoted as it is
		// written.
		var raw []byte
		switch n := n.(type) {
		case *ast.HTMLBlock:
			if n.HTMLBlockType != ast.HTMLBlockType2 && n.Lines().Len() > 0 {
				refs.block(src, n)
			}
			return ast.WalkContinue, nil
		case *ast.RawHTML:
			if n.Segments.Len() > 0 {
				at := n.Segments.At(0)
				refs.html(src, src[at.Start:n.Segments.At(n.Segments.Len()-1).Stop], at.Start)
			}
			return ast.WalkContinue, nil
		case *ast.AutoLink:
			if u := string(n.URL(src)); !Linkable(u) {
				refs.Dropped = append(refs.Dropped, Ref{Target: u, Line: lineOf(src, n)})
			}
			return ast.WalkContinue, nil
		case *ast.Link:
			raw = n.Destination
		case *ast.Image:
			raw = n.Destination
		default:
			return ast.WalkContinue, nil
		}
		dest := destination(raw)
		if _, image := n.(*ast.Image); image {
			if l := strings.ToLower(dest); strings.HasPrefix(l, "http:") || strings.HasPrefix(l, "https:") || strings.HasPrefix(l, "//") {
				refs.Remote = append(refs.Remote, Ref{Target: string(raw), Line: lineOf(src, n)})
				return ast.WalkContinue, nil
			}
		}
		if !Linkable(dest) {
			refs.Dropped = append(refs.Dropped, Ref{Target: string(raw), Line: lineOf(src, n)})
			return ast.WalkContinue, nil
		}
		u, err := url.Parse(dest)
		if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" {
			return ast.WalkContinue, nil
		}
		if strings.HasPrefix(u.Path, "/") {
			refs.Rooted = append(refs.Rooted, Ref{Target: u.Path, Line: lineOf(src, n)})
			return ast.WalkContinue, nil
		}
		switch strings.ToLower(path.Ext(u.Path)) {
		case ".html", ".md", ".csv":
			refs.Pages = append(refs.Pages, Ref{Target: u.Path, Fragment: u.Fragment, Line: lineOf(src, n)})
			return ast.WalkContinue, nil
		}
		refs.Files = append(refs.Files, Ref{Target: u.Path, Line: lineOf(src, n)})
		return ast.WalkContinue, nil
	})
	// A note is referred to where the extension numbered it; the first
	// note of a label takes the references to it.
	notes, _ := found.Get(notesKey).([]foundNote)
	labels := map[string]bool{}
	for _, f := range notes {
		label := string(f.note.Ref)
		at := Ref{Target: label, Line: lineAt(src, f.line)}
		switch {
		case labels[label]:
			refs.Again = append(refs.Again, at)
		case f.note.Index < 0:
			refs.Unreferred = append(refs.Unreferred, at)
		}
		labels[label] = true
	}
	return refs
}

// tagBlock reports whether b is an HTML block that begins with an
// element's tag (goldmark's kinds 6 and 7: <div>, <br>, <img ...>), which
// runs to the next blank line: the text of its lines is the author's.
func tagBlock(b *ast.HTMLBlock) bool {
	return (b.HTMLBlockType == ast.HTMLBlockType6 || b.HTMLBlockType == ast.HTMLBlockType7) && b.Lines().Len() > 0
}

// withoutTags is src with the tags of its tag blocks (see tagBlock) taken
// out and the text of their lines kept, and whether it had any. Raw HTML
// is left out of a page, and such a block with it: a leader's "<br>"
// above two sentences, or a <div> around one, would take them off the
// page. Without the tags the text is markdown again (see bareLines).
func withoutTags(src []byte, doc ast.Node) ([]byte, bool) {
	type edit struct {
		from, to int
		with     []byte
	}
	var edits []edit // in the order of src
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			b, ok := n.(*ast.HTMLBlock)
			if !ok || !entering || !tagBlock(b) {
				return ast.WalkContinue, nil
			}
			lines := make([][]byte, b.Lines().Len())
			for i := range lines {
				seg := b.Lines().At(i)
				lines[i] = src[seg.Start:seg.Stop]
			}
			if bare, ok := bareLines(lines); ok {
				if _, inItem := b.Parent().(*ast.ListItem); inItem && len(bytes.TrimSpace(bare[0])) == 0 {
					// An item with nothing on its first line could not
					// begin a list after a paragraph: its "-" would
					// underline the paragraph as a heading.
					bare[0] = append([]byte("<!-- -->"), bare[0]...)
				}
				for i, line := range bare {
					seg := b.Lines().At(i)
					edits = append(edits, edit{seg.Start, seg.Stop, line})
				}
			}
			return ast.WalkSkipChildren, nil
		})
	}
	if len(edits) == 0 {
		return src, false
	}
	bare := make([]byte, 0, len(src))
	last := 0
	for _, e := range edits {
		bare = append(append(bare, src[last:e.from]...), e.with...)
		last = e.to
	}
	return append(bare, src[last:]...), true
}

// bareLines are the lines of a tag block (each as its container, a quote
// or a list, leaves it, with its line end) without their tags, and false
// for a block that holds a table, which stays left out whole: its cells'
// text run together would put one office's figure beside another's
// name. A tag that breaks a line (<p>, <br>, <div>) gives way to a space
// between words, or to markdown's line break between lines of text; one
// within a line (<b>, <a>, <sup>) to nothing; a
// comment, and the content of a script, a style and the like, go with
// their tags, to the block's end where they are not closed in it. What
// only looks like a tag stays: an autolink (<https://nav.no>), a link's
// target in angle brackets, a < in text ("3 < 4"), anything in a code
// span. Each line keeps its place, without the white space before its
// text, which would make it code; where a tag was taken from its start,
// a mark of markdown it begins with ("2. tertial", "> 50 %") is escaped,
// since it was text.
func bareLines(lines [][]byte) ([][]byte, bool) {
	text := bytes.Join(lines, nil)
	hidden := make([]bool, len(text)) // the bytes of tags, comments and scripts
	breaks := make([]bool, len(text)) // where a tag that breaks a line begins
	hide := func(from, to int) {
		for k := from; k < to; k++ {
			hidden[k] = true
		}
	}
	for i := 0; i < len(text); {
		switch {
		case text[i] == '`':
			i = pastCodeSpan(text, i)
		case text[i] != '<' || i >= 2 && string(text[i-2:i]) == "](":
			i++
		case bytes.HasPrefix(text[i:], []byte("<!--")):
			end := len(text)
			switch rest := text[i+4:]; {
			case bytes.HasPrefix(rest, []byte(">")), bytes.HasPrefix(rest, []byte("->")):
				end = i + 4 + bytes.IndexByte(rest, '>') + 1 // <!--> and <!--->, empty
			default:
				if k := bytes.Index(rest, []byte("-->")); k >= 0 {
					end = i + 4 + k + 3
				}
			}
			hide(i, end)
			i = end
		case bytes.HasPrefix(text[i:], []byte("<?")), bytes.HasPrefix(text[i:], []byte("<!")):
			end := len(text)
			if k := bytes.IndexByte(text[i:], '>'); k >= 0 {
				end = i + k + 1
			}
			hide(i, end)
			i = end
		default:
			name, end, ok := tagAt(text, i)
			switch {
			case !ok:
				i++
				continue
			case tableTags[name]:
				return nil, false
			case rawText[name] && text[i+1] != '/':
				end = pastClosingTag(text, end, name)
			}
			breaks[i] = lineBreaking[name]
			hide(i, end)
			i = end
		}
	}
	bare := make([][]byte, len(lines))
	// Whether a tag that breaks a line stands before a line's text, and
	// after it.
	brokenBefore, brokenAfter := make([]bool, len(lines)), make([]bool, len(lines))
	k := 0
	for n, line := range lines {
		var out []byte
		gap, cutAtStart := false, false
		for range line {
			switch c := text[k]; {
			case c == '\n':
				out = append(out, c)
			case hidden[k]:
				gap = gap || breaks[k]
				cutAtStart = cutAtStart || len(bytes.TrimSpace(out)) == 0
			case c == ' ' || c == '\t' || c == '\r':
				out = append(out, c)
			default:
				if len(bytes.TrimSpace(out)) == 0 {
					brokenBefore[n] = gap
				} else if gap && out[len(out)-1] != ' ' {
					out = append(out, ' ')
				}
				gap = false
				out = append(out, c)
			}
			k++
		}
		brokenAfter[n] = gap
		body, _ := bytes.CutSuffix(out, []byte("\n"))
		body = bytes.TrimRight(bytes.TrimLeft(body, " \t"), " \t\r")
		if cutAtStart {
			body = escapeMark(body)
		}
		bare[n] = escapeLoneTicks(body)
	}
	// Lines of text that a tag broke apart ("<p>Først</p>" above "<p>Så</p>",
	// the items of a list) stay apart, the first ending in markdown's
	// break of two spaces, which shows nothing where the next line begins
	// a block of its own (a list, a quote) and ends the paragraph: a
	// blank line between them would move every line after.
	for n := range bare {
		apart := n+1 < len(bare) && len(bare[n+1]) > 0 && (brokenAfter[n] || brokenBefore[n+1])
		if apart && len(bare[n]) > 0 {
			bare[n] = append(bare[n], "  "...)
		}
		if bytes.HasSuffix(lines[n], []byte("\n")) {
			bare[n] = append(bare[n], '\n')
		}
	}
	return bare, true
}

// escapeMark is line, text that begins a line of markdown, with the mark
// it begins with escaped, so that it reads as the text it is: "2\. tertial",
// "\> 50 %", "\# saker".
func escapeMark(line []byte) []byte {
	digits := 0
	for digits < len(line) && '0' <= line[digits] && line[digits] <= '9' {
		digits++
	}
	switch {
	case len(line) == 0:
		return line
	case digits > 0 && digits < len(line) && (line[digits] == '.' || line[digits] == ')'):
		return slices.Concat(line[:digits], []byte(`\`), line[digits:])
	case strings.IndexByte("#>-+*=|~", line[0]) >= 0:
		return slices.Concat([]byte(`\`), line)
	}
	return line
}

// escapeLoneTicks is line with each run of backticks that closes no code
// span on it escaped: a backtick for an apostrophe ("NAV`s") in one of a
// block's lines, which were HTML, would pair with one on the next.
func escapeLoneTicks(line []byte) []byte {
	if bytes.IndexByte(line, '`') < 0 {
		return line
	}
	var out []byte
	for i := 0; i < len(line); {
		escaped := (len(out)-len(bytes.TrimRight(out, `\`)))%2 == 1
		if line[i] != '`' || escaped {
			out = append(out, line[i])
			i++
			continue
		}
		if end := pastCodeSpan(line, i); end > i+runLength(line, i) {
			out = append(out, line[i:end]...)
			i = end
			continue
		}
		for range runLength(line, i) {
			out = append(out, '\\', '`')
			i++
		}
	}
	return out
}

// runLength is the length of the run of backticks at text[i].
func runLength(text []byte, i int) int {
	n := 0
	for i+n < len(text) && text[i+n] == '`' {
		n++
	}
	return n
}

// pastClosingTag is where the closing tag of the element name ends, the
// first after from in text (its name in any case, and no longer name's
// start, as "</scripts>" is), or the end of text where there is none.
func pastClosingTag(text []byte, from int, name string) int {
	for j := from; ; j += 2 {
		k := bytes.Index(text[j:], []byte("</"))
		if k < 0 {
			return len(text)
		}
		j += k
		n := j + 2 + len(name)
		if n <= len(text) && bytes.EqualFold(text[j+2:n], []byte(name)) && (n == len(text) || !isNameByte(text[n])) {
			if gt := bytes.IndexByte(text[n:], '>'); gt >= 0 {
				return n + gt + 1
			}
			return len(text)
		}
	}
}

// tagAt reads the element's tag that begins at text[i], a "<": its name
// in lower case and where it ends, after its ">"; false where what
// follows is no tag, as in an autolink or "3 < 4 og 5 > 2". A name may
// have a prefix, as Word's <o:p> has; one of an address's scheme
// (<https://…>, <mailto:…>) is none.
func tagAt(text []byte, i int) (name string, end int, ok bool) {
	k := i + 1
	if k < len(text) && text[k] == '/' {
		k++
	}
	from := k
	for k < len(text) && (isASCIILetter(text[k]) || k > from && isNameByte(text[k])) {
		k++
	}
	if k > from && k+1 < len(text) && text[k] == ':' && isASCIILetter(text[k+1]) && !schemes[strings.ToLower(string(text[from:k]))] {
		for k++; k < len(text) && isNameByte(text[k]); k++ {
		}
	}
	if k == from || k == len(text) || !(text[k] == '>' || text[k] == '/' || text[k] == ' ' || text[k] == '\t' || text[k] == '\n' || text[k] == '\r') {
		return "", 0, false
	}
	name = strings.ToLower(string(text[from:k]))
	var quote byte
	for ; k < len(text); k++ {
		switch c := text[k]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case (c == '"' || c == '\'') && text[k-1] == '=':
			// A value in quotes; a quote elsewhere (alt=Leder's) is text.
			quote = c
		case c == '<':
			return "", 0, false
		case c == '>':
			return name, k + 1, true
		}
	}
	return "", 0, false
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func isNameByte(c byte) bool { return isASCIILetter(c) || '0' <= c && c <= '9' || c == '-' }

// pastCodeSpan is where the code span whose backticks begin at text[i]
// ends, on the same line, or the end of the backticks where none closes
// it there: a backtick for an apostrophe ("NAV`s") opens none.
func pastCodeSpan(text []byte, i int) int {
	n := runLength(text, i)
	for k := i + n; k < len(text) && text[k] != '\n'; {
		if text[k] != '`' {
			k++
			continue
		}
		m := runLength(text, k)
		if m == n {
			return k + m
		}
		k += m
	}
	return i + n
}

var (
	// tableTags are the tags of a table's parts.
	tableTags = map[string]bool{"table": true, "thead": true, "tbody": true, "tfoot": true, "tr": true, "td": true, "th": true, "caption": true, "colgroup": true, "col": true}
	// rawText are the elements whose content is not text to read.
	rawText = map[string]bool{"script": true, "style": true, "textarea": true, "title": true, "template": true, "noscript": true, "iframe": true, "object": true}
	// lineBreaking are the elements that break a line where they stand.
	lineBreaking = map[string]bool{"p": true, "br": true, "div": true, "li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true, "hr": true,
		"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "blockquote": true, "pre": true, "section": true, "article": true,
		"header": true, "footer": true, "nav": true, "main": true, "aside": true, "figure": true, "figcaption": true, "center": true, "address": true}
	// schemes are the addresses' schemes an autolink may begin with.
	schemes = map[string]bool{"http": true, "https": true, "mailto": true, "ftp": true, "tel": true, "file": true}
)

// block adds the opening tag of the HTML block b to r.HTML (see html), and
// a table's, at its line, where a block that begins with another tag
// holds one: such a block is left out whole (see bareLines), and its
// author is told why.
func (r *Refs) block(src []byte, b *ast.HTMLBlock) {
	first := b.Lines().At(0)
	r.html(src, first.Value(src), first.Start)
	if !tagBlock(b) {
		return
	}
	for i := range b.Lines().Len() {
		line := b.Lines().At(i)
		if k := tableTag.FindIndex(line.Value(src)); k != nil && (i > 0 || k[0] > 0) {
			r.html(src, line.Value(src)[k[0]:], line.Start+k[0])
			return
		}
	}
}

// tableTag is a table's opening tag.
var tableTag = regexp.MustCompile(`(?i)<table[\s>]`)

// html adds raw HTML's opening tag to r.HTML, unless that tag is there
// already: raw is the HTML as written, at offset start of src.
func (r *Refs) html(src, raw []byte, start int) {
	m := openingTag.FindSubmatch(raw)
	if m == nil {
		return // a closing tag, a comment, a declaration
	}
	tag := "<" + strings.ToLower(string(m[1])) + ">"
	if !slices.ContainsFunc(r.HTML, func(h Ref) bool { return h.Target == tag }) {
		r.HTML = append(r.HTML, Ref{Target: tag, Line: lineAt(src, start)})
	}
}

// openingTag is an HTML element's opening tag, and its name.
var openingTag = regexp.MustCompile(`^\s*<([A-Za-z][A-Za-z0-9-]*)`)

// spacedLink is a link or image as written whose target has a space, and
// nothing but a target: "[rapporten](Rapport mars.pdf)", not "[a](b "c")",
// whose title markdown reads.
var spacedLink = regexp.MustCompile(`!?\[[^\]\n]*\]\([^()"'\s]+(?:[ \t]+[^()"'\s]+)+\)`)

// noteReference is a footnote reference as written, "[^label]", its label
// not blank (no note can have such a label).
var noteReference = regexp.MustCompile(`\[\^([^\]]*[^\]\s][^\]]*)\]`)

// textRefs are what n's children left as text meant to be references:
// footnote references that goldmark found no note of their label for,
// and links whose targets have a space (see Refs.Spaced). A reference's
// text may be split over several text nodes ("[", "^A", "]") and lines,
// so each run of them is read as one; an escaped bracket ("\\[^A]") is
// no reference.
func textRefs(src []byte, n ast.Node) (noNote, spaced []Ref) {
	var run []byte
	var starts []int // where each node's text begins in run
	var nodes []ast.Node
	lineOfRun := func(at int) int { return lineOf(src, nodes[sort.SearchInts(starts, at+1)-1]) }
	flush := func() {
		for _, m := range noteReference.FindAllIndex(run, -1) {
			// An odd number of backslashes escapes the bracket.
			if backslashes := len(run[:m[0]]) - len(bytes.TrimRight(run[:m[0]], `\`)); backslashes%2 == 1 {
				continue
			}
			// As the page shows it, on one line of the author's message.
			label := strings.ReplaceAll(string(run[m[0]+2:m[1]-1]), "\n", " ")
			noNote = append(noNote, Ref{Target: label, Line: lineOfRun(m[0])})
		}
		for _, m := range spacedLink.FindAllIndex(run, -1) {
			bracket := m[0]
			if run[bracket] == '!' {
				bracket++
			}
			if backslashes := len(run[:bracket]) - len(bytes.TrimRight(run[:bracket], `\`)); backslashes%2 == 1 {
				continue // "\[a](b c)" is text as written
			}
			spaced = append(spaced, Ref{Target: strings.ReplaceAll(string(run[m[0]:m[1]]), "\n", " "), Line: lineOfRun(m[0])})
		}
		run, starts, nodes = run[:0], starts[:0], nodes[:0]
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok {
			flush()
			continue
		}
		starts, nodes = append(starts, len(run)), append(nodes, c)
		run = append(run, t.Value(src)...)
		switch {
		case t.HardLineBreak():
			flush()
		case t.SoftLineBreak():
			// The page shows the line break as a space inside the text,
			// "[^" at a line's end and "A]" on the next as one "[^ A]".
			run = append(run, '\n')
		}
	}
	flush()
	return noNote, spaced
}

// lineOf is the 1-based line of src that n begins on, or 0 when goldmark
// gives n no position.
func lineOf(src []byte, n ast.Node) int {
	at := n.Pos()
	if at < 0 {
		return 0
	}
	return lineAt(src, at)
}

// lineAt is the 1-based line of src that byte offset at is on.
func lineAt(src []byte, at int) int {
	return 1 + bytes.Count(src[:at], []byte("\n"))
}
