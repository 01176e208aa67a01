package markdown

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestRenderDropsMarkupAndScriptLinks(t *testing.T) {
	src := "# Title\n\n<script>alert(1)</script>\n\nText with <b onclick=x>inline</b> html.\n\n" +
		"[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](data:text/html,x) [d](vbscript:x) ![e](javascript:x) [f](jav&#x61;script:x)\n\n" +
		"[ok](https://nav.no) [rel](../fana/index.html#goal-x) [mail](mailto:a@b.no) <https://nav.no/auto>\n"
	html, err := New("Tabell", "Tilbake").Render([]byte(src), Place{Heading: 3, Notes: "n-"})
	if err != nil {
		t.Fatal(err)
	}
	got := string(html)
	for _, bad := range []string{"<script", "onclick", "javascript:", "JAVASCRIPT:", "data:text", "vbscript", "<b"} {
		if strings.Contains(got, bad) {
			t.Errorf("output contains %q:\n%s", bad, got)
		}
	}
	for _, want := range []string{
		"<h3>Title</h3>",
		`<a href="https://nav.no">ok</a>`,
		`<a href="../fana/index.html#goal-x">rel</a>`,
		`<a href="mailto:a@b.no">mail</a>`,
		`<a href="https://nav.no/auto">https://nav.no/auto</a>`,
		"a b c d e f", // the text of dropped links and images stays
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}

// TestHeadingsTakeThePlacesLevel: a text's top headings take its
// place's level, whether written # or ##, and the others follow them, so
// that no level is skipped below the page's own.
func TestHeadingsTakeThePlacesLevel(t *testing.T) {
	r := New("Tabell", "Tilbake")
	for src, want := range map[string]string{
		"# A\n\n## B\n":           "<h3>A</h3>\n<h4>B</h4>",
		"## A\n\n### B\n\n## C\n": "<h3>A</h3>\n<h4>B</h4>\n<h3>C</h3>",
		"### A\n":                 "<h3>A</h3>",
		"# A\n\n###### B\n":       "<h3>A</h3>\n<h6>B</h6>",
	} {
		html, err := r.Render([]byte(src), Place{Heading: 3, Notes: "n-"})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimSpace(string(html)); got != want {
			t.Errorf("%q renders as\n%s\nwant\n%s", src, got, want)
		}
	}
}

func TestLinkable(t *testing.T) {
	for url, want := range map[string]bool{
		"https://nav.no":        true,
		"index.html":            true,
		"#x":                    true,
		"../a/b.html?x=1#y":     true,
		"mailto:x@y.no":         true,
		"javascript:alert(1)":   false,
		"java\tscript:alert(1)": false,
		" javascript:x":         false,
		"JaVaScRiPt:x":          false,
		"data:image/png;base64": false,
		"file:///etc/passwd":    false,
		"//evil.example/x":      false,
		"//":                    false,
		`/\evil.example`:        false,
		"dir/file:1.png":        true,
		"http://aa%2200":        false, // net/url cannot read its host
		"https://nav.no/a b":    true,
		"tel:+4712345678":       false,
		"\\\\evil\\x":           false,
	} {
		if got := Linkable(url); got != want {
			t.Errorf("Linkable(%q) = %v, want %v", url, got, want)
		}
		if want && !browserSafe(url) {
			t.Errorf("Linkable(%q), but a browser reads it as leaving the site's schemes", url)
		}
	}
}

// browserSafe reads a URL's scheme as browsers do (WHATWG URL: letters,
// digits, "+", "-" and "." before the first ":", after dropping the
// control characters and spaces that browsers ignore) and reports whether
// it is a relative reference on the site's host, or http, https or mailto.
// It is the fuzz test's judge of what Linkable let through.
func browserSafe(raw string) bool {
	s := strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, raw)
	for i, c := range s {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case c == ':' && i > 0:
			scheme := strings.ToLower(s[:i])
			return scheme == "http" || scheme == "https" || scheme == "mailto"
		default:
			return !strings.HasPrefix(s, "//") && !strings.HasPrefix(s, `\`) && !strings.HasPrefix(s, `/\`)
		}
	}
	return !strings.HasPrefix(s, "//")
}

// remoteURL reports whether a browser reads raw as on another host:
// http, https or "//host", after dropping what browsers ignore.
func remoteURL(raw string) bool {
	s := strings.ToLower(strings.TrimLeft(raw, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\v\f\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "))
	s = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(s)
	return strings.HasPrefix(s, "http:") || strings.HasPrefix(s, "https:") || strings.HasPrefix(s, "//")
}

// linkifiable: whether src holds what goldmark's Linkify makes a link of
// without brackets, an address starting with a scheme or "www." or one
// with an "@".
func linkifiable(src string) bool {
	for _, start := range []string{"http:", "https:", "ftp:", "www.", "@"} {
		if strings.Contains(src, start) {
			return true
		}
	}
	return false
}

var tableAlign = regexp.MustCompile(`^text-align:(left|right|center)$`)

// FuzzRender: whatever a leader writes, the HTML has no script, no event
// handler and no link or image with a script URL.
func FuzzRender(f *testing.F) {
	f.Add("# Hei\n\n[a](javascript:x) <script>x</script> ![b](data:text/html,x)\n")
	f.Add("| a | b |\n|---|---|\n| [x](java\tscript:y) | <img src=x onerror=y> |\n")
	f.Add("<https://nav.no> *em* **strong** ~~del~~\n- [ ] task\n")
	f.Add("![a](http://x.example/a.png) [![b](https://x.example/b.png)](https://nav.no) ![c](//x.example/c.png)\n")
	f.Add("![a](/a.png) [b](/hordaland/index.html) [c][r]\n\n[r]: \\/c.pdf\n")
	f.Add("a[^1] b[^x] c[^nope]\n\n[^1]: [n](javascript:x) <b>r</b>\n[^x]: ![i](https://x.example/i.png)[^1]\n")
	r := New("Tabell", "Tilbake")
	f.Fuzz(func(t *testing.T, src string) {
		out, words, err := r.RenderWords([]byte(src), Place{Heading: 3, Notes: "n-"})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(strings.Fields(words), " ") != words {
			t.Fatalf("words of %q not collapsed: %q", src, words)
		}
		for el := range elements(t, string(out)) {
			if el.Data == "script" || el.Data == "iframe" || el.Data == "object" || el.Data == "embed" || el.Data == "style" {
				t.Fatalf("<%s> in output of %q", el.Data, src)
			}
			for _, a := range el.Attr {
				if strings.HasPrefix(strings.ToLower(a.Key), "on") {
					t.Fatalf("attribute %s in output of %q", a.Key, src)
				}
				// Table columns are aligned with a style; nothing else may set one.
				if a.Key == "style" && !tableAlign.MatchString(a.Val) {
					t.Fatalf("style=%q in output of %q", a.Val, src)
				}
				if (a.Key == "href" || a.Key == "src") && !browserSafe(a.Val) {
					t.Fatalf("%s=%q in output of %q", a.Key, a.Val, src)
				}
			}
		}
		refs := references([]byte(src))
		files, remote := refs.Files, refs.Remote
		if !strings.ContainsAny(src, "[<") && !linkifiable(src) && len(files)+len(remote)+len(refs.Dropped) > 0 {
			t.Fatalf("%q has no bracket and no bare address, yet links %+v", src, refs)
		}
		// Every image the page would fetch from another website is one
		// that References gives, for load to refuse.
		shown := 0
		for el := range elements(t, string(out)) {
			for _, a := range el.Attr {
				if el.Data == "img" && a.Key == "src" && remoteURL(a.Val) {
					shown++
				}
			}
		}
		for _, r := range remote {
			// Render drops the others, by the target as the page has
			// it; References quotes it as written ("http://\\!").
			if Linkable(destination([]byte(r.Target))) {
				shown--
			}
		}
		if shown > 0 {
			t.Fatalf("the output of %q shows images from other websites that References does not give: %v", src, remote)
		}
		// Every link and image the page reads from the web server's top
		// is one References gives as rooted, for load to refuse.
		rooted := 0
		for el := range elements(t, string(out)) {
			for _, a := range el.Attr {
				if (a.Key == "href" || a.Key == "src") && strings.HasPrefix(a.Val, "/") && !strings.HasPrefix(a.Val, "//") {
					rooted++
				}
			}
		}
		if rooted > len(refs.Rooted) {
			t.Fatalf("the output of %q reads %d links or images from the web server's top, References gives %v", src, rooted, refs.Rooted)
		}
		// A footnote reference the page shows as written is one that
		// References gives, for load to tell of (escapes, code and markup
		// aside, which show such text on purpose; a dropped link, whose
		// text then runs into what is around it, "[[^](%)0]" showing
		// "[^0]", and which load tells of itself; and a bare address that
		// Linkify made a link of, "http://0.a#[^0]", its text as written).
		if !strings.ContainsAny(src, "\\`<&") && len(refs.NoNote) == 0 && len(refs.Dropped) == 0 {
			for el := range elements(t, string(out)) {
				for c := el.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == html.TextNode && el.Data != "code" && !(el.Data == "a" && linkifiable(c.Data)) && noteReference.MatchString(c.Data) {
						t.Fatalf("the output of %q shows %q, which References does not give", src, c.Data)
					}
				}
			}
		}
	})
}

