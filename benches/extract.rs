//! Speed and native-memory benchmark: `quire::extract` against
//! `dom_smoothie::Readability` on the same pages in the same run.
//!
//! A plain harness (`harness = false`) rather than criterion: 130 real pages
//! times two libraries times criterion's sampling would take far longer than
//! the five minutes `make bench` may use, and what we want is a per-page
//! *ratio* measured side by side, which a plain interleaved loop gives
//! directly. For every page the two libraries alternate, run by run (which one
//! goes first alternates too), so machine noise hits both alike.
//!
//! Pages: every `readability-test-pages/*/source.html` of the shared corpus
//! (`QUIRE_CORPUS`, default `../shared/corpus`), plus synthetic articles of
//! 1, 2, 4 and 8 MB built here by repeating article blocks. The synthetic
//! pages are timed in rounds (each round runs every size once), so the
//! scaling compares sizes measured under the same load.
//!
//! Output: a table on stdout, `out/bench/native.json` and the chart
//! `docs/bench-scaling.svg`. Environment knobs: `QUIRE_BENCH_REPS` (runs per
//! corpus page, default 5), `QUIRE_BENCH_SYNTH_REPS` (default 5),
//! `QUIRE_BENCH_FILTER` (only corpus pages whose name contains it).

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use peak_alloc::PeakAlloc;
use serde_json::{json, Value};

#[global_allocator]
static ALLOC: PeakAlloc = PeakAlloc;

/// The URL every page is extracted under (Readability's test URL).
const PAGE_URL: &str = "http://fakehost/test/page.html";
/// Synthetic page sizes in MiB.
const SYNTH_MB: [usize; 4] = [1, 2, 4, 8];
const MB: f64 = 1024.0 * 1024.0;

/// One page to measure.
struct Page {
    name: String,
    html: String,
}

/// What one library did with one page.
#[derive(Clone, Copy, Debug)]
enum Outcome {
    /// Extracted this many characters of text.
    Ok(usize),
    /// Returned an error.
    Failed,
}

fn run_quire(html: &str, options: &quire::Options) -> Outcome {
    match quire::extract(html, Some(PAGE_URL), options) {
        Ok(a) => Outcome::Ok(std::hint::black_box(a).text.len()),
        Err(_) => Outcome::Failed,
    }
}

fn run_smoothie(html: &str) -> Outcome {
    let Ok(mut r) = dom_smoothie::Readability::new(html, Some(PAGE_URL), None) else {
        return Outcome::Failed;
    };
    match r.parse() {
        Ok(a) => Outcome::Ok(std::hint::black_box(a).text_content.len()),
        Err(_) => Outcome::Failed,
    }
}

fn time<F: FnMut() -> Outcome>(mut f: F) -> (Duration, Outcome) {
    let t = Instant::now();
    let o = f();
    (t.elapsed(), o)
}

/// Peak heap growth (bytes above what was live before) while `f` runs.
fn peak_heap<F: FnMut() -> Outcome>(mut f: F) -> usize {
    let before = ALLOC.current_usage();
    ALLOC.reset_peak_usage();
    std::hint::black_box(f());
    ALLOC.peak_usage().saturating_sub(before)
}

fn median(v: &[f64]) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    let n = s.len();
    if n == 0 {
        f64::NAN
    } else if n % 2 == 1 {
        s[n / 2]
    } else {
        (s[n / 2 - 1] + s[n / 2]) / 2.0
    }
}

fn percentile(v: &[f64], p: f64) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    if s.is_empty() {
        return f64::NAN;
    }
    let rank = (p * (s.len() - 1) as f64).round() as usize;
    s[rank.min(s.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn corpus_dir() -> PathBuf {
    std::env::var_os("QUIRE_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus")))
}

fn load_corpus(dir: &Path, filter: Option<&str>) -> Vec<Page> {
    let root = dir.join("readability-test-pages");
    let Ok(entries) = fs::read_dir(&root) else {
        eprintln!("bench: no corpus at {} (set QUIRE_CORPUS)", root.display());
        return Vec::new();
    };
    let mut pages: Vec<Page> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if filter.is_some_and(|f| !name.contains(f)) {
                return None;
            }
            let html = fs::read_to_string(e.path().join("source.html")).ok()?;
            Some(Page { name, html })
        })
        .collect();
    pages.sort_by(|a, b| a.name.cmp(&b.name));
    pages
}

