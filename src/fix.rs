//! The fix loop: check, apply the non-overlapping allowed fixes in one left-to-right pass,
//! re-parse, repeat until nothing applies. A pass that breaks the syntax gives the original
//! text back.

use crate::codemods::{self, FileSettings, Finding};
use crate::config::Settings;
use crate::edit::{Applicability, Edit, apply_edits};
use crate::source::{LineIndex, first_syntax_error, line_col, try_parse, try_reparse};

/// Passes before the loop gives up; each pass re-parses once.
pub const MAX_PASSES: usize = 10;

/// Which fixes to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixMode {
    /// Report only.
    Off,
    /// Apply fixes up to this applicability.
    Apply(Applicability),
}

/// A finding located in the text it was found in (1-based line and character column).
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub finding: Finding,
    pub start: (usize, usize),
    pub end: (usize, usize),
    /// Start and end of each of the fix's edits, in the same text.
    pub edit_positions: Vec<((usize, usize), (usize, usize))>,
    pub applied: bool,
}

impl Diagnostic {
    fn new(text: &str, lines: &LineIndex, finding: Finding, applied: bool) -> Diagnostic {
        let at = |offset| lines.line_col(text, offset);
        let edit_positions = finding
            .fix
            .iter()
            .flat_map(|f| &f.edits)
            .map(|e| (at(e.start), at(e.end)))
            .collect();
        Diagnostic {
            start: at(finding.start),
            end: at(finding.end),
            edit_positions,
            finding,
            applied,
        }
    }
}

#[derive(Debug)]
pub struct Outcome {
    /// The text after fixing (the input when nothing was applied).
    pub text: String,
    /// Findings whose fix was applied, then those left, each group in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// An internal problem: a fix that broke the syntax (the file is then left as it was) or a
    /// loop that did not converge.
    pub error: Option<String>,
}

impl Outcome {
    pub fn fixed(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.applied)
    }

    pub fn remaining(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| !d.applied)
    }
}

/// Checks `text` and, unless `mode` is `Off`, fixes it. `Err` is a one-line reason the file
/// was not looked at (it does not parse).
pub fn lint(
    text: &str,
    settings: &Settings,
    file: &FileSettings,
    mode: FixMode,
) -> Result<Outcome, String> {
    let mut tree = try_parse(text)?;
    if let Some(node) = first_syntax_error(&tree) {
        let (line, col) = line_col(text, node.start_byte());
        return Err(format!(
            "syntax error at {line}:{col}; left untouched, fix it or list the file in .ignore"
        ));
    }
    let mut current = text.to_string();
    let mut fixed: Vec<Diagnostic> = Vec::new();
    let mut first_pass: Option<Vec<Finding>> = None;
    for _ in 0..MAX_PASSES {
        let findings = codemods::check(&current, &tree, settings, file);
        let FixMode::Apply(allowed) = mode else {
            return Ok(done(&current, fixed, findings, None));
        };
        if first_pass.is_none() {
            first_pass = Some(findings.clone());
        }
        let (applied, rest) = select_fixes(findings, allowed);
        if applied.is_empty() {
            return Ok(done(&current, fixed, rest, None));
        }
        let edits: Vec<&Edit> = applied
            .iter()
            .flat_map(|f| &f.fix.as_ref().expect("selected").edits)
            .collect();
        let next = apply_edits(&current, &edits);
        let lines = LineIndex::new(&current);
        // The old tree, edited, gives the parser every subtree the fixes left alone.
        let next_tree = match try_reparse(tree, &lines, &edits, &next) {
            Ok(tree) if first_syntax_error(&tree).is_none() => tree,
            parsed => {
                let what = match parsed {
                    Ok(tree) => {
                        let node = first_syntax_error(&tree).expect("matched above");
                        let (line, _) = line_col(&next, node.start_byte());
                        format!("broken the syntax at line {line}")
                    }
                    Err(_) => "nested the code deeper than the parser handles".to_string(),
                };
                let mut rules: Vec<&str> = applied.iter().map(|f| f.rule).collect();
                rules.dedup();
                let error = format!(
                    "internal error: fixes by {} would have {what}; no fix written to this file, please report it",
                    rules.join(", ")
                );
                return Ok(done(
                    text,
                    Vec::new(),
                    first_pass.unwrap_or_default(),
                    Some(error),
                ));
            }
        };
        fixed.extend(
            applied
                .into_iter()
                .map(|f| Diagnostic::new(&current, &lines, f, true)),
        );
        current = next;
        tree = next_tree;
    }
    let findings = codemods::check(&current, &tree, settings, file);
    let mut rules: Vec<&str> = findings
        .iter()
        .filter(|f| f.fix.is_some())
        .map(|f| f.rule)
        .collect();
    rules.sort();
    rules.dedup();
    let error = format!(
        "internal error: fixes did not converge after {MAX_PASSES} passes (rules: {}); please report it",
        rules.join(", ")
    );
    Ok(done(&current, fixed, findings, Some(error)))
}

