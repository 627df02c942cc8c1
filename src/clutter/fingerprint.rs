//! Fingerprints of what the classifier reads about an element, so that a
//! verdict of [`super::mark`] can stand in [`super::sweep`] for an element
//! that did not change.

use super::*;

/// Whether no rule reads attribute `name`: the presentational attributes
/// that Readability's cleaning strips between [`mark`] and [`sweep`], and
/// sizes. Leaving them out of [`Fingerprints`] keeps verdicts valid across
/// the stripping. Every other attribute counts.
pub(super) fn is_unread_attr(name: &str) -> bool {
    patterns::PRESENTATIONAL_ATTRS.contains(&name) || name == "width" || name == "height"
}

/// Hashes of what [`judge`] reads about each node under a root, indexed by
/// node: its subtree (tags, attributes but the [`is_unread_attr`] ones,
/// text) and its ancestors (tags and attributes).
pub(super) struct Fingerprints {
    pub(super) subtree: Vec<u64>,
    pub(super) above: Vec<u64>,
    /// How many elements the subtree holds, the root included.
    pub(super) elements: usize,
    /// Whether the subtree holds a picture ([`patterns::CAPTIONED_MEDIA`]):
    /// without one, no element follows a picture.
    pub(super) pictures: bool,
}

impl Fingerprints {
    /// One pass down and one up over `root`'s subtree.
    pub(super) fn new(dom: &Dom, root: NodeId) -> Fingerprints {
        let nodes: Vec<NodeId> = dom.descendants(root).collect();
        let mut own = vec![0; dom.len()];
        let mut elements = 0;
        let mut pictures = false;
        for &n in &nodes {
            own[n.index()] = own_hash(dom, n);
            if dom.is_element(n) {
                elements += 1;
                pictures |= is_one_of(dom.tag(n), patterns::CAPTIONED_MEDIA);
            }
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
            pictures,
        }
    }

    /// The key of element `node` (strictly under the root): its subtree and
    /// ancestors, plus the neighbours [`judge`] looks at — the parent's
    /// text length and nearest siblings for a phrasing element
    /// ([`is_inside_text`], [`stands_alone`]), the following block for a
    /// heading and the preceding heading for a list or section
    /// ([`titled_sibling`]), the preceding block for a paragraph or list
    /// ([`lone_story_link`]), both sibling elements of a box
    /// ([`is_story_note`]), and for a short element whether a picture
    /// stands right before it ([`follows_picture`]).
    pub(super) fn key(&self, dom: &Dom, node: NodeId) -> u64 {
        let mut h = WordHasher::default();
        h.write_u64(self.subtree[node.index()]);
        h.write_u64(self.above[node.index()]);
        let tag = dom.tag(node);
        if is_one_of(tag, patterns::PHRASING_ELEMS) {
            if let Some(p) = dom.parent(node).filter(|&p| dom.is_element(p)) {
                h.write_usize(inner_text_len(dom, p));
            }
            // The neighbours [`is_inside_text`] reads.
            for s in line_neighbours(dom, node).into_iter().flatten() {
                h.write_u64(self.subtree[s.index()]);
            }
        }
        let sibling = if is_subheading(tag) {
            dom.next_sibling_where(node, |x| dom.is_element(x))
        } else if matches!(tag, "ul" | "ol" | "div" | "section" | "aside" | "dl" | "p") {
            dom.prev_sibling_where(node, |x| dom.is_element(x))
        } else {
            None
        };
        if let Some(s) = sibling {
            h.write_u64(self.subtree[s.index()]);
        }
        // A note between two paragraphs ([`is_story_note`]) reads the next
        // one too (the previous one is hashed above).
        if matches!(tag, "div" | "section" | "aside" | "p") {
            if let Some(s) = dom.next_sibling_where(node, |x| dom.is_element(x)) {
                h.write_u64(self.subtree[s.index()]);
            }
        }
        // Whether a short element stands right after a picture, which the
        // credit rules read ([`follows_picture`]): the picture may go
        // between [`mark`] and [`sweep`].
        if self.pictures && inner_text_len(dom, node) <= patterns::CREDIT_MAX {
            h.write_u8(u8::from(follows_picture(dom, node, PICTURE_LEVELS)));
        }
        h.finish()
    }
}

/// The hashing of the clutter phase's own tables (verdicts by
/// [`Fingerprints::key`], marked blocks by node): [`WordHasher`] started
/// from a seed drawn per table from the standard library's `RandomState`,
/// so that a page cannot aim its elements at one bucket without knowing
/// it. The standard tables' SipHash costs several times more per key.
#[derive(Debug, Clone)]
pub(super) struct SeededWords(u64);

impl Default for SeededWords {
    fn default() -> Self {
        SeededWords(std::collections::hash_map::RandomState::new().hash_one(0u64))
    }
}

impl BuildHasher for SeededWords {
    type Hasher = WordHasher;

    fn build_hasher(&self) -> WordHasher {
        WordHasher(self.0)
    }
}

/// A hash table of the clutter phase, hashed by [`SeededWords`].
pub(super) type WordMap<K, V> = HashMap<K, V, SeededWords>;

/// A fast 64-bit hasher for [`Fingerprints`]: each 8-byte word is mixed in
/// by SplitMix64's finaliser (two 64-bit multiplies and three shifts), which
/// spreads a one-bit change over the whole state. Only 64-bit operations,
/// which wasm has (a 64×64→128-bit multiply, as wyhash and foldhash fold, is
/// a library call there). Not for hash tables an attacker fills; a collision
/// here costs at most one verdict on the attacker's own page.
#[derive(Default)]
pub(super) struct WordHasher(u64);

impl WordHasher {
    const K0: u64 = 0x243f_6a88_85a3_08d3;

    /// SplitMix64's finaliser: a bijection in which every input bit affects
    /// every output bit.
    pub(super) fn mix(mut z: u64) -> u64 {
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
pub(super) fn own_hash(dom: &Dom, node: NodeId) -> u64 {
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
