//! Rules on pointers to other stories of the site inside the article: a
//! read-more opener over a run of linked headlines ("See also" and five
//! links, one to a line).

use super::*;

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
