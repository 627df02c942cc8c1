//! Photo credits written as text, not as an element of their own: at the
//! end of a picture's caption ("… before the roof was built. Foto: Ann
//! Lee", "… in 1925 (AGENCY/Ann Lee)", "… © Ann Lee / Agency"), or as the
//! last line of a block, after a `<br>`. [`cut_credit_tails`] cuts the
//! credit off in the clean phase and reports it as a removed block of its
//! own; the caption, or the block's other lines, stay.

use super::*;

/// The text of a block, and the nodes it is made of.
struct Runs {
    /// The text nodes' text in document order; a `<br>` gives one [`BR`],
    /// the change from one block element to another one `'\n'`.
    text: String,
    /// Where each run starts in `text`, and its node: a text node, a
    /// `<br>`, or `None` for the line break between two blocks.
    runs: Vec<(usize, Option<NodeId>)>,
}

impl Runs {
    fn new(dom: &Dom, block: NodeId) -> Runs {
        let mut text = String::new();
        let mut runs = Vec::new();
        let mut home = block;
        for n in dom.descendants(block).skip(1) {
            if let Some(t) = dom.text(n) {
                let here = dom
                    .ancestors(n)
                    .find(|&a| a == block || is_one_of(dom.tag(a), patterns::BLOCK_ELEMS))
                    .unwrap_or(block);
                if here != home && !text.is_empty() {
                    runs.push((text.len(), None));
                    text.push('\n');
                }
                home = here;
                runs.push((text.len(), Some(n)));
                text.push_str(t);
            } else if dom.tag(n) == "br" {
                runs.push((text.len(), Some(n)));
                text.push(BR);
            }
        }
        Runs { text, runs }
    }

    /// The node where the text from byte `at` on starts, and the byte in
    /// it (0 but inside a text node).
    fn node_at(&self, dom: &Dom, at: usize) -> Option<(NodeId, usize)> {
        let i = self.runs.partition_point(|&(start, _)| start <= at);
        let mut rest = self.runs[i.checked_sub(1)?..].iter();
        let &(start, node) = rest.next()?;
        match node {
            Some(n) if at > start => {
                let len = dom.text(n).map_or(0, str::len);
                if at - start < len {
                    return Some((n, at - start));
                }
            }
            Some(n) => return Some((n, 0)),
            None => {}
        }
        rest.find_map(|&(_, n)| n).map(|n| (n, 0))
    }
}

/// Longest text of a block that is no caption whose last line, after a
/// `<br>`, may be a credit: a longer one holds blocks, which are read
/// themselves.
const LINES_TEXT_MAX: usize = 2000;

/// What separates a credit from the caption before it.
const SEPARATORS: [char; 10] = ['|', '/', '-', '–', '—', '·', ',', '•', ';', ':'];

/// The line break a `<br>` makes in [`Runs::text`]; the break between two
/// blocks is a `'\n'`.
const BR: char = '\u{2028}';

