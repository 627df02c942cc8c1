//! The tokenizer suite (`data/tokenizer/*.test`): every test, in each of its
//! initial states, with and without `exact_errors` (which turns the data
//! state's fast path off), fed whole and split into pieces at every pair of
//! character boundaries, through both parsers.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::Outcome;

/// One token in the form the html5lib tests write them; end tags keep what
/// the tokenizer reported (attributes, self-closing flag) so that the two
/// parsers are compared on all of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tok {
    /// `["DOCTYPE", name, public_id, system_id, correctness]`.
    Doctype {
        name: Option<String>,
        public_id: Option<String>,
        system_id: Option<String>,
        /// Correctness: the force-quirks flag is off.
        correct: bool,
    },
    /// `["StartTag", name, {attributes}, self_closing?]`; attributes in the
    /// order the tokenizer gave them.
    StartTag {
        name: String,
        attrs: Vec<(String, String)>,
        self_closing: bool,
    },
    /// `["EndTag", name]`.
    EndTag {
        name: String,
        attrs: Vec<(String, String)>,
        self_closing: bool,
    },
    /// `["Comment", data]`.
    Comment(String),
    /// `["Character", data]`, adjacent ones coalesced.
    Character(String),
}

impl Tok {
    /// The token as the suite compares it: attributes sorted by name, and an
    /// end tag's attributes and self-closing flag dropped.
    fn spec_form(&self) -> Tok {
        match self {
            Tok::StartTag {
                name,
                attrs,
                self_closing,
            } => {
                let mut attrs = attrs.clone();
                attrs.sort();
                Tok::StartTag {
                    name: name.clone(),
                    attrs,
                    self_closing: *self_closing,
                }
            }
            Tok::EndTag { name, .. } => Tok::EndTag {
                name: name.clone(),
                attrs: Vec::new(),
                self_closing: false,
            },
            other => other.clone(),
        }
    }
}

/// What one tokenizer run produced.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Run {
    /// The tokens, adjacent characters coalesced (a parse error between
    /// them does not split them).
    pub tokens: Vec<Tok>,
    /// The parse errors' messages, in order.
    pub errors: Vec<String>,
}

impl Run {
    fn push(&mut self, tok: Tok) {
        if let Tok::Character(s) = &tok {
            if let Some(Tok::Character(last)) = self.tokens.last_mut() {
                last.push_str(s);
                return;
            }
        }
        self.tokens.push(tok);
    }

    /// The tokens as the suite compares them ([`Tok::spec_form`]), without
    /// empty character tokens (html5ever emits one for an empty CDATA
    /// section; an empty run of characters is no token).
    fn spec_tokens(&self) -> Vec<Tok> {
        self.tokens
            .iter()
            .filter(|t| !matches!(t, Tok::Character(s) if s.is_empty()))
            .map(Tok::spec_form)
            .collect()
    }
}

/// The states a test may start in (`initialStates`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Start {
    Data,
    Plaintext,
    Rcdata,
    Rawtext,
    ScriptData,
    CdataSection,
}

/// How to run one test.
#[derive(Clone, Debug)]
pub struct Setup {
    pub start: Start,
    pub last_start_tag: Option<String>,
    pub exact_errors: bool,
}

