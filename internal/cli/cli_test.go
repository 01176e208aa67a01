package cli

import (
	"bytes"
	"flag"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/malekort/malekort/internal/build"
	"github.com/rogpeppe/go-internal/txtar"
)

// smallSite writes the pipeline tests' base site into a folder.
func smallSite(t *testing.T) string {
	t.Helper()
	a, err := txtar.ParseFile("../build/testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range a.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func run(args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := Main(args, defaults, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestExitCodes(t *testing.T) {
	site := smallSite(t)
	// The help is in the language of the site --source names.
	english := t.TempDir()
	if err := os.WriteFile(filepath.Join(english, "site.toml"), []byte("title = \"T\"\nlanguage = \"en\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A port in use, as by a serve already running.
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	takenPort := strconv.Itoa(taken.Addr().(*net.TCPAddr).Port)
	for _, c := range []struct {
		args []string
		code int
		out  string
	}{
		{[]string{}, UsageError, "Bruk:"},
		{[]string{"bild"}, UsageError, `ukjent kommando "bild"`},
		{[]string{"build", "--nope"}, UsageError, "ukjent valg --nope"},
		{[]string{"build", "--qiet"}, UsageError, `ukjent valg --qiet (mente du "--quiet"?)`},
		{[]string{"build", "--bogus"}, UsageError, "ukjent valg --bogus: malekort build tar"},
		{[]string{"build", "extra"}, UsageError, `uventet argument "extra"`},
		{[]string{"check", "--source", filepath.Join(site, "missing")}, UsageError, "er ikke en mappe"},
		// A folder that is not a site's: most often malekort run from
		// the wrong one.
		{[]string{"build", "--source", t.TempDir()}, UsageError, "er ikke mappen til et nettsted: den har ingen site.toml eller data-mappe"},
		{[]string{"serve", "--source", site, "--port", "99999"}, UsageError, "--port 99999 er ikke en port"},
		{[]string{"serve", "--source", site, "--port", takenPort}, UsageError, "porten " + takenPort + " er i bruk, kanskje av en malekort serve som allerede kjører"},
		{[]string{"build", "-h"}, OK, "Bruk: malekort build"},
		{[]string{"check", "-h"}, OK, "Bruk: malekort check"},
		{[]string{"version"}, OK, "malekort"},
		{[]string{"new", "-h"}, OK, "malekort new commentary"},
		{[]string{"new", "commentary", "-h"}, OK, "Bruk: malekort new commentary"},
		{[]string{"new", "site", "-h"}, OK, "-ci tjeneste"},
		{[]string{"new", "site", "--language", "en", "-h"}, OK, "-ci host"},
		{[]string{"build", "--source", english, "-h"}, OK, "  --source folder\n    \tthe site folder (default \".\")"},
		{[]string{"new"}, UsageError, "malekort new site"},
		{[]string{"check", "--source", site}, OK, "ingen feil"},
	} {
		code, stdout, stderr := run(c.args...)
		if code != c.code || !strings.Contains(stdout+stderr, c.out) {
			t.Errorf("malekort %v: exit %d, want %d; output:\n%s%s\nwant %q", c.args, code, c.code, stdout, stderr, c.out)
		}
	}
}

// TestHelpListsEveryFlag: malekort -h names every option of every
// command, from the flag sets the commands parse.
func TestHelpListsEveryFlag(t *testing.T) {
	code, stdout, _ := run("-h")
	if code != OK {
		t.Fatalf("exit %d", code)
	}
	for _, c := range commands {
		if !strings.Contains(stdout, "malekort "+c.name+" ") {
			t.Errorf("-h does not list %q", c.name)
		}
		fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
		c.flags(fs)
		fs.VisitAll(func(f *flag.Flag) {
			if !strings.Contains(stdout, "-"+f.Name) {
				t.Errorf("-h does not list %s -%s", c.name, f.Name)
			}
		})
	}
	if !strings.Contains(stdout, "-format") || !strings.Contains(stdout, "-cpuprofile") {
		t.Errorf("-h lacks check --format or build --cpuprofile:\n%s", stdout)
	}
}

// TestFailuresToReadOrWriteExitThree: a file that cannot be read, or an
// output that cannot be written, is not an input error; the system's
// reason is told in the site's language.
func TestFailuresToReadOrWriteExitThree(t *testing.T) {
	site := smallSite(t)
	file := filepath.Join(t.TempDir(), "a-file")
	os.WriteFile(file, nil, 0o644)
	code, _, stderr := run("build", "--source", site, "--out", filepath.Join(file, "public"))
	if code != Failure || !strings.Contains(stderr, "en del av stien er en fil, ikke en mappe") {
		t.Errorf("an output inside a file: exit %d, want %d, said in the site's language (%s)", code, Failure, stderr)
	}
	// Running as root, no permission stops a read; a folder where a file
	// belongs does.
	os.Remove(filepath.Join(site, "data/goals.toml"))
	os.Mkdir(filepath.Join(site, "data/goals.toml"), 0o755)
	code, _, stderr = run("check", "--source", site)
	if code != Failure || !strings.Contains(stderr, "data/goals.toml: kan ikke lese:") {
		t.Errorf("an unreadable goals.toml: exit %d, want %d (%s)", code, Failure, stderr)
	}
}

func TestCheckReportsAllErrorsAndExitsOne(t *testing.T) {
	site := smallSite(t)
	csv := "period,unit,goal,value,numerator,denominator\n2026-01,bergen-nrd,arbeid,,1,2\n2026-01,arstad,arbied,,1,2\n"
	os.WriteFile(filepath.Join(site, "data/results/2026.csv"), []byte(csv), 0o644)
	code, _, stderr := run("check", "--source", site)
	// In the site's language (nb), hints and count too, after what was
	// noticed on the way.
	want := `merknad: content/vest/arstad/2026-02.md:1: kommentaren er for februar 2026, som ikke har noen resultater: sjekk måneden i filnavnet
data/results/2026.csv:2:9: ukjent enhet "bergen-nrd" (mente du "bergen-nord"?): enhetene er kontorenes og fylkenes id-er i data/org.toml, eller kodene deres
data/results/2026.csv:3:16: ukjent mål "arbied" (mente du "arbeid"?): målene er id-ene i data/goals.toml
malekort: 2 inndatafeil
`
	if code != InputError || stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 1 and:\n%s", code, stderr, want)
	}
}

// TestErrorsAreOneLineEach: a file's name with a terminal's escape and a
// line feed in it, which a pull request can give, is printed escaped: it
// neither clears nor recolours the terminal, nor prints a line of its own
// ("malekort: ingen feil") after the real errors.
func TestErrorsAreOneLineEach(t *testing.T) {
	site := smallSite(t)
	name := "\x1b[2J\x1b[31m\nmalekort: ingen feil.md"
	if err := os.WriteFile(filepath.Join(site, "content/vest/arstad", name), []byte("Tekst.\n"), 0o644); err != nil {
		t.Skipf("no such file name here: %v", err)
	}
	code, _, stderr := run("check", "--source", site)
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	if code != InputError || strings.ContainsAny(stderr, "\x1b\r") || len(lines) != 2 || !strings.HasPrefix(lines[0], `content/vest/arstad/\x1b[2J\x1b[31m\x0amalekort: ingen feil.md`) {
		t.Errorf("exit %d, stderr:\n%q", code, stderr)
	}
}

// TestNoticesComeWithErrors: what a run notices is printed with the
// input errors that stop it, not held back until they are fixed: the
// notice may be why the error is there.
func TestNoticesComeWithErrors(t *testing.T) {
	site := smallSite(t)
	os.WriteFile(filepath.Join(site, "data/results/2026-03.csv"), []byte("period,unit,goal,value\n2026-03,arstad,kontakter,4\n2026-03,bergen-nrd,kontakter,4\n"), 0o644)
	const notice = `merknad: data/results/2026-03.csv:2: 2026-03 har resultater for 1 av 3 kontorer`
	const err = `data/results/2026-03.csv:3:9: ukjent enhet "bergen-nrd"`
	for _, args := range [][]string{
		{"check", "--source", site},
		{"build", "--source", site, "--out", filepath.Join(t.TempDir(), "public")},
	} {
		code, _, stderr := run(args...)
		n, e := strings.Index(stderr, notice), strings.Index(stderr, err)
		if code != InputError || n < 0 || e < n || !strings.Contains(stderr, "malekort: 1 inndatafeil") {
			t.Errorf("%s: exit %d, stderr:\n%s\nwant exit 1, the notice %q, then the error %q", args[0], code, stderr, notice, err)
		}
	}
	code, stdout, _ := run("check", "--source", site, "--format", "github")
	n, e := strings.Index(stdout, "::warning file=data/results/2026-03.csv,line=2::"), strings.Index(stdout, "::error file=data/results/2026-03.csv,line=3")
	if code != InputError || n < 0 || e < n {
		t.Errorf("check --format github: exit %d, stdout:\n%s\nwant the warning, then the error", code, stdout)
	}
}

func TestFailedBuildLeavesPreviousSite(t *testing.T) {
	site := smallSite(t)
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := run("build", "--source", site, "--out", out); code != OK {
		t.Fatalf("first build: %s", stderr)
	}
	before, _ := os.ReadFile(filepath.Join(out, "index.html"))
	names := func(dir string) []string {
		entries, _ := os.ReadDir(dir)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		return names
	}
	inside := names(out)
	os.WriteFile(filepath.Join(site, "data/goals.toml"), []byte("[[goal]\n"), 0o644)
	if code, _, _ := run("build", "--source", site, "--out", out); code != InputError {
		t.Fatalf("broken build: exit %d, want 1", code)
	}
	after, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil || !bytes.Equal(before, after) {
		t.Errorf("the previous site changed: %v", err)
	}
	if beside := names(filepath.Dir(out)); len(beside) != 1 {
		t.Errorf("the failed build left files beside the output: %v", beside)
	}
	if after := names(out); !slices.Equal(after, inside) {
		t.Errorf("the failed build left the output folder with %v, want %v", after, inside)
	}
}

func TestBuildRefusesFolderWithOtherFiles(t *testing.T) {
	site := smallSite(t)
	out := t.TempDir()
	os.WriteFile(filepath.Join(out, "web.config"), []byte("<configuration/>"), 0o644)
	code, _, stderr := run("build", "--source", site, "--out", out)
	if code != UsageError || !strings.Contains(stderr, "har filer som malekort ikke skrev (web.config)") {
		t.Errorf("exit %d, stderr %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "web.config")); err != nil {
		t.Errorf("web.config is gone: %v", err)
	}

	// An earlier malekort output is replaced, but a file added to it since
	// would be lost, so it is refused too.
	out = filepath.Join(t.TempDir(), "public")
	if code, _, stderr := run("build", "--source", site, "--out", out); code != OK {
		t.Fatal(stderr)
	}
	if code, _, stderr := run("build", "--source", site, "--out", out); code != OK {
		t.Fatalf("rebuild over an earlier output: %s", stderr)
	}
	os.WriteFile(filepath.Join(out, "notes.txt"), []byte("mine"), 0o644)
	if code, _, stderr := run("build", "--source", site, "--out", out); code != UsageError || !strings.Contains(stderr, "notes.txt") {
		t.Errorf("exit %d, stderr %s", code, stderr)
	}
}

// changedBuiltin is malekort's own files with front.html changed, as a
// later malekort would have it.
type changedBuiltin struct{ fs.FS }

func (c changedBuiltin) Open(name string) (fs.File, error) {
	if name == "templates/front.html" {
		return fstest.MapFS{name: {Data: []byte(`{{template "templates/layout.html" .}}{{define "main"}}<h1>A later malekort's front page</h1>{{end}}`)}}.Open(name)
	}
	return c.FS.Open(name)
}

// installLibraries copies the repository's ECharts and MiniSearch into
// site, as npm ci would install them.
func installLibraries(t *testing.T, site string) {
	t.Helper()
	for _, lib := range []string{build.EChartsPath, build.MiniSearchPath} {
		data, err := os.ReadFile(filepath.Join(repoRoot, lib))
		if err != nil {
			t.Fatalf("%v: run npm ci", err)
		}
		os.MkdirAll(filepath.Join(site, filepath.Dir(lib)), 0o755)
		os.WriteFile(filepath.Join(site, lib), data, 0o644)
	}
}

// TestNewSiteGetsLaterTemplates: a site made by new site holds no copy of
// the templates, so a malekort whose built-in template changed builds it
// with the change, and no edit to the site.
func TestNewSiteGetsLaterTemplates(t *testing.T) {
	site := filepath.Join(t.TempDir(), "site")
	if code, _, stderr := run("new", "site", site); code != OK {
		t.Fatal(stderr)
	}
	installLibraries(t, site)
	out := filepath.Join(t.TempDir(), "public")
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"build", "--source", site, "--out", out}, changedBuiltin{defaults}, &stdout, &stderr); code != OK {
		t.Fatal(stderr.String())
	}
	if front, _ := os.ReadFile(filepath.Join(out, "index.html")); !bytes.Contains(front, []byte("A later malekort's front page")) {
		t.Errorf("the site was built with the old front page")
	}
}

// TestNewSiteInItsLanguage: new site makes a site that builds at once in
// each language, its ids, which name its folders and addresses, in the
// language too.
func TestNewSiteInItsLanguage(t *testing.T) {
	for lang, office := range map[string]string{"nb": "mitt-kontor", "nn": "mitt-kontor", "en": "my-office"} {
		site := filepath.Join(t.TempDir(), "site")
		if code, _, stderr := run("new", "site", "--language", lang, site); code != OK {
			t.Fatal(stderr)
		}
		installLibraries(t, site)
		out := filepath.Join(t.TempDir(), "public")
		if code, _, stderr := run("build", "--source", site, "--out", out); code != OK || stderr != "" {
			t.Errorf("%s: build: exit %d\n%s", lang, code, stderr)
		}
		if matches, _ := filepath.Glob(filepath.Join(out, "*", office, "index.html")); len(matches) != 1 {
			t.Errorf("%s: no page at */%s/index.html", lang, office)
		}
	}
}

// TestThinMonthIsNotReported: an analyst adds next month's results for one
// office of three. The site keeps reporting the month before, and check
// and build say why and how to report the new month anyway.
func TestThinMonthIsNotReported(t *testing.T) {
	site := smallSite(t)
	os.WriteFile(filepath.Join(site, "data/results/2026-03.csv"), []byte("period,unit,goal,value\n2026-03,arstad,kontakter,4\n"), 0o644)
	const notice = `merknad: data/results/2026-03.csv:2: 2026-03 har resultater for 1 av 3 kontorer (33 %), færre enn min_coverage 80 %: nettstedet viser 2026-02; for å vise 2026-03 likevel, sett period = "2026-03" i site.toml`
	code, stdout, stderr := run("check", "--source", site)
	if code != OK || !strings.Contains(stderr, notice+"\n") || !strings.Contains(stdout, "ingen feil; 1 merknad over") {
		t.Errorf("check: exit %d, stdout %q, stderr:\n%s", code, stdout, stderr)
	}
	code, stdout, _ = run("check", "--source", site, "--format", "github")
	if code != OK || !strings.Contains(stdout, "::warning file=data/results/2026-03.csv,line=2::2026-03 har resultater for 1 av 3 kontorer") {
		t.Errorf("check --format github: exit %d, stdout:\n%s", code, stdout)
	}
	out := filepath.Join(t.TempDir(), "public")
	code, _, stderr = run("build", "--source", site, "--out", out)
	if code != OK || !strings.Contains(stderr, notice) {
		t.Errorf("build: exit %d, stderr:\n%s", code, stderr)
	}
	front, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if !bytes.Contains(front, []byte("<strong>februar 2026</strong>")) {
		t.Errorf("the front page does not report February")
	}
	// Told to, the site reports the thin month, its roll-ups incomplete.
	os.WriteFile(filepath.Join(site, "site.toml"), []byte("title = \"Testside\"\nlanguage = \"nb\"\nperiod = \"2026-03\"\n"), 0o644)
	code, _, stderr = run("build", "--source", site, "--out", out)
	if code != OK || strings.Contains(stderr, "notice") {
		t.Errorf("build with period: exit %d, stderr:\n%s", code, stderr)
	}
	county, _ := os.ReadFile(filepath.Join(out, "vest/index.html"))
	if !bytes.Contains(county, []byte("1 av 2 kontorer")) || !bytes.Contains(county, []byte("badge-incomplete")) {
		t.Errorf("vest's page for 2026-03 does not say it rests on 1 of 2 offices")
	}
}
