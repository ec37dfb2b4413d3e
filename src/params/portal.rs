//! The parameters every page carries: `lang` (zh-Hans when missing), `theme` (the operating
//! system's when missing) and `data` (the portal's own package when missing).

use super::data::{data_param, DataParam};
use super::{word, Problem, Search};
use crate::i18n::Locale;

/// Light or dark colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

const THEMES: [(&str, Theme); 2] = [("light", Theme::Light), ("dark", Theme::Dark)];

impl Theme {
    /// The word the URL and storage use.
    pub fn name(self) -> &'static str {
        super::name_of(self, &THEMES)
    }

    pub fn parse(s: &str) -> Option<Theme> {
        word(s, &THEMES)
    }

    pub fn other(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }
}

/// The portal-wide part of a URL.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Portal {
    pub lang: Locale,
    /// The reader's chosen theme; `None` follows the operating system.
    pub theme: Option<Theme>,
    /// Another publisher's package (the `data` value as given).
    pub data: Option<String>,
}

impl Portal {
    /// Reads `lang`, `theme` and `data` from `get`; a value that cannot be used is a problem and
    /// leaves the default in place.
    pub fn parse(get: impl Fn(&str) -> Option<String>) -> (Portal, Vec<Problem>) {
        let mut portal = Portal::default();
        let mut problems = Vec::new();
        if let Some(v) = get("lang").filter(|v| !v.is_empty()) {
            match Locale::from_tag(&v) {
                Some(l) => portal.lang = l,
                None => problems.push(Problem::new("lang", &v, "param-unknown-lang")),
            }
        }
        if let Some(v) = get("theme").filter(|v| !v.is_empty()) {
            match Theme::parse(&v) {
                Some(t) => portal.theme = Some(t),
                None => problems.push(Problem::new("theme", &v, "param-unknown-word")),
            }
        }
        match data_param(get("data").as_deref()) {
            DataParam::Default => {}
            DataParam::Package(url) => portal.data = Some(url),
            DataParam::Invalid { value, reason } => problems.push(Problem { param: "data", value, reason }),
        }
        (portal, problems)
    }

    /// The pairs that give this state, leaving out defaults.
    pub fn search(&self) -> Search {
        let mut s = Search::default();
        if self.lang != Locale::default() {
            s.push("lang", self.lang.tag());
        }
        s.push_some("theme", self.theme.map(Theme::name));
        s.push_some("data", self.data.clone());
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::strategies::query_strings;
    use crate::params::{decode_search, lookup};
    use proptest::prelude::*;

    fn parse(search: &str) -> (Portal, Vec<Problem>) {
        let pairs = decode_search(search);
        Portal::parse(lookup(&pairs))
    }

    #[test]
    fn missing_parameters_are_the_defaults_and_defaults_are_not_written() {
        assert_eq!(parse(""), (Portal::default(), vec![]));
        assert_eq!(parse("?lang=zh-Hans").0.search().finish(), "");
    }

    #[test]
    fn unusable_values_are_problems_and_the_default_is_used() {
        assert_eq!(parse("?lang=zh-TW").0.lang, Locale::ZhHant);
        let (portal, problems) = parse("?lang=fr&theme=blue&data=javascript:alert(1)");
        assert_eq!(portal, Portal::default());
        assert_eq!(
            problems,
            [
                Problem::new("lang", "fr", "param-unknown-lang"),
                Problem::new("theme", "blue", "param-unknown-word"),
                Problem::new("data", "javascript:alert(1)", "param-data-scheme"),
            ]
        );
    }

    /// Values the portal's parameters know, and near misses.
    const WORDS: &[&str] = &["zh-Hans", "zh-Hant", "zh-TW", "en", "EN", "fr", "light", "dark", "Dark", "https://example.org/d.json", " d.json ", "javascript:x", ""];

    fn portal() -> impl Strategy<Value = Portal> {
        (
            prop::sample::select(Locale::ALL.to_vec()),
            prop::option::of(prop::sample::select(vec![Theme::Light, Theme::Dark])),
            prop::option::of("(https://[a-z]{1,8}\\.example\\.org/)?[a-z0-9_/]{1,12}datapackage\\.json(\\?v=[0-9&=]{1,4})?"),
        )
            .prop_map(|(lang, theme, data)| Portal { lang, theme, data })
    }

    proptest! {
        #[test]
        fn every_state_survives_the_round_trip_through_the_url(p in portal()) {
            prop_assert_eq!(parse(&p.search().finish()), (p, vec![]));
        }

        /// Whatever a query string says, what was read is written back and reads the same.
        #[test]
        fn any_query_string_reads_back_the_same(search in query_strings(&["lang", "theme", "data"], WORDS)) {
            let (p, _) = parse(&search);
            prop_assert_eq!(parse(&p.search().finish()), (p, vec![]));
        }
    }
}
