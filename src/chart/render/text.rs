//! Text measured without a font: widths estimated from the script, cutting to fit, and wrapping
//! with Chinese line-breaking rules. Drawing uses these to keep labels inside the chart.

/// How much wider bold text runs than [`text_width`] estimates.
pub(super) const BOLD_WIDER: f64 = 1.15;

/// An estimate of the width of `s` at `px` pixels: CJK characters are square, others about half.
pub fn text_width(s: &str, px: f64) -> f64 {
    s.chars().map(|c| if (c as u32) >= 0x2e80 { px } else { px * 0.56 }).sum()
}

/// `s` cut with an ellipsis to fit `max` pixels at `px` (the full text stays in the tooltip and table).
pub fn fit(s: &str, px: f64, max: f64) -> String {
    if text_width(s, px) <= max {
        return s.to_owned();
    }
    let mut out = String::new();
    let mut used = text_width("…", px);
    for c in s.chars() {
        used += text_width(c.encode_utf8(&mut [0; 4]), px);
        if used > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Full-width punctuation that may not start a line, and that may not end one.
const CLOSING: &str = "）】」』〉》〕，。、；：！？";
const OPENING: &str = "（【「『〈《〔";

/// Splits `s` into lines no wider than `max` at `px` pixels (as [`text_width`] estimates): between
/// words, after a hyphen, dash or slash, or between any two CJK characters; a word wider than a line is split between characters.
pub fn wrap(s: &str, px: f64, max: f64) -> Vec<String> {
    let max = max.max(px);
    let mut words: Vec<(bool, String)> = Vec::new(); // (a space came before, word)
    let mut space = false;
    // An opening bracket stays with what follows it; closing punctuation with what precedes it.
    let mut glue = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
            glue = false;
        } else if (c as u32) >= 0x2e80 {
            match words.last_mut() {
                Some((_, word)) if glue || (!space && CLOSING.contains(c)) => word.push(c),
                _ => words.push((space, c.to_string())),
            }
            glue = OPENING.contains(c);
            space = false;
        } else if glue {
            if let Some((_, word)) = words.last_mut() {
                word.push(c);
            }
            glue = false;
        } else {
            match words.last_mut() {
                Some((_, word)) if !space && word.chars().last().is_some_and(|l| (l as u32) < 0x2e80 && !"-–—/".contains(l)) => {
                    word.push(c)
                }
                _ => words.push((space, c.to_string())),
            }
            space = false;
        }
    }
    let mut lines = Vec::new();
    let mut line = String::new();
    for (space, word) in words {
        let sep = if space && !line.is_empty() { " " } else { "" };
        if !line.is_empty() && text_width(&format!("{line}{sep}{word}"), px) > max {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push_str(sep);
        }
        if line.is_empty() && text_width(&word, px) > max {
            for c in word.chars() {
                if !line.is_empty() && text_width(&format!("{line}{c}"), px) > max {
                    lines.push(std::mem::take(&mut line));
                }
                line.push(c);
            }
        } else {
            line.push_str(&word);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_labels_are_cut_to_fit() {
        assert_eq!(fit("上级资金", 10.0, 40.0), "上级资金");
        assert_eq!(fit("上级资金", 10.0, 39.0), "上级资…");
        assert!(text_width(&fit("Assisting cadres seconded as deputy director", 13.0, 120.0), 13.0) <= 120.0);
    }

    #[test]
    fn cjk_text_is_wider_than_latin() {
        assert_eq!(text_width("上级资金", 10.0), 40.0);
        assert!((text_width("abcd", 10.0) - 22.4).abs() < 1e-9);
    }

    #[test]
    fn long_words_wrap_within_the_width() {
        assert_eq!(wrap("东西部扶贫协作资金", 10.0, 40.0), ["东西部扶", "贫协作资", "金"]);
        assert_eq!(wrap("Pairing assistance funds", 10.0, 80.0), ["Pairing", "assistance", "funds"]);
        assert_eq!(wrap("", 10.0, 100.0), Vec::<String>::new());
        assert_eq!(wrap("farmland-compensation quota", 10.0, 80.0), ["farmland-", "compensation", "quota"]);
        // A closing bracket never starts a line, an opening one never ends one.
        assert_eq!(wrap("资金（已拨付）", 10.0, 60.0), ["资金（已拨", "付）"]);
        assert_eq!(wrap("资金（已拨付）", 10.0, 35.0), ["资金", "（已拨", "付）"]);
        assert_eq!(wrap("东西部扶贫协作资金（已到位）", 10.0, 115.0), ["东西部扶贫协作资金（已", "到位）"]);
        for line in wrap("Supercalifragilisticexpialidocious words", 10.0, 60.0) {
            assert!(text_width(&line, 10.0) <= 60.0, "{line}");
        }
    }
}
