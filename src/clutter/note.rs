//! A note of the story's own prose set between its paragraphs in a box
//! whose class or id names clutter ("sidebar-note", "related-facts",
//! "comments-from-readers"): the box holds sentences and nothing a box of
//! clutter holds (no link, heading, list, picture or control), and a
//! paragraph of the story stands on each side of it. Its name is only a
//! name: when unsure, the text stays. A related box of teasers links them,
//! a share row holds buttons, a comment section follows the story.

use super::*;

/// Shortest note, in characters: a label is not a note.
const NOTE_MIN: usize = 40;
/// Longest note, in characters.
const NOTE_MAX: usize = 1000;
/// Shortest paragraph of the story on each side of a note.
const SIDE_MIN: usize = 80;
/// What a box of clutter holds and a note does not.
const BOX_TAGS: &[&str] = &[
    "a", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "img", "picture", "svg", "video",
    "iframe", "form", "input", "button", "select", "textarea",
];

/// Whether `node` is a note of the story's prose between two of its
/// paragraphs (see the module's documentation): its text of [`NOTE_MIN`]
/// to [`NOTE_MAX`] characters ends a sentence, it holds none of
/// [`BOX_TAGS`], and its previous and next elements are paragraphs of
/// [`SIDE_MIN`] characters or more.
pub(crate) fn is_story_note(dom: &Dom, node: NodeId) -> bool {
    if !matches!(dom.tag(node), "div" | "section" | "aside" | "p") {
        return false;
    }
    let len = inner_text_len(dom, node);
    if !(NOTE_MIN..=NOTE_MAX).contains(&len) {
        return false;
    }
    let side = |s: Option<NodeId>| {
        s.is_some_and(|s| dom.tag(s) == "p" && inner_text_len(dom, s) >= SIDE_MIN)
    };
    if !side(dom.prev_sibling_where(node, |x| dom.is_element(x)))
        || !side(dom.next_sibling_where(node, |x| dom.is_element(x)))
    {
        return false;
    }
    if dom
        .descendants(node)
        .skip(1)
        .any(|d| is_one_of(dom.tag(d), BOX_TAGS))
    {
        return false;
    }
    let text = normalize_ws(&inner_text(dom, node));
    text.trim_end_matches(['"', '”', '’', '»', ')'])
        .ends_with(['.', '!', '?', '…', '。'])
}
