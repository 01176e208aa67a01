// Package serve previews a site while it is edited: it builds the site into
// memory, serves it on 127.0.0.1, updates it when an input or template
// changes (an edit to commentary re-renders only the pages that show it)
// and tells open pages to reload. A build with input errors keeps the last
// good site served and shows the errors over the page and in the
// terminal; the next good build clears them. A site that has never built
// answers every page with its errors, and the page reloads into the site
// once they are fixed.
package serve

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"maps"
	"mime"
	"net/http"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/malekort/malekort/internal/build"
	"github.com/malekort/malekort/internal/config"
	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/load"
	"github.com/malekort/malekort/internal/locale"
)

// Server is a preview of one site folder.
type Server struct {
	source   string
	defaults fs.FS
	log      io.Writer

	// Only the goroutine that builds touches these.
	checked *build.Checked  // what the last good build was made from
	dirty   map[string]bool // files changed since the last good build
	loc     *locale.Locale  // the site's language, as its last build read it

	mu      sync.Mutex
	site    map[string][]byte
	errors  []string       // the last build's input errors; empty when it succeeded
	shown   *locale.Locale // the site's language, for malekort's own pages
	version int            // counts builds, so pages know when to reload
	built   int            // the version of the last whole build
	touched map[string]int // the version in which each page changed since
	changed chan struct{}
}

// New returns a server for the site in source. Call Build once before
// serving, then Watch.
func New(source string, defaults fs.FS, log io.Writer) *Server {
	return &Server{source: source, defaults: defaults, log: log, dirty: map[string]bool{}, touched: map[string]int{}, changed: make(chan struct{}),
		// Until the first build says otherwise.
		shown: locale.New(build.Language(os.DirFS(source)))}
}

// memOutput collects a build in memory.
type memOutput struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (m *memOutput) Put(name string, parts ...[]byte) error {
	return m.PutEach(name, slices.Values(parts))
}

