//! Sign-up boxes that are not: a short story whose container holds a
//! sign-up form is judged by its parts, not as one sign-up box.

use super::*;

/// Kinds of the boxes that ask the reader to sign up, subscribe, join or
/// give: a box judged one that holds a form beside a paragraph of running
/// text is a short story with a sign-up form in it ([`holds_prose_beside_form`]).
pub(super) fn is_signup_kind(kind: ClutterKind) -> bool {
    matches!(
        kind,
        ClutterKind::NewsletterForm
            | ClutterKind::SubscriptionCta
            | ClutterKind::MembershipCta
            | ClutterKind::Donation
    )
}

/// Whether block `b` holds a `<form>` and, outside it, a paragraph of
/// running text ([`PROSE_PARAGRAPH_MIN`] characters, few of them links, no
/// appeal cue): a short story with a sign-up form inside it, not a sign-up
/// box ([`judge`] lets its parts be judged on their own).
pub(super) fn holds_prose_beside_form(b: &Block) -> bool {
    let dom = b.dom;
    let mut form = false;
    let mut prose = false;
    let mut cur = dom.next_in_preorder(b.node, b.node);
    while let Some(n) = cur {
        cur = if dom.tag(n) == "form" {
            form = true;
            dom.next_skipping_children(n, b.node)
        } else {
            if !prose && dom.tag(n) == "p" {
                let p = Block::new(dom, n);
                prose = p.len >= PROSE_PARAGRAPH_MIN
                    && p.link_density() < 0.3
                    && !appeal_cues().any_in(p.text());
            }
            dom.next_in_preorder(n, b.node)
        };
        if form && prose {
            return true;
        }
    }
    false
}

/// Shortest paragraph that [`holds_prose_beside_form`] calls running text.
const PROSE_PARAGRAPH_MIN: usize = 150;
