package build

import (
	"encoding/csv"
	"regexp"
	"strings"
	"testing"
)

// TestSuppressedValuesAreNowhere builds a site where one office of each
// county has fewer than five people behind a ratio, and checks the rules
// of suppression on scorecard.csv, then that no file of the site (page,
// chart data, table, CSV) holds a suppressed value in any form the site
// writes a number.
//
// The values are chosen so that none is written for another reason:
// bergen-nord 2026-01 is 1/3 (33,3 %), tromso 2026-02 2/3 (66,7 %),
// arstad 2026-01 88/117 (75,2 %, suppressed with bergen-nord, else vest −
// arstad gives it back), vest 2026-02 88/199 (44,2 %, suppressed since
// nord is, else the whole site − vest gives nord) and bergen-nord 2026-02
// 43/99 (43,4 %, else it and arstad add up to vest).
func TestSuppressedValuesAreNowhere(t *testing.T) {
	results := `period,unit,goal,value,numerator,denominator
2026-01,bergen-nord,arbeid,,1,3
2026-01,arstad,arbeid,,88,117
2026-01,tromso,arbeid,,9,20
2026-02,bergen-nord,arbeid,,43,99
2026-02,arstad,arbeid,,45,100
2026-02,tromso,arbeid,,2,3
`
	out := buildBase(t, map[string]string{"data/results/2026.csv": results})
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(out["scorecard.csv"]), "\ufeff")))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	type shown struct{ value, status string }
	got := map[string]shown{} // period/unit
	for _, f := range rows[1:] {
		if f[2] == "arbeid" {
			got[f[0]+"/"+f[1]] = shown{f[3], f[6]}
		}
		if f[6] == "suppressed" && (f[10] != "" || f[11] != "") {
			t.Errorf("%s %s %s is suppressed but shows its numerator %q and denominator %q", f[0], f[1], f[2], f[10], f[11])
		}
	}
	for key, want := range map[string]shown{
		"2026-01/bergen-nord": {"", "suppressed"}, // 3 people
		"2026-01/arstad":      {"", "suppressed"}, // else vest − arstad = bergen-nord
		"2026-01/vest":        {"74,2", "green"},  // 89/120: the true numbers
		"2026-01/tromso":      {"45,0", "yellow"}, // against nord's own target of 50
		"2026-01/nord":        {"45,0", "yellow"},
		"2026-02/bergen-nord": {"", "suppressed"}, // else bergen-nord + arstad = vest
		"2026-02/arstad":      {"45,0", "green"},
		"2026-02/tromso":      {"", "suppressed"}, // 3 people
		"2026-02/nord":        {"", "suppressed"}, // its only office's value
		"2026-02/vest":        {"", "suppressed"}, // else whole − vest = nord
	} {
		if got[key] != want {
			t.Errorf("%s: value %q, status %q; want %q, %q", key, got[key].value, got[key].status, want.value, want.status)
		}
	}
	// 33,3 and 66,7 as a page or a Norwegian CSV writes them, 33.3 as
	// chart data does, 33.33 unrounded; the same for the others.
	hidden := regexp.MustCompile(`(^|[^0-9.,])(33[.,]3|66[.,][67]|75[.,]2|44[.,]2|43[.,]4)`)
	for name, data := range out {
		if m := hidden.FindIndex(data); m != nil {
			t.Errorf("%s holds a suppressed value: …%s…", name, data[max(0, m[0]-60):min(len(data), m[1]+20)])
		}
	}
	if page := string(out["vest/bergen-nord/index.html"]); !strings.Contains(page, "«:» betyr at tallet er skjult") {
		t.Errorf("the office page does not explain \":\"")
	}
}

