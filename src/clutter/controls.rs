//! The rules on a page's controls left as lines of the body: a paywall's
//! buttons and headings ("Jetzt weiterlesen", "Registrieren kostenlos"),
//! a "read more" or "show more" control standing alone, and a heading
//! that is one share link ("Partager sur Facebook"). Each is read as a
//! whole text, never as words inside a sentence.

use super::*;

/// Whether `core` (a [`label_core`]) is a share label: one of
/// [`patterns::SHARE_LABELS`], or a short text that starts with one
/// ("share on x").
pub(super) fn is_share_label(core: &str) -> bool {
    patterns::SHARE_LABELS
        .iter()
        // Both tests need the label's first byte first.
        .any(|l| {
            (l.is_empty() || core.as_bytes().first() == l.as_bytes().first())
                && (core == *l || (core.len() <= 30 && starts_with_word(core, l)))
        })
}

/// Rule on a block or heading whose whole text is a control's: a paywall
/// label ([`patterns::PAYWALL_LABELS`]) or a "read more" / "show more"
/// label ([`patterns::MORE_CONTROL_LABELS`]). A sentence that holds the
/// words ("Wer jetzt weiterlesen will, zahlt") is more than the label.
pub(super) fn control_label(b: &Block) -> Option<Verdict> {
    if b.len == 0 || b.len > LABEL_MAX {
        return None;
    }
    if b.is_label_in(patterns::PAYWALL_LABELS) {
        return Some(Verdict::new(ClutterKind::Paywall, &["paywall-label"]));
    }
    b.is_label_in(patterns::MORE_CONTROL_LABELS)
        .then(|| Verdict::new(ClutterKind::ReadMoreLinks, &["more-control"]))
}

/// Rule on a heading that is one share link ("Partager sur Facebook" as
/// a linked heading): a share label alone or followed by a preposition
/// and a name ([`patterns::SHARE_PREPOSITIONS`]), nearly all of it a
/// link. A subhead that is no link ("Share your story") stays, and so
/// does a linked one that only opens with the word ("Share of catch
/// falls").
pub(super) fn share_link_heading(b: &Block) -> Option<Verdict> {
    if b.len == 0 || b.len > LABEL_MAX {
        return None;
    }
    let core = b.core();
    let words: Vec<&str> = core.split_whitespace().collect();
    let shaped = match words.as_slice() {
        [_] => true,
        [_, at, ..] if words.len() <= 4 => patterns::SHARE_PREPOSITIONS.contains(at),
        _ => false,
    };
    if !shaped || !is_share_label(core) || b.link_density() < 0.9 {
        return None;
    }
    Some(Verdict::new(ClutterKind::Share, &["share-link-heading"]))
}

/// Rule on a link or button inside a block whose whole text is a "read
/// more" label ([`patterns::MORE_CONTROL_LABELS`]) and that stands on a
/// line of its own at the end of its block: nothing after it, and before
/// it a line break, a block, a sentence's end or nothing. The same words
/// inside a sentence ("you can <a>read more</a> about it on the council's
/// site") stay.
pub(super) fn trailing_more_control(b: &Block) -> Option<Verdict> {
    if !matches!(b.tag, "a" | "button")
        || b.len == 0
        || b.len > LABEL_MAX
        || !b.is_label_in(patterns::MORE_CONTROL_LABELS)
    {
        return None;
    }
    let dom = b.dom;
    let shown =
        |n: &NodeId| dom.is_element(*n) || dom.text(*n).is_some_and(|t| !t.trim().is_empty());
    if std::iter::successors(dom.next_sibling(b.node), |&n| dom.next_sibling(n)).any(|n| shown(&n))
    {
        return None;
    }
    let before =
        std::iter::successors(dom.prev_sibling(b.node), |&n| dom.prev_sibling(n)).find(shown);
    let alone = match before {
        None => true,
        Some(p) if dom.is_element(p) => {
            dom.tag(p) == "br" || !is_one_of(dom.tag(p), patterns::PHRASING_ELEMS)
        }
        Some(p) => dom.text(p).is_some_and(|t| {
            t.trim_end()
                .ends_with(['.', '!', '?', '…', '"', '»', '”', ':', '|'])
        }),
    };
    alone.then(|| Verdict::new(ClutterKind::ReadMoreLinks, &["more-control"]))
}
