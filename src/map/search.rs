//! Finding a division by its Chinese name, pinyin (whole or initials), English name or code, in
//! the names index `geo/names.json` built with the boundary files (`tools/geo/prepare.py`).

use serde::Deserialize;

use crate::geo::topojson::GeoError;

/// One division of the index.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub code: String,
    /// The name as the boundary files write it (zh-Hans).
    pub name: String,
    /// Lowercase syllables joined by spaces ("tong liao shi").
    pub pinyin: String,
    /// `province`, `prefecture` or `county`.
    pub level: String,
    pub parent: String,
    /// Other names to match (English, traditional characters), lowercased.
    pub aliases: Vec<String>,
    /// The English name the index gives (provinces), as written.
    pub english: Option<String>,
    /// The pinyin without spaces, and its initials ("tongliaoshi", "tls").
    joined: String,
    initials: String,
}

impl Entry {
    /// An entry; `pinyin` as in the index, `aliases` matched case-insensitively.
    pub fn new(code: &str, name: &str, pinyin: &str, level: &str, parent: &str, aliases: Vec<String>) -> Entry {
        let pinyin = pinyin.to_lowercase();
        Entry {
            code: code.to_owned(),
            name: name.to_owned(),
            joined: pinyin.split_whitespace().collect(),
            initials: pinyin.split_whitespace().filter_map(|s| s.chars().next()).collect(),
            pinyin,
            level: level.to_owned(),
            parent: parent.to_owned(),
            aliases: aliases.into_iter().map(|a| a.to_lowercase()).filter(|a| !a.is_empty()).collect(),
            english: None,
        }
    }
}

#[derive(Deserialize)]
struct File {
    divisions: Vec<Vec<String>>,
}

/// Every division of the index, in code order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Index {
    pub entries: Vec<Entry>,
    by_code: rustc_hash::FxHashMap<String, usize>,
}

/// How well an entry matches: lower is better.
fn rank(entry: &Entry, query: &str, compact: &str) -> Option<u8> {
    if compact.bytes().all(|b| b.is_ascii_digit()) {
        return (entry.code.starts_with(compact)).then_some(if entry.code == compact { 0 } else { 3 });
    }
    let ascii = compact.is_ascii();
    let name = entry.name.as_str();
    if name == query || (ascii && entry.joined == compact) || entry.aliases.iter().any(|a| a == query) {
        return Some(0);
    }
    if name.starts_with(query) || (ascii && entry.joined.starts_with(compact)) || entry.aliases.iter().any(|a| a.starts_with(query)) {
        return Some(1);
    }
    if ascii && compact.len() >= 2 && entry.initials.starts_with(compact) {
        return Some(2);
    }
    if name.contains(query) || entry.aliases.iter().any(|a| a.contains(query)) || (ascii && compact.len() >= 3 && entry.joined.contains(compact)) {
        return Some(4);
    }
    None
}

impl Index {
    /// Reads the names index `file`.
    pub fn parse(file: &str, text: &str) -> Result<Index, GeoError> {
        let fail = |reason: String| GeoError { file: file.to_owned(), reason };
        let parsed: File = serde_json::from_str(text).map_err(|e| fail(format!("line {}, column {}: {e}", e.line(), e.column())))?;
        let mut entries = Vec::with_capacity(parsed.divisions.len());
        for (i, row) in parsed.divisions.iter().enumerate() {
            let [code, name, pinyin, level, parent, rest @ ..] = row.as_slice() else {
                return Err(fail(format!("division {} has {} fields, not at least 5", i + 1, row.len())));
            };
            let mut entry = Entry::new(code, name, pinyin, level, parent, rest.to_vec());
            entry.english = rest.first().cloned();
            entries.push(entry);
        }
        Ok(Index::from_entries(entries))
    }

    /// An index of `entries` (codes unique).
    pub fn from_entries(entries: Vec<Entry>) -> Index {
        let by_code = entries.iter().enumerate().map(|(i, e)| (e.code.clone(), i)).collect();
        Index { entries, by_code }
    }

    /// Adds other names for `code` (the data's English and traditional names, say).
    pub fn alias(&mut self, code: &str, names: impl IntoIterator<Item = String>) {
        if let Some(e) = self.by_code.get(code).and_then(|&i| self.entries.get_mut(i)) {
            e.aliases.extend(names.into_iter().map(|n| n.to_lowercase()).filter(|n| !n.is_empty()));
        }
    }

