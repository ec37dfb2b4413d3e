//! Reader-facing words for the data's codes (units, qualifiers, stages, funding sources, …) and
//! citations of sources, from the locale files. Message ids are `<prefix>-<code>` with `_`
//! written as `-`, e.g. `funding-source-higher-level`.

use crate::data::{FundingSource, Source, Term};
use crate::format;
use crate::i18n::{tr, tr_args, Locale};

/// The message id of a vocabulary word: `prefix` and the code in kebab case.
pub fn term_id<T: Term>(prefix: &str, term: T) -> String {
    format!("{prefix}-{}", term.code().replace('_', "-"))
}

/// The reader's word for `term`, looked up under `prefix`.
pub fn term<T: Term>(prefix: &str, term: T, locale: Locale) -> String {
    tr(locale, &term_id(prefix, term))
}

/// Who paid, e.g. 上级资金 / "higher levels of government".
pub fn funding_source(source: FundingSource, locale: Locale) -> String {
    term("funding-source", source, locale)
}

/// A source as cited under a chart: title, publisher and date (or that the date is not printed).
pub fn citation(source: &Source, locale: Locale) -> String {
    let args =
        [("title", source.title.as_str().into()), ("publisher", source.publisher.as_str().into()), ("date", source_date(source, locale).into())];
    tr_args(locale, "source-citation", &args)
}

/// A source's publication date, or that it is not printed.
pub fn source_date(source: &Source, locale: Locale) -> String {
    source.date.map_or_else(|| tr(locale, "date-not-printed"), |d| format::date(d, locale))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Category, CommitmentStatus, Level, Measure, PairingKind, Qualifier, SourceKind, Stage, Status, Unit};

    fn check<T: Term>(prefix: &str) -> Vec<String> {
        let mut missing = Vec::new();
        for code in T::VARIANTS {
            let term: T = code.parse().unwrap_or_else(|_| panic!("{code} parses"));
            let id = term_id(prefix, term);
            for locale in Locale::ALL {
                if tr(locale, &id) == id {
                    missing.push(format!("{locale}: {id}"));
                }
            }
        }
        missing
    }

    #[test]
    fn every_vocabulary_word_has_a_label_in_every_locale() {
        let mut missing = Vec::new();
        missing.extend(check::<Unit>("unit"));
        missing.extend(check::<Category>("category"));
        missing.extend(check::<Measure>("measure"));
        missing.extend(check::<Qualifier>("qualifier"));
        missing.extend(check::<Status>("status"));
        missing.extend(check::<FundingSource>("funding-source"));
        missing.extend(check::<Stage>("stage"));
        missing.extend(check::<PairingKind>("pairing-kind"));
        missing.extend(check::<Level>("level"));
        missing.extend(check::<CommitmentStatus>("commitment-status"));
        missing.extend(check::<SourceKind>("source-kind"));
        assert!(missing.is_empty(), "labels missing: {missing:#?}");
    }

    #[test]
    fn citation_says_when_the_date_is_not_printed() {
        let mut source = Source {
            id: "s".into(),
            title: "标题".into(),
            publisher: "某报".into(),
            date: "2018-04-28".parse().ok(),
            place: None,
            url: None,
            file: None,
            language: crate::data::Language::ZhHans,
            kind: crate::data::SourceKind::News,
            note: Default::default(),
        };
        assert_eq!(citation(&source, Locale::ZhHans), "标题（某报，2018年4月28日）");
        assert_eq!(citation(&source, Locale::En), "标题 (某报, 28 April 2018)");
        source.date = None;
        assert_eq!(citation(&source, Locale::ZhHans), "标题（某报，日期未载明）");
        assert_eq!(citation(&source, Locale::En), "标题 (某报, date not printed)");
    }
}
