//! Phase 1, prepare: make the parsed page safe and uniform before scoring.
//!
//! Keeps the formulas of MathJax and KaTeX pages (`math`); drops scripts,
//! styles, templates, dialogs, comments and hidden nodes;
//! drops a server's error notices printed into the page (`server`);
//! unwraps `<noscript>` image fallbacks; resolves lazy images; turns `<br><br>`
//! runs into paragraphs and `<font>` into `<span>`. [`absolutize_urls`]
//! makes URLs absolute later, in the chosen article only: links elsewhere on
//! the page are never shown, and the phases between need only to tell
//! in-page `#` links from others, which it leaves alone anyway.

use crate::context::Context;
use crate::dom::{Dom, NodeData, NodeId};
use crate::link::{absolutize, absolutize_srcset, srcset_candidates, Url};
use crate::patterns::{self, is_one_of};

mod math;
mod server;

/// The base URL of the page: `url`, with any `<base href>` applied.
pub fn base_url(dom: &Dom, url: Option<&str>) -> Option<Url> {
    let page = url.and_then(|u| Url::parse(u.trim()));
    let base_href = dom
        .descendants(dom.document())
        .find(|&n| dom.tag(n) == "base" && dom.has_attr(n, "href"))
        .and_then(|n| dom.attr(n, "href"));
    match (page, base_href) {
        (Some(p), Some(h)) => p.join(h.trim()).or(Some(p)),
        (None, Some(h)) => Url::parse(h.trim()),
        (p, None) => p,
    }
}

/// True if the element is hidden by the page: `hidden`, `aria-hidden="true"`
/// or an inline `display:none` / `visibility:hidden`.
pub fn is_hidden(dom: &Dom, id: NodeId) -> bool {
    // One look at each attribute (this runs on every element, often twice).
    let (mut aria_hidden, mut class, mut style) = (false, "", "");
    for a in dom.attrs(id) {
        match &*a.name.local {
            "hidden" => return true,
            "aria-hidden" => aria_hidden = &*a.value == "true",
            "class" => class = &a.value,
            "style" => style = &a.value,
            _ => {}
        }
    }
    // Wikimedia-style fallback images are aria-hidden but are the real image.
    if aria_hidden && !class.contains("fallback-image") {
        return true;
    }
    hides_by_style(style)
}

/// True if an inline style declares `display: none` or `visibility:
/// hidden` (`!important` or not), with ASCII case and the whitespace around
/// names and values ignored, as a browser reads them.
fn hides_by_style(style: &str) -> bool {
    // No colon, no declaration (most elements have no style at all).
    if !style.as_bytes().contains(&b':') {
        return false;
    }
    let css_space: &[char] = &[' ', '\t', '\n', '\r', '\x0C'];
    style.split(';').any(|declaration| {
        let Some((name, value)) = declaration.split_once(':') else {
            return false;
        };
        let name = name.trim_matches(css_space);
        let mut value = value.trim_matches(css_space);
        let len = value.len();
        if len >= 9
            && value.is_char_boundary(len - 9)
            && value[len - 9..].eq_ignore_ascii_case("important")
        {
            if let Some(v) = value[..len - 9]
                .trim_end_matches(css_space)
                .strip_suffix('!')
            {
                value = v.trim_end_matches(css_space);
            }
        }
        (name.eq_ignore_ascii_case("display") && value.eq_ignore_ascii_case("none"))
            || (name.eq_ignore_ascii_case("visibility") && value.eq_ignore_ascii_case("hidden"))
    })
}

/// Runs the prepare phase over the whole document.
pub fn run(dom: &mut Dom, ctx: &Context) {
    math::keep_formulas(dom);
    unwrap_noscript_images(dom);
    remove_unwanted(dom, ctx);
    server::drop_server_notices(dom, ctx);
    fix_lazy_images(dom);
    replace_fonts_and_brs(dom);
}

/// Unwraps every `<noscript>` into its content, for the fallback that looks
/// for the page's text wherever it is: some pages put their whole article
/// in one for readers without scripts.
pub fn unwrap_noscripts(dom: &mut Dom) {
    for ns in dom.find_all_tags(dom.document(), "noscript") {
        dom.unwrap(ns);
    }
}

