//! "Where does this number come from?": one published figure with its value, qualifier, the way
//! it was printed, the quotation it was read from, and its source document (title, publisher,
//! date, archived file, address), reached from every figure's link.

use leptos::prelude::*;

use crate::data::Term;
use crate::derive::provenance;

use super::chart::{figure_href, source_href};
use super::i18n::use_i18n;
use super::region::region_href;
use super::sources::meta;
use super::url::{use_path_param, Link};
use super::DataState;

#[component]
pub fn FigurePage() -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_context::<DataState>();
    let id = use_path_param("id");
    super::i18n::page_title(move || i18n.t("figure-title"));
    view! {
        <h1>{move || i18n.t("figure-title")}</h1>
        {move || data.dataset.get().map(|d| {
            let locale = i18n.locale.get();
            let Some(p) = provenance(&d, &id.get(), locale) else {
                return view! { <p class="data-notice" role="note">{i18n.t_args("figure-unknown", &[("id", id.get().into())])}</p> }.into_any();
            };
            let source = d.sources.get(p.source).cloned();
            let f = p.figure.clone();
            view! {
                <article class="provenance" id=format!("figure-{}", f.id)>
                    <p class="provenance-value">{f.value.clone()}</p>
                    <dl class="provenance-facts">
                        <dt>{i18n.t("col-indicator")}</dt><dd>{f.indicator.clone()}</dd>
                        <dt>{i18n.t("col-region")}</dt><dd><Link href=region_href(&p.region_code)>{f.region.clone()}</Link></dd>
                        <dt>{i18n.t("col-period")}</dt><dd>{f.period.clone()}</dd>
                        <dt>{i18n.t("col-status")}</dt><dd>{f.status.clone()}</dd>
                        <dt>{i18n.t("figure-qualifier")}</dt><dd>{p.qualifier.clone()}</dd>
                        {p.as_written.clone().map(|w| view! { <dt>{i18n.t("figure-as-written")}</dt><dd lang="zh">{w}</dd> })}
                        {p.part_of.clone().map(|t| view! {
                            <dt>{i18n.t("figure-part-of")}</dt>
                            <dd><Link href=figure_href(&t.id)>{format!("{} {}", t.indicator, t.value)}</Link></dd>
                        })}
                        {(!p.note.is_empty()).then(|| view! { <dt>{i18n.t("figure-note")}</dt><dd>{p.note.clone()}</dd> })}
                    </dl>
                    <h2>{i18n.t("figure-quote-heading")}</h2>
                    <blockquote lang="zh"><p>{f.quote.clone()}</p></blockquote>
                    {source.map(|s| {
                        let (lang, title, about) = (s.language.code(), s.title.clone(), meta(&s, locale));
                        view! {
                        <h2>{i18n.t("figure-source-heading")}</h2>
                        <p class="provenance-source">
                            <Link href=source_href(&s.id)><span lang=lang>{title}</span></Link>
                        </p>
                        <p class="source-meta">{about}</p>
                        {s.url.clone().map(|u| view! { <p><a href=u.clone() rel="noopener">{u.clone()}</a></p> })}
                    }})}
                </article>
            }.into_any()
        })}
    }
}
