//! Every keyword and pattern table the pipeline reads, in one place.
//!
//! Matching is plain substring search over lowercased strings (no regex engine
//! in the wasm build). Class/id tables are matched against `class` + `id`;
//! text-cue tables against an element's visible text.

use serde::{Deserialize, Serialize};

/// What a removed block was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClutterKind {
    /// Donation and reader-revenue appeals.
    Donation,
    /// "Become a member" / "Join" boxes and links.
    MembershipCta,
    /// Subscribe and sign-in offers.
    SubscriptionCta,
    /// E-mail sign-up forms with their labels and messages.
    NewsletterForm,
    /// Metered-access and paywall layers.
    Paywall,
    /// Cookie and consent banners.
    Cookie,
    /// Related-story cards and teasers.
    Related,
    /// "Read more:" link lines between paragraphs.
    ReadMoreLinks,
    /// Recommendation widgets and sponsored links.
    Recommended,
    /// Most-read and popular lists.
    MostRead,
    /// Other sidebar modules.
    Sidebar,
    /// Comment sections and their controls.
    Comments,
    /// Share rows, like and repost counters.
    Share,
    /// Ad slots and their labels.
    Ads,
    /// Author bio boxes.
    Bio,
    /// "Contact the author" lines.
    AuthorContact,
    /// Skip links, menus, search forms.
    Nav,
    /// Breadcrumb trails.
    Breadcrumbs,
    /// Footer link lists and legal lines.
    Footer,
    /// App download banners.
    AppBanner,
    /// Sticky bars.
    StickyFooter,
    /// Pop-ups and modals.
    Popup,
    /// Staff-only controls such as "Edit post".
    Admin,
    /// Reading-time labels.
    Meta,
    /// "Listen to this article" players and notes.
    AudioPlayer,
    /// Slideshow buttons and counters.
    GalleryControls,
    /// Topic and tag lists.
    Tags,
    /// Tables of contents.
    Toc,
    /// "Was this helpful?" widgets.
    Feedback,
    /// Affiliate-link notices.
    AffiliateDisclosure,
    /// Live-blog controls.
    LiveControls,
    /// Republishing and licensing modules.
    Republish,
}

impl ClutterKind {
    /// Every kind, in declaration order.
    pub const ALL: [ClutterKind; 32] = [
        ClutterKind::Donation,
        ClutterKind::MembershipCta,
        ClutterKind::SubscriptionCta,
        ClutterKind::NewsletterForm,
        ClutterKind::Paywall,
        ClutterKind::Cookie,
        ClutterKind::Related,
        ClutterKind::ReadMoreLinks,
        ClutterKind::Recommended,
        ClutterKind::MostRead,
        ClutterKind::Sidebar,
        ClutterKind::Comments,
        ClutterKind::Share,
        ClutterKind::Ads,
        ClutterKind::Bio,
        ClutterKind::AuthorContact,
        ClutterKind::Nav,
        ClutterKind::Breadcrumbs,
        ClutterKind::Footer,
        ClutterKind::AppBanner,
        ClutterKind::StickyFooter,
        ClutterKind::Popup,
        ClutterKind::Admin,
        ClutterKind::Meta,
        ClutterKind::AudioPlayer,
        ClutterKind::GalleryControls,
        ClutterKind::Tags,
        ClutterKind::Toc,
        ClutterKind::Feedback,
        ClutterKind::AffiliateDisclosure,
        ClutterKind::LiveControls,
        ClutterKind::Republish,
    ];

    /// The kebab-case name, as serialised (`"membership-cta"`).
    pub fn name(self) -> &'static str {
        match self {
            ClutterKind::Donation => "donation",
            ClutterKind::MembershipCta => "membership-cta",
            ClutterKind::SubscriptionCta => "subscription-cta",
            ClutterKind::NewsletterForm => "newsletter-form",
            ClutterKind::Paywall => "paywall",
            ClutterKind::Cookie => "cookie",
            ClutterKind::Related => "related",
            ClutterKind::ReadMoreLinks => "read-more-links",
            ClutterKind::Recommended => "recommended",
            ClutterKind::MostRead => "most-read",
            ClutterKind::Sidebar => "sidebar",
            ClutterKind::Comments => "comments",
            ClutterKind::Share => "share",
            ClutterKind::Ads => "ads",
            ClutterKind::Bio => "bio",
            ClutterKind::AuthorContact => "author-contact",
            ClutterKind::Nav => "nav",
            ClutterKind::Breadcrumbs => "breadcrumbs",
            ClutterKind::Footer => "footer",
            ClutterKind::AppBanner => "app-banner",
            ClutterKind::StickyFooter => "sticky-footer",
            ClutterKind::Popup => "popup",
            ClutterKind::Admin => "admin",
            ClutterKind::Meta => "meta",
            ClutterKind::AudioPlayer => "audio-player",
            ClutterKind::GalleryControls => "gallery-controls",
            ClutterKind::Tags => "tags",
            ClutterKind::Toc => "toc",
            ClutterKind::Feedback => "feedback",
            ClutterKind::AffiliateDisclosure => "affiliate-disclosure",
            ClutterKind::LiveControls => "live-controls",
            ClutterKind::Republish => "republish",
        }
    }

    /// The kind named `name` (kebab-case), if any.
    pub fn from_name(name: &str) -> Option<ClutterKind> {
        ClutterKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

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

// ---------------------------------------------------------------------------
// Clutter classifier tables (read by `clutter`). Cue phrases are lowercase;
// each table covers English, German, French, Spanish, Italian, Portuguese,
// Dutch, Ukrainian and Russian.

/// A table of class/id words and the clutter kind they name.
pub type ClutterWords = &'static [(&'static str, ClutterKind)];

/// Attributes whose words [`CLUTTER_WORDS`] is matched against.
pub const DESCRIPTOR_ATTRS: &[&str] = &[
    "class",
    "id",
    "data-component",
    "data-component-name",
    "data-widget",
    "data-module",
    "data-testid",
    "data-qa",
];

