//! Hosts and authorities: IPv4 normalisation, special and opaque hosts,
//! and `userinfo@host:port`.

use super::encode::{encode, encode_into, percent_decode, Set};
use super::{default_port, is_special, Authority};

/// One part of a dotted IPv4 address: decimal, `0x` hex or `0` octal.
fn ipv4_number(part: &str) -> Option<u64> {
    if part.is_empty() {
        return None;
    }
    let (digits, radix) = if let Some(h) = part.strip_prefix("0x").or(part.strip_prefix("0X")) {
        (h, 16)
    } else if part.len() > 1 && part.starts_with('0') {
        (&part[1..], 8)
    } else {
        (part, 10)
    };
    if digits.is_empty() {
        return Some(0);
    }
    if digits.len() > 20 || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    u64::from_str_radix(digits, radix).ok()
}

/// `Some(result)` when the host ends in a number and so must be an IPv4
/// address: the dotted-decimal form, or `None` inside when it is not a
/// valid one.
fn ipv4_host(host: &str) -> Option<Option<String>> {
    let mut parts: Vec<&str> = host.split('.').collect();
    if parts.last() == Some(&"") {
        if parts.len() == 1 {
            return None;
        }
        parts.pop();
    }
    let last = parts.last()?;
    let numeric = !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit());
    if !numeric && ipv4_number(last).is_none() {
        return None;
    }
    if parts.len() > 4 {
        return Some(None);
    }
    let mut numbers = Vec::with_capacity(parts.len());
    for p in &parts {
        match ipv4_number(p) {
            Some(n) => numbers.push(n),
            _ => return Some(None),
        }
    }
    let (last, init) = numbers.split_last()?;
    if init.iter().any(|&n| n > 255) || *last >= 256u64.pow(5 - numbers.len() as u32) {
        return Some(None);
    }
    let mut ip = *last;
    for (i, &n) in init.iter().enumerate() {
        ip += n << (8 * (3 - i));
    }
    let b = (ip as u32).to_be_bytes();
    Some(Some(format!("{}.{}.{}.{}", b[0], b[1], b[2], b[3])))
}

/// A special scheme's host: lowercased and checked when ASCII, kept as it
/// is otherwise. `None` when it is not a valid host.
pub(super) fn special_host(raw: &str) -> Option<String> {
    if raw.starts_with('[') {
        return raw.ends_with(']').then(|| raw.to_ascii_lowercase());
    }
    let host = if raw.contains('%') {
        percent_decode(raw)?
    } else {
        raw.to_string()
    };
    let forbidden = |c: char| {
        c <= ' '
            || matches!(
                c,
                '#' | '%'
                    | '/'
                    | ':'
                    | '<'
                    | '>'
                    | '?'
                    | '@'
                    | '['
                    | '\\'
                    | ']'
                    | '^'
                    | '|'
                    | '\u{7f}'
            )
    };
    if host.is_empty() || host.contains(forbidden) {
        return None;
    }
    let host = host.to_ascii_lowercase();
    if !host.is_ascii() {
        return Some(host);
    }
    match ipv4_host(&host) {
        Some(ip) => ip,
        None => Some(host),
    }
}

/// A non-special scheme's (opaque) host: case kept, controls encoded.
fn opaque_host(raw: &str) -> Option<String> {
    if raw.starts_with('[') {
        return raw.ends_with(']').then(|| raw.to_ascii_lowercase());
    }
    let forbidden = |c: char| {
        matches!(
            c,
            '\0' | '\t'
                | '\n'
                | '\r'
                | ' '
                | '#'
                | '/'
                | ':'
                | '<'
                | '>'
                | '?'
                | '@'
                | '['
                | '\\'
                | ']'
                | '^'
                | '|'
        )
    };
    if raw.contains(forbidden) {
        return None;
    }
    Some(encode(raw, Set::Controls))
}

/// Parses `userinfo@host:port` (everything between `//` and the path).
pub(super) fn parse_authority(scheme: &str, auth: &str) -> Option<Authority> {
    let special = is_special(scheme);
    let (userinfo, hostport) = match auth.rfind('@') {
        Some(at) => {
            let info = &auth[..at];
            let (user, pass) = info.split_once(':').unwrap_or((info, ""));
            let mut userinfo = encode(user, Set::Userinfo);
            if !pass.is_empty() {
                userinfo.push(':');
                encode_into(&mut userinfo, pass, Set::Userinfo);
            }
            let hostport = &auth[at + 1..];
            if hostport.is_empty() {
                return None;
            }
            (userinfo, hostport)
        }
        None => (String::new(), auth),
    };
    // The port starts at the first ':' outside an IPv6 literal's brackets.
    let mut in_brackets = false;
    let colon = hostport.char_indices().find_map(|(i, c)| {
        match c {
            '[' => in_brackets = true,
            ']' => in_brackets = false,
            ':' if !in_brackets => return Some(i),
            _ => {}
        }
        None
    });
    let (raw_host, port) = match colon {
        Some(i) => (&hostport[..i], Some(&hostport[i + 1..])),
        None => (hostport, None),
    };
    let host = if raw_host.is_empty() {
        if special || port.is_some() {
            return None;
        }
        String::new()
    } else if special {
        special_host(raw_host)?
    } else {
        opaque_host(raw_host)?
    };
    let port = match port {
        None | Some("") => None,
        Some(p) => {
            if !p.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let trimmed = p.trim_start_matches('0');
            if trimmed.len() > 5 {
                return None;
            }
            let n: u32 = if trimmed.is_empty() {
                0
            } else {
                trimmed.parse().ok()?
            };
            let n = u16::try_from(n).ok()?;
            (default_port(scheme) != Some(n)).then_some(n)
        }
    };
    Some(Authority {
        userinfo,
        host,
        port,
    })
}
