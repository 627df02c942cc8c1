//! `quire`: the command-line tool.
//!
//! ```text
//! quire extract FILE|- [--url URL] [--format json|html|text|markdown]
//! quire batch            < lines "id<TAB>path<TAB>url"
//! quire explain FILE|- [--url URL]
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
  quire explain FILE|- [--url URL]   (why each block was kept or dropped, as JSON)
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
        Some("explain") => cmd_explain(&args[1..]),
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

/// `Article` fields (camelCase) compared with `expected-metadata.json` beside
/// title and byline; reported, not part of the bars.
const OTHER_FIELDS: &[&str] = &["excerpt", "siteName", "lang", "dir", "publishedTime"];

/// Bylines are equal when they are after whitespace normalisation, with a
/// leading "By" (or its equivalent) ignored on both sides, as the clutter
/// suite scores them: Quire strips it, Readability sometimes keeps it.
fn byline_eq(ours: Option<&str>, expected: &str) -> bool {
    let ours = eval::normalize(ours.unwrap_or(""));
    let expected = eval::normalize(expected);
    eval::strip_byline_prefix(&ours) == eval::strip_byline_prefix(&expected)
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
    let mut readerable_ok = 0;
    let mut bylines_names_ok = 0;
    // Other metadata fields against Readability's: (field, agreeing, cases with a value).
    let mut fields: Vec<(&str, usize, usize)> = OTHER_FIELDS.iter().map(|f| (*f, 0, 0)).collect();
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
        let ours = got
            .as_ref()
            .ok()
            .and_then(|a| serde_json::to_value(a).ok())
            .unwrap_or_default();
        let readerable = ours.get("readerable").and_then(|v| v.as_bool());
        let exp_readerable = meta.get("readerable").and_then(|v| v.as_bool());
        let readerable_agrees = readerable == exp_readerable;
        readerable_ok += usize::from(readerable_agrees);
        let mut field_rows = serde_json::Map::new();
        for (field, ok, total) in &mut fields {
            let exp = meta.get(*field).and_then(|v| v.as_str());
            let got_v = ours.get(*field).and_then(|v| v.as_str());
            if let Some(exp) = exp {
                *total += 1;
                *ok += usize::from(if *field == "publishedTime" {
                    // Quire writes ISO 8601 ("T", "+hh:mm"); Readability copies the page.
                    got_v.map(quire::metadata::normalize_date)
                        == Some(quire::metadata::normalize_date(exp))
                } else {
                    norm_eq(got_v, Some(exp))
                });
            }
            field_rows.insert(field.to_string(), json!({"got": got_v, "expected": exp}));
        }
        let s = eval::score_page(&expected_text, &text);
        scores.push(s);
        let exp_title = meta.get("title").and_then(|v| v.as_str());
        let exp_byline = meta.get("byline").and_then(|v| v.as_str());
        let title_ok = norm_eq(title.as_deref(), exp_title);
        titles_ok += usize::from(title_ok);
        let byline_ok = exp_byline.map(|b| byline_eq(byline.as_deref(), b));
        if let Some(ok) = byline_ok {
            bylines_total += 1;
            bylines_ok += usize::from(ok);
        }
        // The same, once Readability's byline is cut to names as Quire cuts its
        // own (Readability keeps dates and roles: "By Ann Lee March 2, 2015").
        let byline_names_ok = exp_byline.map(|b| {
            let names = quire::metadata::clean_byline(b);
            byline_eq(byline.as_deref(), names.as_deref().unwrap_or(""))
        });
        bylines_names_ok += usize::from(byline_names_ok == Some(true));
        if verbose
            || s.f1() < 0.99
            || !title_ok
            || byline_ok == Some(false)
            || !readerable_agrees
            || err.is_some()
        {
            lines.push(format!(
                "  {id:<42} F1 {:.3} P {:.3} R {:.3} title {} byline {} readerable {}{}",
                s.f1(),
                s.precision(),
                s.recall(),
                if title_ok { "ok" } else { "WRONG" },
                match byline_ok {
                    None => "-",
                    Some(true) => "ok",
                    Some(false) => "WRONG",
                },
                if readerable_agrees { "ok" } else { "WRONG" },
                err.map(|e| format!(" error: {e}")).unwrap_or_default()
            ));
        }
        rows.push(json!({
            "id": id, "f1": s.f1(), "precision": s.precision(), "recall": s.recall(), "ms": ms,
            "title": title, "expectedTitle": exp_title, "titleOk": title_ok,
            "byline": byline, "expectedByline": exp_byline, "bylineOk": byline_ok,
            "bylineNamesOk": byline_names_ok,
            "readerable": readerable, "expectedReaderable": exp_readerable,
            "readerableOk": readerable_agrees, "fields": field_rows,
        }));
    }
    let (p, r, f) = eval::aggregate(&scores);
    let n = scores.len();
    lines.push(format!(
        "readability-test-pages: {n} pages  shingle F1 {f:.4}  P {p:.4}  R {r:.4}  titles {titles_ok}/{n} ({:.1}%)  bylines {bylines_ok}/{bylines_total} ({:.1}%)  readerable {readerable_ok}/{n}",
        pct(titles_ok, n),
        pct(bylines_ok, bylines_total)
    ));
    lines.push(format!(
        "  bylines equal to Readability's cut to names (no dates or roles): {bylines_names_ok}/{bylines_total} ({:.1}%)",
        pct(bylines_names_ok, bylines_total)
    ));
    lines.push(format!(
        "  other metadata equal to Readability's (where it has one): {}",
        fields
            .iter()
            .map(|(f, ok, total)| format!("{f} {ok}/{total}"))
            .collect::<Vec<_>>()
            .join("  ")
    ));
    let field_summary: serde_json::Map<String, serde_json::Value> = fields
        .iter()
        .map(|(f, ok, total)| (f.to_string(), json!({"ok": ok, "total": total})))
        .collect();
    report.insert(
        "readability".into(),
        json!({"pages": n, "f1": f, "precision": p, "recall": r, "titlesOk": titles_ok,
               "bylinesOk": bylines_ok, "bylinesTotal": bylines_total,
               "bylinesNamesOk": bylines_names_ok, "readerableOk": readerable_ok,
               "fields": field_summary, "cases": rows}),
    );

    // Clutter pages.
    let cl = corpus.join("clutter");
    lines.push(format!("== clutter ({})", cl.display()));
    let mut results = Vec::new();
    // Pages whose published time, language and direction match the truth.
    let mut meta_ok = [0usize; 3];
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
        let ours = got.as_ref().ok();
        let published = ours.and_then(|a| a.published_time.clone());
        let (published_ok, lang_ok, dir_ok) = eval::clutter_metadata_ok(
            &truth,
            published.as_deref(),
            ours.and_then(|a| a.lang.as_deref()),
            ours.and_then(|a| a.dir.as_deref()),
        );
        meta_ok[0] += usize::from(published_ok);
        meta_ok[1] += usize::from(lang_ok);
        meta_ok[2] += usize::from(dir_ok);
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
        if !published_ok {
            lines.push(format!(
                "      published: got {published:?}, want {:?}",
                truth.published
            ));
        }
        if !(lang_ok && dir_ok) {
            lines.push(format!(
                "      lang/dir: got {:?}/{:?}, want {:?}/{:?}",
                ours.and_then(|a| a.lang.as_deref()),
                ours.and_then(|a| a.dir.as_deref()),
                truth.lang,
                truth.dir
            ));
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
    lines.push(format!(
        "  clutter metadata: published {}/{total}  lang {}/{total}  dir {}/{total}",
        meta_ok[0], meta_ok[1], meta_ok[2]
    ));
    report.insert(
        "clutter".into(),
        json!({"pages": total, "passed": passed, "includeRecall": recall, "leaked": leaked,
               "titlesOk": t_ok, "bylinesOk": b_ok, "publishedOk": meta_ok[0],
               "langOk": meta_ok[1], "dirOk": meta_ok[2], "cases": results}),
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