// elements yields the elements of page as a browser parses them. Past 512
// open elements (the parser's limit; load refuses markdown nested more
// than 20 deep, the fuzzer does not) it yields the start tags as the
// tokenizer reads them instead.
func elements(t *testing.T, page string) func(yield func(*html.Node) bool) {
	return func(yield func(*html.Node) bool) {
		doc, err := html.Parse(strings.NewReader(page))
		if err == nil {
			for n := range doc.Descendants() {
				if n.Type == html.ElementNode && !yield(n) {
					return
				}
			}
			return
		}
		if !strings.Contains(err.Error(), "open stack of elements exceeds") {
			t.Fatal(err)
		}
		z := html.NewTokenizer(strings.NewReader(page))
		for {
			switch z.Next() {
			case html.ErrorToken:
				return
			case html.StartTagToken, html.SelfClosingTagToken:
				tok := z.Token()
				if !yield(&html.Node{Type: html.ElementNode, Data: tok.Data, Attr: tok.Attr}) {
					return
				}
			}
		}
	}
}

// TestRenderWords: search reads a text's words as the page shows them,
// from the parse the page is made from.
func TestRenderWords(t *testing.T) {
	r := New("Tabell", "Tilbake")
	for _, c := range []struct{ src, want string }{
		{"# Sykefravær\n\nVi **bør** følge\nopp <b onclick=x>fraværet</b>.\n\n<script>alert(1)</script>\n\n" +
			"- [Møtet](m.pdf) i *Fana*\n- <https://nav.no/x>\n\n| Tiltak | Når |\n| --- | --- |\n| Samtaler | Høst |\n\n```\nkode\n```\n",
			"Sykefravær Vi bør følge opp fraværet. Møtet i Fana https://nav.no/x Tiltak Når Samtaler Høst kode"},
		// A list marked "2)" after "1." begins a list of its own; "[x]"
		// outside a list is text, as the page shows it.
		{"> ### Tiltak\n\n1. Første\n2) _Andre_ ![Fravær per uke](f.png)\n\n<div>\ni en div\n</div>\n\n<!--\nskjult\n-->\n\nMer \\*enn\\* 3 < 4, kari@nav.no <kari@nav.no>, sak_nr og ~~ikke~~ `kode` &amp; &#65;.\n\n---\n[x] ferdig\n",
			"Tiltak Første Andre Fravær per uke i en div Mer *enn* 3 < 4, kari@nav.no kari@nav.no, sak_nr og ikke kode & A. [x] ferdig"},
		// A link that is not published keeps its text, as on the page.
		{"[Les mer](javascript:alert(1)) og <javascript:alert(2)>", "Les mer og javascript:alert(2)"},
	} {
		html, words, err := r.RenderWords([]byte(c.src), Place{Heading: 3, Notes: "n-"})
		if err != nil {
			t.Fatal(err)
		}
		if words != c.want {
			t.Errorf("words of %q =\n%q\nwant\n%q", c.src, words, c.want)
		}
		if plain, _ := r.Render([]byte(c.src), Place{Heading: 3, Notes: "n-"}); plain != html {
			t.Errorf("RenderWords's page differs from Render's:\n%s\n%s", html, plain)
		}
	}
}

