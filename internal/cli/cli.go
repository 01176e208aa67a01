// Package cli is malekort's command line: it parses arguments, runs the
// pipeline and prints errors. main only calls Main, so the whole command is
// testable in-process.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/malekort/malekort/internal/build"
	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/locale"
	"github.com/malekort/malekort/internal/render"
	"github.com/malekort/malekort/internal/write"
)

// Exit codes.
const (
	OK         = 0
	InputError = 1
	UsageError = 2
	// Failure is a file that could not be read or written (permission, a
	// full disk): nothing the site's authors can fix in its files.
	Failure = 3
)

// maxPrinted caps the errors printed, so that a wrong file of a million
// rows does not scroll the first, useful errors away.
const maxPrinted = 200

// command is one of malekort's commands. flags declares its options on a
// new flag set, so that "malekort -h" can list every command's options
// from the same definitions the command parses.
type command struct {
	name, args, summary string
	flags               func(*flag.FlagSet)
}

var commands = []command{
	{"build", "[--source DIR] [--out DIR] [--cpuprofile FILE]", "check the site and write it to DIR (default public)", buildFlags},
	{"check", "[--source DIR] [--format text|github]", "check the site and report every input error", checkFlags},
	{"serve", "[--source DIR] [--port N]", "preview on 127.0.0.1, rebuilt and reloaded on every save", serveFlags},
	{"new commentary", "[--source DIR] OFFICE [YYYY-MM]", "start an office's commentary for a month, open measures carried over", newCommentaryFlags},
	{"new site", "[--title TITLE] [--ci github|gitlab] DIR", "start a new site that builds at once", newSiteFlags},
	{"version", "", "print the version", func(*flag.FlagSet) {}},
}

// usage lists every command with its options.
func usage() string {
	var b strings.Builder
	b.WriteString("malekort builds a scorecard website from a folder of plain files.\n\nUsage:\n")
	for _, c := range commands {
		fmt.Fprintf(&b, "  malekort %s %s\n      %s\n", c.name, c.args, c.summary)
		fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
		c.flags(fs)
		var opts strings.Builder
		fs.SetOutput(&opts)
		fs.PrintDefaults()
		for line := range strings.Lines(opts.String()) {
			b.WriteString("    " + line)
		}
	}
	b.WriteString("\nExit status: 0 success, 1 input errors, 2 usage errors, 3 a file could not be read or written.\n")
	return b.String()
}

// Main runs malekort with args (without the program name). defaults holds
// the built-in templates folder and the files a new site gets.
func Main(args []string, defaults fs.FS, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage())
		return UsageError
	}
	switch args[0] {
	case "build":
		return runBuild(args[1:], defaults, stdout, stderr)
	case "check":
		return runCheck(args[1:], defaults, stdout, stderr)
	case "new":
		return runNew(args[1:], defaults, stdout, stderr)
	case "serve":
		return runServe(args[1:], defaults, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "malekort", version())
		return OK
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage())
		return OK
	}
	fmt.Fprintf(stderr, "malekort: unknown command %q\n\n%s", args[0], usage())
	return UsageError
}

func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}

// newFlags is the flag set of the named command. Its help goes to
// stdout, as asked for; a usage error's to stderr.
func newFlags(name string, stdout, stderr io.Writer) *flag.FlagSet {
	i := slices.IndexFunc(commands, func(c command) bool { return c.name == name })
	c := commands[i]
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	c.flags(fs)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: malekort %s %s\n\n%s\n\nOptions:\n", c.name, c.args, c.summary)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses a command's options; done is true when the command
// should stop with code. -h prints the help on stdout and succeeds.
func parseFlags(fs *flag.FlagSet, args []string, stdout io.Writer) (code int, done bool) {
	stderr := fs.Output()
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(stdout)
		fs.Usage()
		return OK, true
	}
	fs.SetOutput(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "malekort %s: %v\n", fs.Name(), err)
		fs.Usage()
		return UsageError, true
	}
	return OK, false
}

func flagString(fs *flag.FlagSet, name string) string { return fs.Lookup(name).Value.String() }

// parse parses the options of a command that takes no arguments.
func parse(fs *flag.FlagSet, args []string, stdout io.Writer) (code int, done bool) {
	if code, done := parseFlags(fs, args, stdout); done {
		return code, done
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "malekort %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return UsageError, true
	}
	return OK, false
}

func sourceDir(dir string, stderr io.Writer) bool {
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "malekort: --source %s is not a folder\n", dir)
		return false
	}
	return true
}

func checkFlags(fs *flag.FlagSet) {
	fs.String("source", ".", "the site `folder`")
	fs.String("format", "text", "how to print `errors`: text (file:line:col: message) or github (annotations on a pull request's lines)")
}

func runCheck(args []string, defaults fs.FS, stdout, stderr io.Writer) int {
	flags := newFlags("check", stdout, stderr)
	if code, done := parse(flags, args, stdout); done {
		return code
	}
	source, format := flagString(flags, "source"), flagString(flags, "format")
	if format != "text" && format != "github" {
		fmt.Fprintf(stderr, "malekort check: --format %q: use text or github\n", format)
		return UsageError
	}
	if !sourceDir(source, stderr) {
		return UsageError
	}
	site := os.DirFS(source)
	notices, err := render.OwnTemplates(site, defaults)
	if err != nil {
		fmt.Fprintf(stderr, "malekort check: %v\n", err)
		return Failure
	}
	checked, errs := build.Check(site, defaults)
	if checked != nil {
		notices = append(notices, checked.Notices...)
	}
	loc := locale.New(build.Language(site))
	printNotices(notices, format, loc, stdout, stderr)
	if errs == nil {
		fmt.Fprintln(stdout, "malekort: "+loc.T("errors.none"))
		return OK
	}
	if format == "github" {
		// Workflow commands are read from standard output.
		for _, e := range errs.In(loc.Message) {
			fmt.Fprintln(stdout, e.GitHub())
		}
		fmt.Fprintf(stderr, "malekort: %s\n", loc.Count(len(errs), "input.error"))
	} else {
		printErrors(errs, loc, stderr)
	}
	return exitCode(errs)
}

