//! The Markdown writer.

use super::allow::safe_url;
use super::html::{body_of_fragment, FRAGMENT_PREFIX};
use super::{trim_in_place, DROPPED_TAGS, MAX_NESTING};
use crate::dom::{Dom, NodeData, NodeId};
use crate::patterns::is_one_of;
use crate::text::normalize_ws;

/// Markdown writer: blocks separated by blank lines, with a prefix stack for
/// blockquotes and list indentation.
struct Md {
    out: String,
    line_prefix: Vec<String>,
    at_line_start: bool,
    pending_blank: bool,
    blank_prefix: String,
    pending_space: bool,
}

impl Md {
    fn prefix(&self) -> String {
        self.line_prefix.concat()
    }

    fn block(&mut self) {
        if self.out.is_empty() {
            return;
        }
        let here = self.prefix();
        if !self.pending_blank {
            self.pending_blank = true;
            self.blank_prefix = here;
        } else if self.blank_prefix.starts_with(&here) {
            // A blank line between different nesting levels takes the outer prefix.
            self.blank_prefix = here;
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
            let p = self.prefix();
            self.out.push_str(&p);
            self.at_line_start = false;
        }
    }

    fn push(&mut self, s: &str) {
        self.start_line();
        if self.pending_space {
            self.out.push(' ');
            self.pending_space = false;
        }
        self.out.push_str(s);
    }

    fn text(&mut self, t: &str) {
        for (i, word) in t.split(char::is_whitespace).enumerate() {
            if i > 0 && !self.at_line_start && !self.pending_blank {
                self.pending_space = true;
            }
            if word.is_empty() {
                continue;
            }
            self.push(&escape_md(word));
        }
    }
}

fn escape_md(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    for c in word.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>') {
            s.push('\\');
        }
        s.push(c);
    }
    s
}

/// The article below `root` as Markdown.
pub fn markdown(dom: &Dom, root: NodeId) -> String {
    let mut md = Md {
        out: String::new(),
        line_prefix: Vec::new(),
        at_line_start: true,
        pending_blank: false,
        blank_prefix: String::new(),
        pending_space: false,
    };
    for c in dom.children(root) {
        write_md(dom, c, &mut md, 0);
    }
    let mut s = md.out;
    trim_in_place(&mut s);
    s.push('\n');
    s.shrink_to_fit();
    s
}

/// The Markdown of sanitised article HTML (an [`crate::Article`]'s
/// `content`): parses it as [`sanitize_fragment`](super::sanitize_fragment) does and writes its body
/// with the same writer as [`markdown`]. For the `content` of an extraction
/// this is the `markdown` the extraction would have built (the corpus tests
/// check it), so a caller can ask for Markdown later, only when it needs it.
/// Returns an empty string for input that crosses one of the default
/// [`Limits`](crate::dom::Limits).
pub fn markdown_from_html(content: &str) -> String {
    let Ok(dom) = Dom::parse(
        &format!("{FRAGMENT_PREFIX}{content}"),
        &crate::dom::Limits::default(),
    ) else {
        return String::new();
    };
    match body_of_fragment(&dom) {
        Some(body) => markdown(&dom, body),
        None => String::new(),
    }
}

fn md_children(dom: &Dom, id: NodeId, md: &mut Md, depth: usize) {
    if depth > MAX_NESTING {
        md.text(&dom.text_content(id));
        return;
    }
    for c in dom.children(id) {
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
    if is_one_of(tag, DROPPED_TAGS) || !dom.is_html(id) {
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
            md.push("  ");
            md.newline();
        }
        "hr" => {
            md.block();
            md.push("---");
            md.block();
        }
        "strong" | "b" => inline_wrap(dom, id, md, depth, "**"),
        "em" | "i" | "cite" => inline_wrap(dom, id, md, depth, "*"),
        "del" | "s" => inline_wrap(dom, id, md, depth, "~~"),
        "code" => {
            let t = dom.text_content(id);
            let fence = if t.contains('`') { "``" } else { "`" };
            md.push(&format!("{fence}{t}{fence}"));
        }
        "pre" => md_pre(dom, id, md),
        "blockquote" => {
            md.block();
            md.line_prefix.push("> ".to_string());
            md_children(dom, id, md, depth);
            md.line_prefix.pop();
            md.block();
        }
        "ul" | "ol" => md_list(dom, id, md, depth, tag),
        "a" => md_link(dom, id, md, depth),
        "img" => md_image(dom, id, md),
        "table" => write_md_table(dom, id, md),
        _ => md_children(dom, id, md, depth),
    }
}

/// Writes heading `id` (`<h1>` to `<h6>`, named by `tag`) as an ATX heading.
fn md_heading(dom: &Dom, id: NodeId, md: &mut Md, tag: &str) {
    md.block();
    let level = tag[1..].parse::<usize>().unwrap_or(2);
    md.push(&"#".repeat(level));
    md.pending_space = true;
    md.text(&normalize_ws(&dom.text_content(id)));
    md.block();
}

/// Writes `<pre>` `id` as a fenced code block, with the language of the
/// first `language-` or `lang-` class below it.
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
        .unwrap_or("")
        .to_string();
    let code = dom.text_content(id);
    let code = code.strip_prefix('\n').unwrap_or(&code).trim_end();
    let fence = if code.contains("```") { "~~~~" } else { "```" };
    md.push(&format!("{fence}{lang}"));
    for line in code.lines() {
        md.newline();
        md.push(line);
    }
    md.newline();
    md.push(fence);
    md.block();
}

/// Writes list `id` (`<ul>` or `<ol>`, named by `tag`) item by item.
fn md_list(dom: &Dom, id: NodeId, md: &mut Md, depth: usize, tag: &str) {
    md.block();
    let ordered = tag == "ol";
    let start: usize = dom
        .attr(id, "start")
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(1);
    let items: Vec<NodeId> = dom.element_children(id).collect();
    for (i, li) in items.into_iter().enumerate() {
        let marker = if ordered {
            format!("{}. ", start.saturating_add(i))
        } else {
            "- ".to_string()
        };
        md.newline();
        md.push(&marker);
        md.line_prefix.push(" ".repeat(marker.len()));
        md.pending_space = false;
        md_children(dom, li, md, depth + 1);
        md.line_prefix.pop();
        md.newline();
    }
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
                escape_md(&label),
                h.replace(' ', "%20").replace(')', "%29")
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
        let alt = dom.attr(id, "alt").unwrap_or("").trim();
        md.push(&format!(
            "![{}]({})",
            escape_md(alt),
            src.replace(' ', "%20").replace(')', "%29")
        ));
    }
}

fn inline_wrap(dom: &Dom, id: NodeId, md: &mut Md, depth: usize, mark: &str) {
    let t = normalize_ws(&dom.text_content(id));
    if t.is_empty() {
        return;
    }
    md.push(mark);
    md_children(dom, id, md, depth);
    md.pending_space = false;
    md.out.push_str(mark);
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
                .map(|c| normalize_ws(&dom.text_content(c)).replace('|', "\\|"))
                .collect()
        })
        .filter(|r: &Vec<String>| !r.is_empty())
        .collect();
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    for (i, row) in rows.iter().enumerate() {
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
