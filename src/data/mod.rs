//! Published data, in the order it flows:
//!
//! ```text
//! descriptor (datapackage.json) → table (CSV rows, header checked) → resources (typed rows,
//! references resolved) → checks (parts, breakdowns, stages) → model (Dataset)
//! ```
//!
//! [`package::load`] runs the whole flow on the files' bytes the caller supplies ([`decode`]
//! turns them into text), so the portal (which fetches them) and the `gongkai-check` command
//! (which reads them from disk) share every rule and every message. A row with a problem is reported and left out; every valid row is kept.

mod checks;
pub mod decode;
pub mod descriptor;
mod error;
mod model;
pub mod package;
pub mod period;
pub mod resources;
pub mod stories;
mod table;
pub mod vocab;
pub mod written;

pub use checks::HasFigure;
pub use error::{DataError, MapProblem, Place, Reason, RefKind, StoryProblem};
pub use model::{Commitment, Dataset, Figure, FigureExtra, Fund, Indicator, Localized, Pairing, Region, Source, Text};
pub use vocab::{Category, CommitmentStatus, FundingSource, Language, Level, Measure, PairingKind, Qualifier, SourceKind, Stage, Status, Term, Unit};
