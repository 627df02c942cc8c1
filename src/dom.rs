//! The arena DOM that every phase works on, and the html5ever [`TreeSink`]
//! that builds it.
//!
//! Nodes live in one `Vec` and refer to each other by [`NodeId`]; there are no
//! reference-counted pointers and no recursion anywhere in this module, so a
//! page nested 100,000 levels deep cannot overflow the stack. Parsing stops
//! early, with a typed error, once a [`Limits`] bound is crossed.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};
use std::num::NonZeroU32;

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{
    ElemName, ElementFlags, NodeOrText, QuirksMode, TreeBuilderOpts, TreeSink,
};
use html5ever::{parse_document, Attribute, ParseOpts, QualName};
use markup5ever::{local_name, ns, LocalName, Namespace};

use crate::error::ExtractError;

/// Index of a node in its [`Dom`] arena.
///
/// Never zero: slot 0 of every arena is an unused placeholder, so that
/// `Option<NodeId>` (five of which link every node) takes four bytes
/// instead of eight, at no cost to indexing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(NonZeroU32);

impl NodeId {
    /// The document node, first in every arena.
    const DOCUMENT: NodeId = NodeId(NonZeroU32::MIN);

    /// The id of the node at `index` (at least 1) in the arena.
    fn from_index(index: usize) -> NodeId {
        u32::try_from(index)
            .ok()
            .and_then(NonZeroU32::new)
            .map(NodeId)
            .expect("an arena holds between 1 and 2^32 - 1 slots")
    }

    /// The position of this node in the arena; see [`Dom::len`].
    pub fn index(self) -> usize {
        self.0.get() as usize
    }
}

/// What a node is.
#[derive(Debug, Clone)]
pub enum NodeData {
    /// The document root.
    Document,
    /// `<!DOCTYPE …>`; kept only so the tree is complete.
    Doctype,
    /// An element with its qualified name and attributes.
    Element {
        /// Namespace and local name.
        name: ElementName,
        /// Attributes in source order.
        attrs: Vec<Attribute>,
    },
    /// A run of character data.
    Text(StrTendril),
    /// A comment or processing instruction (never output).
    Comment,
}

/// An element's namespace and local name. html5ever's `QualName` also
/// carries a prefix, which nothing reads for elements: leaving it out makes
/// a node 8 bytes smaller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElementName {
    /// The namespace (HTML, SVG or MathML).
    pub ns: Namespace,
    /// The local name, lowercase for HTML elements.
    pub local: LocalName,
}

impl ElementName {
    /// The name of an HTML element.
    pub fn html(local: &str) -> ElementName {
        ElementName {
            ns: ns!(html),
            local: LocalName::from(local),
        }
    }
}

/// One node of the arena: its data and its links.
#[derive(Debug, Clone)]
pub struct Node {
    /// What the node is.
    pub data: NodeData,
    /// The parent, if attached.
    pub parent: Option<NodeId>,
    /// The first child.
    pub first_child: Option<NodeId>,
    /// The last child.
    pub last_child: Option<NodeId>,
    /// The previous sibling.
    pub prev_sibling: Option<NodeId>,
    /// The next sibling.
    pub next_sibling: Option<NodeId>,
}

impl Node {
    fn new(data: NodeData) -> Self {
        Node {
            data,
            parent: None,
            first_child: None,
            last_child: None,
            prev_sibling: None,
            next_sibling: None,
        }
    }
}

/// Bounds on the work a single page may cause. Every bound bites while
/// parsing, so a hostile page is stopped before it costs much more than the
/// bound: the input size up front; attributes in a linear pre-pass before the
/// tokenizer (`limit`); nodes, depth and tree-building work in the
/// tree sink, checked after every 4 KiB of input. Crossing a bound is an
/// [`ExtractError`] naming it, except for attributes, which are dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Limits {
    /// Largest input accepted, in bytes of UTF-8. Default 32 MiB.
    pub max_input_bytes: usize,
    /// Most nodes (elements, text, comments) the parser may create. Default
    /// 500,000: about 25 times the largest page of our corpus (some 20,000
    /// nodes), and low enough that the costliest page under it (nothing but
    /// empty inline elements, every one of which each phase visits) still
    /// takes under 2 s natively (`tests/hostile/cases.json`, "just under the
    /// node limit"). A million took 2–3.5 s.
    pub max_nodes: usize,
    /// Deepest element nesting accepted. Browsers stop nesting at 512; so do we,
    /// and a page that tries to nest deeper is rejected. Default 512.
    pub max_depth: usize,
    /// Most attributes kept on one tag; further ones are cut from the input
    /// before the tokenizer sees them (its de-duplication is quadratic: one
    /// tag with 100,000 attributes took 7–11 s). The cap also bounds the
    /// worst page under it, one made only of capped tags, whose cost grows
    /// with the cap: 40,000 tags of 128 attributes took 2.4–3 s, so the cap
    /// is 64. The most in our corpus's 132,000 tags is 70, on one tag (99.9%
    /// have at most 11). Not an error. Default 64.
    pub max_attributes: usize,
    /// Most tree-builder steps (calls from html5ever's tree builder into the
    /// DOM: name look-ups while it scans its stacks, node comparisons,
    /// creations, moves) one page may take. The pages of our corpus take
    /// 5–55 steps per node (median 10, at most 210,000 in all), but markup
    /// that keeps the stack of open elements near the depth limit makes
    /// every start tag scan hundreds of entries (500 open `<div>`s and then a
    /// million `<p>x</p>` would be 500 million steps, about 15 s); this bounds
    /// that to roughly a second. Default 40,000,000.
    pub max_tree_work: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 32 * 1024 * 1024,
            max_nodes: 500_000,
            max_depth: 512,
            max_attributes: 64,
            max_tree_work: 40_000_000,
        }
    }
}

