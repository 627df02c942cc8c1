//! Rules on single lines that clutter is made of: photo credits (standing
//! alone or inside a caption) and date lines.

use super::*;

/// The credits in the caption `figcaption`: the caption itself when all its
/// text is a credit line, a picture agency's name or sources joined by "/"
/// ([`source_credit`]: "Ann Lee/Agency"), or else its inline elements that
/// [`caption_credit`] takes (outermost only).
pub(super) fn caption_credits(dom: &Dom, figcaption: NodeId) -> Vec<(NodeId, Verdict)> {
    let b = Block::new(dom, figcaption);
    let line = |t: &str| is_credit_line(t, b.len) || is_agency_credit(t, b.len);
    if b.has_text() && (line(b.text()) || block_source_credit(&b).is_some()) {
        return vec![(
            figcaption,
            Verdict::new(ClutterKind::Meta, &["caption-credit"]),
        )];
    }
    let mut out: Vec<(NodeId, Verdict)> = Vec::new();
    for d in dom.descendants(figcaption).skip(1) {
        if !dom.is_element(d)
            || !is_one_of(dom.tag(d), patterns::PHRASING_ELEMS)
            || out.iter().any(|&(o, _)| dom.is_inclusive_ancestor(o, d))
        {
            continue;
        }
        if let Some(v) = caption_credit(&Block::new(dom, d)) {
            out.push((d, v));
        }
    }
    out
}

/// A photo credit inside a picture's caption, as an element of its own:
/// "© Ann Lee", "Photo: Ann Lee", a credit naming its sources with no
/// label ([`source_credit`]: "Ann Lee/Agency"), or short text in an element
/// whose class names a credit ([`patterns::CREDIT_CLASS_WORDS`]). The
/// caption stays. Right after a picture, with no caption around it, an
/// unlabelled credit must name a picture agency: "Ann Lee / Ben Cole" there
/// may be the story's byline.
pub(super) fn caption_credit(b: &Block) -> Option<Verdict> {
    if b.len == 0 || b.len > patterns::CREDIT_MAX {
        return None;
    }
    // Cheap tests first: most inline elements are neither named a credit
    // nor read as one, and need no look at their surroundings.
    let dom = b.dom;
    let read =
        || b.has_text() && (is_credit_line(b.text(), b.len) || is_agency_credit(b.text(), b.len));
    let credit = if is_named_credit(b) || read() {
        in_caption(dom, b.node) || follows_picture(dom, b.node, PICTURE_LEVELS)
    } else {
        match block_source_credit(b) {
            Some(agency) => {
                in_caption(dom, b.node) || agency && follows_picture(dom, b.node, PICTURE_LEVELS)
            }
            None => false,
        }
    };
    credit.then(|| Verdict::new(ClutterKind::Meta, &["caption-credit"]))
}

/// A block of its own that is a picture's credit naming its sources with no
/// label ([`source_credit`]): in a caption ([`in_caption`]) or named a
/// credit by its class, or right after a picture and naming a picture
/// agency ("Ann Lee/Agency", "Agency" alone). The same names elsewhere
/// ("Ann Lee / Ben Cole" as a byline, "Berlin/Potsdam" as a dateline) stay.
pub(super) fn is_bare_picture_credit(b: &Block) -> bool {
    if b.len == 0 || b.len > patterns::CREDIT_MAX {
        return false;
    }
    let Some(agency) = block_source_credit(b) else {
        return false;
    };
    let dom = b.dom;
    agency && follows_picture(dom, b.node, PICTURE_LEVELS)
        || in_caption(dom, b.node)
        || is_named_credit(b)
}

/// [`source_credit`] of the text of block `b`, read in its own case for
/// the names (the block's text is folded): only a text with a "/" needs it.
fn block_source_credit(b: &Block) -> Option<bool> {
    if !b.has_text() {
        return None;
    }
    if !b.text().contains('/') {
        return source_credit(b.text(), b.len);
    }
    source_credit(&normalize_ws(&inner_text(b.dom, b.node)), b.len)
}

/// Whether the class of `b` names a credit: a word of it opens with one of
/// [`patterns::CREDIT_CLASS_WORDS`] ("story-image-copyright").
fn is_named_credit(b: &Block) -> bool {
    has_credit_class(b.dom, b.node)
        && b.words().iter().any(|w| {
            patterns::CREDIT_CLASS_WORDS
                .iter()
                .any(|c| w.starts_with(c))
        })
}

