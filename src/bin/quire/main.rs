//! `quire`: the command-line tool.
//!
//! ```text
//! quire extract FILE|URL|- [--url URL] [--format json|html|text|markdown] [fetch and decode flags]
//! quire batch [LIST] [--format jsonl|md|html] [--out DIR] [--jobs N] [fetch and decode flags]
//! quire explain FILE|URL|- [--url URL] [fetch and decode flags]
//! quire eval [--corpus DIR] [--json] [--verbose] [--gate FILE] [--write-baseline FILE]
//! ```
//!
//! Exit codes: 0 success; 1 the page could not be extracted (the error is
//! printed as one line on stderr); 2 bad usage (one line; `quire help` prints
//! the usage); 3 a file could not be read or written; 4 an internal error (a
//! bug: please report it); 5 `quire eval --gate` found a figure below its
//! committed baseline (the report names each on stdout, and stderr has them on
//! one line); 6 the input is not an HTML document (a binary file such as a
//! PDF, ZIP or image, NUL bytes with no markup, or a server's non-HTML
//! `Content-Type`); 7 a URL could not be fetched (DNS, connection, TLS,
//! timeout, HTTP status, too many redirects, over the size cap). Every error
//! is one line on stderr.

use std::io::{self, Write};
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use quire::{extract, Article, Options};

mod batch;
mod eval;
mod fetch;
mod input;
mod page;

use input::{load, LoadOptions};

/// Exit code of an input that is not an HTML document.
pub const NOT_A_DOCUMENT: u8 = 6;

