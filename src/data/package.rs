//! Reads a whole data package: the descriptor, then each CSV resource in dependency order, then
//! the checks between rows. The caller supplies the files' text (fetched in the browser, read
//! from disk by the checker), so the portal and the checker run exactly the same code.

use super::checks;
use super::decode;
use super::descriptor::{Descriptor, MapSettings, MAP_KEY};
use super::error::{DataError, Place, Reason, RefKind};
use super::model::{Dataset, Region};
use super::resources::{self, CsvFile, Index, Refs, Spec};

/// The result of reading a package: the valid part, and every problem found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub dataset: Dataset,
    pub problems: Vec<DataError>,
}

/// The CSV files the portal needs, as `(resource name, path relative to the descriptor)`,
/// and the problems that keep a resource from being read (missing, no path, schema lacks a field).
pub fn files(descriptor_file: &str, descriptor: &Descriptor) -> (Vec<(&'static str, String)>, Vec<DataError>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for spec in resources::ALL {
        let Some(resource) = descriptor.resource(spec.name) else {
            problems.push(DataError::new(descriptor_file, Place::Path("resources".into()), None, Reason::MissingResource(spec.name)));
            continue;
        };
        let at = |path: &str| Place::Path(format!("resources[{}]{path}", resource.index));
        let Some(path) = resource.path.clone() else {
            problems.push(DataError::new(descriptor_file, at(""), Some(&resource.name), Reason::MissingPath));
            continue;
        };
        let missing: Vec<&'static str> = spec.required.iter().copied().filter(|f| !resource.fields.iter().any(|x| x == f)).collect();
        for field in &missing {
            problems.push(DataError::new(descriptor_file, at(".schema.fields"), None, Reason::MissingSchemaField(field)));
        }
        if missing.is_empty() {
            files.push((spec.name, path));
        }
    }
    (files, problems)
}

/// A published file's bytes as the reader gets them: all at once from memory or disk, or in
/// pieces copied from what the browser received (which never need be one block in the portal's
/// memory).
pub trait Incoming {
    /// Waits until the file can be read; returns how many rows it will have, if that is known
    /// (room for them is reserved), or why it cannot be read.
    fn start(&mut self) -> impl std::future::Future<Output = Result<Option<usize>, DataError>>;

    /// The file's next bytes (any amount), `None` at its end, or why it could not be read on.
    fn next(&mut self) -> impl std::future::Future<Output = Result<Option<&[u8]>, DataError>>;
}

/// A file wholly in memory: one piece.
pub struct Whole {
    bytes: Vec<u8>,
    given: bool,
}

impl Whole {
    pub fn new(bytes: Vec<u8>) -> Whole {
        Whole { bytes, given: false }
    }
}

impl Incoming for Whole {
    /// A row a line, but for line breaks inside cells.
    async fn start(&mut self) -> Result<Option<usize>, DataError> {
        Ok(Some(memchr::memchr_iter(b'\n', &self.bytes).count()))
    }

    async fn next(&mut self) -> Result<Option<&[u8]>, DataError> {
        Ok((!std::mem::replace(&mut self.given, true)).then_some(self.bytes.as_slice()))
    }
}

/// The output of `future`, whose every await is already ready (the files of [`Whole`]): the
/// native, synchronous way into [`read_files`].
fn at_once<F: std::future::Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
}

/// Reads the package described by `descriptor` (the file `descriptor_file`). `read` returns the
/// bytes of a resource's path, or why they could not be had (e.g. [`DataError::unavailable`] with
/// `HTTP 404 Not Found`).
pub fn read(descriptor_file: &str, descriptor: &Descriptor, mut read: impl FnMut(&str) -> Result<Vec<u8>, DataError>) -> Loaded {
    at_once(read_files(descriptor_file, descriptor, files(descriptor_file, descriptor), |path| read(path).map(Whole::new), |_| ()))
}

