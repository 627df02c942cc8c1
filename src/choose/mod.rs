//! Phase 4, choose: pick the article container from the scores, merge in the
//! siblings that belong to it, and retry with relaxed rules when the first
//! choice is too short (Readability's flag-relaxing retries).

mod extend;
mod label;
mod lead;
mod siblings;
mod zones;

pub use extend::{add_lead, largest_text_block, paragraphs};

use crate::clutter::{self, Marks};
use crate::context::Context;
use crate::dom::{Aside, Dom, NodeData, NodeId};
use crate::metadata;
use crate::patterns::{self, contains_any, is_one_of, is_subheading};
use crate::prepare::is_phrasing;
use crate::query::{inner_text, inner_text_len, link_density};
use crate::refine::{prep_article, Flags};
use crate::score::{self, Scores};
use crate::text::text_similarity;
use lead::rescue_lead;
use siblings::merge_siblings;
use zones::{prefer_outside_consent, prefer_outside_footer};

/// What one [`grab_article`] pass found in its working DOM.
#[derive(Debug)]
pub struct Grabbed {
    /// The new article root (a detached `<div>`).
    pub root: NodeId,
    /// A byline found in the body on the way.
    pub byline: Option<String>,
    /// The clutter found inside the article, for [`crate::clean::run`].
    pub marks: Marks,
    /// What the pass's rules did, for telling whether a pass with one rule
    /// relaxed would do the same.
    pub effects: Effects,
    /// The best-scoring candidate lay in a consent layer and gave way to
    /// one outside it ([`zones::prefer_outside_consent`]). In a relaxed pass its
    /// result is not trusted ([`run`]).
    pub passed_over_consent: bool,
}

/// Whether the rules that the chooser's retries relax took effect in one
/// [`grab_article`] pass. A rule that took no effect might as well have
/// been off: the pass without it runs the same, edit for edit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Effects {
    /// A block was removed as an unlikely candidate or for its role.
    pub stripped_unlikely: bool,
    /// The conditional cleaning removed a block.
    pub cleaned_conditionally: bool,
}

/// The chooser's result: the working DOM of the attempt that was kept,
/// the article root inside it, a byline found in the body and the clutter
/// found inside the article.
#[derive(Debug)]
pub struct Chosen {
    /// The working DOM.
    pub dom: Dom,
    /// The article root (a detached `<div>`).
    pub root: NodeId,
    /// A byline found in the body.
    pub byline: Option<String>,
    /// The clutter found inside the article, for [`crate::clean::run`].
    pub marks: Marks,
}

impl Chosen {
    fn new(dom: Dom, grabbed: Grabbed) -> Chosen {
        Chosen {
            dom,
            root: grabbed.root,
            byline: grabbed.byline,
            marks: grabbed.marks,
        }
    }
}

/// Pages of more nodes than this get one attempt, not four: each retry parses
/// and prepares the page again, which on a page of half a million empty
/// elements around one short paragraph took 4–5 s. The largest page of our
/// corpus has about 20,000 nodes.
pub const RETRY_MAX_NODES: usize = 100_000;

/// The chooser's attempts in order, each relaxing one more rule.
const ATTEMPTS: [Flags; 4] = [
    Flags::ALL,
    Flags {
        strip_unlikely: false,
        ..Flags::ALL
    },
    Flags {
        strip_unlikely: false,
        weight_classes: false,
        clean_conditionally: true,
    },
    Flags {
        strip_unlikely: false,
        weight_classes: false,
        clean_conditionally: false,
    },
];

