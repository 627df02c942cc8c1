//! The multi-pattern matchers the rules use: text cues matched at word
//! boundaries, and class/id words matched against the word tables.

use super::*;

/// The text with edge punctuation and counts trimmed: "Comments (23)" →
/// "comments", "Advertisement:" → "advertisement", "التعليقات (٢٣)" →
/// "التعليقات". Digits of every script go; combining marks stay (the
/// Thai "แชร์" keeps its last mark).
pub(super) fn label_core(text: &str) -> String {
    // Copies only when there are digits or "()" to drop.
    let digitless: String;
    let t = if text.chars().any(char::is_numeric) {
        digitless = text.chars().filter(|c| !c.is_numeric()).collect();
        digitless.as_str()
    } else {
        text
    };
    let unbracketed: String;
    let t = if t.contains("()") {
        unbracketed = t.replace("()", "");
        unbracketed.as_str()
    } else {
        t
    };
    let t = t.trim_matches(|c: char| !is_word_char(c));
    normalize_ws(t)
}

/// A table of lowercase cues indexed by their first two bytes, so that
/// finding which cues occur in a text takes one scan of the text instead of
/// one substring search (and searcher set-up) per cue.
pub(super) struct Cues {
    pub(super) cues: Vec<&'static [u8]>,
    /// Indices into `cues`, grouped by [`Cues::bucket`], ascending in each
    /// group.
    pub(super) order: Vec<u16>,
    /// Per bucket `k`, its group is `order[starts[k]..starts[k + 1]]`.
    pub(super) starts: Vec<u16>,
    /// Per cue, its first four bytes (fewer when shorter) as a
    /// little-endian word, and the mask of the bytes it has: a candidate is
    /// ruled out by one word comparison before its bytes are compared.
    pub(super) heads: Vec<(u32, u32)>,
    /// Whether the text's ASCII letters may be of either case.
    pub(super) ascii_case_insensitive: bool,
    /// Which pairs of bytes (first byte times 256 plus second) start a
    /// cue, one bit each: most positions of a text are ruled out by one
    /// bit test, before the bucket of [`Cues::bucket`] is looked up.
    pub(super) pairs: Box<[u64; 1024]>,
}

impl Cues {
    /// Buckets of the first-two-bytes index.
    const BUCKETS: usize = 1024;

    pub(super) fn new(
        cues: impl IntoIterator<Item = &'static str>,
        ascii_case_insensitive: bool,
    ) -> Cues {
        let cues: Vec<&'static [u8]> = cues.into_iter().map(str::as_bytes).collect();
        assert!(
            cues.iter().all(|c| c.len() >= 2) && cues.len() < usize::from(u16::MAX),
            "cue tables hold fewer than 65535 cues of two bytes or more"
        );
        let bucket = |c: &[u8]| Cues::bucket(c[0], c[1]);
        let mut order: Vec<u16> = (0..cues.len() as u16).collect();
        order.sort_by_key(|&i| (bucket(cues[usize::from(i)]), i));
        let mut starts = vec![0u16; Cues::BUCKETS + 1];
        for &i in &order {
            starts[bucket(cues[usize::from(i)]) + 1] += 1;
        }
        for k in 0..Cues::BUCKETS {
            starts[k + 1] += starts[k];
        }
        let heads = cues
            .iter()
            .map(|c| {
                let mut word = [0u8; 4];
                let mut mask = [0u8; 4];
                for (i, &b) in c.iter().take(4).enumerate() {
                    word[i] = b;
                    mask[i] = 0xff;
                }
                (u32::from_le_bytes(word), u32::from_le_bytes(mask))
            })
            .collect();
        let mut pairs = Box::new([0u64; 1024]);
        for c in &cues {
            // The text is folded to lower case before it is compared, so a
            // cue matched in any case must be written in lower case.
            assert!(
                !ascii_case_insensitive || !c.iter().any(u8::is_ascii_uppercase),
                "cues matched in any ASCII case are written in lower case"
            );
            let k = Cues::pair(c[0], c[1]);
            pairs[k >> 6] |= 1 << (k & 63);
        }
        Cues {
            cues,
            order,
            starts,
            heads,
            ascii_case_insensitive,
            pairs,
        }
    }

