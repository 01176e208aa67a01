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
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode"

	"github.com/malekort/malekort/internal/build"
	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/load"
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
// from the same definitions the command parses. operands are its
// arguments other than options, those in brackets optional.
type command struct {
	name, args, summary string
	operands            []string
	flags               func(*flag.FlagSet)
}

var commands = []command{
	{"build", help("[--source DIR] [--out DIR] [--quiet]"), help("check the site and write it to DIR (default: public in the site folder)"), nil, buildFlags},
	{"check", help("[--source DIR] [--format text|github]"), help("check the site and its pages; report every input error"), nil, checkFlags},
	{"serve", help("[--source DIR] [--port N]"), help("preview on 127.0.0.1, rebuilt and reloaded on every save"), nil, serveFlags},
	{"new commentary", help("[--source DIR] OFFICE [YYYY-MM]"), help("start an office's commentary for a month, open measures carried over"), []string{help("OFFICE"), help("[YYYY-MM]")}, newCommentaryFlags},
	{"new site", help("[--title TITLE] [--language nb|nn|en] [--ci github|gitlab] DIR"), help("start a new site that builds at once"), []string{help("DIR")}, newSiteFlags},
	{"version", "", help("print the version"), nil, func(*flag.FlagSet) {}},
}

// help marks a text of the help, a command's summary or an option's
// usage, written in English: printed, it is in the site's language, as
// the locale's messages have it (TestMessagesAreTranslated holds each to
// a translation).
func help(text string) string { return text }

// usage lists every command with its options, in loc's language.
func usage(loc *locale.Locale) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n%s\n", diag.P("malekort builds a scorecard website from a folder of plain files.").In(loc), diag.P("Usage:").In(loc))
	for _, c := range commands {
		fmt.Fprintf(&b, "  malekort %s %s\n      %s\n", c.name, loc.Message(c.args), loc.Message(c.summary))
		fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
		c.flags(fs)
		var opts strings.Builder
		printOptions(&opts, fs, loc)
		for line := range strings.Lines(opts.String()) {
			b.WriteString("    " + line)
		}
	}
	fmt.Fprintf(&b, "\n%s\n", diag.P("Exit status: 0 success, 1 input errors, 2 usage errors, 3 a file could not be read or written.").In(loc))
	return b.String()
}

// printOptions writes fs's options to w as flag.PrintDefaults does, in
// loc's language: each usage's `word` names the option's value. Each is
// named with two dashes, as the usage lines and the README name them.
func printOptions(w io.Writer, fs *flag.FlagSet, loc *locale.Locale) {
	fs.VisitAll(func(f *flag.Flag) {
		translated := *f
		translated.Usage = loc.Message(f.Usage)
		value, usage := flag.UnquoteUsage(&translated)
		fmt.Fprintf(w, "  --%s", f.Name)
		if value != "" {
			fmt.Fprintf(w, " %s", value)
		}
		fmt.Fprintf(w, "\n    \t%s", usage)
		getter, _ := f.Value.(flag.Getter)
		if getter == nil {
			fmt.Fprintln(w)
			return
		}
		switch getter.Get().(type) {
		case string:
			if f.DefValue != "" {
				fmt.Fprintf(w, " %s", diag.P("(default %q)", f.DefValue).In(loc))
			}
		case int:
			fmt.Fprintf(w, " %s", diag.P("(default %s)", f.DefValue).In(loc))
		}
		fmt.Fprintln(w)
	})
}

// Main runs malekort with args (without the program name). defaults holds
// the built-in templates folder and the files a new site gets.
func Main(args []string, defaults fs.FS, stdout, stderr io.Writer) int {
	// Which site is meant is not known: the words are those of the
	// folder's site, bokmål by default.
	loc := locale.New(build.Language(os.DirFS(".")))
	if len(args) == 0 {
		fmt.Fprint(stderr, usage(loc))
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
		fmt.Fprint(stdout, usage(loc))
		return OK
	}
	fmt.Fprintf(stderr, "malekort: %s\n\n%s", say(loc, diag.P("unknown command %q: run malekort -h to see the commands", args[0])), usage(loc))
	return UsageError
}

func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}

// newFlags is the flag set of the named command.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	commands[slices.IndexFunc(commands, func(c command) bool { return c.name == name })].flags(fs)
	return fs
}

// commandHelp writes the help of the command whose options are fs to w,
// in loc's language.
func commandHelp(w io.Writer, fs *flag.FlagSet, loc *locale.Locale) {
	c := commands[slices.IndexFunc(commands, func(c command) bool { return c.name == fs.Name() })]
	fmt.Fprintf(w, "%s\n\n%s\n\n%s\n", diag.P("Usage: malekort %s %s", c.name, loc.Message(c.args)).In(loc), loc.Message(c.summary), diag.P("Options:").In(loc))
	printOptions(w, fs, loc)
}

