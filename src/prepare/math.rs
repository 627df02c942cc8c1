//! Formulas rendered by MathJax and KaTeX: keep what the output can show
//! (the MathML they embed for assistive technology, or the TeX source as
//! code), drop their visual renderings, which would repeat the formula as
//! loose glyphs.
//!
//! The rules follow the markup those projects document, not any page:
//!
//! - KaTeX writes `<span class="katex">` holding a `katex-mathml` span (a
//!   `<math>` with the TeX in an annotation) and a `katex-html` span (the
//!   rendering, `aria-hidden`): the `<math>` replaces the whole span.
//! - MathJax 3 and 4 write `<mjx-container>` holding the rendering
//!   (`<mjx-math>`, or an `<svg>`) and, for assistive technology,
//!   `<mjx-assistive-mml>` with a `<math>`: the `<math>` replaces the
//!   container.
//!
//! Either way only the `<math>` is left, outside the renderer's wrappers,
//! whose classes (`CtxtMenu_Attached_0`…) could read as clutter.
//! - MathJax 2 keeps the TeX in `<script type="math/tex">` (`; mode=display`
//!   for a displayed formula), after the rendering (elements of a
//!   `MathJax…` class, or `mjx-chtml` / `MJXc-display`). When the rendering
//!   holds a `<math>` (its assistive MathML, or its native MathML output),
//!   that `<math>` stays and the rest goes, the script with it; otherwise
//!   the rendering goes and the TeX becomes code (`<code
//!   class="language-math">`, in a `<pre>` for a displayed formula), which
//!   the Markdown writes as GitHub writes maths.

use crate::dom::{Dom, NodeId};

/// Applies the rules of the module to the whole document (before scripts
/// and hidden elements are dropped).
pub(super) fn keep_formulas(dom: &mut Dom) {
    let root = dom.document();
    let mut wrappers = Vec::new();
    let mut scripts = Vec::new();
    for n in dom.descendants(root) {
        if !dom.is_html(n) {
            continue;
        }
        match dom.tag(n) {
            "mjx-container" => wrappers.push(n),
            "script" if tex_script(dom, n).is_some() => scripts.push(n),
            // KaTeX's wrapper is a span (its documented markup); reading
            // the class of spans only keeps this pass cheap on every page.
            "span" if has_class(dom, n, |c| c == "katex") => wrappers.push(n),
            _ => {}
        }
    }
    for w in wrappers {
        // A wrapper inside one already replaced went with it.
        if dom.ancestors(w).any(|a| a == root) {
            replace_by_formulas(dom, w, &[w]);
        }
    }
    for s in scripts {
        mathjax2(dom, s);
    }
}

/// The outermost MathML `<math>` elements in the subtrees of `nodes`, in
/// document order.
fn formulas(dom: &Dom, nodes: &[NodeId]) -> Vec<NodeId> {
    let mut out = Vec::new();
    for &n in nodes {
        let mut cur = Some(n);
        while let Some(d) = cur {
            if dom.is_mathml(d) && dom.tag(d) == "math" {
                out.push(d);
                cur = dom.next_skipping_children(d, n);
            } else {
                cur = dom.next_in_preorder(d, n);
            }
        }
    }
    out
}

/// Puts the formulas of `rendering` (see [`formulas`]) before `at` and
/// removes `rendering`; does nothing when it holds none. Whether it did.
fn replace_by_formulas(dom: &mut Dom, at: NodeId, rendering: &[NodeId]) -> bool {
    let maths = formulas(dom, rendering);
    if maths.is_empty() {
        return false;
    }
    for m in maths {
        dom.insert_before(at, m);
    }
    for &r in rendering {
        dom.detach(r);
    }
    true
}

/// Whether `script` holds TeX for MathJax 2, and if so whether the formula
/// is displayed.
fn tex_script(dom: &Dom, script: NodeId) -> Option<bool> {
    let kind = dom.attr(script, "type")?.to_ascii_lowercase();
    let mut parts = kind.split(';').map(str::trim);
    (parts.next() == Some("math/tex")).then(|| parts.any(|p| p.replace(' ', "") == "mode=display"))
}

/// Whether element `id` has a class for which `f` holds.
fn has_class(dom: &Dom, id: NodeId, f: impl Fn(&str) -> bool) -> bool {
    dom.attr(id, "class")
        .is_some_and(|c| c.split_ascii_whitespace().any(f))
}

