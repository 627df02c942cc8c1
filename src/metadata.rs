//! Phase 2, metadata: title, byline, site name, date, language, direction,
//! excerpt and lead image, from JSON-LD, `<meta>` tags and the document.
//!
//! The order of sources follows Readability.js 0.6 (`_getJSONLD`,
//! `_getArticleMetadata`, `_getArticleTitle`): JSON-LD first, then the
//! Dublin Core, Open Graph, Twitter, Parse.ly and Weibo `<meta>` tags, then
//! the `<title>` with its site name cut off. On top of that, bylines are
//! cleaned to names only ([`clean_byline`]) and dates are normalised to
//! ISO 8601 ([`normalize_date`]).

use std::collections::HashMap;

use serde_json::Value;

use crate::dom::{Dom, NodeId};
use crate::link::{absolutize, Url};
use crate::patterns;
use crate::text::text_similarity;
use crate::text::{lower, normalize_ws};

/// Everything the metadata phase finds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    /// Headline without the site-name suffix.
    pub title: Option<String>,
    /// Author names, without "By".
    pub byline: Option<String>,
    /// Publication name.
    pub site_name: Option<String>,
    /// Publication time, ISO 8601 where the page gives it so.
    pub published_time: Option<String>,
    /// Page language.
    pub lang: Option<String>,
    /// `"ltr"` or `"rtl"`.
    pub dir: Option<String>,
    /// Description.
    pub excerpt: Option<String>,
    /// Absolute lead image URL.
    pub lead_image: Option<String>,
}

/// Facts taken from the first JSON-LD `Article`-like object.
#[derive(Debug, Default)]
struct JsonLd {
    title: Option<String>,
    byline: Option<String>,
    site_name: Option<String>,
    published: Option<String>,
    excerpt: Option<String>,
    image: Option<String>,
}

/// Collects the page's metadata. Runs before `prepare`, so scripts
/// (JSON-LD) and `<head>` are still there.
pub fn collect(dom: &Dom, base: Option<&Url>) -> Metadata {
    let root = dom.document();
    let values = readability_meta_values(dom);
    let others = other_meta_values(dom);
    let get = |keys: &[&str]| -> Option<String> {
        keys.iter()
            .filter_map(|k| values.get(*k))
            .map(|v| normalize_ws(&unescape_html_entities(v)))
            .find(|v| !v.is_empty())
    };
    let get_other = |keys: &[&str]| -> Option<String> {
        keys.iter()
            .filter_map(|k| others.get(*k))
            .map(|v| normalize_ws(&unescape_html_entities(v)))
            .find(|v| !v.is_empty())
    };

    let doc_title = dom
        .find_tag(root, "title")
        .map(|t| normalize_ws(&dom.text_content(t)))
        .unwrap_or_default();
    let html_title = article_title(dom, &doc_title);
    let ld = json_ld(dom, html_title.as_deref().unwrap_or(""));

    let title = ld
        .title
        .clone()
        .or_else(|| {
            get(&[
                "dc:title",
                "dcterm:title",
                "og:title",
                "weibo:article:title",
                "weibo:webpage:title",
                "title",
                "twitter:title",
                "parsely-title",
            ])
        })
        .or(html_title)
        .filter(|t| !t.is_empty());

    let byline = ld
        .byline
        .clone()
        .or_else(|| get(&["dc:creator", "dcterm:creator", "author", "parsely-author"]))
        .or_else(|| get(&["article:author"]).filter(|a| !looks_like_url(a)))
        .and_then(|b| clean_byline(&b));

    let site_name = ld.site_name.clone().or_else(|| get(&["og:site_name"]));
    let stated = ld
        .published
        .clone()
        .or_else(|| get(&["article:published_time", "parsely-pub-date"]))
        .or_else(|| get_other(&["datepublished", "article:published", "pubdate"]));
    let shown = article_time(dom);
    let published_time = match (stated, shown) {
        (Some(stated), Some((datetime, text))) => {
            Some(as_shown(&stated, &datetime, &text).unwrap_or_else(|| normalize_date(&stated)))
        }
        (Some(stated), None) => Some(normalize_date(&stated)),
        (None, Some((datetime, _))) => Some(normalize_date(&datetime)),
        (None, None) => None,
    };
    let excerpt = ld.excerpt.clone().or_else(|| {
        get(&[
            "dc:description",
            "dcterm:description",
            "og:description",
            "weibo:article:description",
            "weibo:webpage:description",
            "description",
            "twitter:description",
        ])
    });
    let lead_image = ld
        .image
        .clone()
        .or_else(|| {
            get_other(&[
                "og:image:secure_url",
                "og:image:url",
                "og:image",
                "twitter:image",
                "twitter:image:src",
                "image",
            ])
        })
        .map(|u| absolutize(base, &u));

    let html = dom.find_tag(root, "html");
    let body = dom.find_tag(root, "body");
    let lang = html
        .and_then(|h| dom.attr(h, "lang"))
        .map(str::to_string)
        .or_else(|| get_other(&["og:locale"]).map(|l| l.replace('_', "-")))
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty());
    let dir = [body, html]
        .into_iter()
        .flatten()
        .find_map(|n| dir_attr(dom, n))
        .or_else(|| lang.as_deref().map(dir_of_lang));

    Metadata {
        title,
        byline,
        site_name,
        published_time,
        lang,
        dir,
        excerpt,
        lead_image,
    }
}

/// The `dir` attribute of `node` when it is `ltr` or `rtl`.
fn dir_attr(dom: &Dom, node: NodeId) -> Option<String> {
    dom.attr(node, "dir")
        .map(|d| d.trim().to_ascii_lowercase())
        .filter(|d| d == "rtl" || d == "ltr")
}

