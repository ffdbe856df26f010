//! Printers: unified diffs, finding lines and summaries for people, JSON for programs.

pub mod diff;
pub mod json;

use crate::fix::Diagnostic;

/// How a finding's fix stands under the current flags.
pub fn fix_note(diagnostic: &Diagnostic, unsafe_fixes: bool) -> &'static str {
    match &diagnostic.finding.fix {
        Some(_) if diagnostic.applied => " [*]",
        Some(fix) if fix.applicability == crate::edit::Applicability::Unsafe && !unsafe_fixes => {
            " (fix available with --unsafe-fixes)"
        }
        Some(_) => " [*]",
        None => "",
    }
}

/// `path:line:col: rule-id message [*]`
pub fn finding_line(path: &str, diagnostic: &Diagnostic, unsafe_fixes: bool) -> String {
    let (line, col) = diagnostic.start;
    format!(
        "{path}:{line}:{col}: {} {}{}",
        diagnostic.finding.rule,
        diagnostic.finding.message,
        fix_note(diagnostic, unsafe_fixes)
    )
}

pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}
