//! Benchmarks (wasm, headless Chromium): parse and validate a 100,000-row observations CSV, and
//! render a 10,000-point line chart and a 300-bar chart to SVG and put them into the page; the same
//! work as `tests/bench_native.rs`. Run by `tools/bench.sh`; the budgets (≥ 500,000 rows/s, and
//! ≤ 16 ms per chart for render + DOM insert) are asserted here.
#![cfg(target_arch = "wasm32")]

#[path = "support/synthetic.rs"]
mod synthetic;

use gongkai::chart::render::{render, Palette};
use gongkai::chart::spec::Chart;
use gongkai::data::descriptor::Descriptor;
use gongkai::data::{package, DataError};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const ROWS: usize = 100_000;
/// Parse runs per round; the best counts.
const PARSE_RUNS: usize = 5;
/// Rounds of measurement. These shared machines have slow spells of several seconds (their
/// neighbours take the CPU); when a round misses its budget the test waits and measures again, up
/// to this many rounds, and the best round counts. Every round is logged (`ROUND …`).
const ROUNDS: usize = 3;
const PAUSE_MS: i32 = 3000;
/// The budget named in the data-format issue.
const MIN_ROWS_PER_SECOND: f64 = 500_000.0;

const LINE_POINTS: usize = 10_000;
const BARS: usize = 300;
const WARM_UPS: usize = 3;
const RUNS: usize = 15;
/// The budget named in the chart issue: one frame at 60 Hz (1× CPU), for render + DOM insert
/// (setting `innerHTML`; the layout that follows is measured but not held to it).
const MAX_RENDER_INSERT_MS: f64 = 16.0;

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().expect("window").set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[wasm_bindgen_test]
async fn parse_and_validate_100k_observations() {
    let (descriptor, files) = synthetic::package(ROWS);
    let descriptor = Descriptor::parse("datapackage.json", descriptor).expect("descriptor");
    let mut best = f64::INFINITY;
    for round in 1..=ROUNDS {
        for _ in 0..PARSE_RUNS {
            let start = now();
            let loaded = package::read("datapackage.json", &descriptor, |p| files.get(p).cloned().ok_or_else(|| DataError::unavailable(p, "not generated")));
            let seconds = (now() - start) / 1000.0;
            assert!(loaded.problems.is_empty());
            assert_eq!(loaded.dataset.observations.len(), ROWS);
            best = best.min(seconds);
        }
        console_log!("ROUND parse+validate round={round} best_rows_per_s={:.0}", ROWS as f64 / best);
        if ROWS as f64 / best >= MIN_ROWS_PER_SECOND {
            break;
        }
        sleep(PAUSE_MS).await;
    }
    let rate = ROWS as f64 / best;
    console_log!("BENCH wasm parse+validate rows={ROWS} seconds={best:.4} rows_per_s={rate:.0}");
    assert!(rate >= MIN_ROWS_PER_SECOND, "{rate:.0} rows/s is below the budget of {MIN_ROWS_PER_SECOND} rows/s in {ROUNDS} rounds");
}

/// The median of `times` (milliseconds).
fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// Medians, in milliseconds, of one chart's timings in the browser.
struct Timings {
    /// Spec → SVG string.
    render: f64,
    /// Render, then set the SVG as the `innerHTML` of a div attached to the document (Chromium
    /// parses it and builds the DOM; style and layout are left for later).
    insert: f64,
    /// Render + insert, then read the div's height, which forces style and layout now.
    layout: f64,
    svg_bytes: usize,
}

/// Times `chart`: `RUNS` renders alone, then `RUNS` renders put into a 960-pixel-wide div attached
/// to the document (each replacing the last), each series after `WARM_UPS` unmeasured runs.
fn time_chart(chart: &Chart) -> Timings {
    let width = synthetic::CHART_WIDTH;
    let draw = || {
        let drawn = render(chart, width, &Palette::LIGHT).expect("render");
        assert_eq!(drawn.hits.len(), chart.marks.len(), "“{}”: a hit per mark (is the renderer a stub?)", chart.title);
        drawn
    };
    let mut render_times = Vec::with_capacity(RUNS);
    let mut svg_bytes = 0;
    for run in 0..WARM_UPS + RUNS {
        let start = now();
        let drawn = draw();
        let ms = now() - start;
        svg_bytes = drawn.svg.len();
        if run >= WARM_UPS {
            render_times.push(ms);
        }
    }

    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let div = document.create_element("div").expect("a div");
    div.set_attribute("style", &format!("width: {width}px")).expect("style");
    document.body().expect("a body").append_child(&div).expect("attached");
    let div: web_sys::HtmlElement = div.unchecked_into();
    let (mut insert_times, mut layout_times) = (Vec::with_capacity(RUNS), Vec::with_capacity(RUNS));
    for run in 0..WARM_UPS + RUNS {
        let start = now();
        let drawn = draw();
        div.set_inner_html(&drawn.svg);
        let inserted = now();
        let height = div.offset_height();
        let laid_out = now();
        assert!(height > 0, "“{}”: the inserted SVG has no height", chart.title);
        if run >= WARM_UPS {
            insert_times.push(inserted - start);
            layout_times.push(laid_out - start);
        }
    }
    div.remove();
    Timings { render: median(render_times), insert: median(insert_times), layout: median(layout_times), svg_bytes }
}

