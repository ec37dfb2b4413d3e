//! Number and amount formatting. Chinese amounts use 万 and 亿; English uses thousand, million and
//! billion. A chart picks one [`Scale`] for all its values so that one unit label serves the chart.

use crate::data::period::{Date, Period};
use crate::data::{Qualifier, Unit};
use crate::labels;
use crate::i18n::{tr, tr_args, Locale};

/// The unit multiplier an amount of yuan is shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    One,
    Thousand,
    Wan,
    Million,
    Yi,
    Billion,
    /// 万亿 (10¹²).
    WanYi,
    Trillion,
}

impl Scale {
    /// How many base units one shown unit stands for.
    pub fn factor(self) -> f64 {
        match self {
            Scale::One => 1.0,
            Scale::Thousand => 1e3,
            Scale::Wan => 1e4,
            Scale::Million => 1e6,
            Scale::Yi => 1e8,
            Scale::Billion => 1e9,
            Scale::WanYi | Scale::Trillion => 1e12,
        }
    }

    /// The readable scale for amounts up to `max_abs` in `locale`: the largest scale in which
    /// `max_abs` is at least 1, from 元/万/亿/万亿 in Chinese and one/thousand/million/billion/trillion
    /// in English.
    pub fn for_max(max_abs: f64, locale: Locale) -> Scale {
        let ladder: &[Scale] = match locale {
            Locale::ZhHans | Locale::ZhHant => &[Scale::WanYi, Scale::Yi, Scale::Wan, Scale::One],
            Locale::En => &[Scale::Trillion, Scale::Billion, Scale::Million, Scale::Thousand, Scale::One],
        };
        let max_abs = if max_abs.is_finite() { max_abs.abs() } else { 0.0 };
        ladder.iter().copied().find(|s| max_abs >= s.factor()).unwrap_or(Scale::One)
    }

    /// The scale for values from `min` to `max` (both positive): that of `max`, stepped down while
    /// `min` would be shown as less than 0.01 of the unit.
    pub fn for_range(max: f64, min: f64, locale: Locale) -> Scale {
        let mut scale = Scale::for_max(max, locale);
        while min.is_finite() && min / scale.factor() < 0.01 {
            let smaller = Scale::for_max(scale.factor() * 0.999_999, locale);
            if smaller == scale {
                break;
            }
            scale = smaller;
        }
        scale
    }

    /// How many decimals show any value of whole base units exactly at this scale (0.031万 is 310).
    pub fn exact_decimals(self) -> usize {
        decimals_for(self.factor())
    }

    /// The unit label of an amount of yuan at this scale, e.g. 万元 or "million yuan".
    pub fn yuan_unit(self, locale: Locale) -> String {
        self.unit(Unit::Yuan, locale)
    }

    /// The label of `unit` at this scale: 万人, 亿元; "million persons", "thousand yuan".
    pub fn unit(self, unit: Unit, locale: Locale) -> String {
        let unit = labels::term("unit", unit, locale);
        let scale = match self {
            Scale::One => return unit,
            Scale::Thousand => "scale-thousand",
            Scale::Wan => "scale-wan",
            Scale::Million => "scale-million",
            Scale::Yi => "scale-yi",
            Scale::Billion => "scale-billion",
            Scale::WanYi => "scale-wan-yi",
            Scale::Trillion => "scale-trillion",
        };
        tr_args(locale, "scaled-unit", &[("scale", tr(locale, scale).into()), ("unit", unit.into())])
    }
}

/// How many decimals show any whole number of base units exactly when values are divided by
/// `factor` (a power of ten): 310人 is 0.031万人.
pub fn decimals_for(factor: f64) -> usize {
    2 + factor.log10().round().max(0.0) as usize
}

/// Formats a plain number with at most `max_decimals` decimals, dropping trailing zeros.
/// English groups thousands with commas; Chinese, which counts in 万, does not.
pub fn number(value: f64, max_decimals: usize, locale: Locale) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let fixed = format!("{:.*}", max_decimals, value.abs());
    let (int_part, frac_part) = match fixed.split_once('.') {
        Some((i, f)) => (i.to_owned(), f.trim_end_matches('0').to_owned()),
        None => (fixed.clone(), String::new()),
    };
    let int_part = match locale {
        Locale::En => group_thousands(&int_part),
        Locale::ZhHans | Locale::ZhHant => int_part,
    };
    let is_zero = int_part.chars().all(|c| c == '0' || c == ',') && frac_part.is_empty();
    let sign = if value < 0.0 && !is_zero { "−" } else { "" };
    if frac_part.is_empty() {
        format!("{sign}{int_part}")
    } else {
        format!("{sign}{int_part}.{frac_part}")
    }
}

