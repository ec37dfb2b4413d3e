//! `gongkai:stories`: any JSON value is read as stories, each problem located at its path; the
//! stories' slides are then checked against the published package (their views parsed, their
//! charts looked up), as the portal does before presenting.
#![no_main]

use std::cell::RefCell;

use gongkai::data::stories;
use gongkai::data::{Dataset, Place};
use gongkai::i18n::Locale;
use gongkai::present;
use gongkai_fuzz::{assert_located, published, text, DESCRIPTOR_FILE};
use libfuzzer_sys::fuzz_target;

thread_local! {
    /// The published package, whose stories each input replaces.
    static DATASET: RefCell<Dataset> = RefCell::new(published().clone());
}

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(&text(data)) else { return };
    let mut problems = Vec::new();
    let read = stories::read(DESCRIPTOR_FILE, &value, &mut problems);
    for problem in &problems {
        assert!(matches!(&problem.place, Place::Path(p) if p.starts_with(stories::STORIES_KEY)), "{problem:?}");
        assert_located(problem, &[DESCRIPTOR_FILE]);
    }
    for story in &read {
        assert!(!story.slides.is_empty() && !story.title.zh_hans.is_empty(), "{story:?}");
    }
    DATASET.with_borrow_mut(|dataset| {
        dataset.stories = read;
        for problem in present::check(DESCRIPTOR_FILE, dataset) {
            assert_located(&problem, &[DESCRIPTOR_FILE]);
        }
        for slide in dataset.stories.iter().flat_map(|s| &s.slides).take(8) {
            let (target, _) = present::target(&slide.view);
            for locale in Locale::ALL {
                let _ = present::chart(dataset, &target, locale);
            }
        }
    });
});
