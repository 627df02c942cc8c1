//! Refine one attempt's article (Readability's `_prepArticle`, run by the
//! chooser inside every attempt): judge its clutter while forms and buttons
//! are still there to see, then drop presentational attributes, forms,
//! embeds, share widgets and link-heavy or empty blocks.

use crate::clutter::{self, Marks};
use crate::context::Context;
use crate::dom::{Dom, NodeData, NodeId};
use crate::patterns::{self, contains_any};
use crate::prepare::is_phrasing;
use crate::query::{inner_text, inner_text_len, link_text_weight};
use crate::score::class_weight;
use crate::text::{comma_count, lower};

/// Which of Readability's rules are active in one attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flags {
    /// Remove blocks whose class/id or role says they are not content.
    pub strip_unlikely: bool,
    /// Let class/id weights count in the scores.
    pub weight_classes: bool,
    /// Remove blocks that look like clutter after scoring (link-dense lists, forms…).
    pub clean_conditionally: bool,
}

impl Flags {
    /// All rules on.
    pub const ALL: Flags = Flags {
        strip_unlikely: true,
        weight_classes: true,
        clean_conditionally: true,
    };
}

/// Readability's `_prepArticle` over the article root: drops presentational
/// attributes, forms, embeds, share widgets and link-heavy or empty blocks,
/// and demotes `<h1>` to `<h2>`. Returns the clutter found before the
/// cleaning, for [`crate::clean::run`] to remove once the article is chosen,
/// and whether the conditional cleaning removed anything (when it did not,
/// the same pass without it would have done the same).
pub fn prep_article(dom: &mut Dom, root: NodeId, flags: Flags, ctx: &Context) -> (Marks, bool) {
    let mut marks = Marks::default();
    if ctx.options.remove_clutter {
        // Judge clutter while forms and buttons are still there to see.
        let (found, blocks) = clutter::mark(dom, root, &clutter::Page::of(ctx));
        for (node, verdict) in blocks {
            ctx.clutter(node, verdict.kind.name(), &verdict.signals);
        }
        marks = found;
    }
    let found = Found::new(dom, root);
    clean_styles(dom, root);
    let mut data_tables = mark_data_tables(dom, &found.table);
    // Sorted, for the binary searches of `should_remove`.
    data_tables.sort_unstable();
    let clean_if = |dom: &mut Dom, marks: &mut Marks, nodes: &[NodeId], tag: &str| {
        clean_conditionally(dom, ctx, root, nodes, tag, flags, &data_tables, marks)
    };
    let mut conditional = clean_if(dom, &mut marks, &found.form, "form");
    conditional |= clean_if(dom, &mut marks, &found.fieldset, "fieldset");
    clean_tags(
        dom,
        ctx,
        root,
        &["object", "embed", "footer", "link", "aside"],
    );
    // Share widgets (class/id with a "share" word) with little text; not
    // a note of the story's prose between its paragraphs.
    let top_children: Vec<NodeId> = dom.element_children(root).collect();
    for top in top_children {
        let doomed: Vec<NodeId> = dom
            .descendants(top)
            .skip(1)
            .filter(|&n| {
                dom.is_element(n)
                    && names_share(dom, n)
                    && dom.text_content(n).chars().count() < 500
                    && !clutter::is_story_note(dom, n)
            })
            .collect();
        for n in doomed {
            ctx.clutter(
                n,
                "share",
                &["class/id names a share widget", "little text"],
            );
            dom.detach(n);
        }
    }
    clean_tags(
        dom,
        ctx,
        root,
        &["iframe", "input", "textarea", "select", "button"],
    );
    // Headers with a negative class weight.
    for h in still_in(dom, root, &found.h1_h2) {
        if class_weight(dom, h) < 0.0 && flags.weight_classes {
            ctx.dropped(h, "negative-heading");
            dom.detach(h);
        }
    }
    conditional |= clean_if(dom, &mut marks, &found.table, "table");
    conditional |= clean_if(dom, &mut marks, &found.ul, "ul");
    conditional |= clean_if(dom, &mut marks, &found.div, "div");
    for h in still_in(dom, root, &found.h1_h2) {
        if dom.tag(h) == "h1" {
            dom.rename(h, "h2");
        }
    }
    for p in still_in(dom, root, &found.p) {
        let has_media = dom
            .descendants(p)
            .any(|d| matches!(dom.tag(d), "img" | "embed" | "object" | "iframe" | "math"));
        if !has_media && inner_text_len(dom, p) == 0 {
            ctx.dropped(p, "empty-paragraph");
            dom.detach(p);
        }
    }
    for br in still_in(dom, root, &found.br) {
        let next =
            dom.next_sibling_where(br, |n| !dom.text(n).is_some_and(|t| t.trim().is_empty()));
        if next.is_some_and(|n| dom.tag(n) == "p") {
            dom.detach(br);
        }
    }
    // Single-cell tables become their content.
    for table in still_in(dom, root, &found.table) {
        let tbody = single_element_child(dom, table).filter(|&c| dom.tag(c) == "tbody");
        let inner = tbody.unwrap_or(table);
        let Some(row) = single_element_child(dom, inner).filter(|&c| dom.tag(c) == "tr") else {
            continue;
        };
        let Some(cell) =
            single_element_child(dom, row).filter(|&c| matches!(dom.tag(c), "td" | "th"))
        else {
            continue;
        };
        let all_phrasing = dom.children(cell).all(|c| is_phrasing(dom, c));
        dom.rename(cell, if all_phrasing { "p" } else { "div" });
        dom.insert_before(table, cell);
        dom.detach(table);
    }
    (marks, conditional)
}

