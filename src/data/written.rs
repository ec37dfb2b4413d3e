//! Reads a figure as printed in a Chinese document (`1000余万元`, `1.97亿元`, `90%以上`, `五万元以下`)
//! into its value in base units and its qualifier, so the checker can confirm that a row's `value`
//! and `qualifier` say what the document says.

use super::Qualifier;

/// The value (in base units) and qualifier of a printed figure, or `None` if it has no number.
///
/// Grammar: `[约|近|超过|不到] [words] number [余|多] [万|亿] [%] unit-word… [以上|以内|以下|左右]`, where
/// `number` is Arabic digits (with a decimal point) or Chinese numerals up to 千. Simplified and
/// traditional characters are both read. The unit word is not checked: `3819.74万人` reads as
/// 38 197 400 whatever it counts.
pub fn read(text: &str) -> Option<(f64, Qualifier)> {
    let compact: String;
    let text = if text.contains(|c: char| c.is_whitespace() || c == ',') {
        compact = text.chars().filter(|c| !c.is_whitespace() && *c != ',').collect();
        compact.as_str()
    } else {
        text
    };
    let (mut qualifier, mut rest) = strip_prefix(text);
    // Words may stand between a leading qualifier and an Arabic number (超过省定标准的2倍).
    let (mut value, after) = arabic(rest).or_else(|| chinese(rest)).or_else(|| arabic(&rest[rest.find(|c: char| c.is_ascii_digit())?..]))?;
    rest = after;

    if let Some(after) = strip_any(rest, &["余", "餘", "多"]) {
        qualifier = Qualifier::MoreThan;
        rest = after;
    }
    if let Some(after) = strip_any(rest, &["万亿", "萬億"]) {
        value *= 1e12;
        rest = after;
    } else if let Some(after) = strip_any(rest, &["万", "萬"]) {
        value *= 1e4;
        rest = after;
    } else if let Some(after) = strip_any(rest, &["亿", "億"]) {
        value *= 1e8;
        rest = after;
    }
    for (suffix, q) in SUFFIXES {
        if rest.ends_with(suffix) {
            qualifier = *q;
            break;
        }
    }
    Some((round(value), qualifier))
}

const SUFFIXES: &[(&str, Qualifier)] = &[
    ("以上", Qualifier::AtLeast),
    ("以内", Qualifier::AtMost),
    ("以內", Qualifier::AtMost),
    ("以下", Qualifier::AtMost),
    ("左右", Qualifier::About),
];

fn strip_prefix(text: &str) -> (Qualifier, &str) {
    for (prefix, q) in [("超过", Qualifier::MoreThan), ("超過", Qualifier::MoreThan), ("不到", Qualifier::AtMost), ("约", Qualifier::About), ("約", Qualifier::About), ("近", Qualifier::About)] {
        if let Some(rest) = text.strip_prefix(prefix) {
            return (q, rest);
        }
    }
    (Qualifier::Exact, text)
}

fn strip_any<'a>(text: &'a str, prefixes: &[&str]) -> Option<&'a str> {
    prefixes.iter().find_map(|p| text.strip_prefix(p))
}

/// Arabic digits with an optional decimal part, and what follows them.
fn arabic(text: &str) -> Option<(f64, &str)> {
    let end = text.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(text.len());
    let digits = &text[..end];
    if !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let value = digits.trim_end_matches('.').parse().ok()?;
    Some((value, &text[digits.trim_end_matches('.').len()..]))
}

/// Chinese numerals below 一万 (`五`, `两`, `十二`, `三百五十`), and what follows them.
fn chinese(text: &str) -> Option<(f64, &str)> {
    let mut total = 0u32;
    let mut digit: Option<u32> = None;
    let mut used = 0;
    for c in text.chars() {
        let d = match c {
            '零' | '〇' => Some(0),
            '一' => Some(1),
            '二' | '两' | '兩' => Some(2),
            '三' => Some(3),
            '四' => Some(4),
            '五' => Some(5),
            '六' => Some(6),
            '七' => Some(7),
            '八' => Some(8),
            '九' => Some(9),
            _ => None,
        };
        let place = match c {
            '十' => Some(10),
            '百' => Some(100),
            '千' => Some(1000),
            _ => None,
        };
        match (d, place) {
            (Some(d), _) => digit = Some(d),
            (_, Some(p)) => total += digit.take().unwrap_or(1) * p,
            _ => break,
        }
        used += c.len_utf8();
    }
    (used > 0).then(|| (f64::from(total + digit.unwrap_or(0)), &text[used..]))
}

/// Removes the binary noise of multiplying decimals (1.97 × 1e8 = 197000000.00000003).
fn round(value: f64) -> f64 {
    (value * 1e4).round() / 1e4
}

#[cfg(test)]
mod tests {
    use super::*;
    use Qualifier::*;

    #[test]
    fn reads_figures_as_printed_in_the_seed_documents() {
        let cases: &[(&str, f64, Qualifier)] = &[
            ("1000余万元", 10_000_000.0, MoreThan),
            ("600万元", 6_000_000.0, Exact),
            ("1.97亿元", 197_000_000.0, Exact),
            ("14.47亿元", 1_447_000_000.0, Exact),
            ("19721 万元", 197_210_000.0, Exact),
            ("3819.74万人", 38_197_400.0, Exact),
            ("233户", 233.0, Exact),
            ("1.06万户", 10_600.0, Exact),
            ("90%以上", 90.0, AtLeast),
            ("95%以上", 95.0, AtLeast),
            ("10%以内", 10.0, AtMost),
            ("4000元左右", 4000.0, About),
            ("3000元以上", 3000.0, AtLeast),
            ("400余人", 400.0, MoreThan),
            ("近400家", 400.0, About),
            ("五万元以下", 50_000.0, AtMost),
            ("三年期以內", 3.0, AtMost),
            ("两个", 2.0, Exact),
            ("十二项", 12.0, Exact),
            ("三百五十人", 350.0, Exact),
            ("12.2萬元", 122_000.0, Exact),
            ("50餘項", 50.0, MoreThan),
            ("458.9畝", 458.9, Exact),
            ("7.53万人次", 75_300.0, Exact),
            ("2倍", 2.0, Exact),
            ("超过省定标准的2倍", 2.0, MoreThan),
        ];
        for (text, value, qualifier) in cases {
            assert_eq!(read(text), Some((*value, *qualifier)), "{text}");
        }
    }

    #[test]
    fn text_without_a_number_reads_as_nothing() {
        assert_eq!(read("余万元"), None);
        assert_eq!(read(""), None);
        assert_eq!(read("元"), None);
    }
}
