//! The plain-text writer, and the word count of its output.

use super::mathml::{is_display, shown_text, tex};
use super::{trim_in_place, DROPPED_TAGS, MAX_NESTING, PRESIZE_FROM_NODES};
use crate::dom::{Dom, NodeData, NodeId};
use crate::patterns::{is_one_of, BLOCK_ELEMS};
use crate::text::{ascii_ws_end, char_at, normalize_ws, plain_run_end, word_end};

/// Where the plain-text writer puts what it writes: the text itself
/// (`String`), or only its word count and size ([`Tally`]).
trait TextSink {
    fn push_str(&mut self, s: &str);
    fn push(&mut self, c: char);
    fn is_empty(&self) -> bool;
    fn ends_with(&self, c: char) -> bool;
    /// Removes trailing spaces; the writer always writes a newline next.
    fn trim_trailing_spaces(&mut self);
}

impl TextSink for String {
    fn push_str(&mut self, s: &str) {
        String::push_str(self, s);
    }
    fn push(&mut self, c: char) {
        String::push(self, c);
    }
    fn is_empty(&self) -> bool {
        String::is_empty(self)
    }
    fn ends_with(&self, c: char) -> bool {
        str::ends_with(self, c)
    }
    fn trim_trailing_spaces(&mut self) {
        while str::ends_with(self, ' ') {
            self.pop();
        }
    }
}

/// Counts the words and bytes of the plain text as it is written, without
/// keeping it. [`crate::text::word_count`] is a left fold over the
/// characters, so feeding it piece by piece gives the count of the whole;
/// the spaces the writer takes back ([`TextSink::trim_trailing_spaces`]) and
/// the final trim only ever remove separators, which the count does not
/// see. The bytes are an upper bound of the text's length (they include
/// what the trims remove).
#[derive(Default)]
struct Tally {
    words: crate::text::WordCounter,
    bytes: usize,
    last: Option<char>,
}

impl TextSink for Tally {
    fn push_str(&mut self, s: &str) {
        if let Some(c) = s.chars().next_back() {
            self.words.feed(s);
            self.bytes += s.len();
            self.last = Some(c);
        }
    }
    fn push(&mut self, c: char) {
        self.words.feed_char(c);
        self.bytes += c.len_utf8();
        self.last = Some(c);
    }
    fn is_empty(&self) -> bool {
        self.last.is_none()
    }
    fn ends_with(&self, c: char) -> bool {
        self.last == Some(c)
    }
    fn trim_trailing_spaces(&mut self) {
        // Spaces end a word and start none: taking them back changes no
        // count, and the newline written next sets `last`.
    }
}

/// Plain-text writer state: inline runs stay contiguous, blocks are separated
/// by blank lines, `<br>` and list items by newlines.
struct TextWriter<S: TextSink> {
    out: S,
    pending_newlines: usize,
    pending_space: bool,
}

impl<S: TextSink> TextWriter<S> {
    fn new(out: S) -> Self {
        TextWriter {
            out,
            pending_newlines: 0,
            pending_space: false,
        }
    }

    fn block_break(&mut self, n: usize) {
        if !self.out.is_empty() {
            self.pending_newlines = self.pending_newlines.max(n);
        }
        self.pending_space = false;
    }

    fn flush(&mut self) {
        if self.pending_newlines > 0 {
            self.out.trim_trailing_spaces();
            for _ in 0..self.pending_newlines {
                self.out.push('\n');
            }
            self.pending_newlines = 0;
            self.pending_space = false;
        } else if self.pending_space {
            self.out.push(' ');
            self.pending_space = false;
        }
    }

    fn text(&mut self, t: &str) {
        // The pieces between whitespace characters, in order; a word after
        // a written word and one space would be written as that space and
        // the word, so such a run of words is written at once.
        let bytes = t.as_bytes();
        let mut start = 0;
        loop {
            let mut end = word_end(t, start);
            if start > 0 && !self.out.is_empty() && !self.out.ends_with('\n') {
                self.pending_space = true;
            }
            if end > start {
                while bytes.get(end) == Some(&b' ')
                    && end + 1 < bytes.len()
                    && !char_at(t, end + 1).0
                {
                    end = word_end(t, plain_run_end(bytes, end + 1));
                }
                self.flush();
                self.out.push_str(&t[start..end]);
            }
            if end >= bytes.len() {
                break;
            }
            // A whitespace run only sets the pending space, as its first
            // character did: whole words of ASCII whitespace are skipped.
            start = ascii_ws_end(bytes, end + char_at(t, end).1);
        }
    }

