//! Presenting a story (`/present/<story>?slide=N`): one slide at a time, filling a 16:9 screen in
//! large type and high contrast, moved by the keyboard or a presenter's clicker, with a slide
//! overview, full screen, and speaker notes in a second window (`/present/<story>/notes`) that
//! follows the slides both ways over a `BroadcastChannel`. Every slide is in the page, so printing
//! gives one slide per page with its sources. `/present` lists the package's stories.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::chart::render::Palette;
use crate::data::stories::{Slide, Story};
use crate::i18n::Locale;
use crate::params::Search;
use crate::present::{chart, go, step_of, story, target, Step};

use super::chart::{ChartFigure, Colours};
use super::i18n::use_i18n;
use super::url::{use_path_param, use_url, Link, Url};
use super::DataState;

/// Whether `path` is a presentation or its notes (shown without the portal's header).
pub fn presenting(path: &str) -> bool {
    path.starts_with("/present/")
}

/// The address of a story's slide `n` (1-based).
pub fn slide_href(story: &str, n: usize) -> String {
    format!("/present/{}?slide={n}", crate::params::encode(story))
}

/// The slide the address asks for (0-based), within `count`.
fn use_slide(count: Memo<usize>) -> Memo<usize> {
    let query = use_query_map();
    Memo::new(move |_| {
        let n = query.with(|q| q.get("slide")).and_then(|s| s.parse::<usize>().ok()).unwrap_or(1);
        n.clamp(1, count.get().max(1)) - 1
    })
}

/// Goes to slide `n` (0-based) of the story on screen, as a history entry.
fn show_slide(url: Url, n: usize) {
    let mut page = Search::default();
    page.push("slide".to_owned(), (n + 1).to_string());
    url.set_page(page, &["slide"], false);
}

/// The story the route names, once the data has loaded.
fn use_story() -> Memo<Option<Story>> {
    let data = expect_context::<DataState>();
    let id = use_path_param("story");
    Memo::new(move |_| data.dataset.get().and_then(|d| story(&d, &id.get()).cloned()))
}

/// A channel shared by a presentation and its notes window, carrying the slide number.
fn channel(story: &str) -> Option<web_sys::BroadcastChannel> {
    web_sys::BroadcastChannel::new(&format!("gongkai-present-{story}")).ok()
}

/// Keeps the slide in step with the other window: posts this window's slide when it changes and
/// goes to the slide the other window posts. Nothing is posted before the story's `count` slides
/// are there: until then the slide is not yet the one the address asks for.
fn sync(story: Memo<String>, slide: Memo<usize>, count: Memo<usize>) {
    let Some(ch) = channel(&story.get_untracked()) else { return };
    let url = use_url();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        if let Some(n) = e.data().as_f64().map(|n| n as usize).filter(|&n| n != slide.get_untracked()) {
            show_slide(url, n);
        }
    });
    ch.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let sender = ch.clone();
    Effect::new(move |_| {
        if count.get() > 0 {
            let _ = sender.post_message(&(slide.get() as f64).into());
        }
    });
    on_cleanup(move || ch.close());
}

/// Whether a key press belongs to the element it happened in (a text field, a button's Space or
/// Enter, a chart's own arrow keys) rather than to the slides.
fn for_the_focused_element(e: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return false };
    let key = e.key();
    let paging = key == "PageUp" || key == "PageDown";
    let field = matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA");
    let pressable = matches!(el.tag_name().as_str(), "BUTTON" | "A") && (key == " " || key == "Enter");
    let in_chart = el.closest(".chart-marks, .chart-table").ok().flatten().is_some();
    !paging && (field || pressable || in_chart)
}

/// Enters full screen, or leaves it.
fn fullscreen() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if doc.fullscreen_element().is_some() {
        doc.exit_fullscreen();
    } else if let Some(el) = doc.document_element() {
        let _ = el.request_fullscreen();
    }
}

