//! The per-node summaries of normalised text behind [`Dom::text_len`],
//! cached and invalidated by edits.

use super::{Dom, NodeData, NodeId};

/// What the normalised text of a subtree looks like from outside: its
/// length in characters, and whether whitespace precedes its first word and
/// follows its last (for a subtree with no words, both say whether it has
/// any whitespace). Two summaries combine exactly, so a node's comes from
/// its children's.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct TextSpan {
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

impl Dom {
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
    pub(super) fn invalidate(&mut self, id: NodeId) {
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
}
