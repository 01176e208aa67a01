package locale

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestWordsOfTheCode: every key the code and the templates name where they
// ask for a word has one in each language, and each language has the same
// keys. Keys made at run time are the build's to check
// (TestEveryWordTranslated in internal/build).
func TestWordsOfTheCode(t *testing.T) {
	keys := codeKeys(t)
	if len(keys) < 100 {
		t.Fatalf("found %d keys in the code; the scan has lost them", len(keys))
	}
	for _, lang := range Languages {
		for key, at := range keys {
			if _, ok := dictionary[lang][key]; !ok {
				t.Errorf("%s: %s asks for %q, which has no word", lang, at, key)
			}
		}
		for key := range dictionary["en"] {
			if _, ok := dictionary[lang][key]; !ok {
				t.Errorf("%s has no word for %q, which en has", lang, key)
			}
		}
	}
}

// templateKey is a word a template asks for: {{t "key"}}.
var templateKey = regexp.MustCompile(`\bt "([^"]+)"`)

// codeKeys are the keys named in calls of T and t (the components' word
// writer), in each string literal of their key argument, and in the
// templates, each with where it is named.
func codeKeys(t *testing.T) map[string]string {
	keys := map[string]string{}
	err := filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			fn, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || fn.Sel.Name != "T" && fn.Sel.Name != "t" {
				return true
			}
			// The key is the last argument; a literal added to something
			// is a key's prefix, not a key.
			ast.Inspect(call.Args[len(call.Args)-1], func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.BinaryExpr:
					return false
				case *ast.BasicLit:
					if n.Kind == token.STRING {
						key, _ := strconv.Unquote(n.Value)
						keys[key] = fset.Position(n.Pos()).String()
					}
				}
				return true
			})
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	pages, _ := filepath.Glob("../../templates/*.html")
	for _, p := range pages {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range templateKey.FindAllStringSubmatch(string(src), -1) {
			keys[m[1]] = p
		}
	}
	return keys
}
