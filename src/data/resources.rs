//! The seven resources the portal reads, their fields, and how each row becomes a model item.
//! Problems within a row or with its references leave the row out; see `checks` for problems
//! between rows.

use rustc_hash::FxHashMap as HashMap;

use super::error::{DataError, Place, Reason, RefKind};
use std::sync::Arc;

use super::model::{Commitment, Figure, FigureExtra, Fund, Indicator, Pairing, Region, Source};
use super::decode::Check;
use super::package::Incoming;
use super::table::{self, Cells, Record, Records};
use super::vocab::{CommitmentStatus, FundingSource, Language, Level, Measure, PairingKind, SourceKind, Stage, Term, Unit};
use super::written;

/// A resource the portal reads: its name and the fields it must and may have.
pub struct Spec {
    pub name: &'static str,
    pub required: &'static [&'static str],
    pub optional: &'static [&'static str],
}

impl Spec {
    /// Every field the portal knows, required first.
    pub fn known(&self) -> Vec<&'static str> {
        self.required.iter().chain(self.optional).copied().collect()
    }
}

const NOTE: [&str; 3] = ["note_zh_hans", "note_zh_hant", "note_en"];
const NAME: [&str; 3] = ["name_zh_hans", "name_zh_hant", "name_en"];
const TASK: [&str; 3] = ["task_zh_hans", "task_zh_hant", "task_en"];
const RESPONSIBLE: [&str; 3] = ["responsible_zh_hans", "responsible_zh_hant", "responsible_en"];
const PARTNER: [&str; 3] = ["partner_zh_hans", "partner_zh_hant", "partner_en"];

pub const SOURCES: Spec = Spec {
    name: "sources",
    required: &["id", "title", "publisher", "language", "kind"],
    optional: &["date", "place", "url", "file", NOTE[0], NOTE[1], NOTE[2]],
};
pub const REGIONS: Spec = Spec {
    name: "regions",
    required: &["code", NAME[0], NAME[1], NAME[2], "level", "parent"],
    optional: &[NOTE[0], NOTE[1], NOTE[2]],
};
pub const INDICATORS: Spec = Spec {
    name: "indicators",
    required: &["id", NAME[0], NAME[1], NAME[2], "unit", "category", "measure"],
    optional: &[NOTE[0], NOTE[1], NOTE[2]],
};
const FIGURE_OPTIONAL: &[&str] = &["as_written", "part_of", "breakdown", "pairing", NOTE[0], NOTE[1], NOTE[2]];
pub const OBSERVATIONS: Spec = Spec {
    name: "observations",
    required: &["id", "region", "indicator", "period", "value", "unit", "qualifier", "status", "source", "locator"],
    optional: FIGURE_OPTIONAL,
};
pub const FUNDS: Spec = Spec {
    name: "funds",
    required: &[
        "id", "region", "indicator", "period", "amount", "funding_source", "stage", "qualifier", "status", "source", "locator",
    ],
    optional: FIGURE_OPTIONAL,
};
pub const PAIRINGS: Spec = Spec {
    name: "pairings",
    required: &["id", "from_region", "to_region", "period", "kind", "source", "locator"],
    optional: &[PARTNER[0], PARTNER[1], PARTNER[2], NOTE[0], NOTE[1], NOTE[2]],
};
pub const COMMITMENTS: Spec = Spec {
    name: "commitments",
    required: &["id", "region", TASK[0], TASK[1], TASK[2], "deadline", "status", "source", "locator"],
    optional: &[RESPONSIBLE[0], RESPONSIBLE[1], RESPONSIBLE[2], NOTE[0], NOTE[1], NOTE[2]],
};

/// Every resource, in the order they are read (each refers only to those before it).
pub const ALL: [&Spec; 7] = [&REGIONS, &SOURCES, &INDICATORS, &PAIRINGS, &OBSERVATIONS, &FUNDS, &COMMITMENTS];

/// Ids already seen in one resource, with the row each first appeared in.
#[derive(Default)]
struct Seen(HashMap<String, u64>);

