//! The typed dataset every later stage reads. References between resources are resolved to
//! indices into the dataset's vectors, so a reader never meets a dangling id.

use super::period::{Date, Period};
use super::vocab::{Category, CommitmentStatus, FundingSource, Language, Level, Measure, PairingKind, Qualifier, SourceKind, Stage, Status, Unit};
use crate::i18n::Locale;
use std::sync::Arc;

/// A short text such as an id, compared and printed like a `&str`: up to [`INLINE`] bytes
/// stored in place (no allocation: a scale package has hundreds of thousands of ids), a longer
/// one without spare capacity. On wasm32 it takes 12 bytes, half a `String` and its allocation.
#[derive(Clone)]
pub struct Text(Repr);

/// The longest text a [`Text`] holds in place: what fits beside its length in the space of a
/// `Box<str>` and a word.
const INLINE: usize = std::mem::size_of::<Box<str>>() + 3;

#[derive(Clone)]
enum Repr {
    /// `len` is one more than the length: its zero, never used, tells `Boxed` apart.
    Inline { len: std::num::NonZeroU8, bytes: [u8; INLINE] },
    Boxed(Box<str>),
}

// The point of `Text`: three words on the portal's target.
#[cfg(target_pointer_width = "32")]
const _: () = assert!(std::mem::size_of::<Text>() == 12);

impl Default for Text {
    fn default() -> Text {
        Text::from("")
    }
}

impl Text {
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // Copied from a `&str` whole (see `From`), so always UTF-8.
            Repr::Inline { len, bytes } => std::str::from_utf8(&bytes[..usize::from(len.get() - 1)]).unwrap_or_default(),
            Repr::Boxed(text) => text,
        }
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        match u8::try_from(text.len() + 1).ok().and_then(std::num::NonZeroU8::new) {
            Some(len) if text.len() <= INLINE => {
                let mut bytes = [0; INLINE];
                bytes[..text.len()].copy_from_slice(text.as_bytes());
                Text(Repr::Inline { len, bytes })
            }
            _ => Text(Repr::Boxed(text.into())),
        }
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Text) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Text {
    fn cmp(&self, other: &Text) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::hash::Hash for Text {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

/// A text in each portal language. Empty where the publisher left it out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Localized {
    pub zh_hans: String,
    pub zh_hant: String,
    pub en: String,
}

impl Localized {
    /// The text in `locale`.
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::ZhHans => &self.zh_hans,
            Locale::ZhHant => &self.zh_hant,
            Locale::En => &self.en,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.zh_hans.is_empty() && self.zh_hant.is_empty() && self.en.is_empty()
    }
}

/// A published document figures come from.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: String,
    /// The title as printed, in the document's language.
    pub title: String,
    pub publisher: String,
    /// The publication date as precisely as known; `None` if it is not printed.
    pub date: Option<Date>,
    /// Index of the region the document is about.
    pub place: Option<usize>,
    pub url: Option<String>,
    /// The archived copy's file name.
    pub file: Option<String>,
    pub language: Language,
    pub kind: SourceKind,
    pub note: Localized,
}

/// An administrative division (GB/T 2260 code) or another area such as a development zone.
#[derive(Clone, Debug, PartialEq)]
pub struct Region {
    pub code: String,
    pub names: Localized,
    pub level: Level,
    /// Index of the division it belongs to; `None` for the country.
    pub parent: Option<usize>,
    pub note: Localized,
}

/// What a figure measures.
#[derive(Clone, Debug, PartialEq)]
pub struct Indicator {
    pub id: String,
    pub names: Localized,
    pub unit: Unit,
    pub category: Category,
    pub measure: Measure,
    pub note: Localized,
}

/// One published figure, in base units, with where it was printed. Kept small: a scale package
/// has hundreds of thousands, so what few figures have is boxed in [`FigureExtra`] and a quotation
/// several rows share is stored once.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub id: Text,
    /// The row it was read from (the header is row 1); a file the portal reads has fewer rows
    /// than `u32` counts.
    pub row: u32,
    pub region: usize,
    pub indicator: usize,
    pub period: Period,
    pub value: f64,
    pub qualifier: Qualifier,
    pub status: Status,
    pub source: usize,
    /// A verbatim quotation of the sentence the figure is printed in.
    pub locator: Arc<str>,
    /// What the figure has of [`FigureExtra`]; `None` when it has none of it.
    pub extra: Option<Box<FigureExtra>>,
}

// A scale package has hundreds of thousands of figures: eight words each on the portal's target.
#[cfg(target_pointer_width = "32")]
const _: () = assert!(std::mem::size_of::<Figure>() == 64);

/// The fields of a [`Figure`] that most figures leave empty.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FigureExtra {
    /// The figure as printed, e.g. `1000余万元`.
    pub as_written: Option<Box<str>>,
    /// Index (in the same list) of the total this figure is a part of, with the breakdown's label.
    pub part_of: Option<(usize, Box<str>)>,
    /// Index of the pairing this figure describes.
    pub pairing: Option<usize>,
    pub note: Localized,
}

/// The note of a figure that has none.
static NO_NOTE: Localized = Localized { zh_hans: String::new(), zh_hant: String::new(), en: String::new() };

