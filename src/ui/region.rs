//! A region's page: its key figures as cards, its funds by stage, the pairings it sends and
//! receives, the plan tasks it carries, every figure published about it and the sources they come
//! from. Reached from maps, tables, figures and the search box.

use std::sync::Arc;

use leptos::prelude::*;

use crate::chart::catalogue::funds;
use crate::chart::catalogue::pairing::pairing_label;
use crate::data::{Dataset, Figure};
use crate::derive::{figures_of_region, key_figures};
use crate::format;
use crate::i18n::Locale;
use crate::labels;

use super::chart::{figure_href, source_href, ChartFigure};
use super::i18n::use_i18n;
use super::sources::FigureTable;
use super::url::{use_path_param, Link};
use super::DataState;

/// The link to a region's page.
pub fn region_href(code: &str) -> String {
    format!("/regions/{}", crate::params::encode(code))
}

#[component]
pub fn RegionPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_context::<DataState>();
    let code = use_path_param("code");
    super::i18n::page_title(move || match data.dataset.get() {
        Some(d) => d.region_index(&code.get()).map_or_else(|| i18n.t("region-unknown-title"), |r| name(&d, r, i18n.locale.get())),
        None => String::new(),
    });
    move || {
        let d = data.dataset.get()?;
        let code = code.get();
        let Some(r) = d.region_index(&code) else {
            return Some(view! {
                <h1>{move || i18n.t("region-unknown-title")}</h1>
                <p class="data-notice" role="note">{move || i18n.t_args("region-unknown", &[("code", code.clone().into())])}</p>
            }.into_any());
        };
        Some(view! { <Region dataset=d region=r/> }.into_any())
    }
}

/// The region's name in the reader's language.
fn name(d: &Dataset, r: usize, locale: Locale) -> String {
    d.regions.get(r).map(|x| x.names.get(locale).to_owned()).unwrap_or_default()
}

#[component]
fn Region(dataset: Arc<Dataset>, region: usize) -> impl IntoView {
    let i18n = use_i18n();
    let Some(info) = dataset.regions.get(region).cloned() else { return ().into_any() };
    let on_map = (info.code.len() == 6 && info.code.bytes().all(|b| b.is_ascii_digit()) && info.code != "100000").then(|| format!("/map?at={}", info.code));
    let parent = info.parent.filter(|&p| crate::derive::regions_with_data(&dataset).contains(&p));
    let d = StoredValue::new(dataset);
    view! {
        <article class="region-page" id=format!("region-{}", info.code)>
            <h1>{move || d.with_value(|d| name(d, region, i18n.locale.get()))}</h1>
            <p class="lead">
                {move || labels::term("level", info.level, i18n.locale.get())}
                {move || parent.map(|p| {
                    let (href, text) = d.with_value(|d| (d.regions.get(p).map(|r| region_href(&r.code)).unwrap_or_default(), name(d, p, i18n.locale.get())));
                    view! { " · "{i18n.t("region-part-of")}" "<Link href=href>{text}</Link> }
                })}
                {on_map.map(|href| view! { " · " <Link href=href>{move || i18n.t("region-on-map")}</Link> })}
            </p>
            <KeyFigures dataset=d.get_value() region=region/>
            {move || d.with_value(|d| funds::by_stage(d, region, i18n.locale.get())).map(|chart| view! { <ChartFigure chart=chart/> })}
            <Pairings dataset=d.get_value() region=region/>
            <Tasks dataset=d.get_value() region=region/>
            <section aria-labelledby="region-figures">
                <h2 id="region-figures">{move || i18n.t("region-figures")}</h2>
                <FigureTable lines=Signal::derive(move || d.with_value(|d| figures_of_region(d, region, i18n.locale.get())))/>
            </section>
            <RegionSources dataset=d.get_value() region=region/>
        </article>
    }
    .into_any()
}

/// One card per indicator: its latest published figure, period and status, linked to where it
/// comes from.
#[component]
fn KeyFigures(dataset: Arc<Dataset>, region: usize) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let locale = i18n.locale.get();
        let cards: Vec<_> = key_figures(&dataset, region)
            .into_iter()
            .map(|f: &Figure| {
                let indicator = dataset.indicators.get(f.indicator);
                let title = indicator.map(|i| i.names.get(locale).to_owned()).unwrap_or_default();
                let value = indicator.map(|i| format::figure(f.value, i.unit, f.qualifier, locale)).unwrap_or_default();
                let when = format!("{} · {}", format::period(&f.period, locale), labels::term("status", f.status, locale));
                view! {
                    <li class="key-figure">
                        <span class="key-figure-name">{title}</span>
                        <Link href=figure_href(&f.id) class="key-figure-value">{value}</Link>
                        <span class="key-figure-when">{when}</span>
                    </li>
                }
            })
            .collect();
        (!cards.is_empty()).then(|| view! { <ul class="key-figures" aria-label=i18n.t("region-key-figures")>{cards}</ul> })
    }
}

