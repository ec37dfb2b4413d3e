//! Charts of the Funds page: amounts by purpose and funding source in sections by stage (never
//! summed across stages), compositions by funding source, and amounts per person.

use crate::data::{Dataset, Figure, Fund, Status, Unit};
use crate::i18n::{tr, tr_args, Locale};
use crate::labels;

use super::super::spec::{Chart, Marks, Place};
use super::{bar_chart, Titles, composition_charts, unit_scale};

/// The regions with funds, in order of first appearance.
pub fn regions(dataset: &Dataset) -> Vec<usize> {
    let mut regions: Vec<usize> = Vec::new();
    for fund in &dataset.funds {
        if !regions.contains(&fund.figure.region) {
            regions.push(fund.figure.region);
        }
    }
    regions
}

/// Every published amount for `region` (parts of a published total are left to its breakdown
/// chart), one section per stage, labelled by purpose and funding source.
pub fn by_stage(dataset: &Dataset, region: usize, locale: Locale) -> Option<Chart> {
    let mut funds: Vec<&Fund> = dataset.funds.iter().filter(|f| f.figure.region == region && f.figure.part_of().is_none()).collect();
    if funds.is_empty() {
        return None;
    }
    funds.sort_by_key(|f| f.stage);
    let (factor, unit) = unit_scale(Unit::Yuan, funds.iter().map(|f| &f.figure), locale);
    let mut m = Marks::new(dataset, locale);
    let marks = funds
        .iter()
        .map(|f| {
            let stage = labels::term("stage", f.stage, locale);
            let label = tr_args(
                locale,
                "figure-with-detail",
                &[("name", m.indicator(f.figure.indicator).into()), ("detail", labels::funding_source(f.funding_source, locale).into())],
            );
            m.figure(&f.figure, &stage, &label, &unit, factor, Place::Bar)
        })
        .collect();
    let name = m.region(region);
    Some(bar_chart(
        Titles { id: format!("funds-{}", dataset.regions.get(region)?.code), title: tr_args(locale, "chart-funds-title", &[("region", name.into())]), subtitle: tr(locale, "chart-funds-subtitle"), unit },
        &m,
        marks,
        None,
        ("chart-col-stage", "chart-col-purpose"),
    ))
}

/// Published totals beside their parts by funding source (e.g. 上级资金 600万 + 区政府 490万).
pub fn compositions(dataset: &Dataset, locale: Locale) -> Vec<Chart> {
    composition_charts(
        dataset,
        &dataset.funds,
        locale,
        |_| true,
        |_, _, part: &Fund| labels::funding_source(part.funding_source, locale),
        "funds-composition",
    )
}

/// An actual amount divided by the population of the same region at the end of the same year.
#[derive(Clone, Debug, PartialEq)]
pub struct PerCapita<'a> {
    pub fund: &'a Fund,
    pub population: &'a Figure,
    /// Yuan per person.
    pub value: f64,
}

/// Amounts per person wherever the data has the region's population for the year the money
/// belongs to. Planned amounts and qualified populations are left out: a quotient of 余 is not a figure.
pub fn per_capita(dataset: &Dataset) -> Vec<PerCapita<'_>> {
    let Some(population) = dataset.indicators.iter().position(|i| i.id == "population") else { return Vec::new() };
    dataset
        .funds
        .iter()
        .filter(|f| f.figure.status == Status::Actual && f.figure.part_of().is_none())
        .filter_map(|fund| {
            let year = fund.figure.period.end().year;
            let people = dataset.observations.iter().find(|o| {
                o.indicator == population
                    && o.region == fund.figure.region
                    && o.period.end().year == year
                    && o.qualifier == crate::data::Qualifier::Exact
                    && o.value > 0.0
            })?;
            Some(PerCapita { fund, population: people, value: fund.figure.value / people.value })
        })
        .collect()
}

