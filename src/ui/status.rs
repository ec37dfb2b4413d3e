//! What readers see while data loads, when it cannot load, and when parts of it are invalid.

use leptos::prelude::*;

use crate::data::DataError;

use super::i18n::use_i18n;
use super::load::LoadError;
use super::DataState;

/// Seconds after which the loading indicator also says the network is slow.
const SLOW_AFTER_SECONDS: u32 = 3;

/// A progress indicator that, after a few seconds, names the URL and the time spent.
#[component]
pub fn Loading(url: String) -> impl IntoView {
    let i18n = use_i18n();
    let elapsed = RwSignal::new(0u32);
    if let Ok(handle) = set_interval_with_handle(move || elapsed.update(|s| *s += 1), std::time::Duration::from_secs(1)) {
        on_cleanup(move || handle.clear());
    }
    view! {
        <div class="loading" role="status" aria-live="polite">
            <progress aria-label=move || i18n.t("loading-data")></progress>
            <p>{move || i18n.t("loading-data")}</p>
            <super::progress::Transfers shown=super::progress::is_data/>
            <Show when=move || { elapsed.get() >= SLOW_AFTER_SECONDS }>
                <p class="loading-slow">
                    {
                        let url = url.clone();
                        move || i18n.t_args("loading-slow", &[("url", url.as_str().into()), ("seconds", f64::from(elapsed.get()).into())])
                    }
                </p>
            </Show>
        </div>
    }
}

/// A file could not be loaded at all: say which URL and why, and offer `retry`.
#[component]
pub fn LoadFailed(error: LoadError, retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="load-error" role="alert">
            <h2>{move || i18n.t("error-title")}</h2>
            <p class="error-detail">{move || error.describe(i18n.locale.get())}</p>
            <button type="button" class="retry" on:click=move |_| retry.run(())>{move || i18n.t("retry")}</button>
        </section>
    }
}

/// Parts of the data were invalid: list each problem with its location; the rest is shown.
#[component]
pub fn DataProblems(url: String, problems: Vec<DataError>) -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_context::<DataState>();
    let count = problems.len();
    view! {
        <section class="data-problems" role="status" aria-labelledby="data-issues-title">
            <h2 id="data-issues-title">{move || i18n.t("data-issues-title")}</h2>
            <p>{move || i18n.t_args("error-data-invalid", &[("url", url.as_str().into()), ("count", count.into())])}</p>
            <ul>
                {problems
                    .into_iter()
                    .map(|p| {
                        let p2 = p.clone();
                        view! {
                            <li>
                                <code>{move || p.locate(i18n.locale.get())}</code>
                                {move || i18n.t("data-problem-separator")}
                                {move || p2.describe(i18n.locale.get())}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <button type="button" class="retry" on:click=move |_| data.retry()>{move || i18n.t("retry")}</button>
        </section>
    }
}
