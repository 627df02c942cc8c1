//! A block whose class says "header" (or another unlikely word) can be the
//! heading of the section that follows it: the question of a collapsible
//! FAQ entry, the title of a disclosure panel. Its text is the article's.

use crate::dom::{Dom, NodeId};
use crate::query::inner_text_len;

/// Most characters a section's label holds (a question, a short title).
const LABEL_MAX_CHARS: usize = 200;

/// Whether `node` is the accessible label of the element that follows it:
/// that sibling names `node`'s id in its `aria-labelledby`, or `node` (or
/// an element in it) names the sibling's id in its `aria-controls`. Only a
/// short text ([`LABEL_MAX_CHARS`]) with no block of its own after it
/// qualifies, and the labelled section must hold text.
pub(super) fn labels_next_section(dom: &Dom, node: NodeId) -> bool {
    let Some(next) = next_element(dom, node) else {
        return false;
    };
    // Attribute tests first: most blocks are passed over without their
    // text being measured.
    let (next_id, labelled_by) = (dom.attr(next, "id"), dom.attr(next, "aria-labelledby"));
    if next_id.is_none() && labelled_by.is_none() {
        return false;
    }
    let len = inner_text_len(dom, node);
    if len == 0 || len > LABEL_MAX_CHARS || inner_text_len(dom, next) == 0 {
        return false;
    }
    let names =
        |list: &str, id: &str| !id.is_empty() && list.split_ascii_whitespace().any(|w| w == id);
    let named_by_next = labelled_by
        .zip(dom.attr(node, "id"))
        .is_some_and(|(l, id)| names(l, id));
    named_by_next
        || next_id.is_some_and(|id| {
            dom.descendants(node).any(|d| {
                dom.is_element(d) && dom.attr(d, "aria-controls").is_some_and(|c| names(c, id))
            })
        })
}

fn next_element(dom: &Dom, node: NodeId) -> Option<NodeId> {
    let mut n = dom.next_sibling(node);
    while let Some(s) = n {
        if dom.is_element(s) {
            return Some(s);
        }
        n = dom.next_sibling(s);
    }
    None
}
