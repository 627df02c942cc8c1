//! Related-story and furniture lines inside a story's body, on a page of
//! our own prose: a "see also" title with its list of linked headlines, a
//! lone "follow us on Google News" link, a lone print link and a
//! slideshow's size ("6 Bilder") must go between the story's paragraphs,
//! while every paragraph stays, and so do sentences that say "see also",
//! link a news reader or print page, or count pictures, and a count in a
//! list or a heading.

mod common;

/// The story: five paragraphs about a ferry timetable.
const STORY: [&str; 5] = [
    "The ferry between Aldwick and the island will run every forty minutes from May, the operator said on Tuesday, after a winter in which crossings were cut to one an hour.",
    "Islanders had asked for more sailings since the school on the island closed and children began taking the early boat to the mainland every weekday morning.",
    "The operator said a second vessel, repaired over the winter at a yard up the coast, would make the extra crossings possible without longer shifts for the crews.",
    "Fares will stay the same until the end of the year, though the operator warned that the price of fuel could force a rise in the autumn timetable.",
    "The council, which pays part of the cost of the service, said it would review the timetable in September with the islanders' association.",
];

/// A news page with `inserts` between the second and third paragraphs.
fn page(inserts: &str) -> String {
    let body = common::paragraphs_with(&STORY, 2, inserts);
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>More ferries for the island | Aldwick Courier</title></head><body>
<main><article><h1>Ferry to run every forty minutes from May</h1>
<div class="story">
{body}</div></article></main></body></html>"#
    )
}

/// The text of the story with `inserts`, after checking that the whole
/// story is there.
fn text_with(inserts: &str) -> String {
    common::text_keeping(
        &page(inserts),
        "https://courier.example/ferry",
        &STORY,
        inserts,
    )
}

/// Asserts that none of `lines` is left in the text with `inserts`.
fn all_go(inserts: &str, lines: &[&str]) {
    let text = text_with(inserts);
    for line in lines {
        assert!(!text.contains(line), "{line:?} kept with {inserts}: {text}");
    }
}

/// Asserts that every one of `lines` is left in the text with `inserts`.
fn all_stay(inserts: &str, lines: &[&str]) {
    let text = text_with(inserts);
    for line in lines {
        assert!(text.contains(line), "{line:?} lost with {inserts}: {text}");
    }
}

