//! The choropleth as a pure spec: for one indicator at one level of division in one period, the
//! published figure of each division (joined by adcode through code changes), its class, a legend
//! with one unit, and the rows of the table that is its text alternative.
//!
//! Only actual figures are shaded (planned and target figures are never mixed with them), only
//! whole figures (not parts of a breakdown), and one figure per division: a second figure for
//! the same division is set aside and listed, never added.

use rustc_hash::FxHashMap;

use crate::chart::catalogue::unit_scale;
use crate::chart::spec::Cited;
use crate::data::period::Period;
use crate::data::{Dataset, Figure, Level, Status, Unit};
use crate::format;
use crate::i18n::{tr, tr_args, Locale};
use crate::labels;
use crate::params::Theme;

use super::bins::{class_of, edges, Binning, Ramp};
use super::join::Changes;

/// An indicator at one level of division, with the periods it has figures for.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub indicator: usize,
    pub level: Level,
    /// Periods, oldest first, with how many divisions have a figure in each.
    pub periods: Vec<(Period, usize)>,
}

/// What a choropleth shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Selection {
    pub indicator: usize,
    pub level: Level,
    pub period: Period,
}

impl Choice {
    /// The choice's latest period.
    pub fn latest(&self) -> Option<Selection> {
        self.periods.last().map(|(period, _)| Selection { indicator: self.indicator, level: self.level, period: *period })
    }

    /// The most divisions any one period has.
    pub fn reach(&self) -> usize {
        self.periods.iter().map(|(_, n)| *n).max().unwrap_or(0)
    }
}

/// Whether `f` can be shaded: an actual, whole figure.
fn shadeable(f: &Figure) -> bool {
    f.status == Status::Actual && f.part_of().is_none()
}

fn is_division(level: Level) -> bool {
    matches!(level, Level::Province | Level::Prefecture | Level::County)
}

/// Every indicator and level the dataset can shade, those reaching the most divisions first
/// (then in the indicators' order).
pub fn choices(dataset: &Dataset) -> Vec<Choice> {
    // For each indicator, level and period: the regions with a figure (one bit each) and how many.
    let mut found: FxHashMap<(usize, Level), Vec<(Period, Vec<u64>, usize)>> = FxHashMap::default();
    let words = dataset.regions.len().div_ceil(64);
    for f in dataset.observations.iter().filter(|f| shadeable(f)) {
        let Some(region) = dataset.regions.get(f.region) else { continue };
        if !is_division(region.level) {
            continue;
        }
        let periods = found.entry((f.indicator, region.level)).or_default();
        let at = match periods.iter().position(|(p, _, _)| *p == f.period) {
            Some(at) => at,
            None => {
                periods.push((f.period, vec![0; words], 0));
                periods.len() - 1
            }
        };
        let (_, regions, count) = &mut periods[at];
        let (word, bit) = (f.region / 64, 1u64 << (f.region % 64));
        if regions[word] & bit == 0 {
            regions[word] |= bit;
            *count += 1;
        }
    }
    let mut choices: Vec<Choice> = found
        .into_iter()
        .map(|((indicator, level), mut periods)| {
            periods.sort_by_key(|(p, _, _)| (p.end(), p.is_date()));
            Choice { indicator, level, periods: periods.into_iter().map(|(p, _, count)| (p, count)).collect() }
        })
        .collect();
    choices.sort_by(|a, b| b.reach().cmp(&a.reach()).then(a.indicator.cmp(&b.indicator)).then(a.level.cmp(&b.level)));
    choices
}

/// One class of the legend.
#[derive(Clone, Debug, PartialEq)]
pub struct Class {
    pub colour: &'static str,
    /// "1–2.5" in the legend's unit.
    pub label: String,
    /// How many divisions it holds.
    pub count: usize,
}

/// A shaded division.
#[derive(Clone, Debug, PartialEq)]
pub struct Shaded {
    /// Index of the figure in the observations.
    pub figure: usize,
    pub class: usize,
}

