//! The typed error of the public API.

use std::fmt;

/// Why an extraction failed. Each variant names the bound or the problem, so
/// callers (the CLI, the extension) can tell the user exactly what happened.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExtractError {
    /// The input is larger than [`crate::Limits::max_input_bytes`].
    InputTooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The page has more nodes than [`crate::Limits::max_nodes`].
    TooManyNodes {
        /// The limit.
        limit: usize,
    },
    /// Elements nest deeper than [`crate::Limits::max_depth`].
    TooDeep {
        /// The limit.
        limit: usize,
    },
    /// Building the tree took more than [`crate::Limits::max_tree_work`]
    /// steps (typically deeply misnested formatting markup).
    TooMuchWork {
        /// The limit.
        limit: u64,
    },
    /// The page has no `<body>` content at all to extract from.
    NoContent,
    /// The Markdown of the article would be longer than `limit` bytes
    /// ([`crate::markdown_from_html`] bounds it by the size of its input).
    MarkdownTooLong {
        /// The limit in bytes.
        limit: usize,
    },
}

impl ExtractError {
    /// A short stable machine-readable code, e.g. `"too-deep"`.
    pub fn code(&self) -> &'static str {
        match self {
            ExtractError::InputTooLarge { .. } => "input-too-large",
            ExtractError::TooManyNodes { .. } => "too-many-nodes",
            ExtractError::TooDeep { .. } => "too-deep",
            ExtractError::TooMuchWork { .. } => "too-much-work",
            ExtractError::NoContent => "no-content",
            ExtractError::MarkdownTooLong { .. } => "markdown-too-long",
        }
    }
}

impl fmt::Display for ExtractError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExtractError::InputTooLarge { size, limit } => write!(
                f,
                "page is too large: {size} bytes, the limit is {limit} bytes"
            ),
            ExtractError::TooManyNodes { limit } => {
                write!(f, "page has too many nodes: the limit is {limit}")
            }
            ExtractError::TooDeep { limit } => write!(
                f,
                "page nests elements too deeply: the limit is {limit} levels"
            ),
            ExtractError::TooMuchWork { limit } => write!(
                f,
                "page markup is too tangled to parse: it needs more than {limit} tree-building steps"
            ),
            ExtractError::NoContent => write!(f, "page has no content to extract"),
            ExtractError::MarkdownTooLong { .. } => {
                write!(f, "This article is too long to copy as Markdown.")
            }
        }
    }
}

impl std::error::Error for ExtractError {}
