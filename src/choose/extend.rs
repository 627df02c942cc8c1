//! The article's edges: the lead a page sets above the chosen body, and
//! the fallback container when the chooser found no article text.

use crate::context::Context;
use crate::dom::{Dom, NodeId};
use crate::patterns::{self, is_one_of};
use crate::query::{inner_text, inner_text_len, link_density};
use crate::text::normalize_ws;

/// Puts the page's lead (standfirst, dek) at the top of the article under
/// `root` when the chooser left it outside: the leaf block of the page
/// whose text is the page's `description` (or the start of it, or starts
/// with it when the description was cut short), at least
/// [`patterns::LEAD_MIN_CHARS`] long, not already in the article. Its
/// content moves into a new `<p>`.
pub fn add_lead(dom: &mut Dom, root: NodeId, description: &str) {
    let Some(desc) = lead_key(description) else {
        return;
    };
    let Some(body) = dom.find_tag(dom.document(), "body") else {
        return;
    };
    let article = normalize_ws(&inner_text(dom, root));
    let find = |key: &str| {
        lead_blocks(dom, body, key)
            .find(|&(n, ref t)| {
                !dom.is_inclusive_ancestor(n, root) && !article.contains(t.as_str())
            })
            .map(|(n, _)| n)
    };
    // A description that runs on past the lead into the body's opening
    // words is matched up to where the body starts.
    let Some(lead) = find(&desc).or_else(|| find(runs_into(&desc, &article)?)) else {
        return;
    };
    // At the top, but after a picture the article opens with that the
    // page set before the lead (a header's picture, then its lead). Nodes
    // are numbered in the order the page was parsed.
    let first = dom
        .children(root)
        .find(|&c| !(dom.tag(c) == "figure" && c.index() < lead.index()));
    let p = dom.create_element("p");
    dom.reparent_children(lead, p);
    match first {
        Some(first) => dom.insert_before(first, p),
        None => dom.append(root, p),
    }
}

/// The start of the description `desc` (a [`lead_key`]) before the
/// opening words of `article` (its first [`RUN_ON_OPENING`] characters),
/// when the description runs on from a lead into them; `None` when they
/// are not in it, or less than [`patterns::LEAD_MIN_CHARS`] precede them.
fn runs_into<'a>(desc: &'a str, article: &str) -> Option<&'a str> {
    let opening: String = article.chars().take(RUN_ON_OPENING).collect();
    if opening.chars().count() < RUN_ON_OPENING {
        return None;
    }
    let at = desc.find(opening.as_str())?;
    let lead = desc[..at].trim_end();
    (lead.chars().count() >= patterns::LEAD_MIN_CHARS).then_some(lead)
}

/// How many of the article's first characters [`runs_into`] looks for in
/// the description.
const RUN_ON_OPENING: usize = 40;

/// The page's description as leads are matched against it: whitespace
/// collapsed, a trailing ellipsis, bracketed ellipsis ("[…]", "[...]") or
/// full stop cut; `None` when shorter than [`patterns::LEAD_MIN_CHARS`].
pub fn lead_key(description: &str) -> Option<String> {
    let desc = normalize_ws(description);
    let desc = desc.trim_end();
    let desc = desc
        .strip_suffix("[…]")
        .or_else(|| desc.strip_suffix("[...]"))
        .unwrap_or(desc)
        .trim_end_matches(['…', '.', ' ']);
    (desc.chars().count() >= patterns::LEAD_MIN_CHARS).then(|| desc.to_string())
}

/// The leaf blocks under `body`, and the elements marked up as the
/// description (`itemprop="description"`, whatever their tag), in document
/// order with their trimmed text, whose text is the page's description `desc` (a [`lead_key`]), or
/// the start of it, or starts with it when the description was cut short.
pub fn lead_blocks<'a>(
    dom: &'a Dom,
    body: NodeId,
    desc: &'a str,
) -> impl Iterator<Item = (NodeId, String)> + 'a {
    let desc_chars = desc.chars().count();
    dom.descendants(body).filter_map(move |n| {
        // Cheap tests first (tag, cached text length), so that most blocks
        // are passed over without walking their subtree or copying their
        // text: the lead's trimmed text is no longer than `text_len`, and
        // must be at least 4/5 of the description and LEAD_MIN_CHARS long.
        if !dom.is_element(n)
            || !(is_one_of(dom.tag(n), patterns::BLOCK_ELEMS) || is_microdata_description(dom, n))
            || is_one_of(dom.tag(n), patterns::LEAD_NEVER)
        {
            return None;
        }
        let most = dom.text_len(n);
        if most < patterns::LEAD_MIN_CHARS || most * 5 < desc_chars * 4 {
            return None;
        }
        // A line break is no block: a lead often opens after a picture and
        // a `<br>`.
        if dom.descendants(n).skip(1).any(|d| {
            dom.is_element(d) && dom.tag(d) != "br" && is_one_of(dom.tag(d), patterns::BLOCK_ELEMS)
        }) {
            return None;
        }
        let t = normalize_ws(&inner_text(dom, n));
        let t = t.trim_end_matches(['…', '.', ' ']);
        let len = t.chars().count();
        (len >= patterns::LEAD_MIN_CHARS
            && (t.starts_with(desc)
                || desc.starts_with(t) && len * 5 >= desc_chars * 4
                || after_label(t, desc)))
        .then(|| (n, t.to_string()))
    })
}

