//! The phases in order: from a parsed page to an [`Article`].

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::choose::{self, Chosen};
use crate::clean;
use crate::clutter;
use crate::context::{self, Context, Options};
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
    /// local time the article shows when its `<time>` tells the offset. When
    /// the article's header shows the page's modified time and none of its
    /// published ones, the date shown.
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
    /// Whether the page is an article: found by the chooser (not the
    /// fallback), and either Readability's check of the page
    /// ([`crate::is_probably_readerable`]) says so or the extraction reads
    /// as one (some words and a run of prose, not a list of links).
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
    /// Words in the page's JSON-LD `articleBody` (0 without one).
    pub(crate) article_body_words: usize,
    pub(crate) dom: Dom,
    pub(crate) root: NodeId,
}

/// Every phase after parsing, in order; `trace` records decisions for
/// [`crate::explain()`]. `parse` yields the parsed page: once for the
/// pipeline, and again for each of the fallbacks below (the chooser's own
/// retries go back to a checkpoint instead); it must return the same DOM
/// every time.
///
/// Never an empty article from a page with text: when the chooser's
/// article is (nearly) empty, the clutter classifier may have taken it all
/// (a live ticker, a paywalled teaser), so it tries again keeping the
/// clutter; failing that, it takes the page's largest block of text.
pub(crate) fn run_pipeline(
    parse: impl Fn() -> Result<Dom, ExtractError>,
    url: Option<&str>,
    options: &Options,
    trace: Option<Rc<Trace>>,
) -> Result<Run, ExtractError> {
    let mark = trace.as_ref().map(|t| t.mark());
    let mut first = run_once(&parse, url, options, trace.clone(), Mode::Chooser);
    if let Ok(r) = &first {
        if prefers_article_body(r) {
            let replay = trace.clone();
            if let (Some(t), Some(m)) = (&replay, mark) {
                t.rewind(m);
            }
            let short = r.article.word_count;
            match run_once(&parse, url, options, replay, Mode::ArticleBody) {
                Ok(b) if b.article.word_count > short => first = Ok(b),
                _ => {
                    // Back to the chooser's run: its trace, rewound above,
                    // comes from running it again.
                    if let (Some(t), Some(m)) = (&trace, mark) {
                        t.rewind(m);
                        first = run_once(&parse, url, options, trace.clone(), Mode::Chooser);
                    }
                }
            }
        }
    }
    if matches!(&first, Ok(r) if r.article.word_count >= patterns::FALLBACK_MIN_WORDS)
        || matches!(&first, Err(e) if *e != ExtractError::NoContent)
    {
        return first;
    }
    let mut best = first.ok();
    for mode in [Mode::KeepClutter, Mode::LargestBlock] {
        if mode == Mode::KeepClutter && !options.remove_clutter {
            continue;
        }
        let best_words = best.as_ref().map_or(0, |r| r.article.word_count);
        if best_words >= patterns::FALLBACK_MIN_WORDS {
            break;
        }
        let replay = trace.clone();
        if let (Some(t), Some(m)) = (&replay, mark) {
            t.rewind(m);
        }
        if let Ok(r) = run_once(&parse, url, options, replay, mode) {
            if r.article.word_count > best_words {
                best = Some(r);
            }
        }
    }
    best.ok_or(ExtractError::NoContent)
}

/// Whether the chooser's run `r` is short and the page's JSON-LD
/// `articleBody` much longer (a teaser page whose full text is only in its
/// metadata): fewer than [`patterns::ARTICLE_BODY_SHORT_WORDS`] words, and
/// the body at least [`patterns::ARTICLE_BODY_MIN_RATIO`] times as many
/// (so it cannot be the text we already have).
fn prefers_article_body(r: &Run) -> bool {
    let ours = r.article.word_count;
    ours < patterns::ARTICLE_BODY_SHORT_WORDS
        && r.article_body_words >= patterns::FALLBACK_MIN_WORDS
        && r.article_body_words >= ours * patterns::ARTICLE_BODY_MIN_RATIO
}

/// What [`write_article`] needs to say whether the article is readerable.
#[derive(Debug, Clone, Copy)]
struct Readerable {
    /// Readability's check of the whole page.
    page: bool,
    /// The page's metadata says it is an article.
    stated: bool,
    /// The article is the largest-block fallback's.
    fallback: bool,
}

