//! What `quire extract` reads: pages in legacy charsets decoded as a browser
//! decodes them (no U+FFFD where the charset is declared or BOM-marked),
//! gzip read transparently, and binary input refused with one line and exit
//! code 6. The pages are written here, in our own words, and encoded with
//! `encoding_rs`'s encoders, so no binary fixture is needed.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

use encoding_rs::Encoding;

fn quire(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quire"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn quire");
    let mut input = child.stdin.take().expect("stdin");
    let _ = input.write_all(stdin);
    drop(input);
    child.wait_with_output().expect("wait for quire")
}

/// The article text `quire extract - --format text ARGS` prints for `page`.
fn text_of(page: &[u8], args: &[&str]) -> String {
    let mut all = vec!["extract", "-", "--format", "text"];
    all.extend_from_slice(args);
    let out = quire(&all, page);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("the CLI prints UTF-8")
}

/// Three paragraphs of our own prose in each language.
const PROSE: &[(&str, [&str; 3])] = &[
    ("ISO-8859-1", [
        "Die Überwachung der Wasserqualität im Gebirgsbach gehört zu den Aufgaben, die Försterinnen und Förster jeden Frühling übernehmen.",
        "Sie messen Temperatur, Säuregehalt und die Zahl der Köcherfliegenlarven, die unter größeren Steinen leben, und tragen alles in ein Heft ein.",
        "Im Herbst vergleichen sie die Hefte der letzten Jahre; so sieht man, ob der Bach sich erholt oder ob eine neue Straße ihm schadet.",
    ]),
    ("windows-1251", [
        "Весной в маленьком северном городе открылась библиотека, в которой можно взять на время не только книги, но и лыжи, палатки и радиоприёмники.",
        "Жители приносят вещи сами, а волонтёры ведут учёт в толстой тетради, которую хранят у окна рядом с чайником.",
        "Зимой там проходят вечера, на которых старики рассказывают детям, как раньше ловили рыбу подо льдом.",
    ]),
    ("Shift_JIS", [
        "駅前の小さな本屋では、毎週土曜日に子どもたちのための朗読会が開かれています。",
        "店主は古い地図や旅行記を集めるのが趣味で、棚の半分は遠い国の物語で埋まっています。",
        "雨の日には、近所の人たちがお茶を持ち寄って、読んだ本の感想を話し合います。",
    ]),
    ("GB18030", [
        "这座山城的居民每天清晨都会沿着石阶去江边打水，一路上可以听见鸟叫和远处的船笛。",
        "近年来，镇上修建了新的水管，但许多老人仍然喜欢这条熟悉的小路，因为路上可以和邻居聊天。",
        "到了秋天，石阶两旁的桂花开了，整条街都飘着淡淡的香气。",
    ]),
    ("EUC-KR", [
        "바닷가 마을의 작은 도서관은 겨울마다 어부들을 위한 저녁 강좌를 연다.",
        "사람들은 그물 손질을 마친 뒤 모여 날씨와 별자리, 오래된 항해 기록에 대해 이야기를 나눈다.",
        "봄이 오면 강좌는 끝나지만, 도서관 창가에는 늘 누군가 앉아 바다를 보며 책을 읽는다.",
    ]),
];

/// A page holding `paras`, with `head` in its `<head>`.
fn page(head: &str, paras: &[&str]) -> String {
    let mut body = String::new();
    for _ in 0..3 {
        for p in paras {
            body.push_str(&format!("<p>{p}</p>\n"));
        }
    }
    format!("<!DOCTYPE html><html><head>{head}<title>T</title></head><body><article>{body}</article></body></html>")
}

fn encode(label: &str, text: &str) -> Vec<u8> {
    let enc = Encoding::for_label(label.as_bytes()).expect("a known label");
    let (bytes, _, unmappable) = enc.encode(text);
    assert!(!unmappable, "{label} cannot encode the test prose");
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "{label}: the bytes must not be valid UTF-8, or the test proves nothing"
    );
    bytes.into_owned()
}

fn assert_reads(text: &str, paras: &[&str], what: &str) {
    assert!(!text.contains('\u{fffd}'), "{what}: U+FFFD in {text:?}");
    for p in paras {
        assert!(text.contains(p), "{what}: {p:?} missing from {text:?}");
    }
}

#[test]
fn a_meta_charset_is_followed_in_every_legacy_encoding() {
    for (label, paras) in PROSE {
        let html = page(&format!("<meta charset=\"{label}\">"), paras);
        let text = text_of(&encode(label, &html), &[]);
        assert_reads(&text, paras, label);
    }
}

#[test]
fn an_http_equiv_content_type_is_followed() {
    for (label, paras) in PROSE {
        let head =
            format!("<meta http-equiv=\"Content-Type\" content=\"text/html; charset={label}\">");
        let text = text_of(&encode(label, &page(&head, paras)), &[]);
        assert_reads(&text, paras, label);
    }
}

