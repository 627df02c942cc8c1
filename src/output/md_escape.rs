//! Escaping for the Markdown writer: text that stays text, link targets
//! that stay one target, code that stays code. Nothing from the page reaches
//! the Markdown as raw HTML (`<` is always escaped or percent-encoded) or as
//! syntax it did not have (a paragraph starting with `# ` stays a paragraph).

/// Escapes one word of text (no whitespace inside) for the inside of a line:
/// the characters that open emphasis, code, links, raw HTML, strikethrough,
/// table cells and entity references. `line_start`: the word begins a line
/// (after the line's prefix or a list marker), where the characters that
/// open a block are escaped too. `heading`: every `#` is escaped, so a
/// trailing one is not read as a closing sequence.
pub(super) fn escape_word(word: &str, line_start: bool, heading: bool) -> String {
    let mut s = String::with_capacity(word.len() + 2);
    if line_start {
        let digits = word.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=9).contains(&digits) && matches!(word.as_bytes().get(digits), Some(b'.' | b')')) {
            // `1.` or `1)`: an ordered list marker; escape its punctuation.
            s.push_str(&word[..digits]);
            s.push('\\');
            return escape_rest(s, &word[digits..], heading);
        }
        if matches!(
            word.as_bytes().first(),
            Some(b'#' | b'>' | b'-' | b'+' | b'=')
        ) {
            s.push('\\');
            s.push_str(&word[..1]);
            return escape_rest(s, &word[1..], heading);
        }
    }
    escape_rest(s, word, heading)
}

/// Appends `rest` to `s` with the inline escapes of [`escape_word`].
fn escape_rest(mut s: String, rest: &str, heading: bool) -> String {
    for (i, c) in rest.char_indices() {
        let escape = match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '~' => true,
            '#' => heading,
            '&' => looks_like_entity(&rest[i + 1..]),
            _ => false,
        };
        if escape {
            s.push('\\');
        }
        s.push(c);
    }
    s
}

/// Whether `after` (what follows a `&`) would make it an entity or numeric
/// character reference: `#` or letters and digits, then `;`.
fn looks_like_entity(after: &str) -> bool {
    let body = after
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
        .count();
    body > 0 && after.as_bytes().get(body) == Some(&b';')
}

/// Escapes text (whitespace normalised to single spaces) for a place inside
/// a line: a link label, an image's alt text, a table cell.
pub(super) fn escape_inline(text: &str) -> String {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| escape_word(w, false, false))
        .collect();
    words.join(" ")
}

/// A link or image destination: `url` with the characters that would end
/// or change it escaped. Tabs and line breaks are dropped (browsers drop
/// them from URLs); `<`, `>` and backticks are percent-encoded; a URL with
/// spaces or parentheses goes between angle brackets.
pub(super) fn link_destination(url: &str) -> String {
    let angle = url.contains([' ', '(', ')']);
    let mut s = String::with_capacity(url.len() + 2);
    if angle {
        s.push('<');
    }
    for (i, c) in url.char_indices() {
        match c {
            '\t' | '\n' | '\r' => {}
            '<' => s.push_str("%3C"),
            '>' => s.push_str("%3E"),
            '`' => s.push_str("%60"),
            '\\' => s.push_str("\\\\"),
            '&' if looks_like_entity(&url[i + 1..]) => s.push_str("\\&"),
            c if c.is_control() => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    s.push_str(&format!("%{b:02X}"));
                }
            }
            c => s.push(c),
        }
    }
    if angle {
        s.push('>');
    }
    s
}

/// Length of the longest run of `c` in `s`.
pub(super) fn longest_run(s: &str, c: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for x in s.chars() {
        if x == c {
            run += 1;
            best = best.max(run);
        } else {
            run = 0;
        }
    }
    best
}