/// Whether `text` is the description `desc` after a short label of its
/// own that the description leaves out, a kicker or a place ("WHERE THEY
/// MEET The signs are good…", "KELLING – The harbour board…"). A label
/// with a digit is a date or a time: that line is a dateline, no lead.
fn after_label(text: &str, desc: &str) -> bool {
    text.find(desc).is_some_and(|at| {
        let label = &text[..at];
        at > 0
            && at <= LEAD_LABEL_MAX
            && label.ends_with(char::is_whitespace)
            && !label.contains(|c: char| c.is_ascii_digit())
            && label.split_whitespace().count() <= LEAD_LABEL_WORDS
    })
}

/// Most bytes of a label before a lead that [`after_label`] passes over.
const LEAD_LABEL_MAX: usize = 40;

/// Most words of that label.
const LEAD_LABEL_WORDS: usize = 5;

/// Whether `node` is marked up as the page's description
/// (`itemprop="description"`): an inline element (a `<span>` beside the
/// dateline in an intro paragraph) can then be the lead on its own.
fn is_microdata_description(dom: &Dom, node: NodeId) -> bool {
    dom.attr(node, "itemprop")
        .is_some_and(|v| v.split_ascii_whitespace().any(|w| w == "description"))
}

/// A new, detached `<div>` in `dom` holding one `<p>` per paragraph of
/// `paragraphs` (the page's JSON-LD `articleBody`), as text.
pub fn paragraphs(dom: &mut Dom, paragraphs: &[String]) -> NodeId {
    let root = dom.create_element("div");
    for text in paragraphs {
        let p = dom.create_element("p");
        dom.append_text(p, text);
        dom.append(root, p);
    }
    root
}

/// The fallback container when the chooser found no article text: the
/// element whose own paragraphs (its text and its children that hold no
/// further blocks), links left out, hold the most text. Nothing inside
/// [`patterns::FALLBACK_SKIP`] counts, nor any element the clutter
/// classifier calls clutter. Its parent is taken instead when the parent's
/// paragraphs and its children's hold [`FALLBACK_WIDEN`] times as much
/// text (the page split its text over sibling blocks).
pub fn largest_text_block(dom: &Dom, ctx: &Context) -> Option<NodeId> {
    let body = dom.find_tag(dom.document(), "body")?;
    let mut best: Option<(f64, NodeId)> = None;
    let mut cur = Some(body);
    while let Some(n) = cur {
        if dom.is_element(n) && is_one_of(dom.tag(n), patterns::FALLBACK_SKIP) {
            cur = dom.next_skipping_children(n, body);
            continue;
        }
        if dom.is_element(n) {
            let own: f64 = dom.children(n).map(|c| paragraph_text(dom, c)).sum();
            if own > best.map_or(0.0, |(b, _)| b) && crate::clutter::judge(dom, n).is_none() {
                best = Some((own, n));
            }
        }
        cur = dom.next_in_preorder(n, body);
    }
    let (own, mut root) = best?;
    // A block whose text runs on in its siblings (paragraphs that the page
    // split into blocks of their own) gives way to its parent, when the
    // parent's paragraphs and those of its children hold half as much
    // again.
    if let Some(parent) = dom.parent(root).filter(|&p| p != body && dom.is_element(p)) {
        let wide: f64 = dom
            .children(parent)
            .map(|c| {
                paragraph_text(dom, c)
                    + dom.children(c).map(|g| paragraph_text(dom, g)).sum::<f64>()
            })
            .sum();
        if wide >= own * FALLBACK_WIDEN && crate::clutter::judge(dom, parent).is_none() {
            root = parent;
        }
    }
    if let Some(t) = &ctx.trace {
        t.container(root);
    }
    Some(root)
}

/// How much more paragraph text than the fallback block its parent must
/// hold, with its children's, to be taken instead ([`largest_text_block`]).
const FALLBACK_WIDEN: f64 = 1.5;

/// The text `node` adds to its parent's paragraphs in
/// [`largest_text_block`]: a text node's length, or a leaf block's text
/// outside links.
fn paragraph_text(dom: &Dom, node: NodeId) -> f64 {
    if let Some(t) = dom.text(node) {
        return t.trim().chars().count() as f64;
    }
    if !dom.is_element(node)
        || is_one_of(dom.tag(node), patterns::FALLBACK_SKIP)
        || dom
            .descendants(node)
            .skip(1)
            .any(|d| dom.is_element(d) && is_one_of(dom.tag(d), patterns::BLOCK_ELEMS))
    {
        return 0.0;
    }
    inner_text_len(dom, node) as f64 * (1.0 - link_density(dom, node))
}
