//! Pointers to other stories inside a story's body, on a page of our own
//! prose: a "see also" opener over a run of linked headlines, teaser cards
//! (headline, lead, link) under a title naming related stories, and a lone
//! link to another story of the site between two paragraphs (after a marker
//! or a short label, "Trending:", if any) must go, and
//! so must a date line over a category link, while every paragraph stays,
//! and so do a sentence that opens with "see also", a section of the story
//! whose entries are short, a link to a source on another site, to a file
//! or to a section, a linked sentence, and an unlinked category.

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

/// Three teaser cards: headline, a lead cut short and a link.
fn cards() -> String {
    let mut out = String::from("<div class=\"grid\"><div class=\"sizer\"></div>\n");
    for h in &HEADLINES[..3] {
        let slug = h.to_lowercase().replace(' ', "-");
        out.push_str(&format!(
            r#"<div class="item"><div class="card"><h3>{h}</h3>
<p>The board met on Thursday evening to hear from the people who work on the water about what the change will mean for them over the coming months, and what could still be done before the …</p>
<a href="/news/{slug}">Read on</a></div></div>
"#
        ));
    }
    out.push_str("</div>\n");
    out
}

#[test]
fn teaser_cards_under_a_related_title_go() {
    for title in ["More on this topic", "Mehr zum Thema", "Related stories"] {
        let end = format!(
            "<div class=\"section\"><h2>{title}</h2>\n{}</div>\n",
            cards()
        );
        let t = text("", &end);
        all_gone(&t, &HEADLINES[..3]);
        all_gone(&t, &[title, "The board met on Thursday evening"]);
    }
}

#[test]
fn cards_under_a_subhead_of_the_story_stay() {
    // The same cards under a heading of the story's own.
    let end = format!(
        "<div class=\"section\"><h2>What the board decided</h2>\n{}</div>\n",
        cards()
    );
    let t = text("", &end);
    all_kept(&t, &HEADLINES[..3]);
    all_kept(&t, &["What the board decided"]);
}

#[test]
fn long_sections_under_a_related_title_stay() {
    // "Related work" over sections of prose, each longer than a card.
    let prose = "The first study of the gears, made in 1952 by the engineers of the harbour board, found that the teeth had worn unevenly because the bridge was always turned the same way. It advised turning it the other way on Sundays, which the keepers did for thirty years. A second study in 1987 found the wear had evened out, but that the iron had begun to crack around the bolt holes, and it advised patches of steel plate, which were fitted that winter and again in 1999, 2006 and 2015, each time by divers working from a raft in the basin.";
    let end = format!(
        r#"<h2>Related work</h2><div><div><h3>The 1952 study</h3><p>{prose} <a href="/archive/the-1952-study-of-the-gears">The study</a></p></div><div><h3>The 1987 study</h3><p>{prose} <a href="/archive/the-1987-study-of-the-gears">The study</a></p></div></div>"#
    );
    let t = text("", &end);
    all_kept(
        &t,
        &["The 1952 study", "which the keepers did for thirty years"],
    );
}