/// Where the credit at the end of `text` (the text of a caption when
/// `caption`, else of a block with line breaks) is cut off: the byte the
/// cut starts at, the separator or bracket before the credit included.
/// What stays of a caption is a caption ([`patterns::CAPTION_MIN`]
/// characters or more), nothing but its picture (`picture`), or a word
/// before a "©". In a block that is no caption, the credit is a line of
/// its own, after a `<br>`, below something that stays.
fn credit_cut(runs: &Runs, caption: bool, picture: bool) -> Option<usize> {
    let text = runs.text.as_str();
    // A credit is short: only its last characters need a look (but for
    // the page's indentation among them).
    let from = text
        .char_indices()
        .rev()
        .filter(|(_, c)| !c.is_whitespace())
        .nth(patterns::CREDIT_MAX + 20)
        .map_or(0, |(i, _)| i);
    let stays = |cut: usize, credit: usize, mark: bool| {
        let head = normalize_ws(&text[..cut]);
        let len = head.trim_end_matches(CREDIT_LEADS).chars().count();
        if !caption {
            return text[cut..credit].contains(BR) && (len > 0 || picture);
        }
        len >= patterns::CAPTION_MIN || len == 0 && picture || mark && len > 0
    };
    for (i, c) in text[from..].char_indices().map(|(i, c)| (i + from, c)) {
        // A credit opens with a letter or "©": other characters, and the
        // page's indentation above all, are passed over before anything is
        // measured (each measure walks back over the whitespace before it).
        if c != '©' && !c.is_alphabetic() {
            continue;
        }
        // The first letters of an element's text are a word of their own
        // ("…des Turniers<span>Bild: Ann Lee</span>").
        let opens_run = || {
            let k = runs.runs.partition_point(|&(start, _)| start <= i);
            k > 0 && text[runs.runs[k - 1].0..i].trim().is_empty()
        };
        let glued = text[..i].ends_with(char::is_alphanumeric) && !opens_run();
        if glued && c != '©' {
            continue;
        }
        let before = text[..i].trim_end();
        let prev = before.chars().next_back();
        // A line break between the credit and what precedes it.
        let line = text[before.len()..i]
            .find([BR, '\n'])
            .map(|g| before.len() + g);
        let cut = match (c, prev, line) {
            // A bracketed credit ("(AP)", "(Foto: Ann Lee)", "(© Ann Lee)")
            // is set in the caption's own punctuation, and stays with it.
            (_, Some('(' | '['), _) => continue,
            // The separator before the credit goes with it, a full stop
            // stays with the caption.
            ('©', ..) => before
                .trim_end_matches(|c: char| c.is_whitespace() || SEPARATORS.contains(&c))
                .len(),
            (c, ..) if !c.is_alphabetic() || glued => continue,
            (_, _, Some(at)) => at,
            (_, None, None) => 0,
            (_, Some('.' | '!' | '?' | '…'), None) => before.len(),
            (_, Some(p), None) if p.is_alphanumeric() && opens_run() => before.len(),
            (_, Some(p), None) if SEPARATORS.contains(&p) => {
                before[..before.len() - p.len_utf8()].trim_end().len()
            }
            _ => continue,
        };
        let raw = normalize_ws(&text[i..]);
        let own_line = text[cut..i].contains([BR, '\n']);
        if raw.split_whitespace().count() <= 12
            && is_credit_tail(&raw, c, caption, own_line)
            && stays(cut, i, c == '©')
        {
            return Some(cut);
        }
    }
    None
}

/// Whether `raw` (whitespace-normalised, in its own case), which opens
/// with `c`, is a picture's credit to its end.
///
/// On a line of its own (`own_line`), a credit line; but for one with a
/// year after a `<br>` in a block that is no caption: that is the
/// copyright of the text above ("© 2004 Ann Lee" below a poem), which
/// stays. At the end of a caption's text, "©" and a name; a label with no
/// name left after it (the name was a link, or an image: "Bild via",
/// "Źródło:"); a free picture's note ("/ public domain"); or a labelled
/// credit that names an agency or two sources ("Foto: Ann Lee/Agency"): a
/// label and one name may name who is in the picture ("Bild: Ann Lee"),
/// which stays with the caption, but for a label that only ever credits
/// the photographer ([`patterns::PHOTOGRAPHER_LABELS`]: "Foto: Ann Lee"). In a caption, on a line of its own or
/// not, an unlabelled credit that names a picture agency
/// ([`source_credit`]: "… | Ann Lee/Agency", "… / Agency").
fn is_credit_tail(raw: &str, c: char, caption: bool, own_line: bool) -> bool {
    let len = raw.chars().count();
    // The names of an unlabelled credit are read in their own case.
    let agency = || caption && source_credit(raw, len) == Some(true);
    let tail = &fold_cue_text(raw.to_owned());
    let bare = || {
        c != '©'
            && (is_bare_label(tail)
                || patterns::FREE_PICTURE_CREDITS.contains(&tail.trim_end_matches('.')))
    };
    if own_line {
        let year = || tail.contains(|c: char| c.is_ascii_digit());
        return is_credit_line(tail, len) && (caption || !year()) || caption && bare() || agency();
    }
    let photographer = || {
        patterns::PHOTOGRAPHER_LABELS.iter().any(|l| {
            // "Foto:", "Fotos:", "Photo by", "Photo credit:".
            tail.strip_prefix(l)
                .map(|rest| rest.strip_prefix('s').unwrap_or(rest))
                .is_some_and(|rest| rest.starts_with([':', ' ']))
        })
    };
    caption
        && (is_credit_line(tail, len) && (c == '©' || names_agency(tail) || photographer())
            || bare())
        || agency()
}

