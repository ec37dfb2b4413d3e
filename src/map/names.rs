//! A division's name in the reader's language. The boundary files name divisions in 简体中文;
//! the data package's own regions carry 繁體 and English names, the names index carries pinyin
//! (and English for provinces). Other divisions are named in English from their pinyin, the way
//! China's place names are romanised: 通辽市 Tongliao, 张北县 Zhangbei County, 大厂回族自治县
//! Dachang Hui Autonomous County.

use crate::i18n::Locale;

/// Generic endings of division names and their English words, longest first. `市` is left
/// unnamed for prefectures (通辽市 is "Tongliao") and is "City" for a county-level city.
const ENDINGS: [(&str, &str); 12] = [
    ("自治县", "Autonomous County"),
    ("自治旗", "Autonomous Banner"),
    ("自治州", "Autonomous Prefecture"),
    ("地区", "Prefecture"),
    ("林区", "Forestry District"),
    ("特区", "Special District"),
    ("新区", "New Area"),
    ("市", "City"),
    ("县", "County"),
    ("区", "District"),
    ("旗", "Banner"),
    ("盟", "League"),
];

/// The officially recognised ethnic groups as they appear in autonomous divisions' names.
const PEOPLES: [(&str, &str); 55] = [
    ("蒙古", "Mongol"), ("回", "Hui"), ("藏", "Tibetan"), ("维吾尔", "Uyghur"), ("苗", "Miao"), ("彝", "Yi"),
    ("壮", "Zhuang"), ("布依", "Bouyei"), ("朝鲜", "Korean"), ("满", "Manchu"), ("侗", "Dong"), ("瑶", "Yao"),
    ("白", "Bai"), ("土家", "Tujia"), ("哈尼", "Hani"), ("哈萨克", "Kazakh"), ("傣", "Dai"), ("黎", "Li"),
    ("傈僳", "Lisu"), ("佤", "Va"), ("畲", "She"), ("高山", "Gaoshan"), ("拉祜", "Lahu"), ("水", "Sui"),
    ("东乡", "Dongxiang"), ("纳西", "Naxi"), ("景颇", "Jingpo"), ("柯尔克孜", "Kyrgyz"), ("土", "Tu"), ("达斡尔", "Daur"),
    ("仫佬", "Mulao"), ("羌", "Qiang"), ("布朗", "Blang"), ("撒拉", "Salar"), ("毛南", "Maonan"), ("仡佬", "Gelao"),
    ("锡伯", "Xibe"), ("阿昌", "Achang"), ("普米", "Pumi"), ("塔吉克", "Tajik"), ("怒", "Nu"), ("乌孜别克", "Uzbek"),
    ("俄罗斯", "Russian"), ("鄂温克", "Evenki"), ("德昂", "De'ang"), ("保安", "Bonan"), ("裕固", "Yugur"), ("京", "Gin"),
    ("塔塔尔", "Tatar"), ("独龙", "Derung"), ("鄂伦春", "Oroqen"), ("赫哲", "Hezhen"), ("门巴", "Monba"), ("珞巴", "Lhoba"),
    ("基诺", "Jino"),
];

/// Syllables run together with a capital: "tong liao" → "Tongliao".
fn romanise(syllables: &[&str]) -> String {
    let joined: String = syllables.concat();
    let mut chars = joined.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect::<String>()).unwrap_or_default().replace('v', "ü")
}

/// An English name from the Chinese `name`, its `pinyin` (one syllable per character, as in the
/// names index) and its `level` (`province`, `prefecture`, `county`). `None` when the pinyin does
/// not match the name.
pub fn english(name: &str, pinyin: &str, level: &str) -> Option<String> {
    let syllables: Vec<&str> = pinyin.split_whitespace().collect();
    let chars: Vec<char> = name.chars().collect();
    if syllables.len() != chars.len() || chars.is_empty() {
        return None;
    }
    let mut rest = chars.len();
    let ending = ENDINGS.iter().find(|(zh, _)| name.ends_with(zh)).map(|(zh, en)| {
        rest -= zh.chars().count();
        if *zh == "市" && level != "county" {
            ""
        } else {
            en
        }
    });
    // Peoples named before 自治…, last first: 恩施土家族苗族自治州.
    let mut peoples = Vec::new();
    if ending.is_some_and(|e| e.starts_with("Autonomous")) {
        loop {
            let head: String = chars[..rest].iter().collect();
            let Some(stem) = head.strip_suffix('族') else { break };
            let Some((zh, en)) = PEOPLES.iter().filter(|(zh, _)| stem.ends_with(zh)).max_by_key(|(zh, _)| zh.len()) else { break };
            rest -= zh.chars().count() + 1;
            peoples.insert(0, *en);
        }
    }
    if rest == 0 {
        // The name is all ending (no place name before it): say it whole.
        return Some(romanise(&syllables));
    }
    let mut words = vec![romanise(&syllables[..rest])];
    if !peoples.is_empty() {
        words.push(peoples.join(" and "));
    }
    words.extend(ending.filter(|e| !e.is_empty()).map(str::to_owned));
    Some(words.join(" "))
}

