//! The rules that judge one block: structure, labels, class words,
//! section titles, calls to action and sentences.

use super::*;

/// Drops permalink widgets ("#", "¶", "🔗" links and buttons) from
/// headings, keeping the heading.
pub(super) fn strip_heading_widgets(dom: &mut Dom, root: NodeId) {
    let headings: Vec<NodeId> = dom
        .descendants(root)
        .filter(|&n| matches!(dom.tag(n), "h1" | "h2" | "h3" | "h4" | "h5" | "h6"))
        .collect();
    for h in headings {
        let widgets: Vec<NodeId> = dom
            .descendants(h)
            .skip(1)
            .filter(|&d| dom.is_element(d) && is_anchor_widget(dom, d))
            .collect();
        for w in widgets {
            if dom.is_inclusive_ancestor(h, w) {
                dom.detach(w);
            }
        }
    }
}

pub(super) fn is_anchor_widget(dom: &Dom, node: NodeId) -> bool {
    let text = dom.text_content(node);
    if text.trim().chars().count() > 2 || text.chars().any(char::is_alphanumeric) {
        return false;
    }
    let in_page_link = dom.tag(node) == "a"
        && dom
            .attr(node, "href")
            .is_some_and(|h| h.trim_start().starts_with('#'));
    let words = descriptor_words(dom, node);
    in_page_link
        || ["anchor", "permalink", "headerlink", "hashlink"]
            .iter()
            .any(|w| words.iter().any(|x| x.starts_with(w)))
}

/// Ancestors whose content the classifier never judges: code, captions and
/// headings (their widgets go separately, see [`sweep`]).
pub(super) const NEVER_INSIDE: &[&str] = &[
    "pre",
    "code",
    "figcaption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];

/// The label rules that are safe inside running text.
pub(super) fn inline_labels(b: &Block) -> Option<Verdict> {
    if b.len == 0 || b.len > LABEL_MAX {
        return None;
    }
    if b.is_label_in(patterns::AD_LABELS) {
        return Some(Verdict::new(ClutterKind::Ads, &["ad-label"]));
    }
    if is_reading_time(b) {
        return Some(Verdict::new(ClutterKind::Meta, &["reading-time"]));
    }
    None
}

pub(super) fn is_reading_time(b: &Block) -> bool {
    b.len <= 30 && b.text().chars().any(char::is_numeric) && reading_time_cues().any_in(b.text())
}

pub(super) fn is_never_clutter(tag: &str) -> bool {
    matches!(
        tag,
        "html"
            | "body"
            | "pre"
            | "code"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "h1"
            | "blockquote"
            | "img"
            | "picture"
            | "source"
            | "figcaption"
            | "br"
            | "hr"
            | "svg"
            | "math"
            | "video"
            | "sup"
            | "sub"
            | "em"
            | "i"
            | "strong"
            | "b"
    )
}

/// What the rules look at, computed once per element.
pub(super) struct Block<'a> {
    pub(super) dom: &'a Dom,
    pub(super) node: NodeId,
    pub(super) tag: &'a str,
    /// Length of the whitespace-normalised text.
    pub(super) len: usize,
    /// Normalised text folded for the cue tables ([`fold_cue_text`]), empty
    /// when longer than [`TEXT_MAX`];
    /// built on first use (most rules only read `len`), see [`Block::text`].
    pub(super) text: OnceCell<String>,
    /// [`descriptor_words`] of the element, built on first use.
    pub(super) words: OnceCell<Vec<String>>,
    /// [`label_core`] of the text, built on first use.
    pub(super) core: OnceCell<String>,
}

