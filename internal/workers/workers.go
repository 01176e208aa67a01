// Package workers runs independent pieces of work on every processor.
package workers

import (
	"runtime"
	"sync"
)

// Each calls f(0) … f(n-1), as many at once as there are processors, and
// returns when all have returned. Callers that keep results by i get them
// in order, whatever order the calls ran in.
func Each(n int, f func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
