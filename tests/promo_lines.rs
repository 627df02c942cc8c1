//! Promotion, paywall and control lines inside a news story, on a page of
//! our own prose: an app promotion, an ad's "continues below" label, a
//! media player's fallback text, a register wall's lines, a lone "read
//! more" control, a heading that is one share link, a subscription offer
//! and a "follow us" line must go between the story's paragraphs, while
//! every paragraph of the story stays, and so does prose that speaks of
//! apps, advertising, browsers, paywalls, sharing, contracts or following
//! something on a platform.

mod common;

/// The story: six paragraphs about a harbour.
const STORY: [&str; 6] = [
    "The harbour board of Kelling voted on Monday to dredge the inner basin for the first time in twenty years, after two fishing boats ran aground at low tide in a single week last month.",
    "Skippers had complained for years that silt from the river was creeping into the moorings, and the board's own survey last spring found the channel a full metre shallower than the charts said.",
    "The work will take about six weeks and cost roughly two million pounds, most of it from a regional fund for small ports, with the rest coming from mooring fees over the next decade.",
    "Some residents worry that the dredged mud, which will be spread on farmland inland, may carry old paint and fuel from the boatyard that closed in the nineteen-nineties on the north quay.",
    "The board said tests so far had found nothing above the legal limits, and that samples would be taken every few days while the dredger is at work in the basin.",
    "Work should start in April, once the spring tides have passed, and the basin will stay open to boats throughout, though berths near the dredger will be moved for a week at a time.",
];

/// The Harbour Ledger's page of the story, with inserts between the
/// third and fourth paragraphs.
const PAGE: common::Story = common::Story {
    paragraphs: &STORY,
    at: 3,
    site: "Harbour Ledger",
    title: "Kelling to dredge its harbour",
    heading: "Kelling to dredge its inner harbour after boats run aground",
    url: "https://ledger.example/dredging",
};

/// The text of the story with `inserts`, after checking that the whole
/// story is there.
fn text_with(inserts: &str) -> String {
    PAGE.text_with(inserts)
}

/// Asserts that `line`, in each shape of [`common::line_shapes`], goes.
fn goes_in_every_shape(line: &str) {
    PAGE.assert_goes(line);
}

/// Asserts that `line` as a paragraph stays.
fn stays(line: &str) {
    PAGE.assert_stays(line);
}

#[test]
fn an_app_promotion_goes_a_sentence_about_an_app_stays() {
    for line in [
        "Get the Harbour Ledger app, free on iOS and Android.",
        "Download the app for breaking news alerts.",
        "Lade dir jetzt die App herunter und verpasse keine Nachricht mehr.",
        "Die Ledger-App: jetzt kostenlos für iOS und Android!",
        "Descarga la app y recibe las últimas noticias del puerto.",
    ] {
        goes_in_every_shape(line);
    }
    for line in [
        "Download the app on your phone and pair it with the depth sounder before the first trip out.",
        "The tide app is free on iOS and Android, the harbour master said, but few older skippers use it.",
        "Lade dir die App herunter und verbinde sie mit dem Echolot, erklärte der Hafenmeister den Fischern.",
        "Get the app running before you leave the quay, the skipper advised, or the charts will not load at sea.",
    ] {
        stays(line);
    }
}

#[test]
fn an_ad_continuation_label_goes_a_sentence_about_advertising_stays() {
    for line in [
        "CONTINUA DEPOIS DA PUBLICIDADE",
        "Der Artikel wird unter der Anzeige fortgesetzt",
        "El artículo continúa después del anuncio",
        "La suite après l'annonce",
        "Het artikel gaat verder onder de advertentie",
        "Story continues below",
        "Article continues below",
        "Gesponsert",
        "Sponsorisé",
    ] {
        goes_in_every_shape(line);
    }
    stays("The story continues below the harbour wall, where the dredger found the old anchor chain in the silt.");
    stays("Gesponsert wurde die Ausbaggerung vom Land, das die Hälfte der Kosten trägt.");
    stays("Advertising on the harbour wall continues below the old lighthouse, where the board rents space to local shops.");
    stays("Die Anzeige des Hafenamts wurde am Montag fortgesetzt, nachdem ein Fischer gegen die Gebühren geklagt hatte.");
}

