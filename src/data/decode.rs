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

/// The line and column (both from 1, columns in characters) of byte `at` of `bytes`, which are
/// valid UTF-8 up to `at`.
fn position(bytes: &[u8], at: usize) -> (u64, u64) {
    let before = &bytes[..at];
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count() as u64;
    let column = 1 + String::from_utf8_lossy(&before[line_start..]).chars().count() as u64;
    (line, column)
}

/// The text of the file `file`, whose bytes are `bytes`.
pub fn text(file: &str, bytes: &[u8]) -> Result<String, DataError> {
    let whole = |reason| DataError::new(file, Place::File, None, reason);
    let size = bytes.len() as u64;
    if size > MAX_BYTES {
        return Err(whole(Reason::TooLarge { bytes: Some(size) }));
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(whole(Reason::Utf16));
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(whole(Reason::NotText(kind)));
    }
    let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let offset = bytes.len() - body.len();
    match std::str::from_utf8(body) {
        Ok(text) => match text.find('\0') {
            Some(at) => {
                let (line, column) = position(bytes, offset + at);
                Err(DataError::new(file, Place::Line { line, column }, None, Reason::NotText("nul")))
            }
            None => Ok(text.to_owned()),
        },
        Err(e) => {
            let at = offset + e.valid_up_to();
            let (line, column) = position(bytes, at);
            let shown = bytes[at..].iter().take(e.error_len().unwrap_or(1)).map(|b| format!("{b:02X}")).collect::<Vec<_>>().join(" ");
            Err(DataError::new(file, Place::Line { line, column }, Some(&shown), Reason::NotUtf8))
        }
    }
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
}