/// A tiny deterministic generator, so synthetic pages vary but are the same
/// in every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

const WORDS: &[&str] = &[
    "harbour",
    "council",
    "evening",
    "the",
    "of",
    "and",
    "a",
    "to",
    "in",
    "researchers",
    "said",
    "water",
    "temperature",
    "swimming",
    "engineers",
    "budget",
    "which",
    "was",
    "for",
    "on",
    "that",
    "residents",
    "morning",
    "report",
    "year",
    "public",
    "baths",
    "station",
    "plan",
    "however",
    "river",
    "city",
    "new",
    "old",
    "local",
    "measured",
    "winter",
    "summer",
    "heat",
    "pumps",
];

fn sentence(rng: &mut Lcg, out: &mut String) {
    let n = 8 + rng.next() % 14;
    for i in 0..n {
        let w = WORDS[rng.next() % WORDS.len()];
        if i == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                out.extend(f.to_uppercase());
                out.push_str(c.as_str());
            }
        } else {
            out.push(' ');
            if rng.next() % 17 == 0 {
                let _ = write!(out, "<a href=\"/topic/{w}\">{w}</a>");
                continue;
            }
            if rng.next() % 23 == 0 {
                let _ = write!(out, "<em>{w}</em>");
                continue;
            }
            out.push_str(w);
        }
        if i + 1 < n && rng.next() % 7 == 0 {
            out.push(',');
        }
    }
    out.push_str(". ");
}

/// One article block: a heading, paragraphs, a figure and now and then a
/// list, a pull quote or an in-article share row (clutter).
fn block(i: usize, rng: &mut Lcg, out: &mut String) {
    let _ = write!(
        out,
        "<section class=\"chunk\" id=\"s{i}\"><h2>Part {i}</h2>"
    );
    for _ in 0..4 {
        out.push_str("<p>");
        for _ in 0..(3 + rng.next() % 3) {
            sentence(rng, out);
        }
        out.push_str("</p>\n");
    }
    if i % 3 == 0 {
        let _ = writeln!(
            out,
            "<figure><img src=\"/img/photo-{i}.jpg\" alt=\"Photo {i}\" width=\"800\" height=\"533\">\
             <figcaption>The harbour baths at dawn, picture {i}.</figcaption></figure>"
        );
    }
    if i % 5 == 0 {
        out.push_str("<ul>");
        for _ in 0..4 {
            out.push_str("<li>");
            sentence(rng, out);
            out.push_str("</li>");
        }
        out.push_str("</ul>\n");
    }
    if i % 7 == 0 {
        out.push_str("<blockquote><p>");
        sentence(rng, out);
        out.push_str("</p></blockquote>\n");
    }
    if i % 11 == 0 {
        out.push_str(
            "<div class=\"share-tools\"><a href=\"/share/fb\">Share</a> <a href=\"/share/x\">Post</a> \
             <a href=\"/share/mail\">Email</a></div>\n",
        );
    }
    out.push_str("</section>\n");
}

/// A synthetic article page of at least `bytes` bytes: site chrome around an
/// `<article>` made of repeated blocks.
fn synthetic_page(bytes: usize) -> String {
    let mut rng = Lcg(0x5eed);
    let mut s = String::with_capacity(bytes + 64 * 1024);
    s.push_str(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Synthetic harbour report | The Benchmark Ledger</title>\
         <meta name=\"author\" content=\"Ada Bench\">\
         <meta property=\"og:site_name\" content=\"The Benchmark Ledger\">\
         <meta name=\"description\" content=\"A long synthetic article for benchmarks.\">\
         </head><body><header class=\"site-header\"><nav><ul>",
    );
    for n in ["Home", "News", "Sport", "Opinion", "Culture", "Travel"] {
        let _ = write!(s, "<li><a href=\"/{n}\">{n}</a></li>");
    }
    s.push_str(
        "</ul></nav></header><main><article><h1>Synthetic harbour report</h1>\
         <p class=\"byline\">By Ada Bench</p><div class=\"article-body\">\n",
    );
    let tail = "</div></article><aside class=\"sidebar\"><h3>Most read</h3><ul>\
                <li><a href=\"/a\">Another story</a></li><li><a href=\"/b\">And another</a></li>\
                </ul></aside></main><footer class=\"site-footer\"><p>© The Benchmark Ledger</p>\
                </footer></body></html>";
    let mut i = 0;
    while s.len() + tail.len() < bytes {
        block(i, &mut rng, &mut s);
        i += 1;
    }
    s.push_str(tail);
    s
}

