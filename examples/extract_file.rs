//! A saved page in, its article out: `cargo run --example extract_file -- page.html [URL]`.
//!
//! The file's bytes are decoded as a browser decodes them
//! ([`quire::decode::decode`]: BOM, `<meta charset>`, UTF-8, windows-1252),
//! then [`quire::extract`] finds the article.

use quire::{extract, Options};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: extract_file PAGE.html [URL]")?;
    let url = args.next();
    let bytes = std::fs::read(&path)?;
    let html = quire::decode::decode(&bytes, None).text;
    let article = extract(&html, url.as_deref(), &Options::default())?;
    println!("# {}", article.title.as_deref().unwrap_or("(untitled)"));
    if let Some(byline) = &article.byline {
        println!("by {byline}");
    }
    println!("\n{}", article.text);
    Ok(())
}
