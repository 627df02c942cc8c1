//! A server's own error notices written into the page: PHP, set to show
//! its errors, prints each as a line of the body ("<b>Warning</b>:
//! Something failed in <b>/var/www/site/file.php</b> on line <b>56</b>
//! <br />"), wherever the page was being written. Dozens of them can stand
//! before, inside and after the article; none is the page's text.

use crate::context::Context;
use crate::dom::{Dom, NodeId};
use crate::patterns;

/// Removes every server error notice ([`notice_line`]) and the line
/// breaks after it.
pub(super) fn drop_server_notices(dom: &mut Dom, ctx: &Context) {
    let labels: Vec<NodeId> = dom
        .descendants(dom.document())
        .filter(|&n| dom.tag(n) == "b" && is_label(dom, n))
        .collect();
    for label in labels {
        let Some(line) = notice_line(dom, label) else {
            continue;
        };
        ctx.dropped(label, "server-notice");
        for n in line {
            dom.detach(n);
        }
    }
}

/// Whether the `<b>` element `b` holds only one of
/// [`patterns::SERVER_NOTICE_LABELS`].
fn is_label(dom: &Dom, b: NodeId) -> bool {
    dom.children(b).count() == 1
        && dom
            .first_child(b)
            .and_then(|t| dom.text(t))
            .is_some_and(|t| patterns::SERVER_NOTICE_LABELS.contains(&t.trim()))
}

/// Most characters of a notice's line.
const NOTICE_MAX: usize = 1000;

/// The nodes of the notice that `label` opens, up to its line's end (and
/// the line breaks and whitespace after it): the label, ": message in",
/// the file (a path ending in ".php" or "…php"), " on line ", the line's
/// number; `None` when the line after the label reads otherwise.
fn notice_line(dom: &Dom, label: NodeId) -> Option<Vec<NodeId>> {
    let mut nodes = vec![label];
    let mut text = String::new();
    let mut at = dom.next_sibling(label);
    while let Some(n) = at {
        if dom.tag(n) == "br" {
            break;
        }
        if dom.is_element(n) && dom.tag(n) != "b" {
            return None;
        }
        match dom.text(n) {
            Some(t) => text.push_str(t),
            None => text.push_str(&crate::query::inner_text(dom, n)),
        }
        if text.len() > NOTICE_MAX {
            return None;
        }
        nodes.push(n);
        at = dom.next_sibling(n);
    }
    if !reads_as_notice(&text) {
        return None;
    }
    // The line breaks (PHP writes "<br />\n<br />") and blank text after.
    while let Some(n) = at {
        let blank = dom.text(n).is_some_and(|t| t.trim().is_empty());
        if dom.tag(n) != "br" && !blank {
            break;
        }
        nodes.push(n);
        at = dom.next_sibling(n);
    }
    Some(nodes)
}

/// Whether `rest`, the line after a notice's label, reads ": <message>
/// in <file> on line <number>".
fn reads_as_notice(rest: &str) -> bool {
    let Some(rest) = rest.trim().strip_prefix(':') else {
        return false;
    };
    let Some((head, number)) = rest.trim_end().rsplit_once(" on line ") else {
        return false;
    };
    let Some((message, file)) = head.rsplit_once(" in ") else {
        return false;
    };
    !message.trim().is_empty()
        && !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
        && file.trim().ends_with("php")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::Options;
    use crate::dom::Limits;

    fn text_after(html: &str) -> String {
        let mut dom = Dom::parse(html, &Limits::default()).unwrap();
        drop_server_notices(&mut dom, &Context::new(Options::default()));
        crate::query::inner_text(&dom, dom.document())
    }

    #[test]
    fn a_servers_notices_go_the_text_around_them_stays() {
        let html = "<body><div><b>Warning</b>:  Cannot modify header information in \
            <b>/var/www/site/inc/head.php</b> on line <b>12</b><br />\n<br />\n\
            <p>The ferry left at nine.</p>\
            <b>Deprecated</b>: Function split() is deprecated in <b>C:\\site\\lib.php</b> on line <b>7</b><br />\
            <p>It came back at noon.</p></div></body>";
        let text = text_after(html);
        assert!(!text.contains("Cannot modify"), "{text}");
        assert!(!text.contains("split()"), "{text}");
        assert!(text.contains("The ferry left at nine."), "{text}");
        assert!(text.contains("It came back at noon."), "{text}");
    }

    #[test]
    fn bold_words_of_the_story_that_open_like_a_notice_stay() {
        for line in [
            "<b>Warning</b>: the harbour closes at dusk in winter.<br>",
            "<b>Notice</b>: the meeting on line 3 of the agenda moved in June.<br>",
            "<b>Warning</b>: see the note in /docs/ferry.txt on line 4<br>",
            "<b>Warning</b>: the <a href=/x>timetable</a> in file.php on line 4<br>",
        ] {
            let html = format!("<body><div>{line}<p>The ferry left at nine.</p></div></body>");
            let text = text_after(&html);
            let words = line.split(['>', '<']).nth(4).unwrap_or("");
            assert!(text.contains(words.trim()), "{line} lost: {text}");
        }
    }
}