/// A list of linked headlines of other stories.
fn headlines() -> String {
    let items: String = [
        (
            "harbour-wall",
            "Harbour wall to be rebuilt after storm damage",
        ),
        (
            "lifeboat",
            "Lifeboat crew rescues two kayakers off the point",
        ),
        ("pier-cafe", "Pier café reopens under new owners"),
    ]
    .iter()
    .map(|(slug, title)| {
        format!(r#"<li><a href="https://courier.example/{slug}">{title}</a></li>"#)
    })
    .collect();
    format!("<div><ul>{items}</ul></div>")
}

#[test]
fn a_see_also_title_goes_with_its_list_of_headlines() {
    for title in [
        "Siehe auch:",
        "Mehr zu diesem Thema:",
        "Vedi anche",
        "Ayrıca bakınız:",
        "More on this topic",
    ] {
        all_go(
            &format!("<p><b>{title}</b></p>{}", headlines()),
            &[
                title,
                "Harbour wall to be rebuilt",
                "Lifeboat crew rescues",
                "Pier café reopens",
            ],
        );
    }
}

#[test]
fn a_sentence_that_says_see_also_stays() {
    for line in [
        // The opener begins a sentence of the story.
        "Siehe auch die Karte des Hafens, die das Amt im Frühjahr für die Fährgäste veröffentlicht hat.",
        "Vedi anche il nuovo orario, che il comune ha pubblicato sul suo sito la settimana scorsa.",
    ] {
        all_stay(&format!("<p>{line}</p>"), &[line]);
    }
    // A link inside such a sentence is the story's pointer, not a list.
    let line = r#"<p>Siehe auch den <a href="https://courier.example/report">Bericht des Hafenamts</a> aus dem Vorjahr, der die Kosten der zweiten Fähre auf zwei Millionen schätzte.</p>"#;
    all_stay(
        line,
        &["Siehe auch den Bericht des Hafenamts aus dem Vorjahr"],
    );
}

#[test]
fn a_lone_follow_link_goes_a_sentence_linking_the_reader_stays() {
    all_go(
        r#"<div><p>Jo Marsh</p></div>
<a href="https://news.google.com/publications/AbC123?hl=en"><svg width="16" height="16"><path d="M0 0h16v16z"></path></svg>Get our alerts on Google News</a>
<div><p>Topics: ferries, island</p></div>"#,
        &["Get our alerts on Google News"],
    );
    let line = r#"<p>The operator posts changes to the timetable on <a href="https://news.google.com/publications/AbC123">Google News</a> and on the noticeboard at the slipway.</p>"#;
    all_stay(
        line,
        &["on Google News and on the noticeboard at the slipway."],
    );
}

#[test]
fn a_lone_print_link_goes_a_print_link_in_a_sentence_stays() {
    // A print button between a picture's box and the rating line.
    all_go(
        r#"<div class="recipe-card"><div><p><img src="https://courier.example/ferry.jpg" alt="The ferry"></p></div><div class="spacer"></div> <a href="https://courier.example/ferry/print"><span><svg width="16px" height="16px" viewBox="0 0 24 24"><path d="M0 0h24v24z"></path></svg></span> Print recipe</a> <p><span> Rate this recipe </span></p></div>"#,
        &["Print recipe"],
    );
    let line = r#"<p>Passengers can <a href="https://courier.example/timetable.pdf">print</a> the new timetable from the operator's site before it goes up at the slipway.</p>"#;
    all_stay(line, &["print the new timetable"]);
}

#[test]
fn a_lone_gallery_count_goes_counts_in_lists_headings_and_sentences_stay() {
    for count in ["6 Bilder", "12 photos", "8 zdjęć", "5 fotos"] {
        let (n, word) = count.split_once(' ').unwrap();
        all_go(
            &format!(
                r#"<div><p><img src="https://courier.example/g.jpg" alt="The ferry"><span><strong>{n}</strong> {word}</span></p></div>"#
            ),
            &[count],
        );
    }
    all_stay(
        "<ul><li>12 photos</li><li>3 maps</li></ul>",
        &["12 photos", "3 maps"],
    );
    all_stay("<h3>12 photos</h3><p>The crossing in pictures, from the first boat of the morning to the last.</p>", &["12 photos"]);
    all_stay(
        "<p>Das Archiv zeigt 6 Bilder der alten Fähre.</p>",
        &["Das Archiv zeigt 6 Bilder der alten Fähre."],
    );
}

#[test]
fn an_author_and_time_list_goes_a_timeline_or_schedule_stays() {
    all_go(
        r#"<ul><li><a href="https://courier.example/authors/jo-marsh"><p><img src="https://courier.example/jo.jpg" alt="Jo Marsh" width="80" height="80"></p><span>Jo Marsh</span></a></li><li><time>12.05.24, 09:30 Uhr</time></li><li title="Print"></li></ul>"#,
        &["Jo Marsh", "12.05.24, 09:30"],
    );
    // A timeline's events and a schedule's titles are not names beside a time.
    all_stay(
        "<ul><li><time>1998</time></li><li>The first car ferry crosses</li></ul>",
        &["1998", "The first car ferry crosses"],
    );
    all_stay(
        r#"<ul><li><time>09:30</time> First sailing</li><li><a href="https://courier.example/slipway">Slipway</a></li></ul>"#,
        &["09:30 First sailing"],
    );
    all_stay(
        r#"<ul><li><a href="https://courier.example/a">Aldwick</a></li><li><a href="https://courier.example/b">Island quay</a></li><li><time>40 min</time></li></ul>"#,
        &["Aldwick", "Island quay"],
    );
}

#[test]
fn a_line_of_tag_links_goes_a_labelled_line_of_plain_words_stays() {
    all_go(
        r#"<p>Tags: <a href="/t/ferries">Ferries</a>, <a href="/t/islands">Islands</a>, <a href="/t/council">Council</a></p>
<div>Themen: <a href="/t/verkehr">Verkehr</a> <a href="/t/inseln">Inseln</a></div>
<p>Catégorie : <a href="/c/actualites">Actualités</a></p>"#,
        &["Tags:", "Themen:", "Catégorie"],
    );
    // An awards list names categories in plain words; a topic line of the
    // story is no link list either.
    all_stay(
        r#"<p>Kategorie: <i>Kinder- und Jugendbuch</i></p>
<p>Category: Best short documentary, awarded to the ferry crew's film</p>
<p>Topic: what the second sailing will cost the island's families</p>"#,
        &[
            "Kategorie: Kinder- und Jugendbuch",
            "Category: Best short documentary",
            "Topic: what the second sailing",
        ],
    );
}

#[test]
fn an_opener_ending_in_a_colon_with_its_link_goes_a_sentence_after_it_stays() {
    // The colon closes the opener ("Related:"), and the rest is a link to
    // another story: the line goes, whatever the share of its link.
    for (html, probe) in [
        (
            r#"<p>Related: <a href="/news/harbour-fees">Harbour fees to rise</a></p>"#,
            "Harbour fees to rise",
        ),
        (
            r#"<p>More: <a href="/news/pier-lights">Pier lights back on after the storm</a></p>"#,
            "Pier lights back on",
        ),
        (
            r#"<p>Watch: <a href="/video/new-ferry">The new ferry's first crossing from the air</a></p>"#,
            "first crossing from the air",
        ),
        (
            r#"<p>Listen: <a href="/audio/skipper">A skipper on forty years of crossings</a></p>"#,
            "forty years of crossings",
        ),
    ] {
        all_go(html, &[probe]);
    }
    // After the same opener, a sentence of the story with a link in it stays.
    let line = r#"<p>Related: the operator's <a href="/report">winter report</a> put the cost of the second vessel's repairs at two million pounds, twice the first estimate.</p>"#;
    all_stay(line, &["winter report put the cost of the second vessel"]);
    let line =
        "<p>Watch: the timetable changes again in October, when the winter sailings begin.</p>";
    all_stay(line, &["the timetable changes again in October"]);
}
