//! Opening an article's link in the user's browser: `$BROWSER`, else the platform's opener, run
//! without a shell with the URL as one argument, so that nothing in a link is ever interpreted.
//! Only `http` and `https` links are opened.

use std::process::{Command, Stdio};

use crate::net::is_web_url;

/// Why a link was not opened; the message is for the status bar.
#[derive(Debug, thiserror::Error)]
pub(super) enum OpenError {
    /// Not an `http` or `https` link.
    #[error("not opened: only http and https links are ({0})")]
    NotWeb(String),
    /// The link holds control characters (a line break, ESC, BEL) or bidi controls: no browser
    /// is handed one.
    #[error("not opened: the link holds control characters")]
    Controls,
    /// `$BROWSER` is empty and there is no platform opener.
    #[error("no browser to open links with")]
    NoBrowser,
    /// The browser could not be started.
    #[error("could not run {program}: {source}")]
    Spawn {
        /// The program tried.
        program: String,
        /// Why it did not start.
        source: std::io::Error,
    },
}

/// The platform's opener.
const OPENER: &[&str] = if cfg!(target_os = "macos") {
    &["open"]
} else if cfg!(windows) {
    &["rundll32", "url.dll,FileProtocolHandler"]
} else {
    &["xdg-open"]
};

/// The command that opens `url`, given the value of `$BROWSER`: its first entry (entries are
/// separated by `:`), split on white space into a program and its arguments; a `%s` argument is
/// replaced by the URL, else the URL is appended.
pub(super) fn command(url: &str, browser: Option<&str>) -> Result<Command, OpenError> {
    let control =
        |c: char| c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    if url.chars().any(control) {
        return Err(OpenError::Controls);
    }
    if !is_web_url(url) {
        return Err(OpenError::NotWeb(crate::text::one_line(url)));
    }
    let entry = browser.and_then(|b| b.split(':').map(str::trim).find(|e| !e.is_empty()));
    let words: Vec<&str> = match entry {
        Some(entry) => entry.split_whitespace().collect(),
        None => OPENER.to_vec(),
    };
    let (program, args) = words.split_first().ok_or(OpenError::NoBrowser)?;
    let mut command = Command::new(program);
    let mut placed = false;
    for arg in args {
        if arg.contains("%s") {
            command.arg(arg.replace("%s", url));
            placed = true;
        } else {
            command.arg(arg);
        }
    }
    if !placed {
        command.arg(url);
    }
    Ok(command)
}

/// Opens `url` in the browser without waiting for it; the browser's output is discarded so that
/// it cannot garble the terminal. The error is for the status bar.
pub(super) fn open(url: &str) -> Result<(), OpenError> {
    let browser = std::env::var("BROWSER").ok();
    let mut command = command(url, browser.as_deref())?;
    let program = command.get_program().to_string_lossy().into_owned();
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|source| OpenError::Spawn { program, source })?;
    // Reaped in the background, so that no zombie is left behind.
    std::thread::spawn(move || child.wait());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(command: &Command) -> Vec<String> {
        std::iter::once(command.get_program())
            .chain(command.get_args())
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn links_with_control_characters_are_refused() {
        for url in [
            "https://example.org/a\nb",
            "https://example.org/\x1b]52;c;aGk=\x07",
            "https://example.org/\x07",
            "https://example.org/\u{9b}2J",
            "https://example.org/\u{202e}gpj.exe",
        ] {
            assert!(matches!(command(url, Some("firefox")), Err(OpenError::Controls)), "{url:?}");
        }
    }

    #[test]
    fn browser_variable_program_arguments_and_placeholder() {
        let url = "https://example.org/a b;$(rm -rf x)";
        assert_eq!(argv(&command(url, Some("firefox")).unwrap()), ["firefox", url]);
        assert_eq!(
            argv(&command(url, Some("  chromium --new-window : firefox")).unwrap()),
            ["chromium", "--new-window", url]
        );
        assert_eq!(
            argv(&command(url, Some("lynx -dump %s -nolist")).unwrap()),
            ["lynx", "-dump", url, "-nolist"]
        );
        let default = argv(&command(url, None).unwrap());
        assert_eq!(default.last().map(String::as_str), Some(url));
        assert_eq!(argv(&command(url, Some(":")).unwrap()), default, "an empty $BROWSER");
    }

    #[test]
    fn only_web_links_are_opened() {
        for url in ["file:///etc/passwd", "javascript:alert(1)", "-n", ""] {
            assert!(command(url, Some("firefox")).is_err(), "{url}");
        }
    }

    #[test]
    fn the_url_reaches_the_browser_as_one_argument_without_a_shell() {
        let dir = tempfile::TempDir::new().unwrap();
        let log = dir.path().join("args");
        let script = dir.path().join("browser.sh");
        std::fs::write(
            &script,
            format!("#!/bin/sh\nprintf '%s\\n' \"$#\" \"$1\" > '{}'\n", log.display()),
        )
        .unwrap();
        let url = "https://example.org/a b?q=1&r=$(touch pwned);x";
        let mut command = command(url, Some(&format!("sh {}", script.display()))).unwrap();
        assert!(command.status().unwrap().success());
        assert_eq!(std::fs::read_to_string(&log).unwrap(), format!("1\n{url}\n"));
        assert!(!std::path::Path::new("pwned").exists());
    }
}
