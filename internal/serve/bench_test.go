package serve

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/malekort/malekort/internal/synth"
)

// BenchmarkCommentaryEditNAV times what a leader waits for in serve at
// NAV's size: from saving a commentary file to the open page being told to
// reload and fetching the new page (the browser's own work aside),
// including the wait serve makes for an editor's burst of writes to end.
func BenchmarkCommentaryEditNAV(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "site")
	if err := synth.Write(dir, synth.NAV, 1, ""); err != nil {
		b.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "node_modules/echarts/dist"), 0o755)
	os.WriteFile(filepath.Join(dir, "node_modules/echarts/dist/echarts.common.min.js"), []byte("/* echarts */"), 0o644)
	os.MkdirAll(filepath.Join(dir, "node_modules/minisearch/dist/umd"), 0o755)
	os.WriteFile(filepath.Join(dir, "node_modules/minisearch/dist/umd/index.js"), []byte("/* minisearch */"), 0o644)
	files, _ := filepath.Glob(filepath.Join(dir, "content/*/*/*.md"))
	if len(files) == 0 {
		b.Fatal("no commentary")
	}
	file := files[0]
	rel, _ := filepath.Rel(filepath.Join(dir, "content"), filepath.Dir(file))
	src, _ := os.ReadFile(file)

	said := make(chan struct{}, 16)
	s := New(dir, os.DirFS("../.."), told(said))
	s.Build()
	<-said
	b.Cleanup(s.Watch(b.Context(), 25*time.Millisecond))
	srv := httptest.NewServer(s)
	b.Cleanup(srv.Close) // after the event stream closes: cleanups run last first
	page := "/" + filepath.ToSlash(rel) + "/commentary.html"
	next := events(b, srv.URL, page)
	next()
	page = srv.URL + page
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		mark := fmt.Sprintf("Lagret %d.", i)
		os.WriteFile(file, append(src, "\n"+mark+"\n"...), 0o644)
		if ev := next(); !strings.Contains(ev, `"errors":null`) {
			b.Fatal(ev)
		}
		resp, err := http.Get(page)
		if err != nil {
			b.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !strings.Contains(string(body), mark) {
			b.Fatalf("%s does not show the edit", page)
		}
		// A leader saves again seconds later, when serve has long
		// finished the pages that gather this edit too.
		b.StopTimer()
		<-said
		b.StartTimer()
	}
}

// told is a log that sends on said each time serve says that it built or
// updated the site; its notices, printed before that, it passes by.
type told chan struct{}

func (t told) Write(p []byte) (int, error) {
	if !bytes.HasPrefix(p, []byte("malekort: ")) {
		return len(p), nil
	}
	select {
	case t <- struct{}{}:
	default:
	}
	return len(p), nil
}
