package build

import (
	"os"
	"runtime"
	"runtime/debug"
	"testing"
)

// handTuned skips a test of the collector's settings when GOGC or
// GOMEMLIMIT is set, which a build leaves alone.
func handTuned(t *testing.T) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT is set: a build leaves the collector alone")
	}
}

// gcPercent reads the process's GOGC.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// TestBuildCollectsFromTheFloor builds a small site, which allocates far
// less than the floor: the collector runs once, when checking is done,
// and the process's own setting is back when the build is done.
func TestBuildCollectsFromTheFloor(t *testing.T) {
	handTuned(t)
	fsys, _ := siteFS(t, "testdata/sites/basic.txtar")
	defer debug.SetGCPercent(debug.SetGCPercent(73))
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	errs, err := Build(fsys, defaults, memOutput{})
	runtime.ReadMemStats(&after)
	if errs != nil || err != nil {
		t.Fatal(errs, err)
	}
	if n := after.NumGC - before.NumGC; n != 1 {
		t.Errorf("the collector ran %d times while a build allocated %d MB, under the floor of %d MB; want once, after checking", n, (after.TotalAlloc-before.TotalAlloc)>>20, heapFloor>>20)
	}
	if p := gcPercent(); p != 73 {
		t.Errorf("GOGC is %d after a build, want the process's 73", p)
	}
}

// TestHeapPastTheFloorIsCollectedAsUsual holds more alive than the floor
// is worth at the checking stage's growth: the stage collects at that
// growth from the start.
func TestHeapPastTheFloorIsCollectedAsUsual(t *testing.T) {
	handTuned(t)
	alive := make([]byte, heapFloor*100/(100+checkingPercent)+1<<20)
	runtime.GC()
	if !gc.begin(checkingPercent) {
		t.Fatal("a stage did not get the collector's settings")
	}
	p := gcPercent()
	gc.end(false)
	runtime.KeepAlive(alive)
	if p != checkingPercent {
		t.Errorf("GOGC is %d with %d MB alive, want the checking stage's %d", p, len(alive)>>20, checkingPercent)
	}
}
