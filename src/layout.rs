//! Lines that fixes write fit the file's line length. The limit comes from the project's
//! formatter configuration (ruff's `line-length`, else black's, else 88); a call, list or dict
//! that a fix pushes over it is broken one item per line with a trailing comma, as `ruff
//! format` and `black` write it when it does not fit, so that they leave it alone. (With
//! `skip-magic-trailing-comma` they would join such items again where they fit: not followed.)

use crate::edit::{Edit, Fix, LineLength, Style, items, line_end, line_start};
use crate::source::fields;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use toml::{Table, Value};
use tree_sitter::{Node, Tree};

/// The line length of `file`'s project: the nearest formatter configuration at or above its
/// folder decides, as ruff finds its own (`.ruff.toml`, `ruff.toml`, then a `pyproject.toml`
/// with a `[tool.ruff]` or `[tool.black]` table). Cached per folder.
pub fn line_length_for(file: &Path) -> LineLength {
    let absolute = crate::folder::absolute(file);
    absolute
        .parent()
        .and_then(configured_at_or_above)
        .unwrap_or_default()
}

fn configured_at_or_above(dir: &Path) -> Option<LineLength> {
    static CACHE: OnceLock<Mutex<HashMap<PathBuf, Option<LineLength>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(known) = cache.lock().expect("line length cache").get(dir) {
        return *known;
    }
    let found = configured_in(dir).or_else(|| dir.parent().and_then(configured_at_or_above));
    cache
        .lock()
        .expect("line length cache")
        .insert(dir.to_path_buf(), found);
    found
}

/// The formatter configuration of one folder, if it has one. A file that does not parse
/// counts as configuring the defaults: ruff would stop there too (with an error).
fn configured_in(dir: &Path) -> Option<LineLength> {
    for name in [".ruff.toml", "ruff.toml"] {
        let path = dir.join(name);
        if let Some(text) = crate::folder::read(dir, name) {
            let table = text.parse::<Table>().unwrap_or_default();
            return Some(from_ruff(&table, None, &path, 0));
        }
    }
    let path = dir.join("pyproject.toml");
    let text = crate::folder::read(dir, "pyproject.toml")?;
    if !text.contains("ruff") && !text.contains("black") {
        return None;
    }
    let table = text.parse::<Table>().ok()?;
    let tool = table.get("tool").and_then(Value::as_table)?;
    let black = tool
        .get("black")
        .and_then(Value::as_table)
        .and_then(|black| integer(black, "line-length"));
    match tool.get("ruff").and_then(Value::as_table) {
        Some(ruff) => Some(from_ruff(ruff, black, &path, 0)),
        None => black.map(|limit| LineLength {
            limit,
            ..LineLength::default()
        }),
    }
}

/// Ruff's settings in `table` (a `ruff.toml`, or `[tool.ruff]`), following `extend` to the
/// configuration it inherits from; `black` is the line length a pyproject's `[tool.black]`
/// sets, taken when ruff's is not.
fn from_ruff(table: &Table, black: Option<usize>, path: &Path, depth: usize) -> LineLength {
    let inherited = table
        .get("extend")
        .and_then(Value::as_str)
        .filter(|_| depth < 8)
        .and_then(|extended| {
            let extended = path.parent()?.join(extended);
            let text = std::fs::read_to_string(&extended).ok()?;
            let table = text.parse::<Table>().ok()?;
            let is_pyproject = extended.file_name().is_some_and(|n| n == "pyproject.toml");
            let ruff = if is_pyproject {
                table.get("tool")?.get("ruff")?.as_table()?.clone()
            } else {
                table
            };
            Some(from_ruff(&ruff, None, &extended, depth + 1))
        });
    let base = inherited.unwrap_or_default();
    LineLength {
        limit: integer(table, "line-length")
            .or(black)
            .unwrap_or(base.limit),
        tab_width: integer(table, "indent-width").unwrap_or(base.tab_width),
    }
}

fn integer(table: &Table, key: &str) -> Option<usize> {
    table
        .get(key)
        .and_then(Value::as_integer)
        .and_then(|n| usize::try_from(n).ok())
        .filter(|&n| n > 0)
}

/// `fix` with the lines it writes kept within the line length, as a formatter breaks them:
/// when an edit pushes a line over the limit, the outermost call, list, dict, set, tuple or
/// comprehension of that line around it is broken one item per line (or the statement the
/// line is, at its last bracket), and so is each item still too long; a statement the fix
/// writes on lines of its own likewise. Left as it is when the bracket cannot be broken the
/// way a formatter would (inside an operator, a lambda, an f-string...): a long line is
/// better than a layout that `ruff format` rewrites.
pub fn fit(fix: Fix, text: &str, tree: &Tree, style: &Style) -> Fix {
    let fix = fit_written_statements(fix, text, tree, style);
    let Some((edit, line)) = fix
        .edits
        .iter()
        .find_map(|e| Some((e, too_long_line(text, &fix.edits, e, style)?)))
    else {
        return fix;
    };
    match broken(text, tree, &fix.edits, edit, line, style) {
        Some(edits) => Fix::new(fix.applicability, edits),
        None => fix,
    }
}

