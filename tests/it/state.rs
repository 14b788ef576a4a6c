//! The state store on real files: through the binary, across processes, after a kill -9, on damaged,
//! old and unwritable files.

use std::collections::HashMap;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Output, Stdio};

use assert_cmd::Command;
use predicates::str::contains;
use rusqlite::Connection;
use saidso::model::ArticleId;
use saidso::store::{Marks, Notice, Store, schema};
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_saidso");

fn saidso() -> Command {
    Command::new(BIN)
}

/// The `saidso list --format jsonl` rows of the seeds, with the given state options.
fn list(state: &[&str]) -> Vec<Value> {
    let out = saidso().args(["list", "--format", "jsonl"]).args(state).assert().success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn seed_ids() -> Vec<String> {
    list(&["--no-state"]).iter().map(|row| row["id"].as_str().unwrap().to_string()).collect()
}

/// Article ids 1..=n, as `saidso mark` takes them.
fn ids(range: std::ops::RangeInclusive<u64>) -> Vec<ArticleId> {
    range.map(ArticleId).collect()
}

fn open_clean(path: &Path) -> Store {
    let (store, notices) = Store::open(path);
    assert_eq!(notices, [], "opening {} should need no recovery", path.display());
    store
}

fn str_arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn commands_that_only_read_marks_create_no_state_file() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("not/yet/state.sqlite3");
    let rows = list(&["--state", str_arg(&state)]);
    assert_eq!(rows.len(), 5);
    saidso()
        .args(["quotes", "--fetched", "--state", str_arg(&state)])
        .assert()
        .failure()
        .stderr(contains("no article read from the fetched articles"));
    assert!(!dir.path().join("not").exists(), "nothing made by reading");
    // The first mark makes it.
    let ids = seed_ids();
    saidso().args(["mark", "--star", &ids[0], "--state", str_arg(&state)]).assert().success();
    assert!(state.exists());
    assert_eq!(list(&["--state", str_arg(&state)])[0]["starred"], true);
}

#[test]
fn marks_round_trip_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.sqlite3");
    let state = str_arg(&state);
    let ids = seed_ids();
    // The option before and after the subcommand's name.
    saidso().args(["--state", state, "mark", "--star", &ids[0], &ids[1]]).assert().success();
    saidso().args(["mark", "--read", &ids[1], "--state", state]).assert().success();

    let rows = list(&["--state", state]);
    let marks: Vec<(bool, bool)> =
        rows.iter().map(|r| (r["read"] == true, r["starred"] == true)).collect();
    assert_eq!(
        marks,
        [(false, true), (true, true), (false, false), (false, false), (false, false)]
    );

    // The table shows them: unread as N, starred as *.
    let table = saidso().args(["list", "--state", state]).assert().success();
    let table = String::from_utf8_lossy(&table.get_output().stdout).into_owned();
    assert!(table.contains(&format!("{}  N*", ids[0])), "{table}");
    assert!(table.contains(&format!("{}   *", ids[1])), "{table}");

    // Marks follow the content, not the file name.
    let copy = dir.path().join("renamed.txt");
    fs::copy("seeds/000_35834a7932818f31.txt", &copy).unwrap();
    let out =
        saidso().args(["list", "--format", "jsonl", "--state", state, str_arg(&copy)]).assert();
    let row: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!((row["id"].as_str(), row["starred"].as_bool()), (Some(ids[0].as_str()), Some(true)));

    // --no-state neither reads nor writes.
    assert!(list(&["--no-state"]).iter().all(|r| r["starred"] == false));
    saidso()
        .args(["mark", "--read", &ids[2], "--no-state"])
        .assert()
        .failure()
        .stderr(contains("nowhere to save"));
}

#[test]
fn position_and_last_open_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.sqlite3");
    let mut store = open_clean(&path);
    store.set_position(ArticleId(5), 4096).unwrap();
    store.set_starred(ArticleId(5), true).unwrap();
    store.set_last_open(ArticleId(5)).unwrap();
    assert_eq!(store.path(), Some(path.as_path()));
    assert_eq!(store.not_saved(), None);
    drop(store);

    let store = open_clean(&path);
    assert_eq!(store.marks(ArticleId(5)), Ok(Marks { read: false, starred: true, position: 4096 }));
    assert_eq!(store.last_open(), Ok(Some(ArticleId(5))));
}

