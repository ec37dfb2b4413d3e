//! `datapackage.json`: the package's title and, for each resource, the CSV file and the field
//! names its Table Schema declares. The portal reads the schema's field list to check headers;
//! types and constraints are the portal's own (see `resources`) and are kept equal to the
//! descriptor's by a test.

use serde::Deserialize;

use super::error::{DataError, MapProblem, Place, Reason};

/// What the portal needs from a `datapackage.json`.
#[derive(Clone, Debug, PartialEq)]
pub struct Descriptor {
    pub title: String,
    pub resources: Vec<ResourceDescriptor>,
    /// The deployment's map settings (`gongkai:map`), as far as they are valid.
    pub map: MapSettings,
    /// What was wrong in `gongkai:map` (the rest of the package still loads).
    pub map_problems: Vec<DataError>,
    /// The stories to present (`gongkai:stories`), as far as they are valid.
    pub stories: Vec<super::stories::Story>,
    /// What was wrong in `gongkai:stories`.
    pub story_problems: Vec<DataError>,
}

/// A deployment's own map: approved boundary files and the classes of its choropleths.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapSettings {
    pub boundaries: Option<Boundaries>,
    /// Class breaks by indicator id, in the indicator's base unit, increasing.
    pub breaks: Vec<(String, Vec<f64>)>,
}

/// Boundary files that replace the portal's own, with their approval number (审图号).
#[derive(Clone, Debug, PartialEq)]
pub struct Boundaries {
    /// The first view's TopoJSON (layers `provinces`, `prefectures`, `maritime`), relative to the descriptor.
    pub first_view: String,
    /// A province's counties, with `{province}` standing for its two-digit prefix.
    pub counties: String,
    /// The names index for search, if the deployment publishes one.
    pub names: Option<String>,
    /// The approval number printed in the map's caption, e.g. GS(2024)0650号.
    pub approval: String,
    /// Who made the boundaries (printed in the caption).
    pub attribution: String,
}

/// The key of the map settings in `datapackage.json`.
pub const MAP_KEY: &str = "gongkai:map";

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
    #[serde(rename = "gongkai:map", default)]
    map: Option<serde_json::Value>,
    #[serde(rename = "gongkai:stories", default)]
    stories: Option<serde_json::Value>,
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

