//! `quire`: the command-line tool.
//!
//! ```text
//! quire extract FILE|- [--url URL] [--format json|html|text|markdown]
//! quire batch            < lines "id<TAB>path<TAB>url"
//! quire eval [--corpus DIR] [--json] [--verbose]
//! ```
//!
//! Exit codes: 0 success; 1 the page could not be extracted (the error is
//! printed as one line on stderr); 2 bad usage (one line; `quire help` prints
//! the usage); 3 a file could not be read or written; 4 an internal error (a
//! bug: please report it). Every error is one line on stderr.

use std::io::{self, BufRead, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use quire::eval::{self, ClutterTruth};
use quire::{extract, Article, Options};
use serde_json::json;

const USAGE: &str = "usage:
  quire extract FILE|- [--url URL] [--format json|html|text|markdown]
  quire batch                 (stdin: id<TAB>path<TAB>url per line; stdout: JSON lines)
  quire eval [--corpus DIR] [--json] [--verbose]";

/// An error that ends the program with a code.
struct Fail(u8, String);

fn main() -> ExitCode {
    // Panics are bugs; report them as one line, never as Rust's exit code 101.
    panic::set_hook(Box::new(|_| {}));
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = panic::catch_unwind(AssertUnwindSafe(|| run(&args)));
    match result {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(Fail(code, msg))) => {
            eprintln!("quire: {msg}");
            ExitCode::from(code)
        }
        Err(p) => {
            eprintln!("quire: internal error: {}", panic_message(&p));
            ExitCode::from(4)
        }
    }
}

fn panic_message(p: &Box<dyn std::any::Any + Send>) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string())
}

/// A usage error: one line, pointing at `quire help` for the full usage.
fn usage(msg: &str) -> Fail {
    Fail(2, format!("{msg} (run 'quire help' for usage)"))
}

fn run(args: &[String]) -> Result<(), Fail> {
    match args.first().map(String::as_str) {
        Some("extract") => cmd_extract(&args[1..]),
        Some("batch") => cmd_batch(),
        Some("eval") => cmd_eval(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(usage(&format!("unknown command '{other}'"))),
        None => Err(usage("no command given")),
    }
}

/// Reads a file (or stdin for "-") as text; invalid UTF-8 is decoded lossily.
fn read_input(path: &str) -> Result<String, Fail> {
    let mut bytes = Vec::new();
    if path == "-" {
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Fail(3, format!("cannot read stdin: {e}")))?;
    } else {
        bytes = std::fs::read(path).map_err(|e| Fail(3, format!("cannot read {path}: {e}")))?;
    }
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

fn write_out(s: &str) -> Result<(), Fail> {
    let mut out = io::stdout().lock();
    out.write_all(s.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| Fail(3, format!("cannot write output: {e}")))
}

fn cmd_extract(args: &[String]) -> Result<(), Fail> {
    let mut file = None;
    let mut url = None;
    let mut format = "json".to_string();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--url" => {
                url = Some(
                    it.next()
                        .ok_or_else(|| usage("--url needs a value"))?
                        .clone(),
                )
            }
            "--format" => {
                format = it
                    .next()
                    .ok_or_else(|| usage("--format needs a value"))?
                    .clone()
            }
            f if file.is_none() && (f == "-" || !f.starts_with('-')) => file = Some(f.to_string()),
            other => return Err(usage(&format!("unexpected argument '{other}'"))),
        }
    }
    let file = file.ok_or_else(|| usage("extract needs a FILE or -"))?;
    let html = read_input(&file)?;
    let article =
        extract(&html, url.as_deref(), &Options::default()).map_err(|e| Fail(1, e.to_string()))?;
    let out = match format.as_str() {
        "json" => {
            serde_json::to_string_pretty(&article).map_err(|e| Fail(4, e.to_string()))? + "\n"
        }
        "html" => article.content + "\n",
        "text" => article.text + "\n",
        "markdown" | "md" => article.markdown,
        other => return Err(usage(&format!("unknown format '{other}'"))),
    };
    write_out(&out)
}

/// Extracts one page, timing parse and extraction, never panicking.
fn timed_extract(html: &str, url: Option<&str>) -> (Result<Article, String>, f64) {
    let start = Instant::now();
    let r = panic::catch_unwind(AssertUnwindSafe(|| extract(html, url, &Options::default())));
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    let r = match r {
        Ok(Ok(a)) => Ok(a),
        Ok(Err(e)) => Err(e.to_string()),
        Err(p) => Err(format!("internal error: {}", panic_message(&p))),
    };
    (r, ms)
}

