// Package serve previews a site while it is edited: it builds the site into
// memory, serves it on 127.0.0.1, rebuilds when an input or template
// changes and tells open pages to reload. A build with input errors keeps
// the last good site served and shows the errors over the page and in the
// terminal; the next good build clears them.
package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/malekort/malekort/internal/build"
)

// Server is a preview of one site folder.
type Server struct {
	source   string
	defaults fs.FS
	log      io.Writer

	mu      sync.Mutex
	site    map[string][]byte
	errors  []string // the last build's input errors; empty when it succeeded
	version int      // counts builds, so pages know when to reload
	changed chan struct{}
}

// New returns a server for the site in source. Call Build once before
// serving, then Watch.
func New(source string, defaults fs.FS, log io.Writer) *Server {
	return &Server{source: source, defaults: defaults, log: log, changed: make(chan struct{})}
}

// memOutput collects a build in memory.
type memOutput struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (m *memOutput) Put(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[name] = bytes.Clone(data)
	return nil
}

// Build builds the site and, if it has no errors, serves the new one.
func (s *Server) Build() {
	start := time.Now()
	out := &memOutput{files: map[string][]byte{}}
	errs, err := build.Build(os.DirFS(s.source), s.defaults, out)
	var messages []string
	for _, e := range errs {
		messages = append(messages, e.Error())
	}
	if err != nil {
		messages = append(messages, err.Error())
	}
	s.mu.Lock()
	if messages == nil {
		s.site = out.files
	}
	s.errors = messages
	s.version++
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
	if messages != nil {
		fmt.Fprintf(s.log, "%s\nmalekort: %d input errors; still serving the last good site\n", strings.Join(messages, "\n"), len(messages))
		return
	}
	fmt.Fprintf(s.log, "malekort: built in %d ms\n", time.Since(start).Milliseconds())
}

// Watch rebuilds whenever the site's files change, until ctx ends. Changes
// are looked for every interval; a rebuild waits until a check finds
// nothing new, so an editor's burst of saves makes one rebuild.
func (s *Server) Watch(ctx context.Context, interval time.Duration) {
	last := s.signature()
	pending := false
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		sig := s.signature()
		switch {
		case sig != last:
			last, pending = sig, true
		case pending:
			pending = false
			s.Build()
		}
	}
}

// signature sums up every input file's name, size and time. Polling this
// needs no platform's file events and works on network shares too.
func (s *Server) signature() string {
	var b strings.Builder
	for _, root := range []string{"site.toml", "data", "content", "templates"} {
		filepath.WalkDir(filepath.Join(s.source, root), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if info, err := d.Info(); err == nil {
				fmt.Fprintf(&b, "%s %d %d\n", p, info.Size(), info.ModTime().UnixNano())
			}
			return nil
		})
	}
	return b.String()
}

const (
	eventsPath = "/_malekort/events"
	scriptPath = "/_malekort/live.js"
)

// ServeHTTP serves the site, the live-reload script and its events.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case eventsPath:
		s.events(w, r)
		return
	case scriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		io.WriteString(w, liveScript)
		return
	}
	name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
	if name == "" || strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
	}
	s.mu.Lock()
	data, ok := s.site[name]
	s.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	if strings.HasSuffix(name, ".html") {
		// Every page gets the live-reload script; the built site does not.
		data = bytes.Replace(data, []byte("</body>"), []byte(`<script src="`+scriptPath+`"></script></body>`), 1)
	}
	w.Write(data)
}

// state is what a page's script is told: the build it shows and the
// errors of the last build.
type state struct {
	Version int      `json:"version"`
	Errors  []string `json:"errors"`
}

// events streams the state to a page (server-sent events): now, and after
// every build.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	for {
		s.mu.Lock()
		st := state{Version: s.version, Errors: s.errors}
		changed := s.changed
		s.mu.Unlock()
		data, _ := json.Marshal(st)
		fmt.Fprintf(w, "data: %s\n\n", data)
		flusher.Flush()
		select {
		case <-r.Context().Done():
			return
		case <-changed:
		}
	}
}

// liveScript reloads the page after a good build and shows a build's errors
// over the page, since a leader editing commentary may not watch the
// terminal.
const liveScript = `(function () {
  var shown = null;
  var source = new EventSource("` + eventsPath + `");
  source.onmessage = function (e) {
    var st = JSON.parse(e.data);
    if (shown === null) shown = st.version;
    var box = document.getElementById("malekort-errors");
    if (st.errors && st.errors.length) {
      if (!box) {
        box = document.createElement("pre");
        box.id = "malekort-errors";
        box.setAttribute("role", "alert");
        box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;margin:0;padding:1rem;background:#450a0a;color:#fff;font:14px/1.4 monospace;white-space:pre-wrap;z-index:9999";
        document.body.appendChild(box);
      }
      box.textContent = "malekort: the site has input errors; this page is the last good build.\n\n" + st.errors.join("\n");
      return;
    }
    if (box) box.remove();
    if (st.version !== shown) location.reload();
  };
})();
`
