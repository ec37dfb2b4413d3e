//! Pure derivations from the model to the tables views show.

use crate::data::HasFigure;
use crate::data::{Dataset, Figure, Fund};
use crate::format;
use crate::i18n::{tr_args, Locale};
use crate::labels;

/// A total and one published breakdown of it: the parts that together make it up.
#[derive(Clone, Debug, PartialEq)]
pub struct Composition<'a, T> {
    pub total: &'a T,
    /// The breakdown's label, e.g. `source`.
    pub breakdown: &'a str,
    pub parts: Vec<&'a T>,
}

/// Every breakdown in `items`, in the order their totals appear. Parts are never summed into the
/// total: the total is shown as published, with its qualifier.
pub fn compositions<T: HasFigure>(items: &[T]) -> Vec<Composition<'_, T>> {
    let mut found: Vec<Composition<'_, T>> = Vec::new();
    for part in items {
        let Some((total, breakdown)) = part.figure().part_of() else { continue };
        let Some(total_item) = items.get(total) else { continue };
        match found.iter_mut().find(|c| std::ptr::eq(c.total, total_item) && c.breakdown == breakdown) {
            Some(c) => c.parts.push(part),
            None => found.push(Composition { total: total_item, breakdown, parts: vec![part] }),
        }
    }
    found.sort_by_key(|c| c.total.figure().row);
    found
}

/// One figure as the Sources page lists it, in the reader's language.
#[derive(Clone, Debug, PartialEq)]
pub struct SourcedFigure {
    pub id: String,
    /// The indicator's name; for money, with its funding source and stage.
    pub indicator: String,
    pub region: String,
    pub period: String,
    /// The value with its unit and qualifier, e.g. 1000余万元.
    pub value: String,
    pub status: String,
    /// The verbatim quotation it was read from.
    pub quote: String,
}

/// `f` as the Sources page lists it; `detail` adds a fund's funding source and stage.
fn sourced(dataset: &Dataset, f: &Figure, detail: Option<String>, locale: Locale) -> SourcedFigure {
    let indicator = dataset.indicators.get(f.indicator);
    let name = indicator.map_or(String::new(), |i| i.names.get(locale).to_owned());
    SourcedFigure {
        id: f.id.to_string(),
        indicator: match detail {
            Some(d) => tr_args(locale, "figure-with-detail", &[("name", name.into()), ("detail", d.into())]),
            None => name,
        },
        region: dataset.regions.get(f.region).map_or(String::new(), |r| r.names.get(locale).to_owned()),
        period: format::period(&f.period, locale),
        value: indicator.map_or(String::new(), |i| format::figure(f.value, i.unit, f.qualifier, locale)),
        status: labels::term("status", f.status, locale),
        quote: f.locator.to_string(),
    }
}

/// A fund's funding source and stage, in the reader's words.
fn fund_detail(f: &Fund, locale: Locale) -> String {
    tr_args(locale, "fund-detail", &[("source", labels::funding_source(f.funding_source, locale).into()), ("stage", labels::term("stage", f.stage, locale).into())])
}

/// Every figure (observations, then funds) that passes `keep`, as the Sources page lists it.
fn figures_where(dataset: &Dataset, keep: impl Fn(&Figure) -> bool, locale: Locale) -> Vec<SourcedFigure> {
    let observations = dataset.observations.iter().filter(|f| keep(f)).map(|f| sourced(dataset, f, None, locale));
    let funds = dataset.funds.iter().filter(|f| keep(&f.figure)).map(|f| sourced(dataset, &f.figure, Some(fund_detail(f, locale)), locale));
    observations.chain(funds).collect()
}

/// Every figure (observations, then funds) that the source with index `source` supports.
pub fn figures_of_source(dataset: &Dataset, source: usize, locale: Locale) -> Vec<SourcedFigure> {
    figures_where(dataset, |f| f.source == source, locale)
}

/// Every figure published about the region with index `region`.
pub fn figures_of_region(dataset: &Dataset, region: usize, locale: Locale) -> Vec<SourcedFigure> {
    figures_where(dataset, |f| f.region == region, locale)
}

/// Every figure published for the indicator with index `indicator` in `scope`.
pub fn figures_of_indicator(dataset: &Dataset, indicator: usize, scope: Scope, locale: Locale) -> Vec<SourcedFigure> {
    figures_where(dataset, |f| f.indicator == indicator && scope.holds(dataset, f), locale)
}

