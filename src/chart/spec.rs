//! Chart specifications: everything a chart shows, already localized and scaled, with no drawing
//! code. The SVG ([`super::render`]), the focusable marks over it and the data table are all made
//! from one [`Chart`], so they always show the same numbers.

use crate::data::{Dataset, Figure, Qualifier, Status};
use crate::format;
use crate::i18n::{tr, tr_args, Locale};
use crate::labels;

/// A source cited by a chart: its id (for the link to its entry on the Sources page) and citation.
#[derive(Clone, Debug, PartialEq)]
pub struct Cited {
    pub id: String,
    pub text: String,
}

impl Cited {
    /// The citation of `source` in the reader's language.
    pub fn of(source: &crate::data::Source, locale: Locale) -> Cited {
        Cited { id: source.id.clone(), text: labels::citation(source, locale) }
    }
}

/// Where a mark sits; which variant a chart uses depends on its [`Body`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Place {
    /// A bar, or a segment of a stacked bar; bars sharing a `group` form one section or stack.
    Bar,
    /// A point of panel `panel` at position `x` (e.g. a year) on the shared horizontal axis.
    Point { panel: usize, x: f64 },
    /// A band from node `from` to node `to` of a flow diagram.
    Link { from: usize, to: usize },
    /// A task due in month `month` (counted as year × 12 + month − 1).
    Due { month: i32 },
}

/// One drawn mark and the published figure behind it.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// The section, stack, panel or region the mark belongs to (the table's first column).
    pub group: String,
    /// What the mark is (the table's second column), e.g. 上级资金, 2018.
    pub label: String,
    /// The value in the chart's unit (base value ÷ scale factor).
    pub value: f64,
    /// The number as the table prints it, in the chart's unit.
    pub number: String,
    /// The unit of `number`, e.g. 万元.
    pub unit: String,
    /// The value as printed on the chart, with its qualifier mark: 1000余, ≥95, 10+.
    pub text: String,
    pub qualifier: Qualifier,
    /// Planned and target figures are drawn hollow and never stacked with actual ones.
    pub hollow: bool,
    /// The reader's word for the status, e.g. 实际, 计划.
    pub status: String,
    /// One line read out on focus and shown on hover: label, exact value with unit and qualifier,
    /// period, status and source.
    pub detail: String,
    /// The source this figure comes from.
    pub source: Option<Cited>,
    /// The id of the published figure, for its provenance (none for a plan's task).
    pub figure: Option<String>,
    pub place: Place,
}

/// A series' panel in a line chart; panels share the horizontal axis and are stacked vertically.
#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    pub title: String,
    pub unit: String,
}

/// A node of a flow diagram (a region sending or receiving assistance).
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub name: String,
    /// 0 for senders (left column), 1 for receivers (right column).
    pub column: u8,
}

/// How the marks are laid out.
#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    /// Horizontal bars on one scale, in sections by `group`; never summed. `max` fixes the end of
    /// the scale (100 for shares, or a value shared by small multiples).
    Bars { max: Option<f64> },
    /// One horizontal stacked bar per `group`; each may show its published total as a marker.
    Stacked { totals: Vec<Option<Total>> },
    /// Line panels over a shared horizontal axis, one per series.
    Lines { panels: Vec<Panel>, x_labels: Vec<(f64, String)> },
    /// Bands from senders to receivers, width proportional to value.
    Flows { nodes: Vec<Node> },
    /// Tasks placed in the month they are due, in rows by `group`.
    Timeline { months: (i32, i32), month_labels: Vec<(i32, String)> },
}

impl Body {
    /// A short name of the layout, e.g. for styling and tests: bars, stacked, lines, flows, timeline.
    pub fn kind(&self) -> &'static str {
        match self {
            Body::Bars { .. } => "bars",
            Body::Stacked { .. } => "stacked",
            Body::Lines { .. } => "lines",
            Body::Flows { .. } => "flows",
            Body::Timeline { .. } => "timeline",
        }
    }
}

/// A published total drawn as a marker beside its stacked parts (the parts are not summed).
#[derive(Clone, Debug, PartialEq)]
pub struct Total {
    pub value: f64,
    pub text: String,
}

/// Everything one chart shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// A stable slug, unique on its page, used for element ids.
    pub id: String,
    pub title: String,
    pub subtitle: String,
    /// The one unit of the chart (for line panels, each panel names its own).
    pub unit: String,
    /// A one-to-two-sentence description of what the chart shows.
    pub summary: String,
    /// Keys to the marks: what 余 or a hollow bar means, shown when the chart uses them.
    pub notes: Vec<String>,
    pub sources: Vec<Cited>,
    /// The headings of the table's first two columns.
    pub group_heading: String,
    pub label_heading: String,
    pub marks: Vec<Mark>,
    pub body: Body,
}

impl Chart {
    /// The groups in order of first appearance.
    pub fn groups(&self) -> Vec<&str> {
        let mut groups: Vec<&str> = Vec::new();
        for mark in &self.marks {
            if !groups.contains(&mark.group.as_str()) {
                groups.push(&mark.group);
            }
        }
        groups
    }
}

/// Builds marks and the parts every chart shares from figures of one dataset in one language.
pub struct Marks<'a> {
    pub dataset: &'a Dataset,
    pub locale: Locale,
    sources: Vec<usize>,
    qualifiers: Vec<Qualifier>,
    hollow: bool,
}

