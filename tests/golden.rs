//! Golden tests over the Readability.js regression pages: one named test per
//! page, so a failure names its page.
//!
//! Each test extracts `source.html` at `http://fakehost/test/page.html` and
//! compares the result with `tests/golden/<case>.json`, our own reviewed
//! output: every metadata field must be equal, and the shingle F1 of our text
//! against `expected.html`'s text may not fall more than [`F1_SLACK`] below
//! the stored value. The golden files hold no article text (the pages are
//! third-party text), only metadata, the F1 and our text's word count.
//!
//! - Corpus: `$QUIRE_CORPUS`, else `../shared/corpus` beside the crate. When
//!   it is missing the tests pass with a note, unless `CI=true`, where they fail.
//! - `UPDATE=1 cargo test --test golden` rewrites the golden files instead of
//!   asserting. Read the diff of every rewritten file before committing it.
//!
//! How our metadata compares with Readability's own `expected-metadata.json`
//! is reported by `quire eval`, not asserted here.

// Reads files and uses the native-only `eval` module: host builds only.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use quire::{extract, Options};
use serde::{Deserialize, Serialize};

/// How far the F1 may drop below the stored value before a test fails.
const F1_SLACK: f64 = 0.002;

/// The URL every page is extracted at (as in Readability's own tests).
const PAGE_URL: &str = "http://fakehost/test/page.html";

/// What is stored per page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Golden {
    title: Option<String>,
    byline: Option<String>,
    excerpt: Option<String>,
    site_name: Option<String>,
    lang: Option<String>,
    dir: Option<String>,
    published_time: Option<String>,
    lead_image: Option<String>,
    readerable: bool,
    /// Shingle F1 of our text against `expected.html`, rounded down to 4 places.
    f1: f64,
    /// Words in our text (informational; not asserted).
    words: usize,
}

fn corpus() -> PathBuf {
    std::env::var_os("QUIRE_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus")))
        .join("readability-test-pages")
}

fn golden_path(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(format!("{case}.json"))
}

fn read_lossy(path: &Path) -> String {
    let bytes =
        std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The corpus directory, or `None` (with a note) when it is absent outside CI.
fn corpus_or_skip(case: &str) -> Option<PathBuf> {
    let dir = corpus();
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("corpus not found at {} (set QUIRE_CORPUS)", dir.display());
    }
    eprintln!(
        "note: skipping golden test {case}: no corpus at {} (set QUIRE_CORPUS)",
        dir.display()
    );
    None
}

fn observe(dir: &Path) -> Golden {
    let source = read_lossy(&dir.join("source.html"));
    let expected_text = quire::output::text_of_html(&read_lossy(&dir.join("expected.html")));
    let a = extract(&source, Some(PAGE_URL), &Options::default())
        .unwrap_or_else(|e| panic!("extraction failed: {e}"));
    let f1 = quire::eval::score_page(&expected_text, &a.text).f1();
    Golden {
        title: a.title,
        byline: a.byline,
        excerpt: a.excerpt,
        site_name: a.site_name,
        lang: a.lang,
        dir: a.dir,
        published_time: a.published_time,
        lead_image: a.lead_image,
        readerable: a.readerable,
        f1: (f1 * 10_000.0).floor() / 10_000.0,
        words: a.word_count,
    }
}

/// Field-by-field differences between the stored and the observed metadata.
fn metadata_diffs(want: &Golden, got: &Golden) -> Vec<String> {
    let fields: [(&str, String, String); 9] = [
        (
            "title",
            format!("{:?}", want.title),
            format!("{:?}", got.title),
        ),
        (
            "byline",
            format!("{:?}", want.byline),
            format!("{:?}", got.byline),
        ),
        (
            "excerpt",
            format!("{:?}", want.excerpt),
            format!("{:?}", got.excerpt),
        ),
        (
            "siteName",
            format!("{:?}", want.site_name),
            format!("{:?}", got.site_name),
        ),
        (
            "lang",
            format!("{:?}", want.lang),
            format!("{:?}", got.lang),
        ),
        ("dir", format!("{:?}", want.dir), format!("{:?}", got.dir)),
        (
            "publishedTime",
            format!("{:?}", want.published_time),
            format!("{:?}", got.published_time),
        ),
        (
            "leadImage",
            format!("{:?}", want.lead_image),
            format!("{:?}", got.lead_image),
        ),
        (
            "readerable",
            want.readerable.to_string(),
            got.readerable.to_string(),
        ),
    ];
    fields
        .into_iter()
        .filter(|(_, w, g)| w != g)
        .map(|(name, w, g)| format!("{name}: stored {w}, got {g}"))
        .collect()
}