/// Words in class, id and component attributes that name a clutter block.
/// One word, or several words that must follow each other; a trailing `*`
/// matches any word starting with the stem. The first matching entry wins.
pub const CLUTTER_WORDS: ClutterWords = &[
    ("paywall*", ClutterKind::Paywall),
    ("regwall", ClutterKind::Paywall),
    ("metered", ClutterKind::Paywall),
    ("cookie*", ClutterKind::Cookie),
    ("consent*", ClutterKind::Cookie),
    ("gdpr", ClutterKind::Cookie),
    ("cmp", ClutterKind::Cookie),
    ("newsletter*", ClutterKind::NewsletterForm),
    ("signup", ClutterKind::NewsletterForm),
    ("sign up", ClutterKind::NewsletterForm),
    ("mailchimp", ClutterKind::NewsletterForm),
    ("mc embed", ClutterKind::NewsletterForm),
    ("optin", ClutterKind::NewsletterForm),
    ("opt in", ClutterKind::NewsletterForm),
    ("subscribe*", ClutterKind::SubscriptionCta),
    ("subscription", ClutterKind::SubscriptionCta),
    ("subscriptions", ClutterKind::SubscriptionCta),
    ("eedition", ClutterKind::SubscriptionCta),
    ("e edition", ClutterKind::SubscriptionCta),
    ("epaper", ClutterKind::SubscriptionCta),
    ("donat*", ClutterKind::Donation),
    ("contribution*", ClutterKind::Donation),
    ("fundrais*", ClutterKind::Donation),
    ("reader revenue", ClutterKind::Donation),
    ("support us", ClutterKind::Donation),
    ("support bar", ClutterKind::Donation),
    ("support the", ClutterKind::Donation),
    ("support cta", ClutterKind::Donation),
    ("membership*", ClutterKind::MembershipCta),
    ("member cta", ClutterKind::MembershipCta),
    ("join cta", ClutterKind::MembershipCta),
    ("app banner", ClutterKind::AppBanner),
    ("appbanner", ClutterKind::AppBanner),
    ("smartbanner", ClutterKind::AppBanner),
    ("smart banner", ClutterKind::AppBanner),
    ("app promo", ClutterKind::AppBanner),
    ("app download", ClutterKind::AppBanner),
    ("get the app", ClutterKind::AppBanner),
    ("sticky*", ClutterKind::StickyFooter),
    ("popup*", ClutterKind::Popup),
    ("pop up", ClutterKind::Popup),
    ("modal*", ClutterKind::Popup),
    ("breadcrumb*", ClutterKind::Breadcrumbs),
    ("comment", ClutterKind::Comments),
    ("comments", ClutterKind::Comments),
    ("commentlist", ClutterKind::Comments),
    ("discussion", ClutterKind::Comments),
    ("disqus", ClutterKind::Comments),
    ("replies", ClutterKind::Comments),
    ("share*", ClutterKind::Share),
    ("sharing", ClutterKind::Share),
    ("addtoany", ClutterKind::Share),
    ("a2a", ClutterKind::Share),
    ("social", ClutterKind::Share),
    ("ad", ClutterKind::Ads),
    ("ads", ClutterKind::Ads),
    ("advert*", ClutterKind::Ads),
    ("adslot", ClutterKind::Ads),
    ("adunit", ClutterKind::Ads),
    ("adsense", ClutterKind::Ads),
    ("dfp", ClutterKind::Ads),
    ("related*", ClutterKind::Related),
    ("read next", ClutterKind::Related),
    ("readnext", ClutterKind::Related),
    ("more stories", ClutterKind::Related),
    ("recommend*", ClutterKind::Recommended),
    ("recirc*", ClutterKind::Recommended),
    ("recs", ClutterKind::Recommended),
    ("sponsor*", ClutterKind::Recommended),
    ("promoted", ClutterKind::Recommended),
    ("outbrain", ClutterKind::Recommended),
    ("taboola", ClutterKind::Recommended),
    ("editors picks", ClutterKind::Recommended),
    ("most read", ClutterKind::MostRead),
    ("mostread", ClutterKind::MostRead),
    ("most popular", ClutterKind::MostRead),
    ("mostpopular", ClutterKind::MostRead),
    ("popular", ClutterKind::MostRead),
    ("trending", ClutterKind::MostRead),
    ("bio", ClutterKind::Bio),
    ("bios", ClutterKind::Bio),
    ("biography", ClutterKind::Bio),
    ("about author", ClutterKind::Bio),
    ("about the author", ClutterKind::Bio),
    ("author contact", ClutterKind::AuthorContact),
    ("contact author", ClutterKind::AuthorContact),
    ("reading time", ClutterKind::Meta),
    ("read time", ClutterKind::Meta),
    ("readtime", ClutterKind::Meta),
    ("readingtime", ClutterKind::Meta),
    ("audio", ClutterKind::AudioPlayer),
    ("listen*", ClutterKind::AudioPlayer),
    ("tts", ClutterKind::AudioPlayer),
    ("text to speech", ClutterKind::AudioPlayer),
    ("tags", ClutterKind::Tags),
    ("tag list", ClutterKind::Tags),
    ("taglist", ClutterKind::Tags),
    ("tag links", ClutterKind::Tags),
    ("tag cloud", ClutterKind::Tags),
    ("topics", ClutterKind::Tags),
    ("keywords", ClutterKind::Tags),
    ("toc", ClutterKind::Toc),
    ("table of contents", ClutterKind::Toc),
    ("tableofcontents", ClutterKind::Toc),
    ("feedback", ClutterKind::Feedback),
    ("helpful", ClutterKind::Feedback),
    ("survey", ClutterKind::Feedback),
    ("disclosure", ClutterKind::AffiliateDisclosure),
    ("affiliate*", ClutterKind::AffiliateDisclosure),
    ("disclaimer", ClutterKind::AffiliateDisclosure),
    ("live controls", ClutterKind::LiveControls),
    ("liveblog controls", ClutterKind::LiveControls),
    ("live toolbar", ClutterKind::LiveControls),
    ("new updates", ClutterKind::LiveControls),
    ("republish*", ClutterKind::Republish),
    ("reprint*", ClutterKind::Republish),
    ("edit link", ClutterKind::Admin),
    ("post edit", ClutterKind::Admin),
    ("edit post", ClutterKind::Admin),
    ("staff only", ClutterKind::Admin),
    ("admin*", ClutterKind::Admin),
    ("skip link", ClutterKind::Nav),
    ("skiplink", ClutterKind::Nav),
    ("skip", ClutterKind::Nav),
    ("nav", ClutterKind::Nav),
    ("navbar", ClutterKind::Nav),
    ("navigation", ClutterKind::Nav),
    ("menu", ClutterKind::Nav),
    ("masthead", ClutterKind::Nav),
    ("topbar", ClutterKind::Nav),
    ("footer", ClutterKind::Footer),
    ("colophon", ClutterKind::Footer),
    ("copyright", ClutterKind::Footer),
    ("sidebar", ClutterKind::Sidebar),
    ("rail", ClutterKind::Sidebar),
];

