//! The rules on a publication's appeal for itself where no imperative
//! opens the sentence: a short block with a sentence that asks the reader
//! for something ("…, unterstützen Sie uns bitte mit einer Spende!"), names
//! the publication itself (we, our; wir, unser…) and what it asks for (a
//! donation, support, a newsletter); a newsletter plug closed by a link to
//! the sign-up form ("… Zur Anmeldung geht es hier."); and a
//! subscriber-only badge or a newsletter's label as a line of its own or
//! as the last sentence of a teaser ("Für Abonnentinnen und Abonnenten
//! inklusive."). A story about someone else's appeal ("Der Verein bittet
//! um Spenden") names no first person, and a quoted or reported appeal
//! ("…", the mayor said) is someone's words: both stay.

use super::*;

/// Marks that open someone's quoted words: a request after one of them in
/// its sentence is quoted. The apostrophe is not one (it elides letters).
const QUOTE_MARKS: [char; 9] = ['"', '„', '“', '”', '«', '»', '「', '『', '‘'];

/// The sentences of `t`: each ends after ".", "!", "?" or "…" followed by
/// a space, or after a full-width stop, exclamation or question mark.
pub(super) fn sentences_of(t: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(t);
    std::iter::from_fn(move || {
        let s = rest?;
        let mut chars = s.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let end = match c {
                '。' | '！' | '？' => Some(i + c.len_utf8()),
                '.' | '!' | '?' | '…' => chars
                    .peek()
                    .filter(|&&(_, n)| n == ' ')
                    .map(|_| i + c.len_utf8()),
                _ => None,
            };
            if let Some(end) = end {
                rest = Some(s[end..].trim_start()).filter(|r| !r.is_empty());
                return Some(&s[..end]);
            }
        }
        rest = None;
        Some(s)
    })
}

/// Whether `part` of a sentence names what an appeal asks for or offers
/// ([`patterns::SELF_APPEAL_OFFERS`], [`patterns::APPEAL_OBJECTS`],
/// [`patterns::APPEAL_OBJECT_STEMS`]).
fn names_offer(part: &str) -> bool {
    self_offer_cues().first_in(part, true).is_some()
        || appeal_object_cues().first_in(part, true).is_some()
        || appeal_stem_cues().any_in(part)
}

/// The kind of appeal that sentence `s` makes for the publication: a
/// request of [`patterns::SELF_APPEAL_REQUESTS`] outside a quote, with a
/// first person of [`patterns::SELF_WORDS`] and, beside the request, what
/// it asks for ([`names_offer`]), unless the request names it
/// ([`patterns::SELF_GIFT_REQUESTS`]). A sentence with a word of reported
/// speech ([`patterns::SPEECH_CUES`]) is someone's words.
fn self_request(s: &str) -> Option<ClutterKind> {
    let i = self_request_cues().first_in(s, true)?;
    let (cue, kind) = patterns::SELF_APPEAL_REQUESTS[i];
    let at = s.find(cue)?;
    let (before, after) = (&s[..at], &s[at + cue.len()..]);
    if before.contains(QUOTE_MARKS) || speech_cues().first_in(s, true).is_some() {
        return None;
    }
    let first_person = self_word_cues().first_in(s, true).is_some();
    let gift = patterns::SELF_GIFT_REQUESTS.contains(&cue);
    (first_person && (gift || names_offer(before) || names_offer(after))).then_some(kind)
}

