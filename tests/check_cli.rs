//! The publisher's checker, run as a publisher runs it: on the default package it prints
//! nothing and succeeds; on a malformed package it prints each located problem and fails.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn check(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_gongkai-check")).args(args).output().expect("the checker runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A copy of the base fixture with the files of one malformed fixture in place, under the default
/// descriptor; its stories (which show the default data's charts) only if `stories`.
fn assemble(fixture: &str, stories: bool) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gongkai-check-{}-{fixture}-{stories}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let fixtures = Path::new(ROOT).join("tests/fixtures");
    let descriptor = std::fs::read_to_string(Path::new(ROOT).join("public/data/datapackage.json")).expect("descriptor");
    let mut descriptor: serde_json::Value = serde_json::from_str(&descriptor).expect("JSON");
    if !stories {
        descriptor.as_object_mut().expect("an object").remove("gongkai:stories");
    }
    std::fs::write(dir.join("datapackage.json"), descriptor.to_string()).expect("descriptor");
    for from in [fixtures.join("base"), fixtures.join("invalid").join(fixture)] {
        for entry in std::fs::read_dir(from).expect("fixture").flatten() {
            std::fs::copy(entry.path(), dir.join(entry.file_name())).expect("copy");
        }
    }
    dir
}

#[test]
fn the_default_package_passes() {
    let (code, out) = check(&["--lang", "en", &format!("{ROOT}/public/data/datapackage.json")]);
    assert_eq!((code, out.as_str()), (0, ""));
}

#[test]
fn a_malformed_package_fails_with_the_located_messages() {
    let dir = assemble("29-total-rejected-so-parts-are-too", false);
    let expected = std::fs::read_to_string(dir.join("expected.txt")).expect("expected.txt");
    let (code, out) = check(&["--lang", "en", dir.join("datapackage.json").to_str().expect("utf-8 path")]);
    assert_eq!(code, 1);
    assert_eq!(out, expected);
    let (_, zh) = check(&[dir.join("datapackage.json").to_str().expect("utf-8 path")]);
    assert!(zh.starts_with("funds.csv 第 2 行“period”列：时期“2018/2017”的结束早于开始\n"), "{zh}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn wrong_arguments_and_missing_files_are_reported() {
    assert_eq!(check(&[]).0, 2);
    assert_eq!(check(&["--lang", "fr", "x.json"]).0, 2);
    let (code, out) = check(&["--lang", "en", "/nonexistent/datapackage.json"]);
    assert_eq!(code, 1);
    assert_eq!(out, "datapackage.json: the file could not be read: No such file or directory (os error 2)\n");
}

#[test]
fn story_slides_whose_views_show_nothing_are_named() {
    // The base fixture's few figures make none of the charts the default story shows.
    let dir = assemble("29-total-rejected-so-parts-are-too", true);
    let (code, out) = check(&["--lang", "en", dir.join("datapackage.json").to_str().expect("utf-8 path")]);
    assert_eq!(code, 1);
    assert!(out.contains("datapackage.json, gongkai:stories[0].slides[0].view: the view “/?chart=national-series” shows no chart\n"), "{out}");
    let _ = std::fs::remove_dir_all(dir);
}
