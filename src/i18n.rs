//! Locales and message lookup. All user-facing text lives in `src/locales/*.ftl` (Fluent syntax);
//! code refers to messages only by id. The same lookup serves the UI and native tools.

use std::cell::OnceCell;
use std::fmt;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::{langid, LanguageIdentifier};

/// A language the portal is published in. `ZhHans` is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Locale {
    #[default]
    ZhHans,
    ZhHant,
    En,
}

impl Locale {
    /// Every locale, in the order the language switch shows them.
    pub const ALL: [Locale; 3] = [Locale::ZhHans, Locale::ZhHant, Locale::En];

    /// The BCP 47 tag, as written in `<html lang>` and in the `lang` URL parameter.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhHans => "zh-Hans",
            Locale::ZhHant => "zh-Hant",
            Locale::En => "en",
        }
    }

    /// The locale's own name for itself, as shown on the language switch.
    pub fn autonym(self) -> &'static str {
        match self {
            Locale::ZhHans => "简体",
            Locale::ZhHant => "繁體",
            Locale::En => "English",
        }
    }

    /// Chooses a locale for a BCP 47 tag such as a browser's `navigator.language`.
    /// Traditional-script regions (TW, HK, MO) map to `ZhHant`; other Chinese to `ZhHans`.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let lower = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = lower.split('-');
        match parts.next()? {
            "en" => Some(Locale::En),
            "zh" => {
                let rest: Vec<&str> = parts.collect();
                let traditional = rest.iter().any(|p| matches!(*p, "hant" | "tw" | "hk" | "mo"))
                    && !rest.contains(&"hans");
                Some(if traditional { Locale::ZhHant } else { Locale::ZhHans })
            }
            _ => None,
        }
    }

    fn source(self) -> &'static str {
        match self {
            Locale::ZhHans => include_str!("locales/zh-Hans.ftl"),
            Locale::ZhHant => include_str!("locales/zh-Hant.ftl"),
            Locale::En => include_str!("locales/en.ftl"),
        }
    }

    fn langid(self) -> LanguageIdentifier {
        match self {
            Locale::ZhHans => langid!("zh-Hans"),
            Locale::ZhHant => langid!("zh-Hant"),
            Locale::En => langid!("en"),
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

type Bundle = FluentBundle<FluentResource>;

thread_local! {
    static BUNDLES: [OnceCell<Bundle>; 3] = const { [OnceCell::new(), OnceCell::new(), OnceCell::new()] };
}

fn build_bundle(locale: Locale) -> Bundle {
    // The locale files are compiled in and checked by the tests below, so a syntax error here
    // is a build defect; Fluent still returns the entries it could parse, which we keep.
    let resource = FluentResource::try_new(locale.source().to_owned()).unwrap_or_else(|(res, _)| res);
    let mut bundle = FluentBundle::new(vec![locale.langid()]);
    // Unicode isolation marks around arguments would show up in SVG text and CSV downloads.
    bundle.set_use_isolating(false);
    // Duplicate ids are rejected by the tests; the first definition wins here.
    let _ = bundle.add_resource(resource);
    bundle
}

fn with_bundle<R>(locale: Locale, f: impl FnOnce(&Bundle) -> R) -> R {
    let index = Locale::ALL.iter().position(|l| *l == locale).unwrap_or(0);
    BUNDLES.with(|bundles| f(bundles[index].get_or_init(|| build_bundle(locale))))
}

/// An argument value for a message: text or a number (numbers select plural forms).
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<f64> for Arg {
    fn from(n: f64) -> Self {
        Arg::Number(n)
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(n as f64)
    }
}
impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        Arg::Number(n as f64)
    }
}
impl From<u16> for Arg {
    fn from(n: u16) -> Self {
        Arg::Number(f64::from(n))
    }
}

/// The message `id` in `locale`. A missing id yields the id itself so the gap is visible.
pub fn tr(locale: Locale, id: &str) -> String {
    tr_args(locale, id, &[])
}

