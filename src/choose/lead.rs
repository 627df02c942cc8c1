//! What sits in front of the chosen container and belongs to the article:
//! the standfirst between the headline and the body, and the lead figure.

use crate::dom::{Dom, NodeId};
use crate::patterns;
use crate::query::{inner_text, inner_text_len, link_density};

/// How many siblings before the article container [`standfirst`] looks at.
const STANDFIRST_REACH: usize = 3;

/// The page's standfirst when it sits between the headline and the chosen
/// container `top`, outside it: among the few siblings before `top`, back
/// to the element that followed the headline (`after_title`), the blocks
/// of prose ([`is_standfirst`]); when that element is inside one of those
/// siblings (a header block), the blocks of prose from it on in its parent.
/// Bylines, dates and share rows on the way are passed over; empty when
/// the headline is not within reach.
pub(super) fn standfirst(
    dom: &Dom,
    siblings: &[NodeId],
    top: NodeId,
    after_title: Option<NodeId>,
) -> Vec<NodeId> {
    let (Some(mark), Some(at)) = (after_title, siblings.iter().position(|&s| s == top)) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for &sib in siblings[..at].iter().rev().take(STANDFIRST_REACH) {
        if sib != mark && dom.is_inclusive_ancestor(sib, mark) {
            let mut next = Some(mark);
            while let Some(n) = next {
                if dom.is_element(n) && is_standfirst(dom, n) {
                    found.push(n);
                }
                next = dom.next_sibling(n);
            }
            found.reverse();
            return found;
        }
        if is_standfirst(dom, sib) {
            found.push(sib);
        } else if inner_text_len(dom, sib) > LEAD_FIGURE_MAX_TEXT {
            return Vec::new();
        }
        if sib == mark {
            found.reverse();
            return found;
        }
    }
    Vec::new()
}

/// Whether `node` reads as a standfirst: a paragraph, heading or block of
/// [`patterns::LEAD_MIN_CHARS`] to [`LEAD_FIGURE_MAX_TEXT`] characters of
/// prose (at least [`STANDFIRST_MIN_WORDS`] words, at most one character in
/// twenty a digit, no `|` or `•` separators), hardly any of it link text,
/// that the clutter classifier leaves alone.
pub(super) fn is_standfirst(dom: &Dom, node: NodeId) -> bool {
    if !matches!(
        dom.tag(node),
        "p" | "div" | "h2" | "h3" | "h4" | "span" | "section"
    ) {
        return false;
    }
    let len = inner_text_len(dom, node);
    if !(patterns::LEAD_MIN_CHARS..=LEAD_FIGURE_MAX_TEXT).contains(&len)
        || link_density(dom, node) >= 0.2
    {
        return false;
    }
    let text = inner_text(dom, node);
    // A dateline ("Site | 04.05.2015 à 13h36 • Mis à jour …") is figures
    // and separators, not prose.
    let digits = text.chars().filter(char::is_ascii_digit).count();
    digits * 20 <= len
        && !text.contains(['|', '•'])
        && crate::text::word_count(&text) >= STANDFIRST_MIN_WORDS
        && crate::clutter::judge(dom, node).is_none()
}

/// Fewest words of a standfirst.
const STANDFIRST_MIN_WORDS: usize = 8;

/// Before an unlikely block inside an `<article>` or `<main>` goes, the
/// article's parts in it are moved out in front of it: the paragraph or
/// subtitle heading whose text is the page's description (`lead_key`, a
/// [`super::extend::lead_key`]: the standfirst, which [`super::add_lead`]
/// could no longer find once the block is gone), then, when the block is
/// the article's header (its class says "header"), its last captioned
/// figure (the lead image and its caption).
pub(super) fn rescue_lead(dom: &mut Dom, node: NodeId, match_string: &str, lead_key: Option<&str>) {
    if !dom
        .ancestors(node)
        .any(|a| matches!(dom.tag(a), "article" | "main"))
    {
        return;
    }
    // A heading that says what the description says is the story's
    // subtitle (its deck): it comes out with the paragraph kind, as it
    // joins the article from outside the container (`add_lead`).
    let lead = lead_key
        .and_then(|k| super::extend::lead_blocks(dom, node, k).next())
        .map(|(lead, _)| lead);
    let headerish = dom.tag(node) == "header" || match_string.contains("header");
    let fig = headerish
        .then(|| {
            dom.find_all_tags(node, "figure")
                .into_iter()
                .rfind(|&f| is_captioned_image(dom, f))
        })
        .flatten();
    // Both come out in the page's order (nodes are numbered as parsed).
    let mut parts: Vec<NodeId> = lead.into_iter().chain(fig).collect();
    parts.sort_by_key(|n| n.index());
    for part in parts {
        dom.insert_before(node, part);
    }
}

/// How many siblings before the article container [`lead_figure`] looks at.
const LEAD_FIGURE_REACH: usize = 3;

/// The lead image of the article when it sits just before the chosen
/// container, outside it (a `<figure>` between the headline block and the
/// body, or the last figure inside the header block): a captioned
/// `<figure>` among the few siblings that precede `top` and were not merged.
/// A sibling with much text of its own ends the search.
pub(super) fn lead_figure(
    dom: &Dom,
    siblings: &[NodeId],
    top: NodeId,
    merged: &[NodeId],
) -> Option<NodeId> {
    let at = siblings.iter().position(|&s| s == top)?;
    for &sib in siblings[..at].iter().rev().take(LEAD_FIGURE_REACH) {
        if merged.contains(&sib) {
            return None;
        }
        let fig = if dom.tag(sib) == "figure" {
            Some(sib)
        } else {
            dom.find_all_tags(sib, "figure").pop()
        };
        if let Some(f) = fig.filter(|&f| is_captioned_image(dom, f)) {
            return Some(f);
        }
        if inner_text_len(dom, sib) > LEAD_FIGURE_MAX_TEXT {
            return None;
        }
    }
    None
}

/// Text a sibling between the lead figure and the body may carry (headline,
/// standfirst, byline, share row).
const LEAD_FIGURE_MAX_TEXT: usize = 600;

fn is_captioned_image(dom: &Dom, fig: NodeId) -> bool {
    let has_image = dom
        .descendants(fig)
        .any(|d| matches!(dom.tag(d), "img" | "picture"));
    let caption = dom
        .find_tag(fig, "figcaption")
        .is_some_and(|c| inner_text_len(dom, c) > 0);
    has_image && caption
}
