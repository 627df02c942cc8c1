//! Going back to an earlier state of the tree: [`Dom::checkpoint`] and
//! [`Dom::restore`], so that the chooser's retries start again from the
//! prepared page without parsing and preparing it again, or copying it.
//!
//! A checkpoint copies what every edit may change cheaply and in bulk: the
//! five links of every node and the cached text summaries. Changes to a
//! node's data (its name, attributes or text) are rarer, and the edits
//! that make them journal the old value while a checkpoint is open. New
//! nodes are dropped on restore, so the ids an attempt creates are the same
//! in every attempt.

use html5ever::tendril::StrTendril;
use html5ever::Attribute;

use super::spans::TextSpan;
use super::{Dom, ElementName, Node, NodeData, NodeId};

/// The links of one node, as a checkpoint keeps them.
#[derive(Debug, Clone, Copy)]
struct Links {
    parent: Option<NodeId>,
    first_child: Option<NodeId>,
    last_child: Option<NodeId>,
    prev_sibling: Option<NodeId>,
    next_sibling: Option<NodeId>,
}

/// The state of a [`Dom`]'s tree when [`Dom::checkpoint`] was called, to go
/// back to with [`Dom::restore`].
#[derive(Debug)]
pub(crate) struct Checkpoint {
    links: Vec<Links>,
    spans: Vec<TextSpan>,
}

/// A state of a [`Dom`]'s tree after its open checkpoint, put aside by
/// [`Dom::set_aside`] for [`Dom::bring_back`].
#[derive(Debug)]
pub(crate) struct Aside {
    links: Vec<Links>,
    spans: Vec<TextSpan>,
    /// The nodes created since the checkpoint, moved out of the arena.
    created: Vec<Node>,
    /// The data, as it was then, of every node the journal names.
    data: Vec<(NodeId, NodeData)>,
    journal: Vec<Undo>,
}

/// The old data of a node that existed at the checkpoint, journaled by the
/// edit that changed it.
#[derive(Debug, Clone)]
pub(super) enum Undo {
    /// The element's name before a rename.
    Name(NodeId, ElementName),
    /// The element's attributes before `set_attr` or `remove_attr`.
    Attrs(NodeId, Vec<Attribute>),
    /// The attributes `retain_attrs` removed, with their positions then, in
    /// increasing order.
    Removed(NodeId, Vec<(usize, Attribute)>),
    /// The text before `append_text` added to it or `split_text` cut it.
    Text(NodeId, StrTendril),
}

/// The journal of an open checkpoint.
#[derive(Debug, Clone, Default)]
pub(super) struct Journal {
    /// The number of slots of the arena at the checkpoint: nodes at or past
    /// it are dropped on restore, so their edits need no journal.
    len: usize,
    entries: Vec<Undo>,
}

impl Dom {
    /// Saves the state of the tree and journals the changes to node data
    /// from now on, until [`Dom::close_checkpoint`]; [`Dom::restore`] goes
    /// back to it, as often as needed. Costs a pass over the arena (a few
    /// instructions a node), a small part of what parsing costs.
    pub(crate) fn checkpoint(&mut self) -> Checkpoint {
        let links = self.links();
        self.journal = Some(Journal {
            len: self.nodes.len(),
            entries: Vec::new(),
        });
        Checkpoint {
            links,
            spans: self.spans.get_mut().clone(),
        }
    }

