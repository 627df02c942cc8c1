//! Phase 5, clean: the final sweep over the chosen article, which removes
//! the clutter that sits inside it (see [`crate::clutter`]).

use std::collections::HashMap;

use crate::clutter::{self, Marks, Swept};
use crate::context::Context;
use crate::dom::{Dom, NodeId};

/// What [`run`] removed, and where.
#[derive(Debug, Default)]
pub struct Cleaned {
    /// The removed blocks, in the order they were removed.
    pub swept: Vec<Swept>,
    /// With [`crate::Options::removed_blocks`]: the empty `<span>` put
    /// where each removed block was, with the block's index in `swept`.
    pub markers: HashMap<NodeId, usize>,
}

/// Removes clutter wherever it sits inside the article: what
/// [`crate::refine::prep_article`] found (`marks`) and what the cleaning
/// since has laid bare, except the kinds of [`crate::Options::keep_kinds`].
/// Returns the removed blocks in the order they were removed, and with
/// [`crate::Options::removed_blocks`] a marker where each was.
pub fn run(dom: &mut Dom, root: NodeId, marks: Marks, ctx: &Context) -> Cleaned {
    if !ctx.options.remove_clutter {
        return Cleaned::default();
    }
    let page = clutter::Page::new(ctx.site_name.as_deref());
    let swept = clutter::sweep(dom, root, marks, &page, &ctx.options.keep_kinds, |s| {
        let signals: Vec<&str> = s.signals.iter().map(String::as_str).collect();
        ctx.clutter(s.node, s.kind.name(), &signals);
    });
    finish(dom, root, swept, ctx)
}

/// [`run`] for the pipeline's fallback that keeps the clutter (its
/// `ctx` has [`crate::Options::remove_clutter`] off): the clutter blocks
/// stay whole, but short clutter lines go (see [`clutter::sweep_lines`]),
/// except the kinds of [`crate::Options::keep_kinds`].
pub fn run_lines(dom: &mut Dom, root: NodeId, ctx: &Context) -> Cleaned {
    let page = clutter::Page::new(ctx.site_name.as_deref());
    let swept = clutter::sweep_lines(dom, root, &page, &ctx.options.keep_kinds, |s| {
        let signals: Vec<&str> = s.signals.iter().map(String::as_str).collect();
        ctx.clutter(s.node, s.kind.name(), &signals);
    });
    finish(dom, root, swept, ctx)
}

/// The markers of `swept`, with [`crate::Options::removed_blocks`].
fn finish(dom: &mut Dom, root: NodeId, swept: Vec<Swept>, ctx: &Context) -> Cleaned {
    let markers = if ctx.options.removed_blocks {
        place_markers(dom, root, &swept)
    } else {
        HashMap::new()
    };
    Cleaned { swept, markers }
}

/// Puts an empty `<span>` where each removed block was (only for those
/// whose parent is still in the article), and returns them with the
/// block's index in `swept`.
///
/// The markers go in last removed first: a block's next sibling at its
/// removal is then either still in the article, or was removed later and
/// already has its marker. When that sibling went some other way (a
/// heading widget), the marker goes after the previous sibling, else first
/// (a block that was first) or last in the parent.
fn place_markers(dom: &mut Dom, root: NodeId, swept: &[Swept]) -> HashMap<NodeId, usize> {
    let mut marker_of: HashMap<NodeId, NodeId> = HashMap::new();
    let mut markers = HashMap::new();
    for (i, s) in swept.iter().enumerate().rev() {
        let Some(parent) = s.parent.filter(|&p| dom.is_inclusive_ancestor(root, p)) else {
            continue;
        };
        // A sibling still in the parent, or the marker of one removed later.
        let resolve = |dom: &Dom, n: NodeId| {
            std::iter::once(n)
                .chain(marker_of.get(&n).copied())
                .find(|&c| dom.parent(c) == Some(parent))
        };
        let next = s.next.and_then(|n| resolve(dom, n));
        let prev = s.prev.and_then(|p| resolve(dom, p));
        let before = match (next, prev, s.prev) {
            (Some(n), _, _) => Some(n),
            (None, Some(p), _) => dom.next_sibling(p),
            (None, None, None) => dom.first_child(parent),
            (None, None, Some(_)) => None,
        };
        let marker = dom.create_element("span");
        match before {
            Some(b) => dom.insert_before(b, marker),
            None => dom.append(parent, marker),
        }
        marker_of.insert(s.node, marker);
        markers.insert(marker, i);
    }
    markers
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::Options;
    use crate::dom::Limits;
    use crate::query::inner_text;

    #[test]
    fn signup_forms_are_clutter() {
        let mut dom = Dom::parse(
            "<article><p>Story.</p><form action=/s><label>Email</label><input type=email></form></article>",
            &Limits::default(),
        )
        .unwrap();
        let root = dom.find_tag(dom.document(), "article").unwrap();
        let removed = run(
            &mut dom,
            root,
            Marks::default(),
            &Context::new(Options::default()),
        );
        assert_eq!(inner_text(&dom, root), "Story.");
        assert_eq!(removed.swept.len(), 1);
        assert!(removed.markers.is_empty());
    }
}
