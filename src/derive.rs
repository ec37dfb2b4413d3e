//! Pure derivations from the model to the tables views show.

use crate::data::{Dataset, Observation};

/// A total and the published components it is made of, for one region and period.
#[derive(Clone, Debug, PartialEq)]
pub struct Composition<'a> {
    pub total: &'a Observation,
    pub parts: Vec<&'a Observation>,
}

/// The first total in the dataset that has published components (indicators whose `part_of`
/// names its indicator) for the same region, period and status. Components are never summed
/// into the total: the total is shown as published, with its qualifier.
pub fn first_composition(dataset: &Dataset) -> Option<Composition<'_>> {
    dataset.observations.iter().find_map(|total| {
        let parts: Vec<&Observation> = dataset
            .observations
            .iter()
            .filter(|o| {
                o.region == total.region
                    && o.period == total.period
                    && o.status == total.status
                    && dataset.indicator(&o.indicator).and_then(|i| i.part_of.as_deref()) == Some(total.indicator.as_str())
            })
            .collect();
        (!parts.is_empty()).then_some(Composition { total, parts })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::package;

    const PACKAGE: &str = r#"{"resources": [
      {"name": "sources", "data": [{"id": "s", "title": "t", "publisher": "p", "date": "2018-01-01", "language": "zh-Hans"}]},
      {"name": "regions", "data": [{"code": "220503", "names": {"zh-Hans": "甲", "zh-Hant": "甲", "en": "A"}},
                                   {"code": "220502", "names": {"zh-Hans": "乙", "zh-Hant": "乙", "en": "B"}}]},
      {"name": "indicators", "data": [
        {"id": "plain", "names": {"zh-Hans": "x", "zh-Hant": "x", "en": "x"}, "unit": "persons"},
        {"id": "total", "names": {"zh-Hans": "x", "zh-Hant": "x", "en": "x"}, "unit": "yuan"},
        {"id": "part", "names": {"zh-Hans": "x", "zh-Hant": "x", "en": "x"}, "unit": "yuan", "part_of": "total"}]},
      {"name": "observations", "data": [
        {"region": "220503", "period": "2017", "indicator": "plain", "value": 1, "source": "s"},
        {"region": "220503", "period": "2017", "indicator": "total", "value": 100, "qualifier": "more_than", "source": "s"},
        {"region": "220503", "period": "2017", "indicator": "part", "value": 60, "source": "s"},
        {"region": "220503", "period": "2016", "indicator": "part", "value": 7, "source": "s"},
        {"region": "220502", "period": "2017", "indicator": "part", "value": 8, "source": "s"},
        {"region": "220503", "period": "2017", "indicator": "part", "value": 9, "status": "planned", "source": "s"}]}
    ]}"#;

    #[test]
    fn composition_takes_only_parts_of_the_same_region_period_and_status() {
        let loaded = package::load("datapackage.json", PACKAGE).expect("package parses");
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let c = first_composition(&loaded.dataset).expect("a composition exists");
        assert_eq!(c.total.value, 100.0);
        let values: Vec<f64> = c.parts.iter().map(|p| p.value).collect();
        assert_eq!(values, [60.0], "other periods, regions and planned figures must not mix in");
    }

    #[test]
    fn no_composition_without_parts() {
        let dataset = Dataset::default();
        assert!(first_composition(&dataset).is_none());
    }
}
