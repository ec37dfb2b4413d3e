//! A search box with a list of results (ARIA combobox): typing filters, arrow keys move the
//! highlight, Enter chooses, Escape clears. Used by the map's division search and the portal's
//! search in the header.

use leptos::prelude::*;

/// One result: what choosing it hands back, its name, where it is (or what it is), and a code.
#[derive(Clone, Debug, PartialEq)]
pub struct Option_ {
    pub key: String,
    pub name: String,
    pub detail: String,
    pub code: String,
}

#[component]
pub fn Combobox(
    /// Prefix of the element ids (`<id>-input`, `<id>-results`, `<id>-<n>`) and the CSS class.
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] placeholder: Signal<String>,
    text: RwSignal<String>,
    #[prop(into)] results: Signal<Vec<Option_>>,
    /// A line shown instead of results (loading, an error, nothing found).
    #[prop(into)] status: Signal<Option<String>>,
    /// Called when the box is focused or typed in (to fetch what the search needs).
    wake: Callback<()>,
    choose: Callback<String>,
    /// Keys that focus the box from elsewhere, announced to assistive technology.
    #[prop(optional)] keyshortcuts: Option<&'static str>,
) -> impl IntoView {
    let highlighted = RwSignal::new(0usize);
    let pick = move |key: String| {
        text.set(String::new());
        choose.run(key);
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
                if let Some(o) = results.with_untracked(|r| r.get(highlighted.get_untracked()).cloned()) {
                    pick(o.key);
                }
            }
            "Escape" => text.set(String::new()),
            _ => {}
        }
    };
    let open = move || !text.with(String::is_empty);
    let listed = move || open() && status.with(Option::is_none) && !results.with(Vec::is_empty);
    let (input_id, list_id) = (format!("{id}-input"), format!("{id}-results"));
    view! {
        <div class=format!("combobox {id}")>
            <label for=input_id.clone()>{label}</label>
            <input
                id=input_id
                type="search"
                role="combobox"
                autocomplete="off"
                aria-autocomplete="list"
                aria-controls=list_id.clone()
                aria-expanded=move || listed().to_string()
                aria-activedescendant=move || listed().then(|| format!("{id}-{}", highlighted.get()))
                placeholder=placeholder
                aria-keyshortcuts=keyshortcuts
                prop:value=move || text.get()
                on:focus=move |_| wake.run(())
                on:input=move |ev| {
                    wake.run(());
                    highlighted.set(0);
                    text.set(event_target_value(&ev));
                }
                on:keydown=on_key
            />
            <ul id=list_id role="listbox" hidden=move || !open()>
                {move || {
                    if !open() {
                        return ().into_any();
                    }
                    if let Some(line) = status.get() {
                        return view! { <li class="none" role="option" aria-selected="false">{line}</li> }.into_any();
                    }
                    results.get().into_iter().enumerate().map(|(n, o)| {
                        let key = o.key.clone();
                        view! {
                            <li id=format!("{id}-{n}") role="option" aria-selected=move || (highlighted.get() == n).to_string()
                                on:mousedown=move |ev| { ev.prevent_default(); pick(key.clone()); }>
                                <span class="result-name">{o.name}</span>" "<span class="result-where">{o.detail}</span>" "<code>{o.code}</code>
                            </li>
                        }
                    }).collect_view().into_any()
                }}
            </ul>
        </div>
    }
}
