//! The Map page's first view: China's provinces and prefectures with the 南海诸岛 lines, and the
//! paired-assistance flow map over them (an arrow per pairing, width by money, cadres or projects),
//! with a table of every pairing as its text alternative.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::geo::topojson::decode;
use crate::geo::{anchor, Point};
use rustc_hash::FxHashMap;
use crate::i18n::{tr_args, Locale};
use crate::map::base::{BaseMap, WIDTH};
use crate::map::flows::{flow_map, row, Measure, Undrawn};

use super::chart::source_href;
use super::pages::MeasureSwitch;
use super::status::LoadFailed;
use super::i18n::use_i18n;
use super::load::{absolute_url, fetch_text, LoadError, TIMEOUT};
use super::DataState;

/// Where the first view's boundaries are published, relative to the page's base URL.
const FIRST_VIEW: &str = "geo/china.topo.json";

/// Anchors of the counties of `provinces` (two-digit codes), from their county files, and the
/// errors of files that could not be read (arrows then start at the prefecture).
async fn county_anchors(provinces: Vec<String>) -> (FxHashMap<String, Point>, Vec<LoadError>) {
    let loads = provinces.into_iter().map(|p| async move {
        let file = format!("geo/counties/{p}0000.topo.json");
        let url = absolute_url(&file);
        let text = fetch_text(&url, TIMEOUT).await?;
        decode(&file, &text).map_err(|error| LoadError::Geometry { url, error })
    });
    let mut anchors = FxHashMap::default();
    let mut errors = Vec::new();
    for result in futures::future::join_all(loads).await {
        match result {
            Ok(layers) => anchors.extend(layers.values().flatten().filter_map(|s| anchor(&s.polygons).map(|a| (s.adcode.clone(), a)))),
            Err(e) => errors.push(e),
        }
    }
    (anchors, errors)
}

async fn load_base() -> Result<Arc<BaseMap>, LoadError> {
    let url = absolute_url(FIRST_VIEW);
    let text = fetch_text(&url, TIMEOUT).await?;
    let layers = decode(FIRST_VIEW, &text).map_err(|error| LoadError::Geometry { url: url.clone(), error })?;
    Ok(Arc::new(BaseMap::new(&layers)))
}

#[component]
pub fn MapPage() -> impl IntoView {
    let i18n = use_i18n();
    let attempt = RwSignal::new(0u32);
    let base = LocalResource::new(move || {
        attempt.track();
        load_base()
    });
    view! {
        <h1>{move || i18n.t("nav-map")}</h1>
        <p class="lead">{move || i18n.t("page-map-lead")}</p>
        {move || match base.get() {
            None => view! { <p class="loading" role="status">{move || i18n.t_args("map-loading", &[("url", absolute_url(FIRST_VIEW).into())])}</p> }.into_any(),
            Some(Err(error)) => view! { <LoadFailed error=error retry=Callback::new(move |_| attempt.update(|n| *n += 1))/> }.into_any(),
            Some(Ok(base)) => view! { <FlowMap base=base/> }.into_any(),
        }}
    }
}

