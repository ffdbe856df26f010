//! Edits, fixes and the Python-aware helpers that build them: add an item to a call, dict or
//! list in its own layout, replace or delete an item, add an import, write a string literal in
//! the file's quote style.

use crate::source::LineIndex;
use tree_sitter::{Node, Tree};

/// Whether `--write` applies a fix on its own (`Safe`) or only with `--unsafe-fixes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Applicability {
    Safe,
    Unsafe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

/// Replace `start..end` (bytes of the text the codemods saw) with `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Edit {
    pub fn insert(at: usize, text: impl Into<String>) -> Edit {
        Edit {
            start: at,
            end: at,
            text: text.into(),
        }
    }

    pub fn replace(node: Node, text: impl Into<String>) -> Edit {
        Edit {
            start: node.start_byte(),
            end: node.end_byte(),
            text: text.into(),
        }
    }

    /// This edit as tree-sitter takes it to re-parse incrementally (`source::try_reparse`):
    /// bytes and positions before and after; `lines` indexes the text before.
    pub fn input_edit(&self, lines: &LineIndex) -> tree_sitter::InputEdit {
        let start_position = lines.point(self.start);
        let inserted_rows = memchr::memchr_iter(b'\n', self.text.as_bytes()).count();
        let new_end_position = match self.text.rfind('\n') {
            Some(last) => tree_sitter::Point::new(
                start_position.row + inserted_rows,
                self.text.len() - last - 1,
            ),
            None => {
                tree_sitter::Point::new(start_position.row, start_position.column + self.text.len())
            }
        };
        tree_sitter::InputEdit {
            start_byte: self.start,
            old_end_byte: self.end,
            new_end_byte: self.start + self.text.len(),
            start_position,
            old_end_position: lines.point(self.end),
            new_end_position,
        }
    }
}

/// A set of edits that make one finding go away, applied all together or not at all.
#[derive(Debug, Clone)]
pub struct Fix {
    pub edits: Vec<Edit>,
    pub applicability: Applicability,
}

impl Fix {
    pub fn new(applicability: Applicability, mut edits: Vec<Edit>) -> Fix {
        edits.sort_by_key(|e| (e.start, e.end));
        Fix {
            edits,
            applicability,
        }
    }

    pub fn safe(edits: Vec<Edit>) -> Fix {
        Fix::new(Applicability::Safe, edits)
    }

    pub fn unsafe_(edits: Vec<Edit>) -> Fix {
        Fix::new(Applicability::Unsafe, edits)
    }

    /// The byte range this fix touches, for overlap checks.
    pub fn span(&self) -> (usize, usize) {
        let start = self.edits.iter().map(|e| e.start).min().unwrap_or(0);
        let end = self.edits.iter().map(|e| e.end).max().unwrap_or(0);
        (start, end)
    }
}

/// How wide a line may be, and how wide a tab counts, in the formatter's columns (the
/// project's is read by `layout::line_length_for`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LineLength {
    pub limit: usize,
    /// Ruff's `indent-width`: the columns of a tab.
    pub tab_width: usize,
}

impl Default for LineLength {
    /// Ruff's and black's defaults.
    fn default() -> Self {
        LineLength {
            limit: 88,
            tab_width: 4,
        }
    }
}

impl LineLength {
    /// The width of `line` as ruff counts it: one column a character, a tab up to the next
    /// tab stop.
    pub fn width(&self, line: &str) -> usize {
        line.chars().fold(0, |w, c| match c {
            '\t' => w + self.tab_width - w % self.tab_width,
            _ => w + 1,
        })
    }
}

/// What an inserted piece of code must look like to blend in with the file.
#[derive(Debug, Clone)]
pub struct Style {
    pub newline: &'static str,
    pub quote: char,
    /// The widest line a fix may write (see `layout::fit`).
    pub line_length: LineLength,
    /// The file's first indentation step, found when a fix first breaks a line: looking for it
    /// walks the tree, once per file rather than once per fix.
    pub indentation_step: std::cell::OnceCell<Option<String>>,
}

