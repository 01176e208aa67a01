package build

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// notText is what must never reach a page's text or attributes: an escape
// sequence written as itself (\u00a0), a fmt error (%!d(string=…)), a
// template's braces.
var notText = regexp.MustCompile(`\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|%!|\{\{|\}\}`)

// doubleEscaped is an entity escaped twice (&amp;amp;, &amp;#39;): shown
// as the entity instead of its character.
var doubleEscaped = regexp.MustCompile(`&amp;(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);`)

// TestPagesHoldNoLeftovers reads every page of every golden site and of
// the example site for text that is a slip of the code, not the input,
// for a title another page of the site has (WCAG 2.4.2: a unit's
// tertial reports once shared one), and for two openers of a page's
// details that say the same (WCAG 2.4.6).
func TestPagesHoldNoLeftovers(t *testing.T) {
	sites := map[string]memOutput{}
	cases, _ := filepath.Glob("testdata/sites/*.txtar")
	for _, file := range cases {
		fsys, _ := siteFS(t, file)
		out := memOutput{}
		if errs, err := Build(fsys, defaults, out); errs != nil || err != nil {
			t.Fatalf("%s: %v %v", file, errs, err)
		}
		sites[file] = out
	}
	example := memOutput{}
	if errs, err := Build(defaults, defaults, example); errs != nil || err != nil {
		t.Fatalf("the example site: %v %v", errs, err)
	}
	sites["the example site"] = example
	for site, out := range sites {
		pages := 0
		titled := map[string]string{}
		for name, data := range out {
			if !strings.HasSuffix(name, ".html") {
				continue
			}
			pages++
			if m := doubleEscaped.Find(data); m != nil {
				t.Errorf("%s %s: %q is escaped twice", site, name, m)
			}
			doc, err := html.Parse(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("%s %s: %v", site, name, err)
			}
			check := func(s string) {
				if m := notText.FindString(s); m != "" {
					t.Errorf("%s %s: %q in %q", site, name, m, s[max(0, strings.Index(s, m)-40):min(len(s), strings.Index(s, m)+40)])
				}
			}
			openers := map[string]bool{}
			for n := range doc.Descendants() {
				// A screen reader lists a page's openers out of their
				// figures: each must say which it opens.
				if n.Type == html.ElementNode && n.Data == "summary" {
					var said strings.Builder
					for d := range n.Descendants() {
						if d.Type == html.TextNode {
							said.WriteString(d.Data)
						}
					}
					if openers[said.String()] {
						t.Errorf("%s %s: two openers say %q", site, name, said.String())
					}
					openers[said.String()] = true
				}
				if n.Type == html.ElementNode && n.Data == "title" && n.FirstChild != nil {
					if other, ok := titled[n.FirstChild.Data]; ok {
						t.Errorf("%s: %s and %s have one title, %q", site, other, name, n.FirstChild.Data)
					}
					titled[n.FirstChild.Data] = name
				}
				switch {
				case n.Type == html.TextNode && n.Parent.Data != "script" && n.Parent.Data != "style":
					check(n.Data)
				case n.Type == html.ElementNode:
					for _, a := range n.Attr {
						check(a.Val)
					}
				}
			}
		}
		if pages < 5 {
			t.Errorf("%s: %d pages", site, pages)
		}
	}
}

// TestLocalGoalSaysHowItsFiguresAreMade: a county's own goal says how the
// county's figure is made, and an office's own goal, which has no figure
// above the office's, says nothing of it.
func TestLocalGoalSaysHowItsFiguresAreMade(t *testing.T) {
	base, _ := siteFS(t, "testdata/sites/basic.txtar")
	out := buildBase(t, map[string]string{
		"data/goals.toml":          string(base["data/goals.toml"].Data) + "\n[[goal]]\nid = \"mote\"\ntitle = \"Møter\"\nperspective = \"Samfunn\"\nunit = \"count\"\ndirection = \"higher\"\ntarget = 4\nyellow = 3\naggregate = \"sum\"\nowner = \"arstad\"\n",
		"data/results/2026-02.csv": "period,unit,goal,value\n2026-02,arstad,mote,5\n",
	})
	if page := string(out["goals/ventetid/index.html"]); !strings.Contains(page, "<li>Fylkets tall regnes som gjennomsnittet av kontorene") {
		t.Error("vest's own goal does not say how the county's figure is made")
	}
	if page := string(out["goals/mote/index.html"]); strings.Contains(page, "summen av kontorene") {
		t.Error("arstad's own goal says how figures above the office's are made")
	}
}

