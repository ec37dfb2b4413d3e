//! Joins data to boundaries by adcode. Codes change when divisions are reorganised (崇礼县 130733
//! became 崇礼区 130709 in 2016), so data published under an old code is drawn on the division
//! that carries the new one, through a table of changes (`public/geo/adcode-changes.csv`).

use rustc_hash::FxHashMap;

/// Why the table of code changes could not be read: its row and reason.
#[derive(Debug, thiserror::Error, PartialEq)]
#[error("adcode-changes.csv, row {row}: {reason}")]
pub struct ChangesError {
    pub row: usize,
    pub reason: String,
}

/// Old codes and the codes that replaced them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes {
    next: FxHashMap<String, String>,
}

impl Changes {
    /// Reads the CSV table `old,new,…` (a header row first; further columns are notes).
    pub fn parse(text: &str) -> Result<Changes, ChangesError> {
        let mut next = FxHashMap::default();
        for (i, line) in text.lines().enumerate().skip(1) {
            let row = i + 1;
            if line.trim().is_empty() {
                continue;
            }
            let mut cells = line.split(',');
            let (old, new) = (cells.next().unwrap_or("").trim(), cells.next().unwrap_or("").trim());
            for code in [old, new] {
                if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(ChangesError { row, reason: format!("“{code}” is not a six-digit code") });
                }
            }
            if next.insert(old.to_owned(), new.to_owned()).is_some() {
                return Err(ChangesError { row, reason: format!("{old} is listed twice") });
            }
        }
        let changes = Changes { next };
        if let Some(code) = changes.next.keys().find(|c| changes.follow(c).is_none()) {
            return Err(ChangesError { row: 0, reason: format!("the changes from {code} go round in a circle") });
        }
        Ok(changes)
    }

    fn follow<'a>(&'a self, code: &'a str) -> Option<&'a str> {
        let mut current = code;
        for _ in 0..=self.next.len() {
            match self.next.get(current) {
                Some(next) => current = next,
                None => return Some(current),
            }
        }
        None
    }

    /// The table shipped with the boundary files (`public/geo/adcode-changes.csv`), checked by a
    /// native test; empty if it were ever unreadable.
    pub fn published() -> Changes {
        Changes::parse(include_str!("../../public/geo/adcode-changes.csv")).unwrap_or_default()
    }

    /// The code a division has now: `code` itself when it has not changed.
    pub fn current<'a>(&'a self, code: &'a str) -> &'a str {
        self.follow(code).unwrap_or(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_codes_lead_to_the_division_that_has_them_now() {
        let changes = Changes::parse("old,new,note\n130733,130709,崇礼县 → 崇礼区\n100001,100002,\n100002,100003,\n").expect("parses");
        assert_eq!(changes.current("130733"), "130709");
        assert_eq!(changes.current("100001"), "100003", "changes are followed to the end");
        assert_eq!(changes.current("130723"), "130723");
    }

    #[test]
    fn bad_tables_name_the_row() {
        assert_eq!(Changes::parse("old,new\n13073,130709\n"), Err(ChangesError { row: 2, reason: "“13073” is not a six-digit code".into() }));
        assert_eq!(Changes::parse("old,new\n130733,130709\n130733,130710\n").map_err(|e| e.row), Err(3));
        assert!(Changes::parse("old,new\n100001,100002\n100002,100001\n").is_err_and(|e| e.reason.contains("circle")));
    }

    #[test]
    fn the_published_table_reads() {
        let text = include_str!("../../public/geo/adcode-changes.csv");
        assert_eq!(Changes::parse(text).expect("the committed table is valid"), Changes::published());
        assert_eq!(Changes::published().current("130733"), "130709");
    }
}
