//! Tree walks and reads: links, iterators, names, attributes and text.

use html5ever::Attribute;
use markup5ever::{ns, LocalName, Namespace};

use super::{Dom, NodeData, NodeId};

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

    /// True if the element is in the MathML namespace.
    pub fn is_mathml(&self, id: NodeId) -> bool {
        matches!(&self.node(id).data, NodeData::Element { name, .. } if name.ns == ns!(mathml))
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
        // The length and first byte before the byte-wise comparison:
        // attribute names of one length mostly differ in their first byte.
        let first = name.as_bytes().first();
        self.attrs(id)
            .iter()
            .find(|a| {
                let n: &str = &a.name.local;
                n.len() == name.len() && n.as_bytes().first() == first && n == name
            })
            .map(|a| &*a.value)
    }

    /// True if the element has attribute `name`.
    pub fn has_attr(&self, id: NodeId, name: &str) -> bool {
        self.attr(id, name).is_some()
    }

    /// `class` and `id` joined by a space, the string Readability matches its
    /// class/id patterns against.
    pub fn class_and_id(&self, id: NodeId) -> String {
        // One pass over the attributes; the first of each name counts.
        let (mut class, mut id_value) = (None, None);
        for a in self.attrs(id) {
            match &*a.name.local {
                "class" if class.is_none() => class = Some(&*a.value),
                "id" if id_value.is_none() => id_value = Some(&*a.value),
                _ => {}
            }
        }
        if class.is_none() && id_value.is_none() {
            return String::new();
        }
        // One allocation of the exact size.
        let len = |v: Option<&str>| v.map_or(0, str::len);
        let mut s = String::with_capacity(len(class) + 1 + len(id_value));
        if let Some(c) = class {
            s.push_str(c);
        }
        if let Some(i) = id_value {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(i);
        }
        s
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

    /// The first element below `root` (inclusive) with this tag name.
    pub fn find_tag(&self, root: NodeId, tag: &str) -> Option<NodeId> {
        self.descendants(root).find(|&n| self.tag(n) == tag)
    }

    /// All elements below `root` (inclusive) with this tag name.
    pub fn find_all_tags(&self, root: NodeId, tag: &str) -> Vec<NodeId> {
        // Interned names are equal exactly when their strings are: one
        // look-up of `tag`, then a word comparison per element.
        let name = LocalName::from(tag);
        self.descendants(root)
            .filter(|&n| matches!(&self.node(n).data, NodeData::Element { name: e, .. } if e.local == name))
            .collect()
    }
}