/// `fix` with each statement it writes on lines of its own (`pw = RandomPassword(...).result`)
/// broken like an item when too long. Not in text that may continue a string or a line over
/// several lines (triple quotes, backslashes), where a line is not a statement.
fn fit_written_statements(mut fix: Fix, text: &str, tree: &Tree, style: &Style) -> Fix {
    let plain = |e: &&mut Edit| {
        e.text.contains('\n') && !["\"\"\"", "'''", "\\"].iter().any(|t| e.text.contains(t))
    };
    for edit in fix.edits.iter_mut().filter(plain) {
        let segments: Vec<&str> = edit.text.split('\n').collect();
        let last = segments.len() - 1;
        let mut fitted = Vec::with_capacity(segments.len());
        for (i, segment) in segments.iter().enumerate() {
            let (body, cr) = match segment.strip_suffix('\r') {
                Some(body) => (body, "\r"),
                None => (*segment, ""),
            };
            let before = if i == 0 {
                &text[line_start(text, edit.start)..edit.start]
            } else {
                ""
            };
            let after = if i == last {
                &text[edit.end..line_end(text, edit.end)]
            } else {
                ""
            };
            let line = format!("{before}{body}{after}");
            let statement = body.trim();
            let written =
                before.trim().is_empty() && after.trim().is_empty() && !statement.is_empty();
            let broken = (written && style.line_length.width(&line) > style.line_length.limit)
                .then(|| {
                    let indent = &line[..line.len() - line.trim_start().len()];
                    let unit = indent_unit(text, tree, indent, style);
                    break_item("statement", statement, indent, &unit, style, 0).or_else(|| {
                        // A line of a call the fix writes over lines: `key=Call(...),`.
                        let argument = statement.strip_suffix(',')?;
                        let broken =
                            break_item("argument_list", argument, indent, &unit, style, 0)?;
                        Some(format!("{broken},"))
                    })
                })
                .flatten();
            match broken {
                Some(broken) => {
                    let start = body.len() - body.trim_start().len();
                    let end = body.trim_end().len();
                    fitted.push(format!("{}{broken}{}{cr}", &body[..start], &body[end..]));
                }
                None => fitted.push(segment.to_string()),
            }
        }
        edit.text = fitted.join("\n");
    }
    fix
}

/// The bounds of the line that `edit`, a change within one line, makes (with the fix's other
/// edits on it) wider than the limit, if it does. A line that was already wider is the
/// author's layout, which the fix leaves as it is.
fn too_long_line(text: &str, edits: &[Edit], edit: &Edit, style: &Style) -> Option<(usize, usize)> {
    if edit.text.contains('\n') || text[edit.start..edit.end].contains('\n') {
        return None;
    }
    let (start, end) = short_line_around(text, edit, style.line_length)?;
    let mut line = String::new();
    let mut pos = start;
    let mut at = 0;
    for e in edits.iter().filter(|e| e.start >= start && e.end <= end) {
        line.push_str(&text[pos..e.start]);
        if std::ptr::eq(e, edit) {
            at = line.len();
        }
        line.push_str(&e.text);
        pos = e.end;
    }
    line.push_str(&text[pos..end]);
    // Another edit may end the line and write statements after it (`\nblock = ...`): only
    // the line the edit stands on counts.
    let from = line[..at].rfind('\n').map_or(0, |i| i + 1);
    let to = line[at..].find('\n').map_or(line.len(), |i| at + i);
    (style.line_length.width(&line[from..to]) > style.line_length.limit).then_some((start, end))
}

/// The bounds of the line holding `edit` when it is no wider than the limit. It looks no
/// further than such a line can reach (a character takes at most 4 bytes): the lines of a
/// multi-megabyte program cost nothing however many fixes they hold.
fn short_line_around(text: &str, edit: &Edit, line_length: LineLength) -> Option<(usize, usize)> {
    let reach = line_length.limit * 4;
    let bytes = text.as_bytes();
    let from = edit.start.saturating_sub(reach);
    let start = match memchr::memrchr(b'\n', &bytes[from..edit.start]) {
        Some(i) => from + i + 1,
        None if from == 0 => 0,
        None => return None,
    };
    let to = (edit.end + reach).min(bytes.len());
    let end = match memchr::memchr(b'\n', &bytes[edit.end..to]) {
        Some(i) => edit.end + i,
        None if to == bytes.len() => to,
        None => return None,
    };
    let end = if end > start && bytes[end - 1] == b'\r' {
        end - 1
    } else {
        end
    };
    (line_length.width(&text[start..end]) <= line_length.limit).then_some((start, end))
}

