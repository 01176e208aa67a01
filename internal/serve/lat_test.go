package serve

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestLatency(t *testing.T) {
	dir := t.TempDir()
	root := os.Getenv("SITE")
	for _, d := range []string{"site.toml", "data", "content", "templates", "node_modules/echarts/dist/echarts.common.min.js"} {
		src := filepath.Join(root, d)
		dst := filepath.Join(dir, d)
		os.MkdirAll(filepath.Dir(dst), 0o755)
		exec := func() {}
		_ = exec
		copyTree(src, dst)
	}
	s := New(dir, os.DirFS("../.."), io.Discard)
	s.Build()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Watch(ctx, 100*time.Millisecond)
	srv := httptest.NewServer(s)
	defer srv.Close()
	ev, _ := http.Get(srv.URL + "/_malekort/events")
	r := bufio.NewReader(ev.Body)
	r.ReadString('\n'); r.ReadString('\n')
	var times []time.Duration
	files, _ := filepath.Glob(filepath.Join(dir, "content/*/*/*.md"))
	f := files[0]
	for i := 0; i < 10; i++ {
		data, _ := os.ReadFile(f)
		start := time.Now()
		os.WriteFile(f, append(data, []byte("\nmer tekst\n")...), 0o644)
		for {
			line, _ := r.ReadString('\n')
			if strings.HasPrefix(line, "data: ") { break }
		}
		times = append(times, time.Since(start))
		time.Sleep(300 * time.Millisecond)
	}
	t.Log(times)
}

func copyTree(src, dst string) {
	filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil { return nil }
		rel, _ := filepath.Rel(src, p)
		q := filepath.Join(dst, rel)
		if info.IsDir() { os.MkdirAll(q, 0o755); return nil }
		b, _ := os.ReadFile(p)
		os.MkdirAll(filepath.Dir(q), 0o755)
		os.WriteFile(q, b, 0o644)
		return nil
	})
}
