//! Phase 2, metadata: title, byline, site name, date, language, direction,
//! excerpt and lead image, from JSON-LD, `<meta>` tags and the document.

use std::collections::HashMap;

use serde_json::Value;

use crate::dom::{Dom, NodeId};
use crate::prepare::absolutize;
use crate::text::normalize_ws;

/// Everything the metadata phase finds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    /// Headline without the site-name suffix.
    pub title: Option<String>,
    /// Author names, without "By".
    pub byline: Option<String>,
    /// Publication name.
    pub site_name: Option<String>,
    /// Publication time as stated (ISO 8601 where the page gives it so).
    pub published_time: Option<String>,
    /// Page language.
    pub lang: Option<String>,
    /// `"ltr"` or `"rtl"`.
    pub dir: Option<String>,
    /// Description.
    pub excerpt: Option<String>,
    /// Absolute lead image URL.
    pub lead_image: Option<String>,
}

/// Facts taken from JSON-LD `Article`-like objects.
#[derive(Debug, Default)]
struct JsonLd {
    title: Option<String>,
    byline: Option<String>,
    site_name: Option<String>,
    published: Option<String>,
    excerpt: Option<String>,
    image: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "AdvertiserContentArticle",
    "NewsArticle",
    "AnalysisNewsArticle",
    "AskPublicNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "Report",
    "SatiricalArticle",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "SocialMediaPosting",
    "BlogPosting",
    "LiveBlogPosting",
    "DiscussionForumPosting",
    "TechArticle",
    "APIReference",
];

/// Collects the page's metadata. Runs before `prepare`, so scripts
/// (JSON-LD) and `<head>` are still there.
pub fn collect(dom: &Dom, base: Option<&url::Url>) -> Metadata {
    let root = dom.document();
    let meta = meta_values(dom);
    let ld = json_ld(dom);
    let get = |keys: &[&str]| -> Option<String> {
        keys.iter()
            .filter_map(|k| meta.get(*k))
            .map(|v| normalize_ws(v))
            .find(|v| !v.is_empty())
    };

    let doc_title = dom
        .find_tag(root, "title")
        .map(|t| normalize_ws(&dom.text_content(t)))
        .unwrap_or_default();

    let title = ld
        .title
        .clone()
        .or_else(|| {
            get(&[
                "dc:title",
                "dcterm:title",
                "og:title",
                "weibo:article:title",
                "weibo:webpage:title",
                "title",
                "twitter:title",
                "parsely-title",
            ])
        })
        .or_else(|| article_title(dom, &doc_title))
        .filter(|t| !t.is_empty());

    let byline = ld
        .byline
        .clone()
        .or_else(|| get(&["dc:creator", "dcterm:creator", "author", "parsely-author"]))
        .or_else(|| get(&["article:author"]).filter(|a| !looks_like_url(a)))
        .map(|b| strip_by(&b));

    let site_name = ld.site_name.clone().or_else(|| get(&["og:site_name"]));
    let published_time = ld
        .published
        .clone()
        .or_else(|| {
            get(&[
                "article:published_time",
                "parsely-pub-date",
                "pub-date",
                "date",
            ])
        })
        .or_else(|| {
            dom.descendants(root)
                .filter(|&n| dom.tag(n) == "time")
                .find_map(|n| dom.attr(n, "datetime").map(|d| d.trim().to_string()))
        });
    let excerpt = ld.excerpt.clone().or_else(|| {
        get(&[
            "dc:description",
            "dcterm:description",
            "og:description",
            "weibo:article:description",
            "weibo:webpage:description",
            "description",
            "twitter:description",
        ])
    });
    let lead_image = ld
        .image
        .clone()
        .or_else(|| get(&["og:image", "twitter:image", "image"]))
        .map(|u| absolutize(base, &u));

    let html = dom.find_tag(root, "html");
    let body = dom.find_tag(root, "body");
    let lang = html
        .and_then(|h| dom.attr(h, "lang"))
        .or_else(|| get_ref(&meta, "og:locale"))
        .map(|l| l.trim().replace('_', "-"))
        .filter(|l| !l.is_empty());
    let dir = [html, body]
        .into_iter()
        .flatten()
        .find_map(|n| dom.attr(n, "dir"))
        .map(|d| d.trim().to_ascii_lowercase())
        .filter(|d| d == "rtl" || d == "ltr")
        .or_else(|| {
            lang.as_deref().map(|l| {
                let primary = l.split('-').next().unwrap_or("").to_ascii_lowercase();
                if matches!(
                    primary.as_str(),
                    "ar" | "he" | "fa" | "ur" | "yi" | "ps" | "sd" | "ug" | "dv" | "ckb"
                ) {
                    "rtl".to_string()
                } else {
                    "ltr".to_string()
                }
            })
        });

    Metadata {
        title,
        byline,
        site_name,
        published_time,
        lang,
        dir,
        excerpt,
        lead_image,
    }
}

