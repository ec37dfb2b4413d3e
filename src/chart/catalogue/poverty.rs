//! Charts of the Poverty exits page: the national series, exits by region, and breakdowns of the
//! poor (by household type, by region, by cause).

use crate::data::{Category, Dataset, Figure, Level, Unit};
use crate::format;
use crate::i18n::{tr, tr_args, Locale};

use super::super::spec::{change_percent, in_sentence, Body, Chart, Marks, Panel, Place};
use super::{bar_chart, Titles, composition_charts, unit_scale};

/// The national rural poor population and headcount rate: two aligned panels, never a dual axis.
pub fn national_series(dataset: &Dataset, locale: Locale) -> Option<Chart> {
    let country = dataset.regions.iter().position(|r| r.level == Level::Country)?;
    let series: Vec<(usize, Vec<&Figure>)> = ["rural_poor_population", "rural_poverty_headcount_rate"]
        .iter()
        .filter_map(|id| dataset.indicators.iter().position(|i| i.id == *id))
        .map(|indicator| {
            let mut points: Vec<&Figure> = dataset
                .observations
                .iter()
                .filter(|f| f.region == country && f.indicator == indicator && f.period.is_date())
                .collect();
            points.sort_by_key(|f| f.period.end());
            (indicator, points)
        })
        .filter(|(_, points)| points.len() >= 2)
        .collect();
    let start = series.iter().filter_map(|(_, p)| p.first()).map(|f| f.period.end().year).min()?;
    let end = series.iter().filter_map(|(_, p)| p.last()).map(|f| f.period.end().year).max()?;

    let mut m = Marks::new(dataset, locale);
    let mut marks = Vec::new();
    let mut panels = Vec::new();
    let mut sentences = Vec::new();
    for (panel, (indicator, points)) in series.iter().enumerate() {
        let unit = dataset.indicators.get(*indicator)?.unit;
        let (factor, unit_label) = unit_scale(unit, points.iter().copied(), locale);
        let name = m.indicator(*indicator);
        let first_mark = marks.len();
        for f in points {
            let date = f.period.end();
            // A year-end level sits on its year's tick; other months before it.
            let x = f64::from(date.year) + (f64::from(date.month.unwrap_or(12)) - 12.0) / 12.0;
            let label = format::period(&f.period, locale);
            marks.push(m.figure(f, &name, &label, &unit_label, factor, Place::Point { panel, x }));
        }
        let (a, b) = (&marks[first_mark], &marks[marks.len() - 1]);
        let direction = if b.value < a.value { "fell" } else if b.value > a.value { "rose" } else { "same" };
        sentences.push(tr_args(
            locale,
            "chart-summary-series",
            &[
                ("start", points[0].period.end().year.to_string().into()),
                ("end", points[points.len() - 1].period.end().year.to_string().into()),
                ("indicator", in_sentence(&name, locale).into()),
                ("direction", direction.into()),
                ("from", format::figure(points[0].value, unit, a.qualifier, locale).into()),
                ("to", format::figure(points[points.len() - 1].value, unit, b.qualifier, locale).into()),
                ("change", change_percent(a.value, b.value, locale).unwrap_or_default().into()),
            ],
        ));
        panels.push(Panel { title: name, unit: unit_label });
    }
    let x_labels = (start..=end).map(|y| (f64::from(y), y.to_string())).collect();
    let unit = panels.iter().map(|p| p.unit.as_str()).collect::<Vec<_>>().join(" · ");
    let region = m.region(country);
    Some(Chart {
        id: "national-series".into(),
        title: tr(locale, "chart-national-title"),
        subtitle: tr_args(
            locale,
            "chart-national-subtitle",
            &[("region", region.into()), ("start", start.to_string().into()), ("end", end.to_string().into())],
        ),
        unit,
        summary: sentences.join(&tr(locale, "sentence-joiner")),
        notes: m.notes(),
        sources: m.sources(),
        group_heading: tr(locale, "chart-col-series"),
        label_heading: tr(locale, "chart-col-period"),
        marks,
        body: Body::Lines { panels, x_labels },
    })
}

/// Persons lifted out of poverty, by region and period; targets drawn hollow beside actual exits.
pub fn exits_by_region(dataset: &Dataset, locale: Locale) -> Option<Chart> {
    let indicator = dataset.indicators.iter().position(|i| i.id == "poverty_exits_persons")?;
    let figures: Vec<_> = dataset.observations.iter().filter(|f| f.indicator == indicator).map(|f| (f, None)).collect();
    if figures.is_empty() {
        return None;
    }
    Some(super::explore::bars_by_region(dataset, figures, locale, |unit| Titles {
        id: "exits-by-region".into(),
        title: tr(locale, "chart-exits-title"),
        subtitle: tr(locale, "chart-exits-subtitle"),
        unit,
    }))
}

