package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	neturl "net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
)

func site(t *testing.T) string {
	t.Helper()
	a, err := txtar.ParseFile("../build/testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range a.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, f.Data, 0o644)
	}
	return dir
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// events subscribes to the server's events at url for the page at path,
// as the page's script does, and returns a function that waits for the
// next one and returns its data.
func events(tb testing.TB, url, path string) func() string {
	tb.Helper()
	resp, err := http.Get(url + eventsPath + "?page=" + neturl.QueryEscape(path))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { resp.Body.Close() })
	stream := bufio.NewReader(resp.Body)
	return func() string {
		for {
			line, err := stream.ReadString('\n')
			if err != nil {
				tb.Fatal(err)
			}
			if data, ok := strings.CutPrefix(line, "data: "); ok {
				return data
			}
		}
	}
}

// serving builds the site in dir, watches it and serves it until the
// test ends, logging to log; it returns the server's URL.
func serving(t *testing.T, dir string, log io.Writer) string {
	t.Helper()
	s := New(dir, os.DirFS("../.."), log)
	s.Build()
	t.Cleanup(s.Watch(t.Context(), 20*time.Millisecond))
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close) // after the event stream closes: cleanups run last first
	return srv.URL
}

// eventually polls the page until it contains want.
func eventually(t *testing.T, url, want string) string {
	t.Helper()
	var page string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if _, page = get(t, url); strings.Contains(page, want) {
			return page
		}
	}
	t.Fatalf("%s never contained %q", url, want)
	return ""
}

// TestServeFollowsEdits drives serve over HTTP: a commentary edit shows on
// the page; a broken file shows its error and keeps the old page; fixing
// it shows the new page.
func TestServeFollowsEdits(t *testing.T) {
	dir := site(t)
	var log strings.Builder
	url := serving(t, dir, &log)
	page := url + "/vest/arstad/index.html"

	if code, body := get(t, page); code != 200 || !strings.Contains(body, "Vi ser på tallene sammen.") || !strings.Contains(body, "/_malekort/live.js") {
		t.Fatalf("first page: %d\n%s", code, body)
	}
	if code, body := get(t, url+"/"); code != 200 || !strings.Contains(body, "<h1>Testside</h1>") {
		t.Fatalf("/ does not serve index.html: %d", code)
	}
	// A page the site does not have is said so in its language, with
	// the way to the front page.
	if code, body := get(t, url+"/nowhere.html"); code != 404 || !strings.Contains(body, "Nettstedet har ingen side /nowhere.html.") || !strings.Contains(body, `<a href="/">Til forsiden</a>`) || !strings.Contains(body, `lang="nb"`) {
		t.Errorf("missing page: %d\n%s", code, body)
	}

	next := events(t, url, "/vest/arstad/")
	if first := next(); !strings.Contains(first, `"errors":null`) {
		t.Errorf("first event: %s", first)
	}

	commentary := filepath.Join(dir, "content/vest/arstad/2026-02.md")
	src, _ := os.ReadFile(commentary)
	os.WriteFile(commentary, []byte(strings.Replace(string(src), "Vi ser på tallene sammen.", "Vi har endret planen.", 1)), 0o644)
	eventually(t, page, "Vi har endret planen.")
	if ev := next(); !strings.Contains(ev, `"errors":null`) {
		t.Errorf("event after a good build: %s", ev)
	}

	os.WriteFile(filepath.Join(dir, "data/results/extra.csv"), []byte("period,unit,goal,value,numerator,denominator\n2026-02,bergen-nrd,arbeid,,1,2\n"), 0o644)
	ev := next()
	// In the site's language, for the leaders who edit it.
	if !strings.Contains(ev, `ukjent enhet \"bergen-nrd\" (mente du \"bergen-nord\"?)`) || !strings.Contains(ev, `"nettstedet har 1 inndatafeil;`) {
		t.Errorf("event after a broken build: %s", ev)
	}
	if _, body := get(t, page); !strings.Contains(body, "Vi har endret planen.") {
		t.Errorf("the last good page is no longer served")
	}
	if !strings.Contains(log.String(), `data/results/extra.csv:2:9: ukjent enhet "bergen-nrd"`) || !strings.Contains(log.String(), "malekort: nettstedet har 1 inndatafeil;") {
		t.Errorf("the terminal did not show the error:\n%s", log.String())
	}

	os.Remove(filepath.Join(dir, "data/results/extra.csv"))
	os.WriteFile(commentary, src, 0o644)
	eventually(t, page, "Vi ser på tallene sammen.")
	if ev := next(); !strings.Contains(ev, `"errors":null`) {
		t.Errorf("event after the fix: %s", ev)
	}
}

