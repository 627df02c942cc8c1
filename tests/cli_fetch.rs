//! `quire extract URL` against a local HTTP server on 127.0.0.1 (a std
//! `TcpListener` in a test thread): redirects and the final URL as the base,
//! the redirect limit, a slow body hitting `--timeout`, a 404, a 50 MB body
//! refused at the size cap without being read to its end, a charset given
//! only in the `Content-Type` header, and a body that is not HTML. Each
//! failure is one line on stderr and its documented exit code.
#![cfg(not(target_arch = "wasm32"))]

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Command, Output};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

fn quire(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quire"))
        .args(args)
        .output()
        .expect("run quire")
}

/// Asserts the exit code and one line on stderr containing `want`.
fn assert_fails(out: &Output, code: i32, want: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "stderr: {err}");
    assert_eq!(err.lines().count(), 1, "stderr is not one line: {err:?}");
    assert!(err.starts_with("quire: "), "{err:?}");
    assert!(err.contains(want), "{err:?} lacks {want:?}");
}

const PARA: &str = "<p>The river keeper walks the bank every morning, counting the herons, noting the height of the water and the colour of the reeds, and writing it all down in a notebook with a green cover.</p>";

fn article(extra: &str) -> String {
    format!(
        "<html><head><title>Keeper</title></head><body><article>{extra}{}</article></body></html>",
        PARA.repeat(8)
    )
}

/// A server answering every connection with `handler(path, stream)` on its
/// own thread; returns its base URL.
fn serve(handler: fn(&str, &mut TcpStream)) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().expect("clone"));
                // A TLS handshake (record type 0x16) gets what a plain
                // HTTP server answers to it.
                if reader.fill_buf().is_ok_and(|b| b.first() == Some(&0x16)) {
                    let _ =
                        stream.write_all(b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
                    return;
                }
                let mut request = String::new();
                if reader.read_line(&mut request).is_err() {
                    return;
                }
                // The rest of the request head.
                let mut line = String::new();
                while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                    line.clear();
                }
                let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
                handler(&path, &mut stream);
            });
        }
    });
    base
}

fn respond(stream: &mut TcpStream, status: &str, headers: &str, body: &[u8]) {
    let head = format!(
        "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body);
}

fn pages(path: &str, s: &mut TcpStream) {
    let html = "Content-Type: text/html; charset=utf-8\r\n";
    match path {
        "/start" => respond(s, "302 Found", "Location: /hop\r\n", b""),
        "/hop" => respond(
            s,
            "301 Moved Permanently",
            "Location: /news/final.html\r\n",
            b"",
        ),
        "/news/final.html" => {
            let page = article("<p><a href=\"next.html\">the next story</a> is about herons.</p>");
            respond(s, "200 OK", html, page.as_bytes());
        }
        "/loop" => respond(s, "302 Found", "Location: /loop\r\n", b""),
        "/pdf" => respond(
            s,
            "200 OK",
            "Content-Type: application/pdf\r\n",
            b"%PDF-1.4",
        ),
        "/cyrillic" => {
            // The charset only in the header: no <meta>, no BOM.
            let page = article("<p>Смотритель реки считает цапель каждое утро.</p>");
            let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&page);
            respond(
                s,
                "200 OK",
                "Content-Type: text/html; charset=windows-1251\r\n",
                &bytes,
            );
        }
        "/slow" => {
            let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<html><body>");
            thread::sleep(Duration::from_secs(20));
        }
        _ => respond(s, "404 Not Found", html, b"<p>no such page</p>"),
    }
}