/// Starts `saidso mark -v FLAG -` on `state`, fed ids on standard input.
fn marker(state: &Path, flag: &str) -> std::process::Child {
    Process::new(BIN)
        .args(["mark", "-v", flag, "-", "--state", str_arg(state)])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn two_processes_marking_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.sqlite3");
    drop(open_clean(&path));
    // Overlapping ranges: 301..=600 get both marks, from different processes.
    let (to_read, to_star) = (ids(1..=600), ids(301..=900));
    let mut reader = marker(&path, "--read");
    let mut starrer = marker(&path, "--star");
    {
        let (mut a, mut b) = (reader.stdin.take().unwrap(), starrer.stdin.take().unwrap());
        // Line by line, alternately, so that both processes are writing at the same time.
        for (x, y) in to_read.iter().zip(&to_star) {
            writeln!(a, "{x}").unwrap();
            writeln!(b, "{y}").unwrap();
        }
    }
    for child in [reader, starrer] {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(out.stdout.lines().count(), 600);
    }

    let all = open_clean(&path).all_marks().unwrap();
    assert_eq!(all.len(), 900);
    for (id, marks) in &all {
        let read = to_read.contains(id);
        let starred = to_star.contains(id);
        assert_eq!((marks.read, marks.starred), (read, starred), "{id}");
    }
}

#[test]
fn a_killed_writer_loses_no_committed_mark() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.sqlite3");
    let mut child = marker(&path, "--star");
    let mut stdin = child.stdin.take().unwrap();
    // More ids than it can mark before the kill; the feeder stops when the pipe breaks.
    let feeder = std::thread::spawn(move || {
        for id in ids(1..=1_000_000) {
            if writeln!(stdin, "{id}").is_err() {
                break;
            }
        }
    });
    // Each id is printed only after its mark is committed.
    let mut committed = Vec::new();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    while committed.len() < 300 {
        let line = lines.next().expect("the writer is still writing").unwrap();
        committed.push(line.parse::<ArticleId>().unwrap());
    }
    child.kill().unwrap(); // SIGKILL: no destructor, no checkpoint, mid-stream.
    child.wait().unwrap();
    feeder.join().unwrap();

    let all = open_clean(&path).all_marks().unwrap();
    for id in &committed {
        assert_eq!(all.get(id).map(|m| m.starred), Some(true), "{id} was committed");
    }
    // Nothing but what the writer wrote, and in order: every id up to the last one saved.
    let saved = all.len() as u64;
    assert!(saved >= committed.len() as u64);
    assert!(ids(1..=saved).iter().all(|id| all[id].starred));
}

#[test]
fn a_file_that_is_not_a_database_is_moved_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.sqlite3");
    let garbage = b"these are somebody's notes, not a database\n".repeat(100);
    fs::write(&path, &garbage).unwrap();

    saidso()
        .args(["list", "--state", str_arg(&path)])
        .assert()
        .success()
        .stderr(contains("could not be used (file is not a database); moved it to"));

    let aside = moved_aside(dir.path());
    assert_eq!(fs::read(&aside).unwrap(), garbage, "kept byte for byte");
    // A new, working store took its place.
    let id = &seed_ids()[0];
    saidso().args(["mark", "--star", id, "--state", str_arg(&path)]).assert().success();
    assert!(list(&["--state", str_arg(&path)])[0]["starred"] == true);
}

/// The one `<name>.corrupt-<time>` file in `dir`.
fn moved_aside(dir: &Path) -> PathBuf {
    let aside: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("state.sqlite3.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    aside.into_iter().next().unwrap()
}

#[test]
fn a_database_with_damaged_pages_is_moved_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.sqlite3");
    let mut store = open_clean(&path);
    for id in ids(1..=2000) {
        store.set_read(id, true).unwrap();
    }
    drop(store); // Closing checkpoints the WAL into the file.
    let mut bytes = fs::read(&path).unwrap();
    let page = 4096;
    assert!(bytes.len() > 4 * page);
    bytes[2 * page..4 * page].fill(0xa5);
    fs::write(&path, bytes).unwrap();

    let (mut store, notices) = Store::open(&path);
    let [Notice::MovedAside { to, rescued, .. }] = notices.as_slice() else {
        panic!("expected the file to be moved aside: {notices:?}");
    };
    assert_eq!(to, &moved_aside(dir.path()));
    // The marks that still read are carried over (here the damage missed them all).
    assert_eq!(store.all_marks().unwrap().len(), *rescued);
    assert!(*rescued > 0);
    store.set_read(ArticleId(1), true).unwrap();
    assert_eq!(store.not_saved(), None);
}

