//! Taking over the terminal and giving it back: raw mode, the alternate screen and mouse
//! reporting are undone on every way out (return, error, panic).

use std::io::{self, Stdout};
use std::mem::ManuallyDrop;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

/// The terminal, taken over; given back when dropped.
pub struct Tui {
    /// The ratatui terminal to draw on. Never dropped: its `Drop` shows the cursor and prints
    /// an error to a terminal that hung up; [`restore`] does that quietly instead.
    pub terminal: ManuallyDrop<Terminal<CrosstermBackend<Stdout>>>,
}

impl Tui {
    /// Enters raw mode and the alternate screen, and makes a panic give the terminal back
    /// before the panic message is printed.
    pub fn enter() -> io::Result<Self> {
        install_panic_hook();
        enable_raw_mode()?;
        // From here on, a failure must give the terminal back.
        let terminal = (|| {
            execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
            Terminal::new(CrosstermBackend::new(io::stdout()))
        })();
        match terminal {
            Ok(terminal) => Ok(Self { terminal: ManuallyDrop::new(terminal) }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        restore();
    }
}

/// Gives the terminal back, stops the process as a shell's Control-Z would (`fg` continues it),
/// then takes the terminal again; the caller redraws the whole screen.
pub(super) fn suspend() -> io::Result<()> {
    restore();
    #[cfg(unix)]
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)
}

/// Gives the terminal back, shows `text` in the pager `command` (split into words as a shell
/// would, but run without one), waits for it to end, then takes the terminal again; the caller
/// redraws the whole screen.
pub(super) fn page(command: &str, text: &str) -> io::Result<()> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let words = shell_words::split(command)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, format!("{command}: {e}")))?;
    let Some((program, args)) = words.split_first() else {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "empty pager command"));
    };
    restore();
    let shown = (|| {
        let mut child = Command::new(program).args(args).stdin(Stdio::piped()).spawn()?;
        if let Some(mut stdin) = child.stdin.take() {
            // A pager quit before reading everything closes the pipe: not an error.
            let _ = stdin.write_all(text.as_bytes());
        }
        child.wait().map(drop)
    })();
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    shown.map_err(|e| io::Error::new(e.kind(), format!("{program}: {e}")))
}

/// Gives the terminal back; harmless when it was not taken.
pub fn restore() {
    // Best effort: there is nobody left to report a failure to.
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}
