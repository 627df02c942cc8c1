//! The options of a run and the [`Context`] every phase reads.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::dom::{Limits, NodeId};
use crate::link::Url;
use crate::patterns::{self, ClutterKind};
use crate::trace::{Decision, Trace};

/// What [`crate::extract`] may do. Every field has a sensible default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Options {
    /// Bounds on input size, node count, nesting depth, attributes per tag
    /// and tree-building work.
    pub limits: Limits,
    /// Minimum article length in characters before the chooser relaxes its
    /// rules and tries again (Readability's `charThreshold`). Default 1000
    /// (Readability's is 500): a first attempt of under 150 words or so is
    /// often one block of a product page or a story whose other half an
    /// unlikely-looking class hid; the retries keep the longest attempt.
    pub char_threshold: usize,
    /// How many top-scoring candidates the chooser compares. Default 5.
    pub top_candidates: usize,
    /// Remove clutter (appeals, forms, share rows, teasers…) inside the
    /// chosen article. Default true.
    pub remove_clutter: bool,
    /// Build [`crate::Article::text`], the article as plain text. Default true.
    /// The word count and reading time are right either way.
    pub text: bool,
    /// Build [`crate::Article::markdown`]. Default false: a reader view needs only
    /// `content`, and [`crate::markdown_from_html`] turns that into the same
    /// Markdown later, when it is asked for.
    pub markdown: bool,
    /// Give each removed clutter block of [`crate::Article::clutter`] its
    /// label, item count and sanitised HTML, and mark where it was in
    /// [`crate::Article::content`] (see [`crate::Removed::at`]). Default
    /// false: the article is then exactly as without this option.
    pub removed_blocks: bool,
    /// Clutter kinds to keep in the article: blocks the classifier finds
    /// to be of one of these kinds stay where they are. Default empty.
    /// Read from kebab-case names (`"newsletter-form"`); names of no kind
    /// are ignored.
    #[serde(deserialize_with = "known_kinds")]
    pub keep_kinds: Vec<ClutterKind>,
}

/// The kinds named in a list of names, unknown names skipped (a setting
/// saved by another version may name a kind this one does not have).
fn known_kinds<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<ClutterKind>, D::Error> {
    let names: Vec<String> = Vec::deserialize(d)?;
    let mut kinds = Vec::new();
    for k in names.iter().filter_map(|n| ClutterKind::from_name(n)) {
        if !kinds.contains(&k) {
            kinds.push(k);
        }
    }
    Ok(kinds)
}

impl Default for Options {
    fn default() -> Self {
        Options {
            limits: Limits::default(),
            char_threshold: 1000,
            top_candidates: 5,
            remove_clutter: true,
            text: true,
            markdown: false,
            removed_blocks: false,
            keep_kinds: Vec::new(),
        }
    }
}

/// Shared, read-only facts every phase may consult.
#[derive(Debug, Clone)]
pub struct Context {
    /// The options of this run.
    pub options: Options,
    /// Base URL for resolving relative links (`<base href>` applied).
    pub base: Option<Url>,
    /// The article title, once metadata has found it (used to drop a
    /// duplicate headline from the body).
    pub title: Option<String>,
    /// The page's description (its `<meta>` or JSON-LD summary), once
    /// metadata has found it: the chooser prefers the candidate holding it.
    pub description: Option<String>,
    /// The site's name, once metadata has found it (`og:site_name`,
    /// JSON-LD publisher…): the clutter rules know the page's own
    /// promotions by it ("Die Harbour Ledger NEWS-App").
    pub site_name: Option<String>,
    /// The people the page's byline names ([`byline_names`]): the clutter
    /// rules know the author's own furniture by them ("Email Ann").
    pub authors: Vec<String>,
    /// Where phases record their decisions when [`crate::explain()`] runs.
    pub trace: Option<Rc<Trace>>,
}

impl Context {
    /// A context with these options and no base URL, title or trace.
    #[cfg(test)]
    pub fn new(options: Options) -> Self {
        Context {
            options,
            base: None,
            title: None,
            description: None,
            site_name: None,
            authors: Vec::new(),
            trace: None,
        }
    }

    /// Records that `node` was removed by structural rule `reason`.
    pub fn dropped(&self, node: NodeId, reason: &str) {
        if let Some(t) = &self.trace {
            t.note(
                node,
                Decision::Dropped {
                    reason: reason.to_string(),
                },
            );
        }
    }

    /// Records that `node` stayed although a removal rule matched it, for
    /// `reason`.
    pub fn spared(&self, node: NodeId, reason: &str) {
        if let Some(t) = &self.trace {
            t.spare(node, reason);
        }
    }

    /// Records that `node` was removed as clutter of `kind`.
    pub fn clutter(&self, node: NodeId, kind: &str, signals: &[&str]) {
        if let Some(t) = &self.trace {
            t.note(
                node,
                Decision::Clutter {
                    kind: kind.to_string(),
                    signals: signals.iter().map(|s| s.to_string()).collect(),
                },
            );
        }
    }
}

/// The people a byline names, in its order: the parts between
/// [`patterns::BYLINE_NAME_SEPARATORS`], each after a label's colon
/// ("Text: Ann Lee") and a [`patterns::BYLINE_PREFIXES`] word ("By"),
/// kept when it has two to [`patterns::AUTHOR_NAME_MAX_WORDS`] words, each
/// capitalised or a [`patterns::NAME_PARTICLES`] word, none with a digit
/// or an `@`. A single word ("Redaktion", a user name) names no one surely.
pub fn byline_names(byline: &str) -> Vec<String> {
    let mut parts = vec![byline.to_string()];
    for sep in patterns::BYLINE_NAME_SEPARATORS {
        parts = parts
            .iter()
            .flat_map(|p| p.split(sep).map(str::to_string).collect::<Vec<_>>())
            .collect();
    }
    parts
        .iter()
        .filter_map(|p| {
            let p = p.rsplit(':').next().unwrap_or(p).trim();
            let mut words: Vec<&str> = p.split_whitespace().collect();
            if words
                .first()
                .is_some_and(|w| patterns::BYLINE_PREFIXES.contains(&w.to_lowercase().as_str()))
            {
                words.remove(0);
            }
            let name_like = |w: &&str| {
                !w.chars().any(|c| c.is_numeric() || c == '@')
                    && (w.chars().next().is_some_and(char::is_uppercase)
                        || patterns::NAME_PARTICLES.contains(&w.to_lowercase().as_str()))
            };
            let fits = (2..=patterns::AUTHOR_NAME_MAX_WORDS).contains(&words.len())
                && words.iter().all(name_like)
                && words
                    .first()
                    .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
            fits.then(|| words.join(" "))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::byline_names;

    #[test]
    fn byline_names_are_people_of_two_words_or_more() {
        assert_eq!(byline_names("By Ruth Penhale"), ["Ruth Penhale"]);
        assert_eq!(
            byline_names("Text: Tom Ashby und Ruth Penhale"),
            ["Tom Ashby", "Ruth Penhale"]
        );
        assert_eq!(
            byline_names("Ann Lee, Jan van der Berg"),
            ["Ann Lee", "Jan van der Berg"]
        );
        // One word, a user name, a handle or a sentence names no one surely.
        for none in [
            "Redaktion",
            "von user5105",
            "@annlee",
            "the staff of the paper",
        ] {
            assert!(byline_names(none).is_empty(), "{none}");
        }
    }
}
