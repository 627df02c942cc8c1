//! Phase 3, score: give every block a content score from the paragraphs it
//! holds (Readability's algorithm: paragraph scores flow to ancestors, class
//! and id weights, link density), and decide whether a page is readerable.

use crate::dom::{Dom, NodeData, NodeId};
use crate::patterns::{self, contains_any, has_token};
use crate::prepare::is_hidden;
use crate::query::inner_text_len;
use crate::text::{comma_count, lower};

/// Content scores by node; `None` for nodes never scored.
///
/// One `f64` per node, NaN for "no score" (no score is ever NaN: every one
/// is a sum of finite weights), so a page of 340,000 nodes costs 2.7 MB,
/// not the 5.4 MB of `Option<f64>`; [`Scores::for_dom`] sizes it once.
#[derive(Debug, Default, Clone)]
pub struct Scores {
    values: Vec<f64>,
}

impl Scores {
    /// Room for a score for every node of `dom`, and for the few nodes a
    /// phase creates afterwards, without growing (a growing vector would
    /// briefly hold its old and new buffers).
    pub fn for_dom(dom: &Dom) -> Self {
        Scores {
            values: Vec::with_capacity(dom.len() + dom.len() / 8 + 16),
        }
    }

    /// The score of `id`, if it has one.
    pub fn get(&self, id: NodeId) -> Option<f64> {
        self.values.get(id.index()).copied().filter(|v| !v.is_nan())
    }

    /// Sets the score of `id` (a finite number).
    pub fn set(&mut self, id: NodeId, v: f64) {
        debug_assert!(!v.is_nan(), "a NaN score would read as no score");
        if self.values.len() <= id.index() {
            self.values.resize(id.index() + 1, f64::NAN);
        }
        self.values[id.index()] = v;
    }

    /// Adds to the score of `id` (which must have one).
    pub fn add(&mut self, id: NodeId, v: f64) {
        let cur = self.get(id).unwrap_or(0.0);
        self.set(id, cur + v);
    }
}

/// Weight of an element's class and id: −25 per negative match, +25 per
/// positive one, each attribute judged on its own.
pub fn class_weight(dom: &Dom, id: NodeId) -> f64 {
    let mut w = 0.0;
    for attr in ["class", "id"] {
        if let Some(v) = dom.attr(id, attr) {
            if v.is_empty() {
                continue;
            }
            let l = lower(v);
            if contains_any(&l, patterns::NEGATIVE) || has_token(&l, patterns::NEGATIVE_TOKENS) {
                w -= 25.0;
            }
            if contains_any(&l, patterns::POSITIVE) {
                w += 25.0;
            }
        }
    }
    w
}

