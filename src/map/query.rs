//! The map's place in the URL: where the reader is (`at`, an adcode), what the map shows
//! (`show`: the choropleth or the flows), and the choropleth's indicator, level, period and
//! binning, or the flows' measure. Parsed into valid values and problems; written back with
//! only what differs from the defaults.

use super::flows::Measure;
use crate::params::view::MEASURES;
use crate::params::{name_of, word, Problem, Search};

/// What the map draws.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Show {
    #[default]
    Choropleth,
    Flows,
}

/// How the choropleth's classes are chosen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Bins {
    #[default]
    Quantile,
    Equal,
    /// The publisher's breaks for the indicator.
    Breaks,
}

/// The map's state as the URL holds it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapQuery {
    /// The division the map shows (the country when `None`).
    pub at: Option<String>,
    pub show: Show,
    /// Indicator id, level word and period as written in the data (`2017`, `2016/2017`).
    pub indicator: Option<String>,
    pub level: Option<String>,
    pub period: Option<String>,
    pub bins: Bins,
    pub measure: Option<Measure>,
}

const SHOW: [(&str, Show); 2] = [("choropleth", Show::Choropleth), ("flows", Show::Flows)];
const BINS: [(&str, Bins); 3] = [("quantile", Bins::Quantile), ("equal", Bins::Equal), ("breaks", Bins::Breaks)];

