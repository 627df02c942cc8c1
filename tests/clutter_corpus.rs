//! The clutter suite (`shared/corpus/clutter`), one test per page so that a
//! failure names its page. A page passes when every `must_include` string is
//! found in the extracted text and no `must_exclude` string is (see the
//! suite's README).
//!
//! The corpus is read from `$QUIRE_CORPUS` or, by default, `../shared/corpus`
//! next to the crate. Without it the tests skip with a note, except under
//! `CI=true`, where a missing corpus fails them.
#![cfg(not(target_arch = "wasm32"))] // host-only: reads files or uses host-only dev tools

use std::path::PathBuf;

use quire::eval::{score_clutter, ClutterTruth};
use quire::{extract, Options};

fn corpus() -> PathBuf {
    std::env::var_os("QUIRE_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus")))
}

fn check(page: &str) {
    let dir = corpus().join("clutter").join(page);
    let html_path = dir.join("page.html");
    let truth_path = dir.join("truth.json");
    if !html_path.is_file() || !truth_path.is_file() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "clutter corpus page missing: {}",
            dir.display()
        );
        eprintln!("note: skipping {page}, no corpus at {}", dir.display());
        return;
    }
    let html = std::fs::read_to_string(&html_path).expect("page.html is readable UTF-8");
    let truth: ClutterTruth =
        serde_json::from_str(&std::fs::read_to_string(&truth_path).expect("truth.json readable"))
            .expect("truth.json parses");
    let url = Some(truth.url.as_str()).filter(|u| !u.is_empty());
    let article = extract(&html, url, &Options::default()).expect("extraction succeeds");
    let result = score_clutter(
        page,
        &truth,
        &article.text,
        article.title.as_deref().unwrap_or(""),
        article.byline.as_deref().unwrap_or(""),
    );
    assert!(
        result.pass,
        "{page}: missing {:#?}\nleaked {:#?}",
        result.missing, result.leaked
    );
}

#[test]
fn civic_standard_four_day_week_opinion() {
    check("civic-standard-four-day-week-opinion");
}

#[test]
fn harbour_ledger_swimming_baths() {
    check("harbour-ledger-swimming-baths");
}

#[test]
fn homeward_slow_drain_howto() {
    check("homeward-slow-drain-howto");
}

#[test]
fn kyiv_independent_peacekeepers() {
    check("kyiv-independent-peacekeepers");
}

#[test]
fn lowtide_sqlite_backups() {
    check("lowtide-sqlite-backups");
}

#[test]
fn meridian_post_heat_pumps_explainer() {
    check("meridian-post-heat-pumps-explainer");
}

#[test]
fn weft_clock_doctors_feature() {
    check("weft-clock-doctors-feature");
}
