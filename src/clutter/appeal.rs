//! The rules on a publication's own appeal set as a line of the body: an
//! imperative that opens a sentence and asks the reader to subscribe,
//! become a member, donate, join a channel or get the app, with what it
//! offers ("Become a member of the Courier and read every article",
//! "Wesprzyj niezależne dziennikarstwo"), and a paragraph that opens with
//! a question on the reader's liking ("Enjoyed this article?") and goes on
//! to ask for support.

use super::*;

/// The starts of the sentences of `t`: its start and every place after a
/// sentence's end (". ", "! ", "? ", ": ") or a spaced dash (" — ", " – ":
/// "Get our weekly roundup — subscribe now"), past an opening "¿" or "¡"
/// and the pictographs, arrows and bullets set before a call ("📩 Get
/// our …", "► Subscribe …"). A quoted imperative («…», "…") is someone's
/// words, not the page's: its sentence starts with the quote mark, which
/// opens nothing.
fn sentence_starts(t: &str) -> impl Iterator<Item = &str> {
    let mut from = Some(0);
    std::iter::from_fn(move || {
        let at = from?;
        let rest = &t.as_bytes()[at..];
        // The marks are ASCII, so the byte after them starts a character.
        let stop = rest
            .windows(2)
            .position(|w| matches!(w[0], b'.' | b'!' | b'?' | b':') && w[1] == b' ')
            .map(|i| at + i + 2);
        from = [" \u{2014} ", " \u{2013} "]
            .iter()
            .filter_map(|dash| t[at..].find(dash).map(|i| at + i + dash.len()))
            .chain(stop)
            .min();
        Some(t[at..].trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '¿' | '¡') || is_pictograph(c)
        }))
    })
}

/// Whether `c` is a pictograph, an arrow, a dingbat or a bullet: the
/// marks set before a call, which open no sentence.
fn is_pictograph(c: char) -> bool {
    matches!(c, '\u{2022}' | '\u{2190}'..='\u{2BFF}' | '\u{FE0F}' | '\u{1F000}'..='\u{1FAFF}')
}

/// Whether a sentence of `t` ([`sentence_starts`]) opens with one of
/// `openers`, as whole words.
pub(super) fn opens_a_sentence(t: &str, openers: &[&str]) -> bool {
    sentence_starts(t).any(|s| {
        // The first byte first: most sentences open with none of them.
        let first = s.as_bytes().first();
        openers.iter().any(|o| {
            o.as_bytes().first().is_none_or(|b| first == Some(b)) && starts_with_word(s, o)
        })
    })
}

/// The openings of `t`'s sentences ([`sentence_starts`]), in one pass:
/// the kind of the first appeal imperative ([`patterns::APPEAL_OPENERS`])
/// and of the first whole appeal ([`patterns::APPEAL_WHOLE_OPENERS`]).
fn appeal_openings(t: &str) -> (Option<ClutterKind>, Option<ClutterKind>) {
    let [openers, wholes] = openers_by_first_byte();
    let (mut opener, mut whole) = (None, None);
    for s in sentence_starts(t) {
        // Only the openers that start with this byte: most sentences open
        // with none of them.
        let Some(&first) = s.as_bytes().first() else {
            continue;
        };
        let first = usize::from(first);
        let find = |index: &[usize], table: &[(&str, ClutterKind)]| {
            index
                .iter()
                .map(|&i| table[i])
                .find(|(o, _)| starts_with_word(s, o))
                .map(|(_, kind)| kind)
        };
        opener = opener
            .or_else(|| find(&openers[first], patterns::APPEAL_OPENERS))
            .or_else(|| count_opener(s));
        whole = whole.or_else(|| find(&wholes[first], patterns::APPEAL_WHOLE_OPENERS));
        if opener.is_some() && whole.is_some() {
            break;
        }
    }
    (opener, whole)
}

/// The kind of a [`patterns::APPEAL_COUNT_OPENERS`] imperative that opens
/// `s` with a number after it ("Join 40,000 readers").
fn count_opener(s: &str) -> Option<ClutterKind> {
    patterns::APPEAL_COUNT_OPENERS
        .iter()
        .find_map(|&(o, kind)| {
            let rest = s.strip_prefix(o)?.strip_prefix(' ')?;
            rest.starts_with(|c: char| c.is_ascii_digit())
                .then_some(kind)
        })
}

/// The indices of [`patterns::APPEAL_OPENERS`] and of
/// [`patterns::APPEAL_WHOLE_OPENERS`] by their first byte.
fn openers_by_first_byte() -> &'static [Vec<Vec<usize>>; 2] {
    static TABLES: OnceLock<[Vec<Vec<usize>>; 2]> = OnceLock::new();
    TABLES.get_or_init(|| {
        let index = |openers: &[(&'static str, ClutterKind)]| {
            index_by_first_byte(openers.iter().map(|&(o, _)| o))
        };
        [
            index(patterns::APPEAL_OPENERS),
            index(patterns::APPEAL_WHOLE_OPENERS),
        ]
    })
}

