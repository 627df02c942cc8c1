//! The clutter classifier: decides whether a block inside the chosen article
//! is clutter (an appeal, a sign-up form, a share row, a teaser card, an ad
//! label…) and of which [`ClutterKind`].
//!
//! The signals are generic, never tied to a site: structure (forms with an
//! e-mail input, share-intent links, link cards, lists of in-page links,
//! call-to-action buttons), the words of `class`/`id`/component attributes,
//! ARIA roles and labels, and short text cues in 25 languages (English,
//! German, French, Spanish, Italian, Portuguese, Dutch, Ukrainian, Russian,
//! Arabic, Persian, Hebrew, Chinese, Japanese, Korean, Hindi, Bengali,
//! Indonesian, Vietnamese, Thai, Turkish, Polish, Czech, Swedish,
//! Romanian), matched on text folded by [`crate::text::fold_cue_text`];
//! cues in Chinese, Japanese, Korean and Thai match without spaces around
//! them. Text cues only condemn short blocks: a long paragraph that
//! mentions "subscribe" is article text. All tables live in
//! [`crate::patterns`].
//!
//! [`mark`] runs on each attempt's container before Readability's cleaning
//! (in `refine`), while forms and buttons are still there to be seen, and
//! returns the clutter blocks as [`Marks`]; [`sweep`] takes the chosen
//! attempt's marks after the cleaning, removes those blocks, classifies what
//! is left, and reports every removal.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::context::Context;
use crate::dom::{Dom, NodeData, NodeId};
use crate::link::Url;
pub use crate::patterns::ClutterKind;
use crate::patterns::{self, is_one_of, is_subheading, ClutterWords};
use crate::query::{inner_text, inner_text_len};
use crate::text::{fold_cue_text, is_blank, is_unspaced_script, is_word_char, normalize_ws};

mod appeal;
mod author_lines;
mod bare_lines;
mod breadcrumb;
mod calendar;
mod controls;
mod credit;
mod fallback;
mod fingerprint;
mod follow;
mod head;
mod lines;
mod matchers;
mod note;
mod rules;
mod self_appeal;
mod signup;
mod summary;
mod tail;
mod tail_section;
mod teasers;
mod titles;

use appeal::*;
use author_lines::*;
use bare_lines::*;
use breadcrumb::*;
use calendar::*;
use controls::*;
use credit::*;
pub use fallback::sweep_lines;
use fingerprint::*;
use follow::*;
pub use head::take_head_byline;
use lines::*;
use matchers::*;
pub(crate) use note::is_story_note;
use rules::*;
use self_appeal::*;
use signup::*;
pub(crate) use summary::is_summary_box;
use tail::*;
use tail_section::*;
use teasers::*;
use titles::*;

/// A classifier decision: the kind and the signals that led to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// What the block is.
    pub kind: ClutterKind,
    /// Short names of the signals behind the decision (`"email-input"`,
    /// `"class-word"`, `"section-title"`…).
    pub signals: Vec<&'static str>,
}

impl Verdict {
    fn new(kind: ClutterKind, signals: &[&'static str]) -> Verdict {
        Verdict {
            kind,
            signals: signals.to_vec(),
        }
    }
}

/// One block the clutter pass removed, for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Removed {
    /// What it was.
    pub kind: ClutterKind,
    /// The signals behind the decision.
    pub signals: Vec<String>,
    /// The start of its text (at most 120 characters).
    pub text: String,
    /// A short human label for it (`"newsletter sign-up form"`), with
    /// [`crate::Options::removed_blocks`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// How many entries it held, for a list of two or more (links or list
    /// items), with [`crate::Options::removed_blocks`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<usize>,
    /// The block itself as sanitised HTML (the same allow-list as
    /// [`crate::Article::content`]), with [`crate::Options::removed_blocks`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub html: Option<String>,
    /// Where it was, with [`crate::Options::removed_blocks`]: its index in
    /// [`crate::Article::clutter`], which is also the value of the
    /// [`crate::MARKER_ATTR`] attribute of the empty `<span>` that stands in its
    /// place in [`crate::Article::content`]. `None` when it has no place
    /// there (it sat inside another removed block).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<usize>,
}

/// The attribute of the empty `<span>` that marks where a removed block was
/// in the article HTML, with [`crate::Options::removed_blocks`]. The
/// sanitiser writes it only on the core's own markers: never from the page.
pub const MARKER_ATTR: &str = "data-quire-removed";

