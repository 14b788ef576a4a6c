//! The real binary in a pseudo-terminal, its screen read by a terminal emulator (vt100): it
//! opens, answers keys, quits with `q`, and gives the terminal back as it found it; escape
//! sequences in an article never reach the terminal.

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 30;
const COLS: u16 = 100;

/// What the emulator was asked to do besides drawing: set a title, use the clipboard, follow
/// an OSC it does not know. An article must cause none of it.
#[derive(Default)]
struct Requests(Vec<String>);

impl vt100::Callbacks for Requests {
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.0.push(format!("title {}", String::from_utf8_lossy(title)));
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.0.push(format!("icon {}", String::from_utf8_lossy(name)));
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _: &[u8], data: &[u8]) {
        self.0.push(format!("clipboard {}", String::from_utf8_lossy(data)));
    }
    fn unhandled_osc(&mut self, _: &mut vt100::Screen, params: &[&[u8]]) {
        self.0.push(format!("osc {params:?}"));
    }
}
/// Only a guard against hanging: a healthy run takes a fraction of it.
const PATIENCE: Duration = Duration::from_secs(30);

/// The reader running in a pseudo-terminal, and the emulator that reads its output.
struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    parser: vt100::Parser<Requests>,
}

impl Session {
    fn start(args: &[&str]) -> Self {
        Self::start_with(args, &[])
    }

    /// Starts the reader with `args` and these environment variables.
    fn start_with(args: &[&str], env: &[(&str, &std::path::Path)]) -> Self {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_saidso"));
        // The user's own state file stays untouched.
        cmd.arg("--no-state");
        cmd.args(args);
        for (name, value) in env {
            cmd.env(name, value);
        }
        Self::spawn(cmd)
    }

    /// Runs `cmd` in a new pseudo-terminal.
    fn spawn(mut cmd: CommandBuilder) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize { rows: ROWS, cols: COLS, pixel_width: 0, pixel_height: 0 })
            .expect("open a pty");
        cmd.env("TERM", "xterm-256color");
        let child = pty.slave.spawn_command(cmd).expect("start saidso");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        let (tx, output) = channel();
        std::thread::spawn(move || {
            // The master must stay open while the child runs: it lives in this thread.
            let _master = pty.master;
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Self { child, writer, output, parser: emulator() }
    }

    fn press(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("type");
        self.writer.flush().expect("flush");
    }

    /// Reads output until the screen satisfies `done`.
    fn wait_for(&mut self, what: &str, done: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + PATIENCE;
        while !done(self.parser.screen()) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(bytes) => self.parser.process(&bytes),
                Err(_) => panic!("never saw {what}; screen:\n{}", self.parser.screen().contents()),
            }
        }
    }

    fn wait_for_text(&mut self, text: &str) {
        self.wait_for(text, |s| s.contents().contains(text));
    }

    /// Waits for the process to end and reads the rest of its output.
    fn finish(mut self) -> (bool, vt100::Parser<Requests>) {
        let deadline = Instant::now() + PATIENCE;
        let status = loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                break status;
            }
            assert!(Instant::now() < deadline, "saidso did not quit");
            if let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(50)) {
                self.parser.process(&bytes);
            }
        };
        while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(200)) {
            self.parser.process(&bytes);
        }
        (status.success(), self.parser)
    }

    /// Waits for the process to end, and checks that it succeeded and gave the terminal back
    /// as it found it; `after` says what ended it.
    fn finish_cleanly(self, after: &str) {
        let (success, parser) = self.finish();
        assert!(success, "after {after}: saidso exited with an error");
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "after {after}: still on the alternate screen");
        assert!(!screen.hide_cursor(), "after {after}: cursor left hidden");
        let mouse = screen.mouse_protocol_mode();
        assert_eq!(mouse, vt100::MouseProtocolMode::None, "after {after}: mouse left captured");
    }
}

fn emulator() -> vt100::Parser<Requests> {
    let size = |n| std::num::NonZeroU16::new(n).expect("non-zero size");
    vt100::Parser::new_with_callbacks(size(ROWS), size(COLS), 0, Requests::default())
}

