package render

import (
	"bytes"
	"html/template"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/locale"
)

// defaults are malekort's own templates, at the repo root.
var defaults = os.DirFS("../..")

// compiledIn lists, for each page template, the partials it calls in Go.
func compiledIn(t *testing.T, site fstest.MapFS) map[string][]string {
	t.Helper()
	var errs diag.List
	tmpl := LoadTemplates(site, defaults, locale.New("nb"), &errs)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	got := map[string][]string{}
	for file, page := range tmpl.pages {
		for name := range newCompiledPartials(locale.New("nb")) {
			if page.Lookup(name).Tree.Root.String() == "{{"+funcName(name)+" .}}" {
				got[file] = append(got[file], name)
			}
		}
		slices.Sort(got[file])
	}
	return got
}

func builtin(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("../../templates/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestCompiledOnlyWhereUnchanged(t *testing.T) {
	all := []string{"badge", "commentary", "entries", "needs-list", "ranking", "scorecard", "sections", "summary"}
	got := compiledIn(t, fstest.MapFS{})
	for _, page := range pageTemplates {
		if !slices.Equal(got[page], all) {
			t.Errorf("built-in templates: %s compiles %v, want %v", page, got[page], all)
		}
	}

	// A comment changes nothing a page shows.
	partials := builtin(t, "partials.html")
	commented := strings.Replace(partials, `{{define "summary"}}`, `{{define "summary"}}{{/* ours */}}`, 1)
	got = compiledIn(t, fstest.MapFS{"templates/partials.html": {Data: []byte(commented)}})
	if !slices.Equal(got["office.html"], all) {
		t.Errorf("a comment in summary: office.html compiles %v, want %v", got["office.html"], all)
	}

	// A changed badge is used by every partial that shows one.
	badge := strings.Replace(partials, `<span class="badge badge-{{.Name}}">`, `<span class="badge badge-{{.Name}} ours">`, 1)
	got = compiledIn(t, fstest.MapFS{"templates/partials.html": {Data: []byte(badge)}})
	if want := []string{"commentary", "summary"}; !slices.Equal(got["office.html"], want) {
		t.Errorf("changed badge: office.html compiles %v, want %v", got["office.html"], want)
	}

	// A page that defines its own summary runs it, and the partials that
	// call it; other pages do not.
	office := builtin(t, "office.html") + `{{define "summary"}}<p>{{.Green}}</p>{{end}}`
	got = compiledIn(t, fstest.MapFS{"templates/office.html": {Data: []byte(office)}})
	if want := []string{"badge", "commentary", "needs-list", "ranking", "scorecard", "sections"}; !slices.Equal(got["office.html"], want) {
		t.Errorf("office.html with its own summary compiles %v, want %v", got["office.html"], want)
	}
	if !slices.Equal(got["county.html"], all) {
		t.Errorf("county.html compiles %v, want %v", got["county.html"], all)
	}
}

// TestPartialsOfAnEarlierSite: a site's partials.html that lacks partials
// added to malekort since still builds with the built-in pages that call
// them, and its own partials are the ones used.
func TestPartialsOfAnEarlierSite(t *testing.T) {
	partials := builtin(t, "partials.html")
	for _, name := range []string{"ranking", "entries"} {
		start := strings.Index(partials, `{{define "`+name+`"}}`)
		end := start + strings.Index(partials[start:], "\n{{end}}") + len("\n{{end}}")
		partials = partials[:start] + partials[end:]
	}
	partials = strings.Replace(partials, `<span class="badge badge-{{.Name}}">`, `<span class="badge badge-{{.Name}} earlier">`, 1)
	var errs diag.List
	tmpl := LoadTemplates(fstest.MapFS{"templates/partials.html": {Data: []byte(partials)}}, defaults, locale.New("nb"), &errs)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var b strings.Builder
	ranked := []Ranked{{Rank: "1", Office: Link{Href: "a/b/index.html", Text: "NAV B"}, Status: Status{Name: "green", Label: "Nådd", Symbol: "✓"}}}
	if err := tmpl.pages["goal.html"].ExecuteTemplate(&b, "ranking", ranked); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `<span class="badge badge-green earlier">`) {
		t.Errorf("the ranking does not use the site's badge:\n%s", b.String())
	}
}

// FuzzEscapers checks that the Go copies escape text, attribute values and
// links as html/template does.
func FuzzEscapers(f *testing.F) {
	for _, s := range []string{"", "a<b>&'\"+\x00", "../goals/mal-01/index.html#x", "javascript:alert(1)",
		"https://git.example.org/edit/main/content/a b/ø.md", "100%", "%zz%41", "mailto:x@y", "HTTP:x", "/a:b", "\xff"} {
		f.Add(s)
	}
	tmpl := template.Must(template.New("").Parse(`<p title="{{.}}">{{.}}</p><a href="{{.}}">`))
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		if err := tmpl.Execute(&want, s); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		got.WriteString(`<p title="`)
		escapeHTML(&got, s)
		got.WriteString(`">`)
		escapeHTML(&got, s)
		got.WriteString(`</p><a href="`)
		escapeURL(&got, s)
		got.WriteString(`">`)
		if got.String() != want.String() {
			t.Errorf("%q:\n got %s\nwant %s", s, got.String(), want.String())
		}
	})
}
