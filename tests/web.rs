//! Component tests in headless Chromium (wasm-bindgen-test): mount real components, act on
//! the DOM, and check what a reader would see.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web`
#![cfg(target_arch = "wasm32")]

use gongkai::chart::catalogue;
use gongkai::chart::spec::{Body, Chart, Cited, Mark, Place};
use gongkai::data::Qualifier;
use gongkai::i18n::Locale;
use gongkai::ui::chart::ChartFigure;
use gongkai::ui::{i18n, shell, theme, url, App, DataState};
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

/// A fresh container in `<body>` for one test.
fn container(name: &str) -> HtmlElement {
    let el: HtmlElement = document().create_element("div").expect("div").unchecked_into();
    el.set_id(name);
    document().body().expect("body").append_child(&el).expect("append");
    el
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Polls `cond` every 25 ms for up to 10 s.
async fn wait_for(what: &str, cond: impl Fn() -> bool) {
    for _ in 0..400 {
        if cond() {
            return;
        }
        sleep(25).await;
    }
    panic!("timed out waiting for {what}");
}

fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("valid selector");
    (0..list.length()).filter_map(|i| list.item(i)).map(|n| n.unchecked_into()).collect()
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).and_then(|e| e.text_content()).unwrap_or_default()
}

fn click(root: &Element, selector: &str) {
    find(root, selector).unwrap_or_else(|| panic!("no {selector}")).unchecked_into::<HtmlElement>().click();
}

/// The test runner's server has no data package, so the app must show the error view naming
/// the URL and the HTTP status, and offer a retry that fetches again.
#[wasm_bindgen_test]
async fn app_shows_located_error_and_retries_when_data_is_missing() {
    let root = container("app-404");
    let handle = leptos::mount::mount_to(root.clone(), App);

    wait_for("the error view", || find(&root, ".load-error").is_some()).await;
    let detail = text(&root, ".load-error .error-detail");
    assert!(detail.contains("HTTP 404"), "status missing from: {detail}");
    assert!(detail.contains("/data/datapackage.json"), "URL missing from: {detail}");
    assert!(detail.starts_with("请求 http") || detail.contains(" for http"), "URL must be absolute: {detail}");
    assert!(find(&root, ".chart").is_none(), "no chart without data");

    click(&root, ".load-error button.retry");
    // The retry fetches again (loading view), then fails the same way.
    wait_for("the loading view after retry", || find(&root, ".loading").is_some() || find(&root, ".load-error").is_some()).await;
    wait_for("the error view again", || find(&root, ".load-error").is_some()).await;
    drop(handle);
    root.remove();
}

fn hostile_chart() -> Chart {
    let mark = |label: &str, value: f64| Mark {
        group: "<b>group</b>".into(),
        label: label.into(),
        value,
        number: format!("{value}"),
        unit: "万元".into(),
        text: format!("{value}余"),
        qualifier: Qualifier::MoreThan,
        hollow: false,
        status: "实际".into(),
        detail: format!("{label}：{value}余万元"),
        source: Some(Cited { id: "s1".into(), text: "来源：<script>alert(2)</script>".into() }),
        figure: None,
        place: Place::Bar,
    };
    Chart {
        id: "t1".into(),
        title: "<img src=x onerror=alert(1)>".into(),
        subtitle: "sub".into(),
        unit: "万元".into(),
        summary: "summary".into(),
        notes: vec!["“余”".into()],
        sources: vec![Cited { id: "s1".into(), text: "<script>alert(2)</script>".into() }],
        group_heading: "g".into(),
        label_heading: "l".into(),
        marks: vec![mark("<script>alert(3)</script>", 600.0), mark("区政府筹集", 490.0), mark("b", 7.5)],
        body: Body::Bars { max: None },
    }
}

fn mount_chart(root: &HtmlElement, chart: Chart) -> leptos::mount::UnmountHandle<impl Mountable> {
    leptos::mount::mount_to(root.clone(), move || {
        i18n::provide();
        theme::provide();
        view! { <Router><WithUrl><ChartFigure chart=chart.clone()/></WithUrl></Router> }
    })
}

/// The address context the portal's links and choices need (inside a router).
#[component]
fn WithUrl(children: Children) -> impl IntoView {
    url::provide();
    children()
}

