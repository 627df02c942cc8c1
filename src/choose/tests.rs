//! Tests of the chooser.

use super::siblings::wrapper_chain;
use super::*;
use crate::context::Options;
use crate::dom::Limits;

fn ctx() -> Context {
    Context::new(Options::default())
}

/// Runs the chooser on `html`.
fn choose(html: &str) -> Chosen {
    let dom = Dom::parse(html, &Limits::default()).unwrap();
    run(dom, &ctx()).unwrap()
}

/// The chooser as it reads: every attempt on a page parsed afresh, the
/// first long enough or else the longest (the first of equals).
fn choose_naively(html: &str) -> (String, Option<String>) {
    let ctx = ctx();
    let mut best: Option<((bool, usize), String, Option<String>)> = None;
    for (i, flags) in ATTEMPTS.into_iter().enumerate() {
        let mut dom = Dom::parse(html, &Limits::default()).unwrap();
        let g = grab_article(&mut dom, flags, &ctx).unwrap();
        let len = inner_text_len(&dom, g.root);
        // A relaxed pass that passed over a consent layer ranks last.
        let rank = (i == 0 || !g.passed_over_consent, len);
        let found = (rank, crate::output::html(&dom, g.root), g.byline);
        if len >= ctx.options.char_threshold && rank.0 {
            return (found.1, found.2);
        }
        if best.as_ref().is_none_or(|b| rank > b.0) {
            best = Some(found);
        }
    }
    let (_, html, byline) = best.unwrap();
    (html, byline)
}

#[test]
fn retries_from_the_checkpoint_choose_as_fresh_parses_do() {
    let pages = [
        // Short, no unlikely block, no class weight: one attempt is run.
        format!("<body><div><p>{PARA}</p><p>{PARA}</p></div></body>"),
        // An unlikely block holds most of the text.
        format!(
            "<body><div class=story><p>{PARA}</p></div><div class=sidebar>\
             <p>{PARA}</p><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></div></body>"
        ),
        // Weights and a link-heavy list the conditional cleaning drops.
        format!(
            "<body><div class=content><p>{PARA}</p><ul><li><a href=/a>One</a></li>\
             <li><a href=/b>Two</a></li></ul><p class=byline>By Ann Lee</p></div>\
             <div class=footer><p>{PARA}</p><form><input></form></div></body>"
        ),
        // Long enough at once.
        format!(
            "<body><article><p>{PARA}</p>{}</article></body>",
            format!("<p>{PARA}</p>").repeat(8)
        ),
    ];
    for html in &pages {
        let chosen = choose(html);
        let got = (crate::output::html(&chosen.dom, chosen.root), chosen.byline);
        assert_eq!(got, choose_naively(html), "{html}");
    }
}

#[test]
fn picks_the_paragraph_container_over_the_sidebar() {
    let para = "The council met on Tuesday evening, and after a long debate, it voted to keep the old library open for another year. ";
    let html = format!(
        "<body><div class=sidebar><a href=/a>Home</a> <a href=/b>News</a></div>\
         <div class=story><p>{para}</p><p>{para}</p><p>{para}</p></div>\
         <div class=footer>Copyright</div></body>"
    );
    let Chosen {
        dom: work, root, ..
    } = choose(&html);
    let text = inner_text(&work, root);
    assert!(text.contains("old library"));
    assert!(!text.contains("Home"));
    assert!(!text.contains("Copyright"));
}

const PARA: &str = "The ferry left the harbour late on Friday, and after a slow crossing, it reached the island just as the lamps were lit along the quay. ";

#[test]
fn subheads_survive_a_header_class() {
    let html = format!(
        "<body><article><div class=body><p>{PARA}</p>\
         <h2 class=section-header>Crossing the bar</h2><p>{PARA}</p><p>{PARA}</p></div></article></body>"
    );
    let Chosen {
        dom: work, root, ..
    } = choose(&html);
    assert!(inner_text(&work, root).contains("Crossing the bar"));
}

#[test]
fn lead_figure_before_the_body_is_pulled_in() {
    let html = format!(
        "<body><article><div class=top><h1>Ferry</h1><p>A dek.</p></div>\
         <figure><img src=a.jpg><figcaption>The ferry at dusk.</figcaption></figure>\
         <div class=body><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></div></article></body>"
    );
    let Chosen {
        dom: work, root, ..
    } = choose(&html);
    let text = inner_text(&work, root);
    assert!(text.starts_with("The ferry at dusk."), "{text}");
}

