//! From the bytes of a published file to its text: the one place that decides what a data file
//! may be. It must be UTF-8 (a byte-order mark, as spreadsheet programs write, is dropped), not
//! larger than [`MAX_BYTES`], and text at all; anything else is a located [`DataError`] that says
//! what the file seems to be instead.

use super::error::{DataError, Place, Reason};

/// The largest file the portal reads: 20 MiB, several times the largest national table, and as
/// much as a phone should download for one view.
pub const MAX_BYTES: u64 = 20 * 1024 * 1024;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// What a file that is not text seems to be, by its first bytes.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"PK\x03\x04", "zip"),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "xls"),
        (b"%PDF-", "pdf"),
        (b"\x1F\x8B", "gzip"),
        (b"\x89PNG", "png"),
    ];
    SIGNATURES.iter().find(|(magic, _)| bytes.starts_with(magic)).map(|(_, kind)| *kind)
}

/// Checks a file's bytes piece by piece, as they arrive, so that a large file need not be one
/// block in memory to be read: [`Check::finish`] gives the same verdict as [`text`] on the whole.
#[derive(Default)]
pub struct Check {
    size: u64,
    /// The first bytes, which say whether the file is UTF-16 or a binary format, kept until
    /// there are enough of them.
    head: Vec<u8>,
    /// Whether `head` has been judged and handed on.
    started: bool,
    /// The bytes of a character cut by the end of the last piece.
    cut: Vec<u8>,
    /// Line and character (both from 1) where the next byte is.
    line: u64,
    column: u64,
    /// Whether every character after the byte-order mark so far is white space.
    blank: bool,
    bom: bool,
    /// Where the first NUL character is.
    nul: Option<(u64, u64)>,
    /// The first problem found, which ends the checking.
    error: Option<Found>,
}

/// A problem [`Check`] found, to be located in its file by [`Check::finish`].
enum Found {
    Utf16,
    NotText(&'static str),
    NotUtf8 { line: u64, column: u64, shown: String },
}

/// What [`Check`] learned about a file that reading it as CSV needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Checked {
    /// Where the text starts: after the byte-order mark, if there is one.
    pub start: usize,
    /// How many line breaks the file has.
    pub line_breaks: u64,
    /// Whether the text is empty or only white space.
    pub blank: bool,
}

/// How many bytes judge the start of a file: the longest signature of [`binary_kind`].
const HEAD: usize = 8;

impl Check {
    pub fn new() -> Check {
        Check { line: 1, column: 1, blank: true, ..Check::default() }
    }

    /// Checks the next `bytes` of the file.
    pub fn feed(&mut self, bytes: &[u8]) {
        self.size += bytes.len() as u64;
        if self.error.is_some() {
            return;
        }
        if !self.started {
            let wanted = (HEAD - self.head.len()).min(bytes.len());
            self.head.extend_from_slice(&bytes[..wanted]);
            if self.head.len() < HEAD {
                return;
            }
            self.start();
            self.text(&bytes[wanted..]);
        } else {
            self.text(bytes);
        }
    }

