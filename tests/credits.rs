//! Photo credits written as text inside and beside captions, on a page of
//! our own prose: a credit at the end of a caption is cut off while the
//! caption stays, a credit line of its own goes, and prose, captions and
//! headings that only mention photos or copyright stay.

mod common;

/// The story: four paragraphs about public baths.
const STORY: [&str; 4] = [
    "The old swimming baths on Quay Street will reopen in the spring after a restoration that took almost four years and ran well over its first budget, the harbour trust said on Monday.",
    "The trust found rot in the roof beams soon after work began, and the pool itself had to be relined with tiles made to match the originals by a small works on the coast.",
    "Swimmers who remember the baths before they closed say the changing rooms were always cold, and the trust has promised underfloor heating and a new cafe beside the entrance hall.",
    "Tickets for the first week will be free for residents of the harbour wards, and a swimming club that trained there until the closure has already booked the early lanes.",
];

/// A news page with `inserts` between the second and third paragraphs.
fn page(inserts: &str) -> String {
    let mut body = String::new();
    for (i, p) in STORY.iter().enumerate() {
        if i == 2 {
            body.push_str(inserts);
        }
        body.push_str(&format!("<p>{p}</p>\n"));
    }
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Quay Street baths to reopen | The Harbour Post</title></head><body>
<main><article><h1>Quay Street baths to reopen in the spring</h1>
<p class="byline">By Tove Arnell</p><div class="story-body">
{body}</div></article></main></body></html>"#
    )
}

/// The article for the page with `inserts`, after checking that the whole
/// story is there.
fn extract_with(inserts: &str) -> quire::Article {
    let html = page(inserts);
    common::text_keeping(&html, "https://post.example/baths", &STORY, inserts);
    quire::extract(
        &html,
        Some("https://post.example/baths"),
        &quire::Options::default(),
    )
    .unwrap()
}

