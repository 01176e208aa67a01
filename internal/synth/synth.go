// Package synth writes synthetic sites in the input contract, of any size
// and the same for the same seed, for benchmarks and tests at sizes the
// example site does not reach.
package synth

import (
	"bufio"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Size is the shape of a generated site.
type Size struct {
	Counties, Offices, Goals, Months int
	// Commentary is the share of office-months with a commentary file.
	Commentary float64
	// Reorganise merges the last two counties into a new one midway, and
	// three pairs of offices into new offices, as NAV's 2020 reform did.
	Reorganise bool
}

// Named sizes: NAV as it is, and ten times that.
var (
	NAV   = Size{Counties: 15, Offices: 265, Goals: 20, Months: 60, Commentary: 0.20, Reorganise: true}
	Large = Size{Counties: 20, Offices: 2650, Goals: 40, Months: 60, Commentary: 0.05, Reorganise: true}
	Small = Size{Counties: 3, Offices: 12, Goals: 6, Months: 13, Commentary: 0.3}
)

// mergedOffices is how many pairs of offices a reorganisation merges.
const mergedOffices = 3

// Sizes names the sizes for command lines.
var Sizes = map[string]Size{"nav": NAV, "large": Large, "small": Small}

var perspectives = []string{"Samfunn og arbeid", "Brukere", "Drift", "Medarbeidere"}

type goal struct {
	id, unit, direction, aggregate string
	target, yellow, base           float64
	decimals                       int
	// persons counts people: small offices have few, and a count under 4
	// is written as NAV publishes it, "*".
	persons bool
}

// libraries are the files of npm's installs that a site ships.
var libraries = []string{"echarts/dist/echarts.common.min.js", "minisearch/dist/umd/index.js"}

// Write generates a site into dir, which must not exist or be empty.
// nodeModules, when not empty, is the folder of npm's installs that the
// site's ECharts and MiniSearch are copied from.
func Write(dir string, size Size, seed uint64, nodeModules string) error {
	g := &gen{dir: dir, size: size, rnd: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	steps := []func() error{g.site, g.org, g.goalFile, g.results, g.content}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	if nodeModules == "" {
		return nil
	}
	for _, lib := range libraries {
		data, err := os.ReadFile(filepath.Join(nodeModules, lib))
		if err != nil {
			return err
		}
		if err := g.file("node_modules/"+lib, string(data)); err != nil {
			return err
		}
	}
	return nil
}

type gen struct {
	dir   string
	size  Size
	rnd   *rand.Rand
	goals []goal
}

func (g *gen) file(name, data string) error {
	p := filepath.Join(g.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(data), 0o644)
}

func countyID(c int) string { return fmt.Sprintf("fylke-%02d", c+1) }
func officeID(o int) string { return fmt.Sprintf("kontor-%04d", o+1) }

// The reorganisation: from month mid on, the last two counties are one
// new county, and each of the first pairs of offices one new office,
// numbered after the others.
func (g *gen) mid() int { return g.size.Months / 2 }

// offices is how many offices there are over all months.
func (g *gen) offices() int {
	if g.size.Reorganise {
		return g.size.Offices + mergedOffices
	}
	return g.size.Offices
}

// alive reports whether office o exists in month m.
func (g *gen) alive(o, m int) bool {
	if !g.size.Reorganise {
		return true
	}
	switch {
	case o < 2*mergedOffices:
		return m < g.mid()
	case o >= g.size.Offices:
		return m >= g.mid()
	}
	return true
}

func (g *gen) month(m int) string {
	y, mo := g.period(m)
	return fmt.Sprintf("%04d-%02d", y, mo)
}

// countyOf spreads offices evenly over counties; a merged office belongs
// to the county of the pair it replaces.
func (g *gen) countyOf(o int) int {
	if o >= g.size.Offices {
		o = 2 * (o - g.size.Offices)
	}
	return o * g.size.Counties / g.size.Offices
}

func (g *gen) site() error {
	return g.file("site.toml", "title = \"Syntetisk målekort\"\nlanguage = \"nb\"\n")
}

func (g *gen) org() error {
	var b strings.Builder
	n := g.size.Counties
	for c := range n {
		fmt.Fprintf(&b, "[[county]]\nid = %q\nname = \"NAV Fylke %d\"\n", countyID(c), c+1)
		if g.size.Reorganise && c >= n-2 {
			fmt.Fprintf(&b, "until = %q\nmerged_into = %q\n", g.month(g.mid()-1), countyID(n))
		}
		b.WriteString("\n")
	}
	if g.size.Reorganise {
		fmt.Fprintf(&b, "[[county]]\nid = %q\nname = \"NAV Fylke %d og %d\"\nfrom = %q\n\n", countyID(n), n-1, n, g.month(g.mid()))
	}
	for o := range g.offices() {
		fmt.Fprintf(&b, "[[office]]\nid = %q\nname = \"NAV Kontor %d\"\ncounty = %q\n", officeID(o), o+1, countyID(g.countyOf(o)))
		switch {
		case !g.size.Reorganise:
		case o < 2*mergedOffices:
			fmt.Fprintf(&b, "until = %q\nmerged_into = %q\n", g.month(g.mid()-1), officeID(g.size.Offices+o/2))
		case o >= g.size.Offices:
			fmt.Fprintf(&b, "from = %q\n", g.month(g.mid()))
		}
		b.WriteString("\n")
	}
	return g.file("data/org.toml", b.String())
}

func (g *gen) goalFile() error {
	var b strings.Builder
	for i := range g.size.Goals {
		gl := goal{id: fmt.Sprintf("mal-%02d", i+1), decimals: 1}
		switch i % 4 {
		case 0, 1:
			gl.unit, gl.aggregate, gl.direction = "percent", "ratio", "higher"
			gl.target, gl.yellow, gl.base = 50+float64(i%5)*5, 45+float64(i%5)*5, 0.5+float64(i%5)*0.05
		case 2:
			gl.unit, gl.aggregate, gl.direction, gl.decimals = "days", "mean", "lower", 0
			gl.target, gl.yellow, gl.base = 14, 21, 15
		case 3:
			gl.unit, gl.aggregate, gl.direction, gl.decimals = "count", "sum", "higher", 0
			gl.target, gl.yellow, gl.base = 40, 30, 40
			gl.persons = i%8 == 7
		}
		g.goals = append(g.goals, gl)
		fmt.Fprintf(&b, "[[goal]]\nid = %q\ntitle = \"Mål %d\"\ndescription = \"Et syntetisk mål.\"\nperspective = %q\nunit = %q\ndirection = %q\ntarget = %v\nyellow = %v\naggregate = %q\ndecimals = %d\n",
			gl.id, i+1, perspectives[i%len(perspectives)], gl.unit, gl.direction, gl.target, gl.yellow, gl.aggregate, gl.decimals)
		if gl.persons {
			b.WriteString("persons = true\n")
		}
		b.WriteString("\n")
	}
	return g.file("data/goals.toml", b.String())
}

// period returns the m-th month, counted back from 2026-10.
func (g *gen) period(m int) (int, int) {
	n := 2026*12 + 9 - (g.size.Months - 1 - m)
	return n / 12, n%12 + 1
}

// results writes one CSV per year, as an analyst adds them.
func (g *gen) results() error {
	var f *os.File
	var w *bufio.Writer
	year := 0
	closeFile := func() error {
		if f == nil {
			return nil
		}
		if err := w.Flush(); err != nil {
			return err
		}
		return f.Close()
	}
	for m := range g.size.Months {
		y, mo := g.period(m)
		if y != year {
			if err := closeFile(); err != nil {
				return err
			}
			p := filepath.Join(g.dir, "data", "results", fmt.Sprintf("%d.csv", y))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return err
			}
			var err error
			if f, err = os.Create(p); err != nil {
				return err
			}
			w = bufio.NewWriterSize(f, 1<<16)
			w.WriteString("period,unit,goal,value,numerator,denominator\n")
			year = y
		}
		trend := float64(m) / float64(max(g.size.Months-1, 1))
		for o := range g.offices() {
			if !g.alive(o, m) {
				continue
			}
			for _, gl := range g.goals {
				noise := g.rnd.NormFloat64()
				switch gl.aggregate {
				case "ratio":
					d := 20 + g.rnd.IntN(400)
					rate := math.Min(0.99, math.Max(0.01, gl.base+0.05*trend+0.05*noise))
					fmt.Fprintf(w, "%04d-%02d,%s,%s,,%d,%d\n", y, mo, officeID(o), gl.id, int(math.Round(rate*float64(d))), d)
				case "mean":
					fmt.Fprintf(w, "%04d-%02d,%s,%s,%.1f,,\n", y, mo, officeID(o), gl.id, math.Max(1, gl.base-3*trend+3*noise))
				case "sum":
					if !gl.persons {
						fmt.Fprintf(w, "%04d-%02d,%s,%s,%d,,\n", y, mo, officeID(o), gl.id, int(math.Max(0, gl.base+10*trend+8*noise)))
						break
					}
					// Offices of every size, the smallest a twentieth of the largest.
					n := int(math.Max(0, (gl.base+10*trend+8*noise)*(0.05+float64(o%10)/10)))
					if n < 4 {
						fmt.Fprintf(w, "%04d-%02d,%s,%s,*,,\n", y, mo, officeID(o), gl.id)
					} else {
						fmt.Fprintf(w, "%04d-%02d,%s,%s,%d,,\n", y, mo, officeID(o), gl.id, n)
					}
				}
			}
		}
	}
	return closeFile()
}

func (g *gen) content() error {
	if err := g.file("content/_index.md", "Et syntetisk nettsted for å måle malekort. **Tallene er oppdiktet.**\n"); err != nil {
		return err
	}
	statuses := []string{"planned", "started", "done"}
	const body = "+++\n\nVi gikk gjennom målekortet på personalmøtet. Resultatene er **bedre** enn forrige måned på de fleste mål.\n\n- Vi følger opp sykefraværet.\n- Vi ser nærmere på saksbehandlingstiden.\n"
	measure := func(b *strings.Builder, text, goal, status string) {
		fmt.Fprintf(b, "\n[[measure]]\ngoal = %q\ntext = %q\nstatus = %q\n", goal, text, status)
	}
	for o := range g.offices() {
		// Each month's commentary names a few measures, and the office's
		// last names every one still open too, as new commentary carries
		// them: a measure left out of it would be open for good.
		var name string
		var b strings.Builder
		var texts []string // the office's measures, in the order first named
		goalOf, status := map[string]string{}, map[string]string{}
		named := map[string]bool{} // in the file being written
		for m := range g.size.Months {
			if g.rnd.Float64() >= g.size.Commentary || !g.alive(o, m) {
				continue
			}
			if name != "" {
				if err := g.file(name, b.String()+body); err != nil {
					return err
				}
			}
			y, mo := g.period(m)
			b.Reset()
			clear(named)
			fmt.Fprintf(&b, "+++\nauthor = \"Leder %d\"\ndate = %04d-%02d-05\n", o+1, y, mo)
			for i := range 1 + g.rnd.IntN(3) {
				gl := g.goals[g.rnd.IntN(len(g.goals))]
				text := fmt.Sprintf("Tiltak %d for %s", i+1, gl.id)
				if _, ok := status[text]; !ok {
					texts = append(texts, text)
				}
				drawn := statuses[g.rnd.IntN(3)]
				if status[text] == "done" {
					drawn = "done" // a measure done stays done
				}
				goalOf[text], status[text], named[text] = gl.id, drawn, true
				measure(&b, text, gl.id, status[text])
			}
			name = fmt.Sprintf("content/%s/%s/%04d-%02d.md", countyID(g.countyOf(o)), officeID(o), y, mo)
		}
		if name == "" {
			continue
		}
		for _, text := range texts {
			if !named[text] && status[text] != "done" {
				measure(&b, text, goalOf[text], status[text])
			}
		}
		if err := g.file(name, b.String()+body); err != nil {
			return err
		}
	}
	return nil
}
