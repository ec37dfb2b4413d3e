//! Presenting a story: where each slide's view goes, which chart it shows, whether that works
//! with the loaded data, and how the keys of a keyboard or a presenter's clicker move through the
//! slides. Pure; the slides are drawn by `ui::present`.

use crate::chart::catalogue::pages::shown;
use crate::chart::spec::Chart;
use crate::data::stories::{Story, STORIES_KEY};
use crate::data::{DataError, Dataset, Place, Reason, StoryProblem};
use crate::i18n::Locale;
use crate::params::{decode_search, lookup, Problem, View};

/// What a slide's view names: a page, its view, and one of its charts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Target {
    /// The page's path without the leading `/` (`funds`, `regions/150500`; empty for the overview).
    pub page: String,
    pub view: View,
    /// The chart's id, if the view names one (`chart=`); else the page's first chart.
    pub chart: Option<String>,
}

/// Reads a slide's `view` (`/funds?region=150500&chart=funds-150500`), with the problems of its
/// parameters.
pub fn target(view: &str) -> (Target, Vec<Problem>) {
    let view = view.split('#').next().unwrap_or_default();
    let (path, query) = view.split_once('?').unwrap_or((view, ""));
    let pairs = decode_search(query);
    let (parsed, problems) = View::parse(lookup(&pairs));
    let chart = pairs.iter().find(|(k, _)| k == "chart").map(|(_, v)| v.clone());
    (Target { page: path.trim_matches('/').to_owned(), view: parsed, chart }, problems)
}

/// The chart `target` shows with `dataset`: the one it names, or its page's first.
pub fn chart(dataset: &Dataset, target: &Target, locale: Locale) -> Option<Chart> {
    shown(dataset, &target.page, &target.view, locale).into_iter().find(|c| target.chart.as_ref().is_none_or(|id| *id == c.id))
}

/// Every slide of `dataset`'s stories whose view cannot be shown, located in `file`
/// (the descriptor).
pub fn check(file: &str, dataset: &Dataset) -> Vec<DataError> {
    let mut problems = Vec::new();
    for (n, story) in dataset.stories.iter().enumerate() {
        for (k, slide) in story.slides.iter().enumerate() {
            let (t, found) = target(&slide.view);
            let place = || Place::Path(format!("{STORIES_KEY}[{n}].slides[{k}].view"));
            let mut view = t.view.clone();
            let unknown = view.check(dataset);
            if !found.is_empty() || !unknown.is_empty() {
                problems.push(DataError::new(file, place(), Some(&slide.view), Reason::Story(StoryProblem::BadView)));
            } else if chart(dataset, &t, Locale::default()).is_none() {
                problems.push(DataError::new(file, place(), Some(&slide.view), Reason::Story(StoryProblem::NoChart)));
            }
        }
    }
    problems
}

/// The story with `id`.
pub fn story<'d>(dataset: &'d Dataset, id: &str) -> Option<&'d Story> {
    dataset.stories.iter().find(|s| s.id == id)
}

/// A move through the slides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Next,
    Previous,
    First,
    Last,
}

/// The move a key asks for: arrows, Page Up/Down (what presenters' clickers send), Space
/// (Shift+Space goes back), Home and End.
pub fn step_of(key: &str, shift: bool) -> Option<Step> {
    match key {
        "ArrowRight" | "ArrowDown" | "PageDown" => Some(Step::Next),
        " " | "Spacebar" if !shift => Some(Step::Next),
        " " | "Spacebar" => Some(Step::Previous),
        "ArrowLeft" | "ArrowUp" | "PageUp" => Some(Step::Previous),
        "Home" => Some(Step::First),
        "End" => Some(Step::Last),
        _ => None,
    }
}

/// The slide (0-based) after `step` from `current` among `count`; it stops at the ends.
pub fn go(current: usize, count: usize, step: Step) -> usize {
    let last = count.saturating_sub(1);
    match step {
        Step::Next => (current + 1).min(last),
        Step::Previous => current.saturating_sub(1),
        Step::First => 0,
        Step::Last => last,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::catalogue::tests::default_dataset;
    use crate::data::stories::Slide;

    #[test]
    fn the_default_story_shows_a_chart_on_every_slide() {
        let d = default_dataset();
        assert!(!d.stories.is_empty(), "the default package has a story");
        assert_eq!(check("datapackage.json", &d), []);
        for story in &d.stories {
            for slide in &story.slides {
                let (t, problems) = target(&slide.view);
                assert_eq!(problems, [], "{}", slide.view);
                let c = chart(&d, &t, Locale::En).expect("a chart");
                if let Some(id) = &t.chart {
                    assert_eq!(&c.id, id);
                }
                assert!(!slide.title.zh_hans.is_empty() && !slide.points.is_empty(), "{}", slide.view);
            }
        }
    }

    #[test]
    fn views_that_show_nothing_are_located() {
        let mut d = default_dataset();
        let slide = |view: &str| Slide { view: view.into(), title: Default::default(), points: vec![], notes: Default::default() };
        d.stories = vec![Story {
            id: "s".into(),
            title: Default::default(),
            slides: vec![slide("/funds?region=150500"), slide("/funds?chart=nope"), slide("/explore?from=abc"), slide("/funds?region=999999"), slide("/sources")],
        }];
        let found: Vec<(String, Reason)> = check("datapackage.json", &d)
            .into_iter()
            .map(|e| (format!("{:?}", e.place), *e.reason))
            .collect();
        let at = |k: usize| format!("Path(\"gongkai:stories[0].slides[{k}].view\")");
        assert_eq!(
            found,
            [
                (at(1), Reason::Story(StoryProblem::NoChart)),
                (at(2), Reason::Story(StoryProblem::BadView)),
                (at(3), Reason::Story(StoryProblem::BadView)),
                (at(4), Reason::Story(StoryProblem::NoChart)),
            ]
        );
    }

    #[test]
    fn keys_move_and_stop_at_the_ends() {
        assert_eq!(step_of("PageDown", false), Some(Step::Next));
        assert_eq!(step_of("PageUp", false), Some(Step::Previous));
        assert_eq!(step_of(" ", false), Some(Step::Next));
        assert_eq!(step_of(" ", true), Some(Step::Previous));
        assert_eq!(step_of("a", false), None);
        assert_eq!(go(0, 5, Step::Previous), 0);
        assert_eq!(go(4, 5, Step::Next), 4);
        assert_eq!(go(2, 5, Step::Last), 4);
        assert_eq!(go(2, 0, Step::Next), 0);
    }
}