/// Runs the chooser: up to four attempts (one on pages of more than
/// [`RETRY_MAX_NODES`] nodes), each relaxing one more rule, until
/// one yields at least `char_threshold` characters; otherwise the longest.
/// A relaxed attempt (any but the first) that passed over a consent layer
/// ([`Grabbed::passed_over_consent`]) ends nothing and is taken only when
/// no other attempt yields anything: with class weights or unlikely
/// candidates off, the best rival of a dialog is a sidebar as often as the
/// article. Returns `None` when the page has no `<body>` content at all.
///
/// Every attempt works on `dom`, the prepared page: before the first, a
/// checkpoint of it is taken (a pass over the arena, a small part of what
/// parsing costs), and each further attempt starts from it again. When the
/// longest attempt is not the last one run, its state of the tree, set
/// aside before the next one ran, comes back (with a trace, the attempt is
/// redone instead, so the trace holds its decisions). An attempt that could
/// only repeat the one before it is skipped (see [`Effects`]).
pub fn run(mut dom: Dom, ctx: &Context) -> Option<Chosen> {
    let attempts = ATTEMPTS;
    let mark = ctx.trace.as_ref().map(|t| t.mark());
    let rewind = || {
        if let (Some(t), Some(m)) = (&ctx.trace, mark) {
            t.rewind(m);
        }
    };
    if dom.node_count() > RETRY_MAX_NODES {
        let grabbed = grab_article(&mut dom, Flags::ALL, ctx)?;
        return Some(Chosen::new(dom, grabbed));
    }
    let checkpoint = dom.checkpoint();
    // The longest attempt so far: its length, flags and result; `dom`
    // holds that result while `current` is true (no attempt ran since).
    // Its rank is (trusted, length): a pass that passed over a consent
    // layer ranks below every pass that did not, whatever its length.
    let mut best: Option<((bool, usize), Flags, Grabbed)> = None;
    let mut current = false;
    // Without a trace, the state of `dom` that holds the longest attempt's
    // result, set aside when a later attempt is about to run on `dom`.
    let mut aside: Option<Aside> = None;
    // The previous attempt's flags and what its rules did (an attempt
    // skipped as a repeat did what the one it repeats did).
    let mut previous: Option<(Flags, Effects)> = None;
    // Whether any element of the page has a class weight, once asked.
    let mut weighted: Option<bool> = None;
    for (i, &flags) in attempts.iter().enumerate() {
        if let Some((before, effects)) = previous {
            // An attempt that relaxes only rules that took no effect in the
            // one before repeats it, length and all: it can neither reach
            // the threshold nor beat the longest so far.
            let repeats = (before.strip_unlikely == flags.strip_unlikely
                || !effects.stripped_unlikely)
                && (before.clean_conditionally == flags.clean_conditionally
                    || !effects.cleaned_conditionally)
                && (before.weight_classes == flags.weight_classes
                    || !*weighted.get_or_insert_with(|| has_class_weights(&dom)));
            if repeats {
                previous = Some((flags, effects));
                continue;
            }
            if current && ctx.trace.is_none() {
                aside = Some(dom.set_aside(&checkpoint));
            } else {
                dom.restore(&checkpoint);
            }
        }
        rewind();
        let grabbed = grab_article(&mut dom, flags, ctx)?;
        previous = Some((flags, grabbed.effects));
        let len = inner_text_len(&dom, grabbed.root);
        let trusted = i == 0 || !grabbed.passed_over_consent;
        if len >= ctx.options.char_threshold && trusted {
            dom.close_checkpoint();
            return Some(Chosen::new(dom, grabbed));
        }
        let rank = (trusted, len);
        current = best.as_ref().is_none_or(|(r, _, _)| rank > *r);
        if current {
            best = Some((rank, flags, grabbed));
            aside = None;
        }
    }
    let (_, flags, mut grabbed) = best?;
    if !current {
        // A later, shorter attempt ran on `dom` since: bring the longest
        // back, or with a trace redo it (it is deterministic), so that the
        // trace holds that attempt's decisions.
        if let Some(aside) = aside {
            dom.bring_back(&checkpoint, aside);
        } else {
            dom.restore(&checkpoint);
            rewind();
            grabbed = grab_article(&mut dom, flags, ctx)?;
        }
    }
    dom.close_checkpoint();
    Some(Chosen::new(dom, grabbed))
}

