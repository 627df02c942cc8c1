//! The head of a story, on pages of our own prose. A byline written as a
//! line of text goes from the article and becomes the byline when the page
//! gives none (or only the site's name), goes when the page's byline names
//! the same person, and stays when it names someone else; lines that only
//! open like a byline, headings, lines past the story's head and lists of
//! credits stay. A kicker (the section label right before the headline)
//! goes with the headline the header shows; a sentence, a longer label,
//! a label beside a picture or two labels in one box stay there.

const LEAD: &str = "The harbour board of Kelling voted on Monday to dredge the inner basin for the first time in twenty years, after two fishing boats ran aground at low tide in a single week.";
const SECOND: &str = "Skippers had complained for years that silt from the river was creeping into the moorings, and the board's own survey found the channel a full metre shallower than the charts said.";
const THIRD: &str = "The work will take about six weeks and cost roughly two million pounds, most of it from a regional fund for small ports, with the rest coming from mooring fees over the next decade.";

/// A page whose article opens with `head` (before the story's three
/// paragraphs), with `meta` in its `<head>`.
fn page(meta: &str, head: &str) -> String {
    page_above(meta, "", head)
}

/// [`page`] with `above` right before the headline.
fn page_above(meta: &str, above: &str, head: &str) -> String {
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8">{meta}
<title>Kelling to dredge its harbour</title></head><body><main><article>
<header>{above}<h1>Kelling to dredge its harbour</h1></header>{head}
<p>{LEAD}</p><p>{SECOND}</p><p>{THIRD}</p></article></main></body></html>"#
    )
}

fn extract(meta: &str, head: &str) -> quire::Article {
    extract_page(&page(meta, head))
}

/// The article of `html`, after checking that the whole story is there.
fn extract_page(html: &str) -> quire::Article {
    let head = html;
    let a = quire::extract(
        html,
        Some("https://ledger.example/dredging"),
        &quire::Options::default(),
    )
    .unwrap();
    for p in [LEAD, SECOND, THIRD] {
        assert!(a.text.contains(p), "story lost with {head}: {}", a.text);
    }
    a
}

#[test]
fn a_byline_line_becomes_the_byline_when_the_page_has_none() {
    for (head, names) in [
        ("<p>Von Ann Lee und Bo Lin</p>", "Ann Lee und Bo Lin"),
        ("<p>By Ann Lee | May 2, 2024, 6:01 pm</p>", "Ann Lee"),
        (
            "<div>Written by <a href=/ann>Ann de Vries</a></div>",
            "Ann de Vries",
        ),
        ("<p>Texto: Ana Ruiz</p>", "Ana Ruiz"),
        (
            "<p>Por <span><a href=/a>Ana Ruiz Soto</a></span></p>",
            "Ana Ruiz Soto",
        ),
    ] {
        let a = extract("", head);
        assert_eq!(a.byline.as_deref(), Some(names), "{head}");
        assert!(!a.text.contains(names), "{head} kept: {}", a.text);
        assert!(a
            .clutter
            .iter()
            .any(|c| c.signals.iter().any(|s| s == "byline-line")));
    }
}

#[test]
fn a_byline_line_after_the_summary_and_the_date_goes() {
    let summary = "<p>After two boats ran aground in one week, the board has found the money to clear twenty years of silt from the inner basin, and work starts in the spring once the tides allow.</p>";
    let a = extract(
        "",
        &format!("{summary}<p>2. Mai 2024</p><p>Von Ann Lee</p>"),
    );
    assert_eq!(a.byline.as_deref(), Some("Ann Lee"));
    assert!(!a.text.contains("Von Ann Lee"), "{}", a.text);
}

#[test]
fn a_list_of_the_byline_and_the_date_goes() {
    let a = extract(
        "",
        "<ul><li><span>von Ann Lee</span></li><li><time>09.03.2022</time></li></ul>",
    );
    assert_eq!(a.byline.as_deref(), Some("Ann Lee"));
    assert!(!a.text.contains("Ann Lee"), "{}", a.text);
    assert!(!a.text.contains("09.03.2022"), "{}", a.text);
}

#[test]
fn the_same_person_as_the_pages_byline_goes_someone_else_stays() {
    let meta = r#"<meta name="author" content="Ann Lee">"#;
    let a = extract(meta, "<p>By Ann Lee, 2 May 2024</p>");
    assert_eq!(a.byline.as_deref(), Some("Ann Lee"));
    assert!(!a.text.contains("By Ann Lee"), "{}", a.text);

    let a = extract(meta, "<p>By Bo Lin</p>");
    assert_eq!(a.byline.as_deref(), Some("Ann Lee"));
    assert!(a.text.contains("By Bo Lin"), "{}", a.text);
}

