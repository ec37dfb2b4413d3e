//! Reading one CSV resource: the header is checked against the resource's schema, then each row
//! is offered as [`Cells`], whose typed getters record a located [`DataError`] for every bad cell.

use super::error::{DataError, Place, Reason};
use super::period::{Date, Period, PeriodError};
use super::vocab::Term;
use super::Localized;

/// The positions of the portal's known columns in a CSV file, looked up for every cell by name.
pub struct Columns {
    /// Every known column, with its position in the header if it has one.
    index: Vec<(&'static str, Option<usize>)>,
    /// Entries of `index` (plus one; 0 for none) by where their name lies in memory: the getters
    /// name columns by the same constants `known` lists, so a name is usually found at once.
    by_address: [u8; ADDRESS_SLOTS],
    /// How many columns the header has, which every row must have too.
    pub count: usize,
}

/// The size of [`Columns::by_address`].
const ADDRESS_SLOTS: usize = 64;

/// The slot in [`Columns::by_address`] for the name at `name`'s address.
fn address_slot(name: &str) -> usize {
    // Fibonacci hashing: the top bits of the address times 2^64 / φ.
    ((name.as_ptr() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58) as usize % ADDRESS_SLOTS
}

impl Columns {
    fn new(index: Vec<(&'static str, Option<usize>)>, count: usize) -> Columns {
        let mut by_address = [0; ADDRESS_SLOTS];
        for (entry, (name, _)) in index.iter().enumerate().take(usize::from(u8::MAX)) {
            let slot = &mut by_address[address_slot(name)];
            if *slot == 0 {
                *slot = entry as u8 + 1;
            }
        }
        Columns { index, by_address, count }
    }

    /// The position of `column` in the header, if it is a known column the header has.
    fn position(&self, column: &'static str) -> Option<usize> {
        let same_text = |name: &str| std::ptr::eq(name.as_ptr(), column.as_ptr()) && name.len() == column.len();
        let slot = usize::from(self.by_address[address_slot(column)]);
        match self.index.get(slot.wrapping_sub(1)) {
            Some((name, i)) if slot > 0 && same_text(name) => *i,
            _ => self.index.iter().find(|(name, _)| *name == column).and_then(|(_, i)| *i),
        }
    }
}

/// Splits CSV text into records as its bytes arrive, in pieces of any size: RFC 4180 quoting,
/// `\n`, `\r\n` or `\r` line ends, blank lines skipped and a leading byte-order mark dropped (the
/// `csv-core` reader, which never fails: it prefers *a* reading over none).
pub struct Records {
    core: csv_core::Reader,
    /// The record being read: its fields' text one after another, and where each field ends.
    text: Vec<u8>,
    text_len: usize,
    ends: Vec<usize>,
    ends_len: usize,
    /// The file's first bytes, held until there are enough to see a byte-order mark whole.
    head: Vec<u8>,
    started: bool,
}

/// One record: its fields' text, and where each field ends in it.
#[derive(Clone, Copy)]
pub struct Record<'a> {
    text: &'a [u8],
    ends: &'a [usize],
}

impl<'a> Record<'a> {
    /// How many fields the record has.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The record as text, with where each field ends; `None` if it is not UTF-8 (the file's
    /// check then rejects the whole file).
    pub fn text(&self) -> Option<Fields<'a>> {
        Some(Fields { text: std::str::from_utf8(self.text).ok()?, ends: self.ends })
    }
}

/// The fields of a record that is text.
#[derive(Clone, Copy)]
pub struct Fields<'a> {
    text: &'a str,
    ends: &'a [usize],
}

impl<'a> Fields<'a> {
    /// Field `i`, if the record has it.
    pub fn get(&self, i: usize) -> Option<&'a str> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.text.get(start..end)
    }

    /// Every field in order.
    pub fn iter(&self) -> impl Iterator<Item = &'a str> + '_ {
        (0..self.ends.len()).map(|i| self.get(i).unwrap_or(""))
    }
}

/// The length of a UTF-8 byte-order mark.
const BOM_LEN: usize = 3;