    /// The bit of the byte pair `a`, `b` in [`Cues::pairs`].
    fn pair(a: u8, b: u8) -> usize {
        usize::from(a) << 8 | usize::from(b)
    }

    /// The bucket of a cue starting with bytes `a`, `b`: distinct for every
    /// pair of lowercase ASCII letters.
    pub(super) fn bucket(a: u8, b: u8) -> usize {
        ((usize::from(a) << 5) ^ usize::from(b)) & (Cues::BUCKETS - 1)
    }

    /// The lowest index of a cue that occurs in `text` (as whole words when
    /// `whole_words`).
    pub(super) fn first_in(&self, text: &str, whole_words: bool) -> Option<usize> {
        if self.ascii_case_insensitive {
            self.scan::<true>(text, whole_words)
        } else {
            self.scan::<false>(text, whole_words)
        }
    }

    /// [`Cues::first_in`], with the text's ASCII case folded when `FOLD`
    /// (the table's `ascii_case_insensitive`, made a constant of the loop).
    fn scan<const FOLD: bool>(&self, text: &str, whole_words: bool) -> Option<usize> {
        let bytes = text.as_bytes();
        let mut best = usize::MAX;
        let fold = |b: u8| if FOLD { b.to_ascii_lowercase() } else { b };
        let &first = bytes.first()?;
        // The folded byte at `i`, carried over from the step before.
        let mut a = fold(first);
        for (i, &next) in bytes.iter().enumerate().skip(1).map(|(j, b)| (j - 1, b)) {
            let b = fold(next);
            let pair = Cues::pair(a, b);
            let k = Cues::bucket(a, b);
            a = b;
            if self.pairs[pair >> 6] & (1 << (pair & 63)) == 0 {
                continue;
            }
            let (start, end) = (usize::from(self.starts[k]), usize::from(self.starts[k + 1]));
            // The four bytes at `i`, folded as the cues are, when there are
            // four.
            let head = bytes.get(i..i + 4).map(|w| {
                let w = u32::from_le_bytes([w[0], w[1], w[2], w[3]]);
                if FOLD {
                    ascii_lowercase_word(w)
                } else {
                    w
                }
            });
            for &ci in &self.order[start..end] {
                let ci = usize::from(ci);
                if ci >= best {
                    break;
                }
                if let Some(head) = head {
                    let (word, mask) = self.heads[ci];
                    if head & mask != word {
                        continue;
                    }
                }
                let cue = self.cues[ci];
                let Some(here) = bytes.get(i..i + cue.len()) else {
                    continue;
                };
                let hit = if FOLD {
                    here.eq_ignore_ascii_case(cue)
                } else {
                    // The first four bytes matched already when there were
                    // four to compare.
                    let from = if head.is_some() { cue.len().min(4) } else { 0 };
                    here[from..] == cue[from..]
                };
                // A cue's first byte starts a character, so `i` is on a
                // character boundary, and so is `i + cue.len()`.
                if hit && (!whole_words || is_word_at(text, i, i + cue.len())) {
                    best = ci;
                    break;
                }
            }
            if best == 0 {
                break;
            }
        }
        (best != usize::MAX).then_some(best)
    }

    /// Whether any cue occurs in `text`.
    pub(super) fn any_in(&self, text: &str) -> bool {
        self.first_in(text, false).is_some()
    }
}

