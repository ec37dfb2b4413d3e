//! The data layer's one error type: every problem names the file, the place in it, the value
//! and the reason, in words from the locale files.

use crate::i18n::{tr, tr_args, Locale};

/// What kind of thing a broken reference points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefKind {
    Region,
    Indicator,
    Source,
}

/// Why a piece of data was rejected.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// The JSON could not be parsed (serde's own wording, which is English only).
    Json(String),
    MissingResource(&'static str),
    UnknownRef(RefKind),
    Negative,
    NotFinite,
    Duplicate,
}

/// A located problem in published data.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{file}: {location}: {reason:?} (value {value:?})")]
pub struct DataError {
    /// The file the problem is in, e.g. `datapackage.json`.
    pub file: String,
    /// Where in the file: `line 3, column 7` or a path such as `resources[3].data[2].value`.
    pub location: String,
    /// The offending value as written, where there is one.
    pub value: Option<String>,
    pub reason: Reason,
}

impl DataError {
    /// The location line, e.g. `datapackage.json · resources[3].data[2].value`.
    pub fn locate(&self, locale: Locale) -> String {
        tr_args(locale, "data-error-location", &[("file", self.file.as_str().into()), ("location", self.location.as_str().into())])
    }

    /// The reason, in `locale`.
    pub fn describe(&self, locale: Locale) -> String {
        let value = self.value.clone().unwrap_or_default();
        match &self.reason {
            Reason::Json(detail) => tr_args(locale, "data-error-json", &[("detail", detail.as_str().into())]),
            Reason::MissingResource(name) => tr_args(locale, "data-error-missing-resource", &[("name", (*name).into())]),
            Reason::UnknownRef(kind) => {
                let kind = tr(
                    locale,
                    match kind {
                        RefKind::Region => "ref-kind-region",
                        RefKind::Indicator => "ref-kind-indicator",
                        RefKind::Source => "ref-kind-source",
                    },
                );
                tr_args(locale, "data-error-unknown-ref", &[("kind", kind.into()), ("value", value.into())])
            }
            Reason::Negative => tr_args(locale, "data-error-negative", &[("value", value.into())]),
            Reason::NotFinite => tr_args(locale, "data-error-not-finite", &[("value", value.into())]),
            Reason::Duplicate => tr_args(locale, "data-error-duplicate", &[("value", value.into())]),
        }
    }
}
