//! The tree-construction suite (`data/tree-construction/*.dat`): every test
//! (a document, or a fragment in its context element) with scripting off
//! and on (only the one a `#script-off` or `#script-on` test names), fed
//! whole and one character at a time, through both parsers, each building
//! an `RcDom` serialised in the suite's `| <tag>` format.

use std::fs;
use std::path::Path;

use markup5ever::{ns, LocalName, QualName};
use markup5ever_rcdom::{Handle, NodeData, RcDom};

use crate::Outcome;

/// One test of a `.dat` file.
struct TreeTest {
    /// Its line in the file, for messages.
    line: usize,
    data: String,
    document: String,
    /// `#document-fragment`: the context element, as `td` or `svg path`.
    fragment: Option<String>,
    /// `#script-on` / `#script-off`: the one scripting flag to run with.
    scripting: Option<bool>,
}

/// Splits a `.dat` file into its tests.
fn parse_dat(text: &str) -> Result<Vec<TreeTest>, String> {
    #[derive(Default)]
    struct Partial {
        line: usize,
        sections: Vec<(String, String)>,
    }
    fn finish(p: Partial) -> Result<TreeTest, String> {
        let get = |key: &str| {
            p.sections
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        let data = get("data").ok_or(format!("line {}: no #data", p.line))?;
        let document = get("document").ok_or(format!("line {}: no #document", p.line))?;
        Ok(TreeTest {
            line: p.line,
            // The section's last line break is not part of the input.
            data: data.strip_suffix('\n').unwrap_or(data).to_string(),
            document: document.trim_end_matches('\n').to_string(),
            fragment: get("document-fragment").map(|f| f.trim_end_matches('\n').to_string()),
            scripting: if get("script-on").is_some() {
                Some(true)
            } else if get("script-off").is_some() {
                Some(false)
            } else {
                None
            },
        })
    }
    const HEADERS: [&str; 7] = [
        "#data",
        "#errors",
        "#new-errors",
        "#document-fragment",
        "#script-on",
        "#script-off",
        "#document",
    ];
    let mut tests = Vec::new();
    let mut current: Option<Partial> = None;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let bare = line.strip_suffix('\n').unwrap_or(line);
        if HEADERS.contains(&bare) {
            if bare == "#data" {
                if let Some(p) = current.take() {
                    tests.push(finish(p)?);
                }
                current = Some(Partial {
                    line: n + 1,
                    sections: Vec::new(),
                });
            }
            let p = current
                .as_mut()
                .ok_or(format!("line {}: {bare} before #data", n + 1))?;
            p.sections.push((bare[1..].to_string(), String::new()));
        } else if let Some((_, value)) = current.as_mut().and_then(|p| p.sections.last_mut()) {
            value.push_str(line);
        }
    }
    if let Some(p) = current {
        tests.push(finish(p)?);
    }
    Ok(tests)
}

fn context_name(context: &str) -> QualName {
    if let Some(local) = context.strip_prefix("svg ") {
        QualName::new(None, ns!(svg), LocalName::from(local))
    } else if let Some(local) = context.strip_prefix("math ") {
        QualName::new(None, ns!(mathml), LocalName::from(local))
    } else {
        QualName::new(None, ns!(html), LocalName::from(context))
    }
}

/// Appends `node` and its subtree in the suite's format.
fn serialise(out: &mut String, depth: usize, node: &Handle) {
    let indent = "  ".repeat(depth);
    out.push_str("| ");
    out.push_str(&indent);
    match &node.data {
        NodeData::Document => out.push_str("#document"),
        NodeData::Doctype {
            name,
            public_id,
            system_id,
        } => {
            out.push_str(&format!("<!DOCTYPE {name}"));
            if !public_id.is_empty() || !system_id.is_empty() {
                out.push_str(&format!(" \"{public_id}\" \"{system_id}\""));
            }
            out.push('>');
        }
        NodeData::Text { contents } => out.push_str(&format!("\"{}\"", contents.borrow())),
        NodeData::Comment { contents } => out.push_str(&format!("<!-- {contents} -->")),
        NodeData::ProcessingInstruction { target, contents } => {
            out.push_str(&format!("<?{target} {contents}>"))
        }
        NodeData::Element { name, attrs, .. } => {
            let prefix = match name.ns {
                ns!(svg) => "svg ",
                ns!(mathml) => "math ",
                _ => "",
            };
            out.push_str(&format!("<{prefix}{}>", name.local));
            let mut attrs: Vec<(String, String)> = attrs
                .borrow()
                .iter()
                .map(|a| {
                    let prefix = match a.name.ns {
                        ns!(xlink) => "xlink ",
                        ns!(xml) => "xml ",
                        ns!(xmlns) => "xmlns ",
                        _ => "",
                    };
                    (format!("{prefix}{}", a.name.local), a.value.to_string())
                })
                .collect();
            // Sorted by name in UTF-16 code units, as the suite sorts them.
            attrs.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
            for (name, value) in attrs {
                out.push_str(&format!("\n| {indent}  {name}=\"{value}\""));
            }
        }
    }
    out.push('\n');
    for child in node.children.borrow().iter() {
        serialise(out, depth + 1, child);
    }
    if let NodeData::Element {
        template_contents, ..
    } = &node.data
    {
        if let Some(contents) = template_contents.borrow().as_ref() {
            out.push_str(&format!("| {indent}  content\n"));
            for child in contents.children.borrow().iter() {
                serialise(out, depth + 2, child);
            }
        }
    }
}

