//! `<meta>` tags, keyed as Readability keys them, and the entities their
//! contents are decoded from.

use std::collections::HashMap;

use crate::dom::Dom;
use crate::patterns;

/// Decodes the character references Readability decodes in metadata
/// (`&quot;` `&amp;` `&apos;` `&lt;` `&gt;` and numeric ones): many sites
/// escape their `<meta content>` twice. Invalid code points become U+FFFD;
/// anything else is left as it is.
pub fn unescape_html_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest[1..].find(';').map(|e| e + 1) else {
            break;
        };
        let body = &rest[1..end];
        let decoded = match body {
            "quot" => Some('"'),
            "amp" => Some('&'),
            "apos" => Some('\''),
            "lt" => Some('<'),
            "gt" => Some('>'),
            _ => numeric_reference(body),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `#123` or `#x1F62D` → the character (U+FFFD for 0, surrogates and
/// values past U+10FFFF); `None` when `body` is not a numeric reference.
fn numeric_reference(body: &str) -> Option<char> {
    let digits = body.strip_prefix('#')?;
    let (digits, radix) = match digits.strip_prefix(['x', 'X']) {
        Some(hex) => (hex, 16),
        None => (digits, 10),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let n = u32::from_str_radix(digits, radix).unwrap_or(u32::MAX);
    Some(char::from_u32(n).filter(|_| n != 0).unwrap_or('\u{fffd}'))
}

/// `<meta>` values as Readability's `_getArticleMetadata` keys them:
/// `property` matched against `prefix:field` (first match of the attribute),
/// else `name` matched whole; lowercased, dots made colons. A later tag
/// overrides an earlier one with the same key.
pub(super) fn readability_meta_values(dom: &Dom) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for m in dom
        .descendants(dom.document())
        .filter(|&n| dom.tag(n) == "meta")
    {
        let Some(content) = dom.attr(m, "content").filter(|c| !c.is_empty()) else {
            continue;
        };
        let content = content.trim().to_string();
        if let Some(key) = dom.attr(m, "property").and_then(property_key) {
            out.insert(key, content);
            continue;
        }
        if let Some(key) = dom.attr(m, "name").and_then(name_key) {
            out.insert(key, content);
        }
    }
    out
}

/// `og:article:author` → `article:author`; `dc:title og:title` → `dc:title`.
fn property_key(prop: &str) -> Option<String> {
    let low = prop.to_lowercase();
    for token in low.split_whitespace() {
        for (i, _) in token.match_indices(':') {
            let before = &token[..i];
            let after = &token[i + 1..];
            let prefix = patterns::META_PROPERTY_PREFIXES
                .iter()
                .filter(|p| before.ends_with(*p))
                .max_by_key(|p| p.len());
            let field = patterns::META_PROPERTY_FIELDS
                .iter()
                .find(|f| after.starts_with(*f));
            if let (Some(p), Some(f)) = (prefix, field) {
                return Some(format!("{p}:{f}"));
            }
        }
    }
    None
}

/// `DC.title` → `dc:title`; `parsely-author` → `parsely-author`; `author`.
fn name_key(name: &str) -> Option<String> {
    let key: String = name
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .replace('.', ":");
    let field_ok = |f: &str| patterns::META_NAME_FIELDS.contains(&f);
    if field_ok(&key) {
        return Some(key);
    }
    let ok = patterns::META_NAME_PREFIXES.iter().any(|p| {
        key.strip_prefix(p)
            .and_then(|r| r.strip_prefix([':', '-']))
            .is_some_and(field_ok)
    });
    ok.then_some(key)
}

/// Every `<meta>` by lowercased `property`, `name` or `itemprop` (first
/// one wins), for the fields Readability does not read (image, locale).
pub(super) fn other_meta_values(dom: &Dom) -> HashMap<String, String> {
    let mut out: HashMap<String, String> = HashMap::new();
    for m in dom
        .descendants(dom.document())
        .filter(|&n| dom.tag(n) == "meta")
    {
        let Some(content) = dom.attr(m, "content").filter(|c| !c.trim().is_empty()) else {
            continue;
        };
        for attr in ["property", "name", "itemprop"] {
            if let Some(v) = dom.attr(m, attr) {
                for key in v.split_whitespace() {
                    out.entry(key.to_lowercase().replace('.', ":"))
                        .or_insert_with(|| content.to_string());
                }
            }
        }
    }
    out
}
