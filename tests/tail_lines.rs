//! Pointers to other stories inside a story's body, on a page of our own
//! prose: a "see also" opener over a run of linked headlines must go,
//! while every paragraph stays, and so does a sentence that opens with
//! "see also".

mod common;

/// The story: five paragraphs about a bridge repair.
const STORY: [&str; 5] = [
    "The old swing bridge over the canal will close for six weeks from June while engineers replace the gears that turn it, the harbour board said on Monday.",
    "Boats will still pass, as the bridge will be left open to the water for the whole repair, but people on foot will have to walk round by the lock gates instead.",
    "The gears were cast in 1911 and have been patched many times; the board said a crack found in the spring meant that another patch would no longer be safe.",
    "A ferry of two small launches will carry walkers across the basin at rush hour, free of charge, for as long as the bridge stays shut to them.",
    "The board expects the work to cost a little under a million and to be paid for from the harbour dues, without any help from the town council.",
];

/// The page's address.
const URL: &str = "https://harbourpost.example/news/2024/swing-bridge-to-close-for-repairs";

/// A news page with `middle` between the second and third paragraphs and
/// `end` after the last.
fn page(middle: &str, end: &str) -> String {
    let body = common::paragraphs_with(&STORY, 2, middle);
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Swing bridge to close | Harbour Post</title></head><body>
<main><article><h1>Swing bridge to close for six weeks</h1>
<div class="story">
{body}{end}</div></article></main></body></html>"#
    )
}

/// The text of the page, after checking that the whole story is there.
fn text(middle: &str, end: &str) -> String {
    common::text_keeping(&page(middle, end), URL, &STORY, &format!("{middle}{end}"))
}

/// Asserts that none of `lines` is in `text`.
fn all_gone(text: &str, lines: &[&str]) {
    for line in lines {
        assert!(!text.contains(line), "{line:?} kept: {text}");
    }
}

/// Asserts that every one of `lines` is in `text`.
fn all_kept(text: &str, lines: &[&str]) {
    for line in lines {
        assert!(text.contains(line), "{line:?} lost: {text}");
    }
}

/// Headlines of other stories of the site.
const HEADLINES: [&str; 6] = [
    "Lock keeper retires after forty years at the basin",
    "New pontoons for the visiting yachts in the outer harbour",
    "Harbour dues to rise for fishing boats next spring",
    "Why the canal was drained in the winter of 1963",
    "Divers find a ship's bell under the north quay",
    "Summer water taxi to run later in the evenings",
];

/// The headlines as links to their stories, joined by `sep`.
fn linked(sep: &str) -> String {
    HEADLINES
        .iter()
        .map(|h| {
            let slug = h.to_lowercase().replace([' ', '\''], "-");
            format!(r#"<a href="https://harbourpost.example/news/{slug}">{h}</a>"#)
        })
        .collect::<Vec<_>>()
        .join(sep)
}

#[test]
fn a_see_also_opener_over_linked_headlines_goes() {
    for opener in ["See also", "Siehe auch", "Lire aussi"] {
        let block = format!("<p>{opener}<br>\n{}</p>\n", linked("<br>\n"));
        let t = text(&block, "");
        all_gone(&t, &HEADLINES);
        all_gone(&t, &[opener]);
    }
}

#[test]
fn a_sentence_opening_with_see_also_stays() {
    let sentence = r#"<p>See also the <a href="https://harbourpost.example/news/board-report-on-the-gears">board's report on the gears</a>, which says the crack was found by a diver in April and measured again in May.</p>"#;
    let t = text(sentence, "");
    all_kept(&t, &["which says the crack was found by a diver"]);
    // Links with words of the story's own between them.
    let commented = format!(
        "<p>See also {} and, for the history of the basin, {}, which the board's archivist wrote for the centenary of the bridge in 2011.</p>",
        linked(" and "),
        r#"<a href="https://harbourpost.example/news/the-basin-at-a-hundred">The basin at a hundred</a>"#
    );
    let t = text(&commented, "");
    all_kept(&t, &["which the board's archivist wrote"]);
}