/// Class words of a slideshow whose controls are clutter (its figures are not).
pub const GALLERY_WORDS: &[&str] = &["gallery", "carousel", "slideshow", "slider", "lightbox"];

/// Class words of a slideshow's controls, inside a gallery.
pub const GALLERY_CONTROL_WORDS: &[&str] = &[
    "controls",
    "control",
    "prev",
    "previous",
    "next",
    "counter",
    "count",
    "pager",
    "pagination",
    "nav",
    "arrows",
    "arrow",
    "dots",
    "indicators",
];

/// Words before a slideshow counter ("Photo 3 of 12").
pub const GALLERY_ITEM_WORDS: &[&str] = &[
    "photo",
    "image",
    "picture",
    "slide",
    "bild",
    "foto",
    "imagen",
    "immagine",
    "imagem",
    "afbeelding",
    "фото",
    "світлина",
    "изображение",
];

/// Words of an e-mail field's placeholder or label ("Your email", "Votre
/// courriel", "Ваша пошта").
pub const EMAIL_FIELD_CUES: &[&str] = &["mail", "courriel", "correo", "пошт", "почт"];

/// Ad labels: the whole text of a short block.
pub const AD_LABELS: &[&str] = &[
    "ad",
    "ads",
    "advertisement",
    "advertising",
    "sponsored",
    "sponsored content",
    "anzeige",
    "werbung",
    "publicité",
    "publicite",
    "annonce",
    "publicidad",
    "anuncio",
    "pubblicità",
    "annuncio",
    "publicidade",
    "anúncio",
    "advertentie",
    "reclame",
    "реклама",
    "оголошення",
];

/// Reading-time labels ("4 min read"): short text with a number and one of these.
pub const READING_TIME_CUES: &[&str] = &[
    "min read",
    "mins read",
    "minute read",
    "minutes read",
    "min. read",
    "reading time",
    "read time",
    "lesezeit",
    "min. lesen",
    "de lecture",
    "de lectura",
    "tiempo de lectura",
    "di lettura",
    "tempo di lettura",
    "de leitura",
    "tempo de leitura",
    "leestijd",
    "min lezen",
    "читання",
    "чтения",
];

/// Slideshow buttons (whole text, or its start).
pub const GALLERY_CONTROL_LABELS: &[&str] = &[
    "previous",
    "prev",
    "next",
    "previous photo",
    "next photo",
    "previous image",
    "next image",
    "previous slide",
    "next slide",
    "vorheriges bild",
    "nächstes bild",
    "zurück",
    "weiter",
    "précédent",
    "suivant",
    "photo précédente",
    "photo suivante",
    "anterior",
    "siguiente",
    "foto anterior",
    "foto siguiente",
    "precedente",
    "successiva",
    "successivo",
    "foto precedente",
    "foto successiva",
    "próxima",
    "próxima foto",
    "vorige",
    "volgende",
    "vorige foto",
    "volgende foto",
    "попереднє",
    "наступне",
    "попереднє фото",
    "наступне фото",
    "предыдущее",
    "следующее",
    "предыдущее фото",
    "следующее фото",
];

/// Skip links and similar navigation labels (whole text).
pub const NAV_LABELS: &[&str] = &[
    "skip to content",
    "skip to main content",
    "skip navigation",
    "zum inhalt springen",
    "zum hauptinhalt springen",
    "aller au contenu",
    "aller au contenu principal",
    "ir al contenido",
    "saltar al contenido",
    "vai al contenuto",
    "salta al contenuto",
    "pular para o conteúdo",
    "ir para o conteúdo",
    "naar inhoud",
    "ga naar de inhoud",
    "перейти до вмісту",
    "перейти к содержанию",
];

/// Staff-only controls (whole text).
pub const ADMIN_LABELS: &[&str] = &[
    "edit",
    "edit post",
    "edit this post",
    "edit article",
    "edit page",
    "beitrag bearbeiten",
    "modifier l'article",
    "modifier",
    "editar entrada",
    "editar",
    "modifica articolo",
    "modifica",
    "bericht bewerken",
    "bewerken",
    "редагувати",
    "редактировать",
];

/// Live-blog control labels (whole text).
pub const LIVE_LABELS: &[&str] = &[
    "pinned",
    "pinned post",
    "show new updates",
    "load new updates",
    "auto-update",
    "auto update",
    "angepinnt",
    "épinglé",
    "fijado",
    "in evidenza",
    "fixado",
    "vastgezet",
    "закріплено",
    "закреплено",
];

/// Share-row labels (whole text, or its start).
pub const SHARE_LABELS: &[&str] = &[
    "share",
    "share this",
    "share on",
    "share via",
    "copy link",
    "teilen",
    "link kopieren",
    "partager",
    "copier le lien",
    "compartir",
    "comparte",
    "copiar enlace",
    "condividi",
    "copia link",
    "partilhar",
    "compartilhar",
    "compartilhe",
    "copiar link",
    "delen",
    "link kopiëren",
    "поділитися",
    "копіювати посилання",
    "поделиться",
    "скопировать ссылку",
];

/// Comment-count and comment-link labels (whole text, numbers ignored).
pub const COMMENT_LABELS: &[&str] = &[
    "comment",
    "comments",
    "view comments",
    "show comments",
    "see all comments",
    "leave a comment",
    "add a comment",
    "join the discussion",
    "join the conversation",
    "kommentar",
    "kommentare",
    "commentaire",
    "commentaires",
    "comentario",
    "comentarios",
    "commento",
    "commenti",
    "comentário",
    "comentários",
    "reactie",
    "reacties",
    "коментар",
    "коментарі",
    "коментарів",
    "комментарий",
    "комментарии",
    "комментариев",
];

