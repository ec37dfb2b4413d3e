//! `gongkai-synth`: writes a SYNTHETIC data package at the scale of the whole country, for
//! benchmarks. Its figures are made up; it is never the portal's default data.
//!
//! ```text
//! gongkai-synth OUT_DIR
//! ```
//!
//! Writes `datapackage.json` (the schema of `public/data/datapackage.json`) and the seven CSV
//! files into `OUT_DIR`: every county-level division of the boundary files whose code can be a
//! county in the data (2,870 of the 2,875: see `divisions`) × 9 years (2012–2020) × 10
//! indicators (relocation only where and when a county relocates people), the yearly national
//! series the overview chart draws, and 500 east→west pairings. The same output every run (a
//! fixed seed and a small hand-written generator). Rows are kept short so that
//! `observations.csv` stays under the largest file the portal reads (20 MiB).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [flag] if flag == "-h" || flag == "--help" => {
            println!("{}", synth::USAGE);
            std::process::ExitCode::SUCCESS
        }
        [dir] if !dir.starts_with('-') => match synth::write(std::path::Path::new(dir)) {
            Ok(summary) => {
                eprintln!("{dir}: {summary}");
                std::process::ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("gongkai-synth: {dir}: {e}");
                std::process::ExitCode::FAILURE
            }
        },
        _ => {
            eprintln!("{}", synth::USAGE);
            std::process::ExitCode::from(2)
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod synth {
    use std::collections::BTreeMap;
    use std::io::Write;
    use std::path::Path;

    pub const USAGE: &str = "usage: gongkai-synth OUT_DIR   (writes a SYNTHETIC data package: datapackage.json and seven CSV files)";

    const NAMES: &str = include_str!("../../public/geo/names.json");
    const DESCRIPTOR: &str = include_str!("../../public/data/datapackage.json");
    const INDICATORS: &str = include_str!("../../public/data/indicators.csv");

    const SEED: u64 = 0x5EED_2012_2020_0500;
    const YEARS: std::ops::RangeInclusive<i32> = 2012..=2020;
    /// The one source's id: short, because every row repeats it (the title says what it is).
    const SOURCE: &str = "syn";
    /// The locator of every row: there is no document to quote.
    const LOCATOR: &str = "合成";
    const PAIRINGS: usize = 500;

    /// The ten indicators every county has a figure of in every year (ids of the default data).
    const COUNTY_INDICATORS: [&str; 10] = [
        "population",
        "poor_persons",
        "poor_households",
        "poverty_exits_persons",
        "poor_persons_in_dibao",
        "relocated_poor_persons",
        "family_doctor_teams",
        "cooperatives_linked",
        "cattle_stock",
        "key_industry_projects",
    ];
    /// The national series the overview chart draws (the country only, at each year's end).
    const NATIONAL_INDICATORS: [&str; 2] = ["rural_poor_population", "rural_poverty_headcount_rate"];

    /// Share of the rural poor in 2012 that is still poor at the end of each year (the shape of
    /// the published national series: 9899, 8249, … 551, 0 万人).
    const REMAINING: [f64; 9] = [1.0, 0.833, 0.709, 0.563, 0.438, 0.308, 0.168, 0.056, 0.0];

    /// SplitMix64: small, fast and good enough for made-up figures.
    struct Rng(u64);

    impl Rng {
        fn new(seed: u64) -> Rng {
            Rng(seed)
        }
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }
        /// Uniform in [a, b).
        fn range(&mut self, a: f64, b: f64) -> f64 {
            a + (b - a) * ((self.next() >> 11) as f64 / (1u64 << 53) as f64)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    /// One division: code, names (简体, 繁體, English), level and parent code.
    struct Division {
        code: String,
        hans: String,
        en: String,
        level: &'static str,
        parent: String,
    }

    /// English name from the index's pinyin: 东城区 "dong cheng qu" → "Dongcheng District".
    fn english(name: &str, pinyin: &str) -> String {
        const SUFFIXES: [(&str, &str); 11] = [
            ("自治县", "Autonomous County"),
            ("自治旗", "Autonomous Banner"),
            ("自治州", "Autonomous Prefecture"),
            ("林区", "Forestry District"),
            ("地区", "Prefecture"),
            ("区", "District"),
            ("县", "County"),
            ("市", "City"),
            ("旗", "Banner"),
            ("盟", "League"),
            ("州", "Prefecture"),
        ];
        let syllables: Vec<&str> = pinyin.split_whitespace().collect();
        let cap = |s: &[&str]| {
            let joined: String = s.concat();
            let mut c = joined.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
        };
        if syllables.len() == name.chars().count() {
            for (zh, en) in SUFFIXES {
                let n = zh.chars().count();
                if name.ends_with(zh) && syllables.len() > n {
                    return format!("{} {en}", cap(&syllables[..syllables.len() - n]));
                }
            }
        }
        cap(&syllables)
    }

    /// The counties of the boundary files whose codes the data format allows at county level,
    /// with the provinces and prefectures above them and the country.
    ///
    /// The county files hold 2,875 divisions. `names.json` lists 2,840 of them as counties and 30
    /// (仙桃市 429004, 五指山市 469001, 石河子市 659001…: governed by their province directly)
    /// as prefectures; they have county-shaped codes and are counties here. The other five have
    /// codes ending in `00` (东莞市 441900, 中山市 442000, 儋州市 460400, 嘉峪关市 620200, and
    /// 台湾省 710000), which the format reserves for provinces and prefectures, so the data
    /// cannot hold them as counties and the county map leaves them without data.
    fn divisions() -> Result<Vec<Division>, String> {
        let index: serde_json::Value = serde_json::from_str(NAMES).map_err(|e| format!("names.json: {e}"))?;
        let rows = index["divisions"].as_array().ok_or("names.json: no divisions")?;
        let mut all: BTreeMap<String, (String, String, String, String, Option<String>)> = BTreeMap::new();
        for row in rows {
            let text = |i: usize| row.get(i).and_then(|v| v.as_str()).unwrap_or_default().to_owned();
            let en = row.get(5).and_then(|v| v.as_str()).map(str::to_owned);
            all.insert(text(0), (text(1), text(2), text(3), text(4), en));
        }
        let county_shaped = |code: &str| !code.ends_with("00");
        let counties: Vec<&String> =
            all.iter().filter(|(code, (_, _, level, _, _))| county_shaped(code) && (level == "county" || level == "prefecture")).map(|(c, _)| c).collect();
        // The provinces and prefectures above them.
        let mut above: BTreeMap<String, &'static str> = BTreeMap::new();
        for code in &counties {
            let parent = &all[*code].3;
            if parent.ends_with("0000") {
                above.insert(parent.clone(), "province");
            } else {
                above.insert(parent.clone(), "prefecture");
                above.insert(all[parent].3.clone(), "province");
            }
        }
        let mut out = vec![Division { code: "100000".into(), hans: "中国".into(), en: "China".into(), level: "country", parent: String::new() }];
        let level_order = |l: &str| if l == "province" { 0 } else { 1 };
        let mut upper: Vec<(&String, &&str)> = above.iter().collect();
        upper.sort_by_key(|(code, level)| (level_order(level), (*code).clone()));
        for (code, level) in upper {
            let (name, pinyin, _, parent, en) = &all[code];
            let en = en.clone().unwrap_or_else(|| english(name, pinyin));
            out.push(Division { code: code.clone(), hans: name.clone(), en, level, parent: parent.clone() });
        }
        for code in counties {
            let (name, pinyin, _, parent, _) = &all[code];
            out.push(Division { code: code.clone(), hans: name.clone(), en: english(name, pinyin), level: "county", parent: parent.clone() });
        }
        Ok(out)
    }

    /// How poor a province's countryside was in 2012 (a rough share, for plausible geography).
    fn base_rate(code: &str) -> f64 {
        match &code[..2] {
            "54" => 0.35,
            "62" => 0.28,
            "52" => 0.26,
            "65" => 0.25,
            "53" | "63" => 0.21,
            "45" => 0.18,
            "61" => 0.15,
            "64" => 0.14,
            "14" => 0.13,
            "51" | "43" | "46" => 0.12,
            "15" | "36" | "42" => 0.10,
            "34" | "41" | "50" => 0.08,
            "13" => 0.07,
            "22" | "23" => 0.06,
            "21" => 0.05,
            "37" => 0.03,
            "35" | "44" => 0.02,
            "32" | "33" => 0.01,
            _ => 0.005,
        }
    }

    /// A county's ten indicators over the nine years, in `COUNTY_INDICATORS` order, and its rural
    /// population by year (for the national headcount rate).
    fn county_figures(code: &str, district: bool) -> ([[f64; 9]; 10], [f64; 9]) {
        let mut rng = Rng::new(SEED ^ code.parse::<u64>().unwrap_or(0).wrapping_mul(0x2545_F491_4F6C_DD1D));
        let population0 = rng.range(40_000f64.ln(), 1_200_000f64.ln()).exp();
        let growth = rng.range(-0.01, 0.012);
        let rural_share = if district { rng.range(0.15, 0.4) } else { rng.range(0.5, 0.85) };
        let rate = (base_rate(code) * rng.range(0.3, 1.8) * if district { 0.3 } else { 1.0 }).min(0.45);
        let household_size = rng.range(2.5, 3.6);
        let dibao_share = rng.range(0.15, 0.35);
        let relocates = rng.range(0.0, 1.0) < (rate * 3.0).min(0.9);
        let relocated_total = if relocates { rng.range(0.05, 0.25) } else { 0.0 };
        let doctors = rng.range(1.0, 4.0);
        let cooperatives = rng.range(0.5, 3.0);
        let pastoral = if matches!(&code[..2], "15" | "54" | "62" | "63" | "65") { 3.0 } else { 1.0 };
        let cattle0 = rng.range(0.01, 0.6) * pastoral;
        let cattle_growth = rng.range(-0.02, 0.06);
        let projects = rng.range(1.0, 8.0) * (1.0 + rate * 5.0);

        let population: Vec<f64> = (0..9).map(|y| population0 * (1.0 + growth).powi(y)).collect();
        let rural: Vec<f64> = population.iter().map(|p| p * rural_share).collect();
        let poor0 = rural[0] * rate;
        // The county's own path down to zero in 2020, never rising.
        let mut remaining = [0.0; 9];
        for y in 0..9 {
            let jittered = REMAINING[y] * rng.range(-0.2, 0.2).exp();
            remaining[y] = if y == 0 { 1.0 } else { jittered.min(remaining[y - 1]) };
        }
        remaining[8] = 0.0;
        let poor: Vec<f64> = remaining.iter().map(|r| (poor0 * r).round()).collect();
        let mut f = [[0.0; 9]; 10];
        for y in 0..9 {
            let before = if y == 0 { (poor0 / 0.85).round() } else { poor[y - 1] };
            let added = if y == 0 { 0.0 } else { (before * rng.range(0.0, 0.04)).round() };
            const RELOCATION: [f64; 9] = [0.0, 0.0, 0.0, 0.0, 0.1, 0.3, 0.3, 0.2, 0.1];
            const PROJECTS: [f64; 9] = [0.4, 0.5, 0.6, 0.8, 1.0, 1.2, 1.3, 1.2, 0.9];
            f[0][y] = population[y].round();
            f[1][y] = poor[y];
            f[2][y] = (poor[y] / household_size).round();
            f[3][y] = before + added - poor[y];
            f[4][y] = (poor[y] * (dibao_share + 0.02 * y as f64)).round();
            f[5][y] = (poor0 * relocated_total * RELOCATION[y]).round();
            f[6][y] = (population0 / 1e5 * doctors * (1.0 + 0.35 * y as f64)).round().max(1.0);
            f[7][y] = (rural[0] / 1e4 * cooperatives * (0.3 + 0.1 * y as f64)).round();
            f[8][y] = (rural[0] * cattle0 * (1.0 + cattle_growth).powi(y as i32)).round();
            f[9][y] = (projects * PROJECTS[y]).round();
        }
        let mut rural_by_year = [0.0; 9];
        rural_by_year.copy_from_slice(&rural);
        (f, rural_by_year)
    }

    /// East→west pairings in the pattern of 东西部扶贫协作 (provinces: assisting → assisted).
    const EAST_WEST: [(&str, &str); 14] = [
        ("11", "15"),
        ("11", "13"),
        ("12", "62"),
        ("12", "13"),
        ("31", "53"),
        ("31", "52"),
        ("32", "61"),
        ("32", "63"),
        ("33", "51"),
        ("33", "52"),
        ("35", "64"),
        ("37", "50"),
        ("37", "62"),
        ("44", "45"),
    ];

    fn csv_writer(dir: &Path, name: &str) -> std::io::Result<csv::Writer<std::io::BufWriter<std::fs::File>>> {
        let file = std::fs::File::create(dir.join(name))?;
        Ok(csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(std::io::BufWriter::new(file)))
    }

    /// The header of `resource` as the descriptor's schema lists it.
    fn header(descriptor: &serde_json::Value, resource: &str) -> Vec<String> {
        descriptor["resources"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|r| r["name"] == resource)
            .and_then(|r| r["schema"]["fields"].as_array())
            .map(|fields| fields.iter().filter_map(|f| f["name"].as_str().map(str::to_owned)).collect())
            .unwrap_or_default()
    }

    /// A number as the CSV holds it: integers without a decimal point.
    fn number(v: f64) -> String {
        if v.fract() == 0.0 {
            format!("{v:.0}")
        } else {
            format!("{v}")
        }
    }

    const TITLE: &str = "合成数据（非真实数字）· 合成數據（非真實數字）· SYNTHETIC — not real figures";

    /// Writes the package into `dir`; returns a one-line summary.
    pub fn write(dir: &Path) -> Result<String, Box<dyn std::error::Error>> {
        std::fs::create_dir_all(dir)?;
        let divisions = divisions()?;
        let mut descriptor: serde_json::Value = serde_json::from_str(DESCRIPTOR)?;
        let headers: Vec<(&str, Vec<String>)> =
            ["regions", "sources", "indicators", "pairings", "observations", "funds", "commitments"].into_iter().map(|r| (r, header(&descriptor, r))).collect();
        let head = |r: &str| headers.iter().find(|(n, _)| *n == r).map(|(_, h)| h.clone()).unwrap_or_default();

        // regions.csv: names in 繁體 are the 简体 names (not converted; see the source's note).
        let mut w = csv_writer(dir, "regions.csv")?;
        w.write_record(head("regions"))?;
        for d in &divisions {
            let note: [&str; 3] = if d.level == "country" {
                ["本数据包为合成数据，全部数字均为虚构，不是真实数字。", "本數據包為合成數據，全部數字均為虛構，不是真實數字。", "This package is SYNTHETIC: every figure is made up, not a real figure."]
            } else {
                ["", "", ""]
            };
            w.write_record([d.code.as_str(), &d.hans, &d.hans, &d.en, d.level, &d.parent, note[0], note[1], note[2]])?;
        }
        w.flush()?;

        // sources.csv: one source, which says what it is.
        let mut w = csv_writer(dir, "sources.csv")?;
        w.write_record(head("sources"))?;
        w.write_record([
            SOURCE,
            TITLE,
            "gongkai-synth",
            "",
            "100000",
            "",
            "",
            "zh-Hans",
            "statistics",
            "合成数据：由 gongkai-synth 按固定种子生成，用于性能测试，不是真实数字，不得引用。繁体名称未经转换（与简体相同）；英文名称由拼音生成。",
            "合成數據：由 gongkai-synth 按固定種子生成，用於性能測試，不是真實數字，不得引用。繁體名稱未經轉換（與簡體相同）；英文名稱由拼音生成。",
            "SYNTHETIC data generated by gongkai-synth from a fixed seed for performance tests: not real figures, never to be cited. Traditional Chinese names are not converted (they repeat the Simplified ones); English names are made from pinyin.",
        ])?;
        w.flush()?;

        // indicators.csv: the default data's rows for the twelve ids, as they are.
        let mut w = csv_writer(dir, "indicators.csv")?;
        w.write_record(head("indicators"))?;
        let wanted: Vec<&str> = COUNTY_INDICATORS.iter().chain(NATIONAL_INDICATORS.iter()).copied().collect();
        let mut reader = csv::Reader::from_reader(INDICATORS.as_bytes());
        let mut found = 0;
        for record in reader.records() {
            let record = record?;
            if wanted.contains(&record.get(0).unwrap_or_default()) {
                w.write_record(&record)?;
                found += 1;
            }
        }
        if found != wanted.len() {
            return Err(format!("public/data/indicators.csv has {found} of the {} indicators", wanted.len()).into());
        }
        let units: BTreeMap<String, String> = csv::Reader::from_reader(INDICATORS.as_bytes())
            .records()
            .filter_map(Result::ok)
            .map(|r| (r.get(0).unwrap_or_default().to_owned(), r.get(4).unwrap_or_default().to_owned()))
            .collect();
        w.flush()?;

        // observations.csv: every county × indicator × year, then the national series.
        let path = dir.join("observations.csv");
        let counties: Vec<&Division> = divisions.iter().filter(|d| d.level == "county").collect();
        let mut w = csv_writer(dir, "observations.csv")?;
        w.write_record(head("observations"))?;
        let mut n = 0usize;
        let mut poor_total = [0.0; 9];
        let mut rural_total = [0.0; 9];
        for county in &counties {
            let (figures, rural) = county_figures(&county.code, county.hans.ends_with('区'));
            for (i, id) in COUNTY_INDICATORS.iter().enumerate() {
                for (y, year) in YEARS.enumerate() {
                    // Counties report relocation only in the years they relocate people.
                    if *id == "relocated_poor_persons" && figures[i][y] == 0.0 {
                        continue;
                    }
                    n += 1;
                    let row = [&format!("o{n}"), county.code.as_str(), id, &year.to_string(), &number(figures[i][y]), &units[*id], "exact", "actual", SOURCE, LOCATOR];
                    w.write_record(row.iter().map(|s| s.as_bytes()).chain(std::iter::repeat_n(&b""[..], 7)))?;
                }
            }
            for y in 0..9 {
                poor_total[y] += figures[1][y];
                rural_total[y] += rural[y];
            }
        }
        let notes = [
            "合成数据：各区县合成的建档立卡贫困人口之和，不是真实数字。",
            "合成數據：各區縣合成的建檔立卡貧困人口之和，不是真實數字。",
            "SYNTHETIC: the sum of the counties' made-up registered poor, not a real figure.",
        ];
        for (y, year) in YEARS.enumerate() {
            let rate = (poor_total[y] / rural_total[y] * 1000.0).round() / 10.0;
            for (id, value) in [(NATIONAL_INDICATORS[0], poor_total[y]), (NATIONAL_INDICATORS[1], rate)] {
                n += 1;
                let period = format!("{year}-12");
                let v = number(value);
                w.write_record([&format!("o{n}"), "100000", id, &period, &v, &units[id], "exact", "actual", SOURCE, LOCATOR, "", "", "", "", notes[0], notes[1], notes[2]])?;
            }
        }
        w.flush()?;
        drop(w);
        let size = std::fs::metadata(&path)?.len();
        if size > gongkai::data::decode::MAX_BYTES {
            return Err(format!("observations.csv is {size} bytes, more than the portal reads ({})", gongkai::data::decode::MAX_BYTES).into());
        }

        // pairings.csv: 500 distinct assisted counties, each with an assisting county in the east.
        let mut rng = Rng::new(SEED);
        let in_province = |p: &str| counties.iter().filter(|c| c.code.starts_with(p)).map(|c| c.code.as_str()).collect::<Vec<_>>();
        let pools: Vec<(Vec<&str>, Vec<&str>)> = EAST_WEST.iter().map(|(e, west)| (in_province(e), in_province(west))).collect();
        let mut assisted = std::collections::BTreeSet::new();
        let mut w = csv_writer(dir, "pairings.csv")?;
        w.write_record(head("pairings"))?;
        let mut k = 0;
        while assisted.len() < PAIRINGS {
            let (east, west) = &pools[k % pools.len()];
            k += 1;
            let to = west[rng.below(west.len())];
            if !assisted.insert(to) {
                continue;
            }
            let from = east[rng.below(east.len())];
            let id = format!("p{:03}", assisted.len());
            w.write_record([id.as_str(), from, to, "2016/2020", "east_west", "", "", "", SOURCE, LOCATOR, "", "", ""])?;
        }
        w.flush()?;

        // funds.csv and commitments.csv: none.
        for name in ["funds", "commitments"] {
            let mut w = csv_writer(dir, &format!("{name}.csv"))?;
            w.write_record(head(name))?;
            w.flush()?;
        }

        // datapackage.json: the published schema, with this package's name and description.
        let object = descriptor.as_object_mut().ok_or("datapackage.json is not an object")?;
        object.remove("gongkai:stories");
        object.insert("name".into(), "gongkai-synthetic-scale".into());
        object.insert(
            "title".into(),
            format!("{TITLE}: {} counties × 9 years × 10 indicators, {PAIRINGS} pairings (gongkai-synth)", counties.len()).into(),
        );
        object.insert(
            "description".into(),
            "合成数据，全部数字均为虚构，仅用于性能测试，不是真实数字。 合成數據，全部數字均為虛構，僅用於性能測試，不是真實數字。 SYNTHETIC: every figure is made up by gongkai-synth (fixed seed) for performance tests; none is real. Format: docs/data-format.md."
                .into(),
        );
        object.insert("licenses".into(), serde_json::json!([{ "name": "CC0-1.0", "title": "Synthetic data generated by gongkai-synth" }]));
        let mut file = std::fs::File::create(dir.join("datapackage.json"))?;
        file.write_all(serde_json::to_string_pretty(&descriptor)?.as_bytes())?;
        file.write_all(b"\n")?;

        Ok(format!("{} regions ({} counties), {} observations, {PAIRINGS} pairings — SYNTHETIC", divisions.len(), counties.len(), n))
    }

    #[cfg(test)]
    mod tests {
        use super::english;

        #[test]
        fn english_names_come_from_pinyin() {
            assert_eq!(english("东城区", "dong cheng qu"), "Dongcheng District");
            assert_eq!(english("峨边彝族自治县", "e bian yi zu zi zhi xian"), "Ebianyizu Autonomous County");
            assert_eq!(english("区", "qu"), "Qu");
        }
    }
}