/// How many levels up [`follows_picture`] looks from a credit that opens
/// its box (`<div><img></div><div><p>Agency</p></div>`).
pub(super) const PICTURE_LEVELS: usize = 3;

/// Whether `node` stands right after a picture: the element before it
/// (blank text and comments passed over) is a picture with no text of its
/// own, an `<img>` or a box holding one ([`holds_picture`]). Where nothing
/// stands before `node`, the element before its parent is read, up to
/// `levels` levels up; text before it at any level means it follows that
/// text, not the picture.
pub(super) fn follows_picture(dom: &Dom, node: NodeId, levels: usize) -> bool {
    let mut n = node;
    for _ in 0..=levels {
        match shown_before(dom, n) {
            Some(p) if dom.is_element(p) => {
                return inner_text_len(dom, p) == 0
                    && (is_one_of(dom.tag(p), patterns::CAPTIONED_MEDIA)
                        || holds_picture(&Block::new(dom, p)));
            }
            Some(_) => return false,
            None => match dom.parent(n).filter(|&p| dom.is_element(p)) {
                Some(p) => n = p,
                None => return false,
            },
        }
    }
    false
}

/// A credit that names where a picture came from with no label: two to
/// four sources joined by "/" ("Ann Lee/Agency", "ANN LEE/AFP/Getty
/// Images", "agency/annlee", "Ann Lee / AFP - Getty Images"), or a picture
/// agency's name alone ([`is_agency_credit`]); the whole may stand in
/// brackets. `Some(true)` when a source is a picture agency
/// ([`patterns::PICTURE_AGENCIES`]), `Some(false)` when the sources are
/// only names, one of them a name of two or more words ("Ann Lee/Harbour
/// Trust"). Each source is a name: one word, or up to four that open with a
/// capital ([`patterns::NAME_PARTICLES`] aside). Not a credit: one-word
/// pairs with no agency ("Vorher/Nachher", "Berlin/Potsdam"), a caption
/// before the agency ("Ann Lee at home / Agency": its cut is
/// [`cut_credit_tails`]'s), a line that ends a sentence, holds digits, a
/// colon or a comma, or opens with a byline's word ("By Ann Lee / Ben
/// Cole").
pub(super) fn source_credit(t: &str, len: usize) -> Option<bool> {
    if len > patterns::CREDIT_MAX {
        return None;
    }
    let t = t.trim();
    // Brackets only as a pair around the whole: the end of "(Foto: Agency)"
    // is no credit of its own.
    let t = match t.strip_prefix(['(', '[']) {
        Some(inner) => inner.strip_suffix([')', ']'])?,
        None if t.ends_with([')', ']']) => return None,
        None => t,
    };
    if !t.contains('/') {
        // Folded only when short enough to be an agency's name.
        return (len <= AGENCY_CREDIT_MAX && is_agency_credit(&t.to_lowercase(), len))
            .then_some(true);
    }
    if t.ends_with('.') || t.contains("//") {
        return None;
    }
    let first = t.split_whitespace().next()?.to_lowercase();
    if patterns::CREDIT_JOINERS.contains(&first.as_str()) {
        return None;
    }
    let mut parts = 0;
    let (mut agency, mut name) = (false, false);
    for part in t
        .split('/')
        .flat_map(|p| p.split(" - "))
        .flat_map(|p| p.split(" – "))
    {
        let part = part.trim();
        parts += 1;
        if patterns::PICTURE_AGENCIES.contains(&part.to_lowercase().as_str()) {
            agency = true;
            continue;
        }
        let words = part.split_whitespace().count();
        let named = |w: &str| {
            !w.starts_with(char::is_alphabetic)
                || w.starts_with(char::is_uppercase)
                || patterns::NAME_PARTICLES.contains(&w)
        };
        if words == 0
            || words > SOURCE_WORDS_MAX
            || !part
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || SOURCE_MARKS.contains(&c))
            || words > 1 && !part.split_whitespace().all(named)
        {
            return None;
        }
        name |= words > 1;
    }
    ((2..=SOURCES_MAX).contains(&parts) && (agency || name)).then_some(agency)
}

