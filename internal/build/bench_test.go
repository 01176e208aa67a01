package build

import (
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/malekort/malekort/internal/synth"
)

// countOutput counts what a build writes, without keeping it.
type countOutput struct{ files, bytes atomic.Int64 }

func (c *countOutput) Put(name string, parts ...[]byte) error {
	return c.PutEach(name, slices.Values(parts))
}

func (c *countOutput) PutEach(name string, parts iter.Seq[[]byte]) error {
	c.files.Add(1)
	for p := range parts {
		c.bytes.Add(int64(len(p)))
	}
	return nil
}

// benchSite writes a synthetic site of size and opens it as the command
// line does.
func benchSite(b *testing.B, size synth.Size) fs.FS {
	dir := filepath.Join(b.TempDir(), "site")
	if err := synth.Write(dir, size, 1, ""); err != nil {
		b.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, filepath.Dir(EChartsPath)), 0o755)
	os.WriteFile(filepath.Join(dir, EChartsPath), []byte("/* echarts */"), 0o644)
	os.MkdirAll(filepath.Join(dir, filepath.Dir(MiniSearchPath)), 0o755)
	os.WriteFile(filepath.Join(dir, MiniSearchPath), []byte("/* minisearch */"), 0o644)
	return os.DirFS(dir)
}

func benchmarkBuild(b *testing.B, size synth.Size) {
	src := benchSite(b, size)
	b.ResetTimer()
	for b.Loop() {
		out := &countOutput{}
		errs, err := Build(src, defaults, out)
		if errs != nil || err != nil {
			b.Fatal(errs, err)
		}
		b.ReportMetric(float64(out.files.Load()), "files")
		b.ReportMetric(float64(out.bytes.Load())/1e6, "MB")
	}
}

// BenchmarkBuildNAV builds a site of NAV's size (15 counties, 265 offices,
// 20 goals, 60 months, commentary on 20 % of office-months) in memory.
// .ci/bench times whole processes writing to disk.
func BenchmarkBuildNAV(b *testing.B) { benchmarkBuild(b, synth.NAV) }

// BenchmarkBuildSmall is a quick check that the benchmark itself works.
func BenchmarkBuildSmall(b *testing.B) { benchmarkBuild(b, synth.Small) }

// BenchmarkCheckNAV is the part of BenchmarkBuildNAV before rendering:
// reading, validating and scoring.
func BenchmarkCheckNAV(b *testing.B) {
	src := benchSite(b, synth.NAV)
	b.ResetTimer()
	for b.Loop() {
		if _, errs := Check(src, defaults); errs != nil {
			b.Fatal(errs)
		}
	}
}
