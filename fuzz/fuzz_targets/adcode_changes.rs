//! The table of code changes (`geo/adcode-changes.csv`): any text is read or refused at a row it
//! has. In a read table, following the changes from any code ends, at a code that has not changed.
#![no_main]

use gongkai::map::join::Changes;
use gongkai_fuzz::text;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = text(data);
    let changes = match Changes::parse(&text) {
        Ok(changes) => changes,
        Err(e) => return assert!(e.row <= text.lines().count(), "{e}"),
    };
    for code in text.lines().flat_map(|line| line.split(',').take(2)).map(str::trim) {
        let now = changes.current(code);
        assert_eq!(changes.current(now), now, "{code} leads to {now}, which has changed");
    }
});
