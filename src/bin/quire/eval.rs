//! `quire eval`: scores the three corpora under `--corpus DIR` and, with
//! `--gate FILE`, fails when a figure falls below the committed baseline.
//!
//! - `readability-test-pages`: shingle F1 against Readability's expected
//!   text, and titles, bylines, readerable and other metadata against
//!   `expected-metadata.json`;
//! - `clutter`: the clutter suite (`must_include` / `must_exclude`, title,
//!   byline, published, lang, dir);
//! - `web-eval`: trafilatura's chunk metric over the article text, tp, fn and
//!   fp summed over all pages, also on two fixed halves: "tune" (ids whose
//!   first hex digit is 0-7) and "check" (8-f). The team tunes on one half
//!   and checks on the other.
//!
//! Every gated figure has a dotted name (`webEval.f1`), the key in
//! `eval_baseline.json`. `--write-baseline FILE` writes the current figures
//! there; raising the committed baseline is a deliberate commit of its own.

use std::path::{Path, PathBuf};

use quire::eval::{self, Baseline, ClutterTruth, Figure, Half, PageScore, WebEvalPage};
use quire::Options;
use serde_json::{json, Map, Value};

use super::{read_input, timed_extract, usage, write_out, Fail};

/// Exit code of a gate that failed.
const GATE_FAILED: u8 = 5;

/// `Article` fields (camelCase) compared with `expected-metadata.json` beside
/// title and byline; reported, and gated as counts.
const OTHER_FIELDS: &[&str] = &["excerpt", "siteName", "lang", "dir", "publishedTime"];

/// What `eval_baseline.json` says about itself, written by `--write-baseline`.
const BASELINE_ABOUT: &[&str] = &[
    "Committed figures for `quire eval --gate eval_baseline.json` (`make eval`, run by CI).",
    "The gate fails, naming each figure with got vs baseline, when a figure under `floors` falls below its value or one under `ceilings` rises above it. Values are compared at 4 decimals, with no slack beyond that.",
    "Names: readability.* = readability-test-pages (shingle F1 and recall; counts of pages agreeing with Readability); clutter.* = the clutter suite (pages passed, mean include recall, counts of pages right, strings leaked); webEval.* = web-eval (chunk F1 and recall summed over pages; tune = ids 0-7, check = ids 8-f; pages with empty text). Precision is reported, not gated: F1 covers it, and recall must not be traded away.",
    "To raise it (or, with a reason, lower it): `cargo run --release -- eval --write-baseline eval_baseline.json`, review the diff, and commit it on its own, saying why the figures moved.",
];

/// Parsed `quire eval` arguments.
struct EvalArgs {
    corpus: PathBuf,
    as_json: bool,
    verbose: bool,
    gate: Option<PathBuf>,
    write_baseline: Option<PathBuf>,
}

/// What the sections produce: the text report, the JSON report and the
/// gated figures.
#[derive(Default)]
struct Report {
    lines: Vec<String>,
    json: Map<String, Value>,
    figures: Vec<Figure>,
}

fn default_corpus() -> PathBuf {
    std::env::var_os("QUIRE_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/corpus"))
}

fn parse_args(args: &[String]) -> Result<EvalArgs, Fail> {
    let mut a = EvalArgs {
        corpus: default_corpus(),
        as_json: false,
        verbose: false,
        gate: None,
        write_baseline: None,
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |flag: &str| -> Result<PathBuf, Fail> {
            it.next()
                .map(PathBuf::from)
                .ok_or_else(|| usage(&format!("{flag} needs a value")))
        };
        match arg.as_str() {
            "--corpus" => a.corpus = value("--corpus")?,
            "--gate" => a.gate = Some(value("--gate")?),
            "--write-baseline" => a.write_baseline = Some(value("--write-baseline")?),
            "--json" => a.as_json = true,
            "--verbose" | "-v" => a.verbose = true,
            other => return Err(usage(&format!("unexpected argument '{other}'"))),
        }
    }
    Ok(a)
}

