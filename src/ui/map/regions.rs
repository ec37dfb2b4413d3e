//! The choropleth view: the regions of where the reader is, shaded by the chosen indicator, with
//! the legend, a tooltip, keyboard movement (one tab stop; arrows move, Enter opens, Escape goes
//! up) and the table of the shaded figures.

use crate::ui::perf;
use crate::ui::url::plain_link;
use std::sync::Arc;

use leptos::prelude::*;
use rustc_hash::FxHashMap;
use wasm_bindgen::JsCast;

use crate::geo::Point;
use crate::map::atlas::{Atlas, Inset, Layout, Tier};
use crate::map::choropleth::{Choropleth, Selection};
use crate::map::draw::{element_id, region_paths, regions_markup, RegionPath, LAYER_TRANSFORM};
use crate::map::nav::{step, Direction};
use crate::map::query::MapQuery;

use super::super::chart::source_href;
use super::super::i18n::use_i18n;

/// What a view draws: its layout, the regions one tier down (or the county's neighbours), shaded
/// divisions of a finer tier over them, and the lines.
#[derive(Clone, Debug, PartialEq)]
struct Drawing {
    layout: Layout,
    /// The view's own regions, then the shaded divisions of a finer tier over them: shared with
    /// the layer drawn, not copied (a county map's paths are megabytes).
    layer: Arc<Vec<RegionPath>>,
    /// How many of `layer` are the view's own regions.
    own: usize,
    maritime: String,
    inset: Option<(Vec<String>, String)>,
    /// The division whose regions are shown (the country when `None`).
    frame: Option<usize>,
}

fn focus_element(id: &str) {
    let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(el) = element.and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok()) {
        let _ = el.focus();
    }
}

