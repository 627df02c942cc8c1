//! Many pages on every core: `cargo run --release --example batch -- a.html b.html …`.
//!
//! [`quire::extract`] is a pure function of its input, so pages can be
//! extracted in parallel (here with `rayon`); `collect` keeps input order.

use quire::{extract, Options};
use rayon::prelude::*;

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let options = Options::default();
    let results: Vec<(String, Result<String, String>)> = paths
        .par_iter()
        .map(|path| {
            let article = std::fs::read(path)
                .map_err(|e| e.to_string())
                .and_then(|bytes| {
                    let html = quire::decode::decode(&bytes, None).text;
                    extract(&html, None, &options).map_err(|e| e.to_string())
                });
            let title = article.map(|a| a.title.unwrap_or_default());
            (path.clone(), title)
        })
        .collect();
    for (path, title) in results {
        match title {
            Ok(t) => println!("{path}\t{t}"),
            Err(e) => eprintln!("{path}\terror: {e}"),
        }
    }
}