/// Which figures of an indicator the explorer shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scope {
    /// A region and the regions within it; every region when `None`.
    pub region: Option<usize>,
    /// Years the figure's period ends in, inclusive.
    pub from: Option<i32>,
    pub to: Option<i32>,
}

impl Scope {
    fn holds(&self, dataset: &Dataset, f: &Figure) -> bool {
        let year = i32::from(f.period.end().year);
        self.region.is_none_or(|r| dataset.region_within(f.region, r)) && self.from.is_none_or(|y| year >= y) && self.to.is_none_or(|y| year <= y)
    }
}

/// Every figure (observations, then funds) of `indicator` in `scope`, with the fund's stage.
pub fn figures<'d>(dataset: &'d Dataset, indicator: usize, scope: Scope) -> Vec<(&'d Figure, Option<crate::data::Stage>)> {
    let observations = dataset.observations.iter().map(|f| (f, None));
    let funds = dataset.funds.iter().map(|f| (&f.figure, Some(f.stage)));
    observations.chain(funds).filter(|(f, _)| f.indicator == indicator && scope.holds(dataset, f)).collect()
}

/// The indicators with at least one figure, in the data's order.
pub fn indicators(dataset: &Dataset) -> Vec<usize> {
    (0..dataset.indicators.len()).filter(|&i| !figures(dataset, i, Scope::default()).is_empty()).collect()
}

