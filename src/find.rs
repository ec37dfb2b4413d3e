//! What the portal's search box finds: every region the data has something about (by Chinese
//! name in either script, pinyin from the boundary names index, English name or code) and every
//! indicator (by name in any language or id). Ranking is the map search's ([`Index::find`]).

use crate::data::Dataset;
use crate::map::search::{Entry, Index};

/// A search result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hit {
    /// Index into the dataset's regions.
    Region(usize),
    /// Index into the dataset's indicators.
    Indicator(usize),
}

/// Indicator entries are keyed `i:<id>` so they never meet a region code.
const INDICATOR: &str = "i:";

/// The search index of `dataset`; `names` (the boundary names index) adds pinyin for divisions.
pub fn site_index(dataset: &Dataset, names: Option<&Index>) -> Index {
    let regions = crate::derive::regions_with_data(dataset).into_iter().filter_map(|r| dataset.regions.get(r)).map(|r| {
        let pinyin = names.and_then(|n| n.get(&r.code)).map_or("", |e| e.pinyin.as_str());
        let parent = r.parent.and_then(|p| dataset.regions.get(p)).map_or("", |p| p.code.as_str());
        Entry::new(&r.code, &r.names.zh_hans, pinyin, <&str>::from(r.level), parent, vec![r.names.zh_hant.clone(), r.names.en.clone()])
    });
    let indicators = dataset.indicators.iter().map(|i| {
        let aliases = vec![i.names.zh_hant.clone(), i.names.en.clone(), i.id.clone()];
        Entry::new(&format!("{INDICATOR}{}", i.id), &i.names.zh_hans, "", "indicator", "", aliases)
    });
    Index::from_entries(regions.chain(indicators).collect())
}

/// Up to `limit` results for `query`, best first.
pub fn find(dataset: &Dataset, index: &Index, query: &str, limit: usize) -> Vec<Hit> {
    index
        .find(query, limit)
        .into_iter()
        .filter_map(|e| match e.code.strip_prefix(INDICATOR) {
            Some(id) => dataset.indicator_index(id).map(Hit::Indicator),
            None => dataset.region_index(&e.code).map(Hit::Region),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::package;
    use std::path::Path;

    fn default_data() -> (Dataset, Index) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = root.join("public/data");
        let descriptor = std::fs::read(dir.join("datapackage.json")).expect("descriptor");
        let loaded = package::load("datapackage.json", &descriptor, |f| std::fs::read(dir.join(f)).map_err(|e| crate::data::DataError::unavailable(f, e))).expect("loads");
        let names = std::fs::read_to_string(root.join("public/geo/names.json")).expect("names index");
        (loaded.dataset, Index::parse("names.json", &names).expect("parses"))
    }

    fn first(d: &Dataset, index: &Index, query: &str) -> Option<String> {
        find(d, index, query, 5).first().map(|h| match *h {
            Hit::Region(r) => d.regions[r].code.clone(),
            Hit::Indicator(i) => d.indicators[i].id.clone(),
        })
    }

    #[test]
    fn a_county_is_found_by_chinese_pinyin_english_and_code() {
        let (d, names) = default_data();
        let index = site_index(&d, Some(&names));
        let kangbao = d.regions.iter().find(|r| r.names.zh_hans == "康保县").map(|r| r.code.clone());
        assert!(kangbao.is_some());
        for q in ["康保县", "康保", "kangbao", "Kangbao County", "kbx"] {
            assert_eq!(first(&d, &index, q), kangbao, "{q}");
        }
        assert_eq!(first(&d, &index, kangbao.as_deref().unwrap_or("")), kangbao);
        // Without the names index there is no pinyin (no initials), but names still match.
        let bare = site_index(&d, None);
        assert_eq!(first(&d, &bare, "kbx"), None);
        assert_eq!(first(&d, &bare, "康保"), kangbao);
    }

    #[test]
    fn indicators_are_found_by_name_in_any_language_and_id() {
        let (d, names) = default_data();
        let index = site_index(&d, Some(&names));
        let i = &d.indicators[0];
        for q in [i.names.zh_hans.as_str(), i.names.zh_hant.as_str(), i.names.en.as_str(), i.id.as_str()] {
            assert!(find(&d, &index, q, 10).contains(&Hit::Indicator(0)), "{q}");
        }
    }

    #[test]
    fn only_regions_with_data_are_listed() {
        let (d, _) = default_data();
        let index = site_index(&d, None);
        let with = crate::derive::regions_with_data(&d);
        assert_eq!(index.entries.len(), with.len() + d.indicators.len());
    }
}