/// The fix of a file that is not Python (a dependency file under `infra-fix upgrade`): the
/// allowed fixes that do not overlap applied in one pass, with nothing to re-parse. Every
/// finding is located in `text`; these fixes change no line count, so the lines hold after.
pub fn fix_text(text: &str, findings: Vec<Finding>, mode: FixMode) -> Outcome {
    let lines = LineIndex::new(text);
    let (applied, rest) = match mode {
        FixMode::Off => (Vec::new(), findings),
        FixMode::Apply(allowed) => select_fixes(findings, allowed),
    };
    let edits: Vec<&Edit> = applied
        .iter()
        .flat_map(|f| &f.fix.as_ref().expect("selected").edits)
        .collect();
    let fixed = apply_edits(text, &edits);
    let mut diagnostics: Vec<Diagnostic> = applied
        .into_iter()
        .map(|f| Diagnostic::new(text, &lines, f, true))
        .collect();
    diagnostics.extend(
        rest.into_iter()
            .map(|f| Diagnostic::new(text, &lines, f, false)),
    );
    Outcome {
        text: fixed,
        diagnostics,
        error: None,
    }
}

/// The invariants the fuzzer (`fuzz/`) and the property test hold the whole pipeline to, on
/// any bytes: decoding and fixing (every rule, unsafe fixes on) does not panic, the fix loop
/// converges without dropping a fix for breaking the syntax, input that parses gives output
/// that parses, and a second run changes nothing. `Err` says which one failed.
pub fn check_invariants(bytes: &[u8]) -> Result<(), String> {
    let Ok(source) = crate::source::Source::from_bytes(bytes.to_vec()) else {
        return Ok(());
    };
    let settings = Settings::default();
    let file = FileSettings::default();
    let mode = FixMode::Apply(Applicability::Unsafe);
    // Input that does not parse is reported and left alone: nothing more to hold it to.
    let Ok(first) = lint(&source.text, &settings, &file, mode) else {
        return Ok(());
    };
    if let Some(error) = first.error {
        return Err(format!("first run: {error}"));
    }
    let tree = try_parse(&first.text).map_err(|e| format!("fixed output: {e}"))?;
    if let Some(node) = first_syntax_error(&tree) {
        let (line, col) = line_col(&first.text, node.start_byte());
        return Err(format!("fixed output does not parse at {line}:{col}"));
    }
    let second = lint(&first.text, &settings, &file, mode)
        .map_err(|e| format!("second run rejected the fixed output: {e}"))?;
    if let Some(error) = second.error {
        return Err(format!("second run: {error}"));
    }
    if second.text != first.text || second.fixed().next().is_some() {
        let rules: Vec<&str> = second.fixed().map(|d| d.finding.rule).collect();
        return Err(format!(
            "second run changed the output again (rules: {})",
            rules.join(", ")
        ));
    }
    Ok(())
}