impl Default for Records {
    fn default() -> Self {
        Records { core: csv_core::Reader::new(), text: vec![0; 1024], text_len: 0, ends: vec![0; 32], ends_len: 0, head: Vec::new(), started: false }
    }
}

impl Records {
    /// Reads the next `bytes` of the file, calling `each` for every record they complete.
    pub fn feed(&mut self, bytes: &[u8], each: &mut impl FnMut(Record<'_>)) {
        if self.started {
            self.read(bytes, each);
            return;
        }
        // The reader drops a byte-order mark only if its first input holds the mark whole.
        let wanted = (BOM_LEN - self.head.len()).min(bytes.len());
        self.head.extend_from_slice(&bytes[..wanted]);
        if self.head.len() == BOM_LEN {
            self.started = true;
            let head = std::mem::take(&mut self.head);
            self.read(&head, each);
            self.read(&bytes[wanted..], each);
        }
    }

    /// Reads to the end of the file, calling `each` for the last record.
    pub fn finish(&mut self, each: &mut impl FnMut(Record<'_>)) {
        if !self.started {
            self.started = true;
            let head = std::mem::take(&mut self.head);
            self.read(&head, each);
        }
        // An empty input tells the reader the file has ended.
        self.read(&[], each);
    }

    fn read(&mut self, mut input: &[u8], each: &mut impl FnMut(Record<'_>)) {
        use csv_core::ReadRecordResult::*;
        let at_end = input.is_empty();
        loop {
            if input.is_empty() && !at_end {
                return;
            }
            let (result, read, written, ended) = self.core.read_record(input, &mut self.text[self.text_len..], &mut self.ends[self.ends_len..]);
            input = &input[read..];
            self.text_len += written;
            self.ends_len += ended;
            match result {
                InputEmpty if at_end => return,
                InputEmpty => {}
                OutputFull => self.text.resize(self.text.len() * 2, 0),
                OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                Record => {
                    each(self::Record { text: &self.text[..self.text_len], ends: &self.ends[..self.ends_len] });
                    (self.text_len, self.ends_len) = (0, 0);
                }
                End => return,
            }
        }
    }
}

/// Checks a file's header, its first record, against the resource's schema (the field names its
/// descriptor declares, in order) and the portal's `known` fields. Returns where the known
/// columns are, or `None` after recording each mismatch.
pub fn header(file: &str, record: Record<'_>, schema: &[String], known: &[&'static str], problems: &mut Vec<DataError>) -> Option<Columns> {
    // A header that is not text is reported by the file's check.
    let header = record.text()?;
    let mut ok = true;
    for (i, expected) in schema.iter().enumerate() {
        let found = header.get(i).unwrap_or("");
        if found != expected {
            let column = if found.is_empty() { expected.clone() } else { found.to_owned() };
            let place = Place::Cell { row: 1, column };
            problems.push(DataError::new(file, place, Some(found), Reason::HeaderMismatch { expected: expected.clone() }));
            ok = false;
        }
    }
    for extra in header.iter().skip(schema.len()) {
        let place = Place::Cell { row: 1, column: extra.to_owned() };
        problems.push(DataError::new(file, place, Some(extra), Reason::HeaderMismatch { expected: String::new() }));
        ok = false;
    }
    let index = known.iter().map(|k| (*k, header.iter().position(|h| h == *k))).collect();
    ok.then(|| Columns::new(index, record.len()))
}

/// The cells of one row, with typed getters. Each getter records its problem and returns `None`;
/// the row is valid if [`Cells::finish`] finds no problem.
pub struct Cells<'a> {
    pub file: &'a str,
    /// The row number, counted as in a spreadsheet (header = 1).
    pub row: u64,
    record: Fields<'a>,
    columns: &'a Columns,
    problems: Vec<DataError>,
}

impl<'a> Cells<'a> {
    pub fn new(file: &'a str, row: u64, record: Fields<'a>, columns: &'a Columns) -> Self {
        Cells { file, row, record, columns, problems: Vec::new() }
    }