impl<'a> Block<'a> {
    pub(super) fn new(dom: &'a Dom, node: NodeId) -> Block<'a> {
        Block {
            dom,
            node,
            tag: dom.tag(node),
            len: inner_text_len(dom, node),
            text: OnceCell::new(),
            words: OnceCell::new(),
            core: OnceCell::new(),
        }
    }

    /// [`descriptor_words`] of the element.
    pub(super) fn words(&self) -> &[String] {
        self.words
            .get_or_init(|| descriptor_words(self.dom, self.node))
    }

    /// [`label_core`] of [`Block::text`].
    pub(super) fn core(&self) -> &str {
        self.core.get_or_init(|| label_core(self.text()))
    }

    /// Whether [`Block::core`] is one of `table`'s labels.
    pub(super) fn is_label_in(&self, table: &[&str]) -> bool {
        table.contains(&self.core())
    }

    /// Whether [`Block::text`] is not empty.
    pub(super) fn has_text(&self) -> bool {
        self.len > 0 && self.len <= TEXT_MAX
    }

    /// Normalised text folded for the cue tables ([`fold_cue_text`]), empty
    /// when longer than [`TEXT_MAX`].
    pub(super) fn text(&self) -> &str {
        self.text.get_or_init(|| {
            if self.len <= TEXT_MAX {
                fold_cue_text(inner_text(self.dom, self.node))
            } else {
                String::new()
            }
        })
    }

    pub(super) fn descendants(&self) -> impl Iterator<Item = NodeId> + 'a {
        let dom = self.dom;
        dom.descendants(self.node)
            .filter(move |&d| dom.is_element(d))
    }

    pub(super) fn links(&self) -> Vec<NodeId> {
        let dom = self.dom;
        self.descendants()
            .filter(|&d| dom.tag(d) == "a" && dom.has_attr(d, "href"))
            .collect()
    }

    /// Share of the text inside links (all links count fully).
    pub(super) fn link_density(&self) -> f64 {
        if self.len == 0 {
            return 0.0;
        }
        let dom = self.dom;
        let mut in_links = 0;
        let mut cur = Some(self.node);
        while let Some(n) = cur {
            if n != self.node && dom.tag(n) == "a" {
                in_links += inner_text_len(dom, n);
                cur = dom.next_skipping_children(n, self.node);
            } else {
                cur = dom.next_in_preorder(n, self.node);
            }
        }
        in_links as f64 / self.len as f64
    }

    /// Three or more paragraphs of running text.
    pub(super) fn is_article_like(&self) -> bool {
        let dom = self.dom;
        self.descendants()
            .filter(|&d| dom.tag(d) == "p")
            .filter(|&p| {
                let b = Block::new(dom, p);
                b.len >= 150 && b.link_density() < 0.3
            })
            .take(3)
            .count()
            >= 3
    }

    pub(super) fn has(&self, tags: &[&str]) -> bool {
        self.descendants().any(|d| tags.contains(&self.dom.tag(d)))
    }
}

/// Rules on structure: forms, share links, in-page link lists, link cards.
pub(super) fn structure(b: &Block) -> Option<Verdict> {
    let dom = b.dom;
    if (b.tag == "form" || b.len <= FORM_BOX_MAX) && has_email_input(b) {
        return Some(Verdict::new(ClutterKind::NewsletterForm, &["email-input"]));
    }
    if b.tag == "form" {
        if b.has(&["textarea"]) {
            return Some(Verdict::new(ClutterKind::Comments, &["comment-form"]));
        }
        let search = dom.attr(b.node, "role") == Some("search")
            || b.descendants().any(|d| {
                dom.tag(d) == "input"
                    && dom
                        .attr(d, "type")
                        .is_some_and(|t| t.eq_ignore_ascii_case("search"))
            });
        if search {
            return Some(Verdict::new(ClutterKind::Nav, &["search-form"]));
        }
    }
    // Share rows, tables of contents and link cards are short: a longer
    // block does not need its links collected.
    if b.len <= TOC_MAX {
        let links = b.links();
        if b.len <= SHARE_ROW_MAX {
            let share = links
                .iter()
                .filter(|&&a| share_url_cues().any_in(dom.attr(a, "href").unwrap_or("")))
                .count();
            if share >= 1 && b.link_density() >= 0.5 || (share >= 2 && b.len <= 60) {
                return Some(Verdict::new(ClutterKind::Share, &["share-links"]));
            }
        }
        let mut in_page = 0;
        // Entries of a table of contents are words, not footnote marks.
        let mut entries = 0;
        for &a in &links {
            let h = dom.attr(a, "href").unwrap_or("").trim();
            if h.starts_with('#') && h.len() > 1 {
                in_page += 1;
                if inner_text_len(dom, a) >= 3 {
                    entries += 1;
                }
            }
        }
        if entries >= 3 && in_page * 5 >= links.len() * 4 && b.link_density() >= 0.6 {
            return Some(Verdict::new(ClutterKind::Toc, &["in-page-links"]));
        }
        if is_link_card(b, &links) {
            return Some(Verdict::new(ClutterKind::Related, &["link-card"]));
        }
    }
    // The cheap tests on the block itself come first: `has` walks the
    // subtree and `in_gallery` every ancestor, which costs nodes × depth on
    // deep pages.
    let control_word = b
        .words()
        .iter()
        .any(|w| patterns::GALLERY_CONTROL_WORDS.contains(&w.as_str()));
    let label = b.len <= LABEL_MAX
        && (is_counter(b.text()) || b.is_label_in(patterns::GALLERY_CONTROL_LABELS));
    if (control_word || label) && !b.has(&["img", "picture", "figure"]) && in_gallery(dom, b.node) {
        return Some(Verdict::new(
            ClutterKind::GalleryControls,
            &["gallery-control"],
        ));
    }
    None
}

