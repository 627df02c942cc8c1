//! Small text measures shared by the phases: normalised inner text, comma
//! counts, link density, word counts.

use crate::dom::{Dom, NodeData, NodeId};

/// Collapses every run of whitespace (including no-break spaces) to one
/// space and trims the ends.
pub fn normalize_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Inner text of `id`, whitespace-normalised (Readability's `_getInnerText`).
pub fn inner_text(dom: &Dom, id: NodeId) -> String {
    normalize_ws(&dom.text_content(id))
}

/// Length in characters of the normalised inner text, without allocating the
/// normalised string.
pub fn inner_text_len(dom: &Dom, id: NodeId) -> usize {
    let mut len = 0usize;
    let mut pending_space = false;
    for n in dom.descendants(id) {
        if let NodeData::Text(t) = &dom.node(n).data {
            for c in t.chars() {
                if c.is_whitespace() {
                    pending_space = len > 0;
                } else {
                    if pending_space {
                        len += 1;
                        pending_space = false;
                    }
                    len += 1;
                }
            }
        }
    }
    len
}

/// Number of commas (Latin and CJK/Arabic forms) in `s`.
pub fn comma_count(s: &str) -> usize {
    s.chars()
        .filter(|c| {
            matches!(
                c,
                ',' | '\u{060C}'
                    | '\u{FE50}'
                    | '\u{FE10}'
                    | '\u{FE11}'
                    | '\u{2E41}'
                    | '\u{2E34}'
                    | '\u{2E32}'
                    | '\u{FF0C}'
            )
        })
        .count()
}

/// Share of `id`'s text that sits inside links; in-page `#` links count 30%.
pub fn link_density(dom: &Dom, id: NodeId) -> f64 {
    let total = inner_text_len(dom, id);
    if total == 0 {
        return 0.0;
    }
    let mut link_len = 0.0;
    let mut cur = Some(id);
    while let Some(n) = cur {
        if dom.tag(n) == "a" && n != id {
            let coeff = match dom.attr(n, "href") {
                Some(h) if h.trim_start().starts_with('#') && h.trim().len() > 1 => 0.3,
                _ => 1.0,
            };
            link_len += inner_text_len(dom, n) as f64 * coeff;
            cur = dom.next_skipping_children(n, id);
        } else {
            cur = dom.next_in_preorder(n, id);
        }
    }
    link_len / total as f64
}

/// Number of words: runs of word characters, with CJK characters counted one each.
pub fn word_count(s: &str) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for c in s.chars() {
        if is_cjk(c) {
            count += 1;
            in_word = false;
        } else if c.is_alphanumeric() {
            if !in_word {
                count += 1;
            }
            in_word = true;
        } else if c != '\'' && c != '’' && c != '-' {
            in_word = false;
        }
    }
    count
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::Limits;

    #[test]
    fn whitespace_is_collapsed() {
        assert_eq!(normalize_ws("  a \n\t b\u{a0}c  "), "a b c");
    }

    #[test]
    fn link_density_counts_link_text() {
        let dom = Dom::parse(
            "<div id=d>four <a href=/x>link</a></div>",
            &Limits::default(),
        )
        .unwrap();
        let d = dom.find_tag(dom.document(), "div").unwrap();
        assert_eq!(inner_text_len(&dom, d), 9);
        assert!((link_density(&dom, d) - 4.0 / 9.0).abs() < 1e-9);
    }

    #[test]
    fn words_are_counted() {
        assert_eq!(word_count("It's a well-known fact, isn't it?"), 6);
        assert_eq!(word_count("日本語"), 3);
        assert_eq!(word_count(""), 0);
    }
}
