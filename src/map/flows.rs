//! The paired-assistance flow map as a pure spec: one curved arrow per pairing, from the assisting
//! region to the assisted one, its width proportional to money, cadres or projects.
//!
//! Published amounts are never added up: an arrow's width is the largest single figure published
//! for its pairing in the chosen measure (its stage or kind named in the label). Pairings that
//! cannot be drawn (inside one region, or from the whole country) are returned apart, so the
//! page can still list them.

use crate::data::{Dataset, Figure};
use crate::geo::Point;

/// What an arrow's width shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    Money,
    Cadres,
    Projects,
}

impl Measure {
    /// Whether `indicator` counts this measure (money is a fund, so every fund counts).
    fn counts(self, indicator: &str) -> bool {
        match self {
            Measure::Money => true,
            Measure::Cadres => indicator == "pairing_cadres_sent" || indicator == "pairing_cadres_exchanged",
            Measure::Projects => indicator == "pairing_projects",
        }
    }
}

/// One arrow, in the same units as the anchors it was built from (longitude/latitude or pixels).
#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    /// Index of the pairing.
    pub pairing: usize,
    pub from: Point,
    pub to: Point,
    /// The control point of the quadratic curve; arrows leaving one region bend apart.
    pub control: Point,
    /// The largest published figure of the measure for the pairing, if any.
    pub figure: Option<usize>,
    /// 0 to 1: the figure relative to the largest on the map (0 when there is none).
    pub weight: f64,
}

/// Why a pairing has no arrow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Undrawn {
    /// Both ends are the same place (e.g. a district's enterprises assisting its own villages).
    SamePlace,
    /// One end has no boundary to anchor on (e.g. central agencies, recorded under the country).
    NoAnchor,
}

/// The arrows of a flow map, and the pairings without one.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FlowMap {
    pub arrows: Vec<Arrow>,
    pub undrawn: Vec<(usize, Undrawn)>,
}

/// The place of region `index`: its own anchor, or that of the nearest division it lies in
/// (廊坊开发区 is drawn at 廊坊市). The country itself has no anchor.
fn place(dataset: &Dataset, index: usize, anchor: &impl Fn(&str) -> Option<Point>) -> Option<Point> {
    let mut at = Some(index);
    for _ in 0..=dataset.regions.len() {
        let region = dataset.regions.get(at?)?;
        region.parent?;
        if let Some(p) = anchor(&region.code) {
            return Some(p);
        }
        at = region.parent;
    }
    None
}

/// The largest figure of `measure` published for `pairing` (observations for counts, funds for money).
fn largest(dataset: &Dataset, pairing: usize, measure: Measure) -> Option<(usize, f64)> {
    let indicator = |f: &Figure| dataset.indicators.get(f.indicator).map_or("", |i| i.id.as_str());
    let figures: Box<dyn Iterator<Item = &Figure>> = match measure {
        Measure::Money => Box::new(dataset.funds.iter().map(|f| &f.figure)),
        _ => Box::new(dataset.observations.iter()),
    };
    figures
        .enumerate()
        .filter(|(_, f)| f.pairing() == Some(pairing) && f.part_of().is_none() && measure.counts(indicator(f)))
        .map(|(i, f)| (i, f.value))
        .max_by(|a, b| a.1.total_cmp(&b.1))
}

/// Arrows for every pairing of `dataset`, anchored by `anchor` (a region code's point).
pub fn flow_map(dataset: &Dataset, measure: Measure, anchor: impl Fn(&str) -> Option<Point>) -> FlowMap {
    let mut map = FlowMap::default();
    // Pairing, from, to, and its largest figure with the value.
    type Drawable = (usize, Point, Point, Option<(usize, f64)>);
    let mut drawn: Vec<Drawable> = Vec::new();
    for (i, pairing) in dataset.pairings.iter().enumerate() {
        let (from, to) = (place(dataset, pairing.from, &anchor), place(dataset, pairing.to, &anchor));
        match (from, to) {
            (Some(a), Some(b)) if a == b => map.undrawn.push((i, Undrawn::SamePlace)),
            (Some(a), Some(b)) => drawn.push((i, a, b, largest(dataset, i, measure))),
            _ => map.undrawn.push((i, Undrawn::NoAnchor)),
        }
    }
    let max = drawn.iter().filter_map(|d| d.3.map(|(_, v)| v)).fold(0.0, f64::max);
    for (n, &(i, from, to, figure)) in drawn.iter().enumerate() {
        // Arrows leaving one place bend by different amounts, alternately left and right.
        let rank = drawn[..n].iter().filter(|d| d.1 == from).count();
        let side = if rank % 2 == 0 { 1.0 } else { -1.0 };
        let bend = 0.18 * (1.0 + (rank / 2) as f64 * 0.6) * side;
        let (mx, my) = ((from.0 + to.0) / 2.0, (from.1 + to.1) / 2.0);
        let control = (mx - (to.1 - from.1) * bend, my + (to.0 - from.0) * bend);
        let weight = match figure {
            Some((_, v)) if max > 0.0 => v / max,
            _ => 0.0,
        };
        map.arrows.push(Arrow { pairing: i, from, to, control, figure: figure.map(|(f, _)| f), weight });
    }
    map
}

