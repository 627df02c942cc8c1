//! The Markdown writer read back with a real CommonMark parser
//! (`pulldown-cmark`, tables and strikethrough on): on every page of the
//! Readability, clutter and web-eval corpora, the Markdown of the
//! article's `content` gives back the same headings, code blocks, list
//! items, links and images, and the text of every block in order; it holds
//! no raw HTML and no link or image of a scheme the sanitiser refuses. Also:
//! prose that starts with block syntax stays prose, hostile nesting stays
//! within [`MARKDOWN_SIZE_FACTOR`] times its input, and the cap's error.
#![cfg(not(target_arch = "wasm32"))] // host-only: reads files and uses host-only dev tools

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use pulldown_cmark::{CodeBlockKind, Event, Options as CmOptions, Parser, Tag, TagEnd};
use quire::output::{safe_url, MARKDOWN_SIZE_FACTOR};
use quire::{extract, markdown_from_html, Dom, Limits, NodeId, Options};

const PAGE_URL: &str = "https://example.org/articles/page.html";

/// What a Markdown document holds, as the parser reads it.
#[derive(Default, Debug)]
struct Read {
    headings: Vec<String>,
    code_blocks: Vec<String>,
    items: usize,
    links: BTreeSet<String>,
    images: BTreeSet<String>,
    /// All text outside images, as [`block_text`] compares it.
    text: String,
    /// Raw HTML, math and other events the writer must never produce.
    raw: Vec<String>,
}

