//! A page in: a file, stdin or a URL, as bytes; gzip read transparently;
//! anything that is not a document refused; the bytes decoded as a browser
//! decodes them (`quire::decode`).

use std::io::{self, Read};

use quire::decode::{binary_kind, decode_owned};

use super::fetch::{fetch, is_url, FetchOptions};
use super::{Fail, NOT_A_DOCUMENT};

/// How a page is read.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// The caller's charset (`--charset`), over the page's own declaration.
    pub charset: Option<String>,
    /// How URLs are fetched (and the size cap of a decompressed file).
    pub fetch: FetchOptions,
}

/// A page, decoded.
#[derive(Debug)]
pub struct Loaded {
    /// The page's text.
    pub html: String,
    /// The URL it was fetched from, after redirects (`None` for files).
    pub url: Option<String>,
}

/// Reads `source` (a path, `-` for stdin, or an `http(s)` URL) and decodes
/// it.
pub fn load(source: &str, opts: &LoadOptions) -> Result<Loaded, Fail> {
    let (bytes, header_charset, url) = if is_url(source) {
        let f = fetch(source, &opts.fetch)?;
        (f.body, f.charset, Some(f.final_url))
    } else {
        (read_bytes(source)?, None, None)
    };
    let bytes = check_document(source, bytes, opts.fetch.max_bytes)?;
    let charset = opts.charset.as_deref().or(header_charset.as_deref());
    Ok(Loaded {
        html: decode_owned(bytes, charset).text,
        url,
    })
}

fn read_bytes(path: &str) -> Result<Vec<u8>, Fail> {
    if path == "-" {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Fail(3, format!("cannot read stdin: {e}")))?;
        Ok(bytes)
    } else {
        std::fs::read(path).map_err(|e| Fail(3, format!("cannot read {path}: {e}")))
    }
}

/// The page's bytes, gunzipped when they are gzip (at most `max_bytes` of
/// them), or an error when they are not a document.
fn check_document(source: &str, bytes: Vec<u8>, max_bytes: u64) -> Result<Vec<u8>, Fail> {
    let name = if source == "-" { "stdin" } else { source };
    if !bytes.starts_with(b"\x1f\x8b") {
        return match binary_kind(&bytes) {
            Some(kind) => Err(Fail(
                NOT_A_DOCUMENT,
                format!("not an HTML document: {name} is {kind}"),
            )),
            None => Ok(bytes),
        };
    }
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes.as_slice())
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| Fail(NOT_A_DOCUMENT, format!("{name}: bad gzip data: {e}")))?;
    if out.len() as u64 > max_bytes {
        return Err(Fail(
            1,
            format!("{name} decompresses to over {max_bytes} bytes (--max-bytes)"),
        ));
    }
    match binary_kind(&out) {
        Some(kind) => Err(Fail(
            NOT_A_DOCUMENT,
            format!("not an HTML document: {name} is gzip holding {kind}"),
        )),
        None => Ok(out),
    }
}