// TestHiddenBesideNeeds: an office with a goal off target and another
// hidden at source lists the first and names the second below it as one
// that cannot be judged: the list alone would read as all the rest being
// well. A county's figure that cannot be made is named so, by its reason.
func TestHiddenBesideNeeds(t *testing.T) {
	out := buildBase(t, map[string]string{"data/results/2026.csv": strings.Replace(baseFile(t, "data/results/2026.csv"), "2026-02,arstad,kontakter,8,,", "2026-02,arstad,kontakter,*,,", 1)})
	needs := section(t, string(out["vest/arstad/index.html"]), "needs-h")
	if !strings.Contains(needs, `<a href="#goal-arbeid">Overgang til arbeid</a>`) || !strings.Contains(needs, `<p class="unjudged muted">Skjult («:») og kan ikke vurderes: <a href="#goal-kontakter">Kontakter med arbeidsgivere</a>.</p>`) {
		t.Errorf("Årstad's needs, red on arbeid and kontakter hidden at source:\n%s", needs)
	}
	// A county's share its offices gave only as values cannot be made:
	// said so, not hidden.
	values := strings.NewReplacer("2026-02,bergen-nord,arbeid,,899,2000", "2026-02,bergen-nord,arbeid,50,,", "2026-02,arstad,arbeid,,30,100", "2026-02,arstad,arbeid,50,,").Replace(baseFile(t, "data/results/2026.csv"))
	needs = section(t, string(buildBase(t, map[string]string{"data/results/2026.csv": values})["vest/index.html"]), "needs-h")
	if !strings.Contains(needs, `<p class="unjudged muted">Kan ikke regnes ut («∅») og kan ikke vurderes: <a href="#goal-arbeid">Overgang til arbeid</a>.</p>`) {
		t.Errorf("Vest's needs, its share of values not computable:\n%s", needs)
	}
}

// TestHiddenCountyFigureBesideOfficesOffTarget: where a county's figure is
// hidden and an office of it misses the target, its page does not say
// that nothing needs attention: the goal is listed with its offices
// counted by status, and so is the whole site's on the front page. A
// county line hidden in every month says so under
// its chart, and so does a goal's page where every line is; a hidden
// figure of the same month last year is said to be hidden.
func TestHiddenCountyFigureBesideOfficesOffTarget(t *testing.T) {
	results := `period,unit,goal,value,numerator,denominator
2026-01,bergen-nord,arbeid,,40,100
2026-01,arstad,arbeid,,30,100
2026-01,tromso,arbeid,,1,3
2026-02,bergen-nord,arbeid,,43,99
2026-02,arstad,arbeid,,30,100
2026-02,tromso,arbeid,,2,3
`
	out := buildBase(t, map[string]string{"data/results/2026.csv": results})
	needs := section(t, string(out["vest/index.html"]), "needs-h")
	if !strings.Contains(needs, "Overgang til arbeid") || !strings.Contains(needs, "kontorene: ") ||
		!strings.Contains(needs, "1 Ikke nådd") || !strings.Contains(needs, "1 Skjult") {
		t.Errorf("vest's needs, with its figure hidden and Årstad red:\n%s", needs)
	}
	// Its badge says it is hidden: no ":" for a value beside it.
	if !strings.Contains(needs, `Skjult</span> <span class="needs-value"><span class="muted">Målverdi`) {
		t.Errorf("vest's hidden goal has a value beside its badge:\n%s", needs)
	}
	// So does the front page, of the whole site, whose total is hidden
	// where an office's figure is hidden at source: its counties' cards
	// alone would count no goal red.
	atSource := buildBase(t, map[string]string{"data/results/2026.csv": strings.Replace(results, "2026-02,tromso,arbeid,,2,3", "2026-02,tromso,arbeid,*,,", 1)})
	front := section(t, string(atSource["index.html"]), "needs-h")
	if !strings.Contains(front, `<a href="goals/arbeid/index.html">Overgang til arbeid</a>`) || !strings.Contains(front, "kontorene: ") || !strings.Contains(front, "1 Ikke nådd") {
		t.Errorf("the front page's needs, with the whole site's figure hidden and Årstad red:\n%s", front)
	}
	if !strings.Contains(string(out["nord/index.html"]), "Fylkets linje er tom") {
		t.Errorf("nord's chart, its line hidden in every month, does not say its line is empty")
	}
	if strings.Contains(string(out["goals/arbeid/index.html"]), "Ingen av linjene") {
		t.Errorf("the goal's page says no line has a figure, beside the whole site's")
	}
	tiny := `period,unit,goal,value,numerator,denominator
2025-01,tromso,arbeid,,1,2
2026-01,bergen-nord,arbeid,,1,1
2026-01,arstad,arbeid,,0,1
2026-01,tromso,arbeid,,1,2
`
	out = buildBase(t, map[string]string{"data/results/2026.csv": tiny, "site.toml": "title = \"T\"\nlanguage = \"nb\"\nperiod = \"2026-01\"\n"})
	if !strings.Contains(string(out["goals/arbeid/index.html"]), "Ingen av linjene har et tall som kan vises") {
		t.Errorf("the goal's page, every line hidden, does not say so")
	}
	// Nor does a hidden month a year before read as a slip.
	if page := string(out["nord/index.html"]); !strings.Contains(page, "Samme måned i fjor: – (skjult)") {
		t.Errorf("nord's hidden January 2025 beside January 2026 is not said to be hidden")
	}
}
