//! Output keeps up with input: `saidso list` and `saidso quotes` (TSV, Markdown) write an
//! article's lines as soon as it is read, while later input is still to come. The input is a
//! JSON Lines dataset on standard input, fed one record at a time by the test.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

/// Long enough for any machine; only a binary that never writes before the input ends waits
/// this long.
const PATIENCE: Duration = Duration::from_secs(120);

fn record(name: &str, town: &str) -> String {
    let text = format!(
        "The council met in {town} on Monday.\n\n\"We will open the bridge in spring,\" said {name}, the mayor of {town}.\n\nWork starts next week."
    );
    serde_json::json!({ "title": format!("Bridge news from {town}"), "text": text }).to_string()
        + "\n"
}

/// The binary reading standard input with `args`, and its output lines as they come.
fn start(args: &[&str]) -> (Child, ChildStdin, Receiver<String>) {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin!("saidso"))
        .arg("--no-state")
        .args(args)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("starts");
    let stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    let (send, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if send.send(line).is_err() {
                return;
            }
        }
    });
    (child, stdin, lines)
}

/// Waits for a line with `needle`; fails if the output ends, or nothing comes in a long while.
fn wait_for(child: &mut Child, lines: &Receiver<String>, needle: &str) {
    loop {
        match lines.recv_timeout(PATIENCE) {
            Ok(line) if line.contains(needle) => return,
            Ok(_) => {}
            Err(e) => {
                let _ = child.kill();
                panic!("no line with {needle:?} while the input was still open ({e})");
            }
        }
    }
}

/// Feeds the first article, waits for its line, then feeds the second and ends the input:
/// the second article's line comes too.
fn streams(args: &[&str], first: &str, second: &str) {
    let (mut child, mut stdin, lines) = start(args);
    stdin.write_all(record("Mara Quist", "Westhaven").as_bytes()).expect("written");
    stdin.flush().expect("flushed");
    wait_for(&mut child, &lines, first);
    stdin.write_all(record("Piet Vos", "Eastmoor").as_bytes()).expect("written");
    drop(stdin);
    wait_for(&mut child, &lines, second);
    assert!(child.wait().expect("exits").success());
}

#[test]
fn quotes_as_tsv_come_as_each_article_is_read() {
    streams(&["quotes", "--format", "tsv"], "Mara Quist", "Piet Vos");
}

#[test]
fn quotes_as_markdown_come_as_each_article_is_read() {
    streams(&["quotes", "--format", "markdown"], "Westhaven", "Eastmoor");
}

#[test]
fn list_lines_come_as_each_article_is_read() {
    streams(&["list", "--format", "jsonl"], "Westhaven", "Eastmoor");
}
