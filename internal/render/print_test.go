package render

import (
	"context"
	"regexp"
	"slices"
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

// TestTargetLabelKeepsOffTheLine: a printed chart's target label goes
// where the values' line leaves it room: away from a line that runs just
// above the target on the left half and below it on the right half, and
// at the left, above the target, where the line is far from it.
func TestTargetLabelKeepsOffTheLine(t *testing.T) {
	const targetY, from, to, lowest = 50.0, 46.0, 312.0, 94.0
	var hugging []segment
	for x := 44.0; x < 312; x += 12 {
		y := targetY - 6.0 // just above, where a label above would sit
		if x >= 178 {
			y = targetY + 6 // just below
		}
		hugging = append(hugging, segment{x, y, x + 12, y})
	}
	name := "Målverdi 45,0 %"
	width := 5.2 * float64(len([]rune(name)))
	for _, c := range []struct {
		name     string
		segments []segment
		want     func(x, y float64) bool
	}{
		{"the line far above", []segment{{44, 10, 312, 10}}, func(x, y float64) bool { return x == from && y == targetY-3 }},
		{"the line hugging the target", hugging, func(x, y float64) bool {
			return crossings(hugging, x-2.5, y-10.5, x+width+2.5, y+4.5) == 0
		}},
	} {
		l := targetLabel(name, targetY, from, to, lowest, c.segments)
		x, _ := strconv.ParseFloat(l.x, 64)
		y, _ := strconv.ParseFloat(l.y, 64)
		if l.text != name || !c.want(x, y) {
			t.Errorf("%s: the label is at %s,%s", c.name, l.x, l.y)
		}
		if x < from || x+width > to || y-8 < 0 || y > lowest {
			t.Errorf("%s: the label at %s,%s leaves the plot", c.name, l.x, l.y)
		}
	}
}

// TestAMonthAloneIsADot: a line broken by months without a value has a
// part of one month, which is a dot, drawn wider than the line: an
// office's only month would otherwise be a speck on paper.
func TestAMonthAloneIsADot(t *testing.T) {
	var l brokenLine
	l.add(1, 2)
	l.breakOff()
	l.add(3, 4)
	l.add(5, 6)
	got := l.parts()
	want := []linePart{{Points: "1.0,2.0 1.0,2.0", Dot: true}, {Points: "3.0,4.0 5.0,6.0"}}
	if !slices.Equal(got, want) {
		t.Errorf("parts %v, want %v", got, want)
	}
	var b strings.Builder
	if err := printChartSVG("t", "0,0 1,1", got, nil).Render(context.Background(), &b); err != nil || !strings.Contains(b.String(), `<polyline class="pc-line dot" points="1.0,2.0 1.0,2.0">`) {
		t.Errorf("printed chart %s (%v) draws the month alone as a line", b.String(), err)
	}
}