/// A teaser: one link holding nearly all the block's text and a block-level
/// inside (headline, description, thumbnail).
pub(super) fn is_link_card(b: &Block, links: &[NodeId]) -> bool {
    if !matches!(
        b.tag,
        "figure" | "div" | "aside" | "section" | "article" | "li" | "p"
    ) || b.len < 20
        || b.len > CARD_MAX
    {
        return false;
    }
    let dom = b.dom;
    let Some((link, link_len)) = links
        .iter()
        .filter(|&&a| !dom.attr(a, "href").unwrap_or("").trim().starts_with('#'))
        .map(|&a| (a, inner_text_len(dom, a)))
        .max_by_key(|&(_, l)| l)
    else {
        return false;
    };
    link_len * 10 >= b.len * 9
        && dom.descendants(link).skip(1).any(|d| {
            matches!(
                dom.tag(d),
                "div" | "p" | "h2" | "h3" | "h4" | "h5" | "h6" | "figure" | "ul"
            )
        })
}

pub(super) fn has_email_input(b: &Block) -> bool {
    let dom = b.dom;
    b.descendants().any(|d| {
        dom.tag(d) == "input"
            && (dom
                .attr(d, "type")
                .is_some_and(|t| t.eq_ignore_ascii_case("email"))
                || ["name", "id", "autocomplete"].iter().any(|a| {
                    dom.attr(d, a).is_some_and(|v| {
                        let v = v.to_ascii_lowercase();
                        v == "email" || v == "e-mail" || v == "mail"
                    })
                })
                || ["placeholder", "aria-label"].iter().any(|a| {
                    dom.attr(d, a).is_some_and(|v| {
                        let v = v.to_lowercase();
                        patterns::EMAIL_FIELD_CUES.iter().any(|c| v.contains(c))
                    })
                }))
    })
}

pub(super) fn in_gallery(dom: &Dom, node: NodeId) -> bool {
    std::iter::once(node)
        .chain(dom.ancestors(node))
        .take_while(|&a| dom.is_element(a))
        .any(|a| {
            dom.attr(a, "aria-roledescription")
                .is_some_and(|r| r.to_ascii_lowercase().contains("carousel"))
                || descriptor_words(dom, a)
                    .iter()
                    .any(|w| patterns::GALLERY_WORDS.contains(&w.as_str()))
        })
}