/// Rule on a reader-appeal line: a block of at most
/// [`patterns::APPEAL_LINE_MAX`] characters with a sentence opened by an
/// appeal imperative ([`patterns::APPEAL_OPENERS`], or one of
/// [`patterns::APPEAL_COUNT_OPENERS`] before a number), or with a call of
/// [`patterns::APPEAL_CALLS`] anywhere, and a word of what it offers
/// ([`patterns::APPEAL_OBJECTS`], [`patterns::APPEAL_OBJECT_STEMS`]; or the
/// publication's own work, a first person of [`patterns::SELF_WORDS`] with
/// a word of [`patterns::SELF_APPEAL_OFFERS`]; or the site's name: "Become
/// a Courier supporter today"), and no word of reported speech
/// ([`patterns::SPEECH_CUES`]); or a whole appeal opening a sentence
/// ([`patterns::APPEAL_WHOLE_OPENERS`]: "Donate today.", with no word of
/// reported speech either); or a paragraph of at most
/// [`patterns::APPEAL_PARAGRAPH_MAX`] opened by a question of
/// [`patterns::APPEAL_QUESTIONS`] that goes on with appeal words
/// ([`patterns::APPEAL_CUES`]) or asks the reader to pass the article on
/// ([`patterns::APPEAL_SHARE_ASKS`]). "Subscribe to the idea that …" names
/// no offer and stays; so does a question on the reader's liking that asks
/// for nothing.
pub(super) fn reader_appeal(b: &Block, page: &Page) -> Option<Verdict> {
    if !b.has_text() || b.len > patterns::APPEAL_PARAGRAPH_MAX || is_subheading(b.tag) {
        return None;
    }
    let t = b.text();
    if b.len <= patterns::APPEAL_LINE_MAX {
        let (opening, whole) = appeal_openings(t);
        // Or a call set anywhere, in the languages whose request closes
        // the sentence ("今すぐ購読して…").
        let opening = opening.or_else(|| {
            appeal_call_cues()
                .first_in(t, true)
                .map(|i| patterns::APPEAL_CALLS[i].1)
        });
        if let Some(kind) = opening {
            // What it offers: a word of the tables, the publication's own
            // work ("our reporting"), or the publication by name; and not
            // someone's reported words ("…, the operator told passengers").
            let offers = speech_cues().first_in(t, true).is_none()
                && (appeal_object_cues().first_in(t, true).is_some()
                    || appeal_stem_cues().any_in(t)
                    || (self_word_cues().first_in(t, true).is_some()
                        && self_offer_cues().first_in(t, true).is_some())
                    || page.site_named_in(t));
            if offers {
                return Some(Verdict::new(kind, &["appeal-line"]));
            }
        }
        // A whole appeal ("Donate today."), unless someone is reported
        // saying it.
        if let Some(kind) = whole.filter(|_| speech_cues().first_in(t, true).is_none()) {
            return Some(Verdict::new(kind, &["appeal-line"]));
        }
    }
    let body = t.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '¿' | '¡'));
    // The question mark within the first line's bytes (ASCII: a char
    // boundary), read no further.
    let head = &body.as_bytes()[..body.len().min(patterns::APPEAL_QUESTION_MAX)];
    let end = head.iter().position(|&c| c == b'?')?;
    let question = &body[..end];
    let rest = &body[end + 1..];
    if !patterns::APPEAL_QUESTIONS
        .iter()
        .any(|q| starts_with_word(question, q))
    {
        return None;
    }
    if appeal_cues().any_in(rest) {
        Some(Verdict::new(ClutterKind::Donation, &["appeal-question"]))
    } else {
        appeal_share_cues()
            .any_in(rest)
            .then(|| Verdict::new(ClutterKind::Share, &["appeal-question"]))
    }
}

