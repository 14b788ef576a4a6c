//! Hostile input: control sequences in every field of every format and in file names; no
//! command, in any output format, lets them out on stdout or stderr.

use std::path::{Path, PathBuf};

use crate::common::saidso;

/// What a terminal would act on: CSI colour, OSC 52 (clipboard), OSC 0 (window title), BEL,
/// C1 CSI (U+009B) and C1 OSC (U+009D … ST U+009C), bidi overrides and isolates.
pub const EVIL: &str =
    "\x1b[31m\x1b]52;c;aGFja2Vk\x07\x1b]0;pwned\x07\x07\u{9b}2J\u{9d}0;c1\u{9c}\u{202e}\u{2066}";

/// The same without ESC and BEL, which XML 1.0 forbids: what a feed that parses can carry.
const EVIL_XML: &str = "\u{9b}2J\u{9d}0;c1\u{9c}\u{202e}\u{2066}\u{85}";

/// Article prose with `evil` in its title, quotes and speaker names.
fn prose(evil: &str) -> Vec<String> {
    vec![
        format!("\"We will not stop{evil} the ferry,\" said Mayor Hanna{evil} Lee on Monday."),
        format!(
            "The council met for three hours. \"The bridge{evil} stays open,\" Lee told \
             reporters, adding that repairs would start in spring."
        ),
        "Residents on both shores have argued about the crossing for years, and the harbour \
         authority has published four reports on it since the last election."
            .to_string(),
        format!("\"Nobody asked us{evil},\" said Omar Haddad, who runs the ferry kiosk."),
    ]
}

fn esc_xml(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Writes the corpus into `dir`: one file a format, hostile file names, a broken feed.
pub fn corpus(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut write = |name: String, body: Vec<u8>| {
        let path = dir.join(name);
        std::fs::write(&path, body).expect("write corpus file");
        files.push(path);
    };
    let text = format!("Ferry{EVIL} talks resume\n\n{}\n", prose(EVIL).join("\n\n"));
    write(format!("plain{EVIL}.txt"), text.into_bytes());
    let md =
        format!("# Ferry{EVIL} talks\n\n*By Ann{EVIL} Writer*\n\n{}\n", prose(EVIL).join("\n\n"));
    write("notes.md".into(), md.into_bytes());
    let paragraphs: String =
        prose(EVIL).iter().map(|p| format!("<p>{}</p>\n", esc_xml(p))).collect();
    let html = format!(
        "<!DOCTYPE html><html><head><title>Ferry{EVIL} page</title>\
         <meta property=\"og:site_name\" content=\"Gazette{EVIL}\">\
         <meta property=\"og:title\" content=\"Ferry{EVIL} page\">\
         <meta name=\"author\" content=\"Ann{EVIL} Writer\">\
         <meta property=\"article:published_time\" content=\"2024-01-02{EVIL}\">\
         <link rel=\"canonical\" href=\"https://example.org/a{EVIL}\">\
         </head><body><article><h1>Ferry{EVIL} page</h1>{paragraphs}{paragraphs}</article></body></html>"
    );
    write("page.html".into(), html.into_bytes());
    for (name, evil) in [("feed.rss", EVIL_XML), ("raw.rss", EVIL)] {
        let body: String = prose(evil).iter().map(|p| format!("<p>{}</p>", esc_xml(p))).collect();
        let rss = format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire{evil}</title>\
             <link>http://127.0.0.1/</link><item><title>Item{evil} one</title>\
             <author>ed@example.org (Ed{evil} Example)</author>\
             <pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate><guid>x{evil}</guid>\
             <description>{}</description></item></channel></rss>",
            esc_xml(&body)
        );
        write(name.into(), rss.into_bytes());
    }
    let body: String = prose(EVIL_XML).iter().map(|p| format!("<p>{}</p>", esc_xml(p))).collect();
    let atom = format!(
        "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Atom{EVIL_XML}</title>\
         <id>urn:x</id><updated>2024-01-02T10:00:00Z</updated><entry><title>Entry{EVIL_XML}</title>\
         <id>urn:e{EVIL_XML}</id><updated>2024-01-02T10:00:00Z</updated>\
         <author><name>Ann{EVIL_XML}</name></author><content type=\"html\">{}</content></entry></feed>",
        esc_xml(&body)
    );
    write("feed.atom".into(), atom.into_bytes());
    let record = serde_json::json!({
        "title": format!("Record{EVIL} title"),
        "text": prose(EVIL).join("\n\n"),
        "url": format!("https://example.org/{EVIL}"),
        "date": format!("2024{EVIL}"),
        "author": [format!("Ann{EVIL}"), "Bo".to_string()],
        "source": {"name": format!("Wire{EVIL}")},
    });
    write("data.jsonl".into(), format!("{record}\n{{bad json{EVIL}\n").into_bytes());
    write("data.json".into(), format!("[{record}, {record}]").into_bytes());
    write(format!("empty{EVIL}.txt"), b"  \n".to_vec());
    files
}

