//! Queries over the DOM that the phases share: normalised inner text, its
//! length and link density (Readability's `_getInnerText` and
//! `_getLinkDensity`).

use crate::dom::{Dom, NodeData, NodeId};
use crate::text::push_normalized;

impl Dom {
    /// The nearest sibling after `id` for which `keep` holds.
    pub fn next_sibling_where(&self, id: NodeId, keep: impl Fn(NodeId) -> bool) -> Option<NodeId> {
        let mut n = self.next_sibling(id);
        while let Some(x) = n {
            if keep(x) {
                return Some(x);
            }
            n = self.next_sibling(x);
        }
        None
    }

    /// The nearest sibling before `id` for which `keep` holds.
    pub fn prev_sibling_where(&self, id: NodeId, keep: impl Fn(NodeId) -> bool) -> Option<NodeId> {
        let mut n = self.prev_sibling(id);
        while let Some(x) = n {
            if keep(x) {
                return Some(x);
            }
            n = self.prev_sibling(x);
        }
        None
    }
}

/// Inner text of `id`, whitespace-normalised (Readability's `_getInnerText`).
pub fn inner_text(dom: &Dom, id: NodeId) -> String {
    // The cached length in characters: the exact size for ASCII text.
    let mut out = String::with_capacity(dom.text_len(id));
    let mut pending_space = false;
    for n in dom.descendants(id) {
        if let NodeData::Text(t) = &dom.node(n).data {
            push_normalized(t, &mut out, &mut pending_space);
        }
    }
    out
}

/// Length in characters of the normalised inner text, without allocating the
/// normalised string. Cached per node by the [`Dom`] (see [`Dom::text_len`]).
pub fn inner_text_len(dom: &Dom, id: NodeId) -> usize {
    dom.text_len(id)
}

/// Share of `id`'s text that sits inside links; in-page `#` links count 30%.
pub fn link_density(dom: &Dom, id: NodeId) -> f64 {
    let total = inner_text_len(dom, id);
    if total == 0 {
        return 0.0;
    }
    let mut link_len = 0.0;
    let mut cur = Some(id);
    while let Some(n) = cur {
        if dom.tag(n) == "a" && n != id {
            link_len += link_text_weight(dom, n);
            cur = dom.next_skipping_children(n, id);
        } else {
            cur = dom.next_in_preorder(n, id);
        }
    }
    link_len / total as f64
}

/// The text length link `a` adds to a [`link_density`]: all of it, or 0.3
/// of it for an in-page link (`href="#…"`).
pub(crate) fn link_text_weight(dom: &Dom, a: NodeId) -> f64 {
    let coeff = match dom.attr(a, "href") {
        Some(h) if h.trim_start().starts_with('#') && h.trim().len() > 1 => 0.3,
        _ => 1.0,
    };
    inner_text_len(dom, a) as f64 * coeff
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::Limits;
    use crate::text::normalize_ws;

    #[test]
    fn inner_text_and_its_length_agree_across_text_nodes() {
        let dom = Dom::parse(
            "<div id=d>\u{a0} one<b>two</b> \u{2003}three\t<i> four\u{e9}\u{3000}</i>五 </div>",
            &Limits::default(),
        )
        .unwrap();
        let d = dom.find_tag(dom.document(), "div").unwrap();
        let expected = normalize_ws(&dom.text_content(d));
        assert_eq!(expected, "onetwo three four\u{e9} 五");
        assert_eq!(inner_text(&dom, d), expected);
        assert_eq!(inner_text_len(&dom, d), expected.chars().count());
    }

    #[test]
    fn cached_lengths_follow_edits_of_the_tree() {
        let mut dom = Dom::parse(
            "<div id=a> one <p> two<b>three </b></p>\n<p>four</p> <i> </i>five</div>",
            &Limits::default(),
        )
        .unwrap();
        let fresh = |dom: &Dom, id: NodeId| normalize_ws(&dom.text_content(id)).chars().count();
        let a = dom.find_tag(dom.document(), "div").unwrap();
        let check = |dom: &Dom| {
            for n in dom.descendants(dom.document()) {
                assert_eq!(inner_text_len(dom, n), fresh(dom, n), "{n:?}");
            }
        };
        check(&dom);
        let ps = dom.find_all_tags(a, "p");
        dom.detach(ps[0]);
        check(&dom);
        dom.append(a, ps[0]);
        check(&dom);
        let b = dom.find_tag(a, "b").unwrap();
        dom.append_text(b, "and more");
        check(&dom);
        let i = dom.find_tag(a, "i").unwrap();
        dom.insert_before(ps[1], i);
        let t = dom.create_text("  six seven ");
        dom.append(i, t);
        check(&dom);
        dom.unwrap(ps[1]);
        check(&dom);
        assert_eq!(inner_text(&dom, a).chars().count(), inner_text_len(&dom, a));
    }

    #[test]
    fn link_density_counts_link_text() {
        let dom = Dom::parse(
            "<div id=d>four <a href=/x>link</a></div>",
            &Limits::default(),
        )
        .unwrap();
        let d = dom.find_tag(dom.document(), "div").unwrap();
        assert_eq!(inner_text_len(&dom, d), 9);
        assert!((link_density(&dom, d) - 4.0 / 9.0).abs() < 1e-9);
    }
}
