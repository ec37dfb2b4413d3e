//! `datapackage.json`: any bytes are decoded and parsed, or refused with their place (the file,
//! or the line and column). A parsed
//! descriptor's problems (map settings, stories, resources) are located in it, and the base
//! fixture's CSV files read under it keep every reference whole.
#![no_main]

use gongkai::data::descriptor::Descriptor;
use gongkai::data::{decode, package, Place};
use gongkai_fuzz::{assert_located, assert_references, base_file, DESCRIPTOR_FILE};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The bytes as the portal receives them: decoded, then parsed.
    let parsed = decode::text(DESCRIPTOR_FILE, data).and_then(|text| Descriptor::parse(DESCRIPTOR_FILE, &text));
    let descriptor = match parsed {
        Ok(d) => d,
        Err(e) => {
            assert!(matches!(e.place, Place::Line { .. } | Place::File), "{e:?}");
            return assert_located(&e, &[DESCRIPTOR_FILE]);
        }
    };
    for problem in descriptor.map_problems.iter().chain(&descriptor.story_problems) {
        assert!(matches!(&problem.place, Place::Path(p) if p.starts_with("gongkai:")), "{problem:?}");
        assert_located(problem, &[DESCRIPTOR_FILE]);
    }
    let (files, _) = package::files(DESCRIPTOR_FILE, &descriptor);
    let mut named: Vec<&str> = files.iter().map(|(_, path)| path.as_str()).collect();
    named.push(DESCRIPTOR_FILE);
    let loaded = package::read(DESCRIPTOR_FILE, &descriptor, base_file);
    for problem in &loaded.problems {
        assert_located(problem, &named);
    }
    assert_references(&loaded.dataset);
});
