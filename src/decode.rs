//! Bytes to text, as a browser decodes a page, and a check that the bytes
//! are a document at all.
//!
//! [`decode`] follows the WHATWG encoding sniffing order: a byte order mark;
//! then the charset the caller was given (`--charset`, or the `Content-Type`
//! of a fetched page); then the `<meta>` prescan of the first 1024 bytes;
//! then windows-1252. Two departures, both for saved pages: bytes that are
//! valid UTF-8 (and not pure ASCII) are read as UTF-8 when only a `<meta>`
//! names another charset or nothing does (a page transcoded to UTF-8 when it
//! was saved keeps its old `<meta>`; Firefox and Chromium also detect UTF-8
//! in local files), and when the first 1024 bytes declare nothing, a
//! `<meta>` further into the first 64 KiB counts (Chromium looks through the
//! whole head). Decoding is done by `encoding_rs`, Firefox's decoder.
//!
//! [`binary_kind`] tells a file that is no document (a PDF, an archive, an
//! image, or NUL bytes with no markup) from a page, so a tool can refuse it
//! instead of "extracting" garbage.
//!
//! The browser build has no use for this module (the browser hands over
//! decoded text); it is built with the `decode` feature.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252, X_USER_DEFINED};

/// How many bytes the `<meta>` prescan looks at (WHATWG: 1024).
pub const PRESCAN_BYTES: usize = 1024;

/// How far the second, deeper `<meta>` scan looks when the first 1024 bytes
/// declare nothing and the bytes are not UTF-8.
const DEEP_SCAN_BYTES: usize = 64 * 1024;

/// How many leading bytes [`binary_kind`] looks at (the WHATWG MIME sniffing
/// "resource header").
const SNIFF_BYTES: usize = 1445;

/// Where the encoding [`decode`] used came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A byte order mark at the start of the bytes.
    Bom,
    /// The charset the caller gave (an option or a `Content-Type` header).
    Caller,
    /// A `<meta charset>` or `<meta http-equiv=content-type>` in the page.
    Meta,
    /// The bytes are valid UTF-8 and nothing stronger said otherwise.
    Utf8,
    /// Nothing declared and not UTF-8: windows-1252.
    Fallback,
}

/// A page's text and how it was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without its byte order mark.
    pub text: String,
    /// The WHATWG name of the encoding used, e.g. `"Shift_JIS"`.
    pub encoding: &'static str,
    /// Where that encoding came from.
    pub source: Source,
    /// Whether some bytes were malformed in that encoding (each became
    /// U+FFFD).
    pub had_errors: bool,
}

/// Whether `label` names an encoding the WHATWG Encoding Standard knows
/// (`"latin1"`, `"sjis"`, `"utf-8"`…).
pub fn is_known_label(label: &str) -> bool {
    Encoding::for_label(label.trim().as_bytes()).is_some()
}

/// The `charset` parameter of a `Content-Type` header value, e.g.
/// `"windows-1251"` from `text/html; charset="windows-1251"`.
pub fn charset_from_content_type(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        (!value.is_empty()).then_some(value)
    })
}

/// Decodes `bytes` as a browser would: BOM, then `charset` (the caller's,
/// ignored when it names no known encoding), then the `<meta>` prescan, then
/// windows-1252; valid UTF-8 wins over a `<meta>` and over the fallback
/// (see the module's documentation).
pub fn decode(bytes: &[u8], charset: Option<&str>) -> Decoded {
    let (encoding, bom_len, source) = sniff(bytes, charset, || std::str::from_utf8(bytes).is_ok());
    run(encoding, &bytes[bom_len..], source)
}

/// [`decode`] of bytes the caller hands over: when the text is the bytes
/// themselves (valid UTF-8 read as UTF-8, or ASCII in an encoding that
/// reads ASCII as ASCII), they become the text without a copy, and without
/// a pass of the decoder. The bytes are checked for UTF-8 once.
pub fn decode_owned(bytes: Vec<u8>, charset: Option<&str>) -> Decoded {
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => {
            let (encoding, bom_len, source) = sniff(text.as_bytes(), charset, || true);
            if bom_len == 0
                && (encoding == UTF_8 || (encoding.is_ascii_compatible() && text.is_ascii()))
            {
                return Decoded {
                    text,
                    encoding: encoding.name(),
                    source,
                    had_errors: false,
                };
            }
            return run(encoding, &text.as_bytes()[bom_len..], source);
        }
        Err(e) => e.into_bytes(),
    };
    let (encoding, bom_len, source) = sniff(&bytes, charset, || false);
    run(encoding, &bytes[bom_len..], source)
}