/// Texts of call-to-action links and buttons, with the kind they make the
/// surrounding box. Matched against the whole control text or its start.
pub const CTA_LABELS: &[(&str, ClutterKind)] = &[
    ("subscribe", ClutterKind::SubscriptionCta),
    ("get access", ClutterKind::SubscriptionCta),
    ("start free trial", ClutterKind::SubscriptionCta),
    ("start your free trial", ClutterKind::SubscriptionCta),
    ("abonnieren", ClutterKind::SubscriptionCta),
    ("jetzt abonnieren", ClutterKind::SubscriptionCta),
    ("abo abschließen", ClutterKind::SubscriptionCta),
    ("s'abonner", ClutterKind::SubscriptionCta),
    ("abonnez-vous", ClutterKind::SubscriptionCta),
    ("je m'abonne", ClutterKind::SubscriptionCta),
    ("suscríbete", ClutterKind::SubscriptionCta),
    ("suscribirse", ClutterKind::SubscriptionCta),
    ("suscribirme", ClutterKind::SubscriptionCta),
    ("abbonati", ClutterKind::SubscriptionCta),
    ("abbonarsi", ClutterKind::SubscriptionCta),
    ("assine", ClutterKind::SubscriptionCta),
    ("assinar", ClutterKind::SubscriptionCta),
    ("abonneer", ClutterKind::SubscriptionCta),
    ("abonneren", ClutterKind::SubscriptionCta),
    ("word abonnee", ClutterKind::SubscriptionCta),
    ("підписатися", ClutterKind::SubscriptionCta),
    ("підпишіться", ClutterKind::SubscriptionCta),
    ("оформити передплату", ClutterKind::SubscriptionCta),
    ("подписаться", ClutterKind::SubscriptionCta),
    ("подпишитесь", ClutterKind::SubscriptionCta),
    ("оформить подписку", ClutterKind::SubscriptionCta),
    ("sign up", ClutterKind::NewsletterForm),
    ("sign me up", ClutterKind::NewsletterForm),
    ("get the newsletter", ClutterKind::NewsletterForm),
    ("zum newsletter anmelden", ClutterKind::NewsletterForm),
    ("newsletter abonnieren", ClutterKind::NewsletterForm),
    ("je m'inscris", ClutterKind::NewsletterForm),
    ("s'inscrire", ClutterKind::NewsletterForm),
    ("inscribirse", ClutterKind::NewsletterForm),
    ("regístrate", ClutterKind::NewsletterForm),
    ("iscriviti", ClutterKind::NewsletterForm),
    ("inscreva-se", ClutterKind::NewsletterForm),
    ("cadastre-se", ClutterKind::NewsletterForm),
    ("inschrijven", ClutterKind::NewsletterForm),
    ("schrijf je in", ClutterKind::NewsletterForm),
    ("зареєструватися", ClutterKind::NewsletterForm),
    ("зарегистрироваться", ClutterKind::NewsletterForm),
    ("donate", ClutterKind::Donation),
    ("give now", ClutterKind::Donation),
    ("make a donation", ClutterKind::Donation),
    ("make a one-off", ClutterKind::Donation),
    ("make a contribution", ClutterKind::Donation),
    ("contribute", ClutterKind::Donation),
    ("chip in", ClutterKind::Donation),
    ("support us", ClutterKind::Donation),
    ("support the", ClutterKind::Donation),
    ("support our", ClutterKind::Donation),
    ("spenden", ClutterKind::Donation),
    ("jetzt spenden", ClutterKind::Donation),
    ("unterstützen", ClutterKind::Donation),
    ("unterstützen sie", ClutterKind::Donation),
    ("faire un don", ClutterKind::Donation),
    ("je fais un don", ClutterKind::Donation),
    ("soutenez", ClutterKind::Donation),
    ("nous soutenir", ClutterKind::Donation),
    ("donar", ClutterKind::Donation),
    ("haz una donación", ClutterKind::Donation),
    ("apóyanos", ClutterKind::Donation),
    ("dona ora", ClutterKind::Donation),
    ("fai una donazione", ClutterKind::Donation),
    ("sostienici", ClutterKind::Donation),
    ("doe agora", ClutterKind::Donation),
    ("faça uma doação", ClutterKind::Donation),
    ("apoie", ClutterKind::Donation),
    ("doneer", ClutterKind::Donation),
    ("steun ons", ClutterKind::Donation),
    ("підтримати", ClutterKind::Donation),
    ("підтримайте", ClutterKind::Donation),
    ("задонатити", ClutterKind::Donation),
    ("пожертвувати", ClutterKind::Donation),
    ("поддержать", ClutterKind::Donation),
    ("поддержите", ClutterKind::Donation),
    ("пожертвовать", ClutterKind::Donation),
    ("become a member", ClutterKind::MembershipCta),
    ("become a supporter", ClutterKind::MembershipCta),
    ("join now", ClutterKind::MembershipCta),
    ("join us", ClutterKind::MembershipCta),
    ("join today", ClutterKind::MembershipCta),
    ("mitglied werden", ClutterKind::MembershipCta),
    ("jetzt mitglied werden", ClutterKind::MembershipCta),
    ("devenir membre", ClutterKind::MembershipCta),
    ("devenez membre", ClutterKind::MembershipCta),
    ("hazte socio", ClutterKind::MembershipCta),
    ("hazte miembro", ClutterKind::MembershipCta),
    ("únete", ClutterKind::MembershipCta),
    ("diventa socio", ClutterKind::MembershipCta),
    ("diventa membro", ClutterKind::MembershipCta),
    ("torne-se membro", ClutterKind::MembershipCta),
    ("seja membro", ClutterKind::MembershipCta),
    ("word lid", ClutterKind::MembershipCta),
    ("lid worden", ClutterKind::MembershipCta),
    ("стати членом", ClutterKind::MembershipCta),
    ("приєднатися", ClutterKind::MembershipCta),
    ("стать участником", ClutterKind::MembershipCta),
    ("присоединиться", ClutterKind::MembershipCta),
    ("get the app", ClutterKind::AppBanner),
    ("open in app", ClutterKind::AppBanner),
    ("open in the app", ClutterKind::AppBanner),
    ("download the app", ClutterKind::AppBanner),
    ("install the app", ClutterKind::AppBanner),
    ("app herunterladen", ClutterKind::AppBanner),
    ("in der app öffnen", ClutterKind::AppBanner),
    ("télécharger l'application", ClutterKind::AppBanner),
    ("ouvrir dans l'application", ClutterKind::AppBanner),
    ("descarga la app", ClutterKind::AppBanner),
    ("abrir en la app", ClutterKind::AppBanner),
    ("scarica l'app", ClutterKind::AppBanner),
    ("apri nell'app", ClutterKind::AppBanner),
    ("baixe o app", ClutterKind::AppBanner),
    ("abrir no app", ClutterKind::AppBanner),
    ("download de app", ClutterKind::AppBanner),
    ("open in de app", ClutterKind::AppBanner),
    ("завантажити застосунок", ClutterKind::AppBanner),
    ("відкрити в застосунку", ClutterKind::AppBanner),
    ("скачать приложение", ClutterKind::AppBanner),
    ("открыть в приложении", ClutterKind::AppBanner),
];