    /// Up to `limit` entries matching `query`, best first: an exact name, pinyin or code; then a
    /// prefix; then pinyin initials; then anywhere in the name. Provinces before prefectures
    /// before counties among equals.
    pub fn find(&self, query: &str, limit: usize) -> Vec<&Entry> {
        let query = query.trim().to_lowercase();
        let compact: String = query.chars().filter(|c| !c.is_whitespace() && *c != '\'' && *c != '-').collect();
        if compact.is_empty() {
            return Vec::new();
        }
        let tier = |e: &Entry| match e.level.as_str() {
            "province" => 0,
            "prefecture" => 1,
            _ => 2,
        };
        let mut found: Vec<(u8, u8, &Entry)> =
            self.entries.iter().filter_map(|e| rank(e, &query, &compact).map(|r| (r, tier(e), e))).collect();
        // A division named like the one above it (北京市 the prefecture of 北京市) is found once.
        found.retain(|(_, _, e)| self.get(&e.parent).is_none_or(|p| p.name != e.name));
        found.sort_by(|a, b| (a.0, a.1, &a.2.code).cmp(&(b.0, b.1, &b.2.code)));
        found.into_iter().take(limit).map(|(_, _, e)| e).collect()
    }

    /// The entry of `code`.
    pub fn get(&self, code: &str) -> Option<&Entry> {
        self.by_code.get(code).and_then(|&i| self.entries.get(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = r#"{"version":1,"divisions":[
        ["150000","内蒙古自治区","nei meng gu zi zhi qu","province","100000","Inner Mongolia"],
        ["150500","通辽市","tong liao shi","prefecture","150000"],
        ["150521","科尔沁左翼中旗","ke er qin zuo yi zhong qi","county","150500"],
        ["150522","科尔沁左翼后旗","ke er qin zuo yi hou qi","county","150500"],
        ["220500","通化市","tong hua shi","prefecture","220000"],
        ["130722","张北县","zhang bei xian","county","130700"],
        ["110000","北京市","bei jing shi","province","100000","Beijing"],
        ["110100","北京市","bei jing shi","prefecture","110000"]]}"#;

    fn codes(found: Vec<&Entry>) -> Vec<&str> {
        found.into_iter().map(|e| e.code.as_str()).collect()
    }

    #[test]
    fn chinese_names_match_whole_then_in_part() {
        let index = Index::parse("names.json", INDEX).expect("parses");
        assert_eq!(codes(index.find("通辽市", 5)), ["150500"]);
        assert_eq!(codes(index.find("通", 5)), ["150500", "220500"]);
        assert_eq!(codes(index.find("左翼", 5)), ["150521", "150522"]);
    }

    #[test]
    fn pinyin_matches_with_or_without_spaces_and_by_initials() {
        let index = Index::parse("names.json", INDEX).expect("parses");
        assert_eq!(codes(index.find("Tongliao", 5)), ["150500"]);
        assert_eq!(codes(index.find("tong liao", 5)), ["150500"]);
        assert_eq!(codes(index.find("tls", 5)), ["150500"]);
        assert_eq!(codes(index.find("keerqin", 5)), ["150521", "150522"]);
        assert_eq!(codes(index.find("zhangbei", 5)), ["130722"]);
        assert_eq!(codes(index.find("北京", 5)), ["110000"], "the prefecture that repeats its province is found once");
    }

    #[test]
    fn codes_english_names_and_aliases_match() {
        let mut index = Index::parse("names.json", INDEX).expect("parses");
        assert_eq!(codes(index.find("150521", 5)), ["150521"]);
        assert_eq!(codes(index.find("1505", 5)), ["150500", "150521", "150522"]);
        assert_eq!(codes(index.find("inner mongolia", 5)), ["150000"]);
        assert_eq!(index.get("150000").and_then(|e| e.english.as_deref()), Some("Inner Mongolia"));
        index.alias("150521", ["Horqin Left Middle Banner".to_owned(), "科爾沁左翼中旗".to_owned()]);
        assert_eq!(codes(index.find("horqin", 5)), ["150521"]);
        assert_eq!(codes(index.find("科爾沁", 5)), ["150521"]);
        assert!(index.find("   ", 5).is_empty() && index.find("xyz", 5).is_empty());
        assert_eq!(index.find("通", 1).len(), 1);
    }

    #[test]
    fn a_malformed_index_names_the_file_and_the_row() {
        let e = Index::parse("names.json", r#"{"divisions":[["150000","内蒙古自治区"]]}"#).expect_err("short row");
        assert_eq!(e.to_string(), "names.json: division 1 has 2 fields, not at least 5");
        assert!(Index::parse("names.json", "{").is_err_and(|e| e.reason.starts_with("line 1")));
    }
}