/// The encoding [`decode`] reads `bytes` in, the length of the byte order
/// mark before the text, and where the encoding came from; `valid_utf8`
/// tells whether the bytes are UTF-8 (asked only when they are not ASCII).
fn sniff(
    bytes: &[u8],
    charset: Option<&str>,
    valid_utf8: impl FnOnce() -> bool,
) -> (&'static Encoding, usize, Source) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return (encoding, bom_len, Source::Bom);
    }
    if let Some(encoding) = charset.and_then(|c| Encoding::for_label(c.trim().as_bytes())) {
        return (encoding, 0, Source::Caller);
    }
    let utf8 = !bytes.is_ascii() && valid_utf8();
    let declared = prescan(&bytes[..bytes.len().min(PRESCAN_BYTES)]);
    match declared {
        Some(encoding) if encoding == UTF_8 || !utf8 => (encoding, 0, Source::Meta),
        _ if utf8 => (UTF_8, 0, Source::Utf8),
        _ => match prescan(&bytes[..bytes.len().min(DEEP_SCAN_BYTES)]) {
            Some(encoding) => (encoding, 0, Source::Meta),
            None => (WINDOWS_1252, 0, Source::Fallback),
        },
    }
}

fn run(encoding: &'static Encoding, bytes: &[u8], source: Source) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        source,
        had_errors,
    }
}

/// What kind of non-document `bytes` are, or `None` when they may be a page:
/// a known binary signature (PDF, ZIP, gzip, PNG, JPEG, GIF, WebP, ELF,
/// WebAssembly, 7z, RAR, xz, zstd, SQLite, WOFF), or NUL bytes in the first
/// 1445 with no HTML tag among them. A page marked by a UTF-16 byte order
/// mark is never binary (its ASCII characters carry NUL bytes).
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive"),
        (b"PK\x05\x06", "a ZIP archive"),
        (b"\x1f\x8b", "gzip data"),
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"\x7fELF", "an ELF executable"),
        (b"\x00asm", "a WebAssembly module"),
        (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
        (b"Rar!\x1a\x07", "a RAR archive"),
        (b"\xfd7zXZ\x00", "xz data"),
        (b"\x28\xb5\x2f\xfd", "zstd data"),
        (b"SQLite format 3\x00", "an SQLite database"),
        (b"wOFF", "a WOFF font"),
        (b"wOF2", "a WOFF2 font"),
    ];
    if let Some((_, kind)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Some(kind);
    }
    if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return Some("a WebP image");
    }
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return None;
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    (head.contains(&0) && !has_html_tag(head)).then_some("binary data (NUL bytes and no markup)")
}

/// Whether `head` holds the start of a common HTML tag (`<html`, `<p>`…),
/// ASCII case-insensitively.
fn has_html_tag(head: &[u8]) -> bool {
    const TAGS: &[&[u8]] = &[
        b"<!doctype",
        b"<html",
        b"<head",
        b"<body",
        b"<meta",
        b"<title",
        b"<div",
        b"<p>",
        b"<p ",
        b"<article",
        b"<script",
        b"<link",
        b"<!--",
    ];
    memchr::memchr_iter(b'<', head).any(|i| TAGS.iter().any(|t| starts_with_ci(&head[i..], t)))
}

/// The WHATWG "prescan a byte stream to determine its encoding" over
/// `bytes`: the encoding the first usable `<meta>` declares, UTF-16 read as
/// UTF-8 and x-user-defined as windows-1252.
pub fn prescan(bytes: &[u8]) -> Option<&'static Encoding> {
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        if rest.starts_with(b"<!--") {
            // Skip to the end of the comment; `<!-->` ends at once.
            i += 2 + find(&rest[2..], b"-->").map_or(rest.len(), |e| e + 3);
        } else if starts_with_ci(rest, b"<meta")
            && rest.get(5).is_some_and(|&b| is_space(b) || b == b'/')
        {
            let (found, end) = meta_charset(bytes, i + 5);
            if found.is_some() {
                return found;
            }
            i = end;
        } else if rest.len() > 2
            && rest[0] == b'<'
            && (rest[1].is_ascii_alphabetic() || (rest[1] == b'/' && rest[2].is_ascii_alphabetic()))
        {
            // A start or end tag: skip its name, then its attributes.
            let mut j = i + 1;
            while j < bytes.len() && !is_space(bytes[j]) && bytes[j] != b'>' {
                j += 1;
            }
            while let Some((_, _, next)) = attribute(bytes, j) {
                j = next;
            }
            i = j + 1;
        } else if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            i += find(rest, b">").map_or(rest.len(), |e| e + 1);
        } else {
            i += 1;
        }
    }
    None
}

