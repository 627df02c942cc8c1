//! The rules on a breadcrumb trail left in the body without a class or a
//! landmark that names it: a short line of a few short parts between
//! breadcrumb marks ("News › Local › Harbour", linked "Home / News /
//! Local"), or a list of links that opens with the site's home ("Home",
//! "Startseite"). A line of words joined by a slash ("and/or", "Rock /
//! Pop") links nothing and has no arrow, a date has digits, and a list
//! of the story's points does not open with the home page: they stay.

use super::*;

/// Marks that only a breadcrumb puts between its parts.
const ARROWS: [char; 4] = ['›', '»', '→', '>'];
/// Marks that a breadcrumb shares with prose, when its parts are links.
const PLAIN: [char; 3] = ['/', '|', '\\'];
/// Most parts of a trail.
const PARTS_MAX: usize = 6;
/// Most words of one part.
const PART_WORDS_MAX: usize = 4;
/// The elements a trail stands in as a line: not a list's item (a run of
/// links in a list), a heading, or a formula's part (arrows are maths).
const LINE_TAGS: &[&str] = &["p", "div", "span", "nav", "small", "header"];
/// Longest trail, in characters.
const TRAIL_MAX: usize = 100;

/// Whether `part` (folded text) reads as one step of a trail: a few words,
/// no sentence marks and no digits.
fn is_step(part: &str) -> bool {
    let part = part.trim();
    !part.is_empty()
        && part.split_whitespace().count() <= PART_WORDS_MAX
        && !part.contains(['.', ',', ':', ';', '?', '!', '"', '“', '„', '«', '‹', '←'])
        && !part.chars().any(|c| c.is_ascii_digit())
}

/// Whether `part` names the site's home page ([`patterns::BREADCRUMB_HOMES`]).
fn is_home(part: &str) -> bool {
    patterns::BREADCRUMB_HOMES.contains(&part.trim())
}

/// Rule on a breadcrumb trail as a line: at most [`TRAIL_MAX`] characters
/// of two to [`PARTS_MAX`] steps ([`is_step`]) between marks of one kind;
/// an arrow mark ([`ARROWS`]: "›", "»", "→", or ">" after the home page)
/// or, for a mark that prose uses too ([`PLAIN`]), links on two
/// steps at least or the home page first. Only a line of [`LINE_TAGS`]
/// is judged by this rule; a quote in guillemets is no trail.
pub(super) fn breadcrumb_line(b: &Block) -> Option<Verdict> {
    if !b.has_text() || b.len > TRAIL_MAX || !is_one_of(b.tag, LINE_TAGS) {
        return None;
    }
    let t = b.text();
    let mark = t
        .chars()
        .find(|c| ARROWS.contains(c) || PLAIN.contains(c))?;
    let parts: Vec<&str> = t.split(mark).collect();
    if !(2..=PARTS_MAX).contains(&parts.len()) || !parts.iter().all(|p| is_step(p)) {
        return None;
    }
    // One kind of mark: a second kind splits a part.
    if parts
        .iter()
        .any(|p| p.contains(ARROWS) || p.contains(PLAIN))
    {
        return None;
    }
    let trail = match mark {
        // ">" is also prose's and code's: only after the home page.
        '>' => is_home(parts[0]),
        m if ARROWS.contains(&m) => true,
        _ => is_home(parts[0]) || b.links().len() >= 2,
    };
    trail.then(|| Verdict::new(ClutterKind::Breadcrumbs, &["breadcrumb-line"]))
}

/// Rule on a breadcrumb trail as a list: two to [`PARTS_MAX`] items of one
/// step each ([`is_step`]), the first the home page ([`is_home`]) and a
/// link, every item but the last a link.
pub(super) fn breadcrumb_list(b: &Block) -> Option<Verdict> {
    if !matches!(b.tag, "ol" | "ul") || b.len > TRAIL_MAX {
        return None;
    }
    let dom = b.dom;
    let items: Vec<NodeId> = dom
        .children(b.node)
        .filter(|&c| dom.tag(c) == "li")
        .collect();
    if !(2..=PARTS_MAX).contains(&items.len()) {
        return None;
    }
    let linked = |li: NodeId| {
        dom.descendants(li)
            .any(|d| dom.tag(d) == "a" && dom.has_attr(d, "href"))
    };
    let text = |li: NodeId| fold_cue_text(normalize_ws(&inner_text(dom, li)));
    let first = text(items[0]);
    let last = items.len() - 1;
    (is_home(&first)
        && items.iter().all(|&li| is_step(&text(li)))
        && items[..last].iter().all(|&li| linked(li)))
    .then(|| Verdict::new(ClutterKind::Breadcrumbs, &["breadcrumb-list"]))
}
