//! Benchmark (native): parse and validate a 100,000-row observations CSV. Run by `tools/bench.sh`,
//! which compares it with the same work in headless Chromium (`tests/bench_wasm.rs`).
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/synthetic.rs"]
mod synthetic;

use gongkai::data::descriptor::Descriptor;
use gongkai::data::package;

const ROWS: usize = 100_000;

#[test]
#[ignore = "a benchmark: run with tools/bench.sh (release build)"]
fn parse_and_validate_100k_observations() {
    let (descriptor, files) = synthetic::package(ROWS);
    let descriptor = Descriptor::parse("datapackage.json", descriptor).expect("descriptor");
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let start = std::time::Instant::now();
        let loaded = package::read("datapackage.json", &descriptor, |p| files.get(p).cloned().ok_or_else(|| p.to_owned()));
        let seconds = start.elapsed().as_secs_f64();
        assert!(loaded.problems.is_empty(), "{:?}", &loaded.problems[..1]);
        assert_eq!(loaded.dataset.observations.len(), ROWS);
        best = best.min(seconds);
    }
    println!("BENCH native parse+validate rows={ROWS} seconds={best:.4} rows_per_s={:.0}", ROWS as f64 / best);
}
