//! The differential check of the vendored html5ever tokenizer
//! (`vendor/html5ever`, Quire's fork) against upstream html5ever 0.40.1
//! from crates.io: the same input must give the same tokens and the same
//! parse errors.
//!
//! Used by the `tokenizer_diff` fuzz target (any input) and by this crate's
//! own test (`cargo test --release --manifest-path fuzz/Cargo.toml --lib`,
//! `make tokenizer-diff`), which runs every page of the corpus and every
//! input of the html5lib-tests suites through both.
//!
//! The sink switches the tokenizer into the RCDATA, RAWTEXT, script-data and
//! PLAINTEXT states after the start tags that make the tree builder do so,
//! so that those states see real page content too.

/// One token, in a form both crates' tokens convert to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tok {
    /// A doctype: name, public id, system id, force-quirks flag.
    Doctype(Option<String>, Option<String>, Option<String>, bool),
    /// A start tag: name, attributes in the tokenizer's order, self-closing.
    StartTag(String, Vec<(String, String)>, bool),
    /// An end tag: name, attributes in the tokenizer's order, self-closing.
    EndTag(String, Vec<(String, String)>, bool),
    /// A comment.
    Comment(String),
    /// Characters, adjacent runs coalesced (the fork reads longer runs).
    Characters(String),
    /// A parse error's message (its position among the tokens counts).
    Error(String),
    /// The end of the input.
    Eof,
}

/// The tokens of one run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Run {
    /// The tokens in order, adjacent characters coalesced.
    pub tokens: Vec<Tok>,
}

impl Run {
    fn push(&mut self, tok: Tok) {
        if let Tok::Characters(s) = &tok {
            if s.is_empty() {
                return;
            }
            if let Some(Tok::Characters(last)) = self.tokens.last_mut() {
                last.push_str(s);
                return;
            }
        }
        self.tokens.push(tok);
    }
}

/// A module `$m` with `tokenize`, for the html5ever crate `$h`.
macro_rules! tokenizer_for {
    ($m:ident, $h:ident) => {
        /// Tokenizing with one of the two crates.
        pub mod $m {
            use super::{Run, Tok};
            use std::cell::RefCell;

            use $h::tendril::StrTendril;
            use $h::tokenizer::states::RawKind;
            use $h::tokenizer::{
                BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
            };

            #[derive(Default)]
            struct Logger(RefCell<Run>);

            fn opt(s: &Option<StrTendril>) -> Option<String> {
                s.as_ref().map(|s| s.to_string())
            }

            impl TokenSink for Logger {
                type Handle = ();

                fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
                    let mut run = self.0.borrow_mut();
                    match token {
                        Token::CharacterTokens(s) => run.push(Tok::Characters(s.to_string())),
                        Token::NullCharacterToken => run.push(Tok::Characters("\0".into())),
                        Token::ParseError(e) => run.push(Tok::Error(e.into_owned())),
                        Token::EOFToken => run.push(Tok::Eof),
                        Token::CommentToken(s) => run.push(Tok::Comment(s.to_string())),
                        Token::DoctypeToken(d) => run.push(Tok::Doctype(
                            opt(&d.name),
                            opt(&d.public_id),
                            opt(&d.system_id),
                            d.force_quirks,
                        )),
                        Token::TagToken(tag) => {
                            let attrs = tag
                                .attrs
                                .iter()
                                .map(|a| (a.name.local.to_string(), a.value.to_string()))
                                .collect();
                            let name = tag.name.to_string();
                            match tag.kind {
                                TagKind::StartTag => {
                                    let next = match &*name {
                                        "title" | "textarea" => {
                                            Some(TokenSinkResult::RawData(RawKind::Rcdata))
                                        }
                                        "style" | "xmp" | "iframe" | "noembed" | "noframes"
                                        | "noscript" => {
                                            Some(TokenSinkResult::RawData(RawKind::Rawtext))
                                        }
                                        "script" => {
                                            Some(TokenSinkResult::RawData(RawKind::ScriptData))
                                        }
                                        "plaintext" => Some(TokenSinkResult::Plaintext),
                                        _ => None,
                                    };
                                    run.push(Tok::StartTag(name, attrs, tag.self_closing));
                                    if let Some(next) = next {
                                        return next;
                                    }
                                }
                                TagKind::EndTag => {
                                    run.push(Tok::EndTag(name, attrs, tag.self_closing))
                                }
                            }
                        }
                    }
                    TokenSinkResult::Continue
                }
            }

            /// The tokens of `chunks`, fed one after another.
            pub fn tokenize(chunks: &[&str], exact_errors: bool) -> Run {
                let opts = TokenizerOpts {
                    exact_errors,
                    ..TokenizerOpts::default()
                };
                let tokenizer = Tokenizer::new(Logger::default(), opts);
                let queue = BufferQueue::default();
                for chunk in chunks {
                    queue.push_back(StrTendril::from_slice(chunk));
                    let _ = tokenizer.feed(&queue);
                }
                let _ = tokenizer.feed(&queue);
                tokenizer.end();
                tokenizer.sink.0.take()
            }
        }
    };
}

