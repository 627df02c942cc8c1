//! The vendored entity table (`vendor/web_atoms`, see Cargo.toml's
//! `[patch.crates-io]`) answers every lookup the tokenizer makes exactly as
//! upstream's phf map of all prefixes did.

use std::collections::BTreeMap;

use markup5ever::data::NAMED_ENTITIES as TABLE;

mod upstream {
    // The upstream list of 2,231 entities, the input of both tables.
    include!("../vendor/web_atoms/entities.rs");
}

/// Upstream's map, built as its build script built it: every name (without
/// `&`) to its code points, every proper prefix of a name to (0, 0), and the
/// empty string to (0, 0).
fn reference() -> BTreeMap<String, (u32, u32)> {
    let mut map: BTreeMap<String, (u32, u32)> = upstream::NAMED_ENTITIES
        .iter()
        .map(|(name, a, b)| (name[1..].to_string(), (*a, *b)))
        .collect();
    for key in map.keys().cloned().collect::<Vec<_>>() {
        for n in 1..key.len() {
            map.entry(key[..n].to_string()).or_insert((0, 0));
        }
    }
    map.insert(String::new(), (0, 0));
    map
}

#[test]
fn every_name_and_prefix_gives_upstreams_answer() {
    let reference = reference();
    assert_eq!(upstream::NAMED_ENTITIES.len(), 2231);
    assert!(reference.len() > 2231 * 3, "{}", reference.len());
    for (key, value) in &reference {
        assert_eq!(TABLE.get(key), Some(value), "{key:?}");
    }
}

#[test]
fn strings_that_are_no_prefix_are_not_found() {
    let reference = reference();
    // One more character after every key: found exactly when upstream has
    // the longer key.
    let extra = ['a', 'z', 'A', 'Z', '0', '9', ';', ' ', '&', 'é', '\u{0}'];
    let mut checked = 0;
    for key in reference.keys() {
        for c in extra {
            let longer = format!("{key}{c}");
            assert_eq!(TABLE.get(&longer), reference.get(&longer), "{longer:?}");
            checked += 1;
        }
    }
    assert!(checked > 50_000);
    for s in ["qx", "zz", "amp;x", "AMPx", "\u{ff}", "nbsp;;", "&amp;"] {
        assert_eq!(reference.get(s), None, "{s:?}");
        assert_eq!(TABLE.get(s), None, "{s:?}");
    }
}

#[test]
fn the_parser_decodes_references_through_the_table() {
    let html = "<p id=t>&amp; &amp &lt;b&gt; &notit; &notin; &acE; &Aacute &x &fjlig; \
                &CounterClockwiseContourIntegral; &zwnj;|</p>";
    let dom = quire::Dom::parse(html, &quire::Limits::default()).unwrap();
    let p = dom.find_tag(dom.document(), "p").unwrap();
    assert_eq!(
        dom.text_content(p),
        "& & <b> \u{ac}it; \u{2209} \u{223e}\u{333} \u{c1} &x fj \u{2233} \u{200c}|"
    );
}
