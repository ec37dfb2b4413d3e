//! Downloads in progress, for the loading indicators: every file `load::fetch_text` is reading,
//! with the bytes received so far and the size the server announced.

use leptos::prelude::*;

use crate::format::transfer;

use super::i18n::use_i18n;

/// One file being downloaded.
#[derive(Clone, Debug, PartialEq)]
pub struct Transfer {
    pub url: String,
    pub received: u64,
    /// `Content-Length`, when the server sends it.
    pub total: Option<u64>,
    /// The file has arrived (or failed); it stays listed until the whole batch is done, so that
    /// no line of the list moves while others are loading.
    pub finished: bool,
}

thread_local! {
    // Reference-counted rather than owned by a component, so it outlives every view that reads it.
    static TRANSFERS: ArcRwSignal<Vec<Transfer>> = ArcRwSignal::new(Vec::new());
}

/// The downloads in progress (a signal: views that read it follow them).
pub fn transfers() -> ArcRwSignal<Vec<Transfer>> {
    TRANSFERS.with(Clone::clone)
}

/// Records that `url` has `received` bytes of `total`.
pub fn update(url: &str, received: u64, total: Option<u64>) {
    transfers().update(|list| match list.iter_mut().find(|t| t.url == url && !t.finished) {
        Some(t) => (t.received, t.total) = (received, total),
        None => {
            // A new batch starts when everything listed has finished.
            if list.iter().all(|t| t.finished) {
                list.clear();
            }
            list.push(Transfer { url: url.to_owned(), received, total, finished: false });
        }
    });
}

/// Records that `url` is no longer being downloaded.
pub fn done(url: &str) {
    transfers().update(|list| {
        if let Some(t) = list.iter_mut().find(|t| t.url == url && !t.finished) {
            t.finished = true;
        }
    });
}

/// Whether `url` is a boundary-side file (boundaries or names index) rather than data.
pub fn is_geometry(url: &str) -> bool {
    url.ends_with(".topo.json") || url.ends_with("names.json")
}

/// Whether `url` is a data file.
pub fn is_data(url: &str) -> bool {
    !is_geometry(url)
}

/// The downloads whose URL passes `shown`, each with its bytes so far.
#[component]
pub fn Transfers(shown: fn(&str) -> bool) -> impl IntoView {
    let i18n = use_i18n();
    // Listed while any of them is still loading; finished ones stay in place until then.
    let list = Memo::new(move |_| {
        transfers().with(|l| {
            let batch: Vec<Transfer> = l.iter().filter(|t| shown(&t.url)).cloned().collect();
            if batch.iter().all(|t| t.finished) { Vec::new() } else { batch }
        })
    });
    view! {
        <Show when=move || !list.with(Vec::is_empty)>
            <ul class="transfers" aria-label=move || i18n.t("loading-files")>
                // Keyed by what a line shows: a file's news redraws its own line, not the list's
                // (a county map loads 34 boundary files at once).
                <For each=move || list.get() key=|t| (t.url.clone(), t.received, t.total, t.finished) children=move |t| {
                    let name = t.url.rsplit('/').next().unwrap_or(&t.url).to_owned();
                    let (value, max) = match t.total.filter(|&x| x >= t.received && x > 0) {
                        Some(total) => (Some(t.received as f64), total as f64),
                        None => (None, 1.0),
                    };
                    view! {
                        <li>
                            <progress max=max value=value aria-label=name.clone()></progress>
                            " "<span class="transfer-file">{name}</span>" "
                            <span class="transfer-bytes">{move || transfer(t.received, t.total, i18n.locale.get())}</span>
                        </li>
                    }
                }/>
            </ul>
        </Show>
    }
}
