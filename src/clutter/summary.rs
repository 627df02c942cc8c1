//! A box of the story's own summary, key points, facts or timeline, known
//! by its title ([`patterns::SUMMARY_TITLES`]): article text, even where its
//! element (`<aside>`) or class ("sidebar", "widget", "promo") would have it
//! go. Losing such a box is worse than keeping a stray one.

use crate::dom::{Dom, NodeId};
use crate::patterns;
use crate::prepare::is_phrasing;
use crate::query::{inner_text, inner_text_len, link_density};
use crate::text::fold_cue_text;

/// Longest title line looked at, in characters.
const TITLE_MAX: usize = 80;

/// A box titled as a summary, key points, facts or timeline
/// ([`patterns::SUMMARY_TITLES`], by its label or its first line), with
/// text under the title and few links.
pub(crate) fn is_summary_box(dom: &Dom, aside: NodeId) -> bool {
    let labelled = dom.attr(aside, "aria-label").is_some_and(names_summary);
    let title = if labelled {
        None
    } else {
        first_line(dom, aside)
    };
    if !labelled && title.is_none() {
        return false;
    }
    let title_len = title.map_or(0, |t| inner_text_len(dom, t));
    inner_text_len(dom, aside) >= title_len + patterns::SUMMARY_MIN_BODY_CHARS
        && link_density(dom, aside) < patterns::SUMMARY_MAX_LINK_DENSITY
}

/// The first element below `aside` with text, when it is a short line of
/// phrasing content that names a summary.
fn first_line(dom: &Dom, aside: NodeId) -> Option<NodeId> {
    let first = dom.descendants(aside).skip(1).find(|&n| {
        dom.is_element(n)
            && inner_text_len(dom, n) > 0
            && dom.element_children(n).all(|c| is_phrasing(dom, c))
    })?;
    if inner_text_len(dom, first) > TITLE_MAX {
        return None;
    }
    names_summary(&inner_text(dom, first)).then_some(first)
}

/// Whether `line`, folded and without a closing colon or marks, is one of
/// [`patterns::SUMMARY_TITLES`].
fn names_summary(line: &str) -> bool {
    let folded = fold_cue_text(line.to_string());
    let bare = folded
        .trim()
        .trim_end_matches(|c: char| matches!(c, ':' | '.' | '…' | '!' | '?') || c.is_whitespace());
    patterns::SUMMARY_TITLES.contains(&bare)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::Limits;

    fn aside_in(html: &str) -> (Dom, NodeId) {
        let dom = Dom::parse(html, &Limits::default()).unwrap();
        let aside = dom
            .descendants(dom.document())
            .find(|&n| dom.tag(n) == "aside")
            .unwrap();
        (dom, aside)
    }

    #[test]
    fn titled_summaries_stay() {
        for html in [
            "<aside><h3>Key points</h3><ul><li>The pool reopens in May after the repairs.</li><li>Tickets cost less for children.</li></ul></aside>",
            "<aside><div><strong>Auf einen Blick:</strong></div><p>Das Bad öffnet im Mai wieder, nach den Arbeiten am Dach.</p></aside>",
            "<aside aria-label=\"En bref\"><p>La piscine rouvre en mai, après les travaux sur le toit.</p></aside>",
            "<aside><h4>要点</h4><p>プールは屋根の修理のあと五月に再開します。料金は据え置きで、子ども向けの水泳教室も夏休みに合わせて毎週開かれます。</p></aside>",
        ] {
            let (dom, aside) = aside_in(html);
            assert!(is_summary_box(&dom, aside), "{html}");
        }
    }

    #[test]
    fn other_asides_go() {
        for html in [
            // A box of links under a summary-like title.
            "<aside><h3>Key points</h3><ul><li><a href=/a>The pool reopens in May after the repairs</a></li><li><a href=/b>Tickets cost less for children this year</a></li></ul></aside>",
            // A title alone.
            "<aside><h3>Summary</h3><p>Short.</p></aside>",
            // Prose under another title (a sidebar of numbers, a teaser).
            "<aside><h3>Emergency numbers</h3><p>Police 110, fire brigade 112, the harbour master on the number at the gate.</p></aside>",
            // A longer line that only opens with a summary word.
            "<aside><p>Summary of the council's budget for next year and the year after, with the cuts it makes to the library and the pool.</p></aside>",
        ] {
            let (dom, aside) = aside_in(html);
            assert!(!is_summary_box(&dom, aside), "{html}");
        }
    }
}
