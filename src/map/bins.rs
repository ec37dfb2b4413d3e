//! Classes of a choropleth: how values are binned (quantiles, equal intervals or the publisher's
//! own breaks), and the colour-blind-safe sequential palettes they are drawn in, with a separate
//! "no data" class that is never a shade of the scale.

use crate::params::Theme;

/// How a choropleth's classes are chosen.
#[derive(Clone, Debug, PartialEq)]
pub enum Binning {
    /// Each class holds about the same number of regions.
    Quantile(usize),
    /// Classes of equal width from the smallest value to the largest.
    EqualInterval(usize),
    /// The upper bounds the publisher defines, in increasing order (the last class is open).
    Breaks(Vec<f64>),
}

/// The class edges for `values`: class `i` holds values from `edges[i]` (inclusive) up to
/// `edges[i + 1]` (exclusive; the last class includes its end). Empty when no value is finite.
pub fn edges(values: &[f64], binning: &Binning) -> Vec<f64> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    sorted.sort_by(f64::total_cmp);
    let (Some(&min), Some(&max)) = (sorted.first(), sorted.last()) else { return Vec::new() };
    let mut edges = match binning {
        Binning::Quantile(k) => {
            let k = (*k).max(1);
            let mut e: Vec<f64> = (0..=k).map(|i| sorted[((sorted.len() - 1) * i) / k]).collect();
            e[k] = max;
            e
        }
        Binning::EqualInterval(k) => {
            let k = (*k).max(1);
            let mut e: Vec<f64> = (0..=k).map(|i| min + (max - min) * i as f64 / k as f64).collect();
            // The last edge is the largest value itself, not min + (max − min) rounded.
            e[k] = max;
            e
        }
        Binning::Breaks(breaks) => {
            let mut e = vec![min.min(breaks.first().copied().unwrap_or(min))];
            e.extend(breaks.iter().copied().filter(|b| b.is_finite()));
            e.push(max.max(breaks.last().copied().unwrap_or(max)));
            e
        }
    };
    edges.dedup_by(|a, b| a == b);
    if edges.len() == 1 {
        edges.push(edges[0]);
    }
    edges
}

/// The class of `value` among `edges`, or `None` (no data) when it is missing or not finite.
pub fn class_of(value: Option<f64>, edges: &[f64]) -> Option<usize> {
    let v = value.filter(|v| v.is_finite())?;
    let classes = edges.len().checked_sub(1).filter(|c| *c > 0)?;
    let above = edges[1..classes].iter().filter(|e| v >= **e).count();
    Some(above.min(classes - 1))
}

/// Sequential palettes safe for colour-blind readers, with up to seven classes. Each theme has
/// its own stops: every class stands out from the map's ground by at least 3:1 (WCAG non-text
/// contrast; `tests/colour.rs` checks them against the stylesheet's colours), and the higher
/// the class, the further it is from the ground (darker on light, lighter on dark).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ramp {
    /// Blues, for counts of people and households.
    Blues,
    /// Yellow–green–blue (viridis), for money.
    Viridis,
}

/// The colour of "no data": a neutral grey the scales never use; drawn with a hatch as well.
pub const NO_DATA: &str = "#d9d9d9";

