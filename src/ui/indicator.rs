//! An indicator's page: what it measures and in which unit, the seed regions side by side when
//! several publish it, every published figure of it with its quotation, and the map when it can
//! be drawn there. Reached from the search box.

use leptos::prelude::*;

use crate::chart::catalogue::compare;
use crate::derive::figures_of_indicator;
use crate::labels;
use crate::map::choropleth::choices;

use super::chart::ChartFigure;
use super::i18n::use_i18n;
use super::sources::FigureTable;
use super::url::{use_path_param, Link};
use super::DataState;

/// The link to an indicator's page.
pub fn indicator_href(id: &str) -> String {
    format!("/indicators/{}", crate::params::encode(id))
}

#[component]
pub fn IndicatorPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_context::<DataState>();
    let id = use_path_param("id");
    super::i18n::page_title(move || match data.dataset.get() {
        Some(d) => d.indicator_index(&id.get()).and_then(|i| d.indicators.get(i)).map_or_else(|| i18n.t("indicator-unknown-title"), |x| x.names.get(i18n.locale.get()).to_owned()),
        None => String::new(),
    });
    move || {
        let d = data.dataset.get()?;
        let locale = i18n.locale.get();
        let Some((i, info)) = d.indicator_index(&id.get()).and_then(|i| Some((i, d.indicators.get(i)?.clone()))) else {
            return Some(view! {
                <h1>{i18n.t("indicator-unknown-title")}</h1>
                <p class="data-notice" role="note">{i18n.t_args("indicator-unknown", &[("id", id.get().into())])}</p>
            }.into_any());
        };
        let mappable = choices(&d).iter().any(|c| c.indicator == i);
        let panels = if compare::comparable(&d).contains(&i) { compare::small_multiples(&d, i, locale) } else { Vec::new() };
        let lines = figures_of_indicator(&d, i, Default::default(), locale);
        let note = info.note.get(locale).to_owned();
        Some(view! {
            <h1>{info.names.get(locale).to_owned()}</h1>
            <p class="lead">
                {i18n.t_args("indicator-lead", &[("unit", labels::term("unit", info.unit, locale).into()), ("count", lines.len().into())])}
                {mappable.then(|| view! { " · " <Link href=format!("/map?indicator={}", crate::params::encode(&info.id))>{i18n.t("region-on-map")}</Link> })}
            </p>
            {(!note.is_empty()).then(|| view! { <p>{note}</p> })}
            {(!panels.is_empty()).then(|| view! {
                <div class="small-multiples">{panels.into_iter().filter(|c| !c.marks.is_empty()).map(|chart| view! { <ChartFigure chart=chart/> }).collect_view()}</div>
            })}
            <FigureTable lines=lines/>
        }.into_any())
    }
}