impl Seen {
    /// Records `id` from `cells`' row; a repeat is reported at `column`.
    fn first(&mut self, cells: &mut Cells<'_>, column: &'static str, id: &str) -> bool {
        match self.0.get(id) {
            Some(&first_row) => {
                cells.reject(column, Reason::Duplicate { first_row });
                false
            }
            None => {
                self.0.insert(id.to_owned(), cells.row);
                true
            }
        }
    }
}

/// One CSV file: its name for messages, its schema, and its bytes as they come (see [`Incoming`]).
pub struct CsvFile<'t, S> {
    pub name: &'t str,
    /// The field names its schema declares.
    pub fields: &'t [String],
    pub source: S,
}

/// Calls `each` for every row of `file`, keeping the items of rows without problems.
async fn rows<T, S: Incoming>(file: CsvFile<'_, S>, spec: &Spec, problems: &mut Vec<DataError>, each: impl FnMut(&mut Cells<'_>) -> Option<T>) -> Vec<T> {
    let mut items = Vec::new();
    let hint = std::cell::Cell::new(None);
    let stands = each_row(file, spec, problems, &hint, each, |item| {
        reserve_rows(&mut items, hint.get());
        items.push(item);
    })
    .await;
    if stands { items } else { Vec::new() }
}

/// Reserves, for the first item, room for the rows the file is expected to have (exactly that
/// much: a scale file has hundreds of thousands).
fn reserve_rows<T>(items: &mut Vec<T>, hint: Option<usize>) {
    if items.capacity() == 0 {
        items.reserve_exact(hint.unwrap_or(0));
    }
}

/// Calls `each` for every row of `file` piece by piece, and `keep` with the items of rows
/// without problems; `rows_hint` is set to the rows expected, if the file's source knows, before
/// the first row is kept. Returns whether the file stands: a file that is not text, is blank,
/// has a header that does not match its schema, or could not be read to its end is reported
/// whole, and the items already kept from it are to be dropped.
async fn each_row<T, S: Incoming>(
    mut file: CsvFile<'_, S>,
    spec: &Spec,
    problems: &mut Vec<DataError>,
    rows_hint: &std::cell::Cell<Option<usize>>,
    mut each: impl FnMut(&mut Cells<'_>) -> Option<T>,
    mut keep: impl FnMut(T),
) -> bool {
    let known = spec.known();
    let (name, fields) = (file.name, file.fields);
    let mut check = Check::new();
    let mut records = Records::default();
    // The header's verdict, once read; the rows' problems, reported if the file stands.
    let mut columns: Option<Option<table::Columns>> = None;
    let (mut found, mut row) = (Vec::new(), 1);
    let mut on_record = |record: Record<'_>| match &columns {
        None => columns = Some(table::header(name, record, fields, &known, &mut found)),
        Some(None) => {}
        Some(Some(columns)) => {
            row += 1;
            if record.len() != columns.count {
                let reason = Reason::CellCount { header: columns.count as u64, found: record.len() as u64 };
                found.push(DataError::new(name, Place::Row(row), None, reason));
                return;
            }
            // A row that is not text is reported by the file's check.
            let Some(text) = record.text() else { return };
            let mut cells = Cells::new(name, row, text, columns);
            let item = each(&mut cells);
            if cells.finish(&mut found) {
                if let Some(item) = item {
                    keep(item);
                }
            }
        }
    };
    match file.source.start().await {
        Ok(rows) => rows_hint.set(rows),
        Err(problem) => {
            problems.push(problem);
            return false;
        }
    }
    loop {
        match file.source.next().await {
            Ok(Some(piece)) => {
                check.feed(piece);
                records.feed(piece, &mut on_record);
            }
            Ok(None) => break,
            Err(problem) => {
                problems.push(problem);
                return false;
            }
        }
    }
    records.finish(&mut on_record);
    match check.finish(name) {
        Err(problem) => problems.push(problem),
        Ok(checked) if checked.blank => problems.push(DataError::new(name, Place::File, None, Reason::Empty)),
        Ok(_) => {
            let stands = matches!(columns, Some(Some(_)));
            problems.extend(found);
            return stands;
        }
    }
    false
}

/// The figures of one file as read, before `part_of` is resolved within it (by
/// `checks::link_parts`).
pub struct Unlinked<T> {
    pub items: Vec<T>,
    /// For the few items that name a total: the item's position, the total's id and the
    /// breakdown's label.
    pub parts: Vec<(usize, Box<str>, Box<str>)>,
}

