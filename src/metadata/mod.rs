//! Phase 2, metadata: title, byline, site name, date, language, direction,
//! excerpt and lead image, from JSON-LD, `<meta>` tags and the document.
//!
//! The order of sources follows Readability.js 0.6 (`_getJSONLD`,
//! `_getArticleMetadata`, `_getArticleTitle`): JSON-LD first, then the
//! Dublin Core, Open Graph, Twitter, Parse.ly and Weibo `<meta>` tags, then
//! the `<title>` with its site name cut off. On top of that, bylines are
//! cleaned to names only ([`clean_byline`]) and dates are normalised to
//! ISO 8601 ([`normalize_date`]).
//!
//! The sources have their own modules: `jsonld`, `meta` (the `<meta>` tags
//! and their entities), `title`, `byline` and `dates`.

mod byline;
mod dates;
mod jsonld;
mod meta;
mod title;

pub use byline::{byline_line, byline_text, clean_byline};
pub use dates::normalize_date;
pub use meta::unescape_html_entities;

use crate::dom::{Dom, NodeId};
use crate::link::Url;
use crate::link::{absolutize, srcset_candidates};
use crate::patterns;
use crate::text::lower;
use crate::text::normalize_ws;
use dates::{article_time, pick_published};
use jsonld::json_ld;
use meta::{other_meta_values, readability_meta_values};
use title::article_title;

/// Everything the metadata phase finds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    /// Headline without the site-name suffix.
    pub title: Option<String>,
    /// Author names, without "By".
    pub byline: Option<String>,
    /// Publication name.
    pub site_name: Option<String>,
    /// Publication time, ISO 8601 where the page gives it so.
    pub published_time: Option<String>,
    /// Page language.
    pub lang: Option<String>,
    /// `"ltr"` or `"rtl"`.
    pub dir: Option<String>,
    /// Description.
    pub excerpt: Option<String>,
    /// Absolute lead image URL.
    pub lead_image: Option<String>,
    /// The paragraphs of the JSON-LD article's `articleBody`, if it has one
    /// (the pipeline's fallback when the chosen text is short).
    pub article_body: Vec<String>,
    /// The page says it is an article: a JSON-LD `Article`-like object,
    /// or `og:type` "article".
    pub states_article: bool,
}

/// Collects the page's metadata. Runs before `prepare`, so scripts
/// (JSON-LD) and `<head>` are still there.
pub fn collect(dom: &Dom, base: Option<&Url>) -> Metadata {
    let root = dom.document();
    let values = readability_meta_values(dom);
    let others = other_meta_values(dom);
    let get = |keys: &[&str]| -> Option<String> {
        keys.iter()
            .filter_map(|k| values.get(*k))
            .map(|v| normalize_ws(&unescape_html_entities(v)))
            .find(|v| !v.is_empty())
    };
    let get_other = |keys: &[&str]| -> Option<String> {
        keys.iter()
            .filter_map(|k| others.get(*k))
            .map(|v| normalize_ws(&unescape_html_entities(v)))
            .find(|v| !v.is_empty())
    };

    let doc_title = dom
        .find_tag(root, "title")
        .map(|t| normalize_ws(&dom.text_content(t)))
        .unwrap_or_default();
    let html_title = article_title(dom, &doc_title);
    let ld = json_ld(dom, html_title.as_deref().unwrap_or(""));

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
        .or(html_title)
        .filter(|t| !t.is_empty());

    let byline = ld
        .byline
        .clone()
        .or_else(|| get(&["dc:creator", "dcterm:creator", "author", "parsely-author"]))
        .or_else(|| get(&["article:author"]).filter(|a| !looks_like_url(a)))
        .and_then(|b| clean_byline(&b));

    let site_name = ld.site_name.clone().or_else(|| get(&["og:site_name"]));
    let published = [
        ld.published.clone(),
        get(&["article:published_time", "parsely-pub-date"]),
        get_other(&["datepublished", "article:published", "pubdate"]),
    ];
    let modified = ld
        .modified
        .clone()
        .or_else(|| get_other(&["article:modified_time", "datemodified", "og:updated_time"]));
    let published_time = pick_published(&published, modified, article_time(dom));
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
        .or_else(|| {
            get_other(&[
                "og:image:secure_url",
                "og:image:url",
                "og:image",
                "twitter:image",
                "twitter:image:src",
                "image",
            ])
        })
        .map(|u| absolutize(base, &u));

    let html = dom.find_tag(root, "html");
    let body = dom.find_tag(root, "body");
    let lang = html
        .and_then(|h| dom.attr(h, "lang"))
        .map(str::to_string)
        .or_else(|| get_other(&["og:locale"]).map(|l| l.replace('_', "-")))
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty());
    let dir = [body, html]
        .into_iter()
        .flatten()
        .find_map(|n| dir_attr(dom, n))
        .or_else(|| lang.as_deref().map(dir_of_lang));

    Metadata {
        title,
        byline,
        site_name,
        published_time,
        lang,
        dir,
        excerpt,
        lead_image,
        article_body: ld.body,
        states_article: ld.found
            || get_other(&["og:type"]).is_some_and(|t| t.trim().eq_ignore_ascii_case("article")),
    }
}

