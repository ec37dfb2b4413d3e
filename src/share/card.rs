//! A chart as a standalone picture: title, subtitle, unit, the drawn chart, its key, its sources
//! and a credit line with the view's address, in one SVG document that names a CJK-capable font
//! stack, so it reads the same in a browser, an editor, or rasterized to PNG.

use crate::chart::render::{escape_xml, render, wrap, Palette, RenderError};
use crate::chart::spec::Chart;
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

/// `chart` as a card in `palette`'s colours, `scale` times its size in pixels (the drawing is the
/// same; only the SVG's width and height grow, so a rasterizer draws it sharper). `credit` is the
/// last line: the portal's name and the view's address.
pub fn card(chart: &Chart, palette: &Palette, credit: &str, locale: Locale, scale: u32) -> Result<Card, RenderError> {
    let drawn = render(chart, WIDTH - 2 * PAD as u32, palette)?;
    let mut col = Column { y: PAD - GAP / 2.0, out: String::new() };
    col.text(&chart.title, 22.0, palette.text, true);
    if !chart.subtitle.is_empty() {
        col.text(&chart.subtitle, 15.0, palette.muted, false);
    }
    col.text(&tr_args(locale, "chart-unit", &[("unit", chart.unit.as_str().into())]), 13.0, palette.muted, false);
    col.y += GAP;
    // The drawn chart, placed below the heading; its <title> and <desc> stay as its text alternative.
    let inner = drawn.svg.replacen("<svg ", &format!("<svg x=\"{PAD}\" y=\"{:.1}\" width=\"{}\" height=\"{}\" ", col.y, drawn.width, drawn.height), 1);
    col.out.push_str(&inner);
    col.y += f64::from(drawn.height) + GAP / 2.0;
    for note in &chart.notes {
        col.text(note, 12.0, palette.muted, false);
    }
    let sources: Vec<&str> = chart.sources.iter().map(|s| s.text.as_str()).collect();
    if !sources.is_empty() {
        col.text(&format!("{}{}", tr(locale, "chart-source-label"), sources.join(&tr(locale, "source-joiner"))), 12.0, palette.text, false);
    }
    col.text(credit, 12.0, palette.muted, false);
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
    Ok(Card { svg, width: width * scale, height: height * scale })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::catalogue::{self, tests::default_dataset};
    use crate::chart::render::probe::{texts, view_box};

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
                let drawn = render(chart, WIDTH - 2 * PAD as u32, &Palette::LIGHT).expect("draws");
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
    fn card_text_is_escaped() {
        let dataset = default_dataset();
        let mut chart = catalogue::all(&dataset, Locale::En).remove(0);
        chart.title = "<script>alert(1)</script> & co".into();
        let svg = card(&chart, &Palette::LIGHT, "a \"quoted\" <b>credit</b>", Locale::En, 1).expect("draws").svg;
        assert!(!svg.contains("<script>") && !svg.contains("<b>"));
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
    }
}
