//! Pure derivations from the model to the tables views show.

use crate::data::HasFigure;
use crate::data::{Dataset, Figure};
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
        let Some((total, breakdown)) = &part.figure().part_of else { continue };
        let Some(total_item) = items.get(*total) else { continue };
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

/// Every figure (observations, then funds) that the source with index `source` supports.
pub fn figures_of_source(dataset: &Dataset, source: usize, locale: Locale) -> Vec<SourcedFigure> {
    let line = |f: &Figure, detail: Option<String>| {
        let indicator = dataset.indicators.get(f.indicator);
        let name = indicator.map_or(String::new(), |i| i.names.get(locale).to_owned());
        SourcedFigure {
            id: f.id.clone(),
            indicator: match detail {
                Some(d) => tr_args(locale, "figure-with-detail", &[("name", name.into()), ("detail", d.into())]),
                None => name,
            },
            region: dataset.regions.get(f.region).map_or(String::new(), |r| r.names.get(locale).to_owned()),
            period: format::period(&f.period, locale),
            value: indicator.map_or(String::new(), |i| format::figure(f.value, i.unit, f.qualifier, locale)),
            status: labels::term("status", f.status, locale),
            quote: f.locator.clone(),
        }
    };
    let observations = dataset.observations.iter().filter(|f| f.source == source).map(|f| line(f, None));
    let funds = dataset.funds.iter().filter(|f| f.figure.source == source).map(|f| {
        let detail = tr_args(
            locale,
            "fund-detail",
            &[("source", labels::funding_source(f.funding_source, locale).into()), ("stage", labels::term("stage", f.stage, locale).into())],
        );
        line(&f.figure, Some(detail))
    });
    observations.chain(funds).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::package::{self, Loaded};
    use std::path::Path;

    /// The base fixture of `tests/fixtures/base` with the published descriptor.
    fn base() -> Loaded {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let descriptor = std::fs::read_to_string(root.join("public/data/datapackage.json")).expect("descriptor");
        let dir = root.join("tests/fixtures/base");
        let loaded = package::load("datapackage.json", &descriptor, |f| std::fs::read_to_string(dir.join(f)).map_err(|e| e.to_string()))
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
}
