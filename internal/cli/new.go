package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/malekort/malekort/internal/load"
	"github.com/malekort/malekort/internal/locale"
	"github.com/malekort/malekort/internal/model"
	"github.com/malekort/malekort/internal/scaffold"
	"github.com/malekort/malekort/internal/write"
)

// now is the clock of "new"; tests set it.
var now = time.Now

const newUsage = `Usage:
  malekort new commentary [--source DIR] OFFICE [YYYY-MM]
  malekort new site [--title TITLE] [--ci github|gitlab] DIR

Run "malekort new commentary -h" or "malekort new site -h" for their options.
`

func runNew(args []string, defaults fs.FS, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, newUsage)
		return UsageError
	}
	switch args[0] {
	case "commentary":
		return newCommentary(args[1:], stdout, stderr)
	case "site":
		return newSite(args[1:], defaults, stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, newUsage)
		return OK
	}
	fmt.Fprintf(stderr, "malekort new: unknown kind %q: use commentary or site\n\n%s", args[0], newUsage)
	return UsageError
}

func newCommentaryFlags(fs *flag.FlagSet) {
	fs.String("source", ".", "the site `folder`")
}

func newCommentary(args []string, stdout, stderr io.Writer) int {
	flags := newFlags("new commentary", stdout, stderr)
	if code, done := parseFlags(flags, args, stdout); done {
		return code
	}
	if flags.NArg() < 1 || flags.NArg() > 2 {
		flags.Usage()
		return UsageError
	}
	source := flagString(flags, "source")
	if !sourceDir(source, stderr) {
		return UsageError
	}
	cfg, site, errs := load.Load(os.DirFS(source))
	if site == nil {
		printErrors(errs, locale.New(cfg.Language), stderr)
		return exitCode(errs)
	}
	period, _ := site.Reported(cfg.Period, cfg.MinCoverage)
	if flags.NArg() == 2 {
		p, ok := model.ParsePeriod(flags.Arg(1))
		if !ok {
			fmt.Fprintf(stderr, "malekort new commentary: %q is not a month: write it as YYYY-MM\n", flags.Arg(1))
			return UsageError
		}
		period = p
	}
	if period == 0 {
		fmt.Fprintln(stderr, "malekort new commentary: the site has no results yet: name the month, e.g. malekort new commentary OFFICE 2026-10")
		return UsageError
	}
	f, err := scaffold.Commentary(site, flags.Arg(0), period, now(), locale.New(cfg.Language))
	if err != nil {
		fmt.Fprintf(stderr, "malekort new commentary: %v\n", err)
		return UsageError
	}
	if err := write.Create(source, map[string][]byte{f.Path: f.Data}); err != nil {
		fmt.Fprintf(stderr, "malekort new commentary: %v\n", err)
		return createFailure(err)
	}
	fmt.Fprintf(stdout, "malekort: wrote %s\n", filepath.Join(source, filepath.FromSlash(f.Path)))
	return OK
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
	fs.String("title", "Målekort", "the site's `title`")
	fs.String("ci", "github", "the `host` whose CI file the site gets: github or gitlab")
}

func newSite(args []string, defaults fs.FS, stdout, stderr io.Writer) int {
	flags := newFlags("new site", stdout, stderr)
	if code, done := parseFlags(flags, args, stdout); done {
		return code
	}
	if flags.NArg() != 1 {
		flags.Usage()
		return UsageError
	}
	ci := flagString(flags, "ci")
	if !slices.Contains(scaffold.CIHosts, ci) {
		fmt.Fprintf(stderr, "malekort new site: --ci %q: use github or gitlab\n", ci)
		return UsageError
	}
	dir := flags.Arg(0)
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		fmt.Fprintf(stderr, "malekort new site: %s is not empty; choose a new folder\n", dir)
		return UsageError
	}
	files, err := scaffold.Site(defaults, flagString(flags, "title"), ci, now())
	if err != nil {
		fmt.Fprintf(stderr, "malekort new site: %v\n", err)
		return Failure
	}
	m := map[string][]byte{}
	for _, f := range files {
		m[f.Path] = f.Data
	}
	if err := write.Create(dir, m); err != nil {
		fmt.Fprintf(stderr, "malekort new site: %v\n", err)
		return createFailure(err)
	}
	fmt.Fprintf(stdout, "malekort: wrote a new site in %s; next: cd %s && npm ci && malekort build\n", dir, dir)
	return OK
}
