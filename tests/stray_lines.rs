//! Stray lines inside a news story (issue 19's held-out kinds), on a page
//! of our own prose: each promotion, teaser or furniture line set between
//! the story's paragraphs must go, as a `<p>`, a link line or a `<div>`,
//! while every paragraph of the story stays, and so does a paragraph that
//! only mentions signing up or a newsletter.

mod common;

/// The story: six paragraphs about a footbridge.
const STORY: [&str; 6] = [
    "The council of Alderbrook voted late on Tuesday to rebuild the old footbridge over the Marrow river, ending a dispute that had divided the town for nearly three years and cost two councillors their seats.",
    "Engineers had warned in 2021 that the timber deck was rotting from below, and the bridge was closed to cyclists the following spring after a plank gave way beneath a delivery rider who escaped with a bruised ankle.",
    "Residents on the east bank, many of them elderly, say the closure turned a five-minute walk to the pharmacy into a forty-minute bus journey through the ring road, and a petition gathered more than four thousand names.",
    "The new design keeps the original stone piers but replaces the deck with laminated larch, which the contractor says should last sixty years with modest upkeep and a fresh coat of oil every second summer.",
    "Opponents argued that the money would be better spent on the flood defences further downstream, where the river burst its banks twice last winter and left a row of shops under half a metre of water.",
    "Work is due to begin in March and the bridge should reopen before the autumn term, the council said, though it warned that a wet spring could push the schedule back by several weeks.",
];

/// A news page with `inserts` between the third and fourth paragraphs.
fn page(inserts: &str) -> String {
    let body = common::paragraphs_with(&STORY, 3, inserts);
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Alderbrook votes to rebuild footbridge | The Valley Courier</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>Alderbrook votes to rebuild footbridge after three-year row</h1>
<p class="byline">By Mara Quist</p><div class="story-body">
{body}</div></article></main>
<footer><p>© 2026 The Valley Courier</p></footer></body></html>"#
    )
}

/// The text of the story with `inserts`, after checking that the whole
/// story is there.
fn text_with(inserts: &str) -> String {
    common::text_keeping(
        &page(inserts),
        "https://courier.example/bridge",
        &STORY,
        inserts,
    )
}

/// `line` in the three shapes of [`common::line_shapes`], its link on this
/// story's site.
fn shapes(line: &str) -> [String; 3] {
    common::line_shapes(line, "https://courier.example/x")
}

#[test]
fn a_sign_up_line_goes_in_every_shape() {
    for line in [
        "Sign up for the Morning Brief today.",
        "The Morning Brief from Greenfield Bank: five things to know before nine, every weekday. Sign up for the Morning Brief today.",
        "Jetzt zum Morgenbrief anmelden? Melden Sie sich heute",
    ] {
        for html in shapes(line) {
            let text = text_with(&html);
            assert!(!text.contains("Morning Brief") && !text.contains("Melden Sie"), "{html} kept: {text}");
        }
    }
}

#[test]
fn a_paragraph_that_mentions_signing_up_stays() {
    let prose = "<p>More than three hundred residents signed up for the consultation, and the council says it will sign up two more contractors if the spring is wet.</p>\
                 <p>Subscribe to the idea that the bridge is a luxury, and the east bank will tell you otherwise.</p>\
                 <p>Sign up for the volunteer crews closes on Friday, the organisers said.</p>";
    let text = text_with(prose);
    assert!(text.contains("three hundred residents signed up"), "{text}");
    assert!(text.contains("Subscribe to the idea"), "{text}");
    assert!(text.contains("volunteer crews closes"), "{text}");
}

#[test]
fn a_related_title_set_as_a_paragraph_goes_with_its_list() {
    for title in [
        "You may also like...",
        "DON'T MISS",
        "Vorschau auf den nächsten Artikel",
    ] {
        let html = format!(
            r#"<p>{title}</p><ul><li><a href="/a">Shops count the cost of the flood</a></li>
<li><a href="/b">Bus fares rise for the third time</a></li>
<li><a href="/c">New head teacher for the primary school</a></li></ul>"#
        );
        let text = text_with(&html);
        assert!(!text.contains(title), "{title} kept: {text}");
        assert!(
            !text.contains("Bus fares"),
            "list under {title} kept: {text}"
        );
    }
    // The title alone, its teaser gone or elsewhere.
    let text = text_with("<p>Vorschau auf den nächsten Artikel</p>");
    assert!(!text.contains("Vorschau"), "{text}");
}

#[test]
fn a_paragraph_opening_like_a_section_title_stays() {
    let text = text_with(
        "<p>You may also like the new design: the larch deck is lighter and warmer underfoot.</p>\
         <p>Related work on the weir will follow next year, the council said.</p>\
         <ul><li>a wider deck for prams and wheelchairs</li><li>lighting at both ends</li></ul>",
    );
    assert!(text.contains("You may also like the new design"), "{text}");
    assert!(text.contains("Related work on the weir"), "{text}");
    assert!(text.contains("lighting at both ends"), "{text}");
}

#[test]
fn a_promoted_headline_in_capitals_goes_a_subhead_in_capitals_stays() {
    for html in [
        r#"<p><a href="/walks"><strong>THE BEST WALKS IN THE MARROW VALLEY THIS SPRING</strong></a></p>"#,
        "<p>GET THE VALLEY COURIER ON THE GO BY CLICKING HERE</p>",
        r#"<p>GET THE VALLEY COURIER ON THE GO BY <a href="/app">CLICKING HERE</a></p>"#,
    ] {
        let text = text_with(html);
        assert!(
            !text.contains("MARROW VALLEY") && !text.contains("ON THE GO"),
            "{html} kept: {text}"
        );
    }
    let text = text_with(
        "<p><strong>WHAT THE ENGINEERS FOUND UNDER THE DECK</strong></p>\
         <p>To read the engineers' report, <a href=\"/report\">click here</a>.</p>",
    );
    assert!(text.contains("WHAT THE ENGINEERS FOUND"), "{text}");
    assert!(text.contains("engineers' report"), "{text}");
}

