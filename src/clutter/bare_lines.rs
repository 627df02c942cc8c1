//! The rule on a page's furniture left standing alone as plain block text
//! between the story's paragraphs, with no control's markup around it
//! ("Save for later", "Report an error", "Promoted content", "You've read
//! 3 of 5 free articles", "Sort by: Newest", "More from Ann Lee"). Each is
//! judged as a WHOLE line, never as words inside a sentence: "Trending
//! now" alone goes, "Prices are trending now toward …" stays.

use std::collections::HashSet;

use super::*;

/// Rule on a short block, or an inline element standing alone, whose
/// whole text is a furniture line: a label of [`bare_line_labels`], a
/// sort control's label, a sign-in prompt, a name after an author box's
/// or a sponsor's opener ([`patterns::BARE_NAMED_LINES`],
/// [`patterns::BARE_FOLLOW_NAMED`]), a paywall's meter or a form's
/// consent statement. A line in a table cell or a list item (a feature
/// list, a schedule), in a quotation or beside a picture stays.
pub(super) fn bare_line(b: &Block) -> Option<Verdict> {
    if b.len > patterns::BARE_SENTENCE_MAX || !b.has_text() || !opens_as_furniture(b.text()) {
        return None;
    }
    let core = straight_apostrophes(b.core());
    let core = core.as_ref();
    let found = if b.len <= patterns::BARE_LINE_MAX {
        whole_line(core).or_else(|| named_line(b, core))
    } else {
        None
    };
    let (kind, signal) = found.or_else(|| sentence_line(b.text(), core))?;
    // Where the line sits is read only for the few lines that match.
    (!in_cell_or_item(b) && !holds_picture(b) && !in_quotation(b))
        .then(|| Verdict::new(kind, &[signal]))
}

/// `core` with its typographic apostrophes made straight, as the tables
/// write them ("you’ve" → "you've"); copies only when there is one.
pub(super) fn straight_apostrophes(core: &str) -> std::borrow::Cow<'_, str> {
    if core.contains('’') {
        core.replace('’', "'").into()
    } else {
        core.into()
    }
}

/// The kind and signal of a line that is all a furniture label: one of
/// [`bare_line_labels`], a sort control's label alone or before a colon
/// and at most three words ("sort by: newest"), or a sign-in question
/// alone or with its action ("already registered? sign in").
fn whole_line(core: &str) -> Option<(ClutterKind, &'static str)> {
    if let Some(&kind) = bare_line_labels().get(core) {
        return Some((kind, "bare-line"));
    }
    let sort = patterns::SORT_LABELS.iter().any(|l| {
        opens_with(core, l)
            && core.strip_prefix(l).is_some_and(|rest| {
                rest.is_empty()
                    || rest
                        .strip_prefix(':')
                        .is_some_and(|order| order.split_whitespace().count() <= 3)
            })
    });
    if sort {
        return Some((ClutterKind::Comments, "sort-label"));
    }
    let (question, action) = core.split_once('?').unwrap_or((core, ""));
    let action = action.trim();
    (patterns::SIGN_IN_QUESTIONS.contains(&question)
        && (action.is_empty() || patterns::SIGN_IN_ACTIONS.contains(&action)))
    .then_some((ClutterKind::Paywall, "sign-in-prompt"))
}

