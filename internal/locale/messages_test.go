package locale

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Every input error and notice the code can write has a translation in
// each Norwegian language, which takes the same arguments with the same
// verbs, and the catalogue holds nothing the code no longer writes.
func TestMessagesAreTranslated(t *testing.T) {
	formats := sourceFormats(t)
	if len(formats) < 100 {
		t.Fatalf("found %d message formats in the source; the scan has lost them", len(formats))
	}
	for _, lang := range []string{"nb", "nn"} {
		l := New(lang)
		for format := range formats {
			tr, ok := messages[lang][format]
			if !ok {
				t.Errorf("%s: no translation of %q", lang, format)
				continue
			}
			args, shown := sampleArgs(format)
			got := fmt.Sprintf(l.Message(format), args...)
			if strings.Contains(got, "%!") {
				t.Errorf("%s: %q does not take the arguments of %q: %s", lang, tr, format, got)
			}
			for _, s := range shown {
				if !strings.Contains(got, s) {
					t.Errorf("%s: %q leaves out %s, an argument of %q", lang, tr, s, format)
				}
			}
		}
		for format := range messages[lang] {
			if !formats[format] {
				t.Errorf("%s: %q is translated, but no code writes it", lang, format)
			}
		}
	}
	if got := New("en").Message("goal %q has no title: add title = \"…\""); got != "goal %q has no title: add title = \"…\"" {
		t.Errorf("en changes a message: %q", got)
	}
}

var (
	verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)
	word = regexp.MustCompile(`\pL`)
)

// sampleArgs are arguments for format, one of the type each verb wants,
// and each as the format shows it.
func sampleArgs(format string) (args []any, shown []string) {
	for _, v := range verb.FindAllString(format, -1) {
		if v == "%%" {
			continue
		}
		n := len(args) + 1
		var a any
		switch v[len(v)-1] {
		case 'd':
			a = 1000 + n
		case 'f':
			a = 100.25 + float64(n)
		default:
			a = fmt.Sprintf("arg%d", n)
		}
		args = append(args, a)
		shown = append(shown, fmt.Sprintf(v, a))
	}
	return args, shown
}

// sourceFormats are the message formats the code writes: the string
// literals given to diag's Add, AddNotice and P, to a results table's add,
// to outside's pick, to cli's help, and the constants named format.
func sourceFormats(t *testing.T) map[string]bool {
	formats := map[string]bool{}
	keep := func(lit ast.Expr) {
		b, ok := lit.(*ast.BasicLit)
		if !ok || b.Kind != token.STRING {
			return
		}
		s, err := strconv.Unquote(b.Value)
		if err != nil {
			t.Fatal(err)
		}
		// A format without words of its own passes text on untranslated.
		if word.MatchString(verb.ReplaceAllString(s, "")) {
			formats[s] = true
		}
	}
	err := filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if name.Name == "format" && i < len(n.Values) {
						keep(n.Values[i])
					}
				}
			case *ast.CallExpr:
				name := ""
				switch fn := n.Fun.(type) {
				case *ast.SelectorExpr:
					name = fn.Sel.Name
				case *ast.Ident:
					name = fn.Name
				}
				literals := map[string]int{"Add": 1, "AddNotice": 1, "add": 1, "P": 1, "pick": 2, "help": 1}[name]
				for _, a := range n.Args {
					if b, ok := a.(*ast.BasicLit); ok && b.Kind == token.STRING && literals > 0 {
						keep(b)
						literals--
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return formats
}
