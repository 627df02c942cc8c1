//! Sibling merging: the top candidate's siblings, and the blocks beside
//! the wrappers of the body, that belong to the article are appended to it.

use super::lead::{is_standfirst, lead_figure, standfirst};
use crate::dom::{Dom, NodeId};
use crate::patterns::{self, is_one_of};
use crate::query::{inner_text, inner_text_len, link_density};
use crate::score::Scores;

/// The best score of a candidate inside `node` (itself left out), if any.
fn best_inner_score(dom: &Dom, node: NodeId, scores: &Scores) -> Option<f64> {
    dom.descendants(node)
        .skip(1)
        .filter_map(|d| scores.get(d))
        .max_by(f64::total_cmp)
}

/// Appends to `root` the top candidate and the siblings that belong to the
/// article (and a lead figure just before them). When the top candidate's
/// parent holds little text besides it (a wrapper around the body with a
/// label or an empty image row beside it), the blocks beside that wrapper
/// are weighed too, in page order, by the same tests ([`wrapper_chain`]).
/// `None` when the top candidate has no parent.
pub(super) fn merge_siblings(
    dom: &mut Dom,
    body: NodeId,
    top_candidate: NodeId,
    scores: &Scores,
    root: NodeId,
    after_title: Option<NodeId>,
) -> Option<()> {
    // Merge siblings that belong to the article.
    let top_score = scores.get(top_candidate).unwrap_or(0.0);
    let sibling_threshold = f64::max(10.0, top_score * 0.2);
    let parent = dom.parent(top_candidate)?;
    let siblings: Vec<NodeId> = dom.element_children(parent).collect();
    // The blocks beside the wrappers, outermost first: those before each
    // wrapper's inner node, and those after it, each with that node.
    let chain = wrapper_chain(dom, body, top_candidate);
    let mut before: Vec<(NodeId, NodeId)> = Vec::new();
    let mut after: Vec<(NodeId, NodeId)> = Vec::new();
    for &inner in chain.iter().skip(1).rev() {
        let Some(wrapper) = dom.parent(inner).filter(|&w| w != body) else {
            continue;
        };
        let mut seen = false;
        for c in dom.element_children(wrapper) {
            if c == inner {
                seen = true;
            } else if seen {
                after.push((c, inner));
            } else {
                before.push((c, inner));
            }
        }
    }
    after.reverse();
    let mut merged: Vec<NodeId> = Vec::new();
    for (i, &(sib, beside)) in before.iter().enumerate() {
        // The block right before a wrapper of the body that reads as a
        // standfirst (a dek, or a summary set as a list of sentences) is
        // the article's opening, whatever it scores.
        let next_to_body = before.get(i + 1).is_none_or(|&(_, b)| b != beside);
        if belongs_beside_wrapper(dom, sib, beside, scores, top_score, sibling_threshold)
            || next_to_body && is_wrapper_standfirst(dom, sib)
        {
            append_block(dom, root, sib);
        }
    }
    let leads = standfirst(dom, &siblings, top_candidate, after_title);
    // The top candidate's kind, before appending it renames it.
    let top_kind = (
        dom.tag(top_candidate).to_string(),
        dom.attr(top_candidate, "class").unwrap_or("").to_string(),
    );
    for (i, &sib) in siblings.iter().enumerate() {
        // A standfirst inside the block before the body (the headline's
        // header) comes out of it, alone.
        for &lead in leads.iter().filter(|&&l| l != sib) {
            if dom.is_inclusive_ancestor(sib, lead) {
                dom.rename(lead, "p");
                dom.append(root, lead);
            }
        }
        if leads.contains(&sib) {
            // Not in `merged`: the lead figure may sit before it.
            dom.rename(sib, "p");
            dom.append(root, sib);
            continue;
        }
        let joins = |dom: &Dom, n: NodeId| {
            n == top_candidate
                || !leads.contains(&n)
                    && belongs(dom, n, top_candidate, scores, top_score, sibling_threshold)
        };
        let append = joins(dom, sib)
            || i > 0
                && merged.last() == Some(&siblings[i - 1])
                && siblings.get(i + 1).is_some_and(|&next| joins(dom, next))
                && fills_gap(dom, sib, &top_kind);
        if append {
            append_block(dom, root, sib);
            merged.push(sib);
        }
    }
    for &(sib, beside) in &after {
        if belongs_beside_wrapper(dom, sib, beside, scores, top_score, sibling_threshold) {
            append_block(dom, root, sib);
        }
    }
    if parent != body {
        if let Some(fig) = lead_figure(dom, &siblings, top_candidate, &merged) {
            // Right before the container, so the page's order holds.
            dom.insert_before(top_candidate, fig);
        }
    }
    Some(())
}

/// Whether `sib`, a sibling between two that joined the article, is a
/// section of the body's run: a block of the top candidate's kind (`tag`
/// and non-empty `class`, as the page wrote them) with text and hardly any
/// link text. A run of body sections (one component per paragraph, quote or
/// list) is broken by no section of its own kind: a quote or a short
/// section in the middle scores low, but sits where the story goes on.
/// Clutter of the same kind there is still the clutter classifier's.
fn fills_gap(dom: &Dom, sib: NodeId, (tag, class): &(String, String)) -> bool {
    !class.is_empty()
        && dom.tag(sib) == tag
        && dom.attr(sib, "class") == Some(class.as_str())
        && inner_text_len(dom, sib) > 0
        && link_density(dom, sib) < 0.3
}