/// "3 / 12", "3 of 12", "3 von 12", "۳ از ۱۲"… (digits of any script).
/// A gallery counter standing alone outside a gallery: "Image 1 of 5" (an
/// item word first) or "1of4" (no spaces); a bare "1 of 4" stays.
fn is_lone_counter(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    if patterns::GALLERY_ITEM_WORDS.contains(&first.trim_end_matches([':', '：'])) {
        return is_counter(text);
    }
    let t = text.trim();
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    digit_ends(t)
        && patterns::COUNTER_SEPARATORS.iter().any(|sep| {
            // The split first: `is_alphabetic` on a non-ASCII separator is a
            // table look-up, on every short block.
            t.split_once(sep)
                .is_some_and(|(a, b)| digits(a.trim()) && digits(b.trim()))
                && sep.chars().all(char::is_alphabetic)
        })
}

/// A line that is mostly a link and asks for the click: "[INSIGHT] <link>",
/// "Get the app by clicking here".
fn is_link_prompt(b: &Block) -> bool {
    if !b.has_text() {
        return false;
    }
    // The text first: the link density walks the block's subtree.
    let t = b.text();
    let bracketed = t
        .strip_prefix('[')
        .and_then(|r| r.find(']'))
        .is_some_and(|i| i > 0 && i <= 24);
    if bracketed {
        return b.link_density() >= 0.5;
    }
    // Shouted in capitals, the click-here line is a promotion even where
    // only its last words are the link ("GET … ON THE GO BY CLICKING
    // HERE"); in lower case it may be the article's own pointer.
    click_here_cues().any_in(t) && (b.link_density() >= 0.5 || is_shouted(b))
}

/// No lower-case letter and at least twelve capitals in the block's text.
fn is_shouted(b: &Block) -> bool {
    let raw = inner_text(b.dom, b.node);
    let mut upper = 0;
    for c in raw.chars() {
        if c.is_lowercase() {
            return false;
        }
        upper += usize::from(c.is_uppercase());
    }
    upper >= 12
}

pub(super) fn is_counter(text: &str) -> bool {
    let mut parts: Vec<&str> = text.split_whitespace().collect();
    if parts.len() > 1
        && patterns::GALLERY_ITEM_WORDS.contains(&parts[0].trim_end_matches([':', '：']))
    {
        parts.remove(0);
    }
    let num = |s: &str| !s.is_empty() && s.chars().all(char::is_numeric);
    match parts.as_slice() {
        [a] => a.split_once('/').is_some_and(|(x, y)| num(x) && num(y)),
        [a, sep, c] => num(a) && num(c) && patterns::COUNTER_SEPARATORS.contains(sep),
        _ => false,
    }
}

/// Rules on short labels: ad labels, reading time, skip links, edit links,
/// share and comment labels.
pub(super) fn labels(b: &Block) -> Option<Verdict> {
    if b.len == 0 || b.len > LABEL_MAX {
        return None;
    }
    if let Some(v) = inline_labels(b) {
        return Some(v);
    }
    if b.is_label_in(patterns::NAV_LABELS) {
        return Some(Verdict::new(ClutterKind::Nav, &["skip-link"]));
    }
    let control = matches!(b.tag, "a" | "button") || b.has(&["a", "button"]);
    if control && b.is_label_in(patterns::ADMIN_LABELS) {
        return Some(Verdict::new(ClutterKind::Admin, &["edit-link"]));
    }
    let core = b.core();
    if is_share_label(core) {
        return Some(Verdict::new(ClutterKind::Share, &["share-label"]));
    }
    if patterns::LIVE_LABELS.contains(&core) {
        return Some(Verdict::new(ClutterKind::LiveControls, &["live-label"]));
    }
    if patterns::COMMENT_LABELS.contains(&core) {
        return Some(Verdict::new(ClutterKind::Comments, &["comment-label"]));
    }
    // A label of more than one word: `core` has a space when its equal has.
    if core.contains(' ') && patterns::GALLERY_CONTROL_LABELS.contains(&core) {
        return Some(Verdict::new(
            ClutterKind::GalleryControls,
            &["gallery-label"],
        ));
    }
    if is_print_control(b, control) {
        return Some(Verdict::new(ClutterKind::Share, &["print-label"]));
    }
    if control {
        if let Some(kind) = cta_kind(core) {
            return Some(Verdict::new(kind, &["cta-label"]));
        }
    }
    None
}