/// The parsed document: an arena of nodes with the document node at index 0.
#[derive(Debug, Clone)]
pub struct Dom {
    nodes: Vec<Node>,
    /// Per node, the summary of its normalised text ([`Dom::text_len`]),
    /// filled on demand and invalidated by every edit of the tree.
    /// Invariant: when a node's entry is not valid, neither is its
    /// parent's, so invalidation stops at the first invalid ancestor.
    spans: RefCell<Vec<TextSpan>>,
}

/// What the normalised text of a subtree looks like from outside: its
/// length in characters, and whether whitespace precedes its first word and
/// follows its last (for a subtree with no words, both say whether it has
/// any whitespace). Two summaries combine exactly, so a node's comes from
/// its children's.
#[derive(Debug, Clone, Copy, Default)]
struct TextSpan {
    len: u32,
    flags: u8,
}

impl TextSpan {
    const VALID: u8 = 1;
    const LEAD: u8 = 2;
    const TRAIL: u8 = 4;

    fn of_text(s: &str) -> TextSpan {
        let (len, lead, trail) = crate::text::span_of(s);
        TextSpan {
            len: u32::try_from(len).unwrap_or(u32::MAX),
            flags: if lead { Self::LEAD } else { 0 } | if trail { Self::TRAIL } else { 0 },
        }
    }

    fn valid(self) -> bool {
        self.flags & Self::VALID != 0
    }

    fn lead(self) -> bool {
        self.flags & Self::LEAD != 0
    }

    fn trail(self) -> bool {
        self.flags & Self::TRAIL != 0
    }

    /// The summary of `self`'s text followed by `next`'s.
    fn then(self, next: TextSpan) -> TextSpan {
        let (len, lead, trail) = if self.len == 0 {
            let ws = self.lead();
            (
                next.len,
                ws || next.lead(),
                if next.len > 0 {
                    next.trail()
                } else {
                    ws || next.trail()
                },
            )
        } else if next.len == 0 {
            (self.len, self.lead(), self.trail() || next.lead())
        } else {
            let space = u32::from(self.trail() || next.lead());
            (
                self.len.saturating_add(next.len).saturating_add(space),
                self.lead(),
                next.trail(),
            )
        };
        TextSpan {
            len,
            flags: if lead { Self::LEAD } else { 0 } | if trail { Self::TRAIL } else { 0 },
        }
    }
}

/// Pre-order iterator over a subtree; see [`Dom::descendants`].
pub struct Descendants<'a> {
    dom: &'a Dom,
    root: NodeId,
    next: Option<NodeId>,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let cur = self.next?;
        self.next = self.dom.next_in_preorder(cur, self.root);
        Some(cur)
    }
}

/// Iterator over the children of a node; see [`Dom::children`].
pub struct Children<'a> {
    dom: &'a Dom,
    next: Option<NodeId>,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let cur = self.next?;
        self.next = self.dom.node(cur).next_sibling;
        Some(cur)
    }
}

impl Dom {
    /// Parses an HTML document into an arena.
    ///
    /// # Errors
    /// [`ExtractError::InputTooLarge`], [`ExtractError::TooManyNodes`],
    /// [`ExtractError::TooDeep`] or [`ExtractError::TooMuchWork`] when the page
    /// crosses one of `limits`.
    pub fn parse(html: &str, limits: &Limits) -> Result<Dom, ExtractError> {
        Dom::parse_input(html, limits, true)
    }

