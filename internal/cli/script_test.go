package cli

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/malekort/malekort/internal/synth"
	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"malekort": func() { os.Exit(Main(os.Args[1:], defaults, os.Stdout, os.Stderr)) },
		// synth SIZE DIR writes a synthetic site.
		"synth": func() {
			if err := synth.Write(os.Args[2], synth.Sizes[os.Args[1]], 1, os.Getenv("ECHARTS")); err != nil {
				os.Stderr.WriteString(err.Error() + "\n")
				os.Exit(1)
			}
		},
	})
}

// TestScripts runs the command-line scripts in testdata/script.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("ECHARTS", filepath.Join(repoRoot, "node_modules/echarts/dist/echarts.common.min.js"))
			env.Setenv("TODAY", time.Now().Format(time.DateOnly))
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// sleep DURATION, to let a background command get under way.
			"sleep": func(ts *testscript.TestScript, neg bool, args []string) {
				d, err := time.ParseDuration(args[0])
				ts.Check(err)
				time.Sleep(d)
			},
		},
	})
}