/// `quire eval [--corpus DIR] [--json] [--verbose] [--gate FILE] [--write-baseline FILE]`.
pub(crate) fn cmd_eval(args: &[String]) -> Result<(), Fail> {
    let a = parse_args(args)?;
    let mut report = Report::default();
    let n = readability(
        &a.corpus.join("readability-test-pages"),
        a.verbose,
        &mut report,
    )?;
    let total = clutter(&a.corpus.join("clutter"), a.verbose, &mut report)?;
    let pages = web_eval(&a.corpus.join("web-eval"), a.verbose, &mut report)?;
    if n == 0 || total == 0 || pages == 0 {
        return Err(Fail(
            3,
            format!("no corpus pages found under {}", a.corpus.display()),
        ));
    }
    if let Some(path) = &a.write_baseline {
        write_baseline(path, &report.figures)?;
        report
            .lines
            .push(format!("baseline written to {}", path.display()));
    }
    let failures = match &a.gate {
        Some(path) => Some(run_gate(path, &mut report)?),
        None => None,
    };
    if a.as_json {
        let text =
            serde_json::to_string_pretty(&report.json).map_err(|e| Fail(4, e.to_string()))?;
        write_out(&(text + "\n"))?;
    } else {
        write_out(&(report.lines.join("\n") + "\n"))?;
    }
    match (a.gate, failures) {
        (Some(path), Some(f)) if !f.is_empty() => Err(Fail(
            GATE_FAILED,
            format!(
                "eval gate failed against {}: {}",
                path.display(),
                f.join("; ")
            ),
        )),
        _ => Ok(()),
    }
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

fn dir_id(dir: &Path) -> String {
    dir.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .to_string()
}

fn read_in(dir: &Path, file: &str) -> Result<String, Fail> {
    read_input(&dir.join(file).to_string_lossy())
}

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

fn ok_word(ok: bool) -> &'static str {
    if ok {
        "ok"
    } else {
        "WRONG"
    }
}

/// One readability test page, scored.
struct RdCase {
    score: PageScore,
    title_ok: bool,
    byline_ok: Option<bool>,
    byline_names_ok: Option<bool>,
    readerable_ok: bool,
    /// Per `OTHER_FIELDS` entry: (agrees, Readability has a value).
    fields: Vec<(bool, bool)>,
    /// The report line, when the page is worth a line.
    line: Option<String>,
    row: Value,
}

