// Command synth writes a synthetic malekort site:
//
//	go run ./internal/synth/cmd/synth -size nav -out /tmp/nav
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/malekort/malekort/internal/synth"
)

func main() {
	size := flag.String("size", "nav", "nav, large or small")
	out := flag.String("out", "", "the folder to write (must not exist)")
	seed := flag.Uint64("seed", 1, "the random seed; the same seed gives the same site")
	nodeModules := flag.String("node-modules", "node_modules", "the folder of npm's installs to copy ECharts and MiniSearch from (empty: none)")
	flag.Parse()
	s, ok := synth.Sizes[*size]
	if !ok || *out == "" {
		flag.Usage()
		os.Exit(2)
	}
	if _, err := os.Stat(*out); err == nil {
		fmt.Fprintf(os.Stderr, "synth: %s exists\n", *out)
		os.Exit(2)
	}
	if err := synth.Write(*out, s, *seed, *nodeModules); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
}
