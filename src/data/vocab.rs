//! The closed vocabularies of the data package: every coded field takes one of these words, written
//! in `snake_case` as listed in `docs/data-format.md` and in the package's Table Schema `enum`s.

use strum::{EnumString, IntoStaticStr};
pub use strum::VariantNames;

/// A coded field's word list, shared by parsing, error messages and the schema cross-check.
pub trait Term: Copy + std::str::FromStr + Into<&'static str> + VariantNames {
    /// The word as written in the data.
    fn code(self) -> &'static str {
        self.into()
    }
}

macro_rules! terms {
    ($($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident),+ $(,)? })+) => {$(
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, EnumString, IntoStaticStr, VariantNames)]
        #[strum(serialize_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }
        impl Term for $name {}
    )+};
}

terms! {
    /// The base unit every value of an indicator is counted in.
    Unit {
        Persons, Households, PersonTimes, Yuan, YuanPerPersonYear, YuanPerHouseholdYear, Percent, Times, Mu,
        Head, HeadPerPerson, Count,
    }

    /// The topic of an indicator.
    Category {
        Poverty, PovertyExit, Income, Funds, Pairing, Industry, Employment, Health, Education, Housing,
        Relocation, SocialSecurity, Infrastructure, SocialParticipation, Governance,
    }

    /// Whether an indicator is a level at a date or an amount over a period.
    Measure { Stock, Flow }

    /// How exactly a printed figure is stated.
    #[derive(Default)]
    Qualifier {
        /// As printed.
        #[default]
        Exact,
        /// 余, 多, 超过: more than the value.
        MoreThan,
        /// 以上: the value or more.
        AtLeast,
        /// 约, 左右, 近: approximately the value.
        About,
        /// 以内, 以下, 不到: the value or less.
        AtMost,
    }

    /// Whether a figure has happened, is scheduled, or is a goal. Figures of different status are
    /// never added together.
    #[derive(Default)]
    Status { #[default] Actual, Planned, Target }

    /// Where money comes from.
    FundingSource {
        Central, Provincial, Municipal, County, HigherLevel, Government, PairedRegion, Enterprise, Social,
        Financial, Mixed, Unspecified,
    }

    /// How far money has gone, in order: a later stage never exceeds an earlier one.
    Stage { Allocated, Arrived, Disbursed, Spent }

    /// The kind of assistance relation between two regions.
    PairingKind { EastWest, Counterpart, CentralAgency, EnterpriseCounty, EnterpriseVillage, Social }

    /// The tier of an administrative division (or `Other` for zones and new areas).
    Level { Country, Province, Prefecture, County, Other }

    /// Where a commitment stood at its source's date.
    CommitmentStatus { Planned, InProgress, Done, Missed, Unknown }

    /// What kind of document a source is.
    SourceKind { Report, News, Plan, Statistics, Announcement }
}

/// The language a source document is written in (a BCP 47 tag).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumString, IntoStaticStr, VariantNames)]
pub enum Language {
    #[strum(serialize = "zh-Hans")]
    ZhHans,
    #[strum(serialize = "zh-Hant")]
    ZhHant,
    #[strum(serialize = "en")]
    En,
}
impl Term for Language {}

impl Qualifier {
    /// The range of true values a figure `value` with this qualifier allows, as `(low, high)`.
    /// "About" allows 10% either way, which is as loose as 约 and 左右 are used in reports.
    pub fn bounds(self, value: f64) -> (f64, f64) {
        match self {
            Qualifier::Exact => (value, value),
            Qualifier::MoreThan | Qualifier::AtLeast => (value, f64::INFINITY),
            Qualifier::About => (value * 0.9, value * 1.1),
            Qualifier::AtMost => (0.0, value),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_read_and_write_snake_case() {
        assert_eq!("person_times".parse::<Unit>(), Ok(Unit::PersonTimes));
        assert_eq!(FundingSource::PairedRegion.code(), "paired_region");
        assert_eq!("zh-Hant".parse::<Language>(), Ok(Language::ZhHant));
        assert!("Persons".parse::<Unit>().is_err(), "words are case-sensitive");
        assert_eq!(Stage::VARIANTS, ["allocated", "arrived", "disbursed", "spent"]);
    }

    #[test]
    fn stages_are_ordered_from_allocation_to_spending() {
        assert!(Stage::Allocated < Stage::Arrived && Stage::Arrived < Stage::Disbursed && Stage::Disbursed < Stage::Spent);
    }

    #[test]
    fn qualifier_bounds_follow_the_printed_words() {
        assert_eq!(Qualifier::Exact.bounds(5.0), (5.0, 5.0));
        assert_eq!(Qualifier::MoreThan.bounds(10.0), (10.0, f64::INFINITY));
        assert_eq!(Qualifier::AtMost.bounds(10.0), (0.0, 10.0));
        let (low, high) = Qualifier::About.bounds(4000.0);
        assert!((low - 3600.0).abs() < 1e-6 && (high - 4400.0).abs() < 1e-6);
    }
}