/// The first character a terminal would act on, if any.
fn first_unsafe(bytes: &[u8]) -> Option<String> {
    if let Some(i) = bytes.iter().position(|&b| b == 0x1b || b == 0x07) {
        return Some(format!("byte {:#x} at {i}", bytes[i]));
    }
    let text = String::from_utf8_lossy(bytes);
    text.char_indices()
        .find(|&(_, c)| {
            matches!(c, '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .map(|(i, c)| format!("U+{:04X} at {i}", u32::from(c)))
}

fn run(args: &[&str]) -> (String, std::process::Output) {
    let out = saidso().args(args).output().expect("run saidso");
    let label = args.iter().take(3).map(|a| a.escape_debug().to_string()).collect::<Vec<_>>();
    (label.join(" "), out)
}

#[test]
fn no_command_lets_a_control_character_out() {
    let dir = tempfile::tempdir().expect("temp dir");
    let files = corpus(dir.path());
    let mut paths: Vec<String> = files.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    paths.push(dir.path().join(format!("missing{EVIL}.txt")).to_string_lossy().into_owned());
    let record = dir.path().join(format!("record{EVIL}.txt"));
    std::fs::write(
        &record,
        format!("MAYOR HANNA LEE{EVIL}: We will not stop the ferry. Nobody{EVIL} asked.\n"),
    )
    .expect("record");
    let record = record.to_string_lossy().into_owned();
    let with = |head: &[&str]| -> Vec<String> {
        head.iter().map(|s| s.to_string()).chain(paths.iter().cloned()).collect()
    };
    let commands: Vec<Vec<String>> = vec![
        with(&["list"]),
        with(&["list", "--format", "jsonl"]),
        with(&["quotes", "--format", "jsonl"]),
        with(&["quotes", "--format", "json"]),
        with(&["quotes", "--format", "tsv"]),
        with(&["quotes", "--format", "markdown"]),
        with(&["quotes", "--format", "jsonl", "--record", &record]),
        with(&["speakers"]),
        with(&["speakers", "--format", "jsonl"]),
        with(&["read"]),
        with(&["check", "--record", &record]),
        with(&["check", "--format", "jsonl", "--record", &record]),
        vec!["list".into(), dir.path().join(format!("missing{EVIL}")).to_string_lossy().into()],
    ];
    for args in &commands {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (label, out) = run(&args);
        if args.len() > 3 {
            assert!(!out.stdout.is_empty(), "{label}: no output at all");
        }
        assert!(!out.stderr.is_empty(), "{label}: the skipped files were not reported");
        if let Some(found) = first_unsafe(&out.stdout) {
            panic!("{label}: stdout has {found}:\n{}", String::from_utf8_lossy(&out.stdout));
        }
        if let Some(found) = first_unsafe(&out.stderr) {
            panic!("{label}: stderr has {found}:\n{}", String::from_utf8_lossy(&out.stderr));
        }
    }
}

#[test]
fn every_format_of_the_corpus_loads_with_its_metadata() {
    let dir = tempfile::tempdir().expect("temp dir");
    let paths: Vec<String> =
        corpus(dir.path()).iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let out = saidso().args(["list", "--format", "jsonl"]).args(&paths).output().unwrap();
    let rows: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    let stdout = String::from_utf8_lossy(&out.stdout);
    // Text, Markdown, the page, the feed that parses, Atom, two datasets (one record each
    // line, two in the array): the hostile fields came through, made safe.
    assert!(rows.len() >= 7, "{stdout}");
    for site in ["Gazette", "Wire", "Atom"] {
        assert!(
            rows.iter().any(|r| r["source"].as_str().is_some_and(|s| s.starts_with(site))),
            "{site}: {stdout}"
        );
    }
    // The JSON keeps a file name as it is, escaped.
    assert!(rows.iter().any(|r| r["path"].as_str().is_some_and(|p| p.contains(EVIL))), "{stdout}");
}

/// A page of 20,000 nested `<div>`s (220 KB) around its article.
pub fn deep_page(n: usize) -> String {
    format!(
        "<!DOCTYPE html><html><head><title>Deep page</title></head><body>{}\
         <p>\"The harbour stays open,\" said Mayor Hanna Lee on Monday.</p>\
         <p>The council met for three hours and voted on the budget for the coming year.</p>{}\
         </body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    )
}

#[test]
fn twenty_thousand_nested_divs_load_and_give_their_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("deep.html");
    std::fs::write(&path, deep_page(20_000)).expect("write page");
    let out = saidso().arg("read").arg(&path).output().expect("run saidso");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("The harbour stays open"), "{stdout}");
    assert!(stdout.contains("voted on the budget"), "{stdout}");
}

/// The widest a row is drawn by a terminal that gives each code point its own width (xterm,
/// VTE and most others), and a cell drawn wider there than the layout gave it: such a cell
/// overwrites its neighbours, and near the edge pushes the row past the screen.
fn widest_row(
    terminal: &ratatui::Terminal<ratatui::backend::TestBackend>,
) -> (usize, Option<String>) {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let buffer = terminal.backend().buffer();
    let area = buffer.area;
    let mut widest = 0;
    let mut too_wide = None;
    for y in 0..area.height {
        for x in 0..area.width {
            let symbol = buffer[(x, y)].symbol();
            let drawn: usize = symbol.chars().map(|c| c.width().unwrap_or(0)).sum();
            if drawn > symbol.width().max(1) {
                too_wide.get_or_insert(format!("{symbol:?} at {x},{y}"));
            }
            widest = widest.max(usize::from(x) + drawn);
        }
    }
    (widest, too_wide)
}

#[test]
fn emoji_sequences_never_push_a_row_past_the_width() {
    use crate::common::{app_with, entry, terminal};
    let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}\u{200d}\u{1f466}";
    let heart = "\u{2764}\u{fe0f}";
    let title = format!("{family} Families{heart} {family} and {family} ferries {heart}{heart}");
    let body: String = (0..30).map(|_| format!("{family} words {heart} ")).collect();
    let text = format!("{title}\n\n\"We came{family} home,\" said Ann Lee. {body}\n\n{body}\n");
    let batch = saidso::app::Batch {
        entries: vec![entry("emoji.txt", &text, &[]), entry("two.txt", &text, &[])],
        ..saidso::app::Batch::default()
    };
    let app = app_with(batch, 120, 30);
    let terminal = terminal(&app);
    let (width, too_wide) = widest_row(&terminal);
    let screen = terminal.backend().to_string();
    assert!(screen.contains('\u{1f468}'), "the emoji are drawn: {screen}");
    assert_eq!(too_wide, None, "drawn wider than laid out:\n{screen}");
    assert!(width <= 120, "a row {width} columns wide at 120:\n{screen}");
}

/// Characters a feeds file or an OPML export must not hold: controls but the line feed (C0,
/// DEL, C1), bidi overrides and isolates, and the non-characters XML 1.0 forbids.
fn first_control(text: &str) -> Option<String> {
    text.char_indices()
        .find(|&(_, c)| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{fffe}' | '\u{ffff}')
        })
        .map(|(i, c)| format!("U+{:04X} at {i}", u32::from(c)))
}

