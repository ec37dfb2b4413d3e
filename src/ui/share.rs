//! Embed, download and cite a view: three buttons under a chart, the explorer's table or the map,
//! each opening a dialog. The files and texts come from [`crate::share`]; this module only asks the
//! browser to save or copy them.

use leptos::html::Dialog;
use leptos::prelude::*;

use std::sync::Arc;

use crate::chart::spec::Chart;
use crate::map::choropleth::Choropleth;
use crate::data::period::Date;
use crate::data::Dataset;
use crate::i18n::{tr, tr_args, Locale};
use crate::params::Theme;
use crate::share::{self, card, cite, embed, table};

use super::download;
use super::load;
use super::i18n::use_i18n;
use super::theme::use_theme;
use super::DataState;

/// What a view offers to take away.
#[derive(Clone, Debug, PartialEq)]
pub struct Shared {
    /// The view's title, for the iframe's title, the dialogs and the citation.
    pub title: String,
    /// The chart's id: the permalink's anchor and the embed's `chart` parameter.
    pub anchor: Option<String>,
    /// The file names' stem.
    pub stem: String,
    /// The height the iframe starts at, before the embed reports its own.
    pub height: u32,
    pub shown: Shown,
}

/// The data a view shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Shown {
    /// A chart: its card (PNG, SVG) and its marks (CSV).
    Chart(Chart),
    /// A choropleth of `dataset`: its card (with the map drawn on the page, found by `picture`, a
    /// selector) and its table (CSV); `caption` credits the boundaries.
    Map { map: Arc<Choropleth>, dataset: Arc<Dataset>, caption: String, picture: &'static str },
    /// A table, as its CSV text.
    Table(String),
}

impl Shared {
    /// The shown data as CSV.
    fn csv(&self, locale: Locale) -> String {
        match &self.shown {
            Shown::Chart(chart) => table::chart_csv(chart, locale),
            Shown::Map { map, dataset, .. } => table::choropleth_csv(&map.rows(dataset, locale), locale),
            Shown::Table(csv) => csv.clone(),
        }
    }
}

/// Today in the reader's time zone.
fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date { year: now.get_full_year() as u16, month: Some(now.get_month() as u8 + 1), day: Some(now.get_date() as u8) }
}

/// The address of the view on screen, pointing at `anchor`.
fn permalink(anchor: Option<&str>) -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let page = href.split('#').next().unwrap_or_default();
    anchor.map_or_else(|| page.to_owned(), |a| format!("{page}#{a}"))
}

/// The embed's address for the view on screen, in `lang` and `theme` (none: the reader's system).
fn embed_src(anchor: Option<&str>, lang: Locale, theme: Option<Theme>) -> String {
    let Some(url) = web_sys::window().and_then(|w| w.location().href().ok()).and_then(|h| web_sys::Url::new(&h).ok()) else {
        return String::new();
    };
    url.set_pathname(&embed::embed_path(&url.pathname()));
    url.set_hash("");
    let params = url.search_params();
    match anchor {
        Some(a) => params.set("chart", a),
        None => params.delete("chart"),
    }
    params.set("lang", lang.tag());
    match theme {
        Some(t) => params.set("theme", t.name()),
        None => params.delete("theme"),
    }
    url.href()
}

/// Opens the dialog behind `dialog` as a modal (focus moves into it; Escape closes it).
fn open(dialog: NodeRef<Dialog>) {
    if let Some(d) = dialog.get_untracked() {
        let _ = d.show_modal();
    }
}

/// A dialog with a heading and a close button around `children`.
#[component]
fn ShareDialog(dialog: NodeRef<Dialog>, id: String, #[prop(into)] heading: Signal<String>, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <dialog class="share-dialog" node_ref=dialog aria-labelledby=format!("{id}-heading")>
            <div class="share-dialog-head">
                <h2 id=format!("{id}-heading")>{heading}</h2>
                <button type="button" class="share-close" on:click=move |_| if let Some(d) = dialog.get_untracked() { d.close() }>
                    {move || i18n.t("share-close")}
                </button>
            </div>
            {children()}
        </dialog>
    }
}