/// The shaded map with its legend and table.
#[component]
pub fn RegionMap(
    atlas: RwSignal<Atlas>,
    at: Memo<Option<usize>>,
    shades: Memo<Option<Arc<Choropleth>>>,
    selection: Memo<Option<Selection>>,
    landscape: bool,
    go: Callback<MapQuery>,
    query: Memo<MapQuery>,
    naming: super::naming::Naming,
) -> impl IntoView {
    let i18n = use_i18n();
    let shaded_tier = Memo::new(move |_| selection.with(|s| s.as_ref().and_then(|s| Tier::of_level(s.level))));
    // The shaded codes alone, so that a new period with the same divisions keeps the paths.
    let shaded_codes = Memo::new(move |_| {
        let mut codes: Vec<String> = shades.with(|c| c.as_ref().map(|c| c.shaded.keys().cloned().collect()).unwrap_or_default());
        codes.sort();
        codes
    });
    let drawing = Memo::new(move |_| {
        atlas.with(|a| {
            let at = at.get();
            // A county is shown among its neighbours.
            let frame = match at {
                Some(i) if a.divisions[i].tier == Tier::County => a.parent(i),
                other => other,
            };
            let layout = a.layout(frame, landscape);
            let children = a.children(frame);
            let tiers: Vec<Tier> = children.iter().map(|&i| a.divisions[i].tier).collect();
            let overlay: Vec<usize> = match shaded_tier.get() {
                Some(t) if tiers.iter().all(|c| *c < t) => shaded_codes.with(|codes| {
                    codes.iter().filter_map(|c| a.find_at(c, t)).filter(|&i| a.visible(i, &layout.fit, layout.width, layout.height)).collect()
                }),
                _ => Vec::new(),
            };
            let inset = inset_paths(a, &layout);
            // Named in the reader's language.
            let named = |indexes: &[usize]| {
                let mut paths = region_paths(a, indexes, &layout);
                for r in &mut paths {
                    r.name = naming.name(&r.code, &r.name);
                }
                paths
            };
            let mut layer = named(&children);
            let own = layer.len();
            layer.extend(named(&overlay));
            Drawing {
                layer: Arc::new(layer),
                own,
                maritime: a.maritime_path(&layout.fit),
                inset,
                layout,
                frame,
            }
        })
    });
    let colours = Memo::new(move |_| {
        shades.with(|c| {
            c.as_ref().map_or_else(FxHashMap::default, |c| c.shaded.keys().filter_map(|k| Some((k.clone(), c.colour(k)?))).collect::<FxHashMap<String, &'static str>>())
        })
    });
    let selected = Memo::new(move |_| at.get().and_then(|i| atlas.with(|a| (a.divisions[i].tier == Tier::County).then(|| a.divisions[i].code.clone()))));
    let active = RwSignal::new(None::<RegionPath>);
    let place_name = Memo::new(move |_| drawing.with(|d| d.frame).map(|i| atlas.with(|a| naming.name(&a.divisions[i].code, &a.divisions[i].name))));
    // After moving by keyboard, focus goes to the first region of the new view (or the county);
    // after a click it stays where the pointer left it.
    let by_keyboard = RwSignal::new(false);
    let open = Callback::new(move |r: RegionPath| {
        by_keyboard.set(false);
        go.run(MapQuery { at: Some(r.code), ..query.get_untracked() });
    });
    Effect::new(move |_| {
        let first = drawing.with(|d| d.layer[..d.own].first().map(|r| r.code.clone()));
        let target = selected.get().or(first);
        if by_keyboard.get_untracked() {
            if let Some(code) = target {
                by_keyboard.set(false);
                request_animation_frame(move || focus_element(&element_id(&code)));
            }
        }
    });
    let open_by_key = Callback::new(move |r: RegionPath| {
        go.run(MapQuery { at: Some(r.code), ..query.get_untracked() });
        by_keyboard.set(true);
    });
    let up = Callback::new(move |_: ()| {
        let parent = at.get_untracked().and_then(|i| atlas.with_untracked(|a| {
            let chain = a.chain(i);
            chain.len().checked_sub(2).map(|n| a.divisions[chain[n]].code.clone())
        }));
        let to = if at.get_untracked().is_some() { parent } else { return };
        by_keyboard.set(true);
        go.run(MapQuery { at: to, ..query.get_untracked() });
    });
    let data = expect_context::<crate::ui::DataState>();
    let value_of = move |code: &str| {
        let locale = i18n.locale.get();
        data.dataset.with(|d| shades.with(|c| c.as_ref().zip(d.as_ref()).and_then(|(c, d)| c.text(d, code, locale))))
    };
    let label = move |r: &RegionPath| match value_of(&r.code) {
        Some(v) => i18n.t_args("map-region-value", &[("region", r.name.as_str().into()), ("value", v.into())]),
        None => i18n.t_args("map-region-no-data", &[("region", r.name.as_str().into())]),
    };
    let here = Memo::new(move |_| {
        let i = at.get()?;
        let (code, name) = atlas.with(|a| (a.divisions[i].code.clone(), a.divisions[i].name.clone()));
        value_of(&code).map(|v| (naming.name(&code, &name), v))
    });
    let note_finer = Memo::new(move |_| drawing.with(|d| d.layer.len() > d.own));

    view! {
        <figure class="map" aria-labelledby="map-title">
            <h2 id="map-title" class="chart-title">{move || shades.with(|c| c.as_ref().map(|c| c.title.clone()))}</h2>
            <p class="chart-subtitle map-keys">{move || i18n.t("map-keys-help")}</p>
            {move || here.get().map(|(name, value)| view! {
                <p class="map-here">{move || i18n.t_args("map-here-value", &[("region", name.as_str().into()), ("value", value.as_str().into())])}</p>
            })}
            {move || {
                let d = drawing.get();
                // The chosen county is one of the view's own regions.
                let (ringable, own, layout) = (d.layer.clone(), d.own, d.layout.clone());
                let (width, height) = (d.layout.width, d.layout.height);
                let group_label = place_name.get().unwrap_or_else(|| i18n.t("map-country"));
                view! {
                    <div class="map-box" style=format!("aspect-ratio:{width}/{height:.0}")>
                        <svg viewBox=format!("0 0 {width} {height:.0}") role="group" aria-label=i18n.t_args("map-region-group", &[("place", group_label.into())])>
                            <defs>
                                <pattern id="map-no-data" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                                    <rect width="6" height="6" class="no-data-ground"/>
                                    <line x1="0" y1="0" x2="0" y2="6" class="no-data-hatch"/>
                                </pattern>
                                // The same hatch for the region layer, whose units are tenths of a pixel.
                                <pattern id="map-no-data-layer" width="60" height="60" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                                    <rect width="60" height="60" class="no-data-ground"/>
                                    <line x1="0" y1="0" x2="0" y2="60" class="no-data-hatch layer"/>
                                </pattern>
                            </defs>
                            // Shaded divisions of a finer tier lie over the view's regions, in the same
                            // layer so that the arrow keys reach them too.
                            <RegionLayer regions=d.layer atlas=atlas layout=d.layout.clone() colours=colours shaded_tier=shaded_tier selected=selected active=active label=label open=open open_by_key=open_by_key up=up/>
                            <path class="maritime" d=d.maritime aria-hidden="true"/>
                            // The chosen county, and the region under the pointer or focus, outlined
                            // above their neighbours; the latter in the focus colour on a halo of the
                            // background, so that it shows on every fill.
                            <g transform=LAYER_TRANSFORM aria-hidden="true">
                                {move || selected.get().and_then(|code| ringable[..own].iter().find(|r| r.code == code).map(|r| view! {
                                    <path class="region-ring selected" d=atlas.with_untracked(|a| r.d(a, &layout))/>
                                }))}
                                {move || active.get().map(|r| {
                                    let d = atlas.with_untracked(|a| r.d(a, &layout));
                                    view! { <path class="region-ring halo" d=d.clone()/><path class="region-ring active" d=d/> }
                                })}
                            </g>
                            {d.inset.zip(d.layout.inset).map(|((provinces, maritime), inset)| view! { <InsetView inset=inset provinces=provinces maritime=maritime/> })}
                        </svg>
                        <Tooltip active=active shades=shades width=width height=height label=label/>
                    </div>
                }
            }}
            <p class="map-active" aria-live="polite">{move || active.get().map(|r| label(&r))}</p>
            {move || note_finer.get().then(|| {
                let level = selection.with(|s| s.as_ref().map(|s| i18n.t(&crate::labels::term_id("level", s.level)))).unwrap_or_default();
                view! { <p class="map-note">{i18n.t_args("map-finer-note", &[("level", level.into())])}</p> }
            })}
            <Legend shades=shades/>
        </figure>
        <ChoroplethTable shades=shades/>
    }
}

/// 南海诸岛 in its box: the provinces and maritime lines drawn again at the inset's scale.
#[component]
pub fn InsetView(inset: Inset, provinces: Vec<String>, maritime: String) -> impl IntoView {
    let i18n = use_i18n();
    let Inset { x, y, width, height, .. } = inset;
    view! {
        <g class="inset" aria-hidden="true">
            <clipPath id="inset-clip"><rect x=x y=y width=width height=height/></clipPath>
            <rect class="inset-frame" x=x y=y width=width height=height/>
            <g clip-path="url(#inset-clip)">
                {provinces.into_iter().map(|p| view! { <path class="inset-land" d=p/> }).collect_view()}
                <path class="maritime" d=maritime/>
            </g>
            <text class="inset-label" x=x + width - 4.0 y=y + height - 6.0 text-anchor="end">{move || i18n.t("map-inset-label")}</text>
        </g>
    }
}

/// The inset's provinces and lines, when `layout` has an inset.
pub fn inset_paths(atlas: &Atlas, layout: &Layout) -> Option<(Vec<String>, String)> {
    layout.inset.map(|inset| (atlas.children(None).into_iter().map(|i| atlas.path(i, &inset.fit)).collect(), atlas.maritime_path(&inset.fit)))
}

#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/ui/map/fills.js")]
extern "C" {
    /// Sets the `fill` of each child of `group` from `fills` (one per line, empty for none).
    #[wasm_bindgen(js_name = setFills)]
    fn set_fills(group: &web_sys::Element, fills: &str);
}

/// Writes `markup` into the layer's element as the element is made, so that the view does not
/// keep it (as it keeps an `inner_html` value): a county layer's is megabytes.
fn write_markup(element: web_sys::Element, markup: String) {
    element.set_inner_html(&markup);
}

/// The regions of one layer, written as one piece of markup (so that thousands of counties become
/// DOM in one parse), with one tab stop (the first region until the reader moves) and events
/// handled once for the layer. Recolouring sets `fill` attributes and nothing else; regions of the
/// shaded tier without a figure are hatched.
#[component]
pub fn RegionLayer(
    regions: Arc<Vec<RegionPath>>,
    atlas: RwSignal<Atlas>,
    layout: Layout,
    colours: Memo<FxHashMap<String, &'static str>>,
    shaded_tier: Memo<Option<Tier>>,
    selected: Memo<Option<String>>,
    active: RwSignal<Option<RegionPath>>,
    label: impl Fn(&RegionPath) -> String + Copy + Send + Sync + 'static,
    open: Callback<RegionPath>,
    open_by_key: Callback<RegionPath>,
    up: Callback<()>,
) -> impl IntoView {
    fn fill_of(r: &RegionPath, colours: &FxHashMap<String, &'static str>, tier: Option<Tier>) -> Option<&'static str> {
        colours.get(&r.code).copied().or_else(|| (tier == Some(r.tier)).then_some("url(#map-no-data-layer)"))
    }
    let markup = colours.with_untracked(|c| atlas.with_untracked(|a| regions_markup(&regions, |r| r.d(a, &layout), |r| fill_of(r, c, shaded_tier.get_untracked()))));
    let anchors: Arc<Vec<Point>> = Arc::new(regions.iter().map(|r| r.anchor).collect());
    let group = NodeRef::<leptos::svg::G>::new();
    let element = move |n: usize| -> Option<web_sys::Element> { group.get_untracked()?.children().item(n as u32) };

    // Recolour in place (the markup already has the first colours).
    {
        let regions = regions.clone();
        Effect::new(move |first: Option<()>| {
            let tier = shaded_tier.get();
            colours.with(|c| {
                if first.is_none() {
                    perf::mark_painted(perf::map_painted(regions.len()));
                    return;
                }
                let Some(group) = group.get_untracked() else { return };
                let fills: Vec<&str> = regions.iter().map(|r| fill_of(r, c, tier).unwrap_or("")).collect();
                set_fills(&group, &fills.join("\n"));
                perf::mark_painted(perf::RECOLOURED.to_owned());
            });
        });
    }
    {
        let regions = regions.clone();
        Effect::new(move |previous: Option<Option<usize>>| {
            let now = selected.with(|s| s.as_ref().and_then(|code| regions.iter().position(|r| r.code == *code)));
            for (n, class) in [(previous.flatten(), "region"), (now, "region selected")] {
                if let Some(el) = n.and_then(element) {
                    let _ = el.set_attribute("class", class);
                }
            }
            now
        });
    }

    // Which region an event is about: its path's position in the layer.
    let region_of = move |ev: &leptos::ev::Event| -> Option<usize> {
        let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
        target.get_attribute("data-n")?.parse().ok()
    };
    let (on_focus, on_over, on_click, on_key) = (regions.clone(), regions.clone(), regions.clone(), regions.clone());
    view! {
        // Chromium makes an SVG element with focus listeners a tab stop of its own: the layer is
        // not one, its regions are.
        <g
            class="regions"
            transform=LAYER_TRANSFORM
            tabindex="-1"
            node_ref=group
            use:write_markup=markup
            on:focusin=move |ev| {
                let Some(n) = region_of(&ev) else { return };
                let r = on_focus[n].clone();
                // The full label (name and figure) is written when the region is reached, not for
                // all regions on every recolour.
                if let Some(el) = element(n) {
                    let _ = el.set_attribute("aria-label", &label(&r));
                }
                active.set(Some(r));
            }
            on:focusout=move |_| active.set(None)
            on:mouseover=move |ev| {
                let Some(n) = region_of(&ev) else { return };
                if active.with_untracked(|a| a.as_ref().map(|a| a.index)) != Some(on_over[n].index) {
                    active.set(Some(on_over[n].clone()));
                }
            }
            on:mouseleave=move |_| active.set(None)
            on:click=move |ev| {
                if let Some(n) = region_of(&ev) {
                    open.run(on_click[n].clone());
                }
            }
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                let Some(n) = region_of(&ev) else { return };
                let key = ev.key();
                if let Some(direction) = Direction::of_key(&key) {
                    ev.prevent_default();
                    if let Some(next) = step(&anchors, n, direction) {
                        if let (Some(from), Some(to)) = (element(n), element(next)) {
                            let _ = from.set_attribute("tabindex", "-1");
                            let _ = to.set_attribute("tabindex", "0");
                        }
                        focus_element(&element_id(&on_key[next].code));
                    }
                } else if key == "Enter" || key == " " {
                    ev.prevent_default();
                    open_by_key.run(on_key[n].clone());
                } else if key == "Escape" || key == "Backspace" {
                    ev.prevent_default();
                    up.run(());
                }
            }
        ></g>
    }
}

/// The active region's name and figure beside it.
#[component]
fn Tooltip(
    active: RwSignal<Option<RegionPath>>,
    shades: Memo<Option<Arc<Choropleth>>>,
    width: f64,
    height: f64,
    label: impl Fn(&RegionPath) -> String + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let data = expect_context::<crate::ui::DataState>();
    let i18n = use_i18n();
    move || {
        active.get().map(|r| {
            let (x, y) = (100.0 * r.anchor.0 / width, 100.0 * r.anchor.1 / height);
            // Beside the region, on the side with more room.
            let style = if x > 60.0 { format!("right:{:.1}%;top:{y:.1}%", 100.0 - x) } else { format!("left:{x:.1}%;top:{y:.1}%") };
            let locale = i18n.locale.get();
            let source = data.dataset.with(|d| shades.with(|c| c.as_ref().zip(d.as_ref()).and_then(|(c, d)| c.source(d, &r.code, locale))));
            view! {
                <div class="map-tooltip" role="presentation" style=style>
                    <span class="tip-value">{label(&r)}</span>
                    {source.map(|s| view! { <span class="tip-source">{s.text}</span> })}
                </div>
            }
        })
    }
}

/// The classes with their colours, ranges and counts, and "no data" with its hatch.
#[component]
fn Legend(shades: Memo<Option<Arc<Choropleth>>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        shades.get().map(|c| {
            let unit = c.unit.clone();
            view! {
                <div class="map-legend">
                    <p class="map-legend-title">{i18n.t_args("map-legend-title", &[("unit", unit.into())])}</p>
                    <ul>
                        {c.classes.iter().map(|k| {
                            let count = i18n.t_args("map-legend-count", &[("count", k.count.into())]);
                            view! {
                                <li><svg class="swatch" viewBox="0 0 16 16" aria-hidden="true"><rect width="16" height="16" fill=k.colour/></svg>
                                <span class="legend-range">{k.label.clone()}</span>" "<span class="legend-count">{count}</span></li>
                            }
                        }).collect_view()}
                        <li><svg class="swatch" viewBox="0 0 16 16" aria-hidden="true"><rect width="16" height="16" fill="url(#map-no-data)"/></svg>
                        <span class="legend-range">{i18n.t("map-legend-no-data")}</span></li>
                    </ul>
                    {c.qualified.then(|| view! { <p class="map-note">{i18n.t("map-legend-qualified")}</p> })}
                </div>
            }
        })
    }
}

