//! Phase 5, clean: the final sweep over the chosen article, which removes
//! the clutter that sits inside it (see [`crate::clutter`]).

use crate::clutter::{self, Marks, Swept};
use crate::context::Context;
use crate::dom::{Dom, NodeId};

/// Removes clutter wherever it sits inside the article: what
/// [`crate::refine::prep_article`] found (`marks`) and what the cleaning
/// since has laid bare. Returns the removed blocks in document order.
pub fn run(dom: &mut Dom, root: NodeId, marks: Marks, ctx: &Context) -> Vec<Swept> {
    if !ctx.options.remove_clutter {
        return Vec::new();
    }
    clutter::sweep(dom, root, marks, |s| {
        let signals: Vec<&str> = s.signals.iter().map(String::as_str).collect();
        ctx.clutter(s.node, s.kind.name(), &signals);
    })
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
        assert_eq!(removed.len(), 1);
    }
}
