//! Furniture lines that stand alone in the body as plain block text, with
//! no control's markup around them (read by `clutter`): "Save for later",
//! "Report an error", "Promoted content", a paywall's meter ("You've read
//! 3 of 5 free articles"), "Sort by: Newest", "More from Ann Lee". Each is
//! matched against the WHOLE line (its label core: folded, digits and
//! brackets dropped, end punctuation trimmed), never as words inside a
//! sentence: "Trending now" alone goes, "Prices are trending now toward
//! …" stays. Every whole line has two words or more: a one-word line
//! ("Accept", "Topics", "Recommended") can be a story's subhead, and
//! dialogue lines ("Not now", "Maybe later", "No thanks") are left out.
//! Lowercase, as folded by `text::fold_cue_text`, with `'` for the
//! apostrophe.

use super::ClutterKind;

/// Whole furniture lines with their kind.
pub const BARE_LINES: &[(&str, ClutterKind)] = &[
    // A subscription offer's small print.
    ("cancel anytime", ClutterKind::SubscriptionCta),
    ("cancel at any time", ClutterKind::SubscriptionCta),
    ("jederzeit kündbar", ClutterKind::SubscriptionCta),
    ("résiliable à tout moment", ClutterKind::SubscriptionCta),
    ("cancela cuando quieras", ClutterKind::SubscriptionCta),
    // Save and gift controls.
    ("save for later", ClutterKind::Share),
    ("save this article", ClutterKind::Share),
    ("save this story", ClutterKind::Share),
    ("save article", ClutterKind::Share),
    ("read later", ClutterKind::Share),
    ("gift this article", ClutterKind::Share),
    ("gift article", ClutterKind::Share),
    ("gift this story", ClutterKind::Share),
    ("später lesen", ClutterKind::Share),
    ("artikel merken", ClutterKind::Share),
    ("artikel verschenken", ClutterKind::Share),
    ("lire plus tard", ClutterKind::Share),
    ("offrir cet article", ClutterKind::Share),
    ("offrir l'article", ClutterKind::Share),
    ("guardar para después", ClutterKind::Share),
    ("leer más tarde", ClutterKind::Share),
    ("regalar artículo", ClutterKind::Share),
    ("regala este artículo", ClutterKind::Share),
    ("salva per dopo", ClutterKind::Share),
    ("leggi più tardi", ClutterKind::Share),
    ("regala l'articolo", ClutterKind::Share),
    ("salvar para depois", ClutterKind::Share),
    ("ler mais tarde", ClutterKind::Share),
    ("presentear artigo", ClutterKind::Share),
    ("bewaar voor later", ClutterKind::Share),
    ("later lezen", ClutterKind::Share),
    ("artikel cadeau doen", ClutterKind::Share),
    ("zapisz na później", ClutterKind::Share),
    ("przeczytaj później", ClutterKind::Share),
    ("podaruj artykuł", ClutterKind::Share),
    // Corrections controls (the question to the reader is in
    // `FURNITURE_CUES`).
    ("report an error", ClutterKind::Feedback),
    ("report a typo", ClutterKind::Feedback),
    ("report a mistake", ClutterKind::Feedback),
    ("send us your feedback", ClutterKind::Feedback),
    ("send us feedback", ClutterKind::Feedback),
    ("suggest a correction", ClutterKind::Feedback),
    ("submit a correction", ClutterKind::Feedback),
    ("fehler melden", ClutterKind::Feedback),
    ("einen fehler melden", ClutterKind::Feedback),
    ("signaler une erreur", ClutterKind::Feedback),
    ("reportar un error", ClutterKind::Feedback),
    ("informar de un error", ClutterKind::Feedback),
    ("segnala un errore", ClutterKind::Feedback),
    ("reportar erro", ClutterKind::Feedback),
    ("comunicar erro", ClutterKind::Feedback),
    ("fout melden", ClutterKind::Feedback),
    ("een fout melden", ClutterKind::Feedback),
    ("zgłoś błąd", ClutterKind::Feedback),
    // A pop-up's dismissal that only a pop-up words so.
    ("remind me later", ClutterKind::Popup),
    ("später erinnern", ClutterKind::Popup),
    ("erinnere mich später", ClutterKind::Popup),
    ("me le rappeler plus tard", ClutterKind::Popup),
    ("rappelez-moi plus tard", ClutterKind::Popup),
    ("recordármelo más tarde", ClutterKind::Popup),
    ("recuérdamelo más tarde", ClutterKind::Popup),
    ("ricordamelo più tardi", ClutterKind::Popup),
    ("lembrar mais tarde", ClutterKind::Popup),
    ("lembre-me mais tarde", ClutterKind::Popup),
    ("herinner me later", ClutterKind::Popup),
    ("przypomnij mi później", ClutterKind::Popup),
    // Sponsored-link widgets' titles.
    ("promoted content", ClutterKind::Recommended),
    ("promoted stories", ClutterKind::Recommended),
    ("promoted links", ClutterKind::Recommended),
    ("sponsored links", ClutterKind::Recommended),
    ("sponsored stories", ClutterKind::Recommended),
    ("paid content", ClutterKind::Recommended),
    ("partner content", ClutterKind::Recommended),
    ("gesponserte inhalte", ClutterKind::Recommended),
    ("gesponserte links", ClutterKind::Recommended),
    ("contenu sponsorisé", ClutterKind::Recommended),
    ("contenus sponsorisés", ClutterKind::Recommended),
    ("liens sponsorisés", ClutterKind::Recommended),
    ("contenido patrocinado", ClutterKind::Recommended),
    ("enlaces patrocinados", ClutterKind::Recommended),
    ("contenuti sponsorizzati", ClutterKind::Recommended),
    ("link sponsorizzati", ClutterKind::Recommended),
    ("conteúdo patrocinado", ClutterKind::Recommended),
    ("links patrocinados", ClutterKind::Recommended),
    ("gesponsorde inhoud", ClutterKind::Recommended),
    ("gesponsorde links", ClutterKind::Recommended),
    ("treści sponsorowane", ClutterKind::Recommended),
    ("linki sponsorowane", ClutterKind::Recommended),
    // A picture's controls set as text.
    ("enlarge this image", ClutterKind::GalleryControls),
    ("enlarge image", ClutterKind::GalleryControls),
    ("toggle caption", ClutterKind::GalleryControls),
    ("hide caption", ClutterKind::GalleryControls),
    ("show caption", ClutterKind::GalleryControls),
    ("go premium", ClutterKind::SubscriptionCta),
    // A donation form's choices set as text.
    ("make a contribution", ClutterKind::Donation),
    ("make a one-off contribution", ClutterKind::Donation),
    ("make a one-time contribution", ClutterKind::Donation),
    ("make a monthly contribution", ClutterKind::Donation),
    ("give monthly", ClutterKind::Donation),
    ("give once", ClutterKind::Donation),
    ("choose your plan", ClutterKind::SubscriptionCta),
    ("we rely on readers like you", ClutterKind::Donation),
    ("your support matters", ClutterKind::Donation),
    ("stand with us", ClutterKind::Donation),
    ("give today", ClutterKind::Donation),
    // A sign-up box's title set as text.
    ("newsletter sign-up", ClutterKind::NewsletterForm),
    ("newsletter signup", ClutterKind::NewsletterForm),
    // A picture's or a gallery's controls set as text.
    ("click to expand", ClutterKind::GalleryControls),
    ("click to enlarge", ClutterKind::GalleryControls),
    ("tap to enlarge", ClutterKind::GalleryControls),
    ("tap to expand", ClutterKind::GalleryControls),
    ("view gallery", ClutterKind::GalleryControls),
    ("open gallery", ClutterKind::GalleryControls),
    ("view the gallery", ClutterKind::GalleryControls),
    // A video's or a recording's call set as text.
    ("watch now", ClutterKind::ReadMoreLinks),
    ("watch the video", ClutterKind::ReadMoreLinks),
    ("listen now", ClutterKind::AudioPlayer),
    // Recommendation titles not in `SECTION_TITLES` as a whole.
    ("recommended for you", ClutterKind::Recommended),
    // Most-read titles not in `SECTION_TITLES` as a whole.
    ("trending now", ClutterKind::MostRead),
    ("trending stories", ClutterKind::MostRead),
    ("trending articles", ClutterKind::MostRead),
    ("jetzt im trend", ClutterKind::MostRead),
    // Comment-list controls.
    ("load more comments", ClutterKind::Comments),
    ("show more comments", ClutterKind::Comments),
    ("view more comments", ClutterKind::Comments),
    ("mehr kommentare laden", ClutterKind::Comments),
    ("weitere kommentare laden", ClutterKind::Comments),
    ("alle kommentare anzeigen", ClutterKind::Comments),
    ("charger plus de commentaires", ClutterKind::Comments),
    ("voir plus de commentaires", ClutterKind::Comments),
    ("cargar más comentarios", ClutterKind::Comments),
    ("ver más comentarios", ClutterKind::Comments),
    ("carica altri commenti", ClutterKind::Comments),
    ("mostra altri commenti", ClutterKind::Comments),
    ("carregar mais comentários", ClutterKind::Comments),
    ("ver mais comentários", ClutterKind::Comments),
    ("meer reacties laden", ClutterKind::Comments),
    ("toon meer reacties", ClutterKind::Comments),
    ("załaduj więcej komentarzy", ClutterKind::Comments),
    ("pokaż więcej komentarzy", ClutterKind::Comments),
    // A list's "load more" control.
    ("load more", ClutterKind::ReadMoreLinks),
    ("load more stories", ClutterKind::ReadMoreLinks),
    ("load more articles", ClutterKind::ReadMoreLinks),
    ("mehr laden", ClutterKind::ReadMoreLinks),
    ("weitere laden", ClutterKind::ReadMoreLinks),
    ("charger plus", ClutterKind::ReadMoreLinks),
    ("cargar más", ClutterKind::ReadMoreLinks),
    ("carica altro", ClutterKind::ReadMoreLinks),
    ("carregar mais", ClutterKind::ReadMoreLinks),
    ("meer laden", ClutterKind::ReadMoreLinks),
    ("załaduj więcej", ClutterKind::ReadMoreLinks),
    // A trial offer's lines (the buttons' labels are in `CTA_LABELS`).
    ("try it free", ClutterKind::SubscriptionCta),
    ("try it for free", ClutterKind::SubscriptionCta),
    ("try for free", ClutterKind::SubscriptionCta),
    ("kostenlos testen", ClutterKind::SubscriptionCta),
    ("gratis testen", ClutterKind::SubscriptionCta),
    ("essayez gratuitement", ClutterKind::SubscriptionCta),
    ("essayer gratuitement", ClutterKind::SubscriptionCta),
    ("pruébalo gratis", ClutterKind::SubscriptionCta),
    ("prova gratis", ClutterKind::SubscriptionCta),
    ("provalo gratis", ClutterKind::SubscriptionCta),
    ("experimente grátis", ClutterKind::SubscriptionCta),
    ("experimente gratuitamente", ClutterKind::SubscriptionCta),
    ("probeer gratis", ClutterKind::SubscriptionCta),
    ("wypróbuj za darmo", ClutterKind::SubscriptionCta),
    ("wypróbuj bezpłatnie", ClutterKind::SubscriptionCta),
    // Consent banners' buttons of more than one word.
    ("manage cookies", ClutterKind::Cookie),
    ("cookie preferences", ClutterKind::Cookie),
    ("manage cookie preferences", ClutterKind::Cookie),
    ("accept all", ClutterKind::Cookie),
    ("reject all", ClutterKind::Cookie),
    ("accept cookies", ClutterKind::Cookie),
    ("cookies verwalten", ClutterKind::Cookie),
    ("cookie-einstellungen", ClutterKind::Cookie),
    ("alle akzeptieren", ClutterKind::Cookie),
    ("alle ablehnen", ClutterKind::Cookie),
    ("gérer les cookies", ClutterKind::Cookie),
    ("paramètres des cookies", ClutterKind::Cookie),
    ("tout accepter", ClutterKind::Cookie),
    ("tout refuser", ClutterKind::Cookie),
    ("gestionar cookies", ClutterKind::Cookie),
    ("configurar cookies", ClutterKind::Cookie),
    ("aceptar todo", ClutterKind::Cookie),
    ("rechazar todo", ClutterKind::Cookie),
    ("gestisci i cookie", ClutterKind::Cookie),
    ("accetta tutto", ClutterKind::Cookie),
    ("rifiuta tutto", ClutterKind::Cookie),
    ("gerenciar cookies", ClutterKind::Cookie),
    ("aceitar todos", ClutterKind::Cookie),
    ("rejeitar todos", ClutterKind::Cookie),
    ("cookies beheren", ClutterKind::Cookie),
    ("alles accepteren", ClutterKind::Cookie),
    ("alles weigeren", ClutterKind::Cookie),
    ("zarządzaj plikami cookie", ClutterKind::Cookie),
    ("akceptuj wszystkie", ClutterKind::Cookie),
    ("odrzuć wszystkie", ClutterKind::Cookie),
    // An author box's pointer, without a name.
    ("more from this author", ClutterKind::Bio),
    ("more by this author", ClutterKind::Bio),
    ("mehr vom autor", ClutterKind::Bio),
    ("mehr von der autorin", ClutterKind::Bio),
    ("du même auteur", ClutterKind::Bio),
    ("más del autor", ClutterKind::Bio),
    ("altri articoli dell'autore", ClutterKind::Bio),
    ("mais do autor", ClutterKind::Bio),
    ("meer van deze auteur", ClutterKind::Bio),
    ("więcej od autora", ClutterKind::Bio),
];