// TestGoalSaysWhereItsResultsDifferFromTheRule: a goal's page says that
// a county's own row is its figure where the results have one, and that
// a share given only as values cannot be computed for several offices or
// months; a goal whose results follow the rule says neither.
func TestGoalSaysWhereItsResultsDifferFromTheRule(t *testing.T) {
	base, _ := siteFS(t, "testdata/sites/basic.txtar")
	out := buildBase(t, map[string]string{
		"data/goals.toml": string(base["data/goals.toml"].Data) + "\n[[goal]]\nid = \"ledige\"\ntitle = \"Ledige i prosent\"\nperspective = \"Samfunn\"\nunit = \"percent\"\ndirection = \"lower\"\ntarget = 2\nyellow = 3\naggregate = \"ratio\"\n",
		// A value of arbeid after the reported month, February, is not
		// scored, and says nothing of the goal's figures.
		"data/results/2026-02.csv": "period,unit,goal,value\n2026-02,vest,kontakter,25\n2026-02,bergen-nord,ledige,2.1\n2026-02,arstad,ledige,1.8\n2026-02,tromso,ledige,3.2\n2026-02,vest,ventetid,18\n2026-03,bergen-nord,arbeid,45\n",
	})
	const countyRows, ownCountyRow, values = "Der resultatene har en rad for fylket selv, slik NAV", "Der resultatene har en rad for fylket selv, er den fylkets tall; regelen over gjelder de andre månedene.", "Der resultatene bare gir verdien"
	for page, want := range map[string][3]bool{
		"goals/kontakter/index.html": {true, false, false},
		"goals/ledige/index.html":    {false, false, true},
		"goals/arbeid/index.html":    {false, false, false},
		// vest's own goal: there are no other counties.
		"goals/ventetid/index.html": {false, true, false},
	} {
		text := string(out[page])
		if got := [3]bool{strings.Contains(text, countyRows), strings.Contains(text, ownCountyRow), strings.Contains(text, values)}; got != want {
			t.Errorf("%s: says a county's own row is its figure %v, the county's own goal's row is %v, that values cannot be combined %v; want %v", page, got[0], got[1], got[2], want)
		}
	}
	// The county's table of its offices has a column of denominators
	// where the results give them, and none of empty cells where not.
	found := 0
	for _, table := range strings.Split(string(out["vest/index.html"]), "<table")[1:] {
		for caption, want := range map[string]bool{"Ledige i prosent: Kontorer": false, "Overgang til arbeid: Kontorer": true} {
			if !strings.Contains(table, "<caption>"+caption) {
				continue
			}
			found++
			if strings.Contains(table, "Antall (nevner)") != want {
				t.Errorf("vest/index.html: the table %q has a column of denominators: %v, want %v", caption, !want, want)
			}
		}
	}
	if found != 3 {
		t.Errorf("vest/index.html: %d of the 3 tables of offices found (one of them the funnel's)", found)
	}
}

// TestOfficeChartWithoutPoints: an office's chart with nothing to draw,
// each month's figure hidden at the source, says its line is empty and
// where to read why, not only a target line over empty axes.
func TestOfficeChartWithoutPoints(t *testing.T) {
	base, _ := siteFS(t, "testdata/sites/basic.txtar")
	out := buildBase(t, map[string]string{
		"data/goals.toml":          string(base["data/goals.toml"].Data) + "\n[[goal]]\nid = \"ledige\"\ntitle = \"Ledige i prosent\"\nperspective = \"Samfunn\"\nunit = \"percent\"\ndirection = \"lower\"\ntarget = 2\nyellow = 3\naggregate = \"mean\"\n",
		"data/results/2026-02.csv": "period,unit,goal,value\n2026-01,bergen-nord,ledige,2.1\n2026-01,arstad,ledige,*\n2026-01,tromso,ledige,3.2\n2026-02,bergen-nord,ledige,2.0\n2026-02,arstad,ledige,*\n2026-02,tromso,ledige,3.0\n",
	})
	// Once in the chart's description and once in its label.
	const empty = "Kontorets linje er tom"
	for page, want := range map[string]int{"vest/arstad/index.html": 2, "vest/bergen-nord/index.html": 0} {
		if got := strings.Count(string(out[page]), empty); got != want {
			t.Errorf("%s: %q %d times, want %d", page, empty, got, want)
		}
	}
}