/// Damage outside the marks (here the page of the small `kv` table) loses no mark: the file is
/// moved aside, and every mark comes over into the new one.
#[test]
fn marks_that_still_read_are_carried_over_from_a_damaged_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.sqlite3");
    let mut store = open_clean(&path);
    for id in ids(1..=3) {
        store.set_starred(id, true).unwrap();
    }
    drop(store);
    let conn = Connection::open(&path).unwrap();
    let kv_page: i64 = conn
        .query_row("SELECT rootpage FROM sqlite_schema WHERE name = 'kv'", [], |r| r.get(0))
        .unwrap();
    drop(conn);
    let mut bytes = fs::read(&path).unwrap();
    let page = 4096;
    // The end of the kv table's page: its cells, garbled.
    let end = usize::try_from(kv_page).unwrap() * page;
    bytes[end - 60..end].fill(b'A');
    fs::write(&path, bytes).unwrap();

    let (store, notices) = Store::open(&path);
    let [Notice::MovedAside { rescued, .. }] = notices.as_slice() else {
        panic!("expected the file to be moved aside: {notices:?}");
    };
    assert_eq!(*rescued, 3, "{}", notices[0]);
    let marks = store.all_marks().unwrap();
    assert_eq!(marks.len(), 3);
    assert!(marks.values().all(|m| m.starred), "{marks:?}");
    // One line for the status bar and stderr, not SQLite's report of every page.
    assert_eq!(notices[0].to_string().lines().count(), 1, "{}", notices[0]);
}

#[test]
fn a_version_1_file_is_migrated_and_keeps_its_marks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.sqlite3");
    let ids = seed_ids();
    {
        // The schema as version 1 shipped it, written out here so that later changes to the
        // migrations cannot change what "an old file" is.
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "PRAGMA application_id = 1396986703;
             CREATE TABLE marks (id TEXT PRIMARY KEY, read INTEGER NOT NULL DEFAULT 0,
                 starred INTEGER NOT NULL DEFAULT 0, position INTEGER NOT NULL DEFAULT 0)
                 WITHOUT ROWID;
             CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
             PRAGMA user_version = 1;",
        )
        .unwrap();
        conn.execute("INSERT INTO marks VALUES (?1, 1, 1, 321)", [&ids[3]]).unwrap();
        conn.execute("INSERT INTO kv VALUES ('last_open', ?1)", [&ids[3]]).unwrap();
    }

    let store = open_clean(&path);
    let id: ArticleId = ids[3].parse().unwrap();
    assert_eq!(store.marks(id), Ok(Marks { read: true, starred: true, position: 321 }));
    assert_eq!(store.last_open(), Ok(Some(id)));
    drop(store);

    let conn = Connection::open(&path).unwrap();
    let version: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, schema::VERSION);
    let tables: u32 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name IN ('feeds', 'articles')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 2);
    drop(conn);
    // And the binary reads the upgraded file.
    assert!(list(&["--state", str_arg(&path)])[3]["starred"] == true);
}

#[test]
fn a_newer_file_is_read_only_with_its_marks_shown() {
    let dir = tempfile::tempdir().unwrap();
    let newer = dir.path().join("newer.sqlite3");
    let mut store = open_clean(&newer);
    store.set_starred(ArticleId(7), true).unwrap();
    store.set_read(ArticleId(8), true).unwrap();
    drop(store);
    Connection::open(&newer).unwrap().pragma_update(None, "user_version", 99).unwrap();
    let (mut store, notices) = Store::open(&newer);
    let [Notice::NotSaved { cause }] = notices.as_slice() else {
        panic!("expected a notice: {notices:?}");
    };
    assert!(cause.contains("read-only") && cause.contains("newer saidso"), "{cause}");
    assert!(store.marks(ArticleId(7)).unwrap().starred);
    assert!(store.marks(ArticleId(8)).unwrap().read);
    store.set_starred(ArticleId(9), true).unwrap();
    drop(store);
    // The file itself is as the newer saidso left it.
    let conn = Connection::open(&newer).unwrap();
    let version: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, 99);
    // Through the binary: the seeds' marks of a newer file show in `list`, and stderr says why.
    let ids = seed_ids();
    let first = ArticleId(u64::from_str_radix(&ids[0], 16).unwrap());
    let newer2 = dir.path().join("newer2.sqlite3");
    let mut store = open_clean(&newer2);
    store.set_starred(first, true).unwrap();
    drop(store);
    Connection::open(&newer2).unwrap().pragma_update(None, "user_version", 99).unwrap();
    let out = saidso()
        .args(["list", "--format", "jsonl", "--state", str_arg(&newer2)])
        .assert()
        .success()
        .stderr(contains("read-only"));
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let row: Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    assert_eq!(row["starred"], true, "{row}");
}