#[test]
fn followed_feeds_let_no_control_character_in_or_out() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("feeds");
    let feeds = |args: &[&str]| {
        let out = saidso().arg("feeds").arg("--feeds").arg(&file).args(args).output().unwrap();
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            if let Some(found) = first_unsafe(bytes) {
                panic!("feeds {args:?}: {stream} has {found}: {}", String::from_utf8_lossy(bytes));
            }
        }
        out
    };
    let stored = || std::fs::read_to_string(&file).unwrap_or_default();

    // A URL with an escape sequence or a space inside is refused, and says why.
    for url in
        ["http://x.invalid/\x1b[31mfeed", "http://x.invalid/a b", "http://x.invalid/\u{9b}2J"]
    {
        let out = feeds(&["add", url]);
        assert!(!out.status.success(), "{url:?} was added");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("has control characters or white space in it"), "{stderr}");
    }
    assert!(
        String::from_utf8_lossy(&feeds(&["add", "http://x.invalid/\x1b[31mfeed"]).stderr)
            .contains("`http://x.invalid/\\u{1b}[31mfeed`")
    );
    assert_eq!(stored(), "");

    // Tags and names lose their control characters as they come in.
    let (tag, name) = (format!("t{EVIL}ag"), format!("~Tide{EVIL} Times"));
    assert!(feeds(&["add", "https://ok.example/rss", &tag, &name]).status.success());
    assert_eq!(stored(), "https://ok.example/rss \"t ag\" \"~Tide Times\"\n");

    // An OPML outline with such a URL is skipped, saying which; the others are imported clean.
    let opml = dir.path().join("e.opml");
    std::fs::write(
        &opml,
        format!(
            "<?xml version=\"1.0\"?><opml version=\"2.0\"><body>\
             <outline text=\"Evil\" title=\"Evil \x1b[31m\" category=\"t\x1b[5mag\" xmlUrl=\"http://evil.invalid/r\x1b[31mss\"/>\
             <outline title=\"Good{EVIL_XML}\" category=\"g\x1b[5mood,&#27;[1m/x\" xmlUrl=\"https://good.example/rss\"/>\
             </body></opml>"
        ),
    )
    .unwrap();
    let out = feeds(&["import", &opml.to_string_lossy()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("1 feeds in "));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("e.opml: skipped the outline \"Evil\": `http://evil.invalid/r\\u{1b}[31mss` has control characters"), "{stderr}");
    assert_eq!(first_control(&stored()), None, "{:?}", stored());
    assert!(
        stored().ends_with("https://good.example/rss \"g ood\" \"x\" \"~Good\"\n"),
        "{:?}",
        stored()
    );

    // A feeds file written by hand or by an older version: nothing unsafe is printed, nothing
    // XML 1.0 forbids is exported, and the line with the bad URL is named.
    let old = format!(
        "http://old.invalid/\x1b[31mx \"a{EVIL}\"\nhttp://old2.invalid/ \"b\x01{EVIL}\" \"~N\u{ffff}\x02ame{EVIL}\"\n"
    );
    std::fs::write(&file, format!("{}{old}", stored())).unwrap();
    let out = feeds(&["list"]);
    let listed = String::from_utf8_lossy(&out.stdout);
    assert_eq!(first_control(&listed.replace('\u{ffff}', "")), None, "{listed:?}");
    assert!(listed.ends_with("http://old2.invalid/ \"b\" \"~N\u{ffff} ame\"\n"), "{listed:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("feeds:3: skipped: `http://old.invalid/\\u{1b}[31mx`")
    );
    let out = feeds(&["export"]);
    let exported = String::from_utf8_lossy(&out.stdout);
    assert_eq!(first_control(&exported), None, "{exported:?}");
    assert!(exported.contains("title=\"N ame\" xmlUrl=\"http://old2.invalid/\""), "{exported}");
    // What was exported imports again.
    std::fs::write(&opml, exported.as_bytes()).unwrap();
    assert!(
        String::from_utf8_lossy(&feeds(&["import", &opml.to_string_lossy()]).stdout)
            .starts_with("3 feeds in ")
    );
}