// TestOneCountysGoalChart: on a site of one county, a goal's chart draws
// the county's line once, not the whole site's identical line under it,
// unless the county has a target of its own (the dashed line is then the
// whole site's); with two counties it draws both and the whole site's.
func TestOneCountysGoalChart(t *testing.T) {
	base, _ := siteFS(t, "testdata/sites/basic.txtar")
	org := string(base["data/org.toml"].Data)
	oneCounty := org[:strings.Index(org, "[[county]]\nid = \"nord\"")] + org[strings.Index(org, "[[office]]"):strings.Index(org, "[[office]]\nid = \"tromso\"")]
	var results strings.Builder
	for _, line := range strings.SplitAfter(string(base["data/results/2026.csv"].Data), "\n") {
		if !strings.Contains(line, "tromso") {
			results.WriteString(line)
		}
	}
	for name, files := range map[string]map[string]string{
		"one county": {"data/org.toml": oneCounty, "data/results/2026.csv": results.String(),
			"data/goals.toml": strings.Replace(string(base["data/goals.toml"].Data), `unit = "nord"`, `unit = "vest"`, 1)},
		"two counties": {},
	} {
		out := buildBase(t, files)
		// arbeid's county has a target of its own: the dashed line is
		// the whole site's, whose line is drawn with it.
		for goal, want := range map[string][2]int{"kontakter": {0, 1}, "arbeid": {1, 1}} {
			if name == "two counties" {
				want = [2]int{1, 2}
			}
			_, head, _ := strings.Cut(string(out["goals/"+goal+"/index.html"]), "<thead><tr><th>Måned</th>")
			head, _, _ = strings.Cut(head, "</thead>")
			whole, counties := strings.Count(head, "<th>Alle enheter samlet"), strings.Count(head, "<th>NAV ")
			if [2]int{whole, counties} != want {
				t.Errorf("%s, %s: the chart's table has %d columns of the whole site and %d of counties, want %v", name, goal, whole, counties, want)
			}
		}
	}
}

// TestYearMatrix: a county's page has its offices against its goals over
// the year to date, its heading naming the months, but not in a January whose year before has no
// results (TestLastYearBesideJanuary has one that has), nor in a year
// the results began after January (a new site's first year), when no
// goal has a year to date.
func TestYearMatrix(t *testing.T) {
	const heading = "Alle kontorer og mål hittil i år"
	if page := string(buildBase(t, nil)["vest/index.html"]); !strings.Contains(page, "<h2 id=\"ytd-matrix-h\">"+heading+", januar–februar 2026</h2>") {
		t.Error("vest's page in February has no year-to-date matrix")
	}
	base, _ := siteFS(t, "testdata/sites/basic.txtar")
	january := buildBase(t, map[string]string{"site.toml": string(base["site.toml"].Data) + "period = \"2026-01\"\n"})
	if strings.Contains(string(january["vest/index.html"]), `id="ytd-matrix-h"`) {
		t.Error("vest's page in January has a matrix of a year without results")
	}
	var february []string
	for _, row := range strings.SplitAfter(string(base["data/results/2026.csv"].Data), "\n") {
		if !strings.HasPrefix(row, "2026-01,") {
			february = append(february, row)
		}
	}
	late := buildBase(t, map[string]string{"data/results/2026.csv": strings.Join(february, "")})
	if strings.Contains(string(late["vest/index.html"]), `id="ytd-matrix-h"`) {
		t.Error("vest's page has a year-to-date matrix in a year whose results began after January")
	}
	// Reported in December, the year to date is the whole year.
	rest := "period,unit,goal,value\n"
	for month := 3; month <= 12; month++ {
		for _, unit := range []string{"bergen-nord", "arstad", "tromso"} {
			rest += fmt.Sprintf("2026-%02d,%s,kontakter,10\n", month, unit)
		}
	}
	december := string(buildBase(t, map[string]string{"data/results/2026-later.csv": rest})["vest/index.html"])
	if !strings.Contains(december, `<h2 id="ytd-matrix-h">Alle kontorer og mål for året, januar–desember 2026</h2>`) || !strings.Contains(december, "NAV Vest, januar–desember 2026") || strings.Contains(december, heading) {
		t.Error("vest's page in December does not head its matrix as the whole year's")
	}
}

// TestColumnNamesAreMarkedEnglish: a Norwegian page's footer names the
// CSV columns in English, marked so that a screen reader speaks them in
// English (WCAG 3.1.2).
func TestColumnNamesAreMarkedEnglish(t *testing.T) {
	page := string(buildBase(t, nil)["vest/index.html"])
	_, footer, _ := strings.Cut(page, "<footer")
	for _, name := range []string{"period", "unit", "goal", "value"} {
		if !strings.Contains(footer, `<code lang="en">`+name+`</code>`) {
			t.Errorf("the footer does not mark %q as English:\n%s", name, footer)
		}
	}
	if strings.Contains(footer, "`") {
		t.Errorf("the footer shows the words' marks:\n%s", footer)
	}
}

