//! Cutting and wrapping text by grapheme and display width, looking only at
//! as much of the text as can be shown (a 20,000-character field costs a
//! screenful). A grapheme (a letter with its accents, an emoji joined from
//! several) is never split, and is measured as the terminal shows it.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// What one grapheme is on screen.
enum Piece<'a> {
    /// A line break: `\n`, `\r\n`, `\r`, and the Unicode line and paragraph
    /// separators (U+2028, U+2029), which some editors paste.
    Break,
    /// Whitespace a word ends at (a tab counts as one space).
    Space,
    /// Shown, `usize` columns wide.
    Shown(&'a str, usize),
    /// Control characters and the like: never drawn.
    Hidden,
}

fn piece(g: &str) -> Piece<'_> {
    match g {
        "\n" | "\r\n" | "\r" | "\u{2028}" | "\u{2029}" => Piece::Break,
        _ if g.chars().all(char::is_whitespace) => Piece::Space,
        _ if g.chars().any(crate::clean::needs_work) => Piece::Hidden,
        _ => Piece::Shown(g, g.width()),
    }
}

/// The text cut to `width` columns, with `…` when cut. Line breaks become spaces.
pub fn trunc(s: &str, width: usize) -> String {
    let mut out = String::new();
    // Where each grapheme kept starts, and its width: cutting back for the
    // ellipsis removes whole graphemes.
    let mut kept: Vec<(usize, usize)> = Vec::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let (text, w) = match piece(g) {
            Piece::Break | Piece::Space => (" ", 1),
            Piece::Shown(text, w) => (text, w),
            Piece::Hidden => continue,
        };
        if used + w > width {
            // Room for the ellipsis: drop graphemes until it fits.
            while used + 1 > width {
                match kept.pop() {
                    Some((at, w)) => {
                        out.truncate(at);
                        used -= w;
                    }
                    None => return out,
                }
            }
            out.push('…');
            return out;
        }
        kept.push((out.len(), w));
        used += w;
        out.push_str(text);
    }
    out
}

/// A word being gathered: its graphemes and their widths.
#[derive(Default)]
struct Word<'a> {
    parts: Vec<(&'a str, usize)>,
    width: usize,
}

/// Flushes a word onto the current line, breaking as needed.
fn push_word(
    width: usize,
    line: &mut String,
    used: &mut usize,
    word: &mut Word<'_>,
    lines: &mut Vec<String>,
) {
    if word.width == 0 {
        word.parts.clear();
        return;
    }
    if *used > 0 && *used + 1 + word.width > width {
        lines.push(std::mem::take(line));
        *used = 0;
    }
    if *used > 0 {
        line.push(' ');
        *used += 1;
    }
    for (g, w) in word.parts.drain(..) {
        if w > width {
            // Wider than a whole row (an emoji in one column): cannot be shown.
            continue;
        }
        if *used + w > width && *used > 0 {
            lines.push(std::mem::take(line));
            *used = 0;
        }
        line.push_str(g);
        *used += w;
    }
    word.width = 0;
}

/// Word-wrap into at most `max_lines` lines of `width` columns. Text past
/// the last line is marked with `…`.
pub fn wrap(s: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    if width == 0 || max_lines == 0 {
        return lines;
    }
    let mut line = String::new();
    let mut used = 0;
    let mut word = Word::default();
    let mut cut = false;
    let mut graphemes = s.graphemes(true);
    loop {
        if lines.len() >= max_lines {
            cut = true;
            break;
        }
        let Some(g) = graphemes.next() else {
            break;
        };
        match piece(g) {
            Piece::Break => {
                push_word(width, &mut line, &mut used, &mut word, &mut lines);
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            Piece::Space => push_word(width, &mut line, &mut used, &mut word, &mut lines),
            Piece::Hidden => {}
            Piece::Shown(g, w) => {
                word.parts.push((g, w));
                word.width += w;
                // A giant word is broken without waiting for its end.
                if word.width > width * max_lines {
                    cut = true;
                    break;
                }
            }
        }
    }
    if !cut {
        push_word(width, &mut line, &mut used, &mut word, &mut lines);
        if !line.is_empty() {
            lines.push(line);
        }
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        cut = true;
    }
    if cut && let Some(last) = lines.last_mut() {
        *last = trunc(&format!("{last} …"), width);
        if !last.ends_with('…') {
            last.push('…');
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunc_respects_wide_characters() {
        assert_eq!(trunc("hello", 10), "hello");
        assert_eq!(trunc("hello world", 5), "hell…");
        assert_eq!(trunc("日本語テキスト", 5), "日本…");
        assert_eq!(trunc("a\nb", 5), "a b");
        assert_eq!(trunc("abc", 0), "");
    }

    #[test]
    fn wrap_breaks_words_and_stops() {
        assert_eq!(wrap("one two three", 7, 5), vec!["one two", "three"]);
        let w = wrap(&"word ".repeat(10_000), 10, 3);
        assert_eq!(w.len(), 3);
        assert!(w[2].ends_with('…'));
        let w = wrap(&"x".repeat(100_000), 10, 2);
        assert!(w.len() <= 2);
        assert_eq!(wrap("🙂🙂🙂", 4, 5), vec!["🙂🙂", "🙂"]);
    }

    #[test]
    fn graphemes_are_never_split_and_measured_as_shown() {
        // A family emoji joined by ZWJ is one picture two columns wide; an
        // accent written as a combining mark stays on its letter.
        let family = "👩\u{200d}👩\u{200d}👧";
        assert_eq!(
            trunc(&format!("{family}{family}{family}"), 5),
            format!("{family}{family}…")
        );
        let cafe = "cafe\u{301} cafe\u{301}";
        assert_eq!(trunc(cafe, 5), "cafe\u{301}…");
        assert_eq!(trunc(cafe, 4), "caf…");
        assert_eq!(wrap(cafe, 4, 3), vec!["cafe\u{301}", "cafe\u{301}"]);
        for (text, width) in [
            (family, 2),
            ("e\u{301}\u{301}\u{301}", 1),
            ("a\u{200b}b", 2),
        ] {
            assert_eq!(
                unicode_width::UnicodeWidthStr::width(trunc(text, 10).as_str()),
                width
            );
        }
    }

    #[test]
    fn unicode_line_separators_break_lines() {
        assert_eq!(
            wrap("one\u{2028}two\u{2029}three", 20, 5),
            vec!["one", "two", "three"]
        );
        assert_eq!(trunc("one\u{2028}two", 20), "one two");
    }
}