fn check(case: &str) {
    let Some(corpus) = corpus_or_skip(case) else {
        return;
    };
    let got = observe(&corpus.join(case));
    let path = golden_path(case);
    if std::env::var("UPDATE").is_ok_and(|v| v == "1") {
        let json = serde_json::to_string_pretty(&got).expect("serialisable") + "\n";
        std::fs::create_dir_all(path.parent().expect("has a parent")).expect("golden dir");
        std::fs::write(&path, json)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        return;
    }
    let stored = read_lossy(&path);
    let want: Golden = serde_json::from_str(&stored)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE=1 writes it)", path.display()));
    let mut problems = metadata_diffs(&want, &got);
    if got.f1 < want.f1 - F1_SLACK {
        problems.push(format!(
            "F1 {:.4} fell below stored {:.4} - {F1_SLACK}",
            got.f1, want.f1
        ));
    }
    assert!(
        problems.is_empty(),
        "golden page {case} changed (UPDATE=1 rewrites; review the diff):\n  {}",
        problems.join("\n  ")
    );
}

macro_rules! golden_cases {
    ($($name:ident => $case:literal,)*) => {
        /// Every case with a test, in corpus order.
        const CASES: &[&str] = &[$($case),*];
        $(
            #[test]
            fn $name() {
                check($case);
            }
        )*
    };
}