    /// Judges the first bytes and checks them as text.
    fn start(&mut self) {
        self.started = true;
        let head = std::mem::take(&mut self.head);
        if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
            self.error = Some(Found::Utf16);
        } else if let Some(kind) = binary_kind(&head) {
            self.error = Some(Found::NotText(kind));
        } else {
            self.bom = head.starts_with(UTF8_BOM);
            self.text(&head);
        }
    }

    /// Checks `bytes` as the continuation of UTF-8 text.
    fn text(&mut self, mut bytes: &[u8]) {
        if self.error.is_some() {
            return;
        }
        // A character the last piece cut is completed first.
        while !self.cut.is_empty() && !bytes.is_empty() {
            self.cut.push(bytes[0]);
            bytes = &bytes[1..];
            match std::str::from_utf8(&self.cut) {
                Ok(_) => {
                    let cut = std::mem::take(&mut self.cut);
                    self.valid(&cut);
                }
                Err(e) if e.error_len().is_some() => {
                    let shown = self.cut.iter().take(e.error_len().unwrap_or(1)).map(|b| format!("{b:02X}")).collect::<Vec<_>>().join(" ");
                    self.error = Some(Found::NotUtf8 { line: self.line, column: self.column, shown });
                    return;
                }
                Err(_) => {}
            }
        }
        match std::str::from_utf8(bytes) {
            Ok(_) => self.valid(bytes),
            Err(e) => {
                let (good, rest) = bytes.split_at(e.valid_up_to());
                self.valid(good);
                match e.error_len() {
                    Some(len) => {
                        let shown = rest[..len].iter().map(|b| format!("{b:02X}")).collect::<Vec<_>>().join(" ");
                        self.error = Some(Found::NotUtf8 { line: self.line, column: self.column, shown });
                    }
                    None => self.cut = rest.to_vec(),
                }
            }
        }
    }

    /// Takes note of `bytes`, valid UTF-8, where they are in the file.
    fn valid(&mut self, bytes: &[u8]) {
        let chars = |b: &[u8]| b.iter().filter(|&&b| b & 0xC0 != 0x80).count() as u64;
        let line_breaks = |b: &[u8]| memchr::memchr_iter(b'\n', b).count() as u64;
        if self.nul.is_none() {
            if let Some(at) = memchr::memchr(0, bytes) {
                let before = &bytes[..at];
                self.nul = Some(match memchr::memrchr(b'\n', before) {
                    Some(nl) => (self.line + line_breaks(before), 1 + chars(&before[nl + 1..])),
                    None => (self.line, self.column + chars(before)),
                });
            }
        }
        if self.blank {
            let text = std::str::from_utf8(bytes).unwrap_or_default();
            let text = if self.line == 1 && self.column == 1 && self.bom { text.strip_prefix('\u{feff}').unwrap_or(text) } else { text };
            self.blank = text.chars().all(char::is_whitespace);
        }
        match memchr::memrchr(b'\n', bytes) {
            Some(nl) => {
                self.line += line_breaks(bytes);
                self.column = 1 + chars(&bytes[nl + 1..]);
            }
            None => self.column += chars(bytes),
        }
    }

    /// The verdict on the whole file `file`.
    pub fn finish(mut self, file: &str) -> Result<Checked, DataError> {
        let whole = |reason| DataError::new(file, Place::File, None, reason);
        if self.size > MAX_BYTES {
            return Err(whole(Reason::TooLarge { bytes: Some(self.size) }));
        }
        if !self.started {
            self.start();
        }
        if self.error.is_none() && !self.cut.is_empty() {
            let shown = format!("{:02X}", self.cut[0]);
            self.error = Some(Found::NotUtf8 { line: self.line, column: self.column, shown });
        }
        match self.error {
            Some(Found::Utf16) => Err(whole(Reason::Utf16)),
            Some(Found::NotText(kind)) => Err(whole(Reason::NotText(kind))),
            Some(Found::NotUtf8 { line, column, shown }) => Err(DataError::new(file, Place::Line { line, column }, Some(&shown), Reason::NotUtf8)),
            None => match self.nul {
                Some((line, column)) => Err(DataError::new(file, Place::Line { line, column }, None, Reason::NotText("nul"))),
                None => Ok(Checked { start: if self.bom { UTF8_BOM.len() } else { 0 }, line_breaks: self.line - 1, blank: self.blank }),
            },
        }
    }
}

/// The text of the file `file`, whose bytes are `bytes`, without a copy.
pub fn as_str<'b>(file: &str, bytes: &'b [u8]) -> Result<&'b str, DataError> {
    let mut check = Check::new();
    check.feed(bytes);
    let checked = check.finish(file)?;
    // Checked as UTF-8 above; read again to have it as a `str` without `unsafe`.
    std::str::from_utf8(&bytes[checked.start..]).map_err(|_| DataError::new(file, Place::File, None, Reason::NotUtf8))
}

/// The text of the file `file`, whose bytes are `bytes`.
pub fn text(file: &str, bytes: &[u8]) -> Result<String, DataError> {
    as_str(file, bytes).map(str::to_owned)
}

