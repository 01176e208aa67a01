package cli

import (
	"context"
	"errors"
	"flag"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/serve"
)

// settle is how long serve waits after a change for more before it
// updates the site: an editor's save is a few writes in a row.
const settle = 25 * time.Millisecond

func serveFlags(fs *flag.FlagSet) {
	fs.String("source", ".", help("the site `folder`"))
	fs.Int("port", 1318, help("the `port` on 127.0.0.1 (0 picks a free one)"))
}

func runServe(args []string, defaults fs.FS, stdout, stderr io.Writer) int {
	r, code, done := begin("serve", args, stdout, stderr)
	if done {
		return code
	}
	source := r.flag("source")
	port, _ := strconv.Atoi(r.flag("port"))
	if !r.sourceDir() {
		return UsageError
	}
	if port < 0 || port > 65535 {
		r.fail(diag.P("--port %d is not a port: give one from 1024 to 65535, or 0 for a free one", port))
		return UsageError
	}
	// Only this machine may see the preview: it shows unpublished commentary.
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	switch {
	case portInUse(err):
		r.fail(diag.P("port %d is in use, perhaps by a malekort serve already running: open its address, stop it, or give another port with --port", port))
		return UsageError
	case portRefused(err):
		r.fail(diag.P("port %d needs an administrator's rights here: give one from 1024 to 65535 with --port", port))
		return UsageError
	case err != nil:
		r.fail(err)
		return UsageError
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	s := serve.New(source, defaults, stderr)
	s.Build()
	// Not waited for: serve keeps the site in memory, so an update under
	// way when it stops leaves nothing behind, and a full rebuild of a
	// large site would hold up Ctrl+C for seconds.
	s.Watch(ctx, settle)
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	r.tell(diag.P("serving http://%s/ (Ctrl+C stops)", ln.Addr()))
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		r.fail(err)
		return Failure
	}
	return OK
}
