//! The configuration file: the defaults, a user's file on top, and every invalid file in
//! `tests/invalid_configs/` refused with its position.

use std::path::Path;

use crate::common::saidso;
use predicates::prelude::*;
use saidso::app::{Action, App, Command, Key, Keymap, action_for_key, update};
use saidso::config::{Config, DEFAULT, default_file};
use saidso::model::Article;
use saidso::model::RawDoc;

fn config(text: &str) -> Config {
    Config::from_str(text, Path::new("test.toml")).expect("valid config")
}

#[test]
fn the_default_file_is_all_defaults() {
    let from_file = config(DEFAULT);
    assert!(from_file.warnings.is_empty(), "{:?}", from_file.warnings);
    assert_eq!(from_file.keymap.bindings().len(), saidso::app::Keymap::builtin().bindings().len());
    let printed = default_file();
    assert!(config(&printed).warnings.is_empty());
    saidso().args(["config", "--default"]).assert().success().stdout(printed);
}

#[test]
fn the_default_file_lists_every_action_with_its_default_keys() {
    let text = default_file();
    let lines: Vec<&str> = text
        .lines()
        .skip_while(|l| *l != "[keys]")
        .skip(1)
        .take_while(|l| !l.starts_with('['))
        .filter_map(|l| l.strip_prefix("# "))
        .filter(|l| l.contains(" = ["))
        .collect();
    assert_eq!(lines.len(), Command::all().count(), "{text}");
    // Uncommented, they are the defaults again.
    let uncommented = config(&format!("[keys]\n{}\n", lines.join("\n")));
    assert!(uncommented.warnings.is_empty(), "{:?}", uncommented.warnings);
    for b in Keymap::builtin().bindings() {
        assert_eq!(uncommented.keymap.keys(b.command), b.keys.as_slice(), "{:?}", b.command);
    }
}

#[test]
fn the_suggested_command_writes_the_default_file_on_a_fresh_machine() {
    let text = default_file();
    let suggested = text
        .lines()
        .find_map(|l| l.strip_prefix("#   mkdir -p "))
        .map(|rest| format!("mkdir -p {rest}"))
        .expect("the file suggests how to start one");
    let readme = std::fs::read_to_string("README.md").expect("README");
    assert!(readme.contains(&suggested), "the README suggests the same: {suggested}");
    let home = tempfile::tempdir().expect("temp dir");
    let bin = assert_cmd::cargo::cargo_bin("saidso");
    let path = format!(
        "{}:{}",
        bin.parent().expect("bin dir").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    assert_cmd::Command::new("sh")
        .args(["-c", &suggested])
        .env("PATH", path)
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .assert()
        .success();
    let written = std::fs::read_to_string(home.path().join("config/saidso/config.toml"));
    assert_eq!(written.expect("config written"), text);
}

#[test]
fn rebinding_a_key_changes_what_update_does() {
    // One key may stand alone, without a list.
    let config = config("[keys]\nquit = [\"x\"]\ndown = \"q\"\n");
    let mut app = App::new(config.keymap);
    update(&mut app, Action::Resize { width: 120, height: 40 });
    assert!(matches!(action_for_key(&app, Key::char('q')), Some(Action::Command(Command::Down))));
    let quit = action_for_key(&app, Key::char('x')).expect("x is bound");
    update(&mut app, quit);
    assert!(app.quit);
}

#[test]
fn unknown_settings_are_warnings_that_name_them() {
    let config = config("[reader]\ncolour = 3\n\n[keys]\njump = \"x\"\n[sharing]\nx = 1\n");
    let warnings = config.warnings.join("\n");
    assert!(warnings.contains("`reader.colour`"), "{warnings}");
    assert!(warnings.contains("`sharing`"), "{warnings}");
    assert!(warnings.contains("test.toml:5: unknown action `jump`"), "{warnings}");
    saidso()
        .args(["list", "--config", "tests/invalid_configs/../config_with_unknown_key.toml"])
        .assert()
        .success()
        .stderr(
            predicate::str::contains("warning").and(predicate::str::contains("`reader.colour`")),
        );
}

#[test]
fn every_unknown_setting_is_warned_about_with_its_line() {
    let config = config(
        "bogus = 1\n\n[reader]\ntheme = \"dark\"\ncolour = \"x\"\n\n[datasets]\n\
         text = [\"body\"]\nbody = [\"x\"]\n\n[cleaning]\nbullet = [\"x\"]\n\n\
         [extraction]\nspeech_verb = [\"x\"]\n\n[speakers]\nfoo = 1\n",
    );
    // In the file's order, each named as written: every section's unknown keys alike.
    assert_eq!(
        config.warnings,
        [
            "test.toml:1: unknown setting `bogus` ignored",
            "test.toml:5: unknown setting `reader.colour` ignored",
            "test.toml:9: unknown setting `datasets.body` ignored",
            "test.toml:12: unknown setting `cleaning.bullet` ignored",
            "test.toml:15: unknown setting `extraction.speech_verb` ignored",
            "test.toml:18: unknown setting `speakers.foo` ignored",
        ]
    );
}

#[test]
fn every_invalid_file_is_an_error_with_its_position() {
    let expected = [
        ("unknown_theme.toml", "2:9", "expected `dark` or `light`"),
        ("bad_pattern.toml", "4:20", "in [cleaning.drop] `mine`: bad pattern \"(unclosed\""),
        ("not_toml.toml", "3:", "expected"),
        ("verbs_not_a_list.toml", "2:16", "expected"),
        ("section_not_a_table.toml", "2:14", "expected a table of extraction settings"),
    ];
    let dir = Path::new("tests/invalid_configs");
    let cases = expected.len() + BAD_KEY_TABLES.len();
    assert_eq!(std::fs::read_dir(dir).unwrap().count(), cases, "one case a file");
    for (file, position, message) in expected {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let error = Config::from_str(&text, &path).expect_err(file).to_string();
        assert!(error.starts_with(&format!("{}:{position}", path.display())), "{file}: {error}");
        assert!(error.contains(message), "{file}: {error}");
        saidso()
            .args(["list", "--config"])
            .arg(&path)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(position).and(predicate::str::contains(message)));
    }
}

