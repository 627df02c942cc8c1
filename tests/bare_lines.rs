//! Furniture lines standing alone as plain block text between a story's
//! paragraphs, with no control's markup around them, on a page of our own
//! prose: save and gift controls, a corrections control, a pop-up's
//! dismissal, sponsored-link titles, comment-list controls, a paywall's
//! meter, a sign-in prompt, an author box's pointer, a trial offer and a
//! form's consent statement must go, in eight languages, as a `<p>`, a
//! `<div>` or a `<span>` of their own; while every paragraph of the story
//! stays, and so does prose that uses the same words, a one-word line
//! that could be a subhead, and such a line in a list or a quotation.

mod common;

/// The story: six paragraphs about a community orchard.
const STORY: [&str; 6] = [
    "Volunteers in Marrow End planted forty apple and pear trees on the old allotment field on Saturday, the first step towards a community orchard the parish has talked about for a decade.",
    "The trees are old local varieties, grafted over the winter by a retired nurseryman who kept cuttings from farm orchards that were grubbed up when the bypass was built.",
    "Each tree has been adopted by a household in the village, which will water it through its first two summers and share in the fruit once the trees start to bear.",
    "The parish council paid for the fencing and the rabbit guards, and a builders' merchant on the trading estate gave the posts and wire at cost.",
    "Organisers hope to add a row of plums and damsons next winter and to hold an apple day in the autumn of the third year, when the first good crop is expected.",
    "Anyone who would like to adopt one of the remaining trees can leave their name at the village shop, where a map of the planting is pinned up by the till.",
];

/// The Marrow Gazette's page of the story, with inserts between the
/// third and fourth paragraphs.
const PAGE: common::Story = common::Story {
    paragraphs: &STORY,
    at: 3,
    site: "Marrow Gazette",
    title: "Villagers plant a community orchard",
    heading: "Villagers plant forty trees for a community orchard",
    url: "https://gazette.example/orchard",
};

/// The shapes a bare line takes: a paragraph, a box and a lone inline
/// element between blocks, none of them a link, a button or a form.
fn bare_shapes(line: &str) -> [String; 3] {
    [
        format!("<p>{line}</p>"),
        format!("<div>{line}</div>"),
        format!("<p>Tree number twelve went to the school.</p><span>{line}</span><p>Tree number thirteen went to the pub.</p>"),
    ]
}

/// Asserts that `line` goes in every shape of [`bare_shapes`].
fn goes(line: &str) {
    for html in bare_shapes(line) {
        let text = PAGE.text_with(&html);
        assert!(!text.contains(line), "{html} kept: {text}");
    }
}

/// Asserts that `line` stays, as a paragraph and as a box.
fn stays(line: &str) {
    PAGE.assert_stays(line);
    let text = PAGE.text_with(&format!("<div>{line}</div>"));
    assert!(text.contains(line), "lost as a box: {line}");
}

#[test]
fn save_gift_and_corrections_controls_go() {
    for line in [
        "Save for later",
        "Gift this article",
        "Report an error",
        "Print this page",
        "Artikel merken",
        "Fehler melden",
        "Lire plus tard",
        "Signaler une erreur",
        "Guardar para después",
        "Segnala un errore",
        "Ler mais tarde",
        "Fout melden",
        "Zgłoś błąd",
    ] {
        goes(line);
    }
}

#[test]
fn a_pop_up_dismissal_and_consent_buttons_go() {
    for line in [
        "Remind me later",
        "Erinnere mich später",
        "Rappelez-moi plus tard",
        "Manage cookies",
        "Alle akzeptieren",
        "Tout refuser",
        "Aceptar todo",
        "Accetta tutto",
        "Alles accepteren",
        "Akceptuj wszystkie",
    ] {
        goes(line);
    }
}

#[test]
fn sponsored_and_trending_titles_and_list_controls_go() {
    for line in [
        "Promoted content",
        "Sponsored links by Acme Ads",
        "Trending now",
        "Gesponserte Inhalte",
        "Contenus sponsorisés",
        "Contenido patrocinado",
        "Load more comments",
        "Mehr Kommentare laden",
        "Carica altri commenti",
        "Sort by: Newest",
        "Sortieren nach: Beliebteste",
        "Trier par : Plus récents",
        "Sortuj według: Najnowsze",
        "On this page",
        "Recommended for you",
        "Enlarge this image",
        "Toggle caption",
        "Hide caption",
        "This material may not be published, broadcast, rewritten or redistributed.",
    ] {
        goes(line);
    }
}

#[test]
fn a_paywall_meter_and_a_sign_in_prompt_go() {
    for line in [
        "You've read 3 of 5 free articles this month.",
        "You’ve read 4 of 5 free articles this month.",
        "You have 2 free articles left",
        "This is your last free article.",
        "Sie haben 3 von 5 kostenlosen Artikeln gelesen.",
        "Dies ist Ihr letzter kostenloser Artikel.",
        "Vous avez lu 3 articles gratuits sur 5 ce mois-ci.",
        "Has leído 3 de 5 artículos gratuitos este mes.",
        "Hai letto 3 articoli gratuiti su 5.",
        "Você leu 3 de 5 artigos gratuitos.",
        "Je hebt 3 van de 5 gratis artikelen gelezen.",
        "Przeczytałeś 3 z 5 darmowych artykułów.",
        "Already registered? Sign in",
        "Bereits registriert? Anmelden",
        "¿Ya tienes cuenta? Inicia sesión",
        "Masz już konto? Zaloguj się",
    ] {
        goes(line);
    }
}

