//! The paired-assistance flow map: an arrow per pairing from the assisting to the assisted
//! region (width by money, cadres or projects) over the regions of the current view, with a
//! table of every pairing as its text alternative.

use crate::ui::url::Link;
use leptos::prelude::*;

use crate::i18n::{tr_args, Locale};
use crate::map::atlas::{Atlas, Tier};
use crate::map::flows::{flow_map, row, width_key, Measure, Undrawn};

use super::super::chart::source_href;
use super::super::i18n::use_i18n;
use super::super::DataState;

/// The regions of the current view with the flow arrows of the chosen measure, and the table of
/// pairings.
#[component]
pub fn FlowMap(atlas: RwSignal<Atlas>, at: Memo<Option<usize>>, measure: Memo<Measure>, landscape: bool) -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_context::<DataState>();
    // The view's frame and outlines (a county is shown among its neighbours).
    let base = Memo::new(move |_| {
        atlas.with(|a| {
            let frame = match at.get() {
                Some(i) if a.divisions[i].tier == Tier::County => a.parent(i),
                other => other,
            };
            let layout = a.layout(frame, landscape);
            let outlines: Vec<String> = a.children(frame).into_iter().map(|i| a.path(i, &layout.fit)).collect();
            (layout, outlines, a.maritime_path(&layout.fit), super::regions::inset_paths(a, &layout))
        })
    });
    let flows = Memo::new(move |_| {
        let dataset = data.dataset.get()?;
        let m = measure.get();
        let locale = i18n.locale.get();
        let fit = base.with(|(layout, _, _, _)| layout.fit);
        // Arrows start at a county when its province's file is loaded (古塔区 → 义县 is not drawn
        // from 锦州市 to itself), otherwise at the prefecture.
        let map = atlas.with(|a| flow_map(&dataset, m, |code| a.anchor(code).map(|p| fit.apply(p))));
        let arrows = map
            .arrows
            .iter()
            .filter_map(|a| {
                let r = row(&dataset, a.pairing, a.figure, m, locale)?;
                let (from, to, control) = (a.from, a.to, a.control);
                let d = format!("M{:.1},{:.1}Q{:.1},{:.1} {:.1},{:.1}", from.0, from.1, control.0, control.1, to.0, to.1);
                Some((d, a.weight, r))
            })
            .collect::<Vec<_>>();
        let undrawn = map.undrawn.iter().filter_map(|(i, why)| Some((row(&dataset, *i, None, m, locale)?, *why))).collect::<Vec<_>>();
        let key = width_key(&dataset, &map, m, locale);
        Some((arrows, undrawn, key))
    });
    let active = RwSignal::new(None::<String>);
    view! {
        <figure class="map" aria-labelledby="map-title">
            <h2 id="map-title" class="chart-title">{move || i18n.t("map-flows-title")}</h2>
            <p class="chart-subtitle">{move || i18n.t("map-flows-subtitle")}</p>
            {move || {
            let (width, height) = base.with(|(layout, _, _, _)| (layout.width, layout.height));
            view! {
            <div class="map-box" style=format!("aspect-ratio:{width}/{height:.0}")>
                <svg viewBox=format!("0 0 {width} {height:.0}") role="group" aria-labelledby="map-title">
                    <defs>
                        <marker id="arrow-head" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
                            <path d="M0,0L10,5L0,10Z" class="arrow-head"/>
                        </marker>
                    </defs>
                    <g class="outlines" aria-hidden="true">
                        {move || base.with(|(_, outlines, _, _)| outlines.iter().map(|d| view! { <path d=d.clone()/> }).collect_view())}
                    </g>
                    <path class="maritime" d=move || base.with(|(_, _, m, _)| m.clone()) aria-hidden="true"/>
                    {move || base.with(|(layout, _, _, inset)| inset.clone().zip(layout.inset)).map(|((provinces, maritime), inset)| view! {
                        <super::regions::InsetView inset=inset provinces=provinces maritime=maritime/>
                    })}
                    <g class="flows">
                        {move || flows.get().map(|(arrows, _, _)| arrows
                            .into_iter()
                            .map(|(d, weight, r)| {
                                let label = flow_label(&r.pairing, &r.figure, &r.what, i18n.locale.get());
                                let (hover, focus) = (label.clone(), label.clone());
                                let width = stroke_width(weight);
                                let class = if weight > 0.0 { "flow-arrow has-figure" } else { "flow-arrow no-figure" };
                                view! {
                                    <path
                                        class=class
                                        d=d
                                        style=format!("stroke-width:{width:.2}px")
                                        marker-end="url(#arrow-head)"
                                        tabindex="0"
                                        role="img"
                                        aria-label=label
                                        on:mouseenter=move |_| active.set(Some(hover.clone()))
                                        on:focus=move |_| active.set(Some(focus.clone()))
                                        on:mouseleave=move |_| active.set(None)
                                        on:blur=move |_| active.set(None)
                                    ></path>
                                }
                            })
                            .collect_view())}
                    </g>
                </svg>
            </div>
            }
            }}
            <p class="map-active" aria-live="polite">{move || active.get()}</p>
            {move || flows.get().map(|(_, _, key)| view! {
                <div class="map-legend flow-key">
                    <p class="map-legend-title">{move || i18n.t("map-flows-key-title")}</p>
                    <ul>
                        {key.into_iter().map(|(weight, label)| view! {
                            <li><svg class="flow-key-line" viewBox="0 0 48 16" aria-hidden="true"><line x1="2" y1="8" x2="46" y2="8" class="flow-key-arrow" style=format!("stroke-width:{:.2}px", stroke_width(weight))/></svg>{label}</li>
                        }).collect_view()}
                        <li><svg class="flow-key-line" viewBox="0 0 48 16" aria-hidden="true"><line x1="2" y1="8" x2="46" y2="8" class="flow-key-arrow no-figure" style=format!("stroke-width:{:.2}px", stroke_width(0.0))/></svg>{move || i18n.t("map-flows-key-none")}</li>
                    </ul>
                </div>
            })}
        </figure>
        {move || flows.get().map(|(arrows, undrawn, _)| view! {
            <div class="chart-table">
                <table>
                    <caption>{move || i18n.t("map-table-caption")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t("chart-col-pairing")}</th>
                            <th scope="col" class="num">{move || i18n.t("chart-col-value")}</th>
                            <th scope="col">{move || i18n.t("chart-col-item")}</th>
                            <th scope="col">{move || i18n.t("chart-col-source")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {arrows.into_iter().map(|(_, _, r)| view! {
                            <tr>
                                <th scope="row">{r.pairing}</th>
                                <td class="num">{match r.figure_id {
                                    Some(id) => view! { <Link href=crate::ui::chart::figure_href(&id) class="figure-link">{r.figure}</Link> }.into_any(),
                                    None => r.figure.into_any(),
                                }}</td>
                                <td>{r.what}</td>
                                <td>{r.source.map(|s| view! { <Link href=source_href(&s.id)>{s.text}</Link> })}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <h2 class="undrawn-title">{move || i18n.t("map-undrawn-title")}</h2>
            <ul class="undrawn">
                {undrawn.into_iter().map(|(r, why)| {
                    let reason = match why {
                        Undrawn::SamePlace => "map-undrawn-same-place",
                        Undrawn::NoAnchor => "map-undrawn-no-anchor",
                    };
                    let pairing = r.pairing;
                    view! { <li>{move || i18n.t_args("map-undrawn-item", &[("pairing", pairing.as_str().into()), ("reason", i18n.t(reason).into())])}</li> }
                }).collect_view()}
            </ul>
        })}
    }
}

/// An arrow's line width in pixels: proportional to its weight (the widest is 13.5 px), but never
/// thinner than 1.5 px so that every arrow can be seen; a thin dashed line when it has no figure.
fn stroke_width(weight: f64) -> f64 {
    (13.5 * weight).max(1.5)
}

/// What an arrow says when focused: the pairing, and the figure its width shows.
fn flow_label(pairing: &str, figure: &str, what: &str, locale: Locale) -> String {
    if figure.is_empty() {
        tr_args(locale, "map-arrow-no-figure", &[("pairing", pairing.into())])
    } else {
        tr_args(locale, "map-arrow", &[("pairing", pairing.into()), ("figure", figure.into()), ("what", what.into())])
    }
}