/// The text of the file `file` from its bytes, reusing their memory.
pub fn into_text(file: &str, mut bytes: Vec<u8>) -> Result<String, DataError> {
    let start = as_str(file, &bytes)?.as_ptr() as usize - bytes.as_ptr() as usize;
    bytes.drain(..start);
    String::from_utf8(bytes).map_err(|_| DataError::new(file, Place::File, None, Reason::NotUtf8))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    fn message(bytes: &[u8]) -> String {
        text("funds.csv", bytes).map_or_else(|e| e.message(Locale::En), |t| format!("text: {t}"))
    }

    #[test]
    fn utf8_is_read_and_a_byte_order_mark_dropped() {
        assert_eq!(text("a.csv", "id,名称\n1,古塔区\n".as_bytes()).as_deref(), Ok("id,名称\n1,古塔区\n"));
        assert_eq!(text("a.csv", "\u{feff}id\n".as_bytes()).as_deref(), Ok("id\n"));
        assert_eq!(text("a.csv", b"").as_deref(), Ok(""));
    }

    #[test]
    fn gbk_bytes_are_located_at_their_line_and_character() {
        // "id,名称\n1,古塔" with 古塔 in GBK (B9 C5 CB FE).
        let gbk = b"id,\xE5\x90\x8D\xE7\xA7\xB0\n1,\xB9\xC5\xCB\xFE\n";
        let e = text("regions.csv", gbk).expect_err("not UTF-8");
        assert_eq!(e.place, Place::Line { line: 2, column: 3 });
        assert_eq!(e.value.as_deref(), Some("B9"));
        assert!(message(gbk).contains("line 2, column 3"), "{}", message(gbk));
        // After a byte-order mark the position is still counted in the file's characters.
        let e = text("regions.csv", b"\xEF\xBB\xBFab\xFF").expect_err("not UTF-8");
        assert_eq!(e.place, Place::Line { line: 1, column: 4 });
    }

    #[test]
    fn other_encodings_and_binary_files_are_named() {
        assert_eq!(*text("a.csv", b"\xFF\xFEi\0d\0").expect_err("utf-16").reason, Reason::Utf16);
        assert_eq!(*text("a.csv", b"PK\x03\x04rest").expect_err("zip").reason, Reason::NotText("zip"));
        assert_eq!(*text("a.csv", b"%PDF-1.7").expect_err("pdf").reason, Reason::NotText("pdf"));
        let e = text("a.csv", b"id\nab\0c").expect_err("nul");
        assert_eq!((e.place, *e.reason), (Place::Line { line: 2, column: 3 }, Reason::NotText("nul")));
    }

    #[test]
    fn a_file_over_the_limit_is_refused_whole() {
        let big = vec![b'a'; MAX_BYTES as usize + 1];
        let e = text("observations.csv", &big).expect_err("too large");
        assert_eq!((e.place, *e.reason), (Place::File, Reason::TooLarge { bytes: Some(MAX_BYTES + 1) }));
        assert!(text("observations.csv", &big[1..]).is_ok(), "exactly the limit is read");
    }

    /// The verdict on `bytes` fed in two pieces cut at `at`.
    fn in_two(bytes: &[u8], at: usize) -> Result<Checked, DataError> {
        let mut check = Check::new();
        check.feed(&bytes[..at]);
        check.feed(&bytes[at..]);
        check.finish("a.csv")
    }

    #[test]
    fn a_file_checked_in_pieces_gets_the_verdict_of_the_whole() {
        let files: &[&[u8]] = &[
            "id,名称\n1,古塔区\n".as_bytes(),
            "\u{feff}id\r\n二,三\r\n".as_bytes(),
            b"id,\xE5\x90\x8D\xE7\xA7\xB0\n1,\xB9\xC5\xCB\xFE\n",
            b"\xEF\xBB\xBFab\xFF",
            b"id\nab\0c\n\xE5\x90",
            b"id\n\xE5\x90",
            b"\xFF\xFEi\0d\0",
            b"\xFF\xFEi\0d\0,\0\x8C\0\n\0",
            b"PK\x03\x04rest",
            b"PK",
            b"",
            " \n\u{3000}\t".as_bytes(),
            "\u{feff} \n".as_bytes(),
        ];
        for bytes in files {
            let whole = text("a.csv", bytes);
            for at in 0..=bytes.len() {
                let pieces = in_two(bytes, at);
                assert_eq!(pieces.as_ref().err(), whole.as_ref().err(), "{bytes:?} cut at {at}");
                if let (Ok(checked), Ok(text)) = (pieces, &whole) {
                    assert_eq!(checked.blank, text.trim().is_empty(), "{bytes:?}");
                    assert_eq!(checked.line_breaks, text.matches('\n').count() as u64, "{bytes:?}");
                    assert_eq!(std::str::from_utf8(&bytes[checked.start..]).ok(), Some(text.as_str()));
                }
            }
        }
        assert_eq!(into_text("a.csv", "\u{feff}id\n".as_bytes().to_vec()).as_deref(), Ok("id\n"));
    }
}