    /// Puts the tree back as it was at `checkpoint`, which must be the open
    /// one of this `Dom`: the nodes created since are dropped, the links,
    /// names, attributes, texts and cached text summaries of the others are
    /// as they were. The checkpoint stays open.
    pub(crate) fn restore(&mut self, checkpoint: &Checkpoint) {
        let len = checkpoint.links.len();
        debug_assert_eq!(self.journal.as_ref().map(|j| j.len), Some(len));
        if let Some(journal) = self.journal.as_mut() {
            for undo in journal.entries.drain(..).rev() {
                match undo {
                    Undo::Name(id, old) => {
                        if let NodeData::Element { name, .. } = &mut self.nodes[id.index()].data {
                            *name = old;
                        }
                    }
                    Undo::Attrs(id, old) => {
                        if let NodeData::Element { attrs, .. } = &mut self.nodes[id.index()].data {
                            *attrs = old;
                        }
                    }
                    Undo::Removed(id, removed) => {
                        if let NodeData::Element { attrs, .. } = &mut self.nodes[id.index()].data {
                            for (at, attr) in removed {
                                attrs.insert(at, attr);
                            }
                        }
                    }
                    Undo::Text(id, old) => {
                        if let NodeData::Text(t) = &mut self.nodes[id.index()].data {
                            *t = old;
                        }
                    }
                }
            }
        }
        self.nodes.truncate(len);
        for (node, links) in self.nodes.iter_mut().zip(&checkpoint.links) {
            node.parent = links.parent;
            node.first_child = links.first_child;
            node.last_child = links.last_child;
            node.prev_sibling = links.prev_sibling;
            node.next_sibling = links.next_sibling;
        }
        self.spans.get_mut().clone_from(&checkpoint.spans);
    }

    /// Like [`Dom::restore`], but keeps the state it leaves, to go back to
    /// with [`Dom::bring_back`]: a pass over the arena, plus a copy of the
    /// data of the nodes whose data changed since the checkpoint.
    pub(crate) fn set_aside(&mut self, checkpoint: &Checkpoint) -> Aside {
        let links = self.links();
        let spans = self.spans.get_mut().clone();
        let journal = self
            .journal
            .as_ref()
            .map(|j| j.entries.clone())
            .unwrap_or_default();
        let data = journal
            .iter()
            .map(|undo| {
                let id = match undo {
                    Undo::Name(id, _)
                    | Undo::Attrs(id, _)
                    | Undo::Removed(id, _)
                    | Undo::Text(id, _) => *id,
                };
                (id, self.nodes[id.index()].data.clone())
            })
            .collect();
        let created = self.nodes.split_off(checkpoint.links.len());
        self.restore(checkpoint);
        Aside {
            links,
            spans,
            created,
            data,
            journal,
        }
    }

    /// Goes back to the state `aside` was taken in (from whatever state the
    /// tree is in now, since the same open `checkpoint`).
    pub(crate) fn bring_back(&mut self, checkpoint: &Checkpoint, aside: Aside) {
        self.restore(checkpoint);
        self.nodes.extend(aside.created);
        for (id, data) in aside.data {
            self.nodes[id.index()].data = data;
        }
        for (node, links) in self.nodes.iter_mut().zip(&aside.links) {
            node.parent = links.parent;
            node.first_child = links.first_child;
            node.last_child = links.last_child;
            node.prev_sibling = links.prev_sibling;
            node.next_sibling = links.next_sibling;
        }
        *self.spans.get_mut() = aside.spans;
        if let Some(j) = self.journal.as_mut() {
            j.entries = aside.journal;
        }
    }

    /// The links of every node of the arena.
    fn links(&self) -> Vec<Links> {
        self.nodes
            .iter()
            .map(|n| Links {
                parent: n.parent,
                first_child: n.first_child,
                last_child: n.last_child,
                prev_sibling: n.prev_sibling,
                next_sibling: n.next_sibling,
            })
            .collect()
    }

    /// Stops journaling for the open checkpoint (its tree can no longer be
    /// restored).
    pub(crate) fn close_checkpoint(&mut self) {
        self.journal = None;
    }