/// Rule on a publication's appeal for itself in a block of at most
/// [`patterns::SELF_APPEAL_MAX`] characters: a sentence
/// makes one ([`self_request`]), in a block of at most
/// [`patterns::SELF_APPEAL_SENTENCES`] sentences or whose appeals are
/// half its text at least (a paragraph of the story that closes with
/// "subscribe to our channel" stays); or a newsletter plug whose last
/// sentence links to the sign-up ([`patterns::SIGN_UP_LINKS`]) and which
/// names a newsletter ([`patterns::NEWSLETTER_NAMES`]).
pub(super) fn self_appeal(b: &Block) -> Option<Verdict> {
    if !b.has_text() || b.len > patterns::SELF_APPEAL_MAX || is_subheading(b.tag) {
        return None;
    }
    let t = b.text();
    // One scan of the block for both kinds of request first: most blocks
    // hold neither. A request sorts before a sign-up link in the table.
    let first = self_appeal_scan_cues().first_in(t, true)?;
    let request = first < patterns::SELF_APPEAL_REQUESTS.len();
    let sentences: Vec<&str> = sentences_of(t).collect();
    if request {
        let mut appeal_len = 0;
        let mut kind = None;
        for s in &sentences {
            if let Some(k) = self_request(s) {
                kind.get_or_insert(k);
                appeal_len += s.len();
            }
        }
        if let Some(kind) = kind {
            if sentences.len() <= patterns::SELF_APPEAL_SENTENCES || appeal_len * 2 >= t.len() {
                return Some(Verdict::new(kind, &["self-appeal"]));
            }
        }
    }
    let last = sentences.last()?;
    // A sign-up link in the last sentence is one in the block.
    (sign_up_link_cues().first_in(last, true).is_some()
        && !last.contains(QUOTE_MARKS)
        && newsletter_name_cues().any_in(t))
    .then(|| Verdict::new(ClutterKind::NewsletterForm, &["newsletter-plug"]))
}

/// The kind of a subscriber-only badge or newsletter label `core` (a
/// [`label_core`]): one of [`patterns::SUBSCRIBER_LABELS`], alone or after
/// an icon's name glued to it ("lockPara suscriptores": at most
/// [`patterns::BADGE_ICON_MAX`] ASCII letters).
fn badge_kind(core: &str) -> Option<ClutterKind> {
    patterns::SUBSCRIBER_LABELS
        .iter()
        .find(|(l, _)| {
            core.strip_suffix(l).is_some_and(|icon| {
                icon.len() <= patterns::BADGE_ICON_MAX
                    && icon.bytes().all(|c| c.is_ascii_lowercase())
            })
        })
        .map(|&(_, kind)| kind)
}

/// Rule on a subscriber-only badge or a newsletter's label
/// ([`badge_kind`]): a line of only the label, or a block of at most
/// [`patterns::BADGE_BLOCK_MAX`] characters whose last sentence is one
/// (a teaser: "… Für Abonnentinnen und Abonnenten inklusive."). A
/// sentence that says the same in more words ("The archive is open only
/// for subscribers") stays; a subhead is never judged by this rule.
pub(super) fn subscriber_badge(b: &Block) -> Option<Verdict> {
    if !b.has_text() || b.len > patterns::BADGE_BLOCK_MAX || is_subheading(b.tag) {
        return None;
    }
    if b.len <= LABEL_MAX {
        if let Some(kind) = badge_kind(b.core()) {
            return Some(Verdict::new(kind, &["subscriber-label"]));
        }
    }
    // The last of two sentences or more: a line of one was read above.
    let last = sentences_of(b.text()).skip(1).last()?;
    // A label is short: a longer last sentence needs no copy.
    (last.len() <= 2 * LABEL_MAX && badge_kind(&label_core(last)).is_some())
        .then(|| Verdict::new(ClutterKind::Related, &["subscriber-badge"]))
}

#[cfg(test)]
mod tests {
    use super::sentences_of;

    #[test]
    fn cuts_sentences_after_their_marks() {
        let cut: Vec<&str> = sentences_of("One. Two! Three? z.B. four… five").collect();
        assert_eq!(cut, ["One.", "Two!", "Three?", "z.B.", "four…", "five"]);
        let cut: Vec<&str> = sentences_of("请支持我们。谢谢！").collect();
        assert_eq!(cut, ["请支持我们。", "谢谢！"]);
        assert_eq!(sentences_of("Ends. ").collect::<Vec<_>>(), ["Ends."]);
    }
}