/// A figure as one row gives it, with the total it names and the breakdown's label.
type Read<T> = (T, Option<(Box<str>, Box<str>)>);

/// [`rows`] for figures: the totals named are kept aside, for the few rows that name one.
async fn figure_rows<T, S: Incoming>(
    file: CsvFile<'_, S>,
    spec: &Spec,
    problems: &mut Vec<DataError>,
    each: impl FnMut(&mut Cells<'_>) -> Option<Read<T>>,
) -> Unlinked<T> {
    let mut read = Unlinked { items: Vec::new(), parts: Vec::new() };
    let hint = std::cell::Cell::new(None);
    let stands = each_row(file, spec, problems, &hint, each, |(item, part_of)| {
        reserve_rows(&mut read.items, hint.get());
        if let Some((total, breakdown)) = part_of {
            read.parts.push((read.items.len(), total, breakdown));
        }
        read.items.push(item);
    })
    .await;
    if stands { read } else { Unlinked { items: Vec::new(), parts: Vec::new() } }
}

/// Ids of the items already read, for resolving references. Rows in a row tend to name the same
/// region, indicator and source, so the last id found is tried first.
pub struct Index {
    ids: HashMap<String, usize>,
    last: std::cell::RefCell<(String, usize)>,
}

impl Index {
    pub fn of<'a>(ids: impl Iterator<Item = &'a str>) -> Index {
        Index { ids: ids.enumerate().map(|(i, id)| (id.to_owned(), i)).collect(), last: Default::default() }
    }

    /// Resolves the reference in `column`, reporting an unknown one.
    fn required(&self, cells: &mut Cells<'_>, column: &'static str, kind: RefKind) -> Option<usize> {
        let id = cells.text(column)?;
        self.lookup(cells, column, id, kind)
    }

    /// Resolves an optional reference.
    fn optional(&self, cells: &mut Cells<'_>, column: &'static str, kind: RefKind) -> Option<Option<usize>> {
        match cells.optional(column) {
            None => Some(None),
            Some(id) => self.lookup(cells, column, id, kind).map(Some),
        }
    }

    fn lookup(&self, cells: &mut Cells<'_>, column: &'static str, id: &str, kind: RefKind) -> Option<usize> {
        let found = self.get(id);
        if found.is_none() {
            cells.reject(column, Reason::UnknownRef(kind));
        }
        found
    }

    pub fn get(&self, id: &str) -> Option<usize> {
        let mut last = self.last.borrow_mut();
        if !last.0.is_empty() && last.0 == id {
            return Some(last.1);
        }
        let found = self.ids.get(id).copied()?;
        last.0.clear();
        last.0.push_str(id);
        last.1 = found;
        Some(found)
    }
}