// TestSearchWordsAreThePageText: backslash escapes and character
// references are resolved in one pass, as on the page: "\&amp;" is shown
// as "&amp;", and search finds it so.
func TestSearchWordsAreThePageText(t *testing.T) {
	r := New("Tabell", "Tilbake")
	for _, src := range []string{
		`a \&amp; b`,
		`\&#65; &#65; &#x41; \\&amp; &copy; \&copy; &nosuch; &amp;amp; \* \\* \a`,
		"*Tiltak* \\&lt;ny&gt; `\\&amp;`",
	} {
		out, words, err := r.RenderWords([]byte(src), Place{Heading: 3, Notes: "n-"})
		if err != nil {
			t.Fatal(err)
		}
		doc, err := html.Parse(strings.NewReader(string(out)))
		if err != nil {
			t.Fatal(err)
		}
		var text strings.Builder
		for n := range doc.Descendants() {
			if n.Type == html.TextNode {
				text.WriteString(n.Data)
			}
		}
		if want := strings.Join(strings.Fields(text.String()), " "); words != want {
			t.Errorf("words of %q =\n%q\nthe page shows\n%q", src, words, want)
		}
	}
}

// TestTablesScrollInANamedBox: a table wider than a phone scrolls in a box
// of its own, named in the site's language, as the site's own tables do,
// wherever in the text it stands.
func TestTablesScrollInANamedBox(t *testing.T) {
	src := "| Uke | Fravær | Mål | Endring | Kontor | Merknad |\n|---|---|---|---|---|---|\n| 1 | 6,1 | 5,5 | +0,2 | Fana | Høst |\n\n" +
		"- I en liste:\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n"
	got, err := New(`Tabell i "teksten"`, "Tilbake").Render([]byte(src), Place{Heading: 3, Notes: "n-"})
	if err != nil {
		t.Fatal(err)
	}
	box := `<div class="table-scroll" tabindex="0" role="region" aria-label="Tabell i &#34;teksten&#34;">` + "\n<table>"
	if n := strings.Count(string(got), box); n != 2 {
		t.Errorf("%d of 2 tables in a named box:\n%s", n, got)
	}
	if n := strings.Count(string(got), "</table>\n</div>"); n != 2 {
		t.Errorf("%d of 2 boxes closed after their table:\n%s", n, got)
	}
	if _, words, _ := New("Tabell", "Tilbake").RenderWords([]byte(src), Place{Heading: 3, Notes: "n-"}); strings.Contains(words, "Tabell") {
		t.Errorf("search reads the box's name as the text's: %q", words)
	}
}

