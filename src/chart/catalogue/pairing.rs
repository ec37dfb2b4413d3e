//! Charts of the Paired assistance page: money as flows from sending to receiving region,
//! cadres as bars, projects as their published breakdowns (e.g. 17 completed of 40).

use crate::data::{Dataset, Figure, Pairing, Unit};
use crate::i18n::{tr, tr_args, Locale};
use crate::labels;

use super::super::spec::{Body, Chart, Mark, Marks, Node, Place};
use super::{bar_chart, Titles, composition_charts, listed, unit_scale};

/// "北京市 → 通辽市", or the assisting organisations when the pairing names them.
pub fn pairing_label(dataset: &Dataset, pairing: &Pairing, locale: Locale) -> String {
    let name = |i: usize| dataset.regions.get(i).map(|r| r.names.get(locale).to_owned()).unwrap_or_default();
    let from = if pairing.partner.is_empty() { name(pairing.from) } else { pairing.partner.get(locale).to_owned() };
    tr_args(locale, "chart-pairing-label", &[("from", from.into()), ("to", name(pairing.to).into())])
}

/// Money from sending to receiving regions: one band per published amount, width proportional to
/// yuan. Amounts are not added up, not even at a node, because their stages differ.
pub fn flows(dataset: &Dataset, locale: Locale) -> Option<Chart> {
    let funds: Vec<_> = dataset.funds.iter().filter(|f| f.figure.pairing().is_some() && f.figure.part_of().is_none()).collect();
    if funds.is_empty() {
        return None;
    }
    let (factor, unit) = unit_scale(Unit::Yuan, funds.iter().map(|f| &f.figure), locale);
    let mut m = Marks::new(dataset, locale);
    let mut nodes: Vec<(usize, u8)> = Vec::new();
    let mut node = |region: usize, column: u8| match nodes.iter().position(|n| *n == (region, column)) {
        Some(i) => i,
        None => {
            nodes.push((region, column));
            nodes.len() - 1
        }
    };
    let mut marks: Vec<Mark> = Vec::new();
    for fund in funds {
        let Some(pairing) = fund.figure.pairing().and_then(|p| dataset.pairings.get(p)) else { continue };
        let (from, to) = (node(pairing.from, 0), node(pairing.to, 1));
        let group = pairing_label(dataset, pairing, locale);
        let label = tr_args(
            locale,
            "figure-with-detail",
            &[("name", m.indicator(fund.figure.indicator).into()), ("detail", labels::term("stage", fund.stage, locale).into())],
        );
        m.cite(pairing.source);
        marks.push(m.figure(&fund.figure, &group, &label, &unit, factor, Place::Link { from, to }));
    }
    let largest = marks.iter().max_by(|a, b| a.value.total_cmp(&b.value))?;
    let summary = tr_args(
        locale,
        "chart-summary-flows",
        &[("count", marks.len().into()), ("pairing", largest.group.as_str().into()), ("value", listed(&[largest], locale).into())],
    );
    let nodes = nodes
        .into_iter()
        .map(|(region, column)| Node { name: m.region(region), column })
        .collect();
    Some(Chart {
        id: "pairing-money".into(),
        title: tr(locale, "chart-flows-title"),
        subtitle: tr(locale, "chart-flows-subtitle"),
        unit,
        summary,
        notes: m.notes(),
        sources: m.sources(),
        group_heading: tr(locale, "chart-col-pairing"),
        label_heading: tr(locale, "chart-col-purpose"),
        marks,
        body: Body::Flows { nodes },
    })
}

/// Cadres sent, received or exchanged under each pairing (posts are in the breakdown charts).
pub fn cadres(dataset: &Dataset, locale: Locale) -> Option<Chart> {
    let is_cadres = |f: &Figure| dataset.indicators.get(f.indicator).is_some_and(|i| i.id.starts_with("pairing_cadres") && i.unit == Unit::Persons);
    let figures: Vec<&Figure> = dataset.observations.iter().filter(|f| f.pairing().is_some() && f.part_of().is_none() && is_cadres(f)).collect();
    if figures.is_empty() {
        return None;
    }
    let (factor, unit) = unit_scale(Unit::Persons, figures.iter().copied(), locale);
    let mut m = Marks::new(dataset, locale);
    let marks = figures
        .iter()
        .filter_map(|f| {
            let pairing = dataset.pairings.get(f.pairing()?)?;
            let (group, label) = (pairing_label(dataset, pairing, locale), m.indicator(f.indicator));
            Some(m.figure(f, &group, &label, &unit, factor, Place::Bar))
        })
        .collect();
    Some(bar_chart(
        Titles { id: "pairing-cadres".into(), title: tr(locale, "chart-cadres-title"), subtitle: tr(locale, "chart-cadres-subtitle"), unit },
        &m,
        marks,
        None,
        ("chart-col-pairing", "chart-col-item"),
    ))
}

/// Projects under pairings as their published breakdowns: by batch, and completed of the total.
pub fn projects(dataset: &Dataset, locale: Locale) -> Vec<Chart> {
    let is_projects = |f: &Figure| dataset.indicators.get(f.indicator).is_some_and(|i| i.id.starts_with("pairing_projects"));
    composition_charts(dataset, &dataset.observations, locale, is_projects, |m, _, part| m.indicator(part.indicator), "pairing-projects")
}

/// Cadres by post, and other published breakdowns of pairing counts besides projects.
pub fn cadre_posts(dataset: &Dataset, locale: Locale) -> Vec<Chart> {
    let is_cadres = |f: &Figure| dataset.indicators.get(f.indicator).is_some_and(|i| i.id.starts_with("pairing_cadres"));
    composition_charts(dataset, &dataset.observations, locale, is_cadres, |m, _, part| m.indicator(part.indicator), "pairing-cadre-posts")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::catalogue::tests::default_dataset;

    #[test]
    fn money_flows_one_band_per_amount_from_sender_to_receiver() {
        let d = default_dataset();
        let chart = flows(&d, Locale::ZhHans).expect("flows");
        assert_eq!(chart.marks.len(), 8);
        let Body::Flows { nodes } = &chart.body else { panic!("flows") };
        let senders: Vec<&str> = nodes.iter().filter(|n| n.column == 0).map(|n| n.name.as_str()).collect();
        assert!(senders.contains(&"北京市") && senders.contains(&"廊坊市"), "{senders:?}");
        let beijing = chart.marks.iter().find(|m| m.group == "北京帮扶地区 → 通辽市").expect("京蒙");
        // 10万元 of goods beside 1.97亿元: the chart counts in 万元 so the smallest is not 0.001.
        assert_eq!(chart.unit, "万元");
        assert_eq!(beijing.text, "19700");
        assert!(chart.summary.contains("最大一笔"), "{}", chart.summary);
    }

    #[test]
    fn projects_show_completion_of_the_published_total() {
        let d = default_dataset();
        let charts = projects(&d, Locale::En);
        let progress = charts.iter().find(|c| c.title.contains("progress")).expect("progress breakdown");
        let parts: Vec<&str> = progress.marks.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(parts, ["17", "23"]);
        let Body::Stacked { totals } = &progress.body else { panic!("stacked") };
        assert_eq!(totals[0].as_ref().map(|t| t.text.as_str()), Some("total 40"));
        let cadres = cadres(&d, Locale::ZhHans).expect("cadres");
        assert!(cadres.marks.iter().any(|m| m.text == "200余"), "互派干部200余名 keeps its 余");
    }
}
