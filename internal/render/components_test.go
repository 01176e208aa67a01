package render

import (
	"strings"
	"testing"

	"github.com/malekort/malekort/internal/locale"
	"github.com/malekort/malekort/internal/score"
)

// Text in a component is escaped, a setting's link that is not http(s)
// is not linked, and the byline's separator is a non-breaking space.
func TestCommentaryEscapesTextAndLinks(t *testing.T) {
	c := components{locale.New("en")}
	html, err := markup(c.commentary(&CommentaryView{Byline: Byline{
		Author: `<script>alert("x")</script>`, Date: "4 March 2026", ISODate: "2026-03-04",
		EditURL: "javascript:alert(1)",
	}}))
	if err != nil {
		t.Fatal(err)
	}
	s := string(html)
	for _, want := range []string{`&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;`, `href="about:invalid#TemplFailedSanitizationURL"`, "</time>\u00a0· <a"} {
		if !strings.Contains(s, want) {
			t.Errorf("commentary lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "<script>") || strings.Contains(s, "javascript:") {
		t.Errorf("commentary publishes markup or a script link from data:\n%s", s)
	}
}

// A printed matrix of up to printWholeRows offices is kept whole on one
// sheet; a longer one may go on over sheets.
func TestPrintMatrixKeptWholeWhenShort(t *testing.T) {
	c := components{locale.New("nb")}
	for _, rows := range []int{1, printWholeRows, printWholeRows + 1} {
		m := Matrix{Caption: "Alle kontorer og mål", Goals: []GoalColumn{{Link: Link{Text: "Mål"}}}, Rows: make([]MatrixRow, rows)}
		html, err := markup(c.printMatrix(m))
		if err != nil {
			t.Fatal(err)
		}
		if whole := strings.Contains(string(html), `class="data print-matrix print-whole"`); whole != (rows <= printWholeRows) {
			t.Errorf("%d offices: kept whole %v", rows, whole)
		}
	}
}

// A matrix's row with one red goal comes before one with two yellow ones,
// and one with two goals without a result before it; rows of the same
// need keep their order.
func TestMatrixOrderRedBeforeYellow(t *testing.T) {
	rows := []string{"two yellow", "one red", "green", "one yellow", "also one yellow", "unreported"}
	needOf := func(sts ...score.Status) need {
		var n need
		for _, st := range sts {
			n.add(st)
		}
		return n
	}
	needs := []need{needOf(score.Yellow, score.Yellow), needOf(score.Red, score.Green), needOf(score.Green), needOf(score.Yellow), needOf(score.Yellow), needOf(score.Missing, score.Incomplete)}
	got := mostFirst(rows, needs)
	want := []string{"unreported", "one red", "two yellow", "one yellow", "also one yellow", "green"}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("order %v, want %v", got, want)
	}
}