/// The four bytes of `w` with their ASCII upper-case letters lowercased
/// (what `u8::to_ascii_lowercase` does to each).
fn ascii_lowercase_word(w: u32) -> u32 {
    const ONES: u32 = 0x0101_0101;
    let heptets = w & (0x7f * ONES);
    // Bit 7 of a byte: its low seven bits are at least 'A', above 'Z'.
    let at_least_a = heptets + (0x80 - u32::from(b'A')) * ONES;
    let above_z = heptets + (0x80 - u32::from(b'Z') - 1) * ONES;
    // Upper case: at least 'A', not above 'Z', and ASCII (bit 7 clear).
    let upper = at_least_a & !above_z & !w & (0x80 * ONES);
    w | (upper >> 2)
}

/// Whether `text[start..end]` is whole words: no letter or digit touches it,
/// except at an edge in a script written without spaces (CJK, Thai), where
/// any neighbour will do.
pub(super) fn is_word_at(text: &str, start: usize, end: usize) -> bool {
    let cue = &text[start..end];
    let open = cue.chars().next().is_some_and(is_unspaced_script);
    let close = cue.chars().next_back().is_some_and(is_unspaced_script);
    (open
        || text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c)))
        && (close || text[end..].chars().next().is_none_or(|c| !is_word_char(c)))
}

/// The [`Cues`] of a plain table, built on first use.
pub(super) fn cues_of(
    cell: &'static OnceLock<Cues>,
    table: &'static [&'static str],
) -> &'static Cues {
    cell.get_or_init(|| Cues::new(table.iter().copied(), false))
}

/// The indices of `words` grouped by their first byte (256 groups, each in
/// the table's order): a line is compared only with the words that open
/// with its own first byte.
pub(super) fn index_by_first_byte<'a>(words: impl IntoIterator<Item = &'a str>) -> Vec<Vec<usize>> {
    let mut table = vec![Vec::new(); 256];
    for (i, w) in words.into_iter().enumerate() {
        if let Some(&b) = w.as_bytes().first() {
            table[usize::from(b)].push(i);
        }
    }
    table
}

/// The [`Cues`] of a table of cues and kinds, built on first use.
pub(super) fn kinded_cues_of(
    cell: &'static OnceLock<Cues>,
    table: &'static [(&'static str, ClutterKind)],
) -> &'static Cues {
    cell.get_or_init(|| Cues::new(table.iter().map(|&(c, _)| c), false))
}

macro_rules! cue_tables {
    ($($name:ident: $table:path, $of:ident;)*) => {$(
        #[doc = concat!("The [`Cues`] of [`", stringify!($table), "`].")]
        pub(super) fn $name() -> &'static Cues {
            static CELL: OnceLock<Cues> = OnceLock::new();
            $of(&CELL, $table)
        }
    )*};
}

cue_tables! {
    reading_time_cues: patterns::READING_TIME_CUES, cues_of;
    appeal_cues: patterns::APPEAL_CUES, cues_of;
    appeal_share_cues: patterns::APPEAL_SHARE_ASKS, cues_of;
    appeal_object_cues: patterns::APPEAL_OBJECTS, cues_of;
    appeal_stem_cues: patterns::APPEAL_OBJECT_STEMS, cues_of;
    appeal_call_cues: patterns::APPEAL_CALLS, kinded_cues_of;
    helpful_cues: patterns::HELPFUL_CUES, cues_of;
    affiliate_cues: patterns::AFFILIATE_CUES, cues_of;
    affiliate_sense_cues: patterns::AFFILIATE_SENSE_CUES, cues_of;
    consent_topic_cues: patterns::CONSENT_TOPIC_CUES, cues_of;
    commission_cues: patterns::COMMISSION_CUES, cues_of;
    purchase_cues: patterns::PURCHASE_CUES, cues_of;
    click_here_cues: patterns::CLICK_HERE_CUES, cues_of;
    cta_cues: patterns::CTA_LABELS, kinded_cues_of;
    app_word_cues: patterns::APP_WORDS, cues_of;
    app_offer_cues: patterns::APP_OFFERS, cues_of;
    app_store_cues: patterns::APP_STORES, cues_of;
    app_free_cues: patterns::APP_FREE, cues_of;
    app_now_cues: patterns::APP_NOW, cues_of;
    cancel_anytime_cues: patterns::CANCEL_ANYTIME_CUES, cues_of;
    newsletter_word_cues: patterns::NEWSLETTER_WORDS, cues_of;
    self_request_cues: patterns::SELF_APPEAL_REQUESTS, kinded_cues_of;
    sign_up_link_cues: patterns::SIGN_UP_LINKS, cues_of;
    newsletter_name_cues: patterns::NEWSLETTER_NAMES, cues_of;
    self_word_cues: patterns::SELF_WORDS, cues_of;
    self_offer_cues: patterns::SELF_APPEAL_OFFERS, cues_of;
    speech_cues: patterns::SPEECH_CUES, cues_of;
    follow_news_cues: patterns::FOLLOW_NEWS_PLATFORMS, cues_of;
    follow_call_cues: patterns::FOLLOW_CALLS, cues_of;
}