/// How much of a removed block's text [`Removed`] keeps.
pub const REMOVED_TEXT_CHARS: usize = 120;

/// Blocks up to this many characters may be removed whatever the article's
/// length; longer ones only if they hold at most half of it.
const SMALL_BLOCK: usize = 120;
/// Longest text the classifier reads in full; longer blocks are judged on
/// structure and attributes only.
const TEXT_MAX: usize = 6000;
/// Longest label ("Advertisement", "4 min read", "Share").
const LABEL_MAX: usize = 40;
/// Longest call-to-action control text.
const CONTROL_MAX: usize = 40;
/// Longest block that a call-to-action alone condemns.
const CTA_BOX_MAX: usize = 250;
/// Longest appeal box (call to action plus appeal words).
const APPEAL_BOX_MAX: usize = 1200;
/// Longest block around an e-mail sign-up form.
const FORM_BOX_MAX: usize = 700;
/// Longest link card (teaser) text.
const CARD_MAX: usize = 600;
/// Longest first line that can be a section title.
const TITLE_MAX: usize = 80;
/// Longest share row.
const SHARE_ROW_MAX: usize = 300;
/// Longest table of contents.
const TOC_MAX: usize = 1500;
/// Longest affiliate-link notice.
const AFFILIATE_MAX: usize = 400;

/// What the rules know of the page beyond the block: the site's name,
/// which its own promotions name ("Die Harbour Ledger NEWS-App"), and the
/// byline's people, whom the author's furniture names ("Email Ann").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The site's name folded as the cue tables are
    /// ([`fold_cue_text`]), when it has at least [`SITE_NAME_MIN`]
    /// characters (a shorter one names too many things).
    site_name: Option<String>,
    /// The byline's people.
    authors: Vec<Author>,
    /// The page's address, which links to the site's other stories share
    /// the host of.
    base: Option<Url>,
}

/// One person of the page's byline, folded as the cue tables are.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Author {
    /// The full name ("ann lee").
    full: String,
    /// The first name, when it has at least
    /// [`patterns::AUTHOR_FIRST_NAME_MIN`] characters ("ruth").
    first: Option<String>,
}

/// Shortest site name that [`Page`] keeps.
const SITE_NAME_MIN: usize = 3;

impl Page {
    /// The page whose site is called `site_name` and whose byline names
    /// `authors` (from its metadata: [`crate::context::byline_names`]).
    pub fn new(site_name: Option<&str>, authors: &[String]) -> Page {
        let site_name = site_name
            .map(|s| fold_cue_text(normalize_ws(s)))
            .filter(|s| s.chars().count() >= SITE_NAME_MIN);
        let authors = authors
            .iter()
            .map(|a| {
                let full = fold_cue_text(normalize_ws(a));
                let first = full
                    .split(' ')
                    .next()
                    .filter(|f| f.chars().count() >= patterns::AUTHOR_FIRST_NAME_MIN && *f != full)
                    .map(str::to_string);
                Author { full, first }
            })
            .collect();
        Page {
            site_name,
            authors,
            base: None,
        }
    }

    /// Whether folded text `t` names the site, as whole words, with or
    /// without the name's leading article ("the courier" in "Become a
    /// Courier supporter").
    fn site_named_in(&self, t: &str) -> bool {
        let Some(site) = self.site_name.as_deref() else {
            return false;
        };
        let bare = site
            .strip_prefix("the ")
            .filter(|b| b.chars().count() >= SITE_NAME_MIN);
        [Some(site), bare].into_iter().flatten().any(|name| {
            t.match_indices(name)
                .any(|(i, m)| is_word_at(t, i, i + m.len()))
        })
    }

    /// The page of `ctx`: its site's name, its byline's authors and its
    /// address.
    pub fn of(ctx: &Context) -> Page {
        Page {
            base: ctx.base.clone(),
            ..Page::new(ctx.site_name.as_deref(), &ctx.authors)
        }
    }
}

/// Classifies one element, with the signals behind the decision, on a
/// page of which nothing else is known.
pub fn judge(dom: &Dom, node: NodeId) -> Option<Verdict> {
    if !dom.is_element(node)
        || dom
            .ancestors(node)
            .any(|a| is_one_of(dom.tag(a), NEVER_INSIDE))
    {
        return None;
    }
    judge_unnested(dom, node, &Page::default())
}