/// The stories of the data package, each with a link to present it.
#[component]
pub fn Stories() -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_context::<DataState>();
    super::i18n::page_title(move || i18n.t("present-stories-title"));
    view! {
        <div class="stories-page">
            <h1>{move || i18n.t("present-stories-title")}</h1>
            <p class="lead">{move || i18n.t("present-stories-lead")}</p>
            <super::offline::OfflineStatus/>
            {move || data.dataset.get().map(|d| {
                let locale = i18n.locale.get();
                if d.stories.is_empty() {
                    return view! { <p class="empty">{i18n.t("present-no-stories")}</p> }.into_any();
                }
                view! {
                    <ul class="story-list">
                        {d.stories.iter().map(|s| {
                            let (href, title, count) = (slide_href(&s.id, 1), s.title.get(locale).to_owned(), s.slides.len());
                            view! {
                                <li>
                                    <Link href=href>{title}</Link>
                                    " · "{i18n.t_args("present-slide-count", &[("count", count.into())])}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            })}
            <p><Link href="/">{move || i18n.t("back-to-overview")}</Link></p>
        </div>
    }
}

/// The height of a chart's title, subtitle, unit, key and source lines around its drawing, in
/// CSS pixels at 1× (an estimate that errs on the large side).
const CHART_FRAME: f64 = 190.0;
/// The narrowest a slide's chart is drawn before it is enlarged.
const MIN_CHART_WIDTH: f64 = 480.0;

/// One slide: title, number, the chart its view shows, and the talking points.
#[component]
fn SlideView(slide: Slide, n: usize, count: usize, current: Memo<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_context::<DataState>();
    let (t, _) = target(&slide.view);
    let view = slide.view.clone();
    let area = NodeRef::<leptos::html::Div>::new();
    let shown_chart = {
        let t = t.clone();
        Memo::new(move |_| data.dataset.get().and_then(|d| chart(&d, &t, i18n.locale.get())))
    };
    // When this slide comes on screen, enlarge its chart as far as the slide has room (at most 2×,
    // which makes the chart's 12 px labels 24 px), then let the chart redraw at its new width.
    Effect::new(move |_| {
        let (Some(el), true) = (area.get(), current.get() == n) else { return };
        let Some(natural) = shown_chart.with(|c| c.as_ref().map(|c| f64::from(crate::chart::render::height(c)) + CHART_FRAME)) else { return };
        let (w, h) = (f64::from(el.client_width()), f64::from(el.client_height()));
        let zoom = (h / natural).min(w / MIN_CHART_WIDTH).clamp(1.0, 2.0);
        if let Some(figure) = el.first_element_child().and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = figure.style().set_property("zoom", &format!("{zoom:.3}"));
        }
        if let Some(w) = web_sys::window() {
            if let Ok(resize) = web_sys::Event::new("resize") {
                let _ = w.dispatch_event(&resize);
            }
        }
    });
    view! {
        <section
            class="slide"
            id=format!("slide-{}", n + 1)
            aria-roledescription=move || i18n.t("present-slide")
            aria-label=move || format!("{} / {count}: {}", n + 1, slide.title.get(i18n.locale.get()))
            data-current=move || (current.get() == n).to_string()
        >
            <header class="slide-head">
                <h1>{let title = slide.title.clone(); move || title.get(i18n.locale.get()).to_owned()}</h1>
                <p class="slide-number">{format!("{} / {count}", n + 1)}</p>
            </header>
            <div class="slide-body">
                <div class="slide-view" node_ref=area>
                    {move || {
                        data.dataset.get()?;
                        Some(match shown_chart.get() {
                            Some(c) => view! { <ChartFigure chart=c/> }.into_any(),
                            None => view! { <p class="data-notice" role="note">{i18n.t_args("present-no-chart", &[("view", view.as_str().into())])}</p> }.into_any(),
                        })
                    }}
                </div>
                {(!slide.points.is_empty()).then(|| {
                    let points = slide.points.clone();
                    view! {
                        <ul class="slide-points">
                            {move || points.iter().map(|p| view! { <li>{p.get(i18n.locale.get()).to_owned()}</li> }).collect_view()}
                        </ul>
                    }
                })}
            </div>
        </section>
    }
}

#[component]
pub fn Present() -> impl IntoView {
    let i18n = use_i18n();
    let url = use_url();
    let id = use_path_param("story");
    let story = use_story();
    let count = Memo::new(move |_| story.with(|s| s.as_ref().map_or(0, |s| s.slides.len())));
    let current = use_slide(count);
    let overview = RwSignal::new(false);
    provide_context(Colours(&Palette::CONTRAST));
    super::i18n::page_title(move || story.with(|s| s.as_ref().and_then(|s| s.slides.get(current.get())).map(|x| x.title.get(i18n.locale.get()).to_owned())).unwrap_or_default());
    sync(id, current, count);
    let step = move |s: Step| show_slide(url, go(current.get_untracked(), count.get_untracked(), s));
    let keys = window_event_listener(leptos::ev::keydown, move |e| {
        if e.ctrl_key() || e.meta_key() || e.alt_key() || for_the_focused_element(&e) {
            return;
        }
        match e.key().as_str() {
            "f" | "F" => fullscreen(),
            "g" | "G" | "o" | "O" => overview.update(|o| *o = !*o),
            "Escape" if overview.get_untracked() => overview.set(false),
            key => match step_of(key, e.shift_key()) {
                Some(s) => step(s),
                None => return,
            },
        }
        e.prevent_default();
    });
    on_cleanup(move || keys.remove());
    let open_notes = move |_| {
        if let Some(w) = web_sys::window() {
            let href = super::load::absolute_url(&url.href(&format!("/present/{}/notes?slide={}", crate::params::encode(&id.get_untracked()), current.get_untracked() + 1)));
            let _ = w.open_with_url_and_target_and_features(&href, "gongkai-notes", "popup,width=960,height=720");
        }
    };
    view! {
        <div class="deck" data-overview=move || overview.get().to_string()>
            {move || match story.get() {
                None => view! { <p class="data-notice" role="note">{i18n.t_args("present-unknown", &[("story", id.get().into())])}</p> }.into_any(),
                Some(s) => {
                    let count = s.slides.len();
                    let title = s.title.clone();
                    view! {
                        <p class="deck-title">{move || title.get(i18n.locale.get()).to_owned()}</p>
                        <div class="slides" aria-live="polite">
                            {s.slides.into_iter().enumerate().map(|(n, slide)| view! { <SlideView slide=slide n=n count=count current=current/> }).collect_view()}
                        </div>
                    }.into_any()
                }
            }}
            <nav class="deck-controls" aria-label=move || i18n.t("present-controls")>
                <button type="button" data-step="previous" on:click=move |_| step(Step::Previous) disabled=move || current.get() == 0>{move || i18n.t("present-previous")}</button>
                <span class="deck-position">{move || format!("{} / {}", current.get() + 1, count.get())}</span>
                <button type="button" data-step="next" on:click=move |_| step(Step::Next) disabled=move || { current.get() + 1 >= count.get() }>{move || i18n.t("present-next")}</button>
                <button type="button" aria-pressed=move || overview.get().to_string() on:click=move |_| overview.update(|o| *o = !*o)>{move || i18n.t("present-overview")}</button>
                <button type="button" on:click=move |_| fullscreen()>{move || i18n.t("present-fullscreen")}</button>
                <button type="button" on:click=open_notes>{move || i18n.t("present-notes")}</button>
                <Link href="/present">{move || i18n.t("present-exit")}</Link>
                <super::offline::OfflineStatus/>
            </nav>
            {move || overview.get().then(|| view! { <Overview story=story current=current close=Callback::new(move |_| overview.set(false))/> })}
        </div>
    }
}

/// Every slide as a numbered button; choosing one goes there and closes the overview.
#[component]
fn Overview(story: Memo<Option<Story>>, current: Memo<usize>, close: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let url = use_url();
    let first = NodeRef::<leptos::html::Ol>::new();
    // Focus the current slide's button so arrows and Enter work at once.
    Effect::new(move |_| {
        if let Some(list) = first.get() {
            if let Ok(Some(el)) = list.query_selector("[aria-current=true]") {
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        }
    });
    view! {
        <div class="deck-overview" role="region" aria-label=move || i18n.t("present-overview")>
            <ol node_ref=first>
                {move || story.get().map(|s| s.slides.iter().enumerate().map(|(n, slide)| {
                    let title = slide.title.get(i18n.locale.get()).to_owned();
                    view! {
                        <li><button type="button" aria-current=move || (current.get() == n).to_string()
                            on:click=move |_| { show_slide(url, n); close.run(()) }>
                            <span class="overview-number">{n + 1}</span>" "{title}
                        </button></li>
                    }
                }).collect_view())}
            </ol>
        </div>
    }
}

/// The speaker's window: this slide's title, talking points and notes, the next slide's title, a
/// clock since the window opened, and buttons that move both windows.
#[component]
pub fn Notes() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_path_param("story");
    let story = use_story();
    let count = Memo::new(move |_| story.with(|s| s.as_ref().map_or(0, |s| s.slides.len())));
    let current = use_slide(count);
    super::i18n::page_title(move || i18n.t("present-notes"));
    sync(id, current, count);
    let url = use_url();
    let started = js_sys::Date::now();
    let elapsed = RwSignal::new(0u64);
    let tick = set_interval_with_handle(move || elapsed.set(((js_sys::Date::now() - started) / 1000.0) as u64), std::time::Duration::from_secs(1)).ok();
    on_cleanup(move || if let Some(t) = tick { t.clear() });
    let step = move |s: Step| show_slide(url, go(current.get_untracked(), count.get_untracked(), s));
    let keys = window_event_listener(leptos::ev::keydown, move |e| {
        if let Some(s) = (!for_the_focused_element(&e)).then(|| step_of(&e.key(), e.shift_key())).flatten() {
            e.prevent_default();
            step(s);
        }
    });
    on_cleanup(move || keys.remove());
    let text = move |f: fn(&Slide, Locale) -> String, n: usize| story.with(|s| s.as_ref().and_then(|s| s.slides.get(n)).map(|x| f(x, i18n.locale.get())));
    view! {
        <div class="speaker-notes">
            <p class="notes-position">
                {move || format!("{} / {}", current.get() + 1, count.get())}
                " · "{move || { let s = elapsed.get(); format!("{:02}:{:02}", s / 60, s % 60) }}
            </p>
            <h1>{move || text(|s, l| s.title.get(l).to_owned(), current.get())}</h1>
            <ul class="notes-points">
                {move || story.with(|s| s.as_ref().and_then(|s| s.slides.get(current.get())).map(|x| x.points.iter().map(|p| view! { <li>{p.get(i18n.locale.get()).to_owned()}</li> }).collect_view()))}
            </ul>
            <p class="notes-text">{move || text(|s, l| s.notes.get(l).to_owned(), current.get())}</p>
            <p class="notes-next">
                {move || match text(|s, l| s.title.get(l).to_owned(), current.get() + 1) {
                    Some(next) => i18n.t_args("present-notes-next", &[("title", next.into())]),
                    None => i18n.t("present-notes-last"),
                }}
            </p>
            <div class="deck-controls">
                <button type="button" data-step="previous" on:click=move |_| step(Step::Previous)>{move || i18n.t("present-previous")}</button>
                <button type="button" data-step="next" on:click=move |_| step(Step::Next)>{move || i18n.t("present-next")}</button>
            </div>
        </div>
    }
}
