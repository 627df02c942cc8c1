//! Every keyword and pattern table the pipeline reads, in one place.
//!
//! Matching is plain substring search over lowercased strings (no regex engine
//! in the wasm build). Class/id tables are matched against `class` + `id`;
//! text-cue tables against an element's visible text.

mod appeal;
mod author_lines;
mod bare_lines;
mod clutter_cues;
mod clutter_kind;
mod clutter_words;
mod cta;
mod disclosure;
mod follow;
mod furniture;
mod labels;
mod lines;
mod meta;
mod promo;
mod readability;
mod sections;
mod self_appeal;

pub use appeal::*;
pub use author_lines::*;
pub use bare_lines::*;
pub use clutter_cues::*;
pub use clutter_kind::*;
pub use clutter_words::*;
pub use cta::*;
pub use disclosure::*;
pub use follow::*;
pub use furniture::*;
pub use labels::*;
pub use lines::*;
pub use meta::*;
pub use promo::*;
pub use readability::*;
pub use sections::*;
pub use self_appeal::*;

/// True for the subheadings `h2`–`h6` (an `h1` is the page's headline).
pub fn is_subheading(tag: &str) -> bool {
    matches!(tag, "h2" | "h3" | "h4" | "h5" | "h6")
}

/// True if lowercase `hay` contains any of `needles`.
pub fn contains_any(hay: &str, needles: &[&str]) -> bool {
    if hay.len() > SHORT_HAY {
        return needles.iter().any(|n| hay.contains(n));
    }
    if hay.is_empty() {
        // Most elements have no class and no id.
        return needles.iter().any(|n| n.is_empty());
    }
    // Class strings are short, and most needles are absent from them. Which
    // pairs of adjacent bytes the haystack holds, hashed into 1,024 bits,
    // rules most needles out by their first two bytes; the rest are compared
    // in place, which beats setting up `str::contains`' searcher per needle.
    let hay = hay.as_bytes();
    let mut pairs = [0u64; 16];
    for w in hay.windows(2) {
        let k = pair_bit(w[0], w[1]);
        pairs[k >> 6] |= 1 << (k & 63);
    }
    needles.iter().any(|n| {
        let n = n.as_bytes();
        match n {
            [] => true,
            [first] => hay.contains(first),
            [a, b, ..] => {
                let k = pair_bit(*a, *b);
                pairs[k >> 6] & (1 << (k & 63)) != 0
                    && n.len() <= hay.len()
                    && (0..=hay.len() - n.len()).any(|i| hay[i] == *a && hay[i..].starts_with(n))
            }
        }
    })
}

/// Where the byte pair `a`, `b` falls in [`contains_any`]'s 1,024-bit set.
fn pair_bit(a: u8, b: u8) -> usize {
    ((usize::from(a) << 5) ^ usize::from(b)) & 1023
}

/// Longest haystack [`contains_any`] searches in place.
const SHORT_HAY: usize = 64;

/// True if any whitespace-separated token of lowercase `hay` is in `tokens`.
pub fn has_token(hay: &str, tokens: &[&str]) -> bool {
    hay.split_ascii_whitespace().any(|t| tokens.contains(&t))
}

/// True if `tag` is in `list`.
pub fn is_one_of(tag: &str, list: &[&str]) -> bool {
    // Names of one length mostly differ in their first byte: comparing it
    // first spares most calls of the byte-wise comparison.
    let first = tag.as_bytes().first();
    list.iter()
        .any(|t| t.len() == tag.len() && t.as_bytes().first() == first && *t == tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substring_and_token_matching() {
        assert!(contains_any("main-sidebar left", UNLIKELY_CANDIDATES));
        assert!(!contains_any("story-body", UNLIKELY_CANDIDATES));
        assert!(has_token("x hid y", NEGATIVE_TOKENS));
        assert!(!has_token("hidden-gem", NEGATIVE_TOKENS));
    }

    #[test]
    fn contains_any_agrees_with_str_contains() {
        let tables = [
            UNLIKELY_CANDIDATES,
            MAYBE_CANDIDATE,
            POSITIVE,
            NEGATIVE,
            BYLINE,
        ];
        let mut hays: Vec<String> = vec![String::new(), "a".into(), "x".repeat(70)];
        for t in tables {
            for n in t {
                hays.push(n.to_string());
                hays.push(format!("pre-{n}-post"));
                hays.push(format!("{}{n}", "y".repeat(SHORT_HAY - n.len())));
                hays.push(format!("{}{n}", "y".repeat(SHORT_HAY + 1 - n.len())));
                hays.push(n[1..].to_string());
                hays.push(format!("ü{}", &n[..n.len() - 1]));
            }
        }
        for h in &hays {
            for t in tables
                .iter()
                .copied()
                .chain([&[""][..], &["ü"][..], &["a", "-"][..]])
            {
                assert_eq!(contains_any(h, t), t.iter().any(|n| h.contains(n)), "{h:?}");
            }
        }
    }
}