/// [`judge`] for an element with no [`NEVER_INSIDE`] ancestor: [`find`]
/// knows that from its walk, which skips such subtrees, so it does not walk
/// every node's ancestors (nodes × depth on deep pages).
fn judge_unnested(dom: &Dom, node: NodeId, page: &Page) -> Option<Verdict> {
    let tag = dom.tag(node);
    if tag == "table" {
        // A table is the article's, but for a calendar widget.
        return calendar(dom, node);
    }
    if is_never_clutter(tag) {
        // Emphasis is the text's, but for a picture's credit set in it
        // (`<em class="copyright">© Ann Lee</em>` after the caption): the
        // class first, as most emphasis has none.
        if matches!(tag, "em" | "i" | "strong" | "b") && has_credit_class(dom, node) {
            return caption_credit(&Block::new(dom, node));
        }
        return None;
    }
    let b = Block::new(dom, node);
    let inline = is_one_of(tag, patterns::PHRASING_ELEMS);
    if inline {
        if let Some(v) = caption_credit(&b) {
            return Some(v);
        }
    }
    if inline && is_inside_text(dom, node, b.len) {
        // A link or span inside a sentence: only unmistakable labels go,
        // and a `<time>` that holds a labelled date line ("Published:
        // 03.04.2020, 12:35"), which no sentence reads like.
        if tag == "time" && b.has_text() && is_date_line(b.text(), b.len) {
            return Some(Verdict::new(ClutterKind::Meta, &["date-line"]));
        }
        return inline_labels(&b).or_else(|| trailing_more_control(&b));
    }
    if is_subheading(tag) {
        // A heading is judged as a section title or a label, never by its
        // class: subheads of the article stay.
        return inline_labels(&b)
            .or_else(|| control_label(&b))
            .or_else(|| share_link_heading(&b))
            .or_else(|| titled_sibling(&b))
            .or_else(|| sentences(&b))
            .or_else(|| follow_line(&b, page));
    }
    if tag == "figure" {
        // A figure is the article's unless it is a teaser card or an ad.
        if b.is_label_in(patterns::AD_LABELS) {
            return Some(Verdict::new(ClutterKind::Ads, &["ad-label"]));
        }
        let links = b.links();
        return is_link_card(&b, &links)
            .then(|| Verdict::new(ClutterKind::Related, &["link-card"]));
    }
    structure(&b)
        .or_else(|| lone_share_link(&b))
        .or_else(|| labels(&b))
        .or_else(|| control_label(&b))
        // Class words name blocks; on a lone inline element they are styling.
        // A box titled as the story's summary stays whatever its class.
        .or_else(|| {
            if inline {
                None
            } else {
                attributes(&b).filter(|_| !is_summary_box(dom, node) && !is_story_note(dom, node))
            }
        })
        .or_else(|| section_title(&b))
        .or_else(|| {
            is_author_date_list(&b).then(|| Verdict::new(ClutterKind::Meta, &["author-date-list"]))
        })
        .or_else(|| call_to_action(&b))
        .or_else(|| sentences(&b))
        .or_else(|| opener_link_list(&b))
        .or_else(|| reader_appeal(&b, page))
        .or_else(|| self_appeal(&b))
        .or_else(|| subscriber_badge(&b))
        .or_else(|| app_promo(&b))
        .or_else(|| own_app_line(&b, page))
        .or_else(|| cancel_anytime_offer(&b))
        .or_else(|| price_offer(&b))
        .or_else(|| follow_line(&b, page))
        .or_else(|| tag_line(&b))
        .or_else(|| breadcrumb_line(&b))
        .or_else(|| breadcrumb_list(&b))
        .or_else(|| bare_title(&b).map(|k| Verdict::new(k, &["bare-title"])))
        .or_else(|| bare_line(&b))
        .or_else(|| author_pointer(&b, page))
        .or_else(|| lone_story_link(&b, page))
        .filter(|v| !(is_signup_kind(v.kind) && b.tag != "form" && holds_prose_beside_form(&b)))
}