/// Whether credit `t` names two sources ("Ann Lee/Agency") or a picture
/// agency ([`patterns::PICTURE_AGENCIES`]).
fn names_agency(t: &str) -> bool {
    let sources = t
        .split('/')
        .filter(|p| p.chars().any(char::is_alphanumeric))
        .count();
    sources >= 2
        || t.split([':', ',', '|', '©'])
            .flat_map(|p| p.split(" via "))
            // "Fot. Agency": the abbreviated label's full stop.
            .flat_map(|p| p.split(". "))
            .map(|p| p.trim_matches(|c: char| !c.is_alphanumeric()))
            .any(|p| patterns::PICTURE_AGENCIES.contains(&p))
}

/// A credit label and its colon or joiner with nothing after them: "Foto:",
/// "Bild via", "Źródło:".
fn is_bare_label(t: &str) -> bool {
    let t = t.trim_end_matches(['.', ' ']);
    let joined = t.rsplit_once(' ').is_some_and(|(label, joiner)| {
        patterns::CREDIT_JOINERS.contains(&joiner) && patterns::CREDIT_LABELS.contains(&label)
    });
    joined
        || t.strip_suffix([':', '：']).is_some_and(|label| {
            let label = label.trim_end();
            patterns::CREDIT_LABELS.contains(&label) || patterns::SOURCE_LABELS.contains(&label)
        })
}

/// Whether nothing but blank text or comments stands before `node` among its
/// siblings.
fn bare_before(dom: &Dom, node: NodeId) -> bool {
    std::iter::successors(dom.prev_sibling(node), |&p| dom.prev_sibling(p))
        .all(|p| !dom.is_element(p) && dom.text(p).is_none_or(|t| t.trim().is_empty()))
}

/// Whether block `node` is a picture's caption: a `<figure>` or
/// `<figcaption>`, or a block that holds a picture, follows one, or is named
/// a caption ([`patterns::CAPTION_CLASS_WORDS`]).
fn is_caption_block(dom: &Dom, node: NodeId) -> bool {
    let tag = dom.tag(node);
    if matches!(tag, "figure" | "figcaption") {
        return true;
    }
    if !matches!(tag, "p" | "div" | "span") {
        return false;
    }
    let picture = |n: NodeId| holds_picture(&Block::new(dom, n));
    // The element before it, by sibling links: a page of many siblings
    // must not read them all for each one.
    let after_picture = || {
        std::iter::successors(dom.prev_sibling(node), |&p| dom.prev_sibling(p))
            .find(|&p| dom.is_element(p))
            .is_some_and(|p| {
                inner_text_len(dom, p) == 0
                    && (is_one_of(dom.tag(p), patterns::CAPTIONED_MEDIA) || picture(p))
            })
    };
    is_named_caption(dom, node) || after_picture() || picture(node)
}

