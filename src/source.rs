//! A Python file's text as infra-fix sees it: BOM and newline style kept aside, parsed with
//! tree-sitter-python, with its syntax errors counted.

use std::cell::RefCell;
use tree_sitter::{Language, Node, Parser, Tree};

const BOM: &str = "\u{feff}";

/// The text of one file, split into what the codemods see (`text`) and what must be put
/// back exactly when the file is written (`bom`).
#[derive(Debug, Clone)]
pub struct Source {
    pub bom: bool,
    pub text: String,
}

impl Source {
    /// Decodes a file's bytes; `Err` carries a one-line reason when they are not UTF-8.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Source, String> {
        let text = String::from_utf8(bytes).map_err(|e| {
            format!(
                "not valid UTF-8 (invalid byte at offset {}); left untouched, save it as UTF-8",
                e.utf8_error().valid_up_to()
            )
        })?;
        Ok(Source::from_string(text))
    }

    pub fn from_string(text: String) -> Source {
        match text.strip_prefix(BOM) {
            Some(rest) => Source {
                bom: true,
                text: rest.to_string(),
            },
            None => Source { bom: false, text },
        }
    }

    /// The full file contents, BOM included, for writing or diffing.
    pub fn contents(&self, text: &str) -> String {
        if self.bom {
            format!("{BOM}{text}")
        } else {
            text.to_string()
        }
    }
}

pub fn language() -> Language {
    tree_sitter_python::LANGUAGE.into()
}

/// Field ids of the grammar, looked up once: `child_by_field_name` compares strings each call.
pub struct FieldIds {
    pub name: u16,
    pub value: u16,
    pub function: u16,
    pub arguments: u16,
    pub object: u16,
    pub attribute: u16,
    pub alias: u16,
    pub argument: u16,
    pub body: u16,
    pub expression: u16,
    pub format_specifier: u16,
    pub key: u16,
    pub left: u16,
    pub module_name: u16,
    pub operator: u16,
    pub parameters: u16,
    pub right: u16,
    pub subscript: u16,
    pub type_: u16,
}

pub fn fields() -> &'static FieldIds {
    static FIELDS: std::sync::OnceLock<FieldIds> = std::sync::OnceLock::new();
    FIELDS.get_or_init(|| {
        let language = language();
        let id = |name: &str| {
            language
                .field_id_for_name(name)
                .unwrap_or_else(|| panic!("tree-sitter-python has a `{name}` field"))
                .get()
        };
        FieldIds {
            name: id("name"),
            value: id("value"),
            function: id("function"),
            arguments: id("arguments"),
            object: id("object"),
            attribute: id("attribute"),
            alias: id("alias"),
            argument: id("argument"),
            body: id("body"),
            expression: id("expression"),
            format_specifier: id("format_specifier"),
            key: id("key"),
            left: id("left"),
            module_name: id("module_name"),
            operator: id("operator"),
            parameters: id("parameters"),
            right: id("right"),
            subscript: id("subscript"),
            type_: id("type"),
        }
    })
}

/// `Node::kind`, from a table of the grammar's names built once: tree-sitter's binding checks
/// that the name is UTF-8 at every call, and the symbol model and import resolution make
/// hundreds of thousands of them on a large run.
pub trait NodeKind {
    fn kind_str(&self) -> &'static str;
}

impl NodeKind for Node<'_> {
    fn kind_str(&self) -> &'static str {
        static NAMES: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
        let names = NAMES.get_or_init(|| {
            let language = language();
            (0..language.node_kind_count() as u16)
                .map(|id| language.node_kind_for_id(id).unwrap_or(""))
                .collect()
        });
        names
            .get(self.kind_id() as usize)
            .copied()
            .unwrap_or_else(|| self.kind())
    }
}

thread_local! {
    // One parser per thread: creating one is cheap, but not free, and files are many.
    static PARSER: RefCell<Parser> = RefCell::new({
        let mut parser = Parser::new();
        parser.set_language(&language()).expect("tree-sitter-python matches the tree-sitter core");
        parser
    });
}

/// The widest indentation tree-sitter-python survives. Its scanner keeps one entry per
/// indentation level and serializes them into a 1,024-byte buffer; past about 384 levels it
/// overflows that buffer and aborts the whole process (an `assert` in C, not a panic we
/// could catch). Each level is at least one column wider than the last, so no line indented
/// at most this many columns can get there.
pub const MAX_INDENT: u16 = 383;

/// Parses `text`, or says why it cannot be parsed safely: indentation deeper than
/// [`MAX_INDENT`].
pub fn try_parse(text: &str) -> Result<Tree, String> {
    let widest = widest_indent(text.as_bytes());
    if widest > MAX_INDENT {
        return Err(format!(
            "indented {widest} columns deep, more than the Python parser handles ({MAX_INDENT}); left untouched, reduce the nesting"
        ));
    }
    Ok(parse_unchecked(text))
}