fn readability_case(dir: &Path, verbose: bool) -> Result<Option<RdCase>, Fail> {
    let id = dir_id(dir);
    let Ok(source) = read_in(dir, "source.html") else {
        return Ok(None);
    };
    let expected_html = read_in(dir, "expected.html")?;
    let meta: Value = read_in(dir, "expected-metadata.json")
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default();
    let expected_text = quire::output::text_of_html(&expected_html);
    let (got, ms) = timed_extract(
        &source,
        Some("http://fakehost/test/page.html"),
        &Options::default(),
    );
    let (text, title, byline, err) = match &got {
        Ok(a) => (a.text.clone(), a.title.clone(), a.byline.clone(), None),
        Err(e) => (String::new(), None, None, Some(e.clone())),
    };
    let ours = got
        .as_ref()
        .ok()
        .and_then(|a| serde_json::to_value(a).ok())
        .unwrap_or_default();
    let str_of = |v: &Value, k: &str| v.get(k).and_then(|v| v.as_str()).map(str::to_string);
    let readerable = ours.get("readerable").and_then(|v| v.as_bool());
    let exp_readerable = meta.get("readerable").and_then(|v| v.as_bool());
    let readerable_ok = readerable == exp_readerable;
    let mut field_rows = Map::new();
    let mut fields = Vec::new();
    for field in OTHER_FIELDS {
        let (exp, got_v) = (str_of(&meta, field), str_of(&ours, field));
        let ok = match (&exp, *field == "publishedTime") {
            // Quire writes ISO 8601 ("T", "+hh:mm"); Readability copies the page.
            (Some(e), true) => {
                got_v.as_deref().map(quire::metadata::normalize_date)
                    == Some(quire::metadata::normalize_date(e))
            }
            (Some(e), false) => norm_eq(got_v.as_deref(), Some(e)),
            (None, _) => false,
        };
        fields.push((ok, exp.is_some()));
        field_rows.insert(field.to_string(), json!({"got": got_v, "expected": exp}));
    }
    let score = eval::score_page(&expected_text, &text);
    let exp_title = str_of(&meta, "title");
    let exp_byline = str_of(&meta, "byline");
    let title_ok = norm_eq(title.as_deref(), exp_title.as_deref());
    let byline_ok = exp_byline
        .as_deref()
        .map(|b| byline_eq(byline.as_deref(), b));
    // The same, once Readability's byline is cut to names as Quire cuts its
    // own (Readability keeps dates and roles: "By Ann Lee March 2, 2015").
    let byline_names_ok = exp_byline.as_deref().map(|b| {
        let names = quire::metadata::clean_byline(b);
        byline_eq(byline.as_deref(), names.as_deref().unwrap_or(""))
    });
    let worth_a_line = verbose
        || score.f1() < 0.99
        || !title_ok
        || byline_ok == Some(false)
        || !readerable_ok
        || err.is_some();
    let line = worth_a_line.then(|| {
        format!(
            "  {id:<42} F1 {:.3} P {:.3} R {:.3} title {} byline {} readerable {}{}",
            score.f1(),
            score.precision(),
            score.recall(),
            ok_word(title_ok),
            byline_ok.map_or("-", ok_word),
            ok_word(readerable_ok),
            err.map(|e| format!(" error: {e}")).unwrap_or_default()
        )
    });
    let row = json!({
        "id": id, "f1": score.f1(), "precision": score.precision(), "recall": score.recall(),
        "ms": ms, "title": title, "expectedTitle": exp_title, "titleOk": title_ok,
        "byline": byline, "expectedByline": exp_byline, "bylineOk": byline_ok,
        "bylineNamesOk": byline_names_ok,
        "readerable": readerable, "expectedReaderable": exp_readerable,
        "readerableOk": readerable_ok, "fields": field_rows,
    });
    Ok(Some(RdCase {
        score,
        title_ok,
        byline_ok,
        byline_names_ok,
        readerable_ok,
        fields,
        line,
        row,
    }))
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// The Readability regression pages; returns how many were scored.
fn readability(rt: &Path, verbose: bool, report: &mut Report) -> Result<usize, Fail> {
    report
        .lines
        .push(format!("== readability-test-pages ({})", rt.display()));
    let mut cases = Vec::new();
    for dir in sorted_dirs(rt)? {
        if let Some(case) = readability_case(&dir, verbose)? {
            report.lines.extend(case.line.clone());
            cases.push(case);
        }
    }
    let count = |f: &dyn Fn(&RdCase) -> bool| cases.iter().filter(|c| f(c)).count();
    let n = cases.len();
    let titles_ok = count(&|c| c.title_ok);
    let bylines_total = count(&|c| c.byline_ok.is_some());
    let bylines_ok = count(&|c| c.byline_ok == Some(true));
    let bylines_names_ok = count(&|c| c.byline_names_ok == Some(true));
    let readerable_ok = count(&|c| c.readerable_ok);
    let fields: Vec<(&str, usize, usize)> = (0..OTHER_FIELDS.len())
        .map(|i| {
            let ok = count(&|c| c.fields[i].0);
            (OTHER_FIELDS[i], ok, count(&|c| c.fields[i].1))
        })
        .collect();
    let scores: Vec<PageScore> = cases.iter().map(|c| c.score).collect();
    let (p, r, f) = eval::aggregate(&scores);
    report.lines.push(format!(
        "readability-test-pages: {n} pages  shingle F1 {f:.4}  P {p:.4}  R {r:.4}  titles {titles_ok}/{n} ({:.1}%)  bylines {bylines_ok}/{bylines_total} ({:.1}%)  readerable {readerable_ok}/{n}",
        pct(titles_ok, n),
        pct(bylines_ok, bylines_total)
    ));
    report.lines.push(format!(
        "  bylines equal to Readability's cut to names (no dates or roles): {bylines_names_ok}/{bylines_total} ({:.1}%)",
        pct(bylines_names_ok, bylines_total)
    ));
    let summary: Vec<String> = fields
        .iter()
        .map(|(f, ok, total)| format!("{f} {ok}/{total}"))
        .collect();
    report.lines.push(format!(
        "  other metadata equal to Readability's (where it has one): {}",
        summary.join("  ")
    ));
    let field_summary: Map<String, Value> = fields
        .iter()
        .map(|(f, ok, total)| (f.to_string(), json!({"ok": ok, "total": total})))
        .collect();
    let rows: Vec<Value> = cases.into_iter().map(|c| c.row).collect();
    report.json.insert(
        "readability".into(),
        json!({"pages": n, "f1": f, "precision": p, "recall": r, "titlesOk": titles_ok,
               "bylinesOk": bylines_ok, "bylinesTotal": bylines_total,
               "bylinesNamesOk": bylines_names_ok, "readerableOk": readerable_ok,
               "fields": field_summary, "cases": rows}),
    );
    report.figures.extend([
        Figure::floor_count("readability.pages", n),
        Figure::floor("readability.f1", f),
        Figure::floor("readability.recall", r),
        Figure::floor_count("readability.titles", titles_ok),
        Figure::floor_count("readability.bylines", bylines_ok),
        Figure::floor_count("readability.bylinesNames", bylines_names_ok),
        Figure::floor_count("readability.readerable", readerable_ok),
    ]);
    for (field, ok, _) in &fields {
        report
            .figures
            .push(Figure::floor_count(&format!("readability.{field}"), *ok));
    }
    Ok(n)
}

fn short(s: &str) -> String {
    let mut t: String = s.chars().take(100).collect();
    if s.chars().count() > 100 {
        t.push('…');
    }
    t
}

/// One clutter page, scored: (result, [published, lang, dir] right).
fn clutter_case(
    dir: &Path,
    verbose: bool,
    lines: &mut Vec<String>,
) -> Result<Option<(eval::ClutterResult, [bool; 3])>, Fail> {
    let id = dir_id(dir);
    let Ok(truth_raw) = read_in(dir, "truth.json") else {
        return Ok(None);
    };
    let truth: ClutterTruth =
        serde_json::from_str(&truth_raw).map_err(|e| Fail(3, format!("{id}/truth.json: {e}")))?;
    let page = read_in(dir, "page.html")?;
    let url = Some(truth.url.as_str()).filter(|u| !u.is_empty());
    let (got, _ms) = timed_extract(&page, url, &Options::default());
    let ours = got.as_ref().ok();
    let title = ours.and_then(|a| a.title.clone()).unwrap_or_default();
    let byline = ours.and_then(|a| a.byline.clone()).unwrap_or_default();
    let text = ours.map(|a| a.text.as_str()).unwrap_or("");
    let res = eval::score_clutter(&id, &truth, text, &title, &byline);
    let published = ours.and_then(|a| a.published_time.clone());
    let (lang, dir_got) = (
        ours.and_then(|a| a.lang.as_deref()),
        ours.and_then(|a| a.dir.as_deref()),
    );
    let (published_ok, lang_ok, dir_ok) =
        eval::clutter_metadata_ok(&truth, published.as_deref(), lang, dir_got);
    let include = truth.must_include.len();
    lines.push(format!(
        "  {id:<40} {}  include {}/{include}  leaked {}  title {}  byline {}",
        if res.pass { "PASS" } else { "FAIL" },
        include - res.missing.len(),
        res.leaked.len(),
        ok_word(res.title_ok),
        ok_word(res.byline_ok),
    ));
    if verbose || !res.pass {
        lines.extend(
            res.missing
                .iter()
                .map(|m| format!("      missing: {}", short(m))),
        );
        lines.extend(
            res.leaked
                .iter()
                .map(|l| format!("      leaked:  {}", short(l))),
        );
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
            "      lang/dir: got {lang:?}/{dir_got:?}, want {:?}/{:?}",
            truth.lang, truth.dir
        ));
    }
    Ok(Some((res, [published_ok, lang_ok, dir_ok])))
}

