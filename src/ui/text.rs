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

/// How many lines `wrap(s, width, max_lines)` gives, without building them:
/// the wall measures every item on every frame to know its pages.
pub fn wrap_count(s: &str, width: usize, max_lines: usize) -> usize {
    if width == 0 || max_lines == 0 {
        return 0;
    }
    let mut lines = 0;
    let mut used = 0;
    // The line holds something, even of no width.
    let mut filled = false;
    let mut word_start = None;
    let mut word_w = 0;
    let push_word = |end: usize,
                     word_start: &mut Option<usize>,
                     word_w: &mut usize,
                     lines: &mut usize,
                     used: &mut usize,
                     filled: &mut bool| {
        let Some(start) = word_start.take() else {
            return;
        };
        if *word_w == 0 {
            return;
        }
        if *used > 0 && *used + 1 + *word_w > width {
            *lines += 1;
            *used = 0;
            *filled = false;
        }
        if *used > 0 {
            *used += 1;
        }
        for c in s[start..end].chars().filter(|c| !c.is_control()) {
            let w = c.width().unwrap_or(0);
            if *used + w > width {
                *lines += 1;
                *used = 0;
            }
            *used += w;
            *filled = true;
        }
        *word_w = 0;
    };
    for (i, c) in s.char_indices() {
        if lines >= max_lines {
            return max_lines;
        }
        if c == '\n' {
            push_word(
                i,
                &mut word_start,
                &mut word_w,
                &mut lines,
                &mut used,
                &mut filled,
            );
            lines += 1;
            used = 0;
            filled = false;
        } else if c.is_whitespace() {
            push_word(
                i,
                &mut word_start,
                &mut word_w,
                &mut lines,
                &mut used,
                &mut filled,
            );
        } else if !c.is_control() {
            word_start.get_or_insert(i);
            word_w += c.width().unwrap_or(0);
            // As wrap does: a giant word stops it, with the lines so far.
            if word_w > width * max_lines {
                return lines.min(max_lines);
            }
        }
    }
    if lines >= max_lines {
        return max_lines;
    }
    push_word(
        s.len(),
        &mut word_start,
        &mut word_w,
        &mut lines,
        &mut used,
        &mut filled,
    );
    if filled {
        lines += 1;
    }
    lines.min(max_lines)
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
    fn wrap_count_is_the_number_of_lines_wrap_gives() {
        let texts = [
            "",
            "one",
            "one two three",
            "one two three four five six seven eight nine ten",
            "a\n\nb",
            "trailing space   ",
            "   leading",
            "x\n",
            "🙂🙂🙂 日本語テキスト wide",
            &"word ".repeat(300),
            &"x".repeat(500),
            "ab\tcd\u{7}ef",
            "supercalifragilistic is long",
        ];
        for s in texts {
            for width in [1, 2, 3, 5, 7, 10, 17, 40] {
                for max in [1, 2, 3, 4, 8, 100] {
                    assert_eq!(
                        wrap_count(s, width, max),
                        wrap(s, width, max).len(),
                        "{s:?} at {width} in {max}"
                    );
                }
            }
        }
    }
}
