//! The explorer: one indicator as a chart, a map or a table, in one region or everywhere, over a
//! range of years, with a timeline that steps (or plays) through the periods. Every choice is in
//! the URL (`indicator`, `region`, `tab`, `from`, `to`, `period`, and the map's own).

use std::time::Duration;

use leptos::prelude::*;

use crate::chart::catalogue::explore::chart;
use crate::chart::catalogue::pages::explore_indicator;
use crate::data::Dataset;
use crate::derive::{figures_of_indicator, indicators, regions, years, Scope};
use crate::i18n::Locale;
use crate::map::choropleth::choices;
use crate::params::{Tab, View};

use super::chart::ChartFigure;
use super::share::{ShareTools, Shared, Shown};
use crate::share::table::figures_csv;
use super::i18n::use_i18n;
use super::map::MapSection;
use super::pages::{use_view, view_notices, Picker};
use super::sources::FigureTable;
use super::url::use_url;
use super::DataState;

const TABS: [(Tab, &str); 3] = [(Tab::Chart, "explore-tab-chart"), (Tab::Map, "explore-tab-map"), (Tab::Table, "explore-tab-table")];

#[component]
pub fn Explore() -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_context::<DataState>();
    let dataset = data.dataset;
    let url = use_url();
    let view = use_view();
    let choices_ = Memo::new(move |_| dataset.get().map(|d| indicators(&d)).unwrap_or_default());
    let indicator = Memo::new(move |_| {
        let d = dataset.get()?;
        view.with(|v| explore_indicator(&d, &v.0))
    });
    let region = Memo::new(move |_| {
        let (d, code) = (dataset.get()?, view.with(|v| v.0.region.clone())?);
        d.region_index(&code)
    });
    let scope = Memo::new(move |_| view.with(|(v, _)| Scope { region: region.get(), from: v.from, to: v.to }));
    let tab = Memo::new(move |_| view.with(|v| v.0.tab));
    let pick_indicator = Callback::new(move |i: usize| {
        let id = dataset.get_untracked().and_then(|d| d.indicators.get(i).map(|x| x.id.clone()));
        let now = view.get_untracked().0;
        // Another indicator has other years and periods: start from all of them.
        url.set_view(&View { indicator: id, tab: now.tab, region: now.region, ..View::default() });
    });
    super::i18n::page_title(move || i18n.t("nav-explore"));

    view! {
        <h1>{move || i18n.t("nav-explore")}</h1>
        <p class="lead">{move || i18n.t("page-explore-lead")}</p>
        {view_notices(view)}
        <div class="map-controls explore-controls">
            <Picker
                label="explore-pick-indicator"
                choices=choices_
                chosen=Signal::derive(move || indicator.get())
                pick=pick_indicator
                name=|d, i, locale| d.indicators.get(i).map(|x| x.names.get(locale).to_owned())
            />
            <RegionPicker indicator=indicator region=region/>
            <YearRange indicator=indicator region=region/>
        </div>
        <Tabs tab=tab/>
        <div class="explore-panel" role="tabpanel" id="explore-panel" aria-labelledby=move || format!("explore-tab-{}", tab_name(tab.get()))>
            {move || {
                let (d, i) = (dataset.get()?, indicator.get()?);
                let locale = i18n.locale.get();
                Some(match tab.get() {
                    Tab::Chart => match chart(&d, i, scope.get(), locale) {
                        Some(c) => view! { <ChartFigure chart=c/> }.into_any(),
                        None => view! { <p class="empty">{i18n.t("explore-none-in-scope")}</p> }.into_any(),
                    },
                    Tab::Table => {
                        let lines = figures_of_indicator(&d, i, scope.get(), locale);
                        if lines.is_empty() {
                            view! { <p class="empty">{i18n.t("explore-none-in-scope")}</p> }.into_any()
                        } else {
                            let title = i18n.t_args("explore-table-title", &[("indicator", d.indicators.get(i).map(|x| x.names.get(locale).to_owned()).unwrap_or_default().into())]);
                            let shared = Shared { title, anchor: None, stem: "figures".into(), height: 600, shown: Shown::Table(figures_csv(&lines, locale)) };
                            view! { <FigureTable lines=lines/><ShareTools shared=Signal::stored(shared) id="explore-table".to_owned()/> }.into_any()
                        }
                    }
                    Tab::Map if choices(&d).iter().any(|c| c.indicator == i) => view! { <MapSection/> }.into_any(),
                    Tab::Map => view! { <p class="empty">{i18n.t("explore-not-on-map")}</p> }.into_any(),
                })
            }}
        </div>
        <Timeline indicator=indicator region=region tab=tab/>
    }
}

fn tab_name(tab: Tab) -> &'static str {
    match tab {
        Tab::Chart => "chart",
        Tab::Map => "map",
        Tab::Table => "table",
    }
}

