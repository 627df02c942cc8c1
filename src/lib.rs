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

pub use clutter::{ClutterKind, Removed};
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
