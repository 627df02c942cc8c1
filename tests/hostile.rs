//! Hostile pages, described in `tests/hostile/cases.json` (which the
//! release-wasm smoke test `tests/smoke/hostile-wasm.test.mjs` runs too):
//! each must end in an `Article`, a non-readerable page, or a clear
//! `ExtractError`, never a panic or a hang, and give the outcome its case
//! expects. `markdown_from_html` runs on every case page and on the
//! content extracted from it, under the same time budget, and its Markdown
//! stays within `MARKDOWN_SIZE_FACTOR` (4) times the size of its input.
//!
//! `make test` runs this file in release mode too (`cargo test --release
//! --test hostile`), where every case runs at full size, must give exactly
//! its expected outcome, and must finish within its time budget: the CPU
//! time of [`CPU_BUDGET`] (the target is 2 s; the slowest case takes about
//! 0.7 s of CPU here, 3.4 s of wall-clock time on a loaded machine, and the
//! margin is for a slower one), or [`WALL_BUDGET`] of wall-clock time where
//! the CPU time is not known. Debug builds scale the largest cases down (see
//! [`scale`]) so `cargo test` stays fast, and check the outcome only of the
//! cases they run at full size.
//!
//! `cargo test --release --test hostile -- --nocapture --test-threads=1`
//! prints one table row per case: case, result, wall-clock ms, CPU ms. With
//! `HOSTILE_CASE=text` set, only the cases whose name contains `text` run
//! (for profiling one case).
#![cfg(not(target_arch = "wasm32"))] // host-only: reads files or uses host-only dev tools

use std::time::{Duration, Instant};

use quire::output::MARKDOWN_SIZE_FACTOR;
use quire::{extract, markdown_from_html, ExtractError, Options};

/// CPU time a case may take in release builds.
const CPU_BUDGET: Duration = Duration::from_secs(5);

/// Wall-clock time a case may take in release builds where the CPU time is
/// not known (on a shared machine wall-clock time mostly measures the
/// neighbours, hence the margin).
const WALL_BUDGET: Duration = Duration::from_secs(10);

/// A part's count: `n` in release builds; `n / 200` in debug builds, where
/// the unoptimised pipeline is up to 100× slower and only the absence of
/// panics (and outcomes no limit decides) is checked.
fn scale(n: usize) -> usize {
    if cfg!(debug_assertions) {
        (n / 200).max(1)
    } else {
        n
    }
}

/// CPU time this thread has used, from `/proc/thread-self/schedstat` (Linux);
/// `None` elsewhere. On a shared machine wall-clock time mostly measures the
/// neighbours, so the bound applies to CPU time where it is known.
fn thread_cpu() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Runs one case, prints its table row (case, result, wall ms, CPU ms) and
/// applies the time bound. Returns the outcome so a case can assert more.
fn run(case: &str, html: &str) -> Result<quire::Article, ExtractError> {
    timed(case, || {
        let r = extract(
            html,
            Some("https://example.org/a/b.html"),
            &Options::default(),
        );
        let result = match &r {
            Ok(a) if a.readerable => format!("article, {} words", a.word_count),
            Ok(a) => format!("article (not readerable), {} words", a.word_count),
            Err(e) => format!("error {}", e.code()),
        };
        (r, result)
    })
}

/// `markdown_from_html` of `html` (a case page, or the content extracted
/// from it) as one more timed row: the Markdown, or a typed error, within
/// [`MARKDOWN_SIZE_FACTOR`] times the size of its input.
fn run_markdown(case: &str, html: &str) {
    let r = timed(case, || {
        let r = markdown_from_html(html);
        let result = match &r {
            Ok(md) => format!(
                "Markdown, {:.2}x its input",
                md.len() as f64 / html.len().max(1) as f64
            ),
            Err(e) => format!("error {}", e.code()),
        };
        (r, result)
    });
    if let Ok(md) = r {
        assert!(
            md.len() <= (MARKDOWN_SIZE_FACTOR * html.len()).max(4096),
            "{case}: {} bytes of Markdown from {} bytes",
            md.len(),
            html.len()
        );
    }
}