/// Brackets whose items a formatter puts one per line.
const BREAKABLE: &[&str] = &["argument_list", "list", "dictionary", "set", "tuple"];
/// Comprehensions, which a formatter breaks before each `for` and `if`.
const COMPREHENSIONS: &[&str] = &[
    "list_comprehension",
    "dictionary_comprehension",
    "set_comprehension",
];
/// Every other bracketed node: one of these outermost on the line is left alone.
const OTHER_BRACKETS: &[&str] = &[
    "generator_expression",
    "parenthesized_expression",
    "subscript",
    "parameters",
];

/// The fix's edits with the outermost bracket of `edit`'s line around it broken one item per
/// line, the edits inside it folded in; `None` when it cannot be broken as a formatter would.
fn broken(
    text: &str,
    tree: &Tree,
    edits: &[Edit],
    edit: &Edit,
    (line_start, line_end): (usize, usize),
    style: &Style,
) -> Option<Vec<Edit>> {
    let on_row = |n: Node| n.start_byte() >= line_start && n.end_byte() <= line_end;
    // The outermost bracket around the edit that starts and ends on its line.
    let mut node = tree
        .root_node()
        .descendant_for_byte_range(edit.start, edit.end)?;
    let mut outer = None;
    while on_row(node) {
        let kind = node.kind();
        if (BREAKABLE.contains(&kind)
            || COMPREHENSIONS.contains(&kind)
            || OTHER_BRACKETS.contains(&kind))
            && inside_brackets(node, edit)
        {
            outer = Some(node);
        }
        match node.parent() {
            Some(parent) => node = parent,
            None => break,
        }
    }
    let Some(outer) = outer else {
        return broken_statement(text, tree, edits, (line_start, line_end), style);
    };
    if !BREAKABLE.contains(&outer.kind()) && !COMPREHENSIONS.contains(&outer.kind()) {
        return None;
    }
    let expression = whole_expression(outer);
    let indent = stands_alone(text, expression)?;
    let open = outer.child(0)?;
    let close = outer.child(outer.child_count() - 1)?;
    let (inner_start, inner_end) = (open.end_byte(), close.start_byte());
    let brackets =
        matches!(open.kind(), "(" | "[" | "{") && matches!(close.kind(), ")" | "]" | "}");
    if !brackets || inner_start > inner_end {
        return None;
    }
    // The fix's edits inside the bracket are folded into the new layout; one across its
    // border cannot be.
    let (inside, outside): (Vec<&Edit>, Vec<&Edit>) = edits
        .iter()
        .filter(|e| e.end >= inner_start && e.start <= inner_end)
        .partition(|e| e.start >= inner_start && e.end <= inner_end);
    if !outside.is_empty() {
        return None;
    }
    let inner = with_edits(text, inner_start..inner_end, &inside);
    let unit = indent_unit(text, tree, indent, style);
    let lines = if COMPREHENSIONS.contains(&outer.kind()) {
        comprehension_lines(outer.kind(), &inner, indent, &unit, style)?
    } else {
        layout_items(
            outer.kind(),
            &items_of(outer.kind(), &inner)?,
            indent,
            &unit,
            style,
            0,
        )
    };
    let layout = format!("{}{lines}{indent}", style.newline);
    let mut result: Vec<Edit> = edits
        .iter()
        .filter(|e| e.end < inner_start || e.start > inner_end)
        .cloned()
        .collect();
    result.extend(smallest_edits(text, inner_start..inner_end, &layout));
    Some(result)
}

/// The fix's edits with the statement of the line `start..end` that they make too long, when
/// it stands on that line alone and no bracket of the line holds the edit (`pw = "..."`
/// becoming `pw = RandomPassword(...).result`), broken at its last bracket.
fn broken_statement(
    text: &str,
    tree: &Tree,
    edits: &[Edit],
    (start, end): (usize, usize),
    style: &Style,
) -> Option<Vec<Edit>> {
    let line = &text[start..end];
    let indent = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
    let first = start + indent.len();
    // The line is one whole simple statement.
    let mut node = tree.root_node().descendant_for_byte_range(first, first)?;
    while !matches!(node.kind(), "expression_statement" | "return_statement") {
        node = node.parent().filter(|p| p.start_byte() == first)?;
    }
    if node.end_byte() > end {
        return None;
    }
    let after = &text[node.end_byte()..end];
    let whole_line = node.start_position().row == node.end_position().row
        && node
            .parent()
            .is_some_and(|p| matches!(p.kind(), "module" | "block"))
        && (after.trim().is_empty() || after.trim_start().starts_with('#'));
    if !whole_line {
        return None;
    }
    let (inside, outside): (Vec<&Edit>, Vec<&Edit>) = edits
        .iter()
        .filter(|e| e.end >= first && e.start <= node.end_byte())
        .partition(|e| e.start >= first && e.end <= node.end_byte());
    if !outside.is_empty() {
        return None;
    }
    let statement = with_edits(text, first..node.end_byte(), &inside);
    let unit = indent_unit(text, tree, indent, style);
    let broken = break_item("statement", &statement, indent, &unit, style, 0)?;
    let mut result: Vec<Edit> = edits
        .iter()
        .filter(|e| e.end < first || e.start > node.end_byte())
        .cloned()
        .collect();
    result.extend(smallest_edits(text, first..node.end_byte(), &broken));
    Some(result)
}

