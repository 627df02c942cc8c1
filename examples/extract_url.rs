//! A page the caller fetches: `cargo run --example extract_url -- https://example.org/story`.
//!
//! The library does no I/O: the caller fetches (here with `ureq`), then hands
//! over the bytes with the charset of the `Content-Type` header, and the
//! final URL (after redirects) as the base for the article's links.

use quire::decode::{charset_from_content_type, decode};
use quire::{extract, Options};
use ureq::ResponseExt;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let url = std::env::args().nth(1).ok_or("usage: extract_url URL")?;
    let mut response = ureq::get(&url).call()?;
    let final_url = response.get_uri().to_string();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let bytes = response
        .body_mut()
        .with_config()
        .limit(32 << 20)
        .read_to_vec()?;
    let html = decode(&bytes, charset_from_content_type(&content_type)).text;
    let options = Options {
        markdown: true,
        ..Options::default()
    };
    let article = extract(&html, Some(&final_url), &options)?;
    print!("{}", article.markdown);
    Ok(())
}
