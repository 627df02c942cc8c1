//! Zones of the page the article is never taken from when a candidate
//! outside them scores nearly as well: footers and consent dialogs.

use crate::dom::{Dom, NodeId};
use crate::patterns::{self, contains_any};
use crate::query::inner_text;
use crate::text::lower;

/// The candidates, without those inside a `<footer>` when the best lies
/// there and a candidate outside any footer scores at least
/// [`FOOTER_RIVAL_SHARE`] of it: a footer's contact or service blurb is
/// not the page's article, however well its prose scores. (Asides are left
/// alone: a page's own text sits in an `<aside>` too often.)
pub(super) fn prefer_outside_footer(
    dom: &Dom,
    body: NodeId,
    top: Vec<(NodeId, f64)>,
) -> Vec<(NodeId, f64)> {
    prefer_outside(top, |c| {
        std::iter::once(c)
            .chain(dom.ancestors(c))
            .take_while(|&a| a != body)
            .any(|a| dom.tag(a) == "footer")
    })
}

/// The candidates, without those inside a consent layer when the best lies
/// in one and a candidate outside scores at least [`FOOTER_RIVAL_SHARE`] of
/// it: a cookie dialog's paragraphs about each kind of cookie score as
/// prose, but they are never the page's article. A consent layer is an
/// element whose class or id names one ([`patterns::CONSENT_LAYER_WORDS`])
/// and whose text says what a consent notice says (a
/// [`ClutterKind::Cookie`](patterns::ClutterKind::Cookie) sentence cue, "we
/// use cookies"): a class word alone may name a recipe's cookies. Says
/// too whether the best gave way.
pub(super) fn prefer_outside_consent(
    dom: &Dom,
    body: NodeId,
    top: Vec<(NodeId, f64)>,
) -> (Vec<(NodeId, f64)>, bool) {
    let best = top.first().map(|&(c, _)| c);
    let top = prefer_outside(top, |c| {
        std::iter::once(c)
            .chain(dom.ancestors(c))
            .take_while(|&a| a != body)
            .any(|a| is_consent_layer(dom, a))
    });
    let passed_over = top.first().map(|&(c, _)| c) != best;
    (top, passed_over)
}

/// Whether element `node` is a consent layer ([`prefer_outside_consent`]).
fn is_consent_layer(dom: &Dom, node: NodeId) -> bool {
    let named = ["class", "id"].iter().any(|attr| {
        dom.attr(node, attr)
            .is_some_and(|v| contains_any(&v.to_ascii_lowercase(), patterns::CONSENT_LAYER_WORDS))
    });
    named && {
        let text = lower(&inner_text(dom, node));
        patterns::SENTENCE_CUES
            .iter()
            .any(|&(cue, kind)| kind == patterns::ClutterKind::Cookie && text.contains(cue))
    }
}

/// The candidates without those `inside` a zone of the page, when the best
/// lies inside one and a candidate outside scores at least
/// [`FOOTER_RIVAL_SHARE`] of it; otherwise as they were.
fn prefer_outside(
    mut top: Vec<(NodeId, f64)>,
    inside: impl Fn(NodeId) -> bool,
) -> Vec<(NodeId, f64)> {
    let Some(&(best, best_score)) = top.first() else {
        return top;
    };
    if !inside(best)
        || !top
            .iter()
            .any(|&(c, s)| s >= best_score * FOOTER_RIVAL_SHARE && !inside(c))
    {
        return top;
    }
    top.retain(|&(c, _)| !inside(c));
    top
}

/// The share of the best candidate's score that a candidate outside the
/// page's footers or consent layers needs to win over it
/// ([`prefer_outside_footer`], [`prefer_outside_consent`]).
const FOOTER_RIVAL_SHARE: f64 = 0.5;