#[test]
fn furniture_and_promotion_lines_the_issue_lists_go() {
    for line in [
        "Click here to subscribe to the Valley Courier Newsletter",
        "Get the latest updates right in your inbox. Subscribe to the Courier's newsletters.",
        "Subscribe to the Valley Courier on YouTube for more local stories and video reports.",
        "Want more local politics? Get a subscription of our sister publication, the Hillside Ledger.",
        "Published 1 day ago",
        "Updated 5:27 am CST, Tue March 3, 2026",
        "Image 1 of 5",
        "1of4",
        "Der Artikel wurde erfolgreich hinzugefügt",
        "إعلان",
        "Advertisement - scroll to continue",
        "Have a story? Email us at news@courier.example",
        "Want to comment? Join the conversation below.",
    ] {
        for html in shapes(line) {
            let text = text_with(&html);
            assert!(!text.contains(line), "{html} kept: {text}");
        }
    }
    for html in [
        r#"<p>DON'T MISS: <a href="/f">Flood defences to be reviewed</a></p>"#,
        r#"<p>SEE MORE: <a href="/r">Ring road bus times to change</a></p>"#,
        r#"<p>[INSIGHT] <a href="/w">Why small towns keep losing their bridges</a></p>"#,
    ] {
        let text = text_with(html);
        for probe in ["Flood defences to be", "Ring road bus", "Why small towns"] {
            assert!(!text.contains(probe), "{html} kept: {text}");
        }
    }
}

#[test]
fn a_print_control_goes_a_plain_word_stays() {
    for html in [
        r#"<div class="print-tools"><div class="print-button"><span>Print</span></div></div>"#,
        r#"<p><a href="https://courier.example/print">Print this article</a></p>"#,
        r#"<div class="tools"><a href="https://courier.example/p">Artikel drucken</a></div>"#,
    ] {
        let text = text_with(html);
        assert!(
            !text.contains("Print") && !text.contains("drucken"),
            "{html} kept: {text}"
        );
    }
    // A paragraph of the story that is only the word stays: no control.
    let text = text_with("<p>Print</p>");
    assert!(text.contains("\nPrint\n"), "{text}");
}

#[test]
fn a_date_line_beside_an_icon_goes_beside_a_chart_it_stays() {
    let line = "Updated: 11.04.2026, 10:27";
    let shape = |size: &str| {
        format!(
            r#"<div><time><span><svg width="{size}" height="{size}"><path d="M0 0h4"/></svg></span>{line}</time></div>"#
        )
    };
    let icon = shape("24px");
    let text = text_with(&icon);
    assert!(!text.contains(line), "{icon} kept: {text}");
    // A picture drawn as an SVG: the date line is its caption.
    let chart = shape("360px");
    let text = text_with(&chart);
    assert!(text.contains(line), "{chart} lost: {text}");
}

#[test]
fn the_page_licence_notice_goes_a_sentence_about_licences_stays() {
    for line in [
        "This work is licensed under a Creative Commons Attribution 4.0 International licence.",
        "Dieser Text wurde veröffentlicht unter der Lizenz CC-BY 4.0.",
    ] {
        let text = text_with(&format!("<p>{line}</p>"));
        assert!(!text.contains(line), "kept: {text}");
    }
    let line = "Several of the photographers who recorded the old bridge have published their pictures under a Creative Commons licence.";
    let text = text_with(&format!("<p>{line}</p>"));
    assert!(text.contains(line), "lost: {text}");
}

#[test]
fn a_reader_appeal_goes_a_paragraph_on_members_or_support_stays() {
    for line in [
        "Support independent journalism: become a member of the Courier from 3 pounds a month.",
        "Quality journalism costs money. If you like what we do, make a donation.",
        "Become a member of the Courier and read every article without limits.",
        "This article appeared in the July 2026 issue of Courier Magazine, on sale since 20 June.",
        "Enjoyed this article? We chose not to put up a paywall, so please support us with a small contribution.",
        "Gefällt Ihnen unser Magazin? Wir haben uns gegen eine Bezahlschranke entschieden. Unterstützen Sie uns mit einem kleinen Beitrag.",
        "Veröffentlicht vor 2 Stunden",
        "Hier können Sie den Newsletter kostenlos abonnieren.",
        "Sichern Sie sich jetzt das Abo zum halben Preis.",
        "Werden Sie Teil unserer Community und unterstützen Sie Qualitätsjournalismus.",
        "Sie möchten nichts aus Erlenbrück verpassen? Dann melden Sie sich für unseren kostenlosen Newsletter an.",
        "Become a subscriber today for just 1 pound a week.",
        "Independent journalism needs your support.",
    ] {
        for html in shapes(line) {
            let text = text_with(&html);
            assert!(!text.contains(line), "{html} kept: {text}");
        }
    }
    for line in [
        "Support for the new deck grew after the flood, and the rowing club became a member of the bridge trust.",
        "Donate your old planks to the scout hut, the contractor told residents, rather than burn them.",
        "Enjoyed the walk? Most residents did, the survey found, though many wanted benches on the east bank.",
        "Hier können Sie die Pläne der neuen Brücke einsehen, teilte die Gemeinde am Mittwoch mit.",
        "Melden Sie sich beim Bauamt, wenn Sie Schäden am alten Steg bemerken, bat der Bürgermeister.",
    ] {
        let text = text_with(&format!("<p>{line}</p>"));
        assert!(text.contains(line), "lost: {text}");
    }
}