/// A row of the table: one division's figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The code the boundary files use (after code changes).
    pub code: String,
    pub region: String,
    pub value: String,
    /// The class label, for reading the table against the legend.
    pub class: String,
    pub source: Option<Cited>,
    /// The region's code in the data (for its page) and the figure's id (for its provenance).
    pub region_code: String,
    pub figure: String,
}

/// A figure left off the map, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetAside {
    /// The division already has a figure for this indicator and period (this one is listed only).
    Second,
}

/// Everything a choropleth draws and says.
#[derive(Clone, Debug, PartialEq)]
pub struct Choropleth {
    /// "脱贫人口（区县），2017年".
    pub title: String,
    /// The legend's one unit: 万人, 亿元, %.
    pub unit: String,
    pub classes: Vec<Class>,
    /// Shaded divisions by the code the boundary files use. Their texts (the figure as published,
    /// the table's rows) are written when asked for, not for every recolouring of a county map.
    pub shaded: FxHashMap<String, Shaded>,
    /// Whether a value carries a qualifier (余, 以上…): classes go by the printed number.
    pub qualified: bool,
    pub set_aside: Vec<(usize, SetAside)>,
    pub unit_kind: Unit,
}

impl Choropleth {
    /// The shade of the division with `code`: its class colour, or `None` for no data.
    pub fn colour(&self, code: &str) -> Option<&'static str> {
        self.shaded.get(code).and_then(|s| self.classes.get(s.class)).map(|c| c.colour)
    }

    /// The figure shaded for `code`, as published with unit and qualifier: 1000余万元.
    /// `dataset` is the one the choropleth was made from.
    pub fn text(&self, dataset: &Dataset, code: &str, locale: Locale) -> Option<String> {
        let f = dataset.observations.get(self.shaded.get(code)?.figure)?;
        Some(format::figure(f.value, self.unit_kind, f.qualifier, locale))
    }

    /// The source of the figure shaded for `code`.
    pub fn source(&self, dataset: &Dataset, code: &str, locale: Locale) -> Option<Cited> {
        let f = dataset.observations.get(self.shaded.get(code)?.figure)?;
        dataset.sources.get(f.source).map(|s| Cited::of(s, locale))
    }

    /// The rows of its table, by code: exactly the shaded figures.
    pub fn rows(&self, dataset: &Dataset, locale: Locale) -> Vec<Row> {
        let mut cited: FxHashMap<usize, Option<Cited>> = FxHashMap::default();
        let mut rows: Vec<Row> = self
            .shaded
            .iter()
            .filter_map(|(code, s)| {
                let f = dataset.observations.get(s.figure)?;
                let region = dataset.regions.get(f.region)?;
                let source = cited.entry(f.source).or_insert_with(|| dataset.sources.get(f.source).map(|s| Cited::of(s, locale))).clone();
                Some(Row {
                    code: code.clone(),
                    region: region.names.get(locale).to_owned(),
                    value: format::figure(f.value, self.unit_kind, f.qualifier, locale),
                    class: self.classes.get(s.class).map(|c| c.label.clone()).unwrap_or_default(),
                    source,
                    region_code: region.code.clone(),
                    figure: f.id.to_string(),
                })
            })
            .collect();
        rows.sort_by(|a, b| a.code.cmp(&b.code));
        rows
    }
}

