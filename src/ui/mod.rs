//! The Leptos UI (wasm32 only): reads the core's specs and puts them on screen.
//!
//! `App` provides three contexts (locale, theme, data) and routes the pages. The data package is
//! fetched once at start; `DataState::retry` fetches it again.

pub mod chart;
pub mod combobox;
pub mod download;
pub mod embed;
mod explore;
pub mod find;
mod first_view;
pub mod i18n;
mod indicator;
pub mod load;
pub mod map;
pub mod progress;
pub mod offline;
mod pages;
pub mod perf;
pub mod present;
mod provenance;
pub mod share;
pub mod slices;
pub mod region;
pub mod shell;
mod sources;
pub mod status;
mod storage;
pub mod theme;
pub mod url;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use std::sync::Arc;

use crate::data::descriptor::Boundaries;
use crate::data::Dataset;
use crate::params::{data_param, DataParam};

use load::{load_package, LoadError, DEFAULT_PACKAGE};
use pages::{Commitments, Funds, NotFound, Overview, PairedAssistance, PovertyExits};

/// The data package as fetched: `None` while loading, then the URL and what was read, or the error.
#[derive(Clone, Copy)]
pub struct DataState {
    resource: LocalResource<Result<load::Fetched, LoadError>>,
    attempt: RwSignal<u32>,
    /// The loaded dataset, shared by every page.
    pub dataset: Memo<Option<Arc<Dataset>>>,
    /// The descriptor's URL and the boundaries it names, as soon as it is read (before the rest of
    /// the package): the map starts on its boundary files meanwhile.
    pub boundaries: RwSignal<Option<(String, Option<Boundaries>)>>,
    /// The provinces (two-digit code prefixes) of the package's county-level regions, as soon as
    /// its regions are read: a county map asks for their boundary files while the rest loads.
    pub county_provinces: RwSignal<Vec<String>>,
    /// What `?data=` asked for, when it is not the default dataset.
    param: StoredValue<DataParam>,
}

/// The `data` parameter of the page's URL, as the page was opened.
fn data_param_of_page() -> DataParam {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    let value = web_sys::UrlSearchParams::new_with_str(&search).ok().and_then(|p| p.get("data"));
    data_param(value.as_deref())
}

/// The package `param` asks for, or the default one (relative to the page).
fn package_of(param: &DataParam) -> String {
    match param {
        DataParam::Package(url) => url.clone(),
        DataParam::Default | DataParam::Invalid { .. } => DEFAULT_PACKAGE.to_owned(),
    }
}

impl DataState {
    /// Loads the package `?data=` names, or the default one.
    pub fn new() -> Self {
        let param = data_param_of_page();
        let package = package_of(&param);
        let attempt = RwSignal::new(0u32);
        let boundaries = RwSignal::new(None);
        let county_provinces = RwSignal::new(Vec::new());
        let resource = LocalResource::new(move || {
            attempt.track();
            load_package(
                package.clone(),
                move |url, descriptor| boundaries.set(Some((url.to_owned(), descriptor.map.boundaries.clone()))),
                move |regions| county_provinces.set(crate::map::atlas::county_provinces(regions)),
            )
        });
        let dataset = Memo::new(move |_| {
            resource.with(|r| r.as_ref().and_then(|r| r.as_ref().ok()).map(|f| Arc::clone(&f.dataset)))
        });
        DataState { resource, attempt, dataset, boundaries, county_provinces, param: StoredValue::new(param) }
    }

    /// The package being shown: `?data=`'s, or the default.
    pub fn package(&self) -> String {
        self.param.with_value(package_of)
    }

    /// The descriptor's URL and the package's files as read (descriptor first), once loaded.
    pub fn files(&self) -> Option<(String, Arc<Vec<load::Published>>)> {
        self.resource.with_untracked(|r| r.as_ref().and_then(|r| r.as_ref().ok()).map(|f| (f.url.clone(), Arc::clone(&f.files))))
    }

    /// Fetches the package again.
    pub fn retry(&self) {
        self.attempt.update(|n| *n += 1);
    }
}

/// Mounts the portal in the page's `#app` element (index.html), or on `<body>` where there is none.
pub fn mount() {
    use wasm_bindgen::JsCast;
    console_error_panic_hook::set_once();
    let app = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(first_view::APP));
    match app.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(el) => leptos::mount::mount_to(el, App).forget(),
        None => leptos::mount::mount_to_body(App),
    }
}