#[test]
fn a_media_player_s_fallback_text_goes_a_sentence_about_browsers_stays() {
    for line in [
        "Media playback is unsupported on your device",
        "Your browser does not support the video tag.",
        "Ihr Browser unterstützt das Video-Tag nicht.",
        "Votre navigateur ne prend pas en charge la vidéo.",
    ] {
        goes_in_every_shape(line);
    }
    stays("Older browsers do not support the board's new booking page, the clerk admitted, so skippers still ring the office.");
}

#[test]
fn a_register_wall_s_lines_go_an_article_about_a_paywall_stays() {
    for line in [
        "Gleich können Sie weiterlesen!",
        "Jetzt weiterlesen",
        "Registrieren kostenlos",
    ] {
        goes_in_every_shape(line);
    }
    let text = text_with("<h3>Registrieren kostenlos</h3>");
    assert!(!text.contains("Registrieren"), "heading kept: {text}");
    stays("Wer jetzt weiterlesen will, muss ein Abo abschließen, kritisierte die Verbraucherzentrale die Zeitung am Montag.");
    stays("Seit der Bezahlschranke können sich Leser kostenlos registrieren und fünf Artikel im Monat lesen, sagte der Verlag.");
}

#[test]
fn a_lone_more_control_goes_the_words_inside_a_sentence_stay() {
    for html in [
        r#"<p><a href="/more">Weiterlesen</a></p>"#,
        r#"<div><span>mehr anzeigen</span></div>"#,
        r#"<p><a href="/more">Read more »</a></p>"#,
        r#"<h3><a href="/more">READ THE REST</a></h3>"#,
    ] {
        let text = text_with(html);
        for probe in ["Weiterlesen", "mehr anzeigen", "Read more", "READ THE REST"] {
            assert!(!text.contains(probe), "{html} kept: {text}");
        }
    }
    // A teaser's line keeps its text; only the control after the break goes.
    let text = text_with(
        r#"<p>Seals return to the outer mole<br><a href="/seals">mehr zum Inhalt</a></p>"#,
    );
    assert!(text.contains("Seals return to the outer mole"), "{text}");
    assert!(!text.contains("mehr zum Inhalt"), "{text}");
    let text = text_with(
        r#"<p>Residents can <a href="/report">read more</a> about the dredging on the board's website.</p>
<p>Read on to find out what the survey of the channel found.</p>"#,
    );
    assert!(
        text.contains("Residents can read more about the dredging"),
        "{text}"
    );
    assert!(text.contains("Read on to find out"), "{text}");
}

#[test]
fn a_heading_that_is_one_share_link_goes_a_linked_subhead_stays() {
    for html in [
        r#"<h4><a href="https://social.example/p/1">Partager sur Facebook</a></h4>"#,
        r#"<h3><a href="https://social.example/intent?u=1">Share on X</a></h3>"#,
        r#"<h5><a href="https://chat.example/send?t=1">Compartir en WhatsApp</a></h5>"#,
    ] {
        let text = text_with(html);
        for probe in ["Partager", "Share on", "Compartir"] {
            assert!(!text.contains(probe), "{html} kept: {text}");
        }
    }
    let text = text_with(
        r#"<h3><a href="/catch">Share of catch falls</a></h3><h3>Share your memories of the old harbour</h3>"#,
    );
    assert!(text.contains("Share of catch falls"), "{text}");
    assert!(text.contains("Share your memories"), "{text}");
}

#[test]
fn a_subscription_offer_goes_a_sentence_about_a_contract_stays() {
    for line in [
        "Live-Sport im Kanal Neun. Jetzt anmelden! Jederzeit monatlich kündbar.",
        "Every match live on Channel Nine. Sign up now. Cancel anytime.",
    ] {
        goes_in_every_shape(line);
    }
    stays("Der Liegeplatzvertrag ist jederzeit kündbar, betonte der Hafenmeister am Montag vor dem Ausschuss.");
    stays("Skippers can cancel at any time, the board said, and sign up for a new berth in the spring.");
}

