//! The allow-list audit: checks sanitised HTML against the allow-list the
//! sanitiser writes by, independently of the writer (for the fuzz targets
//! and the tests).

use super::allow::{attr_ok, ALLOWED_TAGS};
use super::html::{body_of_fragment, FRAGMENT_PREFIX};
use super::mathml::{math_attr_ok, MATH_TAGS};
use crate::dom::{Dom, Limits, NodeData};
use crate::patterns::is_one_of;

/// What in `content` (sanitised article HTML, parsed as the reader parses
/// it) is off the sanitiser's allow-list: each element whose tag is not
/// allowed, not in the HTML namespace, and each attribute that is not
/// allowed on its element or holds a URL of a refused scheme, as one
/// message. Empty when `content` passes; a message of its own when it does
/// not parse within the default [`Limits`].
pub fn audit(content: &str) -> Vec<String> {
    let dom = match Dom::parse(&format!("{FRAGMENT_PREFIX}{content}"), &Limits::default()) {
        Ok(dom) => dom,
        Err(e) => return vec![format!("does not parse: {e}")],
    };
    let Some(body) = body_of_fragment(&dom) else {
        return vec!["no body".to_string()];
    };
    let mut bad = Vec::new();
    for id in dom.descendants(body).filter(|&n| n != body) {
        if !matches!(dom.node(id).data, NodeData::Element { .. }) {
            continue;
        }
        let tag = dom.tag(id);
        let in_math = dom
            .ancestors(id)
            .take_while(|&a| a != body)
            .any(|a| dom.is_mathml(a));
        let mathml = dom.is_mathml(id);
        let allowed = if mathml {
            // MathML Core, in a formula; an annotation holds text only,
            // and only in <semantics>.
            is_one_of(tag, MATH_TAGS)
                && (in_math || tag == "math")
                && (tag != "annotation"
                    || (dom.parent(id).is_some_and(|p| dom.tag(p) == "semantics")
                        && dom.element_children(id).next().is_none()))
        } else {
            dom.is_html(id) && !in_math && is_one_of(tag, ALLOWED_TAGS)
        };
        if !allowed {
            bad.push(format!("element <{tag}> is not allowed"));
            continue;
        }
        for a in dom.attrs(id) {
            let name = &*a.name.local;
            let ok = if mathml {
                math_attr_ok(tag, name, &a.value)
            } else {
                attr_ok(tag, name, &a.value)
            };
            if !a.name.ns.is_empty() || !ok {
                bad.push(format!(
                    "attribute {name}={:?} on <{tag}> is not allowed",
                    &*a.value
                ));
            }
        }
    }
    bad
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audit_refuses_what_the_sanitiser_drops() {
        assert!(audit(
            "<p>ok <a href=\"https://e.org/\">x</a> <img src=\"data:image/png;base64,AA\"></p>"
        )
        .is_empty());
        assert_eq!(audit("<script>x</script>").len(), 1);
        assert_eq!(audit("<p onclick=\"x\">y</p>").len(), 1);
        assert_eq!(audit("<a href=\"javascript:x\">y</a>").len(), 1);
        assert_eq!(audit("<img src=\"data:image/svg+xml,x\">").len(), 1);
        assert_eq!(audit("<svg><title>t</title></svg>").len(), 2);
        assert_eq!(audit("<p style=\"color:red\" class=\"x\">y</p>").len(), 2);
        assert!(
            audit("<p><math display=\"block\"><mi>x</mi><mo>+</mo><mn>1</mn></math></p>")
                .is_empty()
        );
        assert_eq!(
            audit("<math><mi href=\"https://e.org/\">x</mi></math>").len(),
            1
        );
        assert_eq!(audit("<math><maction><mi>x</mi></maction></math>").len(), 1);
        assert_eq!(audit("<math><mtext><b>x</b></mtext></math>").len(), 1);
        assert_eq!(audit("<math><annotation>t</annotation></math>").len(), 1);
    }
}