/// The blocks under `root` whose end [`cut_credit_tails`] reads, in
/// document order, each with whether it is a caption: the outermost
/// captions of at most [`patterns::CAPTION_TEXT_MAX`] characters, and
/// paragraphs and `<div>`s with a `<br>` of their own, of at most
/// [`LINES_TEXT_MAX`].
fn tail_blocks(dom: &Dom, root: NodeId) -> Vec<(NodeId, bool)> {
    let mut out = Vec::new();
    let mut cur = dom.next_in_preorder(root, root);
    while let Some(n) = cur {
        if !dom.is_element(n) || matches!(dom.tag(n), "pre" | "code") {
            cur = dom.next_skipping_children(n, root);
            continue;
        }
        let len = inner_text_len(dom, n);
        if len > 0 && len <= patterns::CAPTION_TEXT_MAX && is_caption_block(dom, n) {
            out.push((n, true));
            cur = dom.next_skipping_children(n, root);
            continue;
        }
        if len > 0
            && len <= LINES_TEXT_MAX
            && matches!(dom.tag(n), "p" | "div")
            && dom.element_children(n).any(|c| dom.tag(c) == "br")
        {
            out.push((n, false));
        }
        cur = dom.next_in_preorder(n, root);
    }
    out
}

/// Cuts the photo credit off the end of each caption under `root`, and the
/// credit line after the last `<br>` of a paragraph (see [`credit_cut`]):
/// the credit, moved into a new `<span>`, is detached. Calls `on_remove`
/// for each just before it is detached, and returns them in document order.
pub(super) fn cut_credit_tails(
    dom: &mut Dom,
    root: NodeId,
    mut on_remove: impl FnMut(&Swept),
) -> Vec<Swept> {
    let mut removed = Vec::new();
    // Last first: a cut inside a block leaves the blocks around it to read
    // their text again.
    for (block, caption) in tail_blocks(dom, root).into_iter().rev() {
        let runs = Runs::new(dom, block);
        let picture = holds_picture(&Block::new(dom, block));
        let Some(cut) = credit_cut(&runs, caption, picture) else {
            continue;
        };
        let Some(span) = runs
            .node_at(dom, cut)
            .and_then(|(n, at)| wrap_tail(dom, block, n, at))
        else {
            continue;
        };
        let signal = if caption {
            "credit-tail"
        } else {
            "credit-line"
        };
        let swept = Swept::at(dom, span, &Verdict::new(ClutterKind::Meta, &[signal]));
        on_remove(&swept);
        dom.detach(span);
        removed.push(swept);
    }
    removed.reverse();
    removed
}

/// Moves everything in `block` from byte `at` of node `node` to the block's
/// end into a new `<span>` where it started, and returns the span; `None`
/// when a picture is among it.
fn wrap_tail(dom: &mut Dom, block: NodeId, node: NodeId, at: usize) -> Option<NodeId> {
    // The highest element that starts where the credit does.
    let mut first = node;
    if at == 0 {
        while let Some(p) = dom.parent(first).filter(|&p| p != block) {
            if !bare_before(dom, first) {
                break;
            }
            first = p;
        }
    }
    let mut tail: Vec<NodeId> = Vec::new();
    let mut level = Some(first);
    while let Some(n) = level.filter(|&n| n != block) {
        let from = if n == first {
            Some(n)
        } else {
            dom.next_sibling(n)
        };
        tail.extend(std::iter::successors(from, |&s| dom.next_sibling(s)));
        level = dom.parent(n);
    }
    if tail.iter().any(|&n| {
        dom.descendants(n)
            .any(|d| is_one_of(dom.tag(d), patterns::CAPTIONED_MEDIA))
    }) {
        return None;
    }
    if at > 0 {
        let rest = dom.split_text(node, at)?;
        tail[0] = rest;
    }
    let span = dom.create_element("span");
    dom.insert_before(tail[0], span);
    for n in tail {
        dom.append(span, n);
    }
    Some(span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caption_class_words_are_lowercase_ascii() {
        // `is_caption_block` looks for them in attribute text with an ASCII
        // case-insensitive test before it splits the words.
        for w in patterns::CAPTION_CLASS_WORDS {
            assert!(w.is_ascii() && w.to_ascii_lowercase() == *w, "{w}");
        }
    }

    #[test]
    fn a_caption_class_is_found_in_any_case() {
        assert!(contains_ascii_nocase("article-imageCaption", "caption"));
        assert!(contains_ascii_nocase(
            "BILDUNTERSCHRIFT",
            "bildunterschrift"
        ));
        assert!(!contains_ascii_nocase("capt", "caption"));
    }
}