/// Files in `tests/invalid_configs/` whose `[keys]` table cannot be used: the file, where the
/// fault is, and what the message says.
pub const BAD_KEY_TABLES: [(&str, &str, &str); 6] = [
    ("keys_not_a_table.toml", "1:8", "[keys] is a table of commands and their keys"),
    ("bad_key_name.toml", "5:8", "in [keys] `quit`: unknown key name `hyper-x`"),
    ("key_bound_twice.toml", "3:8", "key `x` is bound to both `help` and `quit`"),
    // Commands are named as the file names them, not as the code spells them.
    (
        "key_bound_twice_by_name.toml",
        "3:16",
        "key `x` is bound to both `half-page-up` and `page-down`",
    ),
    ("keys_not_key_names.toml", "2:8", "in [keys] `quit`: a key name or a list of key names"),
    (
        "ctrl_c_bound_elsewhere.toml",
        "6:8",
        "`ctrl-c` always quits the reader; it cannot be bound to `down`",
    ),
];

#[test]
fn a_bad_key_table_is_an_error_for_the_reader_alone() {
    let dir = Path::new("tests/invalid_configs");
    for (file, position, message) in BAD_KEY_TABLES {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let config = Config::from_str(&text, &path).expect(file);
        let error = config.keys_error.expect(file).to_string();
        assert!(error.starts_with(&format!("{}:{position}", path.display())), "{file}: {error}");
        assert!(error.contains(message), "{file}: {error}");
        // The built-in keys stand in, and nothing else of the file is lost.
        assert_eq!(config.keymap.command(Key::char('q')), Some(Command::Quit), "{file}");
        // Commands that need no keys run, and say what is wrong.
        for command in ["list", "quotes"] {
            let warned =
                predicate::str::contains(format!("warning: {}:{position}", path.display()))
                    .and(predicate::str::contains(message));
            saidso()
                .arg("--config")
                .arg(&path)
                .args([command, "seeds/"])
                .assert()
                .success()
                .stderr(warned);
        }
    }
}