// TestPrintedChartsSayWhatTheDashedLineIs: on paper no legend or tooltip
// names the lines, so each printed chart names its target's line, with
// its value, inside the drawing and clear of the axes' labels, which are
// inside the drawing too.
func TestPrintedChartsSayWhatTheDashedLineIs(t *testing.T) {
	label := regexp.MustCompile(`<text x="([0-9.]+)" y="([0-9.]+)" text-anchor="(start|end)">([^<]*)</text>`)
	type box struct{ x0, y0, x1, y1 float64 }
	boxOf := func(m []string) box {
		x, _ := strconv.ParseFloat(m[1], 64)
		y, _ := strconv.ParseFloat(m[2], 64)
		w := 5.2 * float64(utf8.RuneCountInString(html.UnescapeString(m[4])))
		if m[3] == "end" {
			x -= w
		}
		return box{x, y - 8, x + w, y + 2}
	}
	printed := 0
	for name, page := range buildBase(t, nil) {
		for _, chart := range strings.Split(string(page), `<svg class="print-chart"`)[1:] {
			printed++
			chart, _, _ = strings.Cut(chart, "</svg>")
			var target *box
			var others []box
			for _, m := range label.FindAllStringSubmatch(chart, -1) {
				if b := boxOf(m); strings.HasPrefix(m[4], "Målverdi ") {
					target = &b
				} else {
					others = append(others, b)
				}
			}
			if !strings.Contains(chart, `class="pc-target"`) || target == nil {
				t.Errorf("%s: a printed chart does not name its dashed line:\n%s", name, chart)
				continue
			}
			if target.x0 < 44 || target.x1 > 312 || target.y0 < 0 || target.y1 > 98 {
				t.Errorf("%s: the target's label %+v is outside the plot:\n%s", name, *target, chart)
			}
			for _, o := range others {
				if target.x0 < o.x1 && o.x0 < target.x1 && target.y0 < o.y1 && o.y0 < target.y1 {
					t.Errorf("%s: the target's label %+v covers the label %+v:\n%s", name, *target, o, chart)
				}
				// An axis label wider than the margin is cut off at
				// the paper's edge: "7,1 dager" for 17,1.
				if o.x0 < 0 {
					t.Errorf("%s: the label %+v begins left of the drawing:\n%s", name, o, chart)
				}
			}
		}
	}
	if printed == 0 {
		t.Fatal("no page prints charts")
	}
}

// TestPrintedTargetSteps: a printed chart's target steps where it
// changed, halfway between January and February 2026, and names the
// target of the last month shown, ending where its step does, though the
// step is too short for the name.
func TestPrintedTargetSteps(t *testing.T) {
	goals := strings.Replace(baseFile(t, "data/goals.toml"), "aggregate = \"ratio\"\n", "aggregate = \"ratio\"\n\n  [[goal.schedule]]\n  from = \"2026-02\"\n  target = 50\n  yellow = 45\n", 1)
	page := string(buildBase(t, map[string]string{"data/goals.toml": goals})["vest/arstad/index.html"])
	_, chart, _ := strings.Cut(page, `aria-label="Overgang til arbeid"><polyline class="pc-target" points="`)
	points, chart, _ := strings.Cut(chart, `"`)
	if got := strings.Fields(points); len(got) != 4 || got[1][:strings.Index(got[1], ",")] != "306.2" {
		t.Errorf("arstad's printed chart of arbeid has target points %q, want a step halfway between its last two months", points)
	}
	// The name ends where the step does, clear of January's line (45 %,
	// at y 29).
	if label := regexp.MustCompile(`<text x="312.0" y="([0-9.]+)" text-anchor="end">Målverdi 50,0`).FindStringSubmatch(chart); label == nil {
		t.Errorf("arstad's printed chart of arbeid does not name February's target at its end:\n%s", chart[:strings.Index(chart, "</svg>")])
	} else if y, _ := strconv.ParseFloat(label[1], 64); y-8 <= 29 && 29 <= y+2 {
		t.Errorf("the target's name at y %v lies on January's line", y)
	}
}

// TestFrontFoldsManyOffices: a front page listing more than 40 offices
// folds each county's under their number, so that a phone need not
// scroll past them all to the whole site's scorecard, except a county's
// of three or fewer; one listing 40 does not.
func TestFrontFoldsManyOffices(t *testing.T) {
	fsys, _ := siteFS(t, "testdata/sites/basic.txtar")
	org := string(fsys["data/org.toml"].Data)
	for _, n := range []int{37, 38} { // and the 3 of the base site
		var more strings.Builder
		for i := range n {
			fmt.Fprintf(&more, "\n[[office]]\nid = \"ekstra-%d\"\nname = \"NAV Ekstra %d\"\ncounty = \"nord\"\n", i, i)
		}
		front := string(buildBase(t, map[string]string{"data/org.toml": org + more.String()})["index.html"])
		folds := strings.Count(front, `<details class="office-fold">`)
		switch {
		case n+3 <= 40 && folds != 0:
			t.Errorf("%d offices: %d counties folded, want none", n+3, folds)
		case n+3 > 40 && (folds != 1 || !strings.Contains(front, `<summary>39 kontorer<span class="sr-only">: NAV Nord</span></summary>`)):
			t.Errorf("%d offices: %d counties folded, want NAV Nord's 39, not NAV Vest's 2", n+3, folds)
		}
	}
}
