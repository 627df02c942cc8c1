//! Small measures of plain strings shared by the phases: whitespace
//! normalisation, comma and word counts, similarity. Nothing here reads the
//! DOM (the DOM queries built on these live in `query`).

/// Whether `c` belongs to a script written without spaces between words
/// (Han, kana, Thai, Lao, Khmer, Myanmar) or whose words take attached
/// particles (Hangul): a cue in such text is a word wherever it occurs.
pub fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF // Thai, Lao
        | 0x1000..=0x109F // Myanmar
        | 0x1780..=0x17FF // Khmer
        | 0x1100..=0x11FF // Hangul Jamo
        | 0x3040..=0x30FF // Hiragana, Katakana
        | 0x3400..=0x4DBF // Han extension A
        | 0x4E00..=0x9FFF // Han
        | 0xAC00..=0xD7AF // Hangul syllables
        | 0xF900..=0xFAFF // Han compatibility
    )
}

/// Whether `c` is a combining mark of the scripts the cue tables cover
/// (Latin, Cyrillic, Hebrew and Arabic diacritics, Indic vowel signs and
/// viramas, Thai and Lao vowels and tone marks, kana voicing marks). Many
/// are not `char::is_alphanumeric` (the Thai thanthakhat of "แชร์", the
/// Devanagari nukta and virama), yet belong to the word they sit on.
pub fn is_combining_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F // combining diacritical marks
        | 0x0483..=0x0489 // Cyrillic
        | 0x0591..=0x05C7 // Hebrew points and accents
        | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED // Arabic
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0962..=0x0963 // Devanagari
        | 0x0981..=0x0983 | 0x09BC..=0x09D7 | 0x09E2..=0x09E3 // Bengali
        | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E // Thai
        | 0x0EB1 | 0x0EB4..=0x0EBC | 0x0EC8..=0x0ECD // Lao
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
        | 0x3099..=0x309A // kana voicing marks
    )
}

/// Whether `c` is part of a word: a letter, a digit, a combining mark or a
/// zero-width (non-)joiner (as in Persian "اشتراک‌گذاری").
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c) || matches!(c, '\u{200C}' | '\u{200D}')
}

/// `s` lowercased ([`lowercase`]) for matching against the cue tables,
/// with the spellings a character has in several encodings made one, as
/// the tables write them: Devanagari and Bengali letters with a nukta
/// decomposed (the form NFC gives: "पढ़ें" typed with U+095D matches the
/// table's U+0922 U+093C), Romanian "ș" and "ț" with the cedilla ("ş",
/// "ţ": pages use both, and Turkish has only the cedilla), and the "i̇"
/// that lowercasing a Turkish "İ" gives as a plain "i".
pub fn fold_cue_text(mut s: String) -> String {
    if s.is_ascii() {
        s.make_ascii_lowercase();
        return s;
    }
    let (s, fold) = lowercase_non_ascii(&s);
    if !fold {
        return s;
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{0958}'..='\u{095F}' => {
                const BASES: [char; 8] = [
                    '\u{0915}', '\u{0916}', '\u{0917}', '\u{091C}', '\u{0921}', '\u{0922}',
                    '\u{092B}', '\u{092F}',
                ];
                out.push(BASES[(c as u32 - 0x0958) as usize]);
                out.push('\u{093C}');
            }
            '\u{09DC}' | '\u{09DD}' | '\u{09DF}' => {
                out.push(match c {
                    '\u{09DC}' => '\u{09A1}',
                    '\u{09DD}' => '\u{09A2}',
                    _ => '\u{09AF}',
                });
                out.push('\u{09BC}');
            }
            '\u{0219}' => out.push('\u{015F}'),
            '\u{021B}' => out.push('\u{0163}'),
            'i' if chars.peek() == Some(&'\u{0307}') => {
                chars.next();
                out.push('i');
            }
            _ => out.push(c),
        }
    }
    out
}

/// Whether [`fold_cue_text`] changes `c` (or, for U+0307, the "i" before it).
fn needs_fold(c: char) -> bool {
    matches!(
        c,
        '\u{0958}'
            ..='\u{095F}'
                | '\u{09DC}'
                | '\u{09DD}'
                | '\u{09DF}'
                | '\u{0219}'
                | '\u{021B}'
                | '\u{0307}'
    )
}

