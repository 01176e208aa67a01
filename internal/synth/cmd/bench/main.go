// Command bench times malekort building a synthetic site as whole
// processes, from a cold start, as people run it:
//
//	go build -o /tmp/malekort . && go run ./internal/synth/cmd/bench -malekort /tmp/malekort -size nav
//
// It reports wall time, CPU time and peak memory of each run (best and
// median), the output's size, and the floor: copying the finished output
// with cp -r.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/malekort/malekort/internal/synth"
)

type run struct {
	wall, cpu time.Duration
	peakMiB   float64
}

func main() {
	malekort := flag.String("malekort", "", "the malekort binary to time")
	size := flag.String("size", "nav", "nav, large or small")
	runs := flag.Int("runs", 5, "how many builds to time")
	nodeModules := flag.String("node-modules", "node_modules", "the folder of npm's installs whose ECharts and MiniSearch the site ships")
	flag.Parse()
	s, ok := synth.Sizes[*size]
	if !ok || *malekort == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := bench(*malekort, *size, s, *runs, *nodeModules); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func bench(malekort, name string, size synth.Size, runs int, nodeModules string) error {
	tmp, err := os.MkdirTemp("", "malekort-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	site := filepath.Join(tmp, "site")
	if err := synth.Write(site, size, 1, nodeModules); err != nil {
		return err
	}
	fmt.Printf("size %s: %d counties, %d offices, %d goals, %d months, commentary on %.0f %% of office-months\n",
		name, size.Counties, size.Offices, size.Goals, size.Months, size.Commentary*100)
	var results []run
	var out string
	// Each run writes a new folder, and the folders are deleted only at
	// the end: ext4 without a journal skips inodes freed in the last
	// minute when it creates files (fs/ext4/ialloc.c, recently_deleted),
	// scanning past each of them, so deleting one run's files just before
	// the next would slow the next one's. For the same reason the runs
	// begin once the files deleted before the bench (an earlier bench's,
	// at its end) are no longer recent: otherwise of two benches run one
	// after the other the second would be the slower, whichever binary it
	// timed.
	settle()
	time.Sleep(recent)
	for i := range runs {
		out = filepath.Join(tmp, fmt.Sprintf("public-%d", i+1))
		settle()
		r, err := timed(exec.Command(malekort, "build", "--source", site, "--out", out))
		if err != nil {
			return err
		}
		fmt.Printf("run %d: wall %.2f s, cpu %.2f s, peak %.0f MiB\n", i+1, r.wall.Seconds(), r.cpu.Seconds(), r.peakMiB)
		results = append(results, r)
	}
	files, bytes, officeBytes, offices := 0, int64(0), int64(0), 0
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, _ := d.Info()
		files++
		bytes += info.Size()
		// An office page is <county>/<office>/index.html.
		if rel, _ := filepath.Rel(out, p); filepath.Base(rel) == "index.html" && depth(rel) == 3 && !strings.HasPrefix(rel, "goals") {
			officeBytes += info.Size()
			offices++
		}
		return nil
	})
	settle()
	floor, err := timed(exec.Command("cp", "-r", out, filepath.Join(tmp, "copy")))
	if err != nil {
		return err
	}
	wall := func(r run) time.Duration { return r.wall }
	best, median := stats(results, wall)
	cpuBest, cpuMedian := stats(results, func(r run) time.Duration { return r.cpu })
	peak := slices.MaxFunc(results, func(a, b run) int { return int(a.peakMiB - b.peakMiB) }).peakMiB
	fmt.Printf("\nwall: best %.2f s, median %.2f s\ncpu: best %.2f s, median %.2f s\npeak memory: %.0f MiB (highest of %d runs)\n",
		best.Seconds(), median.Seconds(), cpuBest.Seconds(), cpuMedian.Seconds(), peak, len(results))
	fmt.Printf("output: %d files, %.1f MB; office pages: %d, %.0f KB each on average\n", files, float64(bytes)/1e6, offices, float64(officeBytes)/float64(max(offices, 1))/1e3)
	fmt.Printf("floor (cp -r of the output): %.2f s; the median build is %.1f times that\n", floor.wall.Seconds(), median.Seconds()/floor.wall.Seconds())
	return nil
}

// recent is how long ext4 without a journal avoids reusing a freed inode
// once its inode table is written out (RECENTCY_MIN in fs/ext4/ialloc.c),
// and a second more.
const recent = 61 * time.Second

// settle writes out what earlier runs left in the page cache, so that no
// run pays for the one before it: a large site's run writes gigabytes,
// and the kernel throttles writers while that much is still unwritten.
func settle() {
	syscall.Sync()
}

func depth(rel string) int {
	n := 1
	for _, c := range filepath.ToSlash(rel) {
		if c == '/' {
			n++
		}
	}
	return n
}

func stats(rs []run, f func(run) time.Duration) (best, median time.Duration) {
	ds := make([]time.Duration, len(rs))
	for i, r := range rs {
		ds[i] = f(r)
	}
	slices.Sort(ds)
	return ds[0], ds[len(ds)/2]
}

func timed(cmd *exec.Cmd) (run, error) {
	cmd.Stderr = os.Stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return run{}, fmt.Errorf("%v: %w", cmd.Args, err)
	}
	r := run{wall: time.Since(start), cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.peakMiB = float64(ru.Maxrss) / 1024 // Maxrss is in KiB on Linux
	}
	return r, nil
}