/// A module `$m` with `tokenize`, for the html5ever crate `$h`.
macro_rules! tokenizer_for {
    ($m:ident, $h:ident) => {
        pub mod $m {
            use std::cell::RefCell;

            use $h::tendril::StrTendril;
            use $h::tokenizer::states::{self, RawKind};
            use $h::tokenizer::{
                BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
            };

            use super::{Run, Setup, Start, Tok};

            #[derive(Default)]
            struct Logger(RefCell<Run>);

            fn attrs(tag: &$h::tokenizer::Tag) -> Vec<(String, String)> {
                tag.attrs
                    .iter()
                    .map(|a| (a.name.local.to_string(), a.value.to_string()))
                    .collect()
            }

            fn opt(s: &Option<StrTendril>) -> Option<String> {
                s.as_ref().map(|s| s.to_string())
            }

            impl TokenSink for Logger {
                type Handle = ();

                fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
                    let mut run = self.0.borrow_mut();
                    match token {
                        Token::CharacterTokens(s) => run.push(Tok::Character(s.to_string())),
                        Token::NullCharacterToken => run.push(Tok::Character("\0".into())),
                        Token::ParseError(e) => run.errors.push(e.into_owned()),
                        Token::EOFToken => {}
                        Token::CommentToken(s) => run.push(Tok::Comment(s.to_string())),
                        Token::DoctypeToken(d) => run.push(Tok::Doctype {
                            name: opt(&d.name),
                            public_id: opt(&d.public_id),
                            system_id: opt(&d.system_id),
                            correct: !d.force_quirks,
                        }),
                        Token::TagToken(tag) => {
                            let name = tag.name.to_string();
                            let attrs = attrs(&tag);
                            let self_closing = tag.self_closing;
                            run.push(match tag.kind {
                                TagKind::StartTag => Tok::StartTag {
                                    name,
                                    attrs,
                                    self_closing,
                                },
                                TagKind::EndTag => Tok::EndTag {
                                    name,
                                    attrs,
                                    self_closing,
                                },
                            })
                        }
                    }
                    TokenSinkResult::Continue
                }
            }

            /// Tokenizes `chunks`, fed one after another.
            pub fn tokenize(chunks: &[&str], setup: &Setup) -> Run {
                let state = match setup.start {
                    Start::Data => states::Data,
                    Start::Plaintext => states::Plaintext,
                    Start::Rcdata => states::RawData(RawKind::Rcdata),
                    Start::Rawtext => states::RawData(RawKind::Rawtext),
                    Start::ScriptData => states::RawData(RawKind::ScriptData),
                    Start::CdataSection => states::CdataSection,
                };
                let opts = TokenizerOpts {
                    exact_errors: setup.exact_errors,
                    // The suite keeps a leading BOM (html5lib-tests issue 2).
                    discard_bom: false,
                    initial_state: Some(state),
                    last_start_tag_name: setup.last_start_tag.clone(),
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

fn string(v: &Value) -> Result<String, String> {
    v.as_str()
        .map(str::to_string)
        .ok_or_else(|| format!("not a string: {v}"))
}

fn nullable(v: &Value) -> Result<Option<String>, String> {
    if v.is_null() {
        Ok(None)
    } else {
        string(v).map(Some)
    }
}

/// Undoes the extra escaping of a `doubleEscaped` test: `\uHHHH` becomes
/// the character. `None` for a lone surrogate, which UTF-8 input cannot hold.
fn unescape(s: &str) -> Result<Option<String>, String> {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        if chars.next() != Some('u') {
            return Err(format!("unknown escape in {s:?}"));
        }
        let hex: String = chars.by_ref().take(4).collect();
        let n = u32::from_str_radix(&hex, 16).map_err(|e| format!("{hex:?}: {e}"))?;
        match char::from_u32(n) {
            Some(c) => out.push(c),
            None => return Ok(None),
        }
    }
    Ok(Some(out))
}

/// The expected tokens of a test's `output`, in spec form.
fn expected_tokens(output: &Value, double_escaped: bool) -> Result<Vec<Tok>, String> {
    let text = |v: &Value| -> Result<String, String> {
        let s = string(v)?;
        if double_escaped {
            unescape(&s)?.ok_or_else(|| format!("lone surrogate in output {s:?}"))
        } else {
            Ok(s)
        }
    };
    let nullable_text = |v: &Value| -> Result<Option<String>, String> {
        if v.is_null() {
            Ok(None)
        } else {
            text(v).map(Some)
        }
    };
    let mut run = Run::default();
    let list = output.as_array().ok_or("output is not a list")?;
    for item in list {
        // The older format listed parse errors among the tokens.
        if item.as_str() == Some("ParseError") {
            continue;
        }
        let parts = item.as_array().ok_or_else(|| format!("bad token {item}"))?;
        let arg = |i: usize| parts.get(i).ok_or_else(|| format!("short token {item}"));
        let tok = match parts.first().and_then(Value::as_str) {
            Some("DOCTYPE") => Tok::Doctype {
                name: nullable_text(arg(1)?)?,
                public_id: nullable_text(arg(2)?)?,
                system_id: nullable_text(arg(3)?)?,
                correct: arg(4)?.as_bool().ok_or("bad correctness")?,
            },
            Some("StartTag") => {
                let mut attrs = Vec::new();
                for (k, v) in arg(2)?.as_object().ok_or("bad attributes")? {
                    attrs.push((k.clone(), text(v)?));
                }
                attrs.sort();
                Tok::StartTag {
                    name: text(arg(1)?)?,
                    attrs,
                    self_closing: parts.get(3).and_then(Value::as_bool).unwrap_or(false),
                }
            }
            Some("EndTag") => Tok::EndTag {
                name: text(arg(1)?)?,
                attrs: Vec::new(),
                self_closing: false,
            },
            Some("Comment") => Tok::Comment(text(arg(1)?)?),
            Some("Character") => Tok::Character(text(arg(1)?)?),
            _ => return Err(format!("unknown token {item}")),
        };
        run.push(tok);
    }
    Ok(run.tokens)
}

/// Every way of cutting `s` into `pieces` (2 or 3) pieces at character
/// boundaries, empty pieces allowed; the whole string comes first.
fn splits(s: &str, pieces: usize) -> Vec<Vec<&str>> {
    let mut points: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
    points.push(s.len());
    let mut out = vec![vec![s]];
    for (n, &i) in points.iter().enumerate() {
        if pieces == 2 {
            out.push(vec![&s[..i], &s[i..]]);
            continue;
        }
        for &j in &points[n..] {
            out.push(vec![&s[..i], &s[i..j], &s[j..]]);
        }
    }
    out
}

/// Inputs longer than this are cut in two pieces only (all three-piece cuts
/// of the suite's one 950-character input would take minutes).
const THREE_PIECES_UP_TO: usize = 300;

fn run_test(
    outcome: &mut Outcome,
    id: &str,
    input: &str,
    expected: &[Tok],
    expected_errors: usize,
    start: Start,
    last_start_tag: &Option<String>,
) {
    let pieces = if input.chars().count() <= THREE_PIECES_UP_TO {
        3
    } else {
        2
    };
    let cuts = splits(input, pieces);
    let (mut up_ok, mut fork_ok) = (true, true);
    let mut difference = None;
    let mut up_whole = None;
    for exact_errors in [false, true] {
        let setup = Setup {
            start,
            last_start_tag: last_start_tag.clone(),
            exact_errors,
        };
        for chunks in &cuts {
            let up = upstream::tokenize(chunks, &setup);
            let fork = fork::tokenize(chunks, &setup);
            up_ok &= up.spec_tokens() == expected;
            fork_ok &= fork.spec_tokens() == expected;
            if up_whole.is_none() {
                up_whole = Some(up.spec_tokens());
            }
            if exact_errors && chunks.len() == 1 {
                outcome.up_errors_match += usize::from(up.errors.len() == expected_errors);
                outcome.fork_errors_match += usize::from(fork.errors.len() == expected_errors);
            }
            if up != fork && difference.is_none() {
                difference = Some(format!(
                    "{id} (exact_errors {exact_errors}, input in pieces {chunks:?})\n  upstream: {up:?}\n  fork:     {fork:?}"
                ));
            }
        }
    }
    if !up_ok {
        outcome.failures.push(format!(
            "{id}: input {input:?}\n      expected {expected:?}\n      upstream gives (input whole) {:?}",
            up_whole.unwrap_or_default()
        ));
    }
    outcome.record(id, up_ok, fork_ok, difference);
}

/// Runs every file of `dir` (the suite's `tokenizer/` folder).
pub fn run(dir: &Path) -> Result<Outcome, String> {
    let mut outcome = Outcome::default();
    let mut files: Vec<_> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "test"))
        .collect();
    files.sort();
    for path in files {
        let file = path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = fs::read_to_string(&path).map_err(|e| format!("{file}: {e}"))?;
        let json: Value = serde_json::from_str(&text).map_err(|e| format!("{file}: {e}"))?;
        let Some(tests) = json.get("tests").and_then(Value::as_array) else {
            // xmlViolation.test: its outputs assume the "coercing an HTML DOM
            // into an infoset" tweaks, which html5ever does not make.
            let n = json
                .get("xmlViolationTests")
                .and_then(Value::as_array)
                .map_or(0, Vec::len);
            outcome.skipped += n;
            outcome.notes.push(format!(
                "{file}: {n} tests skipped (XML infoset coercion, not done by html5ever)"
            ));
            continue;
        };
        for test in tests {
            let description = string(&test["description"])?;
            let double_escaped = test["doubleEscaped"].as_bool().unwrap_or(false);
            let mut input = string(&test["input"])?;
            if double_escaped {
                match unescape(&input)? {
                    Some(s) => input = s,
                    None => {
                        let states = test["initialStates"].as_array().map_or(1, Vec::len);
                        outcome.skipped += states;
                        outcome.notes.push(format!(
                            "{file}: {description:?}: skipped, its input has a lone surrogate (not UTF-8)"
                        ));
                        continue;
                    }
                }
            }
            let expected = expected_tokens(&test["output"], double_escaped)
                .map_err(|e| format!("{file}: {description}: {e}"))?;
            let expected_errors = test["errors"].as_array().map_or(0, Vec::len);
            let last_start_tag = nullable(&test["lastStartTag"])?;
            let starts = match test["initialStates"].as_array() {
                None => vec![(Start::Data, "Data state")],
                Some(states) => states
                    .iter()
                    .map(|s| {
                        let s = s.as_str().unwrap_or_default();
                        let start = match s {
                            "Data state" => Start::Data,
                            "PLAINTEXT state" => Start::Plaintext,
                            "RCDATA state" => Start::Rcdata,
                            "RAWTEXT state" => Start::Rawtext,
                            "Script data state" => Start::ScriptData,
                            "CDATA section state" => Start::CdataSection,
                            _ => return Err(format!("{file}: unknown initial state {s:?}")),
                        };
                        Ok((start, s))
                    })
                    .collect::<Result<_, _>>()?,
            };
            for (start, state_name) in starts {
                let id = format!("{file}: {description} ({state_name})");
                run_test(
                    &mut outcome,
                    &id,
                    &input,
                    &expected,
                    expected_errors,
                    start,
                    &last_start_tag,
                );
            }
        }
    }
    Ok(outcome)
}
