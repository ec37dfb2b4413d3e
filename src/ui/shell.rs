//! The frame around every page: portal name, language switch, theme toggle and navigation.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::Locale;

use super::i18n::use_i18n;
use super::theme::{use_theme, Theme};
use super::url::use_url;
use crate::params::Portal;

/// The pages in navigation order: route and message id of the link text.
pub const PAGES: [(&str, &str); 9] = [
    ("/", "nav-overview"),
    ("/poverty-exits", "nav-poverty-exits"),
    ("/funds", "nav-funds"),
    ("/paired-assistance", "nav-paired-assistance"),
    ("/commitments", "nav-commitments"),
    ("/map", "nav-map"),
    ("/explore", "nav-explore"),
    ("/sources", "nav-sources"),
    ("/present", "nav-present"),
];

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let url = use_url();
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_content>{move || i18n.t("skip-to-content")}</a>
        <header class="site-header">
            <div class="masthead">
                <div class="brand">
                    <A href=move || url.href("/") attr:class="portal-name">{move || i18n.t("portal-name")}</A>
                    <p class="tagline">{move || i18n.t("portal-tagline")}</p>
                </div>
                <div class="controls">
                    <LanguageSwitch/>
                    <ThemeToggle/>
                    <CopyLink/>
                </div>
            </div>
            <div class="site-find" role="search"><super::find::SiteSearch/></div>
            <nav class="site-nav" aria-label=move || i18n.t("nav-label")>
                <ul>
                    {PAGES
                        .iter()
                        .map(|(href, id)| view! { <li><A href=move || url.href(href) exact=true>{move || i18n.t(id)}</A></li> })
                        .collect_view()}
                </ul>
            </nav>
        </header>
    }
}

/// Moves focus to the page's content. Left to the router, `#main` would be a link to the overview.
fn skip_to_content(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    let main = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("main"));
    if let Some(main) = main.and_then(|m| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(m).ok()) {
        let _ = main.focus();
    }
}

/// One button per language; the current one is pressed. Each button is labelled in its own
/// language and marked with `lang` so screen readers pronounce it correctly.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let url = use_url();
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
                            on:click=move |_| {
                                i18n.set(locale);
                                url.set_portal(&Portal { lang: locale, ..url.portal.get_untracked().0 }, false);
                            }
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
    let url = use_url();
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
            on:click=move |_| {
                let next = theme.current().other();
                theme.choose(Some(next));
                url.set_portal(&Portal { theme: Some(next), ..url.portal.get_untracked().0 }, false);
            }
        >
            <span aria-hidden="true">{move || if theme.current() == Theme::Dark { "☀ " } else { "☾ " }}</span>
            {target}
        </button>
    }
}

/// Puts `text` on the clipboard; whether the browser allowed it.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    wasm_bindgen_futures::JsFuture::from(window.navigator().clipboard().write_text(text)).await.is_ok()
}

/// Copies the address of the view on screen, which holds everything needed to see it again.
/// Where the clipboard is not available, the address is shown selected for the reader to copy.
#[component]
fn CopyLink() -> impl IntoView {
    let i18n = use_i18n();
    // None until pressed; then whether the clipboard took the address.
    let copied = RwSignal::new(None::<bool>);
    let address = RwSignal::new(String::new());
    let copy = move |_| {
        let Some(window) = web_sys::window() else { return };
        let href = window.location().href().unwrap_or_default();
        address.set(href.clone());
        leptos::task::spawn_local(async move { copied.set(Some(copy_text(&href).await)) });
    };
    view! {
        <div class="copy-link">
            <button type="button" on:click=copy>{move || i18n.t("copy-link")}</button>
            <span class="copy-link-status" role="status">
                {move || match copied.get() {
                    Some(true) => i18n.t("copy-link-done"),
                    Some(false) => i18n.t("copy-link-manual"),
                    None => String::new(),
                }}
            </span>
            {move || (copied.get() == Some(false)).then(|| view! {
                <input class="copy-link-address" type="text" readonly=true aria-label=move || i18n.t("copy-link-address") prop:value=move || address.get()
                    on:focus=move |ev| { let _ = event_target::<web_sys::HtmlInputElement>(&ev).select(); }/>
            })}
        </div>
    }
}