// TestRemoteImages: an image from another website, in any form, is given
// with its line for load to refuse; a link there, and an image beside the
// text, are not.
func TestRemoteImages(t *testing.T) {
	src := "Tekst med [lenke](https://nav.no) og ![graf](fravaer.png).\n\n" +
		"![a](https://evil.example/a.png) ![b](http://evil.example/b.png)\n" +
		"![c](//evil.example/c.png) ![d](HTTPS://evil.example/d.png)\n\n" +
		"| x | y |\n|---|---|\n| 1 | ![e][ref] |\n\n" +
		"[![f](https://evil.example/f.png)](https://nav.no)\n\n" +
		"[ref]: https://evil.example/e.png\n"
	refs := References([]byte(src))
	files, remote := refs.Files, refs.Remote
	if want := []Ref{{Target: "fravaer.png", Line: 1}}; !slices.Equal(files, want) {
		t.Errorf("files %v, want %v", files, want)
	}
	want := []Ref{
		{Target: "https://evil.example/a.png", Line: 3}, {Target: "http://evil.example/b.png", Line: 3},
		{Target: "//evil.example/c.png", Line: 4}, {Target: "HTTPS://evil.example/d.png", Line: 4},
		{Target: "https://evil.example/e.png", Line: 8}, {Target: "https://evil.example/f.png", Line: 10},
	}
	if !slices.Equal(remote, want) {
		t.Errorf("remote images\n%v\nwant\n%v", remote, want)
	}
}

// TestFileReferencesHaveLines: every file a text links or shows is given
// with its line, so that an error about it names where to look, also a
// link further down a paragraph, in a table, or by a reference.
func TestFileReferencesHaveLines(t *testing.T) {
	src := "Først en linje.\n\nEt avsnitt over\nto linjer med [rapporten](rapport.pdf).\n\n" +
		"| x | y |\n|---|---|\n| 1 | ![graf](graf.png) |\n\n" +
		"Se [vedlegget][v] og [siden](../index.html).\n\n" +
		"[v]: vedlegg.pdf\n"
	files := References([]byte(src)).Files
	want := []Ref{{Target: "rapport.pdf", Line: 4}, {Target: "graf.png", Line: 8}, {Target: "vedlegg.pdf", Line: 10}}
	if !slices.Equal(files, want) {
		t.Errorf("files\n%v\nwant\n%v", files, want)
	}
}

