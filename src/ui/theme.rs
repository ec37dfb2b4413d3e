//! Light and dark themes: follow the operating system until the reader chooses, then remember
//! the choice. The stylesheet reads `<html data-theme>` through `color-scheme` and `light-dark()`.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::chart::render::Palette;

use super::storage;

const STORAGE_KEY: &str = "gongkai-theme";

pub use crate::params::Theme;

impl Theme {
    pub fn palette(self) -> &'static Palette {
        match self {
            Theme::Light => &Palette::LIGHT,
            Theme::Dark => &Palette::DARK,
        }
    }
}

/// The theme in force: the reader's choice if any, else the operating system's.
#[derive(Clone, Copy)]
pub struct ThemeState {
    chosen: RwSignal<Option<Theme>>,
    os: RwSignal<Theme>,
}

impl ThemeState {
    pub fn current(&self) -> Theme {
        self.chosen.get().unwrap_or_else(|| self.os.get())
    }

    /// The reader's choice, if any.
    pub fn chosen(&self) -> Option<Theme> {
        self.chosen.get_untracked()
    }

    /// Takes the reader's choice (remembered), or goes back to following the operating system.
    pub fn choose(&self, theme: Option<Theme>) {
        if let Some(t) = theme {
            storage::set(STORAGE_KEY, t.name());
        }
        self.chosen.set(theme);
    }
}

fn dark_query() -> Option<web_sys::MediaQueryList> {
    web_sys::window()?.match_media("(prefers-color-scheme: dark)").ok().flatten()
}

/// Creates the theme context, follows OS changes, and writes `data-theme` on `<html>`.
pub fn provide() -> ThemeState {
    let query = dark_query();
    // `?theme=` in the address, then the remembered choice.
    let initial = super::i18n::page_portal().0.theme.or_else(|| storage::get(STORAGE_KEY).as_deref().and_then(Theme::parse));
    let os_theme = |dark: bool| if dark { Theme::Dark } else { Theme::Light };
    let state = ThemeState {
        chosen: RwSignal::new(initial),
        os: RwSignal::new(os_theme(query.as_ref().is_some_and(|q| q.matches()))),
    };
    if let Some(query) = query {
        let os = state.os;
        let on_change = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(move |e: web_sys::MediaQueryListEvent| {
            os.set(os_theme(e.matches()));
        });
        let _ = query.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        // The listener lives as long as the page.
        on_change.forget();
    }
    provide_context(state);
    Effect::new(move |_| {
        let theme = state.current();
        if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = html.set_attribute("data-theme", theme.name());
        }
    });
    state
}

pub fn use_theme() -> ThemeState {
    expect_context::<ThemeState>()
}
