//! What the phases record about their decisions when [`crate::explain()`]
//! asks for it: the [`Trace`] of one run.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::dom::NodeId;

/// What happened to a node, as recorded by a phase.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// Removed by a structural rule (hidden, unlikely class, link-dense…).
    Dropped {
        /// The rule, e.g. `"hidden"`, `"unlikely-candidate"`.
        reason: String,
    },
    /// Removed by the clutter classifier.
    Clutter {
        /// The clutter kind, e.g. `"newsletter-form"`.
        kind: String,
        /// The signals behind the decision.
        signals: Vec<String>,
    },
}

/// The decisions and scores of one run. Phases record into it through
/// `Context::dropped` and `Context::clutter` (which call
/// [`Trace::note`]); without a trace, recording costs nothing.
#[derive(Debug, Default)]
pub struct Trace {
    pub(crate) decisions: RefCell<Vec<(NodeId, Decision)>>,
    pub(crate) scores: RefCell<HashMap<NodeId, f64>>,
    pub(crate) container: RefCell<Option<NodeId>>,
    pub(crate) spared: RefCell<HashMap<NodeId, String>>,
}

impl Trace {
    /// Records a decision on `node`.
    pub fn note(&self, node: NodeId, d: Decision) {
        self.decisions.borrow_mut().push((node, d));
    }

    /// Records that a rule which would have removed `node` let it stay, and
    /// why (e.g. `"section-label"`).
    pub fn spare(&self, node: NodeId, reason: &str) {
        self.spared.borrow_mut().insert(node, reason.to_string());
    }

    /// Records the content score of `node`.
    pub fn score(&self, node: NodeId, score: f64) {
        self.scores.borrow_mut().insert(node, score);
    }

    /// Records the chosen article container.
    pub fn container(&self, node: NodeId) {
        *self.container.borrow_mut() = Some(node);
    }

    /// A mark to [`Trace::rewind`] to when a chooser attempt is abandoned.
    pub fn mark(&self) -> usize {
        self.decisions.borrow().len()
    }

    /// Forgets the decisions, scores and container recorded since `mark`.
    pub fn rewind(&self, mark: usize) {
        self.decisions.borrow_mut().truncate(mark);
        self.scores.borrow_mut().clear();
        *self.container.borrow_mut() = None;
    }
}
