package render

import (
	"bytes"
	"html/template"
	"testing"
)

// text must escape as html/template does, also when a string has just one
// character to escape, which its look for one must not miss.
func TestTextEscapesAsHTMLTemplate(t *testing.T) {
	for _, s := range []string{"", "NAV Årstad", "87,2 %", "<", ">", "&", "'", `"`, "\x00", "a<b", "NAV\x00Nord", "Tiltak & oppfølging"} {
		checkText(t, s)
	}
}

func FuzzText(f *testing.F) {
	f.Add("NAV Årstad <b>")
	f.Fuzz(checkText)
}

func checkText(t *testing.T, s string) {
	var b bytes.Buffer
	text(&b, s)
	if want := template.HTMLEscapeString(s); b.String() != want {
		t.Errorf("text(%q) = %q, want %q", s, b.String(), want)
	}
}
