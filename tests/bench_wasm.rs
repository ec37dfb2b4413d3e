//! Benchmark (wasm, headless Chromium): parse and validate a 100,000-row observations CSV, the
//! same work as `tests/bench_native.rs`. Run by `tools/bench.sh`; the budget (≥ 500,000 rows/s)
//! is asserted here.
#![cfg(target_arch = "wasm32")]

#[path = "support/synthetic.rs"]
mod synthetic;

use gongkai::data::descriptor::Descriptor;
use gongkai::data::package;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const ROWS: usize = 100_000;
/// The budget named in the data-format issue.
const MIN_ROWS_PER_SECOND: f64 = 500_000.0;

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

#[wasm_bindgen_test]
fn parse_and_validate_100k_observations() {
    let (descriptor, files) = synthetic::package(ROWS);
    let descriptor = Descriptor::parse("datapackage.json", descriptor).expect("descriptor");
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let start = now();
        let loaded = package::read("datapackage.json", &descriptor, |p| files.get(p).cloned().ok_or_else(|| p.to_owned()));
        let seconds = (now() - start) / 1000.0;
        assert!(loaded.problems.is_empty());
        assert_eq!(loaded.dataset.observations.len(), ROWS);
        best = best.min(seconds);
    }
    let rate = ROWS as f64 / best;
    console_log!("BENCH wasm parse+validate rows={ROWS} seconds={best:.4} rows_per_s={rate:.0}");
    assert!(rate >= MIN_ROWS_PER_SECOND, "{rate:.0} rows/s is below the budget of {MIN_ROWS_PER_SECOND} rows/s");
}