#[test]
fn opens_the_seeds_answers_keys_quits_and_restores_the_terminal() {
    let mut s = Session::start(&[]);
    s.wait_for("the first article", |s| {
        s.alternate_screen() && s.contents().contains("Russia has said Vladimir Putin is open")
    });
    assert!(s.parser.screen().hide_cursor());
    assert_ne!(s.parser.screen().mouse_protocol_mode(), vt100::MouseProtocolMode::None);
    s.press("j");
    s.wait_for_text("Articles 2/5");
    s.wait_for_text("In a calls with Chinese Premier Xi");
    s.press("?");
    s.wait_for_text("filter articles by title and text");
    s.press("q");
    s.wait_for("the help to close", |s| !s.contents().contains("filter articles by title"));
    // A mouse click (SGR encoding, 1-based) on the list's third row, then to the pane's end.
    s.press("\x1b[<0;5;4M\x1b[<0;5;4m");
    s.wait_for_text("Articles 3/5");
    s.press("\tG");
    s.wait_for_text("article 3/5 · 100%");
    s.press("q");
    s.finish_cleanly("q");
}

#[test]
fn escape_sequences_in_an_article_do_not_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("evil.txt");
    let text = "Harmless headline \x1b]0;pwned-title\x07here\n\n\
                Body \x1b[2J\x1b[H\x1b[31mred\x1b[0m and \u{9b}?1049l more \x1b[?1049l text \
                \x1b]52;c;cHduZWQ=\x07 and \x1b]8;;http://evil.example\x1b\\a link\x1b]8;;\x1b\\ \
                \x1b[?25h\x1b[?1000l after \u{202e}desrever\u{202c} end.\n\n\
                \"A quoted \x1bPq#0;2;0;0;0\x1b\\ phrase,\" she said.\n";
    std::fs::write(&path, text).expect("write article");
    let path = path.to_string_lossy().into_owned();
    let mut s = Session::start(&[path.as_str()]);
    s.wait_for_text("end.");
    let screen = s.parser.screen();
    let contents = screen.contents();
    assert!(screen.alternate_screen(), "an article sequence left the alternate screen");
    assert!(screen.hide_cursor(), "an article sequence showed the cursor");
    assert_ne!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
    assert!(contents.contains("Harmless headline"), "{contents}");
    assert!(contents.contains("red") && contents.contains("a link") && contents.contains("phrase"));
    for leaked in ["pwned", "2J", "1049", "52;c", "evil.example", "25h", "#0;2"] {
        assert!(!contents.contains(leaked), "`{leaked}` reached the screen:\n{contents}");
    }
    s.press("q");
    let (success, parser) = s.finish();
    assert!(success);
    assert!(!parser.screen().alternate_screen());
    assert_eq!(parser.callbacks().0, Vec::<String>::new(), "the article made the terminal act");
}

#[test]
fn r_fetches_the_followed_feeds_while_the_reader_stays_usable() {
    let server = crate::fetch::news_server(Default::default());
    let config_home = tempfile::tempdir().expect("temp dir");
    let dir = config_home.path().join("saidso");
    std::fs::create_dir(&dir).expect("config dir");
    std::fs::write(dir.join("feeds"), server.url("/feed.xml")).expect("feeds file");
    let mut s = Session::start_with(&[], &[("XDG_CONFIG_HOME", config_home.path())]);
    s.wait_for_text("Articles 1/5");
    s.press("r");
    s.wait_for_text("3 new articles from 1 feed");
    s.wait_for_text("Articles 1/8");
    // The new articles are at the end of the list, with their quotes.
    s.press("G");
    s.wait_for_text("Articles 8/8");
    s.press("q");
    s.finish_cleanly("q");
}

#[test]
fn a_kill_or_a_hangup_leaves_the_way_q_does() {
    for signal in ["TERM", "HUP"] {
        let mut s = Session::start(&[]);
        s.wait_for_text("Articles 1/5");
        let pid = s.child.process_id().expect("the reader's pid").to_string();
        let killed = std::process::Command::new("kill").args(["-s", signal, &pid]).status();
        assert!(killed.expect("run kill").success());
        s.finish_cleanly(signal);
    }
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_comes_back_to_a_redrawn_screen() {
    // An interactive shell with job control, as a user has: Control-Z stops the reader there.
    let mut cmd = CommandBuilder::new("bash");
    cmd.args(["--norc", "--noprofile", "-i"]);
    cmd.env("PS1", "shell> ");
    let mut s = Session::spawn(cmd);
    s.wait_for_text("shell>");
    s.press(&format!("{} --no-state\r", env!("CARGO_BIN_EXE_saidso")));
    s.wait_for_text("Articles 1/5");
    s.press("j");
    s.wait_for_text("Articles 2/5");
    s.press("\x1a");
    s.wait_for("the shell back", |s| !s.alternate_screen() && s.contents().contains("Stopped"));
    s.press("fg\r");
    s.wait_for("the reader redrawn", |s| {
        s.alternate_screen() && s.contents().contains("Articles 2/5")
    });
    s.press("j");
    s.wait_for_text("Articles 3/5");
    s.press("q");
    // The shell's third prompt: the reader is gone, and what is typed goes to the shell.
    s.wait_for("the shell again", |s| {
        !s.alternate_screen() && s.contents().matches("shell>").count() >= 3
    });
    s.press("exit\r");
    let (_, parser) = s.finish();
    assert!(!parser.screen().alternate_screen());
}

#[test]
fn ctrl_c_quits_even_when_the_keymap_binds_quit_elsewhere() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[keys]\nquit = [\"Q\"]\n").expect("config");
    let config = config.to_string_lossy().into_owned();
    let mut s = Session::start(&["--config", config.as_str()]);
    s.wait_for_text("Articles 1/5");
    s.press("\x03");
    s.finish_cleanly("Ctrl-c");
}

