//! Bylines: the text of a byline element, cleaned to the author names.

use super::meta::unescape_html_entities;
use crate::dom::{Dom, NodeId};
use crate::patterns;
use crate::text::lower;
use crate::text::normalize_ws;

/// Cleans a byline to the author names: entities decoded, whitespace
/// collapsed, a leading "By" (or "Von", "Par", "Por", "by:"…) removed, and
/// whatever follows the names cut off (a date, "| Staff", "· Photos by…").
/// Returns `None` when nothing name-like is left (e.g. only a date).
pub fn clean_byline(raw: &str) -> Option<String> {
    let text = normalize_ws(&unescape_html_entities(raw));
    let mut tokens: Vec<&str> = text.split(' ').filter(|t| !t.is_empty()).collect();

    // A credit word among the first few tokens: "By Ann Lee", "Words by Ann
    // Lee", "Tech Industry by Ann Lee". Only "by" may stand after other words.
    let is_prefix = |t: &str, remaining: usize| {
        let w = t.trim_end_matches(':').to_lowercase();
        patterns::BYLINE_PREFIXES.contains(&w.as_str())
            && (remaining >= 2 || !patterns::BYLINE_PREFIXES_AMBIGUOUS.contains(&w.as_str()))
            && remaining >= 1
    };
    if let Some(i) = tokens.iter().take(4).enumerate().position(|(i, t)| {
        let remaining = tokens.len() - i - 1;
        if i == 0 {
            is_prefix(t, remaining)
        } else {
            // "Ann Lee, photos by Bo Lin": the credit after the names is cut below.
            let credit = tokens[i - 1]
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            t.trim_end_matches(':').eq_ignore_ascii_case("by")
                && remaining >= 1
                && !(i >= 2 && patterns::NON_AUTHOR_CREDITS.contains(&credit.as_str()))
        }
    }) {
        tokens.drain(..=i);
    }

    // Cut at the first token that ends the names.
    let cut = tokens
        .iter()
        .enumerate()
        .position(|(i, t)| ends_names(t, tokens.get(i + 1).copied()))
        .unwrap_or(tokens.len());
    tokens.truncate(cut);

    let joined = tokens.join(" ");
    let trimmed = joined.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '|' | '-' | '–' | '—' | '·' | '•')
    });
    if trimmed.chars().any(char::is_alphabetic) {
        Some(trimmed.to_string())
    } else {
        None
    }
}

/// True if `token` (followed by `next`) starts what comes after the names
/// in a byline: a separator, a number, a month followed by a number, or a
/// word such as "Updated".
fn ends_names(token: &str, next: Option<&str>) -> bool {
    let bare = token.trim_matches(|c: char| !c.is_alphanumeric());
    let low = bare.to_lowercase();
    let starts_digit = |t: &str| t.chars().next().is_some_and(|c| c.is_ascii_digit());
    patterns::BYLINE_STOP_TOKENS.contains(&token)
        || token.starts_with('@')
        || token.starts_with('|')
        || starts_digit(bare)
        || (patterns::MONTHS.contains(&low.as_str()) && next.is_some_and(starts_digit))
        || patterns::BYLINE_DATE_WORDS.contains(&low.as_str())
        || (low == "last" && next.is_some_and(|n| n.to_lowercase().starts_with("updated")))
        || next.is_some_and(|n| n.eq_ignore_ascii_case("by"))
}

/// The byline text of a byline element: the text of a descendant with
/// `itemprop="name"` if there is one (Readability), otherwise the element's
/// text without `<time>` elements and parts whose class or id names a job
/// title, date or photo. Returned raw; see [`clean_byline`].
pub fn byline_text(dom: &Dom, node: NodeId) -> String {
    if let Some(name) = dom
        .descendants(node)
        .skip(1)
        .find(|&d| dom.attr(d, "itemprop").is_some_and(|v| v.contains("name")))
    {
        let t = dom.text_content(name);
        if !t.trim().is_empty() {
            return t;
        }
    }
    let mut out = String::new();
    collect_byline_text(dom, node, &mut out, true);
    // Lines (`<br>`) after the names hold a role or affiliation: keep the
    // first line with a name in it ("By" alone on a line does not count).
    let named = out.lines().find(|line| {
        clean_byline(line).is_some_and(|c| {
            let low = c.trim_end_matches(':').to_lowercase();
            !patterns::BYLINE_PREFIXES.contains(&low.as_str())
        })
    });
    named.unwrap_or(&out).to_string()
}

