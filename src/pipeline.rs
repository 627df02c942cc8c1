//! The phases in order: from a parsed page to an [`Article`].

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::choose::{self, Chosen};
use crate::clean;
use crate::clutter;
use crate::context::{Context, Options};
use crate::dom::{Dom, NodeId};
use crate::error::ExtractError;
use crate::metadata;
use crate::output;
use crate::patterns;
use crate::prepare;
use crate::score;
use crate::text;
use crate::trace::Trace;

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
    /// (off by default); [`crate::markdown_from_html`] of `content` gives the same.
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

/// The outcome of one pipeline run: the article and the working DOM it came
/// from (for [`crate::explain()`]).
pub(crate) struct Run {
    pub(crate) article: Article,
    pub(crate) dom: Dom,
    pub(crate) root: NodeId,
}

/// Every phase after parsing, in order; `trace` records decisions for
/// [`crate::explain()`]. `parse` yields the parsed page: once for the pipeline, and
/// again for each retry of the chooser (so no copy of the page is kept for
/// the retries that most pages never need); it must return the same DOM
/// every time.
pub(crate) fn run_pipeline(
    parse: impl Fn() -> Result<Dom, ExtractError>,
    url: Option<&str>,
    options: &Options,
    trace: Option<Rc<Trace>>,
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
    let Chosen {
        mut dom,
        root,
        byline: byline_from_body,
        marks,
    } = chosen.ok_or(ExtractError::NoContent)?;
    let article_dir = choose::article_dir(&dom, root, &dirs);
    drop(dirs);
    let swept = clean::run(&mut dom, root, marks, &ctx);
    // The removed blocks are detached but whole: their text is read as the
    // article's is.
    let removed: Vec<clutter::Removed> = swept
        .into_iter()
        .map(|s| {
            let text = output::text(&dom, s.node);
            clutter::removed(s, &text)
        })
        .collect();
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
        .or_else(|| metadata::first_image(&dom, root, ctx.base.as_ref()))
        .filter(|u| output::safe_url("src", u));
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
