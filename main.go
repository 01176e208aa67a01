// Command malekort builds a scorecard website from a folder of plain files.
package main

import (
	"embed"
	"os"

	"github.com/malekort/malekort/internal/cli"
)

// builtin holds the page templates and assets, which a site's own
// templates/ folder overrides file by file, and the ECharts pin and CI
// files that "malekort new site" gives a new site.
//
//go:embed templates package.json package-lock.json docs/ci
var builtin embed.FS

func main() {
	os.Exit(cli.Main(os.Args[1:], builtin, os.Stdout, os.Stderr))
}
