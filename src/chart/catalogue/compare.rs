//! Small multiples: one panel per seed region on one indicator, all on the same scale.

use crate::data::{Dataset, Figure, Level};
use crate::format;
use crate::i18n::{tr, tr_args, Locale};

use super::super::spec::{Chart, Marks, Place};
use super::{bar_chart, Titles, max_of, unit_scale};

/// The regions the source documents are about (each document's place), in source order.
pub fn seed_regions(dataset: &Dataset) -> Vec<usize> {
    let mut regions: Vec<usize> = Vec::new();
    for source in &dataset.sources {
        if let Some(place) = source.place {
            let is_country = dataset.regions.get(place).is_some_and(|r| r.level == Level::Country);
            if !is_country && !regions.contains(&place) {
                regions.push(place);
            }
        }
    }
    regions
}

/// Observations of `indicator` in `region` or the regions within it.
fn figures_in(dataset: &Dataset, indicator: usize, region: usize) -> Vec<&Figure> {
    dataset.observations.iter().filter(|f| f.indicator == indicator && dataset.region_within(f.region, region)).collect()
}

/// Indicators with figures in at least two seed regions: the ones worth comparing.
pub fn comparable(dataset: &Dataset) -> Vec<usize> {
    let regions = seed_regions(dataset);
    (0..dataset.indicators.len())
        .filter(|&i| regions.iter().filter(|&&r| !figures_in(dataset, i, r).is_empty()).count() >= 2)
        .collect()
}

/// One panel per seed region for `indicator`, every panel on the same scale (a region without
/// figures gets a panel with no marks, which the page shows as "no data").
pub fn small_multiples(dataset: &Dataset, indicator: usize, locale: Locale) -> Vec<Chart> {
    let regions = seed_regions(dataset);
    let Some(unit) = dataset.indicators.get(indicator).map(|i| i.unit) else { return Vec::new() };
    let all: Vec<&Figure> = regions.iter().flat_map(|&r| figures_in(dataset, indicator, r)).collect();
    let (factor, unit_label) = unit_scale(unit, all.iter().copied(), locale);
    let shared_max = max_of(all.iter().copied()) / factor;
    regions
        .iter()
        .map(|&region| {
            let mut m = Marks::new(dataset, locale);
            let name = m.region(region);
            let marks = figures_in(dataset, indicator, region)
                .into_iter()
                .map(|f| {
                    // Name the pairing when a region has several (e.g. 通辽's enterprises per programme).
                    let who = match f.pairing().and_then(|p| dataset.pairings.get(p)) {
                        Some(p) => super::pairing::pairing_label(dataset, p, locale),
                        None => m.region(f.region),
                    };
                    let label = tr_args(locale, "chart-stack-label", &[("region", who.into()), ("period", format::period(&f.period, locale).into())]);
                    m.figure(f, &name, &label, &unit_label, factor, Place::Bar)
                })
                .collect();
            let code = dataset.regions.get(region).map(|r| r.code.as_str()).unwrap_or_default();
            bar_chart(
                Titles { id: format!("compare-{code}"), title: name.clone(), subtitle: tr_args(locale, "chart-compare-subtitle", &[("indicator", m.indicator(indicator).into())]), unit: unit_label.clone() },
                &m,
                marks,
                Some(shared_max),
                ("chart-col-region", "chart-col-item"),
            )
        })
        .collect()
}

/// The title above the small multiples.
pub fn title(dataset: &Dataset, indicator: usize, locale: Locale) -> String {
    let name = dataset.indicators.get(indicator).map(|i| i.names.get(locale).to_owned()).unwrap_or_default();
    tr_args(locale, "chart-compare-title", &[("indicator", name.into())])
}

/// The note shown in a panel without figures.
pub fn no_data(locale: Locale) -> String {
    tr(locale, "chart-compare-no-data")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::catalogue::tests::default_dataset;
    use crate::chart::spec::Body;

    #[test]
    fn panels_share_one_scale_and_a_region_without_figures_gets_an_empty_panel() {
        let d = default_dataset();
        assert_eq!(seed_regions(&d).len(), 5);
        let enterprises = d.indicators.iter().position(|i| i.id == "pairing_enterprises").expect("indicator");
        assert!(comparable(&d).contains(&enterprises));
        let panels = small_multiples(&d, enterprises, Locale::ZhHans);
        assert_eq!(panels.len(), 5);
        let maxes: Vec<&Body> = panels.iter().map(|p| &p.body).collect();
        assert!(maxes.iter().all(|b| **b == Body::Bars { max: Some(108.0) }), "{maxes:?}");
        assert!(panels.iter().any(|p| p.marks.is_empty()), "a seed region without enterprise pairings");
    }
}