fn remove_unwanted(dom: &mut Dom, ctx: &Context) {
    let root = dom.document();
    let mut doomed = Vec::new();
    let mut cur = Some(root);
    while let Some(n) = cur {
        let drop = match &dom.node(n).data {
            NodeData::Comment | NodeData::Doctype => true,
            NodeData::Element { .. } => {
                let tag = dom.tag(n);
                (is_one_of(tag, patterns::ALWAYS_DROP) && tag != "head")
                    || tag == "noscript"
                    || is_hidden(dom, n)
            }
            _ => false,
        };
        if drop {
            doomed.push(n);
            cur = dom.next_skipping_children(n, root);
        } else {
            cur = dom.next_in_preorder(n, root);
        }
    }
    for n in doomed {
        if dom.is_element(n) {
            if is_hidden(dom, n) {
                ctx.dropped(n, "hidden");
            } else {
                ctx.dropped(n, &format!("<{}>", dom.tag(n)));
            }
        }
        dom.detach(n);
    }
    // <head> is not content; metadata has already read it.
    if let Some(head) = dom.find_tag(root, "head") {
        dom.detach(head);
    }
}

fn looks_like_image_url(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif", ".svg"]
        .iter()
        .any(|e| l.contains(e))
}

fn is_placeholder_src(src: &str) -> bool {
    let s = src.trim();
    s.is_empty()
        || s == "#"
        || s.starts_with("data:") && s.len() < 200
        || s.contains("placeholder")
        || s.contains("blank.gif")
        || s.contains("spacer")
        || s.contains("lazy")
        || s.contains("1x1")
}

/// The single `<img>` an element is made of, if it is nothing but one image.
fn single_image(dom: &Dom, id: NodeId) -> Option<NodeId> {
    if dom.tag(id) == "img" {
        return Some(id);
    }
    let mut found = None;
    for n in dom.descendants(id).skip(1) {
        match &dom.node(n).data {
            NodeData::Text(t) if !t.trim().is_empty() => return None,
            NodeData::Element { .. } if dom.tag(n) == "img" => {
                if found.is_some() {
                    return None;
                }
                found = Some(n);
            }
            _ => {}
        }
    }
    found
}

/// Drops every `<img>` with no source at all: no `src` or `srcset`, no
/// lazy-load attribute, no attribute holding an image URL, and no
/// `<picture>` around it to give it one. Such an image
/// shows nothing; removing it first lets a `<noscript>` fallback replace the
/// placeholder it stands beside, as Readability's `_unwrapNoscriptImages`
/// does.
fn drop_sourceless_images(dom: &mut Dom) {
    let root = dom.document();
    for img in dom.find_all_tags(root, "img") {
        let has_source = dom.attrs(img).iter().any(|a| {
            let name = &*a.name.local;
            matches!(name, "src" | "srcset")
                || patterns::LAZY_SRC_ATTRS.contains(&name)
                || patterns::LAZY_SRCSET_ATTRS.contains(&name)
                || looks_like_image_url(&a.value)
        });
        let in_picture = dom.parent(img).is_some_and(|p| dom.tag(p) == "picture");
        if !has_source && !in_picture {
            dom.detach(img);
        }
    }
}

