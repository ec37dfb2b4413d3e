//! The URL's state: any query string is read as the portal's, a page's and the map's parameters,
//! and as a slide's view. Whatever was read is written back and reads again as the same state,
//! with no problem.
#![no_main]

use gongkai::map::query::MapQuery;
use gongkai::params::{decode_search, lookup, Portal, Problem, View};
use gongkai::present;
use gongkai_fuzz::text;
use libfuzzer_sys::fuzz_target;

/// Parses `search` with `parse`, writes the state back with `write` and asserts that it reads
/// again the same, without problems.
fn round_trip<T: PartialEq + std::fmt::Debug>(
    search: &str,
    parse: impl Fn(&dyn Fn(&str) -> Option<String>) -> (T, Vec<Problem>),
    write: impl Fn(&T) -> String,
) {
    let pairs = decode_search(search);
    let (state, _) = parse(&lookup(&pairs));
    let written = write(&state);
    let again = decode_search(&written);
    let (back, problems) = parse(&lookup(&again));
    assert_eq!((&back, problems.as_slice()), (&state, &[][..]), "{search:?} was written as {written:?}");
}

fuzz_target!(|data: &[u8]| {
    let search = text(data);
    round_trip(&search, |get| Portal::parse(get), |p| p.search().finish());
    round_trip(&search, |get| View::parse(get), |v| v.search().finish());
    round_trip(&search, |get| MapQuery::parse(get), MapQuery::to_search);
    let _ = present::target(&search);
});