/// The elements below an article root that the steps of [`prep_article`]
/// visit, by tag and in document order, found in one walk instead of one
/// walk per step. Until its last step, `prep_article` only removes elements
/// and renames `h1`s, so what a step would find by walking the tree again is
/// what is on its list and still in the tree ([`still_in`]).
#[derive(Default)]
struct Found {
    form: Vec<NodeId>,
    fieldset: Vec<NodeId>,
    h1_h2: Vec<NodeId>,
    table: Vec<NodeId>,
    ul: Vec<NodeId>,
    div: Vec<NodeId>,
    p: Vec<NodeId>,
    br: Vec<NodeId>,
}

impl Found {
    fn new(dom: &Dom, root: NodeId) -> Found {
        let mut found = Found::default();
        for n in dom.descendants(root).skip(1) {
            let list = match dom.tag(n) {
                "form" => &mut found.form,
                "fieldset" => &mut found.fieldset,
                "h1" | "h2" => &mut found.h1_h2,
                "table" => &mut found.table,
                "ul" => &mut found.ul,
                "div" => &mut found.div,
                "p" => &mut found.p,
                "br" => &mut found.br,
                _ => continue,
            };
            list.push(n);
        }
        found
    }
}

/// Those of `nodes` still below `root` (not removed by an earlier step).
fn still_in(dom: &Dom, root: NodeId, nodes: &[NodeId]) -> Vec<NodeId> {
    nodes
        .iter()
        .copied()
        .filter(|&n| dom.is_inclusive_ancestor(root, n))
        .collect()
}

fn is_share_match(m: &str) -> bool {
    m.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case("share") || w.eq_ignore_ascii_case("sharedaddy"))
}

/// [`is_share_match`] of the element's class and id, lowercased and
/// joined by a space (a separator), read in place.
fn names_share(dom: &Dom, n: NodeId) -> bool {
    ["class", "id"]
        .iter()
        .any(|a| dom.attr(n, a).is_some_and(is_share_match))
}