impl Figure {
    /// The figure as printed, e.g. `1000余万元`, if the row gives it.
    pub fn as_written(&self) -> Option<&str> {
        self.extra.as_ref()?.as_written.as_deref()
    }

    /// Index (in the same list) of the total this figure is a part of, with the breakdown's label.
    pub fn part_of(&self) -> Option<(usize, &str)> {
        self.extra.as_ref()?.part_of.as_ref().map(|(total, breakdown)| (*total, &**breakdown))
    }

    /// Index of the pairing this figure describes.
    pub fn pairing(&self) -> Option<usize> {
        self.extra.as_ref()?.pairing
    }

    /// The publisher's note, empty in every language if there is none.
    pub fn note(&self) -> &Localized {
        self.extra.as_ref().map_or(&NO_NOTE, |e| &e.note)
    }

    /// Links the figure to its total (or unlinks it, with `None`).
    pub fn set_part_of(&mut self, part_of: Option<(usize, Box<str>)>) {
        match (&mut self.extra, part_of) {
            (Some(extra), part_of) => extra.part_of = part_of,
            (None, None) => {}
            (extra @ None, part_of) => *extra = Some(Box::new(FigureExtra { part_of, ..FigureExtra::default() })),
        }
    }
}

/// An amount of money: a figure in yuan with where it comes from and how far it has gone.
#[derive(Clone, Debug, PartialEq)]
pub struct Fund {
    pub figure: Figure,
    pub funding_source: FundingSource,
    pub stage: Stage,
}

/// One region assisting another.
#[derive(Clone, Debug, PartialEq)]
pub struct Pairing {
    pub id: String,
    pub row: u64,
    pub from: usize,
    pub to: usize,
    pub period: Period,
    pub kind: PairingKind,
    /// The assisting organisations, when they are not the region itself.
    pub partner: Localized,
    pub source: usize,
    pub locator: String,
    pub note: Localized,
}

/// A task with a deadline, as a plan states it.
#[derive(Clone, Debug, PartialEq)]
pub struct Commitment {
    pub id: String,
    pub row: u64,
    pub region: usize,
    pub task: Localized,
    /// The month it is due.
    pub deadline: Date,
    pub responsible: Localized,
    pub status: CommitmentStatus,
    pub source: usize,
    pub locator: String,
    pub note: Localized,
}

/// Everything a data package publishes, after validation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    pub title: String,
    pub sources: Vec<Source>,
    pub regions: Vec<Region>,
    pub indicators: Vec<Indicator>,
    pub observations: Vec<Figure>,
    pub funds: Vec<Fund>,
    pub pairings: Vec<Pairing>,
    pub commitments: Vec<Commitment>,
    /// The deployment's map settings from the descriptor (breaks of unknown indicators dropped).
    pub map: super::descriptor::MapSettings,
    /// Stories to present, from the descriptor.
    pub stories: Vec<super::stories::Story>,
}

impl Dataset {
    /// The region with `code`.
    pub fn region(&self, code: &str) -> Option<&Region> {
        self.regions.get(self.region_index(code)?)
    }

    /// The index of the region with `code`.
    pub fn region_index(&self, code: &str) -> Option<usize> {
        self.regions.iter().position(|r| r.code == code)
    }

    /// The indicator with `id`.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.get(self.indicator_index(id)?)
    }

    /// The index of the indicator with `id`.
    pub fn indicator_index(&self, id: &str) -> Option<usize> {
        self.indicators.iter().position(|i| i.id == id)
    }

    /// The source with `id`.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// Whether region `inner` is region `outer` or lies inside it.
    pub fn region_within(&self, inner: usize, outer: usize) -> bool {
        let mut at = Some(inner);
        // Bounded by the number of regions, so a cycle of parents cannot loop forever.
        for _ in 0..=self.regions.len() {
            match at {
                Some(i) if i == outer => return true,
                Some(i) => at = self.regions.get(i).and_then(|r| r.parent),
                None => return false,
            }
        }
        false
    }

    /// Every figure (observation or fund) that cites the source with index `source`.
    pub fn figures_from(&self, source: usize) -> impl Iterator<Item = &Figure> {
        self.observations.iter().chain(self.funds.iter().map(|f| &f.figure)).filter(move |f| f.source == source)
    }
}

#[cfg(test)]
mod tests {
    use super::Text;

    #[test]
    fn a_text_reads_back_compares_and_orders_like_its_str() {
        let words = ["", "o1", "o236323", "12345678901", "123456789012", "a-much-longer-figure-id-than-fits", "康保县"];
        for w in words {
            let t = Text::from(w);
            assert_eq!((t.as_str(), format!("{t}"), format!("{t:?}")), (w, w.to_owned(), format!("{w:?}")));
            assert_eq!(t, w);
        }
        let mut texts: Vec<Text> = words.iter().map(|w| Text::from(*w)).collect();
        texts.sort();
        let mut sorted = words.to_vec();
        sorted.sort();
        assert_eq!(texts.iter().map(Text::as_str).collect::<Vec<_>>(), sorted);
        assert_ne!(Text::from("o1"), Text::from("o10"));
    }
}
