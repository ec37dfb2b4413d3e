//! SVG snapshots of one chart of each layout, drawn from the default data package in zh-Hans at
//! 720 px. A change to how charts are drawn shows up here as a diff to review (`cargo insta review`
//! or `INSTA_UPDATE=always cargo test --test chart_snapshots`), after looking at the new drawing.
#![cfg(not(target_arch = "wasm32"))]

use gongkai::chart::catalogue;
use gongkai::chart::render::{render, Palette};
use gongkai::data::package;
use gongkai::i18n::Locale;

fn svg_of(id: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/datapackage.json");
    let loaded = package::load_path(&path).expect("the default package parses");
    let charts = catalogue::all(&loaded.dataset, Locale::ZhHans);
    let chart = charts.iter().find(|c| c.id == id).unwrap_or_else(|| panic!("no chart {id}"));
    let drawn = render(chart, 720, &Palette::LIGHT).expect("draws");
    // One element per line keeps diffs readable.
    drawn.svg.replace("><", ">\n<")
}

#[test]
fn lines_national_series() {
    insta::assert_snapshot!(svg_of("national-series"));
}

#[test]
fn bars_funds_by_stage() {
    insta::assert_snapshot!(svg_of("funds-150500"));
}

#[test]
fn stacked_household_types() {
    insta::assert_snapshot!(svg_of("poverty-breakdown-1"));
}

#[test]
fn flows_pairing_money() {
    insta::assert_snapshot!(svg_of("pairing-money"));
}

#[test]
fn timeline_commitments() {
    insta::assert_snapshot!(svg_of("commitments"));
}
