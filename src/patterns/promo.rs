//! Promotion and control tables (read by `clutter`): the words of a
//! publication's app promotion set as a line of the body ("Get the app,
//! free on iOS and Android"), the cancel-anytime words of a subscription
//! offer, and the whole-text labels of paywall and "read more" controls.
//! Lowercase, as folded by `text::fold_cue_text`; the same languages as
//! [`super::SIGN_UP_OPENERS`].

/// Words naming an app, matched as whole words; a compound ending in
/// "-app" ("Sport-App", "News-App") counts as well.
pub const APP_WORDS: &[&str] = &[
    "app",
    "apps",
    "application",
    "aplicación",
    "aplicativo",
    "applicazione",
    "aplikacja",
    "aplikację",
    "applicatie",
];

/// Imperatives that open an app promotion ("Get the … app", "Lade dir die
/// App herunter"). Alone with an app word they are a how-to step
/// ("Download the app on your phone and pair it with the speaker"): an
/// offer ([`APP_OFFERS`]) or the stores and a price ([`APP_STORES`],
/// [`APP_FREE`]) must come with them.
pub const APP_OPENERS: &[&str] = &[
    "get the",
    "get our",
    "download the",
    "download our",
    "install the",
    "lade dir",
    "laden sie",
    "hol dir",
    "holen sie sich",
    "téléchargez",
    "télécharge",
    "descarga",
    "descargue",
    "descárgate",
    "baixe",
    "scarica",
    "pobierz",
    "download de",
    "installeer",
];

/// What an app promotion offers: the news as it breaks, alerts, not to
/// miss a story. Words a how-to step about an app does not use.
pub const APP_OFFERS: &[&str] = &[
    "breaking news",
    "news alerts",
    "news notifications",
    "latest news",
    "push notifications",
    "never miss",
    "eilmeldungen",
    "push-mitteilungen",
    "keine nachricht",
    "alle nachrichten",
    "nichts mehr verpassen",
    "dernières actualités",
    "alertes info",
    "últimas noticias",
    "alertas de noticias",
    "últimas notícias",
    "ultime notizie",
    "najnowsze wiadomości",
    "laatste nieuws",
];

/// The app stores, named together ("for iOS and Android", "im App Store").
pub const APP_STORES: &[&str] = &[
    "ios and android",
    "android and ios",
    "ios und android",
    "android und ios",
    "ios et android",
    "ios y android",
    "ios e android",
    "ios en android",
    "ios i android",
    "app store",
    "google play",
    "play store",
];

/// Price words of an app promotion: free.
pub const APP_FREE: &[&str] = &[
    "free",
    "for free",
    "kostenlos",
    "gratis",
    "gratuit",
    "gratuite",
    "gratuita",
    "gratuito",
    "darmowa",
    "za darmo",
    "bezpłatnie",
];

/// Words that press for the download now ("Jetzt kostenlos für iOS und
/// Android!"): with the stores and a price they make an app line a
/// promotion without an imperative.
pub const APP_NOW: &[&str] = &[
    "now",
    "jetzt",
    "maintenant",
    "ahora",
    "agora",
    "ora",
    "subito",
    "teraz",
    "nu",
];

/// Words of a newsletter that a page's own promotion names beside the
/// site's name ("The Harbour Ledger newsletter"), as whole words; its
/// app is named by [`APP_WORDS`].
pub const NEWSLETTER_WORDS: &[&str] = &[
    "newsletter",
    "nieuwsbrief",
    "boletín",
    "lettre d'information",
];

/// Longest line that names the site and its app or newsletter and is
/// thereby a promotion: a label, not a sentence.
pub const OWN_PROMO_LINE_MAX: usize = 60;

/// Longest app promotion line.
pub const APP_LINE_MAX: usize = 160;

/// Words of a subscription offer that it can be cancelled at any time
/// ("Jederzeit monatlich kündbar"): with an imperative to sign up
/// ([`super::SIGN_UP_OPENERS`]) they make a line an offer.
pub const CANCEL_ANYTIME_CUES: &[&str] = &[
    "cancel anytime",
    "cancel at any time",
    "cancel any time",
    "jederzeit kündbar",
    "monatlich kündbar",
    "jederzeit kündigen",
    "résiliable à tout moment",
    "sans engagement",
    "cancela cuando quieras",
    "cancela en cualquier momento",
    "cancele quando quiser",
    "cancele a qualquer momento",
    "disdici quando vuoi",
    "disdici in qualsiasi momento",
    "maandelijks opzegbaar",
    "altijd opzegbaar",
    "anuluj w dowolnym momencie",
];

/// Whole texts of a paywall's or register wall's controls and headings
/// ("Jetzt weiterlesen", "Registrieren kostenlos"): as the whole text of a
/// block or heading they are never the article's.
pub const PAYWALL_LABELS: &[&str] = &[
    "jetzt weiterlesen",
    "weiterlesen mit abo",
    "registrieren kostenlos",
    "kostenlos registrieren",
    "jetzt kostenlos registrieren",
    "jetzt registrieren",
    "continue reading with a subscription",
    "subscribe to keep reading",
    "register for free",
    "continuer la lecture",
    "s'inscrire gratuitement",
    "inscríbete gratis",
    "regístrate gratis",
    "continua a leggere con l'abbonamento",
    "continue lendo",
    "cadastre-se grátis",
    "czytaj dalej z subskrypcją",
    "lees verder met een abonnement",
];

/// Whole texts of a "read more" or "show more" control: a link or button
/// of only these words, or a line of only them, is the page's control.
pub const MORE_CONTROL_LABELS: &[&str] = &[
    "read more",
    "read the full story",
    "read the full article",
    "read the rest",
    "read the whole story",
    "show more",
    "continue reading",
    "weiterlesen",
    "mehr lesen",
    "mehr anzeigen",
    "mehr zum inhalt",
    "mehr erfahren",
    "lire la suite",
    "voir plus",
    "afficher plus",
    "leer más",
    "ver más",
    "mostrar más",
    "seguir leyendo",
    "leia mais",
    "ver mais",
    "mostrar mais",
    "continue lendo",
    "continua a leggere",
    "leggi tutto",
    "mostra di più",
    "czytaj dalej",
    "czytaj więcej",
    "pokaż więcej",
    "lees verder",
    "lees meer",
    "toon meer",
];

/// The word after a share label in a heading that is a share link
/// ("Partager sur Facebook", "Share on X", "Compartir en WhatsApp"): a
/// preposition naming where. A linked subhead that opens with the word
/// ("Share of catch falls") has none.
pub const SHARE_PREPOSITIONS: &[&str] = &[
    "on", "via", "to", "with", "sur", "par", "avec", "en", "por", "con", "auf", "über", "per",
    "su", "em", "no", "na", "op", "w", "przez",
];