/// The attributes of a `<meta` whose list starts at `at`: the encoding it
/// declares, if it is a usable declaration, and where the scan goes on.
fn meta_charset(bytes: &[u8], mut at: usize) -> (Option<&'static Encoding>, usize) {
    let mut seen: Vec<Vec<u8>> = Vec::new();
    let mut got_pragma = false;
    // None: no charset seen; Some(true): from `content`; Some(false): from `charset`.
    let mut need_pragma = None;
    let mut charset = None;
    while let Some((name, value, next)) = attribute(bytes, at) {
        at = next;
        if seen.contains(&name) {
            continue;
        }
        match name.as_slice() {
            b"http-equiv" if value.eq_ignore_ascii_case(b"content-type") => got_pragma = true,
            b"content" if charset.is_none() => {
                if let Some(enc) = charset_in_content(&value).and_then(Encoding::for_label) {
                    charset = Some(enc);
                    need_pragma = Some(true);
                }
            }
            b"charset" => {
                charset = Encoding::for_label(&value);
                need_pragma = Some(false);
            }
            _ => {}
        }
        seen.push(name);
    }
    let usable = match need_pragma {
        None => false,
        Some(true) => got_pragma,
        Some(false) => true,
    };
    let found = charset.filter(|_| usable).map(|enc| {
        if enc == UTF_16LE || enc == UTF_16BE {
            UTF_8
        } else if enc == X_USER_DEFINED {
            WINDOWS_1252
        } else {
            enc
        }
    });
    (found, at)
}

/// The WHATWG "get an attribute" step at `at`: the lower-cased name, the
/// value and where the next attribute starts; `None` at `>` or the end.
fn attribute(bytes: &[u8], mut at: usize) -> Option<(Vec<u8>, Vec<u8>, usize)> {
    while at < bytes.len() && (is_space(bytes[at]) || bytes[at] == b'/') {
        at += 1;
    }
    if at >= bytes.len() || bytes[at] == b'>' {
        return None;
    }
    let mut name = Vec::new();
    let mut value = Vec::new();
    // The name.
    loop {
        let b = *bytes.get(at)?;
        if b == b'=' && !name.is_empty() {
            at += 1;
            break;
        }
        if is_space(b) {
            while bytes.get(at).is_some_and(|&b| is_space(b)) {
                at += 1;
            }
            if bytes.get(at) != Some(&b'=') {
                return Some((name, value, at));
            }
            at += 1;
            break;
        }
        if b == b'/' || b == b'>' {
            return Some((name, value, at));
        }
        name.push(b.to_ascii_lowercase());
        at += 1;
    }
    // The value.
    while bytes.get(at).is_some_and(|&b| is_space(b)) {
        at += 1;
    }
    let quote = *bytes.get(at)?;
    if quote == b'"' || quote == b'\'' {
        at += 1;
        loop {
            let b = *bytes.get(at)?;
            at += 1;
            if b == quote {
                return Some((name, value, at));
            }
            value.push(b.to_ascii_lowercase());
        }
    }
    if quote == b'>' {
        return Some((name, value, at));
    }
    loop {
        let b = *bytes.get(at)?;
        if is_space(b) || b == b'>' {
            return Some((name, value, at));
        }
        value.push(b.to_ascii_lowercase());
        at += 1;
    }
}

