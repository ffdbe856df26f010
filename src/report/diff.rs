//! Unified diffs that `git apply` and `reviewdog -f=diff` accept.

use similar::TextDiff;

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
    let diff = TextDiff::from_lines(old, new);
    diff.unified_diff()
        .context_radius(3)
        .header(&old_header, &new_header)
        .missing_newline_hint(true)
        .to_string()
}