fn unwrap_noscript_images(dom: &mut Dom) {
    drop_sourceless_images(dom);
    let root = dom.document();
    let noscripts = dom.find_all_tags(root, "noscript");
    for ns in noscripts {
        let Some(new_img) = single_image(dom, ns) else {
            continue;
        };
        // A placeholder image right before the <noscript>: replace it.
        let prev = dom.prev_sibling_where(ns, |x| dom.is_element(x));
        if let Some(prev) = prev {
            if let Some(old_img) = single_image(dom, prev) {
                // Carry over lazy-load attributes the fallback lacks.
                let old_attrs: Vec<(String, String)> = dom
                    .attrs(old_img)
                    .iter()
                    .map(|a| (a.name.local.to_string(), a.value.to_string()))
                    .collect();
                for (k, v) in old_attrs {
                    if k == "src" || k == "srcset" || looks_like_image_url(&v) {
                        if !dom.has_attr(new_img, &k) {
                            dom.set_attr(new_img, &k, &v);
                        } else if k == "src" || k == "srcset" {
                            dom.set_attr(new_img, &format!("data-old-{k}"), &v);
                        }
                    }
                }
                dom.insert_before(prev, new_img);
                dom.detach(prev);
                dom.detach(ns);
                continue;
            }
        }
        // A lone fallback with no visible image beside it: keep the image.
        dom.insert_before(ns, new_img);
        dom.detach(ns);
    }
}

/// The first non-empty value among attributes `names` of `n`.
fn first_attr(dom: &Dom, n: NodeId, names: &[&str]) -> Option<String> {
    names
        .iter()
        .filter_map(|a| dom.attr(n, a))
        .find(|v| !v.trim().is_empty())
        .map(str::to_string)
}

/// The URL of the first candidate of a `srcset` (commas may be inside it).
fn first_in_srcset(srcset: &str) -> Option<String> {
    srcset_candidates(srcset).first().map(|c| c.url.to_string())
}

fn fix_lazy_images(dom: &mut Dom) {
    let root = dom.document();
    let imgs: Vec<NodeId> = dom
        .descendants(root)
        .filter(|&n| matches!(dom.tag(n), "img" | "picture" | "figure" | "source"))
        .collect();
    for n in imgs {
        let tag = dom.tag(n).to_string();
        let src = dom.attr(n, "src").unwrap_or("").to_string();
        let has_srcset = dom
            .attr(n, "srcset")
            .is_some_and(|s| !s.trim().is_empty() && !s.trim().starts_with("data:"));
        if tag == "img" {
            if let Some(real) = first_attr(dom, n, patterns::LAZY_SRC_ATTRS) {
                if is_placeholder_src(&src) || !looks_like_image_url(&src) {
                    dom.set_attr(n, "src", &real);
                }
            }
            if let Some(real) = first_attr(dom, n, patterns::LAZY_SRCSET_ATTRS) {
                if !has_srcset {
                    dom.set_attr(n, "srcset", &real);
                }
            }
            // Any other attribute that holds an image URL, when src is a placeholder.
            let src_now = dom.attr(n, "src").unwrap_or("").to_string();
            if is_placeholder_src(&src_now) {
                let candidate = dom
                    .attrs(n)
                    .iter()
                    .filter(|a| {
                        !matches!(&*a.name.local, "src" | "srcset" | "alt" | "class" | "id")
                    })
                    .map(|a| a.value.to_string())
                    .find(|v| looks_like_image_url(v) && !v.contains(' '));
                if let Some(c) = candidate {
                    dom.set_attr(n, "src", &c);
                } else if let Some(first) = dom.attr(n, "srcset").and_then(first_in_srcset) {
                    dom.set_attr(n, "src", &first);
                }
            }
        } else if tag == "source" {
            if let Some(real) = first_attr(dom, n, patterns::LAZY_SRCSET_ATTRS) {
                if !has_srcset {
                    dom.set_attr(n, "srcset", &real);
                }
            }
        } else if tag == "picture" {
            // A <picture> whose <img> has no usable src: take the first <source>.
            let Some(img) = dom.find_tag(n, "img") else {
                continue;
            };
            let src = dom.attr(img, "src").unwrap_or("").to_string();
            if is_placeholder_src(&src) {
                let from_source = dom
                    .find_all_tags(n, "source")
                    .into_iter()
                    .filter_map(|s| {
                        patterns::LAZY_SRCSET_ATTRS
                            .iter()
                            .chain(std::iter::once(&"srcset"))
                            .filter_map(|a| dom.attr(s, a))
                            .find(|v| !v.trim().is_empty())
                            .map(str::to_string)
                    })
                    .next();
                if let Some(srcset) = from_source {
                    if let Some(first) = first_in_srcset(&srcset) {
                        dom.set_attr(img, "src", &first);
                    }
                    if !dom.has_attr(img, "srcset") {
                        dom.set_attr(img, "srcset", &srcset);
                    }
                }
            }
        }
    }
}

