//! The region search box: a combobox over the names index (`geo/names.json`, loaded on first use),
//! matching Chinese names, pinyin, English names and codes; choosing a result goes there.

use leptos::prelude::*;

use crate::map::query::MapQuery;
use crate::map::search::Index;

use super::super::i18n::use_i18n;
use super::naming::Naming;
use crate::ui::combobox::{Combobox, Option_};

const SHOWN: usize = 8;

#[component]
pub fn SearchBox(go: Callback<MapQuery>, query: Memo<MapQuery>, naming: Naming) -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(String::new());
    let results = Memo::new(move |_| {
        let q = text.get();
        let found = naming.index.with(|n| {
            n.as_ref().map(|n| n.find(&q, SHOWN).into_iter().map(|e| (e.code.clone(), e.name.clone(), parents(n, &e.parent))).collect::<Vec<_>>())
        });
        // Each result in the reader's language, its places above in the same.
        found
            .unwrap_or_default()
            .into_iter()
            .map(|(code, name, parents)| Option_ {
                detail: parents.iter().map(|(c, n)| naming.name(c, n)).collect::<Vec<_>>().join(" "),
                name: naming.name(&code, &name),
                key: code.clone(),
                code,
            })
            .collect::<Vec<_>>()
    });
    let status = Signal::derive(move || match naming.loaded.get() {
        Some(Some(Err(e))) => Some(e.describe(i18n.locale.get())),
        Some(Some(Ok(_))) if results.with(Vec::is_empty) => Some(i18n.t_args("map-search-none", &[("query", text.get().into())])),
        Some(Some(Ok(_))) => None,
        _ => Some(i18n.t("map-search-loading")),
    });
    view! {
        <Combobox
            id="map-search"
            label=Signal::derive(move || i18n.t("map-search-label"))
            placeholder=Signal::derive(move || i18n.t("map-search-placeholder"))
            text=text
            results=results
            status=status
            wake=Callback::new(move |_| naming.want())
            choose=Callback::new(move |code: String| go.run(MapQuery { at: Some(code), ..query.get_untracked() }))
        />
    }
}

/// The divisions above `parent` and itself (code and name), coarsest first: 内蒙古自治区, 通辽市.
fn parents(index: &Index, parent: &str) -> Vec<(String, String)> {
    let mut names = Vec::new();
    let mut code = parent.to_owned();
    for _ in 0..3 {
        match index.get(&code) {
            Some(e) if e.code != "100000" && !names.iter().any(|(_, n)| *n == e.name) => {
                names.push((e.code.clone(), e.name.clone()));
                code = e.parent.clone();
            }
            _ => break,
        }
    }
    names.reverse();
    names
}
