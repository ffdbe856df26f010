//! Suppression comments: `# infra-fix: ignore`, `# infra-fix: ignore[rule-id, other-id]` on the
//! flagged line or alone on the line above it, and `# infra-fix: ignore-file` in the first
//! ten lines. Each directive is found once per file, and remembers which of its ids (or, for a
//! blanket one, itself) suppressed a finding: what `unused-ignore` reports.

use crate::edit::line_start;
use std::collections::HashMap;
use std::ops::Range;
use tree_sitter::Tree;

pub const DIRECTIVE: &str = "infra-fix: ignore";

/// True when a `# infra-fix: ignore-file` comment stands in the first ten lines.
pub fn file_is_ignored(text: &str, tree: &Tree) -> bool {
    let head_end = text
        .match_indices('\n')
        .nth(9)
        .map_or(text.len(), |(i, _)| i);
    let head = &text[..head_end];
    head.match_indices("infra-fix: ignore-file")
        .any(|(i, _)| in_comment(tree, text, i).is_some())
}

/// One `infra-fix: ignore` directive in a comment.
#[derive(Debug, Clone)]
pub struct Directive {
    /// The comment it stands in.
    pub comment: Range<usize>,
    /// `infra-fix: ignore` through its closing `]` (or its last id when the list is not closed).
    pub span: Range<usize>,
    /// The rule ids in its brackets, each where it is written; `None` for a blanket directive.
    pub ids: Option<Vec<Range<usize>>>,
    /// Start of the line it stands on.
    pub line: usize,
    /// Alone on its line: then it also covers the line below.
    pub own_line: bool,
}

impl Directive {
    pub fn id<'t>(&self, text: &'t str, i: usize) -> &'t str {
        self.ids.as_ref().map_or("", |ids| &text[ids[i].clone()])
    }
}

/// The directives of a file and which of them suppressed something.
#[derive(Debug)]
pub struct Directives {
    pub list: Vec<Directive>,
    /// Per directive: per id (one entry for a blanket directive), whether it suppressed a
    /// finding.
    pub used: Vec<Vec<bool>>,
    /// The directives that cover each line (by its start): those on it, and those alone on the
    /// line above. A file may hold tens of thousands (an `--add-ignore` baseline).
    covering: HashMap<usize, Vec<usize>>,
}

impl Directives {
    /// Every directive in a comment of `text` (`ignore-file` is not one).
    pub fn of(text: &str, tree: &Tree) -> Directives {
        let mut list = Vec::new();
        for (at, _) in text.match_indices(DIRECTIVE) {
            let Some(comment) = in_comment(tree, text, at) else {
                continue;
            };
            let after = at + DIRECTIVE.len();
            let rest = &text[after..comment.end];
            if rest.starts_with("-file") {
                continue;
            }
            let (ids, end) = match rest.strip_prefix('[') {
                Some(list) => {
                    let close = list.find(']');
                    let inner = after + 1..after + 1 + close.unwrap_or(list.len());
                    let mut ids = Vec::new();
                    let mut start = inner.start;
                    for part in text[inner.clone()].split(',') {
                        let lead = part.len() - part.trim_start().len();
                        let id = start + lead..start + lead + part.trim().len();
                        if !id.is_empty() {
                            ids.push(id);
                        }
                        start += part.len() + 1;
                    }
                    let end = if close.is_some() {
                        inner.end + 1
                    } else {
                        inner.end
                    };
                    (Some(ids), end)
                }
                None => (None, after),
            };
            let line = line_start(text, at);
            list.push(Directive {
                own_line: text[line..comment.start].trim().is_empty(),
                comment,
                span: at..end,
                ids,
                line,
            });
        }
        let used = list
            .iter()
            .map(|d| vec![false; d.ids.as_ref().map_or(1, |ids| ids.len().max(1))])
            .collect();
        let mut covering: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, d) in list.iter().enumerate() {
            covering.entry(d.line).or_default().push(i);
            if let Some(below) = d.own_line.then(|| next_line(text, d.line)).flatten() {
                covering.entry(below).or_default().push(i);
            }
        }
        Directives {
            list,
            used,
            covering,
        }
    }

    /// The directives written on the line starting at `line`.
    pub fn on_line(&self, line: usize) -> impl Iterator<Item = &Directive> {
        let indexes = self.covering.get(&line).map_or(&[][..], Vec::as_slice);
        indexes
            .iter()
            .map(|&i| &self.list[i])
            .filter(move |d| d.line == line)
    }

    /// True when a directive names `rule` (or no rule at all) on the finding's line, on the
    /// first line of the call the finding is in, or alone on the line above either. Every
    /// directive that does is marked used.
    pub fn suppress(&mut self, text: &str, tree: &Tree, offset: usize, rule: &str) -> bool {
        let mut lines = vec![line_start(text, offset)];
        if let Some(call) = enclosing_call(tree, offset) {
            lines.push(line_start(text, call));
        }
        lines.dedup();
        let mut suppressed = false;
        let covering = lines
            .iter()
            .filter_map(|line| self.covering.get(line))
            .flatten();
        for &d in covering {
            let directive = &self.list[d];
            match &directive.ids {
                None => {
                    self.used[d][0] = true;
                    suppressed = true;
                }
                Some(ids) => {
                    for (i, id) in ids.iter().enumerate() {
                        if &text[id.clone()] == rule {
                            self.used[d][i] = true;
                            suppressed = true;
                        }
                    }
                }
            }
        }
        suppressed
    }
}

