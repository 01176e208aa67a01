package build

import (
	"strings"
	"testing"
)

// TestHostileTextIsEscaped gives every text a person can type into a site
// (names, titles, perspectives, the site title, authors, measures,
// commentary) markup and a script, and checks that no page runs or shows
// either as markup: each page shows the text escaped.
func TestHostileTextIsEscaped(t *testing.T) {
	const hostile = `<b>x</b>"'&<script>alert(1)</script>`
	q := strings.NewReplacer(`"`, `\"`).Replace(hostile)
	out := buildBase(t, map[string]string{
		"site.toml": "title = \"" + q + "\"\nlanguage = \"nb\"\n",
		"data/org.toml": `[[county]]
id = "vest"
name = "` + q + `"
[[county]]
id = "nord"
name = "NAV\u0000Nord"
[[office]]
id = "bergen-nord"
name = "` + q + `"
county = "vest"
[[office]]
id = "arstad"
name = "NAV Årstad"
county = "vest"
[[office]]
id = "tromso"
name = "NAV Tromsø"
county = "nord"
`,
		"data/goals.toml": `[[goal]]
id = "arbeid"
title = "` + q + `"
description = "` + q + `"
perspective = "` + q + `"
unit = "percent"
direction = "higher"
target = 45
yellow = 40
aggregate = "ratio"
`,
		"data/results/2026.csv":               "period,unit,goal,value,numerator,denominator\n2026-01,bergen-nord,arbeid,,40,100\n2026-02,bergen-nord,arbeid,,50,100\n2026-02,arstad,arbeid,,30,100\n2026-02,tromso,arbeid,,11,20\n",
		"content/vest/bergen-nord/2026-02.md": "+++\nauthor = \"" + q + "\"\n[[measure]]\ngoal = \"arbeid\"\ntext = \"" + q + "\"\nstatus = \"started\"\n+++\n" + hostile + "\n",
	})
	pages := 0
	for name, data := range out {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		page := string(data)
		for _, markup := range []string{"<b>x", "<script>alert", "</script>alert"} {
			if strings.Contains(page, markup) {
				t.Errorf("%s holds %q unescaped", name, markup)
			}
		}
		if strings.Contains(page, "\x00") {
			t.Errorf("%s holds a NUL character, which HTML does not allow", name)
		}
		if !strings.Contains(page, "&lt;b&gt;x&lt;/b&gt;") {
			t.Errorf("%s does not show the text escaped", name)
		}
	}
	office := string(out["vest/bergen-nord/index.html"])
	// Author, measure text, goal title in scorecard, needs, section and chart.
	if n := strings.Count(office, "&lt;b&gt;x&lt;/b&gt;&#34;&#39;&amp;&lt;script&gt;"); n < 6 {
		t.Errorf("the office page shows the hostile text escaped %d times, want at least 6", n)
	}
	if !strings.Contains(string(out["nord/index.html"]), "NAV\uFFFDNord") {
		t.Error("the county page does not show a NUL in its name as U+FFFD")
	}
	if pages < 8 {
		t.Errorf("only %d pages built", pages)
	}
}
