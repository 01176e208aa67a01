// Package search makes the site's search index: the names of its units
// and the counties' texts, the titles and descriptions of its goals, and
// the text of every office's commentary and measures, each with the page
// that shows it. The index is written as a
// classic script that sets a global, because a page opened from a file
// share (file://) can neither fetch a JSON file nor import a module; the
// page's search loads it, with MiniSearch, only when its field is first
// used, and MiniSearch indexes it there.
//
// The index holds text that people wrote and the names and months of the
// places it is shown: no figure from the results, so nothing suppressed
// can ever be found through it.
package search

import (
	"bytes"
	"encoding/json"

	"github.com/malekort/malekort/internal/model"
)

// File is where the index is published.
const File = "assets/search-index.js"

// LibraryFile is where the MiniSearch library is published.
const LibraryFile = "assets/minisearch.js"

// Kinds of document, as the index numbers them.
const (
	kindUnit = iota
	kindGoal
	kindCommentary
	kindMeasure
)

// Index collects the documents in the order they are added: the same
// calls in the same order give the same bytes.
type Index struct {
	monthName  func(model.Period) string
	words      map[string]string
	commentary string
	units      [][2]string
	goals      [][2]string
	months     [][2]string
	monthOf    map[model.Period]int
	docs       [][]any
}

// New starts an index whose months are named by monthName and whose
// results are worded by words (see Words). commentary is the name of an
// office's commentary page in its folder, whose anchors are months.
func New(monthName func(model.Period) string, words map[string]string, commentary string) *Index {
	return &Index{monthName: monthName, words: words, commentary: commentary, monthOf: map[model.Period]int{},
		units: [][2]string{}, goals: [][2]string{}, months: [][2]string{}, docs: [][]any{}}
}

// Words are the keys of the site's words that the page's search shows.
var Words = []string{
	"search.count", "search.count.one", "search.none",
	"search.shown", "search.kind.unit", "search.kind.goal", "search.kind.commentary", "search.kind.measure",
}

// Unit adds a county or office, whose pages are in folder (relative to
// the site root, ending in a slash), with the plain text its page shows
// of it (a county's text; "" for none), and returns its number.
func (ix *Index) Unit(name, folder, text string) int {
	ix.units = append(ix.units, [2]string{name, folder})
	ix.docs = append(ix.docs, withText([]any{kindUnit, len(ix.units) - 1}, text))
	return len(ix.units) - 1
}

// Goal adds a goal, whose page is in folder, with its description as
// plain text, and returns its number.
func (ix *Index) Goal(title, folder, description string) int {
	ix.goals = append(ix.goals, [2]string{title, folder})
	ix.docs = append(ix.docs, withText([]any{kindGoal, len(ix.goals) - 1}, description))
	return len(ix.goals) - 1
}

// withText is doc with text after it, where there is any: most units
// have none.
func withText(doc []any, text string) []any {
	if text == "" {
		return doc
	}
	return append(doc, text)
}

// Commentary adds office unit's commentary for month p, as plain text.
func (ix *Index) Commentary(unit int, p model.Period, text string) {
	ix.docs = append(ix.docs, []any{kindCommentary, unit, ix.month(p), text})
}

// Measure adds a measure of office unit for goal, decided in month p's
// commentary.
func (ix *Index) Measure(unit, goal int, p model.Period, text string) {
	ix.docs = append(ix.docs, []any{kindMeasure, unit, ix.month(p), text, goal})
}

func (ix *Index) month(p model.Period) int {
	i, ok := ix.monthOf[p]
	if !ok {
		i = len(ix.months)
		ix.monthOf[p] = i
		ix.months = append(ix.months, [2]string{p.String(), ix.monthName(p)})
	}
	return i
}

// Global is the name the index has in the page.
const Global = "malekortSearch"

// Script is the index as a classic script. Documents refer to units,
// goals and months by number, so that each name and path is written
// once: at NAV's size they would otherwise be most of the file.
func (ix *Index) Script() []byte {
	var b bytes.Buffer
	b.WriteString("window." + Global + "=")
	enc := json.NewEncoder(&b)
	// The script is never parsed as HTML: escaping <, > and & would only
	// make it larger.
	enc.SetEscapeHTML(false)
	err := enc.Encode(struct {
		Words      map[string]string `json:"words"`
		Commentary string            `json:"commentary"`
		Units      [][2]string       `json:"units"`
		Goals      [][2]string       `json:"goals"`
		Months     [][2]string       `json:"months"`
		Docs       [][]any           `json:"docs"`
	}{ix.words, ix.commentary, ix.units, ix.goals, ix.months, ix.docs})
	if err != nil {
		// Strings and numbers always encode.
		panic(err)
	}
	b.Truncate(b.Len() - 1) // the encoder's newline
	b.WriteString(";\n")
	return b.Bytes()
}
