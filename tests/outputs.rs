//! The opt-in outputs (`Options::text`, `Options::markdown`) and
//! `markdown_from_html`: asking for less changes nothing else, the word count
//! is the same with or without the text, and the Markdown of `content` is the
//! Markdown `extract` builds. Checked on fixtures and on every page of the
//! Readability corpus (`$QUIRE_CORPUS`, else `../shared/corpus`; skipped
//! with a note when it is missing, except under `CI=true`).

// Reads the corpus from disk: host builds only.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::PathBuf;

use quire::{extract, markdown_from_html, output, Article, Options};

const PAGE_URL: &str = "http://fakehost/test/page.html";

fn all_outputs() -> Options {
    Options {
        text: true,
        markdown: true,
        ..Options::default()
    }
}

fn lean() -> Options {
    Options {
        text: false,
        markdown: false,
        ..Options::default()
    }
}

/// What `extract` returns besides the three outputs, as one comparable value.
fn rest(a: &Article) -> Article {
    Article {
        content: String::new(),
        text: String::new(),
        markdown: String::new(),
        ..a.clone()
    }
}

/// The checks of this file on one page; a description of each failure.
fn check_page(html: &str, url: Option<&str>) -> Vec<String> {
    let mut bad = Vec::new();
    let (Ok(full), Ok(thin)) = (
        extract(html, url, &all_outputs()),
        extract(html, url, &lean()),
    ) else {
        return bad;
    };
    if thin.content != full.content {
        bad.push("content differs without text and Markdown".into());
    }
    if !thin.text.is_empty() || !thin.markdown.is_empty() {
        bad.push("text or Markdown built though not asked for".into());
    }
    if rest(&thin) != rest(&full) {
        bad.push(format!(
            "other fields differ: words {} vs {}, minutes {} vs {}",
            thin.word_count, full.word_count, thin.reading_minutes, full.reading_minutes
        ));
    }
    if full.word_count != quire::text::word_count(&full.text) {
        bad.push("word count is not the count of the text".into());
    }
    let from_content = markdown_from_html(&full.content).unwrap_or_default();
    if from_content != full.markdown {
        let at = from_content
            .char_indices()
            .zip(full.markdown.chars())
            .find(|((_, a), b)| a != b)
            .map_or(from_content.len().min(full.markdown.len()), |((i, _), _)| i);
        let near = |s: &str| {
            s.chars()
                .skip(at.saturating_sub(40))
                .take(120)
                .collect::<String>()
        };
        bad.push(format!(
            "markdown_from_html(content) differs from extract's Markdown near char {at}:\n  content: {:?}\n  extract: {:?}",
            near(&from_content),
            near(&full.markdown)
        ));
    }
    if output::sanitize_fragment(&full.content) != full.content {
        bad.push("content is not a fixed point of sanitize_fragment".into());
    }
    bad
}

#[test]
fn defaults_build_html_and_text_but_not_markdown() {
    let o = Options::default();
    assert!(o.text);
    assert!(!o.markdown);
    let parsed: Options = serde_json::from_str(r#"{"text": false, "markdown": true}"#).unwrap();
    assert_eq!(
        parsed,
        Options {
            text: false,
            markdown: true,
            ..Options::default()
        }
    );
    let json = serde_json::to_value(Options::default()).unwrap();
    assert_eq!(json["text"], true);
    assert_eq!(json["markdown"], false);
}

/// Small articles around the places where the text writer puts separators
/// (blocks, `<br>`, cells, `<pre>`, images) and where words join or split.
const FIXTURES: &[&str] = &[
    "<p>An <em>inline</em> run, <a href=/x>linked</a>.</p><ul><li>one</li><li>two</li></ul><pre>  a\n  b</pre>",
    "<p>glued<b>together</b> and<br>broken<br/>lines</p><p>don’t split well-known words — or do they?</p>",
    "<table><tr><td>cell</td><td>next</td></tr><tr><th>head</th><td>4,5</td></tr></table><p>after</p>",
    "<div>block<div>inside</div>tail</div><p>日本語のテキスト and 한국어 text</p><p>x<img src=a.png alt=skip>y</p>",
    "<pre>\ncode line\n\n  indented</pre><blockquote><p>quoted <code>x</code></p></blockquote><p>  spaced\u{a0}out  </p>",
];

#[test]
fn word_count_without_text_equals_the_count_of_the_text() {
    for (i, body) in FIXTURES.iter().enumerate() {
        let html = format!(
            "<html><head><title>Fixture {i}</title></head><body><article>{}</article></body></html>",
            body.repeat(8)
        );
        let opts = Options {
            char_threshold: 10,
            ..Options::default()
        };
        let with_text = extract(&html, None, &opts).unwrap();
        let without = extract(
            &html,
            None,
            &Options {
                text: false,
                ..opts
            },
        )
        .unwrap();
        assert!(with_text.word_count > 0, "fixture {i}");
        assert_eq!(
            without.word_count,
            quire::text::word_count(&with_text.text),
            "fixture {i}"
        );
        assert_eq!(without.reading_minutes, with_text.reading_minutes);
        assert!(without.text.is_empty());
        let problems = check_page(&html, None);
        assert!(problems.is_empty(), "fixture {i}: {problems:#?}");
    }
}

/// A page big enough (over 40,000 nodes) that the HTML and the text are
/// measured before they are written.
#[test]
fn a_big_page_is_written_the_same_way() {
    let para = "<p>Paragraph with <em>some</em> words, a <a href=/x>link</a> and more text.</p>";
    let html = format!(
        "<html><head><title>Big</title></head><body><article>{}</article></body></html>",
        para.repeat(12_000)
    );
    let problems = check_page(&html, Some(PAGE_URL));
    assert!(problems.is_empty(), "{problems:#?}");
    let a = extract(&html, Some(PAGE_URL), &Options::default()).unwrap();
    assert_eq!(a.word_count, 12_000 * 9);
    assert_eq!(
        a.content.len(),
        a.content.capacity(),
        "written at its exact size"
    );
}

#[test]
fn markdown_from_html_writes_what_extract_writes() {
    let md = markdown_from_html(
        "<h2>Head</h2><p>Some <strong>bold</strong> and <a href=\"https://e.org/\">link</a>.</p>\
         <ol><li>first</li><li>second</li></ol><blockquote><p>quoted</p></blockquote>",
    )
    .unwrap();
    assert_eq!(
        md,
        "## Head\n\nSome **bold** and [link](https://e.org/).\n\n1. first\n2. second\n\n> quoted\n"
    );
    // Unsafe links are not followed, whatever the input.
    assert_eq!(
        markdown_from_html("<p><a href=\"javascript:alert(1)\">x</a></p>").unwrap(),
        "x\n"
    );
    // Over the default limits: that limit's error, not a panic.
    assert_eq!(
        markdown_from_html(&"<div>".repeat(5_000)).map_err(|e| e.code()),
        Err("too-deep")
    );
}

#[test]
fn on_every_corpus_page_the_outputs_agree() {
    let Some(dir) = common::corpus_set_or_skip("readability-test-pages", "outputs on the corpus")
    else {
        return;
    };
    let pages: Vec<PathBuf> = common::pages_with(&dir, "source.html")
        .into_iter()
        .map(|p| p.join("source.html"))
        .collect();
    assert!(pages.len() >= 100, "only {} corpus pages", pages.len());
    let mut failures = Vec::new();
    for page in &pages {
        let html = common::read_lossy(page);
        for problem in check_page(&html, Some(PAGE_URL)) {
            failures.push(format!("{}: {problem}", page.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
