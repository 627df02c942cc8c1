//! Sanitisation: every vector of `tests/xss/vectors.txt` is wrapped in a
//! plausible article and extracted; the output is re-parsed and walked.
//!
//! A vector *survives* when the re-parsed `content` holds an element outside
//! the allow-list below (MathML elements: in a `<math>`, on their own list,
//! with only presentational attributes), an attribute outside it (event handlers, `style`,
//! `srcdoc`…), or a URL whose scheme, read the way a browser reads it, is not
//! `http`, `https` or `mailto` (or a raster `data:image/…` for `<img src>`);
//! or when `text` holds the content of a `<script>` or `<style>`; or when a
//! Markdown link or image points at such a URL. All survivors are reported
//! together, each with its line.
#![cfg(not(target_arch = "wasm32"))] // host-only: reads files or uses host-only dev tools

use quire::dom::NodeData;
use quire::{extract, Dom, Limits, Options};

const VECTORS: &str = include_str!("xss/vectors.txt");

/// Elements the reader view may contain. Kept here, apart from the
/// sanitiser's own list, so a change there is checked against this one.
const ALLOWED_TAGS: &[&str] = &[
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

/// MathML elements the reader view may contain, in the MathML namespace and
/// inside a `<math>` (MathML Core without `maction`, `annotation-xml`,
/// `mglyph`).
const ALLOWED_MATHML: &[&str] = &[
    "math",
    "mrow",
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "mspace",
    "msub",
    "msup",
    "msubsup",
    "mfrac",
    "msqrt",
    "mroot",
    "mover",
    "munder",
    "munderover",
    "mmultiscripts",
    "mprescripts",
    "none",
    "mtable",
    "mtr",
    "mtd",
    "mstyle",
    "mpadded",
    "mphantom",
    "semantics",
    "annotation",
    "merror",
];

/// Attributes a MathML element may have: presentational only.
const ALLOWED_MATHML_ATTRS: &[&str] = &[
    "display",
    "dir",
    "encoding",
    "mathvariant",
    "displaystyle",
    "scriptlevel",
    "stretchy",
    "fence",
    "separator",
    "lspace",
    "rspace",
    "largeop",
    "movablelimits",
    "symmetric",
    "minsize",
    "maxsize",
    "accent",
    "accentunder",
    "linethickness",
    "columnalign",
    "rowalign",
    "columnspan",
    "rowspan",
    "width",
    "height",
    "depth",
    "voffset",
];

/// Attributes the reader view may contain (on any allowed element).
const ALLOWED_ATTRS: &[&str] = &[
    "lang", "dir", "title", "href", "src", "srcset", "alt", "width", "height", "sizes", "type",
    "media", "cite", "datetime", "start", "reversed", "value", "colspan", "rowspan", "headers",
    "scope", "abbr", "span", "open", "class",
];

const SCRIPT_MARKER: &str = "QUIRE_SCRIPT_MARKER";
const STYLE_MARKER: &str = "QUIRE_STYLE_MARKER";

fn paragraph(n: usize) -> String {
    format!(
        "Paragraph {n} of the report: the committee met on Tuesday to discuss the proposal, \
         which had been debated for months, and after a long session the members agreed, \
         with some reservations, to publish the findings in full next spring, once the \
         auditors have checked every figure and the chair has signed the final draft. "
    )
}

/// The vector in the body: between paragraphs and inside one.
fn body_page(v: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><title>Council report</title></head><body>\
         <article><h1>Council report</h1><p>{}</p><p>{}</p>\
         <script>var {SCRIPT_MARKER} = 1;</script><style>.{STYLE_MARKER} {{}}</style>\
         {v}<p>{} {v} {}</p><p>{}</p></article></body></html>",
        paragraph(1),
        paragraph(2),
        paragraph(3),
        paragraph(4),
        paragraph(5)
    )
}

