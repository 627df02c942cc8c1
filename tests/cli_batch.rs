//! `quire batch`: the same text as one extraction per page, in input order,
//! on two threads; past failing pages (each with its exit code); plain lists
//! and TSV; Markdown and standalone HTML files.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use quire::{extract, Options};
use serde_json::Value;

fn batch(args: &[&str], list: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quire"))
        .arg("batch")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn quire");
    let mut input = child.stdin.take().expect("stdin");
    input.write_all(list.as_bytes()).expect("write list");
    drop(input);
    child.wait_with_output().expect("wait for quire")
}

fn records(out: &Output) -> Vec<Value> {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty(), "batch is silent off a terminal");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("quire-batch-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

const PARA: &str = "<p>The lighthouse keeper's log records every ship that passes, the wind, the state of the sea and the hour the lamp was lit, in a hand that grows smaller as the winter goes on.</p>";

fn write_page(dir: &Path, name: &str, title: &str) -> String {
    let page = format!(
        "<html><head><title>{title}</title><script>alert(1)</script></head><body><article><h1>{title}</h1>{}</article></body></html>",
        PARA.repeat(6)
    );
    let path = dir.join(name);
    std::fs::write(&path, page).expect("write page");
    path.to_str().expect("utf-8 path").to_string()
}

#[test]
fn failures_are_records_with_their_code_and_the_batch_goes_on() {
    let dir = temp_dir("failures");
    let good = write_page(&dir, "good.html", "Harbour light");
    let pdf = dir.join("paper.pdf");
    std::fs::write(&pdf, b"%PDF-1.5\n").expect("write");
    let list = format!(
        "{good}\n/nonexistent/quire/page.html\n# a comment\n\n{}\nsecond\t{good}\thttps://example.org/a/b.html\n",
        pdf.display()
    );
    let recs = records(&batch(&["--jobs", "2"], &list));
    assert_eq!(recs.len(), 4, "{recs:?}");
    assert_eq!(recs[0]["id"], good.as_str());
    assert!(recs[0]["text"]
        .as_str()
        .is_some_and(|t| t.contains("lighthouse keeper")));
    assert_eq!(recs[1]["code"], 3, "{:?}", recs[1]);
    assert_eq!(recs[2]["code"], 6, "{:?}", recs[2]);
    assert!(recs[2]["error"].as_str().is_some_and(|e| e.contains("PDF")));
    assert_eq!(recs[3]["id"], "second");
    assert_eq!(recs[3]["title"], "Harbour light");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn md_and_html_write_one_file_per_page() {
    let dir = temp_dir("files");
    let a = write_page(&dir, "a.html", "North pier");
    let b = write_page(&dir, "b.html", "South pier");
    let list = format!("{a}\n{b}\n{a}\n");
    let out_dir = dir.join("out");
    let out = out_dir.to_str().expect("utf-8");
    let recs = records(&batch(&["--format", "md", "--out", out], &list));
    assert_eq!(recs.len(), 3);
    let files: Vec<String> = recs
        .iter()
        .map(|r| r["file"].as_str().expect("a file").to_string())
        .collect();
    assert_ne!(files[0], files[2], "the same id twice gets two files");
    let md = std::fs::read_to_string(&files[1]).expect("markdown written");
    assert!(md.starts_with("# South pier"), "{md}");
    assert!(md.contains("lighthouse keeper's log"), "{md}");

    let recs = records(&batch(&["--format", "html", "--out", out], &list));
    let html = std::fs::read_to_string(recs[0]["file"].as_str().expect("file")).expect("html");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<style>") && html.contains("max-width"));
    assert!(html.contains("<h1 class=\"title\">North pier</h1>"));
    assert!(html.contains("lighthouse keeper"));
    assert!(!html.to_ascii_lowercase().contains("<script"), "{html}");
    assert!(!html.contains("<link"), "self-contained: {html}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["--format", "md"][..],
        &["--jobs", "0"][..],
        &["--format", "pdf"][..],
    ] {
        assert_eq!(batch(args, "").status.code(), Some(2), "{args:?}");
    }
}

/// The Readability pages (with their test URL, as TSV) and the web-eval
/// pages (as a plain list of raw files): the batch, on two threads, gives
/// each page the text one extraction of that page gives, in input order.
#[test]
fn batch_over_the_corpus_gives_the_text_of_each_page_in_order() {
    let mut list = String::new();
    let mut expected = Vec::new();
    let sets = [
        (
            "readability-test-pages",
            "source.html",
            Some("http://fakehost/test/page.html"),
        ),
        ("web-eval", "page.html", None),
    ];
    for (set, file, url) in sets {
        let Some(dir) = common::corpus_set_or_skip(set, "batch over the corpus") else {
            return;
        };
        for page in common::pages_with(&dir, file) {
            let path = page.join(file);
            let p = path.to_str().expect("utf-8 path");
            let bytes = std::fs::read(&path).expect("read page");
            let html = quire::decode::decode(&bytes, None).text;
            let text = extract(&html, url, &Options::default())
                .map(|a| a.text)
                .ok();
            match url {
                Some(u) => list.push_str(&format!("{p}\t{p}\t{u}\n")),
                None => list.push_str(&format!("{p}\n")),
            }
            expected.push((p.to_string(), text));
        }
    }
    assert!(expected.len() > 500, "{} pages", expected.len());
    let recs = records(&batch(&["--jobs", "2"], &list));
    assert_eq!(recs.len(), expected.len());
    for (rec, (id, text)) in recs.iter().zip(&expected) {
        assert_eq!(rec["id"].as_str(), Some(id.as_str()), "out of order");
        assert_eq!(rec["text"].as_str(), text.as_deref(), "{id}");
    }
}