/// The first image of the article under `root` worth showing as its lead
/// image, as an absolute URL: not a `data:` URL, and not declared smaller
/// than `LEAD_IMAGE_MIN_SIZE` pixels on a side, not hidden from
/// screen readers and not classed as an icon, formula or avatar.
/// For pages that name no lead image in their metadata.
pub fn first_image(dom: &Dom, root: NodeId, base: Option<&Url>) -> Option<String> {
    let small = |n: NodeId, attr: &str| {
        dom.attr(n, attr)
            .and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok())
            .is_some_and(|v| v < patterns::LEAD_IMAGE_MIN_SIZE)
    };
    let decorative = |n: NodeId| {
        dom.attr(n, "aria-hidden") == Some("true")
            || patterns::contains_any(&lower(&dom.class_and_id(n)), patterns::NOT_LEAD_IMAGE)
    };
    dom.descendants(root)
        .filter(|&n| {
            dom.tag(n) == "img" && !small(n, "width") && !small(n, "height") && !decorative(n)
        })
        .filter_map(|n| {
            dom.attr(n, "srcset")
                .and_then(largest_in_srcset)
                .or_else(|| dom.attr(n, "src").map(|s| s.trim().to_string()))
        })
        .find(|src| !src.is_empty() && !src.starts_with("data:"))
        .map(|src| absolutize(base, &src))
}

/// The URL of the widest (or densest) candidate of a `srcset`, parsed as
/// the HTML spec does: a URL runs to whitespace (commas may be inside it),
/// its descriptors run to the next comma.
pub fn largest_in_srcset(srcset: &str) -> Option<String> {
    let mut best: Option<(f64, String)> = None;
    let mut rest = srcset;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
        if rest.is_empty() {
            break;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (url, after) = rest.split_at(end);
        let (url, descriptors, next) = if url.ends_with(',') {
            (url.trim_end_matches(','), "", after)
        } else {
            let d_end = after.find(',').unwrap_or(after.len());
            (url, &after[..d_end], &after[d_end..])
        };
        let size = descriptors
            .split_whitespace()
            .find_map(|d| {
                d.strip_suffix('w')
                    .or_else(|| d.strip_suffix('x'))
                    .and_then(|v| v.parse::<f64>().ok())
            })
            .unwrap_or(1.0);
        if !url.is_empty() && best.as_ref().is_none_or(|(b, _)| size > *b) {
            best = Some((size, url.to_string()));
        }
        rest = next;
    }
    best.map(|(_, url)| url)
}

/// The text direction stated on `node` or its nearest ancestor
/// (Readability reads it from the article's ancestors).
pub fn dir_of_ancestors(dom: &Dom, node: NodeId) -> Option<String> {
    std::iter::once(node)
        .chain(dom.ancestors(node))
        .filter(|&n| dom.is_element(n))
        .find_map(|n| dir_attr(dom, n))
}

/// `"rtl"` for languages written right to left (Arabic, Hebrew, Persian,
/// Urdu…), `"ltr"` otherwise.
pub fn dir_of_lang(lang: &str) -> String {
    let primary = lang
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if patterns::RTL_LANGS.contains(&primary.as_str()) {
        "rtl".to_string()
    } else {
        "ltr".to_string()
    }
}

fn looks_like_url(s: &str) -> bool {
    Url::parse(s).is_some_and(|u| u.has_host()) || s.starts_with('/')
}

/// Decodes the character references Readability decodes in metadata
/// (`&quot;` `&amp;` `&apos;` `&lt;` `&gt;` and numeric ones): many sites
/// escape their `<meta content>` twice. Invalid code points become U+FFFD;
/// anything else is left as it is.
pub fn unescape_html_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest[1..].find(';').map(|e| e + 1) else {
            break;
        };
        let body = &rest[1..end];
        let decoded = match body {
            "quot" => Some('"'),
            "amp" => Some('&'),
            "apos" => Some('\''),
            "lt" => Some('<'),
            "gt" => Some('>'),
            _ => numeric_reference(body),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `#123` or `#x1F62D` → the character (U+FFFD for 0, surrogates and
/// values past U+10FFFF); `None` when `body` is not a numeric reference.
fn numeric_reference(body: &str) -> Option<char> {
    let digits = body.strip_prefix('#')?;
    let (digits, radix) = match digits.strip_prefix(['x', 'X']) {
        Some(hex) => (hex, 16),
        None => (digits, 10),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let n = u32::from_str_radix(digits, radix).unwrap_or(u32::MAX);
    Some(char::from_u32(n).filter(|_| n != 0).unwrap_or('\u{fffd}'))
}

/// Cleans a byline to the author names: entities decoded, whitespace
/// collapsed, a leading "By" (or "Von", "Par", "Por", "by:"…) removed, and
/// whatever follows the names cut off (a date, "| Staff", "· Photos by…").
/// Returns `None` when nothing name-like is left (e.g. only a date).
pub fn clean_byline(raw: &str) -> Option<String> {
    let text = normalize_ws(&unescape_html_entities(raw));
    let mut tokens: Vec<&str> = text.split(' ').filter(|t| !t.is_empty()).collect();

    // A credit word among the first few tokens: "By Ann Lee", "Words by Ann
    // Lee", "Tech Industry by Ann Lee". Only "by" may stand after other words.
    let is_prefix = |t: &str, remaining: usize| {
        let w = t.trim_end_matches(':').to_lowercase();
        patterns::BYLINE_PREFIXES.contains(&w.as_str())
            && (remaining >= 2 || !patterns::BYLINE_PREFIXES_AMBIGUOUS.contains(&w.as_str()))
            && remaining >= 1
    };
    if let Some(i) = tokens.iter().take(4).enumerate().position(|(i, t)| {
        let remaining = tokens.len() - i - 1;
        if i == 0 {
            is_prefix(t, remaining)
        } else {
            // "Ann Lee, photos by Bo Lin": the credit after the names is cut below.
            let credit = tokens[i - 1]
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            t.trim_end_matches(':').eq_ignore_ascii_case("by")
                && remaining >= 1
                && !(i >= 2 && patterns::NON_AUTHOR_CREDITS.contains(&credit.as_str()))
        }
    }) {
        tokens.drain(..=i);
    }

    // Cut at the first token that ends the names.
    let cut = tokens
        .iter()
        .enumerate()
        .position(|(i, t)| ends_names(t, tokens.get(i + 1).copied()))
        .unwrap_or(tokens.len());
    tokens.truncate(cut);

    let joined = tokens.join(" ");
    let trimmed = joined.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '|' | '-' | '–' | '—' | '·' | '•')
    });
    if trimmed.chars().any(char::is_alphabetic) {
        Some(trimmed.to_string())
    } else {
        None
    }
}