fn read_markdown(md: &str) -> Read {
    let mut r = Read::default();
    let opts = CmOptions::ENABLE_TABLES | CmOptions::ENABLE_STRIKETHROUGH;
    let (mut heading, mut code, mut in_image) = (None::<String>, None::<String>, 0usize);
    for ev in Parser::new_ext(md, opts) {
        match ev {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => r
                .headings
                .push(squeeze(&heading.take().unwrap_or_default())),
            Event::Start(Tag::CodeBlock(kind)) => {
                if let CodeBlockKind::Indented = kind {
                    r.raw.push("indented code block".into());
                }
                code = Some(String::new());
            }
            Event::End(TagEnd::CodeBlock) => r
                .code_blocks
                .push(code.take().unwrap_or_default().trim_end().to_string()),
            Event::Start(Tag::Item) => r.items += 1,
            Event::Start(Tag::Link { dest_url, .. }) => {
                r.links.insert(dest_url.to_string());
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                r.images.insert(dest_url.to_string());
                in_image += 1;
            }
            Event::End(TagEnd::Image) => in_image -= 1,
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = code.as_mut() {
                    c.push_str(&t);
                    r.text.push_str(&block_text(&t));
                    continue;
                }
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
                if in_image == 0 {
                    r.text.push_str(&block_text(&t));
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => r.raw.push(h.to_string()),
            Event::InlineMath(m) | Event::DisplayMath(m) => r.raw.push(m.to_string()),
            Event::FootnoteReference(f) => r.raw.push(f.to_string()),
            Event::Start(Tag::HtmlBlock) => r.raw.push("html block".into()),
            _ => {}
        }
    }
    r
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Block text as compared: whitespace and `*` removed. Emphasis that
/// CommonMark's flanking rules refuse stays as literal asterisks (two pages
/// of the corpus: a closing mark after punctuation right before a letter);
/// the words around it must still come back.
fn block_text(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '*')
        .collect()
}

/// A URL as the writer puts it in a link destination and the parser gives
/// it back.
fn as_destination(url: &str) -> String {
    url.chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .map(|c| match c {
            '<' => "%3C".to_string(),
            '>' => "%3E".to_string(),
            '`' => "%60".to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// What the article HTML says the Markdown must give back.
#[derive(Default, Debug)]
struct Expected {
    headings: Vec<String>,
    code_blocks: Vec<String>,
    items: usize,
    links: BTreeSet<String>,
    images: BTreeSet<String>,
    /// The text of each paragraph, list item and table cell, in order,
    /// as [`block_text`] compares it.
    blocks: Vec<String>,
}

/// Whether `id` sits where the writer keeps only text (a link label, a
/// heading, a table, code) or where nothing is written.
fn text_only(dom: &Dom, id: NodeId) -> bool {
    dom.ancestors(id).any(|a| match dom.tag(a) {
        "a" => is_link(dom, a),
        t => matches!(
            t,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "table" | "pre" | "code"
        ),
    })
}

/// Whether `<a>` `id` is written as a link: a safe href that is not a
/// fragment, and some text.
fn is_link(dom: &Dom, id: NodeId) -> bool {
    let href = dom.attr(id, "href").map(str::trim).unwrap_or("");
    !href.is_empty()
        && !href.starts_with('#')
        && safe_url("href", href)
        && !norm(&dom.text_content(id)).is_empty()
}

fn expected(content: &str) -> Expected {
    let dom = Dom::parse(content, &Limits::default()).expect("content parses");
    let mut e = Expected::default();
    for id in dom.descendants(dom.document()) {
        if !dom.is_element(id) || text_only(&dom, id) {
            continue;
        }
        let tag = dom.tag(id);
        match tag {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                e.headings.push(squeeze(&dom.text_content(id)));
            }
            "pre" => {
                let code = dom.text_content(id);
                let code = code.strip_prefix('\n').unwrap_or(&code).trim_end();
                e.code_blocks.push(code.to_string());
            }
            "ul" | "ol" => {
                e.items += dom
                    .element_children(id)
                    .filter(|&c| !matches!(dom.tag(c), "ul" | "ol"))
                    .count();
            }
            "a" if is_link(&dom, id) => {
                let href = dom.attr(id, "href").map_or("", str::trim);
                e.links.insert(as_destination(href));
            }
            "img" => {
                let src = dom.attr(id, "src").map(str::trim).unwrap_or("");
                if !src.is_empty() && !src.starts_with("data:") && safe_url("src", src) {
                    e.images.insert(as_destination(src));
                }
            }
            "p" | "li" | "td" | "th" => {
                let t = block_text(&dom.text_content(id));
                if !t.is_empty() {
                    e.blocks.push(t);
                }
            }
            _ => {}
        }
    }
    e
}

/// The ways the Markdown of `content` differs from what it must hold.
fn round_trip_problems(content: &str) -> Vec<String> {
    let md = match markdown_from_html(content) {
        Ok(md) => md,
        Err(e) => return vec![format!("no Markdown: {e}")],
    };
    let got = read_markdown(&md);
    let want = expected(content);
    let mut bad = Vec::new();
    if !got.raw.is_empty() {
        bad.push(format!("raw HTML or other syntax: {:?}", got.raw));
    }
    for url in got.links.iter().chain(&got.images) {
        if !safe_url("href", url) || url.trim_start().to_ascii_lowercase().starts_with("data:") {
            bad.push(format!("disallowed URL {url:?}"));
        }
    }
    if got.headings != want.headings {
        bad.push(format!(
            "headings: got {:?}, want {:?}",
            got.headings, want.headings
        ));
    }
    if got.code_blocks != want.code_blocks {
        bad.push(format!(
            "code blocks differ: got {}, want {}",
            got.code_blocks.len(),
            want.code_blocks.len()
        ));
    }
    if got.items != want.items {
        bad.push(format!(
            "list items: got {}, want {}",
            got.items, want.items
        ));
    }
    if got.links != want.links {
        let missing: Vec<_> = want.links.difference(&got.links).collect();
        let extra: Vec<_> = got.links.difference(&want.links).collect();
        bad.push(format!("links: missing {missing:?}, extra {extra:?}"));
    }
    if got.images != want.images {
        bad.push(format!(
            "images: got {:?}, want {:?}",
            got.images, want.images
        ));
    }
    // Every block's text comes back, in order.
    let mut at = 0;
    for b in &want.blocks {
        match got.text[at..].find(b.as_str()) {
            Some(i) => at += i,
            None => {
                // Where it stops matching, for the message.
                let chars: Vec<char> = b.chars().collect();
                let mut n = 0;
                while n < chars.len()
                    && got.text[at..].contains(&chars[..=n].iter().collect::<String>())
                {
                    n += 1;
                }
                let head: String = chars[..n].iter().collect();
                let there = got.text[at..]
                    .find(&head)
                    .map_or(at, |i| at + i + head.len());
                bad.push(format!(
                    "block text not found (in order): {:?}; after {:?} the HTML has {:?}, the Markdown {:?}",
                    chars.iter().take(40).collect::<String>(),
                    chars[n.saturating_sub(20)..n].iter().collect::<String>(),
                    chars[n..].iter().take(30).collect::<String>(),
                    got.text[there..].chars().take(30).collect::<String>()
                ));
                break;
            }
        }
    }
    bad
}

fn corpus_contents() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let sets = [
        ("readability-test-pages", "source.html"),
        ("clutter", "page.html"),
        ("web-eval", "page.html"),
    ];
    for (set, file) in sets {
        let Some(dir) = common::corpus_set_or_skip(set, "Markdown round trip") else {
            continue;
        };
        let pages: Vec<PathBuf> = common::pages_with(&dir, file);
        assert!(!pages.is_empty(), "no pages in {set}");
        for page in pages {
            let html = common::read_lossy(&page.join(file));
            if let Ok(a) = extract(&html, Some(PAGE_URL), &Options::default()) {
                out.push((page.display().to_string(), a.content));
            }
        }
    }
    out
}

#[test]
fn every_corpus_article_round_trips_through_commonmark() {
    let pages = corpus_contents();
    let mut failures = Vec::new();
    for (name, content) in &pages {
        for p in round_trip_problems(content) {
            failures.push(format!("{name}: {p}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn prose_that_looks_like_syntax_stays_prose() {
    let lines = [
        "# not a heading",
        "## nor this",
        "> not a quote",
        "- not a list",
        "+ not a list",
        "* not a list",
        "1. not a list",
        "7) not a list",
        "=== not an underline",
        "--- not a rule",
        "``` not a fence",
        "~~~ not a fence",
        "| not | a table |",
        "&lt;script&gt;alert(1)&lt;/script&gt; not HTML",
        "&lt;!-- not a comment --&gt;",
        "&lt;b&gt; not an entity",
        "[not](javascript:alert(1)) a link",
        "    not indented code",
    ];
    for line in lines {
        // As a paragraph, after a hard line break, inside a list item and a
        // quote, and as a table cell.
        for html in [
            format!("<p>{line}</p>"),
            format!("<p>before<br>{line}</p>"),
            format!("<p>before</p><p>{line}</p>"),
            format!("<ul><li>{line}</li></ul>"),
            format!("<ol><li><p>{line}</p></li></ol>"),
            format!("<blockquote><p>{line}</p></blockquote>"),
            format!("<table><tr><th>{line}</th></tr><tr><td>{line}</td></tr></table>"),
        ] {
            let problems = round_trip_problems(&html);
            assert!(problems.is_empty(), "{html}: {problems:?}");
            let md = markdown_from_html(&html).unwrap();
            let r = read_markdown(&md);
            assert!(r.headings.is_empty(), "{html} gave a heading:\n{md}");
            assert!(r.links.is_empty(), "{html} gave a link:\n{md}");
        }
    }
}

#[test]
fn hostile_code_and_links_keep_their_shape() {
    for html in [
        "<pre class=\"language-x`y\">```\n~~~\n````\n</pre><p>after</p>",
        "<pre><code class=\"language-rust\">fn main() {}\n```\n</code></pre>",
        "<p>a <code>x`` y</code> and <code>`tick</code> and <code>two\n\n# lines</code></p>",
        "<p><a href=\"https://e.org/a b(c)\">spaced</a> <a href=\"https://e.org/x)<y>\">paren</a></p>",
        "<p><a href=\"https://e.org/?a=1&amp;lt;b\">entity</a></p>",
        "<p><img src=\"https://e.org/i.png\" alt=\"](javascript:x) <b>\"></p>",
        "<table><tr><td>a|b\nc</td><td>`code`</td></tr></table>",
        "<h2>C# and F#</h2><h3>ends with #</h3>",
        "<ul><li><pre>x\n```\ny</pre></li></ul>",
    ] {
        let problems = round_trip_problems(html);
        assert!(
            problems.is_empty(),
            "{html}:\n{}\n{problems:?}",
            markdown_from_html(html).unwrap()
        );
    }
    // A language name outside the safe set is dropped.
    let md = markdown_from_html("<pre class=\"language-x`y\">z</pre>").unwrap();
    assert_eq!(md, "```\nz\n```\n");
}

/// Markdown within its bound (or the cap's error) on nesting that used to
/// multiply it: the prefix of every line is bounded.
#[test]
fn nesting_cannot_multiply_the_markdown() {
    let long_pre = |n: usize| format!("<pre>{}</pre>", "some code on a line\n".repeat(n));
    let cases = [
        format!("{}{}", "<blockquote>".repeat(200), long_pre(20_000)),
        format!("{}{}", "<ul><li>".repeat(120), long_pre(20_000)),
        format!(
            "{}{}",
            "<blockquote><ol start=999999999><li>".repeat(100),
            "<p>x</p>".repeat(5_000)
        ),
        format!(
            "{}<p>{}</p>",
            "<blockquote>".repeat(200),
            "x<br>".repeat(50_000)
        ),
    ];
    for html in &cases {
        match markdown_from_html(html) {
            Ok(md) => assert!(
                md.len() <= MARKDOWN_SIZE_FACTOR * html.len(),
                "{} bytes of Markdown from {} of HTML",
                md.len(),
                html.len()
            ),
            Err(e) => assert_eq!(e.code(), "markdown-too-long"),
        }
    }
    // Realistic code in quotes is written whole, not refused.
    let quoted = format!("{}{}", "<blockquote>".repeat(200), long_pre(20_000));
    let md = markdown_from_html(&quoted).expect("within the bound");
    assert!(md.len() < 2 * quoted.len(), "{}", md.len());
    // Very short lines deep in quotes pass the bound: the clear error.
    let tiny = format!(
        "{}<pre>{}</pre>",
        "<blockquote>".repeat(200),
        "x\n".repeat(50_000)
    );
    let e = markdown_from_html(&tiny).unwrap_err();
    assert_eq!(e.code(), "markdown-too-long");
    assert_eq!(
        e.to_string(),
        "This article is too long to copy as Markdown."
    );
}

#[test]
fn unsafe_lead_images_are_dropped() {
    let page = |img: &str| {
        format!(
            "<html><head><meta property=\"og:image\" content=\"{img}\"></head><body><article>{}</article></body></html>",
            "<p>The committee met on Tuesday to discuss the proposal at some length, and it agreed to publish the report next spring.</p>".repeat(6)
        )
    };
    for bad in [
        "javascript:alert(1)",
        "data:image/svg+xml,<svg onload=alert(1)>",
        "data:text/html,x",
        "vbscript:x",
    ] {
        let a = extract(&page(bad), Some(PAGE_URL), &Options::default()).unwrap();
        assert_eq!(a.lead_image, None, "{bad}");
    }
    for good in ["https://example.org/lead.jpg", "data:image/png;base64,AAAA"] {
        let a = extract(&page(good), Some(PAGE_URL), &Options::default()).unwrap();
        assert_eq!(a.lead_image.as_deref(), Some(good));
    }
}

/// The fuzz seed corpus (`fuzz/seeds/`) passes the oracles of the fuzz
/// targets: extracted content passes the allow-list audit, and the
/// Markdown of every seed holds no raw HTML or refused URL.
#[test]
fn fuzz_seeds_pass_the_fuzz_oracles() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    let mut seen = 0;
    for target in ["extract", "markdown"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(target))
            .expect("fuzz/seeds holds a directory per target")
            .map(|e| e.expect("entry").path())
            .collect();
        files.sort();
        for f in files {
            let html = common::read_lossy(&f);
            seen += 1;
            if let Ok(a) = extract(&html, Some(PAGE_URL), &Options::default()) {
                let audit = quire::output::audit(&a.content);
                assert!(audit.is_empty(), "{}: {audit:?}", f.display());
            }
            let md = markdown_from_html(&html).expect("a seed's Markdown");
            let r = read_markdown(&md);
            assert!(r.raw.is_empty(), "{}: {:?}", f.display(), r.raw);
            for url in r.links.iter().chain(&r.images) {
                assert!(safe_url("href", url), "{}: {url}", f.display());
            }
        }
    }
    assert!(seen >= 8, "only {seen} seeds");
}

/// Emphasis side by side, nested in itself, or with spaces at its ends
/// comes back as emphasis around the same words.
#[test]
fn emphasis_runs_stay_emphasis() {
    for (html, want) in [
        ("<p><em>one</em><em>two</em></p>", "*onetwo*\n"),
        ("<p><em>a <i>b</i></em></p>", "*a b*\n"),
        ("<p>de<em> la suite</em> et</p>", "de *la suite* et\n"),
        ("<p><strong>bold </strong>after</p>", "**bold** after\n"),
        ("<p>word<em>.</em></p>", "word.\n"),
    ] {
        assert_eq!(markdown_from_html(html).unwrap(), want, "{html}");
    }
}

/// A quote that opens a list item starts on the marker's line.
#[test]
fn a_quote_in_a_list_item_is_a_quote() {
    let md =
        markdown_from_html("<ul><li><blockquote><p>said</p><p>twice</p></blockquote></li></ul>")
            .unwrap();
    assert_eq!(md, "- > said\n  >\n  > twice\n");
}

/// `extract`'s own Markdown (`Options::markdown`) has the same bound as
/// `markdown_from_html` of its content: empty where that is refused.
#[test]
fn extracts_markdown_has_the_same_bound() {
    let prose = "<p>The committee met on Tuesday to discuss the proposal at some length, and it agreed to publish the report next spring.</p>".repeat(6);
    let opts = Options {
        markdown: true,
        ..Options::default()
    };
    let tiny_lines = format!(
        "<article>{prose}{}<pre>{}</pre></article>",
        "<blockquote>".repeat(200),
        "x\n".repeat(50_000)
    );
    let a = extract(&tiny_lines, Some(PAGE_URL), &opts).unwrap();
    assert_eq!(a.markdown, "");
    assert_eq!(
        markdown_from_html(&a.content).map_err(|e| e.code()),
        Err("markdown-too-long")
    );
    let fine = format!("<article>{prose}</article>");
    let a = extract(&fine, Some(PAGE_URL), &opts).unwrap();
    assert!(!a.markdown.is_empty());
    assert_eq!(markdown_from_html(&a.content).unwrap(), a.markdown);
}
