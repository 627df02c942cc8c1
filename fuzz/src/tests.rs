//! The differential check over real and test inputs, on stable Rust: every
//! page of the corpus (`$QUIRE_CORPUS`, else `../shared/corpus` beside the
//! repository; under `CI=true` a missing corpus fails), every input of the
//! html5lib-tests tokenizer and tree-construction suites
//! (`tests/html5lib/data`), and tags with many and repeated attributes.

use std::fs;
use std::path::{Path, PathBuf};

use super::compare;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn html_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            html_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
}

/// Runs `input` whole and cut at each of `cut_sets`, with and without
/// `exact_errors`; collects differences into `failures`.
fn check(name: &str, input: &str, cut_sets: &[Vec<usize>], failures: &mut Vec<String>) {
    for cuts in std::iter::once(&Vec::new()).chain(cut_sets) {
        for exact_errors in [false, true] {
            if let Err(e) = compare(input, cuts, exact_errors) {
                failures.push(format!("{name}: {e}"));
                return;
            }
        }
    }
}

fn report(what: &str, checked: usize, failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{} of {checked} {what} tokenize differently in the fork:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
    eprintln!("{what}: {checked} inputs, same tokens in the fork and upstream");
}

#[test]
fn corpus_pages_tokenize_as_upstream() {
    let root = std::env::var_os("QUIRE_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("../shared/corpus"));
    let mut files = Vec::new();
    html_files(&root, &mut files);
    if files.is_empty() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "no corpus at {}",
            root.display()
        );
        eprintln!("skipped: no corpus at {}", root.display());
        return;
    }
    files.sort();
    let mut failures = Vec::new();
    for file in &files {
        let bytes = fs::read(file).expect("corpus page");
        let html = String::from_utf8_lossy(&bytes);
        let n = html.len();
        // Cuts inside tags, attributes and text at arbitrary places, as a
        // network stream would make them; and one every 4 KiB.
        let cut_sets = vec![
            vec![n / 3, n / 2 + 1, 2 * n / 3 + 7],
            (1..=n / 4096).map(|k| k * 4096 + k % 7).collect(),
        ];
        check(&file.display().to_string(), &html, &cut_sets, &mut failures);
    }
    assert!(files.len() >= 600, "only {} corpus pages", files.len());
    report("corpus pages", files.len(), &failures);
}

/// The `input` fields of the tokenizer suite and the `#data` sections of the
/// tree-construction suite.
fn html5lib_inputs() -> Vec<(String, String)> {
    let data = repo().join("tests/html5lib/data");
    let mut inputs = Vec::new();
    let mut files: Vec<PathBuf> = fs::read_dir(data.join("tokenizer"))
        .expect("tests/html5lib/data/tokenizer")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "test"))
        .collect();
    files.sort();
    for file in files {
        let json: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&file).expect("test file")).expect("JSON");
        for group in ["tests", "xmlViolationTests"] {
            for (i, test) in json[group].as_array().into_iter().flatten().enumerate() {
                if let Some(input) = test["input"].as_str() {
                    inputs.push((format!("{} {group} {i}", file.display()), input.to_owned()));
                }
            }
        }
    }
    let mut files: Vec<PathBuf> = fs::read_dir(data.join("tree-construction"))
        .expect("tests/html5lib/data/tree-construction")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "dat"))
        .collect();
    files.sort();
    for file in files {
        let text = fs::read_to_string(&file).expect("dat file");
        let mut lines = text.lines();
        let mut i = 0;
        while let Some(line) = lines.next() {
            if line != "#data" {
                continue;
            }
            let mut input = Vec::new();
            for line in lines.by_ref() {
                if line.starts_with("#errors") {
                    break;
                }
                input.push(line);
            }
            inputs.push((format!("{} #{i}", file.display()), input.join("\n")));
            i += 1;
        }
    }
    inputs
}

#[test]
fn html5lib_inputs_tokenize_as_upstream() {
    let inputs = html5lib_inputs();
    assert!(inputs.len() > 3000, "only {} html5lib inputs", inputs.len());
    let mut failures = Vec::new();
    for (name, input) in &inputs {
        // Short inputs: a cut at every character boundary.
        let cut_sets: Vec<Vec<usize>> = if input.len() <= 200 {
            input.char_indices().skip(1).map(|(i, _)| vec![i]).collect()
        } else {
            vec![vec![input.len() / 2]]
        };
        check(name, input, &cut_sets, &mut failures);
    }
    report("html5lib inputs", inputs.len(), &failures);
}

/// Tags with up to 40 attributes, repeated names placed before and after
/// the point (16 attributes) where the fork's duplicate check switches from
/// a scan to a hash set, on start and end tags, across tags.
#[test]
fn repeated_attributes_tokenize_as_upstream() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for count in [0usize, 1, 15, 16, 17, 31, 40] {
        for dup_every in [0usize, 1, 3, 16, 17] {
            for tag in ["<p", "</p", "<svg", "<script"] {
                let mut html = String::from(tag);
                for i in 0..count {
                    let name = if dup_every > 0 && i % (dup_every + 1) == dup_every {
                        format!("a{}", i / 2)
                    } else {
                        format!("a{i}")
                    };
                    html.push_str(&format!(" {name}=v{i}"));
                }
                html.push_str("><b a0=x a0=y A0=z>t</b>");
                check(&html.clone(), &html, &[vec![html.len() / 2]], &mut failures);
                checked += 1;
            }
        }
    }
    report("many-attribute tags", checked, &failures);
}