/// The clutter pages; returns how many were scored.
fn clutter(cl: &Path, verbose: bool, report: &mut Report) -> Result<usize, Fail> {
    report.lines.push(format!("== clutter ({})", cl.display()));
    let mut results = Vec::new();
    // Pages whose published time, language and direction match the truth.
    let mut meta_ok = [0usize; 3];
    for dir in sorted_dirs(cl)? {
        if let Some((res, ok)) = clutter_case(&dir, verbose, &mut report.lines)? {
            for (sum, ok) in meta_ok.iter_mut().zip(ok) {
                *sum += usize::from(ok);
            }
            results.push(res);
        }
    }
    let total = results.len();
    let passed = results.iter().filter(|r| r.pass).count();
    let recall = if total == 0 {
        0.0
    } else {
        results.iter().map(|r| r.recall).sum::<f64>() / total as f64
    };
    let leaked: usize = results.iter().map(|r| r.leaked.len()).sum();
    let t_ok = results.iter().filter(|r| r.title_ok).count();
    let b_ok = results.iter().filter(|r| r.byline_ok).count();
    report.lines.push(format!(
        "clutter: {passed}/{total} pages pass  include recall {recall:.4}  leaked strings {leaked}  titles {t_ok}/{total}  bylines {b_ok}/{total}"
    ));
    let [published_ok, lang_ok, dir_ok] = meta_ok;
    report.lines.push(format!(
        "  clutter metadata: published {published_ok}/{total}  lang {lang_ok}/{total}  dir {dir_ok}/{total}"
    ));
    report.json.insert(
        "clutter".into(),
        json!({"pages": total, "passed": passed, "includeRecall": recall, "leaked": leaked,
               "titlesOk": t_ok, "bylinesOk": b_ok, "publishedOk": published_ok,
               "langOk": lang_ok, "dirOk": dir_ok, "cases": results}),
    );
    report.figures.extend([
        Figure::floor_count("clutter.pages", total),
        Figure::floor_count("clutter.passed", passed),
        Figure::floor("clutter.includeRecall", recall),
        Figure::ceiling_count("clutter.leaked", leaked),
        Figure::floor_count("clutter.titles", t_ok),
        Figure::floor_count("clutter.bylines", b_ok),
        Figure::floor_count("clutter.published", published_ok),
        Figure::floor_count("clutter.lang", lang_ok),
        Figure::floor_count("clutter.dir", dir_ok),
    ]);
    Ok(total)
}

