//! Phase 5, clean: the final sweep over the chosen article, which removes
//! the clutter that sits inside it (see [`crate::clutter`]).

use std::collections::HashMap;

use crate::clutter::{self, ClutterKind, Marks, Swept};
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
    /// The names of a byline line removed from the article's head, when
    /// the page gave no other byline or only the site's name (see
    /// [`clutter::take_head_byline`]): the article's byline.
    pub byline: Option<String>,
}

/// Removes clutter wherever it sits inside the article: what
/// [`crate::refine::prep_article`] found (`marks`) and what the cleaning
/// since has laid bare, except the kinds of [`crate::Options::keep_kinds`].
/// A byline line at the article's head goes too when the byline the page
/// gave (`byline`) names the same person, or the page gave none or only
/// the site's name: the reader's header shows it.
/// Returns the removed blocks in the order they were removed, and with
/// [`crate::Options::removed_blocks`] a marker where each was.
pub fn run(
    dom: &mut Dom,
    root: NodeId,
    marks: Marks,
    byline: Option<&str>,
    ctx: &Context,
) -> Cleaned {
    if !ctx.options.remove_clutter {
        return Cleaned::default();
    }
    let page = clutter::Page::of(ctx);
    let swept = clutter::sweep(dom, root, marks, &page, &ctx.options.keep_kinds, |s| {
        report(ctx, s)
    });
    finish(dom, root, swept, byline, ctx)
}

/// [`run`] for the pipeline's fallback that keeps the clutter (its
/// `ctx` has [`crate::Options::remove_clutter`] off): the clutter blocks
/// stay whole, but short clutter lines go (see [`clutter::sweep_lines`]),
/// the byline line too, except the kinds of
/// [`crate::Options::keep_kinds`].
pub fn run_lines(dom: &mut Dom, root: NodeId, byline: Option<&str>, ctx: &Context) -> Cleaned {
    let page = clutter::Page::of(ctx);
    let swept = clutter::sweep_lines(dom, root, &page, &ctx.options.keep_kinds, |s| {
        report(ctx, s)
    });
    finish(dom, root, swept, byline, ctx)
}

/// Tells the trace of `ctx` that `s` went.
fn report(ctx: &Context, s: &Swept) {
    let signals: Vec<&str> = s.signals.iter().map(String::as_str).collect();
    ctx.clutter(s.node, s.kind.name(), &signals);
}

/// Takes the byline line at the article's head (see [`run`]), then puts
/// the markers of `swept`, with [`crate::Options::removed_blocks`].
fn finish(
    dom: &mut Dom,
    root: NodeId,
    mut swept: Vec<Swept>,
    byline: Option<&str>,
    ctx: &Context,
) -> Cleaned {
    let mut found = None;
    if !ctx.options.keep_kinds.contains(&ClutterKind::Meta) {
        if let Some((s, names)) =
            clutter::take_head_byline(dom, root, byline, ctx.site_name.as_deref())
        {
            report(ctx, &s);
            swept.push(s);
            found = names;
        }
    }
    let markers = if ctx.options.removed_blocks {
        place_markers(dom, root, &swept)
    } else {
        HashMap::new()
    };
    Cleaned {
        swept,
        markers,
        byline: found,
    }
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
            None,
            &Context::new(Options::default()),
        );
        assert_eq!(inner_text(&dom, root), "Story.");
        assert_eq!(removed.swept.len(), 1);
        assert!(removed.markers.is_empty());
    }
}