/// Whether element `id` is part of a MathJax 2 rendering.
fn is_mathjax2_rendering(dom: &Dom, id: NodeId) -> bool {
    dom.is_html(id)
        && has_class(dom, id, |c| {
            c.starts_with("MathJax") || c == "mjx-chtml" || c == "MJXc-display"
        })
}

/// Replaces MathJax 2 TeX script `script` and the rendering right before
/// it by the rendering's MathML, or by the TeX as code.
fn mathjax2(dom: &mut Dom, script: NodeId) {
    let Some(display) = tex_script(dom, script) else {
        return;
    };
    let mut rendering = Vec::new();
    let mut cur = dom.prev_sibling(script);
    while let Some(p) = cur {
        if dom.text(p).is_some_and(|t| t.trim().is_empty()) {
            cur = dom.prev_sibling(p);
            continue;
        }
        if !dom.is_element(p) || !is_mathjax2_rendering(dom, p) {
            break;
        }
        rendering.push(p);
        cur = dom.prev_sibling(p);
    }
    rendering.reverse();
    if !replace_by_formulas(dom, script, &rendering) {
        let tex = dom.text_content(script);
        let tex = tex.trim();
        if !tex.is_empty() {
            let code = dom.create_element("code");
            dom.set_attr(code, "class", "language-math");
            dom.append_text(code, tex);
            let node = if display {
                let pre = dom.create_element("pre");
                dom.append(pre, code);
                pre
            } else {
                code
            };
            dom.insert_before(script, node);
        }
        for r in rendering {
            dom.detach(r);
        }
    }
    dom.detach(script);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::Limits;

    fn kept(html: &str) -> String {
        let mut dom = Dom::parse(html, &Limits::default()).unwrap();
        keep_formulas(&mut dom);
        let body = dom.find_tag(dom.document(), "body").unwrap();
        let mut tags = Vec::new();
        for n in dom.descendants(body).skip(1) {
            if dom.is_element(n) {
                tags.push(dom.tag(n).to_string());
            } else if let Some(t) = dom.text(n) {
                tags.push(format!("{t:?}"));
            }
        }
        tags.join(" ")
    }

    #[test]
    fn katex_keeps_its_mathml_and_drops_its_rendering() {
        assert_eq!(
            kept(
                "<span class=katex><span class=katex-mathml><math><semantics><mi>x</mi>\
                 <annotation encoding=application/x-tex>x</annotation></semantics></math></span>\
                 <span class=katex-html aria-hidden=true><span class=mord>x</span></span></span>"
            ),
            "math semantics mi \"x\" annotation \"x\""
        );
        // Without the MathML, nothing is dropped.
        assert_eq!(
            kept("<span class=katex><span class=katex-html>x</span></span>"),
            "span span \"x\""
        );
    }

    #[test]
    fn mathjax3_keeps_the_assistive_mathml() {
        assert_eq!(
            kept(
                "<mjx-container class=MathJax jax=CHTML><mjx-math class=MJX-TEX><mjx-mi>\
                 <mjx-c>x</mjx-c></mjx-mi></mjx-math><mjx-assistive-mml display=inline>\
                 <math><mi>x</mi></math></mjx-assistive-mml></mjx-container>"
            ),
            "math mi \"x\""
        );
    }

    #[test]
    fn mathjax2_tex_becomes_code_or_gives_way_to_its_mathml() {
        assert_eq!(
            kept(
                "<p>So <span class=MathJax_Preview>x2</span><span class=MathJax>x2</span>\
                 <script type='math/tex'>x^2</script> and</p>\
                 <div class=MathJax_Display>y</div><script type='math/tex; mode=display'>y</script>"
            ),
            "p \"So \" code \"x^2\" \" and\" pre code \"y\""
        );
        assert_eq!(
            kept(
                "<p><span class=MathJax><nobr aria-hidden=true>x</nobr><span class=MJX_Assistive_MathML>\
                 <math><mi>x</mi></math></span></span><script type=math/tex>x</script></p>"
            ),
            "p math mi \"x\""
        );
        // Another script, or TeX not after a rendering, stays as it was.
        assert_eq!(kept("<p><script>x</script></p>"), "p script \"x\"");
    }
}
