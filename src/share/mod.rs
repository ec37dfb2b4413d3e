//! What a reader takes away from a view, as pure functions: the chart as a standalone card
//! (SVG, and the source of the PNG), the shown data as CSV, the whole data package as a ZIP, a
//! citation in GB/T 7714 and APA style, and the snippet that embeds the view in another site.

pub mod card;
pub mod cite;
pub mod embed;
pub mod table;
pub mod zip;

/// A file name made from `stem`: letters, digits, `-`, `_`, `.` and `@` kept, anything else becomes `-`.
pub fn file_name(stem: &str, extension: &str) -> String {
    let stem: String = stem.chars().map(|c| if c.is_ascii_alphanumeric() || "-_.@".contains(c) { c } else { '-' }).collect();
    let stem = stem.trim_matches(|c| c == '-' || c == '.');
    format!("{}.{extension}", if stem.is_empty() { "gongkai" } else { stem })
}

#[cfg(test)]
mod tests {
    #[test]
    fn file_names_are_safe_on_every_system() {
        assert_eq!(super::file_name("funds-130723", "csv"), "funds-130723.csv");
        assert_eq!(super::file_name("funds-130723@2x", "png"), "funds-130723@2x.png");
        assert_eq!(super::file_name("../a b/c", "svg"), "a-b-c.svg");
        assert_eq!(super::file_name("资金", "png"), "gongkai.png");
    }
}
