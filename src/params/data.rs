//! Parameters of the portal's URL that concern the whole portal rather than one page. Each is
//! read as valid, invalid (with the reason, shown to the reader before the default is used) or
//! missing.

/// Which data package to show (`?data=<url of a datapackage.json>`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataParam {
    /// No parameter: the portal's embedded default dataset.
    Default,
    /// Another publisher's package, as given (absolute, or relative to the page).
    Package(String),
    /// A value that cannot name a package: the value and a message id for why.
    Invalid { value: String, reason: &'static str },
}

/// Reads the `data` parameter's value.
pub fn data_param(value: Option<&str>) -> DataParam {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else { return DataParam::Default };
    let invalid = |reason| DataParam::Invalid { value: value.to_owned(), reason };
    // A scheme is letters, digits, + - . before the first colon, and only http(s) is fetched
    // (never javascript:, data: or file:).
    let scheme = value.split_once(':').map(|(s, _)| s).filter(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)));
    match scheme.map(str::to_ascii_lowercase).as_deref() {
        Some("http" | "https") if value.contains("://") => DataParam::Package(value.to_owned()),
        Some("http" | "https") => invalid("param-data-not-url"),
        Some(_) => invalid("param-data-scheme"),
        None if value.contains(char::is_whitespace) => invalid("param-data-not-url"),
        None => DataParam::Package(value.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_package_url_absolute_or_relative_is_used() {
        assert_eq!(data_param(None), DataParam::Default);
        assert_eq!(data_param(Some("  ")), DataParam::Default);
        assert_eq!(data_param(Some("https://stats.example.gov.cn/pkg/datapackage.json")), DataParam::Package("https://stats.example.gov.cn/pkg/datapackage.json".into()));
        assert_eq!(data_param(Some("HTTP://example.org/d.json")), DataParam::Package("HTTP://example.org/d.json".into()));
        assert_eq!(data_param(Some("/other/datapackage.json")), DataParam::Package("/other/datapackage.json".into()));
        assert_eq!(data_param(Some("other/datapackage.json?v=2")), DataParam::Package("other/datapackage.json?v=2".into()));
    }

    #[test]
    fn other_schemes_and_non_urls_are_refused_with_a_reason() {
        let reason = |v: &str| match data_param(Some(v)) {
            DataParam::Invalid { reason, .. } => reason,
            other => panic!("{v}: {other:?}"),
        };
        assert_eq!(reason("javascript:alert(1)"), "param-data-scheme");
        assert_eq!(reason("data:application/json,{}"), "param-data-scheme");
        assert_eq!(reason("file:///etc/passwd"), "param-data-scheme");
        assert_eq!(reason("https:datapackage.json"), "param-data-not-url");
        assert_eq!(reason("my data.json"), "param-data-not-url");
    }
}