#[test]
fn lead_figure_inside_an_unlikely_header_is_rescued() {
    let html = format!(
        "<body><article><header class=story-header><h1>Ferry</h1>\
         <figure><img src=a.jpg><figcaption>The ferry at dusk.</figcaption></figure></header>\
         <div class=body><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></div></article></body>"
    );
    let Chosen {
        dom: work, root, ..
    } = choose(&html);
    assert!(inner_text(&work, root).contains("The ferry at dusk."));
}

#[test]
fn byline_is_lifted_from_the_body() {
    let para =
        "A long enough paragraph of article text, with commas, so that it is scored as content. ";
    let html = format!("<body><article><p class=byline>By Ada Lovelace</p><p>{para}</p><p>{para}</p></article></body>");
    let Chosen { byline, .. } = choose(&html);
    assert_eq!(byline.as_deref(), Some("Ada Lovelace"));
}

/// A page with its own story and a longer one loaded below it: the
/// description names the page's own.
fn two_stories(description: Option<&str>) -> String {
    let own = "The ferry to the north island now runs twice a day, the harbour office said on Monday, after a winter of single crossings. ";
    let next = "A second story about the town's new bakery, which opened its doors on the corner of the market square last week, follows here. ";
    let ctx = Context {
        description: description.map(str::to_string),
        ..ctx()
    };
    let html = format!(
        "<body><main><div class=body><p>{own}</p><p>{own}</p><p>{own}</p></div><p>Share</p></main>\
         <section><div class=body><p>{next}</p><p>{next}</p><p>{next}</p><p>{next}</p><p>{next}</p></div><p>Share</p></section></body>"
    );
    let chosen = run(Dom::parse(&html, &Limits::default()).unwrap(), &ctx).unwrap();
    inner_text(&chosen.dom, chosen.root)
}

#[test]
fn the_story_holding_the_description_wins_over_a_longer_one() {
    let text = two_stories(None);
    assert!(text.contains("bakery") && !text.contains("ferry"), "{text}");
    let text = two_stories(Some(
        "The ferry to the north island now runs twice a day, the harbour office said",
    ));
    assert!(text.contains("ferry") && !text.contains("bakery"), "{text}");
}

#[test]
fn a_run_of_body_sections_of_one_kind_is_merged() {
    let short = "The pier was closed for repairs in spring, so the ferry, late as ever, left from the old quay, by the fish market, instead. ";
    let long = "The harbour office expects the new timetable to hold through the summer, when visitors fill the boats, and the cafes along the front stay open late. ";
    let html = format!(
        "<body><div class=wrap>\
         <div class=section><div><div><p>{short}</p><p>{short}</p></div></div></div>\
         <div class=section><div><div><p>{long}</p><p>{long}</p><p>{long}</p><p>{long}</p><p>{long}</p></div></div></div>\
         </div><div class=rail><a href=/x>More news</a></div></body>"
    );
    let Chosen {
        dom: work, root, ..
    } = choose(&html);
    let text = inner_text(&work, root);
    assert!(text.contains("old quay"), "{text}");
    assert!(text.contains("new timetable"), "{text}");
    assert!(!text.contains("More news"), "{text}");
}

#[test]
fn a_footer_blurb_gives_way_to_the_body_outside_it() {
    let body = "The drug comes as small white tablets, taken twice a day with water, and a pharmacist can explain how long a course should last. ";
    let blurb = "Our help desk answers questions about products, orders and deliveries, by phone, by mail, or in the chat, on weekdays and Saturdays. ";
    let html = format!(
        "<body><div><h2>Dosage</h2><div><p>{body}</p><p>{body}</p></div></div>\
         <footer><div><p>{blurb}</p><p>{blurb}</p><p>{blurb}</p></div></footer></body>"
    );
    let Chosen {
        dom: work, root, ..
    } = choose(&html);
    let text = inner_text(&work, root);
    assert!(text.contains("white tablets"), "{text}");
    assert!(!text.contains("help desk"), "{text}");
}