/// Most sources of one [`source_credit`].
const SOURCES_MAX: usize = 4;

/// Most words of one source in a [`source_credit`].
const SOURCE_WORDS_MAX: usize = 4;

/// Marks a source's name may hold besides letters ([`source_credit`]):
/// "Göteborg & Co", "imagebank.example.se", "O'Neill", "jane_doe".
const SOURCE_MARKS: [char; 6] = ['.', '-', '&', '\'', '’', '_'];

/// Whether the `class` of `node` holds a word of
/// [`patterns::CREDIT_CLASS_WORDS`] (anywhere: the raw test before
/// [`descriptor_words`]).
pub(super) fn has_credit_class(dom: &Dom, node: NodeId) -> bool {
    // No lowercased copy: most classes hold no credit word.
    dom.attr(node, "class").is_some_and(|c| {
        let c = c.as_bytes();
        patterns::CREDIT_CLASS_WORDS.iter().any(|w| {
            c.windows(w.len())
                .any(|win| win.eq_ignore_ascii_case(w.as_bytes()))
        })
    })
}

/// Whether `node` sits in a picture's caption: inside a `<figure>` or
/// `<figcaption>`, or a box whose class names a caption
/// ([`is_named_caption`]: `<div class="img-caption"><span
/// class="copyright">…</span><p>What the picture shows</p></div>`), at most
/// three levels up; or right after an element whose class names a caption.
pub(super) fn in_caption(dom: &Dom, node: NodeId) -> bool {
    if dom.ancestors(node).take(3).any(|a| {
        matches!(dom.tag(a), "figure" | "figcaption")
            || dom.is_element(a) && is_named_caption(dom, a)
    }) {
        return true;
    }
    std::iter::successors(dom.prev_sibling(node), |&p| dom.prev_sibling(p))
        .find(|&p| dom.is_element(p))
        .is_some_and(|p| is_named_caption(dom, p))
}

/// Whether the class (or id) of `node` names a caption: a word of it opens
/// with one of [`patterns::CAPTION_CLASS_WORDS`].
pub(super) fn is_named_caption(dom: &Dom, node: NodeId) -> bool {
    // A word that opens with a caption word is in an attribute's text (in
    // any case): most elements are passed over without splitting it.
    let mentions = patterns::DESCRIPTOR_ATTRS.iter().any(|&a| {
        dom.attr(node, a).is_some_and(|v| {
            patterns::CAPTION_CLASS_WORDS
                .iter()
                .any(|c| contains_ascii_nocase(v, c))
        })
    });
    mentions
        && descriptor_words(dom, node).iter().any(|w| {
            patterns::CAPTION_CLASS_WORDS
                .iter()
                .any(|c| w.starts_with(c))
        })
}

