package build

import (
	"bytes"
	"encoding/json"
	"testing"
	"testing/fstest"

	"github.com/malekort/malekort/internal/load"
	"github.com/malekort/malekort/internal/locale"
	"github.com/malekort/malekort/internal/validate"
)

// TestValidateReadsTheModel: validate reports on the site and leaves it as
// load made it; the placeholder new commentary writes is taken out when
// the commentary is read, with a notice at its line.
func TestValidateReadsTheModel(t *testing.T) {
	fsys, _ := siteFS(t, "testdata/sites/basic.txtar")
	placeholder := locale.Word("nb", "commentary.placeholder")
	fsys["content/vest/arstad/2026-03.md"] = &fstest.MapFile{Data: []byte("+++\nauthor = \"Kari\"\n+++\n\n" + placeholder + "\n\nVi har snakket om tallene.\n")}
	cfg, site, _, errs := load.Load(fsys)
	if site == nil {
		t.Fatalf("load: %v", errs)
	}
	_, notices := errs.Split()
	if len(notices) != 1 || notices[0].Pos.String() != "content/vest/arstad/2026-03.md:5" {
		t.Errorf("notices of load: %v", notices)
	}
	for _, c := range site.Commentary {
		if bytes.Contains(c.Body, []byte(placeholder)) {
			t.Errorf("%s still holds the placeholder", c.Path)
		}
	}
	before, err := json.Marshal(site)
	if err != nil {
		t.Fatal(err)
	}
	reported, _ := site.Reported(cfg.Period, cfg.MinCoverage)
	validate.Site(site, reported, &errs)
	validate.Unused(site, cfg, reported, true, &errs)
	after, _ := json.Marshal(site)
	if !bytes.Equal(before, after) {
		t.Errorf("validate changed the site")
	}
}