/// Lines that open with one of these, a name of capitalised words (at
/// least the number given, at most [`BARE_NAME_MAX_WORDS`]), then the
/// suffix (possibly empty): "More from Ann Lee", "Sponsored links by
/// Acme", "Try Ledger Plus free for 30 days" (digits are dropped before
/// matching). A line whose rest is not a name ("More from the valley this
/// week") stays; an author's name has two words at least, as a German
/// noun is capitalised too ("Mehr von Obstbäumen").
pub const BARE_NAMED_LINES: &[(&str, &str, usize, ClutterKind)] = &[
    ("more from", "", 2, ClutterKind::Bio),
    ("more by", "", 2, ClutterKind::Bio),
    ("mehr von", "", 2, ClutterKind::Bio),
    ("weitere artikel von", "", 2, ClutterKind::Bio),
    ("plus d'articles de", "", 2, ClutterKind::Bio),
    ("más artículos de", "", 2, ClutterKind::Bio),
    ("altri articoli di", "", 2, ClutterKind::Bio),
    ("mais artigos de", "", 2, ClutterKind::Bio),
    ("meer artikelen van", "", 2, ClutterKind::Bio),
    ("więcej artykułów autora", "", 2, ClutterKind::Bio),
    ("sponsored links by", "", 1, ClutterKind::Recommended),
    ("sponsored by", "", 1, ClutterKind::Ads),
    ("in partnership with", "", 1, ClutterKind::Ads),
    ("promoted links by", "", 1, ClutterKind::Recommended),
    ("try", "free for days", 1, ClutterKind::SubscriptionCta),
    ("try", "free for a month", 1, ClutterKind::SubscriptionCta),
    ("testen sie", "kostenlos", 1, ClutterKind::SubscriptionCta),
    ("essayez", "gratuitement", 1, ClutterKind::SubscriptionCta),
    ("prueba", "gratis", 1, ClutterKind::SubscriptionCta),
    ("prova", "gratis", 1, ClutterKind::SubscriptionCta),
    ("experimente", "grátis", 1, ClutterKind::SubscriptionCta),
    ("probeer", "gratis", 1, ClutterKind::SubscriptionCta),
];

