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
pub mod clutter;
pub mod dom;
pub mod error;
pub mod eval;
pub mod explain;
pub mod limit;
pub mod link;
pub mod metadata;
pub mod output;
pub mod patterns;
pub mod prepare;
pub mod score;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

use serde::{Deserialize, Serialize};

pub use dom::{Dom, Limits, NodeId};
pub use error::ExtractError;
pub use explain::{explain, Block, Decision, Explanation, Trace};
pub use output::markdown_from_html;

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
    /// Build [`Article::text`], the article as plain text. Default true.
    /// The word count and reading time are right either way.
    pub text: bool,
    /// Build [`Article::markdown`]. Default false: a reader view needs only
    /// `content`, and [`markdown_from_html`] turns that into the same
    /// Markdown later, when it is asked for.
    pub markdown: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            limits: Limits::default(),
            char_threshold: 500,
            top_candidates: 5,
            remove_clutter: true,
            text: true,
            markdown: false,
        }
    }
}

/// The extracted article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Article {
    /// Headline, without the site-name suffix.
    pub title: Option<String>,
    /// Author name(s) only: no leading "By" (or "Von", "Par"…), no date,
    /// role or affiliation after them. From metadata first, else the page.
    pub byline: Option<String>,
    /// Name of the publication.
    pub site_name: Option<String>,
    /// Publication time, ISO 8601 where the page offers it (JSON-LD
    /// `datePublished`, `article:published_time`, `<time datetime>`), in the
    /// local time the article shows when its `<time>` tells the offset.
    pub published_time: Option<String>,
    /// Language of the page as `<html lang>` states it (else `og:locale`),
    /// e.g. `"en"`, `"en-GB"`.
    pub lang: Option<String>,
    /// Text direction, `"ltr"` or `"rtl"`: the `dir` nearest the article
    /// (itself or an ancestor, up to `<html>`), else from the language.
    pub dir: Option<String>,
    /// A short summary: the page's description, or the first paragraph.
    pub excerpt: Option<String>,
    /// Absolute URL of the lead image: the page's `og:image` (or JSON-LD,
    /// Twitter card), else the article's first real image.
    pub lead_image: Option<String>,
    /// The article body as sanitised HTML (allow-listed tags and attributes).
    pub content: String,
    /// The article body as plain text, one block per paragraph. Empty
    /// unless [`Options::text`] (on by default).
    pub text: String,
    /// The article body as Markdown. Empty unless [`Options::markdown`]
    /// (off by default); [`markdown_from_html`] of `content` gives the same.
    pub markdown: String,
    /// Number of words in the plain text (counted whether or not `text` was
    /// asked for).
    pub word_count: usize,
    /// Estimated reading time in whole minutes (at least 1 for any text).
    pub reading_minutes: usize,
    /// Whether the page looks like an article worth a reader view.
    pub readerable: bool,
    /// The clutter blocks removed from inside the article, in document
    /// order, each with its kind and the signals behind the decision.
    #[serde(default)]
    pub clutter: Vec<clutter::Removed>,
}

/// Shared, read-only facts every phase may consult.
#[derive(Debug, Clone)]
pub struct Context {
    /// The options of this run.
    pub options: Options,
    /// Base URL for resolving relative links (`<base href>` applied).
    pub base: Option<crate::link::Url>,
    /// The article title, once metadata has found it (used to drop a
    /// duplicate headline from the body).
    pub title: Option<String>,
    /// Where phases record their decisions when [`explain()`] runs.
    pub trace: Option<std::rc::Rc<Trace>>,
    /// The clutter verdicts of the clean phase's first pass, for its last
    /// ([`clutter::mark`], then [`clutter::sweep`]).
    pub verdicts: std::cell::RefCell<clutter::Verdicts>,
}

impl Context {
    /// A context with these options and no base URL, title or trace.
    pub fn new(options: Options) -> Self {
        Context {
            options,
            base: None,
            title: None,
            trace: None,
            verdicts: Default::default(),
        }
    }

    /// Records that `node` was removed by structural rule `reason`.
    pub fn dropped(&self, node: NodeId, reason: &str) {
        if let Some(t) = &self.trace {
            t.note(
                node,
                Decision::Dropped {
                    reason: reason.to_string(),
                },
            );
        }
    }