/// The vector in the head, before the article.
fn head_page(v: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><title>Council report</title>{v}\
         <style>.{STYLE_MARKER} {{}}</style></head><body><article><h1>Council report</h1>\
         <p>{}</p><p>{}</p><p>{}</p></article></body></html>",
        paragraph(1),
        paragraph(2),
        paragraph(3)
    )
}

/// The scheme of `url` as a browser's URL parser reads it: leading and
/// trailing C0 controls and spaces stripped, tabs and newlines removed
/// anywhere; `None` for a relative URL.
fn scheme(url: &str) -> Option<String> {
    let t = url.trim_matches(|c: char| c <= ' ');
    let t: String = t
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let colon = t.find(':')?;
    let s = &t[..colon];
    let mut chars = s.chars();
    let first = chars.next()?;
    if first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    {
        Some(s.to_ascii_lowercase())
    } else {
        None
    }
}

fn url_ok(tag: &str, attr: &str, url: &str) -> bool {
    match scheme(url).as_deref() {
        None | Some("http" | "https") => true,
        Some("mailto") => attr == "href",
        Some("data") => {
            let l = url.trim_matches(|c: char| c <= ' ').to_ascii_lowercase();
            tag == "img"
                && attr == "src"
                && ["png", "gif", "jpeg", "webp", "avif"]
                    .iter()
                    .any(|t| l.starts_with(&format!("data:image/{t}")))
        }
        Some(_) => false,
    }
}