/// A number for files and programs: up to ten decimals (enough for any whole number of base
/// units in a scaled unit), no grouping, an ASCII minus.
pub fn plain(value: f64) -> String {
    number(value, 10, Locale::ZhHans).replace('−', "-")
}

/// A size in bytes as a reader reads it: 830 B, 12.4 KB, 3.1 MB (units of 1024).
pub fn bytes(n: u64, locale: Locale) -> String {
    const UNITS: [&str; 3] = ["KB", "MB", "GB"];
    if n < 1024 {
        return format!("{} B", number(n as f64, 0, locale));
    }
    let mut value = n as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    format!("{} {}", number(value, 1, locale), UNITS[unit])
}

/// How far a download is: `received` of `total` bytes (when the server said), and the percentage.
pub fn transfer(received: u64, total: Option<u64>, locale: Locale) -> String {
    match total.filter(|&t| t > 0 && received <= t) {
        Some(t) => tr_args(
            locale,
            "transfer-of",
            &[("received", bytes(received, locale).into()), ("total", bytes(t, locale).into()), ("percent", ((received * 100 / t) as f64).into())],
        ),
        None => tr_args(locale, "transfer-so-far", &[("received", bytes(received, locale).into())]),
    }
}

fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// An amount of yuan at `scale`, with its qualifier and unit, e.g. `1000余万元` or
/// "more than 10 million yuan".
pub fn yuan(value: f64, qualifier: Qualifier, scale: Scale, locale: Locale) -> String {
    let number = number(value / scale.factor(), scale.exact_decimals(), locale);
    qualified(&number, &scale.yuan_unit(locale), qualifier, locale)
}

/// An amount of yuan in the scale that reads best for the value alone.
pub fn yuan_auto(value: f64, qualifier: Qualifier, locale: Locale) -> String {
    yuan(value, qualifier, Scale::for_max(value, locale), locale)
}

/// A formatted number with its unit and qualifier, worded by the locale (余 goes between the
/// number and the unit, 以上 after the unit, 约 before the number).
pub fn qualified(number: &str, unit: &str, qualifier: Qualifier, locale: Locale) -> String {
    let id = match qualifier {
        Qualifier::Exact => "amount-exact",
        Qualifier::MoreThan => "amount-more-than",
        Qualifier::AtLeast => "amount-at-least",
        Qualifier::About => "amount-about",
        Qualifier::AtMost => "amount-at-most",
    };
    tr_args(locale, id, &[("number", number.into()), ("unit", unit.into())])
}

/// Whether amounts in `unit` read better scaled (9899万人, 1.97亿元) than in full. Rates,
/// percentages and ratios are never scaled.
pub fn scales(unit: Unit) -> bool {
    matches!(unit, Unit::Persons | Unit::Households | Unit::PersonTimes | Unit::Yuan | Unit::Count | Unit::Head | Unit::Mu)
}

/// A published figure with its unit and qualifier, in the scale that reads best for it alone:
/// 1000余万元, 9899万人, 90%以上; "more than 10 million yuan", "98.99 million persons".
pub fn figure(value: f64, unit: Unit, qualifier: Qualifier, locale: Locale) -> String {
    let scale = if scales(unit) { Scale::for_max(value, locale) } else { Scale::One };
    let number = number(value / scale.factor(), scale.exact_decimals(), locale);
    qualified(&number, &scale.unit(unit, locale), qualifier, locale)
}

/// A date as readers write it: 2018年4月28日, 2018年10月, 2017年; 28 April 2018, October 2018, 2017.
pub fn date(date: Date, locale: Locale) -> String {
    let year = ("year", date.year.to_string().into());
    match (date.month, date.day) {
        (Some(month), day) => {
            let month_name = ("monthName", tr(locale, &format!("month-{month}")).into());
            match day {
                Some(day) => tr_args(locale, "date-day", &[year, month_name, ("day", day.to_string().into())]),
                None => tr_args(locale, "date-month", &[year, month_name]),
            }
        }
        (None, _) => tr_args(locale, "date-year", &[year]),
    }
}

