//! GitHub Actions workflow commands: one `::warning` annotation per finding, one `::error` per
//! file infra-fix could not process. GitHub shows them on the pull request's changed lines.
//!
//! `::warning file=P,line=L,endLine=L,col=C,endColumn=C,title=infra-fix (RULE)::RULE: MESSAGE`
//! with the workflow-command escapes (`%` `\r` `\n` everywhere, `:` `,` in properties).

use super::{FileResult, fix_note};

pub fn annotations(results: &[FileResult], errors: &[(String, String)]) -> String {
    let mut out = String::new();
    for r in results {
        let Some(outcome) = &r.outcome else { continue };
        for d in &outcome.diagnostics {
            let (line, col) = d.start;
            let (end_line, end_col) = d.end;
            out.push_str(&format!(
                "::warning file={},line={line},endLine={end_line},col={col},endColumn={end_col},title={}::{}\n",
                property(&r.display),
                property(&format!("infra-fix ({})", d.finding.rule)),
                data(&format!(
                    "{}: {}{}",
                    d.finding.rule,
                    d.finding.message,
                    fix_note(d, r.unsafe_fixes)
                )),
            ));
        }
    }
    for (path, message) in errors {
        if path.is_empty() {
            out.push_str(&format!("::error::{}\n", data(message)));
        } else {
            out.push_str(&format!(
                "::error file={},title=infra-fix::{}\n",
                property(path),
                data(&format!("{path}: {message}"))
            ));
        }
    }
    out
}

/// Escapes a message (the part after `::`).
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`file=`, `title=`).
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_the_workflow_command_rules() {
        assert_eq!(data("100% done\nnext"), "100%25 done%0Anext");
        assert_eq!(property("a,b:c"), "a%2Cb%3Ac");
    }
}
