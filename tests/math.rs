//! Maths: formulas survive extraction and sanitising, in the MathML
//! namespace, on four hand-written article pages (tests/math/): plain
//! MathML, KaTeX output, MathJax 3 output and MathJax 2 TeX scripts. Every
//! `<mi>`, `<mo>` and `<mn>` of the formulas a page shows is in the
//! article; the renderings of KaTeX and MathJax are not; the Markdown
//! writes the TeX between `$`; hostile MathML does not survive.
#![cfg(not(target_arch = "wasm32"))] // host-only: reads files

use quire::dom::NodeData;
use quire::output::{audit, sanitize_fragment};
use quire::{extract, markdown_from_html, Dom, Limits, Options};

const MATHML: &str = include_str!("math/mathml.html");
const KATEX: &str = include_str!("math/katex.html");
const MATHJAX3: &str = include_str!("math/mathjax3.html");
const MATHJAX2: &str = include_str!("math/mathjax2.html");

fn article(html: &str) -> quire::Article {
    extract(
        html,
        Some("https://maths.example/notes/page.html"),
        &Options {
            markdown: true,
            ..Options::default()
        },
    )
    .expect("extracts")
}

/// The number of MathML `<mi>`, `<mo>` and `<mn>` elements in `html` (a
/// page, or article content parsed as a body), and the number of elements
/// named like them that are not in the MathML namespace.
fn tokens(html: &str) -> (usize, usize) {
    let dom = Dom::parse(html, &Limits::default()).expect("parses");
    let (mut mathml, mut other) = (0, 0);
    for n in dom.descendants(dom.document()) {
        if let NodeData::Element { .. } = dom.node(n).data {
            if matches!(dom.tag(n), "mi" | "mo" | "mn") {
                if dom.is_mathml(n) {
                    mathml += 1;
                } else {
                    other += 1;
                }
            }
        }
    }
    (mathml, other)
}

/// The checks every fixture passes: the article holds every token of the
/// page's formulas (at least `min`), all in the MathML namespace; its
/// content passes the allow-list audit, is a fixed point of the sanitiser,
/// and gives the same Markdown when read back.
fn keeps_every_token(page: &str, min: usize) -> quire::Article {
    let a = article(page);
    let (in_page, _) = tokens(page);
    let (in_article, outside) = tokens(&a.content);
    assert!(in_page >= min, "the fixture has {in_page} tokens");
    assert_eq!(in_article, in_page, "tokens kept:\n{}", a.content);
    assert_eq!(outside, 0);
    assert_eq!(audit(&a.content), Vec::<String>::new());
    assert_eq!(sanitize_fragment(&a.content), a.content);
    assert_eq!(markdown_from_html(&a.content).unwrap(), a.markdown);
    a
}

#[test]
fn plain_mathml_keeps_every_token() {
    let a = keeps_every_token(MATHML, 40);
    // The display formula alone in its <div> is not cleaned away as a
    // block without text, nor the one between paragraphs.
    assert_eq!(a.content.matches("<math display=\"block\">").count(), 2);
    assert!(a.content.contains("<munderover><mo>∑</mo>"));
    // No TeX: the text and Markdown give the text a browser shows.
    assert!(a
        .text
        .contains("the sum of the first n of them is exactly n2,"));
    assert!(
        a.markdown.contains("\n\n∑k=1n(2k−1)=n2\n\n"),
        "{}",
        a.markdown
    );
}

#[test]
fn katex_keeps_its_mathml_and_tex_and_drops_its_rendering() {
    let a = keeps_every_token(KATEX, 20);
    assert!(!a.content.contains("katex"));
    // The rendering without aria-hidden goes too: "P(1+r)" appears once,
    // as MathML tokens, not as loose text.
    assert!(!a.text.contains("P(1+r)"));
    assert!(a
        .content
        .contains("<annotation encoding=\"application/x-tex\">P(1 + r)</annotation>"));
    assert!(a.text.contains("the balance is P(1 + r), and every"));
    assert!(a.markdown.contains("the balance is $P(1 + r)$, and every"));
    assert!(
        a.markdown
            .contains("\n\n$$A_n = P\\left(1 + \\frac{r}{m}\\right)^{mn}$$\n\n"),
        "{}",
        a.markdown
    );
    assert!(a.content.contains("<mo fence=\"true\">(</mo>"));
    assert!(a.content.contains("<mo stretchy=\"false\">(</mo>"));
}

#[test]
fn mathjax3_keeps_the_assistive_mathml_and_drops_the_glyphs() {
    let a = keeps_every_token(MATHJAX3, 15);
    assert!(!a.content.contains("mjx"));
    assert!(!a.text.contains("sqrt(2Rh)"));
    assert!(a.content.contains("<math display=\"block\"><mi>d</mi>"));
    assert!(a.text.contains("above the water h and the radius"));
}