/// How [`run_once`] finds the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// The chooser, then the clutter classifier: the normal run.
    Chooser,
    /// The chooser, with the clutter left in.
    KeepClutter,
    /// No chooser: the paragraphs of the page's JSON-LD `articleBody`.
    ArticleBody,
    /// No chooser: the page's largest block of text, `<noscript>` and
    /// `<aside>` included, marked not readerable unless it reads as an
    /// article of [`patterns::FALLBACK_READERABLE_MIN_WORDS`] words or more.
    LargestBlock,
}

/// One run of every phase after parsing, finding the article as `mode` says.
fn run_once(
    parse: &impl Fn() -> Result<Dom, ExtractError>,
    url: Option<&str>,
    options: &Options,
    trace: Option<Rc<Trace>>,
    mode: Mode,
) -> Result<Run, ExtractError> {
    let mut dom = parse()?;
    let base = prepare::base_url(&dom, url);
    let meta = metadata::collect(&dom, base.as_ref());
    let article_body_words = meta.article_body.iter().map(|p| text::word_count(p)).sum();
    // Readability's check of the page, before anything is removed; the
    // fallback's block needs its own text to read as an article too (in
    // `write_article`).
    let page_readerable = Readerable {
        page: score::is_probably_readerable_dom(&dom),
        stated: meta.states_article,
        fallback: mode == Mode::LargestBlock,
    };
    let mut options = options.clone();
    if mode == Mode::KeepClutter {
        options.remove_clutter = false;
    }
    let ctx = Context {
        options,
        base,
        title: meta.title.clone(),
        description: meta.excerpt.clone(),
        site_name: meta.site_name.clone(),
        authors: meta
            .byline
            .as_deref()
            .map(context::byline_names)
            .unwrap_or_default(),
        trace,
    };
    if mode == Mode::LargestBlock {
        prepare::unwrap_noscripts(&mut dom);
    }
    prepare::run(&mut dom, &ctx);
    // The direction stated nearest the article (Readability reads it from
    // the top candidate's ancestors), read off the page before the chooser
    // edits it; every retry of the chooser keeps the same node ids.
    let dirs = choose::dir_table(&dom);
    let chosen = match mode {
        Mode::Chooser | Mode::KeepClutter => choose::run(dom, &ctx),
        Mode::LargestBlock | Mode::ArticleBody => {
            let root = if mode == Mode::LargestBlock {
                choose::largest_text_block(&dom, &ctx)
            } else {
                Some(choose::paragraphs(&mut dom, &meta.article_body))
            };
            root.map(|root| Chosen {
                dom,
                root,
                byline: None,
                marks: Default::default(),
            })
        }
    };
    let Chosen {
        mut dom,
        root,
        byline: byline_from_body,
        marks,
    } = chosen.ok_or(ExtractError::NoContent)?;
    if let (Some(desc), false) = (&meta.excerpt, mode == Mode::LargestBlock) {
        choose::add_lead(&mut dom, root, desc);
    }
    let article_dir = choose::article_dir(&dom, root, &dirs);
    drop(dirs);
    let shown = meta.byline.as_deref().or(byline_from_body.as_deref());
    let cleaned = if mode == Mode::KeepClutter {
        clean::run_lines(&mut dom, root, shown, &ctx)
    } else {
        clean::run(&mut dom, root, marks, shown, &ctx)
    };
    let article = write_article(
        &mut dom,
        root,
        cleaned,
        &ctx,
        meta,
        byline_from_body,
        page_readerable,
    );
    let article = Article {
        dir: article_dir.or(article.dir),
        ..article
    };
    Ok(Run {
        article,
        article_body_words,
        dom,
        root,
    })
}