fn single_element_child(dom: &Dom, id: NodeId) -> Option<NodeId> {
    let mut only = None;
    for c in dom.children(id) {
        match &dom.node(c).data {
            NodeData::Element { .. } => {
                if only.is_some() {
                    return None;
                }
                only = Some(c);
            }
            NodeData::Text(t) if !t.trim().is_empty() => return None,
            _ => {}
        }
    }
    only
}

fn clean_styles(dom: &mut Dom, root: NodeId) {
    let nodes: Vec<NodeId> = dom
        .descendants(root)
        .filter(|&n| dom.is_element(n))
        .collect();
    for n in nodes {
        if dom.tag(n) == "svg" {
            continue;
        }
        let sized = matches!(dom.tag(n), "table" | "th" | "td" | "hr" | "pre");
        dom.retain_attrs(n, |k, _| {
            !patterns::PRESENTATIONAL_ATTRS.contains(&k)
                && !(sized && (k == "width" || k == "height"))
        });
    }
}

/// Tables that hold data (not layout), per Readability's `_markDataTables`.
fn mark_data_tables(dom: &Dom, tables: &[NodeId]) -> Vec<NodeId> {
    let mut out = Vec::new();
    for &t in tables {
        if dom.attr(t, "role") == Some("presentation") || dom.attr(t, "datatable") == Some("0") {
            continue;
        }
        if dom.has_attr(t, "summary") {
            out.push(t);
            continue;
        }
        if let Some(c) = dom.find_tag(t, "caption") {
            if dom.first_child(c).is_some() {
                out.push(t);
                continue;
            }
        }
        if dom
            .descendants(t)
            .skip(1)
            .any(|d| matches!(dom.tag(d), "col" | "colgroup" | "tfoot" | "thead" | "th"))
        {
            out.push(t);
            continue;
        }
        if dom.descendants(t).skip(1).any(|d| dom.tag(d) == "table") {
            continue;
        }
        let (rows, cols) = row_and_column_count(dom, t);
        if rows == 1 || cols == 1 {
            continue;
        }
        if rows >= 10 || cols > 4 || rows * cols > 10 {
            out.push(t);
        }
    }
    out
}

fn row_and_column_count(dom: &Dom, table: NodeId) -> (usize, usize) {
    let mut rows = 0;
    let mut cols = 0;
    for tr in dom.find_all_tags(table, "tr") {
        rows += dom
            .attr(tr, "rowspan")
            .and_then(|v| v.trim().parse::<usize>().ok())
            .unwrap_or(1)
            .min(1000);
        let mut in_row = 0;
        for cell in dom.element_children(tr) {
            if matches!(dom.tag(cell), "td" | "th") {
                in_row += dom
                    .attr(cell, "colspan")
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .min(1000);
            }
        }
        cols = cols.max(in_row);
    }
    (rows, cols)
}

fn is_video_embed(dom: &Dom, id: NodeId) -> bool {
    dom.attrs(id)
        .iter()
        .any(|a| contains_any(&lower(&a.value), patterns::VIDEO_HOSTS))
}

/// Removes the elements named `names[0]` below `root`, then those named
/// `names[1]` still there, and so on (`<object>`, `<embed>` and `<iframe>`
/// that are video players stay, and so does an `<aside>` that is the
/// story's summary box, [`clutter::is_summary_box`]). One walk finds them
/// all: a walk per name cost a pass over the whole article each (a dozen
/// on a page of a million nodes).
fn clean_tags(dom: &mut Dom, ctx: &Context, root: NodeId, names: &[&str]) {
    let mut found = vec![Vec::new(); names.len()];
    for n in dom.descendants(root).skip(1) {
        let tag = dom.tag(n);
        if let Some(k) = names.iter().position(|&t| t == tag) {
            found[k].push(n);
        }
    }
    let mut removed = false;
    for (tag, mut nodes) in names.iter().zip(found) {
        if removed {
            // What went with an element removed for an earlier name is gone;
            // within one name, nested matches are all removed in turn.
            nodes.retain(|&n| dom.is_inclusive_ancestor(root, n));
        }
        let is_embed = matches!(*tag, "object" | "embed" | "iframe");
        for n in nodes {
            if is_embed && is_video_embed(dom, n) {
                continue;
            }
            // Readability drops every aside; one titled as the story's
            // summary, key points or facts is article text.
            if *tag == "aside" && clutter::is_summary_box(dom, n) {
                ctx.spared(n, "summary-box");
                continue;
            }
            ctx.dropped(n, &format!("<{tag}>"));
            dom.detach(n);
            removed = true;
        }
    }
}