/// True if `token` (followed by `next`) starts what comes after the names
/// in a byline: a separator, a number, a month followed by a number, or a
/// word such as "Updated".
fn ends_names(token: &str, next: Option<&str>) -> bool {
    let bare = token.trim_matches(|c: char| !c.is_alphanumeric());
    let low = bare.to_lowercase();
    let starts_digit = |t: &str| t.chars().next().is_some_and(|c| c.is_ascii_digit());
    patterns::BYLINE_STOP_TOKENS.contains(&token)
        || token.starts_with('@')
        || token.starts_with('|')
        || starts_digit(bare)
        || (patterns::MONTHS.contains(&low.as_str()) && next.is_some_and(starts_digit))
        || patterns::BYLINE_DATE_WORDS.contains(&low.as_str())
        || (low == "last" && next.is_some_and(|n| n.to_lowercase().starts_with("updated")))
        || next.is_some_and(|n| n.eq_ignore_ascii_case("by"))
}

/// The byline text of a byline element: the text of a descendant with
/// `itemprop="name"` if there is one (Readability), otherwise the element's
/// text without `<time>` elements and parts whose class or id names a job
/// title, date or photo. Returned raw; see [`clean_byline`].
pub fn byline_text(dom: &Dom, node: NodeId) -> String {
    if let Some(name) = dom
        .descendants(node)
        .skip(1)
        .find(|&d| dom.attr(d, "itemprop").is_some_and(|v| v.contains("name")))
    {
        let t = dom.text_content(name);
        if !t.trim().is_empty() {
            return t;
        }
    }
    let mut out = String::new();
    collect_byline_text(dom, node, &mut out, true);
    // Lines (`<br>`) after the names hold a role or affiliation: keep the
    // first line with a name in it ("By" alone on a line does not count).
    let named = out.lines().find(|line| {
        clean_byline(line).is_some_and(|c| {
            let low = c.trim_end_matches(':').to_lowercase();
            !patterns::BYLINE_PREFIXES.contains(&low.as_str())
        })
    });
    named.unwrap_or(&out).to_string()
}

fn collect_byline_text(dom: &Dom, node: NodeId, out: &mut String, top: bool) {
    if let Some(t) = dom.text(node) {
        out.push_str(&t.replace('\n', " "));
        return;
    }
    if dom.is_element(node) && dom.tag(node) == "br" {
        out.push('\n');
        return;
    }
    if !top && dom.is_element(node) {
        let class = lower(&dom.class_and_id(node));
        if dom.tag(node) == "time" || patterns::contains_any(&class, patterns::BYLINE_NOISE) {
            out.push(' ');
            return;
        }
    }
    for c in dom.children(node) {
        collect_byline_text(dom, c, out, false);
    }
    if dom.is_element(node) && patterns::is_one_of(dom.tag(node), patterns::BLOCK_ELEMS) {
        out.push(' ');
    }
}

/// Normalises a date to ISO 8601 where it nearly is one: `T` between date
/// and time, a `+hhmm` offset written `+hh:mm`. Anything else is returned
/// trimmed, as the page states it.
pub fn normalize_date(raw: &str) -> String {
    let s = raw.trim();
    let b = s.as_bytes();
    let is_date = b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit);
    if !is_date {
        return s.to_string();
    }
    let mut out = s.to_string();
    if out.len() > 10
        && out.as_bytes()[10] == b' '
        && out[11..].starts_with(|c: char| c.is_ascii_digit())
    {
        out.replace_range(10..11, "T");
    }
    // "+0400" / "-0400" at the end → "+04:00".
    let ob = out.as_bytes();
    let n = ob.len();
    if n > 16
        && matches!(ob[n - 5], b'+' | b'-')
        && ob[n - 4..].iter().all(u8::is_ascii_digit)
        && out[..n - 5].contains('T')
    {
        out.insert(n - 2, ':');
    }
    out
}

/// The article's own `<time datetime>` and its visible text: the first one
/// marked as the publication time (`itemprop=datePublished`, a class with
/// "publish"), else the first outside navigation, asides, footers and lists.
fn article_time(dom: &Dom) -> Option<(String, String)> {
    let body = dom.find_tag(dom.document(), "body")?;
    let times: Vec<NodeId> = dom
        .descendants(body)
        .filter(|&n| {
            dom.tag(n) == "time"
                && dom
                    .attr(n, "datetime")
                    .is_some_and(|d| !d.trim().is_empty())
        })
        .collect();
    let marked = times.iter().copied().find(|&t| {
        dom.attr(t, "itemprop")
            .is_some_and(|v| v.contains("datePublished"))
            || lower(&dom.class_and_id(t)).contains("publish")
    });
    let plain = || {
        times.iter().copied().find(|&t| {
            let tags: Vec<&str> = dom.ancestors(t).map(|a| dom.tag(a)).collect();
            let footer = tags.iter().position(|&a| a == "footer");
            let article = tags.iter().position(|&a| a == "article");
            let in_page_footer = footer.is_some_and(|f| article.is_none_or(|a| a < f));
            !in_page_footer
                && !tags
                    .iter()
                    .any(|a| patterns::is_one_of(a, patterns::NOT_ARTICLE_TIME_ANCESTORS))
        })
    };
    let t = marked.or_else(plain)?;
    Some((
        dom.attr(t, "datetime").unwrap_or("").trim().to_string(),
        normalize_ws(&dom.text_content(t)),
    ))
}

/// A point in time as written: date, optional wall-clock time and optional
/// UTC offset, all in minutes.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Stamp {
    /// Days since 1970-01-01 of the written date.
    days: i64,
    /// Minutes since midnight of the written time, if any.
    minutes: Option<i64>,
    /// Seconds part as written (kept when re-expressing).
    seconds: u32,
    /// UTC offset in minutes, if written (`Z` is 0).
    offset: Option<i64>,
}