impl<'a> Marks<'a> {
    pub fn new(dataset: &'a Dataset, locale: Locale) -> Self {
        Marks { dataset, locale, sources: Vec::new(), qualifiers: Vec::new(), hollow: false }
    }

    /// A region's name in the reader's language.
    pub fn region(&self, index: usize) -> String {
        self.dataset.regions.get(index).map(|r| r.names.get(self.locale).to_owned()).unwrap_or_default()
    }

    /// An indicator's name in the reader's language.
    pub fn indicator(&self, index: usize) -> String {
        self.dataset.indicators.get(index).map(|i| i.names.get(self.locale).to_owned()).unwrap_or_default()
    }

    /// The mark for `figure`, shown in `unit` (already scaled by `factor`), labelled `label` in `group`.
    pub fn figure(&mut self, figure: &Figure, group: &str, label: &str, unit: &str, factor: f64, place: Place) -> Mark {
        let locale = self.locale;
        let value = figure.value / factor;
        let number = format::number(value, format::decimals_for(factor), locale);
        let text = on_chart(&number, figure.qualifier, locale);
        let hollow = figure.status != Status::Actual;
        let status = labels::term("status", figure.status, locale);
        let exact = format::qualified(&number, unit, figure.qualifier, locale);
        let source = self.dataset.sources.get(figure.source).map(|s| Cited::of(s, locale));
        let detail = tr_args(
            locale,
            "mark-detail",
            &[
                ("label", label.into()),
                ("value", exact.into()),
                ("period", format::period(&figure.period, locale).into()),
                ("status", status.clone().into()),
                ("source", source.as_ref().map(|s| s.text.clone()).unwrap_or_default().into()),
            ],
        );
        if !self.sources.contains(&figure.source) {
            self.sources.push(figure.source);
        }
        if figure.qualifier != Qualifier::Exact && !self.qualifiers.contains(&figure.qualifier) {
            self.qualifiers.push(figure.qualifier);
        }
        self.hollow |= hollow;
        Mark {
            group: group.to_owned(),
            label: label.to_owned(),
            value,
            number,
            unit: unit.to_owned(),
            text,
            qualifier: figure.qualifier,
            hollow,
            status,
            detail,
            source,
            figure: Some(figure.id.to_string()),
            place,
        }
    }

    /// Records that a chart cites `source` even if no mark comes from it (e.g. a published total).
    pub fn cite(&mut self, source: usize) {
        if !self.sources.contains(&source) {
            self.sources.push(source);
        }
    }

    /// The sources cited so far, in order of first use.
    pub fn sources(&self) -> Vec<Cited> {
        self.sources
            .iter()
            .filter_map(|&i| self.dataset.sources.get(i))
            .map(|s| Cited::of(s, self.locale))
            .collect()
    }

    /// The keys to qualifier marks and hollow bars that the marks so far use.
    pub fn notes(&self) -> Vec<String> {
        let mut notes: Vec<String> =
            self.qualifiers.iter().map(|&q| tr(self.locale, &labels::term_id("chart-key", q))).collect();
        if self.hollow {
            notes.push(tr(self.locale, "chart-key-hollow"));
        }
        notes
    }
}

/// A number as printed on a chart, with the compact mark of its qualifier: 1000余, ≥95, 10+, ≈600.
pub fn on_chart(number: &str, qualifier: Qualifier, locale: Locale) -> String {
    tr_args(locale, &labels::term_id("mark", qualifier), &[("number", number.into())])
}

/// A name as it reads inside an English sentence: "Rural poor population" → "rural poor
/// population" (names starting with an acronym such as "NBS" keep their capitals).
pub fn in_sentence(name: &str, locale: Locale) -> String {
    let mut chars = name.chars();
    match (locale, chars.next(), chars.next()) {
        (Locale::En, Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(name.chars().skip(1)).collect()
        }
        _ => name.to_owned(),
    }
}

/// The change from `from` to `to` in percent, rounded to a whole number, with a sign: −94%, +12%.
pub fn change_percent(from: f64, to: f64, locale: Locale) -> Option<String> {
    if !(from.is_finite() && to.is_finite()) || from == 0.0 {
        return None;
    }
    let change = (to - from) / from.abs() * 100.0;
    let rounded = change.round();
    let sign = if rounded > 0.0 { "+" } else { "" };
    Some(format!("{sign}{}%", format::number(rounded, 0, locale)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_signed_whole_percentages() {
        assert_eq!(change_percent(98.99, 5.51, Locale::En).as_deref(), Some("−94%"));
        assert_eq!(change_percent(100.0, 112.4, Locale::ZhHans).as_deref(), Some("+12%"));
        assert_eq!(change_percent(100.0, 100.2, Locale::ZhHans).as_deref(), Some("0%"));
        assert_eq!(change_percent(0.0, 5.0, Locale::En), None);
    }

    #[test]
    fn qualifier_marks_follow_each_language() {
        assert_eq!(on_chart("1000", Qualifier::MoreThan, Locale::ZhHans), "1000余");
        assert_eq!(on_chart("1000", Qualifier::MoreThan, Locale::ZhHant), "1000餘");
        assert_eq!(on_chart("10", Qualifier::MoreThan, Locale::En), "10+");
        assert_eq!(on_chart("95", Qualifier::AtLeast, Locale::ZhHans), "95以上");
        assert_eq!(on_chart("95", Qualifier::AtLeast, Locale::En), "≥95");
        assert_eq!(on_chart("600", Qualifier::Exact, Locale::En), "600");
    }
}
