//! The data package end to end, natively: the default dataset and the base fixture are valid;
//! each malformed fixture in `tests/fixtures/invalid/` yields exactly the messages in its
//! `expected.txt`; the published descriptor agrees with the portal's vocabularies.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use gongkai::data::package::{self, Loaded};
use gongkai::data::resources;
use gongkai::data::vocab::*;
use gongkai::i18n::Locale;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn fixtures() -> PathBuf {
    Path::new(ROOT).join("tests/fixtures")
}

/// Reads the base fixture with the files of `overrides` (a fixture directory) put in place,
/// using the published descriptor unless the fixture has its own.
pub fn load_with(overrides: Option<&Path>) -> Result<Loaded, gongkai::data::DataError> {
    let pick = |name: &str| -> PathBuf {
        match overrides.map(|d| d.join(name)).filter(|p| p.exists()) {
            Some(p) => p,
            None if name == "datapackage.json" => Path::new(ROOT).join("public/data/datapackage.json"),
            None => fixtures().join("base").join(name),
        }
    };
    let descriptor = std::fs::read(pick("datapackage.json")).expect("descriptor readable");
    package::load("datapackage.json", &descriptor, |file| std::fs::read(pick(file)).map_err(|e| gongkai::data::DataError::unavailable(file, e)))
}

#[test]
fn the_base_fixture_is_valid() {
    let loaded = load_with(None).expect("descriptor parses");
    let messages: Vec<String> = loaded.problems.iter().map(|p| p.message(Locale::En)).collect();
    assert!(messages.is_empty(), "{messages:#?}");
    let d = &loaded.dataset;
    assert_eq!(
        (d.regions.len(), d.sources.len(), d.indicators.len(), d.pairings.len(), d.observations.len(), d.funds.len(), d.commitments.len()),
        (9, 2, 5, 1, 6, 5, 1)
    );
    let parts: Vec<&str> = d.observations.iter().filter(|o| o.part_of().is_some()).map(|o| o.id.as_str()).collect();
    assert_eq!(parts, ["o2", "o3", "o4"]);
}

#[test]
fn every_malformed_fixture_gives_its_exact_located_messages() {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(fixtures().join("invalid")).expect("fixtures").flatten().map(|e| e.path()).collect();
    dirs.sort();
    assert!(dirs.len() >= 30, "only {} malformed fixtures", dirs.len());
    let mut failures = BTreeMap::new();
    for dir in &dirs {
        let expected = std::fs::read_to_string(dir.join("expected.txt")).expect("expected.txt");
        let expected: Vec<&str> = expected.lines().filter(|l| !l.is_empty()).collect();
        let got: Vec<String> = match load_with(Some(dir)) {
            Ok(loaded) => loaded.problems.iter().map(|p| p.message(Locale::En)).collect(),
            Err(problem) => vec![problem.message(Locale::En)],
        };
        if got != expected {
            failures.insert(dir.file_name().map(|n| n.to_string_lossy().into_owned()), (expected.join("\n"), got.join("\n")));
        }
    }
    assert!(failures.is_empty(), "fixtures whose messages differ (expected, got): {failures:#?}");
}

#[test]
fn messages_are_localized_with_the_same_location() {
    let dir = fixtures().join("invalid");
    let dir = std::fs::read_dir(dir).expect("fixtures").flatten().map(|e| e.path()).find(|p| p.ends_with("01-negative-value")).expect("fixture 01");
    let loaded = load_with(Some(&dir)).expect("descriptor parses");
    let problem = &loaded.problems[0];
    assert_eq!(problem.message(Locale::ZhHans), "observations.csv 第 6 行“value”列：“-404”为负数；金额和数量不能为负");
    assert_eq!(problem.message(Locale::ZhHant), "observations.csv 第 6 行「value」欄：「-404」為負數；金額和數量不能為負");
}

/// The `enum` constraint of `field` in `resource` of the published descriptor.
fn descriptor_enum(descriptor: &serde_json::Value, resource: &str, field: &str) -> Vec<String> {
    let fields = descriptor["resources"].as_array().into_iter().flatten().find(|r| r["name"] == resource).map(|r| &r["schema"]["fields"]);
    let field = fields.and_then(|f| f.as_array()).into_iter().flatten().find(|f| f["name"] == field);
    field.and_then(|f| f["constraints"]["enum"].as_array()).into_iter().flatten().filter_map(|v| v.as_str().map(str::to_owned)).collect()
}

#[test]
fn the_published_descriptor_declares_the_portals_fields_and_vocabularies() {
    let text = std::fs::read_to_string(Path::new(ROOT).join("public/data/datapackage.json")).expect("descriptor");
    let descriptor: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    for spec in resources::ALL {
        let resource = descriptor["resources"].as_array().into_iter().flatten().find(|r| r["name"] == spec.name);
        let fields: Vec<&str> = resource.and_then(|r| r["schema"]["fields"].as_array()).into_iter().flatten().filter_map(|f| f["name"].as_str()).collect();
        let mut declared = fields.clone();
        declared.sort_unstable();
        let mut known = spec.known();
        known.sort_unstable();
        assert_eq!(declared, known, "fields of {}", spec.name);
    }
    let same = |resource: &str, field: &str, words: &[&str]| {
        assert_eq!(descriptor_enum(&descriptor, resource, field), words, "{resource}.{field}");
    };
    same("indicators", "unit", Unit::VARIANTS);
    same("observations", "unit", Unit::VARIANTS);
    same("indicators", "category", Category::VARIANTS);
    same("indicators", "measure", Measure::VARIANTS);
    same("observations", "qualifier", Qualifier::VARIANTS);
    same("funds", "qualifier", Qualifier::VARIANTS);
    same("observations", "status", Status::VARIANTS);
    same("funds", "status", Status::VARIANTS);
    same("funds", "funding_source", FundingSource::VARIANTS);
    same("funds", "stage", Stage::VARIANTS);
    same("pairings", "kind", PairingKind::VARIANTS);
    same("regions", "level", Level::VARIANTS);
    same("commitments", "status", CommitmentStatus::VARIANTS);
    same("sources", "kind", SourceKind::VARIANTS);
    same("sources", "language", Language::VARIANTS);
}
