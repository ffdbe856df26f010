//! The fix loop: check, apply the non-overlapping allowed fixes in one left-to-right pass,
//! re-parse, repeat until nothing applies. A pass that breaks the syntax gives the original
//! text back.

use crate::codemods::{self, FileSettings, Finding, Settings};
use crate::edit::{Applicability, Edit, apply_edits};
use crate::source::{LineIndex, first_syntax_error, line_col, try_parse, try_reparse};
use std::ops::Range;

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

/// Which text the lines and columns of an outcome refer to: the one a person or a program
/// reading the report has on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Positions {
    /// The text checked: the file as it stays on disk when it is not written (`--check`,
    /// `--dry-run`).
    Input,
    /// The fixed text: the file `--write` writes.
    Output,
}

/// A finding located in the text its outcome's positions refer to (1-based line and
/// character column).
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// As the codemod reported it: its byte offsets are in the text it was found in, which
    /// after a pass of fixes is neither the input nor necessarily the output.
    pub finding: Finding,
    pub start: (usize, usize),
    pub end: (usize, usize),
    /// Start and end of each of the fix's edits. For a fix applied and located in the output,
    /// where its text now stands.
    pub edit_positions: Vec<((usize, usize), (usize, usize))>,
    pub applied: bool,
}

impl Diagnostic {
    /// Locates `finding` in `text`, each of its offsets carried there by `place`.
    fn new(
        text: &str,
        lines: &LineIndex,
        finding: Finding,
        place: impl Fn(usize, Side) -> usize,
        applied: bool,
    ) -> Diagnostic {
        let at = |offset| lines.line_col(text, offset);
        let range = |start, end| {
            let start = place(start, Side::Start);
            (at(start), at(place(end, Side::End).max(start)))
        };
        let edit_positions = finding
            .fix
            .iter()
            .flat_map(|f| &f.edits)
            .map(|e| range(e.start, e.end))
            .collect();
        let (start, end) = range(finding.start, finding.end);
        Diagnostic {
            start,
            end,
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
    /// Which text the diagnostics' lines and columns refer to.
    pub positions: Positions,
}

impl Outcome {
    pub fn fixed(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.applied)
    }

    pub fn remaining(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| !d.applied)
    }
}

/// Checks `text` and, unless `mode` is `Off`, fixes it; the findings are located as
/// `positions` says. `Err` is a one-line reason the file was not looked at (it does not
/// parse).
pub fn lint(
    text: &str,
    settings: &Settings,
    file: &FileSettings,
    mode: FixMode,
    positions: Positions,
) -> Result<Outcome, String> {
    let mut tree = try_parse(text)?;
    if let Some(node) = first_syntax_error(&tree) {
        let (line, col) = line_col(text, node.start_byte());
        return Err(format!(
            "syntax error at {line}:{col}; left untouched, fix it or list the file in .ignore"
        ));
    }
    let mut current = text.to_string();
    // Each fix applied, with the pass whose input it was found in.
    let mut fixed: Vec<(Finding, usize)> = Vec::new();
    let mut passes: Vec<Pass> = Vec::new();
    let mut first_pass: Option<Vec<Finding>> = None;
    let located = |output: &str, fixed, rest, passes: &[Pass], error| {
        Located {
            input: text,
            output,
            passes,
            positions,
        }
        .outcome(fixed, rest, error)
    };
    for _ in 0..MAX_PASSES {
        let findings = codemods::check(&current, &tree, settings, file);
        let FixMode::Apply(allowed) = mode else {
            return Ok(located(&current, fixed, findings, &passes, None));
        };
        if first_pass.is_none() {
            first_pass = Some(findings.clone());
        }
        let (applied, rest) = select_fixes_last_unused_ignore(findings, allowed);
        if applied.is_empty() {
            return Ok(located(&current, fixed, rest, &passes, None));
        }
        let edits: Vec<&Edit> = applied
            .iter()
            .flat_map(|f| &f.fix.as_ref().expect("selected").edits)
            .collect();
        let next = apply_edits(&current, &edits);
        let lines = LineIndex::new(&current);
        let changes: Vec<_> = edits.iter().map(|e| e.input_edit(&lines)).collect();
        // The old tree, edited, gives the parser every subtree the fixes left alone.
        let next_tree = match try_reparse(tree, &changes, &next) {
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
                return Ok(located(
                    text,
                    Vec::new(),
                    first_pass.unwrap_or_default(),
                    &[],
                    Some(error),
                ));
            }
        };
        passes.push(Pass::new(&edits));
        let pass = passes.len() - 1;
        fixed.extend(applied.into_iter().map(|f| (f, pass)));
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
    Ok(located(&current, fixed, findings, &passes, Some(error)))
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
        .map(|f| Diagnostic::new(text, &lines, f, |offset, _| offset, true))
        .collect();
    diagnostics.extend(
        rest.into_iter()
            .map(|f| Diagnostic::new(text, &lines, f, |offset, _| offset, false)),
    );
    Outcome {
        text: fixed,
        diagnostics,
        error: None,
        positions: Positions::Input,
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
    // Every rule: those off by default (`unused-ignore`) too.
    let settings = Settings::with_rules(codemods::RuleSet::all());
    let file = FileSettings::default();
    let mode = FixMode::Apply(Applicability::Unsafe);
    // Input that does not parse is reported and left alone: nothing more to hold it to.
    let Ok(first) = lint(&source.text, &settings, &file, mode, Positions::Input) else {
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
    let second = lint(&first.text, &settings, &file, mode, Positions::Input)
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

/// What a run of the fix loop made of a text, to locate its findings in one text.
struct Located<'a> {
    input: &'a str,
    output: &'a str,
    /// The passes that turned the input into the output.
    passes: &'a [Pass],
    positions: Positions,
}

impl Located<'_> {
    /// The outcome: `fixed` (each with the pass it was found before) and `remaining` (found
    /// in the output) located in the text `positions` names.
    fn outcome(
        &self,
        fixed: Vec<(Finding, usize)>,
        remaining: Vec<Finding>,
        error: Option<String>,
    ) -> Outcome {
        let (text, target) = match self.positions {
            Positions::Input => (self.input, 0),
            Positions::Output => (self.output, self.passes.len()),
        };
        let lines = LineIndex::new(text);
        let output = self.passes.len();
        let locate = |finding, found_in, applied| {
            let place = |offset, side| self.place(offset, side, found_in, target);
            Diagnostic::new(text, &lines, finding, place, applied)
        };
        let mut diagnostics: Vec<Diagnostic> = fixed
            .into_iter()
            .map(|(f, pass)| locate(f, pass, true))
            .collect();
        diagnostics.extend(remaining.into_iter().map(|f| locate(f, output, false)));
        Outcome {
            text: self.output.to_string(),
            diagnostics,
            error,
            positions: self.positions,
        }
    }

    /// An offset of the text after `from` passes, carried to the text after `to` passes.
    fn place(&self, mut offset: usize, side: Side, from: usize, to: usize) -> usize {
        if to < from {
            for pass in self.passes[to..from].iter().rev() {
                offset = pass.back(offset, side);
            }
        } else {
            for pass in &self.passes[from..to] {
                offset = pass.forward(offset, side);
            }
        }
        offset
    }
}

/// Which end of a range an offset is: where a range starts or ends inside code a fix
/// rewrote, it takes the whole of the rewritten code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Start,
    End,
}

