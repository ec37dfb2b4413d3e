//! Citations of a view, with its permalink and the date it was read: GB/T 7714—2015 (the Chinese
//! national standard; a data set online is `[DS/OL]`) and APA 7 (a data set with no date,
//! retrieved from the address, since the view can change).

use crate::data::period::Date;
use crate::i18n::{tr, tr_args, Locale};

/// What is cited.
#[derive(Clone, Debug, PartialEq)]
pub struct Work<'a> {
    /// Who is responsible for the view: the portal.
    pub author: &'a str,
    /// The view's title (a chart's title, or the map's).
    pub title: &'a str,
    /// The view's permanent address.
    pub url: &'a str,
    /// The day the reader read it.
    pub accessed: Date,
}

/// `date` as `YYYY-MM-DD` (GB/T 7714 writes dates in this form).
fn iso(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year, date.month.unwrap_or(1), date.day.unwrap_or(1))
}

/// GB/T 7714—2015: `作者. 题名[DS/OL]. [引用日期]. 地址.`
pub fn gbt7714(work: &Work) -> String {
    format!("{}. {}[DS/OL]. [{}]. {}.", work.author.trim_end_matches('.'), work.title, iso(work.accessed), work.url)
}

/// APA 7 in `locale`'s words: `Author. (n.d.). Title [Data set]. Retrieved Month D, YYYY, from URL`.
pub fn apa(work: &Work, locale: Locale) -> String {
    let d = work.accessed;
    let args = [
        ("author", work.author.trim_end_matches('.').into()),
        ("title", work.title.into()),
        ("year", d.year.to_string().into()),
        ("month", d.month.unwrap_or(1).to_string().into()),
        ("monthName", tr(locale, &format!("month-{}", d.month.unwrap_or(1))).into()),
        ("day", d.day.unwrap_or(1).to_string().into()),
        ("url", work.url.into()),
    ];
    tr_args(locale, "cite-apa", &args)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn work() -> Work<'static> {
        Work {
            author: "公开 · 脱贫攻坚数据",
            title: "通辽市扶贫资金",
            url: "https://example.org/funds?region=150500&lang=zh-Hans#funds-150500",
            accessed: Date { year: 2026, month: Some(11), day: Some(4) },
        }
    }

    #[test]
    fn gbt_7714_names_the_type_the_access_date_and_the_address() {
        assert_eq!(
            gbt7714(&work()),
            "公开 · 脱贫攻坚数据. 通辽市扶贫资金[DS/OL]. [2026-11-04]. https://example.org/funds?region=150500&lang=zh-Hans#funds-150500."
        );
    }

    #[test]
    fn apa_in_each_language() {
        let en = Work { author: "Gongkai · Poverty Alleviation Data", title: "Funds of Tongliao", ..work() };
        assert_eq!(
            apa(&en, Locale::En),
            "Gongkai · Poverty Alleviation Data. (n.d.). Funds of Tongliao [Data set]. Retrieved November 4, 2026, from https://example.org/funds?region=150500&lang=zh-Hans#funds-150500"
        );
        assert_eq!(
            apa(&work(), Locale::ZhHans),
            "公开 · 脱贫攻坚数据. (无日期). 通辽市扶贫资金 [数据集]. 检索于2026年11月4日，取自 https://example.org/funds?region=150500&lang=zh-Hans#funds-150500"
        );
        assert!(apa(&work(), Locale::ZhHant).contains("[資料集]. 檢索於2026年11月4日，取自 https://"));
    }
}