impl Style {
    /// The style of `text`, with the default line length.
    pub fn of(text: &str) -> Style {
        Style {
            newline: crate::source::newline_style(text),
            quote: dominant_quote(text),
            line_length: LineLength::default(),
            indentation_step: std::cell::OnceCell::new(),
        }
    }

    /// `value` as a Python string literal in the file's quote style. The value must not need
    /// escapes beyond the quote itself and backslashes.
    pub fn string(&self, value: &str) -> String {
        let q = self.quote;
        let escaped = value.replace('\\', "\\\\").replace(q, &format!("\\{q}"));
        format!("{q}{escaped}{q}")
    }
}

/// The quote character most string literals of the file start with (`"` on a tie, as black
/// and ruff format). A byte scan that skips comments and string bodies: walking the tree for
/// this would cost a good part of a parse.
fn dominant_quote(text: &str) -> char {
    let b = text.as_bytes();
    let (mut single, mut double) = (0usize, 0usize);
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'#' => i = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |n| i + n),
            q @ (b'\'' | b'"') => {
                if q == b'\'' {
                    single += 1;
                } else {
                    double += 1;
                }
                let triple = b[i..].starts_with(&[q, q, q]);
                i += if triple { 3 } else { 1 };
                while i < b.len() {
                    match b[i] {
                        b'\\' => i += 2,
                        c if c == q && (!triple || b[i..].starts_with(&[q, q, q])) => {
                            i += if triple { 3 } else { 1 };
                            break;
                        }
                        // An unterminated one-line string ends with its line.
                        b'\n' if !triple => break,
                        _ => i += 1,
                    }
                }
            }
            _ => i += 1,
        }
    }
    if single > double { '\'' } else { '"' }
}

/// The items of a call's argument list, a dict or a list: named children that are not comments.
pub fn items<'t>(container: Node<'t>) -> Vec<Node<'t>> {
    let mut cursor = container.walk();
    container
        .named_children(&mut cursor)
        .filter(|n| !is_extra(*n))
        .collect()
}

/// The one item of a container that holds nothing else, not even a comment (which taking the
/// item out would lose).
pub fn sole_item(container: Node) -> Option<Node> {
    let mut cursor = container.walk();
    let named: Vec<Node> = container.named_children(&mut cursor).collect();
    match named[..] {
        [only] if !is_extra(only) => Some(only),
        _ => None,
    }
}

/// A comment or a backslash line continuation: named nodes that are not items.
fn is_extra(node: Node) -> bool {
    matches!(node.kind(), "comment" | "line_continuation")
}

/// The next sibling that is not a comment.
pub fn next_non_comment_sibling(node: Node) -> Option<Node> {
    let mut next = node.next_sibling();
    while let Some(n) = next {
        if !is_extra(n) {
            return Some(n);
        }
        next = n.next_sibling();
    }
    None
}

fn prev_non_comment_sibling(node: Node) -> Option<Node> {
    let mut prev = node.prev_sibling();
    while let Some(n) = prev {
        if !is_extra(n) {
            return Some(n);
        }
        prev = n.prev_sibling();
    }
    None
}

/// Start of the line holding `offset`.
pub fn line_start(text: &str, offset: usize) -> usize {
    text[..offset].rfind('\n').map_or(0, |i| i + 1)
}

/// End of the line holding `offset`, before its `\r\n` or `\n`.
pub fn line_end(text: &str, offset: usize) -> usize {
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    if end > offset && text.as_bytes()[end - 1] == b'\r' {
        end - 1
    } else {
        end
    }
}

/// True when only white space and a comment follow `offset` on its line.
fn rest_of_line_is_blank_or_comment(text: &str, offset: usize) -> bool {
    let rest = text[offset..line_end(text, offset)].trim_start();
    rest.is_empty() || rest.starts_with('#')
}

