//! The Map page: China's divisions shaded by a published indicator (choropleth) or the
//! paired-assistance arrows, with drill-down from the country to a province, prefecture and
//! county (by click, keyboard, breadcrumbs or search), all recorded in the URL.
//!
//! The first view's boundaries load with the page; a province's counties load when the reader
//! goes into it, or when the choropleth or the arrows need them (a county map asks for them
//! while the data loads, once the package's regions are read).

mod counties;
mod flows;
pub(crate) mod naming;
pub mod regions;
mod search;

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::data::descriptor::Boundaries;
use crate::data::{Dataset, Level};
use crate::geo::topojson::{decode, GeoError, Layers};
use crate::map::atlas::{county_provinces, province_of, Atlas};
use crate::map::bins::Binning;
use crate::map::choropleth::{choices, choropleth, Choice, Choropleth, Selection};
use crate::map::flows::Measure;
use crate::map::join::Changes;
use crate::map::query::{Bins, MapQuery, Show};

use super::i18n::use_i18n;
use super::load::{absolute_url, fetch_text, LoadError, TIMEOUT};
use super::status::LoadFailed;
use super::url::use_url;
use super::DataState;

/// The boundary files a map draws: the portal's own (relative to the page), or those a
/// deployment names in its data package (relative to the descriptor), with their approval number.
#[derive(Clone, Debug, PartialEq)]
struct Files {
    /// What relative paths are resolved against: the descriptor's URL, or the page's base.
    base: Option<String>,
    first_view: String,
    /// With `{province}` for the two-digit prefix.
    counties: String,
    names: String,
    /// The approval number (审图号) and who made the boundaries.
    approval: Option<(String, String)>,
}

impl Files {
    fn portal() -> Files {
        Files {
            base: None,
            first_view: "geo/china.topo.json".into(),
            counties: "geo/counties/{province}0000.topo.json".into(),
            names: "geo/names.json".into(),
            approval: None,
        }
    }

    /// The deployment's files, if its package's descriptor (at `descriptor_url`) names them.
    fn of(descriptor_url: &str, boundaries: Option<&Boundaries>) -> Files {
        match boundaries {
            Some(b) => Files {
                base: Some(descriptor_url.to_owned()),
                first_view: b.first_view.clone(),
                counties: b.counties.clone(),
                names: b.names.clone().unwrap_or_else(|| Files::portal().names),
                approval: Some((b.approval.clone(), b.attribution.clone())),
            },
            None => Files::portal(),
        }
    }

    /// The absolute URL of `path`.
    fn url(&self, path: &str) -> String {
        match &self.base {
            Some(base) => web_sys::Url::new_with_base(path, base).map_or_else(|_| path.to_owned(), |u| u.href()),
            None => absolute_url(path),
        }
    }

    fn county_url(&self, province: &str) -> String {
        self.url(&self.counties.replace("{province}", province))
    }
}

/// Fetches a boundary-side file (boundaries, names index) and reads it with `parse`, which is
/// given the file's name for its messages.
async fn fetch_geo<T>(url: String, parse: impl FnOnce(&str, &str) -> Result<T, GeoError>) -> Result<T, LoadError> {
    let text = fetch_text(&url, TIMEOUT).await?;
    let file = url.rsplit('/').next().unwrap_or(&url).to_owned();
    parse(&file, &text).map_err(|error| LoadError::Geometry { url, error })
}

/// Fetches and decodes the boundary file at `url`.
async fn load_layers(url: String) -> Result<Layers, LoadError> {
    fetch_geo(url, decode).await
}

#[component]
pub fn MapPage() -> impl IntoView {
    let i18n = use_i18n();
    super::i18n::page_title(move || i18n.t("nav-map"));
    view! {
        <h1>{move || i18n.t("nav-map")}</h1>
        <p class="lead">{move || i18n.t("page-map-lead")}</p>
        <MapSection/>
    }
}

/// The map with its controls, wherever it is placed (the Map page, the explorer's map tab).
#[component]
pub fn MapSection() -> impl IntoView {
    let data = expect_context::<DataState>();
    // The package's descriptor says which boundaries to draw; without a package the portal's own
    // are drawn. The descriptor is read before the rest of the package, so the boundaries load
    // while the data does.
    let files = Memo::new(move |_| match data.resource.get() {
        Some(Ok(fetched)) => Some(Files::of(&fetched.url, fetched.dataset.map.boundaries.as_ref())),
        Some(Err(_)) => Some(Files::portal()),
        None => data.boundaries.with(|b| b.as_ref().map(|(url, boundaries)| Files::of(url, boundaries.as_ref()))),
    });
    move || files.get().map(|files| view! { <MapLoader files=files/> })
}

