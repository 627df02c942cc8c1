//! The sanitiser's allow-list: the tags and attributes it writes, and the
//! URLs it keeps.

/// Elements written out (with only their allowed attributes).
pub(super) const ALLOWED_TAGS: &[&str] = &[
    "a",
    "abbr",
    "article",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "picture",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "section",
    "small",
    "source",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
];

pub(super) const VOID_TAGS: &[&str] = &["br", "hr", "img", "source", "col", "wbr"];

/// The allowed attributes of `tag`, besides the global `lang`, `dir`, `title`.
fn allowed_attr(tag: &str, attr: &str) -> bool {
    matches!(attr, "lang" | "dir" | "title")
        || matches!(
            (tag, attr),
            ("a", "href")
                | (
                    "img",
                    "src" | "srcset" | "alt" | "width" | "height" | "sizes"
                )
                | ("source", "srcset" | "type" | "media" | "sizes")
                | ("blockquote" | "q" | "del" | "ins", "cite")
                | ("time" | "del" | "ins", "datetime")
                | ("ol", "start" | "reversed" | "type")
                | ("li", "value")
                | ("td" | "th", "colspan" | "rowspan" | "headers")
                | ("th", "scope" | "abbr")
                | ("col" | "colgroup", "span")
                | ("abbr" | "dfn", "title")
                | ("details", "open")
                | ("code" | "pre", "class")
        )
}

/// Strips what browsers strip from URLs before reading the scheme (ASCII
/// whitespace and control characters) and lowercases it.
fn url_scheme(url: &str) -> Option<String> {
    // The scheme of the URL with whitespace and controls removed: what comes
    // before the first `:`, unless a `/`, `?` or `#` comes first.
    let mut scheme = String::new();
    for c in url.chars() {
        match c {
            c if c.is_ascii_whitespace() || c.is_ascii_control() => {}
            ':' => return Some(scheme),
            '/' | '?' | '#' => return None,
            c => scheme.push(c.to_ascii_lowercase()),
        }
    }
    None
}

/// Whether `s` starts with the ASCII string `prefix`, ignoring ASCII case.
fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Whether `url` holds a control character (Unicode `Cc`) other than tab,
/// line feed and carriage return.
fn has_control(url: &str) -> bool {
    let bytes = url.as_bytes();
    let control_at = |i: usize| match bytes[i] {
        b'\t' | b'\n' | b'\r' => false,
        0..=0x1f | 0x7f => true,
        // U+0080..=U+009F are C2 80..=C2 9F in UTF-8.
        0xc2 => matches!(bytes.get(i + 1), Some(0x80..=0x9f)),
        _ => false,
    };
    // Eight bytes at a time: a word with no byte below 0x20, no 0x7f and no
    // 0xc2 (most of a URL, all of a long base64 `data:` URL) holds no control.
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut i = 0;
    for word in bytes.chunks_exact(8) {
        let w = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        let suspects = zero_bytes(w & (ONES * 0xe0))
            | zero_bytes(w ^ (ONES * 0x7f))
            | zero_bytes(w ^ (ONES * 0xc2));
        if suspects != 0 && (i..i + 8).any(control_at) {
            return true;
        }
        i += 8;
    }
    (i..bytes.len()).any(control_at)
}

/// 0x80 in each byte of `w` that is zero, 0 in the others (exact: no false
/// hits next to a zero byte, unlike the carry-based test).
const fn zero_bytes(w: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    !(((w & LOW7) + LOW7) | w | LOW7)
}

/// True if `url` is safe for attribute `attr`.
pub fn safe_url(attr: &str, url: &str) -> bool {
    if has_control(url) {
        return false;
    }
    match url_scheme(url) {
        None => true,
        Some(s) => match s.as_str() {
            "http" | "https" => true,
            "mailto" => attr == "href",
            "data" => {
                attr == "src" && {
                    let l = url.trim_start();
                    [
                        "data:image/png",
                        "data:image/gif",
                        "data:image/jpeg",
                        "data:image/webp",
                        "data:image/avif",
                    ]
                    .iter()
                    .any(|p| starts_with_ignore_case(l, p))
                }
            }
            _ => false,
        },
    }
}

fn safe_srcset(srcset: &str) -> bool {
    srcset
        .split(',')
        .filter_map(|c| c.split_whitespace().next())
        .all(|u| safe_url("srcset", u) && !starts_with_ignore_case(u, "data:"))
}

pub(super) fn attr_ok(tag: &str, name: &str, value: &str) -> bool {
    if !allowed_attr(tag, name) {
        return false;
    }
    match name {
        "href" | "src" | "cite" => safe_url(name, value),
        "srcset" => safe_srcset(value),
        "class" => value
            .split_whitespace()
            .all(|c| c.starts_with("language-") || c.starts_with("lang-")),
        "dir" => matches!(
            value.trim().to_ascii_lowercase().as_str(),
            "ltr" | "rtl" | "auto"
        ),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_with_controls_or_unsafe_schemes_are_refused() {
        assert!(safe_url("href", "https://example.com/a\tb\nc\r"));
        assert!(!safe_url("href", "https://example.com/\u{1}"));
        assert!(!safe_url("href", "https://example.com/\u{7f}"));
        // C1 controls (C2 80..9F in UTF-8) are controls; U+00A0 and U+0100 are not.
        assert!(!safe_url("href", "https://example.com/\u{85}"));
        assert!(!safe_url("href", "https://example.com/\u{9f}"));
        assert!(safe_url("href", "https://example.com/\u{a0}\u{100}\u{e9}"));
        assert!(!safe_url("href", " Java\tScript:alert(1)"));
        assert!(safe_url("href", "MailTo:a@example.com"));
        assert!(!safe_url("src", "mailto:a@example.com"));
        assert!(safe_url("href", "path/with:colon-after/slash"));
        assert!(!safe_url("href", "no-slash:colon"));
        assert!(safe_url("src", " DATA:Image/PNG;base64,AAAA"));
        assert!(!safe_url("src", "data:image/svg+xml,<svg/>"));
        assert!(!safe_url("src", "data:text/html,x"));
        assert!(!safe_url("href", "data:image/png;base64,AAAA"));
        assert!(!safe_url("src", "d\u{e9}ta:image/png"));
        assert!(safe_srcset("a.png 1x, https://e.com/b.png 2x"));
        assert!(!safe_srcset("a.png 1x, DATA:image/png;base64,AAAA 2x"));
    }

    /// The word-at-a-time control check agrees with the byte-wise rule for
    /// every kind of byte at every position of a URL up to 24 bytes long,
    /// around and across word boundaries (a C1 control's two bytes split
    /// between two words included).
    #[test]
    fn control_check_agrees_with_bytewise_rule() {
        let bytewise = |url: &str| {
            let b = url.as_bytes();
            (0..b.len()).any(|i| match b[i] {
                b'\t' | b'\n' | b'\r' => false,
                0..=0x1f | 0x7f => true,
                0xc2 => matches!(b.get(i + 1), Some(0x80..=0x9f)),
                _ => false,
            })
        };
        let inserts = [
            "\u{0}", "\u{1}", "\u{1f}", "\t", "\n", "\r", " ", "\u{7f}", "\u{80}", "\u{85}",
            "\u{9f}", "\u{a0}", "\u{100}", "\u{e9}", "!", "~",
        ];
        for len in 0..24 {
            for at in 0..=len {
                for ins in inserts {
                    let url = format!("{}{ins}{}", "a".repeat(at), "b".repeat(len - at));
                    assert_eq!(has_control(&url), bytewise(&url), "{url:?}");
                }
            }
        }
    }
}
