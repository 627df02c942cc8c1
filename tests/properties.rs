//! Property tests: random HTML from a small grammar of tags, attributes and
//! text, salted with hostile fragments, must never make `extract` panic; its
//! `content` must be a fixed point of the sanitiser and hold nothing outside
//! the allow-list; its `text` must never hold script or style content.
//!
//! `PROPTEST_CASES=20000 cargo test --release --test properties` turns this
//! into a longer fuzzing run.
#![cfg(not(target_arch = "wasm32"))] // host-only: reads files or uses host-only dev tools

use proptest::prelude::*;
use quire::dom::NodeData;
use quire::{extract, Dom, Limits, NodeId, Options};

const TAGS: &[&str] = &[
    "p",
    "div",
    "span",
    "b",
    "i",
    "a",
    "em",
    "strong",
    "h1",
    "h2",
    "ul",
    "ol",
    "li",
    "table",
    "tr",
    "td",
    "th",
    "pre",
    "code",
    "blockquote",
    "img",
    "br",
    "article",
    "section",
    "nav",
    "header",
    "footer",
    "aside",
    "figure",
    "figcaption",
    "svg",
    "math",
    "mi",
    "mtext",
    "mglyph",
    "foreignobject",
    "desc",
    "noscript",
    "template",
    "textarea",
    "title",
    "iframe",
    "select",
    "option",
    "form",
    "button",
    "input",
    "object",
    "embed",
    "xmp",
    "noembed",
    "noframes",
    "font",
    "nobr",
    "frameset",
    "frame",
    "base",
    "meta",
    "link",
    "body",
    "html",
    "head",
    "caption",
    "details",
    "summary",
    "picture",
    "source",
    "annotation-xml",
    "x-custom",
];

const ATTRS: &[&str] = &[
    "class=\"content\"",
    "class='language-rust'",
    "id=main",
    "href=\"https://example.org/a\"",
    "href=\"javascript:alert(1)\"",
    "href=\"java&#x09;script:alert(1)\"",
    "href=' &#1;javascript:x'",
    "href=\"/relative?a=1&b=2\"",
    "href=mailto:x@example.org",
    "src=\"https://example.org/i.png\"",
    "src=\"data:image/svg+xml,<svg onload=alert(1)>\"",
    "src=\"data:image/png;base64,AAAA\"",
    "srcset=\"a.png 1x, javascript:alert(1) 2x\"",
    "onclick=alert(1)",
    "onerror=\"alert(1)\"",
    "style=\"background:url(javascript:alert(1))\"",
    "srcdoc=\"<script>alert(1)</script>\"",
    "formaction=javascript:alert(1)",
    "xlink:href=javascript:alert(1)",
    "title=\"</p><img src=x onerror=alert(1)>\"",
    "title='</style><script>'",
    "dir=rtl",
    "lang=en",
    "encoding=\"text/html\"",
    "color=red",
    "type=hidden",
];

const TEXTS: &[&str] = &[
    "Plain words of an ordinary sentence, with commas, and a full stop. ",
    "The committee met on Tuesday to discuss the proposal, which had been debated for months. ",
    "a < b && c > d ",
    "&amp; &lt;tag&gt; &#0; &#x110000; &nbsp; &bogus; ",
    "\u{0}nul\u{0} ",
    "\u{a0}\u{2028}\u{feff}\u{fffd} ",
    "javascript:alert(1) ",
    "é 漢字 עברית 😀 ",
    "\n\n   \t ",
];

/// Fragments that confuse tokenizer and tree builder states.
const RAW: &[&str] = &[
    "<!--",
    "-->",
    "--!>",
    "<!-->",
    "</p>",
    "</div>",
    "</table>",
    "<![CDATA[",
    "]]>",
    "</svg>",
    "</math>",
    "<svg><style>",
    "<math><mtext><table><mglyph><style>",
    "</noscript>",
    "</template>",
    "<p title=\"",
    "\"",
    "'",
    "<",
    ">",
    "&",
    "</",
    "<!DOCTYPE html>",
    "<?xml x?>",
    "</select>",
    "</textarea>",
    "<plaintext>",
];