impl Stamp {
    /// Parses `YYYY-MM-DD[(T| )HH:MM[:SS[.fff]]][Z|±HH[:]MM]`.
    fn parse(s: &str) -> Option<Stamp> {
        let s = s.trim();
        let num = |t: &str| t.parse::<i64>().ok();
        let (y, m, d) = (num(s.get(0..4)?)?, num(s.get(5..7)?)?, num(s.get(8..10)?)?);
        if s.get(4..5)? != "-"
            || s.get(7..8)? != "-"
            || !(1..=12).contains(&m)
            || !(1..=31).contains(&d)
        {
            return None;
        }
        let days = days_from_civil(y, m, d);
        let rest = &s[10..];
        if rest.is_empty() {
            return Some(Stamp {
                days,
                minutes: None,
                seconds: 0,
                offset: None,
            });
        }
        let rest = rest.strip_prefix(['T', ' '])?;
        let (hh, mm) = (num(rest.get(0..2)?)?, num(rest.get(3..5)?)?);
        if rest.get(2..3)? != ":" || hh > 23 || mm > 59 {
            return None;
        }
        let mut rest = &rest[5..];
        let mut seconds = 0;
        if let Some(r) = rest.strip_prefix(':') {
            seconds = r.get(0..2).and_then(|t| t.parse().ok())?;
            rest = r[2..].trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
        }
        let offset = match rest {
            "" => None,
            "Z" | "z" => Some(0),
            _ => {
                let sign = match rest.as_bytes()[0] {
                    b'+' => 1,
                    b'-' => -1,
                    _ => return None,
                };
                let digits: String = rest[1..].chars().filter(|c| *c != ':').collect();
                if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                Some(sign * (num(&digits[0..2])? * 60 + num(&digits[2..4])?))
            }
        };
        Some(Stamp {
            days,
            minutes: Some(hh * 60 + mm),
            seconds,
            offset,
        })
    }

    /// Minutes since the epoch in UTC, when time and offset are known.
    fn utc(&self) -> Option<i64> {
        Some(self.days * 1440 + self.minutes? - self.offset?)
    }

    /// `utc` re-expressed at `offset`, as ISO 8601.
    fn format_at(utc: i64, seconds: u32, offset: i64) -> String {
        let local = utc + offset;
        let (days, mins) = (local.div_euclid(1440), local.rem_euclid(1440));
        let (y, m, d) = civil_from_days(days);
        let sign = if offset < 0 { '-' } else { '+' };
        format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{seconds:02}{sign}{:02}:{:02}",
            mins / 60,
            mins % 60,
            offset.abs() / 60,
            offset.abs() % 60
        )
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

/// A clock time in visible text ("6:20 PM", "6:00 a.m.", "18:20"), in
/// minutes since midnight.
fn visible_clock(text: &str) -> Option<i64> {
    let low = text.to_lowercase();
    let b = low.as_bytes();
    for (i, _) in low.match_indices(':') {
        let h_start = low[..i]
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .len();
        let hours = low[h_start..i].parse::<i64>().ok();
        let mins = low.get(i + 1..i + 3).and_then(|m| m.parse::<i64>().ok());
        let (Some(hours), Some(mins), true) = (hours, mins, i - h_start <= 2) else {
            continue;
        };
        if b.get(i + 3).is_some_and(u8::is_ascii_digit) || hours > 23 || mins > 59 {
            continue;
        }
        let after: String = low[i + 3..]
            .chars()
            .filter(|c| !matches!(c, '.' | ' '))
            .take(2)
            .collect();
        let hours = match after.as_str() {
            "am" if hours == 12 => 0,
            "pm" if hours < 12 => hours + 12,
            _ => hours,
        };
        return Some(hours * 60 + mins);
    }
    None
}

/// The publication time as the article shows it, when the page's metadata
/// (`stated`) and the article's `<time>` (`datetime`, visible `text`) name
/// the same moment: a `<time>` without offset, or a visible clock, gives
/// the local time with its offset. `None` when they disagree or tell
/// nothing more.
fn as_shown(stated: &str, datetime: &str, text: &str) -> Option<String> {
    let m = Stamp::parse(stated)?;
    let t = Stamp::parse(datetime)?;
    let m_utc = m.utc()?;
    // A date-only <time> adds nothing to a stated time.
    let t_minutes = t.minutes?;
    let near = |diff: i64| diff.abs() <= 14 * 60 && diff % 15 == 0;
    match t.offset {
        None => {
            // Local wall-clock time: its offset is the distance to the stated instant.
            let diff = t.days * 1440 + t_minutes - m_utc;
            (near(diff) && Some(diff) != m.offset)
                .then(|| Stamp::format_at(m_utc, t.seconds.max(m.seconds), diff))
        }
        Some(_) if t.utc() == Some(m_utc) => {
            // Same instant; a visible clock gives the offset the reader sees.
            let clock = visible_clock(text)?;
            let shown_offset = (clock - m_utc.rem_euclid(1440) + 720).rem_euclid(1440) - 720;
            (near(shown_offset) && Some(shown_offset) != m.offset)
                .then(|| Stamp::format_at(m_utc, m.seconds, shown_offset))
        }
        Some(_) => None,
    }
}

/// `<meta>` values as Readability's `_getArticleMetadata` keys them:
/// `property` matched against `prefix:field` (first match of the attribute),
/// else `name` matched whole; lowercased, dots made colons. A later tag
/// overrides an earlier one with the same key.
fn readability_meta_values(dom: &Dom) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for m in dom
        .descendants(dom.document())
        .filter(|&n| dom.tag(n) == "meta")
    {
        let Some(content) = dom.attr(m, "content").filter(|c| !c.is_empty()) else {
            continue;
        };
        let content = content.trim().to_string();
        if let Some(key) = dom.attr(m, "property").and_then(property_key) {
            out.insert(key, content);
            continue;
        }
        if let Some(key) = dom.attr(m, "name").and_then(name_key) {
            out.insert(key, content);
        }
    }
    out
}

