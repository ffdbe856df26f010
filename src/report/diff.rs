//! Unified diffs that `git apply` and `reviewdog -f=diff` accept.

use similar::TextDiff;
use std::time::{Duration, Instant};

/// Time one file's diff may take before it settles for a less minimal one.
const DEADLINE: Duration = Duration::from_millis(500);

/// The diff of one file, with `a/<path>` and `b/<path>` headers; empty when nothing changed.
pub fn unified(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    // `a/` and `b/` prefixes for paths below the current folder, as git writes them; an
    // absolute path is shown as it is.
    let (old_header, new_header) = if path.starts_with('/') {
        (path.to_string(), path.to_string())
    } else {
        (format!("a/{path}"), format!("b/{path}"))
    };
    // Myers' diff costs the number of lines times the number of changes: minutes on a file
    // with 50,000 fixes. Past the deadline it finishes with a valid but less minimal diff;
    // ordinary files take milliseconds and never reach it.
    let diff = TextDiff::configure()
        .deadline(Instant::now() + DEADLINE)
        .diff_lines(old, new);
    diff.unified_diff()
        .context_radius(3)
        .header(&old_header, &new_header)
        .missing_newline_hint(true)
        .to_string()
}