/// Shares of the poor by cause of poverty, on a scale from 0 to 100 %.
pub fn causes(dataset: &Dataset, locale: Locale) -> Option<Chart> {
    let figures: Vec<&Figure> = dataset
        .observations
        .iter()
        .filter(|f| dataset.indicators.get(f.indicator).is_some_and(|i| i.id.starts_with("poverty_cause_") && i.unit == Unit::Percent))
        .collect();
    if figures.is_empty() {
        return None;
    }
    let unit = crate::labels::term("unit", Unit::Percent, locale);
    let mut m = Marks::new(dataset, locale);
    let marks = figures
        .iter()
        .map(|f| {
            let group = tr_args(
                locale,
                "chart-stack-label",
                &[("region", m.region(f.region).into()), ("period", format::period(&f.period, locale).into())],
            );
            let label = m.indicator(f.indicator);
            m.figure(f, &group, &label, &unit, 1.0, Place::Bar)
        })
        .collect();
    Some(bar_chart(
        Titles { id: "causes".into(), title: tr(locale, "chart-causes-title"), subtitle: tr(locale, "chart-causes-subtitle"), unit },
        &m,
        marks,
        Some(100.0),
        ("chart-col-region", "chart-col-cause"),
    ))
}

/// Breakdowns of the poor: households by type (一般/低保/特困), the poor by region, and so on.
pub fn breakdowns(dataset: &Dataset, locale: Locale) -> Vec<Chart> {
    let poverty = |f: &Figure| dataset.indicators.get(f.indicator).is_some_and(|i| matches!(i.category, Category::Poverty | Category::PovertyExit));
    composition_charts(
        dataset,
        &dataset.observations,
        locale,
        poverty,
        |m, total, part| if part.indicator != total.indicator { m.indicator(part.indicator) } else { m.region(part.region) },
        "poverty-breakdown",
    )
}

/// Every chart of the Poverty exits page, in page order.
pub fn charts(dataset: &Dataset, locale: Locale) -> Vec<Chart> {
    let mut charts: Vec<Chart> = national_series(dataset, locale).into_iter().collect();
    charts.extend(exits_by_region(dataset, locale));
    charts.extend(breakdowns(dataset, locale));
    charts.extend(causes(dataset, locale));
    charts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::catalogue::tests::default_dataset;

    #[test]
    fn national_series_is_two_aligned_panels_with_a_summary_in_each_language() {
        let d = default_dataset();
        let zh = national_series(&d, Locale::ZhHans).expect("national series");
        let Body::Lines { panels, x_labels } = &zh.body else { panic!("lines") };
        assert_eq!(panels.iter().map(|p| p.unit.as_str()).collect::<Vec<_>>(), ["万人", "%"]);
        assert_eq!(x_labels.first().map(|l| l.1.as_str()), Some("2012"));
        assert_eq!(x_labels.last().map(|l| l.1.as_str()), Some("2020"));
        let population: Vec<&str> = zh.marks.iter().filter(|m| matches!(m.place, Place::Point { panel: 0, .. })).map(|m| m.text.as_str()).collect();
        assert_eq!(population, ["9899", "8249", "7017", "5575", "4335", "3046", "1660", "551", "0"]);
        assert_eq!(
            zh.summary,
            "2012年至2020年，农村贫困人口从9899万人降至0人（−100%）。2012年至2020年，贫困发生率从10.2%降至0%（−100%）。"
        );
        let en = national_series(&d, Locale::En).expect("national series");
        assert!(en.summary.starts_with("From 2012 to 2020 rural poor population fell from 98.99 million persons to 0 persons (−100%)."), "{}", en.summary);
        let hant = national_series(&d, Locale::ZhHant).expect("national series");
        assert!(hant.summary.starts_with("2012年至2020年，農村貧困人口從9899萬人降至0人"), "{}", hant.summary);
        assert_eq!(zh.sources.len(), 7, "each year's figure cites its own release");
    }

    #[test]
    fn household_types_stack_beside_the_published_total() {
        let d = default_dataset();
        let charts = breakdowns(&d, Locale::ZhHans);
        let types = charts.iter().find(|c| c.marks.iter().any(|m| m.label == "一般贫困户")).expect("household types");
        let parts: Vec<(&str, &str)> = types.marks.iter().map(|m| (m.label.as_str(), m.text.as_str())).collect();
        assert_eq!(parts, [("一般贫困户", "1789"), ("低保贫困户", "489"), ("特困贫困户", "49")]);
        let Body::Stacked { totals } = &types.body else { panic!("stacked") };
        assert_eq!(totals[0].as_ref().map(|t| t.text.as_str()), Some("合计2327"));
        assert_eq!(types.unit, "户");
        assert!(types.summary.contains("合计2327户"), "{}", types.summary);
        let regions = charts.iter().find(|c| c.marks.iter().any(|m| m.label == "西部地区")).expect("poor by macro-region");
        assert_eq!(regions.groups().len(), 2, "2018 and 2019 stacks");
    }

    #[test]
    fn exits_keep_targets_hollow_and_causes_use_the_whole_percent_scale() {
        let d = default_dataset();
        let exits = exits_by_region(&d, Locale::ZhHans).expect("exits");
        let target = exits.marks.iter().find(|m| m.group == "通辽市").expect("通辽 target");
        assert!(target.hollow && target.status == "目标", "{target:?}");
        assert!(exits.marks.iter().filter(|m| m.group == "二道江区").all(|m| !m.hollow));
        assert!(exits.notes.iter().any(|n| n.contains("空心")));
        let causes = causes(&d, Locale::En).expect("causes");
        assert_eq!(causes.body, Body::Bars { max: Some(100.0) });
        assert_eq!(causes.marks[0].text, "≥95");
    }
}
