//! The charts a page shows for its view, by the page's path: what an embed of that page can show
//! (`/embed/funds?region=150500&chart=funds-150500`). The pages lay these same charts out with
//! their pickers; a reader's pick that the data lacks falls back to the first choice, as on the page.

use crate::data::Dataset;
use crate::derive::{indicators, Scope};
use crate::i18n::Locale;
use crate::map::flows::Measure;
use crate::params::View;

use super::super::spec::Chart;
use super::{commitments, compare, explore, funds, pairing, poverty};

/// The explorer's indicator when the URL names none: the national series if the data has it.
pub const DEFAULT_INDICATOR: &str = "rural_poor_population";

/// `wanted` if it is among `choices`, else the first choice.
pub fn chosen(wanted: Option<usize>, choices: &[usize]) -> Option<usize> {
    wanted.filter(|w| choices.contains(w)).or_else(|| choices.first().copied())
}

/// The explorer's indicator for `view`: the one it names (or the default) if it has figures,
/// else the first that has.
pub fn explore_indicator(dataset: &Dataset, view: &View) -> Option<usize> {
    let wanted = dataset.indicator_index(view.indicator.as_deref().unwrap_or(DEFAULT_INDICATOR));
    chosen(wanted, &indicators(dataset))
}

/// The explorer's scope for `view`: its region (if the data has it) and years.
pub fn explore_scope(dataset: &Dataset, view: &View) -> Scope {
    Scope { region: view.region.as_deref().and_then(|c| dataset.region_index(c)), from: view.from, to: view.to }
}

/// Every chart the page at `path` (without the leading `/`: `funds`, `regions/150500`; empty for
/// the overview) shows for `view`; none for a page without charts or an unknown one.
pub fn shown(dataset: &Dataset, path: &str, view: &View, locale: Locale) -> Vec<Chart> {
    let d = dataset;
    let indicator = |id: Option<&str>| id.and_then(|id| d.indicator_index(id));
    match path.trim_matches('/').split_once('/').unwrap_or((path.trim_matches('/'), "")) {
        ("", _) => {
            let mut charts: Vec<Chart> = poverty::national_series(d, locale).into_iter().collect();
            if let Some(i) = chosen(indicator(view.indicator.as_deref()), &compare::comparable(d)) {
                charts.extend(compare::small_multiples(d, i, locale).into_iter().filter(|c| !c.marks.is_empty()));
            }
            charts
        }
        ("poverty-exits", _) => poverty::charts(d, locale),
        ("funds", _) => {
            let region = chosen(view.region.as_deref().and_then(|c| d.region_index(c)), &funds::regions(d));
            let mut charts: Vec<Chart> = region.and_then(|r| funds::by_stage(d, r, locale)).into_iter().collect();
            charts.extend(funds::compositions(d, locale));
            charts.extend(funds::per_capita_chart(d, locale));
            charts
        }
        ("paired-assistance", _) => match view.measure() {
            Measure::Money => pairing::flows(d, locale).into_iter().collect(),
            Measure::Cadres => pairing::cadres(d, locale).into_iter().chain(pairing::cadre_posts(d, locale)).collect(),
            Measure::Projects => pairing::projects(d, locale),
        },
        ("commitments", _) => commitments::timeline(d, locale).into_iter().collect(),
        ("explore", _) => explore_indicator(d, view).and_then(|i| explore::chart(d, i, explore_scope(d, view), locale)).into_iter().collect(),
        ("regions", code) => d.region_index(code).and_then(|r| funds::by_stage(d, r, locale)).into_iter().collect(),
        ("indicators", id) => match indicator(Some(id)) {
            Some(i) if compare::comparable(d).contains(&i) => compare::small_multiples(d, i, locale).into_iter().filter(|c| !c.marks.is_empty()).collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::catalogue::tests::default_dataset;

    fn ids(charts: &[Chart]) -> Vec<&str> {
        charts.iter().map(|c| c.id.as_str()).collect()
    }

    #[test]
    fn each_page_shows_its_charts_for_its_view() {
        let d = default_dataset();
        let l = Locale::ZhHans;
        let none = View::default();
        assert_eq!(ids(&shown(&d, "poverty-exits", &none, l)), ids(&poverty::charts(&d, l)));
        // A chart id is unique on its page, so `chart=` picks exactly one.
        for path in ["", "poverty-exits", "funds", "paired-assistance", "commitments", "explore", "regions/150500"] {
            let charts = shown(&d, path, &none, l);
            assert!(!charts.is_empty(), "{path}");
            let mut seen = ids(&charts);
            seen.sort_unstable();
            seen.dedup();
            assert_eq!(seen.len(), charts.len(), "{path}: ids repeat");
        }
        let tongliao = View { region: Some("150500".into()), ..View::default() };
        assert_eq!(ids(&shown(&d, "funds", &tongliao, l))[0], "funds-150500");
        // A region without funds falls back to the first, as the page's picker does.
        let first = funds::regions(&d)[0];
        let elsewhere = View { region: Some("110000".into()), ..View::default() };
        assert_eq!(ids(&shown(&d, "funds", &elsewhere, l))[0], format!("funds-{}", d.regions[first].code));
        let cadres = View { measure: Some(Measure::Cadres), ..View::default() };
        assert_eq!(ids(&shown(&d, "paired-assistance", &cadres, l))[0], "pairing-cadres");
        let explore = View { indicator: Some("poverty_exits_persons".into()), ..View::default() };
        assert_eq!(ids(&shown(&d, "explore", &explore, l)), ["explore-poverty_exits_persons"]);
        assert!(shown(&d, "sources", &none, l).is_empty() && shown(&d, "nowhere/at/all", &none, l).is_empty());
    }
}