// TestDroppedLinks: a link or image whose target Render will not link
// (see Linkable) is given with its line, for load to tell its author;
// the links it keeps are not.
func TestDroppedLinks(t *testing.T) {
	src := "Se [tallene](javascript:alert(1)) og [arket](file:///c:/x.xlsx).\n\n" +
		"![bilde](data:image/png;base64,AAAA) <vbscript:msgbox> <https://nav.no>\n\n" +
		"[nav](https://nav.no) [e-post](mailto:a@nav.no) [rapport](rapport.pdf) [del](\\\\server\\del\\x.pdf)\n\n" +
		// As the page has them, after markdown resolves their references.
		"[a](jav&#x61;script:alert(1)) [b](javascript&colon;alert(1)//x.png) [c](java&#115;cript:x.pdf) [d](R&amp;D.pdf)\n"
	want := []Ref{
		{Target: "javascript:alert(1)", Line: 1}, {Target: "file:///c:/x.xlsx", Line: 1},
		{Target: "data:image/png;base64,AAAA", Line: 3}, {Target: "vbscript:msgbox", Line: 3},
		{Target: `\\server\del\x.pdf`, Line: 5},
		{Target: "jav&#x61;script:alert(1)", Line: 7}, {Target: "javascript&colon;alert(1)//x.png", Line: 7}, {Target: "java&#115;cript:x.pdf", Line: 7},
	}
	refs := References([]byte(src))
	if !slices.Equal(refs.Dropped, want) {
		t.Errorf("dropped\n%v\nwant\n%v", refs.Dropped, want)
	}
	if want := []Ref{{Target: "rapport.pdf", Line: 5}, {Target: "R&D.pdf", Line: 7}}; !slices.Equal(refs.Files, want) {
		t.Errorf("files %v, want %v", refs.Files, want)
	}
}

