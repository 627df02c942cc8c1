//! Tree edits: attributes, names, new nodes and moves.

use html5ever::tendril::StrTendril;
use html5ever::{Attribute, QualName};
use markup5ever::{ns, LocalName};

use super::undo::Undo;
use super::{Dom, ElementName, Node, NodeData, NodeId};

impl Dom {
    /// Journals `id`'s attributes, when a checkpoint is open, before an
    /// edit changes them.
    fn journal_attrs(&mut self, id: NodeId) {
        if let NodeData::Element { attrs, .. } = &self.nodes[id.index()].data {
            let old = attrs.clone();
            if let Some(j) = self.journal_for(id) {
                j.push(Undo::Attrs(id, old));
            }
        }
    }

    /// Sets (or adds) attribute `name` on an element; no-op on other nodes.
    pub fn set_attr(&mut self, id: NodeId, name: &str, value: &str) {
        if self.journal_for(id).is_some() {
            self.journal_attrs(id);
        }
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
        if self.journal_for(id).is_some() && self.has_attr(id, name) {
            self.journal_attrs(id);
        }
        if let NodeData::Element { attrs, .. } = &mut self.node_mut(id).data {
            attrs.retain(|a| &*a.name.local != name);
        }
    }

    /// Keeps only the attributes for which `keep` returns true.
    pub fn retain_attrs(&mut self, id: NodeId, mut keep: impl FnMut(&str, &str) -> bool) {
        let journal = self.journal_for(id).is_some();
        let NodeData::Element { attrs, .. } = &mut self.node_mut(id).data else {
            return;
        };
        if !journal {
            attrs.retain(|a| keep(&a.name.local, &a.value));
            return;
        }
        let mut removed = Vec::new();
        let mut at = 0;
        attrs.retain(|a| {
            let kept = keep(&a.name.local, &a.value);
            if !kept {
                removed.push((at, a.clone()));
            }
            at += 1;
            kept
        });
        if let (false, Some(j)) = (removed.is_empty(), self.journal_for(id)) {
            j.push(Undo::Removed(id, removed));
        }
    }

    /// Renames an element (keeps its attributes and children).
    pub fn rename(&mut self, id: NodeId, tag: &str) {
        let new = ElementName::html(tag);
        let old = match &mut self.nodes[id.index()].data {
            NodeData::Element { name, .. } => std::mem::replace(name, new),
            _ => return,
        };
        if let Some(j) = self.journal_for(id) {
            j.push(Undo::Name(id, old));
        }
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

    /// Splits text node `id` at byte `at` (a char boundary inside its text):
    /// `id` keeps the text before, a new text node right after it holds the
    /// rest, and is returned. `None`, and nothing changes, when `id` is no
    /// text node or `at` is not strictly inside its text at a char boundary.
    pub fn split_text(&mut self, id: NodeId, at: usize) -> Option<NodeId> {
        let NodeData::Text(t) = &self.nodes[id.index()].data else {
            return None;
        };
        if at == 0 || at >= t.len() || !t.is_char_boundary(at) {
            return None;
        }
        let old = t.clone();
        let rest = self.create_text(&old[at..]);
        if let Some(j) = self.journal_for(id) {
            j.push(Undo::Text(id, old.clone()));
        }
        if let NodeData::Text(t) = &mut self.node_mut(id).data {
            *t = StrTendril::from_slice(&old[..at]);
        }
        self.invalidate(id);
        match self.node(id).next_sibling {
            Some(next) => self.insert_before(next, rest),
            None => {
                if let Some(parent) = self.node(id).parent {
                    self.append(parent, rest);
                }
            }
        }
        Some(rest)
    }

    /// Appends text to `parent`, merging with a trailing text node.
    pub fn append_text(&mut self, parent: NodeId, text: &str) {
        if let Some(last) = self.node(parent).last_child {
            if let NodeData::Text(t) = &self.nodes[last.index()].data {
                let old = t.clone();
                if let Some(j) = self.journal_for(last) {
                    j.push(Undo::Text(last, old));
                }
            }
            if let NodeData::Text(t) = &mut self.node_mut(last).data {
                t.push_slice(text);
                self.invalidate(last);
                return;
            }
        }
        let t = self.create_text(text);
        self.append(parent, t);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::Limits;

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
    fn split_text_keeps_the_text_and_its_order() {
        let mut dom = Dom::parse(
            "<p>Baths in 1925. © Ann Lee<b>!</b></p>",
            &Limits::default(),
        )
        .unwrap();
        let p = dom.find_tag(dom.document(), "p").unwrap();
        let t = dom.first_child(p).unwrap();
        let at = "Baths in 1925.".len();
        let rest = dom.split_text(t, at).unwrap();
        assert_eq!(dom.text(t), Some("Baths in 1925."));
        assert_eq!(dom.text(rest), Some(" © Ann Lee"));
        assert_eq!(dom.next_sibling(t), Some(rest));
        assert_eq!(dom.text_content(p), "Baths in 1925. © Ann Lee!");
        dom.detach(rest);
        assert_eq!(dom.text_content(p), "Baths in 1925.!");
        // Not inside the text, or not at a char boundary: nothing changes.
        assert_eq!(dom.split_text(t, 0), None);
        assert_eq!(dom.split_text(t, t_len(&dom, t)), None);
        assert_eq!(dom.split_text(p, 1), None);
        let lone = dom.create_text("©x");
        assert_eq!(dom.split_text(lone, 1), None);
        assert_eq!(dom.text(lone), Some("©x"));
    }

    fn t_len(dom: &Dom, t: NodeId) -> usize {
        dom.text(t).map_or(0, str::len)
    }
}