fn cmd_batch() -> Result<(), Fail> {
    let stdin = io::stdin();
    let mut out = io::stdout().lock();
    for line in stdin.lock().lines() {
        let line = line.map_err(|e| Fail(3, format!("cannot read stdin: {e}")))?;
        if line.trim().is_empty() {
            continue;
        }
        let mut parts = line.splitn(3, '\t');
        let id = parts.next().unwrap_or("").to_string();
        let path = parts.next().unwrap_or("").to_string();
        let url = parts.next().map(str::trim).filter(|u| !u.is_empty());
        let record = match read_input(&path) {
            Err(Fail(_, msg)) => json!({"id": id, "error": msg}),
            Ok(html) => match timed_extract(&html, url) {
                (Ok(a), ms) => json!({
                    "id": id, "title": a.title, "byline": a.byline, "text": a.text,
                    "html": a.content, "ms": ms
                }),
                (Err(e), ms) => json!({"id": id, "error": e, "ms": ms}),
            },
        };
        writeln!(out, "{record}").map_err(|e| Fail(3, format!("cannot write output: {e}")))?;
    }
    Ok(())
}

fn default_corpus() -> PathBuf {
    std::env::var_os("QUIRE_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/corpus"))
}

fn sorted_dirs(dir: &Path) -> Result<Vec<PathBuf>, Fail> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Fail(3, format!("cannot read {}: {e}", dir.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    v.sort();
    Ok(v)
}

fn norm_eq(a: Option<&str>, b: Option<&str>) -> bool {
    let n = |s: Option<&str>| s.map(quire::text::normalize_ws).unwrap_or_default();
    n(a) == n(b)
}

fn cmd_eval(args: &[String]) -> Result<(), Fail> {
    let mut corpus = default_corpus();
    let mut as_json = false;
    let mut verbose = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--corpus" => {
                corpus = PathBuf::from(it.next().ok_or_else(|| usage("--corpus needs a value"))?)
            }
            "--json" => as_json = true,
            "--verbose" | "-v" => verbose = true,
            other => return Err(usage(&format!("unexpected argument '{other}'"))),
        }
    }
    let mut report = serde_json::Map::new();
    let mut lines: Vec<String> = Vec::new();

    // Readability regression pages.
    let rt = corpus.join("readability-test-pages");
    let mut scores = Vec::new();
    let mut rows = Vec::new();
    let (mut titles_ok, mut bylines_ok, mut bylines_total) = (0, 0, 0);
    lines.push(format!("== readability-test-pages ({})", rt.display()));
    for dir in sorted_dirs(&rt)? {
        let id = dir
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let Ok(source) = read_input(&dir.join("source.html").to_string_lossy()) else {
            continue;
        };
        let expected_html = read_input(&dir.join("expected.html").to_string_lossy())?;
        let meta: serde_json::Value =
            read_input(&dir.join("expected-metadata.json").to_string_lossy())
                .ok()
                .and_then(|s| serde_json::from_str(&s).ok())
                .unwrap_or_default();
        let expected_text = quire::output::text_of_html(&expected_html);
        let (got, ms) = timed_extract(&source, Some("http://fakehost/test/page.html"));
        let (text, title, byline, err) = match &got {
            Ok(a) => (a.text.clone(), a.title.clone(), a.byline.clone(), None),
            Err(e) => (String::new(), None, None, Some(e.clone())),
        };
        let s = eval::score_page(&expected_text, &text);
        scores.push(s);
        let exp_title = meta.get("title").and_then(|v| v.as_str());
        let exp_byline = meta.get("byline").and_then(|v| v.as_str());
        let title_ok = norm_eq(title.as_deref(), exp_title);
        titles_ok += usize::from(title_ok);
        let byline_ok = exp_byline.map(|b| norm_eq(byline.as_deref(), Some(b)));
        if let Some(ok) = byline_ok {
            bylines_total += 1;
            bylines_ok += usize::from(ok);
        }
        if verbose || s.f1() < 0.99 || !title_ok || byline_ok == Some(false) || err.is_some() {
            lines.push(format!(
                "  {id:<42} F1 {:.3} P {:.3} R {:.3} title {} byline {}{}",
                s.f1(),
                s.precision(),
                s.recall(),
                if title_ok { "ok" } else { "WRONG" },
                match byline_ok {
                    None => "-",
                    Some(true) => "ok",
                    Some(false) => "WRONG",
                },
                err.map(|e| format!(" error: {e}")).unwrap_or_default()
            ));
        }
        rows.push(json!({
            "id": id, "f1": s.f1(), "precision": s.precision(), "recall": s.recall(), "ms": ms,
            "title": title, "expectedTitle": exp_title, "titleOk": title_ok,
            "byline": byline, "expectedByline": exp_byline, "bylineOk": byline_ok,
        }));
    }
    let (p, r, f) = eval::aggregate(&scores);
    let n = scores.len();
    lines.push(format!(
        "readability-test-pages: {n} pages  shingle F1 {f:.4}  P {p:.4}  R {r:.4}  titles {titles_ok}/{n} ({:.1}%)  bylines {bylines_ok}/{bylines_total} ({:.1}%)",
        pct(titles_ok, n),
        pct(bylines_ok, bylines_total)
    ));
    report.insert(
        "readability".into(),
        json!({"pages": n, "f1": f, "precision": p, "recall": r, "titlesOk": titles_ok,
               "bylinesOk": bylines_ok, "bylinesTotal": bylines_total, "cases": rows}),
    );

    // Clutter pages.
    let cl = corpus.join("clutter");
    lines.push(format!("== clutter ({})", cl.display()));
    let mut results = Vec::new();
    for dir in sorted_dirs(&cl)? {
        let id = dir
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let Ok(truth_raw) = read_input(&dir.join("truth.json").to_string_lossy()) else {
            continue;
        };
        let truth: ClutterTruth = serde_json::from_str(&truth_raw)
            .map_err(|e| Fail(3, format!("{id}/truth.json: {e}")))?;
        let page = read_input(&dir.join("page.html").to_string_lossy())?;
        let (got, _ms) = timed_extract(
            &page,
            Some(&truth.url)
                .filter(|u| !u.is_empty())
                .map(String::as_str),
        );
        let (text, title, byline) = match &got {
            Ok(a) => (
                a.text.clone(),
                a.title.clone().unwrap_or_default(),
                a.byline.clone().unwrap_or_default(),
            ),
            Err(_) => Default::default(),
        };
        let res = eval::score_clutter(&id, &truth, &text, &title, &byline);
        lines.push(format!(
            "  {id:<40} {}  include {}/{}  leaked {}  title {}  byline {}",
            if res.pass { "PASS" } else { "FAIL" },
            truth.must_include.len() - res.missing.len(),
            truth.must_include.len(),
            res.leaked.len(),
            if res.title_ok { "ok" } else { "WRONG" },
            if res.byline_ok { "ok" } else { "WRONG" },
        ));
        if verbose || !res.pass {
            for m in &res.missing {
                lines.push(format!("      missing: {}", short(m)));
            }
            for l in &res.leaked {
                lines.push(format!("      leaked:  {}", short(l)));
            }
            if !res.title_ok {
                lines.push(format!(
                    "      title: got {title:?}, want {:?}",
                    truth.title
                ));
            }
            if !res.byline_ok {
                lines.push(format!(
                    "      byline: got {byline:?}, want {:?}",
                    truth.byline
                ));
            }
        }
        results.push(res);
    }
    let passed = results.iter().filter(|r| r.pass).count();
    let recall = if results.is_empty() {
        0.0
    } else {
        results.iter().map(|r| r.recall).sum::<f64>() / results.len() as f64
    };
    let leaked: usize = results.iter().map(|r| r.leaked.len()).sum();
    let t_ok = results.iter().filter(|r| r.title_ok).count();
    let b_ok = results.iter().filter(|r| r.byline_ok).count();
    let total = results.len();
    lines.push(format!(
        "clutter: {passed}/{total} pages pass  include recall {recall:.4}  leaked strings {leaked}  titles {t_ok}/{total}  bylines {b_ok}/{total}"
    ));
    report.insert(
        "clutter".into(),
        json!({"pages": total, "passed": passed, "includeRecall": recall, "leaked": leaked,
               "titlesOk": t_ok, "bylinesOk": b_ok, "cases": results}),
    );
    if n == 0 || total == 0 {
        return Err(Fail(
            3,
            format!("no corpus pages found under {}", corpus.display()),
        ));
    }
    if as_json {
        write_out(
            &(serde_json::to_string_pretty(&report).map_err(|e| Fail(4, e.to_string()))? + "\n"),
        )
    } else {
        write_out(&(lines.join("\n") + "\n"))
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

fn short(s: &str) -> String {
    let mut t: String = s.chars().take(100).collect();
    if s.chars().count() > 100 {
        t.push('…');
    }
    t
}