// TestWatchSeesAnEditRightAfterItStarts: Watch returns once its watches
// are in place, so that an edit saved the moment after is not missed (a
// watch set up in the background raced the edit and, on a busy machine,
// lost it).
func TestWatchSeesAnEditRightAfterItStarts(t *testing.T) {
	dir := site(t)
	s := New(dir, os.DirFS("../.."), io.Discard)
	s.Build()
	t.Cleanup(s.Watch(t.Context(), 20*time.Millisecond))
	commentary := filepath.Join(dir, "content/vest/arstad/2026-02.md")
	os.WriteFile(commentary, []byte("Lagret straks.\n"), 0o644)
	srv := httptest.NewServer(s)
	defer srv.Close()
	eventually(t, srv.URL+"/vest/arstad/index.html", "Lagret straks.")
}

// TestOpenPagesReloadWhenTheyChange: an edit to commentary tells the
// pages it changed to reload, once, and leaves the other open pages be;
// a whole build reloads every page.
func TestOpenPagesReloadWhenTheyChange(t *testing.T) {
	dir := site(t)
	url := serving(t, dir, io.Discard)
	edited, other := events(t, url, "/vest/arstad/"), events(t, url, "/nord/tromso/index.html")
	for _, next := range []func() string{edited, other} {
		if ev := next(); ev != `{"version":1,"errors":null}`+"\n" {
			t.Fatalf("first event: %q", ev)
		}
	}
	commentary := filepath.Join(dir, "content/vest/arstad/2026-02.md")
	src, _ := os.ReadFile(commentary)
	os.WriteFile(commentary, append(src, "Mer tekst.\n"...), 0o644)
	// The office page changes in the edit's first round (version 2); the
	// second (3) changes its county's page and the search index.
	if ev := edited(); ev != `{"version":2,"errors":null}`+"\n" {
		t.Errorf("the edited office's page was told %q", ev)
	}
	os.WriteFile(filepath.Join(dir, "site.toml"), append(mustRead(t, filepath.Join(dir, "site.toml")), '\n'), 0o644)
	if ev := other(); ev != `{"version":4,"errors":null}`+"\n" {
		t.Errorf("another office's page was told %q, want only the whole build's version 4", ev)
	}
	if ev := edited(); ev != `{"version":4,"errors":null}`+"\n" {
		t.Errorf("after the whole build the edited office's page was told %q", ev)
	}
}