// TestTextInHTMLBlocks: a block that begins with an element's tag runs
// to the next blank line, and the page leaves out the tags, not the text
// of its lines, which is markdown as any other: a leader's "<br>" above
// two sentences, or a <div> around a line, would have taken them off the
// page. A tag gives way to a space between words. A comment, a script and
// a style are left out whole, inside such a block too, and so is a block
// that holds a table: its cells run together would set one office's
// figure beside another's name. What only looks like a tag is text.
func TestTextInHTMLBlocks(t *testing.T) {
	src := "Først.\n\n<br>\nSetning en.\nSetning to.\n\n<div align=\"center\">\n**Viktig:** møtet flyttes.\n</div>\n\n" +
		"<p\n  class=\"x\">Over to linjer [her](r.pdf).</p>\n\n" +
		"<!--\nNotat til meg selv.\n-->\n\n<script>\nalert(1)\n</script>\n\n<style>\np{}\n</style>\n\n" +
		"> <div\n> class=\"y\">I et sitat.\n> </div>\n\n" +
		"<table><tr><td>Fana</td><td>12,5</td></tr><tr><td>Arna</td><td>8,3</td></tr></table>\n\n" +
		"<p>Linje en<br>linje to, <b>Andel</b> <ti prosent.</p>\n\n" +
		"<div>\n    <p>Rykket inn.</p>\n</div>\n\n" +
		"<div><script>varsle(1)</script><style>q{}</style>Etter skriptet, [fil](<fil med mellomrom.pdf>), <https://nav.no> og `<kode>`.</div>\n\n" +
		"<div>\n<!-- notat uten slutt\n</div>\n\nResten av teksten.\n"
	html, err := New("Tabell", "tilbake").Render([]byte(src), Place{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"<p>Setning en.\nSetning to.</p>", "<p><strong>Viktig:</strong> møtet flyttes.</p>", `Over to linjer <a href="r.pdf">her</a>.`,
		"<blockquote>\n<p>I et sitat.</p>\n</blockquote>", "Linje en linje to, Andel &lt;ti prosent.", "<p>Rykket inn.</p>",
		`<p>Etter skriptet, <a href="fil%20med%20mellomrom.pdf">fil</a>, <a href="https://nav.no">https://nav.no</a> og <code>&lt;kode&gt;</code>.</p>`,
		"<p>Resten av teksten.</p>",
	} {
		if !strings.Contains(string(html), want) {
			t.Errorf("the page lacks %q:\n%s", want, html)
		}
	}
	for _, gone := range []string{"Notat", "alert", "varsle", "p{}", "q{}", "<br", "<div", "class=", "<p\n", "Fana", "12,5", "<pre>", "notat uten slutt"} {
		if strings.Contains(string(html), gone) {
			t.Errorf("the page has %q:\n%s", gone, html)
		}
	}
	refs := References([]byte(src))
	if want := []Ref{{Target: "<br>", Line: 3}, {Target: "<div>", Line: 7}, {Target: "<p>", Line: 11}, {Target: "<script>", Line: 18}, {Target: "<style>", Line: 22}, {Target: "<table>", Line: 30}}; !slices.Equal(refs.HTML, want) {
		t.Errorf("HTML %v, want %v", refs.HTML, want)
	}
	if want := []Ref{{Target: "r.pdf", Line: 12}, {Target: "fil med mellomrom.pdf", Line: 38}}; !slices.Equal(refs.Files, want) {
		t.Errorf("files %v, want %v: a link in a block's text is the page's", refs.Files, want)
	}
}

// TestTextInHTMLBlocksReadsAsWritten: what a tag block keeps reads as its
// author wrote it: a tag inside a line leaves no space before a stop or
// inside a word, Word's own tags (<o:p>) go, a backtick for an
// apostrophe opens no code, a mark of markdown that a tag stood before is
// text ("2. tertial", "> 50 %"), an item whose tag was its first line
// stays an item, lines that a tag broke apart (paragraphs, a list's
// items) stay apart, and a letter that changes its length in lower case
// breaks nothing.
func TestTextInHTMLBlocksReadsAsWritten(t *testing.T) {
	for _, c := range []struct{ src, want, gone string }{
		{"<p>Se <a href=\"r.pdf\">rapporten</a>. <b>Viktig</b>: m<sup>2</sup> og x</p>\n", "Se rapporten. Viktig: m2 og x", "rapporten ."},
		{"<p class=MsoNormal>Hei alle<o:p></o:p></p>\n", "<p>Hei alle</p>", "o:p"},
		{"<p>NAV`s kontor</p>\n<p>Fylke`s tall</p>\n", "Fylke`s tall", "<code>"},
		{"<p>2. tertial viste bedring</p>\n", "<p>2. tertial viste bedring</p>", "<ol"},
		{"<p>> 50 % av brukerne</p>\n", "<p>&gt; 50 % av brukerne</p>", "<blockquote>"},
		{"Punkter:\n- <br>\n  Tekst\n", "<li>", "<h2>"},
		{"<div>\n<!-->\nSynlig etter en tom kommentar\n</div>\n", "Synlig etter en tom kommentar", "<!--"},
		{"<div><title>Tittel</title>Tekst</div>\n", "<p>Tekst</p>", "Tittel"},
		{"<div><script>" + strings.Repeat("Ⱥ", 40) + "</script>Synlig</div>\n", "<p>Synlig</p>", "Ⱥ"},
		{"<div><script>K</script>Synlig</div>\n", "<p>Synlig</p>", "K"},
		{"<p>```</p>\nMer tekst.\n", "<p>```<br>\nMer tekst.</p>", "<pre>"},
		{"<p>Først dette.</p>\n<p>Så dette.</p>\n", "<p>Først dette.<br>\nSå dette.</p>", "dette. Så"},
		{"<ul>\n<li>Ett tiltak</li>\n<li>Et annet</li>\n</ul>\n", "<p>Ett tiltak<br>\nEt annet</p>", "tiltak Et"},
		{"<p>Linje en\nlinje to.</p>\n", "<p>Linje en\nlinje to.</p>", "<br>"},
		{"<div><p>Tiltak:</p>\n- ett\n- to\n</div>\n", "<p>Tiltak:</p>\n<ul>\n<li>ett</li>", "\\"},
		{"<p>Først:</p>\n> sitat\n", "<p>Først:</p>\n<blockquote>", "\\"},
		{"<p>Mappen C:\\</p>\n<p>Neste</p>\n", "<p>Mappen C:\\<br>\nNeste</p>", "C:<br>"},
		{"<p>\\` og `kode` og NAV`s</p>\n", "<p>` og <code>kode</code> og NAV`s</p>", "\\"},
	} {
		html, err := New("Tabell", "tilbake").Render([]byte(c.src), Place{})
		References([]byte(c.src))
		if err != nil || !strings.Contains(string(html), c.want) || strings.Contains(string(html), c.gone) {
			t.Errorf("%q:\n%s\nwant %q, not %q (%v)", c.src, html, c.want, c.gone, err)
		}
	}
}

// TestABlockWithATableIsToldByItsTable: a block that holds a table is
// left out whole, its other text too, and its table is told at its own
// line, so that its author knows why; a block that begins with the table
// is told once.
func TestABlockWithATableIsToldByItsTable(t *testing.T) {
	src := "<div>\nViktig tekst om mars.\n<table><tr><td>1</td></tr></table>\n</div>\n\n<TABLE>\n<tr><td>2</td></tr>\n</TABLE>\n"
	html, err := New("Tabell", "tilbake").Render([]byte(src), Place{})
	if err != nil || strings.Contains(string(html), "Viktig") {
		t.Errorf("a block with a table is not left out whole: %s, %v", html, err)
	}
	if got, want := References([]byte(src)).HTML, []Ref{{Target: "<div>", Line: 1}, {Target: "<table>", Line: 3}}; !slices.Equal(got, want) {
		t.Errorf("HTML %v, want %v", got, want)
	}
}

// TestLeftOutHTML: raw HTML, which Render leaves out, is found by its
// opening tags, each once at its first line, as a block (a table pasted
// from a web page) or inline (a <br>); comments, closing tags, HTML in
// code, autolinks and text that only looks like a tag are not.
func TestLeftOutHTML(t *testing.T) {
	src := "Tallene:\n\n<table>\n<tr><td>45 %</td></tr>\n</table>\n\n" +
		"Første linje<br>andre linje<BR/>tredje, <b>viktig</b>.\n\n" +
		"<!-- ikke publiser dette -->\n\n" +
		"`<span>` i kode, <https://nav.no>, 3 < 4 og <kari.nordmann@nav.no>.\n\n" +
		"    <div>kodeblokk</div>\n\n" +
		"<div class=\"x\">\nblokk\n</div>\n"
	want := []Ref{{Target: "<table>", Line: 3}, {Target: "<br>", Line: 7}, {Target: "<b>", Line: 7}, {Target: "<div>", Line: 15}}
	if got := References([]byte(src)).HTML; !slices.Equal(got, want) {
		t.Errorf("HTML %v, want %v", got, want)
	}
	html, err := New("Tabell", "tilbake").Render([]byte(src), Place{})
	if err != nil || strings.Contains(string(html), "<table>") || strings.Contains(string(html), "<br>") {
		t.Errorf("the HTML is not left out: %s, %v", html, err)
	}
}

// TestFootnotes: a footnote, as leaders write them in a pull request, is a
// link to a note at the text's end and back, its ids beginning with the
// prefix that keeps them apart from another text's on the same page, and
// its way back named in the site's language. A note's links are kept or
// dropped, and its files found, as the text's own.
func TestFootnotes(t *testing.T) {
	src := "Fraværet gikk ned.[^kilde] Se også tabellen.[^2]\n\n" +
		"[^kilde]: Tall fra [NAV](https://nav.no) og ![graf](graf.png).\n" +
		"[^2]: [Ikke](javascript:alert(1)) en lenke.\n"
	r := New("Tabell", "Tilbake til teksten, fotnote {n}")
	got, words, err := r.RenderWords([]byte(src), Place{Heading: 3, Notes: "note-arna-2026-03-"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<sup id="note-arna-2026-03-fnref:1"><a href="#note-arna-2026-03-fn:1"`,
		`<li id="note-arna-2026-03-fn:1">`,
		`<a href="#note-arna-2026-03-fnref:1"`,
		`<span aria-hidden="true">&#x21a9;&#xfe0e;</span><span class="sr-only">Tilbake til teksten, fotnote 1</span>`,
		`<span class="sr-only">Tilbake til teksten, fotnote 2</span>`,
		`<a href="https://nav.no">NAV</a>`,
		`<img src="graf.png" alt="graf">`,
		"Ikke en lenke.",
	} {
		if !strings.Contains(string(got), want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(string(got), "javascript:") || strings.Contains(string(got), "[^") {
		t.Errorf("a note's script link kept, or a note not read:\n%s", got)
	}
	if !strings.Contains(words, "Tall fra NAV") {
		t.Errorf("search does not read the note: %q", words)
	}
	other, _ := r.Render([]byte(src), Place{Heading: 3, Notes: "note-fana-2026-03-"})
	ids := func(h string) []string { return regexp.MustCompile(`id="([^"]*)"`).FindAllString(h, -1) }
	for _, id := range ids(string(other)) {
		if slices.Contains(ids(string(got)), id) {
			t.Errorf("two texts on one page share %s", id)
		}
	}
	if refs := References([]byte(src)); !slices.Equal(refs.Files, []Ref{{Target: "graf.png", Line: 3}}) || len(refs.Dropped) != 1 {
		t.Errorf("a note's files %v and dropped links %v, want graf.png and one", refs.Files, refs.Dropped)
	}
}

// TestUnmetFootnotes: a reference to no note is shown as written, and a
// note nothing refers to, or of a label used before, is left out; each is
// found at its line, for load to tell the author, wherever goldmark reads
// it (a label with a blank, a note in a quote or a list). A reference in
// code, or escaped, is no reference, nor is a note's line in code or in
// raw HTML a note.
func TestUnmetFootnotes(t *testing.T) {
	src := "Stor bokstav.[^A] Riktig.[^b] *Uthevet [^c]* og `kode [^d]` og \\[^e] og \\\\[^g].\n" +
		"Ny linje [^Kilde 1]\n\n" +
		"[^a]: Aldri vist til.\n" +
		"[^b]: Vist til.\n" +
		"[^b]: En gang til.\n" +
		"[^kilde 1]: Med mellomrom.\n\n" +
		"> [^q]: I et sitat.\n\n" +
		"- [^l]: I en liste.\n\n" +
		"```\n[^f]: kode\n```\n\n" +
		"<!--\n[^h]: html\n-->\n\n" +
		"Første linje,\nandre [^Z] linje.\n\n" +
		"Delt over [^\nY]."
	refs := References([]byte(src))
	for _, c := range []struct {
		name      string
		got, want []Ref
	}{
		{"references to no note", refs.NoNote, []Ref{{Target: "A", Line: 1}, {Target: "g", Line: 1}, {Target: "Kilde 1", Line: 2}, {Target: "c", Line: 1}, {Target: "Z", Line: 22}, {Target: " Y", Line: 24}}},
		{"notes nothing refers to", refs.Unreferred, []Ref{{Target: "a", Line: 4}, {Target: "kilde 1", Line: 7}, {Target: "q", Line: 9}, {Target: "l", Line: 11}}},
		{"notes of a label used before", refs.Again, []Ref{{Target: "b", Line: 6}}},
	} {
		if !slices.Equal(c.got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, c.got, c.want)
		}
	}
}

// TestLinksFromBase: a text shown on pages in several folders has its
// relative links read from one folder, the base; a link to another
// website, an address or an anchor on the page stays as written.
func TestLinksFromBase(t *testing.T) {
	src := "[a](hordaland/fana/index.html#goal-x) [b](#x) [c](https://nav.no/a) [d](mailto:a@b.no) [e](<scorecard.csv>) [f](&#35;y)\n"
	got, err := New("Tabell", "Tilbake").Render([]byte(src), Place{Heading: 3, Base: "../../"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`href="../../hordaland/fana/index.html#goal-x"`, `href="#x"`, `href="https://nav.no/a"`, `href="mailto:a@b.no"`, `href="../../scorecard.csv"`,
		`href="#y"`, // an anchor, once its reference is read
	} {
		if !strings.Contains(string(got), want) {
			t.Errorf("output lacks %s:\n%s", want, got)
		}
	}
}

// TestBareAddressesAreLinks: an address written bare is a link, as on
// GitHub, where leaders preview their commentary: a web address, one
// beginning www. (to http://, as GitHub makes it) and an e-mail address.
func TestBareAddressesAreLinks(t *testing.T) {
	html, err := New("Tabell", "tilbake").Render([]byte("Se https://www.nav.no/arbeid, www.nav.no og kari.nordmann@nav.no.\n"), Place{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<a href="https://www.nav.no/arbeid">https://www.nav.no/arbeid</a>`, `<a href="http://www.nav.no">www.nav.no</a>`, `<a href="mailto:kari.nordmann@nav.no">kari.nordmann@nav.no</a>`} {
		if !strings.Contains(string(html), want) {
			t.Errorf("%s lacks %s", html, want)
		}
	}
}