/// Rules on attributes: class/id words, ARIA roles and labels.
pub(super) fn attributes(b: &Block) -> Option<Verdict> {
    let dom = b.dom;
    let role = dom.attr(b.node, "role").unwrap_or("").to_ascii_lowercase();
    let by_role = match role.as_str() {
        "navigation" | "menu" | "menubar" | "banner" | "search" => Some(ClutterKind::Nav),
        "contentinfo" => Some(ClutterKind::Footer),
        "dialog" | "alertdialog" => Some(ClutterKind::Popup),
        "complementary" => Some(ClutterKind::Sidebar),
        "toolbar" => Some(ClutterKind::Share),
        _ => None,
    };
    if let Some(kind) = by_role.filter(|&k| fits(b, k)) {
        return Some(Verdict::new(kind, &["role"]));
    }
    if let Some(kind) = clutter_words()
        .first_match(b.words())
        .filter(|&k| fits(b, k))
    {
        return Some(Verdict::new(kind, &["class-word"]));
    }
    if let Some(label) = dom.attr(b.node, "aria-label").filter(|l| l.len() <= 60) {
        let mut lw = Vec::new();
        split_words(label, &mut lw);
        if let Some(kind) = clutter_words().first_match(&lw).filter(|&k| fits(b, k)) {
            return Some(Verdict::new(kind, &["aria-label"]));
        }
    }
    None
}

/// Whether a block named as `kind` by its attributes or title is shaped
/// like that kind (menus are link lists, share rows are short…). Running
/// article text never fits, except as comments.
pub(super) fn fits(b: &Block, kind: ClutterKind) -> bool {
    use ClutterKind as K;
    if kind != K::Comments && b.is_article_like() {
        return false;
    }
    match kind {
        K::Nav | K::Sidebar | K::Breadcrumbs | K::MostRead => {
            b.len <= SMALL_BLOCK || b.link_density() >= 0.5
        }
        K::Related | K::Recommended | K::Tags | K::Toc => {
            b.len <= SMALL_BLOCK || b.link_density() >= 0.3
        }
        K::Share | K::Meta | K::Admin | K::GalleryControls | K::LiveControls => b.len <= 300,
        K::Ads => b.len <= 1000,
        K::NewsletterForm | K::AudioPlayer | K::AffiliateDisclosure | K::Feedback => b.len <= 1000,
        K::Bio | K::AuthorContact | K::AppBanner => b.len <= 1500,
        K::Cookie => b.len <= 1500 && !is_prose_not_consent(b),
        // A sticky player or lead video is the article's.
        K::StickyFooter => !b.has(&["video", "iframe", "picture", "img"]),
        _ => true,
    }
}

/// The block's first line, when it is short and starts the block: a
/// heading or title label.
pub(super) fn first_line(b: &Block) -> Option<String> {
    let dom = b.dom;
    for d in b.descendants().skip(1) {
        let len = inner_text_len(dom, d);
        if len == 0 {
            continue;
        }
        let has_block_child = dom.element_children(d).any(|c| {
            matches!(
                dom.tag(c),
                "div" | "p" | "ul" | "ol" | "section" | "h2" | "h3" | "h4" | "h5" | "h6"
            )
        });
        if has_block_child {
            continue;
        }
        if len > TITLE_MAX {
            return None;
        }
        let line = fold_cue_text(normalize_ws(&dom.text_content(d)));
        return b.text().starts_with(&line).then_some(line);
    }
    None
}

/// The kind of a call-to-action control text ("Subscribe", "Support us
/// monthly", "Become a member").
pub(super) fn cta_kind(text: &str) -> Option<ClutterKind> {
    if text.split_whitespace().count() > 4 {
        return None;
    }
    cta_cues()
        .first_in(text, true)
        .map(|i| patterns::CTA_LABELS[i].1)
}

