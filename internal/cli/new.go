package cli

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/malekort/malekort/internal/load"
	"github.com/malekort/malekort/internal/model"
	"github.com/malekort/malekort/internal/scaffold"
	"github.com/malekort/malekort/internal/write"
)

// now is the clock of "new"; tests set it.
var now = time.Now

func runNew(args []string, defaults fs.FS, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, "Usage: malekort new commentary OFFICE [YYYY-MM] | malekort new site DIR\n")
		return UsageError
	}
	switch args[0] {
	case "commentary":
		return newCommentary(args[1:], stdout, stderr)
	case "site":
		return newSite(args[1:], defaults, stdout, stderr)
	}
	fmt.Fprintf(stderr, "malekort new: unknown kind %q: use commentary or site\n", args[0])
	return UsageError
}

func newCommentary(args []string, stdout, stderr io.Writer) int {
	flags := newFlags("new commentary", "new commentary [--source DIR] OFFICE [YYYY-MM]", stderr)
	source := flags.String("source", ".", "the site `folder`")
	if err := flags.Parse(args); err != nil {
		return UsageError
	}
	if flags.NArg() < 1 || flags.NArg() > 2 {
		flags.Usage()
		return UsageError
	}
	if !sourceDir(*source, stderr) {
		return UsageError
	}
	cfg, site, errs := load.Load(load.Dir(*source))
	if site == nil {
		printErrors(errs, stderr)
		return InputError
	}
	period := cfg.Period
	if flags.NArg() == 2 {
		p, ok := model.ParsePeriod(flags.Arg(1))
		if !ok {
			fmt.Fprintf(stderr, "malekort new commentary: %q is not a month: write it as YYYY-MM\n", flags.Arg(1))
			return UsageError
		}
		period = p
	}
	if period == 0 {
		for _, r := range site.Results {
			period = max(period, r.Period)
		}
	}
	if period == 0 {
		fmt.Fprintln(stderr, "malekort new commentary: the site has no results yet: name the month, e.g. malekort new commentary OFFICE 2026-10")
		return UsageError
	}
	f, err := scaffold.Commentary(site, flags.Arg(0), period, now())
	if err != nil {
		fmt.Fprintf(stderr, "malekort new commentary: %v\n", err)
		return UsageError
	}
	if err := write.Create(*source, map[string][]byte{f.Path: f.Data}); err != nil {
		fmt.Fprintf(stderr, "malekort new commentary: %v\n", err)
		return InputError
	}
	fmt.Fprintf(stdout, "malekort: wrote %s\n", filepath.Join(*source, filepath.FromSlash(f.Path)))
	return OK
}

func newSite(args []string, defaults fs.FS, stdout, stderr io.Writer) int {
	flags := newFlags("new site", "new site DIR", stderr)
	title := flags.String("title", "Målekort", "the site's `title`")
	if err := flags.Parse(args); err != nil {
		return UsageError
	}
	if flags.NArg() != 1 {
		flags.Usage()
		return UsageError
	}
	dir := flags.Arg(0)
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		fmt.Fprintf(stderr, "malekort new site: %s is not empty; choose a new folder\n", dir)
		return UsageError
	}
	files, err := scaffold.Site(defaults, *title, now())
	if err != nil {
		fmt.Fprintf(stderr, "malekort new site: %v\n", err)
		return InputError
	}
	m := map[string][]byte{}
	for _, f := range files {
		m[f.Path] = f.Data
	}
	if err := write.Create(dir, m); err != nil {
		fmt.Fprintf(stderr, "malekort new site: %v\n", err)
		return InputError
	}
	fmt.Fprintf(stdout, "malekort: wrote a new site in %s; next: cd %s && npm ci && malekort build\n", dir, dir)
	return OK
}