#[test]
fn the_site_s_own_app_named_as_a_label_goes_a_sentence_on_it_stays() {
    // The page's og:site_name is "Harbour Ledger".
    for line in [
        "Tipp: Die Sport-App vom Harbour Ledger",
        "The Harbour Ledger newsletter",
    ] {
        goes_in_every_shape(line);
    }
    // Another brand's app named the same way is not the page's own.
    stays("Tipp: Die Sport-App vom Kanal Neun");
    stays("The Harbour Ledger app went down for two hours. Skippers lost the tide tables.");
    stays("Readers of the Harbour Ledger app saw the tide tables vanish for two hours on Monday.");
}

#[test]
fn a_follow_us_line_goes_in_many_languages() {
    for line in [
        "Follow the Harbour Ledger on Google News",
        "Get our stories on WhatsApp: join the channel.",
        "Follow our coverage of the harbour on YouTube.",
        "Folgt uns auf Instagram, dort gibt es die Bilder vom Hafen.",
        "Folgen Sie uns jetzt auch auf Threads!",
        "Suivez-nous sur Facebook et Instagram.",
        "Recibe alertas desde Google News",
        "Síguenos en TikTok para ver más vídeos.",
        "Siga o Ledger no Google News e receba as notícias do dia.",
        "Seguici su Telegram per le ultime notizie.",
        "Volg ons op LinkedIn.",
        "Obserwuj nas w Google News",
        "Bizi takip edin: YouTube kanalımız",
        "Ikuti kami di Instagram",
        "Подписывайтесь на нас в Телеграм",
        "تابعونا على يوتيوب",
    ] {
        goes_in_every_shape(line);
    }
}

#[test]
fn prose_about_following_on_a_platform_stays() {
    for line in [
        // A step of a how-to: no news platform, no name of the publication.
        "Follow the tutorial on YouTube to set the chart plotter before the first trip out.",
        // A compound, not the imperative.
        "Follow-up posts on Telegram showed the dredger waiting in the outer basin for the storm to pass.",
        // The verb inside a sentence.
        "Skippers can follow the dredger's position on Facebook, where the board posts every delay.",
        // "Sigue" as "goes on", not "follow".
        "Sigue la polémica en Twitter después de que el puerto cerrara tres amarres.",
        // German "folgt" opening a conditional.
        "Folgt man den Beiträgen auf Facebook, so war der Hafen am Montag halb leer.",
        // Three sentences: more than a follow line.
        "Follow our page on Instagram, the harbour master told skippers. Few did. The account has forty followers.",
    ] {
        stays(line);
    }
}

#[test]
fn a_link_standing_between_paragraphs_is_judged_as_a_line() {
    // A bare link between two paragraphs (no <p> of its own) is a line.
    let text =
        text_with(r#"<a href="https://news.example/p/1">Recibe alertas desde Google News</a>"#);
    assert!(!text.contains("Recibe alertas"), "{text}");
    let text = text_with(r#"<a href="/print">Rezept drucken</a><br>"#);
    assert!(!text.contains("Rezept drucken"), "{text}");
    // The same words as a link inside a sentence stay with the sentence.
    let text = text_with(
        r#"<p>The board's notices now reach skippers through <a href="/gn">Recibe alertas desde Google News</a>, a feed in Spanish.</p>"#,
    );
    assert!(text.contains("Recibe alertas desde Google News"), "{text}");
}

#[test]
fn furniture_sentences_go_story_sentences_with_the_same_words_stay() {
    for line in [
        "Spotted an error? Let us know",
        "Fehler gefunden? Schreiben Sie uns.",
        "Vous avez repéré une erreur ? Signalez-la.",
        "This article is more than 2 years old",
        "Dieser Artikel ist älter als ein Jahr",
        "Link copied",
        "Enlace copiado",
        "Got a story? Email news@ledger.example",
        "Have a story we should cover? Get in touch.",
        "Have your say in the comments below",
    ] {
        goes_in_every_shape(line);
    }
    for line in [
        "Auditors spotted an error in the mooring accounts, which the board corrected in March.",
        "The dredger's log shows a fault that the crew found an error in the depth sensor had caused.",
        "The harbour master said the chart was more than a century old and had never been redrawn.",
        "Skippers can have their say at a meeting in the harbour office on Tuesday evening.",
        "What do you think of the plans? Let us know in the comments, the harbour master wrote on the board's page.",
    ] {
        stays(line);
    }
}