/// Chart, map, table: a tab list with one tab stop; arrow keys move and choose.
#[component]
fn Tabs(tab: Memo<Tab>) -> impl IntoView {
    let i18n = use_i18n();
    let url = use_url();
    let view = use_view();
    let choose = move |t: Tab| {
        let mut v = view.get_untracked().0;
        v.tab = t;
        url.set_view(&v);
        // Keep focus on the chosen tab (the list is redrawn).
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&format!("explore-tab-{}", tab_name(t)))) {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let at = TABS.iter().position(|(t, _)| *t == tab.get_untracked()).unwrap_or(0);
        let next = match ev.key().as_str() {
            "ArrowRight" => (at + 1) % TABS.len(),
            "ArrowLeft" => (at + TABS.len() - 1) % TABS.len(),
            "Home" => 0,
            "End" => TABS.len() - 1,
            _ => return,
        };
        ev.prevent_default();
        choose(TABS[next].0);
    };
    view! {
        <div class="explore-tabs" role="tablist" aria-label=move || i18n.t("explore-tabs-label") on:keydown=on_key>
            {TABS.iter().map(|&(t, label)| view! {
                <button
                    type="button"
                    role="tab"
                    id=format!("explore-tab-{}", tab_name(t))
                    aria-controls="explore-panel"
                    aria-selected=move || (tab.get() == t).to_string()
                    tabindex=move || if tab.get() == t { "0" } else { "-1" }
                    on:click=move |_| choose(t)
                >{move || i18n.t(label)}</button>
            }).collect_view()}
        </div>
    }
}

/// Everywhere, or one region with figures of the indicator.
#[component]
fn RegionPicker(indicator: Memo<Option<usize>>, region: Memo<Option<usize>>) -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_context::<DataState>();
    let url = use_url();
    let view = use_view();
    let options = Memo::new(move |_| {
        let (d, i) = (data.dataset.get()?, indicator.get()?);
        let mut list = regions(&d, i);
        // Regions that hold others with figures can be chosen too (a prefecture for its counties).
        let parents: Vec<usize> = list.iter().filter_map(|&r| d.regions.get(r).and_then(|x| x.parent)).collect();
        list.extend(parents);
        list.sort_unstable();
        list.dedup();
        Some(list)
    });
    let name = move |d: &Dataset, r: usize, locale: Locale| d.regions.get(r).map(|x| x.names.get(locale).to_owned()).unwrap_or_default();
    view! {
        <label class="picker">
            {move || i18n.t("explore-pick-region")}
            <select on:change=move |ev| {
                let value = event_target_value(&ev);
                let code = value.parse::<usize>().ok().and_then(|r| data.dataset.get_untracked().and_then(|d| d.regions.get(r).map(|x| x.code.clone())));
                let mut v = view.get_untracked().0;
                v.region = code;
                url.set_view(&v);
            }>
                <option value="" selected=move || region.get().is_none()>{move || i18n.t("chart-explore-everywhere")}</option>
                {move || {
                    let d = data.dataset.get();
                    options.get().unwrap_or_default().into_iter().map(|r| {
                        let text = d.as_deref().map(|d| name(d, r, i18n.locale.get())).unwrap_or_default();
                        view! { <option value=r.to_string() selected=move || region.get() == Some(r)>{text}</option> }
                    }).collect_view()
                }}
            </select>
        </label>
    }
}

/// From and to: the years the indicator has figures in.
#[component]
fn YearRange(indicator: Memo<Option<usize>>, region: Memo<Option<usize>>) -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_context::<DataState>();
    let url = use_url();
    let view = use_view();
    let all = Memo::new(move |_| data.dataset.get().zip(indicator.get()).map(|(d, i)| years(&d, i, region.get())).unwrap_or_default());
    let select = move |label: &'static str, get: fn(&View) -> Option<i32>, put: fn(&mut View, Option<i32>)| {
        view! {
            <label class="picker">
                {move || i18n.t(label)}
                <select on:change=move |ev| {
                    let mut v = view.get_untracked().0;
                    put(&mut v, event_target_value(&ev).parse().ok());
                    // A range that would end before it starts keeps only the new end.
                    if let (Some(a), Some(b)) = (v.from, v.to) {
                        if a > b {
                            if label == "explore-from" { v.to = None } else { v.from = None }
                        }
                    }
                    url.set_view(&v);
                }>
                    <option value="" selected=move || view.with(|v| get(&v.0)).is_none()>{move || i18n.t("explore-any-year")}</option>
                    {move || all.get().into_iter().map(|y| view! {
                        <option value=y.to_string() selected=move || view.with(|v| get(&v.0)) == Some(y)>{y}</option>
                    }).collect_view()}
                </select>
            </label>
        }
    };
    view! {
        {select("explore-from", |v| v.from, |v, y| v.from = y)}
        {select("explore-to", |v| v.to, |v, y| v.to = y)}
    }
}

