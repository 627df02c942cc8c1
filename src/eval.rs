//! Evaluation measures (native builds only): the shingle F1 of
//! `shared/tools/shingle_f1.py`, the clutter-suite scoring of
//! `shared/corpus/clutter/README.md`, the chunk scoring of
//! `shared/corpus/web-eval/README.md` and the eval gate that compares the
//! figures with a committed baseline. Pure functions; the CLI reads the files.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

/// Tokens: maximal runs of word characters (letters, digits, `_`).
pub fn tokenize(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let word = c.is_alphanumeric() || c == '_';
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

fn shingle_counts<'a>(tokens: &[&'a str]) -> HashMap<Vec<&'a str>, usize> {
    let mut m = HashMap::new();
    if tokens.is_empty() {
        return m;
    }
    if tokens.len() < 4 {
        *m.entry(tokens.to_vec()).or_insert(0) += 1;
        return m;
    }
    for w in tokens.windows(4) {
        *m.entry(w.to_vec()).or_insert(0) += 1;
    }
    m
}

/// One page's shingle comparison, normalised so tp + fp + fn = 1.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq)]
pub struct PageScore {
    /// True positives (share).
    pub tp: f64,
    /// False positives (share).
    pub fp: f64,
    /// False negatives (share).
    pub fn_: f64,
}

fn ratio(tp: f64, fp: f64, fn_: f64, wrong: f64) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && wrong == 0.0 {
        0.0
    } else {
        tp / (tp + wrong)
    }
}

impl PageScore {
    /// Precision.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.fp, self.fn_, self.fp)
    }
    /// Recall.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.fp, self.fn_, self.fn_)
    }
    /// F1 of this page.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

/// Scores `pred` against `truth` with token 4-gram multisets.
pub fn score_page(truth: &str, pred: &str) -> PageScore {
    let t_tok = tokenize(truth);
    let p_tok = tokenize(pred);
    let t = shingle_counts(&t_tok);
    let p = shingle_counts(&p_tok);
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (k, &a) in &t {
        let b = p.get(k).copied().unwrap_or(0);
        tp += a.min(b);
        fn_ += a.saturating_sub(b);
    }
    for (k, &b) in &p {
        let a = t.get(k).copied().unwrap_or(0);
        fp += b.saturating_sub(a);
    }
    let total = (tp + fp + fn_) as f64;
    if total == 0.0 {
        return PageScore::default();
    }
    PageScore {
        tp: tp as f64 / total,
        fp: fp as f64 / total,
        fn_: fn_ as f64 / total,
    }
}

