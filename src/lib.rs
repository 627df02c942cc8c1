//! Quire: reader-mode article extraction.
//!
//! [`extract`] turns an HTML string (and optionally its URL) into an
//! [`Article`]: headline, byline, date, lead image and a sanitised body, with
//! the clutter that news pages wrap around and inside their articles removed.
//!
//! The pipeline runs as named phases, one module each, in this order:
//! [`dom`] (parse) → [`prepare`] → [`metadata`] → [`score`] → [`choose`] →
//! [`clean`] → [`output`]. All keyword tables live in [`patterns`]. Nothing
//! here does I/O or keeps global state; the wasm boundary (`wasm` module,
//! only on `wasm32`) is a thin converter over this API.

#![forbid(unsafe_code)]

pub mod choose;
pub mod clean;
pub mod dom;
pub mod error;
#[cfg(not(target_arch = "wasm32"))]
pub mod eval;
pub mod limit;
pub mod metadata;
pub mod output;
pub mod patterns;
pub mod prepare;
pub mod score;
pub mod text;

#[cfg(target_arch = "wasm32")]
mod wasm;

use serde::{Deserialize, Serialize};

pub use dom::{Dom, Limits, NodeId};
pub use error::ExtractError;

/// What [`extract`] may do. Every field has a sensible default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Options {
    /// Bounds on input size, node count, nesting depth, attributes per tag
    /// and tree-building work.
    pub limits: Limits,
    /// Minimum article length in characters before the chooser relaxes its
    /// rules and tries again (Readability's `charThreshold`). Default 500.
    pub char_threshold: usize,
    /// How many top-scoring candidates the chooser compares. Default 5.
    pub top_candidates: usize,
    /// Remove clutter (appeals, forms, share rows, teasers…) inside the
    /// chosen article. Default true.
    pub remove_clutter: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            limits: Limits::default(),
            char_threshold: 500,
            top_candidates: 5,
            remove_clutter: true,
        }
    }
}

/// The extracted article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Article {
    /// Headline, without the site-name suffix.
    pub title: Option<String>,
    /// Author name(s), without a leading "By".
    pub byline: Option<String>,
    /// Name of the publication.
    pub site_name: Option<String>,
    /// Publication time, ISO 8601, as the page states it.
    pub published_time: Option<String>,
    /// Language of the page (`<html lang>` or metadata), e.g. `"en"`.
    pub lang: Option<String>,
    /// Text direction: `"ltr"` or `"rtl"`.
    pub dir: Option<String>,
    /// A short summary: the page's description, or the first paragraph.
    pub excerpt: Option<String>,
    /// Absolute URL of the lead image.
    pub lead_image: Option<String>,
    /// The article body as sanitised HTML (allow-listed tags and attributes).
    pub content: String,
    /// The article body as plain text, one block per paragraph.
    pub text: String,
    /// The article body as Markdown.
    pub markdown: String,
    /// Number of words in `text`.
    pub word_count: usize,
    /// Estimated reading time in whole minutes (at least 1 for any text).
    pub reading_minutes: usize,
    /// Whether the page looks like an article worth a reader view.
    pub readerable: bool,
}

/// Shared, read-only facts every phase may consult.
#[derive(Debug, Clone)]
pub struct Context {
    /// The options of this run.
    pub options: Options,
    /// Base URL for resolving relative links (`<base href>` applied).
    pub base: Option<url::Url>,
    /// The article title, once metadata has found it (used to drop a
    /// duplicate headline from the body).
    pub title: Option<String>,
}

/// Extracts the article from `html`.
///
/// `url` is the page's address; relative links and images are resolved
/// against it (and any `<base href>`).
///
/// # Errors
/// Fails with an [`ExtractError`] when the input crosses one of
/// `options.limits` (size, node count, depth, tree-building work) or has no
/// content at all.
pub fn extract(html: &str, url: Option<&str>, options: &Options) -> Result<Article, ExtractError> {
    let mut dom = Dom::parse(html, &options.limits)?;
    let base = prepare::base_url(&dom, url);
    let meta = metadata::collect(&dom, base.as_ref());
    let readerable = score::is_probably_readerable_dom(&dom);
    let mut ctx = Context {
        options: options.clone(),
        base,
        title: meta.title.clone(),
    };
    prepare::run(&mut dom, &ctx);
    ctx.title = meta.title.clone();
    let chosen = choose::run(&dom, &ctx);
    let (mut dom, root, byline_from_body) = chosen.ok_or(ExtractError::NoContent)?;
    clean::run(&mut dom, root, &ctx);
    let content = output::html(&dom, root);
    let text = output::text(&dom, root);
    let markdown = output::markdown(&dom, root);
    let word_count = text::word_count(&text);
    let reading_minutes = if word_count == 0 {
        0
    } else {
        word_count.div_ceil(patterns::WORDS_PER_MINUTE).max(1)
    };
    let excerpt = meta
        .excerpt
        .clone()
        .or_else(|| output::first_paragraph(&dom, root));
    Ok(Article {
        title: meta.title,
        byline: meta.byline.or(byline_from_body),
        site_name: meta.site_name,
        published_time: meta.published_time,
        lang: meta.lang,
        dir: meta.dir,
        excerpt,
        lead_image: meta.lead_image,
        content,
        text,
        markdown,
        word_count,
        reading_minutes,
        readerable,
    })
}

/// A quick check, without full extraction, of whether `html` looks like an
/// article worth a reader view (Readability's `isProbablyReaderable`).
/// Returns false for pages that fail to parse within the default limits.
pub fn is_probably_readerable(html: &str) -> bool {
    Dom::parse(html, &Limits::default())
        .map(|dom| score::is_probably_readerable_dom(&dom))
        .unwrap_or(false)
}
