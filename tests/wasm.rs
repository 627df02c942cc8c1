//! Tests of the wasm boundary, run in headless Chromium by
//! `wasm-pack test --headless --chrome -- --test wasm`.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PAGE: &str = r#"<!doctype html><html lang="en"><head><title>Night ferry returns after winter repairs | The Tide</title>
<meta name="author" content="Mira Holm"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Night ferry returns after winter repairs</h1>
<p>The night ferry between the two harbours sailed again on Monday, after a winter in which the old boat was repaired from keel to funnel, and the crossing took just under two hours.</p>
<p>Passengers, most of them commuters who had spent months on the long road around the bay, cheered as the ship left the quay, and the captain sounded the horn twice.</p>
<p>The harbour board said the timetable would stay the same through the summer, with a second evening sailing added on Fridays if demand holds up.</p>
<form><label>Email</label><input type="email"><button>Sign up</button></form>
</article></body></html>"#;

fn get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).expect("property")
}

#[wasm_bindgen_test]
fn extract_returns_a_camel_case_article() {
    let article = quire_wasm_extract(PAGE, Some("https://tide.example/ferry".into()));
    assert_eq!(
        get(&article, "title").as_string().as_deref(),
        Some("Night ferry returns after winter repairs")
    );
    assert_eq!(
        get(&article, "byline").as_string().as_deref(),
        Some("Mira Holm")
    );
    let text = get(&article, "text").as_string().unwrap();
    assert!(text.contains("sounded the horn twice"));
    assert!(!text.contains("Sign up"));
    assert!(get(&article, "wordCount").as_f64().unwrap() > 50.0);
    assert_eq!(get(&article, "lang").as_string().as_deref(), Some("en"));
    // Absent fields are null, not undefined.
    assert!(get(&article, "siteName").is_null());
}

#[wasm_bindgen_test]
fn limits_surface_as_errors_not_traps() {
    let deep = "<div>".repeat(5_000);
    let err = quire::wasm::extract(&deep, None, JsValue::UNDEFINED).unwrap_err();
    let msg = get(&JsValue::from(err), "message").as_string().unwrap();
    assert!(msg.contains("nests elements too deeply"), "{msg}");
}

#[wasm_bindgen_test]
fn options_are_validated() {
    let bad = js_sys::JSON::parse(r#"{"charThreshold": "many"}"#).unwrap();
    assert!(quire::wasm::extract(PAGE, None, bad).is_err());
    let ok = js_sys::JSON::parse(r#"{"charThreshold": 10, "limits": {"maxDepth": 64}}"#).unwrap();
    assert!(quire::wasm::extract(PAGE, None, ok).is_ok());
}

#[wasm_bindgen_test]
fn readerable_check() {
    let long = format!("<p>{}</p>", "many words of prose ".repeat(30)).repeat(3);
    assert!(quire::wasm::is_probably_readerable(&long));
    assert!(!quire::wasm::is_probably_readerable("<p>tiny</p>"));
}

fn quire_wasm_extract(html: &str, url: Option<String>) -> JsValue {
    quire::wasm::extract(html, url, JsValue::UNDEFINED).expect("extract")
}