#[test]
fn a_bad_key_table_keeps_the_reader_from_starting_and_says_where_it_is() {
    let config =
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/invalid_configs/ctrl_c_bound_elsewhere.toml");
    let s = Session::start(&["--config", config]);
    let (success, parser) = s.finish();
    assert!(!success, "the reader started with keys that do not work");
    let shown = parser.screen().contents();
    assert!(shown.contains(&format!("error: in the configuration: {config}:6:8")), "{shown}");
    assert!(shown.contains("it cannot be bound to `down`"), "{shown}");
}

#[test]
fn a_record_without_labels_is_warned_of_in_messages_and_r_says_how_to_name_its_speaker() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (record, article) = (dir.path().join("r3.txt"), dir.path().join("s.txt"));
    std::fs::write(&record, "We have set aside four million pounds. The wall is old.\n")
        .expect("write record");
    std::fs::write(&article, "Harbour wall\n\n\"The wall is old,\" Jane Okafor said.\n")
        .expect("write article");
    let (record, article) = (record.to_string_lossy(), article.to_string_lossy());
    let mut s = Session::start(&["--record", &record, &article]);
    s.wait_for_text("Articles 1/2");
    s.press("M");
    s.wait_for_text("no speaker labels");
    s.wait_for_text("Messages 1");
    s.press("\x1b");
    s.wait_for("the messages to close", |s| !s.contents().contains("no speaker labels"));
    s.press("\t\tR");
    s.wait_for_text("The record has no speaker labels");
    s.wait_for_text("--record-speaker NAME");
    s.press("q");
    s.finish_cleanly("q");
}

#[test]
fn r_with_no_feeds_file_says_how_to_follow_a_feed() {
    let home = tempfile::tempdir().expect("temp dir");
    let config_home = home.path().join(".config");
    let mut s = Session::start_with(
        &[],
        &[("HOME", home.path()), ("XDG_CONFIG_HOME", config_home.as_path())],
    );
    s.wait_for_text("Articles 1/5");
    s.press("r");
    s.wait_for_text("Cannot refresh: no feeds file; add feed URLs to ~/.config/saidso/feeds");
    s.press("q");
    s.finish_cleanly("q");
}