impl MapQuery {
    /// The parameters the map owns.
    pub const KEYS: &'static [&'static str] = &["at", "show", "indicator", "level", "period", "bins", "measure"];

    /// Reads the map's parameters from `get` (a query-string lookup); other parameters are left
    /// for the rest of the page.
    pub fn parse(get: impl Fn(&str) -> Option<String>) -> (MapQuery, Vec<Problem>) {
        let mut problems = Vec::new();
        let mut query = MapQuery::default();
        let mut bad = |param: &'static str, value: &str, reason: &'static str| problems.push(Problem { param, value: value.to_owned(), reason });
        if let Some(at) = get("at").filter(|v| !v.is_empty()) {
            if at.len() == 6 && at.bytes().all(|b| b.is_ascii_digit()) {
                query.at = (at != "100000").then_some(at);
            } else {
                bad("at", &at, "param-not-code");
            }
        }
        if let Some(v) = get("show") {
            match word(&v, &SHOW) {
                Some(s) => query.show = s,
                None => bad("show", &v, "param-unknown-word"),
            }
        }
        if let Some(v) = get("bins") {
            match word(&v, &BINS) {
                Some(b) => query.bins = b,
                None => bad("bins", &v, "param-unknown-word"),
            }
        }
        if let Some(v) = get("measure") {
            match word(&v, &MEASURES) {
                // Money is the default: read as no choice, as it is written, so a state reads back the same.
                Some(m) => query.measure = (m != Measure::Money).then_some(m),
                None => bad("measure", &v, "param-unknown-word"),
            }
        }
        query.indicator = get("indicator").filter(|v| !v.is_empty());
        query.level = get("level").filter(|v| !v.is_empty());
        query.period = get("period").filter(|v| !v.is_empty());
        (query, problems)
    }

    /// The pairs that give this state, leaving out defaults.
    pub fn search(&self) -> Search {
        let mut s = Search::default();
        s.push_some("at", self.at.clone());
        if self.show != Show::default() {
            s.push("show", name_of(self.show, &SHOW));
        }
        for (key, value) in [("indicator", &self.indicator), ("level", &self.level), ("period", &self.period)] {
            s.push_some(key, value.clone());
        }
        if self.bins != Bins::default() {
            s.push("bins", name_of(self.bins, &BINS));
        }
        s.push_some("measure", self.measure.filter(|m| *m != Measure::Money).map(|m| name_of(m, &MEASURES)));
        s
    }

    /// The query string (with its `?`, or empty) that gives this state.
    pub fn to_search(&self) -> String {
        self.search().finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> (MapQuery, Vec<Problem>) {
        MapQuery::parse(|k| pairs.iter().find(|(key, _)| *key == k).map(|(_, v)| (*v).to_owned()))
    }

    #[test]
    fn a_state_survives_the_round_trip_through_the_url() {
        let q = MapQuery {
            at: Some("150521".into()),
            show: Show::Flows,
            indicator: Some("poverty_exits_persons".into()),
            level: Some("county".into()),
            period: Some("../2018-04-28".into()),
            bins: Bins::Equal,
            measure: Some(Measure::Cadres),
        };
        let search = q.to_search();
        assert_eq!(search, "?at=150521&show=flows&indicator=poverty_exits_persons&level=county&period=..%2F2018-04-28&bins=equal&measure=cadres".replace("%2F", "/"));
        let map: Vec<(String, String)> = search[1..].split('&').filter_map(|p| p.split_once('=')).map(|(k, v)| (k.into(), v.into())).collect();
        let (back, problems) = MapQuery::parse(|k| map.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()));
        assert_eq!((back, problems), (q, vec![]));
    }

    #[test]
    fn the_keys_the_map_owns_are_the_keys_it_writes() {
        let full = MapQuery { at: Some("150521".into()), show: Show::Flows, indicator: Some("i".into()), level: Some("county".into()), period: Some("2017".into()), bins: Bins::Equal, measure: Some(Measure::Cadres) };
        let written: Vec<String> = crate::params::decode_search(&full.to_search()).into_iter().map(|(k, _)| k).collect();
        assert_eq!(written, MapQuery::KEYS);
    }

    #[test]
    fn defaults_are_left_out_and_the_country_is_no_place() {
        assert_eq!(MapQuery::default().to_search(), "");
        assert_eq!(parse(&[("at", "100000"), ("measure", "money")]).0.to_search(), "");
    }

    /// Found by the `url_state` fuzz target: `?measure=money` read as `Some(Money)`, which is
    /// written as nothing and read back as `None`.
    #[test]
    fn defaults_written_out_read_as_the_defaults() {
        let (q, problems) = parse(&[("measure", "money"), ("show", "choropleth"), ("bins", "quantile"), ("at", "100000")]);
        assert_eq!((q, problems), (MapQuery::default(), vec![]));
    }

    #[test]
    fn bad_values_are_named_and_the_rest_is_kept() {
        let (q, problems) = parse(&[("at", "15052x"), ("show", "pie"), ("bins", "equal")]);
        assert_eq!(q.at, None);
        assert_eq!(q.bins, Bins::Equal);
        assert_eq!(
            problems,
            [
                Problem { param: "at", value: "15052x".into(), reason: "param-not-code" },
                Problem { param: "show", value: "pie".into(), reason: "param-unknown-word" },
            ]
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use crate::params::strategies::query_strings;
        use crate::params::{decode_search, lookup};
        use proptest::prelude::*;

        /// Values the map's parameters know, and near misses.
        const WORDS: &[&str] = &[
            "100000", "150521", "15052", "choropleth", "flows", "quantile", "equal", "breaks", "money", "cadres", "projects", "Money", "county", "2017", "",
        ];

        fn read(search: &str) -> (MapQuery, Vec<Problem>) {
            let pairs = decode_search(search);
            MapQuery::parse(lookup(&pairs))
        }

        /// Every state the map can be in: a division other than the country, any non-empty
        /// indicator, level and period text, and the measures that are not the default.
        fn states() -> impl Strategy<Value = MapQuery> {
            let text = || prop::option::of("\\PC{1,16}");
            (
                prop::option::of("[0-9]{6}".prop_filter("the country is no place", |c| c != "100000")),
                prop::sample::select(SHOW.map(|(_, s)| s).to_vec()),
                (text(), text(), text()),
                prop::sample::select(BINS.map(|(_, b)| b).to_vec()),
                prop::option::of(prop::sample::select(vec![Measure::Cadres, Measure::Projects])),
            )
                .prop_map(|(at, show, (indicator, level, period), bins, measure)| MapQuery { at, show, indicator, level, period, bins, measure })
        }

        proptest! {
            #[test]
            fn every_state_survives_the_round_trip_through_the_url(q in states()) {
                prop_assert_eq!(read(&q.to_search()), (q, vec![]));
            }

            /// Whatever a query string says, what was read is written back and reads the same.
            #[test]
            fn any_query_string_reads_back_the_same(search in query_strings(MapQuery::KEYS, WORDS)) {
                let (q, _) = read(&search);
                prop_assert_eq!(read(&q.to_search()), (q, vec![]));
            }
        }
    }
}
