//! A ZIP archive of files stored as they are (no compression: the archive is made in the browser
//! from the files as published, and CSV readers only need them together). UTF-8 names are
//! flagged as such, so 中文 file names survive. The headers need only each file's size and CRC-32
//! ([`layout`]), so the browser can put the archive together from bytes it holds outside the
//! portal's memory.

/// One file of an archive: its path inside the archive and its bytes.
pub struct Entry<'a> {
    pub path: &'a str,
    pub bytes: &'a [u8],
}

/// What an archive's headers say of a file: its path inside the archive, CRC-32 and size.
pub struct Header<'a> {
    pub path: &'a str,
    pub crc: u32,
    pub size: u32,
}

/// The DOS date and time fields of midnight on `year`-`month`-`day`.
fn dos_date(year: u16, month: u8, day: u8) -> (u16, u16) {
    let date = (year.clamp(1980, 2107) - 1980) << 9 | u16::from(month.clamp(1, 12)) << 5 | u16::from(day.clamp(1, 31));
    (date, 0)
}

/// The archive of files described by `headers`, each dated `year`-`month`-`day`, without their
/// bytes: the header to write before each file's bytes, and what follows the last file (the
/// central directory). The bytes need not be at hand to lay the archive out.
///
/// Sizes above 4 GiB are not supported (the portal's packages are a few megabytes).
pub fn layout(headers: &[Header], (year, month, day): (u16, u8, u8)) -> (Vec<Vec<u8>>, Vec<u8>) {
    const UTF8_NAMES: u16 = 1 << 11;
    let (date, time) = dos_date(year, month, day);
    let mut locals = Vec::with_capacity(headers.len());
    let mut offset = 0u32;
    let mut central = Vec::new();
    for header in headers {
        let name = header.path.as_bytes();
        // The fields the local header and the central directory share, from "version needed" on.
        let mut common = Vec::with_capacity(26);
        for v in [20u16, UTF8_NAMES, 0, time, date] {
            common.extend(v.to_le_bytes());
        }
        for v in [header.crc, header.size, header.size] {
            common.extend(v.to_le_bytes());
        }
        common.extend((name.len() as u16).to_le_bytes());
        common.extend(0u16.to_le_bytes()); // extra field length

        let mut local = Vec::with_capacity(4 + common.len() + name.len());
        local.extend(0x0403_4b50u32.to_le_bytes());
        local.extend(&common);
        local.extend(name);

        central.extend(0x0201_4b50u32.to_le_bytes());
        central.extend(20u16.to_le_bytes()); // version made by
        central.extend(&common);
        for v in [0u16, 0, 0] {
            central.extend(v.to_le_bytes()); // comment length, disk, internal attributes
        }
        central.extend(0u32.to_le_bytes()); // external attributes
        central.extend(offset.to_le_bytes());
        central.extend(name);
        offset += local.len() as u32 + header.size;
        locals.push(local);
    }
    let (start, count, length) = (offset, headers.len() as u16, central.len() as u32);
    central.extend(0x0605_4b50u32.to_le_bytes());
    for v in [0u16, 0, count, count] {
        central.extend(v.to_le_bytes());
    }
    central.extend(length.to_le_bytes());
    central.extend(start.to_le_bytes());
    central.extend(0u16.to_le_bytes()); // comment length
    (locals, central)
}

/// The archive of `entries`, each dated `year`-`month`-`day` (see [`layout`]).
pub fn stored(entries: &[Entry], date: (u16, u8, u8)) -> Vec<u8> {
    let headers: Vec<Header> = entries.iter().map(|e| Header { path: e.path, crc: crc32fast::hash(e.bytes), size: e.bytes.len() as u32 }).collect();
    let (locals, end) = layout(&headers, date);
    let mut out = Vec::new();
    for (local, entry) in locals.iter().zip(entries) {
        out.extend(local);
        out.extend(entry.bytes);
    }
    out.extend(end);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn a_standard_reader_reads_every_file_back() {
        let files = [("包/datapackage.json", "{\"name\":\"x\"}".as_bytes()), ("包/observations.csv", "\u{feff}a,b\r\n1,二\r\n".as_bytes()), ("empty.txt", b"")];
        let entries: Vec<Entry> = files.iter().map(|(path, bytes)| Entry { path, bytes }).collect();
        let bytes = stored(&entries, (2026, 11, 24));
        let mut archive = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a valid archive");
        assert_eq!(archive.len(), files.len());
        for (path, content) in files {
            let mut file = archive.by_name(path).expect("the file is there");
            let mut read = Vec::new();
            file.read_to_end(&mut read).expect("reads, checking the CRC");
            assert_eq!(read, content, "{path}");
            let modified = file.last_modified().expect("a date");
            assert_eq!((modified.year(), modified.month(), modified.day()), (2026, 11, 24));
        }
    }
}
