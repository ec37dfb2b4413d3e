//! The reactive locale: a signal in context, persisted in `localStorage`, mirrored on `<html lang>`.

use leptos::prelude::*;

use crate::i18n::{tr, tr_args, Arg, Locale};
use crate::params::{decode_search, lookup, Portal};

use super::storage;

const STORAGE_KEY: &str = "gongkai-locale";

/// The current locale, shared through context. `t` and `t_args` track it, so text written
/// through them updates when the language changes.
#[derive(Clone, Copy)]
pub struct I18n {
    pub locale: RwSignal<Locale>,
}

impl I18n {
    pub fn t(&self, id: &str) -> String {
        tr(self.locale.get(), id)
    }

    pub fn t_args(&self, id: &str, args: &[(&str, Arg)]) -> String {
        tr_args(self.locale.get(), id, args)
    }

    /// Switches the language and remembers the choice.
    pub fn set(&self, locale: Locale) {
        storage::set(STORAGE_KEY, locale.tag());
        self.locale.set(locale);
    }
}

/// The portal's parameters of the address the page was opened at, and whether it gives a
/// usable `lang`.
pub(crate) fn page_portal() -> (Portal, bool) {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    let pairs = decode_search(&search);
    let (portal, problems) = Portal::parse(lookup(&pairs));
    let lang_given = pairs.iter().any(|(k, v)| k == "lang" && !v.is_empty()) && !problems.iter().any(|p| p.param == "lang");
    (portal, lang_given)
}

/// The starting locale: `?lang=` in the address, then the saved choice, then the browser's
/// languages, then 简体中文.
fn initial_locale() -> Locale {
    let (portal, lang_given) = page_portal();
    let from_browser = || {
        let languages = web_sys::window()?.navigator().languages();
        languages.iter().filter_map(|l| l.as_string()).find_map(|l| Locale::from_tag(&l))
    };
    lang_given
        .then_some(portal.lang)
        .or_else(|| storage::get(STORAGE_KEY).and_then(|s| Locale::from_tag(&s)))
        .or_else(from_browser)
        .unwrap_or_default()
}

/// Creates the locale context and keeps `<html lang>` in step with it (each page titles the
/// document with [`page_title`]).
pub fn provide() -> I18n {
    let i18n = I18n { locale: RwSignal::new(initial_locale()) };
    provide_context(i18n);
    Effect::new(move |_| {
        let locale = i18n.locale.get();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(html) = doc.document_element() {
                let _ = html.set_attribute("lang", locale.tag());
            }
        }
    });
    i18n
}

/// Titles the document with the page's `heading` and the portal's name, in the reader's language
/// and as they change; the portal's name alone while `heading` is empty. Every routed page calls
/// it once, so that a browser tab, a bookmark and a screen reader name the page.
pub fn page_title(heading: impl Fn() -> String + 'static) {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let (portal, heading) = (i18n.t("portal-name"), heading());
        let title = if heading.is_empty() { portal } else { i18n.t_args("page-title", &[("page", heading.into()), ("portal", portal.into())]) };
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&title);
        }
    });
}

/// The locale context; `provide` must have run in an ancestor.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}
