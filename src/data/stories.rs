//! Stories for presenting (`gongkai:stories` in `datapackage.json`): ordered slides, each a view of
//! the portal (its path and parameters, e.g. `/funds?region=150500&chart=funds-150500`) with a
//! title, talking points and speaker notes. Texts are given per language; 简体中文 is required and
//! stands in for a language that is missing. Shape problems are located at their JSON path; whether
//! a view shows something is checked by `crate::present` once the data is read.

use super::descriptor::quoted;
use super::error::{DataError, Place, Reason, StoryProblem};
use super::model::Localized;

/// The key of the stories in `datapackage.json`.
pub const STORIES_KEY: &str = "gongkai:stories";

/// A story: an ordered list of slides.
#[derive(Clone, Debug, PartialEq)]
pub struct Story {
    /// Letters, digits, `-` and `_`: the story's address is `/present/<id>`.
    pub id: String,
    pub title: Localized,
    pub slides: Vec<Slide>,
}

/// One slide: a view of the portal and what to say about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Slide {
    /// The view's path and parameters, e.g. `/poverty-exits?chart=causes`.
    pub view: String,
    pub title: Localized,
    /// Talking points shown on the slide.
    pub points: Vec<Localized>,
    /// Speaker notes, shown only in the notes window.
    pub notes: Localized,
}

type Json = serde_json::Value;

/// Reads the stories at `value`, reporting each problem at its path and keeping what is usable.
pub fn read(file: &str, value: &Json, problems: &mut Vec<DataError>) -> Vec<Story> {
    let mut bad = |path: String, value: &Json, problem: StoryProblem| {
        problems.push(DataError::new(file, Place::Path(format!("{STORIES_KEY}{path}")), Some(&quoted(value)), Reason::Story(problem)));
    };
    let Some(list) = value.as_array() else {
        bad(String::new(), value, StoryProblem::NotAList);
        return Vec::new();
    };
    let mut stories: Vec<Story> = Vec::new();
    for (n, raw) in list.iter().enumerate() {
        let at = format!("[{n}]");
        let id = raw.get("id").and_then(Json::as_str).unwrap_or_default();
        if id.is_empty() || id.len() > 64 || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
            bad(format!("{at}.id"), raw.get("id").unwrap_or(&Json::Null), StoryProblem::NotAnId);
            continue;
        }
        if stories.iter().any(|s| s.id == id) {
            bad(format!("{at}.id"), &Json::String(id.to_owned()), StoryProblem::Duplicate);
            continue;
        }
        let Some(title) = localized(raw.get("title")) else {
            bad(format!("{at}.title"), raw.get("title").unwrap_or(&Json::Null), StoryProblem::NoText);
            continue;
        };
        let mut slides = Vec::new();
        for (k, s) in raw.get("slides").and_then(Json::as_array).map(Vec::as_slice).unwrap_or_default().iter().enumerate() {
            let at = format!("{at}.slides[{k}]");
            let view = s.get("view").and_then(Json::as_str).map(str::trim).unwrap_or_default();
            if !view.starts_with('/') {
                bad(format!("{at}.view"), s.get("view").unwrap_or(&Json::Null), StoryProblem::NotAView);
                continue;
            }
            let Some(title) = localized(s.get("title")) else {
                bad(format!("{at}.title"), s.get("title").unwrap_or(&Json::Null), StoryProblem::NoText);
                continue;
            };
            let mut points = Vec::new();
            for (p, point) in s.get("points").and_then(Json::as_array).map(Vec::as_slice).unwrap_or_default().iter().enumerate() {
                match localized(Some(point)) {
                    Some(text) => points.push(text),
                    None => bad(format!("{at}.points[{p}]"), point, StoryProblem::NoText),
                }
            }
            let notes = localized(s.get("notes")).unwrap_or_default();
            slides.push(Slide { view: view.to_owned(), title, points, notes });
        }
        if slides.is_empty() {
            bad(format!("{at}.slides"), raw.get("slides").unwrap_or(&Json::Null), StoryProblem::NoSlides);
            continue;
        }
        stories.push(Story { id: id.to_owned(), title, slides });
    }
    stories
}

/// `{"zh-Hans": …, "zh-Hant": …, "en": …}` with 简体中文 standing in for a missing language; `None`
/// without 简体中文 text.
fn localized(value: Option<&Json>) -> Option<Localized> {
    let text = |key: &str| value?.get(key)?.as_str().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
    let zh_hans = text("zh-Hans")?;
    Some(Localized { zh_hant: text("zh-Hant").unwrap_or_else(|| zh_hans.clone()), en: text("en").unwrap_or_else(|| zh_hans.clone()), zh_hans })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_stories_and_locates_each_problem() {
        let json: Json = serde_json::from_str(
            r#"[
              {"id": "a", "title": {"zh-Hans": "甲", "en": "A"}, "slides": [
                {"view": "/funds?region=150500", "title": {"zh-Hans": "资金"}, "points": [{"zh-Hans": "一"}, {"en": "only English"}], "notes": {"zh-Hans": "说"}},
                {"view": "funds", "title": {"zh-Hans": "x"}}
              ]},
              {"id": "a", "title": {"zh-Hans": "重复"}, "slides": []},
              {"id": "b c", "title": {"zh-Hans": "乙"}},
              {"id": "d", "title": {"en": "no Chinese"}},
              {"id": "e", "title": {"zh-Hans": "无幻灯片"}, "slides": []}
            ]"#,
        )
        .expect("json");
        let mut problems = Vec::new();
        let stories = read("datapackage.json", &json, &mut problems);
        assert_eq!(stories.len(), 1);
        let a = &stories[0];
        assert_eq!((a.title.en.as_str(), a.title.zh_hant.as_str()), ("A", "甲"));
        assert_eq!(a.slides.len(), 1);
        assert_eq!(a.slides[0].points.len(), 1);
        assert_eq!(a.slides[0].notes.zh_hans, "说");
        let places: Vec<String> = problems.iter().map(|p| format!("{:?}", p.place)).collect();
        assert_eq!(
            places,
            [
                "Path(\"gongkai:stories[0].slides[0].points[1]\")",
                "Path(\"gongkai:stories[0].slides[1].view\")",
                "Path(\"gongkai:stories[1].id\")",
                "Path(\"gongkai:stories[2].id\")",
                "Path(\"gongkai:stories[3].title\")",
                "Path(\"gongkai:stories[4].slides\")",
            ]
        );
        assert_eq!(problems[1].message(crate::i18n::Locale::En), "datapackage.json, gongkai:stories[0].slides[1].view: “funds” is not a view of the portal: it should be a path starting with / and its parameters, e.g. /funds?region=150500");
        let mut more = Vec::new();
        assert!(read("datapackage.json", &serde_json::json!({"id": "x"}), &mut more).is_empty());
        assert_eq!(format!("{:?}", more[0].place), "Path(\"gongkai:stories\")");
    }
}