/// Whether folded text `t` of `len` characters is an affiliate-link notice:
/// an affiliate word in its link sense (beside a link or programme word, or
/// alone in a label), or a commission beside a purchase. An affiliate word in
/// a sentence without either ("researchers affiliated with the institute")
/// is the other sense, and the sentence is the article's.
pub(super) fn is_affiliate_notice(t: &str, len: usize) -> bool {
    let affiliate = affiliate_cues().any_in(t)
        && (len <= patterns::AFFILIATE_LABEL_MAX || affiliate_sense_cues().any_in(t));
    affiliate || (commission_cues().any_in(t) && purchase_cues().any_in(t))
}

/// Whether a block its class names a cookie box reads as the article's
/// prose instead: it holds a paragraph of running text and says no word of
/// cookies, consent or privacy ([`patterns::CONSENT_TOPIC_CUES`]). A
/// consent notice always says what it asks for; a class word can be a
/// component framework's prefix that a consent word shares.
pub(super) fn is_prose_not_consent(b: &Block) -> bool {
    let dom = b.dom;
    let prose = b.descendants().any(|d| {
        dom.tag(d) == "p" && {
            let p = Block::new(dom, d);
            p.len >= 150 && p.link_density() < 0.3
        }
    });
    prose && !consent_topic_cues().any_in(b.text())
}

/// The footer-kind cues of [`patterns::SENTENCE_CUES`] alone: the rights
/// notice rule reads longer blocks than the other sentence rules, and
/// scanning it for every kind there cost more than the rule.
pub(super) fn rights_cues() -> &'static Cues {
    static CELL: OnceLock<Cues> = OnceLock::new();
    CELL.get_or_init(|| {
        Cues::new(
            patterns::SENTENCE_CUES
                .iter()
                .filter(|&&(_, kind)| kind == ClutterKind::Footer)
                .map(|&(cue, _)| cue),
            false,
        )
    })
}

/// [`patterns::SELF_APPEAL_REQUESTS`] and then [`patterns::SIGN_UP_LINKS`],
/// as one table: the self-appeal rule scans a block once for either.
pub(super) fn self_appeal_scan_cues() -> &'static Cues {
    static CELL: OnceLock<Cues> = OnceLock::new();
    CELL.get_or_init(|| {
        Cues::new(
            patterns::SELF_APPEAL_REQUESTS
                .iter()
                .map(|&(c, _)| c)
                .chain(patterns::SIGN_UP_LINKS.iter().copied()),
            false,
        )
    })
}

/// [`patterns::SENTENCE_CUES`] and then [`patterns::FURNITURE_CUES`], as one
/// table: the sentence rule scans a block once for both.
pub(super) fn sentence_cue_table() -> &'static [(&'static str, ClutterKind)] {
    static CELL: OnceLock<Vec<(&'static str, ClutterKind)>> = OnceLock::new();
    CELL.get_or_init(|| {
        patterns::SENTENCE_CUES
            .iter()
            .chain(patterns::FURNITURE_CUES)
            .copied()
            .collect()
    })
}

/// The [`Cues`] of [`sentence_cue_table`].
pub(super) fn sentence_cues() -> &'static Cues {
    static CELL: OnceLock<Cues> = OnceLock::new();
    CELL.get_or_init(|| Cues::new(sentence_cue_table().iter().map(|&(c, _)| c), false))
}

