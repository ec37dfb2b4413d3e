//! The data layer's one error type. Every problem names the file, the place in it (row and
//! column, counted as in a spreadsheet: the header is row 1), the value, and the reason, in the
//! words of the locale files. The checker and the portal print exactly the same messages.

use std::fmt;

use super::period::PeriodError;
use crate::i18n::{tr, tr_args, Arg, Locale};

/// Where in a file a problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// The file as a whole (it is missing or cannot be read).
    File,
    /// A position in a JSON or CSV text that could not be parsed.
    Line { line: u64, column: u64 },
    /// A row as a whole.
    Row(u64),
    /// One cell: the row and the column's name.
    Cell { row: u64, column: String },
    /// A place in `datapackage.json`, e.g. `resources[2].schema`.
    Path(String),
}

/// What kind of thing a reference points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefKind {
    Region,
    Indicator,
    Source,
    Pairing,
    Observation,
    Fund,
}

/// Why a piece of data was rejected.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// The JSON could not be parsed (the detail is serde's, in English).
    Json(String),
    /// The file could not be fetched or read.
    Unavailable(String),
    /// The file is larger than the portal reads (`decode::MAX_BYTES`): its size in bytes, when
    /// known (a download stopped at the limit does not know it).
    TooLarge { bytes: Option<u64> },
    /// UTF-16 text (it starts with that byte-order mark), not UTF-8.
    Utf16,
    /// Bytes that are not UTF-8 (the value shows them in hex), e.g. a file saved as GBK.
    NotUtf8,
    /// Not text: what it seems to be (`zip`, `xls`, `pdf`, `gzip`, `png`, or `nul` for a NUL byte).
    NotText(&'static str),
    /// The file holds nothing, not even a header.
    Empty,
    /// The descriptor is JSON, but not an object.
    NotAnObject,
    /// A row with another number of cells than the header.
    CellCount { header: u64, found: u64 },
    MissingResource(&'static str),
    MissingPath,
    MissingSchemaField(&'static str),
    /// The header names another column than the schema at this position.
    HeaderMismatch { expected: String },
    Required,
    NotANumber,
    NotOneOf(&'static [&'static str]),
    BadId,
    BadRegionCode,
    CodeLevelMismatch(&'static str),
    OutsideParent(String),
    BadPeriod(PeriodError),
    NotAMonth,
    StockNeedsDate(String),
    Duplicate { first_row: u64 },
    UnknownRef(RefKind),
    Negative,
    UnitMismatch { expected: &'static str },
    FundNotYuan(&'static str),
    PartOfItself,
    BreakdownWithoutTotal,
    PartUnitMismatch { total_row: u64, unit: &'static str, total_unit: &'static str },
    PartStatusMismatch { total_row: u64, status: &'static str, total_status: &'static str },
    PartsDoNotAddUp { breakdown: String, rows: String, sum: String },
    StageExceeds { stage: &'static str, earlier_stage: &'static str, earlier_row: u64, earlier: String },
    WrittenMismatch { reads_as: String, row_says: String },
    WrittenUnreadable,
    /// Not an http or https address.
    NotWebAddress,
    OutsidePairing { pairing: String, from: String, to: String },
    /// The descriptor's map settings (`gongkai:map`) are wrong here.
    Map(MapProblem),
    /// The descriptor's stories (`gongkai:stories`) are wrong here.
    Story(StoryProblem),
}

/// What is wrong in the descriptor's stories.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoryProblem {
    NotAList,
    NotAnId,
    Duplicate,
    /// A text without its 简体中文 version.
    NoText,
    NoSlides,
    /// Not a path of the portal.
    NotAView,
    /// A view whose parameters cannot be used.
    BadView,
    /// A view that shows no chart (or not the one it names).
    NoChart,
}

/// What is wrong in the descriptor's map settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapProblem {
    NotAnObject,
    NoText,
    /// The counties path does not say where the province goes.
    NoProvince,
    NotNumbers,
    NotIncreasing,
}

/// `value` with the characters that print as nothing or reorder text (controls, zero-width and
/// direction marks, byte-order marks) written out as `<U+200B>`, so a message shows them.
fn visible(value: &str) -> String {
    let hidden = |c: char| {
        c.is_control() || matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
    };
    value.chars().map(|c| if hidden(c) { format!("<U+{:04X}>", c as u32) } else { c.to_string() }).collect()
}

/// A located problem in published data.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub struct DataError {
    /// The file the problem is in, e.g. `observations.csv`.
    pub file: String,
    pub place: Place,
    /// The offending value as written, where there is one.
    pub value: Option<String>,
    /// Boxed, so that results carrying a `DataError` stay small.
    pub reason: Box<Reason>,
}

impl fmt::Display for DataError {
    /// The English message, as the checker prints it with `--lang en`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl DataError {
    /// A problem at `place` in `file`.
    pub fn new(file: &str, place: Place, value: Option<&str>, reason: Reason) -> DataError {
        DataError { file: file.to_owned(), place, value: value.map(str::to_owned), reason: Box::new(reason) }
    }

    /// The file could not be had at all: `detail` says why (e.g. `HTTP 404 Not Found`).
    pub fn unavailable(file: &str, detail: impl fmt::Display) -> DataError {
        DataError::new(file, Place::File, None, Reason::Unavailable(detail.to_string()))
    }

    /// A problem with one cell.
    pub fn cell(file: &str, row: u64, column: &str, value: &str, reason: Reason) -> DataError {
        let value = (!value.is_empty()).then_some(value);
        DataError::new(file, Place::Cell { row, column: column.to_owned() }, value, reason)
    }

    /// The whole message: where, then why.
    pub fn message(&self, locale: Locale) -> String {
        tr_args(locale, "data-problem", &[("place", self.locate(locale).into()), ("reason", self.describe(locale).into())])
    }

    /// Where the problem is, e.g. `observations.csv, row 4, column “value”`.
    pub fn locate(&self, locale: Locale) -> String {
        let file = || ("file", Arg::from(self.file.as_str()));
        match &self.place {
            Place::File => tr_args(locale, "data-place-file", &[file()]),
            Place::Line { line, column } => {
                tr_args(locale, "data-place-line", &[file(), ("line", (*line).into()), ("column", (*column).into())])
            }
            Place::Row(row) => tr_args(locale, "data-place-row", &[file(), ("row", (*row).into())]),
            Place::Cell { row, column } => {
                tr_args(locale, "data-place-cell", &[file(), ("row", (*row).into()), ("column", column.as_str().into())])
            }
            Place::Path(path) => tr_args(locale, "data-place-path", &[file(), ("path", path.as_str().into())]),
        }
    }

    /// Why, in `locale`.
    pub fn describe(&self, locale: Locale) -> String {
        let value = visible(self.value.as_deref().unwrap_or(""));
        let value = value.as_str();
        let say = |id: &str, args: &[(&str, Arg)]| {
            let mut all = vec![("value", Arg::from(value))];
            all.extend(args.iter().cloned());
            tr_args(locale, id, &all)
        };
        match self.reason.as_ref() {
            Reason::Json(detail) => say("data-error-json", &[("detail", detail.as_str().into())]),
            Reason::Unavailable(detail) => say("data-error-unavailable", &[("detail", detail.as_str().into())]),
            Reason::TooLarge { bytes } => {
                let mb = |b: u64| Arg::from(format!("{:.1}", b as f64 / (1024.0 * 1024.0)).trim_end_matches(".0").to_owned());
                let size = bytes.map_or_else(|| Arg::from("none"), mb);
                say("data-error-too-large", &[("size", size), ("limit", mb(super::decode::MAX_BYTES))])
            }
            Reason::Utf16 => say("data-error-utf16", &[]),
            Reason::NotUtf8 => say("data-error-not-utf8", &[]),
            Reason::NotText(kind) => say("data-error-not-text", &[("kind", (*kind).into())]),
            Reason::Empty => say("data-error-empty", &[]),
            Reason::NotAnObject => say("data-error-not-an-object", &[]),
            Reason::CellCount { header, found } => say("data-error-cell-count", &[("header", (*header).into()), ("found", (*found).into())]),
            Reason::MissingResource(name) => say("data-error-missing-resource", &[("name", (*name).into())]),
            Reason::MissingPath => say("data-error-missing-path", &[]),
            Reason::MissingSchemaField(field) => say("data-error-missing-schema-field", &[("field", (*field).into())]),
            Reason::HeaderMismatch { expected } => say("data-error-header", &[("expected", expected.as_str().into())]),
            Reason::Required => say("data-error-required", &[]),
            Reason::NotANumber => say("data-error-not-a-number", &[]),
            Reason::NotOneOf(allowed) => say("data-error-not-one-of", &[("allowed", allowed.join(", ").into())]),
            Reason::BadId => say("data-error-bad-id", &[]),
            Reason::BadRegionCode => say("data-error-bad-region-code", &[]),
            Reason::CodeLevelMismatch(level) => say("data-error-code-level", &[("level", (*level).into())]),
            Reason::OutsideParent(parent) => say("data-error-outside-parent", &[("parent", parent.as_str().into())]),
            Reason::BadPeriod(PeriodError::Syntax) => say("data-error-period-syntax", &[]),
            Reason::BadPeriod(PeriodError::NoSuchDate) => say("data-error-no-such-date", &[]),
            Reason::BadPeriod(PeriodError::EndsBeforeStart) => say("data-error-ends-before-start", &[]),
            Reason::NotAMonth => say("data-error-not-a-month", &[]),
            Reason::StockNeedsDate(indicator) => say("data-error-stock-needs-date", &[("indicator", indicator.as_str().into())]),
            Reason::Duplicate { first_row } => say("data-error-duplicate", &[("row", (*first_row).into())]),
            Reason::UnknownRef(kind) => say("data-error-unknown-ref", &[("kind", tr(locale, kind.message_id()).into())]),
            Reason::Negative => say("data-error-negative", &[]),
            Reason::UnitMismatch { expected } => say("data-error-unit-mismatch", &[("expected", (*expected).into())]),
            Reason::FundNotYuan(unit) => say("data-error-fund-not-yuan", &[("unit", (*unit).into())]),
            Reason::PartOfItself => say("data-error-part-of-itself", &[]),
            Reason::BreakdownWithoutTotal => say("data-error-breakdown-without-total", &[]),
            Reason::PartUnitMismatch { total_row, unit, total_unit } => say(
                "data-error-part-unit",
                &[("row", (*total_row).into()), ("unit", (*unit).into()), ("totalUnit", (*total_unit).into())],
            ),
            Reason::PartStatusMismatch { total_row, status, total_status } => say(
                "data-error-part-status",
                &[("row", (*total_row).into()), ("status", (*status).into()), ("totalStatus", (*total_status).into())],
            ),
            Reason::PartsDoNotAddUp { breakdown, rows, sum } => say(
                "data-error-parts-sum",
                &[("breakdown", breakdown.as_str().into()), ("rows", rows.as_str().into()), ("sum", sum.as_str().into())],
            ),
            Reason::StageExceeds { stage, earlier_stage, earlier_row, earlier } => say(
                "data-error-stage-exceeds",
                &[
                    ("stage", (*stage).into()),
                    ("earlierStage", (*earlier_stage).into()),
                    ("row", (*earlier_row).into()),
                    ("earlier", earlier.as_str().into()),
                ],
            ),
            Reason::WrittenMismatch { reads_as, row_says } => {
                say("data-error-written-mismatch", &[("readsAs", reads_as.as_str().into()), ("rowSays", row_says.as_str().into())])
            }
            Reason::WrittenUnreadable => say("data-error-written-unreadable", &[]),
            Reason::NotWebAddress => say("data-error-not-web-address", &[]),
            Reason::OutsidePairing { pairing, from, to } => say(
                "data-error-outside-pairing",
                &[("pairing", pairing.as_str().into()), ("from", from.as_str().into()), ("to", to.as_str().into())],
            ),
            Reason::Map(problem) => say(
                match problem {
                    MapProblem::NotAnObject => "data-error-map-not-object",
                    MapProblem::NoText => "data-error-map-no-text",
                    MapProblem::NoProvince => "data-error-map-no-province",
                    MapProblem::NotNumbers => "data-error-map-not-numbers",
                    MapProblem::NotIncreasing => "data-error-map-not-increasing",
                },
                &[],
            ),
            Reason::Story(problem) => say(
                match problem {
                    StoryProblem::NotAList => "data-error-story-not-list",
                    StoryProblem::NotAnId => "data-error-story-not-id",
                    StoryProblem::Duplicate => "data-error-story-duplicate",
                    StoryProblem::NoText => "data-error-story-no-text",
                    StoryProblem::NoSlides => "data-error-story-no-slides",
                    StoryProblem::NotAView => "data-error-story-not-view",
                    StoryProblem::BadView => "data-error-story-bad-view",
                    StoryProblem::NoChart => "data-error-story-no-chart",
                },
                &[],
            ),
        }
    }
}

impl RefKind {
    fn message_id(self) -> &'static str {
        match self {
            RefKind::Region => "ref-kind-region",
            RefKind::Indicator => "ref-kind-indicator",
            RefKind::Source => "ref-kind-source",
            RefKind::Pairing => "ref-kind-pairing",
            RefKind::Observation => "ref-kind-observation",
            RefKind::Fund => "ref-kind-fund",
        }
    }
}