// exitCode is the status for a run that found errs.
func exitCode(errs diag.List) int {
	if errs.HasIO() {
		return Failure
	}
	return InputError
}

func buildFlags(fs *flag.FlagSet) {
	fs.String("source", ".", "the site `folder`")
	fs.String("out", "public", "the output `folder`; replaced whole when the build succeeds")
	fs.String("cpuprofile", "", "write a CPU profile of the build to `file` (for go tool pprof)")
	fs.Bool("quiet", false, "print no summary when the build succeeds (notices and errors are still printed)")
}

func runBuild(args []string, defaults fs.FS, stdout, stderr io.Writer) int {
	flags := newFlags("build", stdout, stderr)
	if code, done := parse(flags, args, stdout); done {
		return code
	}
	start := time.Now()
	source, out, cpuProfile := flagString(flags, "source"), flagString(flags, "out"), flagString(flags, "cpuprofile")
	quiet := flagString(flags, "quiet") == "true"
	if cpuProfile != "" {
		f, err := os.Create(cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "malekort: %v\n", err)
			return UsageError
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if !sourceDir(source, stderr) {
		return UsageError
	}
	dir, err := write.Begin(out)
	if err != nil {
		fmt.Fprintf(stderr, "malekort: %v\n", err)
		if _, refused := errors.AsType[*write.Refused](err); refused {
			return UsageError
		}
		return Failure
	}
	src := os.DirFS(source)
	loc := locale.New(build.Language(src))
	checked, errs := build.Check(src, defaults)
	if checked != nil {
		printNotices(checked.Notices, "text", loc, stdout, stderr)
		errs, err = checked.Render(src, dir)
	}
	if errs != nil || err != nil {
		dir.Abort()
		if errs != nil {
			printErrors(errs, loc, stderr)
			return exitCode(errs)
		}
		fmt.Fprintf(stderr, "malekort: %v\n", err)
		return Failure
	}
	if err := dir.Commit(); err != nil {
		fmt.Fprintf(stderr, "malekort: %v\n", err)
		return Failure
	}
	if !quiet {
		printSummary(stdout, checked, dir.Files(), out, time.Since(start))
	}
	return OK
}

// secondsDecimals shows a small site's build, under a second, in
// hundredths rather than as 0,0 s.
func secondsDecimals(d time.Duration) int {
	if d < time.Second {
		return 2
	}
	return 1
}

// printSummary says, in the site's language, what a build made: the month
// it reports and why that one, how many pages and files, how long it
// took, how many notices came before, and where to open the site.
func printSummary(w io.Writer, c *build.Checked, files []string, out string, took time.Duration) {
	loc := locale.New(c.Config.Language)
	pages := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".html") {
			pages++
		}
	}
	month := loc.Month(c.Reported.Year(), c.Reported.Month())
	why := ""
	switch {
	case c.Configured:
		why = loc.T("summary.configured")
	case len(c.Thinner) > 0:
		t := c.Thinner[0]
		why = strings.NewReplacer("{month}", loc.Month(t.Period.Year(), t.Period.Month()),
			"{reported}", strconv.Itoa(t.Reported), "{units}", strconv.Itoa(t.Units)).Replace(loc.T("summary.thin"))
	}
	if why != "" {
		month += " (" + why + ")"
	}
	fmt.Fprintf(w, "malekort: %s %s\n", loc.T("summary.built"), out)
	fmt.Fprintf(w, "  %s: %s\n", loc.T("summary.month"), month)
	fmt.Fprintf(w, "  %s\n", strings.NewReplacer(
		"{pages}", loc.Count(pages, "summary.page"), "{files}", loc.Count(len(files), "summary.file"),
		"{seconds}", loc.Number(took.Seconds(), secondsDecimals(took))).Replace(loc.T("summary.made")))
	if n := len(c.Notices); n > 0 {
		fmt.Fprintf(w, "  %s\n", loc.Count(n, "summary.notice"))
	}
	fmt.Fprintf(w, "  %s: %s\n", loc.T("summary.open"), filepath.Join(out, "index.html"))
}

// printNotices prints, in the site's language, what a person should know
// that does not stop the run: on stderr as "notice: file:line: message",
// or as GitHub warning annotations on stdout.
func printNotices(notices diag.List, format string, loc *locale.Locale, stdout, stderr io.Writer) {
	for _, n := range notices.In(loc.Message) {
		if format == "github" {
			fmt.Fprintln(stdout, n.GitHubNotice())
		} else {
			fmt.Fprintln(stderr, loc.T("notice")+": "+n.Error())
		}
	}
}

// printErrors prints input errors in the site's language, and how many.
func printErrors(errs diag.List, loc *locale.Locale, stderr io.Writer) {
	for i, e := range errs.In(loc.Message) {
		if i == maxPrinted {
			fmt.Fprintln(stderr, strings.ReplaceAll(loc.T("errors.more"), "{n}", strconv.Itoa(len(errs)-maxPrinted)))
			break
		}
		fmt.Fprintln(stderr, e.Error())
	}
	fmt.Fprintf(stderr, "malekort: %s\n", loc.Count(len(errs), "input.error"))
}