    /// The journal to record an edit of `id`'s data in: `None` when no
    /// checkpoint is open or `id` was created after it.
    pub(super) fn journal_for(&mut self, id: NodeId) -> Option<&mut Vec<Undo>> {
        self.journal
            .as_mut()
            .filter(|j| id.index() < j.len)
            .map(|j| &mut j.entries)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::Limits;

    /// Every node's links, name, attributes and text, in arena order.
    fn dump(dom: &Dom) -> String {
        dom.arena()
            .map(|n| {
                let node = dom.node(n);
                let data = match &node.data {
                    NodeData::Element { name, attrs } => {
                        let attrs: Vec<String> = attrs
                            .iter()
                            .map(|a| format!("{}={}", a.name.local, a.value))
                            .collect();
                        format!("<{} {}>", name.local, attrs.join(" "))
                    }
                    NodeData::Text(t) => format!("{:?}", &**t),
                    other => format!("{other:?}"),
                };
                format!(
                    "{} {data} {:?} {:?} {:?} {:?} {:?}\n",
                    n.index(),
                    node.parent,
                    node.first_child,
                    node.last_child,
                    node.prev_sibling,
                    node.next_sibling
                )
            })
            .collect()
    }

    #[test]
    fn restore_undoes_every_kind_of_edit() {
        let html = "<body><div id=a class=x align=left><p>one <b>two</b></p>\
                    <p style=s title=t>three</p></div><ul><li>four</li></ul></body>";
        let mut dom = Dom::parse(html, &Limits::default()).unwrap();
        let doc = dom.document();
        let body = dom.find_tag(doc, "body").unwrap();
        let before = dump(&dom);
        let text_before = dom.text_len(body);
        let checkpoint = dom.checkpoint();
        for round in 0..2 {
            let div = dom.find_tag(doc, "div").unwrap();
            let ps = dom.find_all_tags(div, "p");
            let li = dom.find_tag(doc, "li").unwrap();
            dom.retain_attrs(div, |k, _| k == "class");
            dom.retain_attrs(ps[1], |k, _| k != "style");
            dom.set_attr(ps[0], "data-n", "1");
            dom.remove_attr(div, "class");
            dom.rename(div, "section");
            dom.append_text(li, " and five");
            dom.unwrap(ps[0]);
            let wrap = dom.create_element("p");
            dom.append(body, wrap);
            dom.reparent_children(div, wrap);
            dom.detach(li);
            assert_ne!(dump(&dom), before, "round {round}");
            dom.restore(&checkpoint);
            assert_eq!(dump(&dom), before, "round {round}");
            assert_eq!(dom.text_len(body), text_before);
        }
        dom.close_checkpoint();
        let div = dom.find_tag(doc, "div").unwrap();
        dom.rename(div, "section");
        assert!(dom.journal.is_none());
    }

    /// Edits of every kind, as one attempt of the chooser might make them.
    fn edit(dom: &mut Dom, tag: &str) {
        let doc = dom.document();
        let body = dom.find_tag(doc, "body").unwrap();
        let div = dom.find_tag(doc, "div").unwrap();
        let p = dom.find_tag(div, "p").unwrap();
        let li = dom.find_tag(doc, "li").unwrap();
        dom.retain_attrs(div, |k, _| k == "id");
        dom.rename(div, tag);
        dom.append_text(li, tag);
        let wrap = dom.create_element("p");
        dom.set_attr(wrap, "class", tag);
        dom.append(body, wrap);
        dom.append(wrap, p);
        let text = dom.create_text(tag);
        dom.append(wrap, text);
    }

    #[test]
    fn a_state_set_aside_comes_back() {
        let html = "<body><div id=a class=x align=left><p>one <b>two</b></p></div>                    <ul><li>four</li></ul></body>";
        let mut dom = Dom::parse(html, &Limits::default()).unwrap();
        let body = dom.find_tag(dom.document(), "body").unwrap();
        let pristine = dump(&dom);
        let checkpoint = dom.checkpoint();
        edit(&mut dom, "section");
        dom.text_len(body);
        let first = dump(&dom);
        let first_len = dom.text_len(body);
        let aside = dom.set_aside(&checkpoint);
        assert_eq!(dump(&dom), pristine);
        edit(&mut dom, "article");
        assert_ne!(dump(&dom), first);
        dom.bring_back(&checkpoint, aside);
        assert_eq!(dump(&dom), first);
        assert_eq!(dom.text_len(body), first_len);
        // The journal came back too: the checkpoint can still be restored.
        dom.restore(&checkpoint);
        assert_eq!(dump(&dom), pristine);
    }
}