/// Loads the first view's boundaries (and, for a county map, its county files) while the data
/// loads, then shows the map once the data has loaded too.
#[component]
fn MapLoader(files: Files) -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_context::<DataState>();
    let attempt = RwSignal::new(0u32);
    let url = files.url(&files.first_view);
    let atlas = RwSignal::new(Atlas::empty());
    let base = {
        let url = url.clone();
        LocalResource::new(move || {
            attempt.track();
            let url = url.clone();
            async move { load_layers(url).await.map(|layers| atlas.update(|a| a.add(&layers))) }
        })
    };
    let files = StoredValue::new(files);
    let counties = counties::Counties::new(files, atlas);
    // The county files the address asks for, from the start (before the data is in) and whenever
    // it changes: those of the province the reader is in, and for a county map those of every
    // province with counties in the package.
    let query_map = use_query_map();
    Effect::new(move |_| {
        let query = query_map.with(|q| MapQuery::parse(|k| q.get(k)).0);
        let mut wanted: Vec<String> = query.at.as_deref().and_then(province_of).map(str::to_owned).into_iter().collect();
        if query.level.as_deref() == Some(<&str>::from(Level::County)) {
            wanted.extend(data.county_provinces.get());
        }
        counties.want(wanted);
    });
    // Until the data is in, its own loading indicator is shown (`status`), not the map's.
    let data_loaded = Memo::new(move |_| data.resource.with(Option::is_some));
    // Then the map is first drawn once the county files asked for meanwhile have come (or
    // failed): a county map is drawn once, with its counties, not with the provinces first.
    let counties_in = Memo::new(move |was: Option<&bool>| was == Some(&true) || (data_loaded.get() && counties.settled()));
    move || match base.get() {
        _ if !data_loaded.get() => ().into_any(),
        Some(Err(error)) => view! { <LoadFailed error=error retry=Callback::new(move |_| attempt.update(|n| *n += 1))/> }.into_any(),
        Some(Ok(())) if counties_in.get() => view! { <MapView atlas=atlas counties=counties files=files/> }.into_any(),
        _ => {
            let url = url.clone();
            view! {
                <div class="loading" role="status">
                    <p>{move || i18n.t_args("map-loading", &[("url", url.as_str().into())])}</p>
                    <crate::ui::progress::Transfers shown=crate::ui::progress::is_geometry/>
                </div>
            }.into_any()
        }
    }
}

/// Whether the window is wider than tall (the country is then drawn with 南海诸岛 as an inset).
fn landscape() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(orientation: landscape)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// The selection the query asks for, if the data has it; otherwise the first choice's latest period.
fn selection_of(query: &MapQuery, dataset: &Dataset, all: &[Choice]) -> Option<Selection> {
    let wanted = all.iter().find(|c| {
        let id = dataset.indicators.get(c.indicator).map(|i| i.id.as_str());
        query.indicator.as_deref().is_some_and(|q| Some(q) == id)
            && query.level.as_deref().is_none_or(|l| l == <&str>::from(c.level))
    });
    let choice = wanted.or(all.first())?;
    let period = wanted
        .and_then(|c| c.periods.iter().find(|(p, _)| query.period.as_deref() == Some(p.to_string().as_str())))
        .map(|(p, _)| *p);
    match period {
        Some(period) => Some(Selection { indicator: choice.indicator, level: choice.level, period }),
        None => choice.latest(),
    }
}