#[test]
fn mathjax2_tex_becomes_code_unless_its_mathml_is_there() {
    let a = keeps_every_token(MATHJAX2, 3);
    // The one formula rendered with assistive MathML keeps it.
    assert!(a
        .content
        .contains("<math><mi>n</mi><mo>=</mo><mn>57</mn></math>"));
    // The others keep their TeX as code, inline and displayed.
    assert!(a
        .content
        .contains("that <code class=\"language-math\">n</code> people"));
    assert!(a.content.contains(
        "<pre><code class=\"language-math\">q_n = \\prod_{k=0}^{n-1} \\frac{365 - k}{365}</code></pre>"
    ));
    assert!(a
        .markdown
        .contains("```math\nq_n = \\prod_{k=0}^{n-1} \\frac{365 - k}{365}\n```"));
    // The renderings and the page's MathJax configuration are gone.
    assert!(!a.text.contains("365/365"));
    assert!(!a.text.contains("MathJax"));
    assert!(!a.content.contains("MathJax"));
}

/// Hostile MathML, each case inside a formula in an article: none of it
/// survives, the formula's own token does.
#[test]
fn hostile_mathml_does_not_survive() {
    let cases = [
        r#"<math><mi href="javascript:alert(1)">x</mi></math>"#,
        r#"<math href="https://evil.example/"><mi>x</mi></math>"#,
        r#"<math><mi xlink:href="javascript:alert(1)">x</mi></math>"#,
        r#"<math><maction actiontype="statusline" xlink:href="javascript:alert(1)"><mi>x</mi><mtext>evil</mtext></maction></math>"#,
        r#"<math><semantics><mi>x</mi><annotation-xml encoding="text/html"><script>alert(1)</script><img src=x onerror=alert(1)></annotation-xml></semantics></math>"#,
        r#"<math><style>@import url(//evil.example/x.css);</style><mi>x</mi></math>"#,
        r#"<math><mi style="background:url(//evil.example/t.png)">x</mi></math>"#,
        r#"<math><mi onclick="alert(1)" onmouseover="alert(1)">x</mi></math>"#,
        r#"<math><mglyph src="https://evil.example/g.png"></mglyph><mi>x</mi></math>"#,
        r#"<math><mtext><img src=x onerror=alert(1)></mtext><mi>x</mi></math>"#,
        r#"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext><mi>x</mi></math>"#,
        r#"<math><semantics><mi>x</mi><annotation encoding="application/x-tex"><mtext>evil</mtext>x</annotation></semantics></math>"#,
        r#"<math><mi>x</mi><svg><script>alert(1)</script></svg></math>"#,
        r#"<math><mi>x</mi><script>alert(1)</script></math>"#,
        r#"<math><mo lspace="expression(alert(1))">x</mo></math>"#,
    ];
    let forbidden = [
        "href",
        "xlink",
        "maction",
        "annotation-xml",
        "<style",
        "<script",
        "onerror",
        "onclick",
        "onmouseover",
        "style=",
        "mglyph",
        "<svg",
        "<table",
        "<b>",
        "expression",
        "evil",
    ];
    for case in cases {
        let page = format!(
            "<!DOCTYPE html><html><head><title>Notes</title></head><body><article><h1>Notes</h1>\
             <p>{p}</p><p>The value {case} is what the argument turns on, as the notes explain.</p>\
             <p>{p}</p></article></body></html>",
            p = "A long paragraph of ordinary prose keeps the article an article, with commas, \
                 clauses and enough words that the extractor takes it for the real content of \
                 the page and not for a stray caption or a line of navigation."
        );
        let a = article(&page);
        for f in forbidden {
            assert!(!a.content.contains(f), "{case}: {f} in\n{}", a.content);
            assert!(!a.markdown.contains(f), "{case}: {f} in\n{}", a.markdown);
        }
        assert!(
            a.content.contains("<math"),
            "{case}: no formula in\n{}",
            a.content
        );
        assert!(
            a.content.contains(">x</m"),
            "{case}: no x in\n{}",
            a.content
        );
        // Nothing but MathML inside a formula (an <img> the parser moved
        // out of one is an ordinary, sanitised image).
        let formula =
            &a.content[a.content.find("<math").unwrap()..a.content.find("</math>").unwrap()];
        assert!(!formula.contains("<img"), "{case}: {formula}");
        assert_eq!(audit(&a.content), Vec::<String>::new(), "{case}");
        assert_eq!(sanitize_fragment(&a.content), a.content, "{case}");
    }
}

/// TeX that a Markdown reader without maths could take for HTML or code
/// goes in code, TeX with a link's `](` is left out for the shown text:
/// nothing of it is a link or raw HTML.
#[test]
fn tex_that_reads_as_markdown_goes_in_code() {
    let tex = |t: &str, display: &str| {
        format!(
            "<math{display}><semantics><mi>x</mi><annotation encoding=\"application/x-tex\">{t}</annotation></semantics></math>"
        )
    };
    let content = format!(
        "<p>One {} two {} three.</p>{}",
        tex("[a](javascript:alert(1))", ""),
        tex("a &lt; b", ""),
        tex("&lt;img src=x onerror=alert(1)&gt;", " display=\"block\"")
    );
    let md = markdown_from_html(&sanitize_fragment(&content)).unwrap();
    assert_eq!(
        md,
        "One x two $`a < b`$ three.\n\n```math\n<img src=x onerror=alert(1)>\n```\n"
    );
}
