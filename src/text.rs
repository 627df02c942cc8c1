//! Small text measures shared by the phases: normalised inner text, comma
//! counts, link density, word counts.

use crate::dom::{Dom, NodeData, NodeId};

/// Collapses every run of whitespace (including no-break spaces) to one
/// space and trims the ends.
pub fn normalize_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    push_normalized(s, &mut out, &mut pending_space);
    out
}

/// True for the ASCII bytes `char::is_whitespace` accepts (TAB, LF, VT, FF,
/// CR, space).
fn is_ascii_ws(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// Calls `f(Some(word))` for every maximal run of non-whitespace in `s` and
/// `f(None)` for every whitespace character, in order. Works on bytes: ASCII
/// (the common case) needs no UTF-8 decoding; other characters are decoded
/// one by one.
fn for_each_run(s: &str, mut f: impl FnMut(Option<&str>)) {
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (ws, len) = if b < 0x80 {
            (is_ascii_ws(b), 1)
        } else {
            // `i` is always on a char boundary: we only step by whole chars.
            let c = s[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if ws {
            if start < i {
                f(Some(&s[start..i]));
            }
            f(None);
            start = i + len;
        }
        i += len;
    }
    if start < bytes.len() {
        f(Some(&s[start..]));
    }
}

/// Appends `s` to `out` with whitespace collapsed; `pending_space` carries a
/// whitespace run over to the next piece of text (text nodes that follow
/// each other), and no space is ever written at the start of `out`.
fn push_normalized(s: &str, out: &mut String, pending_space: &mut bool) {
    for_each_run(s, |run| match run {
        Some(w) => {
            if *pending_space && !out.is_empty() {
                out.push(' ');
            }
            *pending_space = false;
            out.push_str(w);
        }
        None => *pending_space = true,
    });
}

/// Inner text of `id`, whitespace-normalised (Readability's `_getInnerText`).
pub fn inner_text(dom: &Dom, id: NodeId) -> String {
    // The cached length in characters: the exact size for ASCII text.
    let mut out = String::with_capacity(dom.text_len(id));
    let mut pending_space = false;
    for n in dom.descendants(id) {
        if let NodeData::Text(t) = &dom.node(n).data {
            push_normalized(t, &mut out, &mut pending_space);
        }
    }
    out
}

/// Length in characters of the normalised inner text, without allocating the
/// normalised string. Cached per node by the [`Dom`] (see [`Dom::text_len`]).
pub fn inner_text_len(dom: &Dom, id: NodeId) -> usize {
    dom.text_len(id)
}

/// The normalised length of one piece of text, and whether whitespace comes
/// before its first word and after its last (both: whether it has any
/// whitespace, when it has no word). The summary [`Dom::text_len`] combines.
pub(crate) fn span_of(s: &str) -> (usize, bool, bool) {
    if s.is_ascii() {
        return ascii_span_of(s.as_bytes());
    }
    let mut len = 0usize;
    let mut lead = false;
    let mut pending_space = false;
    for_each_run(s, |run| match run {
        Some(w) => {
            if len == 0 {
                lead = pending_space;
            } else if pending_space {
                len += 1;
            }
            pending_space = false;
            len += if w.is_ascii() {
                w.len()
            } else {
                w.chars().count()
            };
        }
        None => pending_space = true,
    });
    if len == 0 {
        (0, pending_space, pending_space)
    } else {
        (len, lead, pending_space)
    }
}

/// [`span_of`] for ASCII text, in one branch-free pass: the length is the
/// non-whitespace bytes plus one space between each two words.
fn ascii_span_of(b: &[u8]) -> (usize, bool, bool) {
    let (mut solid, mut words, mut prev_ws) = (0usize, 0usize, true);
    for &c in b {
        let ws = is_ascii_ws(c);
        solid += usize::from(!ws);
        words += usize::from(prev_ws && !ws);
        prev_ws = ws;
    }
    match (b.first(), b.last()) {
        (Some(&first), Some(&last)) if words > 0 => {
            (solid + words - 1, is_ascii_ws(first), is_ascii_ws(last))
        }
        _ => (0, !b.is_empty(), !b.is_empty()),
    }
}

/// Number of commas (Latin and CJK/Arabic forms) in `s`.
pub fn comma_count(s: &str) -> usize {
    if s.is_ascii() {
        return s.bytes().filter(|&b| b == b',').count();
    }
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
            link_len += link_text_weight(dom, n);
            cur = dom.next_skipping_children(n, id);
        } else {
            cur = dom.next_in_preorder(n, id);
        }
    }
    link_len / total as f64
}

/// The text length link `a` adds to a [`link_density`]: all of it, or 0.3
/// of it for an in-page link (`href="#…"`).
pub(crate) fn link_text_weight(dom: &Dom, a: NodeId) -> f64 {
    let coeff = match dom.attr(a, "href") {
        Some(h) if h.trim_start().starts_with('#') && h.trim().len() > 1 => 0.3,
        _ => 1.0,
    };
    inner_text_len(dom, a) as f64 * coeff
}