/// Every platform a follow line may name: [`patterns::FOLLOW_PLATFORMS`]
/// and [`patterns::FOLLOW_NEWS_PLATFORMS`].
pub(super) fn follow_platform_cues() -> &'static Cues {
    static CELL: OnceLock<Cues> = OnceLock::new();
    CELL.get_or_init(|| {
        Cues::new(
            patterns::FOLLOW_PLATFORMS
                .iter()
                .chain(patterns::FOLLOW_NEWS_PLATFORMS)
                .copied(),
            false,
        )
    })
}

/// [`patterns::SHARE_URLS`], matched in any ASCII case.
pub(super) fn share_url_cues() -> &'static Cues {
    static CELL: OnceLock<Cues> = OnceLock::new();
    CELL.get_or_init(|| Cues::new(patterns::SHARE_URLS.iter().copied(), true))
}

/// `cue` occurs in `text` as whole words ("jetzt unterstützen" holds
/// "unterstützen"): what [`Cues::first_in`] finds with `whole_words`, one
/// cue at a time, for the few short lines a small table is read on (and
/// to test [`Cues::first_in`] against).
pub(super) fn contains_words(text: &str, cue: &str) -> bool {
    // Labels are short: a plain scan for the cue's first byte beats setting
    // up `str::match_indices`' searcher for every cue.
    let Some(&first) = cue.as_bytes().first() else {
        return false;
    };
    if cue.len() > text.len() {
        return false;
    }
    let bytes = text.as_bytes();
    (0..=text.len() - cue.len()).any(|i| {
        bytes[i] == first
            && bytes[i..].starts_with(cue.as_bytes())
            && text.is_char_boundary(i)
            && is_word_at(text, i, i + cue.len())
    })
}

/// `text` starts with `cue` as whole words ("share on x" with "share"), or
/// with `cue` at all when it ends in a script written without spaces.
pub(super) fn starts_with_word(text: &str, cue: &str) -> bool {
    text.strip_prefix(cue).is_some_and(|rest| {
        cue.chars().next_back().is_some_and(is_unspaced_script)
            || rest.chars().next().is_none_or(|c| !is_word_char(c))
    })
}

/// The words of an element's class, id and component attributes, lowercased
/// and split at punctuation and camelCase humps.
pub fn descriptor_words(dom: &Dom, node: NodeId) -> Vec<String> {
    let mut out = Vec::new();
    for attr in patterns::DESCRIPTOR_ATTRS {
        if let Some(v) = dom.attr(node, attr) {
            split_words(v, &mut out);
        }
    }
    out
}

pub(super) fn split_words(s: &str, out: &mut Vec<String>) {
    // Each word is built in one buffer and copied out at its exact size
    // (the last takes the buffer): growing each word's own string took two
    // or three allocations for a long one.
    let mut buf = String::new();
    let cur = &mut buf;
    let mut prev_lower = false;
    for c in s.chars() {
        if c.is_ascii() {
            // The branches below, for ASCII.
            if c.is_ascii_alphanumeric() {
                if c.is_ascii_uppercase() && prev_lower && !cur.is_empty() {
                    out.push(take_word(cur));
                }
                prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
                cur.push(c.to_ascii_lowercase());
            } else {
                if !cur.is_empty() {
                    out.push(take_word(cur));
                }
                prev_lower = false;
            }
        } else if c.is_alphanumeric() {
            if c.is_uppercase() && prev_lower && !cur.is_empty() {
                out.push(take_word(cur));
            }
            prev_lower = c.is_lowercase() || c.is_ascii_digit();
            cur.extend(c.to_lowercase());
        } else {
            if !cur.is_empty() {
                out.push(take_word(cur));
            }
            prev_lower = false;
        }
    }
    if !cur.is_empty() {
        // The last word takes the buffer itself.
        out.push(buf);
    }
}