/// The choropleth of `selection`, its classes chosen by `binning` (at most seven), coloured for `theme`.
pub fn choropleth(dataset: &Dataset, selection: &Selection, changes: &Changes, binning: &Binning, locale: Locale, theme: Theme) -> Choropleth {
    let mut picked: Vec<(usize, &Figure)> = Vec::new();
    let mut set_aside = Vec::new();
    // Regions already shaded (a county map picks thousands: a set, not a search of `picked`).
    let mut taken = vec![false; dataset.regions.len()];
    for (i, f) in dataset.observations.iter().enumerate() {
        let level = dataset.regions.get(f.region).map(|r| r.level);
        if f.indicator != selection.indicator || f.period != selection.period || level != Some(selection.level) || !shadeable(f) {
            continue;
        }
        match taken.get_mut(f.region) {
            Some(true) => set_aside.push((i, SetAside::Second)),
            Some(seen) => {
                *seen = true;
                picked.push((i, f));
            }
            None => {}
        }
    }
    let indicator = dataset.indicators.get(selection.indicator);
    let unit_kind = indicator.map_or(Unit::Count, |i| i.unit);
    let (factor, unit) = unit_scale(unit_kind, picked.iter().map(|(_, f)| *f), locale);
    let values: Vec<f64> = picked.iter().map(|(_, f)| f.value).collect();
    let binning = match binning {
        Binning::Quantile(k) => Binning::Quantile((*k).min(values.len()).clamp(1, 7)),
        Binning::EqualInterval(k) => Binning::EqualInterval((*k).clamp(1, 7)),
        Binning::Breaks(b) => Binning::Breaks(b.iter().copied().take(6).collect()),
    };
    let edges = edges(&values, &binning);
    let ramp = if unit_kind == Unit::Yuan { Ramp::Viridis } else { Ramp::Blues };
    let count = edges.len().saturating_sub(1);
    let colours = ramp.colours(count, theme);
    let show = |v: f64| format::number(v / factor, format::decimals_for(factor), locale);
    let mut classes: Vec<Class> = (0..count)
        .map(|c| {
            let (from, to) = (edges[c], edges[c + 1]);
            let label = if from == to { show(from) } else { tr_args(locale, "map-class-range", &[("from", show(from).into()), ("to", show(to).into())]) };
            Class { colour: colours[c], label, count: 0 }
        })
        .collect();
    let mut shaded = FxHashMap::default();
    for &(i, f) in &picked {
        let Some(region) = dataset.regions.get(f.region) else { continue };
        let Some(class) = class_of(Some(f.value), &edges) else { continue };
        if let Some(c) = classes.get_mut(class) {
            c.count += 1;
        }
        shaded.insert(changes.current(&region.code).to_owned(), Shaded { figure: i, class });
    }
    let name = indicator.map(|i| i.names.get(locale).to_owned()).unwrap_or_default();
    let title = tr_args(
        locale,
        "map-choropleth-title",
        &[("indicator", name.into()), ("level", tr(locale, &labels::term_id("level", selection.level)).into()), ("period", format::period(&selection.period, locale).into())],
    );
    let qualified = picked.iter().any(|(_, f)| f.qualifier != crate::data::Qualifier::Exact);
    Choropleth { title, unit, classes, shaded, qualified, set_aside, unit_kind }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::catalogue::tests::default_dataset;
    use crate::data::period::Date;
    use crate::data::{Qualifier, Region};

    fn indicator(d: &Dataset, id: &str) -> usize {
        d.indicators.iter().position(|i| i.id == id).expect(id)
    }

    #[test]
    fn the_default_data_offers_indicators_of_divisions_only() {
        let d = default_dataset();
        let all = choices(&d);
        assert!(!all.is_empty());
        for c in &all {
            assert!(is_division(c.level), "{c:?}");
            assert!(c.periods.windows(2).all(|w| w[0].0.end() <= w[1].0.end()), "oldest first: {c:?}");
        }
        // The macro-regions' figures (东部地区…) have no boundary: never a choice.
        let rural = indicator(&d, "rural_poor_population");
        assert!(all.iter().all(|c| c.indicator != rural));
        // 通辽's exits target is a target, not shaded.
        let exits = all.iter().find(|c| c.indicator == indicator(&d, "poverty_exits_persons") && c.level == Level::Prefecture);
        assert!(exits.is_none_or(|c| c.periods.iter().all(|(p, _)| p.end().year <= 2018)));
    }

    /// The default dataset with `n` more counties and a figure of `indicator` for each in 2015 (a year the default data has none of).
    fn with_counties(values: &[(&str, f64, Qualifier)]) -> (Dataset, Selection) {
        let mut d = default_dataset();
        let ind = indicator(&d, "poverty_exits_persons");
        let prefecture = d.regions.iter().position(|r| r.code == "130700").expect("张家口市");
        for (code, value, qualifier) in values {
            let region = d.regions.iter().position(|r| r.code == *code).unwrap_or_else(|| {
                d.regions.push(Region { code: (*code).into(), level: Level::County, parent: Some(prefecture), ..d.regions[prefecture].clone() });
                d.regions.len() - 1
            });
            let mut f = d.observations[0].clone();
            (f.region, f.indicator, f.value, f.qualifier, f.status) = (region, ind, *value, *qualifier, Status::Actual);
            f.set_part_of(None);
            f.period = Period::Date(Date { year: 2015, month: None, day: None });
            d.observations.push(f);
        }
        (d, Selection { indicator: ind, level: Level::County, period: Period::Date(Date { year: 2015, month: None, day: None }) })
    }

    #[test]
    fn divisions_are_classed_with_one_unit_and_exact_values() {
        let (d, selection) = with_counties(&[
            ("130722", 12_000.0, Qualifier::Exact),
            ("130723", 3_500.0, Qualifier::MoreThan),
            ("130724", 800.0, Qualifier::Exact),
            ("130725", 25_000.0, Qualifier::Exact),
        ]);
        let c = choropleth(&d, &selection, &Changes::default(), &Binning::Quantile(5), Locale::ZhHans, Theme::Light);
        assert_eq!(c.unit, "万人");
        // Quartiles of four values: the lowest edge repeats, so three classes.
        assert_eq!(c.classes.len(), 3, "{:?}", c.classes);
        assert_eq!(c.classes.iter().map(|k| k.count).sum::<usize>(), 4);
        assert_eq!(c.text(&d, "130723", Locale::ZhHans).as_deref(), Some("3500余人"));
        assert!(c.qualified);
        // The darkest class holds the largest value; no data is None, never a class colour.
        assert_eq!(c.colour("130725"), c.classes.last().map(|k| k.colour));
        assert_eq!(c.colour("130727"), None);
        assert_eq!(c.classes[0].label, "0.08–0.35");
        let rows = c.rows(&d, Locale::ZhHans);
        assert_eq!(rows.len(), 4, "a row per shaded division");
        assert!(rows.windows(2).all(|w| w[0].code < w[1].code), "by code");
        let row = rows.iter().find(|r| r.code == "130724").expect("a row");
        assert_eq!(c.source(&d, "130724", Locale::ZhHans), row.source);
        assert_eq!(row.value, "800人");
        assert_eq!(row.class, c.classes[0].label);
        assert!(row.source.is_some());
        assert!(c.title.contains("2015"), "{}", c.title);
    }

    #[test]
    fn a_second_figure_for_a_division_is_set_aside_and_old_codes_join_the_new_division() {
        let (mut d, selection) = with_counties(&[("130733", 100.0, Qualifier::Exact), ("130722", 50.0, Qualifier::Exact)]);
        let mut second = d.observations.last().expect("a figure").clone();
        second.value = 70.0;
        d.observations.push(second);
        let changes = Changes::parse("old,new\n130733,130709\n").expect("parses");
        let c = choropleth(&d, &selection, &changes, &Binning::EqualInterval(3), Locale::En, Theme::Light);
        assert!(c.shaded.contains_key("130709") && !c.shaded.contains_key("130733"));
        assert_eq!(c.text(&d, "130722", Locale::En).as_deref(), Some("50 persons"), "the first figure is drawn, never a sum");
        assert_eq!(c.set_aside, [(d.observations.len() - 1, SetAside::Second)]);
    }

    #[test]
    fn publisher_breaks_set_the_classes() {
        let (d, selection) = with_counties(&[("130722", 500.0, Qualifier::Exact), ("130723", 5_000.0, Qualifier::Exact), ("130724", 50_000.0, Qualifier::Exact)]);
        let c = choropleth(&d, &selection, &Changes::default(), &Binning::Breaks(vec![1_000.0, 10_000.0]), Locale::ZhHans, Theme::Light);
        assert_eq!(c.classes.len(), 3);
        assert!(c.classes.iter().all(|k| k.count == 1), "{:?}", c.classes);
        assert_eq!(c.classes[1].label, "0.1–1");
    }
}
