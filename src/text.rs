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

/// Where wrapped lines go: built as strings (`wrap`), or only counted
/// (`wrap_count`), by the same rules.
trait Lines {
    fn count(&self) -> usize;
    /// Append to the current line.
    fn put(&mut self, g: &str);
    /// Whether the current line holds anything yet.
    fn open(&self) -> bool;
    /// End the current line.
    fn end(&mut self);
}

#[derive(Default)]
struct Built {
    lines: Vec<String>,
    line: String,
}

impl Lines for Built {
    fn count(&self) -> usize {
        self.lines.len()
    }
    fn put(&mut self, g: &str) {
        self.line.push_str(g);
    }
    fn open(&self) -> bool {
        !self.line.is_empty()
    }
    fn end(&mut self) {
        self.lines.push(std::mem::take(&mut self.line));
    }
}

#[derive(Default)]
struct Counted {
    lines: usize,
    open: bool,
}

impl Lines for Counted {
    fn count(&self) -> usize {
        self.lines
    }
    fn put(&mut self, _: &str) {
        self.open = true;
    }
    fn open(&self) -> bool {
        self.open
    }
    fn end(&mut self) {
        self.lines += 1;
        self.open = false;
    }
}

/// Flushes a word onto the current line, breaking as needed.
fn push_word(width: usize, used: &mut usize, word: &mut Word<'_>, out: &mut impl Lines) {
    if word.width == 0 {
        word.parts.clear();
        return;
    }
    if *used > 0 && *used + 1 + word.width > width {
        out.end();
        *used = 0;
    }
    if *used > 0 {
        out.put(" ");
        *used += 1;
    }
    for (g, w) in word.parts.drain(..) {
        if w > width {
            // Wider than a whole row (an emoji in one column): cannot be shown.
            continue;
        }
        if *used + w > width && *used > 0 {
            out.end();
            *used = 0;
        }
        out.put(g);
        *used += w;
    }
    word.width = 0;
}

/// Wraps `s` into `out`; true when text was left over.
fn wrap_into(s: &str, width: usize, max_lines: usize, out: &mut impl Lines) -> bool {
    let mut used = 0;
    let mut word = Word::default();
    let mut graphemes = s.graphemes(true);
    loop {
        if out.count() >= max_lines {
            return true;
        }
        let Some(g) = graphemes.next() else {
            break;
        };
        match piece(g) {
            Piece::Break => {
                push_word(width, &mut used, &mut word, out);
                out.end();
                used = 0;
            }
            Piece::Space => push_word(width, &mut used, &mut word, out),
            Piece::Hidden => {}
            Piece::Shown(g, w) => {
                word.parts.push((g, w));
                word.width += w;
                // A giant word is broken without waiting for its end.
                if word.width > width * max_lines {
                    return true;
                }
            }
        }
    }
    push_word(width, &mut used, &mut word, out);
    if out.open() {
        out.end();
    }
    false
}

/// Word-wrap into at most `max_lines` lines of `width` columns. Text past
/// the last line is marked with `…`.
pub fn wrap(s: &str, width: usize, max_lines: usize) -> Vec<String> {
    if width == 0 || max_lines == 0 {
        return Vec::new();
    }
    let mut built = Built::default();
    let mut cut = wrap_into(s, width, max_lines, &mut built);
    let mut lines = built.lines;
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
/// the wall measures every item it holds to cut its pages.
pub fn wrap_count(s: &str, width: usize, max_lines: usize) -> usize {
    if width == 0 || max_lines == 0 {
        return 0;
    }
    let mut counted = Counted::default();
    wrap_into(s, width, max_lines, &mut counted);
    counted.lines.min(max_lines)
}

/// The text cut to `width` columns (with `…` when cut) and padded with
/// spaces to exactly that width: a table's column, aligned whatever the
/// letters' widths.
pub fn fit(s: &str, width: usize) -> String {
    let mut t = trunc(s, width);
    let used = t.width();
    t.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    t
}

/// Lower case, spaces collapsed: how items are matched across sessions.
pub fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// "12:05" or "-1:30" from seconds.
pub fn clock(secs: i64) -> String {
    let a = secs.unsigned_abs();
    let sign = if secs < 0 { "-" } else { "" };
    if a >= 3600 {
        format!("{sign}{}:{:02}:{:02}", a / 3600, a / 60 % 60, a % 60)
    } else {
        format!("{sign}{}:{:02}", a / 60, a % 60)
    }
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
    fn fit_gives_a_column_exactly_as_wide_whatever_the_letters() {
        assert_eq!(fit("ab", 4), "ab  ");
        assert_eq!(fit("日本", 6), "日本  ");
        assert_eq!(fit("日本語テキスト", 5), "日本…");
        assert_eq!(fit("日本語", 4), "日… ");
        assert_eq!(fit("abc", 0), "");
        for t in [
            "Harbour & Hale",
            "日本語のタイトル",
            "👩\u{200d}👩\u{200d}👧 team",
        ] {
            assert_eq!(fit(t, 11).width(), 11, "{t}");
        }
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
