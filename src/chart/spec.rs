//! Chart specifications: everything a chart shows, already localized and scaled, with no
//! drawing code. The rendered SVG and the accessible table are both made from a spec.

use crate::data::{Dataset, Qualifier};
use crate::derive::Composition;
use crate::format::{self, Scale};
use crate::i18n::{tr, tr_args, Locale};

/// One labelled bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    /// The value in the chart's unit (base value ÷ scale factor).
    pub value: f64,
    /// The value as printed on the bar and in the table, without the unit.
    pub value_text: String,
    pub qualifier: Qualifier,
}

/// A horizontal bar chart of labelled amounts in one unit.
#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    pub title: String,
    pub subtitle: String,
    /// The one unit of every bar, e.g. 万元.
    pub unit: String,
    /// The source line, e.g. "来源：二道江区扎实深入开展脱贫攻坚工作（…，2018-04-28）".
    pub source: String,
    /// A one-to-two-sentence description of what the chart shows, for screen readers.
    pub summary: String,
    pub bars: Vec<Bar>,
}

/// The composition of a total (e.g. project funds by funding source) as a bar chart.
/// Only money compositions are charted; other units return `None`.
pub fn composition_chart(dataset: &Dataset, composition: &Composition<'_>, locale: Locale) -> Option<BarChart> {
    let total = composition.total;
    let indicator = dataset.indicator(&total.indicator)?;
    if indicator.unit != crate::data::Unit::Yuan {
        return None;
    }
    let region = dataset.region(&total.region).map_or(total.region.as_str(), |r| r.names.get(locale));
    let max = composition.parts.iter().map(|p| p.value).fold(0.0, f64::max);
    let scale = Scale::for_max(max, locale);
    let unit = scale.yuan_unit(locale);
    let total_text = format::yuan(total.value, total.qualifier, Scale::for_max(total.value, locale), locale);

    let bars: Vec<Bar> = composition
        .parts
        .iter()
        .map(|part| {
            let label = dataset.indicator(&part.indicator).map_or(part.indicator.clone(), |i| i.names.get(locale).to_owned());
            let value = part.value / scale.factor();
            Bar { label, value, value_text: format::number(value, 2, locale), qualifier: part.qualifier }
        })
        .collect();

    let parts_text = composition
        .parts
        .iter()
        .zip(&bars)
        .map(|(part, bar)| {
            let amount = format::yuan(part.value, part.qualifier, scale, locale);
            tr_args(locale, "chart-summary-part", &[("label", bar.label.as_str().into()), ("value", amount.into())])
        })
        .collect::<Vec<_>>()
        .join(&tr(locale, "list-joiner"));

    let mut sources: Vec<&str> = composition.parts.iter().map(|p| p.source.as_str()).collect();
    sources.insert(0, &total.source);
    sources.dedup();
    let source = sources
        .iter()
        .map(|id| {
            dataset.source(id).map_or((*id).to_owned(), |s| {
                let args = [("title", s.title.as_str().into()), ("publisher", s.publisher.as_str().into()), ("date", s.date.as_str().into())];
                tr_args(locale, "source-citation", &args)
            })
        })
        .collect::<Vec<_>>()
        .join(&tr(locale, "list-joiner"));

    Some(BarChart {
        title: tr_args(locale, "chart-funding-title", &[("region", region.into())]),
        subtitle: tr_args(locale, "chart-funding-subtitle", &[("total", total_text.clone().into())]),
        unit,
        source: tr_args(locale, "chart-source", &[("source", source.into())]),
        summary: tr_args(
            locale,
            "chart-funding-summary",
            &[("region", region.into()), ("total", total_text.into()), ("parts", parts_text.into())],
        ),
        bars,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::package;
    use crate::derive::first_composition;

    fn default_dataset() -> Dataset {
        let text = include_str!("../../public/data/datapackage.json");
        let loaded = package::load("datapackage.json", text).expect("the default package parses");
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        loaded.dataset
    }

    #[test]
    fn seed_funding_composition_reads_as_published() {
        let dataset = default_dataset();
        let composition = first_composition(&dataset).expect("seed 001 has a composition");
        let zh = composition_chart(&dataset, &composition, Locale::ZhHans).expect("yuan chart");
        assert_eq!(zh.title, "二道江区项目资金来源");
        assert_eq!(zh.unit, "万元");
        assert_eq!(zh.subtitle, "累计投资项目资金1000余万元，其中：");
        let bars: Vec<(&str, &str)> = zh.bars.iter().map(|b| (b.label.as_str(), b.value_text.as_str())).collect();
        assert_eq!(bars, [("争取上级资金", "600"), ("区政府筹集", "490")]);
        assert_eq!(zh.summary, "二道江区累计投资项目资金1000余万元。其中争取上级资金600万元，区政府筹集490万元。");
        assert_eq!(zh.source, "来源：二道江区扎实深入开展脱贫攻坚工作（通化新闻网（通化 栏目），2018-04-28）");

        let en = composition_chart(&dataset, &composition, Locale::En).expect("yuan chart");
        assert_eq!(en.unit, "million yuan");
        assert_eq!(en.source, "Source: 二道江区扎实深入开展脱贫攻坚工作 (通化新闻网（通化 栏目）, 2018-04-28)");
        assert_eq!(en.bars[1].value_text, "4.9");
        assert_eq!(
            en.summary,
            "Erdaojiang District invested more than 10 million yuan in projects in total. Of this, 6 million yuan obtained from higher levels of government, 4.9 million yuan raised by the district government."
        );

        let hant = composition_chart(&dataset, &composition, Locale::ZhHant).expect("yuan chart");
        assert_eq!(hant.subtitle, "累計投資項目資金1000餘萬元，其中：");
    }
}