/// The `dir` attribute of `node` when it is `ltr` or `rtl`.
fn dir_attr(dom: &Dom, node: NodeId) -> Option<String> {
    dom.attr(node, "dir")
        .map(|d| d.trim().to_ascii_lowercase())
        .filter(|d| d == "rtl" || d == "ltr")
}

/// The first image of the article under `root` worth showing as its lead
/// image, as an absolute URL: not a `data:` URL, and not declared smaller
/// than `LEAD_IMAGE_MIN_SIZE` pixels on a side, not hidden from
/// screen readers and not classed as an icon, formula or avatar.
/// For pages that name no lead image in their metadata.
pub fn first_image(dom: &Dom, root: NodeId, base: Option<&Url>) -> Option<String> {
    let small = |n: NodeId, attr: &str| {
        dom.attr(n, attr)
            .and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok())
            .is_some_and(|v| v < patterns::LEAD_IMAGE_MIN_SIZE)
    };
    let decorative = |n: NodeId| {
        dom.attr(n, "aria-hidden") == Some("true")
            || patterns::contains_any(&lower(&dom.class_and_id(n)), patterns::NOT_LEAD_IMAGE)
    };
    dom.descendants(root)
        .filter(|&n| {
            dom.tag(n) == "img" && !small(n, "width") && !small(n, "height") && !decorative(n)
        })
        .filter_map(|n| {
            dom.attr(n, "srcset")
                .and_then(largest_in_srcset)
                .or_else(|| dom.attr(n, "src").map(|s| s.trim().to_string()))
        })
        .find(|src| !src.is_empty() && !src.starts_with("data:"))
        .map(|src| absolutize(base, &src))
}

/// The URL of the widest (or densest) candidate of a `srcset`, parsed as
/// the HTML spec does: a URL runs to whitespace (commas may be inside it),
/// its descriptors run to the next comma.
pub fn largest_in_srcset(srcset: &str) -> Option<String> {
    let mut best: Option<(f64, &str)> = None;
    for c in srcset_candidates(srcset) {
        let size = c
            .descriptors
            .split_whitespace()
            .find_map(|d| {
                d.strip_suffix('w')
                    .or_else(|| d.strip_suffix('x'))
                    .and_then(|v| v.parse::<f64>().ok())
            })
            .unwrap_or(1.0);
        if best.is_none_or(|(b, _)| size > b) {
            best = Some((size, c.url));
        }
    }
    best.map(|(_, url)| url.to_string())
}

/// The text direction stated on `node` or its nearest ancestor
/// (Readability reads it from the article's ancestors).
pub fn dir_of_ancestors(dom: &Dom, node: NodeId) -> Option<String> {
    std::iter::once(node)
        .chain(dom.ancestors(node))
        .filter(|&n| dom.is_element(n))
        .find_map(|n| dir_attr(dom, n))
}