#[test]
fn v_shows_the_cleaned_article_in_the_pager_and_comes_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("paged.txt");
    // The pager command is split into words without a shell: `tee FILE` copies what it is given.
    let pager = std::ffi::OsString::from(format!("tee '{}'", out.display()));
    let mut s = Session::start_with(&[], &[("PAGER", std::path::Path::new(&pager))]);
    s.wait_for_text("Articles 1/5");
    s.press("v");
    s.wait_for("the reader back", |s| {
        s.alternate_screen() && s.contents().contains("Articles 1/5")
    });
    let deadline = Instant::now() + PATIENCE;
    let paged = loop {
        let text = std::fs::read_to_string(&out).unwrap_or_default();
        if text.ends_with('\n') || Instant::now() > deadline {
            break text;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(paged.starts_with("Putin is willing to have meeting with Zelenskyy, Russia says\n\n"));
    assert!(paged.contains("Russia has said Vladimir Putin is open to a meeting"));
    s.press("j");
    s.wait_for_text("Articles 2/5");
    s.press("q");
    s.finish_cleanly("q");
}

#[test]
fn hostile_metadata_and_file_names_do_not_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let evil = crate::hostile::EVIL;
    // A dataset whose every field is hostile, under a hostile name, and a text file with a
    // hostile name.
    let record = serde_json::json!({
        "title": format!("Ferry{evil} talks"),
        "text": format!("\"We will not stop{evil} the ferry,\" said Mayor Hanna Lee.\n\nMore words here about the harbour and the bridge."),
        "url": format!("https://example.org/{evil}"),
        "date": format!("2024-01-02{evil}"),
        "author": format!("Ann{evil} Writer"),
        "source": format!("Wire{evil} Daily"),
    });
    let data = dir.path().join(format!("data{evil}.jsonl"));
    std::fs::write(&data, format!("{record}\n")).expect("write dataset");
    let text = dir.path().join(format!("plain{evil}.txt"));
    std::fs::write(&text, "Plain headline\n\n\"Quoted words here,\" she said. More text.\n")
        .expect("write text");
    let (data, text) = (data.to_string_lossy().into_owned(), text.to_string_lossy().into_owned());
    let mut s = Session::start(&[data.as_str(), text.as_str()]);
    s.wait_for_text("Wire Daily");
    // Both articles listed before moving down: `j` on the only one loaded is lost.
    s.wait_for_text("Plain headline");
    s.press("j");
    s.wait_for_text("Articles 2/2");
    s.wait_for_text("Plain headline");
    let contents = s.parser.screen().contents();
    for leaked in ["pwned", "52;c", "aGFja2Vk", "2J", "0;c1", "\u{202e}", "\u{2066}", "\u{9b}"] {
        assert!(!contents.contains(leaked), "`{leaked:?}` reached the screen:\n{contents}");
    }
    s.press("q");
    let (success, parser) = s.finish();
    assert!(success);
    assert_eq!(parser.callbacks().0, Vec::<String>::new(), "the metadata made the terminal act");
}

#[test]
fn a_record_with_no_path_is_listed_after_the_seeds_and_r_shows_its_passage() {
    let record = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/record/transcript.txt");
    let mut s = Session::start(&["--record", record]);
    // Five seeds, then the record, readable like an article.
    s.wait_for_text("Articles 1/6");
    s.wait_for_text("Press conference");
    s.press("G\r");
    s.wait_for_text("MAYOR HANNA LEE: Good morning");
    // The record has no quotations of its own, only speech the reader counts as reported:
    // with that hidden (`i`), the passage view says so, and `R` closes it.
    s.press("i");
    s.wait_for_text("Reported speech hidden");
    s.press("R");
    s.wait_for_text("No quote selected.");
    s.press("R");
    s.wait_for("the passage to close", |s| !s.contents().contains("No quote selected."));
    s.press("q");
    s.finish_cleanly("q");
}

#[test]
fn nothing_loadable_shows_why_then_exits_with_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").expect("empty file");
    let empty = empty.to_string_lossy().into_owned();
    let mut s = Session::start(&[empty.as_str()]);
    s.wait_for_text("No article to show.");
    s.press("q");
    let (success, parser) = s.finish();
    assert!(!success, "nothing loadable must be an error (exit 1), as the README says");
    let screen = parser.screen();
    assert!(!screen.alternate_screen(), "still on the alternate screen");
    assert!(screen.contents().contains("no article read from"), "{}", screen.contents());
}

/// Standard input that has not ended (a slow pipe; here the terminal itself) holds up no file
/// given beside it: the file shows at once.
#[test]
fn a_file_shows_while_standard_input_is_still_open() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("harbour.txt");
    std::fs::write(&path, "Harbour fees to rise\n\n\"We had no choice,\" said Mayor Ann Kyle.\n")
        .expect("article written");
    let mut s = Session::start(&[path.to_str().expect("utf-8 path"), "-"]);
    s.wait_for_text("We had no choice");
    s.child.kill().expect("stop the reader");
}

/// A record on a slow host is waited for with a line that says so, not a blank terminal.
#[test]
fn a_record_on_a_slow_host_is_waited_for_with_a_line_saying_so() {
    use crate::common::server::{Reply, Server};
    let server = Server::start(|_| Reply::Slow {
        delay: Duration::from_secs(60),
        reply: Box::new(Reply::ok("text/plain", "MAYOR ANN KYLE: We had no choice.")),
    });
    let url = server.url("/record.txt");
    let mut s = Session::start(&["--record", &url]);
    s.wait_for_text("fetching the record");
    s.child.kill().expect("stop the reader");
}