/// Per-page timing result.
struct Timed {
    name: String,
    bytes: usize,
    quire_ms: Vec<f64>,
    smoothie_ms: Vec<f64>,
    quire: Outcome,
    smoothie: Outcome,
}

impl Timed {
    fn quire_median(&self) -> f64 {
        median(&self.quire_ms)
    }
    fn smoothie_median(&self) -> f64 {
        median(&self.smoothie_ms)
    }
    fn quire_min(&self) -> f64 {
        self.quire_ms.iter().copied().fold(f64::INFINITY, f64::min)
    }
    fn smoothie_min(&self) -> f64 {
        self.smoothie_ms
            .iter()
            .copied()
            .fold(f64::INFINITY, f64::min)
    }
    fn ratio(&self) -> f64 {
        self.quire_median() / self.smoothie_median()
    }
    fn both_ok(&self) -> bool {
        matches!(
            (self.quire, self.smoothie),
            (Outcome::Ok(_), Outcome::Ok(_))
        )
    }
}

/// Times both libraries on one page, `reps` interleaved runs after one
/// warm-up run each.
fn measure(name: &str, html: &str, reps: usize, options: &quire::Options) -> Timed {
    measure_rounds(&[(name.to_string(), html)], reps, options)
        .pop()
        .expect("one page in, one out")
}

/// Times both libraries on several pages: one warm-up run each, then `reps`
/// rounds, each of which runs every page once (both libraries, in turns).
/// A burst of other load on a shared machine then falls on all the pages of
/// a round alike instead of on the runs of one page.
fn measure_rounds(pages: &[(String, &str)], reps: usize, options: &quire::Options) -> Vec<Timed> {
    let mut timed: Vec<Timed> = pages
        .iter()
        .map(|(name, html)| Timed {
            name: name.clone(),
            bytes: html.len(),
            quire_ms: Vec::with_capacity(reps),
            smoothie_ms: Vec::with_capacity(reps),
            quire: run_quire(html, options),
            smoothie: run_smoothie(html),
        })
        .collect();
    for rep in 0..reps {
        for ((_, html), t) in pages.iter().zip(&mut timed) {
            if rep % 2 == 0 {
                t.quire_ms.push(ms(time(|| run_quire(html, options)).0));
                t.smoothie_ms.push(ms(time(|| run_smoothie(html)).0));
            } else {
                t.smoothie_ms.push(ms(time(|| run_smoothie(html)).0));
                t.quire_ms.push(ms(time(|| run_quire(html, options)).0));
            }
        }
    }
    timed
}

fn outcome_json(o: Outcome) -> Value {
    match o {
        Outcome::Ok(n) => json!({ "ok": true, "textBytes": n }),
        Outcome::Failed => json!({ "ok": false }),
    }
}

fn command_line(cmd: &str, args: &[&str]) -> String {
    std::process::Command::new(cmd)
        .args(args)
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

fn machine() -> Value {
    let cpu = fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_default();
    json!({
        "nproc": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
        "cpu": cpu,
        "rustc": command_line(&std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()), &["--version"]),
        "os": std::env::consts::OS,
        "arch": std::env::consts::ARCH,
    })
}

