package build

import (
	"os"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
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

// TestBuildWithInputErrorsPutsBackTheCollector: a build that stops at
// its input errors still puts the process's own setting back.
func TestBuildWithInputErrorsPutsBackTheCollector(t *testing.T) {
	handTuned(t)
	fsys, _ := siteFS(t, "testdata/errors/csv-bad-period.txtar")
	defer debug.SetGCPercent(debug.SetGCPercent(73))
	errs, err := Build(fsys, defaults, memOutput{})
	if errs == nil || err != nil {
		t.Fatalf("want input errors, got %v, %v", errs, err)
	}
	if p := gcPercent(); p != 73 {
		t.Errorf("GOGC is %d after a build with input errors, want the process's 73", p)
	}
}

// TestCollectorSetByHandIsLeftAlone: with GOGC set in the environment,
// a stage does not touch the collector.
func TestCollectorSetByHandIsLeftAlone(t *testing.T) {
	t.Setenv("GOGC", "73")
	defer debug.SetGCPercent(debug.SetGCPercent(73))
	if gc.begin(checkingPercent) {
		gc.end(false)
		t.Fatal("a stage took the collector's settings with GOGC set")
	}
	if p := gcPercent(); p != 73 {
		t.Errorf("GOGC is %d, want the 73 set by hand", p)
	}
}

// TestCollectorAimsAgainAfterACollection: a stage whose heap grows while
// it stays under the floor aims at the floor again from what the next
// collection finds alive, so that the collector still first runs at the
// floor, not past it.
func TestCollectorAimsAgainAfterACollection(t *testing.T) {
	handTuned(t)
	runtime.GC()
	if !gc.begin(checkingPercent) {
		t.Fatal("a stage did not get the collector's settings")
	}
	defer gc.end(false)
	first := gcPercent()
	alive := make([]byte, 64<<20)
	runtime.GC()
	// The stage learns of the collection from a cleanup, which runs on a
	// goroutine of its own after it.
	again := first
	for range 200 {
		if again = gcPercent(); again != first {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	runtime.KeepAlive(alive)
	live, scanned := heapSizes()
	if want := int((heapFloor - live) * 100 / scanned); again != want {
		t.Errorf("GOGC is %d after a collection found %d MB alive (%d before it), want %d: aimed at the floor of %d MB", again, live>>20, first, want, heapFloor>>20)
	}
}