/// Follow imperatives that open "Follow Ann Lee on Bluesky", with the
/// preposition before the platform: a name of capitalised words between
/// them and a platform of `FOLLOW_PLATFORMS` or `FOLLOW_NEWS_PLATFORMS`
/// as the whole rest.
pub const BARE_FOLLOW_NAMED: &[(&str, &str)] = &[
    ("follow", "on"),
    ("folge", "auf"),
    ("folgen sie", "auf"),
    ("suivez", "sur"),
    ("sigue a", "en"),
    ("segui", "su"),
    ("siga", "no"),
    ("volg", "op"),
    ("obserwuj", "na"),
];

/// Most words of the name in [`BARE_NAMED_LINES`] and
/// [`BARE_FOLLOW_NAMED`].
pub const BARE_NAME_MAX_WORDS: usize = 4;

/// A sort control's label, before a colon and an order ("Sort by:
/// Newest"), or alone.
pub const SORT_LABELS: &[&str] = &[
    "sort by",
    "sortieren nach",
    "sortiert nach",
    "trier par",
    "ordenar por",
    "ordina per",
    "sorteer op",
    "sorteren op",
    "sortuj według",
    "sortuj wg",
];

/// Questions of a sign-in prompt ("Already registered? Sign in"): the
/// whole line is one of these, its question mark, and nothing else or one
/// of [`SIGN_IN_ACTIONS`].
pub const SIGN_IN_QUESTIONS: &[&str] = &[
    "already registered",
    "already have an account",
    "already a member",
    "already a subscriber",
    "bereits registriert",
    "schon registriert",
    "bereits abonnent",
    "schon abonnent",
    "sie haben bereits ein konto",
    "déjà abonné",
    "déjà inscrit",
    "vous avez déjà un compte",
    "ya tienes cuenta",
    "ya tienes una cuenta",
    "ya eres suscriptor",
    "hai già un account",
    "sei già abbonato",
    "sei già registrato",
    "já é assinante",
    "já tem uma conta",
    "já tem conta",
    "al geregistreerd",
    "al abonnee",
    "heb je al een account",
    "masz już konto",
    "jesteś już subskrybentem",
];

