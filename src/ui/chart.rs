//! A chart on a page: title, subtitle, unit, the SVG drawn at the width of its reserved box,
//! focusable marks over it (one tab stop; arrow keys move between marks) with a tooltip giving the
//! exact value and source, the key to its marks, its summary, its sources, and a table of exactly
//! the plotted data.

use super::url::Link;
use leptos::ev::KeyboardEvent;
use leptos::html::Div;
use leptos::prelude::*;

use crate::chart::render::{height, render, Drawn};
use crate::chart::spec::Chart;
use crate::labels;

use super::i18n::use_i18n;
use super::share::{ShareTools, Shared, Shown};
use super::theme::use_theme;

/// The width a chart is drawn at before its box has been measured.
const DEFAULT_WIDTH: u32 = 640;

/// Colours that charts below use instead of the theme's (a presentation's high contrast).
#[derive(Clone, Copy)]
pub struct Colours(pub &'static crate::chart::render::Palette);

/// The link to a source's entry on the Sources page.
pub fn source_href(id: &str) -> String {
    format!("/sources#source-{id}")
}

/// The link to a figure's provenance: where the number comes from.
pub fn figure_href(id: &str) -> String {
    format!("/figures/{}", crate::params::encode(id))
}

#[component]
pub fn ChartFigure(chart: Chart) -> impl IntoView {
    let i18n = use_i18n();
    let theme = use_theme();
    let colours = use_context::<Colours>();
    let box_ref = NodeRef::<Div>::new();
    let width = RwSignal::new(DEFAULT_WIDTH);
    let measure = move || {
        if let Some(el) = box_ref.get_untracked() {
            let w = el.client_width().max(0) as u32;
            // Setting a signal notifies even when the value is unchanged; compare first.
            if w > 0 && w != width.get_untracked() {
                width.set(w);
            }
        }
    };
    Effect::new(move |_| {
        if box_ref.get().is_some() {
            measure();
            super::perf::mark_painted(super::perf::CHART_PAINTED.to_owned());
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let id = chart.id.clone();
    let box_height = height(&chart);
    let chart = StoredValue::new(chart);
    let drawn: Memo<Result<Drawn, String>> =
        Memo::new(move |_| chart.with_value(|c| render(c, width.get(), colours.map_or_else(|| theme.current().palette(), |c| c.0)).map_err(|e| e.to_string())));
    let active = RwSignal::new(None::<usize>);
    let show_tip = RwSignal::new(false);
    let show_table = RwSignal::new(false);
    let table_id = format!("{id}-table");
    let tip_id = format!("{id}-tip");
    let c = chart.get_value();

    view! {
        <figure class="chart" id=id.clone() data-kind=c.body.kind() aria-labelledby=format!("{id}-heading")>
            <h2 class="chart-title" id=format!("{id}-heading")>{c.title.clone()}</h2>
            <p class="chart-subtitle">{c.subtitle.clone()}</p>
            <p class="chart-unit">{move || i18n.t_args("chart-unit", &[("unit", chart.with_value(|c| c.unit.clone()).into())])}</p>
            // One box for the chart's whole life, its height reserved: redrawing replaces only its content.
            <div class="chart-box" node_ref=box_ref style=format!("height:{box_height}px")>
                <div class="chart-svg" inner_html=move || drawn.get().map(|d| d.svg).unwrap_or_default()></div>
                <Marks chart=chart drawn=drawn active=active show_tip=show_tip tip_id=tip_id.clone()/>
                <Tooltip chart=chart drawn=drawn active=active show_tip=show_tip tip_id=tip_id/>
            </div>
            {move || drawn.get().err().map(|e| view! { <p class="chart-error" role="alert">{e}</p> })}
            {(!c.notes.is_empty()).then(|| view! {
                <ul class="chart-key">{c.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}</ul>
            })}
            <p class="chart-summary">{c.summary.clone()}</p>
            <figcaption class="chart-source">
                {move || i18n.t("chart-source-label")}
                {c.sources
                    .clone()
                    .into_iter()
                    .enumerate()
                    .map(|(n, s)| view! {
                        {(n > 0).then_some(move || i18n.t("source-joiner"))}
                        <Link href=source_href(&s.id)>{s.text}</Link>
                    })
                    .collect_view()}
            </figcaption>
            <button
                type="button"
                class="table-toggle"
                aria-expanded=move || show_table.get().to_string()
                aria-controls=table_id.clone()
                on:click=move |_| show_table.update(|s| *s = !*s)
            >
                {move || i18n.t(if show_table.get() { "chart-hide-table" } else { "chart-show-table" })}
            </button>
            <div class="chart-table" id=table_id hidden=move || !show_table.get()>
                {move || show_table.get().then(|| view! { <DataTable chart=chart/> })}
            </div>
            {(!super::embed::embedded()).then(|| {
                let shared = Shared { title: c.title.clone(), anchor: Some(id.clone()), stem: id.clone(), height: box_height + 240, shown: Shown::Chart(c.clone()) };
                view! { <ShareTools shared=Signal::stored(shared) id=id.clone()/> }
            })}
        </figure>
    }
}

/// Focus and hover targets over the drawn marks: one tab stop for the chart, arrow keys, Home
/// and End move between marks; each target is labelled with its mark's full detail.
#[component]
fn Marks(
    chart: StoredValue<Chart>,
    drawn: Memo<Result<Drawn, String>>,
    active: RwSignal<Option<usize>>,
    show_tip: RwSignal<bool>,
    tip_id: String,
) -> impl IntoView {
    let targets = NodeRef::<Div>::new();
    let url = super::url::use_url();
    // A mark's figure opens its provenance (click, or Enter on the focused mark).
    let open = move |mark: usize| {
        if let Some(id) = chart.with_value(|c| c.marks.get(mark).and_then(|m| m.figure.clone())) {
            url.open(&figure_href(&id));
        }
    };
    let focus = move |n: usize| {
        if let Some(el) = targets.get_untracked().and_then(|d| d.children().item(n as u32)) {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    };
    let on_key = move |ev: KeyboardEvent| {
        let count = drawn.with_untracked(|d| d.as_ref().map_or(0, |d| d.hits.len()));
        if count == 0 {
            return;
        }
        let current = active.get_untracked().and_then(|m| drawn.with_untracked(|d| d.as_ref().ok()?.hits.iter().position(|h| h.mark == m)));
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => current.map_or(0, |c| (c + 1).min(count - 1)),
            "ArrowLeft" | "ArrowUp" => current.map_or(0, |c| c.saturating_sub(1)),
            "Home" => 0,
            "End" => count - 1,
            "Escape" => {
                show_tip.set(false);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        focus(next);
    };
    view! {
        <div class="chart-marks" node_ref=targets on:keydown=on_key>
            {move || {
                let Ok(d) = drawn.get() else { return Vec::new() };
                let (w, first) = (f64::from(d.width), d.hits.first().map(|h| h.mark));
                let tip_id = tip_id.clone();
                d.hits
                    .iter()
                    .map(|hit| {
                        let mark = hit.mark;
                        let label = chart.with_value(|c| c.marks.get(mark).map(|m| m.detail.clone()).unwrap_or_default());
                        let style = format!(
                            "left:{:.3}%;top:{:.1}px;width:{:.3}%;height:{:.1}px",
                            hit.x / w * 100.0,
                            hit.y,
                            hit.w / w * 100.0,
                            hit.h
                        );
                        let tabindex = move || if active.get().or(first) == Some(mark) { "0" } else { "-1" };
                        view! {
                            <button
                                type="button"
                                class="chart-mark"
                                style=style
                                tabindex=tabindex
                                aria-label=label
                                aria-describedby=tip_id.clone()
                                on:focus=move |_| { active.set(Some(mark)); show_tip.set(true); }
                                on:blur=move |_| show_tip.set(false)
                                on:mouseenter=move |_| { active.set(Some(mark)); show_tip.set(true); }
                                on:mouseleave=move |_| show_tip.set(false)
                                on:click=move |_| open(mark)
                            ></button>
                        }
                    })
                    .collect::<Vec<_>>()
            }}
        </div>
    }
}

/// The exact value and source of the active mark, beside it.
#[component]
fn Tooltip(
    chart: StoredValue<Chart>,
    drawn: Memo<Result<Drawn, String>>,
    active: RwSignal<Option<usize>>,
    show_tip: RwSignal<bool>,
    tip_id: String,
) -> impl IntoView {
    let place = move || {
        let mark = active.get()?;
        drawn.with(|d| {
            let d = d.as_ref().ok()?;
            let hit = d.hits.iter().find(|h| h.mark == mark)?;
            let w = f64::from(d.width);
            let centre = (hit.x + hit.w / 2.0) / w * 100.0;
            let below = hit.y + hit.h + 4.0;
            // Flip to the left half's anchor so the tooltip stays inside the box.
            let horizontal = if centre > 55.0 { format!("right:{:.2}%", 100.0 - centre.min(100.0)) } else { format!("left:{centre:.2}%") };
            Some(format!("{horizontal};top:{below:.0}px"))
        })
    };
    view! {
        <div
            class="chart-tip"
            id=tip_id
            role="tooltip"
            hidden=move || !show_tip.get() || active.get().is_none()
            style=move || place().unwrap_or_default()
        >
            {move || active.get().and_then(|m| chart.with_value(|c| c.marks.get(m).map(|m| m.detail.clone())))}
        </div>
    }
}

/// The table of exactly the plotted marks, in the chart's units.
#[component]
fn DataTable(chart: StoredValue<Chart>) -> impl IntoView {
    let i18n = use_i18n();
    let c = chart.get_value();
    let title = c.title.clone();
    let unit = c.unit.clone();
    view! {
        <table>
            <caption>{move || i18n.t_args("chart-table-caption", &[("title", title.as_str().into()), ("unit", unit.as_str().into())])}</caption>
            <thead>
                <tr>
                    <th scope="col">{c.group_heading.clone()}</th>
                    <th scope="col">{c.label_heading.clone()}</th>
                    <th scope="col" class="num">{move || i18n.t("chart-col-value")}</th>
                    <th scope="col">{move || i18n.t("chart-col-unit")}</th>
                    <th scope="col">{move || i18n.t("chart-col-qualifier")}</th>
                    <th scope="col">{move || i18n.t("chart-col-status")}</th>
                    <th scope="col">{move || i18n.t("chart-col-source")}</th>
                </tr>
            </thead>
            <tbody>
                {c.marks
                    .into_iter()
                    .map(|m| {
                        let qualifier = m.qualifier;
                        view! {
                            <tr>
                                <td>{m.group}</td>
                                <th scope="row">{m.label}</th>
                                <td class="num">{match m.figure {
                                    Some(id) => view! { <Link href=figure_href(&id) class="figure-link">{m.number}</Link> }.into_any(),
                                    None => m.number.into_any(),
                                }}</td>
                                <td>{m.unit}</td>
                                <td>{move || labels::term("qualifier", qualifier, i18n.locale.get())}</td>
                                <td>{m.status}</td>
                                <td>{m.source.map(|s| view! { <Link href=source_href(&s.id)>{s.text}</Link> })}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
