package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/malekort/malekort/internal/build"
	"github.com/malekort/malekort/internal/synth"
	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"malekort": func() { os.Exit(Main(os.Args[1:], defaults, os.Stdout, os.Stderr)) },
		// synth SIZE DIR writes a synthetic site.
		"synth": func() {
			if err := synth.Write(os.Args[2], synth.Sizes[os.Args[1]], 1, filepath.Join(repoRoot, "node_modules")); err != nil {
				os.Stderr.WriteString(err.Error() + "\n")
				os.Exit(1)
			}
		},
	})
}

// TestScripts runs the command-line scripts in testdata/script.
var seconds = regexp.MustCompile(`[0-9]+[.,][0-9]+ s\b`)

func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("TODAY", time.Now().Format(time.DateOnly))
			env.Setenv("BUILTIN", repoRoot)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// npm-ci DIR puts in DIR what npm ci would install there: the
			// ECharts and MiniSearch builds of this checkout's node_modules.
			"npm-ci": func(ts *testscript.TestScript, neg bool, args []string) {
				for _, lib := range []string{build.EChartsPath, build.MiniSearchPath} {
					src, err := os.ReadFile(filepath.Join(repoRoot, lib))
					ts.Check(err)
					dst := ts.MkAbs(filepath.Join(args[0], lib))
					ts.Check(os.MkdirAll(filepath.Dir(dst), 0o755))
					ts.Check(os.WriteFile(dst, src, 0o644))
				}
			},
			// untimed FILE replaces the seconds a build took ("0,3 s") with
			// "N s", so that its summary can be compared with a golden one.
			"untimed": func(ts *testscript.TestScript, neg bool, args []string) {
				data, err := os.ReadFile(ts.MkAbs(args[0]))
				ts.Check(err)
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), seconds.ReplaceAll(data, []byte("N s")), 0o644))
			},
			// waitfor GLOB waits until a file matches GLOB, to catch a
			// background command at a point of its work whatever the
			// machine's speed (a fixed sleep outlived a whole nav build).
			"waitfor": func(ts *testscript.TestScript, neg bool, args []string) {
				for deadline := time.Now().Add(time.Minute); ; time.Sleep(2 * time.Millisecond) {
					matches, err := filepath.Glob(ts.MkAbs(args[0]))
					ts.Check(err)
					if len(matches) > 0 {
						return
					}
					if time.Now().After(deadline) {
						ts.Fatalf("no file matches %s after a minute", args[0])
					}
				}
			},
		},
	})
}
