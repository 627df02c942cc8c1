//! Tail sections at the end of a story, on a page of our own prose: a
//! title that names a related, author or comments section ("You may also
//! like", "About the author", "Comments") with only a short run of text
//! after it up to the end goes with that text, set as a heading or as a
//! paragraph; a longer line that opens like a title, and a titled section
//! too long to be a tail, stay.

use quire::{extract, Options};

/// The story: five paragraphs about an orchard.
const STORY: [&str; 5] = [
    "The last commercial cider orchard in the Hollin valley will be sold at auction next month, after its owners failed to find a buyer willing to keep the four hundred old trees standing.",
    "Planted in the 1930s, the orchard grows eleven local varieties of apple, three of which survive nowhere else, according to a survey carried out by the county's heritage fruit group last autumn.",
    "The group has asked the district council to protect the trees with a preservation order, but officers say the law covers woodland and single trees of note, not rows of fruit trees on farmland.",
    "Several neighbours have offered to take grafts so that the rare varieties are not lost, and a nursery near the coast has agreed to raise the young trees for free until new homes are found.",
    "The auction will be held at the village hall on the second Saturday of the month, and the agents expect interest from developers as well as from farmers on the far side of the ridge.",
];

/// A page with the story and `tail` after its last paragraph.
fn page(tail: &str) -> String {
    let body: String = STORY.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Last cider orchard goes to auction | The Hollin Herald</title></head><body>
<main><article><h1>Last cider orchard in the valley goes to auction</h1>
<div class="entry">
{body}{tail}</div></article></main></body></html>"#
    )
}

/// The text with `tail`, after checking that the whole story is there.
fn text_with(tail: &str) -> String {
    let a = extract(
        &page(tail),
        Some("https://herald.example/orchard"),
        &Options::default(),
    )
    .unwrap();
    for p in STORY {
        assert!(a.text.contains(p), "story paragraph lost with {tail}: {p}");
    }
    a.text
}

/// A short bio of our own.
const BIO: &str = "Edda Marsh has reported on farming and the countryside for the Herald since 2014. She lives on the edge of the valley with two goats and far too many books.";

/// Three teaser lines with no links, as a page draws them before its
/// script fills in the links.
const TEASERS: &str = "<p>Beekeepers count the cost of a wet June</p>\
    <p>Ferry fares to rise again in the spring</p>\
    <p>The mill race gets a new sluice gate</p>";

#[test]
fn an_author_section_at_the_end_goes() {
    for title in [
        "<h3>About the author</h3>",
        "<div>About the author</div>",
        "<p><strong>Über den Autor:</strong></p>",
    ] {
        let text = text_with(&format!("{title}<p>{BIO}</p>"));
        assert!(!text.contains("Edda Marsh"), "{title}: {text}");
        assert!(!text.to_lowercase().contains("autor"), "{title}: {text}");
    }
}

#[test]
fn a_related_or_comments_section_at_the_end_goes() {
    for tail in [
        format!("<h2>You may also like</h2>{TEASERS}"),
        format!("<div class=\"box\"><h2>Mehr zum Thema</h2><div>{TEASERS}</div></div>"),
        "<h3>Comments</h3><p>Such a shame, I bought my first apples there as a boy.</p>"
            .to_string(),
    ] {
        let text = text_with(&tail);
        for gone in [
            "Beekeepers",
            "may also like",
            "Mehr zum",
            "Comments",
            "Such a shame",
        ] {
            assert!(!text.contains(gone), "{tail}: {text}");
        }
    }
}

#[test]
fn a_line_that_opens_like_a_title_and_a_long_section_stay() {
    // A longer line that opens with a title's words is the story's.
    let tail = "<p>Recommended by the heritage group:</p>\
        <p>Hollin Russet, a small rough apple that keeps until April.</p>";
    let text = text_with(tail);
    assert!(text.contains("Recommended by the heritage group"), "{text}");
    assert!(text.contains("Hollin Russet"), "{text}");
    // A titled section too long beside the story to be a tail: its own
    // last chapter.
    let long: String = STORY[..3]
        .iter()
        .map(|p| format!("<p>{p} Again.</p>"))
        .collect();
    let text = text_with(&format!("<h2>Related</h2>{long}"));
    assert!(text.contains("Related"), "{text}");
}