/// Parses `new_text`, which is the text of `old_tree` with `changes` (sorted, disjoint, in
/// the old text's offsets) applied, reusing every part of `old_tree` the changes did not
/// touch: a fix pass re-parses only around its fixes.
pub fn try_reparse(
    mut old_tree: Tree,
    changes: &[tree_sitter::InputEdit],
    new_text: &str,
) -> Result<Tree, String> {
    let widest = widest_indent(new_text.as_bytes());
    if widest > MAX_INDENT {
        return Err(format!(
            "indented {widest} columns deep, more than the Python parser handles ({MAX_INDENT}); left untouched, reduce the nesting"
        ));
    }
    // Last change first: the offsets of the changes before it are still those of the old text.
    for change in changes.iter().rev() {
        old_tree.edit(change);
    }
    Ok(PARSER.with(|parser| {
        parser
            .borrow_mut()
            .parse(new_text, Some(&old_tree))
            .expect("parsing without a timeout or cancellation always yields a tree")
    }))
}

/// Parses text known to be shallow: tests and the benchmark's own files. Panics where
/// [`try_parse`] returns `Err`; user files go through [`try_parse`].
pub fn parse(text: &str) -> Tree {
    try_parse(text).unwrap_or_else(|e| panic!("{e}"))
}

/// The widest indentation the scanner can compute on any line, counted its way: a space is
/// one column and a tab eight, in a 16-bit counter that wraps; `\r` and `\f` start over, a
/// backslash-newline carries on. A byte scan, about as cheap as reading the file.
fn widest_indent(bytes: &[u8]) -> u16 {
    let mut widest = 0u16;
    let mut width = 0u16;
    let mut in_indent = true;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' | b'\r' | 0x0c => {
                width = 0;
                in_indent = true;
            }
            _ if !in_indent => {
                // Skip to the next place an indentation can start.
                i += memchr::memchr3(b'\n', b'\r', 0x0c, &bytes[i..]).unwrap_or(bytes.len() - i);
                continue;
            }
            b' ' => width = width.wrapping_add(1),
            b'\t' => width = width.wrapping_add(8),
            b'\\' if bytes[i + 1..].starts_with(b"\n") || bytes[i + 1..].starts_with(b"\r\n") => {
                i += if bytes[i + 1] == b'\r' { 3 } else { 2 };
                widest = widest.max(width);
                continue;
            }
            _ => in_indent = false,
        }
        widest = widest.max(width);
        i += 1;
    }
    widest
}

fn parse_unchecked(text: &str) -> Tree {
    PARSER.with(|parser| {
        parser
            .borrow_mut()
            .parse(text, None)
            .expect("parsing without a timeout or cancellation always yields a tree")
    })
}

/// The first ERROR or MISSING node, if the tree has any: the place to name in the message.
pub fn first_syntax_error(tree: &Tree) -> Option<Node<'_>> {
    let root = tree.root_node();
    if !root.has_error() {
        return None;
    }
    // Iterative descent into the subtrees that contain errors: no recursion, no stack overflow
    // on deeply nested input.
    let mut node = root;
    'descend: loop {
        if node.is_error() || node.is_missing() {
            return Some(node);
        }
        let mut cursor = node.walk();
        for child in node.children(&mut cursor) {
            if child.is_error() || child.is_missing() || child.has_error() {
                node = child;
                continue 'descend;
            }
        }
        return Some(node);
    }
}

/// The newline the file uses most: inserted lines use it too.
pub fn newline_style(text: &str) -> &'static str {
    let lf = memchr::memchr_iter(b'\n', text.as_bytes()).count();
    let crlf = memchr::memmem::find_iter(text.as_bytes(), b"\r\n").count();
    if crlf * 2 > lf { "\r\n" } else { "\n" }
}

/// Finds the nodes at a series of byte ranges given in increasing order, in time linear in
/// the tree overall: a cursor moves forward from one range to the next instead of starting
/// from the root each time (`Node::descendant_for_byte_range` and `Node::parent` walk down from
/// the root, scanning siblings: on 50,000 top-level statements, once per hit is quadratic).
pub struct Seeker<'t> {
    cursor: tree_sitter::TreeCursor<'t>,
}

