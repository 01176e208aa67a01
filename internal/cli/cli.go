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
	"runtime/debug"
	"runtime/pprof"

	"github.com/malekort/malekort/internal/build"
	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/load"
	"github.com/malekort/malekort/internal/render"
	"github.com/malekort/malekort/internal/write"
)

// Exit codes.
const (
	OK         = 0
	InputError = 1
	UsageError = 2
)

// maxPrinted caps the errors printed, so that a wrong file of a million
// rows does not scroll the first, useful errors away.
const maxPrinted = 200

const usage = `malekort builds a scorecard website from a folder of plain files.

Usage:
  malekort build [--source DIR] [--out DIR]   check the site and write it to DIR (default public)
  malekort check [--source DIR]               check the site and report every input error
  malekort serve [--source DIR] [--port N]    preview the site, rebuilt on every change
  malekort new commentary OFFICE [YYYY-MM]    start an office's commentary for a month
  malekort new site DIR                       start a new site that builds at once
  malekort version                            print the version

Run "malekort COMMAND -h" for a command's options.
`

// Main runs malekort with args (without the program name). defaults holds
// the built-in templates folder and the package files a new site gets.
func Main(args []string, defaults fs.FS, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
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
		fmt.Fprint(stdout, usage)
		return OK
	}
	fmt.Fprintf(stderr, "malekort: unknown command %q\n\n%s", args[0], usage)
	return UsageError
}

func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}

func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: malekort %s\n\nOptions:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags; done is true when the command should stop with code.
func parse(fs *flag.FlagSet, args []string) (code int, done bool) {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		return OK, true
	}
	if err != nil {
		return UsageError, true
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

func runCheck(args []string, defaults fs.FS, stdout, stderr io.Writer) int {
	flags := newFlags("check", "check [--source DIR] [--format text|github]", stderr)
	source := flags.String("source", ".", "the site `folder`")
	format := flags.String("format", "text", "how to print errors: text (file:line:col: message) or github (annotations on a pull request's lines)")
	if code, done := parse(flags, args); done {
		return code
	}
	if *format != "text" && *format != "github" {
		fmt.Fprintf(stderr, "malekort check: --format %q: use text or github\n", *format)
		return UsageError
	}
	if !sourceDir(*source, stderr) {
		return UsageError
	}
	site := load.Dir(*source)
	custom, err := render.Customised(site, defaults)
	if err != nil {
		fmt.Fprintf(stderr, "malekort check: %v\n", err)
	}
	for _, name := range custom {
		n := diag.Error{Pos: diag.Pos{Path: name}, Msg: "differs from malekort's built-in template: templates are code (they can add scripts and outside links), so review this file as code"}
		if *format == "github" {
			fmt.Fprintln(stdout, n.GitHubNotice())
		} else {
			fmt.Fprintln(stderr, "notice: "+n.Error())
		}
	}
	if _, errs := build.Check(site, defaults); errs != nil {
		if *format == "github" {
			// Workflow commands are read from standard output.
			for _, e := range errs {
				fmt.Fprintln(stdout, e.GitHub())
			}
			fmt.Fprintf(stderr, "malekort: %d input %s\n", len(errs), plural(len(errs), "error", "errors"))
			return InputError
		}
		printErrors(errs, stderr)
		return InputError
	}
	fmt.Fprintln(stdout, "malekort: no errors")
	return OK
}

func runBuild(args []string, defaults fs.FS, stdout, stderr io.Writer) int {
	flags := newFlags("build", "build [--source DIR] [--out DIR]", stderr)
	source := flags.String("source", ".", "the site `folder`")
	out := flags.String("out", "public", "the output `folder`; replaced whole when the build succeeds")
	cpuProfile := flags.String("cpuprofile", "", "write a CPU profile of the build to `file` (for go tool pprof)")
	if code, done := parse(flags, args); done {
		return code
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "malekort: %v\n", err)
			return UsageError
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if !sourceDir(*source, stderr) {
		return UsageError
	}
	dir, err := write.Begin(*out)
	if err != nil {
		fmt.Fprintf(stderr, "malekort: %v\n", err)
		return UsageError
	}
	errs, err := build.Build(load.Dir(*source), defaults, dir)
	if errs != nil || err != nil {
		dir.Abort()
		if errs != nil {
			printErrors(errs, stderr)
			return InputError
		}
		fmt.Fprintf(stderr, "malekort: %v\n", err)
		return InputError
	}
	if err := dir.Commit(); err != nil {
		fmt.Fprintf(stderr, "malekort: %v\n", err)
		return InputError
	}
	fmt.Fprintf(stdout, "malekort: built %s\n", *out)
	return OK
}

func printErrors(errs diag.List, stderr io.Writer) {
	for i, e := range errs {
		if i == maxPrinted {
			fmt.Fprintf(stderr, "and %d more errors\n", len(errs)-maxPrinted)
			break
		}
		fmt.Fprintln(stderr, e.Error())
	}
	fmt.Fprintf(stderr, "malekort: %d input %s\n", len(errs), plural(len(errs), "error", "errors"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