/// Runs `f`, prints its table row (case, result, wall ms, CPU ms) and
/// applies the time bound.
fn timed<T>(case: &str, f: impl FnOnce() -> (T, String)) -> T {
    let cpu0 = thread_cpu();
    let start = Instant::now();
    let (r, result) = f();
    let wall = start.elapsed();
    let cpu = cpu0.and_then(|c0| Some(thread_cpu()? - c0));
    println!(
        "| {case:<38} | {result:<40} | {:>9.1} | {:>9} |",
        wall.as_secs_f64() * 1000.0,
        cpu.map_or("-".to_string(), |c| format!(
            "{:.1}",
            c.as_secs_f64() * 1000.0
        ))
    );
    if !cfg!(debug_assertions) {
        let (took, budget) = match cpu {
            Some(c) => (c, CPU_BUDGET),
            None => (wall, WALL_BUDGET),
        };
        assert!(
            took <= budget,
            "{case}: took {took:?}, over its budget of {budget:?}"
        );
    }
    r
}

/// Every case of `tests/hostile/cases.json`, the list
/// `tests/smoke/hostile-wasm.test.mjs` runs through the release wasm, so the
/// two tables compare case by case. Checks each case's `expect` and `absent`.
#[test]
fn shared_case_list() {
    let spec: serde_json::Value = serde_json::from_str(include_str!("hostile/cases.json"))
        .expect("tests/hostile/cases.json is valid JSON");
    let prose = spec["prose"].as_str().expect("prose");
    let only = std::env::var("HOSTILE_CASE").ok();
    println!(
        "\n| {:<38} | {:<40} | {:>9} | {:>9} |",
        "case", "result", "wall ms", "CPU ms"
    );
    for case in spec["cases"].as_array().expect("cases") {
        let name = case["name"].as_str().expect("name");
        if only.as_ref().is_some_and(|o| !name.contains(o.as_str())) {
            continue;
        }
        let mut html = String::new();
        // Whether a part was scaled down (debug builds), so the outcome a
        // limit decides may differ from the full-size one.
        let mut scaled = false;
        for part in case["parts"].as_array().expect("parts") {
            let text = part[0]
                .as_str()
                .expect("part text")
                .replace("{prose}", prose);
            let full = part[1].as_u64().expect("part count") as usize;
            let count = scale(full);
            scaled |= count != full;
            if text.contains("{i}") {
                for i in 0..count {
                    html.push_str(&text.replace("{i}", &i.to_string()));
                }
            } else {
                html.push_str(&text.repeat(count));
            }
        }
        let r = run(name, &html);
        run_markdown(&format!("{name} (Markdown of the page)"), &html);
        if let Ok(a) = &r {
            run_markdown(&format!("{name} (Markdown of the article)"), &a.content);
        }
        let outcome = match &r {
            Ok(a) if a.readerable => "article",
            Ok(_) => "not-readerable",
            Err(e) => e.code(),
        };
        let ok = match case["expect"].as_str().expect("expect") {
            "any" => true,
            "no-content-or-not-readerable" => matches!(outcome, "no-content" | "not-readerable"),
            // Scaled down (debug builds), a case may not reach its limit.
            _ if scaled => true,
            e => e == outcome,
        };
        assert!(ok, "{name}: {outcome}, expected {}", case["expect"]);
        if let (Ok(a), Some(absent)) = (&r, case["absent"].as_array()) {
            for s in absent.iter().map(|s| s.as_str().expect("absent string")) {
                assert!(
                    !a.content.contains(s) && !a.text.contains(s),
                    "{name}: the article holds {s:?}"
                );
            }
        }
    }
}

/// The non-UTF-8 case of the list is this page of bytes, decoded as a
/// browser (and `String::from_utf8_lossy`) would; the list holds only the
/// decoded text, so check it is that.
#[test]
fn non_utf8_case_is_the_lossy_decoding() {
    let spec: serde_json::Value =
        serde_json::from_str(include_str!("hostile/cases.json")).expect("valid JSON");
    let case = spec["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .find(|c| c["name"] == "non-UTF-8 bytes, decoded lossily")
        .expect("the non-UTF-8 case");
    let mut bytes = spec["prose"].as_str().expect("prose").as_bytes().to_vec();
    for (i, b) in bytes.iter_mut().enumerate() {
        if i % 7 == 3 {
            *b = 0x80 | (i as u8 & 0x7f);
        }
    }
    bytes.extend_from_slice(b"<p>\xff\xfe\xc3\x28 \xe2\x82 \xf0\x9f\x98</p>");
    assert_eq!(
        case["parts"][0][0].as_str(),
        Some(&*String::from_utf8_lossy(&bytes))
    );
    assert_eq!(case["parts"][0][1], 1);
}
