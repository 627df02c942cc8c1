//! Percent-encoding: the byte sets each part of a URL encodes, and
//! decoding.

/// Which characters a part of the URL percent-encodes (beyond all
/// controls and non-ASCII, which every set encodes).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Set {
    Controls,
    Fragment,
    Query,
    SpecialQuery,
    Path,
    Userinfo,
}

/// Whether the byte `b` is one a URL part percent-encodes: every control
/// and non-ASCII byte, plus the part's own characters.
fn in_set(b: u8, set: Set) -> bool {
    ENCODE[usize::from(b)] & (1 << set as u8) != 0
}

/// For each byte, a bit per [`Set`] (bit `set as u8`) that encodes it.
static ENCODE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = sets_encoding(b as u8);
        b += 1;
    }
    table
};

/// The [`Set`]s that encode byte `b`, as bits (see [`ENCODE`]).
const fn sets_encoding(b: u8) -> u8 {
    const ALL: u8 = (1 << Set::Controls as u8)
        | (1 << Set::Fragment as u8)
        | (1 << Set::Query as u8)
        | (1 << Set::SpecialQuery as u8)
        | (1 << Set::Path as u8)
        | (1 << Set::Userinfo as u8);
    if b < 0x20 || b >= 0x7f {
        return ALL;
    }
    let fragment = matches!(b, b' ' | b'"' | b'<' | b'>' | b'`');
    let query = matches!(b, b' ' | b'"' | b'#' | b'<' | b'>');
    let path = fragment || matches!(b, b'#' | b'?' | b'{' | b'}');
    let userinfo = path
        || matches!(
            b,
            b'/' | b':' | b';' | b'=' | b'@' | b'[' | b'\\' | b']' | b'^' | b'|'
        );
    const fn bit(on: bool, set: Set) -> u8 {
        (on as u8) << set as u8
    }
    bit(fragment, Set::Fragment)
        | bit(query, Set::Query)
        | bit(query || b == b'\'', Set::SpecialQuery)
        | bit(path, Set::Path)
        | bit(userinfo, Set::Userinfo)
}

pub(super) fn encode_into(out: &mut String, s: &str, set: Set) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    // Byte by byte: every byte of a non-ASCII character is encoded, so a
    // character's bytes need no decoding. Runs of bytes kept as they are
    // are copied whole.
    let bytes = s.as_bytes();
    let mut run = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !in_set(b, set) {
            continue;
        }
        // A run ends at a character boundary: inside a non-ASCII character,
        // the earlier bytes were just encoded, so there is no run.
        if run < i {
            out.push_str(&s[run..i]);
        }
        out.push('%');
        out.push(HEX[usize::from(b >> 4)] as char);
        out.push(HEX[usize::from(b & 15)] as char);
        run = i + 1;
    }
    out.push_str(&s[run..]);
}

pub(super) fn encode(s: &str, set: Set) -> String {
    let mut out = String::with_capacity(s.len());
    encode_into(&mut out, s, set);
    out
}

/// Percent-decodes `s`; `None` when the bytes are not UTF-8.
pub(super) fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).ok()
}