/// A page with a consent dialog of `class` that says `notice`, whose
/// paragraphs about each kind of cookie outscore the story's.
fn consent_page(class: &str, notice: &str) -> String {
    let story = "The valley's orchards, which had lost half their blossom to the late frost, gave a fair crop after all, the growers said on Friday, and prices held. ";
    let kind = "These cookies, set by us and by partners, remember settings, count visits, measure pages, and keep the site, its forms, and its search working, always. ";
    format!(
        "<body><div><h1>Frost and fruit</h1><div><p>{story}</p><p>{story}</p></div></div>\
         <div class=\"{class}\"><p>{notice}</p><form><div><p>{kind}</p><p>{kind}</p><p>{kind}</p></div></form></div></body>"
    )
}

#[test]
fn a_consent_dialog_gives_way_to_the_story_outside_it() {
    for class in ["cookie-layer", "consentManager", "gdpr-box"] {
        let text = chosen_text(&consent_page(class, "This website uses cookies."));
        assert!(text.contains("orchards"), "{class}: {text}");
        assert!(!text.contains("partners"), "{class}: {text}");
    }
}

#[test]
fn a_box_named_for_cookies_that_is_no_consent_notice_can_be_the_article() {
    // A recipe's box of cookies, and a dialog's class without a notice.
    let text = chosen_text(&consent_page(
        "cookie-recipe",
        "Bake the cookies for ten minutes.",
    ));
    assert!(text.contains("partners"), "{text}");
    let text = chosen_text(&consent_page("consent-form", "Sign the form below."));
    assert!(text.contains("partners"), "{text}");
}

#[test]
fn a_sibling_of_the_same_tag_holding_well_scored_prose_is_merged() {
    let opening = "The night boat, which had run since the war, made its last trip on Sunday, with the mayor, two bands and most of the town aboard. ";
    let rest = "Its crew will move to the day service, which gains a third crossing, and the old hull is to be sold, the harbour office said on Monday. ";
    let html = format!(
        "<body><div id=wrap><section class=opening><div id=inner><p>{opening}</p><p>{opening}</p></div></section>\
         <section class=rest id=top><p>{rest}</p><p>{rest}</p><p>{rest}</p></section>\
         <section class=more><div id=links><a href=/x>More from the harbour</a></div></section></div></body>"
    );
    let mut dom = Dom::parse(&html, &Limits::default()).unwrap();
    let body = dom.find_tag(dom.document(), "body").unwrap();
    let by_id = |dom: &Dom, id: &str| {
        dom.descendants(body)
            .find(|&n| dom.attr(n, "id") == Some(id))
            .unwrap()
    };
    let (top, inner, links) = (
        by_id(&dom, "top"),
        by_id(&dom, "inner"),
        by_id(&dom, "links"),
    );
    // The opening's paragraphs score in its inner block, below the floor of
    // 10 for the section itself; the link row scores as well, but is links.
    let mut scores = Scores::for_dom(&dom);
    scores.set(top, 30.0);
    scores.set(inner, 19.0);
    scores.set(links, 19.0);
    let root = dom.create_element("div");
    merge_siblings(&mut dom, body, top, &scores, root, None).unwrap();
    let text = inner_text(&dom, root);
    assert!(text.contains("night boat"), "{text}");
    assert!(text.contains("third crossing"), "{text}");
    assert!(!text.contains("More from the harbour"), "{text}");
}

/// The text `merge_siblings` gathers on `html`, whose `#top` is the top
/// candidate (scored 30, nothing else scored).
fn merged_text(html: &str) -> String {
    merged_text_scored(html, &[])
}

/// As [`merged_text`], with the elements of the ids in `scored` scored too.
fn merged_text_scored(html: &str, scored: &[(&str, f64)]) -> String {
    let mut dom = Dom::parse(html, &Limits::default()).unwrap();
    let body = dom.find_tag(dom.document(), "body").unwrap();
    let by_id = |dom: &Dom, id: &str| {
        dom.descendants(body)
            .find(|&n| dom.attr(n, "id") == Some(id))
            .unwrap()
    };
    let top = by_id(&dom, "top");
    let mut scores = Scores::for_dom(&dom);
    scores.set(top, 30.0);
    for &(id, score) in scored {
        scores.set(by_id(&dom, id), score);
    }
    let root = dom.create_element("div");
    merge_siblings(&mut dom, body, top, &scores, root, None).unwrap();
    inner_text(&dom, root)
}