/// Pairings the region sends and receives, each with the figures published about it.
#[component]
fn Pairings(dataset: Arc<Dataset>, region: usize) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let locale = i18n.locale.get();
        let d = &dataset;
        let rows: Vec<_> = d
            .pairings
            .iter()
            .enumerate()
            .filter(|(_, p)| p.from == region || p.to == region)
            .map(|(i, p)| {
                let direction = i18n.t(if p.from == region { "region-pairing-out" } else { "region-pairing-in" });
                let other = if p.from == region { p.to } else { p.from };
                let figures: Vec<(String, String)> = d.observations.iter().chain(d.funds.iter().map(|f| &f.figure)).filter(|f| f.pairing() == Some(i)).map(|f| {
                    let value = d.indicators.get(f.indicator).map(|x| format!("{} {}", x.names.get(locale), format::figure(f.value, x.unit, f.qualifier, locale))).unwrap_or_default();
                    (figure_href(&f.id), value)
                }).collect();
                let figures = figures.into_iter().map(|(href, value)| view! { <li><Link href=href>{value}</Link></li> }).collect_view();
                let source = d.sources.get(p.source).map(|s| (s.id.clone(), labels::citation(s, locale)));
                let (label, other_href, other_name, period) = (pairing_label(d, p, locale), d.regions.get(other).map(|r| region_href(&r.code)).unwrap_or_default(), name(d, other, locale), format::period(&p.period, locale));
                view! {
                    <tr>
                        <td>{direction}</td>
                        <th scope="row">{label}</th>
                        <td><Link href=other_href>{other_name}</Link></td>
                        <td>{period}</td>
                        <td><ul class="plain">{figures}</ul></td>
                        <td>{source.map(|(id, text)| view! { <Link href=source_href(&id)>{text}</Link> })}</td>
                    </tr>
                }
            })
            .collect();
        table_section("region-pairings", &["region-col-direction", "region-col-pairing", "region-col-other", "col-period", "region-col-figures", "chart-col-source"], rows)
    }
}

/// A section headed by the message `id`, with a table of `columns` (message ids) and `rows`;
/// nothing when there are no rows.
fn table_section<R: IntoView + 'static>(id: &'static str, columns: &[&'static str], rows: Vec<R>) -> Option<impl IntoView> {
    let i18n = use_i18n();
    let heads = columns.iter().map(|c| view! { <th scope="col">{i18n.t(c)}</th> }).collect_view();
    (!rows.is_empty()).then(|| view! {
        <section aria-labelledby=id>
            <h2 id=id>{i18n.t(id)}</h2>
            <div class="table-scroll"><table>
                <thead><tr>{heads}</tr></thead>
                <tbody>{rows}</tbody>
            </table></div>
        </section>
    })
}

/// The plan tasks the region carries, with deadline, status and source.
#[component]
fn Tasks(dataset: Arc<Dataset>, region: usize) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let locale = i18n.locale.get();
        let rows: Vec<_> = dataset
            .commitments
            .iter()
            .filter(|c| c.region == region)
            .map(|c| {
                let source = dataset.sources.get(c.source).map(|s| (s.id.clone(), labels::citation(s, locale)));
                view! {
                    <tr>
                        <th scope="row">{c.task.get(locale).to_owned()}</th>
                        <td>{format::date(c.deadline, locale)}</td>
                        <td>{labels::term("commitment-status", c.status, locale)}</td>
                        <td>{source.map(|(id, text)| view! { <Link href=source_href(&id)>{text}</Link> })}</td>
                    </tr>
                }
            })
            .collect();
        table_section("region-tasks", &["region-col-task", "region-col-deadline", "col-status", "chart-col-source"], rows)
    }
}

/// The sources of everything on the page.
#[component]
fn RegionSources(dataset: Arc<Dataset>, region: usize) -> impl IntoView {
    let i18n = use_i18n();
    let d = &dataset;
    let mut used: Vec<usize> = d.observations.iter().chain(d.funds.iter().map(|f| &f.figure)).filter(|f| f.region == region).map(|f| f.source).collect();
    used.extend(d.pairings.iter().filter(|p| p.from == region || p.to == region).map(|p| p.source));
    used.extend(d.commitments.iter().filter(|c| c.region == region).map(|c| c.source));
    used.sort_unstable();
    used.dedup();
    let dataset = dataset.clone();
    view! {
        <section aria-labelledby="region-sources">
            <h2 id="region-sources">{move || i18n.t("nav-sources")}</h2>
            <ul>
                {move || used.iter().filter_map(|&s| dataset.sources.get(s)).map(|s| {
                    let text = labels::citation(s, i18n.locale.get());
                    view! { <li><Link href=source_href(&s.id)>{text}</Link></li> }
                }).collect_view()}
            </ul>
        </section>
    }
}