/// One warning per id of a directive that names no rule: `line N: unknown rule ...`, naming
/// the id as `unknown_rule` gives it (with the rule id it most likely meant); `unknown_rule`
/// returns `None` for the id of a rule. Cheap on a file without `infra-fix: ignore[`, and on
/// bytes that are not UTF-8 (reported elsewhere): nothing to parse.
pub fn unknown_ids(bytes: &[u8], unknown_rule: impl Fn(&str) -> Option<String>) -> Vec<String> {
    if memchr::memmem::find(bytes, b"infra-fix: ignore[").is_none() {
        return Vec::new();
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.strip_prefix('\u{feff}').unwrap_or(text),
        Err(_) => return Vec::new(),
    };
    let Ok(tree) = crate::source::try_parse(text) else {
        return Vec::new();
    };
    let mut warnings = Vec::new();
    for directive in Directives::of(text, &tree).list {
        for i in 0..directive.ids.as_ref().map_or(0, Vec::len) {
            let Some(unknown) = unknown_rule(directive.id(text, i)) else {
                continue;
            };
            let (line, _) = crate::source::line_col(text, directive.ids.as_ref().unwrap()[i].start);
            warnings.push(format!(
                "{line}: unknown rule {unknown} in an ignore comment suppresses nothing; `infra-fix --list-rules` lists them"
            ));
        }
    }
    warnings
}

/// True when a directive covers a finding of `rule` at `offset` (see `Directives::suppress`).
pub fn is_suppressed(text: &str, tree: &Tree, offset: usize, rule: &str) -> bool {
    Directives::of(text, tree).suppress(text, tree, offset, rule)
}

/// Start of the line after the one starting at `start`.
fn next_line(text: &str, start: usize) -> Option<usize> {
    text[start..].find('\n').map(|i| start + i + 1)
}

/// Start of the innermost call around `offset`: a finding on an argument belongs to its call.
pub fn enclosing_call(tree: &Tree, offset: usize) -> Option<usize> {
    let mut node = tree.root_node().descendant_for_byte_range(offset, offset);
    while let Some(n) = node {
        if n.kind() == "call" {
            return Some(n.start_byte());
        }
        node = n.parent();
    }
    None
}

