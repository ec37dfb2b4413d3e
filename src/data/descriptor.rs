//! `datapackage.json`: the package's title and, for each resource, the CSV file and the field
//! names its Table Schema declares. The portal reads the schema's field list to check headers;
//! types and constraints are the portal's own (see `resources`) and are kept equal to the
//! descriptor's by a test.

use serde::Deserialize;

use super::error::{DataError, Place, Reason};

/// What the portal needs from a `datapackage.json`.
#[derive(Clone, Debug, PartialEq)]
pub struct Descriptor {
    pub title: String,
    pub resources: Vec<ResourceDescriptor>,
}

/// One resource: its name, the CSV file (relative to the descriptor) and its schema's fields.
#[derive(Clone, Debug, PartialEq)]
pub struct ResourceDescriptor {
    pub name: String,
    /// Position in the `resources` array, for error locations.
    pub index: usize,
    pub path: Option<String>,
    pub fields: Vec<String>,
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
    path: Option<String>,
    #[serde(default)]
    schema: Option<RawSchema>,
}

#[derive(Deserialize)]
struct RawSchema {
    #[serde(default)]
    fields: Vec<RawField>,
}

#[derive(Deserialize)]
struct RawField {
    name: String,
}

impl Descriptor {
    /// Reads the descriptor `text` of the file called `file`.
    pub fn parse(file: &str, text: &str) -> Result<Descriptor, DataError> {
        let raw: RawPackage = serde_json::from_str(text).map_err(|e| {
            let place = Place::Line { line: e.line() as u64, column: e.column() as u64 };
            DataError::new(file, place, None, Reason::Json(e.to_string()))
        })?;
        let resources = raw
            .resources
            .into_iter()
            .enumerate()
            .map(|(index, r)| ResourceDescriptor {
                name: r.name,
                index,
                path: r.path,
                fields: r.schema.map(|s| s.fields.into_iter().map(|f| f.name).collect()).unwrap_or_default(),
            })
            .collect();
        Ok(Descriptor { title: raw.title, resources })
    }

    /// The resource called `name`.
    pub fn resource(&self, name: &str) -> Option<&ResourceDescriptor> {
        self.resources.iter().find(|r| r.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_names_paths_and_fields() {
        let text = r#"{"title": "T", "resources": [{"name": "regions", "path": "regions.csv",
            "schema": {"fields": [{"name": "code", "type": "string"}, {"name": "level"}]}}]}"#;
        let d = Descriptor::parse("datapackage.json", text).expect("valid");
        assert_eq!(d.title, "T");
        let r = d.resource("regions").expect("regions");
        assert_eq!((r.index, r.path.as_deref(), r.fields.as_slice()), (0, Some("regions.csv"), &["code".to_owned(), "level".to_owned()][..]));
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let e = Descriptor::parse("datapackage.json", "{\n  \"resources\": [,]\n}").expect_err("invalid");
        assert_eq!(e.place, Place::Line { line: 2, column: 17 });
        assert!(matches!(*e.reason, Reason::Json(_)));
    }
}