/// A JSON value as a problem quotes it: a string without its quotes, anything else as JSON.
pub(super) fn quoted(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Reads `gongkai:map`, reporting what is wrong at its JSON path and keeping what is right.
fn map_settings(file: &str, value: &serde_json::Value, problems: &mut Vec<DataError>) -> MapSettings {
    let mut bad = |path: String, value: &serde_json::Value, problem: MapProblem| {
        problems.push(DataError::new(file, Place::Path(format!("{MAP_KEY}{path}")), Some(&quoted(value)), Reason::Map(problem)));
    };
    let mut settings = MapSettings::default();
    let Some(object) = value.as_object() else {
        bad(String::new(), value, MapProblem::NotAnObject);
        return settings;
    };
    if let Some(b) = object.get("boundaries") {
        let text = |key: &str| b.get(key).and_then(|v| v.as_str()).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
        let mut ok = true;
        for key in ["first_view", "counties", "approval", "attribution"] {
            if text(key).is_none() {
                bad(format!(".boundaries.{key}"), b.get(key).unwrap_or(&serde_json::Value::Null), MapProblem::NoText);
                ok = false;
            }
        }
        if let Some(counties) = text("counties").filter(|c| !c.contains("{province}")) {
            bad(".boundaries.counties".into(), &serde_json::Value::String(counties), MapProblem::NoProvince);
            ok = false;
        }
        if ok {
            settings.boundaries = Some(Boundaries {
                first_view: text("first_view").unwrap_or_default(),
                counties: text("counties").unwrap_or_default(),
                names: text("names"),
                approval: text("approval").unwrap_or_default(),
                attribution: text("attribution").unwrap_or_default(),
            });
        }
    }
    if let Some(breaks) = object.get("breaks") {
        let Some(breaks) = breaks.as_object() else {
            bad(".breaks".into(), breaks, MapProblem::NotAnObject);
            return settings;
        };
        for (indicator, list) in breaks {
            let numbers: Option<Vec<f64>> = list.as_array().and_then(|l| l.iter().map(serde_json::Value::as_f64).collect());
            match numbers {
                Some(n) if !n.is_empty() && n.windows(2).all(|w| w[0] < w[1]) => settings.breaks.push((indicator.clone(), n)),
                Some(n) if !n.is_empty() => bad(format!(".breaks.{indicator}"), list, MapProblem::NotIncreasing),
                _ => bad(format!(".breaks.{indicator}"), list, MapProblem::NotNumbers),
            }
        }
    }
    settings
}

impl Descriptor {
    /// Reads the descriptor `text` of the file called `file`.
    pub fn parse(file: &str, text: &str) -> Result<Descriptor, DataError> {
        // Another JSON value than an object would get a message about serde's internals.
        let start = text.trim_start();
        if !start.is_empty() && !start.starts_with('{') && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() {
            let line = 1 + text[..text.len() - start.len()].matches('\n').count() as u64;
            return Err(DataError::new(file, Place::Line { line, column: 1 }, None, Reason::NotAnObject));
        }
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
        let mut map_problems = Vec::new();
        let map = raw.map.map(|v| map_settings(file, &v, &mut map_problems)).unwrap_or_default();
        let mut story_problems = Vec::new();
        let stories = raw.stories.map(|v| super::stories::read(file, &v, &mut story_problems)).unwrap_or_default();
        Ok(Descriptor { title: raw.title, resources, map, map_problems, stories, story_problems })
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

    fn with_map(map: &str) -> Descriptor {
        Descriptor::parse("datapackage.json", &format!(r#"{{"resources": [], "gongkai:map": {map}}}"#)).expect("valid JSON")
    }

    #[test]
    fn a_deployment_names_its_approved_boundaries_and_breaks() {
        let d = with_map(
            r#"{"boundaries": {"first_view": "geo/approved.topo.json", "counties": "geo/c/{province}.topo.json",
                "approval": "GS(2024)0650号", "attribution": "某省自然资源厅"}, "breaks": {"poor_persons": [1000, 5000.5]}}"#,
        );
        assert!(d.map_problems.is_empty(), "{:?}", d.map_problems);
        let b = d.map.boundaries.expect("boundaries");
        assert_eq!((b.first_view.as_str(), b.counties.as_str(), b.names, b.approval.as_str()), ("geo/approved.topo.json", "geo/c/{province}.topo.json", None, "GS(2024)0650号"));
        assert_eq!(d.map.breaks, [("poor_persons".to_owned(), vec![1000.0, 5000.5])]);
        assert_eq!(Descriptor::parse("d.json", r#"{"resources": []}"#).expect("valid").map, MapSettings::default());
    }

    #[test]
    fn wrong_map_settings_are_located_and_the_rest_kept() {
        let d = with_map(
            r#"{"boundaries": {"first_view": "a.json", "counties": "c.json", "approval": "", "attribution": "x"},
                "breaks": {"a": [5, 1], "b": "many", "c": [1, 2]}}"#,
        );
        let found: Vec<(String, Reason)> = d
            .map_problems
            .iter()
            .map(|p| (p.locate(crate::i18n::Locale::En), *p.reason.clone()))
            .collect();
        assert_eq!(
            found,
            [
                ("datapackage.json, gongkai:map.boundaries.approval".to_owned(), Reason::Map(MapProblem::NoText)),
                ("datapackage.json, gongkai:map.boundaries.counties".to_owned(), Reason::Map(MapProblem::NoProvince)),
                ("datapackage.json, gongkai:map.breaks.a".to_owned(), Reason::Map(MapProblem::NotIncreasing)),
                ("datapackage.json, gongkai:map.breaks.b".to_owned(), Reason::Map(MapProblem::NotNumbers)),
            ]
        );
        assert_eq!(d.map.boundaries, None, "half-given boundaries are not used");
        assert_eq!(d.map.breaks, [("c".to_owned(), vec![1.0, 2.0])]);
        let e = &d.map_problems[1];
        assert!(e.describe(crate::i18n::Locale::ZhHans).contains("{province}"), "{}", e.describe(crate::i18n::Locale::ZhHans));
    }
}