/// The action after a [`SIGN_IN_QUESTIONS`] question.
pub const SIGN_IN_ACTIONS: &[&str] = &[
    "sign in",
    "sign in here",
    "log in",
    "log in here",
    "login",
    "anmelden",
    "hier anmelden",
    "jetzt anmelden",
    "einloggen",
    "se connecter",
    "connectez-vous",
    "identifiez-vous",
    "inicia sesión",
    "iniciar sesión",
    "accedi",
    "entra",
    "entrar",
    "faça login",
    "inloggen",
    "log hier in",
    "zaloguj się",
];

/// A paywall meter opens with one of these ("You've read 3 of 5 free
/// articles", "Sie haben 2 von 3 kostenlosen Artikeln gelesen") and names
/// [`METER_WORDS`], with a number in the line.
pub const METER_OPENERS: &[&str] = &[
    "you've read",
    "you have read",
    "you have",
    "you've got",
    "sie haben",
    "du hast",
    "vous avez lu",
    "vous avez",
    "il vous reste",
    "has leído",
    "ha leído",
    "te quedan",
    "le quedan",
    "hai letto",
    "ti restano",
    "você leu",
    "você tem",
    "je hebt",
    "u heeft",
    "przeczytałeś",
    "przeczytałaś",
    "masz",
];

