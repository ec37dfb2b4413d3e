//! Reads a Frictionless-style `datapackage.json` whose resources carry their rows inline
//! (`"data": [ {…}, … ]`), checks them, and builds the [`Dataset`].
//!
//! Each row is parsed on its own, so one bad row is reported with its path
//! (`resources[3].data[2]`) and the rest are kept.

use std::collections::HashSet;

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

use super::{DataError, Dataset, Indicator, Observation, Reason, RefKind, Region, Source};

/// The result of reading a package: the valid part, and every problem found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub dataset: Dataset,
    pub problems: Vec<DataError>,
}

#[derive(Deserialize)]
struct RawPackage {
    #[serde(default)]
    title: String,
    resources: Vec<RawResource>,
}

#[derive(Deserialize)]
struct RawResource {
    name: String,
    #[serde(default)]
    data: Vec<Value>,
}

/// Reads `text`, the content of the package file called `file`. A package that is not JSON or
/// has no `resources` array is an error; anything else yields a dataset with its problems listed.
pub fn load(file: &str, text: &str) -> Result<Loaded, DataError> {
    let raw: RawPackage = serde_json::from_str(text).map_err(|e| DataError {
        file: file.to_owned(),
        location: format!("line {}, column {}", e.line(), e.column()),
        value: None,
        reason: Reason::Json(e.to_string()),
    })?;
    let mut reader = Reader { file, resources: &raw.resources, problems: Vec::new() };

    let sources = reader.rows("sources");
    let sources = reader.unique("sources", sources, |s: &Source| &s.id);
    let regions = reader.rows("regions");
    let regions = reader.unique("regions", regions, |r: &Region| &r.code);
    let indicators = reader.rows("indicators");
    let indicators = reader.unique("indicators", indicators, |i: &Indicator| &i.id);
    let indicator_ids: HashSet<String> = indicators.iter().map(|r| r.item.id.clone()).collect();
    let indicators = reader.check("indicators", indicators, |ind| match &ind.part_of {
        Some(parent) if !indicator_ids.contains(parent) => {
            Err(("part_of", Some(parent.clone()), Reason::UnknownRef(RefKind::Indicator)))
        }
        _ => Ok(()),
    });

    let mut dataset = Dataset {
        title: raw.title,
        sources: items(sources),
        regions: items(regions),
        indicators: items(indicators),
        observations: Vec::new(),
    };
    let observations = reader.rows("observations");
    dataset.observations = items(reader.check("observations", observations, |o| check_observation(&dataset, o)));

    Ok(Loaded { dataset, problems: reader.problems })
}

/// A field name, the offending value and the reason a row is rejected.
type Rejection = (&'static str, Option<String>, Reason);

fn check_observation(dataset: &Dataset, o: &Observation) -> Result<(), Rejection> {
    if dataset.region(&o.region).is_none() {
        return Err(("region", Some(o.region.clone()), Reason::UnknownRef(RefKind::Region)));
    }
    if dataset.indicator(&o.indicator).is_none() {
        return Err(("indicator", Some(o.indicator.clone()), Reason::UnknownRef(RefKind::Indicator)));
    }
    if dataset.source(&o.source).is_none() {
        return Err(("source", Some(o.source.clone()), Reason::UnknownRef(RefKind::Source)));
    }
    if !o.value.is_finite() {
        return Err(("value", Some(o.value.to_string()), Reason::NotFinite));
    }
    if o.value < 0.0 {
        return Err(("value", Some(o.value.to_string()), Reason::Negative));
    }
    Ok(())
}

/// A row that parsed, with its index in the resource's `data` array for error locations.
struct Row<T> {
    index: usize,
    item: T,
}

fn items<T>(rows: Vec<Row<T>>) -> Vec<T> {
    rows.into_iter().map(|r| r.item).collect()
}

struct Reader<'a> {
    file: &'a str,
    resources: &'a [RawResource],
    problems: Vec<DataError>,
}

impl Reader<'_> {
    /// `resources[i].data[row]` for the resource called `name`.
    fn path(&self, name: &str, row: usize) -> String {
        let index = self.resources.iter().position(|r| r.name == name).unwrap_or(0);
        format!("resources[{index}].data[{row}]")
    }

    fn report(&mut self, location: String, value: Option<String>, reason: Reason) {
        self.problems.push(DataError { file: self.file.to_owned(), location, value, reason });
    }

    /// Parses every row of the resource `name`, reporting the rows that fail and a missing resource.
    fn rows<T: DeserializeOwned>(&mut self, name: &'static str) -> Vec<Row<T>> {
        let Some(resource) = self.resources.iter().find(|r| r.name == name) else {
            self.report("resources".to_owned(), None, Reason::MissingResource(name));
            return Vec::new();
        };
        let mut rows = Vec::with_capacity(resource.data.len());
        for (index, value) in resource.data.iter().enumerate() {
            match T::deserialize(value) {
                Ok(item) => rows.push(Row { index, item }),
                Err(e) => {
                    let location = self.path(name, index);
                    self.report(location, Some(value.to_string()), Reason::Json(e.to_string()));
                }
            }
        }
        rows
    }

    /// Keeps the rows `check` accepts and reports the others at the rejected field.
    fn check<T>(&mut self, name: &str, rows: Vec<Row<T>>, check: impl Fn(&T) -> Result<(), Rejection>) -> Vec<Row<T>> {
        let mut kept = Vec::with_capacity(rows.len());
        for row in rows {
            match check(&row.item) {
                Ok(()) => kept.push(row),
                Err((field, value, reason)) => {
                    let location = format!("{}.{field}", self.path(name, row.index));
                    self.report(location, value, reason);
                }
            }
        }
        kept
    }

    /// Keeps the first row of each key and reports the repeats.
    fn unique<T>(&mut self, name: &str, rows: Vec<Row<T>>, key: impl Fn(&T) -> &String) -> Vec<Row<T>> {
        let mut seen = HashSet::new();
        let mut kept = Vec::with_capacity(rows.len());
        for row in rows {
            let k = key(&row.item).clone();
            if seen.insert(k.clone()) {
                kept.push(row);
            } else {
                let location = self.path(name, row.index);
                self.report(location, Some(k), Reason::Duplicate);
            }
        }
        kept
    }
}
