//! Working without network: registers the service worker (`public/sw.js`), which keeps the app,
//! the default data and the first map view in the browser's cache after one visit, and shows
//! whether the data is cached and since when (and when the browser is offline).

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::i18n::use_i18n;

/// Bumped when the service worker says it has filled its cache.
#[derive(Clone, Copy)]
struct Cached(RwSignal<u32>);

/// Registers the service worker and listens for its "cached" message once `ready` is true (the
/// page's data has loaded: the worker's downloads must not slow the first view on a slow
/// network); provides the context the status reads. Does nothing where service workers are
/// unavailable (plain http on another host).
pub fn register(ready: impl Fn() -> bool + Send + Sync + 'static) {
    let cached = Cached(RwSignal::new(0));
    provide_context(cached);
    super::once_ready(ready, move || start(cached));
}

fn start(cached: Cached) {
    let Some(window) = web_sys::window() else { return };
    let container = window.navigator().service_worker();
    if !js_sys::Reflect::has(&window.navigator(), &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let kind = js_sys::Reflect::get(&e.data(), &"type".into()).ok().and_then(|t| t.as_string());
        if kind.as_deref() == Some("gongkai:cached") {
            cached.0.update(|n| *n += 1);
        }
    });
    container.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Where registration is refused (blocked, private modes), the portal simply works online.
    let registering = JsFuture::from(container.register(&super::load::absolute_url("/sw.js")));
    leptos::task::spawn_local(async move {
        let _ = registering.await;
    });
}

/// When the default data package was cached, as the service worker recorded it.
async fn cached_at() -> Option<String> {
    let caches = web_sys::window()?.caches().ok()?;
    let url = super::load::absolute_url(super::load::DEFAULT_PACKAGE);
    let found = JsFuture::from(caches.match_with_str(&url)).await.ok()?;
    let response: web_sys::Response = found.dyn_into().ok()?;
    response.headers().get("x-gongkai-cached").ok().flatten()
}

/// An ISO 8601 time as the reader's date and local clock time: 2026年11月24日 11:40.
fn local_time(iso: &str, locale: crate::i18n::Locale) -> String {
    let t = js_sys::Date::new(&iso.into());
    if t.get_time().is_nan() {
        return iso.to_owned();
    }
    let date = crate::data::period::Date { year: t.get_full_year() as u16, month: Some(t.get_month() as u8 + 1), day: Some(t.get_date() as u8) };
    format!("{} {:02}:{:02}", crate::format::date(date, locale), t.get_hours(), t.get_minutes())
}

/// "Offline ready · data cached 24 November 2026 03:40", or that it is not cached yet; and a
/// warning while the browser is offline.
#[component]
pub fn OfflineStatus() -> impl IntoView {
    let i18n = use_i18n();
    let bumped = use_context::<Cached>().map(|c| c.0);
    let online = RwSignal::new(web_sys::window().is_none_or(|w| w.navigator().on_line()));
    let up = window_event_listener(leptos::ev::online, move |_| online.set(true));
    let down = window_event_listener(leptos::ev::offline, move |_| online.set(false));
    on_cleanup(move || {
        up.remove();
        down.remove();
    });
    let when = LocalResource::new(move || {
        if let Some(b) = bumped {
            b.track();
        }
        cached_at()
    });
    view! {
        <p class="offline-status" role="status" data-cached=move || when.get().flatten().is_some().to_string()>
            {move || {
                let locale = i18n.locale.get();
                let stamp = when.get().flatten().map(|iso| local_time(&iso, locale));
                match (online.get(), stamp) {
                    (true, Some(at)) => i18n.t_args("offline-ready", &[("at", at.into())]),
                    (false, Some(at)) => i18n.t_args("offline-now", &[("at", at.into())]),
                    (true, None) => i18n.t("offline-not-yet"),
                    (false, None) => i18n.t("offline-no-cache"),
                }
            }}
        </p>
    }
}
