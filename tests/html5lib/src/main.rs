//! The html5lib-tests tokenizer and tree-construction suites (`data/`), run
//! against Quire's fork of html5ever (`vendor/html5ever`) and against
//! upstream html5ever 0.40.1, side by side.
//!
//! Prints, per suite, how many tests each parser passes against the
//! suite's expected output. Fails when the two parsers' results differ on
//! any test (tokens, trees or parse errors, however the input is cut into
//! pieces), and when either pass count falls below the floor recorded in
//! [`FLOORS`] (both parsers share markup5ever and the vendored entity table,
//! so a fault there would lower both counts alike).

mod tokenizer;
mod tree;

use std::path::Path;
use std::process::ExitCode;

/// The floor for each suite: (suite, the fewest tests run, the fewest
/// passes for each parser). Today's counts, the same for upstream and the
/// fork, with this copy of the suite (2020): the tree-construction tests
/// upstream fails expect older parsing of `<select>` and of some foreign
/// content fragments than html5ever 0.40 follows. A change that passes more
/// tests may raise them.
const FLOORS: [(&str, usize, usize); 2] =
    [("tokenizer", 7026, 7026), ("tree-construction", 3365, 3317)];

/// The results of one suite.
#[derive(Default)]
pub struct Outcome {
    /// Tests run (a test counts once per initial state or scripting flag).
    pub total: usize,
    /// Tests not run, with the reason in `notes`.
    pub skipped: usize,
    /// Tests whose output matched the expected one, for upstream.
    pub up_pass: usize,
    /// The same, for the fork.
    pub fork_pass: usize,
    /// Tokenizer only: tests whose number of parse errors (exact errors,
    /// input whole) matched the expected number, per parser.
    pub up_errors_match: usize,
    /// The same, for the fork.
    pub fork_errors_match: usize,
    /// Where the fork's result differed from upstream's: one description
    /// per test.
    pub differences: Vec<String>,
    /// Tests where the two parsers disagree on passing (a subset of the
    /// differences).
    pub pass_disagreements: Vec<String>,
    /// Tests upstream fails against the expected output, with what it gave
    /// (listed when `HTML5LIB_SHOW_FAILURES` is set).
    pub failures: Vec<String>,
    /// Remarks on skipped tests.
    pub notes: Vec<String>,
}

impl Outcome {
    fn record(&mut self, id: &str, up_pass: bool, fork_pass: bool, difference: Option<String>) {
        self.total += 1;
        self.up_pass += usize::from(up_pass);
        self.fork_pass += usize::from(fork_pass);
        if up_pass != fork_pass {
            self.pass_disagreements.push(id.to_string());
        }
        if let Some(d) = difference {
            self.differences.push(d);
        }
    }
}

/// Runs one suite on its folder of `data/`.
type RunSuite = fn(&Path) -> Result<Outcome, String>;

fn main() -> ExitCode {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut failed = false;
    let suites: [(&str, RunSuite); 2] = [
        ("tokenizer", tokenizer::run),
        ("tree-construction", tree::run),
    ];
    println!("html5lib-tests (data/), upstream html5ever 0.40.1 and the fork (vendor/html5ever):");
    for (name, run) in suites {
        let outcome = match run(&data.join(name)) {
            Ok(o) => o,
            Err(e) => {
                eprintln!("{name}: cannot run the suite: {e}");
                failed = true;
                continue;
            }
        };
        let n = outcome.total;
        println!(
            "  {name}: upstream {}/{n}, fork {}/{n} passed; {} differences between them; {} skipped",
            outcome.up_pass,
            outcome.fork_pass,
            outcome.differences.len(),
            outcome.skipped
        );
        if name == "tokenizer" {
            println!(
                "    parse error counts as expected (exact errors): upstream {}/{n}, fork {}/{n}",
                outcome.up_errors_match, outcome.fork_errors_match
            );
        }
        for note in &outcome.notes {
            println!("    {note}");
        }
        if std::env::var_os("HTML5LIB_SHOW_FAILURES").is_some() {
            for f in &outcome.failures {
                println!("    upstream fails: {f}");
            }
        }
        if !outcome.differences.is_empty() {
            failed = true;
            eprintln!(
                "{name}: the fork differs from upstream on {} tests (first 20):",
                outcome.differences.len()
            );
            for d in outcome.differences.iter().take(20) {
                eprintln!("- {d}");
            }
            for id in &outcome.pass_disagreements {
                eprintln!("  passes on one parser only: {id}");
            }
        }
        if let Some(&(_, floor_total, floor_pass)) = FLOORS.iter().find(|f| f.0 == name) {
            if n < floor_total || outcome.up_pass < floor_pass || outcome.fork_pass < floor_pass {
                failed = true;
                eprintln!(
                    "{name}: below the recorded floor: {floor_pass} passes out of {floor_total} tests (main.rs, FLOORS)"
                );
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        println!("html5lib-tests: the fork matches upstream on every test");
        ExitCode::SUCCESS
    }
}
