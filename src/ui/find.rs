//! The portal's search box (in the header): regions with data and indicators, by Chinese name,
//! pinyin, English name, code or id; choosing a region opens its page, an indicator its page.
//! The boundary names index that gives pinyin is fetched when the box is first used. "/" focuses
//! the box from anywhere outside a text field.

use leptos::prelude::*;

use crate::find::{find, site_index, Hit};

use super::combobox::{Combobox, Option_};
use super::i18n::use_i18n;
use super::indicator::indicator_href;
use super::load::absolute_url;
use super::map::naming::Naming;
use super::region::region_href;
use super::url::use_url;
use super::DataState;

const SHOWN: usize = 8;

#[component]
pub fn SiteSearch() -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_context::<DataState>();
    let url = use_url();
    let naming = Naming::new(absolute_url("geo/names.json"));
    let text = RwSignal::new(String::new());
    let index = Memo::new(move |_| {
        let d = data.dataset.get()?;
        Some(naming.index.with(|n| std::sync::Arc::new(site_index(&d, n.as_deref()))))
    });
    let results = Memo::new(move |_| {
        let (d, index) = (data.dataset.get(), index.get());
        let (Some(d), Some(index)) = (d, index) else { return Vec::new() };
        let locale = i18n.locale.get();
        find(&d, &index, &text.get(), SHOWN)
            .into_iter()
            .filter_map(|hit| match hit {
                Hit::Region(r) => d.regions.get(r).map(|x| Option_ {
                    key: region_href(&x.code),
                    name: x.names.get(locale).to_owned(),
                    detail: x.parent.and_then(|p| d.regions.get(p)).map(|p| p.names.get(locale).to_owned()).unwrap_or_default(),
                    code: x.code.clone(),
                }),
                Hit::Indicator(i) => d.indicators.get(i).map(|x| Option_ {
                    key: indicator_href(&x.id),
                    name: x.names.get(locale).to_owned(),
                    detail: i18n.t("search-indicator"),
                    code: x.id.clone(),
                }),
            })
            .collect::<Vec<_>>()
    });
    let status = Signal::derive(move || {
        if data.dataset.with(Option::is_none) {
            Some(i18n.t("map-search-loading"))
        } else if results.with(Vec::is_empty) {
            Some(i18n.t_args("map-search-none", &[("query", text.get().into())]))
        } else {
            None
        }
    });
    // "/" anywhere outside a text field goes to the search box.
    let shortcut = window_event_listener(leptos::ev::keydown, |ev| {
        let typing = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()).is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if ev.key() == "/" && !typing && !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key() {
            let input = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("site-search-input"));
            if let Some(input) = input.and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok()) {
                ev.prevent_default();
                let _ = input.focus();
            }
        }
    });
    on_cleanup(move || shortcut.remove());
    view! {
        <Combobox
            id="site-search"
            label=Signal::derive(move || i18n.t("search-label"))
            placeholder=Signal::derive(move || i18n.t("search-placeholder"))
            text=text
            results=results
            status=status
            wake=Callback::new(move |_| naming.want())
            choose=Callback::new(move |path: String| url.go(&path))
            keyshortcuts="/"
        />
    }
}