/// Whether `hay` holds the lowercase ASCII `needle` in any case.
pub(super) fn contains_ascii_nocase(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// A photo credit standing alone: "© Ann Lee", "Foto: Ann Lee / Agency",
/// "(Photograph by Ann Lee)", "Fotos © Ann Lee".
pub(super) fn is_credit_line(t: &str, len: usize) -> bool {
    if len > patterns::CREDIT_MAX {
        return false;
    }
    // A credit may follow its caption's last sentence in an element of its
    // own: ". Imagen: …", "| Foto: …", "/ © …".
    let t = t.trim_start_matches(CREDIT_LEADS);
    if let Some(rest) = t.strip_prefix('©') {
        return rest.chars().any(char::is_alphabetic);
    }
    let first = t.as_bytes().first().copied();
    // Most lines open with no label's first byte: one look-up rules them out.
    if !first.is_some_and(|f| CREDIT_LABEL_FIRST_BYTES[usize::from(f)]) {
        return false;
    }
    patterns::CREDIT_LABELS.iter().any(|label| {
        // The first byte before the whole label: most lines open with none.
        if label.as_bytes().first().copied() != first {
            return false;
        }
        let Some(rest) = t.strip_prefix(label) else {
            return false;
        };
        // "Fot. Ann Lee": the abbreviation's full stop stands for a colon.
        if label.ends_with('.') && rest.starts_with(' ') {
            let words = rest.split_whitespace().count();
            return words <= 8 && rest.chars().any(char::is_alphabetic) && !rest.ends_with('.');
        }
        let rest = rest.trim_start();
        // "Foto: …", "写真：…", "사진=…", "Fotos © …".
        if let Some(after) = rest.strip_prefix([':', '：', '=', '©']) {
            return after.chars().any(char::is_alphabetic);
        }
        rest.split_whitespace().next().is_some_and(|w| {
            // "by Ann Lee, Harbour & Coast Trust": a name and a source.
            patterns::CREDIT_JOINERS.contains(&w) && rest.split_whitespace().count() <= 8
        }) && !rest.ends_with('.')
    })
}

/// Whether a byte opens one of [`patterns::PICTURE_AGENCIES`].
static AGENCY_FIRST_BYTES: [bool; 256] = first_bytes(patterns::PICTURE_AGENCIES);

/// Whether a byte opens one of [`patterns::CREDIT_LABELS`].
static CREDIT_LABEL_FIRST_BYTES: [bool; 256] = first_bytes(patterns::CREDIT_LABELS);

/// The bytes that open one of `words`, as a table by byte.
const fn first_bytes(words: &[&str]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < words.len() {
        if let Some(&b) = words[i].as_bytes().first() {
            table[b as usize] = true;
        }
        i += 1;
    }
    table
}

/// A line that names a source standing alone, unbracketed: "Quelle: Ann
/// Lee", "Źródło: Agency" ([`patterns::SOURCE_LABELS`], a colon and a
/// name). In brackets, "(Source: …)" cites for the text before it, which
/// keeps it.
pub(super) fn is_source_line(t: &str, len: usize) -> bool {
    if len > patterns::CREDIT_MAX {
        return false;
    }
    let t = t.trim_start_matches([' ', '.', '|', '/', '-', '–', '—', '·', ',']);
    patterns::SOURCE_LABELS.iter().any(|label| {
        opens_with(t, label)
            && t.strip_prefix(label).is_some_and(|rest| {
                rest.trim_start()
                    .strip_prefix([':', '：'])
                    .is_some_and(|after| after.chars().any(char::is_alphabetic))
            })
    })
}

/// What may stand before a credit that follows its caption: brackets,
/// spaces and separators.
pub(super) const CREDIT_LEADS: [char; 11] = ['(', '[', ' ', '.', '|', '/', '-', '–', '—', '·', ','];

/// Longest agency credit ([`is_agency_credit`]): the longest name, its
/// punctuation and a "©".
const AGENCY_CREDIT_MAX: usize = 24;

/// A picture agency's name standing alone, as inside a caption: "Shutterstock",
/// "/ Getty Images", "(Reuters)" ([`patterns::PICTURE_AGENCIES`]).
pub(super) fn is_agency_credit(t: &str, len: usize) -> bool {
    if len > AGENCY_CREDIT_MAX {
        return false;
    }
    let t = t.trim_start_matches(|c: char| !c.is_alphanumeric());
    // Most lines open with no agency's first byte: one look-up rules them out.
    if !t
        .as_bytes()
        .first()
        .is_some_and(|&f| AGENCY_FIRST_BYTES[usize::from(f)])
    {
        return false;
    }
    let t = t.trim_end_matches(|c: char| !c.is_alphanumeric());
    patterns::PICTURE_AGENCIES.contains(&t)
}

/// A line that is only a date, with no label: "16 marca 2021", "4 de mayo de
/// 2022 - 00:38", "2022年5月4日". At least two numbers, one of them a year
/// (four digits from 1900 to 2099), and at most
/// [`patterns::BARE_DATE_MAX_WORDS`] words of three letters or more: a
/// heading such as "Olympia 2022" has one number, a sentence more words. A
/// label before a colon or a "+" makes it data (an event's time, a phone
/// number), which stays.
pub(super) fn is_bare_date(t: &str, len: usize) -> bool {
    if len > patterns::BARE_DATE_MAX || !t.as_bytes().iter().any(u8::is_ascii_digit) {
        return false;
    }
    // A labelled line ("Termin: 29.02.2020, 19 Uhr") is an event's or a
    // form's data, a "+" opens a phone number.
    let mut prev = ' ';
    for c in t.chars() {
        if c == '+' || matches!(c, ':' | '：') && prev.is_alphabetic() {
            return false;
        }
        prev = c;
    }
    is_date_text(t, patterns::BARE_DATE_MAX_WORDS)
}

/// Whether `t` reads as a date and nothing more: at least two numbers, one
/// of them a year (four digits from 1900 to 2099), at most `max_words`
/// words of three letters or more (a weekday, a month, a time zone) and
/// few characters of a script written without spaces.
fn is_date_text(t: &str, max_words: usize) -> bool {
    let mut numbers = 0;
    let mut year = false;
    for run in t
        .split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty())
    {
        numbers += 1;
        year |= run.len() == 4 && (run.starts_with("19") || run.starts_with("20"));
    }
    let words = t
        .split(|c: char| !c.is_alphabetic() || is_unspaced_script(c))
        .filter(|w| w.chars().count() >= 3)
        .count();
    // In a script written without spaces, each character of the date's
    // own ("2022年5月4日 10時") counts; a sentence has more.
    let unspaced = t.chars().filter(|&c| is_unspaced_script(c)).count();
    numbers >= 2 && year && words <= max_words && unspaced <= patterns::BARE_DATE_MAX_UNSPACED
}