/// What a division is called in `locale`: the data's own name for it if the data has one, then the
/// names index's English (provinces) or one made from pinyin; in Chinese the boundary file's name
/// (繁體 only where the data gives it).
pub fn localized(
    locale: Locale,
    boundary_name: &str,
    data: Option<&crate::data::Localized>,
    index: Option<&super::search::Entry>,
) -> String {
    let from_data = data.map(|n| n.get(locale)).filter(|n| !n.is_empty());
    match locale {
        Locale::ZhHans => boundary_name.to_owned(),
        Locale::ZhHant => from_data.unwrap_or(boundary_name).to_owned(),
        Locale::En => from_data
            .map(str::to_owned)
            .or_else(|| index.and_then(|e| e.english.clone()))
            .or_else(|| index.and_then(|e| english(&e.name, &e.pinyin, &e.level)))
            .unwrap_or_else(|| boundary_name.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefectures_drop_shi_and_counties_say_what_they_are() {
        assert_eq!(english("通辽市", "tong liao shi", "prefecture").as_deref(), Some("Tongliao"));
        assert_eq!(english("三河市", "san he shi", "county").as_deref(), Some("Sanhe City"));
        assert_eq!(english("张北县", "zhang bei xian", "county").as_deref(), Some("Zhangbei County"));
        assert_eq!(english("黄岛区", "huang dao qu", "county").as_deref(), Some("Huangdao District"));
        assert_eq!(english("扎鲁特旗", "zha lu te qi", "county").as_deref(), Some("Zhalute Banner"));
        assert_eq!(english("锡林郭勒盟", "xi lin guo le meng", "prefecture").as_deref(), Some("Xilinguole League"));
        assert_eq!(english("吕梁市", "lv liang shi", "prefecture").as_deref(), Some("Lüliang"));
    }

    #[test]
    fn autonomous_divisions_name_their_peoples() {
        assert_eq!(english("大厂回族自治县", "da chang hui zu zi zhi xian", "county").as_deref(), Some("Dachang Hui Autonomous County"));
        assert_eq!(
            english("恩施土家族苗族自治州", "en shi tu jia zu miao zu zi zhi zhou", "prefecture").as_deref(),
            Some("Enshi Tujia and Miao Autonomous Prefecture")
        );
        assert_eq!(english("莫力达瓦达斡尔族自治旗", "mo li da wa da wo er zu zi zhi qi", "county").as_deref(), Some("Molidawa Daur Autonomous Banner"));
    }

    #[test]
    fn a_name_that_does_not_match_its_pinyin_is_not_guessed() {
        assert_eq!(english("通辽市", "tong liao", "prefecture"), None);
        assert_eq!(english("", "", "county"), None);
    }

    #[test]
    fn the_data_names_first_then_the_index() {
        let data = crate::data::Localized { zh_hans: "科尔沁左翼中旗".into(), zh_hant: "科爾沁左翼中旗".into(), en: "Horqin Left Middle Banner".into() };
        let entry = super::super::search::Entry::new("150521", "科尔沁左翼中旗", "ke er qin zuo yi zhong qi", "county", "150500", vec![]);
        assert_eq!(localized(Locale::En, "科尔沁左翼中旗", Some(&data), Some(&entry)), "Horqin Left Middle Banner");
        assert_eq!(localized(Locale::ZhHant, "科尔沁左翼中旗", Some(&data), Some(&entry)), "科爾沁左翼中旗");
        assert_eq!(localized(Locale::ZhHans, "科尔沁左翼中旗", Some(&data), Some(&entry)), "科尔沁左翼中旗");
        assert_eq!(localized(Locale::En, "科尔沁左翼中旗", None, Some(&entry)), "Keerqinzuoyizhong Banner");
        assert_eq!(localized(Locale::ZhHant, "通辽市", None, None), "通辽市", "no 繁體 without the data's");
        assert_eq!(localized(Locale::En, "通辽市", None, None), "通辽市", "no pinyin yet: the boundary name");
    }
}
