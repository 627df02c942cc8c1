//! The command-line tool fails with one line on stderr and a documented exit
//! code (see the top of `src/bin/quire/main.rs`); it never exits with Rust's panic
//! code 101.
#![cfg(not(target_arch = "wasm32"))] // host-only: reads files or uses host-only dev tools

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn quire(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quire"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn quire");
    let mut input = child.stdin.take().expect("stdin");
    if let Some(bytes) = stdin {
        // A process that fails early may not read its input: ignore EPIPE.
        let _ = input.write_all(bytes);
    }
    drop(input);
    child.wait_with_output().expect("wait for quire")
}

/// Asserts the exit code and that stderr is exactly one line starting with
/// `quire: `.
fn assert_fails(out: &Output, code: i32) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "stderr: {err}");
    assert_ne!(out.status.code(), Some(101));
    assert_eq!(err.lines().count(), 1, "stderr is not one line: {err:?}");
    assert!(err.starts_with("quire: "), "{err:?}");
}

#[test]
fn bad_usage_exits_2() {
    for args in [
        &[][..],
        &["frobnicate"][..],
        &["extract"][..],
        &["extract", "-", "--format"][..],
        &["extract", "-", "--format", "pdf"][..],
        &["extract", "a.html", "b.html"][..],
        &["eval", "--bogus"][..],
    ] {
        let out = quire(args, Some(b"<p>x</p>"));
        assert_fails(&out, 2);
    }
}

#[test]
fn missing_file_exits_3() {
    let out = quire(&["extract", "/nonexistent/quire/page.html"], None);
    assert_fails(&out, 3);
}

#[test]
fn over_limit_page_exits_1() {
    let page = "<div>".repeat(2000);
    let out = quire(&["extract", "-"], Some(page.as_bytes()));
    assert_fails(&out, 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("too deeply"));
}

#[test]
fn hostile_input_never_exits_101() {
    let mut attrs = String::from("<p");
    for i in 0..50_000 {
        attrs.push_str(&format!(" a{i}"));
    }
    attrs.push_str(">x</p>");
    let inputs: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"\xff\xfe\x00\x00<p>\x80\x81</p>".to_vec(),
        "<p>word</p>".repeat(2_000).into_bytes(),
        attrs.into_bytes(),
        b"<frameset><frame src=x></frameset>".to_vec(),
    ];
    for input in inputs {
        for format in ["json", "html", "text", "markdown"] {
            let out = quire(&["extract", "-", "--format", format], Some(&input));
            let code = out.status.code();
            assert!(matches!(code, Some(0 | 1)), "exit {code:?}");
            if code == Some(1) {
                assert_fails(&out, 1);
            }
        }
    }
}

#[test]
fn success_exits_0_with_nothing_on_stderr() {
    let para = "<p>A long enough paragraph of text, with commas, to count as an article body.</p>";
    let out = quire(
        &["extract", "-", "--format", "text"],
        Some(para.repeat(20).as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty());
}