/// A generated piece of markup.
#[derive(Debug, Clone)]
enum Piece {
    Text(usize),
    Raw(usize),
    /// A `<script>` or `<style>` holding a unique marker.
    Hidden(bool),
    Element {
        tag: usize,
        attrs: Vec<usize>,
        children: Vec<Piece>,
        close: bool,
    },
}

fn piece() -> impl Strategy<Value = Piece> {
    let leaf = prop_oneof![
        6 => (0..TEXTS.len()).prop_map(Piece::Text),
        1 => (0..RAW.len()).prop_map(Piece::Raw),
        2 => any::<bool>().prop_map(Piece::Hidden),
    ];
    leaf.prop_recursive(6, 120, 6, |inner| {
        (
            0..TAGS.len(),
            prop::collection::vec(0..ATTRS.len(), 0..3),
            prop::collection::vec(inner, 0..6),
            prop::bool::weighted(0.8),
        )
            .prop_map(|(tag, attrs, children, close)| Piece::Element {
                tag,
                attrs,
                children,
                close,
            })
    })
}

/// Writes `p` as HTML; script and style get markers `qmark{n}x`.
fn render(p: &Piece, out: &mut String, markers: &mut Vec<String>) {
    match p {
        Piece::Text(i) => out.push_str(TEXTS[*i]),
        Piece::Raw(i) => out.push_str(RAW[*i]),
        Piece::Hidden(script) => {
            let m = format!("qmark{}x", markers.len());
            let tag = if *script { "script" } else { "style" };
            out.push_str(&format!("<{tag}>{m}</{tag}>"));
            markers.push(m);
        }
        Piece::Element {
            tag,
            attrs,
            children,
            close,
        } => {
            out.push('<');
            out.push_str(TAGS[*tag]);
            for a in attrs {
                out.push(' ');
                out.push_str(ATTRS[*a]);
            }
            out.push('>');
            for c in children {
                render(c, out, markers);
            }
            if *close {
                out.push_str("</");
                out.push_str(TAGS[*tag]);
                out.push('>');
            }
        }
    }
}

fn document() -> impl Strategy<Value = (String, Vec<String>)> {
    (prop::collection::vec(piece(), 1..8), any::<bool>()).prop_map(|(pieces, prose)| {
        let mut html = String::new();
        let mut markers = Vec::new();
        if prose {
            // Often give the chooser a real article to find.
            html.push_str("<article><h1>Report</h1>");
            for _ in 0..3 {
                html.push_str("<p>");
                html.push_str(&TEXTS[1].repeat(4));
                html.push_str("</p>");
            }
        }
        for p in &pieces {
            render(p, &mut html, &mut markers);
        }
        (html, markers)
    })
}

fn under(dom: &Dom, n: NodeId, tags: &[&str]) -> bool {
    dom.ancestors(n).any(|a| tags.contains(&dom.tag(a)))
}

/// Markers that the parser really puts only inside `<script>`/`<style>`
/// (a marker can become text when a hostile fragment before it changes the
/// tokenizer's state; the browser would show it too).
fn hidden_markers(html: &str, markers: &[String]) -> Vec<String> {
    let Ok(dom) = Dom::parse(html, &Limits::default()) else {
        return Vec::new();
    };
    let mut visible = String::new();
    for n in dom.descendants(dom.document()) {
        match &dom.node(n).data {
            NodeData::Text(t) if !under(&dom, n, &["script", "style"]) => visible.push_str(t),
            NodeData::Element { attrs, .. } => {
                for a in attrs {
                    visible.push_str(&a.value);
                }
            }
            _ => {}
        }
    }
    markers
        .iter()
        .filter(|m| !visible.contains(m.as_str()))
        .cloned()
        .collect()
}