/// An inline element that shares its line with other text: its block holds
/// more text than it does, and it does not [`stand_alone`](stands_alone).
pub(super) fn is_inside_text(dom: &Dom, node: NodeId, len: usize) -> bool {
    let in_bigger_block = dom
        .parent(node)
        .filter(|&p| dom.is_element(p))
        .is_some_and(|p| inner_text_len(dom, p) > len + 2);
    in_bigger_block && !stands_alone(dom, node)
}

/// Whether inline element `node` stands as a line of its own: neither of
/// its [`line_neighbours`] is text or an inline element other than a line
/// break with text in it (a lone link between blocks, after a line break,
/// or after the last paragraph of a box). A link in a sentence has text
/// or inline elements with text beside it.
pub(super) fn stands_alone(dom: &Dom, node: NodeId) -> bool {
    !line_neighbours(dom, node).into_iter().flatten().any(|n| {
        if dom.is_element(n) {
            let tag = dom.tag(n);
            tag != "br" && is_one_of(tag, patterns::PHRASING_ELEMS) && inner_text_len(dom, n) > 0
        } else {
            true
        }
    })
}

/// The nearest siblings of `node` before and after it that are elements or
/// text with more than whitespace (comments and blank text skipped).
pub(super) fn line_neighbours(dom: &Dom, node: NodeId) -> [Option<NodeId>; 2] {
    [
        shown_before(dom, node),
        dom.next_sibling_where(node, |n| is_shown(dom, n)),
    ]
}

/// The nearest sibling before `node` that is an element or text with more
/// than whitespace.
fn shown_before(dom: &Dom, node: NodeId) -> Option<NodeId> {
    dom.prev_sibling_where(node, |n| is_shown(dom, n))
}

/// Whether `n` is an element or text with more than whitespace.
fn is_shown(dom: &Dom, n: NodeId) -> bool {
    dom.is_element(n) || dom.text(n).is_some_and(|t| !is_blank(t))
}

/// A share, follow or print link standing as a line of its own between
/// blocks ("Follow us on Google News" after the byline box, "Print
/// recipe" under the picture): a link to a [`patterns::SHARE_URLS`]
/// address, up to [`SHARE_ROW_MAX`] characters, or one whose whole text
/// is a print label, with no text beside it ([`stands_alone`]). Such a
/// link inside a sentence stays.
pub(super) fn lone_share_link(b: &Block) -> Option<Verdict> {
    let dom = b.dom;
    if b.tag != "a" || b.len > SHARE_ROW_MAX {
        return None;
    }
    // The cheap tests first: most links are neither.
    let signal = if dom
        .attr(b.node, "href")
        .is_some_and(|h| share_url_cues().any_in(h))
    {
        "share-link-line"
    } else if b.len <= LABEL_MAX && is_print_control(b, true) {
        "print-label"
    } else {
        return None;
    };
    stands_alone(dom, b.node).then(|| Verdict::new(ClutterKind::Share, &[signal]))
}

