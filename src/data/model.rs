//! The typed model every later stage reads.

use serde::Deserialize;

use crate::i18n::Locale;

/// A name in each published language.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Names {
    #[serde(rename = "zh-Hans")]
    pub zh_hans: String,
    #[serde(rename = "zh-Hant")]
    pub zh_hant: String,
    pub en: String,
}

impl Names {
    /// The name in `locale`.
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::ZhHans => &self.zh_hans,
            Locale::ZhHant => &self.zh_hant,
            Locale::En => &self.en,
        }
    }
}

/// A published document that figures come from.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    /// Publication date, `YYYY-MM-DD`.
    pub date: String,
    /// The seed document's file name, where the figure was read.
    pub file: Option<String>,
    pub url: Option<String>,
    /// BCP 47 tag of the document's language.
    pub language: String,
}

/// An administrative region, keyed by its GB/T 2260 adcode.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Region {
    pub code: String,
    pub names: Names,
}

/// What a number counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Yuan,
    Persons,
    Households,
    Count,
    Percent,
}

/// A measured quantity, e.g. project funds raised by the district government.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Indicator {
    pub id: String,
    pub names: Names,
    pub unit: Unit,
    /// The indicator this one is a component of (e.g. a funding source of a total).
    #[serde(default)]
    pub part_of: Option<String>,
}

/// How exactly a published figure is stated.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    #[default]
    Exact,
    /// 余: more than the stated figure.
    MoreThan,
    /// 以上: at least the stated figure.
    AtLeast,
    /// 约: about the stated figure.
    About,
}

/// Whether a figure is achieved, planned or a target; planned and actual are never added.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Actual,
    Planned,
    Target,
}

/// One published figure, in base units (yuan, persons, …).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Observation {
    pub region: String,
    pub period: String,
    pub indicator: String,
    pub value: f64,
    #[serde(default)]
    pub qualifier: Qualifier,
    #[serde(default)]
    pub status: Status,
    pub source: String,
    /// Where in the source the figure stands (a quotation or section).
    #[serde(default)]
    pub locator: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Everything a data package publishes, after validation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    pub title: String,
    pub sources: Vec<Source>,
    pub regions: Vec<Region>,
    pub indicators: Vec<Indicator>,
    pub observations: Vec<Observation>,
}

impl Dataset {
    pub fn region(&self, code: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.code == code)
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}
