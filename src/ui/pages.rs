//! The routed pages: each reads its charts from the catalogue for the loaded dataset and the
//! reader's language.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::chart::catalogue::{commitments, compare, funds, pairing, poverty};
use crate::chart::spec::Chart;
use crate::data::Dataset;
use crate::map::flows::Measure;
use crate::i18n::Locale;

use super::chart::ChartFigure;
use super::i18n::{page_title, use_i18n};
use super::url::{use_url, Link, ParamNotices};
use super::DataState;
use crate::params::{Problem, View};

/// The loaded dataset, shared by the pages.
fn use_dataset() -> Memo<Option<Arc<Dataset>>> {
    expect_context::<DataState>().dataset
}

/// The page's view from the address, with the ids the loaded data lacks dropped; and every
/// problem found on the way, for the page's notices.
pub fn use_view() -> Memo<(View, Vec<Problem>)> {
    let url = use_url();
    let dataset = use_dataset();
    Memo::new(move |_| {
        let (mut view, mut problems) = url.view.get();
        if let Some(d) = dataset.get() {
            problems.extend(view.check(&d));
        }
        (view, problems)
    })
}

/// Notices for the view's problems.
pub(super) fn view_notices(view: Memo<(View, Vec<Problem>)>) -> impl IntoView {
    view! { <ParamNotices problems=Signal::derive(move || view.with(|v| v.1.clone()))/> }
}

/// Charts built by `build` for the loaded dataset in the reader's language.
fn use_charts(build: impl Fn(&Dataset, Locale) -> Vec<Chart> + Send + Sync + 'static) -> Memo<Option<Vec<Chart>>> {
    let i18n = use_i18n();
    let dataset = use_dataset();
    Memo::new(move |_| dataset.get().map(|d| build(&d, i18n.locale.get())))
}

/// The charts, or a note that the data has none (nothing while the data is loading).
fn chart_list(charts: Memo<Option<Vec<Chart>>>) -> impl IntoView {
    let i18n = use_i18n();
    move || match charts.get() {
        Some(list) if list.is_empty() => view! { <p class="empty">{move || i18n.t("chart-no-data")}</p> }.into_any(),
        Some(list) => list.into_iter().map(|chart| view! { <ChartFigure chart=chart/> }).collect_view().into_any(),
        None => ().into_any(),
    }
}

#[component]
pub fn Overview() -> impl IntoView {
    let i18n = use_i18n();
    let headline = use_charts(|d, l| poverty::national_series(d, l).into_iter().collect());
    page_title(String::new);
    view! {
        <h1>{move || i18n.t("page-overview-title")}</h1>
        <p class="lead">{move || i18n.t("page-overview-lead")}</p>
        {view_notices(use_view())}
        {chart_list(headline)}
        <Compare/>
    }
}

/// Small multiples: the seed regions side by side on one indicator, chosen from a list.
#[component]
fn Compare() -> impl IntoView {
    let i18n = use_i18n();
    let dataset = use_dataset();
    let url = use_url();
    let view = use_view();
    let choices = Memo::new(move |_| dataset.get().map(|d| compare::comparable(&d)).unwrap_or_default());
    let chosen = Signal::derive(move || {
        let (d, id) = (dataset.get()?, view.with(|v| v.0.indicator.clone())?);
        d.indicator_index(&id)
    });
    let indicator = picked(chosen, choices);
    let pick = Callback::new(move |i: usize| {
        let id = dataset.get_untracked().and_then(|d| d.indicators.get(i).map(|x| x.id.clone()));
        url.set_view(&View { indicator: id, ..view.get_untracked().0 });
    });
    let panels = Memo::new(move |_| {
        let (d, i) = (dataset.get()?, indicator()?);
        let locale = i18n.locale.get();
        Some((compare::title(&d, i, locale), compare::small_multiples(&d, i, locale)))
    });
    view! {
        <Show when=move || !choices.get().is_empty()>
        <section class="compare" aria-labelledby="compare-heading">
            <h2 id="compare-heading">{move || panels.get().map(|p| p.0)}</h2>
            <Picker
                label="compare-pick"
                choices=choices
                chosen=chosen
                pick=pick
                name=|d, i, locale| d.indicators.get(i).map(|x| x.names.get(locale).to_owned())
            />
            <div class="small-multiples">
                {move || panels.get().map(|(_, charts)| charts
                    .into_iter()
                    .map(|chart| if chart.marks.is_empty() {
                        let title = chart.title.clone();
                        view! { <div class="chart panel-empty"><h2 class="chart-title">{title}</h2><p>{move || i18n.t("chart-compare-no-data")}</p></div> }.into_any()
                    } else {
                        view! { <ChartFigure chart=chart/> }.into_any()
                    })
                    .collect_view())}
            </div>
        </section>
        </Show>
    }
}

/// The reader's pick if it is one of the choices, or the first choice.
pub(super) fn picked(chosen: Signal<Option<usize>>, choices: Memo<Vec<usize>>) -> impl Fn() -> Option<usize> + Copy {
    move || choices.with(|all| crate::chart::catalogue::pages::chosen(chosen.get(), all))
}