/// A copy of `cur` at its exact size, leaving `cur` empty (its room kept).
fn take_word(cur: &mut String) -> String {
    let word = cur.as_str().to_owned();
    cur.clear();
    word
}

/// A table of class/id words ([`ClutterWords`]) indexed by each entry's
/// first word, so that matching looks at the few entries a word can start
/// rather than at every entry at every word.
pub(super) struct WordTable {
    pub(super) table: ClutterWords,
    /// Per entry, its words (a trailing `*` marks a stem).
    pub(super) entries: Vec<Vec<&'static str>>,
    /// Entries whose first word is a whole word, by that word.
    pub(super) exact: WordMap<&'static str, Vec<usize>>,
    /// Entries whose first word is a stem, with the stem.
    pub(super) stems: Vec<(&'static str, usize)>,
}

impl WordTable {
    pub(super) fn new(table: ClutterWords) -> WordTable {
        let entries: Vec<Vec<&'static str>> = table
            .iter()
            .map(|&(entry, _)| entry.split(' ').collect())
            .collect();
        let mut exact: WordMap<&'static str, Vec<usize>> = WordMap::default();
        let mut stems = Vec::new();
        for (i, words) in entries.iter().enumerate() {
            match words[0].strip_suffix('*') {
                Some(stem) => stems.push((stem, i)),
                None => exact.entry(words[0]).or_default().push(i),
            }
        }
        WordTable {
            table,
            entries,
            exact,
            stems,
        }
    }

    /// The kind of the first entry (in table order) found in `words`.
    pub(super) fn first_match(&self, words: &[String]) -> Option<ClutterKind> {
        let mut best = usize::MAX;
        for (i, w) in words.iter().enumerate() {
            let exact = self.exact.get(w.as_str()).into_iter().flatten().copied();
            let stems = self
                .stems
                .iter()
                .filter(|(stem, _)| w.starts_with(stem))
                .map(|&(_, e)| e);
            for e in exact.chain(stems) {
                if e < best && entry_at(&self.entries[e], words, i) {
                    best = e;
                }
            }
        }
        self.table.get(best).map(|&(_, kind)| kind)
    }
}

/// Whether the words of a [`ClutterWords`] entry follow each other in
/// `words` from `at` on.
pub(super) fn entry_at(entry: &[&str], words: &[String], at: usize) -> bool {
    entry.iter().enumerate().all(|(k, p)| {
        words
            .get(at + k)
            .is_some_and(|w| match p.strip_suffix('*') {
                Some(stem) => w.starts_with(stem),
                None => w == p,
            })
    })
}

/// [`patterns::CLUTTER_WORDS`] as a [`WordTable`].
pub(super) fn clutter_words() -> &'static WordTable {
    static CELL: OnceLock<WordTable> = OnceLock::new();
    CELL.get_or_init(|| WordTable::new(patterns::CLUTTER_WORDS))
}

#[cfg(test)]
mod word_tests {
    use super::ascii_lowercase_word;

    #[test]
    fn lowercases_each_byte_of_a_word_as_to_ascii_lowercase_does() {
        for b in 0..=255u8 {
            for shift in [0, 8, 16, 24] {
                // The byte among others of every kind around it.
                let others = u32::from_le_bytes([b'Q', 0xc3, b'z', b'@']) & !(0xff << shift);
                let w = others | (u32::from(b) << shift);
                let want = u32::from_le_bytes(w.to_le_bytes().map(|x| x.to_ascii_lowercase()));
                assert_eq!(ascii_lowercase_word(w), want, "{b:#x} at {shift}");
            }
        }
    }
}
