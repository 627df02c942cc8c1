//! Publication dates: ISO 8601 normalisation, and the time as the article
//! shows it.

use crate::dom::{Dom, NodeId};
use crate::patterns;
use crate::text::lower;
use crate::text::normalize_ws;

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
/// "publish"), else the first outside navigation, asides and the page's
/// footer.
pub(super) fn article_time(dom: &Dom) -> Option<Shown> {
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
    Some(Shown {
        datetime: dom.attr(t, "datetime").unwrap_or("").trim().to_string(),
        text: normalize_ws(&dom.text_content(t)),
        in_article_header: in_article_header(dom, t),
    })
}

/// Whether `node` is inside an `<article>`'s own `<header>`: a `<header>`
/// whose nearest sectioning ancestor is that `<article>`.
fn in_article_header(dom: &Dom, node: NodeId) -> bool {
    let mut seen_header = false;
    for a in dom.ancestors(node) {
        match dom.tag(a) {
            "header" => seen_header = true,
            "article" => return seen_header,
            "section" | "aside" | "nav" | "footer" => return false,
            _ => {}
        }
    }
    false
}

/// The article's own `<time>`, as [`article_time`] finds it.
#[derive(Debug, Clone)]
pub(super) struct Shown {
    /// Its `datetime` attribute, trimmed.
    pub(super) datetime: String,
    /// Its visible text, whitespace normalised.
    pub(super) text: String,
    /// Whether it sits in the article's own header (next to its title).
    pub(super) in_article_header: bool,
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
pub(super) fn visible_clock(text: &str) -> Option<i64> {
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
pub(super) fn as_shown(stated: &str, datetime: &str, text: &str) -> Option<String> {
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

/// Whether two written times name the same moment: the same instant when
/// both carry an offset; a wall-clock time without offset within a whole
/// time zone (≤ 14 h, in quarter hours) of the other; a bare date equal to
/// the other's date as written.
pub(super) fn same_moment(a: &str, b: &str) -> bool {
    let (Some(x), Some(y)) = (Stamp::parse(a), Stamp::parse(b)) else {
        return false;
    };
    let local = |s: &Stamp| s.days * 1440 + s.minutes.unwrap_or(0);
    let near = |diff: i64| diff.abs() <= 14 * 60 && diff % 15 == 0;
    if x.minutes.is_none() || y.minutes.is_none() {
        return x.days == y.days;
    }
    match (x.utc(), y.utc()) {
        (Some(p), Some(q)) => p == q,
        (None, Some(q)) => near(local(&x) - q),
        (Some(p), None) => near(local(&y) - p),
        (None, None) => local(&x) == local(&y),
    }
}

/// Whether visible `text` can be showing the date of `written` (as
/// written, before any time-zone change): its numbers hold that day of the
/// month, and that year when they hold a year at all.
pub(super) fn shows_date(text: &str, written: &str) -> bool {
    let Some(stamp) = Stamp::parse(written) else {
        return false;
    };
    let (year, _, day) = civil_from_days(stamp.days);
    let numbers: Vec<i64> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|t| !t.is_empty() && t.len() <= 4)
        .filter_map(|t| t.parse().ok())
        .collect();
    let years: Vec<i64> = numbers.iter().copied().filter(|n| *n >= 1000).collect();
    numbers.contains(&day) && (years.is_empty() || years.contains(&year))
}

/// The publication time to report, from the metadata's `published`
/// times (the first is the one stated, the others only compared) and
/// `modified` time, and the article's own `<time>`. The reader's date is
/// the one the article shows: when the article's header shows the modified
/// time (its `datetime` and its visible date) and none of the published
/// ones, that is the date; a time the article writes more precisely is
/// taken as shown.
pub(super) fn pick_published(
    published: &[Option<String>],
    modified: Option<String>,
    shown: Option<Shown>,
) -> Option<String> {
    let stated = published.iter().flatten().next().cloned();
    let stated = match (&shown, modified) {
        (Some(s), Some(modified))
            if s.in_article_header
                && same_moment(&s.datetime, &modified)
                && shows_date(&s.text, &modified)
                && !published
                    .iter()
                    .flatten()
                    .any(|p| same_moment(&s.datetime, p) || shows_date(&s.text, p)) =>
        {
            Some(modified)
        }
        _ => stated,
    };
    match (stated, shown) {
        (Some(stated), Some(s)) => {
            Some(as_shown(&stated, &s.datetime, &s.text).unwrap_or_else(|| normalize_date(&stated)))
        }
        (Some(stated), None) => Some(normalize_date(&stated)),
        (None, Some(s)) => Some(normalize_date(&s.datetime)),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn moments_compare_as_written() {
        assert!(same_moment(
            "2024-09-30T16:20:00.000Z",
            "2024-09-30T18:20:00+02:00"
        ));
        assert!(!same_moment("2024-09-30T16:20:00Z", "2024-09-30T16:21:00Z"));
        // A wall-clock time without offset: any whole time zone away.
        assert!(same_moment("2024-09-30T12:20", "2024-09-30T16:20:00Z"));
        assert!(!same_moment("2024-09-30T12:21", "2024-09-30T16:20:00Z"));
        // A bare date: the date as written.
        assert!(same_moment("2024-09-30", "2024-09-30T23:00:00-05:00"));
        assert!(!same_moment("2024-10-01", "2024-09-30T23:00:00-05:00"));
        assert!(!same_moment("September 30", "2024-09-30"));
        // The date a visible text can be showing.
        assert!(shows_date("September 30, 2024", "2024-09-30T16:20:00Z"));
        assert!(shows_date("30/09/2024", "2024-09-30"));
        assert!(shows_date("Updated Sept. 30", "2024-09-30"));
        assert!(!shows_date("September 30, 2023", "2024-09-30"));
        assert!(!shows_date("JULY 29, 2016", "2016-08-01T01:30:24-04:00"));
        assert!(!shows_date("yesterday", "2024-09-30"));
        assert!(!shows_date("September 30, 2024", "Monday"));
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
}