/// Exactly the shaded figures, as a table, shown on request like a chart's: a county map has
/// thousands of rows, which recolouring must not rebuild while nobody reads them. Its links are
/// plain anchors, written once per redraw.
#[component]
fn ChoroplethTable(shades: Memo<Option<Arc<Choropleth>>>) -> impl IntoView {
    let i18n = use_i18n();
    let shown = RwSignal::new(false);
    let data = expect_context::<crate::ui::DataState>();
    let table = move || {
        shades.get().zip(data.dataset.get()).map(|(c, d)| {
            let rows = c.rows(&d, i18n.locale.get());
            let count = rows.len();
            view! {
                <table>
                    <caption>{i18n.t_args("map-table-choropleth-caption", &[("count", count.into())])}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t("map-col-region")}</th>
                            <th scope="col" class="num">{i18n.t("chart-col-value")}</th>
                            <th scope="col">{i18n.t("map-col-class")}</th>
                            <th scope="col">{i18n.t("chart-col-source")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows.iter().map(|r| view! {
                            <tr data-code=r.code.clone()>
                                <th scope="row">{plain_link(&crate::ui::region::region_href(&r.region_code), None, r.region.clone())}</th>
                                <td class="num">{plain_link(&crate::ui::chart::figure_href(&r.figure), Some("figure-link"), r.value.clone())}</td>
                                <td>{r.class.clone()}</td>
                                <td>{r.source.clone().map(|s| plain_link(&source_href(&s.id), None, s.text))}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }
        })
    };
    view! {
        <button
            type="button"
            class="table-toggle"
            aria-expanded=move || shown.get().to_string()
            aria-controls=MAP_TABLE_ID
            on:click=move |_| shown.update(|s| *s = !*s)
        >
            {move || i18n.t(if shown.get() { "chart-hide-table" } else { "chart-show-table" })}
        </button>
        <div class="chart-table map-table" id=MAP_TABLE_ID hidden=move || !shown.get()>
            {move || shown.get().then(table)}
        </div>
    }
}

/// The id of the shaded map's table.
const MAP_TABLE_ID: &str = "map-table";
