//! The region search box: a combobox over the names index (`geo/names.json`, loaded on first use),
//! matching Chinese names, pinyin, English names and codes; choosing a result goes there.

use leptos::prelude::*;

use crate::map::query::MapQuery;
use crate::map::search::Index;

use super::super::i18n::use_i18n;
use super::naming::Naming;

const SHOWN: usize = 8;

#[component]
pub fn SearchBox(go: Callback<MapQuery>, query: Memo<MapQuery>, naming: Naming) -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(String::new());
    let index = naming.loaded;
    let results = Memo::new(move |_| {
        let q = text.get();
        let found = naming.index.with(|n| {
            n.as_ref().map(|n| n.find(&q, SHOWN).into_iter().map(|e| (e.code.clone(), e.name.clone(), parents(n, &e.parent))).collect::<Vec<_>>())
        });
        // Each result in the reader's language, its places above in the same.
        found
            .unwrap_or_default()
            .into_iter()
            .map(|(code, name, parents)| {
                let above = parents.iter().map(|(c, n)| naming.name(c, n)).collect::<Vec<_>>().join(" ");
                (code.clone(), naming.name(&code, &name), above)
            })
            .collect::<Vec<_>>()
    });
    let highlighted = RwSignal::new(0usize);
    let choose = move |code: String| {
        text.set(String::new());
        go.run(MapQuery { at: Some(code), ..query.get_untracked() });
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let count = results.with_untracked(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" if count > 0 => {
                ev.prevent_default();
                highlighted.update(|h| *h = (*h + 1).min(count - 1));
            }
            "ArrowUp" if count > 0 => {
                ev.prevent_default();
                highlighted.update(|h| *h = h.saturating_sub(1));
            }
            "Enter" => {
                ev.prevent_default();
                if let Some((code, _, _)) = results.with_untracked(|r| r.get(highlighted.get_untracked()).cloned()) {
                    choose(code);
                }
            }
            "Escape" => text.set(String::new()),
            _ => {}
        }
    };
    let open = move || !text.with(String::is_empty);
    view! {
        <div class="map-search">
            <label for="map-search-input">{move || i18n.t("map-search-label")}</label>
            <input
                id="map-search-input"
                type="search"
                role="combobox"
                autocomplete="off"
                aria-autocomplete="list"
                aria-controls="map-search-results"
                aria-expanded=move || (open() && !results.with(Vec::is_empty)).to_string()
                aria-activedescendant=move || (open() && !results.with(Vec::is_empty)).then(|| format!("map-search-{}", highlighted.get()))
                placeholder=move || i18n.t("map-search-placeholder")
                prop:value=move || text.get()
                on:focus=move |_| naming.want()
                on:input=move |ev| {
                    naming.want();
                    highlighted.set(0);
                    text.set(event_target_value(&ev));
                }
                on:keydown=on_key
            />
            <ul id="map-search-results" role="listbox" hidden=move || !open()>
                {move || {
                    if !open() {
                        return ().into_any();
                    }
                    match index.get() {
                        Some(Some(Err(e))) => view! { <li class="map-warning" role="option" aria-selected="false">{e.describe(i18n.locale.get())}</li> }.into_any(),
                        Some(Some(Ok(_))) => {
                            let list = results.get();
                            if list.is_empty() {
                                let q = text.get();
                                return view! { <li class="none" role="option" aria-selected="false">{i18n.t_args("map-search-none", &[("query", q.into())])}</li> }.into_any();
                            }
                            list.into_iter().enumerate().map(|(n, (code, name, parents))| {
                                let pick = code.clone();
                                view! {
                                    <li id=format!("map-search-{n}") role="option" aria-selected=move || (highlighted.get() == n).to_string()
                                        on:mousedown=move |ev| { ev.prevent_default(); choose(pick.clone()); }>
                                        <span class="result-name">{name}</span>" "<span class="result-where">{parents}</span>" "<code>{code}</code>
                                    </li>
                                }
                            }).collect_view().into_any()
                        }
                        _ => view! { <li role="option" aria-selected="false">{move || i18n.t("map-search-loading")}</li> }.into_any(),
                    }
                }}
            </ul>
        </div>
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