#[test]
fn redirects_are_followed_and_the_final_url_is_the_base() {
    let base = serve(pages);
    let out = quire(&["extract", &format!("{base}/start"), "--format", "html"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = String::from_utf8_lossy(&out.stdout);
    assert!(
        html.contains(&format!("href=\"{base}/news/next.html\"")),
        "the link is not resolved against the final URL: {html}"
    );
}

#[test]
fn a_redirect_loop_stops_at_the_limit() {
    let base = serve(pages);
    let out = quire(&["extract", &format!("{base}/loop"), "--max-redirects", "3"]);
    assert_fails(&out, 7, "too many redirects");
}

#[test]
fn a_404_is_one_line_with_the_status() {
    let base = serve(pages);
    assert_fails(
        &quire(&["extract", &format!("{base}/gone")]),
        7,
        "HTTP status 404",
    );
}

#[test]
fn a_slow_body_hits_the_timeout() {
    let base = serve(pages);
    let start = Instant::now();
    let out = quire(&["extract", &format!("{base}/slow"), "--timeout", "1"]);
    assert_fails(&out, 7, "timed out");
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn a_non_html_body_exits_6() {
    let base = serve(pages);
    assert_fails(&quire(&["extract", &format!("{base}/pdf")]), 6, "not HTML");
}

#[test]
fn the_header_charset_decodes_the_page() {
    let base = serve(pages);
    let out = quire(&["extract", &format!("{base}/cyrillic"), "--format", "text"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("UTF-8 out");
    assert!(text.contains("Смотритель реки считает цапель"), "{text}");
    assert!(!text.contains('\u{fffd}'));
}

#[test]
fn an_unresolvable_host_is_one_line() {
    let out = quire(&[
        "extract",
        "http://quire-test-host.invalid/page",
        "--timeout",
        "5",
    ]);
    assert_fails(&out, 7, "quire-test-host.invalid");
    assert!(String::from_utf8_lossy(&out.stderr).contains("DNS"));
}

#[test]
fn a_tls_failure_is_one_line() {
    // TLS spoken to a plain-HTTP server.
    let base = serve(pages).replace("http://", "https://");
    let out = quire(&["extract", &format!("{base}/start"), "--timeout", "5"]);
    assert_fails(&out, 7, "TLS");
}

#[test]
fn a_refused_connection_is_one_line() {
    // A port just bound and released: nothing listens there.
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let out = quire(&["extract", &format!("http://127.0.0.1:{port}/")]);
    assert_fails(&out, 7, "cannot connect");
}

/// How many bytes the 50 MB server got out before the client hung up.
static SENT: std::sync::Mutex<Option<mpsc::Sender<usize>>> = std::sync::Mutex::new(None);

const FIFTY_MB: usize = 50 << 20;

fn huge(path: &str, s: &mut TcpStream) {
    // No Content-Length: the size is known only by reading.
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n";
    let declared = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {FIFTY_MB}\r\nConnection: close\r\n\r\n"
    );
    let _ = s.write_all(if path == "/declared" {
        declared.as_bytes()
    } else {
        head.as_bytes()
    });
    let chunk = "<p>filler text of a page far too long to keep. </p>".repeat(1300);
    let mut sent = 0;
    while sent < FIFTY_MB {
        if s.write_all(chunk.as_bytes()).is_err() {
            break;
        }
        sent += chunk.len();
    }
    if let Some(tx) = SENT.lock().expect("lock").as_ref() {
        let _ = tx.send(sent);
    }
}

#[test]
fn a_50_mb_body_is_refused_at_the_cap_without_reading_it_all() {
    let (tx, rx) = mpsc::channel();
    *SENT.lock().expect("lock") = Some(tx);
    let base = serve(huge);
    // The default cap (32 MiB, the core's input limit), body streamed.
    let out = quire(&["extract", &format!("{base}/stream")]);
    assert_fails(&out, 7, "too large");
    let sent = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("server done");
    assert!(
        sent < FIFTY_MB,
        "the client read the whole 50 MB ({sent} bytes sent)"
    );
    // A lower cap, set by flag: the client stops after about 1 MB.
    let out = quire(&[
        "extract",
        &format!("{base}/stream"),
        "--max-bytes",
        "1000000",
    ]);
    assert_fails(&out, 7, "over 1000000 bytes");
    let sent = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("server done");
    assert!(sent < 16 << 20, "{sent} bytes sent for a 1 MB cap");
    // A Content-Length over the cap is refused before the body is read.
    let out = quire(&["extract", &format!("{base}/declared")]);
    assert_fails(&out, 7, "too large");
}