/// What a paywall meter counts: free articles.
pub const METER_WORDS: &[&str] = &[
    "free article",
    "free stories",
    "free story",
    "kostenlose artikel",
    "kostenlosen artikel",
    "kostenlosen beiträge",
    "gratis-artikel",
    "article gratuit",
    "articles gratuits",
    "articles offerts",
    "artículo gratuito",
    "artículos gratuitos",
    "artículos gratis",
    "articolo gratuito",
    "articoli gratuiti",
    "artigo gratuito",
    "artigos gratuitos",
    "gratis artikel",
    "gratis artikelen",
    "darmowy artykuł",
    "darmowe artykuły",
    "darmowych artykułów",
    "bezpłatnych artykułów",
];

/// Whole lines (or their start) of a meter's last free article, which
/// need no number: "Dies ist Ihr letzter kostenloser Artikel".
pub const LAST_FREE_LINES: &[&str] = &[
    "this is your last free article",
    "this is your last free story",
    "you have reached your limit of free",
    "you've reached your limit of free",
    "you have reached your free article limit",
    "you've reached your free article limit",
    "dies ist ihr letzter kostenloser artikel",
    "das ist ihr letzter kostenloser artikel",
    "dies ist dein letzter kostenloser artikel",
    "c'est votre dernier article gratuit",
    "ceci est votre dernier article gratuit",
    "este es tu último artículo gratuito",
    "este es su último artículo gratuito",
    "questo è il tuo ultimo articolo gratuito",
    "este é o seu último artigo gratuito",
    "este é seu último artigo gratuito",
    "dit is je laatste gratis artikel",
    "dit is uw laatste gratis artikel",
    "to twój ostatni darmowy artykuł",
    "to jest twój ostatni darmowy artykuł",
];

