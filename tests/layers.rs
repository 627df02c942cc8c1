//! The shape of the core, checked: every module of `src/` imports only from
//! the layers below its own (see ARCHITECTURE.md), no file is over
//! [`MAX_FILE_LINES`] lines and no function over [`MAX_FN_LINES`] lines
//! (tests modules aside).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The layers, bottom first. A module may import from the layers below its
/// own, never from its own layer or one above. `lib` is the crate root
/// (`crate::Item` of an item that is not a module counts as `lib`).
const LAYERS: &[&[&str]] = &[
    &["error", "limit", "text", "patterns", "link", "decode"],
    &["dom"],
    &["query", "trace"],
    &["context"],
    // The phases, in pipeline order.
    &["prepare"],
    &["metadata"],
    &["score"],
    &["clutter"],
    &["refine"],
    &["choose"],
    &["clean"],
    &["output"],
    &["pipeline"],
    &["explain", "eval"],
    &["lib"],
    &["wasm"],
];

const MAX_FILE_LINES: usize = 800;
const MAX_FN_LINES: usize = 120;

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The `.rs` files under `dir`, but `vendor/` and the `tests.rs` files of
/// tests modules.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if p.file_name().unwrap() != "vendor" {
                rust_files(&p, out);
            }
        } else if p.extension().is_some_and(|e| e == "rs") && p.file_name().unwrap() != "tests.rs" {
            out.push(p);
        }
    }
}

/// `src/foo.rs` and `src/foo/…` are module `foo`; `src/lib.rs` is `lib`.
/// `None` for `src/bin/`, which is another crate.
fn module_of(path: &Path) -> Option<String> {
    let rel = path.strip_prefix(src_dir()).unwrap();
    let first = rel.components().next()?.as_os_str().to_str()?;
    if first == "bin" {
        return None;
    }
    Some(first.trim_end_matches(".rs").to_string())
}

fn layer_of(module: &str) -> usize {
    LAYERS
        .iter()
        .position(|l| l.contains(&module))
        .unwrap_or_else(|| panic!("module `{module}` is in no layer of tests/layers.rs"))
}

/// The code of a file without comments and without its tests module.
fn code_of(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let t = line.trim_start();
        if t == "#[cfg(test)]"
            && lines
                .peek()
                .is_some_and(|n| n.trim_start().starts_with("mod tests"))
        {
            break;
        }
        if t.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The first path segment after every `crate::` in `code`, through
/// `crate::{a, b::c}` groups.
fn crate_imports(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let before = rest[..i].chars().next_back();
        rest = &rest[i + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // e.g. `$crate::` or `my_crate::`
        }
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut item = String::new();
            let mut at_start = true;
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        at_start = true;
                        continue;
                    }
                    _ => {}
                }
                if depth == 0 && at_start {
                    if c.is_alphanumeric() || c == '_' {
                        item.push(c);
                    } else if !item.is_empty() {
                        found.push(std::mem::take(&mut item));
                        at_start = false;
                    }
                }
            }
            if !item.is_empty() {
                found.push(item);
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            found.push(name);
        }
    }
    found
}

fn all_modules() -> Vec<String> {
    LAYERS
        .iter()
        .flat_map(|l| l.iter().map(|m| m.to_string()))
        .collect()
}

/// Who imports whom, by module.
fn import_graph() -> BTreeMap<String, Vec<String>> {
    let modules = all_modules();
    let mut files = Vec::new();
    rust_files(&src_dir(), &mut files);
    let mut graph: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for f in files {
        let Some(from) = module_of(&f) else { continue };
        let code = code_of(&fs::read_to_string(&f).unwrap());
        let deps = graph.entry(from.clone()).or_default();
        for name in crate_imports(&code) {
            let to = if modules.contains(&name) && name != "lib" {
                name
            } else {
                "lib".to_string()
            };
            if to != from && !deps.contains(&to) {
                deps.push(to);
            }
        }
    }
    for deps in graph.values_mut() {
        deps.sort();
    }
    graph
}

#[test]
fn modules_import_only_from_layers_below() {
    let graph = import_graph();
    let mut wrong = Vec::new();
    for (from, deps) in &graph {
        for to in deps {
            if layer_of(to) >= layer_of(from) {
                wrong.push(format!("{from} imports {to}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layering:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_check_sees_grouped_and_nested_imports() {
    let code = "use crate::{dom::{Dom, NodeId}, text};\nlet x = crate::query::inner_text(d, n);";
    assert_eq!(crate_imports(code), ["dom", "text", "query"]);
    assert_eq!(
        crate_imports(&code_of(
            "// crate::pipeline\nuse crate::dom;\n#[cfg(test)]\nmod tests {\nuse crate::lib;\n}"
        )),
        ["dom"]
    );
}

/// The functions of `text` (outside its tests module) over
/// [`MAX_FN_LINES`] lines, with their lengths. Relies on rustfmt's layout:
/// a body ends at the first `}` at the indentation of its `fn`.
fn long_functions(text: &str) -> Vec<(String, usize)> {
    let code = code_of(text);
    let lines: Vec<&str> = code.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim_start();
        let indent = line.len() - t.len();
        let Some(at) = t.find("fn ") else { continue };
        let qualifiers = [
            "pub",
            "pub(crate)",
            "pub(super)",
            "const",
            "unsafe",
            "async",
        ];
        if !t[..at].split_whitespace().all(|w| qualifiers.contains(&w)) {
            continue;
        }
        let name: String = t[at + 3..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        // Where the signature ends: `{` opens a body, `;` declares none.
        let Some(sig_end) = lines[i..].iter().position(|l| {
            let l = l.trim_end();
            l.ends_with('{') || l.ends_with(';') || l.ends_with('}')
        }) else {
            continue;
        };
        if !lines[i + sig_end].trim_end().ends_with('{') {
            continue;
        }
        let close = format!("{}}}", " ".repeat(indent));
        if let Some(n) = lines[i..].iter().position(|l| *l == close) {
            if n + 1 > MAX_FN_LINES {
                out.push((name, n + 1));
            }
        }
    }
    out
}

#[test]
fn files_and_functions_are_short() {
    let mut files = Vec::new();
    rust_files(&src_dir(), &mut files);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut wrong = Vec::new();
    for f in files {
        let rel = f
            .strip_prefix(root)
            .unwrap()
            .to_str()
            .unwrap()
            .replace('\\', "/");
        let text = fs::read_to_string(&f).unwrap();
        let n = text.lines().count();
        if n > MAX_FILE_LINES {
            wrong.push(format!("{rel}: {n} lines"));
        }
        for (name, len) in long_functions(&text) {
            wrong.push(format!("{rel}: fn {name} is {len} lines"));
        }
    }
    assert!(
        wrong.is_empty(),
        "over the size bars:\n{}",
        wrong.join("\n")
    );
}

/// `cargo test --test layers -- --ignored --nocapture` prints the graph.
#[test]
#[ignore]
fn print_import_graph() {
    for (from, deps) in import_graph() {
        println!("{from}: {}", deps.join(", "));
    }
}
