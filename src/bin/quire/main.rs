//! `quire`: the command-line tool.
//!
//! ```text
//! quire extract FILE|- [--url URL] [--format json|html|text|markdown]
//! quire batch            < lines "id<TAB>path<TAB>url"
//! quire explain FILE|- [--url URL]
//! quire eval [--corpus DIR] [--json] [--verbose] [--gate FILE] [--write-baseline FILE]
//! ```
//!
//! Exit codes: 0 success; 1 the page could not be extracted (the error is
//! printed as one line on stderr); 2 bad usage (one line; `quire help` prints
//! the usage); 3 a file could not be read or written; 4 an internal error (a
//! bug: please report it); 5 `quire eval --gate` found a figure below its
//! committed baseline (the report names each on stdout, and stderr has them on
//! one line). Every error is one line on stderr.

use std::io::{self, BufRead, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::time::Instant;

use quire::{extract, Article, Options};
use serde_json::json;

mod eval;

const USAGE: &str = "usage:
  quire extract FILE|- [--url URL] [--format json|html|text|markdown]
  quire batch                 (stdin: id<TAB>path<TAB>url per line; stdout: JSON lines)
  quire explain FILE|- [--url URL]   (why each block was kept or dropped, as JSON)
  quire eval [--corpus DIR] [--json] [--verbose] [--gate FILE] [--write-baseline FILE]
      (scores readability-test-pages, clutter and web-eval under DIR; --gate fails,
       exit 5, when a figure falls below the baseline FILE; --write-baseline writes one)";

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
        Some("explain") => cmd_explain(&args[1..]),
        Some("eval") => eval::cmd_eval(&args[1..]),
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

/// `FILE|- [--url URL] [--format F]` as (file, url, format).
fn page_args(cmd: &str, args: &[String]) -> Result<(String, Option<String>, String), Fail> {
    let mut file = None;
    let mut url = None;
    let mut format = "json".to_string();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |flag: &str| -> Result<String, Fail> {
            it.next()
                .cloned()
                .ok_or_else(|| usage(&format!("{flag} needs a value")))
        };
        match a.as_str() {
            "--url" => url = Some(value("--url")?),
            "--format" if cmd == "extract" => format = value("--format")?,
            f if file.is_none() && (f == "-" || !f.starts_with('-')) => file = Some(f.to_string()),
            other => return Err(usage(&format!("unexpected argument '{other}'"))),
        }
    }
    let file = file.ok_or_else(|| usage(&format!("{cmd} needs a FILE or -")))?;
    Ok((file, url, format))
}

fn cmd_explain(args: &[String]) -> Result<(), Fail> {
    let (file, url, _) = page_args("explain", args)?;
    let html = read_input(&file)?;
    let ex = quire::explain(&html, url.as_deref(), &Options::default())
        .map_err(|e| Fail(1, e.to_string()))?;
    write_out(&(serde_json::to_string_pretty(&ex).map_err(|e| Fail(4, e.to_string()))? + "\n"))
}

fn cmd_extract(args: &[String]) -> Result<(), Fail> {
    let (file, url, format) = page_args("extract", args)?;
    // Build only what the format shows (JSON shows all three outputs).
    let options = match format.as_str() {
        "json" => Options {
            text: true,
            markdown: true,
            ..Options::default()
        },
        "html" => Options {
            text: false,
            ..Options::default()
        },
        "text" => Options::default(),
        "markdown" | "md" => Options {
            text: false,
            markdown: true,
            ..Options::default()
        },
        other => return Err(usage(&format!("unknown format '{other}'"))),
    };
    let html = read_input(&file)?;
    let article = extract(&html, url.as_deref(), &options).map_err(|e| Fail(1, e.to_string()))?;
    let out = match format.as_str() {
        "json" => {
            serde_json::to_string_pretty(&article).map_err(|e| Fail(4, e.to_string()))? + "\n"
        }
        "html" => article.content + "\n",
        "text" => article.text + "\n",
        _ => article.markdown,
    };
    write_out(&out)
}

/// Extracts one page, timing parse and extraction, never panicking. Builds
/// the text (what `batch` prints and `eval` scores), not the Markdown.
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
