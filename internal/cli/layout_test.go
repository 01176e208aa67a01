package cli

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// brokenWords lists the words of fewer than 12 letters in the page's table
// headers, cells and links that a line break splits, as "word (tag)". A
// reader expects a name to break at a space or a hyphen: "NAV Ber/gen/hus"
// and "Kont/or" are what a column squeezed below its words gives.
const brokenWords = `(() => {
	const out = [];
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let n; (n = walker.nextNode());) {
		const el = n.parentElement;
		if (!el || !el.closest('th, td, a, caption, h1, h2, h3') || el.closest('.sr-only') || !el.getClientRects().length) continue;
		for (const m of n.data.matchAll(/[\p{L}\p{N}]+/gu)) {
			if ([...m[0]].length >= 12) continue;
			const r = document.createRange();
			r.setStart(n, m.index);
			r.setEnd(n, m.index + m[0].length);
			const lines = new Set([...r.getClientRects()].filter(b => b.width > 0).map(b => Math.round(b.top)));
			if (lines.size > 1) out.push(m[0] + ' (' + el.tagName.toLowerCase() + ')');
		}
	}
	return out;
})()`

// chartsOverflowing lists what a drawn chart shows past its own edges (a
// legend's name cut off, its swatches off the left), from the boxes
// ECharts gives everything it draws.
const chartsOverflowing = `(() => {
	const out = [];
	document.querySelectorAll('[data-chart]').forEach(el => {
		const chart = echarts.getInstanceByDom(el);
		if (!chart) return;
		chart.getZr().storage.getDisplayList().forEach(d => {
			if (d.ignore || d.invisible || (d.style && d.style.opacity === 0)) return;
			const r = d.getBoundingRect().clone();
			r.applyTransform(d.getComputedTransform());
			if (r.width > 0 && (r.x < -1 || r.x + r.width > el.clientWidth + 1)) out.push(el.id + ': ' + d.type + ' ' + ((d.style && d.style.text) || '') + ' from ' + Math.round(r.x) + ' to ' + Math.round(r.x + r.width) + ' of ' + el.clientWidth);
		});
	});
	return out;
})()`

// overlappingTexts lists the pairs of texts that a drawn chart shows over
// each other or run together on one line (axis labels, legend, bar
// labels), from the boxes ECharts itself gives its texts: "20,0" and
// "40,0" less than 4 px apart read as "20,040,0".
const overlappingTexts = `(() => {
	const out = [];
	document.querySelectorAll('[data-chart]').forEach(el => {
		const chart = echarts.getInstanceByDom(el);
		if (!chart) return;
		const boxes = [];
		chart.getZr().storage.getDisplayList().forEach(d => {
			if ((d.type !== 'tspan' && d.type !== 'text') || d.ignore || d.invisible || !d.style || !d.style.text) return;
			if (d.style.opacity === 0) return;
			const r = d.getBoundingRect().clone();
			r.applyTransform(d.getComputedTransform());
			if (r.width > 0 && r.height > 0) boxes.push({ text: String(d.style.text), r });
		});
		for (let i = 0; i < boxes.length; i++) {
			for (let j = i + 1; j < boxes.length; j++) {
				const a = boxes[i].r, b = boxes[j].r;
				// A pixel's touch of lines is not an overlap.
				const x = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
				const y = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
				if (x > -4 && y > 1) out.push(el.id + ': "' + boxes[i].text + '" ' + (x > 1 ? 'over' : 'against') + ' "' + boxes[j].text + '"');
			}
		}
	});
	return out;
})()`

// crowdedTargets lists the links and controls too small and too close to
// another for a finger, by WCAG 2.2's target size rule (2.5.8): a target
// under 24 by 24 px passes if a 24 px circle on its centre touches no
// other target and no other small target's circle. A link in a sentence is
// exempt, and a target inside another (a link in a summary) is not
// crowded by it. A table's scroll region, focusable for the keyboard but
// no target for a pointer, is not among the targets.
const crowdedTargets = `(() => {
	const targets = [...document.querySelectorAll('a[href], button, summary, input, select, textarea')]
		.filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
		.map(e => {
			const r = e.getBoundingClientRect();
			const p = e.parentElement;
			const inSentence = e.tagName === 'A' && getComputedStyle(e).display === 'inline' && p.textContent.trim().length > e.textContent.trim().length + 3 && !p.closest('th, td');
			return { e, r, x: r.left + r.width / 2, y: r.top + r.height / 2, small: !inSentence && (r.width < 24 || r.height < 24) };
		});
	const out = [];
	for (const a of targets) {
		if (!a.small) continue;
		const near = targets.find(b => {
			if (b === a || b.e.contains(a.e) || a.e.contains(b.e)) return false;
			const dx = Math.max(b.r.left - a.x, 0, a.x - b.r.right), dy = Math.max(b.r.top - a.y, 0, a.y - b.r.bottom);
			return Math.hypot(dx, dy) < 12 || (b.small && Math.hypot(a.x - b.x, a.y - b.y) < 24);
		});
		if (near) out.push('"' + a.e.textContent.trim() + '" (' + Math.round(a.r.width) + 'x' + Math.round(a.r.height) + ') by "' + near.e.textContent.trim() + '"');
	}
	return out;
})()`