    /// [`Dom::parse`], with script and style bodies handed to the sink whole
    /// (`take_bodies`) or read by the tokenizer (for tests: both give the
    /// same tree).
    fn parse_input(html: &str, limits: &Limits, take_bodies: bool) -> Result<Dom, ExtractError> {
        if html.len() > limits.max_input_bytes {
            return Err(ExtractError::InputTooLarge {
                size: html.len(),
                limit: limits.max_input_bytes,
            });
        }
        // Over-long attribute lists are cut before the tokenizer sees them
        // (its attribute de-duplication is quadratic), and script and style
        // bodies are handed to the sink whole rather than tokenized.
        let input = crate::limit::tokenizer_input(html, limits.max_attributes, take_bodies);
        // The arena is made big enough up front for the page's nodes, as
        // the pre-scan counts them (within a few of the parser's count on
        // our corpus), and for those later phases add (at most 8% on our
        // corpus, about 0.1% on big pages): a growing vector would hold its
        // old and new buffers at once, and in wasm, whose memory never
        // shrinks, that moment was the peak of the whole extraction.
        let nodes = input.nodes.min(limits.max_nodes);
        let sink = Sink::new(*limits, nodes + nodes / 16 + 64);
        let opts = ParseOpts {
            tree_builder: TreeBuilderOpts {
                // Parse <noscript> content as markup: it often holds the real
                // <img> of a lazy-loaded picture.
                scripting_enabled: false,
                ..TreeBuilderOpts::default()
            },
            ..ParseOpts::default()
        };
        let mut parser = parse_document(sink, opts);
        // Limits are checked between chunks. html5ever keeps working to the
        // end of a chunk after a limit is crossed (e.g. it scans its stack of
        // open elements on every start tag, quadratic past the depth limit),
        // so small chunks keep that overshoot small; 4 KiB costs nothing
        // measurable on ordinary pages.
        const CHUNK: usize = 4 * 1024;
        let feed = |parser: &mut html5ever::driver::Parser<Sink>, mut rest: &str| {
            while !rest.is_empty() {
                let mut cut = rest.len().min(CHUNK);
                while !rest.is_char_boundary(cut) {
                    cut += 1;
                }
                let (head, tail) = rest.split_at(cut);
                parser.process(StrTendril::from_slice(head));
                rest = tail;
                if parser.tokenizer.sink.sink.is_failed() {
                    return false;
                }
            }
            true
        };
        let mut bodies = input.bodies.into_iter().peekable();
        for range in input.ranges {
            let end = range.end;
            if !feed(&mut parser, &html[range]) {
                break;
            }
            // The tokenizer has just read a start tag that opens raw text:
            // its body goes to the new element as one text node, which is
            // what the tokenizer would have made of it, one character at a
            // time, unless the sink cannot place it.
            if let Some(body) = bodies.next_if(|b| b.start == end) {
                let body = &html[body];
                if !parser.tokenizer.sink.sink.take_raw_body(body) && !feed(&mut parser, body) {
                    break;
                }
            }
        }
        parser.finish()
    }

    /// An empty document holding only the document node.
    pub fn new() -> Dom {
        Dom::with_capacity(0)
    }

    /// An empty document with room for `nodes` more nodes.
    fn with_capacity(nodes: usize) -> Dom {
        let mut all = Vec::with_capacity(nodes + 2);
        // Slot 0 is never a node (see `NodeId`).
        all.push(Node::new(NodeData::Comment));
        all.push(Node::new(NodeData::Document));
        Dom {
            nodes: all,
            spans: RefCell::new(Vec::new()),
        }
    }

    /// The document node.
    pub fn document(&self) -> NodeId {
        NodeId::DOCUMENT
    }

    /// One more than the highest [`NodeId::index`] in this arena: the
    /// length a table indexed by node needs. Index 0 is never a node, so
    /// this is the number of nodes ever created (detached ones included)
    /// plus one; see [`Dom::node_count`].
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Number of nodes ever created in this arena (detached ones included).
    pub fn node_count(&self) -> usize {
        self.nodes.len() - 1
    }

    /// True when the arena holds only the document node.
    pub fn is_empty(&self) -> bool {
        self.node_count() <= 1
    }

