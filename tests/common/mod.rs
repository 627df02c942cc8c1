//! What the corpus tests share: where the corpus is, and what to do when it
//! is missing.
//!
//! The corpus is `$QUIRE_CORPUS`, else `../shared/corpus` beside the crate.
//! When it (or one of its sets) is missing a test passes with a note, except
//! under `CI=true`, where a missing corpus fails the test: CI must never go
//! green by having checked nothing.
//!
//! Each test file includes this with `mod common;` and uses part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// True when the tests run in CI (`CI=true`, which `.ci/run` exports).
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// The corpus root, whether or not it exists.
pub fn corpus_root() -> PathBuf {
    std::env::var_os("QUIRE_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus")))
}

/// The corpus root when it exists. When it does not: `None` with a note on
/// stderr naming `what` was skipped, or a panic under `CI=true`.
pub fn corpus_or_skip(what: &str) -> Option<PathBuf> {
    dir_or_skip(corpus_root(), what)
}

/// One set of the corpus (`readability-test-pages`, `clutter`, `web-eval`)
/// when it exists; else `None` with a note, or a panic under `CI=true`.
pub fn corpus_set_or_skip(set: &str, what: &str) -> Option<PathBuf> {
    dir_or_skip(corpus_root().join(set), what)
}

fn dir_or_skip(dir: PathBuf, what: &str) -> Option<PathBuf> {
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        !in_ci(),
        "{what}: corpus not found at {} (CI=true; set QUIRE_CORPUS)",
        dir.display()
    );
    eprintln!(
        "note: skipping {what}: no corpus at {} (set QUIRE_CORPUS)",
        dir.display()
    );
    None
}

/// A file's bytes as text, invalid UTF-8 replaced as a browser would.
pub fn read_lossy(path: &Path) -> String {
    let bytes =
        std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The page directories of a corpus set that hold `file`, sorted by name.
pub fn pages_with(set_dir: &Path, file: &str) -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(set_dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", set_dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join(file).is_file())
        .collect();
    pages.sort();
    pages
}

/// `line` as a paragraph, as a paragraph that is one link to `href`, and as
/// a `<div>`: the shapes a stray line takes inside an article's body.
pub fn line_shapes(line: &str, href: &str) -> [String; 3] {
    [
        format!("<p>{line}</p>"),
        format!(r#"<p><a href="{href}">{line}</a></p>"#),
        format!("<div>{line}</div>"),
    ]
}

/// The story's paragraphs as `<p>` lines, with `inserts` before paragraph
/// `at` (0-based): the body of a test page with clutter in its middle.
pub fn paragraphs_with(story: &[&str], at: usize, inserts: &str) -> String {
    let mut body = String::new();
    for (i, p) in story.iter().enumerate() {
        if i == at {
            body.push_str(inserts);
        }
        body.push_str(&format!("<p>{p}</p>\n"));
    }
    body
}

/// The text `quire::extract` gives for `html` at `url` with the default
/// options, after asserting that every paragraph of `story` is in it
/// (`inserts` names what the page added, for the failure message).
pub fn text_keeping(html: &str, url: &str, story: &[&str], inserts: &str) -> String {
    let a = quire::extract(html, Some(url), &quire::Options::default()).unwrap();
    for p in story {
        assert!(
            a.text.contains(p),
            "story paragraph lost with {inserts}: {p}"
        );
    }
    a.text
}

/// A news story of our own prose on a site, into which a test inserts
/// clutter between two paragraphs.
pub struct Story {
    /// The story's paragraphs.
    pub paragraphs: &'static [&'static str],
    /// Before which paragraph (0-based) the inserts go.
    pub at: usize,
    /// The site's name (its `og:site_name`).
    pub site: &'static str,
    /// The page's title, before " | " and the site's name.
    pub title: &'static str,
    /// The article's heading.
    pub heading: &'static str,
    /// The page's address.
    pub url: &'static str,
}

impl Story {
    /// The page with `inserts` before paragraph [`Story::at`].
    pub fn page(&self, inserts: &str) -> String {
        let body = paragraphs_with(self.paragraphs, self.at, inserts);
        format!(
            r#"<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta property="og:site_name" content="{site}">
<title>{title} | {site}</title></head><body>
<main><article><h1>{heading}</h1>
<div class="story">
{body}</div></article></main></body></html>"#,
            site = self.site,
            title = self.title,
            heading = self.heading,
        )
    }

    /// The text of the page with `inserts`, after checking that the whole
    /// story is there.
    pub fn text_with(&self, inserts: &str) -> String {
        text_keeping(&self.page(inserts), self.url, self.paragraphs, inserts)
    }

    /// Asserts that `line`, in each shape of [`line_shapes`], goes.
    pub fn assert_goes(&self, line: &str) {
        for html in line_shapes(line, &format!("{}/x", self.url)) {
            let text = self.text_with(&html);
            assert!(!text.contains(line), "{html} kept: {text}");
        }
    }

    /// Asserts that `line` as a paragraph stays.
    pub fn assert_stays(&self, line: &str) {
        let text = self.text_with(&format!("<p>{line}</p>"));
        assert!(text.contains(line), "lost: {text}");
    }
}
