//! Colour for people: ANSI styles on diffs, finding lines, the summary and errors, applied
//! only when the printer was told to (`--color`, a terminal); machine formats never use it.

use anstyle::{AnsiColor, Style};
use std::borrow::Cow;

/// Paints text when its flag is on, and returns it untouched otherwise.
#[derive(Debug, Clone, Copy)]
pub struct Paint(pub bool);

impl Paint {
    /// Plain text is borrowed, not copied: a run prints a line per finding.
    fn paint(self, style: Style, text: &str) -> Cow<'_, str> {
        if self.0 && !text.is_empty() {
            Cow::Owned(format!("{style}{text}{style:#}"))
        } else {
            Cow::Borrowed(text)
        }
    }

    pub fn path(self, text: &str) -> Cow<'_, str> {
        self.paint(Style::new().bold(), text)
    }

    pub fn dim(self, text: &str) -> Cow<'_, str> {
        self.paint(Style::new().dimmed(), text)
    }

    pub fn rule(self, text: &str) -> Cow<'_, str> {
        self.paint(
            Style::new().bold().fg_color(Some(AnsiColor::Red.into())),
            text,
        )
    }

    pub fn fixable(self, text: &str) -> Cow<'_, str> {
        self.paint(Style::new().fg_color(Some(AnsiColor::Cyan.into())), text)
    }

    pub fn bold(self, text: &str) -> Cow<'_, str> {
        self.paint(Style::new().bold(), text)
    }

    pub fn error(self, text: &str) -> Cow<'_, str> {
        self.paint(
            Style::new().bold().fg_color(Some(AnsiColor::Red.into())),
            text,
        )
    }

    pub fn warning(self, text: &str) -> Cow<'_, str> {
        self.paint(
            Style::new().bold().fg_color(Some(AnsiColor::Yellow.into())),
            text,
        )
    }
}

/// A unified diff with git's colours: headers bold, hunk lines cyan, removals red, additions
/// green.
pub fn color_diff(diff: &str) -> String {
    let paint = Paint(true);
    let red = Style::new().fg_color(Some(AnsiColor::Red.into()));
    let green = Style::new().fg_color(Some(AnsiColor::Green.into()));
    let cyan = Style::new().fg_color(Some(AnsiColor::Cyan.into()));
    diff.split_inclusive('\n')
        .map(|line| {
            let (body, end) = match line.strip_suffix('\n') {
                Some(body) => (body, "\n"),
                None => (line, ""),
            };
            let painted = if body.starts_with("--- ") || body.starts_with("+++ ") {
                paint.bold(body)
            } else if body.starts_with("@@") {
                paint.paint(cyan, body)
            } else if body.starts_with('-') {
                paint.paint(red, body)
            } else if body.starts_with('+') {
                paint.paint(green, body)
            } else {
                Cow::Borrowed(body)
            };
            format!("{painted}{end}")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn off_leaves_text_alone_and_on_wraps_each_diff_line() {
        assert_eq!(Paint(false).rule("eip-domain-vpc"), "eip-domain-vpc");
        let colored = color_diff("--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\n+new\n same\n");
        assert_eq!(
            colored,
            "\u{1b}[1m--- a/x\u{1b}[0m\n\u{1b}[1m+++ b/x\u{1b}[0m\n\u{1b}[36m@@ -1 +1 @@\u{1b}[0m\n\u{1b}[31m-old\u{1b}[0m\n\u{1b}[32m+new\u{1b}[0m\n same\n"
        );
    }
}
