// Package locale formats numbers, months and sorted names the way readers of
// each site language expect, and holds the site's translated words.
// Norwegian (nb, nn) writes a decimal comma, groups thousands with a
// no-break space and sorts æ, ø, å after z.
package locale

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/malekort/malekort/internal/decimal"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Locale is one site language.
type Locale struct {
	Lang     string
	words    map[string]string
	collator *collate.Collator
	// mu guards collator, which is not safe for concurrent use: pages are
	// built in parallel.
	mu sync.Mutex
}

// Languages are the languages a site can be written in.
var Languages = []string{"nb", "nn", "en"}

// New returns the locale for "nb", "nn" or "en".
func New(lang string) *Locale {
	// Bokmål and nynorsk sort alike. x/text's "nb" (and "no") tables sort
	// å with a, so both use nynorsk's, which puts æ, ø, å after z.
	tag := language.MustParse("nn")
	if lang == "en" {
		tag = language.English
	}
	return &Locale{Lang: lang, words: dictionary[lang], collator: collate.New(tag)}
}

// Word is the translation of key in language lang, without a Locale's
// collator (which is costly to make).
func Word(lang, key string) string { return (&Locale{words: dictionary[lang]}).T(key) }

// Norwegian reports whether the locale writes Norwegian conventions.
func (l *Locale) Norwegian() bool { return l.Lang != "en" }

// T returns the translation of key; a missing key shows as itself so that
// the gap is visible in review instead of silently empty.
func (l *Locale) T(key string) string {
	if w, ok := l.words[key]; ok {
		return w
	}
	if Missing != nil {
		Missing(l.Lang, key)
	}
	return key
}

// Missing, when set, hears of each key T has no word for: tests set it
// while they build a site, to find every word the code asks for.
var Missing func(lang, key string)

// Number formats an already rounded value with the given decimals,
// grouping thousands.
func (l *Locale) Number(v float64, decimals int) string {
	var buf [40]byte
	return string(l.appendNumber(buf[:0], v, decimals))
}

// appendNumber appends Number(v, decimals) to b. A unit page formats
// thousands of numbers, so they are formatted into the caller's buffer
// rather than through strings of their own.
func (l *Locale) appendNumber(b []byte, v float64, decimals int) []byte {
	var buf [32]byte
	s := decimal.AppendFixed(buf[:0], v, decimals)
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	// A minus sign, not a hyphen, in every language: it is read out as
	// minus, and is as wide as the plus.
	group, point, minus := ",", ".", "\u2212"
	if l.Norwegian() {
		group, point = "\u00a0", ","
	}
	if neg && strings.Trim(string(s), "0.") != "" {
		b = append(b, minus...)
	}
	intLen := bytes.IndexByte(s, '.')
	if intLen < 0 {
		intLen = len(s)
	}
	for i := range intLen {
		if i > 0 && (intLen-i)%3 == 0 {
			b = append(b, group...)
		}
		b = append(b, s[i])
	}
	if intLen < len(s) {
		b = append(b, point...)
		b = append(b, s[intLen+1:]...)
	}
	return b
}

// Plain formats a rounded value for a CSV file: no grouping, an ASCII minus,
// a decimal comma for Norwegian so that Norwegian Excel reads it as a number.
func (l *Locale) Plain(v float64, decimals int) string {
	var buf [32]byte
	return string(l.AppendPlain(buf[:0], v, decimals))
}

// AppendPlain appends Plain(v, decimals) to b.
func (l *Locale) AppendPlain(b []byte, v float64, decimals int) []byte {
	start := len(b)
	b = decimal.AppendFixed(b, v, decimals)
	s := b[start:]
	if s[0] == '-' && len(bytes.Trim(s, "-0.")) == 0 {
		b = append(b[:start], s[1:]...) // no "-0,0"
	}
	if l.Norwegian() {
		if i := bytes.IndexByte(b[start:], '.'); i >= 0 {
			b[start+i] = ','
		}
	}
	return b
}

// AppendNumber appends what Number returns to b.
func (l *Locale) AppendNumber(b []byte, v float64, decimals int) []byte {
	return l.appendNumber(b, v, decimals)
}

// UnitLabel is what the numbers of unit are labelled with, after each
// ("%", "dager") or once in a table's heading, or "" for a count or a
// score. WithUnit writes it too, so the two cannot disagree.
func (l *Locale) UnitLabel(unit string) string {
	switch unit {
	case "percent":
		return "%"
	case "days", "nok":
		return l.T(unit)
	}
	return ""
}

