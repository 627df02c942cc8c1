//! The wasm boundary: converts JS values to and from the core API, maps
//! errors to `JsError` and installs the panic hook. No logic lives here.

use wasm_bindgen::prelude::*;

use crate::{Article, Options};

fn options_from(value: JsValue) -> Result<Options, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("invalid options: {e}")))
}

fn to_js(article: &Article) -> Result<JsValue, JsError> {
    let ser = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    serde::Serialize::serialize(article, &ser).map_err(|e| JsError::new(&e.to_string()))
}

/// Installs the panic hook once, when the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Extracts the article from `html`; see [`crate::extract`].
#[wasm_bindgen]
pub fn extract(html: &str, url: Option<String>, options: JsValue) -> Result<JsValue, JsError> {
    let options = options_from(options)?;
    let article =
        crate::extract(html, url.as_deref(), &options).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&article)
}

/// Explains every block's fate; see [`crate::explain()`].
#[wasm_bindgen]
pub fn explain(html: &str, url: Option<String>, options: JsValue) -> Result<JsValue, JsError> {
    let options = options_from(options)?;
    let explanation =
        crate::explain(html, url.as_deref(), &options).map_err(|e| JsError::new(&e.to_string()))?;
    let ser = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    serde::Serialize::serialize(&explanation, &ser).map_err(|e| JsError::new(&e.to_string()))
}

/// The Markdown of sanitised article HTML; see [`crate::markdown_from_html`].
/// Throws a `JsError` whose message the reader shows ("This article is too
/// long to copy as Markdown.") when the Markdown would pass its bound.
#[wasm_bindgen(js_name = markdownFromHtml)]
pub fn markdown_from_html(content: &str) -> Result<String, JsError> {
    crate::markdown_from_html(content).map_err(|e| JsError::new(&e.to_string()))
}

/// See [`crate::is_probably_readerable`].
#[wasm_bindgen(js_name = isProbablyReaderable)]
pub fn is_probably_readerable(html: &str) -> bool {
    crate::is_probably_readerable(html)
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
