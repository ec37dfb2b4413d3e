//! Embedding a view in another site. The embed's address is the view's with `/embed` in front of
//! its path (the same parameters, plus `chart` when the page has several charts). The embedded
//! page posts its height to the host page, which `embed.js` checks and applies:
//!
//! ```json
//! { "type": "gongkai:embed-height", "version": 1, "height": 612 }
//! ```
//!
//! `embed.js` accepts a message only from the window of one of its `iframe[data-gongkai-embed]`
//! elements, from that iframe's origin, with exactly this type and version and a finite height
//! between 0 and [`MAX_HEIGHT`]. It asks every embed for its height once it starts
//! (`{ "type": "gongkai:embed-ask", "version": 1 }`), in case the embed loaded first.

use crate::chart::render::escape_xml;

/// The `type` of the height message.
pub const HEIGHT_MESSAGE: &str = "gongkai:embed-height";
/// The `type` of the host's request for the height.
pub const ASK_MESSAGE: &str = "gongkai:embed-ask";
/// The message format's version.
pub const VERSION: u32 = 1;
/// The tallest an embed may make its iframe, in CSS pixels.
pub const MAX_HEIGHT: u32 = 20_000;
/// The path prefix of embedded views.
pub const PREFIX: &str = "/embed";
/// The sandbox an embed needs: its own scripts and data (same origin), and links that open the
/// full portal in a new tab outside the sandbox. Nothing else (no forms, no top navigation).
pub const SANDBOX: &str = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox";

/// The embed's path for the view at `path` (`/funds` → `/embed/funds`, `/` → `/embed/`).
pub fn embed_path(path: &str) -> String {
    format!("{PREFIX}{}", if path.starts_with('/') { path.to_owned() } else { format!("/{path}") })
}

/// The full view's path for the embed at `path` (`/embed/funds` → `/funds`); `None` if `path` is
/// not an embed.
pub fn full_path(path: &str) -> Option<String> {
    let rest = path.strip_prefix(PREFIX)?;
    match rest {
        "" => Some("/".to_owned()),
        r if r.starts_with('/') => Some(r.to_owned()),
        _ => None,
    }
}

/// The HTML a journalist pastes: an iframe of `src` titled `title`, `height` pixels tall until
/// the embed reports its height, lazily loaded and sandboxed, and the script at `script` that
/// resizes it.
pub fn snippet(src: &str, title: &str, height: u32, script: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" style=\"border:0;width:100%;max-width:100%\" loading=\"lazy\" sandbox=\"{SANDBOX}\" data-gongkai-embed></iframe>\n<script src=\"{}\" async></script>",
        escape_xml(src),
        escape_xml(title),
        escape_xml(script)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_and_full_paths_are_inverse() {
        for path in ["/", "/funds", "/regions/130723", "/explore"] {
            assert_eq!(full_path(&embed_path(path)).as_deref(), Some(path));
        }
        assert_eq!(embed_path("/"), "/embed/");
        assert_eq!(full_path("/embed"), Some("/".to_owned()));
        assert_eq!(full_path("/embedded"), None);
        assert_eq!(full_path("/funds"), None);
    }

    #[test]
    fn the_snippet_escapes_what_it_quotes() {
        let s = snippet("https://example.org/embed/funds?a=1&chart=x", "A \"B\" <C>", 480, "https://example.org/embed.js");
        assert!(s.starts_with("<iframe src=\"https://example.org/embed/funds?a=1&amp;chart=x\" title=\"A &quot;B&quot; &lt;C&gt;\""));
        assert!(s.contains("loading=\"lazy\"") && s.contains(&format!("sandbox=\"{SANDBOX}\"")) && s.contains("height=\"480\""));
        assert!(s.ends_with("<script src=\"https://example.org/embed.js\" async></script>"));
    }
}
