//! A progress bar on stderr for loads that take a while: shown only when stderr is a terminal
//! and stdout is not (rows going to the terminal are progress enough), and only once loading
//! has gone on for a moment, so quick commands print nothing extra.

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::load::Progress;

/// How long a load runs before the bar appears.
const DELAY: Duration = Duration::from_millis(400);
/// How often the bar is redrawn.
const TICK: Duration = Duration::from_millis(100);

/// The bar and the thread that updates it; dropping it clears the bar.
pub(super) struct LoadBar {
    bar: ProgressBar,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl LoadBar {
    /// Starts watching `progress`.
    pub(super) fn start(progress: Arc<Progress>) -> Self {
        let bar = ProgressBar::hidden();
        let stop = Arc::new(AtomicBool::new(false));
        let thread = Self::can_show().then(|| {
            let (bar, stop) = (bar.clone(), Arc::clone(&stop));
            std::thread::spawn(move || watch(&bar, &progress, &stop))
        });
        LoadBar { bar, stop, thread }
    }

    /// True when a bar would be seen: stderr is a terminal and stdout is not.
    pub(super) fn can_show() -> bool {
        std::io::stderr().is_terminal() && !std::io::stdout().is_terminal()
    }

    /// Runs `f` (which writes to stderr) with the bar out of the way.
    pub(super) fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }
}

fn watch(bar: &ProgressBar, progress: &Progress, stop: &AtomicBool) {
    let started = Instant::now();
    let mut shown = false;
    while !stop.load(Ordering::Relaxed) {
        std::thread::sleep(TICK);
        if !shown && started.elapsed() >= DELAY {
            shown = true;
            bar.set_style(style(progress.bytes_total.load(Ordering::Relaxed) > 0));
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        bar.set_length(progress.bytes_total.load(Ordering::Relaxed));
        bar.set_position(progress.bytes_read.load(Ordering::Relaxed));
        bar.set_message(format!("{} articles", progress.articles.load(Ordering::Relaxed)));
    }
}

impl Drop for LoadBar {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        self.bar.finish_and_clear();
    }
}

fn style(known_total: bool) -> ProgressStyle {
    let template = if known_total {
        "loading [{bar:30}] {bytes}/{total_bytes} {msg} ({eta} left)"
    } else {
        "loading {spinner} {bytes} {msg}"
    };
    ProgressStyle::with_template(template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ")
}
