//! Marks on the page's performance timeline (`performance.mark`), read by the browser benchmark
//! (`bench/harness.mjs`) and visible in any browser's performance panel. Each costs microseconds
//! and changes nothing on screen.
//!
//! - [`DATA_READY`]: the data package is fetched, parsed and validated; [`FETCHED`] is when its
//!   last file arrived, so `gk:parse-validate` (a measure between the two) is the reading alone.
//! - [`CHART_PAINTED`]: the first frame with a chart in it has been painted.
//! - `gk:map-painted:N`: a frame with a map layer of `N` regions has been painted.
//! - [`RECOLOURED`]: a frame with the map's new colours has been painted.
//! - `gk:first-view` (placed by the start-up script): the pre-rendered first view has been
//!   painted; [`TOOK_OVER`]: the app has replaced it (src/ui/first_view.rs).

use std::time::Duration;

use leptos::prelude::{request_animation_frame, set_timeout};

/// Every file of the data package has arrived.
pub const FETCHED: &str = "gk:fetched";
/// The data package is read and validated.
pub const DATA_READY: &str = "gk:data-ready";
/// The measure from [`FETCHED`] to [`DATA_READY`].
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

/// Marks `name` now.
pub fn mark(name: &str) {
    if let Some(p) = performance() {
        let _ = p.mark(name);
    }
}

/// Measures `name` from the mark `start` to the mark `end` (both already made).
pub fn measure(name: &str, start: &str, end: &str) {
    if let Some(p) = performance() {
        let _ = p.measure_with_start_mark_and_end_mark(name, start, end);
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