#[test]
fn a_newer_or_foreign_file_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let newer = dir.path().join("newer.sqlite3");
    drop(open_clean(&newer));
    Connection::open(&newer).unwrap().pragma_update(None, "user_version", 99).unwrap();
    let foreign = dir.path().join("foreign.sqlite3");
    Connection::open(&foreign).unwrap().execute_batch("CREATE TABLE notes (body TEXT)").unwrap();

    for (path, why) in [(&newer, "newer saidso"), (&foreign, "not a saidso state file")] {
        let (mut store, notices) = Store::open(path);
        let [Notice::NotSaved { cause }] = notices.as_slice() else {
            panic!("expected marks not to be saved: {notices:?}");
        };
        assert!(cause.contains(why), "{cause}");
        assert_eq!(store.path(), None);
        // The session still works, in memory.
        store.set_starred(ArticleId(1), true).unwrap();
        assert!(store.marks(ArticleId(1)).unwrap().starred);
        assert!(store.not_saved().is_some());
    }
    let version: u32 = Connection::open(&newer)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 99);
    let tables: u32 = Connection::open(&foreign)
        .unwrap()
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tables, 1);
    // Not even switched to WAL, which would stay in its header for good.
    let mode: String = Connection::open(&foreign)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete");
    assert_eq!(
        fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| { e.as_ref().unwrap().file_name().to_string_lossy().contains("corrupt") })
            .count(),
        0
    );
}

/// Runs saidso with `dir` read-only: by its permissions, or, where they do not bind (root), in a
/// mount namespace where `dir` is a read-only bind mount.
fn run_with_read_only_dir(dir: &Path, args: &[&str]) -> Output {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(dir, fs::Permissions::from_mode(0o555)).unwrap();
    let permissions_bind = fs::write(dir.join("probe"), "").is_err();
    let out = if permissions_bind {
        Process::new(BIN).args(args).output().unwrap()
    } else {
        fs::remove_file(dir.join("probe")).unwrap();
        Process::new("unshare")
            .args(["-rm", "sh", "-c", r#"mount --bind -o ro "$1" "$1" && shift && exec "$@""#])
            .arg("sh")
            .arg(dir)
            .arg(BIN)
            .args(args)
            .output()
            .expect("unshare (util-linux) runs the read-only case as root")
    };
    fs::set_permissions(dir, fs::Permissions::from_mode(0o755)).unwrap();
    out
}

#[test]
fn a_read_only_directory_shows_saved_marks_and_says_new_ones_are_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("ro");
    let path = ro.join("state.sqlite3");
    let ids = seed_ids();
    let mut store = open_clean(&path);
    store.set_starred(ids[2].parse().unwrap(), true).unwrap();
    drop(store);
    let before = fs::read(&path).unwrap();

    let out =
        run_with_read_only_dir(&ro, &["list", "--format", "jsonl", "--state", str_arg(&path)]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("marks will not be saved: cannot write"), "{stderr}");
    let rows: Vec<Value> =
        out.stdout.lines().map(|l| serde_json::from_str(&l.unwrap()).unwrap()).collect();
    let starred: Vec<bool> = rows.iter().map(|r| r["starred"] == true).collect();
    assert_eq!(starred, [false, false, true, false, false], "the saved star still shows");

    let out = run_with_read_only_dir(&ro, &["mark", "--read", &ids[0], "--state", str_arg(&path)]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("marks not saved"), "{stderr}");
    assert_eq!(fs::read(&path).unwrap(), before, "the file is untouched");
}

#[test]
fn an_unusable_path_falls_back_to_memory() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("file");
    fs::write(&file, "").unwrap();
    // Its directory would be a file: nothing can be created there, whoever runs the test.
    let (mut store, notices) = Store::open(&file.join("state.sqlite3"));
    assert!(matches!(notices.as_slice(), [Notice::NotSaved { .. }]), "{notices:?}");
    // Nothing there to read either: the message says its marks are not shown.
    let notice = notices[0].to_string();
    assert!(notice.starts_with("marks will not be saved: cannot read or write"), "{notice}");
    assert!(notice.contains("its marks are not shown"), "{notice}");
    store.set_read(ArticleId(3), true).unwrap();
    assert_eq!(
        store.all_marks().unwrap(),
        HashMap::from([(ArticleId(3), Marks { read: true, ..Marks::default() })])
    );
}