// TestWordsAndChartTexts checks, at the narrowest width WCAG 1.4.10 asks a
// page to reflow to, a phone's and a desktop's, that
// no short word in a table or link breaks between two letters, that no
// two texts of a drawn chart overlap and that no link or control is too
// small and crowded for a finger.
func TestWordsAndChartTexts(t *testing.T) {
	ctx := browser(t)
	out := buildExample(t)
	pages := []string{"index.html", "hordaland/index.html", "hordaland/fana/index.html", "sogn-og-fjordane/index.html", "goals/brukertilfredshet/index.html", "goals/overgang-arbeid/index.html", "hordaland/fana/2018-T3.html", "hordaland/2018-T2.html"}
	for _, width := range []int64{320, 390, 1280} {
		for _, name := range pages {
			t.Run(fmt.Sprintf("%s@%d", name, width), func(t *testing.T) {
				p := openPage(t, ctx, width, 844, false)
				if err := chromedp.Do(p.ctx, chromedp.Navigate(fileURL(out, name))); err != nil {
					t.Fatal(err)
				}
				if total, drawn := p.drawCharts(t); drawn != total {
					t.Fatalf("%d of %d charts drawn", drawn, total)
				}
				broken, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]string](brokenWords))
				if err != nil {
					t.Fatal(err)
				}
				if len(broken) > 0 {
					t.Errorf("words broken between two letters: %q", broken)
				}
				// A section the browser skips until it nears the screen is
				// blank in a full-page capture, what a leader pastes into slides.
				skipped, err := chromedp.Run(p.ctx, chromedp.Evaluate[int](`[...document.querySelectorAll('body *')].filter(e => getComputedStyle(e).contentVisibility === 'auto').length`))
				if err != nil {
					t.Fatal(err)
				}
				if skipped > 0 {
					t.Errorf("%d elements are laid out only near the screen (content-visibility: auto)", skipped)
				}
				overlaps, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]string](overlappingTexts))
				if err != nil {
					t.Fatal(err)
				}
				if len(overlaps) > 0 {
					t.Errorf("chart texts over each other or run together: %q", overlaps)
				}
				crowded, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]string](crowdedTargets))
				if err != nil {
					t.Fatal(err)
				}
				if len(crowded) > 0 {
					t.Errorf("targets too small and close for a finger: %q", crowded)
				}
			})
		}
	}
}

// TestScorecardNamesHaveRoom opens an office's page at widths on both
// sides of the scorecard's narrow layout (48rem): wherever the status,
// change and trend have columns of their own, they leave a goal's name
// the room for a long word, as the narrow layout does by moving them
// into the result's cell.
func TestScorecardNamesHaveRoom(t *testing.T) {
	ctx := browser(t)
	out := buildExample(t)
	for _, width := range []int64{320, 390, 641, 768, 769, 1024} {
		p := openPage(t, ctx, width, 844, false)
		if err := chromedp.Do(p.ctx, chromedp.Navigate(fileURL(out, "hordaland/fana/index.html"))); err != nil {
			t.Fatal(err)
		}
		narrow, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]int](`[...document.querySelectorAll('.scorecard tbody th')].map(th => Math.round(th.getBoundingClientRect().width)).filter(w => w < 140)`))
		if err != nil {
			t.Fatal(err)
		}
		if len(narrow) > 0 {
			t.Errorf("at %d px, %d goal names have a column of %v px", width, len(narrow), narrow)
		}
	}
}

// TestMatrixUsesTheWindow checks that a county's matrix of offices and
// goals, which scrolls sideways on a phone, shows every column on a
// desktop whose window has room for them.
func TestMatrixUsesTheWindow(t *testing.T) {
	ctx := browser(t)
	out := buildExample(t)
	p := openPage(t, ctx, 1280, 900, false)
	if err := chromedp.Do(p.ctx, chromedp.Navigate(fileURL(out, "hordaland/index.html"))); err != nil {
		t.Fatal(err)
	}
	sizes, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]int](`(() => {
		const box = document.querySelector('.matrix-scroll');
		return [box.scrollWidth, box.clientWidth, box.querySelectorAll('thead th').length,
			document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth];
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if sizes[2] < 11 {
		t.Fatalf("the matrix has %d columns, want the office's and 10 goals'", sizes[2])
	}
	if sizes[0] > sizes[1] {
		t.Errorf("the matrix is %dpx wide in a %dpx box: it scrolls in a 1280px window", sizes[0], sizes[1])
	}
	if sizes[3] > sizes[4] {
		t.Errorf("the page is %dpx wide in a %dpx window", sizes[3], sizes[4])
	}
}
