//! MathML in the output: which MathML elements and attributes the
//! sanitiser writes, and the text the plain-text and Markdown writers give
//! a formula.
//!
//! The sanitiser keeps the MathML Core elements ([`MATH_TAGS`]) inside a
//! `<math>`, in the MathML namespace, with only presentational attributes
//! ([`math_attr_ok`]): never a URL, a script or a style. Inside a formula:
//!
//! - `<annotation>` keeps its text only, and only inside `<semantics>`
//!   (where a browser does not show it): it carries the TeX source;
//! - `<annotation-xml>` (which can hold HTML or SVG), `<mglyph>` (an image
//!   URL) and `<malignmark>` are dropped with their content;
//! - `<maction>` (whose actions once included links and status-line
//!   scripts) is replaced by the child a browser shows, its first;
//! - any other MathML element (`<menclose>`, `<mfenced>`, `<mstack>`…) is
//!   written as an `<mrow>` holding its children;
//! - HTML elements (which only the MathML text elements may hold) are
//!   unwrapped to their text, so that nothing but MathML is ever written
//!   inside a `<math>`: a browser parses it back into the same tree.
//!
//! The plain text of a formula is its TeX source when it carries one (an
//! `<annotation encoding="application/x-tex">` in the `<semantics>` right
//! inside the `<math>`, as KaTeX and MathJax write it): that is what its
//! author typed, and it reads unambiguously as text (`x^2` where the
//! rendered text would give `x2`). Without it, the text a browser shows
//! (the annotations left out). The Markdown writes the TeX between `$`
//! (`$$` for a displayed formula), or the shown text without it.

use super::DROPPED_TAGS;
use crate::dom::{Dom, NodeData, NodeId};
use crate::patterns::is_one_of;

/// The MathML Core elements the sanitiser writes inside a `<math>`.
pub(super) const MATH_TAGS: &[&str] = &[
    "math",
    "mrow",
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "mspace",
    "msub",
    "msup",
    "msubsup",
    "mfrac",
    "msqrt",
    "mroot",
    "mover",
    "munder",
    "munderover",
    "mmultiscripts",
    "mprescripts",
    "none",
    "mtable",
    "mtr",
    "mtd",
    "mstyle",
    "mpadded",
    "mphantom",
    "semantics",
    "annotation",
    "merror",
];

/// Longest attribute value kept on a MathML element.
const MAX_ATTR_VALUE: usize = 64;

/// How the writers treat an element, as far as MathML goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Math {
    /// An HTML element outside any formula: the HTML rules apply.
    Html,
    /// A MathML element written under this name.
    Element(&'static str),
    /// An `<annotation>` in a `<semantics>`: written with its text only.
    Annotation,
    /// An `<maction>`: only its first element child is written.
    FirstChild,
    /// Not written, nor anything inside it.
    Drop,
    /// Not written; its content is.
    Unwrap,
}

/// How element `id` is written; `in_math` says a MathML element is open
/// around it in the output. Elements of [`DROPPED_TAGS`] are dropped before
/// this is asked.
pub(super) fn classify(dom: &Dom, id: NodeId, in_math: bool) -> Math {
    if dom.is_html(id) {
        return if in_math { Math::Unwrap } else { Math::Html };
    }
    if !dom.is_mathml(id) {
        return Math::Drop;
    }
    let tag = dom.tag(id);
    if tag == "math" {
        return Math::Element("math");
    }
    if !in_math {
        return Math::Unwrap;
    }
    match tag {
        "annotation" => {
            let in_semantics = dom
                .parent(id)
                .is_some_and(|p| dom.is_mathml(p) && dom.tag(p) == "semantics");
            if in_semantics {
                Math::Annotation
            } else {
                Math::Drop
            }
        }
        "annotation-xml" | "mglyph" | "malignmark" | "maligngroup" => Math::Drop,
        "maction" => Math::FirstChild,
        _ => Math::Element(
            MATH_TAGS
                .iter()
                .find(|&&t| t == tag)
                .copied()
                .unwrap_or("mrow"),
        ),
    }
}