// invocation is one run of a command: its options and arguments, and where and
// in which language it speaks: the site's, once --source is known; a
// command without --source makes a bokmål site, and speaks bokmål.
type invocation struct {
	name           string
	flags          *flag.FlagSet
	args           []string
	loc            *locale.Locale
	stdout, stderr io.Writer
}

// begin parses a command's options, which may come before, between or
// after its arguments, and checks its arguments. done is true when the
// command should stop with code: -h prints its help on stdout and
// succeeds; a wrong option or argument is a usage error, said in the
// site's language with how to see the options.
func begin(name string, args []string, stdout, stderr io.Writer) (r *invocation, code int, done bool) {
	r = &invocation{name: name, flags: newFlags(name), stdout: stdout, stderr: stderr}
	var err error
	r.args, err = parseArgs(r.flags, args)
	lang := "nb"
	switch {
	case r.flags.Lookup("source") != nil:
		lang = build.Language(os.DirFS(r.flag("source")))
	case r.flags.Lookup("language") != nil && slices.Contains(locale.Languages, r.flag("language")):
		// A new site's messages are in the language it is made in.
		lang = r.flag("language")
	}
	r.loc = locale.New(lang)
	if errors.Is(err, flag.ErrHelp) {
		commandHelp(stdout, r.flags, r.loc)
		return r, OK, true
	}
	if err == nil {
		err = checkOperands(name, r.args)
	}
	if err != nil {
		r.fail(err)
		fmt.Fprintln(stderr, say(r.loc, diag.P("run malekort %s -h to see its options", name)))
		return r, UsageError, true
	}
	return r, OK, false
}

// parseArgs sets fs's options from args, wherever they stand, and returns
// the other arguments. After "--" every argument is one of those.
func parseArgs(fs *flag.FlagSet, args []string) (operands []string, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(operands, args[i+1:]...), nil
		}
		if len(a) < 2 || a[0] != '-' {
			operands = append(operands, a)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimPrefix(a[1:], "-"), "=")
		if name == "h" || name == "help" {
			return nil, flag.ErrHelp
		}
		f := fs.Lookup(name)
		if f == nil {
			var bare, names []string
			fs.VisitAll(func(f *flag.Flag) { bare, names = append(bare, f.Name), append(names, "--"+f.Name) })
			// Near is judged without the dashes every option has, which
			// would make "--bogus" near "--out".
			hint := diag.Suggest(name, bare)
			if hint.Format != "" {
				hint = diag.Suggest("--"+name, names)
			}
			return nil, diag.P("unknown option %s%s: malekort %s takes %s", a, hint, fs.Name(), strings.Join(names, ", "))
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() && !hasValue {
			value, hasValue = "true", true
		}
		if !hasValue {
			if i+1 == len(args) {
				return nil, diag.P("option --%s needs a value", name)
			}
			i++
			value = args[i]
		}
		if fs.Set(name, value) != nil {
			return nil, diag.P("option --%s cannot be %q", name, value)
		}
	}
	return operands, nil
}

// checkOperands reports arguments that command name does not take, or
// the first it needs and did not get.
func checkOperands(name string, args []string) error {
	c := commands[slices.IndexFunc(commands, func(c command) bool { return c.name == name })]
	if len(args) > len(c.operands) {
		return diag.P("unexpected argument %q", args[len(c.operands)])
	}
	if len(args) < len(c.operands) && !strings.HasPrefix(c.operands[len(args)], "[") {
		return diag.P("%s is missing: write malekort %s %s", diag.P(c.operands[len(args)]), name, diag.P(c.args))
	}
	return nil
}

func (r *invocation) flag(name string) string { return r.flags.Lookup(name).Value.String() }

// fail prints msg, an error or a phrase, on stderr after the command's
// name, in the run's language.
func (r *invocation) fail(msg error) {
	fmt.Fprintf(r.stderr, "malekort %s: %s\n", r.name, diag.OneLine(say(r.loc, msg)))
}

// tell prints msg on stdout, in the run's language.
func (r *invocation) tell(msg diag.Phrase) {
	fmt.Fprintf(r.stdout, "malekort: %s\n", diag.OneLine(say(r.loc, msg)))
}

// say is msg in loc's language: a phrase, or an error that is or wraps
// one, translated; one of the system's errors that a user can act on,
// said with what to do; any other as it is.
func say(loc *locale.Locale, msg error) string {
	var p diag.Phrase
	if errors.As(msg, &p) {
		return p.In(loc)
	}
	if p, ok := systemError(msg); ok {
		return p.In(loc)
	}
	return msg.Error()
}