#[test]
fn charset_flag_decodes_an_undeclared_page_and_beats_its_meta() {
    for (label, paras) in PROSE {
        let bytes = encode(label, &page("", paras));
        assert_reads(&text_of(&bytes, &["--charset", label]), paras, label);
        // Undeclared, the same bytes are read as windows-1252: no U+FFFD
        // either, but not the prose (what a browser shows too).
        if *label != "ISO-8859-1" {
            let guessed = text_of(&bytes, &[]);
            assert!(!guessed.contains(paras[0]), "{label}");
        }
        // A wrong meta loses to the caller's charset.
        let wrong = encode(label, &page("<meta charset=\"koi8-u\">", paras));
        assert_reads(&text_of(&wrong, &["--charset", label]), paras, label);
    }
}

#[test]
fn a_bom_beats_a_conflicting_meta_and_the_charset_flag() {
    let (_, paras) = PROSE[1];
    let html = page("<meta charset=\"windows-1251\">", &paras);
    let mut utf8 = b"\xef\xbb\xbf".to_vec();
    utf8.extend_from_slice(html.as_bytes());
    assert_reads(&text_of(&utf8, &[]), &paras, "UTF-8 BOM");
    assert_reads(
        &text_of(&utf8, &["--charset", "shift_jis"]),
        &paras,
        "UTF-8 BOM",
    );
    let mut utf16: Vec<u8> = vec![0xff, 0xfe];
    for unit in html.encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    assert_reads(&text_of(&utf16, &[]), &paras, "UTF-16LE BOM");
}

#[test]
fn a_page_saved_as_utf8_with_its_old_meta_reads_as_utf8() {
    let (_, paras) = PROSE[3];
    let html = page("<meta charset=\"gb2312\">", &paras);
    assert_reads(
        &text_of(html.as_bytes(), &[]),
        &paras,
        "UTF-8 under a GB2312 meta",
    );
}

#[test]
fn an_unknown_charset_flag_is_a_usage_error() {
    let out = quire(&["extract", "-", "--charset", "klingon-8"], b"<p>x</p>");
    assert_eq!(out.status.code(), Some(2));
}

/// Asserts exit 6 and one line on stderr naming what the input is.
fn assert_not_a_document(bytes: &[u8], kind: &str) {
    let out = quire(&["extract", "-"], bytes);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(6), "{err}");
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(err.starts_with("quire: not an HTML document"), "{err}");
    assert!(err.contains(kind), "{err} lacks {kind}");
    assert!(out.stdout.is_empty());
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(bytes).expect("gzip");
    gz.finish().expect("gzip")
}

#[test]
fn binary_input_exits_6_with_one_line() {
    assert_not_a_document(
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>",
        "PDF",
    );
    assert_not_a_document(b"PK\x03\x04\x14\x00\x00\x00\x08\x00<html>", "ZIP");
    assert_not_a_document(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG");
    // Pseudo-random bytes with NULs and no markup.
    let mut noise = Vec::new();
    let mut x: u32 = 12345;
    for _ in 0..4096 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        noise.push((x >> 16) as u8);
    }
    noise[10] = 0;
    assert_not_a_document(&noise, "NUL bytes");
    // gzip holding something that is not a page.
    assert_not_a_document(&gzip(b"%PDF-1.4 not a page"), "gzip holding a PDF");
}

#[test]
fn gzip_is_read_transparently() {
    let (label, paras) = PROSE[0];
    let html = page(&format!("<meta charset=\"{label}\">"), &paras);
    let gz = gzip(&encode(label, &html));
    assert_reads(&text_of(&gz, &[]), &paras, "gzip on stdin");
    let path = std::env::temp_dir().join(format!("quire-cli-{}-page.html.gz", std::process::id()));
    std::fs::write(&path, &gz).expect("write");
    let out = quire(
        &["extract", path.to_str().expect("utf-8"), "--format", "text"],
        b"",
    );
    let _ = std::fs::remove_file(&path);
    assert_eq!(out.status.code(), Some(0));
    assert_reads(
        &String::from_utf8_lossy(&out.stdout),
        &paras,
        ".html.gz file",
    );
}

#[test]
fn a_gzip_bomb_is_cut_at_max_bytes() {
    let big = gzip(&vec![b' '; 4 << 20]);
    let out = quire(&["extract", "-", "--max-bytes", "1000000"], &big);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("over 1000000 bytes"), "{err}");
}

#[test]
fn html_with_a_stray_nul_is_still_a_page() {
    let html = page("", &PROSE[0].1).replace("<article>", "<article>\0");
    let text = text_of(html.as_bytes(), &[]);
    assert!(text.contains(PROSE[0].1[0]));
}