/// The tree of a parse as the suite writes it (no final line break): the
/// document's children, or for a fragment the children of its root `html`.
fn tree_of(dom: &RcDom, fragment: bool) -> String {
    let mut out = String::new();
    let document = dom.document.children.borrow();
    let top: Vec<Handle> = if fragment {
        document
            .first()
            .map(|html| html.children.borrow().clone())
            .unwrap_or_default()
    } else {
        document.clone()
    };
    for node in &top {
        serialise(&mut out, 0, node);
    }
    out.pop();
    out
}

/// What one parse produced: the serialised tree and the parse errors.
#[derive(Debug, PartialEq, Eq)]
pub struct Parse {
    pub tree: String,
    pub errors: Vec<String>,
}

/// A module `$m` with `parse`, for the html5ever crate `$h`.
macro_rules! tree_for {
    ($m:ident, $h:ident) => {
        pub mod $m {
            use markup5ever::QualName;
            use markup5ever_rcdom::RcDom;

            use $h::tendril::{StrTendril, TendrilSink};
            use $h::{parse_document, parse_fragment, ParseOpts};

            use super::{tree_of, Parse};

            /// Parses `chunks`, fed one after another, as a document or as a
            /// fragment in `context`.
            pub fn parse(chunks: &[&str], context: Option<&QualName>, scripting: bool) -> Parse {
                let mut opts = ParseOpts::default();
                opts.tree_builder.scripting_enabled = scripting;
                let dom = match context {
                    None => {
                        let mut parser = parse_document(RcDom::default(), opts);
                        for chunk in chunks {
                            parser.process(StrTendril::from_slice(chunk));
                        }
                        parser.finish()
                    }
                    Some(context) => {
                        let mut parser = parse_fragment(
                            RcDom::default(),
                            opts,
                            context.clone(),
                            Vec::new(),
                            scripting,
                        );
                        for chunk in chunks {
                            parser.process(StrTendril::from_slice(chunk));
                        }
                        parser.finish()
                    }
                };
                let errors = dom.errors.borrow().iter().map(|e| e.to_string()).collect();
                Parse {
                    tree: tree_of(&dom, context.is_some()),
                    errors,
                }
            }
        }
    };
}

tree_for!(fork, html5ever_fork);
tree_for!(upstream, html5ever_upstream);

/// Runs every `.dat` file of `dir` (the suite's `tree-construction/`
/// folder; its `scripted/` tests need a script engine and are not run).
pub fn run(dir: &Path) -> Result<Outcome, String> {
    let mut outcome = Outcome::default();
    let mut files: Vec<_> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "dat"))
        .collect();
    files.sort();
    let scripted = dir.join("scripted");
    if let Ok(entries) = fs::read_dir(&scripted) {
        let mut n = 0;
        for entry in entries.filter_map(Result::ok) {
            let text = fs::read_to_string(entry.path()).unwrap_or_default();
            n += text.lines().filter(|l| *l == "#data").count();
        }
        outcome.skipped += n;
        outcome
            .notes
            .push(format!("scripted/: {n} tests skipped (they run scripts)"));
    }
    for path in files {
        let file = path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = fs::read_to_string(&path).map_err(|e| format!("{file}: {e}"))?;
        for test in parse_dat(&text).map_err(|e| format!("{file}: {e}"))? {
            let context = test.fragment.as_deref().map(context_name);
            let whole = [test.data.as_str()];
            let by_char: Vec<&str> = test
                .data
                .char_indices()
                .map(|(i, c)| &test.data[i..i + c.len_utf8()])
                .collect();
            let flags: &[bool] = match test.scripting {
                Some(true) => &[true],
                Some(false) => &[false],
                None => &[false, true],
            };
            for &scripting in flags {
                let id = format!(
                    "{file}, line {} (scripting {})",
                    test.line,
                    if scripting { "on" } else { "off" }
                );
                let up = upstream::parse(&whole, context.as_ref(), scripting);
                let fork = fork::parse(&whole, context.as_ref(), scripting);
                let mut difference = None;
                if up != fork {
                    difference = Some(format!(
                        "{id}, input whole: {:?}\n  upstream:\n{}\n  errors {:?}\n  fork:\n{}\n  errors {:?}",
                        test.data, up.tree, up.errors, fork.tree, fork.errors
                    ));
                } else {
                    let up = upstream::parse(&by_char, context.as_ref(), scripting);
                    let fork = fork::parse(&by_char, context.as_ref(), scripting);
                    if up != fork {
                        difference = Some(format!(
                            "{id}, input a character at a time: {:?}\n  upstream:\n{}\n  errors {:?}\n  fork:\n{}\n  errors {:?}",
                            test.data, up.tree, up.errors, fork.tree, fork.errors
                        ));
                    }
                }
                if up.tree != test.document {
                    outcome.failures.push(format!(
                        "{id}: input {:?}\n{}\n      upstream gives\n{}",
                        test.data, test.document, up.tree
                    ));
                }
                outcome.record(
                    &id,
                    up.tree == test.document,
                    fork.tree == test.document,
                    difference,
                );
            }
        }
    }
    Ok(outcome)
}
