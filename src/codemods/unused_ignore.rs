//! `unused-ignore`: a rule id in `# infra-fix: ignore[...]` that suppressed no finding, like
//! ruff's RUF100. It reads no query: `check` calls `findings` once every other rule's findings
//! of the file are known and suppressed (`Pattern::IgnoreComments`). Off by default, as RUF100
//! is in ruff.

use super::{Codemod, FileSettings, FixAvailability, RuleSet, Severity};
use crate::codemods::Finding;
use crate::edit::{Edit, Fix};
use crate::suppression::{DIRECTIVE, Directive, Directives};

pub const ID: &str = "unused-ignore";

pub const CODEMOD: Codemod = Codemod {
    id: ID,
    title: "ignore comment naming a rule that found nothing there",
    fix: FixAvailability::Safe,
    severity: Severity::Warning,
    default_enabled: false,
    upgrade: None,
    pattern: super::Pattern::IgnoreComments,
    options: &[],
    check_options: None,
    docs: include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/codemods/unused-ignore.md"
    )),
    check: after_the_others,
};

/// The rule runs after the others, in `check`.
fn after_the_others(_: &mut super::Checker, _: &super::Match) {}

/// The rules that read the pulumi-aws schema tables, and say nothing (or less) in a project on a
/// major infra-fix has no tables for: there they have not really run. A test keeps the list
/// complete.
pub const SCHEMA_RULES: &[&str] = &[
    "deprecated-argument",
    "lambda-runtime-outdated",
    "output-as-string",
    "resource-option-argument",
    "unknown-argument",
    "unknown-name",
    "unknown-resource",
];

/// A finding for each directive with ids that suppressed nothing, among the rules that ran on
/// the file (`rules`, and the schema rules only with tables for its major): an id of a rule
/// that did not run, or that infra-fix does not know, may be needed all the same. A blanket
/// `# infra-fix: ignore` covers this rule too, so it is never reported; nor is an id
/// `unused-ignore`, which asks for this.
pub fn findings(
    text: &str,
    directives: &Directives,
    rules: &RuleSet,
    file: &FileSettings,
) -> Vec<Finding> {
    let ran =
        |id: &str| rules.runs(id) && (file.pulumi_aws.is_some() || !SCHEMA_RULES.contains(&id));
    let mut found = Vec::new();
    for (directive, used) in directives.list.iter().zip(&directives.used) {
        let Some(ids) = &directive.ids else {
            continue;
        };
        let unused: Vec<usize> = (0..ids.len())
            .filter(|&i| {
                let id = directive.id(text, i);
                !used[i] && id != ID && ran(id)
            })
            .collect();
        if unused.is_empty() {
            continue;
        }
        let names: Vec<String> = unused
            .iter()
            .map(|&i| format!("`{}`", directive.id(text, i)))
            .collect();
        let kept: Vec<&str> = (0..ids.len())
            .filter(|i| !unused.contains(i))
            .map(|i| directive.id(text, i))
            .collect();
        let (start, _) = removal_start(text, directive);
        found.push(Finding {
            rule: ID,
            start,
            end: directive.span.end,
            message: format!(
                "ignore comment for {} suppresses nothing: no finding of {} on the line it covers",
                names.join(", "),
                if names.len() == 1 {
                    "that rule"
                } else {
                    "those rules"
                }
            ),
            fix: removal(text, directive, &kept).map(|edit| Fix::safe(vec![edit])),
        });
    }
    found
}

/// Where the directive's text starts: at the `#` that opens it, when one does (`# TODO  #
/// infra-fix: ignore[x]`), else at `infra-fix: ignore`; and the comment text before it.
fn removal_start<'t>(text: &'t str, directive: &Directive) -> (usize, &'t str) {
    let before = text[directive.comment.start..directive.span.start].trim_end();
    let hash = match before.strip_suffix('#') {
        Some(rest) => directive.comment.start + rest.len(),
        None => directive.span.start,
    };
    (hash, text[directive.comment.start..hash].trim_end())
}

/// The edit that leaves only `kept` in the directive's list, or takes the directive out when
/// none is left: the comment text around it stays, and so does the code; a comment that was
/// only the directive goes, with its line when it stood alone.
fn removal(text: &str, directive: &Directive, kept: &[&str]) -> Option<Edit> {
    let span = &directive.span;
    // A list that is not closed: where it ends is a guess.
    if !text[..span.end].ends_with(']') {
        return None;
    }
    if !kept.is_empty() {
        let open = span.start + DIRECTIVE.len();
        return Some(Edit {
            start: open + 1,
            end: span.end - 1,
            text: kept.join(", "),
        });
    }
    let comment = &directive.comment;
    let (hash, before) = removal_start(text, directive);
    let after = text[span.end..comment.end].trim();
    let after_start = comment.end - text[span.end..comment.end].trim_start().len();
    let delete = |start: usize, end: usize| Edit {
        start,
        end,
        text: String::new(),
    };
    if !before.is_empty() {
        // `# TODO  # infra-fix: ignore[x]`: the text before stays, and any after it.
        return Some(delete(comment.start + before.len(), span.end));
    }
    if after.is_empty() {
        if directive.own_line {
            let end = text[comment.end..]
                .find('\n')
                .map_or(text.len(), |i| comment.end + i + 1);
            return Some(delete(directive.line, end));
        }
        let code_end = directive.line + text[directive.line..comment.start].trim_end().len();
        return Some(delete(code_end, comment.end));
    }
    if after.starts_with('#') {
        // `# infra-fix: ignore[x]  # TODO`: the second comment stays.
        return Some(delete(comment.start, after_start));
    }
    // `# infra-fix: ignore[x] because ...`: the reason stays, as a comment of its own.
    let reason = text[after_start..comment.end].trim_start_matches([':', '-', ',', ';', ' ', '\t']);
    Some(Edit {
        start: hash,
        end: comment.end - reason.len(),
        text: "# ".to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codemods::CODEMODS;

    #[test]
    fn schema_rules_are_every_rule_that_reads_the_tables() {
        // The upgrade rules run only where the upgrade applies, with its tables (and
        // `upgrade-v6-dependency-pin` shares the file of the 7 rule).
        for codemod in CODEMODS
            .iter()
            .filter(|c| c.id != ID && c.upgrade.is_none())
        {
            let source = std::fs::read_to_string(format!(
                "{}/src/codemods/{}.rs",
                env!("CARGO_MANIFEST_DIR"),
                codemod.id.replace('-', "_")
            ))
            .unwrap();
            assert_eq!(
                source.contains(".schema()"),
                SCHEMA_RULES.contains(&codemod.id),
                "{} and SCHEMA_RULES",
                codemod.id
            );
        }
    }
}
