//! `quire batch`: many pages on every core (rayon), results in input order.
//!
//! The list (a file, or stdin) has one page a line: a path or an `http(s)`
//! URL, or the TSV `id<TAB>path-or-URL<TAB>url`. Each page is read, checked,
//! decoded and extracted exactly as `quire extract` does it. A page that
//! fails gives a record with its error and exit code, and the batch goes on.
//! A progress bar (rate, ETA) is drawn on stderr only when stderr is a
//! terminal.

use std::collections::BTreeMap;
use std::collections::HashSet;
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use indicatif::{ProgressBar, ProgressStyle};
use quire::Options;
use rayon::iter::{ParallelBridge, ParallelIterator};
use serde_json::{json, Value};

use super::input::{load, LoadOptions};
use super::{load_flag, page, timed_extract, usage, Fail};

/// What a batch writes for each page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    /// A JSON line per page on stdout.
    Jsonl,
    /// A Markdown file per page.
    Markdown,
    /// A standalone HTML page per page.
    Html,
}

/// One line of the list.
struct Item {
    id: String,
    source: String,
    url: Option<String>,
    /// The file written for it (`md` and `html`).
    file: Option<PathBuf>,
}

struct BatchArgs {
    list: Option<String>,
    format: Format,
    out: Option<PathBuf>,
    jobs: usize,
    load: LoadOptions,
}

fn batch_args(args: &[String]) -> Result<BatchArgs, Fail> {
    let mut a = BatchArgs {
        list: None,
        format: Format::Jsonl,
        out: None,
        jobs: 0,
        load: LoadOptions::default(),
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |flag: &str| -> Result<String, Fail> {
            it.next()
                .cloned()
                .ok_or_else(|| usage(&format!("{flag} needs a value")))
        };
        if load_flag(arg, &mut value, &mut a.load)? {
            continue;
        }
        match arg.as_str() {
            "--format" => {
                a.format = match value("--format")?.as_str() {
                    "jsonl" | "json" => Format::Jsonl,
                    "md" | "markdown" => Format::Markdown,
                    "html" => Format::Html,
                    other => return Err(usage(&format!("unknown batch format '{other}'"))),
                }
            }
            "--out" => a.out = Some(PathBuf::from(value("--out")?)),
            "--jobs" | "-j" => {
                let v = value("--jobs")?;
                a.jobs =
                    v.parse::<usize>().ok().filter(|&n| n > 0).ok_or_else(|| {
                        usage(&format!("--jobs needs a number above 0, not '{v}'"))
                    })?;
            }
            f if a.list.is_none() && (f == "-" || !f.starts_with('-')) => a.list = Some(f.into()),
            other => return Err(usage(&format!("unexpected argument '{other}'"))),
        }
    }
    if a.format != Format::Jsonl && a.out.is_none() {
        return Err(usage("--format md and html need --out DIR"));
    }
    Ok(a)
}

/// The list's lines as items (blank lines and `#` comments skipped).
fn read_list(list: Option<&str>) -> Result<Vec<Item>, Fail> {
    let text = match list {
        None | Some("-") => {
            let mut lines = Vec::new();
            for line in io::stdin().lock().lines() {
                lines.push(line.map_err(|e| Fail(3, format!("cannot read stdin: {e}")))?);
            }
            lines.join("\n")
        }
        Some(path) => std::fs::read_to_string(path)
            .map_err(|e| Fail(3, format!("cannot read {path}: {e}")))?,
    };
    let mut items = Vec::new();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let item = if line.contains('\t') {
            let mut parts = line.splitn(3, '\t');
            let id = parts.next().unwrap_or("").to_string();
            let source = parts.next().unwrap_or("").to_string();
            let url = parts.next().map(str::trim).filter(|u| !u.is_empty());
            Item {
                id,
                source,
                url: url.map(str::to_string),
                file: None,
            }
        } else {
            let source = line.trim().to_string();
            Item {
                id: source.clone(),
                source,
                url: None,
                file: None,
            }
        };
        items.push(item);
    }
    Ok(items)
}

/// A file name for each item in `dir`: its id with every character but
/// letters, digits, `.`, `-` and `_` made `_`, cut to 120 bytes, less a
/// `.html` (`.htm`, `.xhtml`, `.gz`) ending, and its line number added when
/// two ids would share a name.
fn name_files(items: &mut [Item], dir: &Path, ext: &str) {
    let mut taken = HashSet::new();
    for (i, item) in items.iter_mut().enumerate() {
        let mut stem: String = item
            .id
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                    c
                } else {
                    '_'
                }
            })
            .take(120)
            .collect();
        for ext in [".gz", ".html", ".htm", ".xhtml"] {
            stem = stem.strip_suffix(ext).unwrap_or(&stem).to_string();
        }
        stem = stem.trim_start_matches('.').to_string();
        if stem.is_empty() || !taken.insert(stem.clone()) {
            stem = format!("{stem}-{}", i + 1);
            taken.insert(stem.clone());
        }
        item.file = Some(dir.join(format!("{stem}.{ext}")));
    }
}

