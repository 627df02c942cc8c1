//! The Markdown writer.

use super::allow::safe_url;
use super::html::{body_of_fragment, FRAGMENT_PREFIX};
use super::mathml::{is_display, shown_text, tex};
use super::md_escape::{
    code_fence, code_span, escape_inline, escape_word, language, link_destination,
};
use super::{trim_in_place, DROPPED_TAGS, MAX_NESTING};
use crate::dom::{Dom, NodeData, NodeId};
use crate::error::ExtractError;
use crate::patterns::is_one_of;
use crate::text::normalize_ws;

/// Longest line prefix (blockquote markers and list indentation) written:
/// deeper nesting is written at this depth, so a line of input costs at
/// most this many bytes of prefix and the output stays linear in the input.
const MAX_PREFIX_BYTES: usize = 16;

/// Longest Markdown [`markdown`] writes, in bytes (its output is empty
/// beyond it).
pub const MAX_MARKDOWN_BYTES: usize = 64 * 1024 * 1024;

/// [`markdown_from_html`] allows Markdown of this many times the size of its
/// input (and at least 4 KiB).
pub const MARKDOWN_SIZE_FACTOR: usize = 4;

/// The smallest cap of [`markdown_from_html`], for tiny inputs.
const MIN_MARKDOWN_CAP: usize = 4096;

/// Markdown writer: blocks separated by blank lines, with a prefix for
/// blockquotes and list indentation.
struct Md {
    out: String,
    /// The prefix of every line: `> ` and list indentation, at most
    /// [`MAX_PREFIX_BYTES`].
    prefix: String,
    /// The length of `prefix` before each nesting level was entered.
    prefix_marks: Vec<usize>,
    at_line_start: bool,
    /// Nothing written yet on this line after its prefix or list marker:
    /// the next word is escaped as a block start.
    block_start: bool,
    pending_blank: bool,
    blank_prefix: String,
    pending_space: bool,
    /// Just after an opening emphasis mark: no space before the next word.
    no_space: bool,
    /// Inside a heading: every `#` is escaped.
    heading: bool,
    /// The emphasis marks open around what is being written.
    open_marks: Vec<&'static str>,
    /// Where the last emphasis closed (output length) and its mark.
    last_close: Option<(usize, &'static str)>,
    /// Output length past which writing stops.
    cap: usize,
    /// The cap was passed.
    over: bool,
}

impl Md {
    fn new(cap: usize) -> Md {
        Md {
            out: String::new(),
            prefix: String::new(),
            prefix_marks: Vec::new(),
            at_line_start: true,
            block_start: false,
            pending_blank: false,
            blank_prefix: String::new(),
            pending_space: false,
            no_space: false,
            heading: false,
            open_marks: Vec::new(),
            last_close: None,
            cap,
            over: false,
        }
    }

    /// Enters a nesting level whose lines start with `p`, unless the prefix
    /// would grow past [`MAX_PREFIX_BYTES`] (then the level is flattened).
    fn push_prefix(&mut self, p: &str) {
        self.prefix_marks.push(self.prefix.len());
        if self.prefix.len() + p.len() <= MAX_PREFIX_BYTES {
            self.prefix.push_str(p);
        }
    }

    fn pop_prefix(&mut self) {
        if let Some(len) = self.prefix_marks.pop() {
            self.prefix.truncate(len);
        }
    }

    fn block(&mut self) {
        if self.out.is_empty() || (self.block_start && !self.at_line_start) {
            // Nothing before, or right after a list marker: no blank line.
            return;
        }
        if !self.pending_blank {
            self.pending_blank = true;
            self.blank_prefix.clone_from(&self.prefix);
        } else if self.blank_prefix.starts_with(&self.prefix) {
            // A blank line between different nesting levels takes the outer prefix.
            self.blank_prefix.clone_from(&self.prefix);
        }
        self.pending_space = false;
    }

