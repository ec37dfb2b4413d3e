// Shared by the native and the in-browser benchmarks: the base fixture with a generated
// observations.csv of `rows` valid rows, as the texts `package::read` takes, and hand-built chart
// specs for the rendering benchmarks.

use std::collections::HashMap;

use gongkai::chart::spec::{Body, Chart, Cited, Mark, Panel, Place};
use gongkai::data::Qualifier;

const DESCRIPTOR: &str = include_str!("../../public/data/datapackage.json");
const BASE: [(&str, &str); 6] = [
    ("regions.csv", include_str!("../fixtures/base/regions.csv")),
    ("sources.csv", include_str!("../fixtures/base/sources.csv")),
    ("indicators.csv", include_str!("../fixtures/base/indicators.csv")),
    ("pairings.csv", include_str!("../fixtures/base/pairings.csv")),
    ("funds.csv", include_str!("../fixtures/base/funds.csv")),
    ("commitments.csv", include_str!("../fixtures/base/commitments.csv")),
];

/// The descriptor text and every CSV's bytes by path, with `rows` generated observations.
pub fn package(rows: usize) -> (&'static str, HashMap<String, Vec<u8>>) {
    let mut files: HashMap<String, Vec<u8>> = BASE.iter().map(|(k, v)| (k.to_string(), v.as_bytes().to_vec())).collect();
    let mut csv = String::with_capacity(rows * 140);
    csv.push_str("id,region,indicator,period,value,unit,qualifier,status,source,locator,as_written,part_of,breakdown,pairing,note_zh_hans,note_zh_hant,note_en\n");
    let regions = ["131000", "220503", "130723"];
    for i in 0..rows {
        let value = 100 + i % 9000;
        let (region, year, month) = (regions[i % 3], 2010 + i % 11, 1 + i % 12);
        csv.push_str(&format!(
            "g{i},{region},poor_persons,{year}-{month:02},{value},persons,exact,actual,s1,全区现有建档立卡农村贫困人口{value}人,{value}人,,,,,,\n"
        ));
    }
    files.insert("observations.csv".into(), csv.into_bytes());
    (DESCRIPTOR, files)
}

// Chart specs built by hand for the rendering benchmarks: a line chart of `points` points in one
// panel and a bar chart of `bars` bars in a few sections, with labels, qualifier marks and hollow
// (planned) figures like the portal's real charts. Nothing here reads the dataset.


/// The width the chart benchmarks draw at (the page's widest column).
pub const CHART_WIDTH: u32 = 960;

/// One mark with every text a real mark carries.
fn mark(group: &str, label: String, value: f64, qualifier: Qualifier, hollow: bool, unit: &str, place: Place) -> Mark {
    let number = format!("{value:.2}").trim_end_matches('0').trim_end_matches('.').to_owned();
    let text = match qualifier {
        Qualifier::MoreThan => format!("{number}余"),
        Qualifier::About => format!("≈{number}"),
        _ => number.clone(),
    };
    let status = if hollow { "计划" } else { "实际" }.to_owned();
    Mark {
        group: group.to_owned(),
        detail: format!("{label}：{text}{unit}，2018年，{status}，来源：某县人民政府工作报告"),
        label,
        value,
        number,
        unit: unit.to_owned(),
        text,
        qualifier,
        hollow,
        status,
        source: Some(Cited { id: "s1".into(), text: "某县人民政府工作报告（2019）".into() }),
        figure: None,
        place,
    }
}

/// The parts of a chart that do not depend on its body.
fn chart(id: &str, title: &str, unit: &str, marks: Vec<Mark>, body: Body) -> Chart {
    Chart {
        id: id.to_owned(),
        title: title.to_owned(),
        subtitle: "合成数据，仅用于性能测试".into(),
        unit: unit.to_owned(),
        summary: format!("{}个数据点的合成图表。", marks.len()),
        notes: vec!["“余”表示原文写作“多于”该数。".into(), "空心表示计划数。".into()],
        sources: vec![Cited { id: "s1".into(), text: "某县人民政府工作报告（2019）".into() }],
        group_heading: "分组".into(),
        label_heading: "项目".into(),
        marks,
        body,
    }
}

/// A one-panel line chart of `points` daily points from 2000 on, with a year label every year.
pub fn line_chart(points: usize) -> Chart {
    let unit = "人";
    let start = 2000.0;
    let marks = (0..points)
        .map(|i| {
            let t = i as f64;
            // A slow wave with a deterministic wobble, always positive.
            let value = (1000.0 + 400.0 * (t / 180.0).sin() + ((i * 7919) % 97) as f64).round();
            let x = start + t / 365.0;
            mark("贫困人口", format!("第{}天", i + 1), value, Qualifier::Exact, false, unit, Place::Point { panel: 0, x })
        })
        .collect();
    let last = start + points.saturating_sub(1) as f64 / 365.0;
    let x_labels = (2000..=last.ceil() as i32).map(|y| (f64::from(y), format!("{y}年"))).collect();
    let panels = vec![Panel { title: "建档立卡贫困人口".into(), unit: unit.into() }];
    chart("bench-line", "建档立卡贫困人口（合成）", unit, marks, Body::Lines { panels, x_labels })
}

/// A bar chart of `bars` bars in four sections; every seventh is planned (hollow), every fifth
/// carries the 余 mark.
pub fn bar_chart(bars: usize) -> Chart {
    let unit = "万元";
    let groups = ["中央财政资金", "省级财政资金", "市县财政资金", "社会帮扶资金"];
    let per_group = bars.div_ceil(groups.len()).max(1);
    let marks = (0..bars)
        .map(|i| {
            let value = 50.0 + ((i * 37) % 950) as f64 + 0.25 * (i % 4) as f64;
            let qualifier = if i % 5 == 0 { Qualifier::MoreThan } else { Qualifier::Exact };
            mark(groups[i / per_group], format!("项目{}", i + 1), value, qualifier, i % 7 == 0, unit, Place::Bar)
        })
        .collect();
    chart("bench-bars", "扶贫资金投入（合成）", unit, marks, Body::Bars { max: None })
}
