//! The clutter suite (`shared/corpus/clutter`): one module per page, one test
//! per field of its `truth.json`, so that a failure names its page and field.
//!
//! - `content`: every `must_include` string is found in the extracted text
//!   and no `must_exclude` string is (see the suite's README);
//! - `title`: equal after whitespace and Unicode normalisation;
//! - `byline`: the same, a leading "By" (or its equivalent) ignored;
//! - `published`: equal as ISO 8601 (`+hhmm` read as `+hh:mm`); a date-only
//!   truth (the page shows no time) matches any time on that calendar date,
//!   as the article writes it (`quire::eval::published_eq`);
//! - `lang`: the same primary subtag (`en-GB` is `en`, as `<html lang>` may
//!   be more precise than the truth); `dir`: equal.
//!
//! The corpus is read from `$QUIRE_CORPUS` or, by default, `../shared/corpus`
//! next to the crate. Without it the tests skip with a note, except under
//! `CI=true`, where a missing corpus fails them.
#![cfg(not(target_arch = "wasm32"))] // host-only: reads files or uses host-only dev tools

mod common;

use quire::eval::{clutter_metadata_ok, published_eq, score_clutter, ClutterTruth};
use quire::{extract, Article, Options};

/// The page's truth and article, or `None` (with a note) when the corpus is
/// not there outside CI.
fn load(page: &str) -> Option<(ClutterTruth, Article)> {
    let dir = common::corpus_set_or_skip("clutter", page)?.join(page);
    let html_path = dir.join("page.html");
    let truth_path = dir.join("truth.json");
    assert!(
        html_path.is_file() && truth_path.is_file(),
        "clutter corpus page missing: {}",
        dir.display()
    );
    let html = std::fs::read_to_string(&html_path).expect("page.html is readable UTF-8");
    let truth: ClutterTruth =
        serde_json::from_str(&std::fs::read_to_string(&truth_path).expect("truth.json readable"))
            .expect("truth.json parses");
    let url = Some(truth.url.as_str()).filter(|u| !u.is_empty());
    let article = extract(&html, url, &Options::default()).expect("extraction succeeds");
    Some((truth, article))
}

fn content(page: &str) {
    let Some((truth, a)) = load(page) else { return };
    let result = score_clutter(page, &truth, &a.text, "", "");
    assert!(
        result.pass,
        "{page}: missing {:#?}\nleaked {:#?}",
        result.missing, result.leaked
    );
}

fn title(page: &str) {
    let Some((truth, a)) = load(page) else { return };
    let got = a.title.as_deref().unwrap_or("");
    let result = score_clutter(page, &truth, "", got, "");
    assert!(
        result.title_ok,
        "{page}: title {got:?}, want {:?}",
        truth.title
    );
}

fn byline(page: &str) {
    let Some((truth, a)) = load(page) else { return };
    let got = a.byline.as_deref().unwrap_or("");
    let result = score_clutter(page, &truth, "", "", got);
    assert!(
        result.byline_ok,
        "{page}: byline {got:?}, want {:?}",
        truth.byline
    );
}

fn published(page: &str) {
    let Some((truth, a)) = load(page) else { return };
    assert!(!truth.published.is_empty(), "{page}: the truth has a date");
    let got = a.published_time.as_deref();
    assert!(
        got.is_some_and(|g| published_eq(g, &truth.published)),
        "{page}: published {got:?}, want {:?}",
        truth.published
    );
}

fn lang(page: &str) {
    let Some((truth, a)) = load(page) else { return };
    assert!(!truth.lang.is_empty(), "{page}: the truth has a language");
    let (_, ok, _) = clutter_metadata_ok(&truth, None, a.lang.as_deref(), None);
    assert!(ok, "{page}: lang {:?}, want {:?}", a.lang, truth.lang);
}

fn dir(page: &str) {
    let Some((truth, a)) = load(page) else { return };
    assert!(!truth.dir.is_empty(), "{page}: the truth has a direction");
    assert_eq!(a.dir.as_deref(), Some(truth.dir.as_str()), "{page}: dir");
}

/// One module per page: `content`, `title`, `byline`, `published`, `lang`
/// and `dir`. Attributes after the id go on its `published` test.
macro_rules! clutter_page {
    ($name:ident, $id:literal $(, #[$published_attr:meta])?) => {
        mod $name {
            #[test]
            fn content() {
                super::content($id);
            }
            #[test]
            fn title() {
                super::title($id);
            }
            #[test]
            fn byline() {
                super::byline($id);
            }
            #[test]
            $(#[$published_attr])?
            fn published() {
                super::published($id);
            }
            #[test]
            fn lang() {
                super::lang($id);
            }
            #[test]
            fn dir() {
                super::dir($id);
            }
        }
    };
}

clutter_page!(
    civic_standard_four_day_week_opinion,
    "civic-standard-four-day-week-opinion"
);
clutter_page!(
    harbour_ledger_swimming_baths,
    "harbour-ledger-swimming-baths"
);
// The article's header shows only its update date (2024-09-30), which the
// metadata's modified time states; the published time says 2023-06-14.
clutter_page!(homeward_slow_drain_howto, "homeward-slow-drain-howto");
clutter_page!(
    kyiv_independent_peacekeepers,
    "kyiv-independent-peacekeepers"
);
clutter_page!(lowtide_sqlite_backups, "lowtide-sqlite-backups");
clutter_page!(
    meridian_post_heat_pumps_explainer,
    "meridian-post-heat-pumps-explainer"
);
clutter_page!(weft_clock_doctors_feature, "weft-clock-doctors-feature");
