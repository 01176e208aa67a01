package serve

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/malekort/malekort/internal/config"
	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/load"
)

// watched are the site's inputs: site.toml in the folder itself, and the
// folders below.
var watched = []string{"data", load.ContentDir, load.TemplateDir}

// Watch starts watching the site's files and returns; from then until ctx
// ends it updates the site whenever they change. The watches are in place
// when it returns, so that no change made after it is missed. The
// system's file events say which files changed, so that an edit to
// commentary re-renders only its pages. A change waits until settle has
// passed without another, so that an editor's burst of writes (a temporary
// file, a rename, an autosave every few keystrokes) makes one update.
// Where file events are not to be had, it polls and rebuilds the site.
// wait returns once ctx has ended and an update under way has finished
// (a test waits, so that no update runs on in a folder it removes).
func (s *Server) Watch(ctx context.Context, settle time.Duration) (wait func()) {
	var watching sync.WaitGroup
	w, err := s.watch()
	if err != nil {
		s.say(diag.P("looking for changes every %v (%v)", pollInterval, err))
		// The files as they are now, before returning: a change saved
		// between the return and the first look must differ from them.
		before := s.signature()
		watching.Go(func() { s.poll(ctx, before) })
		return watching.Wait
	}
	watching.Go(func() {
		defer w.Close()
		s.loop(ctx, w, settle)
	})
	return watching.Wait
}

// loop updates the site from w's events until ctx ends.
func (s *Server) loop(ctx context.Context, w *fsnotify.Watcher, settle time.Duration) {
	changed := map[string]bool{}
	quiet := time.NewTimer(settle)
	quiet.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-w.Events:
			if ev.Op == fsnotify.Chmod {
				continue
			}
			rel, ok := s.rel(ev.Name)
			if !ok {
				continue
			}
			if ev.Has(fsnotify.Create) && isInput(rel) {
				if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
					// Files may land in a new folder before it is
					// watched: count them all as changed.
					s.addTree(w, ev.Name, changed)
				}
			}
			changed[rel] = true
			quiet.Reset(settle)
		case err := <-w.Errors:
			// Events were lost (the queue overflowed): what changed is
			// unknown, so everything is read again.
			s.say(diag.P("%v; rebuilding the site", err))
			changed[config.Path] = true
			quiet.Reset(settle)
		case <-quiet.C:
			s.Update(slices.Sorted(maps.Keys(changed)))
			clear(changed)
		}
	}
}

// watch starts watching the source folder and every folder of its inputs.
func (s *Server) watch() (*fsnotify.Watcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	if err := w.Add(s.source); err != nil {
		w.Close()
		return nil, err
	}
	for _, dir := range watched {
		if err := s.addTree(w, filepath.Join(s.source, dir), nil); err != nil {
			w.Close()
			return nil, err
		}
	}
	return w, nil
}

// addTree watches dir and the folders below it, adding the files in them
// to changed when it is not nil.
func (s *Server) addTree(w *fsnotify.Watcher, dir string, changed map[string]bool) error {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return w.Add(p)
		}
		if rel, ok := s.rel(p); ok && changed != nil {
			changed[rel] = true
		}
		return nil
	})
	if os.IsNotExist(err) {
		// A folder created later is picked up by the watch on the source.
		return nil
	}
	return err
}

// isInput reports whether rel is in one of the input folders. Others
// (public/, node_modules/) may hold thousands of folders to no purpose.
func isInput(rel string) bool {
	top, _, _ := strings.Cut(rel, "/")
	return slices.Contains(watched, top)
}

// rel is p relative to the source folder, slash-separated.
func (s *Server) rel(p string) (string, bool) {
	r, err := filepath.Rel(s.source, p)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

// pollInterval is how often poll looks for changed files.
const pollInterval = 250 * time.Millisecond

// poll rebuilds the site when a look at its files finds them changed from
// last and the next look finds no more.
func (s *Server) poll(ctx context.Context, last string) {
	pending := false
	t := time.NewTicker(pollInterval)
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

// signature sums up every input file's name, size and time. It needs no
// file events, so it works on network shares too.
func (s *Server) signature() string {
	var b strings.Builder
	for _, root := range append([]string{config.Path}, watched...) {
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