/// Consent statements of a form's checkbox ("I agree to the terms and
/// privacy policy"): a line that opens with one of these and names one of
/// [`CONSENT_OBJECTS`].
pub const CONSENT_OPENERS: &[&str] = &[
    "i agree to",
    "i accept the",
    "i have read and agree",
    "i have read and accept",
    "ich stimme",
    "ich akzeptiere die",
    "ich habe die",
    "j'accepte les",
    "j'accepte la",
    "j'ai lu et j'accepte",
    "acepto los",
    "acepto la",
    "he leído y acepto",
    "accetto i",
    "accetto la",
    "ho letto e accetto",
    "concordo com",
    "aceito os",
    "li e aceito",
    "ik ga akkoord met",
    "akkoord met de",
    "akceptuję",
    "zgadzam się",
];

/// What a consent statement agrees to: the terms or the privacy policy,
/// named as a form names them ("I agree to the terms of the deal, she
/// said" names neither).
pub const CONSENT_OBJECTS: &[&str] = &[
    "privacy policy",
    "terms of service",
    "terms of use",
    "terms and conditions",
    "datenschutzerklärung",
    "datenschutzbestimmungen",
    "datenschutzhinweise",
    "nutzungsbedingungen",
    "agb",
    "conditions générales",
    "conditions d'utilisation",
    "politique de confidentialité",
    "términos y condiciones",
    "condiciones de uso",
    "política de privacidad",
    "termini e condizioni",
    "termini di servizio",
    "informativa sulla privacy",
    "termos de uso",
    "termos e condições",
    "política de privacidade",
    "algemene voorwaarden",
    "gebruiksvoorwaarden",
    "privacybeleid",
    "privacyverklaring",
    "regulamin",
    "polityką prywatności",
    "politykę prywatności",
];

/// Longest line a consent statement or a paywall meter makes.
pub const BARE_SENTENCE_MAX: usize = 120;

/// Longest whole line of [`BARE_LINES`] or a named line.
pub const BARE_LINE_MAX: usize = 64;
