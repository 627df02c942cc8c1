//! Rules on pointers to other stories of the site inside the article: a
//! read-more opener over a run of linked headlines ("See also" and five
//! links, one to a line), the teaser cards under a section title naming
//! related stories (a headline, a lead and a link to each story), and a
//! lone linked headline of another story between two paragraphs.

use super::*;

/// Most characters of a card list under a section title: a dozen cards.
pub(super) const CARD_LIST_MAX: usize = TEXT_MAX;

/// Share of the text after the opener that the links must hold, in
/// tenths: the line breaks and separators between them are all that is
/// left unlinked.
const OPENER_LIST_LINKED_TENTHS: usize = 9;

/// Rule on a read-more opener over linked headlines ("Siehe auch" <br>
/// <a>…</a> <br> <a>…</a>…), longer than the read-more line of
/// [`is_read_more_line`] allows: the block opens with a
/// [`patterns::READ_MORE_PREFIXES`] opener, holds at least two links, each
/// a headline (at most [`patterns::TEASER_LINE_MAX`] characters), and the
/// links hold nearly all the text after the opener. A sentence that opens
/// with "See also" and links a source in passing has unlinked words.
pub(super) fn opener_link_list(b: &Block) -> Option<Verdict> {
    if !matches!(b.tag, "p" | "div" | "li") || b.len > TOC_MAX || !b.has_text() {
        return None;
    }
    let rest = after_read_more_opener(b.text())?;
    let dom = b.dom;
    let links = b.links();
    if links.len() < 2 {
        return None;
    }
    let mut linked = 0;
    for &a in &links {
        let len = inner_text_len(dom, a);
        if len > patterns::TEASER_LINE_MAX {
            return None;
        }
        linked += len;
    }
    let rest_len = rest.chars().count();
    (linked * 10 >= rest_len * OPENER_LIST_LINKED_TENTHS)
        .then(|| Verdict::new(ClutterKind::Related, &["opener-link-list"]))
}

/// Teaser cards of other stories, as a section title's list: at least two
/// entries (empty ones aside), each at most [`CARD_MAX`] characters, each
/// opening with a headline (a subheading of at most
/// [`patterns::TEASER_LINE_MAX`] characters, a picture may come first) and
/// holding a link to another page. The cards' leads may be long and
/// unlinked, so neither the link density nor [`is_teaser_list`] sees them;
/// the headline that opens each entry does. A section of the article has
/// its subheading once, not one per short entry with a link.
pub(super) fn is_card_list(b: &Block) -> bool {
    if !matches!(b.tag, "div" | "section" | "ul" | "ol") || b.len > CARD_LIST_MAX {
        return false;
    }
    let dom = b.dom;
    let mut cards = 0;
    for item in dom.element_children(b.node) {
        let len = inner_text_len(dom, item);
        if len == 0 {
            continue;
        }
        if len > CARD_MAX || !opens_with_headline(dom, item) || !links_away(dom, item) {
            return false;
        }
        cards += 1;
    }
    cards >= 2
}

/// Whether the first text under `item` is a short subheading's.
fn opens_with_headline(dom: &Dom, item: NodeId) -> bool {
    let first = dom
        .descendants(item)
        .skip(1)
        .find(|&d| inner_text_len(dom, d) > 0 && (!dom.is_element(d) || is_subheading(dom.tag(d))));
    first.is_some_and(|h| dom.is_element(h) && inner_text_len(dom, h) <= patterns::TEASER_LINE_MAX)
}

/// Whether `item` holds a link to another page (not an in-page anchor).
fn links_away(dom: &Dom, item: NodeId) -> bool {
    dom.descendants(item).any(|d| {
        dom.is_element(d)
            && dom.tag(d) == "a"
            && dom
                .attr(d, "href")
                .is_some_and(|h| !h.trim().is_empty() && !h.trim_start().starts_with('#'))
    })
}

/// Shortest paragraph of the story that a lone story link may follow.
const STORY_PARAGRAPH_MIN: usize = 80;

/// Rule on a lone link to another story of the site between the story's
/// paragraphs: a paragraph or one-item list that is nothing but one link
/// ([`links_alone`]: a marker such as "→" or a short label such as
/// "Trending:" may open it), worded as a headline (at least
/// [`patterns::STORY_LINK_MIN_WORDS`] words, no closing full stop, colon
/// or comma, at most [`patterns::TEASER_LINE_MAX`] characters), to a page
/// of the same host whose address ends in a story's slug
/// ([`is_story_slug`]), right after a paragraph of prose. The story's own
/// sentence with a link in it has unlinked words; a link to a source on
/// another site, to a file or to a section page stays, and so does a run
/// of such links (the one before is no paragraph of prose).
pub(super) fn lone_story_link(b: &Block, page: &Page) -> Option<Verdict> {
    if !matches!(b.tag, "p" | "ul" | "ol") || b.len > patterns::TEASER_LINE_MAX || !b.has_text() {
        return None;
    }
    let base = page.base.as_ref()?;
    let dom = b.dom;
    if b.tag != "p" && dom.element_children(b.node).count() != 1 {
        return None;
    }
    let links = b.links();
    let [a] = links.as_slice() else {
        return None;
    };
    let headline = fold_cue_text(inner_text(dom, *a));
    let headline = headline.trim();
    if !links_alone(b.text(), headline)
        || headline.split_whitespace().count() < patterns::STORY_LINK_MIN_WORDS
        || headline.ends_with(['.', ':', ',', ';', '：', '。'])
    {
        return None;
    }
    let url = base.join(dom.attr(*a, "href")?)?;
    let slug = url.last_segment()?;
    if url.host().map(without_www) != base.host().map(without_www)
        || Some(slug) == base.last_segment()
        || !is_story_slug(slug)
    {
        return None;
    }
    let prev = dom.prev_sibling_where(b.node, |x| dom.is_element(x))?;
    let p = Block::new(dom, prev);
    (p.tag == "p" && p.len >= STORY_PARAGRAPH_MIN && p.link_density() < 0.5)
        .then(|| Verdict::new(ClutterKind::Related, &["story-link"]))
}

