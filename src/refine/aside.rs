//! Asides inside the article. Readability drops every `<aside>`; one that
//! holds the story's own summary, key points, fact box or timeline is
//! article text, and losing it is worse than keeping a stray box.

use crate::clutter::is_summary_box;
use crate::context::Context;
use crate::dom::{Dom, NodeId};

/// Removes the `<aside>`s below `root`, but for those [`is_summary_box`] keeps.
/// Clutter inside a kept aside (a newsletter box, say) was judged before
/// this and still goes.
pub(super) fn drop_asides(dom: &mut Dom, ctx: &Context, root: NodeId) {
    let asides: Vec<NodeId> = dom
        .descendants(root)
        .skip(1)
        .filter(|&n| dom.tag(n) == "aside")
        .collect();
    for n in asides {
        if !dom.is_inclusive_ancestor(root, n) {
            continue;
        }
        if is_summary_box(dom, n) {
            ctx.spared(n, "summary-box");
            continue;
        }
        ctx.dropped(n, "<aside>");
        dom.detach(n);
    }
}