// WithUnit formats a value with its unit, e.g. "45,3 %" or "12 dager".
func (l *Locale) WithUnit(v float64, decimals int, unit string) string {
	var buf [64]byte
	return string(l.AppendWithUnit(buf[:0], v, decimals, unit))
}

// AppendWithUnit appends what WithUnit returns to b.
func (l *Locale) AppendWithUnit(b []byte, v float64, decimals int, unit string) []byte {
	start := len(b)
	b = l.appendNumber(b, v, decimals)
	label := l.UnitLabel(unit)
	if label == "" {
		return b
	}
	if n := string(b[start:]); unit == "days" && (n == "1" || n == "−1" || n == "-1") {
		label = l.T("days.one") // "1 dag", not "1 dager", as the number reads
	}
	// English writes "45.3%"; Norwegian sets every unit apart, "45,3 %".
	if unit != "percent" || l.Norwegian() {
		b = append(b, "\u00a0"...)
	}
	return append(b, label...)
}

var monthsNorwegian = []string{"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"}
var monthsEnglish = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// Month names a month and year in full: "oktober 2026".
func (l *Locale) Month(year, month int) string {
	return l.monthName(month) + " " + strconv.Itoa(year)
}

// MonthRange names the months from the first to the last of one year:
// "mai–august 2018", or "januar 2018" where they are one.
func (l *Locale) MonthRange(year, first, last int) string {
	if first == last {
		return l.Month(year, last)
	}
	return l.monthName(first) + "–" + l.Month(year, last)
}

// ShortMonth names a month briefly for chart axes: "okt. 26".
func (l *Locale) ShortMonth(year, month int) string {
	name := l.monthName(month)
	if len([]rune(name)) > 4 {
		name = string([]rune(name)[:3]) + "."
	}
	return name + " " + strconv.Itoa(year%100)
}

func (l *Locale) monthName(m int) string {
	if l.Norwegian() {
		return monthsNorwegian[m-1]
	}
	return monthsEnglish[m-1]
}

// Count says n of something with its word in the singular or plural:
// "1 side", "12 sider". key names the word; key+".n" its plural.
func (l *Locale) Count(n int, key string) string {
	if n != 1 {
		key += ".n"
	}
	return l.Number(float64(n), 0) + " " + l.T(key)
}

// SortBy sorts items by the names key gives, in the language's order.
func SortBy[T any](l *Locale, items []T, key func(T) string) {
	var buf collate.Buffer
	keys := make(map[string][]byte, len(items))
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, it := range items {
		k := key(it)
		if _, ok := keys[k]; !ok {
			keys[k] = slices.Clone(l.collator.KeyFromString(&buf, numbersByValue(k)))
			buf.Reset()
		}
	}
	slices.SortStableFunc(items, func(a, b T) int {
		return strings.Compare(string(keys[key(a)]), string(keys[key(b)]))
	})
}

// numbersByValue is name with each number in it led by its count of
// digits ("NAV Kontor 7" "NAV Kontor 017", "NAV Kontor 10" "NAV Kontor
// 0210"), so that names sort by their numbers' values. x/text's
// collate.Numeric sorts a 0 followed by more text after every other
// number (golang/go#67997).
func numbersByValue(name string) string {
	var b strings.Builder
	for i := 0; i < len(name); {
		if name[i] < '0' || name[i] > '9' {
			b.WriteByte(name[i])
			i++
			continue
		}
		end := i
		for end < len(name) && '0' <= name[end] && name[end] <= '9' {
			end++
		}
		digits := strings.TrimLeft(name[i:end], "0")
		if digits == "" {
			digits = "0"
		}
		if len(digits) < 100 {
			fmt.Fprintf(&b, "%02d", len(digits))
		}
		b.WriteString(digits)
		i = end
	}
	return b.String()
}

// Date formats a YYYY-MM-DD date the way the language writes it.
func (l *Locale) Date(iso string) string {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return iso
	}
	if l.Norwegian() {
		return fmt.Sprintf("%d. %s %d", t.Day(), l.monthName(int(t.Month())), t.Year())
	}
	return fmt.Sprintf("%d %s %d", t.Day(), l.monthName(int(t.Month())), t.Year())
}