/// Writes the time-vs-size chart: synthetic pages as lines, corpus pages as dots.
fn scaling_svg(corpus: &[Timed], synth: &[Timed]) -> String {
    let (w, h) = (720.0, 440.0);
    let (left, right, top, bottom) = (70.0, 20.0, 40.0, 60.0);
    let max_x = synth
        .iter()
        .map(|t| t.bytes as f64 / MB)
        .fold(1.0, f64::max)
        * 1.05;
    let max_y = synth
        .iter()
        .chain(corpus)
        .flat_map(|t| [t.quire_median(), t.smoothie_median()])
        .filter(|v| v.is_finite())
        .fold(1.0, f64::max)
        * 1.1;
    let px = |x: f64| left + x / max_x * (w - left - right);
    let py = |y: f64| h - bottom - y / max_y * (h - top - bottom);
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" \
         font-family=\"sans-serif\" font-size=\"12\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n\
         <text x=\"{}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">Extraction time vs page size (native, median)</text>\n",
        w / 2.0
    );
    // Axes and grid.
    let step_y = nice_step(max_y / 5.0);
    let mut y = 0.0;
    while y <= max_y {
        let _ = writeln!(
            s,
            "<line x1=\"{left}\" x2=\"{}\" y1=\"{py:.1}\" y2=\"{py:.1}\" stroke=\"#ddd\"/>\
             <text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{y}</text>",
            w - right,
            left - 6.0,
            py(y) + 4.0,
            py = py(y)
        );
        y += step_y;
    }
    let mut x = 0.0;
    while x <= max_x {
        let _ = writeln!(
            s,
            "<line x1=\"{px:.1}\" x2=\"{px:.1}\" y1=\"{top}\" y2=\"{}\" stroke=\"#eee\"/>\
             <text x=\"{px:.1}\" y=\"{}\" text-anchor=\"middle\">{x}</text>",
            h - bottom,
            h - bottom + 16.0,
            px = px(x)
        );
        x += 1.0;
    }
    let _ = writeln!(
        s,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">page size (MiB)</text>\
         <text transform=\"translate(18 {}) rotate(-90)\" text-anchor=\"middle\">time (ms)</text>",
        (left + w - right) / 2.0,
        h - 18.0,
        (top + h - bottom) / 2.0
    );
    for (_label, color, pick) in [
        ("Quire", "#c0392b", Timed::quire_median as fn(&Timed) -> f64),
        (
            "dom_smoothie",
            "#2c6fbb",
            Timed::smoothie_median as fn(&Timed) -> f64,
        ),
    ] {
        for t in corpus {
            let v = pick(t);
            if v.is_finite() {
                let _ = writeln!(
                    s,
                    "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"2\" fill=\"{color}\" fill-opacity=\"0.35\"/>",
                    px(t.bytes as f64 / MB),
                    py(v)
                );
            }
        }
        let pts: Vec<String> = synth
            .iter()
            .map(|t| format!("{:.1},{:.1}", px(t.bytes as f64 / MB), py(pick(t))))
            .collect();
        let _ = writeln!(
            s,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"/>",
            pts.join(" ")
        );
        for t in synth {
            let _ = writeln!(
                s,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\" fill=\"{color}\"/>",
                px(t.bytes as f64 / MB),
                py(pick(t))
            );
        }
    }
    let _ = writeln!(
        s,
        "<rect x=\"{lx}\" y=\"{ly}\" width=\"210\" height=\"58\" fill=\"white\" stroke=\"#ccc\"/>\
         <line x1=\"{a}\" x2=\"{b}\" y1=\"{y1}\" y2=\"{y1}\" stroke=\"#c0392b\" stroke-width=\"2\"/>\
         <text x=\"{t}\" y=\"{ty1}\">Quire</text>\
         <line x1=\"{a}\" x2=\"{b}\" y1=\"{y2}\" y2=\"{y2}\" stroke=\"#2c6fbb\" stroke-width=\"2\"/>\
         <text x=\"{t}\" y=\"{ty2}\">dom_smoothie 0.19</text>\
         <text x=\"{a}\" y=\"{ty3}\" fill=\"#666\">lines: synthetic; dots: corpus pages</text>",
        lx = left + 10.0,
        ly = top + 6.0,
        a = left + 18.0,
        b = left + 42.0,
        t = left + 50.0,
        y1 = top + 20.0,
        ty1 = top + 24.0,
        y2 = top + 36.0,
        ty2 = top + 40.0,
        ty3 = top + 56.0,
    );
    s.push_str("</svg>\n");
    s
}