golden_cases! {
    p001 => "001",
    p002 => "002",
    p003_metadata_preferred => "003-metadata-preferred",
    p004_metadata_space_separated_properties => "004-metadata-space-separated-properties",
    p005_unescape_html_entities => "005-unescape-html-entities",
    aclu => "aclu",
    aktualne => "aktualne",
    archive_of_our_own => "archive-of-our-own",
    ars_1 => "ars-1",
    article_author_tag => "article-author-tag",
    base_url_base_element_relative => "base-url-base-element-relative",
    base_url_base_element => "base-url-base-element",
    base_url => "base-url",
    basic_tags_cleaning => "basic-tags-cleaning",
    bbc_1 => "bbc-1",
    blogger => "blogger",
    breitbart => "breitbart",
    bug_1255978 => "bug-1255978",
    buzzfeed_1 => "buzzfeed-1",
    citylab_1 => "citylab-1",
    clean_links => "clean-links",
    cnet_svg_classes => "cnet-svg-classes",
    cnet => "cnet",
    cnn => "cnn",
    comment_inside_script_parsing => "comment-inside-script-parsing",
    daringfireball_1 => "daringfireball-1",
    data_url_image => "data-url-image",
    dev418 => "dev418",
    dropbox_blog => "dropbox-blog",
    ebb_org => "ebb-org",
    ehow_1 => "ehow-1",
    ehow_2 => "ehow-2",
    embedded_videos => "embedded-videos",
    engadget => "engadget",
    firefox_nightly_blog => "firefox-nightly-blog",
    folha => "folha",
    gitlab_blog => "gitlab-blog",
    gmw => "gmw",
    google_sre_book_1 => "google-sre-book-1",
    guardian_1 => "guardian-1",
    heise => "heise",
    herald_sun_1 => "herald-sun-1",
    hidden_nodes => "hidden-nodes",
    hukumusume => "hukumusume",
    iab_1 => "iab-1",
    ietf_1 => "ietf-1",
    invalid_attributes => "invalid-attributes",
    js_link_replacement => "js-link-replacement",
    keep_images => "keep-images",
    keep_tabular_data => "keep-tabular-data",
    la_nacion => "la-nacion",
    lazy_image_1 => "lazy-image-1",
    lazy_image_2 => "lazy-image-2",
    lazy_image_3 => "lazy-image-3",
    lemonde_1 => "lemonde-1",
    liberation_1 => "liberation-1",
    lifehacker_post_comment_load => "lifehacker-post-comment-load",
    lifehacker_working => "lifehacker-working",
    links_in_tables => "links-in-tables",
    lwn_1 => "lwn-1",
    mathjax => "mathjax",
    medicalnewstoday => "medicalnewstoday",
    medium_1 => "medium-1",
    medium_2 => "medium-2",
    medium_3 => "medium-3",
    mercurial => "mercurial",
    metadata_content_missing => "metadata-content-missing",
    missing_paragraphs => "missing-paragraphs",
    mozilla_1 => "mozilla-1",
    mozilla_2 => "mozilla-2",
    msn => "msn",
    normalize_spaces => "normalize-spaces",
    nytimes_1 => "nytimes-1",
    nytimes_2 => "nytimes-2",
    nytimes_3 => "nytimes-3",
    nytimes_4 => "nytimes-4",
    nytimes_5 => "nytimes-5",
    ol => "ol",
    parsely_metadata => "parsely-metadata",
    pixnet => "pixnet",
    qq => "qq",
    quanta_1 => "quanta-1",
    remove_aria_hidden => "remove-aria-hidden",
    remove_extra_brs => "remove-extra-brs",
    remove_extra_paragraphs => "remove-extra-paragraphs",
    remove_script_tags => "remove-script-tags",
    reordering_paragraphs => "reordering-paragraphs",
    replace_brs => "replace-brs",
    replace_font_tags => "replace-font-tags",
    royal_road => "royal-road",
    rtl_1 => "rtl-1",
    rtl_2 => "rtl-2",
    rtl_3 => "rtl-3",
    rtl_4 => "rtl-4",
    salon_1 => "salon-1",
    schema_org_context_object => "schema-org-context-object",
    seattletimes_1 => "seattletimes-1",
    simplyfound_1 => "simplyfound-1",
    social_buttons => "social-buttons",
    spiceworks => "spiceworks",
    style_tags_removal => "style-tags-removal",
    svg_parsing => "svg-parsing",
    table_style_attributes => "table-style-attributes",
    telegraph => "telegraph",
    theverge => "theverge",
    title_and_h1_discrepancy => "title-and-h1-discrepancy",
    title_en_dash => "title-en-dash",
    tmz_1 => "tmz-1",
    toc_missing => "toc-missing",
    topicseed_1 => "topicseed-1",
    tumblr => "tumblr",
    v8_blog => "v8-blog",
    videos_1 => "videos-1",
    videos_2 => "videos-2",
    visibility_hidden => "visibility-hidden",
    wapo_1 => "wapo-1",
    wapo_2 => "wapo-2",
    webmd_1 => "webmd-1",
    webmd_2 => "webmd-2",
    wikia => "wikia",
    wikipedia_2 => "wikipedia-2",
    wikipedia_3 => "wikipedia-3",
    wikipedia_4 => "wikipedia-4",
    wikipedia => "wikipedia",
    wordpress => "wordpress",
    yahoo_1 => "yahoo-1",
    yahoo_2 => "yahoo-2",
    yahoo_3 => "yahoo-3",
    yahoo_4 => "yahoo-4",
    youth => "youth",
}

/// A page added to the corpus without a test here fails this test.
#[test]
fn every_corpus_page_has_a_test() {
    let Some(corpus) = corpus_or_skip("every_corpus_page_has_a_test") else {
        return;
    };
    let mut pages: Vec<String> = std::fs::read_dir(&corpus)
        .expect("readable corpus")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("source.html").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    let mut cases: Vec<&str> = CASES.to_vec();
    cases.sort_unstable();
    assert_eq!(pages, cases, "golden_cases! list and corpus differ");
}
