//! Rules on pointers to other stories of the site inside the article: a
//! read-more opener over a run of linked headlines ("See also" and five
//! links, one to a line), and the teaser cards under a section title naming
//! related stories (a headline, a lead and a link to each story).

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
