//! What the fuzz targets in `fuzz_targets/` share: fuzzer bytes as the texts the portal reads,
//! the packages they are read against, and the invariants every parse must keep.

use std::borrow::Cow;
use std::sync::OnceLock;

use gongkai::data::descriptor::Descriptor;
use gongkai::data::package;
use gongkai::data::{DataError, Dataset, Place};
use gongkai::i18n::Locale;

/// The name the descriptor is read under, as the portal and the checker name it.
pub const DESCRIPTOR_FILE: &str = "datapackage.json";

/// Separates the files of an input that holds several (the ASCII record separator).
pub const SEPARATOR: u8 = 0x1e;

/// Bytes as text, the way the browser decodes a response: UTF-8, bad sequences replaced.
pub fn text(data: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// The parts of `data` between separators, as the bytes of files.
pub fn parts(data: &[u8]) -> Vec<&[u8]> {
    data.split(|b| *b == SEPARATOR).collect()
}

/// `(path, text)` of each named file in `dir`, embedded at build time.
macro_rules! embedded {
    ($dir:literal: $($name:literal),+) => {
        &[$(($name, include_str!(concat!("../../", $dir, "/", $name)))),+]
    };
}

/// The published package's descriptor.
pub const PUBLISHED_DESCRIPTOR: &str = include_str!("../../public/data/datapackage.json");

/// The published package's CSV files (`public/data`).
const PUBLISHED: &[(&str, &str)] = embedded!("public/data": "regions.csv", "sources.csv", "indicators.csv",
    "pairings.csv", "observations.csv", "funds.csv", "commitments.csv");

/// The small valid package of the data tests (`tests/fixtures/base`).
const BASE: &[(&str, &str)] = embedded!("tests/fixtures/base": "regions.csv", "sources.csv", "indicators.csv",
    "pairings.csv", "observations.csv", "funds.csv", "commitments.csv");

/// A reader of `files` by path, as `package::read` takes one.
fn reader(files: &'static [(&str, &str)]) -> impl FnMut(&str) -> Result<Vec<u8>, DataError> {
    move |path| files.iter().find(|(name, _)| *name == path).map(|(_, text)| text.as_bytes().to_vec()).ok_or_else(|| DataError::unavailable(path, "no such file"))
}

/// The base fixture's file at `path` (what a fuzzed descriptor's resources are read from).
pub fn base_file(path: &str) -> Result<Vec<u8>, DataError> {
    reader(BASE)(path)
}

/// The published descriptor, parsed once.
pub fn descriptor() -> &'static Descriptor {
    static PARSED: OnceLock<Descriptor> = OnceLock::new();
    PARSED.get_or_init(|| Descriptor::parse(DESCRIPTOR_FILE, PUBLISHED_DESCRIPTOR).expect("the published descriptor parses"))
}

/// The published package, read once.
pub fn published() -> &'static Dataset {
    static READ: OnceLock<Dataset> = OnceLock::new();
    READ.get_or_init(|| package::read(DESCRIPTOR_FILE, descriptor(), reader(PUBLISHED)).dataset)
}

/// Asserts that `problem` names one of `files` and reads, in every locale, with that name in it.
pub fn assert_located(problem: &DataError, files: &[&str]) {
    assert!(files.contains(&problem.file.as_str()), "{problem:?} names a file that was not read: {files:?}");
    for locale in Locale::ALL {
        let message = problem.message(locale);
        assert!(message.contains(&problem.file), "the {locale} message does not name its file: {message}");
    }
}

/// How many line ends (`\n`, `\r`) the file `bytes` has.
pub fn line_ends(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|b| matches!(b, b'\n' | b'\r')).count() as u64
}

/// Asserts that the row or line a problem names lies within a CSV text of `line_ends` line ends
/// (see [`line_ends`]): the header is row 1, and there is at most one row more than line ends.
pub fn assert_row_within(problem: &DataError, line_ends: u64) {
    let row = match problem.place {
        Place::Line { line, .. } => line,
        Place::Row(row) | Place::Cell { row, .. } => row,
        Place::File | Place::Path(_) => return,
    };
    assert!((1..=line_ends + 1).contains(&row), "{problem:?} is outside a text of {line_ends} line ends");
}

/// Asserts that every reference between the items of `d` points at an item it holds: the pages
/// index by them.
pub fn assert_references(d: &Dataset) {
    let (regions, sources, indicators, pairings) = (d.regions.len(), d.sources.len(), d.indicators.len(), d.pairings.len());
    assert!(d.regions.iter().filter_map(|r| r.parent).all(|p| p < regions), "a region's parent");
    assert!(d.sources.iter().filter_map(|s| s.place).all(|p| p < regions), "a source's place");
    for p in &d.pairings {
        assert!(p.from < regions && p.to < regions && p.source < sources, "pairing {}", p.id);
    }
    let figures = |list: Vec<&gongkai::data::Figure>| {
        let count = list.len();
        for f in list {
            assert!(f.region < regions && f.indicator < indicators && f.source < sources, "figure {}", f.id);
            assert!(f.pairing().is_none_or(|p| p < pairings), "figure {}'s pairing", f.id);
            assert!(f.part_of().is_none_or(|(t, _)| t < count), "figure {}'s total", f.id);
        }
    };
    figures(d.observations.iter().collect());
    figures(d.funds.iter().map(|f| &f.figure).collect());
    for c in &d.commitments {
        assert!(c.region < regions && c.source < sources, "commitment {}", c.id);
    }
}
