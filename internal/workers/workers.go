// Package workers runs independent pieces of work on every processor.
package workers

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls f(0) … f(n-1), as many at once as there are processors, and
// returns when all have returned. Callers that keep results by i get them
// in order, whatever order the calls ran in.
func Each(n int, f func(i int)) {
	// Workers take the next i themselves: handing each out over a channel
	// cost a goroutine switch per file when reading thousands of them.
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		})
	}
	wg.Wait()
}
