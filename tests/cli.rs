//! The command-line tool fails with one line on stderr and a documented exit
//! code (see the top of `src/bin/quire/main.rs`); it never exits with Rust's panic
//! code 101.
#![cfg(not(target_arch = "wasm32"))] // host-only: reads files or uses host-only dev tools

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

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
        &["eval", "--gate"][..],
        &["eval", "--write-baseline"][..],
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

/// The tiny corpus of `tests/eval_fixture` (its README says what is in it).
const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/eval_fixture");

fn temp_file(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("quire-cli-{}-{name}", std::process::id()))
}

/// Writes the fixture's own figures as a baseline and returns it, parsed.
fn fixture_baseline(path: &PathBuf) -> Value {
    let p = path.to_str().expect("utf-8 temp path");
    let out = quire(&["eval", "--corpus", FIXTURE, "--write-baseline", p], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("baseline written"))
        .expect("baseline is JSON")
}

#[test]
fn eval_gate_passes_at_the_baseline_and_names_each_figure_short_of_it() {
    let path = temp_file("gate-baseline.json");
    let p = path.to_str().expect("utf-8 temp path");
    let mut base = fixture_baseline(&path);
    let out = quire(&["eval", "--corpus", FIXTURE, "--gate", p], None);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("gate: pass"), "{stdout}");

    // One step of the 4th decimal above a ratio, one above a count, one
    // below a ceiling: each fails, and nothing else does.
    let f1 = base["floors"]["webEval.f1"].as_f64().expect("webEval.f1");
    assert!(f1 < 1.0, "the fixture's web-eval F1 is meant to be below 1");
    base["floors"]["webEval.f1"] = Value::from(f1 + 0.0001);
    base["floors"]["clutter.passed"] = Value::from(2);
    base["ceilings"]["webEval.emptyPages"] = Value::from(0);
    std::fs::write(&path, base.to_string()).expect("write baseline");
    let out = quire(&["eval", "--corpus", FIXTURE, "--gate", p], None);
    let _ = std::fs::remove_file(&path);
    assert_fails(&out, 5);
    let err = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    for want in [
        format!(
            "webEval.f1: got {f1:.4}, below the baseline {:.4}",
            f1 + 0.0001
        ),
        "clutter.passed: got 1, below the baseline 2".to_string(),
        "webEval.emptyPages: got 1, above the ceiling 0".to_string(),
    ] {
        assert!(err.contains(&want), "stderr lacks {want:?}: {err}");
        assert!(stdout.contains(&format!("FAIL {want}")), "{stdout}");
    }
    assert_eq!(stdout.matches("  FAIL ").count(), 3, "{stdout}");
}

#[test]
fn eval_gate_with_a_missing_baseline_exits_3() {
    let out = quire(
        &[
            "eval",
            "--corpus",
            FIXTURE,
            "--gate",
            "/nonexistent/quire/baseline.json",
        ],
        None,
    );
    assert_fails(&out, 3);
}

/// The committed `eval_baseline.json` gates exactly the figures the eval
/// measures, on the right sides (`make eval` checks its values on the full
/// corpora; this test keeps the whole web-eval out of `cargo test`).
#[test]
fn committed_baseline_names_every_figure_the_eval_measures() {
    let path = temp_file("names-baseline.json");
    let fixture = fixture_baseline(&path);
    let _ = std::fs::remove_file(&path);
    let committed: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/eval_baseline.json"))
            .expect("eval_baseline.json is committed"),
    )
    .expect("eval_baseline.json is JSON");
    for side in ["floors", "ceilings"] {
        let names = |v: &Value| -> Vec<String> {
            let map = v[side].as_object().expect("a map of figures");
            map.keys().cloned().collect()
        };
        assert_eq!(names(&committed), names(&fixture), "{side} differ");
        let values = committed[side].as_object().expect("a map of figures");
        assert!(
            values.values().all(Value::is_number),
            "{side}: every value is a number"
        );
    }
    assert!(committed["about"].to_string().contains("--write-baseline"));
}