/// The edits of one pass of fixes, to carry offsets across it in either direction.
#[derive(Debug)]
struct Pass {
    /// Each edit's range in the text before the pass and its text's range after it, in order.
    edits: Vec<(Range<usize>, Range<usize>)>,
}

impl Pass {
    /// `edits`: in order and apart, as `apply_edits` takes them.
    fn new(edits: &[&Edit]) -> Pass {
        let mut shift = 0isize;
        let edits = edits
            .iter()
            .map(|e| {
                let start = (e.start as isize + shift) as usize;
                shift += e.text.len() as isize - (e.end - e.start) as isize;
                (e.start..e.end, start..start + e.text.len())
            })
            .collect();
        Pass { edits }
    }

    /// An offset of the text before the pass in the text after it.
    fn forward(&self, offset: usize, side: Side) -> usize {
        self.carry(offset, side, |(before, after)| {
            (before.clone(), after.clone())
        })
    }

    /// An offset of the text after the pass in the text before it.
    fn back(&self, offset: usize, side: Side) -> usize {
        self.carry(offset, side, |(before, after)| {
            (after.clone(), before.clone())
        })
    }

    /// Carries `offset` across the edits, `ends` giving each one's range in the text `offset`
    /// is in and the range it becomes: text outside every range moves with it; an offset on a
    /// range's boundary goes to the same boundary; inside a range (or on an empty one) it
    /// takes the whole new range, its start for a `Start`, its end for an `End`.
    fn carry(
        &self,
        offset: usize,
        side: Side,
        ends: impl Fn(&(Range<usize>, Range<usize>)) -> (Range<usize>, Range<usize>),
    ) -> usize {
        // The first edit that ends at or after the offset (binary search: a large file has
        // tens of thousands of edits and findings).
        let next = self.edits.partition_point(|e| ends(e).0.end < offset);
        let Some(edit) = self.edits.get(next) else {
            return match self.edits.last().map(&ends) {
                Some((from, to)) => to.end + (offset - from.end),
                None => offset,
            };
        };
        let (from, to) = ends(edit);
        if offset < from.start {
            to.start - (from.start - offset)
        } else if from.is_empty() || (from.start < offset && offset < from.end) {
            match side {
                Side::Start => to.start,
                Side::End => to.end,
            }
        } else if offset == from.start {
            to.start
        } else {
            to.end
        }
    }
}

/// Whether fixing up to `allowed` applies this finding's fix (unless another overlaps it).
pub fn would_apply(finding: &Finding, allowed: Applicability) -> bool {
    finding
        .fix
        .as_ref()
        .is_some_and(|fix| fix.applicability <= allowed && !fix.edits.is_empty())
}

