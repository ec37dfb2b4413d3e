//! Colour and the reader: WCAG 2.2 contrast ratios of every colour the portal draws data with,
//! against the ground it is drawn on, in both themes and the presentation's palette (text 4.5:1,
//! marks and map fills 3:1, the non-text minimum); and colour is never the only way a chart tells
//! its series or a planned figure apart.
//!
//! The page's colours are read from `style/main.css` (`--name: light-dark(#light, #dark)`), so the
//! stylesheet and the chart palettes cannot drift apart unnoticed.
#![cfg(not(target_arch = "wasm32"))]

use gongkai::chart::catalogue;
use gongkai::chart::render::{render, Palette, MIN_WIDTH};
use gongkai::chart::spec::Body;
use gongkai::data::package;
use gongkai::i18n::Locale;
use gongkai::map::bins::Ramp;
use gongkai::params::Theme;

type Rgb = (u8, u8, u8);

/// The WCAG 2.x contrast ratio of two colours (1 to 21).
fn contrast(a: Rgb, b: Rgb) -> f64 {
    fn luminance((r, g, b): Rgb) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.040_45 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

fn hex(s: &str) -> Rgb {
    let s = s.trim().trim_start_matches('#');
    assert_eq!(s.len(), 6, "#{s} is not #rrggbb");
    let byte = |i: usize| u8::from_str_radix(&s[i..i + 2], 16).unwrap_or_else(|_| panic!("#{s}"));
    (byte(0), byte(2), byte(4))
}

fn rgb(c: plotters::style::RGBColor) -> Rgb {
    (c.0, c.1, c.2)
}

/// The light and dark values of the stylesheet's custom property `--name`.
fn css(name: &str) -> (Rgb, Rgb) {
    let sheet = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/style/main.css")).expect("reads the stylesheet");
    let start = sheet.find(&format!("--{name}: light-dark(")).unwrap_or_else(|| panic!("--{name} is not a light-dark() pair"));
    let rest = &sheet[start + name.len() + 15..];
    let (pair, _) = rest.split_once(')').expect("a closing parenthesis");
    let (light, dark) = pair.split_once(',').expect("two colours");
    (hex(light), hex(dark))
}

/// The theme's value of `--name`.
fn page(name: &str, theme: Theme) -> Rgb {
    let (light, dark) = css(name);
    match theme {
        Theme::Light => light,
        Theme::Dark => dark,
    }
}

const THEMES: [Theme; 2] = [Theme::Light, Theme::Dark];

/// `ratio` is at least `min`, or the message names what failed.
fn at_least(min: f64, what: &str, fg: Rgb, bg: Rgb) {
    let ratio = contrast(fg, bg);
    assert!(ratio >= min, "{what}: {fg:?} on {bg:?} is {ratio:.2}:1, under {min}:1");
}

#[test]
fn the_contrast_ratio_is_wcags() {
    assert!((contrast((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 1e-9);
    assert!((contrast((255, 255, 255), (255, 255, 255)) - 1.0).abs() < 1e-9);
    // #767676 is the lightest grey with 4.5:1 on white.
    assert!(contrast(hex("#767676"), (255, 255, 255)) >= 4.5 && contrast(hex("#777777"), (255, 255, 255)) < 4.5);
    assert_eq!(css("bg"), ((255, 255, 255), (13, 17, 23)));
}

#[test]
fn chart_palettes_match_the_page_and_their_text_and_marks_stand_out() {
    for (theme, palette) in [(Theme::Light, Palette::LIGHT), (Theme::Dark, Palette::DARK)] {
        assert_eq!(rgb(palette.background), page("bg", theme), "{theme:?}: charts are drawn on the page's background");
        assert_eq!(rgb(palette.text), page("text", theme), "{theme:?}: text colour");
        assert_eq!(rgb(palette.muted), page("muted", theme), "{theme:?}: muted text colour");
    }
    for (name, palette) in [("light", Palette::LIGHT), ("dark", Palette::DARK), ("presentation", Palette::CONTRAST)] {
        let bg = rgb(palette.background);
        at_least(4.5, &format!("{name} text"), rgb(palette.text), bg);
        at_least(4.5, &format!("{name} muted text (ticks, labels)"), rgb(palette.muted), bg);
        for (i, colour) in palette.series.iter().enumerate() {
            at_least(3.0, &format!("{name} series {i}"), rgb(*colour), bg);
        }
    }
}

#[test]
fn map_classes_stand_out_from_the_ground_and_from_regions_without_figures() {
    for theme in THEMES {
        for ramp in [Ramp::Blues, Ramp::Viridis] {
            for (i, stop) in ramp.stops(theme).iter().enumerate() {
                for ground in ["bg", "surface"] {
                    at_least(3.0, &format!("{theme:?} {ramp:?} class {i} on --{ground}"), hex(stop), page(ground, theme));
                }
            }
            // The highest class is the one furthest from the ground.
            let stops = ramp.stops(theme);
            let away = |s: &str| contrast(hex(s), page("bg", theme));
            assert!(stops.windows(2).all(|w| away(w[1]) > away(w[0])), "{theme:?} {ramp:?}: {stops:?} do not move away from the ground");
        }
    }
}

#[test]
fn map_lines_hatches_and_focus_stand_out() {
    for theme in THEMES {
        for ground in ["bg", "surface"] {
            let g = page(ground, theme);
            at_least(3.0, &format!("{theme:?} flow arrows on --{ground}"), page("flow", theme), g);
            at_least(3.0, &format!("{theme:?} region outlines (--muted) on --{ground}"), page("muted", theme), g);
            at_least(3.0, &format!("{theme:?} focus outline on --{ground}"), page("focus", theme), g);
        }
        at_least(3.0, &format!("{theme:?} no-data hatch"), page("no-data-hatch", theme), page("no-data-ground", theme));
        // The focused region's ring is drawn in the focus colour on a halo of the background.
        at_least(3.0, &format!("{theme:?} region focus ring on its halo"), page("focus", theme), page("bg", theme));
    }
}

/// The text of every `<text>` element of `svg`, without spaces or line breaks.
fn drawn_texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| t.split_once('>').and_then(|(_, rest)| rest.split_once("</text>")).map(|(text, _)| text))
        .map(|t| squeeze(&t.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&apos;", "'")))
        .collect()
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether `name` is written among `texts`: whole (a wrapped name reads whole again when the
/// pieces are joined), or cut short with “…” where the width has no room for all of it.
fn written(texts: &[String], name: &str) -> bool {
    let name = squeeze(name);
    texts.concat().contains(&name) || texts.iter().any(|t| t.strip_suffix('…').is_some_and(|cut| !cut.is_empty() && name.starts_with(cut)))
}

#[test]
fn colour_is_never_the_only_encoding() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/datapackage.json");
    let dataset = package::load_path(&path).expect("the default package parses").dataset;
    for locale in Locale::ALL {
        for chart in catalogue::all(&dataset, locale).iter().filter(|c| !c.marks.is_empty()) {
            for width in [MIN_WIDTH, 720] {
                let texts = drawn_texts(&render(chart, width, &Palette::LIGHT).expect("draws").svg);
                let at = format!("{} ({}, {width} px)", chart.id, locale.tag());
                // What gets its own colour — a section, panel or row; a part of a stack; a
                // sending region — is named in words as well.
                let coloured: Vec<&str> = match &chart.body {
                    Body::Stacked { .. } => chart.marks.iter().map(|m| m.label.as_str()).collect(),
                    Body::Flows { nodes } => nodes.iter().filter(|n| n.column == 0).map(|n| n.name.as_str()).collect(),
                    _ => chart.groups(),
                };
                if coloured.len() > 1 {
                    for name in coloured {
                        assert!(written(&texts, name), "{at}: “{name}” is told apart by colour only");
                    }
                }
                // A planned or target figure is drawn hollow (a shape, not a colour), and the
                // chart's key says what hollow means.
                if let Some(mark) = chart.marks.iter().find(|m| m.hollow) {
                    assert!(!chart.notes.is_empty(), "{at}: the {} figure “{}” is hollow with no key", mark.status, mark.label);
                }
            }
        }
    }
}