/// One web-eval page, scored on its article text, extracted with its
/// truth's URL. A page that fails to extract is scored with no text.
fn web_eval_case(dir: &Path) -> Result<WebEvalPage, Fail> {
    let id = dir_id(dir);
    let truth: eval::WebEvalTruth = serde_json::from_str(&read_in(dir, "truth.json")?)
        .map_err(|e| Fail(3, format!("{id}/truth.json: {e}")))?;
    let page = read_in(dir, "page.html")?;
    let url = Some(truth.url.as_str()).filter(|u| !u.is_empty());
    let text = timed_extract(&page, url, &Options::default())
        .0
        .map(|a| a.text)
        .unwrap_or_default();
    Ok(WebEvalPage {
        counts: eval::score_chunks(&truth, &text),
        empty: eval::collapse_ws(&text).is_empty(),
        id,
    })
}

/// One summary line and its JSON.
fn web_eval_summary(label: &str, s: &eval::WebEvalSummary) -> (String, Value) {
    let c = &s.counts;
    let line = format!(
        "{label}: {} pages  chunk F1 {:.4}  P {:.4}  R {:.4}  tp {}  fn {}  fp {}  empty {}",
        s.pages,
        c.f1(),
        c.precision(),
        c.recall(),
        c.tp,
        c.fn_,
        c.fp,
        s.empty.len()
    );
    let mut v = serde_json::to_value(s).unwrap_or_default();
    if let Some(m) = v.as_object_mut() {
        m.insert("f1".into(), json!(c.f1()));
        m.insert("precision".into(), json!(c.precision()));
        m.insert("recall".into(), json!(c.recall()));
    }
    (line, v)
}

fn page_line(p: &WebEvalPage) -> String {
    let c = &p.counts;
    format!(
        "    {:<14} missed {}/{}  found without {}{}",
        p.id,
        c.fn_,
        c.tp + c.fn_,
        c.fp,
        if p.empty { "  (empty)" } else { "" }
    )
}

