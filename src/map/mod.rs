//! Map specifications, pure like the chart specs: the divisions with geometry, projected once
//! ([`atlas`]) and drawn as SVG markup ([`draw`]); regions joined to data by adcode ([`join`]);
//! choropleth classes ([`bins`], [`choropleth`]); the paired-assistance arrows ([`flows`]); moving between regions by keyboard
//! ([`nav`]); finding a division by name, pinyin or code ([`search`]) and naming it in the
//! reader's language ([`names`]); SVG paths ([`paths`]); the map's state in the URL ([`query`]).

pub mod atlas;
pub mod bins;
pub mod choropleth;
pub mod draw;
pub mod flows;
pub mod join;
pub mod names;
pub mod nav;
pub mod paths;
pub mod query;
pub mod search;