/// The three buttons and their dialogs for `shared`.
#[component]
pub fn ShareTools(#[prop(into)] shared: Signal<Shared>, id: String) -> impl IntoView {
    let i18n = use_i18n();
    let (embed_dialog, download_dialog, cite_dialog) = (NodeRef::<Dialog>::new(), NodeRef::<Dialog>::new(), NodeRef::<Dialog>::new());
    let opened = RwSignal::new(0u32);
    let accessed = RwSignal::new(None);
    let title = move |msg: &'static str| Signal::derive(move || i18n.t_args(msg, &[("title", shared.with(|s| s.title.clone()).into())]));
    view! {
        <div class="share-tools" role="group" aria-label=move || i18n.t("share-label")>
            <button type="button" data-share="embed" aria-haspopup="dialog" on:click=move |_| open(embed_dialog)>{move || i18n.t("share-embed")}</button>
            <button type="button" data-share="download" aria-haspopup="dialog" on:click=move |_| { opened.update(|n| *n += 1); open(download_dialog) }>{move || i18n.t("share-download")}</button>
            <button type="button" data-share="cite" aria-haspopup="dialog" on:click=move |_| { accessed.set(Some(today())); open(cite_dialog) }>{move || i18n.t("share-cite")}</button>
        </div>
        <ShareDialog dialog=embed_dialog id=format!("{id}-embed") heading=title("embed-heading")><EmbedCode shared=shared/></ShareDialog>
        <ShareDialog dialog=download_dialog id=format!("{id}-download") heading=title("download-heading")><Downloads shared=shared opened=opened/></ShareDialog>
        <ShareDialog dialog=cite_dialog id=format!("{id}-cite") heading=title("cite-heading")><Citations shared=shared accessed=accessed/></ShareDialog>
    }
}

/// A read-only text with a copy button and a status line.
#[component]
fn CopyBox(#[prop(into)] text: Signal<String>, label: &'static str, rows: u32) -> impl IntoView {
    let i18n = use_i18n();
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let t = text.get_untracked();
        leptos::task::spawn_local(async move { copied.set(Some(super::shell::copy_text(&t).await)) });
    };
    view! {
        <label class="copy-box">
            <span>{move || i18n.t(label)}</span>
            <textarea readonly=true rows=rows prop:value=move || text.get() on:input=move |_| copied.set(None)
                on:focus=move |ev| { event_target::<web_sys::HtmlTextAreaElement>(&ev).select(); }></textarea>
        </label>
        <button type="button" class="copy-button" on:click=copy>{move || i18n.t("share-copy")}</button>
        <span class="copy-status" role="status">
            {move || match copied.get() {
                Some(true) => i18n.t("share-copied"),
                Some(false) => i18n.t("share-copy-manual"),
                None => String::new(),
            }}
        </span>
    }
}