/// [`time_chart`] in rounds (see [`ROUNDS`]): the round with the fastest render + insert counts.
async fn time_chart_in_rounds(name: &str, chart: &Chart) -> Timings {
    let mut best: Option<Timings> = None;
    for round in 1..=ROUNDS {
        let t = time_chart(chart);
        console_log!("ROUND chart {name} round={round} insert_ms={:.3}", t.insert);
        let done = t.insert <= MAX_RENDER_INSERT_MS;
        if best.as_ref().is_none_or(|b| t.insert < b.insert) {
            best = Some(t);
        }
        if done {
            break;
        }
        sleep(PAUSE_MS).await;
    }
    best.expect("at least one round")
}

fn check_budget(name: &str, t: &Timings) {
    assert!(
        t.insert <= MAX_RENDER_INSERT_MS,
        "{name}: render + DOM insert takes {:.2} ms (render alone {:.2} ms), over the budget of {MAX_RENDER_INSERT_MS} ms",
        t.insert,
        t.render
    );
}

#[wasm_bindgen_test]
async fn render_line_chart_10k_points() {
    let chart = synthetic::line_chart(LINE_POINTS);
    let t = time_chart_in_rounds("line", &chart).await;
    console_log!(
        "BENCH wasm chart line points={LINE_POINTS} width={} render_ms={:.3} insert_ms={:.3} layout_ms={:.3} svg_bytes={}",
        synthetic::CHART_WIDTH,
        t.render,
        t.insert,
        t.layout,
        t.svg_bytes
    );
    check_budget("line chart, 10,000 points", &t);
}

#[wasm_bindgen_test]
async fn render_bar_chart_300_bars() {
    let chart = synthetic::bar_chart(BARS);
    let t = time_chart_in_rounds("bars", &chart).await;
    console_log!(
        "BENCH wasm chart bars bars={BARS} width={} render_ms={:.3} insert_ms={:.3} layout_ms={:.3} svg_bytes={}",
        synthetic::CHART_WIDTH,
        t.render,
        t.insert,
        t.layout,
        t.svg_bytes
    );
    check_budget("bar chart, 300 bars", &t);
}

// ---- Map: all 2,875 counties ----

/// Every county file, as the portal publishes them.
macro_rules! county_files {
    ($($p:literal)+) => { [$(include_str!(concat!("../public/geo/counties/", $p, "0000.topo.json"))),+] };
}
const COUNTY_FILES: [&str; 34] =
    county_files!("11" "12" "13" "14" "15" "21" "22" "23" "31" "32" "33" "34" "35" "36" "37" "41" "42" "43" "44" "45" "46" "50" "51" "52" "53" "54" "61" "62" "63" "64" "65" "71" "81" "82");
/// Budgets named in the map issue, at 1× CPU.
const MAX_PAINT_MS: f64 = 100.0;
const MAX_RECOLOUR_MS: f64 = 30.0;
const MAP_RUNS: usize = 7;

/// Resolves at the start of the next frame (in its animation-frame phase, before its style,
/// layout and paint), so that work started then is painted in that same frame.
async fn frame_start() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().expect("window").request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves once the frame under way has been painted: a zero-delay timer runs after the
/// browser's rendering step.
async fn painted() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().expect("window").set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A colour for every county from made-up values (`salt` varies them, as another period would).
fn county_colours(atlas: &gongkai::map::atlas::Atlas, salt: u64) -> rustc_hash::FxHashMap<String, &'static str> {
    use gongkai::map::bins::{class_of, edges, Binning, Ramp};
    let counties: Vec<&str> = atlas.divisions.iter().filter(|d| d.tier == gongkai::map::atlas::Tier::County).map(|d| d.code.as_str()).collect();
    let values: Vec<f64> = counties.iter().map(|c| (c.parse::<u64>().unwrap_or(0).wrapping_mul(2_654_435_761).wrapping_add(salt) % 100_000) as f64).collect();
    let e = edges(&values, &Binning::Quantile(5));
    let ramp = Ramp::Blues.colours(e.len() - 1, gongkai::params::Theme::Light);
    counties.iter().zip(&values).filter_map(|(c, v)| Some(((*c).to_owned(), ramp[class_of(Some(*v), &e)?]))).collect()
}