    fn newline(&mut self) {
        if !self.at_line_start {
            self.out.push('\n');
            self.at_line_start = true;
        }
        self.pending_space = false;
    }

    fn start_line(&mut self) {
        if self.pending_blank {
            self.newline();
            self.out.push_str(self.blank_prefix.trim_end());
            self.out.push('\n');
            self.pending_blank = false;
        }
        if self.at_line_start {
            self.out.push_str(&self.prefix);
            self.at_line_start = false;
            self.block_start = true;
        }
    }

    /// Writes `s` (syntax, or text already escaped).
    fn push(&mut self, s: &str) {
        self.start_line();
        if self.pending_space {
            self.out.push(' ');
            self.pending_space = false;
        }
        self.out.push_str(s);
        self.block_start = false;
        self.no_space = false;
        if self.out.len() > self.cap {
            self.over = true;
        }
    }

    fn text(&mut self, t: &str) {
        for (i, word) in t.split(char::is_whitespace).enumerate() {
            if i > 0
                && !self.at_line_start
                && !self.pending_blank
                && !self.no_space
                && !self.block_start
            {
                self.pending_space = true;
            }
            if word.is_empty() {
                continue;
            }
            self.start_line();
            let escaped = escape_word(word, self.block_start, self.heading);
            self.push(&escaped);
        }
    }
}

/// The article below `root` as Markdown; empty where
/// [`markdown_from_html`] of the article's HTML would refuse it as too long
/// (over [`MARKDOWN_SIZE_FACTOR`] times that HTML, which is measured only
/// for Markdown over 4 KiB).
pub fn markdown(dom: &Dom, root: NodeId) -> String {
    let Some(md) = write_markdown(dom, root, MAX_MARKDOWN_BYTES) else {
        return String::new();
    };
    if md.len() > MIN_MARKDOWN_CAP && md.len() > markdown_cap(super::html(dom, root).len()) {
        return String::new();
    }
    md
}

/// The most Markdown [`markdown_from_html`] gives for `input_len` bytes.
fn markdown_cap(input_len: usize) -> usize {
    input_len
        .saturating_mul(MARKDOWN_SIZE_FACTOR)
        .clamp(MIN_MARKDOWN_CAP, MAX_MARKDOWN_BYTES)
}

/// The Markdown below `root`, or `None` past `cap` bytes.
fn write_markdown(dom: &Dom, root: NodeId, cap: usize) -> Option<String> {
    let mut md = Md::new(cap);
    for c in dom.children(root) {
        write_md(dom, c, &mut md, 0);
        if md.over {
            return None;
        }
    }
    let mut s = md.out;
    trim_in_place(&mut s);
    s.push('\n');
    if s.len() > cap {
        return None;
    }
    s.shrink_to_fit();
    Some(s)
}

/// The Markdown of sanitised article HTML (an [`crate::Article`]'s
/// `content`): parses it as [`sanitize_fragment`](super::sanitize_fragment) does and writes its body
/// with the same writer as [`markdown`]. For the `content` of an extraction
/// this is the `markdown` the extraction would have built (the corpus tests
/// check it), so a caller can ask for Markdown later, only when it needs it.
///
/// The Markdown is at most [`MARKDOWN_SIZE_FACTOR`] times the size of
/// `content` (and at least 4 KiB are allowed): past that it is
/// [`ExtractError::MarkdownTooLong`], whose message the reader can show.
/// Input that crosses one of the default [`Limits`](crate::dom::Limits)
/// gives that limit's error.
pub fn markdown_from_html(content: &str) -> Result<String, ExtractError> {
    let dom = Dom::parse(
        &format!("{FRAGMENT_PREFIX}{content}"),
        &crate::dom::Limits::default(),
    )?;
    let limit = markdown_cap(content.len());
    match body_of_fragment(&dom) {
        Some(body) => {
            write_markdown(&dom, body, limit).ok_or(ExtractError::MarkdownTooLong { limit })
        }
        None => Ok(String::new()),
    }
}

fn md_children(dom: &Dom, id: NodeId, md: &mut Md, depth: usize) {
    if depth > MAX_NESTING {
        md.text(&dom.text_content(id));
        return;
    }
    for c in dom.children(id) {
        if md.over {
            return;
        }
        write_md(dom, c, md, depth + 1);
    }
}

fn write_md(dom: &Dom, id: NodeId, md: &mut Md, depth: usize) {
    let tag = match &dom.node(id).data {
        NodeData::Text(t) => {
            md.text(t);
            return;
        }
        NodeData::Element { .. } => dom.tag(id),
        _ => return,
    };
    if is_one_of(tag, DROPPED_TAGS) || md.over {
        return;
    }
    if tag == "math" && dom.is_mathml(id) {
        md_math(dom, id, md);
        return;
    }
    if !dom.is_html(id) {
        return;
    }
    match tag {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => md_heading(dom, id, md, tag),
        "p" | "div" | "section" | "article" | "figure" | "figcaption" | "header" | "footer"
        | "main" | "aside" | "details" | "summary" | "dl" | "address" | "center" | "picture" => {
            md.block();
            md_children(dom, id, md, depth);
            md.block();
        }
        "dt" | "dd" => {
            md.newline();
            md_children(dom, id, md, depth);
            md.newline();
        }
        "br" => {
            if !md.at_line_start && !md.block_start && !md.pending_blank {
                md.push("  ");
                md.newline();
            }
        }
        "hr" => {
            md.block();
            md.push("---");
            md.block();
        }
        "strong" | "b" => inline_wrap(dom, id, md, depth, "**"),
        "em" | "i" | "cite" => inline_wrap(dom, id, md, depth, "*"),
        "del" | "s" => inline_wrap(dom, id, md, depth, "~~"),
        "code" => match code_span(&dom.text_content(id)) {
            Some(span) => md.push(&span),
            None => md.text(" "),
        },
        "pre" => md_pre(dom, id, md),
        "blockquote" => {
            md.block();
            let before = md.prefix.len();
            md.push_prefix("> ");
            if md.block_start && !md.at_line_start && md.prefix.len() > before {
                // Right after a list marker: the quote starts on its line.
                md.out.push_str("> ");
            }
            md_children(dom, id, md, depth);
            md.pop_prefix();
            md.block();
        }
        "ul" | "ol" => md_list(dom, id, md, depth, tag),
        "a" => md_link(dom, id, md, depth),
        "img" => md_image(dom, id, md),
        "table" => write_md_table(dom, id, md),
        _ => md_children(dom, id, md, depth),
    }
}

/// Writes formula `math`: its TeX source between `$` (`$$` on a line of its
/// own for a displayed formula), or the text a browser shows of it when it
/// carries no TeX (or TeX holding `](`, which reads as a link). TeX that
/// could be read as Markdown or HTML syntax by a reader without maths (a
/// `<`, a backtick, a `$`, a final backslash) goes in code instead, as
/// GitHub writes maths: `` $`…`$ ``, or a fenced block of language `math`.
fn md_math(dom: &Dom, math: NodeId, md: &mut Md) {
    let display = is_display(dom, math);
    if display {
        md.block();
    }
    // TeX that reads as a link even in code, to a reader that does not
    // know code from links, is left out: the shown text stands for it.
    match tex(dom, math).filter(|t| !t.contains("](")) {
        Some(t) => {
            let plain = !(t.contains(['<', '`', '$']) || t.ends_with('\\'));
            match (plain, display) {
                (true, false) => md.push(&format!("${t}$")),
                (true, true) => md.push(&format!("$${t}$$")),
                (false, false) => match code_span(&t) {
                    Some(span) => md.push(&format!("${span}$")),
                    None => md.text(&t),
                },
                (false, true) => {
                    let fence = code_fence(&t);
                    md.push(&format!("{fence}math"));
                    md.newline();
                    md.push(&t);
                    md.newline();
                    md.push(&fence);
                }
            }
        }
        None => md.text(&shown_text(dom, math)),
    }
    if display {
        md.block();
    }
}

/// Writes heading `id` (`<h1>` to `<h6>`, named by `tag`) as an ATX heading.
fn md_heading(dom: &Dom, id: NodeId, md: &mut Md, tag: &str) {
    md.block();
    let level = tag[1..].parse::<usize>().unwrap_or(2);
    md.push(&"#".repeat(level));
    md.pending_space = true;
    md.heading = true;
    md.text(&normalize_ws(&dom.text_content(id)));
    md.heading = false;
    md.block();
}

/// Writes `<pre>` `id` as a fenced code block, with the language of the
/// first `language-` or `lang-` class below it when that is a plain name.
fn md_pre(dom: &Dom, id: NodeId, md: &mut Md) {
    md.block();
    let lang = dom
        .descendants(id)
        .filter_map(|n| dom.attr(n, "class"))
        .flat_map(str::split_whitespace)
        .find_map(|c| {
            c.strip_prefix("language-")
                .or_else(|| c.strip_prefix("lang-"))
        })
        .map_or("", language)
        .to_string();
    let code = dom.text_content(id);
    let code = code.strip_prefix('\n').unwrap_or(&code).trim_end();
    let fence = code_fence(code);
    md.push(&format!("{fence}{lang}"));
    for line in code.lines() {
        md.newline();
        md.push(line);
        if md.over {
            return;
        }
    }
    md.newline();
    md.push(&fence);
    md.block();
}

/// Writes list `id` (`<ul>` or `<ol>`, named by `tag`) item by item.
fn md_list(dom: &Dom, id: NodeId, md: &mut Md, depth: usize, tag: &str) {
    /// The largest number CommonMark reads as an ordered list marker.
    const MAX_NUMBER: usize = 999_999_999;
    md.block();
    let ordered = tag == "ol";
    let start: usize = dom
        .attr(id, "start")
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(1);
    let items: Vec<NodeId> = dom.element_children(id).collect();
    let (mut i, mut indent) = (0usize, 0usize);
    for li in items {
        if md.over {
            return;
        }
        let inner = dom.tag(li);
        if matches!(inner, "ul" | "ol") {
            // A list right inside a list: nested in the item before it.
            md.push_prefix(&" ".repeat(indent));
            md_list(dom, li, md, depth + 1, inner);
            md.pop_prefix();
            continue;
        }
        let marker = if ordered {
            format!("{}. ", start.saturating_add(i).min(MAX_NUMBER))
        } else {
            "- ".to_string()
        };
        i += 1;
        indent = marker.len();
        md.newline();
        md.push(&marker);
        md.block_start = true;
        md.push_prefix(&" ".repeat(marker.len()));
        md.pending_space = false;
        md_children(dom, li, md, depth + 1);
        md.pop_prefix();
        md.newline();
    }
    md.block_start = false;
    md.block();
}

/// Writes link `id` as `[label](href)`, or only its content when it has no
/// safe, non-fragment `href` or no text.
fn md_link(dom: &Dom, id: NodeId, md: &mut Md, depth: usize) {
    // Attribute values are read trimmed, as the sanitiser writes them.
    let href = dom
        .attr(id, "href")
        .map(str::trim)
        .filter(|h| safe_url("href", h) && !h.starts_with('#'));
    let label = normalize_ws(&dom.text_content(id));
    match href {
        Some(h) if !label.is_empty() => {
            md.push(&format!(
                "[{}]({})",
                escape_inline(&label),
                link_destination(h)
            ));
        }
        _ => md_children(dom, id, md, depth),
    }
}

/// Writes image `id` as `![alt](src)` when its `src` is safe and not a
/// `data:` URL.
fn md_image(dom: &Dom, id: NodeId, md: &mut Md) {
    if let Some(src) = dom
        .attr(id, "src")
        .map(str::trim)
        .filter(|s| safe_url("src", s) && !s.starts_with("data:"))
    {
        let alt = dom.attr(id, "alt").unwrap_or("");
        md.push(&format!(
            "![{}]({})",
            escape_inline(alt),
            link_destination(src)
        ));
    }
}

/// Writes inline element `id` between `mark`s (`**`, `*`, `~~`). Inside
/// the same mark, or for an element without text, only its content; right
/// after the same mark closed, the run goes on (`*a**b*` would be read as
/// other marks).
fn inline_wrap(dom: &Dom, id: NodeId, md: &mut Md, depth: usize, mark: &'static str) {
    let raw = dom.text_content(id);
    let t = normalize_ws(&raw);
    // A mark between a letter and punctuation opens nothing in CommonMark.
    let unopenable = md
        .out
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        && !md.pending_space
        && t.starts_with(|c: char| {
            c.is_ascii_punctuation() || (!c.is_alphanumeric() && !c.is_whitespace())
        });
    if t.is_empty() || md.open_marks.contains(&mark) || unopenable {
        md_children(dom, id, md, depth);
        return;
    }
    if raw.starts_with(char::is_whitespace) && !md.at_line_start && !md.block_start {
        // A space at the start of the content goes before the opening mark.
        md.pending_space = true;
    }
    if md.last_close == Some((md.out.len(), mark)) && !md.pending_space {
        md.out.truncate(md.out.len() - mark.len());
    } else {
        md.push(mark);
        md.no_space = true;
    }
    md.open_marks.push(mark);
    md_children(dom, id, md, depth);
    md.open_marks.pop();
    // A space at the end of the content goes after the closing mark.
    let space = md.pending_space;
    md.pending_space = false;
    md.no_space = false;
    if md.at_line_start && md.out.ends_with("  \n") {
        // A line break at the end of the content goes after the mark.
        md.out.truncate(md.out.len() - 3);
        md.out.push_str(mark);
        md.out.push_str("  \n");
    } else {
        md.out.push_str(mark);
        md.last_close = Some((md.out.len(), mark));
    }
    md.pending_space = space;
}

fn write_md_table(dom: &Dom, table: NodeId, md: &mut Md) {
    md.block();
    if let Some(c) = dom.find_tag(table, "caption") {
        md.text(&normalize_ws(&dom.text_content(c)));
        md.block();
    }
    let rows: Vec<Vec<String>> = dom
        .descendants(table)
        .filter(|&n| dom.tag(n) == "tr")
        .map(|tr| {
            dom.element_children(tr)
                .filter(|&c| matches!(dom.tag(c), "td" | "th"))
                .map(|c| escape_inline(&dom.text_content(c)))
                .collect()
        })
        .filter(|r: &Vec<String>| !r.is_empty())
        .collect();
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    for (i, row) in rows.iter().enumerate() {
        if md.over {
            return;
        }
        md.newline();
        let mut cells = row.clone();
        cells.resize(cols, String::new());
        md.push(&format!("| {} |", cells.join(" | ")));
        if i == 0 {
            md.newline();
            md.push(&format!("|{}", " --- |".repeat(cols)));
        }
    }
    md.block();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::body_of;
    #[test]
    fn markdown_shapes() {
        let (dom, b) = body_of(
            "<h2>Head</h2><p>Some <strong>bold</strong> and <a href='https://e.org/'>link</a>.</p>\
             <ol><li>first</li><li>second</li></ol><blockquote><p>quoted</p></blockquote>\
             <pre><code class=language-sh>ls -l\necho hi</code></pre>",
        );
        assert_eq!(
            markdown(&dom, b),
            "## Head\n\nSome **bold** and [link](https://e.org/).\n\n1. first\n2. second\n\n> quoted\n\n```sh\nls -l\necho hi\n```\n"
        );
    }
}