/// The kind and signal of a line of an opener, a name and a suffix
/// ([`patterns::BARE_NAMED_LINES`]: "more from ann lee"), or of a follow
/// imperative, a name, a preposition and a platform
/// ([`patterns::BARE_FOLLOW_NAMED`]: "follow ann lee on bluesky"). The
/// name has as many words as its opener asks (one at least) and at most
/// [`patterns::BARE_NAME_MAX_WORDS`], each capitalised in the page's text.
fn named_line(b: &Block, core: &str) -> Option<(ClutterKind, &'static str)> {
    let &first = core.as_bytes().first()?;
    // The first byte first: most lines open with none of the openers.
    let named = patterns::BARE_NAMED_LINES
        .iter()
        .find_map(|&(opener, suffix, min, kind)| {
            if opener.as_bytes()[0] != first || !starts_with_word(core, opener) {
                return None;
            }
            let rest = core[opener.len()..].trim_start();
            let name = if suffix.is_empty() {
                rest
            } else {
                rest.strip_suffix(suffix)?.strip_suffix(' ')?
            };
            Some((opener, name, min, kind))
        });
    let (opener, name, min, kind, signal) = match named {
        Some((opener, name, min, kind)) => (opener, name, min, kind, "named-line"),
        None => {
            let (opener, name) = patterns::BARE_FOLLOW_NAMED
                .iter()
                .find_map(|&(opener, at)| {
                    if opener.as_bytes()[0] != first || !starts_with_word(core, opener) {
                        return None;
                    }
                    let rest = core[opener.len()..].trim_start();
                    // The last " at " before the platform: a name may hold none.
                    let (name, platform) = rest.rsplit_once(&format!(" {at} ") as &str)?;
                    is_platform(platform).then_some((opener, name))
                })?;
            (opener, name, 1, ClutterKind::Share, "follow-name-line")
        }
    };
    let words = name.split_whitespace().count();
    if words < min.max(1) || words > patterns::BARE_NAME_MAX_WORDS {
        return None;
    }
    is_capitalised_name(b, opener.split_whitespace().count(), words).then_some((kind, signal))
}

/// Whether `platform` is the whole name of a platform of
/// [`patterns::FOLLOW_PLATFORMS`] or [`patterns::FOLLOW_NEWS_PLATFORMS`].
pub(super) fn is_platform(platform: &str) -> bool {
    patterns::FOLLOW_PLATFORMS
        .iter()
        .chain(patterns::FOLLOW_NEWS_PLATFORMS)
        .any(|p| *p == platform)
}

/// Whether the `count` words of the block's own text after its first
/// `skip` words each open with a capital letter and hold no digit: a
/// name ("Ann Lee"), not a phrase ("the valley this week").
fn is_capitalised_name(b: &Block, skip: usize, count: usize) -> bool {
    let raw = inner_text(b.dom, b.node);
    let raw = raw.trim_matches(|c: char| !is_word_char(c));
    let mut words = raw.split_whitespace().skip(skip).take(count).peekable();
    words.peek().is_some()
        && words.all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && !w.chars().any(|c| c.is_numeric())
        })
}

/// The kind and signal of a furniture sentence of at most
/// [`patterns::BARE_SENTENCE_MAX`] characters: a paywall's meter (a
/// [`patterns::METER_OPENERS`] opener, [`patterns::METER_WORDS`] and a
/// number, or a [`patterns::LAST_FREE_LINES`] line), a subscriber-only
/// notice (a [`patterns::PAYWALL_SUBJECTS`] opener, a word of
/// [`patterns::PAYWALL_READERS`] and one of [`patterns::PAYWALL_LIMITS`]),
/// or a form's consent
/// statement (a [`patterns::CONSENT_OPENERS`] opener and a
/// [`patterns::CONSENT_OBJECTS`] name); never a line with a quotation
/// mark or a comma before a clause. `text` is the
/// block's folded text, `core` its label core.
fn sentence_line(text: &str, core: &str) -> Option<(ClutterKind, &'static str)> {
    let &first = core.as_bytes().first()?;
    let opens = |table: &[&str]| {
        table
            .iter()
            .any(|o| o.as_bytes()[0] == first && starts_with_word(core, o))
    };
    // A quotation ("'I agree to the terms and conditions,' she said") is
    // someone's words, and a clause after a comma ("You have 10 free
    // articles a month on most sites, the study found") a story's sentence:
    // neither is a meter's or a form's.
    if text.contains(['"', '“', '”', '„', '«', '»']) || text.contains(", ") {
        return None;
    }
    let meter = (opens(patterns::METER_OPENERS)
        && patterns::METER_WORDS.iter().any(|w| core.contains(w))
        && text.chars().any(|c| c.is_numeric()))
        || opens(patterns::LAST_FREE_LINES)
        || (opens(patterns::PAYWALL_SUBJECTS)
            && patterns::PAYWALL_READERS.iter().any(|w| core.contains(w))
            && patterns::PAYWALL_LIMITS
                .iter()
                .any(|w| contains_words(core, w)));
    if meter {
        return Some((ClutterKind::Paywall, "meter-line"));
    }
    (opens(patterns::CONSENT_OPENERS) && patterns::CONSENT_OBJECTS.iter().any(|o| core.contains(o)))
        .then_some((ClutterKind::NewsletterForm, "consent-line"))
}

