//! `quire batch --format html`: an article as a standalone page to read
//! offline, with the reader's typography (the extension's reader styles:
//! extension/ui/styles.js) in one inline stylesheet, no scripts (a
//! Content-Security-Policy forbids them too), and the article's `content`
//! as the library sanitised it.

use quire::output::safe_url;
use quire::Article;

/// The reader's typography and light/dark colours, self-contained.
const STYLE: &str = r#":root {
  --serif: Charter, "Bitstream Charter", "Iowan Old Style", Georgia, "Noto Serif", "DejaVu Serif", serif;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
  --mono: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace;
  --bg: #f8f6f1; --fg: #1d1c1a; --muted: #57534b; --rule: #d9d3c7;
  --link: #1f4e8c; --accent: #8a3f10; --code-bg: #efebe2;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root { --bg: #1c1d1f; --fg: #e4e2dd; --muted: #b0aca3; --rule: #45474b;
    --link: #8fb8ff; --accent: #e8ad7c; --code-bg: #26282b; }
}
html { background: var(--bg); color: var(--fg); }
body { margin: 0; font: 400 19px / 1.65 var(--serif); text-rendering: optimizeLegibility; }
.page { box-sizing: border-box; max-width: calc(56ch + 48px); margin: 0 auto; padding: 40px 24px 80px; }
.site { margin: 0 0 8px; font: 600 13px / 1.4 var(--sans); letter-spacing: 0.06em;
  text-transform: uppercase; color: var(--accent); }
h1.title { margin: 0 0 12px; font: 700 1.75em / 1.2 var(--serif); letter-spacing: -0.01em; text-wrap: balance; }
.meta { margin: 0 0 32px; padding-bottom: 20px; border-bottom: 1px solid var(--rule);
  font: 400 15px / 1.5 var(--sans); color: var(--muted); }
.meta > * + *::before { content: "·"; margin: 0 0.5em; }
.lead { margin: 0 0 32px; }
.lead img { display: block; width: 100%; height: auto; border-radius: 2px; }
.content { overflow-wrap: break-word; }
.content > :first-child { margin-top: 0; }
.content p, .content ul, .content ol, .content dl, .content blockquote, .content pre,
.content .table-scroll, .content figure { margin: 0 0 1.2em; }
.content ul, .content ol { padding-inline-start: 1.6em; }
.content li { margin: 0 0 0.4em; }
.content h2, .content h3, .content h4, .content h5, .content h6 { line-height: 1.3; margin: 1.8em 0 0.6em; }
.content h2 { font-size: 1.4em; }
.content h3 { font-size: 1.2em; }
.content h4, .content h5, .content h6 { font-size: 1em; }
.content a { color: var(--link); text-underline-offset: 0.15em; }
.content img, .content video, .content picture { max-width: 100%; height: auto; }
.content figure { margin-inline: 0; }
.content figure img { display: block; margin: 0 auto; }
.content figcaption { margin-top: 8px; font: 400 0.8em / 1.5 var(--sans); color: var(--muted); }
.content blockquote { margin-inline: 0; padding-inline-start: 1em; border-inline-start: 3px solid var(--rule);
  color: var(--muted); font-style: italic; }
.content pre, .content code, .content kbd, .content samp { font-family: var(--mono); font-size: 0.85em; }
.content pre code { font-size: 1em; }
.content :not(pre) > code { padding: 0.1em 0.3em; border-radius: 3px; background: var(--code-bg); }
.content pre { direction: ltr; text-align: left; white-space: pre; overflow-x: auto; tab-size: 4;
  line-height: 1.5; padding: 1em; background: var(--code-bg); border-radius: 4px; }
.content .table-scroll { overflow-x: auto; }
.content table { border-collapse: collapse; font-size: 0.9em; line-height: 1.45; }
.content th, .content td { border: 1px solid var(--rule); padding: 0.35em 0.65em; text-align: start; vertical-align: top; }
.content hr { border: 0; border-top: 1px solid var(--rule); margin: 2em 0; }
@media print { html { background: #fff; color: #000; } .page { max-width: none; padding: 0; } }
"#;

/// `s` escaped for HTML text and double-quoted attribute values.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A language or direction value kept only when it is a plain token.
fn token(v: Option<&str>) -> Option<&str> {
    v.filter(|v| {
        !v.is_empty() && v.len() <= 35 && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    })
}

/// The standalone page of `article`, fetched from or saved at `source`.
pub fn standalone(article: &Article, source: &str) -> String {
    let title = article.title.as_deref().unwrap_or("Untitled");
    let lang = token(article.lang.as_deref())
        .map(|l| format!(" lang=\"{l}\""))
        .unwrap_or_default();
    let dir = token(article.dir.as_deref())
        .filter(|d| matches!(*d, "ltr" | "rtl" | "auto"))
        .map(|d| format!(" dir=\"{d}\""))
        .unwrap_or_default();
    let mut meta = Vec::new();
    if let Some(byline) = &article.byline {
        meta.push(format!("<span>{}</span>", escape(byline)));
    }
    if let Some(date) = &article.published_time {
        // The day of an ISO 8601 date-time ("2015-03-10T08:05:41-07:00").
        let day = date.get(..10).filter(|d| {
            d.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            })
        });
        let shown = day.unwrap_or(date);
        meta.push(format!(
            "<time datetime=\"{}\">{}</time>",
            escape(date),
            escape(shown)
        ));
    }
    meta.push(format!("<span>{} min read</span>", article.reading_minutes));
    let site = article
        .site_name
        .as_deref()
        .map(|s| format!("<p class=\"site\">{}</p>\n", escape(s)))
        .unwrap_or_default();
    let lead = article
        .lead_image
        .as_deref()
        .filter(|u| safe_url("src", u) && !article.content.contains(&escape(u)))
        .map(|u| {
            format!(
                "<figure class=\"lead\"><img src=\"{}\" alt=\"\"></figure>\n",
                escape(u)
            )
        })
        .unwrap_or_default();
    format!(
        "<!DOCTYPE html>\n<html{lang}{dir}>\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src * data:; media-src *; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"quire {version}\">\n\
         <meta name=\"source\" content=\"{source}\">\n\
         <title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main class=\"page\">\n\
         {site}<h1 class=\"title\">{title}</h1>\n<p class=\"meta\">{meta}</p>\n{lead}\
         <article class=\"content\">\n{content}\n</article>\n</main>\n</body>\n</html>\n",
        version = env!("CARGO_PKG_VERSION"),
        source = escape(source),
        title = escape(title),
        meta = meta.join(""),
        content = article.content,
    )
}
