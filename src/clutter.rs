//! The clutter classifier: decides whether a block inside the chosen article
//! is clutter (an appeal, a sign-up form, a share row, a teaser card, an ad
//! label…) and of which [`ClutterKind`].
//!
//! The signals are generic, never tied to a site: structure (forms with an
//! e-mail input, share-intent links, link cards, lists of in-page links,
//! call-to-action buttons), the words of `class`/`id`/component attributes,
//! ARIA roles and labels, and short text cues in English, German, French,
//! Spanish, Italian, Portuguese, Dutch, Ukrainian and Russian. Text cues only
//! condemn short blocks: a long paragraph that mentions "subscribe" is
//! article text. All tables live in [`crate::patterns`].
//!
//! [`mark`] runs on the chosen container before Readability's cleaning, while
//! forms and buttons are still there to be seen, and tags clutter blocks;
//! [`sweep`] runs after it, removes the tagged blocks, classifies what is
//! left, and reports every removal.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::dom::{Dom, NodeData, NodeId};
pub use crate::patterns::ClutterKind;
use crate::patterns::{self, is_one_of, ClutterWords};
use crate::query::{inner_text, inner_text_len};
use crate::text::normalize_ws;

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
    /// The start of its text (at most [`REMOVED_TEXT_CHARS`] characters).
    pub text: String,
}

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

/// Classifies one element: `Some(kind)` when it is clutter.
pub fn classify(dom: &Dom, node: NodeId) -> Option<ClutterKind> {
    judge(dom, node).map(|v| v.kind)
}

/// Classifies one element, with the signals behind the decision.
pub fn judge(dom: &Dom, node: NodeId) -> Option<Verdict> {
    if !dom.is_element(node)
        || dom
            .ancestors(node)
            .any(|a| is_one_of(dom.tag(a), NEVER_INSIDE))
    {
        return None;
    }
    judge_unnested(dom, node)
}

/// [`judge`] for an element with no [`NEVER_INSIDE`] ancestor: [`find`]
/// knows that from its walk, which skips such subtrees, so it does not walk
/// every node's ancestors (nodes × depth on deep pages).
fn judge_unnested(dom: &Dom, node: NodeId) -> Option<Verdict> {
    let tag = dom.tag(node);
    if is_never_clutter(tag) {
        return None;
    }
    let b = Block::new(dom, node);
    let inline = is_one_of(tag, patterns::PHRASING_ELEMS);
    if inline && is_inside_text(dom, node, b.len) {
        // A link or span inside a sentence: only unmistakable labels go.
        return inline_labels(&b);
    }
    if is_heading(tag) {
        // A heading is judged as a section title or a label, never by its
        // class: subheads of the article stay.
        return inline_labels(&b)
            .or_else(|| titled_sibling(&b))
            .or_else(|| sentences(&b));
    }
    if tag == "figure" {
        // A figure is the article's unless it is a teaser card.
        let links = b.links();
        return is_link_card(&b, &links)
            .then(|| Verdict::new(ClutterKind::Related, &["link-card"]));
    }
    structure(&b)
        .or_else(|| labels(&b))
        // Class words name blocks; on a lone inline element they are styling.
        .or_else(|| if inline { None } else { attributes(&b) })
        .or_else(|| section_title(&b))
        .or_else(|| call_to_action(&b))
        .or_else(|| sentences(&b))
}

/// What [`mark`] found under an article root, for [`sweep`]: the clutter
/// blocks by node, and every verdict by a fingerprint of what [`judge`]
/// reads. A key covers everything [`judge`] reads, so a verdict whose
/// element changed before the sweep is simply never found again.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    blocks: HashMap<NodeId, Verdict>,
    memo: HashMap<u64, Option<Verdict>>,
}

