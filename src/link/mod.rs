//! Link resolution: a small URL parser and reference resolver for the hrefs
//! and srcs of a page.
//!
//! Follows the WHATWG URL standard's basic parser for what matters to links:
//! scheme detection, `//host`, `?query`, `#fragment`, dot-segment removal,
//! backslashes as slashes in special schemes (`http`, `https`, `ws`, `wss`,
//! `ftp`, `file`), stripping of surrounding controls and spaces and of tabs
//! and newlines anywhere, default ports dropped, percent-encoding of the
//! characters the standard encodes. ASCII hosts are lowercased and numeric
//! IPv4 hosts normalised; non-ASCII hosts are kept as they are (no IDNA), and
//! IPv6 hosts are only lowercased. This replaces the `url` crate, whose
//! Unicode tables were a large part of the wasm module.
//!
//! Percent-encoding is in `encode`, host and authority parsing in `host`.

mod encode;
mod host;

use std::fmt;

mod absolutize;
mod srcset;
pub use absolutize::{absolutize, absolutize_srcset};
use encode::{encode, Set};
use host::{parse_authority, special_host};
pub use srcset::{srcset_candidates, Candidate};

/// An absolute URL, split into the parts reference resolution needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url {
    /// Lowercase scheme, without the `:`.
    scheme: String,
    /// `//userinfo@host:port`, when the URL has an authority.
    authority: Option<Authority>,
    path: Path,
    query: Option<String>,
    fragment: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Authority {
    /// `user` or `user:password`, percent-encoded; empty when absent.
    userinfo: String,
    host: String,
    port: Option<u16>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Path {
    /// The path of a URL that cannot be a base (`mailto:a@b`, `data:...`).
    Opaque(String),
    /// `/`-separated segments, each percent-encoded.
    Segments(Vec<String>),
}

fn is_special(scheme: &str) -> bool {
    matches!(scheme, "http" | "https" | "ws" | "wss" | "ftp" | "file")
}

fn default_port(scheme: &str) -> Option<u16> {
    match scheme {
        "http" | "ws" => Some(80),
        "https" | "wss" => Some(443),
        "ftp" => Some(21),
        _ => None,
    }
}

/// True for `/`, and for `\` in a special scheme.
fn is_slash(c: char, special: bool) -> bool {
    c == '/' || (special && c == '\\')
}

/// Drops leading and trailing C0 controls and spaces, and every tab and
/// newline.
fn preprocess(input: &str) -> String {
    let trimmed = input.trim_matches(|c: char| c <= ' ');
    if !trimmed.bytes().any(|b| matches!(b, b'\t' | b'\n' | b'\r')) {
        return trimmed.to_owned();
    }
    trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// `scheme:` at the start of `s`: the lowercased scheme and the rest.
fn split_scheme(s: &str) -> Option<(String, &str)> {
    let colon = s.find(':')?;
    let scheme = &s[..colon];
    let mut bytes = scheme.bytes();
    let first_ok = bytes.next().is_some_and(|b| b.is_ascii_alphabetic());
    if !first_ok || !bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')) {
        return None;
    }
    Some((scheme.to_ascii_lowercase(), &s[colon + 1..]))
}

/// Splits `s` before the first `?` or `#`.
fn split_path_end(s: &str) -> (&str, &str) {
    let end = s
        .bytes()
        .position(|b| b == b'?' || b == b'#')
        .unwrap_or(s.len());
    s.split_at(end)
}

fn is_single_dot(seg: &str) -> bool {
    seg == "." || seg.eq_ignore_ascii_case("%2e")
}

fn is_double_dot(seg: &str) -> bool {
    match seg.len() {
        2 => seg == "..",
        4 => seg.eq_ignore_ascii_case(".%2e") || seg.eq_ignore_ascii_case("%2e."),
        6 => seg.eq_ignore_ascii_case("%2e%2e"),
        _ => false,
    }
}

/// Appends the segments of `input` (a path without its leading slash, up to
/// but excluding any `?` or `#`) to `segments`, removing dot segments.
fn push_path(segments: &mut Vec<String>, input: &str, special: bool) {
    let mut pieces = input.split(|c| is_slash(c, special)).peekable();
    while let Some(piece) = pieces.next() {
        let last = pieces.peek().is_none();
        if is_double_dot(piece) {
            segments.pop();
            if last {
                segments.push(String::new());
            }
        } else if is_single_dot(piece) {
            if last {
                segments.push(String::new());
            }
        } else {
            segments.push(encode(piece, Set::Path));
        }
    }
}
impl Url {
    /// Parses an absolute URL. Returns `None` when `input` is relative or
    /// invalid (an empty host in `http:`, a bad port, a forbidden host
    /// character).
    pub fn parse(input: &str) -> Option<Url> {
        parse(&preprocess(input), None)
    }

    /// Resolves `reference` (an href, a src) against this URL, as a browser
    /// does. Returns `None` when it does not give a valid URL (for
    /// instance a relative path against a `mailto:` base).
    pub fn join(&self, reference: &str) -> Option<Url> {
        parse(&preprocess(reference), Some(self))
    }

    /// The scheme, lowercase, without its `:`.
    pub fn scheme(&self) -> &str {
        &self.scheme
    }

    /// The host, if the URL has a non-empty one.
    pub fn host(&self) -> Option<&str> {
        self.authority
            .as_ref()
            .map(|a| a.host.as_str())
            .filter(|h| !h.is_empty())
    }

    /// The last non-empty segment of the path, percent-encoded
    /// (`"story-title.html"` of `https://a.b/news/story-title.html`);
    /// `None` for the root path or an opaque one (`mailto:a@b`).
    pub fn last_segment(&self) -> Option<&str> {
        match &self.path {
            Path::Segments(s) => s.iter().rev().map(String::as_str).find(|s| !s.is_empty()),
            Path::Opaque(_) => None,
        }
    }

    /// True when the URL has a non-empty host (`https://a.b/`, not
    /// `mailto:x` or `file:///x`).
    pub fn has_host(&self) -> bool {
        self.host().is_some()
    }

    fn without_fragment(&self) -> Url {
        Url {
            fragment: None,
            ..self.clone()
        }
    }

    /// This URL with its fragment replaced by `f` (not yet encoded).
    fn with_fragment(&self, f: &str) -> Url {
        Url {
            fragment: Some(encode(f, Set::Fragment)),
            ..self.clone()
        }
    }

    /// Sets the query and fragment from `rest`, which is empty or starts
    /// with `?` or `#`.
    fn finish(mut self, rest: &str) -> Url {
        let (query, fragment) = match rest.find('#') {
            Some(i) => (&rest[..i], Some(&rest[i + 1..])),
            None => (rest, None),
        };
        self.query = query.strip_prefix('?').map(|q| {
            let set = if is_special(&self.scheme) {
                Set::SpecialQuery
            } else {
                Set::Query
            };
            encode(q, set)
        });
        self.fragment = fragment.map(|f| encode(f, Set::Fragment));
        self
    }
}

/// The basic URL parser on preprocessed input, with an optional base.
fn parse(s: &str, base: Option<&Url>) -> Option<Url> {
    if let Some((scheme, rest)) = split_scheme(s) {
        let special = is_special(&scheme);
        if scheme == "file" {
            return parse_file(rest, base.filter(|b| b.scheme == "file"));
        }
        if special {
            let slashes = rest.chars().take_while(|&c| is_slash(c, true)).count();
            if let Some(b) = base.filter(|b| b.scheme == scheme && slashes < 2) {
                return relative(rest, b);
            }
            return after_slashes(scheme, rest.trim_start_matches(['/', '\\']));
        }
        if let Some(r) = rest.strip_prefix("//") {
            return after_slashes(scheme, r);
        }
        let (path, tail) = split_path_end(rest);
        let path = match path.strip_prefix('/') {
            Some(p) => {
                let mut segments = Vec::new();
                push_path(&mut segments, p, false);
                Path::Segments(segments)
            }
            None => Path::Opaque(encode(path, Set::Controls)),
        };
        let url = Url {
            scheme,
            authority: None,
            path,
            query: None,
            fragment: None,
        };
        return Some(url.finish(tail));
    }
    let base = base?;
    if let Some(f) = s.strip_prefix('#') {
        return Some(base.with_fragment(f));
    }
    if matches!(base.path, Path::Opaque(_)) {
        return None;
    }
    if base.scheme == "file" {
        return parse_file(s, Some(base));
    }
    relative(s, base)
}

/// The authority and what follows, for `scheme` once the `//` is consumed.
fn after_slashes(scheme: String, s: &str) -> Option<Url> {
    let special = is_special(&scheme);
    let end = s
        .find(|c: char| matches!(c, '?' | '#') || is_slash(c, special))
        .unwrap_or(s.len());
    let authority = parse_authority(&scheme, &s[..end])?;
    let rest = &s[end..];
    let (path, tail) = split_path_end(rest);
    let mut segments = Vec::new();
    match path.chars().next() {
        Some(c) if is_slash(c, special) => push_path(&mut segments, &path[1..], special),
        _ if special => segments.push(String::new()),
        _ => {}
    }
    let url = Url {
        scheme,
        authority: Some(authority),
        path: Path::Segments(segments),
        query: None,
        fragment: None,
    };
    Some(url.finish(tail))
}

/// The relative state: `s` has no scheme (or the base's special scheme
/// without `//`).
fn relative(s: &str, base: &Url) -> Option<Url> {
    let special = is_special(&base.scheme);
    let Some(first) = s.chars().next() else {
        return Some(base.without_fragment());
    };
    match first {
        '?' => return Some(base.clone().finish(s)),
        '#' => return Some(base.with_fragment(&s[1..])),
        _ => {}
    }
    let mut segments = match &base.path {
        Path::Segments(v) => v.clone(),
        Path::Opaque(_) => return None,
    };
    let (path, tail) = split_path_end(s);
    if is_slash(first, special) {
        let rest = &s[1..];
        if rest.chars().next().is_some_and(|c| is_slash(c, special)) {
            let after = if special {
                rest.trim_start_matches(['/', '\\'])
            } else {
                &rest[1..]
            };
            return after_slashes(base.scheme.clone(), after);
        }
        segments.clear();
        push_path(&mut segments, &path[1..], special);
    } else {
        segments.pop();
        push_path(&mut segments, path, special);
    }
    let url = Url {
        scheme: base.scheme.clone(),
        authority: base.authority.clone(),
        path: Path::Segments(segments),
        query: None,
        fragment: None,
    };
    Some(url.finish(tail))
}

/// A Windows drive letter: `C:` or `C|`.
fn is_drive_letter(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 2 && b[0].is_ascii_alphabetic() && matches!(b[1], b':' | b'|')
}

/// The file state: `s` follows `file:` (or is relative to a `file:` base).
fn parse_file(s: &str, base: Option<&Url>) -> Option<Url> {
    let file = |host: String, segments: Vec<String>, tail: &str| {
        let url = Url {
            scheme: "file".to_string(),
            authority: Some(Authority {
                userinfo: String::new(),
                host,
                port: None,
            }),
            path: Path::Segments(segments),
            query: None,
            fragment: None,
        };
        Some(url.finish(tail))
    };
    let base_host = || {
        base.and_then(|b| b.authority.as_ref())
            .map(|a| a.host.clone())
            .unwrap_or_default()
    };
    let mut chars = s.chars();
    if chars.next().is_some_and(|c| is_slash(c, true)) {
        let rest = &s[1..];
        if rest.chars().next().is_some_and(|c| is_slash(c, true)) {
            let rest = &rest[1..];
            let end = rest.find(['/', '\\', '?', '#']).unwrap_or(rest.len());
            let raw = &rest[..end];
            let (host, after) = if is_drive_letter(raw) {
                (String::new(), rest)
            } else if raw.is_empty() {
                (String::new(), &rest[end..])
            } else {
                let h = special_host(raw)?;
                (
                    if h == "localhost" { String::new() } else { h },
                    &rest[end..],
                )
            };
            let (path, tail) = split_path_end(after);
            let mut segments = Vec::new();
            let path = path.strip_prefix(['/', '\\']).unwrap_or(path);
            push_path(&mut segments, path, true);
            return file(host, segments, tail);
        }
        let (path, tail) = split_path_end(rest);
        let mut segments = Vec::new();
        push_path(&mut segments, path, true);
        return file(base_host(), segments, tail);
    }
    if let Some(b) = base {
        if s.is_empty() {
            return Some(b.without_fragment());
        }
        if s.starts_with('?') {
            return Some(b.clone().finish(s));
        }
        let mut segments = match &b.path {
            Path::Segments(v) => v.clone(),
            Path::Opaque(_) => Vec::new(),
        };
        segments.pop();
        let (path, tail) = split_path_end(s);
        push_path(&mut segments, path, true);
        return file(base_host(), segments, tail);
    }
    let (path, tail) = split_path_end(s);
    let mut segments = Vec::new();
    push_path(&mut segments, path, true);
    file(String::new(), segments, tail)
}

impl fmt::Display for Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.scheme)?;
        f.write_str(":")?;
        if let Some(a) = &self.authority {
            f.write_str("//")?;
            if !a.userinfo.is_empty() {
                write!(f, "{}@", a.userinfo)?;
            }
            f.write_str(&a.host)?;
            if let Some(p) = a.port {
                write!(f, ":{p}")?;
            }
        }
        match &self.path {
            Path::Opaque(p) => f.write_str(p)?,
            Path::Segments(segments) => {
                if self.authority.is_none() && segments.len() > 1 && segments[0].is_empty() {
                    f.write_str("/.")?;
                }
                for s in segments {
                    f.write_str("/")?;
                    f.write_str(s)?;
                }
            }
        }
        if let Some(q) = &self.query {
            write!(f, "?{q}")?;
        }
        if let Some(fr) = &self.fragment {
            write!(f, "#{fr}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join(base: &str, reference: &str) -> Option<String> {
        Url::parse(base)
            .expect("base parses")
            .join(reference)
            .map(|u| u.to_string())
    }

    #[test]
    fn resolves_rfc_3986_normal_examples() {
        // RFC 3986 section 5.4.1, base "http://a/b/c/d;p?q".
        let base = "http://a/b/c/d;p?q";
        for (reference, want) in [
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g/"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"),
            ("g?y#s", "http://a/b/c/g?y#s"),
            (";x", "http://a/b/c/;x"),
            ("g;x", "http://a/b/c/g;x"),
            ("g;x?y#s", "http://a/b/c/g;x?y#s"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../", "http://a/"),
            ("../../g", "http://a/g"),
        ] {
            assert_eq!(join(base, reference).as_deref(), Some(want), "{reference}");
        }
    }

    #[test]
    fn resolves_rfc_3986_abnormal_examples() {
        // RFC 3986 section 5.4.2.
        let base = "http://a/b/c/d;p?q";
        for (reference, want) in [
            ("../../../g", "http://a/g"),
            ("../../../../g", "http://a/g"),
            ("/./g", "http://a/g"),
            ("/../g", "http://a/g"),
            ("g.", "http://a/b/c/g."),
            (".g", "http://a/b/c/.g"),
            ("g..", "http://a/b/c/g.."),
            ("..g", "http://a/b/c/..g"),
            ("./../g", "http://a/b/g"),
            ("./g/.", "http://a/b/c/g/"),
            ("g/./h", "http://a/b/c/g/h"),
            ("g/../h", "http://a/b/c/h"),
            ("g;x=1/./y", "http://a/b/c/g;x=1/y"),
            ("g;x=1/../y", "http://a/b/c/y"),
            ("g?y/./x", "http://a/b/c/g?y/./x"),
            ("g#s/../x", "http://a/b/c/g#s/../x"),
            // WHATWG: a special scheme equal to the base's is relative.
            ("http:g", "http://a/b/c/g"),
        ] {
            assert_eq!(join(base, reference).as_deref(), Some(want), "{reference}");
        }
    }

    #[test]
    fn follows_whatwg_for_hrefs() {
        let base = "https://Example.COM:443/dir/page.html?x=1#top";
        for (reference, want) in [
            // Absolute URLs: scheme and host lowercased, default port dropped.
            ("HTTP://EXAMPLE.org:80/A", "http://example.org/A"),
            ("https://example.org:8443", "https://example.org:8443/"),
            ("https://example.org:0443/", "https://example.org/"),
            ("ftp://f.example/x", "ftp://f.example/x"),
            // Scheme-relative, also with backslashes and extra slashes.
            ("//cdn.example/i.png", "https://cdn.example/i.png"),
            ("\\\\cdn.example\\i.png", "https://cdn.example/i.png"),
            ("///cdn.example/i.png", "https://cdn.example/i.png"),
            // Backslashes are slashes in special schemes.
            ("a\\b\\c.png", "https://example.com/dir/a/b/c.png"),
            ("\\root.png", "https://example.com/root.png"),
            // Whitespace and controls around, tabs and newlines inside.
            ("  img.png \n", "https://example.com/dir/img.png"),
            ("im\tg.p\nng", "https://example.com/dir/img.png"),
            ("\u{1}x", "https://example.com/dir/x"),
            // Query and fragment only.
            ("?y=2", "https://example.com/dir/page.html?y=2"),
            ("#frag", "https://example.com/dir/page.html?x=1#frag"),
            ("", "https://example.com/dir/page.html?x=1"),
            // Percent-encoding: spaces, quotes, non-ASCII; existing escapes kept.
            ("a b.png", "https://example.com/dir/a%20b.png"),
            ("caf\u{e9}.png", "https://example.com/dir/caf%C3%A9.png"),
            ("x%20y", "https://example.com/dir/x%20y"),
            ("p?q=a b'c", "https://example.com/dir/p?q=a%20b%27c"),
            ("p#a b`", "https://example.com/dir/p#a%20b%60"),
            ("{x}|^", "https://example.com/dir/%7Bx%7D|^"),
            // Encoded dot segments count as dots.
            ("%2e%2E/x", "https://example.com/x"),
            ("a/%2e/b", "https://example.com/dir/a/b"),
            ("a/.%2e", "https://example.com/dir/"),
            // Userinfo, IPv4, ports.
            ("//user:pa ss@h.example/", "https://user:pa%20ss@h.example/"),
            ("//a@b@h.example/", "https://a%40b@h.example/"),
            ("//192.168.0.1:8080/", "https://192.168.0.1:8080/"),
            ("//0x7f.1/", "https://127.0.0.1/"),
            ("//h.example:/", "https://h.example/"),
            // Non-special and opaque schemes are kept.
            ("mailto:Someone@Example.com", "mailto:Someone@Example.com"),
            ("javascript:void(0)", "javascript:void(0)"),
            ("data:image/png;base64,AAAA", "data:image/png;base64,AAAA"),
            ("tel:+1 555", "tel:+1 555"),
            ("foo://Host/a/../b", "foo://Host/b"),
            ("foo:/a/./b", "foo:/a/b"),
            // Non-ASCII hosts are left as they are.
            ("//b\u{fc}cher.example/", "https://b\u{fc}cher.example/"),
            // file: URLs.
            ("file:///tmp/a/../b", "file:///tmp/b"),
            ("file://localhost/x", "file:///x"),
        ] {
            assert_eq!(
                join(base, reference).as_deref(),
                Some(want),
                "{reference:?}"
            );
        }
    }

    #[test]
    fn rejects_what_browsers_reject() {
        let base = "https://example.com/dir/";
        for reference in [
            "http://",
            "https://:80/",
            "http://exa mple.com/",
            "http://a<b/",
            "http://h.example:99999/",
            "http://h.example:8o/",
            "http://1.2.3.256/",
            "http://1.2.3.4.5/",
            "http://[::1/",
        ] {
            assert_eq!(join(base, reference), None, "{reference:?}");
        }
        assert!(Url::parse("relative/path").is_none());
        assert!(Url::parse("").is_none());
        assert!(Url::parse("  ").is_none());
        assert!(Url::parse("1http://x/").is_none());
        assert!(Url::parse("mailto:x").is_some());
    }

    #[test]
    fn a_base_without_hierarchy_only_takes_fragments() {
        assert_eq!(join("mailto:a@b.example", "x"), None);
        assert_eq!(join("mailto:a@b.example", "/x"), None);
        assert_eq!(
            join("mailto:a@b.example", "#f").as_deref(),
            Some("mailto:a@b.example#f")
        );
        assert_eq!(
            join("data:text/plain,hi", "https://h.example/").as_deref(),
            Some("https://h.example/")
        );
    }

    #[test]
    fn each_part_encodes_its_own_set_byte_by_byte() {
        // An opaque path encodes only controls and non-ASCII (every byte of
        // a character); tabs and newlines are removed, not encoded.
        assert_eq!(
            join(
                "https://h.example/",
                " data:image/png;base64,A B\t\nC\u{e9}\u{1}\u{20ac}\u{7f}\"<>{} "
            )
            .as_deref(),
            Some("data:image/png;base64,A BC%C3%A9%01%E2%82%AC%7F\"<>{}")
        );
        assert_eq!(
            join("https://h.example/", "/p a\"th/\u{e9}?q \"'#f \"`").as_deref(),
            Some("https://h.example/p%20a%22th/%C3%A9?q%20%22%27#f%20%22%60")
        );
        assert_eq!(
            join("foo://h.example/", "/x?'\u{e9}").as_deref(),
            Some("foo://h.example/x?'%C3%A9")
        );
    }

    #[test]
    fn non_special_bases_resolve_paths() {
        assert_eq!(
            join("foo://host/a/b", "c").as_deref(),
            Some("foo://host/a/c")
        );
        assert_eq!(join("foo://host", "c").as_deref(), Some("foo://host/c"));
        assert_eq!(
            join("foo://host/a", "//other/x").as_deref(),
            Some("foo://other/x")
        );
        assert_eq!(join("foo:/a/b", "..//x").as_deref(), Some("foo:/.//x"));
    }

    #[test]
    fn knows_hosts() {
        assert!(Url::parse("https://a.example/x").is_some_and(|u| u.has_host()));
        assert_eq!(
            Url::parse("https://A.example/x").and_then(|u| u.host().map(str::to_string)),
            Some("a.example".to_string())
        );
        assert!(Url::parse("mailto:x@y").is_some_and(|u| !u.has_host()));
        assert!(Url::parse("file:///x").is_some_and(|u| !u.has_host()));
        assert_eq!(
            Url::parse("HTTPS://x.example").map(|u| u.scheme().to_string()),
            Some("https".into())
        );
    }
}