/// The article from the cleaned tree under `root`: its HTML, text and
/// Markdown, counts, metadata and the removed clutter.
fn write_article(
    dom: &mut Dom,
    root: NodeId,
    cleaned: clean::Cleaned,
    ctx: &Context,
    meta: metadata::Metadata,
    byline_from_body: Option<String>,
    page_readerable: Readerable,
) -> Article {
    let options = &ctx.options;
    // The removed blocks are detached but whole: their text is read as the
    // article's is.
    let clean::Cleaned {
        swept,
        markers,
        byline: byline_from_head,
    } = cleaned;
    let placed: std::collections::HashSet<usize> = markers.values().copied().collect();
    let removed: Vec<clutter::Removed> = swept
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let text = output::text(dom, s.node);
            let node = s.node;
            let kind = s.kind;
            let mut r = clutter::removed(s, &text);
            if options.removed_blocks {
                r.label = Some(kind.label().to_string());
                r.items = clutter::item_count(dom, node, kind);
                r.html = Some(removed_html(dom, node, ctx));
                r.at = placed.contains(&i).then_some(i);
            }
            r
        })
        .collect();
    prepare::absolutize_urls(dom, root, ctx.base.as_ref());
    let content = if markers.is_empty() {
        output::html(dom, root)
    } else {
        output::html_with_markers(dom, root, &markers)
    };
    let (text, word_count) = if options.text {
        let text = output::text(dom, root);
        let count = text::word_count(&text);
        (text, count)
    } else {
        (String::new(), output::word_count(dom, root))
    };
    let markdown = if options.markdown {
        output::markdown(dom, root)
    } else {
        String::new()
    };
    let reading_minutes = if word_count == 0 {
        0
    } else {
        word_count.div_ceil(patterns::WORDS_PER_MINUTE).max(1)
    };
    // Only when the page's own check does not settle it: the test walks
    // the whole article for its link density.
    let article_like = || is_article_like(dom, root, word_count);
    let readerable = if page_readerable.fallback {
        // The fallback's block is an article when it reads as one: at
        // length, or on a page that reads as an article or says it is one
        // (a paywalled story's one open paragraph), not a shop's or a
        // ticker's scraps.
        (page_readerable.page
            || page_readerable.stated
            || word_count >= patterns::FALLBACK_READERABLE_MIN_WORDS)
            && article_like()
    } else {
        page_readerable.page || article_like()
    };
    let lead_image = meta
        .lead_image
        .clone()
        .or_else(|| metadata::first_image(dom, root, ctx.base.as_ref()))
        .filter(|u| output::safe_url("src", u));
    let excerpt = meta
        .excerpt
        .clone()
        .or_else(|| output::first_paragraph(dom, root));
    Article {
        title: meta.title,
        byline: byline_from_head.or(meta.byline).or(byline_from_body),
        site_name: meta.site_name,
        published_time: meta.published_time,
        lang: meta.lang,
        dir: meta.dir,
        excerpt,
        lead_image,
        content,
        text,
        markdown,
        word_count,
        reading_minutes,
        readerable,
        clutter: removed,
    }
}

/// Removed block `node` (detached) as sanitised HTML, itself included,
/// with its links resolved as the article's are.
fn removed_html(dom: &mut Dom, node: NodeId, ctx: &Context) -> String {
    prepare::absolutize_urls(dom, node, ctx.base.as_ref());
    let holder = dom.create_element("div");
    dom.append(holder, node);
    let html = output::html(dom, holder);
    dom.detach(node);
    html
}

