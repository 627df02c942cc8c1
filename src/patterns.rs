//! Every keyword and pattern table the pipeline reads, in one place.
//!
//! Matching is plain substring search over lowercased strings (no regex engine
//! in the wasm build). Class/id tables are matched against `class` + `id`;
//! text-cue tables against an element's visible text.

/// Class/id fragments of blocks that are almost never the article
/// (Readability's `unlikelyCandidates`).
pub const UNLIKELY_CANDIDATES: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
];

/// Class/id fragments that rescue an unlikely candidate.
pub const MAYBE_CANDIDATE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow",
];

/// Class/id fragments that raise a block's weight.
pub const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
];

/// Class/id fragments that lower a block's weight.
pub const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
];

/// Whole class/id tokens that lower a block's weight (Readability's `hid`).
pub const NEGATIVE_TOKENS: &[&str] = &["hid"];

/// Class/id/rel fragments that mark a byline.
pub const BYLINE: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];

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

/// Primary language subtags written right to left.
pub const RTL_LANGS: &[&str] = &[
    "ar", "arc", "ckb", "dv", "fa", "he", "khw", "ks", "ps", "sd", "ug", "ur", "yi",
];

/// ARIA roles of blocks that are never the article.
pub const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

/// Elements whose presence inside a `<div>` keeps it from being turned into a `<p>`.
pub const DIV_TO_P_ELEMS: &[&str] = &[
    "blockquote",
    "dl",
    "div",
    "img",
    "ol",
    "p",
    "pre",
    "table",
    "ul",
];

/// Elements scored as paragraphs.
pub const TAGS_TO_SCORE: &[&str] = &["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"];

/// Sibling elements merged into the article keep their tag only if in this list.
pub const ALTER_TO_DIV_EXCEPTIONS: &[&str] = &["div", "article", "section", "p"];

/// Phrasing (inline) elements, per the HTML spec.
pub const PHRASING_ELEMS: &[&str] = &[
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em",
    "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object",
    "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong",
    "sub", "sup", "textarea", "time", "var", "wbr", "a", "del", "ins", "s", "u", "font",
];

/// Block-level elements: text output puts a break around each.
pub const BLOCK_ELEMS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "br",
    "picture",
    "video",
    "center",
];

/// Elements dropped wholesale before anything else looks at the page.
pub const ALWAYS_DROP: &[&str] = &[
    "script", "style", "template", "link", "meta", "base", "title", "head", "dialog", "object",
    "embed", "applet", "frame", "frameset", "noembed", "noframes", "param", "canvas",
];

/// Attribute names that hold the real source of a lazy-loaded image.
pub const LAZY_SRC_ATTRS: &[&str] = &[
    "data-src",
    "data-lazy-src",
    "data-original",
    "data-lazy",
    "data-url",
    "data-hi-res-src",
    "data-full-src",
    "data-orig-src",
];

/// Attribute names that hold the real `srcset` of a lazy-loaded image.
pub const LAZY_SRCSET_ATTRS: &[&str] = &["data-srcset", "data-lazy-srcset", "data-original-set"];

/// Words per minute used for the reading-time estimate.
pub const WORDS_PER_MINUTE: usize = 230;

/// Hosts of embedded videos that are kept (as links) rather than treated as clutter.
pub const VIDEO_HOSTS: &[&str] = &[
    "youtube.com",
    "youtube-nocookie.com",
    "youtu.be",
    "vimeo.com",
    "dailymotion.com",
    "twitch.tv",
    "archive.org",
    "bilibili.com",
];

/// Lowercases `s` (ASCII only, which is all class names need).
pub fn lower(s: &str) -> String {
    s.to_ascii_lowercase()
}

/// True if lowercase `hay` contains any of `needles`.
pub fn contains_any(hay: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| hay.contains(n))
}

/// True if any whitespace-separated token of lowercase `hay` is in `tokens`.
pub fn has_token(hay: &str, tokens: &[&str]) -> bool {
    hay.split_ascii_whitespace().any(|t| tokens.contains(&t))
}

/// True if `tag` is in `list`.
pub fn is_one_of(tag: &str, list: &[&str]) -> bool {
    list.contains(&tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substring_and_token_matching() {
        assert!(contains_any("main-sidebar left", UNLIKELY_CANDIDATES));
        assert!(!contains_any("story-body", UNLIKELY_CANDIDATES));
        assert!(has_token("x hid y", NEGATIVE_TOKENS));
        assert!(!has_token("hidden-gem", NEGATIVE_TOKENS));
    }
}