/// The author's name and the time of publication set as a list at the
/// story's head ("<li><a>Ann Lee</a></li><li><time>19.10.19, 08:16
/// Uhr</time></li>"): the metadata holds both. A list of two or three
/// items, at most [`AUTHOR_DATE_LIST_MAX`] characters, one item all a
/// `<time>` with a number in it, the others empty or a short linked name
/// (at most [`patterns::AUTHOR_NAME_MAX_WORDS`] words). A list with any
/// other item (a timeline's event, a schedule's title) stays.
pub(super) fn is_author_date_list(b: &Block) -> bool {
    if !matches!(b.tag, "ul" | "ol") || b.len > AUTHOR_DATE_LIST_MAX || !b.has_text() {
        return false;
    }
    let dom = b.dom;
    let items: Vec<NodeId> = dom.element_children(b.node).collect();
    if !(2..=3).contains(&items.len()) || items.iter().any(|&i| dom.tag(i) != "li") {
        return false;
    }
    let mut times = 0;
    let mut names = 0;
    for &item in &items {
        let len = inner_text_len(dom, item);
        if len == 0 {
            continue;
        }
        let time = dom
            .descendants(item)
            .find(|&d| dom.is_element(d) && dom.tag(d) == "time");
        if time.is_some_and(|t| inner_text_len(dom, t) == len)
            && inner_text(dom, item).chars().any(|c| c.is_ascii_digit())
        {
            times += 1;
            continue;
        }
        let linked = dom
            .descendants(item)
            .any(|d| dom.is_element(d) && dom.tag(d) == "a");
        if !linked
            || inner_text(dom, item).split_whitespace().count() > patterns::AUTHOR_NAME_MAX_WORDS
        {
            return false;
        }
        names += 1;
    }
    times == 1 && names == 1
}

/// Longest author-and-date list ([`is_author_date_list`]).
const AUTHOR_DATE_LIST_MAX: usize = 80;

/// Whether block `b` is, or sits (at most three levels down) in, a table
/// cell or a list item: a short line there is the article's data (a
/// timeline's date, an album's size), not a stray label.
pub(super) fn in_cell_or_item(b: &Block) -> bool {
    std::iter::once(b.node)
        .chain(b.dom.ancestors(b.node).take(3))
        .any(|a| matches!(b.dom.tag(a), "td" | "th" | "li" | "dd" | "dt"))
}

/// A slideshow's size standing alone: a number and a plural of
/// [`patterns::GALLERY_COUNT_WORDS`], nothing else ("6 Bilder", "12
/// photos", "(8 zdjęć)"). A sentence that counts pictures has more words.
pub(super) fn is_gallery_count(t: &str) -> bool {
    let t = t.trim_matches(|c: char| !c.is_alphanumeric());
    let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
    if rest.len() == t.len() {
        return false;
    }
    patterns::GALLERY_COUNT_WORDS.contains(&rest.trim_start())
}

/// A date line standing alone: "Aktualisiert: 11.04.2020, 10:27",
/// "Publikacja: 04.05.2021", "Updated 5:27 am CST", "입력 2024.05.03", or
/// a bare label before a date that opens with a word ("First published on
/// Monday 3 March 2025", "Mis à jour le mardi 4 mars 2025 à 14h05",
/// "Updated March 4, 2025, 2:05 p.m. ET"): the rest is a date and nothing
/// more ([`is_date_text`], with one word more than a bare date for the
/// time zone). "Updated figures on Monday 3 March 2025 showed …" has more
/// words and stays.
pub(super) fn is_date_line(t: &str, len: usize) -> bool {
    len <= patterns::DATE_LINE_MAX
        && t.chars().any(|c| c.is_numeric())
        && (patterns::DATE_LINE_LABELS.iter().any(|label| {
            opens_with(t, label)
                && t.strip_prefix(label)
                    .is_some_and(|rest| rest.trim_start().starts_with([':', '：']))
        }) || patterns::DATE_LINE_BARE_LABELS.iter().any(|label| {
            opens_with(t, label)
                && t.strip_prefix(label).is_some_and(|rest| {
                    rest.starts_with(char::is_whitespace)
                        && (rest.trim_start().starts_with(char::is_numeric)
                            || is_date_text(rest, patterns::BARE_DATE_MAX_WORDS + 1))
                })
        }))
}