impl Ramp {
    /// The stops from the lowest class to the highest, for `theme`.
    pub fn stops(self, theme: Theme) -> &'static [&'static str] {
        match (self, theme) {
            (Ramp::Blues, Theme::Light) => &["#4292c6", "#3281be", "#2171b5", "#1561a8", "#08519c", "#084083", "#08306b"],
            (Ramp::Blues, Theme::Dark) => &["#2171b5", "#4292c6", "#6baed6", "#9ecae1", "#c6dbef", "#deebf7", "#f7fbff"],
            (Ramp::Viridis, Theme::Light) => &["#1fa187", "#258d8b", "#2a788e", "#3a5f8b", "#414487", "#46286d", "#440154"],
            (Ramp::Viridis, Theme::Dark) => &["#2a788e", "#21918c", "#22a884", "#44bf70", "#7ad151", "#bddf26", "#fde725"],
        }
    }

    /// `classes` colours spread over the ramp of `theme`, lowest class first.
    pub fn colours(self, classes: usize, theme: Theme) -> Vec<&'static str> {
        let stops = self.stops(theme);
        match classes {
            0 => Vec::new(),
            1 => vec![stops[stops.len() / 2]],
            n => (0..n).map(|i| stops[(i * (stops.len() - 1)) / (n - 1)]).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_put_about_the_same_number_of_regions_in_each_class() {
        let values: Vec<f64> = (1..=12).map(f64::from).collect();
        let e = edges(&values, &Binning::Quantile(4));
        assert_eq!(e, [1.0, 3.0, 6.0, 9.0, 12.0]);
        let counts = (0..4).map(|c| values.iter().filter(|v| class_of(Some(**v), &e) == Some(c)).count()).collect::<Vec<_>>();
        assert_eq!(counts, [2, 3, 3, 4]);
    }

    #[test]
    fn equal_intervals_and_publisher_breaks() {
        assert_eq!(edges(&[0.0, 10.0, 4.0], &Binning::EqualInterval(5)), [0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        // Found by a property test: min + (max − min) rounded one unit in the last place below max.
        assert_eq!(edges(&[931315449.0918165, -958425598.9151769], &Binning::EqualInterval(1)), [-958425598.9151769, 931315449.0918165]);
        let e = edges(&[5.0, 250.0, 40.0], &Binning::Breaks(vec![10.0, 100.0]));
        assert_eq!(e, [5.0, 10.0, 100.0, 250.0]);
        assert_eq!(class_of(Some(5.0), &e), Some(0));
        assert_eq!(class_of(Some(10.0), &e), Some(1));
        assert_eq!(class_of(Some(250.0), &e), Some(2), "the last class includes its end");
    }

    #[test]
    fn missing_values_are_no_data_never_a_shade() {
        let e = edges(&[1.0, 2.0], &Binning::Quantile(3));
        assert_eq!(class_of(None, &e), None);
        assert_eq!(class_of(Some(f64::NAN), &e), None);
        assert!(edges(&[], &Binning::Quantile(5)).is_empty());
        assert_eq!(class_of(Some(1.0), &[]), None);
        for theme in [Theme::Light, Theme::Dark] {
            assert!(!Ramp::Blues.colours(7, theme).contains(&NO_DATA) && !Ramp::Viridis.colours(7, theme).contains(&NO_DATA));
        }
    }

    #[test]
    fn one_value_gives_one_class() {
        let e = edges(&[7.0, 7.0], &Binning::Quantile(5));
        assert_eq!(e, [7.0, 7.0]);
        assert_eq!(class_of(Some(7.0), &e), Some(0));
    }

    #[test]
    fn palettes_run_away_from_the_ground() {
        assert_eq!(Ramp::Blues.colours(2, Theme::Light), ["#4292c6", "#08306b"], "light to dark on a light ground");
        assert_eq!(Ramp::Blues.colours(2, Theme::Dark), ["#2171b5", "#f7fbff"], "dark to light on a dark ground");
        assert_eq!(Ramp::Viridis.colours(4, Theme::Light).len(), 4);
        assert!(Ramp::Blues.colours(0, Theme::Dark).is_empty());
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Values as a choropleth meets them: mostly finite, some missing (NaN), some repeated.
        fn values() -> impl Strategy<Value = Vec<f64>> {
            prop::collection::vec(prop_oneof![8 => -1e9f64..1e9, 1 => Just(f64::NAN), 1 => Just(100.0)], 0..40)
        }

        fn binnings() -> impl Strategy<Value = Binning> {
            prop_oneof![
                (1usize..8).prop_map(Binning::Quantile),
                (1usize..8).prop_map(Binning::EqualInterval),
                prop::collection::vec(-1e9f64..1e9, 1..6).prop_map(|mut b| {
                    b.sort_by(f64::total_cmp);
                    b.dedup();
                    Binning::Breaks(b)
                }),
            ]
        }

        fn finite(values: &[f64]) -> Vec<f64> {
            values.iter().copied().filter(|v| v.is_finite()).collect()
        }

        proptest! {
            /// Edges never decrease and run from the smallest value to the largest (the
            /// publisher's breaks widen that range, never narrow it).
            #[test]
            fn edges_span_the_values_in_order(values in values(), binning in binnings()) {
                let e = edges(&values, &binning);
                let finite = finite(&values);
                prop_assert_eq!(e.is_empty(), finite.is_empty());
                let (Some(first), Some(last)) = (e.first(), e.last()) else { return Ok(()) };
                prop_assert!(e.windows(2).all(|w| w[0] <= w[1]), "{:?}", e);
                let min = finite.iter().copied().fold(f64::INFINITY, f64::min);
                let max = finite.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                match &binning {
                    Binning::Breaks(b) => {
                        prop_assert_eq!(*first, min.min(b[0]));
                        prop_assert_eq!(*last, max.max(b[b.len() - 1]));
                    }
                    _ => prop_assert_eq!((*first, *last), (min, max)),
                }
            }

            /// Every finite value falls in exactly one class, and a larger value never in a lower one.
            #[test]
            fn every_value_has_a_class_in_order(values in values(), binning in binnings()) {
                let e = edges(&values, &binning);
                let mut finite = finite(&values);
                finite.sort_by(f64::total_cmp);
                let classes: Vec<Option<usize>> = finite.iter().map(|v| class_of(Some(*v), &e)).collect();
                prop_assert!(classes.iter().all(|c| c.is_some_and(|c| c + 1 < e.len())), "{:?} in {:?}", classes, e);
                prop_assert!(classes.windows(2).all(|w| w[0] <= w[1]), "{:?}", classes);
            }

            /// With more distinct values than classes, quantiles leave no class empty.
            #[test]
            fn quantile_classes_are_all_used(distinct in prop::collection::btree_set(-1_000_000i32..1_000_000, 2..40), k in 1usize..8) {
                prop_assume!(distinct.len() > k);
                let values: Vec<f64> = distinct.into_iter().map(f64::from).collect();
                let e = edges(&values, &Binning::Quantile(k));
                prop_assert_eq!(e.len(), k + 1);
                for class in 0..k {
                    prop_assert!(values.iter().any(|v| class_of(Some(*v), &e) == Some(class)), "class {} of {:?}", class, e);
                }
            }

            /// A ramp gives as many colours as asked (up to its seven), in the order of its stops
            /// for the theme (lowest class nearest the ground), never "no data".
            #[test]
            fn ramps_run_in_order(classes in 0usize..=7, blues in any::<bool>(), dark in any::<bool>()) {
                let ramp = if blues { Ramp::Blues } else { Ramp::Viridis };
                let theme = if dark { Theme::Dark } else { Theme::Light };
                let colours = ramp.colours(classes, theme);
                prop_assert_eq!(colours.len(), classes);
                let at: Vec<Option<usize>> = colours.iter().map(|c| ramp.stops(theme).iter().position(|s| s == c)).collect();
                prop_assert!(at.iter().all(Option::is_some) && at.windows(2).all(|w| w[0] < w[1]), "{:?}", colours);
                prop_assert!(!colours.contains(&NO_DATA));
            }
        }
    }
}
