//! Map specifications, pure like the chart specs: regions joined to data by adcode ([`join`]),
//! values binned into classes ([`bins`]), and boundaries projected once into SVG paths ([`paths`]).

pub mod base;
pub mod bins;
pub mod flows;
pub mod join;
pub mod paths;
