package build

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/malekort/malekort/internal/model"
)

// TestDeadLinksAreNotices: a text's link to a page or file of the site
// that the built site does not have is a notice at its line, read from
// the folder of the text's page; a description's, from the site's top.
// Links that lead somewhere are not.
func TestDeadLinksAreNotices(t *testing.T) {
	fsys, _ := siteFS(t, "testdata/sites/basic.txtar")
	fsys["content/vest/arstad/2026-02.md"] = &fstest.MapFile{Data: []byte("+++\nauthor = \"Leder\"\n+++\n" +
		"Se [Bergen nord](../bergen-nord/index.html#goal-arbeid), [alle kommentarene](commentary.html),\n" +
		"[målet](../../goals/arbeid/index.html) og [tallene](../scorecard.csv).\n\n" +
		"Ikke [hit](../bergen-nrd/index.html) eller [kilden](2026-01.md) eller [forrige](2026-02.md).\n\n" +
		"Se [januar](commentary.html#2026-01), [toppen](commentary.html#top) og [målene](../bergen-nord/index.html#goals-h),\n" +
		"ikke [mars](commentary.html#2026-13), [arbeid](../bergen-nord/index.html#goal-arbeidd) eller [%C3%A5r](../bergen-nord/index.html#%C3%A5r).\n")}
	fsys["content/vest/arstad/2026-01.md"] = &fstest.MapFile{Data: []byte("+++\nauthor = \"Leder\"\n+++\nJanuar.\n")}
	// A text whose only links are of other spellings is read too.
	fsys["content/vest/_index.md"] = &fstest.MapFile{Data: []byte("Se [kilden](kilde.md) og [Årstad](arstad/INDEX.HTML).\n\n" +
		"Ikke [Tromsø](tromso/index.html), [fylket](_index.md) eller [Årstads kommentarer](../vest/arstad/commentray.html).\n")}
	goals := string(fsys["data/goals.toml"].Data)
	fsys["data/goals.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(goals, `description = "Andel i arbeid."`,
		`description = "Andel i arbeid, se [Årstad](vest/arstad/index.html), ikke [Årstadd](vest/arstadd/index.html)."`, 1))}
	c, errs := checkInput(fsys)
	if errs != nil {
		t.Fatal(errs)
	}
	if errs, err := c.Render(fsys, memOutput{}); errs != nil || err != nil {
		t.Fatal(errs, err)
	}
	var got []string
	for _, n := range c.Notices {
		if strings.Contains(n.Msg, "does not have") || strings.Contains(n.Msg, "leads to no page") || strings.Contains(n.Msg, "no place marked") {
			got = append(got, n.Error())
		}
	}
	// Each offers the page its author most likely meant, as a link from
	// the same folder: a misspelt name's nearest beside it, capitals
	// aside; an office's own folder, written beside the wrong county; a
	// page's source its page, a month's commentary its section.
	want := []string{
		`content/vest/_index.md:1: "arstad/INDEX.HTML" leads to vest/arstad/INDEX.HTML, which the site does not have (did you mean "arstad/index.html"?): a link in a text is read from the folder of its page`,
		`content/vest/_index.md:1: "kilde.md" leads to vest/kilde.md, which the site does not have: a link in a text is read from the folder of its page`,
		`content/vest/_index.md:3: "../vest/arstad/commentray.html" leads to vest/arstad/commentray.html, which the site does not have (did you mean "arstad/commentary.html"?): a link in a text is read from the folder of its page`,
		`content/vest/_index.md:3: "_index.md" leads to vest/_index.md, which the site does not have (did you mean "index.html"?): a link in a text is read from the folder of its page`,
		`content/vest/_index.md:3: "tromso/index.html" leads to vest/tromso/index.html, which the site does not have (did you mean "../nord/tromso/index.html"?): a link in a text is read from the folder of its page`,
		`content/vest/arstad/2026-02.md:7: "../bergen-nrd/index.html" leads to vest/bergen-nrd/index.html, which the site does not have (did you mean "../bergen-nord/index.html"?): a link in a text is read from the folder of its page`,
		`content/vest/arstad/2026-02.md:7: "2026-01.md" leads to vest/arstad/2026-01.md, which the site does not have (did you mean "commentary.html#2026-01"?): a link in a text is read from the folder of its page`,
		`content/vest/arstad/2026-02.md:7: "2026-02.md" leads to vest/arstad/2026-02.md, which the site does not have (did you mean "commentary.html#2026-02"?): a link in a text is read from the folder of its page`,
		`content/vest/arstad/2026-02.md:10: "../bergen-nord/index.html#goal-arbeidd" leads to vest/bergen-nord/index.html, which has no place marked #goal-arbeidd (did you mean "../bergen-nord/index.html#goal-arbeid"?): the link opens the page at its top`,
		`content/vest/arstad/2026-02.md:10: "../bergen-nord/index.html#år" leads to vest/bergen-nord/index.html, which has no place marked #år: the link opens the page at its top`,
		`content/vest/arstad/2026-02.md:10: "commentary.html#2026-13" leads to vest/arstad/commentary.html, which has no place marked #2026-13 (did you mean "commentary.html#2026-01"?): the link opens the page at its top`,
		`data/goals.toml:4: goal "arbeid": its description links "vest/arstadd/index.html", which leads to no page or file of the site, read from the site's top folder (did you mean "vest/arstad/index.html"?)`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("notices\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestADeadLinkMeantAnOfficeByItsID: a link that names an office by its
// id, beside the wrong county, is offered that office's page, not the
// page of an office of a near name beside it.
func TestADeadLinkMeantAnOfficeByItsID(t *testing.T) {
	site := &model.Site{Offices: []model.Office{{ID: "bergen", County: "nord"}, {ID: "bergenhus", County: "vest"}}}
	has := map[string]bool{"nord/bergen/index.html": true, "vest/bergenhus/index.html": true, "index.html": true}
	if got := newSitePages(site, has).meant("vest/bergen/index.html"); got != "nord/bergen/index.html" {
		t.Errorf("meant %q, want nord/bergen/index.html", got)
	}
}