fn is_whitespace_text(dom: &Dom, id: NodeId) -> bool {
    dom.text(id).is_some_and(|t| t.trim().is_empty())
}

fn next_non_ws(dom: &Dom, id: NodeId) -> Option<NodeId> {
    dom.next_sibling_where(id, |x| !is_whitespace_text(dom, x))
}

/// Readability's `_replaceBrs`: two or more consecutive `<br>`s end a
/// paragraph; following inline content becomes a `<p>`.
fn replace_fonts_and_brs(dom: &mut Dom) {
    let root = dom.document();
    // Both lists in one walk: renaming a <font> moves no <br>.
    let (mut fonts, mut brs) = (Vec::new(), Vec::new());
    for n in dom.descendants(root) {
        match dom.tag(n) {
            "font" => fonts.push(n),
            "br" => brs.push(n),
            _ => {}
        }
    }
    for f in fonts {
        dom.rename(f, "span");
    }
    for br in brs {
        if dom.parent(br).is_none() {
            continue;
        }
        let mut next = next_non_ws(dom, br);
        let mut replaced = false;
        while let Some(n) = next {
            if dom.tag(n) != "br" {
                break;
            }
            replaced = true;
            next = next_non_ws(dom, n);
            dom.detach(n);
        }
        if !replaced {
            continue;
        }
        let p = dom.create_element("p");
        dom.insert_before(br, p);
        dom.detach(br);
        let mut next = dom.next_sibling(p);
        while let Some(n) = next {
            if dom.tag(n) == "br" {
                if let Some(after) = next_non_ws(dom, n) {
                    if dom.tag(after) == "br" {
                        break;
                    }
                }
            }
            if dom.is_element(n) && !is_phrasing(dom, n) {
                break;
            }
            next = dom.next_sibling(n);
            dom.append(p, n);
        }
        while let Some(l) = dom.node(p).last_child {
            if is_whitespace_text(dom, l) {
                dom.detach(l);
            } else {
                break;
            }
        }
        if let Some(parent) = dom.parent(p) {
            if dom.tag(parent) == "p" {
                dom.rename(parent, "div");
            }
        }
    }
}

/// True for phrasing content (text, inline elements, and `a`/`del`/`ins`
/// whose children are all phrasing).
pub fn is_phrasing(dom: &Dom, id: NodeId) -> bool {
    match &dom.node(id).data {
        NodeData::Text(_) => true,
        NodeData::Element { .. } => {
            let tag = dom.tag(id);
            if matches!(tag, "a" | "del" | "ins") {
                dom.descendants(id)
                    .skip(1)
                    .all(|d| !dom.is_element(d) || is_one_of(dom.tag(d), patterns::PHRASING_ELEMS))
            } else {
                is_one_of(tag, patterns::PHRASING_ELEMS)
            }
        }
        _ => false,
    }
}

