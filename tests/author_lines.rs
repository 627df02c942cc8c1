//! Author furniture naming the story's author, the person of the page's
//! byline, on a page of our own prose: contact, follow and "more from"
//! pointers with the author's full or first name go anywhere in the
//! article, and a short bio sentence with a role phrase goes from the
//! article's end, in English, German, French and Spanish. The same lines
//! stay when they name someone else or the page has no byline; a bio-like
//! sentence stays in the story's middle, without a role phrase, in a
//! quotation, or when too long.

mod common;

/// The story: five paragraphs about a village ferry.
const STORY: [&str; 5] = [
    "The chain ferry across the Wend at Holloway Staithe carried its first passengers in eleven months on Friday, after a new engine arrived from a yard on the coast.",
    "The crossing saves drivers a detour of nine miles through the market town, and the school bus has used it since the nineteen-fifties.",
    "Parish volunteers kept the landing stages clear of weed through the winter so that the ferry could run again as soon as the engine was fitted.",
    "The ferryman, who has worked the crossing for thirty years, said the new engine was quieter than the old one and would need far less oil.",
    "Fares stay at one pound for foot passengers and three for cars, and the ferry will run from seven in the morning until dusk every day but Christmas.",
];

/// The page of the story by `author` (its `<meta name="author">`, none
/// when empty), with `middle` before the third paragraph and `end` after
/// the last.
fn page(author: &str, middle: &str, end: &str) -> String {
    let body = common::paragraphs_with(&STORY, 2, middle);
    let meta = if author.is_empty() {
        String::new()
    } else {
        format!(r#"<meta name="author" content="{author}">"#)
    };
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8">{meta}
<meta property="og:site_name" content="Wend Valley Post">
<title>Ferry runs again | Wend Valley Post</title></head><body>
<main><article><h1>The Holloway ferry runs again</h1>
<div class="story">
{body}{end}</div></article></main></body></html>"#
    )
}

/// The text of the page, after checking that the whole story is there.
fn text(author: &str, middle: &str, end: &str) -> String {
    let html = page(author, middle, end);
    common::text_keeping(&html, "https://post.example/ferry", &STORY, &html)
}

/// Asserts that pointer `line` goes in the story's middle as a paragraph,
/// a box and a lone `<span>` on a page by `author`.
fn pointer_goes(author: &str, line: &str) {
    for shape in [
        format!("<p>{line}</p>"),
        format!("<div>{line}</div>"),
        format!("<p>The landing was rebuilt.</p><span>{line}</span><p>The ramp was painted.</p>"),
    ] {
        let t = text(author, &shape, "");
        assert!(!t.contains(line), "{shape} kept: {t}");
    }
}

/// Asserts that `line` as a paragraph in the story's middle stays on a
/// page by `author`.
fn middle_stays(author: &str, line: &str) {
    let t = text(author, &format!("<p>{line}</p>"), "");
    assert!(t.contains(line), "lost: {line}");
}

/// Asserts that `line` after the story's last paragraph goes (`goes`) or
/// stays on a page by `author`.
fn at_end(author: &str, line: &str, goes: bool) {
    for shape in [format!("<p>{line}</p>"), format!("<p><em>{line}</em></p>")] {
        let t = text(author, "", &shape);
        assert_eq!(!t.contains(line), goes, "{shape}: {t}");
    }
}

#[test]
fn pointers_naming_the_author_go() {
    for line in [
        "Email Ruth",
        "Email Ruth Penhale",
        "Contact Ruth Penhale",
        "More from Ruth",
        "More stories by Ruth Penhale",
        "Follow Ruth on Bluesky",
        "Follow Ruth",
        "Mehr von Ruth",
        "Schreiben Sie Ruth Penhale",
        "Plus d'articles de Ruth Penhale",
        "Plus d’articles de Ruth",
        "Contacter Ruth",
        "Más de Ruth Penhale",
        "Escribe a Ruth",
    ] {
        pointer_goes("Ruth Penhale", line);
    }
    // The byline's label and second author.
    pointer_goes("Text: Tom Ashby und Ruth Penhale", "Email Ruth");
    pointer_goes("By Ruth Penhale", "E-mail Ruth Penhale.");
}

#[test]
fn pointers_naming_someone_else_stay() {
    for line in [
        "Email Marketing",
        "Email Ruthie",
        "Email Penhale",
        "Contact Ruth Ellis",
        "Email Ruth about the timetable",
        "Follow Ruth down to the landing stage",
    ] {
        middle_stays("Ruth Penhale", line);
    }
    // No byline, or a byline of one word: the first name names no one.
    middle_stays("", "Email Ruth");
    middle_stays("Ruth", "Email Ruth");
    middle_stays("Redaktion", "Kontakt zu Redaktion");
    // A pointer in a quotation is someone's words.
    let t = text(
        "Ruth Penhale",
        "<blockquote><p>Email Ruth</p></blockquote>",
        "",
    );
    assert!(t.contains("Email Ruth"), "{t}");
}

#[test]
fn bios_of_the_author_at_the_end_go() {
    for line in [
        "Ruth Penhale reports on rural affairs for the Wend Valley Post.",
        "Ruth Penhale is a staff writer at the Wend Valley Post. She lives in Holloway.",
        "Ruth Penhale is the Post's transport correspondent.",
        "Ruth Penhale ist Redakteurin bei der Talpost.",
        "Ruth Penhale schreibt für die Talpost über Landwirtschaft.",
        "Ruth Penhale est journaliste au Courrier du Val.",
        "Ruth Penhale es periodista en el Diario del Valle.",
        "Ruth Penhale escribe sobre el campo para el Diario del Valle.",
    ] {
        at_end("Ruth Penhale", line, true);
    }
}

#[test]
fn sentences_about_the_author_that_are_no_bio_stay() {
    // No role phrase: the author as a subject of the news.
    at_end(
        "Ruth Penhale",
        "Ruth Penhale is a parish councillor and crossed on the first run.",
        false,
    );
    at_end(
        "Ruth Penhale",
        "Ruth Penhale ist Mitglied des Fährvereins.",
        false,
    );
    // Only the first name, or someone else.
    at_end("Ruth Penhale", "Ruth is a staff writer at the Post.", false);
    at_end(
        "Ruth Penhale",
        "Tom Ashby reports on rural affairs for the Wend Valley Post.",
        false,
    );
    // No byline.
    at_end(
        "",
        "Ruth Penhale reports on rural affairs for the Post.",
        false,
    );
    // A quotation, three sentences, or a long paragraph.
    at_end(
        "Ruth Penhale",
        "“Ruth Penhale is a reporter, not a ferryman,” the skipper joked.",
        false,
    );
    at_end(
        "Ruth Penhale",
        "Ruth Penhale reports on rural affairs. She crossed twice. The river was high.",
        false,
    );
    let long = format!(
        "Ruth Penhale is a reporter who {}",
        "crossed on the ferry as a child and remembers the old engine well, ".repeat(5)
    );
    at_end("Ruth Penhale", long.trim_end(), false);
    // In the story's middle, a bio sentence is the story's.
    middle_stays(
        "Ruth Penhale",
        "Ruth Penhale reports on rural affairs for the Wend Valley Post.",
    );
}