/// Collapses every run of whitespace (including no-break spaces) to one
/// space and trims the ends.
pub fn normalize_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    push_normalized(s, &mut out, &mut pending_space);
    out
}

/// True for the ASCII bytes `char::is_whitespace` accepts (TAB, LF, VT, FF,
/// CR, space).
fn is_ascii_ws(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// Calls `f(Some(word))` for every maximal run of non-whitespace in `s` and
/// `f(None)` for every whitespace character, in order. Works on bytes: ASCII
/// (the common case) needs no UTF-8 decoding; other characters are decoded
/// one by one.
fn for_each_run(s: &str, mut f: impl FnMut(Option<&str>)) {
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (ws, len) = if b < 0x80 {
            (is_ascii_ws(b), 1)
        } else {
            // `i` is always on a char boundary: we only step by whole chars.
            let c = s[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if ws {
            if start < i {
                f(Some(&s[start..i]));
            }
            f(None);
            start = i + len;
        }
        i += len;
    }
    if start < bytes.len() {
        f(Some(&s[start..]));
    }
}

/// Appends `s` to `out` with whitespace collapsed; `pending_space` carries a
/// whitespace run over to the next piece of text (text nodes that follow
/// each other), and no space is ever written at the start of `out`.
pub(crate) fn push_normalized(s: &str, out: &mut String, pending_space: &mut bool) {
    // Words joined by single spaces are already normalised: each such run
    // is copied at once rather than word by word.
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let (ws, len) = char_at(s, i);
        if ws {
            *pending_space = true;
            i = ascii_ws_end(bytes, i + len);
            continue;
        }
        let start = i;
        loop {
            i = plain_run_end(bytes, i);
            i = word_end(s, i);
            // One space and then a word: the run goes on.
            if bytes.get(i) == Some(&b' ') && i + 1 < bytes.len() && !char_at(s, i + 1).0 {
                i += 1;
            } else {
                break;
            }
        }
        if *pending_space && !out.is_empty() {
            out.push(' ');
        }
        *pending_space = false;
        out.push_str(&s[start..i]);
    }
}

/// Bit 7 of each byte of `w` that is ASCII and at least `n` (`n` at most
/// 0x80), the others clear: eight byte comparisons in a few word operations.
#[inline(always)]
fn ascii_at_least(w: u64, n: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    ((w & (0x7f * ONES)) + (0x80 - n) * ONES) & !w & (0x80 * ONES)
}

/// Bit 7 of each byte of `w` that is ASCII whitespace ([`is_ascii_ws`]).
#[inline(always)]
fn ascii_ws_bits(w: u64) -> u64 {
    let controls = ascii_at_least(w, 0x09) & !ascii_at_least(w, 0x0e);
    let spaces = ascii_at_least(w, 0x20) & !ascii_at_least(w, 0x21);
    controls | spaces
}

/// The eight bytes of `bytes` from `i` on, as a little-endian word.
#[inline(always)]
fn word_at(bytes: &[u8], i: usize) -> Option<u64> {
    let w = bytes.get(i..i + 8)?;
    Some(u64::from_le_bytes([
        w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7],
    ]))
}

/// The end of the ASCII whitespace from byte `i` of `bytes` on, or a byte
/// before it: whole eight-byte words of it are skipped (the indentation of
/// pretty-printed markup), the rest is left to the caller.
#[inline(always)]
pub(crate) fn ascii_ws_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(w) = word_at(bytes, i) {
        if ascii_ws_bits(w) != 0x8080_8080_8080_8080 {
            break;
        }
        i += 8;
    }
    i
}

/// How far a run of words joined by single spaces that goes on at byte `i`
/// of `bytes` (a character that is not whitespace, or a space between two
/// words) surely goes on, eight bytes at a time: as far as the bytes are
/// printable ASCII and every space is followed by a printable non-space
/// byte. Stops early at anything else, which [`push_normalized`] reads
/// character by character.
#[inline(always)]
pub(crate) fn plain_run_end(bytes: &[u8], mut i: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let (Some(x), Some(y)) = (word_at(bytes, i), word_at(bytes, i + 1)) {
        // Every byte printable ASCII (a space or above).
        if ascii_at_least(x, 0x20) != HIGH {
            break;
        }
        // The spaces of `x`: bytes equal to 0x20 are the printable ones
        // that are not above it.
        let spaces = !ascii_at_least(x, 0x21) & HIGH;
        // Each space followed by a printable byte other than a space.
        if spaces & !ascii_at_least(y, 0x21) != 0 {
            break;
        }
        i += 8;
    }
    i
}