#[test]
fn a_site_given_as_the_byline_gives_way_to_the_line() {
    for meta in [
        r#"<meta name="author" content="ledger.example">"#,
        r#"<meta property="og:site_name" content="Harbour Ledger"><meta name="author" content="Harbour Ledger">"#,
    ] {
        let a = extract(meta, "<p>Von Ann Lee und Bo Lin, 2. Mai 2024</p>");
        assert_eq!(a.byline.as_deref(), Some("Ann Lee und Bo Lin"), "{meta}");
        assert!(!a.text.contains("Bo Lin"), "{}", a.text);
    }
}

#[test]
fn lines_that_only_open_like_a_byline_stay() {
    for (head, line) in [
        ("<p>By the river, the old mill still turns.</p>", "By the river"),
        ("<p>Von der Planung bis zum Fest</p>", "Von der Planung"),
        ("<h3>By Royal Appointment</h3>", "By Royal Appointment"),
        ("<p>By Ann Lee, who has fished here since 1990</p>", "who has fished"),
        ("<p>Par ici la sortie</p>", "Par ici"),
        (
            "<ul><li>Autor: Ann Lee</li><li>Illustration: Bo Lin</li><li>Verlag: Harbour Books</li></ul>",
            "Autor: Ann Lee",
        ),
        ("<table><tr><td>By Ann Lee</td><td>Skipper</td></tr></table>", "By Ann Lee"),
    ] {
        let a = extract("", head);
        assert!(a.text.contains(line), "{head} lost: {}", a.text);
        assert_eq!(a.byline, None, "{head}");
    }
}

#[test]
fn a_byline_line_past_the_story_head_stays() {
    let html = format!(
        r#"<!doctype html><html lang="en"><head><title>Kelling to dredge its harbour</title></head>
<body><article><h1>Kelling to dredge its harbour</h1><p>{LEAD}</p><p>{SECOND}</p>
<p>By Ann Lee</p><p>{THIRD}</p></article></body></html>"#
    );
    let a = quire::extract(
        &html,
        Some("https://ledger.example/d"),
        &quire::Options::default(),
    )
    .unwrap();
    assert!(a.text.contains("By Ann Lee"), "{}", a.text);
}

#[test]
fn a_kicker_goes_with_the_headline() {
    for above in [
        "<p>Harbours</p>",
        r#"<span class="overline">Coast and sea</span>"#,
        "<h2><a href=/local>Local news</a></h2>",
    ] {
        let a = extract_page(&page_above("", above, ""));
        let label = above
            .split('>')
            .filter(|p| !p.starts_with('<'))
            .find_map(|p| p.split('<').next().filter(|t| !t.is_empty()))
            .unwrap();
        assert!(!a.text.contains(label), "{above} kept: {}", a.text);
    }
}

#[test]
fn a_sentence_a_longer_label_or_a_picture_above_the_headline_stays() {
    for (above, kept) in [
        ("<p>The basin closes for six weeks.</p>", "The basin closes"),
        (
            r#"<p><img src="/quay.jpg" width=600 height=400 alt="">Harbours</p>"#,
            "Harbours",
        ),
        ("<p>Harbour news from the coast</p>", "Harbour news from"),
        (r#"<div><p>Harbours</p><p>Dredging</p></div>"#, "Harbours"),
    ] {
        let a = extract_page(&page_above("", above, ""));
        assert!(a.text.contains(kept), "{above} lost: {}", a.text);
    }
}

/// A section heading after the story's paragraphs stays, even when its
/// words are all in the title: only a headline set again above the
/// article goes. The page here shows its headline in an image, so the
/// heading is the first one like the title.
#[test]
fn a_section_heading_with_the_titles_words_stays_after_the_prose() {
    let html = format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>When and how deep will Kelling dredge its harbour?</title></head><body><main><article>
<p><img src="/headline.png" alt="" width=900 height=120></p>
<p>{LEAD}</p><p>{SECOND}</p><h2>When will Kelling dredge its harbour?</h2><p>{THIRD}</p>
</article></main></body></html>"#
    );
    let a = extract_page(&html);
    assert!(
        a.text.contains("When will Kelling dredge its harbour?"),
        "section heading lost: {}",
        a.text
    );
}