/// Reads `regions.csv`: codes of the right shape for their level, inside their parent.
pub async fn regions<S: Incoming>(file: CsvFile<'_, S>, problems: &mut Vec<DataError>) -> Vec<Region> {
    let name = file.name;
    let mut seen = Seen::default();
    let read = rows(file, &REGIONS, problems, |c| {
        let code = c.text("code").filter(|code| {
            let ok = region_code_shape(code).is_some();
            if !ok {
                c.reject("code", Reason::BadRegionCode);
            }
            ok
        });
        let code = code.filter(|code| seen.first(c, "code", code));
        let names = c.localized(NAME, true);
        let level: Option<Level> = c.term("level");
        if let (Some(code), Some(level)) = (code, level) {
            if !code_fits_level(code, level) {
                c.reject("code", Reason::CodeLevelMismatch(level.code()));
            }
        }
        let parent = c.optional("parent");
        if parent.is_none() && level.is_some_and(|l| l != Level::Country) {
            c.reject("parent", Reason::Required);
        }
        let note = c.localized(NOTE, false);
        Some((Region { code: code?.to_owned(), names, level: level?, parent: None, note }, parent.map(str::to_owned), c.row))
    }).await;

    // Parents may come later in the file, so they are resolved once every row is read. A region
    // whose parent is missing (or itself rejected) is rejected too.
    let codes = Index::of(read.iter().map(|(r, _, _)| r.code.as_str()));
    let mut alive = vec![true; read.len()];
    loop {
        let mut changed = false;
        for (i, (region, parent, row)) in read.iter().enumerate() {
            let Some(parent) = parent else { continue };
            if !alive[i] {
                continue;
            }
            let reason = match codes.get(parent) {
                Some(p) if alive[p] && !code_inside(&region.code, region.level, &read[p].0.code) => {
                    Some(Reason::OutsideParent(parent.clone()))
                }
                Some(p) if alive[p] => None,
                _ => Some(Reason::UnknownRef(RefKind::Region)),
            };
            if let Some(reason) = reason {
                problems.push(DataError::cell(name, *row, "parent", parent, reason));
                alive[i] = false;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let kept: Vec<(Region, Option<String>)> =
        read.into_iter().zip(&alive).filter(|(_, a)| **a).map(|((r, p, _), _)| (r, p)).collect();
    let index = Index::of(kept.iter().map(|(r, _)| r.code.as_str()));
    kept.into_iter().map(|(mut r, parent)| {
        r.parent = parent.and_then(|p| index.get(&p));
        r
    })
    .collect()
}

/// `(adcode, tag)` if `code` is six digits, optionally followed by `-` and an upper-case tag.
fn region_code_shape(code: &str) -> Option<(&str, Option<&str>)> {
    let (digits, tag) = match code.split_once('-') {
        Some((d, t)) => (d, Some(t)),
        None => (code, None),
    };
    let digits_ok = digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit());
    let tag_ok = tag.is_none_or(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()));
    (digits_ok && tag_ok).then_some((digits, tag))
}

/// Whether a (well-shaped) code has the form its level requires.
fn code_fits_level(code: &str, level: Level) -> bool {
    let Some((digits, tag)) = region_code_shape(code) else { return false };
    match level {
        Level::Other => tag.is_some(),
        _ if tag.is_some() => false,
        Level::Country | Level::Province => digits.ends_with("0000"),
        Level::Prefecture => digits.ends_with("00") && !digits.ends_with("0000"),
        Level::County => !digits.ends_with("00"),
    }
}

/// Whether `code` (of `level`) lies inside the division `parent`: a province in any country, a
/// prefecture in its province, a county in its prefecture or (directly administered) province,
/// and another area in the division whose code it carries.
fn code_inside(code: &str, level: Level, parent: &str) -> bool {
    let Some((digits, tag)) = region_code_shape(code) else { return false };
    match level {
        Level::Country => false,
        Level::Province => true,
        _ if tag.is_some() => digits == parent,
        Level::Prefecture => parent.ends_with("0000") && digits[..2] == parent[..2],
        _ => (parent.ends_with("00") && digits[..4] == parent[..4]) || (parent.ends_with("0000") && digits[..2] == parent[..2]),
    }
}

/// Reads `sources.csv`.
pub async fn sources<S: Incoming>(file: CsvFile<'_, S>, regions: &Index, problems: &mut Vec<DataError>) -> Vec<Source> {
    let mut seen = Seen::default();
    rows(file, &SOURCES, problems, |c| {
        let id = c.id("id").filter(|id| seen.first(c, "id", id));
        let title = c.text("title");
        let publisher = c.text("publisher");
        let date = c.optional_date("date");
        let place = regions.optional(c, "place", RefKind::Region);
        let language: Option<Language> = c.term("language");
        let kind: Option<SourceKind> = c.term("kind");
        Some(Source {
            id: id?.to_owned(),
            title: title?.to_owned(),
            publisher: publisher?.to_owned(),
            date,
            place: place?,
            url: c.optional_web_address("url").map(str::to_owned),
            file: c.optional("file").map(str::to_owned),
            language: language?,
            kind: kind?,
            note: c.localized(NOTE, false),
        })
    }).await
}

/// Reads `indicators.csv`.
pub async fn indicators<S: Incoming>(file: CsvFile<'_, S>, problems: &mut Vec<DataError>) -> Vec<Indicator> {
    let mut seen = Seen::default();
    rows(file, &INDICATORS, problems, |c| {
        let id = c.id("id").filter(|id| seen.first(c, "id", id));
        let names = c.localized(NAME, true);
        let (unit, category, measure) = (c.term("unit"), c.term("category"), c.term("measure"));
        Some(Indicator { id: id?.to_owned(), names, unit: unit?, category: category?, measure: measure?, note: c.localized(NOTE, false) })
    }).await
}

/// Reads `pairings.csv`.
pub async fn pairings<S: Incoming>(file: CsvFile<'_, S>, refs: &Refs<'_>, problems: &mut Vec<DataError>) -> Vec<Pairing> {
    let mut seen = Seen::default();
    rows(file, &PAIRINGS, problems, |c| {
        let id = c.id("id").filter(|id| seen.first(c, "id", id));
        let from = refs.regions.required(c, "from_region", RefKind::Region);
        let to = refs.regions.required(c, "to_region", RefKind::Region);
        let period = c.period("period");
        let kind: Option<PairingKind> = c.term("kind");
        let source = refs.sources.required(c, "source", RefKind::Source);
        let locator = c.text("locator");
        Some(Pairing {
            id: id?.to_owned(),
            row: c.row,
            from: from?,
            to: to?,
            period: period?,
            kind: kind?,
            partner: c.localized(PARTNER, false),
            source: source?,
            locator: locator?.to_owned(),
            note: c.localized(NOTE, false),
        })
    }).await
}

/// What figures refer to: the resources read before them.
pub struct Refs<'a> {
    pub regions: &'a Index,
    pub sources: &'a Index,
    pub indicators: &'a Index,
    pub pairings: &'a Index,
    pub dataset: &'a super::Dataset,
}

