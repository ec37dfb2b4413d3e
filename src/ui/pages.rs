//! The routed pages. Pages whose charts have not been built yet say so and show no data.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::chart::spec::composition_chart;
use crate::derive::first_funding_composition;

use super::chart::BarChartFigure;
use super::i18n::use_i18n;
use super::DataState;

#[component]
pub fn Overview() -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_context::<DataState>();
    let chart = Memo::new(move |_| {
        let (_, loaded) = data.loaded()?;
        let composition = first_funding_composition(&loaded.dataset)?;
        composition_chart(&loaded.dataset, &composition, i18n.locale.get())
    });
    view! {
        <h1>{move || i18n.t("page-overview-title")}</h1>
        <p class="lead">{move || i18n.t("page-overview-lead")}</p>
        {move || match chart.get() {
            Some(spec) => view! { <BarChartFigure spec=spec id="overview-funding"/> }.into_any(),
            None if data.loaded().is_some() => view! { <p class="empty">{move || i18n.t("chart-no-data")}</p> }.into_any(),
            None => ().into_any(),
        }}
    }
}

/// A page whose content arrives in a later release: it says what will be here and shows no data.
#[component]
pub fn Pending(title: &'static str, what: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{move || i18n.t(title)}</h1>
        <p class="pending" role="note">{move || i18n.t_args("page-pending", &[("what", i18n.t(what).into())])}</p>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    let path = use_location().pathname;
    view! {
        <h1>{move || i18n.t("page-not-found-title")}</h1>
        <p>{move || i18n.t_args("page-not-found-body", &[("path", path.get().into())])}</p>
        <p><A href="/">{move || i18n.t("back-to-overview")}</A></p>
    }
}