fn nice_step(raw: f64) -> f64 {
    let mag = 10f64.powf(raw.log10().floor());
    let n = raw / mag;
    let f = if n <= 1.0 {
        1.0
    } else if n <= 2.0 {
        2.0
    } else if n <= 5.0 {
        5.0
    } else {
        10.0
    };
    f * mag
}

fn main() {
    // `cargo bench` passes `--bench`; a plain harness ignores arguments.
    let started = Instant::now();
    let reps = env_usize("QUIRE_BENCH_REPS", 5).max(1);
    let synth_reps = env_usize("QUIRE_BENCH_SYNTH_REPS", 5).max(1);
    let filter = std::env::var("QUIRE_BENCH_FILTER").ok();
    let options = quire::Options::default();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));

    let pages = load_corpus(&corpus_dir(), filter.as_deref());
    println!(
        "Quire vs dom_smoothie 0.19: {} corpus pages x {reps} interleaved runs, synthetic {SYNTH_MB:?} MiB x {synth_reps}",
        pages.len()
    );

    // ---- corpus: time --------------------------------------------------------
    let mut corpus = Vec::with_capacity(pages.len());
    for p in &pages {
        corpus.push(measure(&p.name, &p.html, reps, &options));
    }
    // ---- corpus: native peak heap -------------------------------------------
    let mut heap = Vec::with_capacity(pages.len());
    for p in &pages {
        let q = peak_heap(|| run_quire(&p.html, &options));
        let d = peak_heap(|| run_smoothie(&p.html));
        heap.push((q, d));
    }

    println!(
        "\n{:<44} {:>8} {:>10} {:>10} {:>7} {:>8} {:>8}",
        "page", "KiB", "quire ms", "smooth ms", "ratio", "q heap×", "s heap×"
    );
    for (t, (qh, dh)) in corpus.iter().zip(&heap) {
        let flag = match (t.quire, t.smoothie) {
            (Outcome::Ok(_), Outcome::Ok(_)) => "",
            (Outcome::Failed, _) => "  (quire failed)",
            (_, Outcome::Failed) => "  (dom_smoothie failed)",
        };
        println!(
            "{:<44} {:>8.0} {:>10.2} {:>10.2} {:>7.2} {:>8.1} {:>8.1}{flag}",
            t.name,
            t.bytes as f64 / 1024.0,
            t.quire_median(),
            t.smoothie_median(),
            t.ratio(),
            *qh as f64 / t.bytes as f64,
            *dh as f64 / t.bytes as f64,
        );
    }

    let ok: Vec<&Timed> = corpus.iter().filter(|t| t.both_ok()).collect();
    let ratios: Vec<f64> = ok.iter().map(|t| t.ratio()).collect();
    let q_meds: Vec<f64> = ok.iter().map(|t| t.quire_median()).collect();
    let d_meds: Vec<f64> = ok.iter().map(|t| t.smoothie_median()).collect();
    let q_total: f64 = q_meds.iter().sum();
    let d_total: f64 = d_meds.iter().sum();
    let bytes_total: usize = ok.iter().map(|t| t.bytes).sum();
    let median_ratio = median(&ratios);
    let ratio_of_medians = median(&q_meds) / median(&d_meds);
    let q_heap_x: Vec<f64> = corpus
        .iter()
        .zip(&heap)
        .map(|(t, (q, _))| *q as f64 / t.bytes as f64)
        .collect();
    let d_heap_x: Vec<f64> = corpus
        .iter()
        .zip(&heap)
        .map(|(t, (_, d))| *d as f64 / t.bytes as f64)
        .collect();
    let largest = corpus.iter().zip(&heap).max_by_key(|(t, _)| t.bytes);

    println!(
        "\nCorpus summary ({} pages where both succeeded):",
        ok.len()
    );
    println!(
        "  median of per-page ratio quire/dom_smoothie: {median_ratio:.3}  (p10 {:.3}, p90 {:.3})",
        percentile(&ratios, 0.1),
        percentile(&ratios, 0.9)
    );
    println!(
        "  ratio of medians: {ratio_of_medians:.3}  (quire median {:.2} ms, dom_smoothie median {:.2} ms)",
        median(&q_meds),
        median(&d_meds)
    );
    println!(
        "  total over corpus: quire {q_total:.0} ms, dom_smoothie {d_total:.0} ms ({:.1} MiB)",
        bytes_total as f64 / MB
    );
    println!(
        "  quire faster on {} of {} pages",
        ratios.iter().filter(|r| **r < 1.0).count(),
        ratios.len()
    );
    println!(
        "  native peak heap / input: quire median {:.1}x max {:.1}x; dom_smoothie median {:.1}x max {:.1}x",
        median(&q_heap_x),
        percentile(&q_heap_x, 1.0),
        median(&d_heap_x),
        percentile(&d_heap_x, 1.0)
    );
    if let Some((t, (q, d))) = largest {
        println!(
            "  largest page {} ({:.0} KiB): quire peak heap {:.1}x, dom_smoothie {:.1}x",
            t.name,
            t.bytes as f64 / 1024.0,
            *q as f64 / t.bytes as f64,
            *d as f64 / t.bytes as f64
        );
    }

    // ---- synthetic pages ---------------------------------------------------------
    let out = root.join("out/bench");
    fs::create_dir_all(&out).expect("create out/bench");
    let synth_pages: Vec<(String, String)> = SYNTH_MB
        .iter()
        .map(|mb| {
            let html = synthetic_page(mb * 1024 * 1024);
            // Kept for bench/memory.mjs and the browser benchmark: the same pages.
            fs::write(out.join(format!("synthetic-{mb}mb.html")), &html)
                .expect("write synthetic page");
            (format!("synthetic-{mb}mb"), html)
        })
        .collect();
    let borrowed: Vec<(String, &str)> = synth_pages
        .iter()
        .map(|(name, html)| (name.clone(), html.as_str()))
        .collect();
    // In rounds over all sizes, so that the scaling compares runs made under
    // the same conditions.
    let synth = measure_rounds(&borrowed, synth_reps, &options);
    let synth_heap: Vec<(usize, usize)> = synth_pages
        .iter()
        .map(|(_, html)| {
            (
                peak_heap(|| run_quire(html, &options)),
                peak_heap(|| run_smoothie(html)),
            )
        })
        .collect();
    println!(
        "\n{:<16} {:>8} {:>10} {:>10} {:>10} {:>10} {:>7} {:>8} {:>8}",
        "synthetic",
        "MiB",
        "quire ms",
        "q ms/MiB",
        "smooth ms",
        "s ms/MiB",
        "ratio",
        "q heap×",
        "s heap×"
    );
    println!("  (ms: medians; ms/MiB: best run of each size)");
    for (t, (qh, dh)) in synth.iter().zip(&synth_heap) {
        let mib = t.bytes as f64 / MB;
        println!(
            "{:<16} {:>8.2} {:>10.1} {:>10.1} {:>10.1} {:>10.1} {:>7.2} {:>8.1} {:>8.1}{}",
            t.name,
            mib,
            t.quire_median(),
            t.quire_min() / mib,
            t.smoothie_median(),
            t.smoothie_min() / mib,
            t.ratio(),
            *qh as f64 / t.bytes as f64,
            *dh as f64 / t.bytes as f64,
            if t.both_ok() {
                ""
            } else {
                "  (a library failed)"
            }
        );
    }
    // Scaling is judged on the fastest of the runs of each size (best-of-N is
    // the least disturbed by other load on a shared machine); the medians'
    // scaling is reported too.
    let per_mb = |t: &Timed, f: fn(&Timed) -> f64| f(t) / (t.bytes as f64 / MB);
    let (first, last) = (&synth[0], &synth[synth.len() - 1]);
    let scale = |f: fn(&Timed) -> f64| per_mb(last, f) / per_mb(first, f);
    let q_scaling = scale(Timed::quire_min);
    let d_scaling = scale(Timed::smoothie_min);
    let q_scaling_median = scale(Timed::quire_median);
    let d_scaling_median = scale(Timed::smoothie_median);
    let scaling_ok = q_scaling <= 1.3;
    println!(
        "  scaling, time/MiB at 8 MiB over 1 MiB (best of runs): quire {q_scaling:.2} ({}), dom_smoothie {d_scaling:.2}",
        if scaling_ok { "linear: within 1.3x" } else { "NOT linear: above 1.3x" }
    );
    println!(
        "  same from the medians: quire {q_scaling_median:.2}, dom_smoothie {d_scaling_median:.2}"
    );

    // ---- files -------------------------------------------------------------------
    let page_json = |t: &Timed, (qh, dh): (usize, usize)| {
        json!({
            "name": t.name,
            "bytes": t.bytes,
            "quireMs": t.quire_ms,
            "smoothieMs": t.smoothie_ms,
            "quireMedianMs": t.quire_median(),
            "smoothieMedianMs": t.smoothie_median(),
            "ratio": t.ratio(),
            "quire": outcome_json(t.quire),
            "smoothie": outcome_json(t.smoothie),
            "quirePeakHeapBytes": qh,
            "smoothiePeakHeapBytes": dh,
        })
    };
    let report = json!({
        "schema": 1,
        "tool": "benches/extract.rs",
        "machine": machine(),
        "libraries": { "quire": env!("CARGO_PKG_VERSION"), "dom_smoothie": "0.19" },
        "pageUrl": PAGE_URL,
        "reps": reps,
        "synthReps": synth_reps,
        "corpus": {
            "pages": corpus.iter().zip(heap.iter().copied()).map(|(t, h)| page_json(t, h)).collect::<Vec<_>>(),
            "summary": {
                "pagesBothOk": ok.len(),
                "quireFailed": corpus.iter().filter(|t| matches!(t.quire, Outcome::Failed)).count(),
                "smoothieFailed": corpus.iter().filter(|t| matches!(t.smoothie, Outcome::Failed)).count(),
                "medianRatio": median_ratio,
                "ratioP10": percentile(&ratios, 0.1),
                "ratioP90": percentile(&ratios, 0.9),
                "ratioOfMedians": ratio_of_medians,
                "quireMedianMs": median(&q_meds),
                "smoothieMedianMs": median(&d_meds),
                "quireTotalMs": q_total,
                "smoothieTotalMs": d_total,
                "quireFasterPages": ratios.iter().filter(|r| **r < 1.0).count(),
                "quirePeakHeapMultipleMedian": median(&q_heap_x),
                "quirePeakHeapMultipleMax": percentile(&q_heap_x, 1.0),
                "smoothiePeakHeapMultipleMedian": median(&d_heap_x),
                "smoothiePeakHeapMultipleMax": percentile(&d_heap_x, 1.0),
                "largestPage": largest.map(|(t, _)| t.name.clone()),
            }
        },
        "synthetic": {
            "pages": synth.iter().zip(synth_heap.iter().copied()).map(|(t, h)| {
                let mut v = page_json(t, h);
                v["quireMsPerMiB"] = json!(per_mb(t, Timed::quire_median));
                v["smoothieMsPerMiB"] = json!(per_mb(t, Timed::smoothie_median));
                v["quireMinMs"] = json!(t.quire_min());
                v["smoothieMinMs"] = json!(t.smoothie_min());
                v["quireMinMsPerMiB"] = json!(per_mb(t, Timed::quire_min));
                v["smoothieMinMsPerMiB"] = json!(per_mb(t, Timed::smoothie_min));
                v
            }).collect::<Vec<_>>(),
            "quireScaling8over1BestOf": q_scaling,
            "smoothieScaling8over1BestOf": d_scaling,
            "quireScaling8over1Median": q_scaling_median,
            "smoothieScaling8over1Median": d_scaling_median,
            "linearWithin1_3": scaling_ok,
        },
        "elapsedSeconds": started.elapsed().as_secs_f64(),
    });
    let json_path = out.join("native.json");
    fs::write(
        &json_path,
        serde_json::to_string_pretty(&report).expect("json") + "\n",
    )
    .expect("write native.json");
    let svg_path = root.join("docs/bench-scaling.svg");
    fs::create_dir_all(root.join("docs")).expect("create docs");
    fs::write(&svg_path, scaling_svg(&corpus, &synth)).expect("write svg");
    println!(
        "\nwrote {} and {} in {:.0} s",
        json_path.display(),
        svg_path.display(),
        started.elapsed().as_secs_f64()
    );
}