impl Refs<'_> {
    /// The unit of the row's indicator, if it names a known one.
    fn indicator_unit(&self, c: &Cells<'_>) -> Option<Unit> {
        self.indicators.get(c.raw("indicator")).and_then(|i| self.dataset.indicators.get(i)).map(|i| i.unit)
    }
}

/// The quotation of the row before, shared with the next row if it quotes the same sentence
/// (the rows of one sentence follow each other), so that it is stored once.
#[derive(Default)]
struct Quotes(Option<Arc<str>>);

impl Quotes {
    fn share(&mut self, text: &str) -> Arc<str> {
        match &self.0 {
            Some(last) if **last == *text => Arc::clone(last),
            _ => Arc::clone(self.0.insert(Arc::from(text))),
        }
    }
}

/// Reads the fields shared by observations and funds; `value_column` is `value` or `amount`.
/// Duplicate ids are found by `checks::link_parts`, which indexes the rows anyway.
fn figure(c: &mut Cells<'_>, refs: &Refs<'_>, value_column: &'static str, quotes: &mut Quotes) -> Option<Read<Figure>> {
    let id = c.id("id");
    let region = refs.regions.required(c, "region", RefKind::Region);
    let indicator = refs.indicators.required(c, "indicator", RefKind::Indicator);
    let period = c.period("period");
    let value = c.amount(value_column);
    let qualifier = c.term("qualifier");
    let status = c.term("status");
    let source = refs.sources.required(c, "source", RefKind::Source);
    let locator = c.text("locator");
    let pairing = refs.pairings.optional(c, "pairing", RefKind::Pairing);
    let part_of = c.optional("part_of");
    let breakdown = c.optional("breakdown");
    match (part_of, breakdown) {
        (Some(_), None) => c.reject("breakdown", Reason::Required),
        (None, Some(_)) => c.reject("breakdown", Reason::BreakdownWithoutTotal),
        _ => {}
    }
    if let (Some(id), Some(total)) = (id, part_of) {
        if id == total {
            c.reject("part_of", Reason::PartOfItself);
        }
    }

    let ind = indicator.and_then(|i| refs.dataset.indicators.get(i));
    if let (Some(ind), Some(period)) = (ind, period) {
        if ind.measure == Measure::Stock && !period.is_date() {
            c.reject("period", Reason::StockNeedsDate(ind.id.clone()));
        }
    }
    if let (Some(region), Some(Some(p))) = (region, pairing) {
        if let Some(pairing) = refs.dataset.pairings.get(p) {
            let within = |side: usize| refs.dataset.region_within(region, side);
            if !within(pairing.from) && !within(pairing.to) {
                let code = |i: usize| refs.dataset.regions.get(i).map_or(String::new(), |r| r.code.clone());
                c.reject(
                    "region",
                    Reason::OutsidePairing { pairing: pairing.id.clone(), from: code(pairing.from), to: code(pairing.to) },
                );
            }
        }
    }
    let as_written = c.optional("as_written");
    if let (Some(text), Some(value), Some(qualifier)) = (as_written, value, qualifier) {
        match written::read(text) {
            None => c.reject("as_written", Reason::WrittenUnreadable),
            Some((reads, q)) if (reads - value).abs() > 1e-6 * value.abs().max(1.0) || q != qualifier => c.reject(
                "as_written",
                Reason::WrittenMismatch {
                    reads_as: format!("{reads} ({})", q.code()),
                    row_says: format!("{value} ({})", qualifier.code()),
                },
            ),
            Some(_) => {}
        }
    }

    let note = c.localized(NOTE, false);
    let pairing = pairing?;
    let extra = (as_written.is_some() || pairing.is_some() || !note.is_empty())
        .then(|| Box::new(FigureExtra { as_written: as_written.map(Box::from), part_of: None, pairing, note }));
    let figure = Figure {
        id: id?.into(),
        row: u32::try_from(c.row).unwrap_or(u32::MAX),
        region: region?,
        indicator: indicator?,
        period: period?,
        value: value?,
        qualifier: qualifier?,
        status: status?,
        source: source?,
        locator: quotes.share(locator?),
        extra,
    };
    Some((figure, part_of.zip(breakdown).map(|(p, b)| (p.into(), b.into()))))
}