/// Resolves every `href` (except in-page `#` links), `src`, `poster`,
/// `cite` and `srcset` under `root` against `base`.
pub fn absolutize_urls(dom: &mut Dom, root: NodeId, base: Option<&Url>) {
    if base.is_none() {
        return;
    }
    let nodes: Vec<NodeId> = dom
        .descendants(root)
        .filter(|&n| dom.is_element(n))
        .collect();
    for n in nodes {
        for attr in ["href", "src", "poster", "cite"] {
            if let Some(v) = dom.attr(n, attr) {
                if attr == "href" && v.trim_start().starts_with('#') {
                    continue;
                }
                let abs = absolutize(base, v);
                dom.set_attr(n, attr, &abs);
            }
        }
        if let Some(srcset) = dom.attr(n, "srcset") {
            let abs = absolutize_srcset(base, srcset);
            dom.set_attr(n, "srcset", &abs);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::Options;
    use crate::dom::Limits;

    #[test]
    fn inline_styles_that_hide() {
        for style in [
            "display:none",
            "DISPLAY : None ;",
            "width: 10px; display:\tnone",
            "display:none !important",
            "display: none!IMPORTANT;",
            "visibility:hidden",
            "color: red;visibility : HIDDEN",
        ] {
            assert!(hides_by_style(style), "{style:?}");
        }
        for style in [
            "",
            "width:100%",
            "display:block",
            "display:nonexistent",
            "display:none-ish",
            "visibility:visible",
            "content:'display:none'",
            "display:important",
            "déplay:none",
            "display:no ne",
        ] {
            assert!(!hides_by_style(style), "{style:?}");
        }
    }

    #[test]
    fn hidden_elements() {
        let dom = Dom::parse(
            r#"<p id=a hidden>x</p><p id=b aria-hidden="true">x</p>
            <img id=c aria-hidden="true" class="mw-fallback-image">
            <p id=d aria-hidden="false" style="color:red">x</p>
            <p id=e style="display: none">x</p><p id=f>x</p>"#,
            &Limits::default(),
        )
        .unwrap();
        let hidden: Vec<&str> = ["a", "b", "c", "d", "e", "f"]
            .into_iter()
            .filter(|id| {
                let n = dom
                    .descendants(dom.document())
                    .find(|&n| dom.attr(n, "id") == Some(*id))
                    .unwrap();
                is_hidden(&dom, n)
            })
            .collect();
        assert_eq!(hidden, ["a", "b", "e"]);
    }

    fn prepared(html: &str, url: Option<&str>) -> Dom {
        let mut dom = Dom::parse(html, &Limits::default()).unwrap();
        let ctx = Context {
            base: base_url(&dom, url),
            ..Context::new(Options::default())
        };
        run(&mut dom, &ctx);
        dom
    }

    /// `prepared`, then every URL of the page resolved as the pipeline
    /// resolves the chosen article's.
    fn resolved(html: &str, url: Option<&str>) -> Dom {
        let mut dom = Dom::parse(html, &Limits::default()).unwrap();
        // Read before preparing drops <head> and its <base>.
        let base = base_url(&dom, url);
        let ctx = Context {
            base: base.clone(),
            ..Context::new(Options::default())
        };
        run(&mut dom, &ctx);
        let root = dom.document();
        absolutize_urls(&mut dom, root, base.as_ref());
        dom
    }

    #[test]
    fn urls_are_resolved_only_under_the_given_root() {
        let url = Some("https://example.org/a/b.html");
        let mut dom = prepared(
            "<nav><a href='/home'>h</a></nav><article><a href='c.html'>c</a>\
             <a href='#n1'>1</a><img src='p.jpg' srcset='p.jpg 1x, q.jpg 2x'></article>",
            url,
        );
        let links = dom.find_all_tags(dom.document(), "a");
        // Preparing leaves URLs as the page wrote them.
        assert_eq!(dom.attr(links[1], "href"), Some("c.html"));
        let article = dom.find_tag(dom.document(), "article").unwrap();
        let base = url.and_then(crate::link::Url::parse);
        absolutize_urls(&mut dom, article, base.as_ref());
        assert_eq!(dom.attr(links[0], "href"), Some("/home"));
        assert_eq!(
            dom.attr(links[1], "href"),
            Some("https://example.org/a/c.html")
        );
        assert_eq!(dom.attr(links[2], "href"), Some("#n1"));
        let img = dom.find_tag(article, "img").unwrap();
        assert_eq!(dom.attr(img, "src"), Some("https://example.org/a/p.jpg"));
        assert_eq!(
            dom.attr(img, "srcset"),
            Some("https://example.org/a/p.jpg 1x, https://example.org/a/q.jpg 2x")
        );
    }

    #[test]
    fn drops_scripts_hidden_and_dialogs() {
        let dom = prepared(
            "<p>keep</p><script>bad()</script><style>p{}</style><div hidden>h</div>\
             <div aria-hidden=true>a</div><div style='display: none'>d</div><dialog>x</dialog><template>t</template>",
            None,
        );
        assert_eq!(dom.text_content(dom.document()), "keep");
    }

    #[test]
    fn resolves_lazy_images_and_urls() {
        let dom = resolved(
            "<base href='/news/'><img src='data:image/gif;base64,R0lGOD' data-src='pic.jpg'>\
             <a href='../about'>x</a><picture><source data-srcset='big.webp 2x'><img></picture>",
            Some("https://example.org/a/b.html"),
        );
        let imgs = dom.find_all_tags(dom.document(), "img");
        assert_eq!(
            dom.attr(imgs[0], "src"),
            Some("https://example.org/news/pic.jpg")
        );
        assert_eq!(
            dom.attr(imgs[1], "src"),
            Some("https://example.org/news/big.webp")
        );
        let a = dom.find_tag(dom.document(), "a").unwrap();
        assert_eq!(dom.attr(a, "href"), Some("https://example.org/about"));
    }

    #[test]
    fn lazy_src_from_a_srcset_keeps_commas_inside_its_url() {
        let dom = resolved(
            "<img src='data:image/gif;base64,R0lGOD' \
             data-srcset='/img/upload/c_fill,h_80,w_80/k.jpg 80w, /img/upload/c_fit,w_800/k.jpg 800w'>\
             <picture><source data-srcset='/img/c_scale,w_640/m.webp 640w,/img/c_scale,w_1280/m.webp 1280w'>\
             <img></picture>",
            Some("https://example.org/a/b.html"),
        );
        let imgs = dom.find_all_tags(dom.document(), "img");
        assert_eq!(
            dom.attr(imgs[0], "src"),
            Some("https://example.org/img/upload/c_fill,h_80,w_80/k.jpg")
        );
        assert_eq!(
            dom.attr(imgs[1], "src"),
            Some("https://example.org/img/c_scale,w_640/m.webp")
        );
        assert_eq!(
            dom.attr(imgs[1], "srcset"),
            Some(
                "https://example.org/img/c_scale,w_640/m.webp 640w, \
                 https://example.org/img/c_scale,w_1280/m.webp 1280w"
            )
        );
    }

    #[test]
    fn noscript_fallback_replaces_placeholder() {
        let dom = resolved(
            "<div><img src='data:image/gif;base64,R0'><noscript><img src='real.jpg' alt='A'></noscript></div>",
            Some("https://example.org/"),
        );
        let imgs = dom.find_all_tags(dom.document(), "img");
        assert_eq!(imgs.len(), 1);
        assert_eq!(
            dom.attr(imgs[0], "src"),
            Some("https://example.org/real.jpg")
        );
    }

    #[test]
    fn noscript_fallback_replaces_the_placeholder_beside_an_empty_image() {
        // A small preview wrapped in a <div>, an <img> the script would fill,
        // and the full image in a <noscript>: only the full image remains.
        let dom = resolved(
            "<figure><div class='wrap'><img src='/pics/60/k.png?q=20' width='900'></div>\
             <img class='later' width='900'><noscript><img src='/pics/1800/k.png' width='900'>\
             </noscript><figcaption>Kites</figcaption></figure>",
            Some("https://example.org/"),
        );
        let imgs = dom.find_all_tags(dom.document(), "img");
        assert_eq!(imgs.len(), 1);
        assert_eq!(
            dom.attr(imgs[0], "src"),
            Some("https://example.org/pics/1800/k.png")
        );
        // An image with only a lazy-load attribute is not empty.
        let dom = resolved(
            "<p><img data-src='/photo?id=7'></p>",
            Some("https://example.org/"),
        );
        let imgs = dom.find_all_tags(dom.document(), "img");
        assert_eq!(
            dom.attr(imgs[0], "src"),
            Some("https://example.org/photo?id=7")
        );
    }

    #[test]
    fn double_br_becomes_paragraphs() {
        let dom = prepared("<div>one<br><br>two<br>still two</div>", None);
        let ps = dom.find_all_tags(dom.document(), "p");
        assert_eq!(ps.len(), 1);
        assert_eq!(dom.text_content(ps[0]), "twostill two");
    }
}
