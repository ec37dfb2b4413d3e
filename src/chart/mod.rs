//! Charts: the [`catalogue`] builds a pure [`spec`] from the dataset; [`render`] draws a spec as
//! SVG with plotters. The chart, its focusable marks and its data table all read the same spec.

pub mod catalogue;
pub mod render;
pub mod spec;
