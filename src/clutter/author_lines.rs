//! The rule on author furniture that names the story's author, the
//! byline's person ([`Page`]'s authors): a contact or "more from" pointer
//! ("Email Ruth", "More from Ann Lee", "Follow Ann on Bluesky") anywhere,
//! and a bio sentence among the article's last blocks ("Ann Lee reports on
//! farming for the Post."). Without the byline neither can be told from a
//! heading ("Email Marketing") or a story's sentence about someone.

use super::*;

/// Rule on a short block, or an inline element standing alone, whose
/// whole text is a pointer of [`patterns::AUTHOR_POINTERS`] and the
/// name of one of the page's authors (the full name, or the first name
/// alone), optionally followed by a platform ("on Bluesky", a
/// preposition of [`patterns::BARE_FOLLOW_NAMED`]). A quotation stays.
pub(super) fn author_pointer(b: &Block, page: &Page) -> Option<Verdict> {
    if page.authors.is_empty()
        || b.len > patterns::BARE_LINE_MAX
        || !b.has_text()
        || !pointer_first_words().contains(first_word(b.text()))
    {
        return None;
    }
    let core = straight_apostrophes(b.core());
    let core = core.as_ref();
    let &first = core.as_bytes().first()?;
    let rest = patterns::AUTHOR_POINTERS.iter().find_map(|&opener| {
        (opener.as_bytes()[0] == first && starts_with_word(core, opener))
            .then(|| core[opener.len()..].trim_start())
    })?;
    let name = patterns::BARE_FOLLOW_NAMED
        .iter()
        .find_map(|&(_, at)| {
            let (name, platform) = rest.rsplit_once(&format!(" {at} ") as &str)?;
            is_platform(platform).then_some(name)
        })
        .unwrap_or(rest);
    let named = page
        .authors
        .iter()
        .any(|a| a.full == name || a.first.as_deref() == Some(name));
    (named && !in_quotation(b)).then(|| Verdict::new(ClutterKind::Bio, &["author-pointer"]))
}

/// The first words ([`first_word`]) of [`patterns::AUTHOR_POINTERS`]:
/// one look-up rules out nearly every line before its label core is built.
fn pointer_first_words() -> &'static std::collections::HashSet<&'static str> {
    static SET: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        patterns::AUTHOR_POINTERS
            .iter()
            .map(|&p| first_word(p))
            .collect()
    })
}

/// The bio sentences among the last [`patterns::AUTHOR_BIO_LAST_BLOCKS`]
/// text blocks of the article under `root` ([`is_author_bio`]), with their
/// verdicts. Only the end is read: a sentence about the author higher up
/// is the story's.
pub(super) fn author_bios(dom: &Dom, root: NodeId, page: &Page) -> Vec<(NodeId, Verdict)> {
    if page.authors.is_empty() {
        return Vec::new();
    }
    let mut last = Vec::new();
    last_blocks(dom, root, &mut last);
    last.into_iter()
        .filter(|&n| {
            !is_subheading(dom.tag(n))
                && !dom
                    .ancestors(n)
                    .any(|a| matches!(dom.tag(a), "blockquote" | "q" | "figure"))
                && is_author_bio(&inner_text(dom, n), page)
        })
        .map(|n| (n, Verdict::new(ClutterKind::Bio, &["author-bio"])))
        .collect()
}

/// Pushes onto `out` the last text blocks under `node`, last first, up to
/// [`patterns::AUTHOR_BIO_LAST_BLOCKS`]: elements that hold text and no
/// block element with text (a paragraph, a `<div>` of plain text).
/// Returns whether it found one under `node`.
fn last_blocks(dom: &Dom, node: NodeId, out: &mut Vec<NodeId>) -> bool {
    let children: Vec<NodeId> = dom.element_children(node).collect();
    let mut found = false;
    for &c in children.iter().rev() {
        if out.len() >= patterns::AUTHOR_BIO_LAST_BLOCKS {
            return true;
        }
        if is_one_of(dom.tag(c), patterns::PHRASING_ELEMS) || inner_text_len(dom, c) == 0 {
            continue;
        }
        if !last_blocks(dom, c, out) {
            out.push(c);
        }
        found = true;
    }
    found
}

/// Whether `text` is a bio of one of the page's authors: at most
/// [`patterns::AUTHOR_BIO_MAX`] characters and
/// [`patterns::AUTHOR_BIO_MAX_SENTENCES`] sentences, no quotation mark,
/// opening with the author's full name and a verb of
/// [`patterns::AUTHOR_BIO_VERBS`], with a role noun of
/// [`patterns::AUTHOR_ROLE_NOUNS`] after it when the verb asks for one
/// ("Ann Lee is a staff writer", not "Ann Lee is a parish councillor").
fn is_author_bio(text: &str, page: &Page) -> bool {
    let text = text.trim();
    if text.chars().count() > patterns::AUTHOR_BIO_MAX
        || text.contains(['"', '“', '”', '„', '«', '»'])
    {
        return false;
    }
    let folded = fold_cue_text(normalize_ws(text));
    let sentences = folded
        .split_inclusive(['.', '!', '?'])
        .filter(|s| s.trim().chars().count() > 3)
        .count();
    if sentences > patterns::AUTHOR_BIO_MAX_SENTENCES {
        return false;
    }
    page.authors.iter().any(|a| {
        let Some(rest) = folded
            .strip_prefix(a.full.as_str())
            .and_then(|r| r.strip_prefix(' '))
        else {
            return false;
        };
        patterns::AUTHOR_BIO_VERBS.iter().any(|&(verb, noun)| {
            starts_with_word(rest, verb)
                && (!noun
                    || patterns::AUTHOR_ROLE_NOUNS
                        .iter()
                        .any(|n| rest[verb.len()..].contains(n)))
        })
    })
}