/// Words of a reader-revenue appeal: a box with a call to action and one of
/// these is an appeal even when it runs to a few paragraphs.
pub const APPEAL_CUES: &[&str] = &[
    "member",
    "donat",
    "support",
    "contribut",
    "subscri",
    "paywall",
    "newsletter",
    "chip in",
    "mitglied",
    "spende",
    "unterstütz",
    "abonn",
    "membre",
    "soutien",
    "souten",
    "socio",
    "miembro",
    "donaci",
    "apoy",
    "suscri",
    "sostien",
    "donazion",
    "abbona",
    "membro",
    "doaç",
    "apoi",
    "assin",
    "steun",
    "doneer",
    "lidmaatschap",
    "підтрим",
    "передплат",
    "член",
    "донат",
    "поддерж",
    "пожертв",
    "подпис",
];

/// Short sentences that only clutter says, with their kind. Matched as
/// substrings of blocks of at most `CUE_TEXT_MAX` characters.
pub const SENTENCE_CUES: &[(&str, ClutterKind)] = &[
    ("listen to this article", ClutterKind::AudioPlayer),
    ("listen to this story", ClutterKind::AudioPlayer),
    ("this audio is", ClutterKind::AudioPlayer),
    ("audio version of this", ClutterKind::AudioPlayer),
    ("artikel anhören", ClutterKind::AudioPlayer),
    ("écouter cet article", ClutterKind::AudioPlayer),
    ("écouter l'article", ClutterKind::AudioPlayer),
    ("escuchar este artículo", ClutterKind::AudioPlayer),
    ("escucha este artículo", ClutterKind::AudioPlayer),
    ("ascolta l'articolo", ClutterKind::AudioPlayer),
    ("ascolta questo articolo", ClutterKind::AudioPlayer),
    ("ouvir este artigo", ClutterKind::AudioPlayer),
    ("ouça este artigo", ClutterKind::AudioPlayer),
    ("beluister dit artikel", ClutterKind::AudioPlayer),
    ("luister naar dit artikel", ClutterKind::AudioPlayer),
    ("прослухати статтю", ClutterKind::AudioPlayer),
    ("слухати статтю", ClutterKind::AudioPlayer),
    ("слушать статью", ClutterKind::AudioPlayer),
    ("прослушать статью", ClutterKind::AudioPlayer),
    ("indicates required", ClutterKind::NewsletterForm),
    ("required field", ClutterKind::NewsletterForm),
    ("by signing up", ClutterKind::NewsletterForm),
    ("by subscribing", ClutterKind::NewsletterForm),
    ("enter your email", ClutterKind::NewsletterForm),
    ("your email address", ClutterKind::NewsletterForm),
    ("successfully subscribed", ClutterKind::NewsletterForm),
    ("successfuly subscribed", ClutterKind::NewsletterForm),
    ("thank you for signing up", ClutterKind::NewsletterForm),
    ("thanks for signing up", ClutterKind::NewsletterForm),
    ("thanks for subscribing", ClutterKind::NewsletterForm),
    ("sign up for our", ClutterKind::NewsletterForm),
    ("sign up to our", ClutterKind::NewsletterForm),
    ("subscribe to our", ClutterKind::NewsletterForm),
    ("get our newsletter", ClutterKind::NewsletterForm),
    ("pflichtfeld", ClutterKind::NewsletterForm),
    ("mit der anmeldung", ClutterKind::NewsletterForm),
    ("ihre e-mail-adresse", ClutterKind::NewsletterForm),
    ("unseren newsletter", ClutterKind::NewsletterForm),
    ("champ obligatoire", ClutterKind::NewsletterForm),
    ("champs obligatoires", ClutterKind::NewsletterForm),
    ("en vous inscrivant", ClutterKind::NewsletterForm),
    ("votre adresse e-mail", ClutterKind::NewsletterForm),
    ("notre newsletter", ClutterKind::NewsletterForm),
    ("campo obligatorio", ClutterKind::NewsletterForm),
    ("al suscribirte", ClutterKind::NewsletterForm),
    ("tu correo electrónico", ClutterKind::NewsletterForm),
    ("nuestro boletín", ClutterKind::NewsletterForm),
    ("nuestra newsletter", ClutterKind::NewsletterForm),
    ("campo obbligatorio", ClutterKind::NewsletterForm),
    ("iscrivendoti", ClutterKind::NewsletterForm),
    ("la tua email", ClutterKind::NewsletterForm),
    ("nostra newsletter", ClutterKind::NewsletterForm),
    ("campo obrigatório", ClutterKind::NewsletterForm),
    ("ao se inscrever", ClutterKind::NewsletterForm),
    ("seu e-mail", ClutterKind::NewsletterForm),
    ("nossa newsletter", ClutterKind::NewsletterForm),
    ("verplicht veld", ClutterKind::NewsletterForm),
    ("door je aan te melden", ClutterKind::NewsletterForm),
    ("je e-mailadres", ClutterKind::NewsletterForm),
    ("onze nieuwsbrief", ClutterKind::NewsletterForm),
    ("обов'язкове поле", ClutterKind::NewsletterForm),
    ("нашу розсилку", ClutterKind::NewsletterForm),
    ("вашу електронну пошту", ClutterKind::NewsletterForm),
    ("обязательное поле", ClutterKind::NewsletterForm),
    ("нашу рассылку", ClutterKind::NewsletterForm),
    ("ваш email", ClutterKind::NewsletterForm),
    ("free articles left", ClutterKind::Paywall),
    ("free article left", ClutterKind::Paywall),
    ("articles remaining", ClutterKind::Paywall),
    ("already a subscriber", ClutterKind::Paywall),
    ("subscribe to continue", ClutterKind::Paywall),
    ("subscribe to read", ClutterKind::Paywall),
    ("to continue reading", ClutterKind::Paywall),
    ("unlimited access", ClutterKind::Paywall),
    ("bereits abonnent", ClutterKind::Paywall),
    ("kostenlose artikel", ClutterKind::Paywall),
    ("déjà abonné", ClutterKind::Paywall),
    ("articles gratuits", ClutterKind::Paywall),
    ("ya eres suscriptor", ClutterKind::Paywall),
    ("artículos gratuitos", ClutterKind::Paywall),
    ("sei già abbonato", ClutterKind::Paywall),
    ("articoli gratuiti", ClutterKind::Paywall),
    ("já é assinante", ClutterKind::Paywall),
    ("artigos gratuitos", ClutterKind::Paywall),
    ("al abonnee", ClutterKind::Paywall),
    ("gratis artikelen", ClutterKind::Paywall),
    ("вже передплатник", ClutterKind::Paywall),
    ("уже подписчик", ClutterKind::Paywall),
    ("we use cookies", ClutterKind::Cookie),
    ("uses cookies", ClutterKind::Cookie),
    ("use of cookies", ClutterKind::Cookie),
    ("accept all cookies", ClutterKind::Cookie),
    ("cookie settings", ClutterKind::Cookie),
    ("wir verwenden cookies", ClutterKind::Cookie),
    ("verwendet cookies", ClutterKind::Cookie),
    ("utilise des cookies", ClutterKind::Cookie),
    ("utilisons des cookies", ClutterKind::Cookie),
    ("utilizamos cookies", ClutterKind::Cookie),
    ("utiliza cookies", ClutterKind::Cookie),
    ("utilizziamo i cookie", ClutterKind::Cookie),
    ("utilizza cookie", ClutterKind::Cookie),
    ("usamos cookies", ClutterKind::Cookie),
    ("gebruikt cookies", ClutterKind::Cookie),
    ("maakt gebruik van cookies", ClutterKind::Cookie),
    ("файли cookie", ClutterKind::Cookie),
    ("файлы cookie", ClutterKind::Cookie),
    ("thanks for your feedback", ClutterKind::Feedback),
    ("thanks for letting us know", ClutterKind::Feedback),
    ("danke für ihr feedback", ClutterKind::Feedback),
    ("merci pour votre retour", ClutterKind::Feedback),
    ("gracias por tu opinión", ClutterKind::Feedback),
    ("grazie per il tuo feedback", ClutterKind::Feedback),
    ("obrigado pelo seu feedback", ClutterKind::Feedback),
    ("bedankt voor je feedback", ClutterKind::Feedback),
    ("дякуємо за відгук", ClutterKind::Feedback),
    ("спасибо за отзыв", ClutterKind::Feedback),
    (
        "this article is available to republish",
        ClutterKind::Republish,
    ),
    ("continues below advertisement", ClutterKind::Ads),
    ("continues after advertisement", ClutterKind::Ads),
    ("continue reading below", ClutterKind::Ads),
    ("scroll to continue with content", ClutterKind::Ads),
    ("weiter nach der anzeige", ClutterKind::Ads),
    ("la suite après cette publicité", ClutterKind::Ads),
    ("la suite après la publicité", ClutterKind::Ads),
    ("continúa después de la publicidad", ClutterKind::Ads),
    ("continua dopo la pubblicità", ClutterKind::Ads),
    ("continua após a publicidade", ClutterKind::Ads),
    ("lees verder na de advertentie", ClutterKind::Ads),
    ("продовження після реклами", ClutterKind::Ads),
    ("продолжение после рекламы", ClutterKind::Ads),
    ("follow us on", ClutterKind::Share),
    ("folgen sie uns", ClutterKind::Share),
    ("suivez-nous", ClutterKind::Share),
    ("síguenos en", ClutterKind::Share),
    ("seguici su", ClutterKind::Share),
    ("siga-nos", ClutterKind::Share),
    ("volg ons op", ClutterKind::Share),
    ("стежте за нами", ClutterKind::Share),
    ("подписывайтесь на нас", ClutterKind::Share),
    ("contact the author", ClutterKind::AuthorContact),
    ("email the author", ClutterKind::AuthorContact),
    ("write to the author", ClutterKind::AuthorContact),
    ("kontakt zum autor", ClutterKind::AuthorContact),
    ("contacter l'auteur", ClutterKind::AuthorContact),
    ("contactar al autor", ClutterKind::AuthorContact),
    ("contatta l'autore", ClutterKind::AuthorContact),
    ("contatar o autor", ClutterKind::AuthorContact),
    ("contact met de auteur", ClutterKind::AuthorContact),
    ("зв'язатися з автором", ClutterKind::AuthorContact),
    ("связаться с автором", ClutterKind::AuthorContact),
    ("all rights reserved", ClutterKind::Footer),
    ("alle rechte vorbehalten", ClutterKind::Footer),
    ("tous droits réservés", ClutterKind::Footer),
    ("todos los derechos reservados", ClutterKind::Footer),
    ("tutti i diritti riservati", ClutterKind::Footer),
    ("todos os direitos reservados", ClutterKind::Footer),
    ("alle rechten voorbehouden", ClutterKind::Footer),
    ("всі права захищені", ClutterKind::Footer),
    ("усі права захищені", ClutterKind::Footer),
    ("все права защищены", ClutterKind::Footer),
    ("republish this article", ClutterKind::Republish),
    ("republish this story", ClutterKind::Republish),
    ("creative commons license", ClutterKind::Republish),
    ("newest first", ClutterKind::LiveControls),
    ("oldest first", ClutterKind::LiveControls),
    ("latest first", ClutterKind::LiveControls),
    ("new update", ClutterKind::LiveControls),
    ("new updates", ClutterKind::LiveControls),
    ("neueste zuerst", ClutterKind::LiveControls),
    ("plus récents", ClutterKind::LiveControls),
    ("más recientes", ClutterKind::LiveControls),
    ("più recenti", ClutterKind::LiveControls),
    ("mais recentes", ClutterKind::LiveControls),
    ("nieuwste eerst", ClutterKind::LiveControls),
    ("спочатку нові", ClutterKind::LiveControls),
    ("сначала новые", ClutterKind::LiveControls),
];