/// Whether `edit` lies between the brackets of `node` (for a subscript, its `[...]`).
fn inside_brackets(node: Node, edit: &Edit) -> bool {
    let open = match node.kind() {
        "subscript" => node.child_by_field_id(fields().value).map(|v| v.end_byte()),
        _ => node.child(0).map(|c| c.end_byte()),
    };
    let close = node.child(node.child_count().saturating_sub(1));
    match (open, close) {
        (Some(open), Some(close)) => edit.start >= open && edit.end <= close.start_byte(),
        _ => false,
    }
}

/// The expression a bracket closes: the call of an argument list, with the attributes read
/// from it (`RandomPassword(...).result`); the literal itself otherwise.
fn whole_expression(bracket: Node) -> Node {
    let mut expression = match bracket.parent() {
        Some(call) if bracket.kind() == "argument_list" && call.kind() == "call" => call,
        _ => bracket,
    };
    while let Some(parent) = expression.parent() {
        let is_object = parent.kind() == "attribute"
            && parent
                .child_by_field_id(fields().object)
                .is_some_and(|o| o.id() == expression.id());
        if !is_object {
            break;
        }
        expression = parent;
    }
    expression
}

/// The indentation of `expression`'s line when the expression is all that line holds besides
/// what a formatter leaves in place around a broken bracket: a statement of its own
/// (`x = ...`, `return ...`, a bare call), or an item of its own line in a bracket already
/// broken over lines (`key=...`, `"key": ...`, followed by its comma). `None` otherwise.
fn stands_alone<'a>(text: &'a str, expression: Node) -> Option<&'a str> {
    let parent = expression.parent()?;
    let is = |field: &str| {
        parent
            .child_by_field_name(field)
            .is_some_and(|n| n.id() == expression.id())
    };
    let (first, container) = match parent.kind() {
        "expression_statement" | "return_statement" => (parent, None),
        "assignment" | "augmented_assignment" if is("right") => {
            let statement = parent
                .parent()
                .filter(|s| s.kind() == "expression_statement")?;
            (statement, None)
        }
        "keyword_argument" if is("value") => (parent, parent.parent()),
        "pair" if is("value") => (parent, parent.parent()),
        "argument_list" | "list" | "tuple" | "set" => (expression, Some(parent)),
        _ => return None,
    };
    if let Some(container) = container {
        let row = expression.start_position().row;
        if container.start_position().row >= row || container.end_position().row <= row {
            return None;
        }
    }
    let start = line_start(text, first.start_byte());
    let indent = &text[start..first.start_byte()];
    if !indent.chars().all(|c| c == ' ' || c == '\t') {
        return None;
    }
    let after = &text[expression.end_byte()..line_end(text, expression.end_byte())];
    let after = if container.is_some() {
        after.trim_start().strip_prefix(',').unwrap_or(after)
    } else {
        after
    };
    let after = after.trim_start();
    (after.is_empty() || after.starts_with('#')).then_some(indent)
}

/// `items` of a `kind` bracket one per line under a line indented `indent`, each with its
/// comma; an item too long for its line is broken in turn, as a formatter breaks it.
fn layout_items(
    kind: &str,
    items: &[String],
    indent: &str,
    unit: &str,
    style: &Style,
    depth: usize,
) -> String {
    let inner = format!("{indent}{unit}");
    let nl = style.newline;
    let mut out = String::new();
    for item in items {
        let line = format!("{inner}{item},");
        let too_long = style.line_length.width(&line) > style.line_length.limit;
        match too_long
            .then(|| break_item(kind, item, &inner, unit, style, depth))
            .flatten()
        {
            Some(broken) => out.push_str(&format!("{inner}{broken},{nl}")),
            None => out.push_str(&format!("{line}{nl}")),
        }
    }
    out
}

