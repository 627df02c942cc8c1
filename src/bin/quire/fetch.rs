//! `quire extract URL`: the page fetched over HTTP(S) with `ureq` and
//! rustls, with a redirect limit, a timeout, a size cap and a clear
//! User-Agent. Every failure is one line and exit code [`FETCH_FAILED`]
//! (or [`super::NOT_A_DOCUMENT`] when the server sends something that is not
//! HTML).

use std::time::Duration;

use ureq::ResponseExt;

use super::{Fail, NOT_A_DOCUMENT};

/// Exit code of a page that could not be fetched: DNS, connection, TLS,
/// timeout, HTTP status, too many redirects, too large.
pub const FETCH_FAILED: u8 = 7;

/// The User-Agent every request sends.
pub const USER_AGENT: &str = concat!(
    "quire/",
    env!("CARGO_PKG_VERSION"),
    " (reader-mode article extractor; command-line tool)"
);

/// How a page is fetched.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// The whole fetch, redirects and body included, must end within this.
    pub timeout: Duration,
    /// A body longer than this is refused (and read no further).
    pub max_bytes: u64,
    /// Redirects followed before giving up.
    pub max_redirects: u32,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout: Duration::from_secs(30),
            max_bytes: quire::Limits::default().max_input_bytes as u64,
            max_redirects: 10,
        }
    }
}

/// A fetched page: its bytes, the charset its `Content-Type` names and the
/// URL it was finally served from (after redirects).
#[derive(Debug)]
pub struct Fetched {
    /// The body, decompressed when the server sent it gzipped.
    pub body: Vec<u8>,
    /// The `charset` parameter of the `Content-Type`.
    pub charset: Option<String>,
    /// The URL after redirects: the base for the page's links.
    pub final_url: String,
}

/// Whether `source` is an `http:` or `https:` URL (any case).
pub fn is_url(source: &str) -> bool {
    let lower = source.get(..7).unwrap_or(source).to_ascii_lowercase();
    lower.starts_with("http://") || is_https(source)
}

fn is_https(url: &str) -> bool {
    url.get(..8)
        .is_some_and(|s| s.eq_ignore_ascii_case("https://"))
}

/// Fetches `url`.
pub fn fetch(url: &str, opts: &FetchOptions) -> Result<Fetched, Fail> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(opts.timeout))
        .max_redirects(opts.max_redirects)
        .user_agent(USER_AGENT)
        .http_status_as_error(true)
        .build()
        .into();
    let mut resp = agent
        .get(url)
        .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
        .call()
        .map_err(|e| fetch_error(url, opts, e))?;
    let final_url = resp.get_uri().to_string();
    let content_type = resp
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    if let Some(ct) = &content_type {
        let mime = ct
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        if !mime.is_empty() && mime != "text/html" && mime != "application/xhtml+xml" {
            return Err(Fail(
                NOT_A_DOCUMENT,
                format!("not HTML: {final_url} is {mime}"),
            ));
        }
    }
    let declared = resp
        .headers()
        .get("content-length")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > opts.max_bytes) {
        return Err(too_large(url, opts.max_bytes));
    }
    let body = resp
        .body_mut()
        .with_config()
        .limit(opts.max_bytes)
        .read_to_vec()
        .map_err(|e| fetch_error(url, opts, e))?;
    let charset = content_type
        .as_deref()
        .and_then(quire::decode::charset_from_content_type)
        .map(str::to_string);
    Ok(Fetched {
        body,
        charset,
        final_url,
    })
}

fn too_large(url: &str, max: u64) -> Fail {
    Fail(
        FETCH_FAILED,
        format!("too large: {url} is over {max} bytes (--max-bytes)"),
    )
}

/// One line for each way a fetch fails.
fn fetch_error(url: &str, opts: &FetchOptions, e: ureq::Error) -> Fail {
    use ureq::Error as E;
    let host = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest)
        .split(['/', '?', '#'])
        .next()
        .unwrap_or(url);
    let msg = match e {
        E::StatusCode(code) => format!("HTTP status {code} from {url}"),
        E::HostNotFound => format!("DNS: cannot resolve host {host}"),
        E::Timeout(_) => format!(
            "timed out after {} s fetching {url} (--timeout)",
            opts.timeout.as_secs_f64()
        ),
        E::TooManyRedirects => format!(
            "too many redirects (over {}) from {url}",
            opts.max_redirects
        ),
        E::BodyExceedsLimit(_) => return too_large(url, opts.max_bytes),
        E::Tls(m) => format!("TLS: {m} ({host})"),
        E::Rustls(m) => format!("TLS: {m} ({host})"),
        E::BadUri(m) => format!("bad URL {url}: {m}"),
        E::ConnectionFailed => format!("cannot connect to {host}"),
        E::Io(io) => {
            use std::io::ErrorKind as K;
            let text = io.to_string();
            match io.kind() {
                K::TimedOut | K::WouldBlock => format!(
                    "timed out after {} s fetching {url} (--timeout)",
                    opts.timeout.as_secs_f64()
                ),
                // std's message for a failed getaddrinfo.
                _ if text.contains("lookup address") => {
                    format!("DNS: cannot resolve host {host}: {text}")
                }
                // rustls reports through the stream as invalid data.
                K::InvalidData if is_https(url) => format!("TLS: {text} ({host})"),
                K::ConnectionRefused | K::ConnectionReset | K::ConnectionAborted => {
                    format!("cannot connect to {host}: {text}")
                }
                _ => format!("cannot fetch {url}: {text}"),
            }
        }
        other => format!("cannot fetch {url}: {other}"),
    };
    Fail(FETCH_FAILED, msg.replace(['\n', '\r'], " "))
}