/// The white space that opens the line of `node`, when `node` is the first thing on it.
fn own_line_indent<'a>(text: &'a str, node: Node) -> Option<&'a str> {
    let start = line_start(text, node.start_byte());
    let indent = &text[start..node.start_byte()];
    indent
        .chars()
        .all(|c| c == ' ' || c == '\t')
        .then_some(indent)
}

/// Appends `new_items` (already rendered: `kw=value`, `"key": value`, an expression) to a
/// call's argument list, a dict or a list, in the container's own layout: one item per line
/// at the same indentation and with the same trailing-comma habit when the items stand on
/// their own lines, inline `, item` otherwise. (A resource's arguments go through
/// `pulumi::append_arguments`, which keeps `opts=` last.)
pub fn append_items(text: &str, container: Node, new_items: &[String], style: &Style) -> Edit {
    let existing = items(container);
    let Some(&last) = existing.last() else {
        // An empty container: `Foo()` -> `Foo(item)`.
        let open = container
            .child(0)
            .map_or(container.start_byte(), |n| n.end_byte());
        return Edit::insert(open, new_items.join(", "));
    };
    let multi_line = container.start_position().row != container.end_position().row;
    let comma = next_non_comment_sibling(last).filter(|n| n.kind() == ",");
    let indent = own_line_indent(text, last).filter(|_| multi_line);

    match (indent, comma) {
        (Some(indent), Some(comma)) => {
            let nl = style.newline;
            let at = if rest_of_line_is_blank_or_comment(text, comma.end_byte()) {
                line_end(text, comma.end_byte())
            } else {
                comma.end_byte()
            };
            let added: String = new_items
                .iter()
                .map(|item| format!("{nl}{indent}{item},"))
                .collect();
            Edit::insert(at, added)
        }
        (Some(indent), None) => {
            let nl = style.newline;
            let joined = new_items.join(&format!(",{nl}{indent}"));
            if rest_of_line_is_blank_or_comment(text, last.end_byte()) {
                // Keep a comment that follows the last item on its line with that item.
                let eol = line_end(text, last.end_byte());
                let tail = &text[last.end_byte()..eol];
                Edit {
                    start: last.end_byte(),
                    end: eol,
                    text: format!(",{tail}{nl}{indent}{joined}"),
                }
            } else {
                Edit::insert(last.end_byte(), format!(",{nl}{indent}{joined}"))
            }
        }
        (None, Some(comma)) => {
            let added: String = new_items.iter().map(|item| format!(" {item},")).collect();
            Edit::insert(comma.end_byte(), added)
        }
        (None, None) => Edit::insert(last.end_byte(), format!(", {}", new_items.join(", "))),
    }
}

/// Inserts `new_items` before `item` of `container`, in the container's layout: each on a
/// line of its own at `item`'s indentation when `item` stands on its own line, inline
/// `item, ` otherwise.
pub fn insert_items_before(
    text: &str,
    container: Node,
    item: Node,
    new_items: &[String],
    style: &Style,
) -> Edit {
    let multi_line = container.start_position().row != container.end_position().row;
    match own_line_indent(text, item).filter(|_| multi_line) {
        Some(indent) => {
            let nl = style.newline;
            let added: String = new_items
                .iter()
                .map(|item| format!("{item},{nl}{indent}"))
                .collect();
            Edit::insert(item.start_byte(), added)
        }
        None => Edit::insert(item.start_byte(), format!("{}, ", new_items.join(", "))),
    }
}