/// The map with its controls, once the first view has loaded.
#[component]
fn MapView(atlas: RwSignal<Atlas>, counties: counties::Counties, files: StoredValue<Files>) -> impl IntoView {
    let i18n = use_i18n();
    let theme = super::theme::use_theme();
    let data = expect_context::<DataState>();
    let landscape = landscape();
    // An embed shows the view it was given: no pickers, switches or search box.
    let embedded = crate::ui::embed::embedded();
    let query_map = use_query_map();
    let parsed = Memo::new(move |_| query_map.with(|q| MapQuery::parse(|k| q.get(k))));
    let query = Memo::new(move |_| parsed.with(|(q, _)| q.clone()));
    let url = use_url();
    let go = Callback::new(move |q: MapQuery| url.set_page(q.search(), MapQuery::KEYS, false));

    let naming = naming::Naming::new(files.with_value(|f| f.url(&f.names)));
    // English pages name divisions from the index's pinyin: fetch it for them.
    Effect::new(move |_| {
        if i18n.locale.get() == crate::i18n::Locale::En {
            naming.want();
        }
    });

    let changes = Changes::published();
    let all_choices = Memo::new(move |_| data.dataset.get().map(|d| choices(&d)).unwrap_or_default());
    let selection = Memo::new(move |_| {
        let d = data.dataset.get()?;
        all_choices.with(|all| query.with(|q| selection_of(q, &d, all)))
    });
    // The publisher's breaks for the shown indicator, if it defines any.
    let breaks = Memo::new(move |_| {
        let d = data.dataset.get()?;
        let id = selection.with(|s| s.as_ref().and_then(|s| d.indicators.get(s.indicator)).map(|i| i.id.clone()))?;
        d.map.breaks.iter().find(|(i, _)| *i == id).map(|(_, b)| b.clone())
    });
    let binning = Memo::new(move |_| match (query.with(|q| q.bins), breaks.get()) {
        (Bins::Equal, _) => Binning::EqualInterval(5),
        (Bins::Breaks, Some(b)) => Binning::Breaks(b),
        _ => Binning::Quantile(5),
    });
    let shades: Memo<Option<Arc<Choropleth>>> = Memo::new(move |_| {
        let d = data.dataset.get()?;
        let s = selection.get()?;
        Some(Arc::new(choropleth(&d, &s, &changes, &binning.get(), i18n.locale.get(), theme.current())))
    });
    let show = Memo::new(move |_| query.with(|q| q.show));
    let measure = Memo::new(move |_| query.with(|q| q.measure.unwrap_or(Measure::Money)));
    let pick_measure = Callback::new(move |m: Measure| go.run(MapQuery { measure: Some(m), ..query.get_untracked() }));

    // Which county files the data needs (the loader asks for the province the reader is in): the
    // provinces of shaded counties, and those of counties at either end of a pairing.
    let wanted = Memo::new(move |_| {
        let mut wanted: Vec<String> = Vec::new();
        if let Some(c) = shades.get() {
            if selection.with(|s| s.as_ref().map(|s| s.level)) == Some(Level::County) {
                wanted.extend(c.shaded.keys().filter_map(|k| province_of(k)).map(str::to_owned));
            }
        }
        if show.get() == Show::Flows {
            if let Some(d) = data.dataset.get() {
                wanted.extend(county_provinces(d.pairings.iter().flat_map(|p| [p.from, p.to]).filter_map(|r| d.regions.get(r))));
            }
        }
        wanted.sort();
        wanted.dedup();
        wanted
    });
    // Asked for at once, before the map is first drawn, and again whenever more are needed.
    counties.want(wanted.get_untracked());
    Effect::new(move |_| counties.want(wanted.get()));

    // Where the reader is: the division of `at`, once its geometry is there.
    let at = Memo::new(move |_| query.with(|q| q.at.clone()).and_then(|code| atlas.with(|a| a.find(&code))));
    let at_unknown = Memo::new(move |_| {
        let code = query.with(|q| q.at.clone())?;
        let province = province_of(&code)?.to_owned();
        let settled = atlas.with(|a| a.has_counties_of(&code)) || counties.errors.with(|e| e.iter().any(|(p, _)| *p == province));
        (settled && at.get().is_none()).then_some(code)
    });
    // The page of the region the reader is at, when the data has something about it.
    let region_page = {
        let changes = Changes::published();
        Memo::new(move |_| {
            let code = at.get().map(|i| atlas.with(|a| a.divisions[i].code.clone()))?;
            let d = data.dataset.get()?;
            let r = crate::derive::regions_with_data(&d).into_iter().filter_map(|r| d.regions.get(r)).find(|r| changes.current(&r.code) == code)?;
            Some((r.code.clone(), r.names.get(i18n.locale.get()).to_owned()))
        })
    };
    let loading_counties = Memo::new(move |_| query.with(|q| q.at.clone()).is_some() && at.get().is_none() && at_unknown.get().is_none());

    let on_show = move |s: Show| go.run(MapQuery { show: s, ..query.get_untracked() });
    let choice_label = move |d: &Dataset, c: &Choice| {
        let name = d.indicators.get(c.indicator).map(|i| i.names.get(i18n.locale.get()).to_owned()).unwrap_or_default();
        let level = i18n.t(&crate::labels::term_id("level", c.level));
        i18n.t_args("map-choice", &[("indicator", name.into()), ("level", level.into())])
    };

    // Whose boundaries these are, and the deployment's approval number if it has one.
    let caption = move || match files.with_value(|f| f.approval.clone()) {
        Some((approval, attribution)) => i18n.t_args("map-approval-caption", &[("approval", approval.into()), ("attribution", attribution.into())]),
        None => i18n.t("map-boundaries-caption"),
    };

    view! {
        {move || parsed.with(|(_, problems)| problems.iter().map(|p| {
            let (param, value, reason) = (p.param, p.value.clone(), p.reason);
            view! { <p class="map-warning" role="note">{move || i18n.t_args("param-problem", &[("param", param.into()), ("value", value.as_str().into()), ("reason", i18n.t(reason).into())])}</p> }
        }).collect_view())}
        {move || at_unknown.get().map(|code| view! { <p class="map-warning" role="note">{move || i18n.t_args("map-at-unknown", &[("code", code.as_str().into())])}</p> })}
        {(!embedded).then(|| view! {
        <div class="map-controls">
            <div class="view-switch" role="group" aria-label=move || i18n.t("map-show-label")>
                <button type="button" aria-pressed=move || (show.get() == Show::Choropleth).to_string() on:click=move |_| on_show(Show::Choropleth)>
                    {move || i18n.t("map-show-choropleth")}
                </button>
                <button type="button" aria-pressed=move || (show.get() == Show::Flows).to_string() on:click=move |_| on_show(Show::Flows)>
                    {move || i18n.t("map-show-flows")}
                </button>
            </div>
            <search::SearchBox go=go query=query naming=naming/>
        </div>
        })}
        <Breadcrumbs atlas=atlas at=at go=go query=query naming=naming/>
        {move || region_page.get().map(|(code, name)| view! {
            <p class="map-region-page">
                <crate::ui::url::Link href=crate::ui::region::region_href(&code)>{move || i18n.t_args("map-region-page", &[("region", name.as_str().into())])}</crate::ui::url::Link>
            </p>
        })}
        {move || loading_counties.get().then(|| view! {
            <div class="loading" role="status">
                <p>{move || i18n.t("map-counties-loading")}</p>
                <crate::ui::progress::Transfers shown=crate::ui::progress::is_geometry/>
            </div>
        })}
        {move || counties.errors.with(|errors| errors.iter().map(|(_, e)| {
            let e = e.clone();
            view! { <p class="map-warning" role="note">{move || i18n.t_args("map-counties-missing", &[("detail", e.describe(i18n.locale.get()).into())])}</p> }
        }).collect_view())}
        {move || match show.get() {
            Show::Choropleth => view! {
                <div class="map-controls" hidden=embedded>
                    {move || data.dataset.get().map(|d| {
                        let current = selection.get();
                        let choices = all_choices.get();
                        if choices.is_empty() {
                            return view! { <p>{move || i18n.t("map-no-choices")}</p> }.into_any();
                        }
                        let d2 = d.clone();
                        let options = choices.iter().enumerate().map(|(n, c)| {
                            let selected = current.as_ref().is_some_and(|s| s.indicator == c.indicator && s.level == c.level);
                            view! { <option value=n.to_string() selected=selected>{choice_label(&d2, c)}</option> }
                        }).collect_view();
                        let periods = current.as_ref().and_then(|s| choices.iter().find(|c| c.indicator == s.indicator && c.level == s.level)).map(|c| c.periods.clone()).unwrap_or_default();
                        let period_options = periods.iter().map(|(p, n)| {
                            let selected = current.as_ref().is_some_and(|s| s.period == *p);
                            let text = i18n.t_args("map-period-option", &[("period", crate::format::period(p, i18n.locale.get()).into()), ("count", (*n).into())]);
                            view! { <option value=p.to_string() selected=selected>{text}</option> }
                        }).collect_view();
                        let (choices2, d3) = (choices.clone(), d.clone());
                        let pick_indicator = move |ev: leptos::ev::Event| {
                            let Some(c) = event_target_value(&ev).parse::<usize>().ok().and_then(|n| choices2.get(n)) else { return };
                            let id = d3.indicators.get(c.indicator).map(|i| i.id.clone());
                            go.run(MapQuery { indicator: id, level: Some(<&str>::from(c.level).to_owned()), period: None, ..query.get_untracked() });
                        };
                        let keep = current.clone();
                        let pick_period = move |ev: leptos::ev::Event| {
                            let id = keep.as_ref().and_then(|s| d.indicators.get(s.indicator)).map(|i| i.id.clone());
                            let level = keep.as_ref().map(|s| <&str>::from(s.level).to_owned());
                            go.run(MapQuery { indicator: id, level, period: Some(event_target_value(&ev)), ..query.get_untracked() });
                        };
                        view! {
                            <label class="picker">{move || i18n.t("map-pick-indicator")}<select on:change=pick_indicator>{options}</select></label>
                            <label class="picker">{move || i18n.t("map-pick-period")}<select on:change=pick_period>{period_options}</select></label>
                            <label class="picker">{move || i18n.t("map-pick-bins")}
                                <select on:change=move |ev| {
                                    let bins = match event_target_value(&ev).as_str() {
                                        "equal" => Bins::Equal,
                                        "breaks" => Bins::Breaks,
                                        _ => Bins::Quantile,
                                    };
                                    go.run(MapQuery { bins, ..query.get_untracked() });
                                }>
                                    <option value="quantile" selected=move || query.with(|q| q.bins) == Bins::Quantile>{move || i18n.t("map-bins-quantile")}</option>
                                    <option value="equal" selected=move || query.with(|q| q.bins) == Bins::Equal>{move || i18n.t("map-bins-equal")}</option>
                                    {move || breaks.with(Option::is_some).then(|| view! {
                                        <option value="breaks" selected=move || query.with(|q| q.bins) == Bins::Breaks>{move || i18n.t("map-bins-breaks")}</option>
                                    })}
                                </select>
                            </label>
                        }.into_any()
                    })}
                </div>
                <regions::RegionMap atlas=atlas at=at shades=shades selection=selection landscape=landscape go=go query=query naming=naming/>
            }.into_any(),
            Show::Flows => view! {
                {(!embedded).then(|| view! { <super::pages::MeasureSwitch shown=measure pick=pick_measure/> })}
                <flows::FlowMap atlas=atlas at=at measure=measure landscape=landscape/>
            }.into_any(),
        }}
        <p class="chart-source map-caption">{caption}</p>
        {move || (!embedded && show.get() == Show::Choropleth).then(|| shades.get().zip(data.dataset.get())).flatten().map(|(map, dataset)| {
            use crate::ui::share::{ShareTools, Shared, Shown};
            let shared = Shared { title: map.title.clone(), anchor: None, stem: "map".into(), height: 760, shown: Shown::Map { map, dataset, caption: caption(), picture: ".map-box > svg" } };
            view! { <ShareTools shared=Signal::stored(shared) id="map".to_owned()/> }
        })}
    }
}