    /// The node with this id.
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.index()]
    }

    fn node_mut(&mut self, id: NodeId) -> &mut Node {
        &mut self.nodes[id.index()]
    }

    /// The parent of `id`.
    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.node(id).parent
    }

    /// The first child of `id`.
    pub fn first_child(&self, id: NodeId) -> Option<NodeId> {
        self.node(id).first_child
    }

    /// The next sibling of `id`.
    pub fn next_sibling(&self, id: NodeId) -> Option<NodeId> {
        self.node(id).next_sibling
    }

    /// The previous sibling of `id`.
    pub fn prev_sibling(&self, id: NodeId) -> Option<NodeId> {
        self.node(id).prev_sibling
    }

    /// The children of `id`, in order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            dom: self,
            next: self.node(id).first_child,
        }
    }

    /// The element children of `id`, in order.
    pub fn element_children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.children(id).filter(move |&c| self.is_element(c))
    }

    /// `root` and all its descendants in document order, without recursion.
    pub fn descendants(&self, root: NodeId) -> Descendants<'_> {
        Descendants {
            dom: self,
            root,
            next: Some(root),
        }
    }

    /// The node after `cur` in a pre-order walk that stays inside `root`.
    pub fn next_in_preorder(&self, cur: NodeId, root: NodeId) -> Option<NodeId> {
        if let Some(c) = self.node(cur).first_child {
            return Some(c);
        }
        self.next_skipping_children(cur, root)
    }

    /// The node after `cur` in pre-order when `cur`'s subtree is skipped.
    pub fn next_skipping_children(&self, mut cur: NodeId, root: NodeId) -> Option<NodeId> {
        loop {
            if cur == root {
                return None;
            }
            if let Some(s) = self.node(cur).next_sibling {
                return Some(s);
            }
            cur = self.node(cur).parent?;
        }
    }

    /// The ancestors of `id`, nearest first (not including `id`).
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.parent(id), move |&p| self.parent(p))
    }

    /// True if `anc` is `id` or one of its ancestors.
    pub fn is_inclusive_ancestor(&self, anc: NodeId, id: NodeId) -> bool {
        id == anc || self.ancestors(id).any(|a| a == anc)
    }

    /// Number of ancestors of `id`.
    pub fn depth(&self, id: NodeId) -> usize {
        self.ancestors(id).count()
    }

    /// True for element nodes.
    pub fn is_element(&self, id: NodeId) -> bool {
        matches!(self.node(id).data, NodeData::Element { .. })
    }

    /// The lowercase local name of an element, or `""` for other nodes.
    pub fn tag(&self, id: NodeId) -> &str {
        match &self.node(id).data {
            NodeData::Element { name, .. } => &name.local,
            _ => "",
        }
    }

    /// True if the element is in the HTML namespace (not SVG or MathML).
    pub fn is_html(&self, id: NodeId) -> bool {
        matches!(&self.node(id).data, NodeData::Element { name, .. } if name.ns == ns!(html))
    }

    /// The namespace of an element.
    pub fn namespace(&self, id: NodeId) -> Option<&Namespace> {
        match &self.node(id).data {
            NodeData::Element { name, .. } => Some(&name.ns),
            _ => None,
        }
    }

    /// The text of a text node, or `None`.
    pub fn text(&self, id: NodeId) -> Option<&str> {
        match &self.node(id).data {
            NodeData::Text(t) => Some(t),
            _ => None,
        }
    }

    /// The attributes of an element (empty for other nodes).
    pub fn attrs(&self, id: NodeId) -> &[Attribute] {
        match &self.node(id).data {
            NodeData::Element { attrs, .. } => attrs,
            _ => &[],
        }
    }

    /// The value of attribute `name` (no namespace) on an element.
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        self.attrs(id)
            .iter()
            .find(|a| &*a.name.local == name)
            .map(|a| &*a.value)
    }

    /// True if the element has attribute `name`.
    pub fn has_attr(&self, id: NodeId, name: &str) -> bool {
        self.attr(id, name).is_some()
    }

    /// Sets (or adds) attribute `name` on an element; no-op on other nodes.
    pub fn set_attr(&mut self, id: NodeId, name: &str, value: &str) {
        if let NodeData::Element { attrs, .. } = &mut self.node_mut(id).data {
            if let Some(a) = attrs.iter_mut().find(|a| &*a.name.local == name) {
                a.value = StrTendril::from_slice(value);
            } else {
                attrs.push(Attribute {
                    name: QualName::new(None, ns!(), LocalName::from(name)),
                    value: StrTendril::from_slice(value),
                });
            }
        }
    }

    /// Removes attribute `name` from an element.
    pub fn remove_attr(&mut self, id: NodeId, name: &str) {
        if let NodeData::Element { attrs, .. } = &mut self.node_mut(id).data {
            attrs.retain(|a| &*a.name.local != name);
        }
    }

    /// Keeps only the attributes for which `keep` returns true.
    pub fn retain_attrs(&mut self, id: NodeId, mut keep: impl FnMut(&str, &str) -> bool) {
        if let NodeData::Element { attrs, .. } = &mut self.node_mut(id).data {
            attrs.retain(|a| keep(&a.name.local, &a.value));
        }
    }

    /// `class` and `id` joined by a space, the string Readability matches its
    /// class/id patterns against.
    pub fn class_and_id(&self, id: NodeId) -> String {
        let mut s = String::new();
        if let Some(c) = self.attr(id, "class") {
            s.push_str(c);
        }
        if let Some(i) = self.attr(id, "id") {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(i);
        }
        s
    }

    /// Renames an element (keeps its attributes and children).
    pub fn rename(&mut self, id: NodeId, tag: &str) {
        if let NodeData::Element { name, .. } = &mut self.node_mut(id).data {
            *name = ElementName::html(tag);
        }
    }

    /// Length in characters of the whitespace-normalised text below `id`
    /// (what `query::inner_text` returns). Computed bottom-up once
    /// and cached per node until an edit below the node, so asking for every
    /// block of a deep page costs about one pass over it, not nodes × depth.
    pub fn text_len(&self, id: NodeId) -> usize {
        let mut cache = self.spans.borrow_mut();
        if cache.len() < self.nodes.len() {
            // Room for as many nodes as the arena has, so that nodes added
            // later do not make the cache grow (and briefly exist twice).
            let room = self.nodes.capacity() - cache.len();
            cache.reserve_exact(room);
            cache.resize(self.nodes.len(), TextSpan::default());
        }
        if cache[id.index()].valid() {
            return cache[id.index()].len as usize;
        }
        // The stale part of the subtree in pre-order; valid subtrees are
        // skipped whole. In reverse, every child comes before its parent.
        let mut stale = Vec::new();
        let mut cur = Some(id);
        while let Some(n) = cur {
            if n != id && cache[n.index()].valid() {
                cur = self.next_skipping_children(n, id);
                continue;
            }
            stale.push(n);
            cur = self.next_in_preorder(n, id);
        }
        for &n in stale.iter().rev() {
            let span = match &self.node(n).data {
                NodeData::Text(t) => TextSpan::of_text(t),
                _ => self
                    .children(n)
                    .fold(TextSpan::default(), |acc, c| acc.then(cache[c.index()])),
            };
            cache[n.index()] = TextSpan {
                flags: span.flags | TextSpan::VALID,
                ..span
            };
        }
        cache[id.index()].len as usize
    }

    /// Marks the text summaries of `id` and its ancestors stale.
    fn invalidate(&mut self, id: NodeId) {
        let cache = self.spans.get_mut();
        let mut cur = Some(id);
        while let Some(n) = cur {
            match cache.get_mut(n.index()) {
                Some(s) if s.valid() => s.flags = 0,
                // Stale already, so are its ancestors; or never summarised
                // since it was created, so its ancestors were marked stale
                // when it was attached.
                _ => break,
            }
            cur = self.nodes[n.index()].parent;
        }
    }

    /// All text below `id`, concatenated, without recursion.
    pub fn text_content(&self, id: NodeId) -> String {
        let mut out = String::new();
        for n in self.descendants(id) {
            if let NodeData::Text(t) = &self.node(n).data {
                out.push_str(t);
            }
        }
        out
    }

    /// Creates a detached HTML element.
    pub fn create_element(&mut self, tag: &str) -> NodeId {
        self.push(Node::new(NodeData::Element {
            name: ElementName::html(tag),
            attrs: Vec::new(),
        }))
    }

    /// Creates a detached text node.
    pub fn create_text(&mut self, text: &str) -> NodeId {
        self.push(Node::new(NodeData::Text(StrTendril::from_slice(text))))
    }

    fn push(&mut self, node: Node) -> NodeId {
        let id = NodeId::from_index(self.nodes.len());
        self.nodes.push(node);
        id
    }

    /// Detaches `id` from its parent (its subtree stays intact).
    pub fn detach(&mut self, id: NodeId) {
        let (parent, prev, next) = {
            let n = self.node(id);
            (n.parent, n.prev_sibling, n.next_sibling)
        };
        let Some(parent) = parent else { return };
        self.invalidate(parent);
        match prev {
            Some(p) => self.node_mut(p).next_sibling = next,
            None => self.node_mut(parent).first_child = next,
        }
        match next {
            Some(n) => self.node_mut(n).prev_sibling = prev,
            None => self.node_mut(parent).last_child = prev,
        }
        let n = self.node_mut(id);
        n.parent = None;
        n.prev_sibling = None;
        n.next_sibling = None;
    }

    /// Appends `child` (detached first if needed) as the last child of `parent`.
    pub fn append(&mut self, parent: NodeId, child: NodeId) {
        self.detach(child);
        self.invalidate(parent);
        let last = self.node(parent).last_child;
        {
            let c = self.node_mut(child);
            c.parent = Some(parent);
            c.prev_sibling = last;
        }
        match last {
            Some(l) => self.node_mut(l).next_sibling = Some(child),
            None => self.node_mut(parent).first_child = Some(child),
        }
        self.node_mut(parent).last_child = Some(child);
    }

    /// Inserts `new` (detached first if needed) just before `sibling`.
    pub fn insert_before(&mut self, sibling: NodeId, new: NodeId) {
        self.detach(new);
        let Some(parent) = self.node(sibling).parent else {
            return;
        };
        self.invalidate(parent);
        let prev = self.node(sibling).prev_sibling;
        {
            let n = self.node_mut(new);
            n.parent = Some(parent);
            n.prev_sibling = prev;
            n.next_sibling = Some(sibling);
        }
        self.node_mut(sibling).prev_sibling = Some(new);
        match prev {
            Some(p) => self.node_mut(p).next_sibling = Some(new),
            None => self.node_mut(parent).first_child = Some(new),
        }
    }

    /// Replaces element `id` by its children, in place.
    pub fn unwrap(&mut self, id: NodeId) {
        while let Some(c) = self.node(id).first_child {
            self.insert_before(id, c);
        }
        self.detach(id);
    }

    /// Moves all children of `from` to the end of `to`.
    pub fn reparent_children(&mut self, from: NodeId, to: NodeId) {
        while let Some(c) = self.node(from).first_child {
            self.append(to, c);
        }
    }

    /// Appends text to `parent`, merging with a trailing text node.
    pub fn append_text(&mut self, parent: NodeId, text: &str) {
        if let Some(last) = self.node(parent).last_child {
            if let NodeData::Text(t) = &mut self.node_mut(last).data {
                t.push_slice(text);
                self.invalidate(last);
                return;
            }
        }
        let t = self.create_text(text);
        self.append(parent, t);
    }

    /// The first element below `root` (inclusive) with this tag name.
    pub fn find_tag(&self, root: NodeId, tag: &str) -> Option<NodeId> {
        self.descendants(root).find(|&n| self.tag(n) == tag)
    }

    /// All elements below `root` (inclusive) with this tag name.
    pub fn find_all_tags(&self, root: NodeId, tag: &str) -> Vec<NodeId> {
        self.descendants(root)
            .filter(|&n| self.tag(n) == tag)
            .collect()
    }
}