#[test]
fn ctrl_c_cannot_be_bound_to_anything_but_quitting() {
    let bound = Config::from_str("[keys]\ndown = [\"j\", \"Ctrl-C\"]\n", Path::new("test.toml"))
        .expect("the rest of the file is usable");
    let error = bound.keys_error.expect("refused").to_string();
    assert_eq!(
        error,
        "test.toml:2:8: in [keys] `down`: `ctrl-c` always quits the reader; it cannot be bound to `down`"
    );
    // `saidso --help` lists the keys that work: Ctrl-c under quit, not under down.
    let help = saidso()
        .args(["--config", "tests/invalid_configs/ctrl_c_bound_elsewhere.toml", "--help"])
        .assert()
        .success();
    let help = String::from_utf8_lossy(&help.get_output().stdout).into_owned();
    let line = |name: &str| {
        help.lines()
            .find(|l| l.trim_start().starts_with(&format!("{name} ")))
            .unwrap_or_default()
            .to_string()
    };
    assert!(!line("down").contains("Ctrl-c"), "{help}");
    assert!(line("quit").contains("Ctrl-c"), "{help}");
    // Quitting may name it.
    assert!(config("[keys]\nquit = [\"ctrl-c\", \"x\"]\n").keys_error.is_none());
}

#[test]
fn a_missing_file_named_by_the_user_is_an_error() {
    saidso()
        .args(["list", "--config", "tests/no-such-config.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read it"));
}

fn cleaned(config: &Config, text: &str) -> Article {
    let raw = RawDoc { path: "t.txt".into(), text: text.into(), ..RawDoc::default() };
    saidso::clean::clean(raw, &config.rules).expect("prose")
}

#[test]
fn cleaning_rules_and_speech_verbs_can_be_extended() {
    let text = "Harbour deal signed\n\nGet our morning briefing every day\n\n\"We did it,\" the mayor chortled.\n";
    let builtin = Config::builtin();
    let mine = config(
        "[cleaning.drop]\nbriefings = ['^get our morning briefing']\n\n[extraction]\nspeech_verbs = [\"chortled\"]\n",
    );
    assert_eq!(cleaned(&builtin, text).paragraphs.len(), 2);
    let article = cleaned(&mine, text);
    assert_eq!(article.paragraphs.len(), 1);
    let cue = |config: &Config| {
        config
            .extractor
            .extract(&article)
            .first()
            .and_then(|q| q.cue.clone())
            .map(|c| article.text[c].to_string())
    };
    assert_eq!(cue(&mine).as_deref(), Some("chortled"));
    assert_ne!(cue(&builtin).as_deref(), Some("chortled"));
}

#[test]
fn doubled_apostrophes_are_quote_marks_when_the_config_says_so() {
    let text = "Tax plan\n\n''It is not reform,'' said Dana Holt, an economist.\n";
    let speakers = |config: &Config| {
        let article = cleaned(config, text);
        let quotes = config.extractor.extract(&article);
        quotes.iter().map(|q| (q.text(&article.text), q.speaker.clone())).collect::<Vec<_>>()
    };
    assert_eq!(speakers(&Config::builtin()), []);
    let corpus = config("[extraction]\ndoubled_apostrophe_quotes = true\n");
    assert_eq!(
        speakers(&corpus),
        [("It is not reform,".to_string(), Some("Dana Holt".to_string()))]
    );
}

#[test]
fn themes() {
    let light = config("[reader]\ntheme = \"light\"\n");
    assert_eq!(light.theme, saidso::ui::Theme::light());
    let dark = config("");
    assert_eq!(dark.theme, saidso::ui::Theme::dark());
}

/// `config --path` names the file read: the one given with --config, when there is one.
#[test]
fn config_path_names_the_file_given_with_config() {
    saidso()
        .args(["--config", "/tmp/elsewhere/my-saidso.toml", "config", "--path"])
        .assert()
        .success()
        .stdout("/tmp/elsewhere/my-saidso.toml\n");
}
