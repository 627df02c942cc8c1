//! Parsing: html5ever's tree builder, driven chunk by chunk, with a
//! [`TreeSink`] that builds the arena and enforces the [`Limits`].

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{
    ElemName, ElementFlags, NodeOrText, QuirksMode, TreeBuilderOpts, TreeSink,
};
use html5ever::{parse_document, Attribute, ParseOpts, QualName};
use markup5ever::{local_name, ns, LocalName, Namespace};

use super::{Dom, ElementName, Limits, Node, NodeData, NodeId};
use crate::error::ExtractError;

impl Dom {
    /// [`Dom::parse`], with script and style bodies handed to the sink whole
    /// (`take_bodies`) or read by the tokenizer (for tests: both give the
    /// same tree).
    pub(super) fn parse_input(
        html: &str,
        limits: &Limits,
        take_bodies: bool,
    ) -> Result<Dom, ExtractError> {
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
}