/// The score a block starts with, from its tag, plus its class weight when
/// `weight_classes` is on.
pub fn initial_score(dom: &Dom, id: NodeId, weight_classes: bool) -> f64 {
    let base = match dom.tag(id) {
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    base + if weight_classes {
        class_weight(dom, id)
    } else {
        0.0
    }
}

/// The score a paragraph of `len` characters of normalised text holding
/// `commas` commas contributes: 1, plus one per comma-separated part, plus
/// one per 100 characters (at most 3).
pub fn paragraph_score(len: usize, commas: usize) -> f64 {
    1.0 + (commas + 1) as f64 + (len / 100).min(3) as f64
}

/// The commas in `id`'s text. Normalising whitespace leaves commas alone,
/// so the raw text nodes give the count of the normalised text's.
fn commas_below(dom: &Dom, id: NodeId) -> usize {
    dom.descendants(id)
        .map(|n| match &dom.node(n).data {
            NodeData::Text(t) => comma_count(t),
            _ => 0,
        })
        .sum()
}

/// Scores `paragraphs` into `scores`, returning the candidates (every
/// ancestor that received a share), in the order first reached.
pub fn score_paragraphs(
    dom: &Dom,
    paragraphs: &[NodeId],
    weight_classes: bool,
    scores: &mut Scores,
) -> Vec<NodeId> {
    let mut candidates = Vec::new();
    for &p in paragraphs {
        let Some(parent) = dom.parent(p) else {
            continue;
        };
        if !dom.is_element(parent) {
            continue;
        }
        let len = inner_text_len(dom, p);
        if len < 25 {
            continue;
        }
        let content = paragraph_score(len, commas_below(dom, p));
        for (level, anc) in dom.ancestors(p).take(5).enumerate() {
            // Only elements whose parent is an element (not <html>).
            if !dom.is_element(anc) || !dom.parent(anc).is_some_and(|pp| dom.is_element(pp)) {
                continue;
            }
            if scores.get(anc).is_none() {
                scores.set(anc, initial_score(dom, anc, weight_classes));
                candidates.push(anc);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            scores.add(anc, content / divider);
        }
    }
    candidates
}

/// Readability's `isProbablyReaderable` over a parsed page: enough long,
/// visible paragraphs outside unlikely blocks.
pub fn is_probably_readerable_dom(dom: &Dom) -> bool {
    let root = dom.document();
    let mut score = 0.0;
    let mut cur = Some(root);
    while let Some(n) = cur {
        if dom.is_element(n)
            && (is_hidden(dom, n) || matches!(dom.tag(n), "script" | "style" | "template"))
        {
            cur = dom.next_skipping_children(n, root);
            continue;
        }
        cur = dom.next_in_preorder(n, root);
        let tag = dom.tag(n);
        let is_div_with_br = tag == "div" && dom.element_children(n).any(|c| dom.tag(c) == "br");
        if !matches!(tag, "p" | "pre" | "article") && !is_div_with_br {
            continue;
        }
        let m = lower(&dom.class_and_id(n));
        if contains_any(&m, patterns::UNLIKELY_CANDIDATES)
            && !contains_any(&m, patterns::MAYBE_CANDIDATE)
        {
            continue;
        }
        if tag == "p" && dom.ancestors(n).any(|a| dom.tag(a) == "li") {
            continue;
        }
        let len = dom.text_content(n).trim().chars().count();
        if len < 140 {
            continue;
        }
        score += ((len - 140) as f64).sqrt();
        if score > 20.0 {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::Limits;

    #[test]
    fn class_weights_add_up() {
        let dom = Dom::parse(
            "<div class='article-body' id='sidebar'></div><div class='story'></div>",
            &Limits::default(),
        )
        .unwrap();
        let divs = dom.find_all_tags(dom.document(), "div");
        assert_eq!(class_weight(&dom, divs[0]), 0.0);
        assert_eq!(class_weight(&dom, divs[1]), 25.0);
    }

    #[test]
    fn paragraphs_feed_their_ancestors() {
        let dom = Dom::parse(
            "<div id=outer><div id=inner><p>This paragraph is long enough, with a comma, to be scored.</p></div></div>",
            &Limits::default(),
        )
        .unwrap();
        let p = dom.find_tag(dom.document(), "p").unwrap();
        let mut scores = Scores::default();
        let cands = score_paragraphs(&dom, &[p], true, &mut scores);
        // parent div, grandparent div, body
        assert_eq!(cands.len(), 3);
        let inner = cands[0];
        assert_eq!(dom.attr(inner, "id"), Some("inner"));
        // 5 (div) + 1 + 3 parts (2 commas) + 0
        assert_eq!(scores.get(inner), Some(5.0 + 4.0));
        assert_eq!(scores.get(cands[1]), Some(5.0 + 2.0));
    }

    #[test]
    fn readerable_needs_long_paragraphs() {
        let long = "word ".repeat(200);
        assert!(is_probably_readerable_dom(
            &Dom::parse(&format!("<p>{long}</p>"), &Limits::default()).unwrap()
        ));
        assert!(!is_probably_readerable_dom(
            &Dom::parse("<p>short</p><a href=/>links</a>", &Limits::default()).unwrap()
        ));
    }
}