/// An inline code span of `code`: line breaks become spaces (a code span
/// cannot hold a line that starts a block), the fence is one backtick longer
/// than the longest run inside, and padded with a space when the code starts
/// or ends with a backtick or with spaces at both ends (the padding CommonMark
/// strips). `None` for code that is only whitespace.
pub(super) fn code_span(code: &str) -> Option<String> {
    let code = code.replace(['\n', '\r'], " ");
    if code.trim().is_empty() {
        return None;
    }
    let fence = "`".repeat(longest_run(&code, '`') + 1);
    let pad = code.starts_with('`')
        || code.ends_with('`')
        || (code.starts_with(' ') && code.ends_with(' '));
    let sp = if pad { " " } else { "" };
    Some(format!("{fence}{sp}{code}{sp}{fence}"))
}

/// The fence of a fenced code block holding `code`: backticks, at least
/// three and more than the longest run of backticks or tildes in `code`, so
/// no line of it closes the block.
pub(super) fn code_fence(code: &str) -> String {
    let longest = longest_run(code, '`').max(longest_run(code, '~'));
    "`".repeat((longest + 1).max(3))
}

/// A code block's language name as its info string: kept only when it is
/// made of `[A-Za-z0-9_+.#-]` (at most 32 of them), else empty.
pub(super) fn language(name: &str) -> &str {
    let ok = !name.is_empty()
        && name.len() <= 32
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'+' | b'-' | b'.' | b'#'));
    if ok {
        name
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_starts_are_escaped_only_at_line_start() {
        for (word, want) in [
            ("#", "\\#"),
            ("##", "\\##"),
            (">", "\\>"),
            ("-", "\\-"),
            ("+", "\\+"),
            ("===", "\\==="),
            ("---", "\\---"),
            ("1.", "1\\."),
            ("2024)", "2024\\)"),
            ("1234567890.", "1234567890."),
            ("*", "\\*"),
            ("```", "\\`\\`\\`"),
            ("~~~", "\\~\\~\\~"),
            ("plain", "plain"),
        ] {
            assert_eq!(escape_word(word, true, false), want, "{word}");
        }
        assert_eq!(escape_word("-", false, false), "-");
        assert_eq!(escape_word("1.", false, false), "1.");
        assert_eq!(escape_word("#hash", false, false), "#hash");
        assert_eq!(escape_word("C#", false, true), "C\\#");
    }

    #[test]
    fn inline_escapes() {
        assert_eq!(escape_inline("a <b>|c</b>"), "a \\<b\\>\\|c\\</b\\>");
        assert_eq!(escape_inline("AT&T &amp; &#60;"), "AT&T \\&amp; \\&#60;");
        assert_eq!(escape_inline("[x](javascript:y)"), "\\[x\\](javascript:y)");
    }

    #[test]
    fn destinations_stay_one_destination() {
        assert_eq!(link_destination("https://e.org/a"), "https://e.org/a");
        assert_eq!(
            link_destination("https://e.org/a b(c)"),
            "<https://e.org/a b(c)>"
        );
        assert_eq!(
            link_destination("https://e.org/<x>`\\"),
            "https://e.org/%3Cx%3E%60\\\\"
        );
        assert_eq!(
            link_destination("https://e.org/?a&lt;b"),
            "https://e.org/?a\\&lt;b"
        );
    }

    #[test]
    fn code_spans_and_fences_outlast_their_content() {
        assert_eq!(code_span("a").as_deref(), Some("`a`"));
        assert_eq!(code_span("a`b").as_deref(), Some("``a`b``"));
        assert_eq!(code_span("`a").as_deref(), Some("`` `a ``"));
        assert_eq!(code_span("a\n\nb").as_deref(), Some("`a  b`"));
        assert_eq!(code_span(" \n"), None);
        assert_eq!(code_fence("x"), "```");
        assert_eq!(code_fence("```\n~~~~"), "`````");
        assert_eq!(language("rust"), "rust");
        assert_eq!(language("c++"), "c++");
        assert_eq!(language("x`y"), "");
        assert_eq!(language("a b"), "");
    }
}
