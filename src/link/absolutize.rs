//! Resolving the URLs an article keeps against the page's base URL.

use super::srcset::srcset_candidates;
use super::Url;

/// Resolves `href` against `base`; returns it unchanged when it cannot be.
pub fn absolutize(base: Option<&Url>, href: &str) -> String {
    let href = href.trim();
    if href.starts_with('#') {
        return href.to_string();
    }
    match base {
        Some(b) => b
            .join(href)
            .map(|u| u.to_string())
            .unwrap_or_else(|| href.to_string()),
        None => href.to_string(),
    }
}

/// Resolves every URL of a `srcset` list (split as the HTML standard
/// splits it: commas may be inside a URL), written back as `url
/// descriptors` joined by `, `.
pub fn absolutize_srcset(base: Option<&Url>, srcset: &str) -> String {
    srcset_candidates(srcset)
        .iter()
        .map(|c| {
            let abs = absolutize(base, c.url);
            if c.descriptors.is_empty() {
                abs
            } else {
                format!("{abs} {}", c.descriptors)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}
