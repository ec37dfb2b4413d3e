//! Chart specifications: everything a chart shows, already localized and scaled, with no
//! drawing code. The rendered SVG and the accessible table are both made from a spec.

use crate::data::{Dataset, Fund, Qualifier};
use crate::derive::Composition;
use crate::labels;
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

/// A breakdown of money by funding source (e.g. project funds: from higher levels, from the
/// district) as a bar chart in one unit, with the total as published in the subtitle.
pub fn composition_chart(dataset: &Dataset, composition: &Composition<'_, Fund>, locale: Locale) -> Option<BarChart> {
    let total = &composition.total.figure;
    let indicator = dataset.indicators.get(total.indicator)?;
    let region = dataset.regions.get(total.region)?.names.get(locale);
    let max = composition.parts.iter().map(|p| p.figure.value).fold(0.0, f64::max);
    let scale = Scale::for_max(max, locale);
    let unit = scale.yuan_unit(locale);
    let total_text = format::yuan(total.value, total.qualifier, Scale::for_max(total.value, locale), locale);
    let period = format::period(&total.period, locale);

    let bars: Vec<Bar> = composition
        .parts
        .iter()
        .map(|part| {
            let label = labels::funding_source(part.funding_source, locale);
            let value = part.figure.value / scale.factor();
            Bar { label, value, value_text: format::number(value, 2, locale), qualifier: part.figure.qualifier }
        })
        .collect();

    let parts_text = composition
        .parts
        .iter()
        .zip(&bars)
        .map(|(part, bar)| {
            let amount = format::yuan(part.figure.value, part.figure.qualifier, scale, locale);
            tr_args(locale, "chart-summary-part", &[("label", bar.label.as_str().into()), ("value", amount.into())])
        })
        .collect::<Vec<_>>()
        .join(&tr(locale, "list-joiner"));

    let mut sources: Vec<usize> = composition.parts.iter().map(|p| p.figure.source).collect();
    sources.insert(0, total.source);
    sources.dedup();
    let source = sources
        .iter()
        .filter_map(|&i| dataset.sources.get(i))
        .map(|s| labels::citation(s, locale))
        .collect::<Vec<_>>()
        .join(&tr(locale, "list-joiner"));

    let names = indicator.names.get(locale);
    Some(BarChart {
        title: tr_args(locale, "chart-funding-title", &[("region", region.into()), ("indicator", names.into())]),
        subtitle: tr_args(locale, "chart-funding-subtitle", &[("total", total_text.clone().into()), ("period", period.clone().into())]),
        unit,
        source: tr_args(locale, "chart-source", &[("source", source.into())]),
        summary: tr_args(
            locale,
            "chart-funding-summary",
            &[
                ("region", region.into()),
                ("indicator", names.into()),
                ("period", period.into()),
                ("total", total_text.into()),
                ("parts", parts_text.into()),
            ],
        ),
        bars,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::package;
    use crate::derive::first_funding_composition;

    fn default_dataset() -> Dataset {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/datapackage.json");
        let loaded = package::load_path(&path).expect("the default package parses");
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        loaded.dataset
    }

    #[test]
    fn seed_funding_composition_reads_as_published() {
        let dataset = default_dataset();
        let composition = first_funding_composition(&dataset).expect("seed 001 has a composition");
        let zh = composition_chart(&dataset, &composition, Locale::ZhHans).expect("yuan chart");
        assert_eq!(zh.title, "二道江区扶贫项目投资：按资金来源");
        assert_eq!(zh.unit, "万元");
        assert_eq!(zh.subtitle, "截至2018年4月28日合计1000余万元，其中：");
        let bars: Vec<(&str, &str)> = zh.bars.iter().map(|b| (b.label.as_str(), b.value_text.as_str())).collect();
        assert_eq!(bars, [("上级资金", "600"), ("县级资金", "490")]);
        assert_eq!(zh.summary, "二道江区扶贫项目投资（截至2018年4月28日）合计1000余万元。其中上级资金600万元，县级资金490万元。");
        assert_eq!(zh.source, "来源：二道江区扎实深入开展脱贫攻坚工作（通化新闻网，2018年4月28日）");

        let en = composition_chart(&dataset, &composition, Locale::En).expect("yuan chart");
        assert_eq!(en.unit, "million yuan");
        assert_eq!(en.source, "Source: 二道江区扎实深入开展脱贫攻坚工作 (通化新闻网, 28 April 2018)");
        assert_eq!(en.bars[1].value_text, "4.9");
        assert_eq!(
            en.summary,
            "Investment in poverty alleviation projects in Erdaojiang District (up to 28 April 2018): more than 10 million yuan in total. Of this, 6 million yuan from higher levels of government, 4.9 million yuan from the county-level government."
        );

        let hant = composition_chart(&dataset, &composition, Locale::ZhHant).expect("yuan chart");
        assert_eq!(hant.subtitle, "截至2018年4月28日合計1000餘萬元，其中：");
    }
}
