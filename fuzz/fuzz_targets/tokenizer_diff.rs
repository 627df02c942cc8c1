//! Fuzz target: the vendored html5ever tokenizer (Quire's fork) against
//! upstream html5ever 0.40.1 on arbitrary input, whole or cut into pieces
//! (`quire_fuzz::compare_fuzz_input` reads the bytes). Any difference in
//! tokens or parse errors is a bug in the fork's patches.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(difference) = quire_fuzz::compare_fuzz_input(data) {
        panic!("{difference}");
    }
});
