//! The rule on a tail section: a title that names a related, most-read,
//! recommended, author or comments section ("Mehr zum Thema", "About the
//! author", "Comments") near the article's end, with nothing after it but a
//! short run of text up to the end: the section's list, bio or comments,
//! which no other rule took (no link density, no class). The title and
//! everything after it go.

use super::*;

/// Most text after the title of a related, most-read, recommended or
/// comments section: a few teaser lines or a comment or two, not a chapter.
const TAIL_MAX: usize = 1000;
/// Most text after an author section's title: a bio.
const BIO_TAIL_MAX: usize = 1500;
/// The article before the title holds at least this many times the tail's
/// text: a short article's own last section is not a tail.
const BODY_PER_TAIL: usize = 3;

/// The kinds of section a tail title may name.
fn tail_kind(kind: ClutterKind) -> bool {
    matches!(
        kind,
        ClutterKind::Related
            | ClutterKind::MostRead
            | ClutterKind::Recommended
            | ClutterKind::Bio
            | ClutterKind::Comments
    )
}

/// The kind of section `node` names when it is a title line: a subheading,
/// or a short paragraph or box whose whole text is a section title (but
/// for a closing colon).
fn title_of(dom: &Dom, node: NodeId) -> Option<ClutterKind> {
    let tag = dom.tag(node);
    let line = is_subheading(tag) || matches!(tag, "p" | "div" | "span" | "strong" | "b");
    let len = inner_text_len(dom, node);
    if !line || len == 0 || len > TITLE_MAX {
        return None;
    }
    if !is_subheading(tag) && dom.element_children(node).any(|c| !is_phrasing(dom.tag(c))) {
        // A box that holds blocks: its first block is judged on its own.
        return None;
    }
    let text = fold_cue_text(inner_text(dom, node));
    let text = trim_end_marks(&text);
    // The title whole (one look-up), not a longer line that opens with one
    // ("Empfehlungen von Ann:", a guest's own picks; "Related searches",
    // which Readability keeps): only a count may follow a comments title
    // ("Comments (3)").
    let table = tail_titles();
    table.get(text).copied().or_else(|| {
        let bare = text.trim_end_matches(|c: char| !c.is_alphabetic());
        table
            .get(bare)
            .copied()
            .filter(|&k| k == ClutterKind::Comments)
    })
}

/// The section titles of the kinds a tail may be ([`tail_kind`]), by their
/// text: one look-up per line near the end.
fn tail_titles() -> &'static HashMap<&'static str, ClutterKind> {
    static TABLE: OnceLock<HashMap<&'static str, ClutterKind>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = HashMap::new();
        for &(cue, kind) in patterns::SECTION_TITLES {
            if tail_kind(kind) {
                table.entry(cue).or_insert(kind);
            }
        }
        table
    })
}

fn is_phrasing(tag: &str) -> bool {
    is_one_of(tag, patterns::PHRASING_ELEMS)
}

/// A title without a closing colon or dots ("Über den Autor:").
fn trim_end_marks(t: &str) -> &str {
    t.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '：' | '.' | '…'))
}

/// The tail section at the end of the article under `root`: the last
/// title (see [`title_of`]) met walking back from the end before more than
/// [`TAIL_MAX`] ([`BIO_TAIL_MAX`] for a bio) characters of text, when the
/// article before it holds [`BODY_PER_TAIL`] times as much. Returns the
/// title and the elements after it, up to `root`, in document order, with
/// the verdict; `None` when text outside any element sits in the tail (it
/// could not be reported as a removed block).
pub(super) fn tail_section(dom: &Dom, root: NodeId) -> Option<(Vec<NodeId>, Verdict)> {
    let total = inner_text_len(dom, root);
    let mut tail = 0;
    // A walk back from the end: each entry is an element's children, last
    // first, still to visit.
    let mut stack: Vec<Vec<NodeId>> = vec![dom.children(root).collect()];
    let (title, kind) = loop {
        let level = stack.last_mut()?;
        let Some(n) = level.pop() else {
            stack.pop();
            continue;
        };
        if !dom.is_element(n) {
            tail += inner_text_len(dom, n);
            if tail > BIO_TAIL_MAX {
                return None;
            }
            continue;
        }
        if let Some(kind) = title_of(dom, n) {
            break (n, kind);
        }
        if is_one_of(dom.tag(n), NEVER_INSIDE) {
            tail += inner_text_len(dom, n);
            if tail > BIO_TAIL_MAX {
                return None;
            }
        } else {
            stack.push(dom.children(n).collect());
        }
    };
    let max = if kind == ClutterKind::Bio {
        BIO_TAIL_MAX
    } else {
        TAIL_MAX
    };
    let body = total.saturating_sub(tail + inner_text_len(dom, title));
    if tail == 0 || tail > max || body < tail * BODY_PER_TAIL {
        return None;
    }
    let mut out = vec![title];
    let mut cur = title;
    while cur != root {
        let mut sib = dom.next_sibling(cur);
        while let Some(s) = sib {
            if dom.is_element(s) {
                out.push(s);
            } else if dom.text(s).is_some_and(|t| !t.trim().is_empty()) {
                return None;
            }
            sib = dom.next_sibling(s);
        }
        cur = dom.parent(cur)?;
    }
    // Document order: the title's later siblings, then its parent's…
    Some((out, Verdict::new(kind, &["tail-section"])))
}