// systemError is err, a failure to read or write a path, in words and
// with what to do, where the reason is one a user can act on.
func systemError(err error) (diag.Phrase, bool) {
	var path string
	var pathErr *fs.PathError
	var linkErr *os.LinkError
	switch {
	case errors.As(err, &pathErr):
		path = pathErr.Path
	case errors.As(err, &linkErr):
		path = linkErr.New
	default:
		return diag.Phrase{}, false
	}
	switch {
	case errors.Is(err, fs.ErrPermission):
		return diag.P("%s: permission denied: let the user that runs malekort read and write there, or choose another folder", path), true
	case errors.Is(err, syscall.ENOSPC):
		return diag.P("%s: the disk is full: make room, or write elsewhere", path), true
	case errors.Is(err, syscall.EROFS):
		return diag.P("%s: the file system is read-only: write elsewhere", path), true
	case errors.Is(err, syscall.ENOTDIR):
		return diag.P("%s: a part of the path is a file, not a folder", path), true
	}
	return diag.Phrase{}, false
}

// sourceDir reports whether --source names a site's folder, and says so
// if not: a folder with neither site.toml nor data/ is most often the
// wrong one, where every file of a site would be reported missing.
func (r *invocation) sourceDir() bool {
	dir := r.flag("source")
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		r.fail(diag.P("--source %s is not a folder", dir))
		return false
	}
	_, siteErr := os.Stat(filepath.Join(dir, "site.toml"))
	_, dataErr := os.Stat(filepath.Join(dir, "data"))
	if errors.Is(siteErr, fs.ErrNotExist) && errors.Is(dataErr, fs.ErrNotExist) {
		r.fail(diag.P("%s is not a site's folder: it has no site.toml or data folder; run malekort in the folder where site.toml is, or give it with --source (malekort new site makes one)", dir))
		return false
	}
	return true
}

// outsideInput reports whether the output folder out lies outside the
// site's folder source and the folders of it that a build reads: within
// one, the next build would read the site it wrote (results from its CSV
// files) or pass it by; holding the site, it would replace it. Paths are
// compared as the system finds them (through links, those of a folder not
// made yet through its nearest that is; see inside for case).
func (r *invocation) outsideInput(source, out string) bool {
	to, from := resolved(out), resolved(source)
	if inside(from, to) {
		r.fail(diag.P("--out %s holds the site's folder %s: choose a folder outside it", out, source))
		return false
	}
	for _, input := range load.InputDirs {
		if inside(to, filepath.Join(from, input)) {
			r.fail(diag.P("--out %s is inside the site's %s folder, which a build reads: choose a folder outside data, content and templates", out, input))
			return false
		}
	}
	return true
}

// resolved is path p absolute, with the links in it followed as far as it
// exists.
func resolved(p string) string {
	p, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	var rest []string
	for dir := p; ; dir = filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(append([]string{real}, rest...)...)
		}
		if filepath.Dir(dir) == dir {
			return p
		}
		rest = append([]string{filepath.Base(dir)}, rest...)
	}
}

// inside reports whether path p is folder dir or lies within it, where
// the system ignores case (Windows, macOS) without regard to it.
func inside(p, dir string) bool {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		p, dir = strings.ToLower(p), strings.ToLower(dir)
	}
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func checkFlags(fs *flag.FlagSet) {
	fs.String("source", ".", help("the site `folder`"))
	fs.String("format", "text", help("how errors are printed, `text|github`: as file:line:col: message, or as annotations on a pull request's lines"))
}