fn is_ad_or_loading_words(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    let t = t.trim_end_matches("...").trim_end_matches('…');
    matches!(
        t,
        "ad" | "advertising"
            | "advertisement"
            | "pub"
            | "publicité"
            | "werb"
            | "werbung"
            | "广告"
            | "реклама"
            | "anuncio"
            | "loading"
            | "正在加载"
            | "загрузка"
            | "chargement"
            | "cargando"
    )
}

/// Removes those of `nodes` (elements named `tag`, in document order) that
/// Readability's `_cleanConditionally` would, innermost first. True when it
/// removed any. A block the clutter pass marked (`marks`) as a kind of
/// [`crate::Options::keep_kinds`] stays; with
/// [`crate::Options::removed_blocks`], one removed here is reported as the
/// clutter it was.
#[allow(clippy::too_many_arguments)]
fn clean_conditionally(
    dom: &mut Dom,
    ctx: &Context,
    root: NodeId,
    nodes: &[NodeId],
    tag: &str,
    flags: Flags,
    data_tables: &[NodeId],
    marks: &mut Marks,
) -> bool {
    if !flags.clean_conditionally {
        return false;
    }
    let mut removed = false;
    for &node in nodes.iter().rev() {
        if dom.parent(node).is_none() || !dom.is_inclusive_ancestor(root, node) {
            continue;
        }
        if let Some(reason) = should_remove(dom, node, tag, flags, data_tables) {
            if let Some(kind) = marks.kind_of(node) {
                if ctx.options.keep_kinds.contains(&kind) {
                    continue;
                }
                if ctx.options.removed_blocks {
                    marks.removed_early(dom, node);
                }
            }
            ctx.dropped(node, reason);
            dom.detach(node);
            removed = true;
        }
    }
    removed
}

/// A photo gallery of the article: at least two figures with an image and a
/// caption, whose captions carry most of the block's text (the rest being
/// controls and counters, which the clutter pass removes).
fn is_captioned_gallery(dom: &Dom, node: NodeId) -> bool {
    let mut captioned = 0;
    let mut caption_len = 0;
    for fig in dom.find_all_tags(node, "figure") {
        let has_image = dom
            .descendants(fig)
            .any(|d| matches!(dom.tag(d), "img" | "picture"));
        let len = dom
            .find_tag(fig, "figcaption")
            .map_or(0, |c| inner_text_len(dom, c));
        if has_image && len > 0 {
            captioned += 1;
            caption_len += len;
        }
    }
    captioned >= 2 && caption_len * 2 >= inner_text_len(dom, node)
}

/// What [`should_remove`] counts below a block, gathered in one walk over
/// its descendants (the block itself excluded).
#[derive(Default)]
struct Census {
    p: usize,
    img: usize,
    li: usize,
    input: usize,
    figures: usize,
    /// `<object>`, `<embed>` and `<iframe>` that are not video players.
    embeds: usize,
    video: bool,
    data_table: bool,
    /// Text length of every `<ul>`/`<ol>` below, nested ones counted again.
    list_len: usize,
    /// Commas in all the text below.
    commas: usize,
    /// Text length of the outermost headings below (Readability's text
    /// density over `h1`–`h6`, before dividing).
    heading_len: usize,
    /// Text length of the outermost "textish" elements below: span, li, td
    /// and the div-to-p blockers.
    textish_len: usize,
    /// Text length of the outermost links below, in-page links weighted
    /// 0.3 ([`crate::query::link_density`] before dividing).
    link_len: f64,
}

