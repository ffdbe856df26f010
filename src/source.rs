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
                "not valid UTF-8 (invalid byte at offset {}); left untouched",
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
        }
    })
}

thread_local! {
    // One parser per thread: creating one is cheap, but not free, and files are many.
    static PARSER: RefCell<Parser> = RefCell::new({
        let mut parser = Parser::new();
        parser.set_language(&language()).expect("tree-sitter-python matches the tree-sitter core");
        parser
    });
}

pub fn parse(text: &str) -> Tree {
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

    #[test]
    fn words_are_whole_identifiers() {
        let text = "import aws\naws.x(awsome, _aws, aws)\n";
        assert_eq!(words(text, "aws").collect::<Vec<_>>(), vec![7, 11, 31]);
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("a\né = 1", 6), (2, 4));
    }
}
