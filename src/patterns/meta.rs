//! Tables of the metadata phase: JSON-LD types, meta tag names, title
//! separators, byline words, months.

/// JSON-LD `@type`s read as articles (schema.org `Article` and its subtypes).
pub const JSON_LD_ARTICLE_TYPES: &[&str] = &[
    "Article",
    "AdvertiserContentArticle",
    "NewsArticle",
    "AnalysisNewsArticle",
    "AskPublicNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "Report",
    "SatiricalArticle",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "SocialMediaPosting",
    "BlogPosting",
    "LiveBlogPosting",
    "DiscussionForumPosting",
    "TechArticle",
    "APIReference",
];

/// `<meta property>` vocabularies read for metadata (`og:title`, `article:author`…).
pub const META_PROPERTY_PREFIXES: &[&str] = &["article", "dc", "dcterm", "og", "twitter"];

/// `<meta property>` fields read for metadata.
pub const META_PROPERTY_FIELDS: &[&str] = &[
    "author",
    "creator",
    "description",
    "published_time",
    "title",
    "site_name",
];

/// `<meta name>` vocabularies read for metadata (`DC.title`, `parsely-author`…).
pub const META_NAME_PREFIXES: &[&str] = &[
    "dc",
    "dcterm",
    "og",
    "twitter",
    "parsely",
    "weibo:article",
    "weibo:webpage",
];

/// `<meta name>` fields read for metadata.
pub const META_NAME_FIELDS: &[&str] = &[
    "author",
    "creator",
    "pub-date",
    "description",
    "title",
    "site_name",
];

/// Separators between a headline and the site name in `<title>`.
pub const TITLE_SEPARATORS: &[char] = &['|', '-', '\u{2013}', '\u{2014}', '\\', '/', '>', '\u{bb}'];

/// Title separators that mark a hierarchy (`Site » Section » Headline`).
pub const TITLE_HIERARCHY_SEPARATORS: &[char] = &['\\', '/', '>', '\u{bb}'];

/// Words that introduce the author names of a byline ("By", "Von", "Par"…),
/// lowercase, without a trailing colon. Stripped when they lead the byline.
pub const BYLINE_PREFIXES: &[&str] = &[
    "by", "von", "par", "por", "di", "door", "av", "af", "przez", "od", "bởi", "بقلم", "מאת",
];

/// Labels that open a byline line when a colon follows ("Autor: Ann
/// Lee"), lowercase ([`crate::metadata::byline_line`]).
pub const BYLINE_LINE_LABELS: &[&str] = &[
    "author", "authors", "autor", "autorin", "autoren", "auteur", "autore", "text", "texto",
    "texte", "tekst",
];

/// Words before a [`BYLINE_PREFIXES`] word in a byline line ("Written
/// by", "Escrito por", "Scritto da"), lowercase.
pub const BYLINE_LINE_LEADS: &[&str] = &[
    "written",
    "posted",
    "words",
    "story",
    "reported",
    "escrito",
    "escrita",
    "écrit",
    "écrite",
    "scritto",
    "scritta",
    "geschrieben",
    "publicado",
    "publié",
    "pubblicato",
];

/// Longest byline line, in characters.
pub const BYLINE_LINE_MAX: usize = 100;

/// Most words of the names in a byline line (names, particles and the
/// words joining them).
pub const BYLINE_LINE_MAX_WORDS: usize = 14;

/// Lowercase words inside a person's name ("Michiel de Jong", "Jan van
/// der Berg"), which a byline's or a photo credit's names may hold.
pub const NAME_PARTICLES: &[&str] = &[
    "de", "da", "das", "do", "dos", "del", "della", "di", "du", "la", "le", "van", "von", "der",
    "den", "ten", "ter", "zu", "y", "e", "bin", "ibn", "al", "el",
];

/// Words joining the names of a byline ("Ann Lee and Bo Lin").
pub const NAME_JOINERS: &[&str] = &[
    "and", "&", "und", "et", "e", "en", "i", "og", "och", "oraz", "a", "ve", "y",
];

/// Byline prefixes that are also name particles ("Von Miller", "Di Caprio"):
/// stripped only when at least two words follow.
pub const BYLINE_PREFIXES_AMBIGUOUS: &[&str] =
    &["von", "di", "door", "av", "af", "od", "par", "por"];

/// Credits for work other than the writing ("photos by", "edited by"):
/// when one follows the names, the byline ends before it.
pub const NON_AUTHOR_CREDITS: &[&str] = &[
    "photos",
    "photo",
    "photographs",
    "photography",
    "pictures",
    "illustration",
    "illustrations",
    "graphics",
    "video",
    "edited",
    "reviewed",
    "translated",
];

/// Tokens that end the names in a byline: what follows is a date, a role or
/// another credit ("Ann Lee | May 2, 2024", "Ann Lee · Photos by…").
pub const BYLINE_STOP_TOKENS: &[&str] = &["|", "•", "·", "—", "–", "-", "/", "@"];

/// Words that start a date or time after the names in a byline.
pub const BYLINE_DATE_WORDS: &[&str] = &["updated", "published", "posted", "today", "yesterday"];

/// Elements never taken as the byline even when their class says "author"
/// (a "Follow author" form or button).
pub const NOT_BYLINE_TAGS: &[&str] = &["form", "button", "input", "select", "textarea", "label"];

/// Ancestors that put a `<time>` outside the article (menus, sidebars).
/// A `<footer>` does too, unless it is an `<article>`'s own.
pub const NOT_ARTICLE_TIME_ANCESTORS: &[&str] = &["nav", "aside"];

/// Images declared smaller than this (width or height, in pixels) are not
/// taken as the lead image.
pub const LEAD_IMAGE_MIN_SIZE: u32 = 100;

/// Class/id fragments of images that are never the lead image.
pub const NOT_LEAD_IMAGE: &[&str] = &["math", "icon", "avatar", "emoji", "spacer", "badge"];

/// Month names and abbreviations (English), lowercase, for spotting dates.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Class/id fragments of parts of a byline that are not names (job title,
/// date, avatar), dropped when the byline is read from the page.
pub const BYLINE_NOISE: &[&str] = &[
    "title", "role", "job", "position", "date", "time", "avatar", "photo", "image", "bio", "social",
];

/// Longest kicker (the section label right before a headline), in bytes.
pub const KICKER_MAX: usize = 32;

/// Most words of a kicker.
pub const KICKER_MAX_WORDS: usize = 3;

/// Fewest characters of a paragraph before a heading, among its siblings,
/// that make the heading a section's rather than the page's title set again.
pub const SECTION_PROSE_MIN: usize = 100;
