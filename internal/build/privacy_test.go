package build

import (
	"encoding/csv"
	"strings"
	"testing"
)

// TestSuppressedValuesCannotBeDerivedFromTheCSV builds a site where one
// office of a county has fewer than five people behind a ratio. Without
// secondary suppression the county's value, its other office's value and
// their denominators (public elsewhere) would give the hidden value back.
func TestSuppressedValuesCannotBeDerivedFromTheCSV(t *testing.T) {
	results := `period,unit,goal,value,numerator,denominator
2026-01,bergen-nord,arbeid,,1,3
2026-01,arstad,arbeid,,45,100
2026-01,tromso,arbeid,,9,20
2026-02,bergen-nord,arbeid,,40,100
2026-02,arstad,arbeid,,45,100
2026-02,tromso,arbeid,,1,4
`
	out := buildBase(t, map[string]string{"data/results/2026.csv": results})
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(out["scorecard.csv"]), "\ufeff")))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	status := map[string]string{} // period/unit -> status
	value := map[string]string{}
	for _, f := range rows[1:] {
		if f[2] != "arbeid" {
			continue
		}
		status[f[0]+"/"+f[1]], value[f[0]+"/"+f[1]] = f[6], f[3]
	}
	for key, want := range map[string]string{
		"2026-01/bergen-nord": "suppressed", // 3 people
		"2026-01/arstad":      "suppressed", // else vest − arstad = bergen-nord
		"2026-01/vest":        "yellow",     // 46/103: the true numbers, shown
		"2026-01/tromso":      "yellow",     // 45 % against nord's own target of 50
		"2026-02/tromso":      "suppressed", // 4 people
		"2026-02/nord":        "suppressed", // nord's only office: its value is tromso's
		"2026-02/vest":        "shown",      // suppressed, or whole − vest = nord; the whole is not in the CSV
	} {
		got := status[key]
		if want == "shown" {
			if got == "suppressed" || got == "" {
				continue
			}
			t.Errorf("%s: %s", key, got)
			continue
		}
		if got != want {
			t.Errorf("%s: status %q, want %q", key, got, want)
		}
		if want == "suppressed" && value[key] != "" {
			t.Errorf("%s: suppressed, but the value %q is in the CSV", key, value[key])
		}
	}
	// No page shows the hidden values: 33,3 % (1/3) and 25,0 % (1/4).
	for name, data := range out {
		page := string(data)
		if strings.Contains(name, "bergen-nord") && strings.Contains(page, "33,3") {
			t.Errorf("%s shows bergen-nord's suppressed 33,3", name)
		}
		if strings.Contains(name, "tromso") && strings.Contains(page, "25,0") {
			t.Errorf("%s shows tromso's suppressed 25,0", name)
		}
	}
	if page := string(out["vest/bergen-nord/index.html"]); !strings.Contains(page, "«:» betyr at tallet er skjult") {
		t.Errorf("the office page does not explain \":\"")
	}
}