impl<'t> Seeker<'t> {
    pub fn new(tree: &'t Tree) -> Seeker<'t> {
        Seeker::within(tree.root_node())
    }

    /// A seeker for ranges inside `node`.
    pub fn within(node: Node<'t>) -> Seeker<'t> {
        Seeker {
            cursor: node.walk(),
        }
    }

    /// Moves to the smallest node that spans `start..end` (ranges in increasing order).
    pub fn seek(&mut self, start: usize, end: usize) -> Node<'t> {
        let c = &mut self.cursor;
        let contains = |n: Node| n.start_byte() <= start && end <= n.end_byte();
        // Up until a node spans the range (stepping through siblings costs more than finding
        // the child again from their parent).
        while !contains(c.node()) && c.goto_parent() {}
        // Down into the child that spans it, as deep as it goes (tree-sitter finds the first
        // child that ends after `start`: only that one can span the range).
        while c.goto_first_child_for_byte(start).is_some() {
            if !contains(c.node()) {
                c.goto_parent();
                break;
            }
        }
        c.node()
    }

    /// The current node's parent, and the field the current node fills in it.
    pub fn up(&mut self) -> Option<(Node<'t>, Option<&'static str>)> {
        let field = self.cursor.field_name();
        self.cursor
            .goto_parent()
            .then(|| (self.cursor.node(), field))
    }
}

/// Every node of `tree`, named and anonymous, in document order (parents before their
/// children), by one cursor walk without recursion: a hostile file may nest 100,000 deep.
pub fn every_node(tree: &Tree) -> impl Iterator<Item = Node<'_>> {
    let mut cursor = tree.walk();
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let node = cursor.node();
        if !cursor.goto_first_child() {
            while !cursor.goto_next_sibling() {
                if !cursor.goto_parent() {
                    done = true;
                    break;
                }
            }
        }
        Some(node)
    })
}

/// Byte offsets of `word` in `text` where it stands as a whole identifier (not inside a
/// longer name). Strings and comments are not told apart here: callers look at the node.
pub fn words<'a>(text: &'a str, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    let bytes = text.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80;
    memchr::memmem::find_iter(bytes, word.as_bytes()).filter(move |&at| {
        let end = at + word.len();
        (at == 0 || !is_ident(bytes[at - 1])) && (end == bytes.len() || !is_ident(bytes[end]))
    })
}

/// Line and column lookups in one text, each in logarithmic time: scanning from the top for
/// each of a large file's 50,000 findings made it quadratic.
pub struct LineIndex {
    /// Byte offset where each line starts.
    line_starts: Vec<usize>,
    /// Characters before each `CHUNK`-byte boundary, so a column is counted within one chunk
    /// even on a line many megabytes long.
    chunk_chars: Vec<usize>,
}

const CHUNK: usize = 4096;