    fn raw(&mut self, t: &str) {
        if t.is_empty() {
            return;
        }
        self.flush();
        self.out.push_str(t);
    }
}

/// The article below `root` as plain text.
pub fn text(dom: &Dom, root: NodeId) -> String {
    // As in `html`: measured first on big pages, so the text is written
    // into one allocation instead of a doubling string.
    let capacity = if dom.node_count() >= PRESIZE_FROM_NODES {
        tally(dom, root).bytes
    } else {
        0
    };
    let mut w = TextWriter::new(String::with_capacity(capacity));
    write_text(dom, root, &mut w, 0);
    let mut out = w.out;
    trim_in_place(&mut out);
    out.shrink_to_fit();
    out
}

/// The number of words in [`text`]`(dom, root)` (by
/// [`crate::text::word_count`]), counted as the text is written, without
/// building it.
pub fn word_count(dom: &Dom, root: NodeId) -> usize {
    tally(dom, root).words.count()
}

/// The words and bytes of [`text`]`(dom, root)`, without building it.
fn tally(dom: &Dom, root: NodeId) -> Tally {
    let mut w = TextWriter::new(Tally::default());
    write_text(dom, root, &mut w, 0);
    w.out
}

fn write_text<S: TextSink>(dom: &Dom, id: NodeId, w: &mut TextWriter<S>, depth: usize) {
    match &dom.node(id).data {
        NodeData::Text(t) => w.text(t),
        NodeData::Element { .. } => {
            let tag = dom.tag(id);
            if is_one_of(tag, DROPPED_TAGS) {
                return;
            }
            if tag == "math" && dom.is_mathml(id) {
                write_math(dom, id, w);
                return;
            }
            if !dom.is_html(id) {
                return;
            }
            if tag == "br" {
                w.block_break(1);
                return;
            }
            if tag == "img" {
                return;
            }
            if tag == "pre" {
                w.block_break(2);
                let t = dom.text_content(id);
                let t = t.strip_prefix('\n').unwrap_or(&t);
                w.raw(t.trim_end());
                w.block_break(2);
                return;
            }
            let block = is_one_of(tag, BLOCK_ELEMS);
            let gap = match tag {
                "li" | "tr" | "dt" | "dd" => 1,
                "td" | "th" => 0,
                _ => 2,
            };
            if block {
                w.block_break(gap);
            }
            if matches!(tag, "td" | "th") && !w.out.is_empty() && !w.out.ends_with('\n') {
                w.pending_space = true;
            }
            if depth > MAX_NESTING {
                w.text(&dom.text_content(id));
            } else {
                for c in dom.children(id) {
                    write_text(dom, c, w, depth + 1);
                }
            }
            if block {
                w.block_break(gap);
            }
            if matches!(tag, "td" | "th") {
                w.pending_space = true;
            }
        }
        NodeData::Document => {
            for c in dom.children(id) {
                write_text(dom, c, w, depth + 1);
            }
        }
        _ => {}
    }
}

/// Writes formula `math`: its TeX source if it carries one, else the text
/// a browser shows (see `mathml`); a displayed formula as a block.
fn write_math<S: TextSink>(dom: &Dom, math: NodeId, w: &mut TextWriter<S>) {
    let display = is_display(dom, math);
    if display {
        w.block_break(2);
    }
    match tex(dom, math) {
        Some(t) => w.text(&t),
        None => w.text(&shown_text(dom, math)),
    }
    if display {
        w.block_break(2);
    }
}

/// Plain text of a whole HTML document or fragment (its `<body>`), written
/// by the same rules as [`text`]. Used to read reference outputs.
pub fn text_of_html(html: &str) -> String {
    match Dom::parse(html, &crate::dom::Limits::default()) {
        Ok(dom) => {
            let root = dom
                .find_tag(dom.document(), "body")
                .unwrap_or(dom.document());
            text(&dom, root)
        }
        Err(_) => String::new(),
    }
}

/// The first paragraph of the article with some text, as an excerpt.
pub fn first_paragraph(dom: &Dom, root: NodeId) -> Option<String> {
    dom.descendants(root)
        .filter(|&n| dom.tag(n) == "p")
        .map(|p| normalize_ws(&dom.text_content(p)))
        .find(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::body_of;
    #[test]
    fn text_keeps_inline_runs_and_splits_blocks() {
        let (dom, b) = body_of("<p>An <em>inline</em> run, <a href=/>linked</a>.</p><ul><li>one</li><li>two</li></ul><pre>  a\n  b</pre>");
        assert_eq!(
            text(&dom, b),
            "An inline run, linked.\n\none\ntwo\n\n  a\n  b"
        );
    }
}
