package cli

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The command line speaks the site's language: what it prints goes
// through diag.P (whose formats TestMessagesAreTranslated holds to a
// translation) or the locale's words. This fails on a string with words
// of its own handed straight to a printer or made into an error in the
// packages whose messages reach the terminal, the help among them.
func TestPrintsOnlyTranslatedWords(t *testing.T) {
	verb := regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)
	wordless := func(s string) bool {
		s = strings.ReplaceAll(strings.ReplaceAll(verb.ReplaceAllString(s, ""), "malekort new", ""), "malekort", "")
		return !regexp.MustCompile(`\pL`).MatchString(s)
	}
	printers := map[string]bool{"Fprintf": true, "Fprintln": true, "Fprint": true, "Printf": true, "Println": true, "Print": true, "Errorf": true, "New": true}
	errorsOnly := map[string]bool{"Errorf": true, "New": true}
	// Not for people: events is the protocol of the live-reload script.
	skip := map[string]bool{"events": true}
	// scaffold writes a site's files, in which only its errors are messages.
	for dir, printers := range map[string]map[string]bool{".": printers, "../serve": printers, "../scaffold": errorsOnly} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range files {
			if strings.HasSuffix(p, "_test.go") {
				continue
			}
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, p, src, 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, decl := range f.Decls {
				fn, ok := decl.(*ast.FuncDecl)
				if !ok || skip[fn.Name.Name] {
					continue
				}
				ast.Inspect(fn, func(n ast.Node) bool {
					call, ok := n.(*ast.CallExpr)
					if !ok {
						return true
					}
					sel, ok := call.Fun.(*ast.SelectorExpr)
					if !ok || !printers[sel.Sel.Name] {
						return true
					}
					for _, a := range call.Args {
						lit, ok := a.(*ast.BasicLit)
						if !ok || lit.Kind != token.STRING {
							continue
						}
						s, _ := strconv.Unquote(lit.Value)
						if !wordless(s) {
							t.Errorf("%s: %q is printed in English whatever the site's language: write it with diag.P", fset.Position(lit.Pos()), s)
						}
					}
					return true
				})
			}
		}
	}
}