/// Characters that start in `bytes` (UTF-8 continuation bytes do not start one).
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let line_starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1))
            .collect();
        let mut chunk_chars = vec![0];
        for chunk in bytes.chunks(CHUNK) {
            chunk_chars.push(chunk_chars.last().copied().unwrap_or(0) + char_starts(chunk));
        }
        LineIndex {
            line_starts,
            chunk_chars,
        }
    }

    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let chunk = offset / CHUNK;
        self.chunk_chars[chunk] + char_starts(&text.as_bytes()[chunk * CHUNK..offset])
    }

    /// Tree-sitter's position of a byte offset: 0-based row, column in bytes.
    pub fn point(&self, offset: usize) -> tree_sitter::Point {
        let line = self.line_starts.partition_point(|&start| start <= offset);
        tree_sitter::Point::new(line - 1, offset - self.line_starts[line - 1])
    }

    /// 1-based line and column (in characters) of a byte offset of the indexed `text`.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self.line_starts[line - 1];
        let column = if offset - start <= CHUNK {
            char_starts(&text.as_bytes()[start..offset])
        } else {
            self.chars_before(text, offset) - self.chars_before(text, start)
        };
        (line, column + 1)
    }

    /// The text of 1-based line `line` of the indexed `text`, without its newline; empty past
    /// the end.
    pub fn line<'a>(&self, text: &'a str, line: usize) -> &'a str {
        let Some(&start) = self.line_starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self
            .line_starts
            .get(line)
            .map_or(text.len(), |next| next - 1);
        &text[start..end]
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parser_accepts_the_python_grammar_abi() {
        let tree = parse("x = 1\n");
        assert_eq!(tree.root_node().kind(), "module");
        assert!(first_syntax_error(&tree).is_none());
    }

    #[test]
    fn syntax_errors_are_found() {
        let tree = parse("def f(:\n    pass\n");
        assert!(first_syntax_error(&tree).is_some());
    }

    #[test]
    fn bom_is_kept_aside_and_restored() {
        let source = Source::from_bytes("\u{feff}x = 1\r\n".as_bytes().to_vec()).unwrap();
        assert!(source.bom);
        assert_eq!(source.text, "x = 1\r\n");
        assert_eq!(source.contents(&source.text), "\u{feff}x = 1\r\n");
        assert_eq!(newline_style(&source.text), "\r\n");
    }

    #[test]
    fn invalid_utf8_is_a_clear_error() {
        let err = Source::from_bytes(vec![b'x', 0xff]).unwrap_err();
        assert!(err.contains("not valid UTF-8"), "{err}");
    }

    /// `levels` nested blocks, each one column deeper, ending in `strings` nested f-strings:
    /// each open string delimiter takes a byte of the parser's 1,024-byte state too.
    fn nested_blocks(levels: usize, strings: usize) -> String {
        let mut text: String = (0..levels)
            .map(|i| format!("{}if x:\n", " ".repeat(i)))
            .collect();
        let (open, close) = ("f'{".repeat(strings), "}'".repeat(strings));
        text.push_str(&format!("{}y = {open}a{close}\n", " ".repeat(levels)));
        text
    }

    #[test]
    fn regression_deep_indentation_aborted_the_parser() {
        // These aborted the process inside tree-sitter-python's scanner (measured: 600 levels
        // with one string, 384 with 255 nested f-strings); they are refused instead.
        let err = try_parse(&nested_blocks(600, 1)).unwrap_err();
        assert!(err.contains("indented 600 columns deep"), "{err}");
        assert!(try_parse(&nested_blocks(MAX_INDENT as usize + 1, 255)).is_err());
        // The worst case that is still allowed parses, without aborting this test process.
        let deepest = nested_blocks(MAX_INDENT as usize, 255);
        assert!(first_syntax_error(&try_parse(&deepest).unwrap()).is_none());
    }

    #[test]
    fn indentation_is_measured_as_the_scanner_does() {
        assert_eq!(widest_indent(b"x\n    y\n\tz\n"), 8);
        assert_eq!(
            widest_indent(b"    \\\r\n    x\n"),
            8,
            "backslash-newline carries on"
        );
        assert_eq!(
            widest_indent(b"    \r  x\n"),
            4,
            "a carriage return starts over"
        );
        assert_eq!(
            widest_indent(b"x = '    '\n"),
            0,
            "only leading white space counts"
        );
        assert_eq!(widest_indent(" ".repeat(65_537).as_bytes()), 65_535);
    }

    #[test]
    fn the_seeker_finds_nodes_in_order() {
        let text = "import a\nx = a.b(1)\ny = [a, (a)]\n";
        let tree = parse(text);
        let mut seeker = Seeker::new(&tree);
        for at in words(text, "a") {
            let node = seeker.seek(at, at + 1);
            assert_eq!((node.kind(), node.start_byte()), ("identifier", at), "{at}");
            assert_eq!(
                Some(node),
                tree.root_node()
                    .descendant_for_byte_range(at, at + 1)
                    .filter(|n| n.kind() == "identifier")
            );
        }
        // Up from `a` in `a.b(1)`: the attribute's object, then the call's function.
        let at = text.find("a.b").unwrap();
        let mut seeker = Seeker::new(&tree);
        seeker.seek(at, at + 1);
        let (attribute, field) = seeker.up().unwrap();
        assert_eq!((attribute.kind(), field), ("attribute", Some("object")));
        let (call, field) = seeker.up().unwrap();
        assert_eq!((call.kind(), field), ("call", Some("function")));
    }

    #[test]
    fn every_node_is_walked_once_parents_first() {
        let text = "import a\nx = f(a.b, [1, 2])  # c\ndef g():\n    return x\n";
        let tree = parse(text);
        let nodes: Vec<Node> = every_node(&tree).collect();
        assert_eq!(nodes.len(), tree.root_node().descendant_count());
        assert_eq!(nodes[0], tree.root_node());
        for (i, node) in nodes.iter().enumerate().skip(1) {
            let parent = node.parent().expect("below the root");
            assert!(
                nodes[..i].contains(&parent),
                "{} before its parent",
                node.kind()
            );
        }
        let ids: std::collections::HashSet<usize> = nodes.iter().map(|n| n.id()).collect();
        assert_eq!(ids.len(), nodes.len());
    }

    #[test]
    fn words_are_whole_identifiers() {
        let text = "import aws\naws.x(awsome, _aws, aws)\n";
        assert_eq!(words(text, "aws").collect::<Vec<_>>(), vec![7, 11, 31]);
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("a\né = 1", 6), (2, 4));
        // The index agrees with the plain count everywhere, across chunk boundaries too.
        let text = format!(
            "é\n{}x\n\n{}y",
            "ü".repeat(CHUNK),
            "a".repeat(3 * CHUNK + 1)
        );
        let index = LineIndex::new(&text);
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(
                index.line_col(&text, offset),
                line_col(&text, offset),
                "{offset}"
            );
        }
    }
}
