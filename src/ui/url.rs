//! The URL is the view: this module reads the portal's and the page's parameters from it, writes
//! changes back as history entries (so back and forward restore a view), carries the portal's
//! parameters (language, theme, data package) on every link, and keeps the language and theme in
//! step with the address.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::params::{decode_search, lookup, Portal, Problem, Search, View};

use super::i18n::use_i18n;
use super::theme::use_theme;

/// Keys the portal's parameters use; everything else belongs to the page.
const PORTAL_KEYS: [&str; 3] = ["lang", "theme", "data"];

/// The address as the portal reads it (inside the router).
#[derive(Clone, Copy)]
pub struct Url {
    pathname: Memo<String>,
    hash: Memo<String>,
    pairs: Memo<Vec<(String, String)>>,
    /// The portal's parameters and their problems.
    pub portal: Memo<(Portal, Vec<Problem>)>,
    /// The page's view and the problems of its form (ids are checked against the data by the page).
    pub view: Memo<(View, Vec<Problem>)>,
    navigate: StoredValue<Box<dyn Fn(&str, NavigateOptions) + Send + Sync>>,
}

impl Url {
    /// `path` (which may end in `#fragment`) with the portal's current parameters.
    pub fn href(&self, path: &str) -> String {
        self.href_with(path, Search::default())
    }

    /// `path` (which may hold its own `?query` and `#fragment`) with `page`'s parameters and then
    /// the portal's.
    pub fn href_with(&self, path: &str, page: Search) -> String {
        let (path, hash) = path.split_once('#').map_or((path, None), |(p, h)| (p, Some(h)));
        let (path, own) = path.split_once('?').unwrap_or((path, ""));
        let mut search = Search::default();
        for (k, v) in decode_search(own) {
            search.push(k, v);
        }
        search.extend(page);
        search.extend(self.portal.with(|(p, _)| p.search()));
        let hash = hash.map(|h| format!("#{h}")).unwrap_or_default();
        format!("{path}{}{hash}", search.finish())
    }

    /// Goes to `path` (a new page, scrolled to the top), keeping the portal's parameters.
    pub fn go(&self, path: &str) {
        let href = self.href(path);
        self.navigate.with_value(|n| n(&href, NavigateOptions::default()));
    }

    /// Opens `path` (with the portal's parameters): here, or from an embed in a new tab.
    pub fn open(&self, path: &str) {
        if super::embed::embedded() {
            if let Some(w) = web_sys::window() {
                let _ = w.open_with_url_and_target(&super::load::absolute_url(&self.href(path)), "_blank");
            }
        } else {
            self.go(path);
        }
    }

    /// Goes to `view` on the current page (a history entry; the scroll position stays), keeping
    /// parameters the view does not own (the map's, on the explorer's map tab).
    pub fn set_view(&self, view: &View) {
        self.set_page(view.search(), View::KEYS, false);
    }

    /// As [`Url::set_view`], replacing the current history entry (a timeline playing).
    pub fn replace_view(&self, view: &View) {
        self.set_page(view.search(), View::KEYS, true);
    }

    /// Goes to the current page with `page` in place of the parameters named `owned`; other
    /// parameters of the page and the portal's stay.
    pub fn set_page(&self, page: Search, owned: &[&str], replace: bool) {
        let portal = self.portal.get_untracked().0;
        self.go_here(|k| !owned.contains(&k), page, &portal, false, replace);
    }

    /// Goes to the same page and view with `portal`'s parameters (`replace` for corrections that
    /// should not make a history entry).
    pub fn set_portal(&self, portal: &Portal, replace: bool) {
        self.go_here(|_| true, Search::default(), portal, true, replace);
    }

    /// Goes to the current path with the page's parameters that pass `keep`, then `page`, then
    /// `portal`'s; with the current `#fragment` if `keep_hash`. The scroll position stays.
    fn go_here(&self, keep: impl Fn(&str) -> bool, page: Search, portal: &Portal, keep_hash: bool, replace: bool) {
        let mut search = Search::default();
        for (k, v) in self.pairs.get_untracked() {
            if keep(&k) && !PORTAL_KEYS.contains(&k.as_str()) {
                search.push(k, v);
            }
        }
        search.extend(page);
        search.extend(portal.search());
        let hash = if keep_hash { self.hash.get_untracked() } else { String::new() };
        let hash = if hash.is_empty() || hash.starts_with('#') { hash } else { format!("#{hash}") };
        let href = format!("{}{}{hash}", self.pathname.get_untracked(), search.finish());
        self.navigate.with_value(|n| n(&href, NavigateOptions { scroll: false, replace, ..Default::default() }));
    }

