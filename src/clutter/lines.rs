//! Rules on single lines that clutter is made of: photo credits (standing
//! alone or inside a caption) and date lines.

use super::*;

/// The credits in the caption `figcaption`: the caption itself when all its
/// text is a credit line, or else its inline elements that
/// [`caption_credit`] takes (outermost only).
pub(super) fn caption_credits(dom: &Dom, figcaption: NodeId) -> Vec<(NodeId, Verdict)> {
    let b = Block::new(dom, figcaption);
    if b.has_text() && is_credit_line(b.text(), b.len) {
        return vec![(
            figcaption,
            Verdict::new(ClutterKind::Meta, &["caption-credit"]),
        )];
    }
    let mut out: Vec<(NodeId, Verdict)> = Vec::new();
    for d in dom.descendants(figcaption).skip(1) {
        if !dom.is_element(d)
            || !is_one_of(dom.tag(d), patterns::PHRASING_ELEMS)
            || out.iter().any(|&(o, _)| dom.is_inclusive_ancestor(o, d))
        {
            continue;
        }
        if let Some(v) = caption_credit(&Block::new(dom, d)) {
            out.push((d, v));
        }
    }
    out
}

/// A photo credit inside a picture's caption, as an element of its own:
/// "© Ann Lee", "Photo: Ann Lee", or short text in an element whose class
/// names a credit ([`patterns::CREDIT_CLASS_WORDS`]). The caption stays.
pub(super) fn caption_credit(b: &Block) -> Option<Verdict> {
    if b.len == 0 || b.len > patterns::CREDIT_MAX {
        return None;
    }
    // Cheap tests first: most inline elements are neither named a credit
    // nor read as one, and need no look at their surroundings.
    let dom = b.dom;
    let named = dom.attr(b.node, "class").is_some_and(|c| {
        let c = c.to_ascii_lowercase();
        patterns::CREDIT_CLASS_WORDS.iter().any(|w| c.contains(w))
    }) && b.words().iter().any(|w| {
        patterns::CREDIT_CLASS_WORDS
            .iter()
            .any(|c| w.starts_with(c))
    });
    (in_caption(dom, b.node) && (named || b.has_text() && is_credit_line(b.text(), b.len)))
        .then(|| Verdict::new(ClutterKind::Meta, &["caption-credit"]))
}

/// Whether `node` sits in a picture's caption: inside a `<figure>` or
/// `<figcaption>` (at most three levels up), or right after an element
/// whose class names a caption.
pub(super) fn in_caption(dom: &Dom, node: NodeId) -> bool {
    if dom
        .ancestors(node)
        .take(3)
        .any(|a| matches!(dom.tag(a), "figure" | "figcaption"))
    {
        return true;
    }
    let prev = std::iter::successors(dom.prev_sibling(node), |&p| dom.prev_sibling(p))
        .find(|&p| dom.is_element(p));
    let Some(prev) = prev else {
        return false;
    };
    // The raw attribute first: most elements have no caption class at all.
    let named = |p: NodeId| {
        patterns::DESCRIPTOR_ATTRS.iter().any(|a| {
            dom.attr(p, a)
                .is_some_and(|v| v.to_ascii_lowercase().contains("caption"))
        })
    };
    named(prev)
        && descriptor_words(dom, prev)
            .iter()
            .any(|w| w.starts_with("caption"))
}

/// A photo credit standing alone: "© Ann Lee", "Foto: Ann Lee / Agency",
/// "(Photograph by Ann Lee)".
pub(super) fn is_credit_line(t: &str, len: usize) -> bool {
    if len > patterns::CREDIT_MAX {
        return false;
    }
    let t = t.trim_start_matches(['(', '[', ' ']);
    if let Some(rest) = t.strip_prefix('©') {
        return rest.chars().any(char::is_alphabetic);
    }
    let first = t.as_bytes().first().copied();
    patterns::CREDIT_LABELS.iter().any(|label| {
        // The first byte before the whole label: most lines open with none.
        if label.as_bytes().first().copied() != first {
            return false;
        }
        let Some(rest) = t.strip_prefix(label) else {
            return false;
        };
        let rest = rest.trim_start();
        // "Foto: …", "写真：…", "사진=…".
        if let Some(after) = rest.strip_prefix([':', '：', '=']) {
            return after.chars().any(char::is_alphabetic);
        }
        rest.split_whitespace().next().is_some_and(|w| {
            patterns::CREDIT_JOINERS.contains(&w) && rest.split_whitespace().count() <= 6
        }) && !rest.ends_with('.')
    })
}

/// A date line standing alone: "Aktualisiert: 11.04.2020, 10:27",
/// "Publikacja: 04.05.2021", "Updated 5:27 am CST", "입력 2024.05.03".
pub(super) fn is_date_line(t: &str, len: usize) -> bool {
    len <= patterns::DATE_LINE_MAX
        && t.chars().any(|c| c.is_numeric())
        && (patterns::DATE_LINE_LABELS.iter().any(|label| {
            t.strip_prefix(label)
                .is_some_and(|rest| rest.trim_start().starts_with([':', '：']))
        }) || patterns::DATE_LINE_BARE_LABELS.iter().any(|label| {
            t.strip_prefix(label).is_some_and(|rest| {
                rest.starts_with(char::is_whitespace)
                    && rest.trim_start().starts_with(char::is_numeric)
            })
        }))
}
