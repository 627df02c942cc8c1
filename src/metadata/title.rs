//! The title from the `<title>` tag, with site-name parts cut
//! (Readability's `_getArticleTitle`).

use crate::dom::{Dom, NodeId};
use crate::patterns;
use crate::text::normalize_ws;

/// Words as Readability counts them in titles.
fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Positions of title separators with whitespace on both sides.
fn separator_positions(title: &str) -> Vec<(usize, char)> {
    title
        .char_indices()
        .filter(|&(i, c)| {
            patterns::TITLE_SEPARATORS.contains(&c)
                && title[..i].ends_with(char::is_whitespace)
                && title[i + c.len_utf8()..].starts_with(char::is_whitespace)
        })
        .collect()
}

/// Readability's `_getArticleTitle`: the `<title>` with site-name parts cut.
pub(super) fn article_title(dom: &Dom, orig: &str) -> Option<String> {
    let orig = orig.trim();
    let mut cur = orig.to_string();
    let mut had_hierarchical = false;
    let seps = separator_positions(orig);
    if let Some(&(last, _)) = seps.last() {
        had_hierarchical = seps
            .iter()
            .any(|(_, c)| patterns::TITLE_HIERARCHY_SEPARATORS.contains(c));
        // Cut before the whitespace that precedes the last separator.
        let ws = orig[..last].chars().next_back().map_or(0, char::len_utf8);
        cur = orig[..last - ws].to_string();
        if word_count(&cur) < 3 {
            // Drop up to and including the first separator instead.
            if let Some(i) = orig.find(patterns::TITLE_SEPARATORS) {
                let c = orig[i..].chars().next().map_or(1, char::len_utf8);
                cur = orig[i + c..].to_string();
            }
        }
    } else if cur.contains(": ") {
        let matches_heading = dom
            .descendants(dom.document())
            .filter(|&n| matches!(dom.tag(n), "h1" | "h2"))
            .any(|h| dom.text_content(h).trim() == orig);
        if !matches_heading {
            let after_last = &orig[orig.rfind(':').map(|i| i + 1).unwrap_or(0)..];
            cur = after_last.to_string();
            if word_count(&cur) < 3 {
                cur = orig[orig.find(':').map(|i| i + 1).unwrap_or(0)..].to_string();
            } else if word_count(&orig[..orig.find(':').unwrap_or(0)]) > 5 {
                cur = orig.to_string();
            }
        }
    } else if cur.chars().count() > 150 || cur.chars().count() < 15 {
        let h1s: Vec<NodeId> = dom.find_all_tags(dom.document(), "h1");
        if h1s.len() == 1 {
            cur = normalize_ws(&dom.text_content(h1s[0]));
        }
    }
    let mut cur = normalize_ws(&cur);
    let wc = word_count(&cur);
    let orig_wc_without_seps = word_count(&orig.replace(patterns::TITLE_SEPARATORS, ""));
    if wc <= 4 && (!had_hierarchical || wc + 1 != orig_wc_without_seps) {
        cur = orig.to_string();
    }
    if cur.is_empty() {
        None
    } else {
        Some(cur)
    }
}
