package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/malekort/malekort/internal/build"
	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/load"
	"github.com/malekort/malekort/internal/locale"
	"github.com/malekort/malekort/internal/model"
	"github.com/malekort/malekort/internal/scaffold"
	"github.com/malekort/malekort/internal/validate"
	"github.com/malekort/malekort/internal/write"
)

// now is the clock of "new"; tests set it.
var now = time.Now

// newUsage is the help of malekort new, in loc's language.
func newUsage(loc *locale.Locale) string {
	var b strings.Builder
	b.WriteString(diag.P("Usage:").In(loc) + "\n")
	for _, c := range commands {
		if strings.HasPrefix(c.name, "new ") {
			fmt.Fprintf(&b, "  malekort %s %s\n", c.name, loc.Message(c.args))
		}
	}
	fmt.Fprintf(&b, "\n%s\n", diag.P("Run %s or %s for their options.", `"malekort new commentary -h"`, `"malekort new site -h"`).In(loc))
	return b.String()
}

func runNew(args []string, defaults fs.FS, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "commentary":
			return newCommentary(args[1:], stdout, stderr)
		case "site":
			return newSite(args[1:], defaults, stdout, stderr)
		}
	}
	// Which site is meant is not known yet: the words are those of the
	// folder's site, bokmål by default.
	loc := locale.New(build.Language(os.DirFS(".")))
	if len(args) > 0 && slices.Contains([]string{"-h", "-help", "--help", "help"}, args[0]) {
		fmt.Fprint(stdout, newUsage(loc))
		return OK
	}
	msg := diag.P("say what to start: malekort new commentary or malekort new site")
	if len(args) > 0 {
		msg = diag.P("unknown kind %q: use commentary or site", args[0])
	}
	fmt.Fprintf(stderr, "malekort new: %s\n\n%s", say(loc, msg), newUsage(loc))
	return UsageError
}

func newCommentaryFlags(fs *flag.FlagSet) {
	fs.String("source", ".", help("the site `folder`"))
}

func newCommentary(args []string, stdout, stderr io.Writer) int {
	r, code, done := begin("new commentary", args, stdout, stderr)
	if done {
		return code
	}
	source := r.flag("source")
	if !r.sourceDir() {
		return UsageError
	}
	cfg, site, _, errs := load.Load(os.DirFS(source))
	if site == nil {
		errs, notices := errs.Split()
		printNotices(notices, "text", r.loc, stdout, stderr)
		printErrors(errs, r.loc, stderr)
		return exitCode(errs)
	}
	reported, _ := site.Reported(cfg.Period, cfg.MinCoverage)
	period := reported
	if len(r.args) == 2 {
		p, ok := model.ParsePeriod(r.args[1])
		if !ok {
			r.fail(diag.P("%q is not a month: %s", r.args[1], load.PeriodHint(r.args[1])))
			return UsageError
		}
		period = p
	}
	if period == 0 {
		r.fail(diag.P("the site has no results yet: name the month, e.g. malekort new commentary OFFICE 2026-10"))
		return UsageError
	}
	f, err := scaffold.Commentary(site, r.args[0], period, now(), r.loc)
	if err != nil {
		r.fail(err)
		return UsageError
	}
	if err := write.Create(source, map[string][]byte{f.Path: f.Data}); err != nil {
		if errors.Is(err, fs.ErrExist) {
			err = commentaryExists(site, source, f.Path, period)
		}
		r.fail(err)
		return createFailure(err)
	}
	var notices diag.List
	validate.CommentaryMonth(site, r.args[0], f.Path, period, reported, &notices)
	printNotices(notices, "text", r.loc, stdout, stderr)
	r.tell(diag.P("wrote %s", filepath.Join(source, filepath.FromSlash(f.Path))))
	return OK
}

// commentaryExists says that the commentary at name, of month p, is
// written already, and offers the first later month of the office that
// has none: the leader who wrote this month's is most likely starting the
// next.
func commentaryExists(site *model.Site, source, name string, p model.Period) error {
	written := filepath.Join(source, filepath.FromSlash(name))
	office := site.OfficeOfID(path.Base(path.Dir(name)))
	command := "malekort new commentary "
	switch {
	case source == ".":
	case strings.ContainsAny(source, " \t'\"&;"):
		command += "--source " + strconv.Quote(source) + " "
	default:
		command += "--source " + source + " "
	}
	for next := p + 1; next <= p+12 && office >= 0 && site.Offices[office].Alive(next); next++ {
		later := path.Join(path.Dir(name), next.String()+".md")
		if _, err := os.Lstat(filepath.Join(source, filepath.FromSlash(later))); errors.Is(err, fs.ErrNotExist) {
			return diag.P("%s exists already; malekort does not overwrite it: edit it, or start a later month's with %s", written, command+site.Offices[office].ID+" "+next.String())
		}
	}
	return diag.P("%s exists already; malekort does not overwrite it", written)
}

// createFailure is the status for write.Create's err: a file that exists
// already is the user's to move; anything else is the machine's.
func createFailure(err error) int {
	if errors.Is(err, fs.ErrExist) {
		return UsageError
	}
	return Failure
}

func newSiteFlags(fs *flag.FlagSet) {
	fs.String("title", "Målekort", help("the site's `title`"))
	fs.String("language", "nb", help("the site's `language`: nb, nn or en"))
	fs.String("ci", "github", help("the `host` whose CI file the site gets: github or gitlab"))
}

func newSite(args []string, defaults fs.FS, stdout, stderr io.Writer) int {
	r, code, done := begin("new site", args, stdout, stderr)
	if done {
		return code
	}
	ci := r.flag("ci")
	if !slices.Contains(scaffold.CIHosts, ci) {
		r.fail(diag.P("--ci %q: use github or gitlab", ci))
		return UsageError
	}
	language := r.flag("language")
	if !slices.Contains(locale.Languages, language) {
		r.fail(diag.P("--language %q: use nb, nn or en", language))
		return UsageError
	}
	dir := r.args[0]
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		r.fail(diag.P("%s is not empty; choose a new folder", dir))
		return UsageError
	}
	files, err := scaffold.Site(defaults, r.flag("title"), language, ci, now())
	if err != nil {
		r.fail(err)
		return Failure
	}
	m := map[string][]byte{}
	for _, f := range files {
		m[f.Path] = f.Data
	}
	if err := write.Create(dir, m); err != nil {
		r.fail(err)
		return createFailure(err)
	}
	r.tell(diag.P("wrote a new site in %s; next: cd %s && npm ci && malekort build", dir, dir))
	return OK
}