/// Whether `s` is empty or all whitespace (`s.trim().is_empty()`, in one
/// pass over its bytes).
pub fn is_blank(s: &str) -> bool {
    let mut i = ascii_ws_end(s.as_bytes(), 0);
    while i < s.len() {
        let (ws, len) = char_at(s, i);
        if !ws {
            return false;
        }
        i += len;
    }
    true
}

/// Whether the character at byte `i` of `s` (a char boundary) is
/// whitespace, and its length in bytes.
#[inline(always)]
pub(crate) fn char_at(s: &str, i: usize) -> (bool, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        (is_ascii_ws(b), 1)
    } else {
        let c = s[i..].chars().next().unwrap_or(' ');
        (c.is_whitespace(), c.len_utf8())
    }
}

/// The end of the word starting at byte `i` of `s`: the first whitespace
/// character after it, or the end of `s`.
#[inline(always)]
pub(crate) fn word_end(s: &str, mut i: usize) -> usize {
    let bytes = s.as_bytes();
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if is_ascii_ws(b) {
                break;
            }
            i += 1;
        } else {
            let (ws, len) = char_at(s, i);
            if ws {
                break;
            }
            i += len;
        }
    }
    i
}

/// The normalised length of one piece of text, and whether whitespace comes
/// before its first word and after its last (both: whether it has any
/// whitespace, when it has no word). The summary [`crate::dom::Dom::text_len`] combines.
pub(crate) fn span_of(s: &str) -> (usize, bool, bool) {
    if s.is_ascii() {
        return ascii_span_of(s.as_bytes());
    }
    let mut len = 0usize;
    let mut lead = false;
    let mut pending_space = false;
    for_each_run(s, |run| match run {
        Some(w) => {
            if len == 0 {
                lead = pending_space;
            } else if pending_space {
                len += 1;
            }
            pending_space = false;
            len += if w.is_ascii() {
                w.len()
            } else {
                w.chars().count()
            };
        }
        None => pending_space = true,
    });
    if len == 0 {
        (0, pending_space, pending_space)
    } else {
        (len, lead, pending_space)
    }
}