/// Whether `t` and `label` open with the same byte (or `label` is empty):
/// a cheap test before `strip_prefix`, as most lines open with no label.
pub(super) fn opens_with(t: &str, label: &str) -> bool {
    label.is_empty() || t.as_bytes().first() == label.as_bytes().first()
}

/// Whether `t` starts and ends with an ASCII digit, as "3 of 12" does: a
/// counter's digits on both sides of its separator, checked before a search
/// for each separator.
pub(super) fn digit_ends(t: &str) -> bool {
    let b = t.as_bytes();
    b.first().is_some_and(u8::is_ascii_digit) && b.last().is_some_and(u8::is_ascii_digit)
}

/// Whether block `b` holds a picture ([`patterns::CAPTIONED_MEDIA`]): then
/// a credit or date line in it is the picture's caption, which stays. An
/// icon is no picture: an `<svg>` sized at most [`patterns::ICON_MAX_PX`]
/// both ways (the clock before "Updated: 11.04.2020").
pub(super) fn holds_picture(b: &Block) -> bool {
    let dom = b.dom;
    b.descendants().any(|d| {
        let tag = dom.tag(d);
        is_one_of(tag, patterns::CAPTIONED_MEDIA) && !(tag == "svg" && is_icon(dom, d))
    })
}

/// An element sized as an icon by its `width` and `height` attributes.
fn is_icon(dom: &Dom, node: NodeId) -> bool {
    let small = |a: &str| {
        dom.attr(node, a).is_some_and(|v| {
            v.trim()
                .trim_end_matches("px")
                .parse::<f32>()
                .is_ok_and(|x| x <= patterns::ICON_MAX_PX)
        })
    };
    small("width") && small("height")
}

/// A print control: its whole text a [`patterns::PRINT_LABELS`] label, and
/// a link or button (`control`) or a box whose class or id names a button
/// or printing ("print-button"). A line of the article reading "Print" in
/// a plain paragraph stays.
pub(super) fn is_print_control(b: &Block, control: bool) -> bool {
    b.is_label_in(patterns::PRINT_LABELS)
        && (control
            || b.words()
                .iter()
                .any(|w| w.starts_with("print") || w.starts_with("button")))
}

/// A line of tag or category links: a [`patterns::TAG_LINE_LABELS`] label
/// and a colon, then links that make at least half of the rest ("Tags:
/// <a>Housing</a>, <a>Council</a>"). The same label before plain words
/// ("Kategorie: Kinderbuch" in a list of awards) is the article's. A date
/// in figures may open the block ("24.01.2022 11:38<br>Kategorie:
/// <a>News</a>"): the story's meta line, which goes whole.
pub(super) fn tag_line(b: &Block) -> Option<Verdict> {
    if !b.has_text() || b.len > patterns::TAG_LINE_MAX || is_subheading(b.tag) {
        return None;
    }
    let dated = after_figure_date(b.text());
    let t = dated.unwrap_or(b.text());
    let &first = t.as_bytes().first()?;
    let label = patterns::TAG_LINE_LABELS.iter().find(|l| {
        // The first byte first: most lines open with none of the labels.
        l.as_bytes()[0] == first
            && t.strip_prefix(**l)
                .is_some_and(|rest| rest.trim_start().starts_with([':', '：']))
    })?;
    // The links make at least half of what follows the label.
    let after = t.chars().count().saturating_sub(label.chars().count() + 1);
    let linked = b.link_density() * b.len as f64;
    let signals: &[&str] = if dated.is_some() {
        &["date-line", "tag-line"]
    } else {
        &["tag-line"]
    };
    (after > 0 && linked * 2.0 >= after as f64).then(|| Verdict::new(ClutterKind::Tags, signals))
}

/// The rest of `t` after a bare date in figures that opens it
/// ("24.01.2022 11:38 kategorie: news" → "kategorie: news"), when there is
/// one ([`is_bare_date`]) and a word follows it.
fn after_figure_date(t: &str) -> Option<&str> {
    if !t.as_bytes().first()?.is_ascii_digit() {
        return None;
    }
    let at = t.find(char::is_alphabetic)?;
    let date = t[..at].trim();
    is_bare_date(date, date.chars().count()).then(|| &t[at..])
}
