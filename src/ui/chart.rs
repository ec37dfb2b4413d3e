//! A chart on a page: title, subtitle, the SVG drawn at the width of its box, the unit, the
//! source, and a table of exactly the plotted data.

use leptos::html::Div;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::chart::render::{bar_chart_height, bar_chart_svg};
use crate::chart::spec::BarChart;
use crate::labels;

use super::i18n::use_i18n;
use super::theme::use_theme;

/// The width a chart is drawn at before its box has been measured.
const DEFAULT_WIDTH: u32 = 640;

#[component]
pub fn BarChartFigure(spec: BarChart, id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let theme = use_theme();
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
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let height = bar_chart_height(spec.bars.len());
    let show_table = RwSignal::new(false);
    let table_id = format!("{id}-table");
    let drawn = {
        let spec = spec.clone();
        Memo::new(move |_| bar_chart_svg(&spec, width.get(), theme.current().palette(), id).map_err(|e| e.to_string()))
    };
    let BarChart { title, subtitle, unit, source, summary, bars } = spec;
    let caption = (title.clone(), unit.clone());

    view! {
        <figure class="chart" id=id>
            <h2 class="chart-title">{title}</h2>
            <p class="chart-subtitle">{subtitle}</p>
            <p class="chart-unit">{move || i18n.t_args("chart-unit", &[("unit", unit.as_str().into())])}</p>
            // One box for the chart's whole life, its height reserved: redrawing replaces only its content.
            <div
                class="chart-box"
                node_ref=box_ref
                style=format!("height:{height}px")
                inner_html=move || drawn.get().unwrap_or_default()
            ></div>
            {move || drawn.get().err().map(|e| view! { <p class="chart-error" role="alert">{e}</p> })}
            <p class="chart-summary">{summary}</p>
            <figcaption class="chart-source"><A href="/sources">{source}</A></figcaption>
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
                <table>
                    <caption>
                        {move || i18n.t_args("chart-table-caption", &[("title", caption.0.as_str().into()), ("unit", caption.1.as_str().into())])}
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t("chart-col-item")}</th>
                            <th scope="col" class="num">{move || i18n.t("chart-col-value")}</th>
                            <th scope="col">{move || i18n.t("chart-col-qualifier")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {bars
                            .into_iter()
                            .map(|bar| {
                                let qualifier = bar.qualifier;
                                view! {
                                    <tr>
                                        <th scope="row">{bar.label}</th>
                                        <td class="num">{bar.value_text}</td>
                                        <td>{move || labels::term("qualifier", qualifier, i18n.locale.get())}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </figure>
    }
}
