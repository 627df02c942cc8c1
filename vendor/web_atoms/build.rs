// Copyright 2014-2017 The html5ever Project Developers. See the
// COPYRIGHT file at the top-level directory of this distribution.
//
// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

extern crate string_cache_codegen;

use std::collections::BTreeMap;
use std::env;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::Path;

mod entities;

static NAMESPACES: &[(&str, &str)] = &[
    ("", ""),
    ("*", "*"),
    ("html", "http://www.w3.org/1999/xhtml"),
    ("xml", "http://www.w3.org/XML/1998/namespace"),
    ("xmlns", "http://www.w3.org/2000/xmlns/"),
    ("xlink", "http://www.w3.org/1999/xlink"),
    ("svg", "http://www.w3.org/2000/svg"),
    ("mathml", "http://www.w3.org/1998/Math/MathML"),
];

fn main() {
    let generated = Path::new(&env::var("OUT_DIR").unwrap()).join("generated.rs");
    let mut generated = BufWriter::new(File::create(generated).unwrap());

    named_entities_to_phf(&Path::new(&env::var("OUT_DIR").unwrap()).join("named_entities.rs"));

    // Create a string cache for local names
    let local_names = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("local_names.txt");
    let mut local_names_atom = string_cache_codegen::AtomType::new("LocalName", "local_name!");
    for line in BufReader::new(File::open(local_names).unwrap()).lines() {
        let local_name = line.unwrap();
        local_names_atom.atom(&local_name);
        local_names_atom.atom(&local_name.to_ascii_lowercase());
    }
    local_names_atom
        .with_macro_doc("Takes a local name as a string and returns its key in the string cache.")
        .write_to(&mut generated)
        .unwrap();

    // Create a string cache for namespace prefixes
    string_cache_codegen::AtomType::new("Prefix", "namespace_prefix!")
        .with_macro_doc("Takes a namespace prefix string and returns its key in a string cache.")
        .atoms(NAMESPACES.iter().map(|&(prefix, _url)| prefix))
        .write_to(&mut generated)
        .unwrap();

    // Create a string cache for namespace urls
    string_cache_codegen::AtomType::new("Namespace", "namespace_url!")
        .with_macro_doc("Takes a namespace url string and returns its key in a string cache.")
        .atoms(NAMESPACES.iter().map(|&(_prefix, url)| url))
        .write_to(&mut generated)
        .unwrap();

    writeln!(
        generated,
        r#"
        /// Maps the input of [`namespace_prefix!`](macro.namespace_prefix.html) to
        /// the output of [`namespace_url!`](macro.namespace_url.html).
        ///
        #[macro_export] macro_rules! ns {{
        "#
    )
    .unwrap();
    for &(prefix, url) in NAMESPACES {
        writeln!(
            generated,
            "({prefix}) => {{ $crate::namespace_url!({url:?}) }};"
        )
        .unwrap();
    }
    writeln!(generated, "}}").unwrap();
}

fn named_entities_to_phf(to: &Path) {
    // Quire's change: instead of a phf map holding every prefix of every
    // entity name (about 10,000 keys), emit the 2,231 names sorted, one
    // string of all names with their end offsets, and their code points.
    // `EntityTable::get` answers the same questions by binary search.
    let entities: BTreeMap<&str, (u32, u32)> = entities::NAMED_ENTITIES
        .iter()
        .map(|(name, cp1, cp2)| {
            assert!(name.starts_with('&'));
            (&name[1..], (*cp1, *cp2))
        })
        .collect();

    let mut names = String::new();
    let mut ends = Vec::new();
    let mut values = Vec::new();
    for (key, value) in &entities {
        names.push_str(key);
        ends.push(names.len());
        values.push(*value);
    }
    assert!(names.len() <= u16::MAX as usize);

    let mut file = BufWriter::new(File::create(to).unwrap());
    writeln!(file, "const ENTITY_COUNT: usize = {};", entities.len()).unwrap();
    writeln!(file, "static ENTITY_NAMES: &str = {names:?};").unwrap();
    write!(file, "static ENTITY_ENDS: [u16; ENTITY_COUNT] = [").unwrap();
    for e in &ends {
        write!(file, "{e},").unwrap();
    }
    writeln!(file, "];").unwrap();
    write!(file, "static ENTITY_VALUES: [(u32, u32); ENTITY_COUNT] = [").unwrap();
    for (a, b) in &values {
        write!(file, "({a},{b}),").unwrap();
    }
    writeln!(file, "];").unwrap();
    // Where the names of each first byte start: names beginning with byte
    // `b` are `ENTITY_FIRST[b]..ENTITY_FIRST[b + 1]` (all names are ASCII).
    write!(file, "static ENTITY_FIRST: [u16; 129] = [").unwrap();
    let keys: Vec<&str> = entities.keys().copied().collect();
    for b in 0..=128u32 {
        let start = keys.partition_point(|k| u32::from(k.as_bytes()[0]) < b);
        write!(file, "{start},").unwrap();
    }
    writeln!(file, "];").unwrap();
}
