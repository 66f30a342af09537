//! Text from outside is hostile until cleaned: a session file, a
//! participant's phone, a paste. Terminal escape sequences and control
//! characters are removed before it is stored ([`clean`]) and again before
//! any command prints it to a terminal ([`for_terminal`]), so neither the
//! facilitator's terminal, the file nor an export ever runs them.

use std::borrow::Cow;
use std::path::Path;

/// Removes escape sequences (CSI, OSC, DCS and two-byte ones, in their 7-bit
/// and 8-bit forms), every other control character except line breaks, and
/// the invisible characters that reorder text (bidi overrides). Line breaks
/// are kept when `multiline`, else they become spaces. Leading and trailing
/// whitespace goes.
pub fn clean(input: &str, multiline: bool) -> String {
    let mut out = String::with_capacity(input.len());
    scrub(input, |c, next| match c {
        '\r' => {
            if next != Some('\n') {
                out.push(if multiline { '\n' } else { ' ' });
            }
        }
        '\n' => out.push(if multiline { '\n' } else { ' ' }),
        '\t' => out.push(' '),
        c => out.push(c),
    });
    out.trim().to_string()
}

/// The text as it may be printed to a terminal: escape sequences, control
/// characters (but line breaks and tabs) and bidi overrides removed. A
/// carriage return is kept only before a line feed (CRLF), so nothing can
/// jump back and write over what was printed. Borrowed when nothing changes.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| needs_work(c) && c != '\n' && c != '\t')
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    scrub(text, |c, next| match c {
        '\r' if next != Some('\n') => {}
        c => out.push(c),
    });
    Cow::Owned(out)
}

/// A path as it may be printed to a terminal: file names can hold anything,
/// line breaks too (which could forge a line of `list` or `check`), so those
/// show as `?`.
pub fn path(p: &Path) -> String {
    for_terminal(&p.to_string_lossy())
        .chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

/// Whether a character is one [`for_terminal`] or [`clean`] may remove or
/// change: a control character or a reordering one.
pub fn needs_work(c: char) -> bool {
    c.is_control() || is_reordering(c)
}

/// Whether nothing in the text would show: only whitespace, control,
/// reordering and zero-width characters. Such text is refused wherever text
/// is asked for (forms, the join page, the command line).
pub fn is_blank(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || needs_work(c) || is_invisible(c))
}

/// Characters that take no room and draw nothing on their own.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{ad}' | '\u{34f}' | '\u{61c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}'
        | '\u{180b}'..='\u{180f}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{206f}'
        | '\u{3164}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}' | '\u{ffa0}'
        | '\u{1d173}'..='\u{1d17a}' | '\u{e0000}'..='\u{e0fff}')
}

/// Walks `input`, dropping escape sequences, control characters and
/// reordering characters; hands every other character (line breaks and
/// tabs included) to `keep`, with the character after it.
fn scrub(input: &str, mut keep: impl FnMut(char, Option<char>)) {
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => match chars.next() {
                // CSI: parameters and intermediates up to a final byte.
                Some('[') => skip_csi(&mut chars),
                // OSC, DCS, SOS, PM, APC: a string up to BEL or ST.
                Some(']' | 'P' | 'X' | '^' | '_') => skip_string(&mut chars),
                // A two-byte sequence: the second byte goes too.
                Some(_) | None => {}
            },
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\r' | '\n' | '\t' => keep(c, chars.peek().copied()),
            c if needs_work(c) => {}
            c => keep(c, chars.peek().copied()),
        }
    }
}

fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            return;
        }
        // Anything outside the sequence's byte range ends it (and is dropped).
        if !('\u{20}'..='\u{3f}').contains(&c) {
            return;
        }
    }
}

fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => return,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            _ => {}
        }
    }
}

/// Characters that change the order text is shown in, or hide it.
fn is_reordering(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

#[cfg(test)]
mod tests {
    use super::{clean, for_terminal};

    #[test]
    fn escape_sequences_and_controls_go() {
        assert_eq!(clean("\u{1b}[31mred\u{1b}[0m", false), "red");
        assert_eq!(clean("a\u{1b}]0;title\u{7}b", false), "ab");
        assert_eq!(
            clean("a\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\", false),
            "alink"
        );
        assert_eq!(clean("x\u{9b}2Jy", false), "xy");
        assert_eq!(
            clean("bell\u{7} back\u{8}space\u{0}", false),
            "bell backspace"
        );
        assert_eq!(clean("\u{1b}Pq#0;2;0;0;0\u{1b}\\ok", false), "ok");
        assert_eq!(clean("\u{202e}evil", false), "evil");
    }

    #[test]
    fn line_breaks_kept_only_when_asked() {
        assert_eq!(clean("one\r\ntwo\rthree\n", true), "one\ntwo\nthree");
        assert_eq!(clean(" one\ntwo\t", false), "one two");
    }

    #[test]
    fn ordinary_text_is_untouched() {
        let t = "Ça coûte <b>cher</b> & \"vite\" — 日本語 🙂";
        assert_eq!(clean(t, true), t);
    }

    #[test]
    fn text_of_invisible_characters_is_blank() {
        use super::is_blank;
        assert!(is_blank(
            " \u{200b}\u{200d}\u{feff}\u{2060}\t\u{2028}\u{202e}\u{fe0f} "
        ));
        assert!(is_blank(""));
        assert!(!is_blank("\u{200b}a"));
        assert!(!is_blank("👩\u{200d}💻"));
    }

    #[test]
    fn printed_text_keeps_lines_and_loses_every_escape() {
        let hostile = "a\u{1b}]52;c;ZXZpbA==\u{7}b\u{1b}[2Jc\u{9b}31md\u{85}e\u{202e}f\rg\r\nh\ti";
        assert_eq!(for_terminal(hostile), "abcdefg\r\nh\ti");
        assert!(matches!(
            for_terminal("plain\ntext"),
            std::borrow::Cow::Borrowed(_)
        ));
        let forged = std::path::Path::new("a\n!  b.ron:1:1: \u{1b}[31mfake");
        assert_eq!(super::path(forged), "a?!  b.ron:1:1: fake");
    }
}
