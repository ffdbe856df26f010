//! The `text` (ruff's `full`) format of a finding: its one-line header, then the source line
//! it starts on with a caret under the span.
//!
//! ```text
//! main.py:3:24: eip-domain-vpc `vpc=True` is deprecated [*]
//!   |
//! 3 | eip = aws.ec2.Eip("e", vpc=True)
//!   |                        ^^^^^^^^
//!   |
//! ```

use super::style::Paint;
use crate::fix::Diagnostic;

/// Tabs are shown as this many spaces, so that the caret lines up whatever the terminal's.
const TAB: &str = "    ";

/// The lines of a text, found once for all the findings of a file.
pub struct Lines<'a>(Vec<&'a str>);

impl<'a> Lines<'a> {
    pub fn of(text: &'a str) -> Lines<'a> {
        Lines(text.split('\n').collect())
    }
}

/// The source excerpt under a finding's header, a blank line after it; `lines` are those of
/// the text the diagnostic's positions refer to. Empty when the line is not in it.
pub fn snippet(lines: &Lines, diagnostic: &Diagnostic, color: bool) -> String {
    let ((line, col), (end_line, end_col)) = (diagnostic.start, diagnostic.end);
    let Some(source) = lines.0.get(line.saturating_sub(1)) else {
        return String::new();
    };
    let source = source.strip_suffix('\r').unwrap_or(source);
    let chars: Vec<char> = source.chars().collect();
    let start = col.saturating_sub(1).min(chars.len());
    // A span that goes on past its first line is underlined to that line's end.
    let end = if end_line == line {
        end_col.saturating_sub(1).clamp(start, chars.len())
    } else {
        chars.len()
    };
    let shown_width = |chars: &[char]| -> usize {
        chars
            .iter()
            .map(|&c| if c == '\t' { TAB.len() } else { 1 })
            .sum()
    };
    let indent = shown_width(&chars[..start]);
    let carets = shown_width(&chars[start..end]).max(1);
    let number = line.to_string();
    let paint = Paint(color);
    let gutter = format!("{} {}", " ".repeat(number.len()), paint.dim("|"));
    format!(
        "{gutter}\n{} {} {}\n{gutter} {}{}\n{gutter}\n\n",
        paint.dim(&number),
        paint.dim("|"),
        source.replace('\t', TAB),
        " ".repeat(indent),
        paint.error(&"^".repeat(carets)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codemods::Finding;

    fn at(start: (usize, usize), end: (usize, usize)) -> Diagnostic {
        Diagnostic {
            finding: Finding {
                rule: "eip-domain-vpc",
                start: 0,
                end: 0,
                message: String::new(),
                fix: None,
            },
            start,
            end,
            edit_positions: Vec::new(),
            applied: false,
        }
    }

    #[test]
    fn the_caret_lines_up_under_the_span_whatever_the_tabs() {
        let text = "import x\n\teip = Eip(vpc=True)\r\nlast\n";
        assert_eq!(
            snippet(&Lines::of(text), &at((2, 12), (2, 20)), false),
            "  |\n2 |     eip = Eip(vpc=True)\n  |               ^^^^^^^^\n  |\n\n"
        );
        // Past its first line: underlined to the end of it.
        assert_eq!(
            snippet(&Lines::of(text), &at((1, 8), (3, 2)), false),
            "  |\n1 | import x\n  |        ^\n  |\n\n"
        );
        assert_eq!(snippet(&Lines::of(text), &at((9, 1), (9, 2)), false), "");
    }
}
