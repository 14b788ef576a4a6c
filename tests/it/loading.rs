//! Loading through the real binary: folders, stdin, and every kind of bad input.

use std::fs;
use std::path::Path;

use crate::common::saidso;
use predicates::prelude::*;
use tempfile::TempDir;

const ARTICLE: &str = "A headline for the test\n\nThe mayor said the bridge would close.\n";

fn jsonl(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().expect("has parent")).expect("mkdir");
    fs::write(path, bytes).expect("write");
}

#[test]
fn folders_are_walked_recursively_in_path_order_skipping_hidden_files() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "b.txt", ARTICLE.replace("mayor", "governor").as_bytes());
    write(dir.path(), "a/z.md", ARTICLE.as_bytes());
    write(dir.path(), ".hidden.txt", b"Hidden headline\n\nNot to be read.\n");
    write(dir.path(), ".git/x.txt", b"Hidden headline\n\nNot to be read.\n");
    let out = saidso().args(["list", "--format", "jsonl"]).arg(dir.path()).output().unwrap();
    assert!(out.status.success());
    let paths: Vec<String> =
        jsonl(&out.stdout).iter().map(|v| v["path"].as_str().unwrap().to_string()).collect();
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(paths[0].ends_with("a/z.md") && paths[1].ends_with("b.txt"), "{paths:?}");
}

#[test]
fn bad_inputs_are_skipped_with_one_line_each_and_the_rest_loads() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    write(d, "good.txt", ARTICLE.as_bytes());
    write(d, "empty.txt", b"");
    write(d, "blank.txt", b"  \n\n ");
    write(d, "image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    write(
        d,
        "latin1.txt",
        b"Caf\xe9 owners protest\n\nThe owners of the caf\xe9 said they would close.\n",
    );
    write(d, "ads.txt", b"Advertisement\n\nAdvert\n");
    // A socket exists but cannot be read as a file (permissions would not stop root).
    let socket = d.join("socket.txt");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let out = saidso()
        .args(["list", "--format", "jsonl"])
        .arg(d.join("good.txt"))
        .arg(d.join("empty.txt"))
        .arg(d.join("blank.txt"))
        .arg(d.join("image.png"))
        .arg(d.join("latin1.txt"))
        .arg(d.join("ads.txt"))
        .arg(&socket)
        .arg(d.join("missing.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows = jsonl(&out.stdout);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1]["title"], "Caf\u{fffd} owners protest");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    for (file, reason) in [
        ("missing.txt", "no such file"),
        ("empty.txt", "empty file"),
        ("blank.txt", "empty file"),
        ("image.png", "binary file"),
        ("latin1.txt", "not valid UTF-8"),
        ("ads.txt", "nothing left"),
        ("socket.txt", "a socket, not a regular file"),
    ] {
        let hits = lines.iter().filter(|l| l.contains(file)).count();
        assert_eq!(hits, 1, "{file}: {stderr}");
        assert!(lines.iter().any(|l| l.contains(file) && l.contains(reason)), "{file}: {stderr}");
    }
    assert_eq!(lines.len(), 7, "{stderr}");
}

#[test]
fn fifos_links_in_a_loop_and_vanished_files_say_what_they_are() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    write(d, "good.txt", ARTICLE.as_bytes());
    let fifo = d.join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("run mkfifo");
    assert!(made.success());
    std::os::unix::fs::symlink(d.join("loop-b"), d.join("loop-a")).unwrap();
    std::os::unix::fs::symlink(d.join("loop-a"), d.join("loop-b")).unwrap();
    std::os::unix::fs::symlink(d.join("nowhere"), d.join("dangling.txt")).unwrap();
    let out = saidso()
        .args(["list", "--format", "jsonl"])
        .arg(d.join("good.txt"))
        .arg(&fifo)
        .arg(d.join("loop-a"))
        .arg(d.join("dangling.txt"))
        // Opening the FIFO would wait for a writer for ever.
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(jsonl(&out.stdout).len(), 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (file, reason) in [
        ("pipe.txt", "a named pipe (FIFO), not a regular file"),
        ("loop-a", "symbolic links in a loop"),
        ("dangling.txt", "a symbolic link to nothing"),
    ] {
        assert!(stderr.lines().any(|l| l.contains(file) && l.contains(reason)), "{file}: {stderr}");
    }
    assert!(!stderr.contains("no such file"), "{stderr}");
    // A file gone between finding it and opening it.
    let gone = saidso::sources::Input::File(d.join("gone.txt"));
    let (_, problems) = saidso::sources::read(&gone);
    let message = problems.first().map(ToString::to_string).unwrap_or_default();
    assert!(message.ends_with("skipped: the file was removed while loading"), "{message}");
}

#[test]
fn nothing_to_show_is_an_error() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "empty.txt", b"");
    saidso()
        .arg("list")
        .arg(dir.path())
        .arg(dir.path().join("nope"))
        .assert()
        .failure()
        .stdout("")
        .stderr(predicate::str::contains("no article read from"));
}

#[test]
fn stdin_is_read_with_a_dash() {
    saidso()
        .args(["read", "--width", "40", "-"])
        .write_stdin(ARTICLE)
        .assert()
        .success()
        .stdout("A headline for the test\n=======================\n\nThe mayor said the bridge would close.\n");
}

#[test]
fn quote_offsets_in_a_latin1_file_slice_the_file_as_read() {
    let dir = TempDir::new().unwrap();
    // Latin-1: é is one byte (0xE9), shown as U+FFFD (three bytes) in the decoded text.
    let file: &[u8] = b"Caf\xe9 owners protest\n\nThe caf\xe9 owners met on Monday. \"We will close every caf\xe9 on the square,\" said Ren\xe9e Dubois, who chairs the association.\n\n\"No d\xe9cision yet,\" the mayor told reporters.\n";
    write(dir.path(), "latin1.txt", file);
    let out = saidso()
        .args(["quotes", "--format", "jsonl"])
        .arg(dir.path().join("latin1.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows = jsonl(&out.stdout);
    assert_eq!(rows.len(), 2, "{rows:?}");
    for row in &rows {
        let (start, end) = (row["start"].as_u64().unwrap(), row["end"].as_u64().unwrap());
        let slice = &file[start as usize..end as usize];
        assert_eq!(String::from_utf8_lossy(slice), row["text"].as_str().unwrap(), "{row}");
    }
    assert!(rows[0]["text"].as_str().unwrap().starts_with("We will close"));
}