/// Runs `run` once, as soon as `ready` is true (tracked: checked again whenever what it reads changes).
fn once_ready(ready: impl Fn() -> bool + Send + Sync + 'static, run: impl FnOnce() + 'static) {
    let mut run = Some(run);
    Effect::new(move |_| {
        if run.is_some() && ready() {
            if let Some(run) = run.take() {
                run();
            }
        }
    });
}

#[component]
pub fn App() -> impl IntoView {
    i18n::provide();
    theme::provide();
    let data = DataState::new();
    provide_context(data);
    offline::register(move || data.resource.with(Option::is_some));
    first_view::take_over(move || data.resource.with(Option::is_some));

    view! {
        <Router>
            <Frame/>
        </Router>
    }
}

/// Everything inside the router: the address context, the header, notices and the pages.
#[component]
fn Frame() -> impl IntoView {
    let url = url::provide();
    let embedded = embed::embedded();
    // Embeds and presentations fill the window: no portal header.
    let pathname = leptos_router::hooks::use_location().pathname;
    let bare = Memo::new(move |_| embedded || present::presenting(&pathname.get()));
    if embedded {
        if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = html.class_list().add_1("embedded");
        }
    }
    // `data` has its own notice in `DataStatus`.
    let problems = Memo::new(move |_| url.portal.with(|(_, p)| p.iter().filter(|p| p.param != "data").cloned().collect::<Vec<_>>()));
    view! {
            {move || (!bare.get()).then(|| view! { <shell::Header/> })}
            <main id="main" tabindex="-1">
                <url::ParamNotices problems=problems/>
                <DataStatus/>
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=Overview/>
                    <Route path=path!("/poverty-exits") view=PovertyExits/>
                    <Route path=path!("/funds") view=Funds/>
                    <Route path=path!("/paired-assistance") view=PairedAssistance/>
                    <Route path=path!("/commitments") view=Commitments/>
                    <Route path=path!("/map") view=map::MapPage/>
                    <Route path=path!("/explore") view=explore::Explore/>
                    <Route path=path!("/sources") view=sources::Sources/>
                    <Route path=path!("/figures/:id") view=provenance::FigurePage/>
                    <Route path=path!("/regions/:code") view=region::RegionPage/>
                    <Route path=path!("/indicators/:id") view=indicator::IndicatorPage/>
                    <Route path=path!("/present") view=present::Stories/>
                    <Route path=path!("/present/:story") view=present::Present/>
                    <Route path=path!("/present/:story/notes") view=present::Notes/>
                    <Route path=path!("/embed") view=embed::Embed/>
                    <Route path=path!("/embed/*page") view=embed::Embed/>
                </Routes>
                <DataLoading/>
            </main>
    }
}

/// The load error with retry, or the list of data problems, above every page; and which package
/// is shown when it is not the portal's own.
#[component]
fn DataStatus() -> impl IntoView {
    let data = expect_context::<DataState>();
    let i18n = i18n::use_i18n();
    let notice = move || match data.param.get_value() {
        DataParam::Invalid { value, reason } => Some(view! {
            <p class="data-notice" role="note">{move || i18n.t_args("param-data-invalid", &[("value", value.as_str().into()), ("reason", i18n.t(reason).into())])}</p>
        }.into_any()),
        DataParam::Package(_) => data.resource.get().and_then(|r| r.ok()).map(|load::Fetched { url, dataset, .. }| view! {
            <p class="data-notice" role="note">{move || i18n.t_args("data-other-package", &[("title", dataset.title.as_str().into()), ("url", url.as_str().into())])}</p>
        }.into_any()),
        DataParam::Default => None,
    };
    view! {
        {notice}
        {move || match data.resource.get() {
            None => ().into_any(),
            Some(Err(error)) => view! { <status::LoadFailed error=error retry=Callback::new(move |_| data.retry())/> }.into_any(),
            Some(Ok(fetched)) if !fetched.problems.is_empty() => {
                view! { <status::DataProblems url=fetched.url problems=fetched.problems.to_vec()/> }.into_any()
            }
            Some(Ok(_)) => ().into_any(),
        }}
    }
}

/// The loading indicator, below the page's heading and introduction (which show at once): there,
/// its lines coming and going never move the page's text (no layout shift).
#[component]
fn DataLoading() -> impl IntoView {
    let data = expect_context::<DataState>();
    move || data.resource.with(Option::is_none).then(|| view! { <status::Loading url=load::absolute_url(&data.package())/> })
}
