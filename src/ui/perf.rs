//! Marks on the page's performance timeline (`performance.mark`), read by the browser benchmark
//! (`bench/harness.mjs`) and visible in any browser's performance panel. Each costs microseconds
//! and changes nothing on screen.
//!
//! - [`DATA_READY`]: the data package is fetched, parsed and validated. Its files are read one
//!   after another, each once it has arrived, so `gk:parse-validate`, a measure that ends there,
//!   lasts as long as the reading alone took: the time since the files were asked for, less the
//!   time spent waiting for them and letting the page's other tasks run between slices of it.
//! - [`CHART_PAINTED`]: the first frame with a chart in it has been painted.
//! - `gk:map-painted:N`: a frame with a map layer of `N` regions has been painted.
//! - [`RECOLOURED`]: a frame with the map's new colours has been painted.
//! - `gk:first-view` (placed by the start-up script): the pre-rendered first view has been
//!   painted; [`TOOK_OVER`]: the app has replaced it (src/ui/first_view.rs).

use std::time::Duration;

use leptos::prelude::{request_animation_frame, set_timeout};

/// The data package is read and validated.
pub const DATA_READY: &str = "gk:data-ready";
/// The reading's own time, ending at [`DATA_READY`].
pub const PARSE_VALIDATE: &str = "gk:parse-validate";
/// A frame with a chart has been painted.
pub const CHART_PAINTED: &str = "gk:chart-painted";
/// A frame with recoloured map regions has been painted.
pub const RECOLOURED: &str = "gk:recoloured";
/// The app has replaced the pre-rendered first view.
pub const TOOK_OVER: &str = "gk:took-over";

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

/// Milliseconds since the page started, on a clock that only moves forward (`performance.now()`).
pub fn now() -> f64 {
    performance().map_or(0.0, |p| p.now())
}

/// Marks `name` now.
pub fn mark(name: &str) {
    if let Some(p) = performance() {
        let _ = p.mark(name);
    }
}

/// Measures `name` as lasting the time since `since` (a [`now`]) less `waited` milliseconds,
/// ending now.
pub fn measure_busy(name: &str, since: f64, waited: f64) {
    if let Some(p) = performance() {
        let end = p.now();
        let busy = (end - since - waited).max(0.0);
        // `performance.measure(name, { start, duration })`: web-sys has it only as an unstable API.
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"start".into(), &(end - busy).into());
        let _ = js_sys::Reflect::set(&options, &"duration".into(), &busy.into());
        if let Ok(measure) = js_sys::Reflect::get(&p, &"measure".into()).and_then(wasm_bindgen::JsCast::dyn_into::<js_sys::Function>) {
            let _ = measure.call2(&p, &name.into(), &options);
        }
    }
}

/// Marks `name` once the frame now being prepared has been painted: a zero-delay timer queued
/// from the next animation frame runs after that frame's style, layout and paint.
pub fn mark_painted(name: String) {
    request_animation_frame(move || set_timeout(move || mark(&name), Duration::ZERO));
}

/// The mark for a painted map layer of `regions` regions.
pub fn map_painted(regions: usize) -> String {
    format!("gk:map-painted:{regions}")
}