/// A period as readers write it: 2017年, 2016年至2017年, 截至2018年4月28日; 2017, 2016 to 2017,
/// up to 28 April 2018.
pub fn period(period: &Period, locale: Locale) -> String {
    match *period {
        Period::Date(d) => date(d, locale),
        Period::Range { start: Some(start), end } => {
            tr_args(locale, "period-range", &[("start", date(start, locale).into()), ("end", date(end, locale).into())])
        }
        Period::Range { start: None, end } => tr_args(locale, "period-until", &[("end", date(end, locale).into())]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_with_unit_qualifier_and_scale() {
        assert_eq!(figure(98_990_000.0, Unit::Persons, Qualifier::Exact, Locale::ZhHans), "9899万人");
        assert_eq!(figure(98_990_000.0, Unit::Persons, Qualifier::Exact, Locale::En), "98.99 million persons");
        assert_eq!(figure(233.0, Unit::Households, Qualifier::Exact, Locale::ZhHant), "233戶");
        assert_eq!(figure(90.0, Unit::Percent, Qualifier::AtLeast, Locale::ZhHans), "90%以上");
        assert_eq!(figure(3600.0, Unit::YuanPerPersonYear, Qualifier::Exact, Locale::ZhHans), "3600元/人·年");
        assert_eq!(figure(10.0, Unit::Percent, Qualifier::AtMost, Locale::En), "at most 10 %");
        assert_eq!(figure(197_000_000.0, Unit::Yuan, Qualifier::Exact, Locale::ZhHans), "1.97亿元");
        // Exact to the yuan: 19721万元 is not rounded to the 1.97亿元 printed beside it.
        assert_eq!(figure(197_210_000.0, Unit::Yuan, Qualifier::Exact, Locale::ZhHans), "1.9721亿元");
        assert_eq!(figure(38_197_400.0, Unit::Yuan, Qualifier::Exact, Locale::En), "38.1974 million yuan");
    }

    #[test]
    fn dates_and_periods_read_naturally() {
        let p = |t: &str| t.parse::<Period>().expect("period");
        assert_eq!(period(&p("2017"), Locale::ZhHans), "2017年");
        assert_eq!(period(&p("2018-10"), Locale::En), "October 2018");
        assert_eq!(period(&p("../2018-04-28"), Locale::ZhHans), "截至2018年4月28日");
        assert_eq!(period(&p("2016/2017"), Locale::En), "2016 to 2017");
        assert_eq!(period(&p("2018-01/2018-10"), Locale::ZhHant), "2018年1月至2018年10月");
    }

    #[test]
    fn scale_is_the_largest_that_keeps_the_value_at_least_one() {
        assert_eq!(Scale::for_max(6_000_000.0, Locale::ZhHans), Scale::Wan);
        assert_eq!(Scale::for_max(197_000_000.0, Locale::ZhHans), Scale::Yi);
        assert_eq!(Scale::for_max(9_999.0, Locale::ZhHans), Scale::One);
        assert_eq!(Scale::for_max(6_000_000.0, Locale::En), Scale::Million);
        assert_eq!(Scale::for_max(999_999.0, Locale::En), Scale::Thousand);
        assert_eq!(Scale::for_max(1_447_000_000.0, Locale::En), Scale::Billion);
        assert_eq!(Scale::for_max(f64::NAN, Locale::En), Scale::One);
        assert_eq!(Scale::for_max(-5e8, Locale::ZhHant), Scale::Yi);
        // 通辽's 3万 exits beside 二道江's 90: 万人 would show 0.009, so the chart counts in 人.
        assert_eq!(Scale::for_range(30_000.0, 90.0, Locale::ZhHans), Scale::One);
        assert_eq!(Scale::for_range(197_000_000.0, 100_000.0, Locale::ZhHans), Scale::Wan);
        assert_eq!(Scale::for_range(1_447_000_000.0, 38_197_400.0, Locale::ZhHans), Scale::Yi);
        assert_eq!(Scale::for_range(197_000_000.0, 100_000.0, Locale::En), Scale::Million);
    }

    #[test]
    fn numbers_drop_trailing_zeros_and_group_only_in_english() {
        assert_eq!(number(1234567.0, 0, Locale::En), "1,234,567");
        assert_eq!(number(1234567.0, 0, Locale::ZhHans), "1234567");
        assert_eq!(number(14.4700, 2, Locale::ZhHans), "14.47");
        assert_eq!(number(600.0, 2, Locale::ZhHans), "600");
        assert_eq!(number(-2.5, 2, Locale::En), "−2.5");
        assert_eq!(number(-0.001, 2, Locale::En), "0");
        assert_eq!(number(999.0, 0, Locale::En), "999");
        assert_eq!(number(1000.0, 0, Locale::En), "1,000");
        assert_eq!(number(f64::INFINITY, 0, Locale::En), "–");
    }

    #[test]
    fn qualifiers_are_placed_as_each_language_writes_them() {
        // Seed 001: 累计投资项目资金1000余万元.
        assert_eq!(yuan(10_000_000.0, Qualifier::MoreThan, Scale::Wan, Locale::ZhHans), "1000余万元");
        assert_eq!(yuan(10_000_000.0, Qualifier::MoreThan, Scale::Wan, Locale::ZhHant), "1000餘萬元");
        assert_eq!(yuan(10_000_000.0, Qualifier::MoreThan, Scale::Million, Locale::En), "more than 10 million yuan");
        assert_eq!(yuan(6_000_000.0, Qualifier::AtLeast, Scale::Wan, Locale::ZhHans), "600万元以上");
        assert_eq!(yuan(6_000_000.0, Qualifier::About, Scale::Wan, Locale::ZhHans), "约600万元");
        assert_eq!(yuan(4_900_000.0, Qualifier::Exact, Scale::Million, Locale::En), "4.9 million yuan");
    }

    #[test]
    fn auto_scale_reads_well() {
        // Seed 002: 到位京蒙扶贫资金 1.97亿元.
        assert_eq!(yuan_auto(197_000_000.0, Qualifier::Exact, Locale::ZhHans), "1.97亿元");
        assert_eq!(yuan_auto(197_000_000.0, Qualifier::Exact, Locale::En), "197 million yuan");
        assert_eq!(yuan_auto(3600.0, Qualifier::Exact, Locale::ZhHans), "3600元");
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use crate::data::written;
        use proptest::prelude::*;

        fn qualifiers() -> impl Strategy<Value = Qualifier> {
            prop_oneof![Just(Qualifier::Exact), Just(Qualifier::MoreThan), Just(Qualifier::AtLeast), Just(Qualifier::About)]
        }

        proptest! {
            /// 万 and 亿 steps are 10⁴ apart, so a Chinese amount always shows 1 to 9999.99 of its unit;
            /// English steps are 10³ apart.
            #[test]
            fn the_scale_keeps_the_shown_number_between_one_and_its_next_step(v in 1.0f64..1e13) {
                let zh = v / Scale::for_max(v, Locale::ZhHans).factor();
                prop_assert!((1.0..1e4).contains(&zh), "{v} shows as {zh}");
                let en = v / Scale::for_max(v, Locale::En).factor();
                prop_assert!((1.0..1e3).contains(&en), "{v} shows as {en}");
            }

            /// What the portal prints in Chinese reads back, with the document reader, as the same
            /// amount (to a hundredth of a yuan) and the same qualifier.
            #[test]
            fn chinese_amounts_read_back_as_written(v in 1.0f64..1e12, q in qualifiers(), hant in any::<bool>()) {
                let locale = if hant { Locale::ZhHant } else { Locale::ZhHans };
                let scale = Scale::for_max(v, locale);
                let text = yuan(v, q, scale, locale);
                let (read, qualifier) = written::read(&text).expect("reads");
                prop_assert!((read - v).abs() <= 0.005 + v * 1e-12, "{text}: {read} vs {v}");
                prop_assert_eq!(qualifier, q, "{}", text);
            }

            /// English numbers group thousands with commas and otherwise print the rounded value.
            #[test]
            fn english_numbers_group_thousands(v in -1e12f64..1e12) {
                let text = number(v, 2, Locale::En);
                let digits: String = text.replace(',', "").replace('−', "-");
                let back: f64 = digits.parse().expect("a number");
                prop_assert!((back - v).abs() <= 0.005 + v.abs() * 1e-15, "{text}");
                let int = text.trim_start_matches('−').split('.').next().unwrap_or_default();
                prop_assert!(int.split(',').skip(1).all(|g| g.len() == 3), "{text}");
            }

            /// In every language a number reads back as the value rounded to the decimals asked for.
            #[test]
            fn numbers_read_back_rounded(v in -1e12f64..1e12, decimals in 0usize..=6, locale in locales()) {
                let text = number(v, decimals, locale);
                let back: f64 = text.replace(',', "").replace('−', "-").parse().expect("a number");
                let half_step = 0.5 * 10f64.powi(-(decimals as i32));
                prop_assert!((back - v).abs() <= half_step * (1.0 + 1e-9) + v.abs() * 1e-15, "{text} for {v}");
            }

            /// Any value, even one no data file can hold (NaN, infinite, negative), formats as a figure.
            #[test]
            fn any_value_formats_as_a_figure(v in any::<f64>(), unit in units(), q in qualifiers(), locale in locales()) {
                prop_assert!(!figure(v, unit, q, locale).is_empty());
                prop_assert!(!yuan_auto(v, q, locale).is_empty());
            }

            /// A larger amount never reads in a smaller unit.
            #[test]
            fn the_scale_grows_with_the_amount(a in amounts(), b in amounts(), locale in locales()) {
                let (small, large) = (a.min(b), a.max(b));
                prop_assert!(Scale::for_max(small, locale).factor() <= Scale::for_max(large, locale).factor());
            }

            /// A chart's unit is never larger than its largest value's, and shows its smallest value
            /// as at least 0.01 unless it is already the base unit.
            #[test]
            fn a_range_keeps_its_smallest_value_readable(a in amounts(), b in amounts(), locale in locales()) {
                let (min, max) = (a.min(b), a.max(b));
                let scale = Scale::for_range(max, min, locale);
                prop_assert!(scale.factor() <= Scale::for_max(max, locale).factor());
                prop_assert!(scale == Scale::One || min / scale.factor() >= 0.01, "{min} in {scale:?}");
            }

            /// A period is written as it is read, and every language's wording names its last year.
            #[test]
            fn periods_read_back_and_name_their_year(p in periods(), locale in locales()) {
                prop_assert_eq!(p.to_string().parse::<Period>(), Ok(p));
                let year = p.end().year.to_string();
                prop_assert!(period(&p, locale).contains(&year), "{}", period(&p, locale));
            }

            /// A size reads back as the bytes it counts, to the tenth of its unit.
            #[test]
            fn sizes_read_back_to_a_tenth_of_their_unit(n in 0u64..(1 << 42), locale in locales()) {
                let text = bytes(n, locale);
                let (value, unit) = text.split_once(' ').expect("number and unit");
                let power = ["B", "KB", "MB", "GB"].iter().position(|u| *u == unit).expect("a unit");
                let unit_bytes = 1024f64.powi(power as i32);
                let back = value.replace(',', "").parse::<f64>().expect("a number") * unit_bytes;
                prop_assert!((back - n as f64).abs() <= 0.05 * unit_bytes * (1.0 + 1e-9), "{text} for {n}");
            }
        }

        /// Amounts spread evenly over every magnitude from a thousandth to a thousand trillion.
        fn amounts() -> impl Strategy<Value = f64> {
            (-3.0f64..15.0).prop_map(|e| 10f64.powf(e))
        }

        fn locales() -> impl Strategy<Value = Locale> {
            prop::sample::select(Locale::ALL.to_vec())
        }

        fn units() -> impl Strategy<Value = Unit> {
            use crate::data::vocab::VariantNames;
            prop::sample::select(Unit::VARIANTS.iter().filter_map(|w| w.parse().ok()).collect::<Vec<Unit>>())
        }

        fn dates() -> impl Strategy<Value = Date> {
            (1000u16..=9999, prop::option::of((1u8..=12, prop::option::of(1u8..=28)))).prop_map(|(year, month)| Date {
                year,
                month: month.map(|(m, _)| m),
                day: month.and_then(|(_, d)| d),
            })
        }

        /// Any period the data may write: a date, a range in order, or a range with no stated start.
        fn periods() -> impl Strategy<Value = Period> {
            prop_oneof![
                dates().prop_map(Period::Date),
                (dates(), dates()).prop_map(|(a, b)| Period::Range { start: Some(a.min(b)), end: a.max(b) }),
                dates().prop_map(|end| Period::Range { start: None, end }),
            ]
        }
    }

    #[test]
    fn sizes_and_transfers_read_as_people_write_them() {
        assert_eq!(bytes(830, Locale::En), "830 B");
        assert_eq!(bytes(12_697, Locale::En), "12.4 KB");
        assert_eq!(bytes(3 * 1024 * 1024 + 104_858, Locale::ZhHans), "3.1 MB");
        assert_eq!(bytes(1024, Locale::En), "1 KB");
        assert_eq!(transfer(512, Some(2048), Locale::En), "512 B of 2 KB (25%)");
        assert_eq!(transfer(512, Some(2048), Locale::ZhHans), "已下载 512 B，共 2 KB（25%）");
        // A compressed response can deliver more than its Content-Length: no total is claimed then.
        assert_eq!(transfer(4096, Some(2048), Locale::En), "4 KB so far");
        assert_eq!(transfer(4096, None, Locale::ZhHant), "已下載 4 KB");
    }
}