/// Reads `observations.csv`; `part_of` is resolved by `checks::link_parts`.
pub async fn observations<S: Incoming>(file: CsvFile<'_, S>, refs: &Refs<'_>, problems: &mut Vec<DataError>) -> Unlinked<Figure> {
    let mut quotes = Quotes::default();
    figure_rows(file, &OBSERVATIONS, problems, |c| {
        let figure = figure(c, refs, "value", &mut quotes);
        let unit: Option<Unit> = c.term("unit");
        if let (Some(unit), Some(expected)) = (unit, refs.indicator_unit(c)) {
            if unit != expected {
                c.reject("unit", Reason::UnitMismatch { expected: expected.code() });
            }
        }
        unit?;
        figure
    }).await
}

/// Reads `funds.csv`; `part_of` is resolved by `checks::link_parts`.
pub async fn funds<S: Incoming>(file: CsvFile<'_, S>, refs: &Refs<'_>, problems: &mut Vec<DataError>) -> Unlinked<Fund> {
    let mut quotes = Quotes::default();
    figure_rows(file, &FUNDS, problems, |c| {
        let figure = figure(c, refs, "amount", &mut quotes);
        if let Some(unit) = refs.indicator_unit(c).filter(|u| *u != Unit::Yuan) {
            c.reject("indicator", Reason::FundNotYuan(unit.code()));
        }
        let funding_source: Option<FundingSource> = c.term("funding_source");
        let stage: Option<Stage> = c.term("stage");
        let (figure, part_of) = figure?;
        Some((Fund { figure, funding_source: funding_source?, stage: stage? }, part_of))
    }).await
}

/// Reads `commitments.csv`.
pub async fn commitments<S: Incoming>(file: CsvFile<'_, S>, refs: &Refs<'_>, problems: &mut Vec<DataError>) -> Vec<Commitment> {
    let mut seen = Seen::default();
    rows(file, &COMMITMENTS, problems, |c| {
        let id = c.id("id").filter(|id| seen.first(c, "id", id));
        let region = refs.regions.required(c, "region", RefKind::Region);
        let task = c.localized(TASK, true);
        let deadline = c.month("deadline");
        let status: Option<CommitmentStatus> = c.term("status");
        let source = refs.sources.required(c, "source", RefKind::Source);
        let locator = c.text("locator");
        Some(Commitment {
            id: id?.to_owned(),
            row: c.row,
            region: region?,
            task,
            deadline: deadline?,
            responsible: c.localized(RESPONSIBLE, false),
            status: status?,
            source: source?,
            locator: locator?.to_owned(),
            note: c.localized(NOTE, false),
        })
    }).await
}
