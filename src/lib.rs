//! Gongkai (公开): a portal for published poverty-alleviation data.
//!
//! Data flows one way, and the modules follow it:
//!
//! ```text
//! fetch (ui::load) → parse + validate (data::package) → model (data) → derive → chart::spec
//!       → chart::render (plotters SVG) → Leptos UI (ui)
//! ```
//!
//! Everything but `ui` is plain Rust with no browser dependency and is tested natively with
//! `cargo test`. `ui` exists only on `wasm32`; `src/main.rs` mounts it.

pub mod chart;
pub mod data;
pub mod derive;
pub mod find;
pub mod format;
pub mod geo;
pub mod i18n;
pub mod labels;
pub mod map;
pub mod params;
pub mod present;
pub mod share;

#[cfg(target_arch = "wasm32")]
pub mod ui;