/// `"rtl"` for languages written right to left (Arabic, Hebrew, Persian,
/// Urdu…), `"ltr"` otherwise.
pub fn dir_of_lang(lang: &str) -> String {
    let primary = lang
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if patterns::RTL_LANGS.contains(&primary.as_str()) {
        "rtl".to_string()
    } else {
        "ltr".to_string()
    }
}

fn looks_like_url(s: &str) -> bool {
    Url::parse(s).is_some_and(|u| u.has_host()) || s.starts_with('/')
}

#[cfg(test)]
mod tests {
    use super::dates::{as_shown, same_moment, shows_date, visible_clock};
    use super::*;
    use crate::dom::Limits;
    fn meta(html: &str) -> Metadata {
        let dom = Dom::parse(html, &Limits::default()).unwrap();
        collect(&dom, Url::parse("https://example.org/x/").as_ref())
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

    #[test]
    fn later_meta_tag_wins_and_property_beats_name() {
        let m = meta(
            r#"<head><meta name="DC.title" content="Harbour notes, name form">
            <meta property="dc:title" content="Harbour notes, property form">
            <meta name="DC.creator" content="First Writer"><meta name="DC.creator" content="Second Writer">
            <meta name="article:author" content="Not read by name"></head>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Harbour notes, property form"));
        assert_eq!(m.byline.as_deref(), Some("Second Writer"));
    }

    #[test]
    fn article_author_property_unless_it_is_a_url() {
        let m = meta(r#"<meta property="og:article:author" content="Harbour Desk">"#);
        assert_eq!(m.byline.as_deref(), Some("Harbour Desk"));
        let m = meta(
            r#"<meta property="article:author" content="https://social.example/harbourdesk">"#,
        );
        assert_eq!(m.byline, None);
    }

    #[test]
    fn meta_content_entities_are_decoded_again() {
        let m = meta(
            r#"<meta property="og:title" content="Tom &amp;amp; Kit&amp;#039;s &amp;quot;boat&amp;quot;">
            <meta name="description" content="&amp;#x1F6A2; &amp;#0; &amp;#xg;">"#,
        );
        assert_eq!(m.title.as_deref(), Some("Tom & Kit's \"boat\""));
        assert_eq!(m.excerpt.as_deref(), Some("\u{1f6a2} \u{fffd} &#xg;"));
    }

    #[test]
    fn json_ld_name_or_headline_by_likeness_to_the_title() {
        let ld = |name: &str, headline: &str, title: &str| {
            meta(&format!(
                r#"<title>{title}</title><script type="application/ld+json">
                {{"@context":"https://schema.org","@type":"Article","name":"{name}","headline":"{headline}"}}</script>"#
            ))
            .title
        };
        // The headline matches the <title>, the name does not: headline.
        assert_eq!(
            ld(
                "Tide Daily",
                "Ferry returns to the island",
                "Ferry returns to the island | Tide Daily"
            )
            .as_deref(),
            Some("Ferry returns to the island")
        );
        // Neither matches: the name.
        assert_eq!(
            ld(
                "Kelp",
                "a brown seaweed of cold coasts",
                "Kelp - Shore Guide"
            )
            .as_deref(),
            Some("Kelp")
        );
    }

    #[test]
    fn title_separators_include_dashes() {
        let m =
            meta("<title>Ferry returns to the island after ten years \u{2013} The Tide</title>");
        assert_eq!(
            m.title.as_deref(),
            Some("Ferry returns to the island after ten years")
        );
        // Four words or fewer left: keep the whole <title>.
        let m = meta("<title>Tides: Ferry notes \u{2014} a harbour log</title>");
        assert_eq!(
            m.title.as_deref(),
            Some("Tides: Ferry notes \u{2014} a harbour log")
        );
    }

    #[test]
    fn direction_from_language_and_ancestors() {
        assert_eq!(dir_of_lang("he-IL"), "rtl");
        assert_eq!(dir_of_lang("fa"), "rtl");
        assert_eq!(dir_of_lang("en-GB"), "ltr");
        let dom = Dom::parse(
            r#"<html dir="ltr"><body dir="rtl"><main><p id=p>نص</p></main></body></html>"#,
            &Limits::default(),
        )
        .unwrap();
        let p = dom
            .descendants(dom.document())
            .find(|&n| dom.attr(n, "id") == Some("p"))
            .unwrap();
        assert_eq!(dir_of_ancestors(&dom, p).as_deref(), Some("rtl"));
        let m = meta(r#"<html lang="en"><body dir="rtl"></body></html>"#);
        assert_eq!(m.dir.as_deref(), Some("rtl"));
    }

    #[test]
    fn article_time_skips_menus_and_page_footers() {
        let m = meta(
            r#"<body><nav><time datetime="2025-05-05T10:00">Today</time></nav>
            <article><h1>Ferry</h1><footer>Posted <time datetime="2025-05-01T09:00:00+01:00">May 1</time></footer></article>
            <footer><time datetime="2025-05-05">5 May</time></footer></body>"#,
        );
        assert_eq!(
            m.published_time.as_deref(),
            Some("2025-05-01T09:00:00+01:00")
        );
    }

    #[test]
    fn the_date_the_article_shows_is_the_modified_one() {
        let head = r#"<head><script type="application/ld+json">{"@type":"Article",
            "datePublished":"2021-03-02T08:00:00Z","dateModified":"2022-07-19T10:45:00Z"}</script>
            <meta property="article:modified_time" content="2022-07-19T10:45:00Z"></head>"#;
        let page = |header: &str| {
            meta(&format!(
                r#"<html>{head}<body><main><article><header><h1>Kites</h1>{header}</header>
                <p>Text.</p></article></main></body></html>"#
            ))
            .published_time
        };
        // The article's header shows only the revision date: the reader sees that date.
        assert_eq!(
            page(r#"<p>Revised <time datetime="2022-07-19T10:45:00Z">19 July 2022</time></p>"#)
                .as_deref(),
            Some("2022-07-19T10:45:00Z")
        );
        // It shows the publication date first: keep it.
        assert_eq!(
            page(
                r#"<p><time datetime="2021-03-02T08:00:00Z">2 March 2021</time>, revised
                <time datetime="2022-07-19T10:45:00Z">19 July 2022</time></p>"#
            )
            .as_deref(),
            Some("2021-03-02T08:00:00Z")
        );
        // The <time> is marked up with the modified time but shows the
        // publication day: the reader sees the publication date.
        assert_eq!(
            page(r#"<time datetime="2022-07-19T10:45:00Z">2 March 2021</time>"#).as_deref(),
            Some("2021-03-02T08:00:00Z")
        );
        // A shown date that is neither: the metadata's publication date stands.
        assert_eq!(
            page(r#"<time datetime="2023-01-05">5 January 2023</time>"#).as_deref(),
            Some("2021-03-02T08:00:00Z")
        );
        // The revision date outside the article's header (a byline strip of
        // the page, a section inside the article): not the article's date line.
        let m = meta(&format!(
            r#"<html>{head}<body><div class="strip"><h1>Kites</h1>
            <span>Updated <time datetime="2022-07-19T10:45:00Z">Jul 19</time></span></div>
            <article><p>Text.</p></article></body></html>"#
        ));
        assert_eq!(m.published_time.as_deref(), Some("2021-03-02T08:00:00Z"));
        // Only meta tags tell the times, and the <time> is a bare date.
        let m = meta(
            r#"<html><head><meta property="article:published_time" content="2021-03-02T08:00:00Z">
            <meta property="article:modified_time" content="2022-07-19T10:45:00Z"></head>
            <body><article><header><p>Updated <time datetime="2022-07-19">July 19</time></p>
            </header></article></body></html>"#,
        );
        assert_eq!(m.published_time.as_deref(), Some("2022-07-19T10:45:00Z"));
        // A modified time that another published statement agrees with is a publication.
        let m = meta(
            r#"<html><head><script type="application/ld+json">{"@type":"Article",
            "datePublished":"2021-03-02T08:00:00Z","dateModified":"2022-07-19T10:45:00Z"}</script>
            <meta property="article:published_time" content="2022-07-19T10:45:00Z"></head>
            <body><article><header><time datetime="2022-07-19T10:45:00Z">July 19</time>
            </header></article></body></html>"#,
        );
        assert_eq!(m.published_time.as_deref(), Some("2021-03-02T08:00:00Z"));
    }

    #[test]
    fn lead_image_falls_back_to_the_first_real_image() {
        assert_eq!(
            largest_in_srcset("/a,b/s.jpg 80w, /a,b/m.jpg 320w,/a,b/l.jpg 800w, /x.jpg 2x")
                .as_deref(),
            Some("/a,b/l.jpg")
        );
        assert_eq!(largest_in_srcset("/one.jpg").as_deref(), Some("/one.jpg"));
        let dom = Dom::parse(
            r#"<div id=r><img src="data:image/gif;base64,R0lGOD"><img src="/icon.png" width="16"><img class="math-fallback" src="/f.svg">
            <img src="/small.jpg" srcset="/small.jpg 300w, /big.jpg 1200w"></div>"#,
            &Limits::default(),
        )
        .unwrap();
        let base = Url::parse("https://example.org/x/");
        assert_eq!(
            first_image(&dom, dom.document(), base.as_ref()).as_deref(),
            Some("https://example.org/big.jpg")
        );
    }

    #[test]
    fn json_ld_author_urls_are_not_names() {
        let m = meta(
            r#"<script type="application/ld+json">{"@type":"BlogPosting","headline":"Kelp at dawn",
            "author":[{"name":"Ann Lee"},"https://example.org/people/bo"]}</script>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn byline_from_the_page_end_to_end() {
        let para = "The harbour master said the ferry would run twice a day from May, weather allowing, and that the old pier, closed since the storm, would reopen once the surveyors had signed it off. ";
        let page = |byline: &str| {
            format!(
                "<html><head><title>Ferry returns to the island after ten years</title></head><body><article>\
                 <h1>Ferry returns to the island after ten years</h1>{byline}<p>{para}</p><p>{para}</p><p>{para}</p>\
                 </article></body></html>"
            )
        };
        let byline = |html: &str| {
            crate::extract(html, None, &crate::Options::default())
                .unwrap()
                .byline
        };
        assert_eq!(
            byline(&page(r#"<p class="byline" itemprop="author">By <span itemprop="name">Ann Lee</span> - May 2, 2024</p>"#))
                .as_deref(),
            Some("Ann Lee")
        );
        assert_eq!(
            byline(&page(r#"<form class="follow-author"><button>Follow Author</button></form><div class="author">By Bo Lin | Staff</div>"#))
                .as_deref(),
            Some("Bo Lin")
        );
        // A dateline with no name is not a byline.
        assert_eq!(
            byline(&page(
                r#"<div class="dateline">May 2, 2024 at 6:01 am</div>"#
            )),
            None
        );
    }

    #[test]
    fn odd_input_never_panics() {
        let odd = [
            "",
            " ",
            "&",
            "&#",
            "&#x;",
            "&#xFFFFFFFFFF;",
            "&amp",
            "By",
            "by:",
            "|",
            "\u{2014}",
            "2024-01-01 \u{e9}",
            "2024-01-01T00:00+\u{20ac}",
            "\u{1f600}:\u{1f600}",
            "9:",
            "12:3",
            "\u{661}\u{662}:\u{663}\u{664}",
            "By \u{0}\u{ffff}",
        ];
        let long = "a ".repeat(300);
        for s in odd.into_iter().chain([long.as_str()]) {
            let _ = clean_byline(s);
            let _ = normalize_date(s);
            let _ = unescape_html_entities(s);
            let _ = visible_clock(s);
            let _ = as_shown(s, s, s);
            let _ = same_moment(s, s);
            let _ = shows_date(s, s);
            let _ = largest_in_srcset(s);
            let _ = dir_of_lang(s);
        }
    }
}
