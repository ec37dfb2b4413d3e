//! The frame around every page: portal name, language switch, theme toggle and navigation.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::Locale;

use super::i18n::use_i18n;
use super::theme::{use_theme, Theme};

/// The pages in navigation order: route and message id of the link text.
pub const PAGES: [(&str, &str); 7] = [
    ("/", "nav-overview"),
    ("/poverty-exits", "nav-poverty-exits"),
    ("/funds", "nav-funds"),
    ("/paired-assistance", "nav-paired-assistance"),
    ("/commitments", "nav-commitments"),
    ("/map", "nav-map"),
    ("/sources", "nav-sources"),
];

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main">{move || i18n.t("skip-to-content")}</a>
        <header class="site-header">
            <div class="masthead">
                <div class="brand">
                    <A href="/" attr:class="portal-name">{move || i18n.t("portal-name")}</A>
                    <p class="tagline">{move || i18n.t("portal-tagline")}</p>
                </div>
                <div class="controls">
                    <LanguageSwitch/>
                    <ThemeToggle/>
                </div>
            </div>
            <nav class="site-nav" aria-label=move || i18n.t("nav-label")>
                <ul>
                    {PAGES
                        .iter()
                        .map(|(href, id)| view! { <li><A href=*href exact=true>{move || i18n.t(id)}</A></li> })
                        .collect_view()}
                </ul>
            </nav>
        </header>
    }
}

/// One button per language; the current one is pressed. Each button is labelled in its own
/// language and marked with `lang` so screen readers pronounce it correctly.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="lang-switch" role="group" aria-label=move || i18n.t("language-label")>
            {Locale::ALL
                .iter()
                .map(|&locale| {
                    view! {
                        <button
                            type="button"
                            lang=locale.tag()
                            aria-pressed=move || (i18n.locale.get() == locale).to_string()
                            on:click=move |_| i18n.set(locale)
                        >
                            {locale.autonym()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

#[component]
fn ThemeToggle() -> impl IntoView {
    let i18n = use_i18n();
    let theme = use_theme();
    let target = move || {
        let id = match theme.current().other() {
            Theme::Dark => "theme-to-dark",
            Theme::Light => "theme-to-light",
        };
        i18n.t(id)
    };
    view! {
        <button
            type="button"
            class="theme-toggle"
            aria-label=move || i18n.t_args("theme-toggle-label", &[("theme", target().into())])
            on:click=move |_| theme.toggle()
        >
            <span aria-hidden="true">{move || if theme.current() == Theme::Dark { "☀ " } else { "☾ " }}</span>
            {target}
        </button>
    }
}