const USAGE: &str = "usage:
  quire extract FILE|URL|- [--url URL] [--format json|html|text|markdown] [FLAGS]
  quire batch [LIST] [--format jsonl|md|html] [--out DIR] [--jobs N] [FLAGS]
      LIST (or stdin): one page a line, a path or an http(s) URL, or id<TAB>path-or-URL<TAB>url;
      jsonl (default): one JSON line per page on stdout, in input order; md, html: one file
      per page in --out DIR (html: a standalone readable page), a JSON line per page on stdout;
      a page that fails gives {\"id\",\"error\",\"code\"} (code: the exit code below) and the batch
      goes on; --jobs N threads (default: every core); a progress bar on a terminal only
  quire explain FILE|URL|- [--url URL] [FLAGS]   (why each block was kept or dropped, as JSON)
  quire eval [--corpus DIR] [--json] [--verbose] [--gate FILE] [--write-baseline FILE]
      (scores readability-test-pages, clutter and web-eval under DIR; --gate fails,
       exit 5, when a figure falls below the baseline FILE; --write-baseline writes one)
FLAGS:
  --charset LABEL     decode as LABEL (e.g. iso-8859-1, shift_jis), over the page's own <meta>;
                      otherwise: BOM, the server's Content-Type charset, <meta>, UTF-8, windows-1252
  --timeout SECS      give up a fetch after SECS seconds, redirects and body included (30)
  --max-bytes N       refuse a fetched or gunzipped page over N bytes (33554432)
  --max-redirects N   follow at most N redirects (10)
  --url URL           the page's address, the base for its links (default: the final fetched URL)
A .gz file (or gzip on stdin) is read transparently.
exit codes: 0 ok; 1 the page could not be extracted; 2 bad usage; 3 a file could not be read
  or written; 4 internal error; 5 eval --gate: a figure below the baseline; 6 not an HTML
  document (binary input such as PDF, ZIP, PNG, NUL bytes with no markup, or a non-HTML
  Content-Type); 7 a URL could not be fetched (DNS, TLS, timeout, HTTP status, redirects, too large)";

/// An error that ends the program with a code.
pub struct Fail(pub u8, pub String);

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
        Some("batch") => batch::cmd_batch(&args[1..]),
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

/// Reads a file (or stdin for "-") as text, decoded as a browser would
/// (`quire::decode`); gzip is read transparently.
fn read_input(path: &str) -> Result<String, Fail> {
    input::load(path, &LoadOptions::default()).map(|l| l.html)
}

fn write_out(s: &str) -> Result<(), Fail> {
    let mut out = io::stdout().lock();
    out.write_all(s.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| Fail(3, format!("cannot write output: {e}")))
}

/// Applies one of the fetch and decode flags every page command takes
/// (`--charset`, `--timeout`, `--max-bytes`, `--max-redirects`) to `opts`;
/// false when `flag` is none of them.
fn load_flag(
    flag: &str,
    value: &mut dyn FnMut(&str) -> Result<String, Fail>,
    opts: &mut LoadOptions,
) -> Result<bool, Fail> {
    let number = |v: String, flag: &str| -> Result<u64, Fail> {
        v.trim()
            .parse::<u64>()
            .map_err(|_| usage(&format!("{flag} needs a whole number, not '{v}'")))
    };
    match flag {
        "--charset" => {
            let label = value(flag)?;
            if !quire::decode::is_known_label(&label) {
                return Err(usage(&format!("unknown charset '{label}'")));
            }
            opts.charset = Some(label);
        }
        "--timeout" => {
            let v = value(flag)?;
            let secs = v
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|s| s.is_finite() && *s > 0.0 && *s < 1e9)
                .ok_or_else(|| usage(&format!("--timeout needs a number of seconds, not '{v}'")))?;
            opts.fetch.timeout = Duration::from_secs_f64(secs);
        }
        "--max-bytes" => opts.fetch.max_bytes = number(value(flag)?, flag)?,
        "--max-redirects" => {
            opts.fetch.max_redirects = u32::try_from(number(value(flag)?, flag)?)
                .map_err(|_| usage("--max-redirects is too large"))?;
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// The arguments of `extract` and `explain`.
struct PageArgs {
    source: String,
    url: Option<String>,
    format: String,
    load: LoadOptions,
}

/// `FILE|URL|- [--url URL] [--format F] [FLAGS]`.
fn page_args(cmd: &str, args: &[String]) -> Result<PageArgs, Fail> {
    let mut source = None;
    let mut url = None;
    let mut format = "json".to_string();
    let mut load = LoadOptions::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |flag: &str| -> Result<String, Fail> {
            it.next()
                .cloned()
                .ok_or_else(|| usage(&format!("{flag} needs a value")))
        };
        if load_flag(a, &mut value, &mut load)? {
            continue;
        }
        match a.as_str() {
            "--url" => url = Some(value("--url")?),
            "--format" if cmd == "extract" => format = value("--format")?,
            f if source.is_none() && (f == "-" || !f.starts_with('-')) => {
                source = Some(f.to_string())
            }
            other => return Err(usage(&format!("unexpected argument '{other}'"))),
        }
    }
    let source = source.ok_or_else(|| usage(&format!("{cmd} needs a FILE, a URL or -")))?;
    Ok(PageArgs {
        source,
        url,
        format,
        load,
    })
}

fn cmd_explain(args: &[String]) -> Result<(), Fail> {
    let a = page_args("explain", args)?;
    let page = load(&a.source, &a.load)?;
    let url = a.url.or(page.url);
    let ex = quire::explain(&page.html, url.as_deref(), &Options::default())
        .map_err(|e| Fail(1, e.to_string()))?;
    write_out(&(serde_json::to_string_pretty(&ex).map_err(|e| Fail(4, e.to_string()))? + "\n"))
}

fn cmd_extract(args: &[String]) -> Result<(), Fail> {
    let a = page_args("extract", args)?;
    let format = a.format;
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
    let page = load(&a.source, &a.load)?;
    let url = a.url.or(page.url);
    let article =
        extract(&page.html, url.as_deref(), &options).map_err(|e| Fail(1, e.to_string()))?;
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
/// what `options` asks for.
fn timed_extract(
    html: &str,
    url: Option<&str>,
    options: &Options,
) -> (Result<Article, String>, f64) {
    let start = Instant::now();
    let r = panic::catch_unwind(AssertUnwindSafe(|| extract(html, url, options)));
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    let r = match r {
        Ok(Ok(a)) => Ok(a),
        Ok(Err(e)) => Err(e.to_string()),
        Err(p) => Err(format!("internal error: {}", panic_message(&p))),
    };
    (r, ms)
}