    /// Records that `node` was removed as clutter of `kind`.
    pub fn clutter(&self, node: NodeId, kind: &str, signals: &[&str]) {
        if let Some(t) = &self.trace {
            t.note(
                node,
                Decision::Clutter {
                    kind: kind.to_string(),
                    signals: signals.iter().map(|s| s.to_string()).collect(),
                },
            );
        }
    }
}

/// The outcome of one pipeline run: the article and the working DOM it came
/// from (for [`explain`]).
pub(crate) struct Run {
    pub(crate) article: Article,
    pub(crate) dom: Dom,
    pub(crate) root: NodeId,
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
    let parse = || Dom::parse(html, &options.limits);
    Ok(run_pipeline(parse, url, options, None)?.article)
}

/// Every phase after parsing, in order; `trace` records decisions for
/// [`explain`]. `parse` yields the parsed page: once for the pipeline, and
/// again for each retry of the chooser (so no copy of the page is kept for
/// the retries that most pages never need); it must return the same DOM
/// every time.
pub(crate) fn run_pipeline(
    parse: impl Fn() -> Result<Dom, ExtractError>,
    url: Option<&str>,
    options: &Options,
    trace: Option<std::rc::Rc<Trace>>,
) -> Result<Run, ExtractError> {
    let mut dom = parse()?;
    let base = prepare::base_url(&dom, url);
    let meta = metadata::collect(&dom, base.as_ref());
    let readerable = score::is_probably_readerable_dom(&dom);
    let ctx = Context {
        options: options.clone(),
        base,
        title: meta.title.clone(),
        trace,
        verdicts: Default::default(),
    };
    prepare::run(&mut dom, &ctx);
    // The direction stated nearest the article (Readability reads it from
    // the top candidate's ancestors), read off the page before the chooser
    // edits it; every retry's DOM has the same node ids.
    let dirs = choose::dir_table(&dom);
    // When the whole page has less text than the chooser asks for, every
    // attempt falls short and all four run: a copy of the prepared page
    // (a few per cent of parsing it) serves the retries instead of parsing
    // and preparing it three more times. Otherwise retries are the
    // exception, and a copy kept for them would cost every page.
    let spare = (dom.text_len(dom.document()) < options.char_threshold).then(|| dom.clone());
    let chosen = choose::run(dom, &ctx, || {
        if let Some(spare) = &spare {
            return Some(spare.clone());
        }
        let mut fresh = parse().ok()?;
        prepare::run(&mut fresh, &ctx);
        Some(fresh)
    });
    drop(spare);
    let (mut dom, root, byline_from_body) = chosen.ok_or(ExtractError::NoContent)?;
    let article_dir = choose::article_dir(&dom, root, &dirs);
    drop(dirs);
    let removed = clean::run(&mut dom, root, &ctx);
    prepare::absolutize_urls(&mut dom, root, ctx.base.as_ref());
    let content = output::html(&dom, root);
    let (text, word_count) = if options.text {
        let text = output::text(&dom, root);
        let count = text::word_count(&text);
        (text, count)
    } else {
        (String::new(), output::word_count(&dom, root))
    };
    let markdown = if options.markdown {
        output::markdown(&dom, root)
    } else {
        String::new()
    };
    let reading_minutes = if word_count == 0 {
        0
    } else {
        word_count.div_ceil(patterns::WORDS_PER_MINUTE).max(1)
    };
    let lead_image = meta
        .lead_image
        .clone()
        .or_else(|| metadata::first_image(&dom, root, ctx.base.as_ref()));
    let excerpt = meta
        .excerpt
        .clone()
        .or_else(|| output::first_paragraph(&dom, root));
    let article = Article {
        title: meta.title,
        byline: meta.byline.or(byline_from_body),
        site_name: meta.site_name,
        published_time: meta.published_time,
        lang: meta.lang,
        dir: article_dir.or(meta.dir),
        excerpt,
        lead_image,
        content,
        text,
        markdown,
        word_count,
        reading_minutes,
        readerable,
        clutter: removed,
    };
    Ok(Run { article, dom, root })
}

/// A quick check, without full extraction, of whether `html` looks like an
/// article worth a reader view (Readability's `isProbablyReaderable`).
/// Returns false for pages that fail to parse within the default limits.
pub fn is_probably_readerable(html: &str) -> bool {
    Dom::parse(html, &Limits::default())
        .map(|dom| score::is_probably_readerable_dom(&dom))
        .unwrap_or(false)
}