impl Default for Dom {
    fn default() -> Self {
        Dom::new()
    }
}

/// html5ever tree sink that builds a [`Dom`] and enforces [`Limits`].
struct Sink {
    dom: RefCell<Dom>,
    /// Template contents are kept in a side fragment so they never show up in the tree.
    limits: Limits,
    /// Depth of each node, maintained on append (approximate after the tree
    /// builder moves nodes, which only makes it more cautious).
    depth: RefCell<Vec<u32>>,
    failed: RefCell<Option<ExtractError>>,
    /// Tree-builder steps so far: every call html5ever makes into the sink
    /// (names looked up while scanning its stacks, nodes compared, created,
    /// moved). A proxy for the tree builder's own work, which is superlinear
    /// on some misnested markup.
    work: std::cell::Cell<u64>,
}

impl Sink {
    /// A sink whose arena has room for `nodes` nodes before it grows.
    fn new(limits: Limits, nodes: usize) -> Self {
        let dom = Dom::with_capacity(nodes);
        let mut depth = Vec::with_capacity(dom.nodes.capacity());
        depth.resize(dom.len(), 0);
        Sink {
            dom: RefCell::new(dom),
            limits,
            depth: RefCell::new(depth),
            failed: RefCell::new(None),
            work: std::cell::Cell::new(0),
        }
    }