/// Rule on a subscription offer's price line: a block of at most
/// [`patterns::OFFER_LINE_MAX`] characters with a sentence opened by an
/// offer imperative ([`patterns::OFFER_OPENERS`]), a price (a sign of
/// [`patterns::OFFER_PRICE_SIGNS`] beside a figure, or a percentage before
/// a word of [`patterns::OFFER_DISCOUNTS`]) and a counted term (a
/// word of [`patterns::OFFER_TERMS`] after a figure or a word of
/// [`patterns::OFFER_FIRSTS`]), and no word of reported speech: "Try 3
/// months for $1", "Get 50% off your first year". "Try the £5 lunch menu,
/// served every week" counts no term and stays.
pub(super) fn price_offer(b: &Block) -> Option<Verdict> {
    if !b.has_text() || b.len > patterns::OFFER_LINE_MAX {
        return None;
    }
    let t = b.text();
    // The price first: a scan for a few signs costs less than the rest.
    let priced = t.char_indices().any(|(i, c)| {
        let figure_before = || t[..i].trim_end().ends_with(|d: char| d.is_ascii_digit());
        let after = &t[i + c.len_utf8()..];
        if c == '%' {
            figure_before()
                && patterns::OFFER_DISCOUNTS
                    .iter()
                    .any(|w| starts_with_word(after.trim_start(), w))
        } else {
            patterns::OFFER_PRICE_SIGNS.contains(&c)
                && (figure_before() || after.trim_start().starts_with(|d: char| d.is_ascii_digit()))
        }
    });
    if !priced || !opens_a_sentence(t, patterns::OFFER_OPENERS) {
        return None;
    }
    let words: Vec<&str> = t
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let counted = words.windows(2).any(|w| {
        patterns::OFFER_TERMS.contains(&w[1])
            && (w[0].bytes().all(|d| d.is_ascii_digit()) || patterns::OFFER_FIRSTS.contains(&w[0]))
    });
    (counted && speech_cues().first_in(t, true).is_none())
        .then(|| Verdict::new(ClutterKind::SubscriptionCta, &["offer-line"]))
}

/// Rule on an app promotion line of at most [`patterns::APP_LINE_MAX`]
/// characters that names an app ([`patterns::APP_WORDS`]): a sentence
/// opened by an imperative ([`patterns::APP_OPENERS`]) with what the app
/// offers ([`patterns::APP_OFFERS`]: "Download the app for breaking news
/// alerts"), or the stores named together with a price
/// ([`patterns::APP_STORES`], [`patterns::APP_FREE`]) and either such an
/// imperative or a word pressing for it now ([`patterns::APP_NOW`]: "Die
/// Sport-App: jetzt kostenlos für iOS und Android!"). A how-to step
/// ("Download the app on your phone and pair it with the speaker") offers
/// nothing; a review's "the app is free on iOS and Android" asks for
/// nothing.
pub(super) fn app_promo(b: &Block) -> Option<Verdict> {
    if !b.has_text() || b.len > patterns::APP_LINE_MAX {
        return None;
    }
    let t = b.text();
    app_word_cues().first_in(t, true)?;
    let opener = opens_a_sentence(t, patterns::APP_OPENERS);
    let offer = opener && app_offer_cues().any_in(t);
    let store = || {
        app_store_cues().any_in(t)
            && app_free_cues().first_in(t, true).is_some()
            && (opener || app_now_cues().first_in(t, true).is_some())
    };
    (offer || store()).then(|| Verdict::new(ClutterKind::AppBanner, &["app-promo"]))
}

/// Rule on a subscription offer line of at most [`patterns::CUE_TEXT_MAX`]
/// characters: it can be cancelled at any time
/// ([`patterns::CANCEL_ANYTIME_CUES`]) and a sentence asks the reader to
/// sign up ([`patterns::SIGN_UP_OPENERS`]: "Jetzt anmelden! Jederzeit
/// monatlich kündbar."). A news sentence on a contract that can be
/// cancelled at any time asks nothing of the reader.
pub(super) fn cancel_anytime_offer(b: &Block) -> Option<Verdict> {
    if !b.has_text() || b.len > patterns::CUE_TEXT_MAX {
        return None;
    }
    let t = b.text();
    // The openers first: a look at each sentence's first word costs less
    // than a scan of the whole line for the cues.
    (opens_a_sentence(t, patterns::SIGN_UP_OPENERS) && cancel_anytime_cues().any_in(t))
        .then(|| Verdict::new(ClutterKind::SubscriptionCta, &["cancel-anytime-offer"]))
}

/// Rule on a page's own promotion as a label (an app banner, or a
/// newsletter sign-up when it names the newsletter): a line of at most
/// [`patterns::OWN_PROMO_LINE_MAX`] characters, one sentence at most,
/// that names the site (its name from the metadata, as whole words) and
/// its app or newsletter ([`patterns::APP_WORDS`],
/// [`patterns::NEWSLETTER_WORDS`]): "Die Harbour
/// Ledger NEWS-App", "Tipp: Die Sport-App vom Harbour Ledger". A
/// sentence of the story on the site's app runs longer or on past a full
/// stop; a subhead is never judged by this rule.
pub(super) fn own_app_line(b: &Block, page: &Page) -> Option<Verdict> {
    if !b.has_text() || b.len > patterns::OWN_PROMO_LINE_MAX || is_subheading(b.tag) {
        return None;
    }
    let t = b.text();
    let one_sentence = !t
        .trim_end_matches(['.', '!', '?', '…'])
        .contains(['.', '!', '?']);
    if !one_sentence || !page.site_named_in(t) {
        return None;
    }
    let kind = if app_word_cues().first_in(t, true).is_some() {
        ClutterKind::AppBanner
    } else if newsletter_word_cues().first_in(t, true).is_some() {
        ClutterKind::NewsletterForm
    } else {
        return None;
    };
    Some(Verdict::new(kind, &["own-promo-line"]))
}