fn get_ref<'a>(meta: &'a HashMap<String, String>, key: &str) -> Option<&'a str> {
    meta.get(key).map(String::as_str)
}

fn looks_like_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with('/')
}

/// Removes a leading "By" (and similar) from a byline.
pub fn strip_by(s: &str) -> String {
    let t = s.trim();
    for prefix in [
        "By ", "by ", "BY ", "Von ", "von ", "Par ", "par ", "Por ", "por ", "Di ", "Door ",
    ] {
        if let Some(rest) = t.strip_prefix(prefix) {
            return rest.trim().to_string();
        }
    }
    t.to_string()
}

/// `<meta>` values keyed by lowercased property/name (Readability's rules).
fn meta_values(dom: &Dom) -> HashMap<String, String> {
    let mut out: HashMap<String, String> = HashMap::new();
    for m in dom
        .descendants(dom.document())
        .filter(|&n| dom.tag(n) == "meta")
    {
        let Some(content) = dom.attr(m, "content") else {
            continue;
        };
        if content.trim().is_empty() {
            continue;
        }
        if let Some(prop) = dom.attr(m, "property") {
            for p in prop.split_whitespace() {
                let key = p.to_ascii_lowercase();
                out.entry(key).or_insert_with(|| content.to_string());
            }
        }
        if let Some(name) = dom.attr(m, "name").or_else(|| dom.attr(m, "itemprop")) {
            let key: String = name
                .trim()
                .to_ascii_lowercase()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .replace('.', ":");
            out.entry(key).or_insert_with(|| content.to_string());
        }
    }
    out
}

fn json_ld(dom: &Dom) -> JsonLd {
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
            fill_from(article, &mut out);
            break;
        }
    }
    out
}

fn is_article(v: &Value) -> bool {
    match v.get("@type") {
        Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
        Some(Value::Array(ts)) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
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
        Value::String(s) => Some(normalize_ws(s)),
        Value::Object(m) => m.get("name").and_then(Value::as_str).map(normalize_ws),
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
            .and_then(Value::as_str)
            .map(|s| s.trim().to_string()),
        Value::Array(items) => items.iter().find_map(image_of),
        _ => None,
    }
}