/// For every node of `dom`, the text direction (`dir="ltr"` or `"rtl"`)
/// stated on it or its nearest ancestor that states one: 0 for none, 1 for
/// ltr, 2 for rtl. Taken before the chooser edits the tree, so the article's
/// direction can be read off the page as it was.
pub fn dir_table(dom: &Dom) -> Vec<u8> {
    let mut table = vec![0u8; dom.len()];
    let doc = dom.document();
    for n in dom.descendants(doc).skip(1) {
        let own = if dom.is_element(n) {
            match dom.attr(n, "dir").map(str::trim) {
                Some(d) if d.eq_ignore_ascii_case("ltr") => 1,
                Some(d) if d.eq_ignore_ascii_case("rtl") => 2,
                _ => 0,
            }
        } else {
            0
        };
        table[n.index()] = if own != 0 {
            own
        } else {
            dom.parent(n).map_or(0, |p| table[p.index()])
        };
    }
    table
}

/// The direction of the chosen article: that of the first of `root`'s
/// element children that existed on the page, looked up in `table` (see
/// [`dir_table`]).
pub fn article_dir(dom: &Dom, root: NodeId, table: &[u8]) -> Option<String> {
    let c = dom
        .element_children(root)
        .find(|c| c.index() < table.len())?;
    match table[c.index()] {
        1 => Some("ltr".to_string()),
        2 => Some("rtl".to_string()),
        _ => None,
    }
}

fn is_valid_byline(text: &str) -> bool {
    let l = text.trim().chars().count();
    l > 0 && l < 100
}

fn is_without_content(dom: &Dom, id: NodeId) -> bool {
    // No text but whitespace: the normalised text is empty. Its length is
    // cached per node; building the text would cost the whole subtree for
    // every block on the way down (nodes × depth on a deep page).
    if inner_text_len(dom, id) != 0 {
        return false;
    }
    dom.element_children(id)
        .all(|c| matches!(dom.tag(c), "br" | "hr"))
}

fn has_child_block(dom: &Dom, id: NodeId) -> bool {
    dom.descendants(id)
        .skip(1)
        .any(|d| is_one_of(dom.tag(d), patterns::DIV_TO_P_ELEMS))
}

fn single_child_tag(dom: &Dom, id: NodeId, tag: &str) -> Option<NodeId> {
    let mut only = None;
    for c in dom.children(id) {
        match &dom.node(c).data {
            NodeData::Text(t) if !crate::text::is_blank(t) => return None,
            NodeData::Element { .. } => {
                if only.is_some() || dom.tag(c) != tag {
                    return None;
                }
                only = Some(c);
            }
            _ => {}
        }
    }
    only
}

fn is_ws(dom: &Dom, id: NodeId) -> bool {
    match &dom.node(id).data {
        NodeData::Text(t) => crate::text::is_blank(t),
        NodeData::Element { .. } => dom.tag(id) == "br",
        _ => false,
    }
}

/// Wraps runs of phrasing content directly inside `div` into `<p>`s.
fn wrap_phrasing_runs(dom: &mut Dom, div: NodeId) {
    let mut p: Option<NodeId> = None;
    let mut child = dom.first_child(div);
    while let Some(c) = child {
        let next = dom.next_sibling(c);
        if is_phrasing(dom, c) {
            if let Some(pp) = p {
                dom.append(pp, c);
            } else if !is_ws(dom, c) {
                let np = dom.create_element("p");
                dom.insert_before(c, np);
                dom.append(np, c);
                p = Some(np);
            }
        } else if let Some(pp) = p.take() {
            while let Some(l) = dom.node(pp).last_child {
                if is_ws(dom, l) {
                    dom.detach(l);
                } else {
                    break;
                }
            }
        }
        child = next;
    }
}