/// A bar chart of [`per_capita`] amounts, or `None` when no region has both.
pub fn per_capita_chart(dataset: &Dataset, locale: Locale) -> Option<Chart> {
    let rows = per_capita(dataset);
    if rows.is_empty() {
        return None;
    }
    let unit = tr(locale, "unit-yuan-per-person");
    let mut m = Marks::new(dataset, locale);
    let marks = rows
        .iter()
        .map(|row| {
            let mut figure = row.fund.figure.clone();
            figure.value = row.value;
            m.cite(row.population.source);
            let (region, label) = (m.region(figure.region), m.indicator(figure.indicator));
            m.figure(&figure, &region, &label, &unit, 1.0, Place::Bar)
        })
        .collect();
    Some(bar_chart(
        Titles { id: "funds-per-capita".into(), title: tr(locale, "chart-per-capita-title"), subtitle: tr(locale, "chart-per-capita-subtitle"), unit },
        &m,
        marks,
        None,
        ("chart-col-region", "chart-col-purpose"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::catalogue::tests::default_dataset;
    use crate::chart::spec::Body;

    #[test]
    fn stages_are_sections_and_planned_money_is_hollow() {
        let d = default_dataset();
        let tongliao = d.regions.iter().position(|r| r.code == "150500").expect("通辽市");
        let chart = by_stage(&d, tongliao, Locale::ZhHans).expect("funds");
        assert_eq!(chart.unit, "亿元");
        assert_eq!(chart.groups(), ["已到位", "已拨付"]);
        let planned = chart.marks.iter().find(|m| m.text == "50").expect("50亿 integrated funds");
        assert!(planned.hollow);
        assert!(chart.marks.iter().any(|m| m.text == "14.47" && !m.hollow));
        assert_eq!(chart.body, Body::Bars { max: None });
    }

    #[test]
    fn compositions_show_parts_by_source_and_the_total_as_published() {
        let d = default_dataset();
        let charts = compositions(&d, Locale::ZhHans);
        assert_eq!(charts.len(), 1);
        let parts: Vec<(&str, &str)> = charts[0].marks.iter().map(|m| (m.label.as_str(), m.text.as_str())).collect();
        assert_eq!(parts, [("上级资金", "600"), ("县级资金", "490")]);
        let Body::Stacked { totals } = &charts[0].body else { panic!("stacked") };
        assert_eq!(totals[0].as_ref().map(|t| t.text.as_str()), Some("合计1000余"));
        assert_eq!(charts[0].summary, "二道江区（截至2018年4月28日）合计1000余万元，其中上级资金600万元，县级资金490万元。");
        let en = compositions(&d, Locale::En);
        assert_eq!(
            en[0].summary,
            "Erdaojiang District (up to 28 April 2018): more than 10 million yuan in total, of which higher levels of government: 6 million yuan, the county-level government: 4.9 million yuan."
        );
    }

    #[test]
    fn per_capita_needs_an_exact_population_of_the_same_region_and_year() {
        let mut d = default_dataset();
        assert!(per_capita(&d).is_empty(), "the default data has no region with both");
        // Give 通辽市 a population for 2018: its actual 2018 funds then have per-person amounts.
        let population = d.observations.iter().find(|o| d.indicators[o.indicator].id == "population").cloned().expect("a population row");
        let tongliao = d.regions.iter().position(|r| r.code == "150500").expect("通辽市");
        d.observations.push(crate::data::Figure { region: tongliao, value: 3_000_000.0, period: "2018-12".parse().expect("period"), ..population });
        let rows = per_capita(&d);
        let ids: Vec<&str> = rows.iter().map(|r| r.fund.figure.id.as_str()).collect();
        assert!(ids.contains(&"s002-f001") && !ids.contains(&"s002-f006"), "planned 50亿 left out: {ids:?}");
        let first = rows.iter().find(|r| r.fund.figure.id == "s002-f001").expect("14.47亿");
        assert!((first.value - 1_447_000_000.0 / 3_000_000.0).abs() < 1e-9);
        let chart = per_capita_chart(&d, Locale::ZhHans).expect("chart");
        assert_eq!(chart.unit, "元/人");
        assert!(chart.marks.iter().any(|m| m.text == "482.33"));
    }
}