/// The message `id` in `locale` with named arguments.
pub fn tr_args(locale: Locale, id: &str, args: &[(&str, Arg)]) -> String {
    with_bundle(locale, |bundle| {
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Text(s) => FluentValue::from(s.as_str()),
                Arg::Number(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast;
    use std::collections::BTreeSet;

    fn ids(locale: Locale) -> BTreeSet<String> {
        let resource = FluentResource::try_new(locale.source().to_owned())
            .unwrap_or_else(|(_, errors)| panic!("{locale}: Fluent syntax errors {errors:?}"));
        let mut seen = BTreeSet::new();
        for entry in resource.entries() {
            if let ast::Entry::Message(m) = entry {
                assert!(seen.insert(m.id.name.to_owned()), "{locale}: duplicate id {}", m.id.name);
            }
        }
        seen
    }

    #[test]
    fn every_locale_parses_and_defines_the_same_messages() {
        let reference = ids(Locale::ZhHans);
        assert!(reference.len() > 40, "zh-Hans defines only {} messages", reference.len());
        for locale in [Locale::ZhHant, Locale::En] {
            let other = ids(locale);
            let missing: Vec<_> = reference.difference(&other).collect();
            let extra: Vec<_> = other.difference(&reference).collect();
            assert!(missing.is_empty() && extra.is_empty(), "{locale}: missing {missing:?}, extra {extra:?}");
        }
    }

    /// Every message id the code asks for (`tr(…, "id"`, `tr_args(…, "id"`, `t("id"`, `t_args("id"`)
    /// exists in the locale files, so no key typo reaches a user as a raw id.
    #[test]
    fn every_message_id_used_in_the_source_exists() {
        let defined = ids(Locale::ZhHans);
        let mut used = BTreeSet::new();
        let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).expect("src is readable").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).expect("source is UTF-8");
                    used.extend(message_ids_in(&text));
                }
            }
        }
        assert!(used.len() > 20, "found only {} message ids in use: the scan is broken", used.len());
        let undefined: Vec<_> = used.difference(&defined).collect();
        assert!(undefined.is_empty(), "ids used in code but not in the locale files: {undefined:?}");
    }

    /// The string literals passed as message ids to `tr` and `tr_args` (free functions) and to
    /// `.t` and `.t_args` (methods of the UI's locale context). Comment lines are skipped.
    fn message_ids_in(source: &str) -> Vec<String> {
        let text: String = source.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
        let text = text.as_str();
        let mut found = Vec::new();
        for (call, method) in [("tr(locale, \"", false), ("tr_args(locale, \"", false), (".t(\"", true), (".t_args(\"", true)] {
            let mut offset = 0;
            while let Some(at) = text[offset..].find(call) {
                let start = offset + at;
                offset = start + call.len();
                let before = text[..start].chars().next_back();
                if !method && before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = &text[offset..];
                let id = &rest[..rest.find('"').unwrap_or(0)];
                if !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                    found.push(id.to_owned());
                }
            }
        }
        found
    }

    #[test]
    fn scanner_finds_ids_in_calls_only() {
        let ids = message_ids_in(
            r#"tr(locale, "nav-map"); i18n.t("retry"); expect("not-this"); attr("no"); i18n.t_args("loading-slow", &[]); xtr(locale, "nope")
            /// a doc comment naming tr(locale, "comment") is not a call"#,
        );
        assert_eq!(ids, ["nav-map", "retry", "loading-slow"].map(String::from));
    }

    #[test]
    fn lookup_formats_arguments_in_each_locale() {
        let args = [("url", Arg::from("data/x.json")), ("status", Arg::from(404u16)), ("statusText", Arg::from(" Not Found"))];
        assert_eq!(
            tr_args(Locale::En, "error-http-status", &args),
            "The server answered HTTP 404 Not Found for data/x.json."
        );
        assert_eq!(tr_args(Locale::ZhHans, "error-http-status", &args), "请求 data/x.json 时服务器返回 HTTP 404 Not Found。");
        assert!(tr(Locale::ZhHant, "nav-funds").contains('資'));
    }

    #[test]
    fn english_plural_forms_follow_the_count() {
        let one = tr_args(Locale::En, "error-data-invalid", &[("url", "a".into()), ("count", 1usize.into())]);
        let many = tr_args(Locale::En, "error-data-invalid", &[("url", "a".into()), ("count", 3usize.into())]);
        assert!(one.contains("one problem"), "{one}");
        assert!(many.contains("3 problems"), "{many}");
    }

    #[test]
    fn missing_id_is_visible_not_blank() {
        assert_eq!(tr(Locale::En, "no-such-message"), "no-such-message");
    }

    #[test]
    fn browser_tags_map_to_locales() {
        assert_eq!(Locale::from_tag("zh-CN"), Some(Locale::ZhHans));
        assert_eq!(Locale::from_tag("zh"), Some(Locale::ZhHans));
        assert_eq!(Locale::from_tag("zh-TW"), Some(Locale::ZhHant));
        assert_eq!(Locale::from_tag("zh_HK"), Some(Locale::ZhHant));
        assert_eq!(Locale::from_tag("zh-Hant-TW"), Some(Locale::ZhHant));
        assert_eq!(Locale::from_tag("zh-Hans-HK"), Some(Locale::ZhHans));
        assert_eq!(Locale::from_tag("en-GB"), Some(Locale::En));
        assert_eq!(Locale::from_tag("fr"), None);
        for l in Locale::ALL {
            assert_eq!(Locale::from_tag(l.tag()), Some(l));
        }
    }
}
