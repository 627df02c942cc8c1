//! JSON-LD: the facts of the first `Article`-like object of the page's
//! `application/ld+json` scripts.

use serde_json::Value;

use super::looks_like_url;
use super::meta::unescape_html_entities;
use crate::dom::Dom;
use crate::patterns;
use crate::text::normalize_ws;
use crate::text::text_similarity;

/// Facts taken from the first JSON-LD `Article`-like object.
#[derive(Debug, Default)]
pub(super) struct JsonLd {
    pub(super) title: Option<String>,
    pub(super) byline: Option<String>,
    pub(super) site_name: Option<String>,
    pub(super) published: Option<String>,
    pub(super) modified: Option<String>,
    pub(super) excerpt: Option<String>,
    pub(super) image: Option<String>,
    pub(super) body: Vec<String>,
    /// An `Article`-like object was found.
    pub(super) found: bool,
}

pub(super) fn json_ld(dom: &Dom, html_title: &str) -> JsonLd {
    let mut out = JsonLd::default();
    for s in dom
        .descendants(dom.document())
        .filter(|&n| dom.tag(n) == "script")
    {
        if !dom
            .attr(s, "type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        {
            continue;
        }
        let raw = dom.text_content(s);
        let raw = raw
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>");
        let Ok(v) = serde_json::from_str::<Value>(raw) else {
            continue;
        };
        if let Some(article) = find_article(&v, 0) {
            fill_from(article, html_title, &mut out);
            out.found = true;
            break;
        }
    }
    out
}

fn is_article(v: &Value) -> bool {
    let ok = |t: &str| patterns::JSON_LD_ARTICLE_TYPES.contains(&t);
    match v.get("@type") {
        Some(Value::String(t)) => ok(t),
        Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(ok)),
        _ => false,
    }
}

fn find_article(v: &Value, depth: usize) -> Option<&Value> {
    if depth > 4 {
        return None;
    }
    match v {
        Value::Array(items) => items.iter().find_map(|i| find_article(i, depth + 1)),
        Value::Object(map) => {
            if is_article(v) {
                return Some(v);
            }
            map.get("@graph")
                .or_else(|| map.get("mainEntity"))
                .and_then(|g| find_article(g, depth + 1))
        }
        _ => None,
    }
}

fn names_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if looks_like_url(s.trim()) => None,
        Value::String(s) => Some(normalize_ws(s)),
        Value::Object(m) => m.get("name").and_then(names_of),
        Value::Array(items) => {
            let names: Vec<String> = items
                .iter()
                .filter_map(names_of)
                .filter(|s| !s.is_empty())
                .collect();
            if names.is_empty() {
                None
            } else {
                Some(names.join(", "))
            }
        }
        _ => None,
    }
    .filter(|s| !s.is_empty())
}

fn image_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Object(m) => m
            .get("url")
            .or_else(|| m.get("contentUrl"))
            .and_then(Value::as_str)
            .map(|s| s.trim().to_string()),
        Value::Array(items) => items.iter().find_map(image_of),
        _ => None,
    }
    .filter(|s| !s.is_empty())
}

fn fill_from(a: &Value, html_title: &str, out: &mut JsonLd) {
    let s = |k: &str| {
        a.get(k)
            .and_then(Value::as_str)
            .map(|v| normalize_ws(&unescape_html_entities(v)))
            .filter(|s| !s.is_empty())
    };
    // Some sites put their own name in `name` and the headline in
    // `headline`: take the one that resembles the <title>, else `name`.
    out.title = match (s("name"), s("headline")) {
        (Some(name), Some(headline)) if name != headline => {
            let name_matches = text_similarity(&name, html_title) > 0.75;
            let headline_matches = text_similarity(&headline, html_title) > 0.75;
            if headline_matches && !name_matches {
                Some(headline)
            } else {
                Some(name)
            }
        }
        (name, headline) => name.or(headline),
    };
    out.byline = a
        .get("author")
        .and_then(names_of)
        .map(|b| unescape_html_entities(&b));
    out.site_name = a
        .get("publisher")
        .and_then(|p| p.get("name"))
        .and_then(Value::as_str)
        .map(|v| normalize_ws(&unescape_html_entities(v)))
        .filter(|v| !v.is_empty());
    out.published = s("datePublished");
    out.modified = s("dateModified");
    out.excerpt = s("description");
    out.image = a.get("image").and_then(image_of);
    out.body = a
        .get("articleBody")
        .and_then(Value::as_str)
        .map(body_paragraphs)
        .unwrap_or_default();
}

/// The paragraphs of a JSON-LD `articleBody`: its lines, or, when it is
/// HTML (it holds a closing tag), the text between its block tags, entities
/// unescaped and whitespace collapsed; empty ones left out.
fn body_paragraphs(body: &str) -> Vec<String> {
    let text = if body.contains("</") {
        let mut out = String::with_capacity(body.len());
        let mut rest = body;
        while let Some(open) = rest.find('<') {
            out.push_str(&rest[..open]);
            let Some(len) = rest[open..].find('>') else {
                out.push_str(&rest[open..]);
                rest = "";
                break;
            };
            let tag = rest[open + 1..open + len].trim_start_matches('/');
            let name: String = tag
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_ascii_lowercase();
            if patterns::BLOCK_ELEMS.contains(&name.as_str()) || name == "br" {
                out.push('\n');
            }
            rest = &rest[open + len + 1..];
        }
        out.push_str(rest);
        unescape_html_entities(&out)
    } else {
        unescape_html_entities(body)
    };
    text.lines()
        .map(normalize_ws)
        .filter(|l| !l.is_empty())
        .collect()
}