/// The choropleth's region layer with all 2,875 counties: from data ready (boundaries decoded and
/// projected, colours classed) to the first painted frame, and recolouring for another period.
#[wasm_bindgen_test]
async fn paint_and_recolour_all_counties() {
    use gongkai::geo::topojson::decode;
    use gongkai::map::atlas::{Atlas, Tier};
    use gongkai::map::draw::{region_paths, RegionPath};
    use gongkai::ui::map::regions::RegionLayer;
    use leptos::prelude::*;

    let start = now();
    let mut atlas = Atlas::new(&decode("china.topo.json", include_str!("../public/geo/china.topo.json")).expect("first view"));
    for (i, text) in COUNTY_FILES.iter().enumerate() {
        atlas.add(&decode(&format!("counties/{i}"), text).expect("county file"));
    }
    let prepare = now() - start;
    let counties: Vec<usize> = (0..atlas.divisions.len()).filter(|&i| atlas.divisions[i].tier == Tier::County).collect();
    assert_eq!(counties.len(), 2875);
    let (first, second) = (county_colours(&atlas, 0), county_colours(&atlas, 7));
    let layout = atlas.layout(None, true);
    // The layer writes its paths from the atlas.
    let shared = RwSignal::new(atlas.clone());

    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    // The portal's stylesheet, so that regions are painted with their real strokes.
    let style = document.create_element("style").expect("style");
    style.set_text_content(Some(include_str!("../style/main.css")));
    document.head().expect("head").append_child(&style).expect("attached");
    // Rounds (see ROUNDS): the round with the fastest median paint counts.
    let mut best: Option<(f64, f64, f64)> = None;
    for round in 1..=ROUNDS {
        let (mut paint_times, mut recolour_times, mut shown_times) = (Vec::new(), Vec::new(), Vec::new());
        for run in 0..=MAP_RUNS {
            let root: web_sys::HtmlElement = document.create_element("div").expect("div").unchecked_into();
            root.set_attribute("style", "width: 960px").expect("style");
            document.body().expect("body").append_child(&root).expect("attached");
            let colours_now = RwSignal::new(first.clone());
            frame_start().await;
            let start = now();
            let regions: std::sync::Arc<Vec<RegionPath>> = std::sync::Arc::new(region_paths(&atlas, &counties, &layout));
            let layer_layout = layout.clone();
            let (width, height) = (layout.width, layout.height);
            let handle = leptos::mount::mount_to(root.clone(), move || {
                let colours = Memo::new(move |_| colours_now.get());
                let nothing = Callback::new(|_: RegionPath| {});
                view! {
                    <figure class="map"><div class="map-box"><svg viewBox=format!("0 0 {width} {height}") width="960">
                        <RegionLayer
                            regions=regions.clone()
                            atlas=shared
                            layout=layer_layout.clone()
                            colours=colours
                            shaded_tier=Memo::new(|_| Some(Tier::County))
                            selected=Memo::new(|_| None)
                            active=RwSignal::new(None)
                            label=|r: &RegionPath| r.name.clone()
                            open=nothing
                            open_by_key=nothing
                            up=Callback::new(|_: ()| {})
                        />
                    </svg></div></figure>
                }
            });
            painted().await;
            let paint = now() - start;
            assert_eq!(root.query_selector_all("path.region").expect("selector").length(), 2875, "every county is drawn");

            frame_start().await;
            let start = now();
            colours_now.set(second.clone());
            painted().await;
            let recolour = now() - start;
            // The recolour happened: every path now has its second colour.
            let paths = root.query_selector_all("path.region").expect("selector");
            let recoloured = (0..paths.length())
                .filter_map(|i| paths.item(i))
                .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
                .filter(|p| p.get_attribute("data-code").and_then(|c| second.get(&c).copied()) == p.get_attribute("fill").as_deref())
                .count();
            assert_eq!(recoloured, 2875, "every county shows its new colour");
            // Back to the first colours, from no particular moment, until the next frame is painted:
            // what a reader waits, including the wait for the display's next frame.
            let start = now();
            colours_now.set(first.clone());
            frame_start().await;
            painted().await;
            let shown = now() - start;
            if run > 0 {
                paint_times.push(paint);
                recolour_times.push(recolour);
                shown_times.push(shown);
            }
            drop(handle);
            root.remove();
        }

        let medians = (median(paint_times), median(recolour_times), median(shown_times));
        console_log!("ROUND map round={round} paint_ms={:.1} recolour_ms={:.1}", medians.0, medians.1);
        if best.is_none_or(|b| medians.0 < b.0) {
            best = Some(medians);
        }
        if medians.0 <= MAX_PAINT_MS && medians.1 <= MAX_RECOLOUR_MS {
            break;
        }
        sleep(PAUSE_MS).await;
    }
    style.remove();
    let (paint, recolour, shown) = best.expect("at least one round");
    console_log!("BENCH wasm map counties regions=2875 prepare_ms={prepare:.1} paint_ms={paint:.1} recolour_ms={recolour:.1} recolour_shown_ms={shown:.1}");
    assert!(paint <= MAX_PAINT_MS, "2,875 counties: data ready → painted takes {paint:.1} ms, over the budget of {MAX_PAINT_MS} ms");
    assert!(recolour <= MAX_RECOLOUR_MS, "2,875 counties: recolouring takes {recolour:.1} ms, over the budget of {MAX_RECOLOUR_MS} ms");
}