/// Longest block text that [`SENTENCE_CUES`] may condemn.
pub const CUE_TEXT_MAX: usize = 220;

/// Words that make a short question a "was this helpful?" widget.
pub const HELPFUL_CUES: &[&str] = &[
    "helpful",
    "useful",
    "hilfreich",
    "nützlich",
    "utile",
    "útil",
    "nuttig",
    "корисн",
    "полезн",
];

/// Affiliate-link words: one of these alone marks a disclosure.
pub const AFFILIATE_CUES: &[&str] = &[
    "affiliate",
    "affiliation",
    "affiliazione",
    "afiliad",
    "partnerlink",
    "партнерськ",
    "партнерск",
];

/// Money words of a disclosure ("we earn a commission"), which need a
/// [`PURCHASE_CUES`] word beside them.
pub const COMMISSION_CUES: &[&str] = &[
    "commission",
    "small fee",
    "provision",
    "comisión",
    "commissione",
    "comissão",
    "commissie",
    "комісі",
    "комисси",
];

/// Purchase words of a disclosure.
pub const PURCHASE_CUES: &[&str] = &[
    "buy",
    "purchase",
    "kauf",
    "achat",
    "achet",
    "compra",
    "acquist",
    "koop",
    "купу",
    "покуп",
];

/// Line openers of "Read more:" link lines between paragraphs.
pub const READ_MORE_PREFIXES: &[&str] = &[
    "read more",
    "read also",
    "also read",
    "see also",
    "related:",
    "related story",
    "related article",
    "more:",
    "lesen sie auch",
    "lesen sie mehr",
    "mehr zum thema",
    "auch interessant",
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "voir aussi",
    "lee también",
    "leer más",
    "lea también",
    "ver también",
    "te puede interesar",
    "leggi anche",
    "leggi di più",
    "potrebbe interessarti",
    "leia também",
    "leia mais",
    "veja também",
    "lees ook",
    "lees meer",
    "zie ook",
    "читайте також",
    "читати також",
    "читайте більше",
    "читайте также",
    "читать также",
    "по теме:",
];

