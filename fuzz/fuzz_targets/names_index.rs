//! The names index (`geo/names.json`): any text is read or refused with an error naming the file.
//! A read index is searched with the input's query (the text before a separator, if any) and with
//! each entry's own name, pinyin and code; no search returns more than asked, and every entry is
//! named in English as the map does.
#![no_main]

use gongkai::i18n::Locale;
use gongkai::map::{names, search::Index};
use gongkai_fuzz::{text, SEPARATOR};
use libfuzzer_sys::fuzz_target;

const FILE: &str = "names.json";

fuzz_target!(|data: &[u8]| {
    let (query, json) = match data.iter().position(|b| *b == SEPARATOR) {
        Some(at) => (Some(text(&data[..at])), &data[at + 1..]),
        None => (None, data),
    };
    let index = match Index::parse(FILE, &text(json)) {
        Ok(index) => index,
        Err(e) => return assert_eq!(e.file, FILE),
    };
    let mut queries: Vec<String> = query.into_iter().map(|q| q.into_owned()).collect();
    for entry in index.entries.iter().take(8) {
        queries.extend([entry.name.chars().take(2).collect(), entry.pinyin.clone(), entry.code.clone()]);
        let _ = names::english(&entry.name, &entry.pinyin, &entry.level);
        let _ = names::localized(Locale::En, &entry.name, None, Some(entry));
    }
    for query in &queries {
        assert!(index.find(query, 5).len() <= 5, "{query}");
    }
});