// TestEditOfNoOfficeReloadsNoPage: commentary in a mistyped folder is an
// error; removing it changes no page, so no open page reloads (it only
// loses the errors), as none would if it were a whole build.
func TestEditOfNoOfficeReloadsNoPage(t *testing.T) {
	dir := site(t)
	s := New(dir, os.DirFS("../.."), io.Discard)
	s.Build()
	const mistyped = "content/vest/arstadd/2026-02.md"
	os.MkdirAll(filepath.Join(dir, "content/vest/arstadd"), 0o755)
	os.WriteFile(filepath.Join(dir, mistyped), []byte("Feil mappe.\n"), 0o644)
	s.Update([]string{mistyped})
	if s.errors == nil {
		t.Fatal("commentary in a folder of no office is no error")
	}
	os.Remove(filepath.Join(dir, mistyped))
	s.Update([]string{mistyped})
	if s.errors != nil {
		t.Fatalf("errors after the fix: %q", s.errors)
	}
	if s.built != 1 {
		t.Errorf("the edit of no office was published as whole build %d", s.built)
	}
	if v := s.pageVersion("vest/arstad/index.html"); v != 1 {
		t.Errorf("an office page was told version %d, want the first build's 1", v)
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestBurstOfSavesBuildsOnce: an editor's autosave writes many times in a
// row; the watcher waits for quiet and builds once.
func TestBurstOfSavesBuildsOnce(t *testing.T) {
	dir := site(t)
	var log lockedLog
	s := New(dir, os.DirFS("../.."), &log)
	s.Build()
	// The saves are 10 ms apart and the watcher waits for 300 ms without
	// one: generous, so that a machine busy with other tests does not
	// stretch a gap past it.
	const settle = 300 * time.Millisecond
	t.Cleanup(s.Watch(t.Context(), settle))
	commentary := filepath.Join(dir, "content/vest/arstad/2026-02.md")
	src, _ := os.ReadFile(commentary)
	for i := range 20 {
		os.WriteFile(commentary, append(src, []byte(strings.Repeat("x", i+1))...), 0o644)
		time.Sleep(10 * time.Millisecond)
	}
	// Each build or update of the site says so once.
	builds := func() int {
		return len(regexp.MustCompile(`(?m)^malekort: (bygget|oppdaterte) `).FindAllString(log.String(), -1)) - 1
	}
	for deadline := time.Now().Add(10 * time.Second); builds() == 0 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(2 * settle) // time for a second build, if there were one
	if n := builds(); n != 1 {
		t.Errorf("%d builds after the first, want 1:\n%s", n, log.String())
	}
}

// lockedLog is a log that the watcher writes while a test reads it.
type lockedLog struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (l *lockedLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *lockedLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// TestCommentaryEditsMatchAFullBuild: after each edit to commentary, the
// site serve updated page by page is the site a full build makes.
func TestCommentaryEditsMatchAFullBuild(t *testing.T) {
	dir := site(t)
	write := writer(t, dir)
	png := []byte("\x89PNG\r\n\x1a\n")
	os.WriteFile(filepath.Join(dir, "content/vest/arstad/graf.png"), png, 0o644)
	editsMatchAFullBuild(t, dir, []editStep{
		{"edit the text", func() []string {
			return []string{write("content/vest/arstad/2026-02.md", "+++\nauthor = \"Leder\"\n+++\nNy tekst.\n")}
		}, "updated"},
		{"first commentary of an office", func() []string {
			return []string{write("content/nord/tromso/2026-02.md", "+++\nauthor = \"Tromsø\"\n[[measure]]\ngoal = \"arbeid\"\ntext = \"Møte\"\nstatus = \"planned\"\n+++\nFørste.\n")}
		}, "updated"},
		{"a measure's status and due date", func() []string {
			return []string{write("content/nord/tromso/2026-02.md", "+++\nauthor = \"Tromsø\"\n[[measure]]\ngoal = \"arbeid\"\ntext = \"Møte\"\nstatus = \"started\"\ndue = \"2026-01-15\"\n+++\nFørste.\n")}
		}, "updated"},
		{"a measure moved to another goal", func() []string {
			return []string{write("content/nord/tromso/2026-02.md", "+++\nauthor = \"Tromsø\"\n[[measure]]\nid = \"arbeid-mote\"\ngoal = \"kontakter\"\ntext = \"Møte\"\nstatus = \"started\"\n+++\nFørste.\n")}
		}, "updated"},
		{"an earlier month", func() []string {
			return []string{write("content/nord/tromso/2026-01.md", "Januar.\n")}
		}, "updated"},
		{"remove an office's only commentary", func() []string {
			os.Remove(filepath.Join(dir, "content/vest/arstad/2026-02.md"))
			return []string{"content/vest/arstad/2026-02.md"}
		}, "updated"},
		{"show an image", func() []string {
			return []string{write("content/vest/arstad/2026-02.md", "Se ![graf](graf.png).\n")}
		}, "rebuilt"},
		{"edit around the image", func() []string {
			return []string{write("content/vest/arstad/2026-02.md", "Se heller ![graf](graf.png) her.\n")}
		}, "updated"},
		{"an editor's swap file", func() []string {
			return []string{write("content/vest/arstad/.2026-02.md.swp", "x")}
		}, "ignored"},
	})
}

// TestReorganisedCommentaryEditsMatchAFullBuild: as above, in a site
// reorganised in its reported year, where units are named as in the
// reported month and pages link predecessors and successors: NAV Vest
// merged into NAV Vestland, NAV Laksevåg into NAV Bergen vest, and NAV
// Årstad renamed.
func TestReorganisedCommentaryEditsMatchAFullBuild(t *testing.T) {
	dir := site(t)
	write := writer(t, dir)
	write("data/org.toml", `[[county]]
id = "vest"
name = "NAV Vest"
until = "2026-01"
merged_into = "vestland"

[[county]]
id = "vestland"
name = "NAV Vestland"
from = "2026-02"

[[county]]
id = "nord"
name = "NAV Nord"

[[office]]
id = "bergen-nord"
name = "NAV Bergen nord"
county = "vest"

[[office]]
id = "arstad"
name = "NAV Årstad"
county = "vest"

  [[office.change]]
  from = "2026-02"
  name = "NAV Årstad og Fana"

[[office]]
id = "laksevag"
name = "NAV Laksevåg"
county = "vest"
until = "2026-01"
merged_into = "bergen-vest"

[[office]]
id = "bergen-vest"
name = "NAV Bergen vest"
county = "vestland"
from = "2026-02"

[[office]]
id = "tromso"
name = "NAV Tromsø"
county = "nord"
`)
	write("data/results/2026.csv", `period,unit,goal,value,numerator,denominator
2026-01,bergen-nord,arbeid,,40,100
2026-01,arstad,arbeid,,45,100
2026-01,laksevag,arbeid,,20,50
2026-01,tromso,arbeid,,9,20
2026-02,bergen-nord,arbeid,,899,2000
2026-02,arstad,arbeid,,30,100
2026-02,bergen-vest,arbeid,,25,50
2026-02,tromso,arbeid,,11,20
2026-01,bergen-nord,kontakter,9,,
2026-01,arstad,kontakter,12,,
2026-01,laksevag,kontakter,4,,
2026-01,tromso,kontakter,7,,
2026-02,bergen-nord,kontakter,11,,
2026-02,arstad,kontakter,8,,
2026-02,bergen-vest,kontakter,5,,
2026-02,tromso,kontakter,10,,
2026-01,bergen-nord,ventetid,12,,
2026-01,arstad,ventetid,20,,
2026-01,laksevag,ventetid,18,,
`)
	const laksevag = "content/vest/laksevag/2026-01.md"
	write(laksevag, "+++\nauthor = \"Laksevåg\"\n[[measure]]\ngoal = \"kontakter\"\ntext = \"Ringe bedrifter\"\nstatus = \"started\"\n+++\nSiste måned.\n")
	editsMatchAFullBuild(t, dir, []editStep{
		{"edit the renamed office's text", func() []string {
			return []string{write("content/vest/arstad/2026-02.md", "+++\nauthor = \"Leder\"\n+++\nNytt navn, ny tekst.\n")}
		}, "updated"},
		{"first commentary of the successor", func() []string {
			return []string{write("content/vestland/bergen-vest/2026-02.md", "+++\nauthor = \"Bergen vest\"\n[[measure]]\ngoal = \"arbeid\"\ntext = \"Felles møte\"\nstatus = \"planned\"\n+++\nFørste måned.\n")}
		}, "updated"},
		{"a measure of the ended office done", func() []string {
			return []string{write(laksevag, "+++\nauthor = \"Laksevåg\"\n[[measure]]\ngoal = \"kontakter\"\ntext = \"Ringe bedrifter\"\nstatus = \"done\"\n+++\nSiste måned.\n")}
		}, "updated"},
		{"the successor's measure moved to another goal", func() []string {
			return []string{write("content/vestland/bergen-vest/2026-02.md", "+++\nauthor = \"Bergen vest\"\n[[measure]]\nid = \"arbeid-felles-mote\"\ngoal = \"kontakter\"\ntext = \"Felles møte\"\nstatus = \"started\"\n+++\nFørste måned.\n")}
		}, "updated"},
		{"remove the ended office's commentary", func() []string {
			os.Remove(filepath.Join(dir, laksevag))
			return []string{laksevag}
		}, "updated"},
	})
}

// writer returns a function that writes src to the file name (a slash
// path) in dir and returns name.
func writer(t *testing.T, dir string) func(name, src string) string {
	return func(name, src string) string {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return name
	}
}

// editStep is an edit to the files of a site serve has built.
type editStep struct {
	name string
	edit func() []string // makes the edit and returns the paths it changed
	want string          // what serve does: "updated" page by page, "rebuilt" whole, or "ignored"
}

// editsMatchAFullBuild builds the site in dir in serve, then makes each
// edit and checks that serve did as the step wants and that its site is
// the one a full build makes.
func editsMatchAFullBuild(t *testing.T, dir string, steps []editStep) {
	t.Helper()
	var log strings.Builder
	s := New(dir, os.DirFS("../.."), &log)
	s.Build()
	if s.errors != nil {
		t.Fatalf("first build: %v", s.errors)
	}
	for _, step := range steps {
		log.Reset()
		s.Update(step.edit())
		if s.errors != nil {
			t.Fatalf("%s: %v", step.name, s.errors)
		}
		did := "ignored"
		switch l := log.String(); {
		case regexp.MustCompile(`^malekort: oppdaterte [1-9][0-9]* sider på `).MatchString(l):
			did = "updated"
		case strings.Contains(l, "malekort: bygget på"):
			did = "rebuilt"
		case l != "":
			did = l
		}
		if did != step.want {
			t.Errorf("%s: serve %s, want %s", step.name, did, step.want)
		}

		full := New(dir, os.DirFS("../.."), io.Discard)
		full.Build()
		for name, want := range full.site {
			if got, ok := s.site[name]; !ok {
				t.Errorf("%s: %s missing", step.name, name)
			} else if !bytes.Equal(got, want) {
				t.Errorf("%s: %s differs from a full build", step.name, name)
			}
		}
		for name := range s.site {
			if _, ok := full.site[name]; !ok {
				t.Errorf("%s: %s left over", step.name, name)
			}
		}
	}
}

// TestServeSaysNotices: the terminal shows the notices of a build, as
// build prints them, and after a commentary edit those of the edited file:
// a link it gained to a page the site does not have, and none once the
// link is mended; and a build's notices where an input error stops it.
func TestServeSaysNotices(t *testing.T) {
	dir := site(t)
	var log strings.Builder
	s := New(dir, os.DirFS("../.."), &log)
	s.Build()
	const dead = `merknad: content/vest/arstad/2026-02.md:`
	if strings.Contains(log.String(), dead) {
		t.Fatalf("a notice before the edit:\n%s", log.String())
	}
	commentary := filepath.Join(dir, "content/vest/arstad/2026-02.md")
	src, _ := os.ReadFile(commentary)
	// A place on a page is looked for on the page as the edit wrote it,
	// or as the build before did, where the edit did not write it.
	const (
		noPage   = `"../nabo/index.html" fører til vest/nabo/index.html, som nettstedet ikke har`
		noPlace  = `"commentary.html#2026-03" fører til vest/arstad/commentary.html, som ikke har noe sted merket #2026-03`
		noPlace2 = `"../../nord/tromso/index.html#finnes-ikke" fører til nord/tromso/index.html, som ikke har noe sted merket #finnes-ikke`
	)
	for _, c := range []struct {
		text, says string
	}{
		{"Se [naboen](../nabo/index.html).", noPage},
		{"Se [naboen](../bergen-nord/index.html).", ""},
		{"Se [mars](commentary.html#2026-03).", noPlace},
		{"Se [februar](commentary.html#2026-02).", ""},
		{"Se [Tromsø](../../nord/tromso/index.html#finnes-ikke).", noPlace2},
		{"Se [Tromsø](../../nord/tromso/index.html#goal-arbeid).", ""},
	} {
		log.Reset()
		os.WriteFile(commentary, []byte(string(src)+"\n"+c.text+"\n"), 0o644)
		s.Update([]string{"content/vest/arstad/2026-02.md"})
		l := log.String()
		if !strings.Contains(l, "malekort: oppdaterte ") {
			t.Fatalf("%s: serve did not update the page:\n%s", c.text, l)
		}
		for _, notice := range []string{noPage, noPlace, noPlace2} {
			said := strings.Contains(l, dead) && strings.Contains(l, notice)
			if want := notice == c.says; said != want {
				t.Errorf("%s: the terminal said %s: %v, want %v:\n%s", c.text, notice, said, want, l)
			}
		}
	}
	log.Reset()
	os.WriteFile(commentary, []byte(string(src)+"\nSe [naboen](../nabo/index.html).\n"), 0o644)
	s.Build()
	if !strings.Contains(log.String(), dead) || !strings.Contains(log.String(), "malekort: bygget på") {
		t.Errorf("a full build did not say the dead link:\n%s", log.String())
	}
	// A build stopped by an input error still says what it noticed: an
	// error in the data, or a site template failing on a page.
	write := writer(t, dir)
	const thin = "merknad: data/results/2026-03.csv:2: 2026-03 har resultater for 1 av 3 kontorer"
	county := string(mustRead(t, "../../templates/county.html"))
	for _, c := range []struct{ name, results, county string }{
		{"an error in the data", "2026-03,bergen-nrd,kontakter,4\n", county},
		{"a template failing", "", strings.Replace(county, `{{define "main"}}`, `{{define "main"}}{{index .Name 99}}`, 1)},
	} {
		log.Reset()
		write("data/results/2026-03.csv", "period,unit,goal,value\n2026-03,arstad,kontakter,4\n"+c.results)
		write("templates/county.html", c.county)
		s.Build()
		if s.errors == nil || !strings.Contains(log.String(), thin) {
			t.Errorf("a build with %s: errors %q, terminal:\n%s", c.name, s.errors, log.String())
		}
	}
	// So does a commentary edit with an error.
	write("templates/county.html", county)
	s.Build()
	log.Reset()
	os.WriteFile(commentary, []byte("+++\n[[measure]]\ngoal = \"arbied\"\ntext = \"x\"\nstatus = \"started\"\n+++\nSe note[^x].\n"), 0o644)
	s.Update([]string{"content/vest/arstad/2026-02.md"})
	if s.errors == nil || !strings.Contains(log.String(), "merknad: content/vest/arstad/2026-02.md:7: [^x]") {
		t.Errorf("an edit with an error: errors %q, terminal:\n%s", s.errors, log.String())
	}
}

// TestCommentaryErrorKeepsTheSite: a broken commentary shows its error
// without a full rebuild, and the fix updates the page.
func TestCommentaryErrorKeepsTheSite(t *testing.T) {
	dir := site(t)
	s := New(dir, os.DirFS("../.."), io.Discard)
	s.Build()
	good := s.site["vest/arstad/index.html"]
	p := filepath.Join(dir, "content/vest/arstad/2026-02.md")
	os.WriteFile(p, []byte("+++\n[[measure]]\ngoal = \"arbied\"\ntext = \"x\"\nstatus = \"started\"\n+++\nTekst.\n"), 0o644)
	s.Update([]string{"content/vest/arstad/2026-02.md"})
	if len(s.errors) != 2 || !strings.Contains(s.errors[1], `content/vest/arstad/2026-02.md:3: tiltaket viser til et ukjent mål "arbied" (mente du "arbeid"?)`) {
		t.Fatalf("errors %q", s.errors)
	}
	if !bytes.Equal(s.site["vest/arstad/index.html"], good) {
		t.Fatal("the last good page is no longer served")
	}
	os.WriteFile(p, []byte("Rettet.\n"), 0o644)
	s.Update([]string{"content/vest/arstad/2026-02.md"})
	if s.errors != nil || !bytes.Contains(s.site["vest/arstad/index.html"], []byte("Rettet.")) {
		t.Fatalf("after the fix: errors %q", s.errors)
	}
}

// TestFailedEditBringsBackTheSiteBefore: when an edit's second round
// fails (here a site's county template, on the measure the edit adds),
// its first round was already served; the site as it was before the edit
// comes back whole, and the error is shown at its place.
func TestFailedEditBringsBackTheSiteBefore(t *testing.T) {
	dir := site(t)
	county := strings.Replace(string(mustRead(t, "../../templates/county.html")), `{{define "main"}}`,
		`{{define "main"}}{{if and (eq .Name "NAV Nord") .Measures}}{{index .Name 99}}{{end}}`, 1)
	writer(t, dir)("templates/county.html", county)
	s := New(dir, os.DirFS("../.."), io.Discard)
	s.Build()
	if s.errors != nil {
		t.Fatalf("first build: %q", s.errors)
	}
	before := s.site["nord/tromso/index.html"]
	writer(t, dir)("content/nord/tromso/2026-02.md", "+++\n[[measure]]\ngoal = \"arbeid\"\ntext = \"Møte\"\nstatus = \"started\"\n+++\nFørste.\n")
	s.Update([]string{"content/nord/tromso/2026-02.md"})
	if len(s.errors) != 2 || !strings.Contains(s.errors[1], "templates/county.html:2:") || !strings.Contains(s.errors[1], "(da nord/index.html ble laget)") {
		t.Fatalf("errors %q", s.errors)
	}
	if !bytes.Equal(s.site["nord/tromso/index.html"], before) {
		t.Error("the office page of the failed edit is served")
	}
	if s.built != s.version-1 {
		t.Errorf("the site before the edit came back in version %d, not whole (built %d) before the errors (%d)", s.version-1, s.built, s.version)
	}
}

// TestWatchSkipsOtherFolders: folders made beside the inputs (an output
// folder, npm's) are not watched; new input folders are, with their files.
func TestWatchSkipsOtherFolders(t *testing.T) {
	dir := site(t)
	s := New(dir, os.DirFS("../.."), io.Discard)
	s.Build()
	w, err := s.watch()
	if err != nil {
		// Some containers give no file events; in CI their absence is a
		// failure, as Chromium's is for the browser tests.
		if os.Getenv("MALEKORT_WATCH_TESTS") == "1" || os.Getenv("CI") == "true" {
			t.Fatalf("no file events here: %v (MALEKORT_WATCH_TESTS=1 or CI=true wants them)", err)
		}
		t.Skip("no file events here:", err)
	}
	defer w.Close()
	before := len(w.WatchList())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.loop(ctx, w, 20*time.Millisecond)
	srv := httptest.NewServer(s)
	defer srv.Close()
	os.MkdirAll(filepath.Join(dir, "public/a/b/c"), 0o755)
	os.MkdirAll(filepath.Join(dir, "content/nord/tromso"), 0o755)
	os.WriteFile(filepath.Join(dir, "content/nord/tromso/2026-02.md"), []byte("Ny mappe.\n"), 0o644)
	eventually(t, srv.URL+"/nord/tromso/index.html", "Ny mappe.")
	for _, p := range w.WatchList() {
		if strings.Contains(p, "public") {
			t.Errorf("watching %s", p)
		}
	}
	if n := len(w.WatchList()); n != before+2 {
		t.Errorf("%d folders watched, want %d (+ content/nord, content/nord/tromso)", n, before+2)
	}
}

// TestBrokenFromTheStart: a site that has never built answers every page
// with its errors, where the live-reload script shows and updates them,
// and the terminal says there is no good build to show; the fix serves
// the site.
func TestBrokenFromTheStart(t *testing.T) {
	dir := site(t)
	results := filepath.Join(dir, "data/results/extra.csv")
	os.WriteFile(results, []byte("period,unit,goal,value,numerator,denominator\n2026-02,bergen-nrd,arbeid,,1,2\n"), 0o644)
	var log strings.Builder
	s := New(dir, os.DirFS("../.."), &log)
	s.Build()
	t.Cleanup(s.Watch(t.Context(), 20*time.Millisecond))
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)

	const heading = "nettstedet har 1 inndatafeil og er ikke bygget ennå: sidene viser feilene til de er rettet"
	if got := log.String(); !strings.Contains(got, "malekort: "+heading) || !strings.Contains(got, `data/results/extra.csv:2:9: ukjent enhet "bergen-nrd"`) {
		t.Errorf("the terminal says:\n%s", got)
	}
	for _, p := range []string{"/", "/vest/arstad/index.html", "/nowhere.html"} {
		code, body := get(t, srv.URL+p)
		if code != http.StatusOK || !strings.Contains(body, `<html lang="nb" data-malekort-version="1">`) ||
			!strings.Contains(body, `<pre id="malekort-errors" role="alert"`) || !strings.Contains(body, "malekort: "+heading) ||
			!strings.Contains(body, `ukjent enhet &#34;bergen-nrd&#34;`) || !strings.Contains(body, `<script src="/_malekort/live.js">`) {
			t.Errorf("%s: %d\n%s", p, code, body)
		}
	}
	next := events(t, srv.URL, "/")
	if ev := next(); !strings.Contains(ev, heading) {
		t.Errorf("first event: %s", ev)
	}
	os.Remove(results)
	if ev := next(); !strings.Contains(ev, `"errors":null`) {
		t.Errorf("event after the fix: %s", ev)
	}
	if code, body := get(t, srv.URL+"/vest/arstad/index.html"); code != 200 || !strings.Contains(body, "Vi ser på tallene sammen.") {
		t.Errorf("after the fix: %d", code)
	}
}

// heldWriter holds the first write after it is armed until released,
// telling held when it does.
type heldWriter struct {
	armed    atomic.Bool
	held     chan struct{}
	released chan struct{}
	hold     sync.Once
	release  sync.Once
}

func (w *heldWriter) Write(p []byte) (int, error) {
	if w.armed.Load() {
		w.hold.Do(func() {
			close(w.held)
			<-w.released
		})
	}
	return len(p), nil
}

func (w *heldWriter) letGo() { w.release.Do(func() { close(w.released) }) }

// TestWatchWaitsForAnUpdateUnderWay: once the watch's context ends, its
// wait returns only after the update it had begun has finished, so that
// no update runs on after the test that started it.
func TestWatchWaitsForAnUpdateUnderWay(t *testing.T) {
	dir := site(t)
	log := &heldWriter{held: make(chan struct{}), released: make(chan struct{})}
	s := New(dir, os.DirFS("../.."), log)
	s.Build()
	ctx, cancel := context.WithCancel(context.Background())
	wait := s.Watch(ctx, 20*time.Millisecond)
	t.Cleanup(func() {
		cancel()
		log.letGo()
		wait()
	})
	log.armed.Store(true) // the update's "updated … pages"
	os.WriteFile(filepath.Join(dir, "content/vest/arstad/2026-02.md"), []byte("Endret.\n"), 0o644)
	select {
	case <-log.held:
	case <-time.After(10 * time.Second):
		t.Fatal("no update began after an edit")
	}
	cancel()
	waited := make(chan struct{})
	go func() {
		wait()
		close(waited)
	}()
	select {
	case <-waited:
		t.Fatal("wait returned while an update was under way")
	case <-time.After(100 * time.Millisecond):
	}
	log.letGo()
	select {
	case <-waited:
	case <-time.After(10 * time.Second):
		t.Fatal("wait did not return once the update had finished")
	}
}

// TestPageNamesItsVersion: a page names the version it was served at,
// the one its events then give, so that a change published before its
// events begin still reloads it.
func TestPageNamesItsVersion(t *testing.T) {
	dir := site(t)
	url := serving(t, dir, io.Discard)
	const path = "/vest/arstad/index.html"
	served := regexp.MustCompile(`<script src="/_malekort/live.js" data-malekort-version="(\d+)"></script></body>`)
	versions := func(body string) (page, told string) {
		t.Helper()
		m := served.FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("the page does not name its version:\n%s", body[max(0, len(body)-300):])
		}
		var st state
		if err := json.Unmarshal([]byte(events(t, url, path)()), &st); err != nil {
			t.Fatal(err)
		}
		return m[1], strconv.Itoa(st.Version)
	}
	_, body := get(t, url+path)
	before, told := versions(body)
	if before != told {
		t.Errorf("the page names version %s, its events %s", before, told)
	}
	os.WriteFile(filepath.Join(dir, "content/vest/arstad/2026-02.md"), []byte("Ny tekst.\n"), 0o644)
	after, told := versions(eventually(t, url+path, "Ny tekst."))
	if after == before || after != told {
		t.Errorf("after an edit the page names version %s (%s before), its events %s", after, before, told)
	}
}
