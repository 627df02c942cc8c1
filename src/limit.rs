//! A linear pre-pass that bounds what html5ever's tokenizer sees.
//!
//! html5ever de-duplicates the attributes of a tag as it reads them, which is
//! quadratic in their number: one element with 100,000 attributes costs about
//! half a minute. Truncating in the tree sink is too late, so
//! [`tokenizer_input`] leaves an over-long attribute list out of what the
//! tokenizer reads.
//!
//! The same pass finds the bodies of `<script>` and `<style>` elements, which
//! the tree sink takes whole instead of the tokenizer reading them character
//! by character ([`tokenizer_input`]).
//!
//! The scanner follows the tokenizer's states closely enough to find tags:
//! text, tags and their attribute names and (quoted or unquoted) values,
//! comments, bogus comments, doctypes, CDATA, and the raw-text elements
//! (`<script>` with its escape states, `<style>`, `<textarea>`, `<title>`,
//! `<xmp>`, `<iframe>`, `<noembed>`, `<noframes>`, `<plaintext>`).
//!
//! It is conservative where it cannot be exact:
//! - A cut removes whole attributes, from the start of the first attribute
//!   over the limit up to the tag's closing `>`. What is left before the cut
//!   always ends in whitespace, a quote or `/`, so the join cannot form a new
//!   end tag (`</script>`) or comment end (`-->`).
//! - Once an `<svg>` or `<math>` start tag has been seen, raw-text elements may
//!   be foreign elements whose content is markup, so from then on their
//!   content is scanned as markup too. Inside real raw text that can only
//!   shorten a pseudo-tag that has more attributes than the limit: text stays
//!   text.
//! - A raw-text element without an end tag holds the rest of the page as
//!   text; the rest is scanned as markup for the same reason.

use std::ops::Range;

use memchr::{memchr, memchr2, memmem};

/// What the tokenizer should read of a page, and what it may skip.
pub struct TokenizerInput {
    /// Byte ranges of the input to tokenize, in order.
    pub ranges: Vec<Range<usize>>,
    /// Bodies of `<script>` and `<style>` elements between two ranges: each
    /// starts where a range ends, just after the element's start tag, and
    /// ends at the `<` of its end tag.
    pub bodies: Vec<Range<usize>>,
    /// About how many nodes the parser will make of the page: one per start
    /// tag, comment, doctype and processing instruction, one per run of text
    /// between them, plus the document's implied `<html>`, `<head>` and
    /// `<body>`. Only an estimate, in both directions: the tree builder drops
    /// whitespace in some places and joins text around an end tag it
    /// ignores, and it clones formatting elements (`<b>`, `<a>`…) that
    /// misnested markup leaves open.
    pub nodes: usize,
}

/// What the tokenizer should read of `html`: every tag's attribute list cut
/// to its first `max_attributes` attributes (start and end tags alike), and,
/// with `split_bodies`, the bodies of `<script>` and `<style>` elements set
/// apart. They are nearly half the bytes of a typical news page, and all the
/// tokenizer does with them is look for their end tag one character at a
/// time; the tree sink can take them whole instead.
///
/// A body is set apart only where the tokenizer reads it as raw text ending
/// where this scan says: before any `<svg>` or `<math>` (see the module
/// docs), the script-data states decide its end; after one, only a body
/// holding no `<` at all, which is plain text in any state. Every range
/// starts and ends on a character boundary. The same pass estimates the
/// page's node count. Runs in time linear in `html.len()`.
pub fn tokenizer_input(html: &str, max_attributes: usize, split_bodies: bool) -> TokenizerInput {
    let b = html.as_bytes();
    let mut ranges = Vec::new();
    let mut bodies = Vec::new();
    let mut emitted = 0;
    let mut foreign_seen = false;
    // Nodes made by markup, runs of text, and where the current run began.
    let mut markup_nodes = 0usize;
    let mut text_runs = 0usize;
    let mut text_from = 0;
    let mut i = 0;
    while let Some(off) = memchr(b'<', &b[i..]) {
        let lt = i + off;
        i = lt + 1;
        // For markup (which ends a run of text): whether it makes a node,
        // and where it ends.
        let markup = match b.get(i) {
            Some(b'!') => {
                i = skip_declaration(b, i + 1, foreign_seen);
                Some((true, i))
            }
            Some(b'?') => {
                i = after_next(b, i, b'>');
                Some((true, i))
            }
            Some(b'/') => match b.get(i + 1) {
                Some(c) if c.is_ascii_alphabetic() => {
                    let t = scan_tag(b, i + 1, max_attributes);
                    i = t.end;
                    cut(&t, &mut ranges, &mut emitted);
                    Some((false, i))
                }
                // `</>` is dropped, anything else is a bogus comment.
                _ => {
                    let node = b.get(i + 1) != Some(&b'>');
                    i = after_next(b, i, b'>');
                    Some((node, i))
                }
            },
            Some(c) if c.is_ascii_alphabetic() => {
                let t = scan_tag(b, i, max_attributes);
                cut(&t, &mut ranges, &mut emitted);
                let name = &b[t.name.0..t.name.1];
                if name.eq_ignore_ascii_case(b"svg") || name.eq_ignore_ascii_case(b"math") {
                    foreign_seen = true;
                }
                let raw_end = if !foreign_seen && t.end < b.len() {
                    skip_raw_text(b, name, t.end)
                } else {
                    t.end
                };
                if split_bodies && t.end < b.len() && has_raw_body(name) {
                    let body_end = if foreign_seen {
                        memchr(b'<', &b[t.end..])
                            .map(|p| t.end + p)
                            .filter(|&e| is_end_tag(b, e, name))
                    } else {
                        // `skip_raw_text` gives `t.end` back when there is no end tag.
                        Some(raw_end).filter(|&e| e > t.end && e < b.len())
                    };
                    if let Some(e) = body_end.filter(|&e| e > t.end) {
                        ranges.push(emitted..t.end);
                        bodies.push(t.end..e);
                        emitted = e;
                    }
                }
                // Raw text, if any, is a run of its own, which the next `<`
                // (its end tag) closes.
                i = raw_end;
                Some((true, t.end))
            }
            _ => None,
        };
        if let Some((node, end)) = markup {
            if lt > text_from {
                text_runs += 1;
            }
            text_from = end;
            markup_nodes += usize::from(node);
        }
    }
    if b.len() > text_from {
        text_runs += 1;
    }
    ranges.push(emitted..b.len());
    ranges.retain(|r| !r.is_empty());
    TokenizerInput {
        ranges,
        bodies,
        nodes: markup_nodes + text_runs + 3,
    }
}

