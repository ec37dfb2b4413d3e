//! An embedded view (`/embed/<page path>?<the page's parameters>`): one chart, the explorer's
//! table or the map, with its title, unit and source line and a link to the full view, and
//! nothing else. It posts its height to the host page whenever it changes (the message format is
//! in [`crate::share::embed`]); `public/embed.js` resizes the iframe.

use leptos::html::Div;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::chart::catalogue::pages::{explore_indicator, explore_scope, shown};
use crate::derive::figures_of_indicator;
use crate::params::{decode_search, Search, Tab};
use crate::share::embed::{full_path, ASK_MESSAGE, HEIGHT_MESSAGE, MAX_HEIGHT, VERSION};

use super::chart::ChartFigure;
use super::i18n::use_i18n;
use super::map::MapSection;
use super::pages::use_view;
use super::sources::FigureTable;
use super::DataState;

/// Whether the page is an embed: it then shows one view without the portal's header, opens
/// links in a new tab, and neither reads nor writes the reader's remembered choices.
pub fn embedded() -> bool {
    let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
    full_path(&path).is_some()
}

/// Posts the height of `root` to the parent window.
fn post_height(root: &web_sys::Element) {
    let Some(window) = web_sys::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    if parent == window {
        return;
    }
    let height = root.get_bounding_client_rect().height().ceil().clamp(0.0, f64::from(MAX_HEIGHT));
    let message = js_sys::Object::new();
    for (key, value) in [("type", HEIGHT_MESSAGE.into()), ("version", f64::from(VERSION).into()), ("height", height.into())] {
        let _ = js_sys::Reflect::set(&message, &key.into(), &value);
    }
    // The height is no secret: any host may learn it.
    let _ = parent.post_message(&message, "*");
}

/// Posts `root`'s height now, whenever it changes size, and when the host asks.
fn report_height(root: web_sys::Element) {
    let observed = root.clone();
    let on_resize = Closure::<dyn Fn()>::new(move || post_height(&observed));
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&root);
        on_cleanup(move || observer.disconnect());
    }
    on_resize.forget();
    let asked = root.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let kind = js_sys::Reflect::get(&e.data(), &"type".into()).ok().and_then(|t| t.as_string());
        if kind.as_deref() == Some(ASK_MESSAGE) {
            post_height(&asked);
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    }
    on_message.forget();
    post_height(&root);
}

#[component]
pub fn Embed() -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_context::<DataState>();
    let view = use_view();
    let location = use_location();
    let root = NodeRef::<Div>::new();
    // The host's iframe carries the view's title; the embed's own is the portal's name.
    super::i18n::page_title(String::new);
    Effect::new(move |_| {
        if let Some(el) = root.get() {
            report_height(el.into());
        }
    });
    let page = Memo::new(move |_| full_path(&location.pathname.get()).unwrap_or_else(|| "/".into()));
    let chart_id = Memo::new(move |_| decode_search(&location.search.get()).into_iter().find(|(k, _)| k == "chart").map(|(_, v)| v));
    // The full view: the same page and parameters, at the chart.
    let back = move || {
        let mut search = Search::default();
        for (k, v) in decode_search(&location.search.get()).into_iter().filter(|(k, _)| k != "chart") {
            search.push(k, v);
        }
        let query = search.finish();
        let anchor = chart_id.get().map(|c| format!("#{c}")).unwrap_or_default();
        super::load::absolute_url(&format!("{}{query}{anchor}", page.get()))
    };
    let body = move || {
        let d = data.dataset.get()?;
        let locale = i18n.locale.get();
        let v = view.get().0;
        let path = page.get();
        let path = path.trim_start_matches('/');
        Some(match (path, v.tab) {
            ("map", _) | ("explore", Tab::Map) => view! { <MapSection/> }.into_any(),
            ("explore", Tab::Table) => {
                let lines = explore_indicator(&d, &v).map(|i| figures_of_indicator(&d, i, explore_scope(&d, &v), locale)).unwrap_or_default();
                view! { <FigureTable lines=lines/> }.into_any()
            }
            _ => {
                let charts = shown(&d, path, &v, locale);
                let wanted = chart_id.get();
                match charts.into_iter().find(|c| wanted.as_ref().is_none_or(|w| *w == c.id)) {
                    Some(chart) => view! { <ChartFigure chart=chart/> }.into_any(),
                    None => {
                        let what = wanted.unwrap_or_default();
                        view! { <p class="data-notice" role="note">{i18n.t_args("embed-no-chart", &[("chart", what.into()), ("page", page.get().into())])}</p> }.into_any()
                    }
                }
            }
        })
    };
    view! {
        <div class="embed" node_ref=root>
            {body}
            <p class="embed-back">
                <a href=back target="_blank" rel="noopener">{move || i18n.t("embed-back")}</a>
                " · "{move || i18n.t("portal-name")}
            </p>
        </div>
    }
}