/// [`span_of`] for ASCII text, in one branch-free pass: the length is the
/// non-whitespace bytes plus one space between each two words.
fn ascii_span_of(b: &[u8]) -> (usize, bool, bool) {
    let (mut solid, mut words, mut prev_ws) = (0usize, 0usize, true);
    // Eight bytes at a time: per byte lane, one count of bytes that are no
    // whitespace and one of those that start a word (after whitespace),
    // added up across lanes every 255 words, before a lane can overflow.
    let mut chunks = b.chunks_exact(8);
    while chunks.len() > 0 {
        let (mut solid_lanes, mut start_lanes) = (0u64, 0u64);
        for c in chunks.by_ref().take(255) {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            let ws = ascii_ws_bits(w);
            let solid_bits = !ws & 0x8080_8080_8080_8080;
            // Whitespace bits moved up one byte: the byte before each.
            let ws_before = (ws << 8) | (u64::from(prev_ws) << 7);
            solid_lanes += solid_bits >> 7;
            start_lanes += (solid_bits & ws_before) >> 7;
            prev_ws = ws >> 63 != 0;
        }
        // Adjacent lanes added into 16-bit lanes, whose sum lands in the
        // top 16 bits.
        let sum = |lanes: u64| {
            let pairs = (lanes & 0x00ff_00ff_00ff_00ff) + ((lanes >> 8) & 0x00ff_00ff_00ff_00ff);
            (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize
        };
        solid += sum(solid_lanes);
        words += sum(start_lanes);
    }
    for &c in chunks.remainder() {
        let ws = is_ascii_ws(c);
        solid += usize::from(!ws);
        words += usize::from(prev_ws && !ws);
        prev_ws = ws;
    }
    match (b.first(), b.last()) {
        (Some(&first), Some(&last)) if words > 0 => {
            (solid + words - 1, is_ascii_ws(first), is_ascii_ws(last))
        }
        _ => (0, !b.is_empty(), !b.is_empty()),
    }
}

/// Number of commas (Latin and CJK/Arabic forms) in `s`.
pub fn comma_count(s: &str) -> usize {
    if s.is_ascii() {
        return s.bytes().filter(|&b| b == b',').count();
    }
    s.chars()
        .filter(|c| {
            matches!(
                c,
                ',' | '\u{060C}'
                    | '\u{FE50}'
                    | '\u{FE10}'
                    | '\u{FE11}'
                    | '\u{2E41}'
                    | '\u{2E34}'
                    | '\u{2E32}'
                    | '\u{FF0C}'
            )
        })
        .count()
}

/// Number of words: runs of word characters, with CJK characters counted one each.
pub fn word_count(s: &str) -> usize {
    let mut counter = WordCounter::default();
    counter.feed(s);
    counter.count()
}

/// [`word_count`] fed piece by piece: the count of the concatenation of
/// everything fed.
#[derive(Debug, Default, Clone)]
pub(crate) struct WordCounter {
    count: usize,
    in_word: bool,
}

impl WordCounter {
    /// Counts the words of `s`, continuing the text fed so far.
    pub(crate) fn feed(&mut self, s: &str) {
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                // `feed_char` for ASCII: no CJK, and alphanumeric is ASCII's.
                if b.is_ascii_alphanumeric() {
                    if !self.in_word {
                        self.count += 1;
                    }
                    self.in_word = true;
                } else if b != b'\'' && b != b'-' {
                    self.in_word = false;
                }
                i += 1;
            } else {
                let c = s[i..].chars().next().unwrap_or(' ');
                self.feed_char(c);
                i += c.len_utf8();
            }
        }
    }

    /// Counts one more character.
    pub(crate) fn feed_char(&mut self, c: char) {
        if is_cjk(c) {
            self.count += 1;
            self.in_word = false;
        } else if c.is_alphanumeric() {
            if !self.in_word {
                self.count += 1;
            }
            self.in_word = true;
        } else if c != '\'' && c != '’' && c != '-' {
            self.in_word = false;
        }
    }

    /// The words counted so far.
    pub(crate) fn count(&self) -> usize {
        self.count
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// Text similarity of two strings in [0, 1] by shared word tokens
/// (Readability's `_textSimilarity`).
pub fn text_similarity(a: &str, b: &str) -> f64 {
    let tokenize = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect()
    };
    let ta = tokenize(a);
    let tb = tokenize(b);
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let uniq_b: Vec<&String> = tb.iter().filter(|t| !ta.contains(t)).collect();
    let len_b = tb.iter().map(|t| t.chars().count()).sum::<usize>() + tb.len().saturating_sub(1);
    let len_u =
        uniq_b.iter().map(|t| t.chars().count()).sum::<usize>() + uniq_b.len().saturating_sub(1);
    1.0 - len_u as f64 / len_b as f64
}

/// Lowercases `s` in ASCII only: enough for class names and other
/// attribute words, and it leaves every other character as it is.
pub fn lower(s: &str) -> String {
    s.to_ascii_lowercase()
}

/// `s` lowercased (`str::to_lowercase`), in place when it is ASCII.
pub fn lowercase(mut s: String) -> String {
    if s.is_ascii() {
        s.make_ascii_lowercase();
        s
    } else {
        lowercase_non_ascii(&s).0
    }
}

/// `s.to_lowercase()`, and whether a character of it is one that
/// [`fold_cue_text`] changes ([`needs_fold`]). The characters of
/// [`simple_lowercase`] are mapped without the standard library's table
/// search, one per character of text; a capital sigma, whose lower case
/// depends on the letters around it, leaves the whole text to the standard
/// library.
fn lowercase_non_ascii(s: &str) -> (String, bool) {
    if s.contains('\u{03A3}') {
        let lower = s.to_lowercase();
        let fold = lower.chars().any(needs_fold);
        return (lower, fold);
    }
    let mut out = String::with_capacity(s.len());
    let mut fold = false;
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(l) = simple_lowercase(c) {
            fold |= needs_fold(l);
            out.push(l);
        } else {
            for l in c.to_lowercase() {
                fold |= needs_fold(l);
                out.push(l);
            }
        }
    }
    (out, fold)
}