/// Whether the reader asked the system for less motion.
fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// A slider over the periods: on the map, the period shown; on the chart and table, the last year
/// of the range. Previous and next step; play steps on its own every 1.5 s (not offered when the
/// reader prefers reduced motion).
#[component]
fn Timeline(indicator: Memo<Option<usize>>, region: Memo<Option<usize>>, tab: Memo<Tab>) -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_context::<DataState>();
    let url = use_url();
    let view = use_view();
    // The stops: (value written to the URL, label).
    let stops = Memo::new(move |_| {
        let (d, i) = (data.dataset.get(), indicator.get());
        let (Some(d), Some(i)) = (d, i) else { return Vec::new() };
        let locale = i18n.locale.get();
        match tab.get() {
            Tab::Map => choices(&d)
                .into_iter()
                .find(|c| c.indicator == i)
                .map(|c| c.periods.iter().map(|(p, _)| (p.to_string(), crate::format::period(p, locale))).collect())
                .unwrap_or_default(),
            _ => years(&d, i, region.get()).into_iter().map(|y| (y.to_string(), y.to_string())).collect(),
        }
    });
    let at = Memo::new(move |_| {
        let current = view.with(|(v, _)| if tab.get() == Tab::Map { v.period.clone() } else { v.to.map(|y| y.to_string()) });
        let list = stops.get();
        // Without a choice the timeline stands at the latest stop (what the views show then).
        current.and_then(|c| list.iter().position(|(k, _)| *k == c)).or_else(|| list.len().checked_sub(1))
    });
    let go = move |n: usize, replace: bool| {
        let Some((key, _)) = stops.with_untracked(|s| s.get(n).cloned()) else { return };
        let mut v = view.get_untracked().0;
        if tab.get_untracked() == Tab::Map {
            v.period = Some(key);
        } else {
            v.to = key.parse().ok();
            if v.from.zip(v.to).is_some_and(|(a, b)| a > b) {
                v.from = None;
            }
        }
        if replace { url.replace_view(&v) } else { url.set_view(&v) }
    };
    let playing = RwSignal::new(false);
    let handle = StoredValue::new(None::<leptos::leptos_dom::helpers::IntervalHandle>);
    let stop = move || {
        playing.set(false);
        if let Some(h) = handle.try_update_value(Option::take).flatten() {
            h.clear();
        }
    };
    let play = move || {
        let count = stops.with_untracked(Vec::len);
        if count < 2 {
            return;
        }
        // From the start if the timeline is at its end.
        if at.get_untracked() == Some(count - 1) {
            go(0, true);
        }
        playing.set(true);
        let tick = move || match at.get_untracked() {
            Some(n) if n + 1 < stops.with_untracked(Vec::len) => go(n + 1, true),
            _ => stop(),
        };
        if let Ok(h) = set_interval_with_handle(tick, Duration::from_millis(1500)) {
            handle.set_value(Some(h));
        }
    };
    on_cleanup(stop);
    let motion = !reduced_motion();
    let label = move || at.get().and_then(|n| stops.with(|s| s.get(n).map(|(_, l)| l.clone()))).unwrap_or_default();
    view! {
        <Show when=move || stops.with(|s| s.len() >= 2)>
            <div class="timeline" role="group" aria-label=move || i18n.t("explore-timeline")>
                <button type="button" class="timeline-step" aria-label=move || i18n.t("explore-previous") on:click=move |_| { stop(); if let Some(n) = at.get_untracked() { go(n.saturating_sub(1), false) } }>"‹"</button>
                {motion.then(|| view! {
                    <button type="button" class="timeline-play" aria-pressed=move || playing.get().to_string()
                        on:click=move |_| if playing.get_untracked() { stop() } else { play() }>
                        {move || i18n.t(if playing.get() { "explore-pause" } else { "explore-play" })}
                    </button>
                })}
                <button type="button" class="timeline-step" aria-label=move || i18n.t("explore-next") on:click=move |_| { stop(); if let Some(n) = at.get_untracked() { go((n + 1).min(stops.with_untracked(Vec::len) - 1), false) } }>"›"</button>
                <input
                    type="range"
                    min="0"
                    max=move || stops.with(|s| s.len().saturating_sub(1)).to_string()
                    step="1"
                    prop:value=move || at.get().unwrap_or(0).to_string()
                    aria-label=move || i18n.t("explore-timeline")
                    aria-valuetext=label
                    on:change=move |ev| { stop(); if let Ok(n) = event_target_value(&ev).parse() { go(n, false) } }
                />
                <output class="timeline-at" aria-live="polite">{label}</output>
            </div>
        </Show>
    }
}
