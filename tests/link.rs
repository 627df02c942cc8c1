//! `quire::link` against the `url` crate (a full WHATWG implementation, used
//! here only as a host-side reference): random hrefs built from the pieces
//! that make URL parsing hard must resolve to the same string, or fail in
//! both; and the resolver never panics on any input.
//!
//! Known, intended differences are kept out of the comparison (see
//! `in_scope`): non-ASCII hosts (the `url` crate applies IDNA, `link` leaves
//! them as they are), IPv6 literals, `file:` URLs' finer points, and a few
//! places where the `url` crate departs from the standard and `link` does
//! not.
//!
//! `PROPTEST_CASES=100000 cargo test --release --test link` runs longer.
#![cfg(not(target_arch = "wasm32"))] // host-only: uses host-only dev tools

mod common;

use proptest::prelude::*;
use quire::link::Url;

/// Pieces hrefs are made of, weighted towards the tricky ones.
const PIECES: &[&str] = &[
    "/",
    "/",
    "/",
    "//",
    "\\",
    ".",
    "..",
    "./",
    "../",
    "%2e",
    "%2E.",
    "?",
    "?",
    "#",
    "#",
    ":",
    "@",
    "a",
    "b",
    "C",
    "x.y",
    "img.png",
    "0",
    "8080",
    ":80",
    ":443",
    "1.2.3.4",
    "0x7f",
    " ",
    "\t",
    "\n",
    "\u{1}",
    "%",
    "%20",
    "%zz",
    "'",
    "\"",
    "<",
    ">",
    "`",
    "{",
    "}",
    "|",
    "^",
    "=",
    ";",
    "&",
    "+",
    "\u{e9}",
    "\u{2603}",
    "http:",
    "https:",
    "HTTP://",
    "ftp:",
    "ws:",
    "file:",
    "mailto:",
    "data:",
    "foo:",
    "javascript:",
    "//h.example",
    "//USER:pw@h.example",
    "\\\\h.example",
    "//h.example:",
    "//:80",
];

const BASES: &[&str] = &[
    "http://fakehost/test/page.html",
    "https://Example.com:8443/a/b/c.html?q=1#f",
    "https://example.com",
    "http://example.com/dir/",
    "https://user:pw@example.com/a;p?x",
    "ftp://files.example/pub/",
    "file:///home/u/doc.html",
    "foo://host/a/b",
    "foo:/a/b",
    "mailto:someone@example.com",
];

fn href() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..10).prop_map(|p| p.concat())
}

/// True when the comparison covers this case: the parts where `link`
/// deliberately differs from the `url` crate are left out.
fn in_scope(
    base: &str,
    href: &str,
    ours: &Option<Url>,
    theirs: &Result<url::Url, url::ParseError>,
) -> bool {
    // Non-ASCII hosts: the `url` crate applies IDNA (and rejects some), `link`
    // keeps them. IPv6: the `url` crate compresses, `link` lowercases.
    let host_differs = match theirs {
        Ok(u) => u
            .host_str()
            .is_some_and(|h| !h.is_ascii() || h.contains("xn--") || h.starts_with('[')),
        Err(_) => !href.is_ascii(),
    };
    // `file:` URLs (never a web page's link target) follow the standard's
    // outline only, without the drive-letter and empty-segment rules.
    let file = base.starts_with("file:") || href.to_ascii_lowercase().contains("file:");
    // Non-special URLs with an authority (`foo://h/`): the `url` crate reads
    // `\\` as `/` in places and accepts `//@`; `link` follows the standard.
    let scheme = match (theirs, ours) {
        (Ok(u), _) => Some(u.scheme().to_string()),
        (Err(_), Some(u)) => Some(u.scheme().to_string()),
        (Err(_), None) => None,
    };
    let special = ["http", "https", "ws", "wss", "ftp", "file"];
    let non_special_authority = scheme.is_some_and(|s| !special.contains(&s.as_str()))
        && (href.contains("//") || href.contains('\\') || base.starts_with("foo://"));
    // Against a special base the `url` crate reads `///host` as an empty
    // host (an error); the standard skips every slash, as browsers do.
    let slashes = href
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take_while(|&c| c == '/' || c == '\\')
        .count();
    let many_slashes = slashes > 2 && special.iter().any(|s| base.starts_with(s));
    !(host_differs || file || non_special_authority || many_slashes)
}

fn compare(
    base: &str,
    href: &str,
    ours: Option<Url>,
    theirs: Result<url::Url, url::ParseError>,
) -> Result<(), TestCaseError> {
    if in_scope(base, href, &ours, &theirs) {
        prop_assert_eq!(
            ours.map(|u| u.to_string()),
            theirs.ok().map(|u| u.to_string()),
            "base {:?} href {:?}",
            base,
            href
        );
    }
    Ok(())
}

fn check(base: &str, href: &str) -> Result<(), TestCaseError> {
    let ours = Url::parse(base).expect("base parses").join(href);
    let theirs = url::Url::parse(base).expect("base parses").join(href);
    compare(base, href, ours, theirs)
}

proptest! {
    #[test]
    fn joins_like_the_url_crate(base in prop::sample::select(BASES), href in href()) {
        check(base, &href)?;
    }

    #[test]
    fn parses_like_the_url_crate(href in href()) {
        compare("", &href, Url::parse(&href), url::Url::parse(&href))?;
    }

    #[test]
    fn never_panics(base in ".{0,40}", href in ".{0,60}") {
        if let Some(b) = Url::parse(&base) {
            let _ = b.join(&href).map(|u| u.to_string());
        }
        let _ = Url::parse(&href).map(|u| u.has_host());
    }
}

/// Every href, src and srcset URL of the Readability test pages resolves
/// as the `url` crate resolves it, against the page URL the golden tests
/// use (and each page's `<base href>`). Skipped with a note when the corpus
/// is absent, except under `CI=true`.
#[test]
fn corpus_links_resolve_like_the_url_crate() {
    let Some(dir) = common::corpus_set_or_skip("readability-test-pages", "links on the corpus")
    else {
        return;
    };
    let mut checked = 0;
    for page in common::pages_with(&dir, "source.html") {
        let html = common::read_lossy(&page.join("source.html"));
        let mut bases = vec!["http://fakehost/test/page.html".to_string()];
        let dom = quire::Dom::parse(&html, &quire::Limits::default()).expect("page parses");
        let mut values = Vec::new();
        for n in dom.descendants(dom.document()) {
            for attr in ["href", "src", "poster", "cite"] {
                if let Some(v) = dom.attr(n, attr) {
                    if dom.tag(n) == "base" && attr == "href" {
                        if let Ok(b) = url::Url::parse(&bases[0]).and_then(|b| b.join(v.trim())) {
                            bases.push(b.to_string());
                        }
                    }
                    values.push(v.trim().to_string());
                }
            }
            if let Some(srcset) = dom.attr(n, "srcset") {
                values.extend(
                    srcset
                        .split(',')
                        .filter_map(|c| c.split_whitespace().next())
                        .map(str::to_string),
                );
            }
        }
        for base in &bases {
            for v in &values {
                check(base, v).unwrap_or_else(|e| panic!("{}: {e}", page.display()));
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "only {checked} links checked");
}
