//! `Options::removed_blocks` on every corpus page: the article reads the
//! same as without it, each removed block's HTML is sanitised (a fixed point
//! of the sanitiser), and the content holds exactly one marker per placed
//! block.
#![cfg(not(target_arch = "wasm32"))] // host-only: reads files

mod common;

use quire::{extract, Options};

#[test]
fn removed_blocks_leave_every_corpus_article_as_it_was() {
    let mut pages = Vec::new();
    for (set, file) in [
        ("readability-test-pages", "source.html"),
        ("clutter", "page.html"),
    ] {
        let Some(dir) = common::corpus_set_or_skip(set, "removed blocks on the corpus") else {
            return;
        };
        pages.extend(common::pages_with(&dir, file).iter().map(|p| p.join(file)));
    }
    assert!(pages.len() > 100, "only {} pages", pages.len());
    let on = Options {
        removed_blocks: true,
        ..Options::default()
    };
    let mut shown = 0;
    for path in pages {
        let html = common::read_lossy(&path);
        let url = Some("http://fakehost/test/page.html");
        let Ok(plain) = extract(&html, url, &Options::default()) else {
            continue;
        };
        let a = extract(&html, url, &on).unwrap();
        let p = path.display();
        assert_eq!(a.text, plain.text, "{p}: the text changed");
        assert_eq!(a.word_count, plain.word_count, "{p}");
        // Marked blocks the Readability cleaning took are reported too.
        assert!(a.clutter.len() >= plain.clutter.len(), "{p}");
        for (i, r) in a.clutter.iter().enumerate() {
            let block = r.html.as_deref().expect("html");
            assert_eq!(
                quire::output::sanitize_fragment(block),
                block,
                "{p}: block {i}"
            );
            assert!(r.label.is_some(), "{p}");
            if let Some(at) = r.at {
                assert_eq!(at, i);
                let marker = format!("<span data-quire-removed=\"{i}\"></span>");
                assert_eq!(a.content.matches(&marker).count(), 1, "{p}: marker {i}");
                shown += 1;
            }
        }
        let placed = a.clutter.iter().filter(|r| r.at.is_some()).count();
        assert_eq!(
            a.content.matches("data-quire-removed").count(),
            placed,
            "{p}"
        );
    }
    assert!(shown > 100, "only {shown} removed blocks placed");
}
