//! Cutting and wrapping text by display width, looking only at as much of
//! the text as can be shown (a 20,000-character field costs a screenful).

use unicode_width::UnicodeWidthChar;

/// The text cut to `width` columns, with `…` when cut. Line breaks become spaces.
pub fn trunc(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let c = if c == '\n' || c == '\t' || c == '\r' {
            ' '
        } else {
            c
        };
        let w = c.width().unwrap_or(0);
        if used + w > width {
            // Room for the ellipsis: drop characters until it fits.
            while used + 1 > width {
                match out.pop() {
                    Some(p) => used -= p.width().unwrap_or(0),
                    None => return out,
                }
            }
            out.push('…');
            return out;
        }
        if c.is_control() {
            continue;
        }
        used += w;
        out.push(c);
        if chars.peek().is_none() {
            break;
        }
    }
    out
}

/// Flushes a word onto the current line, breaking as needed.
fn push_word(
    width: usize,
    line: &mut String,
    used: &mut usize,
    word: &mut String,
    word_w: &mut usize,
    lines: &mut Vec<String>,
) {
    if *word_w == 0 {
        return;
    }
    if *used > 0 && *used + 1 + *word_w > width {
        lines.push(std::mem::take(line));
        *used = 0;
    }
    if *used > 0 {
        line.push(' ');
        *used += 1;
    }
    for c in word.chars() {
        let w = c.width().unwrap_or(0);
        if *used + w > width {
            lines.push(std::mem::take(line));
            *used = 0;
        }
        line.push(c);
        *used += w;
    }
    word.clear();
    *word_w = 0;
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
    let mut word = String::new();
    let mut word_w = 0;
    let mut cut = false;
    let mut chars = s.chars();
    loop {
        if lines.len() >= max_lines {
            cut = true;
            break;
        }
        match chars.next() {
            None => break,
            Some('\n') => {
                push_word(
                    width,
                    &mut line,
                    &mut used,
                    &mut word,
                    &mut word_w,
                    &mut lines,
                );
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            Some(c) if c.is_whitespace() => push_word(
                width,
                &mut line,
                &mut used,
                &mut word,
                &mut word_w,
                &mut lines,
            ),
            Some(c) if c.is_control() => {}
            Some(c) => {
                word.push(c);
                word_w += c.width().unwrap_or(0);
                // A giant word is broken without waiting for its end.
                if word_w > width * max_lines {
                    cut = true;
                    break;
                }
            }
        }
    }
    if !cut {
        push_word(
            width,
            &mut line,
            &mut used,
            &mut word,
            &mut word_w,
            &mut lines,
        );
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
}
