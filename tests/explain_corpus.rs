//! `explain` and `extract` agree on every corpus page: the text nodes that
//! `explain` reports as kept, in page order, carry exactly the characters of
//! `extract`'s text (whitespace aside).
#![cfg(not(target_arch = "wasm32"))] // host-only: reads files or uses host-only dev tools

use std::path::PathBuf;

use quire::{explain, extract, Options};

fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("QUIRE_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus")));
    if dir.is_dir() {
        Some(dir)
    } else if std::env::var("CI").as_deref() == Ok("true") {
        panic!("corpus missing at {} (CI=true)", dir.display());
    } else {
        eprintln!("skipping: no corpus at {}", dir.display());
        None
    }
}

#[test]
fn explain_and_extract_agree_on_every_corpus_page() {
    let Some(root) = corpus() else { return };
    let mut pages = Vec::new();
    for (set, file) in [
        ("readability-test-pages", "source.html"),
        ("clutter", "page.html"),
    ] {
        for entry in std::fs::read_dir(root.join(set)).unwrap().flatten() {
            let path = entry.path().join(file);
            if path.is_file() {
                pages.push(path);
            }
        }
    }
    assert!(pages.len() > 100, "only {} pages", pages.len());
    let mut disagreements = Vec::new();
    for path in pages {
        let bytes = std::fs::read(&path).unwrap();
        let html = String::from_utf8_lossy(&bytes);
        let url = Some("http://fakehost/test/page.html");
        let Ok(article) = extract(&html, url, &Options::default()) else {
            continue;
        };
        let ex = explain(&html, url, &Options::default()).unwrap();
        assert_eq!(
            ex.article,
            article,
            "{}: explain's article differs",
            path.display()
        );
        let squeezed: String = article
            .text
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if ex.kept_text != squeezed {
            let at = ex
                .kept_text
                .chars()
                .zip(squeezed.chars())
                .take_while(|(a, b)| a == b)
                .count();
            let near: String = squeezed
                .chars()
                .skip(at.saturating_sub(20))
                .take(40)
                .collect();
            disagreements.push(format!(
                "{}: first difference at char {at} near {near:?}",
                path.display()
            ));
        }
    }
    assert!(
        disagreements.is_empty(),
        "kept nodes and text disagree on: {disagreements:#?}"
    );
}