/// The key to arrow widths: the widest arrow's figure (weight 1), and a round amount below it
/// (a power of ten no more than two thirds of it), each with the weight it is drawn at. Empty when
/// no arrow has a figure.
pub fn width_key(dataset: &Dataset, map: &FlowMap, measure: Measure, locale: crate::i18n::Locale) -> Vec<(f64, String)> {
    let widest = map.arrows.iter().filter(|a| a.weight >= 1.0).find_map(|a| a.figure);
    let figure = widest.and_then(|i| match measure {
        Measure::Money => dataset.funds.get(i).map(|f| &f.figure),
        _ => dataset.observations.get(i),
    });
    let Some(f) = figure.filter(|f| f.value > 0.0) else { return Vec::new() };
    let unit = dataset.indicators.get(f.indicator).map_or(crate::data::Unit::Count, |i| i.unit);
    let show = |v: f64| crate::format::figure(v, unit, crate::data::Qualifier::Exact, locale);
    let mut key = vec![(1.0, crate::format::figure(f.value, unit, f.qualifier, locale))];
    let round = 10f64.powf((f.value * 2.0 / 3.0).log10().floor());
    if round >= 1.0 && round < f.value {
        key.push((round / f.value, show(round)));
    }
    key
}

/// What the page says about one pairing, arrow or not, in the reader's language.
#[derive(Clone, Debug, PartialEq)]
pub struct FlowRow {
    /// "北京帮扶地区 → 通辽市".
    pub pairing: String,
    /// The figure the arrow's width shows, with unit and qualifier, or empty.
    pub figure: String,
    /// What that figure counts, e.g. 东西部扶贫协作资金（已到位）.
    pub what: String,
    pub source: Option<crate::chart::spec::Cited>,
    /// The id of that figure, for its provenance.
    pub figure_id: Option<String>,
}