    fn fail(&self, e: ExtractError) {
        let mut failed = self.failed.borrow_mut();
        if failed.is_none() {
            *failed = Some(e);
        }
    }

    fn is_failed(&self) -> bool {
        self.failed.borrow().is_some()
    }

    /// Counts one tree-builder step; records the failure past the budget.
    fn step(&self) {
        let w = self.work.get() + 1;
        self.work.set(w);
        if w > self.limits.max_tree_work {
            self.fail(ExtractError::TooMuchWork {
                limit: self.limits.max_tree_work,
            });
        }
    }

    /// Creates a node. Past [`Limits::max_nodes`] the failure is recorded but
    /// a real, distinct node is still handed out: html5ever relies on every
    /// handle it gets having the name it asked for (a shared placeholder once
    /// emptied its stack of open elements and panicked). The parse loop stops
    /// at the end of the current chunk, so the overshoot is bounded by what
    /// one chunk can create; tree edits are skipped once a limit is crossed.
    fn new_node(&self, data: NodeData) -> NodeId {
        let id = {
            let mut dom = self.dom.borrow_mut();
            if dom.node_count() >= self.limits.max_nodes {
                drop(dom);
                self.fail(ExtractError::TooManyNodes {
                    limit: self.limits.max_nodes,
                });
                dom = self.dom.borrow_mut();
            }
            dom.push(Node::new(data))
        };
        self.depth.borrow_mut().push(0);
        id
    }

    /// Appends `body`, the raw-text body of the `<script>` or `<style>`
    /// element the tree builder has just inserted, as that element's text.
    /// The tokenizer would deliver the same characters, since `body` is
    /// checked to hold no CR or NUL (which it rewrites). Returns false and
    /// changes nothing when the newest node is not such an element, still
    /// empty and in the tree: then the tokenizer must read `body` itself.
    fn take_raw_body(&self, body: &str) -> bool {
        if memchr::memchr2(b'\r', b'\0', body.as_bytes()).is_some() {
            return false;
        }
        let element = {
            let dom = self.dom.borrow();
            // The newest node: the arena's last slot (the document is always
            // there, so that is a node, never the placeholder slot 0).
            let id = NodeId::from_index(dom.len() - 1);
            let node = dom.node(id);
            let raw = matches!(&node.data, NodeData::Element { name, .. }
                if name.ns == ns!(html)
                    && matches!(name.local, local_name!("script") | local_name!("style")));
            if !raw || node.first_child.is_some() || node.parent.is_none() {
                return false;
            }
            id
        };
        self.append(
            &element,
            NodeOrText::AppendText(StrTendril::from_slice(body)),
        );
        true
    }

    fn set_depth(&self, child: NodeId, parent: NodeId) {
        let mut depth = self.depth.borrow_mut();
        let d = depth.get(parent.index()).copied().unwrap_or(0) + 1;
        if let Some(slot) = depth.get_mut(child.index()) {
            *slot = d;
        }
        if d as usize > self.limits.max_depth {
            drop(depth);
            self.fail(ExtractError::TooDeep {
                limit: self.limits.max_depth,
            });
        }
    }
}

/// The name [`TreeSink::elem_name`] hands out for a node that is not an
/// element (html5ever only asks for elements' names).
static NO_NAME: ElementName = ElementName {
    ns: ns!(),
    local: local_name!(""),
};

/// A borrow of an element's name in the arena, as html5ever asks for it.
#[derive(Debug)]
struct NameRef<'a>(Ref<'a, ElementName>);