/// The base map with the flow arrows of the chosen measure, and the table of pairings.
#[component]
fn FlowMap(base: Arc<BaseMap>) -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_context::<DataState>();
    let measure = RwSignal::new(Measure::Money);
    // Counties of the provinces that pairings name, so that 古塔区 → 义县 is not drawn from 锦州市 to itself.
    let counties = LocalResource::new(move || {
        let provinces: Vec<String> = data.dataset.get().map_or_else(Vec::new, |d| {
            let mut codes: Vec<String> = d
                .pairings
                .iter()
                .flat_map(|p| [p.from, p.to])
                .filter_map(|r| d.regions.get(r))
                .filter(|r| r.level == crate::data::Level::County)
                .filter_map(|r| r.code.get(..2).map(str::to_owned))
                .collect();
            codes.sort();
            codes.dedup();
            codes
        });
        county_anchors(provinces)
    });
    let (height, fit) = base.layout();
    let provinces = base.provinces.paths(&fit).into_iter().map(|(code, d)| (code.to_owned(), d)).collect::<Vec<_>>();
    let prefectures = base.prefectures.paths(&fit).into_iter().map(|(_, d)| d).collect::<Vec<_>>();
    let maritime = base.maritime.line_paths(&fit);
    let flows = {
        let base = base.clone();
        Memo::new(move |_| {
            let dataset = data.dataset.get()?;
            let m = measure.get();
            let locale = i18n.locale.get();
            let (county, _) = counties.get()?;
            let map = flow_map(&dataset, m, |code| county.get(code).or_else(|| base.anchors.get(code)).copied());
            let arrows = map
                .arrows
                .iter()
                .filter_map(|a| {
                    let r = row(&dataset, a.pairing, a.figure, m, locale)?;
                    let [from, to, control] = [a.from, a.to, a.control].map(|p| base.pixel(&fit, p));
                    let d = format!("M{:.1},{:.1}Q{:.1},{:.1} {:.1},{:.1}", from.0, from.1, control.0, control.1, to.0, to.1);
                    Some((d, a.weight, r))
                })
                .collect::<Vec<_>>();
            let undrawn = map
                .undrawn
                .iter()
                .filter_map(|(i, why)| Some((row(&dataset, *i, None, m, locale)?, *why)))
                .collect::<Vec<_>>();
            Some((arrows, undrawn))
        })
    };
    let active = RwSignal::new(None::<String>);
    view! {
        <MeasureSwitch shown=measure/>
        <figure class="map" aria-labelledby="map-title">
            <h2 id="map-title" class="chart-title">{move || i18n.t("map-flows-title")}</h2>
            <p class="chart-subtitle">{move || i18n.t("map-flows-subtitle")}</p>
            <div class="map-box" style=format!("aspect-ratio:{WIDTH}/{height:.0}")>
                <svg viewBox=format!("0 0 {WIDTH} {height:.0}") role="group" aria-labelledby="map-title">
                    <defs>
                        <marker id="arrow-head" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
                            <path d="M0,0L10,5L0,10Z" class="arrow-head"/>
                        </marker>
                    </defs>
                    <g class="prefectures" aria-hidden="true">
                        {prefectures.into_iter().map(|d| view! { <path d=d/> }).collect_view()}
                    </g>
                    <g class="provinces" aria-hidden="true">
                        {provinces.into_iter().map(|(code, d)| view! { <path d=d data-adcode=code/> }).collect_view()}
                    </g>
                    <path class="maritime" d=maritime aria-hidden="true"/>
                    <g class="flows">
                        {move || flows.get().map(|(arrows, _)| arrows
                            .into_iter()
                            .map(|(d, weight, r)| {
                                let label = flow_label(&r.pairing, &r.figure, &r.what, i18n.locale.get());
                                let (hover, focus) = (label.clone(), label.clone());
                                let width = if weight > 0.0 { 1.5 + 12.0 * weight } else { 1.5 };
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
            <p class="map-active" aria-live="polite">{move || active.get()}</p>
            {move || counties.get().map(|(_, errors)| errors.into_iter().map(|e| view! {
                <p class="map-warning" role="note">{move || i18n.t_args("map-counties-missing", &[("detail", e.describe(i18n.locale.get()).into())])}</p>
            }).collect_view())}
            <figcaption class="chart-source">{move || i18n.t("map-boundaries-caption")}</figcaption>
        </figure>
        {move || flows.get().map(|(arrows, undrawn)| view! {
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
                                <td class="num">{r.figure}</td>
                                <td>{r.what}</td>
                                <td>{r.source.map(|s| view! { <A href=source_href(&s.id)>{s.text}</A> })}</td>
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

/// What an arrow says when focused: the pairing, and the figure its width shows.
fn flow_label(pairing: &str, figure: &str, what: &str, locale: Locale) -> String {
    if figure.is_empty() {
        tr_args(locale, "map-arrow-no-figure", &[("pairing", pairing.into())])
    } else {
        tr_args(locale, "map-arrow", &[("pairing", pairing.into()), ("figure", figure.into()), ("what", what.into())])
    }
}