#[test]
fn a_full_disk_says_marks_are_not_saved_and_keeps_those_that_were() {
    let dir = tempfile::tempdir().unwrap();
    let (disk, rescued) = (dir.path().join("disk"), dir.path().join("rescued"));
    fs::create_dir(&disk).unwrap();
    fs::create_dir(&rescued).unwrap();
    let list: String = ids(1..=100_000).iter().map(|id| format!("{id}\n")).collect();
    fs::write(dir.path().join("ids"), list).unwrap();
    // A 128 KiB disk of its own (tmpfs in a private mount namespace); the files are copied out
    // before the namespace goes.
    let script = r#"mount -t tmpfs -o size=128k tmpfs "$1" || exit 99
        "$2" mark -v --star - --state "$1/state.sqlite3" < "$3"; status=$?
        cp "$1"/state.sqlite3* "$4"/; exit $status"#;
    let out = Process::new("unshare")
        .args(["-rm", "sh", "-c", script, "sh"])
        .args([&disk, Path::new(BIN), &dir.path().join("ids"), &rescued])
        .output()
        .expect("unshare (util-linux) gives the test a small disk");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("marks not saved: cannot write") && stderr.contains("full"),
        "{stderr}"
    );

    let saved: Vec<ArticleId> = out.stdout.lines().map(|l| l.unwrap().parse().unwrap()).collect();
    assert!(!saved.is_empty() && saved.len() < 100_000, "{} saved", saved.len());
    let all = open_clean(&rescued.join("state.sqlite3")).all_marks().unwrap();
    assert!(saved.iter().all(|id| all[id].starred));
}

#[cfg(target_os = "linux")]
#[test]
fn the_default_file_is_in_xdg_data_home() {
    let dir = tempfile::tempdir().unwrap();
    let id = &seed_ids()[4];
    saidso().env("XDG_DATA_HOME", dir.path()).args(["mark", "--star", id]).assert().success();
    let path = dir.path().join("saidso/state.sqlite3");
    assert!(open_clean(&path).marks(id.parse().unwrap()).unwrap().starred);
    let out =
        saidso().env("XDG_DATA_HOME", dir.path()).args(["list", "--format", "jsonl"]).assert();
    let last = String::from_utf8_lossy(&out.get_output().stdout).lines().last().map(str::to_owned);
    assert!(last.unwrap().contains(r#""starred":true"#));
}

/// A file another process is writing when saidso opens it (a long write, a backup, an `sqlite3`
/// shell in a transaction) shows its marks, and saves new ones once the other process is done:
/// the session does not stay read-only.
#[test]
fn a_file_busy_at_opening_saves_marks_once_it_is_free() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.sqlite3");
    let mut store = open_clean(&path);
    store.set_read(ArticleId(1), true).unwrap();
    drop(store);
    let other = Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();

    let (mut store, notices) = Store::open(&path);
    let [Notice::Busy { .. }] = notices.as_slice() else {
        panic!("expected the file to be busy: {notices:?}");
    };
    assert_eq!(store.path(), Some(path.as_path()));
    assert!(store.all_marks().unwrap()[&ArticleId(1)].read);
    other.execute_batch("COMMIT").unwrap();
    store.set_starred(ArticleId(2), true).unwrap();
    assert_eq!(store.not_saved(), None);
    drop(store);
    let (store, _) = Store::open(&path);
    assert!(store.all_marks().unwrap()[&ArticleId(2)].starred);
}