/// The regions with figures of `indicator`, in the data's order.
pub fn regions(dataset: &Dataset, indicator: usize) -> Vec<usize> {
    let mut found: Vec<usize> = figures(dataset, indicator, Scope::default()).iter().map(|(f, _)| f.region).collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// The years the figures of `indicator` in `region` end in, oldest first.
pub fn years(dataset: &Dataset, indicator: usize, region: Option<usize>) -> Vec<i32> {
    let mut found: Vec<i32> = figures(dataset, indicator, Scope { region, ..Scope::default() }).iter().map(|(f, _)| i32::from(f.period.end().year)).collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// Where a number comes from: the figure, how it was printed and qualified, and its source.
#[derive(Clone, Debug, PartialEq)]
pub struct Provenance {
    pub figure: SourcedFigure,
    /// The region's code (for its page).
    pub region_code: String,
    /// The qualifier in words: "more than (余)", "exact".
    pub qualifier: String,
    /// The figure as printed, e.g. 1000余万元.
    pub as_written: Option<String>,
    /// The total this figure is a part of, with the breakdown's label.
    pub part_of: Option<SourcedFigure>,
    pub note: String,
    /// Index of the source.
    pub source: usize,
}

/// The provenance of the figure (observation or fund) with id `id`.
pub fn provenance(dataset: &Dataset, id: &str, locale: Locale) -> Option<Provenance> {
    let fund = |f: &Fund| sourced(dataset, &f.figure, Some(fund_detail(f, locale)), locale);
    // The figure, and its total (a part's total is in the same list as the part).
    let (figure, total) = match dataset.observations.iter().find(|f| f.id == id) {
        Some(f) => (sourced(dataset, f, None, locale), f.part_of().and_then(|(t, _)| dataset.observations.get(t)).map(|t| sourced(dataset, t, None, locale))),
        None => {
            let f = dataset.funds.iter().find(|f| f.figure.id == id)?;
            (fund(f), f.figure.part_of().and_then(|(t, _)| dataset.funds.get(t)).map(fund))
        }
    };
    let f = dataset.observations.iter().chain(dataset.funds.iter().map(|f| &f.figure)).find(|f| f.id == id)?;
    Some(Provenance {
        figure,
        region_code: dataset.regions.get(f.region).map(|r| r.code.clone()).unwrap_or_default(),
        qualifier: labels::term("qualifier", f.qualifier, locale),
        as_written: f.as_written().map(str::to_owned),
        part_of: total,
        note: f.note().get(locale).to_owned(),
        source: f.source,
    })
}

/// The regions a page can be made for: every region that has a figure, a pairing or a task.
pub fn regions_with_data(dataset: &Dataset) -> Vec<usize> {
    let mut has = vec![false; dataset.regions.len()];
    let figures = dataset.observations.iter().chain(dataset.funds.iter().map(|f| &f.figure)).map(|f| f.region);
    let pairings = dataset.pairings.iter().flat_map(|p| [p.from, p.to]);
    for r in figures.chain(pairings).chain(dataset.commitments.iter().map(|c| c.region)) {
        if let Some(h) = has.get_mut(r) {
            *h = true;
        }
    }
    (0..dataset.regions.len()).filter(|&r| has[r]).collect()
}

/// A region's key figures: for each indicator it has observations of, the latest actual one
/// (or the latest of any status when none is actual), in the order the indicators are listed.
pub fn key_figures(dataset: &Dataset, region: usize) -> Vec<&Figure> {
    let mut best: Vec<(usize, &Figure)> = Vec::new();
    for f in dataset.observations.iter().filter(|f| f.region == region && f.part_of().is_none()) {
        let rank = |g: &Figure| (g.status == crate::data::Status::Actual, g.period.end());
        match best.iter_mut().find(|(i, _)| *i == f.indicator) {
            Some((_, b)) if rank(f) > rank(b) => *b = f,
            Some(_) => {}
            None => best.push((f.indicator, f)),
        }
    }
    best.sort_by_key(|(i, _)| *i);
    best.into_iter().map(|(_, f)| f).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::package::{self, Loaded};
    use std::path::Path;

    /// The base fixture of `tests/fixtures/base` with the published descriptor.
    fn base() -> Loaded {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let descriptor = std::fs::read(root.join("public/data/datapackage.json")).expect("descriptor");
        let dir = root.join("tests/fixtures/base");
        let loaded = package::load("datapackage.json", &descriptor, |f| std::fs::read(dir.join(f)).map_err(|e| crate::data::DataError::unavailable(f, e)))
            .expect("parses");
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        loaded
    }

    #[test]
    fn compositions_group_parts_by_total_and_breakdown() {
        let loaded = base();
        let found = compositions(&loaded.dataset.observations);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].total.id.as_str(), found[0].breakdown), ("o1", "type"));
        let parts: Vec<&str> = found[0].parts.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(parts, ["o2", "o3", "o4"]);
    }

    #[test]
    fn a_source_lists_its_observations_and_funds_in_the_readers_language() {
        let loaded = base();
        let d = &loaded.dataset;
        let s1 = d.sources.iter().position(|s| s.id == "s1").expect("s1");
        let lines = figures_of_source(d, s1, Locale::ZhHans);
        let ids: Vec<&str> = lines.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, ["o5", "f1", "f2", "f3"]);
        assert_eq!(lines[0].value, "404人");
        assert_eq!(lines[0].period, "2018年4月28日");
        assert_eq!(lines[1].indicator, "扶贫项目投资（多渠道合计，已使用）");
        assert_eq!(lines[1].value, "1000余万元");
        assert_eq!(lines[1].quote, "累计投资项目资金1000余万元");
        let en = figures_of_source(d, s1, Locale::En);
        assert_eq!(en[2].indicator, "Investment in poverty alleviation projects (higher levels of government, spent)");
        assert_eq!(en[2].status, "actual");
    }

    #[test]
    fn a_figure_traces_to_its_source_quotation_and_total() {
        let loaded = base();
        let d = &loaded.dataset;
        let p = provenance(d, "f2", Locale::ZhHans).expect("f2 is a fund");
        assert_eq!(p.figure.quote, d.funds.iter().find(|f| f.figure.id == "f2").map(|f| f.figure.locator.to_string()).unwrap_or_default());
        assert_eq!(d.sources[p.source].id, "s1");
        let part = provenance(d, "o2", Locale::En).expect("o2 is a part");
        assert_eq!(part.part_of.map(|t| t.id).as_deref(), Some("o1"));
        assert!(provenance(d, "nothing", Locale::En).is_none());
    }

    #[test]
    fn regions_with_data_and_their_key_figures() {
        let loaded = base();
        let d = &loaded.dataset;
        let with = regions_with_data(d);
        for (i, r) in d.regions.iter().enumerate() {
            let used = d.observations.iter().any(|f| f.region == i)
                || d.funds.iter().any(|f| f.figure.region == i)
                || d.pairings.iter().any(|p| p.from == i || p.to == i)
                || d.commitments.iter().any(|c| c.region == i);
            assert_eq!(with.contains(&i), used, "{}", r.code);
        }
        for &r in &with {
            let keys = key_figures(d, r);
            let mut indicators: Vec<usize> = keys.iter().map(|f| f.indicator).collect();
            indicators.dedup();
            assert_eq!(indicators.len(), keys.len(), "one card per indicator");
            for k in keys {
                assert!(!d.observations.iter().any(|f| f.region == r && f.indicator == k.indicator && f.part_of().is_none() && f.status == k.status && f.period.end() > k.period.end()));
            }
        }
    }
}
