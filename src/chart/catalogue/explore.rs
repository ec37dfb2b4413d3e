//! The explorer's chart: any indicator, in a region (and the regions within it) or everywhere,
//! over a range of years, as bars in sections by region, labelled by period; planned and target
//! figures hollow, funds labelled with their stage, parts of a published total left out when the
//! total is shown (the table lists them).

use crate::data::{Dataset, Figure, Stage};
use crate::derive::{figures, Scope};
use crate::format;
use crate::i18n::{tr, tr_args, Locale};
use crate::labels;

use super::super::spec::{Chart, Marks, Place};
use super::{bar_chart, unit_scale, Titles};

/// `found` less the parts whose published total is also in it (a part is shown only when its
/// total is not, so a total and its breakdown never stand side by side as if they added up).
fn without_shown_totals<'d>(dataset: &'d Dataset, found: Vec<(&'d Figure, Option<Stage>)>) -> Vec<(&'d Figure, Option<Stage>)> {
    let total_of = |f: &Figure, fund: bool| -> Option<&'d Figure> {
        let (t, _) = f.part_of()?;
        if fund { dataset.funds.get(t).map(|x| &x.figure) } else { dataset.observations.get(t) }
    };
    let keep: Vec<bool> = found.iter().map(|(f, stage)| total_of(f, stage.is_some()).is_none_or(|t| !found.iter().any(|(g, _)| std::ptr::eq(*g, t)))).collect();
    found.into_iter().zip(keep).filter_map(|(x, k)| k.then_some(x)).collect()
}

/// The chart of `indicator` in `scope`, or `None` when no figure is in it.
pub fn chart(dataset: &Dataset, indicator: usize, scope: Scope, locale: Locale) -> Option<Chart> {
    let info = dataset.indicators.get(indicator)?;
    let shown = without_shown_totals(dataset, figures(dataset, indicator, scope));
    let ends: Vec<u16> = shown.iter().map(|(f, _)| f.period.end().year).collect();
    let (first, last) = (ends.iter().min()?, ends.iter().max()?);
    let years = if first == last { first.to_string() } else { format!("{first}–{last}") };
    let name = info.names.get(locale).to_owned();
    let place = scope.region.and_then(|r| dataset.regions.get(r)).map_or_else(|| tr(locale, "chart-explore-everywhere"), |r| r.names.get(locale).to_owned());
    let subtitle = tr_args(locale, "chart-explore-subtitle", &[("place", place.into()), ("years", years.into())]);
    Some(bars_by_region(dataset, shown, locale, |unit| Titles { id: format!("explore-{}", info.id), title: name, subtitle, unit }))
}

/// Bars of `shown` in sections by region, in period order, labelled by period (and a fund's
/// stage), on one scale; `titles` is given the chart's unit.
pub(super) fn bars_by_region(dataset: &Dataset, mut shown: Vec<(&Figure, Option<Stage>)>, locale: Locale, titles: impl FnOnce(String) -> Titles) -> Chart {
    shown.sort_by_key(|(f, _)| (f.region, f.period.end()));
    let unit_kind = shown.first().and_then(|(f, _)| dataset.indicators.get(f.indicator)).map_or(crate::data::Unit::Count, |i| i.unit);
    let (factor, unit) = unit_scale(unit_kind, shown.iter().map(|(f, _)| *f), locale);
    let mut m = Marks::new(dataset, locale);
    let marks = shown
        .iter()
        .map(|(f, stage)| {
            let period = format::period(&f.period, locale);
            let label = match stage {
                Some(s) => tr_args(locale, "chart-explore-fund-label", &[("period", period.into()), ("stage", labels::term("stage", *s, locale).into())]),
                None => period,
            };
            let region = m.region(f.region);
            m.figure(f, &region, &label, &unit, factor, Place::Bar)
        })
        .collect();
    bar_chart(titles(unit), &m, marks, None, ("chart-col-region", "chart-col-period"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::catalogue::tests::default_dataset;
    use crate::derive::{indicators, regions, years};

    fn index(d: &Dataset, id: &str) -> usize {
        d.indicator_index(id).unwrap_or(usize::MAX)
    }

    #[test]
    fn the_scope_limits_region_and_years() {
        let d = default_dataset();
        let poor = index(&d, "rural_poor_population");
        let years = years(&d, poor, None);
        assert_eq!((years.first(), years.last()), (Some(&2012), Some(&2020)));
        let all = chart(&d, poor, Scope::default(), Locale::ZhHans).expect("chart");
        let some = chart(&d, poor, Scope { from: Some(2015), to: Some(2017), ..Scope::default() }, Locale::ZhHans).expect("chart");
        let count = |c: &Chart| c.marks.len();
        let in_range = without_shown_totals(&d, figures(&d, poor, Scope { from: Some(2015), to: Some(2017), ..Scope::default() })).len();
        assert_eq!(count(&some), in_range);
        assert!(count(&some) < count(&all));
        assert!(some.marks.iter().all(|m| ["2015", "2016", "2017"].iter().any(|y| m.label.starts_with(y))), "{:?}", some.marks.iter().map(|m| &m.label).collect::<Vec<_>>());
        assert!(chart(&d, poor, Scope { from: Some(1990), to: Some(1991), ..Scope::default() }, Locale::ZhHans).is_none());
    }

    #[test]
    fn a_region_scope_takes_the_regions_within_it() {
        let d = default_dataset();
        let exits = index(&d, "poverty_exits_persons");
        let regions = regions(&d, exits);
        assert!(!regions.is_empty());
        for r in regions {
            let parent = d.regions[r].parent;
            let scope = Scope { region: parent, ..Scope::default() };
            assert!(figures(&d, exits, scope).iter().any(|(f, _)| f.region == r));
        }
        let everything = figures(&d, exits, Scope::default()).len();
        let mut marks = 0;
        for i in indicators(&d) {
            marks += usize::from(chart(&d, i, Scope::default(), Locale::En).is_some());
        }
        assert_eq!(marks, indicators(&d).len(), "every indicator with figures has a chart");
        assert!(everything > 0);
    }

    #[test]
    fn a_part_is_left_out_only_beside_its_total() {
        let d = default_dataset();
        let part = d.observations.iter().find(|f| f.part_of().is_some_and(|(t, _)| d.observations[t].indicator == f.indicator)).expect("a part sharing its total's indicator");
        let shown = without_shown_totals(&d, figures(&d, part.indicator, Scope::default()));
        assert!(!shown.iter().any(|(f, _)| std::ptr::eq(*f, part)));
        let only = without_shown_totals(&d, vec![(part, None)]);
        assert_eq!(only.len(), 1, "without its total a part is shown");
    }

    #[test]
    fn funds_are_labelled_with_their_stage_and_never_summed() {
        let d = default_dataset();
        let fund = d.funds.iter().find(|f| f.figure.part_of().is_none()).expect("a fund");
        let c = chart(&d, fund.figure.indicator, Scope::default(), Locale::ZhHans).expect("chart");
        let stage = labels::term("stage", fund.stage, Locale::ZhHans);
        assert!(c.marks.iter().any(|m| m.label.contains(&stage)), "{:?}", c.marks.iter().map(|m| &m.label).collect::<Vec<_>>());
        let figures_shown = without_shown_totals(&d, figures(&d, fund.figure.indicator, Scope::default())).len();
        assert_eq!(c.marks.len(), figures_shown, "one bar per published figure");
    }
}
