//! The arena DOM that every phase works on, and the html5ever
//! [`TreeSink`](html5ever::tree_builder::TreeSink)
//! that builds it.
//!
//! Nodes live in one `Vec` and refer to each other by [`NodeId`]; there are no
//! reference-counted pointers and no recursion anywhere in this module, so a
//! page nested 100,000 levels deep cannot overflow the stack. Parsing stops
//! early, with a typed error, once a [`Limits`] bound is crossed.
//!
//! The node types and the arena are here; tree walks and reads are in
//! `query`, edits in `edit`, the cached text lengths in `spans`, going back
//! to a checkpoint in `undo`, and the tree sink in `sink`.

mod edit;
mod query;
mod sink;
mod spans;
mod undo;

pub(crate) use undo::Aside;

pub use query::{Children, Descendants};

use std::cell::RefCell;
use std::num::NonZeroU32;

use html5ever::tendril::StrTendril;
use html5ever::Attribute;
use markup5ever::{ns, LocalName, Namespace};

use crate::error::ExtractError;
use spans::TextSpan;

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
    /// The journal of the open checkpoint (`Dom::checkpoint`), if any.
    journal: Option<undo::Journal>,
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
            journal: None,
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

    /// Every node ever created in this arena (detached ones included), in
    /// the order of creation, the document node first.
    pub fn arena(&self) -> impl Iterator<Item = NodeId> {
        (NodeId::DOCUMENT.index()..self.nodes.len()).map(NodeId::from_index)
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

    fn push(&mut self, node: Node) -> NodeId {
        let id = NodeId::from_index(self.nodes.len());
        self.nodes.push(node);
        id
    }
}

impl Default for Dom {
    fn default() -> Self {
        Dom::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(dom: &Dom) -> NodeId {
        dom.find_tag(dom.document(), "body").expect("body")
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
