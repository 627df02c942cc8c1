//! Why each block was kept or dropped: [`explain`] runs the very same
//! pipeline as [`crate::extract`] with a [`Trace`] switched on, then reports,
//! for every block-level element of the page as parsed, its path, score,
//! decision and the signals behind it.

use std::collections::HashMap;

use serde::Serialize;

use crate::context::Options;
use crate::dom::{Dom, NodeId};
use crate::error::ExtractError;
use crate::patterns::{is_one_of, BLOCK_ELEMS};
use crate::pipeline::{run_pipeline, Article};
use crate::text::normalize_ws;
pub use crate::trace::{Decision, Trace};

/// The decision on one block, as reported.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Block {
    /// CSS selector path from `html`, e.g. `html>body>div:nth-child(2)>p:nth-child(1)`.
    pub path: String,
    /// Tag name.
    pub tag: String,
    /// Content score, for blocks the scorer looked at.
    pub score: Option<f64>,
    /// `"kept"`, `"dropped"` or `"clutter"`.
    pub decision: &'static str,
    /// The clutter kind, for `"clutter"` blocks.
    pub kind: Option<String>,
    /// The rule or signals behind the decision.
    pub signals: Vec<String>,
    /// True when the decision was made on an ancestor, not this block.
    pub inherited: bool,
    /// The block's text, shortened.
    pub text: String,
}

/// The result of [`explain`].
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Explanation {
    /// The article, exactly as [`crate::extract`] returns it.
    pub article: Article,
    /// Path of the chosen article container, if one element was chosen.
    pub container: Option<String>,
    /// Every block-level element of the page, in document order.
    pub blocks: Vec<Block>,
    /// The text of every kept text node, in the page's order, with all
    /// whitespace removed: the same characters as `article.text` without
    /// its whitespace, read off the decisions rather than the output.
    pub kept_text: String,
}

/// Runs [`crate::extract`]'s pipeline with tracing on and explains every block.
///
/// # Errors
/// The same as [`crate::extract`].
pub fn explain(
    html: &str,
    url: Option<&str>,
    options: &Options,
) -> Result<Explanation, ExtractError> {
    let pristine = Dom::parse(html, &options.limits)?;
    let trace = std::rc::Rc::new(Trace::default());
    let run = run_pipeline(|| Ok(pristine.clone()), url, options, Some(trace.clone()))?;
    let decisions: HashMap<NodeId, Decision> = {
        let mut m = HashMap::new();
        for (n, d) in trace.decisions.borrow().iter() {
            m.entry(*n).or_insert_with(|| d.clone());
        }
        m
    };
    let scores = trace.scores.borrow();
    let paths = element_paths(&pristine);
    // Nodes of the page with kept content below them. One that the pipeline
    // took out of the page without a decision (a <div> unwrapped around its
    // single <p>) is kept through its content.
    let mut holds_kept = vec![false; pristine.len()];
    let order: Vec<NodeId> = pristine.descendants(pristine.document()).collect();
    for &n in order.iter().rev() {
        if run.dom.is_inclusive_ancestor(run.root, n) {
            holds_kept[n.index()] = true;
        }
        if holds_kept[n.index()] {
            if let Some(p) = pristine.parent(n) {
                holds_kept[p.index()] = true;
            }
        }
    }
    let mut blocks = Vec::new();
    for n in pristine.descendants(pristine.document()) {
        let tag = pristine.tag(n);
        if !pristine.is_html(n)
            || !is_one_of(tag, BLOCK_ELEMS)
            || matches!(tag, "html" | "br" | "body")
        {
            continue;
        }
        let own = decisions.get(&n);
        let inherited = own.is_none();
        let found = own.or_else(|| pristine.ancestors(n).find_map(|a| decisions.get(&a)));
        let (decision, kind, signals) = match found {
            // Taken out of a dropped block before it went (the lead
            // paragraph or figure of an unlikely header), and kept.
            Some(_) if inherited && run.dom.is_inclusive_ancestor(run.root, n) => {
                ("kept", None, vec!["rescued".to_string()])
            }
            Some(Decision::Dropped { reason }) => ("dropped", None, vec![reason.clone()]),
            Some(Decision::Clutter { kind, signals }) => {
                ("clutter", Some(kind.clone()), signals.clone())
            }
            // Kept where an unlikely-class rule would have dropped it (the
            // label of the section after it).
            None if holds_kept[n.index()] && trace.spared.borrow().contains_key(&n) => {
                let why = trace.spared.borrow().get(&n).cloned();
                ("kept", None, why.into_iter().collect())
            }
            None if run.dom.is_inclusive_ancestor(run.root, n) => ("kept", None, Vec::new()),
            None if holds_kept[n.index()]
                && !run.dom.is_inclusive_ancestor(run.dom.document(), n) =>
            {
                ("kept", None, vec!["unwrapped".to_string()])
            }
            None => ("dropped", None, vec!["outside-article".to_string()]),
        };
        // A block dropped by structure (outside the article, or an unlikely
        // class) is also shown with the kind the clutter classifier gives it,
        // so a reader of the heat map sees *what* it was, not only the rule.
        let (decision, kind, signals) = match (decision, signals.first().map(String::as_str)) {
            (
                "dropped",
                Some(rule @ ("outside-article" | "unlikely-candidate" | "unlikely-role")),
            ) if !inherited || rule == "outside-article" => {
                match crate::clutter::judge(&pristine, n) {
                    Some(v) => {
                        let mut all = vec![rule.to_string()];
                        all.extend(v.signals.iter().map(|s| s.to_string()));
                        ("clutter", Some(v.kind.name().to_string()), all)
                    }
                    None => (decision, kind, signals),
                }
            }
            _ => (decision, kind, signals),
        };
        let text: String = normalize_ws(&pristine.text_content(n))
            .chars()
            .take(120)
            .collect();
        blocks.push(Block {
            path: paths.get(&n).cloned().unwrap_or_default(),
            tag: tag.to_string(),
            score: scores.get(&n).copied(),
            decision,
            kind,
            signals,
            inherited: inherited && found.is_some(),
            text,
        });
    }
    let container = trace
        .container
        .borrow()
        .and_then(|c| paths.get(&c).cloned());
    let mut kept_text = String::new();
    for n in pristine.descendants(pristine.document()) {
        // The text as the run left it: a credit cut off the end of a
        // caption leaves the start of its text node.
        if let Some(t) = run.dom.text(n) {
            if run.dom.is_inclusive_ancestor(run.root, n)
                && crate::output::is_written(&run.dom, n, run.root)
                && !t.trim().is_empty()
            {
                kept_text.extend(t.chars().filter(|c| !c.is_whitespace()));
            }
        }
    }
    Ok(Explanation {
        article: run.article,
        container,
        blocks,
        kept_text,
    })
}