/// True if attribute `name="value"` may stay on MathML element `tag`:
/// presentational attributes only, with short values of plain characters.
pub(super) fn math_attr_ok(tag: &str, name: &str, value: &str) -> bool {
    let value = value.trim();
    if value.len() > MAX_ATTR_VALUE
        || !value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b" .-+%/#".contains(&b))
    {
        return false;
    }
    let lower = value.to_ascii_lowercase();
    match name {
        "display" => tag == "math" && matches!(lower.as_str(), "block" | "inline"),
        "dir" => matches!(lower.as_str(), "ltr" | "rtl"),
        "encoding" => tag == "annotation",
        "mathvariant" | "displaystyle" | "scriptlevel" => true,
        "stretchy" | "fence" | "separator" | "lspace" | "rspace" | "largeop" | "movablelimits"
        | "symmetric" | "minsize" | "maxsize" => tag == "mo",
        "accent" => matches!(tag, "mover" | "munderover" | "mo"),
        "accentunder" => matches!(tag, "munder" | "munderover"),
        "linethickness" => tag == "mfrac",
        "columnalign" | "rowalign" => matches!(tag, "mtable" | "mtr" | "mtd"),
        "columnspan" | "rowspan" => tag == "mtd",
        "width" | "height" | "depth" => matches!(tag, "mspace" | "mpadded"),
        "voffset" => tag == "mpadded",
        _ => false,
    }
}

/// The TeX source of formula `math` (a `<math>` element), from the
/// `application/x-tex` annotation of a `<semantics>` right inside it, with
/// its whitespace collapsed; `None` without one.
pub(super) fn tex(dom: &Dom, math: NodeId) -> Option<String> {
    let annotation = dom
        .element_children(math)
        .filter(|&s| dom.is_mathml(s) && dom.tag(s) == "semantics")
        .flat_map(|s| dom.element_children(s))
        .find(|&a| {
            dom.is_mathml(a)
                && dom.tag(a) == "annotation"
                && dom.attr(a, "encoding").is_some_and(|e| {
                    let e = e.trim();
                    e.eq_ignore_ascii_case("application/x-tex")
                        && math_attr_ok("annotation", "encoding", e)
                })
        })?;
    let mut tex = String::new();
    for t in dom.children(annotation).filter_map(|c| dom.text(c)) {
        tex.push_str(t);
    }
    let tex = crate::text::normalize_ws(&tex.replace('\0', ""));
    (!tex.is_empty()).then_some(tex)
}

/// True if formula `math` is displayed as a block (`display="block"`).
pub(super) fn is_display(dom: &Dom, math: NodeId) -> bool {
    dom.attr(math, "display")
        .is_some_and(|d| d.trim().eq_ignore_ascii_case("block"))
}

/// The text a browser shows of formula `math`: the text of what the
/// sanitiser writes of it, the annotations left out, a space after each
/// table cell and row.
pub(super) fn shown_text(dom: &Dom, math: NodeId) -> String {
    let mut out = String::new();
    for c in dom.children(math) {
        shown(dom, c, &mut out, 0);
    }
    out
}

/// Appends the shown text of node `id` (inside a formula) to `out`.
fn shown(dom: &Dom, id: NodeId, out: &mut String, depth: usize) {
    let tag = match &dom.node(id).data {
        NodeData::Text(t) => {
            out.push_str(t);
            return;
        }
        NodeData::Element { .. } => dom.tag(id),
        _ => return,
    };
    if is_one_of(tag, DROPPED_TAGS) {
        return;
    }
    if depth > super::MAX_NESTING {
        out.push_str(&dom.text_content(id));
        return;
    }
    match classify(dom, id, true) {
        Math::Drop | Math::Annotation | Math::Html => {}
        Math::FirstChild => {
            if let Some(first) = dom.element_children(id).next() {
                shown(dom, first, out, depth + 1);
            }
        }
        Math::Element(_) | Math::Unwrap => {
            for c in dom.children(id) {
                shown(dom, c, out, depth + 1);
            }
            if matches!(tag, "mtd" | "mtr") && !out.ends_with(' ') {
                out.push(' ');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_presentational_attributes_with_plain_values_stay() {
        assert!(math_attr_ok("math", "display", " Block "));
        assert!(!math_attr_ok("mi", "display", "block"));
        assert!(!math_attr_ok("math", "display", "flex"));
        assert!(math_attr_ok("mi", "mathvariant", "bold-italic"));
        assert!(math_attr_ok("mo", "lspace", "0.2em"));
        assert!(math_attr_ok("annotation", "encoding", "application/x-tex"));
        assert!(!math_attr_ok("mi", "encoding", "application/x-tex"));
        assert!(!math_attr_ok("mi", "href", "https://example.org/"));
        assert!(!math_attr_ok("mi", "style", "color:red"));
        assert!(!math_attr_ok("mi", "onclick", "x"));
        assert!(!math_attr_ok("mo", "lspace", "url(x)"));
        assert!(!math_attr_ok("mi", "mathvariant", &"a".repeat(65)));
    }
}
