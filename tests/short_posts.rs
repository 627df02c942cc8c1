//! A short post with a sign-up box inside its own container, beside a
//! rail of other posts that outscores it (pages of our own prose). The post
//! is the article: its paragraph opens after a picture and a line break, as
//! the page's description does, and the sign-up box inside it is no reason
//! to take the post for a sign-up box. A sign-up box on its own still goes.

/// The post's paragraph, the page's description opens as it does.
const POST: &str = "A retired lighthouse keeper has drawn every gull that nested on the north pier for thirty years, and the harbour museum, which bought the notebooks last spring, will show them from Saturday, with the pier's old lamp beside them.";

/// The line under the post.
const VIA: &str = "(via the Harbour Museum)";

/// A sign-up box: a title, a pitch and a form with an e-mail field.
const SIGNUP: &str = r#"<div class="signup"><h4>GET THE HARBOUR LETTER</h4>
<p>Sign up for our newsletter and never miss a story.</p>
<form action="/subscribe"><input type="email" name="email" placeholder="Your e-mail">
<input type="submit" value="Subscribe"></form></div>"#;

/// A teaser of another post: a title, a summary with commas, a link.
fn teaser(n: usize) -> String {
    format!(
        "<div class=\"post-teaser\"><h3>Another post, number {n}, about boats</h3>\
         <p>The boatyard by the bridge, which has built wooden dinghies since the war, \
         launched its {n}th boat of the year, a small one, painted blue, for a family \
         from the valley, who will sail it on the lake, weather permitting, in June.</p>\
         <a href=\"/post-{n}\">READ THE REST</a></div>"
    )
}

/// A blog page: the post (picture, line break, paragraph, a line, then
/// `inside`) beside a rail of six teasers.
fn page(inside: &str) -> String {
    let teasers: String = (1..=6).map(teaser).collect();
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Thirty years of gulls | Pier Notes</title>
<meta name="description" content="{POST}"></head><body>
<div class="page"><div class="post"><h1>Thirty years of gulls</h1>
<p><img src="/gulls.jpg" alt=""><br>
{POST}</p>
<p>{VIA}</p>
{inside}</div>
<div class="rail">{teasers}</div></div></body></html>"#
    )
}

fn text(html: &str) -> String {
    quire::extract(
        html,
        Some("https://piernotes.example/gulls"),
        &quire::Options::default(),
    )
    .unwrap()
    .text
}

#[test]
fn a_short_post_with_a_signup_box_inside_it_is_the_article() {
    let t = text(&page(SIGNUP));
    assert!(t.contains(POST), "{t}");
    assert!(t.contains(VIA), "{t}");
    assert!(!t.contains("never miss a story"), "{t}");
}

#[test]
fn a_short_post_without_a_signup_box_is_the_article() {
    let t = text(&page(""));
    assert!(t.contains(POST), "{t}");
    assert!(t.contains(VIA), "{t}");
}

#[test]
fn a_signup_box_inside_a_long_story_still_goes_whole() {
    let story = [POST; 4].map(|p| format!("<p>{p}</p>")).concat();
    let html = format!(
        r#"<!doctype html><html><head><title>Gulls</title></head><body><article>
<h1>Gulls</h1>{story}{SIGNUP}{story}</article></body></html>"#
    );
    let t = text(&html);
    assert!(t.contains(POST), "{t}");
    assert!(!t.contains("HARBOUR LETTER"), "{t}");
    assert!(!t.contains("never miss a story"), "{t}");
}
