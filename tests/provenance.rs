//! Every figure of the default dataset can be found in its source document: its `locator` is a
//! verbatim quotation of the archived copy (in `../shared/`), and its `as_written` stands in
//! that quotation. Every archived seed document is cited.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use gongkai::data::package;

fn shared() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    assert!(dir.join("seeds").is_dir(), "the archived documents are expected in {}", dir.display());
    dir
}

/// The text as compared: no whitespace (the archives break lines inside sentences), and no
/// bracketed pinyin (the Traditional conversion of seed 003 writes `區(qū)` for 區).
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().filter(|c| !c.is_whitespace()).peekable();
    while let Some(c) = chars.next() {
        if c == '(' {
            let rest: String = chars.clone().take_while(|c| *c != ')').collect();
            let is_pinyin = !rest.is_empty() && rest.chars().count() <= 8 && rest.chars().all(|c| c.is_alphabetic() && !is_cjk(c));
            if is_pinyin && chars.clone().nth(rest.chars().count()) == Some(')') {
                for _ in 0..=rest.chars().count() {
                    chars.next();
                }
                continue;
            }
        }
        out.push(c);
    }
    out
}

fn is_cjk(c: char) -> bool {
    ('\u{3400}'..='\u{9fff}').contains(&c) || ('\u{f900}'..='\u{faff}').contains(&c)
}

#[test]
fn normalize_drops_whitespace_and_pinyin_only() {
    assert_eq!(normalize("廊坊開發區(qū)和三河 、\n大廠"), "廊坊開發區和三河、大廠");
    assert_eq!(normalize("因病(致贫)占95%以上"), "因病(致贫)占95%以上");
}

#[test]
fn every_quotation_is_in_its_document_and_every_printed_figure_in_its_quotation() {
    let loaded = package::load_path(&Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/datapackage.json")).expect("loads");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let d = &loaded.dataset;
    let shared = shared();
    let mut texts: HashMap<usize, String> = HashMap::new();
    for (i, source) in d.sources.iter().enumerate() {
        let file = source.file.as_deref().unwrap_or_else(|| panic!("source {} names no archived file", source.id));
        let text = std::fs::read_to_string(shared.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        texts.insert(i, normalize(&text));
    }

    let mut missing = Vec::new();
    let mut check = |id: &str, source: usize, locator: &str, written: Option<&str>| {
        let quote = normalize(locator);
        if !texts[&source].contains(&quote) {
            missing.push(format!("{id}: quotation not in {}: {locator}", d.sources[source].id));
        }
        if let Some(w) = written {
            if !quote.contains(&normalize(w)) {
                missing.push(format!("{id}: {w} is not in its quotation"));
            }
        }
    };
    for f in d.observations.iter().chain(d.funds.iter().map(|f| &f.figure)) {
        check(&f.id, f.source, &f.locator, f.as_written());
    }
    for p in &d.pairings {
        check(&p.id, p.source, &p.locator, None);
    }
    for c in &d.commitments {
        check(&c.id, c.source, &c.locator, None);
    }
    assert!(missing.is_empty(), "{missing:#?}");
    assert!(d.observations.len() + d.funds.len() >= 190, "the default dataset lost figures");
}

#[test]
fn every_archived_seed_document_is_a_cited_source() {
    let loaded = package::load_path(&Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/datapackage.json")).expect("loads");
    let cited: Vec<String> = loaded.dataset.sources.iter().filter_map(|s| s.file.clone()).collect();
    let mut seeds: Vec<String> = std::fs::read_dir(shared().join("seeds"))
        .expect("seeds")
        .flatten()
        .map(|e| format!("seeds/{}", e.file_name().to_string_lossy()))
        .collect();
    seeds.sort();
    for seed in &seeds {
        let source = loaded.dataset.sources.iter().position(|s| s.file.as_ref() == Some(seed));
        let source = source.unwrap_or_else(|| panic!("{seed} is not cited by any source ({cited:?})"));
        assert!(loaded.dataset.figures_from(source).count() + loaded.dataset.commitments.iter().filter(|c| c.source == source).count() > 0, "{seed} supports no figure");
    }
    assert_eq!(seeds.len(), 5);
}
