//! UTF-16 text with a byte-order mark (what Windows saves as "Unicode text") read as text, from
//! a file and over HTTP, as a record and as an article; never "binary".

use crate::common::saidso;
use crate::common::server::{Reply, Server};

const RECORD: &str = "MAYOR JANE OKAFOR: We have set aside four million pounds for Zoë's wall.\n";
const ARTICLE: &str = "Harbour wall\n\n\"We have set aside four million pounds for Zoë's \
                       wall,\" Jane Okafor said.\n";

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let units = text.encode_utf16();
    let bom: [u8; 2] = if big_endian { [0xfe, 0xff] } else { [0xff, 0xfe] };
    let bytes: Vec<u8> = if big_endian {
        units.flat_map(u16::to_be_bytes).collect()
    } else {
        units.flat_map(u16::to_le_bytes).collect()
    };
    bom.into_iter().chain(bytes).collect()
}

/// `saidso check` on `record` and `article` (paths or URLs): its stdout, checked to succeed.
fn check(record: &str, article: &str) -> String {
    let out = saidso().args(["check", "--record", record, article]).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("binary"), "{stderr}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn utf16_files_with_a_bom_are_records_and_articles() {
    let dir = tempfile::tempdir().expect("temp dir");
    for big_endian in [false, true] {
        let (r, a) = (dir.path().join("r16.txt"), dir.path().join("a16.txt"));
        std::fs::write(&r, utf16(RECORD, big_endian)).expect("write record");
        std::fs::write(&a, utf16(ARTICLE, big_endian)).expect("write article");
        let out = check(&r.to_string_lossy(), &a.to_string_lossy());
        assert!(out.contains("verbatim       Jane Okafor"), "{out}");
        assert!(out.contains("1 checked: 1 verbatim"), "{out}");
    }
}

#[test]
fn utf16_over_http_is_a_record() {
    let server = Server::start(|req| match req.path.as_str() {
        "/r16.txt" => Reply::ok("text/plain", utf16(RECORD, false)),
        _ => Reply::status(404),
    });
    let dir = tempfile::tempdir().expect("temp dir");
    let a = dir.path().join("a.txt");
    std::fs::write(&a, ARTICLE).expect("write article");
    let out = check(&server.url("/r16.txt"), &a.to_string_lossy());
    assert!(out.contains("1 checked: 1 verbatim"), "{out}");
}