/// CSS `nth-child` paths of every element, computed in one pre-order pass.
fn element_paths(dom: &Dom) -> HashMap<NodeId, String> {
    let mut out: HashMap<NodeId, String> = HashMap::new();
    for n in dom.descendants(dom.document()) {
        if !dom.is_element(n) {
            continue;
        }
        let parent = dom.parent(n).filter(|&p| dom.is_element(p));
        let path = match parent {
            None => dom.tag(n).to_string(),
            Some(p) => {
                let index = dom.element_children(p).take_while(|&c| c != n).count() + 1;
                format!(
                    "{}>{}:nth-child({index})",
                    out.get(&p).map(String::as_str).unwrap_or(""),
                    dom.tag(n)
                )
            }
        };
        out.insert(n, path);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_count_element_children() {
        let dom = Dom::parse(
            "<div>x</div><p>a</p><p>b<b>c</b></p>",
            &crate::dom::Limits::default(),
        )
        .unwrap();
        let paths = element_paths(&dom);
        let ps = dom.find_all_tags(dom.document(), "p");
        assert_eq!(paths[&ps[1]], "html>body:nth-child(2)>p:nth-child(3)");
    }

    #[test]
    fn explains_kept_and_dropped_blocks() {
        let para = "The council met on Tuesday evening, and after a long debate, it voted to keep the old library open. ";
        let html = format!(
            "<body><nav><a href=/>Home</a></nav><article><p>{para}</p><p>{para}</p><p>{para}</p>\
             <form><input type=email><button>Join</button></form></article><div hidden>secret</div></body>"
        );
        let ex = explain(&html, None, &Options::default()).unwrap();
        let article = crate::extract(&html, None, &Options::default()).unwrap();
        assert_eq!(ex.article, article);
        let p = ex.blocks.iter().find(|b| b.tag == "p").unwrap();
        assert_eq!(p.decision, "kept");
        let container = ex.blocks.iter().find(|b| b.tag == "article").unwrap();
        assert!(container.score.is_some_and(|s| s > 0.0));
        assert_eq!(ex.container.as_deref(), Some(container.path.as_str()));
        let hidden = ex.blocks.iter().find(|b| b.text == "secret").unwrap();
        assert_eq!(hidden.decision, "dropped");
        assert_eq!(hidden.signals, vec!["hidden".to_string()]);
        let nav = ex.blocks.iter().find(|b| b.tag == "nav").unwrap();
        assert_ne!(nav.decision, "kept");
    }

    #[test]
    fn a_lead_taken_out_of_a_dropped_block_is_kept_and_says_so() {
        let para = "The council met on Tuesday evening, and after a long debate, it voted to keep the old library open. ";
        let dek = "Readers queued in the rain to borrow the last books before the vote";
        let html = format!(
            "<html><head><meta name=description content=\"{dek}\"></head><body><article>\
             <div class=story-header><p>{dek}.</p><p>Follow us</p></div>{}</article></body></html>",
            format!("<p>{para}</p>").repeat(12)
        );
        let ex = explain(&html, None, &Options::default()).unwrap();
        let lead = ex
            .blocks
            .iter()
            .find(|b| b.tag == "p" && b.text.starts_with(dek))
            .unwrap();
        assert_eq!(
            (lead.decision, &lead.signals[..]),
            ("kept", &["rescued".to_string()][..])
        );
        let rest = ex.blocks.iter().find(|b| b.text == "Follow us").unwrap();
        assert_ne!(rest.decision, "kept");
    }

    #[test]
    fn a_header_kept_as_the_label_of_its_section_says_so() {
        let para = "The council met on Tuesday evening, and after a long debate, it voted to keep the old library open. ";
        let html = format!(
            "<html><body><article>{}<div class=faq-header id=h1>Will the library open on Sundays?</div>\
             <div class=panel aria-labelledby=h1><p>{para}</p></div></article></body></html>",
            format!("<p>{para}</p>").repeat(12)
        );
        let ex = explain(&html, None, &Options::default()).unwrap();
        let label = ex
            .blocks
            .iter()
            .find(|b| b.text.starts_with("Will the library"))
            .unwrap();
        assert_eq!(
            (label.decision, &label.signals[..]),
            ("kept", &["section-label".to_string()][..])
        );
    }
}