/// Titles of clutter sections ("Related stories", "Most read"…), with the
/// kind they name. A block whose first line starts with one is that kind.
pub const SECTION_TITLES: &[(&str, ClutterKind)] = &[
    ("related", ClutterKind::Related),
    ("more on this", ClutterKind::Related),
    ("more stories", ClutterKind::Related),
    ("read next", ClutterKind::Related),
    ("up next", ClutterKind::Related),
    ("you may also like", ClutterKind::Related),
    ("you might also like", ClutterKind::Related),
    ("ähnliche artikel", ClutterKind::Related),
    ("mehr zum thema", ClutterKind::Related),
    ("weitere artikel", ClutterKind::Related),
    ("das könnte sie auch interessieren", ClutterKind::Related),
    ("articles liés", ClutterKind::Related),
    ("sur le même sujet", ClutterKind::Related),
    ("à lire aussi", ClutterKind::Related),
    ("noticias relacionadas", ClutterKind::Related),
    ("artículos relacionados", ClutterKind::Related),
    ("te puede interesar", ClutterKind::Related),
    ("articoli correlati", ClutterKind::Related),
    ("potrebbe interessarti", ClutterKind::Related),
    ("notícias relacionadas", ClutterKind::Related),
    ("artigos relacionados", ClutterKind::Related),
    ("gerelateerde artikelen", ClutterKind::Related),
    ("lees ook", ClutterKind::Related),
    ("схожі статті", ClutterKind::Related),
    ("читайте також", ClutterKind::Related),
    ("похожие статьи", ClutterKind::Related),
    ("читайте также", ClutterKind::Related),
    ("recommended", ClutterKind::Recommended),
    ("editors' picks", ClutterKind::Recommended),
    ("editor's picks", ClutterKind::Recommended),
    ("editors’ picks", ClutterKind::Recommended),
    ("editors picks", ClutterKind::Recommended),
    ("sponsored", ClutterKind::Recommended),
    ("promoted", ClutterKind::Recommended),
    ("from around the web", ClutterKind::Recommended),
    ("empfohlen", ClutterKind::Recommended),
    ("empfehlungen", ClutterKind::Recommended),
    ("recommandé", ClutterKind::Recommended),
    ("recomendado", ClutterKind::Recommended),
    ("consigliati", ClutterKind::Recommended),
    ("aanbevolen", ClutterKind::Recommended),
    ("рекомендовані", ClutterKind::Recommended),
    ("рекомендуємо", ClutterKind::Recommended),
    ("рекомендуем", ClutterKind::Recommended),
    ("most read", ClutterKind::MostRead),
    ("most popular", ClutterKind::MostRead),
    ("most viewed", ClutterKind::MostRead),
    ("trending", ClutterKind::MostRead),
    ("meistgelesen", ClutterKind::MostRead),
    ("am meisten gelesen", ClutterKind::MostRead),
    ("les plus lus", ClutterKind::MostRead),
    ("lo más leído", ClutterKind::MostRead),
    ("más leídas", ClutterKind::MostRead),
    ("più letti", ClutterKind::MostRead),
    ("i più letti", ClutterKind::MostRead),
    ("mais lidas", ClutterKind::MostRead),
    ("mais lidos", ClutterKind::MostRead),
    ("meest gelezen", ClutterKind::MostRead),
    ("найпопулярніше", ClutterKind::MostRead),
    ("найчитаніше", ClutterKind::MostRead),
    ("самое популярное", ClutterKind::MostRead),
    ("самые читаемые", ClutterKind::MostRead),
    ("comments", ClutterKind::Comments),
    ("join the conversation", ClutterKind::Comments),
    ("leave a reply", ClutterKind::Comments),
    ("leave a comment", ClutterKind::Comments),
    ("kommentare", ClutterKind::Comments),
    ("commentaires", ClutterKind::Comments),
    ("comentarios", ClutterKind::Comments),
    ("commenti", ClutterKind::Comments),
    ("comentários", ClutterKind::Comments),
    ("reacties", ClutterKind::Comments),
    ("коментарі", ClutterKind::Comments),
    ("комментарии", ClutterKind::Comments),
    ("newsletter", ClutterKind::NewsletterForm),
    ("nieuwsbrief", ClutterKind::NewsletterForm),
    ("boletín", ClutterKind::NewsletterForm),
    ("розсилка", ClutterKind::NewsletterForm),
    ("рассылка", ClutterKind::NewsletterForm),
    ("in this article", ClutterKind::Toc),
    ("table of contents", ClutterKind::Toc),
    ("contents", ClutterKind::Toc),
    ("on this page", ClutterKind::Toc),
    ("jump to", ClutterKind::Toc),
    ("inhalt", ClutterKind::Toc),
    ("inhaltsverzeichnis", ClutterKind::Toc),
    ("in diesem artikel", ClutterKind::Toc),
    ("sommaire", ClutterKind::Toc),
    ("dans cet article", ClutterKind::Toc),
    ("contenido", ClutterKind::Toc),
    ("índice", ClutterKind::Toc),
    ("en este artículo", ClutterKind::Toc),
    ("indice", ClutterKind::Toc),
    ("in questo articolo", ClutterKind::Toc),
    ("neste artigo", ClutterKind::Toc),
    ("inhoud", ClutterKind::Toc),
    ("in dit artikel", ClutterKind::Toc),
    ("зміст", ClutterKind::Toc),
    ("у цій статті", ClutterKind::Toc),
    ("содержание", ClutterKind::Toc),
    ("в этой статье", ClutterKind::Toc),
    ("tags", ClutterKind::Tags),
    ("topics", ClutterKind::Tags),
    ("filed under", ClutterKind::Tags),
    ("schlagwörter", ClutterKind::Tags),
    ("themen", ClutterKind::Tags),
    ("mots-clés", ClutterKind::Tags),
    ("sujets", ClutterKind::Tags),
    ("etiquetas", ClutterKind::Tags),
    ("argomenti", ClutterKind::Tags),
    ("tópicos", ClutterKind::Tags),
    ("onderwerpen", ClutterKind::Tags),
    ("теги", ClutterKind::Tags),
    ("теми", ClutterKind::Tags),
    ("темы", ClutterKind::Tags),
    ("about the author", ClutterKind::Bio),
    ("about the authors", ClutterKind::Bio),
    ("über den autor", ClutterKind::Bio),
    ("über die autorin", ClutterKind::Bio),
    ("à propos de l'auteur", ClutterKind::Bio),
    ("sobre el autor", ClutterKind::Bio),
    ("sull'autore", ClutterKind::Bio),
    ("sobre o autor", ClutterKind::Bio),
    ("over de auteur", ClutterKind::Bio),
    ("про автора", ClutterKind::Bio),
    ("об авторе", ClutterKind::Bio),
];

