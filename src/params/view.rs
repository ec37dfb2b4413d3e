//! A page's view in the URL: which tab (`tab`: chart, map or table), `indicator`, `region`,
//! period range (`from`, `to`: years), the period a map or timeline stops at (`period`), and the
//! pairing measure (`measure`: money, cadres or projects). Parsing checks the form of each
//! value; [`View::check`] then drops ids the loaded data does not have, each with a problem.

use super::{name_of, word, Problem, Search};
use crate::data::Dataset;
use crate::map::flows::Measure;

/// How an explorer shows its indicator.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Chart,
    Map,
    Table,
}

const TABS: [(&str, Tab); 3] = [("chart", Tab::Chart), ("map", Tab::Map), ("table", Tab::Table)];
pub(crate) const MEASURES: [(&str, Measure); 3] = [("money", Measure::Money), ("cadres", Measure::Cadres), ("projects", Measure::Projects)];

/// The years a period range may name.
const YEARS: std::ops::RangeInclusive<i32> = 1949..=2100;

/// Everything a page's URL can say about its view; `None` and the first tab are the defaults.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    pub tab: Tab,
    /// Indicator id.
    pub indicator: Option<String>,
    /// Region code.
    pub region: Option<String>,
    pub from: Option<i32>,
    pub to: Option<i32>,
    /// A period as the data writes it (`2017`, `2016/2017`).
    pub period: Option<String>,
    /// Money is the default.
    pub measure: Option<Measure>,
}

/// Whether `value` has the form of a data id (letters, digits, `_ - .`; at most 64).
fn is_id(value: &str) -> bool {
    !value.is_empty() && value.len() <= 64 && value.bytes().all(|b| b.is_ascii_alphanumeric() || b"_-.".contains(&b))
}