/// The iframe snippet, in a language and theme the journalist picks.
#[component]
fn EmbedCode(shared: Signal<Shared>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = RwSignal::new(None::<Locale>);
    let theme = RwSignal::new(None::<Theme>);
    let code = Signal::derive(move || {
        let s = shared.get();
        let src = embed_src(s.anchor.as_deref(), lang.get().unwrap_or_else(|| i18n.locale.get()), theme.get());
        let script = super::load::absolute_url("/embed.js");
        embed::snippet(&src, &s.title, s.height, &script)
    });
    view! {
        <div class="share-options">
            <label class="picker">{move || i18n.t("embed-lang")}
                <select on:change=move |ev| lang.set(Locale::from_tag(&event_target_value(&ev)))>
                    {Locale::ALL.iter().map(|&l| view! {
                        <option value=l.tag() lang=l.tag() selected=move || lang.get().unwrap_or_else(|| i18n.locale.get()) == l>{l.autonym()}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="picker">{move || i18n.t("embed-theme")}
                <select on:change=move |ev| theme.set(Theme::parse(&event_target_value(&ev)))>
                    <option value="auto" selected=move || theme.get().is_none()>{move || i18n.t("embed-theme-auto")}</option>
                    <option value="light" selected=move || theme.get() == Some(Theme::Light)>{move || i18n.t("embed-theme-light")}</option>
                    <option value="dark" selected=move || theme.get() == Some(Theme::Dark)>{move || i18n.t("embed-theme-dark")}</option>
                </select>
            </label>
        </div>
        <CopyBox text=code label="embed-code" rows=5/>
        <p class="share-help">{move || i18n.t("embed-help")}</p>
    }
}

/// PNG at three scales, SVG, CSV and the whole data package.
#[component]
fn Downloads(shared: Signal<Shared>, opened: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let theme = use_theme();
    // Outside the portal (a component on its own) there is no package to offer.
    let data = use_context::<DataState>();
    let failed = RwSignal::new(None::<String>);
    let report = move |r: Result<(), String>| failed.set(r.err());
    let card_at = move |scale: u32| -> Option<Result<card::Card, String>> {
        let s = shared.get_untracked();
        let (locale, palette) = (i18n.locale.get_untracked(), theme.current().palette());
        let credit = format!("{} · {}", tr(locale, "portal-name"), permalink(s.anchor.as_deref()));
        match &s.shown {
            Shown::Chart(chart) => Some(card::card(chart, palette, &credit, locale, scale).map_err(|e| e.to_string())),
            Shown::Map { map, dataset, caption, picture } => Some(download::standalone_svg(picture).map(|(svg, w, h)| {
                let width = f64::from(card::INNER_WIDTH);
                let words = card::map_words(map, &map.rows(dataset, locale), caption, &credit, locale);
                card::compose(&words, card::Picture { svg: &svg, width, height: width * h / w }, palette, locale, scale)
            })),
            Shown::Table(_) => None,
        }
    };
    // The card's size at 1×, for the buttons' labels, measured when the dialog opens (not when
    // the page draws its charts: the dialog's content is in the page from the start).
    let size = Memo::new(move |_| {
        if opened.get() == 0 {
            return None;
        }
        shared.track();
        i18n.locale.track();
        card_at(1).and_then(Result::ok).map(|c| (c.width, c.height))
    });
    let save_png = move |scale: u32| {
        let Some(made) = card_at(scale) else { return };
        let name = share::file_name(&format!("{}{}", shared.with_untracked(|s| s.stem.clone()), if scale == 1 { String::new() } else { format!("@{scale}x") }), "png");
        leptos::task::spawn_local(async move {
            let result = match made {
                Ok(c) => match download::png(&c.svg, c.width, c.height).await {
                    Ok(blob) => download::save(&blob, &name),
                    Err(e) => Err(e),
                },
                Err(e) => Err(e),
            };
            report(result);
        });
    };
    let save_svg = move |_| {
        let Some(made) = card_at(1) else { return };
        let name = share::file_name(&shared.with_untracked(|s| s.stem.clone()), "svg");
        report(made.and_then(|c| download::save(&download::bytes_blob(c.svg.as_bytes(), "image/svg+xml;charset=utf-8")?, &name)));
    };
    let save_csv = move |_| {
        let s = shared.get_untracked();
        let text = s.csv(i18n.locale.get_untracked());
        report(download::bytes_blob(text.as_bytes(), "text/csv;charset=utf-8").and_then(|b| download::save(&b, &share::file_name(&s.stem, "csv"))));
    };
    let save_package = move |_| {
        let Some((url, files)) = data.and_then(|d| d.files()) else { return };
        let d = today();
        leptos::task::spawn_local(async move {
            let locale = i18n.locale.get_untracked();
            let result = match load::fetch_again(&url, &files).await {
                Ok(again) => {
                    let paths: Vec<String> = again.iter().map(|(f, _)| format!("datapackage/{}", f.path)).collect();
                    let headers: Vec<share::zip::Header> =
                        again.iter().zip(&paths).map(|((f, _), path)| share::zip::Header { path, crc: f.crc, size: f.len as u32 }).collect();
                    let (locals, end) = share::zip::layout(&headers, (d.year, d.month.unwrap_or(1), d.day.unwrap_or(1)));
                    // The files' bytes go into the archive as the browser holds them.
                    let parts = js_sys::Array::new();
                    for (local, (_, received)) in locals.iter().zip(&again) {
                        parts.push(&js_sys::Uint8Array::from(local.as_slice()));
                        for chunk in received.parts().iter() {
                            parts.push(&chunk);
                        }
                    }
                    parts.push(&js_sys::Uint8Array::from(end.as_slice()));
                    download::parts_blob(&parts, "application/zip").and_then(|b| download::save(&b, "gongkai-datapackage.zip"))
                }
                Err(load::Refetch::Failed(e)) => Err(e.describe(locale)),
                Err(load::Refetch::Changed(file)) => Err(tr_args(locale, "download-package-changed", &[("file", file.into())])),
            };
            report(result);
        });
    };
    let has_picture = move || shared.with(|s| !matches!(s.shown, Shown::Table(_)));
    view! {
        <ul class="downloads">
            {move || has_picture().then(|| [1u32, 2, 4].into_iter().map(|scale| view! {
                <li><button type="button" data-download=format!("png-{scale}") on:click=move |_| save_png(scale)>
                    {move || {
                        let (w, h) = size.get().unwrap_or_default();
                        i18n.t_args("download-png", &[("scale", scale.to_string().into()), ("width", (w * scale).to_string().into()), ("height", (h * scale).to_string().into())])
                    }}
                </button></li>
            }).collect_view())}
            {move || has_picture().then(|| view! {
                <li><button type="button" data-download="svg" on:click=save_svg>{move || i18n.t("download-svg")}</button></li>
            })}
            <li><button type="button" data-download="csv" on:click=save_csv>{move || i18n.t("download-csv")}</button></li>
            {data.is_some().then(|| view! {
                <li><button type="button" data-download="package" on:click=save_package>{move || i18n.t("download-package")}</button></li>
            })}
        </ul>
        <p class="share-help">{move || i18n.t(if has_picture() { "download-help" } else { "download-help-table" })}</p>
        {move || failed.get().map(|detail| view! { <p class="chart-error" role="alert">{move || i18n.t_args("download-failed", &[("detail", detail.as_str().into())])}</p> })}
    }
}

/// The view cited in GB/T 7714 and APA style, with its permalink and the day the dialog was
/// opened (`accessed`; nothing is written before, so that a page pre-rendered or left open on
/// another day never shows a stale date).
#[component]
fn Citations(shared: Signal<Shared>, accessed: RwSignal<Option<Date>>) -> impl IntoView {
    let i18n = use_i18n();
    let texts = Signal::derive(move || {
        let Some(accessed) = accessed.get() else { return Default::default() };
        let s = shared.get();
        let (author, url) = (i18n.t("portal-name"), permalink(s.anchor.as_deref()));
        let work = cite::Work { author: &author, title: &s.title, url: &url, accessed };
        (cite::gbt7714(&work), cite::apa(&work, i18n.locale.get()))
    });
    view! {
        <CopyBox text=Signal::derive(move || texts.get().0) label="cite-gbt7714" rows=3/>
        <CopyBox text=Signal::derive(move || texts.get().1) label="cite-apa-label" rows=3/>
        <p class="share-help">{move || accessed.get().map(|day| i18n.t_args("cite-help", &[("date", crate::format::date(day, i18n.locale.get()).into())]))}</p>
    }
}