/// A row for pairing `pairing` with its figure `figure` (an index into funds for money, into
/// observations otherwise).
pub fn row(dataset: &Dataset, pairing: usize, figure: Option<usize>, measure: Measure, locale: crate::i18n::Locale) -> Option<FlowRow> {
    use crate::{format, labels};
    let p = dataset.pairings.get(pairing)?;
    let label = crate::chart::catalogue::pairing::pairing_label(dataset, p, locale);
    let (figure, what) = match (measure, figure) {
        (Measure::Money, Some(i)) => {
            let fund = dataset.funds.get(i)?;
            let name = dataset.indicators.get(fund.figure.indicator).map(|x| x.names.get(locale).to_owned()).unwrap_or_default();
            let stage = labels::term("stage", fund.stage, locale);
            let what = crate::i18n::tr_args(locale, "figure-with-detail", &[("name", name.into()), ("detail", stage.into())]);
            (Some(&fund.figure), what)
        }
        (_, Some(i)) => {
            let f = dataset.observations.get(i)?;
            (Some(f), dataset.indicators.get(f.indicator).map(|x| x.names.get(locale).to_owned()).unwrap_or_default())
        }
        (_, None) => (None, String::new()),
    };
    let source = dataset.sources.get(figure.map_or(p.source, |f| f.source)).map(|s| crate::chart::spec::Cited::of(s, locale));
    let text = figure
        .and_then(|f| dataset.indicators.get(f.indicator).map(|i| format::figure(f.value, i.unit, f.qualifier, locale)))
        .unwrap_or_default();
    Some(FlowRow { pairing: label, figure: text, what, source, figure_id: figure.map(|f| f.id.to_string()) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::catalogue::tests::default_dataset;

    /// A made-up anchor for every code with six digits: its digits as a position.
    fn anchor(code: &str) -> Option<Point> {
        let digits: String = code.chars().take(6).collect();
        (code.len() == 6).then(|| digits.parse::<f64>().ok()).flatten().map(|n| (n / 10_000.0, n % 10_000.0 / 100.0))
    }

    #[test]
    fn the_width_key_names_the_widest_figure_and_a_round_amount_below_it() {
        let d = default_dataset();
        let map = flow_map(&d, Measure::Money, anchor);
        let key = width_key(&d, &map, Measure::Money, crate::i18n::Locale::ZhHans);
        // The widest money arrow is 京蒙's 19721万元 of project funds; 1亿元 is drawn at its share.
        assert_eq!(key.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>(), ["1.9721亿元", "1亿元"]);
        assert!((key[1].0 - 1.0e8 / 1.9721e8).abs() < 1e-9);
        // Projects: only one arrow has a figure (40), so the key is 40 and 10.
        let map = flow_map(&d, Measure::Projects, anchor);
        let key = width_key(&d, &map, Measure::Projects, crate::i18n::Locale::ZhHans);
        assert_eq!(key.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>(), ["40个", "10个"]);
        assert!((key[1].0 - 0.25).abs() < 1e-9);
    }

    #[test]
    fn every_pairing_between_two_places_gets_an_arrow_and_the_rest_are_listed() {
        let d = default_dataset();
        let map = flow_map(&d, Measure::Money, anchor);
        assert_eq!(map.arrows.len() + map.undrawn.len(), d.pairings.len());
        let id = |i: usize| d.pairings[i].id.as_str();
        let arrows: Vec<&str> = map.arrows.iter().map(|a| id(a.pairing)).collect();
        for expected in ["s000-p01", "s002-p01", "s003-p01", "s003-p02", "s003-p03", "s003-p04", "s003-p05", "s003-p06"] {
            assert!(arrows.contains(&expected), "{expected} has an arrow: {arrows:?}");
        }
        let undrawn: Vec<(&str, Undrawn)> = map.undrawn.iter().map(|(i, why)| (id(*i), *why)).collect();
        assert!(undrawn.contains(&("s001-p01", Undrawn::SamePlace)));
        assert!(undrawn.contains(&("s002-p02", Undrawn::NoAnchor)), "central agencies are recorded under the country");
        // 廊坊开发区 has no boundary of its own and is drawn from 廊坊市.
        let zone = map.arrows.iter().find(|a| id(a.pairing) == "s003-p01").expect("廊坊开发区 → 康保县");
        assert_eq!(zone.from, anchor("131000").expect("廊坊市"));
    }

    #[test]
    fn widths_follow_the_largest_single_figure_never_a_sum() {
        let d = default_dataset();
        let map = flow_map(&d, Measure::Money, anchor);
        let by_id = |id: &str| map.arrows.iter().find(|a| d.pairings[a.pairing].id == id).expect(id);
        // 北京 → 通辽: 19721万 is the largest of its two amounts, and the largest on the map.
        assert_eq!(by_id("s002-p01").weight, 1.0);
        // 廊坊开发区 → 康保县: 9178万 of 12.2万, 9178万 and 12.6万, not their sum.
        assert!((by_id("s003-p01").weight - 91_780_000.0 / 197_210_000.0).abs() < 1e-12);
        assert_eq!(by_id("s003-p02").weight, 0.0, "三河 → 阳原 has no published amount");
        let projects = flow_map(&d, Measure::Projects, anchor);
        let with_projects: Vec<&str> = projects.arrows.iter().filter(|a| a.weight > 0.0).map(|a| d.pairings[a.pairing].id.as_str()).collect();
        assert_eq!(with_projects, ["s002-p01"], "40 京蒙 projects");
    }

    #[test]
    fn rows_name_the_pairing_and_the_figure_that_sets_the_width() {
        let d = default_dataset();
        let map = flow_map(&d, Measure::Money, anchor);
        let beijing = map.arrows.iter().find(|a| d.pairings[a.pairing].id == "s002-p01").expect("京蒙");
        let row = row(&d, beijing.pairing, beijing.figure, Measure::Money, crate::i18n::Locale::ZhHans).expect("row");
        assert_eq!(row.pairing, "北京帮扶地区 → 通辽市");
        assert_eq!(row.figure, "1.9721亿元");
        assert_eq!(row.what, "东西部扶贫协作项目资金（已到位）");
        assert_eq!(row.source.map(|s| s.id).as_deref(), Some("s002-tongliao-2018"));
        let none = map.arrows.iter().find(|a| d.pairings[a.pairing].id == "s003-p02").expect("三河 → 阳原");
        let row = super::row(&d, none.pairing, none.figure, Measure::Money, crate::i18n::Locale::ZhHans).expect("row");
        assert_eq!((row.figure.as_str(), row.source.map(|s| s.id)), ("", Some("s003-langfang-2017".to_owned())));
    }

    #[test]
    fn arrows_leaving_one_place_bend_to_opposite_sides() {
        let d = default_dataset();
        let map = flow_map(&d, Measure::Cadres, anchor);
        let langfang = anchor("131000").expect("廊坊市");
        // 廊坊开发区 → 康保县 and 廊坊市 → 张家口市 both leave from 廊坊市's anchor.
        let leaving: Vec<&Arrow> = map.arrows.iter().filter(|a| a.from == langfang).collect();
        assert_eq!(leaving.len(), 2);
        let side = |a: &Arrow| {
            let (dx, dy) = (a.to.0 - a.from.0, a.to.1 - a.from.1);
            (dx * (a.control.1 - a.from.1) - dy * (a.control.0 - a.from.0)).signum()
        };
        assert_eq!(side(leaving[0]), -side(leaving[1]));
    }
}
