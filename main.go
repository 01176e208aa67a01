// Command malekort builds a scorecard website from a folder of plain files.
package main

import (
	"embed"
	"os"

	"github.com/malekort/malekort/internal/cli"
)

// templates are the built-in page templates and assets; a site's own
// templates/ folder overrides them file by file.
//
//go:embed templates
var templates embed.FS

func main() {
	os.Exit(cli.Main(os.Args[1:], templates, os.Stdout, os.Stderr))
}
