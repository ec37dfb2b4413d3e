//! The seven CSV files of a data package, read under the published descriptor as the bytes the
//! portal receives (decoding included): the input holds them in the descriptor's reading order, separated by [`gongkai_fuzz::SEPARATOR`] (a missing
//! file is unavailable). Every problem names a file that was read and a row inside it, and every
//! reference in the valid part points at an item it holds.
#![no_main]

use gongkai::data::{package, DataError};
use gongkai_fuzz::{assert_located, assert_references, assert_row_within, descriptor, line_ends, parts, DESCRIPTOR_FILE};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let texts = parts(data);
    let (files, _) = package::files(DESCRIPTOR_FILE, descriptor());
    let paths: Vec<String> = files.iter().map(|(_, path)| path.clone()).collect();
    let text_of = |path: &str| paths.iter().position(|p| p == path).and_then(|i| texts.get(i));
    let loaded = package::read(DESCRIPTOR_FILE, descriptor(), |path| {
        text_of(path).map(|bytes| bytes.to_vec()).ok_or_else(|| DataError::unavailable(path, "not in this input"))
    });
    let mut named: Vec<&str> = paths.iter().map(String::as_str).collect();
    named.push(DESCRIPTOR_FILE);
    let ends: Vec<u64> = texts.iter().map(|t| line_ends(t)).collect();
    for problem in &loaded.problems {
        assert_located(problem, &named);
        if let Some(ends) = paths.iter().position(|p| *p == problem.file).and_then(|i| ends.get(i)) {
            assert_row_within(problem, *ends);
        }
    }
    assert_references(&loaded.dataset);
});