/// The web-eval pages; returns how many were scored.
fn web_eval(we: &Path, verbose: bool, report: &mut Report) -> Result<usize, Fail> {
    report.lines.push(format!("== web-eval ({})", we.display()));
    let pages = sorted_dirs(we)?
        .iter()
        .map(|d| web_eval_case(d))
        .collect::<Result<Vec<_>, _>>()?;
    if verbose {
        report.lines.extend(pages.iter().map(page_line));
    }
    let all = eval::summarize(&pages, |_| true);
    let tune = eval::summarize(&pages, |p| Half::of(&p.id) == Half::Tune);
    let check = eval::summarize(&pages, |p| Half::of(&p.id) == Half::Check);
    let (line, mut json) = web_eval_summary("web-eval", &all);
    report.lines.push(line);
    report
        .lines
        .push(format!("  empty text: {}", all.empty.join(" ")));
    let (tune_line, tune_json) = web_eval_summary("  tune half (ids 0-7)", &tune);
    let (check_line, check_json) = web_eval_summary("  check half (ids 8-f)", &check);
    report.lines.extend([tune_line, check_line]);
    let worst = eval::worst_pages(&pages, 10);
    report
        .lines
        .push("  ten worst pages (missed `with` + found `without`):".into());
    report.lines.extend(worst.iter().map(|p| page_line(p)));
    if let Some(m) = json.as_object_mut() {
        m.insert("tune".into(), tune_json);
        m.insert("check".into(), check_json);
        m.insert("worst".into(), json!(worst));
        m.insert("cases".into(), json!(pages));
    }
    report.json.insert("webEval".into(), json);
    report.figures.extend([
        Figure::floor_count("webEval.pages", all.pages),
        Figure::floor("webEval.f1", all.counts.f1()),
        Figure::floor("webEval.recall", all.counts.recall()),
        Figure::floor("webEval.tune.f1", tune.counts.f1()),
        Figure::floor("webEval.check.f1", check.counts.f1()),
        Figure::ceiling_count("webEval.emptyPages", all.empty.len()),
    ]);
    Ok(all.pages)
}

/// Writes the figures as a baseline file: counts as integers, ratios to 4
/// decimals.
fn write_baseline(path: &Path, figures: &[Figure]) -> Result<(), Fail> {
    let about = BASELINE_ABOUT.iter().map(|s| s.to_string()).collect();
    let b = eval::baseline_of(figures, about);
    let side = |m: &std::collections::BTreeMap<String, f64>| -> Map<String, Value> {
        m.iter()
            .map(|(k, &v)| {
                let v = if v.fract() == 0.0 {
                    json!(v as i64)
                } else {
                    json!(v)
                };
                (k.clone(), v)
            })
            .collect()
    };
    let v = json!({"about": b.about, "floors": side(&b.floors), "ceilings": side(&b.ceilings)});
    let text = serde_json::to_string_pretty(&v).map_err(|e| Fail(4, e.to_string()))? + "\n";
    std::fs::write(path, text).map_err(|e| Fail(3, format!("cannot write {}: {e}", path.display())))
}

/// Compares the figures with the baseline at `path`; adds the outcome to the
/// report and returns the failures (one line each).
fn run_gate(path: &Path, report: &mut Report) -> Result<Vec<String>, Fail> {
    let raw = read_input(&path.to_string_lossy())?;
    let baseline: Baseline =
        serde_json::from_str(&raw).map_err(|e| Fail(3, format!("{}: {e}", path.display())))?;
    let failures = eval::gate(&report.figures, &baseline);
    let checked = baseline.floors.len() + baseline.ceilings.len();
    report.lines.push(format!("== gate ({})", path.display()));
    if failures.is_empty() {
        report.lines.push(format!(
            "gate: pass, {checked} figures at or within the baseline"
        ));
    } else {
        report
            .lines
            .extend(failures.iter().map(|f| format!("  FAIL {f}")));
        report.lines.push(format!(
            "gate: FAIL, {} of {checked} figures fell short of the baseline",
            failures.len()
        ));
    }
    report.json.insert(
        "gate".into(),
        json!({"baseline": path.display().to_string(), "checked": checked, "failures": failures}),
    );
    Ok(failures)
}