/// Rule on call-to-action boxes: a short block with a subscribe / donate /
/// join / get-the-app button, or a longer appeal that also speaks of
/// members, support or subscriptions.
pub(super) fn call_to_action(b: &Block) -> Option<Verdict> {
    if b.len > APPEAL_BOX_MAX || !b.has_text() {
        return None;
    }
    let dom = b.dom;
    let mut control_len = 0;
    let mut kind = None;
    for d in b.descendants() {
        let tag = dom.tag(d);
        let text = match tag {
            // Lowercasing never shortens a text: longer ones can be skipped
            // before their text is built.
            "a" | "button" if inner_text_len(dom, d) > CONTROL_MAX => continue,
            "a" | "button" => fold_cue_text(inner_text(dom, d)),
            "input"
                if dom
                    .attr(d, "type")
                    .is_some_and(|t| matches!(t, "submit" | "button")) =>
            {
                fold_cue_text(dom.attr(d, "value").unwrap_or("").to_string())
            }
            _ => continue,
        };
        if text.is_empty() || text.chars().count() > CONTROL_MAX {
            continue;
        }
        if let Some(k) = cta_kind(label_core(&text).as_str()) {
            kind.get_or_insert(k);
            control_len += text.chars().count();
        }
    }
    let kind = kind?;
    if b.tag == "p" && control_len * 2 < b.len {
        // A call to action inside a sentence is the sentence's business.
        return None;
    }
    if b.len <= CTA_BOX_MAX {
        return Some(Verdict::new(kind, &["cta"]));
    }
    let appeal = appeal_cues().any_in(b.text());
    (appeal && !b.is_article_like()).then(|| Verdict::new(kind, &["cta", "appeal-text"]))
}

/// Rules on short sentences only clutter says.
pub(super) fn sentences(b: &Block) -> Option<Verdict> {
    // Every rule below reads at most 400 characters.
    if !b.has_text() || b.len > AFFILIATE_MAX {
        return None;
    }
    let t = b.text();
    if b.len > patterns::CUE_TEXT_MAX && b.len <= patterns::RIGHTS_TEXT_MAX {
        // A rights notice runs longer than other clutter sentences ("This
        // article is the copyrighted property of …"). Licence names are no
        // cue at that length: an article may be about licences.
        if rights_cues().first_in(t, false).is_some() {
            return Some(Verdict::new(ClutterKind::Footer, &["rights-text"]));
        }
    }
    if b.len <= patterns::CUE_TEXT_MAX {
        // Someone's reported words are the story's, whatever they say
        // ("… offers five free articles a month, its publisher said").
        if let Some(kind) = sentence_cues()
            .first_in(t, false)
            .map(|i| sentence_cue_table()[i].1)
            .filter(|_| speech_cues().first_in(t, true).is_none())
        {
            return Some(Verdict::new(kind, &["text-cue"]));
        }
        let question = |q: &str| {
            q.chars().count() <= 60 && q.ends_with(['?', '؟', '？']) && helpful_cues().any_in(q)
        };
        if b.len <= 100 && (question(t) || first_line(b).is_some_and(|l| question(&l))) {
            return Some(Verdict::new(ClutterKind::Feedback, &["helpful-question"]));
        }
    }
    // A caption stays, and so does a block that holds the image it credits.
    let captioned = b.tag == "figcaption" || holds_picture(b);
    // A source line is a block of its own: an inline "Source: …" is read
    // with the brackets or the sentence around it.
    let source = || !is_one_of(b.tag, patterns::PHRASING_ELEMS) && is_source_line(t, b.len);
    if !captioned && (is_credit_line(t, b.len) || source() || is_bare_picture_credit(b)) {
        return Some(Verdict::new(ClutterKind::Meta, &["photo-credit"]));
    }
    if !captioned && is_date_line(t, b.len) {
        return Some(Verdict::new(ClutterKind::Meta, &["date-line"]));
    }
    // A bare date as a heading, in a table cell or in a list item is the
    // article's: a diary's or a live ticker's entry, a timeline, a schedule.
    if !captioned
        && b.len <= patterns::BARE_DATE_MAX
        && !is_subheading(b.tag)
        && is_bare_date(t, b.len)
        && !in_cell_or_item(b)
    {
        return Some(Verdict::new(ClutterKind::Meta, &["bare-date-line"]));
    }
    // A count in a table cell or a list item is data ("3 of 12" shots).
    if b.len <= 30 && is_lone_counter(t) && !in_cell_or_item(b) {
        return Some(Verdict::new(
            ClutterKind::GalleryControls,
            &["counter-line"],
        ));
    }
    if b.len <= 30 && is_gallery_count(t) && !is_subheading(b.tag) && !in_cell_or_item(b) {
        return Some(Verdict::new(
            ClutterKind::GalleryControls,
            &["gallery-count"],
        ));
    }
    if b.len <= 150 && is_link_prompt(b) {
        return Some(Verdict::new(ClutterKind::ReadMoreLinks, &["link-prompt"]));
    }
    if b.len <= 300 && is_read_more_line(b) {
        return Some(Verdict::new(
            ClutterKind::ReadMoreLinks,
            &["read-more-line"],
        ));
    }
    if b.len <= patterns::CUE_TEXT_MAX && is_sign_up_line(b) {
        return Some(Verdict::new(ClutterKind::NewsletterForm, &["sign-up-line"]));
    }
    if b.len <= CAPS_LINE_MAX && matches!(b.tag, "p" | "div") && is_caps_link_line(b) {
        return Some(Verdict::new(
            ClutterKind::ReadMoreLinks,
            &["caps-link-line"],
        ));
    }
    // The whole block is within AFFILIATE_MAX: longer ones returned above.
    if is_affiliate_notice(t, b.len) {
        return Some(Verdict::new(
            ClutterKind::AffiliateDisclosure,
            &["affiliate-text"],
        ));
    }
    None
}