/// What [`mark`] found under an article root, for [`sweep`]: the clutter
/// blocks by node, and every verdict by a fingerprint of what [`judge`]
/// reads. A key covers everything [`judge`] reads, so a verdict whose
/// element changed before the sweep is simply never found again.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    blocks: WordMap<NodeId, Verdict>,
    memo: WordMap<u64, Option<Verdict>>,
    /// Marked blocks that the cleaning between [`mark`] and [`sweep`]
    /// removed (recorded only when asked: [`Marks::removed_early`]).
    early: Vec<Swept>,
}

impl Marks {
    /// The kind [`mark`] found `node` to be, if it is a marked block.
    pub fn kind_of(&self, node: NodeId) -> Option<ClutterKind> {
        self.blocks.get(&node).map(|v| v.kind)
    }

    /// Records that marked block `node` is being removed by the cleaning
    /// (call it just before it is detached): [`sweep`] reports it first.
    pub fn removed_early(&mut self, dom: &Dom, node: NodeId) {
        if let Some(v) = self.blocks.get(&node) {
            self.early.push(Swept::at(dom, node, v));
        }
    }
}

/// One block [`sweep`] removed: the node (detached now, its subtree intact),
/// its kind and the signals behind the decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Swept {
    /// The removed element.
    pub node: NodeId,
    /// What it was.
    pub kind: ClutterKind,
    /// The signals behind the decision.
    pub signals: Vec<String>,
    /// Its parent when it was removed.
    pub parent: Option<NodeId>,
    /// Its previous sibling when it was removed.
    pub prev: Option<NodeId>,
    /// Its next sibling when it was removed.
    pub next: Option<NodeId>,
}

impl Swept {
    /// The record of marked block `node`, judged `v`, as it stands just
    /// before it is detached.
    fn at(dom: &Dom, node: NodeId, v: &Verdict) -> Self {
        Swept {
            node,
            kind: v.kind,
            signals: v.signals.iter().map(|s| s.to_string()).collect(),
            parent: dom.parent(node),
            prev: dom.prev_sibling(node),
            next: dom.next_sibling(node),
        }
    }
}

/// Finds the clutter blocks under `root` (not `root` itself) of `page` for
/// [`sweep`], outermost first, and returns them with their verdicts, in document
/// order. Blocks holding more than half of the article's text are never
/// taken, only looked into.
///
/// Every verdict is kept in the [`Marks`] for [`sweep`], which judges the
/// cleaned article again: whatever the cleaning in between did not touch,
/// it need not judge twice.
pub fn mark(dom: &Dom, root: NodeId, page: &Page) -> (Marks, Vec<(NodeId, Verdict)>) {
    let mut memo = WordMap::default();
    let found = find(dom, root, page, &mut memo, false, |_, _, _| true);
    let blocks = found.iter().cloned().collect();
    (
        Marks {
            blocks,
            memo,
            early: Vec::new(),
        },
        found,
    )
}

/// Removes the blocks [`mark`] found that are still under `root`, then
/// classifies and removes what is left, and strips anchor widgets from
/// headings. Blocks of a kind in `keep` stay (with everything inside
/// them). Calls `on_remove` for each removed block just before it is
/// detached, and returns them all in document order. An element whose
/// fingerprint is unchanged since [`mark`] is not judged again.
pub fn sweep(
    dom: &mut Dom,
    root: NodeId,
    marks: Marks,
    page: &Page,
    keep: &[ClutterKind],
    mut on_remove: impl FnMut(&Swept),
) -> Vec<Swept> {
    let Marks {
        blocks,
        mut memo,
        early,
    } = marks;
    for s in &early {
        on_remove(s);
    }
    let mut removed = early;
    let marked: Vec<NodeId> = dom
        .descendants(root)
        .skip(1)
        .filter(|n| blocks.contains_key(n))
        .collect();
    let mut remove = |dom: &mut Dom, node: NodeId, v: &Verdict| {
        if keep.contains(&v.kind) {
            return;
        }
        let swept = Swept::at(dom, node, v);
        on_remove(&swept);
        removed.push(swept);
        dom.detach(node);
    };
    for n in marked {
        if dom.is_inclusive_ancestor(root, n) {
            remove(dom, n, &blocks[&n]);
        }
    }
    for (n, v) in find(dom, root, page, &mut memo, true, |_, _, _| true) {
        remove(dom, n, &v);
    }
    if let Some((n, v)) = bare_heading(dom, root) {
        remove(dom, n, &v);
    }
    if let Some((nodes, v)) = tail_section(dom, root) {
        for n in nodes {
            remove(dom, n, &v);
        }
    }
    for (n, v) in author_bios(dom, root, page) {
        remove(dom, n, &v);
    }
    if !keep.contains(&ClutterKind::Meta) {
        removed.extend(cut_credit_tails(dom, root, &mut on_remove));
    }
    strip_heading_widgets(dom, root);
    removed
}

