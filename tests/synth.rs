//! The synthetic scale package (`gongkai-synth`): generated into a temporary folder, read with the
//! portal's own code, it has no problem and the size the benchmarks rely on, and the overview
//! chart and the county map draw from it.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use gongkai::chart::catalogue::poverty::national_series;
use gongkai::data::package;
use gongkai::data::period::Period;
use gongkai::data::Level;
use gongkai::i18n::Locale;
use gongkai::map::bins::Binning;
use gongkai::map::choropleth::{choices, choropleth, Selection};
use gongkai::map::join::Changes;
use gongkai::params::Theme;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn generate(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gongkai-synth-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = Command::new(env!("CARGO_BIN_EXE_gongkai-synth")).arg(&dir).output().expect("the generator runs");
    assert!(out.status.success(), "gongkai-synth failed: {}", String::from_utf8_lossy(&out.stderr));
    dir
}

/// The adcodes of every division in the county boundary files.
fn boundary_counties() -> BTreeSet<String> {
    let mut codes = BTreeSet::new();
    for entry in std::fs::read_dir(Path::new(ROOT).join("public/geo/counties")).expect("county files").flatten() {
        let text = std::fs::read_to_string(entry.path()).expect("a county file");
        let topology: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        for g in topology["objects"]["counties"]["geometries"].as_array().expect("counties") {
            codes.insert(g["properties"]["adcode"].as_str().expect("adcode").to_owned());
        }
    }
    codes
}

#[test]
fn the_synthetic_package_is_valid_complete_and_labelled() {
    let dir = generate("main");
    let loaded = package::load_path(&dir.join("datapackage.json")).expect("the package loads");
    let messages: Vec<String> = loaded.problems.iter().map(|p| p.message(Locale::En)).collect();
    assert!(messages.is_empty(), "{messages:#?}");
    let d = &loaded.dataset;

    // Labelled synthetic in all three languages; one source, which says so.
    for word in ["合成数据", "合成數據", "SYNTHETIC"] {
        assert!(d.title.contains(word), "title {:?} lacks {word}", d.title);
    }
    assert_eq!(d.sources.len(), 1);
    assert!(d.sources[0].title.contains("SYNTHETIC") && d.sources[0].title.contains("合成"), "{}", d.sources[0].title);

    // Every county the data format allows, each drawn by the boundary files.
    let boundaries = boundary_counties();
    assert_eq!(boundaries.len(), 2875);
    let county_figures: Vec<_> = d.observations.iter().filter(|f| d.regions[f.region].level == Level::County).collect();
    let counties: BTreeSet<&str> = county_figures.iter().map(|f| d.regions[f.region].code.as_str()).collect();
    assert_eq!(counties.len(), 2870);
    assert!(counties.iter().all(|c| boundaries.contains(*c)), "a county without boundary");
    // The five the format cannot hold as counties (codes ending in 00).
    let missing: Vec<&str> = boundaries.iter().map(String::as_str).filter(|c| !counties.contains(c)).collect();
    assert_eq!(missing, ["441900", "442000", "460400", "620200", "710000"]);

    let periods: BTreeSet<String> = county_figures.iter().map(|f| f.period.to_string()).collect();
    assert_eq!(periods.iter().map(String::as_str).collect::<Vec<_>>(), ["2012", "2013", "2014", "2015", "2016", "2017", "2018", "2019", "2020"]);
    let indicators: BTreeSet<usize> = county_figures.iter().map(|f| f.indicator).collect();
    assert_eq!(indicators.len(), 10);
    assert_eq!(d.indicators.len(), 12, "ten county indicators and the two of the national series");
    assert_eq!(d.pairings.len(), 500);
    for p in &d.pairings {
        assert_eq!((d.regions[p.from].level, d.regions[p.to].level), (Level::County, Level::County));
    }

    // Counts of poor people never rise and reach zero in 2020.
    let poor = d.indicator_index("poor_persons").expect("poor_persons");
    for code in ["522727", "621126", "110101"] {
        let r = d.region_index(code).expect(code);
        let mut series: Vec<(String, f64)> = county_figures.iter().filter(|f| f.region == r && f.indicator == poor).map(|f| (f.period.to_string(), f.value)).collect();
        series.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(series.len(), 9);
        assert!(series.windows(2).all(|w| w[1].1 <= w[0].1), "{code}: {series:?}");
        assert_eq!(series[8].1, 0.0);
    }

    // The overview's chart: two panels of nine year-end points.
    let chart = national_series(d, Locale::ZhHans).expect("the national series");
    assert_eq!(chart.marks.len(), 18);

    // The county map of 2018 shades every county with a figure, in five classes.
    let all = choices(d);
    let choice = all.iter().find(|c| c.indicator == poor && c.level == Level::County).expect("a county choice");
    assert_eq!(choice.reach(), 2870);
    let period: Period = "2018".parse().expect("a period");
    let map = choropleth(d, &Selection { indicator: poor, level: Level::County, period }, &Changes::published(), &Binning::Quantile(5), Locale::ZhHans, Theme::Light);
    assert_eq!(map.shaded.len(), 2870);
    assert_eq!(map.classes.len(), 5);
    assert!(map.shaded.keys().all(|c| boundaries.contains(c)));

    // Under the largest file the portal reads.
    let size = std::fs::metadata(dir.join("observations.csv")).expect("observations.csv").len();
    assert!(size < gongkai::data::decode::MAX_BYTES, "observations.csv is {size} bytes");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_same_package_every_run() {
    let (a, b) = (generate("a"), generate("b"));
    for file in ["datapackage.json", "regions.csv", "sources.csv", "indicators.csv", "pairings.csv", "observations.csv", "funds.csv", "commitments.csv"] {
        let (x, y) = (std::fs::read(a.join(file)).expect(file), std::fs::read(b.join(file)).expect(file));
        assert!(x == y, "{file} differs between runs");
    }
    let _ = std::fs::remove_dir_all(&a);
    let _ = std::fs::remove_dir_all(&b);
}
