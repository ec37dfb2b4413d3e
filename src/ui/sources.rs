//! The Sources page: every source document with what is known about it and every figure it
//! supports, each with the quotation it was read from.

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::{Dataset, Source, Term};
use crate::derive::{figures_of_source, SourcedFigure};
use crate::i18n::{tr_args, Locale};
use crate::labels;

use super::chart::figure_href;
use super::i18n::use_i18n;
use super::url::Link;
use super::DataState;

#[component]
pub fn Sources() -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_context::<DataState>();
    let dataset = data.dataset;
    super::i18n::page_title(move || i18n.t("nav-sources"));
    view! {
        <h1>{move || i18n.t("nav-sources")}</h1>
        {move || {
            dataset.get().map(|d| {
                let figures = d.observations.len() + d.funds.len();
                let lead = i18n.t_args(
                    "sources-lead",
                    &[("sources", d.sources.len().into()), ("figures", figures.into())],
                );
                let count = d.sources.len();
                let sections = (0..count).map(|i| view! { <SourceSection dataset=d.clone() index=i/> }).collect_view();
                view! {
                    <p class="lead">{lead}</p>
                    <div class="sources">{sections}</div>
                }
            })
        }}
    }
}

/// One source: title, publisher, date, kind, file, note, and a disclosure with its figures.
#[component]
fn SourceSection(dataset: Arc<Dataset>, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let Some(source) = dataset.sources.get(index).cloned() else { return ().into_any() };
    let anchor = format!("source-{}", source.id);
    let heading = format!("{anchor}-title");
    let pairings = dataset.pairings.iter().filter(|p| p.source == index).count();
    let commitments = dataset.commitments.iter().filter(|c| c.source == index).count();
    let figures = dataset.figures_from(index).count();
    let source_for_meta = source.clone();
    let source_for_note = source.clone();
    view! {
        <section class="source" id=anchor aria-labelledby=heading.clone()>
            <h2 id=heading.clone() lang=source.language.code()>{source.title.clone()}</h2>
            <p class="source-meta">{move || meta(&source_for_meta, i18n.locale.get())}</p>
            {move || {
                let note = source_for_note.note.get(i18n.locale.get()).to_owned();
                (!note.is_empty()).then(|| view! { <p class="source-note">{note}</p> })
            }}
            {source.url.clone().map(|url| view! { <p><a href=url.clone() rel="noopener">{url.clone()}</a></p> })}
            <details class="source-figures">
                <summary>
                    {move || i18n.t_args(
                        "sources-figures-summary",
                        &[
                            ("figures", figures.into()),
                            ("pairings", pairings.into()),
                            ("commitments", commitments.into()),
                        ],
                    )}
                </summary>
                <FigureTable lines=Signal::derive(move || figures_of_source(&dataset, index, i18n.locale.get()))/>
            </details>
        </section>
    }
    .into_any()
}

/// Publisher · date · kind · file, in the reader's language.
pub fn meta(source: &Source, locale: Locale) -> String {
    let mut parts = vec![source.publisher.clone(), labels::source_date(source, locale), labels::term("source-kind", source.kind, locale)];
    if let Some(file) = &source.file {
        parts.push(tr_args(locale, "source-file", &[("file", file.as_str().into())]));
    }
    parts.join(" · ")
}

/// Figures as a table: indicator, region, period, value (a link to where it comes from),
/// status and the quotation it was read from.
#[component]
pub fn FigureTable(#[prop(into)] lines: Signal<Vec<SourcedFigure>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-scroll">
            <table class="figures">
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t("col-indicator")}</th>
                        <th scope="col">{move || i18n.t("col-region")}</th>
                        <th scope="col">{move || i18n.t("col-period")}</th>
                        <th scope="col">{move || i18n.t("col-value")}</th>
                        <th scope="col">{move || i18n.t("col-status")}</th>
                        <th scope="col">{move || i18n.t("col-quote")}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        lines
                            .get()
                            .into_iter()
                            .map(|f| view! {
                                <tr id=format!("figure-{}", f.id)>
                                    <th scope="row">{f.indicator}</th>
                                    <td>{f.region}</td>
                                    <td>{f.period}</td>
                                    <td class="num"><Link href=figure_href(&f.id) class="figure-link">{f.value}</Link></td>
                                    <td>{f.status}</td>
                                    <td><q lang="zh">{f.quote}</q></td>
                                </tr>
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}
