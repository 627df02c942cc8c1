//! Fuzz target: arbitrary bytes, decoded lossily as the CLI does, through the
//! public entry point. Any panic is a bug; errors are fine. The output must
//! be a fixed point of the sanitiser and pass the allow-list audit (every
//! element and attribute allowed, every URL of an allowed scheme).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    if let Ok(article) = quire::extract(&html, Some("https://example.org/"), &Default::default()) {
        let again = quire::output::sanitize_fragment(&article.content);
        assert_eq!(again, article.content, "sanitised content is not a fixed point");
        let audit = quire::output::audit(&article.content);
        assert!(audit.is_empty(), "content off the allow-list: {audit:?}");
        if let Some(url) = &article.lead_image {
            assert!(quire::output::safe_url("src", url), "unsafe leadImage {url:?}");
        }
    }
});
