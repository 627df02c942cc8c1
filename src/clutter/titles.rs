//! The rules on section titles: a block or heading that names a clutter
//! section ("Related stories", "Most read", "Comments (12)") and the list
//! or teaser cards under it.

use super::*;

/// Rule on section titles: "Related stories", "Most read", "In this
/// article", "Comments (12)"…
pub(super) fn section_title(b: &Block) -> Option<Verdict> {
    if let Some(v) = titled_sibling(b) {
        return Some(v);
    }
    if !matches!(
        b.tag,
        "div" | "section" | "aside" | "nav" | "header" | "footer" | "ul" | "ol" | "dl" | "form"
    ) || !b.has_text()
    {
        return None;
    }
    let title = first_line(b)?;
    let kind = title_kind(&title)?;
    if kind == ClutterKind::Comments && b.is_article_like() && !b.has(&["form", "textarea"]) {
        // A "Comments" section of running prose without a comment form is
        // more likely the article's own.
        return None;
    }
    let fits = match kind {
        ClutterKind::NewsletterForm => b.len <= FORM_BOX_MAX,
        ClutterKind::Bio => b.len <= 1500,
        _ => true,
    };
    (fits && self::fits(b, kind)).then(|| Verdict::new(kind, &["section-title"]))
}

/// The clutter kind a section title names, if any. A cue ending in a
/// script written without spaces ("相关文章", "関連記事") may run on into a
/// few more characters ("相关文章推荐").
pub(super) fn title_kind(title: &str) -> Option<ClutterKind> {
    let words = title.split_whitespace().count();
    let first = title.as_bytes().first();
    patterns::SECTION_TITLES.iter().find_map(|&(cue, kind)| {
        // The first byte first: most titles open with none of the cues.
        if cue.as_bytes().first().is_some_and(|b| first != Some(b)) {
            return None;
        }
        let rest = title.strip_prefix(cue)?;
        let unspaced = cue.chars().next_back().is_some_and(is_unspaced_script);
        let ok = if kind == ClutterKind::Comments {
            !rest.chars().any(char::is_alphabetic)
        } else {
            let ends = rest.chars().next().is_none_or(|c| !is_word_char(c))
                || (unspaced && rest.chars().count() <= UNSPACED_TITLE_RUN_ON);
            ends && words <= 5
        };
        ok.then_some(kind)
    })
}

/// Most characters a section title cue in an unspaced script may be
/// followed by ("相关文章" + "推荐").
const UNSPACED_TITLE_RUN_ON: usize = 8;

/// A section title standing as a bare heading, with its list as the next
/// sibling rather than inside a shared wrapper: the heading goes when the
/// list is link-dense or gone, and so does the list.
pub(super) fn titled_sibling(b: &Block) -> Option<Verdict> {
    let dom = b.dom;
    if is_subheading(b.tag) {
        if b.len > TITLE_MAX {
            return None;
        }
        let kind = title_kind(b.text())?;
        let follows = dom.next_sibling_where(b.node, |x| dom.is_element(x));
        let ok = follows.is_none_or(|n| is_title_list(&Block::new(dom, n), kind));
        return ok.then(|| Verdict::new(kind, &["section-title"]));
    }
    if !matches!(b.tag, "ul" | "ol" | "div" | "section" | "dl") || b.len > CARD_LIST_MAX {
        return None;
    }
    let heading = dom.prev_sibling_where(b.node, |x| dom.is_element(x))?;
    let h = Block::new(dom, heading);
    if h.len > TITLE_MAX {
        return None;
    }
    let kind = if is_subheading(h.tag) {
        title_kind(h.text())?
    } else {
        // A title set as a paragraph ("You may also like…", "DON'T MISS")
        // names the list only when it is nothing but the title.
        bare_title(&h)?
    };
    is_title_list(b, kind).then(|| Verdict::new(kind, &["section-title"]))
}

/// Whether `f`, the block after a section title of `kind`, is that
/// section's list: link-dense, teasers, or teaser cards.
fn is_title_list(f: &Block, kind: ClutterKind) -> bool {
    f.len <= 1500
        && (f.link_density() >= 0.5 && fits(f, kind) || is_teaser_list(f) && !f.is_article_like())
        || is_card_list(f)
}

/// Teaser cards under a section title: at least two items, each a short
/// line (a headline, not a paragraph) and at least two of them holding a
/// link or a picture, whose text need not be linked. The shape is the
/// evidence, so the link-density test of [`fits`] does not apply.
pub(super) fn is_teaser_list(b: &Block) -> bool {
    let dom = b.dom;
    let items: Vec<NodeId> = dom.element_children(b.node).collect();
    if items.len() < 2 {
        return false;
    }
    let mut cards = 0;
    for &item in &items {
        if inner_text_len(dom, item) > patterns::TEASER_LINE_MAX {
            return false;
        }
        if dom
            .descendants(item)
            .any(|d| dom.is_element(d) && matches!(dom.tag(d), "a" | "img" | "picture"))
        {
            cards += 1;
        }
    }
    cards >= 2
}

/// Rule on a bare section title set as a paragraph or a box of its own
/// ("You may also like…", "Vorschau auf den nächsten Artikel",
/// "Weitere Artikel", "DON'T MISS"): its whole text, but for marks around
/// it, is the title of a related, most-read or recommended section,
/// "Newsletter", or a read-more opener (as related). A heading is left to
/// [`titled_sibling`], which keeps a subhead over prose.
pub(super) fn bare_title(b: &Block) -> Option<ClutterKind> {
    // Judged last, after the read-more opener ("Auch interessant:"), which
    // says the same of a line.
    if !matches!(b.tag, "p" | "div" | "span") || b.len > TITLE_MAX || !b.has_text() {
        return None;
    }
    let t = b.text();
    if t.len() > BARE_TITLE_MAX_BYTES {
        return None;
    }
    bare_titles().get(trim_title(t)).copied()
}

/// A title without the marks around it ("» Weitere Artikel:" → "weitere
/// artikel").
fn trim_title(t: &str) -> &str {
    t.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '[' | '(' | '»' | '›' | '>' | '【' | '「' | '《')
    })
    .trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ':' | '.'
                    | '…'
                    | '!'
                    | '?'
                    | '：'
                    | '»'
                    | '›'
                    | '>'
                    | '-'
                    | ']'
                    | ')'
                    | '】'
                    | '」'
                    | '》'
            )
    })
}

/// The titles [`bare_title`] knows, trimmed, with their kinds: one look-up
/// per line, where a scan of the tables would cost every short line of
/// every page.
fn bare_titles() -> &'static HashMap<&'static str, ClutterKind> {
    static TABLE: OnceLock<HashMap<&'static str, ClutterKind>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let named = patterns::SECTION_TITLES.iter().filter(|(_, k)| {
            matches!(
                k,
                ClutterKind::Related
                    | ClutterKind::MostRead
                    | ClutterKind::Recommended
                    | ClutterKind::NewsletterForm
            )
        });
        let openers = patterns::READ_MORE_PREFIXES
            .iter()
            .map(|&p| (p, ClutterKind::Related));
        let mut table = HashMap::new();
        for (cue, kind) in named.copied().chain(openers) {
            table.entry(trim_title(cue)).or_insert(kind);
        }
        table
    })
}

/// Longest text (in bytes, folded) that [`bare_title`] reads: the longest
/// title it names and a few marks around it.
pub(super) const BARE_TITLE_MAX_BYTES: usize = 72;
