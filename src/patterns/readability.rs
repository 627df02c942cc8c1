//! Readability's tables: candidate and class-weight words, roles, element
//! lists, lazy-image attributes.

/// Presentational attributes that Readability's cleaning strips from the
/// article (and that the clutter fingerprints therefore leave out).
pub const PRESENTATIONAL_ATTRS: &[&str] = &[
    "align",
    "background",
    "bgcolor",
    "border",
    "cellpadding",
    "cellspacing",
    "frame",
    "hspace",
    "rules",
    "style",
    "valign",
    "vspace",
];

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

/// The labels a PHP server prints before an error of its own, in bold,
/// when it writes its errors into the page ("<b>Warning</b>: … in
/// <b>/var/www/…/file.php</b> on line <b>56</b>"): server noise, not the
/// page's text. As the server writes them, in English.
pub const SERVER_NOTICE_LABELS: &[&str] = &[
    "Warning",
    "Notice",
    "Deprecated",
    "Strict Standards",
    "Fatal error",
    "Parse error",
    "Catchable fatal error",
    "Recoverable fatal error",
    "User Warning",
    "User Notice",
    "User Deprecated",
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

/// Fewest words an article may have before the pipeline falls back: keep
/// the clutter, then take the page's largest block of text.
pub const FALLBACK_MIN_WORDS: usize = 50;

/// Fewest words of the largest-block fallback's text for it to be
/// readerable (when it also reads as an article: prose, few links): a
/// story the chooser missed is shown as one, while a product page's or a
/// live ticker's scraps get the "doesn't look like an article" notice.
pub const FALLBACK_READERABLE_MIN_WORDS: usize = 200;

/// Fewest words of a chosen article that the page's JSON-LD `articleBody`
/// never replaces.
pub const ARTICLE_BODY_SHORT_WORDS: usize = 150;

/// How many times the chosen article's words the JSON-LD `articleBody`
/// must hold to replace a short article.
pub const ARTICLE_BODY_MIN_RATIO: usize = 3;

/// Where the fallback's largest block of text is never looked for: forms,
/// navigation and controls.
pub const FALLBACK_SKIP: &[&str] = &["form", "nav", "button", "select", "label", "footer"];

/// Fewest words of an extraction that is an article (`readerable`).
pub const READERABLE_MIN_WORDS: usize = 50;

/// Fewest characters of the longest text run of an extraction that is an
/// article: one sentence or so.
pub const READERABLE_MIN_RUN: usize = 50;

/// Largest share of link text in an extraction that is an article.
pub const READERABLE_MAX_LINK_DENSITY: f64 = 0.5;

/// Fewest characters of a lead (standfirst) that [`LEAD_NEVER`] aside, is
/// matched against the page's description to join the article.
pub const LEAD_MIN_CHARS: usize = 60;

/// Elements a standfirst just before the body's wrapper never holds: a
/// headline, a caption row or a sign-up box there is no standfirst.
pub const WRAPPER_STANDFIRST_NEVER: &[&str] = &[
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "img",
    "picture",
    "figure",
    "figcaption",
    "form",
    "input",
    "button",
    "select",
    "textarea",
];

/// Least share of the best candidate's score that a candidate holding the
/// page's description needs to be chosen over it (the best being another
/// story on the same page).
pub const ANCHOR_MIN_SHARE: f64 = 0.5;

/// Blocks that are never the page's lead: navigation, forms, controls.
pub const LEAD_NEVER: &[&str] = &["nav", "form", "footer", "aside", "button", "li", "td", "th"];

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