/// Whether block `b` sits in a quotation (`<blockquote>`, `<q>`): quoted
/// words are someone's, whatever they say.
pub(super) fn in_quotation(b: &Block) -> bool {
    b.dom
        .ancestors(b.node)
        .any(|a| matches!(b.dom.tag(a), "blockquote" | "q"))
}

/// The whole lines [`bare_line`] knows, with their kinds: those of
/// [`patterns::BARE_LINES`], and the labels of more than one word of
/// [`patterns::CTA_LABELS`] ("start your free trial", "open in app"),
/// [`patterns::PRINT_LABELS`] ("print this page") and the tables of
/// contents' titles of [`patterns::SECTION_TITLES`] ("on this page"). One
/// look-up per short line.
fn bare_line_labels() -> &'static HashMap<&'static str, ClutterKind> {
    static TABLE: OnceLock<HashMap<&'static str, ClutterKind>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let cta = patterns::CTA_LABELS.iter().copied();
        let print = patterns::PRINT_LABELS
            .iter()
            .map(|&l| (l, ClutterKind::Share));
        let toc = patterns::SECTION_TITLES
            .iter()
            .copied()
            .filter(|&(_, k)| k == ClutterKind::Toc);
        let mut table = HashMap::new();
        for (label, kind) in patterns::BARE_LINES
            .iter()
            .copied()
            .chain(cta)
            .chain(print)
            .chain(toc)
        {
            // A one-word line can be a story's subhead.
            if label.contains(' ') {
                table.entry(label).or_insert(kind);
            }
        }
        table
    })
}

/// Whether the first word of `text` ([`first_word`]) is the first word of
/// a line [`bare_line`] knows: one look-up rules out nearly every line of
/// a story before its label core is built or a table is read.
fn opens_as_furniture(text: &str) -> bool {
    let word = first_word(text);
    if word.contains('’') {
        return first_words().contains(word.replace('’', "'").as_str());
    }
    first_words().contains(word)
}

/// The first word of `t`: what follows its leading marks and digits, up to
/// a space or a colon, question mark, full stop, comma or bracket.
pub(super) fn first_word(t: &str) -> &str {
    let t = t.trim_start_matches(|c: char| !c.is_alphabetic());
    let end = t
        .find(|c: char| {
            c.is_whitespace() || matches!(c, ':' | '：' | '?' | '!' | '.' | ',' | '(' | ')')
        })
        .unwrap_or(t.len());
    &t[..end]
}

/// The first words ([`first_word`]) of every line [`bare_line`] knows.
fn first_words() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        let named = patterns::BARE_NAMED_LINES.iter().map(|&(o, _, _, _)| o);
        let follow = patterns::BARE_FOLLOW_NAMED.iter().map(|&(o, _)| o);
        bare_line_labels()
            .keys()
            .copied()
            .chain(patterns::SORT_LABELS.iter().copied())
            .chain(patterns::SIGN_IN_QUESTIONS.iter().copied())
            .chain(named)
            .chain(follow)
            .chain(patterns::METER_OPENERS.iter().copied())
            .chain(patterns::LAST_FREE_LINES.iter().copied())
            .chain(patterns::PAYWALL_SUBJECTS.iter().copied())
            .chain(patterns::CONSENT_OPENERS.iter().copied())
            .map(first_word)
            .collect()
    })
}