    /// The raw text of `column`, `""` if the column is absent.
    pub fn raw(&self, column: &'static str) -> &'a str {
        self.columns.position(column).and_then(|i| self.record.get(i)).unwrap_or("")
    }

    /// Records a problem with `column`.
    pub fn reject(&mut self, column: &'static str, reason: Reason) {
        let value = self.raw(column);
        self.problems.push(DataError::cell(self.file, self.row, column, value, reason));
    }

    /// A required, non-empty text.
    pub fn text(&mut self, column: &'static str) -> Option<&'a str> {
        let value = self.raw(column);
        if value.is_empty() {
            self.reject(column, Reason::Required);
            return None;
        }
        Some(value)
    }

    /// An optional text: `None` when empty.
    pub fn optional(&self, column: &'static str) -> Option<&'a str> {
        Some(self.raw(column)).filter(|v| !v.is_empty())
    }

    /// An optional web address: `http://` or `https://` and no spaces or control characters. Any
    /// other value (a `javascript:` link, a file path) is a problem.
    pub fn optional_web_address(&mut self, column: &'static str) -> Option<&'a str> {
        let value = self.optional(column)?;
        let lower = value.to_ascii_lowercase();
        let web = (lower.starts_with("https://") || lower.starts_with("http://")) && !value.chars().any(|c| c.is_whitespace() || c.is_control());
        if !web {
            self.reject(column, Reason::NotWebAddress);
            return None;
        }
        Some(value)
    }

    /// A required id: `[a-z0-9][a-z0-9_-]*`.
    pub fn id(&mut self, column: &'static str) -> Option<&'a str> {
        let value = self.text(column)?;
        if is_id(value) {
            Some(value)
        } else {
            self.reject(column, Reason::BadId);
            None
        }
    }

    /// A required word from the vocabulary `T`.
    pub fn term<T: Term>(&mut self, column: &'static str) -> Option<T> {
        let value = self.text(column)?;
        match value.parse::<T>() {
            Ok(t) => Some(t),
            Err(_) => {
                self.reject(column, Reason::NotOneOf(T::VARIANTS));
                None
            }
        }
    }

    /// A required finite number that is not negative.
    pub fn amount(&mut self, column: &'static str) -> Option<f64> {
        let value = self.text(column)?;
        match value.parse::<f64>() {
            Ok(n) if n.is_finite() && n < 0.0 => {
                self.reject(column, Reason::Negative);
                None
            }
            Ok(n) if n.is_finite() => Some(n),
            _ => {
                self.reject(column, Reason::NotANumber);
                None
            }
        }
    }

    /// A required period.
    pub fn period(&mut self, column: &'static str) -> Option<Period> {
        let value = self.text(column)?;
        value.parse().map_err(|e| self.reject(column, Reason::BadPeriod(e))).ok()
    }

    /// An optional date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub fn optional_date(&mut self, column: &'static str) -> Option<Date> {
        let value = self.optional(column)?;
        value.parse().map_err(|e| self.reject(column, Reason::BadPeriod(e))).ok()
    }

    /// A required month, `YYYY-MM`.
    pub fn month(&mut self, column: &'static str) -> Option<Date> {
        let value = self.text(column)?;
        match value.parse::<Date>() {
            Ok(d) if d.month.is_some() && d.day.is_none() => Some(d),
            Ok(_) | Err(PeriodError::Syntax) => {
                self.reject(column, Reason::NotAMonth);
                None
            }
            Err(e) => {
                self.reject(column, Reason::BadPeriod(e));
                None
            }
        }
    }

    /// The three language columns `<prefix>_zh_hans`, `<prefix>_zh_hant`, `<prefix>_en`; all
    /// required when `required`.
    pub fn localized(&mut self, columns: [&'static str; 3], required: bool) -> Localized {
        let [hans, hant, en] = columns.map(|c| if required { self.text(c).unwrap_or("") } else { self.raw(c) });
        Localized { zh_hans: hans.to_owned(), zh_hant: hant.to_owned(), en: en.to_owned() }
    }

    /// Hands over the row's problems; `true` if there were none.
    pub fn finish(self, problems: &mut Vec<DataError>) -> bool {
        let clean = self.problems.is_empty();
        problems.extend(self.problems);
        clean
    }
}

/// Whether `text` is a valid id: `[a-z0-9][a-z0-9_-]*`.
pub fn is_id(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}