/// Reads, extracts and (for `md` and `html`) writes one page: its record.
fn process(item: &Item, format: Format, load_opts: &LoadOptions) -> Value {
    let page = match load(&item.source, load_opts) {
        Ok(p) => p,
        Err(Fail(code, msg)) => return json!({"id": item.id, "error": msg, "code": code}),
    };
    let url = item.url.as_deref().or(page.url.as_deref());
    let options = match format {
        Format::Jsonl => Options::default(),
        Format::Markdown => Options {
            text: false,
            markdown: true,
            ..Options::default()
        },
        Format::Html => Options {
            text: false,
            ..Options::default()
        },
    };
    let (a, ms) = match timed_extract(&page.html, url, &options) {
        (Ok(a), ms) => (a, ms),
        (Err(e), ms) => return json!({"id": item.id, "error": e, "code": 1, "ms": ms}),
    };
    let Some(file) = &item.file else {
        // The article's strings move into the record (`json!` would copy
        // them); the keys come out in the same order either way.
        let string = |s: Option<String>| s.map_or(Value::Null, Value::String);
        let mut record = serde_json::Map::new();
        record.insert("id".into(), json!(item.id));
        record.insert("title".into(), string(a.title));
        record.insert("byline".into(), string(a.byline));
        record.insert("text".into(), Value::String(a.text));
        record.insert("html".into(), Value::String(a.content));
        record.insert("ms".into(), json!(ms));
        return Value::Object(record);
    };
    let body = match format {
        Format::Html => page::standalone(&a, &item.source),
        _ => match &a.title {
            Some(t) if !a.markdown.starts_with("# ") => format!("# {t}\n\n{}", a.markdown),
            _ => a.markdown.clone(),
        },
    };
    match std::fs::write(file, body) {
        Ok(()) => json!({"id": item.id, "title": a.title, "file": file, "ms": ms}),
        Err(e) => json!({
            "id": item.id, "error": format!("cannot write {}: {e}", file.display()), "code": 3
        }),
    }
}

fn progress_bar(len: usize) -> Option<ProgressBar> {
    if !io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new(len as u64);
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} pages  {per_sec}  ETA {eta}  {msg}")
    {
        bar.set_style(style);
    }
    Some(bar)
}

/// `quire batch [LIST] [--format jsonl|md|html] [--out DIR] [--jobs N] [FLAGS]`.
pub fn cmd_batch(args: &[String]) -> Result<(), Fail> {
    let a = batch_args(args)?;
    let mut items = read_list(a.list.as_deref())?;
    if let Some(dir) = &a.out {
        std::fs::create_dir_all(dir)
            .map_err(|e| Fail(3, format!("cannot create {}: {e}", dir.display())))?;
        match a.format {
            Format::Markdown => name_files(&mut items, dir, "md"),
            Format::Html => name_files(&mut items, dir, "html"),
            Format::Jsonl => {}
        }
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(a.jobs)
        .build()
        .map_err(|e| Fail(4, format!("cannot start threads: {e}")))?;
    let bar = progress_bar(items.len());
    let (tx, rx) = mpsc::channel::<(usize, Value)>();
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut failed = 0usize;
    std::thread::scope(|scope| -> Result<(), Fail> {
        let (items, format, load_opts) = (&items, a.format, &a.load);
        scope.spawn(move || {
            // `par_bridge` hands lines to the threads about in input order,
            // so few results wait here for an earlier one.
            pool.install(|| {
                items
                    .iter()
                    .enumerate()
                    .par_bridge()
                    .for_each_with(tx, |tx, (i, item)| {
                        let _ = tx.send((i, process(item, format, load_opts)));
                    })
            })
        });
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        for (i, record) in rx {
            waiting.insert(i, record);
            while let Some(record) = waiting.remove(&next) {
                failed += usize::from(record.get("error").is_some());
                // What `{record}` formats, without checking again through
                // `fmt` that the serialised text is UTF-8.
                let mut line = serde_json::to_vec(&record)
                    .map_err(|e| Fail(3, format!("cannot write output: {e}")))?;
                line.push(b'\n');
                out.write_all(&line)
                    .map_err(|e| Fail(3, format!("cannot write output: {e}")))?;
                next += 1;
                if let Some(bar) = &bar {
                    bar.inc(1);
                    bar.set_message(format!("{failed} failed"));
                }
            }
        }
        Ok(())
    })?;
    if let Some(bar) = bar {
        bar.finish();
    }
    out.flush()
        .map_err(|e| Fail(3, format!("cannot write output: {e}")))
}