fn collect_byline_text(dom: &Dom, node: NodeId, out: &mut String, top: bool) {
    if let Some(t) = dom.text(node) {
        out.push_str(&t.replace('\n', " "));
        return;
    }
    if dom.is_element(node) && dom.tag(node) == "br" {
        out.push('\n');
        return;
    }
    if !top && dom.is_element(node) {
        let class = lower(&dom.class_and_id(node));
        if dom.tag(node) == "time" || patterns::contains_any(&class, patterns::BYLINE_NOISE) {
            out.push(' ');
            return;
        }
    }
    for c in dom.children(node) {
        collect_byline_text(dom, c, out, false);
    }
    if dom.is_element(node) && patterns::is_one_of(dom.tag(node), patterns::BLOCK_ELEMS) {
        out.push(' ');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::Limits;

    #[test]
    fn bylines_are_names_only() {
        let c = |s: &str| clean_byline(s);
        assert_eq!(c("By Ann Lee").as_deref(), Some("Ann Lee"));
        assert_eq!(c("by: Ann Lee").as_deref(), Some("Ann Lee"));
        assert_eq!(c("Von Ute Berg").as_deref(), Some("Ute Berg"));
        assert_eq!(c("Von Miller").as_deref(), Some("Von Miller"));
        assert_eq!(c("Par Jeanne Roux").as_deref(), Some("Jeanne Roux"));
        assert_eq!(c("Ann Lee \u{2014}").as_deref(), Some("Ann Lee"));
        assert_eq!(
            c("Ann Lee - Apr 16, 2015 8:02 pm UTC").as_deref(),
            Some("Ann Lee")
        );
        assert_eq!(c("By Ann Lee May 20, 2019").as_deref(), Some("Ann Lee"));
        assert_eq!(c("Ann Lee \u{2022} 8h").as_deref(), Some("Ann Lee"));
        assert_eq!(c("Ann Lee | Staff writer").as_deref(), Some("Ann Lee"));
        assert_eq!(c("Harbour Desk by Ann Lee").as_deref(), Some("Ann Lee"));
        assert_eq!(
            c("Written by Ann Lee Edited by Bo Lin").as_deref(),
            Some("Ann Lee")
        );
        assert_eq!(
            c("Ann Lee and Bo Lin").as_deref(),
            Some("Ann Lee and Bo Lin")
        );
        assert_eq!(c("Lee, Ann").as_deref(), Some("Lee, Ann"));
        assert_eq!(c("April 28, 2019 at 6:01 am"), None);
        assert_eq!(c("Last Updated: January 7, 2025"), None);
        assert_eq!(c("Updated 3 hours ago"), None);
    }

    #[test]
    fn byline_text_prefers_itemprop_name_and_skips_roles() {
        let dom = Dom::parse(
            r#"<div id=a class=byline>By <span itemprop="name">Ann Lee</span> <time>May 2</time></div>
            <div id=b class=author><a>Bo Lin</a><div class="author-title">Harbour Editor</div><time>today</time></div>
            <div id=c class=byline>By<br><a rel=author>Cy Dunn, RN</a><br>Harbour Health News</div>"#,
            &Limits::default(),
        )
        .unwrap();
        let by_id = |id: &str| {
            dom.descendants(dom.document())
                .find(|&n| dom.attr(n, "id") == Some(id))
                .unwrap()
        };
        assert_eq!(byline_text(&dom, by_id("a")), "Ann Lee");
        assert_eq!(
            clean_byline(&byline_text(&dom, by_id("b"))).as_deref(),
            Some("Bo Lin")
        );
    }
}