/// Removes `item` from its container with its comma; when the item stood alone on its line,
/// the whole line goes.
pub fn delete_item(text: &str, item: Node) -> Edit {
    let comma = next_non_comment_sibling(item).filter(|n| n.kind() == ",");
    match comma {
        Some(comma) => {
            let own_line = own_line_indent(text, item).is_some();
            let after = comma.end_byte();
            let eol = line_end(text, after);
            if own_line && text[after..eol].trim().is_empty() {
                let start = line_start(text, item.start_byte());
                let end = text[eol..].find('\n').map_or(text.len(), |i| eol + i + 1);
                return Edit {
                    start,
                    end,
                    text: String::new(),
                };
            }
            // The last item of a line that keeps others: the spaces before it go too, so that
            // no line is left ending in white space.
            let start = if text[after..eol].trim().is_empty() {
                text[..item.start_byte()]
                    .trim_end_matches([' ', '\t'])
                    .len()
            } else {
                item.start_byte()
            };
            let end = if text[after..eol].trim().is_empty() {
                after
            } else {
                after + (text[after..].len() - text[after..].trim_start_matches(' ').len())
            };
            Edit {
                start,
                end,
                text: String::new(),
            }
        }
        None => match prev_non_comment_sibling(item).filter(|n| n.kind() == ",") {
            Some(prev_comma) => Edit {
                start: prev_comma.start_byte(),
                end: item.end_byte(),
                text: String::new(),
            },
            None => Edit::replace(item, ""),
        },
    }
}

/// Removes several items of one container (at least one item stays) without overlapping
/// edits: items followed by a comma go with it; a run of items at the end that has no
/// trailing comma goes with the comma after the last item kept.
pub fn delete_items(text: &str, container: Node, doomed: &[Node]) -> Vec<Edit> {
    let all = items(container);
    let is_doomed = |n: &Node| doomed.iter().any(|d| d.id() == n.id());
    let Some(last_kept) = all.iter().rposition(|n| !is_doomed(n)) else {
        return Vec::new();
    };
    let last = all[all.len() - 1];
    let trailing_run =
        is_doomed(&last) && next_non_comment_sibling(last).is_none_or(|n| n.kind() != ",");
    let mut edits: Vec<Edit> = all[..last_kept]
        .iter()
        .filter(|n| is_doomed(n))
        .map(|n| delete_item(text, *n))
        .collect();
    if trailing_run {
        edits.push(Edit {
            start: all[last_kept].end_byte(),
            end: last.end_byte(),
            text: String::new(),
        });
    } else {
        edits.extend(
            all[last_kept..]
                .iter()
                .filter(|n| is_doomed(n))
                .map(|n| delete_item(text, *n)),
        );
    }
    edits
}

/// Adds an import statement (`import pulumi`) after the last module-level import, or before
/// the first statement when the module has none (after a docstring and leading comments).
pub fn add_import(text: &str, tree: &Tree, statement: &str, style: &Style) -> Edit {
    let root = tree.root_node();
    let mut cursor = root.walk();
    let top: Vec<Node> = root.children(&mut cursor).collect();
    let is_import = |n: &Node| {
        matches!(
            n.kind(),
            "import_statement" | "import_from_statement" | "future_import_statement"
        )
    };
    let nl = style.newline;
    if let Some(last_import) = top.iter().rfind(|n| is_import(n)) {
        return Edit::insert(
            line_end(text, last_import.end_byte()),
            format!("{nl}{statement}"),
        );
    }
    let is_docstring = |n: &Node| {
        n.kind() == "expression_statement" && n.named_child(0).is_some_and(|c| c.kind() == "string")
    };
    match top
        .iter()
        .find(|n| n.kind() != "comment" && !is_docstring(n))
    {
        // A blank line between the imports and the code, as ruff and black write it.
        Some(first) => Edit::insert(
            line_start(text, first.start_byte()),
            format!("{statement}{nl}{nl}"),
        ),
        None if text.is_empty() || text.ends_with('\n') => {
            Edit::insert(text.len(), format!("{statement}{nl}"))
        }
        None => Edit::insert(text.len(), format!("{nl}{statement}{nl}")),
    }
}

