//! Rules on what the other rules leave behind: a section heading whose
//! section is gone ("More on this topic" over a removed list of links, left
//! at the article's end).

use super::*;

/// What a walk over the article meets, in document order.
#[derive(Clone, Copy)]
enum Item {
    /// A subheading (`h2` … `h6`).
    Heading(NodeId),
    /// Text or a picture, a table, a video: something a section can hold.
    Content,
}

/// Tags that are a section's content even without text.
const MEDIA: &[&str] = &[
    "img", "picture", "video", "audio", "iframe", "table", "svg", "canvas", "embed", "object",
    "math", "pre",
];

/// The bare subheading at the end of the article under `root`: a short
/// heading (up to [`TITLE_MAX`] characters, not a sentence) after the last
/// text, with nothing after it. A heading over nothing introduces nothing
/// the reader can read: its section was a widget the page fills in later,
/// or clutter already removed. A run of headings at the end is left alone
/// (their sections may be content the page draws, such as formulas), and
/// so is a heading that ends like a sentence (a pull quote set as one).
pub(super) fn bare_heading(dom: &Dom, root: NodeId) -> Option<(NodeId, Verdict)> {
    let mut items = Vec::new();
    let mut cur = dom.next_in_preorder(root, root);
    while let Some(n) = cur {
        if dom.is_element(n) {
            let tag = dom.tag(n);
            if is_subheading(tag) {
                items.push(Item::Heading(n));
                cur = dom.next_skipping_children(n, root);
                continue;
            }
            if is_one_of(tag, MEDIA) {
                items.push(Item::Content);
                cur = dom.next_skipping_children(n, root);
                continue;
            }
        } else if dom
            .text(n)
            .is_some_and(|t| t.chars().any(char::is_alphanumeric))
            && !matches!(items.last(), Some(Item::Content))
        {
            items.push(Item::Content);
        }
        cur = dom.next_in_preorder(n, root);
    }
    let n = items.len();
    let (Some(Item::Heading(node)), Some(Item::Content)) =
        (items.last(), n.checked_sub(2).and_then(|i| items.get(i)))
    else {
        return None;
    };
    let len = inner_text_len(dom, *node);
    let text = normalize_ws(&dom.text_content(*node));
    let sentence = text.ends_with(['.', '!', '?', '…', '。', '！', '？', '"', '”', '»']);
    (len > 0 && len <= TITLE_MAX && !sentence)
        .then(|| (*node, Verdict::new(ClutterKind::Related, &["bare-heading"])))
}