func (m *memOutput) PutEach(name string, parts iter.Seq[[]byte]) error {
	var data []byte
	for part := range parts {
		data = append(data, part...)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[name] = data
	return nil
}

// Build builds the whole site and, if it has no errors, serves it.
func (s *Server) Build() {
	start := time.Now()
	src := os.DirFS(s.source)
	s.loc = locale.New(build.Language(src))
	out := &memOutput{files: map[string][]byte{}}
	c, errs := build.Check(src, s.defaults)
	var err error
	if errs == nil {
		errs, err = c.Render(src, out)
		s.notify(c.Notices)
	} else {
		var notices diag.List
		errs, notices = errs.Split()
		s.notify(notices)
	}
	if messages := s.messages(src, errs, err); messages != nil {
		s.publishErrors(messages)
		return
	}
	s.checked = c
	clear(s.dirty)
	s.publishSite(out.files)
	s.say(diag.P("built in %d ms", time.Since(start).Milliseconds()))
}

// Update brings the site up to date after the files at changed (slash
// paths relative to the source folder) were written, created or removed.
// When the changes since the last good build are all to commentary, it
// re-reads those files and re-renders only the pages that show them;
// otherwise it builds the whole site.
func (s *Server) Update(changed []string) {
	for _, p := range changed {
		if s.affects(p) {
			s.dirty[p] = true
		}
	}
	if len(s.dirty) == 0 {
		return
	}
	paths := slices.Sorted(maps.Keys(s.dirty))
	if s.checked == nil || !all(paths, load.IsCommentary) {
		s.Build()
		return
	}
	start := time.Now()
	src := os.DirFS(s.source)
	next, edit, errs, ok := s.checked.EditCommentary(src, paths)
	if !ok {
		s.Build()
		return
	}
	if errs != nil {
		errs, notices := errs.Split()
		s.notify(notices)
		s.publishErrors(s.messages(src, errs, nil))
		return
	}
	out := &memOutput{files: map[string][]byte{}}
	s.mu.Lock()
	before := s.site
	site := maps.Clone(before)
	s.mu.Unlock()
	updated := 0
	errs, err := next.RenderEdit(edit, out, func(page string) []byte { return before[page] }, func(pages []string) {
		for _, p := range pages {
			delete(site, p)
		}
		maps.Copy(site, out.files)
		updated += len(out.files)
		clear(out.files)
		s.publishPages(maps.Clone(site), pages)
	})
	if errs != nil || err != nil {
		// A round may already be on show: the last good site comes back
		// whole, so that no page shows an edit its neighbours do not.
		s.publishSite(before)
		s.publishErrors(s.messages(src, errs, err))
		return
	}
	s.checked = next
	clear(s.dirty)
	s.notify(next.EditNotices())
	s.say(diag.P("updated %d pages in %d ms", updated, time.Since(start).Milliseconds()))
}

// say logs msg in the site's language.
func (s *Server) say(msg diag.Phrase) {
	fmt.Fprintf(s.log, "malekort: %s\n", diag.OneLine(msg.In(s.loc)))
}

// notify logs notices in the site's language, as build prints them.
func (s *Server) notify(notices diag.List) {
	for _, n := range notices.In(s.loc) {
		fmt.Fprintf(s.log, "%s: %s\n", s.loc.T("notice"), diag.OneLine(n.Error()))
	}
}

// affects reports whether a change to the file at p can change the site.
// Editors and spreadsheet programs leave lock, swap and backup files
// beside the ones they edit (hidden ones, or named x.md~ or 4913); the
// build reads none of them.
func (s *Server) affects(p string) bool {
	ext := strings.ToLower(path.Ext(p))
	switch {
	case load.Hidden(p):
		return false
	case p == config.Path || strings.HasPrefix(p, load.TemplateDir+"/"):
		return true
	case strings.HasPrefix(p, "data/"):
		return ext == ".toml" || ext == ".csv"
	case strings.HasPrefix(p, load.ContentDir+"/"):
		if ext == ".md" || s.checked == nil {
			return true
		}
		// Of the other files there, only those a text uses are published.
		_, used := s.checked.Site.Files[strings.TrimPrefix(p, load.ContentDir+"/")]
		return used
	}
	return false
}

func all(list []string, f func(string) bool) bool {
	for _, x := range list {
		if !f(x) {
			return false
		}
	}
	return true
}

// messages are a build's errors as the overlay and the log show them:
// input errors in the site's language, after a heading.
func (s *Server) messages(src fs.FS, errs diag.List, err error) []string {
	if errs == nil && err == nil {
		return nil
	}
	m := []string{""}
	for _, e := range errs.In(s.loc) {
		m = append(m, diag.OneLine(e.Error()))
	}
	if err != nil {
		m = append(m, diag.OneLine(err.Error()))
	}
	heading := "serve.errors"
	if s.site == nil {
		heading = "serve.errors.first"
	}
	n := errs.Count()
	if err != nil {
		n++
	}
	m[0] = strings.ReplaceAll(s.loc.T(heading), "{errors}", s.loc.Count(n, "input.error"))
	return m
}

// publishSite serves site, a whole build: every open page reloads.
func (s *Server) publishSite(site map[string][]byte) {
	s.publish(func() {
		s.site, s.errors = site, nil
		s.built = s.version
		clear(s.touched)
	})
}

// publishPages serves site, in which only pages changed: the open pages
// among them reload, and no other page does, even when pages is empty.
func (s *Server) publishPages(site map[string][]byte, pages []string) {
	s.publish(func() {
		s.site, s.errors = site, nil
		for _, p := range pages {
			s.touched[p] = s.version
		}
	})
}

// publishErrors keeps serving the last good site and shows errors.
func (s *Server) publishErrors(errors []string) {
	// Before the pages hear of it: the terminal says it first.
	fmt.Fprintf(s.log, "%s\nmalekort: %s\n", strings.Join(errors[1:], "\n"), errors[0])
	s.publish(func() { s.errors = errors })
}

// publish makes a new version of what is served, as change sets it, and
// tells the open pages.
func (s *Server) publish(change func()) {
	s.mu.Lock()
	s.version++
	change()
	s.shown = s.loc
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
}

// pageVersion is the version of the site in which page last changed: an
// open page reloads when it changes, and not for an edit to other pages.
// Before any build succeeded every page is the errors, and follows every
// build.
func (s *Server) pageVersion(page string) int {
	if s.site == nil || page == "" {
		return s.version
	}
	return max(s.built, s.touched[page])
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
	name := pageName(r.URL.Path)
	s.mu.Lock()
	data, ok := s.site[name]
	built, errors, loc, version, pageVersion := s.site != nil, s.errors, s.shown, s.version, s.pageVersion(name)
	s.mu.Unlock()
	if !built {
		// No build has succeeded yet: every page is the errors, and
		// reloads into the site once they are fixed.
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		errorPage(loc.Lang, errors, version).Render(r.Context(), w)
		return
	}
	if !ok {
		// In the site's language, with the way home; it reloads into the
		// page should a build make it.
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusNotFound)
		notFoundPage(loc, r.URL.Path, pageVersion).Render(r.Context(), w)
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
		// The element is spliced into the built page's bytes, so it is a
		// string here rather than a component of the site's. It names the
		// version of the page served: a change published before the page's
		// events begin would otherwise be the version the page takes for
		// its own, and it would never reload into it.
		data = bytes.Replace(data, []byte("</body>"), []byte(`<script src="`+scriptPath+`" data-malekort-version="`+strconv.Itoa(pageVersion)+`"></script></body>`), 1)
	}
	w.Write(data)
}