/// Hosts and paths of share-intent links ("post this page to…").
pub const SHARE_URLS: &[&str] = &[
    "facebook.com/sharer",
    "facebook.com/share",
    "twitter.com/intent",
    "twitter.com/share",
    "x.com/intent",
    "x.com/share",
    "linkedin.com/share",
    "linkedin.com/sharearticle",
    "pinterest.com/pin/create",
    "reddit.com/submit",
    "wa.me/",
    "api.whatsapp.com/send",
    "whatsapp://send",
    "t.me/share",
    "telegram.me/share",
    "bsky.app/intent",
    "threads.net/intent",
    "vk.com/share",
    "xing.com/spi/shares",
    "getpocket.com/save",
    "news.ycombinator.com/submitlink",
    "mailto:?",
];

/// Lowercases `s` (ASCII only, which is all class names need).
pub fn lower(s: &str) -> String {
    s.to_ascii_lowercase()
}

/// True if lowercase `hay` contains any of `needles`.
pub fn contains_any(hay: &str, needles: &[&str]) -> bool {
    if hay.len() > SHORT_HAY {
        return needles.iter().any(|n| hay.contains(n));
    }
    // Class strings are short, and most needles are absent from them. Which
    // pairs of adjacent bytes the haystack holds, hashed into 1,024 bits,
    // rules most needles out by their first two bytes; the rest are compared
    // in place, which beats setting up `str::contains`' searcher per needle.
    let hay = hay.as_bytes();
    let mut pairs = [0u64; 16];
    for w in hay.windows(2) {
        let k = pair_bit(w[0], w[1]);
        pairs[k >> 6] |= 1 << (k & 63);
    }
    needles.iter().any(|n| {
        let n = n.as_bytes();
        match n {
            [] => true,
            [first] => hay.contains(first),
            [a, b, ..] => {
                let k = pair_bit(*a, *b);
                pairs[k >> 6] & (1 << (k & 63)) != 0
                    && n.len() <= hay.len()
                    && (0..=hay.len() - n.len()).any(|i| hay[i] == *a && hay[i..].starts_with(n))
            }
        }
    })
}

/// Where the byte pair `a`, `b` falls in [`contains_any`]'s 1,024-bit set.
fn pair_bit(a: u8, b: u8) -> usize {
    ((usize::from(a) << 5) ^ usize::from(b)) & 1023
}

/// Longest haystack [`contains_any`] searches in place.
const SHORT_HAY: usize = 64;

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

    #[test]
    fn contains_any_agrees_with_str_contains() {
        let tables = [
            UNLIKELY_CANDIDATES,
            MAYBE_CANDIDATE,
            POSITIVE,
            NEGATIVE,
            BYLINE,
        ];
        let mut hays: Vec<String> = vec![String::new(), "a".into(), "x".repeat(70)];
        for t in tables {
            for n in t {
                hays.push(n.to_string());
                hays.push(format!("pre-{n}-post"));
                hays.push(format!("{}{n}", "y".repeat(SHORT_HAY - n.len())));
                hays.push(format!("{}{n}", "y".repeat(SHORT_HAY + 1 - n.len())));
                hays.push(n[1..].to_string());
                hays.push(format!("ü{}", &n[..n.len() - 1]));
            }
        }
        for h in &hays {
            for t in tables
                .iter()
                .copied()
                .chain([&[""][..], &["ü"][..], &["a", "-"][..]])
            {
                assert_eq!(contains_any(h, t), t.iter().any(|n| h.contains(n)), "{h:?}");
            }
        }
    }
}
