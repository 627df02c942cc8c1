//! Fuzz target: arbitrary bytes, decoded lossily, through
//! `quire::markdown_from_html` (Copy as Markdown). Any panic is a bug;
//! errors are fine. The Markdown must stay within `MARKDOWN_SIZE_FACTOR`
//! times the size of its input, and a CommonMark parser must read in it no
//! raw HTML and no link or image of a refused scheme.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pulldown_cmark::{Event, Options, Parser, Tag};

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let Ok(md) = quire::markdown_from_html(&html) else {
        return;
    };
    let bound = (quire::output::MARKDOWN_SIZE_FACTOR * html.len()).max(4096);
    assert!(md.len() <= bound, "{} bytes of Markdown from {}", md.len(), html.len());
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(&md, opts) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML {h:?} in {md:?}"),
            Event::Start(Tag::Link { dest_url, .. }) | Event::Start(Tag::Image { dest_url, .. }) => {
                assert!(
                    quire::output::safe_url("href", &dest_url)
                        && !dest_url.trim_start().to_ascii_lowercase().starts_with("data:"),
                    "refused URL {dest_url:?} in {md:?}"
                );
            }
            _ => {}
        }
    }
});
