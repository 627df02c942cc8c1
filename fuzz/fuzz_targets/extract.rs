//! Fuzz target: arbitrary bytes, decoded lossily as the CLI does, through the
//! public entry point. Any panic is a bug; errors are fine. The output must
//! also be a fixed point of the sanitiser.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    if let Ok(article) = quire::extract(&html, Some("https://example.org/"), &Default::default()) {
        let again = quire::output::sanitize_fragment(&article.content);
        assert_eq!(again, article.content, "sanitised content is not a fixed point");
    }
});
