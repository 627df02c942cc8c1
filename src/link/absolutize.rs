//! Resolving the URLs an article keeps against the page's base URL.

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

/// Resolves every URL of a `srcset` list.
pub fn absolutize_srcset(base: Option<&Url>, srcset: &str) -> String {
    srcset
        .split(", ")
        .map(|cand| {
            let cand = cand.trim();
            let mut parts = cand.splitn(2, char::is_whitespace);
            let url = parts.next().unwrap_or("");
            let desc = parts.next().unwrap_or("").trim();
            let abs = absolutize(base, url);
            if desc.is_empty() {
                abs
            } else {
                format!("{abs} {desc}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}
