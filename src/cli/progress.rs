//! A progress bar on stderr for loads that take a while: shown only on a terminal, and only
//! once loading has gone on for a moment, so quick commands print nothing extra.

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

/// The bar's thread; dropping it clears the bar.
pub struct LoadBar {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl LoadBar {
    /// Starts watching `progress`.
    pub fn start(progress: Arc<Progress>) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let watching = Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            let started = Instant::now();
            let mut bar: Option<ProgressBar> = None;
            while !watching.load(Ordering::Relaxed) {
                std::thread::sleep(TICK);
                if bar.is_none() && started.elapsed() >= DELAY {
                    bar = Some(new_bar(&progress));
                }
                if let Some(bar) = &bar {
                    bar.set_length(progress.bytes_total.load(Ordering::Relaxed));
                    bar.set_position(progress.bytes_read.load(Ordering::Relaxed));
                    bar.set_message(format!(
                        "{} articles",
                        progress.articles.load(Ordering::Relaxed)
                    ));
                }
            }
            if let Some(bar) = bar {
                bar.finish_and_clear();
            }
        });
        LoadBar { stop, thread: Some(thread) }
    }
}

impl Drop for LoadBar {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn new_bar(progress: &Progress) -> ProgressBar {
    let total = progress.bytes_total.load(Ordering::Relaxed);
    let template = if total > 0 {
        "loading [{bar:30}] {bytes}/{total_bytes} {msg} ({eta} left)"
    } else {
        "loading {spinner} {bytes} {msg}"
    };
    let style = ProgressStyle::with_template(template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
    ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr()).with_style(style)
}