#[test]
fn an_author_box_pointer_a_trial_offer_and_a_consent_line_go() {
    for line in [
        "More from Ruth Penhale",
        "Mehr von Anna Berger",
        "Follow Ruth Penhale on Bluesky",
        "Suivez Claire Martin sur Instagram",
        "Try Gazette Plus free for 30 days",
        "Start your free trial",
        "Jetzt kostenlos testen",
        "I agree to the terms and privacy policy",
        "Ich stimme den Nutzungsbedingungen und der Datenschutzerklärung zu",
        "Acepto los términos y condiciones",
    ] {
        goes(line);
    }
}

#[test]
fn a_removed_line_is_reported_with_its_signal() {
    let html = PAGE.page("<div>You've read 3 of 5 free articles this month.</div><div>More from Ruth Penhale</div><div>Save for later</div>");
    let a = quire::extract(&html, Some(PAGE.url), &quire::Options::default()).unwrap();
    let signals: Vec<(&str, &str)> = a
        .clutter
        .iter()
        .flat_map(|r| r.signals.iter().map(move |s| (r.text.as_str(), s.as_str())))
        .collect();
    for (text, signal) in [
        ("You've read 3 of 5 free articles this month.", "meter-line"),
        ("More from Ruth Penhale", "named-line"),
        ("Save for later", "bare-line"),
    ] {
        assert!(signals.contains(&(text, signal)), "{text}: {signals:?}");
    }
}

#[test]
fn prose_with_the_same_words_stays() {
    for line in [
        "Prices for cider apples are trending now toward the levels of last spring.",
        "More from the orchard this week, as the first blossom opens.",
        "Try the apple cake at the village hall, free for the first fifty visitors.",
        "Sort by size before you store the apples, the nurseryman advised.",
        "You have read about the trees; now read about the households that adopted them.",
        "You have 3 weeks to adopt a tree, and 2 free saplings go to the school.",
        "The council said it would save for later years.",
        "Report an error in the planting map to the parish clerk.",
        "Follow the river path on Instagram, the tourist board suggests.",
        "Load more straw around the young trees before the frost, she said.",
        "More from Brussels: the EU budget for rural schemes",
        "Already registered growers can sign in at the village shop.",
        "I agree to the terms of the lease, the farmer told the council.",
        "Sie haben 3 Bäume gepflanzt und 2 weitere bestellt.",
        "Dies ist Ihr letzter Besuch im Obstgarten, sagte der Gärtner.",
        "Mehr von Obstbäumen",
        "You have 10 free articles a month on most news sites, the study found.",
        "More from Ruth",
        "Pears recommended for you by the nurseryman grow well in clay.",
        "Hide caption cards in the shed so the children find them at the apple day.",
        "The parish newsletter may not be published this month, the clerk said.",
    ] {
        stays(line);
    }
}

#[test]
fn one_word_and_dialogue_lines_stay() {
    for line in [
        "Accept",
        "Topics",
        "Not now",
        "Maybe later",
        "Email Marketing",
    ] {
        stays(line);
    }
}

#[test]
fn a_quoted_consent_and_lines_in_a_list_or_a_quotation_stay() {
    stays("“I agree to the terms and conditions, but not to the rent,” she said.");
    let list = "<ul><li>Save for later</li><li>Report an error</li><li>Print this page</li></ul>";
    let text = PAGE.text_with(&format!("<p>The new parish app lets you:</p>{list}"));
    for item in ["Save for later", "Report an error", "Print this page"] {
        assert!(text.contains(item), "list item lost: {item}");
    }
    let quote = "<blockquote><p>Remind me later</p></blockquote>";
    let text = PAGE.text_with(quote);
    assert!(text.contains("Remind me later"), "quotation lost: {text}");
}

#[test]
fn marks_counts_and_an_icon_around_the_line_do_not_hide_it() {
    for (html, line) in [
        (
            "<div><div><span>Load more comments (24) ›</span></div></div>",
            "Load more comments",
        ),
        ("<div>Sort by: Newest ▾</div>", "Sort by"),
        (
            r#"<div><svg viewBox="0 0 24 24"><path d="M0 0h24v24H0z"/></svg>Gift this article</div>"#,
            "Gift this article",
        ),
        ("<p>Mehr von Anna Berger »</p>", "Anna Berger"),
    ] {
        let text = PAGE.text_with(html);
        assert!(!text.contains(line), "{html} kept: {text}");
    }
}

#[test]
fn a_picture_beside_a_bare_line_stays() {
    let html = PAGE.page(r#"<div><img src="/orchard-map.jpg" alt="Map of the planting"><span>Trending now</span></div>"#);
    let a = quire::extract(&html, Some(PAGE.url), &quire::Options::default()).unwrap();
    assert!(
        a.content.contains("orchard-map.jpg"),
        "picture lost: {}",
        a.content
    );
}
