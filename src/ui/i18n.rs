//! The reactive locale: a signal in context, persisted in `localStorage`, mirrored on `<html lang>`.

use leptos::prelude::*;

use crate::i18n::{tr, tr_args, Arg, Locale};

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

/// The starting locale: `?lang=` in the address, then the saved choice, then the browser's
/// languages, then 简体中文.
fn initial_locale() -> Locale {
    let window = web_sys::window();
    let from_query = window.as_ref().and_then(|w| w.location().search().ok()).and_then(|search| {
        search.trim_start_matches('?').split('&').find_map(|pair| {
            let (k, v) = pair.split_once('=')?;
            (k == "lang").then(|| Locale::from_tag(v)).flatten()
        })
    });
    let from_browser = || {
        let languages = window.as_ref()?.navigator().languages();
        languages.iter().filter_map(|l| l.as_string()).find_map(|l| Locale::from_tag(&l))
    };
    from_query.or_else(|| storage::get(STORAGE_KEY).and_then(|s| Locale::from_tag(&s))).or_else(from_browser).unwrap_or_default()
}

/// Creates the locale context and keeps `<html lang>` and the document title in step with it.
pub fn provide() -> I18n {
    let i18n = I18n { locale: RwSignal::new(initial_locale()) };
    provide_context(i18n);
    Effect::new(move |_| {
        let locale = i18n.locale.get();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(html) = doc.document_element() {
                let _ = html.set_attribute("lang", locale.tag());
            }
            doc.set_title(&tr(locale, "portal-name"));
        }
    });
    i18n
}

/// The locale context; `provide` must have run in an ancestor.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}
