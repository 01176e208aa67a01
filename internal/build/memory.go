package build

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// heapFloor is the heap a stage lets grow before the garbage collector
// runs. Collecting a small heap at the usual twice the live heap would
// mark the same scores and model over and over; Go's compiler raises its
// starting heap for the same reason (AdjustStartingHeap in
// cmd/compile/internal/base). Past a point the floor costs more than it
// saves: each megabyte of heap never reused is fresh memory the kernel
// must fault in and zero, which a collection would have made reusable.
const heapFloor = 128 << 20

// minHeap is the heap below which Go does not collect at its usual
// settings (the live heap reads 0 before the first collection).
const minHeap = 4 << 20

// Checking holds every row of results and the scores made from them at
// once: the most memory a build holds. Past the floor, collecting at half
// the usual growth keeps the process's peak near them instead of twice
// them.
const (
	checkingPercent  = 50
	renderingPercent = 100
)

// collector holds the garbage collector's settings while a stage of a
// build runs, and puts back the process's own when it ends. A GOGC or
// GOMEMLIMIT set by hand is left alone, and so is a stage that starts
// while another owns the settings (tests build sites side by side).
type collector struct {
	mu      sync.Mutex
	owned   bool
	stage   int // counts stages, so that a late cleanup of an ended one does nothing
	floored bool
	percent int // the GOGC of the stage once the heap is past the floor
	before  int // the process's GOGC
}

var gc collector

// begin sets the collector for a stage that collects at percent past the
// floor. It reports whether the stage owns the settings; only then must
// it call end.
func (c *collector) begin(percent int) bool {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.owned {
		return false
	}
	c.owned, c.stage, c.percent = true, c.stage+1, percent
	var growth int
	growth, c.floored = c.aimAtFloor()
	c.before = debug.SetGCPercent(growth)
	return true
}

// aimAtFloor is the collector's growth (GOGC) at which its goal, the
// live heap and GOGC % of what it scans (the live heap, the stacks and
// the globals), is the floor. A memory limit would aim at the floor with
// one setting, but it has the runtime give memory back to the system as
// the heap nears it, only to take it again. Once the stage's own growth
// alone reaches the floor, it is that growth, and floored is false; a
// heap already past it (a server building a large site again) is
// collected as usual from the start.
func (c *collector) aimAtFloor() (growth int, floored bool) {
	live, scanned := heapSizes()
	if pastFloor(live, scanned, c.percent) {
		return c.percent, false
	}
	c.watch()
	return int((heapFloor - live) * 100 / scanned), true
}

// pastFloor is whether the usual growth, at percent, from a live heap of
// live bytes, scanned with the roots, reaches the floor: from then on the
// floor saves nothing.
func pastFloor(live, scanned uint64, percent int) bool {
	return live >= heapFloor || scanned >= (heapFloor-live)*100/uint64(percent)
}

// watch calls collected after the next collection: the cleanup of an
// object nothing refers to runs once a collection has found it.
func (c *collector) watch() {
	runtime.AddCleanup(new([32]byte), c.collected, c.stage) // 32 bytes: not in a tiny block that outlives it
}

// collected leaves the floor once the heap found alive has grown past it,
// and watches the next collection until then.
func (c *collector) collected(stage int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.owned || !c.floored || stage != c.stage {
		return
	}
	var growth int
	growth, c.floored = c.aimAtFloor()
	debug.SetGCPercent(growth)
}

// end puts back the process's settings. collect says to collect then, so
// that the next stage aims from what is alive after this one, not from
// the live heap before it, beside all of this one's garbage: the first
// allocation of the next stage would start a collection that its aim
// cannot follow (a collection under way when a stage begins finds the
// stage's watch alive).
func (c *collector) end(collect bool) {
	c.mu.Lock()
	c.owned, c.floored = false, false
	debug.SetGCPercent(c.before)
	c.mu.Unlock()
	if collect {
		runtime.GC()
	}
}

// heapSizes are the heap the last collection found alive, at least Go's
// smallest heap goal (the live heap reads 0 before the first collection),
// and what the collector scans: that heap, the stacks and the globals.
func heapSizes() (live, scanned uint64) {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/scan/stack:bytes"}, {Name: "/gc/scan/globals:bytes"}}
	metrics.Read(s)
	for _, m := range s {
		if m.Value.Kind() != metrics.KindUint64 {
			return math.MaxUint64, math.MaxUint64
		}
	}
	live = max(s[0].Value.Uint64(), minHeap)
	return live, live + s[1].Value.Uint64() + s[2].Value.Uint64()
}