/// `select_fixes`, with the fixes of `unused-ignore` only in a pass where no other fix applies:
/// whether an ignore comment suppresses something is known only in the final text (a fix may
/// remove the finding it covered, or make a new one it covers).
fn select_fixes_last_unused_ignore(
    findings: Vec<Finding>,
    allowed: Applicability,
) -> (Vec<Finding>, Vec<Finding>) {
    let (unused, others): (Vec<Finding>, Vec<Finding>) = findings
        .into_iter()
        .partition(|f| f.rule == codemods::unused_ignore::ID);
    if unused.is_empty() {
        return select_fixes(others, allowed);
    }
    let (applied, mut rest) = select_fixes(others, allowed);
    if !applied.is_empty() {
        rest.extend(unused);
        rest.sort_by_key(|f| f.start);
        return (applied, rest);
    }
    let (applied, mut unfixed) = select_fixes(unused, allowed);
    rest.append(&mut unfixed);
    rest.sort_by_key(|f| f.start);
    (applied, rest)
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
        crate::source::every_node(tree)
            .map(|n| {
                (
                    n.kind_id(),
                    n.start_byte(),
                    n.end_byte(),
                    n.start_position(),
                )
            })
            .collect()
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
            let changes: Vec<_> = edits.iter().map(|e| e.input_edit(&lines)).collect();
            let reparsed = try_reparse(tree, &changes, &next).unwrap();
            assert!(
                nodes(&reparsed) == nodes(&parse(&next)),
                "{}",
                path.display()
            );
            checked += 1;
        }
        assert!(checked > 50, "only {checked} fixtures had fixes");
    }

    #[test]
    fn a_pass_carries_offsets_to_the_same_code_either_way() {
        // "abcdef": `bc` rewritten as `XYZ`, `++` inserted before `e`, `f` deleted.
        let edits = [
            Edit {
                start: 1,
                end: 3,
                text: "XYZ".into(),
            },
            Edit::insert(4, "++"),
            Edit {
                start: 5,
                end: 6,
                text: String::new(),
            },
        ];
        let edits: Vec<&Edit> = edits.iter().collect();
        assert_eq!(apply_edits("abcdef", &edits), "aXYZd++e");
        let pass = Pass::new(&edits);
        let forward = |offset| {
            (
                pass.forward(offset, Side::Start),
                pass.forward(offset, Side::End),
            )
        };
        // Untouched text moves; a boundary stays one; inside rewritten code, or where code is
        // inserted, a range takes all of the new code.
        assert_eq!(forward(0), (0, 0));
        assert_eq!(forward(1), (1, 1));
        assert_eq!(forward(2), (1, 4));
        assert_eq!(forward(3), (4, 4));
        assert_eq!(forward(4), (5, 7));
        assert_eq!(forward(5), (8, 8));
        assert_eq!(forward(6), (8, 8));
        let back = |offset| (pass.back(offset, Side::Start), pass.back(offset, Side::End));
        assert_eq!(back(0), (0, 0));
        assert_eq!(back(2), (1, 3));
        assert_eq!(back(4), (3, 3));
        assert_eq!(back(5), (4, 4));
        assert_eq!(back(6), (4, 4));
        assert_eq!(back(7), (4, 4));
        assert_eq!(back(8), (5, 6));
        // No edits: nothing moves.
        assert_eq!(Pass::new(&[]).back(3, Side::End), 3);
    }

    #[test]
    fn findings_are_located_in_the_input_or_in_the_output() {
        // The backup fix adds three lines above the repository, whose fix is unsafe.
        let text = "import pulumi_aws as aws\n\ndb = aws.rds.Instance(\n    \"db\",\n    engine=\"postgres\",\n)\nrepo = aws.ecr.Repository(\"r\")\n";
        let settings = Settings::default();
        let file = FileSettings::default();
        let safe = FixMode::Apply(Applicability::Safe);
        let at = |positions| {
            let outcome = lint(text, &settings, &file, safe, positions).unwrap();
            assert_eq!(outcome.positions, positions);
            let mut found: Vec<_> = outcome
                .diagnostics
                .iter()
                .map(|d| (d.finding.rule, d.applied, d.start, d.edit_positions.clone()))
                .collect();
            found.sort();
            found
        };
        let input = at(Positions::Input);
        assert_eq!(
            input,
            [
                ("ecr-force-delete", false, (7, 8), vec![((7, 30), (7, 30))]),
                (
                    "rds-backup-retention",
                    true,
                    (3, 6),
                    vec![((5, 23), (5, 23))]
                )
            ]
        );
        // In the output the repository is three lines down, and the backup fix's text stands
        // where it was inserted.
        let output = at(Positions::Output);
        assert_eq!(
            output,
            [
                (
                    "ecr-force-delete",
                    false,
                    (10, 8),
                    vec![((10, 30), (10, 30))]
                ),
                (
                    "rds-backup-retention",
                    true,
                    (3, 6),
                    vec![((5, 23), (8, 46))]
                )
            ]
        );
    }
}
