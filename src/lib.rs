//! Quire: reader-mode article extraction.
//!
//! [`extract`] turns an HTML string (and optionally its URL) into an
//! [`Article`]: headline, byline, date, lead image and a sanitised body, with
//! the clutter that news pages wrap around and inside their articles removed.
//!
//! The pipeline runs as named phases, one module each, in this order:
//! [`dom`] (parse) → `prepare` → [`metadata`] → `score` → `choose` (which
//! runs `refine` in every attempt) → `clean` → [`output`]; ARCHITECTURE.md
//! draws the layers. All keyword tables live in `patterns`. Nothing here
//! does I/O or keeps global state; the wasm boundary (`wasm` module, only
//! on `wasm32`) is a thin converter over this API.
//!
//! # The three calls
//!
//! A page you have as text:
//!
//! ```
//! use quire::{extract, Options};
//!
//! let html = "<html><head><title>Tides</title></head><body><article>\
//!     <p>The harbour master posts the tide table on the door every Monday, \
//!     and the fishermen read it before they read the news.</p></article></body></html>";
//! let article = extract(html, Some("https://example.org/harbour/tides"), &Options::default())?;
//! assert_eq!(article.title.as_deref(), Some("Tides"));
//! assert!(article.text.contains("tide table"));
//! # Ok::<(), quire::ExtractError>(())
//! ```
//!
//! A page you fetched as bytes (feature `decode`, on by default): decode it
//! as a browser would, with the charset of its `Content-Type`, and give the
//! URL it was finally served from as the base for its links:
//!
//! ```
//! # #[cfg(feature = "decode")] {
//! use quire::decode::{charset_from_content_type, decode};
//!
//! // ISO-8859-1 bytes, as the header says.
//! let bytes = b"<p>Gr\xfc\xdfe aus dem Tal, wo der Fluss im Winter zufriert.</p>";
//! let html = decode(bytes, charset_from_content_type("text/html; charset=ISO-8859-1")).text;
//! let article = quire::extract(&html, Some("https://example.org/final"), &quire::Options::default())?;
//! assert!(article.text.contains("Grüße"));
//! # }
//! # Ok::<(), quire::ExtractError>(())
//! ```
//!
//! Many pages: [`extract`] is a pure function, so pages can go to as many
//! threads as there are cores (the `quire batch` tool uses rayon), and each
//! result stays with its page:
//!
//! ```
//! use quire::{extract, Options};
//!
//! let pages = ["<p>First page, about the ferry timetable and its winter changes.</p>",
//!              "<p>Second page, about the lighthouse and its new lamp.</p>"];
//! let options = Options::default();
//! let word_counts: Vec<Option<usize>> = std::thread::scope(|s| {
//!     let handles: Vec<_> = pages
//!         .iter()
//!         .map(|html| s.spawn(|| extract(html, None, &options).map(|a| a.word_count)))
//!         .collect();
//!     handles.into_iter().map(|h| h.join().ok().and_then(Result::ok)).collect()
//! });
//! assert!(word_counts.iter().all(Option::is_some));
//! ```
//!
//! `examples/` has the three as programs (a file, a URL fetched by the
//! caller, a batch on rayon).

#![forbid(unsafe_code)]

mod choose;
mod clean;
mod clutter;
mod context;
#[cfg(feature = "decode")]
pub mod decode;
pub mod dom;
mod error;
pub mod eval;
pub mod explain;
mod limit;
pub mod link;
pub mod metadata;
pub mod output;
mod patterns;
mod pipeline;
mod prepare;
mod query;
mod refine;
mod score;
pub mod text;
mod trace;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use clutter::{ClutterKind, Removed, MARKER_ATTR};
pub use context::Options;
pub use dom::{Dom, Limits, NodeId};
pub use error::ExtractError;
pub use explain::{explain, Block, Decision, Explanation, Trace};
pub use output::markdown_from_html;
pub use pipeline::Article;

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
    let parse = || Dom::parse(html, &options.limits);
    Ok(pipeline::run_pipeline(parse, url, options, None)?.article)
}

/// A quick check, without full extraction, of whether `html` looks like an
/// article worth a reader view (Readability's `isProbablyReaderable`).
/// Returns false for pages that fail to parse within the default limits.
pub fn is_probably_readerable(html: &str) -> bool {
    Dom::parse(html, &Limits::default())
        .map(|dom| score::is_probably_readerable_dom(&dom))
        .unwrap_or(false)
}
