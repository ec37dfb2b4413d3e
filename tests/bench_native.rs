//! Benchmarks (native): parse and validate a 100,000-row observations CSV, and render a
//! 10,000-point line chart and a 300-bar chart to SVG. Run by `tools/bench.sh`, which compares them
//! with the same work in headless Chromium (`tests/bench_wasm.rs`).
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/synthetic.rs"]
mod synthetic;

use gongkai::chart::render::{render, Palette};
use gongkai::chart::spec::Chart;
use gongkai::data::descriptor::Descriptor;
use gongkai::data::{package, DataError};

const ROWS: usize = 100_000;
const LINE_POINTS: usize = 10_000;
const BARS: usize = 300;
const WARM_UPS: usize = 3;
const RUNS: usize = 15;

#[test]
#[ignore = "a benchmark: run with tools/bench.sh (release build)"]
fn parse_and_validate_100k_observations() {
    let (descriptor, files) = synthetic::package(ROWS);
    let descriptor = Descriptor::parse("datapackage.json", descriptor).expect("descriptor");
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let start = std::time::Instant::now();
        let loaded = package::read("datapackage.json", &descriptor, |p| files.get(p).cloned().ok_or_else(|| DataError::unavailable(p, "not generated")));
        let seconds = start.elapsed().as_secs_f64();
        assert!(loaded.problems.is_empty(), "{:?}", &loaded.problems[..1]);
        assert_eq!(loaded.dataset.observations.len(), ROWS);
        best = best.min(seconds);
    }
    println!("BENCH native parse+validate rows={ROWS} seconds={best:.4} rows_per_s={:.0}", ROWS as f64 / best);
}

/// The median time in milliseconds of `RUNS` renders of `chart` (spec → SVG string) after
/// `WARM_UPS` unmeasured ones; also the SVG's length and the number of hits of the last render.
fn time_render(chart: &Chart) -> (f64, usize, usize) {
    let mut times = Vec::with_capacity(RUNS);
    let mut last = (0, 0);
    for run in 0..WARM_UPS + RUNS {
        let start = std::time::Instant::now();
        let drawn = render(chart, synthetic::CHART_WIDTH, &Palette::LIGHT).expect("render");
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        assert_eq!(drawn.hits.len(), chart.marks.len(), "“{}”: a hit per mark (is the renderer a stub?)", chart.title);
        last = (drawn.svg.len(), drawn.hits.len());
        if run >= WARM_UPS {
            times.push(ms);
        }
    }
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], last.0, last.1)
}

#[test]
#[ignore = "a benchmark: run with tools/bench.sh (release build)"]
fn render_line_chart_10k_points() {
    let chart = synthetic::line_chart(LINE_POINTS);
    let (ms, bytes, hits) = time_render(&chart);
    println!("BENCH native chart line points={LINE_POINTS} width={} render_ms={ms:.3} svg_bytes={bytes} hits={hits}", synthetic::CHART_WIDTH);
}

#[test]
#[ignore = "a benchmark: run with tools/bench.sh (release build)"]
fn render_bar_chart_300_bars() {
    let chart = synthetic::bar_chart(BARS);
    let (ms, bytes, hits) = time_render(&chart);
    println!("BENCH native chart bars bars={BARS} width={} render_ms={ms:.3} svg_bytes={bytes} hits={hits}", synthetic::CHART_WIDTH);
}
