//! The story's head inside the article: a byline written as a line of
//! text above the first paragraph ("Von Ann Lee und Bo Lin, 2. Mai
//! 2024"), which the reader's header shows as the byline.

use super::*;
use crate::metadata;

/// Blocks of text looked at, at most, from the article's start.
const HEAD_BLOCKS: usize = 4;

/// A block of text this long is the story's first paragraph: the head
/// ends before it.
const PARAGRAPH_MIN: usize = 150;

/// The byline line at the head of the article under `root`, and its
/// names ([`metadata::byline_line`]): one of the first [`HEAD_BLOCKS`]
/// blocks of text, before the second paragraph (the first may be the
/// story's summary). A line in a table (a credits list, a cast) or a
/// heading is not looked at; in a list, only as the list of the byline
/// and the date ([`byline_list`]).
pub fn head_byline(dom: &Dom, root: NodeId) -> Option<(NodeId, String)> {
    let mut seen = 0;
    let mut paragraphs = 0;
    let mut cur = dom.next_in_preorder(root, root);
    while let Some(n) = cur {
        let tag = dom.tag(n);
        let leaf = dom.is_element(n)
            && is_one_of(tag, patterns::BLOCK_ELEMS)
            && !dom
                .descendants(n)
                .skip(1)
                .any(|d| dom.is_element(d) && is_one_of(dom.tag(d), patterns::BLOCK_ELEMS));
        if !leaf {
            cur = if dom.is_element(n) && is_one_of(tag, patterns::CAPTIONED_MEDIA) {
                dom.next_skipping_children(n, root)
            } else {
                dom.next_in_preorder(n, root)
            };
            continue;
        }
        let len = inner_text_len(dom, n);
        if len > PARAGRAPH_MIN {
            paragraphs += 1;
            if paragraphs > 1 {
                return None;
            }
        }
        if len > 0 {
            seen += 1;
            if seen > HEAD_BLOCKS {
                return None;
            }
            let mut up = std::iter::once(n).chain(dom.ancestors(n).take_while(|&a| a != root));
            let boxed =
                up.find(|&a| matches!(dom.tag(a), "li" | "td" | "th" | "dd" | "dt" | "figure"));
            let line = match boxed {
                None => Some(n),
                Some(item) if dom.tag(item) == "li" => byline_list(dom, item),
                Some(_) => None,
            };
            // A heading is the story's ("By Royal Appointment"), not its byline.
            let heading = tag == "h1" || is_subheading(tag);
            let line = line.filter(|_| !heading && len <= patterns::BYLINE_LINE_MAX);
            if let Some(line) = line {
                if let Some(names) = metadata::byline_line(&inner_text(dom, n)) {
                    return Some((line, names));
                }
            }
        }
        cur = dom.next_skipping_children(n, root);
    }
    None
}

/// The list that list item `item` (holding a byline line) is in, when it
/// is the list of the byline and the date: two or three items, the others
/// empty or a short date ("<li>von Ann Lee</li><li>09.03.2022</li>").
fn byline_list(dom: &Dom, item: NodeId) -> Option<NodeId> {
    let list = dom
        .parent(item)
        .filter(|&l| matches!(dom.tag(l), "ul" | "ol"))?;
    let items: Vec<NodeId> = dom.element_children(list).collect();
    let dated = |i: NodeId| {
        let len = inner_text_len(dom, i);
        len == 0 || (len <= DATE_ITEM_MAX && inner_text(dom, i).chars().any(|c| c.is_ascii_digit()))
    };
    ((2..=3).contains(&items.len())
        && items
            .iter()
            .all(|&i| dom.tag(i) == "li" && (i == item || dated(i))))
    .then_some(list)
}

/// Longest date item in the list of a byline and a date ([`byline_list`]).
const DATE_ITEM_MAX: usize = 40;

/// Removes the byline line at the head of the article under `root`
/// ([`head_byline`]) when the reader's header shows the same person
/// (`shown` shares a name with it) or no byline at all, and returns its
/// record and, when the header has none (or only the site's name), its
/// names. A line naming someone else than `shown` stays in the article:
/// nothing of it is lost.
pub fn take_head_byline(
    dom: &mut Dom,
    root: NodeId,
    shown: Option<&str>,
    site_name: Option<&str>,
) -> Option<(Swept, Option<String>)> {
    let (node, names) = head_byline(dom, root)?;
    let same = |shown: &str| {
        let low = names.to_lowercase();
        shown
            .to_lowercase()
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 3)
            .any(|w| low.split(|c: char| !c.is_alphabetic()).any(|n| n == w))
    };
    let header = match shown {
        None => Some(names),
        Some(s) if same(s) => None,
        // The page's byline names the site ("example.com", its own name),
        // not a person: the line's names take its place.
        Some(s) if is_site_like(s, site_name) => Some(names),
        Some(_) => return None,
    };
    let swept = Swept::at(
        dom,
        node,
        &Verdict::new(ClutterKind::Meta, &["byline-line"]),
    );
    dom.detach(node);
    Some((swept, header))
}

/// Whether byline `byline` names a site, not a person: a domain or web
/// address ("example.com"), or the site's name itself.
fn is_site_like(byline: &str, site_name: Option<&str>) -> bool {
    let b = byline.trim().to_lowercase();
    let domain = !b.contains(char::is_whitespace) && b.contains('.');
    domain || site_name.is_some_and(|s| s.trim().to_lowercase() == b)
}