/// 中国 › 内蒙古自治区 › 通辽市 › 科尔沁左翼中旗: each step a link up the tree.
#[component]
fn Breadcrumbs(atlas: RwSignal<Atlas>, at: Memo<Option<usize>>, go: Callback<MapQuery>, query: Memo<MapQuery>, naming: naming::Naming) -> impl IntoView {
    let i18n = use_i18n();
    let steps = Memo::new(move |_| {
        let chain = at.get().map_or_else(Vec::new, |i| atlas.with(|a| a.chain(i).into_iter().map(|c| (a.divisions[c].code.clone(), a.divisions[c].name.clone())).collect::<Vec<_>>()));
        chain.into_iter().map(|(code, name)| (code.clone(), naming.name(&code, &name))).collect::<Vec<_>>()
    });
    let link = move |code: Option<String>| {
        move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            go.run(MapQuery { at: code.clone(), ..query.get_untracked() });
        }
    };
    view! {
        <nav class="breadcrumbs" aria-label=move || i18n.t("map-breadcrumbs")>
            <ol>
                <li>
                    {move || if steps.with(Vec::is_empty) {
                        view! { <span aria-current="location">{move || i18n.t("map-country")}</span> }.into_any()
                    } else {
                        view! { <a href="/map" on:click=link(None)>{move || i18n.t("map-country")}</a> }.into_any()
                    }}
                </li>
                {move || {
                    let list = steps.get();
                    let last = list.len().saturating_sub(1);
                    list.into_iter().enumerate().map(|(n, (code, name))| {
                        if n == last {
                            view! { <li><span aria-current="location">{name}</span></li> }.into_any()
                        } else {
                            let href = format!("/map?at={code}");
                            view! { <li><a href=href on:click=link(Some(code))>{name}</a></li> }.into_any()
                        }
                    }).collect_view()
                }}
            </ol>
        </nav>
    }
}