fn active_element() -> Option<Element> {
    document().active_element()
}

fn press(el: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    el.dispatch_event(&event).expect("dispatch");
}

#[wasm_bindgen_test]
async fn chart_figure_renders_data_text_as_text_and_its_table_matches_the_marks() {
    let root = container("chart");
    let chart = hostile_chart();
    let expected: Vec<(String, String)> = chart.marks.iter().map(|m| (m.label.clone(), m.number.clone())).collect();
    let handle = mount_chart(&root, chart);
    wait_for("the chart svg", || find(&root, ".chart-box svg").is_some()).await;

    assert!(all(&root, "script, img, b").is_empty(), "data text became markup");
    assert_eq!(text(&root, ".chart-title"), "<img src=x onerror=alert(1)>");
    let svg = find(&root, ".chart-box svg").expect("svg");
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    assert_eq!(text(&svg, "title"), "<img src=x onerror=alert(1)>");
    assert_eq!(text(&svg, "desc"), "summary");
    assert!(svg.text_content().unwrap_or_default().contains("<script>alert(3)</script>"));
    // The link keeps the portal's parameters (other tests may have set some in this page's address).
    let href = find(&root, ".chart-source a").and_then(|a| a.get_attribute("href")).unwrap_or_default();
    assert!(href.starts_with("/sources") && href.ends_with("#source-s1"), "{href}");

    // The table is hidden until asked for, and then lists exactly the plotted marks.
    let table = find(&root, ".chart-table").expect("table container");
    assert!(table.has_attribute("hidden"));
    assert_eq!(find(&root, ".table-toggle").and_then(|b| b.get_attribute("aria-expanded")).as_deref(), Some("false"));
    click(&root, ".table-toggle");
    sleep(0).await;
    assert!(!table.has_attribute("hidden"), "toggle did not show the table");
    assert_eq!(find(&root, ".table-toggle").and_then(|b| b.get_attribute("aria-expanded")).as_deref(), Some("true"));
    let rows: Vec<(String, String)> = all(&table, "tbody tr").iter().map(|tr| (text(tr, "th"), text(tr, "td.num"))).collect();
    assert_eq!(rows, expected);
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn share_dialogs_quote_data_text_as_text_and_the_embed_code_names_the_chart() {
    let root = container("share");
    let handle = mount_chart(&root, hostile_chart());
    wait_for("the share buttons", || all(&root, ".share-tools button").len() == 3).await;
    assert!(all(&root, ".share-dialog[open]").is_empty(), "dialogs start closed");
    click(&root, "[data-share=embed]");
    let code = || find(&root, ".share-dialog[open] textarea").map(|t| t.unchecked_into::<web_sys::HtmlTextAreaElement>().value()).unwrap_or_default();
    wait_for("the embed code", || !code().is_empty()).await;
    let code = code();
    assert!(code.contains("/embed/") && code.contains("chart=t1"), "{code}");
    assert!(code.contains("title=\"&lt;img src=x onerror=alert(1)&gt;\""), "the title is escaped in the snippet: {code}");
    assert!(all(&root, "script, img, b").is_empty(), "data text became markup");
    click(&root, ".share-dialog[open] .share-close");
    sleep(0).await;
    assert!(all(&root, ".share-dialog[open]").is_empty(), "the close button closes it");
    click(&root, "[data-share=cite]");
    let gbt = || find(&root, ".share-dialog[open] textarea").map(|t| t.unchecked_into::<web_sys::HtmlTextAreaElement>().value()).unwrap_or_default();
    wait_for("the citation", || !gbt().is_empty()).await;
    assert!(gbt().contains("<img src=x onerror=alert(1)>[DS/OL]. ["), "{}", gbt());
    assert!(all(&root, "script, img, b").is_empty(), "data text became markup");
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn marks_are_one_tab_stop_and_arrow_keys_move_between_them_showing_value_and_source() {
    let root = container("chart-keys");
    let handle = mount_chart(&root, hostile_chart());
    wait_for("the mark targets", || all(&root, ".chart-mark").len() == 3).await;
    let stops: Vec<Element> = all(&root, ".chart-mark").into_iter().filter(|b| b.get_attribute("tabindex").as_deref() == Some("0")).collect();
    assert_eq!(stops.len(), 1, "one tab stop for the chart's marks");
    stops[0].unchecked_ref::<HtmlElement>().focus().expect("focus");
    let tip = find(&root, ".chart-tip").expect("tooltip");
    wait_for("the tooltip", || !tip.has_attribute("hidden")).await;
    assert_eq!(tip.text_content().unwrap_or_default(), "<script>alert(3)</script>：600余万元");

    press(&stops[0], "ArrowRight");
    wait_for("focus on the second mark", || active_element().and_then(|e| e.get_attribute("aria-label")).as_deref() == Some("区政府筹集：490余万元")).await;
    wait_for("the tooltip to follow", || tip.text_content().unwrap_or_default() == "区政府筹集：490余万元").await;
    let second = active_element().expect("focused");
    assert_eq!(second.get_attribute("tabindex").as_deref(), Some("0"), "the focused mark is the tab stop");
    press(&second, "End");
    wait_for("focus on the last mark", || active_element().and_then(|e| e.get_attribute("aria-label")).as_deref() == Some("b：7.5余万元")).await;
    drop(handle);
    root.remove();
}

/// Every chart the catalogue builds from the default data package renders in the browser with a
/// focus target per mark and a table row per mark.
#[wasm_bindgen_test]
async fn every_catalogue_chart_renders_with_targets_and_a_matching_table() {
    let descriptor = include_str!("../public/data/datapackage.json");
    let read = |name: &str| -> Result<Vec<u8>, gongkai::data::DataError> {
        Ok(match name {
            "regions.csv" => include_str!("../public/data/regions.csv"),
            "sources.csv" => include_str!("../public/data/sources.csv"),
            "indicators.csv" => include_str!("../public/data/indicators.csv"),
            "pairings.csv" => include_str!("../public/data/pairings.csv"),
            "observations.csv" => include_str!("../public/data/observations.csv"),
            "funds.csv" => include_str!("../public/data/funds.csv"),
            "commitments.csv" => include_str!("../public/data/commitments.csv"),
            other => return Err(gongkai::data::DataError::unavailable(other, "not in the default package")),
        }
        .as_bytes()
        .to_vec())
    };
    let loaded = gongkai::data::package::load("datapackage.json", descriptor.as_bytes(), read).expect("the default package parses");
    for chart in catalogue::all(&loaded.dataset, Locale::ZhHans) {
        let root = container(&format!("box-{}", chart.id));
        let (id, marks) = (chart.id.clone(), chart.marks.len());
        let handle = mount_chart(&root, chart);
        wait_for(&format!("{id}: its svg"), || find(&root, ".chart-box svg").is_some()).await;
        assert_eq!(all(&root, ".chart-mark").len(), marks, "{id}: a target per mark");
        click(&root, ".table-toggle");
        sleep(0).await;
        assert_eq!(all(&root, ".chart-table tbody tr").len(), marks, "{id}: a row per mark");
        drop(handle);
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn language_switch_changes_text_and_html_lang() {
    let root = container("header");
    let handle = leptos::mount::mount_to(root.clone(), || {
        i18n::provide();
        theme::provide();
        provide_context(DataState::new());
        // The document's title, as the overview gives it.
        i18n::page_title(String::new);
        view! { <Router><WithUrl><shell::Header/></WithUrl></Router> }
    });
    sleep(0).await;
    let nav_has = |word: &str| all(&root, ".site-nav a").iter().any(|a| a.text_content().unwrap_or_default() == word);

    click(&root, &format!(".lang-switch button[lang='{}']", Locale::ZhHant.tag()));
    wait_for("繁體 navigation", || nav_has("資金")).await;
    let html = document().document_element().expect("html");
    assert_eq!(html.get_attribute("lang").as_deref(), Some("zh-Hant"));
    assert_eq!(find(&root, ".lang-switch button[lang='zh-Hant']").and_then(|b| b.get_attribute("aria-pressed")).as_deref(), Some("true"));

    click(&root, ".lang-switch button[lang='en']");
    wait_for("English navigation", || nav_has("Funds")).await;
    assert_eq!(html.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(document().title(), "Gongkai · Poverty Alleviation Data");

    click(&root, ".lang-switch button[lang='zh-Hans']");
    wait_for("简体 navigation", || nav_has("资金")).await;
    assert_eq!(PAGES_IN_NAV, all(&root, ".site-nav a").len());
    drop(handle);
    root.remove();
}

const PAGES_IN_NAV: usize = shell::PAGES.len();

#[wasm_bindgen_test]
async fn theme_toggle_flips_the_document_theme() {
    let root = container("theme");
    let handle = leptos::mount::mount_to(root.clone(), || {
        i18n::provide();
        theme::provide();
        provide_context(DataState::new());
        view! { <Router><WithUrl><shell::Header/></WithUrl></Router> }
    });
    sleep(0).await;
    let html = document().document_element().expect("html");
    let before = html.get_attribute("data-theme").expect("theme set on mount");
    click(&root, ".theme-toggle");
    sleep(0).await;
    let after = html.get_attribute("data-theme").expect("theme still set");
    assert_ne!(before, after);
    assert!(["light", "dark"].contains(&after.as_str()));
    click(&root, ".theme-toggle");
    sleep(0).await;
    assert_eq!(html.get_attribute("data-theme"), Some(before));
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn combobox_lists_results_arrow_keys_move_and_enter_chooses() {
    use gongkai::ui::combobox::{Combobox, Option_};
    let root = container("combobox");
    let chosen = RwSignal::new(None::<String>);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        let text = RwSignal::new(String::new());
        let all = ["康保县", "康平县", "张北县"];
        let results = Signal::derive(move || {
            let q = text.get();
            all.iter().filter(|n| n.contains(q.as_str())).map(|n| Option_ { key: format!("key-{n}"), name: (*n).to_owned(), detail: String::new(), code: String::new() }).collect::<Vec<_>>()
        });
        let status = Signal::derive(move || results.with(Vec::is_empty).then(|| "none".to_owned()));
        view! {
            <Combobox id="test-search" label=Signal::derive(|| "搜索".to_owned()) placeholder=Signal::derive(String::new) text=text results=results status=status
                wake=Callback::new(|_| ()) choose=Callback::new(move |k: String| chosen.set(Some(k)))/>
        }
    });
    let input: web_sys::HtmlInputElement = find(&root, "#test-search-input").expect("input").unchecked_into();
    input.set_value("康");
    input.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &{ let i = web_sys::EventInit::new(); i.set_bubbles(true); i }).expect("event")).expect("dispatch");
    wait_for("two results", || all(&root, "#test-search-results [role=option]").len() == 2).await;
    assert_eq!(input.get_attribute("aria-activedescendant").as_deref(), Some("test-search-0"));
    press(&input, "ArrowDown");
    sleep(0).await;
    assert_eq!(input.get_attribute("aria-activedescendant").as_deref(), Some("test-search-1"));
    assert_eq!(find(&root, "#test-search-1").and_then(|o| o.get_attribute("aria-selected")).as_deref(), Some("true"));
    press(&input, "Enter");
    sleep(0).await;
    assert_eq!(chosen.get_untracked().as_deref(), Some("key-康平县"));
    assert_eq!(input.value(), "", "choosing clears the box");
    drop(handle);
    root.remove();
}

/// Long work that steps through `Slices` lets a task queued at its start run within its first
/// slices, not only once it has ended (as it would if it never let go).
#[wasm_bindgen_test]
async fn long_work_in_slices_lets_a_waiting_task_run_before_it_ends() {
    use gongkai::ui::slices::{Slices, SLICE_MS};
    use std::cell::Cell;
    use std::rc::Rc;
    let now = || gongkai::ui::perf::now();
    let ran_at = Rc::new(Cell::new(None));
    let ran = ran_at.clone();
    set_timeout(move || ran.set(Some(gongkai::ui::perf::now())), std::time::Duration::ZERO);
    let start = now();
    let (mut slices, mut others) = (Slices::new(), 0.0);
    // Six slices' worth of work, in steps of about a millisecond.
    while now() - start - others < 6.0 * SLICE_MS {
        let step = now();
        while now() - step < 1.0 {}
        others += slices.step().await;
    }
    let ran = ran_at.get().expect("the waiting task ran before the work ended");
    assert!(ran - start < 3.0 * SLICE_MS, "the waiting task ran {:.0} ms after the work began (slices of {SLICE_MS} ms)", ran - start);
    assert!(others > 0.0, "the time other tasks took is counted");
}