fn done(
    text: &str,
    mut fixed: Vec<Diagnostic>,
    remaining: Vec<Finding>,
    error: Option<String>,
) -> Outcome {
    let lines = LineIndex::new(text);
    fixed.extend(
        remaining
            .into_iter()
            .map(|f| Diagnostic::new(text, &lines, f, false)),
    );
    Outcome {
        text: text.to_string(),
        diagnostics: fixed,
        error,
    }
}

/// Whether fixing up to `allowed` applies this finding's fix (unless another overlaps it).
pub fn would_apply(finding: &Finding, allowed: Applicability) -> bool {
    finding
        .fix
        .as_ref()
        .is_some_and(|fix| fix.applicability <= allowed && !fix.edits.is_empty())
}

/// Picks, left to right, the allowed fixes that do not overlap one already picked. The others
/// stay findings; an overlapping one is found again on the next pass.
fn select_fixes(findings: Vec<Finding>, allowed: Applicability) -> (Vec<Finding>, Vec<Finding>) {
    let (mut candidates, mut rest): (Vec<Finding>, Vec<Finding>) =
        findings.into_iter().partition(|f| would_apply(f, allowed));
    candidates.sort_by_key(|f| f.fix.as_ref().map(|fix| fix.span()));
    let mut applied = Vec::new();
    // End of the last picked fix, and whether it ended with a pure insertion there: two
    // insertions at one offset would have no defined order.
    let mut last_end: Option<(usize, bool)> = None;
    for finding in candidates {
        let fix = finding.fix.as_ref().expect("candidate has a fix");
        let (start, _) = fix.span();
        let overlaps = match last_end {
            Some((end, insert)) => start < end || (start == end && insert),
            None => false,
        };
        if overlaps {
            rest.push(finding);
            continue;
        }
        let last_edit = fix
            .edits
            .iter()
            .max_by_key(|e| (e.end, e.start))
            .expect("non-empty");
        last_end = Some((last_edit.end, last_edit.start == last_edit.end));
        applied.push(finding);
    }
    rest.sort_by_key(|f| f.start);
    (applied, rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::parse;

    /// Every node's kind, byte range and start position, in document order.
    fn nodes(tree: &tree_sitter::Tree) -> Vec<(u16, usize, usize, tree_sitter::Point)> {
        let mut out = Vec::new();
        let mut cursor = tree.walk();
        'walk: loop {
            let n = cursor.node();
            out.push((
                n.kind_id(),
                n.start_byte(),
                n.end_byte(),
                n.start_position(),
            ));
            if cursor.goto_first_child() {
                continue;
            }
            while !cursor.goto_next_sibling() {
                if !cursor.goto_parent() {
                    break 'walk;
                }
            }
        }
        out
    }

    /// The incremental re-parse of a fix pass gives the tree a fresh parse gives, on every
    /// fixture's real fixes (the fix loop trusts it to find syntax errors and the next pass's
    /// findings).
    #[test]
    fn reparsing_a_fix_pass_equals_parsing_from_scratch() {
        let mut files = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/testdata"
        ))];
        let mut checked = 0;
        while let Some(path) = files.pop() {
            if path.is_dir() {
                files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            if !path.to_string_lossy().ends_with(".before.py") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let tree = parse(&text);
            let findings =
                codemods::check(&text, &tree, &Settings::default(), &FileSettings::default());
            let (applied, _) = select_fixes(findings, Applicability::Unsafe);
            let edits: Vec<&Edit> = applied
                .iter()
                .flat_map(|f| &f.fix.as_ref().unwrap().edits)
                .collect();
            if edits.is_empty() {
                continue;
            }
            let next = apply_edits(&text, &edits);
            let lines = LineIndex::new(&text);
            let reparsed = try_reparse(tree, &lines, &edits, &next).unwrap();
            assert!(
                nodes(&reparsed) == nodes(&parse(&next)),
                "{}",
                path.display()
            );
            checked += 1;
        }
        assert!(checked > 50, "only {checked} fixtures had fixes");
    }
}
