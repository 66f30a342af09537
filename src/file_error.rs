//! Problems with a file, pinned to a line and column and said in plain words.

use std::fmt;
use std::path::{Path, PathBuf};

/// A problem found in a session or template file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub path: PathBuf,
    /// 1-based; a problem with the whole file (missing, unreadable) points at 1:1.
    pub line: usize,
    pub col: usize,
    pub message: String,
    /// The offending line, trimmed to a readable length.
    pub excerpt: Option<String>,
}

impl FileError {
    pub fn whole(path: &Path, message: impl Into<String>) -> Self {
        FileError {
            path: path.to_path_buf(),
            line: 1,
            col: 1,
            message: message.into(),
            excerpt: None,
        }
    }

    pub fn at(
        path: &Path,
        text: &str,
        line: usize,
        col: usize,
        message: impl Into<String>,
    ) -> Self {
        let line = line.max(1);
        let col = col.max(1);
        FileError {
            path: path.to_path_buf(),
            line,
            col,
            message: message.into(),
            excerpt: excerpt(text, line),
        }
    }

    /// The error placed at the `nth` (0-based) occurrence of `needle`, or at
    /// the file's start when the needle is not found.
    pub fn near(
        path: &Path,
        text: &str,
        needle: &str,
        nth: usize,
        message: impl Into<String>,
    ) -> Self {
        let (line, col) = crate::ronscan::locate(text, needle, nth).unwrap_or((1, 1));
        FileError::at(path, text, line, col, message)
    }

    /// `FILE:LINE:COL: message`, the first line of the report.
    pub fn headline(&self) -> String {
        // Printed to terminals and screens: the path and the message may
        // quote a file's own text.
        format!(
            "{}:{}:{}: {}",
            crate::clean::path(&self.path),
            self.line,
            self.col,
            crate::clean::for_terminal(&self.message)
        )
    }
}

impl fmt::Display for FileError {
    /// The headline, then the offending line with a caret under the column.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.headline())?;
        if let Some(line) = &self.excerpt {
            // As wide as what the terminal shows before the column: CJK and
            // emoji take two cells, combining marks none, tabs stay tabs.
            let caret_at = line
                .chars()
                .take(self.col.saturating_sub(1))
                .map(|c| match c {
                    '\t' => "\t".to_string(),
                    c => " ".repeat(unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)),
                })
                .collect::<String>();
            write!(f, "\n    {line}\n    {caret_at}^")?;
        }
        Ok(())
    }
}

impl std::error::Error for FileError {}

const EXCERPT_MAX: usize = 160;

fn excerpt(text: &str, line: usize) -> Option<String> {
    let raw = text.lines().nth(line.checked_sub(1)?)?;
    // Control characters would corrupt the terminal the error is printed on.
    let clean: String = raw
        .chars()
        .take(EXCERPT_MAX)
        .map(|c| {
            if crate::clean::needs_work(c) && c != '\t' {
                '?'
            } else {
                c
            }
        })
        .collect();
    if raw.chars().count() > EXCERPT_MAX {
        Some(format!("{clean}…"))
    } else {
        Some(clean)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_shows_line_and_caret() {
        let e = FileError::at(Path::new("s.ron"), "one\n  two\n", 2, 3, "bad");
        assert_eq!(e.to_string(), "s.ron:2:3: bad\n      two\n      ^");
    }

    #[test]
    fn caret_lines_up_under_wide_characters() {
        let e = FileError::at(
            Path::new("s.ron"),
            "(a: \"日本🙂e\u{301}\" x)",
            1,
            13,
            "bad",
        );
        assert_eq!(
            e.to_string(),
            "s.ron:1:13: bad\n    (a: \"日本🙂e\u{301}\" x)\n                  ^"
        );
    }

    #[test]
    fn excerpt_hides_control_characters() {
        let e = FileError::at(Path::new("s.ron"), "a\u{1b}[2Jb", 1, 1, "bad");
        assert_eq!(e.excerpt.as_deref(), Some("a?[2Jb"));
    }
}