/// One Readability `_grabArticle` pass over `dom` with `flags`. Returns the
/// new article root (a detached `<div>`), a byline found on the way and the
/// clutter found inside the article.
pub fn grab_article(dom: &mut Dom, flags: Flags, ctx: &Context) -> Option<Grabbed> {
    let doc = dom.document();
    let body = dom.find_tag(doc, "body")?;
    let (to_score, byline, stripped_unlikely, after_title) =
        strip_and_collect(dom, body, flags, ctx);
    let (mut scores, top) = rank_candidates(dom, &to_score, flags, ctx);
    let top = prefer_anchored(dom, body, top, ctx);
    let top = prefer_outside_footer(dom, body, top);
    let (top, passed_over_consent) = prefer_outside_consent(dom, body, top);
    let root = dom.create_element("div");
    let top_candidate = match top.first() {
        None => None,
        Some(&(c, _)) if c == body => None,
        Some(&(c, _)) => Some(c),
    };
    match top_candidate {
        // Nothing scored: the whole body is the article.
        None => dom.reparent_children(body, root),
        Some(top_candidate) => {
            let top_candidate =
                settle_top_candidate(dom, body, top_candidate, &top, &mut scores, flags);
            if let Some(t) = &ctx.trace {
                t.container(top_candidate);
            }
            merge_siblings(dom, body, top_candidate, &scores, root, after_title)?;
        }
    }
    let (marks, cleaned_conditionally) = prep_article(dom, root, flags, ctx);
    Some(Grabbed {
        root,
        byline,
        marks,
        effects: Effects {
            stripped_unlikely,
            cleaned_conditionally,
        },
        passed_over_consent,
    })
}

/// The first step of [`grab_article`]: one walk over `body` that removes
/// modal dialogs, the byline, the headline's duplicate, unlikely candidates
/// and empty blocks, turns phrasing-only `<div>`s into paragraphs, and
/// collects the elements to score. Returns them, the byline found and
/// whether an unlikely candidate (or role) was removed.
fn strip_and_collect(
    dom: &mut Dom,
    body: NodeId,
    flags: Flags,
    ctx: &Context,
) -> (Vec<NodeId>, Option<String>, bool, Option<NodeId>) {
    let mut byline: Option<String> = None;
    let mut after_title: Option<NodeId> = None;
    let mut stripped_unlikely = false;
    let mut remove_title_header = ctx.title.is_some();
    let mut to_score: Vec<NodeId> = Vec::new();
    let lead_key = ctx.description.as_deref().and_then(extend::lead_key);

    let mut cur = Some(body);
    while let Some(node) = cur {
        if !dom.is_element(node) {
            cur = dom.next_in_preorder(node, body);
            continue;
        }
        let tag = dom.tag(node);
        let mut match_string = dom.class_and_id(node);
        match_string.make_ascii_lowercase();

        if dom.attr(node, "aria-modal") == Some("true") && dom.attr(node, "role") == Some("dialog")
        {
            cur = remove_and_next(dom, node, body, ctx, "modal-dialog");
            continue;
        }
        if byline.is_none() && node != body {
            let rel_author = dom.attr(node, "rel") == Some("author")
                || dom
                    .attr(node, "itemprop")
                    .is_some_and(|v| v.contains("author"));
            if (rel_author || contains_any(&match_string, patterns::BYLINE))
                && !is_one_of(tag, patterns::NOT_BYLINE_TAGS)
            {
                let text = inner_text(dom, node);
                if is_valid_byline(&text) {
                    // A dateline with no name in it is dropped but not kept as the byline.
                    byline = metadata::clean_byline(&metadata::byline_text(dom, node));
                    cur = remove_and_next(dom, node, body, ctx, "byline");
                    continue;
                }
            }
        }
        if remove_title_header && matches!(tag, "h1" | "h2") && !follows_prose(dom, node) {
            if let Some(title) = &ctx.title {
                if text_similarity(title, &inner_text(dom, node)) > 0.75 {
                    remove_title_header = false;
                    after_title = element_after(dom, node, body);
                    if let Some(k) = kicker_of(dom, node) {
                        ctx.dropped(k, "kicker");
                        dom.detach(k);
                    }
                    cur = remove_and_next(dom, node, body, ctx, "title-duplicate");
                    continue;
                }
            }
        }
        if flags.strip_unlikely && node != body {
            // Subheadings stay even when their class says "header" or
            // "anchor": the heading text is the article's.
            let unlikely = contains_any(&match_string, patterns::UNLIKELY_CANDIDATES)
                && !contains_any(&match_string, patterns::MAYBE_CANDIDATE)
                && tag != "a"
                && !is_subheading(tag)
                && !dom
                    .ancestors(node)
                    .any(|a| matches!(dom.tag(a), "table" | "code"))
                && !spare(dom, node, ctx);
            let bad_role = dom
                .attr(node, "role")
                .is_some_and(|r| patterns::UNLIKELY_ROLES.contains(&r));
            if unlikely || bad_role {
                stripped_unlikely = true;
                if unlikely && !bad_role {
                    rescue_lead(dom, node, &match_string, lead_key.as_deref());
                }
                cur = remove_and_next(
                    dom,
                    node,
                    body,
                    ctx,
                    if unlikely {
                        "unlikely-candidate"
                    } else {
                        "unlikely-role"
                    },
                );
                continue;
            }
        }
        if matches!(
            tag,
            "div" | "section" | "header" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        ) && is_without_content(dom, node)
        {
            cur = remove_and_next(dom, node, body, ctx, "empty");
            continue;
        }
        if is_one_of(tag, patterns::TAGS_TO_SCORE) {
            to_score.push(node);
        }
        let mut node = node;
        if tag == "div" {
            wrap_phrasing_runs(dom, node);
            if let Some(p) =
                single_child_tag(dom, node, "p").filter(|_| link_density(dom, node) < 0.25)
            {
                dom.insert_before(node, p);
                dom.detach(node);
                node = p;
                to_score.push(node);
            } else if !has_child_block(dom, node) {
                dom.rename(node, "p");
                to_score.push(node);
            }
        }
        cur = dom.next_in_preorder(node, body);
    }
    (to_score, byline, stripped_unlikely, after_title)
}