impl Marks {
    /// The clutter blocks found, in no particular order.
    pub fn blocks(&self) -> impl Iterator<Item = (NodeId, &Verdict)> {
        self.blocks.iter().map(|(&n, v)| (n, v))
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
}

/// Finds the clutter blocks under `root` (not `root` itself) for [`sweep`],
/// outermost first, and returns them with their verdicts, in document
/// order. Blocks holding more than half of the article's text are never
/// taken, only looked into.
///
/// Every verdict is kept in the [`Marks`] for [`sweep`], which judges the
/// cleaned article again: whatever the cleaning in between did not touch,
/// it need not judge twice.
pub fn mark(dom: &Dom, root: NodeId) -> (Marks, Vec<(NodeId, Verdict)>) {
    let mut memo = HashMap::new();
    let found = find(dom, root, &mut memo, false);
    let blocks = found.iter().cloned().collect();
    (Marks { blocks, memo }, found)
}

/// Removes the blocks [`mark`] found that are still under `root`, then
/// classifies and removes what is left, and strips anchor widgets from
/// headings. Calls `on_remove` for each removed block just before it is
/// detached, and returns them all in document order. An element whose
/// fingerprint is unchanged since [`mark`] is not judged again.
pub fn sweep(
    dom: &mut Dom,
    root: NodeId,
    marks: Marks,
    mut on_remove: impl FnMut(&Swept),
) -> Vec<Swept> {
    let Marks { blocks, mut memo } = marks;
    let mut removed = Vec::new();
    let marked: Vec<NodeId> = dom
        .descendants(root)
        .skip(1)
        .filter(|n| blocks.contains_key(n))
        .collect();
    let mut remove = |dom: &mut Dom, node: NodeId, v: &Verdict| {
        let swept = Swept {
            node,
            kind: v.kind,
            signals: v.signals.iter().map(|s| s.to_string()).collect(),
        };
        on_remove(&swept);
        removed.push(swept);
        dom.detach(node);
    };
    for n in marked {
        if dom.is_inclusive_ancestor(root, n) {
            remove(dom, n, &blocks[&n]);
        }
    }
    for (n, v) in find(dom, root, &mut memo, true) {
        remove(dom, n, &v);
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
    }
}

/// The outermost clutter blocks under `root`. Every verdict is recorded in
/// `memo` under its [`Fingerprints::key`]; with `reuse`, a verdict found
/// there is taken instead of judging the element again.
fn find(
    dom: &Dom,
    root: NodeId,
    memo: &mut HashMap<u64, Option<Verdict>>,
    reuse: bool,
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
        // A block too big to be tagged is only looked into: no need to judge it.
        let taggable = len <= SMALL_BLOCK || len * 2 <= root_len;
        if taggable {
            let key = prints.key(dom, n);
            let verdict = match memo.get(&key) {
                Some(v) if reuse => {
                    debug_assert_eq!(*v, judge_unnested(dom, n), "stale verdict");
                    v.clone()
                }
                _ => {
                    let v = judge_unnested(dom, n);
                    memo.insert(key, v.clone());
                    v
                }
            };
            if let Some(v) = verdict {
                out.push((n, v));
                cur = dom.next_skipping_children(n, root);
                continue;
            }
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

/// Whether no rule reads attribute `name`: the presentational attributes
/// that Readability's cleaning strips between [`mark`] and [`sweep`], and
/// sizes. Leaving them out of [`Fingerprints`] keeps verdicts valid across
/// the stripping. Every other attribute counts.
fn is_unread_attr(name: &str) -> bool {
    patterns::PRESENTATIONAL_ATTRS.contains(&name) || name == "width" || name == "height"
}

/// Hashes of what [`judge`] reads about each node under a root, indexed by
/// node: its subtree (tags, attributes but the [`is_unread_attr`] ones,
/// text) and its ancestors (tags and attributes).
struct Fingerprints {
    subtree: Vec<u64>,
    above: Vec<u64>,
    /// How many elements the subtree holds, the root included.
    elements: usize,
}

impl Fingerprints {
    /// One pass down and one up over `root`'s subtree.
    fn new(dom: &Dom, root: NodeId) -> Fingerprints {
        let nodes: Vec<NodeId> = dom.descendants(root).collect();
        let mut own = vec![0; dom.len()];
        let mut elements = 0;
        for &n in &nodes {
            own[n.index()] = own_hash(dom, n);
            elements += usize::from(dom.is_element(n));
        }
        let mut above = vec![0; dom.len()];
        let mut h = WordHasher::default();
        for a in dom.ancestors(root) {
            h.write_u64(own_hash(dom, a));
        }
        above[root.index()] = h.finish();
        for &n in nodes.iter().skip(1) {
            if let Some(p) = dom.parent(n) {
                let mut h = WordHasher::default();
                h.write_u64(above[p.index()]);
                h.write_u64(own[p.index()]);
                above[n.index()] = h.finish();
            }
        }
        // In reverse pre-order every child comes before its parent.
        let mut subtree = own;
        for &n in nodes.iter().rev() {
            if dom.first_child(n).is_some() {
                let mut h = WordHasher::default();
                h.write_u64(subtree[n.index()]);
                for c in dom.children(n) {
                    h.write_u64(subtree[c.index()]);
                }
                subtree[n.index()] = h.finish();
            }
        }
        Fingerprints {
            subtree,
            above,
            elements,
        }
    }

    /// The key of element `node` (strictly under the root): its subtree and
    /// ancestors, plus the neighbours [`judge`] looks at — the parent's
    /// text length for a phrasing element ([`is_inside_text`]), the
    /// following block for a heading and the preceding heading for a list
    /// or section ([`titled_sibling`]).
    fn key(&self, dom: &Dom, node: NodeId) -> u64 {
        let mut h = WordHasher::default();
        h.write_u64(self.subtree[node.index()]);
        h.write_u64(self.above[node.index()]);
        let tag = dom.tag(node);
        if is_one_of(tag, patterns::PHRASING_ELEMS) {
            if let Some(p) = dom.parent(node).filter(|&p| dom.is_element(p)) {
                h.write_usize(inner_text_len(dom, p));
            }
        }
        let sibling = if is_heading(tag) {
            next_element(dom, node)
        } else if matches!(tag, "ul" | "ol" | "div" | "section" | "dl") {
            prev_element(dom, node)
        } else {
            None
        };
        if let Some(s) = sibling {
            h.write_u64(self.subtree[s.index()]);
        }
        h.finish()
    }
}

/// A fast 64-bit hasher for [`Fingerprints`]: each 8-byte word is mixed in
/// by SplitMix64's finaliser (two 64-bit multiplies and three shifts), which
/// spreads a one-bit change over the whole state. Only 64-bit operations,
/// which wasm has (a 64×64→128-bit multiply, as wyhash and foldhash fold, is
/// a library call there). Not for hash tables an attacker fills; a collision
/// here costs at most one verdict on the attacker's own page.
#[derive(Default)]
struct WordHasher(u64);

impl WordHasher {
    const K0: u64 = 0x243f_6a88_85a3_08d3;

    /// SplitMix64's finaliser: a bijection in which every input bit affects
    /// every output bit.
    fn mix(mut z: u64) -> u64 {
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            let mut buf = [0; 8];
            buf.copy_from_slice(w);
            self.write_u64(u64::from_le_bytes(buf));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut buf = [0; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.write_u64(u64::from_le_bytes(buf) ^ (rest.len() as u64) << 59);
        }
    }

    fn write_u64(&mut self, w: u64) {
        self.0 = Self::mix(self.0 ^ w ^ Self::K0);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash of one node on its own: an element's tag and attributes (but the
/// [`is_unread_attr`] ones), a text's characters.
fn own_hash(dom: &Dom, node: NodeId) -> u64 {
    let mut h = WordHasher::default();
    match &dom.node(node).data {
        NodeData::Element { attrs, .. } => {
            h.write_u8(1);
            dom.tag(node).hash(&mut h);
            for a in attrs {
                let name: &str = &a.name.local;
                if !is_unread_attr(name) {
                    name.hash(&mut h);
                    a.value[..].hash(&mut h);
                }
            }
        }
        NodeData::Text(t) => {
            h.write_u8(2);
            t[..].hash(&mut h);
        }
        NodeData::Document => h.write_u8(3),
        NodeData::Doctype => h.write_u8(4),
        NodeData::Comment => h.write_u8(5),
    }
    h.finish()
}

/// Drops permalink widgets ("#", "¶", "🔗" links and buttons) from
/// headings, keeping the heading.
fn strip_heading_widgets(dom: &mut Dom, root: NodeId) {
    let headings: Vec<NodeId> = dom
        .descendants(root)
        .filter(|&n| matches!(dom.tag(n), "h1" | "h2" | "h3" | "h4" | "h5" | "h6"))
        .collect();
    for h in headings {
        let widgets: Vec<NodeId> = dom
            .descendants(h)
            .skip(1)
            .filter(|&d| dom.is_element(d) && is_anchor_widget(dom, d))
            .collect();
        for w in widgets {
            if dom.is_inclusive_ancestor(h, w) {
                dom.detach(w);
            }
        }
    }
}

fn is_anchor_widget(dom: &Dom, node: NodeId) -> bool {
    let text = dom.text_content(node);
    if text.trim().chars().count() > 2 || text.chars().any(char::is_alphanumeric) {
        return false;
    }
    let in_page_link = dom.tag(node) == "a"
        && dom
            .attr(node, "href")
            .is_some_and(|h| h.trim_start().starts_with('#'));
    let words = descriptor_words(dom, node);
    in_page_link
        || ["anchor", "permalink", "headerlink", "hashlink"]
            .iter()
            .any(|w| words.iter().any(|x| x.starts_with(w)))
}

/// Ancestors whose content the classifier never judges: code, captions and
/// headings (their widgets go separately, see [`sweep`]).
const NEVER_INSIDE: &[&str] = &[
    "pre",
    "code",
    "figcaption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];

/// An inline element that shares its block with other text.
fn is_inside_text(dom: &Dom, node: NodeId, len: usize) -> bool {
    dom.parent(node)
        .filter(|&p| dom.is_element(p))
        .is_some_and(|p| inner_text_len(dom, p) > len + 2)
}

/// The label rules that are safe inside running text.
fn inline_labels(b: &Block) -> Option<Verdict> {
    if b.len == 0 || b.len > LABEL_MAX {
        return None;
    }
    if b.is_label_in(patterns::AD_LABELS) {
        return Some(Verdict::new(ClutterKind::Ads, &["ad-label"]));
    }
    if is_reading_time(b) {
        return Some(Verdict::new(ClutterKind::Meta, &["reading-time"]));
    }
    None
}

fn is_reading_time(b: &Block) -> bool {
    b.len <= 30
        && b.text().chars().any(|c| c.is_ascii_digit())
        && reading_time_cues().any_in(b.text())
}

fn is_never_clutter(tag: &str) -> bool {
    matches!(
        tag,
        "html"
            | "body"
            | "pre"
            | "code"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "h1"
            | "blockquote"
            | "img"
            | "picture"
            | "source"
            | "figcaption"
            | "br"
            | "hr"
            | "svg"
            | "math"
            | "video"
            | "sup"
            | "sub"
            | "em"
            | "i"
            | "strong"
            | "b"
    )
}

/// What the rules look at, computed once per element.
struct Block<'a> {
    dom: &'a Dom,
    node: NodeId,
    tag: &'a str,
    /// Length of the whitespace-normalised text.
    len: usize,
    /// Lowercased normalised text, empty when longer than [`TEXT_MAX`];
    /// built on first use (most rules only read `len`), see [`Block::text`].
    text: OnceCell<String>,
    /// [`descriptor_words`] of the element, built on first use.
    words: OnceCell<Vec<String>>,
    /// [`label_core`] of the text, built on first use.
    core: OnceCell<String>,
}

impl<'a> Block<'a> {
    fn new(dom: &'a Dom, node: NodeId) -> Block<'a> {
        Block {
            dom,
            node,
            tag: dom.tag(node),
            len: inner_text_len(dom, node),
            text: OnceCell::new(),
            words: OnceCell::new(),
            core: OnceCell::new(),
        }
    }

    /// [`descriptor_words`] of the element.
    fn words(&self) -> &[String] {
        self.words
            .get_or_init(|| descriptor_words(self.dom, self.node))
    }

    /// [`label_core`] of [`Block::text`].
    fn core(&self) -> &str {
        self.core.get_or_init(|| label_core(self.text()))
    }

    /// Whether [`Block::core`] is one of `table`'s labels.
    fn is_label_in(&self, table: &[&str]) -> bool {
        table.contains(&self.core())
    }

    /// Whether [`Block::text`] is not empty.
    fn has_text(&self) -> bool {
        self.len > 0 && self.len <= TEXT_MAX
    }

    /// Lowercased normalised text, empty when longer than [`TEXT_MAX`].
    fn text(&self) -> &str {
        self.text.get_or_init(|| {
            if self.len <= TEXT_MAX {
                lowercase(inner_text(self.dom, self.node))
            } else {
                String::new()
            }
        })
    }

    fn descendants(&self) -> impl Iterator<Item = NodeId> + 'a {
        let dom = self.dom;
        dom.descendants(self.node)
            .filter(move |&d| dom.is_element(d))
    }

    fn links(&self) -> Vec<NodeId> {
        let dom = self.dom;
        self.descendants()
            .filter(|&d| dom.tag(d) == "a" && dom.has_attr(d, "href"))
            .collect()
    }

    /// Share of the text inside links (all links count fully).
    fn link_density(&self) -> f64 {
        if self.len == 0 {
            return 0.0;
        }
        let dom = self.dom;
        let mut in_links = 0;
        let mut cur = Some(self.node);
        while let Some(n) = cur {
            if n != self.node && dom.tag(n) == "a" {
                in_links += inner_text_len(dom, n);
                cur = dom.next_skipping_children(n, self.node);
            } else {
                cur = dom.next_in_preorder(n, self.node);
            }
        }
        in_links as f64 / self.len as f64
    }

    /// Three or more paragraphs of running text.
    fn is_article_like(&self) -> bool {
        let dom = self.dom;
        self.descendants()
            .filter(|&d| dom.tag(d) == "p")
            .filter(|&p| {
                let b = Block::new(dom, p);
                b.len >= 150 && b.link_density() < 0.3
            })
            .take(3)
            .count()
            >= 3
    }

    fn has(&self, tags: &[&str]) -> bool {
        self.descendants().any(|d| tags.contains(&self.dom.tag(d)))
    }
}

/// Rules on structure: forms, share links, in-page link lists, link cards.
fn structure(b: &Block) -> Option<Verdict> {
    let dom = b.dom;
    if (b.tag == "form" || b.len <= FORM_BOX_MAX) && has_email_input(b) {
        return Some(Verdict::new(ClutterKind::NewsletterForm, &["email-input"]));
    }
    if b.tag == "form" {
        if b.has(&["textarea"]) {
            return Some(Verdict::new(ClutterKind::Comments, &["comment-form"]));
        }
        let search = dom.attr(b.node, "role") == Some("search")
            || b.descendants().any(|d| {
                dom.tag(d) == "input"
                    && dom
                        .attr(d, "type")
                        .is_some_and(|t| t.eq_ignore_ascii_case("search"))
            });
        if search {
            return Some(Verdict::new(ClutterKind::Nav, &["search-form"]));
        }
    }
    // Share rows, tables of contents and link cards are short: a longer
    // block does not need its links collected.
    if b.len <= TOC_MAX {
        let links = b.links();
        if b.len <= SHARE_ROW_MAX {
            let share = links
                .iter()
                .filter(|&&a| share_url_cues().any_in(dom.attr(a, "href").unwrap_or("")))
                .count();
            if share >= 1 && b.link_density() >= 0.5 || (share >= 2 && b.len <= 60) {
                return Some(Verdict::new(ClutterKind::Share, &["share-links"]));
            }
        }
        let mut in_page = 0;
        // Entries of a table of contents are words, not footnote marks.
        let mut entries = 0;
        for &a in &links {
            let h = dom.attr(a, "href").unwrap_or("").trim();
            if h.starts_with('#') && h.len() > 1 {
                in_page += 1;
                if inner_text_len(dom, a) >= 3 {
                    entries += 1;
                }
            }
        }
        if entries >= 3 && in_page * 5 >= links.len() * 4 && b.link_density() >= 0.6 {
            return Some(Verdict::new(ClutterKind::Toc, &["in-page-links"]));
        }
        if is_link_card(b, &links) {
            return Some(Verdict::new(ClutterKind::Related, &["link-card"]));
        }
    }
    // The cheap tests on the block itself come first: `has` walks the
    // subtree and `in_gallery` every ancestor, which costs nodes × depth on
    // deep pages.
    let control_word = b
        .words()
        .iter()
        .any(|w| patterns::GALLERY_CONTROL_WORDS.contains(&w.as_str()));
    let label = b.len <= LABEL_MAX
        && (is_counter(b.text()) || b.is_label_in(patterns::GALLERY_CONTROL_LABELS));
    if (control_word || label) && !b.has(&["img", "picture", "figure"]) && in_gallery(dom, b.node) {
        return Some(Verdict::new(
            ClutterKind::GalleryControls,
            &["gallery-control"],
        ));
    }
    None
}

/// A teaser: one link holding nearly all the block's text and a block-level
/// inside (headline, description, thumbnail).
fn is_link_card(b: &Block, links: &[NodeId]) -> bool {
    if !matches!(
        b.tag,
        "figure" | "div" | "aside" | "section" | "article" | "li" | "p"
    ) || b.len < 20
        || b.len > CARD_MAX
    {
        return false;
    }
    let dom = b.dom;
    let Some((link, link_len)) = links
        .iter()
        .filter(|&&a| !dom.attr(a, "href").unwrap_or("").trim().starts_with('#'))
        .map(|&a| (a, inner_text_len(dom, a)))
        .max_by_key(|&(_, l)| l)
    else {
        return false;
    };
    link_len * 10 >= b.len * 9
        && dom.descendants(link).skip(1).any(|d| {
            matches!(
                dom.tag(d),
                "div" | "p" | "h2" | "h3" | "h4" | "h5" | "h6" | "figure" | "ul"
            )
        })
}

fn has_email_input(b: &Block) -> bool {
    let dom = b.dom;
    b.descendants().any(|d| {
        dom.tag(d) == "input"
            && (dom
                .attr(d, "type")
                .is_some_and(|t| t.eq_ignore_ascii_case("email"))
                || ["name", "id", "autocomplete"].iter().any(|a| {
                    dom.attr(d, a).is_some_and(|v| {
                        let v = v.to_ascii_lowercase();
                        v == "email" || v == "e-mail" || v == "mail"
                    })
                })
                || ["placeholder", "aria-label"].iter().any(|a| {
                    dom.attr(d, a).is_some_and(|v| {
                        let v = v.to_lowercase();
                        patterns::EMAIL_FIELD_CUES.iter().any(|c| v.contains(c))
                    })
                }))
    })
}

fn in_gallery(dom: &Dom, node: NodeId) -> bool {
    std::iter::once(node)
        .chain(dom.ancestors(node))
        .take_while(|&a| dom.is_element(a))
        .any(|a| {
            dom.attr(a, "aria-roledescription")
                .is_some_and(|r| r.to_ascii_lowercase().contains("carousel"))
                || descriptor_words(dom, a)
                    .iter()
                    .any(|w| patterns::GALLERY_WORDS.contains(&w.as_str()))
        })
}

/// "3 / 12", "3 of 12", "3 von 12"…
fn is_counter(text: &str) -> bool {
    let mut parts: Vec<&str> = text.split_whitespace().collect();
    if parts.len() > 1 && patterns::GALLERY_ITEM_WORDS.contains(&parts[0].trim_end_matches(':')) {
        parts.remove(0);
    }
    let num = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    match parts.as_slice() {
        [a] => a.split_once('/').is_some_and(|(x, y)| num(x) && num(y)),
        [a, sep, c] => {
            num(a)
                && num(c)
                && matches!(
                    *sep,
                    "/" | "of" | "von" | "sur" | "de" | "di" | "van" | "з" | "із" | "из"
                )
        }
        _ => false,
    }
}

/// `s` lowercased (`str::to_lowercase`), in place when it is ASCII.
fn lowercase(mut s: String) -> String {
    if s.is_ascii() {
        s.make_ascii_lowercase();
        s
    } else {
        s.to_lowercase()
    }
}

/// The text with edge punctuation and counts trimmed: "Comments (23)" →
/// "comments", "Advertisement:" → "advertisement".
fn label_core(text: &str) -> String {
    let t: String = text
        .chars()
        .filter(|c| !c.is_ascii_digit())
        .collect::<String>()
        .replace("()", "");
    let t = t.trim_matches(|c: char| !c.is_alphanumeric());
    normalize_ws(t)
}

/// A table of lowercase cues indexed by their first two bytes, so that
/// finding which cues occur in a text takes one scan of the text instead of
/// one substring search (and searcher set-up) per cue.
struct Cues {
    cues: Vec<&'static [u8]>,
    /// Indices into `cues`, grouped by [`Cues::bucket`], ascending in each
    /// group.
    order: Vec<u16>,
    /// Per bucket `k`, its group is `order[starts[k]..starts[k + 1]]`.
    starts: Vec<u16>,
    /// Whether the text's ASCII letters may be of either case.
    ascii_case_insensitive: bool,
}

impl Cues {
    /// Buckets of the first-two-bytes index.
    const BUCKETS: usize = 1024;

    fn new(cues: impl IntoIterator<Item = &'static str>, ascii_case_insensitive: bool) -> Cues {
        let cues: Vec<&'static [u8]> = cues.into_iter().map(str::as_bytes).collect();
        assert!(
            cues.iter().all(|c| c.len() >= 2) && cues.len() < usize::from(u16::MAX),
            "cue tables hold fewer than 65535 cues of two bytes or more"
        );
        let bucket = |c: &[u8]| Cues::bucket(c[0], c[1]);
        let mut order: Vec<u16> = (0..cues.len() as u16).collect();
        order.sort_by_key(|&i| (bucket(cues[usize::from(i)]), i));
        let mut starts = vec![0u16; Cues::BUCKETS + 1];
        for &i in &order {
            starts[bucket(cues[usize::from(i)]) + 1] += 1;
        }
        for k in 0..Cues::BUCKETS {
            starts[k + 1] += starts[k];
        }
        Cues {
            cues,
            order,
            starts,
            ascii_case_insensitive,
        }
    }

    /// The bucket of a cue starting with bytes `a`, `b`: distinct for every
    /// pair of lowercase ASCII letters.
    fn bucket(a: u8, b: u8) -> usize {
        ((usize::from(a) << 5) ^ usize::from(b)) & (Cues::BUCKETS - 1)
    }

    /// The lowest index of a cue that occurs in `text` (as whole words when
    /// `whole_words`).
    fn first_in(&self, text: &str, whole_words: bool) -> Option<usize> {
        let bytes = text.as_bytes();
        let mut best = usize::MAX;
        let fold = |b: u8| {
            if self.ascii_case_insensitive {
                b.to_ascii_lowercase()
            } else {
                b
            }
        };
        for (i, pair) in bytes.windows(2).enumerate() {
            let k = Cues::bucket(fold(pair[0]), fold(pair[1]));
            let group = &self.order[usize::from(self.starts[k])..usize::from(self.starts[k + 1])];
            for &ci in group {
                let ci = usize::from(ci);
                if ci >= best {
                    break;
                }
                let cue = self.cues[ci];
                let Some(here) = bytes.get(i..i + cue.len()) else {
                    continue;
                };
                let hit = if self.ascii_case_insensitive {
                    here.eq_ignore_ascii_case(cue)
                } else {
                    here == cue
                };
                // A cue's first byte starts a character, so `i` is on a
                // character boundary, and so is `i + cue.len()`.
                if hit && (!whole_words || is_word_at(text, i, i + cue.len())) {
                    best = ci;
                    break;
                }
            }
            if best == 0 {
                break;
            }
        }
        (best != usize::MAX).then_some(best)
    }

    /// Whether any cue occurs in `text`.
    fn any_in(&self, text: &str) -> bool {
        self.first_in(text, false).is_some()
    }
}

/// Whether `text[start..end]` is whole words: no letter or digit touches it.
fn is_word_at(text: &str, start: usize, end: usize) -> bool {
    text[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
        && text[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
}

/// The [`Cues`] of a plain table, built on first use.
fn cues_of(cell: &'static OnceLock<Cues>, table: &'static [&'static str]) -> &'static Cues {
    cell.get_or_init(|| Cues::new(table.iter().copied(), false))
}

/// The [`Cues`] of a table of cues and kinds, built on first use.
fn kinded_cues_of(
    cell: &'static OnceLock<Cues>,
    table: &'static [(&'static str, ClutterKind)],
) -> &'static Cues {
    cell.get_or_init(|| Cues::new(table.iter().map(|&(c, _)| c), false))
}

macro_rules! cue_tables {
    ($($name:ident: $table:path, $of:ident;)*) => {$(
        #[doc = concat!("The [`Cues`] of [`", stringify!($table), "`].")]
        fn $name() -> &'static Cues {
            static CELL: OnceLock<Cues> = OnceLock::new();
            $of(&CELL, $table)
        }
    )*};
}

cue_tables! {
    reading_time_cues: patterns::READING_TIME_CUES, cues_of;
    appeal_cues: patterns::APPEAL_CUES, cues_of;
    helpful_cues: patterns::HELPFUL_CUES, cues_of;
    affiliate_cues: patterns::AFFILIATE_CUES, cues_of;
    commission_cues: patterns::COMMISSION_CUES, cues_of;
    purchase_cues: patterns::PURCHASE_CUES, cues_of;
    sentence_cues: patterns::SENTENCE_CUES, kinded_cues_of;
    cta_cues: patterns::CTA_LABELS, kinded_cues_of;
}

/// [`patterns::SHARE_URLS`], matched in any ASCII case.
fn share_url_cues() -> &'static Cues {
    static CELL: OnceLock<Cues> = OnceLock::new();
    CELL.get_or_init(|| Cues::new(patterns::SHARE_URLS.iter().copied(), true))
}

/// `cue` occurs in `text` as whole words ("jetzt unterstützen" holds
/// "unterstützen"): what [`Cues::first_in`] finds with `whole_words`, one
/// cue at a time, kept to test it against.
#[cfg(test)]
fn contains_words(text: &str, cue: &str) -> bool {
    // Labels are short: a plain scan for the cue's first byte beats setting
    // up `str::match_indices`' searcher for every cue.
    let Some(&first) = cue.as_bytes().first() else {
        return false;
    };
    if cue.len() > text.len() {
        return false;
    }
    let bytes = text.as_bytes();
    (0..=text.len() - cue.len()).any(|i| {
        bytes[i] == first && bytes[i..].starts_with(cue.as_bytes()) && text.is_char_boundary(i) && {
            let before = text[..i].chars().next_back();
            let after = text[i + cue.len()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        }
    })
}

fn starts_with_word(text: &str, cue: &str) -> bool {
    text.strip_prefix(cue)
        .is_some_and(|rest| rest.chars().next().is_none_or(|c| !c.is_alphanumeric()))
}

/// Rules on short labels: ad labels, reading time, skip links, edit links,
/// share and comment labels.
fn labels(b: &Block) -> Option<Verdict> {
    if b.len == 0 || b.len > LABEL_MAX {
        return None;
    }
    if b.is_label_in(patterns::AD_LABELS) {
        return Some(Verdict::new(ClutterKind::Ads, &["ad-label"]));
    }
    if is_reading_time(b) {
        return Some(Verdict::new(ClutterKind::Meta, &["reading-time"]));
    }
    if b.is_label_in(patterns::NAV_LABELS) {
        return Some(Verdict::new(ClutterKind::Nav, &["skip-link"]));
    }
    let control = matches!(b.tag, "a" | "button") || b.has(&["a", "button"]);
    if control && b.is_label_in(patterns::ADMIN_LABELS) {
        return Some(Verdict::new(ClutterKind::Admin, &["edit-link"]));
    }
    let core = b.core();
    if patterns::SHARE_LABELS
        .iter()
        .any(|l| core == *l || (core.len() <= 30 && starts_with_word(core, l)))
    {
        return Some(Verdict::new(ClutterKind::Share, &["share-label"]));
    }
    if patterns::LIVE_LABELS.contains(&core) {
        return Some(Verdict::new(ClutterKind::LiveControls, &["live-label"]));
    }
    if patterns::COMMENT_LABELS.contains(&core) {
        return Some(Verdict::new(ClutterKind::Comments, &["comment-label"]));
    }
    if patterns::GALLERY_CONTROL_LABELS
        .iter()
        .any(|l| l.contains(' ') && core == *l)
    {
        return Some(Verdict::new(
            ClutterKind::GalleryControls,
            &["gallery-label"],
        ));
    }
    if control {
        if let Some(kind) = cta_kind(core) {
            return Some(Verdict::new(kind, &["cta-label"]));
        }
    }
    None
}

/// The words of an element's class, id and component attributes, lowercased
/// and split at punctuation and camelCase humps.
pub fn descriptor_words(dom: &Dom, node: NodeId) -> Vec<String> {
    let mut out = Vec::new();
    for attr in patterns::DESCRIPTOR_ATTRS {
        if let Some(v) = dom.attr(node, attr) {
            split_words(v, &mut out);
        }
    }
    out
}

fn split_words(s: &str, out: &mut Vec<String>) {
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if c.is_uppercase() && prev_lower && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = c.is_lowercase() || c.is_ascii_digit();
            cur.extend(c.to_lowercase());
        } else {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
}

/// A table of class/id words ([`ClutterWords`]) indexed by each entry's
/// first word, so that matching looks at the few entries a word can start
/// rather than at every entry at every word.
struct WordTable {
    table: ClutterWords,
    /// Per entry, its words (a trailing `*` marks a stem).
    entries: Vec<Vec<&'static str>>,
    /// Entries whose first word is a whole word, by that word.
    exact: HashMap<&'static str, Vec<usize>>,
    /// Entries whose first word is a stem, with the stem.
    stems: Vec<(&'static str, usize)>,
}

impl WordTable {
    fn new(table: ClutterWords) -> WordTable {
        let entries: Vec<Vec<&'static str>> = table
            .iter()
            .map(|&(entry, _)| entry.split(' ').collect())
            .collect();
        let mut exact: HashMap<&'static str, Vec<usize>> = HashMap::new();
        let mut stems = Vec::new();
        for (i, words) in entries.iter().enumerate() {
            match words[0].strip_suffix('*') {
                Some(stem) => stems.push((stem, i)),
                None => exact.entry(words[0]).or_default().push(i),
            }
        }
        WordTable {
            table,
            entries,
            exact,
            stems,
        }
    }

    /// The kind of the first entry (in table order) found in `words`.
    fn first_match(&self, words: &[String]) -> Option<ClutterKind> {
        let mut best = usize::MAX;
        for (i, w) in words.iter().enumerate() {
            let exact = self.exact.get(w.as_str()).into_iter().flatten().copied();
            let stems = self
                .stems
                .iter()
                .filter(|(stem, _)| w.starts_with(stem))
                .map(|&(_, e)| e);
            for e in exact.chain(stems) {
                if e < best && entry_at(&self.entries[e], words, i) {
                    best = e;
                }
            }
        }
        self.table.get(best).map(|&(_, kind)| kind)
    }
}

/// Whether the words of a [`ClutterWords`] entry follow each other in
/// `words` from `at` on.
fn entry_at(entry: &[&str], words: &[String], at: usize) -> bool {
    entry.iter().enumerate().all(|(k, p)| {
        words
            .get(at + k)
            .is_some_and(|w| match p.strip_suffix('*') {
                Some(stem) => w.starts_with(stem),
                None => w == p,
            })
    })
}

/// [`patterns::CLUTTER_WORDS`] as a [`WordTable`].
fn clutter_words() -> &'static WordTable {
    static CELL: OnceLock<WordTable> = OnceLock::new();
    CELL.get_or_init(|| WordTable::new(patterns::CLUTTER_WORDS))
}

/// Rules on attributes: class/id words, ARIA roles and labels.
fn attributes(b: &Block) -> Option<Verdict> {
    let dom = b.dom;
    let role = dom.attr(b.node, "role").unwrap_or("").to_ascii_lowercase();
    let by_role = match role.as_str() {
        "navigation" | "menu" | "menubar" | "banner" | "search" => Some(ClutterKind::Nav),
        "contentinfo" => Some(ClutterKind::Footer),
        "dialog" | "alertdialog" => Some(ClutterKind::Popup),
        "complementary" => Some(ClutterKind::Sidebar),
        "toolbar" => Some(ClutterKind::Share),
        _ => None,
    };
    if let Some(kind) = by_role.filter(|&k| fits(b, k)) {
        return Some(Verdict::new(kind, &["role"]));
    }
    if let Some(kind) = clutter_words()
        .first_match(b.words())
        .filter(|&k| fits(b, k))
    {
        return Some(Verdict::new(kind, &["class-word"]));
    }
    if let Some(label) = dom.attr(b.node, "aria-label").filter(|l| l.len() <= 60) {
        let mut lw = Vec::new();
        split_words(label, &mut lw);
        if let Some(kind) = clutter_words().first_match(&lw).filter(|&k| fits(b, k)) {
            return Some(Verdict::new(kind, &["aria-label"]));
        }
    }
    None
}

/// Whether a block named as `kind` by its attributes or title is shaped
/// like that kind (menus are link lists, share rows are short…). Running
/// article text never fits, except as comments.
fn fits(b: &Block, kind: ClutterKind) -> bool {
    use ClutterKind as K;
    if kind != K::Comments && b.is_article_like() {
        return false;
    }
    match kind {
        K::Nav | K::Sidebar | K::Breadcrumbs | K::MostRead => {
            b.len <= SMALL_BLOCK || b.link_density() >= 0.5
        }
        K::Related | K::Recommended | K::Tags | K::Toc => {
            b.len <= SMALL_BLOCK || b.link_density() >= 0.3
        }
        K::Share | K::Meta | K::Admin | K::GalleryControls | K::LiveControls => b.len <= 300,
        K::Ads => b.len <= 1000,
        K::NewsletterForm | K::AudioPlayer | K::AffiliateDisclosure | K::Feedback => b.len <= 1000,
        K::Bio | K::AuthorContact | K::AppBanner | K::Cookie => b.len <= 1500,
        // A sticky player or lead video is the article's.
        K::StickyFooter => !b.has(&["video", "iframe", "picture", "img"]),
        _ => true,
    }
}

/// The block's first line, when it is short and starts the block: a
/// heading or title label.
fn first_line(b: &Block) -> Option<String> {
    let dom = b.dom;
    for d in b.descendants().skip(1) {
        let len = inner_text_len(dom, d);
        if len == 0 {
            continue;
        }
        let has_block_child = dom.element_children(d).any(|c| {
            matches!(
                dom.tag(c),
                "div" | "p" | "ul" | "ol" | "section" | "h2" | "h3" | "h4" | "h5" | "h6"
            )
        });
        if has_block_child {
            continue;
        }
        if len > TITLE_MAX {
            return None;
        }
        let line = normalize_ws(&dom.text_content(d)).to_lowercase();
        return b.text().starts_with(&line).then_some(line);
    }
    None
}

/// Rule on section titles: "Related stories", "Most read", "In this
/// article", "Comments (12)"…
fn section_title(b: &Block) -> Option<Verdict> {
    if let Some(v) = titled_sibling(b) {
        return Some(v);
    }
    if !matches!(
        b.tag,
        "div" | "section" | "aside" | "nav" | "header" | "footer" | "ul" | "ol" | "dl" | "form"
    ) || !b.has_text()
    {
        return None;
    }
    let title = first_line(b)?;
    let kind = title_kind(&title)?;
    if kind == ClutterKind::Comments && b.is_article_like() && !b.has(&["form", "textarea"]) {
        // A "Comments" section of running prose without a comment form is
        // more likely the article's own.
        return None;
    }
    let fits = match kind {
        ClutterKind::NewsletterForm => b.len <= FORM_BOX_MAX,
        ClutterKind::Bio => b.len <= 1500,
        _ => true,
    };
    (fits && self::fits(b, kind)).then(|| Verdict::new(kind, &["section-title"]))
}

/// The clutter kind a section title names, if any.
fn title_kind(title: &str) -> Option<ClutterKind> {
    let words = title.split_whitespace().count();
    patterns::SECTION_TITLES.iter().find_map(|&(cue, kind)| {
        let rest = title.strip_prefix(cue)?;
        let ok = if kind == ClutterKind::Comments {
            !rest.chars().any(char::is_alphabetic)
        } else {
            rest.chars().next().is_none_or(|c| !c.is_alphanumeric()) && words <= 5
        };
        ok.then_some(kind)
    })
}

fn is_heading(tag: &str) -> bool {
    matches!(tag, "h2" | "h3" | "h4" | "h5" | "h6")
}

fn next_element(dom: &Dom, node: NodeId) -> Option<NodeId> {
    let mut n = dom.next_sibling(node);
    while let Some(x) = n {
        if dom.is_element(x) {
            return Some(x);
        }
        n = dom.next_sibling(x);
    }
    None
}

fn prev_element(dom: &Dom, node: NodeId) -> Option<NodeId> {
    let mut n = dom.prev_sibling(node);
    while let Some(x) = n {
        if dom.is_element(x) {
            return Some(x);
        }
        n = dom.prev_sibling(x);
    }
    None
}

/// A section title standing as a bare heading, with its list as the next
/// sibling rather than inside a shared wrapper: the heading goes when the
/// list is link-dense or gone, and so does the list.
fn titled_sibling(b: &Block) -> Option<Verdict> {
    let dom = b.dom;
    if is_heading(b.tag) {
        if b.len > TITLE_MAX {
            return None;
        }
        let kind = title_kind(b.text())?;
        let follows = next_element(dom, b.node);
        let ok = follows.is_none_or(|n| {
            let f = Block::new(dom, n);
            f.len <= 1500 && f.link_density() >= 0.5 && fits(&f, kind)
        });
        return ok.then(|| Verdict::new(kind, &["section-title"]));
    }
    if !matches!(b.tag, "ul" | "ol" | "div" | "section" | "dl") || b.len > 1500 {
        return None;
    }
    let heading = prev_element(dom, b.node).filter(|&h| is_heading(dom.tag(h)))?;
    let h = Block::new(dom, heading);
    if h.len > TITLE_MAX {
        return None;
    }
    let kind = title_kind(h.text())?;
    (b.link_density() >= 0.5 && fits(b, kind)).then(|| Verdict::new(kind, &["section-title"]))
}

/// The kind of a call-to-action control text ("Subscribe", "Support us
/// monthly", "Become a member").
fn cta_kind(text: &str) -> Option<ClutterKind> {
    if text.split_whitespace().count() > 4 {
        return None;
    }
    cta_cues()
        .first_in(text, true)
        .map(|i| patterns::CTA_LABELS[i].1)
}

/// Rule on call-to-action boxes: a short block with a subscribe / donate /
/// join / get-the-app button, or a longer appeal that also speaks of
/// members, support or subscriptions.
fn call_to_action(b: &Block) -> Option<Verdict> {
    if b.len > APPEAL_BOX_MAX || !b.has_text() {
        return None;
    }
    let dom = b.dom;
    let mut control_len = 0;
    let mut kind = None;
    for d in b.descendants() {
        let tag = dom.tag(d);
        let text = match tag {
            // Lowercasing never shortens a text: longer ones can be skipped
            // before their text is built.
            "a" | "button" if inner_text_len(dom, d) > CONTROL_MAX => continue,
            "a" | "button" => lowercase(inner_text(dom, d)),
            "input"
                if dom
                    .attr(d, "type")
                    .is_some_and(|t| matches!(t, "submit" | "button")) =>
            {
                dom.attr(d, "value").unwrap_or("").to_lowercase()
            }
            _ => continue,
        };
        if text.is_empty() || text.chars().count() > CONTROL_MAX {
            continue;
        }
        if let Some(k) = cta_kind(label_core(&text).as_str()) {
            kind.get_or_insert(k);
            control_len += text.chars().count();
        }
    }
    let kind = kind?;
    if b.tag == "p" && control_len * 2 < b.len {
        // A call to action inside a sentence is the sentence's business.
        return None;
    }
    if b.len <= CTA_BOX_MAX {
        return Some(Verdict::new(kind, &["cta"]));
    }
    let appeal = appeal_cues().any_in(b.text());
    (appeal && !b.is_article_like()).then(|| Verdict::new(kind, &["cta", "appeal-text"]))
}

/// Rules on short sentences only clutter says.
fn sentences(b: &Block) -> Option<Verdict> {
    // Every rule below reads at most 400 characters.
    if !b.has_text() || b.len > AFFILIATE_MAX {
        return None;
    }
    let t = b.text();
    if b.len <= patterns::CUE_TEXT_MAX {
        if let Some(kind) = sentence_cues()
            .first_in(t, false)
            .map(|i| patterns::SENTENCE_CUES[i].1)
        {
            return Some(Verdict::new(kind, &["text-cue"]));
        }
        let question =
            |q: &str| q.chars().count() <= 60 && q.ends_with('?') && helpful_cues().any_in(q);
        if b.len <= 100 && (question(t) || first_line(b).is_some_and(|l| question(&l))) {
            return Some(Verdict::new(ClutterKind::Feedback, &["helpful-question"]));
        }
    }
    if b.len <= 300 && is_read_more_line(b) {
        return Some(Verdict::new(
            ClutterKind::ReadMoreLinks,
            &["read-more-line"],
        ));
    }
    if b.len <= AFFILIATE_MAX {
        let affiliate = affiliate_cues().any_in(t)
            || (commission_cues().any_in(t) && purchase_cues().any_in(t));
        if affiliate {
            return Some(Verdict::new(
                ClutterKind::AffiliateDisclosure,
                &["affiliate-text"],
            ));
        }
    }
    None
}

/// "Read more: <link>", "[Related: <link>]": a line opener followed by
/// punctuation and a link, or a line that is nearly all link.
fn is_read_more_line(b: &Block) -> bool {
    let t = b.text().trim_start_matches(['[', '(', '»', '›', '>', ' ']);
    let Some(rest) = patterns::READ_MORE_PREFIXES
        .iter()
        .find_map(|p| t.strip_prefix(p))
    else {
        return false;
    };
    let density = b.link_density();
    let punct = rest
        .trim_start()
        .starts_with([':', '-', '–', '—', '»', '›', '|', '>'])
        || rest.is_empty();
    (punct && density >= 0.3) || density >= 0.8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::Limits;
    use ClutterKind as K;

    /// Fingerprint keys stand in for what they hash, so near-identical inputs
    /// must not collide: every short text over a small alphabet (empty to
    /// six bytes, so one word and a padded remainder), the same texts as
    /// word sequences, and one bit flipped in each of many long words.
    #[test]
    fn word_hasher_separates_near_identical_inputs() {
        let hash_bytes = |b: &[u8]| {
            let mut h = WordHasher::default();
            h.write(b);
            h.finish()
        };
        let mut seen = std::collections::HashSet::new();
        let alphabet = [b'a', b'b', b' ', 0, 0xff];
        let mut texts = vec![Vec::new()];
        let mut frontier = vec![Vec::new()];
        for _ in 0..6 {
            let mut next = Vec::new();
            for t in &frontier {
                for &c in &alphabet {
                    let mut t = t.clone();
                    t.push(c);
                    next.push(t);
                }
            }
            texts.extend(next.iter().cloned());
            frontier = next;
        }
        for t in &texts {
            assert!(seen.insert(hash_bytes(t)), "collision on {t:?}");
        }
        let mut words_seen = std::collections::HashSet::new();
        for t in &texts {
            let mut h = WordHasher::default();
            for &b in t {
                h.write_u64(u64::from(b));
            }
            assert!(words_seen.insert(h.finish()), "collision on words {t:?}");
        }
        let base = [0x0123_4567_89ab_cdef_u64, 42, u64::MAX];
        let mut flips = std::collections::HashSet::new();
        for word in 0..base.len() {
            for bit in 0..64 {
                let mut h = WordHasher::default();
                for (i, &w) in base.iter().enumerate() {
                    h.write_u64(if i == word { w ^ 1 << bit } else { w });
                }
                assert!(
                    flips.insert(h.finish()),
                    "collision flipping bit {bit} of word {word}"
                );
            }
        }
    }

    /// A paragraph of article prose, long enough to count as running text.
    const PROSE: &str = "The night ferry to the outer islands left forty minutes late, \
        because the harbour master wanted to see the weather turn before he let \
        anything with passengers past the breakwater.";

    fn parse(html: &str) -> Dom {
        Dom::parse(html, &Limits::default()).unwrap()
    }

    fn by_id(dom: &Dom, id: &str) -> NodeId {
        dom.descendants(dom.document())
            .find(|&n| dom.attr(n, "id") == Some(id))
            .unwrap()
    }

    /// The kind the classifier gives the element with `id="t"`.
    fn kind_of(html: &str) -> Option<ClutterKind> {
        let dom = parse(html);
        classify(&dom, by_id(&dom, "t"))
    }

    /// [`mark`], then [`sweep`], with the records [`crate::output::text`]
    /// gives the removed blocks.
    fn mark_and_sweep(dom: &mut Dom, root: NodeId) -> Vec<Removed> {
        let (marks, _) = mark(dom, root);
        sweep(dom, root, marks, |_| {})
            .into_iter()
            .map(|s| {
                let text = crate::output::text(dom, s.node);
                removed(s, &text)
            })
            .collect()
    }

    /// Runs the clutter pass over the `<article>` of `body` and returns its
    /// text and the removal records.
    fn cleaned(body: &str) -> (String, Vec<Removed>) {
        let mut dom = parse(&format!("<body><article>{body}</article></body>"));
        let root = dom.find_tag(dom.document(), "article").unwrap();
        let removed = mark_and_sweep(&mut dom, root);
        (normalize_ws(&dom.text_content(root)), removed)
    }

    fn article_with(clutter: &str) -> String {
        format!("<p>{PROSE}</p><p>{PROSE}</p>{clutter}<p>{PROSE}</p><p>{PROSE}</p>")
    }

    #[test]
    fn kinds_serialise_in_kebab_case() {
        for k in ClutterKind::ALL {
            let json = serde_json::to_string(&k).unwrap();
            assert_eq!(json, format!("\"{}\"", k.name()));
            assert_eq!(ClutterKind::from_name(k.name()), Some(k));
        }
        assert_eq!(K::AffiliateDisclosure.name(), "affiliate-disclosure");
    }

    /// Texts that hold every cue of `cues` alone, inside words, between
    /// words and in capitals, plus some prose.
    fn cue_probes(cues: &[&str]) -> Vec<String> {
        let mut texts = vec![
            String::new(),
            PROSE.to_lowercase(),
            "x".into(),
            "jetzt unterstützen, bitte".into(),
        ];
        for c in cues {
            texts.push(c.to_string());
            texts.push(format!("ab{c}cd"));
            texts.push(format!("read on: {c}, and more"));
            texts.push(format!("é{c} {c}é"));
            texts.push(c.to_uppercase());
            texts.push(c[..c.len() - c.chars().next_back().map_or(0, char::len_utf8)].to_string());
        }
        texts
    }

    #[test]
    fn one_scan_finds_what_a_search_per_cue_finds() {
        let plain: [(&Cues, &[&str]); 6] = [
            (reading_time_cues(), patterns::READING_TIME_CUES),
            (appeal_cues(), patterns::APPEAL_CUES),
            (helpful_cues(), patterns::HELPFUL_CUES),
            (affiliate_cues(), patterns::AFFILIATE_CUES),
            (commission_cues(), patterns::COMMISSION_CUES),
            (purchase_cues(), patterns::PURCHASE_CUES),
        ];
        let sentence: Vec<&str> = patterns::SENTENCE_CUES.iter().map(|c| c.0).collect();
        let cta: Vec<&str> = patterns::CTA_LABELS.iter().map(|c| c.0).collect();
        let all: Vec<&str> = plain
            .iter()
            .flat_map(|(_, t)| t.iter().copied())
            .chain(sentence.iter().copied())
            .chain(cta.iter().copied())
            .chain(patterns::SHARE_URLS.iter().copied())
            .collect();
        assert!(
            all.iter().all(|c| *c == c.to_lowercase()),
            "cues are lowercase"
        );
        let texts = cue_probes(&all);
        for t in &texts {
            for (cues, table) in plain {
                assert_eq!(cues.any_in(t), table.iter().any(|c| t.contains(c)), "{t:?}");
            }
            assert_eq!(
                sentence_cues().first_in(t, false),
                sentence.iter().position(|c| t.contains(c)),
                "{t:?}"
            );
            assert_eq!(
                cta_cues().first_in(t, true),
                cta.iter().position(|c| contains_words(t, c)),
                "{t:?}"
            );
            let lower = t.to_ascii_lowercase();
            assert_eq!(
                share_url_cues().any_in(t),
                patterns::SHARE_URLS.iter().any(|u| lower.contains(u)),
                "{t:?}"
            );
        }
    }

    #[test]
    fn sweep_reuses_verdicts_only_where_nothing_changed() {
        let body = article_with(
            "<div class=related-links><a href=/a>One story</a> <a href=/b>Another story</a></div>\
             <p id=cta>Like what you read? <a href=/s>Subscribe</a></p>",
        );
        let mut dom = parse(&format!("<body><article>{body}</article></body>"));
        let root = dom.find_tag(dom.document(), "article").unwrap();
        let (marks, found) = mark(&dom, root);
        assert!(!found.is_empty());
        let memo = marks.memo.clone();
        let p = dom.find_tag(root, "p").unwrap();
        let prints = Fingerprints::new(&dom, root);
        assert_eq!(memo.get(&prints.key(&dom, p)), Some(&None));
        // A change inside a paragraph, or of its neighbours' words, is a
        // new key; presentational attributes are not.
        dom.set_attr(p, "style", "color: red");
        assert_eq!(
            Fingerprints::new(&dom, root).key(&dom, p),
            prints.key(&dom, p)
        );
        dom.set_attr(p, "class", "share");
        assert_ne!(
            Fingerprints::new(&dom, root).key(&dom, p),
            prints.key(&dom, p)
        );
        let removed = sweep(&mut dom, root, marks, |_| {});
        assert!(
            !dom.is_inclusive_ancestor(root, p),
            "judged again: {removed:?}"
        );
        assert!(dom.find_tag(root, "p").is_some());
    }

    /// The first entry of `table` found in `words`, one entry at a time:
    /// what [`WordTable::first_match`] finds.
    fn match_words(words: &[String], table: ClutterWords) -> Option<ClutterKind> {
        table.iter().find_map(|&(entry, kind)| {
            let parts: Vec<&str> = entry.split(' ').collect();
            (0..words.len())
                .any(|i| entry_at(&parts, words, i))
                .then_some(kind)
        })
    }

    #[test]
    fn indexed_class_words_match_like_the_table() {
        let mut probes = vec![String::new(), "story body".into(), "x y z".into()];
        for (entry, _) in patterns::CLUTTER_WORDS {
            let e = entry.replace('*', "");
            probes.push(e.clone());
            probes.push(format!("{e}x"));
            probes.push(format!("c {e} d"));
            probes.push(format!("{e} {e}"));
            probes.push(e.split(' ').rev().collect::<Vec<_>>().join(" "));
            for (other, _) in patterns::CLUTTER_WORDS.iter().step_by(7) {
                probes.push(format!("{} {e}", other.replace('*', "ing")));
            }
        }
        for p in probes {
            let words: Vec<String> = p.split_whitespace().map(str::to_string).collect();
            assert_eq!(
                clutter_words().first_match(&words),
                match_words(&words, patterns::CLUTTER_WORDS),
                "{p:?}"
            );
        }
    }

    #[test]
    fn words_split_at_punctuation_and_camel_case() {
        let mut w = Vec::new();
        split_words("ShareBar_root__x1Y c-newsletter__form", &mut w);
        assert_eq!(
            w,
            ["share", "bar", "root", "x1", "y", "c", "newsletter", "form"]
        );
    }

    #[test]
    fn newsletter_form_with_its_heading_goes() {
        let (text, removed) = cleaned(&article_with(
            "<section><h3>The Tuesday Tide</h3><p>Our week on the water, every Tuesday.</p>\
             <form action=/join><label>Email</label><input type=email name=email>\
             <button>Sign me up</button></form></section>",
        ));
        assert!(!text.contains("Tuesday Tide"), "{text}");
        assert!(text.contains("night ferry"));
        assert_eq!(removed.len(), 1);
        assert_eq!(removed[0].kind, K::NewsletterForm);
        assert_eq!(removed[0].signals, ["email-input"]);
    }

    #[test]
    fn e_mail_fields_are_found_by_placeholder() {
        assert_eq!(
            kind_of("<div id=t><p>Chaque matin.</p><input type=text placeholder='Votre courriel'></div>"),
            Some(K::NewsletterForm)
        );
    }

    #[test]
    fn mailchimp_messages_go_even_without_the_form() {
        let (text, _) = cleaned(&article_with(
            "<div><span>*</span> indicates required</div>\
             <div>Thank you for signing up. Check your inbox.</div>",
        ));
        assert!(!text.contains("indicates required"));
        assert!(!text.contains("signing up"));
    }

    #[test]
    fn donation_appeal_between_paragraphs_goes() {
        let appeal = "<div><h3>Before you go</h3>\
            <p>Keeping a newsroom on the island costs more than the adverts bring in, \
            and we would rather not put the reporting behind a wall.</p>\
            <p>Readers who chip in a little every month keep it free for everyone else.</p>\
            <a href=/give>Donate now</a> <a href=/give?once>Give once</a></div>";
        assert_eq!(
            kind_of(&appeal.replace("<div>", "<div id=t>")),
            Some(K::Donation)
        );
        let (text, _) = cleaned(&article_with(appeal));
        assert!(!text.contains("newsroom on the island"));
        assert_eq!(text.matches("night ferry").count(), 4);
    }

    #[test]
    fn appeals_in_other_languages() {
        for (button, kind) in [
            ("Jetzt spenden", K::Donation),
            ("Faire un don", K::Donation),
            ("Suscríbete", K::SubscriptionCta),
            ("Diventa socio", K::MembershipCta),
            ("Assine", K::SubscriptionCta),
            ("Word lid", K::MembershipCta),
            ("Підтримати", K::Donation),
            ("Подписаться", K::SubscriptionCta),
        ] {
            let html = format!("<div id=t><p>Eine kurze Bitte.</p><a href=/x>{button}</a></div>");
            assert_eq!(kind_of(&html), Some(kind), "{button}");
        }
    }

    #[test]
    fn call_to_action_words_may_follow_an_adverb() {
        assert_eq!(
            kind_of("<div id=t><p>Lokaljournalismus kostet Geld.</p><a href=/s>Jetzt unterstützen</a></div>"),
            Some(K::Donation)
        );
        assert_eq!(cta_kind("subscribers only"), None);
    }

    #[test]
    fn membership_and_subscription_buttons() {
        assert_eq!(
            kind_of("<p id=t><a href=/m>Become a member</a></p>"),
            Some(K::MembershipCta)
        );
        assert_eq!(
            kind_of(
                "<div id=t><h3>Keep reading the Gazette</h3><p>Notes from the coast.</p>\
                 <a href=/s>Subscribe</a> <a href=/a>Browse the archive</a></div>"
            ),
            Some(K::SubscriptionCta)
        );
    }

    #[test]
    fn paywall_and_cookie_layers() {
        assert_eq!(
            kind_of("<div id=t><p>You have 2 free articles left this month.</p></div>"),
            Some(K::Paywall)
        );
        assert_eq!(
            kind_of("<div id=t class=consent-layer><p>Pick what you allow.</p></div>"),
            Some(K::Cookie)
        );
        assert_eq!(
            kind_of("<p id=t>This site uses cookies to count visits.</p>"),
            Some(K::Cookie)
        );
    }

    #[test]
    fn related_card_inside_the_body_goes() {
        let card = "<figure><a href=/other-story><div>Lighthouse keepers vote to strike</div>\
            <div>The keepers say the new rota leaves one person alone for a week.</div>\
            <img src=t.jpg></a></figure>";
        assert_eq!(
            kind_of(&card.replace("<figure>", "<figure id=t>")),
            Some(K::Related)
        );
        let (text, _) = cleaned(&article_with(card));
        assert!(!text.contains("Lighthouse keepers"));
    }

    #[test]
    fn read_more_lines_go_but_sentences_stay() {
        assert_eq!(
            kind_of("<p id=t>Read more: <a href=/x>The harbour wall is sinking</a></p>"),
            Some(K::ReadMoreLinks)
        );
        assert_eq!(
            kind_of("<p id=t>Читайте также: <a href=/x>Паром опоздал</a></p>"),
            Some(K::ReadMoreLinks)
        );
        assert_eq!(
            kind_of("<p id=t>Read more about the wall in <a href=/r>the survey</a>.</p>"),
            None
        );
    }

    #[test]
    fn recommended_and_most_read_sections() {
        let list = "<ul><li><a href=/a>Gulls learn to open bins</a></li>\
                    <li><a href=/b>Tide tables go digital</a></li></ul>";
        assert_eq!(
            kind_of(&format!(
                "<section id=t><h2>Recommended for you</h2>{list}</section>"
            )),
            Some(K::Recommended)
        );
        assert_eq!(
            kind_of(&format!("<div id=t><h3>Meistgelesen</h3>{list}</div>")),
            Some(K::MostRead)
        );
        assert_eq!(
            kind_of(&format!("<div id=t><h3>Articles liés</h3>{list}</div>")),
            Some(K::Related)
        );
    }

    #[test]
    fn comments_go() {
        assert_eq!(
            kind_of(
                "<section id=t><h3>Comments (4)</h3><form><textarea></textarea>\
                 <button>Post</button></form><p>First!</p></section>"
            ),
            Some(K::Comments)
        );
        assert_eq!(
            kind_of("<form id=t><textarea name=body></textarea></form>"),
            Some(K::Comments)
        );
    }

    #[test]
    fn share_rows_go() {
        assert_eq!(
            kind_of(
                "<div id=t><a href='https://www.facebook.com/sharer/sharer.php?u=x'>Facebook</a>\
                 <a href='mailto:?subject=x'>Email</a></div>"
            ),
            Some(K::Share)
        );
        assert_eq!(
            kind_of(
                "<div id=t role=group aria-label='Share this story'><a href=/c>Copy link</a></div>"
            ),
            Some(K::Share)
        );
        assert_eq!(kind_of("<p id=t>Teilen</p>"), Some(K::Share));
    }

    #[test]
    fn ad_slots_and_labels_go() {
        assert_eq!(
            kind_of("<div id=t class=ad-slot><span>Advertisement</span></div>"),
            Some(K::Ads)
        );
        assert_eq!(kind_of("<p id=t>Anzeige</p>"), Some(K::Ads));
        assert_eq!(kind_of("<p id=t>Publicidad</p>"), Some(K::Ads));
        let (text, _) = cleaned(&article_with("<div><span>Advertisement</span></div>"));
        assert!(!text.contains("Advertisement"));
    }

    #[test]
    fn bio_and_author_contact() {
        assert_eq!(
            kind_of("<aside id=t><h4>About the author</h4><p>Ada writes about boats.</p></aside>"),
            Some(K::Bio)
        );
        assert_eq!(
            kind_of("<div id=t class=author-bio><p>Ada writes about boats.</p></div>"),
            Some(K::Bio)
        );
        assert_eq!(
            kind_of(
                "<p id=t class=contact-author><a href=mailto:ada@example.org>Email Ada</a></p>"
            ),
            Some(K::AuthorContact)
        );
    }

    #[test]
    fn navigation_breadcrumbs_and_footer() {
        assert_eq!(
            kind_of("<a id=t href=#main>Skip to content</a>"),
            Some(K::Nav)
        );
        assert_eq!(
            kind_of("<ol id=t aria-label=Breadcrumb><li><a href=/>Home</a></li><li><a href=/n>News</a></li></ol>"),
            Some(K::Breadcrumbs)
        );
        assert_eq!(
            kind_of(
                "<div id=t class=site-footer><a href=/t>Terms</a> <a href=/p>Privacy</a></div>"
            ),
            Some(K::Footer)
        );
        assert_eq!(
            kind_of("<form id=t role=search><input type=search></form>"),
            Some(K::Nav)
        );
    }

    #[test]
    fn banners_popups_and_admin_links() {
        assert_eq!(
            kind_of("<div id=t><strong>Our app</strong> <a href=/app>Get the app</a></div>"),
            Some(K::AppBanner)
        );
        assert_eq!(
            kind_of("<div id=t class=sticky-bar><p>Support local news.</p></div>"),
            Some(K::StickyFooter)
        );
        assert_eq!(
            kind_of("<div id=t role=dialog><p>Before you go…</p></div>"),
            Some(K::Popup)
        );
        assert_eq!(
            kind_of("<a id=t href=/admin/edit>Edit post</a>"),
            Some(K::Admin)
        );
    }

    #[test]
    fn reading_time_labels_in_several_languages() {
        for label in [
            "4 min read",
            "5 min de lecture",
            "Lesezeit: 3 Min.",
            "3 хв читання",
        ] {
            let html = format!("<p><time>1 May</time> <span id=t>{label}</span></p>");
            assert_eq!(kind_of(&html), Some(K::Meta), "{label}");
        }
    }

    #[test]
    fn audio_player_notes_go() {
        assert_eq!(
            kind_of("<div id=t><p>Listen to this article</p><p>0:00</p></div>"),
            Some(K::AudioPlayer)
        );
        assert_eq!(
            kind_of("<div id=t class=audio-player><p>Narrated by a machine voice.</p></div>"),
            Some(K::AudioPlayer)
        );
    }

    #[test]
    fn gallery_keeps_captions_and_loses_controls() {
        let (text, removed) = cleaned(&article_with(
            "<div class=gallery><div class=gallery__controls><button>Previous photo</button>\
             <span>1 / 2</span><button>Next photo</button></div>\
             <figure><img src=a.jpg><figcaption>Nets drying on the quay.</figcaption></figure>\
             <figure><img src=b.jpg><figcaption>The harbour at low tide.</figcaption></figure></div>",
        ));
        assert!(text.contains("Nets drying on the quay."));
        assert!(text.contains("The harbour at low tide."));
        assert!(!text.contains("Next photo"), "{text}");
        assert!(!text.contains("1 / 2"));
        assert!(removed.iter().all(|r| r.kind == K::GalleryControls));
    }

    #[test]
    fn tags_and_tables_of_contents() {
        assert_eq!(
            kind_of("<p id=t><span>Topics:</span> <a href=/t/a>Ferries</a>, <a href=/t/b>Weather</a></p>"),
            None,
            "a paragraph is not a tag section"
        );
        assert_eq!(
            kind_of("<div id=t><span>Topics:</span> <a href=/t/a>Ferries</a>, <a href=/t/b>Weather</a></div>"),
            Some(K::Tags)
        );
        assert_eq!(
            kind_of(
                "<nav id=t><p>On this page</p><ul><li><a href=#a>Tickets</a></li>\
                 <li><a href=#b>Timetable</a></li><li><a href=#c>Cabins</a></li></ul></nav>"
            ),
            Some(K::Toc)
        );
    }

    #[test]
    fn feedback_affiliate_live_and_republish() {
        assert_eq!(
            kind_of("<div id=t><p>Was this article helpful?</p><button>Yes</button><button>No</button></div>"),
            Some(K::Feedback)
        );
        assert_eq!(
            kind_of("<p id=t>War dieser Artikel hilfreich?</p>"),
            Some(K::Feedback)
        );
        assert_eq!(
            kind_of("<p id=t>We may earn a commission if you buy through links on this page.</p>"),
            Some(K::AffiliateDisclosure)
        );
        assert_eq!(
            kind_of("<div id=t><button>Newest first</button><button>Oldest first</button></div>"),
            Some(K::LiveControls)
        );
        assert_eq!(kind_of("<span id=t>Pinned</span>"), Some(K::LiveControls));
        assert_eq!(
            kind_of("<div id=t class=republish-box><p>Take this story for your paper.</p></div>"),
            Some(K::Republish)
        );
    }

    #[test]
    fn bare_section_heading_goes_with_its_list() {
        let (text, removed) = cleaned(&article_with(
            "<h3>Related stories</h3><ul><li><a href=/a>Gulls learn to open bins</a></li>\
             <li><a href=/b>Tide tables go digital</a></li></ul>",
        ));
        assert!(!text.contains("Related stories"), "{text}");
        assert!(!text.contains("Gulls"), "{text}");
        assert!(removed.iter().all(|r| r.kind == K::Related));
        let (text, _) = cleaned(&article_with(
            "<h3>Related work</h3><p>Long prose follows here.</p>",
        ));
        assert!(text.contains("Related work"), "a heading over prose stays");
    }

    #[test]
    fn footnote_back_links_are_not_a_table_of_contents() {
        assert_eq!(
            kind_of(
                "<li id=t><a href=#r1>^</a> <a href=#r1a>a</a> <a href=#r1b>b</a> \
                 <a href=#cite-smith>Smith 2005</a>, p. 6.</li>"
            ),
            None
        );
    }

    #[test]
    fn ad_continuation_lines_and_photo_counters() {
        assert_eq!(
            kind_of("<p id=t>Story continues below advertisement</p>"),
            Some(K::Ads)
        );
        assert_eq!(
            kind_of("<div class=slideshow><p id=t>Photo 3 of 12</p><figure><img src=a.jpg></figure></div>"),
            Some(K::GalleryControls)
        );
    }

    #[test]
    fn subheads_named_like_clutter_stay_over_prose() {
        let body = article_with(&format!(
            "<section><h2>Comments</h2><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></section>\
             <h3 class=share-heading>Share</h3><p>{PROSE}</p>"
        ));
        let (text, removed) = cleaned(&body);
        assert!(text.contains("Comments"), "{text}");
        assert!(text.contains("Share"), "{text}");
        assert!(removed.is_empty(), "{removed:?}");
    }

    #[test]
    fn sidebars_go() {
        assert_eq!(
            kind_of(
                "<div id=t role=complementary><a href=/w>Weather</a> <a href=/x>Tides</a></div>"
            ),
            Some(K::Sidebar)
        );
    }

    #[test]
    fn article_text_that_mentions_clutter_words_stays() {
        let long = format!(
            "<p id=t>{PROSE} The harbour master said anyone who wanted the tide \
             alerts could subscribe to the council's text service, or sign up at the \
             ticket office, and that he would donate the old barometer to the museum.</p>"
        );
        assert_eq!(kind_of(&long), None);
        assert_eq!(
            kind_of("<p id=t>She said she would subscribe to the plan if it passed.</p>"),
            None
        );
        assert_eq!(
            kind_of("<p id=t>The comments were read aloud at the meeting.</p>"),
            None
        );
        let (text, removed) = cleaned(&article_with(
            "<p>Critics called it <a class=popup href=/g>a folly</a>, and it was.</p>",
        ));
        assert!(
            text.contains("Critics called it a folly, and it was."),
            "{text}"
        );
        assert!(removed.is_empty());
    }

    #[test]
    fn code_tables_quotes_and_lists_stay() {
        let body = article_with(
            "<pre><code class=language-sh>ferry --depart 06:40\n  --share cabin</code></pre>\
             <table><caption>Sailings</caption><tr><td>Mon</td><td>06:40</td></tr></table>\
             <blockquote><p>Nothing sails itself.</p></blockquote>\
             <ul><li>Tickets</li><li>Timetable</li></ul>",
        );
        let mut dom = parse(&format!("<body><article>{body}</article></body>"));
        let root = dom.find_tag(dom.document(), "article").unwrap();
        let removed = mark_and_sweep(&mut dom, root);
        assert!(removed.is_empty(), "{removed:?}");
        let code = dom.find_tag(root, "code").unwrap();
        assert_eq!(dom.attr(code, "class"), Some("language-sh"));
        assert_eq!(
            dom.text_content(code),
            "ferry --depart 06:40\n  --share cabin"
        );
        let text = normalize_ws(&dom.text_content(root));
        for kept in ["Sailings", "Nothing sails itself.", "Tickets", "Timetable"] {
            assert!(text.contains(kept), "{kept}");
        }
    }

    #[test]
    fn subheads_lose_their_anchor_widget_only() {
        let (text, _) = cleaned(&article_with(
            "<h2 class=header-anchor-post>Crossing the bar<div class=header-anchor-widget>\
             <a class=header-anchor href=#crossing>#</a></div></h2>",
        ));
        assert!(text.contains("Crossing the bar"));
        assert!(!text.contains('#'), "{text}");
    }

    #[test]
    fn blocks_holding_most_of_the_article_are_never_removed() {
        let (text, removed) = cleaned(&format!(
            "<div class='story tag-comments'><p>{PROSE}</p><p>{PROSE}</p></div>"
        ));
        assert!(text.contains("night ferry"));
        assert!(removed.is_empty());
    }
}
