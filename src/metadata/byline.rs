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

/// The author names of a line that is a byline and nothing else: a
/// byline word ("By", "Von", "Por"…, perhaps after "Written") or a label
/// with its colon ("Autor:"), then
/// names, and at most a date or time after them ("Von Ann Lee und Bo
/// Lin, NDR", "By Ann Lee | May 2, 2024, 6:01 pm"). Every word of the
/// names opens with a capital, but for name particles ("de", "van") and
/// the words joining names ("and", "und"): "By the river" and "Von der
/// Planung bis zum Fest" are no bylines. At most 100 characters (the
/// tables are in `patterns/meta.rs`).
pub fn byline_line(text: &str) -> Option<String> {
    let text = normalize_ws(text);
    if text.chars().count() > patterns::BYLINE_LINE_MAX {
        return None;
    }
    let mut tokens = text.split(' ');
    let mut low = tokens.next()?.to_lowercase();
    // "Written by", "Escrito por", "Scritto da": the lead word goes.
    if patterns::BYLINE_LINE_LEADS.contains(&low.as_str()) {
        low = tokens.next()?.to_lowercase();
        if low == "da" {
            low = "by".to_string();
        }
    }
    let labelled =
        low.ends_with(':') && patterns::BYLINE_LINE_LABELS.contains(&low.trim_end_matches(':'));
    if !labelled && !patterns::BYLINE_PREFIXES.contains(&low.as_str()) {
        return None;
    }
    let rest: Vec<&str> = tokens.collect();
    let cut = rest
        .iter()
        .enumerate()
        .position(|(i, t)| ends_names(t, rest.get(i + 1).copied()))
        .unwrap_or(rest.len());
    let (names, after) = rest.split_at(cut);
    let name_word = |t: &&str| {
        let bare = t.trim_end_matches([',', ';']);
        bare.chars().next().is_some_and(char::is_uppercase)
            && bare
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
    };
    let joiner = |t: &&str| {
        let low = t.trim_end_matches(',').to_lowercase();
        patterns::NAME_PARTICLES.contains(&low.as_str())
            || patterns::NAME_JOINERS.contains(&low.as_str())
    };
    let named = names.first().is_some_and(name_word)
        && names.last().is_some_and(name_word)
        && names.len() <= patterns::BYLINE_LINE_MAX_WORDS
        && names.iter().all(|t| name_word(t) || joiner(t))
        // "Von Miller" alone is a name, not "by Miller".
        && (names.len() >= 2 || !patterns::BYLINE_PREFIXES_AMBIGUOUS.contains(&low.as_str()));
    // What follows the names is a date or time ("| 2. Mai 2024, 06:30 Uhr").
    let dated = after.is_empty() || after.iter().any(|t| t.chars().any(|c| c.is_ascii_digit()));
    if !(named && dated) {
        return None;
    }
    clean_byline(&names.join(" "))
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
    fn byline_lines_are_a_prefix_names_and_at_most_a_date() {
        let b = |s: &str| byline_line(s);
        assert_eq!(b("von Ann Lee").as_deref(), Some("Ann Lee"));
        assert_eq!(b("Escrito por Ana Ruiz").as_deref(), Some("Ana Ruiz"));
        assert_eq!(b("Scritto da Anna Neri").as_deref(), Some("Anna Neri"));
        assert_eq!(
            b("Von Ann Lee und Bo Lin, NDR").as_deref(),
            Some("Ann Lee und Bo Lin, NDR")
        );
        assert_eq!(b("By Ann Lee | May 2, 2024").as_deref(), Some("Ann Lee"));
        assert_eq!(b("Von Miller"), None);
        assert_eq!(b("By Ann Lee | Staff writer"), None);
        assert_eq!(b("By the harbour"), None);
        assert_eq!(b("Ann Lee"), None);
        assert_eq!(b("Autor Ann Lee"), None);
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
