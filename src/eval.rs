//! Evaluation measures (native builds only): the shingle F1 of
//! `shared/tools/shingle_f1.py` and the clutter-suite scoring of
//! `shared/corpus/clutter/README.md`. Pure functions; the CLI reads the files.

use std::collections::HashMap;

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

/// How an article's date, language and direction compare with a clutter
/// page's truth: the date as ISO 8601 (`+hhmm` read as `+hh:mm`), the
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
    let date = |d: &str| crate::metadata::normalize_date(d);
    (
        truth.published.is_empty() || published.map(date) == Some(date(&truth.published)),
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
}
