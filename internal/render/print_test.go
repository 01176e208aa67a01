package render

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestPrintMarginsKeepTheWords: a site title with a colon, quotes or
// markup heads every printed page as it is written, and nothing in it
// ends the CSS string, the rule or the <style> element.
func TestPrintMarginsKeepTheWords(t *testing.T) {
	c := Common{SiteTitle: `NAV Vest: "målekort" </style><script>x</script>`, Title: "Tertialrapport for NAV Fana; ende}", Period: "2. tertial 2026"}
	css := string(c.PrintMargins())
	// The rule's own quotes are the only ones: two strings and " / ".
	if strings.ContainsAny(css, "<>") || strings.Count(css, `"`) != 6 {
		t.Fatalf("unsafe or refused: %s", css)
	}
	strs := regexp.MustCompile(`content: "([^"]*)"`).FindAllStringSubmatch(css, -1)
	if len(strs) != 2 {
		t.Fatalf("want two strings in %s", css)
	}
	unescape := regexp.MustCompile(`\\([0-9a-f]+) `)
	decode := func(s string) string {
		return unescape.ReplaceAllStringFunc(s, func(e string) string {
			r, _ := strconv.ParseInt(strings.TrimSpace(e[1:]), 16, 32)
			return string(rune(r))
		})
	}
	if got := decode(strs[0][1]); got != c.SiteTitle {
		t.Errorf("site in the margin reads %q, want %q", got, c.SiteTitle)
	}
	if got, want := decode(strs[1][1]), c.Title+" · "+c.Period; got != want {
		t.Errorf("page in the margin reads %q, want %q", got, want)
	}
}
