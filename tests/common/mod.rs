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

/// The paragraphs of `story` as `<p>` elements, with `inserts` between the
/// third and fourth: the body of a stray-line test's page.
pub fn story_body(story: &[&str], inserts: &str) -> String {
    let mut body = String::new();
    for (i, p) in story.iter().enumerate() {
        if i == 3 {
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