/// Longest all-capitals link line ("THE BEST WALKS IN THE VALLEY").
const CAPS_LINE_MAX: usize = 150;

/// A short block whose last sentence asks the reader to sign up or
/// subscribe ("… every weekday. Sign up for the Morning Brief today."):
/// the sentence starts with a [`patterns::SIGN_UP_OPENERS`] imperative and
/// ends with a [`patterns::SIGN_UP_ENDINGS`] word, or is mostly a link.
/// A sentence that only mentions signing up ("More than 300 people signed
/// up for the course") does not start with the imperative.
fn is_sign_up_line(b: &Block) -> bool {
    let t = b.text();
    let body = t.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | '!' | '…' | '»' | '›' | '→' | '。' | '！')
    });
    // The last sentence, found from the end and only as far back as the
    // longest line: most blocks are read no further.
    let bytes = body.as_bytes();
    let from = bytes.len().saturating_sub(patterns::SIGN_UP_LINE_MAX + 1);
    let last = match bytes[from..]
        .iter()
        .rposition(|c| matches!(c, b'.' | b'!' | b'?'))
    {
        // After an ASCII byte: a char boundary.
        Some(i) => &body[from + i + 1..],
        None if from == 0 => body,
        None => return false,
    };
    let last =
        last.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '»' | '›' | '→' | '>'));
    if last.is_empty()
        || last.len() > patterns::SIGN_UP_LINE_MAX
        || !patterns::SIGN_UP_OPENERS
            .iter()
            // The first byte first: most lines open with none of them.
            .any(|o| last.as_bytes()[0] == o.as_bytes()[0] && starts_with_word(last, o))
    {
        return false;
    }
    patterns::SIGN_UP_ENDINGS.iter().any(|e| {
        last.strip_suffix(e)
            .is_some_and(|r| r.ends_with(|c: char| !is_word_char(c)))
    }) || b.link_density() >= 0.5
}

/// A link line set in capitals between paragraphs ("THE BEST WALKS IN
/// THE VALLEY THIS SPRING" as a link): a promoted headline. At least three
/// words and twelve letters, no lower-case letter, nearly all link. A
/// subhead in capitals is not a link; a linked heading stays (headings
/// are never judged by this rule).
fn is_caps_link_line(b: &Block) -> bool {
    if !b.has_text() || b.text().split_whitespace().count() < 3 {
        return false;
    }
    // The link density first: most lines hold no link, and it reads no text.
    b.link_density() >= 0.8 && is_shouted(b)
}