/// A figure with a picture and `caption` as its `<figcaption>`.
fn figure(caption: &str) -> String {
    format!(r#"<figure><img src="/baths.jpg" alt=""><figcaption>{caption}</figcaption></figure>"#)
}

const CAPTION: &str = "The old baths in 1925, before the new roof was built.";

#[test]
fn a_credit_at_the_end_of_a_caption_goes_and_the_caption_stays() {
    for credit in [
        " Foto: Hafen/Jane Doe",
        " © Jane Doe / Harbour Archive",
        " Photograph: Jane Doe/Getty Images",
        " Photo: Jane Doe/AP",
        " Photo : Jane Doe/AFP",
        " Foto: Jane Doe/EFE",
        " Beeld: Jane Doe/ANP",
        " Fot. Jane Doe/PAP",
        " - © jane_doe - stock.adobe.com",
        " Photo: Reuters",
        " Bild <a href=\"https://archive.example/1925\">via</a>",
        " / Źródło: <span class=\"credit\">Pixabay</span>",
        " /public domain",
        "<br>Foto: Jane Doe",
        "<span>Photo: Jane Doe/Harbour Archive</span>",
    ] {
        let a = extract_with(&figure(&format!("{CAPTION}{credit}")));
        assert!(
            a.text.contains(CAPTION),
            "caption lost with {credit}: {}",
            a.text
        );
        assert!(
            !a.text.contains("Jane")
                && !a.text.contains("via")
                && !a.text.contains("Źródło")
                && !a.text.contains("public domain")
                && !a.text.contains("Reuters")
                && !a.text.contains("Pixabay"),
            "credit kept: {credit}"
        );
        let removed = a
            .clutter
            .iter()
            .find(|r| {
                r.signals
                    .iter()
                    .any(|s| s.starts_with("credit-") || s == "caption-credit")
            })
            .unwrap_or_else(|| panic!("no credit reported for {credit}"));
        assert_eq!(removed.kind, quire::ClutterKind::Meta);
    }
}

#[test]
fn a_credit_cut_from_a_caption_is_explained_and_the_text_agrees() {
    let html = page(&figure(&format!("{CAPTION} Foto: Hafen/Jane Doe")));
    let url = Some("https://post.example/baths");
    let ex = quire::explain(&html, url, &quire::Options::default()).unwrap();
    let cut = ex
        .article
        .clutter
        .iter()
        .find(|r| r.signals == ["credit-tail"])
        .expect("the cut is reported");
    assert_eq!(cut.text, "Foto: Hafen/Jane Doe");
    // The caption's text node keeps its start, and explain reads it so.
    let squeezed: String = ex
        .article
        .text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert_eq!(ex.kept_text, squeezed);
    assert!(ex
        .article
        .content
        .contains("before the new roof was built.</figcaption>"));
}

#[test]
fn a_short_caption_keeps_a_labelled_credit_but_not_a_copyright_sign() {
    // What would be left is no caption: the whole line stays.
    let a = extract_with(&figure("Baths, 1925. Foto: Hafen/Jane Doe"));
    assert!(a.text.contains("Baths, 1925. Foto: Hafen/Jane Doe"));
    // "©" only ever opens a credit.
    let a = extract_with(&figure("Baths © Jane Doe / Harbour Archive"));
    assert!(a.text.contains("Baths") && !a.text.contains("Jane Doe"));
}

#[test]
fn a_credit_line_of_its_own_goes() {
    for line in [
        "Fotos © Jane Doe",
        "Zeichnungen © Jane Doe",
        "Copyright: Harbour Archive",
        "Photographer: Jane Doe, Harbour Archive",
        "Screenshots: Instagram/ janedoe",
        "Quelle: Stadtarchiv Hafen",
        "Źródło: Archiwum Portu",
        "Fuente: Archivo del Puerto",
        "Source: Harbour Archive",
        "Crédits : Jane Doe",
        "Image credit: harbour-archive.example/1925",
        "Picture credits: Jane Doe",
    ] {
        let a = extract_with(&format!("<p>{line}</p>"));
        assert!(!a.text.contains(line), "credit line kept: {line}");
    }
    // After a `<br>`, below the caption-like line above it.
    let a = extract_with("<p>The pool hall, looking east<br>Foto © Jane Doe</p>");
    assert!(a.text.contains("The pool hall, looking east") && !a.text.contains("Jane Doe"));
}

#[test]
fn prose_headings_and_names_that_mention_photos_or_copyright_stay() {
    for keep in [
        "<p>The photographer, Jane Doe, said the copyright belongs to the town.</p>",
        "<p>The trust holds the © 2021 the author notice on every print it sells, and says the Foto: label on old prints was added by a dealer in the 1960s.</p>",
        "<h2>Photos of the week</h2>",
        "<p>Source of the trouble was the timber deck, engineers said.</p>",
        "<p>Picture the pool on a winter morning.</p>",
    ] {
        let a = extract_with(keep);
        let text = keep
            .trim_start_matches(|c| c != '>')
            .trim_start_matches('>')
            .split('<')
            .next()
            .unwrap();
        assert!(a.text.contains(text), "lost: {keep}");
    }
    // A caption that is only the name of the person pictured, or that
    // names them after a label.
    for caption in ["Jane Doe", "The trust's chair. Bild: Jane Doe"] {
        let a = extract_with(&figure(caption));
        assert!(a.text.contains(caption), "caption lost: {caption}");
    }
    // A paragraph of prose that ends with a credit-like phrase is no caption.
    let prose =
        "The trust thanked the town's archivist, who found the plans in a cellar. © Jane Doe";
    let a = extract_with(&format!("<p>{prose}</p>"));
    assert!(a.text.contains(prose));
    // A copyright line with a year under a poem stays with it.
    let poem =
        "<p>The water keeps the winter's light<br>and gives it back at noon<br>© 2004 Jane Doe</p>";
    let a = extract_with(poem);
    assert!(a.text.contains("© 2004 Jane Doe"));
}

#[test]
fn a_bracketed_credit_stays_with_its_caption() {
    // The reference reader keeps it, and so does Quire: "(AP)" is set in
    // the caption's own punctuation.
    for credit in [" (REUTERS/Jane Doe)", " (Foto: Jane Doe)", " (© Jane Doe)"] {
        let a = extract_with(&figure(&format!("{CAPTION}{credit}")));
        assert!(a.text.contains(&format!("{CAPTION}{credit}")), "{credit}");
    }
}

/// Whether the text of `a` holds none of `gone` and all of `kept`, with a
/// credit reported as removed page furniture.
fn credit_went(a: &quire::Article, gone: &str, kept: &[&str]) -> bool {
    !a.text.contains(gone)
        && kept.iter().all(|k| a.text.contains(k))
        && a.clutter.iter().any(|r| {
            r.kind == quire::ClutterKind::Meta
                && r.signals.iter().any(|s| {
                    s.starts_with("credit-") || s == "caption-credit" || s == "photo-credit"
                })
        })
}

/// Asserts that `credit` at the end of the caption is cut off, none of
/// `gone` left, and the caption stays.
fn assert_tail_went(credit: &str, gone: &[&str]) {
    let a = extract_with(&figure(&format!("{CAPTION}{credit}")));
    assert!(
        credit_went(&a, gone[0], &[CAPTION]) && gone.iter().all(|g| !a.text.contains(g)),
        "{credit}: {}",
        a.text
    );
}

#[test]
fn a_credit_named_by_its_class_goes_inside_a_caption_box_or_after_its_picture() {
    // In a box named a caption (no <figure>), beside the caption itself.
    let boxed = format!(
        r#"<div class="story-pic"><img src="/baths.jpg" alt=""><div class="pic__caption"><span class="pic__copyright">Jane Doe/Harbour Archive</span><div class="caption-text">{CAPTION}</div></div></div>"#
    );
    let a = extract_with(&boxed);
    assert!(credit_went(&a, "Jane Doe", &[CAPTION]), "{}", a.text);
    // Right after the picture, in a box of its own with no caption.
    let hero = r#"<div class="hero"><img src="/baths.jpg" alt=""><span class="hero-copyright">Jane Doe</span></div>"#;
    let a = extract_with(hero);
    assert!(credit_went(&a, "Jane Doe", &[]), "{}", a.text);
}

#[test]
fn a_labelled_agency_after_an_abbreviated_label_goes_whole() {
    let a = extract_with(&figure(&format!("{CAPTION} fot. Pixabay")));
    assert!(
        credit_went(&a, "Pixabay", &[CAPTION]) && !a.text.contains("fot."),
        "{}",
        a.text
    );
}

#[test]
fn names_in_a_caption_box_or_in_prose_stay_when_nothing_names_them_a_credit() {
    // The caption is the name of the person pictured, in a box named a
    // caption: no credit class, no label.
    let boxed = r#"<div class="pic"><img src="/baths.jpg" alt=""><div class="pic__caption"><span>Jane Doe at home</span></div></div>"#;
    let a = extract_with(boxed);
    assert!(a.text.contains("Jane Doe at home"), "{}", a.text);
    // A span named a credit inside a sentence, with no picture before it.
    let prose = r#"<p>The pool was restored by <span class="credit-name">Jane Doe</span> and her team of tilers from the coast.</p>"#;
    let a = extract_with(prose);
    assert!(
        a.text.contains("restored by Jane Doe and her team"),
        "{}",
        a.text
    );
}

#[test]
fn a_credit_that_names_its_sources_with_no_label_goes() {
    // A caption that is only the credit.
    for credit in [
        "Jane Doe/Harbour Archive",
        "JANE DOE/AFP/Getty Images",
        "(Jane Doe/Moodboard/Getty)",
        "janedoe/iStock/Getty Images",
    ] {
        let a = extract_with(&figure(credit));
        assert!(credit_went(&a, credit, &[]), "{credit}: {}", a.text);
    }
    // Beside the caption, in an element of its own.
    let a = extract_with(&figure(&format!(
        "<span>{CAPTION}</span> <span>Jane Doe/Reuters</span>"
    )));
    assert!(credit_went(&a, "Jane Doe", &[CAPTION]), "{}", a.text);
    // At the end of the caption's text, after a separator.
    for credit in [
        " | Jane Doe/Getty Images",
        " / Shutterstock",
        " Jane Doe / AFP - Getty Images",
    ] {
        assert_tail_went(credit, &["Jane", "Getty", "AFP", "Shutterstock"]);
    }
    // A block of its own right after the picture, naming an agency.
    for after in [
        r#"<p><img src="/baths.jpg" alt=""></p><p>Jane Doe/Reuters</p>"#,
        r#"<div><img src="/baths.jpg" alt=""></div><div><div class="pic-source">Getty Images</div></div>"#,
    ] {
        let a = extract_with(after);
        assert!(
            !a.text.contains("Reuters") && !a.text.contains("Getty"),
            "{after}: {}",
            a.text
        );
    }
}

#[test]
fn names_joined_by_a_slash_stay_where_nothing_makes_them_a_credit() {
    // After the picture, names with no agency may be the story's byline,
    // and a byline's word makes it one.
    for line in ["Jane Doe / Tom Reed", "By Jane Doe / Tom Reed"] {
        let html = format!(r#"<p><img src="/baths.jpg" alt=""></p><p>{line}</p>"#);
        let a = extract_with(&html);
        assert!(a.text.contains(line), "{line}: {}", a.text);
    }
    // A byline at the top of the story, with no picture before it.
    let a = extract_with("<p>By Jane Doe / Reuters</p>");
    assert!(a.text.contains("By Jane Doe / Reuters"), "{}", a.text);
    // Captions that are no credit: one word each side, the person
    // pictured, a sentence that names an agency, a caption before the
    // agency too short to stand alone (the line stays whole).
    for caption in [
        "Before/After",
        "Jane Doe at home",
        "Jane Doe, who took pictures for Reuters in the 1980s, at the baths.",
        "Jane Doe at home / Reuters",
        "Harbour baths, 1925/1926",
    ] {
        let a = extract_with(&figure(caption));
        assert!(a.text.contains(caption), "{caption}: {}", a.text);
    }
    // A bracketed credit at the caption's end stays with it, whole.
    for credit in [
        " (Bild: Jane Doe / AP)",
        " (Foto: dpa)",
        " (Jane Doe/AFP/Getty Images)",
    ] {
        let a = extract_with(&figure(&format!("{CAPTION}{credit}")));
        assert!(a.text.contains(&format!("{CAPTION}{credit}")), "{credit}");
    }
    // A dateline and prose after a picture.
    for line in [
        "Berlin/Potsdam",
        "The trust bought the pictures from Reuters/Getty Images last year for its archive.",
    ] {
        let html = format!(r#"<p><img src="/baths.jpg" alt=""></p><p>{line}</p>"#);
        let a = extract_with(&html);
        assert!(a.text.contains(line), "{line}: {}", a.text);
    }
}

#[test]
fn a_photographer_label_and_one_name_at_a_captions_end_go_but_a_picture_label_stays() {
    for credit in [
        " Foto: Jane Doe",
        " | photo by Jane Doe",
        " Photo: Harbour Archive.",
    ] {
        assert_tail_went(credit, &["Jane Doe", "Harbour Archive"]);
    }
    // "Bild:" and "Image:" may name who is pictured.
    for credit in [" Bild: Jane Doe", " Image: Jane Doe"] {
        let line = format!("{CAPTION}{credit}");
        let a = extract_with(&figure(&line));
        assert!(a.text.contains(&line), "{credit}: {}", a.text);
    }
    // A caption sentence that mentions a photo keeps its words.
    let line = "The pool hall, looking east, in a photo Jane Doe took in 1925.";
    let a = extract_with(&figure(line));
    assert!(a.text.contains(line), "{}", a.text);
}