/// Applies sorted, non-overlapping edits.
pub fn apply_edits(text: &str, edits: &[&Edit]) -> String {
    let mut out =
        String::with_capacity(text.len() + edits.iter().map(|e| e.text.len()).sum::<usize>());
    let mut pos = 0;
    for edit in edits {
        debug_assert!(edit.start >= pos, "edits overlap");
        out.push_str(&text[pos..edit.start]);
        out.push_str(&edit.text);
        pos = edit.end;
    }
    out.push_str(&text[pos..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::parse;

    /// Appends `items` to the first node of `kind` in `text`.
    fn append(text: &str, kind: &str, new_items: &[&str]) -> String {
        let tree = parse(text);
        let style = Style::of(text);
        let node = find(tree.root_node(), kind).expect("container");
        let new_items: Vec<String> = new_items.iter().map(|s| s.to_string()).collect();
        let edit = append_items(text, node, &new_items, &style);
        apply_edits(text, &[&edit])
    }

    fn find<'t>(node: Node<'t>, kind: &str) -> Option<Node<'t>> {
        if node.kind() == kind {
            return Some(node);
        }
        let mut cursor = node.walk();
        let children: Vec<Node<'t>> = node.children(&mut cursor).collect();
        children.into_iter().find_map(|c| find(c, kind))
    }

    /// A backslash continuation before the closing bracket is not an item (property test,
    /// seed 0x1f2e3d81): the new item goes after the last real one.
    #[test]
    fn regression_line_continuation_before_the_closing_bracket() {
        let text = "x = {\n    'a': 1,\n  \\\n}\n";
        assert_eq!(
            append(text, "dictionary", &["'b': 2"]),
            "x = {\n    'a': 1,\n    'b': 2,\n  \\\n}\n"
        );
    }

    #[test]
    fn one_line_call_gets_inline_argument() {
        assert_eq!(
            append("f(a, b=1)\n", "argument_list", &["c=2"]),
            "f(a, b=1, c=2)\n"
        );
        assert_eq!(append("f()\n", "argument_list", &["c=2"]), "f(c=2)\n");
        assert_eq!(append("f(a,)\n", "argument_list", &["c=2"]), "f(a, c=2,)\n");
    }

    #[test]
    fn one_per_line_call_with_trailing_comma() {
        let before = "f(\n    a,\n    b=1,  # note\n)\n";
        let after = "f(\n    a,\n    b=1,  # note\n    c=2,\n    d=3,\n)\n";
        assert_eq!(append(before, "argument_list", &["c=2", "d=3"]), after);
    }

    #[test]
    fn one_per_line_call_without_trailing_comma_keeps_comments() {
        let before = "f(\n\ta,\n\tb=1  # note\n\t# trailing comment\n)\n";
        let after = "f(\n\ta,\n\tb=1,  # note\n\tc=2\n\t# trailing comment\n)\n";
        assert_eq!(append(before, "argument_list", &["c=2"]), after);
    }

    #[test]
    fn hanging_call_with_closing_paren_on_last_line() {
        let before = "f(a,\n  b=1)\n";
        assert_eq!(
            append(before, "argument_list", &["c=2"]),
            "f(a,\n  b=1,\n  c=2)\n"
        );
    }

    #[test]
    fn crlf_is_kept() {
        let before = "f(\r\n    a,\r\n)\r\n";
        assert_eq!(
            append(before, "argument_list", &["c=2"]),
            "f(\r\n    a,\r\n    c=2,\r\n)\r\n"
        );
    }

    #[test]
    fn dict_items_follow_the_same_layout() {
        let before = "d = {\n    'a': 1,\n    'b': 2\n}\n";
        assert_eq!(
            append(before, "dictionary", &["'c': 3"]),
            "d = {\n    'a': 1,\n    'b': 2,\n    'c': 3\n}\n"
        );
    }

    #[test]
    fn delete_item_takes_its_line_or_its_comma() {
        let text = "f(\n    a,\n    vpc=True,\n    b=1,\n)\n";
        let tree = parse(text);
        let kw = find(tree.root_node(), "keyword_argument").unwrap();
        assert_eq!(
            apply_edits(text, &[&delete_item(text, kw)]),
            "f(\n    a,\n    b=1,\n)\n"
        );
        let text = "f(a, vpc=True)\n";
        let tree = parse(text);
        let kw = find(tree.root_node(), "keyword_argument").unwrap();
        assert_eq!(apply_edits(text, &[&delete_item(text, kw)]), "f(a)\n");
        // The last item of a line that keeps others: no white space is left at its end.
        let text = "f(\n    a=1, vpc=True,\n)\n";
        let tree = parse(text);
        let kw = find(tree.root_node(), "keyword_argument")
            .unwrap()
            .next_named_sibling()
            .unwrap();
        assert_eq!(
            apply_edits(text, &[&delete_item(text, kw)]),
            "f(\n    a=1,\n)\n"
        );
    }

    #[test]
    fn several_items_go_without_overlapping() {
        let cases = [
            (
                "x = ['a', 'b', 'c', 'd']\n",
                &["b", "d"][..],
                "x = ['a', 'c']\n",
            ),
            ("x = ['a', 'b', 'c']\n", &["b", "c"][..], "x = ['a']\n"),
            ("x = ['a', 'b', 'c']\n", &["a", "b"][..], "x = ['c']\n"),
            (
                "x = [\n    'a',\n    'b',\n    'c',\n]\n",
                &["b", "c"][..],
                "x = [\n    'a',\n]\n",
            ),
            (
                "x = [\n    'a',\n    'b',\n    'c'\n]\n",
                &["b", "c"][..],
                "x = [\n    'a'\n]\n",
            ),
        ];
        for (text, doomed, expected) in cases {
            let tree = parse(text);
            let list = find(tree.root_node(), "list").unwrap();
            let nodes: Vec<Node> = items(list)
                .into_iter()
                .filter(|n| doomed.contains(&&text[n.start_byte() + 1..n.end_byte() - 1]))
                .collect();
            let mut edits = delete_items(text, list, &nodes);
            edits.sort_by_key(|e| (e.start, e.end));
            assert_eq!(
                apply_edits(text, &edits.iter().collect::<Vec<_>>()),
                expected
            );
        }
    }

    #[test]
    fn import_goes_after_the_last_import_or_the_docstring() {
        let text = "\"\"\"Doc.\"\"\"\nimport os\nimport pulumi_aws as aws\n\nx = 1\n";
        let tree = parse(text);
        let style = Style::of(text);
        let edit = add_import(text, &tree, "import pulumi", &style);
        assert_eq!(
            apply_edits(text, &[&edit]),
            "\"\"\"Doc.\"\"\"\nimport os\nimport pulumi_aws as aws\nimport pulumi\n\nx = 1\n"
        );
        let text = "\"\"\"Doc.\"\"\"\n# c\nx = 1\n";
        let tree = parse(text);
        let edit = add_import(text, &tree, "import json", &style);
        assert_eq!(
            apply_edits(text, &[&edit]),
            "\"\"\"Doc.\"\"\"\n# c\nimport json\n\nx = 1\n"
        );
    }

    #[test]
    fn string_literals_use_the_dominant_quote() {
        let text = "a = 'x'\nb = 'y'\nc = \"z\"\n";
        assert_eq!(Style::of(text).string("vpc"), "'vpc'");
        let text = "a = \"x\"\n";
        assert_eq!(Style::of(text).string("it's"), "\"it's\"");
        // Quotes inside strings, docstrings and comments do not count.
        let text = "\"\"\"It's 'quoted'.\"\"\"\n# 'a' 'b' 'c'\nx = \"don't\"\ny = 'z'\n";
        assert_eq!(Style::of(text).quote, '"');
    }
}