/// `og:article:author` → `article:author`; `dc:title og:title` → `dc:title`.
fn property_key(prop: &str) -> Option<String> {
    let low = prop.to_lowercase();
    for token in low.split_whitespace() {
        for (i, _) in token.match_indices(':') {
            let before = &token[..i];
            let after = &token[i + 1..];
            let prefix = patterns::META_PROPERTY_PREFIXES
                .iter()
                .filter(|p| before.ends_with(*p))
                .max_by_key(|p| p.len());
            let field = patterns::META_PROPERTY_FIELDS
                .iter()
                .find(|f| after.starts_with(*f));
            if let (Some(p), Some(f)) = (prefix, field) {
                return Some(format!("{p}:{f}"));
            }
        }
    }
    None
}

/// `DC.title` → `dc:title`; `parsely-author` → `parsely-author`; `author`.
fn name_key(name: &str) -> Option<String> {
    let key: String = name
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .replace('.', ":");
    let field_ok = |f: &str| patterns::META_NAME_FIELDS.contains(&f);
    if field_ok(&key) {
        return Some(key);
    }
    let ok = patterns::META_NAME_PREFIXES.iter().any(|p| {
        key.strip_prefix(p)
            .and_then(|r| r.strip_prefix([':', '-']))
            .is_some_and(field_ok)
    });
    ok.then_some(key)
}

/// Every `<meta>` by lowercased `property`, `name` or `itemprop` (first
/// one wins), for the fields Readability does not read (image, locale).
fn other_meta_values(dom: &Dom) -> HashMap<String, String> {
    let mut out: HashMap<String, String> = HashMap::new();
    for m in dom
        .descendants(dom.document())
        .filter(|&n| dom.tag(n) == "meta")
    {
        let Some(content) = dom.attr(m, "content").filter(|c| !c.trim().is_empty()) else {
            continue;
        };
        for attr in ["property", "name", "itemprop"] {
            if let Some(v) = dom.attr(m, attr) {
                for key in v.split_whitespace() {
                    out.entry(key.to_lowercase().replace('.', ":"))
                        .or_insert_with(|| content.to_string());
                }
            }
        }
    }
    out
}

fn json_ld(dom: &Dom, html_title: &str) -> JsonLd {
    let mut out = JsonLd::default();
    for s in dom
        .descendants(dom.document())
        .filter(|&n| dom.tag(n) == "script")
    {
        if !dom
            .attr(s, "type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        {
            continue;
        }
        let raw = dom.text_content(s);
        let raw = raw
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>");
        let Ok(v) = serde_json::from_str::<Value>(raw) else {
            continue;
        };
        if let Some(article) = find_article(&v, 0) {
            fill_from(article, html_title, &mut out);
            break;
        }
    }
    out
}

fn is_article(v: &Value) -> bool {
    let ok = |t: &str| patterns::JSON_LD_ARTICLE_TYPES.contains(&t);
    match v.get("@type") {
        Some(Value::String(t)) => ok(t),
        Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(ok)),
        _ => false,
    }
}

fn find_article(v: &Value, depth: usize) -> Option<&Value> {
    if depth > 4 {
        return None;
    }
    match v {
        Value::Array(items) => items.iter().find_map(|i| find_article(i, depth + 1)),
        Value::Object(map) => {
            if is_article(v) {
                return Some(v);
            }
            map.get("@graph")
                .or_else(|| map.get("mainEntity"))
                .and_then(|g| find_article(g, depth + 1))
        }
        _ => None,
    }
}

fn names_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if looks_like_url(s.trim()) => None,
        Value::String(s) => Some(normalize_ws(s)),
        Value::Object(m) => m.get("name").and_then(names_of),
        Value::Array(items) => {
            let names: Vec<String> = items
                .iter()
                .filter_map(names_of)
                .filter(|s| !s.is_empty())
                .collect();
            if names.is_empty() {
                None
            } else {
                Some(names.join(", "))
            }
        }
        _ => None,
    }
    .filter(|s| !s.is_empty())
}

fn image_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Object(m) => m
            .get("url")
            .or_else(|| m.get("contentUrl"))
            .and_then(Value::as_str)
            .map(|s| s.trim().to_string()),
        Value::Array(items) => items.iter().find_map(image_of),
        _ => None,
    }
    .filter(|s| !s.is_empty())
}

fn fill_from(a: &Value, html_title: &str, out: &mut JsonLd) {
    let s = |k: &str| {
        a.get(k)
            .and_then(Value::as_str)
            .map(|v| normalize_ws(&unescape_html_entities(v)))
            .filter(|s| !s.is_empty())
    };
    // Some sites put their own name in `name` and the headline in
    // `headline`: take the one that resembles the <title>, else `name`.
    out.title = match (s("name"), s("headline")) {
        (Some(name), Some(headline)) if name != headline => {
            let name_matches = text_similarity(&name, html_title) > 0.75;
            let headline_matches = text_similarity(&headline, html_title) > 0.75;
            if headline_matches && !name_matches {
                Some(headline)
            } else {
                Some(name)
            }
        }
        (name, headline) => name.or(headline),
    };
    out.byline = a
        .get("author")
        .and_then(names_of)
        .map(|b| unescape_html_entities(&b));
    out.site_name = a
        .get("publisher")
        .and_then(|p| p.get("name"))
        .and_then(Value::as_str)
        .map(|v| normalize_ws(&unescape_html_entities(v)))
        .filter(|v| !v.is_empty());
    out.published = s("datePublished");
    out.excerpt = s("description");
    out.image = a.get("image").and_then(image_of);
}

/// Words as Readability counts them in titles.
fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Positions of title separators with whitespace on both sides.
fn separator_positions(title: &str) -> Vec<(usize, char)> {
    title
        .char_indices()
        .filter(|&(i, c)| {
            patterns::TITLE_SEPARATORS.contains(&c)
                && title[..i].ends_with(char::is_whitespace)
                && title[i + c.len_utf8()..].starts_with(char::is_whitespace)
        })
        .collect()
}

