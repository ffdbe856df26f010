//! A progress line on stderr for runs over many files, shown only to a person at a terminal
//! and erased before anything else is printed, so no output (and no machine format) sees it.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

/// Runs over fewer files finish before a progress line would help.
pub const MIN_FILES: usize = 100;
const EVERY: Duration = Duration::from_millis(100);

pub struct Progress {
    done: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    /// Held by the painter while it draws, and by whoever prints (see `hold`).
    screen: Arc<Mutex<Shown>>,
    painter: Option<JoinHandle<()>>,
}

/// Whether a progress line is on the screen now.
#[derive(Default)]
struct Shown(bool);

/// While alive, the progress line is off the screen and stays off: print then.
pub struct Screen<'a> {
    _held: Option<MutexGuard<'a, Shown>>,
}

impl Progress {
    /// Starts drawing when `allowed` (not `--quiet`), stderr is a terminal and the run is long.
    pub fn start(total: usize, allowed: bool) -> Progress {
        let done = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let show = allowed && total >= MIN_FILES && std::io::stderr().is_terminal();
        let screen = Arc::new(Mutex::new(Shown(false)));
        let painter = show.then(|| {
            let (done, stop, screen) = (done.clone(), stop.clone(), screen.clone());
            std::thread::spawn(move || {
                // The first frame right away, so that even a fast run shows one.
                loop {
                    {
                        let mut shown = screen.lock().expect("progress lock");
                        let n = done.load(Ordering::Relaxed);
                        let _ = write!(std::io::stderr(), "\r\x1b[2K{}", line(n, total));
                        shown.0 = true;
                    }
                    for _ in 0..10 {
                        if stop.load(Ordering::Relaxed) {
                            let _ = write!(std::io::stderr(), "\r\x1b[2K");
                            return;
                        }
                        std::thread::sleep(EVERY / 10);
                    }
                }
            })
        });
        Progress {
            done,
            stop,
            screen,
            painter,
        }
    }

    /// Takes the progress line off the screen until the returned guard is dropped, so that
    /// output printed meanwhile is not mixed with it.
    pub fn hold(&self) -> Screen<'_> {
        if self.painter.is_none() {
            return Screen { _held: None };
        }
        let mut shown = self.screen.lock().expect("progress lock");
        if shown.0 {
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
            shown.0 = false;
        }
        Screen { _held: Some(shown) }
    }

    pub fn tick(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    /// Erases the line; returns once it is gone.
    pub fn finish(self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(painter) = self.painter {
            let _ = painter.join();
        }
    }
}

/// `[#######.............]  350/1000 files`
pub fn line(done: usize, total: usize) -> String {
    const WIDTH: usize = 20;
    let filled = (done * WIDTH)
        .checked_div(total)
        .unwrap_or(WIDTH)
        .min(WIDTH);
    format!(
        "[{}{}] {done:>width$}/{total} files",
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        width = total.to_string().len()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_fills_with_the_files_done() {
        assert_eq!(line(0, 200), "[....................]   0/200 files");
        assert_eq!(line(100, 200), "[##########..........] 100/200 files");
        assert_eq!(line(200, 200), "[####################] 200/200 files");
    }
}