/// Whether the extracted article under `root` (of `word_count` words) reads
/// as an article: at least [`patterns::READERABLE_MIN_WORDS`] words, and
/// not mostly link text (a front page, a list of links, a search page), and
/// some run of prose (not a feed or a table of short cells).
fn is_article_like(dom: &Dom, root: NodeId, word_count: usize) -> bool {
    word_count >= patterns::READERABLE_MIN_WORDS
        && crate::query::link_density(dom, root) <= patterns::READERABLE_MAX_LINK_DENSITY
        && dom.descendants(root).any(|n| {
            dom.text(n)
                .is_some_and(|t| t.trim().chars().count() >= patterns::READERABLE_MIN_RUN)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract;

    const PROSE: &str = "The ferry to the island leaves twice a day in winter, and the \
        harbour master keeps a chalk board of the tides by the ticket hut, where the \
        fishermen stop to read it before they load their nets and coffee.";

    #[test]
    fn text_only_in_noscript_comes_back_not_readerable() {
        let html = format!(
            "<html><body><div id=app></div><noscript><div><p>{PROSE}</p><p>{PROSE}</p></div>\
             </noscript></body></html>"
        );
        let a = extract(&html, None, &Options::default()).expect("article");
        assert!(a.text.contains("chalk board"), "{}", a.text);
        assert!(!a.readerable);
    }

    #[test]
    fn a_long_story_only_the_fallback_finds_is_readerable() {
        let paragraphs = format!("<p>{PROSE}</p>").repeat(7);
        let html = format!(
            "<html><body><div id=app></div><noscript><div>{paragraphs}</div></noscript></body></html>"
        );
        let a = extract(&html, None, &Options::default()).expect("article");
        assert!(
            a.word_count >= patterns::FALLBACK_READERABLE_MIN_WORDS,
            "{}",
            a.word_count
        );
        assert!(a.readerable);
        // The same story cut to two paragraphs is too short to call one.
        let html = format!(
            "<html><body><div id=app></div><noscript><div><p>{PROSE}</p><p>{PROSE}</p></div></noscript></body></html>"
        );
        assert!(
            !extract(&html, None, &Options::default())
                .expect("article")
                .readerable
        );
        // On a page that says it is an article, the two paragraphs are
        // its story (a paywalled story's open part).
        for stated in [
            r#"<meta property="og:type" content="article">"#,
            r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry"}</script>"#,
        ] {
            let html = format!(
                "<html><head>{stated}</head><body><div id=app></div><noscript><div><p>{PROSE}</p><p>{PROSE}</p></div></noscript></body></html>"
            );
            let a = extract(&html, None, &Options::default()).expect("article");
            assert!(a.readerable, "{stated}");
        }
    }

    #[test]
    fn the_fallback_block_takes_the_sibling_blocks_its_text_runs_on_in() {
        let other = "Later that spring the crews painted the hut blue, so that the \
            board could be seen from the far end of the pier, even in the rain.";
        let html = format!(
            "<html><body><div id=app></div><noscript><div><p>{PROSE}</p>\
             <div>{PROSE}<br><br>{PROSE}<p>{PROSE}</p></div>\
             <div>{other}<p>{other}</p></div></div></noscript></body></html>"
        );
        let a = extract(&html, None, &Options::default()).expect("article");
        assert!(a.text.contains("painted the hut blue"), "{}", a.text);
        assert!(a.text.contains("chalk board"), "{}", a.text);
        // Over 200 words of prose: a story, shown without the notice.
        assert!(a.readerable, "{} words", a.word_count);
    }

    #[test]
    fn text_that_the_clutter_rules_would_take_whole_is_kept() {
        // Every entry of a live ticker carries a comment class.
        let entries: String = (0..6)
            .map(|i| format!("<div class=comment><p>{i}' {PROSE}</p></div>"))
            .collect();
        let html = format!("<html><body><article>{entries}</article></body></html>");
        let a = extract(&html, None, &Options::default()).expect("article");
        assert!(a.word_count >= patterns::FALLBACK_MIN_WORDS, "{}", a.text);
    }

    #[test]
    fn readerable_follows_the_extraction() {
        let story =
            format!("<html><body><article><p>{PROSE}</p><p>{PROSE}</p></article></body></html>");
        assert!(
            extract(&story, None, &Options::default())
                .expect("article")
                .readerable
        );
        let short = "<html><body><article><p>Closed on Sunday.</p></article></body></html>";
        assert!(
            !extract(short, None, &Options::default())
                .expect("article")
                .readerable
        );
    }

    #[test]
    fn standfirst_outside_the_body_joins_when_it_is_the_description() {
        let dek = "Tide tables chalked by hand still guide the island's ferry crews";
        let body = format!("<div class=body><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>");
        let page = |desc: &str| {
            format!(
                "<html><head><meta name=description content=\"{desc}\"></head><body>\
                 <article><h1>Tides</h1><h2>{dek}.</h2>{body}</article></body></html>"
            )
        };
        let a = extract(&page(dek), None, &Options::default()).expect("article");
        assert!(a.text.starts_with(dek), "{}", a.text);
        // Without a description naming it, a subheading stays outside.
        let a = extract(&page("A page about boats"), None, &Options::default()).expect("article");
        assert!(!a.text.contains(dek), "{}", a.text);
    }

    #[test]
    fn the_description_s_paragraph_comes_out_of_an_unlikely_block_in_the_article() {
        let dek = "Tide tables chalked by hand still guide the island's ferry crews \
            through the winter crossings";
        let body = format!("<p>{PROSE}</p>").repeat(6);
        let page = |desc: &str, lead_tag: &str| {
            format!(
                "<html><head><meta name=description content=\"{desc}\"></head><body>\
                 <article><div class=\"sidebar top\"><{lead_tag}>{dek}.</{lead_tag}>\
                 <p>Share this page with a friend today</p></div>\
                 <div class=body>{body}</div></article></body></html>"
            )
        };
        let a = extract(&page(dek, "p"), None, &Options::default()).expect("article");
        assert!(a.text.starts_with(dek), "{}", a.text);
        // Only the paragraph comes out: the rest of the block goes.
        assert!(!a.text.contains("Share this page"), "{}", a.text);
        // A paragraph the description does not name goes with its block.
        let a =
            extract(&page("A page about boats", "p"), None, &Options::default()).expect("article");
        assert!(!a.text.contains("chalked by hand"), "{}", a.text);
        // A heading that says what the description says (a subtitle) comes
        // out as well, and the rest of the block still goes.
        let a = extract(&page(dek, "h2"), None, &Options::default()).expect("article");
        assert!(a.text.starts_with(dek), "{}", a.text);
        assert!(!a.text.contains("Share this page"), "{}", a.text);
    }

    #[test]
    fn the_description_after_a_kicker_of_its_own_comes_out_of_an_unlikely_block() {
        let dek = "Tide tables chalked by hand still guide the island's ferry crews \
            through the winter crossings";
        let body = format!("<p>{PROSE}</p>").repeat(6);
        let page = |lead: &str| {
            format!(
                "<html><head><meta name=description content=\"{dek}.\"></head><body>\
                 <article><div class=\"sidebar top\"><h2>{lead}.</h2>\
                 <p>Share this page with a friend today</p></div>\
                 <div class=body>{body}</div></article></body></html>"
            )
        };
        let a = extract(
            &page(&format!("ON THE WATER {dek}")),
            None,
            &Options::default(),
        )
        .expect("article");
        assert!(a.text.starts_with("ON THE WATER Tide tables"), "{}", a.text);
        // A longer run of words before it is no label: the block goes.
        let long = format!("The ferry crews of the island said on Monday that {dek}");
        let a = extract(&page(&long), None, &Options::default()).expect("article");
        assert!(!a.text.contains("chalked by hand"), "{}", a.text);
    }

    #[test]
    fn the_description_marked_up_inline_beside_a_dateline_is_the_lead() {
        let dek = "Tide tables chalked by hand still guide the island's ferry crews \
            through the winter crossings.";
        let body = format!("<p>{PROSE}</p>").repeat(6);
        let page = |prop: &str| {
            format!(
                "<html><head><meta name=description content=\"{dek}\"></head><body>\
                 <div class=top><h1>Tides</h1><p class=intro><span class=date>04.03.2021, 09:15</span> \
                 <span {prop}>{dek}</span></p></div>\
                 <div class=story>{body}</div></body></html>"
            )
        };
        let a = extract(&page("itemprop=description"), None, &Options::default()).expect("article");
        assert!(a.text.starts_with(dek), "{}", a.text);
        assert!(!a.text.contains("09:15"), "{}", a.text);
        // Near miss: the same span not marked up as the description is
        // part of a dateline paragraph, not a lead on its own.
        let a = extract(&page("class=text"), None, &Options::default()).expect("article");
        assert!(!a.text.contains("chalked by hand"), "{}", a.text);
    }

    #[test]
    fn a_description_that_runs_on_into_the_body_still_names_the_standfirst() {
        let dek = "Tide tables chalked by hand still guide the island's ferry crews \
            through the winter crossings.";
        let body = format!("<p>{PROSE}</p>").repeat(6);
        let opening: String = PROSE.chars().take(70).collect();
        let page = |desc: &str| {
            format!(
                "<html><head><meta name=description content=\"{desc}\"></head><body>\
                 <div class=top><h1>Tides</h1><p class=dek>{dek}</p></div>\
                 <div class=story>{body}</div></body></html>"
            )
        };
        let a = extract(
            &page(&format!("{dek} {opening} […]")),
            None,
            &Options::default(),
        )
        .expect("article");
        assert!(a.text.starts_with(dek), "{}", a.text);
        // Run on into words that are not the body's opening, it names nothing.
        let a = extract(
            &page(&format!("{dek} Boats leave the harbour twice a day […]")),
            None,
            &Options::default(),
        )
        .expect("article");
        assert!(!a.text.contains("chalked by hand"), "{}", a.text);
    }

    #[test]
    fn a_short_first_attempt_retries_with_the_relaxed_rules() {
        // Three paragraphs (about 600 characters) pass Readability's
        // 500-character threshold; the rest of the story sits in a block with
        // an unlikely class, which only the relaxed retry keeps.
        let rest = "The second half of the story, kept in a block whose class the \
            first attempt strips, tells how the crews learned the tides from their \
            fathers and wrote them down in a ledger that still hangs in the hut.";
        let html = format!(
            "<html><body><article><div class=story><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>\
             <div class=sidebar><p>{rest}</p><p>{rest}</p><p>{rest}</p></div>\
             </article></body></html>"
        );
        let a = extract(&html, None, &Options::default()).expect("article");
        assert!(a.text.contains("ledger"), "{}", a.text);
    }

    /// A page whose body shows a teaser of `teaser` and whose JSON-LD
    /// `articleBody` holds `body`.
    fn teaser_page(teaser: &str, body: &str) -> String {
        let ld = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "Tides",
            "articleBody": body,
        });
        format!(
            "<html><head><script type=\"application/ld+json\">{ld}</script></head><body>\
             <article><h1>Tides</h1><p>{teaser}</p><a href=/full>Read the full story</a>\
             </article></body></html>"
        )
    }

    #[test]
    fn a_teaser_gives_way_to_a_much_longer_json_ld_article_body() {
        let lines = [
            "The lock keeper opens the gates at dawn, when the river is at its calmest and the barges queue below the weir.",
            "By noon the queue has cleared, and she walks the towpath to check the moorings.",
        ];
        let body = (0..8)
            .map(|i| lines[i % 2])
            .collect::<Vec<_>>()
            .join("\n\n");
        let teaser = "The lock keeper opens the gates at dawn, when the river is at its calmest.";
        let a = extract(&teaser_page(teaser, &body), None, &Options::default()).expect("article");
        assert!(a.text.contains("towpath"), "{}", a.text);
        assert!(a.content.matches("<p>").count() >= 8, "{}", a.content);
        assert!(a.readerable);
        // HTML in the body becomes paragraphs, its tags gone.
        let html_body = format!("<p>{}</p>", [lines[0]; 6].join("</p><p>"));
        let a =
            extract(&teaser_page(teaser, &html_body), None, &Options::default()).expect("article");
        assert!(!a.text.contains("<p>"), "{}", a.text);
        assert!(a.content.matches("<p>").count() >= 6, "{}", a.content);
    }

    #[test]
    fn a_full_article_keeps_its_own_text_over_the_json_ld_body() {
        let story = format!("{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}");
        let body = "The lock keeper opens the gates at dawn, when the river is calm. ".repeat(60);
        let a = extract(&teaser_page(&story, &body), None, &Options::default()).expect("article");
        assert!(a.text.contains("chalk board"), "{}", a.text);
        assert!(!a.text.contains("lock keeper"), "{}", a.text);
    }

    #[test]
    fn a_standfirst_between_the_headline_and_the_body_joins() {
        let dek = "Tide tables chalked by hand still guide the crews of the island ferry, \
                   and the harbour master means to keep it that way";
        let body = format!("<div class=body><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>");
        let page = |headline: &str| {
            format!(
                "<html><head><title>Chalk and tides</title></head><body><article>\
                 <h1>{headline}</h1><h2>{dek}</h2><p>By Ann Lee, 3 May</p>{body}\
                 </article></body></html>"
            )
        };
        let a = extract(&page("Chalk and tides"), None, &Options::default()).expect("article");
        assert!(a.text.starts_with("Tide tables"), "{}", a.text);
        // No headline of the page's title above it: the subheading stays out.
        let a = extract(&page("Weather"), None, &Options::default()).expect("article");
        assert!(!a.text.contains("Tide tables"), "{}", a.text);
    }
}