/// The record of a removed block: its kind, signals and the start of its
/// `text` (its plain text, whitespace-normalised).
pub fn removed(swept: Swept, text: &str) -> Removed {
    Removed {
        kind: swept.kind,
        signals: swept.signals,
        text: normalize_ws(text)
            .chars()
            .take(REMOVED_TEXT_CHARS)
            .collect(),
        label: None,
        items: None,
        html: None,
        at: None,
    }
}

/// How many entries removed block `node` held: its list items, else (for
/// a kind that is a list) its links; `None` below two.
pub fn item_count(dom: &Dom, node: NodeId, kind: ClutterKind) -> Option<usize> {
    let count = |tag: &str| {
        dom.descendants(node)
            .filter(|&n| dom.is_element(n) && dom.tag(n) == tag)
            .count()
    };
    let items = count("li");
    let items = if items < 2 && kind.is_list() {
        count("a")
    } else {
        items
    };
    (items >= 2).then_some(items)
}

/// The outermost clutter blocks under `root` of `page` that `take`
/// accepts: a block
/// judged clutter but refused by `take` is looked into like any other.
/// Every verdict is recorded in `memo` under its [`Fingerprints::key`];
/// with `reuse`, a verdict found there is taken instead of judging the
/// element again.
fn find(
    dom: &Dom,
    root: NodeId,
    page: &Page,
    memo: &mut WordMap<u64, Option<Verdict>>,
    reuse: bool,
    take: impl Fn(&Dom, NodeId, &Verdict) -> bool,
) -> Vec<(NodeId, Verdict)> {
    let mut out = Vec::new();
    if std::iter::once(root)
        .chain(dom.ancestors(root))
        .any(|a| is_one_of(dom.tag(a), NEVER_INSIDE))
    {
        // Everything below is code, a caption or a heading.
        return out;
    }
    let prints = Fingerprints::new(dom, root);
    if memo.is_empty() && prints.elements >= PRESIZE_MEMO_FROM {
        // Room for a verdict on every element at once: a growing table
        // holds its old and new buckets together for a moment.
        memo.reserve(prints.elements);
    }
    let root_len = inner_text_len(dom, root);
    let mut cur = dom.next_in_preorder(root, root);
    while let Some(n) = cur {
        if !dom.is_element(n) {
            cur = dom.next_in_preorder(n, root);
            continue;
        }
        let len = inner_text_len(dom, n);
        // A block too big to be taken is only looked into: no need to judge it.
        let taggable = len <= SMALL_BLOCK || len * 2 <= root_len;
        if taggable {
            let key = prints.key(dom, n);
            let verdict = match memo.get(&key) {
                Some(v) if reuse => {
                    debug_assert_eq!(*v, judge_unnested(dom, n, page), "stale verdict");
                    v.clone()
                }
                _ => {
                    let v = judge_unnested(dom, n, page);
                    memo.insert(key, v.clone());
                    v
                }
            };
            if let Some(v) = verdict.filter(|v| take(dom, n, v)) {
                out.push((n, v));
                cur = dom.next_skipping_children(n, root);
                continue;
            }
        }
        if dom.tag(n) == "figcaption" {
            // A caption is kept whole, but for the picture's credit.
            out.extend(caption_credits(dom, n));
        }
        // Nothing inside code, captions and headings is judged.
        cur = if is_one_of(dom.tag(n), NEVER_INSIDE) {
            dom.next_skipping_children(n, root)
        } else {
            dom.next_in_preorder(n, root)
        };
    }
    out
}

/// Elements under the root from which [`find`] makes its table of verdicts
/// big enough for all of them up front. The count is only an upper bound
/// (nothing inside a block found to be clutter is judged): presizing every
/// table cost the corpus's pages as much wasm memory as it saved (64–192
/// KiB more on five, 64 KiB less on four), while on the synthetic articles
/// of 1–8 MiB it saves 0.4–4.8 MiB.
const PRESIZE_MEMO_FROM: usize = 10_000;

#[cfg(test)]
mod tests;