/// Whether `name` is `<script>` or `<style>`, whose bodies are raw text.
fn has_raw_body(name: &[u8]) -> bool {
    name.eq_ignore_ascii_case(b"style") || name.eq_ignore_ascii_case(b"script")
}

/// One scanned tag.
struct Tag {
    /// Byte range of the tag name.
    name: (usize, usize),
    /// Index just after the closing `>` (or the input length at EOF).
    end: usize,
    /// Byte range to remove: the attributes over the limit.
    cut: Option<(usize, usize)>,
}

/// Ends the current range where `t`'s cut starts; the next starts after it.
fn cut(t: &Tag, ranges: &mut Vec<Range<usize>>, emitted: &mut usize) {
    if let Some((from, to)) = t.cut {
        ranges.push(*emitted..from);
        *emitted = to;
    }
}

fn is_ws(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// Index after the next `c` at or after `i`, or the input length.
fn after_next(b: &[u8], i: usize, c: u8) -> usize {
    memchr(c, &b[i.min(b.len())..]).map_or(b.len(), |p| i + p + 1)
}

/// Index after the first occurrence of `pat` at or after `i`, or the length.
fn after_pattern(b: &[u8], i: usize, pat: &[u8]) -> usize {
    let i = i.min(b.len());
    memmem::find(&b[i..], pat).map_or(b.len(), |p| i + p + pat.len())
}

/// Skips `<!…`: a comment, CDATA section, doctype or bogus comment. `i` is
/// just after `<!`.
fn skip_declaration(b: &[u8], i: usize, foreign: bool) -> usize {
    let rest = &b[i.min(b.len())..];
    if rest.starts_with(b"--") {
        let body = i + 2;
        // `<!-->` and `<!--->` are (abrupt) complete comments.
        if b.get(body) == Some(&b'>') {
            return body + 1;
        }
        if b.get(body) == Some(&b'-') && b.get(body + 1) == Some(&b'>') {
            return body + 2;
        }
        let mut j = body;
        loop {
            match memchr(b'-', &b[j..]) {
                None => return b.len(),
                Some(p) => j += p,
            }
            if b[j..].starts_with(b"-->") {
                return j + 3;
            }
            if b[j..].starts_with(b"--!>") {
                return j + 4;
            }
            j += 1;
        }
    } else if foreign && rest.starts_with(b"[CDATA[") {
        after_pattern(b, i + 7, b"]]>")
    } else {
        after_next(b, i, b'>')
    }
}

/// Scans a tag whose name starts at `i`, counting attributes.
fn scan_tag(b: &[u8], i: usize, max: usize) -> Tag {
    let n = b.len();
    let mut j = i;
    while j < n && !is_ws(b[j]) && b[j] != b'/' && b[j] != b'>' {
        j += 1;
    }
    let name = (i, j);
    let mut count = 0usize;
    let mut cut_from = None;
    loop {
        while j < n && (is_ws(b[j]) || b[j] == b'/') {
            j += 1;
        }
        if j >= n {
            return Tag {
                name,
                end: n,
                cut: cut_from.map(|f| (f, n)),
            };
        }
        if b[j] == b'>' {
            return Tag {
                name,
                end: j + 1,
                cut: cut_from.map(|f| (f, j)),
            };
        }
        // An attribute name; its first character may be anything, even `=`.
        count += 1;
        if count == max + 1 {
            cut_from = Some(j);
        }
        j += 1;
        while j < n && !is_ws(b[j]) && !matches!(b[j], b'/' | b'>' | b'=') {
            j += 1;
        }
        while j < n && is_ws(b[j]) {
            j += 1;
        }
        if j < n && b[j] == b'=' {
            j += 1;
            while j < n && is_ws(b[j]) {
                j += 1;
            }
            match b.get(j) {
                Some(&q @ (b'"' | b'\'')) => j = after_next(b, j + 1, q),
                Some(b'>') | None => {}
                Some(_) => {
                    while j < n && !is_ws(b[j]) && b[j] != b'>' {
                        j += 1;
                    }
                }
            }
        }
    }
}

/// True if `b[i..]` is `</name` followed by whitespace, `/` or `>`
/// (case-insensitive), i.e. an end tag that closes raw text.
fn is_end_tag(b: &[u8], i: usize, name: &[u8]) -> bool {
    b[i..].starts_with(b"</")
        && b.len() > i + 2 + name.len()
        && b[i + 2..i + 2 + name.len()].eq_ignore_ascii_case(name)
        && matches!(
            b[i + 2 + name.len()],
            b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>'
        )
}

/// After the start tag `name` ending at `i`: if it opens raw text, the index
/// of the `<` of its end tag; otherwise `i`. Raw text without an end tag is
/// scanned as markup (see the module docs).
fn skip_raw_text(b: &[u8], name: &[u8], i: usize) -> usize {
    const RAW: [&[u8]; 7] = [
        b"style",
        b"textarea",
        b"title",
        b"xmp",
        b"iframe",
        b"noembed",
        b"noframes",
    ];
    if name.eq_ignore_ascii_case(b"plaintext") {
        return b.len();
    }
    if name.eq_ignore_ascii_case(b"script") {
        return skip_script(b, i).unwrap_or(i);
    }
    if !RAW.iter().any(|r| name.eq_ignore_ascii_case(r)) {
        return i;
    }
    let mut j = i;
    while let Some(p) = memchr(b'<', &b[j..]) {
        j += p;
        if is_end_tag(b, j, name) {
            return j;
        }
        j += 1;
    }
    i
}

/// Follows the tokenizer's script-data states (escaped after `<!--`, double
/// escaped after a nested `<script>`) to the `<` of the real `</script>`.
fn skip_script(b: &[u8], i: usize) -> Option<usize> {
    #[derive(PartialEq)]
    enum S {
        Data,
        Escaped,
        Double,
    }
    let is_script_start = |j: usize| {
        b[j..].starts_with(b"<")
            && b.len() > j + 7
            && b[j + 1..j + 7].eq_ignore_ascii_case(b"script")
            && matches!(
                b[j + 7],
                b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>'
            )
    };
    let mut s = S::Data;
    let mut j = i;
    while j < b.len() {
        // Only `<` matters in plain script data, `<` and `-` once escaped.
        let next = if s == S::Data {
            memchr(b'<', &b[j..])
        } else {
            memchr2(b'<', b'-', &b[j..])
        };
        j += next?;
        match b[j] {
            b'<' => {
                if s == S::Data && b[j..].starts_with(b"<!--") {
                    s = S::Escaped;
                    // Leave the dashes to be read again: `<!-->` ends at once.
                    j += 2;
                    continue;
                }
                if is_end_tag(b, j, b"script") {
                    match s {
                        S::Data | S::Escaped => return Some(j),
                        S::Double => s = S::Escaped,
                    }
                } else if s == S::Escaped && is_script_start(j) {
                    s = S::Double;
                }
            }
            b'-' if s != S::Data && b[j..].starts_with(b"-->") => {
                s = S::Data;
                j += 3;
                continue;
            }
            _ => {}
        }
        j += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    /// `html` as the tokenizer reads it when bodies are not split: every
    /// tag's attribute list cut to its first `max_attributes` attributes,
    /// borrowed when nothing needs cutting.
    fn cap_attributes(html: &str, max_attributes: usize) -> Cow<'_, str> {
        let ranges = tokenizer_input(html, max_attributes, false).ranges;
        match ranges.as_slice() {
            [] if html.is_empty() => Cow::Borrowed(html),
            [only] if *only == (0..html.len()) => Cow::Borrowed(html),
            _ => Cow::Owned(ranges.into_iter().map(|r| &html[r]).collect()),
        }
    }

    fn attrs(n: usize) -> String {
        (0..n).map(|i| format!(" a{i}=\"{i}\"")).collect()
    }

    #[test]
    fn nodes_are_estimated_from_markup_and_text_runs() {
        let nodes = |html: &str| tokenizer_input(html, 64, true).nodes;
        // <html>, <head>, <body>, <p>, "a", <b>, "b".
        assert_eq!(nodes("<p>a<b>b</b></p>"), 7);
        // A `<` that starts no markup does not end the text.
        assert_eq!(nodes("a < b <3"), 4);
        // Raw text is one run; comments are nodes; `</>` is nothing.
        assert_eq!(nodes("<script>if (a<b) f()</script></><!-- c -->"), 6);
    }

    #[test]
    fn script_and_style_bodies_are_set_apart_where_certain() {
        let bodies = |html: &str| -> Vec<String> {
            let input = tokenizer_input(html, 64, true);
            // The ranges and bodies tile the input.
            let mut all: Vec<_> = input.ranges.iter().chain(&input.bodies).cloned().collect();
            all.sort_by_key(|r| r.start);
            assert_eq!(
                all.iter().map(|r| &html[r.clone()]).collect::<String>(),
                html
            );
            input
                .bodies
                .into_iter()
                .map(|r| html[r].to_string())
                .collect()
        };
        assert_eq!(
            bodies("<p>a</p><script>if (a<b) x()</script><style>p{}</style>"),
            ["if (a<b) x()", "p{}"]
        );
        // The script-data escape states decide where the body ends.
        let s = "<script><!--<script>a</script>b--></script>";
        assert_eq!(bodies(s), ["<!--<script>a</script>b-->"]);
        // Not a tag: in a comment, raw text or an attribute value.
        assert!(
            bodies("<!--<script>a</script>--><textarea><script>a</script></textarea>").is_empty()
        );
        assert!(bodies("<a title='<script>a</script>'>x</a>").is_empty());
        // No end tag, or an empty body: nothing set apart.
        assert!(bodies("<script>a").is_empty());
        assert!(bodies("<script></script>").is_empty());
        // After <svg>, only bodies holding no `<`.
        assert_eq!(
            bodies("<svg></svg><script>a<b</script><script>ab</script>"),
            ["ab"]
        );
        // Without `split_bodies`, nothing.
        assert!(tokenizer_input("<script>a</script>", 64, false)
            .bodies
            .is_empty());
    }

    #[test]
    fn short_tags_are_borrowed() {
        let html = "<p class=x id='y' data-z=\"1 2\">t</p><br/>";
        assert!(matches!(cap_attributes(html, 4), Cow::Borrowed(_)));
        assert!(matches!(cap_attributes(html, 3), Cow::Borrowed(_)));
    }

    #[test]
    fn long_tags_are_cut_to_the_limit() {
        let html = format!("<div{}>text</div>", attrs(10));
        assert_eq!(
            cap_attributes(&html, 3),
            "<div a0=\"0\" a1=\"1\" a2=\"2\" >text</div>"
        );
        let html = "<p a b c d e/>x";
        assert_eq!(cap_attributes(html, 2), "<p a b >x");
        let html = "</p a=1 b=2 c=3>";
        assert_eq!(cap_attributes(html, 1), "</p a=1 >");
        let html = "<p a=1 b=2 c=3";
        assert_eq!(cap_attributes(html, 1), "<p a=1 ");
    }

    #[test]
    fn quoted_values_hide_markup() {
        let html = "<p a='>' b=\"<x y z>\" c d>t";
        assert_eq!(cap_attributes(html, 2), "<p a='>' b=\"<x y z>\" >t");
    }

    #[test]
    fn raw_text_and_comments_are_left_alone() {
        for html in [
            "<script><p a b c d></script>",
            "<script><!--<script></script><p a b c d></script>",
            "<style><p a b c d></style >",
            "<!-- <p a b c d> -->",
            "<textarea><p a b c d></TEXTAREA>",
            "<plaintext><p a b c d>",
            "<title><p a b c d></title>",
        ] {
            assert_eq!(cap_attributes(html, 2), html, "{html}");
        }
        // After the escaped script ends, tags are tags again.
        assert_eq!(
            cap_attributes("<script><!--</script><p a b c d>", 2),
            "<script><!--</script><p a b >"
        );
        assert_eq!(cap_attributes("<!--><p a b c d>", 2), "<!--><p a b >");
    }

    #[test]
    fn foreign_content_is_scanned_as_markup() {
        assert_eq!(
            cap_attributes("<svg><title><a a b c d></a></title></svg>", 2),
            "<svg><title><a a b ></a></title></svg>"
        );
    }

    #[test]
    fn unterminated_raw_text_is_scanned() {
        assert_eq!(cap_attributes("<style><p a b c d>", 2), "<style><p a b >");
    }
}
