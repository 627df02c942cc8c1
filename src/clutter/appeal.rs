//! The rules on a publication's own appeal set as a line of the body: an
//! imperative that opens a sentence and asks the reader to subscribe,
//! become a member, donate, join a channel or get the app, with what it
//! offers ("Become a member of the Courier and read every article",
//! "Wesprzyj niezależne dziennikarstwo"), and a paragraph that opens with
//! a question on the reader's liking ("Enjoyed this article?") and goes on
//! to ask for support.

use super::*;

/// The kind of appeal whose imperative ([`patterns::APPEAL_OPENERS`]) opens
/// a sentence of `t`: at its start or after a sentence's end (". ", "! ",
/// "? ", ": "), past an opening "¿" or "¡". A quoted imperative («…», "…")
/// is someone's words, not the page's, and opens nothing here.
fn appeal_opening(t: &str) -> Option<ClutterKind> {
    let by_byte = openers_by_first_byte();
    let mut from = 0;
    loop {
        let s = t[from..].trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '¿' | '¡'));
        if let Some(&first) = s.as_bytes().first() {
            // Only the openers that start with this byte: most sentences
            // open with none of them.
            for &i in &by_byte[usize::from(first)] {
                let (o, kind) = patterns::APPEAL_OPENERS[i];
                if starts_with_word(s, o) {
                    return Some(kind);
                }
            }
        }
        // The next sentence: after a closing mark and a space. The marks
        // are ASCII, so the byte after them starts a character.
        let rest = &t.as_bytes()[from..];
        let next = rest
            .windows(2)
            .position(|w| matches!(w[0], b'.' | b'!' | b'?' | b':') && w[1] == b' ')?;
        from += next + 2;
    }
}

/// The indices of [`patterns::APPEAL_OPENERS`] by their first byte.
fn openers_by_first_byte() -> &'static [Vec<usize>] {
    static TABLE: OnceLock<Vec<Vec<usize>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = vec![Vec::new(); 256];
        for (i, (o, _)) in patterns::APPEAL_OPENERS.iter().enumerate() {
            if let Some(&b) = o.as_bytes().first() {
                table[usize::from(b)].push(i);
            }
        }
        table
    })
}

/// Rule on a reader-appeal line: a block of at most
/// [`patterns::APPEAL_LINE_MAX`] characters with a sentence opened by an
/// appeal imperative and a word of what it offers
/// ([`patterns::APPEAL_OBJECTS`], [`patterns::APPEAL_OBJECT_STEMS`]); or a paragraph of at most
/// [`patterns::APPEAL_PARAGRAPH_MAX`] opened by a question of
/// [`patterns::APPEAL_QUESTIONS`] that goes on with appeal words
/// ([`patterns::APPEAL_CUES`]). "Subscribe to the idea that …" names no
/// offer and stays; so does a question on the reader's liking that asks for
/// nothing.
pub(super) fn reader_appeal(b: &Block) -> Option<Verdict> {
    if !b.has_text() || b.len > patterns::APPEAL_PARAGRAPH_MAX || is_subheading(b.tag) {
        return None;
    }
    let t = b.text();
    if b.len <= patterns::APPEAL_LINE_MAX {
        if let Some(kind) = appeal_opening(t) {
            if appeal_object_cues().first_in(t, true).is_some() || appeal_stem_cues().any_in(t) {
                return Some(Verdict::new(kind, &["appeal-line"]));
            }
        }
    }
    let body = t.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '¿' | '¡'));
    // The question mark within the first line's bytes (ASCII: a char
    // boundary), read no further.
    let head = &body.as_bytes()[..body.len().min(patterns::APPEAL_QUESTION_MAX)];
    let end = head.iter().position(|&c| c == b'?')?;
    let question = &body[..end];
    let rest = &body[end + 1..];
    (patterns::APPEAL_QUESTIONS
        .iter()
        .any(|q| starts_with_word(question, q))
        && appeal_cues().any_in(rest))
    .then(|| Verdict::new(ClutterKind::Donation, &["appeal-question"]))
}
