//! The rule on a publication's "follow us" line left in the body: "Follow
//! the Courier on Google News", "Folgt uns auf Instagram", "Recibe alertas
//! desde Google News". Read as a whole short line, never as words inside a
//! longer paragraph.

use super::*;

/// Rule on a short block (at most [`patterns::FOLLOW_LINE_MAX`] characters,
/// at most two sentences) that opens with a follow imperative and names a
/// platform ([`patterns::FOLLOW_PLATFORMS`] or
/// [`patterns::FOLLOW_NEWS_PLATFORMS`], as whole words; or "X" as the last
/// word after the preposition, "… on X"). An imperative
/// that names the publication ([`patterns::FOLLOW_US_OPENERS`]: "Folgt
/// uns", "Join our") is enough; a bare one ([`patterns::FOLLOW_OPENERS`]:
/// "Follow", "Recibe", or a call of [`patterns::FOLLOW_CALLS`] anywhere in
/// the line: "… دنبال کنید") needs a news platform, the site's name, a word for
/// the publication or a link as well, since "Follow the tutorial on
/// YouTube" is a how-to's step. A sentence about a platform ("Users can
/// follow accounts on Threads", "Follow-up posts on Telegram showed …")
/// does not open with the imperative.
pub(super) fn follow_line(b: &Block, page: &Page) -> Option<Verdict> {
    if b.len == 0 || b.len > patterns::FOLLOW_LINE_MAX || !b.has_text() {
        return None;
    }
    let t = b.text().trim_start_matches(|c: char| !is_word_char(c));
    let &first = t.as_bytes().first()?;
    let opens = |table: &[&str]| {
        table.iter().any(|o| {
            // The first byte first: most lines open with none of them.
            o.as_bytes()[0] == first
                && starts_with_word(t, o)
                // "Follow-up": a compound, not the imperative.
                && !t[o.len()..].starts_with('-')
        })
    };
    let us = opens(patterns::FOLLOW_US_OPENERS);
    if !us && !opens(patterns::FOLLOW_OPENERS) && follow_call_cues().first_in(t, true).is_none() {
        return None;
    }
    // More than two sentences ([`sentences_of`]) is more than a follow line.
    if sentences_of(t).nth(2).is_some()
        || (follow_platform_cues().first_in(t, true).is_none() && !ends_on_x(t))
    {
        return None;
    }
    let more = us
        || follow_news_cues().first_in(t, true).is_some()
        || self_word_cues().first_in(t, true).is_some()
        || page.site_named_in(t)
        || b.link_density() >= 0.5;
    more.then(|| Verdict::new(ClutterKind::Share, &["follow-line"]))
}

/// Whether `t` ends with a follow line's preposition and "X", the
/// platform ("… on X.", "… auf X"): as the last word after the
/// preposition, "X" names nothing else.
fn ends_on_x(t: &str) -> bool {
    let t = t.trim_end_matches(|c: char| !is_word_char(c));
    t.strip_suffix(" x").is_some_and(|head| {
        patterns::BARE_FOLLOW_NAMED
            .iter()
            .any(|&(_, on)| head.strip_suffix(on).is_some_and(|h| h.ends_with(' ')))
    })
}