/// The lower case of a non-ASCII `c` in the blocks most text is written in,
/// where it is one character that `char::to_lowercase` gives without a
/// table search: Latin-1, basic Cyrillic, and the caseless scripts and
/// punctuation (Hebrew to Myanmar, general punctuation and currency, CJK,
/// Hangul). `None` elsewhere.
fn simple_lowercase(c: char) -> Option<char> {
    let u = c as u32;
    let lower = match u {
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        0x80..=0xFF => u,
        0x0400..=0x040F => u + 0x50,
        0x0410..=0x042F => u + 0x20,
        0x0430..=0x045F => u,
        0x0590..=0x109F | 0x2000..=0x20FF | 0x3000..=0x9FFF | 0xAC00..=0xD7A3 => u,
        _ => return None,
    };
    char::from_u32(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_ws_is_split_whitespace_joined() {
        let pieces = [
            "a", "word", " ", "  ", "\n", "\t", "\u{a0}", "é", "\u{3000}", "x.", "\u{1}",
        ];
        // Every sequence of up to five pieces, a few times over so that the
        // runs cross the eight-byte steps of `plain_run_end` at every offset.
        let mut seq = vec![0usize];
        while seq.len() <= 5 {
            let piece: String = seq.iter().map(|&k| pieces[k]).collect();
            for s in [piece.clone(), format!("{piece}abc {piece} de{piece}f g")] {
                let want = s.split_whitespace().collect::<Vec<_>>().join(" ");
                assert_eq!(normalize_ws(&s), want, "{s:?}");
                assert_eq!(span_of(&s), naive_span(&s), "{s:?}");
            }
            // The next sequence, as a number in base `pieces.len()`.
            let mut k = 0;
            loop {
                if k == seq.len() {
                    seq.push(0);
                    break;
                }
                seq[k] += 1;
                if seq[k] < pieces.len() {
                    break;
                }
                seq[k] = 0;
                k += 1;
            }
        }
    }

    /// [`span_of`] from its definition.
    fn naive_span(s: &str) -> (usize, bool, bool) {
        let len = normalize_ws(s).chars().count();
        let first_ws = s.chars().next().is_some_and(char::is_whitespace);
        let last_ws = s.chars().next_back().is_some_and(char::is_whitespace);
        if len == 0 {
            let any = s.chars().any(char::is_whitespace);
            (0, any, any)
        } else {
            (len, first_ws, last_ws)
        }
    }

    #[test]
    fn spans_of_long_texts_count_every_word() {
        // Past 255 words of eight bytes, where the lane counts are added up.
        for n in [250, 255, 256, 600, 2100] {
            for unit in ["ab ", "abcdefg ", "a\n\t b", "abcdefgh", " "] {
                let s = unit.repeat(n);
                assert_eq!(span_of(&s), naive_span(&s), "{unit:?} x {n}");
            }
        }
    }

    #[test]
    fn simple_lowercase_is_char_to_lowercase() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if let Some(l) = simple_lowercase(c) {
                assert!(c.to_lowercase().eq([l]), "{:#x}", c as u32);
            }
        }
    }

    #[test]
    fn lowercase_is_str_to_lowercase() {
        for s in [
            "ÀÉÎÕÜ Ÿ × ß",
            "ПРИВЕТ Ёлка Ђ",
            "ΟΔΟΣ Σ ΑΣ.",
            "İSTANBUL ı",
            "Straße ǅ ﬀ",
            "日本語 テキスト 한국어 עברית العربية हिन्दी ไทย",
            "ＡＢＣ Ⓐ Ω K Å",
            "a\u{0345}b \u{10400}",
        ] {
            assert_eq!(lowercase(s.to_string()), s.to_lowercase(), "{s}");
            let fold = s.to_lowercase().chars().any(needs_fold);
            assert_eq!(lowercase_non_ascii(s).1, fold, "{s}");
        }
    }

    #[test]
    fn spans_agree_with_normalised_text() {
        for s in [
            "",
            " ",
            "\t\n",
            "a",
            " a",
            "a ",
            "  ab   cd  ",
            "a\u{a0}b",
            " é  ü ",
            "x\u{3000}",
            "one two",
        ] {
            let len = normalize_ws(s).chars().count();
            let first_ws = s.chars().next().is_some_and(char::is_whitespace);
            let last_ws = s.chars().next_back().is_some_and(char::is_whitespace);
            let expected = if len == 0 {
                let any = s.chars().any(char::is_whitespace);
                (0, any, any)
            } else {
                (len, first_ws, last_ws)
            };
            assert_eq!(span_of(s), expected, "{s:?}");
        }
    }

    #[test]
    fn normalising_copies_runs_of_words_as_splitting_on_whitespace_would() {
        for s in [
            "one two three",
            "one two ",
            "one  two",
            "one \ttwo",
            "one\u{a0}two three",
            "é ü  ö",
            "a b\u{3000}c d",
            " x y\n",
            "a \u{a0}b",
            "a \u{85}",
        ] {
            let expected = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(normalize_ws(s), expected, "{s:?}");
            // Carried over to the next piece: a space only between words.
            let mut out = String::from("w");
            let mut pending = false;
            push_normalized(s, &mut out, &mut pending);
            push_normalized("z", &mut out, &mut pending);
            let sep = |b: bool| if b { " " } else { "" };
            let lead = sep(s.starts_with(char::is_whitespace));
            let trail = sep(s.ends_with(char::is_whitespace));
            assert_eq!(out, format!("w{lead}{expected}{trail}z"), "{s:?}");
        }
    }

    #[test]
    fn blank_is_what_trims_to_nothing() {
        for s in [
            "",
            " ",
            "\n\t ",
            "\u{a0}\u{3000}",
            " a ",
            "\u{a0}é",
            "x",
            "\n\u{200b}",
        ] {
            assert_eq!(is_blank(s), s.trim().is_empty(), "{s:?}");
        }
    }

    #[test]
    fn whitespace_is_collapsed() {
        assert_eq!(normalize_ws("  a \n\t b\u{a0}c  "), "a b c");
        let pieces = [
            "",
            " ",
            "a",
            "ab cd",
            " ab  cd ",
            "a \u{a0}b",
            "é ü",
            "x\u{3000}y",
            "a\tb c",
            "end ",
        ];
        for a in pieces {
            assert_eq!(
                normalize_ws(a),
                a.split_whitespace().collect::<Vec<_>>().join(" ")
            );
            for b in pieces {
                // Two pieces in a row, as adjacent text nodes are written.
                let mut out = String::new();
                let mut pending = false;
                push_normalized(a, &mut out, &mut pending);
                push_normalized(b, &mut out, &mut pending);
                let whole = format!("{a}{b}");
                assert_eq!(
                    out,
                    whole.split_whitespace().collect::<Vec<_>>().join(" "),
                    "{a:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn commas_are_counted_in_ascii_and_other_scripts() {
        assert_eq!(comma_count("a, b, c"), 2);
        assert_eq!(comma_count("一，二、三, 四"), 2);
    }

    #[test]
    fn words_are_counted() {
        assert_eq!(word_count("It's a well-known fact, isn't it?"), 6);
        assert_eq!(word_count("日本語"), 3);
        assert_eq!(word_count(""), 0);
    }

    #[test]
    fn cue_text_folds_one_character_spelled_two_ways() {
        // Precomposed nukta letters (U+095D, U+09DF) become base + nukta.
        assert_eq!(fold_cue_text("पढ\u{093C}ें".into()), "पढ\u{093C}ें");
        assert_eq!(
            fold_cue_text("\u{092A}\u{095D}ें".into()),
            "\u{092A}\u{0922}\u{093C}ें"
        );
        assert_eq!(fold_cue_text("শে\u{09DF}ার".into()), "শে\u{09AF}\u{09BC}ার");
        assert_eq!(fold_cue_text("CITEȘTE ȘI".into()), "citeşte şi");
        assert_eq!(fold_cue_text("Paylaş".into()), "paylaş");
        assert_eq!(fold_cue_text("İlgili Haberler".into()), "ilgili haberler");
        assert_eq!(fold_cue_text("Read More".into()), "read more");
    }

    #[test]
    fn marks_belong_to_their_word() {
        assert!("แชร์".chars().all(is_word_char));
        assert!("पढ़ें".chars().all(is_word_char));
        assert!("اشتراک‌گذاری".chars().all(is_word_char));
        assert!(!is_word_char(':') && !is_word_char('।') && !is_word_char('：'));
    }

    #[test]
    fn similarity_of_titles() {
        assert!(text_similarity("A quiet harbour", "A quiet harbour") > 0.99);
        assert!(text_similarity("A quiet harbour", "Something else entirely") < 0.1);
    }
}