/// Corpus precision, recall and F1 as `shingle_f1.py` aggregates them.
pub fn aggregate(pages: &[PageScore]) -> (f64, f64, f64) {
    let preds: Vec<f64> = pages
        .iter()
        .filter(|s| s.tp + s.fp > 0.0)
        .map(PageScore::precision)
        .collect();
    let trues: Vec<f64> = pages
        .iter()
        .filter(|s| s.tp + s.fn_ > 0.0)
        .map(PageScore::recall)
        .collect();
    let mean = |v: &[f64]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let (p, r) = (mean(&preds), mean(&trues));
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// The clutter suite's matching normalisation: NFC, invisible format
/// characters removed, whitespace runs collapsed to one space.
pub fn normalize(s: &str) -> String {
    let nfc: String = s
        .nfc()
        .filter(|c| {
            !matches!(
                c,
                '\u{ad}' | '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{2060}' | '\u{feff}' | '\u{202a}'..='\u{202e}'
                    | '\u{2066}'..='\u{2069}'
            )
        })
        .collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A clutter page's `truth.json`.
#[derive(Debug, Clone, Deserialize, Serialize, Default)]
pub struct ClutterTruth {
    /// Headline.
    #[serde(default)]
    pub title: String,
    /// Byline.
    #[serde(default)]
    pub byline: String,
    /// Page URL.
    #[serde(default)]
    pub url: String,
    /// Publication time, ISO 8601 as shown on the page.
    #[serde(default)]
    pub published: String,
    /// Language of the page.
    #[serde(default)]
    pub lang: String,
    /// Text direction.
    #[serde(default)]
    pub dir: String,
    /// Strings that must be found.
    #[serde(default)]
    pub must_include: Vec<String>,
    /// Strings that must not be found.
    #[serde(default)]
    pub must_exclude: Vec<String>,
}

/// Result of one clutter page.
#[derive(Debug, Clone, Serialize)]
pub struct ClutterResult {
    /// Page id.
    pub id: String,
    /// Share of `must_include` found.
    pub recall: f64,
    /// `must_include` strings not found.
    pub missing: Vec<String>,
    /// `must_exclude` strings found.
    pub leaked: Vec<String>,
    /// Title equal after normalisation.
    pub title_ok: bool,
    /// Byline equal after normalisation, a leading "By" ignored.
    pub byline_ok: bool,
    /// All included, nothing leaked.
    pub pass: bool,
}

/// Strips a leading "By" (or its equivalent) from a byline for comparison.
pub fn strip_byline_prefix(s: &str) -> &str {
    let low = s.to_lowercase();
    for p in [
        "by ",
        "von ",
        "par ",
        "por ",
        "door ",
        "av ",
        "بقلم:",
        "بقلم ",
    ] {
        if low.starts_with(p) && s.is_char_boundary(p.len()) {
            return s[p.len()..].trim();
        }
    }
    s
}

/// Whether a published time agrees with the truth's. Both are read as ISO
/// 8601 (`+hhmm` as `+hh:mm`, a space for the `T`) and must be equal, except
/// that a date-only truth (`2024-11-16`, written where the page shows no
/// time) matches any time on that calendar date, as the article states it
/// (`2024-11-16T08:00:00+00:00`), without converting time zones. A
/// fraction of zeros is no fraction (`16:20:00.000Z` is `16:20:00Z`).
pub fn published_eq(got: &str, truth: &str) -> bool {
    let whole = |d: &str| {
        let d = crate::metadata::normalize_date(d);
        match d.find('.') {
            Some(19) => {
                let rest = d[20..].trim_start_matches(|c: char| c.is_ascii_digit());
                let digits = &d[20..d.len() - rest.len()];
                if !digits.is_empty() && digits.bytes().all(|b| b == b'0') {
                    format!("{}{rest}", &d[..19])
                } else {
                    d
                }
            }
            _ => d,
        }
    };
    let (got, truth) = (whole(got), whole(truth));
    let date_only = truth.len() == 10 && truth.as_bytes()[4] == b'-' && truth.as_bytes()[7] == b'-';
    if date_only && got.len() > 10 && got.as_bytes()[10] == b'T' {
        got.get(..10) == Some(truth.as_str())
    } else {
        got == truth
    }
}

/// How an article's date, language and direction compare with a clutter
/// page's truth: the date by [`published_eq`], the
/// language by its primary subtag (`en-GB` is `en`), the direction exactly.
/// Fields the truth leaves empty count as right.
pub fn clutter_metadata_ok(
    truth: &ClutterTruth,
    published: Option<&str>,
    lang: Option<&str>,
    dir: Option<&str>,
) -> (bool, bool, bool) {
    let primary = |l: &str| {
        l.split(['-', '_'])
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase()
    };
    (
        truth.published.is_empty() || published.is_some_and(|p| published_eq(p, &truth.published)),
        truth.lang.is_empty() || lang.map(primary) == Some(primary(&truth.lang)),
        truth.dir.is_empty() || dir == Some(truth.dir.as_str()),
    )
}

/// Scores one clutter page.
pub fn score_clutter(
    id: &str,
    truth: &ClutterTruth,
    text: &str,
    title: &str,
    byline: &str,
) -> ClutterResult {
    let text = normalize(text);
    let missing: Vec<String> = truth
        .must_include
        .iter()
        .map(|s| normalize(s))
        .filter(|s| !text.contains(s.as_str()))
        .collect();
    let leaked: Vec<String> = truth
        .must_exclude
        .iter()
        .map(|s| normalize(s))
        .filter(|s| text.contains(s.as_str()))
        .collect();
    let n = truth.must_include.len();
    ClutterResult {
        id: id.to_string(),
        recall: if n == 0 {
            1.0
        } else {
            (n - missing.len()) as f64 / n as f64
        },
        title_ok: normalize(title) == normalize(&truth.title),
        byline_ok: strip_byline_prefix(&normalize(byline)) == normalize(&truth.byline),
        pass: missing.is_empty() && leaked.is_empty(),
        missing,
        leaked,
    }
}

/// A `web-eval` page's `truth.json`: chunks the article text must contain
/// (`with`) and must not contain (`without`).
#[derive(Debug, Clone, Deserialize, Serialize, Default)]
pub struct WebEvalTruth {
    /// Page URL, passed to the extractor.
    #[serde(default)]
    pub url: String,
    /// Chunks the article text must contain.
    #[serde(default)]
    pub with: Vec<String>,
    /// Chunks the article text must not contain.
    #[serde(default)]
    pub without: Vec<String>,
}

/// Whitespace as Python's `str.isspace` (and so `re`'s `\\s`) sees it:
/// Unicode White_Space plus the separators U+001C to U+001F.
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// web-eval's normalisation (trafilatura's): every whitespace run becomes
/// one space, and the ends are trimmed. Nothing else changes (no Unicode
/// normalisation), so that the figures equal the reference scorer's.
pub fn collapse_ws(s: &str) -> String {
    s.split(is_py_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Chunk counts of one page or of a set of pages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ChunkCounts {
    /// `with` chunks found.
    pub tp: usize,
    /// `with` chunks missing.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// `without` chunks found.
    pub fp: usize,
}

impl ChunkCounts {
    /// tp / (tp + fp); 0 when nothing was found.
    pub fn precision(&self) -> f64 {
        share(self.tp, self.tp + self.fp)
    }
    /// tp / (tp + fn); 0 when there is nothing to find.
    pub fn recall(&self) -> f64 {
        share(self.tp, self.tp + self.fn_)
    }
    /// 2PR / (P + R); 0 when both are 0.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
    /// How bad a page is: `with` chunks missed plus `without` chunks found.
    pub fn errors(&self) -> usize {
        self.fn_ + self.fp
    }
}

impl std::ops::AddAssign for ChunkCounts {
    fn add_assign(&mut self, o: Self) {
        self.tp += o.tp;
        self.fn_ += o.fn_;
        self.fp += o.fp;
    }
}

fn share(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores one page's article text against its chunks, each side
/// whitespace-collapsed by [`collapse_ws`]. A page that failed to extract is
/// scored with an empty text, so it misses all its `with` chunks.
pub fn score_chunks(truth: &WebEvalTruth, text: &str) -> ChunkCounts {
    let text = collapse_ws(text);
    let found = |c: &String| text.contains(collapse_ws(c).as_str());
    let tp = truth.with.iter().filter(|c| found(c)).count();
    ChunkCounts {
        tp,
        fn_: truth.with.len() - tp,
        fp: truth.without.iter().filter(|c| found(c)).count(),
    }
}

/// The fixed halves of web-eval: the team tunes on one and checks on the
/// other, so that the figures reported do not flatter the tuning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Half {
    /// Page ids whose first hex digit is 0 to 7.
    Tune,
    /// Page ids whose first hex digit is 8 to f (and any other id).
    Check,
}

impl Half {
    /// The half a page id belongs to.
    pub fn of(id: &str) -> Half {
        match id.chars().next() {
            Some('0'..='7') => Half::Tune,
            _ => Half::Check,
        }
    }
}

/// One scored web-eval page.
#[derive(Debug, Clone, Serialize)]
pub struct WebEvalPage {
    /// Directory name (hex id).
    pub id: String,
    /// Its chunk counts.
    #[serde(flatten)]
    pub counts: ChunkCounts,
    /// No text at all (nothing but whitespace, or extraction failed).
    pub empty: bool,
}

/// Totals over a set of web-eval pages.
#[derive(Debug, Clone, Default, Serialize)]
pub struct WebEvalSummary {
    /// Pages scored.
    pub pages: usize,
    /// Chunk counts summed over the pages.
    #[serde(flatten)]
    pub counts: ChunkCounts,
    /// Ids of the pages with empty text, sorted.
    pub empty: Vec<String>,
}

/// Sums the pages that `keep` selects (tp, fn and fp over all of them, as
/// the README defines the metric).
pub fn summarize(pages: &[WebEvalPage], keep: impl Fn(&WebEvalPage) -> bool) -> WebEvalSummary {
    let mut s = WebEvalSummary::default();
    for p in pages.iter().filter(|p| keep(p)) {
        s.pages += 1;
        s.counts += p.counts;
        if p.empty {
            s.empty.push(p.id.clone());
        }
    }
    s.empty.sort();
    s
}

/// The `n` worst pages: most errors ([`ChunkCounts::errors`]) first, ties by
/// id; pages without an error are left out.
pub fn worst_pages(pages: &[WebEvalPage], n: usize) -> Vec<&WebEvalPage> {
    let mut v: Vec<&WebEvalPage> = pages.iter().filter(|p| p.counts.errors() > 0).collect();
    v.sort_by(|a, b| {
        b.counts
            .errors()
            .cmp(&a.counts.errors())
            .then_with(|| a.id.cmp(&b.id))
    });
    v.truncate(n);
    v
}

/// Which way a gated figure may move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// The figure must not fall below the baseline (scores, counts of pages right).
    Floor,
    /// The figure must not rise above the baseline (pages with no text, leaks).
    Ceiling,
}

/// One figure of an eval run, under a stable dotted name (`webEval.f1`).
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Dotted name, the key in `eval_baseline.json`.
    pub name: String,
    /// The value.
    pub value: f64,
    /// A count (printed and stored as an integer) rather than a ratio.
    pub count: bool,
    /// Floor or ceiling.
    pub bound: Bound,
}

impl Figure {
    /// A ratio that must not fall.
    pub fn floor(name: &str, value: f64) -> Figure {
        Figure {
            name: name.into(),
            value,
            count: false,
            bound: Bound::Floor,
        }
    }
    /// A count that must not fall.
    pub fn floor_count(name: &str, value: usize) -> Figure {
        Figure {
            name: name.into(),
            value: value as f64,
            count: true,
            bound: Bound::Floor,
        }
    }
    /// A count that must not rise.
    pub fn ceiling_count(name: &str, value: usize) -> Figure {
        Figure {
            name: name.into(),
            value: value as f64,
            count: true,
            bound: Bound::Ceiling,
        }
    }
    /// The value as the report and the baseline file show it: a count as an
    /// integer, a ratio to 4 decimals.
    pub fn show(&self, v: f64) -> String {
        if self.count {
            format!("{}", v.round() as i64)
        } else {
            format!("{v:.4}")
        }
    }
}

/// `eval_baseline.json`: the committed figures the gate compares against.
/// `floors` must not fall, `ceilings` must not rise.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct Baseline {
    /// How to read and raise the file (free text, not checked).
    #[serde(default)]
    pub about: Vec<String>,
    /// Figures that must not fall.
    #[serde(default)]
    pub floors: BTreeMap<String, f64>,
    /// Figures that must not rise.
    #[serde(default)]
    pub ceilings: BTreeMap<String, f64>,
}

/// Values compared at 4 decimals, no slack beyond that.
fn at4(x: f64) -> i64 {
    (x * 10_000.0).round() as i64
}

/// Builds a baseline from the figures of a run: each to 4 decimals.
pub fn baseline_of(figures: &[Figure], about: Vec<String>) -> Baseline {
    let mut b = Baseline {
        about,
        ..Baseline::default()
    };
    for f in figures {
        let v = at4(f.value) as f64 / 10_000.0;
        match f.bound {
            Bound::Floor => b.floors.insert(f.name.clone(), v),
            Bound::Ceiling => b.ceilings.insert(f.name.clone(), v),
        };
    }
    b
}

/// Compares a run's figures with a baseline. Each problem is one line that
/// names the figure, with got vs baseline: a floor figure below its floor, a
/// ceiling figure above its ceiling, a baseline name the run does not
/// produce, or a name listed on the wrong side. Empty when the gate passes.
pub fn gate(figures: &[Figure], baseline: &Baseline) -> Vec<String> {
    let mut out = Vec::new();
    let sides = [
        (Bound::Floor, &baseline.floors),
        (Bound::Ceiling, &baseline.ceilings),
    ];
    for (side, map) in sides {
        for (name, &base) in map {
            let Some(f) = figures.iter().find(|f| &f.name == name) else {
                out.push(format!("{name}: in the baseline but not measured"));
                continue;
            };
            let (got, want) = (f.show(f.value), f.show(base));
            if f.bound != side {
                let listed = if side == Bound::Floor {
                    "floors"
                } else {
                    "ceilings"
                };
                out.push(format!(
                    "{name}: listed under {listed}, but it is the other kind"
                ));
            } else if side == Bound::Floor && at4(f.value) < at4(base) {
                out.push(format!("{name}: got {got}, below the baseline {want}"));
            } else if side == Bound::Ceiling && at4(f.value) > at4(base) {
                out.push(format!("{name}: got {got}, above the ceiling {want}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_score_one() {
        let s = score_page("one two three four five", "one two three four five");
        assert_eq!(s.f1(), 1.0);
    }

    #[test]
    fn extra_text_costs_precision_only() {
        let s = score_page("a b c d e", "a b c d e f g h i");
        assert_eq!(s.recall(), 1.0);
        assert!(s.precision() < 0.5);
        let (p, r, _) = aggregate(&[s, score_page("x", "")]);
        assert!((p - s.precision()).abs() < 1e-12);
        assert!((r - 0.5).abs() < 1e-12);
    }

    #[test]
    fn clutter_matching_normalises() {
        let truth = ClutterTruth {
            title: "T".into(),
            byline: "Ann Lee".into(),
            must_include: vec!["caf\u{e9} opens".into()],
            must_exclude: vec!["Subscribe now".into()],
            ..Default::default()
        };
        let r = score_clutter(
            "x",
            &truth,
            "The cafe\u{301}\u{a0} opens\u{200b} today",
            "T",
            "By Ann Lee",
        );
        assert!(r.pass && r.title_ok && r.byline_ok, "{r:?}");
    }

    fn truth(with: &[&str], without: &[&str]) -> WebEvalTruth {
        WebEvalTruth {
            url: String::new(),
            with: with.iter().map(|s| s.to_string()).collect(),
            without: without.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn chunks_match_after_whitespace_collapse_only() {
        let t = truth(
            &["two  lines\nof text", "absent"],
            &["Share this", "caf\u{e9}"],
        );
        // NBSP and a newline are whitespace; a decomposed é is not "é".
        let c = score_chunks(&t, "  two\u{a0}lines of\n\ttext. Share\nthis cafe\u{301}");
        assert_eq!(
            c,
            ChunkCounts {
                tp: 1,
                fn_: 1,
                fp: 1
            }
        );
        assert_eq!(collapse_ws("\u{1f}a \u{3000} b\u{85}"), "a b");
    }

    #[test]
    fn failed_page_misses_every_with_chunk() {
        let c = score_chunks(&truth(&["a b", "c"], &["d"]), "");
        assert_eq!(
            c,
            ChunkCounts {
                tp: 0,
                fn_: 2,
                fp: 0
            }
        );
    }

    #[test]
    fn totals_are_summed_over_pages_not_averaged() {
        let page = |id: &str, tp, fn_, fp, empty| WebEvalPage {
            id: id.into(),
            counts: ChunkCounts { tp, fn_, fp },
            empty,
        };
        let pages = [
            page("9b", 0, 3, 0, true),
            page("0a", 3, 1, 1, false),
            page("8c", 6, 0, 0, false),
        ];
        let all = summarize(&pages, |_| true);
        assert_eq!(
            all.counts,
            ChunkCounts {
                tp: 9,
                fn_: 4,
                fp: 1
            }
        );
        assert!((all.counts.precision() - 0.9).abs() < 1e-12);
        assert!((all.counts.recall() - 9.0 / 13.0).abs() < 1e-12);
        assert_eq!(all.empty, vec!["9b".to_string()]);
        let tune = summarize(&pages, |p| Half::of(&p.id) == Half::Tune);
        assert_eq!((tune.pages, tune.counts.tp), (1, 3));
        let worst: Vec<&str> = worst_pages(&pages, 10)
            .iter()
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(worst, ["9b", "0a"]);
        assert_eq!(ChunkCounts::default().f1(), 0.0);
    }

    #[test]
    fn halves_split_on_the_first_hex_digit() {
        assert_eq!(Half::of("7fffff"), Half::Tune);
        assert_eq!(Half::of("013bac"), Half::Tune);
        assert_eq!(Half::of("8000"), Half::Check);
        assert_eq!(Half::of("f1"), Half::Check);
    }

    #[test]
    fn dates_compare_fairly() {
        assert!(published_eq("2024-11-16T08:00:00+00:00", "2024-11-16"));
        assert!(published_eq(
            "2025-03-11 14:05:00+0000",
            "2025-03-11T14:05:00+00:00"
        ));
        assert!(!published_eq("2024-11-17T00:30:00+00:00", "2024-11-16"));
        assert!(!published_eq(
            "2023-06-14T12:00:00.000Z",
            "2024-09-30T16:20:00Z"
        ));
        assert!(!published_eq("2024-11-16", "2024-11-16T08:00:00Z"));
        assert!(published_eq(
            "2024-09-30T16:20:00.000Z",
            "2024-09-30T16:20:00Z"
        ));
        assert!(!published_eq(
            "2024-09-30T16:20:00.500Z",
            "2024-09-30T16:20:00Z"
        ));
        assert!(!published_eq(
            "2024-09-30T16:20:00.050Z",
            "2024-09-30T16:20:00.50Z"
        ));
    }

    #[test]
    fn gate_compares_at_four_decimals() {
        let figs = [
            Figure::floor("a.f1", 0.88624),
            Figure::floor_count("a.titles", 7),
            Figure::ceiling_count("a.empty", 7),
        ];
        let base = baseline_of(&figs, vec![]);
        assert_eq!(base.floors["a.f1"], 0.8862);
        assert!(gate(&figs, &base).is_empty());
        let mut higher = base.clone();
        higher.floors.insert("a.f1".into(), 0.8863);
        higher.floors.insert("a.titles".into(), 8.0);
        higher.ceilings.insert("a.empty".into(), 6.0);
        let fails = gate(&figs, &higher);
        assert_eq!(
            fails,
            [
                "a.f1: got 0.8862, below the baseline 0.8863",
                "a.titles: got 7, below the baseline 8",
                "a.empty: got 7, above the ceiling 6",
            ]
        );
        let mut odd = base;
        odd.floors.insert("a.empty".into(), 7.0);
        odd.floors.insert("nope".into(), 1.0);
        assert_eq!(gate(&figs, &odd).len(), 2);
    }
}
