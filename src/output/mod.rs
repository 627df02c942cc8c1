//! Phase 6, output: the article as sanitised HTML (allow-list), plain text
//! and Markdown.
//!
//! The HTML serialiser is the sanitiser: it writes only allow-listed tags and
//! attributes, drops dangerous elements with their content, unwraps unknown
//! ones, and keeps only `http`, `https` and `mailto` URLs (plus raster
//! `data:image/…` sources for images). Its output is a fixed point: parsing
//! and sanitising it again yields the same string.
//!
//! The allow-list (tags, attributes, URL schemes) is in `allow`, with its
//! independent check [`audit`] in `audit`; the HTML writer in `html`, and the
//! plain-text and Markdown writers in `text` and `markdown` (whose escaping is
//! in `md_escape`). The Markdown is bounded: line prefixes are capped, so its
//! size is linear in the input, and [`markdown_from_html`] refuses Markdown
//! over [`MARKDOWN_SIZE_FACTOR`] times its input.

mod allow;
mod audit;
mod html;
mod markdown;
mod mathml;
mod md_escape;
mod text;

pub use allow::safe_url;
pub use audit::audit;
pub use html::{html, html_with_markers, sanitize_fragment};
pub use markdown::{markdown, markdown_from_html, MARKDOWN_SIZE_FACTOR, MAX_MARKDOWN_BYTES};
pub use text::{first_paragraph, text, text_of_html, word_count};

use crate::dom::{Dom, NodeId};
use crate::patterns::is_one_of;

/// Recursion bound for the tree writers; deeper content is written as text.
const MAX_NESTING: usize = 400;

/// Elements dropped together with everything inside them.
const DROPPED_TAGS: &[&str] = &[
    "script",
    "style",
    "template",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "form",
    "input",
    "button",
    "select",
    "option",
    "optgroup",
    "textarea",
    "svg",
    "noscript",
    "noembed",
    "noframes",
    "meta",
    "link",
    "base",
    "head",
    "title",
    "audio",
    "video",
    "track",
    "canvas",
    "map",
    "area",
    "dialog",
    "portal",
    "xmp",
    "plaintext",
    "listing",
    "nav",
    "menu",
    "param",
    "slot",
];

/// Page size (nodes in the arena) from which [`html`] measures its output
/// before writing it; below it the extra pass is not worth its time (most
/// pages have a few thousand nodes; the 1 MiB synthetic article 43,000).
const PRESIZE_FROM_NODES: usize = 40_000;

/// Trims `s` in place (no copy of the text, unlike `trim().to_string()`).
fn trim_in_place(s: &mut String) {
    s.truncate(s.trim_end().len());
    let start = s.len() - s.trim_start().len();
    s.drain(..start);
}

/// True if text node `id` (below `root`) is written to the output, i.e. no
/// element between it and `root` is one the writers drop (MathML counts as
/// written, but for the parts of a formula the sanitiser drops).
pub fn is_written(dom: &Dom, id: NodeId, root: NodeId) -> bool {
    dom.ancestors(id).take_while(|&a| a != root).all(|a| {
        !dom.is_element(a)
            || !(is_one_of(dom.tag(a), DROPPED_TAGS)
                || !(dom.is_html(a) || dom.is_mathml(a))
                || mathml::classify(dom, a, true) == mathml::Math::Drop)
    })
}

/// The `<body>` of `html` parsed with the default limits, for the tests of
/// the writers.
#[cfg(test)]
fn body_of(html: &str) -> (Dom, NodeId) {
    let dom = Dom::parse(html, &crate::dom::Limits::default()).unwrap();
    let b = dom.find_tag(dom.document(), "body").unwrap();
    (dom, b)
}