#[test]
fn a_paragraph_beside_the_wrapper_of_the_body_is_merged() {
    let closing = "When the last crossing of the season was done, the crew tied the boat up by the old quay, and the harbour master rang the bell once, as his father had. ";
    let html = format!(
        "<body><div class=page><div class=main>\
         <div class=wrap><span>Photo</span><div id=top><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></div></div>\
         <p>{closing}</p>\
         <div class=links><a href=/a>More from the harbour</a> <a href=/b>Tide tables</a></div>\
         </div></div></body>"
    );
    let text = merged_text(&html);
    assert!(text.contains("lamps were lit"), "{text}");
    // The wrapper's label stays out; the paragraph beside the wrapper
    // joins, after the body; the link row stays out.
    assert!(!text.contains("Photo"), "{text}");
    assert!(text.contains("rang the bell once"), "{text}");
    assert!(
        text.find("lamps were lit") < text.find("rang the bell once"),
        "{text}"
    );
    assert!(!text.contains("More from the harbour"), "{text}");
}

#[test]
fn the_wrapper_chain_stops_where_the_parent_holds_other_text() {
    let html = format!(
        "<body><div id=outer><p>{PARA}</p><div id=wrap><i>Map</i><div id=top><p>{PARA}</p><p>{PARA}</p></div></div></div></body>"
    );
    let dom = Dom::parse(&html, &Limits::default()).unwrap();
    let body = dom.find_tag(dom.document(), "body").unwrap();
    let by_id = |id: &str| {
        dom.descendants(body)
            .find(|&n| dom.attr(n, "id") == Some(id))
            .unwrap()
    };
    let chain = wrapper_chain(&dom, body, by_id("top"));
    assert_eq!(chain, vec![by_id("top"), by_id("wrap")]);
}

#[test]
fn a_standfirst_right_before_the_wrapper_of_the_body_is_merged() {
    let dek = "<ul><li>The ferry will stop running in the winter months.</li><li>The town council gave its reasons at the spring meeting.</li></ul>";
    let html = format!(
        "<body><div class=page><div class=main><div class=brand>harbourlines</div>\
         <div class=dek>{dek}</div>\
         <div class=wrap><span>Ad</span><div id=top><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></div></div>\
         </div></div></body>"
    );
    let text = merged_text(&html);
    // The list of sentences right before the body's wrapper joins, first;
    // the site's tagline further up (no sentence) stays out.
    assert!(text.contains("stop running in the winter"), "{text}");
    assert!(
        text.find("stop running in the winter") < text.find("lamps were lit"),
        "{text}"
    );
    assert!(!text.contains("harbourlines"), "{text}");
}

#[test]
fn a_headline_or_tagline_right_before_the_wrapper_of_the_body_is_no_standfirst() {
    for lead in [
        "<h2>The last ferry of the winter leaves the harbour for the islands tonight at nine</h2>",
        "<div class=brand>harbourlines <i>Where every tide brings a story, told by those who were there (Old saying)</i></div>",
        "<div class=box><p>Be the first to hear when the ferry timetable for the islands changes again.</p><input type=email><button>Sign up</button></div>",
    ] {
        let html = format!(
            "<body><div class=page><div class=main>{lead}\
             <div class=wrap><span>Ad</span><div id=top><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></div></div>\
             </div></div></body>"
        );
        let text = merged_text(&html);
        assert!(text.contains("lamps were lit"), "{text}");
        assert!(
            !text.contains("last ferry") && !text.contains("harbourlines") && !text.contains("Be the first"),
            "{text}"
        );
    }
}

/// An article with two collapsible questions whose header blocks are
/// written `header` (an unlikely class word); `toggle` and `panel` give the
/// attributes of each entry's toggle and answer panel (`{n}` is the entry's
/// number; each header's id is `q-head-{n}`).
fn faq_page(toggle: &str, panel: &str) -> String {
    let entry = |n: usize, q: &str| {
        let (t, p) = (
            toggle.replace("{n}", &n.to_string()),
            panel.replace("{n}", &n.to_string()),
        );
        format!(
            "<div class=card><div class=card-header id=q-head-{n}><div class=toggle {t}>{q}</div></div>\
             <div class=collapse {p}><div class=card-body><p>{PARA}</p></div></div></div>"
        )
    };
    format!(
        "<body><article><div class=story>{}<div class=accordion>{}{}</div></div></article></body>",
        format!("<p>{PARA}</p>").repeat(8),
        entry(1, "When does the last ferry of the season sail?"),
        entry(2, "Can bicycles travel on the island ferry?")
    )
}

fn chosen_text(html: &str) -> String {
    let c = choose(html);
    inner_text(&c.dom, c.root)
}