    /// Whether the address names `key` at all (even with a value that cannot be used).
    pub fn has(&self, key: &str) -> bool {
        self.pairs.with(|p| p.iter().any(|(k, v)| k == key && !v.is_empty()))
    }
}

/// Reads the address, provides [`Url`], and keeps the language and theme in step with it: a
/// usable `lang` or `theme` in the address wins; a missing one means the default, except on the
/// first view, where the reader's remembered choice is written into the address instead.
pub fn provide() -> Url {
    let location = use_location();
    let pairs = Memo::new(move |_| decode_search(&location.search.get()));
    let portal = Memo::new(move |_| pairs.with(|p| Portal::parse(lookup(p))));
    let view = Memo::new(move |_| pairs.with(|p| View::parse(lookup(p))));
    let navigate = use_navigate();
    let url = Url { pathname: location.pathname, hash: location.hash, pairs, portal, view, navigate: StoredValue::new(Box::new(navigate)) };
    provide_context(url);

    let i18n = use_i18n();
    let theme = use_theme();
    Effect::new(move |first: Option<()>| {
        let (wanted, problems) = portal.get();
        let usable = |key| url.has(key) && !problems.iter().any(|p: &Problem| p.param == key);
        let (lang_given, theme_given) = (usable("lang"), usable("theme"));
        if first.is_none() {
            // The remembered language and theme go into the address (not a new history entry).
            let mut fixed = wanted.clone();
            if !url.has("lang") {
                fixed.lang = i18n.locale.get_untracked();
            }
            if !url.has("theme") {
                fixed.theme = theme.chosen();
            }
            if fixed != wanted {
                url.set_portal(&fixed, true);
            }
        } else {
            if (lang_given || !url.has("lang")) && i18n.locale.get_untracked() != wanted.lang {
                i18n.locale.set(wanted.lang);
            }
            if (theme_given || !url.has("theme")) && theme.chosen() != wanted.theme {
                theme.choose(wanted.theme);
            }
        }
    });
    url
}

/// The route's path parameter `key` (e.g. the code of `/regions/:code`), or empty.
pub fn use_path_param(key: &'static str) -> Memo<String> {
    let params = leptos_router::hooks::use_params_map();
    Memo::new(move |_| params.with(|p| p.get(key)).unwrap_or_default())
}

/// The address context; [`provide`] must have run in an ancestor.
pub fn use_url() -> Url {
    expect_context::<Url>()
}

/// One notice per parameter that could not be used.
#[component]
pub fn ParamNotices(#[prop(into)] problems: Signal<Vec<Problem>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        problems
            .get()
            .into_iter()
            .map(|p| {
                view! {
                    <p class="data-notice param-notice" role="note">
                        {move || i18n.t_args("param-problem", &[("param", p.param.into()), ("value", p.value.as_str().into()), ("reason", i18n.t(p.reason).into())])}
                    </p>
                }
            })
            .collect_view()
    }
}

/// A link inside the portal that keeps the reader's language, theme and data package. In an
/// embed it opens the full portal in a new tab.
///
/// Each `Link` follows the address (its own reactive nodes); a long list redrawn as a whole uses
/// [`plain_link`] instead.
#[component]
pub fn Link(#[prop(into)] href: String, #[prop(optional, into)] class: Option<&'static str>, children: Children) -> impl IntoView {
    let url = use_url();
    if super::embed::embedded() {
        let href = super::load::absolute_url(&url.href(&href));
        return view! { <a href=href class=class target="_blank" rel="noopener">{children()}</a> }.into_any();
    }
    view! { <leptos_router::components::A href=move || url.href(&href) attr:class=class>{children()}</leptos_router::components::A> }.into_any()
}

/// A link like [`Link`] written once, with no reactive node of its own: for lists of thousands of
/// rows that are redrawn as a whole (the router still handles its clicks). Call it inside the
/// closure that redraws the list, so that the address it keeps is current.
pub fn plain_link(href: &str, class: Option<&'static str>, text: String) -> impl IntoView {
    let url = use_url();
    let href = untrack(|| url.href(href));
    if super::embed::embedded() {
        let href = super::load::absolute_url(&href);
        return view! { <a href=href class=class target="_blank" rel="noopener">{text}</a> }.into_any();
    }
    view! { <a href=href class=class>{text}</a> }.into_any()
}
