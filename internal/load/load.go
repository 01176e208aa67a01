package load

import (
	"bytes"
	"errors"
	"io/fs"
	"math"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/malekort/malekort/internal/config"
	"github.com/malekort/malekort/internal/diag"
	"github.com/malekort/malekort/internal/model"
	"github.com/malekort/malekort/internal/workers"
)

// Input file locations, relative to the site root.
const (
	OrgPath     = "data/org.toml"
	GoalsPath   = "data/goals.toml"
	ResultsDir  = "data/results"
	ContentDir  = "content"
	TemplateDir = "templates"
	DataDir     = "data"
)

// InputDirs are the folders of a site that a build reads.
var InputDirs = []string{DataDir, ContentDir, TemplateDir}

// Load reads the site in fsys. It returns what it could read even when
// there are errors, so that later stages can report theirs too; the site
// is nil when data/org.toml or data/goals.toml could not be read, since
// everything else is checked against them. A symbolic link that leads out
// of the site is an error, and the site is read on without what it leads
// to: read is fsys as the rest of the site (its templates) must be read,
// never through such a link.
func Load(fsys fs.FS) (cfg config.Site, site *model.Site, read fs.FS, errs diag.List) {
	fsys = checkLinks(fsys, &errs)
	if src, ok := readFile(fsys, config.Path, &errs); ok {
		cfg = config.Parse(src, &errs)
	} else {
		cfg = config.Parse(nil, &diag.List{})
	}
	site = &model.Site{CountyText: map[string]*model.Text{}}
	orgOK, goalsOK := false, false
	if src, ok := readFile(fsys, OrgPath, &errs); ok {
		orgOK = parseOrg(src, site, &errs)
	}
	if src, ok := readFile(fsys, GoalsPath, &errs); ok {
		goalsOK = parseGoals(src, site, &errs)
	}
	if !orgOK || !goalsOK {
		// Results and commentary name units and goals; checked against a
		// file that did not parse, every row would be an error. The
		// reader is told that more may follow.
		unread := OrgPath
		if orgOK {
			unread = GoalsPath
		}
		errs.AddNotice(diag.Pos{Path: unread}, "the results, the commentary and the goals' rules are checked once %s can be read: they may have errors of their own", unread)
		return cfg, nil, fsys, errs
	}
	// Results and content fill different parts of the site, and reading
	// each has a part that runs on one processor (listing the folders,
	// joining the files' rows), which the other can fill.
	var contentErrs diag.List
	var wg sync.WaitGroup
	wg.Go(func() { loadContent(fsys, site, &contentErrs) })
	loadResults(fsys, site, cfg.Language, &errs)
	site.FollowGoalsFromResults()
	wg.Wait()
	errs.Append(contentErrs)
	return cfg, site, fsys, errs
}

func readFile(fsys fs.FS, name string, errs *diag.List) ([]byte, bool) {
	src, err := fs.ReadFile(fsys, name)
	if errors.Is(err, errOutside) {
		// checkLinks has said so: the file and its folder are among those
		// it looks at.
		return nil, false
	}
	if errors.Is(err, fs.ErrNotExist) {
		errs.Add(diag.Pos{Path: name}, "file is missing: every site needs %s (see README, \"The input contract\")", name)
		return nil, false
	}
	if err != nil {
		errs.AddIO(diag.Pos{Path: name}, err)
		return nil, false
	}
	return src, true
}

func isResults(p string) bool {
	return strings.EqualFold(path.Ext(p), ".csv") || strings.EqualFold(path.Ext(p), ".xlsx")
}

// loadResults reads every .csv file under data/results, in path order so
// that errors and duplicate detection do not depend on the file system.
func loadResults(fsys fs.FS, site *model.Site, language string, errs *diag.List) {
	var files []string
	err := fs.WalkDir(fsys, ResultsDir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case Hidden(p) && d.IsDir():
			return fs.SkipDir
		case linkedFolder(fsys, p, d, isResults, errs):
		case !d.IsDir() && !Hidden(p) && isResults(p):
			files = append(files, p)
		}
		return nil
	})
	if errors.Is(err, errOutside) {
		return // data/results is a link that checkLinks has refused
	}
	if errors.Is(err, fs.ErrNotExist) {
		errs.Add(diag.Pos{Path: ResultsDir}, "folder is missing: put the monthly results as .csv or .xlsx files in it")
		return
	}
	if err != nil {
		errs.AddIO(diag.Pos{Path: ResultsDir}, err)
		return
	}
	slices.Sort(files)
	if len(files) > math.MaxInt16 {
		errs.Add(diag.Pos{Path: ResultsDir}, "%d results files; a site may have %d at most: join some of them", len(files), math.MaxInt16)
		return
	}
	r := newResultReader(site, language)
	// Files are read in parallel (a site adds one a year) and joined in
	// path order, so rows and errors come out the same every time. Each
	// file's rows go into a window of one array, as long as the file has
	// lines, so that joining them moves rows within it instead of
	// copying every row out of a slice per file into a new one.
	windows, starts := make([]int, len(files)), make([]int, len(files))
	total := 0
	for i, name := range files {
		windows[i] = rowsIn(fsys, name)
		starts[i] = total
		total += windows[i]
	}
	all := make([]model.Result, total)
	rows := make([][]model.Result, len(files))
	sheets := make([][]string, len(files))
	pointLines := make([]int, len(files))
	fileErrs := make([]diag.List, len(files))
	workers.Each(len(files), func(i int) {
		file, err := fsys.Open(files[i])
		if errors.Is(err, errOutside) {
			// A link, or a link to a folder holding one, refused: said
			// at the file as checkLinks says it.
			fileErrs[i].Add(diag.Pos{Path: files[i]}, "%s", refusedLink(err))
			return
		}
		if err != nil {
			fileErrs[i].AddIO(diag.Pos{Path: files[i]}, err)
			return
		}
		defer file.Close()
		window := all[starts[i] : starts[i] : starts[i]+windows[i]]
		if strings.EqualFold(path.Ext(files[i]), ".xlsx") {
			rows[i] = r.readWorkbook(files[i], int16(i), file, window, &sheets[i], &fileErrs[i])
		} else {
			rows[i], pointLines[i] = r.read(files[i], int16(i), file, window, &fileErrs[i])
		}
	})
	site.ResultFiles, site.ResultSheets, site.ResultPointLines = files, sheets, pointLines
	n, fits := 0, true
	for i := range files {
		n += len(rows[i])
		fits = fits && len(rows[i]) <= windows[i]
		errs.Append(fileErrs[i])
	}
	if !fits {
		// A file grew between counting and reading: join the rows in a
		// new array.
		all = make([]model.Result, 0, n)
	}
	site.Results = all[:0]
	for i := range files {
		site.Results = append(site.Results, rows[i]...)
	}
	site.Results = site.Results[:n:n]
}

// rowsIn counts the lines of the results file name: a row is at most a
// line. Counting reads the file once more, from the page cache. A
// workbook is compressed: its rows join the others after reading.
func rowsIn(fsys fs.FS, name string) int {
	if strings.EqualFold(path.Ext(name), ".xlsx") {
		return 0
	}
	f, err := fsys.Open(name)
	if err != nil {
		return 0
	}
	defer f.Close()
	buf := make([]byte, 64<<10)
	lines := 1
	for {
		n, err := f.Read(buf)
		lines += bytes.Count(buf[:n], []byte("\n"))
		if err != nil {
			return lines
		}
	}
}