/// The resource of `spec` as `files` names it, with its bytes as `read` has them; `None` if the
/// package has none or it cannot be had (the problem is added to `problems`).
fn open<'f, S: Incoming>(
    spec: &Spec,
    files: &'f [(&'static str, String)],
    descriptor: &'f Descriptor,
    read: &mut impl FnMut(&str) -> Result<S, DataError>,
    problems: &mut Vec<DataError>,
) -> Option<CsvFile<'f, S>> {
    let (_, path) = files.iter().find(|(name, _)| *name == spec.name)?;
    match read(path) {
        Ok(source) => {
            let fields = descriptor.resource(spec.name).map_or(&[][..], |r| r.fields.as_slice());
            Some(CsvFile { name: path, fields, source })
        }
        Err(problem) => {
            problems.push(problem);
            None
        }
    }
}

/// [`read`] for a caller that has already asked [`files`] which files to get (the browser starts
/// fetching them all at once) and whose files come as [`Incoming`] pieces. Each file is asked for
/// and read in turn, checked as text as it is read, so that `read` can let go of one file's bytes
/// before the next. `regions_read` is shown the package's regions as soon as they are read (the
/// first file), while the rest is still to come.
pub async fn read_files<S: Incoming>(
    descriptor_file: &str,
    descriptor: &Descriptor,
    (files, mut problems): (Vec<(&'static str, String)>, Vec<DataError>),
    mut read: impl FnMut(&str) -> Result<S, DataError>,
    regions_read: impl FnOnce(&[Region]),
) -> Loaded {
    let mut file = |spec: &Spec, problems: &mut Vec<DataError>| open(spec, &files, descriptor, &mut read, problems);
    let mut dataset = Dataset { title: descriptor.title.clone(), ..Dataset::default() };
    if let Some(f) = file(&resources::REGIONS, &mut problems) {
        dataset.regions = resources::regions(f, &mut problems).await;
    }
    regions_read(&dataset.regions);
    let regions = Index::of(dataset.regions.iter().map(|r| r.code.as_str()));
    if let Some(f) = file(&resources::SOURCES, &mut problems) {
        dataset.sources = resources::sources(f, &regions, &mut problems).await;
    }
    if let Some(f) = file(&resources::INDICATORS, &mut problems) {
        dataset.indicators = resources::indicators(f, &mut problems).await;
    }
    let sources = Index::of(dataset.sources.iter().map(|s| s.id.as_str()));
    let indicators = Index::of(dataset.indicators.iter().map(|i| i.id.as_str()));
    let no_pairings = Index::of(std::iter::empty());
    if let Some(f) = file(&resources::PAIRINGS, &mut problems) {
        let refs = Refs { regions: &regions, sources: &sources, indicators: &indicators, pairings: &no_pairings, dataset: &dataset };
        dataset.pairings = resources::pairings(f, &refs, &mut problems).await;
    }
    let pairings = Index::of(dataset.pairings.iter().map(|p| p.id.as_str()));

    let refs = Refs { regions: &regions, sources: &sources, indicators: &indicators, pairings: &pairings, dataset: &dataset };
    let observations = match file(&resources::OBSERVATIONS, &mut problems) {
        Some(f) => Some((f.name, resources::observations(f, &refs, &mut problems).await)),
        None => None,
    };
    let funds = match file(&resources::FUNDS, &mut problems) {
        Some(f) => Some((f.name, resources::funds(f, &refs, &mut problems).await)),
        None => None,
    };
    let commitments = match file(&resources::COMMITMENTS, &mut problems) {
        Some(f) => Some(resources::commitments(f, &refs, &mut problems).await),
        None => None,
    };

    if let Some((name, rows)) = observations {
        let mut items = checks::link_parts(name, rows, RefKind::Observation, &dataset, &mut problems);
        checks::check_breakdowns(name, &mut items, "value", &mut problems);
        dataset.observations = items;
    }
    if let Some((name, rows)) = funds {
        let mut items = checks::link_parts(name, rows, RefKind::Fund, &dataset, &mut problems);
        checks::check_breakdowns(name, &mut items, "amount", &mut problems);
        checks::check_stages(name, &items, &mut problems);
        dataset.funds = items;
    }
    dataset.commitments = commitments.unwrap_or_default();
    dataset.map = map_settings(descriptor_file, descriptor, &indicators, &mut problems);
    dataset.stories = descriptor.stories.clone();
    problems.extend(descriptor.story_problems.iter().cloned());

    sort(&mut problems, descriptor_file, &files);
    Loaded { dataset, problems }
}

/// The descriptor's map settings, with their problems, keeping breaks only for known indicators.
fn map_settings(descriptor_file: &str, descriptor: &Descriptor, indicators: &Index, problems: &mut Vec<DataError>) -> MapSettings {
    problems.extend(descriptor.map_problems.iter().cloned());
    let mut map = descriptor.map.clone();
    map.breaks.retain(|(id, _)| {
        let known = indicators.get(id).is_some();
        if !known {
            let place = Place::Path(format!("{MAP_KEY}.breaks.{id}"));
            problems.push(DataError::new(descriptor_file, place, Some(id), Reason::UnknownRef(RefKind::Indicator)));
        }
        known
    });
    map
}

/// Orders problems by file (the descriptor first, then the resources in reading order) and row.
fn sort(problems: &mut [DataError], descriptor_file: &str, files: &[(&'static str, String)]) {
    let file_rank = |file: &str| {
        if file == descriptor_file {
            0
        } else {
            1 + files.iter().position(|(_, path)| path == file).unwrap_or(files.len())
        }
    };
    let row = |p: &DataError| match &p.place {
        Place::File | Place::Path(_) => 0,
        Place::Line { line, .. } => *line,
        Place::Row(row) | Place::Cell { row, .. } => *row,
    };
    problems.sort_by_key(|p| (file_rank(&p.file), row(p)));
}

/// Loads a package from its descriptor's bytes and a reader for its resources.
pub fn load(descriptor_file: &str, descriptor_bytes: &[u8], read: impl FnMut(&str) -> Result<Vec<u8>, DataError>) -> Result<Loaded, DataError> {
    let descriptor = Descriptor::parse(descriptor_file, decode::as_str(descriptor_file, descriptor_bytes)?)?;
    Ok(self::read(descriptor_file, &descriptor, read))
}

/// Loads the package whose descriptor is the file at `path`, reading its CSV files from disk
/// relative to it (the checker's and the tests' way in; in the browser, `ui::load` fetches instead).
pub fn load_path(path: &std::path::Path) -> Result<Loaded, DataError> {
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let bytes = std::fs::read(path).map_err(|e| DataError::unavailable(&name, e))?;
    let dir = path.parent().unwrap_or(std::path::Path::new("."));
    load(&name, &bytes, |file| std::fs::read(dir.join(file)).map_err(|e| DataError::unavailable(file, e)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

    /// The regions are shown to `regions_read` once read, before any other file is asked for.
    #[test]
    fn the_regions_are_shown_before_the_other_files_are_opened() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(root.join("public/data/datapackage.json")).expect("descriptor");
        let descriptor = Descriptor::parse("datapackage.json", &text).expect("descriptor parses");
        let opened = RefCell::new(Vec::new());
        let mut shown = None;
        let loaded = at_once(read_files(
            "datapackage.json",
            &descriptor,
            files("datapackage.json", &descriptor),
            |path| {
                opened.borrow_mut().push(path.to_owned());
                std::fs::read(root.join("tests/fixtures/base").join(path)).map(Whole::new).map_err(|e| DataError::unavailable(path, e))
            },
            |regions| shown = Some((regions.iter().map(|r| r.code.clone()).collect::<Vec<_>>(), opened.borrow().clone())),
        ));
        let (codes, opened_then) = shown.expect("regions shown");
        assert_eq!(codes, loaded.dataset.regions.iter().map(|r| r.code.clone()).collect::<Vec<_>>());
        assert!(!codes.is_empty());
        assert_eq!(opened_then, ["regions.csv"]);
        assert!(opened.borrow().len() > 1, "the other files are opened afterwards");
    }
}
