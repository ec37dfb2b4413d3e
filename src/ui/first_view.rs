//! Taking over from the pre-rendered first view.
//!
//! The build pre-renders the overview into the page (`#first-view`, tools/prerender.mjs), and
//! public/first-view.js shows it (class `first-view` on `<html>`) when the app would start on
//! exactly that view. Meanwhile the app renders out of sight in `#app` (style/main.css). Once its
//! data has loaded or failed, and that frame is painted, [`take_over`] removes the pre-rendered
//! view and shows the app in its place, in one step: the app's page lies where the first view
//! lay, so nothing on screen moves.

use std::time::Duration;

use leptos::prelude::{request_animation_frame, set_timeout};
use wasm_bindgen::JsCast;

use super::perf;

/// The class on `<html>` while the pre-rendered first view is shown.
const SHOWN: &str = "first-view";
/// The pre-rendered first view's element.
const ELEMENT: &str = "first-view";
/// The element the app is mounted in (index.html).
pub(super) const APP: &str = "app";

/// Whether the page opened on the pre-rendered first view and the app has not yet taken over.
fn shown() -> bool {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
    root.is_some_and(|r| r.class_list().contains(SHOWN))
}

/// Replaces the pre-rendered first view with the app once `ready` (the data has loaded or
/// failed) and the app's frame has been painted. Does nothing when the page did not open on it.
pub fn take_over(ready: impl Fn() -> bool + Send + Sync + 'static) {
    if !shown() {
        return;
    }
    // The app's page has been laid out and painted (out of sight) before it is shown.
    super::once_ready(ready, || request_animation_frame(|| set_timeout(swap, Duration::ZERO)));
}

/// The elements a reader can reach by keyboard in the first view: its links (its other controls
/// are disabled), in the same order as in the app's page.
const REACHABLE: &str = "a[href]";

fn swap() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let first = document.get_element_by_id(ELEMENT);
    // The link the reader is on keeps the focus: the same link in the app's page.
    let focused = first.as_ref().and_then(|first| {
        let active = document.active_element()?;
        let links = first.query_selector_all(REACHABLE).ok()?;
        (0..links.length()).find(|&i| links.item(i).is_some_and(|l| l.is_same_node(Some(&active))))
    });
    if let Some(first) = first {
        first.remove();
    }
    if let Some(root) = document.document_element() {
        let _ = root.class_list().remove_1(SHOWN);
    }
    if let Some(i) = focused {
        let app = document.get_element_by_id(APP).and_then(|app| app.query_selector_all(REACHABLE).ok());
        if let Some(link) = app.and_then(|links| links.item(i)).and_then(|l| l.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = link.focus();
        }
    }
    perf::mark(perf::TOOK_OVER);
}