/// Tracks the outermost elements of one kind in a pre-order walk: once one
/// is met, its subtree is inside it until the walk reaches the node after
/// that subtree.
#[derive(Default)]
struct Outermost {
    /// While inside a match, the node after its subtree (`None`: the walk
    /// ends inside it).
    until: Option<Option<NodeId>>,
}

impl Outermost {
    /// Whether the walk at `d` (a node of the subtree of `root`) is at an
    /// outermost element of the kind `is_match` says `d` is of; afterwards
    /// `d`'s subtree counts as inside it.
    fn enter(&mut self, dom: &Dom, root: NodeId, d: NodeId, is_match: bool) -> bool {
        if let Some(until) = self.until {
            if until != Some(d) {
                return false;
            }
            self.until = None;
        }
        if is_match {
            self.until = Some(dom.next_skipping_children(d, root));
        }
        is_match
    }
}

impl Census {
    /// One walk gathers everything: the counts, and the text of the
    /// outermost headings, textish elements and links, which on their own
    /// took a walk each (nodes × depth on deeply nested blocks).
    fn of(dom: &Dom, node: NodeId, data_tables: &[NodeId]) -> Census {
        let mut c = Census::default();
        let (mut heading, mut textish, mut link) = (
            Outermost::default(),
            Outermost::default(),
            Outermost::default(),
        );
        for d in dom.descendants(node).skip(1) {
            let tag = dom.tag(d);
            if heading.enter(
                dom,
                node,
                d,
                matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6"),
            ) {
                c.heading_len += inner_text_len(dom, d);
            }
            // A formula is text, however little of it there is.
            let is_textish = matches!(tag, "span" | "li" | "td")
                || patterns::DIV_TO_P_ELEMS.contains(&tag)
                || (tag == "math" && dom.is_mathml(d));
            if textish.enter(dom, node, d, is_textish) {
                c.textish_len += inner_text_len(dom, d);
            }
            if link.enter(dom, node, d, tag == "a") {
                c.link_len += link_text_weight(dom, d);
            }
            if let Some(t) = dom.text(d) {
                c.commas += comma_count(t);
                continue;
            }
            match tag {
                "p" => c.p += 1,
                "img" => c.img += 1,
                "li" => c.li += 1,
                "input" => c.input += 1,
                "figure" => c.figures += 1,
                "ul" | "ol" => c.list_len += inner_text_len(dom, d),
                "object" | "embed" | "iframe" => {
                    if is_video_embed(dom, d) {
                        c.video = true;
                    } else {
                        c.embeds += 1;
                    }
                }
                "table" if data_tables.binary_search(&d).is_ok() => c.data_table = true,
                _ => {}
            }
        }
        c
    }
}

/// Longest text [`is_ad_or_loading_words`] can match, in characters, with
/// room for surrounding whitespace.
const AD_OR_LOADING_MAX: usize = 32;

