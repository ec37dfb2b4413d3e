//! The committed boundary files (`public/geo`, built by `tools/geo/build.sh`) decode, and hold
//! what the map must show: every province including 台湾省 with 钓鱼岛, the 南海诸岛 maritime lines,
//! all 2,875 counties, and every division of the default data.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use gongkai::geo::topojson::{decode, Layers, Shape};

fn geo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("public/geo")
}

fn read(path: &Path) -> Layers {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    decode(&path.display().to_string(), &text).unwrap_or_else(|e| panic!("{e}"))
}

fn first_view() -> Layers {
    read(&geo().join("china.topo.json"))
}

fn counties() -> Vec<Shape> {
    let mut all = Vec::new();
    for entry in std::fs::read_dir(geo().join("counties")).expect("counties folder") {
        let path = entry.expect("entry").path();
        let mut layers = read(&path);
        let shapes = layers.remove("counties").unwrap_or_else(|| panic!("{}: no counties object", path.display()));
        let province = path.file_name().and_then(|n| n.to_str()).unwrap_or_default()[..2].to_owned();
        assert!(shapes.iter().all(|s| s.adcode.starts_with(&province)), "{}: a county of another province", path.display());
        all.extend(shapes);
    }
    all
}

fn named<'a>(shapes: &'a [Shape], adcode: &str) -> &'a Shape {
    shapes.iter().find(|s| s.adcode == adcode).unwrap_or_else(|| panic!("no {adcode}"))
}

#[test]
fn the_first_view_has_every_province_with_taiwan_diaoyu_dao_and_the_south_china_sea_islands() {
    let layers = first_view();
    let provinces = &layers["provinces"];
    assert_eq!(provinces.len(), 34);
    let taiwan = named(provinces, "710000");
    assert_eq!(taiwan.name, "台湾省");
    assert!(taiwan.contains((123.476, 25.746)), "钓鱼岛 is drawn as part of 台湾省");
    let hainan = named(provinces, "460000");
    let southernmost = hainan.polygons.iter().flat_map(|p| p.iter().flatten()).map(|p| p.1).fold(f64::INFINITY, f64::min);
    assert!(southernmost < 5.0, "南海诸岛 reach down to 曾母暗沙 (about 4°N), got {southernmost}");
    let maritime = &layers["maritime"];
    assert_eq!(maritime.len(), 1);
    assert!(maritime[0].lines.len() >= 9, "the maritime boundary lines of 南海诸岛");
    assert_eq!(layers["prefectures"].len(), 370);
    for (code, name) in [("210700", "锦州市"), ("220500", "通化市"), ("150500", "通辽市"), ("131000", "廊坊市"), ("370200", "青岛市"), ("130700", "张家口市")] {
        assert_eq!(named(&layers["prefectures"], code).name, name);
    }
}

#[test]
fn every_county_is_present_once_under_its_province() {
    let counties = counties();
    assert_eq!(counties.len(), 2875);
    let codes: BTreeSet<&str> = counties.iter().map(|c| c.adcode.as_str()).collect();
    assert_eq!(codes.len(), 2875, "no county twice");
    for (code, name) in [
        ("210702", "古塔区"),
        ("210727", "义县"),
        ("220503", "二道江区"),
        ("150522", "科尔沁左翼后旗"),
        ("370211", "黄岛区"),
        ("130723", "康保县"),
        ("130727", "阳原县"),
        ("130724", "沽源县"),
        ("130722", "张北县"),
        ("130725", "尚义县"),
    ] {
        assert_eq!(named(&counties, code).name, name);
    }
}

#[test]
fn every_division_of_the_default_data_has_a_shape() {
    let layers = first_view();
    let counties = counties();
    let shapes: BTreeSet<&str> =
        layers.values().flatten().chain(counties.iter()).map(|s| s.adcode.as_str()).collect();
    let regions = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/regions.csv")).expect("regions.csv");
    let mut missing = Vec::new();
    for line in regions.lines().skip(1) {
        let code = line.split(',').next().unwrap_or_default();
        // Areas that are not divisions (development zones, macro-regions) have no boundary.
        if code.len() == 6 && code.chars().all(|c| c.is_ascii_digit()) && !shapes.contains(code) {
            missing.push(code.to_owned());
        }
    }
    assert!(missing.is_empty(), "divisions without a shape: {missing:?}");
}

#[test]
fn every_county_projects_to_a_drawable_path_inside_the_box() {
    use gongkai::geo::albers::Albers;
    use gongkai::map::paths::Projected;
    let counties = counties();
    let projected = Projected::new(&counties, &Albers::china());
    let paths = projected.paths(&projected.fit(960.0, 720.0, 8.0));
    assert_eq!(paths.len(), 2875);
    let empty: Vec<&str> = paths.iter().filter(|(_, d)| !d.starts_with('M') || !d.contains('L')).map(|(c, _)| *c).collect();
    assert!(empty.is_empty(), "counties without a path: {empty:?}");
}

#[test]
fn every_pairing_of_the_default_data_between_two_places_has_an_arrow_on_the_real_boundaries() {
    use gongkai::map::flows::{flow_map, Measure, Undrawn};
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/datapackage.json");
    let dataset = gongkai::data::package::load_path(&path).expect("the default package").dataset;
    let layers = first_view();
    let counties = counties();
    let anchors: std::collections::HashMap<&str, (f64, f64)> = layers
        .values()
        .flatten()
        .chain(counties.iter())
        .filter_map(|s| gongkai::geo::anchor(&s.polygons).map(|p| (s.adcode.as_str(), p)))
        .collect();
    let map = flow_map(&dataset, Measure::Money, |code| anchors.get(code).copied());
    let ids: Vec<&str> = map.arrows.iter().map(|a| dataset.pairings[a.pairing].id.as_str()).collect();
    assert_eq!(ids, ["s000-p01", "s002-p01", "s003-p01", "s003-p02", "s003-p03", "s003-p04", "s003-p05", "s003-p06"]);
    for arrow in &map.arrows {
        for (lon, lat) in [arrow.from, arrow.to] {
            assert!((73.0..136.0).contains(&lon) && (17.0..54.0).contains(&lat), "{lon}, {lat}");
        }
    }
    // Enterprises assisting villages of their own city, and central agencies recorded under the country.
    let undrawn: Vec<(&str, Undrawn)> = map.undrawn.iter().map(|(i, why)| (dataset.pairings[*i].id.as_str(), *why)).collect();
    assert_eq!(
        undrawn,
        [
            ("s001-p01", Undrawn::SamePlace),
            ("s002-p02", Undrawn::NoAnchor),
            ("s002-p03", Undrawn::NoAnchor),
            ("s002-p04", Undrawn::NoAnchor),
            ("s002-p05", Undrawn::SamePlace),
            ("s002-p06", Undrawn::SamePlace),
        ]
    );
}