/// Elements and attributes that must never appear in `content`.
fn forbidden(content: &str) -> Option<String> {
    let dom = Dom::parse(content, &Limits::default()).ok()?;
    for n in dom.descendants(dom.document()) {
        if let NodeData::Element { name, attrs } = &dom.node(n).data {
            let tag = &*name.local;
            // MathML stays, but only MathML inside a formula.
            let mathml = dom.is_mathml(n);
            let in_math = dom.ancestors(n).any(|a| dom.is_mathml(a));
            if (!mathml && (!dom.is_html(n) || in_math))
                || matches!(
                    tag,
                    "script"
                        | "style"
                        | "iframe"
                        | "object"
                        | "embed"
                        | "form"
                        | "svg"
                        | "maction"
                        | "annotation-xml"
                        | "mglyph"
                        | "base"
                        | "meta"
                        | "link"
                        | "template"
                        | "noscript"
                        | "textarea"
                )
            {
                return Some(format!("<{tag}>"));
            }
            for a in attrs {
                let an = &*a.name.local;
                if an.starts_with("on") || matches!(an, "style" | "srcdoc" | "formaction") {
                    return Some(format!("{an} on <{tag}>"));
                }
                if !matches!(an, "href" | "src" | "srcset" | "cite") {
                    continue;
                }
                // The URL as a browser reads it: controls and spaces gone.
                let v = a.value.to_ascii_lowercase();
                let v: String = v
                    .chars()
                    .filter(|c| !c.is_ascii_control() && *c != ' ')
                    .collect();
                if v.contains("javascript:")
                    || (v.starts_with("data:") && !v.starts_with("data:image/png"))
                {
                    return Some(format!("{an}={:?} on <{tag}>", &*a.value));
                }
            }
        }
    }
    None
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(128)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn extract_never_panics_and_output_is_safe((html, markers) in document()) {
        let all = Options { markdown: true, ..Options::default() };
        let r = extract(&html, Some("https://example.org/x/y.html"), &all);
        let Ok(article) = r else { return Ok(()) };
        // What the extension's Copy as Markdown builds.
        let from_content = quire::markdown_from_html(&article.content).unwrap_or_default();
        let again = quire::output::sanitize_fragment(&article.content);
        prop_assert_eq!(&again, &article.content, "content is not a fixed point");
        prop_assert_eq!(forbidden(&article.content), None, "forbidden markup in {}", article.content);
        let audit = quire::output::audit(&article.content);
        prop_assert!(audit.is_empty(), "off the allow-list: {:?}", audit);
        for m in hidden_markers(&html, &markers) {
            prop_assert!(!article.text.contains(&m), "text holds script/style content {}", m);
            prop_assert!(!article.content.contains(&m), "content holds script/style content {}", m);
            prop_assert!(!article.markdown.contains(&m), "markdown holds script/style content {}", m);
            prop_assert!(!from_content.contains(&m), "markdown of content holds script/style content {}", m);
        }
    }

    /// A page whose body is paragraphs of prose (in any wrapper) never
    /// gives empty content.
    #[test]
    fn paragraphs_of_text_never_give_empty_content(
        paras in prop::collection::vec(prop::collection::vec("[a-z]{2,9}", 12..40), 1..8),
        wrapper in prop::sample::select(vec!["", "div", "article", "main", "section", "td"]),
    ) {
        let body: String = paras
            .iter()
            .map(|words| format!("<p>{}.</p>", words.join(" ")))
            .collect();
        let html = if wrapper.is_empty() {
            format!("<html><body>{body}</body></html>")
        } else if wrapper == "td" {
            format!("<html><body><table><tr><td>{body}</td></tr></table></body></html>")
        } else {
            format!("<html><body><{wrapper}>{body}</{wrapper}></body></html>")
        };
        let article = extract(&html, Some("https://example.org/x/y.html"), &Options::default());
        prop_assert!(article.is_ok(), "{:?} for {}", article.err(), html);
        let article = article.unwrap();
        prop_assert!(!article.content.trim().is_empty(), "empty content for {}", html);
        prop_assert!(article.word_count > 0, "no words for {}", html);
    }

    #[test]
    fn arbitrary_strings_never_panic(s in "\\PC{0,400}") {
        let _ = extract(&s, None, &Options::default());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let s = String::from_utf8_lossy(&bytes);
        let _ = extract(&s, None, &Options::default());
    }
}
