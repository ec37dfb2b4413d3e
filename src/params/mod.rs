//! The portal's URL parameters: what the whole portal reads ([`portal`]: language, theme, data
//! package) and what a page reads ([`view`]: indicator, region, period range, tab, measure).
//! Each parameter is read as valid, invalid (a [`Problem`] the page shows before the default is
//! used) or missing, and written back with only the values that differ from the defaults, so a
//! link holds exactly the view it was copied from.

pub mod data;
pub mod portal;
pub mod view;

pub use data::{data_param, DataParam};
pub use portal::{Portal, Theme};
pub use view::{Tab, View};

/// A parameter that could not be used: its name, value and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub param: &'static str,
    pub value: String,
    /// A message id, e.g. `param-unknown-word`.
    pub reason: &'static str,
}

impl Problem {
    pub fn new(param: &'static str, value: &str, reason: &'static str) -> Problem {
        Problem { param, value: value.to_owned(), reason }
    }
}

/// The value that `value` names in `words`.
pub fn word<T: Copy>(value: &str, words: &[(&str, T)]) -> Option<T> {
    words.iter().find(|(w, _)| *w == value).map(|(_, t)| *t)
}

/// The word for `value` in `words` (empty if it has none).
pub fn name_of<T: PartialEq>(value: T, words: &[(&'static str, T)]) -> &'static str {
    words.iter().find(|(_, t)| *t == value).map_or("", |(w, _)| w)
}

/// A query string being written: pairs in order, values percent-encoded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Search(Vec<(String, String)>);

impl Search {
    pub fn push(&mut self, key: impl Into<String>, value: impl Into<String>) {
        self.0.push((key.into(), value.into()));
    }

    /// Adds `value` under `key` if there is one.
    pub fn push_some(&mut self, key: &'static str, value: Option<impl Into<String>>) {
        if let Some(v) = value {
            self.push(key, v);
        }
    }

    /// Adds every pair of `other` after these.
    pub fn extend(&mut self, other: Search) {
        self.0.extend(other.0);
    }

    /// `?k=v&…`, or the empty string when there is nothing to write.
    pub fn finish(&self) -> String {
        if self.0.is_empty() {
            return String::new();
        }
        let pairs: Vec<String> = self.0.iter().map(|(k, v)| format!("{k}={}", encode(v))).collect();
        format!("?{}", pairs.join("&"))
    }
}

/// Percent-encodes what a query value cannot hold as it is (UTF-8 bytes).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~/:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Reads a query string (with or without its `?`) into decoded pairs, as a browser's
/// `URLSearchParams` does: `+` is a space, `%XX` a byte, invalid UTF-8 replaced.
pub fn decode_search(search: &str) -> Vec<(String, String)> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), decode(v))
        })
        .collect()
}

fn decode(text: &str) -> String {
    let hex = |b: u8| (b as char).to_digit(16);
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], bytes.get(i + 1).copied().and_then(hex), bytes.get(i + 2).copied().and_then(hex)) {
            (b'+', ..) => out.push(b' '),
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 2;
            }
            (b, ..) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A lookup over decoded pairs: the first value of `key`.
pub fn lookup(pairs: &[(String, String)]) -> impl Fn(&str) -> Option<String> + '_ {
    move |key| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
}

/// Query strings for property tests of the parameters' readers.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod strategies {
    use proptest::prelude::*;

    /// Query strings of `keys` whose values are one of `words` or any text (`&`, `=`, `%` and `+`
    /// included), so that both the words a reader knows and everything else are met.
    pub fn query_strings(keys: &'static [&'static str], words: &'static [&'static str]) -> impl Strategy<Value = String> {
        let value = prop_oneof![prop::sample::select(words).prop_map(str::to_owned), "\\PC{0,12}"];
        prop::collection::vec((prop::sample::select(keys), value), 0..6)
            .prop_map(|pairs| pairs.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn search_writes_pairs_in_order_and_nothing_when_empty() {
        let mut s = Search::default();
        assert_eq!(s.finish(), "");
        s.push("indicator", "poverty_exits");
        s.push_some("region", Some("130723"));
        s.push_some("to", None::<String>);
        s.push("q", "康保 & x");
        assert_eq!(s.finish(), "?indicator=poverty_exits&region=130723&q=%E5%BA%B7%E4%BF%9D%20%26%20x");
    }

    #[test]
    fn decoding_reads_what_browsers_write() {
        assert_eq!(decode_search("?a=1+2&b=%E5%BA%B7&c&d=%zz"), [("a".into(), "1 2".into()), ("b".into(), "康".into()), ("c".into(), String::new()), ("d".into(), "%zz".into())]);
        assert_eq!(decode_search("e=%4"), [("e".into(), "%4".into())]);
    }

    proptest! {
        #[test]
        fn any_text_survives_encoding(value in "\\PC{0,20}") {
            let mut s = Search::default();
            s.push("v", value.clone());
            let back = decode_search(&s.finish());
            prop_assert_eq!(back, vec![("v".to_owned(), value)]);
        }
    }
}