/// `item` (of a `kind` bracket, on a line indented `indent`) with its last bracket broken one
/// item per line, as ruff and black split a line from the right: the arguments of the call it
/// passes (`key=Call(...)`, `Call(...).attribute`, a lambda's body), or the list or dict it
/// is. `None` when it has none.
fn break_item(
    kind: &str,
    item: &str,
    indent: &str,
    unit: &str,
    style: &Style,
    depth: usize,
) -> Option<String> {
    if depth > 32 {
        return None;
    }
    let (open, close) = brackets(kind);
    let snippet = format!("{open}{item}{close}\n");
    let tree = parsed(&snippet)?;
    let container = container_in(&tree, kind, snippet.len())?;
    let [node] = items(container)[..] else {
        return None;
    };
    let mut expression = match node.kind() {
        "keyword_argument" | "pair" => node.child_by_field_id(fields().value)?,
        "return_statement" => node.named_child(0)?,
        "expression_statement" => match node.named_child(0)? {
            e if matches!(e.kind(), "assignment" | "augmented_assignment") => {
                e.child_by_field_id(fields().right)?
            }
            e => e,
        },
        _ => node,
    };
    loop {
        expression = match expression.kind() {
            "attribute" => expression.child_by_field_id(fields().object)?,
            "lambda" => expression.child_by_field_id(fields().body)?,
            _ => break,
        };
    }
    let bracket = match expression.kind() {
        "call" => expression
            .child_by_field_id(fields().arguments)
            .filter(|a| a.kind() == "argument_list")?,
        kind if BREAKABLE.contains(&kind) => expression,
        _ => return None,
    };
    let inner = item_texts(bracket, &snippet)?;
    let offset = open.len();
    let open_end = bracket.child(0)?.end_byte() - offset;
    let close_start = bracket.child(bracket.child_count() - 1)?.start_byte() - offset;
    let lines = layout_items(bracket.kind(), &inner, indent, unit, style, depth + 1);
    Some(format!(
        "{}{}{lines}{indent}{}",
        &item[..open_end],
        style.newline,
        &item[close_start..]
    ))
}

/// Replacing `range` of `text` with `new`, as the edits that change only what differs: the
/// code the new layout keeps stays in place, and so do the findings inside it.
fn smallest_edits(text: &str, range: std::ops::Range<usize>, new: &str) -> Vec<Edit> {
    use similar::{Algorithm, DiffTag, capture_diff_slices};
    let old = &text[range.clone()];
    // Byte offsets of each character, and of the end.
    let offsets =
        |s: &str| -> Vec<usize> { s.char_indices().map(|(i, _)| i).chain([s.len()]).collect() };
    let (old_at, new_at) = (offsets(old), offsets(new));
    let old_chars: Vec<char> = old.chars().collect();
    let new_chars: Vec<char> = new.chars().collect();
    let mut edits: Vec<Edit> = Vec::new();
    // An insertion is placed where the previous operation ended: `similar` may give it the
    // old position from before an equal run it follows.
    let mut cursor = 0;
    for op in capture_diff_slices(Algorithm::Myers, &old_chars, &new_chars) {
        let (tag, from, to) = op.as_tag_tuple();
        let from = if tag == DiffTag::Insert {
            cursor..cursor
        } else {
            from
        };
        cursor = from.end;
        if tag == DiffTag::Equal {
            continue;
        }
        let start = range.start + old_at[from.start];
        let end = range.start + old_at[from.end];
        let written = &new[new_at[to.start]..new_at[to.end]];
        match edits.last_mut() {
            // A deletion and an insertion that meet are one replacement.
            Some(last) if last.end == start => {
                last.end = end;
                last.text.push_str(written);
            }
            _ => edits.push(Edit {
                start,
                end,
                text: written.to_string(),
            }),
        }
    }
    // Never trust the pieces blindly: if they do not spell the new text, replace it whole.
    let pieces: Vec<&Edit> = edits.iter().collect();
    if with_edits(text, range.clone(), &pieces) != new {
        return vec![Edit {
            start: range.start,
            end: range.end,
            text: new.to_string(),
        }];
    }
    edits
}

/// The text of `range` with `edits` (inside it, in order) applied.
fn with_edits(text: &str, range: std::ops::Range<usize>, edits: &[&Edit]) -> String {
    let mut out = String::new();
    let mut pos = range.start;
    for e in edits {
        out.push_str(&text[pos..e.start]);
        out.push_str(&e.text);
        pos = e.end;
    }
    out.push_str(&text[pos..range.end]);
    out
}