/// A labelled drop-down of `choices` (indexes into the dataset's indicators or regions), each
/// named by `name`, showing `chosen` (or the first choice); a pick is handed to `pick`.
#[component]
pub(super) fn Picker(
    label: &'static str,
    choices: Memo<Vec<usize>>,
    chosen: Signal<Option<usize>>,
    pick: Callback<usize>,
    name: fn(&Dataset, usize, Locale) -> Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let dataset = use_dataset();
    let current = picked(chosen, choices);
    view! {
        <label class="picker">
            {move || i18n.t(label)}
            <select on:change=move |ev| if let Ok(i) = event_target_value(&ev).parse() { pick.run(i) }>
                {move || {
                    let d = dataset.get();
                    choices
                        .get()
                        .into_iter()
                        .map(|i| {
                            let text = d.as_deref().and_then(|d| name(d, i, i18n.locale.get()));
                            view! { <option value=i.to_string() selected=move || current() == Some(i)>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </label>
    }
}

#[component]
pub fn PovertyExits() -> impl IntoView {
    let i18n = use_i18n();
    let charts = use_charts(poverty::charts);
    page_title(move || i18n.t("nav-poverty-exits"));
    view! {
        <h1>{move || i18n.t("nav-poverty-exits")}</h1>
        <p class="lead">{move || i18n.t("page-poverty-lead")}</p>
        {chart_list(charts)}
    }
}

#[component]
pub fn Funds() -> impl IntoView {
    let i18n = use_i18n();
    let dataset = use_dataset();
    let url = use_url();
    let view = use_view();
    let regions = Memo::new(move |_| dataset.get().map(|d| funds::regions(&d)).unwrap_or_default());
    let chosen = Signal::derive(move || {
        let (d, code) = (dataset.get()?, view.with(|v| v.0.region.clone())?);
        d.region_index(&code)
    });
    let region = picked(chosen, regions);
    let pick = Callback::new(move |r: usize| {
        let code = dataset.get_untracked().and_then(|d| d.regions.get(r).map(|x| x.code.clone()));
        url.set_view(&View { region: code, ..view.get_untracked().0 });
    });
    let by_stage = Memo::new(move |_| {
        let (d, r) = (dataset.get()?, region()?);
        Some(funds::by_stage(&d, r, i18n.locale.get()).into_iter().collect::<Vec<_>>())
    });
    let compositions = use_charts(funds::compositions);
    let per_capita = use_charts(|d, l| funds::per_capita_chart(d, l).into_iter().collect());
    page_title(move || i18n.t("nav-funds"));
    view! {
        <h1>{move || i18n.t("nav-funds")}</h1>
        <p class="lead">{move || i18n.t("page-funds-lead")}</p>
        {view_notices(view)}
        <Picker
            label="funds-pick-region"
            choices=regions
            chosen=chosen
            pick=pick
            name=|d, r, locale| d.regions.get(r).map(|x| x.names.get(locale).to_owned())
        />
        {chart_list(by_stage)}
        {chart_list(compositions)}
        {move || match per_capita.get() {
            Some(list) if list.is_empty() => view! { <p class="empty" id="funds-per-capita-none">{move || i18n.t("chart-per-capita-none")}</p> }.into_any(),
            _ => chart_list(per_capita).into_any(),
        }}
    }
}

/// The money / cadres / projects switch of the Paired assistance page and the flow map.
#[component]
pub fn MeasureSwitch(#[prop(into)] shown: Signal<Measure>, pick: Callback<Measure>) -> impl IntoView {
    let i18n = use_i18n();
    let choice = move |m: Measure, id: &'static str| {
        view! {
            <button type="button" aria-pressed=move || (shown.get() == m).to_string() on:click=move |_| pick.run(m)>
                {move || i18n.t(id)}
            </button>
        }
    };
    view! {
        <div class="view-switch" role="group" aria-label=move || i18n.t("pairing-pick")>
            {choice(Measure::Money, "pairing-money")}
            {choice(Measure::Cadres, "pairing-cadres")}
            {choice(Measure::Projects, "pairing-projects")}
        </div>
    }
}

#[component]
pub fn PairedAssistance() -> impl IntoView {
    let i18n = use_i18n();
    let url = use_url();
    let view = use_view();
    let shown = Signal::derive(move || view.with(|v| v.0.measure()));
    let pick = Callback::new(move |m: Measure| url.set_view(&View { measure: Some(m), ..view.get_untracked().0 }));
    let money = use_charts(|d, l| pairing::flows(d, l).into_iter().collect());
    let cadres = use_charts(|d, l| {
        let mut charts: Vec<Chart> = pairing::cadres(d, l).into_iter().collect();
        charts.extend(pairing::cadre_posts(d, l));
        charts
    });
    let projects = use_charts(pairing::projects);
    page_title(move || i18n.t("nav-paired-assistance"));
    view! {
        <h1>{move || i18n.t("nav-paired-assistance")}</h1>
        <p class="lead">{move || i18n.t("page-pairing-lead")}</p>
        {view_notices(view)}
        <MeasureSwitch shown=shown pick=pick/>
        {move || match shown.get() {
            Measure::Money => chart_list(money).into_any(),
            Measure::Cadres => chart_list(cadres).into_any(),
            Measure::Projects => chart_list(projects).into_any(),
        }}
    }
}

#[component]
pub fn Commitments() -> impl IntoView {
    let i18n = use_i18n();
    let charts = use_charts(|d, l| commitments::timeline(d, l).into_iter().collect());
    page_title(move || i18n.t("nav-commitments"));
    view! {
        <h1>{move || i18n.t("nav-commitments")}</h1>
        <p class="lead">{move || i18n.t("page-commitments-lead")}</p>
        {chart_list(charts)}
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    let path = use_location().pathname;
    page_title(move || i18n.t("page-not-found-title"));
    view! {
        <h1>{move || i18n.t("page-not-found-title")}</h1>
        <p>{move || i18n.t_args("page-not-found-body", &[("path", path.get().into())])}</p>
        <p><Link href="/">{move || i18n.t("back-to-overview")}</Link></p>
    }
}
