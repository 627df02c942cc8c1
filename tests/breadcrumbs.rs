//! A breadcrumb trail left in a story's body with no class or landmark to
//! name it, on a page of our own prose: a line of short steps between
//! arrows ("News › Local › Harbour"), a linked trail between slashes or
//! after the home page ("Home > News"), and a list of links opening with
//! the home page must go, at the story's head or between its paragraphs;
//! while every paragraph stays, and so do lines that look alike: words
//! joined by a slash, a quote in guillemets, a two-way switch, a formula's
//! arrow, a date, a list of the story's own links.

mod common;

/// The story: four paragraphs about a market hall.
const STORY: [&str; 4] = [
    "The old market hall in Brenford will open again in June after a year of repairs, the town council said on Wednesday, with twenty stalls and a café under its restored iron roof.",
    "Traders who sold from tents in the square during the works will get the first pick of the stalls, and the council has frozen their rents for the first two years.",
    "The hall was built in the eighteen-nineties for the cattle market and later housed a bus depot, a skating rink and, for one winter, a circus that could not afford a tent.",
    "A local historian has lent photographs of the hall's past for an exhibition that will hang along its north wall for the first summer after the opening.",
];

/// A page with `head` before the headline and `inserts` between the
/// second and third paragraphs.
fn page(head: &str, inserts: &str) -> String {
    let body = common::paragraphs_with(&STORY, 2, inserts);
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta property="og:site_name" content="Brenford Post">
<title>Market hall to reopen | Brenford Post</title></head><body>
<main><article>{head}<h1>Market hall to reopen in June</h1>
<div class="story">
{body}</div></article></main></body></html>"#
    )
}

fn text(head: &str, inserts: &str) -> String {
    common::text_keeping(
        &page(head, inserts),
        "https://post.example/news/market-hall",
        &STORY,
        &format!("{head}{inserts}"),
    )
}

const TRAILS: [(&str, &str); 6] = [
    ("<div>News › Local › Market</div>", "News › Local"),
    (
        r#"<p><a href="/">Home</a> / <a href="/news">News</a> / <a href="/news/local">Local</a></p>"#,
        "Home / News",
    ),
    (
        r#"<div><a href="/">Home</a> &gt; <a href="/news">News</a> &gt; Market hall</div>"#,
        "Home > News",
    ),
    (
        "<span>Startseite » Politik » Inland</span>",
        "Startseite » Politik",
    ),
    (
        r#"<p><a href="/de">Accueil</a> | <a href="/de/ville">Ville</a></p>"#,
        "Accueil | Ville",
    ),
    (
        r#"<ol><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li>Market hall</li></ol>"#,
        "Home\nNews",
    ),
];

#[test]
fn a_trail_goes_at_the_head_or_between_paragraphs() {
    for (html, probe) in TRAILS {
        let at_head = text(html, "");
        assert!(
            !at_head.contains(probe),
            "{html} kept at the head: {at_head}"
        );
        let inside = text("", html);
        assert!(!inside.contains(probe), "{html} kept in the body: {inside}");
    }
}

#[test]
fn lines_that_look_like_a_trail_stay() {
    for (html, probe) in [
        ("<p>Rock / Pop / Jazz</p>", "Rock / Pop / Jazz"),
        (
            "<p>Stallholders may pay by card and/or cash from the first day.</p>",
            "and/or cash",
        ),
        (
            "<p>«Geringe» Nachfrage nach Ständen im Winter</p>",
            "«Geringe» Nachfrage",
        ),
        ("<p>English ←→ Deutsch</p>", "English ←→ Deutsch"),
        ("<p>Kosten > Nutzen</p>", "Kosten > Nutzen"),
        ("<p>Opening: 03/06/2026</p>", "03/06/2026"),
        (
            r#"<ul><li><a href="/hall">The hall's history</a></li><li><a href="/stalls">The stalls</a></li></ul>"#,
            "The hall's history",
        ),
        (
            r#"<ul><li><a href="/a">Blob</a> / <a href="/b">File</a></li><li><a href="/c">Stream</a></li></ul>"#,
            "Blob / File",
        ),
    ] {
        let got = text("", html);
        assert!(got.contains(probe), "{html} lost: {got}");
    }
}