/// Readability's `_getArticleTitle`: the `<title>` with site-name parts cut.
fn article_title(dom: &Dom, orig: &str) -> Option<String> {
    let orig = orig.trim();
    let mut cur = orig.to_string();
    let mut had_hierarchical = false;
    let seps = separator_positions(orig);
    if let Some(&(last, _)) = seps.last() {
        had_hierarchical = seps
            .iter()
            .any(|(_, c)| patterns::TITLE_HIERARCHY_SEPARATORS.contains(c));
        // Cut before the whitespace that precedes the last separator.
        let ws = orig[..last].chars().next_back().map_or(0, char::len_utf8);
        cur = orig[..last - ws].to_string();
        if word_count(&cur) < 3 {
            // Drop up to and including the first separator instead.
            if let Some(i) = orig.find(patterns::TITLE_SEPARATORS) {
                let c = orig[i..].chars().next().map_or(1, char::len_utf8);
                cur = orig[i + c..].to_string();
            }
        }
    } else if cur.contains(": ") {
        let matches_heading = dom
            .descendants(dom.document())
            .filter(|&n| matches!(dom.tag(n), "h1" | "h2"))
            .any(|h| dom.text_content(h).trim() == orig);
        if !matches_heading {
            let after_last = &orig[orig.rfind(':').map(|i| i + 1).unwrap_or(0)..];
            cur = after_last.to_string();
            if word_count(&cur) < 3 {
                cur = orig[orig.find(':').map(|i| i + 1).unwrap_or(0)..].to_string();
            } else if word_count(&orig[..orig.find(':').unwrap_or(0)]) > 5 {
                cur = orig.to_string();
            }
        }
    } else if cur.chars().count() > 150 || cur.chars().count() < 15 {
        let h1s: Vec<NodeId> = dom.find_all_tags(dom.document(), "h1");
        if h1s.len() == 1 {
            cur = normalize_ws(&dom.text_content(h1s[0]));
        }
    }
    let mut cur = normalize_ws(&cur);
    let wc = word_count(&cur);
    let orig_wc_without_seps = word_count(&orig.replace(patterns::TITLE_SEPARATORS, ""));
    if wc <= 4 && (!had_hierarchical || wc + 1 != orig_wc_without_seps) {
        cur = orig.to_string();
    }
    if cur.is_empty() {
        None
    } else {
        Some(cur)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::Limits;

    fn meta(html: &str) -> Metadata {
        let dom = Dom::parse(html, &Limits::default()).unwrap();
        collect(&dom, Url::parse("https://example.org/x/").as_ref())
    }

    #[test]
    fn json_ld_wins() {
        let m = meta(
            r#"<html lang=en><head><title>Ignored | Site</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
            {"@type":"NewsArticle","headline":"Ferry returns to the island","author":[{"name":"Ana Reis"},{"name":"Bo Lin"}],
            "datePublished":"2024-05-01T09:00:00Z","publisher":{"name":"The Tide"},"image":{"url":"/img/a.jpg"}}]}</script>
            </head><body></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Ferry returns to the island"));
        assert_eq!(m.byline.as_deref(), Some("Ana Reis, Bo Lin"));
        assert_eq!(m.site_name.as_deref(), Some("The Tide"));
        assert_eq!(m.published_time.as_deref(), Some("2024-05-01T09:00:00Z"));
        assert_eq!(
            m.lead_image.as_deref(),
            Some("https://example.org/img/a.jpg")
        );
        assert_eq!(m.lang.as_deref(), Some("en"));
        assert_eq!(m.dir.as_deref(), Some("ltr"));
    }

    #[test]
    fn title_tag_loses_its_site_suffix() {
        let m = meta("<title>Ferry returns to the island after ten years | The Tide</title>");
        assert_eq!(
            m.title.as_deref(),
            Some("Ferry returns to the island after ten years")
        );
    }

    #[test]
    fn meta_tags_and_rtl() {
        let m = meta(
            r#"<html lang="ar"><head><meta property="og:title" content="عنوان"><meta name="author" content="By Sam Ode"></head></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("عنوان"));
        assert_eq!(m.byline.as_deref(), Some("Sam Ode"));
        assert_eq!(m.dir.as_deref(), Some("rtl"));
    }

    #[test]
    fn later_meta_tag_wins_and_property_beats_name() {
        let m = meta(
            r#"<head><meta name="DC.title" content="Harbour notes, name form">
            <meta property="dc:title" content="Harbour notes, property form">
            <meta name="DC.creator" content="First Writer"><meta name="DC.creator" content="Second Writer">
            <meta name="article:author" content="Not read by name"></head>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Harbour notes, property form"));
        assert_eq!(m.byline.as_deref(), Some("Second Writer"));
    }

    #[test]
    fn article_author_property_unless_it_is_a_url() {
        let m = meta(r#"<meta property="og:article:author" content="Harbour Desk">"#);
        assert_eq!(m.byline.as_deref(), Some("Harbour Desk"));
        let m = meta(
            r#"<meta property="article:author" content="https://social.example/harbourdesk">"#,
        );
        assert_eq!(m.byline, None);
    }

    #[test]
    fn meta_content_entities_are_decoded_again() {
        let m = meta(
            r#"<meta property="og:title" content="Tom &amp;amp; Kit&amp;#039;s &amp;quot;boat&amp;quot;">
            <meta name="description" content="&amp;#x1F6A2; &amp;#0; &amp;#xg;">"#,
        );
        assert_eq!(m.title.as_deref(), Some("Tom & Kit's \"boat\""));
        assert_eq!(m.excerpt.as_deref(), Some("\u{1f6a2} \u{fffd} &#xg;"));
    }

    #[test]
    fn json_ld_name_or_headline_by_likeness_to_the_title() {
        let ld = |name: &str, headline: &str, title: &str| {
            meta(&format!(
                r#"<title>{title}</title><script type="application/ld+json">
                {{"@context":"https://schema.org","@type":"Article","name":"{name}","headline":"{headline}"}}</script>"#
            ))
            .title
        };
        // The headline matches the <title>, the name does not: headline.
        assert_eq!(
            ld(
                "Tide Daily",
                "Ferry returns to the island",
                "Ferry returns to the island | Tide Daily"
            )
            .as_deref(),
            Some("Ferry returns to the island")
        );
        // Neither matches: the name.
        assert_eq!(
            ld(
                "Kelp",
                "a brown seaweed of cold coasts",
                "Kelp - Shore Guide"
            )
            .as_deref(),
            Some("Kelp")
        );
    }

    #[test]
    fn title_separators_include_dashes() {
        let m =
            meta("<title>Ferry returns to the island after ten years \u{2013} The Tide</title>");
        assert_eq!(
            m.title.as_deref(),
            Some("Ferry returns to the island after ten years")
        );
        // Four words or fewer left: keep the whole <title>.
        let m = meta("<title>Tides: Ferry notes \u{2014} a harbour log</title>");
        assert_eq!(
            m.title.as_deref(),
            Some("Tides: Ferry notes \u{2014} a harbour log")
        );
    }

    #[test]
    fn bylines_are_names_only() {
        let c = |s: &str| clean_byline(s);
        assert_eq!(c("By Ann Lee").as_deref(), Some("Ann Lee"));
        assert_eq!(c("by: Ann Lee").as_deref(), Some("Ann Lee"));
        assert_eq!(c("Von Ute Berg").as_deref(), Some("Ute Berg"));
        assert_eq!(c("Von Miller").as_deref(), Some("Von Miller"));
        assert_eq!(c("Par Jeanne Roux").as_deref(), Some("Jeanne Roux"));
        assert_eq!(c("Ann Lee \u{2014}").as_deref(), Some("Ann Lee"));
        assert_eq!(
            c("Ann Lee - Apr 16, 2015 8:02 pm UTC").as_deref(),
            Some("Ann Lee")
        );
        assert_eq!(c("By Ann Lee May 20, 2019").as_deref(), Some("Ann Lee"));
        assert_eq!(c("Ann Lee \u{2022} 8h").as_deref(), Some("Ann Lee"));
        assert_eq!(c("Ann Lee | Staff writer").as_deref(), Some("Ann Lee"));
        assert_eq!(c("Harbour Desk by Ann Lee").as_deref(), Some("Ann Lee"));
        assert_eq!(
            c("Written by Ann Lee Edited by Bo Lin").as_deref(),
            Some("Ann Lee")
        );
        assert_eq!(
            c("Ann Lee and Bo Lin").as_deref(),
            Some("Ann Lee and Bo Lin")
        );
        assert_eq!(c("Lee, Ann").as_deref(), Some("Lee, Ann"));
        assert_eq!(c("April 28, 2019 at 6:01 am"), None);
        assert_eq!(c("Last Updated: January 7, 2025"), None);
        assert_eq!(c("Updated 3 hours ago"), None);
    }

    #[test]
    fn byline_text_prefers_itemprop_name_and_skips_roles() {
        let dom = Dom::parse(
            r#"<div id=a class=byline>By <span itemprop="name">Ann Lee</span> <time>May 2</time></div>
            <div id=b class=author><a>Bo Lin</a><div class="author-title">Harbour Editor</div><time>today</time></div>
            <div id=c class=byline>By<br><a rel=author>Cy Dunn, RN</a><br>Harbour Health News</div>"#,
            &Limits::default(),
        )
        .unwrap();
        let by_id = |id: &str| {
            dom.descendants(dom.document())
                .find(|&n| dom.attr(n, "id") == Some(id))
                .unwrap()
        };
        assert_eq!(byline_text(&dom, by_id("a")), "Ann Lee");
        assert_eq!(
            clean_byline(&byline_text(&dom, by_id("b"))).as_deref(),
            Some("Bo Lin")
        );
    }

    #[test]
    fn dates_become_iso_8601() {
        assert_eq!(
            normalize_date("2025-04-03T05:30:00-0400"),
            "2025-04-03T05:30:00-04:00"
        );
        assert_eq!(
            normalize_date(" 2019-04-28 06:01:07 "),
            "2019-04-28T06:01:07"
        );
        assert_eq!(normalize_date("2024-11-16"), "2024-11-16");
        assert_eq!(
            normalize_date("2024-05-01T09:00:00Z"),
            "2024-05-01T09:00:00Z"
        );
        assert_eq!(normalize_date("Tuesday"), "Tuesday");
    }

    #[test]
    fn direction_from_language_and_ancestors() {
        assert_eq!(dir_of_lang("he-IL"), "rtl");
        assert_eq!(dir_of_lang("fa"), "rtl");
        assert_eq!(dir_of_lang("en-GB"), "ltr");
        let dom = Dom::parse(
            r#"<html dir="ltr"><body dir="rtl"><main><p id=p>نص</p></main></body></html>"#,
            &Limits::default(),
        )
        .unwrap();
        let p = dom
            .descendants(dom.document())
            .find(|&n| dom.attr(n, "id") == Some("p"))
            .unwrap();
        assert_eq!(dir_of_ancestors(&dom, p).as_deref(), Some("rtl"));
        let m = meta(r#"<html lang="en"><body dir="rtl"></body></html>"#);
        assert_eq!(m.dir.as_deref(), Some("rtl"));
    }

    #[test]
    fn published_time_as_the_article_shows_it() {
        // A local <time> without offset: the offset is its distance to the stated instant.
        assert_eq!(
            as_shown(
                "2025-02-27T16:20:00.000Z",
                "2025-02-27T18:20",
                "February 27, 2025 6:20 PM"
            )
            .as_deref(),
            Some("2025-02-27T18:20:00+02:00")
        );
        // Same instant in UTC, but the reader sees 6:00 a.m.: five hours behind.
        assert_eq!(
            as_shown(
                "2025-01-22T11:00:00.000Z",
                "2025-01-22T11:00:00.000Z",
                "January 22, 2025 at 6:00 a.m. EST"
            )
            .as_deref(),
            Some("2025-01-22T06:00:00-05:00")
        );
        // Crossing midnight backwards.
        assert_eq!(
            as_shown(
                "2025-01-01T02:30:00Z",
                "2025-01-01T02:30:00Z",
                "Dec 31, 2024, 9:30 pm"
            )
            .as_deref(),
            Some("2024-12-31T21:30:00-05:00")
        );
        // Nothing more to tell, or a different moment: keep the stated time.
        assert_eq!(
            as_shown(
                "2025-04-03T05:30:00-0400",
                "2025-04-03T09:30:00Z",
                "April 3, 2025"
            ),
            None
        );
        assert_eq!(
            as_shown(
                "2024-11-16T08:00:00+00:00",
                "2024-11-16",
                "16 November 2024"
            ),
            None
        );
        assert_eq!(
            as_shown(
                "2023-06-14T12:00:00Z",
                "2024-09-30T16:20:00Z",
                "September 30, 2024"
            ),
            None
        );
        assert_eq!(
            as_shown("2018-12-21T12:55:00Z", "2018-12-21T12:55", "12:55"),
            None
        );
    }

    #[test]
    fn clocks_and_stamps() {
        assert_eq!(visible_clock("6:20 PM"), Some(18 * 60 + 20));
        assert_eq!(visible_clock("Updated: 12:05 a.m."), Some(5));
        assert_eq!(visible_clock("at 23:59"), Some(23 * 60 + 59));
        assert_eq!(visible_clock("Ratio 3:1000"), None);
        assert_eq!(visible_clock("March 3"), None);
        let s = Stamp::parse("2024-02-29T23:15:07.5+05:30").unwrap();
        assert_eq!(
            s.utc(),
            Some(days_from_civil(2024, 2, 29) * 1440 + 23 * 60 + 15 - 330)
        );
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
        assert_eq!(Stamp::parse("2024-13-01"), None);
        assert_eq!(Stamp::parse("Tuesday"), None);
        for odd in [
            "2024-01-01T10:00+a\u{20ac}",
            "2024-01-01T1\u{e9}:00",
            "2024-\u{e9}1-01",
            "2024-01-01T10:00:5",
            "",
        ] {
            assert_eq!(Stamp::parse(odd), None, "{odd}");
        }
        assert_eq!(visible_clock("\u{e9}:\u{e9}\u{e9} 1:\u{20ac}"), None);
    }

    #[test]
    fn article_time_skips_menus_and_page_footers() {
        let m = meta(
            r#"<body><nav><time datetime="2025-05-05T10:00">Today</time></nav>
            <article><h1>Ferry</h1><footer>Posted <time datetime="2025-05-01T09:00:00+01:00">May 1</time></footer></article>
            <footer><time datetime="2025-05-05">5 May</time></footer></body>"#,
        );
        assert_eq!(
            m.published_time.as_deref(),
            Some("2025-05-01T09:00:00+01:00")
        );
    }

    #[test]
    fn lead_image_falls_back_to_the_first_real_image() {
        assert_eq!(
            largest_in_srcset("/a,b/s.jpg 80w, /a,b/m.jpg 320w,/a,b/l.jpg 800w, /x.jpg 2x")
                .as_deref(),
            Some("/a,b/l.jpg")
        );
        assert_eq!(largest_in_srcset("/one.jpg").as_deref(), Some("/one.jpg"));
        let dom = Dom::parse(
            r#"<div id=r><img src="data:image/gif;base64,R0lGOD"><img src="/icon.png" width="16"><img class="math-fallback" src="/f.svg">
            <img src="/small.jpg" srcset="/small.jpg 300w, /big.jpg 1200w"></div>"#,
            &Limits::default(),
        )
        .unwrap();
        let base = Url::parse("https://example.org/x/");
        assert_eq!(
            first_image(&dom, dom.document(), base.as_ref()).as_deref(),
            Some("https://example.org/big.jpg")
        );
    }

    #[test]
    fn json_ld_author_urls_are_not_names() {
        let m = meta(
            r#"<script type="application/ld+json">{"@type":"BlogPosting","headline":"Kelp at dawn",
            "author":[{"name":"Ann Lee"},"https://example.org/people/bo"]}</script>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn byline_from_the_page_end_to_end() {
        let para = "The harbour master said the ferry would run twice a day from May, weather allowing, and that the old pier, closed since the storm, would reopen once the surveyors had signed it off. ";
        let page = |byline: &str| {
            format!(
                "<html><head><title>Ferry returns to the island after ten years</title></head><body><article>\
                 <h1>Ferry returns to the island after ten years</h1>{byline}<p>{para}</p><p>{para}</p><p>{para}</p>\
                 </article></body></html>"
            )
        };
        let byline = |html: &str| {
            crate::extract(html, None, &crate::Options::default())
                .unwrap()
                .byline
        };
        assert_eq!(
            byline(&page(r#"<p class="byline" itemprop="author">By <span itemprop="name">Ann Lee</span> - May 2, 2024</p>"#))
                .as_deref(),
            Some("Ann Lee")
        );
        assert_eq!(
            byline(&page(r#"<form class="follow-author"><button>Follow Author</button></form><div class="author">By Bo Lin | Staff</div>"#))
                .as_deref(),
            Some("Bo Lin")
        );
        // A dateline with no name is not a byline.
        assert_eq!(
            byline(&page(
                r#"<div class="dateline">May 2, 2024 at 6:01 am</div>"#
            )),
            None
        );
    }

    #[test]
    fn odd_input_never_panics() {
        let odd = [
            "",
            " ",
            "&",
            "&#",
            "&#x;",
            "&#xFFFFFFFFFF;",
            "&amp",
            "By",
            "by:",
            "|",
            "\u{2014}",
            "2024-01-01 \u{e9}",
            "2024-01-01T00:00+\u{20ac}",
            "\u{1f600}:\u{1f600}",
            "9:",
            "12:3",
            "\u{661}\u{662}:\u{663}\u{664}",
            "By \u{0}\u{ffff}",
        ];
        let long = "a ".repeat(300);
        for s in odd.into_iter().chain([long.as_str()]) {
            let _ = clean_byline(s);
            let _ = normalize_date(s);
            let _ = unescape_html_entities(s);
            let _ = visible_clock(s);
            let _ = as_shown(s, s, s);
            let _ = largest_in_srcset(s);
            let _ = dir_of_lang(s);
        }
    }
}