fn should_remove(
    dom: &Dom,
    node: NodeId,
    tag: &str,
    flags: Flags,
    data_tables: &[NodeId],
) -> Option<&'static str> {
    let is_data_table = |n: NodeId| data_tables.binary_search(&n).is_ok();
    if tag == "table" && is_data_table(node) {
        return None;
    }
    if dom
        .ancestors(node)
        .any(|a| is_data_table(a) || dom.tag(a) == "code")
    {
        return None;
    }
    let census = Census::of(dom, node, data_tables);
    if census.data_table {
        return None;
    }
    let text_len = inner_text_len(dom, node);
    let is_list = matches!(tag, "ul" | "ol")
        || (text_len > 0 && census.list_len as f64 / text_len as f64 > 0.9);
    if census.figures >= 2 && is_captioned_gallery(dom, node) {
        return None;
    }
    let weight = if flags.weight_classes {
        class_weight(dom, node)
    } else {
        0.0
    };
    if weight < 0.0 && !clutter::is_summary_box(dom, node) {
        return Some("negative-class-weight");
    }
    if census.commas >= 10 {
        return None;
    }
    let p = census.p as f64;
    let img = census.img as f64;
    let li = census.li as f64 - 100.0;
    let input = census.input as f64;
    // The share of the text in headings, links and textish elements.
    let density = |len: f64| {
        if text_len == 0 {
            0.0
        } else {
            len / text_len as f64
        }
    };
    let heading_density = density(census.heading_len as f64);
    if census.video {
        return None;
    }
    let embed_count = census.embeds;
    if text_len <= AD_OR_LOADING_MAX && is_ad_or_loading_words(&inner_text(dom, node)) {
        return Some("ad-or-loading-label");
    }
    let link_density = density(census.link_len);
    let text_density = density(census.textish_len as f64);
    let is_figure_child = dom.ancestors(node).any(|a| dom.tag(a) == "figure");

    let reason = if !is_figure_child && img > 1.0 && p / img < 0.5 {
        Some("more-images-than-paragraphs")
    } else if !is_list && li > p {
        Some("more-list-items-than-paragraphs")
    } else if input > (p / 3.0).floor() {
        Some("form-inputs")
    } else if !is_list
        && !is_figure_child
        && heading_density < 0.9
        && text_len < 25
        && (img == 0.0 || img > 2.0)
        && link_density > 0.0
    {
        Some("short-linked-block")
    } else if (!is_list && weight < 25.0 && link_density > 0.2)
        || (weight >= 25.0 && link_density > 0.5)
    {
        Some("link-density")
    } else if (embed_count == 1 && text_len < 75) || embed_count > 1 {
        Some("embeds")
    } else if img == 0.0 && text_density == 0.0 {
        Some("no-text-blocks")
    } else {
        None
    };
    if is_list && reason.is_some() {
        // Simple lists of images stay.
        if dom
            .element_children(node)
            .any(|c| dom.element_children(c).count() > 1)
        {
            return reason;
        }
        if img == census.li as f64 {
            return None;
        }
    }
    reason
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::Options;
    use crate::dom::Limits;

    fn ctx() -> Context {
        Context::new(Options::default())
    }

    fn article(html: &str) -> (Dom, NodeId) {
        let dom = Dom::parse(html, &Limits::default()).unwrap();
        let root = dom.find_tag(dom.document(), "article").unwrap();
        (dom, root)
    }

    #[test]
    fn link_lists_and_forms_are_removed() {
        let (mut dom, root) = article(
            "<article><p>Body text that stays.</p>\
             <div><a href=/1>One</a> <a href=/2>Two</a></div>\
             <form><input type=email><button>Go</button></form></article>",
        );
        prep_article(&mut dom, root, Flags::ALL, &ctx());
        assert_eq!(inner_text(&dom, root), "Body text that stays.");
    }

    #[test]
    fn data_tables_survive() {
        let (mut dom, root) = article(
            "<article><table><caption>Results</caption><tr><td><a href=/x>A</a></td><td>1</td></tr></table></article>",
        );
        prep_article(&mut dom, root, Flags::ALL, &ctx());
        assert!(inner_text(&dom, root).contains("Results"));
    }

    #[test]
    fn captioned_galleries_survive_conditional_cleaning() {
        let (mut dom, root) = article(
            "<article><p>Story.</p><div class=gallery>\
             <figure><img src=a.jpg><figcaption>The lighthouse keeper at work.</figcaption></figure>\
             <figure><img src=b.jpg><figcaption>The lamp room after the storm.</figcaption></figure>\
             </div></article>",
        );
        prep_article(&mut dom, root, Flags::ALL, &ctx());
        let text = inner_text(&dom, root);
        assert!(text.contains("The lighthouse keeper at work."), "{text}");
        assert!(text.contains("The lamp room after the storm."), "{text}");
    }
}