func runCheck(args []string, defaults fs.FS, stdout, stderr io.Writer) int {
	r, code, done := begin("check", args, stdout, stderr)
	if done {
		return code
	}
	source, format := r.flag("source"), r.flag("format")
	if format != "text" && format != "github" {
		r.fail(diag.P("--format %q: use text or github", format))
		return UsageError
	}
	if !r.sourceDir() {
		return UsageError
	}
	site := os.DirFS(source)
	notices, err := render.OwnTemplates(site, defaults)
	if err != nil {
		r.fail(err)
		return Failure
	}
	checked, errs := build.Check(site, defaults)
	if checked != nil {
		// Only the made pages tell of a site's template failing on one of
		// them, or of a link to a page the site does not have: the pull
		// request's lines show those too.
		errs, err = checked.Render(site, render.Discard)
		if err != nil {
			r.fail(err)
			return Failure
		}
		notices = append(notices, checked.Notices...)
	} else {
		var found diag.List
		errs, found = errs.Split()
		notices = append(notices, found...)
	}
	loc := r.loc
	printNotices(notices, format, loc, stdout, stderr)
	if errs == nil {
		none := loc.T("errors.none")
		if len(notices) > 0 {
			none += "; " + loc.Count(len(notices), "summary.notice")
		}
		fmt.Fprintln(stdout, "malekort: "+none)
		return OK
	}
	if format == "github" {
		// Workflow commands are read from standard output.
		for _, e := range errs.In(loc) {
			fmt.Fprintln(stdout, e.GitHub())
		}
		fmt.Fprintf(stderr, "malekort: %s\n", loc.Count(errs.Count(), "input.error"))
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
	fs.String("source", ".", help("the site `folder`"))
	fs.String("out", "", help("the output `folder` (default: public in the site folder); its site is replaced when the build succeeds"))
	fs.String("cpuprofile", "", help("write a CPU profile of the build to `file` (for go tool pprof)"))
	fs.Bool("quiet", false, help("print no summary when the build succeeds (notices and errors are still printed)"))
}

func runBuild(args []string, defaults fs.FS, stdout, stderr io.Writer) int {
	r, code, done := begin("build", args, stdout, stderr)
	if done {
		return code
	}
	start := time.Now()
	source, out, cpuProfile := r.flag("source"), r.flag("out"), r.flag("cpuprofile")
	quiet := r.flag("quiet") == "true"
	if cpuProfile != "" {
		f, err := os.Create(cpuProfile)
		if err != nil {
			r.fail(err)
			return UsageError
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if !r.sourceDir() {
		return UsageError
	}
	if out == "" {
		out = filepath.Join(source, "public")
	}
	if !r.outsideInput(source, out) {
		return UsageError
	}
	dir, err := write.Begin(out)
	if err != nil {
		r.fail(err)
		if _, refused := errors.AsType[*write.Refused](err); refused {
			return UsageError
		}
		return Failure
	}
	src := os.DirFS(source)
	loc := r.loc
	checked, errs := build.Check(src, defaults)
	if checked != nil {
		errs, err = checked.Render(src, dir)
		printNotices(checked.Notices, "text", loc, stdout, stderr)
	} else {
		var notices diag.List
		errs, notices = errs.Split()
		printNotices(notices, "text", loc, stdout, stderr)
	}
	if errs != nil || err != nil {
		dir.Abort()
		if errs != nil {
			printErrors(errs, loc, stderr)
			return exitCode(errs)
		}
		r.fail(err)
		return Failure
	}
	if err := dir.Commit(); err != nil {
		r.fail(err)
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
	fmt.Fprintf(w, "malekort: %s %s\n", loc.T("summary.built"), pastable(out))
	fmt.Fprintf(w, "  %s: %s\n", loc.T("summary.month"), month)
	fmt.Fprintf(w, "  %s\n", strings.NewReplacer(
		"{pages}", loc.Count(pages, "summary.page"), "{files}", loc.Count(len(files), "summary.file"),
		"{seconds}", loc.Number(took.Seconds(), secondsDecimals(took))).Replace(loc.T("summary.made")))
	if n := len(c.Notices); n > 0 {
		fmt.Fprintf(w, "  %s\n", loc.Count(n, "summary.notice"))
	}
	fmt.Fprintf(w, "  %s: %s\n", loc.T("summary.open"), pastable(filepath.Join(out, "index.html")))
}

// pastable is path as a shell takes it when pasted: in double quotes
// where it has a space.
func pastable(path string) string {
	if strings.ContainsFunc(path, unicode.IsSpace) {
		return `"` + path + `"`
	}
	return path
}

// printNotices prints, in the site's language, what a person should know
// that does not stop the run: on stderr as "notice: file:line: message",
// or as GitHub warning annotations on stdout.
func printNotices(notices diag.List, format string, loc *locale.Locale, stdout, stderr io.Writer) {
	for _, n := range notices.In(loc) {
		if format == "github" {
			fmt.Fprintln(stdout, n.GitHubNotice())
		} else {
			fmt.Fprintln(stderr, loc.T("notice")+": "+diag.OneLine(n.Error()))
		}
	}
}

// printErrors prints input errors in the site's language, and how many.
func printErrors(errs diag.List, loc *locale.Locale, stderr io.Writer) {
	for i, e := range errs.In(loc) {
		if i == maxPrinted {
			fmt.Fprintln(stderr, strings.ReplaceAll(loc.T("errors.more"), "{n}", loc.Number(float64(errs[maxPrinted:].Count()), 0)))
			break
		}
		fmt.Fprintln(stderr, diag.OneLine(e.Error()))
	}
	fmt.Fprintf(stderr, "malekort: %s\n", loc.Count(errs.Count(), "input.error"))
}
