//! Published data: the typed model, the data-package reader and its located errors.
//!
//! `package::load` turns the bytes of a `datapackage.json` into a [`Dataset`] plus a list of
//! [`DataError`]s. A row that fails is reported and left out; every valid row is kept, so the
//! portal shows what it can and says exactly what it could not.

mod error;
mod model;
pub mod package;

pub use error::{DataError, Reason, RefKind};
pub use model::{Dataset, Indicator, Names, Observation, Qualifier, Region, Source, Status, Unit};