impl ElemName for NameRef<'_> {
    fn ns(&self) -> &Namespace {
        &self.0.ns
    }

    fn local_name(&self) -> &LocalName {
        &self.0.local
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Result<Dom, ExtractError>;
    // A borrow of the name in the arena, as dom_query does: html5ever asks
    // for names on every scan of its stacks, and a clone and drop of the
    // three atoms per look-up showed in the profile.
    type ElemName<'a> = NameRef<'a>;

    fn finish(self) -> Self::Output {
        match self.failed.into_inner() {
            Some(e) => Err(e),
            None => Ok(self.dom.into_inner()),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        NodeId::DOCUMENT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> NameRef<'a> {
        self.step();
        NameRef(Ref::map(self.dom.borrow(), |dom| {
            match &dom.node(*target).data {
                NodeData::Element { name, .. } => name,
                _ => &NO_NAME,
            }
        }))
    }

    fn create_element(&self, name: QualName, mut attrs: Vec<Attribute>, _: ElementFlags) -> NodeId {
        self.step();
        attrs.truncate(self.limits.max_attributes);
        let name = ElementName {
            ns: name.ns,
            local: name.local,
        };
        self.new_node(NodeData::Element { name, attrs })
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.new_node(NodeData::Comment)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.new_node(NodeData::Comment)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.step();
        if self.is_failed() {
            return;
        }
        match child {
            NodeOrText::AppendNode(c) => {
                self.dom.borrow_mut().append(*parent, c);
                self.set_depth(c, *parent);
            }
            NodeOrText::AppendText(t) => {
                let mut dom = self.dom.borrow_mut();
                if let Some(last) = dom.node(*parent).last_child {
                    if let NodeData::Text(existing) = &mut dom.node_mut(last).data {
                        existing.push_tendril(&t);
                        return;
                    }
                }
                drop(dom);
                let id = self.new_node(NodeData::Text(t));
                self.dom.borrow_mut().append(*parent, id);
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        if self.dom.borrow().parent(*element).is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        if self.is_failed() {
            return;
        }
        let id = self.new_node(NodeData::Doctype);
        self.dom.borrow_mut().append(NodeId::DOCUMENT, id);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        // Template contents are inert; parse them into the template itself.
        // The prepare phase drops every <template>.
        *target
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.step();
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.step();
        if self.is_failed() {
            return;
        }
        let new = match new_node {
            NodeOrText::AppendNode(n) => n,
            NodeOrText::AppendText(t) => {
                let mut dom = self.dom.borrow_mut();
                if let Some(prev) = dom.node(*sibling).prev_sibling {
                    if let NodeData::Text(existing) = &mut dom.node_mut(prev).data {
                        existing.push_tendril(&t);
                        return;
                    }
                }
                drop(dom);
                self.new_node(NodeData::Text(t))
            }
        };
        let parent = {
            let mut dom = self.dom.borrow_mut();
            dom.insert_before(*sibling, new);
            dom.parent(new)
        };
        if let Some(p) = parent {
            self.set_depth(new, p);
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.step();
        if self.is_failed() {
            return;
        }
        let max = self.limits.max_attributes;
        let mut dom = self.dom.borrow_mut();
        if let NodeData::Element {
            attrs: existing, ..
        } = &mut dom.node_mut(*target).data
        {
            for a in attrs {
                if existing.len() >= max {
                    break;
                }
                if !existing.iter().any(|e| e.name == a.name) {
                    existing.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.step();
        if self.is_failed() {
            return;
        }
        self.dom.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.step();
        if self.is_failed() {
            return;
        }
        self.dom.borrow_mut().reparent_children(*node, *new_parent);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(dom: &Dom) -> NodeId {
        dom.find_tag(dom.document(), "body").expect("body")
    }

    /// Every node in pre-order: depth, kind, name, attributes and text.
    fn shape(dom: &Dom) -> String {
        let mut out = String::new();
        let root = dom.document();
        for n in dom.descendants(root) {
            let depth = dom.ancestors(n).count();
            let line = match &dom.node(n).data {
                NodeData::Element { name, attrs } => {
                    let attrs: Vec<String> = attrs
                        .iter()
                        .map(|a| format!("{}={:?}", &*a.name.local, &*a.value))
                        .collect();
                    format!("<{:?}:{} {}>", name.ns, &*name.local, attrs.join(" "))
                }
                NodeData::Text(t) => format!("{:?}", &**t),
                other => format!("{other:?}"),
            };
            out.push_str(&format!("{depth} {line}\n"));
        }
        out
    }

    #[test]
    fn raw_bodies_taken_whole_give_the_tokenizers_tree() {
        const PIECES: [&str; 43] = [
            "var a = 1;",
            "b { c: d }",
            "if (a < b) {}",
            "<script>",
            "</script>",
            "<SCRIPT type=text/javascript>",
            "</Script >",
            "<script/>",
            "<style>",
            "</style>",
            "<!--",
            "-->",
            "<svg>",
            "</svg>",
            "<math>",
            "</math>",
            "<textarea>",
            "</textarea>",
            "<title>",
            "</title>",
            "<p>",
            "</p>",
            "<table>",
            "<template>",
            "</template>",
            "<noscript>",
            "</noscript>",
            "<frameset>",
            "<select>",
            "<iframe>",
            "</iframe>",
            "<![CDATA[",
            "]]>",
            "a < b",
            "x",
            "\r\n",
            "\0",
            "&amp;",
            "<script type=\"application/ld+json\">",
            "{\"@type\":\"Article\"}",
            "<head>",
            "<body>",
            "<plaintext>",
        ];
        let limits = Limits::default();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut split = 0;
        for case in 0..5000 {
            let len = 1 + next() % 14;
            let html: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            let input = crate::limit::tokenizer_input(&html, limits.max_attributes, true);
            split += input.bodies.len();
            let whole = Dom::parse_input(&html, &limits, false).unwrap();
            let taken = Dom::parse_input(&html, &limits, true).unwrap();
            assert_eq!(shape(&taken), shape(&whole), "case {case}: {html:?}");
        }
        // The cases exercise the split path, not only the fallback.
        assert!(split > 250, "only {split} bodies set apart");
    }

    /// The vendored tokenizer reads tag and attribute names in runs
    /// (vendor/html5ever): they must come out as the spec's
    /// character-at-a-time states make them, wherever the parser's input
    /// chunks happen to split them.
    #[test]
    fn tag_and_attribute_names_are_read_as_the_spec_says() {
        let limits = Limits::default();
        let dom = Dom::parse(
            "<DiV ClAsS=a DATA-\u{dc}n\u{ef}=1 x\0y=2 a\"b=3 c<d=4 E\rF=5>t</dIv>",
            &limits,
        )
        .unwrap();
        let div = dom
            .find_tag(dom.document(), "div")
            .expect("div, lowercased");
        let names: Vec<&str> = match &dom.node(div).data {
            NodeData::Element { attrs, .. } => attrs.iter().map(|a| &*a.name.local).collect(),
            _ => unreachable!(),
        };
        // ASCII letters are lowercased, others kept; NUL becomes U+FFFD;
        // quotes and `<` are part of the name; CR ends it like a space.
        assert_eq!(
            names,
            [
                "class",
                "data-\u{dc}n\u{ef}",
                "x\u{fffd}y",
                "a\"b",
                "c<d",
                "e",
                "f"
            ]
        );
        assert_eq!(dom.text_content(div), "t");
        // Names split across the parser's 4 KiB input chunks.
        for pad in 4070..4110 {
            let html = format!(
                "<p>{}</p><SECTION Data-Long-Attribute-Name=v>y</SECTION>",
                "x".repeat(pad)
            );
            let dom = Dom::parse(&html, &limits).unwrap();
            let section = dom.find_tag(dom.document(), "section");
            let section = section.unwrap_or_else(|| panic!("pad {pad}: no section"));
            assert_eq!(
                dom.attr(section, "data-long-attribute-name"),
                Some("v"),
                "pad {pad}"
            );
            assert_eq!(dom.text_content(section), "y", "pad {pad}");
        }
    }

    /// Every tree walk reads nodes, and big pages' trees outgrow the cache:
    /// a node stays within 64 bytes (four-byte links, no element prefix).
    #[test]
    fn nodes_stay_small() {
        assert!(
            std::mem::size_of::<Node>() <= 64,
            "{} bytes",
            std::mem::size_of::<Node>()
        );
    }

    #[test]
    fn parses_into_arena_with_links() {
        let dom = Dom::parse(
            "<p id=a>Hello <b>bold</b> world</p><p>Two</p>",
            &Limits::default(),
        )
        .unwrap();
        let b = body(&dom);
        let ps: Vec<_> = dom.element_children(b).collect();
        assert_eq!(ps.len(), 2);
        assert_eq!(dom.attr(ps[0], "id"), Some("a"));
        assert_eq!(dom.text_content(ps[0]), "Hello bold world");
        assert_eq!(dom.parent(ps[1]), Some(b));
        assert_eq!(dom.prev_sibling(ps[1]), Some(ps[0]));
    }

    #[test]
    fn misnested_markup_is_repaired() {
        let dom = Dom::parse("<p><b>one<i>two</b>three</i></p>", &Limits::default()).unwrap();
        assert_eq!(dom.text_content(body(&dom)), "onetwothree");
    }

    #[test]
    fn tree_edits_keep_links_consistent() {
        let mut dom = Dom::parse("<div><p>a</p><p>b</p></div>", &Limits::default()).unwrap();
        let div = dom.find_tag(dom.document(), "div").unwrap();
        let ps = dom.find_all_tags(div, "p");
        dom.unwrap(ps[0]);
        assert_eq!(dom.text_content(div), "ab");
        assert_eq!(dom.children(div).count(), 2);
        dom.detach(ps[1]);
        assert_eq!(dom.text_content(div), "a");
        assert_eq!(dom.node(div).last_child, dom.node(div).first_child);
    }

    #[test]
    fn deep_nesting_is_rejected_while_parsing() {
        let html = "<div>".repeat(100_000);
        let err = Dom::parse(&html, &Limits::default()).unwrap_err();
        assert!(matches!(err, ExtractError::TooDeep { limit: 512 }));
    }

    #[test]
    fn node_limit_is_enforced() {
        let html = "<span></span>".repeat(1000);
        let limits = Limits {
            max_nodes: 100,
            ..Limits::default()
        };
        let err = Dom::parse(&html, &limits).unwrap_err();
        assert!(matches!(err, ExtractError::TooManyNodes { limit: 100 }));
    }

    #[test]
    fn work_limit_is_enforced() {
        let html = "<div>".repeat(500) + &"<p>x</p>".repeat(2000);
        let limits = Limits {
            max_tree_work: 100_000,
            ..Limits::default()
        };
        let err = Dom::parse(&html, &limits).unwrap_err();
        assert!(matches!(err, ExtractError::TooMuchWork { limit: 100_000 }));
        assert!(Dom::parse(&html, &Limits::default()).is_ok());
    }

    #[test]
    fn node_limit_past_a_closing_tag_does_not_panic() {
        // Once handed a placeholder past the node limit, html5ever emptied its
        // stack of open elements on `</p>` and panicked.
        let html = "<p>word</p>".repeat(200);
        let limits = Limits {
            max_nodes: 100,
            ..Limits::default()
        };
        let err = Dom::parse(&html, &limits).unwrap_err();
        assert!(matches!(err, ExtractError::TooManyNodes { limit: 100 }));
    }

    #[test]
    fn arena_is_presized() {
        let html = "<p>one <a href=x>two</a> three</p>\n".repeat(1000);
        let mut dom = Dom::parse(&html, &Limits::default()).unwrap();
        let (count, room) = (dom.node_count(), dom.nodes.capacity());
        assert!(room > count + count / 32 && room < count + count / 8);
        // Later phases add a few nodes without the arena growing.
        for _ in 0..100 {
            dom.create_element("p");
        }
        assert_eq!(dom.nodes.capacity(), room);
    }

    #[test]
    fn input_limit_is_enforced() {
        let limits = Limits {
            max_input_bytes: 10,
            ..Limits::default()
        };
        let err = Dom::parse("<p>longer than ten</p>", &limits).unwrap_err();
        assert!(matches!(err, ExtractError::InputTooLarge { .. }));
    }
}