/// Problems found in sanitised HTML; empty when it is safe.
fn audit_html(content: &str) -> Vec<String> {
    let mut bad = Vec::new();
    let dom = match Dom::parse(content, &Limits::default()) {
        Ok(d) => d,
        Err(e) => return vec![format!("content does not re-parse: {e}")],
    };
    for n in dom.descendants(dom.document()) {
        let NodeData::Element { name, attrs } = &dom.node(n).data else {
            continue;
        };
        let tag = dom.tag(n);
        if matches!(tag, "html" | "body") && dom.is_html(n) {
            continue;
        }
        if tag == "head" && dom.is_html(n) {
            if dom.first_child(n).is_some() {
                bad.push("content puts something into <head>".to_string());
            }
            continue;
        }
        let in_math = dom.ancestors(n).any(|a| dom.is_mathml(a));
        let mathml = dom.is_mathml(n);
        if mathml {
            if !ALLOWED_MATHML.contains(&tag) || !(in_math || tag == "math") {
                bad.push(format!("MathML element <{tag}>"));
            }
        } else if !dom.is_html(n) || !ALLOWED_TAGS.contains(&tag) || in_math {
            bad.push(format!("element <{}> ({:?})", tag, name.ns));
        }
        for a in attrs {
            let an = &*a.name.local;
            if a.name.ns != markup5ever::ns!() || a.name.prefix.is_some() {
                bad.push(format!("namespaced attribute {an} on <{tag}>"));
            }
            if mathml {
                // No URL, script or style can hide in these values.
                if !ALLOWED_MATHML_ATTRS.contains(&an)
                    || a.value.contains(['(', ':', '<', '"', '\'', '&'])
                {
                    bad.push(format!("attribute {an}={:?} on MathML <{tag}>", &*a.value));
                }
                continue;
            }
            if !ALLOWED_ATTRS.contains(&an) {
                bad.push(format!("attribute {an}={:?} on <{tag}>", &*a.value));
                continue;
            }
            match an {
                "href" | "src" | "cite" if !url_ok(tag, an, &a.value) => {
                    bad.push(format!("{an}={:?} on <{tag}>", &*a.value));
                }
                "srcset" => {
                    for tok in a.value.split(|c: char| c.is_whitespace() || c == ',') {
                        if scheme(tok).is_some_and(|s| s != "http" && s != "https") {
                            bad.push(format!("srcset={:?} on <{tag}>", &*a.value));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    bad
}

/// Link and image targets of Markdown, `[..](target)`.
fn audit_markdown(md: &str) -> Vec<String> {
    let mut bad = Vec::new();
    for (i, _) in md.match_indices("](") {
        let target: String = md[i + 2..].chars().take_while(|&c| c != ')').collect();
        if !url_ok("a", "href", &target) {
            bad.push(format!("markdown link to {target:?}"));
        }
    }
    bad
}

fn audit_page(html: &str) -> (bool, Vec<String>) {
    match extract(
        html,
        Some("https://news.example/2024/report.html"),
        &Options {
            markdown: true,
            ..Options::default()
        },
    ) {
        // A clear error (e.g. a <frameset> page has no body) lets nothing through.
        Err(_) => (false, Vec::new()),
        Ok(a) => {
            let mut bad = audit_html(&a.content);
            bad.extend(audit_markdown(&a.markdown));
            bad.extend(audit_markdown(
                &quire::markdown_from_html(&a.content).unwrap_or_default(),
            ));
            for (what, s) in [("text", &a.text), ("markdown", &a.markdown)] {
                if s.contains(SCRIPT_MARKER) || s.contains(STYLE_MARKER) {
                    bad.push(format!("{what} holds script or style content"));
                }
            }
            let fixed = quire::output::sanitize_fragment(&a.content);
            if fixed != a.content {
                bad.push(format!(
                    "content is not a fixed point:\n  once:  {}\n  twice: {fixed}",
                    a.content
                ));
            }
            (a.content.contains("Paragraph 3 of the report"), bad)
        }
    }
}

fn vectors() -> Vec<(usize, &'static str)> {
    VECTORS
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .collect()
}

#[test]
fn corpus_has_enough_vectors() {
    assert!(vectors().len() >= 150, "{} vectors", vectors().len());
}

#[test]
fn no_vector_survives_sanitisation() {
    let mut survivors = Vec::new();
    let mut extracted = 0;
    let all = vectors();
    for &(line, v) in &all {
        for (place, page) in [("body", body_page(v)), ("head", head_page(v))] {
            let (has_article, bad) = audit_page(&page);
            extracted += usize::from(has_article);
            for b in bad {
                survivors.push(format!("line {line} ({place}) {v}\n    {b}"));
            }
        }
    }
    println!(
        "{} vectors, {} pages, {} with the article extracted, {} problems",
        all.len(),
        2 * all.len(),
        extracted,
        survivors.len()
    );
    assert!(survivors.is_empty(), "survivors:\n{}", survivors.join("\n"));
    // The test only means something if the vectors are really extracted.
    assert!(
        extracted * 10 >= 2 * all.len() * 9,
        "only {extracted} of {} pages extracted",
        2 * all.len()
    );
}

#[test]
fn audit_catches_what_it_should() {
    // The checker itself, on hand-written unsafe output.
    for bad in [
        "<a href=\"java&#9;script:alert(1)\">x</a>",
        "<a href=\" &#1;javascript:alert(1)\">x</a>",
        "<img src=\"data:image/svg+xml,x\">",
        "<p onclick=\"x\">x</p>",
        "<p style=\"x\">x</p>",
        "<svg></svg>",
        "<iframe srcdoc=x></iframe>",
        "<img srcset=\"a.png 1x, javascript:x 2x\">",
        "<meta http-equiv=refresh>",
        "<math><mi href=\"https://a.example/\">x</mi></math>",
        "<math><maction><mi>x</mi></maction></math>",
        "<math><mtext><b>x</b></mtext></math>",
        "<math><mo lspace=\"url(x)\">x</mo></math>",
    ] {
        assert!(!audit_html(bad).is_empty(), "{bad}");
    }
    assert!(audit_html(
        "<p><a href=\"https://a.example/\">x</a><img src=\"data:image/png;base64,AA\"></p>"
    )
    .is_empty());
    assert!(audit_html(
        "<p><math display=\"block\"><mfrac><mi>x</mi><mn>2</mn></mfrac></math></p>"
    )
    .is_empty());
    assert!(!audit_markdown("[x](javascript:alert(1))").is_empty());
}
