// Shared by the native and the in-browser benchmarks: the base fixture with a generated
// observations.csv of `rows` valid rows, as the texts `package::read` takes.

use std::collections::HashMap;

const DESCRIPTOR: &str = include_str!("../../public/data/datapackage.json");
const BASE: [(&str, &str); 6] = [
    ("regions.csv", include_str!("../fixtures/base/regions.csv")),
    ("sources.csv", include_str!("../fixtures/base/sources.csv")),
    ("indicators.csv", include_str!("../fixtures/base/indicators.csv")),
    ("pairings.csv", include_str!("../fixtures/base/pairings.csv")),
    ("funds.csv", include_str!("../fixtures/base/funds.csv")),
    ("commitments.csv", include_str!("../fixtures/base/commitments.csv")),
];

/// The descriptor text and every CSV by path, with `rows` generated observations.
pub fn package(rows: usize) -> (&'static str, HashMap<String, String>) {
    let mut files: HashMap<String, String> = BASE.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let mut csv = String::with_capacity(rows * 140);
    csv.push_str("id,region,indicator,period,value,unit,qualifier,status,source,locator,as_written,part_of,breakdown,pairing,note_zh_hans,note_zh_hant,note_en\n");
    let regions = ["131000", "220503", "130723"];
    for i in 0..rows {
        let value = 100 + i % 9000;
        let (region, year, month) = (regions[i % 3], 2010 + i % 11, 1 + i % 12);
        csv.push_str(&format!(
            "g{i},{region},poor_persons,{year}-{month:02},{value},persons,exact,actual,s1,全区现有建档立卡农村贫困人口{value}人,{value}人,,,,,,\n"
        ));
    }
    files.insert("observations.csv".into(), csv);
    (DESCRIPTOR, files)
}