/// Whether `node`, whose class names an unlikely candidate, stays as the
/// label of the section after it ([`label::labels_next_section`]): the
/// question of a collapsible FAQ entry is the article's text.
fn spare_label(dom: &Dom, node: NodeId, ctx: &Context) -> bool {
    let spare = label::labels_next_section(dom, node);
    if spare {
        ctx.spared(node, "section-label");
    }
    spare
}

/// Whether `node`, whose class names an unlikely candidate, stays as a box
/// of the story's summary, key points or facts ([`clutter::is_summary_box`]).
fn spare_summary(dom: &Dom, node: NodeId, ctx: &Context) -> bool {
    let spare = clutter::is_summary_box(dom, node);
    if spare {
        ctx.spared(node, "summary-box");
    }
    spare
}

/// Whether `node`, whose class names an unlikely candidate, stays: as a
/// section's label, a summary box or a note of the story's prose.
fn spare(dom: &Dom, node: NodeId, ctx: &Context) -> bool {
    spare_label(dom, node, ctx) || spare_summary(dom, node, ctx) || spare_note(dom, node, ctx)
}

/// Whether `node`, whose class names an unlikely candidate, stays as a note
/// of the story's prose between its paragraphs ([`clutter::is_story_note`]).
fn spare_note(dom: &Dom, node: NodeId, ctx: &Context) -> bool {
    let spare = clutter::is_story_note(dom, node);
    if spare {
        ctx.spared(node, "story-note");
    }
    spare
}

/// The element that follows `node` on the page: its next element sibling,
/// else that of its parent or grandparent (a headline alone in its
/// wrapper), never outside `body`.
fn element_after(dom: &Dom, node: NodeId, body: NodeId) -> Option<NodeId> {
    let mut at = node;
    for _ in 0..3 {
        let mut next = dom.next_sibling(at);
        while let Some(n) = next {
            if dom.is_element(n) {
                return Some(n);
            }
            next = dom.next_sibling(n);
        }
        at = dom.parent(at).filter(|&p| p != body)?;
    }
    None
}

/// Whether any element of `dom`'s arena, attached or not, has a class
/// weight ([`score::class_weight`]). The chooser never changes a class or
/// id, and the elements it creates have none, so when no element of the
/// prepared page has a weight, no attempt meets one: turning the weights
/// off changes nothing.
fn has_class_weights(dom: &Dom) -> bool {
    dom.arena()
        .any(|n| dom.is_element(n) && score::class_weight(dom, n) != 0.0)
}

