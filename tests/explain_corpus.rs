//! `explain` and `extract` agree on every corpus page: the text nodes that
//! `explain` reports as kept, in page order, carry exactly the characters of
//! `extract`'s text (whitespace aside).
#![cfg(not(target_arch = "wasm32"))] // host-only: reads files or uses host-only dev tools

mod common;

use quire::{explain, extract, Options};

#[test]
fn explain_and_extract_agree_on_every_corpus_page() {
    let mut pages = Vec::new();
    for (set, file) in [
        ("readability-test-pages", "source.html"),
        ("clutter", "page.html"),
    ] {
        let Some(dir) = common::corpus_set_or_skip(set, "explain on the corpus") else {
            return;
        };
        pages.extend(common::pages_with(&dir, file).iter().map(|p| p.join(file)));
    }
    assert!(pages.len() > 100, "only {} pages", pages.len());
    let mut disagreements = Vec::new();
    for path in pages {
        let html = common::read_lossy(&path);
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
