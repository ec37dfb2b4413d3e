//! A ZIP archive of files stored as they are (no compression: the archive is made in the browser
//! from texts already downloaded, and CSV readers only need them together). UTF-8 names are
//! flagged as such, so 中文 file names survive.

/// One file of an archive: its path inside the archive and its bytes.
pub struct Entry<'a> {
    pub path: &'a str,
    pub bytes: &'a [u8],
}

/// The DOS date and time fields of midnight on `year`-`month`-`day`.
fn dos_date(year: u16, month: u8, day: u8) -> (u16, u16) {
    let date = (year.clamp(1980, 2107) - 1980) << 9 | u16::from(month.clamp(1, 12)) << 5 | u16::from(day.clamp(1, 31));
    (date, 0)
}

/// The archive of `entries`, each dated `year`-`month`-`day`.
///
/// Sizes above 4 GiB are not supported (the portal's packages are a few megabytes).
pub fn stored(entries: &[Entry], (year, month, day): (u16, u8, u8)) -> Vec<u8> {
    const UTF8_NAMES: u16 = 1 << 11;
    let (date, time) = dos_date(year, month, day);
    let mut out = Vec::new();
    let mut central = Vec::new();
    for entry in entries {
        let crc = crc32fast::hash(entry.bytes);
        let size = entry.bytes.len() as u32;
        let name = entry.path.as_bytes();
        let offset = out.len() as u32;
        // The fields the local header and the central directory share, from "version needed" on.
        let mut common = Vec::with_capacity(26);
        for v in [20u16, UTF8_NAMES, 0, time, date] {
            common.extend(v.to_le_bytes());
        }
        for v in [crc, size, size] {
            common.extend(v.to_le_bytes());
        }
        common.extend((name.len() as u16).to_le_bytes());
        common.extend(0u16.to_le_bytes()); // extra field length

        out.extend(0x0403_4b50u32.to_le_bytes());
        out.extend(&common);
        out.extend(name);
        out.extend(entry.bytes);

        central.extend(0x0201_4b50u32.to_le_bytes());
        central.extend(20u16.to_le_bytes()); // version made by
        central.extend(&common);
        for v in [0u16, 0, 0] {
            central.extend(v.to_le_bytes()); // comment length, disk, internal attributes
        }
        central.extend(0u32.to_le_bytes()); // external attributes
        central.extend(offset.to_le_bytes());
        central.extend(name);
    }
    let (start, count) = (out.len() as u32, entries.len() as u16);
    out.extend(&central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    for v in [0u16, 0, count, count] {
        out.extend(v.to_le_bytes());
    }
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(start.to_le_bytes());
    out.extend(0u16.to_le_bytes()); // comment length
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