/// The inside of a `kind` comprehension broken as a formatter breaks it: the element, then
/// each `for` and `if` clause, on lines of their own under a line indented `indent`.
fn comprehension_lines(
    kind: &str,
    inner: &str,
    indent: &str,
    unit: &str,
    style: &Style,
) -> Option<String> {
    let (open, close) = brackets(kind);
    let snippet = format!("{open}{inner}{close}\n");
    let tree = parsed(&snippet)?;
    let parts = item_texts(container_in(&tree, kind, snippet.len())?, &snippet)?;
    let inner_indent = format!("{indent}{unit}");
    let nl = style.newline;
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        let line = format!("{inner_indent}{part}");
        // The element may be broken further; a dict comprehension's is a `key: value` pair.
        let context = if kind == "dictionary_comprehension" {
            "dictionary"
        } else {
            "list"
        };
        let broken = (i == 0 && style.line_length.width(&line) > style.line_length.limit)
            .then(|| break_item(context, part, &inner_indent, unit, style, 0))
            .flatten();
        match broken {
            Some(broken) => out.push_str(&format!("{inner_indent}{broken}{nl}")),
            None => out.push_str(&format!("{line}{nl}")),
        }
    }
    Some(out)
}

/// What to write around items to parse them as the items of a `kind` bracket.
fn brackets(kind: &str) -> (&'static str, &'static str) {
    match kind {
        "statement" => ("", ""),
        "argument_list" => ("f(", ")"),
        "list" | "list_comprehension" => ("[", "]"),
        "dictionary" | "set" | "dictionary_comprehension" | "set_comprehension" => ("{", "}"),
        _ => ("(", ")"),
    }
}

fn parsed(snippet: &str) -> Option<Tree> {
    let tree = crate::source::try_parse(snippet).ok()?;
    crate::source::first_syntax_error(&tree)
        .is_none()
        .then_some(tree)
}

/// The `kind` bracket that a snippet made by `brackets` (`len` bytes, with its newline) is.
fn container_in<'t>(tree: &'t Tree, kind: &str, len: usize) -> Option<Node<'t>> {
    let root = tree.root_node();
    if kind == "statement" {
        let statement = root
            .named_child(0)
            .filter(|_| root.named_child_count() == 1)?;
        return (statement.end_byte() + 1 == len).then_some(root);
    }
    let statement = root
        .named_child(0)
        .filter(|_| root.named_child_count() == 1)?;
    let mut node = statement.named_child(0)?;
    if kind == "argument_list" {
        node = node.child_by_field_id(fields().arguments)?;
    }
    (node.kind() == kind && node.end_byte() + 1 == len).then_some(node)
}

/// The text of each item of `bracket`, when there is one and each stands on one line.
fn item_texts(bracket: Node, snippet: &str) -> Option<Vec<String>> {
    let found: Vec<String> = items(bracket)
        .iter()
        .map(|n| snippet[n.byte_range()].to_string())
        .collect();
    (!found.is_empty() && found.iter().all(|i| !i.contains('\n'))).then_some(found)
}

/// The items written between the brackets of a `kind` node, parsed on their own.
fn items_of(kind: &str, inner: &str) -> Option<Vec<String>> {
    let (open, close) = brackets(kind);
    let snippet = format!("{open}{inner}{close}\n");
    let tree = parsed(&snippet)?;
    item_texts(container_in(&tree, kind, snippet.len())?, &snippet)
}

/// The file's indentation unit, as its first indented block or broken bracket shows it; a
/// tab where the line is indented with tabs; else `tab_width` spaces (ruff's `indent-width`).
fn indent_unit(text: &str, tree: &Tree, line_indent: &str, style: &Style) -> String {
    let spaces = " ".repeat(style.line_length.tab_width);
    if line_indent.starts_with('\t') {
        return "\t".into();
    }
    let found = style
        .indentation_step
        .get_or_init(|| first_indentation_step(text, tree));
    match found {
        Some(unit) if line_indent.is_empty() || unit.starts_with(' ') => unit.clone(),
        _ => spaces,
    }
}

