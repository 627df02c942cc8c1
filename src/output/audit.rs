//! The allow-list audit: checks sanitised HTML against the allow-list the
//! sanitiser writes by, independently of the writer (for the fuzz targets
//! and the tests).

use super::allow::{attr_ok, ALLOWED_TAGS};
use super::html::{body_of_fragment, FRAGMENT_PREFIX};
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
        if !dom.is_html(id) || !is_one_of(tag, ALLOWED_TAGS) {
            bad.push(format!("element <{tag}> is not allowed"));
            continue;
        }
        for a in dom.attrs(id) {
            let name = &*a.name.local;
            if !a.name.ns.is_empty() || !attr_ok(tag, name, &a.value) {
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
    }
}