tokenizer_for!(fork, html5ever_fork);
tokenizer_for!(upstream, html5ever_upstream);

/// `input` cut at the byte offsets `cuts` (each moved back to a character
/// boundary; out-of-range and repeated ones dropped).
pub fn pieces<'a>(input: &'a str, cuts: &[usize]) -> Vec<&'a str> {
    let mut at: Vec<usize> = cuts
        .iter()
        .map(|&c| {
            let mut c = c.min(input.len());
            while !input.is_char_boundary(c) {
                c -= 1;
            }
            c
        })
        .collect();
    at.sort_unstable();
    at.dedup();
    let mut out = Vec::with_capacity(at.len() + 1);
    let mut start = 0;
    for c in at {
        if c > start {
            out.push(&input[start..c]);
            start = c;
        }
    }
    out.push(&input[start..]);
    out
}

/// Runs `input`, cut at `cuts`, through both tokenizers; `Err` describes
/// the first difference.
pub fn compare(input: &str, cuts: &[usize], exact_errors: bool) -> Result<(), String> {
    let chunks = pieces(input, cuts);
    let fork = fork::tokenize(&chunks, exact_errors);
    let upstream = upstream::tokenize(&chunks, exact_errors);
    if fork == upstream {
        return Ok(());
    }
    let i = fork
        .tokens
        .iter()
        .zip(&upstream.tokens)
        .position(|(a, b)| a != b)
        .unwrap_or(fork.tokens.len().min(upstream.tokens.len()));
    Err(format!(
        "token {i} differs (exact_errors {exact_errors}, cut at {cuts:?}): fork {:?}, upstream {:?}",
        fork.tokens.get(i),
        upstream.tokens.get(i)
    ))
}

/// The fuzz target's reading of arbitrary bytes: the first byte sets
/// `exact_errors` (bit 0) and how many cuts to make (bits 1-2); the next
/// bytes, two per cut, give the cut offsets; the rest, decoded lossily, is
/// the input.
pub fn compare_fuzz_input(data: &[u8]) -> Result<(), String> {
    let Some((&head, rest)) = data.split_first() else {
        return Ok(());
    };
    let exact_errors = head & 1 == 1;
    let ncuts = usize::from((head >> 1) & 3).min(rest.len() / 2);
    let (cut_bytes, text) = rest.split_at(ncuts * 2);
    let cuts: Vec<usize> = cut_bytes
        .chunks(2)
        .map(|b| usize::from(u16::from_le_bytes([b[0], b[1]])))
        .collect();
    let input = String::from_utf8_lossy(text);
    compare(&input, &cuts, exact_errors)
}

#[cfg(test)]
mod tests;