impl View {
    /// The parameters a view owns.
    pub const KEYS: &'static [&'static str] = &["tab", "indicator", "region", "from", "to", "period", "measure"];

    /// Reads the view from `get`; unusable values become problems and leave the default.
    pub fn parse(get: impl Fn(&str) -> Option<String>) -> (View, Vec<Problem>) {
        let mut view = View::default();
        let mut problems = Vec::new();
        let get = |k: &str| get(k).filter(|v| !v.is_empty());
        if let Some(v) = get("tab") {
            match word(&v, &TABS) {
                Some(t) => view.tab = t,
                None => problems.push(Problem::new("tab", &v, "param-unknown-word")),
            }
        }
        if let Some(v) = get("measure") {
            match word(&v, &MEASURES) {
                Some(m) => view.measure = (m != Measure::Money).then_some(m),
                None => problems.push(Problem::new("measure", &v, "param-unknown-word")),
            }
        }
        for (key, slot) in [("indicator", &mut view.indicator), ("region", &mut view.region)] {
            if let Some(v) = get(key) {
                if is_id(&v) {
                    *slot = Some(v);
                } else {
                    problems.push(Problem::new(key, &v, "param-not-id"));
                }
            }
        }
        if let Some(v) = get("period") {
            if v.len() <= 32 && v.bytes().all(|b| b.is_ascii_digit() || b"-/.".contains(&b)) {
                view.period = Some(v);
            } else {
                problems.push(Problem::new("period", &v, "param-not-period"));
            }
        }
        let year = |key: &'static str, problems: &mut Vec<Problem>| {
            let v = get(key)?;
            match v.parse::<i32>().ok().filter(|y| v.len() == 4 && YEARS.contains(y)) {
                Some(y) => Some(y),
                None => {
                    problems.push(Problem::new(key, &v, "param-not-year"));
                    None
                }
            }
        };
        view.from = year("from", &mut problems);
        view.to = year("to", &mut problems);
        if let (Some(from), Some(to)) = (view.from, view.to) {
            if from > to {
                problems.push(Problem::new("to", &to.to_string(), "param-range-reversed"));
                (view.from, view.to) = (None, None);
            }
        }
        (view, problems)
    }

    /// The pairs that give this view, leaving out defaults.
    pub fn search(&self) -> Search {
        let mut s = Search::default();
        if self.tab != Tab::default() {
            s.push("tab", name_of(self.tab, &TABS));
        }
        s.push_some("indicator", self.indicator.clone());
        s.push_some("region", self.region.clone());
        s.push_some("from", self.from.map(|y| y.to_string()));
        s.push_some("to", self.to.map(|y| y.to_string()));
        s.push_some("period", self.period.clone());
        s.push_some("measure", self.measure.filter(|m| *m != Measure::Money).map(|m| name_of(m, &MEASURES)));
        s
    }

    /// Drops the indicator or region the dataset does not have, with a problem for each.
    pub fn check(&mut self, dataset: &Dataset) -> Vec<Problem> {
        let mut problems = Vec::new();
        if let Some(id) = self.indicator.take() {
            match dataset.indicator(&id) {
                Some(_) => self.indicator = Some(id),
                None => problems.push(Problem::new("indicator", &id, "param-no-such-indicator")),
            }
        }
        if let Some(code) = self.region.take() {
            match dataset.region(&code) {
                Some(_) => self.region = Some(code),
                None => problems.push(Problem::new("region", &code, "param-no-such-region")),
            }
        }
        problems
    }

    /// The measure shown (money unless the URL says otherwise).
    pub fn measure(&self) -> Measure {
        self.measure.unwrap_or(Measure::Money)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::{decode_search, lookup};
    use proptest::prelude::*;

    fn parse(search: &str) -> (View, Vec<Problem>) {
        let pairs = decode_search(search);
        View::parse(lookup(&pairs))
    }

    #[test]
    fn missing_is_default_and_defaults_are_not_written() {
        assert_eq!(parse("?lang=en&utm_source=x"), (View::default(), vec![]));
        assert_eq!(parse("?tab=chart&measure=money").0.search().finish(), "");
    }

    #[test]
    fn each_unusable_value_is_named_and_the_rest_kept() {
        let (view, problems) = parse("?tab=pie&indicator=%3Cscript%3E&region=130723&from=20x6&to=2018&period=2017%3B&measure=hugs");
        assert_eq!(view, View { region: Some("130723".into()), to: Some(2018), ..View::default() });
        let found: Vec<(&str, &str)> = problems.iter().map(|p| (p.param, p.reason)).collect();
        assert_eq!(
            found,
            [
                ("tab", "param-unknown-word"),
                ("measure", "param-unknown-word"),
                ("indicator", "param-not-id"),
                ("period", "param-not-period"),
                ("from", "param-not-year"),
            ]
        );
        assert_eq!(problems[2].value, "<script>");
    }

    #[test]
    fn a_reversed_range_is_dropped_whole() {
        let (view, problems) = parse("?from=2019&to=2016");
        assert_eq!((view.from, view.to), (None, None));
        assert_eq!(problems, [Problem::new("to", "2016", "param-range-reversed")]);
        assert_eq!(parse("?from=1800").1[0].reason, "param-not-year");
    }

    #[test]
    fn ids_the_data_lacks_are_dropped_with_a_problem() {
        let mut d = Dataset::default();
        d.regions.push(crate::data::Region { code: "130723".into(), names: Default::default(), level: crate::data::Level::County, parent: None, note: Default::default() });
        let (mut view, _) = parse("?region=130723&indicator=nothing");
        assert_eq!(view.check(&d), [Problem::new("indicator", "nothing", "param-no-such-indicator")]);
        assert_eq!(view.region.as_deref(), Some("130723"));
        let (mut view, _) = parse("?region=999999");
        assert_eq!(view.check(&d)[0].reason, "param-no-such-region");
        assert_eq!(view.region, None);
    }

    #[test]
    fn the_keys_a_view_owns_are_the_keys_it_writes() {
        let full = View { tab: Tab::Map, indicator: Some("a".into()), region: Some("b".into()), from: Some(2000), to: Some(2001), period: Some("2001".into()), measure: Some(Measure::Cadres) };
        let written: Vec<String> = decode_search(&full.search().finish()).into_iter().map(|(k, _)| k).collect();
        assert_eq!(written, View::KEYS);
    }

    fn view() -> impl Strategy<Value = View> {
        let id = "[A-Za-z0-9_.-]{1,20}";
        (
            prop::sample::select(TABS.map(|(_, t)| t).to_vec()),
            prop::option::of(id),
            prop::option::of(id),
            prop::option::of(YEARS),
            prop::option::of(YEARS),
            prop::option::of("[0-9]{4}(-[0-9]{2})?(/[0-9]{4})?|\\.\\./[0-9]{4}-[0-9]{2}-[0-9]{2}"),
            prop::option::of(prop::sample::select(vec![Measure::Cadres, Measure::Projects])),
        )
            .prop_map(|(tab, indicator, region, a, b, period, measure)| {
                let (from, to) = match (a, b) {
                    (Some(a), Some(b)) => (Some(a.min(b)), Some(a.max(b))),
                    other => other,
                };
                View { tab, indicator, region, from, to, period, measure }
            })
    }

    proptest! {
        #[test]
        fn every_view_survives_the_round_trip_through_the_url(v in view()) {
            prop_assert_eq!(parse(&v.search().finish()), (v, vec![]));
        }

        #[test]
        fn any_query_string_parses_without_panicking(search in "\\PC{0,60}") {
            let (view, _) = parse(&search);
            // Whatever was read is written back and read again the same.
            prop_assert_eq!(parse(&view.search().finish()).0, view);
        }
    }
}