/// Scores the paragraphs in `to_score` into their ancestors and returns
/// the scores with the best candidates, best first (at most
/// [`crate::context::Options::top_candidates`]).
fn rank_candidates(
    dom: &Dom,
    to_score: &[NodeId],
    flags: Flags,
    ctx: &Context,
) -> (Scores, Vec<(NodeId, f64)>) {
    let mut scores = Scores::for_dom(dom);
    let candidates = score::score_paragraphs(dom, to_score, flags.weight_classes, &mut scores);
    let mut top: Vec<(NodeId, f64)> = Vec::new();
    for c in candidates {
        let s = scores.get(c).unwrap_or(0.0) * (1.0 - link_density(dom, c));
        scores.set(c, s);
        top.push((c, s));
        if let Some(t) = &ctx.trace {
            t.score(c, s);
        }
    }
    top.sort_by(|a, b| b.1.total_cmp(&a.1));
    top.truncate(ctx.options.top_candidates.max(1));
    (scores, top)
}

/// The candidates, with the one holding the page's lead first when the best
/// lies elsewhere: a page that shows several stories (the next one loaded
/// below, a teaser rail of full texts) says which is its own in its
/// description. The lead is the first leaf block whose text opens as the
/// description does ([`extend::lead_blocks`]); a candidate holding it wins when it scores at
/// least [`patterns::ANCHOR_MIN_SHARE`] of the best and does not hold the
/// best (a wider container is the chooser's own business).
fn prefer_anchored(
    dom: &Dom,
    body: NodeId,
    mut top: Vec<(NodeId, f64)>,
    ctx: &Context,
) -> Vec<(NodeId, f64)> {
    let Some(&(best, best_score)) = top.first() else {
        return top;
    };
    // Only a rival story can win: without one, no need to look for the lead.
    let rival = top.iter().skip(1).any(|&(c, s)| {
        s >= best_score * patterns::ANCHOR_MIN_SHARE
            && !dom.is_inclusive_ancestor(c, best)
            && !dom.is_inclusive_ancestor(best, c)
    });
    let Some(desc) = ctx
        .description
        .as_deref()
        .filter(|_| rival)
        .and_then(extend::lead_key)
    else {
        return top;
    };
    // Its opening words are enough: a long description runs on past the
    // first paragraph.
    let opening: String = desc.chars().take(patterns::LEAD_MIN_CHARS).collect();
    let Some((lead, _)) = extend::lead_blocks(dom, body, &opening).next() else {
        return top;
    };
    if dom.is_inclusive_ancestor(best, lead) {
        return top;
    }
    let pick = top.iter().position(|&(c, s)| {
        s >= best_score * patterns::ANCHOR_MIN_SHARE
            && dom.is_inclusive_ancestor(c, lead)
            && !dom.is_inclusive_ancestor(c, best)
    });
    let Some(i) = pick else {
        return top;
    };
    // The other stories are not parts of this one: they leave the list, so
    // that no common ancestor of them all is taken for the article.
    let (chosen, _) = top[i];
    top.retain(|&(c, _)| {
        dom.is_inclusive_ancestor(c, chosen) || dom.is_inclusive_ancestor(chosen, c)
    });
    if let Some(j) = top.iter().position(|&(c, _)| c == chosen) {
        let first = top.remove(j);
        top.insert(0, first);
    }
    top
}