// pageName is the file of the site a URL path asks for.
func pageName(urlPath string) string {
	name := strings.TrimPrefix(path.Clean(urlPath), "/")
	if name == "" || strings.HasSuffix(urlPath, "/") {
		name = path.Join(name, "index.html")
	}
	return name
}

// state is what a page's script is told: the build it shows and the
// errors of the last build.
type state struct {
	Version int      `json:"version"`
	Errors  []string `json:"errors"`
}

// events streams the state to a page (server-sent events): now, and after
// every build. A page names itself in ?page= (its URL path), and is told
// the version in which it last changed.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	page := ""
	if p := r.URL.Query().Get("page"); p != "" {
		page = pageName(p)
	}
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	var told []byte
	for {
		s.mu.Lock()
		st := state{Version: s.pageVersion(page), Errors: s.errors}
		changed := s.changed
		s.mu.Unlock()
		if data, _ := json.Marshal(st); !bytes.Equal(data, told) {
			fmt.Fprintf(w, "data: %s\n\n", data)
			flusher.Flush()
			told = data
		}
		select {
		case <-r.Context().Done():
			return
		case <-changed:
		}
	}
}

// errorText is the errors as the error page shows them: the first as a
// heading, the others below.
func errorText(errors []string) string {
	if len(errors) == 0 {
		return ""
	}
	return "malekort: " + errors[0] + "\n\n" + strings.Join(errors[1:], "\n")
}

// overlayStyle places the errors over the page.
const overlayStyle = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;margin:0;padding:1rem;background:#450a0a;color:#fff;font:14px/1.4 monospace;white-space:pre-wrap;z-index:9999"

// liveScript reloads the page after a good build and shows a build's errors
// over the page, since a leader editing commentary may not watch the
// terminal.
const liveScript = `(function () {
  var me = document.currentScript;
  var shown = me && me.hasAttribute("data-malekort-version") ? +me.getAttribute("data-malekort-version") : null;
  var source = new EventSource("` + eventsPath + `?page=" + encodeURIComponent(location.pathname));
  source.onmessage = function (e) {
    var st = JSON.parse(e.data);
    if (shown === null) shown = +(document.documentElement.getAttribute("data-malekort-version") || st.version);
    var box = document.getElementById("malekort-errors");
    if (st.errors && st.errors.length) {
      if (!box) {
        box = document.createElement("pre");
        box.id = "malekort-errors";
        box.setAttribute("role", "alert");
        box.style.cssText = "` + overlayStyle + `";
        document.body.appendChild(box);
      }
      box.textContent = "malekort: " + st.errors[0] + "\n\n" + st.errors.slice(1).join("\n");
      return;
    }
    if (box) box.remove();
    if (st.version !== shown) location.reload();
  };
})();
`