/// The step from a line to the next deeper one at the first place the file indents: a block
/// under its statement, or the first item of a bracket broken over lines under the bracket's
/// line.
fn first_indentation_step(text: &str, tree: &Tree) -> Option<String> {
    // The white space before `n`, when `n` opens its line.
    let own_line_indent = |n: Node| {
        let indent = &text[line_start(text, n.start_byte())..n.start_byte()];
        indent
            .chars()
            .all(|c| c == ' ' || c == '\t')
            .then_some(indent)
    };
    // The white space that opens the line of `n`.
    let line_indent = |n: Node| {
        let line = &text[line_start(text, n.start_byte())..];
        &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
    };
    crate::source::every_node(tree).find_map(|node| {
        match node.kind() {
            "block" => node.parent().zip(node.named_child(0)),
            "argument_list" | "list" | "dictionary" | "tuple" | "set" => {
                Some(node).zip(items(node).first().copied())
            }
            _ => None,
        }
        .filter(|(outer, inner)| inner.start_position().row > outer.start_position().row)
        .and_then(|(outer, inner)| {
            let unit = own_line_indent(inner)?.strip_prefix(line_indent(outer))?;
            let uniform = !unit.is_empty() && unit.chars().all(|c| c == ' ') || unit == "\t";
            uniform.then(|| unit.to_string())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply_edits;
    use crate::source::parse;

    /// `text` with `insert` written at the first `at` (a marker inside it) by a one-edit fix,
    /// fitted into `limit` columns.
    fn fixed(text: &str, at: &str, insert: &str, limit: usize) -> String {
        let tree = parse(text);
        let style = Style {
            line_length: LineLength {
                limit,
                tab_width: 4,
            },
            ..Style::of(text)
        };
        let offset = text.find(at).expect("marker") + at.len();
        let fix = fit(
            Fix::safe(vec![Edit::insert(offset, insert)]),
            text,
            &tree,
            &style,
        );
        let edits: Vec<&Edit> = fix.edits.iter().collect();
        apply_edits(text, &edits)
    }

    #[test]
    fn a_call_pushed_over_the_limit_is_broken_one_argument_per_line() {
        let text = "x = f(a, b)  # keep\n";
        assert_eq!(fixed(text, "b", ", c=1", 24), "x = f(a, b, c=1)  # keep\n");
        assert_eq!(
            fixed(text, "b", ", c=1", 23),
            "x = f(\n    a,\n    b,\n    c=1,\n)  # keep\n"
        );
        // The outermost bracket of the line is broken, the inner call stays whole.
        assert_eq!(
            fixed("x = g(f(a), b)\n", "f(a", ", c=1", 16),
            "x = g(\n    f(a, c=1),\n    b,\n)\n"
        );
        // An item still too long is broken in turn.
        assert_eq!(
            fixed("x = g(f(a), b)\n", "f(a", ", cccccccccc=1", 14),
            "x = g(\n    f(\n        a,\n        cccccccccc=1,\n    ),\n    b,\n)\n"
        );
    }

    #[test]
    fn tabs_and_crlf_are_kept() {
        let text = "def h():\r\n\treturn f(a, b)\r\n";
        assert_eq!(
            fixed(text, "b", ", c=1", 20),
            "def h():\r\n\treturn f(\r\n\t\ta,\r\n\t\tb,\r\n\t\tc=1,\r\n\t)\r\n"
        );
        // A tab counts up to the next tab stop: `\treturn f(a, b, c=1)` is 23 columns wide.
        assert_eq!(LineLength::default().width("\treturn f(a, b, c=1)"), 23);
        assert_eq!(LineLength::default().width("ab\tc"), 5);
        assert_eq!(
            fixed(text, "b", ", c=1", 23),
            "def h():\r\n\treturn f(a, b, c=1)\r\n"
        );
    }

    #[test]
    fn the_file_indentation_unit_is_used() {
        let text = "def h():\n  return 1\n\n\nx = f(a, b)\n";
        assert_eq!(
            fixed(text, "b", ", c=1", 12),
            "def h():\n  return 1\n\n\nx = f(\n  a,\n  b,\n  c=1,\n)\n"
        );
    }

    #[test]
    fn a_comprehension_is_broken_before_its_clauses() {
        assert_eq!(
            fixed("x = [f(n) for n in ns if n]\n", "f(n", ", c=1", 30),
            "x = [\n    f(n, c=1)\n    for n in ns\n    if n\n]\n"
        );
    }

    #[test]
    fn lines_a_formatter_would_lay_out_otherwise_are_left_long() {
        // Already too long: the author's layout.
        let long = "x = f(a, b)  # a comment that makes the line long\n";
        assert_eq!(fixed(long, "b", ", c=1", 20), long.replace("b)", "b, c=1)"));
        // Inside an expression, a lambda argument's inside, an f-string.
        for text in [
            "x = 1 + f(a, b)\n",
            "g = lambda: f(a, b)\n",
            "s = f\"{f(a, b)}\"\n",
        ] {
            assert_eq!(
                fixed(text, "a, b", ", c=1", 16),
                text.replace("b)", "b, c=1)"),
                "{text}"
            );
        }
        // Already broken over lines: the new argument joins the others (append_items' job),
        // and a call inside a one-line item is broken only with its own line.
        let text = "x = f(\n    a,\n    g(b),\n)\n";
        assert_eq!(
            fixed(text, "g(b", ", c=1", 12),
            "x = f(\n    a,\n    g(\n        b,\n        c=1,\n    ),\n)\n"
        );
    }

    #[test]
    fn a_fix_of_two_edits_on_one_line_is_broken_whole() {
        // `get_subnet_ids(vpc_id=X)` -> `get_subnets(filters=[...])`: two edits, one line.
        let text = "subnets = aws.ec2.get_subnet_ids(vpc_id=\"vpc-0123456789abcdef0\")\n";
        let tree = parse(text);
        let style = Style {
            line_length: LineLength {
                limit: 88,
                tab_width: 4,
            },
            ..Style::of(text)
        };
        let callee = text.find("aws.ec2").unwrap()..text.find('(').unwrap();
        let argument = text.find("vpc_id").unwrap()..text.rfind(')').unwrap();
        let fix = fit(
            Fix::safe(vec![
                Edit {
                    start: callee.start,
                    end: callee.end,
                    text: "aws.ec2.get_subnets".into(),
                },
                Edit {
                    start: argument.start,
                    end: argument.end,
                    text:
                        "filters=[{\"name\": \"vpc-id\", \"values\": [\"vpc-0123456789abcdef0\"]}]"
                            .into(),
                },
            ]),
            text,
            &tree,
            &style,
        );
        let edits: Vec<&Edit> = fix.edits.iter().collect();
        assert_eq!(
            apply_edits(text, &edits),
            "subnets = aws.ec2.get_subnets(\n    filters=[{\"name\": \"vpc-id\", \"values\": [\"vpc-0123456789abcdef0\"]}],\n)\n"
        );
    }

    #[test]
    fn a_statement_written_after_a_short_line_leaves_that_line_alone() {
        // A fix that deletes arguments and writes them as a resource of their own below.
        let text = "logs = Bucket(\"logs\", acls=True)\nx = 1\n";
        let tree = parse(text);
        let style = Style {
            line_length: LineLength {
                limit: 40,
                tab_width: 4,
            },
            ..Style::of(text)
        };
        let cut = text.find(", acls").unwrap()..text.find(')').unwrap();
        let eol = text.find('\n').unwrap();
        let fix = fit(
            Fix::safe(vec![
                Edit {
                    start: cut.start,
                    end: cut.end,
                    text: String::new(),
                },
                Edit::insert(
                    eol,
                    "\nblock = Block(\"logs-block\", bucket=logs.id, acls=True)",
                ),
            ]),
            text,
            &tree,
            &style,
        );
        let edits: Vec<&Edit> = fix.edits.iter().collect();
        assert_eq!(
            apply_edits(text, &edits),
            "logs = Bucket(\"logs\")\nblock = Block(\n    \"logs-block\",\n    bucket=logs.id,\n    acls=True,\n)\nx = 1\n"
        );
    }

    #[test]
    fn a_statement_a_fix_writes_is_broken_when_too_long() {
        let text = "def h():\n    return x\n";
        let written = fixed(
            text,
            "def h():\n",
            "    pw = Password(name, length=20).result\n",
            30,
        );
        assert_eq!(
            written,
            "def h():\n    pw = Password(\n        name,\n        length=20,\n    ).result\n    return x\n"
        );
        // Never inside what may be a string over several lines.
        let quoted = fixed(
            text,
            "def h():\n",
            "    \"\"\"\n    f(name, length=20).result\n    \"\"\"\n",
            20,
        );
        assert!(
            quoted.contains("    f(name, length=20).result\n"),
            "{quoted}"
        );
    }

    /// Writes `files` (path, contents) under a new folder and returns it.
    fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, contents) in files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, contents).unwrap();
        }
        dir
    }

    #[test]
    fn the_nearest_formatter_configuration_decides() {
        let dir = project(&[
            ("pyproject.toml", "[tool.ruff]\nline-length = 100\n"),
            ("app/pyproject.toml", "[project]\nname = \"app\"\n"),
            ("black/pyproject.toml", "[tool.black]\nline-length = 79\n"),
            (
                "both/pyproject.toml",
                "[tool.black]\nline-length = 79\n[tool.ruff]\nindent-width = 2\n",
            ),
            ("own/ruff.toml", "line-length = 120\nindent-width = 2\n"),
            ("own/pyproject.toml", "[tool.ruff]\nline-length = 60\n"),
            ("hidden/.ruff.toml", "line-length = 110\n"),
            ("hidden/ruff.toml", "line-length = 60\n"),
            (
                "extends/ruff.toml",
                "extend = \"../base.toml\"\nindent-width = 8\n",
            ),
            ("base.toml", "line-length = 99\n"),
            ("defaults/ruff.toml", "[lint]\nselect = [\"E\"]\n"),
        ]);
        let at = |file: &str| line_length_for(&dir.path().join(file));
        let length = |limit, tab_width| LineLength { limit, tab_width };
        assert_eq!(at("main.py"), length(100, 4));
        // A pyproject.toml without a formatter table is passed over.
        assert_eq!(at("app/main.py"), length(100, 4));
        assert_eq!(at("app/deep/er/main.py"), length(100, 4));
        assert_eq!(at("black/main.py"), length(79, 4));
        assert_eq!(at("both/main.py"), length(79, 2));
        assert_eq!(at("own/main.py"), length(120, 2));
        assert_eq!(at("hidden/main.py"), length(110, 4));
        assert_eq!(at("extends/main.py"), length(99, 8));
        // A ruff configuration without `line-length` means ruff's default.
        assert_eq!(at("defaults/main.py"), length(88, 4));
    }
}