/// Number of words: runs of word characters, with CJK characters counted one each.
pub fn word_count(s: &str) -> usize {
    let mut counter = WordCounter::default();
    counter.feed(s);
    counter.count()
}

/// [`word_count`] fed piece by piece: the count of the concatenation of
/// everything fed.
#[derive(Debug, Default, Clone)]
pub(crate) struct WordCounter {
    count: usize,
    in_word: bool,
}

impl WordCounter {
    /// Counts the words of `s`, continuing the text fed so far.
    pub(crate) fn feed(&mut self, s: &str) {
        for c in s.chars() {
            self.feed_char(c);
        }
    }

    /// Counts one more character.
    pub(crate) fn feed_char(&mut self, c: char) {
        if is_cjk(c) {
            self.count += 1;
            self.in_word = false;
        } else if c.is_alphanumeric() {
            if !self.in_word {
                self.count += 1;
            }
            self.in_word = true;
        } else if c != '\'' && c != '’' && c != '-' {
            self.in_word = false;
        }
    }

    /// The words counted so far.
    pub(crate) fn count(&self) -> usize {
        self.count
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::Limits;

    #[test]
    fn spans_agree_with_normalised_text() {
        for s in [
            "",
            " ",
            "\t\n",
            "a",
            " a",
            "a ",
            "  ab   cd  ",
            "a\u{a0}b",
            " é  ü ",
            "x\u{3000}",
            "one two",
        ] {
            let len = normalize_ws(s).chars().count();
            let first_ws = s.chars().next().is_some_and(char::is_whitespace);
            let last_ws = s.chars().next_back().is_some_and(char::is_whitespace);
            let expected = if len == 0 {
                let any = s.chars().any(char::is_whitespace);
                (0, any, any)
            } else {
                (len, first_ws, last_ws)
            };
            assert_eq!(span_of(s), expected, "{s:?}");
        }
    }

    #[test]
    fn whitespace_is_collapsed() {
        assert_eq!(normalize_ws("  a \n\t b\u{a0}c  "), "a b c");
        let pieces = [
            "",
            " ",
            "a",
            "ab cd",
            " ab  cd ",
            "a \u{a0}b",
            "é ü",
            "x\u{3000}y",
            "a\tb c",
            "end ",
        ];
        for a in pieces {
            assert_eq!(
                normalize_ws(a),
                a.split_whitespace().collect::<Vec<_>>().join(" ")
            );
            for b in pieces {
                // Two pieces in a row, as adjacent text nodes are written.
                let mut out = String::new();
                let mut pending = false;
                push_normalized(a, &mut out, &mut pending);
                push_normalized(b, &mut out, &mut pending);
                let whole = format!("{a}{b}");
                assert_eq!(
                    out,
                    whole.split_whitespace().collect::<Vec<_>>().join(" "),
                    "{a:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn inner_text_and_its_length_agree_across_text_nodes() {
        let dom = Dom::parse(
            "<div id=d>\u{a0} one<b>two</b> \u{2003}three\t<i> four\u{e9}\u{3000}</i>五 </div>",
            &Limits::default(),
        )
        .unwrap();
        let d = dom.find_tag(dom.document(), "div").unwrap();
        let expected = normalize_ws(&dom.text_content(d));
        assert_eq!(expected, "onetwo three four\u{e9} 五");
        assert_eq!(inner_text(&dom, d), expected);
        assert_eq!(inner_text_len(&dom, d), expected.chars().count());
    }

    #[test]
    fn cached_lengths_follow_edits_of_the_tree() {
        let mut dom = Dom::parse(
            "<div id=a> one <p> two<b>three </b></p>\n<p>four</p> <i> </i>five</div>",
            &Limits::default(),
        )
        .unwrap();
        let fresh = |dom: &Dom, id: NodeId| normalize_ws(&dom.text_content(id)).chars().count();
        let a = dom.find_tag(dom.document(), "div").unwrap();
        let check = |dom: &Dom| {
            for n in dom.descendants(dom.document()) {
                assert_eq!(inner_text_len(dom, n), fresh(dom, n), "{n:?}");
            }
        };
        check(&dom);
        let ps = dom.find_all_tags(a, "p");
        dom.detach(ps[0]);
        check(&dom);
        dom.append(a, ps[0]);
        check(&dom);
        let b = dom.find_tag(a, "b").unwrap();
        dom.append_text(b, "and more");
        check(&dom);
        let i = dom.find_tag(a, "i").unwrap();
        dom.insert_before(ps[1], i);
        let t = dom.create_text("  six seven ");
        dom.append(i, t);
        check(&dom);
        dom.unwrap(ps[1]);
        check(&dom);
        assert_eq!(inner_text(&dom, a).chars().count(), inner_text_len(&dom, a));
    }

    #[test]
    fn commas_are_counted_in_ascii_and_other_scripts() {
        assert_eq!(comma_count("a, b, c"), 2);
        assert_eq!(comma_count("一，二、三, 四"), 2);
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