/// Moves `sib` to the end of `root`, a `<div>` unless it must keep its tag.
fn append_block(dom: &mut Dom, root: NodeId, sib: NodeId) {
    // A formula stays one (renamed, it would lose its namespace).
    if !is_one_of(dom.tag(sib), patterns::ALTER_TO_DIV_EXCEPTIONS) && !dom.is_mathml(sib) {
        dom.rename(sib, "div");
    }
    dom.append(root, sib);
}

/// Whether `sib` is a block of `beside`'s kind: the same tag and the same
/// (non-empty) class.
fn same_kind(dom: &Dom, sib: NodeId, beside: NodeId) -> bool {
    let class = dom.attr(beside, "class").unwrap_or("");
    !class.is_empty() && dom.attr(sib, "class") == Some(class) && dom.tag(sib) == dom.tag(beside)
}

/// Whether `sib`, a block beside `beside` (the top candidate or a wrapper
/// of it), belongs to the article: it scores at least `threshold`, or it is
/// a paragraph of prose.
fn belongs(
    dom: &Dom,
    sib: NodeId,
    beside: NodeId,
    scores: &Scores,
    top_score: f64,
    threshold: f64,
) -> bool {
    let same_kind = same_kind(dom, sib, beside);
    let bonus = if same_kind { top_score * 0.2 } else { 0.0 };
    // A block of the same kind as the top candidate (the next of a run of
    // body sections) scores at least as its best paragraph container does;
    // so does one of the same tag with hardly any link text (the body's
    // opening, set in a section of its own). Only the same kind gets the
    // bonus.
    let inner = (same_kind || dom.tag(sib) == dom.tag(beside) && link_density(dom, sib) < 0.1)
        .then(|| best_inner_score(dom, sib, scores))
        .flatten();
    let score = match (scores.get(sib), inner) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    };
    if score.is_some_and(|s| s + bonus >= threshold) {
        return true;
    }
    if dom.tag(sib) != "p" {
        return false;
    }
    let ld = link_density(dom, sib);
    let len = inner_text_len(dom, sib);
    (len > 80 && ld < 0.25)
        || (len < 80 && len > 0 && ld == 0.0 && {
            let content = inner_text(dom, sib);
            content.contains(". ") || content.ends_with('.')
        })
}

/// Whether `sib`, a block beside a wrapper of the top candidate (`beside`
/// is the wrapper or the wrapper's wrapper), belongs to the article: as
/// [`belongs`] says, and it is a paragraph, of the same kind as `beside`,
/// or holds at least [`WRAPPER_SIBLING_MIN_PARAGRAPHS`] paragraphs (a
/// heading block, a promotion box or a tagline beside the body's wrapper
/// scores, but is no run of prose).
fn belongs_beside_wrapper(
    dom: &Dom,
    sib: NodeId,
    beside: NodeId,
    scores: &Scores,
    top_score: f64,
    threshold: f64,
) -> bool {
    if !belongs(dom, sib, beside, scores, top_score, threshold) {
        return false;
    }
    dom.tag(sib) == "p"
        || same_kind(dom, sib, beside)
        || dom
            .descendants(sib)
            .filter(|&d| dom.is_element(d) && dom.tag(d) == "p")
            .take(WRAPPER_SIBLING_MIN_PARAGRAPHS)
            .count()
            >= WRAPPER_SIBLING_MIN_PARAGRAPHS
}

/// Whether `sib`, the block right before a wrapper of the top candidate,
/// is the article's standfirst: it reads as one ([`is_standfirst`]), ends
/// a sentence, and holds no heading, image or form control (a headline, a
/// caption row, a site tagline or a sign-up box before the body is none).
fn is_wrapper_standfirst(dom: &Dom, sib: NodeId) -> bool {
    is_standfirst(dom, sib)
        && !dom
            .descendants(sib)
            .any(|d| dom.is_element(d) && is_one_of(dom.tag(d), patterns::WRAPPER_STANDFIRST_NEVER))
        && inner_text(dom, sib)
            .trim_end()
            .ends_with(['.', '!', '?', '…', '"', '”', '“', '»', '«'])
}

/// Fewest paragraphs of a block beside a wrapper of the top candidate that
/// is neither a paragraph nor of the wrapper's kind
/// ([`belongs_beside_wrapper`]).
const WRAPPER_SIBLING_MIN_PARAGRAPHS: usize = 3;

/// The top candidate and its wrappers, innermost first: each next one the
/// parent of the one before, taken while the one before holds at least
/// [`WRAPPER_TEXT_SHARE`] of its text (never `body`), at most
/// [`WRAPPER_REACH`] wrappers (a page nests its body deep in panes whose
/// far siblings are the page's, not the article's). The blocks beside
/// each wrapper, in its parent (never `body`), are weighed as siblings.
pub(super) fn wrapper_chain(dom: &Dom, body: NodeId, top: NodeId) -> Vec<NodeId> {
    let mut chain = vec![top];
    let mut at = top;
    while let Some(p) = dom.parent(at).filter(|&p| p != body && dom.is_element(p)) {
        let inner = inner_text_len(dom, at) as f64;
        if chain.len() > WRAPPER_REACH
            || inner == 0.0
            || inner < inner_text_len(dom, p) as f64 * WRAPPER_TEXT_SHARE
        {
            break;
        }
        chain.push(p);
        at = p;
    }
    chain
}

/// Most wrappers of the top candidate whose sibling blocks are weighed
/// ([`wrapper_chain`]).
const WRAPPER_REACH: usize = 3;

/// The share of a wrapper's text that the block inside it must hold for the
/// blocks beside the wrapper to be weighed as siblings ([`wrapper_chain`]).
const WRAPPER_TEXT_SHARE: f64 = 0.9;
