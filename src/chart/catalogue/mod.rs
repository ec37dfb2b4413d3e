//! The catalogue: which charts each page shows, built from a dataset as [`Chart`] specs.
//!
//! Every builder takes published figures as they are: a total is drawn as published beside its
//! parts, planned or target figures are never added to actual ones, and money at different
//! stages (allocated, arrived, disbursed, spent) is never summed.

pub mod commitments;
pub mod compare;
pub mod explore;
pub mod funds;
pub mod pages;
pub mod pairing;
pub mod poverty;

use crate::data::{Dataset, Figure, HasFigure, Unit};
use crate::derive::{compositions, Composition};
use crate::format::{self, Scale};
use crate::i18n::{tr, tr_args, Locale};

use super::spec::{Body, Chart, Mark, Marks, Place, Total};

/// The one factor and unit label that show all of `figures` most readably: 万人, 亿元, %. It is
/// the scale of the largest value, or a smaller one when the smallest value would shrink below a
/// hundredth of the unit (90人 is not written 0.009万人).
pub fn unit_scale<'f>(unit: Unit, figures: impl IntoIterator<Item = &'f Figure>, locale: Locale) -> (f64, String) {
    let values: Vec<f64> = figures.into_iter().map(|f| f.value.abs()).filter(|v| v.is_finite() && *v > 0.0).collect();
    let max = values.iter().copied().fold(0.0, f64::max);
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let scale = if format::scales(unit) { Scale::for_range(max, min, locale) } else { Scale::One };
    (scale.factor(), scale.unit(unit, locale))
}

/// The largest value among `figures`.
fn max_of<'f>(figures: impl IntoIterator<Item = &'f Figure>) -> f64 {
    figures.into_iter().map(|f| f.value).fold(0.0, f64::max)
}

/// The reader's word for a breakdown label such as `type` or `batch`; unknown labels are shown as written.
fn breakdown(code: &str, locale: Locale) -> String {
    let id = format!("breakdown-{}", code.replace('_', "-"));
    let word = tr(locale, &id);
    if word == id {
        code.to_owned()
    } else {
        word
    }
}

/// "A 600万元，B 490万元": marks with their values, for summaries.
fn listed(marks: &[&Mark], locale: Locale) -> String {
    marks
        .iter()
        .map(|m| {
            let value = format::qualified(&m.number, &m.unit, m.qualifier, locale);
            tr_args(locale, "chart-summary-part", &[("label", m.label.as_str().into()), ("value", value.into())])
        })
        .collect::<Vec<_>>()
        .join(&tr(locale, "list-joiner"))
}

/// A summary that names every mark when there are few, or the largest and smallest when there are many.
fn list_summary(title: &str, marks: &[Mark], locale: Locale) -> String {
    if marks.len() <= 6 {
        let all: Vec<&Mark> = marks.iter().collect();
        return tr_args(locale, "chart-summary-list", &[("title", title.into()), ("items", listed(&all, locale).into())]);
    }
    let by_value = |a: &&Mark, b: &&Mark| a.value.total_cmp(&b.value);
    let (Some(max), Some(min)) = (marks.iter().max_by(by_value), marks.iter().min_by(by_value)) else {
        return String::new();
    };
    tr_args(
        locale,
        "chart-summary-range",
        &[
            ("title", title.into()),
            ("count", marks.len().into()),
            ("max", listed(&[max], locale).into()),
            ("min", listed(&[min], locale).into()),
        ],
    )
}