/// Moves the top candidate up to the container it belongs in: a common
/// ancestor of several near-equal candidates, a better-scoring parent, or
/// the parent of an only child. Gives it a score if it has none.
fn settle_top_candidate(
    dom: &Dom,
    body: NodeId,
    mut top_candidate: NodeId,
    top: &[(NodeId, f64)],
    scores: &mut Scores,
    flags: Flags,
) -> NodeId {
    // Several near-equal candidates sharing an ancestor: take the ancestor.
    let top_score = top[0].1;
    let alternatives: Vec<Vec<NodeId>> = top[1..]
        .iter()
        .filter(|(_, s)| top_score > 0.0 && s / top_score >= 0.75)
        .map(|(c, _)| dom.ancestors(*c).collect())
        .collect();
    if alternatives.len() >= 3 {
        let mut parent = dom.parent(top_candidate);
        while let Some(p) = parent {
            if p == body || !dom.is_element(p) {
                break;
            }
            let containing = alternatives.iter().filter(|a| a.contains(&p)).count();
            if containing >= 3 {
                top_candidate = p;
                break;
            }
            parent = dom.parent(p);
        }
    }
    if scores.get(top_candidate).is_none() {
        scores.set(
            top_candidate,
            score::initial_score(dom, top_candidate, flags.weight_classes),
        );
    }

    // Walk up while parents score well.
    let mut last_score = scores.get(top_candidate).unwrap_or(0.0);
    let threshold = last_score / 3.0;
    let mut parent = dom.parent(top_candidate);
    while let Some(p) = parent {
        if p == body || !dom.is_element(p) {
            break;
        }
        let Some(ps) = scores.get(p) else {
            parent = dom.parent(p);
            continue;
        };
        if ps < threshold {
            break;
        }
        if ps > last_score {
            top_candidate = p;
            break;
        }
        last_score = ps;
        parent = dom.parent(p);
    }
    // An only child: use the parent.
    while let Some(p) = dom.parent(top_candidate) {
        if p == body || !dom.is_element(p) || dom.element_children(p).count() != 1 {
            break;
        }
        top_candidate = p;
    }
    if scores.get(top_candidate).is_none() {
        scores.set(
            top_candidate,
            score::initial_score(dom, top_candidate, flags.weight_classes),
        );
    }
    top_candidate
}

/// Whether a paragraph of prose comes before `heading` among its
/// siblings: then the heading is a section's, whatever its words, and not
/// the page's title set again above the article ("Ab wann legen Hühner
/// Eier?" as the fourth section of a story titled "Ab wann und wie lange
/// legen Hühner Eier?").
fn follows_prose(dom: &Dom, heading: NodeId) -> bool {
    std::iter::successors(dom.prev_sibling(heading), |&p| dom.prev_sibling(p))
        .any(|p| dom.tag(p) == "p" && inner_text_len(dom, p) >= patterns::SECTION_PROSE_MIN)
}

/// The kicker of headline `heading`: its previous sibling when that is a
/// label of a few words ("Chronik", "Feature", "World news"), the section
/// the page files the story under. The reader's header shows the headline
/// alone. A date, a sentence, or a box holding a picture or blocks is no
/// kicker.
fn kicker_of(dom: &Dom, heading: NodeId) -> Option<NodeId> {
    let prev = std::iter::successors(dom.prev_sibling(heading), |&p| dom.prev_sibling(p))
        .find(|&p| !dom.text(p).is_some_and(crate::text::is_blank))?;
    if !dom.is_element(prev) || inner_text_len(dom, prev) > patterns::KICKER_MAX {
        return None;
    }
    let text = inner_text(dom, prev);
    let t = text.trim();
    let words = t.split_whitespace().count();
    let label = (1..=patterns::KICKER_MAX_WORDS).contains(&words)
        && !t.chars().any(|c| c.is_ascii_digit())
        && !t.ends_with(['.', '!', '?', ':', '…']);
    // One line: no picture, no block inside (a box of a label and a
    // second title is the page's header, not a kicker).
    let whole = dom.descendants(prev).skip(1).any(|d| {
        dom.is_element(d)
            && (is_one_of(dom.tag(d), patterns::CAPTIONED_MEDIA)
                || is_one_of(dom.tag(d), patterns::BLOCK_ELEMS))
    });
    (label && !whole).then_some(prev)
}

fn remove_and_next(
    dom: &mut Dom,
    node: NodeId,
    root: NodeId,
    ctx: &Context,
    reason: &str,
) -> Option<NodeId> {
    ctx.dropped(node, reason);
    let next = dom.next_skipping_children(node, root);
    dom.detach(node);
    next
}

#[cfg(test)]
mod tests;
