//! The pipeline's fallback that keeps the clutter (the normal run left too
//! few words: a short story whose subscription box the rules take): the
//! box stays whole, but a short clutter line (a bare related title)
//! still goes.

use quire::{extract, Options};

/// The story, our own prose: too short to stand without the box.
const STORY: [&str; 2] = [
    "The first ferry of the morning stayed tied up at the north pier, and a queue of lorries reached back past the harbour office before seven.",
    "Union officials said the crews would not sail until the company withdrew its winter plan.",
];

/// The subscription box's prose, which the fallback keeps.
const APPEAL: &str = "Read on with a subscription: every story from the harbour, the island and the valley, a morning newsletter with the tides and the sailings, and our archive back to 1962, for less than the price of a ferry ticket each month.";

/// The page with `between` after the first paragraph.
fn page(between: &str) -> String {
    format!(
        "<html><head><title>Ferry crews stay ashore</title></head><body><article>\
         <h1>Ferry crews stay ashore</h1><p>{}</p>{between}<p>{}</p>\
         <div class=\"subscribe-box\"><p>{APPEAL}</p>\
         <a class=\"button\" href=\"/abo\">Subscribe now</a></div></article></body></html>",
        STORY[0], STORY[1]
    )
}

/// The article text, after checking that the story and the box are there.
fn text_of(between: &str) -> String {
    let a = extract(&page(between), None, &Options::default()).expect("article");
    for p in STORY.iter().chain([&APPEAL]) {
        assert!(a.text.contains(p), "lost with {between}: {}", a.text);
    }
    a.text
}

#[test]
fn short_clutter_lines_go_in_the_fallback_that_keeps_the_clutter() {
    let text = text_of("<p>You may also like...</p>");
    assert!(!text.contains("You may also like"), "{text}");
}

#[test]
fn a_short_line_of_the_story_stays_in_the_fallback() {
    // Short enough to leave the story under the fallback's word count.
    let text = text_of("<p>You may also like it.</p>");
    assert!(text.contains("You may also like it."), "{text}");
}

/// The article text of [`page`] with a comments box of `inside` at the end.
fn text_with_box(inside: &str) -> String {
    let html = page("").replace(
        "</article>",
        &format!("<div class=\"comment-wrapper\">{inside}</div></article>"),
    );
    let a = extract(&html, None, &Options::default()).expect("article");
    for p in STORY.iter().chain([&APPEAL]) {
        assert!(a.text.contains(p), "lost with {inside}: {}", a.text);
    }
    a.text
}

#[test]
fn a_clutter_line_inside_a_box_the_fallback_keeps_goes() {
    // The box is left for its class alone; the heading in it is a line
    // only clutter says, and is judged as any other line.
    let text = text_with_box("<h3><span>No comments</span> <em>Comments are closed</em>.</h3>");
    assert!(!text.contains("Comments are closed"), "{text}");
}

#[test]
fn a_line_of_the_story_inside_a_box_the_fallback_keeps_stays() {
    let line = "Crews closed the gangway at noon.";
    let text = text_with_box(&format!("<p>{line}</p>"));
    assert!(text.contains(line), "{text}");
}