/// One stacked chart for every breakdown of `items` whose total passes `keep`, grouped by the
/// total's indicator and breakdown label: one stack per total, its parts as segments and the
/// published total as a marker. `part_label` names a part.
fn composition_charts<T: HasFigure>(
    dataset: &Dataset,
    items: &[T],
    locale: Locale,
    keep: impl Fn(&Figure) -> bool,
    part_label: impl Fn(&Marks<'_>, &T, &T) -> String,
    id_prefix: &str,
) -> Vec<Chart> {
    let mut groups: Vec<Vec<Composition<'_, T>>> = Vec::new();
    for c in compositions(items) {
        let total = c.total.figure();
        if !keep(total) {
            continue;
        }
        match groups.iter_mut().find(|g| g[0].total.figure().indicator == total.indicator && g[0].breakdown == c.breakdown) {
            Some(g) => g.push(c),
            None => groups.push(vec![c]),
        }
    }
    groups
        .into_iter()
        .enumerate()
        .filter_map(|(n, group)| {
            let first = group.first()?.total.figure();
            let unit = dataset.indicators.get(first.indicator)?.unit;
            let shown = group.iter().flat_map(|c| std::iter::once(c.total.figure()).chain(c.parts.iter().map(|p| p.figure())));
            let (factor, unit_label) = unit_scale(unit, shown, locale);
            let mut m = Marks::new(dataset, locale);
            let mut marks = Vec::new();
            let mut totals = Vec::new();
            let mut sentences = Vec::new();
            for c in &group {
                let t = c.total.figure();
                let stack = tr_args(
                    locale,
                    "chart-stack-label",
                    &[("region", m.region(t.region).into()), ("period", format::period(&t.period, locale).into())],
                );
                let start = marks.len();
                for part in &c.parts {
                    let label = part_label(&m, c.total, part);
                    marks.push(m.figure(part.figure(), &stack, &label, &unit_label, factor, Place::Bar));
                }
                m.cite(t.source);
                let total_number = format::number(t.value / factor, 2, locale);
                let total_text = format::qualified(&total_number, &unit_label, t.qualifier, locale);
                let parts: Vec<&Mark> = marks[start..].iter().collect();
                sentences.push(tr_args(
                    locale,
                    "chart-summary-composition",
                    &[("stack", stack.as_str().into()), ("total", total_text.clone().into()), ("parts", listed(&parts, locale).into())],
                ));
                let total_mark = super::spec::on_chart(&total_number, t.qualifier, locale);
                totals.push(Some(Total { value: t.value / factor, text: tr_args(locale, "chart-total-mark", &[("value", total_mark.into())]) }));
            }
            let indicator = m.indicator(first.indicator);
            let by = breakdown(group[0].breakdown, locale);
            Some(Chart {
                id: format!("{id_prefix}-{}", n + 1),
                title: tr_args(locale, "chart-composition-title", &[("indicator", indicator.into()), ("breakdown", by.into())]),
                subtitle: tr(locale, "chart-composition-subtitle"),
                unit: unit_label,
                summary: sentences.join(&tr(locale, "sentence-joiner")),
                notes: m.notes(),
                sources: m.sources(),
                group_heading: tr(locale, "chart-col-stack"),
                label_heading: tr(locale, "chart-col-part"),
                marks,
                body: Body::Stacked { totals },
            })
        })
        .collect()
}

/// What a chart is called: its element id, title, subtitle and unit.
struct Titles {
    id: String,
    title: String,
    subtitle: String,
    unit: String,
}

/// A bar chart of `marks` with the parts every chart shares taken from `m`; `headings` are the
/// message ids of the table's first two columns.
fn bar_chart(titles: Titles, m: &Marks<'_>, marks: Vec<Mark>, max: Option<f64>, headings: (&str, &str)) -> Chart {
    let locale = m.locale;
    let Titles { id, title, subtitle, unit } = titles;
    Chart {
        summary: list_summary(&title, &marks, locale),
        id,
        title,
        subtitle,
        unit,
        notes: m.notes(),
        sources: m.sources(),
        group_heading: tr(locale, headings.0),
        label_heading: tr(locale, headings.1),
        marks,
        body: Body::Bars { max },
    }
}

/// Every chart the catalogue can build from `dataset`, for checks that must hold of all of them
/// (small multiples for every comparable indicator, funds for every region).
pub fn all(dataset: &Dataset, locale: Locale) -> Vec<Chart> {
    let mut charts = poverty::charts(dataset, locale);
    charts.extend(funds::regions(dataset).into_iter().filter_map(|r| funds::by_stage(dataset, r, locale)));
    charts.extend(funds::compositions(dataset, locale));
    charts.extend(funds::per_capita_chart(dataset, locale));
    charts.extend(pairing::flows(dataset, locale));
    charts.extend(pairing::cadres(dataset, locale));
    charts.extend(pairing::cadre_posts(dataset, locale));
    charts.extend(pairing::projects(dataset, locale));
    charts.extend(commitments::timeline(dataset, locale));
    for indicator in compare::comparable(dataset) {
        charts.extend(compare::small_multiples(dataset, indicator, locale));
    }
    charts
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::data::{package, Dataset};

    /// The default data package the portal ships.
    pub fn default_dataset() -> Dataset {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/datapackage.json");
        let loaded = package::load_path(&path).expect("the default package parses");
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        loaded.dataset
    }
}

#[cfg(test)]
mod catalogue_tests {
    use super::tests::default_dataset;
    use super::*;
    use crate::chart::render::{render, Palette};

    /// Writes every chart of the default data as SVG to `$WRITE_SAMPLES/` so they can be looked at.
    #[test]
    fn every_chart_renders_with_one_target_per_mark_in_every_language() {
        let dataset = default_dataset();
        for locale in Locale::ALL {
            let charts = all(&dataset, locale);
            assert!(charts.len() >= 15, "{locale:?}: only {} charts", charts.len());
            for chart in &charts {
                // Only a small-multiples panel may be empty: it shows that region has no figure.
                assert!(!chart.marks.is_empty() || chart.id.starts_with("compare-"), "{}: no marks", chart.id);
                if chart.marks.is_empty() {
                    continue;
                }
                assert!(!chart.sources.is_empty(), "{}: no source", chart.id);
                for text in [&chart.title, &chart.subtitle, &chart.summary, &chart.unit] {
                    assert!(!text.contains("chart-") && !text.contains("mark-") && !text.contains('{'), "{}: {text}", chart.id);
                }
                for mark in &chart.marks {
                    assert!(mark.value.is_finite() && !mark.label.is_empty(), "{}: {mark:?}", chart.id);
                    assert!(!mark.detail.contains("mark-detail"), "{}", mark.detail);
                }
                let drawn = render(chart, 720, &Palette::LIGHT).unwrap_or_else(|e| panic!("{e}"));
                if let Ok(dir) = std::env::var("WRITE_SAMPLES") {
                    let path = std::path::Path::new(&dir).join(format!("{}-{}.svg", chart.id, locale.tag()));
                    std::fs::write(path, &drawn.svg).expect("writes the sample");
                }
                let mut marks: Vec<usize> = drawn.hits.iter().map(|h| h.mark).collect();
                marks.sort_unstable();
                assert_eq!(marks, (0..chart.marks.len()).collect::<Vec<_>>(), "{}: one hit per mark", chart.id);
                for hit in &drawn.hits {
                    assert!(hit.x >= 0.0 && hit.y >= 0.0 && hit.x + hit.w <= 721.0 && hit.y + hit.h <= f64::from(drawn.height) + 1.0, "{}: {hit:?}", chart.id);
                }
            }
        }
    }
}