/// The WHATWG "extract a character encoding from a meta element" step: the
/// label after `charset=` in a `content` value.
fn charset_in_content(content: &[u8]) -> Option<&[u8]> {
    let mut from = 0;
    loop {
        let at = from + find(&content[from..], b"charset")?;
        let mut i = at + "charset".len();
        while content.get(i).is_some_and(|&b| is_space(b)) {
            i += 1;
        }
        if content.get(i) != Some(&b'=') {
            from = i;
            continue;
        }
        i += 1;
        while content.get(i).is_some_and(|&b| is_space(b)) {
            i += 1;
        }
        return match *content.get(i)? {
            q @ (b'"' | b'\'') => {
                let rest = &content[i + 1..];
                find(rest, &[q]).map(|end| &rest[..end])
            }
            _ => {
                let rest = &content[i..];
                let end = rest
                    .iter()
                    .position(|&b| is_space(b) || b == b';')
                    .unwrap_or(rest.len());
                Some(&rest[..end])
            }
        };
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

fn starts_with_ci(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes
        .get(..prefix.len())
        .is_some_and(|s| s.eq_ignore_ascii_case(prefix))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(html: &str) -> Option<&'static str> {
        prescan(html.as_bytes()).map(Encoding::name)
    }

    #[test]
    fn prescan_reads_both_meta_forms() {
        assert_eq!(meta("<meta charset=\"ISO-8859-1\">"), Some("windows-1252"));
        assert_eq!(meta("<META CHARSET=sjis>"), Some("Shift_JIS"));
        assert_eq!(
            meta("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\">"),
            Some("EUC-KR")
        );
        // `content` without the pragma does not count.
        assert_eq!(meta("<meta content=\"text/html; charset=euc-kr\">"), None);
        // UTF-16 in a meta means UTF-8.
        assert_eq!(meta("<meta charset=utf-16le>"), Some("UTF-8"));
        // Inside a comment or an attribute of another tag, it is not a meta.
        assert_eq!(meta("<!-- <meta charset=koi8-r> --><p>"), None);
        assert_eq!(meta("<a title='<meta charset=koi8-r>'>x</a>"), None);
        // An unknown label is skipped and the next meta counts.
        assert_eq!(meta("<meta charset=bogus><meta charset=gbk>"), Some("GBK"));
    }

    #[test]
    fn content_type_charset() {
        assert_eq!(
            charset_from_content_type("text/html; charset=\"Windows-1251\""),
            Some("Windows-1251")
        );
        assert_eq!(charset_from_content_type("text/html"), None);
        assert_eq!(charset_from_content_type("text/html;charset="), None);
    }

    #[test]
    fn decode_owned_gives_what_decode_gives() {
        let inputs: &[(&[u8], Option<&str>)] = &[
            (b"<p>plain</p>", None),
            (b"<meta charset=iso-8859-1><p>plain</p>", None),
            (b"<meta charset=iso-8859-1><p>Gr\xfc\xdfe</p>", None),
            ("<meta charset=gb2312><p>Grüße</p>".as_bytes(), None),
            (b"<p>caf\xe9</p>", Some("utf-8")),
            (b"<p>caf\xe9</p>", None),
            (b"\xef\xbb\xbf<p>plain</p>", None),
            (b"<p>\x1b$B plain</p>", Some("iso-2022-jp")),
            (b"<p>plain</p>", Some("utf-16le")),
            (b"<p>plain</p>", Some("x-user-defined")),
        ];
        for &(bytes, charset) in inputs {
            assert_eq!(
                decode_owned(bytes.to_vec(), charset),
                decode(bytes, charset),
                "{bytes:?} {charset:?}"
            );
        }
    }

    #[test]
    fn order_bom_caller_meta_utf8_fallback() {
        let latin = b"<meta charset=iso-8859-1><p>Gr\xfc\xdfe</p>";
        let d = decode(latin, None);
        assert_eq!((d.encoding, d.source), ("windows-1252", Source::Meta));
        assert!(d.text.contains("Grüße"));
        // The caller's charset beats the meta.
        let d = decode(latin, Some("koi8-r"));
        assert_eq!(d.source, Source::Caller);
        // A BOM beats both.
        let mut bommed = b"\xef\xbb\xbf".to_vec();
        bommed.extend_from_slice("<meta charset=iso-8859-1><p>Grüße</p>".as_bytes());
        let d = decode(&bommed, Some("koi8-r"));
        assert_eq!((d.encoding, d.source), ("UTF-8", Source::Bom));
        assert!(d.text.starts_with("<meta") && d.text.contains("Grüße"));
        // Valid UTF-8 beats a meta naming another charset.
        let d = decode("<meta charset=gb2312><p>Grüße</p>".as_bytes(), None);
        assert_eq!((d.encoding, d.source), ("UTF-8", Source::Utf8));
        // Nothing declared, not UTF-8: windows-1252.
        let d = decode(b"<p>caf\xe9</p>", None);
        assert_eq!(
            (d.text.as_str(), d.source),
            ("<p>café</p>", Source::Fallback)
        );
        // Pure ASCII with no declaration.
        assert_eq!(decode(b"<p>plain</p>", None).source, Source::Fallback);
    }

    #[test]
    fn binary_signatures_and_nul_bytes() {
        assert_eq!(binary_kind(b"%PDF-1.7\n"), Some("a PDF document"));
        assert_eq!(binary_kind(b"\x89PNG\r\n\x1a\n\0\0"), Some("a PNG image"));
        assert!(binary_kind(b"\x01\x02\0\0\x7f random").is_some());
        assert_eq!(binary_kind(b"<html><body>\0</body></html>"), None);
        assert_eq!(binary_kind(b"<p>text</p>"), None);
        assert_eq!(binary_kind(b"\xff\xfe<\0p\0>\0"), None);
        assert_eq!(binary_kind(b""), None);
    }
}
