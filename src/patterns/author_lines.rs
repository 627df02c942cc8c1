//! Tables of the rule on author furniture that names the story's author
//! (the byline's person): contact and "more from" pointers, and the bio
//! sentence at the story's end. All lowercase, matched on folded text.

/// Words that part the names of a byline ("Ann Lee and Bo Chan", "Ann
/// Lee, Bo Chan"), with spaces where they are whole words.
pub const BYLINE_NAME_SEPARATORS: &[&str] = &[
    ",", ";", "&", "|", "/", "·", " and ", " und ", " et ", " y ", " e ", " en ", " i ",
];

/// Fewest characters of a first name that names the author alone
/// ("Email Ruth"); shorter ones ("Al", "Jo") match too much.
pub const AUTHOR_FIRST_NAME_MIN: usize = 3;

/// Openers of a pointer line whose whole rest is the author's name
/// ("Email Ruth", "Contact Ann Lee", "More from Ann Lee").
pub const AUTHOR_POINTERS: &[&str] = &[
    "email",
    "e-mail",
    "contact",
    "write to",
    "message",
    "more from",
    "more by",
    "more stories by",
    "more articles by",
    "read more from",
    "read more by",
    "all stories by",
    "all articles by",
    "follow",
    "mehr von",
    "mehr artikel von",
    "weitere artikel von",
    "alle artikel von",
    "kontakt zu",
    "schreiben sie",
    "folgen sie",
    "folge",
    "plus d'articles de",
    "tous les articles de",
    "contacter",
    "écrire à",
    "suivez",
    "más de",
    "más artículos de",
    "todos los artículos de",
    "contactar a",
    "contacta a",
    "escribe a",
    "sigue a",
];

/// What opens a bio sentence after the author's full name, with whether
/// a role noun of [`AUTHOR_ROLE_NOUNS`] must follow in the sentence: "is
/// a" names anything ("is a parish councillor"), "reports on" only work.
pub const AUTHOR_BIO_VERBS: &[(&str, bool)] = &[
    ("is a", true),
    ("is an", true),
    ("is the", true),
    ("is our", true),
    ("reports on", false),
    ("reports for", false),
    ("writes about", false),
    ("writes for", false),
    ("covers", false),
    ("ist", true),
    ("arbeitet als", true),
    ("schreibt für", false),
    ("schreibt über", false),
    ("berichtet über", false),
    ("berichtet für", false),
    ("est", true),
    ("travaille", true),
    ("écrit pour", false),
    ("écrit sur", false),
    ("es", true),
    ("trabaja como", true),
    ("escribe para", false),
    ("escribe sobre", false),
];

/// Stems of the nouns of a journalist's role, in the languages of
/// [`AUTHOR_BIO_VERBS`] ("redakteur" holds "redakteurin").
pub const AUTHOR_ROLE_NOUNS: &[&str] = &[
    "reporter",
    "writer",
    "editor",
    "correspond",
    "korrespond",
    "journalist",
    "columnist",
    "kolumnist",
    "contributor",
    "redakteur",
    "redaktion",
    "volontär",
    "rédact",
    "chroniqueu",
    "pigiste",
    "periodista",
    "redactor",
    "columnista",
    "colaborador",
];

/// Longest bio sentence (characters) the rule removes.
pub const AUTHOR_BIO_MAX: usize = 300;

/// Most sentences of a bio the rule removes.
pub const AUTHOR_BIO_MAX_SENTENCES: usize = 2;

/// How many of the article's last text blocks a bio may be.
pub const AUTHOR_BIO_LAST_BLOCKS: usize = 3;
