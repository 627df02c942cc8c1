//! Boxes of the story's own text inside its body (issue 19: "summary boxes,
//! key-point lists, fact boxes and timelines are article content"), on a
//! page of our own prose: an `<aside>` titled as the story's summary stays,
//! with its list, while a sidebar of links or of other matter still goes
//! as Readability has it. A box titled so stays whatever its class says
//! ("sidebar", "widget", "promo").

mod common;

/// The story: five paragraphs about a ferry timetable.
const STORY: [&str; 5] = [
    "The ferry company that links Kestrel Island with the mainland will cut its winter sailings from six a day to four, starting in the first week of November, its managing director told islanders on Thursday.",
    "Fewer passengers travel between November and March, she said, and the older of the two boats needs a new gearbox that cannot wait until the spring, when the company had hoped to carry out the work.",
    "Islanders who commute to the mainland for work said the earliest crossing, at ten past six, was the one they could least do without, and the company agreed to keep it through the winter months.",
    "The last boat back will leave the mainland at half past seven in the evening instead of nine, which the island's only secondary school says will make after-school clubs hard to run for pupils who board on the mainland.",
    "The company said it would review the timetable in February and publish the summer sailings at the end of that month, once the repaired boat has been back in service for a few weeks.",
];

/// A news page with `inserts` between the second and third paragraphs.
fn page(inserts: &str) -> String {
    let body = common::paragraphs_with(&STORY, 2, inserts);
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Winter ferry sailings cut to four a day | Island Post</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>Winter ferry sailings cut to four a day</h1>
<div class="story-body">
{body}</div></article></main>
<footer><p>© 2026 Island Post</p></footer></body></html>"#
    )
}

fn text_with(inserts: &str) -> String {
    common::text_keeping(
        &page(inserts),
        "https://islandpost.example/ferry",
        &STORY,
        inserts,
    )
}

const KEPT_LINES: [&str; 2] = [
    "Four sailings a day from November to March.",
    "The first crossing of the morning stays at ten past six.",
];

#[test]
fn an_aside_titled_as_the_summary_stays() {
    for title in [
        "<h3>Key points</h3>",
        "<h3>What you need to know:</h3>",
        "<p><strong>Auf einen Blick</strong></p>",
        "<h4>En bref</h4>",
    ] {
        let aside = format!(
            "<aside class=\"box\">{title}<ul><li>{}</li><li>{}</li></ul></aside>",
            KEPT_LINES[0], KEPT_LINES[1]
        );
        let text = text_with(&aside);
        for line in KEPT_LINES {
            assert!(text.contains(line), "{line} lost from {aside}");
        }
    }
}

#[test]
fn an_aside_labelled_as_a_timeline_stays() {
    let aside = "<aside aria-label=\"Timeline\"><ol><li>1998: the first car ferry to the island.</li><li>2011: the second boat joins the route.</li></ol></aside>";
    let text = text_with(aside);
    assert!(
        text.contains("1998: the first car ferry to the island."),
        "{text}"
    );
}

#[test]
fn other_asides_still_go() {
    for aside in [
        // Links under a summary title: a box of stories, not the story's points.
        "<aside><h3>Key points</h3><ul><li><a href=\"/a\">Harbour wall repairs start next week on the east pier</a></li><li><a href=\"/b\">New café opens beside the ferry terminal</a></li></ul></aside>",
        // Prose under another title: a sidebar.
        "<aside><h3>Travel desk</h3><p>Our travel desk answers readers' questions about crossings, fares and timetables every Friday morning.</p></aside>",
    ] {
        let text = text_with(aside);
        for gone in ["Harbour wall repairs", "travel desk answers"] {
            assert!(!text.contains(gone), "{gone} kept from {aside}:\n{text}");
        }
    }
}

#[test]
fn a_summary_box_stays_whatever_its_class() {
    for class in ["sidebar", "related-facts", "widget", "promo-summary"] {
        let b = format!(
            "<div class=\"{class}\"><h3>At a glance</h3><ul><li>{}</li><li>{}</li></ul></div>",
            KEPT_LINES[0], KEPT_LINES[1]
        );
        let text = text_with(&b);
        for line in KEPT_LINES {
            assert!(text.contains(line), "{line} lost from {b}");
        }
    }
}

#[test]
fn a_sidebar_of_links_under_a_summary_title_still_goes() {
    let b = "<div class=\"sidebar\"><h3>At a glance</h3><ul><li><a href=\"/a\">Harbour wall repairs start next week on the east pier</a></li><li><a href=\"/b\">New café opens beside the ferry terminal</a></li></ul></div>";
    let text = text_with(b);
    assert!(!text.contains("Harbour wall repairs"), "{text}");
}

#[test]
fn a_note_of_prose_between_paragraphs_stays_whatever_its_class_says() {
    // One or two sentences of the story's own, with no link, heading,
    // list or control, between two of its paragraphs: the class is only a
    // name ("related", "sidebar", "share", "comments").
    for (class, note) in [
        ("related-facts", "The older boat was built in 1987 and has crossed the strait more than eighty thousand times."),
        ("sidebar-note", "Note: the company's meeting on Thursday will be streamed online for islanders who cannot attend."),
        ("share-story", "Islanders shared stories of the winter of 2010, when the ferry stopped for nine days, at the meeting."),
        ("comments-from-readers", "Several readers wrote to the company to ask for a later boat on Fridays in December."),
    ] {
        let text = text_with(&format!(r#"<div class="{class}"><p>{note}</p></div>"#));
        assert!(text.contains(note), "{class}: {note} lost: {text}");
    }
}

#[test]
fn a_box_named_so_with_links_a_heading_or_a_prompt_still_goes() {
    for (html, probe) in [
        (
            r#"<div class="related"><p>More: <a href="/ferry-fares">Ferry fares rise</a> and <a href="/harbour">harbour works begin</a>.</p></div>"#,
            "Ferry fares rise",
        ),
        (
            r#"<div class="sidebar"><h4>Most read</h4><p>Lighthouse to open for a weekend in May.</p></div>"#,
            "Lighthouse to open",
        ),
        (
            r#"<div class="social-share"><p>Share this story with your friends and family.</p></div>"#,
            "Share this story",
        ),
        (
            r#"<div class="promo"><p>Support our journalism: become a member of the Island Post today.</p></div>"#,
            "Support our journalism",
        ),
    ] {
        let text = text_with(html);
        assert!(!text.contains(probe), "{html} kept: {text}");
    }
}
