//! The sweep of the fallback run that keeps the clutter (the pipeline's
//! retry when the normal run leaves too few words): the blocks the rules
//! would take whole stay, but short lines judged by their text or shape (a
//! bare section title, a label, a sign-up line) still go, as they never
//! hold the article's text. A line judged by its attributes alone stays:
//! the page's class names (a live ticker's entries, each with a comment
//! class) are what misled the normal run.

use super::*;

/// Longest block [`sweep_lines`] removes: a line, not a block of prose.
pub(super) const LINE_MAX: usize = SMALL_BLOCK;

/// The signals of a verdict on attributes (class/id words, ARIA).
const ATTRIBUTE_SIGNALS: &[&str] = &["class-word", "role", "aria-label"];

/// Removes the clutter blocks under `root` of at most [`LINE_MAX`], as
/// [`judge`] finds them on `page`
/// characters (never `root` itself), but those of a kind in `keep` and
/// those judged on [`ATTRIBUTE_SIGNALS`].
/// Calls `on_remove` for each just before it is detached, and returns them
/// all in document order. A block of a kind in `keep` stays whole; a block
/// left for its length or its attributes alone is looked into, as any
/// other: its own short lines (a "Comments are closed." heading in a box
/// classed as comments) go as they would anywhere else.
pub fn sweep_lines(
    dom: &mut Dom,
    root: NodeId,
    page: &Page,
    keep: &[ClutterKind],
    mut on_remove: impl FnMut(&Swept),
) -> Vec<Swept> {
    let mut memo = WordMap::default();
    let mut removed = Vec::new();
    let line = |dom: &Dom, n: NodeId, v: &Verdict| {
        !v.signals.iter().any(|s| ATTRIBUTE_SIGNALS.contains(s))
            && inner_text_len(dom, n) <= LINE_MAX
    };
    for (n, v) in find(dom, root, page, &mut memo, false, |dom, n, v| {
        keep.contains(&v.kind) || line(dom, n, v)
    }) {
        if keep.contains(&v.kind) || !line(dom, n, &v) {
            continue;
        }
        let swept = Swept::at(dom, n, &v);
        on_remove(&swept);
        removed.push(swept);
        dom.detach(n);
    }
    removed
}