/// Most words of a label before a lone story link ("Also on the Courier:").
const LINK_LABEL_MAX_WORDS: usize = 4;

/// Most characters of a label before a lone story link.
const LINK_LABEL_MAX: usize = 32;

/// Whether block text `t` (folded) is nothing but `link`'s text (folded,
/// trimmed): what is around it has no letter or digit, but for a short
/// label closed by a colon before it ("Trending:", "Also on the Courier:",
/// at most [`LINK_LABEL_MAX_WORDS`] words and [`LINK_LABEL_MAX`]
/// characters). Words after the link, or a longer lead-in, make it the
/// story's own sentence.
fn links_alone(t: &str, link: &str) -> bool {
    let Some(at) = t.find(link).filter(|_| !link.is_empty()) else {
        return false;
    };
    let bare = |s: &str| !s.chars().any(char::is_alphanumeric);
    let before = t[..at].trim();
    let label = || {
        before.strip_suffix([':', '：']).is_some_and(|l| {
            l.chars().count() <= LINK_LABEL_MAX
                && l.split_whitespace().count() <= LINK_LABEL_MAX_WORDS
        })
    };
    bare(&t[at + link.len()..]) && (bare(before) || label())
}

/// Host `h` without a leading `www.`.
fn without_www(h: &str) -> &str {
    h.strip_prefix("www.").unwrap_or(h)
}

/// Whether the last part of an address is a story's slug: at least
/// [`patterns::STORY_SLUG_MIN_WORDS`] words with letters, joined by
/// hyphens or underscores, and a page's extension if any
/// ([`patterns::PAGE_EXTENSIONS`]).
fn is_story_slug(slug: &str) -> bool {
    let stem = match slug.rsplit_once('.') {
        Some((stem, ext)) => {
            if !patterns::PAGE_EXTENSIONS
                .iter()
                .any(|e| e.eq_ignore_ascii_case(ext))
            {
                return false;
            }
            stem
        }
        None => slug,
    };
    stem.split(['-', '_'])
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
        >= patterns::STORY_SLUG_MIN_WORDS
}

/// "Read more: <link>", "[Related: <link>]": a line opener followed by
/// punctuation and a link, or a line that is nearly all link.
pub(super) fn is_read_more_line(b: &Block) -> bool {
    let Some(rest) = after_read_more_opener(b.text()) else {
        return false;
    };
    let density = b.link_density();
    // The mark may close the opener itself ("related:", "more:").
    let opener = &b.text()[..b.text().len() - rest.len()];
    let punct = opener.ends_with(':')
        || rest.trim_start().starts_with([
            ':', '：', '-', '–', '—', '»', '›', '|', '>', '】', '」', '》',
        ])
        || rest.is_empty();
    // The opener alone ("Auch interessant:"), its link in the next block.
    let bare = rest
        .trim_matches(|c: char| {
            c.is_whitespace()
                || matches!(c, ':' | '?' | '!' | '…' | '.' | '：' | '】' | '」' | '》')
        })
        .is_empty();
    (bare && !is_subheading(b.tag)) || (punct && density >= 0.3) || density >= 0.8
}

/// What follows the longest [`patterns::READ_MORE_PREFIXES`] opener that
/// starts `t` (folded text), after the marks before it ("[Read more: …").
/// The longest, so that an opener written with a mark after a shorter one
/// ("اقرأ أيضاً" beside "اقرأ أيضا") is read whole, not cut before its mark.
pub(super) fn after_read_more_opener(t: &str) -> Option<&str> {
    let t = t.trim_start_matches(['[', '(', '»', '›', '>', ' ', '【', '「', '《']);
    let first = *t.as_bytes().first()?;
    read_more_prefixes_by_first_byte()[usize::from(first)]
        .iter()
        .filter_map(|&i| t.strip_prefix(patterns::READ_MORE_PREFIXES[i]))
        .min_by_key(|rest| rest.len())
}

/// The indices of [`patterns::READ_MORE_PREFIXES`] by their first byte:
/// most lines open with a byte that opens none of them.
fn read_more_prefixes_by_first_byte() -> &'static [Vec<usize>] {
    static TABLE: OnceLock<Vec<Vec<usize>>> = OnceLock::new();
    TABLE.get_or_init(|| index_by_first_byte(patterns::READ_MORE_PREFIXES.iter().copied()))
}