#[test]
fn the_header_that_labels_a_collapsible_answer_stays_with_it() {
    // The panel names its header in aria-labelledby, or the header's
    // toggle names the panel in aria-controls.
    for (toggle, panel) in [
        ("", "aria-labelledby=q-head-{n}"),
        ("aria-controls=q-body-{n}", "id=q-body-{n}"),
    ] {
        let text = chosen_text(&faq_page(toggle, panel));
        assert!(text.contains("When does the last ferry"), "{panel}: {text}");
        assert!(text.contains("Can bicycles travel"), "{panel}: {text}");
    }
}

#[test]
fn a_header_block_that_labels_nothing_still_goes() {
    // Near miss: the same header blocks, but the panels after them name
    // other ids (or none), so the class word decides.
    for (toggle, panel) in [
        ("", ""),
        ("", "aria-labelledby=q-other-{n}"),
        ("aria-controls=q-other-{n}", "id=q-body-{n}"),
    ] {
        let text = chosen_text(&faq_page(toggle, panel));
        assert!(text.contains("lamps were lit"), "{text}");
        assert!(
            !text.contains("When does the last ferry"),
            "{panel}: {text}"
        );
    }
}

/// The text `merge_siblings` gathers on a run of sections around `gap`:
/// `#one` (scored 19, merged), the gap, `#top` (scored 30), and a trailing
/// same-kind section `after` (not scored).
fn text_around_gap(gap: &str, after: &str) -> String {
    let opening = "The night boat, which had run since the war, made its last trip on Sunday, with the mayor, two bands and most of the town aboard. ";
    let rest = "Its crew will move to the day service, which gains a third crossing, and the old hull is to be sold, the harbour office said on Monday. ";
    let html = format!(
        "<body><div id=wrap><div class=part id=one><p>{opening}</p><p>{opening}</p></div>\
         {gap}<div class=part id=top><p>{rest}</p><p>{rest}</p><p>{rest}</p></div>{after}</div></body>"
    );
    merged_text_scored(&html, &[("one", 19.0)])
}

#[test]
fn a_low_scoring_section_between_two_merged_body_sections_is_merged() {
    let quote = "<div class=part><blockquote><p>“We kept her running for the town,” \
                 the last skipper said.</p></blockquote></div>";
    let text = text_around_gap(quote, "");
    assert!(text.contains("night boat"), "{text}");
    assert!(text.contains("last skipper"), "{text}");
    assert!(text.contains("third crossing"), "{text}");
}

#[test]
fn a_gap_of_links_of_another_kind_or_after_the_run_stays_out() {
    // A link row of the body's own kind in the gap.
    let links = "<div class=part><a href=/x>Timetables</a> <a href=/y>Fares</a></div>";
    let text = text_around_gap(links, "");
    assert!(
        text.contains("third crossing") && !text.contains("Timetables"),
        "{text}"
    );
    // A box of another kind in the gap.
    let promo =
        "<div class=promo><p>“Book the summer crossing now,” says our travel desk.</p></div>";
    let text = text_around_gap(promo, "");
    assert!(
        text.contains("night boat") && !text.contains("travel desk"),
        "{text}"
    );
    // The same quote after the run's last section: no gap to fill.
    let quote = "<div class=part><blockquote><p>“We kept her running for the town,” \
                 the last skipper said.</p></blockquote></div>";
    let text = text_around_gap("", quote);
    assert!(
        text.contains("third crossing") && !text.contains("last skipper"),
        "{text}"
    );
}

#[test]
fn a_lead_opening_after_a_picture_and_a_line_break_is_found() {
    let desc =
        "The harbour museum will show thirty years of a keeper's drawings of gulls from Saturday";
    let html = format!(
        "<body><div><p><img src=\"/gulls.jpg\"><br>{desc}, with the pier's old lamp.</p></div>\
         <div><p>Before<br>{desc}.</p></div></body>"
    );
    let dom = Dom::parse(&html, &Limits::default()).unwrap();
    let body = dom.find_tag(dom.document(), "body").unwrap();
    let key = extend::lead_key(desc).unwrap();
    let leads: Vec<String> = extend::lead_blocks(&dom, body, &key)
        .map(|(_, t)| t)
        .collect();
    // The second paragraph's text does not open as the description does.
    assert_eq!(leads.len(), 1, "{leads:?}");
    assert!(leads[0].starts_with("The harbour museum"), "{leads:?}");
}