/// A lone link to `href` with `line` as its text, between paragraphs.
fn lone(href: &str, line: &str) -> String {
    format!(r#"<p><a href="{href}"><strong>{line}</strong></a></p>"#)
}

const OTHER_STORY: &str = "Water taxi to stop at the lock gates during the repair";

#[test]
fn a_lone_link_to_another_story_between_paragraphs_goes() {
    let href = "https://harbourpost.example/news/2024/water-taxi-to-stop-at-the-lock";
    for html in [
        lone(href, OTHER_STORY),
        format!(r#"<ul><li><a href="{href}">{OTHER_STORY}</a></li></ul>"#),
        lone(
            "/news/2024/water-taxi-to-stop-at-the-lock.html",
            OTHER_STORY,
        ),
    ] {
        all_gone(&text(&html, ""), &[OTHER_STORY]);
    }
}

#[test]
fn a_lone_story_link_after_a_marker_or_a_short_label_goes() {
    let href = "https://harbourpost.example/news/2024/water-taxi-to-stop-at-the-lock";
    for lead in [
        "→ ",
        "► ",
        "Trending: ",
        "Weiterlesen: ",
        "Also on the Post: ",
    ] {
        let html = format!(r#"<p>{lead}<a href="{href}">{OTHER_STORY}</a></p>"#);
        all_gone(&text(&html, ""), &[OTHER_STORY]);
    }
    // A longer lead-in, or words after the link, make the story's sentence.
    for html in [
        format!(
            r#"<p>As the Post reported in the spring, before the gears cracked: <a href="{href}">{OTHER_STORY}</a></p>"#
        ),
        format!(r#"<p>Trending: <a href="{href}">{OTHER_STORY}</a> and the ferry fares</p>"#),
    ] {
        all_kept(&text(&html, ""), &[OTHER_STORY]);
    }
}

#[test]
fn lone_links_to_sources_files_and_sections_stay() {
    for html in [
        // Another site: a source.
        lone(
            "https://canals.example/reports/swing-bridges-of-the-north-coast",
            "Swing bridges of the north coast and their gears",
        ),
        // A file.
        lone(
            "https://harbourpost.example/files/board-report-on-the-gears.pdf",
            "The board's report on the gears in full",
        ),
        // A section of the site.
        lone(
            "https://harbourpost.example/news/harbour",
            "All our news from the harbour and the canal",
        ),
        // A sentence, linked whole.
        lone(
            "https://harbourpost.example/news/2024/water-taxi-to-stop-at-the-lock",
            "The water taxi will stop at the lock gates during the repair.",
        ),
        // A line too short for a headline.
        lone(
            "https://harbourpost.example/news/2024/the-bridge-keepers",
            "The keepers",
        ),
    ] {
        let line = html
            .split("<strong>")
            .nth(1)
            .and_then(|s| s.split("</strong>").next())
            .unwrap();
        all_kept(&text(&html, ""), &[line]);
    }
}

#[test]
fn a_linked_sentence_and_a_run_of_links_stay() {
    let sentence = r#"<p>The harbour board <a href="https://harbourpost.example/news/2024/board-meeting-on-the-bridge">voted on Monday</a> to close the bridge for six weeks from June.</p>"#;
    all_kept(&text(sentence, ""), &["to close the bridge for six weeks"]);
    // A link after a link line, not after a paragraph of prose.
    let run = format!(
        r#"<p>Our coverage of the harbour:</p>{}{}"#,
        lone(
            "https://harbourpost.example/news/2024/water-taxi-to-stop-at-the-lock",
            OTHER_STORY
        ),
        lone(
            "https://harbourpost.example/news/2024/new-pontoons-for-the-yachts",
            "New pontoons for the visiting yachts in the outer harbour"
        )
    );
    all_kept(
        &text(&run, ""),
        &[
            OTHER_STORY,
            "New pontoons for the visiting yachts in the outer harbour",
        ],
    );
}

#[test]
fn a_related_title_set_as_a_paragraph_goes() {
    let end = format!(
        "<p>Verwandte Artikel</p><ul><li>{}</li></ul>",
        linked("</li><li>")
    );
    let t = text("", &end);
    all_gone(&t, &["Verwandte Artikel"]);
    all_gone(&t, &HEADLINES);
}

#[test]
fn a_date_over_a_category_link_goes() {
    let line = r#"<div class="info">14.05.2024 09:12<br>Category: <a href="https://harbourpost.example/news">News</a></div>"#;
    let t = text(line, "");
    all_gone(&t, &["14.05.2024 09:12", "Category: News"]);
}

#[test]
fn a_date_over_an_unlinked_category_or_a_year_over_a_link_stays() {
    // An awards list: the date and the category are the article's.
    let t = text("<div>14.05.2024<br>Kategorie: Kinderbuch</div>", "");
    all_kept(&t, &["Kategorie: Kinderbuch"]);
    // A year alone is no date line.
    let line = r#"<div>Winner 2024<br>Category: <a href="https://harbourpost.example/news">News</a></div>"#;
    all_kept(&text(line, ""), &["Winner 2024"]);
}