/// The comment `offset` stands in, when it stands in one (without the `\r` of a CRLF line,
/// which the parser counts in it).
fn in_comment(tree: &Tree, text: &str, offset: usize) -> Option<Range<usize>> {
    tree.root_node()
        .descendant_for_byte_range(offset, offset)
        .filter(|n| n.kind() == "comment")
        .map(|n| n.start_byte()..n.start_byte() + text[n.byte_range()].trim_end_matches('\r').len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::parse;

    #[test]
    fn directives_apply_to_their_line_and_the_line_below() {
        let text = "a = f()  # infra-fix: ignore\n# infra-fix: ignore[r1, r2]\nb = f()\nc = f()  # infra-fix: ignore[r3]\nd = '# infra-fix: ignore'\n";
        let tree = parse(text);
        let at = |s: &str| text.find(s).unwrap();
        assert!(is_suppressed(text, &tree, at("a ="), "any"));
        assert!(is_suppressed(text, &tree, at("b ="), "r2"));
        assert!(!is_suppressed(text, &tree, at("b ="), "r3"));
        assert!(is_suppressed(text, &tree, at("c ="), "r3"));
        assert!(!is_suppressed(text, &tree, at("c ="), "r1"));
        // Inside a string it is not a directive.
        assert!(!is_suppressed(text, &tree, at("d ="), "r1"));
    }

    #[test]
    fn a_directive_on_the_call_covers_findings_on_its_arguments() {
        let text = "e = f(  # infra-fix: ignore[r1]\n    vpc=True,\n)\n# infra-fix: ignore\ng = f(\n    x=0,\n)\nh = f(\n    y=0,\n)\n";
        let tree = parse(text);
        let at = |s: &str| text.find(s).unwrap();
        assert!(is_suppressed(text, &tree, at("vpc"), "r1"));
        assert!(!is_suppressed(text, &tree, at("vpc"), "r2"));
        assert!(is_suppressed(text, &tree, at("x=0"), "r2"));
        assert!(!is_suppressed(text, &tree, at("y=0"), "r1"));
    }

    #[test]
    fn directives_know_their_ids_and_which_suppressed_something() {
        let text = "a = f()  # note  # infra-fix: ignore[ r1 ,r2]\r\n# infra-fix: ignore[r3\r\nb = f()\r\nc = 1  # infra-fix: ignore\r\n";
        let tree = parse(text);
        let mut directives = Directives::of(text, &tree);
        let ids: Vec<Vec<&str>> = directives
            .list
            .iter()
            .map(|d| {
                (0..d.ids.as_ref().map_or(0, Vec::len))
                    .map(|i| d.id(text, i))
                    .collect()
            })
            .collect();
        assert_eq!(ids, [vec!["r1", "r2"], vec!["r3"], vec![]]);
        let own_line: Vec<bool> = directives.list.iter().map(|d| d.own_line).collect();
        assert_eq!(own_line, [false, true, false]);
        // The comment ends before the `\r`; an unclosed list ends with the comment.
        let first = &directives.list[0];
        assert!(text[first.comment.clone()].ends_with("r2]"));
        assert!(text[first.span.clone()].ends_with("r2]"));
        assert_eq!(
            &text[directives.list[1].span.clone()],
            "infra-fix: ignore[r3"
        );
        assert!(directives.suppress(text, &tree, text.find("a =").unwrap(), "r2"));
        assert!(directives.suppress(text, &tree, text.find("b =").unwrap(), "r3"));
        assert!(!directives.suppress(text, &tree, text.find("b =").unwrap(), "r1"));
        assert_eq!(
            directives.used,
            [vec![false, true], vec![true], vec![false]]
        );
    }

    #[test]
    fn ignore_file_only_in_the_first_ten_lines() {
        let text = "# infra-fix: ignore-file\nx = 1\n";
        assert!(file_is_ignored(text, &parse(text)));
        let late = format!("{}# infra-fix: ignore-file\n", "x = 1\n".repeat(10));
        assert!(!file_is_ignored(&late, &parse(&late)));
    }
}
