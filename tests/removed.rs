//! The removed blocks as a reader shows them (`Options::removed_blocks`):
//! label, item count, sanitised HTML and a marker where each was; and the
//! kinds a reader keeps (`Options::keep_kinds`).

use quire::{extract, ClutterKind, Options};

/// Our own prose: a short story with a sign-up box and a list of five
/// related stories inside the article.
const PAGE: &str = r#"<html><head><title>The lamp on the north pier</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<article>
<h1>The lamp on the north pier</h1>
<p>For ninety years the lamp at the end of the north pier was lit by hand, and the keeper walked out along the wet stones every evening with a can of paraffin and a box of matches in his coat.</p>
<p>When the council voted to replace it with an electric light, the keeper's granddaughter asked to keep the old brass housing, and it now stands in the window of the chandlery on the quay.</p>
<div class="newsletter-signup"><h3>Get the harbour letter</h3><p>Sign up for our weekly newsletter.</p><form action="/subscribe"><input type="email" name="email" placeholder="Your email"><button>Sign up</button></form></div>
<p>The new light is brighter, the fishermen say, but it does not flicker in a storm the way the old one did, and some of them miss the flicker because it told them how hard the wind was blowing.</p>
<div class="related-stories"><h3>Related stories</h3><ul>
<li><a href="/a" onclick="steal()">Ferry timetable changes for winter</a></li>
<li><a href="/b">Chandlery celebrates fifty years</a></li>
<li><a href="/c">New benches on the promenade</a></li>
<li><a href="/d">Tide table errors corrected</a></li>
<li><a href="javascript:alert(1)">Lifeboat crew trains at night</a></li>
</ul><script>alert(2)</script></div>
<p>On the first night of the new light, half the town walked out to the end of the pier to watch it come on, and the keeper's granddaughter switched it on herself while the brass band played.</p>
</article></body></html>"#;

const URL: &str = "http://127.0.0.1:8000/harbour/lamp";

fn with_removed() -> Options {
    Options {
        removed_blocks: true,
        ..Options::default()
    }
}

const MARKER: &str = "data-quire-removed";

#[test]
fn off_by_default_the_article_has_no_markers_and_no_extra_fields() {
    let a = extract(PAGE, Some(URL), &Options::default()).unwrap();
    assert_eq!(a.clutter.len(), 2);
    assert!(!a.content.contains(MARKER), "{}", a.content);
    for r in &a.clutter {
        assert!(r.label.is_none() && r.html.is_none() && r.at.is_none() && r.items.is_none());
    }
    let json = serde_json::to_string(&a).unwrap();
    for field in ["\"label\"", "\"html\"", "\"at\"", "\"items\""] {
        assert!(!json.contains(field), "{field} in {json}");
    }
}

#[test]
fn removed_blocks_come_with_label_count_html_and_place() {
    let plain = extract(PAGE, Some(URL), &Options::default()).unwrap();
    let a = extract(PAGE, Some(URL), &with_removed()).unwrap();
    // The article itself reads the same.
    assert_eq!(a.text, plain.text);
    assert_eq!(a.word_count, plain.word_count);
    let kinds: Vec<ClutterKind> = a.clutter.iter().map(|r| r.kind).collect();
    assert_eq!(kinds, [ClutterKind::NewsletterForm, ClutterKind::Related]);

    let form = &a.clutter[0];
    assert_eq!(form.label.as_deref(), Some("newsletter sign-up form"));
    assert_eq!(form.items, None);
    let html = form.html.as_deref().unwrap();
    assert!(html.contains("Get the harbour letter"), "{html}");
    assert!(
        !html.contains("<input") && !html.contains("<form"),
        "{html}"
    );

    let related = &a.clutter[1];
    assert_eq!(related.label.as_deref(), Some("related stories"));
    assert_eq!(related.items, Some(5));
    let html = related.html.as_deref().unwrap();
    assert!(
        html.starts_with("<div><h3>Related stories</h3><ul>"),
        "{html}"
    );
    assert!(
        html.contains("<a href=\"http://127.0.0.1:8000/b\">Chandlery"),
        "{html}"
    );
    // The same sanitiser as the article: no handlers, scripts or script URLs.
    for bad in ["onclick", "script", "javascript"] {
        assert!(!html.contains(bad), "{bad} in {html}");
    }

    // Each sits where it was, between the paragraphs around it.
    assert_eq!(form.at, Some(0));
    assert_eq!(related.at, Some(1));
    let c = &a.content;
    let at = |s: &str| c.find(s).unwrap_or_else(|| panic!("{s} not in {c}"));
    let m0 = at("<span data-quire-removed=\"0\"></span>");
    let m1 = at("<span data-quire-removed=\"1\"></span>");
    assert!(at("stands in the window") < m0 && m0 < at("The new light is brighter"));
    assert!(at("wind was blowing") < m1 && m1 < at("On the first night"));
    assert_eq!(c.matches(MARKER).count(), 2);
}

#[test]
fn the_page_cannot_forge_a_marker() {
    let forged = PAGE.replace(
        "<p>The new light",
        "<p><span data-quire-removed=\"7\"></span><span data-quire-removed=\"0\">x</span>The new light",
    );
    let off = extract(&forged, Some(URL), &Options::default()).unwrap();
    assert!(!off.content.contains(MARKER), "{}", off.content);
    let on = extract(&forged, Some(URL), &with_removed()).unwrap();
    assert_eq!(on.content.matches(MARKER).count(), 2, "{}", on.content);
    assert!(!on.content.contains("\"7\""), "{}", on.content);
    assert!(on.content.contains("<span>x</span>"), "{}", on.content);
}

#[test]
fn kept_kinds_stay_in_the_article() {
    let options = Options {
        keep_kinds: vec![ClutterKind::Related],
        removed_blocks: true,
        ..Options::default()
    };
    let a = extract(PAGE, Some(URL), &options).unwrap();
    assert!(
        a.text.contains("Chandlery celebrates fifty years"),
        "{}",
        a.text
    );
    assert!(!a.text.contains("harbour letter"), "{}", a.text);
    let kinds: Vec<ClutterKind> = a.clutter.iter().map(|r| r.kind).collect();
    assert_eq!(kinds, [ClutterKind::NewsletterForm]);
    assert_eq!(a.content.matches(MARKER).count(), 1);
    // Without it, the list goes.
    let a = extract(PAGE, Some(URL), &with_removed()).unwrap();
    assert!(!a.text.contains("Chandlery celebrates"), "{}", a.text);
}

#[test]
fn keep_kinds_are_read_by_name_and_unknown_names_are_skipped() {
    let options: Options = serde_json::from_str(
        r#"{"removedBlocks": true, "keepKinds": ["newsletter-form", "no-such-kind", "newsletter-form"]}"#,
    )
    .unwrap();
    assert_eq!(options.keep_kinds, [ClutterKind::NewsletterForm]);
    assert!(options.removed_blocks);
    let a = extract(PAGE, Some(URL), &options).unwrap();
    assert!(
        a.text.contains("Sign up for our weekly newsletter"),
        "{}",
        a.text
    );
    assert_eq!(a.clutter.len(), 1);
}

#[test]
fn every_kind_has_a_label() {
    for k in ClutterKind::ALL {
        let label = k.label();
        assert!(!label.is_empty() && label.len() <= 30, "{k:?}: {label}");
        assert_eq!(label, label.to_lowercase(), "{k:?}");
    }
}