fn fill_from(a: &Value, out: &mut JsonLd) {
    let s = |k: &str| {
        a.get(k)
            .and_then(Value::as_str)
            .map(normalize_ws)
            .filter(|s| !s.is_empty())
    };
    out.title = s("headline").or_else(|| s("name"));
    out.byline = a.get("author").and_then(names_of);
    out.site_name = a
        .get("publisher")
        .and_then(|p| p.get("name"))
        .and_then(Value::as_str)
        .map(normalize_ws);
    out.published = s("datePublished");
    out.excerpt = s("description");
    out.image = a.get("image").and_then(image_of);
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

const SEPARATORS: &[char] = &['|', '-', '\\', '/', '>', '»'];

/// Readability's `_getArticleTitle`: the `<title>` with site-name parts cut.
fn article_title(dom: &Dom, orig: &str) -> Option<String> {
    let orig = orig.trim();
    let mut cur = orig.to_string();
    let mut had_hierarchical = false;
    let sep_positions: Vec<usize> = orig
        .char_indices()
        .filter(|&(i, c)| {
            SEPARATORS.contains(&c)
                && orig[..i].ends_with(' ')
                && orig[i + c.len_utf8()..].starts_with(' ')
        })
        .map(|(i, _)| i)
        .collect();
    if !sep_positions.is_empty() {
        had_hierarchical = sep_positions
            .iter()
            .any(|&i| matches!(orig[i..].chars().next(), Some('\\' | '/' | '>' | '»')));
        let last = *sep_positions.last().unwrap_or(&0);
        cur = orig[..last.saturating_sub(1)].to_string();
        if word_count(&cur) < 3 {
            // Drop up to and including the first separator instead.
            if let Some(i) = orig.find(SEPARATORS) {
                cur = orig[i + 1..].to_string();
            }
        }
    } else if cur.contains(": ") {
        let matches_heading = dom
            .descendants(dom.document())
            .filter(|&n| matches!(dom.tag(n), "h1" | "h2"))
            .any(|h| dom.text_content(h).trim() == orig);
        if !matches_heading {
            let after_last = &orig[orig.rfind(':').map(|i| i + 1).unwrap_or(0)..];
            cur = after_last.to_string();
            if word_count(&cur) < 3 {
                cur = orig[orig.find(':').map(|i| i + 1).unwrap_or(0)..].to_string();
            } else if word_count(&orig[..orig.find(':').unwrap_or(0)]) > 5 {
                cur = orig.to_string();
            }
        }
    } else if cur.chars().count() > 150 || cur.chars().count() < 15 {
        let h1s: Vec<NodeId> = dom.find_all_tags(dom.document(), "h1");
        if h1s.len() == 1 {
            cur = normalize_ws(&dom.text_content(h1s[0]));
        }
    }
    let mut cur = normalize_ws(&cur);
    let wc = word_count(&cur);
    let orig_wc_without_seps = word_count(&orig.replace(SEPARATORS, ""));
    if wc <= 4 && (!had_hierarchical || wc + 1 != orig_wc_without_seps) {
        cur = orig.to_string();
    }
    if cur.is_empty() {
        None
    } else {
        Some(cur)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::Limits;

    fn meta(html: &str) -> Metadata {
        let dom = Dom::parse(html, &Limits::default()).unwrap();
        collect(
            &dom,
            url::Url::parse("https://example.org/x/").ok().as_ref(),
        )
    }

    #[test]
    fn json_ld_wins() {
        let m = meta(
            r#"<html lang=en><head><title>Ignored | Site</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
            {"@type":"NewsArticle","headline":"Ferry returns to the island","author":[{"name":"Ana Reis"},{"name":"Bo Lin"}],
            "datePublished":"2024-05-01T09:00:00Z","publisher":{"name":"The Tide"},"image":{"url":"/img/a.jpg"}}]}</script>
            </head><body></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Ferry returns to the island"));
        assert_eq!(m.byline.as_deref(), Some("Ana Reis, Bo Lin"));
        assert_eq!(m.site_name.as_deref(), Some("The Tide"));
        assert_eq!(m.published_time.as_deref(), Some("2024-05-01T09:00:00Z"));
        assert_eq!(
            m.lead_image.as_deref(),
            Some("https://example.org/img/a.jpg")
        );
        assert_eq!(m.lang.as_deref(), Some("en"));
        assert_eq!(m.dir.as_deref(), Some("ltr"));
    }

    #[test]
    fn title_tag_loses_its_site_suffix() {
        let m = meta("<title>Ferry returns to the island after ten years | The Tide</title>");
        assert_eq!(
            m.title.as_deref(),
            Some("Ferry returns to the island after ten years")
        );
    }

    #[test]
    fn meta_tags_and_rtl() {
        let m = meta(
            r#"<html lang="ar"><head><meta property="og:title" content="عنوان"><meta name="author" content="By Sam Ode"></head></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("عنوان"));
        assert_eq!(m.byline.as_deref(), Some("Sam Ode"));
        assert_eq!(m.dir.as_deref(), Some("rtl"));
    }
}
