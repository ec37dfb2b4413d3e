//! Charts: a pure [`spec`] built from a derived table, and an SVG [`render`] of that spec.
//! The chart, its data table and (later) its CSV download all read the same spec.

pub mod render;
pub mod spec;
